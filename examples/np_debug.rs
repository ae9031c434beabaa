fn main() {
    let text = std::env::args().nth(1).unwrap();
    let doc = newslens::text::Document::new(&text);
    let people = newslens::quotes::people::People::new(&doc, &[]);
    let end: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    for (i, t) in doc.tokens.iter().enumerate() {
        print!("{i}:{} ", doc.token_text(t));
    }
    println!();
    println!(
        "{:?}",
        newslens::quotes::attribution::np_ending_at(&doc, &people, end, 0)
    );
}
