//! One name across articles: `Claudia Sheinbaum` in one outlet and `Sheinbaum` in another are one
//! speaker, `U.S.` and `US` one place.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::normalise::normalised;

/// A name to group, with a kind: names of different kinds never share a group.
#[derive(Clone, Debug)]
pub struct Name<'a> {
    /// Anything that must match: an entity type, say.
    pub kind: u8,
    /// The name as written.
    pub text: &'a str,
    /// Whether a one-word name may join the one longer name that ends with it
    /// (`Sheinbaum` → `Claudia Sheinbaum`): people, not descriptions.
    pub surname_joins: bool,
}

/// The groups of a list of names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Groups {
    /// The group of each name, by its position in the input.
    pub of: Vec<usize>,
    /// Each group's display name: the form with the most words (the first such on a tie).
    pub display: Vec<String>,
}

/// Groups names that normalise alike, then joins a capitalised one-word name to the only
/// longer name of its kind whose last word it is. Groups are numbered in order of first use.
pub fn group(names: &[Name]) -> Groups {
    // Names repeat (one speaker, many quotations): normalise each distinct text once.
    let mut seen: FxHashMap<&str, String> = FxHashMap::default();
    let keys: Vec<String> = names
        .iter()
        .map(|n| {
            if let Some(key) = seen.get(n.text) {
                return key.clone();
            }
            let key = normalised(n.text);
            // `The White House` and `White House` are one name.
            let key = key.strip_prefix("the ").map_or(key.clone(), str::to_string);
            let key = if key.is_empty() {
                n.text.to_string()
            } else {
                key
            };
            seen.insert(n.text, key.clone());
            key
        })
        .collect();
    // Distinct keys per kind, then the key each one-word key folds into.
    let mut distinct: BTreeMap<(u8, &str), ()> = BTreeMap::new();
    for (n, key) in names.iter().zip(&keys) {
        distinct.insert((n.kind, key.as_str()), ());
    }
    let mut by_last: BTreeMap<(u8, &str), Vec<&str>> = BTreeMap::new();
    for &(kind, key) in distinct.keys() {
        if let Some((_, last)) = key.rsplit_once(' ') {
            by_last.entry((kind, last)).or_default().push(key);
        }
    }
    let target = |n: &Name, key: &str| -> String {
        let capitalised = n.text.trim().chars().next().is_some_and(char::is_uppercase);
        if n.surname_joins && capitalised && !key.contains(' ') {
            if let Some([only]) = by_last.get(&(n.kind, key)).map(Vec::as_slice) {
                return (*only).to_string();
            }
        }
        key.to_string()
    };
    let mut id_of: BTreeMap<(u8, String), usize> = BTreeMap::new();
    let mut groups = Groups::default();
    let mut words_of_display: Vec<usize> = Vec::new();
    for (n, key) in names.iter().zip(&keys) {
        let folded = target(n, key);
        let next = id_of.len();
        let id = *id_of.entry((n.kind, folded)).or_insert(next);
        let words = n.text.split_whitespace().count();
        if id == groups.display.len() {
            groups.display.push(n.text.trim().to_string());
            words_of_display.push(words);
        } else if words > words_of_display[id] {
            groups.display[id] = n.text.trim().to_string();
            words_of_display[id] = words;
        }
        groups.of.push(id);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str) -> Name<'_> {
        Name {
            kind: 0,
            text,
            surname_joins: true,
        }
    }

    /// `(name, names, group of each, display names)`.
    type Case<'a> = (&'a str, Vec<Name<'a>>, Vec<usize>, Vec<&'a str>);

    #[test]
    fn names_group() {
        let table: &[Case] = &[
            (
                "surname joins the full name",
                vec![person("Sheinbaum"), person("Claudia Sheinbaum")],
                vec![0, 0],
                vec!["Claudia Sheinbaum"],
            ),
            (
                "spelling of initialisms",
                vec![
                    Name {
                        kind: 2,
                        text: "U.S.",
                        surname_joins: false,
                    },
                    Name {
                        kind: 2,
                        text: "US",
                        surname_joins: false,
                    },
                ],
                vec![0, 0],
                vec!["U.S."],
            ),
            (
                "a leading article does not count",
                vec![
                    Name {
                        kind: 1,
                        text: "The White House",
                        surname_joins: false,
                    },
                    Name {
                        kind: 1,
                        text: "White House",
                        surname_joins: false,
                    },
                ],
                vec![0, 0],
                vec!["The White House"],
            ),
            (
                "ambiguous surname stays apart",
                vec![
                    person("Trump"),
                    person("Donald Trump"),
                    person("Melania Trump"),
                ],
                vec![0, 1, 2],
                vec!["Trump", "Donald Trump", "Melania Trump"],
            ),
            (
                "kinds never mix",
                vec![
                    Name {
                        kind: 0,
                        text: "Mexico",
                        surname_joins: true,
                    },
                    Name {
                        kind: 2,
                        text: "Mexico",
                        surname_joins: false,
                    },
                ],
                vec![0, 1],
                vec!["Mexico", "Mexico"],
            ),
            (
                "descriptions do not join",
                vec![
                    Name {
                        kind: 0,
                        text: "analysts",
                        surname_joins: true,
                    },
                    Name {
                        kind: 0,
                        text: "some analysts",
                        surname_joins: true,
                    },
                ],
                vec![0, 1],
                vec!["analysts", "some analysts"],
            ),
        ];
        for (name, names, of, display) in table {
            let groups = group(names);
            assert_eq!(&groups.of, of, "{name}");
            assert_eq!(&groups.display, display, "{name}");
        }
    }
}
