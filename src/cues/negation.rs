//! Refusals made of negation, whose scope the rules check:
//!
//! - `no` is a refusal only as an answer (`we have always said no`, `No, President Trump`), not
//!   as a determiner (`no US troops`, `no longer`) nor in `No. 1`;
//! - a negated verb of saying is declining to comment (`did not confirm`,
//!   `wouldn’t answer`, `did not directly address`), and `declined to` + any verb is a refusal
//!   (`declined to comment`, `declined to intervene`);
//! - a negated cooperation word turns into a refusal (`will not cooperate`), and a negated
//!   refusal into a hedge (`did not rule out`), since keeping the label would invert the meaning.
//!
//! - `we will not`, `I won't` is a speaker refusing, like `not going to`.
//!
//! Fixed negations (`not going to`, `will never accept`) are in `refusal.txt`.

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

use super::concern;
use super::found::Found;
use super::lexicons::CATEGORY_LISTS;
use super::matcher::phrase_words;
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

/// Auxiliaries that negated make a refusal to say (`did not`, `wouldn't`). Not `could`:
/// `Reuters could not independently confirm` is the writer's inability, not a refusal.
const AUXILIARIES: &[&str] = &["did", "do", "does", "has", "have", "had", "will", "would"];

/// Negated contractions of those auxiliaries.
const NEGATED_AUXILIARIES: &[&str] = &[
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't",
];

/// The first person's negated intent in one word (`we won't`).
const WILL_NOT: &[&str] = &["won't", "shan't"];

/// Modals that make it with `not` or `never` after them (`we will not`, `I would never`).
const WILL: &[&str] = &["will", "shall", "would"];

/// `refused to comment`: a refusing verb, then `to`.
const REFUSING: &[&str] = &["refused", "refuses", "refusing"];

/// `declined to comment`.
const DECLINING: &[&str] = &["declined", "declines", "declining"];

/// `could not comment`: only with [`COULD_NOT_SAY`], as `could not confirm` is the writer's own
/// inability.
const COULD: &[&str] = &["could", "couldn't"];

/// The verbs after `could not` that decline to say.
const COULD_NOT_SAY: &[&str] = &["comment", "discuss", "elaborate", "say"];

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

/// First words of the refusal list's entries (`rule`, `reject`): after `declined to` they are
/// negated refusals, not a second refusal.
static REFUSAL_STARTS: LazyLock<FxHashSet<Cow<'static, str>>> = LazyLock::new(|| {
    CATEGORY_LISTS
        .iter()
        .filter(|list| list.category == CueCategory::Refusal)
        .flat_map(|list| list.list.entries())
        .filter_map(|entry| phrase_words(entry).into_iter().next())
        .collect()
});

/// Finds negation refusals, then checks the cues already in `out` for negation.
pub fn find(words: &Words, out: &mut Vec<Found>) {
    words.each_concerning(concern::NEGATION, |i, _| refusals_at(words, i, out));
    negated_cues(words, out);
}

/// The words a refusal of [`refusals_at`] may open with: `no`, the modal of `we will not`, or
/// the auxiliary or verb of `did not confirm`, `declined to comment`.
const OPENERS: [&[&str]; 8] = [
    &["no"],
    WILL_NOT,
    WILL,
    COULD,
    REFUSING,
    DECLINING,
    AUXILIARIES,
    NEGATED_AUXILIARIES,
];

/// Whether a refusal of [`refusals_at`] may open with `word`, by definition:
/// [`concern`](super::concern) looks the [`openers`] up instead.
#[cfg(test)]
pub fn may_open(word: &str) -> bool {
    OPENERS.iter().any(|list| list.contains(&word))
}

/// The words a refusal may open with.
pub fn openers() -> impl Iterator<Item = &'static str> {
    OPENERS.into_iter().flatten().copied()
}

/// The negation refusals opening at token `i`.
fn refusals_at(words: &Words, i: usize, out: &mut Vec<Found>) {
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
    if let Some(end) = first_person_will_not(words, i) {
        out.push(Found::tokens(
            words,
            i,
            end,
            CueCategory::Refusal,
            "cue.negation.will_not",
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

/// `we will not`, `I won't`: a speaker's negated intent, like `not going to`. Only the first
/// person: `it will not rain` predicts, it does not refuse. The end token of the phrase.
fn first_person_will_not(words: &Words, i: usize) -> Option<usize> {
    if i == 0 || !matches!(words.before(i, 1), "we" | "i") {
        return None;
    }
    let word = words.at(i);
    let end = if WILL_NOT.contains(&word) {
        i + 1
    } else if WILL.contains(&word) && matches!(words.at(i + 1), "not" | "never") {
        i + 2
    } else {
        return None;
    };
    words.is_word(end).then_some(end)
}

/// `did not confirm`, `wouldn’t answer`, `declined to comment`: the end token of the phrase.
fn declines_to_say(words: &Words, i: usize) -> Option<usize> {
    let word = words.at(i);
    // `could not comment` declines; `could not confirm` is the writer's own inability.
    let could_not = match word {
        "could" if words.at(i + 1) == "not" => Some(i + 2),
        "couldn't" => Some(i + 1),
        _ => None,
    };
    if let Some(j) = could_not {
        return COULD_NOT_SAY.contains(&words.at(j)).then_some(j + 1);
    }
    let mut j = if AUXILIARIES.contains(&word) && matches!(words.at(i + 1), "not" | "never") {
        i + 2
    } else if NEGATED_AUXILIARIES.contains(&word) || REFUSING.contains(&word) {
        i + 1
    } else if DECLINING.contains(&word) && words.at(i + 1) == "to" {
        // `declined to comment`, `declined to intervene`; not `declined to be named` (an
        // anonymity formula) nor `declined to rule out` (a hedge, see `negated_cues`).
        let verb = words.at(i + 2);
        let refusal = REFUSAL_STARTS.contains(verb);
        return (words.is_word(i + 2) && verb != "be" && !refusal).then_some(i + 3);
    } else {
        return None;
    };
    if REFUSING.contains(&word) {
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

/// Words that put a following cue under negation: `not`, `never`, `n't`, and refusing verbs
/// (`refused to cooperate`, `declined to rule out`).
fn negates(word: &str) -> bool {
    (is_negator(word) && word != "no") || DECLINING.contains(&word) || REFUSING.contains(&word)
}

/// Rewrites cues under negation, whose meaning flips:
/// - support (`will not cooperate`, `refused to cooperate`) becomes a refusal;
/// - a refusal (`did not rule out`, `declined to rule out`) leaves the door open, a hedge.
///
/// The new cue spans the negator and the word. Fixed phrases that hold their own negation
/// (`not going to`, `will not accept`) start at or before it and are left alone.
fn negated_cues(words: &Words, out: &mut Vec<Found>) {
    let mut replaced = Vec::new();
    out.retain(|f| {
        let (category, rule) = match f.category {
            CueCategory::Support => (CueCategory::Refusal, "cue.negation.negated_support"),
            // Word-list and sense refusals; negation's own already hold their negator.
            CueCategory::Refusal if !f.rule.starts_with("cue.negation") => {
                (CueCategory::Hedge, "cue.negation.negated_refusal")
            }
            _ => return true,
        };
        let first = words.doc.token_at_or_after(f.start());
        for back in 1..=3 {
            let Some(j) = first.checked_sub(back) else {
                break;
            };
            if words.is_punct(j) || !words.same_sentence(first, j) {
                break;
            }
            if negates(words.at(j)) {
                replaced.push(Found::bytes(
                    words.token(j).start(),
                    f.end(),
                    category,
                    rule,
                ));
                return false;
            }
        }
        true
    });
    out.extend(replaced);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passing over the tokens that open no negation refusal leaves out none: trying every
    /// token finds the same ones.
    #[test]
    fn find_agrees_with_trying_every_token() {
        let vocabulary: Vec<&str> = [
            SAY,
            AFTER_ANSWER,
            AUXILIARIES,
            NEGATED_AUXILIARIES,
            ADVERBS,
            SAYING,
            &[
                "no",
                "or",
                "longer",
                "we",
                "i",
                "won't",
                "shan't",
                "will",
                "shall",
                "would",
                "not",
                "never",
                "could",
                "couldn't",
                "refused",
                "refuses",
                "refusing",
                "declined",
                "declines",
                "declining",
                "to",
                "be",
                "rule",
                "reject",
                "comment",
            ],
        ]
        .concat();
        // Every way a refusal opens, once each: random runs of the words rarely spell them.
        let mut texts = crate::cues::words::test_texts(&vocabulary);
        texts.push(
            "No, she said. We won't say. I shan't say. We will not comment. I shall never say. \
             We would not say. He could not comment. She couldn't discuss it. They did not \
             confirm. It doesn't comment. He refused to comment. She refuses to say. Refusing \
             to elaborate, he left. He declined to comment. She declines to say. Declining to \
             discuss it, they left."
                .to_string(),
        );
        let mut refusals = 0;
        crate::cues::words::with_words(&texts, |text, words| {
            let mut found = Vec::new();
            words.each_concerning(concern::NEGATION, |i, _| refusals_at(words, i, &mut found));
            let mut expected = Vec::new();
            for i in 0..words.len() {
                refusals_at(words, i, &mut expected);
            }
            assert_eq!(found, expected, "{text}");
            refusals += found.len();
        });
        assert!(refusals > 100, "{refusals}");
    }
}
