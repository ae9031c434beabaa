//! Stance cues: hedges, boosters, refusals, support, loaded attribution, anonymous sources and
//! evaluative wording (categories and rules as in the annotation guidelines, §4).
//!
//! Each module has one job:
//! - [`words`] normalises the tokens once and [`concern`] says which rules each form concerns;
//!   [`matcher`] matches word sequences;
//! - [`lexicons`] holds the data files (`src/lexicons/cues/*.txt`): cues by themselves;
//! - [`senses`], [`modals`] and [`negation`] decide words whose sense depends on context
//!   (`reported`, `could`, `no`, …);
//! - [`sources`] finds unnamed sources and generic experts;
//! - [`attribution`] takes loaded attribution from the quotes layer's cues and verb list;
//! - [`scare`] marks the writer's scare quotes;
//! - [`voice`] says whose voice each cue is in.
//!
//! Every cue names the rule that found it (see [`crate::rules`]). All passes are linear in the
//! number of tokens.
//!
//! # Example
//! ```
//! let text = "Mexico ruled out an invasion, officials said. It could strain ties.";
//! let cues = newslens::annotate(text).cues;
//! let found: Vec<(&str, &str)> = cues.iter().map(|c| (c.span.text.as_ref(), c.rule.as_ref())).collect();
//! assert!(found.contains(&("ruled out", "cue.lexicon.refusal")));
//! assert!(found.contains(&("could", "cue.modal.epistemic")));
//! assert!(found.contains(&("officials", "cue.source.description")));
//! ```

pub mod attribution;
pub mod concern;
pub mod found;
pub mod lexicons;
pub mod matcher;
pub mod modals;
pub mod negation;
pub mod scare;
pub mod senses;
pub mod sources;
pub mod voice;
pub mod words;

use crate::analysis::{Cue, CueCategory, Entity, Quote, TextSpan};
use crate::quotes::marks::Marked;
use crate::text::Document;
use found::Found;

/// Finds the stance cues of a document, in order of start.
pub fn find<'a>(doc: &Document<'a>, quotes: &[Quote], _entities: &[Entity]) -> Vec<Cue<'a>> {
    find_with_marks(doc, quotes, &crate::quotes::marks::find(doc))
}

/// [`find`] with the document's quote marks already paired, as the quotes layer paired them
/// ([`crate::quotes::find_with_marks`]): scare quotes are the pairs it did not keep.
pub fn find_with_marks<'a>(
    doc: &Document<'a>,
    quotes: &[Quote],
    marked: &[Marked],
) -> Vec<Cue<'a>> {
    let mut found = one_label_per_span(keep_longest(candidates(doc, quotes, marked)));
    // The candidates are held while the cues are built: no room to spare.
    found.shrink_to_fit();
    // Sorted by start, as the sweep takes them.
    let mut voices = voice::Voices::new(quotes);
    found
        .iter()
        .map(|f| Cue {
            category: f.category,
            span: TextSpan::new(doc.text, f.start(), f.end()),
            rule: f.rule.into(),
            voice: voices.of(f.start(), f.end()),
        })
        .collect()
}

/// Every rule's cues, overlaps and duplicates included. The normalised words are dropped on
/// return, before the cues are built.
fn candidates(doc: &Document, quotes: &[Quote], marked: &[Marked]) -> Vec<Found> {
    let mut renamed = String::new();
    let words = words::Words::new(doc, &mut renamed);
    let mut found = Vec::new();
    let (matcher, meaning) = &*lexicons::MATCHER;
    // The tokens that concern the lexicons find their phrases by their form's group.
    let group = |form: &str| matcher.group(form);
    words.answering(concern::LEXICON, group, |first, group| {
        matcher.find_at(&words, first, group, |hit| {
            let (category, rule) = meaning[hit.phrase];
            found.push(Found::tokens(&words, hit.first, hit.end, category, rule));
        });
    });
    senses::find(&words, &mut found);
    modals::find(&words, &mut found);
    sources::find(&words, &mut found);
    attribution::anonymous_speakers(quotes, doc.text, &mut found);
    // Negation runs after the word-list and sense rules: it checks the scope of their support
    // and refusal cues (`will not cooperate`, `did not rule out`).
    negation::find(&words, &mut found);
    attribution::find(&words, quotes, &mut found);
    attribution::in_position(&words, &mut found);
    scare::find(doc, quotes, marked, &mut found);
    found
}

/// The same span carries two categories only for praise verbs used as attribution (guidelines
/// §4): a loaded attribution verb that is also a refusal, hedge or evaluative cue (`denied`,
/// `dismissed`, `threatened`) keeps that label only; support (`praised`) keeps both.
///
/// `found` is sorted by span, as [`keep_longest`] leaves it, so the cues of a span lie together
/// and are judged there: a set of the labelled spans hashed every cue.
fn one_label_per_span(mut found: Vec<Found>) -> Vec<Found> {
    let mut kept = 0;
    let mut first = 0;
    while first < found.len() {
        let span = found[first].span();
        let end = first
            + found[first..]
                .iter()
                .take_while(|f| f.span() == span)
                .count();
        let labelled = found[first..end].iter().any(|f| is_label(f.category));
        for k in first..end {
            if !labelled || found[k].category != CueCategory::LoadedAttribution {
                found[kept] = found[k];
                kept += 1;
            }
        }
        first = end;
    }
    found.truncate(kept);
    found
}

/// Whether a cue of `category` takes the place of a loaded attribution cue on its span.
fn is_label(category: CueCategory) -> bool {
    use crate::analysis::CueCategory::{LoadedAttribution, Support};
    !matches!(category, LoadedAttribution | Support)
}

/// Within one category, a cue inside a longer one is dropped (`has been clear` keeps, `clear`
/// goes); different categories may overlap (`will never accept` refusal, `never` booster).
/// Sorted by start, then end, then category.
fn keep_longest(mut found: Vec<Found>) -> Vec<Found> {
    crate::sort::by_key(&mut found, |f| {
        (f.start(), std::cmp::Reverse(f.end()), f.category)
    });
    // Sorted by start, longer first, so a cue lies inside an earlier one of its category
    // exactly when it ends no later than the furthest end of that category so far.
    // By category, in an array: a map hashed each cue twice.
    let mut furthest = [None; CATEGORIES];
    found.retain(|f| {
        let end = &mut furthest[place(f.category)];
        if end.is_some_and(|end| f.end() <= end) {
            return false;
        }
        *end = Some(f.end());
        true
    });
    // Most starts hold one cue, so this is mostly a check that the order is already right.
    crate::sort::by_key(&mut found, |f| (f.start(), f.end(), f.category));
    found
}

/// How many categories there are: one more than [`place`] gives.
const CATEGORIES: usize = 7;

/// A category's place in a table by category. The match names every category, so a new one
/// cannot be added without giving it a place (and counting it in [`CATEGORIES`]).
fn place(category: CueCategory) -> usize {
    use crate::analysis::CueCategory::*;
    match category {
        Hedge => 0,
        Booster => 1,
        Refusal => 2,
        Support => 3,
        LoadedAttribution => 4,
        AnonymousSource => 5,
        Evaluative => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::CueCategory::*;

    /// The one-sort sweep keeps what the definition does: a cue goes when another of its
    /// category contains it, an identical one only when it came earlier. Every category
    /// appears, so two sharing a place in the sweep's table would show.
    #[test]
    fn keep_longest_agrees_with_its_definition() {
        let mut rng = crate::test_inputs::Rng::new(5);
        for _ in 0..500 {
            let found: Vec<Found> = (0..rng.below(30))
                .map(|_| {
                    let start = rng.below(40);
                    let end = start + 1 + rng.below(6);
                    let category = [
                        Hedge,
                        Booster,
                        Refusal,
                        Support,
                        LoadedAttribution,
                        AnonymousSource,
                        Evaluative,
                    ][rng.below(CATEGORIES)];
                    Found::bytes(start, end, category, rng.pick(&["a", "b", "c"]))
                })
                .collect();
            let mut expected: Vec<Found> = found
                .iter()
                .enumerate()
                .filter(|&(k, f)| {
                    !found.iter().enumerate().any(|(m, g)| {
                        m != k
                            && g.category == f.category
                            && f.within(g)
                            && (m < k || (g.start(), g.end()) != (f.start(), f.end()))
                    })
                })
                .map(|(_, f)| *f)
                .collect();
            expected.sort_by_key(|f| (f.start(), f.end(), f.category));
            assert_eq!(keep_longest(found.clone()), expected, "{found:?}");
        }
    }

    /// The sweep over spans drops what the definition does: a loaded attribution cue whose span
    /// another cue labels (other than support), over lists in the order `keep_longest` leaves.
    #[test]
    fn one_label_per_span_agrees_with_its_definition() {
        let mut rng = crate::test_inputs::Rng::new(7);
        let categories = [
            Hedge,
            Booster,
            Refusal,
            Support,
            LoadedAttribution,
            AnonymousSource,
            Evaluative,
        ];
        let mut dropped = 0;
        for _ in 0..2000 {
            let mut found: Vec<Found> = (0..rng.below(20))
                .map(|_| {
                    let start = rng.below(8);
                    let end = start + 1 + rng.below(3);
                    // Loaded attribution often, so spans share it with other cues.
                    let category = if rng.below(2) == 0 {
                        LoadedAttribution
                    } else {
                        categories[rng.below(CATEGORIES)]
                    };
                    Found::bytes(start, end, category, rng.pick(&["a", "b"]))
                })
                .collect();
            found.sort_by_key(|f| (f.start(), f.end(), f.category));
            let labelled: Vec<(usize, usize)> = found
                .iter()
                .filter(|f| !matches!(f.category, LoadedAttribution | Support))
                .map(|f| (f.start(), f.end()))
                .collect();
            let mut expected = found.clone();
            expected.retain(|f| {
                f.category != LoadedAttribution || !labelled.contains(&(f.start(), f.end()))
            });
            dropped += found.len() - expected.len();
            assert_eq!(one_label_per_span(found.clone()), expected, "{found:?}");
        }
        assert!(dropped > 500, "{dropped}");
    }

    /// Every rule id written in the cue modules is described in `crate::rules`.
    #[test]
    fn every_rule_is_described() {
        let sources = [
            include_str!("attribution.rs"),
            include_str!("lexicons.rs"),
            include_str!("modals.rs"),
            include_str!("negation.rs"),
            include_str!("scare.rs"),
            include_str!("senses.rs"),
            include_str!("sources.rs"),
        ];
        let mut seen = 0;
        for source in sources {
            for piece in source.split('"').skip(1).step_by(2) {
                if piece.starts_with("cue.") && !piece.contains(' ') {
                    seen += 1;
                    assert_ne!(
                        crate::rules::describe(piece),
                        piece,
                        "describe {piece} in rules.rs"
                    );
                }
            }
        }
        assert!(seen > 20);
    }
}
