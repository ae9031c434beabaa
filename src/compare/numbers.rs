//! Numbers outlets disagree on: the same unit about the same thing, a different value.
//!
//! Numbers come from the entities layer (type `number`, with `value` and `unit`). What a number
//! is about is the nearest other named entity in its sentence (`6,072` … `U.S. Army`), and what
//! it counts is the word after it (`troops`; `hundreds of troops` counts troops too). Two
//! values conflict when they have the same unit and count the same thing about the same entity,
//! and some article gives the one without the other while another article does the reverse
//! (an article that gives both, `eight cartels, six of which…`, disagrees with no one).
//!
//! Cost: a sort of each article's entity mentions and a binary search per number mention.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{Entity, EntityType, EntityValue, TextSpan};
use crate::text::Document;

/// A number mention, with what it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The article's index.
    pub article: usize,
    /// The parsed value (or the mention's words when the entities layer gave none).
    pub value: EntityValue,
    /// The unit, when the entities layer gave one.
    pub unit: Option<String>,
    /// The display name of the nearest named entity in the sentence.
    pub about: Option<String>,
    /// What it counts: the normalised word after it, without a plural `s`.
    pub counted: Option<String>,
    /// The mention (bytes).
    pub span: TextSpan<'static>,
}

/// One value of a number, in every article that gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberReport {
    /// The value.
    pub value: EntityValue,
    /// The unit (`percent`, `USD`, `people`), when known.
    pub unit: Option<String>,
    /// The named entity it is about (the nearest in its sentence), when there is one.
    pub about: Option<String>,
    /// What it counts (`troop`), when a word follows it in its sentence.
    pub counted: Option<String>,
    /// The articles that give this value, in order.
    pub articles: Vec<usize>,
    /// Every mention of the value.
    pub mentions: Vec<NumberMention>,
    /// Other values given for the same unit and entity, when some article differs.
    pub conflicts: Vec<Conflict>,
}

/// A mention of a number in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// The article's index.
    pub article: usize,
    /// Where it stands (in the comparison's offset unit).
    #[serde(flatten)]
    pub span: TextSpan<'static>,
}

/// A disagreeing value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The other value.
    pub value: EntityValue,
    /// The articles that give it.
    pub articles: Vec<usize>,
}

/// The number mentions of one article, each with the entity it is about. `display` gives the
/// cross-article name of the entity at each position of `entities`.
pub fn find(article: usize, doc: &Document, entities: &[Entity], display: &[String]) -> Vec<Found> {
    // Named mentions (people, organisations, places), sorted by start.
    let mut anchors: Vec<(usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e.kind, EntityType::Number | EntityType::Date))
        .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.start, m.end, k)))
        .collect();
    crate::sort::all(&mut anchors);
    let mut out = Vec::new();
    for entity in entities.iter().filter(|e| e.kind == EntityType::Number) {
        for mention in &entity.mentions {
            let sentence = doc
                .sentences
                .get(doc.sentence_index(mention.start))
                .cloned()
                .unwrap_or(0..doc.text.len());
            let first = anchors.partition_point(|a| a.0 < sentence.start);
            let last = anchors.partition_point(|a| a.0 < sentence.end);
            let about = anchors[first..last]
                .iter()
                .filter(|a| a.1 <= sentence.end)
                .min_by_key(|a| {
                    if a.1 <= mention.start {
                        mention.start - a.1
                    } else {
                        a.0.saturating_sub(mention.end)
                    }
                })
                .map(|a| display[a.2].clone());
            let counted = counted_noun(doc, mention.end, sentence.end);
            let value = entity
                .value
                .clone()
                .unwrap_or_else(|| EntityValue::Text(super::normalise::normalised(&mention.text)));
            out.push(Found {
                article,
                value,
                unit: entity.unit.as_deref().map(str::to_string),
                about,
                counted,
                span: mention.clone().into_owned(),
            });
        }
    }
    out
}

/// Words that end the noun phrase after a number (or, first, are skipped: `of the`).
const PHRASE_ENDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "but", "by", "for", "from", "had", "has", "have", "in",
    "is", "of", "on", "or", "said", "than", "that", "the", "their", "to", "was", "were", "which",
    "who", "will", "with", "would",
];
const SKIPPED: &[&str] = &["of", "the", "a", "an", "their", "its", "his", "her", "our"];

/// What a number counts: in the words after it in its sentence (past `of the`, up to a
/// function word, at most 4), the last plural (`eight major drug cartels` → `cartel`,
/// `6,000 troops north` → `troop`), else the first (`50% drop` → `drop`); singular.
fn counted_noun(doc: &Document, after: usize, sentence_end: usize) -> Option<String> {
    let first = doc.token_at_or_after(after);
    let words: Vec<String> = doc.tokens[first..]
        .iter()
        .take_while(|t| t.end() <= sentence_end && t.kind == crate::text::TokenKind::Word)
        .map(|t| super::normalise::normalise_word(doc.token_text(t)))
        .skip_while(|w| SKIPPED.contains(&w.as_str()))
        .take_while(|w| !PHRASE_ENDS.contains(&w.as_str()))
        .take(4)
        .collect();
    let plural = words
        .iter()
        .rev()
        .find(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
    plural.or(words.first()).cloned().map(singular)
}

fn singular(word: String) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
        _ => word,
    }
}

/// Groups mentions by (entity, unit, counted, value) and lists, for each group, the values
/// other articles give instead for the same entity, unit and counted thing. Groups with
/// conflicts come first, then in order of first mention.
pub fn report(found: Vec<Found>) -> Vec<NumberReport> {
    type Key = (Option<String>, Option<String>, Option<String>, String);
    let mut groups: BTreeMap<Key, NumberReport> = BTreeMap::new();
    let mut order: Vec<Key> = Vec::new();
    for f in found {
        let key = (
            f.about.clone(),
            f.unit.clone(),
            f.counted.clone(),
            f.value.to_string(),
        );
        let group = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            NumberReport {
                value: f.value.clone(),
                unit: f.unit.clone(),
                about: f.about.clone(),
                counted: f.counted.clone(),
                articles: Vec::new(),
                mentions: Vec::new(),
                conflicts: Vec::new(),
            }
        });
        if !group.articles.contains(&f.article) {
            group.articles.push(f.article);
        }
        group.mentions.push(NumberMention {
            article: f.article,
            span: f.span,
        });
    }
    // Values per (entity, unit, counted): conflicts need an entity and a unit or a counted word.
    type Thing = (String, Option<String>, Option<String>);
    let mut values: BTreeMap<Thing, Vec<&Key>> = BTreeMap::new();
    for key in &order {
        if let Some(about) = &key.0 {
            if key.1.is_some() || key.2.is_some() {
                values
                    .entry((about.clone(), key.1.clone(), key.2.clone()))
                    .or_default()
                    .push(key);
            }
        }
    }
    // Some article gives `a`'s value and not `b`'s.
    let without = |a: &Key, b: &Key| {
        groups[a]
            .articles
            .iter()
            .any(|x| !groups[b].articles.contains(x))
    };
    let mut conflicts: BTreeMap<Key, Vec<Conflict>> = BTreeMap::new();
    for keys in values.values() {
        for key in keys {
            let others: Vec<Conflict> = keys
                .iter()
                .filter(|other| *other != key && without(key, other) && without(other, key))
                .map(|other| Conflict {
                    value: groups[*other].value.clone(),
                    articles: groups[*other].articles.clone(),
                })
                .collect();
            if !others.is_empty() {
                conflicts.insert((*key).clone(), others);
            }
        }
    }
    let mut out: Vec<NumberReport> = order
        .into_iter()
        .map(|key| {
            let mut report = groups.remove(&key).expect("grouped above");
            report.conflicts = conflicts.remove(&key).unwrap_or_default();
            report
        })
        .collect();
    crate::sort::by_key(&mut out, |r| r.conflicts.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Entity;

    fn entity<'a>(
        kind: EntityType,
        name: &str,
        text: &'a str,
        at: &str,
        value: Option<f64>,
    ) -> Entity<'a> {
        let start = text.find(at).expect("in text");
        Entity {
            id: "".into(),
            kind,
            name: name.to_string().into(),
            mentions: vec![TextSpan::new(text, start, start + at.len())],
            titles: vec![],
            value: value.map(EntityValue::Real),
            unit: value.map(|_| "troops".into()),
            rule: "test".into(),
        }
    }

    #[test]
    fn nearest_entity_in_the_sentence_is_what_a_number_is_about() {
        let text = "Mexico sent 6,072 troops. The U.S. Army has 500 troops nearby.";
        let entities = vec![
            entity(EntityType::Place, "Mexico", text, "Mexico", None),
            entity(EntityType::Number, "6,072", text, "6,072", Some(6072.0)),
            entity(EntityType::Org, "U.S. Army", text, "U.S. Army", None),
            entity(EntityType::Number, "500", text, "500", Some(500.0)),
        ];
        let display: Vec<String> = entities.iter().map(|e| e.name.to_string()).collect();
        let found = find(0, &Document::new(text), &entities, &display);
        let about: Vec<Option<&str>> = found.iter().map(|f| f.about.as_deref()).collect();
        assert_eq!(about, vec![Some("Mexico"), Some("U.S. Army")]);
    }

    fn found(article: usize, about: &str, value: f64) -> Found {
        Found {
            article,
            value: EntityValue::Real(value),
            unit: Some("troops".into()),
            about: Some(about.to_string()),
            counted: Some("troop".to_string()),
            span: TextSpan::new("x", 0, 1),
        }
    }

    #[test]
    fn different_values_about_the_same_thing_conflict() {
        let reports = report(vec![
            found(0, "Mexico", 6072.0),
            found(1, "Mexico", 6000.0),
            found(2, "Mexico", 6072.0),
            found(1, "Texas", 10.0),
        ]);
        assert_eq!(reports.len(), 3);
        assert_eq!(reports[0].articles, vec![0, 2]);
        assert_eq!(reports[0].conflicts[0].articles, vec![1]);
        assert_eq!(reports[1].conflicts[0].value, EntityValue::Real(6072.0));
        assert!(reports[2].conflicts.is_empty(), "Texas: one value");
    }

    #[test]
    fn one_article_alone_is_no_conflict() {
        let reports = report(vec![found(0, "Mexico", 1.0), found(0, "Mexico", 2.0)]);
        assert!(reports.iter().all(|r| r.conflicts.is_empty()));
        // Article 0 gives both values: article 1, giving one, disagrees with no one.
        let reports = report(vec![
            found(0, "Mexico", 8.0),
            found(0, "Mexico", 6.0),
            found(1, "Mexico", 8.0),
        ]);
        assert!(reports.iter().all(|r| r.conflicts.is_empty()));
    }

    #[test]
    fn what_a_number_counts() {
        let table = [
            ("hundreds of troops and", Some("troop")),
            ("6,072 soldiers, 50%", Some("soldier")),
            ("eight major drug cartels as terrorist", Some("cartel")),
            ("two countries", Some("country")),
            ("one of the calls", Some("call")),
            ("6,000 troops north.", Some("troop")),
            ("50% drop in seizures", Some("drop")),
            ("six of which are", None),
            ("83,532 for the", None),
            ("50% of them.", Some("them")),
            ("7.", None),
        ];
        for (text, expected) in table {
            let doc = Document::new(text);
            let number_end = text.find(' ').unwrap_or(text.len() - 1);
            assert_eq!(
                counted_noun(&doc, number_end, text.len()).as_deref(),
                expected,
                "{text}"
            );
        }
    }
}
