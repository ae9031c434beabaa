//! The wasm module's memory after annotating a long text, against the 10× budget (issue 8), in
//! Node (`make test-wasm`). A wasm memory only grows, so what an annotation takes at its peak
//! the page keeps: the JSON written whole beside the analysis once kept 14× the text. A size,
//! not a timing: it may fail the build.
//!
//! Its own test binary, so its own module instance: the growth it measures is this text's.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Growth of the module's memory as a multiple of the text's size, at most.
const CEILING: usize = 10;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_f9d15ef5b888d1f3.txt"),
    include_str!("../seeds/001_ec505fd6e45a44f9.txt"),
    include_str!("../seeds/002_96189e5969a00e43.txt"),
    include_str!("../seeds/003_46b9c56dc672c010.txt"),
    include_str!("../seeds/004_0ac542e05e29bd92.txt"),
];

fn memory_bytes() -> usize {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().into();
    buffer.byte_length() as usize
}

/// The seeds repeated to 3 MB, as the benchmarks' corpus, through the page's entry three times:
/// the text copied in, the analysis, its JSON handed out. The word lists, built on first use
/// and kept, are built before the measure starts, as the page's worker does.
///
/// Three calls, not one: the memory a first call leaves is free for the next, but the next may
/// not fit in it. The name finder's unit table once found the space the scans had freed broken
/// up by their small allocations, and every call after the first grew the memory to 11.9x the
/// text while the first stayed at 8.8x.
#[wasm_bindgen_test]
fn annotating_a_3_mb_text_three_times_grows_the_memory_by_at_most_ten_times_the_text() {
    let unit: String = SEEDS.iter().map(|t| format!("{t}\n\n")).collect();
    let text = unit.repeat((3 << 20) / unit.len() + 1);
    newslens::wasm::annotate_json(JsValue::from_str(SEEDS[2]), None).expect("annotates");
    let js_text = JsValue::from_str(&text);
    let before = memory_bytes();
    for call in 1..=3 {
        let json = newslens::wasm::annotate_json(js_text.clone(), None).expect("annotates");
        assert!(json.length() as usize > 4 * text.len(), "a full analysis");
        let growth = memory_bytes() - before;
        let ratio = growth as f64 / text.len() as f64;
        wasm_bindgen_test::console_log!(
            "# after call {call}, wasm memory grew {:.1} MB for {:.1} MB of text: {ratio:.1}x \
             (ceiling {CEILING}x)",
            growth as f64 / 1e6,
            text.len() as f64 / 1e6
        );
        assert!(
            growth <= CEILING * text.len(),
            "after call {call}, wasm memory grew {growth} bytes, {ratio:.1}× the text"
        );
    }
}
