//! Lint for the entity word lists in `src/lexicons/entities/`: every list has its header, is
//! sorted, has no duplicates, and no entry sits in two lists that would contradict each other.

use std::collections::{BTreeMap, BTreeSet};

use newslens::entities::gazetteer::lists;

/// Pairs of lists that must not share an entry, with why.
const CONFLICTS: &[(&str, &str, &str)] = &[
    (
        "first_names_female",
        "first_names_male",
        "a given name has one usual gender here",
    ),
    (
        "countries",
        "places",
        "a place is either a country or another place",
    ),
    (
        "countries",
        "orgs",
        "a name is a place or an organisation, not both",
    ),
    (
        "places",
        "orgs",
        "a name is a place or an organisation, not both",
    ),
    ("orgs", "outlets", "an outlet is listed once"),
    (
        "countries",
        "demonyms",
        "nationality adjectives are not places",
    ),
    (
        "places",
        "demonyms",
        "nationality adjectives are not places",
    ),
    (
        "first_names_female",
        "countries",
        "a given name is not read as a country",
    ),
    (
        "first_names_male",
        "countries",
        "a given name is not read as a country",
    ),
    ("first_names_female", "not_names", "a given name is a name"),
    ("first_names_male", "not_names", "a given name is a name"),
    ("countries", "not_names", "a country is a name"),
    ("places", "not_names", "a place is a name"),
    ("orgs", "not_names", "an organisation is a name"),
    (
        "org_heads",
        "place_heads",
        "a head word types its name one way",
    ),
    ("titles", "first_names_male", "a title is not a given name"),
    ("people", "countries", "a surname is not read as a country"),
    ("people", "places", "a surname is not read as a place"),
    ("people", "not_names", "a surname is a name"),
    (
        "titles",
        "first_names_female",
        "a title is not a given name",
    ),
];

/// The surface form of an entry (`alias = canonical` → `alias`), lower-cased unless it is an
/// acronym: acronyms match only in capitals, so `US` does not clash with the pronoun `us`.
fn surface(entry: &str) -> String {
    let alias = entry
        .split_once(" = ")
        .map_or(entry, |(alias, _)| alias)
        .trim();
    let acronym = alias.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !alias.chars().any(char::is_lowercase);
    if acronym {
        alias.to_string()
    } else {
        alias.to_lowercase()
    }
}

#[test]
fn entity_lists_are_clean() {
    let lists = lists();
    let mut problems = Vec::new();
    let mut sets: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for list in &lists {
        assert!(!list.source().is_empty() && !list.licence().is_empty());
        problems.extend(list.lint());
        sets.insert(
            list.name().to_string(),
            list.entries().map(surface).collect(),
        );
    }
    for (a, b, why) in CONFLICTS {
        for entry in sets[*a].intersection(&sets[*b]) {
            problems.push(format!("{entry:?} is in both {a} and {b}: {why}"));
        }
    }
    assert!(
        problems.is_empty(),
        "lexicon problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn entity_lists_stay_small() {
    let total: usize = lists()
        .iter()
        .map(|l| l.entries().map(|e| e.len() + 1).sum::<usize>())
        .sum();
    // The whole page must stay small; the lists are a fraction of it.
    assert!(total < 120_000, "entity lists hold {total} bytes");
}
