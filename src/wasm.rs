//! The WebAssembly boundary: JavaScript values in, the core's [`Analysis`] out. Nothing here
//! decides anything; it converts, calls and converts.

use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::offsets::OffsetUnit;

/// The module's allocator: talc, smaller than the default dlmalloc for the same speed and
/// memory (measured in Cargo.toml).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Annotates `text`; `offsets` is `"utf16"` (the default, what JavaScript strings index),
/// `"chars"` or `"bytes"`. Returns the analysis as a plain object (see docs/FORMAT.md).
///
/// A non-string `text` is an error. A string with a lone surrogate is annotated with each
/// lone surrogate replaced by U+FFFD, which keeps every UTF-16 offset valid for the original.
///
/// The object is the JSON of [`annotate_json`] parsed by the engine (see [`to_js`]).
#[wasm_bindgen]
pub fn annotate(text: JsValue, offsets: Option<String>) -> Result<JsValue, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| JsError::new("annotate expects the article as a string"))?;
    to_js(&crate::annotate_in(&text, unit(offsets)?))
}

/// [`annotate`], with the analysis as JSON text (docs/FORMAT.md) instead of an object: what the
/// page's worker posts to the page anyway, so it skips parsing the JSON into an object only to
/// stringify it again. Characters past ASCII are `\uXXXX` escapes (see [`AsciiOnly`]).
///
/// Not in the compare page's module (feature `compare-export`), which never uses it.
#[cfg_attr(
    not(feature = "compare-export"),
    wasm_bindgen(js_name = annotateJson)
)]
#[cfg_attr(feature = "compare-export", allow(dead_code))]
pub fn annotate_json(text: JsValue, offsets: Option<String>) -> Result<JsString, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| JsError::new("annotate expects the article as a string"))?;
    to_json(&crate::annotate_in(&text, unit(offsets)?))
}

/// How many bytes of JSON [`to_json`] writes before handing them to the engine: an article's
/// JSON (some 36 KB) is one piece, and a 10 MB text's 50 MB some 800 pieces.
const PIECE: usize = 64 << 10;

/// `value` as compact JSON in ASCII, as an engine string.
///
/// The JSON is about five times the text. Written whole into the module's memory, a long
/// text's JSON lay beside everything the analysis had grown to, and a wasm memory never
/// shrinks: after a 10 MB text the page kept 14 times the text. So the JSON goes to the engine
/// in pieces of [`PIECE`] bytes as they fill, and the engine joins them (without copying until
/// the string is read); the module's memory holds one piece at a time.
///
/// Every character past ASCII is a `\uXXXX` escape: Node's `TextDecoder` takes 15 times longer
/// over an article's JSON when a single curly quote is in it (119 against 8 µs for 36 KB: 8 %
/// of an article's time) than when it is all ASCII. And an ASCII piece may end anywhere.
fn to_json(value: &impl Serialize) -> Result<JsString, JsError> {
    let mut joined: Option<JsString> = None;
    crate::json::to_pieces(value, crate::json::Style::Ascii, PIECE, |piece| {
        let piece = JsString::from(
            std::str::from_utf8(piece).expect("the JSON is ASCII, so every piece is"),
        );
        joined = Some(match joined.take() {
            Some(joined) => joined.concat(&piece),
            None => piece,
        });
    })
    // Only a map with keys that are not strings could fail, and the analysis has none; a fixed
    // message keeps the error texts out of the module.
    .map_err(|_| JsError::new("the analysis could not be written as JSON"))?;
    Ok(joined.unwrap_or_default())
}

/// Compares articles: `texts` is an array of strings (article indices are positions in it),
/// `offsets` as for [`annotate`]. Returns the comparison as a plain object (see
/// [`crate::compare::Comparison`]).
///
/// A non-array `texts` or a non-string item is a clear error naming the item.
///
/// Exported only with the `compare-export` feature (the compare page's module).
#[cfg_attr(feature = "compare-export", wasm_bindgen)]
#[cfg_attr(not(feature = "compare-export"), allow(dead_code))]
pub fn compare(texts: JsValue, offsets: Option<String>) -> Result<JsValue, JsError> {
    let array = texts
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| JsError::new("compare expects an array of article strings"))?;
    let texts = array
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item.as_string().ok_or_else(|| {
                JsError::new(&format!(
                    "compare expects an array of article strings; item {i} is not a string"
                ))
            })
        })
        .collect::<Result<Vec<String>, JsError>>()?;
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    to_js(&crate::compare::compare_in(&texts, unit(offsets)?))
}

/// What a rule id (`Quote::rule`, `Cue::rule`, …) means in plain words, for the page's cards;
/// the id itself when it is not described.
///
/// Not in the compare page's module, which shows no rules: their descriptions stay out of it.
#[cfg_attr(not(feature = "compare-export"), wasm_bindgen)]
#[cfg_attr(feature = "compare-export", allow(dead_code))]
pub fn describe_rule(id: &str) -> String {
    crate::rules::describe(id).to_string()
}

/// The crate's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn unit(offsets: Option<String>) -> Result<OffsetUnit, JsError> {
    offsets.map_or(Ok(OffsetUnit::Utf16), |name| {
        name.parse().map_err(|e| JsError::new(&format!("{e}")))
    })
}

/// Plain JS objects and arrays: `value`'s JSON (see [`to_json`]) parsed by the engine. Faster
/// than building the objects value by value across the boundary (serde-wasm-bindgen: 1.95 →
/// 1.83 ms an article in Node), and one serialiser in the module instead of two (7 KB gzipped
/// less).
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    parse_json(&to_json(value)?).map_err(|_| JsError::new("the result is not valid JSON"))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of an engine string (js-sys's takes a Rust `&str`, which would copy the
    /// JSON back into the module's memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(json: &JsString) -> Result<JsValue, JsValue>;
}
