//! Annotates one hostile input (by its name in tests/robust/hostile_inputs.rs) at a size in KB,
//! for profiling: `cargo run --release --example hostile_one "quote marks only" 64`.
#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;

fn main() {
    let name = std::env::args().nth(1).expect("case name");
    let kb: usize = std::env::args()
        .nth(2)
        .map_or(64, |k| k.parse().expect("KB"));
    let (_, make) = hostile_inputs::CASES
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a case of hostile_inputs::CASES");
    let text = make(kb * 1024);
    let t = std::time::Instant::now();
    let analysis = newslens::annotate(&text);
    println!(
        "{name} at {kb} KB: {:?}, {} quotes",
        t.elapsed(),
        analysis.quotes.len()
    );
}
