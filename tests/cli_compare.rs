//! `newslens compare FILE...`: ids are the paths in argument order, titles the first non-blank
//! lines, and member offsets slice each file in the unit asked for.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

const FILES: [&str; 3] = [
    "seeds/002_96189e5969a00e43.txt",
    "seeds/001_ec505fd6e45a44f9.txt",
    "seeds/003_46b9c56dc672c010.txt",
];

#[test]
fn offsets_slice_the_files_in_every_unit() {
    for unit in ["utf16", "chars", "bytes"] {
        let mut args = vec!["compare", "--offsets", unit];
        args.extend(FILES);
        let (status, stdout, stderr) = run(&args);
        assert_eq!(status, Some(0), "{stderr}");
        let comparison: Value = serde_json::from_str(&stdout).expect("JSON");
        let ids: Vec<&str> = comparison["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, FILES);
        assert_eq!(
            comparison["articles"][1]["title"].as_str().unwrap(),
            std::fs::read_to_string(FILES[1])
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .trim()
        );
        let texts: Vec<String> = FILES
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect();
        let clusters = comparison["quote_clusters"].as_array().unwrap();
        assert!(!clusters.is_empty());
        for member in clusters
            .iter()
            .flat_map(|c| c["members"].as_array().unwrap())
        {
            let text = &texts[member["article"].as_u64().unwrap() as usize];
            let (s, e) = (
                member["start"].as_u64().unwrap() as usize,
                member["end"].as_u64().unwrap() as usize,
            );
            let slice = match unit {
                "bytes" => text[s..e].to_string(),
                "chars" => text.chars().skip(s).take(e - s).collect(),
                _ => String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[s..e]).unwrap(),
            };
            assert_eq!(slice, member["text"].as_str().unwrap(), "{unit}");
        }
        assert_eq!(comparison["duplicate_paragraphs"][0]["article"], 2);
    }
}

#[test]
fn compare_needs_files() {
    let (status, _, stderr) = run(&["compare"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("at least one FILE"), "{stderr}");
    let (status, _, stderr) = run(&["compare", "no/such/file.txt"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("no such file"), "{stderr}");
}
