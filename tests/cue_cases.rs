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
