//! `cargo +nightly fuzz run annotate`: any bytes, read as UTF-8 (lossy), annotated in every
//! offset unit. Panics on a core panic or on any span that is not exactly its slice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::{annotate, annotate_in, OffsetUnit};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let mut bytes = annotate(text);
    let mut count = 0;
    bytes.visit_spans_mut(&mut |span| {
        assert!(span.start <= span.end && span.end <= text.len());
        assert_eq!(&text[span.start..span.end], span.text);
        count += 1;
    });
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut converted = annotate_in(text, OffsetUnit::Utf16);
    let mut seen = 0;
    converted.visit_spans_mut(&mut |span| {
        assert!(span.end <= utf16.len());
        assert_eq!(
            String::from_utf16(&utf16[span.start..span.end]).unwrap(),
            span.text
        );
        seen += 1;
    });
    assert_eq!(seen, count);
    let chars: Vec<char> = text.chars().collect();
    let mut converted = annotate_in(text, OffsetUnit::Chars);
    converted.visit_spans_mut(&mut |span| {
        assert!(span.end <= chars.len());
        assert_eq!(
            chars[span.start..span.end].iter().collect::<String>(),
            span.text
        );
    });
    let json = serde_json::to_string(&bytes).unwrap();
    let back: newslens::Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(back, bytes);
});
