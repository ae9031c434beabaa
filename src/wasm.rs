//! The WebAssembly boundary: JavaScript values in, the core's [`Analysis`] out. Nothing here
//! decides anything; it converts, calls and converts.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::offsets::OffsetUnit;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Annotates `text`; `offsets` is `"utf16"` (the default, what JavaScript strings index),
/// `"chars"` or `"bytes"`. Returns the analysis as a plain object (see docs/FORMAT.md).
///
/// A non-string `text` is a `TypeError`. A string with a lone surrogate is annotated with each
/// lone surrogate replaced by U+FFFD, which keeps every UTF-16 offset valid for the original.
#[wasm_bindgen]
pub fn annotate(text: JsValue, offsets: Option<String>) -> Result<JsValue, JsError> {
    let text = text
        .as_string()
        .ok_or_else(|| JsError::new("annotate expects the article as a string"))?;
    let unit = match offsets {
        None => OffsetUnit::Utf16,
        Some(name) => name.parse().map_err(|e| JsError::new(&format!("{e}")))?,
    };
    let analysis = crate::annotate_in(&text, unit);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// What a rule id (`Quote::rule`, `Cue::rule`, …) means in plain words, for the page's cards;
/// the id itself when it is not described.
#[wasm_bindgen]
pub fn describe_rule(id: &str) -> String {
    crate::rules::describe(id).to_string()
}

/// The crate's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
