//! The command line: one module per subcommand.

pub mod compare;
pub mod export;
pub mod extract;
pub mod info;
pub mod ingest;
pub mod search;
pub mod text;
pub mod themes;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "scrutiny",
    version,
    about = "Turn health and social care inspection and audit reports into searchable, comparable evidence",
    long_about = "Turn health and social care inspection and audit reports into searchable, comparable evidence.\n\n\
Start with `scrutiny extract corpus/` to see what is found in each document: its type, regulators,\n\
areas and date, themes, findings (strengths and weaknesses), recommendations with who they call on,\n\
and action-plan rows. Then `scrutiny ingest corpus/` builds the index that `search`, `themes`,\n\
`compare` and `export` work across."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    Extract(extract::ExtractArgs),
    Text(text::TextArgs),
    Ingest(ingest::IngestArgs),
    Search(search::SearchArgs),
    Themes(themes::ThemesArgs),
    Compare(compare::CompareArgs),
    Export(export::ExportArgs),
    Info(info::InfoArgs),
}

/// Exit codes: 0 ok, 1 failure (including any file that failed), 2 usage.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Text(args) => text::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Search(args) => search::run(args),
        Command::Themes(args) => themes::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Export(args) => export::run(args),
        Command::Info(args) => info::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            1
        }
    }
}
