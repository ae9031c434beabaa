//! Runs a pattern only where it can start: a pattern tried at the start of one word dies
//! within a few bytes, while trying it at every byte would cost its whole first step there.
//!
//! Patterns are ASCII-only for `\b`, `\d`, `\s` and case (see [`super::pattern`]), and these
//! helpers follow them, so a run at each candidate finds exactly what a scan of the whole
//! text would.

use rustc_hash::FxHashMap;

use super::pattern::{self, Match, P};

/// The bytes `\b` counts as word characters.
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)] != 0
}

/// Whether `b` is an ASCII letter or digit: a word byte other than `_`.
fn is_alphanumeric_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)] == ALPHANUMERIC
}

/// [`is_word_byte`] and [`is_alphanumeric_byte`] as one load each: the scans ask them of every
/// byte of the text, and the comparisons they stand for cost more there than anything else.
static WORD_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = ALPHANUMERIC;
        } else if b as u8 == b'_' {
            table[b] = 1;
        }
        b += 1;
    }
    table
};

/// [`WORD_BYTES`]' value for a letter or digit (`_` has 1, other bytes 0).
const ALPHANUMERIC: u8 = 2;

/// The bytes `\s` matches.
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether byte `i` starts an ASCII word: a letter or digit after a byte `\b` counts as
/// non-word, the only places a pattern opening with `\b` and a letter can match.
pub fn is_word_start(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    bytes[i].is_ascii_alphanumeric() && (i == 0 || !is_word_byte(bytes[i - 1]))
}

/// Where each ASCII word starts and ends: the start is every `i` where [`is_word_start`]
/// holds, in order, and the end is where its run of letters and digits ends.
#[cfg(test)]
fn word_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(text)
        .filter(|run| run.word_end > run.start)
        .map(|run| (run.start, run.word_end))
}

/// A run of word bytes (`\b` is at its ends and nowhere inside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Where its letters and digits end: its word ends there, or it starts none when this
    /// is its start (a run led by `_`).
    pub word_end: usize,
    /// Byte offset past its last byte.
    pub end: usize,
}

/// Every run of word bytes of `text`, in order, with the end of its word: one pass, one
/// test a byte.
pub fn runs(text: &str) -> impl Iterator<Item = Run> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && is_alphanumeric_byte(bytes[i]) {
            i += 1;
        }
        let word_end = i;
        // `\b` goes on over `_`, a word does not.
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        Some(Run {
            start,
            word_end,
            end: i,
        })
    })
}

/// The start of an ASCII word with the classes (bits) of its run of letters and digits and
/// of the run after it and at least one `\s`, the only place a `word\s+next` pattern can go on.
#[derive(Clone, Copy, Debug)]
pub struct At<'t> {
    text: &'t str,
    /// Byte offset of the word.
    pub start: usize,
    end: usize,
    class: u32,
    next_class: u32,
}

impl<'t> At<'t> {
    /// The word starting at byte `start` (an ASCII letter or digit).
    pub fn new(text: &'t str, start: usize) -> At<'t> {
        let end = start
            + text.as_bytes()[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        At {
            text,
            start,
            end,
            class: 0,
            next_class: 0,
        }
    }

    /// The word of a [`Run`] (one that starts a word).
    pub fn of_run(text: &'t str, run: Run) -> At<'t> {
        At {
            text,
            start: run.start,
            end: run.word_end,
            class: 0,
            next_class: 0,
        }
    }

    /// The run of ASCII letters and digits at the start.
    pub fn word(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// [`At::word`] as bytes: a test of every word of a text that reads its bytes skips the
    /// checks that its ends are on characters' boundaries.
    pub fn bytes(&self) -> &'t [u8] {
        &self.text.as_bytes()[self.start..self.end]
    }

    /// The word's classes.
    pub fn class(&self) -> u32 {
        self.class
    }

    /// The next word's classes, if only spaces come between them (else none).
    pub fn next_class(&self) -> u32 {
        self.next_class
    }

    /// Whether the word is in one of the classes `bits`.
    pub fn is(&self, bits: u32) -> bool {
        self.class & bits != 0
    }

    /// Whether the next word is in one of the classes `bits`.
    pub fn next_is(&self, bits: u32) -> bool {
        self.next_class & bits != 0
    }
}

/// Every start of an ASCII word in `text` that `classify` puts in a class, with the class of
/// the word after it. Every trigger asks for a class, so the unclassed words (most of them)
/// are never kept: a whole article's words would cost more memory than the article.
pub fn words(text: &str, classify: impl Fn(&[u8]) -> u32) -> Vec<At<'_>> {
    let mut words = ClassedWords::new(text);
    for run in runs(text) {
        words.push(run, &classify);
    }
    words.finish()
}

/// [`words`] gathered one run at a time, so that one pass over the runs of a text feeds the
/// date and the number scans together (see [`super::find`]).
pub struct ClassedWords<'t> {
    text: &'t str,
    words: Vec<At<'t>>,
    /// Where the word before ended, and whether it was kept: only then its next class counts.
    before: Option<(usize, bool)>,
}

impl<'t> ClassedWords<'t> {
    /// None yet.
    pub fn new(text: &'t str) -> ClassedWords<'t> {
        ClassedWords {
            text,
            words: Vec::new(),
            before: None,
        }
    }

    /// The word of `run`, the next run of `text`, if it starts one that `classify` classes.
    #[inline]
    pub fn push(&mut self, run: Run, classify: impl Fn(&[u8]) -> u32) {
        let (start, end) = (run.start, run.word_end);
        if end == start {
            return; // a run led by `_` starts no word
        }
        let text = self.text;
        // Bytes, not a `str`: no check of the word's ends on characters' boundaries, for
        // every word of the text.
        let class = classify(&text.as_bytes()[start..end]);
        if class != 0 {
            if let Some((before_end, true)) = self.before {
                let gap = &text.as_bytes()[before_end..start];
                if !gap.is_empty() && gap.iter().all(|b| is_space_byte(*b)) {
                    self.words
                        .last_mut()
                        .expect("the word before was kept")
                        .next_class = class;
                }
            }
            self.words.push(At {
                text,
                start,
                end,
                class,
                next_class: 0,
            });
        }
        self.before = Some((end, class != 0));
    }

    /// The words kept, in order.
    pub fn finish(self) -> Vec<At<'t>> {
        self.words
    }
}

/// Word lists, each with a bit, so a word is looked up once rather than once per pattern.
pub struct Lexicon {
    /// Each word lower-cased and packed into the bytes of a `u128` (zeros after it), with its
    /// length and class: hashing and comparing one integer instead of a byte slice roughly
    /// halves a lookup, which the date and number scans make for thousands of words.
    classes: PackedWords,
    /// For each word [`shape`], a bit for the last byte (lower-cased, by its low five bits)
    /// of each listed word of that shape: most words of a text fail this test, and skip the
    /// hashing.
    shapes: [u32; SHAPES],
}

/// How many values [`shape`] takes.
const SHAPES: usize = 32 * (LONGEST + 1);

/// The first byte of a non-empty word of at most [`LONGEST`] ASCII bytes, lower-cased and by
/// its low five bits, with its length. Bytes that share their low five bits share a shape,
/// which only lets more words through to the hashing.
fn shape(first: u8, len: usize) -> usize {
    usize::from(first.to_ascii_lowercase() & 31) * (LONGEST + 1) + len
}

/// The bit of a listed word's last byte in its [`shape`]'s entry.
fn last_bit(last: u8) -> u32 {
    1 << (last.to_ascii_lowercase() & 31)
}

/// The longest word a [`Lexicon`] looks up (its words are shorter).
pub(super) const LONGEST: usize = 16;

impl Lexicon {
    /// The lists with their bits; a word's class is the union of the bits of its lists.
    pub fn new(lists: &[(&[&str], u32)]) -> Lexicon {
        let mut classes = PackedWords::default();
        let mut shapes = [0; SHAPES];
        for (words, bit) in lists {
            for w in *words {
                assert!(
                    (1..=LONGEST).contains(&w.len()) && w.bytes().all(|b| b.is_ascii() && b != 0),
                    "{w:?}: a listed word is ASCII without NUL, 1 to {LONGEST} bytes"
                );
                let bytes = w.as_bytes();
                shapes[shape(bytes[0], w.len())] |= last_bit(bytes[w.len() - 1]);
                classes.add(bytes, *bit);
            }
        }
        Lexicon { classes, shapes }
    }

    /// The class of `word`, ignoring ASCII case as `(?i)` does. Keyed by bytes: lower-casing
    /// ASCII letters in place leaves nothing to validate. Inlined: most words fail the shape
    /// test, in fewer instructions than a call costs.
    #[inline(always)]
    pub fn class(&self, word: &[u8]) -> u32 {
        let listed_shape = match word {
            [first, .., last] | [first @ last] if word.len() <= LONGEST && first.is_ascii() => {
                self.shapes[shape(*first, word.len())] & last_bit(*last) != 0
            }
            _ => false,
        };
        if !listed_shape {
            return 0;
        }
        self.classes.get(word)
    }
}

/// Words of at most [`LONGEST`] ASCII bytes without NUL, each [`pack`]ed into one integer with
/// its length and the union of the bits it was added with: a lookup hashes and compares one
/// integer, not a byte slice. The scan lexicons keep one each.
#[derive(Default)]
pub(super) struct PackedWords {
    bits: FxHashMap<u128, (usize, u32)>,
}

impl PackedWords {
    /// Adds `bit` to the bits of `word`, ASCII case ignored.
    pub fn add(&mut self, word: &[u8], bit: u32) {
        self.bits.entry(pack(word)).or_insert((word.len(), 0)).1 |= bit;
    }

    /// The bits of `word`, ASCII case ignored; 0 when it was never added.
    #[inline(always)]
    pub fn get(&self, word: &[u8]) -> u32 {
        // The length check tells `ab` from `ab\0`, which pack alike.
        match self.bits.get(&pack(word)) {
            Some(&(len, bits)) if len == word.len() => bits,
            _ => 0,
        }
    }
}

/// `word` (at most [`LONGEST`] bytes) with its ASCII letters lower-cased, as the bytes of an
/// integer padded with zeros. The bytes go in one by one, shifted into place (a word is a few
/// bytes; copied into a buffer, they became a `memcpy` call, which costs more), and are
/// lower-cased all at once.
#[inline]
pub(super) fn pack(word: &[u8]) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; LONGEST]);
    let x = word
        .iter()
        .rev()
        .fold(0u128, |x, &b| x << 8 | u128::from(b));
    // A byte is `A` to `Z` when its low seven bits reach `A` but not `[` and its top bit is
    // clear; adding to the low seven bits carries into the top bit exactly when they reach.
    let low = x & (ONES * 0x7F);
    let from_a = low + ONES * (0x80 - u128::from(b'A'));
    let past_z = low + ONES * (0x80 - u128::from(b'Z' + 1));
    let upper = from_a & !past_z & !x & (ONES * 0x80);
    x | upper >> 2
}

/// Whether `word` is non-empty and all digits.
pub fn is_digits(word: &[u8]) -> bool {
    !word.is_empty() && word.iter().all(u8::is_ascii_digit)
}

/// Whether `needle` occurs in `hay`, as [`str::contains`] says. For the few bytes of a match
/// that the date and number values read: `str::contains` sets up a two-way searcher for each
/// call, which costs more than comparing a short text at each of its places.
pub fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether `text` starts with one of `stems`, ignoring ASCII case. The first bytes are
/// compared first: the lists are long, and nearly all of their stems differ there.
pub fn starts_any(text: &str, stems: &[&str]) -> bool {
    let text = text.as_bytes();
    let first = text.first().map(u8::to_ascii_lowercase);
    stems.iter().any(|s| {
        let s = s.as_bytes();
        s.first().map(u8::to_ascii_lowercase) == first
            && text.len() >= s.len()
            && text[..s.len()].eq_ignore_ascii_case(s)
            || s.is_empty()
    })
}

/// The leftmost-first, non-overlapping matches of patterns, each tried at its start (in
/// order). They are the matches a scan of the whole text finds when every match starts at one
/// of the starts.
pub fn matches<'t>(
    text: &'t str,
    starts: impl IntoIterator<Item = (usize, &'t P)> + 't,
) -> impl Iterator<Item = Match> + 't {
    let mut free = 0;
    starts.into_iter().filter_map(move |(start, pattern)| {
        if start < free {
            return None;
        }
        let found = pattern::find(pattern, text, start)?;
        free = found.end;
        Some(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_inputs::Rng;

    /// The table holds the class `\b` defines, and the letters and digits.
    #[test]
    fn word_bytes_are_alphanumerics_and_underscore() {
        for b in 0..=255u8 {
            assert_eq!(
                is_word_byte(b),
                b.is_ascii_alphanumeric() || b == b'_',
                "{b:#x}"
            );
            assert_eq!(is_alphanumeric_byte(b), b.is_ascii_alphanumeric(), "{b:#x}");
        }
    }

    /// `pack` lower-cases as `to_ascii_lowercase` does, on every byte value, and a lexicon
    /// finds exactly the words of its lists, whatever their case.
    #[test]
    fn lexicon_lookups_are_case_blind_list_searches() {
        for b in 0..=255u8 {
            let mut want = [0u8; LONGEST];
            want[0] = b.to_ascii_lowercase();
            want[LONGEST - 1] = b'Q'.to_ascii_lowercase();
            let mut word = [b; LONGEST];
            word[1..LONGEST - 1].fill(0);
            word[LONGEST - 1] = b'Q';
            assert_eq!(pack(&word), u128::from_le_bytes(want), "{b:#x}");
        }
        let lists: [(&[&str], u32); 2] = [
            (&["may", "March", "a", "sixteen-letters!"], 1),
            (&["May", "ab"], 2),
        ];
        let lexicon = Lexicon::new(&lists);
        let pieces = [
            "a",
            "A",
            "b",
            "m",
            "M",
            "ay",
            "AY",
            "rch",
            "\0",
            "é",
            "sixteen-letters!",
            "x",
            "h",
            "!",
            "1",
        ];
        let mut rng = Rng::new(11);
        for _ in 0..5_000 {
            let word = rng.text(&pieces, 4);
            let slow = lists
                .iter()
                .filter(|(words, _)| words.iter().any(|w| w.eq_ignore_ascii_case(&word)))
                .fold(0, |class, (_, bit)| class | bit);
            assert_eq!(lexicon.class(word.as_bytes()), slow, "{word:?}");
        }
    }

    /// `words` keeps the classed words, each with the class of the next word when only
    /// spaces come between them: every word start with its class, filtered.
    #[test]
    fn words_are_the_classed_words_with_the_next_class() {
        let pieces = [
            "a", "bb", "ccc", "9", "_", "x_", " ", "  ", "\n", "-", "é", ".", "a1",
        ];
        let classify = |word: &[u8]| [0, 1, 0, 4][word.len() % 4];
        let mut rng = Rng::new(13);
        for _ in 0..5_000 {
            let text = rng.text(&pieces, 12);
            let all: Vec<At> = (0..text.len())
                .filter(|&i| is_word_start(&text, i))
                .map(|i| {
                    let mut at = At::new(&text, i);
                    at.class = classify(at.bytes());
                    at
                })
                .collect();
            let mut slow = Vec::new();
            for (k, at) in all.iter().enumerate() {
                let next_class = all.get(k + 1).map_or(0, |next| {
                    let gap = &text.as_bytes()[at.end..next.start];
                    let spaces = !gap.is_empty() && gap.iter().all(|&b| is_space_byte(b));
                    if spaces {
                        next.class
                    } else {
                        0
                    }
                });
                if at.class != 0 {
                    slow.push((at.start, at.end, at.class, next_class));
                }
            }
            let fast: Vec<_> = words(&text, classify)
                .iter()
                .map(|at| (at.start, at.end, at.class, at.next_class))
                .collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    /// `starts_any` is a prefix test of each stem, ignoring ASCII case.
    #[test]
    fn contains_is_str_contains() {
        let pieces = ["a", "b", "ab", "$", "€", "é", " ", "per cent", "usd"];
        let needles = [
            "", "a", "ab", "ba", "$", " $", "€", "é", "per cent", "usd", "aaa",
        ];
        let mut rng = crate::test_inputs::Rng::new(31);
        let mut found = 0;
        for _ in 0..5_000 {
            let hay = rng.text(&pieces, 6);
            for needle in needles {
                let fast = contains(&hay, needle);
                assert_eq!(fast, hay.contains(needle), "{needle:?} in {hay:?}");
                found += usize::from(fast);
            }
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn starts_any_is_a_prefix_test() {
        let stems = ["", "a", "Ab", "abc", "b$", "é"];
        let pieces = ["a", "A", "b", "B", "c", "$", "é", "É", " "];
        let mut rng = Rng::new(29);
        for _ in 0..5_000 {
            let text = rng.text(&pieces, 5);
            let stems = &stems[rng.below(2)..rng.below(stems.len() + 1).max(1)];
            let slow = stems.iter().any(|s| {
                text.get(..s.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(s))
            });
            assert_eq!(starts_any(&text, stems), slow, "{text:?} {stems:?}");
        }
    }

    /// `word_runs` is the fast form of filtering every byte with `is_word_start`, and
    /// finds the words `At::new` finds there.
    #[test]
    fn word_starts_are_the_bytes_that_start_a_word() {
        let pieces = [
            "a", "Z", "9", "_", "__x", "x_", " ", "\n", "-", "’", "é", "日本", "😀", "$", ".", "a1",
        ];
        let mut rng = Rng::new(7);
        let mut texts = vec![String::new(), "_a b_c 4".to_string()];
        for _ in 0..2_000 {
            let n = rng.below(12);
            texts.push((0..n).map(|_| rng.pick(&pieces)).collect());
        }
        for text in &texts {
            let slow: Vec<usize> = (0..text.len())
                .filter(|&i| is_word_start(text, i))
                .collect();
            let slow: Vec<(usize, usize)> = slow
                .into_iter()
                .map(|i| (i, i + At::new(text, i).word().len()))
                .collect();
            assert_eq!(word_runs(text).collect::<Vec<_>>(), slow, "{text:?}");
        }
    }
}
