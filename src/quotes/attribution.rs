//! Who a quotation is attributed to, and with which verb: the patterns of English news.
//!
//! - after the quote: `“…,” Sheinbaum said`, `“…,” said Sheinbaum`, `“…,” she added`,
//!   `“…,” X, a former attaché, said`;
//! - before it: `Rubio said: “…”`, `She told reporters, “…”`, `According to X, “…”`;
//! - in the sentence, for fragments: `Sheinbaum called it “sacrosanct”`,
//!   `Johnson boasted that the drop was “due to a secure border”`.
//!
//! The speaker's mention is read as a noun phrase next to the verb: a name (with its title
//! split off), a pronoun, a role (`the Mexican president`), a description (`a U.S. official`,
//! `three people familiar with the matter`) or an organisation. Resolving it to a person is
//! [`super::resolve`]'s job.

use std::borrow::Cow;
use std::ops::Range;

use super::people::{looks_like_org, split_title, People};
use super::verbs::{self, Verb};
use super::words::{
    is_determiner, is_name_particle, is_person_role, is_source_noun, is_title_word, is_verb_filler,
    lowers_to, pronoun, with_lower, Pronoun,
};
use crate::text::{Document, Token, TokenKind};

/// What kind of noun phrase names the speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A person's name.
    Name,
    /// An organisation's name (`the White House`).
    Org,
    /// he, she, they, we, I.
    Pronoun(Pronoun),
    /// A definite role noun that may stand for a named person (`the president`).
    Role(String),
    /// An unnamed source (`a U.S. official`, `analysts`).
    Description,
}

/// A speaker mention next to an attribution verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the mention.
    pub span: Range<usize>,
    /// What it is.
    pub kind: MentionKind,
}

/// The attribution verb or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueWord {
    /// Byte range (`said`, `told reporters`, `according to`).
    pub span: Range<usize>,
    /// Lemma and stance.
    pub verb: Verb,
}

/// An attribution found for a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The speaker's mention.
    pub mention: Mention,
    /// The verb or phrase.
    pub cue: CueWord,
    /// The rule that matched.
    pub rule: &'static str,
}

/// A verb (or fixed phrase) starting at token `i`, with the index of its last token.
#[inline]
pub fn verb_at(doc: &Document, i: usize) -> Option<(CueWord, usize)> {
    // Asked of nearly every word, and nearly every word is turned away by its shape: that test
    // is inlined at the callers, the rest of the reading is not.
    let token = doc.tokens.get(i)?;
    if !may_be_verb(token, doc.token_bytes(token)) {
        return None;
    }
    verb_of_form(doc, i, doc.token_text(token))
}

/// Whether `token` (whose bytes are `raw`) may start what [`verb_at`] finds, or `per`: false for
/// nearly every word, told by its shape alone. It reads bytes: slicing a `str` checks that both
/// ends fall on characters, which cost as much as the test.
#[inline]
pub fn may_be_verb(token: &Token, raw: &[u8]) -> bool {
    token.kind == TokenKind::Word && verbs::may_start_cue(raw)
}

/// [`verb_at`] for a word `raw` at token `i` that [`may_be_verb`].
#[inline(never)]
pub fn verb_of_form(doc: &Document, i: usize, raw: &str) -> Option<(CueWord, usize)> {
    if raw.chars().next().is_some_and(char::is_uppercase)
        && i > 0
        && doc.tokens[i - 1].kind == TokenKind::Word
    {
        return None; // `Secretary of State`: a capitalised word mid-phrase is part of a name
    }
    // Nearly every word is no verb at all, so the word itself is tried before its neighbours.
    let next_is = |words: &[&str]| {
        doc.tokens
            .get(i + 1)
            .is_some_and(|t| words.iter().any(|w| lowers_to(doc.token_text(t), w)))
    };
    let (verb, last) = if lowers_to(raw, "according") && next_is(&["to"]) {
        let verb = Verb {
            lemma: "according to",
            neutral: true,
        };
        (verb, i + 1)
    } else if lowers_to(raw, "per") {
        return None; // too ambiguous alone (`per cent`); handled by the source-noun rule
    } else {
        let verb = with_lower(raw, verbs::lookup)?;
        // `told reporters`, `told journalists` are one fixed phrase in news.
        let phrase = verb.lemma == "tell" && next_is(&["reporters", "journalists", "lawmakers"]);
        (verb, if phrase { i + 1 } else { i })
    };
    let noun = i > 0
        && lowered_word(doc, i - 1, |before| {
            // `There were reports that …`: a plural noun after a form of `be`.
            raw.ends_with('s')
                && matches!(
                    before,
                    "were" | "are" | "was" | "is" | "many" | "several" | "some" | "no"
                )
                // `this comment`, `the report`: a noun, not a verb
                || matches!(
                    before,
                    "this"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "these"
                        | "those"
                        | "whose"
                )
        });
    if noun {
        return None;
    }
    let span = doc.tokens[i].start()..doc.tokens[last].end();
    Some((CueWord { span, verb }, last))
}

/// Token `i`, lower-cased.
pub fn lower<'a>(doc: &Document<'a>, i: usize) -> Cow<'a, str> {
    doc.token_lower(&doc.tokens[i])
}

/// `f(&lower(doc, i))`, through [`with_lower`].
#[inline]
pub fn lowered<R>(doc: &Document, i: usize, f: impl FnOnce(&str) -> R) -> R {
    with_lower(doc.token_text(&doc.tokens[i]), f)
}

/// `lowered(doc, i, accepts)` for an `accepts` that takes only words of letters (`the`,
/// `would`): false at once for punctuation and numbers, which lower to no such word. A quote
/// mark or dash before a verb is outside ASCII, and lowering one was a copy on the heap.
pub fn lowered_word(doc: &Document, i: usize, accepts: impl FnOnce(&str) -> bool) -> bool {
    doc.tokens[i].kind == TokenKind::Word && lowered(doc, i, accepts)
}

/// Whether token `i` is `word` (lower-case ASCII) in any case: `lower(doc, i) == word`,
/// without lowering the token.
pub fn is_word(doc: &Document, i: usize, word: &str) -> bool {
    lowers_to(doc.token_text(&doc.tokens[i]), word)
}

fn capitalised(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
        && doc
            .token_text(&doc.tokens[i])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether token `i` is one of the punctuation characters in `chars`.
pub fn is_punct(doc: &Document, i: usize, chars: &str) -> bool {
    let token = &doc.tokens[i];
    token.kind == TokenKind::Punct && is_within(doc.token_text(token), chars)
}

/// Whether `text` occurs in `chars`, as `chars.contains(text)` says. A punctuation token is one
/// character, and looking for a character among a few costs a fraction of a substring search.
fn is_within(text: &str, chars: &str) -> bool {
    let mut text_chars = text.chars();
    match (text_chars.next(), text_chars.next()) {
        (Some(c), None) => chars.chars().any(|listed| listed == c),
        _ => chars.contains(text),
    }
}

/// The noun phrase that ends at token `end` (inclusive), not reaching before `floor`.
pub fn np_ending_at(doc: &Document, people: &People, end: usize, floor: usize) -> Option<Mention> {
    if end < floor {
        return None;
    }
    if is_punct(doc, end, ")") {
        // `(Trump) said`: the name in brackets.
        let open = (floor..end)
            .rev()
            .take(6)
            .find(|&k| is_punct(doc, k, "("))?;
        return np_ending_at(doc, people, end - 1, open + 1);
    }
    let (pronoun, source) = lowered(doc, end, |word| {
        // `one senior Labour MP`, `a Treasury spokesperson`: a source noun heads a
        // description, capitalised or not.
        let source = is_source_noun(word) && !is_person_role(word) || matches!(word, "mp" | "mps");
        (pronoun(word), source)
    });
    if let Some(p) = pronoun {
        return Some(Mention {
            span: doc.tokens[end].start()..doc.tokens[end].end(),
            kind: MentionKind::Pronoun(p),
        });
    }
    if source {
        if let Some(description) = description_ending_at(doc, end, floor) {
            return Some(description);
        }
    }
    if capitalised(doc, end) {
        let mut start = end;
        while start > floor {
            let prev = start - 1;
            let w = doc.token_text(&doc.tokens[prev]);
            if w == "."
                && prev > floor
                && is_abbreviated_title(doc.token_text(&doc.tokens[prev - 1]))
            {
                start = prev - 1; // `Dr. Priya Raman`
            } else if capitalised(doc, prev) {
                start = prev;
            } else if (is_name_particle(w) || matches!(w, "of" | "to" | "for" | "and" | "&"))
                && prev > floor
                && capitalised(doc, prev - 1)
                && (w != "and" && w != "&" || run_is_org(doc, start, end))
            {
                start = prev - 1;
            } else {
                break;
            }
        }
        while start <= end && lowered(doc, start, is_sentence_word) {
            start += 1; // `However, Sheinbaum`: the adverb is not part of the name
        }
        if start > end {
            return None;
        }
        return Some(classify_run(doc, people, start, end));
    }
    description_ending_at(doc, end, floor)
}

/// `Dr`, `Mr`, `Gen`: titles written with a dot that is not a sentence's end.
fn is_abbreviated_title(word: &str) -> bool {
    matches!(
        word,
        "Dr" | "Mr"
            | "Mrs"
            | "Ms"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Capt"
            | "Prof"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Rev"
            | "St"
            | "Cmdr"
            | "Supt"
            | "Insp"
            | "Det"
    )
}

/// Days and months (and today, yesterday, tonight), lower-cased.
pub fn is_day_or_month(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Whether tokens `range` can be a descriptor before a name (`police spokesman`, `the
/// singer`, `its director`, `Secretary of State`): a few words, no punctuation, no verb, no
/// word that starts a clause.
pub fn is_descriptor(doc: &Document, range: Range<usize>) -> bool {
    range.len() <= 5
        && range.clone().all(|t| {
            doc.tokens[t].kind == TokenKind::Word
                && verb_at(doc, t).is_none()
                && lowered(doc, t, |w| {
                    !is_verb_filler(w)
                        && !is_sentence_word(w)
                        && !matches!(
                            w,
                            "that"
                                | "which"
                                | "who"
                                | "whom"
                                | "because"
                                | "said"
                                | "says"
                                | "it"
                                | "there"
                        )
                })
        })
}

/// Capitalised words that open sentences and clauses but never names.
fn is_sentence_word(word: &str) -> bool {
    matches!(
        word,
        "however"
            | "there"
            | "it"
            | "meanwhile"
            | "still"
            | "instead"
            | "but"
            | "and"
            | "yet"
            | "also"
            | "then"
            | "now"
            | "so"
            | "thus"
            | "moreover"
            | "indeed"
            | "separately"
            | "later"
            | "earlier"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "while"
            | "although"
            | "though"
            | "when"
            | "if"
            | "as"
            | "since"
            | "despite"
            | "for"
            | "with"
            | "by"
            | "from"
            | "under"
    )
}

fn run_is_org(doc: &Document, start: usize, end: usize) -> bool {
    looks_like_org((start..=end).map(|t| doc.token_text(&doc.tokens[t])))
}

/// A capitalised run as a name, an organisation or a role.
fn classify_run(doc: &Document, people: &People, start: usize, end: usize) -> Mention {
    let tokens = &doc.tokens;
    let whole = tokens[start].start()..tokens[end].end();
    if people.org_at(&whole).is_some() && people.at(&whole).is_none() {
        return Mention {
            span: whole,
            kind: MentionKind::Org,
        };
    }
    let words = |from: usize| (from..=end).map(|t| doc.token_text(&tokens[t]));
    // Whether any word of the run marks an organisation: when none does, none of the name's
    // words (a part of the run) does either, and they are not read again below.
    let org_words = looks_like_org(words(start));
    if org_words && people.at(&whole).is_none() {
        // `The White House`: an organisation keeps its words, less a leading article.
        let first = if doc.token_text(&tokens[start]) == "The" && start < end {
            start + 1
        } else {
            start
        };
        return Mention {
            span: tokens[first].start()..tokens[end].end(),
            kind: MentionKind::Org,
        };
    }
    let (title, name_start) = split_title(doc, start..end + 1);
    if name_start > end {
        // Only a title: `The President said`, `Mexican President`.
        let head = lower(doc, end).trim_end_matches('.').to_string();
        let span = title.unwrap_or(whole);
        return Mention {
            span,
            kind: MentionKind::Role(head),
        };
    }
    let span = tokens[name_start].start()..tokens[end].end();
    let kind = if people.at(&span).is_some() {
        MentionKind::Name
    } else if people.org_at(&span).is_some() || org_words && looks_like_org(words(name_start)) {
        MentionKind::Org
    } else {
        MentionKind::Name
    };
    let text = &doc.text[span.clone()];
    let trimmed = text
        .strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text);
    Mention {
        span: span.start..span.start + trimmed.len(),
        kind,
    }
}

/// `a U.S. official`, `three people familiar with the matter`, `the spokeswoman`, `analysts`.
fn description_ending_at(doc: &Document, end: usize, floor: usize) -> Option<Mention> {
    let tokens = &doc.tokens;
    // The head noun: the phrase's last word, or one followed by a short post-modifier. Both
    // searches below ask it of the same words, so each is asked once.
    let window = end.saturating_sub(5).max(floor)..=end;
    let mut heads = [false; 6];
    for k in window.clone() {
        heads[k - window.start()] =
            tokens[k].kind == TokenKind::Word && lowered(doc, k, is_source_noun);
    }
    let is_head = |k: usize| heads[k - window.start()];
    // `a spokesperson for the Metropolitan Police`: the head is the first source noun that a
    // post-modifier follows, not the last one.
    let head = window
        .clone()
        .find(|&k| {
            is_head(k)
                && k < end
                && lowered(doc, k + 1, |w| {
                    matches!(
                        w,
                        "for"
                            | "familiar"
                            | "close"
                            | "with"
                            | "at"
                            | "from"
                            | "by"
                            | "briefed"
                            | "involved"
                            | "knowledgeable"
                    )
                })
        })
        .or_else(|| window.clone().rev().find(|&k| is_head(k)))?;
    if (head + 1..=end).any(|k| tokens[k].kind == TokenKind::Punct) {
        return None;
    }
    if head < end {
        let post_modifier = lowered(doc, head + 1, |post| {
            matches!(
                post,
                "familiar"
                    | "close"
                    | "with"
                    | "in"
                    | "at"
                    | "for"
                    | "from"
                    | "by"
                    | "of"
                    | "briefed"
                    | "involved"
                    | "knowledgeable"
                    | "who"
            )
        });
        if !post_modifier {
            return None;
        }
    }
    let mut start = head;
    let mut determined = false;
    while start > floor && head - start < 5 {
        let prev = start - 1;
        if tokens[prev].kind == TokenKind::Punct {
            break;
        }
        // A determiner (and whether it closes the phrase), else whether `prev` is a modifier.
        let (determiner, modifier) = lowered(doc, prev, |w| {
            if is_determiner(w) {
                let closes = matches!(w, "a" | "an" | "the" | "those" | "these" | "some");
                return (Some(closes), false);
            }
            let modifier = capitalised(doc, prev)
                || tokens[prev].kind == TokenKind::Number
                || is_title_word(w)
                || matches!(
                    w,
                    "senior"
                        | "top"
                        | "former"
                        | "administration"
                        | "government"
                        | "military"
                        | "security"
                        | "intelligence"
                        | "white"
                        | "house"
                        | "defense"
                        | "state"
                        | "foreign"
                        | "local"
                        | "federal"
                        | "independent"
                        | "other"
                        | "anonymous"
                        | "unnamed"
                        | "mexican"
                        | "american"
                        | "u.s."
                );
            (
                None,
                modifier && verbs::lookup(w).is_none_or(|_| capitalised(doc, prev)),
            )
        });
        if let Some(closes) = determiner {
            start = prev;
            determined = true;
            if closes {
                break;
            }
        } else if modifier {
            start = prev;
        } else {
            break;
        }
    }
    let span = tokens[start].start()..tokens[end].end();
    if head == end && is_word(doc, start, "the") {
        let role = lowered(doc, head, |w| is_person_role(w).then(|| w.to_string()));
        if let Some(role) = role {
            return Some(Mention {
                span,
                kind: MentionKind::Role(role),
            });
        }
    }
    // A plural needs no determiner, with or without modifiers (`officials`, `local officials`).
    let plural_bare = lowered(doc, head, |w| w.ends_with('s'));
    if !determined && !plural_bare && !capitalised(doc, start) {
        return None; // `official said` without a determiner is not a source phrase
    }
    Some(Mention {
        span,
        kind: MentionKind::Description,
    })
}

/// The subject of the verb at token `verb`: the phrase before it, skipping auxiliaries and
/// adverbs (`has long said`) and an appositive between commas (`X, a former attaché, said`).
pub fn subject_before(
    doc: &Document,
    people: &People,
    verb: usize,
    floor: usize,
) -> Option<Mention> {
    let mut end = verb;
    while end > floor && lowered(doc, end - 1, is_verb_filler) {
        end -= 1;
    }
    // `A Reuters report on Tuesday said`, `Officials last week said`: a time adjunct.
    if end > floor && lowered(doc, end - 1, is_day_or_month) {
        let mut k = end - 1;
        while k > floor
            && lowered(doc, k - 1, |w| {
                matches!(w, "on" | "last" | "this" | "early" | "late" | "in")
            })
        {
            k -= 1;
        }
        end = k;
    } else if end > floor + 1
        && lowered(doc, end - 1, |w| {
            matches!(w, "week" | "month" | "year" | "weekend")
        })
        && (is_word(doc, end - 2, "last") || is_word(doc, end - 2, "this"))
    {
        end -= 2;
    }
    if end <= floor {
        return None;
    }
    let last = end - 1;
    if is_punct(doc, last, ",") {
        // An appositive: the subject stands before the comma that opens it.
        let open = (floor..last)
            .rev()
            .take(16)
            .find(|&k| is_punct(doc, k, ",;\"“”"))?;
        if !is_punct(doc, open, ",") || open == floor {
            return None;
        }
        // `The U.S. ambassador, Ronald Johnson, said`: the name may be the appositive itself.
        let inner = np_ending_at(doc, people, last - 1, open + 1);
        let outer = np_ending_at(doc, people, open - 1, floor);
        let outer_in_description = outer.as_ref().is_some_and(|o| {
            let first = doc.token_at_or_after(o.span.start);
            first > floor && !capitalised(doc, first - 1) && !is_punct(doc, first - 1, ",")
        });
        return match (inner, outer) {
            (Some(inner), outer)
                if inner.kind == MentionKind::Name
                    && (outer_in_description
                        || outer.as_ref().is_none_or(|o| o.kind != MentionKind::Name)) =>
            {
                Some(inner)
            }
            (_, outer) => outer,
        };
    }
    np_ending_at(doc, people, last, floor)
}

/// Whether token `i` (between `floor` and `limit`) continues a capitalised run to its right:
/// a capitalised word, or a connector (`of`, `de`, `and` in organisation names) before one.
fn continues_run(doc: &Document, i: usize, limit: usize) -> bool {
    if i >= limit {
        return false;
    }
    if capitalised(doc, i) {
        return true;
    }
    if doc.token_text(&doc.tokens[i]) == "."
        && i > 0
        && is_abbreviated_title(doc.token_text(&doc.tokens[i - 1]))
        && i + 1 < limit
        && capitalised(doc, i + 1)
    {
        return true;
    }
    let w = doc.token_text(&doc.tokens[i]);
    let connector = is_name_particle(w) || matches!(w, "of" | "to" | "for" | "and" | "&");
    connector && i + 1 < limit && capitalised(doc, i + 1)
}

/// The subject after an inverted verb (`said Sheinbaum`, `said a spokesman`), or the phrase
/// that opens a clause. The phrase is found by reading forward, then classified by
/// [`np_ending_at`] like any other subject.
pub fn subject_after(
    doc: &Document,
    people: &People,
    first: usize,
    limit: usize,
) -> Option<Mention> {
    if first >= limit {
        return None;
    }
    let mut start = if is_word(doc, first, "the") {
        first + 1
    } else {
        first
    };
    // `said analyst Ben Carter`, `said the singer Mick Dawson`: a descriptor before a name.
    if let Some(name) = (start..(start + 4).min(limit)).find(|&k| capitalised(doc, k)) {
        let prepositional = (start..name).any(|k| {
            lowered(doc, k, |w| {
                matches!(
                    w,
                    "for" | "of" | "at" | "in" | "with" | "from" | "to" | "on" | "by"
                )
            })
        });
        if name > start && !prepositional && is_descriptor(doc, start..name) {
            start = name;
        }
    }
    if start < limit && capitalised(doc, start) {
        let mut end = start;
        while continues_run(doc, end + 1, limit) {
            end += 1;
        }
        // `and` joins only organisation names (`Customs and Border Protection`).
        while end > start && (is_word(doc, end, "and") || is_word(doc, end, "&")) {
            end -= 1;
        }
        return np_ending_at(doc, people, end, start);
    }
    if lowered(doc, first, pronoun).is_some() {
        return np_ending_at(doc, people, first, first);
    }
    // A description runs to its head noun and a short post-modifier (`a spokesman for X`).
    let mut end = first;
    while end + 1 < limit && end - first < 8 {
        let next = end + 1;
        // A verb form right after a determiner is a noun (`a report by`, `the statement`).
        let verb = lowered(doc, next, verbs::lookup).is_some() && !lowered(doc, end, is_determiner);
        if doc.tokens[next].kind == TokenKind::Punct || is_word(doc, next, "who") || verb {
            break;
        }
        end = next;
    }
    (first..=end)
        .rev()
        .find_map(|e| description_ending_at(doc, e, first))
}

/// Byte window a quote's attribution may come from: its sentence, clipped to the quote that
/// contains it (for nested quotes) and to neighbouring quotes.
#[derive(Clone, Debug)]
pub struct Window {
    /// Where text before the quote may start.
    pub floor: usize,
    /// Where text after the quote must end.
    pub limit: usize,
}

/// `“…,” X said` and `“…,” said X`: the attribution right after the closing mark.
pub fn after_quote(
    doc: &Document,
    people: &People,
    close_end: usize,
    window: &Window,
) -> Option<Found> {
    let first = doc.token_at_or_after(close_end);
    let limit = doc.tokens_ending_by(window.limit);
    let mut i = first;
    while i < limit && is_punct(doc, i, ",:—–-") {
        i += 1;
    }
    if i >= limit {
        return None;
    }
    if let Some((cue, last)) = verb_at(doc, i) {
        let mention = subject_after(doc, people, last + 1, limit)?;
        return Some(Found {
            mention,
            cue,
            rule: "attribution.after_quote.verb_subject",
        });
    }
    // `“…” — Maria Lopez, a teacher`: a dash and a name, with no verb, sign the quote.
    let dash = (first..i).find(|&k| is_punct(doc, k, "—–"));
    if let Some(dash) = dash {
        let verbless = (i..limit).all(|k| verb_at(doc, k).is_none());
        if let Some(mention) =
            subject_after(doc, people, i, limit).filter(|m| verbless && m.kind == MentionKind::Name)
        {
            let token = &doc.tokens[dash];
            let cue = CueWord {
                span: token.start()..token.end(),
                verb: Verb {
                    lemma: "dash",
                    neutral: true,
                },
            };
            return Some(Found {
                mention,
                cue,
                rule: "attribution.after_quote.dash",
            });
        }
    }
    // Subject first: the verb must come within a short phrase (an appositive allowed).
    let reach = (i + 18).min(limit);
    for v in i + 1..reach {
        if is_punct(doc, v, ".?!\"“”") {
            break;
        }
        if let Some((cue, _)) = verb_at(doc, v) {
            let mention = subject_before(doc, people, v, i)?;
            let first_word = doc.token_at_or_after(mention.span.start);
            if !is_descriptor(doc, i..first_word) {
                return None; // words between the quote and its subject: another clause
            }
            return Some(Found {
                mention,
                cue,
                rule: "attribution.after_quote.subject_verb",
            });
        }
    }
    None
}

/// `X said: “…”`, `X told reporters, “…”`, `According to X, “…”`: the attribution that
/// introduces the quote.
pub fn before_quote(
    doc: &Document,
    people: &People,
    open_start: usize,
    window: &Window,
) -> Option<Found> {
    let floor = doc.token_at_or_after(window.floor);
    let end = doc.token_at_or_after(open_start);
    if end <= floor {
        return None;
    }
    let mut last = end - 1;
    while last > floor && is_punct(doc, last, ",:—–-") {
        last -= 1;
    }
    // `According to X, “…”`
    for v in (floor..=last).rev().take(10) {
        if let Some((cue, cue_last)) = verb_at(doc, v) {
            if cue.verb.lemma == "according to" {
                let mention = subject_after(doc, people, cue_last + 1, end)?;
                return Some(Found {
                    mention,
                    cue,
                    rule: "attribution.before_quote.according_to",
                });
            }
        }
    }
    // The verb is among the last words before the quote (`said`, `told reporters on Friday`).
    for v in (floor..=last).rev().take(6) {
        if let Some((cue, _)) = verb_at(doc, v) {
            let mention = if participle_after_comma(doc, v, floor) {
                clause_subject(doc, people, v, floor)?
            } else {
                subject_before(doc, people, v, floor)?
            };
            return Some(Found {
                mention,
                cue,
                rule: "attribution.before_quote.subject_verb",
            });
        }
    }
    None
}

/// Speech-act verbs that introduce a quoted fragment without reporting speech as such
/// (`ruled out any “invasion”`, `rejected what he called “interference”`).
pub const FRAGMENT_VERBS: &[&str] = &[
    "called",
    "calls",
    "denounced",
    "described",
    "dismissed",
    "labeled",
    "labelled",
    "rejected",
    "ruled",
    "termed",
    "vowed",
];

/// A fragment's attribution earlier in its sentence: the nearest verb that has a subject, unless
/// that subject is unnamed and a named speaker reports it (`Sheinbaum said officials told her
/// the directive “was coming”`).
pub fn in_sentence(
    doc: &Document,
    people: &People,
    open_start: usize,
    window: &Window,
) -> Option<Found> {
    let floor = doc.token_at_or_after(window.floor);
    let end = doc.token_at_or_after(open_start);
    // Nearest verb first; a named speaker outranks an unnamed one reporting inside their speech.
    let mut fallback = None;
    for v in (floor..end).rev() {
        let Some((cue, _)) = verb_at(doc, v).or_else(|| fragment_verb(doc, v)) else {
            continue;
        };
        let mention = if participle_after_comma(doc, v, floor) {
            clause_subject(doc, people, v, floor)
        } else {
            subject_before(doc, people, v, floor)
        };
        let Some(mention) = mention else { continue };
        let found = Found {
            rule: "attribution.partial.sentence_verb",
            mention,
            cue,
        };
        if matches!(
            found.mention.kind,
            MentionKind::Description | MentionKind::Role(_)
        ) {
            fallback.get_or_insert(found);
            continue;
        }
        return Some(found);
    }
    fallback
}

fn fragment_verb(doc: &Document, v: usize) -> Option<(CueWord, usize)> {
    let word = lowered(doc, v, |w| FRAGMENT_VERBS.iter().find(|&&f| f == w))?;
    let out = v + 1 < doc.tokens.len() && is_word(doc, v + 1, "out");
    let (last, lemma) = match *word {
        "ruled" if out => (v + 1, "rule out"),
        "ruled" => return None,
        "rejected" => (v, "reject"),
        "dismissed" => (v, "dismiss"),
        "denounced" => (v, "denounce"),
        "vowed" => (v, "vow"),
        "described" => (v, "describe"),
        _ => (v, "call"),
    };
    let neutral = !matches!(lemma, "dismiss" | "denounce" | "vow");
    let cue = CueWord {
        span: doc.tokens[v].start()..doc.tokens[last].end(),
        verb: Verb { lemma, neutral },
    };
    Some((cue, last))
}

/// `…, asserting “…”`, `…, instead reiterating that …`: a participle after a comma.
pub fn participle_after_comma(doc: &Document, v: usize, floor: usize) -> bool {
    if !lowered(doc, v, |w| w.ends_with("ing")) {
        return false;
    }
    let mut k = v;
    while k > floor && lowered(doc, k - 1, |w| is_verb_filler(w) || w == "instead") {
        k -= 1;
    }
    k > floor && is_punct(doc, k - 1, ",")
}

/// The subject of the clause a participle hangs on: the subject of the nearest verb before it,
/// else the noun phrase that opens the sentence.
pub fn clause_subject(doc: &Document, people: &People, v: usize, floor: usize) -> Option<Mention> {
    // A reporting verb's subject first (`Rubio defended …, arguing`), then an auxiliary's
    // (`The White House did not address …, instead reiterating`).
    let reporting = (floor..v).rev().find_map(|earlier| {
        let (_, _) = verb_at(doc, earlier)?;
        if lowered(doc, earlier, |w| w.ends_with("ing")) {
            return None;
        }
        subject_before(doc, people, earlier, floor)
    });
    let auxiliary = || {
        (floor..v).rev().find_map(|earlier| {
            lowered(doc, earlier, |w| {
                matches!(w, "did" | "does" | "has" | "had" | "was" | "is")
            })
            .then(|| subject_before(doc, people, earlier, floor))
            .flatten()
        })
    };
    reporting.or_else(auxiliary).or_else(|| {
        let limit = (floor + 8).min(v);
        subject_after(doc, people, floor, limit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lowered_word`] is [`lowered`] for a test that takes any word of letters: no token but a
    /// word lowers to one (over the seeds and marks, dashes, numbers and letters outside ASCII).
    #[test]
    fn only_a_word_lowers_to_letters() {
        let letters = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
        let mut texts: Vec<String> = crate::test_inputs::seed_files()
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        texts.push("“A” — ‘b’ \u{212A} Ⓐ ǅ İ ß 5 1.2 x, (the) isn’t U.S. … ½ Ⅻ ª".to_string());
        for text in &texts {
            let doc = Document::new(text);
            for i in 0..doc.tokens.len() {
                let plain = lowered(&doc, i, letters);
                assert_eq!(lowered_word(&doc, i, letters), plain, "{text:?} at {i}");
            }
        }
    }

    /// The shape test [`verb_at`] makes first turns away no word that [`verb_of_form`] reads as
    /// a verb or `according to`: over the seeds' tokens and words in any case.
    #[test]
    fn verb_at_is_verb_of_form_at_a_word() {
        let pieces = [
            "said",
            "Said",
            "SAID",
            "according",
            "According",
            "ACCORDING",
            "to",
            "TO",
            "per",
            "Per",
            "told",
            "reporters",
            "as\u{212A}ed",
            "warned",
            "the",
            "Mexican",
            ",",
            " ",
        ];
        let texts = crate::test_inputs::seeds_and_sentences(13, 1_000, 10, &pieces);
        for text in &texts {
            let doc = Document::new(text);
            for (i, token) in doc.tokens.iter().enumerate() {
                let plain = (token.kind == TokenKind::Word)
                    .then(|| verb_of_form(&doc, i, doc.token_text(token)))
                    .flatten();
                assert_eq!(verb_at(&doc, i), plain, "{text:?} at {i}");
            }
        }
    }

    #[test]
    fn is_within_is_a_substring_search() {
        let sets = [
            ",",
            ";",
            ",.",
            ".!?,:)",
            ",:—–-",
            "\"“‘'",
            "\"”’",
            ",;\"“”",
            "—–",
            "(",
        ];
        let pieces = [",", ".", ":", "“", "”", "’", "—", "x", "(", ")", "é", "!"];
        let mut rng = crate::test_inputs::Rng::new(17);
        for _ in 0..5_000 {
            let text = rng.text(&pieces, 3);
            let chars = rng.pick(&sets);
            assert_eq!(
                is_within(&text, chars),
                chars.contains(&*text),
                "{text:?} in {chars:?}"
            );
        }
    }
}
