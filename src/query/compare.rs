//! Areas side by side: per theme, how many findings or recommendations each area received and
//! their texts; and recommendations that recur across areas, grouped by near-identical wording.

use super::export::units;
use super::filters::{Filters, facet_values, resolve_area, resolve_theme};
use crate::index::schema::KIND_DOCUMENT;
use crate::index::{IndexError, IndexHandle};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
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

/// Greedy single pass: each item joins the first group whose first member it resembles.
///
/// Comparing each item with every group's words made the pass quadratic in string
/// comparisons: two areas of a large index (thousands of recommendations each) took seconds.
/// Words are numbered instead, and each word lists the groups whose first member has it, so an
/// item counts the words it shares with just the groups it shares any with; a group it shares
/// none with has a similarity of 0 and cannot be the first to resemble it.
fn recurring(all: &[Item], analyzer: &mut TextAnalyzer) -> Vec<Recurring> {
    // Per group: how many words its first member has, and its members.
    let mut groups: Vec<(usize, Vec<&Item>)> = Vec::new();
    let mut number: HashMap<String, usize> = HashMap::new();
    // Per word number, the groups whose first member has the word, in group order.
    let mut groups_with: Vec<Vec<usize>> = Vec::new();
    // Per group, the words it shares with the item being placed; `touched` lists the nonzero.
    let mut shared: Vec<usize> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    // The same wording recurs often (one report published as several documents, a standard
    // recommendation): it joins the group its first occurrence joined, without comparing again.
    let mut group_of_text: HashMap<&str, usize> = HashMap::new();
    for item in all {
        if let Some(&g) = group_of_text.get(item.text.as_str()) {
            groups[g].1.push(item);
            continue;
        }
        let ids: Vec<usize> = words(analyzer, &item.text)
            .into_iter()
            .map(|w| {
                let next = number.len();
                *number.entry(w).or_insert_with(|| {
                    groups_with.push(Vec::new());
                    next
                })
            })
            .collect();
        for &id in &ids {
            for &g in &groups_with[id] {
                if shared[g] == 0 {
                    touched.push(g);
                }
                shared[g] += 1;
            }
        }
        touched.sort_unstable();
        let resembles = |g: usize| {
            let both = shared[g];
            both as f64 / (groups[g].0 + ids.len() - both) as f64 >= SIMILAR
        };
        let found = touched.iter().copied().find(|&g| resembles(g));
        for g in touched.drain(..) {
            shared[g] = 0;
        }
        let g = match found {
            Some(g) => {
                groups[g].1.push(item);
                g
            }
            None => {
                groups.push((ids.len(), vec![item]));
                shared.push(0);
                for &id in &ids {
                    groups_with[id].push(groups.len() - 1);
                }
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

    fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
        let union = a.union(b).count();
        if union == 0 { 0.0 } else { a.intersection(b).count() as f64 / union as f64 }
    }

    /// The grouping as first written: every item against every group's words.
    fn recurring_by_scan(all: &[Item], analyzer: &mut TextAnalyzer) -> Vec<(String, Vec<String>, Vec<String>)> {
        let mut groups: Vec<(BTreeSet<String>, Vec<&Item>)> = Vec::new();
        for item in all {
            let w = words(analyzer, &item.text);
            match groups.iter().position(|(g, _)| jaccard(g, &w) >= SIMILAR) {
                Some(g) => groups[g].1.push(item),
                None => groups.push((w, vec![item])),
            }
        }
        groups
            .into_iter()
            .filter_map(|(_, members)| {
                let areas: BTreeSet<String> = members.iter().map(|m| m.area.clone()).collect();
                let mut variants: Vec<String> = members.iter().map(|m| m.text.clone()).collect();
                variants.dedup();
                (areas.len() > 1).then(|| (members[0].text.clone(), areas.into_iter().collect(), variants))
            })
            .collect()
    }

    #[test]
    fn grouping_by_shared_words_agrees_with_comparing_every_group() {
        // Recommendations built from a small vocabulary, so that many share words, many
        // resemble several groups and some are repeated word for word.
        let heads = ["The partnership", "The council", "Leaders", "The board", "Managers", "The IJB"];
        let verbs = ["should improve", "must review", "should publish", "needs to strengthen", "should agree"];
        let objects = [
            "its workforce planning",
            "workforce plans for care at home",
            "governance of commissioning",
            "the housing plan",
            "delayed discharge from hospital",
            "its performance reports",
            "engagement with carers and families",
            "oversight of finance",
        ];
        let tails = ["", " by March", " with partners", " and report progress", " across localities"];
        let areas = ["Fife", "Angus", "Moray"];
        let mut all = Vec::new();
        let mut n = 0usize;
        for h in heads {
            for v in verbs {
                for o in objects {
                    n += 1;
                    let tail = tails[n % tails.len()];
                    all.push(item(areas[n % areas.len()], &format!("{h} {v} {o}{tail}.")));
                    if n.is_multiple_of(7) {
                        all.push(item(areas[(n + 1) % areas.len()], &format!("{h} {v} {o}{tail}.")));
                    }
                }
            }
        }
        let mut analyzer = crate::index::schema::analyzer();
        let want = recurring_by_scan(&all, &mut analyzer);
        let got: Vec<_> = recurring(&all, &mut analyzer).into_iter().map(|r| (r.text, r.areas, r.variants)).collect();
        assert!(want.len() > 10, "too few recurring groups to compare: {}", want.len());
        assert!(want.iter().any(|(_, _, v)| v.len() > 3), "no group gathers several wordings");
        assert_eq!(got, want);
    }

    #[test]
    fn recommendations_repeated_within_one_area_do_not_recur() {
        let all = vec![item("Fife", "Improve workforce planning."), item("Fife", "Improve workforce planning.")];
        assert!(recurring(&all, &mut crate::index::schema::analyzer()).is_empty());
    }
}
