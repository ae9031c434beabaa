//! Word lists as data: plain text files in `src/lexicons/`, compiled in with `include_str!`.
//!
//! The format, shared by every list:
//! ```text
//! # source: where the entries come from
//! # licence: the licence they are shipped under
//! # any other comment line
//! entry
//! entry with words    # an optional reason after " # "
//! ```
//! Entries are matched case-insensitively unless a list says otherwise; blank lines and lines
//! starting with `#` are skipped. [`Lexicon::parse`] checks the header, and the lint test checks
//! that each list is sorted and has no duplicates.
//!
//! # Example
//! ```
//! use newslens::lexicon::Lexicon;
//!
//! let list = Lexicon::parse("demo", "# source: ours\n# licence: MIT\nalpha\nbeta  # why\n").unwrap();
//! assert_eq!(list.entries().collect::<Vec<_>>(), vec!["alpha", "beta"]);
//! assert!(list.contains("Beta"));
//! ```

use std::fmt;

/// One parsed word list.
#[derive(Clone, Debug)]
pub struct Lexicon {
    name: &'static str,
    source: String,
    licence: String,
    entries: Vec<Entry>,
}

/// One entry with the reason written beside it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The entry as written.
    pub text: String,
    /// The reason after ` # `, if the line has one.
    pub reason: Option<String>,
    /// The line number in the file, for lint messages.
    pub line: usize,
}

/// A list whose header does not name its source and licence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    name: String,
    missing: &'static str,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "lexicon {} has no '# {}:' header line",
            self.name, self.missing
        )
    }
}

impl std::error::Error for LexiconError {}

impl Lexicon {
    /// Parses a list; `name` names it in errors.
    pub fn parse(name: &'static str, data: &str) -> Result<Lexicon, LexiconError> {
        let mut source = None;
        let mut licence = None;
        let mut entries = Vec::new();
        for (i, line) in data.lines().enumerate() {
            let trimmed = line.trim();
            if let Some(comment) = trimmed.strip_prefix('#') {
                let comment = comment.trim();
                if let Some(value) = comment.strip_prefix("source:") {
                    source.get_or_insert_with(|| value.trim().to_string());
                } else if let Some(value) = comment.strip_prefix("licence:") {
                    licence.get_or_insert_with(|| value.trim().to_string());
                }
                continue;
            }
            if trimmed.is_empty() {
                continue;
            }
            let (text, reason) = match trimmed.split_once(" # ") {
                Some((text, reason)) => (text.trim(), Some(reason.trim().to_string())),
                None => (trimmed, None),
            };
            entries.push(Entry {
                text: text.to_string(),
                reason,
                line: i + 1,
            });
        }
        let missing = |what| LexiconError {
            name: name.to_string(),
            missing: what,
        };
        Ok(Lexicon {
            name,
            source: source.ok_or_else(|| missing("source"))?,
            licence: licence.ok_or_else(|| missing("licence"))?,
            entries,
        })
    }

    /// Parses a list that ships with the crate: a bad header is a build bug, caught by tests.
    pub fn builtin(name: &'static str, data: &str) -> Lexicon {
        Lexicon::parse(name, data).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The list's name.
    pub fn name(&self) -> &str {
        self.name
    }

    /// Where the entries come from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The licence they are shipped under.
    pub fn licence(&self) -> &str {
        &self.licence
    }

    /// The entries' texts, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.text.as_str())
    }

    /// The entries with their reasons and line numbers.
    pub fn entries_with_reasons(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether `word` is in the list, ignoring case (a linear scan: for tests and small lists;
    /// layers build their own sets or automata once).
    pub fn contains(&self, word: &str) -> bool {
        self.entries.iter().any(|e| {
            e.text.eq_ignore_ascii_case(word) || e.text.to_lowercase() == word.to_lowercase()
        })
    }

    /// Problems a maintainer should fix: unsorted entries (case-insensitive order) and duplicates.
    pub fn lint(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for pair in self.entries.windows(2) {
            let (a, b) = (pair[0].text.to_lowercase(), pair[1].text.to_lowercase());
            if a == b {
                problems.push(format!(
                    "{}:{}: duplicate {:?}",
                    self.name, pair[1].line, pair[1].text
                ));
            } else if a > b {
                problems.push(format!(
                    "{}:{}: {:?} should come before {:?}",
                    self.name, pair[1].line, pair[1].text, pair[0].text
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_required() {
        let error = Lexicon::parse("x", "# licence: MIT\nword\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "lexicon x has no '# source:' header line"
        );
        assert!(Lexicon::parse("x", "# source: s\nword\n").is_err());
    }

    #[test]
    fn lint_finds_unsorted_and_duplicates() {
        let list = Lexicon::parse("x", "# source: s\n# licence: MIT\nb\na\na\n").unwrap();
        assert_eq!(
            list.lint(),
            vec![
                "x:4: \"a\" should come before \"b\"".to_string(),
                "x:5: duplicate \"a\"".to_string()
            ]
        );
    }
}
