//! Pairing quote marks into quotations.
//!
//! News uses curly double quotes (“…”), straight double quotes, single quotes for quotes inside
//! quotes (and for headlines), and guillemets («…»). The same character `’` is also the
//! apostrophe of `isn’t`, `Sheinbaum’s`, `’90s` and `rock ’n’ roll`, so each mark is first read
//! in its context (open, close, either, or not a mark at all), then paired with a stack.
//!
//! Two conventions matter beyond pairing:
//! - a quote that runs over several paragraphs leaves each paragraph but the last unclosed and
//!   opens each following paragraph with a fresh mark: that is one quotation;
//! - any other mark still open at a paragraph's end is unbalanced and dropped, so one stray mark
//!   never swallows the rest of the article.
//!
//! The scan is one pass with a stack bounded by the marks of one paragraph: linear time.

use std::ops::Range;

use crate::text::Document;

/// The two families of quote marks: a quote opened by one family is closed by the same family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// “ ” " « » „
    Double,
    /// ‘ ’ ' ‹ ›
    Single,
}

/// A quotation found between two marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark's byte range.
    pub open: Range<usize>,
    /// The closing mark's byte range.
    pub close: Range<usize>,
    /// The content between the marks, outer white space trimmed.
    pub content: Range<usize>,
    /// The family of the marks.
    pub family: Family,
    /// The index (in the returned list) of the innermost quotation containing this one.
    pub parent: Option<usize>,
    /// True when the quotation runs over more than one paragraph.
    pub multi_paragraph: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight double quote: it closes an open straight quote, else opens.
    Either,
}

/// Elisions that begin with an apostrophe: `’n’`, `’em`, `’til`, `’cause`, `’tis`.
const ELISIONS: &[&str] = &["n", "em", "til", "cause", "tis", "twas", "bout"];

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '"' | '«' | '‘'
                )
        }
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Reads one mark in context; `None` when it is an apostrophe or stands alone.
fn role(text: &str, at: usize, mark: char) -> Option<(Family, Role)> {
    let before = text[..at].chars().next_back();
    let after_text = &text[at + mark.len_utf8()..];
    let after = after_text.chars().next();
    let open_ok = is_open_context(before) && after.is_some_and(|c| !c.is_whitespace());
    let close_ok = is_close_context(after) && before.is_some_and(|c| !c.is_whitespace());
    match mark {
        '“' | '„' | '«' => Some((Family::Double, Role::Open)),
        '”' | '»' => Some((Family::Double, Role::Close)),
        '"' => match (open_ok, close_ok) {
            (true, false) => Some((Family::Double, Role::Open)),
            (false, true) => Some((Family::Double, Role::Close)),
            (true, true) => Some((Family::Double, Role::Either)),
            (false, false) => {
                // Glued to letters on both sides (`"word"word`): still a mark, pair it.
                Some((Family::Double, Role::Either))
            }
        },
        '‹' => Some((Family::Single, Role::Open)),
        '›' => Some((Family::Single, Role::Close)),
        '‘' | '’' | '\'' => {
            if before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
            {
                return None; // isn’t, Sheinbaum’s
            }
            if open_ok && mark != '’' {
                if after.is_some_and(|c| c.is_ascii_digit()) {
                    return None; // ’90s written with the wrong mark
                }
                let word: String = after_text
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>()
                    .to_lowercase();
                let elided = ELISIONS.contains(&word.as_str())
                    && after_text[word.len()..].starts_with(['’', '\'', ' ']);
                if elided && word == "n" {
                    return None;
                }
                return Some((Family::Single, Role::Open));
            }
            if open_ok && mark == '’' {
                return None; // ’90s, ’em: a curly closing mark never opens
            }
            if close_ok {
                return Some((Family::Single, Role::Close));
            }
            None
        }
        _ => None,
    }
}

/// `the farmers’ children`: an apostrophe after a plural `s`, with a lower-case word after it,
/// when another single mark that could close the quote follows soon in the paragraph.
fn plural_possessive(text: &str, at: usize, mark: char, paragraph_end: usize) -> bool {
    let before_s = text[..at].ends_with(['s', 'S']);
    let rest = &text[at + mark.len_utf8()..paragraph_end];
    let next_word_lower = rest
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_lowercase);
    if !before_s || !next_word_lower {
        return false;
    }
    // Look a bounded way ahead, so a paragraph of apostrophes stays linear.
    let window = &rest[..floor_boundary(rest, 300)];
    window.char_indices().any(|(i, c)| {
        matches!(c, '’' | '\'')
            && window[..i]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace())
            && window[i + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric())
    })
}

/// The largest char boundary at or below `at` (std's `floor_char_boundary` is unstable).
fn floor_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// Whether a character can be a quote mark at all (cheap pre-filter).
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '„' | '"' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›'
    )
}

/// Whether a byte begins the UTF-8 encoding of an [`is_quote_char`] character (a test checks):
/// `"`, `'`, and the lead bytes of `« »` and of the curly marks. A table: comparing each byte
/// with the four took 40% more instructions.
static QUOTE_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// The [`is_quote_char`] characters of `text`, with their offsets: found by their first bytes,
/// which costs a fraction of decoding every character of the text.
fn quote_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    // A lead byte never occurs inside another character's encoding: each hit is a boundary.
    let mut from = 0;
    std::iter::from_fn(move || {
        let skip = text.as_bytes()[from..]
            .iter()
            .position(|&b| QUOTE_LEAD[usize::from(b)])?;
        let at = from + skip;
        let c = text[at..].chars().next()?;
        from = at + c.len_utf8();
        Some((at, c))
    })
    .filter(|&(_, c)| is_quote_char(c))
}

/// At most this many marks wait for their closing mark; past it the oldest is dropped. Real text
/// nests three deep at most. The bound keeps the search for an opening mark constant-time (else a
/// run of `‹` then a run of `”` is quadratic) and bounds nesting, which otherwise makes the output
/// quadratic in size (each quotation's `text` holds every quotation inside it).
const MAX_OPEN: usize = 16;

struct Pending {
    mark: Range<usize>,
    family: Family,
    straight: bool,
    /// The mark of a continuation paragraph, when the quote crossed one.
    multi_paragraph: bool,
}

/// Finds every quotation in the document, outer ones before the ones they contain.
pub fn find(doc: &Document) -> Vec<Marked> {
    let text = doc.text;
    let mut found: Vec<(Marked, usize)> = Vec::new(); // with depth, for parent links
    let mut stack: Vec<Pending> = Vec::new();
    for (p, paragraph) in doc.paragraphs.iter().enumerate() {
        let mut skip_first_open = false;
        if !stack.is_empty() {
            skip_first_open = true;
        }
        for (offset, c) in quote_chars(&text[paragraph.clone()]) {
            let at = paragraph.start + offset;
            let Some((family, role)) = role(text, at, c) else {
                continue;
            };
            if role == Role::Close
                && family == Family::Single
                && plural_possessive(text, at, c, paragraph.end)
            {
                continue;
            }
            let mark = at..at + c.len_utf8();
            if skip_first_open {
                skip_first_open = false;
                if role != Role::Close && stack.first().is_some_and(|p| p.family == family) {
                    // The continuation mark of a multi-paragraph quote.
                    for pending in &mut stack {
                        pending.multi_paragraph = true;
                    }
                    continue;
                }
                stack.clear();
            }
            let straight = c == '"' || c == '\'';
            let closes = match role {
                Role::Open => None,
                Role::Close => stack.iter().rposition(|p| p.family == family),
                Role::Either => stack.iter().rposition(|p| p.family == family && p.straight),
            };
            match (role, closes) {
                (Role::Close, None) => {}
                (Role::Open, _) | (Role::Either, None) => {
                    if stack.len() == MAX_OPEN {
                        stack.remove(0);
                    }
                    stack.push(Pending {
                        mark,
                        family,
                        straight,
                        multi_paragraph: false,
                    })
                }
                (_, Some(index)) => {
                    stack.truncate(index + 1);
                    let pending = stack.pop().expect("index is in the stack");
                    let content = trim(text, pending.mark.end..mark.start);
                    if !content.is_empty() {
                        found.push((
                            Marked {
                                open: pending.mark,
                                close: mark,
                                content,
                                family,
                                parent: None,
                                multi_paragraph: pending.multi_paragraph,
                            },
                            stack.len(),
                        ));
                    }
                }
            }
        }
        // Only a quote that opened its paragraph or followed a lead-in (`She said:`) runs on
        // into the next one; a mark left open mid-sentence is a stray.
        let continues = stack.first().is_some_and(|first| {
            // (A mark from an earlier paragraph was accepted as a continuation already.)
            let opened_unit = first.mark.start < paragraph.start || {
                let before = text[paragraph.start..first.mark.start].trim_end();
                before.is_empty() || before.ends_with([':', ','])
            };
            opened_unit
                && doc.paragraphs.get(p + 1).is_some_and(|next| {
                    text[next.clone()].chars().next().is_some_and(|c| {
                        is_quote_char(c)
                            && role(text, next.start, c)
                                .is_some_and(|(f, r)| f == first.family && r != Role::Close)
                    })
                })
        });
        if continues {
            stack.truncate(1);
        } else {
            stack.clear();
        }
    }
    crate::sort::by_key(&mut found, |(m, _)| {
        (m.open.start, std::cmp::Reverse(m.close.end))
    });
    // Link each quotation to the innermost earlier one that contains it.
    let mut open: Vec<usize> = Vec::new();
    let mut out: Vec<Marked> = Vec::with_capacity(found.len());
    for (mut marked, _) in found {
        while open
            .last()
            .is_some_and(|&i| out[i].close.start < marked.open.end)
        {
            open.pop();
        }
        marked.parent = open.last().copied();
        open.push(out.len());
        out.push(marked);
    }
    out
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        find(&doc).into_iter().map(|m| &text[m.content]).collect()
    }

    #[test]
    fn quote_chars_finds_every_mark() {
        let marks = (0..=char::MAX as u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_quote_char(c));
        for c in marks {
            let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            assert!(QUOTE_LEAD[usize::from(lead)], "{c}");
        }
        let text = "«a» “b” ‘c’ \"d\" 'e' „f“ ‹g› ÷ € é";
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| is_quote_char(c))
            .collect();
        assert_eq!(quote_chars(text).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            contents("“It isn’t Sheinbaum’s plan,” she said of the ’90s and rock ’n’ roll."),
            vec!["It isn’t Sheinbaum’s plan,"]
        );
    }

    #[test]
    fn plural_possessive_inside_single_quotes() {
        assert_eq!(
            contents("‘We owe it to the farmers’ children,’ said Emma Clarke."),
            vec!["We owe it to the farmers’ children,"]
        );
    }

    #[test]
    fn nested_single_inside_double() {
        let text = "\"In one call, (Trump) said, 'How can we help you?' \" said Sheinbaum.";
        let doc = Document::new(text);
        let found = find(&doc);
        assert_eq!(found.len(), 2);
        assert_eq!(
            &text[found[0].content.clone()],
            "In one call, (Trump) said, 'How can we help you?'"
        );
        assert_eq!(&text[found[1].content.clone()], "How can we help you?");
        assert_eq!(found[1].parent, Some(0));
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let text = "“First part.\n“Second part,” he said.";
        let doc = Document::new(text);
        let found = find(&doc);
        assert_eq!(found.len(), 1);
        assert!(found[0].multi_paragraph);
        assert_eq!(
            &text[found[0].content.clone()],
            "First part.\n“Second part,"
        );
    }

    #[test]
    fn nesting_is_bounded_and_linear() {
        // 20,000 levels: unbounded, that is 20,000 quotations holding ~1 GB of text in all.
        let depth = 20_000;
        let text = "“‘".repeat(depth / 2) + "x" + &"’”".repeat(depth / 2);
        let found = find(&Document::new(&text));
        assert_eq!(found.len(), MAX_OPEN);
        assert_eq!(&text[found[MAX_OPEN - 1].content.clone()], "x");
        // Opens of one family never closed, then closes of the other: no pairs, and no
        // quadratic search for them.
        let text = "‹".repeat(depth) + &"”".repeat(depth);
        assert!(find(&Document::new(&text)).is_empty());
        // The innermost quotations still pair past the bound.
        let text = "‹ ".repeat(depth) + "“We will,” she said.";
        let found = find(&Document::new(&text));
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].content.clone()], "We will,");
    }

    #[test]
    fn unbalanced_mark_does_not_swallow_the_rest() {
        assert_eq!(
            contents("He said “no more.\nThen “yes,” she said."),
            vec!["yes,"]
        );
    }
}
