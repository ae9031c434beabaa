//! Unnamed sources, and the generic experts that hedge a claim.
//!
//! An anonymous source is a description standing for a person who speaks: a determiner or a
//! number, a few modifiers and a head noun from `source_heads.txt` (`A U.S. official`,
//! `three people familiar with the matter`, `those people`), or a bare plural with a speech verb
//! (`Mexican officials have warned`, `sources said`). A description counts only when it is
//! the source of speech: a speech verb follows in its clause, `according to` precedes it, or a
//! qualifier like `familiar with` makes it one. `a senior official was fired` is not a source.
//!
//! `some analysts` and `analysts say` are hedges (guidelines §4): the claim leans on people the
//! reader cannot check.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::concern;
use super::found::Found;
use super::lexicons::{word_set, SOURCE_HEADS, SOURCE_VERBS};
use super::words::Words;
use crate::analysis::CueCategory;
use crate::quotes::shapes::Shapes;

/// The heads, with the shapes of the heads and the [`EXPERTS`]: most words asked of
/// [`is_source_head`] and [`start`] are turned away by their shape, unhashed and unread by the
/// experts' list.
static HEADS: LazyLock<(FxHashSet<String>, Shapes)> = LazyLock::new(|| {
    let heads = word_set(SOURCE_HEADS);
    let mut shapes = Shapes::default();
    for word in heads_and_experts(&heads) {
        shapes.add(word.as_bytes());
    }
    (heads, shapes)
});
static VERBS: LazyLock<FxHashSet<String>> = LazyLock::new(|| word_set(SOURCE_VERBS));

/// Words that open a description of unnamed people.
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "eight", "five", "four", "multiple", "nine", "one", "other", "several",
    "seven", "six", "ten", "these", "those", "three", "two",
];

/// Lower-case modifiers allowed between determiner and head (capitalised words always are).
const MODIFIERS: &[&str] = &[
    "administration",
    "cabinet",
    "campaign",
    "current",
    "defense",
    "diplomatic",
    "federal",
    "foreign",
    "former",
    "government",
    "high-level",
    "high-ranking",
    "intelligence",
    "law",
    "enforcement",
    "local",
    "military",
    "ministry",
    "other",
    "police",
    "security",
    "senior",
    "state",
    "top",
    "western",
];

/// Words after a head that make it a source by themselves (`people familiar with`).
const QUALIFIERS: &[&str] = &["briefed", "close", "familiar", "knowledgeable"];

/// Words allowed between a head and its speech verb (`officials have also said`).
const BEFORE_VERB: &[&str] = &[
    "also",
    "earlier",
    "had",
    "has",
    "have",
    "later",
    "previously",
    "privately",
    "publicly",
    "separately",
    "who",
];

/// Forms of `be`: after a description they start a predicate, not speech (`was fired`).
const BE: &[&str] = &["are", "be", "been", "is", "was", "were"];

/// Generic experts.
const EXPERTS: &[&str] = &[
    "analysts",
    "commentators",
    "critics",
    "economists",
    "experts",
    "observers",
];

/// What generic experts do when they hedge a claim.
const EXPERT_VERBS: &[&str] = &[
    "argue", "believe", "predict", "say", "said", "says", "suggest", "warn", "warned",
];

/// Whether a normalised word heads unnamed-source descriptions (`official`, `people`).
pub fn is_source_head(word: &str) -> bool {
    may_start(word) && HEADS.0.contains(word)
}

/// Whether a cue may start at a normalised word: `Some(true)` for a head, `Some(false)` for
/// one of the [`EXPERTS`] (`analysts`).
pub fn start(word: &str) -> Option<bool> {
    if !may_start(word) {
        return None;
    }
    let head = HEADS.0.contains(word);
    (head || EXPERTS.contains(&word)).then_some(head)
}

/// The heads, then the [`EXPERTS`]: the words [`start`] is `Some` for.
pub fn start_words() -> impl Iterator<Item = &'static str> {
    heads_and_experts(&HEADS.0)
}

fn heads_and_experts(heads: &FxHashSet<String>) -> impl Iterator<Item = &str> {
    heads
        .iter()
        .map(String::as_str)
        .chain(EXPERTS.iter().copied())
}

/// Whether `word` may be a head or one of the [`EXPERTS`]: false for most words.
fn may_start(word: &str) -> bool {
    HEADS.1.may_hold(word.as_bytes())
}

/// Finds anonymous sources and generic-expert hedges.
pub fn find(words: &Words, out: &mut Vec<Found>) {
    // Only heads and experts start a cue: the other tokens are passed over by their form.
    // A description's words are not read again.
    let mut next = 0;
    words.each_concerning(concern::SOURCE_HEAD | concern::EXPERT, |i, concerns| {
        if i >= next {
            next = sources_at(words, i, concerns & concern::SOURCE_HEAD != 0, out);
        }
    });
}

/// The cues starting at token `i`, whose form is a source head or not as `head` says; the token
/// to go on from.
fn sources_at(words: &Words, i: usize, head: bool, out: &mut Vec<Found>) -> usize {
    if let Some((first, end)) = head.then(|| description(words, i)).flatten() {
        out.push(Found::tokens(
            words,
            first,
            end,
            CueCategory::AnonymousSource,
            "cue.source.description",
        ));
        return end;
    }
    experts(words, i, out);
    i + 1
}

/// A source description whose head, token `i`, is a source head: `(first, end)` tokens.
fn description(words: &Words, i: usize) -> Option<(usize, usize)> {
    let head = words.at(i);
    // Walk back over modifiers to a determiner (if any).
    let mut first = i;
    let mut determiner = None;
    for _ in 0..5 {
        let Some(j) = first.checked_sub(1) else { break };
        if !words.same_sentence(i, j) {
            break;
        }
        let w = words.at(j);
        if DETERMINERS.contains(&w) || (words.token(j).kind == crate::text::TokenKind::Number) {
            determiner = Some(w);
            first = j;
            break;
        }
        // Capitalised words are modifiers (`U.S.`, `Pentagon`), but a capitalised article that
        // opens the sentence is still an article.
        let article = matches!(
            w,
            "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
        );
        let modifier =
            MODIFIERS.contains(&w) || (words.is_capitalised(j) && !is_possessive(w) && !article);
        if !modifier {
            break;
        }
        first = j;
    }
    let plural = head.ends_with('s') || head == "people";
    let weak_head = matches!(head, "person" | "people" | "source" | "sources");
    // A qualifier makes the description a source in itself: `people familiar with the matter`.
    let knowledge = words.at(i + 1) == "with"
        && (words.at(i + 2) == "knowledge" || words.at(i + 3) == "knowledge");
    if QUALIFIERS.contains(&words.at(i + 1)) || knowledge {
        let end = qualifier_end(words, i + 1);
        return Some((first, end));
    }
    if determiner.is_none() && !plural {
        return None;
    }
    // `the officials said` refers back to someone named: only unnamed descriptions count.
    if determiner.is_none() && matches!(words.before(first, 1), "the" | "his" | "her" | "their") {
        return None;
    }
    if weak_head && determiner.is_none() && first == i && head != "sources" {
        return None;
    }
    let according = words.reads(first.saturating_sub(2), "according to") && first >= 2;
    if according || speech_follows(words, i + 1) {
        // A bare single capitalised word before a head is often a name's organisation (`Pentagon
        // officials`): still unnamed people.
        return Some((first, i + 1));
    }
    None
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("s'")
}

/// The end of a qualifier phrase: `familiar with the matter`, `close to the talks`.
fn qualifier_end(words: &Words, start: usize) -> usize {
    let mut j = start;
    for _ in 0..6 {
        if !words.is_word(j) || !words.same_sentence(start, j) {
            break;
        }
        let w = words.at(j);
        if j > start + 1 && (VERBS.contains(w) || matches!(w, "who" | "and" | "said" | "say")) {
            break;
        }
        j += 1;
    }
    j
}

/// Whether a speech verb follows a head: past a few auxiliaries (`have also said`), a short
/// prepositional phrase (`officials in Kyiv said`, `an aide to the president told`), an anonymity aside
/// (`A U.S. official, speaking on ..., said`) or a relative clause that mentions anonymity
/// (`an official who spoke on condition of anonymity`). A comma that opens anything else ends
/// the search: `a senior official was fired, the ministry said` has another speaker.
fn speech_follows(words: &Words, start: usize) -> bool {
    let mut j = start;
    let mut relative = false;
    // Words left in a prepositional phrase after the head (`in the region`, `to the president`).
    let mut phrase = 0;
    for _ in 0..16 {
        if j >= words.len() || !words.same_sentence(start.saturating_sub(1), j) {
            return false;
        }
        let w = words.at(j);
        if VERBS.contains(w) || w == "anonymity" {
            return true;
        }
        if w == "," {
            // `A U.S. official, speaking on the condition of anonymity, said`: skip the aside.
            if matches!(
                words.at(j + 1),
                "speaking" | "who" | "requesting" | "asking"
            ) {
                relative = true;
                j += 1;
                continue;
            }
            if relative {
                // The aside ends at its closing comma.
                relative = false;
                j += 1;
                continue;
            }
            return false;
        }
        if w == "who" {
            relative = true;
        } else if relative {
            // Inside a relative clause or an aside: read on to its end.
        } else if BEFORE_VERB.contains(&w) {
            phrase = 0;
        } else if matches!(w, "at" | "in" | "from" | "of" | "to" | "for" | "with") {
            phrase = 4;
        } else if phrase > 0 && words.is_word(j) && !BE.contains(&w) {
            phrase -= 1;
        } else {
            return false;
        }
        j += 1;
    }
    false
}

/// `some analysts` and `analysts say`.
fn experts(words: &Words, i: usize, out: &mut Vec<Found>) {
    let word = words.at(i);
    if !EXPERTS.contains(&word) {
        return;
    }
    let prev = words.before(i, 1);
    if matches!(prev, "some" | "many" | "several" | "most" | "other") && i > 0 {
        out.push(Found::tokens(
            words,
            i - 1,
            i + 1,
            CueCategory::Hedge,
            "cue.source.generic_experts",
        ));
        return;
    }
    let determined =
        matches!(prev, "the" | "these" | "those" | "his" | "her" | "their") || is_possessive(prev);
    if !determined && EXPERT_VERBS.contains(&words.at(i + 1)) {
        out.push(Found::tokens(
            words,
            i,
            i + 2,
            CueCategory::Hedge,
            "cue.source.generic_experts",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape test turns away no head: every word of the seeds, and the heads cut and
    /// spliced, are heads exactly when the set holds them.
    #[test]
    fn is_source_head_agrees_with_the_set() {
        let heads: Vec<&str> = HEADS.0.iter().map(String::as_str).collect();
        let mut words: Vec<String> = crate::test_inputs::seeds()
            .iter()
            .flat_map(|text| {
                text.split_whitespace()
                    .map(|w| crate::cues::words::normalise(w).into_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut rng = crate::test_inputs::Rng::new(17);
        for _ in 0..5_000 {
            let (a, b) = (rng.pick(&heads), rng.pick(&heads));
            words.push(format!(
                "{}{}",
                &a[..rng.below(a.len() + 1)],
                &b[rng.below(b.len() + 1)..]
            ));
        }
        words.extend(heads.iter().map(|h| h.to_string()));
        let mut found = 0;
        for word in &words {
            assert_eq!(is_source_head(word), HEADS.0.contains(word), "{word:?}");
            found += usize::from(is_source_head(word));
        }
        assert!(found > heads.len(), "{found}");
    }

    /// Passing over the tokens that are neither heads nor experts leaves out no cue and adds
    /// none: trying every token finds the same ones.
    #[test]
    fn find_agrees_with_trying_every_token() {
        let mut vocabulary: Vec<&str> =
            [DETERMINERS, MODIFIERS, QUALIFIERS, BEFORE_VERB, BE].concat();
        vocabulary.extend(EXPERTS.iter().chain(EXPERT_VERBS));
        vocabulary.extend(SOURCE_HEADS.entries().chain(SOURCE_VERBS.entries()));
        vocabulary.extend([
            "some",
            "many",
            "with",
            "knowledge",
            "according",
            "anonymity",
        ]);
        let mut found_any = 0;
        crate::cues::words::with_words(
            &crate::cues::words::test_texts(&vocabulary),
            |text, words| {
                let mut found = Vec::new();
                find(words, &mut found);
                let mut expected = Vec::new();
                let mut i = 0;
                while i < words.len() {
                    i = sources_at(words, i, is_source_head(words.at(i)), &mut expected);
                }
                assert_eq!(found, expected, "{text}");
                found_any += found.len();
            },
        );
        assert!(found_any > 150, "{found_any}");
    }
}
