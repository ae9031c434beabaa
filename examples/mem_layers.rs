//! Where the heap goes, layer by layer, on the corpora of `make bench`:
//! `cargo run --release --example mem_layers [MB | article]` (default 1 MB; `article` is
//! seed 002 alone).
//!
//! For each layer: the most heap it held at once beyond what was live before it (its working
//! set), and what it left behind (its output, held while the later layers run). The peak of
//! a whole `annotate` is the largest sum of earlier outputs and one layer's working set.

#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;
#[path = "../tests/robust/peak_heap.rs"]
mod peak_heap;

#[global_allocator]
static ALLOCATOR: peak_heap::Counting = peak_heap::Counting;

/// Runs `layer`, printing its working set and its output's size as multiples of `input`.
fn measure<T>(name: &str, input: usize, layer: impl FnOnce() -> T) -> T {
    let before = peak_heap::live();
    let mut out = None;
    let peak = peak_heap::peak_of(|| out = Some(layer()));
    let kept = peak_heap::live() - before;
    let x = |bytes: usize| bytes as f64 / input as f64;
    println!(
        "{name:<10} peak {:>6.2}x  output {:>6.2}x",
        x(peak),
        x(kept)
    );
    out.expect("ran")
}

fn main() {
    let seeds = hostile_inputs::seed_files();
    let text = match std::env::args().nth(1).as_deref() {
        Some("article") => {
            let article = seeds.iter().find(|(name, _)| name.starts_with("002_"));
            article.expect("seed 002").1.clone()
        }
        size => {
            let mb: usize = size.map_or(1, |n| n.parse().expect("a size in MB or `article`"));
            hostile_inputs::corpus(&seeds, mb << 20)
        }
    };
    let n = text.len();
    std::hint::black_box(newslens::annotate("warm up the word lists, “he said.”"));
    println!("{n} bytes, multiples of the input");
    let all = measure("annotate", n, || newslens::annotate(&text));
    drop(all);
    let doc = measure("document", n, || newslens::text::Document::new(&text));
    let entities = measure("entities", n, || newslens::entities::find(&doc));
    let quotes = measure("quotes", n, || newslens::quotes::find(&doc, &entities));
    let cues = measure("cues", n, || newslens::cues::find(&doc, &quotes, &entities));
    let analysis = newslens::Analysis {
        version: newslens::FORMAT_VERSION,
        quotes,
        entities,
        cues,
        profile: Default::default(),
    };
    let profile = measure("profile", n, || newslens::profile::build(&text, &analysis));
    std::hint::black_box(profile);
}
