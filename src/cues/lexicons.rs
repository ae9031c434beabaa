//! The cue word lists (`src/lexicons/cues/*.txt`) and the one matcher built from them.
//!
//! Each category list holds the entries that are cues wherever they stand. Words whose sense
//! depends on context are not listed; their rules live in [`super::senses`], [`super::modals`],
//! [`super::negation`] and [`super::sources`].

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::matcher::PhraseMatcher;
use super::words::normalise;
use crate::analysis::CueCategory;
use crate::lexicon::{Builtin, Lexicon};

/// One category's list and the rule id its cues carry.
pub struct CategoryList {
    /// The category its entries mark.
    pub category: CueCategory,
    /// The rule id of cues it finds.
    pub rule: &'static str,
    /// The list.
    pub list: Builtin,
}

macro_rules! list {
    ($file:literal) => {
        Builtin {
            name: concat!("cues/", $file),
            data: include_str!(concat!("../lexicons/cues/", $file)),
        }
    };
}

/// The lists whose entries are cues by themselves, one per category (anonymity formulas mark
/// `anonymous_source`).
pub static CATEGORY_LISTS: [CategoryList; 6] = [
    CategoryList {
        category: CueCategory::Hedge,
        rule: "cue.lexicon.hedge",
        list: list!("hedge.txt"),
    },
    CategoryList {
        category: CueCategory::Booster,
        rule: "cue.lexicon.booster",
        list: list!("booster.txt"),
    },
    CategoryList {
        category: CueCategory::Refusal,
        rule: "cue.lexicon.refusal",
        list: list!("refusal.txt"),
    },
    CategoryList {
        category: CueCategory::Support,
        rule: "cue.lexicon.support",
        list: list!("support.txt"),
    },
    CategoryList {
        category: CueCategory::Evaluative,
        rule: "cue.lexicon.evaluative",
        list: list!("evaluative.txt"),
    },
    CategoryList {
        category: CueCategory::AnonymousSource,
        rule: "cue.lexicon.anonymity",
        list: list!("anonymity.txt"),
    },
];

/// Nouns that head an unnamed-source description.
pub const SOURCE_HEADS: Builtin = list!("source_heads.txt");

/// Speech verbs that confirm a description is a source.
pub const SOURCE_VERBS: Builtin = list!("source_verbs.txt");

/// Every shipped cue list, parsed whole, for the lint test.
pub fn all() -> Vec<Lexicon> {
    CATEGORY_LISTS
        .iter()
        .map(|l| l.list)
        .chain([SOURCE_HEADS, SOURCE_VERBS])
        .map(Builtin::lexicon)
        .collect()
}

/// Entries allowed in two category lists: praise verbs are support and, when they introduce a
/// quote, loaded attribution (that second label comes from the quotes layer, not a list), so no
/// pair of category lists may share an entry at all.
pub const ALLOWED_IN_TWO_LISTS: &[&str] = &[];

/// One matcher over all category lists; `PHRASES[hit.phrase]` says what a hit is.
pub static MATCHER: LazyLock<(PhraseMatcher, Vec<(CueCategory, &'static str)>)> =
    LazyLock::new(|| {
        let mut phrases = Vec::new();
        let mut meaning = Vec::new();
        for list in &CATEGORY_LISTS {
            for entry in list.list.entries() {
                phrases.push(entry);
                meaning.push((list.category, list.rule));
            }
        }
        (PhraseMatcher::new(phrases), meaning)
    });

/// A set of normalised single words from a list.
pub fn word_set(list: Builtin) -> FxHashSet<String> {
    list.entries()
        .map(|entry| normalise(entry).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_unique_and_have_headers() {
        for lexicon in &all() {
            assert!(!lexicon.source().is_empty(), "{}", lexicon.name());
            assert!(!lexicon.licence().is_empty(), "{}", lexicon.name());
            assert_eq!(lexicon.lint(), Vec::<String>::new());
        }
    }

    #[test]
    fn no_entry_in_two_conflicting_categories() {
        let mut seen: rustc_hash::FxHashMap<String, CueCategory> = Default::default();
        for list in &CATEGORY_LISTS {
            for entry in list.list.entries() {
                let key = normalise(entry).into_owned();
                if let Some(other) = seen.insert(key.clone(), list.category) {
                    assert!(
                        ALLOWED_IN_TWO_LISTS.contains(&key.as_str()),
                        "{entry:?} is both {other:?} and {:?}",
                        list.category
                    );
                }
            }
        }
    }
}
