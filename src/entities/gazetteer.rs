//! The entity word lists (`src/lexicons/entities/*.txt`), parsed once into lookup tables.
//!
//! Lists are plain data so that a reviewer can read and extend them without touching code;
//! this module only knows how to turn them into sets and a phrase table keyed by tokens.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::analysis::EntityType;
use crate::lexicon::Lexicon;
use crate::text::Document;

/// Every built-in entity list, with its name, for the lint test and for [`GAZETTEER`].
pub fn lists() -> Vec<Lexicon> {
    macro_rules! list {
        ($name:literal) => {
            Lexicon::builtin(
                $name,
                include_str!(concat!("../lexicons/entities/", $name, ".txt")),
            )
        };
    }
    vec![
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
    ]
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
    pub tokens: Vec<String>,
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
}

/// The lists, parsed on first use.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

/// The phrase-table key of a piece of text: its tokens, lower-cased, joined by spaces.
pub fn key_of(text: &str) -> (String, Vec<String>) {
    let doc = Document::new(text);
    let mut tokens: Vec<String> = Vec::new();
    let mut last_end = usize::MAX;
    for t in &doc.tokens {
        let word = doc.token_text(t);
        // `St. Louis`: the name finder keeps an abbreviation's dot on its word, so do we.
        if word == "." && t.start == last_end {
            if let Some(prev) = tokens.last_mut() {
                prev.push('.');
                continue;
            }
        }
        tokens.push(word.to_string());
        last_end = t.end;
    }
    let mut key = String::new();
    for token in &tokens {
        push_key_word(&mut key, token);
    }
    (key, tokens)
}

/// Appends one token to a phrase-table key: a space, then the token lower-cased (ASCII
/// without allocating, which is nearly every token of English news).
pub fn push_key_word(key: &mut String, word: &str) {
    if !key.is_empty() {
        key.push(' ');
    }
    if word.is_ascii() {
        key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        key.push_str(&word.to_lowercase());
    }
}

fn set(list: &Lexicon) -> FxHashSet<String> {
    list.entries().map(str::to_lowercase).collect()
}

fn build() -> Gazetteer {
    let mut g = Gazetteer {
        phrases: FxHashMap::default(),
        prefixes: FxHashSet::default(),
        max_tokens: 1,
        demonyms: FxHashSet::default(),
        org_heads: FxHashSet::default(),
        place_heads: FxHashSet::default(),
        titles: FxHashSet::default(),
        title_modifiers: FxHashSet::default(),
        honorifics: FxHashMap::default(),
        first_names: FxHashMap::default(),
        not_names: FxHashSet::default(),
        figures: FxHashMap::default(),
    };
    for list in lists() {
        let kind = match list.name() {
            "countries" | "places" => Some((EntityType::Place, false)),
            "orgs" => Some((EntityType::Org, false)),
            "outlets" => Some((EntityType::Org, true)),
            _ => None,
        };
        if let Some((kind, outlet)) = kind {
            for entry in list.entries() {
                let (surface, canonical) = match entry.split_once(" = ") {
                    Some((alias, canonical)) => (alias.trim(), canonical.trim()),
                    None => (entry, entry),
                };
                let (key, tokens) = key_of(surface);
                let exact_case = surface.chars().filter(|c| c.is_uppercase()).count() >= 2
                    && !surface.chars().any(char::is_lowercase)
                    || surface.chars().count() == 1;
                g.max_tokens = g.max_tokens.max(tokens.len());
                let mut prefix = String::new();
                for token in &tokens[..tokens.len().saturating_sub(1)] {
                    push_key_word(&mut prefix, token);
                    g.prefixes.insert(prefix.clone());
                }
                g.phrases.insert(
                    key,
                    Known {
                        kind,
                        canonical: canonical.to_string(),
                        outlet,
                        tokens,
                        exact_case,
                        country: list.name() == "countries",
                    },
                );
            }
            continue;
        }
        match list.name() {
            "demonyms" => g.demonyms = set(&list),
            "org_heads" => g.org_heads = set(&list),
            "place_heads" => g.place_heads = set(&list),
            "titles" => g.titles = set(&list),
            "people" => {
                for entry in list.entries() {
                    if let Some((surname, full)) = entry.split_once(" = ") {
                        g.figures
                            .insert(surname.trim().to_string(), full.trim().to_string());
                    }
                }
            }
            "title_modifiers" => g.title_modifiers = set(&list),
            "not_names" => g.not_names = set(&list),
            "first_names_female" | "first_names_male" => {
                let gender = if list.name().ends_with("female") {
                    Gender::Female
                } else {
                    Gender::Male
                };
                for name in list.entries() {
                    g.first_names.insert(name.to_lowercase(), gender);
                }
            }
            "honorifics" => {
                for entry in list.entries() {
                    let (word, gender) = entry.split_once(" = ").unwrap_or((entry, "any"));
                    let gender = match gender.trim() {
                        "female" => Some(Gender::Female),
                        "male" => Some(Gender::Male),
                        _ => None,
                    };
                    g.honorifics.insert(word.trim().to_lowercase(), gender);
                }
            }
            other => unreachable!("unknown entity list {other}"),
        }
    }
    g
}

impl Gazetteer {
    /// The known phrase spelled by `words` (token texts), checking capitalisation: every
    /// capitalised word of the entry must be capitalised in the text, acronyms exactly.
    pub fn lookup(&self, words: &[&str]) -> Option<&Known> {
        let mut key = String::new();
        for word in words {
            push_key_word(&mut key, word);
        }
        self.lookup_key(&key, words)
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

    /// Whether `word` is a nationality adjective or its plural noun (`Mexican`, `Mexicans`).
    pub fn is_demonym(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.demonyms.contains(&lower)
            || lower
                .strip_suffix('s')
                .is_some_and(|w| self.demonyms.contains(w))
    }

    /// The usual gender of a given name.
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        self.first_names.get(&word.to_lowercase()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn demonyms_and_their_plurals() {
        assert!(GAZETTEER.is_demonym("Mexican"));
        assert!(GAZETTEER.is_demonym("Mexicans"));
        assert!(!GAZETTEER.is_demonym("Mexico"));
    }
}
