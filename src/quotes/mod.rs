//! Quotations: what was said, by whom, introduced how.
//!
//! - [`marks`] pairs quote marks into quotations;
//! - [`kind`] tells a full utterance (direct) from a fragment in the writer's sentence (partial)
//!   and from marks that are not quotations at all (names, scare quotes);
//! - [`attribution`] finds the speaker's mention and the verb next to each quote;
//! - [`resolve`] turns the mention into a speaker, through [`people`];
//! - [`verbs`] and [`words`] are the word classes those rules read.

pub mod attribution;
pub mod kind;
pub mod marks;
pub mod people;
pub mod resolve;
pub mod verbs;
pub mod words;

use std::ops::Range;

use crate::analysis::{AttributionCue, Entity, Quote, QuoteKind, Speaker, TextSpan};
use crate::text::Document;
use attribution::{Found, Window};
use people::People;

/// Finds the quotations of a document, in order of start.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let people = People::new(doc, entities);
    let marked = marks::find(doc);
    let mut quotes: Vec<Quote> = Vec::with_capacity(marked.len());
    let mut kept_index: Vec<Option<usize>> = Vec::with_capacity(marked.len());
    let quoted: Vec<Range<usize>> = marked.iter().map(|m| m.content.clone()).collect();
    let mut previous: Vec<(usize, Speaker)> = Vec::new();
    for (index, m) in marked.iter().enumerate() {
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
        let parent_quote = parent.and_then(|p| kept_index[p]);
        let window = window(doc, &marked, index, parent);
        // A fragment belongs to the clause it stands in; a full quote to the attribution
        // around it.
        let found = if kind == QuoteKind::Partial {
            attribution::in_sentence(doc, &people, m.open.start, &window)
                .or_else(|| attribution::after_quote(doc, &people, m.close.end, &window))
        } else {
            attribution::after_quote(doc, &people, m.close.end, &window)
                .or_else(|| attribution::before_quote(doc, &people, m.open.start, &window))
        };
        let outer = parent_quote.and_then(|q: usize| quotes[q].speaker.as_ref());
        let cx = resolve::Context {
            doc,
            people: &people,
            previous: &previous,
            quoted: &quoted,
            outer,
        };
        let (speaker, cue, attribution_rule) = match found {
            Some(Found { mention, cue, rule }) => {
                let speaker = resolve::resolve(&mention, &cx);
                let cue = AttributionCue {
                    span: TextSpan::new(doc.text, cue.span.start, cue.span.end),
                    lemma: cue.verb.lemma.to_string(),
                    neutral: cue.verb.neutral,
                };
                (speaker, Some(cue), Some(rule))
            }
            None => match inherited(doc, &marked, &kept_index, &quotes, index) {
                Some((speaker, rule)) => (Some(speaker), None, Some(rule)),
                None => (None, None, None),
            },
        };
        if let Some(speaker) = &speaker {
            previous.push((m.content.start, speaker.clone()));
        }
        kept_index.push(Some(quotes.len()));
        quotes.push(Quote {
            id: String::new(),
            kind,
            span: TextSpan::new(doc.text, m.content.start, m.content.end),
            speaker,
            cue,
            nested_in: parent_quote.map(|i| i.to_string()),
            rule: rule.to_string(),
            attribution_rule: attribution_rule.map(str::to_string),
        });
    }
    number(&mut quotes);
    quotes
}

/// Where a quote's attribution may stand: its sentence (from the opening mark's sentence to
/// the closing mark's), inside its parent quote, and not across a neighbouring quote.
fn window(doc: &Document, marked: &[marks::Marked], index: usize, parent: Option<usize>) -> Window {
    let m = &marked[index];
    let mut floor = doc.sentences[doc.sentence_index(m.open.start)].start;
    let mut limit = doc.sentences[doc.sentence_index(m.close.start)].end;
    if let Some(p) = parent {
        floor = floor.max(marked[p].content.start);
        limit = limit.min(marked[p].content.end);
    }
    for other in marked.iter().filter(|o| o.parent == m.parent) {
        if other.close.end <= m.open.start {
            floor = floor.max(other.close.end);
        } else if other.open.start >= m.close.end {
            limit = limit.min(other.open.start);
        }
    }
    Window { floor, limit }
}

/// A quote with no attribution of its own takes the speaker of the quote before it in the same
/// paragraph (`“A,” she said. “B.”`), or, when it opens its paragraph, of the previous
/// paragraph's last quote: the newspaper convention for a speaker who goes on talking.
fn inherited(
    doc: &Document,
    marked: &[marks::Marked],
    kept_index: &[Option<usize>],
    quotes: &[Quote],
    index: usize,
) -> Option<(Speaker, &'static str)> {
    let m = &marked[index];
    let paragraph = doc.paragraph_index(m.open.start);
    let earlier = (0..index).rev().find_map(|i| {
        let q = kept_index[i]?;
        (marked[i].parent == m.parent && marked[i].close.end <= m.open.start).then_some((i, q))
    })?;
    let (i, q) = earlier;
    let speaker = quotes[q].speaker.clone()?;
    let earlier_paragraph = doc.paragraph_index(marked[i].close.start);
    let as_continuation = |rule| {
        Some((
            Speaker {
                mention: None,
                resolution: "continuation".to_string(),
                ..speaker.clone()
            },
            rule,
        ))
    };
    if m.parent.is_some() {
        return None;
    }
    if earlier_paragraph == paragraph {
        return as_continuation("attribution.adjacent");
    }
    let opens_paragraph = m.open.start == doc.paragraphs[paragraph].start;
    if opens_paragraph && earlier_paragraph + 1 == paragraph {
        return as_continuation("attribution.continuation");
    }
    None
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
