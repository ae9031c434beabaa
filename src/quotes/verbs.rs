//! Attribution verbs: which words report speech, their lemma, and whether they are neutral.
//!
//! The list is data (`src/lexicons/quotes/attribution_verbs.txt`); the stance layer takes its
//! `loaded_attribution` cues from the verbs this module marks as not neutral, so there is one
//! list, not two.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::lexicon::Builtin;

/// One inflected form of an attribution verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The dictionary form (`said` → `say`).
    pub lemma: &'static str,
    /// False when the verb frames the speaker or the claim (`boasted`, `insisted`).
    pub neutral: bool,
}

/// The list as shipped.
pub const LIST: Builtin = Builtin {
    name: "quotes/attribution_verbs.txt",
    data: include_str!("../lexicons/quotes/attribution_verbs.txt"),
};

static FORMS: LazyLock<FxHashMap<&'static str, Verb>> = LazyLock::new(|| {
    // Collected first so that the map is allocated once, at its final size.
    let entries: Vec<&'static str> = LIST.entries().collect();
    entries
        .into_iter()
        .map(|line| {
            // ASCII (a test checks), so the cheaper ASCII split cuts the same fields.
            let mut fields = line.split_ascii_whitespace();
            let (form, lemma, stance) = (
                fields.next().expect("form"),
                fields.next().expect("lemma"),
                fields.next().expect("stance"),
            );
            (
                form,
                Verb {
                    lemma,
                    neutral: stance == "neutral",
                },
            )
        })
        .collect()
});

/// Lemmas that report speech but do not introduce a reported clause (`called it “x”`,
/// `praised the deal`): they attribute partial quotes, never indirect speech.
const NO_CLAUSE: &[&str] = &[
    "accuse", "blast", "call", "charge", "decry", "describe", "dismiss", "laud", "point", "post",
    "praise", "slam", "tout", "tweet", "urge",
];

/// The attribution verb a lower-cased word form is, if any.
pub fn lookup(word: &str) -> Option<Verb> {
    FORMS.get(word).copied()
}

/// Whether the verb can introduce reported speech (`X said that …`).
pub fn takes_clause(verb: Verb) -> bool {
    !NO_CLAUSE.contains(&verb.lemma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_map_to_lemmas_and_stance() {
        let table = [
            ("said", "say", true),
            ("told", "tell", true),
            ("boasted", "boast", false),
            ("insisted", "insist", false),
            ("according", "", true),
        ];
        for (form, lemma, neutral) in table {
            match lookup(form) {
                Some(verb) => assert_eq!((verb.lemma, verb.neutral), (lemma, neutral), "{form}"),
                None => assert_eq!(lemma, "", "{form} should be a verb"),
            }
        }
    }

    #[test]
    fn list_is_clean() {
        let list = LIST.lexicon();
        assert!(list.lint().is_empty(), "{:?}", list.lint());
        assert!(list.licence().contains("MIT"));
        assert!(list.entries().all(str::is_ascii));
    }
}
