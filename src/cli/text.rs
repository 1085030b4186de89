//! `scrutiny text`: what a reader made of a file, so a user can check what was read.

use crate::extract::Extractor;
use crate::ingest::DEFAULT_MAX_BYTES;
use crate::model::BlockKind;
use crate::pipeline;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
#[command(
    about = "Print the cleaned text a file was read as (blocks separated by blank lines)",
    long_about = "Print the cleaned text a file was read as: one block per paragraph, heading, list item or table cell,\n\
separated by blank lines, after running headers, footers and page numbers were removed.\n\n\
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
    for path in &args.files {
        match pipeline::process_file(path, &extractor, DEFAULT_MAX_BYTES) {
            Ok((doc, _)) => {
                if args.files.len() > 1 {
                    println!("==> {} <==", path.display());
                }
                let mut page = None;
                for (i, b) in doc.blocks.iter().enumerate() {
                    if args.pages && b.page.is_some() && b.page != page {
                        page = b.page;
                        println!("--- page {} ---\n", b.page.unwrap_or_default());
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
                        println!("[{i} {kind}] {text}\n");
                    } else {
                        println!("{text}\n");
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
