//! A cue before its voice is known: a byte range, a category and the rule that found it.

use super::words::Words;
use crate::analysis::CueCategory;
use crate::text::offset;

/// A cue found by one rule.
///
/// Its offsets are 32-bit, like a [`crate::text::Token`]'s: the candidates are still held while
/// the cues are built from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    start: u32,
    end: u32,
    /// The category.
    pub category: CueCategory,
    /// The rule id (described in `crate::rules`).
    pub rule: &'static str,
}

impl Found {
    /// The cue covering bytes `start..end` of the document.
    pub fn bytes(start: usize, end: usize, category: CueCategory, rule: &'static str) -> Found {
        Found {
            start: offset(start),
            end: offset(end),
            category,
            rule,
        }
    }

    /// The cue covering tokens `first..end` (end exclusive, at least one token).
    pub fn tokens(
        words: &Words,
        first: usize,
        end: usize,
        category: CueCategory,
        rule: &'static str,
    ) -> Found {
        Found::bytes(
            words.token(first).start(),
            words.token(end - 1).end(),
            category,
            rule,
        )
    }

    /// Byte offset of the first character.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset past the last character.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Byte offsets of the first character and past the last.
    pub fn span(&self) -> (usize, usize) {
        (self.start(), self.end())
    }

    /// Whether `self` lies within `other`.
    pub fn within(&self, other: &Found) -> bool {
        other.start <= self.start && self.end <= other.end
    }
}
