//! `docs/FORMAT.md`'s full example is what `annotate` really answers, so the documentation
//! cannot drift from the format.

use newslens::{annotate_in, OffsetUnit};

fn block<'a>(doc: &'a str, fence: &str) -> &'a str {
    let start = doc.find(fence).expect("fenced block") + fence.len();
    let end = start + doc[start..].find("```").expect("closing fence");
    &doc[start..end]
}

#[test]
fn the_documented_example_is_the_real_output() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md"))
        .expect("docs/FORMAT.md");
    let article = block(&doc, "```text\n");
    let documented: serde_json::Value =
        serde_json::from_str(block(&doc, "```json\n")).expect("the example is JSON");
    // Through text and back, as the documented block went: the same float parsing on both.
    let printed = serde_json::to_string(&annotate_in(article, OffsetUnit::Utf16)).unwrap();
    let real: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        documented,
        real,
        "docs/FORMAT.md is out of date; the real output is:\n{}",
        serde_json::to_string_pretty(&real).unwrap()
    );
}
