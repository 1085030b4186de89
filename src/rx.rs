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
