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

/// The grades inspectors and auditors give, in words, longest first where one starts another.
pub const GRADES: &str = r"requires? improvement to be good|requires improvement|outstanding|inadequate|good|adequate|excellent|very good|weak|unsatisfactory|satisfactory|poor|very effective|effective with areas for improvement|important areas for improvement|major areas for improvement|effective|ineffective|insufficient progress|sufficient progress";

/// A grade standing alone on its line, as a judgement grid sets it under its aspect.
static GRADE_LINE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&format!(r"(?i)^\W*({GRADES})\W*$")).unwrap());

/// A label before its value: a capitalised word and up to three more, perhaps a number, then a
/// colon ("Inspection dates:", "Lead Inspector:", "Recommendation 1:", "To be completed by:").
/// A label may follow the part it belongs to ("Domain 4.1 – Requirement 1:").
static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"^(?:[A-Z][a-z]+\s+\d{1,2}(?:\.\d{1,2})?\s*[–-]\s*)?[A-Z][a-z]*(?:\s+[A-Za-z]+){0,3}(?:\s+\d{1,2}(?:\.\d{1,2})?)?\s*:(?:\s+|$)",
    )
    .unwrap()
});

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"(?-u:\b)[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\W*$").unwrap());

/// The glyphs that bullet a list item, including those of the Symbol and Wingdings fonts,
/// which PDF exports leave in Unicode's private use area.
pub const BULLET_GLYPHS: &str = "•◼▪●○■□◦‣∙·–−-*+\u{F0B7}\u{F0A7}\u{F0D8}\u{F076}\u{F0FC}";

/// What follows a list item's mark and the space after it, where `text` opens with one: a
/// bullet ([`BULLET_GLYPHS`]), a number ("1.", "2)", "(3)", "4.2"), or a letter or roman
/// numeral ("a)", "(b)", "c.", "iv)"). Otherwise `text`, less its leading space.
///
/// A number needs no stop: sentences keep their mark where the reader made no list item of
/// their line, as in numbered paragraphs whose stop a PDF export lost ("1 The board should").
pub fn after_item_mark(text: &str) -> &str {
    let t = text.trim_start();
    let rest = match t.chars().next() {
        Some(c) if BULLET_GLYPHS.contains(c) => Some(&t[c.len_utf8()..]),
        Some(_) => numbered(t).or_else(|| lettered(t)),
        None => None,
    };
    match rest {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => t,
    }
}

/// What follows "1.", "(2)", "3)", "4.2" or a bare "5" at the start of `t`.
fn numbered(t: &str) -> Option<&str> {
    let open = usize::from(t.starts_with('('));
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut end = open + digits(&t[open..]);
    if !(open + 1..=open + 2).contains(&end) {
        return None;
    }
    // Sub-items: "4.2", "1.2.3".
    while t.as_bytes().get(end) == Some(&b'.') && (1..=2).contains(&digits(&t[end + 1..])) {
        end += 1 + digits(&t[end + 1..]);
    }
    let rest = &t[end..];
    if open == 1 {
        return rest.strip_prefix(')');
    }
    Some(rest.strip_prefix(['.', ')']).unwrap_or(rest))
}

/// What follows "a)", "(b)", "c." or a roman numeral ("iv)", "(ii)", "iii.") at the start of
/// `t`: letters in lower case, so a capital starting a sentence is never taken for a mark.
fn lettered(t: &str) -> Option<&str> {
    let open = usize::from(t.starts_with('('));
    let letters = t[open..].bytes().take_while(u8::is_ascii_lowercase).count();
    let mark = &t[open..open + letters];
    let roman = (1..=4).contains(&letters) && mark.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    if letters != 1 && !roman {
        return None;
    }
    t[open + letters..].strip_prefix(if open == 1 { &[')'][..] } else { &['.', ')'][..] })
}

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

/// Where the value after a longer label starts: a phrase of up to twelve words, with no
/// sentence ending in it, then a colon and a capital ("What the organisation should do:
/// Apologise ...", "Evidence we need to check that this has happened: A copy of ..."), as
/// decisions and reports set out their calls field by field. A phrase that ends where its
/// clause goes on ("The board should: Approve ...") leads in what follows instead.
pub fn long_label_end(line: &str) -> Option<usize> {
    const MAX_WORDS: usize = 12;
    const GOES_ON: &[&str] = &["should", "must", "shall", "to", "that", "following", "include", "includes", "including", "are", "is", "as"];
    let colon = memchr::memchr(b':', &line.as_bytes()[..line.len().min(120)])?;
    let (label, rest) = (&line[..colon], &line[colon + 1..]);
    let value = rest.trim_start();
    let words = label.split_whitespace().take(MAX_WORDS + 1).count();
    let fits = label.starts_with(|c: char| c.is_uppercase())
        && !label.contains(['.', '?', '!', ';'])
        && (1..=MAX_WORDS).contains(&words)
        && value.len() < rest.len()
        && value.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let last = label.split_whitespace().next_back().unwrap_or("");
    (fits && !GOES_ON.iter().any(|w| w.eq_ignore_ascii_case(last))).then(|| line.len() - value.len())
}

/// Whether a line is a label and its value ("Stated: Second time").
pub fn is_label_line(line: &str) -> bool {
    label_end(line).is_some_and(|end| end < line.len())
}

/// Whether `t` has three letters or more, all of them capitals; it stops at the first small
/// letter, which most lines have within a word or two.
pub fn all_caps(t: &str) -> bool {
    let mut n_letters = 0;
    for c in t.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        n_letters += 1;
    }
    n_letters >= 3
}

/// The grade a line gives, when the line is a grade and nothing else ("Good", "Requires
/// improvement").
pub fn grade_of_line(line: &str) -> Option<&str> {
    // Cheap refusals first: readers ask this of many short lines, and the plain search costs
    // less than the capturing one.
    if line.len() > 50 || !GRADE_LINE.is_match(line) {
        return None;
    }
    GRADE_LINE.captures(line).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// A line's dot leader, the run of dots (or spaced dots) that sets a name apart from its
/// value in a contents list or a grid of grades ("Safeguarding ......... Score: 2"): where the
/// name ends and where the value starts. `None` without a run of four dots or more, or with
/// nothing on either side.
pub fn dot_leader(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    // Asked of every line: its few stops are read one by one rather than searching the line
    // twice for the two forms.
    let at = memchr::memchr_iter(b'.', b).find(|&i| b[i..].starts_with(b"....") || b[i..].starts_with(b". . . ."))?;
    let is_leader = |c: u8| c == b'.' || c == b' ' || c == b'\t';
    let start = b[..at].iter().rposition(|&c| !is_leader(c)).map_or(0, |p| p + 1);
    let end = b[at..].iter().position(|&c| !is_leader(c)).map_or(b.len(), |p| at + p);
    (start > 0 && end < b.len()).then_some((start, end))
}

/// Whether a line ends in a UK postcode ("Manchester M1 2WD"): a line of a postal address.
pub fn ends_in_postcode(line: &str) -> bool {
    line.len() < 120 && POSTCODE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_leaders_part_a_name_from_its_value() {
        let line = "Safeguarding ........ Score: 2";
        let (a, b) = dot_leader(line).unwrap();
        assert_eq!((&line[..a], &line[b..]), ("Safeguarding", "Score: 2"));
        let spaced = "Part 2 Finances . . . . . 14";
        let (a, b) = dot_leader(spaced).unwrap();
        assert_eq!((&spaced[..a], &spaced[b..]), ("Part 2 Finances", "14"));
        assert_eq!(dot_leader("It was late...."), None);
        assert_eq!(dot_leader("....and then"), None);
        assert_eq!(dot_leader("Three dots... only"), None);
    }

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
        assert_eq!(label_end("Domain 4.1 – Requirement 1: The board must act."), Some(30));
        let value = |l: &'static str| long_label_end(l).map(|end| &l[end..]);
        assert_eq!(value("What the organisation should do: Apologise to Mrs C."), Some("Apologise to Mrs C."));
        assert_eq!(value("Evidence we need to check that this has happened: A copy of the apology."), Some("A copy of the apology."));
        assert_eq!(value("The board should: Approve the plan."), None);
        assert_eq!(value("Time:10"), None);
        assert_eq!(value("Staff said that care was good. One added: It was kind."), None);
        // A label with no value, or a sentence with a colon further on, is no label line.
        assert!(!is_label_line("Inspection dates:"));
        assert!(!is_label_line("The partnership has made progress in five areas: these are"));
        assert!(!is_label_line("Time:10"));
    }

    #[test]
    fn item_marks_of_every_shape_give_way_to_the_item() {
        for (text, item) in [
            ("1. That the report be noted", "That the report be noted"),
            ("(2) The board should", "The board should"),
            ("3) Staff", "Staff"),
            ("4.2 Leaders", "Leaders"),
            ("12 The partnership should", "The partnership should"),
            ("a) That", "That"),
            ("(b) Whether", "Whether"),
            ("c. Councils", "Councils"),
            ("iv) The trust", "The trust"),
            ("(ii) Recruitment", "Recruitment"),
            ("• Carers", "Carers"),
            ("– Carers", "Carers"),
            ("\u{F0B7} Carers", "Carers"),
            ("  * Carers", "Carers"),
        ] {
            assert_eq!(after_item_mark(text), item, "{text}");
        }
        // A sentence that opens with a word, a figure or a year keeps it.
        for text in [
            "A review is due.",
            "I. Smith",
            "123 people",
            "2025 was a year",
            "a review",
            "ie. this",
            "1.5% of staff",
            "(see below)",
            "(2 people)",
            "-5 degrees",
            "x",
        ] {
            assert_eq!(after_item_mark(text), text, "{text}");
        }
    }

    #[test]
    fn function_words_match_in_any_case_only_themselves() {
        let words = ["and", "AND", "The", "&", "which", "ands", "an.", "", "thé", "\u{212a}", "for\u{212a}", "İs", "ſ", "ﬁ", "THE\u{301}"];
        for w in words {
            assert_eq!(is_function_word(w), FUNCTION_WORDS.contains(&w.to_lowercase().as_str()), "{w:?}");
        }
    }
}
