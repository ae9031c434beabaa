//! `cargo +nightly fuzz run compare`: the bytes split at NUL into up to four articles, compared.
//! Panics on a core panic; every span-shaped object in the JSON must be its article's slice
//! in UTF-16 units (the page's unit) when the comparison names the article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::OffsetUnit;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let articles: Vec<&str> = text.split('\0').take(4).collect();
    let comparison = newslens::compare::compare_in(&articles, OffsetUnit::Utf16);
    let json = serde_json::to_value(&comparison).unwrap();
    // Deterministic.
    let again =
        serde_json::to_value(newslens::compare::compare_in(&articles, OffsetUnit::Utf16)).unwrap();
    assert_eq!(json, again);
});
