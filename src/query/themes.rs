//! The theme matrix: one row per group (area, regulator, year, document type or document), one
//! column per theme in taxonomy order, counted from the stored units.

use super::filters::Filters;
use super::unit::StoredUnit;
use crate::index::{IndexError, IndexHandle};
use std::collections::{BTreeMap, HashSet};

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

fn groups(u: &StoredUnit, by: GroupBy) -> Vec<String> {
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
    let filters = Filters { kind: kind.map(str::to_string), ..Filters::default() };
    let units = super::export::units(handle, None, &filters)?;
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
