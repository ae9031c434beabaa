//! Article-wide questions the name finder asks of only a few words an article: whether a word
//! also appears in lower case, and whether a capitalised word also appears inside a sentence.
//!
//! Sets of the answers cost a hash insert for every word of the article, for some three
//! questions an article (seeds). So the first questions are answered by scanning the article,
//! which costs a few instructions a word, and a set is built only when an article asks so
//! often that the scans would cost more, or is so long that it will ([`SCAN_BUDGET`]): odd
//! input stays linear.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

use rustc_hash::FxHashSet;

use super::open_table::{Slot, Table};
use super::words::Units;
use crate::text::{has_capital_or_not_ascii, lower, Token};

/// A question answered by scanning until it has been asked [`SCANS`] times, then by a set.
struct Rare<S> {
    asked: Cell<usize>,
    /// How many questions scans answer: [`SCANS`], fewer for a long text.
    scans: usize,
    set: OnceCell<S>,
}

/// How many questions are answered by scanning before the set is built: a scan costs some
/// ten instructions a word, building the set well over a hundred.
const SCANS: usize = 8;

/// The tokens the scans of one article may read in all: [`SCANS`] scans of an article of 4,096
/// tokens (some 20 KB). A text asks about in proportion to its length (a 1 MB text 551
/// times, an article a few), so a long one builds the set in the end whatever it scanned
/// first: the eight scans of each set cost a 1 MB text 25 M instructions, all wasted.
const SCAN_BUDGET: usize = SCANS * 4096;

impl<S> Rare<S> {
    /// A question about a text of `tokens` tokens.
    fn new(tokens: usize) -> Rare<S> {
        Rare {
            asked: Cell::new(0),
            scans: SCANS.min(SCAN_BUDGET / tokens.max(1)),
            set: OnceCell::new(),
        }
    }

    fn ask(
        &self,
        scan: impl FnOnce() -> bool,
        build: impl FnOnce() -> S,
        look_up: impl FnOnce(&S) -> bool,
    ) -> bool {
        if self.set.get().is_none() && self.asked.get() < self.scans {
            self.asked.set(self.asked.get() + 1);
            return scan();
        }
        look_up(self.set.get_or_init(build))
    }
}

/// The words that appear in lower case somewhere in the article, lower-cased (`the`, and
/// `iphone` for `iPhone`).
pub(super) struct LowerCaseWords<'a, 'd> {
    text: &'a str,
    tokens: &'d [Token],
    rare: Rare<Spellings<'a>>,
}

/// The lower-case words of an article, as [`LowerCaseWords::spellings`] gathers them.
struct Spellings<'a> {
    /// The words of at most eight bytes that lower to themselves (most words), as
    /// [`short_key`]s.
    short: Table<u64>,
    /// The longer words that lower to themselves, borrowed from the text.
    long: FxHashSet<&'a str>,
    /// The lower case of the words that do not (`iphone` for `iPhone`).
    lowered: FxHashSet<String>,
}

impl<'a, 'd> LowerCaseWords<'a, 'd> {
    pub(super) fn new(text: &'a str, tokens: &'d [Token]) -> LowerCaseWords<'a, 'd> {
        LowerCaseWords {
            text,
            tokens,
            rare: Rare::new(tokens.len()),
        }
    }

    /// Whether a token starting in lower case lower-cases to `word` (which is lower case).
    pub(super) fn contains(&self, word: &str) -> bool {
        self.rare.ask(
            || self.scan(word),
            || self.spellings(),
            |spellings| spellings.contains(word),
        )
    }

    /// [`LowerCaseWords::contains`] by reading every token.
    fn scan(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        let bytes = self.text.as_bytes();
        self.tokens.iter().any(|t| {
            let lead = bytes[t.start()];
            // A token starting with an ASCII letter keeps it when lower-cased: most differ
            // from `word` there already.
            if lead.is_ascii() && lead != first {
                return false;
            }
            let token = &self.text[t.start()..t.end()];
            if token.is_ascii() {
                token.len() == word.len()
                    && lead.is_ascii_lowercase()
                    && token
                        .bytes()
                        .zip(word.bytes())
                        .all(|(t, w)| t.to_ascii_lowercase() == w)
            } else {
                token.starts_with(char::is_lowercase) && lower(token) == word
            }
        })
    }

    /// Every token starting in lower case, lower-cased. A short word costs a read of its
    /// bytes and a probe: a hash set of strings cost a long text some 100 instructions a token.
    fn spellings(&self) -> Spellings<'a> {
        let mut spellings = Spellings {
            // An article's distinct lower-case words are a third of its tokens or so (29-40 %
            // in the seeds).
            short: Table::with_room((self.tokens.len() / 3).min(1 << 14)),
            long: FxHashSet::default(),
            lowered: FxHashSet::default(),
        };
        let bytes = self.text.as_bytes();
        for t in self.tokens {
            let (start, end) = (t.start(), t.end());
            let lead = bytes[start];
            // Most tokens start in ASCII, and are told by their first byte.
            let starts_lower = if lead.is_ascii() {
                lead.is_ascii_lowercase()
            } else {
                self.text[start..].starts_with(char::is_lowercase)
            };
            if !starts_lower {
                continue;
            }
            if end - start <= 8 {
                // The eight bytes from the word's start, when the text has them, cut to the
                // word: one read instead of a copy.
                let key = match bytes.get(start..start + 8) {
                    Some(eight) => {
                        let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                        eight & u64::MAX >> (64 - 8 * (end - start))
                    }
                    None => short_key(&bytes[start..end]).expect("at most eight bytes"),
                };
                if !has_capital_or_not_ascii(key) {
                    spellings.short.insert(key);
                    continue;
                }
            }
            let token = &self.text[start..end];
            match lower(token) {
                Cow::Borrowed(word) => {
                    spellings.long.insert(word);
                }
                Cow::Owned(copy) => {
                    spellings.lowered.insert(copy);
                }
            }
        }
        spellings
    }
}

impl Spellings<'_> {
    fn contains(&self, word: &str) -> bool {
        // A word is in the one of `short` and `long` that its text would be in.
        let own = match short_key(word.as_bytes()) {
            Some(key) if !has_capital_or_not_ascii(key) => self.short.get(&key).is_some(),
            _ => self.long.contains(word),
        };
        own || self.lowered.contains(word)
    }
}

/// A word of one to eight bytes as a number: its bytes, little-endian, zeros past its end. No
/// word has a zero byte, so the number tells the word.
fn short_key(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut bytes = [0; 8];
    bytes[..word.len()].copy_from_slice(word);
    Some(u64::from_le_bytes(bytes))
}

/// A [`short_key`] is a slot of its own, 0 a free one (no word's key is 0).
impl Slot for u64 {
    const FREE: u64 = 0;

    #[inline]
    fn is_free(&self) -> bool {
        *self == 0
    }

    #[inline]
    fn same_key(&self, other: &u64) -> bool {
        self == other
    }

    #[inline]
    fn fold(&self) -> u64 {
        *self
    }
}

/// The capitalised words seen inside sentences (not first in one, nor in a headline): a
/// sentence's first word among them is a name, not a capitalised common word.
pub(super) struct InnerCapitals<'a> {
    rare: Rare<FxHashSet<&'a str>>,
}

impl<'a> InnerCapitals<'a> {
    /// Questions about a text of `tokens` tokens.
    pub(super) fn new(tokens: usize) -> InnerCapitals<'a> {
        InnerCapitals {
            rare: Rare::new(tokens),
        }
    }

    /// Whether `word` is capitalised inside a sentence somewhere among `units`, `headline`
    /// telling which paragraphs are headlines.
    pub(super) fn contains(&self, units: &Units<'a>, headline: &[bool], word: &str) -> bool {
        self.rare.ask(
            || Self::scan(units, headline, word),
            || Self::set(units, headline),
            |set| set.contains(word),
        )
    }

    /// Whether the capitalised unit `i` is inside a sentence: read off the stored units, so
    /// that a unit's text is sliced only when it counts (building every unit to ask cost a
    /// long text some 20 instructions a byte).
    fn is_inner(units: &Units, headline: &[bool], i: usize) -> bool {
        !units.initial(i) && !headline[units.paragraph_of(i)]
    }

    /// [`InnerCapitals::contains`] by reading every capitalised unit.
    fn scan(units: &Units<'a>, headline: &[bool], word: &str) -> bool {
        units.caps().any(|i| {
            // The length first: most units differ there.
            units.end(i) - units.start(i) == word.len()
                && units.at(i).text == word
                && Self::is_inner(units, headline, i)
        })
    }

    /// Every capitalised word inside a sentence.
    fn set(units: &Units<'a>, headline: &[bool]) -> FxHashSet<&'a str> {
        units
            .caps()
            .filter(|&i| Self::is_inner(units, headline, i))
            .map(|i| units.at(i).text)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::{shape, units};
    use super::*;
    use crate::text::Document;

    /// The seeds, and texts of words whose lower case is awkward: a capital inside (`iPhone`),
    /// letters that change length (`İ`, the Kelvin sign), a final sigma, non-ASCII letters.
    fn texts() -> Vec<String> {
        let pieces = [
            "the",
            "The",
            "THE",
            "iPhone",
            "iphone",
            "İstanbul",
            "istanbul",
            "i\u{307}stanbul",
            "\u{212a}elvin",
            "kelvin",
            "ΟΔΥΣΣΕΥΣ",
            "οδυσσευς",
            "café",
            "Café",
            "école",
            "École",
            "aİ",
            "ai\u{307}",
            "straße",
            "Mr.",
            "US",
            "us",
            "1990s",
            "—",
            "“",
            "Zoë",
            "zoë",
            "x",
            "X",
            ". ",
            "\n",
            " ",
            " ",
            " ",
            ", ",
            "de",
            "De",
        ];
        crate::test_inputs::seeds_and_texts(41, 600, 40, &pieces)
    }

    /// Scans answer the first [`SCANS`] questions up to a text of 4,096 tokens, fewer past it,
    /// and none past [`SCAN_BUDGET`] tokens.
    #[test]
    fn long_texts_scan_less() {
        for (tokens, scans) in [
            (0, 8),
            (1_450, 8),
            (4_096, 8),
            (4_097, 7),
            (8_192, 4),
            (32_768, 1),
            (32_769, 0),
            (1 << 20, 0),
        ] {
            assert_eq!(Rare::<()>::new(tokens).scans, scans, "{tokens} tokens");
        }
    }

    /// A text too long to scan answers its first question from the set, as the set does.
    #[test]
    fn a_long_text_asks_the_set_at_once() {
        let text = crate::test_inputs::news(256 << 10);
        let doc = Document::new(&text);
        assert!(doc.tokens.len() > SCAN_BUDGET);
        let units = units(&doc, &[]);
        let headline = vec![false; doc.paragraphs.len()];
        let words = LowerCaseWords::new(doc.text, &doc.tokens);
        let inner = InnerCapitals::new(doc.tokens.len());
        for (word, lower_case, capitalised) in [
            ("the", true, false),
            ("said", true, false),
            ("sheinbaum", false, false),
            ("Sheinbaum", false, true),
            ("zzyzx", false, false),
        ] {
            assert_eq!(words.contains(word), lower_case, "{word}");
            assert!(words.rare.set.get().is_some(), "{word}: no scan");
            assert_eq!(
                inner.contains(&units, &headline, word),
                capitalised,
                "{word}"
            );
            assert!(inner.rare.set.get().is_some(), "{word}: no scan");
        }
    }

    /// The short-word table holds what was put in as a hash set does, while it grows from its
    /// smallest size and its probes collide.
    #[test]
    fn short_words_hold_what_was_put_in() {
        let mut rng = crate::test_inputs::Rng::new(7);
        let mut table = Table::with_room(0);
        let mut set = FxHashSet::default();
        for _ in 0..5_000 {
            let word: Vec<u8> = (0..1 + rng.below(8))
                .map(|_| b"abc'"[rng.below(4)])
                .collect();
            let key = short_key(&word).expect("one to eight bytes");
            assert_eq!(table.get(&key).is_some(), set.contains(&word), "{word:?}");
            table.insert(key);
            set.insert(word);
        }
        let (used, slots) = table.load();
        assert_eq!(used, set.len());
        assert!(slots > 16 << 6, "the table grew");
    }

    /// The gathered spellings and the scans answer as the set of the lower-case tokens'
    /// lower cases does, for each token as written, lower-cased and upper-cased (short and
    /// long words, at the text's end too); and so does asking more often than it takes to
    /// gather the spellings.
    #[test]
    fn lower_case_words_scans_answer_as_the_set() {
        let mut yes = 0;
        for text in texts() {
            let doc = Document::new(&text);
            let words = LowerCaseWords::new(doc.text, &doc.tokens);
            let spellings = words.spellings();
            // The plain definition: every token starting in lower case, lower-cased.
            let set: FxHashSet<String> = doc
                .tokens
                .iter()
                .map(|t| doc.token_text(t))
                .filter(|token| token.starts_with(char::is_lowercase))
                .map(|token| token.to_lowercase())
                .collect();
            let mut asked = vec![String::new()];
            for t in &doc.tokens {
                let token = doc.token_text(t);
                asked.extend([
                    token.to_string(),
                    token.to_lowercase(),
                    token.to_uppercase(),
                ]);
            }
            for word in &asked {
                let want = set.contains(word);
                assert_eq!(spellings.contains(word), want, "{word:?} in {text:?}");
                assert_eq!(words.scan(word), want, "{word:?} in {text:?}");
                assert_eq!(words.contains(word), want, "{word:?} in {text:?}");
                yes += usize::from(want);
            }
        }
        assert!(yes > 1_000, "{yes}");
    }

    /// The set of capitals inside sentences is that of every unit asked in full, and scanning
    /// the units answers as it does, and so does asking more often than it takes to build it.
    #[test]
    fn inner_capitals_scans_answer_as_the_set() {
        let mut yes = 0;
        for text in texts() {
            let doc = Document::new(&text);
            let units = units(&doc, &[]);
            let headline: Vec<bool> = doc
                .paragraphs
                .iter()
                .map(|p| shape(&doc, p).headline)
                .collect();
            // The plain definition: every unit, asked in full.
            let set: FxHashSet<&str> = units
                .iter()
                .filter(|u| u.cap() && !u.initial && !headline[units.paragraph(u)])
                .map(|u| u.text)
                .collect();
            assert_eq!(InnerCapitals::set(&units, &headline), set, "{text:?}");
            let inner = InnerCapitals::new(doc.tokens.len());
            for u in units.iter() {
                for word in [u.text.to_string(), u.text.to_lowercase()] {
                    let want = set.contains(word.as_str());
                    let scanned = InnerCapitals::scan(&units, &headline, &word);
                    assert_eq!(scanned, want, "{word:?} in {text:?}");
                    assert_eq!(inner.contains(&units, &headline, &word), want);
                    yes += usize::from(want);
                }
            }
        }
        assert!(yes > 500, "{yes}");
    }
}
