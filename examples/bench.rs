//! The native benchmark of the core (issue 8): the same inputs as `bench/run.mjs` — seed article
//! 002, and 1 MB and 10 MB corpora made by repeating the seeds — timed in-process with a counting
//! allocator for peak heap memory.
//!
//! `cargo run --release --example bench [--quick] [--only NAME]`
//!
//! Prints one line per input: median time per run, MB/s, peak heap during one `annotate`, and that
//! peak as a multiple of the input's size.

#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;

#[path = "../tests/robust/peak_heap.rs"]
mod peak_heap;

use std::time::{Duration, Instant};

use hostile_inputs::{corpus, varied_articles, varied_corpus};

#[global_allocator]
static ALLOCATOR: peak_heap::Counting = peak_heap::Counting;

struct Result {
    median: Duration,
    runs: usize,
    peak: usize,
}

/// Annotates `text` as the page does (UTF-16 offsets), its answer kept from the optimiser.
fn annotate(text: &str) {
    std::hint::black_box(newslens::annotate_in(
        std::hint::black_box(text),
        newslens::OffsetUnit::Utf16,
    ));
}

fn measure(run: impl Fn(), min_runs: usize, budget: Duration) -> Result {
    // A warm-up run (builds the lazily built word lists), then one that measures the
    // peak heap of one run.
    run();
    let peak = peak_heap::peak_of(&run);
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < min_runs || (started.elapsed() < budget && times.len() < 1000) {
        let t = Instant::now();
        run();
        times.push(t.elapsed());
    }
    times.sort();
    Result {
        median: times[times.len() / 2],
        runs: times.len(),
        peak,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1).cloned());
    let seeds = hostile_inputs::seed_files();
    let article = seeds
        .iter()
        .find(|(name, _)| name.starts_with("002_"))
        .expect("seed 002")
        .1
        .clone();
    let mb = 1 << 20;
    let inputs: Vec<(&str, String, usize)> = vec![
        ("article 002", article, if quick { 20 } else { 200 }),
        (
            "256 KB corpus",
            corpus(&seeds, mb / 4),
            if quick { 2 } else { 5 },
        ),
        ("1 MB corpus", corpus(&seeds, mb), if quick { 2 } else { 5 }),
        (
            "10 MB corpus",
            corpus(&seeds, 10 * mb),
            if quick { 1 } else { 3 },
        ),
        // The same sizes with no two articles alike (see `varied_articles`): what a long text
        // of real news costs, where the repeated corpus flatters long texts.
        (
            "1 MB varied",
            varied_corpus(&seeds, mb),
            if quick { 2 } else { 5 },
        ),
        (
            "10 MB varied",
            varied_corpus(&seeds, 10 * mb),
            if quick { 1 } else { 3 },
        ),
    ];
    println!(
        "native core, annotate_in(utf16), release profile; {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:<14} {:>10} {:>6} {:>12} {:>9} {:>14} {:>8}",
        "input", "bytes", "runs", "median", "MB/s", "peak heap", "x input"
    );
    let budget = Duration::from_secs(if quick { 1 } else { 3 });
    let mut per_mb: Vec<(&str, f64)> = Vec::new();
    for (name, text, min_runs) in &inputs {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        // A core that is far off its target would take many minutes on 10 MB: say so instead.
        if let Some((_, one)) = per_mb.iter().find(|(n, _)| n.starts_with("1 MB")) {
            let projected = one * text.len() as f64 / mb as f64;
            if projected > 60.0 {
                println!(
                    "{name:<14} {:>10} skipped: at 1 MB's rate it would take {projected:.0} s or more",
                    text.len()
                );
                continue;
            }
        }
        let r = measure(|| annotate(text), *min_runs, budget);
        let secs = r.median.as_secs_f64();
        let mbs = text.len() as f64 / mb as f64 / secs;
        per_mb.push((*name, secs / (text.len() as f64 / mb as f64)));
        println!(
            "{:<14} {:>10} {:>6} {:>10.3}ms {:>9.1} {:>12.1}KB {:>8.2}",
            name,
            text.len(),
            r.runs,
            secs * 1000.0,
            mbs,
            r.peak as f64 / 1024.0,
            r.peak as f64 / text.len() as f64
        );
    }
    if only.as_deref().is_none_or(|o| "articles".contains(o)) {
        // An archive's articles one call each, as `annotate --jsonl` and the page make them.
        let articles = varied_articles(&seeds, mb);
        let bytes: usize = articles.iter().map(String::len).sum();
        let r = measure(
            || articles.iter().for_each(|a| annotate(a)),
            if quick { 2 } else { 5 },
            budget,
        );
        let secs = r.median.as_secs_f64();
        println!(
            "{:<14} {:>10} {:>6} {:>10.3}ms {:>9.1}   ({} articles, one call each: {:.3} ms an article)",
            "1 MB articles",
            bytes,
            r.runs,
            secs * 1000.0,
            bytes as f64 / mb as f64 / secs,
            articles.len(),
            secs * 1000.0 / articles.len() as f64
        );
    }
    let per_mb_of = |name: &str| per_mb.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
    for kind in ["corpus", "varied"] {
        if let (Some(one), Some(ten)) = (
            per_mb_of(&format!("1 MB {kind}")),
            per_mb_of(&format!("10 MB {kind}")),
        ) {
            println!(
                "linearity ({kind}): time per MB at 10 MB / at 1 MB = {:.2}",
                ten / one
            );
        }
    }
}
