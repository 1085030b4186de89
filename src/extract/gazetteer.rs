//! The gazetteer of UK health and social care areas: Scottish council areas
//! (which are also the health and social care partnership areas), English local
//! authorities with social care responsibility, Welsh principal areas and the
//! Northern Ireland health and social care trusts.
//!
//! The list lives in `data/gazetteer.tsv` (`name<TAB>kind<TAB>nation<TAB>aliases`,
//! aliases `;`-separated) and is compiled into the binary.
//!
//! Matching rules, shared with [`super::regulators`] through [`PhraseMatcher`]:
//! - names and aliases are found ASCII-case-insensitively, then a match is kept only
//!   if every capital letter of the name as written in the data is a capital in the
//!   text too, or the matched text is all capitals ("PERTH AND KINROSS"); so "Bury"
//!   and "Reading" are found, "to bury" and "reading" are not;
//! - a match must start and end on a word boundary, and a name followed by a
//!   hyphenated place-name link ("Newcastle-under-Lyme", "Bradford-on-Avon") is
//!   not that name;
//! - runs of white space in the text count as one space, and "&"/"and", hyphen/space
//!   and curly/straight apostrophe variants of every name and alias are generated;
//! - overlapping candidates resolve leftmost-longest ("North East Lincolnshire",
//!   not "Lincolnshire");
//! - a few longer phrases that contain an area name but are not the area
//!   ("Sutton Coldfield", "Greater Manchester") are matched and then dropped.

use super::openings::Words;
#[cfg(test)]
use aho_corasick::AhoCorasick;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../data/gazetteer.tsv");

/// Phrases that contain an area name but do not name the area. They take part in
/// leftmost-longest resolution and are then dropped.
const NOT_AREAS: &[&str] = &[
    "Greater Manchester",
    "Sutton Coldfield",
    "Sutton Trust",
    "Bury St Edmunds",
    "Bury St. Edmunds",
    "Newport Pagnell",
    "New York",
    "Newcastle-under-Lyme",
    "Brent Cross",
    "Greenwich Mean Time",
    "Somerset House",
    "Reading the",
    "Reading this",
    "Reading these",
    "Reading through",
];

/// An area named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaMatch {
    /// The area's canonical name.
    pub name: &'static str,
    /// Byte offset of the mention's start in the text.
    pub start: usize,
    /// Byte offset just past the mention's end.
    pub end: usize,
}

struct Area {
    name: &'static str,
    kind: &'static str,
    nation: &'static str,
}

/// The areas, their aliases and a matcher over them; see the module docs.
pub struct Gazetteer {
    areas: Vec<Area>,
    /// Pattern values: the area's index, or `None` for a phrase that is not an area.
    matcher: PhraseMatcher<Option<usize>>,
    /// Normalised name or alias -> area index.
    lookup: HashMap<String, usize>,
    /// The same keys in data order, for deterministic suggestions.
    keys: Vec<(String, usize)>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::from_tsv(DATA));

impl Gazetteer {
    /// The gazetteer built from the bundled data, built once.
    pub fn get() -> &'static Gazetteer {
        &GAZETTEER
    }

    fn from_tsv(data: &'static str) -> Gazetteer {
        let mut areas: Vec<Area> = Vec::new();
        let mut phrases: Vec<(&'static str, Option<usize>)> = Vec::new();
        let mut lookup: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<(String, usize)> = Vec::new();
        for line in data.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("name\t") {
                continue;
            }
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("").trim();
            let kind = cols.next().unwrap_or("").trim();
            let nation = cols.next().unwrap_or("").trim();
            let aliases = cols.next().unwrap_or("");
            assert!(!name.is_empty(), "gazetteer: empty name in line {line:?}");
            let idx = areas.len();
            areas.push(Area { name, kind, nation });
            let all = std::iter::once(name).chain(aliases.split(';').map(str::trim).filter(|a| !a.is_empty()));
            for phrase in all {
                phrases.push((phrase, Some(idx)));
                let key = normalise_key(phrase);
                match lookup.get(&key) {
                    Some(&other) if other != idx => panic!("gazetteer: {phrase:?} names both {} and {}", areas[other].name, name),
                    Some(_) => {}
                    None => {
                        lookup.insert(key.clone(), idx);
                        keys.push((key, idx));
                    }
                }
            }
        }
        phrases.extend(NOT_AREAS.iter().map(|p| (*p, None)));
        Gazetteer { areas, matcher: PhraseMatcher::new(phrases), lookup, keys }
    }

    /// Every mention of an area in `text`: byte spans into `text`, in order,
    /// leftmost-longest and non-overlapping.
    pub fn find_all(&self, text: &str) -> Vec<AreaMatch> {
        self.find_all_in(&Collapsed::new(text))
    }

    /// [`Gazetteer::find_all`] on text already collapsed.
    pub fn find_all_in(&self, text: &Collapsed<'_>) -> Vec<AreaMatch> {
        self.matcher
            .find_in(text)
            .into_iter()
            .filter_map(|m| m.value.map(|i| AreaMatch { name: self.areas[i].name, start: m.start, end: m.end }))
            .collect()
    }

    /// The canonical name of an exact name or alias, ignoring case, runs of white
    /// space, "&"/"and", hyphens, commas and a leading "the".
    pub fn canonical(&self, name: &str) -> Option<&'static str> {
        self.lookup.get(&normalise_key(name)).map(|&i| self.areas[i].name)
    }

    /// The canonical name nearest to `name` (an exact match, or else the least edit
    /// distance to a name or alias, within a tolerance that grows with length), for
    /// "did you mean" messages.
    pub fn suggest(&self, name: &str) -> Option<&'static str> {
        let key = normalise_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.lookup.get(&key) {
            return Some(self.areas[i].name);
        }
        let len = key.chars().count();
        let tolerance = match len {
            0..=4 => 1,
            5..=8 => 2,
            _ => 3,
        };
        let mut best: Option<(usize, usize)> = None;
        for (k, i) in &self.keys {
            let d = levenshtein(&key, k);
            if d <= tolerance && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, *i));
            }
        }
        best.map(|(_, i)| self.areas[i].name)
    }

    /// All canonical names, in data order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.areas.iter().map(|a| a.name)
    }

    /// The nation ("England", "Scotland", "Wales", "Northern Ireland") of an area
    /// given by its canonical name or an alias.
    pub fn nation(&self, name: &str) -> Option<&'static str> {
        self.lookup.get(&normalise_key(name)).map(|&i| self.areas[i].nation)
    }

    /// The kind of an area ("council_area", "county", "metropolitan_borough",
    /// "london_borough", "sui_generis", "unitary", "principal_area", "hsc_trust").
    pub fn kind(&self, name: &str) -> Option<&'static str> {
        self.lookup.get(&normalise_key(name)).map(|&i| self.areas[i].kind)
    }
}

/// The lookup key of a name: lower case, "&" as "and", hyphens as spaces, no
/// commas or full stops, curly apostrophes straightened, no leading "the", single spaces.
pub(crate) fn normalise_key(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '&' => s.push_str(" and "),
            '-' | '\u{2010}' | '\u{2011}' => s.push(' '),
            ',' | '.' => {}
            '\u{2019}' | '\u{2018}' => s.push('\''),
            c => s.extend(c.to_lowercase()),
        }
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// One accepted phrase match, with byte offsets into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhraseHit<V> {
    pub value: V,
    pub start: usize,
    pub end: usize,
}

/// A set of phrases, each with a value, found in text by the rules in the module
/// docs: capitals as written, word boundaries, white-space runs, generated
/// variants, leftmost-longest.
pub(crate) struct PhraseMatcher<V> {
    /// Every phrase starts with a capital, which a match needs in the text as well (see
    /// [`capitals_ok`]), and a match starts a word: so only the text's capitalised word starts,
    /// about one in fifty bytes of prose, are tried, those whose first three letters start a
    /// phrase each with an anchored walk of a few bytes. Walking the whole text cost four
    /// times as much.
    words: Words,
    /// Each pattern as written (after variant generation), for the capitals check.
    cased: Vec<String>,
    values: Vec<V>,
}

impl<V: Copy + PartialEq + std::fmt::Debug> PhraseMatcher<V> {
    /// A matcher over `phrases`. A leading "the " is dropped from a phrase (it would
    /// otherwise win leftmost-longest over a longer name starting one word later).
    /// Panics if one phrase (ignoring case) is given two different values.
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut cased: Vec<String> = Vec::new();
        let mut values: Vec<V> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (phrase, value) in phrases {
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            let phrase = match phrase.get(..4) {
                Some(the) if the.eq_ignore_ascii_case("the ") && phrase.len() > 4 => phrase[4..].to_string(),
                _ => phrase,
            };
            for variant in variants(&phrase) {
                let key = variant.to_ascii_lowercase();
                match seen.get(&key) {
                    Some(&i) => {
                        assert!(values[i] == value, "phrase {variant:?} has two values: {:?} and {value:?}", values[i]);
                        // Keep the less demanding spelling ("Ofsted" over "OFSTED").
                        if capitals(&variant) < capitals(&cased[i]) {
                            cased[i] = variant;
                        }
                    }
                    None => {
                        seen.insert(key, cased.len());
                        cased.push(variant);
                        values.push(value);
                    }
                }
            }
        }
        if let Some(c) = cased.iter().find(|c| !c.starts_with(|ch: char| ch.is_ascii_uppercase())) {
            panic!("phrase {c:?} must start with a capital: only capitalised word starts are searched");
        }
        PhraseMatcher { words: Words::new(&cased), cased, values }
    }

    /// Accepted matches in text collapsed by [`Collapsed::new`] (so several matchers share one
    /// pass), in order, leftmost-longest and non-overlapping.
    pub(crate) fn find_in(&self, text: &Collapsed<'_>) -> Vec<PhraseHit<V>> {
        let breaks = &text.breaks;
        let mut cands = self.candidates(text);
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        let mut covered = 0;
        for (s, e, p) in cands {
            if s < covered {
                continue;
            }
            covered = e;
            out.push(PhraseHit { value: self.values[p], start: map_offset(breaks, s), end: map_offset(breaks, e - 1) + 1 });
        }
        out
    }

    /// Every occurrence of a phrase that passes the boundary and capitals tests, as
    /// `(start, end, pattern)`, in no particular order.
    fn candidates(&self, text: &Collapsed<'_>) -> Vec<(usize, usize, usize)> {
        let hay = text.norm.as_ref();
        let mut out = Vec::new();
        let mut keep = |s: usize, e: usize, p: usize| {
            if hay.is_char_boundary(s) && hay.is_char_boundary(e) && at_boundaries(hay, s, e) && capitals_ok(&self.cased[p], &hay[s..e]) {
                out.push((s, e, p));
            }
        };
        for &s in &text.capital_starts {
            self.words.each_at(hay.as_bytes(), s, |p, e| keep(s, e, p));
        }
        out
    }
}

#[cfg(test)]
fn phrase_automaton(phrases: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::Standard)
        // A DFA costs memory once (a few hundred names) and walks several times faster than
        // the default NFA.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(phrases)
        .expect("phrase automaton")
}

/// Offsets of ASCII capitals that no ASCII letter or digit precedes. A capital after a
/// non-ASCII character is kept: whether that character is a letter is [`at_boundaries`]'s call.
fn capitalised_word_starts(bytes: &[u8]) -> Vec<usize> {
    const BLOCK: usize = 32;
    let is_capital = |b: u8| b.wrapping_sub(b'A') < 26;
    let mut out = Vec::new();
    let mut keep = |i: usize| {
        if i == 0 || !bytes[i - 1].is_ascii_alphanumeric() {
            out.push(i);
        }
    };
    // A block's capitals as bits, which the compiler turns into a few vector instructions;
    // prose has a capital every fifty bytes or so.
    let mut blocks = bytes.chunks_exact(BLOCK);
    for (k, block) in blocks.by_ref().enumerate() {
        let mut mask = block.iter().enumerate().fold(0u32, |m, (i, &b)| m | (u32::from(is_capital(b)) << i));
        while mask != 0 {
            keep(k * BLOCK + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
    }
    let tail = bytes.len() - blocks.remainder().len();
    for (i, &b) in blocks.remainder().iter().enumerate() {
        if is_capital(b) {
            keep(tail + i);
        }
    }
    out
}

fn capitals(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_uppercase).count()
}

/// The spelling variants of a phrase: "and"/"&", hyphen/space, curly/straight apostrophe.
fn variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    let swaps: [(&str, &str); 6] = [(" and ", " & "), (" & ", " and "), ("-", " "), ("\u{2019}", "'"), ("'", "\u{2019}"), (",", "")];
    for (from, to) in swaps {
        let extra: Vec<String> = out.iter().filter(|v| v.contains(from)).map(|v| v.replace(from, to)).collect();
        for v in extra {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Hyphenated links that make a name part of a longer place name.
const PLACE_LINKS: &[&str] = &["-in-", "-on-", "-upon-", "-under-", "-le-", "-by-", "-super-"];

fn at_boundaries(hay: &str, start: usize, end: usize) -> bool {
    if hay[..start].chars().next_back().is_some_and(is_word_char) {
        return false;
    }
    let rest = &hay[end..];
    if rest.chars().next().is_some_and(is_word_char) {
        return false;
    }
    !PLACE_LINKS.iter().any(|link| rest.get(..link.len()).is_some_and(|r| r.eq_ignore_ascii_case(link)))
}

/// Every capital in the pattern as written must be a capital in the text, unless
/// the text is all capitals.
fn capitals_ok(pattern: &str, found: &str) -> bool {
    if !found.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    pattern.len() == found.len() && pattern.bytes().zip(found.bytes()).all(|(p, f)| !p.is_ascii_uppercase() || f.is_ascii_uppercase())
}

/// A text as phrase matchers see it: every run of white space other than a single space
/// made one space, with the break points that map offsets back to the text. A document's
/// text is collapsed once and searched by every matcher.
pub struct Collapsed<'a> {
    norm: Cow<'a, str>,
    breaks: Vec<(usize, usize)>,
    /// Where in `norm` a phrase that starts with a capital may start.
    capital_starts: Vec<usize>,
}

impl<'a> Collapsed<'a> {
    pub fn new(text: &'a str) -> Self {
        let (norm, breaks) = collapse_whitespace(text);
        let capital_starts = capitalised_word_starts(norm.as_bytes());
        Collapsed { norm, breaks, capital_starts }
    }
}

/// `text` with every run of white space other than a single space replaced by one
/// space, and the break points `(offset in result, offset in text)` after which
/// offsets shift.
fn collapse_whitespace(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    // Most sentences have nothing to collapse, and whole documents have long stretches
    // without white space: both are scanned byte by byte and copied in slices.
    if !needs_collapsing(text) {
        return (Cow::Borrowed(text), vec![(0, 0)]);
    }
    let mut out = String::with_capacity(text.len());
    let mut breaks = vec![(0, 0)];
    let mut copied = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(len) = whitespace_at(text, i) else {
            i = next_collapse_candidate(bytes, i + 1);
            continue;
        };
        let start = i;
        i += len;
        while let Some(len) = whitespace_at(text, i) {
            i += len;
        }
        if text.as_bytes()[start] == b' ' && i == start + 1 {
            continue;
        }
        out.push_str(&text[copied..start]);
        out.push(' ');
        breaks.push((out.len(), i));
        copied = i;
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), breaks)
}

/// The first byte from `from` on where a run of white space to collapse may start: a control
/// byte, a lead byte (the character may be Unicode white space), or a space before either or
/// before another space. A single space between words, the commonest byte of prose after
/// letters, is not one, so the scan goes on past it, a block of bytes at a time.
fn next_collapse_candidate(bytes: &[u8], from: usize) -> usize {
    const BLOCK: usize = 32;
    let candidate = |b: u8, next: u8| !(b' '..0xc0).contains(&b) || (b == b' ' && !(b'!'..0xc0).contains(&next));
    let mut i = from;
    // Each block looks one byte past its end, for a space's successor.
    while i + BLOCK < bytes.len() {
        let block = &bytes[i..=i + BLOCK];
        if block.windows(2).fold(false, |any, w| any | candidate(w[0], w[1])) {
            break;
        }
        i += BLOCK;
    }
    while i < bytes.len() {
        if candidate(bytes[i], bytes.get(i + 1).copied().unwrap_or(0)) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// The length of the white-space character starting at byte `i`, if there is one.
fn whitespace_at(text: &str, i: usize) -> Option<usize> {
    match *text.as_bytes().get(i)? {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(1),
        0xc0.. => text[i..].chars().next().filter(|c| c.is_whitespace()).map(char::len_utf8),
        _ => None,
    }
}

/// Whether `text` has white space other than single ASCII spaces: some candidate of
/// [`next_collapse_candidate`] starts white space that is not a space alone.
fn needs_collapsing(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = next_collapse_candidate(bytes, 0);
    while i < bytes.len() {
        if let Some(len) = whitespace_at(text, i)
            && (bytes[i] != b' ' || whitespace_at(text, i + len).is_some())
        {
            return true;
        }
        i = next_collapse_candidate(bytes, i + 1);
    }
    false
}

fn map_offset(breaks: &[(usize, usize)], pos: usize) -> usize {
    let k = breaks.partition_point(|&(n, _)| n <= pos) - 1;
    let (n, o) = breaks[k];
    o + (pos - n)
}

/// Checks a matcher's candidates against a walk of the whole text by an unanchored automaton
/// over the same phrases, on real report language and on edge cases of word starts.
#[cfg(test)]
pub(crate) fn assert_candidates_agree_with_whole_text_walk<V: Copy + PartialEq + std::fmt::Debug>(name: &str, m: &PhraseMatcher<V>) {
    let whole = phrase_automaton(&m.cased);
    let walk = |hay: &str| {
        let mut v: Vec<(usize, usize, usize)> = whole
            .find_overlapping_iter(hay)
            .filter(|x| {
                let (s, e) = (x.start(), x.end());
                hay.is_char_boundary(s)
                    && hay.is_char_boundary(e)
                    && at_boundaries(hay, s, e)
                    && capitals_ok(&m.cased[x.pattern().as_usize()], &hay[s..e])
            })
            .map(|x| (x.start(), x.end(), x.pattern().as_usize()))
            .collect();
        v.sort_unstable();
        v
    };
    let mut texts: Vec<String> = m
        .cased
        .iter()
        .flat_map(|c| {
            let upper = c.to_ascii_uppercase();
            [c.clone(), format!("In {c}, and {upper}."), format!("x{c} 2{c} _{c} é{c} \u{a0}{c}-in-Arden ({c}) {}", c.to_ascii_lowercase())]
        })
        .collect();
    texts.extend(crate::rx::report_texts().iter().cloned());
    let mut found = 0;
    for t in &texts {
        let hay = Collapsed::new(t);
        let mut got = m.candidates(&hay);
        got.sort_unstable();
        let want = walk(&hay.norm);
        assert_eq!(got, want, "{name}: {t:?}");
        found += want.len();
    }
    eprintln!("{name}: candidates agree on {} texts, {found} found", texts.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::get()
    }

    fn found(text: &str) -> Vec<&'static str> {
        g().find_all(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn data_counts_by_nation_and_kind() {
        let count = |nation: &str| g().areas.iter().filter(|a| a.nation == nation).count();
        assert_eq!(count("Scotland"), 32);
        assert_eq!(count("Wales"), 22);
        assert_eq!(count("Northern Ireland"), 5);
        assert_eq!(count("England"), 153);
        assert_eq!(g().names().count(), 212);
        let kinds =
            ["council_area", "county", "metropolitan_borough", "london_borough", "sui_generis", "unitary", "principal_area", "hsc_trust"];
        for a in &g().areas {
            assert!(kinds.contains(&a.kind), "{} has kind {:?}", a.name, a.kind);
        }
        let mut names: Vec<_> = g().names().collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 212, "duplicate canonical names");
    }

    #[test]
    fn every_name_finds_itself() {
        for name in g().names() {
            let text = format!("The partnership in {name} met twice.");
            let hits = g().find_all(&text);
            assert_eq!(hits.len(), 1, "{name}: {hits:?}");
            assert_eq!(hits[0].name, name);
            assert_eq!(&text[hits[0].start..hits[0].end], name);
            assert_eq!(g().canonical(name), Some(name));
        }
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        assert_eq!(found("Inspectors visited Perth & Kinross and the Western Isles in May."), ["Perth and Kinross", "Na h-Eileanan Siar"]);
        assert_eq!(found("Comhairle nan Eilean Siar agreed the plan."), ["Na h-Eileanan Siar"]);
        assert_eq!(found("Staff from the City of Edinburgh and Glasgow City councils took part."), ["Edinburgh", "Glasgow"]);
        assert_eq!(
            found("The Royal Borough of Kensington and Chelsea and Hull were compared."),
            ["Kensington and Chelsea", "Kingston upon Hull"]
        );
        assert_eq!(found("Telford & Wrekin Council responded."), ["Telford and Wrekin"]);
        assert_eq!(found("Services in County Durham improved."), ["Durham"]);
        assert_eq!(found("Durham County Council responded."), ["Durham"]);
        assert_eq!(found("The City of Bristol set targets."), ["Bristol"]);
        assert_eq!(found("Rhondda Cynon Taff has a new plan."), ["Rhondda Cynon Taf"]);
        assert_eq!(found("Dundee City and Aberdeen City Council"), ["Dundee", "Aberdeen"]);
        assert_eq!(found("Richmond-upon-Thames"), ["Richmond upon Thames"]);
        assert_eq!(found("Stockton on Tees and Southend"), ["Stockton-on-Tees", "Southend-on-Sea"]);
        assert_eq!(found("Ynys Môn and Anglesey"), ["Isle of Anglesey", "Isle of Anglesey"]);
    }

    #[test]
    fn trusts_need_their_full_names() {
        assert!(found("Northern and Southern regions were visited.").is_empty());
        assert!(found("The Belfast office opened.").is_empty());
        assert_eq!(
            found("The Northern Health and Social Care Trust and the Western HSC Trust met."),
            ["Northern Health and Social Care Trust", "Western Health and Social Care Trust"]
        );
        assert_eq!(found("South Eastern Health & Social Care Trust"), ["South Eastern Health and Social Care Trust"]);
        assert_eq!(found("the Belfast Trust said"), ["Belfast Health and Social Care Trust"]);
    }

    #[test]
    fn word_boundaries() {
        assert!(found("We drove through Suttonford and Hullbridge.").is_empty());
        assert!(found("Fifeshire and Angusville are not areas.").is_empty());
        assert_eq!(found("Sutton's plan; (Hull)."), ["Sutton", "Kingston upon Hull"]);
        assert!(found("A visit to Newcastle-under-Lyme and Bradford-on-Avon.").is_empty());
        assert_eq!(found("A Fife-wide review."), ["Fife"]);
        assert!(found("Sutton Coldfield and Greater Manchester").is_empty());
    }

    #[test]
    fn lowercase_common_words_are_not_areas() {
        assert!(found("We will bury the time capsule.").is_empty());
        assert!(found("Staff were reading the report.").is_empty());
        assert!(found("Reading the report, we saw gaps.").is_empty());
        assert!(found("the highland cattle grazed; a moray eel; a brent goose.").is_empty());
        assert!(found("derby day in a poole of light near a bolton").is_empty());
        assert_eq!(found("Reading Borough Council and Bury Council"), ["Reading", "Bury"]);
        assert_eq!(found("NHS Highland covers Highland."), ["Highland", "Highland"]);
    }

    #[test]
    fn capitals_follow_the_data_but_all_caps_text_matches() {
        assert_eq!(found("PERTH AND KINROSS HSCP"), ["Perth and Kinross"]);
        assert_eq!(found("Kingston Upon Hull"), ["Kingston upon Hull"]);
        assert!(found("perth and kinross").is_empty());
        assert!(found("Perth and kinross").is_empty());
    }

    #[test]
    fn leftmost_longest() {
        assert_eq!(found("North East Lincolnshire"), ["North East Lincolnshire"]);
        assert_eq!(found("North Lincolnshire and Lincolnshire"), ["North Lincolnshire", "Lincolnshire"]);
        assert_eq!(found("in north Lincolnshire"), ["Lincolnshire"]);
        assert_eq!(found("Kingston upon Thames, Kingston upon Hull"), ["Kingston upon Thames", "Kingston upon Hull"]);
        assert_eq!(found("Bath and North East Somerset"), ["Bath and North East Somerset"]);
        assert_eq!(found("Cheshire West and Chester"), ["Cheshire West and Chester"]);
        assert!(found("Northamptonshire").is_empty());
        assert_eq!(found("North Northamptonshire"), ["North Northamptonshire"]);
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "In Perth\u{a0}&\n  Kinross, and in Brighton and Hove, “Sutton” was cited.";
        let hits = g().find_all(text);
        let got: Vec<(&str, &str)> = hits.iter().map(|m| (m.name, &text[m.start..m.end])).collect();
        assert_eq!(
            got,
            [("Perth and Kinross", "Perth\u{a0}&\n  Kinross"), ("Brighton and Hove", "Brighton and Hove"), ("Sutton", "Sutton"),]
        );
    }

    #[test]
    fn canonical_is_exact_but_forgiving_of_form() {
        assert_eq!(g().canonical("perth & kinross"), Some("Perth and Kinross"));
        assert_eq!(g().canonical("  PERTH   AND KINROSS "), Some("Perth and Kinross"));
        assert_eq!(g().canonical("Stockton on Tees"), Some("Stockton-on-Tees"));
        assert_eq!(g().canonical("the Western Isles"), Some("Na h-Eileanan Siar"));
        assert_eq!(g().canonical("county durham"), Some("Durham"));
        assert_eq!(g().canonical("Bournemouth Christchurch & Poole"), Some("Bournemouth, Christchurch and Poole"));
        assert_eq!(g().canonical("Perth and Kinros"), None);
        assert_eq!(g().canonical("Richmond"), None);
        assert_eq!(g().canonical("Northern"), None);
        assert_eq!(g().canonical(""), None);
    }

    #[test]
    fn suggest_finds_near_misses() {
        assert_eq!(g().suggest("Perth and Kinros"), Some("Perth and Kinross"));
        assert_eq!(g().suggest("Clackmananshire"), Some("Clackmannanshire"));
        assert_eq!(g().suggest("Edinbrugh"), Some("Edinburgh"));
        assert_eq!(g().suggest("Fyfe"), Some("Fife"));
        assert_eq!(g().suggest("Glasgow City"), Some("Glasgow"));
        assert_eq!(g().suggest("Atlantis"), None);
        assert_eq!(g().suggest(""), None);
    }

    #[test]
    fn nation_and_kind() {
        assert_eq!(g().nation("Newport"), Some("Wales"));
        assert_eq!(g().nation("Fife"), Some("Scotland"));
        assert_eq!(g().kind("City of London"), Some("sui_generis"));
        assert_eq!(g().kind("Southern HSC Trust"), Some("hsc_trust"));
    }

    #[test]
    fn capitalised_starts_find_what_a_whole_text_walk_finds() {
        assert_candidates_agree_with_whole_text_walk("gazetteer", &g().matcher);
    }

    #[test]
    fn capitalised_word_starts_skip_capitals_inside_words() {
        let starts: Vec<usize> = capitalised_word_starts(b"Ab McD 3C _E \xc3\xa9F G");
        assert_eq!(starts, [0, 3, 11, 15, 17]);
    }

    #[test]
    fn collapse_whitespace_finds_runs_anywhere_in_a_long_text() {
        // The scan skips plain prose a block of bytes at a time; a run must be found at any
        // place in or across a block, whatever it is made of.
        for run in ["  ", "\n", " \t", "\u{a0}", " \u{2003}"] {
            for at in 1..80 {
                let text = format!("{}{run}{}", "word ".repeat(20).get(..at).unwrap().trim_end_matches(' '), "tail words here and more");
                let want: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let (n, b) = collapse_whitespace(&text);
                assert_eq!(n, want, "{text:?}");
                let tail = n.find("tail").unwrap();
                assert_eq!(&text[map_offset(&b, tail)..], "tail words here and more", "{text:?}");
            }
        }
    }

    #[test]
    fn collapse_whitespace_maps_offsets() {
        let (n, b) = collapse_whitespace("a  b\tc d");
        assert_eq!(n, "a b c d");
        assert_eq!(map_offset(&b, 2), 3);
        assert_eq!(map_offset(&b, 4), 5);
        assert_eq!(map_offset(&b, 6), 7);
        let (n, _) = collapse_whitespace("plain text");
        assert!(matches!(n, Cow::Borrowed(_)));
        for (text, collapses) in [
            ("plain ’quoted’ café text", false),
            ("two  spaces", true),
            ("no\u{a0}break", true),
            ("line\nbreak", true),
            ("tab\tx", true),
            ("end ", false),
            ("", false),
        ] {
            assert_eq!(needs_collapsing(text), collapses, "{text:?}");
            assert_eq!(matches!(collapse_whitespace(text).0, Cow::Owned(_)), collapses, "{text:?}");
        }
    }
}
