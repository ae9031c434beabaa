//! Hostile inputs, shared by `tests/hostile.rs` (each must answer valid output with exact spans)
//! and `examples/hostile_bench.rs` (each must cost time in proportion to its length); and the
//! seed loader and the corpus builder the benchmarks and `tests/memory_budget.rs` share.
//!
//! Every generator takes a target size in bytes and returns text of about that size (whole
//! characters, so it may be a little over).
#![allow(dead_code)]

/// Name and generator of every hostile case.
pub type Case = (&'static str, fn(usize) -> String);

/// The ordinary news text every case is compared with: the seeds, repeated.
pub fn news(size: usize) -> String {
    repeat_to(&seeds().join("\n"), size)
}

/// The seeds, each followed by a blank line, repeated until the corpus is at least `size`
/// bytes: the benchmarks' corpora, exactly what `bench/run.mjs` builds.
pub fn corpus(seeds: &[(String, String)], size: usize) -> String {
    one_text(&repeated_articles(seeds, size))
}

/// The articles of [`corpus`]: the seeds in turn, until they and their blank lines make
/// `size` bytes.
pub fn repeated_articles(seeds: &[(String, String)], size: usize) -> Vec<String> {
    let mut articles = Vec::new();
    let mut total = 0;
    while total < size {
        for (_, text) in seeds {
            total += text.len() + 2;
            articles.push(text.clone());
        }
    }
    articles
}

/// Articles as one text, each followed by a blank line.
pub fn one_text(articles: &[String]) -> String {
    articles.iter().map(|a| format!("{a}\n\n")).collect()
}

/// Articles made from the seeds as [`corpus`] makes its text, but no two alike, as the
/// articles of a real archive are not: in each copy of a seed every word that is rare in the
/// seeds (fewer than three times) is another rare word, every rare capitalised word a made-up
/// name, and every digit another digit. The common words keep each sentence's shape, so the
/// layers find quotes, names and cues in it at about the rate they do in news.
///
/// Why it exists: in a text that repeats 19 KB, each layer meets the same sentences again and
/// again, and the processor's branch predictor learns them. That made the repeated corpus run
/// 1.4 times faster at 5 MB than varied text (native, 2026-11-22), and hid a clustering cost
/// that grew as the square of the number of distinct names. Articles, one call each, run at the
/// same speed either way.
pub fn varied_articles(seeds: &[(String, String)], size: usize) -> Vec<String> {
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    for (_, text) in seeds {
        for word in words_of(text) {
            *count.entry(word.to_ascii_lowercase()).or_default() += 1;
        }
    }
    let rare = |w: &str| count[&w.to_ascii_lowercase()] < 3;
    let mut rare_words: Vec<&str> = seeds
        .iter()
        .flat_map(|(_, t)| words_of(t))
        .filter(|w| rare(w) && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    rare_words.sort_unstable();
    rare_words.dedup();
    let mut rng = Rng::new(2026);
    let mut made_up_name = || {
        const CONSONANTS: &[u8] = b"bcdfghjklmnprstvwz";
        const VOWELS: &[u8] = b"aeiou";
        let mut name = String::new();
        for _ in 0..2 + rng.below(2) {
            name.push(CONSONANTS[rng.below(CONSONANTS.len())] as char);
            name.push(VOWELS[rng.below(VOWELS.len())] as char);
        }
        name.push_str(rng.pick(&["", "n", "s", "r", "k"]));
        let mut name = name.into_bytes();
        name[0] = name[0].to_ascii_uppercase();
        String::from_utf8(name).expect("ASCII")
    };
    let mut pick = Rng::new(11);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < size {
        for (_, text) in seeds {
            let mut out = String::with_capacity(text.len());
            let mut rest = text.as_str();
            while let Some(at) = rest.find(|c: char| c.is_ascii_alphanumeric()) {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                if digits > 0 {
                    for _ in 0..digits {
                        out.push((b'0' + pick.below(10) as u8) as char);
                    }
                    rest = &rest[digits..];
                    continue;
                }
                let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                let word = &rest[..len];
                rest = &rest[len..];
                let capitalised = word.as_bytes()[0].is_ascii_uppercase()
                    && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
                if !rare(word) {
                    out.push_str(word);
                } else if word.bytes().all(|b| b.is_ascii_lowercase()) {
                    out.push_str(pick.pick(&rare_words));
                } else if capitalised {
                    out.push_str(&made_up_name());
                } else {
                    out.push_str(word);
                }
            }
            out.push_str(rest);
            total += out.len() + 2;
            articles.push(out);
        }
    }
    articles
}

/// [`varied_articles`] as one text, as [`corpus`] is.
pub fn varied_corpus(seeds: &[(String, String)], size: usize) -> String {
    one_text(&varied_articles(seeds, size))
}

/// The runs of ASCII letters of a text: the words [`varied_articles`] counts and replaces.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The seed articles with their file names, in file-name order: the one loader of `seeds/` for
/// the tests and the benchmarks (`examples/` include this file).
pub fn seed_files() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).expect("seed"))
        })
        .collect()
}

/// The seed articles, in file-name order.
pub fn seeds() -> Vec<String> {
    seed_files().into_iter().map(|(_, text)| text).collect()
}

/// `unit` repeated until the text is at least `size` bytes.
pub fn repeat_to(unit: &str, size: usize) -> String {
    assert!(!unit.is_empty());
    let mut out = String::with_capacity(size + unit.len());
    while out.len() < size {
        out.push_str(unit);
    }
    out
}

/// A tiny deterministic generator (xorshift), so the cases are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// A text of fewer than `most` pieces, each picked from `pieces`: what the tests that check
    /// a fast path against its plain definition feed both.
    pub fn text(&mut self, pieces: &[&str], most: usize) -> String {
        let count = self.below(most);
        (0..count).map(|_| self.pick(pieces)).collect()
    }
    /// [`Rng::text`] with a space between the pieces: the words of a sentence.
    pub fn words(&mut self, pieces: &[&str], most: usize) -> String {
        let count = self.below(most);
        let words: Vec<&str> = (0..count).map(|_| self.pick(pieces)).collect();
        words.join(" ")
    }
}

/// The seeds, then `count` texts of [`Rng::text`] (fewer than `most` of `pieces` each) from a
/// generator seeded with `seed`: real articles and the odd shapes they seldom show.
pub fn seeds_and_texts(seed: u64, count: usize, most: usize, pieces: &[&str]) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut texts = seeds();
    texts.extend((0..count).map(|_| rng.text(pieces, most)));
    texts
}

/// [`seeds_and_texts`] with [`Rng::words`]: the pieces joined by spaces, as words in a sentence.
pub fn seeds_and_sentences(seed: u64, count: usize, most: usize, pieces: &[&str]) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut texts = seeds();
    texts.extend((0..count).map(|_| rng.words(pieces, most)));
    texts
}

const MARKS: &str = "“”\"‘’'«»„‹›";

pub const CASES: &[Case] = &[
    ("quote marks only", |n| repeat_to(MARKS, n)),
    ("random quote marks", |n| {
        let marks: Vec<char> = MARKS.chars().collect();
        let mut rng = Rng::new(7);
        let mut out = String::new();
        while out.len() < n {
            out.push(marks[rng.below(marks.len())]);
        }
        out
    }),
    ("alternating open/close", |n| repeat_to("“”", n)),
    ("quoted punctuation, no letters", |n| repeat_to("“.”", n)),
    ("opens then closes of the other family", |n| {
        let half = repeat_to("‹", n / 2);
        half.clone() + &repeat_to("”", n / 2)
    }),
    ("deeply nested quotes", |n| {
        let half = repeat_to("“‘", n / 2);
        half + &repeat_to("’”", n / 2)
    }),
    ("deeply nested quotes with words", |n| {
        let half = repeat_to("“He said ‘she said ", n / 2);
        half + &repeat_to("no,’ she said,” ", n / 2)
    }),
    ("straight quotes glued to words", |n| {
        repeat_to("a\"b'c\"d'", n)
    }),
    ("apostrophes and elisions", |n| {
        repeat_to("rock ’n’ roll 'em 'til ’90s isn’t 'cause 'n' ", n)
    }),
    ("one huge line, no spaces", |n| repeat_to("abcdefghij", n)),
    ("one huge word with joiners", |n| repeat_to("a.b-c’d&", n)),
    ("initials", |n| repeat_to("U.S.A.", n)),
    ("digits with separators", |n| repeat_to("1,2.3,", n)),
    ("endless capitalised names", |n| {
        let names = [
            "Claudia",
            "Sheinbaum",
            "Marco",
            "Rubio",
            "Pardo",
            "José",
            "Müller",
            "Ōtani",
            "Van",
            "Der",
            "Berg",
            "O’Brien",
            "Al-Assad",
            "Mexico",
            "City",
            "Army",
            "Department",
        ];
        let mut rng = Rng::new(11);
        let mut out = String::new();
        while out.len() < n {
            out.push_str(rng.pick(&names));
            out.push(' ');
        }
        out
    }),
    ("said said said", |n| repeat_to("said ", n)),
    ("quote then said said said", |n| {
        repeat_to("“Yes,” said said said said said said. ", n)
    }),
    ("one sentence per word", |n| repeat_to("Yes. ", n)),
    ("abbreviations", |n| repeat_to("Mr. Gen. Sen. Dr. St. ", n)),
    ("stops only", |n| repeat_to(". ! ? … ", n)),
    ("bidi controls and zero-width chars", |n| {
        repeat_to(
            "\u{202E}“tlusni”\u{202C} \u{2066}said\u{2069} \u{200B}Ana\u{200D}Lopez\u{FEFF} \u{200E}",
            n,
        )
    }),
    ("combining marks", |n| {
        let mut unit = String::from("a");
        for i in 0..200u32 {
            unit.push(char::from_u32(0x300 + i % 0x70).expect("combining mark"));
        }
        unit.push(' ');
        repeat_to(&unit, n)
    }),
    ("emoji and astral chars", |n| {
        repeat_to("😀 👩‍👩‍👧 🇲🇽 “𝔘𝔫𝔦𝔠𝔬𝔡𝔢,” 𝓢𝓪𝓲𝓭 🏳️‍🌈. ", n)
    }),
    ("NUL and control chars", |n| {
        let unit: String = (0u32..32)
            .chain([0x7F, 0x85, 0x2028, 0x2029])
            .map(|c| char::from_u32(c).expect("control"))
            .collect();
        repeat_to(&(unit + "a"), n)
    }),
    ("CRLF news", |n| news(n).replace('\n', "\r\n")),
    ("CR-only news", |n| news(n).replace('\n', "\r")),
    ("news on one line", |n| news(n).replace('\n', " ")),
    ("HTML soup", |n| {
        repeat_to(
            "<div class=\"q\" data-x='1'><p>“Hi,” <b>she</b> said.</p><script>alert('x')</script>&amp;&quot;&#8220;</div>\n",
            n,
        )
    }),
    ("whitespace only", |n| {
        repeat_to(" \t\n\r\u{A0}\u{3000}\u{2028}", n)
    }),
    ("blank lines", |n| repeat_to("\n", n)),
    ("random bytes as lossy UTF-8", |n| {
        let mut rng = Rng::new(3);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }),
    ("random news pieces", |n| {
        let pieces = [
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "'",
            "«",
            "»",
            " said ",
            "Ana López",
            ", she said. ",
            "\n",
            "Mr. ",
            "U.S. ",
            "😀",
            "é",
            "a\u{301}",
            "\r\n",
            "(",
            ")",
            "—",
            "1,200 ",
            "percent ",
            "on Friday",
            ": ",
        ];
        let mut rng = Rng::new(5);
        let mut out = String::new();
        while out.len() < n {
            out.push_str(rng.pick(&pieces));
        }
        out
    }),
];
