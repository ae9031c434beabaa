//! Small closed word classes the attribution rules read: pronouns, titles, role nouns,
//! determiners. These are grammar, not vocabulary, so they live in code beside the rules that
//! need them; open vocabularies (verbs, names, places) are data files.

use rustc_hash::FxHashSet;

use super::shapes::SmallShapes;
use std::sync::LazyLock;

/// Whether `text` lower-cases to `word` (lower-case ASCII), as `text.to_lowercase() == word`
/// says, without lowering it: only ASCII case can differ, as no character but the Kelvin sign
/// lowers to ASCII (to `k`; a test checks).
#[inline]
pub fn lowers_to(text: &str, word: &str) -> bool {
    debug_assert!(word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()));
    // A byte loop, not `contains('k')`: for a literal word it folds away, and the search cost
    // more than the comparison.
    text.eq_ignore_ascii_case(word)
        || word.bytes().any(|b| b == b'k') && crate::text::lower(text) == word
}

/// Calls `f` with `text` lower-cased, as `f(&crate::text::lower(text))` would: the text itself
/// when it has no capital (most words), else a copy that [`crate::text::with_lower`] keeps off
/// the heap for a short ASCII word. A third of the words the rules ask about are capitalised,
/// and lowering each was a copy on the heap to compare it with a few words.
#[inline]
pub fn with_lower<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    if crate::text::is_ascii_lower(text) {
        f(text)
    } else {
        crate::text::with_lower(text, f)
    }
}

/// Personal pronouns that can be a speaker, with the gender or number they carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// he
    Male,
    /// she
    Female,
    /// they, we: a group, an institution, or a person of unstated gender
    Plural,
    /// I: the writer quoting themself, or a first-person quote's speaker
    First,
}

/// A subject pronoun, if `word` (lower-cased) is one.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" => Some(Pronoun::Male),
        "she" => Some(Pronoun::Female),
        "they" | "we" => Some(Pronoun::Plural),
        "i" => Some(Pronoun::First),
        _ => None,
    }
}

/// Words that learn a person's gender from the text around their name.
pub fn gendered(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "his" | "him" | "himself" | "mr" | "mr." => Some(Pronoun::Male),
        "she" | "her" | "hers" | "herself" | "mrs" | "mrs." | "ms" | "ms." => Some(Pronoun::Female),
        _ => None,
    }
}

/// Words of a title before a name (`Mexican President`, `Secretary of State`, `Sen.`),
/// lower-cased, without a final dot. Nationality adjectives count: they qualify the title.
pub const TITLE_WORDS: &[&str] = &[
    "acting",
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "american",
    "archbishop",
    "assemblyman",
    "assemblywoman",
    "associate",
    "attorney",
    "bishop",
    "brig",
    "british",
    "cabinet",
    "canadian",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "chinese",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "counsel",
    "cpl",
    "defence",
    "defense",
    "deputy",
    "detective",
    "director",
    "dr",
    "economy",
    "emperor",
    "envoy",
    "european",
    "finance",
    "first",
    "foreign",
    "former",
    "french",
    "gen",
    "general",
    "german",
    "gov",
    "governor",
    "health",
    "homeland",
    "indian",
    "interior",
    "israeli",
    "italian",
    "japanese",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "major",
    "manager",
    "mayor",
    "mexican",
    "minister",
    "mp",
    "mps",
    "mr",
    "mrs",
    "ms",
    "officer",
    "pope",
    "premier",
    "president",
    "press",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "russian",
    "secretary",
    "security",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "sultan",
    "superintendent",
    "supreme",
    "treasury",
    "ukrainian",
    "under",
    "vice",
    "war",
    "white",
];

/// The title words, and the country abbreviations that stand in titles (`U.S. Ambassador`).
static TITLES: WordList = WordList::new(TITLE_WORDS);
static TITLE_COUNTRIES: WordList = WordList::new(&["u.n", "u.s", "us"]);

/// Whether `word` (any case, dot allowed) is a title word.
pub fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLE_COUNTRIES.holds(word) || TITLES.holds(word)
}

/// A sorted list of lower-case ASCII words, asked whether a word in any case is one of them.
pub struct WordList {
    sorted: &'static [&'static str],
    /// Most words asked about are names, which the shapes turn away before the search.
    shapes: SmallShapes,
}

impl WordList {
    /// The list of `sorted` (lower-case ASCII, in order; a test checks each list).
    pub const fn new(sorted: &'static [&'static str]) -> WordList {
        WordList {
            sorted,
            shapes: SmallShapes::of(sorted),
        }
    }

    /// Whether `text` lower-cases to one of the words, as
    /// `sorted.binary_search(&&*text.to_lowercase()).is_ok()` says. The search compares an
    /// ASCII `text` with its case folded byte by byte: lowering each capitalised word was a copy
    /// on the heap, and a list searched from its start cost more than both.
    pub fn holds(&self, text: &str) -> bool {
        if !text.is_ascii() {
            return self
                .sorted
                .binary_search(&&*crate::text::lower(text))
                .is_ok();
        }
        if !self.shapes.may_hold(text.as_bytes()) {
            return false;
        }
        let folded = || text.bytes().map(|b| b.to_ascii_lowercase());
        (self.sorted)
            .binary_search_by(|w| w.bytes().cmp(folded()))
            .is_ok()
    }
}

/// Lower-case particles inside names (`de la Fuente`, `van der Berg`, `bin Salman`).
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "della"
            | "der"
            | "di"
            | "da"
            | "dos"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "y"
    )
}

/// Head nouns of descriptions that can be a source (`a U.S. official`, `the spokeswoman`,
/// `three people familiar with the matter`), lower-cased.
pub const SOURCE_NOUNS: &[&str] = &[
    "activists",
    "administration",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "agency",
    "aide",
    "aides",
    "ambassador",
    "analyst",
    "analysts",
    "authorities",
    "campaign",
    "campaigners",
    "chief",
    "commander",
    "commentators",
    "company",
    "critics",
    "department",
    "diplomat",
    "diplomats",
    "director",
    "doctors",
    "economist",
    "economists",
    "embassy",
    "envoy",
    "executive",
    "executives",
    "expert",
    "experts",
    "families",
    "figure",
    "figures",
    "general",
    "government",
    "governor",
    "group",
    "insider",
    "insiders",
    "investigators",
    "investors",
    "journalists",
    "lawmaker",
    "lawmakers",
    "lawyer",
    "lawyers",
    "leader",
    "leaders",
    "locals",
    "mayor",
    "medics",
    "member",
    "members",
    "minister",
    "ministry",
    "mp",
    "mps",
    "negotiator",
    "negotiators",
    "neighbors",
    "neighbours",
    "observers",
    "office",
    "officer",
    "officers",
    "official",
    "officials",
    "organisers",
    "organizers",
    "parents",
    "people",
    "person",
    "police",
    "president",
    "prosecutor",
    "prosecutors",
    "protesters",
    "relatives",
    "report",
    "reporters",
    "representative",
    "rescuers",
    "researcher",
    "researchers",
    "residents",
    "scientists",
    "secretary",
    "senator",
    "source",
    "sources",
    "spokesman",
    "spokespeople",
    "spokesperson",
    "spokeswoman",
    "staffer",
    "staffers",
    "statement",
    "students",
    "study",
    "survey",
    "survivors",
    "teachers",
    "traders",
    "villagers",
    "witnesses",
    "workers",
];

/// Whether a lower-cased word can head a source description.
pub fn is_source_noun(word: &str) -> bool {
    // Asked of most words near an attribution verb: hashing the word once costs a fraction of
    // the seven string comparisons of a binary search, and the shapes turn most words away
    // before either. (A word outside ASCII, which they do not read rightly, is in no list.)
    static SHAPES: SmallShapes = SmallShapes::of(SOURCE_NOUNS);
    static SET: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| SOURCE_NOUNS.iter().copied().collect());
    SHAPES.may_hold(word.as_bytes()) && SET.contains(word)
}

/// Source nouns that stand for one person, who may be named elsewhere in the article.
pub fn is_person_role(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "minister"
            | "secretary"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "leader"
            | "governor"
            | "mayor"
            | "senator"
            | "general"
            | "chief"
            | "director"
            | "envoy"
            | "commander"
            | "diplomat"
            | "executive"
            | "economist"
            | "adviser"
            | "advisor"
            | "aide"
            | "lawyer"
            | "prosecutor"
            | "representative"
    )
}

/// Words that may open a description of a source.
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "some"
            | "several"
            | "many"
            | "most"
            | "other"
            | "those"
            | "these"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "dozens"
            | "few"
            | "one"
            | "senior"
            | "both"
            | "its"
            | "his"
            | "her"
            | "their"
    )
}

/// Words that may stand between a subject and its verb (`has long said`, `later told`).
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "being"
            | "also"
            | "later"
            | "then"
            | "again"
            | "long"
            | "once"
            | "already"
            | "further"
            | "earlier"
            | "separately"
            | "previously"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "recently"
            | "simply"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "often"
            | "herself"
            | "himself"
            | "themselves"
            | "quickly"
            | "flatly"
            | "firmly"
            | "reportedly"
            | "allegedly"
            | "first"
            | "subsequently"
            | "still"
            | "yet"
    ) || (word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_kelvin_sign_lowers_to_ascii() {
        let lowering_to_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(lowering_to_ascii, ['\u{212A}']);
        assert!(lowers_to("Bank", "bank") && lowers_to("BAN\u{212A}", "bank"));
        assert!(!lowers_to("Banks", "bank") && !lowers_to("\u{212A}", "c"));
    }

    #[test]
    fn a_word_list_holds_the_words_that_lower_to_its_words() {
        let mut words: Vec<String> = TITLE_WORDS
            .iter()
            .chain(SOURCE_NOUNS)
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    capitalise(w),
                    format!("{w}s"),
                ]
            })
            .collect();
        words.extend(
            [
                "",
                "a",
                "zzz",
                "U.S",
                "u.s.",
                "Us",
                "\u{212A}ing",
                "\u{212A}ING",
                "Königin",
                "ÉTAT",
            ]
            .map(String::from),
        );
        for seed in crate::test_inputs::seed_files() {
            words.extend(seed.1.split_whitespace().map(String::from));
        }
        for list in [
            TITLE_WORDS,
            SOURCE_NOUNS,
            &["u.n", "u.s", "us"],
            &["a", "i", "of"],
        ] {
            let shaped = WordList::new(list);
            for word in &words {
                let slow = list.binary_search(&&*word.to_lowercase()).is_ok();
                assert_eq!(shaped.holds(word), slow, "{word:?}");
            }
        }
        assert!(TITLES.holds("\u{212A}ing"), "the Kelvin sign lowers to k");
    }

    /// [`is_source_noun`], shapes first, against the list: its words, their neighbours in
    /// spelling, the words of the seeds lowered, and words outside ASCII.
    #[test]
    fn a_source_noun_is_a_word_of_the_list() {
        let mut words: Vec<String> = SOURCE_NOUNS
            .iter()
            .flat_map(|w| {
                [
                    w.to_string(),
                    format!("{w}s"),
                    w[1..].to_string(),
                    w.replace('o', "ö"),
                ]
            })
            .collect();
        for seed in crate::test_inputs::seed_files() {
            words.extend(seed.1.split_whitespace().map(str::to_lowercase));
        }
        words.extend(["", "a", "mp", "m", "p", "\u{212A}"].map(String::from));
        for word in &words {
            let listed = SOURCE_NOUNS.contains(&word.as_str());
            assert_eq!(is_source_noun(word), listed, "{word:?}");
        }
    }

    #[test]
    fn with_lower_gives_the_lowered_word() {
        let mut words: Vec<String> = [
            "",
            "said",
            "Said",
            "SAID",
            "u.s.",
            "U.S.",
            "won’t",
            "Won’t",
            "\u{212A}ing",
            "İstanbul",
            "Königin",
            "ÉTAT",
            "ΟΔΟΣ",
            "a-very-long-hyphenated-word-past-the-buffer",
            "A-Very-Long-Hyphenated-Word-Past-The-Buffer",
            "mp3",
            "MP3",
            "@Handle_1",
        ]
        .map(String::from)
        .to_vec();
        for seed in crate::test_inputs::seed_files() {
            words.extend(seed.1.split_whitespace().map(String::from));
        }
        for word in &words {
            let lowered = with_lower(word, str::to_string);
            assert_eq!(lowered, word.to_lowercase(), "{word:?}");
            assert_eq!(lowered, crate::text::lower(word), "{word:?}");
        }
    }

    fn capitalise(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(TITLE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(SOURCE_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }
}
