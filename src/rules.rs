//! Every rule's id and what it means in plain words, for `--explain` and the page's cards.
//!
//! Each layer names the rule behind every annotation it makes (`Quote::rule`, `Cue::rule`, …).
//! A test checks that every rule seen on the sample articles is described here.

/// `(id, plain words)`, sorted by id.
pub const RULES: &[(&str, &str)] = &[
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
        "entities.person.known_figure",
        "the surname of a well-known person from the built-in list (`Trump`, `Macron`)",
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
        "entities.place.the_capital",
        "`the capital` followed by the city's name (`the capital of Mexico City`)",
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
