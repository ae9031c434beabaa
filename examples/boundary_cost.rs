//! The work around annotating that every wasm call adds, natively: `scripts/icount.sh` runs it
//! under callgrind to count the instructions of offsets converted to UTF-16 and of the JSON.
//!
//! `cargo run --release --example boundary_cost -- STEP RUNS`, STEP one of `annotate` (the
//! core alone), `utf16` (and its offsets converted) or `json` (and written as the compact ASCII JSON a wasm call writes).
fn main() {
    let article = std::fs::read_to_string("seeds/002_96189e5969a00e43.txt").expect("seed 002");
    let mut args = std::env::args().skip(1);
    let step = args.next().expect("a step: annotate, utf16 or json");
    let runs: usize = args
        .next()
        .map_or(1, |n| n.parse().expect("a number of runs"));
    let mut written = 0;
    for _ in 0..runs {
        written += match step.as_str() {
            "annotate" => newslens::annotate(&article).quotes.len(),
            "utf16" => newslens::annotate_in(&article, newslens::OffsetUnit::Utf16)
                .quotes
                .len(),
            "json" => {
                let analysis = newslens::annotate_in(&article, newslens::OffsetUnit::Utf16);
                newslens::json::to_vec(&analysis, newslens::json::Style::Ascii)
                    .expect("plain data")
                    .len()
            }
            other => panic!("unknown step {other:?} (annotate, utf16 or json)"),
        };
    }
    println!("{written}");
}
