//! The CLI's contract (issue 9), run against the built binary: errors name the file and the
//! reason, exit statuses are 0/1/2, `--jsonl` answers every line in order, offsets slice exactly.
#![cfg(not(target_arch = "wasm32"))]

mod robust;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use newslens::OffsetUnit;
use serde_json::Value;

fn newslens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newslens runs");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("newslens ends");
    writer.join().expect("stdin writer");
    output
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout_lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

/// A scratch directory of this test binary's own, removed and made again.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newslens-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const ARTICLE: &str = "Café 😀 “We will not accept it,” Claudia Sheinbaum said on Friday.\n";

#[test]
fn missing_file_is_named_with_the_reason_and_exit_2() {
    let o = newslens(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "newslens: cannot read /no/such/file.txt: no such file"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn invalid_utf8_names_file_and_offset_and_lossy_reads_it() {
    let dir = scratch("utf8");
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"\xe2\x80\x9cOui,\xe2\x80\x9d dit-elle \xff\xfe.").expect("write");
    let p = path.to_str().expect("path");
    let o = newslens(&["annotate", p], b"");
    assert_eq!(o.status.code(), Some(2));
    let message = stderr(&o);
    assert!(message.starts_with("newslens: "), "{message}");
    assert!(message.contains(p), "{message}");
    assert!(message.contains("offset 20"), "{message}");
    assert!(o.stdout.is_empty());

    let o = newslens(&["annotate", "--lossy", p], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(json["quotes"][0]["text"], "Oui,");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn jsonl_answers_every_line_in_order_and_exit_1_on_bad_lines() {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"id\": \"a1\", \"text\": \"\xe2\x80\x9cYes,\xe2\x80\x9d she said.\"}\n",
    );
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"id\": 7, \"text\": 42}\n");
    input.extend_from_slice(b"{\"id\": \"a4\"}\n");
    input.extend_from_slice(b"{\"id\": \"a5\", \"text\": \"bad \xff byte\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\": \"a7\", \"text\": \"\\\"No,\\\" he said.\"}\r\n");
    let o = newslens(&["annotate", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines = stdout_lines(&o);
    assert_eq!(lines.len(), 6, "one answer per non-blank line: {lines:?}");
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["quotes"][0]["text"], "Yes,");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON object"));
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["id"], "a4");
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[4]["line"], 5);
    assert!(lines[4]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[5]["id"], "a7");
    assert_eq!(lines[5]["quotes"][0]["text"], "No,");
    for error in &lines[1..5] {
        let keys: Vec<&String> = error.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 3, "{{id, line, error}}: {error}");
    }
}

#[test]
fn jsonl_keeps_order_over_many_lines() {
    // Enough lines to span several parallel chunks; short texts keep a debug build quick.
    let seeds: Vec<String> = (0..7)
        .map(|k| format!("Café 😀 “Line {k} is here,” she said.\n“𝔘𝔫𝔦,” said Ana López {k}."))
        .collect();
    let mut input = String::new();
    let n = 2500;
    for i in 0..n {
        let text = &seeds[i % seeds.len()];
        let line = if i % 499 == 7 {
            "{broken".to_string()
        } else {
            serde_json::json!({"id": i, "text": text}).to_string()
        };
        input.push_str(&line);
        input.push('\n');
    }
    let o = newslens(
        &["annotate", "--jsonl", "--offsets", "chars"],
        input.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    let lines = stdout_lines(&o);
    assert_eq!(lines.len(), n);
    for (i, line) in lines.iter().enumerate() {
        if i % 499 == 7 {
            assert_eq!(line["line"], i + 1);
            assert!(line["error"].is_string());
        } else {
            assert_eq!(line["id"], i);
            let text = &seeds[i % seeds.len()];
            let indexed = robust::Indexed::new(text);
            for (start, end, span) in robust::spans(line) {
                assert_eq!(indexed.slice(start, end, OffsetUnit::Chars).unwrap(), span);
            }
        }
    }
}

#[test]
fn several_files_answer_one_line_each_with_id() {
    let dir = scratch("files");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, ARTICLE).expect("write");
    std::fs::write(&b, "“No,” he said.").expect("write");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let o = newslens(&["annotate", a, b], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = stdout_lines(&o);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], a);
    assert_eq!(lines[1]["id"], b);
    assert_eq!(lines[1]["quotes"][0]["text"], "No,");

    // A missing file among others: the others still answer, exit 2.
    let o = newslens(&["annotate", a, "/no/such/file", b], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout_lines(&o).len(), 2);
    assert!(stderr(&o).contains("cannot read /no/such/file"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn offsets_slice_exactly_in_every_unit() {
    for (name, unit) in [
        ("chars", OffsetUnit::Chars),
        ("bytes", OffsetUnit::Bytes),
        ("utf16", OffsetUnit::Utf16),
    ] {
        let o = newslens(&["annotate", "--offsets", name], ARTICLE.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let json: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let spans = robust::spans(&json);
        assert!(!spans.is_empty());
        let indexed = robust::Indexed::new(ARTICLE);
        for (start, end, text) in spans {
            assert_eq!(indexed.slice(start, end, unit).unwrap(), text, "{name}");
        }
    }
    // utf16 is the default.
    let default = newslens(&["annotate"], ARTICLE.as_bytes());
    let utf16 = newslens(&["annotate", "--offsets=utf16"], ARTICLE.as_bytes());
    assert_eq!(default.stdout, utf16.stdout);
    let o = newslens(&["annotate", "--offsets", "lines"], ARTICLE.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown offset unit"));
}

#[test]
fn help_and_version() {
    let o = newslens(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    let help = String::from_utf8(o.stdout).unwrap();
    assert!(help.contains("USAGE"));
    assert!(help.contains("--jsonl"));
    let o = newslens(&["--version"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap().trim(),
        format!("newslens {}", env!("CARGO_PKG_VERSION"))
    );
    let o = newslens(&["frobnicate"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("newslens: unknown command"));
}
