//! Entities: people, organisations, places, dates and numbers, one cluster per referent.
//!
//! The layer runs in passes, each its own module with one job:
//! 1. [`dates`] and [`numbers`] find temporal and numeric expressions with regular expressions;
//! 2. [`names`] chunks capitalised word sequences (over the word view built in `words`) and
//!    types them with the word lists of [`gazetteer`], head words (`Ministry`, `Cartel`,
//!    `City`), titles and context cues; [`capital`] adds `the capital` before a city's name;
//! 3. [`titles`] links titles and roles to the people they describe;
//! 4. [`cluster`] groups mentions into one entity per referent with a canonical name.
//!
//! Every mention remembers the rule that found it; an entity's `rule` is its first mention's.
//!
//! # Example: clusters, titles and gender for the quotes layer
//! ```
//! use newslens::entities::{self, Gender};
//! use newslens::EntityType;
//!
//! let doc = newslens::text::Document::new(
//!     "Mexican President Claudia Sheinbaum met Mr. Trump. Sheinbaum’s aides spoke.",
//! );
//! let found = entities::find(&doc);
//! let sheinbaum = entities::people(&found).next().unwrap();
//! assert_eq!(sheinbaum.name, "Claudia Sheinbaum");
//! assert_eq!(sheinbaum.mentions.len(), 2);
//! assert_eq!(sheinbaum.mentions[1].text, "Sheinbaum");
//! assert_eq!(sheinbaum.titles, vec!["Mexican President"]);
//! assert_eq!(entities::gender(sheinbaum), Some(Gender::Female));
//! assert_eq!(entities::with_title(&found, "the Mexican president")[0].name, "Claudia Sheinbaum");
//! ```

pub mod capital;
mod class_table;
pub mod cluster;
pub mod dates;
pub mod gazetteer;
pub mod names;
pub mod numbers;
mod open_table;
pub mod pattern;
#[cfg(test)]
mod pattern_oracle;
mod rare;
mod scan;
pub mod titles;
mod words;

use std::borrow::Cow;

use crate::analysis::{Entity, EntityType, EntityValue};
use crate::text::Document;

pub use gazetteer::Gender;

/// One mention before clustering.
///
/// A long article has a mention every few words, and most carry nothing beyond their span,
/// type and rule: the rest waits in [`Details`], allocated only for the mentions that have
/// some (64 bytes a mention instead of 144).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
    /// The rule that found it.
    pub rule: &'static str,
    /// A canonical name a word list gave it (`U.S.` → `United States`), borrowed from the list.
    /// Kept here, not in [`Details`]: a box for it alone was the article's most frequent
    /// allocation (68 of seed 002's 469).
    listed: Option<&'static str>,
    details: Option<Box<Details>>,
}

/// What some mentions carry besides their span, type and rule.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    /// A canonical name the text gave it (an acronym's expansion) or its cluster settled on;
    /// it stands before the list's ([`Mention::set_listed`]).
    pub canonical: Option<Cow<'static, str>>,
    /// A date's ISO value or a number's parsed value.
    pub value: Option<EntityValue>,
    /// A number's unit.
    pub unit: Option<&'static str>,
    /// Titles the article gives this person at this mention.
    pub titles: Vec<String>,
}

impl Mention {
    /// A mention with no canonical name, value or title yet.
    pub fn new(start: usize, end: usize, kind: EntityType, rule: &'static str) -> Mention {
        Mention {
            start,
            end,
            kind,
            rule,
            listed: None,
            details: None,
        }
    }

    /// Gives it the canonical name a list has for it.
    pub fn set_listed(&mut self, canonical: &'static str) {
        self.listed = Some(canonical);
    }

    /// [`Mention::canonical`], borrowed when a list gave it.
    pub fn canonical_cow(&self) -> Option<Cow<'static, str>> {
        match self.details.as_ref().and_then(|d| d.canonical.clone()) {
            Some(c) => Some(c),
            None => self.listed.map(Cow::Borrowed),
        }
    }

    /// Its canonical name, if the text or a list gave it one.
    pub fn canonical(&self) -> Option<&str> {
        match self.details.as_ref().and_then(|d| d.canonical.as_deref()) {
            Some(c) => Some(c),
            None => self.listed,
        }
    }

    /// A date's ISO value or a number's parsed value.
    pub fn value(&self) -> Option<&EntityValue> {
        self.details.as_ref()?.value.as_ref()
    }

    /// A number's unit.
    pub fn unit(&self) -> Option<&'static str> {
        self.details.as_ref()?.unit
    }

    /// The titles the article gives this person at this mention.
    pub fn titles(&self) -> &[String] {
        self.details.as_ref().map_or(&[], |d| &d.titles)
    }

    /// Its details, to change them (made empty on first use).
    pub fn details_mut(&mut self) -> &mut Details {
        self.details.get_or_insert_with(Default::default)
    }
}

/// Finds the entity clusters of a document, in order of first mention.
pub fn find<'a>(doc: &Document<'a>) -> Vec<Entity<'a>> {
    // The name finder's table of units, one for every token and its largest allocation, is
    // made first, beside the document's tokens. Made after the scans, it found the room they
    // had freed broken up by the small allocations of their results, and went on top: a wasm
    // memory, which never shrinks, kept 12x the text after a second long text, not 9x.
    let units = words::reserve(doc);
    // Both scans start from the runs of word bytes, read once for both: kept in a list, the
    // runs were twice the text's size.
    let mut dates = dates::Scan::new(doc.text);
    let mut numbers = numbers::Scan::new(doc.text);
    for run in scan::runs(doc.text) {
        dates.push(run);
        numbers.push(run);
    }
    let mut mentions = dates.finish(doc);
    push_free(&mut mentions, numbers.finish(doc));
    let names = names::find_in(units, doc, &mentions);
    push_free(&mut mentions, names);
    let capitals = capital::the_capital(doc.text, &mentions);
    push_free(&mut mentions, capitals);
    titles::attach(doc, &mut mentions);
    cluster::build(doc.text, mentions)
}

/// Adds the mentions of a later pass that overlap none already found, nor one of the pass
/// added before them (a pass may overlap itself on odd input: fuzzing found `…A44ed The` and
/// `The AP`), and leaves `mentions` sorted by (start, end). What is kept never overlaps, so
/// sorted by start its ends are sorted too: one binary search per new mention, from where the
/// one before ended.
fn push_free(mentions: &mut Vec<Mention>, mut more: Vec<Mention>) {
    crate::sort::by_key(mentions, |m| (m.start, m.end));
    crate::sort::by_key(&mut more, |m| (m.start, m.end));
    // New mentions come by start, so the furthest end of those kept is all an overlap needs.
    let (mut new_end, mut k) = (0, 0);
    more.retain(|m| {
        k = crate::search::partition_point_from(mentions, k, |old| old.end <= m.start);
        let free = m.start >= new_end && mentions.get(k).is_none_or(|old| old.start >= m.end);
        if free {
            new_end = m.end;
        }
        free
    });
    merge_sorted(mentions, more);
}

/// Merges `more` into `mentions`, both sorted by (start, end), as appending it and sorting
/// stably would (a mention already there stays before an equal new one), from the back in
/// place: the sort after each pass was a merge of these two runs through index lists.
fn merge_sorted(mentions: &mut Vec<Mention>, mut more: Vec<Mention>) {
    let key = |m: &Mention| (m.start, m.end);
    let mut old = mentions.len();
    // Room for the new mentions at the end, filled from the last slot down; a placeholder
    // moved down by a swap is written over in its turn.
    mentions.resize_with(old + more.len(), || {
        Mention::new(0, 0, EntityType::Number, "")
    });
    for at in (0..mentions.len()).rev() {
        let Some(new) = more.last() else {
            break; // what is left of the old mentions is in place
        };
        if old > 0 && key(&mentions[old - 1]) > key(new) {
            mentions.swap(at, old - 1);
            old -= 1;
        } else {
            mentions[at] = more.pop().expect("a last one");
        }
    }
}

/// The person clusters, in order of first mention.
pub fn people<'e, 'a>(entities: &'e [Entity<'a>]) -> impl Iterator<Item = &'e Entity<'a>> {
    entities.iter().filter(|e| e.kind == EntityType::Person)
}

/// The usual gender of a person: from a gendered title or honorific the article gives them
/// (`Ms.`, `spokeswoman`), else from their given name. `None` when unknown or not a person.
pub fn gender(entity: &Entity) -> Option<Gender> {
    if entity.kind != EntityType::Person {
        return None;
    }
    for title in &entity.titles {
        if let Some(g) = titles::gender_of_title(title) {
            return Some(g);
        }
    }
    let first = entity.name.split_whitespace().next()?;
    gazetteer::GAZETTEER.first_name_gender(first)
}

/// The people the article gives a title matching `phrase` (`the Mexican president`,
/// `Secretary of State`), compared lower-cased without articles and possessives. A bare head
/// (`the president`) matches every person whose title ends in it, in order of first mention.
pub fn with_title<'e, 'a>(entities: &'e [Entity<'a>], phrase: &str) -> Vec<&'e Entity<'a>> {
    let wanted = titles::normalize(phrase);
    people(entities)
        .filter(|e| {
            e.titles.iter().any(|t| {
                let t = titles::normalize(t);
                t == wanted || t.ends_with(&format!(" {wanted}"))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`push_free`] keeps what the plain way keeps, in its order: each free mention pushed
    /// after those already found, then everything sorted stably by (start, end). Spans are
    /// drawn from a few offsets so that many tie, and rules tell apart mentions that do.
    #[test]
    fn push_free_is_a_push_then_a_stable_sort() {
        let plain = |mentions: &mut Vec<Mention>, mut more: Vec<Mention>| {
            crate::sort::by_key(mentions, |m| (m.start, m.end));
            crate::sort::by_key(&mut more, |m| (m.start, m.end));
            let old: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
            let mut new_end = 0;
            for m in more {
                let k = old.partition_point(|&(_, end)| end <= m.start);
                let free = m.start >= new_end
                    && match old.get(k) {
                        Some(&(start, _)) => start >= m.end,
                        None => true,
                    };
                if free {
                    new_end = m.end;
                    mentions.push(m);
                }
            }
            crate::sort::by_key(mentions, |m| (m.start, m.end));
        };
        const RULES: &[&str] = &["a", "b", "c", "d", "e", "f"];
        let mut rng = crate::test_inputs::Rng::new(7);
        let mut draw = |n: usize, free: bool| -> Vec<Mention> {
            let mut out = Vec::new();
            let mut at = 0;
            for _ in 0..n {
                // Mentions already found never overlap (a pass's own may).
                let start = if free {
                    at + rng.below(3)
                } else {
                    rng.below(12)
                };
                let end = start + rng.below(4);
                at = end;
                out.push(Mention::new(
                    start,
                    end,
                    EntityType::Person,
                    rng.pick(RULES),
                ));
            }
            out
        };
        for _ in 0..5_000 {
            let found = draw(6, true);
            let more = draw(6, false);
            let (mut fast, mut slow) = (found.clone(), found);
            push_free(&mut fast, more.clone());
            plain(&mut slow, more);
            assert_eq!(fast, slow);
        }
    }

    /// Random texts built from awkward pieces: every span must be a slice on char boundaries,
    /// mentions must not overlap, and nothing may panic.
    #[test]
    fn spans_are_exact_slices_of_arbitrary_text() {
        const PIECES: &[&str] = &[
            "Mexico",
            "’s",
            "'s",
            "U.S.",
            "-",
            "é",
            "😀",
            "“",
            "”",
            " ",
            " ",
            " ",
            "\n",
            "Mr.",
            "The",
            "the",
            "New York Times",
            "5%",
            "$",
            "Aug.",
            "8",
            ",",
            ".",
            "de",
            "la",
            "Fuente",
            "ALL CAPS",
            "—",
            "−",
            "'",
            "s",
            "Sheinbaum-Trump",
            "of",
            "and",
            "Ministry",
            "Ñandú",
            "İstanbul",
            "ǅ",
            "said",
            "President",
            "Claudia",
            "1990s",
            "one",
            "May",
            "2",
            "2024",
            "hundreds",
            "X",
            "on",
            "By",
            "Ångström",
            "\u{301}",
            "Zoë",
            "–",
            "(",
            ")",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let doc = Document::new(&text);
            let entities = find(&doc);
            let mut spans: Vec<(usize, usize)> = Vec::new();
            for e in &entities {
                for m in &e.mentions {
                    assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    assert_eq!(&text[m.start..m.end], m.text, "in {text:?}");
                    assert!(!m.text.is_empty());
                    spans.push((m.start, m.end));
                }
            }
            crate::sort::all(&mut spans);
            for w in spans.windows(2) {
                assert!(w[0].1 <= w[1].0, "overlapping mentions in {text:?}");
            }
        }
    }

    #[test]
    fn people_titles_and_gender_for_the_quotes_layer() {
        let doc = Document::new(
            "Secretary of State Marco Rubio spoke. White House spokeswoman Karoline Leavitt \
             agreed. Rubio left.",
        );
        let found = find(&doc);
        let names: Vec<&str> = people(&found).map(|e| e.name.as_ref()).collect();
        assert_eq!(names, vec!["Marco Rubio", "Karoline Leavitt"]);
        assert_eq!(
            with_title(&found, "the secretary of state")[0].name,
            "Marco Rubio"
        );
        assert_eq!(
            with_title(&found, "spokeswoman")[0].name,
            "Karoline Leavitt"
        );
        assert_eq!(
            gender(with_title(&found, "spokeswoman")[0]),
            Some(Gender::Female)
        );
        assert_eq!(gender(&found[0]), Some(Gender::Male));
    }
}
