//! Every rule's id and what it means in plain words, for `--explain` and the page's cards.
//!
//! Each layer names the rule behind every annotation it makes (`Quote::rule`, `Cue::rule`, …).
//! A test checks that every rule seen on the sample articles is described here.

/// `(id, plain words)`, sorted by id.
pub const RULES: &[(&str, &str)] = &[
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
