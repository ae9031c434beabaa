#[path = "../tests/robust/hostile_inputs.rs"]
mod hostile_inputs;
#[path = "../tests/robust/peak_heap.rs"]
mod peak_heap;
#[global_allocator]
static ALLOCATOR: peak_heap::Counting = peak_heap::Counting;
fn main() {
    let seeds = hostile_inputs::seed_files();
    let text = hostile_inputs::corpus(&seeds, 1 << 20);
    let _ = newslens::annotate("warm “he said.”");
    let n = text.len() as f64;
    let mut keep = None;
    let p = peak_heap::peak_of(|| {
        keep = Some(newslens::annotate(&text));
    });
    println!("annotate peak {:.2}x", p as f64 / n);
    let before = peak_heap::live();
    let a0 = newslens::annotate(&text);
    println!(
        "retained analysis {:.2}x",
        (peak_heap::live() - before) as f64 / n
    );
    drop(a0);
    let mut a = keep.take();
    let retained = peak_heap::peak_of(|| {
        a = Some(newslens::annotate(&text));
    });
    drop(a);
    let _ = retained;
    let mut doc = None;
    let p = peak_heap::peak_of(|| {
        doc = Some(newslens::text::Document::new(&text));
    });
    println!("document {:.2}x", p as f64 / n);
    let doc = doc.unwrap();
    let mut ents = None;
    let p = peak_heap::peak_of(|| {
        ents = Some(newslens::entities::find(&doc));
    });
    println!("entities peak {:.2}x", p as f64 / n);
    let ents = ents.unwrap();
    let mut q = None;
    let p = peak_heap::peak_of(|| {
        q = Some(newslens::quotes::find(&doc, &ents));
    });
    println!("quotes peak {:.2}x", p as f64 / n);
    let q = q.unwrap();
    let mut c = None;
    let p = peak_heap::peak_of(|| {
        c = Some(newslens::cues::find(&doc, &q, &ents));
    });
    println!("cues peak {:.2}x", p as f64 / n);
    let a = newslens::annotate(&text);
    let j = serde_json::to_string(&a).unwrap();
    println!(
        "json {:.2}x; quotes {} entities {} mentions {} cues {}",
        j.len() as f64 / n,
        a.quotes.len(),
        a.entities.len(),
        a.entities.iter().map(|e| e.mentions.len()).sum::<usize>(),
        a.cues.len()
    );
}
