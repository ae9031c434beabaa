//! Words that are cues in one sense and plain words in another. Each rule looks at the words
//! around and keeps the stance sense only:
//!
//! - `reported` is a hedge as an adjective (`the reported plan`), not as a verb (`AP reported`);
//! - `appear(s)` is a hedge for seeming (`appears linked`), not for showing up (`appeared in court`);
//! - `possible` is a hedge except in `as soon as possible`, `everything possible`;
//! - `possibility` is a hedge when the writer raises it (`a possibility that`), not when it is
//!   the object of a refusal (`ruled out any possibility`);
//! - `clear` is a booster as an adjective (`a clear rejection`), not as a verb (`clear the way`)
//!   nor under negation (`not clear` is a hedge, in the list);
//! - `help`/`offer` are support when one party offers the other something (`help you`,
//!   `offered assistance`), not as plain nouns;
//! - `excluded` is a refusal with an object (`excluded any involvement`), not `excluded from`;
//! - `opposed` is a refusal except in `as opposed to`; `dismissed` except `dismissed from`;
//! - `firm` is evaluative as an adjective of stance (`a firm denial`), not as a company;
//! - `illegal`, `broken`, `hurt` and `strain` are evaluative as judgements, not in
//!   `illegal immigration`, `broken into`, `were hurt in the crash`, `a strain of the virus`;
//! - `backed` is support, except `backed down`.

use super::concern;
use super::found::Found;
use super::words::{is_negator, Words};
use crate::analysis::CueCategory;

/// Words after `appear` that mean showing up, not seeming.
const APPEAR_PHYSICAL: &[&str] = &[
    "alongside",
    "at",
    "before",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "live",
    "next",
    "on",
    "onstage",
    "outside",
    "together",
    "under",
    "with",
];

/// Words before `reported` that make it an adjective.
const BEFORE_ADJECTIVE: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "amid",
    "an",
    "and",
    "any",
    "denied",
    "denies",
    "despite",
    "dismissed",
    "follows",
    "following",
    "her",
    "his",
    "its",
    "of",
    "on",
    "over",
    "the",
    "their",
    "these",
    "this",
    "those",
    "with",
];

/// Words before `possible` that make it a superlative or a totality, not a hedge.
const POSSIBLE_NOT_HEDGE: &[&str] = &[
    "all",
    "as",
    "best",
    "every",
    "everything",
    "fastest",
    "highest",
    "lowest",
    "whatever",
];

/// Parties that one can help or make an offer to.
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "it", "me", "them", "us", "you"];

/// What one offers when one offers support.
const OFFERED_AID: &[&str] = &[
    "aid",
    "assist",
    "assistance",
    "cooperate",
    "cooperation",
    "help",
    "mediate",
    "support",
];

/// Nouns of stance that `firm` evaluates.
const FIRM_STANCE: &[&str] = &[
    "belief",
    "commitment",
    "denial",
    "grip",
    "hand",
    "line",
    "message",
    "no",
    "opposition",
    "position",
    "rejection",
    "resolve",
    "response",
    "stance",
    "support",
];

/// Verbs after which `firm` means unyielding.
const FIRM_AFTER: &[&str] = &[
    "held",
    "hold",
    "holding",
    "holds",
    "remain",
    "remained",
    "remaining",
    "remains",
    "stand",
    "standing",
    "stands",
    "stay",
    "stayed",
    "stood",
];

/// Nouns after `illegal` that make it descriptive (`illegal immigration`), not a judgement.
const ILLEGAL_DESCRIPTIVE: &[&str] = &[
    "aliens",
    "arms",
    "crossing",
    "crossings",
    "drug",
    "drugs",
    "entry",
    "firearms",
    "fishing",
    "guns",
    "immigrants",
    "immigration",
    "logging",
    "migrants",
    "migration",
    "mining",
    "weapons",
];

/// Particles after `broken` that make it a phrasal verb (`broken into`), not an evaluation.
const BROKEN_PARTICLES: &[&str] = &["away", "down", "into", "off", "out", "through", "up"];

/// Whether a sense rule or a distancing phrase may start at a token of `form`, by
/// definition: [`concern`] looks the [`start_words`] up instead.
#[cfg(test)]
pub fn may_start(form: &str) -> bool {
    judge(form).is_some() || form == "what"
}

/// The words with a sense rule, and `what`, which opens a distancing phrase.
pub fn start_words() -> impl Iterator<Item = &'static str> {
    let judged = JUDGES.iter().flat_map(|&(words, _)| words.iter().copied());
    judged.chain(["what"])
}

/// Runs every sense rule over the document.
pub fn find(words: &Words, out: &mut Vec<Found>) {
    // Few words have a sense rule or open a distancing phrase: the rest are passed over by
    // their form.
    words.each_concerning(concern::SENSE, |i, _| senses_at(words, i, out));
}

/// The sense cues at token `i`.
fn senses_at(words: &Words, i: usize, out: &mut Vec<Found>) {
    let sense =
        judge(words.at(i)).and_then(|judge| judge(words, i, words.before(i, 1), words.at(i + 1)));
    if let Some((category, rule)) = sense {
        out.push(Found::tokens(words, i, i + 1, category, rule));
    }
    if let Some(end) = distancing(words, i) {
        out.push(Found::tokens(
            words,
            i,
            end,
            CueCategory::Hedge,
            "cue.sense.distancing",
        ));
    }
}

/// Verbs of naming in `what X called`.
const NAMING: &[&str] = &["called", "dubbed", "termed"];

/// `what Prime Minister Imran Khan called`, `what officials described as`: the writer hands
/// the wording to someone else. The namer is a pronoun, a few capitalised words or a plural
/// noun; the end token of the phrase.
fn distancing(words: &Words, i: usize) -> Option<usize> {
    if words.at(i) != "what" {
        return None;
    }
    let mut j = i + 1;
    while j < i + 7 && words.is_word(j) && words.same_sentence(i, j) {
        let w = words.at(j);
        if NAMING.contains(&w) {
            return (j > i + 1).then_some(j + 1);
        }
        if matches!(w, "described" | "referred") {
            let tail = if w == "described" { "as" } else { "to as" };
            let len = tail.split(' ').count();
            return (j > i + 1 && words.reads(j + 1, tail)).then_some(j + 1 + len);
        }
        let namer = words.is_capitalised(j)
            || matches!(
                w,
                "he" | "she"
                    | "they"
                    | "it"
                    | "critics"
                    | "officials"
                    | "the"
                    | "has"
                    | "had"
                    | "have"
            )
            || w.ends_with("'s");
        if !namer {
            return None;
        }
        j += 1;
    }
    None
}

/// Decides whether token `i`, given the words before and after it, has its stance sense
/// there, and which.
type Judge = fn(&Words, usize, &str, &str) -> Option<(CueCategory, &'static str)>;

/// The words with a stance sense, each with its judge.
const JUDGES: &[(&[&str], Judge)] = &[
    (&["reported"], |words, i, prev, next| {
        let adjective = words.is_word(i + 1)
            && (BEFORE_ADJECTIVE.contains(&prev) || prev.ends_with("'s") || prev.ends_with("s'"));
        // `is reported to have`: the writer passes on what others say.
        let passive =
            next == "to" && matches!(prev, "is" | "was" | "were" | "are" | "been" | "being");
        (adjective || passive).then_some((CueCategory::Hedge, "cue.sense.reported_adjective"))
    }),
    (
        &["appear", "appears", "appeared", "appearing"],
        |words, i, _prev, next| {
            (words.is_word(i + 1)
                && !APPEAR_PHYSICAL.contains(&next)
                && !words.is_capitalised(i + 1))
            .then_some((CueCategory::Hedge, "cue.sense.appear_seeming"))
        },
    ),
    (&["possible"], |_words, _i, prev, _next| {
        (!POSSIBLE_NOT_HEDGE.contains(&prev) && !is_negator(prev))
            .then_some((CueCategory::Hedge, "cue.sense.possible"))
    }),
    (&["possibility"], |_words, _i, prev, next| {
        (prev == "a" || next == "that")
            .then_some((CueCategory::Hedge, "cue.sense.possibility_raised"))
    }),
    (&["clear"], |words, i, prev, next| {
        let negated = is_negator(prev) || is_negator(words.before(i, 2));
        let verb = matches!(
            prev,
            "to" | "will" | "would" | "can" | "could" | "must" | "should" | "all" | "help"
        ) || matches!(next, "of" | "up" | "out" | "the" | "a" | "an" | "away");
        (!negated && !verb).then_some((CueCategory::Booster, "cue.sense.clear_adjective"))
    }),
    (&["help"], |words, i, prev, next| {
        let to_party = OBJECT_PRONOUNS.contains(&next) && next != "it"
            || (words.is_capitalised(i + 1) && !words.starts_sentence(i + 1));
        (to_party && !is_negator(prev)).then_some((CueCategory::Support, "cue.sense.help_offer"))
    }),
    (
        &["offer", "offered", "offers", "offering"],
        |words, i, prev, next| {
            let to_party = OBJECT_PRONOUNS.contains(&next) && next != "it";
            // `offered to help`, but not `offered to resign`.
            let aid = if next == "to" {
                OFFERED_AID.contains(&words.at(i + 2))
            } else {
                OFFERED_AID.contains(&next)
            };
            ((to_party || aid) && !is_negator(prev))
                .then_some((CueCategory::Support, "cue.sense.help_offer"))
        },
    ),
    (&["excluded"], |words, i, prev, next| {
        let passive = matches!(prev, "was" | "were" | "is" | "are" | "be" | "been");
        (next != "from" && !passive && words.is_word(i + 1))
            .then_some((CueCategory::Refusal, "cue.sense.excluded_object"))
    }),
    (&["opposed"], |_words, _i, prev, _next| {
        (prev != "as").then_some((CueCategory::Refusal, "cue.sense.opposed"))
    }),
    // `dismissed the claims`, not `dismissed from his post` (fired).
    (
        &["dismissed", "dismisses", "dismissing"],
        |_words, _i, _prev, next| {
            (next != "from").then_some((CueCategory::Refusal, "cue.sense.dismissed"))
        },
    ),
    (&["firm"], |_words, _i, prev, next| {
        (FIRM_STANCE.contains(&next) || FIRM_AFTER.contains(&prev))
            .then_some((CueCategory::Evaluative, "cue.sense.firm_stance"))
    }),
    (&["illegal"], |_words, _i, _prev, next| {
        (!ILLEGAL_DESCRIPTIVE.contains(&next))
            .then_some((CueCategory::Evaluative, "cue.sense.judgement"))
    }),
    (&["broken"], |_words, _i, _prev, next| {
        (!BROKEN_PARTICLES.contains(&next))
            .then_some((CueCategory::Evaluative, "cue.sense.judgement"))
    }),
    // `could hurt ties`, not `three people were hurt in the crash`.
    (&["hurt"], |_words, _i, prev, next| {
        (!matches!(
            prev,
            "were" | "was" | "been" | "being" | "got" | "get" | "are" | "is"
        ) && !matches!(next, "in" | "when" | "during" | "after"))
        .then_some((CueCategory::Evaluative, "cue.sense.judgement"))
    }),
    // `strain ties`, not `a new strain of the virus`.
    (&["strain"], |_words, _i, prev, next| {
        (next != "of" && !matches!(prev, "new" | "virus" | "variant"))
            .then_some((CueCategory::Evaluative, "cue.sense.judgement"))
    }),
    // `backed the plan`, not `backed down` (a retreat) or `backed up` (traffic, files).
    (&["backed", "backing", "backs"], |words, i, _prev, next| {
        (!matches!(next, "down" | "away" | "off" | "out" | "up") && words.is_word(i + 1))
            .then_some((CueCategory::Support, "cue.sense.backed"))
    }),
];

/// The judge of a word with a stance sense, if `word` is one.
fn judge(word: &str) -> Option<Judge> {
    let mut judges = JUDGES.iter();
    judges
        .find(|(words, _)| words.contains(&word))
        .map(|&(_, judge)| judge)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passing over the tokens whose form has no judge and is not `what` leaves out no cue and
    /// adds none: judging every token afresh finds the same ones.
    #[test]
    fn find_agrees_with_judging_every_token() {
        let text = "The reported plan appears linked; AP reported it. She appeared in court. \
            As soon as possible, a possible deal, a possibility that ends. Clear the way for a \
            clear rejection, not clear. Help you, help Mexico, offered assistance, offered to \
            resign. He excluded any involvement, was excluded from talks, as opposed to, \
            opposed it, dismissed the claims, dismissed from his post. A firm denial, the firm \
            said; illegal immigration, illegal acts; broken into, broken promises; people were \
            hurt in the crash, could hurt ties; a strain of the virus, strain ties; backed the \
            plan, backed down. Reported, Clear, Firm, Backed. It was what Prime Minister Imran \
            Khan called a plot, what officials described as a hoax, What critics referred to as \
            theft.";
        let mut vocabulary = vec!["what", "called", "described", "as", "referred", "to"];
        vocabulary.extend(text.split_whitespace());
        let mut texts = crate::cues::words::test_texts(&vocabulary);
        texts.push(text.to_string());
        let (mut judged, mut distancing) = (0, 0);
        crate::cues::words::with_words(&texts, |text, words| {
            let mut found = Vec::new();
            find(words, &mut found);
            let mut expected = Vec::new();
            for i in 0..words.len() {
                senses_at(words, i, &mut expected);
            }
            assert_eq!(found, expected, "{text}");
            distancing += found
                .iter()
                .filter(|f| f.rule == "cue.sense.distancing")
                .count();
            judged += found.len();
        });
        assert!(judged > 100 && distancing > 3, "{judged} {distancing}");
    }
}
