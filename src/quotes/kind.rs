//! Direct, partial, or not a quotation at all.
//!
//! A full utterance stands on its own: it opens a sentence or follows an attribution's colon or
//! comma (`she said, “We will…”`). A partial quote is a fragment the writer builds into their own
//! sentence (`called it “sacrosanct”`). Quote marks also wrap names (`Operation “Southern
//! Spear”`, `a film called “Roma”`) and the writer's scare quotes (`a ‘new’ one`): those are not
//! quotations, and are recognised by what stands before them, by their shape, and by the
//! absence of anyone speaking in the sentence.

use std::ops::Range;

use super::attribution::FRAGMENT_VERBS;
use super::marks::Marked;
use super::verbs;
use crate::analysis::QuoteKind;
use crate::text::Document;

/// Words right before quote marks that say what follows is a name or the writer's distance,
/// not speech. (`Operation “Southern Spear”` needs no entry: Title Case after a capitalised
/// word is a name already.)
const NAMING_WORDS: &[&str] = &[
    "code-named",
    "codenamed",
    "dubbed",
    "entitled",
    "hashtag",
    "headlined",
    "motto",
    "named",
    "nicknamed",
    "slogan",
    "so-called",
    "titled",
];

/// Nouns that cite the quoted words as words, not as anyone's speech.
const CITING_WORDS: &[&str] = &[
    "banner", "label", "phrase", "sign", "slogan", "term", "terms", "word", "words",
];

/// Verbs after which Title Case words in quote marks are a name (`is called “Operation X”`).
const NAMING_VERBS: &[&str] = &["as", "called", "dubbed", "named"];

/// Reads the quotation's kind, or `None` when the marks do not quote anyone.
pub fn classify(doc: &Document, m: &Marked) -> Option<(QuoteKind, &'static str)> {
    let text = doc.text;
    let content = &text[m.content.clone()];
    // Only the words just before the mark matter; a bounded look-back keeps a text of quote
    // marks and punctuation linear.
    let mut from = m.open.start.saturating_sub(256);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..m.open.start].trim_end();
    let previous_char = before.chars().next_back();
    // Borrowed when already lower-case, as it nearly always is: it was a copy per quote mark.
    let previous_word = crate::text::lower(last_word(before));
    // The rules below ask only whether there are up to five words: counting stops at six, as a
    // long quotation's every character was read for a number no rule needs.
    let words = content.split_whitespace().take(6).count();
    let first = content.chars().find(|c| c.is_alphanumeric());
    let capitalised = first.is_some_and(char::is_uppercase);
    let ends_like_speech = content.ends_with([',', '.', '?', '!', '…', ';', ':', '—', '–']);

    if NAMING_WORDS.contains(&&*previous_word) {
        return None;
    }
    // Title Case words after a capitalised word or a naming verb are a name. American style
    // puts the comma inside the marks, so it does not make the name speech.
    let bare = content.trim_end_matches([',', '.', ';', ':']);
    let previous_token = doc.tokens[..doc.token_at_or_after(m.open.start)].last();
    let after_capitalised = previous_token.is_some_and(|t| {
        t.kind == crate::text::TokenKind::Word
            && doc
                .token_text(t)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    let after_name = after_capitalised || NAMING_VERBS.contains(&&*previous_word);
    if words <= 5 && !bare.ends_with(['?', '!']) && is_title_case(bare) && after_name {
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
    // `said “You’re fired”`: a capitalised utterance right after the reporting verb.
    let after_verb = verbs::lookup(&previous_word).is_some_and(|v| v.lemma != "call");
    if after_verb && capitalised && before.ends_with(|c: char| c.is_alphabetic()) {
        return Some((QuoteKind::Direct, "quote.marks.after_verb"));
    }
    // A word cited as a word (`the word “resilience”`) is not speech.
    if words <= 3 && CITING_WORDS.contains(&&*previous_word) {
        return None;
    }
    // A short lowercase fragment with no punctuation, in a sentence where nobody speaks, is
    // the writer's own scare quote (`not a completely ‘new’ one`); Title Case words there are
    // a name (`the tanker “Ocean Star”`, `she sang “Yellow Submarine”`). The sentence's verbs
    // are read only for such a fragment, the one case that asks about them (12 K instructions
    // an article when read for every quote).
    let scare_or_name = words <= 3 && !capitalised || words <= 5 && is_title_case(bare);
    if !ends_like_speech && scare_or_name && !has_speech_verb(doc, sentence, m) {
        return None;
    }
    Some((QuoteKind::Partial, "quote.marks.inside_sentence"))
}

/// Whether the sentence, outside the quotation, has a verb that reports or frames speech. Only
/// the stretch near the quote is read (a sentence can be a whole text of quote marks), which
/// keeps the check constant per quote.
fn has_speech_verb(doc: &Document, sentence: &Range<usize>, m: &Marked) -> bool {
    const NEAR: usize = 400;
    let from = sentence.start.max(m.open.start.saturating_sub(NEAR));
    let to = sentence.end.min(m.close.end + NEAR);
    doc.tokens_in(from..to)
        .iter()
        .filter(|t| t.end() <= m.open.start || t.start() >= m.close.end)
        .any(|t| {
            super::words::with_lower(doc.token_text(t), |word| {
                verbs::lookup(word).is_some() || FRAGMENT_VERBS.contains(&word)
            })
        })
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
