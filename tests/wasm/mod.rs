//! Tests of the wasm boundary, run in Node (`wasm_node.rs`) and in headless Chromium
//! (`wasm_browser.rs`): offsets must slice the JavaScript string exactly.

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const TEXT: &str = "Café 😀 — “Nous coopérons, 👍🏽 mais non,” a dit Sheinbaum.\n\
    ‘It isn’t over,’ she said of the ’90s.";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

/// Every `{start, end, text}` in the analysis, however deep.
fn spans(value: &JsValue, out: &mut Vec<(u32, u32, String)>) {
    if let Some(array) = value.dyn_ref::<Array>() {
        for item in array.iter() {
            spans(&item, out);
        }
    } else if value.is_object() {
        let (start, end, text) = (get(value, "start"), get(value, "end"), get(value, "text"));
        if let (Some(s), Some(e), Some(t)) = (start.as_f64(), end.as_f64(), text.as_string()) {
            out.push((s as u32, e as u32, t));
        }
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            spans(&get(value, &key.as_string().unwrap()), out);
        }
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_the_js_string() {
    let analysis = newslens::wasm::annotate(JsValue::from_str(TEXT), None).expect("annotates");
    let js_text = JsString::from(TEXT);
    let mut found = Vec::new();
    spans(&analysis, &mut found);
    assert!(found.len() >= 2, "expected the two quotes, got {found:?}");
    for (start, end, text) in found {
        assert_eq!(String::from(js_text.substring(start, end)), text);
    }
}

#[wasm_bindgen_test]
fn quotes_are_found_through_the_boundary() {
    let analysis = newslens::wasm::annotate(JsValue::from_str(TEXT), None).expect("annotates");
    let quotes: Array = get(&analysis, "quotes").dyn_into().expect("array");
    let texts: Vec<String> = quotes
        .iter()
        .map(|q| get(&q, "text").as_string().unwrap())
        .collect();
    assert_eq!(
        texts,
        vec!["Nous coopérons, 👍🏽 mais non,", "It isn’t over,"]
    );
}

#[wasm_bindgen_test]
fn chars_offsets_count_code_points() {
    let analysis =
        newslens::wasm::annotate(JsValue::from_str(TEXT), Some("chars".into())).expect("annotates");
    let quotes: Array = get(&analysis, "quotes").dyn_into().expect("array");
    let first = quotes.get(0);
    let start = get(&first, "start").as_f64().unwrap() as usize;
    let end = get(&first, "end").as_f64().unwrap() as usize;
    let by_chars: String = TEXT.chars().skip(start).take(end - start).collect();
    assert_eq!(by_chars, get(&first, "text").as_string().unwrap());
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_not_a_trap() {
    assert!(newslens::wasm::annotate(JsValue::NULL, None).is_err());
    assert!(newslens::wasm::annotate(JsValue::from_f64(3.0), None).is_err());
    assert!(newslens::wasm::annotate(JsValue::from_str("x"), Some("lines".into())).is_err());
}

#[wasm_bindgen_test]
fn compare_members_slice_their_js_strings() {
    let other = "Autre 😀😀 — « x » “Nous coopérons, 👍🏽 mais non,” a dit Sheinbaum.";
    let texts = Array::of2(&JsValue::from_str(TEXT), &JsValue::from_str(other));
    let comparison = newslens::wasm::compare(texts.into(), None).expect("compares");
    let clusters: Array = get(&comparison, "quote_clusters")
        .dyn_into()
        .expect("array");
    assert!(clusters.length() >= 1, "the shared quote clusters");
    let js = [JsString::from(TEXT), JsString::from(other)];
    let members: Array = get(&clusters.get(0), "members").dyn_into().expect("array");
    for member in members.iter() {
        let article = get(&member, "article").as_f64().unwrap() as usize;
        let (start, end) = (get(&member, "start"), get(&member, "end"));
        let slice =
            js[article].substring(start.as_f64().unwrap() as u32, end.as_f64().unwrap() as u32);
        assert_eq!(
            String::from(slice),
            get(&member, "text").as_string().unwrap()
        );
    }
}

#[wasm_bindgen_test]
fn compare_rejects_what_is_not_an_array_of_strings() {
    assert!(newslens::wasm::compare(JsValue::from_str("x"), None).is_err());
    let mixed = Array::of2(&JsValue::from_str("x"), &JsValue::from_f64(1.0));
    assert!(newslens::wasm::compare(mixed.into(), None).is_err());
    let ok = Array::of1(&JsValue::from_str("x"));
    assert!(newslens::wasm::compare(ok.into(), Some("lines".into())).is_err());
}

/// The page's entry: the same analysis as `annotate`, as JSON text that parses back to it.
#[wasm_bindgen_test]
fn annotate_json_is_the_same_analysis_as_text() {
    let json: String = newslens::wasm::annotate_json(JsValue::from_str(TEXT), None)
        .expect("annotates")
        .into();
    let parsed = js_sys::JSON::parse(&json).expect("valid JSON");
    let object = newslens::wasm::annotate(JsValue::from_str(TEXT), None).expect("annotates");
    assert_eq!(
        js_sys::JSON::stringify(&parsed).unwrap(),
        js_sys::JSON::stringify(&object).unwrap()
    );
    let mut found = Vec::new();
    spans(&parsed, &mut found);
    assert!(found.len() >= 2, "expected the two quotes, got {found:?}");
    assert!(newslens::wasm::annotate_json(JsValue::from_f64(1.0), None).is_err());
}

/// `annotateJson` hands its JSON to the engine in 64 KB pieces: joined, they must be exactly
/// the JSON written whole, over many pieces and with one write longer than a piece (a quote of
/// 100 KB).
#[wasm_bindgen_test]
fn annotate_json_in_pieces_is_the_plain_serialisation() {
    let long_quote = format!("“{}” she said.", "and so on ".repeat(10_000));
    let texts = [
        format!("{TEXT}\n\n").repeat(1000),
        format!("{TEXT}\n\n{long_quote}\n\n{TEXT}"),
    ];
    for text in &texts {
        let json: String = newslens::wasm::annotate_json(JsValue::from_str(text), None)
            .expect("annotates")
            .into();
        let analysis = newslens::annotate_in(text, newslens::OffsetUnit::Utf16);
        assert!(json.len() > 64 << 10, "more than a piece: {}", json.len());
        assert!(json.is_ascii());
        assert_eq!(json.len(), ascii_json_len(&analysis));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).unwrap(),
            serde_json::to_value(&analysis).unwrap()
        );
    }
    let quoted = newslens::annotate(&texts[1]);
    assert!(
        quoted.quotes.iter().any(|q| q.span.text.len() > 64 << 10),
        "the long quote is found whole"
    );
}

/// The length of `value`'s compact JSON with every character past ASCII escaped, computed
/// from its plain serialisation: one `\uXXXX` (6 bytes) per UTF-16 unit.
fn ascii_json_len(value: &impl serde::Serialize) -> usize {
    serde_json::to_string(value)
        .unwrap()
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 6 * c.len_utf16() })
        .sum()
}

/// The JSON text is all ASCII, whatever the article's characters (accents, curly quotes, dashes,
/// CJK, emoji with skin tones, line and paragraph separators, controls, quotes and backslashes),
/// and parses back to exactly the analysis.
#[wasm_bindgen_test]
fn annotate_json_escapes_every_character_past_ascii() {
    let texts = [
        TEXT,
        "“Ça suffit,” dit Zoë Ångström — 中国 said: “😀 👍🏽 \u{2028}x\u{2029}y.”",
        "He said: \"a \\\"quoted\\\" \t\u{1} word\u{7f}\u{80}\u{ffff}\u{10000}\u{10ffff}\".\"",
        "plain ASCII only, \"he said.\"",
    ];
    for text in texts {
        let json: String = newslens::wasm::annotate_json(JsValue::from_str(text), None)
            .expect("annotates")
            .into();
        let analysis = newslens::annotate_in(text, newslens::OffsetUnit::Utf16);
        assert!(json.is_ascii(), "{json}");
        assert_eq!(json.len(), ascii_json_len(&analysis), "{text}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).unwrap(),
            serde_json::to_value(&analysis).unwrap(),
            "{text}"
        );
        // And the engine reads it as the same strings.
        let parsed = js_sys::JSON::parse(&json).expect("valid JSON");
        let plain = js_sys::JSON::parse(&serde_json::to_string(&analysis).unwrap()).unwrap();
        assert_eq!(
            js_sys::JSON::stringify(&parsed).unwrap(),
            js_sys::JSON::stringify(&plain).unwrap(),
            "{text}"
        );
    }
}
