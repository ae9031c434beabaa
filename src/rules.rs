//! Every rule's id and what it means in plain words, for `--explain` and the page's cards.
//!
//! Each layer names the rule behind every annotation it makes (`Quote::rule`, `Cue::rule`, …).
//! A test checks that every rule seen on the sample articles is described here.

/// `(id, plain words)`, sorted by id.
pub const RULES: &[(&str, &str)] = &[
    (
        "attribution.adjacent",
        "no attribution of its own: the speaker of the previous quote in the same paragraph goes on talking",
    ),
    (
        "attribution.after_quote.subject_verb",
        "the speaker and verb right after the closing mark: “…,” X said",
    ),
    (
        "attribution.after_quote.verb_subject",
        "the verb then the speaker right after the closing mark: “…,” said X",
    ),
    (
        "attribution.before_quote.according_to",
        "‘according to X’ introduces the quote",
    ),
    (
        "attribution.before_quote.subject_verb",
        "the speaker and verb introduce the quote: X said: “…”",
    ),
    (
        "attribution.continuation",
        "the paragraph opens with a quote and has no attribution: the previous paragraph's speaker goes on (newspaper convention)",
    ),
    (
        "attribution.indirect.according_to",
        "‘according to X’ names the source of the clause",
    ),
    (
        "attribution.indirect.closing",
        "the attribution closes the sentence: …, officials said",
    ),
    (
        "attribution.indirect.passive",
        "a passive report (‘she had been assured that’): the source is not named",
    ),
    (
        "attribution.indirect.passive_question",
        "a passive question (‘X was asked whether’): the askers are unnamed reporters",
    ),
    (
        "attribution.indirect.per",
        "‘per X’ names the source of the clause",
    ),
    (
        "attribution.indirect.subject_verb",
        "the subject of the reporting verb: X said that …",
    ),
    (
        "attribution.partial.sentence_verb",
        "the fragment's sentence has a reporting or speech-act verb with a subject: X called it “…”",
    ),
    (
        "indirect.according_to",
        "reported speech attributed with ‘according to’",
    ),
    (
        "indirect.clause_then_attribution",
        "reported speech followed by its attribution: CLAUSE, X said",
    ),
    (
        "indirect.per",
        "reported speech attributed with ‘per’",
    ),
    (
        "indirect.verb_clause",
        "reported speech right after a reporting verb: X said she would …",
    ),
    (
        "indirect.verb_that",
        "reported speech after a reporting verb and that/if/whether: X warned that …",
    ),
    (
        "quote.marks.after_lead_in",
        "a full quotation after a colon, comma or dash that introduces it",
    ),
    (
        "quote.marks.inside_sentence",
        "a quoted fragment built into the writer's own sentence",
    ),
    (
        "quote.marks.opens_sentence",
        "a full quotation that opens its sentence or paragraph",
    ),
];

/// What a rule id means, or the id itself when it is not described.
pub fn describe(id: &str) -> &str {
    RULES
        .binary_search_by_key(&id, |&(rule, _)| rule)
        .map_or(id, |i| RULES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_sorted_and_unique() {
        assert!(
            RULES.windows(2).all(|w| w[0].0 < w[1].0),
            "sort RULES by id"
        );
    }
}
