//! The document's tokens in the form every cue rule compares: lower case, curly apostrophes
//! straightened and dash variants inside words unified, so `Wouldn’t` and `wouldn't`, or
//! `co‑operate` and `co-operate`, are one word to the rules and the lexicons.

use std::borrow::Cow;

use crate::text::{Document, Token, TokenKind};

/// Normalised tokens with their sentence numbers.
pub struct Words<'a> {
    /// The document the tokens come from.
    pub doc: &'a Document<'a>,
    norm: Vec<Cow<'a, str>>,
    sentence: Vec<usize>,
}

/// The comparison form of a word: lower case, `’` → `'`, `‐`/`‑` → `-`; borrowed when the
/// word is already in that form (most words of news text).
pub fn normalise(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        return Cow::Borrowed(word);
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' => '\'',
            '‐' | '‑' => '-',
            c => c,
        })
        .collect()
}

impl<'a> Words<'a> {
    /// Normalises every token of `doc` once.
    pub fn new(doc: &'a Document<'a>) -> Words<'a> {
        let norm = doc
            .tokens
            .iter()
            .map(|t| normalise(doc.token_text(t)))
            .collect();
        let sentence = doc.token_sentences();
        Words {
            doc,
            norm,
            sentence,
        }
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.norm.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.norm.is_empty()
    }

    /// The normalised text of token `i`, or "" past either end (so rules can look around freely).
    pub fn at(&self, i: usize) -> &str {
        self.norm.get(i).map_or("", |w| w)
    }

    /// The normalised text of the token `back` places before `i`, or "" before the start.
    pub fn before(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map_or("", |j| self.at(j))
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'a str {
        self.doc.token_text(&self.doc.tokens[i])
    }

    /// Whether token `i` exists and is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` exists and is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `i` is a word that starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is the first word of its sentence (quote marks and brackets before it
    /// do not count).
    pub fn starts_sentence(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && self.sentence[j - 1] == self.sentence[i] {
            j -= 1;
            if !self.is_punct(j) {
                return false;
            }
        }
        true
    }

    /// Whether tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        j < self.len() && i < self.len() && self.sentence[i] == self.sentence[j]
    }

    /// Whether the tokens from `i` on read `phrase` (space-separated normalised words).
    pub fn reads(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, word)| self.at(i + k) == word)
    }
}

/// Negators whose scope covers the next few words: `not`, `never`, and the `n't` contractions.
pub fn is_negator(word: &str) -> bool {
    matches!(word, "not" | "never" | "no" | "cannot") || word.ends_with("n't")
}
