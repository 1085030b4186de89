//! Plain text and Markdown, including what Word and PDF exports leave in them: hard-wrapped
//! lines, bullets of many shapes, tab-separated table rows whose cells hold HTML fragments,
//! whole HTML tables set into the text, Markdown pipe tables, and running headers and footers.

use super::html::fragment_lines;
use super::lines::{split_lines, trimmed};
use super::running_lines::strip_running_lines_of;
use super::{RawBlock, RawDoc};
use crate::line_shapes::{self, all_caps, is_date_line, is_function_word};
use crate::model::{BlockKind, CellRef, Table};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A list item's bullet or number and the space after it. Unlike a sentence's mark
/// ([`line_shapes::after_item_mark`]), a number needs its stop: a line of prose wrapped before
/// a figure starts with a bare number.
fn bullet_lead() -> String {
    let glyphs = regex::escape(line_shapes::BULLET_GLYPHS);
    format!(r"^(?:[{glyphs}]|\(?[a-z]\)|\(?[ivx]{{1,4}}\)|[a-z]\.|[ivx]{{2,4}}\.|\(\d{{1,2}}\)|\d{{1,2}}[.)](?:\d{{1,2}}\.?)?)\s+")
}
static LEAD: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&bullet_lead()).unwrap());
/// A list item: its lead, then its text to the end of the line.
#[cfg(test)]
static BULLET: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(&format!(r"{}(\S.*)$", bullet_lead())).unwrap());
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"^(#{1,6})\s+(.+?)\s*#*$").unwrap());
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"\*{1,3}([^*\n]+?)\*{1,3}|__([^_\n]+?)__").unwrap());
/// Markdown's backslash escapes ("\\(IL\\)") stand for the character itself.
static MD_ESCAPE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"\\([!-/:-@\[-`{-~])").unwrap());
static GRADED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(
        r"(?i):\s*(outstanding|good|requires improvement to be good|requires improvement|inadequate|adequate|weak|excellent|very good)$",
    )
    .unwrap()
});
static LONE_BULLET: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"^[•◼▪●○■□◦‣∙·\x{F0B7}\x{F0A7}\x{F0D8}\x{F076}\x{F0FC}]$").unwrap());
static PARA_NUMBER: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"^\d{1,3}\.?$").unwrap());
static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"(?i)</?(?:p|br|li|ol|ul|div|span|strong|em|b|i|u|table|tr|td|th|h[1-6])(?-u:\b)[^>]*>").unwrap());

/// A Markdown top-level heading after this many blocks is not the document's title.
const TITLE_HEADING_WITHIN: usize = 10;

/// Read plain text or Markdown.
pub fn read(input: &str) -> RawDoc {
    let normalised: Cow<str> = if has_either(input, b'\r', b'\x0c') {
        Cow::Owned(input.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n"))
    } else {
        Cow::Borrowed(input)
    };
    let (lines, removed) = strip_running_lines_of(&normalised, split_lines(&normalised));
    let mut doc = read_lines(&lines, &[]);
    if removed > 0 {
        doc.warnings.insert(0, format!("removed {removed} running header, footer or page-number lines"));
    }
    doc
}

/// Build blocks from lines already cleaned of running matter; `pages[i]`, when given, is the
/// page line `i` is on, and each block takes the page of its first line.
pub(crate) fn read_lines(lines: &[&str], pages: &[u32]) -> RawDoc {
    let mut doc = RawDoc::default();
    let mut b = Builder::default();
    // Bullets met on lines of their own whose items have not come yet: PDF conversions may
    // set a list's bullets one after another and its items after them.
    let mut pending_bullets = 0usize;
    // A heading found by its shape (a bold line, a short line standing apart) ranks under the
    // last Markdown heading above it.
    let mut shape_level = 2u8;
    // The number of the last item numbered without a stop: such a list counts up from 1.
    let mut last_number: Option<u32> = None;
    // Lines already read as part of an HTML table set into the text, and where the next table
    // closes from each line on (worked out once, when a table first opens).
    let mut read_up_to = 0;
    let mut closes: Option<Vec<Option<usize>>> = None;
    for (i, raw) in lines.iter().enumerate() {
        if i < read_up_to {
            continue;
        }
        b.page = pages.get(i).copied();
        if let Some(end) = embedded_table_end(lines, i, &mut closes) {
            b.flush();
            b.close_table();
            for row in super::html::table_rows(&lines[i..=end].join("\n")) {
                b.table_cells(row);
            }
            b.close_table();
            read_up_to = end + 1;
            continue;
        }
        // A row whose cells pipes part without framing it ("R1 | The partnership should ... |
        // Complete"), as some converters write tables, is one when a row like it is next to it.
        // A rule under the header ("-----+-----") goes with the table.
        if b.in_table() && is_rule_line(raw) {
            continue;
        }
        let n = bare_pipes(raw);
        let goes_on = n >= 1 && b.table_columns() == Some(n + 1);
        let starts = n >= 1 && !goes_on && lines[i + 1..].iter().find(|l| !is_rule_line(l)).is_some_and(|next| bare_pipes(next) == n);
        if starts {
            b.close_table();
        }
        if is_table_line(raw) || goes_on || starts {
            b.flush();
            b.table_row(raw);
            continue;
        }
        let line = clean_inline(raw);
        let t = trimmed(&line);
        if t.is_empty() {
            if pending_bullets > 0 || !item_goes_on(&b, lines, i) {
                b.flush();
            }
            continue;
        }
        b.close_table();
        // A rule ("-----", "=====") parts what is above it from what is below, and holds no
        // text: the line after it starts afresh ("-----" over "Area for priority action 2").
        if t.starts_with(['-', '=']) && is_rule_line(t) {
            b.flush();
            continue;
        }
        if let Some(c) = t.starts_with('#').then(|| MD_HEADING.captures(t)).flatten() {
            b.flush();
            let level = c[1].len() as u8;
            // A top-level heading names the document only near its top: conversions add an
            // outline or a note's heading at the end.
            if level == 1 && doc.title.is_none() && b.blocks.len() < TITLE_HEADING_WITHIN {
                doc.title = Some(c[2].to_string());
            }
            b.push(RawBlock { page: b.page, ..RawBlock::heading(level, &c[2]) });
            shape_level = (level + 1).min(6);
            continue;
        }
        if t.starts_with(|c: char| c.is_ascii_digit()) && PARA_NUMBER.is_match(t) {
            // A numbered paragraph's number on a line of its own, as PDF conversions leave it.
            b.flush();
            continue;
        }
        if t.len() <= 4 && LONE_BULLET.is_match(t) {
            // A bullet on a line of its own marks the text that follows as a list item, unless
            // that text is on the next page: then the bullet was the page's ornament.
            b.flush();
            let next_page = lines[i + 1..].iter().position(|l| !l.trim().is_empty()).and_then(|k| pages.get(i + 1 + k));
            if next_page.is_none_or(|p| Some(*p) == b.page) {
                pending_bullets += 1;
            }
            continue;
        }
        let prev = prev_nonblank(lines, i, &b);
        let next = lines.get(i + 1).map(|l| trimmed(l)).unwrap_or("");
        // A heading ends a list whose bullets outnumbered its items ("What needs to be
        // better?" after a column of bullets): it is not their next item.
        if pending_bullets > 0 && b.current.is_none() && !is_heading_line(t, prev, next) {
            pending_bullets -= 1;
            b.flush();
            b.open(BlockKind::ListItem, t.to_string());
            continue;
        }
        if let Some(item) = bullet_item(t) {
            let item = item.to_string();
            if !looks_like_heading_number(t) && !is_numbered_heading(t, lines, i) && !is_subsection_heading(t, next) {
                pending_bullets = 0;
                b.flush();
                b.open(BlockKind::ListItem, item);
                continue;
            }
        }
        if let Some((n, item)) = numbered_item(t, prev, next)
            && (n == 1 || Some(n - 1) == last_number)
        {
            last_number = Some(n);
            pending_bullets = 0;
            b.flush();
            b.open(BlockKind::ListItem, item.to_string());
            continue;
        }
        // A name and its value set apart by a dot leader ("Safeguarding ...... Score: 2") is
        // one entry of a contents list or a grid of grades, a line of its own.
        if line_shapes::dot_leader(t).is_some() {
            pending_bullets = 0;
            b.flush();
            b.open(BlockKind::Paragraph, t.to_string());
            b.flush();
            continue;
        }
        if is_heading_line(t, prev, next) {
            pending_bullets = 0;
            b.flush();
            b.push(RawBlock { page: b.page, ..RawBlock::heading(shape_level, t) });
            continue;
        }
        // A list item ends where a sentence ends at a line's end and the next line starts a new
        // one: PDF text runs the paragraph after a list straight on without a blank line.
        let item_ended = b.current.as_ref().is_some_and(|c| {
            c.kind == BlockKind::ListItem
                && c.text.trim_end().ends_with(['.', '!', '?', ')'])
                && t.chars().next().is_some_and(|ch| ch.is_uppercase())
        });
        // A lead-in ends at its colon when the next line starts a sentence: "Action the trust
        // MUST take to improve:" over "The trust must ensure ..." is not one sentence.
        let lead_in_ended = b
            .current
            .as_ref()
            .is_some_and(|c| c.kind == BlockKind::Paragraph && c.text.trim_end().ends_with(':') && starts_own_sentence(t));
        // A form's lines each give a label and its value ("Title: ..." over "Responsible
        // Executive: ..."), which run into no sentence.
        // Longer labels too, one field a line, when the field above has ended its sentence
        // ("What we found: ..." over "What the organisation should do: ...").
        let label_ended = || {
            let Some(c) = b.current.as_ref().filter(|c| c.kind == BlockKind::Paragraph) else {
                return false;
            };
            memchr::memchr(b':', t.as_bytes()).is_some()
                && (line_shapes::is_label_line(t) && line_shapes::label_end(&c.text).is_some()
                    || line_shapes::long_label_end(t).is_some() && ends_sentence(&c.text) && line_shapes::long_label_end(&c.text).is_some())
        };
        if item_ended || lead_in_ended || label_ended() {
            b.flush();
        }
        // A date on a line of its own stands alone, as covers set it under the line that says
        // whom a report is for ("Prepared for the Board" / "September 2025"), unless the line
        // above runs on into it ("... published on" / "12 March 2025").
        // Cheap refusals first: this runs on every line of prose.
        let runs_into = || prev.is_some_and(|p| is_function_word(p.split_whitespace().next_back().unwrap_or("")));
        // So does a grade under its aspect in a judgement grid, however long the aspect; a
        // sentence wrapped before its last word ("... was" / "good.") goes on.
        let grade_line = || t.starts_with(char::is_uppercase) && line_shapes::grade_of_line(t).is_some();
        if b.current.is_some() && (is_date_line(t) || grade_line()) && !runs_into() {
            b.flush();
            b.open(BlockKind::Paragraph, t.to_string());
            b.flush();
            continue;
        }
        if b.current.is_none() {
            b.open(BlockKind::Paragraph, t.to_string());
        } else {
            b.append(t);
        }
    }
    b.flush();
    b.close_table();
    promote_title_paragraphs(&mut b.blocks);
    rejoin_interrupted_text(&mut b.blocks);
    doc.blocks = b.blocks;
    doc.tables = b.tables;
    doc
}

/// Whether a line can start with a bullet or item number at all, tested on its first bytes
/// before a search for its lead: most lines of prose start with a capital or, wrapped, with a
/// word in lower case, and a letter starts an item only as "a)" or "iv)". Lines starting
/// outside ASCII go to the rule, which knows its glyphs.
fn may_be_bullet(t: &str) -> bool {
    let b = t.as_bytes();
    match b.first() {
        Some(b'0'..=b'9' | b'(' | b'-' | b'*' | b'+') => true,
        Some(b'a'..=b'z') => {
            let roman = b.iter().take_while(|c| matches!(c, b'i' | b'v' | b'x')).count();
            matches!(b.get(1), Some(b')' | b'.')) || (2..=4).contains(&roman) && matches!(b.get(roman), Some(b')' | b'.'))
        }
        Some(first) => !first.is_ascii(),
        None => false,
    }
}

/// The text of the list item `t` starts, if it starts one: what follows its lead, which must be
/// one line. A search for the lead alone stops where the lead ends, where capturing the item
/// ran a slower engine over the rest of the line; the greedy space in the lead ends at the first
/// char that is not space, where the item begins.
fn bullet_item(t: &str) -> Option<&str> {
    if !may_be_bullet(t) {
        return None;
    }
    let rest = &t[LEAD.find(t)?.end()..];
    (!rest.is_empty() && memchr::memchr(b'\n', rest.as_bytes()).is_none()).then_some(rest)
}

fn is_bullet(t: &str) -> bool {
    bullet_item(t).is_some()
}

/// The number and text of a list item numbered without a stop ("1 NHS Northshire must ensure
/// that ..."), as inspection reports set numbered requirements and recommendations in tables
/// that text exports flatten. Only where a line starts afresh (after a stop, a heading or a
/// blank line), with a capital and four words or more after the number, and is no heading
/// itself ("3 Key findings and recommendations") nor a date ("12 March 2025 ..."): a wrapped
/// line of prose that starts with a number ("... there were" | "43 Physician Associates in
/// post") goes on. The caller checks that the numbers count up, which a column of figures cut
/// from a table does not.
fn numbered_item<'a>(t: &'a str, prev: Option<&str>, next: &str) -> Option<(u32, &'a str)> {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (number, rest) = t.split_once(' ')?;
    let rest = rest.trim_start();
    if number.len() > 2 || !number.bytes().all(|b| b.is_ascii_digit()) || !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let first = rest.split_whitespace().next().unwrap_or("");
    let starts_afresh = prev.is_none_or(ends_sentence);
    let n: u32 = number.parse().ok()?;
    (starts_afresh
        && rest.split_whitespace().nth(3).is_some()
        && !line_shapes::MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(first))
        && !is_heading_line(t, prev, next))
    .then_some((n, rest))
}

/// Whether the list item being read carries on past the blank line at `i`: text converted
/// from PDF often leaves a blank line after an item's first line, where the bullet glyph was
/// set larger than the text, so an item cut mid-phrase goes on when the next line starts in
/// lower case and is not an item of its own.
fn item_goes_on(b: &Builder, lines: &[&str], i: usize) -> bool {
    let Some(cur) = b.current.as_ref().filter(|c| c.kind == BlockKind::ListItem) else {
        return false;
    };
    if cur.text.trim_end().ends_with(['.', '!', '?', ':', ';', ',', ')', '"', '\u{201d}']) {
        return false;
    }
    let next = lines[i + 1..].iter().take(2).map(|l| trimmed(l)).find(|l| !l.is_empty()).unwrap_or("");
    next.starts_with(|c: char| c.is_lowercase()) && !is_table_line(next) && !is_bullet(next)
}

/// The previous line within the same chunk (None at a chunk's start).
fn prev_nonblank<'a>(lines: &[&'a str], i: usize, b: &Builder) -> Option<&'a str> {
    b.current.as_ref()?;
    lines[..i].iter().rev().map(|l| trimmed(l)).find(|l| !l.is_empty())
}

/// Where an HTML table that opens on line `i` closes ("<table>" ... "</table>"), when it does:
/// a table left open is read as text, so nothing after it is lost. `closes` holds, for each
/// line, the first line at or after it that closes a table; it is filled on the first call
/// that needs it, so a file of tables that never close is still read in one pass.
fn embedded_table_end(lines: &[&str], i: usize, closes: &mut Option<Vec<Option<usize>>>) -> Option<usize> {
    let has = |l: &str, tag: &[u8]| {
        memchr::memchr(b'<', l.as_bytes()).is_some() && l.as_bytes().windows(tag.len()).any(|w| w.eq_ignore_ascii_case(tag))
    };
    if !has(lines[i], b"<table") {
        return None;
    }
    let closes = closes.get_or_insert_with(|| {
        let mut next = None;
        let mut out = vec![None; lines.len()];
        for (j, l) in lines.iter().enumerate().rev() {
            if has(l, b"</table") {
                next = Some(j);
            }
            out[j] = next;
        }
        out
    });
    closes[i]
}

fn is_table_line(line: &str) -> bool {
    if !has_either(line, b'\t', b'|') {
        return false;
    }
    let t = line.trim_end_matches(['\n', '\r']);
    t.matches('\t').count() >= 1 && t.split('\t').filter(|c| !c.trim().is_empty()).count() >= 1 && t.split('\t').count() >= 3
        || (t.trim_start().starts_with('|') && t.trim_end().ends_with('|') && t.matches('|').count() >= 3)
}

/// How many pipes set apart with spaces part a line's cells, when its ends are not pipes.
fn bare_pipes(line: &str) -> usize {
    let t = line.trim();
    if memchr::memchr(b'|', t.as_bytes()).is_none() || t.starts_with('|') || t.ends_with('|') {
        return 0;
    }
    t.matches(" | ").count()
}

/// A line that only rules a table off ("------+------", "===|===").
fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.contains(['-', '=']) && t.chars().all(|c| matches!(c, '-' | '=' | '+' | '|' | ':' | ' '))
}

/// "1. RECOMMENDATION" is a numbered heading, not a list item.
fn looks_like_heading_number(t: &str) -> bool {
    all_caps(t) && t.split_whitespace().count() <= 8
}

/// A subsection's number and a few words in a paper laid out in numbered parts ("2.3
/// Assessment", "4.1 Financial implications"), over the part's first sentence: a heading, where
/// "1. Leadership" over "2. Workforce" is a list.
fn is_subsection_heading(t: &str, next: &str) -> bool {
    static SUBSECTION: LazyLock<Regex> =
        LazyLock::new(|| crate::rx::regex(r"^\d{1,2}\.\d{1,2}\.?\s+[A-Z][\w’'-]*(?:\s+[\w’'&-]+){0,5}$").unwrap());
    t.len() <= 80
        && SUBSECTION.is_match(t)
        && next.starts_with(char::is_uppercase)
        && !is_bullet(next)
        && !is_function_word(t.split_whitespace().next_back().unwrap_or(""))
}

/// The number of a line numbered "3." or "3)" and what follows it.
fn leading_number(t: &str) -> Option<(u32, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || !matches!(t.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    let rest = &t[digits + 1..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((t[..digits].parse().ok()?, rest.trim_start()))
}

/// A numbered section heading in mixed case ("3. Key strengths", "2. Background"): a short line
/// without a stop that stands apart (a blank line after it), followed by a sentence, a bulleted
/// list or a list numbered from one rather than by its own list's next item or the rest of its
/// own sentence, and that
/// carries on no list: the line before is neither a lead-in nor the item numbered one less. A
/// list of short items ("1. Leadership" then "2. Workforce") stays a list.
fn is_numbered_heading(t: &str, lines: &[&str], i: usize) -> bool {
    let Some((n, rest)) = leading_number(t) else {
        return false;
    };
    let n_words = rest.split_whitespace().take(9).count();
    if !rest.starts_with(char::is_uppercase)
        || !(1..=8).contains(&n_words)
        || rest.ends_with(['.', ',', ';', ':', '!', '?'])
        || is_function_word(rest.split_whitespace().next_back().unwrap_or(""))
    {
        return false;
    }
    // It stands apart: a blank line under it, or a heading of its own part ("1. Reserves"
    // over "Issue/risk").
    if let Some(below) = lines.get(i + 1).map(|l| trimmed(l)).filter(|l| !l.is_empty()) {
        let after = lines.get(i + 2).map_or("", |l| trimmed(l));
        if !is_heading_line(below, Some(t), after) {
            return false;
        }
    }
    let Some(next) = lines[i + 1..].iter().map(|l| trimmed(l)).find(|l| !l.is_empty()) else {
        return false;
    };
    // A next line in lower case carries on a sentence cut by the blank line.
    // A bulleted list may follow a heading, and so may a list numbered afresh from one ("2. Key
    // messages" over "1. Children were ..."), or paragraphs numbered through the whole report
    // ("1. Audit of the accounts" over "4. The accounts were ..."); the line numbered next
    // after it is the list's next item.
    if leading_number(next).is_some_and(|(m, _)| m == n + 1) {
        return false;
    }
    let next_text = bullet_item(next).unwrap_or(next);
    if !next_text.starts_with(char::is_uppercase) || is_table_line(next) {
        return false;
    }
    let prev = lines[..i].iter().rev().map(|l| trimmed(l)).find(|l| !l.is_empty()).unwrap_or("");
    !prev.ends_with(':') && leading_number(prev).is_none_or(|(p, _)| p + 1 != n)
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', '\u{2019}'])
}

/// A heading in plain text: a short line standing apart from the prose around it.
/// Inspectorates head their sections with the question each answers ("What is it like to be a
/// child or young person with SEND in this area?"), longer than a heading that names a topic.
const MAX_QUESTION_WORDS: usize = 20;

fn is_heading_line(t: &str, prev: Option<&str>, next: &str) -> bool {
    // Cheap refusals first: this runs on every line of prose.
    if t.len() > 400 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || first == '\u{2018}' || first == '\'') {
        return false;
    }
    // Counted only as far as the limits.
    let question = t.ends_with('?');
    let max_words = if question { MAX_QUESTION_WORDS } else { 14 };
    let n_words = t.split_whitespace().take(max_words + 1).count();
    // A char takes a byte at least, so a line of 100 bytes or fewer needs no counting.
    if n_words == 0 || (t.len() > 100 && t.chars().take(101).count() > 100) || n_words > max_words {
        return false;
    }
    // "Aspect: grade", the heading of a judged section, stands alone whatever came before.
    if memchr::memchr(b':', t.as_bytes()).is_some() && GRADED_HEADING.is_match(t) {
        return true;
    }
    // A line under an item's numbered title ("1. Reserves" over "Issue/risk") follows no
    // sentence but stands apart all the same.
    let after_break = prev.is_none_or(|p| ends_sentence(p) || under_a_numbered_title(p));
    if !after_break {
        return false;
    }
    if all_caps(t) {
        return true;
    }
    if question {
        return true;
    }
    if t.ends_with(['.', ',', ';', ':', '!', '\u{201d}', '"']) || n_words > 12 || t.matches(',').count() >= 2 {
        return false;
    }
    // A line whose sentence ends on the next, short line ("... should work together to:").
    // A next line that starts a sentence of its own is a lead-in under this heading
    // ("Areas for priority action" over "Area leaders need to urgently:").
    if next.ends_with(':') && !is_bullet(next) && !starts_own_sentence(next) {
        return false;
    }
    let last = t.split_whitespace().next_back().unwrap_or("");
    if is_function_word(last) || leaves_a_clause_open(last) {
        return false;
    }
    // A lone line, or one that a list, a new sentence or a cover's date line follows.
    next.is_empty()
        || is_bullet(next)
        || next.starts_with('1') && numbered_item(next, None, "").is_some_and(|(n, _)| n == 1)
        // Paragraphs numbered through a report ("Financial sustainability" over "3 The IJB ...").
        || t.chars().count() <= 70 && numbered_item(next, None, "").is_some()
        || (t.chars().count() <= 70 && next.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() && is_date_line(next)))
}

/// A short numbered title on a line of its own ("2. Savings delivery"), which wrapped prose,
/// running on to the margin, is not.
fn under_a_numbered_title(prev: &str) -> bool {
    const MAX_TITLE_CHARS: usize = 48;
    prev.len() <= MAX_TITLE_CHARS * 4
        && prev.chars().count() <= MAX_TITLE_CHARS
        && leading_number(prev).is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase) && !rest.contains(['.', ',', ';', ':']))
        && !is_function_word(prev.split_whitespace().next_back().unwrap_or(""))
}

/// Whether a line's last word leaves its clause open, as a heading's never does: a wrapped
/// line of prose ("The risk register has not been reviewed by the board since" | "October
/// 2024 and ...") whose next line opens on a capital.
fn leaves_a_clause_open(word: &str) -> bool {
    const OPEN: &[&str] = &[
        "since",
        "than",
        "but",
        "not",
        "has",
        "have",
        "had",
        "been",
        "was",
        "were",
        "be",
        "into",
        "will",
        "would",
        "should",
        "must",
        "can",
        "could",
        "their",
        "its",
        "our",
        "until",
        "about",
        "between",
        "including",
    ];
    word.len() <= 9 && OPEN.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A line that reads as a sentence of its own: a capital, then enough words to hold a
/// subject and a verb.
fn starts_own_sentence(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase) && t.split_whitespace().take(5).count() >= 5
}

/// Text that a side panel or a page's furniture cut in two: a paragraph that starts in lower
/// case straight after a few headings goes on the open sentence above them ("... include a
/// clear focus on how" | "Northshire Council" | "they plan for adulthood."). The headings
/// stay, after the rejoined text.
fn rejoin_interrupted_text(blocks: &mut Vec<RawBlock>) {
    /// Panel lines between the two parts, at most.
    const MAX_BETWEEN: usize = 8;
    // One pass that moves each block once: a long document may have many such cuts.
    let mut out: Vec<RawBlock> = Vec::with_capacity(blocks.len());
    for b in blocks.drain(..) {
        let goes_on = b.kind == BlockKind::Paragraph
            && b.table.is_none()
            && b.text.starts_with(|c: char| c.is_lowercase())
            && !b.text.starts_with("www.");
        let between = if goes_on { out.iter().rev().take(MAX_BETWEEN + 1).take_while(|o| o.kind == BlockKind::Heading).count() } else { 0 };
        let cut = ((1..=MAX_BETWEEN).contains(&between) && out.len() > between).then(|| out.len() - between - 1);
        let open = cut.filter(|&c| {
            let o = &out[c];
            matches!(o.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && o.table.is_none()
                && !o.text.trim_end().ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', ')'])
        });
        match open {
            Some(c) => {
                out[c].text.push(' ');
                out[c].text.push_str(&b.text);
            }
            None => out.push(b),
        }
    }
    *blocks = out;
}

/// A short paragraph without a closing stop is a heading that wrapped over two lines
/// ("The experiences and progress of children in\ncare: good").
fn promote_title_paragraphs(blocks: &mut [RawBlock]) {
    for i in 0..blocks.len() {
        let b = &blocks[i];
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let t = b.text.trim();
        // Cheap tests first, and words and characters counted only as far as the limits:
        // this runs on every paragraph, most of them long.
        let first_upper = t.chars().next().is_some_and(|c| c.is_uppercase());
        let open_end = !t.ends_with(['.', ':', ';', ',', '!', '?', '"', '\u{201d}', '\u{2019}', ')']);
        let next_is_body = blocks.get(i + 1).is_some_and(|n| n.kind != BlockKind::TableCell);
        if first_upper
            && open_end
            && next_is_body
            && t.len() <= 4 * 120
            && (2..=16).contains(&t.split_whitespace().take(17).count())
            && t.chars().take(121).count() <= 120
            // An entry of a contents list or of a grid ("Safeguarding ...... Score: 2").
            && line_shapes::dot_leader(t).is_none()
        {
            blocks[i].kind = BlockKind::Heading;
            blocks[i].level = 3;
        }
    }
}

fn clean_inline(line: &str) -> Cow<'_, str> {
    // Each rewrite is tried only where its marker character is present: most lines have none,
    // and two vectorised searches tell so, where a search per marker walked each line five times.
    let bytes = line.as_bytes();
    if memchr::memchr3(b'*', b'_', b'<', bytes).is_none() && memchr::memchr2(b'\\', NBSP[1], bytes).is_none() {
        return Cow::Borrowed(line);
    }
    let mut s: Cow<str> = if has_either(line, b'*', b'_') { unemphasise(line) } else { Cow::Borrowed(line) };
    if memchr::memchr(b'<', s.as_bytes()).is_some() && HTML_TAG.is_match(&s) {
        s = Cow::Owned(fragment_lines(&s).join(" "));
    }
    if memchr::memchr(b'\\', s.as_bytes()).is_some() {
        s = Cow::Owned(MD_ESCAPE.replace_all(&s, "$1").into_owned());
    }
    if has_nbsp(&s) {
        s = Cow::Owned(s.replace('\u{a0}', " "));
    }
    s
}

/// U+00A0 in UTF-8; its second byte also ends other chars ("à"), so a find is checked.
const NBSP: [u8; 2] = [0xc2, 0xa0];

fn has_nbsp(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(NBSP[1], b).any(|i| i > 0 && b[i - 1] == NBSP[0])
}

/// Whether `s` holds either ASCII character. A search for a set of chars decodes every char of
/// the text; these run on every line, and an ASCII byte never occurs inside a UTF-8 sequence.
fn has_either(s: &str, a: u8, b: u8) -> bool {
    memchr::memchr2(a, b, s.as_bytes()).is_some()
}

fn unemphasise(s: &str) -> Cow<'_, str> {
    EMPHASIS.replace_all(s, |c: &regex::Captures| c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_string()).unwrap_or_default())
}

/// Lays blocks and tables end to end; the DOCX reader uses it too, so that a Word table
/// gives the same cells as its tab-separated twin.
#[derive(Default)]
pub(crate) struct Builder {
    blocks: Vec<RawBlock>,
    current: Option<RawBlock>,
    tables: Vec<Table>,
    table: Option<Table>,
    /// The page of the line being read.
    page: Option<u32>,
}

impl Builder {
    fn open(&mut self, kind: BlockKind, text: String) {
        self.current = Some(RawBlock { page: self.page, ..RawBlock::new(kind, text) });
    }
    fn append(&mut self, t: &str) {
        if let Some(cur) = self.current.as_mut() {
            // Words hyphenated across a line break are rejoined.
            if cur.text.ends_with('-') && !cur.text.ends_with(" -") && t.chars().next().is_some_and(|c| c.is_lowercase()) {
                cur.text.pop();
            } else {
                cur.text.push(' ');
            }
            cur.text.push_str(t);
        }
    }
    pub(crate) fn push(&mut self, b: RawBlock) {
        self.flush();
        self.blocks.push(b);
    }
    fn flush(&mut self) {
        if let Some(b) = self.current.take()
            && !trimmed(&b.text).is_empty()
        {
            self.blocks.push(b);
        }
    }
    fn in_table(&self) -> bool {
        self.table.is_some()
    }
    /// The open table's columns, by its header.
    fn table_columns(&self) -> Option<usize> {
        self.table.as_ref().map(|t| t.header.len())
    }
    fn table_row(&mut self, line: &str) {
        self.table_cells(split_cells(line));
    }
    /// One table row, each cell as its lines of text; the first row of a table is its header.
    pub(crate) fn table_cells(&mut self, cells: Vec<Vec<String>>) {
        self.flush();
        let table = self.table.get_or_insert_with(Table::default);
        if table.header.is_empty() {
            table.header = cells.iter().map(|c| c.join(" ")).collect();
            return;
        }
        let flat: Vec<String> = cells.iter().map(|c| c.join(" ")).collect();
        if flat == table.header || flat.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':' || ch == ' ')) {
            return; // a header repeated on a new page, or a Markdown separator row
        }
        let table_no = self.tables.len();
        let row_no = table.rows.len();
        for (col, lines) in cells.iter().enumerate() {
            for l in lines {
                let header = table.header.get(col).filter(|h| !h.is_empty()).cloned();
                self.blocks.push(RawBlock {
                    kind: BlockKind::TableCell,
                    level: 0,
                    text: l.clone(),
                    table: Some(CellRef { table: table_no, row: row_no, col, header }),
                    page: self.page,
                });
            }
        }
        table.rows.push(flat);
    }
    pub(crate) fn close_table(&mut self) {
        if let Some(t) = self.table.take() {
            self.tables.push(t);
        }
    }
}

impl Builder {
    /// The blocks and tables built.
    pub(crate) fn finish(mut self) -> (Vec<RawBlock>, Vec<Table>) {
        self.flush();
        self.close_table();
        (self.blocks, self.tables)
    }
}

/// A row's cells, each as its lines of text (HTML inside a cell gives several).
fn split_cells(line: &str) -> Vec<Vec<String>> {
    let t = line.trim_end_matches(['\n', '\r']);
    let parts: Vec<&str> = if t.contains('\t') {
        t.split('\t').collect()
    } else {
        let inner = t.trim().trim_start_matches('|').trim_end_matches('|');
        inner.split('|').collect()
    };
    parts
        .into_iter()
        .map(|cell| {
            let cell = EMPHASIS
                .replace_all(cell, |c: &regex::Captures| c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_string()).unwrap_or_default());
            if cell.contains('<') || cell.contains('&') {
                fragment_lines(&cell)
            } else {
                let s = cell.trim();
                if s.is_empty() { vec![] } else { vec![s.to_string()] }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &RawDoc) -> Vec<(BlockKind, String)> {
        doc.blocks.iter().map(|b| (b.kind.clone(), b.text.clone())).collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_join_and_bullets_split() {
        let doc = read(
            "Findings\n\nThe board should review its\nrisk register each quarter.\n\nThe council should:\n• publish a plan\n• report on\nprogress yearly.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[0], (BlockKind::Heading, "Findings".into()));
        assert_eq!(k[1], (BlockKind::Paragraph, "The board should review its risk register each quarter.".into()));
        assert_eq!(k[2], (BlockKind::Paragraph, "The council should:".into()));
        assert_eq!(k[3], (BlockKind::ListItem, "publish a plan".into()));
        assert_eq!(k[4], (BlockKind::ListItem, "report on progress yearly.".into()));
    }

    #[test]
    fn a_rule_parts_the_text_and_holds_none() {
        let doc = read(
            "The board met twice.\n-----------------------------------\nArea for priority action 2: Waiting times\n\nLeaders should cut waits.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[0], (BlockKind::Paragraph, "The board met twice.".into()));
        assert_eq!(k[1], (BlockKind::Heading, "Area for priority action 2: Waiting times".into()));
        assert!(k.iter().all(|(_, t)| !t.contains("---")), "{k:?}");
    }

    #[test]
    fn symbol_font_bullets_start_items() {
        let doc = read("The board should:\n\u{f0b7} publish its plan;\n\u{f0b7}\nreview its risks.\n");
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::ListItem, "publish its plan;".into()));
        assert_eq!(k[2], (BlockKind::ListItem, "review its risks.".into()));
    }

    #[test]
    fn minus_signs_set_as_bullets_start_items() {
        let doc = read("Leaders should act in respect of:\n\u{2212} reducing waiting times;\n\u{2212} sharing records.\n");
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::ListItem, "reducing waiting times;".into()));
        assert_eq!(k[2], (BlockKind::ListItem, "sharing records.".into()));
    }

    #[test]
    fn a_heading_stands_above_a_lead_in_that_ends_in_a_colon() {
        let doc = read("Areas for priority action\nArea leaders need to urgently and jointly:\n\u{2022} identify needs;\n");
        let k = kinds(&doc);
        assert_eq!(k[0], (BlockKind::Heading, "Areas for priority action".into()));
        assert_eq!(k[1], (BlockKind::Paragraph, "Area leaders need to urgently and jointly:".into()));
        // A sentence broken before its last words is still one paragraph.
        let doc = read("The partnership should work\ntogether to:\n\u{2022} identify needs;\n");
        assert_eq!(kinds(&doc)[0], (BlockKind::Paragraph, "The partnership should work together to:".into()));
    }

    #[test]
    fn a_heading_after_a_column_of_bullets_is_not_their_item() {
        // Bullets set apart from their items, more bullets than items reach the heading.
        let doc = read(
            "What works well?\n\u{25aa}\n\n\u{25aa}\n\nStaff are kind and plans are clear.\n\nWhat needs to be better?\n\u{25aa}\n\nSome waits are long.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::ListItem, "Staff are kind and plans are clear.".into()));
        assert_eq!(k[2], (BlockKind::Heading, "What needs to be better?".into()));
        assert_eq!(k[3], (BlockKind::ListItem, "Some waits are long.".into()));
    }

    #[test]
    fn text_cut_by_a_side_panel_rejoins_across_it() {
        let doc = read(
            "Leaders should ensure that:\n\u{25aa} reviews include a clear focus on how\n\nNorthshire Council\n\nNHS Northshire ICB\n\nthey plan for adulthood.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::ListItem, "reviews include a clear focus on how they plan for adulthood.".into()));
        assert_eq!(k[2], (BlockKind::Heading, "Northshire Council".into()));
        assert_eq!(k[3], (BlockKind::Heading, "NHS Northshire ICB".into()));
        assert_eq!(k.len(), 4);
    }

    #[test]
    fn question_and_title_lines_are_headings() {
        let doc = read("What needs to improve?\n◼ The timeliness of reviews.\n\nAreas for improvement\nLeaders should act on this.\n");
        let k = kinds(&doc);
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(k[1], (BlockKind::ListItem, "The timeliness of reviews.".into()));
        assert_eq!(k[2], (BlockKind::Heading, "Areas for improvement".into()));
        assert_eq!(k[3].0, BlockKind::Paragraph);
        // A topic over a paragraph numbered through the report.
        let doc = read("Key messages\n\nFinancial sustainability\n3 The board reported an overspend of £5 million.\n");
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::Heading, "Financial sustainability".into()));
        assert_eq!(k.len(), 3);
        // A long question heads the prose straight under it, as inspectorates set them; a
        // question within a paragraph, or longer than any heading, runs on.
        let doc = read(
            "The council is responsible for services.\n\n\
             What is it like to be a child or young person with SEND in this area?\n\
             Children have their voices heard. Families find support\nearly.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::Heading, "What is it like to be a child or young person with SEND in this area?".into()));
        assert_eq!(k[2], (BlockKind::Paragraph, "Children have their voices heard. Families find support early.".into()));
        for text in [
            "Leaders asked a question of every team\nwhy is the waiting list for assessment so long for children in this area?\nNo one knew.\n",
            "Why do children and young people with special needs in this part of the country still wait so much longer for help?\nNo one knew.\n",
        ] {
            assert!(kinds(&read(text)).iter().all(|(kind, _)| *kind != BlockKind::Heading), "{text:?}");
        }
    }

    #[test]
    fn items_numbered_without_a_stop_are_list_items_when_they_count_up() {
        let doc = read(
            "Requirements\nDomain 1\n1 NHS Northshire must ensure that fluid balance charts are completed (see page 14).\n\
             2 NHS Northshire must ensure that all staff complete mandatory training.\n\n\
             3 Key findings and recommendations\n\nThe board met.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::Heading, "Domain 1".into()));
        assert_eq!(k[2], (BlockKind::ListItem, "NHS Northshire must ensure that fluid balance charts are completed (see page 14).".into()));
        assert_eq!(k[3], (BlockKind::ListItem, "NHS Northshire must ensure that all staff complete mandatory training.".into()));
        // A numbered heading, a figure that starts a wrapped line, a date and a number out of
        // sequence are not items.
        assert_eq!(k[4], (BlockKind::Heading, "3 Key findings and recommendations".into()));
        for text in [
            "Over the year there were\n43 Physician Associates in post across the trust.\n",
            "12 March 2025 was the day the board met in full.\n",
            "governance structure to ensure accountability\n\n2 Green team meet on a monthly basis with\n",
        ] {
            assert!(kinds(&read(text)).iter().all(|(kind, _)| *kind != BlockKind::ListItem), "{text:?}");
        }
    }

    #[test]
    fn a_lead_in_ends_at_its_colon_when_a_sentence_follows() {
        let doc = read(
            "Areas for improvement\nAction the trust MUST take to improve:\nThe trust must ensure that staff complete risk assessments.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::Paragraph, "Action the trust MUST take to improve:".into()));
        assert_eq!(k[2], (BlockKind::Paragraph, "The trust must ensure that staff complete risk assessments.".into()));
        // A short run after the colon goes on the same paragraph.
        let doc = read("Our three aims are:\nsafe care, good care.\n");
        assert_eq!(kinds(&doc).len(), 1);
    }

    #[test]
    fn a_cover_date_line_stands_apart_from_the_place_above_it() {
        let doc =
            read("Unannounced inspection report\nNorthshire Royal Infirmary, NHS Northshire\n12 – 14 March 2025\n\nThe ward was clean.\n");
        let k = kinds(&doc);
        assert_eq!(k[1], (BlockKind::Heading, "Northshire Royal Infirmary, NHS Northshire".into()));
        assert_eq!(k[2].1, "12 – 14 March 2025");
        // A wrapped line of prose before a number is not a heading.
        let doc = read("Over the year the partnership recorded\n1,200 delayed discharges in total.\n");
        assert_eq!(kinds(&doc).len(), 1);
    }

    #[test]
    fn wrapped_line_ending_in_a_function_word_is_not_a_heading() {
        let doc = read("Intro sentence.\nLeaders have reduced the delays for\nfamilies waiting for help.\n");
        assert_eq!(doc.blocks.len(), 1);
        // The next line opens on a capital, but the clause is left open.
        for last in ["since", "has not", "could"] {
            let doc = read(&format!("Intro sentence.\nThe risk register has been reviewed {last}\nOctober 2024 by the board.\n"));
            assert_eq!(doc.blocks.len(), 1, "{last}");
            assert_eq!(doc.blocks[0].kind, BlockKind::Paragraph, "{last}");
        }
    }

    #[test]
    fn tab_separated_rows_become_cells_with_headers_and_html_is_stripped() {
        let doc = read(
            "Priority\tAction\tRAG\n1. Improve data\t<p>1. Build a framework</p> <p>2. Report</p>\tGREEN\nPriority\tAction\tRAG\n2. Plan\tWrite it &amp; agree it\tAMBER\n",
        );
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.header, vec!["Priority", "Action", "RAG"]);
        assert_eq!(t.rows.len(), 2, "the repeated header row is dropped");
        assert_eq!(t.rows[0][1], "1. Build a framework 2. Report");
        assert_eq!(t.rows[1][1], "Write it & agree it");
        let cells: Vec<&RawBlock> = doc.blocks.iter().filter(|b| b.kind == BlockKind::TableCell).collect();
        assert_eq!(cells[1].text, "1. Build a framework");
        assert_eq!(cells[1].table.as_ref().unwrap().header.as_deref(), Some("Action"));
    }

    #[test]
    fn markdown_headings_emphasis_and_pipe_tables() {
        let doc = read("# Annual review\n\n**Key** points here.\n\n| Area | Status |\n|---|---|\n| Fife | Green |\n");
        assert_eq!(doc.title.as_deref(), Some("Annual review"));
        assert_eq!(doc.blocks[1].text, "Key points here.");
        assert_eq!(doc.tables[0].rows, vec![vec!["Fife".to_string(), "Green".to_string()]]);
    }

    #[test]
    fn rows_parted_by_pipes_without_frames_are_a_table() {
        let doc = read(
            "Our evaluations are below.\n\nQuality indicator            | Evaluation\n-----------------------------+-----------\n\
             Key performance outcomes     | Adequate\nLeadership and direction     | Good\n\nRef | Action | Due date | Status\n\
             R1 | Audit care plans | 31/12/2025 | Complete\nR2 | Offer carer plans | June 2026 | On track\n\n\
             Published 3 May 2025 | Care Inspectorate\nThe report was published.\n",
        );
        assert_eq!(doc.tables.len(), 2);
        assert_eq!(doc.tables[0].header, ["Quality indicator", "Evaluation"]);
        assert_eq!(doc.tables[0].rows, [["Key performance outcomes", "Adequate"], ["Leadership and direction", "Good"]]);
        assert_eq!(doc.tables[1].rows[1], ["R2", "Offer carer plans", "June 2026", "On track"]);
        // A lone line with a pipe in it is text.
        assert!(doc.blocks.iter().any(|b| b.text.starts_with("Published 3 May 2025 | Care Inspectorate")), "{:?}", doc.blocks);
    }

    #[test]
    fn numbered_section_headings_in_mixed_case_are_headings() {
        let kinds = |text: &str| -> Vec<(BlockKind, String)> { read(text).blocks.into_iter().map(|b| (b.kind, b.text)).collect() };
        let report = "1. About this review\n\nWe visited the service in May.\n\n2. Key strengths\n\n- Staff were kind.\n- Carers felt listened to.\n\n3. Areas for improvement\n\n- Waiting times were long.\n";
        let got = kinds(report);
        for heading in ["1. About this review", "2. Key strengths", "3. Areas for improvement"] {
            assert!(got.contains(&(BlockKind::Heading, heading.to_string())), "{heading}: {got:?}");
        }
        // A list numbered afresh from one may follow the heading.
        let messages = "1. Introduction\n\nWe visited in May.\n\n2. Key messages\n\n1. Children were kept safe.\n2. Plans were late.\n";
        let got = kinds(messages);
        assert!(got.contains(&(BlockKind::Heading, "2. Key messages".to_string())), "{got:?}");
        assert_eq!(got.iter().filter(|(k, _)| *k == BlockKind::ListItem).count(), 2, "{got:?}");
        // A list of short items, the items under a lead-in, and a line whose sentence goes on
        // after a blank line stay list items.
        let list = "The priorities are:\n\n1. Leadership\n\n2. Workforce\n\n3. Finance\n\nEach has a lead officer.\n";
        assert_eq!(kinds(list).iter().filter(|(k, _)| *k == BlockKind::ListItem).count(), 3, "{:?}", kinds(list));
        let list = "Our priorities:\n\n1. Leadership\n\nEach has a lead officer.\n";
        assert_eq!(kinds(list)[1].0, BlockKind::ListItem);
        let cut = "Intro.\n\n25. Social workers complete risk assessments and implement\n\ncontingency plans when needed.\n";
        assert_eq!(kinds(cut)[1].0, BlockKind::ListItem, "{:?}", kinds(cut));
    }

    #[test]
    fn an_html_table_set_into_text_is_a_table() {
        let text = "Progress\n\nThe table below sets out progress.\n\n<table>\n<tr><th>No.</th><th>Action</th><th>RAG</th></tr>\n\
                    <tr><td>1</td><td>Train <b>all</b> staff<br>by June</td><td>Amber</td></tr>\n</table>\n\nThere are no other matters.\n";
        let doc = read(text);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].header, ["No.", "Action", "RAG"]);
        assert_eq!(doc.tables[0].rows, [vec!["1".to_string(), "Train all staff by June".to_string(), "Amber".to_string()]]);
        assert_eq!(doc.blocks.last().map(|b| b.text.as_str()), Some("There are no other matters."));
        // A table that never closes is read as text: nothing after it is lost.
        let open = "Progress\n\n<table><tr><td>1</td><td>Train staff</td></tr>\n\nThere are no other matters.\n";
        let doc = read(open);
        assert!(doc.tables.is_empty());
        assert!(doc.blocks.iter().any(|b| b.text.contains("There are no other matters.")), "{:?}", doc.blocks);
    }

    #[test]
    fn a_top_level_heading_far_down_is_not_the_title() {
        // Converted reports end with an outline under a top-level heading of its own.
        let body: String = (1..=12).map(|i| format!("Paragraph {i} of the report says something.\n\n")).collect();
        let doc = read(&format!("**Annual Report**\n\n{body}# Document Outline\n\n+ Foreword\n"));
        assert_eq!(doc.title, None);
        let doc = read(&format!("Cover\n\n# Annual Report\n\n{body}"));
        assert_eq!(doc.title.as_deref(), Some("Annual Report"));
    }

    #[test]
    fn a_grade_under_a_long_aspect_stands_alone() {
        let doc = read(
            "Summary of our evaluations\n\nQuality indicator 6 – Policy development and plans to support improvement in service\nWeak\n\nThe care provided was\ngood.\n",
        );
        let texts: Vec<String> = kinds(&doc).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t == "Weak"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "The care provided was good."), "{texts:?}");
    }

    #[test]
    fn hyphenated_line_breaks_rejoin() {
        let doc = read("The partnership has a long-\nstanding plan and a work-\nforce strategy.\n");
        assert_eq!(doc.blocks[0].text, "The partnership has a longstanding plan and a workforce strategy.");
    }
}

#[cfg(test)]
mod equivalence_tests {
    use super::*;

    /// Lines around every char up to U+3100 (past the last white-space char but one), alone, at
    /// either end, and inside.
    fn probes() -> Vec<String> {
        let mut out = vec![String::new(), " ".into(), "\t\r\n".into()];
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            out.extend([c.to_string(), format!("{c}a"), format!("a{c}"), format!("{c}ab{c}"), format!("a{c}b")]);
        }
        out.push("\u{feff}text\u{3000}".into());
        out
    }

    #[test]
    fn trimmed_is_trim() {
        for s in probes() {
            assert_eq!(trimmed(&s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn the_bullet_prefilter_refuses_only_lines_the_rule_refuses() {
        let mut lines = probes();
        for head in [
            "a)", "(a)", "iv)", "(iv)", "xiii)", "iiiii)", "vx)", "b.", "ii.", "xiv.", "(12)", "12.", "1.2", "3)", "١.", "-", "*", "+",
            "•", "–", "(", "i", "x",
        ] {
            for tail in ["", " ", " item", "\titem text", "item", "  Item"] {
                lines.push(format!("{head}{tail}"));
            }
        }
        lines.extend(["in the plan", "iv the", "vi) x", "i)x", "The plan", "’ quoted", "“Quote”"].map(String::from));
        lines.extend(
            [
                "1. \nitem",
                "1. a\nb",
                "-\u{a0} x",
                "- \u{2003}\tx y ",
                "1.2 item",
                "1.2. item",
                "12.34 item",
                "1.2.3 item",
                "a) ",
                "(iv)\u{3000}x",
            ]
            .map(String::from),
        );
        for l in &lines {
            assert!(may_be_bullet(l) || !BULLET.is_match(l), "{l:?}");
            let captured = BULLET.captures(l).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(bullet_item(l), captured, "{l:?}");
        }
        assert!(!may_be_bullet("in the plan") && !may_be_bullet("The plan") && may_be_bullet("iv) the plan"));
        // Letters and numerals with a stop, as committee papers letter a resolution's parts.
        assert_eq!(bullet_item("a. notes the plan"), Some("notes the plan"));
        assert_eq!(bullet_item("ii. approves the plan"), Some("approves the plan"));
        assert_eq!(bullet_item("(2) Staff were unable to call"), Some("Staff were unable to call"));
        assert_eq!(bullet_item("e.g. the plan"), None);
    }

    #[test]
    fn all_caps_counts_letters_as_before() {
        let old = |t: &str| {
            let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
        };
        for t in ["ABC", "AB", "A B C", "ABc", "1. RECOMMENDATION", "ÉTÉ 2024", "ÉTé", "ΣΑΣ", "AB ǅ", "123", "", "A-B-C!", "KEY ISSUES: a"]
        {
            assert_eq!(all_caps(t), old(t), "{t:?}");
        }
    }

    #[test]
    fn nbsp_test_finds_only_the_no_break_space() {
        for s in ["a\u{a0}b", "à", "†", "\u{a0}", "plain", "à\u{a0}", "\u{2020}\u{e0}"] {
            assert_eq!(has_nbsp(s), s.contains('\u{a0}'), "{s:?}");
        }
    }
}

#[cfg(test)]
mod list_end_tests {
    use super::*;

    #[test]
    fn a_paragraph_after_a_list_without_a_blank_line_is_not_part_of_the_last_item() {
        let doc = read(
            "Leaders should ensure that:\n◼ every child has a check; and\n◼ plans are reviewed.\nLeaders must also train staff in\nthe new approach.\n",
        );
        let k: Vec<(BlockKind, &str)> = doc.blocks.iter().map(|b| (b.kind.clone(), b.text.as_str())).collect();
        assert_eq!(k[2], (BlockKind::ListItem, "plans are reviewed."));
        assert_eq!(k[3], (BlockKind::Paragraph, "Leaders must also train staff in the new approach."));
    }
}

#[cfg(test)]
mod lone_bullet_tests {
    use super::*;

    #[test]
    fn a_bullet_on_its_own_line_starts_the_item_below_it() {
        let doc = read(
            "What needs to improve?\n◼\n\nThe response to young people who\npresent as homeless.\n\n◼\n\nThe quality of supervision.\n",
        );
        let k: Vec<(BlockKind, &str)> = doc.blocks.iter().map(|b| (b.kind.clone(), b.text.as_str())).collect();
        assert_eq!(k[1], (BlockKind::ListItem, "The response to young people who present as homeless."));
        assert_eq!(k[2], (BlockKind::ListItem, "The quality of supervision."));
    }
}

#[cfg(test)]
mod converted_list_tests {
    use super::*;

    fn items(doc: &RawDoc) -> Vec<&str> {
        doc.blocks.iter().filter(|b| b.kind == BlockKind::ListItem).map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn an_item_cut_by_a_blank_line_mid_phrase_goes_on() {
        let doc = read(
            "Leaders should focus on:\n▪ making sure that every plan is reviewed\n\non time; and\n\n▪ recording the views of families.\n\nA new paragraph starts here.\n",
        );
        assert_eq!(items(&doc), ["making sure that every plan is reviewed on time; and", "recording the views of families."]);
        assert_eq!(doc.blocks.last().unwrap().kind, BlockKind::Paragraph);
    }

    #[test]
    fn an_item_that_ends_a_sentence_does_not_swallow_the_next_paragraph() {
        let doc = read("Leaders should:\n▪ review every plan.\n\nthe next paragraph begins in lower case.\n");
        assert_eq!(items(&doc), ["review every plan."]);
    }

    #[test]
    fn bullets_set_before_their_items_each_start_one() {
        let doc = read("Leaders should ensure that:\n▪\n\n▪\n\nplans are shared with\nevery school\n\nreviews happen on time.\n");
        assert_eq!(items(&doc), ["plans are shared with every school", "reviews happen on time."]);
    }
}
