//! The people an article names, as the quotes layer needs them: canonical names, every mention,
//! the titles the article gives them, and their gender as the article reveals it.
//!
//! Built from the entities layer's person clusters when it found any. Without them (the
//! entities layer is switched off, or found nothing) a fallback reads capitalised runs after a
//! title or of two or more words, which is enough to canonicalise and resolve speakers.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

use super::words::{gendered, is_name_particle, is_title_word, lowers_to, Pronoun, WordList};
use crate::analysis::{Entity, EntityType};
use crate::entities::gazetteer::Gender;
use crate::search::partition_point_from;
use crate::text::{Document, RangeCursor, Token, TokenKind};

/// One person of the article.
#[derive(Clone, Debug)]
pub struct Person<'t> {
    /// The fullest form of the name in the article: its entity's name, borrowed as the entity
    /// borrows it.
    pub name: Cow<'t, str>,
    /// The entity cluster's id, when the entities layer found the person.
    pub entity: Option<Cow<'static, str>>,
    /// Every mention, in order, as byte ranges.
    pub mentions: Vec<Range<usize>>,
    /// Titles and roles, lower-cased (`mexican president`).
    pub titles: Vec<String>,
    /// What the text says of their gender: `Male`, `Female`, or `Plural` for unknown.
    pub gender: Pronoun,
}

/// Everyone the article names, with lookups by mention.
#[derive(Clone, Debug, Default)]
pub struct People<'t> {
    /// The people, in order of first mention.
    pub people: Vec<Person<'t>>,
    /// Mentions sorted by start: (span, person index).
    mentions: Vec<(Range<usize>, usize)>,
    /// Organisation mentions, sorted by start: (span, index in `org_names`).
    orgs: Vec<(Range<usize>, usize)>,
    /// Each organisation's canonical name and entity id (when the entities layer found it),
    /// held once: an organisation is mentioned many times, and a copy of both for each mention
    /// was two allocations.
    org_names: Vec<(Cow<'t, str>, Option<Cow<'static, str>>)>,
    /// The index in `org_names` of the longest organisation name ending in each last word.
    fullest_org: FxHashMap<Cow<'t, str>, usize>,
    /// People by full name and by last name (the first person with it).
    by_full_name: FxHashMap<Cow<'t, str>, usize>,
    by_last_name: FxHashMap<Cow<'t, str>, usize>,
}

/// The last word of `name`, borrowed as `name` is: a name borrowed from the text keys the
/// lookups without a copy.
fn last_word<'t>(name: &Cow<'t, str>) -> Option<Cow<'t, str>> {
    match name {
        Cow::Borrowed(name) => name.split_whitespace().last().map(Cow::Borrowed),
        Cow::Owned(name) => name.split_whitespace().last().map(|w| w.to_string().into()),
    }
}

/// An organisation as [`People`] gives it: its canonical name and, when the entities layer found
/// it, its entity id, both for a speaker to clone (a copy only when the name was built).
pub type Org<'p, 't> = (&'p Cow<'t, str>, Option<&'p Cow<'static, str>>);

/// How many mentions back a pronoun or role looks for its person: antecedents are near, and a
/// bound keeps resolution linear in the article's length.
pub const LOOKBACK: usize = 64;

/// Capitalised words that never belong to a person's name.
const NOT_NAME: &[&str] = &[
    "a",
    "after",
    "although",
    "an",
    "and",
    "april",
    "as",
    "at",
    "august",
    "but",
    "by",
    "december",
    "during",
    "february",
    "for",
    "friday",
    "from",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "it",
    "its",
    "january",
    "july",
    "june",
    "march",
    "monday",
    "no",
    "november",
    "october",
    "on",
    "our",
    "saturday",
    "september",
    "she",
    "since",
    "so",
    "sunday",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thursday",
    "to",
    "tuesday",
    "we",
    "wednesday",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "with",
    "yes",
    "you",
];

/// Words that make a capitalised run an organisation or place, not a person.
const NOT_PERSON: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "airlines",
    "army",
    "assembly",
    "association",
    "bank",
    "border",
    "bureau",
    "cartel",
    "center",
    "centre",
    "city",
    "coast",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "council",
    "county",
    "court",
    "department",
    "embassy",
    "federal",
    "force",
    "forces",
    "foundation",
    "fund",
    "group",
    "guard",
    "house",
    "inc",
    "institute",
    "journal",
    "league",
    "ministry",
    "navy",
    "news",
    "office",
    "organisation",
    "organization",
    "party",
    "pentagon",
    "police",
    "post",
    "press",
    "protection",
    "republic",
    "school",
    "senate",
    "service",
    "society",
    "state",
    "states",
    "street",
    "times",
    "tribune",
    "union",
    "united",
    "university",
    "wall",
];

static NOT_NAMES: WordList = WordList::new(NOT_NAME);
static NOT_PERSONS: WordList = WordList::new(NOT_PERSON);

/// Whether `word`, lowered and without a final dot, is in `list`.
fn lower_in(list: &WordList, word: &str) -> bool {
    list.holds(word.trim_end_matches('.'))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl<'t> People<'t> {
    /// Reads the people of `doc`, from `entities` when it has person clusters.
    pub fn new(doc: &Document<'t>, entities: &[Entity<'t>]) -> People<'t> {
        // The entities layer's clusters when it found any; the fallback reads capitalised runs.
        let (fallback_people, fallback_orgs) = if entities.is_empty() {
            fallback(doc)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut people = if entities.is_empty() {
            fallback_people
        } else {
            from_entities(entities)
        };
        let mut org_names: Vec<(Cow<'t, str>, Option<Cow<'static, str>>)> = Vec::new();
        let mut orgs: Vec<(Range<usize>, usize)> = Vec::new();
        for e in entities.iter().filter(|e| e.kind == EntityType::Org) {
            let n = org_names.len();
            orgs.extend(e.mentions.iter().map(|m| (m.start..m.end, n)));
            org_names.push((e.name.clone(), Some(e.id.clone())));
        }
        for (span, name, id) in fallback_orgs {
            orgs.push((span, org_names.len()));
            org_names.push((name.into(), id));
        }
        crate::sort::by_key(&mut orgs, |(m, _)| m.start);
        // One list serves both orders: sorted by start for the gender votes, then by (start,
        // end) for lookups; stable sorts give the second the order a fresh list would get.
        let mut mentions = all_mentions(&people);
        crate::sort::by_key(&mut mentions, |(m, _)| m.start);
        let person_entities = entities.iter().filter(|e| e.kind == EntityType::Person);
        learn_gender(doc, &mut people, &mentions, person_entities);
        crate::sort::by_key(&mut mentions, |(m, _)| (m.start, m.end));
        let mut fullest_org: FxHashMap<Cow<'t, str>, usize> = FxHashMap::default();
        for &(_, i) in &orgs {
            let name = &org_names[i].0;
            let Some(last) = last_word(name) else {
                continue;
            };
            let longer = fullest_org
                .get(&last)
                .is_none_or(|&j| org_names[j].0.len() < name.len());
            if longer {
                fullest_org.insert(last, i);
            }
        }
        let mut by_full_name = FxHashMap::default();
        let mut by_last_name = FxHashMap::default();
        for (i, person) in people.iter().enumerate() {
            by_full_name.entry(person.name.clone()).or_insert(i);
            if let Some(last) = last_word(&person.name) {
                by_last_name.entry(last).or_insert(i);
            }
        }
        People {
            people,
            mentions,
            orgs,
            org_names,
            fullest_org,
            by_full_name,
            by_last_name,
        }
    }

    /// The person whose mention overlaps `span`, if any.
    pub fn at(&self, span: &Range<usize>) -> Option<usize> {
        let first = self.mentions.partition_point(|(m, _)| m.end <= span.start);
        self.mentions[first..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .map(|&(_, i)| i)
            .next()
    }

    /// The organisation (canonical name, entity id) whose mention overlaps `span`, if any.
    pub fn org_at(&self, span: &Range<usize>) -> Option<Org<'_, 't>> {
        let before_end = self.orgs.partition_point(|(m, _)| m.start < span.end);
        self.orgs[..before_end]
            .iter()
            .rev()
            .take(2)
            .find(|(m, _)| span.start < m.end)
            .map(|&(_, i)| self.org_name(i))
    }

    /// The fullest organisation name that ends with `name` (`Times` → `New York Times`).
    pub fn org_by_name(&self, name: &str) -> Option<Org<'_, 't>> {
        let last = name.split_whitespace().last()?;
        let &i = self.fullest_org.get(last)?;
        let (full, id) = self.org_name(i);
        full.ends_with(name).then_some((full, id))
    }

    /// The last organisation mentioned in `range`, if any.
    pub fn last_org_in(&self, range: Range<usize>) -> Option<Org<'_, 't>> {
        self.last_org_where(range, |_| true)
    }

    /// The last organisation mentioned in `range` whose canonical name passes `fits`.
    pub fn last_org_where(
        &self,
        range: Range<usize>,
        fits: impl Fn(&str) -> bool,
    ) -> Option<Org<'_, 't>> {
        let ended = self.orgs.partition_point(|(m, _)| m.end <= range.end);
        self.orgs[..ended]
            .iter()
            .rev()
            .take_while(|(m, _)| range.start <= m.start)
            .map(|&(_, i)| self.org_name(i))
            .find(|&(name, _)| fits(name))
    }

    /// Organisation `i` of `org_names`: (canonical name, entity id).
    fn org_name(&self, i: usize) -> Org<'_, 't> {
        let (name, id) = &self.org_names[i];
        (name, id.as_ref())
    }

    /// The person a bare name refers to: the one whose full name ends with (or equals) it.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        let last = name.split_whitespace().last()?;
        self.by_full_name
            .get(name)
            .or_else(|| self.by_last_name.get(last))
            .copied()
    }

    /// Person mentions that start before `byte`, latest first.
    pub fn mentions_before(&self, byte: usize) -> impl Iterator<Item = (&Range<usize>, usize)> {
        let end = self.mentions.partition_point(|(m, _)| m.start < byte);
        self.mentions[..end].iter().rev().map(|(m, i)| (m, *i))
    }

    /// The person the article gives the role `role` (a lower-cased title word such as
    /// `president`), the most recently mentioned before `byte` first.
    pub fn with_role(&self, role: &str, byte: usize) -> Option<usize> {
        let holds = |i: usize| {
            self.people[i]
                .titles
                .iter()
                .any(|t| t.split_whitespace().any(|w| w == role))
        };
        self.mentions_before(byte)
            .take(LOOKBACK)
            .map(|(_, i)| i)
            .find(|&i| holds(i))
            .or_else(|| (0..self.people.len()).find(|&i| holds(i)))
    }
}

fn from_entities<'t>(entities: &[Entity<'t>]) -> Vec<Person<'t>> {
    entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| Person {
            name: e.name.clone(),
            entity: Some(e.id.clone()),
            mentions: e.mentions.iter().map(|m| m.start..m.end).collect(),
            titles: e.titles.iter().map(|t| t.to_lowercase()).collect(),
            // Until [`learn_gender`] reads the article, which asks [`given_gender`] only when
            // the article's usage does not decide.
            gender: Pronoun::Plural,
        })
        .collect()
}

/// The gender the entities layer gives a person (by title or given name), as a pronoun.
fn given_gender(e: &Entity) -> Pronoun {
    match crate::entities::gender(e) {
        Some(Gender::Female) => Pronoun::Female,
        Some(Gender::Male) => Pronoun::Male,
        None => Pronoun::Plural,
    }
}

/// Capitalised runs: `[title words] Name Name` or `Title Name`.
#[allow(clippy::type_complexity)]
fn fallback(
    doc: &Document,
) -> (
    Vec<Person<'static>>,
    Vec<(Range<usize>, String, Option<Cow<'static, str>>)>,
) {
    let tokens = &doc.tokens;
    let mut orgs = Vec::new();
    let mut people: Vec<Person<'static>> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut singles: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = doc.token_text(&tokens[i]);
        if tokens[i].kind != TokenKind::Word || !is_capitalised(word) {
            i += 1;
            continue;
        }
        // The run of capitalised words, particles and initials.
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() {
            let w = doc.token_text(&tokens[end]);
            let glued = tokens[end].start() <= tokens[end - 1].end() + 1;
            if tokens[end].kind == TokenKind::Word && is_capitalised(w) && glued {
                end += 1;
            } else if matches!(w, "of" | "to" | "for")
                && (start..end).all(|t| is_title_word(doc.token_text(&tokens[t])))
                && tokens
                    .get(end + 1)
                    .is_some_and(|t| is_capitalised(doc.token_text(t)))
            {
                end += 1; // `Secretary of State`, `Ambassador to Mexico`
            } else if matches!(w, "and" | "&" | "of")
                && (end + 1..(end + 4).min(tokens.len()))
                    .chain(start..end)
                    .any(|t| lower_in(&NOT_PERSONS, doc.token_text(&tokens[t])))
                && tokens
                    .get(end + 1)
                    .is_some_and(|t| is_capitalised(doc.token_text(t)))
            {
                end += 1; // `Customs and Border Protection`, `Department of Defense`
            } else if is_name_particle(w)
                && tokens
                    .get(end + 1)
                    .is_some_and(|t| is_capitalised(doc.token_text(t)))
            {
                end += 1;
            } else {
                break;
            }
        }
        i = end;
        let (title, name_start) = split_title(doc, start..end);
        if name_start >= end {
            continue;
        }
        let name_tokens = &tokens[name_start..end];
        let name_words: Vec<&str> = name_tokens.iter().map(|t| doc.token_text(t)).collect();
        if looks_like_org(name_words.iter().copied()) {
            let first = (start..end)
                .find(|&t| !lower_in(&NOT_NAMES, doc.token_text(&tokens[t])))
                .unwrap_or(start);
            let span = tokens[first].start()..tokens[end - 1].end();
            let name = strip_possessive(&doc.text[span.clone()]).to_string();
            orgs.push((span.start..span.start + name.len(), name, None));
            continue;
        }
        if name_words.iter().any(|w| lower_in(&NOT_NAMES, w)) {
            continue;
        }
        let titled = title.is_some();
        let span = name_tokens[0].start()..name_tokens[name_tokens.len() - 1].end();
        let name = strip_possessive(&doc.text[span.clone()]);
        let span = span.start..span.start + name.len();
        if name_words.len() < 2 && !titled {
            singles.push(span);
            continue;
        }
        let title = title.map(|t| doc.text[t].to_lowercase());
        let key = name.to_string();
        let person = *index.entry(key.clone()).or_insert_with(|| {
            people.push(Person {
                name: key.into(),
                entity: None,
                mentions: Vec::new(),
                titles: Vec::new(),
                gender: Pronoun::Plural,
            });
            people.len() - 1
        });
        people[person].mentions.push(span);
        if let Some(title) = title {
            if !people[person].titles.contains(&title) {
                people[person].titles.push(title);
            }
        }
    }
    // Merge single surnames (and titled single names) into the full names they end.
    let mut merged: Vec<Person> = Vec::new();
    for person in people {
        let last = person
            .name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        let fuller = merged.iter().position(|p: &Person| {
            p.name != person.name && p.name.split_whitespace().last() == Some(last.as_str())
        });
        match fuller {
            Some(f) if person.name.split_whitespace().count() == 1 => {
                let target = &mut merged[f];
                target.mentions.extend(person.mentions);
                for title in person.titles {
                    if !target.titles.contains(&title) {
                        target.titles.push(title);
                    }
                }
            }
            _ => merged.push(person),
        }
    }
    // A later full name that a titled single name (`President Trump`) was waiting for.
    for i in 0..merged.len() {
        if merged[i].name.split_whitespace().count() != 1 {
            continue;
        }
        let last = merged[i].name.clone();
        if let Some(f) = (0..merged.len()).find(|&f| {
            f != i
                && merged[f].name.split_whitespace().count() > 1
                && merged[f].name.split_whitespace().last() == Some(last.as_ref())
        }) {
            let moved = std::mem::take(&mut merged[i].mentions);
            let titles = std::mem::take(&mut merged[i].titles);
            merged[f].mentions.extend(moved);
            for title in titles {
                if !merged[f].titles.contains(&title) {
                    merged[f].titles.push(title);
                }
            }
        }
    }
    merged.retain(|p| !p.mentions.is_empty());
    for span in singles {
        let word = &doc.text[span.clone()];
        if let Some(p) = merged
            .iter_mut()
            .find(|p| p.name.split_whitespace().last() == Some(word))
        {
            p.mentions.push(span);
        }
    }
    for person in &mut merged {
        crate::sort::by_key(&mut person.mentions, |m| m.start);
    }
    (merged, orgs)
}

/// Splits a capitalised run (token indices) into its title (a byte range) and the index of the
/// first token of the name: `Mexican President | Claudia Sheinbaum`, `Secretary of State |
/// Marco Rubio`, `US Ambassador to Mexico | Ronald Johnson`. The name is empty (the index is
/// the run's end) when the run is only a title.
pub fn split_title(doc: &Document, run: Range<usize>) -> (Option<Range<usize>>, usize) {
    let tokens = &doc.tokens;
    let mut name_start = run.start;
    let mut title_start = None;
    let mut title_end = run.start;
    let mut forced = false;
    for t in run.clone() {
        let w = doc.token_text(&tokens[t]);
        if matches!(w, "of" | "to" | "for") {
            forced = true; // the place or office after it belongs to the title
            name_start = t + 1;
        } else if forced || is_title_word(w) {
            forced = false;
            title_start.get_or_insert(t);
            name_start = t + 1;
            title_end = t + 1;
        } else if lower_in(&NOT_NAMES, w) && title_start.is_none() {
            name_start = t + 1;
        } else {
            break;
        }
    }
    let title = title_start.map(|t| tokens[t].start()..tokens[title_end - 1].end());
    (title, name_start)
}

/// Whether a run's words make it an organisation or place rather than a person: a word of one
/// (`Ministry`, `House`), or an acronym (`FBI`, `U.N.`). The words are read as the run yields
/// them, without collecting them first.
pub fn looks_like_org<'w>(words: impl IntoIterator<Item = &'w str>) -> bool {
    words.into_iter().any(|w| {
        lower_in(&NOT_PERSONS, w) || w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.')
    })
}

fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name)
}

/// Honorifics, and the pronouns that follow a sentence's first-named person (its likely
/// subject) in that sentence and the next one, tell a person's gender: the article's own usage
/// outranks any name list.
/// Every person's mentions with the person's index, in person order. Sized first: collecting
/// through `flat_map` grew the list a step at a time.
fn all_mentions(people: &[Person]) -> Vec<(Range<usize>, usize)> {
    let mut all = Vec::with_capacity(people.iter().map(|p| p.mentions.len()).sum());
    for (i, person) in people.iter().enumerate() {
        all.extend(person.mentions.iter().map(|m| (m.clone(), i)));
    }
    all
}

/// `all_mentions`: every mention of `people`, sorted by start. `entities`: the person entities
/// `people` were read from, in the same order (none when the fallback read them); a person the
/// votes leave undecided takes the entity's [`given_gender`]. It is asked only then: reading an
/// entity's titles and given name cost more than all the votes.
fn learn_gender<'e>(
    doc: &Document,
    people: &mut [Person],
    all_mentions: &[(Range<usize>, usize)],
    mut entities: impl Iterator<Item = &'e Entity<'e>>,
) {
    let mut votes = vec![(0usize, 0usize); people.len()]; // (male, female)
    let mut vote = |who: usize, pronoun: Option<Pronoun>, weight: usize| match pronoun {
        Some(Pronoun::Male) => votes[who].0 += weight,
        Some(Pronoun::Female) => votes[who].1 += weight,
        _ => {}
    };
    for (mention, who) in all_mentions {
        let tokens_before = doc.token_at_or_after(mention.start);
        if let Some(token) = doc.tokens[..tokens_before].last() {
            vote(
                *who,
                super::words::with_lower(doc.token_text(token), gendered),
                3,
            );
        }
    }
    let mut subject: Option<(usize, usize)> = None; // (person, paragraph)
    let mut paragraphs = RangeCursor::new(&doc.paragraphs);
    let mut first = 0;
    for sentence in &doc.sentences {
        let paragraph = paragraphs.index_of(sentence.start);
        first = partition_point_from(all_mentions, first, |(m, _)| m.start < sentence.start);
        let here = all_mentions
            .get(first)
            .filter(|(m, _)| m.start < sentence.end)
            .map(|(m, who)| (m.end, *who));
        let (from, who) = match (here, subject) {
            (Some((end, who)), _) => (end, Some(who)),
            (None, Some((who, p))) if p == paragraph => (sentence.start, Some(who)),
            _ => (sentence.start, None),
        };
        if let Some(who) = who {
            // Subject pronouns only: a possessive (`her ability`) often belongs to someone else.
            for token in doc.tokens_in(from..sentence.end) {
                if let Some(word) = subject_pronoun(doc, token) {
                    vote(who, gendered(word), 1);
                }
            }
        }
        if let Some((_, who)) = here {
            subject = Some((who, paragraph));
        }
    }
    for (person, (male, female)) in people.iter_mut().zip(votes) {
        let entity = entities.next();
        // The article's usage decides; a given name or gendered title breaks a tie.
        person.gender = if female > male * 2 {
            Pronoun::Female
        } else if male > female * 2 {
            Pronoun::Male
        } else {
            entity.map_or(person.gender, given_gender)
        };
    }
}

/// The gendered subject pronoun `token` is, in any case (`he`, `she`, `himself`, `herself`):
/// compared in place, as lowering each token was a quarter of [`People::new`], and only for a
/// token of one of their lengths, as reading each token's text cost more than the comparisons.
fn subject_pronoun(doc: &Document, token: &Token) -> Option<&'static str> {
    // Each word is ASCII without a `k`, so only a token of its length lowers to it.
    if !matches!(token.end() - token.start(), 2 | 3 | 7) {
        return None;
    }
    let text = doc.token_text(token);
    ["he", "she", "himself", "herself"]
        .into_iter()
        .find(|w| lowers_to(text, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, Vec<String>, Pronoun)> {
        let doc = Document::new(text);
        People::new(&doc, &[])
            .people
            .into_iter()
            .map(|p| (p.name.into_owned(), p.titles, p.gender))
            .collect()
    }

    #[test]
    fn titles_split_from_names_and_surnames_merge() {
        let found = people(
            "Mexican President Claudia Sheinbaum spoke. Sheinbaum said she would go. \
             Secretary of State Marco Rubio left.",
        );
        assert_eq!(found[0].0, "Claudia Sheinbaum");
        assert_eq!(found[0].1, vec!["mexican president".to_string()]);
        assert_eq!(found[0].2, Pronoun::Female);
        assert_eq!(found[1].0, "Marco Rubio");
        assert_eq!(found[1].1, vec!["secretary of state".to_string()]);
    }

    #[test]
    fn one_mention_list_sorted_twice_is_each_order_collected_afresh() {
        let fresh = |people: &[Person], by_end: bool| {
            let mut all: Vec<(Range<usize>, usize)> = people
                .iter()
                .enumerate()
                .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.clone(), i)))
                .collect();
            if by_end {
                crate::sort::by_key(&mut all, |(m, _)| (m.start, m.end));
            } else {
                crate::sort::by_key(&mut all, |(m, _)| m.start);
            }
            all
        };
        let check = |people: &[Person]| {
            let mut once = all_mentions(people);
            crate::sort::by_key(&mut once, |(m, _)| m.start);
            assert_eq!(once, fresh(people, false));
            crate::sort::by_key(&mut once, |(m, _)| (m.start, m.end));
            assert_eq!(once, fresh(people, true));
        };
        // Few starts and ends, so that mentions of different people tie.
        let mut rng = crate::test_inputs::Rng::new(5);
        for _ in 0..500 {
            let people: Vec<Person> = (0..rng.below(5))
                .map(|_| Person {
                    name: Cow::Borrowed(""),
                    entity: None,
                    mentions: (0..rng.below(6))
                        .map(|_| {
                            let start = rng.below(6);
                            start..start + rng.below(3)
                        })
                        .collect(),
                    titles: Vec::new(),
                    gender: Pronoun::Plural,
                })
                .collect();
            check(&people);
        }
        for (_, text) in crate::test_inputs::seed_files() {
            let doc = Document::new(&text);
            for entities in [Vec::new(), crate::entities::find(&doc)] {
                let people = People::new(&doc, &entities);
                assert_eq!(people.mentions, fresh(&people.people, true));
                check(&people.people);
            }
        }
    }

    /// [`learn_gender`]'s searches, each from where the one before ended, find what searches of
    /// the whole lists find: the genders are those of votes counted with `token_at_or_after`,
    /// `paragraph_index`, `partition_point` and `tokens_in`, over the seeds (with and without
    /// their entities) and texts of names, pronouns and sentences of any length.
    #[test]
    fn votes_searched_from_the_last_answer_are_the_plain_votes() {
        let plain_genders = |doc: &Document, people: &[Person]| -> Vec<Pronoun> {
            let mut mentions = all_mentions(people);
            crate::sort::by_key(&mut mentions, |(m, _)| m.start);
            let mut votes = vec![(0, 0); people.len()];
            let mut vote = |who: usize, pronoun: Option<Pronoun>, weight: usize| match pronoun {
                Some(Pronoun::Male) => votes[who].0 += weight,
                Some(Pronoun::Female) => votes[who].1 += weight,
                _ => {}
            };
            for (mention, who) in &mentions {
                if let Some(token) = doc.tokens[..doc.token_at_or_after(mention.start)].last() {
                    let word = doc.token_text(token).to_lowercase();
                    vote(*who, gendered(&word), 3);
                }
            }
            let mut subject: Option<(usize, usize)> = None;
            for sentence in &doc.sentences {
                let paragraph = doc.paragraph_index(sentence.start);
                let first = mentions.partition_point(|(m, _)| m.start < sentence.start);
                let here = (mentions.get(first))
                    .filter(|(m, _)| m.start < sentence.end)
                    .map(|(m, who)| (m.end, *who));
                let (from, who) = match (here, subject) {
                    (Some((end, who)), _) => (end, Some(who)),
                    (None, Some((who, p))) if p == paragraph => (sentence.start, Some(who)),
                    _ => (sentence.start, None),
                };
                for token in who.map_or(&[][..], |_| doc.tokens_in(from..sentence.end)) {
                    let word = doc.token_text(token).to_lowercase();
                    if ["he", "she", "himself", "herself"].contains(&&*word) {
                        vote(who.expect("a subject"), gendered(&word), 1);
                    }
                }
                if let Some((_, who)) = here {
                    subject = Some((who, paragraph));
                }
            }
            let decide = |(male, female): (usize, usize)| match () {
                _ if female > male * 2 => Pronoun::Female,
                _ if male > female * 2 => Pronoun::Male,
                _ => Pronoun::Plural,
            };
            votes.into_iter().map(decide).collect()
        };
        let pieces = [
            "Maria Lopez",
            "Mr. John Smith",
            "Lopez",
            "Smith",
            "she",
            "She",
            "he",
            "herself",
            "his",
            "her",
            "said",
            "the",
            ".",
            ". ",
            "\n",
            " ",
        ];
        let mut texts = crate::test_inputs::seeds_and_sentences(23, 500, 40, &pieces);
        // Mentions and sentences farther apart than the searches look before the rest.
        let far = format!("{}. ", "the ".repeat(70));
        texts.push(format!(
            "Maria Lopez said. {far}She left. {far}Lopez said she would."
        ));
        for text in &texts {
            let doc = Document::new(text);
            let entities = crate::entities::find(&doc);
            for entities in [&entities[..], &[]] {
                // Genders as the votes alone decide them.
                let mut people = People::new(&doc, entities).people;
                for person in &mut people {
                    person.gender = Pronoun::Plural;
                }
                let mut mentions = all_mentions(&people);
                crate::sort::by_key(&mut mentions, |(m, _)| m.start);
                learn_gender(&doc, &mut people, &mentions, std::iter::empty());
                let genders: Vec<Pronoun> = people.iter().map(|p| p.gender).collect();
                assert_eq!(genders, plain_genders(&doc, &people), "{text:?}");
            }
        }
    }

    /// The votes decide, else the entity's given gender: asked of every entity first and
    /// overruled by the votes, as the plain reading does, it makes the same genders.
    #[test]
    fn an_entity_asked_its_gender_only_on_a_tie_gives_the_same_genders() {
        let mut kept = 0;
        for (_, text) in crate::test_inputs::seed_files() {
            let doc = Document::new(&text);
            let entities = crate::entities::find(&doc);
            let persons = || entities.iter().filter(|e| e.kind == EntityType::Person);
            let mut plain = from_entities(&entities);
            for (person, entity) in plain.iter_mut().zip(persons()) {
                person.gender = given_gender(entity);
            }
            let mut mentions = all_mentions(&plain);
            crate::sort::by_key(&mut mentions, |(m, _)| m.start);
            let given: Vec<Pronoun> = plain.iter().map(|p| p.gender).collect();
            learn_gender(&doc, &mut plain, &mentions, std::iter::empty());
            // People whose entity gives the gender that stands: what the shortcut must keep.
            kept += plain
                .iter()
                .zip(&given)
                .filter(|(p, &g)| g != Pronoun::Plural && p.gender == g)
                .count();
            let genders = |people: &[Person]| people.iter().map(|p| p.gender).collect::<Vec<_>>();
            let people = People::new(&doc, &entities);
            assert_eq!(genders(&people.people), genders(&plain));
        }
        assert!(kept > 0);
    }

    /// [`subject_pronoun`] against its plain definition: every token of the seeds and of
    /// texts of pronouns in any case, with letters that lower to more or fewer bytes.
    #[test]
    fn subject_pronoun_is_the_token_lowered_among_the_four() {
        let pieces = [
            "he", "He", "HE", "she", "She", "sHe", "himself", "HIMSELF", "herself", "Herself",
            "hers", "her", "him", "the", "İ", "ſhe", "\u{212A}", "his", "Hé", ".", " ",
        ];
        let texts = crate::test_inputs::seeds_and_sentences(9, 500, 12, &pieces);
        for text in &texts {
            let doc = Document::new(text);
            for token in &doc.tokens {
                let lowered = doc.token_text(token).to_lowercase();
                let plain = ["he", "she", "himself", "herself"]
                    .into_iter()
                    .find(|&w| lowered == w);
                assert_eq!(subject_pronoun(&doc, token), plain, "{text:?}");
            }
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(NOT_NAME.windows(2).all(|w| w[0] < w[1]));
        assert!(NOT_PERSON.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn organisations_are_not_people() {
        assert!(
            people("The White House and the Sinaloa Cartel met the New York Times.").is_empty()
        );
    }
}
