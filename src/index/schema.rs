//! The index's fields. One tantivy document per searchable unit (finding, recommendation,
//! action, other sentence) plus one per source document with its fields (title, type, date,
//! year, areas, regulators, the path as shown), its units' theme tally and its file's stamp, so
//! analyst commands never re-read the files. Document fields are on the document entry only;
//! a unit reaches them through the number (`doc_key`) that all of a document's entries share.
//! A unit carries only what is searched or shown of the unit itself: tantivy's work and the
//! store grow with every value on every one of a corpus's millions of units.

use tantivy::Index;
use tantivy::schema::{FAST, FacetOptions, Field, IndexRecordOption, NumericOptions, STORED, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::TextAnalyzer;

/// Bump when fields change meaning or shape; an index of another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 6;
/// Our marker file beside tantivy's own, so we only ever touch folders we created.
pub const META_FILE: &str = "scrutiny-index.json";
pub const TOKENIZER: &str = "en_stem";

pub const KIND_DOCUMENT: &str = "document";
pub const DOC_KEY: &str = "doc_key";

pub const UNIT_KINDS: [&str; 4] = ["finding", "recommendation", "action", "text"];

#[derive(Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    pub text: Field,
    pub polarity: Field,
    pub actor: Field,
    pub path: Field,
    pub doc_path: Field,
    pub file: Field,
    pub doc_id: Field,
    pub doc_key: Field,
    pub title: Field,
    pub doc_type: Field,
    pub date: Field,
    pub year: Field,
    pub areas: Field,
    pub regulators: Field,
    pub themes: Field,
    pub area_facet: Field,
    pub theme_facet: Field,
    pub regulator_facet: Field,
    pub year_facet: Field,
    pub span_start: Field,
    pub status: Field,
    pub due: Field,
    pub tally: Field,
    pub file_size: Field,
    pub file_mtime: Field,
}

fn stemmed() -> TextOptions {
    TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(TOKENIZER).set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored()
}

/// A value indexed whole, to filter and count by. No field norms: they weigh a term by the
/// length of the text it was found in, which only the scored text fields have, and tantivy
/// writes a byte for every entry of every field that keeps them (most of a unit's fields are
/// absent from it), which made field norms a sixth of the index.
fn keyword() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer("raw").set_index_option(IndexRecordOption::Basic).set_fieldnorms(false),
    )
}

/// A number indexed to filter by, without field norms (see [`keyword`]).
fn indexed_number() -> NumericOptions {
    NumericOptions::default().set_indexed()
}

pub fn build() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("kind", keyword() | STORED);
    b.add_text_field("text", stemmed());
    b.add_text_field("polarity", keyword() | STORED);
    b.add_text_field("actor", stemmed());
    // On every unit, so a query can ask for one document's units (`path:"..."`); stored and
    // kept as a column once, on the document entry, as `doc_path`.
    b.add_text_field("path", keyword());
    b.add_text_field("doc_path", keyword() | STORED | FAST);
    // On the document entry: the file it came from, which for each record of a record file
    // (whose path is `file#record`) is the record file, so a changed or vanished file's
    // documents are found together.
    b.add_text_field("file", keyword() | STORED);
    b.add_text_field("doc_id", keyword() | STORED);
    // On every entry: the number of the document it belongs to, which joins a unit to its
    // document entry and finds all of a document's entries when its file changes. The writer
    // numbers documents in the order it adds them, so a segment's column holds long runs of one
    // number and costs next to nothing to store and read.
    b.add_u64_field(DOC_KEY, indexed_number() | FAST);
    // Title and date are columns as well, so a unit's document fields are joined from columns
    // without reading the document entry's stored fields.
    b.add_text_field("title", stemmed().set_fast("raw"));
    b.add_text_field("doc_type", keyword() | STORED | FAST);
    b.add_text_field("date", keyword() | STORED | FAST);
    b.add_u64_field("year", indexed_number() | FAST | STORED);
    b.add_text_field("areas", keyword() | STORED | FAST);
    b.add_text_field("regulators", keyword() | STORED | FAST);
    b.add_text_field("themes", keyword() | STORED);
    for f in ["area_facet", "theme_facet", "regulator_facet", "year_facet"] {
        b.add_facet_field(f, FacetOptions::default());
    }
    // Where a unit starts in its document's text, to list a document's units in reading order.
    b.add_u64_field("span_start", STORED);
    b.add_text_field("status", keyword() | STORED);
    b.add_text_field("due", keyword() | STORED);
    // On each document entry: "kind/theme" once per unit of that kind tagged with the theme,
    // and "kind/" once per kind the document has, so the theme matrix reads one entry per
    // document instead of every sentence.
    b.add_text_field("tally", FAST);
    // On each document entry: the file's size and modification time (nanoseconds since the
    // epoch) when it was read, so a re-ingest can tell an unchanged file without reading it.
    b.add_u64_field("file_size", STORED);
    b.add_u64_field("file_mtime", STORED);
    b.build()
}

impl Fields {
    pub fn of(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            kind: f("kind")?,
            text: f("text")?,
            polarity: f("polarity")?,
            actor: f("actor")?,
            path: f("path")?,
            doc_path: f("doc_path")?,
            file: f("file")?,
            doc_id: f("doc_id")?,
            doc_key: f(DOC_KEY)?,
            title: f("title")?,
            doc_type: f("doc_type")?,
            date: f("date")?,
            year: f("year")?,
            areas: f("areas")?,
            regulators: f("regulators")?,
            themes: f("themes")?,
            area_facet: f("area_facet")?,
            theme_facet: f("theme_facet")?,
            regulator_facet: f("regulator_facet")?,
            year_facet: f("year_facet")?,
            span_start: f("span_start")?,
            status: f("status")?,
            due: f("due")?,
            tally: f("tally")?,
            file_size: f("file_size")?,
            file_mtime: f("file_mtime")?,
        })
    }
}

pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::from(super::analyzer::StemmingTokenizer::default())
}

/// Tokenizers are not saved with an index, so every open must register ours again.
pub fn register_tokenizer(index: &Index) {
    index.tokenizers().register(TOKENIZER, analyzer());
}
