//! Where word rules can match. A rule that starts on a word boundary with one of a known set
//! of words ("delayed discharge", "recruit...") can only match at a word start where one of
//! those words begins. Finding those places with one anchored automaton over every rule's
//! openings, and trying each rule only there, costs a fraction of walking every byte of every
//! sentence with each rule's automaton (case-insensitive alternations give the regex crate
//! no literals of its own to search for first).
//!
//! Openings are compared with ASCII case folded, as the taxonomy's rules fold case (they are
//! built without Unicode); for rules built with Unicode see [`of_pattern`].

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex_automata::meta;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// The openings of a pattern built with `case_insensitive(true)` and `unicode(false)`: byte
/// strings, one of which (ASCII case folded) starts every match, each starting with an ASCII
/// word byte. `None` when the pattern does not say: an opening set too large to list, an
/// empty opening, or one that starts otherwise (the rule must then be tried everywhere).
///
/// A pattern may start with `(?i)`, which asks for what the search does anyway. With Unicode
/// on, `(?i)` also folds the long s and the Kelvin sign into "s" and "k", which the search
/// does not; report text does not spell words with them.
pub fn of_pattern(pattern: &str) -> Option<Vec<Vec<u8>>> {
    // Parsed as written, without folding, so that "delayed" is one opening rather than its
    // 128 spellings; folding happens in the search instead.
    let pattern = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    let hir = regex_syntax::ParserBuilder::new().unicode(false).case_insensitive(false).build().parse(pattern).ok()?;
    // Beyond the default limit of 250, openings are cut to a few letters ("work", "case"),
    // which start many words of prose that the rule then refuses.
    let seq = Extractor::new().kind(ExtractKind::Prefix).limit_total(4096).extract(&hir);
    let mut out: Vec<Vec<u8>> = Vec::new();
    for lit in seq.literals()? {
        let bytes = lit.as_bytes().to_ascii_lowercase();
        if !bytes.first().is_some_and(|&b| is_word_byte(b)) {
            return None;
        }
        out.push(bytes);
    }
    // An opening that another starts is found wherever that one is: only the shorter is kept.
    out.sort_unstable();
    out.dedup_by(|longer, shorter| longer.starts_with(shorter));
    Some(out)
}

/// An ASCII word byte, as `(?-u:\b)` sees it.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Calls `start(i)` for each offset `i` in `text` where a word of ASCII word bytes starts, in
/// order.
pub fn each_word_start(text: &[u8], mut start: impl FnMut(usize)) {
    const BLOCK: usize = 32;
    // A block's word bytes as bits, which the compiler turns into a few vector instructions;
    // a word starts where a word bit follows a clear one (the bit before a block's first byte
    // is the last of the block before).
    let mut blocks = text.chunks_exact(BLOCK);
    let mut prev_word = 0u32;
    for (k, block) in blocks.by_ref().enumerate() {
        let words = block.iter().enumerate().fold(0u32, |m, (i, &b)| m | (u32::from(is_word_byte(b)) << i));
        let mut starts = words & !(words << 1 | prev_word);
        prev_word = words >> (BLOCK - 1);
        while starts != 0 {
            start(k * BLOCK + starts.trailing_zeros() as usize);
            starts &= starts - 1;
        }
    }
    let tail = text.len() - blocks.remainder().len();
    let mut prev = prev_word != 0;
    for (i, &b) in blocks.remainder().iter().enumerate() {
        let word = is_word_byte(b);
        if word && !prev {
            start(tail + i);
        }
        prev = word;
    }
}

/// The openings of several rules, found together.
pub struct Openings {
    words: Words,
    /// For each opening, the rules it opens, in rule order.
    rules: Vec<Vec<usize>>,
}

impl Openings {
    /// `rules[r]` holds rule `r`'s openings (from [`of_pattern`]).
    pub fn new(rules: &[Vec<Vec<u8>>]) -> Openings {
        let mut words: Vec<&[u8]> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
        for (r, openings) in rules.iter().enumerate() {
            for o in openings {
                let i = *index.entry(o.as_slice()).or_insert_with(|| {
                    words.push(o);
                    owners.push(Vec::new());
                    words.len() - 1
                });
                owners[i].push(r);
            }
        }
        Openings { words: Words::new(&words), rules: owners }
    }

    /// Calls `found(rule, start)` for each word start of `text` where an opening of `rule`
    /// begins, in order of start; a rule may be named more than once at a start.
    pub fn each(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let hay = text.as_bytes();
        each_word_start(hay, |s| {
            self.words.each_at(hay, s, |word, _| {
                for &r in &self.rules[word] {
                    found(r, s);
                }
            })
        });
    }
}

/// Words found where they start at a given place, ASCII case folded: a set of first three
/// bytes refuses most places at once, and an automaton walks the rest a byte at a time.
pub struct Words {
    dfa: DFA,
    heads: Heads,
}

impl Words {
    /// Panics on words too many for the automaton, as they are fixed at build time.
    pub fn new<W: AsRef<[u8]>>(words: &[W]) -> Words {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(words)
            .expect("word automaton");
        Words { dfa, heads: Heads::new(words) }
    }

    /// Calls `found(word, end)` for each word (by its index) that starts at `at` in `hay`,
    /// shortest first.
    pub fn each_at(&self, hay: &[u8], at: usize, mut found: impl FnMut(usize, usize)) {
        if !self.heads.could_start(hay, at) {
            return;
        }
        let dfa = &self.dfa;
        let Ok(mut sid) = dfa.start_state(Anchored::Yes) else { return };
        for (i, &b) in hay[at..].iter().enumerate() {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                return;
            }
            if dfa.is_match(sid) {
                let len = i + 1;
                for k in 0..dfa.match_len(sid) {
                    let word = dfa.match_pattern(sid, k);
                    // A match state also names the words that end here but start later.
                    if dfa.pattern_len(word) == len {
                        found(word.as_usize(), at + len);
                    }
                }
            }
        }
    }
}

/// One rule searched for at its openings only.
pub struct Opened {
    rule: meta::Regex,
    openings: Openings,
}

impl Opened {
    /// Panics on a bad pattern or one without openings, as such rules are fixed at build time.
    pub fn new(pattern: &str) -> Opened {
        let rule = meta::Regex::builder()
            .configure(meta::Regex::config().hybrid_cache_capacity(crate::rx::LAZY_DFA_CACHE))
            .build(pattern)
            .expect("rule pattern");
        let openings = of_pattern(pattern).expect("a rule with openings");
        Opened { rule, openings: Openings::new(&[openings]) }
    }

    fn starts(&self, text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        self.openings.each(text, |_, at| {
            if starts.last() != Some(&at) {
                starts.push(at);
            }
        });
        starts
    }

    /// The matches `find_iter` of the rule gives.
    pub fn find_iter(&self, text: &str) -> Vec<regex_automata::Match> {
        let starts = self.starts(text);
        if starts.is_empty() {
            return Vec::new();
        }
        find_from(&self.rule, text, starts.into_iter())
    }

    /// Whether the rule matches: its own search, which stops at the first match and so, unlike
    /// [`Opened::find_iter`], seldom walks a whole sentence; on report text it cost less than
    /// walking the openings first.
    pub fn is_match(&self, text: &str) -> bool {
        self.rule.is_match(text)
    }

    /// The rule itself, to check against.
    #[cfg(test)]
    pub fn rule(&self) -> &meta::Regex {
        &self.rule
    }
}

/// Checks that a rule searched at its openings finds what the rule finds searched everywhere,
/// on real report language and on `examples`.
#[cfg(test)]
pub(crate) fn assert_opened_agrees(name: &str, opened: &Opened, examples: &[&str]) {
    let texts = crate::rx::report_texts().iter().map(String::as_str).chain(examples.iter().copied());
    let mut found = 0;
    for t in texts {
        let want: Vec<(usize, usize)> = opened.rule().find_iter(t).map(|m| (m.start(), m.end())).collect();
        let got: Vec<(usize, usize)> = opened.find_iter(t).iter().map(|m| (m.start(), m.end())).collect();
        assert_eq!(got, want, "{name}: {t:?}");
        assert_eq!(opened.is_match(t), !want.is_empty(), "{name}: {t:?}");
        found += want.len();
    }
    assert!(found > 100, "{name}: too few matches to check on");
    eprintln!("{name}: the search at openings agrees with the rule, {found} matches");
}

/// The first three bytes of a set of words, as bits that fold ASCII case: each byte keeps its
/// low five bits, which a letter's two cases share. The set may let through a start that no
/// word has (the walk then finds nothing) but never refuses one that a word has. A word of
/// one or two bytes marks every third (and second) byte after it.
pub struct Heads(Box<[u64; 512]>);

impl Heads {
    pub fn new<W: AsRef<[u8]>>(words: &[W]) -> Heads {
        let mut bits = Box::new([0u64; 512]);
        let mut mark = |k: usize| bits[k / 64] |= 1 << (k % 64);
        for w in words {
            match *w.as_ref() {
                [] => (0..1 << 15).for_each(&mut mark),
                [a] => (0..1 << 10).for_each(|rest| mark(Self::fold(a) << 10 | rest)),
                [a, b] => (0..1 << 5).for_each(|c| mark(Self::fold(a) << 10 | Self::fold(b) << 5 | c)),
                [a, b, c, ..] => mark(Self::key(a, b, c)),
            }
        }
        Heads(bits)
    }

    fn fold(b: u8) -> usize {
        usize::from(b & 0x1f)
    }

    fn key(a: u8, b: u8, c: u8) -> usize {
        Self::fold(a) << 10 | Self::fold(b) << 5 | Self::fold(c)
    }

    /// Whether a word of the set may start at `at`. Within the last two bytes of `hay` the
    /// answer is always yes: too rare to be worth a second table.
    pub fn could_start(&self, hay: &[u8], at: usize) -> bool {
        match hay.get(at..at + 3) {
            Some(&[a, b, c]) => {
                let k = Self::key(a, b, c);
                self.0[k / 64] & (1 << (k % 64)) != 0
            }
            _ => true,
        }
    }
}

/// The matches `re.find_iter(text)` gives, found by anchored searches at `starts` only:
/// ascending offsets that include every place a match of `re` can start.
///
/// The unanchored search finds the leftmost start at or after the end of the last match and
/// the leftmost-first match there; trying the candidate starts in order, the first that
/// matches is that start, and the anchored search there gives that match. A pattern that can
/// match the empty string has the empty opening, so [`of_pattern`] gives no openings for it
/// and it is never searched this way.
pub fn find_from(re: &meta::Regex, text: &str, starts: impl Iterator<Item = usize>) -> Vec<regex_automata::Match> {
    let mut out = Vec::new();
    let mut from = 0;
    for s in starts {
        if s < from {
            continue;
        }
        if let Some(m) = re.search(&regex_automata::Input::new(text).range(s..).anchored(regex_automata::Anchored::Yes)) {
            from = m.end();
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_of_alternations_with_suffixes() {
        let o = of_pattern(r"(?-u:\b)(?:(?:delayed discharges?)|(?:recruit\w*)|(?:(?-i:IT) systems?))(?-u:\b)").unwrap();
        assert_eq!(o, [b"delayed discharge".to_vec(), b"it system".to_vec(), b"recruit".to_vec()]);
    }

    #[test]
    fn patterns_without_word_openings_say_so() {
        assert_eq!(of_pattern(r"\w+ing"), None);
        assert_eq!(of_pattern(r"(?:a|b)?c*"), None);
        assert_eq!(of_pattern(r" care"), None);
    }

    #[test]
    fn word_starts_are_ascii_word_boundaries() {
        let starts = |text: &[u8]| {
            let mut v = Vec::new();
            each_word_start(text, |i| v.push(i));
            v
        };
        assert_eq!(starts("A b_c, 2x \u{e9}d".as_bytes()), [0, 2, 7, 12]);
        // Across and at the edges of the blocks the scan reads at a time.
        for len in [31, 32, 33, 63, 64, 65, 97] {
            for gap in 1..5 {
                let text: Vec<u8> = (0..len).map(|i| if i % (gap + 2) < gap { b' ' } else { b'w' }).collect();
                let want: Vec<usize> = (0..len).filter(|&i| is_word_byte(text[i]) && (i == 0 || !is_word_byte(text[i - 1]))).collect();
                assert_eq!(starts(&text), want, "{len} {gap}");
            }
        }
    }

    #[test]
    fn heads_refuse_only_what_no_word_starts() {
        let h = Heads::new(&["Care", "it", "x"]);
        for yes in ["care", "CARE", "it is", "IT", "x-ray", "ca"] {
            assert!(h.could_start(yes.as_bytes(), 0), "{yes}");
        }
        for no in ["cat", "int", "the"] {
            assert!(!h.could_start(no.as_bytes(), 0), "{no}");
        }
    }

    #[test]
    fn openings_name_each_rule_at_its_starts() {
        let o = Openings::new(&[vec![b"care".to_vec(), b"care home".to_vec()], vec![b"care".to_vec()], vec![b"home".to_vec()]]);
        let text = "Care homes and home care.";
        let mut got = Vec::new();
        o.each(text, |r, s| got.push((r, s)));
        got.sort_unstable();
        got.dedup();
        assert_eq!(got, [(0, 0), (0, 20), (1, 0), (1, 20), (2, 5), (2, 15)]);
    }

    #[test]
    fn find_from_gives_what_find_iter_gives() {
        let pattern = r"(?i)(?-u:\b)(?:care(?: homes?)?|home ?care|homes)(?-u:\b)";
        let re = meta::Regex::new(pattern).unwrap();
        let plain = regex::Regex::new(pattern).unwrap();
        for text in ["Care homes and home care.", "homecare, care home care", "carehomes homes", ""] {
            let want: Vec<(usize, usize)> = plain.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let mut starts = Vec::new();
            each_word_start(text.as_bytes(), |i| starts.push(i));
            let got: Vec<(usize, usize)> = find_from(&re, text, starts.into_iter()).iter().map(|m| (m.start(), m.end())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
