//! Times each layer on a file: `cargo run --release --example layers_time FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("readable");
    let _ = newslens::annotate("warm up the lexicons, “he said.”");
    let t = Instant::now();
    let doc = newslens::text::Document::new(&text);
    let t_doc = t.elapsed();
    let t = Instant::now();
    let entities = newslens::entities::find(&doc);
    let t_ent = t.elapsed();
    let t = Instant::now();
    let quotes = newslens::quotes::find(&doc, &entities);
    let t_quotes = t.elapsed();
    let t = Instant::now();
    let _cues = newslens::cues::find(&doc, &quotes, &entities);
    let t_cues = t.elapsed();
    let t = Instant::now();
    let all = newslens::annotate(&text);
    let t_all = t.elapsed();
    println!(
        "{} bytes: document {:?}, entities {:?}, quotes {:?}, cues {:?}; annotate {:?} ({} quotes, {} entities, {} cues)",
        text.len(), t_doc, t_ent, t_quotes, t_cues, t_all, all.quotes.len(), all.entities.len(), all.cues.len()
    );
}
