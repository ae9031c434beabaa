//! Patterns written as Rust data and matched by backtracking: the date and number expressions
//! are small, anchored where a trigger word says they can start, and die within a few bytes
//! when they fail, so nothing is worth compiling. A pattern costs nothing to set up (it is a
//! `const`) and nothing to ship beyond these lines, where a regex engine cost 14 KB of the
//! page's download (gzipped), some 6 M instructions to compile our expressions on first use,
//! and a PikeVM's bookkeeping on every byte it looked at.
//!
//! The semantics are a regular expression's, leftmost-first: alternatives are tried in order,
//! repetitions are greedy, and the first way the whole pattern matches wins. Classes are
//! ASCII (`\b`, `\d`, `\s`), and so is case folding ([`P::LitI`], [`P::AnyI`]).
//!
//! ```
//! use newslens::entities::pattern::{any, find, P};
//!
//! // `\b\d{1,2}(?:st|nd|rd|th)?\b`
//! const DAY: P = P::Seq(&[P::B, P::Digits(1, 2), P::Opt(&any(&["st", "nd", "rd", "th"])), P::B]);
//! assert_eq!(find(&DAY, "the 21st", 4).map(|m| m.end), Some(8));
//! assert_eq!(find(&DAY, "the 21stly", 4), None);
//! ```

use super::scan::is_word_byte;

/// A pattern.
#[derive(Debug)]
pub enum P {
    /// This text, exactly.
    Lit(&'static str),
    /// This text, ASCII case ignored.
    LitI(&'static str),
    /// The first of these texts that lets the rest match, exactly: made by [`any`], which
    /// adds their first bytes.
    Any(&'static [&'static str], Firsts),
    /// [`P::Any`] with ASCII case ignored: made by [`any_i`].
    AnyI(&'static [&'static str], Firsts),
    /// Each in turn.
    Seq(&'static [P]),
    /// The first alternative that lets the rest match.
    Alt(&'static [P]),
    /// Greedy `?`.
    Opt(&'static P),
    /// Greedy `+` over a pattern that matches at most one way at a place (`,\d{3}`), so the
    /// repetition is a loop rather than a recursion as deep as the input is long.
    Plus(&'static P),
    /// `\d{min,max}`, greedy.
    Digits(usize, usize),
    /// `\s+`.
    Space,
    /// `\s*`.
    SpaceAny,
    /// `\s?`.
    SpaceOpt,
    /// `\b`.
    B,
    /// Capture group `n` (1 to [`GROUPS`]).
    Group(usize, &'static P),
}

/// [`P::Any`] of `list`.
pub const fn any(list: &'static [&'static str]) -> P {
    P::Any(list, Firsts::of(list))
}

/// [`P::AnyI`] of `list`.
pub const fn any_i(list: &'static [&'static str]) -> P {
    P::AnyI(list, Firsts::of(list))
}

/// The first bytes of a word list's texts, as bits by their low five bits (a letter's in
/// either case): one test rules out a list at most places, where its texts were compared one
/// by one. Bytes that share their low five bits share a bit, which only lets more places
/// through to the texts. Asked where a list is walked only: in [`literal`] too, to rule out
/// the alternatives that open with a list, it saved 3 K instructions an article for 271 bytes
/// of the compare page's module (gzipped), which is near its ceiling.
#[derive(Clone, Copy, Debug)]
pub struct Firsts(u32);

impl Firsts {
    /// The first bytes of `list`; all of them if it holds the empty text.
    const fn of(list: &[&str]) -> Firsts {
        let mut bits = 0;
        let mut i = 0;
        while i < list.len() {
            bits |= match list[i].as_bytes() {
                [first, ..] => 1 << (*first & 31),
                [] => u32::MAX,
            };
            i += 1;
        }
        Firsts(bits)
    }

    /// Whether a text of the list may start at `at`: past the end, only the empty text.
    #[inline(always)]
    fn may_start(self, t: &[u8], at: usize) -> bool {
        t.get(at)
            .map_or(self.0 == u32::MAX, |&b| self.0 >> (b & 31) & 1 != 0)
    }
}

/// How many groups a pattern may capture.
pub const GROUPS: usize = 3;

/// A match: where it ends and where its groups matched, as byte offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
    groups: [Option<(usize, usize)>; GROUPS],
}

impl Match {
    /// Where group `n` matched, if it took part in the match.
    pub fn group(&self, n: usize) -> Option<(usize, usize)> {
        self.groups[n - 1]
    }

    /// The text of group `n`.
    pub fn group_str<'t>(&self, text: &'t str, n: usize) -> Option<&'t str> {
        self.group(n).map(|(s, e)| &text[s..e])
    }
}

/// The match of `pattern` starting exactly at byte `at` of `text`, if any. `\b` looks at the
/// bytes around `at` in the whole text.
pub fn find(pattern: &P, text: &str, at: usize) -> Option<Match> {
    let mut groups = [None; GROUPS];
    let mut end = None;
    let t = text.as_bytes();
    walk(pattern, t, at, &mut groups, &mut |e, _| {
        end = Some(e);
        true
    });
    Some(Match {
        start: at,
        end: end?,
        groups,
    })
}

/// Whether some match of `pattern` at byte `at` ends where `accept` says: the ends are offered
/// in order of preference, as [`find`] tries them. A caller that knows what must follow can
/// ask this of a pattern's lead instead of running the whole pattern.
pub fn any_end(pattern: &P, text: &str, at: usize, mut accept: impl FnMut(usize) -> bool) -> bool {
    let mut groups = [None; GROUPS];
    walk(pattern, text.as_bytes(), at, &mut groups, &mut |e, _| {
        accept(e)
    })
}

/// Whether `pattern` may match, at its start, some text that starts with `head`: `false`
/// means [`find`] finds nothing at a word `head`, whatever follows it. Literals (case
/// ignored) and `\b` are followed as far as `head` goes; past its end anything may follow,
/// and a repetition, an alternative or a nested sequence that can start is taken to match,
/// so this errs only towards `true`. Asked once for each of a list of words, it says which
/// of them can start a pattern without trying it where they occur.
pub fn may_start(pattern: &P, head: &str) -> bool {
    may_seq(std::slice::from_ref(pattern), head.as_bytes(), 0)
}

/// [`may_start`] for `Seq(items)` at `at` in `head`.
fn may_seq(items: &[P], head: &[u8], at: usize) -> bool {
    let Some((first, rest)) = items.split_first() else {
        return true;
    };
    if at >= head.len() {
        return true;
    }
    let lit = |s: &str| {
        let have = &head[at..];
        let n = s.len().min(have.len());
        have[..n].eq_ignore_ascii_case(&s.as_bytes()[..n]) && may_seq(rest, head, at + s.len())
    };
    let one = |p: &P| may_seq(std::slice::from_ref(p), head, at);
    match first {
        P::Lit(s) | P::LitI(s) => lit(s),
        P::Any(list, _) | P::AnyI(list, _) => list.iter().any(|s| lit(s)),
        P::B => {
            let before = at > 0 && is_word_byte(head[at - 1]);
            before != is_word_byte(head[at]) && may_seq(rest, head, at)
        }
        // Either the inner pattern matches, and then anything may follow, or the rest
        // matches here.
        P::Opt(inner) => one(inner) || may_seq(rest, head, at),
        P::Seq(inner) => may_seq(inner, head, at),
        P::Alt(alternatives) => alternatives.iter().any(one),
        P::Plus(inner) | P::Group(_, inner) => one(inner),
        P::Digits(min, _) => *min == 0 || head[at].is_ascii_digit(),
        P::Space => is_space(head[at]),
        P::SpaceAny | P::SpaceOpt => true,
    }
}

type Groups = [Option<(usize, usize)>; GROUPS];
type Next<'k> = &'k mut dyn FnMut(usize, &mut Groups) -> bool;

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether `lit` is at `at`. Inlined with its first byte tested first: a word list's
/// alternatives are tried one by one, and nearly all of them fail on that byte.
#[inline(always)]
fn starts_with(t: &[u8], at: usize, lit: &str, ignore_case: bool) -> bool {
    if let (Some(&want), Some(&have)) = (lit.as_bytes().first(), t.get(at)) {
        if want != have && !(ignore_case && want.eq_ignore_ascii_case(&have)) {
            return false;
        }
    }
    t.get(at..at + lit.len()).is_some_and(|s| {
        if ignore_case {
            s.eq_ignore_ascii_case(lit.as_bytes())
        } else {
            s == lit.as_bytes()
        }
    })
}

/// Matches `p` at `at`, calling `next` with each place it can end, in order of preference,
/// until `next` accepts one. On failure the groups are as they were.
fn walk(p: &P, t: &[u8], at: usize, groups: &mut Groups, next: Next) -> bool {
    match p {
        P::Lit(s) => starts_with(t, at, s, false) && next(at + s.len(), groups),
        P::LitI(s) => starts_with(t, at, s, true) && next(at + s.len(), groups),
        P::Any(list, firsts) => {
            firsts.may_start(t, at)
                && list
                    .iter()
                    .any(|s| starts_with(t, at, s, false) && next(at + s.len(), groups))
        }
        P::AnyI(list, firsts) => {
            firsts.may_start(t, at)
                && list
                    .iter()
                    .any(|s| starts_with(t, at, s, true) && next(at + s.len(), groups))
        }
        P::Seq(items) => seq(items, t, at, groups, next),
        P::Alt(alternatives) => alternatives
            .iter()
            .any(|a| !fails_first(a, t, at) && walk(a, t, at, groups, &mut *next)),
        P::Opt(inner) => {
            !fails_first(inner, t, at) && walk(inner, t, at, groups, &mut *next) || next(at, groups)
        }
        P::Plus(inner) => {
            let mut ends = Vec::new();
            let mut here = at;
            // Groups inside a repetition are not reported: the scan of its ends keeps none.
            let mut scratch = *groups;
            loop {
                let mut end = None;
                walk(inner, t, here, &mut scratch, &mut |e, _| {
                    end = Some(e);
                    true
                });
                match end {
                    Some(e) if e > here => {
                        ends.push(e);
                        here = e;
                    }
                    _ => break,
                }
            }
            ends.iter().rev().any(|&e| next(e, groups))
        }
        P::Digits(min, max) => {
            let n = run(t, at, *max, |b| b.is_ascii_digit());
            n >= *min && (*min..=n).rev().any(|k| next(at + k, groups))
        }
        P::Space => {
            let n = run(t, at, usize::MAX, is_space);
            (1..=n).rev().any(|k| next(at + k, groups))
        }
        P::SpaceAny => {
            let n = run(t, at, usize::MAX, is_space);
            (0..=n).rev().any(|k| next(at + k, groups))
        }
        P::SpaceOpt => {
            let n = run(t, at, 1, is_space);
            (0..=n).rev().any(|k| next(at + k, groups))
        }
        P::B => is_boundary(t, at) && next(at, groups),
        P::Group(n, inner) => walk(inner, t, at, groups, &mut |e, groups: &mut Groups| {
            let old = groups[n - 1];
            groups[n - 1] = Some((at, e));
            next(e, groups) || {
                groups[n - 1] = old;
                false
            }
        }),
    }
}

/// Matches `Seq(items)`. Inlined into `walk` and into its own closure, so that a step of the
/// recursion is one call.
#[inline(always)]
fn seq(mut items: &[P], t: &[u8], mut at: usize, groups: &mut Groups, next: Next) -> bool {
    // The items that match at most one way go by in a loop: a step of the recursion (a call
    // of `walk` and of a closure for the rest) costs more than most items' own test.
    loop {
        let Some((first, rest)) = items.split_first() else {
            return next(at, groups);
        };
        match one_way(first, t, at) {
            OneWay::End(end) => {
                at = end;
                items = rest;
            }
            OneWay::Fails => return false,
            OneWay::Many => {
                return walk(first, t, at, groups, &mut |e, groups: &mut Groups| {
                    seq(rest, t, e, groups, &mut *next)
                })
            }
        }
    }
}

/// What an item that can match at most one way at a place does there.
enum OneWay {
    /// It matches, ending here.
    End(usize),
    /// It does not match.
    Fails,
    /// It may match several ways: only [`walk`] knows.
    Many,
}

/// [`OneWay`] for `p` at `at`: an item that can end only one way here has one end if any,
/// so matching it and going on from there is all [`walk`] would do. Digits and spaces often
/// run no further than they must, and an optional item that fails here (most do) ends where
/// it starts.
#[inline(always)]
fn one_way(p: &P, t: &[u8], at: usize) -> OneWay {
    // A class repeated `min` times or more, `n` times here.
    let repeated = |n: usize, min: usize| match n {
        n if n < min => OneWay::Fails,
        n if n == min => OneWay::End(at + n),
        _ => OneWay::Many,
    };
    match p {
        P::Digits(min, max) => repeated(run(t, at, *max, |b| b.is_ascii_digit()), *min),
        P::Space => repeated(run(t, at, 2, is_space), 1),
        P::SpaceAny | P::SpaceOpt => repeated(run(t, at, 1, is_space), 0),
        P::Opt(inner) if fails_first(inner, t, at) => OneWay::End(at),
        _ => literal(p, t, at),
    }
}

/// [`OneWay`] for a literal and `\b`, which match at most one way anywhere.
#[inline(always)]
fn literal(p: &P, t: &[u8], at: usize) -> OneWay {
    let matched = |yes: bool, end: usize| if yes { OneWay::End(end) } else { OneWay::Fails };
    match p {
        P::Lit(s) => matched(starts_with(t, at, s, false), at + s.len()),
        P::LitI(s) => matched(starts_with(t, at, s, true), at + s.len()),
        P::B => matched(is_boundary(t, at), at),
        _ => OneWay::Many,
    }
}

/// Whether `p` fails at `at` on its first item, when that is a literal or `\b`: most
/// alternatives fail so, and are ruled out here without a step of the recursion.
#[inline(always)]
fn fails_first(mut p: &P, t: &[u8], at: usize) -> bool {
    while let P::Seq([first, ..]) = p {
        p = first;
    }
    matches!(literal(p, t, at), OneWay::Fails)
}

/// Whether `\b` holds at `at`.
fn is_boundary(t: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(t[at - 1]);
    let after = t.get(at).is_some_and(|&b| is_word_byte(b));
    before != after
}

/// How many bytes from `at` (at most `max`) satisfy `class`.
fn run(t: &[u8], at: usize, max: usize, class: impl Fn(u8) -> bool) -> usize {
    t.get(at..)
        .unwrap_or_default()
        .iter()
        .take(max)
        .take_while(|&&b| class(b))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(p: &P, text: &str) -> Option<usize> {
        find(p, text, 0).map(|m| m.end)
    }

    #[test]
    fn alternatives_in_order_and_greedy_repetition() {
        // leftmost-first: `seven` is listed first and nothing after it fails
        assert_eq!(end(&any(&["seven", "seventeen"]), "seventeen"), Some(5));
        // ... unless what follows needs the longer one
        const WORD: P = P::Seq(&[any(&["seven", "seventeen"]), P::B]);
        assert_eq!(end(&WORD, "seventeen"), Some(9));
        // greedy digits give back what the rest needs: `\d{1,3}0`
        const BACK: P = P::Seq(&[P::Digits(1, 3), P::Lit("0")]);
        assert_eq!(end(&BACK, "1200"), Some(4));
        assert_eq!(end(&BACK, "120"), Some(3));
        assert_eq!(end(&BACK, "12"), None);
        // `(?:,\d{3})+` repeats and gives back
        const GROUPED: P = P::Seq(&[
            P::Digits(1, 3),
            P::Plus(&P::Seq(&[P::Lit(","), P::Digits(3, 3)])),
        ]);
        assert_eq!(end(&GROUPED, "1,000,000,5"), Some(9));
        assert_eq!(end(&GROUPED, "1000"), None);
    }

    #[test]
    fn case_boundaries_and_space() {
        assert_eq!(end(&P::LitI("per"), "PER"), Some(3));
        assert_eq!(end(&P::Lit("per"), "PER"), None);
        const PER_CENT: P = P::Seq(&[P::LitI("per"), P::Space, P::LitI("cent"), P::B]);
        assert_eq!(end(&PER_CENT, "per \n cent."), Some(10));
        assert_eq!(end(&PER_CENT, "per cents"), None);
        assert_eq!(end(&PER_CENT, "percent"), None);
        // `\b` sees the byte before the start in the whole text
        assert_eq!(find(&P::Seq(&[P::B, P::Lit("5")]), "a5", 1), None);
        assert!(find(&P::Seq(&[P::B, P::Lit("5")]), "$5", 1).is_some());
        // non-ASCII literals match exactly, whatever the case flag
        assert_eq!(end(&any_i(&["€", "£"]), "£5"), Some(2));
    }

    #[test]
    fn groups_keep_the_winning_path_only() {
        // `(?:(\d+)x|(\d+))`: the first group is undone when its branch fails
        const P2: P = P::Alt(&[
            P::Seq(&[P::Group(1, &P::Digits(1, 9)), P::Lit("x")]),
            P::Group(2, &P::Digits(1, 9)),
        ]);
        let m = find(&P2, "42y", 0).unwrap();
        assert_eq!((m.group(1), m.group(2)), (None, Some((0, 2))));
        let m = find(&P2, "42x", 0).unwrap();
        assert_eq!((m.group(1), m.group(2), m.end), (Some((0, 2)), None, 3));
    }

    /// `may_start` says `false` only for words that no match starts with.
    #[test]
    fn may_start_errs_only_towards_true() {
        use crate::entities::numbers::NUMBER;
        let texts = [
            "about 5",
            "about the",
            "a dozen",
            "an estimated 5",
            "US$5",
            "usd 5",
            "more than half",
            "m",
            "million",
            "mx$3",
            "tens of thousands",
            "as many as 3",
            "twenty-five",
            "at",
            "over",
            "up to 7",
            "seventeen",
            "x",
            "5%",
        ];
        for text in texts {
            let head = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap();
            if find(&NUMBER, text, 0).is_some() {
                assert!(may_start(&NUMBER, head), "{text:?}");
            }
        }
        // Words that only an approximator starts with fail on their own letters.
        const AMOUNT: P = P::Seq(&[
            P::B,
            P::Opt(&P::Seq(&[P::LitI("a"), P::Space])),
            P::Digits(1, 9),
        ]);
        assert!(may_start(&AMOUNT, "a"));
        assert!(may_start(&AMOUNT, "5x"));
        assert!(!may_start(&AMOUNT, "about"));
        assert!(!may_start(&AMOUNT, "x5"));
    }

    /// Every end `walk` offers for `p` at `at`, in order.
    fn all_ends(p: &P, t: &[u8], at: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        walk(p, t, at, &mut [None; GROUPS], &mut |e, _| {
            ends.push(e);
            false
        });
        ends
    }

    /// `one_way` is `walk` for the items it takes, and `fails_first` rules out only
    /// patterns that `walk` finds no end of.
    #[test]
    fn one_way_items_are_walked_items() {
        const ITEMS: &[P] = &[
            P::Lit("ab"),
            P::Lit("é"),
            P::LitI("aB"),
            P::LitI("b"),
            P::B,
            P::Digits(2, 2),
            P::Digits(1, 1),
            P::Digits(1, 2),
            P::Digits(0, 3),
            P::Space,
            P::SpaceAny,
            P::SpaceOpt,
            P::Opt(&P::Lit("a")),
            P::Opt(&P::Seq(&[P::B, P::Digits(2, 2)])),
            P::Opt(&any(&["a", "b"])),
            any(&["a", "ab"]),
            P::Seq(&[P::LitI("a"), P::Space]),
            P::Seq(&[P::Seq(&[P::B, P::Digits(1, 3)]), P::Lit("b")]),
            P::Seq(&[P::Opt(&P::Lit("a")), P::Lit("b")]),
            P::Alt(&[P::Lit("b"), P::Digits(1, 1)]),
        ];
        let pieces = [
            "a", "A", "b", "B", "ab", "1", "12", "123", " ", "  ", "\n", "é", "_", "-",
        ];
        let mut rng = crate::test_inputs::Rng::new(23);
        for _ in 0..3_000 {
            let text = rng.text(&pieces, 6);
            let t = text.as_bytes();
            for at in 0..=t.len() {
                for p in ITEMS {
                    let ends = all_ends(p, t, at);
                    match one_way(p, t, at) {
                        OneWay::End(e) => assert_eq!(ends, vec![e], "{p:?} at {at} of {text:?}"),
                        OneWay::Fails => assert!(ends.is_empty(), "{p:?} at {at} of {text:?}"),
                        OneWay::Many => {}
                    }
                    if fails_first(p, t, at) {
                        assert!(ends.is_empty(), "{p:?} at {at} of {text:?}");
                    }
                }
            }
        }
    }

    /// `Firsts` rules out a place only where no text of its list starts, in either case.
    #[test]
    fn firsts_rule_out_only_lists_that_cannot_start() {
        const LISTS: &[&[&str]] = &[
            &["Jan.", "may", "x"],
            &["$", "€", "£", "-", " "],
            &["18", "19", "_"],
            &["", "q"],
            &[],
        ];
        let pieces = [
            "J", "j", "M", "a", "X", "$", "€", "£", "-", " ", "1", "9", "_", "Q", "z",
        ];
        let mut rng = crate::test_inputs::Rng::new(29);
        let mut ruled_out = 0;
        for _ in 0..2_000 {
            let text = rng.text(&pieces, 4);
            let t = text.as_bytes();
            for list in LISTS {
                let firsts = Firsts::of(list);
                for at in 0..=t.len() {
                    let starts = list.iter().any(|s| {
                        t.get(at..at + s.len())
                            .is_some_and(|have| have.eq_ignore_ascii_case(s.as_bytes()))
                    });
                    if !firsts.may_start(t, at) {
                        assert!(!starts, "{list:?} at {at} of {text:?}");
                        ruled_out += 1;
                    }
                }
            }
        }
        assert!(ruled_out > 5_000, "{ruled_out}");
    }

    #[test]
    fn long_runs_do_not_recurse() {
        let digits = format!("1{}", ",000".repeat(200_000));
        const GROUPED: P = P::Seq(&[
            P::Digits(1, 3),
            P::Plus(&P::Seq(&[P::Lit(","), P::Digits(3, 3)])),
        ]);
        assert_eq!(end(&GROUPED, &digits), Some(digits.len()));
    }
}
