//! English stemming that remembers the words it has stemmed.
//!
//! Reports use a small vocabulary over and over, and the index stems every word of every
//! sentence, so a memo turns most stems into a hash lookup: stemming was about a seventh of
//! all the work of an ingest. The stems are those of tantivy's own English stemmer (the same
//! Snowball algorithm), so queries and indexes agree whichever filter produced them.

use foldhash::{HashMap, HashMapExt};
use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Forget everything past this many distinct words, so a corpus of odd tokens cannot grow the
/// memo without bound (each indexing thread has its own).
const MAX_REMEMBERED: usize = 100_000;

/// The filter to put in an analyzer in place of `Stemmer::new(Language::English)`.
#[derive(Clone, Copy, Default)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner: tokenizer, memo: Memo { stemmer: Stemmer::new(Algorithm::English), stems: HashMap::new() } }
    }
}

#[derive(Clone)]
struct Memo {
    stemmer: Stemmer,
    /// Looked up once per indexed word, so hashed with foldhash: std's SipHash spent more
    /// time hashing short words than the lookup saved.
    stems: HashMap<String, String>,
}

impl Memo {
    fn stem_into(&mut self, word: &mut String) {
        if let Some(stem) = self.stems.get(word.as_str()) {
            word.clone_from(stem);
            return;
        }
        let stem = self.stemmer.stem(word).into_owned();
        if self.stems.len() >= MAX_REMEMBERED {
            self.stems.clear();
        }
        let original = std::mem::replace(word, stem);
        self.stems.insert(original, word.clone());
    }
}

#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
    memo: Memo,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream { tail: self.inner.token_stream(text), memo: &mut self.memo }
    }
}

pub struct MemoStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut Memo,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.memo.stem_into(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, TextAnalyzer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn stems_as_tantivys_english_stemmer_does_including_repeats() {
        let text = "The partnerships were improving; improvement plans improved. Inspectors inspected \
                    inspections, generously and generally. Running runs ran. Café naïve caring cares cared \
                    hopeful hopefully relational relationship";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::new(Language::English))
            .build();
        let mut memo = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(MemoStemmer).build();
        let want = tokens(&mut plain, text);
        assert!(want.iter().any(|t| t.0 == "improv"), "{want:?}");
        // Twice: the second pass is answered from the memo.
        assert_eq!(tokens(&mut memo, text), want);
        assert_eq!(tokens(&mut memo, text), want);
    }

    #[test]
    fn a_full_memo_starts_again_and_still_stems_right() {
        let mut memo = Memo { stemmer: Stemmer::new(Algorithm::English), stems: HashMap::new() };
        for i in 0..MAX_REMEMBERED + 10 {
            let mut w = format!("word{i}ing");
            memo.stem_into(&mut w);
        }
        assert!(memo.stems.len() <= MAX_REMEMBERED);
        let mut w = "running".to_string();
        memo.stem_into(&mut w);
        assert_eq!(w, "run");
    }
}
