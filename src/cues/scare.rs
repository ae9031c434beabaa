//! Scare quotes: the writer's quote marks around a word or two to keep it at a distance
//! (`not a completely ‘new’ one`). Evaluative wording per the guidelines, marks included.
//!
//! The quotes layer pairs the marks ([`crate::quotes::marks`]) and drops the pairs that are
//! not quotations; of those, a short lower-case fragment without final punctuation is a scare
//! quote (a Title Case one is a name: `Operation “Southern Spear”`).

use rustc_hash::FxHashSet;

use super::found::Found;
use crate::analysis::{CueCategory, Quote};
use crate::quotes::marks;
use crate::text::Document;

/// Finds scare quotes: mark pairs (`marked`, as [`marks::find`] pairs them) that the quotes
/// layer did not keep as quotations.
pub fn find(doc: &Document, quotes: &[Quote], marked: &[marks::Marked], out: &mut Vec<Found>) {
    let kept: FxHashSet<(usize, usize)> =
        quotes.iter().map(|q| (q.span.start, q.span.end)).collect();
    for m in marked {
        let content = &doc.text[m.content.clone()];
        let trimmed = content.trim();
        // Quotations run to hundreds of words: a third is enough to rule one out.
        let words = trimmed.split_whitespace().take(3).count();
        let lower = trimmed.chars().next().is_some_and(char::is_lowercase);
        let punctuated = trimmed.ends_with(|c: char| c.is_ascii_punctuation());
        if kept.contains(&(m.content.start, m.content.end))
            || !(1..=2).contains(&words)
            || !lower
            || punctuated
        {
            continue;
        }
        out.push(Found::bytes(
            m.open.start,
            m.close.end,
            CueCategory::Evaluative,
            "cue.scare_quote",
        ));
    }
}
