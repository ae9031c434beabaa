//! `the capital` as a place when the article names the city right after it.

use super::gazetteer::GAZETTEER;
use super::Mention;
use crate::analysis::EntityType;

/// `the capital` when the article names it right after (`the capital of Mexico City`, `the
/// capital, Kyiv`): a place mention whose canonical name is that city's. `mentions` is sorted.
pub fn the_capital(text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::Place {
            continue;
        }
        let before = text[..m.start].trim_end();
        let Some(rest) = before
            .strip_suffix(" of")
            .or_else(|| before.strip_suffix(','))
        else {
            continue;
        };
        let rest = rest.trim_end();
        let lower_tail = rest.get(rest.len().saturating_sub(11)..).unwrap_or("");
        if !lower_tail.eq_ignore_ascii_case("the capital") {
            continue;
        }
        let start = rest.len() - 11;
        let free = k == 0 || mentions[k - 1].end <= start;
        let boundary = match text[..start].chars().next_back() {
            Some(c) => !c.is_alphanumeric(),
            None => true,
        };
        // `the capital of Kenya` is Nairobi, not Kenya: only a city may follow.
        let country = m
            .canonical()
            .and_then(|c| GAZETTEER.phrases.get(&c.to_lowercase()))
            .is_some_and(|k| k.country);
        if free && boundary && !country {
            let mut capital = Mention::new(
                start,
                rest.len(),
                EntityType::Place,
                "entities.place.the_capital",
            );
            capital.details_mut().canonical = Some(
                m.canonical()
                    .unwrap_or(&text[m.start..m.end])
                    .to_string()
                    .into(),
            );
            out.push(capital);
        }
    }
    out
}
