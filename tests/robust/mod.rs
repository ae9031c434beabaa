//! Shared by the robustness tests (`properties.rs`, `hostile.rs`, `cli.rs`): checks that an
//! analysis is valid output for its text, walking the JSON generically so that a span field added
//! to the format later (any object with `start`, `end` and `text`) is checked without a change here.
#![allow(dead_code)]

pub mod hostile_inputs;

use newslens::offsets::{to_byte, OffsetUnit};
use newslens::{annotate, annotate_in, Analysis};
use serde_json::Value;

/// Every span in a JSON value: objects with numeric `start` and `end` and a string `text`, in
/// document order (the walk is deterministic, so two analyses of the same shape line up).
pub fn spans(value: &Value) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    walk(value, &mut out);
    out
}

fn walk(value: &Value, out: &mut Vec<(usize, usize, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end), Some(Value::String(text))) =
                (map.get("start"), map.get("end"), map.get("text"))
            {
                let start = start.as_u64().expect("start is a non-negative integer") as usize;
                let end = end.as_u64().expect("end is a non-negative integer") as usize;
                out.push((start, end, text.clone()));
            }
            for child in map.values() {
                walk(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
        _ => {}
    }
}

/// A text indexed in every unit once, so that slicing a span costs its length, not the text's.
pub struct Indexed<'a> {
    text: &'a str,
    utf16: Vec<u16>,
    chars: Vec<char>,
}

impl<'a> Indexed<'a> {
    pub fn new(text: &'a str) -> Indexed<'a> {
        Indexed {
            text,
            utf16: text.encode_utf16().collect(),
            chars: text.chars().collect(),
        }
    }

    /// The slice `[start, end)` counted in `unit`, or why it is not one.
    pub fn slice(&self, start: usize, end: usize, unit: OffsetUnit) -> Result<String, String> {
        if start > end {
            return Err(format!("start {start} > end {end}"));
        }
        match unit {
            OffsetUnit::Bytes => {
                let text = self.text;
                if end > text.len() {
                    return Err(format!("end {end} past the text's {} bytes", text.len()));
                }
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    return Err(format!("{start}..{end} is not on char boundaries"));
                }
                Ok(text[start..end].to_string())
            }
            OffsetUnit::Utf16 => {
                let units = &self.utf16;
                if end > units.len() {
                    return Err(format!(
                        "end {end} past the text's {} UTF-16 units",
                        units.len()
                    ));
                }
                String::from_utf16(&units[start..end])
                    .map_err(|_| format!("{start}..{end} splits a surrogate pair"))
            }
            OffsetUnit::Chars => {
                let count = self.chars.len();
                if end > count {
                    return Err(format!("end {end} past the text's {count} chars"));
                }
                Ok(self.chars[start..end].iter().collect())
            }
        }
    }
}

/// Checks everything the robustness suite promises about `annotate(text)`, and returns the
/// number of spans checked:
/// - every span is within bounds, on character boundaries, and `text` is exactly its slice, in
///   bytes, UTF-16 units and chars;
/// - UTF-16 and char offsets map back (with `offsets::to_byte`) to the byte span;
/// - the output is deterministic;
/// - the JSON round-trips through serde.
pub fn check(text: &str) -> usize {
    let analysis = annotate(text);
    assert_eq!(analysis, annotate(text), "output is not deterministic");
    check_round_trip(&analysis);

    let indexed = Indexed::new(text);
    let byte_json = serde_json::to_value(&analysis).expect("serialises");
    let byte_spans = spans(&byte_json);
    for (start, end, span_text) in &byte_spans {
        let slice = indexed
            .slice(*start, *end, OffsetUnit::Bytes)
            .unwrap_or_else(|e| panic!("byte span {start}..{end} {span_text:?}: {e}"));
        assert_eq!(&slice, span_text, "byte span {start}..{end}");
    }
    for unit in [OffsetUnit::Utf16, OffsetUnit::Chars] {
        let converted = annotate_in(text, unit);
        check_round_trip(&converted);
        let json = serde_json::to_value(&converted).expect("serialises");
        let unit_spans = spans(&json);
        assert_eq!(
            unit_spans.len(),
            byte_spans.len(),
            "{unit:?}: span count differs"
        );
        // Offsets back to bytes in one pass instead of a to_byte scan per offset, except that a
        // few are checked with to_byte itself, the public inverse.
        let back = BackMap::new(text, unit);
        for (i, ((start, end, span_text), (bstart, bend, _))) in
            unit_spans.iter().zip(&byte_spans).enumerate()
        {
            let slice = indexed
                .slice(*start, *end, unit)
                .unwrap_or_else(|e| panic!("{unit:?} span {start}..{end} {span_text:?}: {e}"));
            assert_eq!(&slice, span_text, "{unit:?} span {start}..{end}");
            assert_eq!(back.byte(*start), Some(*bstart), "{unit:?} start {start}");
            assert_eq!(back.byte(*end), Some(*bend), "{unit:?} end {end}");
            if i < 8 && text.len() <= 100_000 {
                assert_eq!(
                    to_byte(text, *start, unit),
                    Some(*bstart),
                    "to_byte {unit:?}"
                );
                assert_eq!(to_byte(text, *end, unit), Some(*bend), "to_byte {unit:?}");
            }
        }
    }
    byte_spans.len()
}

/// JSON text → Analysis → JSON text is the identity.
pub fn check_round_trip(analysis: &Analysis) {
    let json = serde_json::to_string(analysis).expect("serialises");
    let back: Analysis = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(&back, analysis, "serde round trip changed the analysis");
    assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
}

/// Offsets in a unit → byte offsets, for every character boundary of a text.
struct BackMap {
    /// `bytes[k]` is the byte offset of unit offset `k`, or `usize::MAX` inside a character.
    bytes: Vec<usize>,
}

impl BackMap {
    fn new(text: &str, unit: OffsetUnit) -> BackMap {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (byte, c) in text.char_indices() {
            bytes.push(byte);
            let width = match unit {
                OffsetUnit::Bytes => c.len_utf8(),
                OffsetUnit::Utf16 => c.len_utf16(),
                OffsetUnit::Chars => 1,
            };
            bytes.resize(bytes.len() + width - 1, usize::MAX);
        }
        bytes.push(text.len());
        BackMap { bytes }
    }

    fn byte(&self, offset: usize) -> Option<usize> {
        self.bytes.get(offset).copied().filter(|&b| b != usize::MAX)
    }
}
