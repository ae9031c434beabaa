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

/// What one line of a list file holds.
enum Line<'a> {
    /// Empty or only spaces.
    Blank,
    /// The text after `#`, trimmed.
    Comment(&'a str),
    /// An entry and the reason after ` # `, both trimmed.
    Entry {
        text: &'a str,
        reason: Option<&'a str>,
    },
}

/// The one reading of a line, shared by [`Lexicon::parse`] and [`Builtin::entries`].
fn parse_line(line: &str) -> Line<'_> {
    let trimmed = line.trim();
    if let Some(comment) = trimmed.strip_prefix('#') {
        return Line::Comment(comment.trim());
    }
    if trimmed.is_empty() {
        return Line::Blank;
    }
    match split_spaced(trimmed, b'#') {
        Some((text, reason)) => Line::Entry {
            text: text.trim(),
            reason: Some(reason.trim()),
        },
        None => Line::Entry {
            text: trimmed,
            reason: None,
        },
    }
}

/// `text.split_once(" # ")` for `mark` `b'#'` (`" = "` for `b'='`): the lists' separators, found
/// by looking for the mark byte alone, because setting up a substring search cost more than the
/// rest of reading a line, and most lines have no mark at all.
pub fn split_spaced(text: &str, mark: u8) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut from = 1;
    while let Some(at) = bytes.get(from..)?.iter().position(|&b| b == mark) {
        let at = from + at;
        if bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' ') {
            return Some((&text[..at - 1], &text[at + 2..]));
        }
        from = at + 1;
    }
    None
}

/// The lines of a list file, as `str::lines` cuts them but for a `\r` before the `\n`, which
/// [`parse_line`] trims; `str::lines` cost more than the rest of reading an entry.
fn lines(data: &str) -> impl Iterator<Item = &str> {
    let mut rest = data;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let (line, after) = rest.split_at(end);
        rest = after.get(1..).unwrap_or("");
        Some(line)
    })
}

/// A list compiled into the crate: its name and text, read only as far as a caller needs.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// The name lint messages give it.
    pub name: &'static str,
    /// The file's text.
    pub data: &'static str,
}

impl Builtin {
    /// The entries' texts, in file order, as [`Lexicon::entries`] gives them but without
    /// building the list: lookup tables are built from these on the first annotation, which
    /// needs neither the header nor the reasons, nor a `String` per entry. The header is still
    /// checked: each shipped list's lint test parses it with [`Builtin::lexicon`].
    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        lines(self.data).filter_map(|line| match parse_line(line) {
            Line::Entry { text, .. } => Some(text),
            Line::Blank | Line::Comment(_) => None,
        })
    }

    /// The whole list, header and reasons included, for lints and tests.
    pub fn lexicon(self) -> Lexicon {
        Lexicon::builtin(self.name, self.data)
    }
}

impl Lexicon {
    /// Parses a list; `name` names it in errors.
    pub fn parse(name: &'static str, data: &str) -> Result<Lexicon, LexiconError> {
        let mut source = None;
        let mut licence = None;
        let mut entries = Vec::new();
        for (i, line) in lines(data).enumerate() {
            match parse_line(line) {
                Line::Blank => {}
                Line::Comment(comment) => {
                    if let Some(value) = comment.strip_prefix("source:") {
                        source.get_or_insert_with(|| value.trim().to_string());
                    } else if let Some(value) = comment.strip_prefix("licence:") {
                        licence.get_or_insert_with(|| value.trim().to_string());
                    }
                }
                Line::Entry { text, reason } => entries.push(Entry {
                    text: text.to_string(),
                    reason: reason.map(str::to_string),
                    line: i + 1,
                }),
            }
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
    fn split_spaced_is_split_once() {
        for line in [
            "a # b",
            "a#b # c",
            "#",
            "a ## b",
            "a #",
            "# a",
            "a  #  b",
            "a # b # c",
            "a #b",
            "é # ü",
            "x = y",
            "a=b = c",
            "a = b = c",
        ] {
            assert_eq!(split_spaced(line, b'#'), line.split_once(" # "), "{line:?}");
            assert_eq!(split_spaced(line, b'='), line.split_once(" = "), "{line:?}");
        }
    }

    #[test]
    fn lines_are_str_lines_but_for_carriage_returns() {
        for data in ["", "\n", "a", "a\n", "a\n\nb", "a\r\nb\r\n", "\n\na\n\n"] {
            let ours: Vec<&str> = lines(data).map(str::trim).collect();
            let std: Vec<&str> = data.lines().map(str::trim).collect();
            assert_eq!(ours, std, "{data:?}");
        }
    }

    #[test]
    fn builtin_entries_are_the_lexicons_entries() {
        let data = "# source: s\n# licence: MIT\n\n  alpha  \nbeta gamma # why\r\n#x\ndelta\n";
        let list = Builtin { name: "x", data };
        let lexicon = list.lexicon();
        assert!(list.entries().eq(lexicon.entries()));
        assert_eq!(
            lexicon.entries_with_reasons()[1].reason.as_deref(),
            Some("why")
        );
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
