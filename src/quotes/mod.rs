//! Quotations: what was said, by whom, introduced how.
//!
//! - [`marks`] pairs quote marks into quotations;
//! - [`kind`] tells a full utterance (direct) from a fragment in the writer's sentence (partial)
//!   and from marks that are not quotations at all (names, scare quotes).

pub mod kind;
pub mod marks;

use crate::analysis::{Entity, Quote, TextSpan};
use crate::text::Document;

/// Finds the quotations of a document, in order of start.
pub fn find(doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
    let marked = marks::find(doc);
    let mut quotes: Vec<Quote> = Vec::with_capacity(marked.len());
    let mut kept_index: Vec<Option<usize>> = Vec::with_capacity(marked.len());
    for m in &marked {
        let Some((kind, rule)) = kind::classify(doc, m) else {
            kept_index.push(None);
            continue;
        };
        // A quotation inside a dropped one (a name in a title, say) hangs on the nearest kept one.
        let mut parent = m.parent;
        while let Some(p) = parent {
            if kept_index[p].is_some() {
                break;
            }
            parent = marked[p].parent;
        }
        kept_index.push(Some(quotes.len()));
        quotes.push(Quote {
            id: String::new(),
            kind,
            span: TextSpan::new(doc.text, m.content.start, m.content.end),
            speaker: None,
            cue: None,
            nested_in: parent.and_then(|p| kept_index[p]).map(|i| i.to_string()),
            rule: rule.to_string(),
            attribution_rule: None,
        });
    }
    number(&mut quotes);
    quotes
}

/// Gives quotes their ids in order of start, rewriting `nested_in` from list indices to ids.
fn number(quotes: &mut [Quote]) {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].span.start, std::cmp::Reverse(quotes[i].span.end)));
    let mut id_of = vec![String::new(); quotes.len()];
    for (n, &i) in order.iter().enumerate() {
        id_of[i] = format!("q{}", n + 1);
    }
    for (i, quote) in quotes.iter_mut().enumerate() {
        quote.id = id_of[i].clone();
        if let Some(parent) = &quote.nested_in {
            let index: usize = parent.parse().expect("an index set by find");
            quote.nested_in = Some(id_of[index].clone());
        }
    }
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_quotes_point_at_their_parent() {
        let text = "“He said, ‘We will help,’ and left,” she said.";
        let doc = Document::new(text);
        let quotes = find(&doc, &[]);
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].id, "q1");
        assert_eq!(quotes[1].nested_in.as_deref(), Some("q1"));
    }
}
