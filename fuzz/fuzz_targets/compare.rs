//! `cargo +nightly fuzz run compare`: the bytes split at NUL into up to four articles, compared
//! with UTF-16 offsets (the page's unit). Panics on a core panic, or on a quote-cluster member
//! whose `start..end` is not exactly its `text` in the article it names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::OffsetUnit;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let articles: Vec<&str> = text.split('\0').take(4).collect();
    let comparison = newslens::compare::compare_in(&articles, OffsetUnit::Utf16);
    let json = serde_json::to_value(&comparison).unwrap();
    let utf16: Vec<Vec<u16>> = articles.iter().map(|a| a.encode_utf16().collect()).collect();
    for cluster in json["quote_clusters"].as_array().unwrap() {
        for member in cluster["members"].as_array().unwrap() {
            let article = &utf16[member["article"].as_u64().unwrap() as usize];
            let start = member["start"].as_u64().unwrap() as usize;
            let end = member["end"].as_u64().unwrap() as usize;
            let slice = String::from_utf16(&article[start..end]).unwrap();
            assert_eq!(slice, member["text"].as_str().unwrap());
        }
    }
});
