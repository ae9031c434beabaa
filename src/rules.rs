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
        "entities.date.bare_duration",
        "a plural time unit after for/in/over (`For months` → `months`)",
    ),
    (
        "entities.date.day_month",
        "a day before a month name (`8 August 2025`)",
    ),
    (
        "entities.date.decade",
        "a decade (`the 1990s`, `the early 2000s`)",
    ),
    (
        "entities.date.deictic",
        "today, yesterday, tomorrow, tonight",
    ),
    (
        "entities.date.duration",
        "a counted span of time (`a hundred years`, `many years`, `two weeks`)",
    ),
    (
        "entities.date.iso",
        "an ISO date (`2025-08-08`)",
    ),
    (
        "entities.date.last_period",
        "the last/past/next period (`the last year`, `the past two weeks`)",
    ),
    (
        "entities.date.month",
        "a month name, alone or with a year (`February`, `June 2024`); `May` and `March` need a calendar cue",
    ),
    (
        "entities.date.month_day",
        "a month and day, with an optional year (`Aug. 8`, `May 2, 2024`)",
    ),
    (
        "entities.date.recent_period",
        "recent/coming/past periods (`recent months`)",
    ),
    (
        "entities.date.relative",
        "a period relative to now (`last month`, `earlier this year`, `late last year`)",
    ),
    (
        "entities.date.same_period",
        "a period compared with another (`the same months last year`, `the same month in 2024`)",
    ),
    (
        "entities.date.weekday",
        "a day of the week (`Friday`, `last Tuesday`)",
    ),
    (
        "entities.date.weekend",
        "the weekend",
    ),
    (
        "entities.date.year",
        "a four-digit year that does not count something (`in 2020`)",
    ),
    (
        "entities.gazetteer",
        "a name in the built-in lists of countries, places and organisations",
    ),
    (
        "entities.number",
        "a number with its bound or approximator (`6,072`, `around 75%`, `more than half`, `hundreds`)",
    ),
    (
        "entities.org.acronym",
        "an unknown word in capitals: an organisation's acronym",
    ),
    (
        "entities.org.after_at",
        "several capitalised words after `at` (`economists at Capital Economics`): a workplace",
    ),
    (
        "entities.org.capitalised_word",
        "an unknown capitalised word inside a sentence with no person or place cue",
    ),
    (
        "entities.org.head_word",
        "a capitalised name ending in an organisation word (`Ministry`, `Cartel`, `Army`) or opening with one before `of`",
    ),
    (
        "entities.org.outlet",
        "a news outlet from the built-in list; keeps `The` when it stands alone",
    ),
    (
        "entities.org.outlet_short",
        "`the Times` after the article has named The New York Times",
    ),
    (
        "entities.person.byline",
        "a name after `By` opening a line: the byline",
    ),
    (
        "entities.person.capitalised_name",
        "two to four capitalised words inside a sentence with no other cue",
    ),
    (
        "entities.person.given_name",
        "a capitalised name starting with a common given name",
    ),
    (
        "entities.person.known_name",
        "a name or surname of a person the article names elsewhere",
    ),
    (
        "entities.person.speech_verb",
        "a capitalised name before a verb of saying (`Deare cautioned`)",
    ),
    (
        "entities.person.title",
        "a name after a title or honorific (`Secretary of State Marco Rubio`, `Mr. Trump`)",
    ),
    (
        "entities.place.dateline",
        "a dateline in capitals opening the article (`MEXICO CITY –`)",
    ),
    (
        "entities.place.head_word",
        "a capitalised name ending in a place word (`City`, `River`, `County`)",
    ),
    (
        "entities.place.locative",
        "an unknown capitalised word after a preposition of place (`in Culiacán`)",
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
