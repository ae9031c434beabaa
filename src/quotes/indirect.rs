//! Reported speech without quote marks: the clause a speaker is said to have said.
//!
//! - `X said (that) CLAUSE`, `X told reporters (on Friday) that CLAUSE`, `X warned CLAUSE`;
//! - `CLAUSE, X said.` and `CLAUSE, said X.`;
//! - `According to X, CLAUSE` and `CLAUSE, according to X.`;
//! - a report as source: `a New York Times report that CLAUSE`, `a report that said CLAUSE`.
//!
//! The span is the reported clause alone: no complementiser (that, if, whether) and no final
//! punctuation. A clause whose only unquoted words are a pronoun and an auxiliary (`he
//! “wouldn’t answer”`) is left to the partial quote it contains.

use std::ops::Range;

use super::attribution::{
    clause_subject, is_day_or_month, is_descriptor, is_punct, is_word, lower, lowered,
    lowered_word, np_ending_at, participle_after_comma, subject_after, subject_before, verb_at,
    verb_of_form, CueWord, Found, Mention, MentionKind,
};
use super::people::People;
use super::spans::{Quoted, Walk};
use super::verbs::{self, Verb};
use super::words::{
    is_person_role, is_source_noun, is_verb_filler, lowers_to, pronoun, with_lower,
};
use crate::search::partition_point_from;
use crate::text::{Document, TokenKind};

/// A reported clause with its attribution.
#[derive(Clone, Debug)]
pub struct Reported {
    /// The clause's byte range.
    pub clause: Range<usize>,
    /// Who reported it, and with which verb.
    pub found: Found,
    /// The rule that found the clause.
    pub rule: &'static str,
}

/// Whether the words at token `i` open a clause without a complementiser (`said [she
/// would]`, `arguing [it would]`, `claiming [cartels were]`): a subject pronoun, or a short
/// noun phrase followed soon by a finite verb.
fn opens_clause(doc: &Document, i: usize) -> bool {
    let punct = doc.tokens[i].kind == TokenKind::Punct;
    let decided = lowered(doc, i, |w| {
        if pronoun(w).is_some() || matches!(w, "it" | "there") {
            Some(true)
        } else if punct
            || is_time_word(w)
            || is_finite(w)
            || verbs::lookup(w).is_some()
            || NOT_SUBJECT.contains(&w)
        {
            Some(false)
        } else {
            None
        }
    });
    if let Some(opens) = decided {
        return opens;
    }
    doc.tokens[i + 1..]
        .iter()
        .take(7)
        .take_while(|t| t.kind != TokenKind::Punct || doc.token_text(t) == "’s")
        .any(|t| {
            with_lower(doc.token_text(t), |w| {
                is_finite(w) || w.ends_with("ed") && w.len() > 4
            })
        })
}

/// Nouns whose `that` clause is their content, not the speaker's words (`news that`,
/// `reports that`): GUIDELINES §1 counts them as quotes only with a named source.
///
/// A `match`, not a list searched in order: it is asked of every word after a verb, and the
/// match compares a word with the one or two of its length.
fn is_noun_complement_head(word: &str) -> bool {
    matches!(
        word,
        "allegations"
            | "claim"
            | "claims"
            | "fact"
            | "idea"
            | "news"
            | "notion"
            | "possibility"
            | "report"
            | "reports"
            | "rumors"
            | "rumours"
            | "speculation"
            | "suggestion"
            | "suggestions"
            | "word"
    )
}

/// Words that open an adjunct after an attribution (`said on Friday`, `said in a statement`).
const ADJUNCT_STARTS: &[&str] = &[
    "according",
    "after",
    "at",
    "before",
    "by",
    "during",
    "from",
    "in",
    "late",
    "later",
    "on",
    "recently",
    "separately",
    "to",
    "when",
    "while",
    "without",
];

/// Subordinators that open a clause before its attribution; they are not part of what was said.
const SUBORDINATORS: &[&str] = &["although", "though", "while", "whilst"];

/// Words that cannot open a reported clause's subject: prepositions, adverbs, conjunctions.
const NOT_SUBJECT: &[&str] = &[
    "about", "after", "against", "also", "and", "as", "at", "before", "but", "by", "during", "for",
    "from", "how", "if", "in", "into", "not", "of", "on", "or", "over", "that", "to", "under",
    "what", "when", "where", "whether", "which", "while", "who", "why", "with", "without",
];

fn is_finite(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "had"
            | "has"
            | "have"
            | "did"
            | "does"
            | "do"
            | "shall"
            | "won’t"
            | "wouldn’t"
            | "didn’t"
            | "doesn’t"
            | "isn’t"
            | "wasn’t"
    )
}

/// Days, months and the words that open a time adjunct (`on Friday`, `late last month`).
fn is_time_word(word: &str) -> bool {
    is_day_or_month(word)
        || matches!(
            word,
            "jan."
                | "feb."
                | "aug."
                | "sept."
                | "oct."
                | "nov."
                | "dec."
                | "on"
                | "in"
                | "at"
                | "late"
                | "earlier"
                | "last"
                | "this"
        )
}

/// The clause from token `first` to the end of the sentence, whose tokens end before token
/// `last` (before its final punctuation, a `, according to`, or a trailing `, X said`).
fn clause_to_end(doc: &Document, first: usize, last: usize) -> Option<Range<usize>> {
    if first >= last {
        return None;
    }
    let mut end = last;
    for k in first..last {
        // Every token of the clause is read: the word rules compare a word in place (lowering
        // each was most of this loop's cost) and the punctuation rules read only punctuation.
        let ends = if doc.tokens[k].kind == TokenKind::Punct {
            let comma = is_punct(doc, k, ",");
            let according = comma && k + 2 < last && is_word(doc, k + 1, "according");
            // `…, dismissing reports that …`: a participle after a comma is the main subject's.
            let participle = comma
                && k + 1 < last
                && lowered(doc, k + 1, |next| {
                    next.len() > 5
                        && next.ends_with("ing")
                        && !matches!(next, "including" | "according" | "following" | "during")
                });
            is_punct(doc, k, ";") || according || participle
        } else {
            let word = doc.token_text(&doc.tokens[k]);
            let (is_but, is_and) = (lowers_to(word, "but"), lowers_to(word, "and"));
            // `…, but he declined to give details`: a new clause of the writer's.
            let but = is_but
                && k > first
                && (is_punct(doc, k - 1, ",")
                    || k > first + 1 && is_punct(doc, k - 1, "\"”’") && is_punct(doc, k - 2, ","));
            // `… but stressed that …`: a second verb of the same speaker starts a second clause.
            let coordinated = (is_but || is_and)
                && (k + 1..(k + 3).min(last))
                    .any(|j| verb_at(doc, j).is_some_and(|(c, _)| verbs::takes_clause(c.verb)))
                && k + 1 < last
                && (lowered(doc, k + 1, is_verb_filler) || verb_at(doc, k + 1).is_some());
            but || coordinated
        };
        if ends {
            end = k;
            break;
        }
    }
    // Drop final punctuation and brackets, but keep a closing quote mark that ends a partial
    // quote inside the clause.
    while end > first && is_punct(doc, end - 1, ".!?,:)") {
        end -= 1;
    }
    if end <= first {
        return None;
    }
    Some(doc.tokens[first].start()..doc.tokens[end - 1].end())
}

/// Whether the clause says more than a pronoun and an auxiliary outside its quotes.
fn has_own_content(doc: &Document, clause: &Range<usize>, quoted: &Quoted) -> bool {
    doc.tokens_in(clause.clone())
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .filter(|t| !quoted.contains(t.start()))
        .any(|t| {
            with_lower(doc.token_text(t), |w| {
                pronoun(w).is_none()
                    && !is_finite(w)
                    && !matches!(w, "it" | "be" | "been" | "not" | "that")
            })
        })
}

/// What a word after a reporting verb is to [`forward`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    /// The verb again.
    Cue,
    /// A noun that owns the clause after it.
    NounHead,
    /// `that`, `if`, `whether`.
    Complementiser,
    Other,
}

/// Finds reported speech in every sentence, skipping text inside quote marks.
pub fn find(doc: &Document, people: &People, quoted: &Quoted) -> Vec<Reported> {
    let mut out: Vec<Reported> = Vec::new();
    let in_quote = |byte: usize| quoted.contains(byte);
    // Sentences and the tokens in each are visited in order.
    let mut tokens_quoted = quoted.walk();
    for (first, last) in sentence_tokens(doc) {
        let mut from = first;
        while let Some((v, cue, cue_last)) = next_cue(doc, from, last, &mut tokens_quoted) {
            let found = if is_word(doc, v, "per") {
                per(doc, people, v, first, last)
            } else if cue.verb.lemma == "according to" {
                according_to(doc, people, v, cue, cue_last, first, last)
            } else if verbs::takes_clause(cue.verb) {
                forward(doc, people, v, cue.clone(), cue_last, first, last)
                    .or_else(|| backward(doc, people, v, cue, cue_last, first, last))
            } else {
                None
            };
            if let Some(reported) = found {
                let opens_with_quote =
                    quoted.starts_within(reported.clause.start..reported.clause.start + 4);
                let repeated = out.last().is_some_and(|r| r.clause == reported.clause);
                // Its own content last: it reads the clause's words.
                if !repeated
                    && !in_quote(reported.clause.start)
                    && !opens_with_quote
                    && has_own_content(doc, &reported.clause, quoted)
                {
                    out.push(reported);
                }
            }
            from = cue_last + 1;
        }
    }
    out
}

/// Each sentence's tokens, `first..last`: `first` is `doc.token_at_or_after(sentence.start)`,
/// `last` the first token that ends after the sentence.
fn sentence_tokens<'d>(doc: &'d Document) -> impl Iterator<Item = (usize, usize)> + 'd {
    let mut last = 0;
    doc.sentences.iter().map(move |sentence| {
        // Sentences are in order and disjoint, so a sentence's first token is at or after the
        // one the sentence before ends before: stepped to, as it is nearly always that one.
        let mut first = last;
        while doc
            .tokens
            .get(first)
            .is_some_and(|t| t.start() < sentence.start)
        {
            first += 1;
        }
        // Every token before the first ends before the sentence starts.
        last = partition_point_from(&doc.tokens, first, |t| t.end() <= sentence.end);
        (first, last)
    })
}

/// `X said (that) CLAUSE`, `X told reporters on Friday that CLAUSE`, in the sentence of tokens
/// `floor..last`.
fn forward(
    doc: &Document,
    people: &People,
    v: usize,
    cue: CueWord,
    cue_last: usize,
    floor: usize,
    last: usize,
) -> Option<Reported> {
    // `X would say that …`, `X might argue …`: speech that did not happen.
    if v > floor
        && lowered_word(doc, v - 1, |w| {
            matches!(w, "would" | "could" | "might" | "should")
        })
    {
        return None;
    }
    // `X was asked whether …`, `she had been assured that …`: X did not say it; someone
    // unnamed did.
    let passive = v > floor
        && lowered_word(doc, v - 1, |w| {
            matches!(w, "was" | "were" | "been" | "being")
        });
    let passive_question = passive && cue.verb.lemma == "ask";
    let passive_report = passive
        && matches!(
            cue.verb.lemma,
            "assure" | "tell" | "inform" | "warn" | "reassure" | "promise"
        );
    let mut k = cue_last + 1;
    // Up to eight words of object and adjuncts before `that` (`told her on Friday that`).
    let reach = (k + 9).min(last);
    let mut complementiser = None;
    let cue_word = lower(doc, v);
    for j in k..reach {
        let word = lowered(doc, j, |w| {
            if w == cue_word {
                Word::Cue
            } else if is_noun_complement_head(w) {
                Word::NounHead
            } else if matches!(w, "that" | "if" | "whether") {
                Word::Complementiser
            } else {
                Word::Other
            }
        });
        if word == Word::Cue {
            continue; // a doubled word (`asked asked`) is a typo, not a second verb
        }
        if word == Word::NounHead {
            return None; // `responding to news that …`: the clause belongs to the noun
        }
        if word == Word::Complementiser {
            let relative = doc.tokens.get(j + 1).is_some_and(|t| {
                with_lower(doc.token_text(t), |next| {
                    is_finite(next) || verbs::lookup(next).is_some()
                })
            });
            if relative {
                return None; // `partnerships that have led to`: a relative clause
            }
            complementiser = Some(j);
            break;
        }
        if doc.tokens[j].kind == TokenKind::Punct && !is_punct(doc, j, ",.")
            || verb_at(doc, j).is_some()
        {
            break;
        }
    }
    let rule;
    if let Some(j) = complementiser {
        k = j + 1;
        rule = "indirect.verb_that";
    } else {
        // `told her/reporters` then a clause; otherwise the clause follows the verb at once.
        // `told her …`, `told Reuters …`: the one told, then the clause.
        let told_one =
            |w: &str| pronoun(w).is_some() || matches!(w, "him" | "her" | "them" | "us" | "me");
        if cue.verb.lemma == "tell" && k + 1 < last && opens_clause(doc, k + 1) {
            let told = lowered(doc, k, told_one);
            let named = doc
                .token_text(&doc.tokens[k])
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if told || named {
                k += 1;
            }
        }
        // A time or place adjunct may stand between the verb and its clause (`said on Tuesday
        // the government would`, `said in a statement the company had`).
        let adjunct = |w: &str| is_time_word(w) || matches!(w, "in" | "on" | "at" | "during");
        let mut opens = k < last && opens_clause(doc, k);
        if k < last && !opens && lowered(doc, k, adjunct) {
            k = (k + 1..(k + 6).min(last))
                .take_while(|&j| {
                    doc.tokens[j].kind != TokenKind::Punct
                        && verb_at(doc, j).is_none()
                        && !lowered(doc, j, |w| matches!(w, "that" | "if" | "whether" | "when"))
                })
                .find(|&j| {
                    !lowered(doc, j - 1, adjunct)
                        && !lowered(doc, j, is_time_word)
                        && opens_clause(doc, j)
                })
                .unwrap_or(last);
            // The word found there opens a clause: the search asked.
            opens = k < last;
        }
        if !opens {
            return None;
        }
        rule = "indirect.verb_clause";
    }
    let clause = clause_to_end(doc, k, last)?;
    // The subject last: looking for it costs more than the clause, which most verbs lack.
    let coordinated = v > floor && (is_word(doc, v - 1, "but") || is_word(doc, v - 1, "and"));
    let mention = if participle_after_comma(doc, v, floor) || coordinated {
        clause_subject(doc, people, v, floor)
    } else {
        subject_before(doc, people, v, floor).or_else(|| report_subject(doc, people, v, floor))
    }?;
    Some(Reported {
        clause,
        found: Found {
            mention,
            cue,
            rule: if passive_question {
                "attribution.indirect.passive_question"
            } else if passive_report {
                "attribution.indirect.passive"
            } else {
                "attribution.indirect.subject_verb"
            },
        },
        rule,
    })
}

/// The first cue among tokens `from..last`, with its token's index: the cue at the first token
/// `v` where `verb_at(doc, v).or_else(|| per_cue(doc, v))` finds one and the token is not in
/// the quotes `quoted` walks (asked of tokens in order). The test that turns away nearly every
/// word ([`verbs::may_start_cue`], which lets `per` through too) is made for every word of the
/// article, so it runs in a loop of its own, not inlined into [`find`]'s (where the registers
/// of the rules around it were spilled at each word), with the shapes it reads taken once. The
/// quotes are walked only for the words it lets through, as walking them cost more than the
/// test.
#[inline(never)]
fn next_cue(
    doc: &Document,
    from: usize,
    last: usize,
    quoted: &mut Walk,
) -> Option<(usize, CueWord, usize)> {
    // `from` may be past `last` (a cue's last token may end the sentence): nothing is skipped
    // then, and nothing found.
    let shapes = verbs::cue_shapes();
    let mut tokens = doc.tokens[..last].iter().enumerate().skip(from);
    tokens.find_map(|(v, token)| {
        // Every verb and `per` is a word: punctuation is turned away before its text is read.
        // Then its bytes, not its text (a third of this test's cost): the shapes read bytes.
        if token.kind != TokenKind::Word
            || !shapes.may_hold(doc.token_bytes(token))
            || quoted.contains(token.start())
        {
            return None;
        }
        let raw = doc.token_text(token);
        // `per` is no verb (`verb_of_form` turns it away), and `per_cue` turns away any other
        // word.
        let (cue, cue_last) = verb_of_form(doc, v, raw).or_else(|| per_cue(doc, v))?;
        Some((v, cue, cue_last))
    })
}

/// `per` as a source marker: `…, per a prior announcement from Pentagon chief Pete Hegseth.`
fn per_cue(doc: &Document, v: usize) -> Option<(CueWord, usize)> {
    let token = doc.tokens.get(v)?;
    // Tried at every word that is no verb: the length alone turns nearly all of them away.
    if token.end() - token.start() != "per".len() || !is_word(doc, v, "per") {
        return None;
    }
    // `…, per X` (the comma may sit inside a closing quote mark: `Spear,” per X`).
    let comma_before = v > 0
        && (is_punct(doc, v - 1, ",")
            || v > 1 && is_punct(doc, v - 1, "\"”’'") && is_punct(doc, v - 2, ","));
    if !comma_before {
        return None;
    }
    let verb = Verb {
        lemma: "per",
        neutral: true,
    };
    Some((
        CueWord {
            span: token.start()..token.end(),
            verb,
        },
        v,
    ))
}

/// `CLAUSE, per SOURCE.`: the source is the name the phrase ends with.
fn per(doc: &Document, people: &People, v: usize, first: usize, last: usize) -> Option<Reported> {
    let (cue, _) = per_cue(doc, v)?;
    let mut end = last;
    while end > v + 1 && doc.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    let mention = np_ending_at(doc, people, end - 1, v + 1)?;
    if !matches!(mention.kind, MentionKind::Name | MentionKind::Org) || v < first + 2 {
        return None;
    }
    let mut end = v;
    while end > first && doc.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    if end <= first {
        return None;
    }
    let clause = doc.tokens[first].start()..doc.tokens[end - 1].end();
    Some(Reported {
        clause,
        found: Found {
            mention,
            cue,
            rule: "attribution.indirect.per",
        },
        rule: "indirect.per",
    })
}

/// `a New York Times report that said …`: the report is the source.
fn report_subject(doc: &Document, people: &People, v: usize, floor: usize) -> Option<Mention> {
    // The report's phrase needs a word before `report that`: `v - 3` must be in the sentence.
    if v < floor + 3 || !(is_word(doc, v - 1, "that") || is_word(doc, v - 1, "which")) {
        return None;
    }
    let report = lowered(doc, v - 2, |noun| {
        matches!(
            noun,
            "report" | "statement" | "study" | "article" | "story" | "memo"
        )
    });
    if !report {
        return None;
    }
    np_ending_at(doc, people, v - 3, floor)
        .filter(|m| matches!(m.kind, MentionKind::Org | MentionKind::Name))
}

/// Whether tokens `from..to` are an appositive describing a person: a determiner or a
/// possessive, then a source or role noun within a few words (`a spokesman for …`, `the
/// ministry's chief negotiator`, `its chief executive`).
fn describes_speaker(doc: &Document, from: usize, to: usize) -> bool {
    let mut words = (from..to)
        .take(5)
        .filter(|&k| doc.tokens[k].kind != TokenKind::Punct);
    words.next().is_some_and(|k| {
        lowered(doc, k, |w| {
            matches!(w, "a" | "an" | "the" | "its" | "his" | "her" | "their")
        })
    }) && words.any(|k| lowered(doc, k, |w| is_source_noun(w) || is_person_role(w)))
}

/// `CLAUSE, X said.` or `CLAUSE, said X.`: the attribution closes the sentence.
fn backward(
    doc: &Document,
    people: &People,
    v: usize,
    cue: CueWord,
    cue_last: usize,
    first: usize,
    last: usize,
) -> Option<Reported> {
    // A sentence that opens with a quote mark is a direct quote's (`“…,” she said.`), the
    // commonest sentence this is asked of in news: turned away before its subject is read.
    if is_punct(doc, first, "\"“‘'") {
        return None;
    }
    // After the verb, only a short adjunct may remain (`on Friday`, `in a statement`).
    let (mention, comma) = if v > first && is_punct(doc, v - 1, ",") {
        let mention = subject_after(doc, people, cue_last + 1, last)?;
        (mention, v - 1)
    } else {
        let mention = subject_before(doc, people, v, first)?;
        // Back from the subject to the comma that closes the clause, over a descriptor
        // (`…, union president Marta Silva said`).
        let start = doc.token_at_or_after(mention.span.start);
        let comma = (first..start)
            .rev()
            .take(6)
            .find(|&k| is_punct(doc, k, ","))?;
        if comma == first || !is_descriptor(doc, comma + 1..start) {
            return None;
        }
        (mention, comma)
    };
    // After the attribution only an adjunct may follow (`on Friday`, `in a statement`), or a
    // quotation (`While X, she said, “…”`); an object means the verb reports something else.
    let mut after = doc.token_at_or_after(mention.span.end).max(cue_last + 1);
    // `…, said Ahmed Hassan, a spokesman for the civil defence.`: an appositive that says who
    // the speaker is ends the sentence; it is not an object.
    if after < last && is_punct(doc, after, ",") && describes_speaker(doc, after + 1, last) {
        after = last;
    }
    let mut tail = doc.tokens[after.min(last)..last]
        .iter()
        .take_while(|t| !matches!(doc.token_text(t), "“" | "\"" | "‘"))
        .filter(|t| t.kind != TokenKind::Punct);
    let opens_tail = tail.next();
    let long = opens_tail.is_some() && tail.count() > 7;
    let object = opens_tail.is_some_and(|t| {
        with_lower(doc.token_text(t), |w| {
            !is_time_word(w) && !ADJUNCT_STARTS.contains(&w)
        })
    });
    if long || object {
        return None;
    }
    if comma <= first {
        return None;
    }
    // The clause must be one: a finite verb, not a phrase (`In a strong statement on Friday`).
    let clause_tokens = &doc.tokens[first..comma];
    let has_verb = clause_tokens.iter().any(|t| {
        with_lower(doc.token_text(t), |w| {
            is_finite(w) || w.ends_with("ed") || w.ends_with("’t") || verbs::lookup(w).is_some()
        })
    });
    if !has_verb {
        return None;
    }
    // `While the two countries can collaborate, she said`: the subordinator is not reported.
    let mut first = doc.after_dateline(first);
    if lowered(doc, first, |w| SUBORDINATORS.contains(&w)) && first + 1 < comma {
        first += 1;
    }
    let clause = doc.tokens[first].start()..doc.tokens[comma - 1].end();
    Some(Reported {
        clause,
        found: Found {
            mention,
            cue,
            rule: "attribution.indirect.closing",
        },
        rule: "indirect.clause_then_attribution",
    })
}

/// `According to X, CLAUSE` and `CLAUSE, according to X.`
fn according_to(
    doc: &Document,
    people: &People,
    v: usize,
    cue: CueWord,
    cue_last: usize,
    first: usize,
    last: usize,
) -> Option<Reported> {
    let mention = subject_after(doc, people, cue_last + 1, last)?;
    let after = doc.token_at_or_after(mention.span.end);
    let clause = if v == first || v > first && is_punct(doc, v - 1, "(") {
        // `According to X, CLAUSE`: skip the rest of X's phrase up to the comma.
        let comma = (after..last).find(|&k| is_punct(doc, k, ","))?;
        clause_to_end(doc, comma + 1, last)?
    } else if is_punct(doc, v - 1, ",") && v - 1 > first {
        doc.tokens[first].start()..doc.tokens[v - 2].end()
    } else {
        return None;
    };
    let cue = CueWord {
        span: cue.span,
        verb: Verb {
            lemma: "according to",
            neutral: true,
        },
    };
    Some(Reported {
        clause,
        found: Found {
            mention,
            cue,
            rule: "attribution.indirect.according_to",
        },
        rule: "indirect.according_to",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_after_the_verb_or_its_adjunct() {
        let table: [(&str, &[&str]); 4] = [
            (
                "Officials said late last week the talks had collapsed.",
                &["the talks had collapsed"],
            ),
            ("He said the plan would work.", &["the plan would work"]),
            ("He said goodbye to them.", &[]),
            ("He said on Tuesday.", &[]),
        ];
        for (text, clauses) in table {
            let doc = Document::new(text);
            let found: Vec<&str> = find(&doc, &People::new(&doc, &[]), &Quoted::default())
                .iter()
                .map(|r| &text[r.clause.clone()])
                .collect();
            assert_eq!(found, clauses, "{text:?}");
        }
    }

    #[test]
    fn sentence_tokens_are_the_tokens_searched_for() {
        let pieces = [
            "Yes.",
            "No!",
            "“Why?”",
            "he said",
            "Dr. Raman",
            "…",
            "(1.5)",
            "\n",
            " ",
        ];
        let mut texts = crate::test_inputs::seeds_and_sentences(3, 2_000, 16, &pieces);
        // Sentences of about as many tokens as are searched before the rest of the text, and
        // of many more.
        for words in (28..36).chain([100, 1_000]) {
            let sentence = format!("{}x.", "he said ".repeat(words));
            texts.push(sentence.repeat(3));
            texts.push(format!("Yes. {sentence} No!"));
        }
        for text in &texts {
            let doc = Document::new(text);
            let stepped: Vec<(usize, usize)> = sentence_tokens(&doc).collect();
            let searched: Vec<(usize, usize)> = (doc.sentences.iter())
                .map(|s| {
                    let last = doc.tokens.partition_point(|t| t.end() <= s.end);
                    (doc.token_at_or_after(s.start), last)
                })
                .collect();
            assert_eq!(stepped, searched, "{text:?}");
        }
    }

    #[test]
    fn next_cue_is_the_first_verb_or_per_outside_quotes() {
        let pieces = [
            "said",
            "Said",
            "SAID",
            "per",
            "Per",
            "PER",
            "pe",
            "perk",
            "according",
            "According",
            "to",
            "told",
            "reporters",
            "the",
            "a",
            "Secretary",
            "says",
            ",",
            "”",
            "\u{212A}",
            "asked",
            "cartels",
            "boasted",
            "x",
            " ",
            " ",
        ];
        // The same generator goes on to draw the quoted ranges.
        let mut rng = crate::test_inputs::Rng::new(11);
        let mut texts = crate::test_inputs::seeds();
        texts.extend((0..2_000).map(|_| rng.words(&pieces, 12)));
        for text in &texts {
            let doc = Document::new(text);
            // No quotes, then a few quoted ranges anywhere, of tokens asked about and not.
            let ranges = (0..rng.below(4)).map(|_| {
                let start = rng.below(text.len() + 1);
                start..start + rng.below(40)
            });
            for quoted in [Quoted::default(), Quoted::new(ranges.collect::<Vec<_>>())] {
                let cue_at = |v: usize| {
                    verb_at(&doc, v)
                        .or_else(|| per_cue(&doc, v))
                        .filter(|_| !quoted.contains(doc.tokens[v].start()))
                };
                // Sentence by sentence as `find` asks, from the token after each cue's last
                // (which may lie past the sentence), then from the token after each cue.
                for after_last in [true, false] {
                    let mut walk = quoted.walk();
                    for (first, last) in sentence_tokens(&doc) {
                        let mut from = first;
                        loop {
                            let slow = (from..last)
                                .find_map(|v| cue_at(v).map(|(cue, end)| (v, cue, end)));
                            let found = next_cue(&doc, from, last, &mut walk);
                            assert_eq!(found, slow, "{text:?} from {from} to {last}");
                            let Some((v, _, cue_last)) = found else { break };
                            from = if after_last { cue_last + 1 } else { v + 1 };
                        }
                    }
                }
            }
        }
    }
}
