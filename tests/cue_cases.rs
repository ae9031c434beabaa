//! The table of stance-cue cases in `tests/cases/cues.toml`, run by one runner: every case
//! lists all the cues its text must get (`"category: text"`), so each also checks that nothing
//! else is found. Cases with `known_miss` are reported, not failed.

use newslens::annotate;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expect: Vec<String>,
    known_miss: Option<String>,
}

fn found(text: &str) -> Vec<String> {
    let mut out: Vec<String> = annotate(text)
        .cues
        .iter()
        .map(|c| {
            let category = serde_json::to_value(c.category).expect("category");
            format!("{}: {}", category.as_str().expect("a string"), c.span.text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn cue_cases() {
    let data = include_str!("cases/cues.toml");
    let cases: Cases = toml::from_str(data).expect("cases/cues.toml");
    assert!(cases.case.len() >= 100, "keep at least 100 cases");
    let mut failures = Vec::new();
    let mut known = 0;
    for case in &cases.case {
        let mut expected = case.expect.clone();
        expected.sort();
        let got = found(&case.text);
        let passed = got == expected;
        match (&case.known_miss, passed) {
            (Some(reason), false) => {
                known += 1;
                println!("known miss {:?}: {reason}\n  got {got:?}", case.name);
            }
            (Some(_), true) => println!("known miss {:?} now passes: drop known_miss", case.name),
            (None, false) => failures.push(format!(
                "{:?}\n  text     {:?}\n  expected {expected:?}\n  got      {got:?}",
                case.name, case.text
            )),
            (None, true) => {}
        }
    }
    println!("{} cases, {known} known misses", cases.case.len());
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Arbitrary mixes of cue words, multi-byte characters, quote marks and punctuation: no panic,
/// every cue span slices the text on character boundaries, and cues come sorted by start.
#[test]
fn cues_survive_arbitrary_text() {
    const PIECES: &[&str] = &[
        "ruled",
        "out",
        "No",
        "no",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "could",
        "May",
        "may",
        "😀",
        "Café",
        "—",
        "–",
        ",",
        ".",
        "?",
        "\n",
        "officials",
        "said",
        "A",
        "U.S.",
        "official",
        "speaking",
        "on",
        "condition",
        "of",
        "anonymity",
        "what",
        "he",
        "called",
        "not",
        "going",
        "to",
        "wouldn’t",
        "answer",
        "co‑operate",
        "é",
        "👍🏽",
        "reported",
        "appears",
        "possible",
        "arguing",
        "that",
        " ",
        "  ",
        "clear",
        "help",
        "you",
        "firm",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..40 {
            // xorshift: deterministic, so a failure reproduces.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            if state % 3 != 0 {
                text.push(' ');
            }
        }
        let analysis = annotate(&text);
        for cue in &analysis.cues {
            assert!(text.is_char_boundary(cue.span.start) && text.is_char_boundary(cue.span.end));
            assert_eq!(&text[cue.span.start..cue.span.end], cue.span.text);
            assert!(!cue.rule.is_empty() && !cue.voice.is_empty());
        }
        assert!(analysis
            .cues
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
        let t = &analysis.profile.totals;
        assert_eq!(t.quoted_words + t.reported_words + t.writer_words, t.words);
    }
}
