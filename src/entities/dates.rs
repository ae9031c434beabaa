//! Dates and durations: `Aug. 8`, `Friday`, `In February` → `February`, `late last month`,
//! `the 1990s`, `2020`, `For months` → `months`.
//!
//! Each pattern ([`super::pattern`]) is tried only where its trigger says it can start;
//! overlapping matches keep the longest. A date gets an ISO `value` only when the article anchors it: a `date YYYY-MM-DD`
//! header line, an ISO date or a full `Month D, YYYY` date in its first lines.

use std::sync::LazyLock;

use super::pattern::{any, any_i, P};
use super::scan::{self, is_digits, At, Lexicon};
use super::Mention;
use crate::analysis::{EntityType, EntityValue};
use crate::text::Document;

/// The word lists the patterns are made of, named once: the trigger classes below are built
/// from the same lists, so a trigger can never miss a word its pattern matches.
const EDGE_WORDS: &[&str] = &["early", "mid", "late"];
const BEFORE_WEEKDAY_WORDS: &[&str] = &["last", "next", "this", "early", "late"];
const EARLIER_WORDS: &[&str] = &["earlier", "later", "early", "late"];
const DEICTIC_WORDS: &[&str] = &["this", "last", "next", "past"];
const LAST_WORDS: &[&str] = &["last", "past", "next", "coming", "previous"];
const RECENT_WORDS: &[&str] = &["recent", "coming", "past", "previous"];
const PREPOSITIONS: &[&str] = &["for", "in", "over", "within", "after", "since", "from"];
const PLURAL_PERIODS: &[&str] = &["decades", "months", "years", "weeks", "days", "centuries"];
const PART_WORDS: &[&str] = &["end", "beginning", "start", "middle"];
const TODAY_WORDS: &[&str] = &["today", "yesterday", "tomorrow", "tonight"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const PERIOD_WORDS: &[&str] = &[
    "day", "night", "week", "weekend", "month", "year", "decade", "century", "spring", "summer",
    "fall", "autumn", "winter", "quarter",
];
/// What a count of time counts (`three years`).
const DURATION_UNITS: &[&str] = &[
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
];
/// Counts of periods as words (`a`, `two`, `several`); [`COUNT`] adds `a few` and digits.
const COUNT_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "few", "several", "many",
];

/// Month names, case kept (`may` is a verb): full names and the AP's abbreviations.
const MONTH: P = any(&[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
]);
const WEEKDAY: P = any(WEEKDAYS);
/// How many periods: `a`, `two`, `a few`, `several`, `12`.
const COUNT: P = P::Alt(&[
    any_i(COUNT_WORDS),
    // After all the single words: of those only `a` starts like it, and `a` came first there
    // too, so the order of what can match is unchanged.
    P::LitI("a few"),
    P::Digits(1, usize::MAX),
]);
const PERIOD: P = any_i(PERIOD_WORDS);
const PERIODS: P = any_i(&[
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "hours",
    "minutes",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "hour",
]);
/// `early `, `mid-`, `late `: where in a period, before its name.
const EDGE: P = P::Opt(&P::Seq(&[any(EDGE_WORDS), any(&["-", " "])]));
/// [`EDGE`] in any case (`Early 2024`).
const EDGE_I: P = P::Opt(&P::Seq(&[any_i(EDGE_WORDS), any(&["-", " "])]));
/// `, 2024` or ` 2024` after a month and day.
const YEAR_AFTER: P = P::Opt(&P::Seq(&[
    P::Opt(&P::Lit(",")),
    P::Space,
    P::Digits(4, 4),
    P::B,
]));

/// One date pattern: its rule id, the pattern and a cheap test of a word start that holds
/// wherever the pattern can match. Group 1, when the pattern has it, is the span.
pub(super) struct Pattern {
    pub(super) rule: &'static str,
    pub(super) pattern: P,
    trigger: Trigger,
}

/// Where a pattern can start: at a word of one of the classes of a term, followed after
/// spaces by a word of one of the classes the term names for the next word, if it names
/// any. Each pattern asks it of every classed word of the text: as data, it is a few
/// instructions inline, where a function behind a pointer cost a call for each.
struct Trigger([(u32, u32); 2]);

/// The next word's classes in a [`Trigger`]'s term that asks nothing of the next word.
const ANY_NEXT: u32 = 0;

impl Trigger {
    /// At a word of the classes `word`.
    const fn at(word: u32) -> Trigger {
        Trigger::before(word, ANY_NEXT)
    }

    /// At a word of the classes `word` before a word of the classes `next`.
    const fn before(word: u32, next: u32) -> Trigger {
        // A term of no classes holds nowhere.
        Trigger([(word, next), (0, 0)])
    }

    /// This trigger, or at a word of the classes `word` before a word of the classes `next`.
    const fn or_before(self, word: u32, next: u32) -> Trigger {
        assert!(self.0[1].0 == 0, "a trigger has two terms at most");
        Trigger([self.0[0], (word, next)])
    }

    /// Whether the trigger may hold at some word of a text whose words have the classes
    /// `classes` and are followed by words of the classes `next`, all together: most texts
    /// have no word of several triggers, and their patterns skip the pass over the words.
    fn may_hold(&self, classes: u32, next: u32) -> bool {
        self.0.iter().any(|&(word, word_next)| {
            word & classes != 0 && (word_next == ANY_NEXT || word_next & next != 0)
        })
    }

    /// Whether a pattern may start at `at`.
    fn holds(&self, at: &At) -> bool {
        let [(word, next), (other, other_next)] = self.0;
        // Nearly every word is in neither term's classes: one test says so.
        if !at.is(word | other) {
            return false;
        }
        at.is(word) && (next == ANY_NEXT || at.next_is(next))
            || at.is(other) && (other_next == ANY_NEXT || at.next_is(other_next))
    }
}

// Word classes for the triggers: what a word is, looked up once per word.
const THE: u32 = 1;
const EDGE_WORD: u32 = 1 << 1;
const MONTH_WORD: u32 = 1 << 2;
const WEEKDAY_WORD: u32 = 1 << 3;
const BEFORE_WEEKDAY: u32 = 1 << 4;
const DECADE: u32 = 1 << 5;
const YEAR: u32 = 1 << 6;
const DAY: u32 = 1 << 7;
const DIGITS: u32 = 1 << 8;
const EARLIER: u32 = 1 << 9;
const DEICTIC: u32 = 1 << 10;
const PERIOD_WORD: u32 = 1 << 11;
const SAME: u32 = 1 << 12;
const LAST: u32 = 1 << 13;
const RECENT: u32 = 1 << 14;
const COUNT_WORD: u32 = 1 << 15;
const AFTER_COUNT: u32 = 1 << 16;
const PREPOSITION: u32 = 1 << 17;
const PLURAL: u32 = 1 << 18;
const PART: u32 = 1 << 19;
const OF: u32 = 1 << 20;
const WEEKEND: u32 = 1 << 21;
const TODAY: u32 = 1 << 22;
const DATE: u32 = 1 << 23;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        (&["the"], THE),
        (EDGE_WORDS, EDGE_WORD),
        (BEFORE_WEEKDAY_WORDS, BEFORE_WEEKDAY),
        (EARLIER_WORDS, EARLIER),
        (DEICTIC_WORDS, DEICTIC),
        (PERIOD_WORDS, PERIOD_WORD),
        (&["same"], SAME),
        (LAST_WORDS, LAST),
        (RECENT_WORDS, RECENT),
        (COUNT_WORDS, COUNT_WORD),
        (&["few", "hundred", "thousand", "dozen"], AFTER_COUNT),
        (DURATION_UNITS, AFTER_COUNT),
        (PREPOSITIONS, PREPOSITION),
        (PLURAL_PERIODS, PLURAL),
        (PART_WORDS, PART),
        (&["of"], OF),
        (&["weekend"], WEEKEND),
        (TODAY_WORDS, TODAY),
        (&["date"], DATE),
    ])
});

const MONTH_STEMS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Month names are case-sensitive in every pattern, and may run on (`Mayor` starts `May`).
fn starts_month(word: &[u8]) -> bool {
    first_three(word).is_some_and(|head| MONTH_HEADS.contains(&head))
}

/// Whether `word` starts with a weekday's name.
fn starts_weekday(word: &[u8]) -> bool {
    first_three(word).is_some_and(|head| {
        (WEEKDAYS.iter().zip(WEEKDAY_HEADS))
            .any(|(day, h)| h == head && word.starts_with(day.as_bytes()))
    })
}

/// The first three bytes of the month stems and of the weekdays: compared as arrays, they
/// are a few integer comparisons, where slices were a call each. Asked of every capitalised
/// word, and names are common in news.
const MONTH_HEADS: [[u8; 3]; 12] = first_threes(MONTH_STEMS);
const WEEKDAY_HEADS: [[u8; 3]; 7] = first_threes(WEEKDAYS);

const fn first_threes<const N: usize>(words: &[&str]) -> [[u8; 3]; N] {
    let mut heads = [[0; 3]; N];
    let mut i = 0;
    while i < N {
        let w = words[i].as_bytes();
        heads[i] = [w[0], w[1], w[2]];
        i += 1;
    }
    heads
}

fn first_three(word: &[u8]) -> Option<[u8; 3]> {
    word.first_chunk().copied()
}

/// The classes of a word: its lists, and shapes (`\d{4}`, `1990s`) and names no list holds.
fn classify(word: &[u8]) -> u32 {
    let mut class = LEXICON.class(word);
    let first = word.first().copied().unwrap_or_default();
    if first.is_ascii_uppercase() {
        if starts_month(word) {
            class |= MONTH_WORD;
        }
        if starts_weekday(word) {
            class |= WEEKDAY_WORD;
        }
    } else if first.is_ascii_digit() {
        let digits = is_digits(word);
        if digits {
            class |= DIGITS;
        }
        class |= match word.len() {
            1 | 2 if digits => DAY,
            4 if digits => YEAR,
            5 => DECADE,
            _ => 0,
        };
    }
    class
}

pub(super) const PATTERNS: &[Pattern] = &[
    Pattern {
        rule: "entities.date.iso",
        // \b\d{4}-\d{2}-\d{2}\b
        pattern: P::Seq(&[
            P::B,
            P::Digits(4, 4),
            P::Lit("-"),
            P::Digits(2, 2),
            P::Lit("-"),
            P::Digits(2, 2),
            P::B,
        ]),
        trigger: Trigger::at(YEAR),
    },
    Pattern {
        rule: "entities.date.month_day",
        // \b{EDGE}{MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?
        pattern: P::Seq(&[
            P::B,
            EDGE,
            MONTH,
            P::Space,
            P::Digits(1, 2),
            P::Opt(&any(&["st", "nd", "rd", "th"])),
            P::B,
            YEAR_AFTER,
        ]),
        trigger: Trigger::at(EDGE_WORD | MONTH_WORD),
    },
    Pattern {
        rule: "entities.date.day_month",
        // \b\d{1,2}\s+{MONTH}(?:,?\s+\d{4}\b)?
        pattern: P::Seq(&[P::B, P::Digits(1, 2), P::Space, MONTH, YEAR_AFTER]),
        trigger: Trigger::before(DAY, MONTH_WORD),
    },
    Pattern {
        rule: "entities.date.month",
        // \b(?i:{EDGE}){MONTH}(?:,?\s+(?:of\s+)?\d{4}\b)?
        pattern: P::Seq(&[
            P::B,
            EDGE_I,
            MONTH,
            P::Opt(&P::Seq(&[
                P::Opt(&P::Lit(",")),
                P::Space,
                P::Opt(&P::Seq(&[P::Lit("of"), P::Space])),
                P::Digits(4, 4),
                P::B,
            ])),
        ]),
        trigger: Trigger::at(EDGE_WORD | MONTH_WORD),
    },
    Pattern {
        rule: "entities.date.weekday",
        // \b(?:(?i:last|next|this|early|late)\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b
        pattern: P::Seq(&[
            P::B,
            P::Opt(&P::Seq(&[any_i(BEFORE_WEEKDAY_WORDS), P::Space])),
            WEEKDAY,
            P::Opt(&P::Seq(&[
                P::Space,
                any(&["morning", "afternoon", "evening", "night"]),
            ])),
            P::B,
        ]),
        trigger: Trigger::at(WEEKDAY_WORD).or_before(BEFORE_WEEKDAY, WEEKDAY_WORD),
    },
    Pattern {
        rule: "entities.date.decade",
        // (?i)\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:1[89]|20)\d0s\b
        pattern: P::Seq(&[
            P::B,
            P::Opt(&P::Seq(&[P::LitI("the"), P::Space])),
            EDGE_I,
            any(&["18", "19", "20"]),
            P::Digits(1, 1),
            P::Lit("0"),
            P::LitI("s"),
            P::B,
        ]),
        trigger: Trigger::at(DECADE | EDGE_WORD).or_before(THE, EDGE_WORD | DECADE),
    },
    Pattern {
        rule: "entities.date.relative",
        // (?i)\b(?:(?:earlier|later|early|late)\s+)?(?:this|last|next|past)\s+{PERIOD}\b
        pattern: P::Seq(&[
            P::B,
            P::Opt(&P::Seq(&[any_i(EARLIER_WORDS), P::Space])),
            any_i(DEICTIC_WORDS),
            P::Space,
            PERIOD,
            P::B,
        ]),
        trigger: Trigger::before(EARLIER, DEICTIC).or_before(DEICTIC, PERIOD_WORD),
    },
    Pattern {
        rule: "entities.date.same_period",
        // (?i)\bthe\s+same\s+(?:day|week|month|months|year|period|quarter)
        //     (?:\s+(?:last|a)\s+year|\s+(?:in|of)\s+\d{4})?\b
        pattern: P::Seq(&[
            P::B,
            P::LitI("the"),
            P::Space,
            P::LitI("same"),
            P::Space,
            any_i(&[
                "day", "week", "month", "months", "year", "period", "quarter",
            ]),
            P::Opt(&P::Alt(&[
                P::Seq(&[P::Space, any_i(&["last", "a"]), P::Space, P::LitI("year")]),
                P::Seq(&[P::Space, any_i(&["in", "of"]), P::Space, P::Digits(4, 4)]),
            ])),
            P::B,
        ]),
        trigger: Trigger::before(THE, SAME),
    },
    Pattern {
        rule: "entities.date.last_period",
        // (?i)\bthe\s+(?:last|past|next|coming|previous)\s+(?:{COUNT}\s+)?{PERIODS}\b
        pattern: P::Seq(&[
            P::B,
            P::LitI("the"),
            P::Space,
            any_i(LAST_WORDS),
            P::Space,
            P::Opt(&P::Seq(&[COUNT, P::Space])),
            PERIODS,
            P::B,
        ]),
        trigger: Trigger::before(THE, LAST),
    },
    Pattern {
        rule: "entities.date.recent_period",
        // (?i)\b(?:recent|coming|past|previous)\s+(?:{COUNT}\s+)?{PERIODS}\b
        pattern: P::Seq(&[
            P::B,
            any_i(RECENT_WORDS),
            P::Space,
            P::Opt(&P::Seq(&[COUNT, P::Space])),
            PERIODS,
            P::B,
        ]),
        trigger: Trigger::at(RECENT),
    },
    Pattern {
        rule: "entities.date.duration",
        // (?i)\b{COUNT}\s+(?:(?:hundred|thousand|dozen)\s+)?(?:days|weeks|months|years|decades
        //     |centuries|day|week|month|year|decade|century)\b(?:\s+ago\b)?
        pattern: P::Seq(&[
            P::B,
            COUNT,
            P::Space,
            P::Opt(&P::Seq(&[
                any_i(&["hundred", "thousand", "dozen"]),
                P::Space,
            ])),
            any_i(DURATION_UNITS),
            P::B,
            P::Opt(&P::Seq(&[P::Space, P::LitI("ago"), P::B])),
        ]),
        trigger: Trigger::before(COUNT_WORD | DIGITS, AFTER_COUNT),
    },
    Pattern {
        rule: "entities.date.bare_duration",
        // (?i)\b(?:for|in|over|within|after|since|from)\s+(?P<d>decades|months|years|weeks|days|centuries)\b
        pattern: P::Seq(&[
            P::B,
            any_i(PREPOSITIONS),
            P::Space,
            P::Group(1, &any_i(PLURAL_PERIODS)),
            P::B,
        ]),
        trigger: Trigger::before(PREPOSITION, PLURAL),
    },
    Pattern {
        rule: "entities.date.part_of_period",
        // (?i)\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?
        //     (?:year|month|week|decade|century|(?-i:{MONTH})|\d{4})\b
        pattern: P::Seq(&[
            P::B,
            P::Opt(&P::Seq(&[P::LitI("the"), P::Space])),
            any_i(PART_WORDS),
            P::Space,
            P::LitI("of"),
            P::Space,
            P::Opt(&P::Seq(&[
                any_i(&["the", "this", "last", "next"]),
                P::Space,
            ])),
            P::Alt(&[
                any_i(&["year", "month", "week", "decade", "century"]),
                MONTH,
                P::Digits(4, 4),
            ]),
            P::B,
        ]),
        trigger: Trigger::before(PART, OF).or_before(THE, PART),
    },
    Pattern {
        rule: "entities.date.weekend",
        // (?i)\bthe\s+weekend\b
        pattern: P::Seq(&[P::B, P::LitI("the"), P::Space, P::LitI("weekend"), P::B]),
        trigger: Trigger::before(THE, WEEKEND),
    },
    Pattern {
        rule: "entities.date.deictic",
        // (?i)\b(?:today|yesterday|tomorrow|tonight)\b
        pattern: P::Seq(&[P::B, any_i(TODAY_WORDS), P::B]),
        trigger: Trigger::at(TODAY),
    },
    Pattern {
        rule: "entities.date.year",
        // \b(?i:(?:early|mid|late)[- ])?(?:1[89]\d\d|20\d\d)\b
        pattern: P::Seq(&[
            P::B,
            EDGE_I,
            any(&["18", "19", "20"]),
            P::Digits(2, 2),
            P::B,
        ]),
        trigger: Trigger::at(EDGE_WORD | YEAR),
    },
];

/// A dated header line: `date: 2025-08-08`, `Date 2025-08-08`, or the ISO date alone.
pub(super) const ANCHOR_HEADER: P = P::Seq(&[
    P::B,
    P::Opt(&P::Seq(&[P::LitI("date"), any(&[":", " "]), P::SpaceAny])),
    P::Group(1, &P::Digits(4, 4)),
    P::Lit("-"),
    P::Group(2, &P::Digits(2, 2)),
    P::Lit("-"),
    P::Group(3, &P::Digits(2, 2)),
    P::B,
]);
/// A dateline: a full date near the start of one of the first lines (the nearness is
/// checked in `anchor`).
pub(super) const ANCHOR_FULL: P = P::Seq(&[
    P::Group(1, &MONTH),
    P::Space,
    P::Group(2, &P::Digits(1, 2)),
    P::Lit(","),
    P::Space,
    P::Group(3, &P::Digits(4, 4)),
]);

/// A calendar date (year, month, day).
pub type Ymd = (i32, u32, u32);

/// The article's own date, from a header line or its first lines.
pub fn anchor(doc: &Document) -> Option<Ymd> {
    anchor_among(doc, &scan::words(head(doc), classify))
}

/// The first lines of the article, where its date is.
fn head<'t>(doc: &Document<'t>) -> &'t str {
    let head_end = doc.paragraphs.get(2).map_or(doc.text.len(), |p| p.end);
    &doc.text[..head_end.min(doc.text.len())]
}

/// [`anchor`] with the words of the head or of the whole text, which `find` has anyway. They
/// are the same words: a paragraph ends before a space or at the end of the text, so no
/// word runs over the head's end. The patterns run in the head alone.
fn anchor_among(doc: &Document, words: &[At]) -> Option<Ymd> {
    let head = head(doc);
    let header = words
        .iter()
        .take_while(|at| at.start < head.len())
        .filter(|at| at.is(DATE | YEAR))
        .map(|at| (at.start, &ANCHOR_HEADER));
    if let Some(c) = scan::matches(head, header).next() {
        let number = |n| c.group_str(head, n)?.parse().ok();
        let ymd = (number(1)? as i32, number(2)?, number(3)?);
        return valid(ymd).then_some(ymd);
    }
    // No `\b` before the month: it may start inside a word.
    let months = (0..head.len())
        .filter(|&i| head.as_bytes()[i].is_ascii_uppercase() && starts_month(&head.as_bytes()[i..]))
        .map(|i| (i, &ANCHOR_FULL));
    let c = scan::matches(head, months).find(|c| {
        let line_start = head[..c.start].rfind('\n').map_or(0, |i| i + 1);
        head[line_start..c.start].chars().count() <= 40
    })?;
    let ymd = (
        c.group_str(head, 3)?.parse().ok()?,
        month_number(c.group_str(head, 1)?)?,
        c.group_str(head, 2)?.parse().ok()?,
    );
    valid(ymd).then_some(ymd)
}

fn valid((_, m, d): Ymd) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Finds date mentions.
pub fn find(doc: &Document) -> Vec<Mention> {
    mentions(doc, scan::words(doc.text, classify))
}

/// The date scan fed one run of word bytes at a time, so that one pass over the runs of a
/// text feeds the date and the number scans together (see [`super::find`]).
pub(super) struct Scan<'t> {
    words: scan::ClassedWords<'t>,
}

impl<'t> Scan<'t> {
    /// Nothing scanned yet.
    pub(super) fn new(text: &'t str) -> Scan<'t> {
        Scan {
            words: scan::ClassedWords::new(text),
        }
    }

    /// The word of `run`, the next run of the text, if it starts one.
    #[inline]
    pub(super) fn push(&mut self, run: scan::Run) {
        self.words.push(run, classify);
    }

    /// The date mentions of `doc`, whose text every run was pushed from.
    pub(super) fn finish(self, doc: &Document) -> Vec<Mention> {
        mentions(doc, self.words.finish())
    }
}

/// The date mentions that the patterns find from `words`, the classed words of the text.
fn mentions(doc: &Document, words: Vec<At>) -> Vec<Mention> {
    let text = doc.text;
    let anchor = anchor_among(doc, &words);
    let mut found: Vec<Mention> = Vec::new();
    let (classes, next) = words
        .iter()
        .fold((0, 0), |(c, n), at| (c | at.class(), n | at.next_class()));
    for pattern in PATTERNS {
        if !pattern.trigger.may_hold(classes, next) {
            continue;
        }
        let starts = words
            .iter()
            .filter(|at| pattern.trigger.holds(at))
            .map(|at| (at.start, &pattern.pattern));
        let spans = scan::matches(text, starts).map(|c| c.group(1).unwrap_or((c.start, c.end)));
        for (start, end) in spans {
            if accept(text, pattern.rule, start, end) {
                found.push(Mention::new(start, end, EntityType::Date, pattern.rule));
            }
        }
    }
    // Longest first, then earliest, then pattern order: a longer match hides the ones inside it.
    crate::sort::by_key(&mut found, |m| {
        (std::cmp::Reverse(m.end - m.start), m.start)
    });
    // Kept spans never overlap, so a map by start finds the only neighbours that could.
    let mut kept: std::collections::BTreeMap<usize, Mention> = std::collections::BTreeMap::new();
    for m in found {
        let before = kept
            .range(..m.end)
            .next_back()
            .is_some_and(|(_, k)| m.start < k.end);
        if !before {
            kept.insert(m.start, m);
        }
    }
    // Values only for the dates kept: a date inside a longer one (`last year` in `late last
    // year`) is common, and its value cost more than finding it.
    let mut kept: Vec<Mention> = kept.into_values().collect();
    for mention in &mut kept {
        if let Some(value) = resolve(&text[mention.start..mention.end], anchor) {
            mention.details_mut().value = Some(EntityValue::Text(value));
        }
    }
    kept
}

/// Context checks a regular expression cannot make.
fn accept(text: &str, rule: &str, start: usize, end: usize) -> bool {
    let span = &text[start..end];
    let before = text[..start].trim_end();
    // Asked by two rules only.
    let prev_word = || {
        crate::text::lower(
            before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or(""),
        )
    };
    let after = &text[end..];
    match rule {
        "entities.date.month" => {
            // `May` and `March` are also a verb and a modal: alone, they need a calendar cue.
            let bare = span.trim_start_matches(|c: char| !c.is_uppercase());
            if (bare == "May" || bare == "March") && !span.contains(char::is_numeric) {
                return matches!(
                    &*prev_word(),
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "from"
                        | "through"
                        | "during"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "before"
                        | "after"
                );
            }
            true
        }
        "entities.date.year" => {
            // A bare four-digit number is a year unless it counts something or is money.
            if before.ends_with(['$', '€', '£', '#'])
                || after.starts_with(['%', ','])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return false;
            }
            if after.starts_with('%') || after.trim_start().starts_with("percent") {
                return false;
            }
            let next = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let counts = next.chars().next().is_some_and(char::is_lowercase)
                && next.ends_with('s')
                && !matches!(
                    &*prev_word(),
                    "in" | "since"
                        | "by"
                        | "until"
                        | "from"
                        | "to"
                        | "of"
                        | "before"
                        | "after"
                        | "during"
                        | "through"
                        | "and"
                        | "early"
                        | "late"
                        | "mid"
                );
            !counts
        }
        "entities.date.duration" => {
            // `one day` and `a year` in idioms are fine, but `one of the years` is not a match,
            // and `the two years` keeps its determiner out (OntoNotes keeps it; gold does too
            // only for `the same ...`): nothing to check beyond not following a digit group.
            !before.ends_with(|c: char| c.is_ascii_digit())
        }
        _ => true,
    }
}

fn month_number(word: &str) -> Option<u32> {
    crate::text::with_lower(word.trim_end_matches('.'), month_number_lowered)
}

fn month_number_lowered(w: &str) -> Option<u32> {
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    months
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && w.len() <= 4 && m.starts_with(w)))
        .map(|i| i as u32 + 1)
}

fn weekday_number(word: &str) -> Option<i64> {
    let days = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    days.iter()
        .position(|d| word.eq_ignore_ascii_case(d))
        .map(|i| i as i64)
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil((y, m, d): Ymd) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The ISO value of a date expression, when the text or the anchor pins it down.
pub fn resolve(span: &str, anchor: Option<Ymd>) -> Option<String> {
    let lower = crate::text::lower(span);
    if scan::contains(&lower, "same") {
        return None; // `the same month in 2024`: relative to another date in the text
    }
    // The words and numbers are read where they are asked for: collected, they were two
    // allocations a date.
    if span.len() == 10 && span.as_bytes()[4] == b'-' {
        return Some(span.to_string());
    }
    let month = span.split_whitespace().find_map(|w| {
        let w = w.trim_end_matches(',');
        (w.chars().next().is_some_and(char::is_uppercase)).then(|| month_number(w))?
    });
    // The first number that can be a year and the first that can be a day, in one pass.
    let (mut year, mut day) = (None, None);
    for n in numbers(span) {
        year = year.or((1000..=2999).contains(&n).then_some(n));
        day = day.or((1..=31).contains(&n).then_some(n));
        if year.is_some() && day.is_some() {
            break;
        }
    }
    if let Some(month) = month {
        let year = year.map(|y| y as i32).or(anchor.map(|a| a.0))?;
        return Some(match day {
            Some(d) => iso(format_args!("{year:04}-{month:02}-{d:02}")),
            None => iso(format_args!("{year:04}-{month:02}")),
        });
    }
    if let Some(y) = year {
        let words = span.split_whitespace().count();
        if !lower.ends_with('s') && words <= 2 && !scan::contains(&lower, "same") {
            return Some(iso(format_args!("{y:04}")));
        }
        return None;
    }
    let anchor = anchor?;
    if let Some(wd) = span.split_whitespace().find_map(weekday_number) {
        let today = days_from_civil(anchor);
        let anchor_wd = (today + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3).
        let back = (anchor_wd - wd).rem_euclid(7);
        let day = if lower.starts_with("next") {
            today + (wd - anchor_wd).rem_euclid(7).max(1)
        } else if lower.starts_with("last") && back == 0 {
            today - 7
        } else {
            today - back
        };
        return Some(ymd(civil_from_days(day)));
    }
    let shift = if scan::contains(&lower, "last") && !lower.starts_with("the last") {
        -1
    } else if scan::contains(&lower, "next") && !lower.starts_with("the next") {
        1
    } else if scan::contains(&lower, "this") {
        0
    } else {
        return match &*lower {
            "today" | "tonight" => Some(ymd(anchor)),
            "yesterday" => Some(ymd(civil_from_days(days_from_civil(anchor) - 1))),
            "tomorrow" => Some(ymd(civil_from_days(days_from_civil(anchor) + 1))),
            _ => None,
        };
    };
    if lower.ends_with("year") {
        Some(iso(format_args!("{:04}", anchor.0 + shift)))
    } else if lower.ends_with("month") {
        let index = anchor.0 * 12 + anchor.1 as i32 - 1 + shift;
        Some(iso(format_args!(
            "{:04}-{:02}",
            index.div_euclid(12),
            index.rem_euclid(12) + 1
        )))
    } else {
        None
    }
}

/// The numbers written in `span` that fit a `u32`, in order: its runs of ASCII digits, as
/// splitting it at every other character and parsing each piece gives them, without decoding
/// its characters (no byte of a character outside ASCII is an ASCII digit).
fn numbers(span: &str) -> impl Iterator<Item = u32> + '_ {
    span.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|digits| !digits.is_empty())
        .filter_map(|digits| {
            digits.iter().try_fold(0u32, |n, &d| {
                n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
            })
        })
}

fn ymd((y, m, d): Ymd) -> String {
    iso(format_args!("{y:04}-{m:02}-{d:02}"))
}

/// An ISO date written into room for `YYYY-MM-DD`: `format!` gives no room at first to a
/// format that begins with a number, and grew the string of a full date twice.
fn iso(date: std::fmt::Arguments) -> String {
    let mut value = String::with_capacity(10);
    // Writing into a `String` cannot fail: no panic path for it (73 bytes of the module).
    let _ = std::fmt::Write::write_fmt(&mut value, date);
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(&str, Option<String>)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|m| {
                let value = match m.value() {
                    Some(EntityValue::Text(iso)) => Some(iso.clone()),
                    _ => None,
                };
                (&text[m.start..m.end], value)
            })
            .collect()
    }

    /// [`resolve`] against its plain definition (the span lowered into a `String`, its words
    /// and numbers collected, `format!`), over spans of every kind the patterns find and some
    /// they do not, capitalised, outside ASCII, with numbers too large for a `u32`, each with
    /// and without an anchor.
    #[test]
    fn resolve_is_the_plain_reading() {
        fn plain(span: &str, anchor: Option<Ymd>) -> Option<String> {
            let lower = crate::text::lower(span);
            if scan::contains(&lower, "same") {
                return None;
            }
            let words: Vec<&str> = span.split_whitespace().collect();
            let numbers: Vec<u32> = span
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect();
            if span.len() == 10 && span.as_bytes()[4] == b'-' {
                return Some(span.to_string());
            }
            let month_number = |w: &str| {
                let w = w.trim_end_matches('.').to_lowercase();
                let months = [
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                ];
                months
                    .iter()
                    .position(|m| *m == w || (3..=4).contains(&w.len()) && m.starts_with(&w))
                    .map(|i| i as u32 + 1)
            };
            let month = words.iter().find_map(|w| {
                let w = w.trim_end_matches(',');
                (w.chars().next().is_some_and(char::is_uppercase)).then(|| month_number(w))?
            });
            let year = numbers.iter().copied().find(|n| (1000..=2999).contains(n));
            let day = numbers.iter().copied().find(|n| (1..=31).contains(n));
            if let Some(month) = month {
                let year = year.map(|y| y as i32).or(anchor.map(|a| a.0))?;
                return Some(match day {
                    Some(d) => format!("{year:04}-{month:02}-{d:02}"),
                    None => format!("{year:04}-{month:02}"),
                });
            }
            if let Some(y) = year {
                if !lower.ends_with('s') && words.len() <= 2 {
                    return Some(format!("{y:04}"));
                }
                return None;
            }
            let anchor = anchor?;
            let ymd = |(y, m, d): Ymd| format!("{y:04}-{m:02}-{d:02}");
            if let Some(wd) = span.split_whitespace().find_map(weekday_number) {
                let today = days_from_civil(anchor);
                let anchor_wd = (today + 3).rem_euclid(7);
                let back = (anchor_wd - wd).rem_euclid(7);
                let day = if lower.starts_with("next") {
                    today + (wd - anchor_wd).rem_euclid(7).max(1)
                } else if lower.starts_with("last") && back == 0 {
                    today - 7
                } else {
                    today - back
                };
                return Some(ymd(civil_from_days(day)));
            }
            let shift = if lower.contains("last") && !lower.starts_with("the last") {
                -1
            } else if lower.contains("next") && !lower.starts_with("the next") {
                1
            } else if lower.contains("this") {
                0
            } else {
                return match &*lower {
                    "today" | "tonight" => Some(ymd(anchor)),
                    "yesterday" => Some(ymd(civil_from_days(days_from_civil(anchor) - 1))),
                    "tomorrow" => Some(ymd(civil_from_days(days_from_civil(anchor) + 1))),
                    _ => None,
                };
            };
            if lower.ends_with("year") {
                Some(format!("{:04}", anchor.0 + shift))
            } else if lower.ends_with("month") {
                let index = anchor.0 * 12 + anchor.1 as i32 - 1 + shift;
                Some(format!(
                    "{:04}-{:02}",
                    index.div_euclid(12),
                    index.rem_euclid(12) + 1
                ))
            } else {
                None
            }
        }
        let spans = [
            "2025-08-08",
            "Aug. 8",
            "Aug. 8, 2024",
            "March 3",
            "march 3",
            "MARCH 2020",
            "Sept. 31, 1999",
            "Dec 12",
            "In February",
            "February",
            "the 1990s",
            "2020",
            "in 2020",
            "the year 2020 ended",
            "by 2020 end",
            "Friday",
            "last Friday",
            "next Monday",
            "this Sunday",
            "SUNDAY",
            "late last month",
            "earlier this year",
            "next year",
            "the last year",
            "the next month",
            "last month",
            "this month",
            "today",
            "Today",
            "tonight",
            "yesterday",
            "tomorrow",
            "the same month in 2024",
            "the same months last year",
            "months",
            "a hundred years",
            "Ímarch 3",
            "Éarlier this year",
            "on a very long and rambling Tuesday afternoon",
            "some time late last month or so, they said",
            "Mayday 5",
            "Jun 31 1000",
            "4294967296 years",
            "4294967295 or 2024, 12",
            "0031 Ǆ 1999-1-02 ½ 31",
            "May 5th, 02024",
            "2024 March 5",
            "4294969316 Friday",
            "",
        ];
        let anchors = [
            None,
            Some((2025, 8, 8)),
            Some((2024, 1, 1)),
            Some((1999, 12, 31)),
        ];
        for span in spans {
            for anchor in anchors {
                assert_eq!(
                    resolve(span, anchor),
                    plain(span, anchor),
                    "{span:?} {anchor:?}"
                );
            }
        }
    }

    /// `holds` rules a word out by the classes of both terms at once: it holds exactly where
    /// one of its terms does.
    #[test]
    fn a_trigger_holds_where_one_of_its_terms_does() {
        let mut rng = crate::test_inputs::Rng::new(31);
        for _ in 0..20_000 {
            let mut classes = [0u32; 2];
            for class in &mut classes {
                for _ in 0..rng.below(3) {
                    *class |= 1 << rng.below(24);
                }
            }
            let text = "x y";
            let words = scan::words(text, |w| classes[usize::from(w == b"y")]);
            let Some(at) = words.first() else {
                continue;
            };
            for pattern in PATTERNS {
                let Trigger(terms) = &pattern.trigger;
                let plain = terms
                    .iter()
                    .any(|&(word, next)| at.is(word) && (next == ANY_NEXT || at.next_is(next)));
                assert_eq!(
                    pattern.trigger.holds(at),
                    plain,
                    "{classes:?} {}",
                    pattern.rule
                );
            }
        }
    }

    /// A trigger that holds at a word may hold by the classes of all words together.
    #[test]
    fn a_trigger_holding_somewhere_may_hold() {
        let mut rng = crate::test_inputs::Rng::new(37);
        let names = ["a", "b", "c", "d"];
        for _ in 0..20_000 {
            let classes: Vec<u32> = names
                .iter()
                .map(|_| (0..rng.below(3)).fold(0, |c, _| c | 1 << rng.below(24)))
                .collect();
            let text: String = (0..rng.below(6))
                .map(|_| [rng.pick(&names), rng.pick(&[" ", ", "])].concat())
                .collect();
            let class_of =
                |w: &[u8]| classes[names.iter().position(|n| n.as_bytes() == w).unwrap()];
            let words = scan::words(&text, class_of);
            let (all, next) = words
                .iter()
                .fold((0, 0), |(c, n), at| (c | at.class(), n | at.next_class()));
            for pattern in PATTERNS {
                if words.iter().any(|at| pattern.trigger.holds(at)) {
                    let may = pattern.trigger.may_hold(all, next);
                    assert!(may, "{text:?} {classes:?} {}", pattern.rule);
                }
            }
        }
    }

    #[test]
    fn absolute_dates_and_months() {
        assert_eq!(
            dates(
                "She spoke Aug. 8, and in a later interview on May 2, 2024. In February it rained."
            ),
            vec![
                ("Aug. 8", None),
                ("May 2, 2024", Some("2024-05-02".into())),
                ("February", None)
            ]
        );
    }

    #[test]
    fn may_alone_needs_a_cue() {
        assert_eq!(dates("It May rain. We May go."), vec![]);
        assert_eq!(dates("He left in May."), vec![("May", None)]);
    }

    #[test]
    fn anchored_values() {
        let text = " date 2025-08-08 By Staff\nShe spoke on Friday, late last month and earlier this year.";
        assert_eq!(
            dates(text),
            vec![
                ("2025-08-08", Some("2025-08-08".into())),
                ("Friday", Some("2025-08-08".into())),
                ("late last month", Some("2025-07".into())),
                ("earlier this year", Some("2025".into())),
            ]
        );
        let text = " date 2025-08-08\nOn Tuesday and in February and Aug. 8.";
        assert_eq!(
            dates(text)[1..],
            vec![
                ("Tuesday", Some("2025-08-05".into())),
                ("February", Some("2025-02".into())),
                ("Aug. 8", Some("2025-08-08".into())),
            ]
        );
    }

    #[test]
    fn durations_and_decades() {
        assert_eq!(
            dates("For months, and in decades, over many years, a hundred years, since the 1990s."),
            vec![
                ("months", None),
                ("decades", None),
                ("many years", None),
                ("a hundred years", None),
                ("the 1990s", None)
            ]
        );
        assert_eq!(
            dates(
                "in recent months compared to the same months last year, the same month in 2024."
            ),
            vec![
                ("recent months", None),
                ("the same months last year", None),
                ("the same month in 2024", None)
            ]
        );
    }

    #[test]
    fn years_not_counts() {
        assert_eq!(
            dates("in 2020 he paid $2020 for 2000 shirts"),
            vec![("2020", Some("2020".into()))]
        );
    }

    /// The month and weekday tests by their first three bytes are the lists' prefix tests.
    #[test]
    fn month_and_weekday_heads_are_prefix_tests() {
        let pieces = [
            "Ma", "May", "r", "rch", "Mon", "day", "Sun", "Sept", "Fri", "Wed", "x",
        ];
        let mut rng = crate::test_inputs::Rng::new(17);
        for _ in 0..10_000 {
            let word = rng.text(&pieces, 4);
            let month = MONTH_STEMS.iter().any(|m| word.starts_with(m));
            let weekday = WEEKDAYS.iter().any(|d| word.starts_with(d));
            assert_eq!(starts_month(word.as_bytes()), month, "{word:?}");
            assert_eq!(starts_weekday(word.as_bytes()), weekday, "{word:?}");
        }
    }

    /// The anchor found with the whole text's words is the one found with the head's.
    #[test]
    fn anchor_among_the_text_words_is_the_anchor() {
        let pieces = [
            "date",
            "Date",
            ":",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "2025-08-08",
            "2025-13-40",
            "2025",
            "-08",
            "-08x",
            "August",
            "8",
            ", ",
            "2024",
            "By Staff",
            "_",
            "x",
            "Mayor",
            "date_",
        ];
        let texts = crate::test_inputs::seeds_and_texts(19, 5_000, 16, &pieces);
        let mut anchored = 0;
        for text in &texts {
            let doc = Document::new(text);
            let words = scan::words(text, classify);
            let found = anchor(&doc);
            assert_eq!(anchor_among(&doc, &words), found, "{text:?}");
            anchored += usize::from(found.is_some());
        }
        assert!(anchored > 100, "{anchored}");
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil((1970, 1, 1)), 0);
        assert_eq!(
            civil_from_days(days_from_civil((2024, 2, 29))),
            (2024, 2, 29)
        );
    }
}
