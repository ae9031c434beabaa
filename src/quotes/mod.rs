//! Quotations: what was said, by whom, introduced how.
//!
//! - [`marks`] pairs quote marks into quotations;
//! - [`kind`] tells a full utterance (direct) from a fragment in the writer's sentence (partial)
//!   and from marks that are not quotations at all (names, scare quotes);
//! - [`attribution`] finds the speaker's mention and the verb next to each quote;
//! - [`indirect`] finds reported speech without quote marks;
//! - [`resolve`] turns the mention into a speaker, through [`people`];
//! - [`verbs`] and [`words`] are the word classes those rules read; [`shapes`] turns most
//!   words away from a list before it is looked up; [`search`] finds the next sentence end or
//!   mention near the last one.

pub mod attribution;
pub mod indirect;
pub mod kind;
pub mod marks;
pub mod people;
pub mod resolve;
pub mod shapes;
pub mod spans;
pub mod verbs;
pub mod words;

use std::borrow::Cow;

use crate::analysis::{AttributionCue, Entity, Quote, QuoteKind, Speaker, TextSpan};
use crate::text::Document;
use attribution::{Found, Window};
use people::People;

/// A quotation between marks before it has a speaker.
struct Candidate {
    index: usize,
    kind: QuoteKind,
    rule: &'static str,
    parent: Option<usize>,
}

/// Finds the quotations of a document, in order of start.
pub fn find<'a>(doc: &Document<'a>, entities: &[Entity<'a>]) -> Vec<Quote<'a>> {
    find_with_marks(doc, entities, &marks::find(doc))
}

/// [`find`] with the document's quote marks already paired ([`marks::find`]), which the cues
/// layer reads too: [`crate::annotate`] pairs them once for both.
pub fn find_with_marks<'a>(
    doc: &Document<'a>,
    entities: &[Entity<'a>],
    marked: &[marks::Marked],
) -> Vec<Quote<'a>> {
    let people = People::new(doc, entities);
    let quoted = spans::Quoted::new(marked.iter().map(|m| m.content.clone()));

    // Which marks quote someone, and how.
    let mut kept: Vec<Option<Candidate>> = Vec::with_capacity(marked.len());
    for (index, m) in marked.iter().enumerate() {
        let candidate = kind::classify(doc, m).map(|(kind, rule)| {
            // A quotation inside a dropped one hangs on the nearest kept one.
            let mut parent = m.parent;
            while let Some(p) = parent {
                if kept[p].is_some() {
                    break;
                }
                parent = marked[p].parent;
            }
            Candidate {
                index,
                kind,
                rule,
                parent,
            }
        });
        kept.push(candidate);
    }
    let kept_spans = spans::Quoted::new(
        kept.iter()
            .flatten()
            .map(|c| marked[c.index].content.clone()),
    );
    let reported = indirect::find(doc, &people, &kept_spans);

    // Attribute both kinds in text order, so pronouns see every speaker before them.
    let mut order: Vec<(usize, Result<usize, usize>)> = kept
        .iter()
        .flatten()
        .map(|c| (marked[c.index].content.start, Ok(c.index)))
        .chain(
            reported
                .iter()
                .enumerate()
                .map(|(r, rep)| (rep.clause.start, Err(r))),
        )
        .collect();
    crate::sort::by_key(&mut order, |&(start, which)| (start, which.is_err()));

    let mut quotes: Vec<Quote> = Vec::with_capacity(order.len());
    // The quote each one is nested in, as an index in `quotes`: ids are given at the end.
    let mut nested_in: Vec<Option<usize>> = Vec::with_capacity(order.len());
    let mut quote_of_mark: Vec<Option<usize>> = vec![None; marked.len()];
    // At most one entry a quote: sized once, where it grew a step at a time.
    let mut attributed: Vec<(usize, usize)> = Vec::with_capacity(order.len());
    for (start, which) in order {
        let (quote, parent_quote) = match which {
            Ok(index) => {
                let candidate = kept[index].as_ref().expect("kept");
                let parent_quote = candidate.parent.and_then(|p| quote_of_mark[p]);
                let outer = parent_quote.and_then(|q| quotes[q].speaker.as_ref());
                let cx = resolve::Context {
                    doc,
                    people: &people,
                    quotes: &quotes,
                    attributed: &attributed,
                    quoted: &quoted,
                    outer,
                };
                let quote = attribute_marked(
                    doc,
                    &people,
                    marked,
                    &kept,
                    &quote_of_mark,
                    &quotes,
                    candidate,
                    &cx,
                );
                quote_of_mark[index] = Some(quotes.len());
                (quote, parent_quote)
            }
            Err(r) => {
                let rep = &reported[r];
                let cx = resolve::Context {
                    doc,
                    people: &people,
                    quotes: &quotes,
                    attributed: &attributed,
                    quoted: &quoted,
                    outer: None,
                };
                let speaker = reported_speaker(&rep.found, &cx);
                let quote = Quote {
                    id: Cow::Borrowed(""),
                    kind: QuoteKind::Indirect,
                    span: TextSpan::new(doc.text, rep.clause.start, rep.clause.end),
                    speaker,
                    cue: Some(attribution_cue(doc, &rep.found.cue)),
                    nested_in: None,
                    rule: rep.rule.into(),
                    attribution_rule: Some(rep.found.rule.into()),
                };
                (quote, None)
            }
        };
        if quote.speaker.is_some() {
            attributed.push((start, quotes.len()));
        }
        quotes.push(quote);
        nested_in.push(parent_quote);
    }
    nest_in_reported(&quotes, &mut nested_in);
    number(&mut quotes, &nested_in);
    quotes
}

/// In the passive the subject is the one spoken to: `X was asked whether …` is a question
/// from reporters, `she had been assured that …` an assurance from someone unnamed.
fn reported_speaker<'t>(found: &Found, cx: &resolve::Context<'_, 't>) -> Option<Speaker<'t>> {
    let unnamed = match found.rule {
        "attribution.indirect.passive_question" => "unnamed reporters",
        "attribution.indirect.passive" => "unspecified source",
        _ => return resolve::resolve(&found.mention, cx),
    };
    Some(Speaker {
        name: unnamed.into(),
        entity: None,
        mention: None,
        anonymous: true,
        resolution: "description".into(),
    })
}

#[allow(clippy::too_many_arguments)]
fn attribute_marked<'a>(
    doc: &Document<'a>,
    people: &People,
    marked: &[marks::Marked],
    kept: &[Option<Candidate>],
    quote_of_mark: &[Option<usize>],
    quotes: &[Quote<'a>],
    candidate: &Candidate,
    cx: &resolve::Context<'_, 'a>,
) -> Quote<'a> {
    let m = &marked[candidate.index];
    let window = window(doc, marked, candidate.index, candidate.parent);
    // A fragment belongs to the clause it stands in; a full quote to the attribution
    // around it.
    let found = if candidate.kind == QuoteKind::Partial {
        attribution::in_sentence(doc, people, m.open.start, &window)
            .or_else(|| attribution::after_quote(doc, people, m.close.end, &window))
    } else {
        attribution::after_quote(doc, people, m.close.end, &window)
            .or_else(|| attribution::before_quote(doc, people, m.open.start, &window))
    };
    let (speaker, cue, attribution_rule) = match found {
        Some(Found { mention, cue, rule }) => (
            resolve::resolve(&mention, cx),
            Some(attribution_cue(doc, &cue)),
            Some(rule),
        ),
        None => match inherited(doc, marked, kept, quote_of_mark, quotes, candidate.index) {
            Some((speaker, rule)) => (Some(speaker), None, Some(rule)),
            None => (None, None, None),
        },
    };
    Quote {
        id: Cow::Borrowed(""),
        kind: candidate.kind,
        span: TextSpan::new(doc.text, m.content.start, m.content.end),
        speaker,
        cue,
        nested_in: None,
        rule: candidate.rule.into(),
        attribution_rule: attribution_rule.map(Cow::Borrowed),
    }
}

/// A fragment quoted inside reported speech is nested in it (`boasted that the drop was “due
/// to a secure border”`). Quotes are in order of start, so the container is the latest
/// reported clause that began before the fragment and has not ended.
fn nest_in_reported(quotes: &[Quote], nested_in: &mut [Option<usize>]) {
    let mut open: Option<usize> = None;
    for (i, quote) in quotes.iter().enumerate() {
        if quote.kind == QuoteKind::Indirect {
            open = Some(i);
            continue;
        }
        if nested_in[i].is_some() {
            continue;
        }
        if let Some(j) = open.filter(|&j| quote.span.end <= quotes[j].span.end) {
            nested_in[i] = Some(j);
        }
    }
}

fn attribution_cue<'a>(doc: &Document<'a>, cue: &attribution::CueWord) -> AttributionCue<'a> {
    AttributionCue {
        span: TextSpan::new(doc.text, cue.span.start, cue.span.end),
        lemma: cue.verb.lemma.into(),
        neutral: cue.verb.neutral,
    }
}

/// Where a quote's attribution may stand: its sentence (from the opening mark's sentence to
/// the closing mark's), inside its parent quote, and not across a neighbouring quote.
/// How many marks [`window`] passes over looking for a quote's nearest sibling.
const SIBLING_WALK: usize = 64;

fn window(doc: &Document, marked: &[marks::Marked], index: usize, parent: Option<usize>) -> Window {
    let m = &marked[index];
    let mut floor = doc.sentences[doc.sentence_index(m.open.start)].start;
    let mut limit = doc.sentences[doc.sentence_index(m.close.start)].end;
    if let Some(p) = parent {
        floor = floor.max(marked[p].content.start);
        limit = limit.min(marked[p].content.end);
    }
    // Marks are in order of opening: the nearest sibling on each side is found by walking out
    // from this one, and only while it can still fall inside the sentence, over at most
    // SIBLING_WALK marks: the quotes nested in a neighbour lie between, a handful in real text,
    // but a sentence of random marks holds thousands (the walk made it quadratic).
    if let Some(before) = marked[..index]
        .iter()
        .rev()
        .take(SIBLING_WALK)
        .take_while(|o| o.close.end > floor || o.parent != m.parent)
        .find(|o| o.parent == m.parent)
    {
        floor = floor.max(before.close.end);
    }
    if let Some(after) = marked[index + 1..]
        .iter()
        .take(SIBLING_WALK)
        .take_while(|o| o.open.start < limit)
        .find(|o| o.parent == m.parent)
    {
        limit = limit.min(after.open.start);
    }
    Window { floor, limit }
}

/// A quote with no attribution of its own takes the speaker of the quote before it in the same
/// paragraph (`“A,” she said. “B.”`), or, when it opens its paragraph, of the previous
/// paragraph's last quote: the newspaper convention for a speaker who goes on talking.
fn inherited<'a>(
    doc: &Document,
    marked: &[marks::Marked],
    kept: &[Option<Candidate>],
    quote_of_mark: &[Option<usize>],
    quotes: &[Quote<'a>],
    index: usize,
) -> Option<(Speaker<'a>, &'static str)> {
    let m = &marked[index];
    if m.parent.is_some() {
        return None;
    }
    let paragraph = doc.paragraph_index(m.open.start);
    let (i, q) = (0..index).rev().find_map(|i| {
        kept[i].as_ref()?;
        let q = quote_of_mark[i]?;
        (marked[i].parent == m.parent && marked[i].close.end <= m.open.start).then_some((i, q))
    })?;
    let speaker = quotes[q].speaker.clone()?;
    let earlier_paragraph = doc.paragraph_index(marked[i].close.start);
    let rule = if earlier_paragraph == paragraph {
        "attribution.adjacent"
    } else if m.open.start == doc.paragraphs[paragraph].start && earlier_paragraph + 1 == paragraph
    {
        "attribution.continuation"
    } else {
        return None;
    };
    let speaker = Speaker {
        mention: None,
        resolution: "continuation".into(),
        ..speaker
    };
    Some((speaker, rule))
}

/// Gives quotes their ids in order of start, and `nested_in` the id of the quote at each index
/// `nested_in` holds.
fn number(quotes: &mut [Quote], nested_in: &[Option<usize>]) {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    crate::sort::by_key(&mut order, |&i| {
        (quotes[i].span.start, std::cmp::Reverse(quotes[i].span.end))
    });
    let mut number_of = vec![0; quotes.len()];
    for (n, &i) in order.iter().enumerate() {
        number_of[i] = n + 1;
    }
    let id = |i: usize| crate::analysis::numbered_id('q', number_of[i]);
    for (i, quote) in quotes.iter_mut().enumerate() {
        quote.id = id(i);
        quote.nested_in = nested_in[i].map(id);
    }
    crate::sort::by_key(quotes, |q| (q.span.start, std::cmp::Reverse(q.span.end)));
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

    #[test]
    fn a_fragment_in_reported_speech_is_nested_in_it_by_id() {
        let text = "“Yes,” he said. Johnson boasted that the drop was “due to a secure border”.";
        let doc = Document::new(text);
        let quotes = find(&doc, &[]);
        let ids: Vec<(&str, QuoteKind, Option<&str>)> = quotes
            .iter()
            .map(|q| (q.id.as_ref(), q.kind, q.nested_in.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                ("q1", QuoteKind::Direct, None),
                ("q2", QuoteKind::Indirect, None),
                ("q3", QuoteKind::Partial, Some("q2")),
            ]
        );
    }
}
