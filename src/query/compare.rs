//! Areas side by side: per theme, how many findings or recommendations each area received and
//! their texts; and recommendations that recur across areas, grouped by near-identical wording.

use super::export::units;
use super::filters::{Filters, facet_values, resolve_area, resolve_theme};
use crate::index::schema::KIND_DOCUMENT;
use crate::index::{IndexError, IndexHandle};
use serde::Serialize;
use std::collections::BTreeSet;
use tantivy::Term;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;

/// Two recommendations with at least this Jaccard similarity of stemmed words are the same ask.
pub const SIMILAR: f64 = 0.5;

const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the",
    "their", "thei", "this", "to", "with", "should", "must", "will",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Recommendation,
    Finding,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Recommendation => "recommendation",
            Kind::Finding => "finding",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub area: String,
    pub path: String,
    pub themes: Vec<String>,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct ThemeRow {
    pub theme: String,
    /// Per area, in the order the areas were given.
    pub counts: Vec<usize>,
    pub texts: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct Recurring {
    pub text: String,
    pub areas: Vec<String>,
    pub variants: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Comparison {
    pub areas: Vec<String>,
    pub kind: String,
    pub documents: Vec<usize>,
    pub themes: Vec<ThemeRow>,
    pub recurring: Vec<Recurring>,
}

/// The area's findings or recommendations, read from their own index entries (a few per
/// document) rather than from whole document records, in document order.
fn items(handle: &IndexHandle, area: &str, kind: Kind) -> Result<Vec<Item>, IndexError> {
    let filters = Filters { areas: vec![area.to_string()], kind: Some(kind.as_str().to_string()), ..Default::default() };
    Ok(units(handle, None, &filters)?
        .into_iter()
        .map(|u| Item { area: area.to_string(), path: u.path, themes: u.themes, text: u.text })
        .collect())
}

/// Documents about the area.
fn documents_about(handle: &IndexHandle, area: &str) -> Result<usize, IndexError> {
    let f = &handle.fields;
    let q = BooleanQuery::new(vec![
        (Occur::Must, Box::new(TermQuery::new(Term::from_field_text(f.kind, KIND_DOCUMENT), IndexRecordOption::Basic)) as Box<dyn Query>),
        (Occur::Must, Box::new(TermQuery::new(Term::from_field_text(f.areas, area), IndexRecordOption::Basic))),
    ]);
    handle.searcher().search(&q, &Count).map_err(|e| handle.err(e))
}

fn words(analyzer: &mut TextAnalyzer, text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        if !STOPWORDS.contains(&t.text.as_str()) {
            out.insert(t.text.clone());
        }
    }
    out
}

pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 { 0.0 } else { a.intersection(b).count() as f64 / union as f64 }
}

/// Greedy single pass: each item joins the first group whose first member it resembles.
fn recurring(all: &[Item], analyzer: &mut TextAnalyzer) -> Vec<Recurring> {
    let mut groups: Vec<(BTreeSet<String>, Vec<&Item>)> = Vec::new();
    // The same wording recurs often (one report published as several documents, a standard
    // recommendation): it joins the group its first occurrence joined, without comparing again.
    let mut group_of_text: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for item in all {
        if let Some(&g) = group_of_text.get(item.text.as_str()) {
            groups[g].1.push(item);
            continue;
        }
        let w = words(analyzer, &item.text);
        let g = match groups.iter().position(|(g, _)| jaccard(g, &w) >= SIMILAR) {
            Some(g) => {
                groups[g].1.push(item);
                g
            }
            None => {
                groups.push((w, vec![item]));
                groups.len() - 1
            }
        };
        group_of_text.insert(&item.text, g);
    }
    groups
        .into_iter()
        .filter_map(|(_, members)| {
            let areas: BTreeSet<String> = members.iter().map(|m| m.area.clone()).collect();
            (areas.len() > 1).then(|| {
                let mut variants: Vec<String> = members.iter().map(|m| m.text.clone()).collect();
                variants.dedup();
                Recurring { text: members[0].text.clone(), areas: areas.into_iter().collect(), variants }
            })
        })
        .collect()
}

pub fn compare(handle: &IndexHandle, areas: &[String], themes: &[String], kind: Kind) -> Result<Comparison, IndexError> {
    let known: Vec<String> =
        facet_values(&handle.searcher(), "area_facet", "/area").map_err(|e| handle.err(e))?.into_iter().map(|(a, _)| a).collect();
    let areas: Vec<String> = areas.iter().map(|a| resolve_area(a, &known)).collect::<Result<_, _>>()?;
    let wanted: Vec<String> = themes.iter().map(|t| resolve_theme(t, &handle.meta.themes)).collect::<Result<_, _>>()?;
    let mut per_area: Vec<Vec<Item>> = Vec::new();
    let mut documents = Vec::new();
    for a in &areas {
        per_area.push(
            items(handle, a, kind)?.into_iter().filter(|i| wanted.is_empty() || i.themes.iter().any(|t| wanted.contains(t))).collect(),
        );
        documents.push(documents_about(handle, a)?);
    }
    let theme_order: Vec<String> = if wanted.is_empty() { handle.meta.themes.clone() } else { wanted.clone() };
    let mut rows = Vec::new();
    for t in &theme_order {
        let texts: Vec<Vec<String>> =
            per_area.iter().map(|items| items.iter().filter(|i| i.themes.contains(t)).map(|i| i.text.clone()).collect()).collect();
        if texts.iter().any(|v| !v.is_empty()) {
            rows.push(ThemeRow { theme: t.clone(), counts: texts.iter().map(Vec::len).collect(), texts });
        }
    }
    let untagged: Vec<Vec<String>> =
        per_area.iter().map(|items| items.iter().filter(|i| i.themes.is_empty()).map(|i| i.text.clone()).collect()).collect();
    if wanted.is_empty() && untagged.iter().any(|v| !v.is_empty()) {
        rows.push(ThemeRow { theme: "(no theme)".into(), counts: untagged.iter().map(Vec::len).collect(), texts: untagged });
    }
    let mut analyzer = crate::index::schema::analyzer();
    let all: Vec<Item> = per_area.into_iter().flatten().collect();
    let recurring = recurring(&all, &mut analyzer);
    Ok(Comparison { areas, kind: kind.as_str().into(), documents, themes: rows, recurring })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(area: &str, text: &str) -> Item {
        Item { area: area.into(), path: format!("{area}.txt"), themes: vec![], text: text.into() }
    }

    #[test]
    fn near_identical_recommendations_in_different_areas_are_grouped() {
        let all = vec![
            item("Fife", "The partnership should improve its workforce planning."),
            item("Angus", "The partnership should improve workforce planning."),
            item("Angus", "The council should publish a housing plan."),
            item("Fife", "The council should publish its housing plans."),
            item("Fife", "Leaders should review governance."),
        ];
        let groups = recurring(&all, &mut crate::index::schema::analyzer());
        assert_eq!(groups.len(), 2);
        assert!(groups.iter().all(|g| g.areas == vec!["Angus".to_string(), "Fife".to_string()]));
    }

    #[test]
    fn recommendations_repeated_within_one_area_do_not_recur() {
        let all = vec![item("Fife", "Improve workforce planning."), item("Fife", "Improve workforce planning.")];
        assert!(recurring(&all, &mut crate::index::schema::analyzer()).is_empty());
    }
}
