//! Text for a terminal. Document text may carry escape sequences; they are stripped so a
//! document cannot move the cursor or recolour the analyst's screen. Colour is used only on a
//! terminal and only when NO_COLOR is unset.

use std::io::IsTerminal;
use std::ops::Range;

#[derive(Clone, Copy)]
pub struct Style {
    pub colour: bool,
}

impl Style {
    pub fn detect() -> Style {
        Style { colour: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() }
    }

    /// A snippet with its highlighted ranges marked: bold yellow on a terminal, `[...]` otherwise.
    pub fn highlight(&self, text: &str, ranges: &[Range<usize>]) -> String {
        let (open, close) = if self.colour { ("\x1b[1;33m", "\x1b[0m") } else { ("[", "]") };
        let mut out = String::new();
        let mut at = 0;
        for r in ranges {
            if r.start < at || r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
                continue;
            }
            out.push_str(&inline(&text[at..r.start]));
            out.push_str(open);
            out.push_str(&inline(&text[r.start..r.end]));
            out.push_str(close);
            at = r.end;
        }
        out.push_str(&inline(&text[at..]));
        out
    }

    pub fn bold(&self, s: &str) -> String {
        if self.colour { format!("\x1b[1m{s}\x1b[0m") } else { s.to_string() }
    }
}

/// Document text on one line with control and escape characters removed.
pub fn clean(s: &str) -> String {
    let safe = crate::report_safe(s);
    safe.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Like [`clean`] but keeping the length of runs of spaces, for pieces of a larger line.
fn inline(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if c.is_control() {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// At most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() > max { s.chars().take(max.saturating_sub(1)).collect::<String>() + "…" } else { s.to_string() }
}

/// Left-aligned columns; cells are cleaned and cut to `max_width` characters.
pub fn table(header: &[String], rows: &[Vec<String>], max_width: usize) -> String {
    let cut = |s: &str| shorten(&clean(s), max_width);
    let cells: Vec<Vec<String>> =
        std::iter::once(header.to_vec()).chain(rows.iter().cloned()).map(|r| r.iter().map(|c| cut(c)).collect()).collect();
    let cols = header.len();
    let widths: Vec<usize> =
        (0..cols).map(|i| cells.iter().map(|r| r.get(i).map_or(0, |c| c.chars().count())).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in &cells {
        let line: Vec<String> = (0..cols).map(|i| format!("{:<w$}", r.get(i).map_or("", |s| s.as_str()), w = widths[i])).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_from_documents_are_stripped() {
        assert_eq!(clean("a\x1b[31mred\x07\nline"), "a[31mred line");
    }

    #[test]
    fn plain_highlight_uses_brackets() {
        let s = Style { colour: false };
        assert_eq!(s.highlight("delayed discharge fell", &[0..7, 8..17]), "[delayed] [discharge] fell");
    }
}
