//! Loaded attribution: the verbs that introduce a quote and frame its speaker (`boasted`,
//! `claimed`, `insisted`, `warned`). The quotes layer decides what introduces a quote and
//! whether the verb is neutral (`AttributionCue::neutral`); [`find`] turns its non-neutral
//! cues into stance cues. [`in_position`] adds the loaded verbs the quotes layer did not attach
//! to a quote (`had touted a 50% drop`, `, arguing it would ...`), judged by the quotes layer's
//! own verb list ([`crate::quotes::verbs::lookup`]), so the two layers never disagree about
//! which verbs are loaded: there is one list.

use super::concern;
use super::found::Found;
use super::words::Words;
use crate::analysis::{CueCategory, Quote};
use crate::quotes::verbs::Verb;

/// Words between a subject and its verb: auxiliaries and adverbs (`has long resisted`,
/// `had additionally explained`); words ending in `-ly` are adverbs too.
const BETWEEN: &[&str] = &[
    "again",
    "also",
    "earlier",
    "had",
    "has",
    "have",
    "later",
    "long",
    "now",
    "often",
    "once",
    "previously",
    "recently",
    "still",
    "then",
    "will",
    "would",
];

/// Forms of `be`: before a participle they make it passive or adjectival (`was admitted to
/// hospital`, `were stressed`), not an attribution.
const BE: &[&str] = &["am", "are", "be", "been", "being", "is", "was", "were"];

/// Loaded verbs whose everyday sense outside a quote is not speech (`police charged a man`,
/// `maintained control`, `snapped a bone`, `countered the attack`): only the quotes layer,
/// which sees the quotation, may call them attribution.
const OTHER_SENSES: &[&str] = &["charge", "counter", "maintain", "snap"];

/// Words after a base or `-s` form that make it a noun (`Chinese demand for oil`, `Russian
/// claims of victory`, `U.S. pledges were broken`).
const AFTER_NOUN: &[&str] = &[
    ",", ".", ":", ";", "and", "are", "by", "could", "for", "from", "had", "has", "have", "in",
    "is", "may", "of", "on", "or", "over", "to", "was", "were", "will", "would",
];

/// Capitalised words that open a sentence without being its subject.
const NOT_SUBJECTS: &[&str] = &[
    "a", "after", "an", "at", "before", "her", "his", "in", "its", "my", "on", "our", "the",
    "their", "these", "this", "those",
];

/// Subject pronouns, relative ones included (`Rubio, who highlighted ...`).
const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "which", "who", "you"];

/// Whether `verb` is loaded in the sense [`in_position`] looks for.
pub fn is_loaded(verb: Verb) -> bool {
    !verb.neutral && !OTHER_SENSES.contains(&verb.lemma)
}

/// Loaded attribution verbs in attribution position that no quote claimed:
/// - a finite verb after its subject (a name, a pronoun, a plural noun), past auxiliaries and
///   adverbs: `Deare cautioned`, `some analysts have warned`, `Trump has recently floated`;
/// - any form before `that`: `a report revealing that`, `but stressed that`;
/// - a participle opening a clause: `, arguing it would`, `Highlighting an ongoing effort`;
/// - a past form after an appositive's comma: `Ronald Johnson, boasted late last month`.
pub fn in_position(words: &Words, out: &mut Vec<Found>) {
    words.each_concerning(concern::LOADED_VERB, |i, _| {
        if !words.is_word(i) || !attribution_position(words, i) {
            return;
        }
        let found = Found::tokens(
            words,
            i,
            i + 1,
            CueCategory::LoadedAttribution,
            "cue.attribution.loaded_verb_position",
        );
        // A verb the quotes layer already gave is a duplicate that `keep_longest` drops.
        out.push(found);
    });
}

fn attribution_position(words: &Words, i: usize) -> bool {
    let form = words.at(i);
    let prev = words.before(i, 1);
    if BE.contains(&prev) {
        return false;
    }
    if words.at(i + 1) == "that" {
        return true;
    }
    let participle = form.ends_with("ing");
    if participle {
        return words.is_word(i + 1) && (prev == "," || words.starts_sentence(i));
    }
    if prev == "," {
        // `Ronald Johnson, boasted ...`, but not `, praised by critics,` (a passive aside).
        return form.ends_with("ed") && words.is_word(i + 1) && words.at(i + 1) != "by";
    }
    if !form.ends_with("ed") && (AFTER_NOUN.contains(&words.at(i + 1)) || i + 1 >= words.len()) {
        return false;
    }
    // Walk back over auxiliaries and adverbs to the subject.
    let mut j = i;
    let mut auxiliary = false;
    while let Some(k) = j.checked_sub(1) {
        let w = words.at(k);
        // Four words between subject and verb are plenty (`has also long publicly`).
        if i - k > 4 {
            return false;
        }
        if BETWEEN.contains(&w) || (w.ends_with("ly") && w.len() > 4) {
            auxiliary |= matches!(w, "has" | "have" | "had" | "will" | "would");
            j = k;
            continue;
        }
        if BE.contains(&w) || !words.same_sentence(i, k) {
            return false;
        }
        let subject = PRONOUNS.contains(&w)
            || (words.is_capitalised(k) && !w.ends_with("'s") && !NOT_SUBJECTS.contains(&w))
            || (words.is_word(k) && w.ends_with('s') && w.len() > 3 && !w.ends_with("'s"));
        // After an auxiliary any noun phrase can be the subject (`and had touted`).
        return subject || (auxiliary && words.is_word(k));
    }
    false
}

/// One cue per non-neutral attribution span, unless the verb is passive; an interrupted quote shares its verb, and the
/// duplicates go in `keep_longest` (checking here would be quadratic).
pub fn find(words: &Words, quotes: &[Quote], out: &mut Vec<Found>) {
    for quote in quotes {
        let Some(cue) = &quote.cue else { continue };
        if cue.neutral || cue.span.start >= cue.span.end {
            continue;
        }
        // `she had been assured that`: a passive verb frames the hearer, not the speaker.
        let first = words.doc.token_at_or_after(cue.span.start);
        if BE.contains(&words.before(first, 1)) {
            continue;
        }
        let found = Found::bytes(
            cue.span.start,
            cue.span.end,
            CueCategory::LoadedAttribution,
            "cue.attribution.loaded_verb",
        );
        out.push(found);
    }
}

/// Anonymous quote speakers named by a description in the attribution (`those people said`):
/// the mention is an anonymous source even when the description rules did not see it. The
/// quotes layer also calls institutions collective (`The White House`): only mentions headed
/// by a source noun (`official`, `people`, `sources`, …) are unnamed informants.
pub fn anonymous_speakers(quotes: &[Quote], text: &str, out: &mut Vec<Found>) {
    for quote in quotes {
        let Some(speaker) = &quote.speaker else {
            continue;
        };
        let Some(mention) = &speaker.mention else {
            continue;
        };
        if !speaker.anonymous
            || mention.start >= mention.end
            || is_pronoun(&text[mention.start..mention.end])
            || !headed_by_source(&text[mention.start..mention.end])
        {
            continue;
        }
        let found = Found::bytes(
            mention.start,
            mention.end,
            CueCategory::AnonymousSource,
            "cue.source.quote_speaker",
        );
        out.push(found);
    }
}

fn headed_by_source(mention: &str) -> bool {
    mention
        .split_whitespace()
        .any(|w| super::sources::is_source_head(&super::words::normalise(w)))
}

/// A pronoun stands for someone already introduced: the description was the cue, not this.
fn is_pronoun(mention: &str) -> bool {
    // Lowered on the stack, not in a copy for each quoted speaker (an allocation, dearer in wasm).
    crate::text::with_lower(mention, |mention| {
        matches!(
            mention,
            "he" | "she" | "they" | "we" | "i" | "you" | "it" | "them" | "him" | "her" | "us"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AttributionCue, QuoteKind, TextSpan};

    fn quote<'a>(text: &'a str, verb: &str, neutral: bool) -> Quote<'a> {
        let start = text.find(verb).unwrap();
        Quote {
            id: "q1".into(),
            kind: QuoteKind::Direct,
            span: TextSpan::new(text, 1, 8),
            speaker: None,
            cue: Some(AttributionCue {
                span: TextSpan::new(text, start, start + verb.len()),
                lemma: verb.to_string().into(),
                neutral,
            }),
            nested_in: None,
            rule: "test".into(),
            attribution_rule: None,
        }
    }

    #[test]
    fn only_non_neutral_quote_cues_are_loaded_once_each() {
        let text = "\"We won,\" he boasted. \"Again,\" he said.";
        let boasted = quote(text, "boasted", false);
        let quotes = [boasted.clone(), boasted, quote(text, "said", true)];
        let doc = crate::text::Document::new(text);
        let mut renamed = String::new();
        let words = Words::new(&doc, &mut renamed);
        let mut out = Vec::new();
        find(&words, &quotes, &mut out);
        let out = super::super::keep_longest(out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start()..out[0].end()], "boasted");
        assert_eq!(out[0].category, CueCategory::LoadedAttribution);
    }
}
