//! The index's analyzer, in one pass over the text: words are runs of alphanumeric characters;
//! words of 40 bytes or more are dropped (run-together junk and identifiers, not words); the
//! rest are lower-cased and stemmed with the English Snowball stemmer.
//!
//! Its tokens (text, offsets and positions) are those of tantivy's `SimpleTokenizer`,
//! `RemoveLongFilter::limit(40)`, `LowerCaser` and English `Stemmer` chained, which a test
//! holds it to, so an index and its queries agree whichever of the two produced them. The
//! chain handed each word through four streams, copying it into the token, lower-casing it and
//! stemming it, for every word of every sentence of a corpus. Here a word is looked up as
//! written in a memo of the words seen before, so most words cost one hash lookup and one
//! copy: reports use a small vocabulary over and over.

use foldhash::{HashMap, HashMapExt};
use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Words this long (in bytes of UTF-8, as written) or longer are not indexed.
pub const MAX_WORD_BYTES: usize = 40;

/// Forget everything past this many distinct words, so a corpus of odd tokens cannot grow the
/// memo without bound (each indexing thread has its own).
const MAX_REMEMBERED: usize = 100_000;

#[derive(Clone)]
pub struct StemmingTokenizer {
    token: Token,
    memo: Memo,
}

impl Default for StemmingTokenizer {
    fn default() -> Self {
        StemmingTokenizer { token: Token::default(), memo: Memo::new() }
    }
}

impl Tokenizer for StemmingTokenizer {
    type TokenStream<'a> = Words<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Words<'a> {
        self.token.reset();
        Words { text, at: 0, token: &mut self.token, memo: &mut self.memo }
    }
}

pub struct Words<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
    memo: &'a mut Memo,
}

impl TokenStream for Words<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, to)) = next_word(self.text, self.at) {
            self.at = to;
            // A dropped word still takes its position, as it does in tantivy's chain, so a
            // phrase does not match across it.
            self.token.position = self.token.position.wrapping_add(1);
            if to - from >= MAX_WORD_BYTES {
                continue;
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.memo.stem_into(&self.text[from..to], &mut self.token.text);
            return true;
        }
        self.at = self.text.len();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// What a byte says of the character it starts, looked up rather than tested in the loops
/// below, which see every byte of every indexed sentence.
const NOT_WORD: u8 = 0;
const WORD: u8 = 1;
/// Not ASCII: the character is decoded and asked.
const WIDE: u8 = 2;
static BYTE: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = if (b as u8).is_ascii_alphanumeric() { WORD } else { NOT_WORD };
        b += 1;
    }
    t
};

/// Whether the (non-ASCII) character at byte `i` is alphanumeric, and its length in bytes.
fn wide_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().expect("i is at a character boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

/// The byte range of the first run of alphanumeric characters at or after `i`.
fn next_word(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    loop {
        while i < b.len() && BYTE[b[i] as usize] == NOT_WORD {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if BYTE[b[i] as usize] == WORD {
            break;
        }
        let (alnum, n) = wide_at(text, i);
        if alnum {
            break;
        }
        i += n;
    }
    let from = i;
    loop {
        while i < b.len() && BYTE[b[i] as usize] == WORD {
            i += 1;
        }
        if i >= b.len() || BYTE[b[i] as usize] == NOT_WORD {
            return Some((from, i));
        }
        let (alnum, n) = wide_at(text, i);
        if !alnum {
            return Some((from, i));
        }
        i += n;
    }
}

#[derive(Clone)]
struct Memo {
    stemmer: Stemmer,
    /// Word as written to its stem. Looked up once per indexed word, so hashed with foldhash:
    /// std's SipHash spent more time hashing short words than the lookup saved.
    stems: HashMap<String, String>,
}

impl Memo {
    fn new() -> Memo {
        Memo { stemmer: Stemmer::new(Algorithm::English), stems: HashMap::new() }
    }

    /// Put the stem of `word`, lower-cased as tantivy's LowerCaser does, into `out`.
    fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        if let Some(stem) = self.stems.get(word) {
            out.push_str(stem);
            return;
        }
        if word.is_ascii() {
            out.push_str(word);
            out.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                out.extend(c.to_lowercase());
            }
        }
        let stem = self.stemmer.stem(out).into_owned();
        if self.stems.len() >= MAX_REMEMBERED {
            self.stems.clear();
        }
        out.clone_from(&stem);
        self.stems.insert(word.to_string(), stem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

    type Tokens = Vec<(String, usize, usize, usize)>;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Tokens {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    fn tantivy_chain() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::new(Language::English))
            .build()
    }

    fn ours() -> TextAnalyzer {
        TextAnalyzer::from(StemmingTokenizer::default())
    }

    const EDGES: &[&str] = &[
        "",
        "   ",
        "...",
        "The partnerships were improving; improvement plans improved. Inspectors inspected inspections.",
        "Running runs ran. Café naïve caring cares cared hopeful hopefully relational relationship",
        // Case that changes length when lowered, sharp s, Greek final sigma, dotted capital I.
        "İSTANBUL Straße ΟΔΟΣ ΣΊΣΥΦΟΣ Ǆemal ﬁnance",
        // Digits, underscores, apostrophes, hyphens, slashes and no-break spaces split words
        // or not as the chain does.
        "2023/24 Q3 co-ordinate don't snake_case e-mail\u{a0}addresses NHS24 24/7 £1.5m 3rd",
        // Combining marks are not alphanumeric; CJK and other scripts are.
        "cafe\u{301} 東京 مرحبا नमस्ते 😀 word😀word",
        // Words at, under and over the length limit, in ASCII and in letters whose lower case
        // is longer or shorter than the capital.
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa next",
        "İİİİİİİİİİİİİİİİİİİ İİİİİİİİİİİİİİİİİİİİ ẞẞẞẞẞẞẞẞẞẞẞẞẞ after the long ones",
        "supercalifragilisticexpialidociousnessisms x",
        "tail without a stop",
    ];

    #[test]
    fn tokens_are_those_of_tantivys_chain_on_edge_cases() {
        let (mut chain, mut ours) = (tantivy_chain(), ours());
        for text in EDGES {
            let want = tokens(&mut chain, text);
            // Twice: the second pass is answered from the memo.
            assert_eq!(tokens(&mut ours, text), want, "{text:?}");
            assert_eq!(tokens(&mut ours, text), want, "{text:?} from the memo");
        }
        let dropped = tokens(&mut chain, EDGES[8]);
        assert_eq!(dropped.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "next"]);
        assert_eq!(dropped[1].3, 2, "a dropped word keeps its position");
    }

    #[test]
    fn tokens_are_those_of_tantivys_chain_on_report_text() {
        let (mut chain, mut ours) = (tantivy_chain(), ours());
        let texts = crate::rx::report_texts();
        let mut n = 0;
        for text in texts {
            let want = tokens(&mut chain, text);
            n += want.len();
            assert_eq!(tokens(&mut ours, text), want, "{text:?}");
        }
        assert!(n > 10_000, "too few words to compare: {n}");
        eprintln!("analyzer agrees with tantivy's chain on {} texts, {n} words", texts.len());
    }

    #[test]
    fn a_full_memo_starts_again_and_still_stems_right() {
        let mut memo = Memo::new();
        let mut out = String::new();
        for i in 0..MAX_REMEMBERED + 10 {
            memo.stem_into(&format!("Word{i}ing"), &mut out);
        }
        assert!(memo.stems.len() <= MAX_REMEMBERED);
        memo.stem_into("Running", &mut out);
        assert_eq!(out, "run");
        memo.stem_into("Running", &mut out);
        assert_eq!(out, "run");
    }
}
