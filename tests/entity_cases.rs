//! Table-driven entity cases from `tests/cases/entities.txt`, run by one test.
//!
//! Format: a case starts with `== name`; `> text` lines are the input (joined with newlines);
//! then expectations, each checked independently:
//! - `+ TYPE text` a mention with exactly this text and type exists;
//!   `+ TYPE text => Name` and its entity's name is `Name`;
//! - `- text` no mention has exactly this text; `- TYPE text` none of this type;
//! - `title Name: title` the person named `Name` has this title (compared lower-cased);
//! - `value text: json` the entity of the mention `text` has this value; `unit text: unit`;
//! - `gender Name: female|male|none`;
//! - `same a | b` the mentions `a` and `b` are in one entity; `apart a | b` in different ones.
//!
//! Cases named in `tests/cases/entities.known_misses.txt` are run and reported but do not fail.

use std::collections::BTreeMap;

use newslens::{annotate, entities, Analysis, Entity, EntityType};

struct Case {
    name: String,
    line: usize,
    text: String,
    checks: Vec<(usize, String)>,
}

fn parse(data: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (i, raw) in data.lines().enumerate() {
        let line = raw.trim_end();
        if let Some(name) = line.strip_prefix("== ") {
            cases.push(Case {
                name: name.trim().to_string(),
                line: i + 1,
                text: String::new(),
                checks: Vec::new(),
            });
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("line {}: no case yet", i + 1));
        if let Some(text) = line
            .strip_prefix("> ")
            .or(line.strip_prefix(">").filter(|_| line == ">"))
        {
            if !case.text.is_empty() {
                case.text.push('\n');
            }
            case.text.push_str(text);
        } else {
            case.checks.push((i + 1, line.to_string()));
        }
    }
    cases
}

fn kind(label: &str) -> Option<EntityType> {
    Some(match label {
        "PERSON" => EntityType::Person,
        "ORG" => EntityType::Org,
        "PLACE" => EntityType::Place,
        "DATE" => EntityType::Date,
        "NUMBER" => EntityType::Number,
        _ => return None,
    })
}

fn entity_of<'a>(analysis: &'a Analysis, mention: &str) -> Option<&'a Entity<'a>> {
    analysis
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == mention))
}

/// `TYPE rest` or `rest`.
fn typed(spec: &str) -> (Option<EntityType>, &str) {
    match spec.split_once(' ') {
        Some((label, rest)) if kind(label).is_some() => (kind(label), rest.trim()),
        _ => (None, spec.trim()),
    }
}

fn check(analysis: &Analysis, text: &str, spec: &str) -> Result<(), String> {
    for e in &analysis.entities {
        for m in &e.mentions {
            assert_eq!(
                &text[m.start..m.end],
                m.text,
                "span must be the input's slice"
            );
        }
    }
    let mentions = || {
        analysis
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
    };
    if let Some(rest) = spec.strip_prefix("+ ") {
        let (kind, rest) = typed(rest);
        let (mention, name) = match rest.split_once(" => ") {
            Some((m, n)) => (m.trim(), Some(n.trim())),
            None => (rest, None),
        };
        let found =
            mentions().find(|(e, m)| m.text == mention && (kind.is_none() || kind == Some(e.kind)));
        return match (found, name) {
            (None, _) => Err(format!("no {kind:?} mention {mention:?}")),
            (Some((e, _)), Some(name)) if e.name != name => {
                Err(format!("{mention:?} is in {:?}, not {name:?}", e.name))
            }
            _ => Ok(()),
        };
    }
    if let Some(rest) = spec.strip_prefix("- ") {
        let (kind, mention) = typed(rest);
        return match mentions()
            .find(|(e, m)| m.text == mention && (kind.is_none() || kind == Some(e.kind)))
        {
            Some((e, _)) => Err(format!("unexpected {:?} mention {mention:?}", e.kind)),
            None => Ok(()),
        };
    }
    let (key, rest) = spec.split_once(' ').ok_or("bad check")?;
    let (left, right) = match key {
        "same" | "apart" => rest.split_once(" | ").ok_or("bad check")?,
        _ => rest.rsplit_once(": ").ok_or("bad check")?,
    };
    let (left, right) = (left.trim(), right.trim());
    match key {
        "title" => {
            let person = entities::people(&analysis.entities)
                .find(|e| e.name == left)
                .ok_or(format!("no person {left:?}"))?;
            let want = entities::titles::normalize(right);
            if person
                .titles
                .iter()
                .any(|t| entities::titles::normalize(t) == want)
            {
                Ok(())
            } else {
                Err(format!(
                    "{left:?} has titles {:?}, not {right:?}",
                    person.titles
                ))
            }
        }
        "gender" => {
            let person = entities::people(&analysis.entities)
                .find(|e| e.name == left)
                .ok_or(format!("no person {left:?}"))?;
            let got = match entities::gender(person) {
                Some(entities::Gender::Female) => "female",
                Some(entities::Gender::Male) => "male",
                None => "none",
            };
            (got == right)
                .then_some(())
                .ok_or(format!("{left:?} is {got}"))
        }
        "value" => {
            let e = entity_of(analysis, left).ok_or(format!("no mention {left:?}"))?;
            // `null` means no value.
            let want: Option<newslens::EntityValue> =
                serde_json::from_str(right).map_err(|e| e.to_string())?;
            (e.value == want)
                .then_some(())
                .ok_or(format!("{left:?} has value {:?}", e.value))
        }
        "unit" => {
            let e = entity_of(analysis, left).ok_or(format!("no mention {left:?}"))?;
            (e.unit.as_deref() == Some(right))
                .then_some(())
                .ok_or(format!("{left:?} has unit {:?}", e.unit))
        }
        "same" | "apart" => {
            let a = entity_of(analysis, left).ok_or(format!("no mention {left:?}"))?;
            let b = entity_of(analysis, right).ok_or(format!("no mention {right:?}"))?;
            let same = a.id == b.id;
            (same == (key == "same")).then_some(()).ok_or(format!(
                "{left:?} ({}) and {right:?} ({}): {key} expected",
                a.name, b.name
            ))
        }
        other => Err(format!("unknown check {other:?}")),
    }
}

#[test]
fn entity_cases() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let cases = parse(&std::fs::read_to_string(root.join("entities.txt")).expect("cases"));
    let known: BTreeMap<String, String> =
        std::fs::read_to_string(root.join("entities.known_misses.txt"))
            .expect("known misses")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once(" # ") {
                Some((name, why)) => (name.trim().to_string(), why.trim().to_string()),
                None => (l.trim().to_string(), String::new()),
            })
            .collect();
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    let mut known_failing = Vec::new();
    for case in &cases {
        assert!(
            names.insert(case.name.clone()),
            "duplicate case name {}",
            case.name
        );
        assert!(
            !case.text.is_empty() && !case.checks.is_empty(),
            "case {} is empty",
            case.name
        );
        let analysis = annotate(&case.text);
        for e in &analysis.entities {
            assert_ne!(
                newslens::rules::describe(&e.rule),
                e.rule,
                "rule {} is not described in src/rules.rs",
                e.rule
            );
        }
        let errors: Vec<String> = case
            .checks
            .iter()
            .filter_map(|(line, spec)| {
                check(&analysis, &case.text, spec)
                    .err()
                    .map(|e| format!("line {line}: {e}"))
            })
            .collect();
        if errors.is_empty() {
            if known.contains_key(&case.name) {
                println!(
                    "known miss now passes (remove it from the list): {}",
                    case.name
                );
            }
            continue;
        }
        let report = format!(
            "{} (line {}):\n    {}",
            case.name,
            case.line,
            errors.join("\n    ")
        );
        if known.contains_key(&case.name) {
            known_failing.push(report);
        } else {
            failures.push(report);
        }
    }
    for name in known.keys() {
        assert!(names.contains(name), "known miss {name} is not a case");
    }
    println!(
        "{} cases, {} known misses still failing",
        cases.len(),
        known_failing.len()
    );
    for r in &known_failing {
        println!("known miss: {r}");
    }
    assert!(cases.len() >= 120, "keep at least 120 cases");
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
}
