//! Shapes of short lines that every stage meets on covers, forms and tables: a date standing
//! alone, a label and its value, a line of a postal address, and the small words that carry a
//! line on into the next. Reading blocks, choosing a title, finding sections and naming whom a
//! recommendation calls on each tell these apart, and must agree on what they are.

use regex::Regex;
use std::sync::LazyLock;

/// Words that join a line to the next ("Inspection of" / "Northshire"): a line ending in one
/// runs on, and in a title they name nothing. ASCII and lower case.
pub const FUNCTION_WORDS: &[&str] =
    &["and", "or", "of", "the", "a", "an", "to", "for", "with", "in", "on", "by", "at", "from", "as", "that", "which", "is", "are", "&"];

pub const MONTH_NAMES: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A line that is only a date or a range of days: "12 – 14 March 2025", "June 2025",
/// "Thursday 3 April, 2025", "03/04/2025".
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH_NAMES.join("|");
    crate::rx::regex(&format!(
        r"(?i)^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+)?(?:{months}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+\d{{4}}$|^\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}$"
    ))
    .unwrap()
});

/// A label before its value: a capitalised word and up to three more, perhaps a number, then a
/// colon ("Inspection dates:", "Lead Inspector:", "Recommendation 1:", "To be completed by:").
static LEADING_LABEL: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"^[A-Z][a-z]*(?:\s+[A-Za-z]+){0,3}(?:\s+\d{1,2}(?:\.\d{1,2})?)?\s*:(?:\s+|$)").unwrap());

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?-u:\b)[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\W*$").unwrap());

/// Whether `word`, in any case, is one of [`FUNCTION_WORDS`]. They are ASCII, and the only
/// char outside ASCII that lower-cases into ASCII is the Kelvin sign, to a "k" none of them
/// holds, so an ASCII comparison finds the same words as lower-casing the word first.
pub fn is_function_word(word: &str) -> bool {
    word.len() <= 5 && FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a trimmed line is a date and nothing else.
pub fn is_date_line(line: &str) -> bool {
    // Cheap refusal first: readers ask this of many lines of prose.
    line.len() <= 40 && line.as_bytes().last().is_some_and(u8::is_ascii_digit) && DATE_LINE.is_match(line)
}

/// Where the value after a leading label starts, if the line opens with one.
pub fn label_end(line: &str) -> Option<usize> {
    LEADING_LABEL.find(line).map(|m| m.end())
}

/// Whether a line is a label and its value ("Stated: Second time").
pub fn is_label_line(line: &str) -> bool {
    label_end(line).is_some_and(|end| end < line.len())
}

/// Whether a line ends in a UK postcode ("Manchester M1 2WD"): a line of a postal address.
pub fn ends_in_postcode(line: &str) -> bool {
    line.len() < 120 && POSTCODE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_standing_alone_are_date_lines() {
        for line in ["12 – 14 March 2025", "June 2025", "Thursday 3 April, 2025", "3rd Sept 2024", "03/04/2025", "12 to 14 May 2024"] {
            assert!(is_date_line(line), "{line}");
        }
        for line in ["Published on 12 March 2025", "12 March 2025 to 30 June 2026 plan", "2025", "Section 12 2025", "May we 2025"] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn labels_open_a_line_before_its_value() {
        assert_eq!(label_end("Recommendation 1: The partnership should act."), Some(18));
        assert!(is_label_line("Lead Inspector: Jane Roe"));
        assert!(is_label_line("To be completed by: 31 March 2026"));
        assert!(is_label_line("Stated: Second time"));
        // A label with no value, or a sentence with a colon further on, is no label line.
        assert!(!is_label_line("Inspection dates:"));
        assert!(!is_label_line("The partnership has made progress in five areas: these are"));
        assert!(!is_label_line("Time:10"));
    }

    #[test]
    fn function_words_match_in_any_case_only_themselves() {
        let words = ["and", "AND", "The", "&", "which", "ands", "an.", "", "thé", "\u{212a}", "for\u{212a}", "İs", "ſ", "ﬁ", "THE\u{301}"];
        for w in words {
            assert_eq!(is_function_word(w), FUNCTION_WORDS.contains(&w.to_lowercase().as_str()), "{w:?}");
        }
    }
}
