//! Sentence boundaries within one block of text.
//!
//! A boundary is a full stop, question or exclamation mark (with any closing quotes or
//! brackets after it) followed by space and something that can start a sentence. Known
//! abbreviations, initials and list numbers do not end sentences. A colon that opens a quoted
//! passage ("said: “...") also ends one, so a quotation's sentences stand on their own. Work is
//! linear in the text, and no sentence is longer than [`MAX_SENTENCE_BYTES`].

pub const MAX_SENTENCE_BYTES: usize = 2000;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "e.g", "i.e", "eg", "ie", "cf", "approx", "cllr", "rev", "hon", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "figs", "para", "paras", "vol", "ltd", "co", "inc",
    "ref", "etc", "al", "op", "gen", "sgt", "col", "capt", "lt", "sr", "jr", "dept", "est", "tel", "p", "pp", "ch", "sec", "art", "reg",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{2019}' | '\u{201d}' | ')' | ']' | '*')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{2018}' | '\u{201c}' | '(' | '[' | '•' | '◼' | '-' | '–')
}

/// Can `c` start a sentence?
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || is_opener(c)
}

/// Whether text starts with a name spelled in lower case with a capital inside ("tsiMoray",
/// "iPads", "eHealth"), which may open a sentence as a capital does.
fn starts_with_a_camel_name(text: &str) -> bool {
    let word = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    word.len() <= 24 && word.starts_with(|c: char| c.is_ascii_lowercase()) && word.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// The word just before byte `dot` (exclusive), lowercased, with inner dots kept ("e.g").
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head.char_indices().rev().find(|&(_, c)| !(c.is_alphanumeric() || c == '.')).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials: "J." in "J. Smith".
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Byte spans of the sentences of `text`, trimmed of surrounding space.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    // Only the bytes that may end a sentence are looked at closely; the text between them is
    // skipped without decoding its characters.
    let mut pos = 0;
    while let Some(found) = text.as_bytes()[pos..].iter().position(|&b| may_end_sentence(b)) {
        let at = pos + found;
        let c = text[at..].chars().next().expect("a byte that may end a sentence starts a character");
        let mut next = at + c.len_utf8();
        let mut boundary_end = None;
        if matches!(c, '.' | '!' | '?' | '…') {
            // Closing quotes and brackets, and more stops, go with the stop.
            let closed = text[next..].find(|ch: char| !(is_closer(ch) || matches!(ch, '.' | '!' | '?'))).map_or(text.len(), |k| next + k);
            let after = &text[closed..];
            let spaced = after.starts_with(char::is_whitespace);
            let first = after.char_indices().find(|&(_, ch)| !ch.is_whitespace());
            // "(Outcome 4, National Framework)" or "(Regulation 12)" after a stop, before the
            // next sentence or the end: a reference to where the sentence comes from, which
            // goes with it, not a sentence of its own.
            let note = first.filter(|&(_, n)| spaced && n == '(').and_then(|(k, _)| note_end(after, k)).map(|e| closed + e);
            let ok = match first {
                None => false,
                // "(outcome 3, ...)" after a stop belongs to the sentence before it.
                Some((k, n)) => {
                    let after_opener = after[k + n.len_utf8()..].chars().next();
                    spaced
                        && (starts_sentence(n) || starts_with_a_camel_name(&after[k..]))
                        && !(is_opener(n) && after_opener.is_some_and(|c| c.is_lowercase()))
                        && note.is_none()
                }
            };
            let end = note.filter(|&e| !text[e..].trim().is_empty()).or(ok.then_some(closed));
            if let Some(end) = end {
                let w = word_before(text, at);
                let leading_number = text[start..at].trim().chars().all(|ch| ch.is_ascii_digit() || ch == '.');
                if c != '.' || !(is_abbreviation(w) || leading_number) {
                    boundary_end = Some(end);
                }
            }
            next = next.max(closed).max(note.unwrap_or(0));
        } else if c == ':' {
            // said: “Quoted words...
            let rest = &text[next..];
            let spaces = rest.bytes().take_while(|&b| b == b' ').count();
            let mut quoted = rest[spaces..].chars();
            if spaces > 0
                && let (Some(open), Some(first)) = (quoted.next(), quoted.next())
                && matches!(open, '\u{201c}' | '"')
                && first.is_uppercase()
            {
                boundary_end = Some(at + 1);
            }
        }
        if let Some(end) = boundary_end {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
        pos = next;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// Where a short bracketed note that opens at byte `open` of `rest` ends (after its bracket and
/// any stop), when it is a note: no sentence inside it, and nothing after it but the end of
/// the text or a new sentence.
fn note_end(rest: &str, open: usize) -> Option<usize> {
    let inner = &rest[open + 1..];
    let close = inner.find(')')?;
    let body = &inner[..close];
    if close > 120 || body.contains(['!', '?', '(']) || body.contains(". ") || body.trim_end().ends_with('.') {
        return None;
    }
    let mut end = open + 1 + close + 1;
    if rest[end..].starts_with('.') {
        end += 1;
    }
    let following = rest[end..].trim_start();
    (following.is_empty() || following.starts_with(starts_sentence) && rest[end..].starts_with(char::is_whitespace)).then_some(end)
}

/// The first byte of every character that can end a sentence: the ASCII stops and colon, and
/// the lead byte of "…" (shared with other punctuation, which is then passed over).
fn may_end_sentence(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b':' | 0xe2)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let (mut a, b) = (start + lead, end - trail);
    if a >= b {
        return;
    }
    // Over-long runs (tables flattened into prose, lists without stops) are cut at a space.
    while b - a > MAX_SENTENCE_BYTES {
        let mut cut = a + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[a..cut].rfind(' ').map(|k| a + k).filter(|&k| k > a).unwrap_or(cut);
        out.push((a, cut));
        a = cut;
        while a < b && text[a..].starts_with(' ') {
            a += 1;
        }
    }
    if a < b {
        out.push((a, b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(sents("Leaders act. Staff follow! Why? Because."), ["Leaders act.", "Staff follow!", "Why?", "Because."]);
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_split() {
        assert_eq!(
            sents("Dr. Jones met Mr. A. Smith, e.g. on 3.5 days. Next one."),
            ["Dr. Jones met Mr. A. Smith, e.g. on 3.5 days.", "Next one."]
        );
        assert_eq!(sents("1. Improve its approach to data."), ["1. Improve its approach to data."]);
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(sents("The rate was 4.2 per cent. of the total."), ["The rate was 4.2 per cent. of the total."]);
    }

    #[test]
    fn a_name_in_lower_case_with_a_capital_inside_starts_a_sentence() {
        assert_eq!(
            sents("The board works with the third sector. tsiNorthshire chairs the forum."),
            ["The board works with the third sector.", "tsiNorthshire chairs the forum."]
        );
        assert_eq!(
            sents("Staff were given tablets. iPads were used on visits."),
            ["Staff were given tablets.", "iPads were used on visits."]
        );
    }

    #[test]
    fn a_note_in_brackets_goes_with_the_sentence_before_it() {
        assert_eq!(sents("The quality of plans. (outcome 3, framework)"), ["The quality of plans. (outcome 3, framework)"]);
        assert_eq!(
            sents("The quality of plans. (Outcome 4, National Framework)"),
            ["The quality of plans. (Outcome 4, National Framework)"]
        );
        assert_eq!(sents("The quality of plans. (Enabler two)."), ["The quality of plans. (Enabler two)."]);
        // A bracketed sentence with more after it stands on its own.
        assert_eq!(sents("Plans improved. (Most did.) Staff stayed."), ["Plans improved.", "(Most did.)", "Staff stayed."]);
        // A note between two sentences goes with the one before it.
        assert_eq!(
            sents("The trust must store medicines safely. (Regulation 12) The trust should share learning."),
            ["The trust must store medicines safely. (Regulation 12)", "The trust should share learning."]
        );
    }

    #[test]
    fn quotations_keep_their_closing_mark_and_open_after_a_colon() {
        assert_eq!(
            sents("The chief said: “We found gaps. We expect change.” Then she left."),
            ["The chief said:", "“We found gaps.", "We expect change.”", "Then she left."]
        );
    }

    #[test]
    fn long_runs_are_bounded() {
        let long = "word ".repeat(2000);
        let spans = split(&long);
        assert!(spans.len() >= 5);
        assert!(spans.iter().all(|(a, b)| b - a <= MAX_SENTENCE_BYTES));
    }
}
