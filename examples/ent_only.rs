fn main() {
    let text = std::fs::read_to_string("/tmp/10mb.txt").unwrap();
    let doc = newslens::text::Document::new(&text);
    let e = newslens::entities::find(&doc);
    std::hint::black_box(e);
}
