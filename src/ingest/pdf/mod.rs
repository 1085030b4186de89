//! PDF: text with its position from each page's content stream, laid out again in reading
//! order (lines by height, columns split at a clear gutter, paragraphs at vertical gaps), then
//! cleaned of what reports print on every page (running headers, footers, page numbers) and
//! handed to the plain-text block builder with each line's page.
//!
//! The PDF parser can panic on malformed input; every call into it is caught and reported as
//! the file's error.

use super::RawDoc;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

mod tables;

pub const ERR_ENCRYPTED: &str = "encrypted PDF (no password)";
pub const ERR_NO_TEXT: &str = "no text layer (scanned images); OCR is not supported";

/// One character as placed on the page; `y` grows downwards from the top of the page.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    advance: f64,
    size: f64,
    text: String,
}

#[derive(Debug, Default)]
struct Page {
    number: u32,
    glyphs: Vec<Glyph>,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    flip: Option<Transform>,
}

impl OutputDev for Collector {
    fn begin_page(&mut self, page_num: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.flip = Some(Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly));
        self.pages.push(Page { number: page_num, glyphs: Vec::new() });
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(&mut self, trm: &Transform, width: f64, _spacing: f64, font_size: f64, ch: &str) -> Result<(), OutputError> {
        let flip = self.flip.unwrap_or_else(Transform::identity);
        let pos = trm.post_transform(&flip);
        // The font size in page units: the side of a square of the same area as the
        // transformed em square.
        let (vx, vy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (vx * vy).abs().sqrt();
        let size = if size.is_finite() && size > 0.0 { size } else { font_size.abs().max(1.0) };
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph { x: pos.m31, y: pos.m32, advance: width * size, size, text: ch.to_string() });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A run of glyphs on one baseline with no wide gap inside.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    y: f64,
    /// The font size of its words: a bullet or symbol set larger does not count, so a list
    /// item's first line measures like the lines that continue it.
    size: f64,
    /// Whether `size` comes from a letter or digit yet.
    sized_by_word: bool,
    text: String,
}

/// A line of text as laid out: its runs left to right.
#[derive(Debug, Clone)]
struct Line {
    y: f64,
    size: f64,
    runs: Vec<Run>,
}

impl Line {
    fn x0(&self) -> f64 {
        self.runs.iter().map(|r| r.x0).fold(f64::INFINITY, f64::min)
    }
    fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
    }
}

/// Read a PDF's bytes.
pub fn read(bytes: &[u8]) -> Result<RawDoc, String> {
    let pages = match catch_unwind(AssertUnwindSafe(|| collect(bytes))) {
        Ok(r) => r?,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown error".into());
            return Err(format!("malformed PDF ({msg})"));
        }
    };
    if pages.is_empty() {
        return Err("PDF has no pages".into());
    }
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty())) {
        return Err(ERR_NO_TEXT.into());
    }
    let page_lines: Vec<(u32, Vec<String>)> = pages.iter().map(|p| (p.number, layout_page(&p.glyphs))).collect();
    let (page_lines, removed) = strip_running(page_lines);
    let (lines, page_of) = join_pages(&page_lines);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut doc = super::text::read_lines(&refs, &page_of);
    if removed > 0 {
        doc.warnings.insert(0, format!("removed {removed} running header, footer or page-number lines"));
    }
    Ok(doc)
}

fn collect(bytes: &[u8]) -> Result<Vec<Page>, String> {
    let has_encrypt_key = bytes.windows(8).any(|w| w == b"/Encrypt");
    let mut doc = match pdf_extract::Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) if has_encrypt_key => return Err(format!("{ERR_ENCRYPTED}: {e}")),
        Err(e) => return Err(format!("malformed PDF: {e}")),
    };
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() && doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ERR_ENCRYPTED.into());
    }
    let mut out = Collector::default();
    let result = pdf_extract::output_doc(&doc, &mut out);
    match result {
        Ok(()) => Ok(out.pages),
        // Keep what was read when a late page is broken, as long as something was.
        Err(e) if out.pages.iter().any(|p| !p.glyphs.is_empty()) => {
            let _ = e;
            Ok(out.pages)
        }
        Err(e) => Err(format!("malformed PDF: {e}")),
    }
}

/// Glyphs into runs: a new run where the baseline moves, the pen goes back, or a gap wider
/// than a word space opens.
fn runs(glyphs: &[Glyph]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut cur: Option<Run> = None;
    let mut pending_space = false;
    for g in glyphs {
        if !g.x.is_finite() || !g.y.is_finite() {
            continue;
        }
        let text = normalise(&g.text);
        if text.trim().is_empty() {
            pending_space = true;
            continue;
        }
        let start_new = match &cur {
            None => true,
            Some(r) => {
                let tol = r.size.max(g.size);
                (g.y - r.y).abs() > tol * 0.45 || g.x < r.x1 - tol * 0.6 || g.x > r.x1 + tol * 1.6
            }
        };
        if start_new {
            if let Some(r) = cur.take() {
                out.push(r);
            }
            let sized_by_word = is_wordlike(&text);
            cur = Some(Run { x0: g.x, x1: g.x + g.advance.max(0.0), y: g.y, size: g.size, sized_by_word, text });
        } else if let Some(r) = cur.as_mut() {
            if pending_space || g.x > r.x1 + r.size.max(g.size) * 0.12 {
                r.text.push(' ');
            }
            r.text.push_str(&text);
            r.x1 = r.x1.max(g.x + g.advance.max(0.0));
            if is_wordlike(&text) {
                r.size = if r.sized_by_word { r.size.max(g.size) } else { g.size };
                r.sized_by_word = true;
            } else if !r.sized_by_word {
                r.size = r.size.max(g.size);
            }
        }
        pending_space = false;
    }
    if let Some(r) = cur {
        out.push(r);
    }
    out.retain(|r| !r.text.trim().is_empty());
    out
}

fn is_wordlike(glyph: &str) -> bool {
    glyph.chars().any(char::is_alphanumeric)
}

/// Runs into lines: runs on the same baseline, left to right.
fn lines_of(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Line> = Vec::new();
    for r in runs {
        match lines.last_mut() {
            Some(l) if (r.y - l.y).abs() <= l.size.min(r.size) * 0.4 => {
                l.size = l.size.max(r.size);
                l.runs.push(r);
            }
            _ => lines.push(Line { y: r.y, size: r.size, runs: vec![r] }),
        }
    }
    for l in &mut lines {
        l.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// A vertical gutter: an x no run crosses on most lines, with text on both sides of it on
/// enough lines to be columns rather than a ragged edge.
fn find_gutter(lines: &[Line]) -> Option<f64> {
    let runs: Vec<&Run> = lines.iter().flat_map(|l| &l.runs).collect();
    let left = runs.iter().map(|r| r.x0).fold(f64::INFINITY, f64::min);
    let right = runs.iter().map(|r| r.x1).fold(f64::NEG_INFINITY, f64::max);
    if right - left <= 100.0 || right.is_nan() || left.is_nan() || lines.len() < 6 {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    let steps = 60;
    for s in (steps / 4)..=(3 * steps / 4) {
        let x = left + (right - left) * s as f64 / steps as f64;
        let crossing = lines.iter().filter(|l| l.runs.iter().any(|r| r.x0 < x && r.x1 > x)).count();
        let both = lines.iter().filter(|l| l.runs.iter().any(|r| r.x1 <= x) && l.runs.iter().any(|r| r.x0 >= x)).count();
        let right_only = lines.iter().filter(|l| l.runs.iter().all(|r| r.x0 >= x)).count();
        if crossing * 5 > lines.len() || both < 3 || both * 10 < lines.len() * 3 || right_only == 0 && both * 2 < lines.len() {
            continue;
        }
        if best.is_none_or(|(b, _)| both > b) {
            best = Some((both, x));
        }
    }
    best.map(|(_, x)| x)
}

/// Column tags from this value up mark the cells of a borderless table; a cell never runs on
/// into the next block.
const CELL: u32 = 100;

/// The usual distance between lines of a paragraph. Paragraph gaps and headings make the
/// larger gaps, so a low quantile of the gaps of at least most of a line's height is taken.
fn typical_gap<'a>(pairs: impl Iterator<Item = (&'a Line, &'a Line)>) -> Option<f64> {
    let mut gaps: Vec<f64> =
        pairs.map(|(a, b)| (b.y - a.y, b.size)).filter(|(d, size)| d.is_finite() && *d >= size * 0.8).map(|(d, _)| d).collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 4).copied()
}

/// Lines of a page without a page-wide gutter, with any borderless table read cell by cell.
fn with_tables(lines: Vec<Line>) -> Vec<(u32, Line)> {
    let found = tables::regions(&lines);
    if found.is_empty() {
        return lines.into_iter().map(|l| (0, l)).collect();
    }
    let typical = typical_gap(lines.windows(2).map(|w| (&w[0], &w[1])));
    let mut ordered = Vec::new();
    let mut tag = CELL;
    let mut next = 0;
    for region in found {
        ordered.extend(lines[next..region.start].iter().cloned().map(|l| (0, l)));
        let row_gap = typical.map_or(lines[region.start].size * 1.6, |t| t * 1.35);
        for cell in tables::cells(&lines[region.start..region.end], &region.edges, row_gap) {
            ordered.extend(cell.into_iter().map(|l| (tag, l)));
            tag += 1;
        }
        next = region.end;
    }
    ordered.extend(lines[next..].iter().cloned().map(|l| (0, l)));
    ordered
}

/// One page's text as lines in reading order, with a blank line at each paragraph break.
fn layout_page(glyphs: &[Glyph]) -> Vec<String> {
    let lines = lines_of(runs(glyphs));
    // Lines in reading order, each tagged with the column it came from.
    let mut ordered: Vec<(u32, Line)> = Vec::new();
    match find_gutter(&lines) {
        None => ordered = with_tables(lines),
        Some(x) => {
            let mut left: Vec<Line> = Vec::new();
            let mut right: Vec<Line> = Vec::new();
            let flush = |ordered: &mut Vec<(u32, Line)>, left: &mut Vec<Line>, right: &mut Vec<Line>| {
                ordered.extend(left.drain(..).map(|l| (1, l)));
                ordered.extend(right.drain(..).map(|l| (2, l)));
            };
            for l in lines {
                if l.runs.iter().any(|r| r.x0 < x && r.x1 > x) {
                    flush(&mut ordered, &mut left, &mut right);
                    ordered.push((0, l));
                    continue;
                }
                let (a, b): (Vec<Run>, Vec<Run>) = l.runs.iter().cloned().partition(|r| r.x1 <= x);
                if !a.is_empty() {
                    left.push(Line { y: l.y, size: l.size, runs: a });
                }
                if !b.is_empty() {
                    right.push(Line { y: l.y, size: l.size, runs: b });
                }
            }
            flush(&mut ordered, &mut left, &mut right);
        }
    }
    let typical = typical_gap(ordered.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| (&w[0].1, &w[1].1)));
    let mut out: Vec<String> = Vec::new();
    for (i, (col, line)) in ordered.iter().enumerate() {
        let text = line.text();
        if text.is_empty() {
            continue;
        }
        if i > 0 {
            let (pcol, prev) = &ordered[i - 1];
            let dy = line.y - prev.y;
            let limit = typical.map_or(line.size * 1.6, |t| (t * 1.35).max(line.size * 1.05));
            let new_para = if pcol != col && (*pcol >= CELL || *col >= CELL) {
                true
            } else if pcol != col && !(*pcol <= 1 && *col <= 1) {
                // Across columns a paragraph goes on only when it plainly continues.
                !continues(out.last().map(String::as_str).unwrap_or(""), &text)
            } else {
                // The same column, or a full-width line and the left column below or above it,
                // which share the page's left margin.
                dy > limit || dy < 0.0 || (line.size - prev.size).abs() > 1.0 || (line.x0() - prev.x0() > line.size * 8.0 && dy > 0.0)
            };
            if new_para && out.last().is_some_and(|l| !l.is_empty()) {
                out.push(String::new());
            }
        }
        out.push(text);
    }
    out
}

/// Whether `next` carries on the sentence `prev` left open.
fn continues(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let open = !prev.is_empty() && !prev.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']);
    let lower = next.trim_start().chars().next().is_some_and(|c| c.is_lowercase());
    lower || (open && prev.ends_with('-'))
}

/// Ligatures, odd spaces and invisible characters as plain text.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => out.push(' '),
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A line's shape for counting repeats: lower case, digit runs as '#', spaces folded.
fn shape(line: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    for c in line.trim().chars() {
        let c = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        if (c == '#' || c == ' ') && prev == c {
            continue;
        }
        out.push(c);
        prev = c;
    }
    out
}

/// "7", "Page 7", "7 of 20", "Page 7 of 20", "- 7 -".
fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(|c: char| c == '-' || c == '\u{2013}' || c.is_whitespace()).to_ascii_lowercase();
    let t = t.strip_prefix("page").map(str::trim).unwrap_or(&t);
    let mut parts = t.split(" of ");
    let first_ok = parts.next().is_some_and(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    first_ok && parts.all(|p| !p.trim().is_empty() && p.trim().bytes().all(|b| b.is_ascii_digit()))
}

/// How many lines at the top and the bottom of a page are looked at for running matter.
const EDGE: usize = 3;

/// Remove lines repeated at the top or bottom of most pages (digits folded) and page numbers
/// there.
fn strip_running(pages: Vec<(u32, Vec<String>)>) -> (Vec<(u32, Vec<String>)>, usize) {
    let edge_idx = |lines: &[String]| -> Vec<usize> {
        let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty()).collect();
        let mut idx: Vec<usize> = nonblank.iter().take(EDGE).copied().collect();
        idx.extend(nonblank.iter().rev().take(EDGE).copied());
        idx.sort_unstable();
        idx.dedup();
        idx
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, lines) in &pages {
        let mut seen: Vec<String> = edge_idx(lines).into_iter().map(|i| shape(&lines[i])).collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    let n = pages.len();
    let needed = if n <= 2 { 2 } else { n.div_ceil(2).max(3) };
    let mut removed = 0;
    let out = pages
        .into_iter()
        .map(|(num, lines)| {
            let edges = edge_idx(&lines);
            let drop: Vec<usize> = edges
                .into_iter()
                .filter(|&i| {
                    let s = shape(&lines[i]);
                    is_page_number(&lines[i])
                        || (n >= 2
                            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && counts.get(&s).copied().unwrap_or(0) >= needed)
                })
                .collect();
            removed += drop.len();
            let kept: Vec<String> = lines.into_iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, l)| l).collect();
            (num, trim_blank(kept))
        })
        .collect();
    (out, removed)
}

fn trim_blank(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let start = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(lines.len());
    let mut out: Vec<String> = lines.split_off(start);
    out.dedup_by(|a, b| a.is_empty() && b.is_empty());
    out
}

/// Pages end to end, with the page of every line; a paragraph break at a page break unless
/// the sentence plainly runs on.
fn join_pages(pages: &[(u32, Vec<String>)]) -> (Vec<String>, Vec<u32>) {
    let mut lines: Vec<String> = Vec::new();
    let mut page_of: Vec<u32> = Vec::new();
    for (num, page) in pages {
        if page.is_empty() {
            continue;
        }
        if let Some(prev) = lines.last() {
            let prev_open = !prev.trim_end().ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']);
            let next = page[0].trim_start();
            let next_lower = next.chars().next().is_some_and(|c| c.is_lowercase());
            if !(next_lower || prev_open && prev.trim_end().ends_with('-')) {
                lines.push(String::new());
                page_of.push(*num);
            }
        }
        for l in page {
            lines.push(l.clone());
            page_of.push(*num);
        }
    }
    (lines, page_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_spaces_normalise() {
        assert_eq!(normalise("e\u{fb03}cient\u{a0}o\u{fb00}er\u{2009}x\u{ad}y"), "efficient offer xy");
    }

    #[test]
    fn page_numbers() {
        for t in ["7", "Page 7", "7 of 20", "Page 7 of 20", "- 7 -"] {
            assert!(is_page_number(t), "{t}");
        }
        assert!(!is_page_number("7 children"));
    }

    #[test]
    fn running_lines_go() {
        let page = |n: u32, body: &str| {
            (n, vec!["Inspection of Northshire".to_string(), body.to_string(), "".into(), format!("Page {n} of 3"), "Ref 1234".into()])
        };
        let (pages, removed) = strip_running(vec![page(1, "One."), page(2, "Two."), page(3, "Three.")]);
        assert_eq!(removed, 9);
        assert_eq!(pages[1].1, vec!["Two.".to_string()]);
    }
}
