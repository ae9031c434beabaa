//! Table-driven test of the quotes layer: every case in `tests/cases/quotes.txt` is annotated and
//! its quotes compared with the expected ones.
//!
//! Run `cargo test --test quote_cases -- --nocapture` to see every failure and known miss.
//!
//! # Format of `quotes.txt`
//!
//! Cases are blocks separated by blank lines; lines starting with `#` are comments.
//!
//! ```text
//! case: direct, curly marks, name after
//! text: “We will not go back,” Maria Lopez said on Tuesday.
//! quote: direct | We will not go back, | Maria Lopez | said
//! ```
//!
//! - `case:` the name (first line of the block).
//! - `text:` one paragraph. Several `text:` lines are joined with `\n`, one paragraph per line,
//!   as news text comes. No escapes: the text is taken literally.
//! - `quote: KIND | TEXT | SPEAKER | CUE [| FLAG ...]`, one per expected quote, in any order.
//!   KIND is `direct`, `partial` or `indirect`; TEXT the exact span text (`\\n` in it stands for
//!   the newline between paragraphs, for quotes over several paragraphs); SPEAKER the speaker's
//!   name, `-` for no speaker, `*` for don't care; CUE the cue's exact text, `-` or `*`.
//!   Optional flags: `anonymous` / `named` (speaker.anonymous), `neutral` / `loaded`
//!   (cue.neutral), `nested` / `top` (nested_in set or not), `via=RESOLUTION`
//!   (speaker.resolution: name, pronoun, role, description, continuation), `lemma=LEMMA`.
//! - No `quote:` line: the text must give no quotes at all.
//! - `known: REASON` marks a known miss: it is run and printed but does not fail the test,
//!   unless it passes, which fails the test so that the list stays honest.
//!
//! A case passes when the predicted quotes are exactly the expected set by kind and text, and
//! every expected speaker, cue and flag matches.

use newslens::{annotate, Quote, QuoteKind};
use std::fmt::Write as _;

const CASES: &str = include_str!("cases/quotes.txt");

struct Expected {
    kind: QuoteKind,
    text: String,
    speaker: String,
    cue: String,
    flags: Vec<String>,
}

struct Case {
    line: usize,
    name: String,
    text: String,
    quotes: Vec<Expected>,
    known: Option<String>,
}

fn parse_kind(s: &str, line: usize) -> QuoteKind {
    match s {
        "direct" => QuoteKind::Direct,
        "partial" => QuoteKind::Partial,
        "indirect" => QuoteKind::Indirect,
        _ => panic!("quotes.txt:{line}: unknown kind {s:?}"),
    }
}

fn parse(data: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut current: Option<Case> = None;
    for (i, raw) in data.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            cases.extend(current.take());
            continue;
        }
        if raw.starts_with('#') {
            continue;
        }
        let (key, value) = raw
            .split_once(": ")
            .or_else(|| raw.strip_suffix(':').map(|k| (k, "")))
            .unwrap_or_else(|| panic!("quotes.txt:{line}: expected `key: value`, got {raw:?}"));
        if key == "case" {
            assert!(
                current.is_none(),
                "quotes.txt:{line}: blank line missing before case"
            );
            current = Some(Case {
                line,
                name: value.to_string(),
                text: String::new(),
                quotes: Vec::new(),
                known: None,
            });
            continue;
        }
        let case = current
            .as_mut()
            .unwrap_or_else(|| panic!("quotes.txt:{line}: `{key}:` outside a case"));
        match key {
            "text" => {
                if !case.text.is_empty() {
                    case.text.push('\n');
                }
                case.text.push_str(value);
            }
            "known" => case.known = Some(value.to_string()),
            "quote" => {
                let fields: Vec<&str> = value.split('|').map(str::trim).collect();
                assert!(fields.len() >= 4, "quotes.txt:{line}: quote needs 4 fields");
                case.quotes.push(Expected {
                    kind: parse_kind(fields[0], line),
                    text: fields[1].replace("\\n", "\n"),
                    speaker: fields[2].to_string(),
                    cue: fields[3].to_string(),
                    flags: fields[4..].iter().map(|f| f.to_string()).collect(),
                });
            }
            _ => panic!("quotes.txt:{line}: unknown key {key:?}"),
        }
    }
    cases.extend(current);
    cases
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// One predicted quote in the file's own format, plus the fields the flags check.
fn show(q: &Quote) -> String {
    let speaker = q.speaker.as_ref();
    format!(
        "{} | {} | {} | {}    [{}{}{} rule={}]",
        kind_name(q.kind),
        q.span.text.replace('\n', "\\n"),
        speaker.map_or("-", |s| s.name.as_ref()),
        q.cue.as_ref().map_or("-", |c| c.span.text.as_ref()),
        speaker.map_or(String::new(), |s| {
            format!(
                "{} via={} ",
                if s.anonymous { "anonymous" } else { "named" },
                s.resolution
            )
        }),
        q.cue.as_ref().map_or(String::new(), |c| format!(
            "{} lemma={} ",
            if c.neutral { "neutral" } else { "loaded" },
            c.lemma
        )),
        q.nested_in.as_ref().map_or("top", |_| "nested"),
        q.rule,
    )
}

/// Why one expected quote does not match its prediction, or `None` when it does.
fn mismatch(e: &Expected, q: &Quote) -> Option<String> {
    let speaker = q.speaker.as_ref();
    let mut why = Vec::new();
    match e.speaker.as_str() {
        "*" => {}
        "-" if speaker.is_some() => why.push("speaker should be none".to_string()),
        "-" => {}
        name if speaker.map(|s| s.name.as_ref()) != Some(name) => {
            why.push(format!("speaker should be {name:?}"))
        }
        _ => {}
    }
    let cue = q.cue.as_ref();
    match e.cue.as_str() {
        "*" => {}
        "-" if cue.is_some() => why.push("cue should be none".to_string()),
        "-" => {}
        text if cue.map(|c| c.span.text.as_ref()) != Some(text) => {
            why.push(format!("cue should be {text:?}"))
        }
        _ => {}
    }
    for flag in &e.flags {
        let ok = match flag.as_str() {
            "anonymous" => speaker.is_some_and(|s| s.anonymous),
            "named" => speaker.is_some_and(|s| !s.anonymous),
            "neutral" => cue.is_some_and(|c| c.neutral),
            "loaded" => cue.is_some_and(|c| !c.neutral),
            "nested" => q.nested_in.is_some(),
            "top" => q.nested_in.is_none(),
            f if f.starts_with("via=") => speaker.is_some_and(|s| s.resolution == f[4..]),
            f if f.starts_with("lemma=") => cue.is_some_and(|c| c.lemma == f[6..]),
            f => panic!("unknown flag {f:?}"),
        };
        if !ok {
            why.push(format!("should be {flag}"));
        }
    }
    (!why.is_empty()).then(|| why.join(", "))
}

/// Checks one case; `Err` holds the report of what went wrong.
fn check(case: &Case) -> Result<(), String> {
    let text = case.text.clone();
    let analysis = std::panic::catch_unwind(|| annotate(&text))
        .map_err(|_| "annotate PANICKED on this text".to_string())?;
    let mut problems = Vec::new();
    // Spans must be exact slices of the input: a span bug shows here whatever the expectations.
    for q in &analysis.quotes {
        if case.text.get(q.span.start..q.span.end) != Some(q.span.text.as_ref()) {
            problems.push(format!(
                "SPAN BUG: {} is not text[{}..{}]",
                q.id, q.span.start, q.span.end
            ));
        }
    }
    let mut unmatched: Vec<&Quote> = analysis.quotes.iter().collect();
    for e in &case.quotes {
        let found = unmatched
            .iter()
            .position(|q| q.kind == e.kind && q.span.text == e.text);
        match found {
            Some(i) => {
                let q = unmatched.remove(i);
                if let Some(why) = mismatch(e, q) {
                    problems.push(format!(
                        "wrong on `{} | {}`: {why}",
                        kind_name(e.kind),
                        e.text
                    ));
                }
            }
            None => problems.push(format!("missing `{} | {}`", kind_name(e.kind), e.text)),
        }
    }
    for q in unmatched {
        problems.push(format!(
            "unexpected `{} | {}`",
            kind_name(q.kind),
            q.span.text
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    let mut report = String::new();
    let _ = writeln!(report, "  problems: {}", problems.join("; "));
    let _ = writeln!(report, "  text: {}", case.text.replace('\n', "\n        "));
    let _ = writeln!(report, "  expected:");
    for e in &case.quotes {
        let _ = writeln!(
            report,
            "    {} | {} | {} | {} {}",
            kind_name(e.kind),
            e.text.replace('\n', "\\n"),
            e.speaker,
            e.cue,
            e.flags.join(" ")
        );
    }
    if case.quotes.is_empty() {
        let _ = writeln!(report, "    (no quotes)");
    }
    let _ = writeln!(report, "  got:");
    for q in &analysis.quotes {
        let _ = writeln!(report, "    {}", show(q));
    }
    if analysis.quotes.is_empty() {
        let _ = writeln!(report, "    (no quotes)");
    }
    Err(report)
}

#[test]
fn quote_cases() {
    let cases = parse(CASES);
    std::panic::set_hook(Box::new(|_| {}));
    let (mut passed, mut known, mut failed) = (0, 0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let result = check(case);
        match (&case.known, result) {
            (None, Ok(())) => passed += 1,
            (Some(reason), Err(report)) => {
                known += 1;
                println!(
                    "KNOWN MISS `{}` (line {}): {reason}\n{report}",
                    case.name, case.line
                );
            }
            (None, Err(report)) => {
                failed += 1;
                failures.push(case.name.clone());
                println!("FAILED `{}` (line {})\n{report}", case.name, case.line);
            }
            (Some(_), Ok(())) => {
                failed += 1;
                failures.push(case.name.clone());
                println!(
                    "FAILED `{}` (line {}): now passes, remove known",
                    case.name, case.line
                );
            }
        }
    }
    let _ = std::panic::take_hook();
    println!("quote cases: {passed} passed, {known} known misses, {failed} failed");
    assert!(cases.len() >= 130, "only {} cases", cases.len());
    assert!(failed == 0, "{failed} quote cases failed: {failures:?}");
}
