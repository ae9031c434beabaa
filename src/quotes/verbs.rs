//! Attribution verbs: which words report speech, their lemma, and whether they are neutral.
//!
//! The list is data (`src/lexicons/quotes/attribution_verbs.txt`); the stance layer takes its
//! `loaded_attribution` cues from the verbs this module marks as not neutral, so there is one
//! list, not two.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::shapes::Shapes;
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

/// The words besides the forms that start a cue: `according` (to) and the source marker `per`.
/// Their shapes are held with the forms', so that the reported-speech scan turns away nearly
/// every other word with one test where three were made.
const OTHER_CUE_WORDS: [&str; 2] = ["according", "per"];

/// The forms, and their shapes (with [`OTHER_CUE_WORDS`]'): verbs are looked for at nearly
/// every word, most words have no such shape, and skip the lowering and hashing.
struct Forms {
    verbs: FxHashMap<&'static str, Verb>,
    shapes: Shapes,
}

static FORMS: LazyLock<Forms> = LazyLock::new(|| {
    // Collected first so that the map is allocated once, at its final size.
    let entries: Vec<&'static str> = LIST.entries().collect();
    let verbs: FxHashMap<&'static str, Verb> = entries
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
        .collect();
    let mut shapes = Shapes::default();
    for form in verbs.keys() {
        assert!(form.is_ascii(), "{form:?}: a form is ASCII");
        assert!(
            (2..64).contains(&form.len()),
            "{form:?}: a form has a shape"
        );
        kelvin_spellings(form, |spelling| shapes.add(spelling.as_bytes()));
    }
    for word in OTHER_CUE_WORDS {
        kelvin_spellings(word, |spelling| shapes.add(spelling.as_bytes()));
    }
    Forms { verbs, shapes }
});

/// Lemmas that report speech but do not introduce a reported clause (`called it “x”`,
/// `praised the deal`): they attribute partial quotes, never indirect speech.
const NO_CLAUSE: &[&str] = &[
    "accuse", "blast", "call", "charge", "decry", "describe", "dismiss", "laud", "point", "post",
    "praise", "slam", "tout", "tweet", "urge",
];

/// The attribution verb a lower-cased word form is, if any.
pub fn lookup(word: &str) -> Option<Verb> {
    if !may_start_cue(word.as_bytes()) {
        return None;
    }
    FORMS.verbs.get(word).copied()
}

/// The forms [`lookup`] knows, with their verbs.
pub fn forms() -> impl Iterator<Item = (&'static str, Verb)> {
    FORMS.verbs.iter().map(|(&form, &verb)| (form, verb))
}

/// Whether `word`, in any case, may lower to a form [`lookup`] knows or to `according` or
/// `per`; false for most words, told by their shape alone.
#[inline]
pub fn may_start_cue(word: &[u8]) -> bool {
    cue_shapes().may_hold(word)
}

/// The shapes [`may_start_cue`] reads, for a loop that asks it of every word: taken once, as
/// reaching them through the lazily built table checks at each word that it was built.
pub fn cue_shapes() -> &'static Shapes {
    &FORMS.shapes
}

/// Calls `f` with every spelling of an ASCII `form` that lowers to it with its letters in
/// small case: the Kelvin sign is the one character outside ASCII that lowers into it (to
/// `k`), three bytes long, so each `k` may stand as either. With their shapes known too, a word
/// outside ASCII needs no scan to be turned away.
fn kelvin_spellings(form: &str, mut f: impl FnMut(&str)) {
    f(form);
    // Few forms have a `k`: only they are spelled again.
    if !form.contains('k') {
        return;
    }
    let mut spellings = vec![form.to_string()];
    for (at, _) in form.match_indices('k') {
        for n in 0..spellings.len() {
            // Earlier `k`s may have grown: count back from the end, which they leave alone.
            let at = spellings[n].len() - (form.len() - at);
            let mut kelvin = spellings[n].clone();
            kelvin.replace_range(at..at + 1, "\u{212A}");
            f(&kelvin);
            spellings.push(kelvin);
        }
    }
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
            assert!(may_start_cue(form.as_bytes()) || lemma.is_empty(), "{form}");
            match lookup(form) {
                Some(verb) => assert_eq!((verb.lemma, verb.neutral), (lemma, neutral), "{form}"),
                None => assert_eq!(lemma, "", "{form} should be a verb"),
            }
        }
    }

    #[test]
    fn every_form_in_any_case_may_be_a_form() {
        for form in FORMS.verbs.keys().chain(&OTHER_CUE_WORDS) {
            assert!(may_start_cue(form.as_bytes()), "{form}");
            assert!(may_start_cue(form.to_uppercase().as_bytes()), "{form}");
            let kelvin = form.replace('k', "\u{212A}");
            assert!(may_start_cue(kelvin.as_bytes()), "{kelvin}");
            assert!(may_start_cue(kelvin.to_uppercase().as_bytes()), "{kelvin}");
        }
        for word in ["the", "Pentagon", "x", ""] {
            assert!(!may_start_cue(word.as_bytes()), "{word}");
        }
        // The Kelvin sign lowers to `k`; no other character outside ASCII lowers into it.
        assert!(
            may_start_cue("as\u{212A}ed".as_bytes()) && may_start_cue("JO\u{212A}ED".as_bytes())
        );
        assert!(!may_start_cue("naïve".as_bytes()) && !may_start_cue("über".as_bytes()));
    }

    #[test]
    fn a_word_turned_away_by_its_shape_is_no_form() {
        let forms: Vec<&str> = FORMS.verbs.keys().copied().collect();
        let mut words: Vec<String> = crate::test_inputs::seed_files()
            .iter()
            .flat_map(|(_, text)| {
                text.split_whitespace()
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        // Forms cut and spliced: the same starts, ends and lengths as forms, in any case.
        let mut rng = crate::test_inputs::Rng::new(7);
        for _ in 0..20_000 {
            let (a, b) = (rng.pick(&forms), rng.pick(&forms));
            let word = format!(
                "{}{}",
                &a[..rng.below(a.len() + 1)],
                &b[rng.below(b.len())..]
            );
            words.push(match rng.below(3) {
                0 => word.to_uppercase(),
                1 => word.replace('k', "\u{212A}"),
                _ => word,
            });
        }
        let mut turned_away = 0;
        for word in &words {
            if !may_start_cue(word.as_bytes()) {
                turned_away += 1;
                // The map itself, not `lookup`, which asks the shape first.
                let form = FORMS.verbs.get(&*word.to_lowercase());
                assert!(form.is_none(), "{word:?}");
            }
        }
        assert!(
            turned_away > words.len() / 2,
            "{turned_away} of {}",
            words.len()
        );
        // They have the start and length of forms (`mention`, `accuse`): the end tells.
        assert!(!may_start_cue("Mexican".as_bytes()) && !may_start_cue("action".as_bytes()));
    }

    #[test]
    fn kelvin_spellings_are_the_spellings_that_lower_to_the_form() {
        for form in ["said", "asked", "kick", "kkk"] {
            let mut spellings = Vec::new();
            kelvin_spellings(form, |spelling| spellings.push(spelling.to_string()));
            spellings.sort();
            spellings.dedup();
            assert_eq!(spellings.len(), 1 << form.matches('k').count(), "{form}");
            assert!(spellings.iter().all(|s| s.to_lowercase() == form), "{form}");
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
