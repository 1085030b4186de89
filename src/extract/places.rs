//! Who regulates and where: the regulators named in a document, and the local areas it is
//! about. Areas are told apart from places mentioned in passing by where and how often they
//! appear: the title and opening count for more, and a name inside an NHS body's name
//! ("NHS Tayside", "Hampshire and Isle of Wight ICB") is a health board, not the area.

use super::gazetteer::{Collapsed, Gazetteer};
use super::regulators;
use crate::model::{DocType, Document};
use std::collections::HashMap;

/// An area must score at least this share of the top area's score to be listed too.
const AREA_SHARE: f64 = 0.5;
const HEAD_BYTES: usize = 1500;

/// The regulators of a document, given its text collapsed for phrase matching.
pub fn regulators_of(doc: &Document, text: &Collapsed<'_>) -> Vec<String> {
    let mut counts: Vec<(&'static str, usize, usize)> = Vec::new();
    for m in regulators::find_all_in(text) {
        match counts.iter_mut().find(|c| c.0 == m.name) {
            Some(c) => c.1 += 1,
            None => counts.push((m.name, 1, m.start)),
        }
    }
    // A page may name its publisher only in its title ("... | Care Inspectorate"): a regulator
    // named in the title, or as the publisher, is the document's.
    let publisher = doc.given.as_ref().and_then(|g| g.publisher.as_deref());
    for m in [doc.title.as_deref(), publisher].into_iter().flatten().flat_map(regulators::find_all) {
        if !counts.iter().any(|c| c.0 == m.name) {
            counts.push((m.name, 1, 0));
        }
    }
    // A regulator named once, late, in a long report is a passing mention (a list of other
    // bodies, a footnote); one in the opening or named repeatedly is the document's.
    let long = doc.text.len() > 20_000;
    counts.into_iter().filter(|(_, n, first)| !long || *n >= 2 || *first < HEAD_BYTES * 2).map(|(name, _, _)| name.to_string()).collect()
}

fn inside_nhs_body(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    after_nhs(before)
        || [
            "ICB",
            "Integrated Care Board",
            "Health Board",
            "NHS",
            "CCG",
            "Clinical Commissioning",
            "Hospital",
            "University",
            "Trust",
            "Police",
            "Fire",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// Whether the text before a place ends in "NHS", perhaps with a capitalised word or two
/// between ("NHS Greater Glasgow and Clyde").
fn after_nhs(before: &str) -> bool {
    let mut head = before;
    for _ in 0..3 {
        if head.ends_with("NHS") {
            return true;
        }
        match head.rsplit_once(char::is_whitespace) {
            Some((rest, word)) if word.starts_with(char::is_uppercase) => head = rest.trim_end(),
            _ => return false,
        }
    }
    false
}

/// Whether the place is named on a line of a postal address, one that ends in a postcode
/// ("Manchester M1 2WD"): a letter's sender and recipient are not what it is about, and the
/// area a letter is about is named again in its subject and body.
fn in_a_postal_address(text: &str, start: usize, end: usize) -> bool {
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    crate::line_shapes::ends_in_postcode(&text[line_start..line_end])
}

/// An area a record file states: its canonical names where the gazetteer knows them, else as
/// written.
pub fn given_area(area: &str) -> Vec<String> {
    let g = Gazetteer::get();
    if let Some(c) = g.canonical(area) {
        return vec![c.to_string()];
    }
    let mut found: Vec<String> = Vec::new();
    for m in g.find_all(area) {
        if !found.iter().any(|f| f == m.name) {
            found.push(m.name.to_string());
        }
    }
    if found.is_empty() { vec![area.trim().to_string()] } else { found }
}

/// The areas a document is about, given its text collapsed for phrase matching.
pub fn areas_of(doc: &Document, text: &Collapsed<'_>, _doc_type: DocType) -> Vec<String> {
    let g = Gazetteer::get();
    let title = doc.title.as_deref().unwrap_or("");
    let mut places = Tally::default();
    // Boards named for one council area and nothing more ("NHS Fife", "NHS Highland"), for a
    // document that names no area of its own, as a hospital inspection may not.
    let mut boards = Tally::default();
    for m in g.find_all_in(text) {
        if in_a_postal_address(&doc.text, m.start, m.end) {
            continue;
        }
        let weight = if m.start < HEAD_BYTES { 3.0 } else { 1.0 };
        if !inside_nhs_body(&doc.text, m.start, m.end) {
            places.add(m.name, weight);
        } else if is_a_board_of_one_area(&doc.text, m.start, m.end) {
            boards.add(m.name, weight);
        }
    }
    for m in g.find_all(title) {
        if !inside_nhs_body(title, m.start, m.end) {
            places.add(m.name, 5.0);
        } else if is_a_board_of_one_area(title, m.start, m.end) {
            boards.add(m.name, 5.0);
        }
    }
    let areas = places.leaders();
    if areas.is_empty() { boards.leaders() } else { areas }
}

/// How much each place is named, in order of first mention.
#[derive(Default)]
struct Tally {
    score: HashMap<&'static str, f64>,
    order: Vec<&'static str>,
}

impl Tally {
    fn add(&mut self, name: &'static str, weight: f64) {
        if !self.score.contains_key(name) {
            self.order.push(name);
        }
        *self.score.entry(name).or_default() += weight;
    }

    /// The places named about as much as the most named, if that one is named enough.
    fn leaders(self) -> Vec<String> {
        let top = self.score.values().cloned().fold(0.0, f64::max);
        if top < 2.0 {
            return Vec::new();
        }
        self.order.into_iter().filter(|n| self.score[n] >= top * AREA_SHARE).map(str::to_string).collect()
    }
}

/// Whether the place is the whole name of an NHS board after "NHS" ("NHS Fife", not "NHS
/// Greater Glasgow and Clyde" nor "NHS Fife Health Board's ..."), so the board serves that area.
fn is_a_board_of_one_area(text: &str, start: usize, end: usize) -> bool {
    let before = text.as_bytes()[..start].strip_suffix(b" ").unwrap_or(&text.as_bytes()[..start]);
    before.ends_with(b"NHS") && !text[end..].trim_start_matches(' ').starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas(text: &str) -> Vec<String> {
        let raw = crate::ingest::read_bytes(std::path::Path::new("t.txt"), text.as_bytes()).unwrap();
        let doc = crate::segment::build(raw, "t.txt", "id".into(), text.len());
        areas_of(&doc, &Collapsed::new(&doc.text), DocType::Other)
    }

    #[test]
    fn a_health_boards_name_is_not_its_area() {
        assert!(
            areas("News release\n\nNHS Greater Glasgow and Clyde inspected\n\nInspectors visited NHS Greater Glasgow and Clyde.\n")
                .is_empty()
        );
        assert_eq!(areas("News release\n\nInspection in Glasgow\n\nNHS staff in Glasgow were caring.\n"), ["Glasgow"]);
        // A board named for one area gives that area to a document that names none of its own.
        assert_eq!(areas("News release\n\nInspection of a hospital run by NHS Fife\n\nNHS Fife must act.\n"), ["Fife"]);
        assert_eq!(
            areas("News release\n\nInspection in Perth and Kinross\n\nNHS Fife and Perth and Kinross Council must act.\n"),
            ["Perth and Kinross"]
        );
    }

    #[test]
    fn a_letters_addresses_are_not_its_area() {
        let letter = "Ofsted\nPiccadilly Gate\nManchester M1 2WD\n\n14 March 2025\n\nDear Jane\n\nFocused visit to Leeds children's services\n\nThis letter summarises the visit to Leeds.\n";
        assert_eq!(areas(letter), ["Leeds"]);
        assert_eq!(areas("Joint inspection of services in Manchester.\n\nManchester has strong leadership.\n"), ["Manchester"]);
    }
}
