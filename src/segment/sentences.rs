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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let mut boundary_end = None;
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && (is_closer(chars[j].1) || matches!(chars[j].1, '.' | '!' | '?')) {
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
            let spaced = j < chars.len() && chars[j].1.is_whitespace();
            let after_opener = |k: usize| chars.get(k + 1).map(|x| x.1);
            let ok = match chars[j..].iter().position(|x| !x.1.is_whitespace()) {
                None => false,
                // "(outcome 3, ...)" after a stop belongs to the sentence before it.
                Some(k) => {
                    let n = chars[j + k].1;
                    spaced && starts_sentence(n) && !(is_opener(n) && after_opener(j + k).is_some_and(|c| c.is_lowercase()))
                }
            };
            if ok && c == '.' {
                let w = word_before(text, pos);
                let leading_number = text[start..pos].trim().chars().all(|ch| ch.is_ascii_digit() || ch == '.');
                if !(is_abbreviation(w) || leading_number) {
                    boundary_end = Some(end);
                }
            } else if ok {
                boundary_end = Some(end);
            }
            i = j.max(i + 1);
        } else if c == ':' {
            // said: “Quoted words...
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 == ' ' {
                j += 1;
            }
            if j > i + 1 && j + 1 < chars.len() && matches!(chars[j].1, '\u{201c}' | '"') && chars[j + 1].1.is_uppercase() {
                boundary_end = Some(pos + 1);
            }
            i += 1;
        } else {
            i += 1;
        }
        if let Some(end) = boundary_end {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
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
