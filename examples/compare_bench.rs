//! Native benchmark of `compare`, split into annotation and the comparison proper, on the same
//! 50 articles of ~1,000 words as `bench/compare.mjs` (paragraphs of two samples mixed per
//! article, so the same quotations recur across many articles).
//!
//! `cargo run --release --example compare_bench [articles] [words]`

#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;

use std::time::Instant;

use newslens::compare::{compare_analysed, Analysed};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(50, |a| a.parse().expect("articles"));
    let words: usize = args.next().map_or(1000, |a| a.parse().expect("words"));
    let paragraphs: Vec<Vec<String>> = hostile_inputs::seeds()
        .iter()
        .map(|text| {
            text.split('\n')
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    let n = paragraphs.len();
    // The recipe of bench/compare.mjs.
    let texts: Vec<String> = (0..count)
        .map(|k| {
            let (a, b) = (&paragraphs[k % n], &paragraphs[(k * 3 + 1) % n]);
            let mut out = vec![format!("Article {k}: {}", a[0])];
            let mut total = out[0].split_whitespace().count();
            let mut i = 1;
            while total < words {
                let p = if i % 2 == 1 {
                    &a[(i + k) % a.len()]
                } else {
                    &b[(i + 2 * k) % b.len()]
                };
                total += p.split_whitespace().count();
                out.push(p.clone());
                i += 1;
            }
            out.join("\n")
        })
        .collect();
    let runs = 7;
    let mut annotate_ms = Vec::new();
    let mut compare_ms = Vec::new();
    let mut clusters = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let analyses: Vec<_> = texts.iter().map(|t| newslens::annotate(t)).collect();
        annotate_ms.push(t0.elapsed().as_secs_f64() * 1e3);
        let input: Vec<Analysed> = texts
            .iter()
            .zip(&analyses)
            .map(|(text, analysis)| Analysed {
                id: "",
                text,
                analysis,
            })
            .collect();
        let t1 = Instant::now();
        let comparison = compare_analysed(&input);
        compare_ms.push(t1.elapsed().as_secs_f64() * 1e3);
        clusters = comparison.quote_clusters.len();
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "native: {count} articles: annotate median {:.1} ms, compare_analysed median {:.1} ms; {clusters} clusters",
        median(&mut annotate_ms),
        median(&mut compare_ms)
    );
}
