//! A cue before its voice is known: a byte range, a category and the rule that found it.

use super::words::Words;
use crate::analysis::CueCategory;

/// A cue found by one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// The category.
    pub category: CueCategory,
    /// The rule id (described in `crate::rules`).
    pub rule: &'static str,
}

impl Found {
    /// The cue covering tokens `first..end` (end exclusive, at least one token).
    pub fn tokens(
        words: &Words,
        first: usize,
        end: usize,
        category: CueCategory,
        rule: &'static str,
    ) -> Found {
        Found {
            start: words.token(first).start(),
            end: words.token(end - 1).end(),
            category,
            rule,
        }
    }

    /// Whether `self` lies within `other`.
    pub fn within(&self, other: &Found) -> bool {
        other.start <= self.start && self.end <= other.end
    }
}
