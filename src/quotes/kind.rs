//! Direct, partial, or not a quotation at all.
//!
//! A full utterance stands on its own: it opens a sentence or follows an attribution's colon or
//! comma (`she said, “We will…”`). A partial quote is a fragment the writer builds into their own
//! sentence (`called it “sacrosanct”`). Quote marks also wrap names (`Operation “Southern
//! Spear”`, `a film called “Roma”`) and the writer's scare quotes (`a ‘new’ one`): those are not
//! quotations, and are recognised by what stands before them and by their shape.

use super::marks::Marked;
use crate::analysis::QuoteKind;
use crate::text::Document;

/// Words right before a quoted name that say it is a name, not speech.
const NAMING_WORDS: &[&str] = &[
    "operation",
    "operations",
    "project",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "so-called",
    "codenamed",
    "code-named",
    "headlined",
    "hashtag",
    "slogan",
    "motto",
    "program",
    "programme",
    "campaign",
    "plan",
    "initiative",
];

/// Reads the quotation's kind, or `None` when the marks do not quote anyone.
pub fn classify(doc: &Document, m: &Marked) -> Option<(QuoteKind, &'static str)> {
    let text = doc.text;
    let content = &text[m.content.clone()];
    let before = text[..m.open.start].trim_end();
    let previous_char = before.chars().next_back();
    let previous_word = last_word(before).to_lowercase();
    let words = content.split_whitespace().count();
    let first = content.chars().find(|c| c.is_alphanumeric());
    let capitalised = first.is_some_and(char::is_uppercase);
    let ends_like_speech = content.ends_with([',', '.', '?', '!', '…', ';', ':', '—', '–']);

    if NAMING_WORDS.contains(&previous_word.as_str()) {
        return None;
    }
    // Title Case words after a capitalised word: a name (`Operation “Southern Spear”`).
    if words <= 5
        && !ends_like_speech
        && is_title_case(content)
        && previous_word_capitalised(before)
    {
        return None;
    }

    let paragraph = &doc.paragraphs[doc.paragraph_index(m.open.start)];
    let sentence = &doc.sentences[doc.sentence_index(m.open.start)];
    let opens_unit = m.open.start <= paragraph.start
        || m.open.start <= sentence.start
        || m.parent.is_some() && before.ends_with(['“', '"', '‘', '\'', '«']);
    let after_lead_in = matches!(previous_char, Some(':' | ',' | '—' | '–' | '('));

    if opens_unit {
        return Some((QuoteKind::Direct, "quote.marks.opens_sentence"));
    }
    if after_lead_in && (capitalised || words >= 4) {
        return Some((QuoteKind::Direct, "quote.marks.after_lead_in"));
    }
    // A short lowercase fragment with no punctuation and nobody speaking is the writer's own
    // scare quote (`a ‘new’ one`).
    if words <= 2 && !ends_like_speech && !capitalised && scare_quote_context(&previous_word) {
        return None;
    }
    Some((QuoteKind::Partial, "quote.marks.inside_sentence"))
}

/// Determiners and adjectives-position words before which a short quoted word is a scare quote.
fn scare_quote_context(previous_word: &str) -> bool {
    matches!(
        previous_word,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "so"
    )
}

fn last_word(text: &str) -> &str {
    let trimmed = text.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &trimmed[start..]
}

fn previous_word_capitalised(before: &str) -> bool {
    last_word(before)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn is_title_case(content: &str) -> bool {
    let mut any = false;
    for word in content.split_whitespace() {
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_alphabetic() && !first.is_uppercase() && word.len() > 3 {
            return false;
        }
        any |= first.is_uppercase();
    }
    any
}
