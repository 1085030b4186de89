//! The document side of a unit. A unit entry carries its own fields, its document's path (as a
//! term, to search by) and its document's number (`doc_key`, given by the writer); the
//! document's path as shown, title, type, areas, regulators, date and year sit on the document
//! entry alone and are joined by number when a query filters, counts or shows by them. Copied
//! onto every sentence, they made tantivy index each document's fields once per sentence: about
//! 40% of its indexing work on a corpus of reports.
//!
//! The join reads columns, never stored documents (reading one decompresses its whole block of
//! the store), and joins on a number, not the path: turning paths back into strings means
//! decompressing the column's dictionary, which cost more than the search itself.

use crate::index::reader::document_query;
use crate::index::schema::{DOC_KEY, Fields};
use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::collector::{Collector, DocSetCollector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{BooleanQuery, Occur, Query, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, TERMINATED, TantivyError, Term};

/// Up to this many documents are looked up by number rather than by a scan of all of them.
const FEW_DOCUMENTS: usize = 64;

/// What a unit shows of its document.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct DocFields {
    /// Shown as the unit's own path, ahead of the rest.
    #[serde(skip)]
    pub path: String,
    pub title: Option<String>,
    pub doc_type: String,
    pub areas: Vec<String>,
    pub regulators: Vec<String>,
    pub date: Option<String>,
    pub year: Option<u64>,
}

/// Document entries of one segment: their rows and, row for row, their keys.
struct SegmentDocuments {
    seg: SegmentOrdinal,
    rows: Vec<DocId>,
    keys: Vec<u64>,
}

/// The join for one searcher: every segment's column of document numbers, opened once, as
/// opening a column reads its whole block index and a query reads each several times.
pub struct Join<'s> {
    pub searcher: &'s Searcher,
    pub fields: &'s Fields,
    keys: Vec<Column<u64>>,
}

impl<'s> Join<'s> {
    pub fn new(searcher: &'s Searcher, fields: &'s Fields) -> tantivy::Result<Join<'s>> {
        let keys = searcher.segment_readers().iter().map(|seg| seg.fast_fields().u64(DOC_KEY)).collect::<tantivy::Result<_>>()?;
        Ok(Join { searcher, fields, keys })
    }

    fn keys(&self, seg: SegmentOrdinal) -> &Column<u64> {
        &self.keys[seg as usize]
    }
}

/// Document entries matching `clauses` (every document entry when there are none), by
/// segment, with their keys; `keep` picks among them by key.
fn documents(join: &Join, clauses: Vec<(Occur, Box<dyn Query>)>, keep: impl Fn(u64) -> bool) -> tantivy::Result<Vec<SegmentDocuments>> {
    let (searcher, f) = (join.searcher, join.fields);
    let is_document = document_query(f);
    let mut rows: BTreeMap<SegmentOrdinal, Vec<DocId>> = BTreeMap::new();
    if clauses.is_empty() {
        // Every document entry: read straight from the postings of their kind, which are in
        // row order, rather than collected into a set and sorted.
        for (seg, reader) in searcher.segment_readers().iter().enumerate() {
            let seg_rows = rows.entry(seg as SegmentOrdinal).or_default();
            let Some(mut postings) = reader.inverted_index(f.kind)?.read_postings(is_document.term(), IndexRecordOption::Basic)? else {
                continue;
            };
            let alive = reader.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    seg_rows.push(doc);
                }
                doc = postings.advance();
            }
        }
    } else {
        let mut all: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(is_document))];
        all.extend(clauses);
        for a in searcher.search(&BooleanQuery::new(all), &DocSetCollector)? {
            rows.entry(a.segment_ord).or_default().push(a.doc_id);
        }
        rows.values_mut().for_each(|r| r.sort_unstable());
    }
    let mut out = Vec::new();
    for (seg, seg_rows) in rows {
        let col = join.keys(seg);
        let (rows, keys) = seg_rows.into_iter().filter_map(|r| col.first(r).filter(|k| keep(*k)).map(|k| (r, k))).unzip();
        out.push(SegmentDocuments { seg, rows, keys });
    }
    Ok(out)
}

/// Numbers of the documents that satisfy `clauses` (over document fields).
pub fn keys_where(join: &Join, clauses: Vec<(Occur, Box<dyn Query>)>) -> tantivy::Result<Vec<u64>> {
    Ok(documents(join, clauses, |_| true)?.into_iter().flat_map(|d| d.keys).collect())
}

/// The document number of each of these entries.
pub fn keys_of(join: &Join, addrs: &[DocAddress]) -> Vec<Option<u64>> {
    addrs.iter().map(|a| join.keys(a.segment_ord).first(a.doc_id)).collect()
}

/// A clause that keeps the units of these documents only.
pub fn units_of(f: &Fields, keys: &[u64]) -> Box<dyn Query> {
    Box::new(TermSetQuery::new(keys.iter().map(|&k| Term::from_field_u64(f.doc_key, k))))
}

/// The values of a string column for some rows: their ordinals decoded in one sorted pass, so
/// each block of the column's dictionary is decompressed once at most.
fn strings_of(col: Option<&StrColumn>, rows: &[DocId]) -> tantivy::Result<Vec<Vec<String>>> {
    let Some(col) = col else {
        return Ok(vec![Vec::new(); rows.len()]);
    };
    let per_row: Vec<Vec<u64>> = rows.iter().map(|&r| col.term_ords(r).collect()).collect();
    let mut ords: Vec<u64> = per_row.iter().flatten().copied().collect();
    ords.sort_unstable();
    ords.dedup();
    let names = decode(col, &ords)?;
    let name = |o: &u64| names[ords.binary_search(o).expect("every ordinal was decoded")].clone();
    Ok(per_row.into_iter().map(|os| os.iter().map(name).collect()).collect())
}

/// The strings of sorted, distinct ordinals of a column's dictionary.
fn decode(col: &StrColumn, ords: &[u64]) -> tantivy::Result<Vec<String>> {
    let mut names = Vec::with_capacity(ords.len());
    let whole = col.dictionary().sorted_ords_to_term_cb(ords, |b| names.push(String::from_utf8_lossy(b).into_owned()))?;
    if !whole {
        return Err(TantivyError::InternalError("a column's dictionary lacks one of its own ordinals".into()));
    }
    Ok(names)
}

/// The fields of the documents with these numbers.
pub fn fields_of(join: &Join, keys: &HashSet<u64>) -> tantivy::Result<HashMap<u64, DocFields>> {
    let (searcher, f) = (join.searcher, join.fields);
    let mut out = HashMap::new();
    if keys.is_empty() {
        return Ok(out);
    }
    // A few documents (a page of hits) are found by their numbers; for many (an export), a
    // number's term would read the postings of all its units, so every document entry is
    // scanned instead.
    let found = if keys.len() <= FEW_DOCUMENTS {
        let these: Vec<u64> = keys.iter().copied().collect();
        documents(join, vec![(Occur::Must, units_of(f, &these))], |_| true)?
    } else {
        documents(join, Vec::new(), |k| keys.contains(&k))?
    };
    for SegmentDocuments { seg, rows, keys: row_keys } in found {
        if rows.is_empty() {
            continue;
        }
        let reader = searcher.segment_reader(seg);
        let col = |name: &str| -> tantivy::Result<Vec<Vec<String>>> { strings_of(reader.fast_fields().str(name)?.as_ref(), &rows) };
        let (titles, types, areas, regulators, dates) = (col("title")?, col("doc_type")?, col("areas")?, col("regulators")?, col("date")?);
        let paths = col("doc_path")?;
        let years = reader.fast_fields().u64("year")?;
        let values = rows.iter().zip(row_keys).zip(paths).zip(titles).zip(types).zip(areas).zip(regulators).zip(dates);
        for (((((((&row, key), path), title), doc_type), areas), regulators), date) in values {
            let first = |v: Vec<String>| v.into_iter().next();
            let fields = DocFields {
                path: first(path).unwrap_or_default(),
                title: first(title),
                doc_type: first(doc_type).unwrap_or_default(),
                areas,
                regulators,
                date: first(date),
                year: years.first(row),
            };
            out.insert(key, fields);
        }
    }
    Ok(out)
}

/// Units per area of their documents, from units per document number.
pub fn areas_of_counts(join: &Join, per_doc: &PerDoc) -> tantivy::Result<BTreeMap<String, u64>> {
    let mut out = BTreeMap::new();
    if per_doc.is_empty() {
        return Ok(out);
    }
    for SegmentDocuments { seg, rows, keys } in documents(join, Vec::new(), |k| per_doc.contains_key(&k))? {
        let Some(col) = join.searcher.segment_reader(seg).fast_fields().str("areas")? else { continue };
        // Counted by ordinal first, so only the areas present are decoded, each once.
        let mut by_ord: BTreeMap<u64, u64> = BTreeMap::new();
        for (row, key) in rows.into_iter().zip(keys) {
            let n = per_doc[&key];
            for ord in col.term_ords(row) {
                *by_ord.entry(ord).or_default() += n;
            }
        }
        let ords: Vec<u64> = by_ord.keys().copied().collect();
        for (name, n) in decode(&col, &ords)?.into_iter().zip(by_ord.into_values()) {
            *out.entry(name).or_default() += n;
        }
    }
    Ok(out)
}

/// Hits per document number. Looked up once per hit or per document, so hashed with foldhash.
pub type PerDoc = foldhash::HashMap<u64, u64>;

/// Counts the hits of a query by their document's number, so counts by document fields can be
/// joined afterwards.
pub struct PerDocument<'j> {
    pub join: &'j Join<'j>,
}

pub struct PerDocumentSegment {
    col: Column<u64>,
    counts: PerDoc,
    /// A document's units are indexed together, so hits come in runs of one number: counted
    /// here and added to the map when the number changes.
    run: Option<(u64, u64)>,
}

impl Collector for PerDocument<'_> {
    type Fruit = PerDoc;
    type Child = PerDocumentSegment;

    fn for_segment(&self, seg: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<PerDocumentSegment> {
        Ok(PerDocumentSegment { col: self.join.keys(seg).clone(), counts: PerDoc::default(), run: None })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<PerDoc>) -> tantivy::Result<PerDoc> {
        let mut out = PerDoc::default();
        for fruit in fruits {
            for (k, n) in fruit {
                *out.entry(k).or_default() += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for PerDocumentSegment {
    type Fruit = PerDoc;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(key) = self.col.first(doc) else { return };
        match &mut self.run {
            Some((k, n)) if *k == key => *n += 1,
            run => {
                if let Some((k, n)) = run.replace((key, 1)) {
                    *self.counts.entry(k).or_default() += n;
                }
            }
        }
    }

    fn harvest(mut self) -> PerDoc {
        if let Some((k, n)) = self.run.take() {
            *self.counts.entry(k).or_default() += n;
        }
        self.counts
    }
}
