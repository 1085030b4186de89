//! `scrutiny text`: what a reader made of a file, so a user can check what was read.

use crate::extract::Extractor;
use crate::ingest::DEFAULT_MAX_BYTES;
use crate::model::{BlockKind, Document};
use crate::pipeline;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
#[command(
    about = "Print the cleaned text a file was read as (blocks separated by blank lines)",
    long_about = "Print the cleaned text a file was read as: one block per paragraph, heading, list item or table cell,\n\
separated by blank lines, after running headers, footers and page numbers were removed. A record file\n\
(.json, .jsonl, .csv) of several records prints each record under a `==> file#record <==` line,\n\
its fields as sections headed by their names.\n\n\
Examples:\n  scrutiny text report.txt\n  scrutiny text --blocks page.html    # mark each block's kind and lead-in\n  scrutiny text --pages report.pdf    # mark where each page starts"
)]
pub struct TextArgs {
    /// Files to print.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Mark each block with its kind (heading, paragraph, list item, table cell) and list items with their lead-in.
    #[arg(long)]
    pub blocks: bool,
    /// Print a line `--- page N ---` where the page changes (paged formats such as PDF).
    #[arg(long)]
    pub pages: bool,
}

pub fn run(args: TextArgs) -> anyhow::Result<i32> {
    let extractor = Extractor::default();
    let mut failed = 0;
    let write = |failed: &mut usize| -> anyhow::Result<()> {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for path in &args.files {
            let mut docs = Vec::new();
            // A record file holds many documents: each is printed under its own name.
            let outcome = pipeline::process_file_each(path, &extractor, DEFAULT_MAX_BYTES, |r, _| docs.push(r));
            if let Err(e) = outcome {
                docs.push(Err(e));
            }
            let label = args.files.len() > 1 || docs.len() > 1;
            for r in docs {
                match r {
                    Ok((doc, _)) => {
                        if label {
                            writeln!(out, "==> {} <==", crate::report_safe(&doc.path))?;
                        }
                        write_blocks(&mut out, &doc, &args)?;
                    }
                    Err(e) => {
                        out.flush()?;
                        if e.is_skip() {
                            eprintln!("note: {e}");
                        } else {
                            *failed += 1;
                            eprintln!("error: {e}");
                        }
                    }
                }
            }
        }
        out.flush()?;
        Ok(())
    };
    let result = write(&mut failed);
    crate::report::finish(result)?;
    Ok(if failed > 0 { 1 } else { 0 })
}

fn write_blocks(out: &mut impl Write, doc: &Document, args: &TextArgs) -> std::io::Result<()> {
    let mut page = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        if args.pages && b.page.is_some() && b.page != page {
            page = b.page;
            writeln!(out, "--- page {} ---\n", b.page.unwrap_or_default())?;
        }
        let text = crate::report_safe(doc.block_text(i));
        if args.blocks {
            let kind = match b.kind {
                BlockKind::Heading => format!("H{}", b.level),
                BlockKind::Paragraph => "P".into(),
                BlockKind::ListItem => match b.lead_in {
                    Some(l) => format!("LI<{l}"),
                    None => "LI".into(),
                },
                BlockKind::TableCell => {
                    let c = b.table.as_ref().unwrap();
                    format!("TD{}.{}.{}", c.table, c.row, c.col)
                }
            };
            writeln!(out, "[{i} {kind}] {text}\n")?;
        } else {
            writeln!(out, "{text}\n")?;
        }
    }
    Ok(())
}
