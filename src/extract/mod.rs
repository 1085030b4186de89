//! Extract: from a segmented document to its record: metadata, themes, findings,
//! recommendations, action-plan rows, quotes and ratings.

pub mod actions;
pub mod actor;
pub mod dates;
pub mod doc_type;
pub mod findings;
pub mod gazetteer;
pub mod openings;
pub mod places;
pub mod polarity;
pub mod quotes;
pub mod ratings;
pub mod recommendations;
pub mod regulators;
pub mod restatements;
pub mod sections;
pub mod taxonomy;

use crate::model::{Document, Record, Scope};
use std::collections::BTreeMap;
use taxonomy::Taxonomy;

/// Everything extraction needs that is built once and shared by all threads.
pub struct Extractor {
    pub taxonomy: Taxonomy,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor { taxonomy: Taxonomy::default_themes() }
    }
}

impl Extractor {
    pub fn new(taxonomy: Taxonomy) -> Self {
        Extractor { taxonomy }
    }

    /// The extraction record of one document.
    pub fn extract(&self, doc: &Document) -> Record {
        let sentence_themes = self.taxonomy.tag_sentences(doc);
        let mut themes: BTreeMap<String, usize> = BTreeMap::new();
        let mut theme_hits = Vec::new();
        for hits in &sentence_themes {
            let mut seen: Vec<&str> = Vec::new();
            for h in hits {
                if !seen.contains(&h.theme.as_str()) {
                    seen.push(&h.theme);
                    *themes.entry(h.theme.clone()).or_default() += 1;
                }
                theme_hits.push(h.clone());
            }
        }
        let doc_type = doc_type::classify(doc);
        let collapsed = gazetteer::Collapsed::new(&doc.text);
        let regulators = places::regulators_of(doc, &collapsed);
        let given = doc.given.as_ref();
        let areas = match given.and_then(|g| g.area.as_deref()) {
            Some(area) => places::given_area(area),
            None => places::areas_of(doc, &collapsed, doc_type),
        };
        let scope = if areas.is_empty() { Scope::National } else { Scope::Local };
        let date = match given.and_then(|g| g.date.clone()) {
            Some(d) => Some(d),
            None => dates::document_date(doc, doc_type),
        };
        let sections = sections::block_sections(doc);
        // An investigator's report (a coroner's) states its concerns, and what it asks for among
        // them, in its own voice under their heading.
        let voice = doc_type::voice(doc, doc_type, |b| sections[b] == sections::Section::Weaknesses);
        let recommendations = recommendations::extract(doc, &sections, &sentence_themes, voice);
        let findings = findings::extract(doc, doc_type, voice, &sections, &sentence_themes, &recommendations);
        let recommendations = restatements::without_restatements(recommendations);
        Record {
            path: doc.path.clone(),
            id: doc.id.clone(),
            format: doc.format.clone(),
            title: doc.title.clone(),
            doc_type,
            scope,
            regulators,
            areas,
            date,
            themes,
            theme_hits,
            findings,
            recommendations,
            actions: actions::extract(doc),
            quotes: quotes::extract(doc),
            ratings: ratings::extract(doc),
            warnings: doc.warnings.clone(),
            bytes: doc.bytes,
            sentences: doc.sentences.len(),
        }
    }
}

/// Whether `text` has at least `n` words. Counting stops there: sentences run to dozens of
/// words and are tested against a handful.
pub(crate) fn has_words(text: &str, n: usize) -> bool {
    n == 0 || text.split_whitespace().nth(n - 1).is_some()
}

/// Theme ids of a sentence's hits, each once, in taxonomy order of first appearance.
pub(crate) fn theme_ids(hits: &[crate::model::ThemeHit]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in hits {
        if !out.contains(&h.theme) {
            out.push(h.theme.clone());
        }
    }
    out
}
