//! The theme matrix: one row per group (area, regulator, year, document type or document), one
//! column per theme in taxonomy order, counted from the units' fast fields (column storage), so
//! a large index is counted without loading any stored text.

use crate::index::schema::KIND_DOCUMENT;
use crate::index::{IndexError, IndexHandle};
use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, SegmentReader};

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

/// The fields of one unit that grouping and counting need.
struct Slim {
    path: String,
    doc_type: String,
    areas: Vec<String>,
    regulators: Vec<String>,
    year: Option<u64>,
    themes: Vec<String>,
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

/// Every live unit of the given kind (or of any unit kind), read from fast fields.
fn scan(handle: &IndexHandle, kind: Option<&str>) -> tantivy::Result<Vec<Slim>> {
    let searcher = handle.searcher();
    let mut out = Vec::new();
    for seg in searcher.segment_readers() {
        let mut kinds = Strs::open(seg, "kind")?;
        let mut paths = Strs::open(seg, "path")?;
        let mut types = Strs::open(seg, "doc_type")?;
        let mut areas = Strs::open(seg, "areas")?;
        let mut regulators = Strs::open(seg, "regulators")?;
        let mut themes = Strs::open(seg, "themes")?;
        let years = seg.fast_fields().u64("year")?;
        let alive = seg.alive_bitset();
        for doc in 0..seg.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            let k = kinds.get(doc);
            let k = k.first().map(String::as_str).unwrap_or("");
            if k == KIND_DOCUMENT || kind.is_some_and(|want| want != k) {
                continue;
            }
            out.push(Slim {
                path: paths.get(doc).pop().unwrap_or_default(),
                doc_type: types.get(doc).pop().unwrap_or_default(),
                areas: areas.get(doc),
                regulators: regulators.get(doc),
                year: years.first(doc),
                themes: themes.get(doc),
            });
        }
    }
    Ok(out)
}

fn groups(u: &Slim, by: GroupBy) -> Vec<String> {
    let or_none = |v: &[String]| if v.is_empty() { vec![NONE.to_string()] } else { v.to_vec() };
    match by {
        GroupBy::Area => or_none(&u.areas),
        GroupBy::Regulator => or_none(&u.regulators),
        GroupBy::Year => vec![u.year.map_or(NONE.to_string(), |y| y.to_string())],
        GroupBy::DocType => vec![u.doc_type.clone()],
        GroupBy::Document => vec![u.path.clone()],
    }
}

pub fn matrix(handle: &IndexHandle, by: GroupBy, count: CountBy, kind: Option<&str>) -> Result<Matrix, IndexError> {
    let units = scan(handle, kind).map_err(|e| handle.err(e))?;
    let themes = handle.meta.themes.clone();
    let col: BTreeMap<&str, usize> = themes.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect();
    let mut rows: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut seen: HashSet<(String, usize, String)> = HashSet::new();
    // Every document gets a row, even one without themes, so a reader sees what was counted.
    for u in &units {
        for g in groups(u, by) {
            let row = rows.entry(g.clone()).or_insert_with(|| vec![0; themes.len()]);
            for t in &u.themes {
                let Some(&i) = col.get(t.as_str()) else { continue };
                match count {
                    CountBy::Sentences => row[i] += 1,
                    CountBy::Documents => {
                        if seen.insert((g.clone(), i, u.path.clone())) {
                            row[i] += 1;
                        }
                    }
                }
            }
        }
    }
    Ok(Matrix { themes, rows: rows.into_iter().collect() })
}
