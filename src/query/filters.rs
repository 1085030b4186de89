//! Filters shared by search and export, checked against what the index actually holds so a
//! typo gets a suggestion instead of an empty result.

use super::documents::{self, Join};
use super::nearest::nearest;
use crate::extract::gazetteer::Gazetteer;
use crate::index::schema::{Fields, KIND_DOCUMENT};
use crate::index::{IndexError, IndexHandle};
use std::ops::Bound;
use tantivy::collector::FacetCollector;
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Any of these areas.
    pub areas: Vec<String>,
    /// Any of these themes.
    pub themes: Vec<String>,
    pub regulator: Option<String>,
    pub kind: Option<String>,
    pub polarity: Option<String>,
    pub doc_type: Option<String>,
    pub from: Option<u64>,
    pub to: Option<u64>,
}

/// The distinct values under one facet root (e.g. every area in the index), with the number
/// of documents under each. Counted over document entries, which carry every value their units
/// do, so the cost follows the number of documents, not of sentences.
pub fn facet_values(searcher: &Searcher, field: &str, root: &str) -> tantivy::Result<Vec<(String, u64)>> {
    let mut fc = FacetCollector::for_field(field);
    fc.add_facet(root);
    let documents = TermQuery::new(Term::from_field_text(searcher.schema().get_field("kind")?, KIND_DOCUMENT), IndexRecordOption::Basic);
    let counts = searcher.search(&documents, &fc)?;
    Ok(counts.get(root).map(|(f, n)| (facet_leaf(f), n)).collect())
}

pub fn facet_leaf(f: &tantivy::schema::Facet) -> String {
    f.to_path().last().map(|s| s.to_string()).unwrap_or_default()
}

/// An area as the index spells it: the gazetteer's canonical name, or a case-insensitive match
/// among the index's areas; otherwise an error naming the nearest known area.
pub fn resolve_area(name: &str, known: &[String]) -> Result<String, IndexError> {
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return Ok(k.clone());
    }
    let gaz = Gazetteer::get();
    if let Some(c) = gaz.canonical(name) {
        return Ok(c.to_string());
    }
    let suggestion = nearest(name, known.iter().map(String::as_str)).or_else(|| gaz.suggest(name).map(str::to_string));
    Err(IndexError::UnknownArea { name: name.to_string(), suggestion })
}

pub fn resolve_theme(id: &str, known: &[String]) -> Result<String, IndexError> {
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(id)) {
        return Ok(k.clone());
    }
    Err(IndexError::UnknownTheme { id: id.to_string(), suggestion: nearest(id, known.iter().map(String::as_str)) })
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(values.iter().map(|v| (Occur::Should, term(field, v))).collect()))
}

impl Filters {
    /// Replace area and theme names by the index's spelling, or fail with a suggestion.
    pub fn resolve(&mut self, handle: &IndexHandle) -> Result<(), IndexError> {
        if !self.areas.is_empty() {
            let known: Vec<String> =
                facet_values(&handle.searcher(), "area_facet", "/area").map_err(|e| handle.err(e))?.into_iter().map(|(a, _)| a).collect();
            self.areas = self.areas.iter().map(|a| resolve_area(a, &known)).collect::<Result<_, _>>()?;
        }
        // Regulators have no "unknown" error: a name the index lacks simply matches nothing,
        // but a difference of case should not.
        if let Some(r) = &self.regulator {
            let known = facet_values(&handle.searcher(), "regulator_facet", "/regulator").map_err(|e| handle.err(e))?;
            if let Some((k, _)) = known.iter().find(|(k, _)| k.eq_ignore_ascii_case(r)) {
                self.regulator = Some(k.clone());
            }
        }
        let themes = &handle.meta.themes;
        self.themes = self.themes.iter().map(|t| resolve_theme(t, themes)).collect::<Result<_, _>>()?;
        Ok(())
    }

    /// Must clauses for these filters, plus the one that keeps document-level entries out.
    /// Filters on document fields become the set of documents that pass them.
    ///
    /// A filter only narrows: it adds nothing to a hit's score, so the hits it keeps stay in
    /// the order the query alone gives them (scored, a theme filter would favour units with
    /// fewer themes).
    pub fn clauses(&self, join: &Join) -> tantivy::Result<Vec<(Occur, Box<dyn Query>)>> {
        let f = join.fields;
        let mut out: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::MustNot, term(f.kind, KIND_DOCUMENT))];
        let mut narrow = |q: Box<dyn Query>| out.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>));
        if !self.themes.is_empty() {
            narrow(any_of(f.themes, &self.themes));
        }
        for (field, value) in [(f.kind, &self.kind), (f.polarity, &self.polarity)] {
            if let Some(v) = value {
                narrow(term(field, v));
            }
        }
        let on_documents = self.document_clauses(f);
        if !on_documents.is_empty() {
            let keys = documents::keys_where(join, on_documents)?;
            narrow(documents::units_of(f, &keys));
        }
        Ok(out)
    }

    /// Clauses over a document entry's own fields.
    fn document_clauses(&self, f: &Fields) -> Vec<(Occur, Box<dyn Query>)> {
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !self.areas.is_empty() {
            out.push((Occur::Must, any_of(f.areas, &self.areas)));
        }
        for (field, value) in [(f.regulators, &self.regulator), (f.doc_type, &self.doc_type)] {
            if let Some(v) = value {
                out.push((Occur::Must, term(field, v)));
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let b = |y: Option<u64>| y.map_or(Bound::Unbounded, |y| Bound::Included(Term::from_field_u64(f.year, y)));
            out.push((Occur::Must, Box::new(RangeQuery::new(b(self.from), b(self.to)))));
        }
        out
    }

    /// `main` (or every unit, when None) narrowed by the filters.
    pub fn apply(&self, join: &Join, main: Option<Box<dyn Query>>) -> tantivy::Result<BooleanQuery> {
        let mut clauses = self.clauses(join)?;
        clauses.push((Occur::Must, main.unwrap_or_else(|| Box::new(AllQuery))));
        Ok(BooleanQuery::new(clauses))
    }
}
