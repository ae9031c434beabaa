//! The entity word lists (`src/lexicons/entities/*.txt`), parsed once into lookup tables.
//!
//! Lists are plain data so that a reviewer can read and extend them without touching code;
//! this module only knows how to turn them into sets and a phrase table keyed by tokens.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::class_table::ClassTable;
use crate::analysis::EntityType;
use crate::lexicon::{split_spaced, Builtin, Lexicon};
use crate::text::{plain_words, push_lower, with_lower, Document};

macro_rules! list {
    ($name:literal) => {
        Builtin {
            name: $name,
            data: include_str!(concat!("../lexicons/entities/", $name, ".txt")),
        }
    };
}

/// Every built-in entity list.
static LISTS: [Builtin; 14] = [
    list!("countries"),
    list!("demonyms"),
    list!("first_names_female"),
    list!("first_names_male"),
    list!("honorifics"),
    list!("not_names"),
    list!("org_heads"),
    list!("orgs"),
    list!("outlets"),
    list!("people"),
    list!("place_heads"),
    list!("places"),
    list!("title_modifiers"),
    list!("titles"),
];

/// Every built-in entity list, parsed whole, for the lint test.
pub fn lists() -> Vec<Lexicon> {
    LISTS.iter().map(|list| list.lexicon()).collect()
}

/// A grammatical gender a name or honorific marks, for pronoun resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gender {
    /// She, her.
    Female,
    /// He, him.
    Male,
}

/// What a known phrase is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    /// Its type.
    pub kind: EntityType,
    /// The canonical name shared by all its aliases.
    pub canonical: String,
    /// A news outlet: keeps a leading "The" when it stands alone.
    pub outlet: bool,
    /// The entry as written, token by token, to check capitalisation against.
    pub tokens: Vec<&'static str>,
    /// An acronym (`US`, `WHO`): matches only in exactly this case.
    pub exact_case: bool,
    /// From the list of countries.
    pub country: bool,
}

/// The parsed lists.
pub struct Gazetteer {
    /// Known names keyed by their lower-cased tokens joined with single spaces.
    pub phrases: FxHashMap<String, Known>,
    /// Every proper token prefix of a key of `phrases` (`new`, `new york`): a scan for known
    /// phrases stops at the first word that no entry continues with.
    pub prefixes: FxHashSet<String>,
    /// The longest known phrase, in tokens.
    pub max_tokens: usize,
    /// Whether every phrase starts with a capital, so that [`Gazetteer::lookup_key`] can match
    /// no run of words starting in lower case: the name finder then skips the lower-case
    /// words of running text (four in five) without building their keys.
    pub capital_starts: bool,
    /// Nationality adjectives, lower-cased.
    pub demonyms: FxHashSet<String>,
    /// Organisation head words, lower-cased.
    pub org_heads: FxHashSet<String>,
    /// Place head words, lower-cased.
    pub place_heads: FxHashSet<String>,
    /// Title head words and phrases, lower-cased.
    pub titles: FxHashSet<String>,
    /// Words that qualify a title, lower-cased.
    pub title_modifiers: FxHashSet<String>,
    /// Courtesy titles with the gender they mark (`None`: any).
    pub honorifics: FxHashMap<String, Option<Gender>>,
    /// Given names with their usual gender, lower-cased.
    pub first_names: FxHashMap<String, Gender>,
    /// Capitalised words that are never a name by themselves, lower-cased.
    pub not_names: FxHashSet<String>,
    /// Well-known people by surname, with their full names.
    pub figures: FxHashMap<String, String>,
    /// Every entry of the lists above with the [`class`] bits of the lists it is on:
    /// the name finder asks several lists about each capitalised word, and one lookup
    /// answers them all.
    pub classes: ClassTable,
}

/// The word lists a word can be on, as bits of [`Gazetteer::classes`].
pub mod class {
    /// [`super::Gazetteer::titles`].
    pub const TITLE: u16 = 1;
    /// [`super::Gazetteer::honorifics`].
    pub const HONORIFIC: u16 = 1 << 1;
    /// [`super::Gazetteer::title_modifiers`].
    pub const TITLE_MODIFIER: u16 = 1 << 2;
    /// [`super::Gazetteer::is_demonym`].
    pub const DEMONYM: u16 = 1 << 3;
    /// [`super::Gazetteer::not_names`].
    pub const NOT_NAME: u16 = 1 << 4;
    /// [`super::Gazetteer::org_heads`].
    pub const ORG_HEAD: u16 = 1 << 5;
    /// [`super::Gazetteer::place_heads`].
    pub const PLACE_HEAD: u16 = 1 << 6;
    /// [`super::Gazetteer::first_name_gender`] knows it.
    pub const FIRST_NAME: u16 = 1 << 7;
    /// The first word of a two-word title (`prime` of `prime minister`).
    pub const TITLE_PAIR_START: u16 = 1 << 8;
    /// The first word of a two-word nationality (`south` of `South Korean`).
    pub const DEMONYM_PAIR_START: u16 = 1 << 9;
    /// A key of [`super::Gazetteer::phrases`] of one word.
    pub const KNOWN_WORD: u16 = 1 << 10;
    /// The first word of a key of [`super::Gazetteer::phrases`] of several words (so one of
    /// [`super::Gazetteer::prefixes`]).
    pub const KNOWN_PREFIX: u16 = 1 << 11;
    /// The first word of a key: a walk from any other word finds nothing, so the name finder
    /// need not build its key to try.
    pub const KNOWN_START: u16 = KNOWN_WORD | KNOWN_PREFIX;
}

/// The lists, parsed on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

/// The phrase-table key of a piece of text: its tokens, lower-cased, joined by spaces; with the
/// tokens. This runs the document tokenizer; [`entry_key`] is the same for list entries.
pub fn key_of(text: &str) -> (String, Vec<&str>) {
    let doc = Document::new(text);
    let mut tokens: Vec<&str> = Vec::new();
    let mut last_end = usize::MAX;
    for t in &doc.tokens {
        let word = doc.token_text(t);
        // `St. Louis`: the name finder keeps an abbreviation's dot on its word, so do we.
        if word == "." && t.start() == last_end {
            if let Some(prev) = tokens.last_mut() {
                // `prev` ends where the dot starts: widen it over the dot.
                *prev = &text[t.start() - prev.len()..t.end()];
                continue;
            }
        }
        tokens.push(word);
        last_end = t.end();
    }
    (key_from(&tokens), tokens)
}

/// [`key_of`] for a list entry, skipping the tokenizer for the entries that are plain words
/// (nearly all): tokenizing each entry was most of the cost of building the lists. Plain words
/// are the tokens with single spaces between them, so the entry lower-cased is their key.
fn entry_key(entry: &str) -> (String, Vec<&str>) {
    match plain_words(entry) {
        Some(words) => (lowercase(entry), words),
        None => key_of(entry),
    }
}

fn key_from(tokens: &[&str]) -> String {
    let mut key = String::new();
    for token in tokens {
        push_key_word(&mut key, token);
    }
    key
}

/// Appends one token to a phrase-table key: a space, then the token lower-cased.
pub fn push_key_word(key: &mut String, word: &str) {
    if !key.is_empty() {
        key.push(' ');
    }
    push_lower(key, word);
}

/// The words of a [`PhraseWalk`] and their phrase-table key.
#[derive(Default)]
pub struct WalkBuffers<'w> {
    words: Vec<&'w str>,
    key: String,
}

/// A walk along the phrase table, one word at a time: the one way the finders look for a
/// known name at a word.
pub struct PhraseWalk<'g, 'b, 'w> {
    gazetteer: &'g Gazetteer,
    buffers: &'b mut WalkBuffers<'w>,
    /// After [`PhraseWalk::start`], whether entries go on from its word, as its classes tell.
    first_goes_on: Option<bool>,
}

impl<'g, 'w> PhraseWalk<'g, '_, 'w> {
    /// Takes one more word: the entry the words so far spell, in a case it accepts.
    #[inline]
    pub fn step(&mut self, word: &'w str) -> Option<&'g Known> {
        self.first_goes_on = None;
        let WalkBuffers { words, key } = &mut *self.buffers;
        words.push(word);
        push_key_word(key, word);
        self.gazetteer.lookup_key(key, words)
    }

    /// Whether an entry starts with the words so far and goes on: when not, no further word
    /// can make a match.
    #[inline]
    pub fn goes_on(&self) -> bool {
        self.first_goes_on
            .unwrap_or_else(|| self.gazetteer.prefixes.contains(self.buffers.key.as_str()))
    }

    /// [`PhraseWalk::step`] for the first word, whose [`class`] bits are `classes` (as
    /// [`Gazetteer::classes_of`] answers): they tell whether a one-word entry or a longer one
    /// starts with it, which spares most first words a lookup and the question whether the walk
    /// goes on.
    #[inline]
    pub fn start(&mut self, word: &'w str, classes: u16) -> Option<&'g Known> {
        debug_assert!(self.buffers.words.is_empty(), "a walk starts once");
        let WalkBuffers { words, key } = &mut *self.buffers;
        words.push(word);
        push_key_word(key, word);
        self.first_goes_on = Some(classes & class::KNOWN_PREFIX != 0);
        if classes & class::KNOWN_WORD == 0 {
            return None;
        }
        self.gazetteer.lookup_key(key, words)
    }

    /// How many words it has taken.
    pub fn words_taken(&self) -> usize {
        self.buffers.words.len()
    }
}

/// `text.to_lowercase()`, through [`push_lower`]'s ASCII path.
fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lower(&mut out, text);
    out
}

fn set(entries: &[&str]) -> FxHashSet<String> {
    entries.iter().map(|entry| lowercase(entry)).collect()
}

/// Whether an entry matches only in exactly its case: an acronym (`US`, `WHO`: two capitals or
/// more and no lower-case letter) or a single letter.
fn exact_case(surface: &str) -> bool {
    let (mut chars, mut upper, mut lower) = (0, 0, false);
    for c in surface.chars() {
        chars += 1;
        upper += usize::from(c.is_uppercase());
        lower |= c.is_lowercase();
    }
    upper >= 2 && !lower || chars == 1
}

/// `alias = canonical` as its two sides; any other entry as itself twice.
fn alias(entry: &str) -> (&str, &str) {
    match split_spaced(entry, b'=') {
        Some((alias, canonical)) => (alias.trim(), canonical.trim()),
        None => (entry, entry),
    }
}

fn build() -> Gazetteer {
    let mut g = Gazetteer {
        phrases: FxHashMap::default(),
        prefixes: FxHashSet::default(),
        max_tokens: 1,
        capital_starts: true,
        demonyms: FxHashSet::default(),
        org_heads: FxHashSet::default(),
        place_heads: FxHashSet::default(),
        titles: FxHashSet::default(),
        title_modifiers: FxHashSet::default(),
        honorifics: FxHashMap::default(),
        first_names: FxHashMap::default(),
        not_names: FxHashSet::default(),
        figures: FxHashMap::default(),
        classes: ClassTable::default(),
    };
    for list in &LISTS {
        // Collected first so that each table is allocated once, at its final size.
        let entries: Vec<&'static str> = list.entries().collect();
        match list.name {
            "countries" => g.add_phrases(&entries, EntityType::Place, false, true),
            "places" => g.add_phrases(&entries, EntityType::Place, false, false),
            "orgs" => g.add_phrases(&entries, EntityType::Org, false, false),
            "outlets" => g.add_phrases(&entries, EntityType::Org, true, false),
            "demonyms" => g.demonyms = set(&entries),
            "org_heads" => g.org_heads = set(&entries),
            "place_heads" => g.place_heads = set(&entries),
            "titles" => g.titles = set(&entries),
            "title_modifiers" => g.title_modifiers = set(&entries),
            "not_names" => g.not_names = set(&entries),
            "people" => {
                g.figures = entries
                    .iter()
                    .filter_map(|entry| split_spaced(entry, b'='))
                    .map(|(surname, full)| (surname.trim().to_string(), full.trim().to_string()))
                    .collect();
            }
            "first_names_female" | "first_names_male" => {
                let gender = if list.name.ends_with("female") {
                    Gender::Female
                } else {
                    Gender::Male
                };
                g.first_names.reserve(entries.len());
                for name in entries {
                    g.first_names.insert(lowercase(name), gender);
                }
            }
            "honorifics" => {
                g.honorifics = entries
                    .iter()
                    .map(|entry| {
                        let (word, gender) = split_spaced(entry, b'=').unwrap_or((entry, "any"));
                        let gender = match gender.trim() {
                            "female" => Some(Gender::Female),
                            "male" => Some(Gender::Male),
                            _ => None,
                        };
                        (lowercase(word.trim()), gender)
                    })
                    .collect();
            }
            other => unreachable!("unknown entity list {other}"),
        }
    }
    g.classes = g.word_classes();
    g
}

impl Gazetteer {
    /// Adds a list of names (`alias = canonical` lines name an alias) to the phrase table.
    fn add_phrases(
        &mut self,
        entries: &[&'static str],
        kind: EntityType,
        outlet: bool,
        country: bool,
    ) {
        self.phrases.reserve(entries.len());
        for entry in entries {
            let (surface, canonical) = alias(entry);
            let (key, tokens) = entry_key(surface);
            let exact_case = exact_case(surface);
            self.max_tokens = self.max_tokens.max(tokens.len());
            self.capital_starts &= tokens
                .first()
                .is_some_and(|t| t.starts_with(char::is_uppercase));
            // Tokens hold no spaces, so each space of the key ends one of its token prefixes.
            for (end, _) in key.match_indices(' ') {
                if !self.prefixes.contains(&key[..end]) {
                    self.prefixes.insert(key[..end].to_string());
                }
            }
            self.phrases.insert(
                key,
                Known {
                    kind,
                    canonical: canonical.to_string(),
                    outlet,
                    tokens,
                    exact_case,
                    country,
                },
            );
        }
    }

    /// The known phrase spelled by `words` (token texts), checking capitalisation: every
    /// capitalised word of the entry must be capitalised in the text, acronyms exactly.
    pub fn lookup(&self, words: &[&str]) -> Option<&Known> {
        // The finders ask of one word at a time (a hyphen's parts, a name's words): its key is
        // the word lower-cased, which needs no `String` when it is short ASCII.
        if let [word] = words {
            return with_lower(word, |key| self.lookup_key(key, words));
        }
        let mut key = String::new();
        for word in words {
            push_key_word(&mut key, word);
        }
        self.lookup_key(&key, words)
    }

    /// Starts a walk along the phrase table from an empty phrase, in `buffers` (kept by the
    /// caller between walks, so a walk from every word allocates nothing).
    pub fn walk<'g, 'b, 'w>(&'g self, buffers: &'b mut WalkBuffers<'w>) -> PhraseWalk<'g, 'b, 'w> {
        buffers.words.clear();
        buffers.key.clear();
        PhraseWalk {
            gazetteer: self,
            buffers,
            first_goes_on: None,
        }
    }

    /// [`Gazetteer::lookup`] with the key already built by [`push_key_word`] from `words`.
    pub fn lookup_key(&self, key: &str, words: &[&str]) -> Option<&Known> {
        let known = self.phrases.get(key)?;
        let case_ok = known.tokens.iter().zip(words).all(|(entry, word)| {
            if known.exact_case {
                entry == word
            } else if entry.chars().next().is_some_and(char::is_uppercase) {
                word.chars().next().is_some_and(char::is_uppercase)
            } else {
                true
            }
        });
        case_ok.then_some(known)
    }

    /// The [`class`] bits of `word`: the lists it is on, as the lists' own tests answer.
    pub fn classes_of(&self, word: &str) -> u16 {
        self.classes.get(word)
    }

    /// [`Gazetteer::classes`], from the lists.
    fn word_classes(&self) -> ClassTable {
        let words = self.titles.len()
            + self.title_modifiers.len()
            + self.not_names.len()
            + self.org_heads.len()
            + self.place_heads.len()
            + 2 * self.demonyms.len()
            + self.honorifics.len()
            + self.first_names.len()
            + self.phrases.len();
        let mut classes = ClassTable::with_capacity(words);
        let sets = [
            (&self.titles, class::TITLE),
            (&self.title_modifiers, class::TITLE_MODIFIER),
            (&self.not_names, class::NOT_NAME),
            (&self.org_heads, class::ORG_HEAD),
            (&self.place_heads, class::PLACE_HEAD),
        ];
        for (set, bit) in sets {
            set.iter().for_each(|word| classes.add(word, bit));
        }
        let pairs = [
            (&self.titles, class::TITLE_PAIR_START),
            (&self.demonyms, class::DEMONYM_PAIR_START),
        ];
        for (set, bit) in pairs {
            for phrase in set {
                if let Some((first, second)) = phrase.split_once(' ') {
                    if !second.contains(' ') {
                        classes.add(first, bit);
                    }
                }
            }
        }
        for key in self.phrases.keys() {
            match key.split_once(' ') {
                Some((first, _)) => classes.add(first, class::KNOWN_PREFIX),
                None => classes.add(key, class::KNOWN_WORD),
            }
        }
        // `is_demonym` takes the plural too.
        for demonym in &self.demonyms {
            classes.add(demonym, class::DEMONYM);
            classes.add(&format!("{demonym}s"), class::DEMONYM);
        }
        self.honorifics
            .keys()
            .for_each(|word| classes.add(word, class::HONORIFIC));
        self.first_names
            .keys()
            .for_each(|word| classes.add(word, class::FIRST_NAME));
        classes
    }

    /// Whether `word` is a nationality adjective or its plural noun (`Mexican`, `Mexicans`).
    pub fn is_demonym(&self, word: &str) -> bool {
        with_lower(word, |lower| {
            self.demonyms.contains(lower)
                || lower
                    .strip_suffix('s')
                    .is_some_and(|w| self.demonyms.contains(w))
        })
    }

    /// The usual gender of a given name.
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        with_lower(word, |lower| self.first_names.get(lower).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `capital_starts` lets the name finder skip: no entry matches once its first word
    /// is written in lower case, while every entry matches as written.
    #[test]
    fn capital_starts_means_lower_case_starts_match_nothing() {
        let g = &*GAZETTEER;
        assert!(
            g.capital_starts,
            "the shipped lists start every name with a capital"
        );
        for (key, known) in &g.phrases {
            assert!(g.lookup_key(key, &known.tokens).is_some(), "{key}");
            let first = known.tokens[0].to_lowercase();
            let mut words = known.tokens.clone();
            words[0] = &first;
            if first != known.tokens[0] {
                assert!(g.lookup_key(key, &words).is_none(), "{key}");
            }
        }
    }

    #[test]
    fn aliases_share_a_canonical_name() {
        let g = &*GAZETTEER;
        assert_eq!(g.lookup(&["U.S."]).unwrap().canonical, "United States");
        assert_eq!(g.lookup(&["America"]).unwrap().canonical, "United States");
        assert_eq!(
            g.lookup(&["Pentagon"]).unwrap().canonical,
            "United States Department of Defense"
        );
        assert!(g.lookup(&["New", "York", "Times"]).unwrap().outlet);
    }

    #[test]
    fn acronyms_match_only_in_their_case() {
        let g = &*GAZETTEER;
        assert!(g.lookup(&["US"]).is_some());
        assert!(g.lookup(&["us"]).is_none());
        assert!(g.lookup(&["Us"]).is_none());
        assert!(g.lookup(&["Who"]).is_none());
        assert!(g.lookup(&["mexico"]).is_none());
        assert!(g.lookup(&["MEXICO", "CITY"]).is_some());
    }

    /// The phrase table is keyed by [`entry_key`], which skips the tokenizer for plain entries:
    /// its keys and tokens must be exactly [`key_of`]'s for every entry of every list (both
    /// sides of an alias, and the lists not keyed today, so a new use of them is safe too).
    #[test]
    fn entry_keys_are_the_tokenizers_keys() {
        let (mut plain, mut all) = (0, 0);
        for list in &LISTS {
            for entry in list.entries() {
                let (surface, canonical) = alias(entry);
                for text in [entry, surface, canonical] {
                    all += 1;
                    plain += usize::from(plain_words(text).is_some());
                    assert_eq!(entry_key(text), key_of(text), "{}: {text:?}", list.name);
                }
            }
        }
        // The fast path must stay the usual one, or first use is slow again.
        assert!(
            plain * 10 >= all * 9,
            "only {plain} of {all} entries are plain words"
        );
    }

    #[test]
    fn prefixes_are_the_proper_token_prefixes_of_keys() {
        let g = &*GAZETTEER;
        let mut expected = FxHashSet::default();
        for known in g.phrases.values() {
            let mut prefix = String::new();
            for token in &known.tokens[..known.tokens.len() - 1] {
                push_key_word(&mut prefix, token);
                expected.insert(prefix.clone());
            }
        }
        assert_eq!(g.prefixes, expected);
    }

    /// A walk answers at each word what a lookup of the words so far does, and goes on
    /// exactly while they are a proper prefix of some entry, whether it took its first word's
    /// classes or looked the word up; the buffers serve walk after walk.
    #[test]
    fn a_walk_is_a_lookup_at_each_word() {
        let g = &*GAZETTEER;
        let mut rng = crate::test_inputs::Rng::new(23);
        let entries: Vec<&Known> = g.phrases.values().collect();
        // Entries' own words, in their case or upper case, and now and then a stranger.
        let cases: Vec<Vec<String>> = (0..3_000)
            .map(|_| {
                let entry = entries[rng.below(entries.len())];
                let mut words: Vec<String> = entry.tokens.iter().map(|t| t.to_string()).collect();
                if rng.below(3) == 0 {
                    let stranger = rng.pick(&["the", "Of", "X", "é"]);
                    words[rng.below(entry.tokens.len())] = stranger.to_string();
                }
                if rng.below(4) == 0 {
                    words = words.iter().map(|w| w.to_uppercase()).collect();
                }
                words
            })
            .collect();
        let mut buffers = WalkBuffers::default();
        let (mut found, mut went_on) = (0, 0);
        // Started from the first word's classes, or word by word from the start.
        for (words, started) in cases.iter().flat_map(|w| [(w, false), (w, true)]) {
            let mut walk = g.walk(&mut buffers);
            for (k, word) in words.iter().enumerate() {
                let spelled: Vec<&str> = words[..=k].iter().map(String::as_str).collect();
                let known = if started && k == 0 {
                    walk.start(word, g.classes_of(word))
                } else {
                    walk.step(word)
                };
                let known = known.map(|known| known as *const Known);
                assert_eq!(
                    known,
                    g.lookup(&spelled).map(|k| k as *const Known),
                    "{spelled:?}"
                );
                let mut key = String::new();
                spelled.iter().for_each(|w| push_key_word(&mut key, w));
                assert_eq!(walk.goes_on(), g.prefixes.contains(&key), "{spelled:?}");
                assert_eq!(walk.words_taken(), k + 1);
                found += usize::from(known.is_some());
                went_on += usize::from(walk.goes_on());
            }
        }
        assert!(found > 1_000 && went_on > 100, "{found} {went_on}");
    }

    /// A one-word lookup skips building its key with [`push_key_word`]: it finds what the key
    /// built would, for words of every case, length and script.
    #[test]
    fn one_word_lookup_is_the_keyed_lookup() {
        let g = &*GAZETTEER;
        let mut rng = crate::test_inputs::Rng::new(41);
        let words: Vec<&str> = g
            .phrases
            .values()
            .flat_map(|k| k.tokens.iter().copied())
            .collect();
        let mut found = 0;
        for _ in 0..5_000 {
            let mut word = words[rng.below(words.len())].to_string();
            match rng.below(5) {
                0 => word = word.to_uppercase(),
                1 => word = word.to_lowercase(),
                2 => word.push_str(rng.pick(&["é", "İ", "ẞ", "-Long-Enough-To-Spill-The-Buffer"])),
                _ => {}
            }
            let mut key = String::new();
            push_key_word(&mut key, &word);
            let keyed = g.lookup_key(&key, &[&word]).map(|k| k as *const Known);
            assert_eq!(
                g.lookup(&[&word]).map(|k| k as *const Known),
                keyed,
                "{word:?}"
            );
            found += usize::from(keyed.is_some());
        }
        assert!(found > 1_000, "{found}");
    }

    /// A word is a [`class::KNOWN_WORD`] exactly when it lower-cases to a one-word key of the
    /// phrase table, a [`class::KNOWN_PREFIX`] when to a one-word prefix; a walk from any other
    /// word gets nowhere: its first step finds no name and does not go on.
    #[test]
    fn known_starts_are_where_walks_get_anywhere() {
        let g = &*GAZETTEER;
        let mut rng = crate::test_inputs::Rng::new(17);
        let class_words = g.classes.words();
        let words: Vec<&str> = g
            .phrases
            .values()
            .flat_map(|k| k.tokens.iter().copied())
            .chain(class_words.iter().map(String::as_str))
            // A unit of text, as the name finder asks: one word.
            .filter(|word| !word.contains(' '))
            .collect();
        let (mut starts, mut others) = (0, 0);
        for _ in 0..20_000 {
            let mut word = words[rng.below(words.len())].to_string();
            match rng.below(4) {
                0 => word = word.to_uppercase(),
                1 => word.push_str(rng.pick(&["s", "é", "-Long-Enough-To-Spill-The-Buffer"])),
                _ => {}
            }
            let mut buffers = WalkBuffers::default();
            let mut walk = g.walk(&mut buffers);
            let somewhere = walk.step(&word).is_some() || walk.goes_on();
            let lower = word.to_lowercase();
            let (one_word, prefix) = (g.phrases.contains_key(&lower), g.prefixes.contains(&lower));
            let plain = one_word || prefix;
            assert!(!somewhere || plain, "{word:?}");
            let classes = g.classes_of(&word);
            assert_eq!(classes & class::KNOWN_WORD != 0, one_word, "{word:?}");
            assert_eq!(classes & class::KNOWN_PREFIX != 0, prefix, "{word:?}");
            starts += usize::from(plain);
            others += usize::from(!plain);
        }
        assert!(starts > 2_000 && others > 2_000, "{starts} {others}");
    }

    #[test]
    fn key_of_keeps_an_abbreviations_dot() {
        assert_eq!(
            key_of("St. Louis"),
            ("st. louis".to_string(), vec!["St.", "Louis"])
        );
        assert_eq!(key_of("St.. X").1, vec!["St.", ".", "X"]);
    }

    #[test]
    fn demonyms_and_their_plurals() {
        assert!(GAZETTEER.is_demonym("Mexican"));
        assert!(GAZETTEER.is_demonym("Mexicans"));
        assert!(!GAZETTEER.is_demonym("Mexico"));
    }
}
