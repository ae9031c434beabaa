//! Prints every quote of a text or file, with its speaker, mention, cue and rules, one a line:
//! `cargo run --example quotes_debug "“We will not,” she said."` (a quick look while writing rules).
fn main() {
    let arg = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&arg).unwrap_or(arg);
    for q in newslens::annotate(&text).quotes {
        let s = q.speaker.as_ref();
        println!(
            "{} {:?} {:?} | {:?} via {:?} | cue {:?} | {} / {:?}",
            q.id,
            q.kind,
            q.span.text.chars().take(60).collect::<String>(),
            s.map(|s| s.name.as_ref()),
            s.and_then(|s| s.mention.as_ref()).map(|m| m.text.as_ref()),
            q.cue.as_ref().map(|c| c.span.text.as_ref()),
            q.rule,
            q.attribution_rule
        );
    }
}
