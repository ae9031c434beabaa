//! The date and number patterns against the regular expressions they were written from
//! (`regex-lite`, a dev-dependency only): at every character of generated text full of the
//! patterns' words, digits, symbols and separators, in every case, a pattern and its regex
//! must match the same span with the same groups, or both fail.

use regex_lite::Regex;

use super::pattern::{self, P};
use super::{dates, numbers};

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const COUNT: &str = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|few|several|many|\d+)";
const PERIOD: &str = r"(?:day|night|week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter|quarter)";
const PERIODS: &str = r"(?:days|weeks|months|years|decades|centuries|hours|minutes|day|week|month|year|decade|century|hour)";
const EDGE: &str = r"(?:(?:early|mid|late)[- ])?";

fn date_regex(rule: &str) -> String {
    match rule {
        "entities.date.iso" => r"\b\d{4}-\d{2}-\d{2}\b".into(),
        "entities.date.month_day" => format!(r"\b{EDGE}{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
        "entities.date.day_month" => format!(r"\b\d{{1,2}}\s+{MONTH}(?:,?\s+\d{{4}}\b)?"),
        "entities.date.month" => format!(r"\b(?i:{EDGE}){MONTH}(?:,?\s+(?:of\s+)?\d{{4}}\b)?"),
        "entities.date.weekday" => format!(r"\b(?:(?i:last|next|this|early|late)\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b"),
        "entities.date.decade" => r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:1[89]|20)\d0s\b".into(),
        "entities.date.relative" => format!(r"(?i)\b(?:(?:earlier|later|early|late)\s+)?(?:this|last|next|past)\s+{PERIOD}\b"),
        "entities.date.same_period" => r"(?i)\bthe\s+same\s+(?:day|week|month|months|year|period|quarter)(?:\s+(?:last|a)\s+year|\s+(?:in|of)\s+\d{4})?\b".into(),
        "entities.date.last_period" => format!(r"(?i)\bthe\s+(?:last|past|next|coming|previous)\s+(?:{COUNT}\s+)?{PERIODS}\b"),
        "entities.date.recent_period" => format!(r"(?i)\b(?:recent|coming|past|previous)\s+(?:{COUNT}\s+)?{PERIODS}\b"),
        "entities.date.duration" => format!(r"(?i)\b{COUNT}\s+(?:(?:hundred|thousand|dozen)\s+)?(?:days|weeks|months|years|decades|centuries|day|week|month|year|decade|century)\b(?:\s+ago\b)?"),
        "entities.date.bare_duration" => r"(?i)\b(?:for|in|over|within|after|since|from)\s+(decades|months|years|weeks|days|centuries)\b".into(),
        "entities.date.part_of_period" => format!(r"(?i)\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?(?:year|month|week|decade|century|(?-i:{MONTH})|\d{{4}})\b"),
        "entities.date.weekend" => r"(?i)\bthe\s+weekend\b".into(),
        "entities.date.deictic" => r"(?i)\b(?:today|yesterday|tomorrow|tonight)\b".into(),
        "entities.date.year" => r"\b(?i:(?:early|mid|late)[- ])?(?:1[89]\d\d|20\d\d)\b".into(),
        other => panic!("no regex for {other}"),
    }
}

const CURRENCY: &str = r"(?:US\$|C\$|A\$|R\$|MX\$|\$|€|£|¥|USD\s?|EUR\s?)";
const DIGITS: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
const SCALE: &str = r"(?:hundred|thousand|million|billion|trillion|bn|m)";

fn number_regex() -> String {
    let word = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    let words = format!(r"{word}(?:[- ]{word})?");
    let approx = r"(?:(?:more|fewer|less|greater|higher|lower)\s+than|at\s+least|at\s+most|up\s+to|as\s+(?:many|much|few)\s+as|around|about|nearly|almost|roughly|approximately|some|over|under|just\s+over|just\s+under|an\s+estimated|close\s+to)";
    let (currency, digits, scale) = (CURRENCY, DIGITS, SCALE);
    let core = format!(
        r"(?:\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b|\b(?:two-thirds|three-quarters)\b|{currency}\s?(?:{digits})(?:bn\b|m\b|\s+{scale}\b)?|\b(?:{digits})(?:\s*(?:%|percent\b|per\s+cent\b)|bn\b|\s+{scale}\b)?|\b(?:an?\s+)?(?:{words}\s+)?{scale}s?\b(?:\s+(?:and\s+)?{words})?|\b{words}(?:\s+{scale}\b)?(?:\s+(?:percent\b|per\s+cent\b))?|\b(?:(?:a\s+)?dozens?|half|a\s+third|a\s+quarter|twice|thrice))"
    );
    format!(r"(?i)(?:\b{approx}\s+)?{core}")
}

fn all() -> Vec<(&'static str, &'static P, String)> {
    let mut all: Vec<(&str, &P, String)> = dates::PATTERNS
        .iter()
        .map(|p| (p.rule, &p.pattern, date_regex(p.rule)))
        .collect();
    all.push(("number", &numbers::NUMBER, number_regex()));
    all.push((
        "currency number",
        &numbers::CURRENCY_NUMBER,
        format!(r"(?i){CURRENCY}\s?(?:{DIGITS})(?:bn\b|m\b|\s+{SCALE}\b)?"),
    ));
    all.push((
        "anchor header",
        &dates::ANCHOR_HEADER,
        r"(?i)\b(?:date[: ]\s*)?(\d{4})-(\d{2})-(\d{2})\b".into(),
    ));
    all.push((
        "anchor full",
        &dates::ANCHOR_FULL,
        format!(r"({MONTH})\s+(\d{{1,2}}),\s+(\d{{4}})"),
    ));
    all
}

const VOCAB: &[&str] = &[
    "the",
    "a",
    "an",
    "one",
    "two",
    "seven",
    "seventeen",
    "twenty",
    "twenty-five",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "bn",
    "m",
    "tens",
    "of",
    "per",
    "cent",
    "percent",
    "%",
    "$",
    "US$",
    "C$",
    "MX$",
    "€",
    "£",
    "¥",
    "USD",
    "EUR",
    "1",
    "12",
    "123",
    "1,000",
    "1,234,567",
    "3.5",
    "12.",
    "2024",
    "1990",
    "1890",
    "1990s",
    "2020s",
    "08",
    "2025-08-08",
    "2025-8-08",
    "more",
    "than",
    "at",
    "least",
    "most",
    "up",
    "to",
    "as",
    "many",
    "much",
    "few",
    "around",
    "about",
    "nearly",
    "some",
    "over",
    "under",
    "just",
    "estimated",
    "close",
    "dozen",
    "dozens",
    "half",
    "third",
    "quarter",
    "twice",
    "thrice",
    "two-thirds",
    "and",
    "January",
    "May",
    "March",
    "Aug.",
    "Sept.",
    "Sep",
    "Dec",
    "Monday",
    "Friday",
    "morning",
    "night",
    "last",
    "next",
    "this",
    "past",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "day",
    "days",
    "same",
    "period",
    "coming",
    "previous",
    "recent",
    "several",
    "ago",
    "for",
    "in",
    "since",
    "within",
    "end",
    "beginning",
    "start",
    "middle",
    "weekend",
    "today",
    "tonight",
    "date",
    "date:",
    "1st",
    "3rd",
    "th",
    "s",
    "people",
    "F-35",
    "amateur",
    "Mayor",
    "x",
    "said",
    "—",
    "“",
    "é",
    "😀",
    // phrases, so that the longer patterns match often enough
    "the same",
    "the same month",
    "same year",
    "the last",
    "the past few",
    "the coming",
    "the last two weeks",
    "the past 12 months",
    "recent days",
    "three years ago",
    "at least",
    "per cent",
    "more than",
    "end of",
    "the end of",
    "the weekend",
    "Aug. 8",
    "Monday morning",
    "for years",
    "tens of",
    "a third",
    "as many as",
    "an estimated",
    "US$ 20",
    "date: 2025-08-08",
    "June 3, 2024",
    "mid-1990s",
    "early 2020",
    "£3bn",
    "$1.5m",
    "3m",
    "20bn",
    "€5 million",
    "12 per cent",
    "4.5%",
    "last week",
    "this year",
    "earlier this month",
    "next Friday",
    "the 1990s",
    "in months",
    "middle of May",
    "8 Aug.",
    "Dec. 1st",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "  ", "\n", "-", ",", ", ", ".", "", "\t", " . ", "\u{a0}",
];

/// Deterministic snippets: words from [`VOCAB`] in random case, joined by [`SEPARATORS`].
fn snippets(count: usize) -> Vec<String> {
    let mut rng = crate::test_inputs::Rng::new(0x9E37_79B9_7F4A_7C15);
    let mut next = move |n: usize| rng.below(n);
    (0..count)
        .map(|_| {
            let mut s = String::new();
            for _ in 0..1 + next(10) {
                let word = VOCAB[next(VOCAB.len())];
                match next(6) {
                    0 => s.push_str(&word.to_uppercase()),
                    1 => {
                        let mut chars = word.chars();
                        s.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                        s.push_str(chars.as_str());
                    }
                    _ => s.push_str(word),
                }
                s.push_str(SEPARATORS[next(SEPARATORS.len())]);
            }
            s
        })
        .collect()
}

type Found = Option<(usize, Vec<Option<(usize, usize)>>)>;

fn by_pattern(p: &P, text: &str, at: usize, groups: usize) -> Found {
    let m = pattern::find(p, text, at)?;
    Some((m.end, (1..=groups).map(|g| m.group(g)).collect()))
}

/// A regex's match starting at `at`, with the text before `at` seen by `\b`: the leftmost
/// match from `at` starts there whenever any match does.
fn by_regex(re: &Regex, text: &str, at: usize) -> Found {
    let c = re.captures_at(text, at)?;
    let whole = c.get(0)?;
    (whole.start() == at).then(|| {
        let groups = (1..c.len())
            .map(|g| c.get(g).map(|m| (m.start(), m.end())))
            .collect();
        (whole.end(), groups)
    })
}

#[test]
fn every_pattern_matches_what_its_regex_matches() {
    let texts = snippets(2_500);
    for (name, p, source) in all() {
        let re = Regex::new(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        let groups = re.captures_len() - 1;
        let mut matched = 0;
        for text in &texts {
            for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let want = by_regex(&re, text, at);
                assert_eq!(
                    by_pattern(p, text, at, groups),
                    want,
                    "{name} at {at} of {text:?}"
                );
                matched += usize::from(want.is_some());
            }
        }
        // the generated text must exercise every pattern, or the comparison proves little
        assert!(matched >= 5, "{name} matched only {matched} times");
    }
}
