//! `scrutiny search`: full-text search over findings, recommendations, actions and sentences.

use crate::index::{self, IndexHandle};
use crate::query::Filters;
use crate::query::search::{SearchResult, search};
use crate::report::{self, Style, clean};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum UnitKind {
    Finding,
    Recommendation,
    Action,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PolarityArg {
    Strength,
    Weakness,
}

/// Filters shared by search and export.
#[derive(Args, Clone, Default)]
pub struct FilterArgs {
    /// Only units from documents about this area (repeat for any of several).
    #[arg(long, value_name = "AREA")]
    pub area: Vec<String>,
    /// Only units tagged with this theme id (repeat for any of several).
    #[arg(long, value_name = "THEME")]
    pub theme: Vec<String>,
    /// Only documents from this regulator.
    #[arg(long, value_name = "NAME")]
    pub regulator: Option<String>,
    /// Only this kind of unit.
    #[arg(long, value_enum)]
    pub kind: Option<UnitKind>,
    /// Only findings of this polarity.
    #[arg(long, value_enum)]
    pub polarity: Option<PolarityArg>,
    /// Only this document type (press_release, inspection_report, audit_report, committee_report, other).
    #[arg(long, value_name = "TYPE")]
    pub doc_type: Option<String>,
    /// Only documents dated in or after this year.
    #[arg(long, value_name = "YEAR")]
    pub from: Option<u64>,
    /// Only documents dated in or before this year.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<u64>,
    /// Index folder (default: $SCRUTINY_INDEX, else index/).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

impl FilterArgs {
    pub fn filters(&self) -> Filters {
        let kind = self.kind.map(|k| match k {
            UnitKind::Finding => "finding",
            UnitKind::Recommendation => "recommendation",
            UnitKind::Action => "action",
            UnitKind::Text => "text",
        });
        let polarity = self.polarity.map(|p| match p {
            PolarityArg::Strength => "strength",
            PolarityArg::Weakness => "weakness",
        });
        Filters {
            areas: self.area.clone(),
            themes: self.theme.clone(),
            regulator: self.regulator.clone(),
            kind: kind.map(str::to_string),
            polarity: polarity.map(str::to_string),
            doc_type: self.doc_type.clone(),
            from: self.from,
            to: self.to,
        }
    }

    /// Open the index and check the filters against it.
    pub fn open(&self) -> Result<(IndexHandle, Filters), index::IndexError> {
        let handle = index::open(&self.index.clone().unwrap_or_else(index::default_dir))?;
        let mut filters = self.filters();
        filters.resolve(&handle)?;
        Ok((handle, filters))
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SearchFormat {
    Table,
    Json,
    Csv,
}

#[derive(Args)]
#[command(
    about = "Search findings, recommendations, actions and sentences",
    long_about = "Search findings, recommendations, actions and sentences in the index.\n\n\
Words are matched in any form (\"discharges\" finds \"discharge\") and all must appear unless OR is\n\
written. Quote a phrase (\"delayed discharge\"), exclude with -word, and match a field with\n\
field:value (kind:recommendation, themes:workforce, polarity:weakness, or path:\"corpus/a.txt\"\n\
for one document's units, its path as hits show it). Filters narrow the results; repeated\n\
--area or --theme mean any of them. Besides the best hits, the total number of\n\
matches and their counts by area and theme are shown. In --format json each hit's highlights are\n\
[start, end] byte offsets into its snippet.\n\n\
Exit status: 0 ok (even with no hits), 1 no index or other failure, 2 a query that does not\n\
parse or an unknown area or theme.",
    after_help = "Examples:\n  scrutiny search '\"delayed discharge\"'\n  scrutiny search workforce --kind recommendation --area 'Perth and Kinross'\n  scrutiny search 'governance OR oversight' --polarity weakness --from 2022 --format csv"
)]
pub struct SearchArgs {
    /// The query.
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many hits to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: SearchFormat,
}

pub fn run(args: SearchArgs) -> anyhow::Result<i32> {
    let result = match args.filters.open().and_then(|(h, f)| search(&h, &args.query, &f, args.limit)) {
        Ok(r) => r,
        Err(e) => return report::exit_with(e),
    };
    let written = (|| -> anyhow::Result<()> {
        let mut out = report::output(None)?;
        match args.format {
            SearchFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &result)?;
                writeln!(out)?;
            }
            SearchFormat::Csv => {
                let mut header: Vec<String> = vec!["score".into()];
                header.extend(crate::query::StoredUnit::CSV_HEADER.iter().map(|s| s.to_string()));
                let rows: Vec<Vec<String>> =
                    result.hits.iter().map(|h| std::iter::once(format!("{:.3}", h.score)).chain(h.unit.csv_row()).collect()).collect();
                report::write_csv(&mut out, &header, &rows)?;
            }
            SearchFormat::Table => write_table(&mut out, &result, Style::detect())?,
        }
        out.flush()?;
        Ok(())
    })();
    report::finish(written)
}

fn write_table(out: &mut impl Write, r: &SearchResult, style: Style) -> std::io::Result<()> {
    writeln!(out, "{} matches for {}", r.total, clean(&r.query))?;
    for h in &r.hits {
        let u = &h.unit;
        let mut tags = vec![u.kind.clone()];
        tags.extend(u.polarity.clone());
        let place = if u.document.areas.is_empty() { String::new() } else { format!(" · {}", clean(&u.document.areas.join(", "))) };
        let date = u.document.date.as_deref().map(|d| format!(" · {d}")).unwrap_or_default();
        writeln!(out)?;
        writeln!(
            out,
            "{} [{}] {}{}{}",
            style.bold(&clean(&u.path)),
            tags.join(", "),
            report::terminal::shorten(&clean(u.document.title.as_deref().unwrap_or("")), 90),
            place,
            date
        )?;
        let ranges: Vec<std::ops::Range<usize>> = h.highlights.iter().map(|[s, e]| *s..*e).collect();
        writeln!(out, "  {}", style.highlight(&h.snippet, &ranges))?;
        if !u.themes.is_empty() {
            writeln!(out, "  themes: {}", u.themes.join(", "))?;
        }
        if let Some(a) = &u.actor {
            writeln!(out, "  actor: {}", clean(a))?;
        }
    }
    let facet = |m: &std::collections::BTreeMap<String, u64>| {
        let mut v: Vec<(&String, &u64)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter().map(|(k, n)| format!("{} {n}", clean(k))).collect::<Vec<_>>().join(", ")
    };
    if r.total > 0 {
        writeln!(out)?;
        if !r.areas.is_empty() {
            writeln!(out, "by area:  {}", facet(&r.areas))?;
        }
        if !r.themes.is_empty() {
            writeln!(out, "by theme: {}", facet(&r.themes))?;
        }
    }
    Ok(())
}
