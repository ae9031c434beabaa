fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let doc = newslens::text::Document::new(&text);
    let people = newslens::quotes::people::People::new(&doc, &[]);
    for p in &people.people {
        println!(
            "{:?} {:?} {:?} {}",
            p.name,
            p.titles,
            p.gender,
            p.mentions.len()
        );
    }
}
