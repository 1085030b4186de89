//! Running headers, footers and page numbers left between the lines of text converted from
//! PDF. They repeat down the document at page intervals, so a line whose shape (digits
//! folded) recurs at least three times, spread out like pages, is taken as one; a bare page
//! number beside such a line goes with it. Where they split a sentence, the two halves are
//! rejoined.

use super::lines::{split_lines, trimmed};
use foldhash::HashMap;
use std::borrow::Cow;

const MIN_REPEATS: usize = 3;
/// Pages of prose are tens of lines long; a grid of grade words repeats far more tightly.
const MIN_MEDIAN_GAP: usize = 12;
const MAX_LEN: usize = 160;

/// What an ASCII digit folds to while a line is shaped.
const DIGIT: u8 = 0x80;

/// An ASCII byte as a shape holds it: digits as [`DIGIT`], white space as a space, letters in
/// lower case. Comparisons and selects, not a table, so that a loop of it is vectorised.
fn fold_ascii(b: u8) -> u8 {
    let digit = b.wrapping_sub(b'0') < 10;
    let space = b == b' ' || b.wrapping_sub(b'\t') < 5;
    let upper = b.wrapping_sub(b'A') < 26;
    if digit {
        DIGIT
    } else if space {
        b' '
    } else if upper {
        b | 0x20
    } else {
        b
    }
}

/// Whether a folded byte starts or carries on a run that closes up to one byte.
fn closes_up(last: u8, f: u8) -> bool {
    (f == last) & ((f == DIGIT) | (f == b' '))
}

/// Shape of a line for counting, into `out` as UTF-8: trimmed, whitespace folded, digit runs
/// as '#'. Bytes, not a `String`: pushing to a string checks every character's encoding, and
/// every line of every text document is shaped.
fn shape_into(line: &str, out: &mut Vec<u8>) {
    out.clear();
    let line = trimmed(line);
    if line.is_ascii() {
        shape_ascii(line.as_bytes(), out);
    } else {
        shape_mixed(line, out);
    }
}

/// Most lines are ASCII: folded, tested for runs and their digits written as '#' a block of
/// bytes at a time; only a line with a run (a number of two digits, a double space) is walked
/// a byte at a time to close them up. Digits fold to a byte no ASCII line holds, so a '#'
/// written in the line is not taken for one.
fn shape_ascii(bytes: &[u8], out: &mut Vec<u8>) {
    out.extend(bytes.iter().map(|&b| fold_ascii(b)));
    let has_runs = out.len() > 1 && out[..out.len() - 1].iter().zip(&out[1..]).fold(false, |any, (&a, &b)| any | closes_up(a, b));
    if has_runs {
        out.dedup_by(|b, a| closes_up(*a, *b));
    }
    for b in out.iter_mut() {
        *b = if *b == DIGIT { b'#' } else { *b };
    }
}

/// A line with chars outside ASCII: its ASCII bytes folded as in [`shape_ascii`], and only the
/// other chars decoded, as most such lines hold a few (quotes, dashes).
fn shape_mixed(line: &str, out: &mut Vec<u8>) {
    let bytes = line.as_bytes();
    // The folded form of the last char written.
    let mut last = 0u8;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            let f = fold_ascii(b);
            if !closes_up(last, f) {
                out.push(if f == DIGIT { b'#' } else { f });
            }
            last = f;
            i += 1;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        if c.is_whitespace() {
            if last != b' ' {
                out.push(b' ');
            }
            last = b' ';
        } else {
            push_lowercase(c, out);
            last = 0;
        }
    }
}

fn push_lowercase(c: char, out: &mut Vec<u8>) {
    let mut utf8 = [0u8; 4];
    for l in c.to_lowercase() {
        out.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
    }
}

/// Every line of every text document is hashed, so with foldhash: std's SipHash resists
/// flooding that a report's own lines cannot mount (a collision is caught and kept apart anyway).
fn digest(shape: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(shape)
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let t = strip_prefix_ignore_case(t, "page").map(str::trim).unwrap_or(t);
    // The part before the first " of " is one to four digits. Told from the leading digits,
    // most lines starting with a digit are refused before a search for " of " is set up.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) || !(digits == t.len() || t[digits..].starts_with(" of ")) {
        return false;
    }
    let mut parts = t.split(" of ");
    let first_ok = parts.next().is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    let rest_ok = parts.all(|p| !p.trim().is_empty() && p.trim().bytes().all(|b| b.is_ascii_digit()));
    first_ok && rest_ok
}

fn strip_prefix_ignore_case<'a>(t: &'a str, prefix: &str) -> Option<&'a str> {
    let head = t.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &t[prefix.len()..])
}

/// A page marker: a bare page number or a "Page 3 of 46" line.
fn is_page_marker(line: &str) -> bool {
    let t = trimmed(line);
    // Every marker starts with a digit or "page"; most lines of prose are refused here.
    let first = t.as_bytes().first().copied().unwrap_or(b' ');
    if !(first.is_ascii_digit() || first == b'p' || first == b'P') {
        return false;
    }
    is_page_number(t) || strip_prefix_ignore_case(t, "page ").is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Which lines are running matter.
pub fn running_line_mask(lines: &[&str]) -> Vec<bool> {
    let page_marker: Vec<bool> = lines.iter().map(|l| is_page_marker(l)).collect();
    let has_pages = page_marker.iter().filter(|&&p| p).count() >= 2;
    // Repeated text is only taken for page furniture where page markers sit beside it; without
    // any, it must recur often, as lead-ins such as "The Government should:" may recur too.
    let near_page = |i: usize| (i.saturating_sub(4)..(i + 5).min(lines.len())).any(|j| page_marker[j]);
    // Lines grouped by shape. Most lines of a report are unique, so a first pass keys each
    // group by a digest of its shape and counts it, keeping only its first line (the shape is
    // rebuilt from that line when the digest recurs, and a collision goes to `collided`); the
    // lines of the few groups that recur are gathered in a second pass.
    const NONE: u32 = u32::MAX;
    // Most lines are a group of their own: sized for them, the index is never rebuilt.
    let mut index: HashMap<u64, u32> = HashMap::with_capacity_and_hasher(lines.len(), Default::default());
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut group_of: Vec<u32> = vec![NONE; lines.len()];
    let mut collided: HashMap<Vec<u8>, Vec<usize>> = HashMap::default();
    let (mut buf, mut first_shape) = (Vec::new(), Vec::new());
    for (i, line) in lines.iter().enumerate() {
        let t = trimmed(line);
        // Tab-separated rows are tables whose repeated header the table reader handles; a
        // line ending in a colon introduces what follows.
        if t.is_empty() || t.len() > MAX_LEN || memchr::memchr(b'\t', t.as_bytes()).is_some() || t.ends_with(':') {
            continue;
        }
        shape_into(t, &mut buf);
        let g = *index.entry(digest(&buf)).or_insert_with(|| {
            groups.push((i, 0));
            (groups.len() - 1) as u32
        });
        let (first, count) = &mut groups[g as usize];
        if *count > 0 {
            shape_into(lines[*first], &mut first_shape);
            if first_shape != buf {
                collided.entry(buf.clone()).or_default().push(i);
                continue;
            }
        }
        *count += 1;
        group_of[i] = g;
    }
    let mut recurring: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, &g) in group_of.iter().enumerate() {
        if g != NONE && groups[g as usize].1 >= MIN_REPEATS {
            recurring.entry(g).or_default().push(i);
        }
    }
    let mut mask = vec![false; lines.len()];
    // Without page markers, a line of words set inside a run of text each time (a record's
    // label, "Issue/risk" between an item's heading and its text) is the document's own, where
    // a running line comes with a page number or stands apart. Labels of a few words may also
    // each head their text after a blank line ("Issue/risk" straight over what the issue is),
    // when there are several such labels: one alone ("Our findings" over each part) may be
    // a running line.
    let label_share = |pos: &[usize], heads_only: bool| {
        if lines[pos[0]].bytes().any(|b| b.is_ascii_digit()) || heads_only && crate::extract::has_words(lines[pos[0]], 5) {
            return false;
        }
        let set_in = |&&i: &&usize| {
            i > 0 && (heads_only || !lines[i - 1].trim().is_empty()) && lines.get(i + 1).is_some_and(|l| !l.trim().is_empty())
        };
        pos.iter().filter(set_in).count() * 2 > pos.len()
    };
    let heading_labels =
        recurring.values().chain(collided.values()).filter(|pos| pos.len() >= MIN_REPEATS && label_share(pos, true)).count();
    for pos in recurring.values().chain(collided.values()) {
        if pos.len() < MIN_REPEATS {
            continue;
        }
        shape_into(lines[pos[0]], &mut buf);
        let shape = String::from_utf8_lossy(&buf);
        if shape.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let mut gaps: Vec<usize> = pos.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable();
        if gaps[gaps.len() / 2] < MIN_MEDIAN_GAP {
            continue;
        }
        let by_pages = pos.iter().filter(|&&i| near_page(i)).count() * 2 >= pos.len();
        let a_label = label_share(pos, false) || heading_labels >= 2 && label_share(pos, true);
        if !(by_pages || (!has_pages && pos.len() >= 5 && !a_label) || shape.starts_with("page #")) {
            continue;
        }
        for &i in pos {
            // The value under a label ("Inspection dates:" and then the dates) is the page's
            // own text, though a footer repeats it; furniture sits beside a page marker.
            let after_label = lines[..i].iter().rev().find(|l| !l.trim().is_empty()).is_some_and(|l| trimmed(l).ends_with(':'));
            mask[i] = !after_label || near_page(i);
        }
    }
    // Page numbers sit beside running lines (blank lines between are allowed).
    for i in 0..lines.len() {
        if mask[i] || !page_marker[i] {
            continue;
        }
        let near = |range: &mut dyn Iterator<Item = usize>| range.filter(|&j| !lines[j].trim().is_empty()).take(1).any(|j| mask[j]);
        let before = near(&mut (i.saturating_sub(4)..i).rev());
        let after = near(&mut (i + 1..(i + 5).min(lines.len())));
        if before || after {
            mask[i] = true;
        }
    }
    mask
}

/// A bullet glyph alone on its line.
pub(crate) fn is_lone_bullet(line: &str) -> bool {
    let mut chars = line.trim().chars();
    chars.next().is_some_and(|c| "•◼▪●○■□◦‣∙·".contains(c)) && chars.next().is_none()
}

/// Remove running lines; a sentence they interrupted is rejoined, otherwise a paragraph break
/// stands in their place.
pub fn strip_running_lines(text: &str) -> (Cow<'_, str>, usize) {
    let lines = split_lines(text);
    let mask = running_line_mask(&lines);
    let removed = mask.iter().filter(|&&m| m).count();
    if removed == 0 {
        return (Cow::Borrowed(text), 0);
    }
    let mut joined = kept_lines(&lines, &mask).join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    (Cow::Owned(joined), removed)
}

/// The lines of `text` that [`strip_running_lines`] keeps, as `lines()` would split its text,
/// without building that text and splitting it again; `text` must hold no carriage return.
/// `lines` are the lines of `text`, which the caller has split already.
pub(crate) fn strip_running_lines_of<'a>(text: &str, lines: Vec<&'a str>) -> (Vec<&'a str>, usize) {
    let mask = running_line_mask(&lines);
    let removed = mask.iter().filter(|&&m| m).count();
    if removed == 0 {
        return (lines, 0);
    }
    let mut kept = kept_lines(&lines, &mask);
    // Joined with line feeds and split again, a text ending in a line feed gives one empty line
    // when nothing is kept, and one that does not drops a last empty line.
    if text.ends_with('\n') {
        if kept.is_empty() {
            kept.push("");
        }
    } else if kept.last() == Some(&"") {
        kept.pop();
    }
    (kept, removed)
}

/// The lines not masked, with an empty line standing for each run of running lines that does
/// not split a sentence.
fn kept_lines<'a>(lines: &[&'a str], mask: &[bool]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if !mask[i] {
            out.push(lines[i]);
            i += 1;
            continue;
        }
        // A run of running lines and the blank lines around them. A bullet with nothing after
        // it on its page is a page ornament, not the start of an item.
        while out.last().is_some_and(|l| l.trim().is_empty() || is_lone_bullet(l)) {
            out.pop();
        }
        while i < lines.len() && (mask[i] || lines[i].trim().is_empty()) {
            i += 1;
        }
        let prev_open = out.last().is_some_and(|l| {
            let t = l.trim_end();
            !t.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}'])
        });
        let next_continues =
            lines.get(i).is_some_and(|l| l.trim_start().chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()));
        if !(prev_open || next_continues || out.is_empty()) {
            out.push("");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(line: &str) -> String {
        let mut out = Vec::new();
        shape_into(line, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// The rule as first written, a char at a time, for the faster shaping to agree with.
    fn shape_by_chars(line: &str) -> String {
        let (mut out, mut in_digits, mut in_space) = (String::new(), false, false);
        for c in line.trim().chars() {
            if c.is_ascii_digit() {
                if !in_digits {
                    out.push('#');
                }
                (in_digits, in_space) = (true, false);
            } else if c.is_whitespace() {
                if !in_space {
                    out.push(' ');
                }
                (in_digits, in_space) = (false, true);
            } else {
                out.extend(c.to_lowercase());
                (in_digits, in_space) = (false, false);
            }
        }
        out
    }

    #[test]
    fn shaping_agrees_with_the_char_by_char_rule() {
        let cases = [
            "",
            "   ",
            "Page 12 of 46",
            "\tReport\t\t2024 -  v3.1\r",
            "1#2 ## 3##4",
            "Révision  12\u{a0}Été",
            "12\u{a0}\u{a0}34 \u{2003} 5",
            "\u{a0}Leading and trailing\u{3000}",
            "Ofsted’s report – 2024 “Good”",
            "ÀÉÎÕÜ ÇÑ ΣΑΣ İstanbul \u{212a}elvin",
            "digits١٢٣ then 45",
            "x\u{b}y\u{c}z\u{85}w\u{2028}v",
            "•\t\tItem 3.2",
            "\u{1c}\u{1d} separators 7",
        ];
        for line in cases {
            assert_eq!(shape(line), shape_by_chars(line), "{line:?}");
        }
        let long = format!("{} {}", "Header Line 42 — ".repeat(12), "x".repeat(300));
        assert_eq!(shape(&long), shape_by_chars(&long));
        // Runs, a '#' and capitals at every place in lines of many lengths.
        for at in 0..40 {
            let pad = "x".repeat(at);
            for mark in ["12", "  ", "1#2", "A", "9", " \t ", "##"] {
                for line in [format!("{pad}{mark}"), format!("{pad}{mark}yz"), format!("q{pad}{mark}{pad}End")] {
                    assert_eq!(shape(&line), shape_by_chars(&line), "{line:?}");
                }
            }
        }
        // Every ASCII byte, alone, doubled and between others, in ASCII lines and mixed ones.
        for b in 1u8..128 {
            let c = b as char;
            for line in [format!("{c}"), format!("a{c}{c}b"), format!("1{c}2 {c} {c}{c}"), format!("é{c}{c}1{c}"), format!("{c}  é 99{c}")]
            {
                assert_eq!(shape(&line), shape_by_chars(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn page_numbers_are_told_as_before() {
        let old = |line: &str| {
            let t = line.trim();
            let t = strip_prefix_ignore_case(t, "page").map(str::trim).unwrap_or(t);
            let mut parts = t.split(" of ");
            let first_ok = parts.next().is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
            let rest_ok = parts.all(|p| !p.trim().is_empty() && p.trim().bytes().all(|b| b.is_ascii_digit()));
            first_ok && rest_ok
        };
        let lines = [
            "",
            "1",
            "12",
            "1234",
            "12345",
            " 7 ",
            "Page 3",
            "page 3 of 46",
            "PAGE 3 of 46 of 9",
            "Page3of4",
            "3 of 46",
            "3 of  46 ",
            "3 of",
            "3 of ",
            "3 of x",
            "3 OF 4",
            "3  of 4",
            "3 of 4 of",
            "12a",
            "1 2",
            "Page",
            "Page of 3",
            "page 12345 of 2",
            "2024 report",
            "5 of the children",
            "pages 4",
            "１２",
            "3\u{a0}of 4",
        ];
        for l in lines {
            assert_eq!(is_page_number(l), old(l), "{l:?}");
        }
    }

    #[test]
    fn shapes_fold_case_digits_and_space() {
        assert_eq!(shape("  Page 12 of  46 "), "page # of #");
        assert_eq!(shape("Report\t\t2024 -  v3.1"), "report # - v#.#");
        // A '#' written in the line stays apart from the digits around it.
        assert_eq!(shape("1#2"), "###");
        // Lines with other characters take the slower path to the same folding.
        assert_eq!(shape("Révision  12\u{a0}Été"), "révision # été");
    }

    fn page(n: usize, body: &str) -> String {
        format!("{body}\nReview of Northshire services\n1 to 5 March 2024\n\n{n}\n\n\n")
    }

    #[test]
    fn footers_and_page_numbers_go_and_split_sentences_rejoin() {
        let filler = "Line of ordinary report text that runs on.\n".repeat(14);
        let text = format!(
            "{}{}{}Closing line.\n",
            page(1, &format!("{filler}Leaders have improved the timeliness of")),
            page(2, &format!("assessments for most children.\n{filler}End of a paragraph.")),
            page(3, &format!("Next paragraph starts here.\n{filler}"))
        );
        let (clean, removed) = strip_running_lines(&text);
        assert!(removed >= 9, "removed {removed}");
        assert!(!clean.contains("Northshire"));
        assert!(!clean.contains("1 to 5 March"));
        assert!(clean.contains("timeliness of\nassessments for most children."));
        assert!(clean.contains("End of a paragraph.\n\nNext paragraph"));
    }

    #[test]
    fn labels_set_inside_each_item_of_a_plan_stay() {
        let filler = "Line of ordinary report text that runs on.\n".repeat(6);
        // Labels set inside the text, and labels that each head their text after a blank line.
        for gap in ["", "\n"] {
            let item = |n: usize| {
                format!("{n}. Item title\n{gap}Issue/risk\n{filler}{gap}Recommendation\n{filler}\nRunning title of the report\n\n")
            };
            let text: String = (1..=6).map(item).collect();
            let (clean, _) = strip_running_lines(&text);
            assert_eq!(clean.matches("Issue/risk").count(), 6, "{gap:?}");
            assert_eq!(clean.matches("Recommendation").count(), 6, "{gap:?}");
            assert_eq!(clean.matches("Running title of the report").count(), 0, "a line standing apart still goes");
        }
        // One label alone over each part's text may be a running line.
        let part = |n: usize| format!("Part {n}\n\nOur findings\n{filler}{filler}\n");
        let text: String = (1..=6).map(part).collect();
        assert_eq!(strip_running_lines(&text).0.matches("Our findings").count(), 0);
    }

    #[test]
    fn a_footer_line_under_a_label_on_the_cover_stays() {
        let filler = "Line of ordinary report text that runs on.\n".repeat(14);
        let cover = "Review of Northshire services\nInspection dates:\n\n1 to 5 March 2024\n\n";
        let text = format!("{cover}{}{}{}", page(1, &filler), page(2, &filler), page(3, &filler));
        let (clean, removed) = strip_running_lines(&text);
        assert!(removed >= 6, "removed {removed}");
        assert!(clean.contains("Inspection dates:\n\n1 to 5 March 2024"), "{clean}");
        assert_eq!(clean.matches("1 to 5 March 2024").count(), 1);
    }

    #[test]
    fn tightly_repeated_grade_words_stay() {
        let text = "Judgement\n\nAspect one\n\nGood\n\nAspect two\n\nGood\n\nAspect three\n\nGood\n\nOverall\n\nGood\n";
        let (clean, removed) = strip_running_lines(text);
        assert_eq!(removed, 0);
        assert_eq!(clean, text);
    }
}

#[cfg(test)]
mod split_tests {
    use super::*;

    #[test]
    fn kept_lines_are_those_of_the_stripped_text() {
        let filler = "Line of ordinary report text that runs on.\n".repeat(14);
        let page = |n: usize, tail: &str| format!("{filler}Closing words of page{tail}\n\nReview of Northshire services\n\n{n}\n\n");
        let mut texts = vec![String::new(), "\n".into(), "one line".into(), "a\n\nb\n\n".into()];
        for tail in [".", " and", ""] {
            let body = format!("{}{}{}", page(1, tail), page(2, tail), page(3, tail));
            texts.push(body.clone());
            texts.push(body.trim_end().to_string());
            texts.push(format!("{body}next part starts here"));
            texts.push(format!("{body}Next part.\n"));
        }
        // Nothing left but running lines.
        let only: String = (1..=5).map(|n| format!("Review of Northshire services\n\n{n}\n{}", "\n".repeat(10))).collect();
        texts.push(only.clone());
        texts.push(only.trim_end().to_string());
        for text in &texts {
            let (stripped, removed) = strip_running_lines(text);
            let (kept, removed_too) = strip_running_lines_of(text, split_lines(text));
            assert_eq!(removed, removed_too, "{text:?}");
            assert_eq!(kept, stripped.lines().collect::<Vec<_>>(), "{text:?}");
        }
        assert!(texts.iter().any(|t| strip_running_lines(t).1 > 0));
    }
}

#[cfg(test)]
mod ornament_tests {
    use super::*;

    #[test]
    fn a_bullet_left_alone_before_a_page_footer_goes_with_it() {
        let filler = "Line of ordinary report text that runs on.\n".repeat(14);
        let page = |n: usize| format!("{filler}The last sentence of the page.\n▪\n\nReview of Northshire services\n\n{n}\n\n");
        let text = format!("{}{}{}Local details\n", page(1), page(2), page(3));
        let (clean, removed) = strip_running_lines(&text);
        assert!(removed >= 6, "removed {removed}");
        assert!(!clean.contains('▪'), "{clean}");
        assert!(is_lone_bullet(" ◼ ") && !is_lone_bullet("◼ item"));
    }
}
