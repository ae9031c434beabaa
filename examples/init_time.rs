//! How long the first annotation takes (word lists parsed, matchers built) and the next ones:
//! `cargo run --release --example init_time [RUNS]` (default 20).
use std::time::Instant;

fn main() {
    let article = std::fs::read_to_string("seeds/002_96189e5969a00e43.txt").expect("seed 002");
    let runs: u32 = std::env::args()
        .nth(1)
        .map_or(20, |n| n.parse().expect("a number of runs"))
        .max(1);
    let t = Instant::now();
    newslens::annotate(&article);
    let first = t.elapsed();
    let t = Instant::now();
    for _ in 0..runs {
        newslens::annotate(&article);
    }
    println!(
        "first annotation {first:?}; then {:?} per article",
        t.elapsed() / runs
    );
}
