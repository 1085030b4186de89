//! `scrutiny info`: what an index holds.

use crate::index::schema::KIND_DOCUMENT;
use crate::index::{self, IndexError, IndexHandle};
use crate::query::filters::facet_leaf;
use crate::report::{self, clean};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};
use tantivy::Term;
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

#[derive(Args)]
#[command(
    about = "Show what an index holds",
    long_about = "Show what an index holds: documents and searchable units, the areas, regulators, years and\n\
themes found (with how many documents each), its size on disk and schema version.",
    after_help = "Examples:\n  scrutiny info\n  scrutiny info --index reports-index"
)]
pub struct InfoArgs {
    /// Index folder (default: $SCRUTINY_INDEX, else index/).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

fn disk_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

type Counts = Vec<(String, u64)>;

/// Per facet root, the number of documents under each value.
fn document_facets(h: &IndexHandle) -> Result<(u64, Vec<Counts>), IndexError> {
    let roots = [("area_facet", "/area"), ("regulator_facet", "/regulator"), ("year_facet", "/year"), ("theme_facet", "/theme")];
    let searcher = h.searcher();
    let q = TermQuery::new(Term::from_field_text(h.fields.kind, KIND_DOCUMENT), IndexRecordOption::Basic);
    let collectors: Vec<FacetCollector> = roots
        .iter()
        .map(|(f, r)| {
            let mut c = FacetCollector::for_field(*f);
            c.add_facet(*r);
            c
        })
        .collect();
    let mut out = Vec::new();
    let docs = searcher.search(&q, &Count).map_err(|e| h.err(e))? as u64;
    for (c, (_, root)) in collectors.into_iter().zip(roots) {
        let counts = searcher.search(&q, &c).map_err(|e| h.err(e))?;
        out.push(counts.get(root).map(|(f, n)| (facet_leaf(f), n)).collect());
    }
    Ok((docs, out))
}

pub fn run(args: InfoArgs) -> anyhow::Result<i32> {
    let dir = args.index.clone().unwrap_or_else(index::default_dir);
    let h = match index::open(&dir) {
        Ok(h) => h,
        Err(e) => return report::exit_with(e),
    };
    let (docs, facets) = match document_facets(&h) {
        Ok(x) => x,
        Err(e) => return report::exit_with(e),
    };
    let units = h.searcher().num_docs().saturating_sub(docs);
    let list = |v: &Counts| {
        if v.is_empty() { "-".to_string() } else { v.iter().map(|(k, n)| format!("{} ({n})", clean(k))).collect::<Vec<_>>().join(", ") }
    };
    let mut themes = facets[3].clone();
    themes.sort_by_key(|(t, _)| h.meta.themes.iter().position(|x| x == t).unwrap_or(usize::MAX));
    let write = || -> anyhow::Result<()> {
        let mut out = report::output(None)?;
        writeln!(out, "index          {}", dir.display())?;
        writeln!(out, "schema version {} ({})", h.meta.schema_version, h.meta.created_by)?;
        writeln!(out, "documents      {docs}")?;
        writeln!(out, "units          {units}")?;
        writeln!(out, "size on disk   {:.1} MB", disk_size(&dir) as f64 / (1024.0 * 1024.0))?;
        writeln!(out, "areas          {}", list(&facets[0]))?;
        writeln!(out, "regulators     {}", list(&facets[1]))?;
        writeln!(out, "years          {}", list(&facets[2]))?;
        writeln!(out, "themes         {}", list(&themes))?;
        out.flush()?;
        Ok(())
    };
    report::finish(write())
}
