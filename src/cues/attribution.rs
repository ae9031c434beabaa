//! Loaded attribution: the verbs that introduce a quote and frame its speaker (`boasted`,
//! `claimed`, `insisted`, `warned`). The quotes layer decides what introduces a quote and
//! whether the verb is neutral (`AttributionCue::neutral`); this module only turns its
//! non-neutral cues into stance cues, so the two layers can never disagree about a verb.

use super::found::Found;
use crate::analysis::{CueCategory, Quote};

/// One cue per distinct non-neutral attribution span (an interrupted quote shares its verb).
pub fn find(quotes: &[Quote], out: &mut Vec<Found>) {
    for quote in quotes {
        let Some(cue) = &quote.cue else { continue };
        if cue.neutral || cue.span.start >= cue.span.end {
            continue;
        }
        let found = Found {
            start: cue.span.start,
            end: cue.span.end,
            category: CueCategory::LoadedAttribution,
            rule: "cue.attribution.loaded_verb",
        };
        if !out.contains(&found) {
            out.push(found);
        }
    }
}

/// Anonymous quote speakers named by a description in the attribution (`those people said`):
/// the mention is an anonymous source even when the description rules did not see it.
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
        {
            continue;
        }
        let found = Found {
            start: mention.start,
            end: mention.end,
            category: CueCategory::AnonymousSource,
            rule: "cue.source.quote_speaker",
        };
        if !out.contains(&found) {
            out.push(found);
        }
    }
}

/// A pronoun stands for someone already introduced: the description was the cue, not this.
fn is_pronoun(mention: &str) -> bool {
    matches!(
        mention.to_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "i" | "you" | "it" | "them" | "him" | "her" | "us"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AttributionCue, QuoteKind, TextSpan};

    fn quote(text: &str, verb: &str, neutral: bool) -> Quote {
        let start = text.find(verb).unwrap();
        Quote {
            id: "q1".to_string(),
            kind: QuoteKind::Direct,
            span: TextSpan::new(text, 1, 8),
            speaker: None,
            cue: Some(AttributionCue {
                span: TextSpan::new(text, start, start + verb.len()),
                lemma: verb.to_string(),
                neutral,
            }),
            nested_in: None,
            rule: "test".to_string(),
            attribution_rule: None,
        }
    }

    #[test]
    fn only_non_neutral_quote_cues_are_loaded_once_each() {
        let text = "\"We won,\" he boasted. \"Again,\" he said.";
        let boasted = quote(text, "boasted", false);
        let quotes = [boasted.clone(), boasted, quote(text, "said", true)];
        let mut out = Vec::new();
        find(&quotes, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "boasted");
        assert_eq!(out[0].category, CueCategory::LoadedAttribution);
    }
}
