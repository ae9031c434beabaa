//! Numbers: `6,072`, `50%`, `75 percent`, `eight`, `hundreds` (of troops), `$1.2 billion`,
//! `US$ 20,000`, `more than half`, `at least twice`, with a parsed value and unit when clear.
//!
//! One pattern ([`super::pattern`]), tried only where a number can start, finds the expression
//! with its approximator; context checks drop pronoun uses of `one` and digits glued to words
//! (`F-35`, `COVID-19`).

use std::sync::LazyLock;

use crate::analysis::EntityValue;

use super::pattern::{self, any, any_i, P};
use super::scan::{self, starts_any, At, Lexicon};
use super::Mention;
use crate::analysis::EntityType;
use crate::text::Document;

/// The number words, by value: `zero` to `nineteen`, then the tens. The patterns try them in
/// this order (`seven` before `seventeen`; `find` drops a match glued to letters), and their
/// values follow from it ([`number_word_value`]).
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// The value of a number word: its place in [`NUMBER_WORDS`].
fn number_word_value(word: &str) -> Option<u64> {
    let place = NUMBER_WORDS.iter().position(|w| *w == word)? as u64;
    Some(if place < 20 { place } else { (place - 18) * 10 })
}

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// `US$`, `C$`, `A$`, `R$`, `MX$`, `$`, `€`, `£`, `¥`, `USD`, `EUR`.
const CURRENCY: P = P::Alt(&[
    any_i(&["US$", "C$", "A$", "R$", "MX$", "$", "€", "£", "¥"]),
    P::Seq(&[P::LitI("USD"), P::SpaceOpt]),
    P::Seq(&[P::LitI("EUR"), P::SpaceOpt]),
]);

/// `6,072`, `1.2`, `20`.
const DIGITS: P = P::Alt(&[
    P::Seq(&[
        P::Digits(1, 3),
        P::Plus(&P::Seq(&[P::Lit(","), P::Digits(3, 3)])),
        P::Opt(&DECIMALS),
    ]),
    P::Seq(&[P::Digits(1, usize::MAX), P::Opt(&DECIMALS)]),
]);
const DECIMALS: P = P::Seq(&[P::Lit("."), P::Digits(1, usize::MAX)]);

const SCALE: P = any_i(&[
    "hundred", "thousand", "million", "billion", "trillion", "bn", "m",
]);
/// `million`, `millions`, `bn`, `m`: a whole word, counted (`a million`, `hundreds`).
const SCALE_WORD: P = P::Seq(&[SCALE, P::Opt(&P::LitI("s")), P::B]);
/// ` million`, `bn`, `m` after an amount (`$1.2 billion`, `£3bn`).
const AMOUNT_SCALE: P = P::Alt(&[
    P::Seq(&[P::LitI("bn"), P::B]),
    P::Seq(&[P::LitI("m"), P::B]),
    P::Seq(&[P::Space, SCALE, P::B]),
]);

const WORD: P = any_i(NUMBER_WORDS);
/// `eight`, `twenty-five`, `twenty five`.
const WORDS: P = P::Seq(&[WORD, P::Opt(&P::Seq(&[any(&["-", " "]), WORD]))]);

const PERCENT: P = P::Alt(&[
    P::Seq(&[P::LitI("percent"), P::B]),
    P::Seq(&[P::LitI("per"), P::Space, P::LitI("cent"), P::B]),
]);

/// The words before `than` in an approximator (`more than`).
const COMPARATIVES: &[&str] = &["more", "fewer", "less", "greater", "higher", "lower"];

/// The approximators of one word (`about`).
const APPROX_WORDS: &[&str] = &[
    "around",
    "about",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
];

/// `more than`, `at least`, `about`, `an estimated`: how exact the number is.
const APPROX: P = P::Alt(APPROX_BRANCHES);

/// The alternatives of [`APPROX`], each with a bit of its own in [`LEXICON`]: a listed word
/// starts one or two of them, and [`approximated`] tries only those.
const APPROX_BRANCHES: &[P] = &[
    P::Seq(&[any_i(COMPARATIVES), P::Space, P::LitI("than")]),
    P::Seq(&[P::LitI("at"), P::Space, P::LitI("least")]),
    P::Seq(&[P::LitI("at"), P::Space, P::LitI("most")]),
    P::Seq(&[P::LitI("up"), P::Space, P::LitI("to")]),
    P::Seq(&[
        P::LitI("as"),
        P::Space,
        any_i(&["many", "much", "few"]),
        P::Space,
        P::LitI("as"),
    ]),
    any_i(APPROX_WORDS),
    P::Seq(&[P::LitI("just"), P::Space, P::LitI("over")]),
    P::Seq(&[P::LitI("just"), P::Space, P::LitI("under")]),
    P::Seq(&[P::LitI("an"), P::Space, P::LitI("estimated")]),
    P::Seq(&[P::LitI("close"), P::Space, P::LitI("to")]),
];

/// `$1.2 billion`, `US$ 20,000`, `£3bn`: the one branch of [`NUMBER`] that may start inside
/// a word (`amateur 3` has `eur 3`): such matches are dropped in `find`, but they use up the
/// text a scan of the whole text would skip.
pub(super) const CURRENCY_NUMBER: P =
    P::Seq(&[CURRENCY, P::SpaceOpt, DIGITS, P::Opt(&AMOUNT_SCALE)]);

/// A number with its approximator. Glued letters are checked by hand in `find`.
pub(super) const NUMBER: P = P::Seq(&[P::Opt(&APPROX_LEAD), AMOUNT]);

/// `more than `, `at least `: the approximator before an [`AMOUNT`].
const APPROX_LEAD: P = P::Seq(&[P::B, APPROX, P::Space]);

/// `50%`, `75 percent`, `3bn`, `6 million`: the branch of [`AMOUNT`] that starts with
/// digits. At the start of a word of digits it is what `NUMBER` finds: every branch before it
/// fails on a digit (an approximator, `tens`, a currency), and it cannot fail there.
const DIGITS_AMOUNT: P = P::Seq(&[
    P::B,
    DIGITS,
    P::Opt(&P::Alt(&[
        P::Seq(&[P::SpaceAny, P::Alt(&[P::Lit("%"), PERCENT])]),
        P::Seq(&[P::LitI("bn"), P::B]),
        P::Seq(&[P::Space, SCALE, P::B]),
    ])),
]);

/// The number itself.
const AMOUNT: P = P::Alt(&[
    // tens of thousands
    P::Seq(&[
        P::B,
        any_i(&["tens", "hundreds"]),
        P::Space,
        P::LitI("of"),
        P::Space,
        any_i(&["thousands", "millions", "billions"]),
        P::B,
    ]),
    P::Seq(&[P::B, any_i(&["two-thirds", "three-quarters"]), P::B]),
    CURRENCY_NUMBER,
    DIGITS_AMOUNT,
    // a million, two hundred, hundreds, a hundred and fifty
    P::Seq(&[
        P::B,
        P::Opt(&P::Seq(&[P::LitI("a"), P::Opt(&P::LitI("n")), P::Space])),
        P::Opt(&P::Seq(&[WORDS, P::Space])),
        SCALE_WORD,
        P::Opt(&P::Seq(&[
            P::Space,
            P::Opt(&P::Seq(&[P::LitI("and"), P::Space])),
            WORDS,
        ])),
    ]),
    // eight, twenty-five million, ten percent
    P::Seq(&[
        P::B,
        WORDS,
        P::Opt(&P::Seq(&[P::Space, SCALE, P::B])),
        P::Opt(&P::Seq(&[P::Space, PERCENT])),
    ]),
    // dozens, half, a third, twice
    P::Seq(&[
        P::B,
        P::Alt(&[
            P::Seq(&[
                P::Opt(&P::Seq(&[P::LitI("a"), P::Space])),
                P::LitI("dozen"),
                P::Opt(&P::LitI("s")),
            ]),
            P::LitI("half"),
            P::Seq(&[P::LitI("a"), P::Space, P::LitI("third")]),
            P::Seq(&[P::LitI("a"), P::Space, P::LitI("quarter")]),
            any_i(&["twice", "thrice"]),
        ]),
    ]),
]);

/// How the branches of `NUMBER` can start, case ignored, besides [`NUMBER_WORDS`]: these run
/// on too, like number words (`seventeen` is tried as `seven`).
const OTHER_STEMS: &[&str] = &["dozen", "half", "twice", "thrice", "usd", "eur"];
const CURRENCY_STEMS: &[&str] = &["us$", "c$", "a$", "r$", "mx$", "usd", "eur"];

/// For each byte a currency stem starts with, in either case, the bytes its second may be, as
/// bits by their low six bits: a one-load test before the stems, as the candidates' scan asks
/// it at every byte inside a word.
static CURRENCY_PAIRS: [u64; 256] = {
    let mut pairs = [0u64; 256];
    let mut i = 0;
    while i < CURRENCY_STEMS.len() {
        let [first, second, ..] = *CURRENCY_STEMS[i].as_bytes() else {
            panic!("a currency stem has two bytes or more");
        };
        let seconds =
            1 << (second.to_ascii_lowercase() & 63) | 1 << (second.to_ascii_uppercase() & 63);
        pairs[first.to_ascii_lowercase() as usize] |= seconds;
        pairs[first.to_ascii_uppercase() as usize] |= seconds;
        i += 1;
    }
    pairs
};

const FIRST_WORD: u32 = 1;

/// The first words of [`FIRST_WORD_LISTS`] that may start an [`AMOUNT`] (`hundred`, `us` of
/// `US$`, `a`), rather than only an approximator before one.
const AMOUNT_HEAD: u32 = 2;

/// The first words of [`FIRST_WORD_LISTS`] that may start an approximator (`at` of `at
/// least`). No other word can: every approximator opens with a whole listed word.
const APPROX_HEAD: u32 = 4;

/// The bit of the first of [`APPROX_BRANCHES`] in a class of [`LEXICON`]: that of the words
/// that may start it, and the next bits those of the next branches.
const APPROX_BRANCH: u32 = 8;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let starting = |pattern: &P| -> Vec<&str> {
        FIRST_WORD_LISTS
            .iter()
            .flat_map(|list| list.iter().copied())
            .filter(|w| pattern::may_start(pattern, w))
            .collect()
    };
    let (amount_heads, approx_heads) = (starting(&AMOUNT), starting(&APPROX_LEAD));
    let mut lists: Vec<(&[&str], u32)> = FIRST_WORD_LISTS
        .iter()
        .map(|&list| (list, FIRST_WORD))
        .collect();
    lists.push((&amount_heads, AMOUNT_HEAD));
    lists.push((&approx_heads, APPROX_HEAD));
    let branch_heads: Vec<Vec<&str>> = APPROX_BRANCHES.iter().map(starting).collect();
    for (i, heads) in branch_heads.iter().enumerate() {
        lists.push((heads, APPROX_BRANCH << i));
    }
    Lexicon::new(&lists)
});

/// Stems of three letters or more by [`head`], so that a text is compared only with the
/// stems that start like it: a word such as `three` or `for` would otherwise be compared
/// with all of them. Sorted at compile time: a static costs no heap, and no set-up.
struct Stems<const N: usize>([(usize, &'static str); N]);

impl<const N: usize> Stems<N> {
    /// The stems of `lists`, `N` in all.
    const fn new(lists: &[&[&'static str]]) -> Stems<N> {
        let mut stems = [(0, ""); N];
        let mut n = 0;
        let mut l = 0;
        while l < lists.len() {
            let mut w = 0;
            while w < lists[l].len() {
                let stem = lists[l][w];
                let Some(h) = head(stem) else {
                    panic!("a stem is ASCII letters");
                };
                assert!(stem.len() >= 3, "a stem has three letters or more");
                // Insertion sort by head: a few dozen stems.
                let mut i = n;
                while i > 0 && stems[i - 1].0 > h {
                    stems[i] = stems[i - 1];
                    i -= 1;
                }
                stems[i] = (h, stem);
                n += 1;
                w += 1;
            }
            l += 1;
        }
        assert!(n == N, "N is the number of stems");
        Stems(stems)
    }

    /// Whether `text` starts with one of the stems, ignoring ASCII case: it then has their
    /// head.
    fn start(&self, text: &str) -> bool {
        // Stems have three letters or more: the commonest words that come here (`a`, `at`,
        // `as`) are shorter, and skip the search of the stems.
        if text.len() < 3 {
            return false;
        }
        let Some(h) = head(text) else {
            return false;
        };
        let stems = &self.0[self.0.partition_point(|&(stem, _)| stem < h)..];
        stems
            .iter()
            .take_while(|&&(stem, _)| stem == h)
            .any(|(_, stem)| starts_any(text, &[stem]))
    }
}

/// The stems of `NUMBER`'s branches: [`NUMBER_WORDS`] and [`OTHER_STEMS`].
static NUMBER_STEMS: Stems<{ NUMBER_WORDS.len() + OTHER_STEMS.len() }> =
    Stems::new(&[NUMBER_WORDS, OTHER_STEMS]);

/// The heads of every stem and of every word of [`FIRST_WORD_LISTS`], as bits indexed by
/// [`head`]: the one test that rules out most words of a text, asked of all of them, before
/// their lexicon lookup and stems. Built at compile time, so that the test is one load.
static TRIGGER_HEADS: [u64; HEADS.div_ceil(64)] = {
    let mut bits = with_heads([0; HEADS.div_ceil(64)], NUMBER_WORDS);
    bits = with_heads(bits, OTHER_STEMS);
    let mut l = 0;
    while l < FIRST_WORD_LISTS.len() {
        bits = with_heads(bits, FIRST_WORD_LISTS[l]);
        l += 1;
    }
    bits
};

/// `bits` with the bits of the heads of `words`.
const fn with_heads(
    mut bits: [u64; HEADS.div_ceil(64)],
    words: &[&str],
) -> [u64; HEADS.div_ceil(64)] {
    let mut w = 0;
    while w < words.len() {
        let Some(h) = head(words[w]) else {
            panic!("a listed word is ASCII letters");
        };
        bits[h / 64] |= 1 << (h % 64);
        w += 1;
    }
    bits
}

/// Each ASCII letter's place in the alphabet (1 to 26), case ignored, and 0 for other bytes:
/// one load for the two tests and the subtraction [`head`] makes of three bytes of every word.
static LETTERS: [u8; 256] = {
    let mut letters = [0; 256];
    let mut b = 0;
    while b < 26 {
        letters[(b'a' + b) as usize] = b + 1;
        letters[(b'A' + b) as usize] = b + 1;
        b += 1;
    }
    letters
};

/// How many values [`head`] takes.
const HEADS: usize = 27 * 27 * 27;

/// The first three bytes of `word`, or all of it when shorter, if ASCII letters, as a number
/// below [`HEADS`], case ignored (a letter is 1 to 26, a byte past the end 0). A word starts
/// with a stem of three letters or more only if their heads are equal, and is a listed word
/// only if it has its head.
const fn head(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let mut h = 0;
    let mut i = 0;
    while i < 3 {
        let letter = if i >= bytes.len() {
            0
        } else {
            match LETTERS[bytes[i] as usize] {
                0 => return None,
                letter => letter,
            }
        };
        h = h * 27 + letter as usize;
        i += 1;
    }
    Some(h)
}

/// [`head`] of a word of ASCII letters and digits that starts with a letter, as the trigger
/// asks it of every word of a text: a letter's low five bits are its place in the alphabet,
/// so no table is read. A digit after the first byte has a letter's head (its low five bits
/// are 16 to 25), where [`head`] has none: the test errs only towards [`listed_trigger`].
fn word_head(word: &[u8]) -> usize {
    let place = |b: u8| usize::from(b & 31);
    match *word {
        [a, b, c, ..] => (place(a) * 27 + place(b)) * 27 + place(c),
        [a, b] => (place(a) * 27 + place(b)) * 27,
        [a] => place(a) * 27 * 27,
        [] => 0,
    }
}

/// Whole first words of the branches of `NUMBER` other than number words: the approximators'
/// word lists, and these.
const FIRST_WORD_LISTS: [&[&str]; 3] = [COMPARATIVES, APPROX_WORDS, OTHER_FIRST_WORDS];

/// Scales, `a`, `tens`, the letters of `US$`, `C$`, `A$`, `R$`, `MX$`, and the first words of
/// the approximators of several words (`at least`, `close to`).
const OTHER_FIRST_WORDS: &[&str] = &[
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "bn",
    "bns",
    "m",
    "ms",
    "tens",
    "a",
    "an",
    "us",
    "c",
    "r",
    "mx",
    "at",
    "up",
    "as",
    "just",
    "close",
];

/// How the word after `a` or `an` and a space starts in a number (`a dozen`, `a third`,
/// `an estimated`, `a hundred`, `a `[`NUMBER_WORDS`]` million`), besides [`NUMBER_WORDS`]
/// and [`SHORT_AFTER_ARTICLE`].
const AFTER_ARTICLE: &[&str] = &[
    "dozen",
    "third",
    "quarter",
    "estimated",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
];

/// The scales that may follow an article, like those of [`AFTER_ARTICLE`], but too short for
/// a [`head`] of their own. Only as a whole word ([`SCALE_WORD`]): as stems they let through
/// every word in `m` (`a more`, `a major`), where the whole pattern costs thousands of
/// instructions to fail.
const SHORT_AFTER_ARTICLE: &[&str] = &["bn", "m"];

/// [`NUMBER_WORDS`] and [`AFTER_ARTICLE`] by head: `a` is the commonest trigger, and comparing
/// the word after each with all of them cost more than the rest of its test.
static ARTICLE_STEMS: Stems<{ NUMBER_WORDS.len() + AFTER_ARTICLE.len() }> =
    Stems::new(&[NUMBER_WORDS, AFTER_ARTICLE]);

/// Whether `NUMBER` may match at `word`, `a` or `an` ending at byte `end`: `a` is the
/// commonest trigger, and the whole pattern costs thousands of instructions to fail there.
/// Only a word after a space can rule it out (`A$5` goes on without one).
fn article_may_count(text: &str, end: usize) -> bool {
    let rest = &text.as_bytes()[end..];
    let space = rest.iter().take_while(|&&b| scan::is_space_byte(b)).count();
    let next = &text[end + space..];
    space == 0
        || ARTICLE_STEMS.start(next)
        || starts_any(next, SHORT_AFTER_ARTICLE)
            && pattern::find(&SCALE_WORD, text, end + space).is_some()
}

/// Whether `NUMBER` may match at `start`, after an approximator (`as`, `at`, `over`, `about`
/// start no [`AMOUNT`]): these are common words, and mostly followed by no amount (`as the`,
/// `about the`), where the whole pattern costs thousands of instructions to fail.
///
/// `class` is the word's in [`LEXICON`]. `APPROX_LEAD` is tried as its sequence, with only
/// the branches of `APPROX` that the word may start: the others would fail on it, and trying
/// all ten cost more than the rest of the test. Any end will do, so their order is no matter.
fn approximated(text: &str, start: usize, class: u32) -> bool {
    let P::Seq([b, P::Alt(branches), space]) = &APPROX_LEAD else {
        unreachable!("APPROX_LEAD is a \\b, APPROX and a space");
    };
    pattern::any_end(b, text, start, |start| {
        branches.iter().enumerate().any(|(i, branch)| {
            class & APPROX_BRANCH << i != 0
                && pattern::any_end(branch, text, start, |end| {
                    pattern::any_end(space, text, end, |end| amount_may_start(text, end))
                })
        })
    })
}

/// Whether [`AMOUNT`] may match at `at`, by its first word.
fn amount_may_start(text: &str, at: usize) -> bool {
    if at == text.len() || !scan::is_word_start(text, at) {
        // `$5`, `€5`: rare after an approximator, and left to the pattern.
        return true;
    }
    let word = At::new(text, at).word();
    word.starts_with(|c: char| c.is_ascii_digit())
        || LEXICON.class(word.as_bytes()) & AMOUNT_HEAD != 0
        || number_stem(word)
}

/// Whether `word` starts with a number word or another stem of `NUMBER`.
fn number_stem(word: &str) -> bool {
    NUMBER_STEMS.start(word)
}

/// The pattern to try at the word `at`, if `NUMBER` may match there: at digits, the one
/// branch that can (the others cost a few thousand instructions to fail), and `AMOUNT` where
/// no approximator can start.
fn number_trigger(text: &str, at: &At) -> Option<&'static P> {
    let word = at.bytes();
    if word[0].is_ascii_digit() {
        return Some(&DIGITS_AMOUNT);
    }
    let h = word_head(word);
    if TRIGGER_HEADS[h / 64] & 1 << (h % 64) != 0 {
        listed_trigger(text, at)
    } else {
        None
    }
}

/// [`number_trigger`] without its test of the word's head.
fn listed_trigger(text: &str, at: &At) -> Option<&'static P> {
    let word = at.word();
    let article = word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an");
    let class = LEXICON.class(word.as_bytes());
    let trigger = word.starts_with(|c: char| c.is_ascii_digit())
        || class & FIRST_WORD != 0
            && if article {
                article_may_count(text, at.start + word.len())
            } else {
                class & AMOUNT_HEAD != 0 || approximated(text, at.start, class)
            }
        || number_stem(word);
    // Without an approximator `NUMBER` is `AMOUNT`, and skips trying them all.
    trigger.then_some(if class & APPROX_HEAD != 0 {
        &NUMBER
    } else {
        &AMOUNT
    })
}

/// Every place `NUMBER` can match, in order, with the expression to try there. A run of word
/// bytes is taken whole: only its first byte can start a word, and the others only a
/// currency stem (`amateur 3` has `eur 3`).
fn candidates(text: &str, runs: impl Iterator<Item = scan::Run>) -> Vec<(usize, &'static P)> {
    let mut scan = Scan::new(text);
    for run in runs {
        scan.push(run);
    }
    scan.candidates()
}

/// The number scan fed one run of word bytes at a time, so that one pass over the runs of a
/// text feeds the date and the number scans together (see [`super::find`]): [`candidates`]
/// as it goes, then [`Scan::finish`] tries them.
pub(super) struct Scan<'t> {
    text: &'t str,
    candidates: Vec<(usize, &'static P)>,
    /// Where the run before ended: a currency symbol can start between two runs.
    after: usize,
}

impl<'t> Scan<'t> {
    /// Nothing scanned yet.
    pub(super) fn new(text: &'t str) -> Scan<'t> {
        Scan {
            text,
            candidates: Vec::new(),
            after: 0,
        }
    }

    /// The candidates up to the end of `run`, the next run of the text.
    #[inline]
    pub(super) fn push(&mut self, run: scan::Run) {
        let text = self.text;
        let out = &mut self.candidates;
        push_symbols(out, text, self.after, run.start);
        let mut inside = run.start;
        if run.word_end > run.start {
            if let Some(pattern) = number_trigger(text, &At::of_run(text, run)) {
                out.push((run.start, pattern));
            }
            inside += 1;
        }
        if currency_may_follow(text.as_bytes(), run) {
            for j in inside..run.end {
                if currency_stem_at(text, j) {
                    out.push((j, &CURRENCY_NUMBER));
                }
            }
        }
        self.after = run.end;
    }

    /// Every candidate, with those after the last run.
    fn candidates(mut self) -> Vec<(usize, &'static P)> {
        let text = self.text;
        push_symbols(&mut self.candidates, text, self.after, text.len());
        self.candidates
    }

    /// The number mentions of `doc`, whose text every run was pushed from.
    pub(super) fn finish(self, doc: &Document) -> Vec<Mention> {
        debug_assert!(
            std::ptr::eq(self.text, doc.text),
            "the runs are the document's"
        );
        mentions(doc, self.candidates())
    }
}

/// Adds [`NUMBER`] where a currency symbol starts in `text[from..to]`, bytes outside words.
/// A symbol (`€` and `£`, `¥` start with these bytes) is not a word character, so the `\b`
/// branches fail there as they do in the whole text.
#[inline(always)]
fn push_symbols(out: &mut Vec<(usize, &'static P)>, text: &str, from: usize, to: usize) {
    // A walk over the slice, not a range of indexes each tested with `get`: the scan asks
    // this of every byte between words, and it costs 8 instructions a byte instead of 13.
    for (k, &b) in text.as_bytes()[from..to].iter().enumerate() {
        if matches!(b, b'$' | 0xC2 | 0xE2) && text[from + k..].starts_with(['$', '€', '£', '¥'])
        {
            out.push((from + k, &NUMBER));
        }
    }
}

/// Whether [`CURRENCY_NUMBER`] may match at a currency stem inside `run`: its digits come
/// right after the stem's letters (`xusd5`), or after the run (`amateur 3`, `xmx$5`). Most runs
/// have no digit past their first four bytes and end before a letter or a plain space, so
/// this rules them out, where testing every byte inside them for a stem cost more than any
/// other part of the number scan.
fn currency_may_follow(bytes: &[u8], run: scan::Run) -> bool {
    // The `$` of `us$`, or one or two `\s` (`\s?` in the pattern and after `usd` in
    // `CURRENCY`) then a digit: the run's end is never a digit. Tested byte by byte: nearly
    // every run ends before one space and a letter.
    let after = &bytes[run.end..];
    let space = |k: usize| after.get(k).is_some_and(|&b| scan::is_space_byte(b));
    let digit = |k: usize| after.get(k).is_some_and(u8::is_ascii_digit);
    after.first() == Some(&b'$')
        || space(0) && (digit(1) || space(1) && digit(2))
        // Glued digits follow the three letters of `usd` or `eur`, which start after the
        // run's first byte (its word, or `_`).
        || bytes[(run.start + 4).min(run.end)..run.end]
            .iter()
            .any(u8::is_ascii_digit)
}

/// Whether a currency stem starts at byte `at`, inside a word. Most bytes inside words start
/// no stem: their first two bytes rule them out before the stems.
fn currency_stem_at(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.get(at + 1).is_some_and(|&second| {
        CURRENCY_PAIRS[usize::from(bytes[at])] >> (second & 63) & 1 != 0
            && starts_any(&text[at..], CURRENCY_STEMS)
    })
}

/// Words after which `one` is a pronoun or part of a quantifier, not a count.
const NOT_BEFORE_ONE: &[&str] = &[
    "every", "no", "any", "each", "the", "this", "that", "which", "someone", "anyone", "no-one",
    "another", "last", "only",
];

/// Nouns counted as people: the unit is then `people`.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "migrants",
    "troops",
    "soldiers",
    "residents",
    "civilians",
    "workers",
    "children",
    "adults",
    "women",
    "men",
    "students",
    "voters",
    "patients",
    "refugees",
    "immigrants",
    "deaths",
    "dead",
    "victims",
    "officers",
    "members",
    "employees",
    "agents",
    "protesters",
    "prisoners",
    "detainees",
    "passengers",
];

/// Finds number mentions.
pub fn find(doc: &Document) -> Vec<Mention> {
    mentions(doc, candidates(doc.text, scan::runs(doc.text)))
}

/// The number mentions that `NUMBER` and its kin find at `candidates` (see [`candidates`]).
fn mentions(doc: &Document, candidates: Vec<(usize, &'static P)>) -> Vec<Mention> {
    let text = doc.text;
    let mut out = Vec::new();
    for found in scan::matches(text, candidates) {
        let (start, end) = (found.start, found.end);
        let span = &text[start..end];
        let lower = crate::text::lower(span);
        let before = &text[..start];
        let after = &text[end..];
        // Digits glued to letters or other digits belong to a name or code (`F-35`, `A4`).
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '.' || c == '/')
            || after.starts_with(|c: char| c.is_alphanumeric() && !lower.ends_with('%'))
            || after.starts_with('-')
                && after[1..].starts_with(|c: char| c.is_alphabetic())
                && !lower.chars().next().is_some_and(|c| c.is_alphabetic())
        {
            continue;
        }
        let next_word = crate::text::lower(
            after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .next()
                .unwrap_or(""),
        );
        if lower == "one" {
            // `a new one;`: a pronoun ends its phrase, a count is followed by what it counts.
            let ends_phrase = !after.trim_start().starts_with(char::is_alphabetic);
            let prev_word = crate::text::lower(
                before
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                    .next()
                    .unwrap_or(""),
            );
            if ends_phrase
                || NOT_BEFORE_ONE.contains(&&*prev_word)
                || matches!(
                    &*next_word,
                    "another"
                        | "can"
                        | "could"
                        | "would"
                        | "should"
                        | "must"
                        | "may"
                        | "might"
                        | "who"
                        | "that"
                        | "which"
                        | "thing"
                        | "day"
                        | "time"
                        | "way"
                        | "side"
                        | "hand"
                        | "point"
                        | "’s"
                        | "'s"
                )
            {
                continue;
            }
        }
        // A bare `m` or `bn` scale needs digits before it, and `some`/`over`/`under` alone
        // (without a number after) are not numbers: the regex cannot require both.
        if !lower.chars().any(|c| c.is_ascii_digit())
            && !lower
                .split(|c: char| !c.is_alphabetic())
                .any(|w| is_number_word(w) && !matches!(w, "m" | "bn"))
        {
            continue;
        }
        // `half` and `a third` alone are too often not a count (`half-hearted`, `the third`).
        if matches!(&*lower, "half" | "a third" | "a quarter") {
            continue;
        }
        let mut mention = Mention::new(start, end, EntityType::Number, "entities.number");
        let (value, unit) = parse(span, &next_word);
        if value.is_some() || unit.is_some() {
            let details = mention.details_mut();
            details.value = value;
            details.unit = unit;
        }
        out.push(mention);
    }
    out
}

fn is_number_word(w: &str) -> bool {
    let w = w.trim_end_matches('s');
    number_word_value(w).is_some()
        || SCALES.iter().any(|(s, _)| *s == w)
        || matches!(
            w,
            "dozen"
                | "half"
                | "third"
                | "quarter"
                | "two-third"
                | "three-quarter"
                | "twice"
                | "thrice"
        )
}

/// The value and unit of a number expression; `next_word` is the word after it.
pub fn parse(span: &str, next_word: &str) -> (Option<EntityValue>, Option<&'static str>) {
    let lower = crate::text::lower(span);
    let mut unit = None;
    if lower.contains('%')
        || scan::contains(&lower, "percent")
        || scan::contains(&lower, "per cent")
    {
        unit = Some("percent");
    } else if lower.contains('$') || scan::contains(&lower, "usd") {
        unit = Some(
            if lower.starts_with("us$")
                || lower.starts_with('$')
                || scan::contains(&lower, " $")
                || scan::contains(&lower, "usd")
            {
                "USD"
            } else if scan::contains(&lower, "c$") {
                "CAD"
            } else if scan::contains(&lower, "a$") {
                "AUD"
            } else if scan::contains(&lower, "r$") {
                "BRL"
            } else {
                "MXN"
            },
        );
    } else if lower.contains('€') || scan::contains(&lower, "eur") {
        unit = Some("EUR");
    } else if lower.contains('£') {
        unit = Some("GBP");
    } else if scan::contains(&lower, "twice") || scan::contains(&lower, "thrice") {
        unit = Some("times");
    } else if PEOPLE.contains(&next_word) {
        unit = Some("people");
    }
    (number_value(&lower).and_then(finite), unit)
}

/// A whole number as an integer (`6072`, not `6072.0`), as far as an `f64` holds one exactly.
fn finite(f: f64) -> Option<EntityValue> {
    f.is_finite().then(|| {
        if f.fract() == 0.0 && f.abs() < 9e15 {
            EntityValue::Integer(f as i64)
        } else {
            EntityValue::Real(f)
        }
    })
}

/// The numeric value of a lower-cased expression, ignoring its approximator; `None` for
/// vague plurals (`hundreds`, `dozens`).
fn number_value(lower: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    // Each word's digits and dots, written over the last word's: a `String` a word was an
    // allocation for every word with a digit.
    let mut numeric = String::new();
    for word in lower.split(|c: char| c.is_whitespace() || c == '-') {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ',');
        numeric.clear();
        numeric.extend(w.chars().filter(|c| c.is_ascii_digit() || *c == '.'));
        // `£3bn`, `$1.5m`: a scale glued to the digits.
        let glued = if w.ends_with("bn") {
            1e9
        } else if w.ends_with('m')
            && w.trim_end_matches('m')
                .ends_with(|c: char| c.is_ascii_digit())
        {
            1e6
        } else {
            1.0
        };
        if w.starts_with(|c: char| c.is_ascii_digit()) || !numeric.is_empty() && w.contains('$') {
            let digits = numeric.trim_end_matches('.');
            current = Some(current.unwrap_or(0.0) + digits.parse::<f64>().ok()? * glued);
            continue;
        }
        if let Some(v) = number_word_value(w) {
            current = Some(current.unwrap_or(0.0) + v as f64);
        } else if let Some((_, s)) = SCALES.iter().find(|(s, _)| *s == w) {
            let c = current.unwrap_or(1.0);
            if *s >= 1e3 {
                total += c * s;
                current = None;
            } else {
                current = Some(c * s);
            }
        } else if w == "m" {
            current = current.map(|c| c * 1e6);
        } else if w == "bn" {
            current = current.map(|c| c * 1e9);
        } else if matches!(w, "twice") {
            current = Some(2.0);
        } else if w == "thrice" {
            current = Some(3.0);
        } else if w == "half" {
            current = Some(0.5);
        } else if w == "third" {
            current = Some(1.0 / 3.0);
        } else if w == "thirds" {
            current = Some(current.unwrap_or(1.0) / 3.0);
        } else if w == "quarter" || w == "quarters" {
            current = Some(current.unwrap_or(1.0) / 4.0);
        } else if w == "tens"
            || w.ends_with('s')
                && (w.starts_with("hundred")
                    || w.starts_with("thousand")
                    || w.starts_with("million")
                    || w.starts_with("billion")
                    || w.starts_with("dozen"))
        {
            return None;
        } else if w == "dozen" {
            current = Some(current.unwrap_or(1.0) * 12.0);
        }
    }
    let value = total + current.unwrap_or(0.0);
    (total > 0.0 || current.is_some()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::EntityValue::{Integer, Real};
    use crate::test_inputs::Rng;

    /// `push_symbols` finds the places where the text goes on with a currency symbol: the
    /// plain test at every byte of the range.
    #[test]
    fn symbols_are_where_a_currency_symbol_starts() {
        let pieces = ["$", "€", "£", "¥", "¢", "â", "Â", "…", "a", " ", "5", "日"];
        let mut rng = Rng::new(37);
        let mut found = 0;
        for _ in 0..5_000 {
            let text = rng.text(&pieces, 8);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let from = bounds[rng.below(bounds.len())];
            let to = bounds[rng.below(bounds.len())].max(from);
            let slow: Vec<usize> = (from..to)
                .filter(|&i| {
                    text.get(i..)
                        .is_some_and(|rest| rest.starts_with(['$', '€', '£', '¥']))
                })
                .collect();
            let mut fast = Vec::new();
            push_symbols(&mut fast, &text, from, to);
            let fast: Vec<usize> = fast.into_iter().map(|(i, _)| i).collect();
            assert_eq!(fast, slow, "{text:?} {from}..{to}");
            found += fast.len();
        }
        assert!(found > 1_000, "{found}");
    }

    /// Each word's digits are read on their own, though one buffer holds every word's in turn:
    /// the values of expressions with several numeric words, against sums worked out by hand.
    #[test]
    fn each_words_digits_are_its_own() {
        let table = [
            ("12 3", Some(15.0)),
            ("1.5 2.", Some(3.5)),
            ("$1.5m 2", Some(1_500_002.0)),
            ("3.25 1-7", Some(11.25)),
            ("£3bn and 40", Some(3_000_000_040.0)),
            ("6,072 8", Some(6_080.0)),
            ("1.2.3 4", None),
            ("12 hundreds", None),
            ("two 5", Some(7.0)),
        ];
        for (lower, value) in table {
            assert_eq!(number_value(lower), value, "{lower:?}");
        }
    }

    /// The first words `number_trigger` skips (articles, approximators) are places `NUMBER`
    /// does not match.
    #[test]
    fn skipped_first_words_start_no_number() {
        let words = [
            "a",
            "A",
            "an",
            "AN",
            "a$",
            "A$5",
            "dozen",
            "Third",
            "quarter",
            "estimated",
            "hundred",
            "millions",
            "m",
            "ms",
            "M5",
            "mx",
            "bn",
            "BNS",
            "bnx",
            "seventeen",
            "twenty-five",
            "one",
            "half",
            "5",
            "US$",
            "the",
            "new",
            "at",
            "least",
            "most",
            "as",
            "many",
            "few",
            "more",
            "than",
            "up",
            "to",
            "about",
            "over",
            "just",
            "some",
            "close",
            "under",
            "approximately",
            "tens",
            "of",
            "thousands",
            "two-thirds",
            "twice",
            "$",
            "€",
            "£5",
            "eur",
            "usd",
            "us",
            "mx$",
            "c",
            "1,000",
            ",",
            "s",
            "-",
            "%",
            "\n",
            "\t",
            " ",
            "  ",
            "\u{b}",
        ];
        let mut rng = Rng::new(3);
        let (mut skipped, mut approximated) = (0, 0);
        for _ in 0..50_000 {
            // Words mostly one space apart, as approximators need: `as many as 5`.
            let text: String = (0..rng.below(7))
                .map(|_| {
                    let space = if rng.below(2) == 0 { " " } else { "" };
                    format!("{}{space}", rng.pick(&words))
                })
                .collect();
            for start in (0..text.len()).filter(|&i| scan::is_word_start(&text, i)) {
                let at = At::new(&text, start);
                if LEXICON.class(at.bytes()) & FIRST_WORD == 0 {
                    continue;
                }
                let found = pattern::find(&NUMBER, &text, start);
                if number_trigger(&text, &at).is_none() {
                    skipped += 1;
                    assert_eq!(found, None, "{text:?} at {start}");
                } else if found.is_some() && LEXICON.class(at.bytes()) & AMOUNT_HEAD == 0 {
                    approximated += 1;
                }
            }
        }
        // Both sides of the filter are exercised: skipped starts and numbers led by an
        // approximator.
        assert!(skipped > 10_000, "{skipped}");
        assert!(approximated > 100, "{approximated}");
    }

    /// `approximated`, trying only the branches of `APPROX` that the word's class names, says
    /// what the whole of `APPROX_LEAD` does.
    #[test]
    fn approximated_is_the_whole_lead() {
        let mut words: Vec<&str> = "at AT least most as many Much few more Fewer less greater \
             higher lower than up to about Around nearly almost roughly approximately some over \
             under just an estimated close a the five 5 hundred dozen US$ $5 -"
            .split_whitespace()
            .collect();
        words.extend(["\n", "  "]);
        let mut rng = Rng::new(5);
        let (mut tried, mut found) = (0, 0);
        for _ in 0..50_000 {
            let text: String = (0..rng.below(6))
                .map(|_| {
                    let space = if rng.below(4) == 0 { "" } else { " " };
                    format!("{}{space}", rng.pick(&words))
                })
                .collect();
            for start in (0..text.len()).filter(|&i| scan::is_word_start(&text, i)) {
                let class = LEXICON.class(At::new(&text, start).bytes());
                let whole =
                    pattern::any_end(&APPROX_LEAD, &text, start, |e| amount_may_start(&text, e));
                assert_eq!(
                    approximated(&text, start, class),
                    whole,
                    "{text:?} at {start}"
                );
                tried += 1;
                found += usize::from(whole);
            }
        }
        assert!(
            found > 5_000 && tried - found > 50_000,
            "{found} of {tried}"
        );
    }

    /// The table holds each letter's place in the alphabet, whatever its case, and nothing
    /// for other bytes.
    #[test]
    fn letters_are_places_in_the_alphabet() {
        for b in 0..=255u8 {
            let place = b
                .is_ascii_alphabetic()
                .then(|| b.to_ascii_lowercase() - b'a' + 1);
            assert_eq!(LETTERS[usize::from(b)], place.unwrap_or(0), "{b:#x}");
        }
    }

    /// `word_head` is `head` for words of letters, in any case and of any length, and a
    /// head all the same for words with digits after their first letter.
    #[test]
    fn word_heads_are_heads() {
        let pieces = ["a", "Z", "m", "Se", "ven", "x", "Q", "0", "9", "5"];
        let mut rng = Rng::new(17);
        for _ in 0..20_000 {
            let word = format!(
                "{}{}",
                rng.pick(&["a", "z", "M", "T"]),
                rng.text(&pieces, 4)
            );
            let fast = word_head(word.as_bytes());
            assert!(fast < HEADS, "{word:?}");
            if let Some(h) = head(&word) {
                assert_eq!(fast, h, "{word:?}");
            }
        }
    }

    /// The head test passes every word that starts with a stem.
    #[test]
    fn stem_heads_keep_every_stem() {
        for stem in NUMBER_WORDS.iter().chain(OTHER_STEMS) {
            for word in [stem.to_string(), stem.to_uppercase(), format!("{stem}s")] {
                assert!(number_stem(&word), "{word}");
            }
        }
        for word in ["the", "s3ven", "se", "", "seve", "hal", "Zer0"] {
            assert!(!number_stem(word), "{word}");
        }
    }

    /// Words made of the stems' and listed words' pieces, in any case, glued to others.
    fn random_texts(seed: u64, count: usize) -> Vec<String> {
        let pieces = [
            "a",
            "An",
            "at",
            "as",
            "up",
            "US",
            "us$",
            "C$",
            "mx$",
            "R",
            "usd",
            "EUR",
            "amateur",
            "seven",
            "Seventeen",
            "tw",
            "thr",
            "thirty",
            "forty",
            "four",
            "for",
            "dozen",
            "half",
            "Hundreds",
            "million",
            "bn",
            "m",
            "tens",
            "of",
            "more",
            "than",
            "about",
            "the",
            "just",
            "close",
            "to",
            "least",
            "many",
            "x",
            "5",
            "1,000",
            "_",
            "-",
            " ",
            "  ",
            "\n",
            "$",
            "€",
            "£",
            "¥",
            "é",
            "%",
            ".",
        ];
        let mut rng = Rng::new(seed);
        (0..count).map(|_| rng.text(&pieces, 8)).collect()
    }

    /// `number_stem` compares a word only with the stems of its head: it is `starts_any`
    /// over all of them.
    #[test]
    fn number_stems_are_the_words_starting_with_a_stem() {
        for text in random_texts(5, 20_000) {
            let slow = starts_any(&text, NUMBER_WORDS) || starts_any(&text, OTHER_STEMS);
            assert_eq!(number_stem(&text), slow, "{text:?}");
        }
    }

    /// The word after an article is compared only with the stems of its head: the test is
    /// `starts_any` over all of them.
    #[test]
    fn article_stems_are_the_texts_starting_with_a_stem() {
        let lists = [NUMBER_WORDS, AFTER_ARTICLE, SHORT_AFTER_ARTICLE];
        let mut texts = random_texts(13, 20_000);
        for stem in lists.iter().flat_map(|list| list.iter()) {
            let short = &stem[..stem.len() - 1];
            texts.extend([stem.to_uppercase(), format!("{stem} x"), short.to_string()]);
        }
        for text in texts {
            let slow = lists.iter().any(|stems| starts_any(&text, stems));
            let fast = ARTICLE_STEMS.start(&text) || starts_any(&text, SHORT_AFTER_ARTICLE);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    /// The head test drops only words the full trigger drops, and `candidates` finds the
    /// starts of its definition: every word start the trigger passes, every currency stem
    /// inside a word, every currency symbol; or at least those where the pattern matches,
    /// as a start where nothing matches changes nothing.
    #[test]
    fn candidates_are_the_starts_of_their_definition() {
        let mut seeds = crate::test_inputs::seeds();
        seeds.extend(random_texts(9, 20_000));
        for text in &seeds {
            let mut slow = Vec::new();
            for (i, &b) in text.as_bytes().iter().enumerate() {
                if scan::is_word_start(text, i) {
                    let at = At::new(text, i);
                    let digit = at.word().starts_with(|c: char| c.is_ascii_digit());
                    let trigger = digit || listed_trigger(text, &at).is_some();
                    let fast = number_trigger(text, &at).is_some();
                    assert_eq!(fast, trigger, "{text:?} at {i}");
                    if trigger {
                        slow.push((i, &NUMBER));
                    }
                } else if scan::is_word_byte(b) && starts_any(&text[i..], CURRENCY_STEMS) {
                    slow.push((i, &CURRENCY_NUMBER));
                } else if text
                    .get(i..)
                    .is_some_and(|t| t.starts_with(['$', '€', '£', '¥']))
                {
                    slow.push((i, &NUMBER));
                }
            }
            // Where, and what the pattern tried there finds (at digits one branch of `NUMBER`
            // stands for it, and `AMOUNT` where no approximator starts; and the consts may not
            // be one address each). `candidates` skips most stems inside words that start no
            // match.
            let found = |starts: Vec<(usize, &P)>| -> Vec<_> {
                starts
                    .into_iter()
                    .filter_map(|(i, p)| Some((i, pattern::find(p, text, i)?)))
                    .collect()
            };
            assert_eq!(
                found(candidates(text, scan::runs(text))),
                found(slow),
                "{text:?}"
            );
        }
    }

    fn numbers(text: &str) -> Vec<(&str, Option<EntityValue>, Option<String>)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|m| {
                let (value, unit) = (m.value().cloned(), m.unit().map(str::to_string));
                (&text[m.start..m.end], value, unit)
            })
            .collect()
    }

    #[test]
    fn number_words_take_their_value_from_their_place() {
        let table = [
            ("zero", Some(0)),
            ("nine", Some(9)),
            ("nineteen", Some(19)),
            ("twenty", Some(20)),
            ("fifty", Some(50)),
            ("ninety", Some(90)),
            ("hundred", None),
        ];
        for (word, value) in table {
            assert_eq!(number_word_value(word), value, "{word}");
        }
    }

    #[test]
    fn digits_percent_and_money() {
        assert_eq!(
            numbers(
                "6,072 migrants, a 50% drop, around 75%, 75 percent, $1.2 billion and US$ 20,000."
            ),
            vec![
                ("6,072", Some(Integer(6072)), Some("people".into())),
                ("50%", Some(Integer(50)), Some("percent".into())),
                ("around 75%", Some(Integer(75)), Some("percent".into())),
                ("75 percent", Some(Integer(75)), Some("percent".into())),
                (
                    "$1.2 billion",
                    Some(Integer(1_200_000_000)),
                    Some("USD".into())
                ),
                ("US$ 20,000", Some(Integer(20000)), Some("USD".into())),
            ]
        );
    }

    #[test]
    fn words_and_approximators() {
        assert_eq!(
            numbers(
                "eight cartels, hundreds of troops, more than half, at least twice, twenty-five"
            ),
            vec![
                ("eight", Some(Integer(8)), None),
                ("hundreds", None, None),
                ("more than half", Some(Real(0.5)), None),
                ("at least twice", Some(Integer(2)), Some("times".into())),
                ("twenty-five", Some(Integer(25)), None),
            ]
        );
    }

    #[test]
    fn pronoun_one_and_codes_are_not_numbers() {
        assert_eq!(
            numbers("every one of them, no one knows, an F-35 and COVID-19"),
            vec![]
        );
        assert_eq!(
            numbers("In one of the calls"),
            vec![("one", Some(Integer(1)), None)]
        );
    }
}
