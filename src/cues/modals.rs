//! Epistemic modals: `could`, `may` and `might` as hedges (`it could strain ties`), but not
//! their other senses, which a reader would not call hedging:
//!
//! - ability or its lack: `could not be reached`, `could see`, `if the military could shoot`;
//! - requests: `Could you ...?`;
//! - the month: `in May`, `May 2`;
//! - the noun: `military might`;
//! - permission: `you may leave`.
//!
//! `can`/`cannot` are never hedges (ability or permission).

use super::concern;
use super::found::Found;
use super::words::{is_negator, Words};
use crate::analysis::CueCategory;

/// Verbs whose `could` is ability (`could see`, `could afford`).
const ABILITY_VERBS: &[&str] = &[
    "afford",
    "barely",
    "easily",
    "ever",
    "feel",
    "find",
    "hardly",
    "hear",
    "manage",
    "only",
    "read",
    "see",
    "smell",
    "speak",
    "understand",
];

/// Words that open a clause in which `could` asks about or states ability, not likelihood.
const ABILITY_CLAUSE: &[&str] = &["how", "if", "so", "whether", "where", "when", "what"];

/// Words before `May` that make it the month.
const BEFORE_MONTH: &[&str] = &[
    "by", "early", "from", "in", "last", "late", "mid", "next", "of", "on", "since", "this",
    "through", "until",
];

/// Words before `might` that make it the noun.
const BEFORE_MIGHT_NOUN: &[&str] = &[
    "air", "all", "economic", "her", "his", "its", "military", "naval", "our", "the", "their",
];

/// The modals that may be epistemic.
pub const MODALS: &[&str] = &["could", "may", "might"];

/// Finds epistemic modals.
pub fn find(words: &Words, out: &mut Vec<Found>) {
    words.each_concerning(concern::MODAL, |i, _| {
        if is_epistemic(words, i) {
            out.push(Found::tokens(
                words,
                i,
                i + 1,
                CueCategory::Hedge,
                "cue.modal.epistemic",
            ));
        }
    });
}

/// Whether token `i` is a modal in its epistemic sense.
fn is_epistemic(words: &Words, i: usize) -> bool {
    match words.at(i) {
        "could" => could_is_epistemic(words, i),
        "may" => may_is_epistemic(words, i),
        "might" => might_is_epistemic(words, i),
        _ => false,
    }
}

fn could_is_epistemic(words: &Words, i: usize) -> bool {
    let next = words.at(i + 1);
    // Negated `could` reports inability (`could not confirm`), and a request opens its sentence.
    if is_negator(next) || words.starts_sentence(i) || !words.is_word(i + 1) {
        return false;
    }
    if ABILITY_VERBS.contains(&next) {
        return false;
    }
    // `asked if the military could ...`: a clause of ability, up to 4 words back, same clause.
    for back in 1..=4 {
        let Some(j) = i.checked_sub(back) else { break };
        if words.is_punct(j) || !words.same_sentence(i, j) {
            break;
        }
        if ABILITY_CLAUSE.contains(&words.at(j)) {
            return false;
        }
    }
    true
}

fn may_is_epistemic(words: &Words, i: usize) -> bool {
    let prev = words.before(i, 1);
    // The month: capitalised inside a sentence, or with a date around it.
    if words.is_capitalised(i) && !words.starts_sentence(i) {
        return false;
    }
    if BEFORE_MONTH.contains(&prev) || !words.is_word(i + 1) {
        return false;
    }
    // `you may` is permission.
    prev != "you"
}

fn might_is_epistemic(words: &Words, i: usize) -> bool {
    let prev = words.before(i, 1);
    if BEFORE_MIGHT_NOUN.contains(&prev) || !words.is_word(i + 1) {
        return false;
    }
    // `might as well` is resignation, not doubt.
    !words.reads(i + 1, "as well")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passing over the tokens that are no modal leaves out no hedge: asking of every token
    /// finds the same ones.
    #[test]
    fn find_agrees_with_asking_every_token() {
        let vocabulary: Vec<&str> = [
            ABILITY_VERBS,
            ABILITY_CLAUSE,
            BEFORE_MONTH,
            BEFORE_MIGHT_NOUN,
            &["could", "may", "might", "May", "you", "be", "see", "2"],
        ]
        .concat();
        let mut hedges = 0;
        crate::cues::words::with_words(
            &crate::cues::words::test_texts(&vocabulary),
            |text, words| {
                let mut found = Vec::new();
                find(words, &mut found);
                let expected: Vec<usize> = (0..words.len())
                    .filter(|&i| is_epistemic(words, i))
                    .collect();
                let starts: Vec<usize> = found
                    .iter()
                    .map(|f| words.doc.token_at_or_after(f.start()))
                    .collect();
                assert_eq!(starts, expected, "{text}");
                hedges += found.len();
            },
        );
        assert!(hedges > 100, "{hedges}");
    }
}
