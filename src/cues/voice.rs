//! Whose voice a cue is in: the speaker of the innermost quote that contains it, else the
//! writer's.
//!
//! A speaker with an entity is named by the entity id (`e3`). One without an entity gets a
//! stable key from its name, `speaker:` + the name in lower case with every run of other
//! characters than letters and digits turned into one `-` (`a U.S. official` →
//! `speaker:a-u-s-official`); a quote with no speaker at all gives `unattributed`.

use std::borrow::Cow;
use std::cmp::Reverse;

use crate::analysis::{Quote, Speaker};

/// The voice of the writer.
pub const WRITER: &str = "writer";

/// The voice of a quote whose speaker is unknown.
pub const UNATTRIBUTED: &str = "unattributed";

/// The voice key of a speaker (see the module docs).
pub fn speaker_key(speaker: Option<&Speaker>) -> Cow<'static, str> {
    let Some(speaker) = speaker else {
        return Cow::Borrowed(UNATTRIBUTED);
    };
    if let Some(entity) = &speaker.entity {
        return entity.clone();
    }
    // Room for the name as it stands: lower case is seldom longer.
    let mut key = String::with_capacity(NAME_PREFIX.len() + speaker.name.len());
    push_speaker_key(&mut key, speaker);
    Cow::Owned(key)
}

/// Appends the voice key of `speaker` (see the module docs) to `key`: the one place that
/// chooses between its entity id and its name, for the cues and the profile.
pub(crate) fn push_speaker_key(key: &mut String, speaker: &Speaker) {
    match &speaker.entity {
        Some(entity) => key.push_str(entity),
        None => push_name_key(key, &speaker.name),
    }
}

const NAME_PREFIX: &str = "speaker:";

/// Appends the key of a speaker without an entity named `name` (see the module docs) to `key`.
fn push_name_key(key: &mut String, name: &str) {
    key.push_str(NAME_PREFIX);
    if name.is_ascii() {
        // Most names: their runs of letters and digits are copied whole and lowered in place,
        // without the Unicode case tables or a push for each character.
        let start = key.len();
        for run in name.split(|c: char| !c.is_ascii_alphanumeric()) {
            if run.is_empty() {
                continue;
            }
            if key.len() > start {
                key.push('-');
            }
            key.push_str(run);
        }
        key[start..].make_ascii_lowercase();
    } else {
        push_words(key, name.chars().flat_map(char::to_lowercase));
    }
}

/// Appends `chars`' letters and digits to `key`, a `-` between runs of them.
fn push_words(key: &mut String, chars: impl Iterator<Item = char>) {
    let mut dash = false;
    for c in chars {
        if c.is_alphanumeric() {
            if dash && !key.ends_with(':') {
                key.push('-');
            }
            dash = false;
            key.push(c);
        } else {
            dash = true;
        }
    }
}

/// The voice of the byte range `start..end`.
pub fn voice_of(quotes: &[Quote], start: usize, end: usize) -> Cow<'static, str> {
    Voices::new(quotes).of(start, end)
}

/// How many open quotes, innermost first, are tried for each range: quotes nest a few levels
/// deep, so this bounds the work on adversarial input without changing real answers.
const DEPTH: usize = 8;

/// The voices of ranges taken in order of start. One sweep over quotes and ranges by start:
/// each range looks at the `DEPTH` innermost open quotes, and each quote is opened and
/// dropped once, so the cost is O(quotes log quotes + ranges) however many quotes an input has,
/// and nothing is held for each range.
pub struct Voices<'q> {
    quotes: &'q [Quote<'q>],
    /// Quote indices by start, longer first.
    by_start: Vec<usize>,
    /// How many of `by_start` have opened.
    opened: usize,
    /// The opened quotes in order of opening, so the last open one is the innermost. A closed
    /// one stays until a search reaches it, and goes then: an ordered set of the open quotes
    /// and a heap of their ends, kept up to date, were most of the sweep's cost.
    open: Vec<usize>,
    /// The last answer of [`Voices::at`], and the byte before which it holds.
    at_answer: Option<usize>,
    at_until: usize,
}

impl<'q> Voices<'q> {
    /// A sweep over `quotes`, before any range.
    pub fn new(quotes: &'q [Quote<'q>]) -> Voices<'q> {
        let mut by_start: Vec<usize> = (0..quotes.len()).collect();
        crate::sort::by_key(&mut by_start, |&q| {
            (quotes[q].span.start, Reverse(quotes[q].span.end))
        });
        Voices {
            quotes,
            by_start,
            opened: 0,
            open: Vec::new(),
            at_answer: None,
            at_until: 0,
        }
    }

    /// The index of the innermost quote that contains `start..end`; `start` may not be less
    /// than the previous call's.
    pub fn innermost(&mut self, start: usize, end: usize) -> Option<usize> {
        let quotes = self.quotes;
        while let Some(&q) = self.by_start.get(self.opened) {
            if quotes[q].span.start > start {
                break;
            }
            self.open.push(q);
            self.opened += 1;
        }
        // The innermost open quotes, moved down over the closed ones among them, which go.
        let (mut next, mut kept) = (self.open.len(), self.open.len());
        while next > 0 && self.open.len() - kept < DEPTH {
            next -= 1;
            let q = self.open[next];
            if quotes[q].span.end > start {
                kept -= 1;
                self.open[kept] = q;
            }
        }
        self.open.drain(next..kept);
        self.innermost_open()
            .iter()
            .rev()
            .find(|&&q| end <= quotes[q].span.end)
            .copied()
    }

    /// The [`DEPTH`] innermost open quotes, or all, as [`Voices::innermost`] left them.
    fn innermost_open(&self) -> &[usize] {
        &self.open[self.open.len().saturating_sub(DEPTH)..]
    }

    /// The innermost quote that contains byte `position`: [`Voices::innermost`] of
    /// `position..position + 1`, under the same order. The answer holds until the next quote
    /// opens or one of the `DEPTH` innermost open ones closes, so a run of positions between
    /// two of those (the words of a paragraph, say) costs one search.
    pub fn at(&mut self, position: usize) -> Option<usize> {
        if position < self.at_until {
            return self.at_answer;
        }
        self.at_answer = self.innermost(position, position + 1);
        let next_open = self
            .by_start
            .get(self.opened)
            .map_or(usize::MAX, |&q| self.quotes[q].span.start);
        // Quotes further out than these closing leave the answer as it is.
        let next_close = self
            .innermost_open()
            .iter()
            .map(|&q| self.quotes[q].span.end)
            .min()
            .unwrap_or(usize::MAX);
        self.at_until = next_open.min(next_close);
        self.at_answer
    }

    /// The voice key of `start..end` (see the module docs), under the order of [`Voices::innermost`].
    pub fn of(&mut self, start: usize, end: usize) -> Cow<'static, str> {
        self.innermost(start, end)
            .map_or(Cow::Borrowed(WRITER), |q| {
                speaker_key(self.quotes[q].speaker.as_ref())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{QuoteKind, TextSpan};

    fn quote<'a>(
        text: &'a str,
        start: usize,
        end: usize,
        speaker: Option<Speaker<'a>>,
    ) -> Quote<'a> {
        Quote {
            id: "q1".into(),
            kind: QuoteKind::Direct,
            span: TextSpan::new(text, start, end),
            speaker,
            cue: None,
            nested_in: None,
            rule: "test".into(),
            attribution_rule: None,
        }
    }

    fn speaker(name: &str, entity: Option<&str>) -> Speaker<'static> {
        Speaker {
            name: name.to_string().into(),
            entity: entity.map(|e| e.to_string().into()),
            mention: None,
            anonymous: entity.is_none(),
            resolution: "name".into(),
        }
    }

    #[test]
    fn innermost_quote_speaks() {
        let text = "“He said, ‘we may help,’ and left,” she said. It could rain.";
        let open = "“".len();
        let inner_start = text.find("we may").unwrap();
        let inner_end = text.find(",’").unwrap();
        let outer_end = text.find("left,").unwrap() + "left,".len();
        let outer = quote(text, open, outer_end, Some(speaker("Ana Ruiz", Some("e1"))));
        let inner = quote(
            text,
            inner_start,
            inner_end,
            Some(speaker("a U.S. official", None)),
        );
        let quotes = [outer, inner];
        let may = text.find("may").unwrap();
        let left = text.find("left").unwrap();
        let could = text.find("could").unwrap();
        assert_eq!(voice_of(&quotes, may, may + 3), "speaker:a-u-s-official");
        assert_eq!(voice_of(&quotes, left, left + 4), "e1");
        assert_eq!(voice_of(&quotes, could, could + 5), WRITER);
    }

    /// The sweep answers as the definition does: of the quotes open at a range's start (begun at
    /// or before it, ending after it), ordered by start, longer first, the last that contains
    /// the range among the last `DEPTH`. Many quotes over a short text, so they nest more than
    /// `DEPTH` deep, cross, touch and repeat.
    #[test]
    fn innermost_agrees_with_its_definition() {
        let by_definition = |quotes: &[Quote], start: usize, end: usize| {
            let mut open: Vec<usize> = (0..quotes.len())
                .filter(|&q| quotes[q].span.start <= start && start < quotes[q].span.end)
                .collect();
            open.sort_by_key(|&q| (quotes[q].span.start, Reverse(quotes[q].span.end), q));
            open.iter()
                .rev()
                .take(DEPTH)
                .find(|&&q| end <= quotes[q].span.end)
                .copied()
        };
        let mut rng = crate::test_inputs::Rng::new(23);
        let text = "x".repeat(120);
        let mut deep = 0;
        for _ in 0..500 {
            let quotes: Vec<Quote> = (0..rng.below(40))
                .map(|_| {
                    let start = rng.below(text.len());
                    let end = start + rng.below(text.len() - start + 1).min(rng.below(60));
                    quote(&text, start, end, None)
                })
                .collect();
            let mut voices = Voices::new(&quotes);
            let mut start = 0;
            while start <= text.len() {
                let end = (start + rng.below(6)).min(text.len());
                let expected = by_definition(&quotes, start, end);
                assert_eq!(voices.innermost(start, end), expected, "{start}..{end}");
                if voices.open.len() > DEPTH {
                    deep += 1;
                }
                start += rng.below(4) * rng.below(3);
            }
        }
        assert!(deep > 100, "{deep}");
    }

    /// `at` answers every position as `innermost` of the one byte there does, over nested,
    /// touching, empty and overlapping quotes.
    #[test]
    fn at_agrees_with_innermost() {
        let mut rng = crate::test_inputs::Rng::new(11);
        let text = "x".repeat(400);
        for _ in 0..200 {
            let quotes: Vec<Quote> = (0..rng.below(12))
                .map(|_| {
                    let start = rng.below(text.len());
                    let end = start + rng.below(text.len() - start + 1).min(rng.below(80));
                    quote(&text, start, end, None)
                })
                .collect();
            let (mut fast, mut slow) = (Voices::new(&quotes), Voices::new(&quotes));
            let mut position = 0;
            while position <= text.len() {
                assert_eq!(
                    fast.at(position),
                    slow.innermost(position, position + 1),
                    "{position}"
                );
                position += 1 + rng.below(4) * rng.below(4);
            }
        }
    }

    /// The name key by definition: every character lower-cased, runs of others than letters
    /// and digits one `-`.
    fn name_key_by_chars(name: &str) -> String {
        let mut key = "speaker:".to_string();
        let mut dash = false;
        for c in name.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                if dash && !key.ends_with(':') {
                    key.push('-');
                }
                dash = false;
                key.push(c);
            } else {
                dash = true;
            }
        }
        key
    }

    /// `speaker_key` of a name (ASCII run by run, the rest by characters) is its
    /// definition, for random names of ASCII, accents, combining marks, curly quotes, dashes,
    /// emoji, the Kelvin sign, dotted capital I and every kind of space.
    #[test]
    fn name_keys_are_their_definition() {
        let pieces = [
            "a",
            "U",
            ".",
            "S",
            " ",
            "  ",
            "-",
            "'",
            "’",
            "“",
            "—",
            "é",
            "É",
            "e\u{301}",
            "İ",
            "\u{212A}",
            "ß",
            "ΣΟΦΟΣ",
            "😀",
            "1",
            "٣",
            "\u{A0}",
            "\t",
            "\r\n",
            ":",
            "O’Brien",
        ];
        let mut rng = crate::test_inputs::Rng::new(17);
        for _ in 0..20_000 {
            let name = rng.text(&pieces, 8);
            let key = speaker_key(Some(&speaker(&name, None)));
            assert_eq!(key, name_key_by_chars(&name), "{name:?}");
            let mut appended = "e9".to_string();
            push_name_key(&mut appended, &name);
            assert_eq!(appended, format!("e9{key}"), "{name:?}");
        }
    }

    #[test]
    fn a_quote_without_speaker_is_unattributed() {
        let text = "“It may rain.”";
        let start = "“".len();
        let quotes = [quote(text, start, text.len() - "”".len(), None)];
        let may = text.find("may").unwrap();
        assert_eq!(voice_of(&quotes, may, may + 3), UNATTRIBUTED);
    }
}
