//! Time per MB of every hostile input (tests/robust/hostile_inputs.rs) against ordinary news text,
//! at two sizes: a case whose cost per MB grows with size is superlinear.
//!
//! `cargo run --release --example hostile_bench [SMALL_KB LARGE_KB]` (default 128 and 1024).
//! A case slower than 5 s at the small size is reported and not run at the large one.

#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;

use std::time::{Duration, Instant};

use hostile_inputs::{news, CASES};

/// Best of a few runs (the minimum is the least disturbed by other work on a shared machine).
fn time(text: &str) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut spans = 0;
    let started = Instant::now();
    for _ in 0..5 {
        let t = Instant::now();
        let mut analysis = newslens::annotate(text);
        let elapsed = t.elapsed();
        spans = 0;
        analysis.visit_spans_mut(&mut |_| spans += 1);
        best = best.min(elapsed);
        if started.elapsed() > Duration::from_secs(2) {
            break;
        }
    }
    (best, spans)
}

fn per_mb(d: Duration, bytes: usize) -> f64 {
    d.as_secs_f64() * 1000.0 / (bytes as f64 / 1_048_576.0)
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("sizes in KB"))
        .collect();
    let (small, large) = match args[..] {
        [s, l] => (s * 1024, l * 1024),
        _ => (128 * 1024, 1024 * 1024),
    };
    let news_small = news(small);
    let news_large = news(large);
    let (ns, _) = time(&news_small);
    let (nl, _) = time(&news_large);
    let news_small_ms = per_mb(ns, news_small.len());
    let news_large_ms = per_mb(nl, news_large.len());
    println!(
        "ordinary news: {news_small_ms:.1} ms/MB at {} KB, {news_large_ms:.1} ms/MB at {} KB",
        small / 1024,
        large / 1024
    );
    println!(
        "{:<40} {:>12} {:>12} {:>9} {:>9} {:>8} {:>9}",
        "case",
        format!("ms/MB {}K", small / 1024),
        format!("ms/MB {}K", large / 1024),
        "vs news",
        "vs news",
        "growth",
        "spans"
    );
    let mut superlinear = Vec::new();
    for (name, make) in CASES {
        let text = make(small);
        let (d, _) = time(&text);
        let small_ms = per_mb(d, text.len());
        if d > Duration::from_secs(5) {
            println!(
                "{name:<40} {small_ms:>12.1} {:>12} (too slow: not run large)",
                "-"
            );
            superlinear.push(*name);
            continue;
        }
        let text = make(large);
        let (d, spans) = time(&text);
        let large_ms = per_mb(d, text.len());
        // Growth of the cost per MB, relative to ordinary news's own (which shows the machine's
        // cache and allocator effects): about 1 for a linear case.
        let growth = (large_ms / news_large_ms) / (small_ms / news_small_ms);
        println!(
            "{name:<40} {small_ms:>12.1} {large_ms:>12.1} {:>9.2} {:>9.2} {growth:>8.2} {spans:>9}",
            small_ms / news_small_ms,
            large_ms / news_large_ms,
        );
        // Relative per-MB cost more than doubling over an 8x size step: superlinear.
        if growth > 2.0 {
            superlinear.push(*name);
        }
    }
    if superlinear.is_empty() {
        println!(
            "no case is superlinear (growth: per-MB cost relative to news, large size / small)"
        );
    } else {
        println!("SUPERLINEAR: {}", superlinear.join(", "));
    }
}
