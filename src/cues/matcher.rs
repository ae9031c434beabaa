//! Phrase matching over normalised tokens: each lexicon entry is a sequence of whole words, so
//! `ruled out` matches `ruled out` but never `overruled outright`.
//!
//! Phrases are grouped by their first word in a hash map, so each token is compared only with
//! the few phrases that start with it: the pass is linear in the document's length.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

use super::words::{normalise, PerForm, Words};
use crate::text::{plain_words, Document};

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

/// A phrase's normalised words, borrowed from the phrase when it is already normalised (nearly
/// every entry), so building the matcher allocates little.
type PhraseWords = Vec<Cow<'static, str>>;

/// A set of phrases built once.
pub struct PhraseMatcher {
    by_first: FxHashMap<Cow<'static, str>, Vec<(usize, PhraseWords)>>,
}

/// Splits a phrase into normalised words with the document tokenizer, so entries and text agree
/// on what a word is (`wouldn't`, `co-operate` and `U.S.` stay whole).
pub fn phrase_words(phrase: &str) -> Vec<Cow<'_, str>> {
    match plain_words(phrase) {
        // Most entries: the words between the spaces are the tokens, found without tokenizing,
        // which was most of the cost of building the matcher.
        Some(words) => words.into_iter().map(normalise).collect(),
        None => tokenized_words(phrase),
    }
}

/// [`phrase_words`] through the tokenizer, for any phrase.
fn tokenized_words(phrase: &str) -> Vec<Cow<'_, str>> {
    let doc = Document::new(phrase);
    doc.tokens
        .iter()
        .map(|t| normalise(doc.token_text(t)))
        .collect()
}

impl PhraseMatcher {
    /// Builds a matcher; phrase `i` of the iterator is reported as `Hit::phrase == i`.
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> PhraseMatcher {
        let phrases = phrases.into_iter();
        let mut by_first: FxHashMap<_, Vec<_>> = FxHashMap::default();
        // At most one first word per phrase: allocated once.
        by_first.reserve(phrases.size_hint().0);
        for (i, phrase) in phrases.enumerate() {
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
        // Few words start a phrase: most tokens are answered without a lookup.
        let mut starts = PerForm::new(words, |form| self.by_first.contains_key(form));
        for first in 0..words.len() {
            if !starts.ask(first) {
                continue;
            }
            let Some(candidates) = self.by_first.get(words.at(first)) else {
                continue;
            };
            for (phrase, entry) in candidates {
                // The first word is the key that found the candidates.
                let matched = entry
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| words.at(first + k) == w.as_ref());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::lexicons::all;

    /// The matcher's words skip the tokenizer for plain entries: they must be the tokenizer's
    /// words for every entry of every cue list.
    #[test]
    fn phrase_words_are_the_tokenizers_words() {
        let (mut plain, mut every) = (0, 0);
        for lexicon in all() {
            for entry in lexicon.entries() {
                every += 1;
                plain += usize::from(plain_words(entry).is_some());
                assert_eq!(phrase_words(entry), tokenized_words(entry), "{entry:?}");
            }
        }
        // The fast path must stay the usual one, or first use is slow again.
        assert!(
            plain * 10 >= every * 9,
            "only {plain} of {every} entries are plain"
        );
    }
}
