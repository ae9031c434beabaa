//! Which rules a word form concerns: each rule starts only at tokens of a few words, and a
//! form's rules are asked once, as [`Words`](super::words::Words) first meets the form, so
//! that every rule visits only the tokens that concern it.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::{attribution, lexicons, modals, negation, senses, sources};
use crate::quotes::verbs;

/// A lexicon phrase may start here ([`lexicons::MATCHER`]).
pub const LEXICON: u8 = 1 << 0;
/// A sense rule or a distancing phrase may start here ([`senses`]).
pub const SENSE: u8 = 1 << 1;
/// An epistemic modal may be here ([`modals`]).
pub const MODAL: u8 = 1 << 2;
/// The head of an unnamed-source description ([`sources`]).
pub const SOURCE_HEAD: u8 = 1 << 3;
/// A generic expert ([`sources`]).
pub const EXPERT: u8 = 1 << 4;
/// A negation refusal may open here ([`negation`]).
pub const NEGATION: u8 = 1 << 5;
/// A loaded attribution verb ([`attribution::in_position`]).
pub const LOADED_VERB: u8 = 1 << 6;

/// The words every rule starts at, with the rules each concerns: one lookup a form, where
/// asking each rule read through their lists and tables (a couple of hundred instructions a
/// form).
static LISTED: LazyLock<Listed> = LazyLock::new(|| {
    let mut listed: FxHashMap<&'static str, u8> = FxHashMap::default();
    add(&mut listed, lexicons::MATCHER.0.first_words(), LEXICON);
    add(&mut listed, senses::start_words(), SENSE);
    add(&mut listed, modals::MODALS.iter().copied(), MODAL);
    // A head that is also an expert is a head.
    let source = |head| move |word: &&str| sources::start(word) == Some(head);
    let heads = sources::start_words().filter(source(true));
    add(&mut listed, heads, SOURCE_HEAD);
    add(
        &mut listed,
        sources::start_words().filter(source(false)),
        EXPERT,
    );
    add(&mut listed, negation::openers(), NEGATION);
    let loaded = verbs::forms().filter(|&(_, verb)| attribution::is_loaded(verb));
    add(&mut listed, loaded.map(|(form, _)| form), LOADED_VERB);
    let mut sketches = [0u64; SKETCHES / 64];
    for word in listed.keys() {
        let at = sketch(word);
        sketches[at / 64] |= 1 << (at % 64);
    }
    Listed {
        rules: listed,
        sketches,
    }
});

/// The listed words with their rules, and a bit for the sketch of each.
struct Listed {
    rules: FxHashMap<&'static str, u8>,
    /// Whether some listed word has each [`sketch`]: most forms of a document concern no
    /// rule, and one bit tells most of them so, where hashing the form to look it up
    /// was most of what each new form of a document cost.
    sketches: [u64; SKETCHES / 64],
}

/// How many sketches there are: some six for each listed word, so that few of the forms
/// that are not listed share a listed word's.
const SKETCHES: usize = 1 << 12;

/// A number below [`SKETCHES`] from a word's length and its first and last bytes.
fn sketch(word: &str) -> usize {
    let bytes = word.as_bytes();
    let byte = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
    // Only a hash: a length past 32 bits may wrap.
    let key = byte(bytes.first()) | byte(bytes.last()) << 8 | (word.len() as u32) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> (32 - SKETCHES.trailing_zeros())) as usize
}

/// Adds `rule` to the rules of each of `words`. Generic, not `&mut dyn Iterator`: a trait
/// object brings every iterator method of each list's adapters into the wasm (5 KB of `nth`,
/// `advance_by`, `size_hint`), where only `next` is called.
fn add(
    listed: &mut FxHashMap<&'static str, u8>,
    words: impl Iterator<Item = &'static str>,
    rule: u8,
) {
    for word in words {
        *listed.entry(word).or_default() |= rule;
    }
}

/// The rules `form`, a normalised word, concerns.
pub fn of(form: &str) -> u8 {
    let at = sketch(form);
    if LISTED.sketches[at / 64] & 1 << (at % 64) == 0 {
        return 0;
    }
    LISTED.rules.get(form).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::matcher::phrase_words;
    use crate::cues::words::{test_texts, with_words};

    /// The rules of `form` by definition, as each rule asked of every form.
    fn by_asking(form: &str) -> u8 {
        let source = sources::start(form);
        let loaded = verbs::lookup(form).is_some_and(attribution::is_loaded);
        let rules = [
            (LEXICON, lexicons::MATCHER.0.group(form).is_some()),
            (SENSE, senses::may_start(form)),
            (MODAL, matches!(form, "could" | "may" | "might")),
            (SOURCE_HEAD, source == Some(true)),
            (EXPERT, source == Some(false)),
            (NEGATION, negation::may_open(form)),
            (LOADED_VERB, loaded),
        ];
        rules
            .into_iter()
            .filter(|&(_, concerned)| concerned)
            .fold(0, |all, (rule, _)| all | rule)
    }

    /// The listed rules agree with asking each rule, for every word of every list and of the
    /// test texts, in every case, and with a letter more or fewer.
    #[test]
    fn of_agrees_with_asking_every_rule() {
        let mut words: Vec<String> = LISTED.rules.keys().map(|word| word.to_string()).collect();
        words.extend(verbs::forms().map(|(form, _)| form.to_string()));
        words.extend(senses::start_words().map(str::to_string));
        for lexicon in lexicons::all() {
            let entries = lexicon.entries().flat_map(phrase_words);
            words.extend(entries.map(|word| word.into_owned()));
        }
        with_words(
            &test_texts(&["analysts", "officials", "what", "reported"]),
            |_, w| {
                words.extend((0..w.len()).map(|i| w.at(i).to_string()));
            },
        );
        let mut concerned = [0; 8];
        for word in &words {
            let mut chars = word.chars();
            chars.next_back();
            let variants = [
                word.clone(),
                word.to_uppercase(),
                chars.as_str().to_string(),
                format!("{word}s"),
            ];
            for form in &variants {
                let rules = of(form);
                assert_eq!(rules, by_asking(form), "{form:?}");
                for (bit, count) in concerned.iter_mut().enumerate() {
                    *count += usize::from(rules & 1 << bit != 0);
                }
            }
        }
        // Every rule is concerned, by several words.
        assert!(concerned[..7].iter().all(|&n| n > 2), "{concerned:?}");
    }
}
