//! Writes the benchmarks' corpora under `target/bench/` for the benchmarks that are not Rust
//! (`bench/run.mjs`, `scripts/cli_bench.sh`), from the one generator the Rust benchmarks use
//! (`tests/robust/hostile_inputs.rs`):
//!
//! - `corpus10.txt`: the seeds repeated to 10 MB, and `corpus10.jsonl`, its articles one a line;
//! - `varied1.txt`, `varied10.txt`: 1 MB and 10 MB of articles made from the seeds with no two
//!   alike (`varied_articles`), and `varied1.jsonl`, `varied10.jsonl`, their articles one a line.
//!
//! `cargo run --release --example corpora`
#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;

use std::io::Write;

use hostile_inputs::{one_text, repeated_articles, seed_files, varied_articles};

fn main() -> std::io::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let seeds = seed_files();
    let mb: usize = 1 << 20;
    let repeated = repeated_articles(&seeds, 10 * mb);
    let varied = varied_articles(&seeds, 10 * mb);
    let write = |name: &str, articles: &[String], as_lines: bool| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join(name))?);
        if as_lines {
            for (n, article) in articles.iter().enumerate() {
                serde_json::to_writer(
                    &mut out,
                    &serde_json::json!({"id": n + 1, "text": article}),
                )?;
                out.write_all(b"\n")?;
            }
        } else {
            out.write_all(one_text(articles).as_bytes())?;
        }
        out.flush()
    };
    write("corpus10.txt", &repeated, false)?;
    write("corpus10.jsonl", &repeated, true)?;
    write("varied10.txt", &varied, false)?;
    write("varied10.jsonl", &varied, true)?;
    let one = varied_articles(&seeds, mb);
    write("varied1.txt", &one, false)?;
    write("varied1.jsonl", &one, true)?;
    eprintln!("corpora: wrote target/bench/{{corpus10,varied10,varied1}}.{{txt,jsonl}}");
    Ok(())
}
