//! Refusals made of negation, whose scope the rules check:
//!
//! - `no` is a refusal only as an answer (`we have always said no`, `No, President Trump`), not
//!   as a determiner (`no US troops`, `no longer`) nor in `No. 1`;
//! - a negated verb of saying is declining to comment (`did not confirm`,
//!   `wouldn’t answer`, `did not directly address`), and so is `declined to` + verb;
//! - a negated cooperation word turns into a refusal (`will not cooperate`), since marking it
//!   as support would invert its meaning.
//!
//! Fixed negations (`not going to`, `will never accept`) are in `refusal.txt`.

use super::found::Found;
use super::words::{is_negator, Words};
use crate::analysis::CueCategory;

/// Forms of `say` before an answer `no`.
const SAY: &[&str] = &[
    "say", "said", "says", "saying", "answer", "answered", "was", "is",
];

/// Punctuation after which `no` stands alone as an answer.
const AFTER_ANSWER: &[&str] = &[
    ",", ".", "!", "?", ";", ":", "\"", "'", "”", "’", "—", "–", "-", ")", "…",
];

/// Auxiliaries that negated make a refusal to say (`did not`, `wouldn't`).
const AUXILIARIES: &[&str] = &[
    "did", "do", "does", "has", "have", "had", "will", "would", "could",
];

/// Negated contractions of those auxiliaries.
const NEGATED_AUXILIARIES: &[&str] = &[
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't",
];

/// Adverbs allowed between the negation and the verb.
const ADVERBS: &[&str] = &[
    "directly",
    "explicitly",
    "immediately",
    "publicly",
    "specifically",
    "yet",
];

/// Verbs of saying whose negation declines to comment.
const SAYING: &[&str] = &[
    "address",
    "answer",
    "comment",
    "confirm",
    "disclose",
    "discuss",
    "elaborate",
    "reveal",
    "say",
    "specify",
];

/// Finds negation refusals, then checks the support cues already in `out` for negation.
pub fn find(words: &Words, out: &mut Vec<Found>) {
    for i in 0..words.len() {
        let word = words.at(i);
        if word == "no" && answer_no(words, i) {
            out.push(Found::tokens(
                words,
                i,
                i + 1,
                CueCategory::Refusal,
                "cue.negation.answer_no",
            ));
        }
        if let Some(end) = declines_to_say(words, i) {
            out.push(Found::tokens(
                words,
                i,
                end,
                CueCategory::Refusal,
                "cue.negation.declined_to_say",
            ));
        }
    }
    negated_support(words, out);
}

fn answer_no(words: &Words, i: usize) -> bool {
    let prev = words.before(i, 1);
    let next = words.at(i + 1);
    if prev == "or" || words.reads(i + 1, "longer") {
        return false;
    }
    // `No. 1`, `no. 5`: a number sign.
    if next == "." && !words.is_word(i + 2) && i + 2 < words.len() && !words.is_punct(i + 2) {
        return false;
    }
    let stands_alone = i + 1 >= words.len() || AFTER_ANSWER.contains(&next);
    stands_alone || (SAY.contains(&prev) && (next == "to" || !words.is_word(i + 1)))
}

/// `did not confirm`, `wouldn’t answer`, `declined to comment`: the end token of the phrase.
fn declines_to_say(words: &Words, i: usize) -> Option<usize> {
    let word = words.at(i);
    let mut j = if AUXILIARIES.contains(&word) && matches!(words.at(i + 1), "not" | "never") {
        i + 2
    } else if NEGATED_AUXILIARIES.contains(&word)
        || matches!(word, "refused" | "refuses" | "refusing")
    {
        i + 1
    } else if matches!(word, "declined" | "declines" | "declining") && words.at(i + 1) == "to" {
        // `declined to be named` is an anonymity formula, not a refusal.
        return (words.is_word(i + 2) && words.at(i + 2) != "be").then_some(i + 3);
    } else {
        return None;
    };
    if matches!(word, "refused" | "refuses" | "refusing") {
        if words.at(j) != "to" {
            return None;
        }
        j += 1;
    }
    while ADVERBS.contains(&words.at(j)) {
        j += 1;
    }
    SAYING.contains(&words.at(j)).then_some(j + 1)
}

/// Replaces support cues under negation (`will not cooperate`, `never collaborated`) by refusals
/// spanning the negator and the word.
fn negated_support(words: &Words, out: &mut Vec<Found>) {
    let starts: Vec<usize> = (0..words.len()).map(|i| words.token(i).start).collect();
    let mut replaced = Vec::new();
    out.retain(|f| {
        if f.category != CueCategory::Support {
            return true;
        }
        let first = starts.partition_point(|&s| s < f.start);
        for back in 1..=3 {
            let Some(j) = first.checked_sub(back) else {
                break;
            };
            if words.is_punct(j) || !words.same_sentence(first, j) {
                break;
            }
            if is_negator(words.at(j)) && words.at(j) != "no" {
                replaced.push(Found {
                    start: words.token(j).start,
                    end: f.end,
                    category: CueCategory::Refusal,
                    rule: "cue.negation.negated_support",
                });
                return false;
            }
        }
        true
    });
    out.extend(replaced);
}
