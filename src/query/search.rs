//! Full-text search over units: BM25 on the stemmed `text` field, filters as Must clauses,
//! snippets with highlight offsets, and counts of matches by area (of their documents) and theme.

use super::documents::{self, Join, PerDocument};
use super::filters::{Filters, facet_leaf};
use super::unit::StoredUnit;
use crate::index::{IndexError, IndexHandle};
use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::DocAddress;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{Query, QueryParser};
use tantivy::snippet::SnippetGenerator;

const SNIPPET_CHARS: usize = 240;

#[derive(Debug, Serialize)]
pub struct Hit {
    pub score: f32,
    #[serde(flatten)]
    pub unit: StoredUnit,
    pub snippet: String,
    /// Byte ranges into `snippet` that matched the query.
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Serialize)]
pub struct SearchResult {
    pub query: String,
    pub total: usize,
    pub hits: Vec<Hit>,
    pub areas: BTreeMap<String, u64>,
    pub themes: BTreeMap<String, u64>,
}

/// Parse a user query over the unit text; words must all match unless OR is written.
pub fn parse(handle: &IndexHandle, query: &str) -> Result<Box<dyn Query>, IndexError> {
    let f = &handle.fields;
    let mut parser = QueryParser::for_index(&handle.index, vec![f.text]);
    parser.set_conjunction_by_default();
    parser.parse_query(query).map_err(|e| IndexError::BadQuery { query: query.to_string(), reason: describe(&e) })
}

fn describe(e: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match e {
        E::SyntaxError(s) => format!("syntax error near {s:?} (check quotes, brackets and a field name before ':')"),
        E::FieldDoesNotExist(name) => {
            format!(
                "there is no field {name:?}; a sentence's fields are text, kind, polarity, themes, actor, status, due and path (filter by area, regulator, type and year with --area, --regulator, --doc-type, --from and --to)"
            )
        }
        other => other.to_string(),
    }
}

fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

pub fn search(handle: &IndexHandle, query: &str, filters: &Filters, limit: usize) -> Result<SearchResult, IndexError> {
    let f = &handle.fields;
    let parsed = parse(handle, query)?;
    let mut snippets = SnippetGenerator::create(&handle.searcher(), &*parsed, f.text).map_err(|e| handle.err(e))?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    let searcher = handle.searcher();
    let join = Join::new(&searcher, f).map_err(|e| handle.err(e))?;
    let full = filters.apply(&join, Some(parsed)).map_err(|e| handle.err(e))?;
    let mut themes = FacetCollector::for_field("theme_facet");
    themes.add_facet("/theme");
    let collectors = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count, PerDocument { join: &join }, themes);
    let (top, total, per_doc, theme_counts) = searcher.search(&full, &collectors).map_err(|e| handle.err(e))?;
    let areas = documents::areas_of_counts(&join, &per_doc).map_err(|e| handle.err(e))?;
    let top: Vec<(f32, DocAddress)> = top.into_iter().take(limit).collect();
    let addrs: Vec<DocAddress> = top.iter().map(|(_, a)| *a).collect();
    let units = StoredUnit::read_all(&join, &addrs).map_err(|e| handle.err(e))?;
    let mut hits = Vec::new();
    for ((score, _), unit) in top.into_iter().zip(units) {
        let snip = snippets.snippet(&unit.text);
        let (snippet, highlights) = if snip.is_empty() {
            (cut(&unit.text, SNIPPET_CHARS), Vec::new())
        } else {
            (snip.fragment().to_string(), snip.highlighted().iter().map(|r| [r.start, r.end]).collect())
        };
        hits.push(Hit { score, unit, snippet, highlights });
    }
    let counts = |fc: &tantivy::collector::FacetCounts, root: &str| fc.get(root).map(|(k, n)| (facet_leaf(k), n)).collect();
    Ok(SearchResult { query: query.to_string(), total, hits, areas, themes: counts(&theme_counts, "/theme") })
}
