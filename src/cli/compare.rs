//! `scrutiny compare`: areas side by side, theme by theme, and recommendations they share.

use crate::index;
use crate::query::compare::{Comparison, Kind, compare};
use crate::report::{self, clean};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum CompareKind {
    Recommendation,
    Finding,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CompareFormat {
    Table,
    Markdown,
    Json,
    Csv,
}

#[derive(Args)]
#[command(
    about = "Compare areas theme by theme, and find recommendations they share",
    long_about = "Compare areas theme by theme: for each theme, how many recommendations (or findings) each\n\
area's documents contain, with their texts. Recommendations worded nearly the same way in more\n\
than one area are grouped, each group listing the areas that received it.",
    after_help = "Examples:\n  scrutiny compare --area 'Perth and Kinross' --area 'North Lanarkshire'\n  scrutiny compare --area Plymouth --area Leeds --theme workforce --format markdown\n  scrutiny compare --area A --area B --kind finding --format csv > findings.csv"
)]
pub struct CompareArgs {
    /// An area to compare (give two or more).
    #[arg(long, value_name = "AREA", required = true, num_args = 1)]
    pub area: Vec<String>,
    /// Only these themes (repeatable).
    #[arg(long, value_name = "THEME")]
    pub theme: Vec<String>,
    #[arg(long, value_enum, default_value = "recommendation")]
    pub kind: CompareKind,
    #[arg(long, value_enum, default_value = "table")]
    pub format: CompareFormat,
    /// Index folder (default: $SCRUTINY_INDEX, else index/).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

pub fn run(args: CompareArgs) -> anyhow::Result<i32> {
    let kind = match args.kind {
        CompareKind::Recommendation => Kind::Recommendation,
        CompareKind::Finding => Kind::Finding,
    };
    let dir = args.index.clone().unwrap_or_else(index::default_dir);
    let c = match index::open(&dir).and_then(|h| compare(&h, &args.area, &args.theme, kind)) {
        Ok(c) => c,
        Err(e) => return report::exit_with(e),
    };
    let written = (|| -> anyhow::Result<()> {
        let mut out = report::output(None)?;
        match args.format {
            CompareFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &c)?;
                writeln!(out)?;
            }
            CompareFormat::Csv => write_csv(&mut out, &c)?,
            CompareFormat::Markdown => write_markdown(&mut out, &c)?,
            CompareFormat::Table => write_text(&mut out, &c)?,
        }
        out.flush()?;
        Ok(())
    })();
    report::finish(written)
}

fn write_text(out: &mut impl Write, c: &Comparison) -> std::io::Result<()> {
    let mut header = vec!["theme".to_string()];
    header.extend(c.areas.iter().cloned());
    let mut rows = vec![std::iter::once("documents".to_string()).chain(c.documents.iter().map(|n| n.to_string())).collect::<Vec<_>>()];
    rows.extend(c.themes.iter().map(|t| std::iter::once(t.theme.clone()).chain(t.counts.iter().map(|n| n.to_string())).collect()));
    writeln!(out, "{}s by theme", c.kind)?;
    write!(out, "{}", report::table(&header, &rows, 40))?;
    for t in &c.themes {
        writeln!(out, "\n{}", t.theme)?;
        for (area, texts) in c.areas.iter().zip(&t.texts) {
            for text in texts {
                writeln!(out, "  {}: {}", clean(area), clean(text))?;
            }
        }
    }
    if !c.recurring.is_empty() {
        writeln!(out, "\n{}s in more than one area", c.kind)?;
        for r in &c.recurring {
            writeln!(out, "  {} [{}]", clean(&r.text), clean(&r.areas.join(", ")))?;
        }
    }
    Ok(())
}

/// Markdown table cells cannot hold a pipe or a newline.
fn md(s: &str) -> String {
    clean(s).replace('|', "\\|")
}

fn write_markdown(out: &mut impl Write, c: &Comparison) -> std::io::Result<()> {
    writeln!(out, "# {}s by theme\n", c.kind)?;
    writeln!(out, "| theme | {} |", c.areas.iter().map(|a| md(a)).collect::<Vec<_>>().join(" | "))?;
    writeln!(out, "|---|{}", "---|".repeat(c.areas.len()))?;
    writeln!(out, "| documents | {} |", c.documents.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" | "))?;
    for t in &c.themes {
        writeln!(out, "| {} | {} |", md(&t.theme), t.counts.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" | "))?;
    }
    for t in &c.themes {
        writeln!(out, "\n## {}\n", md(&t.theme))?;
        for (area, texts) in c.areas.iter().zip(&t.texts) {
            for text in texts {
                writeln!(out, "- **{}**: {}", md(area), md(text))?;
            }
        }
    }
    if !c.recurring.is_empty() {
        writeln!(out, "\n## In more than one area\n")?;
        for r in &c.recurring {
            writeln!(out, "- {} ({})", md(&r.text), md(&r.areas.join(", ")))?;
        }
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, c: &Comparison) -> anyhow::Result<()> {
    let header: Vec<String> = ["section", "theme", "area", "text"].iter().map(|s| s.to_string()).collect();
    let mut rows = Vec::new();
    for t in &c.themes {
        for (area, texts) in c.areas.iter().zip(&t.texts) {
            rows.extend(texts.iter().map(|text| vec!["theme".into(), t.theme.clone(), area.clone(), text.clone()]));
        }
    }
    for r in &c.recurring {
        rows.push(vec!["recurring".into(), String::new(), r.areas.join("; "), r.text.clone()]);
    }
    report::write_csv(out, &header, &rows)
}
