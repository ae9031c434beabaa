//! Phrase matching over normalised tokens: each lexicon entry is a sequence of whole words, so
//! `ruled out` matches `ruled out` but never `overruled outright`.
//!
//! Phrases are grouped by their first word in a hash map, so each token is compared only with
//! the few phrases that start with it: the pass is linear in the document's length.

use rustc_hash::FxHashMap;

use super::words::{normalise, Words};
use crate::text::Document;

/// A match: tokens `first..end` matched phrase `phrase` (an index into the matcher's phrases).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Which phrase.
    pub phrase: usize,
}

/// A set of phrases built once.
pub struct PhraseMatcher {
    by_first: FxHashMap<String, Vec<(usize, Vec<String>)>>,
}

/// Splits a phrase into normalised words with the document tokenizer, so entries and text agree
/// on what a word is (`wouldn't`, `co-operate` and `U.S.` stay whole).
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let doc = Document::new(phrase);
    doc.tokens
        .iter()
        .map(|t| normalise(doc.token_text(t)).into_owned())
        .collect()
}

impl PhraseMatcher {
    /// Builds a matcher; phrase `i` of the iterator is reported as `Hit::phrase == i`.
    pub fn new<'p>(phrases: impl IntoIterator<Item = &'p str>) -> PhraseMatcher {
        let mut by_first: FxHashMap<String, Vec<(usize, Vec<String>)>> = FxHashMap::default();
        for (i, phrase) in phrases.into_iter().enumerate() {
            let words = phrase_words(phrase);
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((i, words));
            }
        }
        PhraseMatcher { by_first }
    }

    /// Every match in the document, in order of first token.
    pub fn find(&self, words: &Words) -> Vec<Hit> {
        let mut hits = Vec::new();
        for first in 0..words.len() {
            let Some(candidates) = self.by_first.get(words.at(first)) else {
                continue;
            };
            for (phrase, entry) in candidates {
                let matched = entry
                    .iter()
                    .enumerate()
                    .all(|(k, w)| words.at(first + k) == w);
                if matched {
                    hits.push(Hit {
                        first,
                        end: first + entry.len(),
                        phrase: *phrase,
                    });
                }
            }
        }
        hits
    }
}
