//! CSV (RFC 4180 via the csv crate) whose cells cannot be run as spreadsheet formulas: a cell
//! from a document starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.

use std::borrow::Cow;
use std::io::Write;

pub fn defuse(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Write a header and rows, every cell defused.
pub fn write_csv<W: Write>(out: W, header: &[String], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(header.iter().map(|c| defuse(c).into_owned()))?;
    for r in rows {
        w.write_record(r.iter().map(|c| defuse(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("+1+cmd|calc"), "'+1+cmd|calc");
        assert_eq!(defuse("-2+3"), "'-2+3");
        assert_eq!(defuse("plain"), "plain");
        assert_eq!(defuse(""), "");
    }
}
