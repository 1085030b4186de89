//! `scrutiny export`: every extracted unit with its document's fields, for spreadsheets.

use super::search::FilterArgs;
use crate::query::StoredUnit;
use crate::query::export::units;
use crate::report;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header; cells that a spreadsheet would run as formulas are prefixed with '.
    Csv,
}

#[derive(Args)]
#[command(
    about = "Export indexed units (findings, recommendations, actions, sentences) as JSON lines or CSV",
    long_about = "Export indexed units (findings, recommendations, actions, sentences) with their document's\n\
fields: path, title, doc_type, areas, regulators, date, year, kind, polarity, themes, actor, text,\n\
status and due. An optional QUERY and the same filters as `scrutiny search` narrow the export.\n\
Units come in document order. CSV cells beginning with =, +, -, @, tab or CR are prefixed with '\n\
so a spreadsheet shows them as text.",
    after_help = "Examples:\n  scrutiny export --format csv --kind recommendation -o recommendations.csv\n  scrutiny export workforce --theme workforce\n  scrutiny export --area 'North Lanarkshire' --from 2023 --format csv"
)]
pub struct ExportArgs {
    /// Optional query; without it every unit matching the filters is exported.
    pub query: Option<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs) -> anyhow::Result<i32> {
    let rows = match args.filters.open().and_then(|(h, f)| units(&h, args.query.as_deref(), &f)) {
        Ok(r) => r,
        Err(e) => return report::exit_with(e),
    };
    let written = (|| -> anyhow::Result<()> {
        let mut out = report::output(args.output.as_deref())?;
        match args.format {
            ExportFormat::Jsonl => {
                for u in &rows {
                    serde_json::to_writer(&mut out, u)?;
                    writeln!(out)?;
                }
            }
            ExportFormat::Csv => {
                let header: Vec<String> = StoredUnit::CSV_HEADER.iter().map(|s| s.to_string()).collect();
                let cells: Vec<Vec<String>> = rows.iter().map(StoredUnit::csv_row).collect();
                report::write_csv(&mut out, &header, &cells)?;
            }
        }
        out.flush()?;
        Ok(())
    })();
    report::finish(written)
}
