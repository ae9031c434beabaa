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
use crate::lexicon::Lexicon;

/// One category's list and the rule id its cues carry.
pub struct CategoryList {
    /// The category its entries mark.
    pub category: CueCategory,
    /// The rule id of cues it finds.
    pub rule: &'static str,
    /// The list.
    pub lexicon: Lexicon,
}

/// The lists whose entries are cues by themselves, one per category (anonymity formulas mark
/// `anonymous_source`).
pub static CATEGORY_LISTS: LazyLock<Vec<CategoryList>> = LazyLock::new(|| {
    let list = |category, rule, name, data| CategoryList {
        category,
        rule,
        lexicon: Lexicon::builtin(name, data),
    };
    vec![
        list(
            CueCategory::Hedge,
            "cue.lexicon.hedge",
            "cues/hedge.txt",
            include_str!("../lexicons/cues/hedge.txt"),
        ),
        list(
            CueCategory::Booster,
            "cue.lexicon.booster",
            "cues/booster.txt",
            include_str!("../lexicons/cues/booster.txt"),
        ),
        list(
            CueCategory::Refusal,
            "cue.lexicon.refusal",
            "cues/refusal.txt",
            include_str!("../lexicons/cues/refusal.txt"),
        ),
        list(
            CueCategory::Support,
            "cue.lexicon.support",
            "cues/support.txt",
            include_str!("../lexicons/cues/support.txt"),
        ),
        list(
            CueCategory::Evaluative,
            "cue.lexicon.evaluative",
            "cues/evaluative.txt",
            include_str!("../lexicons/cues/evaluative.txt"),
        ),
        list(
            CueCategory::AnonymousSource,
            "cue.lexicon.anonymity",
            "cues/anonymity.txt",
            include_str!("../lexicons/cues/anonymity.txt"),
        ),
    ]
});

/// Nouns that head an unnamed-source description.
pub static SOURCE_HEADS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::builtin(
        "cues/source_heads.txt",
        include_str!("../lexicons/cues/source_heads.txt"),
    )
});

/// Speech verbs that confirm a description is a source.
pub static SOURCE_VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::builtin(
        "cues/source_verbs.txt",
        include_str!("../lexicons/cues/source_verbs.txt"),
    )
});

/// Every shipped cue list, for the lint test.
pub fn all() -> Vec<&'static Lexicon> {
    let mut out: Vec<&'static Lexicon> = CATEGORY_LISTS.iter().map(|l| &l.lexicon).collect();
    out.push(&SOURCE_HEADS);
    out.push(&SOURCE_VERBS);
    out
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
        for list in CATEGORY_LISTS.iter() {
            for entry in list.lexicon.entries() {
                phrases.push(entry);
                meaning.push((list.category, list.rule));
            }
        }
        (PhraseMatcher::new(phrases), meaning)
    });

/// A set of normalised single words from a list.
pub fn word_set(lexicon: &Lexicon) -> FxHashSet<String> {
    lexicon
        .entries()
        .map(|entry| normalise(entry).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_unique_and_have_headers() {
        for lexicon in all() {
            assert!(!lexicon.source().is_empty(), "{}", lexicon.name());
            assert!(!lexicon.licence().is_empty(), "{}", lexicon.name());
            assert_eq!(lexicon.lint(), Vec::<String>::new());
        }
    }

    #[test]
    fn no_entry_in_two_conflicting_categories() {
        let mut seen: rustc_hash::FxHashMap<String, CueCategory> = Default::default();
        for list in CATEGORY_LISTS.iter() {
            for entry in list.lexicon.entries() {
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
