//! How long the first annotation takes (word lists parsed, matchers built) and the next ones:
//! `cargo run --release --example init_time`.
use std::time::Instant;

fn main() {
    let article = std::fs::read_to_string("seeds/002_96189e5969a00e43.txt").expect("seed 002");
    let t = Instant::now();
    newslens::annotate(&article);
    let first = t.elapsed();
    let t = Instant::now();
    for _ in 0..std::env::args().nth(1).map_or(20, |n| n.parse().unwrap()) {
        newslens::annotate(&article);
    }
    println!(
        "first annotation {first:?}; then {:?} per article",
        t.elapsed() / std::env::args().nth(1).map_or(20, |n| n.parse().unwrap())
    );
}
