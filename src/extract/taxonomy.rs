//! Themes: a taxonomy of ids, each with patterns written as regular expressions over words,
//! so one pattern covers a phrase's inflections ("delay(s|ed)? in discharg(e|ing)"). The
//! default taxonomy ships inside the binary; `--taxonomy FILE` loads another in the same JSON
//! shape (see `data/taxonomy.json`).

use super::openings::{self, Openings};
use crate::error::TaxonomyError;
use crate::model::{Document, Span, ThemeHit};
use crate::rx::LAZY_DFA_CACHE;
use regex_automata::meta::Regex;
use regex_automata::util::syntax;
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
    /// Whether every match starts with one of the taxonomy's openings for this theme; if
    /// not, the theme is searched for in all of every text.
    opened: bool,
}

pub struct Taxonomy {
    pub themes: Vec<Theme>,
    /// Where each theme can start: see [`openings`].
    openings: Openings,
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
        let mut theme_openings = Vec::new();
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
                Regex::builder()
                    .syntax(syntax::Config::new().case_insensitive(true).unicode(false))
                    .configure(Regex::config().nfa_size_limit(Some(1 << 24)).hybrid_cache_capacity(LAZY_DFA_CACHE))
                    .build(src)
                    // The syntax error, when there is one, shows where in the pattern it is.
                    .map_err(|e| e.syntax_error().map_or_else(|| e.to_string(), |s| s.to_string()))
            };
            let pattern = build(&source).map_err(|e| err(format!("theme '{}': bad pattern: {e}", t.id)))?;
            let exclude = if t.exclude.is_empty() {
                None
            } else {
                Some(build(&word_bounded(&t.exclude)).map_err(|e| err(format!("theme '{}': bad exclude pattern: {e}", t.id)))?)
            };
            let opens = openings::of_pattern(&source);
            themes.push(Theme { id: t.id, label: t.label, description: t.description, pattern, exclude, opened: opens.is_some() });
            theme_openings.push(opens.unwrap_or_default());
        }
        Ok(Taxonomy { themes, openings: Openings::new(&theme_openings) })
    }

    pub fn ids(&self) -> Vec<&str> {
        self.themes.iter().map(|t| t.id.as_str()).collect()
    }

    /// Theme hits in `text`, with spans relative to `offset`.
    pub fn tag(&self, text: &str, offset: usize) -> Vec<ThemeHit> {
        // Where each theme may start, in order: most sentences hold none of any theme's openings.
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); self.themes.len()];
        self.openings.each(text, |theme, at| {
            if starts[theme].last() != Some(&at) {
                starts[theme].push(at);
            }
        });
        let mut hits = Vec::new();
        for (theme, starts) in self.themes.iter().zip(&starts) {
            let found = if theme.opened {
                if starts.is_empty() {
                    continue;
                }
                openings::find_from(&theme.pattern, text, starts.iter().copied())
            } else {
                theme.pattern.find_iter(text).collect()
            };
            if found.is_empty() {
                continue;
            }
            let excluded: Vec<(usize, usize)> =
                theme.exclude.as_ref().map(|x| x.find_iter(text).map(|m| (m.start(), m.end())).collect()).unwrap_or_default();
            for m in found {
                if excluded.iter().any(|&(a, b)| a <= m.start() && m.end() <= b) {
                    continue;
                }
                hits.push(ThemeHit {
                    theme: theme.id.clone(),
                    phrase: text[m.range()].to_string(),
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
        assert_eq!(ids(&t, "Plans should measure the direct impact on families."), ["performance"]);
        assert_eq!(ids(&t, "The ward should involve patients in planning their discharge."), ["engagement"]);
        assert_eq!(ids(&t, "Patients waited for psychological therapy."), ["mental-health"]);
        assert_eq!(ids(&t, "Ambulance handovers were completed without delay."), ["unscheduled-care"]);
        assert_eq!(ids(&t, "Agency nurses completed a local induction."), ["workforce"]);
        assert_eq!(ids(&t, "Planning for discharge starts early."), ["delayed-discharge"]);
        assert_eq!(ids(&t, "The council reviewed domiciliary care."), ["community-care"]);
        assert_eq!(ids(&t, "The board should make better use of data."), ["performance"]);
        // Safety to speak up is the culture of a team, not mental health.
        assert!(ids(&t, "Staff felt psychologically safe to speak up.").is_empty());
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

    /// A taxonomy searched as it first was: a set of all patterns says which themes occur in
    /// a text, and each of those is searched for in all of it.
    struct WholeTextSearch {
        set: regex::RegexSet,
        themes: Vec<(String, regex::Regex, Option<regex::Regex>)>,
    }

    impl WholeTextSearch {
        fn new(json: &str) -> Self {
            let spec: TaxonomySpec = serde_json::from_str(json).unwrap();
            let build = |patterns: &[String]| {
                regex::RegexBuilder::new(&word_bounded(patterns)).case_insensitive(true).unicode(false).build().unwrap()
            };
            let sources: Vec<String> = spec.themes.iter().map(|t| word_bounded(&t.patterns)).collect();
            let set = regex::RegexSetBuilder::new(&sources).case_insensitive(true).unicode(false).build().unwrap();
            let themes = spec
                .themes
                .iter()
                .map(|t| (t.id.clone(), build(&t.patterns), (!t.exclude.is_empty()).then(|| build(&t.exclude))))
                .collect();
            WholeTextSearch { set, themes }
        }

        fn hits(&self, text: &str) -> Vec<(String, String, Span)> {
            let mut out = Vec::new();
            for i in self.set.matches(text).iter() {
                let (id, pattern, exclude) = &self.themes[i];
                let excluded: Vec<(usize, usize)> =
                    exclude.as_ref().map(|x| x.find_iter(text).map(|m| (m.start(), m.end())).collect()).unwrap_or_default();
                for m in pattern.find_iter(text) {
                    if !excluded.iter().any(|&(a, b)| a <= m.start() && m.end() <= b) {
                        out.push((id.clone(), m.as_str().to_string(), Span::new(m.start(), m.end())));
                    }
                }
            }
            out
        }
    }

    #[test]
    fn search_by_openings_finds_what_a_whole_text_search_finds() {
        let t = Taxonomy::default_themes();
        let opened = t.themes.iter().filter(|x| x.opened).count();
        assert!(opened * 2 > t.themes.len(), "most default themes have openings ({opened} of {})", t.themes.len());
        let mut texts: Vec<String> = vec![
            "IT systems and A&E and A & E; GPs, CAMHS, IJBs.".into(),
            "it systems, a&e, gps: care homes_ care-homes".into(),
            "Staff\u{a0}shortages and people\u{2019}s end of life; end of people’s lives".into(),
        ];
        texts.extend(crate::rx::report_texts().iter().cloned());
        let whole = WholeTextSearch::new(DEFAULT_TAXONOMY);
        let mut found = 0;
        for text in &texts {
            let got: Vec<(String, String, Span)> = t.tag(text, 0).into_iter().map(|h| (h.theme, h.phrase, h.span)).collect();
            let want = whole.hits(text);
            assert_eq!(got, want, "{text:?}");
            found += want.len();
        }
        eprintln!("taxonomy: search by openings agrees on {} texts, {found} hits", texts.len());
    }

    #[test]
    fn themes_without_openings_are_searched_everywhere() {
        let json = r#"{"themes":[{"id":"a","label":"A","patterns":["\\w+ward"]},{"id":"b","label":"B","patterns":["care"]}]}"#;
        let t = Taxonomy::parse(json, "t.json").unwrap();
        assert!(!t.themes[0].opened && t.themes[1].opened);
        let whole = WholeTextSearch::new(json);
        for text in ["Going forward, care.", "backward care afterwards"] {
            let got: Vec<(String, String, Span)> = t.tag(text, 0).into_iter().map(|h| (h.theme, h.phrase, h.span)).collect();
            assert_eq!(got, whole.hits(text), "{text}");
        }
    }

    #[test]
    fn bad_taxonomy_files_are_explained() {
        assert!(Taxonomy::parse("{}", "x.json").err().unwrap().to_string().contains("x.json"));
        let e = Taxonomy::parse(r#"{"themes":[{"id":"a","label":"A","patterns":["("]}]}"#, "y.json").err().unwrap();
        assert!(e.to_string().contains("bad pattern"));
    }
}
