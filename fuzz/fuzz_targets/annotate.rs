//! `cargo +nightly fuzz run annotate`: the first byte picks an offset unit, the rest is the
//! article (lossy UTF-8). Panics on a core panic or on any span that is not exactly its slice
//! in that unit, on JSON that does not read back to the same analysis, or on `newslens::json`
//! writing other JSON than serde_json.
//!
//! One unit per execution, not all three: the property tests (tests/properties.rs) check that
//! the units agree with each other; here every execution buys coverage, so it is kept cheap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::{annotate_in, OffsetUnit};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, article)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(article);
    let text = text.as_ref();
    let unit = match selector % 3 {
        0 => OffsetUnit::Bytes,
        1 => OffsetUnit::Utf16,
        _ => OffsetUnit::Chars,
    };
    let mut analysis = annotate_in(text, unit);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    analysis.visit_spans_mut(&mut |span| {
        assert!(span.start <= span.end);
        let slice = match unit {
            OffsetUnit::Bytes => text[span.start..span.end].to_string(),
            OffsetUnit::Utf16 => String::from_utf16(&utf16[span.start..span.end]).unwrap(),
            OffsetUnit::Chars => chars[span.start..span.end].iter().collect(),
        };
        assert_eq!(slice, span.text);
    });
    let json = serde_json::to_string(&analysis).unwrap();
    let back: newslens::Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(back, analysis);
    // The JSON writer the CLI and the wasm use is serde_json's, byte for byte.
    let ours = newslens::json::to_vec(&analysis, newslens::json::Style::Compact).unwrap();
    assert_eq!(ours, json.as_bytes());
    let pretty = serde_json::to_string_pretty(&analysis).unwrap();
    let ours = newslens::json::to_vec(&analysis, newslens::json::Style::Pretty).unwrap();
    assert_eq!(ours, pretty.as_bytes());
});
