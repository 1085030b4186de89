//! Every unit matching optional query and filters, in document order, for spreadsheets and
//! scripts.

use super::documents::Join;
use super::filters::Filters;
use super::search::parse;
use super::unit::StoredUnit;
use crate::index::{IndexError, IndexHandle};
use tantivy::collector::DocSetCollector;

pub fn units(handle: &IndexHandle, query: Option<&str>, filters: &Filters) -> Result<Vec<StoredUnit>, IndexError> {
    let main = match query.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => Some(parse(handle, q)?),
        None => None,
    };
    let searcher = handle.searcher();
    let join = Join::new(&searcher, &handle.fields).map_err(|e| handle.err(e))?;
    let q = filters.apply(&join, main).map_err(|e| handle.err(e))?;
    let addrs = searcher.search(&q, &DocSetCollector).map_err(|e| handle.err(e))?;
    let addrs: Vec<_> = addrs.into_iter().collect();
    let mut out = StoredUnit::read_all(&join, &addrs).map_err(|e| handle.err(e))?;
    let kind_order = |k: &str| ["finding", "recommendation", "action", "text"].iter().position(|x| *x == k).unwrap_or(9);
    out.sort_by(|a, b| {
        a.path
            .cmp(&b.path)
            .then(kind_order(&a.kind).cmp(&kind_order(&b.kind)))
            .then(a.span_start.cmp(&b.span_start))
            .then_with(|| a.text.cmp(&b.text))
    });
    Ok(out)
}
