//! `scrutiny themes`: a matrix of theme counts by area, regulator, year, type or document.

use super::search::UnitKind;
use crate::index;
use crate::query::themes::{CountBy, GroupBy, matrix};
use crate::report;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum ByArg {
    Area,
    Regulator,
    Year,
    DocType,
    Document,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CountArg {
    /// Documents with at least one unit tagged with the theme.
    Documents,
    /// Units tagged with the theme (sentences, findings, recommendations, actions).
    Sentences,
}

#[derive(Args)]
#[command(
    about = "Count themes by area, regulator, year, document type or document",
    long_about = "Count themes by area, regulator, year, document type or document, from the index.\n\n\
One row per group and one column per theme id, in taxonomy order. --count documents (the default)\n\
counts documents mentioning the theme; --count sentences counts tagged units. --kind counts only\n\
findings, recommendations, actions or other sentences. Documents without an area, regulator or\n\
year are grouped under (none).",
    after_help = "Examples:\n  scrutiny themes --by area\n  scrutiny themes --by year --count sentences --kind recommendation\n  scrutiny themes --by document --csv -o themes.csv"
)]
pub struct ThemesArgs {
    #[arg(long, value_enum, default_value = "area")]
    pub by: ByArg,
    #[arg(long, value_enum, default_value = "documents")]
    pub count: CountArg,
    #[arg(long, value_enum)]
    pub kind: Option<UnitKind>,
    /// CSV with header `group,<theme ids>` instead of a table.
    #[arg(long)]
    pub csv: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Index folder (default: $SCRUTINY_INDEX, else index/).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

pub fn run(args: ThemesArgs) -> anyhow::Result<i32> {
    let by = match args.by {
        ByArg::Area => GroupBy::Area,
        ByArg::Regulator => GroupBy::Regulator,
        ByArg::Year => GroupBy::Year,
        ByArg::DocType => GroupBy::DocType,
        ByArg::Document => GroupBy::Document,
    };
    let count = match args.count {
        CountArg::Documents => CountBy::Documents,
        CountArg::Sentences => CountBy::Sentences,
    };
    let kind = crate::cli::search::FilterArgs { kind: args.kind, ..Default::default() }.filters().kind;
    let m = match index::open(&args.index.clone().unwrap_or_else(index::default_dir)).and_then(|h| matrix(&h, by, count, kind.as_deref())) {
        Ok(m) => m,
        Err(e) => return report::exit_with(e),
    };
    let mut header = vec!["group".to_string()];
    header.extend(m.themes.iter().cloned());
    let rows: Vec<Vec<String>> =
        m.rows.iter().map(|(g, counts)| std::iter::once(g.clone()).chain(counts.iter().map(|n| n.to_string())).collect()).collect();
    let written = (|| -> anyhow::Result<()> {
        let mut out = report::output(args.output.as_deref())?;
        if args.csv {
            report::write_csv(&mut out, &header, &rows)?;
        } else {
            write!(out, "{}", report::table(&header, &rows, 48))?;
        }
        out.flush()?;
        Ok(())
    })();
    report::finish(written)
}
