//! The theme matrix: one row per group (area, regulator, year, document type or document), one
//! column per theme in taxonomy order. Counted from the tally each document entry keeps of its
//! units' themes (column storage), so a large index is counted without visiting its sentences
//! or loading any stored text.

use crate::index::schema::KIND_DOCUMENT;
use crate::index::{IndexError, IndexHandle};
use std::collections::{BTreeMap, HashMap};
use tantivy::columnar::StrColumn;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet as _, SegmentReader, TERMINATED, Term};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Area,
    Regulator,
    Year,
    DocType,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountBy {
    /// Documents with at least one unit tagged with the theme.
    Documents,
    /// Units (sentences, findings, recommendations, actions) tagged with the theme.
    Sentences,
}

#[derive(Debug, serde::Serialize)]
pub struct Matrix {
    pub themes: Vec<String>,
    pub rows: Vec<(String, Vec<usize>)>,
}

const NONE: &str = "(none)";

/// One document's groups (for the grouping asked for) and its theme tally for the kind asked for.
struct Slim {
    groups: Vec<String>,
    /// Units tagged with each theme (by theme column).
    counts: Vec<usize>,
}

/// A string fast field of one segment, with its ordinals decoded once each.
struct Strs {
    col: Option<StrColumn>,
    cache: HashMap<u64, String>,
}

impl Strs {
    fn open(seg: &SegmentReader, field: &str) -> tantivy::Result<Strs> {
        Ok(Strs { col: seg.fast_fields().str(field)?, cache: HashMap::new() })
    }
    fn get(&mut self, doc: DocId) -> Vec<String> {
        let Some(col) = &self.col else { return Vec::new() };
        let mut out = Vec::new();
        for ord in col.term_ords(doc) {
            let s = self.cache.entry(ord).or_insert_with(|| {
                let mut s = String::new();
                let _ = col.ord_to_str(ord, &mut s);
                s
            });
            out.push(s.clone());
        }
        out
    }
}

/// What a tally value of one segment means for this count: a theme column, the mark that the
/// document has units of the kind asked for, or nothing.
#[derive(Clone, Copy)]
enum Tally {
    Theme(usize),
    KindPresent,
    Other,
}

/// Every live document entry with the tally of its units of the given kind (or of any unit
/// kind). Documents are a few thousand where units are millions, so this reads the document
/// entries only, found through the kind term's postings.
fn scan(handle: &IndexHandle, by: GroupBy, kind: Option<&str>, col: &BTreeMap<&str, usize>) -> tantivy::Result<Vec<Slim>> {
    let searcher = handle.searcher();
    let term = Term::from_field_text(handle.fields.kind, KIND_DOCUMENT);
    let mut out = Vec::new();
    for seg in searcher.segment_readers() {
        // Only the grouping column is decoded: paths are unique per document, and decoding
        // each is most of the cost when they are not needed.
        let mut group = match by {
            GroupBy::Area => Group::Strs(Strs::open(seg, "areas")?),
            GroupBy::Regulator => Group::Strs(Strs::open(seg, "regulators")?),
            GroupBy::DocType => Group::Strs(Strs::open(seg, "doc_type")?),
            GroupBy::Document => Group::Strs(Strs::open(seg, "doc_path")?),
            GroupBy::Year => Group::Year(seg.fast_fields().u64("year")?),
        };
        let Some(tally) = seg.fast_fields().str("tally")? else { continue };
        // The tally's dictionary is a few dozen "kind/theme" values: decode each once.
        let mut meaning = Vec::with_capacity(tally.num_terms());
        let mut value = String::new();
        for ord in 0..tally.num_terms() as u64 {
            value.clear();
            let _ = tally.ord_to_str(ord, &mut value);
            let (k, theme) = value.split_once('/').unwrap_or((value.as_str(), ""));
            meaning.push(match (kind.is_none_or(|want| want == k), theme) {
                (false, _) => Tally::Other,
                (true, "") => Tally::KindPresent,
                (true, t) => col.get(t).map_or(Tally::Other, |&i| Tally::Theme(i)),
            });
        }
        let Some(mut postings) = seg.inverted_index(handle.fields.kind)?.read_postings(&term, IndexRecordOption::Basic)? else {
            continue;
        };
        let alive = seg.alive_bitset();
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let mut counts = vec![0usize; col.len()];
                let mut present = false;
                for ord in tally.term_ords(doc) {
                    match meaning[ord as usize] {
                        Tally::Theme(i) => counts[i] += 1,
                        Tally::KindPresent => present = true,
                        Tally::Other => {}
                    }
                }
                // A document without units of the kind asked for has no row, as before tallies.
                if present {
                    let mut groups = match &mut group {
                        Group::Strs(strs) => strs.get(doc),
                        Group::Year(years) => years.first(doc).map(|y| y.to_string()).into_iter().collect(),
                    };
                    if groups.is_empty() {
                        groups.push(NONE.to_string());
                    }
                    out.push(Slim { groups, counts });
                }
            }
            doc = postings.advance();
        }
    }
    Ok(out)
}

enum Group {
    Strs(Strs),
    Year(tantivy::columnar::Column<u64>),
}

pub fn matrix(handle: &IndexHandle, by: GroupBy, count: CountBy, kind: Option<&str>) -> Result<Matrix, IndexError> {
    let themes = handle.meta.themes.clone();
    let col: BTreeMap<&str, usize> = themes.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect();
    let docs = scan(handle, by, kind, &col).map_err(|e| handle.err(e))?;
    let mut rows: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // Every document gets a row, even one without themes, so a reader sees what was counted.
    for d in &docs {
        for g in &d.groups {
            let row = rows.entry(g.clone()).or_insert_with(|| vec![0; themes.len()]);
            for (cell, &n) in row.iter_mut().zip(&d.counts) {
                *cell += match count {
                    CountBy::Sentences => n,
                    CountBy::Documents => usize::from(n > 0),
                };
            }
        }
    }
    Ok(Matrix { themes, rows: rows.into_iter().collect() })
}
