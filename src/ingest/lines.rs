//! Lines of text, as every reader of plain text needs them, cut and trimmed without walking
//! each line more than it must.

/// The lines of `text` as `str::lines` splits them (a line feed ends a line, and a carriage
/// return before it goes with it), found with a vectorised search for line feeds: the search
/// `lines` uses steps through every text a word at a time.
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let line = &text[start..end];
        lines.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// `s.trim()`, answered from the end bytes when both are ASCII and not white space, as on most
/// lines: the general trim goes through a char searcher at each end, and every line is trimmed
/// several times over.
pub(crate) fn trimmed(s: &str) -> &str {
    let solid = |b: &u8| b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (None, _) => s,
        (Some(a), Some(b)) if solid(a) && solid(b) => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_str_lines_does() {
        for s in ["", "\n", "\n\n", "a", "a\n", "a\r\n", "a\r", "a\r\r\n", "\r\n\r", "a\nb\r\nc", "a\n\nb\n", "é\n\u{2028}\nx"] {
            assert_eq!(split_lines(s), s.lines().collect::<Vec<_>>(), "{s:?}");
        }
    }
}
