//! From a speaker mention to a speaker: the canonical name, the entity, and whether the source
//! is named.
//!
//! - a name becomes the fullest form of that name in the article;
//! - `he`/`she` become the most recent person of that gender mentioned before, preferring the
//!   last speaker (news keeps its speaker across `he added`);
//! - `they`/`we` become the last collective source (officials, an organisation);
//! - `I` inside a quote is the quote's own speaker;
//! - `the president` becomes the person the article calls president, else stays a description.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::attribution::{Mention, MentionKind};
use super::people::{Org, People, LOOKBACK};
use super::spans::Quoted;
use super::words::{is_determiner, is_source_noun, with_lower, Pronoun};
use crate::analysis::{Quote, Speaker, TextSpan};
use crate::entities::gazetteer::GAZETTEER;
use crate::lexicon::Builtin;
use crate::text::Document;

/// What is known when a mention is resolved.
pub struct Context<'a, 't> {
    /// The article.
    pub doc: &'a Document<'t>,
    /// Its people.
    pub people: &'a People<'t>,
    /// The quotes so far, in the order they were attributed.
    pub quotes: &'a [Quote<'t>],
    /// Those of them with a speaker, in text order: (byte where the quote starts, index in
    /// `quotes`).
    pub attributed: &'a [(usize, usize)],
    /// Spans of quotation content, to tell mentions inside quotes from the writer's.
    pub quoted: &'a Quoted,
    /// The speaker of the quote containing this one, if nested.
    pub outer: Option<&'a Speaker<'t>>,
}

impl<'t> Context<'_, 't> {
    /// The speakers so far, in text order: (byte where the quote starts, speaker). Read from the
    /// quotes rather than kept in a copy of each.
    fn previous(&self) -> impl DoubleEndedIterator<Item = (usize, &Speaker<'t>)> {
        self.attributed.iter().map(|&(start, q)| {
            let speaker = self.quotes[q].speaker.as_ref();
            (
                start,
                speaker.expect("only quotes with a speaker are listed"),
            )
        })
    }
}

fn inside(quoted: &Quoted, byte: usize) -> Option<&Range<usize>> {
    quoted.containing(byte)
}

/// Resolves `mention`; `resolution` records how.
pub fn resolve<'t>(mention: &Mention, cx: &Context<'_, 't>) -> Option<Speaker<'t>> {
    let text = &cx.doc.text[mention.span.clone()];
    let span = Some(TextSpan::new(
        cx.doc.text,
        mention.span.start,
        mention.span.end,
    ));
    let named = |i: usize, resolution: &'static str| {
        let person = &cx.people.people[i];
        Some(Speaker {
            name: person.name.clone(),
            entity: person.entity.clone(),
            mention: span.clone(),
            anonymous: false,
            resolution: resolution.into(),
        })
    };
    // An organisation speaks for itself: not a named person (`anonymous` as the profile counts).
    let organisation =
        |name: Cow<'t, str>, entity: Option<&Cow<'static, str>>, resolution: &'static str| {
            Some(Speaker {
                name,
                entity: entity.cloned(),
                mention: span.clone(),
                anonymous: true,
                resolution: resolution.into(),
            })
        };
    match &mention.kind {
        MentionKind::Name => {
            if let Some(i) = cx
                .people
                .at(&mention.span)
                .or_else(|| cx.people.by_name(text))
            {
                return named(i, "name");
            }
            Some(Speaker {
                name: Cow::Borrowed(text),
                entity: None,
                mention: span,
                anonymous: false,
                resolution: "name".into(),
            })
        }
        MentionKind::Org => {
            let known = cx
                .people
                .org_at(&mention.span)
                .or_else(|| cx.people.org_by_name(text));
            match known {
                Some((name, id)) => organisation(name.clone(), id, "organisation"),
                None => organisation(Cow::Borrowed(text), None, "organisation"),
            }
        }
        MentionKind::Pronoun(Pronoun::First) => cx.outer.map(|outer| Speaker {
            mention: span.clone(),
            resolution: "pronoun".into(),
            ..outer.clone()
        }),
        MentionKind::Pronoun(gender @ (Pronoun::Male | Pronoun::Female)) => {
            let at = mention.span.start;
            let own_quote = inside(cx.quoted, at);
            let compatible = |i: usize| {
                let g = cx.people.people[i].gender;
                g == *gender || g == Pronoun::Plural
            };
            // The last speaker, when the pronoun fits them, carries over.
            let last_speaker = cx
                .previous()
                .rev()
                .take(LOOKBACK)
                .find(|(_, s)| !s.anonymous)
                .and_then(|(_, s)| cx.people.by_name(&s.name));
            let recent = cx
                .people
                .mentions_before(at)
                .take(LOOKBACK)
                .filter(|(m, _)| match inside(cx.quoted, m.start) {
                    None => true,
                    Some(q) => Some(q) == own_quote,
                })
                .map(|(_, i)| i)
                .find(|&i| compatible(i));
            let exact = cx
                .people
                .mentions_before(at)
                .take(LOOKBACK)
                .filter(|(m, _)| {
                    inside(cx.quoted, m.start).is_none() || inside(cx.quoted, m.start) == own_quote
                })
                .map(|(_, i)| i)
                .find(|&i| cx.people.people[i].gender == *gender);
            let choice = match (last_speaker, recent, exact) {
                (Some(s), Some(r), _) if s == r => Some(s),
                (_, _, Some(e)) => Some(e),
                (Some(s), _, None) if compatible(s) => Some(s),
                (_, r, None) => r,
            };
            choice.and_then(|i| named(i, "pronoun"))
        }
        MentionKind::Pronoun(Pronoun::Plural) => {
            // `they said`: an organisation named earlier in the sentence, else the last
            // collective source nearby, else the last organisation named.
            let at = mention.span.start;
            let sentence = cx.doc.sentences[cx.doc.sentence_index(at)].start;
            if let Some((name, id)) = cx.people.last_org_in(sentence..at) {
                return organisation(name.clone(), id, "pronoun");
            }
            let paragraph = cx.doc.paragraph_index(at);
            let since = cx.doc.paragraphs[paragraph.saturating_sub(1)].start;
            if let Some((_, collective)) = cx
                .previous()
                .rev()
                .take_while(|(start, _)| *start >= since)
                .find(|(_, s)| s.anonymous)
            {
                return Some(Speaker {
                    mention: span,
                    resolution: "pronoun".into(),
                    ..collective.clone()
                });
            }
            let (name, id) = cx.people.last_org_in(since..at)?;
            organisation(name.clone(), id, "pronoun")
        }
        MentionKind::Role(role) => {
            if let Some(i) = cx.people.with_role(role, mention.span.start) {
                return named(i, "role");
            }
            Some(Speaker {
                name: describe(text),
                entity: None,
                mention: span,
                anonymous: true,
                resolution: "role".into(),
            })
        }
        MentionKind::Description => {
            // `a New York Times report`: the organisation named inside a document is the
            // source (but `a Labour MP` is a person, not the party).
            // Also `a statement from Heathrow`, `a report by the UN`: the document, then its
            // source.
            let lowered = crate::text::lower(text);
            let words = words_of_lowered(&lowered);
            let is_document = |w: &str| {
                matches!(
                    w,
                    "report"
                        | "statement"
                        | "study"
                        | "survey"
                        | "article"
                        | "analysis"
                        | "poll"
                        | "memo"
                        | "data"
                )
            };
            let document = words.last().is_some_and(|head| is_document(head))
                || words
                    .windows(2)
                    .any(|pair| is_document(pair[0]) && matches!(pair[1], "from" | "by" | "of"));
            if let Some((name, id)) = cx.people.org_at(&mention.span).filter(|_| document) {
                return organisation(name.clone(), id, "organisation");
            }
            // `a statement from Heathrow` where Heathrow is not an organisation to the entities
            // layer (a place, an unknown name): the capitalised source after the preposition.
            if let Some(source) = document.then(|| source_after_document(text)).flatten() {
                if let Some(i) = cx.people.by_name(source) {
                    return named(i, "name");
                }
                return organisation(Cow::Borrowed(source), None, "organisation");
            }
            // `the company said`: the organisation the article named shortly before.
            if let [the, noun] = words.as_slice() {
                if let Some((name, id)) = (*the == "the")
                    .then(|| organisation_named_before(noun, mention.span.start, cx))
                    .flatten()
                {
                    return organisation(name.clone(), id, "organisation");
                }
            }
            // `those people`, `the officials`: the unnamed source the article described before.
            if let (Some(first), Some(head)) = (words.first(), words.last()) {
                if matches!(*first, "those" | "these" | "the") {
                    let earlier = cx.previous().rev().take(LOOKBACK).find(|(_, s)| {
                        s.anonymous && s.name.split_whitespace().any(|w| w == *head)
                    });
                    if let Some((_, earlier)) = earlier {
                        return Some(Speaker {
                            mention: span,
                            resolution: "description".into(),
                            ..earlier.clone()
                        });
                    }
                }
            }
            Some(Speaker {
                name: describe(text),
                entity: None,
                mention: span,
                anonymous: true,
                resolution: "description".into(),
            })
        }
    }
}

/// The words of a text lower-cased whole, as `text.split_whitespace().map(str::to_lowercase)`
/// gives them from the text itself with a copy per word: no character lowers to whitespace or
/// from it, and a final sigma sees the same end of word either way.
fn words_of_lowered(lowered: &str) -> Vec<&str> {
    lowered.split_whitespace().collect()
}

/// The named source of `a statement from X` / `a report by the X`: the words after the
/// preposition, without `the`, when they start with a capital.
fn source_after_document(text: &str) -> Option<&str> {
    let (_, after) = [" from ", " by ", " of "]
        .iter()
        .find_map(|p| text.split_once(p))?;
    let after = after.strip_prefix("the ").unwrap_or(after).trim();
    after.starts_with(char::is_uppercase).then_some(after)
}

/// How an organisation's role noun refers back (`src/lexicons/quotes/organisation_roles.txt`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum RoleFit {
    /// `the company`: any organisation but a public body or a news outlet.
    Company,
    /// `the ministry`: an organisation whose name holds the noun.
    Named,
}

const ORGANISATION_ROLES_LIST: Builtin = Builtin {
    name: "quotes/organisation_roles.txt",
    data: include_str!("../lexicons/quotes/organisation_roles.txt"),
};

static ORGANISATION_ROLES: LazyLock<FxHashMap<&'static str, RoleFit>> = LazyLock::new(|| {
    ORGANISATION_ROLES_LIST
        .entries()
        .filter_map(|entry| {
            let (noun, kind) = entry.split_once(' ')?;
            let fit = match kind.trim() {
                "company" => RoleFit::Company,
                "named" => RoleFit::Named,
                other => panic!("organisation_roles.txt: unknown kind {other:?} for {noun}"),
            };
            Some((noun, fit))
        })
        .collect()
});

/// Words in the name of a public body: `the company` does not refer back to one.
const PUBLIC_BODY_WORDS: &[&str] = &[
    "agency",
    "army",
    "commission",
    "council",
    "court",
    "department",
    "government",
    "ministry",
    "parliament",
    "party",
    "police",
    "white house",
];

/// The organisation that `the NOUN` refers back to: the last one named in this paragraph or the
/// two before whose name fits the noun.
fn organisation_named_before<'c, 't>(
    noun: &str,
    at: usize,
    cx: &'c Context<'_, 't>,
) -> Option<Org<'c, 't>> {
    let fit = *ORGANISATION_ROLES.get(noun)?;
    let paragraph = cx.doc.paragraph_index(at);
    let since = cx.doc.paragraphs[paragraph.saturating_sub(2)].start;
    cx.people.last_org_where(since..at, |name| {
        let lower = name.to_lowercase();
        match fit {
            RoleFit::Named => lower.split_whitespace().any(|w| w == noun),
            RoleFit::Company => {
                !PUBLIC_BODY_WORDS.iter().any(|w| lower.contains(w))
                    && !GAZETTEER
                        .phrases
                        .get(&lower)
                        .is_some_and(|known| known.outlet || known.country)
            }
        }
    })
}

/// A description as a speaker's name: sentence case undone (`A U.S. official` → `a U.S.
/// official`), so the same source reads the same wherever it stands. The text itself, borrowed,
/// when that changes nothing (most descriptions stand mid-sentence).
fn describe(text: &str) -> Cow<'_, str> {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let described = with_lower(first_word, |w| is_determiner(w) || is_source_noun(w));
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if described && !c.to_lowercase().eq([c]) => {
            Cow::Owned(c.to_lowercase().chain(chars).collect())
        }
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_lowered_text_are_the_lowered_words() {
        let pieces = [
            "A", "u.s.", "U.S.", "Official", "ΟΔΟΣ", "Σ", "σ", "'", "’", "\u{212A}", "İ", "ß", " ",
            "  ", "\t", "\u{a0}", "\u{2003}", "x",
        ];
        let mut rng = crate::test_inputs::Rng::new(29);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 8);
            let slow: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
            let lowered = crate::text::lower(&text);
            assert_eq!(words_of_lowered(&lowered), slow, "{text:?}");
        }
    }

    #[test]
    fn describe_agrees_with_lowering_a_described_first_letter() {
        let by_definition = |text: &str| -> String {
            let first_word = text.split_whitespace().next().unwrap_or("").to_lowercase();
            if !is_determiner(&first_word) && !is_source_noun(&first_word) {
                return text.to_string();
            }
            let mut chars = text.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
        };
        let pieces = [
            "A", "a", "The", "THE", "Aides", "aides", "Some", "İ", "ǅ", "Σ", "É", " ", "\u{a0}",
            "U.S.", "official", "x",
        ];
        let mut rng = crate::test_inputs::Rng::new(31);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 6);
            let described = describe(&text);
            assert_eq!(described, by_definition(&text), "{text:?}");
            let borrowed = matches!(described, Cow::Borrowed(_));
            assert_eq!(borrowed, described == text, "{text:?}");
        }
    }

    #[test]
    fn organisation_roles_list_is_sorted_with_known_kinds() {
        let list = ORGANISATION_ROLES_LIST.lexicon();
        assert!(list.lint().is_empty(), "{:?}", list.lint());
        assert_eq!(ORGANISATION_ROLES.len(), list.entries().count());
        assert!(ORGANISATION_ROLES.get("company") == Some(&RoleFit::Company));
        assert!(ORGANISATION_ROLES.get("ministry") == Some(&RoleFit::Named));
    }
}
