//! How the pipeline builds its regular expressions.
//!
//! The extraction rules are long alternations (cue verbs, modal phrases, lexicons) run over
//! every sentence. The regex crate runs them on a lazy DFA whose states are built on demand
//! and kept in a cache; with the default cache (2 MB) these rules kept filling it, throwing it
//! away and building the same states again, which was a fifth to a third of all extraction
//! work. Every rule is built here with a cache large enough to keep its states.

use regex::{Regex, RegexBuilder};

/// Per rule and per thread, at most; most rules settle at a few hundred kilobytes.
pub const LAZY_DFA_CACHE: usize = 32 << 20;

/// `Regex::new` with a lazy DFA cache that holds the rule's states.
pub fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(LAZY_DFA_CACHE).build()
}

/// A rule behind a gate: words, one of which every match of the rule contains.
///
/// Case-insensitive alternations give the regex crate no literals to search for first (each
/// word has too many case variants), so without a gate the automaton walks every byte of every
/// sentence, and most sentences hold none of the rule's words. The gate must name a word of
/// every alternative; `gates_agree_with_their_rules` in the tests checks that on real sentences.
///
/// The gate looks for its words, lower-cased, in an ASCII-lower-cased copy of the text: an
/// ASCII case-insensitive search would find the same places, but the multi-word searcher has
/// no SIMD path for it and steps through every byte, where a case-sensitive search skips many
/// bytes at a time. Lower-casing a sentence costs less than one byte-by-byte pass.
/// The gate folds ASCII case only, where a `(?i)` rule also folds the long s and the Kelvin
/// sign into "s" and "k"; report text does not spell words with them.
pub struct Gated {
    words: Words,
    rule: Regex,
}

/// Words to find, spelled exactly, with the SIMD multi-word searcher where the CPU has one.
///
/// The general multi-word automaton picks its own first pass (a search for a few rare bytes),
/// and in English prose those bytes are everywhere, so it stopped at most of a sentence's
/// bytes; the packed searcher compares many bytes at once against all the words.
pub struct Words {
    packed: Option<aho_corasick::packed::Searcher>,
    automaton: aho_corasick::AhoCorasick,
}

impl Words {
    /// Panics on an empty word list, as the words are fixed at build time.
    pub fn new<W: AsRef<str>>(words: &[W]) -> Words {
        let words: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
        Words {
            packed: aho_corasick::packed::Searcher::new(&words),
            automaton: aho_corasick::AhoCorasick::new(&words).expect("plain words"),
        }
    }

    pub fn is_match(&self, haystack: &[u8]) -> bool {
        match &self.packed {
            Some(p) => p.find(haystack).is_some(),
            None => self.automaton.is_match(haystack),
        }
    }

    /// Where the first of the words found starts.
    pub fn first_start(&self, haystack: &[u8]) -> Option<usize> {
        match &self.packed {
            Some(p) => p.find(haystack).map(|m| m.start()),
            None => self.automaton.find(haystack).map(|m| m.start()),
        }
    }

    /// Where the last of the words found, left to right without overlaps, starts.
    pub fn last_start(&self, haystack: &[u8]) -> Option<usize> {
        match &self.packed {
            Some(p) => p.find_iter(haystack).last().map(|m| m.start()),
            None => self.automaton.find_iter(haystack).last().map(|m| m.start()),
        }
    }
}

impl Gated {
    /// Panics on a bad pattern or gate, as the rules are fixed at build time.
    pub fn new(words: &[&str], pattern: &str) -> Gated {
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        Gated { words: Words::new(&lower), rule: regex(pattern).expect("rule pattern") }
    }

    /// Whether the text holds a gate word; rules that share this gate run [`Self::rule`] after
    /// one check.
    pub fn opens(&self, text: &str) -> bool {
        thread_local! {
            static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        LOWER.with_borrow_mut(|lower| {
            lower.clear();
            // Copied, then lower-cased in place: a loop the compiler turns into vector
            // instructions, where lower-casing byte by byte while pushing was not.
            lower.extend_from_slice(text.as_bytes());
            lower.make_ascii_lowercase();
            self.words.is_match(lower.as_slice())
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.opens(text) && self.rule.is_match(text)
    }

    /// Matches of the rule; none without a gate word.
    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> + use<'r, 't> {
        let open = self.opens(text);
        open.then(|| self.rule.find_iter(text)).into_iter().flatten()
    }

    /// Captures of each match of the rule; none without a gate word.
    pub fn captures_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
        let open = self.opens(text);
        open.then(|| self.rule.captures_iter(text)).into_iter().flatten()
    }

    /// The rule without its gate, to check the gate against.
    pub fn rule(&self) -> &Regex {
        &self.rule
    }
}

/// Checks that a gate passes every text its rule matches: `examples`, one for each of the
/// rule's alternatives (each must match the rule), and real report language, the lines and
/// sentences of the bundled corpus and, when it sits beside the project, the shared one.
#[cfg(test)]
pub(crate) fn assert_gate_agrees(name: &str, gated: &Gated, examples: &[&str]) {
    for e in examples {
        assert!(gated.rule().is_match(e), "{name}: example {e:?} does not match the rule");
        assert!(gated.is_match(e), "{name}: the gate refuses {e:?}, which the rule matches");
    }
    let texts = report_texts();
    assert!(texts.len() > 100, "too few texts to check gates on");
    let mut matched = 0;
    for t in texts {
        let want = gated.rule().find_iter(t).count();
        assert_eq!(gated.find_iter(t).count(), want, "{name}: the gate disagrees with its rule on {t:?}");
        assert_eq!(gated.is_match(t), want > 0, "{name}: the gate disagrees with its rule on {t:?}");
        matched += usize::from(want > 0);
    }
    eprintln!("{name}: gate agrees with its rule on {} texts, {matched} matched", texts.len());
}

/// Real report language to check rules against: every line, and every ". "-separated piece of
/// it, of the bundled corpus and, when it sits beside the project, the shared one.
#[cfg(test)]
pub(crate) fn report_texts() -> &'static [String] {
    static TEXTS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let shared = root.join("../shared/corpus");
        let mut dirs = vec![root.join("corpus")];
        if shared.is_dir() {
            dirs.push(shared);
        } else {
            eprintln!("note: ../shared/corpus is absent; rules are checked on the bundled corpus only");
        }
        let (files, _) = crate::ingest::discover(&dirs);
        let mut texts = Vec::new();
        for path in files {
            if path.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                for line in text.lines() {
                    texts.push(line.to_string());
                    texts.extend(line.split_inclusive(". ").map(str::to_string));
                }
            }
        }
        texts
    });
    &TEXTS
}
