//! Phrase matching over normalised tokens: each lexicon entry is a sequence of whole words, so
//! `ruled out` matches `ruled out` but never `overruled outright`.
//!
//! Phrases are grouped by their first word in a hash map, so each token is compared only with
//! the few phrases that start with it: the pass is linear in the document's length.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

use super::words::{normalise, Words};
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
    /// The number in `groups` of the phrases that start with each word: two bytes, as it is
    /// what the matcher remembers for each form of a document while it runs.
    by_first: FxHashMap<Cow<'static, str>, u16>,
    /// Phrases with their numbers, grouped by first word.
    groups: Vec<Vec<(usize, PhraseWords)>>,
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
        let mut by_first: FxHashMap<_, u16> = FxHashMap::default();
        let mut groups: Vec<Vec<_>> = Vec::new();
        // At most one first word per phrase: allocated once.
        by_first.reserve(phrases.size_hint().0);
        for (i, phrase) in phrases.enumerate() {
            let words = phrase_words(phrase);
            if let Some(first) = words.first() {
                let group = *by_first.entry(first.clone()).or_insert_with(|| {
                    groups.push(Vec::new());
                    u16::try_from(groups.len() - 1).expect("the lists have fewer first words")
                });
                groups[usize::from(group)].push((i, words));
            }
        }
        PhraseMatcher { by_first, groups }
    }

    /// The phrases that start with `form`, by their number in `groups`.
    pub fn group(&self, form: &str) -> Option<u16> {
        self.by_first.get(form).copied()
    }

    /// The words phrases start with: [`PhraseMatcher::group`] is `Some` for them alone.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(|word| word.as_ref())
    }

    /// Calls `hit` with the matches at token `first`, whose form starts the phrases of `group`
    /// ([`PhraseMatcher::group`]).
    pub fn find_at(&self, words: &Words, first: usize, group: u16, mut hit: impl FnMut(Hit)) {
        for (phrase, entry) in &self.groups[usize::from(group)] {
            // The first word is the key that found the candidates.
            let matched = entry
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| words.at(first + k) == w.as_ref());
            if matched {
                hit(Hit {
                    first,
                    end: first + entry.len(),
                    phrase: *phrase,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::lexicons::{self, all};

    /// Every match the grouped lookup reports is one a try of every phrase at every token
    /// finds, and none is missed: over text made of the lists' own entries, capitalised, run
    /// together and cut short.
    #[test]
    fn find_agrees_with_trying_every_phrase_everywhere() {
        let entries: Vec<&'static str> = lexicons::CATEGORY_LISTS
            .iter()
            .flat_map(|list| list.list.entries())
            .collect();
        let matcher = PhraseMatcher::new(entries.iter().copied());
        let mut rng = crate::test_inputs::Rng::new(9);
        for _ in 0..20 {
            let mut text = String::new();
            for _ in 0..60 {
                let entry = entries[rng.below(entries.len())];
                let piece = match rng.below(4) {
                    0 => entry.to_uppercase(),
                    1 => entry.split(' ').next().unwrap_or(entry).to_string(),
                    _ => entry.to_string(),
                };
                text.push_str(&piece);
                text.push_str(rng.pick(&[" ", " the ", ", ", ". "]));
            }
            let doc = Document::new(&text);
            let mut renamed = String::new();
            let words = Words::new(&doc, &mut renamed);
            let mut found = Vec::new();
            for first in 0..words.len() {
                if let Some(group) = matcher.group(words.at(first)) {
                    matcher.find_at(&words, first, group, |hit| found.push(hit));
                }
            }
            let mut expected = Vec::new();
            for first in 0..words.len() {
                for (phrase, entry) in entries.iter().enumerate() {
                    let entry_words = phrase_words(entry);
                    let reads =
                        (0..entry_words.len()).all(|k| words.at(first + k) == entry_words[k]);
                    if reads {
                        let end = first + entry_words.len();
                        expected.push(Hit { first, end, phrase });
                    }
                }
            }
            assert!(expected.len() > 30, "{text}");
            assert_eq!(found, expected, "{text}");
        }
    }

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
