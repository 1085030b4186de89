//! Themes: a taxonomy of ids, each with patterns written as regular expressions over words,
//! so one pattern covers a phrase's inflections ("delay(s|ed)? in discharg(e|ing)"). The
//! default taxonomy ships inside the binary; `--taxonomy FILE` loads another in the same JSON
//! shape (see `data/taxonomy.json`).

use crate::error::TaxonomyError;
use crate::model::{Document, Span, ThemeHit};
use crate::rx::LAZY_DFA_CACHE;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;

const DEFAULT_TAXONOMY: &str = include_str!("../../data/taxonomy.json");

#[derive(Debug, Deserialize)]
struct ThemeSpec {
    id: String,
    label: String,
    #[serde(default)]
    description: String,
    patterns: Vec<String>,
    /// Phrases that look like the theme but are not ("data" alone is not information sharing):
    /// a match wholly inside one of these is ignored.
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TaxonomySpec {
    themes: Vec<ThemeSpec>,
}

pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: String,
    pattern: Regex,
    exclude: Option<Regex>,
}

pub struct Taxonomy {
    pub themes: Vec<Theme>,
    prefilter: RegexSet,
}

fn word_bounded(patterns: &[String]) -> String {
    let alts: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
    format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))
}

impl Taxonomy {
    /// The taxonomy that ships with scrutiny.
    pub fn default_themes() -> Taxonomy {
        Taxonomy::parse(DEFAULT_TAXONOMY, "built-in taxonomy").expect("the built-in taxonomy is valid")
    }

    pub fn from_file(path: &std::path::Path) -> Result<Taxonomy, TaxonomyError> {
        let text = std::fs::read_to_string(path).map_err(|e| TaxonomyError { path: path.display().to_string(), reason: e.to_string() })?;
        Taxonomy::parse(&text, &path.display().to_string())
    }

    pub fn parse(json: &str, origin: &str) -> Result<Taxonomy, TaxonomyError> {
        let err = |reason: String| TaxonomyError { path: origin.to_string(), reason };
        let spec: TaxonomySpec = serde_json::from_str(json)
            .map_err(|e| err(format!("not a taxonomy file ({e}); expected {{\"themes\": [{{\"id\", \"label\", \"patterns\": [..]}}]}}")))?;
        if spec.themes.is_empty() {
            return Err(err("no themes".into()));
        }
        let mut themes = Vec::new();
        let mut sources = Vec::new();
        for t in spec.themes {
            if t.patterns.is_empty() {
                return Err(err(format!("theme '{}' has no patterns", t.id)));
            }
            if themes.iter().any(|x: &Theme| x.id == t.id) {
                return Err(err(format!("theme id '{}' appears twice", t.id)));
            }
            let source = word_bounded(&t.patterns);
            // ASCII word classes keep matching on the fast automata; theme vocabulary is English.
            // Theme patterns are long alternations: see crate::rx for the cache size.
            let build = |src: &str| {
                RegexBuilder::new(src).case_insensitive(true).unicode(false).size_limit(1 << 24).dfa_size_limit(LAZY_DFA_CACHE).build()
            };
            let pattern = build(&source).map_err(|e| err(format!("theme '{}': bad pattern: {e}", t.id)))?;
            let exclude = if t.exclude.is_empty() {
                None
            } else {
                Some(build(&word_bounded(&t.exclude)).map_err(|e| err(format!("theme '{}': bad exclude pattern: {e}", t.id)))?)
            };
            sources.push(source);
            themes.push(Theme { id: t.id, label: t.label, description: t.description, pattern, exclude });
        }
        let prefilter = RegexSetBuilder::new(&sources)
            .case_insensitive(true)
            .unicode(false)
            .size_limit(1 << 26)
            .dfa_size_limit(LAZY_DFA_CACHE)
            .build()
            .map_err(|e| err(format!("patterns too large together: {e}")))?;
        Ok(Taxonomy { themes, prefilter })
    }

    pub fn ids(&self) -> Vec<&str> {
        self.themes.iter().map(|t| t.id.as_str()).collect()
    }

    /// Theme hits in `text`, with spans relative to `offset`.
    pub fn tag(&self, text: &str, offset: usize) -> Vec<ThemeHit> {
        let mut hits = Vec::new();
        for i in self.prefilter.matches(text).iter() {
            let theme = &self.themes[i];
            let excluded: Vec<(usize, usize)> =
                theme.exclude.as_ref().map(|x| x.find_iter(text).map(|m| (m.start(), m.end())).collect()).unwrap_or_default();
            for m in theme.pattern.find_iter(text) {
                if excluded.iter().any(|&(a, b)| a <= m.start() && m.end() <= b) {
                    continue;
                }
                hits.push(ThemeHit {
                    theme: theme.id.clone(),
                    phrase: m.as_str().to_string(),
                    span: Span::new(offset + m.start(), offset + m.end()),
                });
            }
        }
        hits
    }

    /// Hits for each sentence of a document, in sentence order.
    pub fn tag_sentences(&self, doc: &Document) -> Vec<Vec<ThemeHit>> {
        doc.sentences.iter().map(|s| self.tag(doc.slice(s.span), s.span.start)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(t: &Taxonomy, s: &str) -> Vec<String> {
        let mut v: Vec<String> = t.tag(s, 0).into_iter().map(|h| h.theme).collect();
        v.dedup();
        v
    }

    #[test]
    fn default_taxonomy_has_the_fixed_ids() {
        let t = Taxonomy::default_themes();
        assert_eq!(
            t.ids(),
            [
                "delayed-discharge",
                "unscheduled-care",
                "workforce",
                "strategic-planning",
                "commissioning",
                "performance",
                "leadership",
                "governance",
                "finance",
                "engagement",
                "information-sharing",
                "localities",
                "vision-and-culture",
                "community-care",
                "end-of-life",
                "covid-19",
                "mental-health",
                "housing"
            ]
        );
    }

    #[test]
    fn paraphrases_and_inflections_match() {
        let t = Taxonomy::default_themes();
        assert_eq!(ids(&t, "There were delays in discharging older people from hospital."), ["delayed-discharge"]);
        assert_eq!(ids(&t, "Some patients stayed longer than necessary on the wards."), ["delayed-discharge"]);
        assert_eq!(ids(&t, "Recruiting and retaining social workers remains hard."), ["workforce"]);
        assert_eq!(ids(&t, "The board monitors its risk registers."), ["governance"]);
    }

    #[test]
    fn ambiguous_bare_words_do_not_match() {
        let t = Taxonomy::default_themes();
        assert!(ids(&t, "The plan was agreed and the data were published.").is_empty());
    }

    #[test]
    fn hits_keep_phrase_and_span() {
        let t = Taxonomy::default_themes();
        let s = "Officers cut delayed discharges.";
        let h = &t.tag(s, 100)[0];
        assert_eq!(h.phrase, "delayed discharges");
        assert_eq!(h.span, Span::new(113, 131));
    }

    #[test]
    fn bad_taxonomy_files_are_explained() {
        assert!(Taxonomy::parse("{}", "x.json").err().unwrap().to_string().contains("x.json"));
        let e = Taxonomy::parse(r#"{"themes":[{"id":"a","label":"A","patterns":["("]}]}"#, "y.json").err().unwrap();
        assert!(e.to_string().contains("bad pattern"));
    }
}
