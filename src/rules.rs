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
        "cue.attribution.loaded_verb",
        "a verb that introduces a quote and frames its speaker (boasted, claimed, warned), as the quotes layer marked it not neutral",
    ),
    (
        "cue.attribution.loaded_verb_position",
        "a loaded verb of saying from the quotes layer's list, in attribution position but not attached to a quote (had touted a drop, arguing that)",
    ),
    (
        "cue.lexicon.anonymity",
        "a formula that grants or explains a source's anonymity (speaking on condition of anonymity)",
    ),
    (
        "cue.lexicon.booster",
        "a word or phrase of emphasis or certainty from the booster list (absolutely, firmly, never)",
    ),
    (
        "cue.lexicon.evaluative",
        "loaded or emotive wording from the evaluative list (disastrous, blindsided, at odds)",
    ),
    (
        "cue.lexicon.hedge",
        "a word or phrase of uncertainty or distance from the hedge list (reportedly, unclear, probably)",
    ),
    (
        "cue.lexicon.refusal",
        "a refusal, denial or rejection from the refusal list (ruled out, rejected, not going to)",
    ),
    (
        "cue.lexicon.support",
        "cooperation or praise from the support list (cooperate, partnership, praised)",
    ),
    (
        "cue.modal.epistemic",
        "could, may or might saying something is possible, not that someone is able or allowed",
    ),
    (
        "cue.negation.answer_no",
        "no given as an answer (we have always said no), not as a determiner",
    ),
    (
        "cue.negation.declined_to_say",
        "a negated or declined verb of saying (did not confirm, wouldn't answer, declined to comment)",
    ),
    (
        "cue.negation.negated_refusal",
        "a refusal under negation (did not rule out, declined to rule out): the door is left open, a hedge",
    ),
    (
        "cue.negation.negated_support",
        "a cooperation word under negation (will not cooperate), a refusal rather than support",
    ),
    (
        "cue.negation.will_not",
        "a first-person negated intent (we will not, I won't): a speaker refusing",
    ),
    (
        "cue.scare_quote",
        "the writer's scare quotes around a word or two (a 'new' policy): distance and judgement",
    ),
    (
        "cue.sense.appear_seeming",
        "appear in the sense of seeming (appears linked), not of showing up",
    ),
    (
        "cue.sense.backed",
        "backed or backing as support (backed the plan), not backed down or backed up",
    ),
    (
        "cue.sense.clear_adjective",
        "clear as an adjective of certainty (a clear rejection), not negated and not the verb",
    ),
    (
        "cue.sense.dismissed",
        "dismissed as a refusal (dismissed the claims), not dismissed from a post",
    ),
    (
        "cue.sense.distancing",
        "what someone called or described as: the writer hands the wording to its source",
    ),
    (
        "cue.sense.excluded_object",
        "excluded with an object (excluded any involvement), not excluded from",
    ),
    (
        "cue.sense.firm_stance",
        "firm describing a stance (a firm denial, stood firm), not a company",
    ),
    (
        "cue.sense.help_offer",
        "help or an offer from one party to another (help you, offered assistance)",
    ),
    (
        "cue.sense.judgement",
        "illegal, broken, hurt or strain as a judgement (an illegal act, could hurt ties), not a description (illegal immigration, broken into, hurt in a crash, a strain of a virus)",
    ),
    (
        "cue.sense.opposed",
        "opposed as a refusal, not in 'as opposed to'",
    ),
    (
        "cue.sense.possibility_raised",
        "a possibility the writer raises (a possibility that ...), not one that is ruled out",
    ),
    (
        "cue.sense.possible",
        "possible as a hedge, not in 'as soon as possible' or 'everything possible'",
    ),
    (
        "cue.sense.reported_adjective",
        "reported as an adjective (the reported plan) or 'is reported to', not a verb of reporting",
    ),
    (
        "cue.source.description",
        "an unnamed source: a description of people who speak (a U.S. official, people familiar with the matter)",
    ),
    (
        "cue.source.generic_experts",
        "unnamed generic experts a claim leans on (some analysts, analysts say)",
    ),
    (
        "cue.source.quote_speaker",
        "the description the quotes layer gives as an anonymous quote's speaker",
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
        "entities.date.part_of_period",
        "the end, beginning or middle of a period (`the end of the year`, `the start of March`)",
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
        "entities.org.common_word_name",
        "several unknown capitalised words ending in a word the article also writes in lower case (`Human Rights Watch`)",
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
        "entities.org.results_line",
        "an unknown name in a line of results or a table row (`Barnsley 1 Reading 1`): a team or club",
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
        "a capitalised name before a verb of saying (`Deare cautioned`), an age in commas (`Okonkwo, 45,`) or `administration`",
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
        "one to three unknown capitalised words after a preposition of place (`in Culiacán`, `in Santa Cruz`)",
    ),
    (
        "entities.place.the_capital",
        "`the capital` followed by the city's name (`the capital of Mexico City`)",
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
        "quote.marks.after_verb",
        "a full quotation right after its reporting verb: X said “…”",
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
