//! Titles and roles linked to people: `Pentagon chief Pete Hegseth` (before the name, in lower
//! case; capitalised titles are split off by [`super::names`]), `His former defense secretary,
//! Mark Esper` and `Craig Deare, a former military attache to ...` (appositives), and
//! `Todd Robinson, who served as the assistant secretary of state ...` (predicates).
//!
//! Titles are kept as written, without articles and possessives, so the quotes layer can
//! compare them lower-cased with [`normalize`].

use super::gazetteer::{Gender, GAZETTEER};
use super::Mention;
use crate::analysis::EntityType;
use crate::text::{with_lower, Document, Token, TokenKind};

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
];

/// Words that end a title after a name (`..., a former official who ...`).
const AFTER_STOPS: &[&str] = &["who", "which", "that", "whose", "said", "says", "and"];

/// Words that end a predicate title (`the assistant secretary ... at the State Department`).
const PREDICATE_STOPS: &[&str] = &[
    "at", "in", "since", "from", "until", "during", "under", "before", "after", "when", "where",
    "who", "and",
];

/// A title lower-cased, without leading articles or possessives and trailing punctuation.
pub fn normalize(title: &str) -> String {
    let lower = title.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.first().is_some_and(|w| DETERMINERS.contains(w)) {
        words.remove(0);
    }
    words
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string()
}

/// The gender a title marks (`Ms.`, `spokeswoman`, `Queen`), if any: read from the words of
/// [`normalize`]`(title)`, which an ASCII title gives in place. It is asked of every person the
/// article's pronouns leave undecided, and normalizing allocated four times a title.
pub fn gender_of_title(title: &str) -> Option<Gender> {
    if title.is_ascii() {
        gender_of_words(ascii_normal_words(title))
    } else {
        // Lowering may change a non-ASCII word's bytes (the Kelvin sign lowers to `k`).
        gender_of_words(normalize(title).split_whitespace())
    }
}

/// The words of `normalize(title)` for an ASCII `title`, in their own case (lowering an ASCII
/// word keeps its length, so the end [`normalize`] trims is trimmed here), but for the leading
/// determiners it drops: none marks a gender or ends in `first`, and the test mixes them in.
fn ascii_normal_words(title: &str) -> std::str::SplitWhitespace<'_> {
    title
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .split_whitespace()
}

/// The gender the words of a normalized title mark, in any ASCII case.
fn gender_of_words<'w>(words: impl Iterator<Item = &'w str>) -> Option<Gender> {
    let g = &*GAZETTEER;
    let mut previous: Option<&str> = None;
    let mut first_lady = false;
    for word in words {
        let gender = with_lower(word, |word| {
            if let Some(Some(gender)) = g.honorifics.get(word) {
                return Some(*gender);
            }
            let female = [
                "queen",
                "princess",
                "spokeswoman",
                "chairwoman",
                "congresswoman",
                "councilwoman",
                "assemblywoman",
                "businesswoman",
                "duchess",
                "empress",
            ];
            let male = [
                "king",
                "prince",
                "spokesman",
                "chairman",
                "congressman",
                "councilman",
                "assemblyman",
                "businessman",
                "duke",
                "emperor",
            ];
            if female.contains(&word) {
                Some(Gender::Female)
            } else if male.contains(&word) {
                Some(Gender::Male)
            } else {
                None
            }
        });
        if gender.is_some() {
            return gender;
        }
        // `first lady` across the single space that joins two normalized words.
        first_lady |= previous.is_some_and(|p| ends_with_ignore_case(p, "first"))
            && starts_with_ignore_case(word, "lady");
        previous = Some(word);
    }
    first_lady.then_some(Gender::Female)
}

fn ends_with_ignore_case(word: &str, end: &str) -> bool {
    word.len() >= end.len()
        && word.as_bytes()[word.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
}

fn starts_with_ignore_case(word: &str, start: &str) -> bool {
    word.len() >= start.len()
        && word.as_bytes()[..start.len()].eq_ignore_ascii_case(start.as_bytes())
}

/// Adds titles found around each person mention. `mentions` is sorted by start.
pub fn attach(doc: &Document, mentions: &mut [Mention]) {
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    let dates: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Date)
        .map(|m| (m.start, m.end))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.kind == EntityType::Person) {
        let first = doc.token_at_or_after(m.start);
        let after = doc.token_at_or_after(m.end);
        let sentence = doc.sentences[doc.sentence_index(m.start)].clone();
        let in_sentence = |i: usize| {
            doc.tokens
                .get(i)
                .filter(|t| t.start() >= sentence.start && t.end() <= sentence.end)
        };
        let mut found = Vec::new();
        if m.titles().is_empty() {
            if let Some(t) = before_name(doc, first, &in_sentence, &spans) {
                found.push(t);
            } else if let Some(t) = appositive_before(doc, first, &in_sentence) {
                found.push(t);
            }
        }
        if let Some(t) = appositive_after(doc, after, &in_sentence, &dates) {
            found.push(t);
        }
        for t in found {
            if !m.titles().iter().any(|old| normalize(old) == normalize(&t)) {
                m.details_mut().titles.push(t);
            }
        }
    }
}

fn is_determiner(word: &str) -> bool {
    with_lower(word, |lower| DETERMINERS.contains(&lower))
}

fn is_title_head(word: &str) -> bool {
    with_lower(word, |lower| GAZETTEER.titles.contains(lower))
}

fn is_title_word(word: &str) -> bool {
    let g = &*GAZETTEER;
    with_lower(word, |lower| {
        g.titles.contains(lower) || g.title_modifiers.contains(lower)
    }) || g.is_demonym(word)
        || word.starts_with(char::is_uppercase)
}

/// `Pentagon chief Pete Hegseth`: title words right before the name, ending in a head word.
fn before_name<'t>(
    doc: &Document,
    first: usize,
    in_sentence: &dyn Fn(usize) -> Option<&'t Token>,
    spans: &[(usize, usize)],
) -> Option<String> {
    let head = in_sentence(first.checked_sub(1)?)?;
    let head_text = doc.token_text(head);
    if head.kind != TokenKind::Word
        || !head_text.starts_with(char::is_lowercase)
        || !is_title_head(head_text)
    {
        return None;
    }
    let mut start = head.start();
    let mut i = first - 1;
    while let Some(t) = i.checked_sub(1).and_then(in_sentence) {
        let w = doc.token_text(t);
        // `spans` is sorted by start: the last span starting at or before the token.
        let k = spans.partition_point(|&(s, _)| s <= t.start());
        let entity = k > 0 && spans[k - 1].1 >= t.end();
        if t.kind != TokenKind::Word || is_determiner(w) {
            break;
        }
        let lower_title = is_title_word(w) && !w.starts_with(char::is_uppercase);
        if !(entity || lower_title || GAZETTEER.is_demonym(w)) {
            break;
        }
        start = t.start();
        i -= 1;
    }
    Some(doc.text[start..head.end()].to_string())
}

/// `His former defense secretary, Mark Esper`: a title phrase, a comma, then the name.
fn appositive_before<'t>(
    doc: &Document,
    first: usize,
    in_sentence: &dyn Fn(usize) -> Option<&'t Token>,
) -> Option<String> {
    let comma = in_sentence(first.checked_sub(1)?)?;
    if doc.token_text(comma) != "," {
        return None;
    }
    let end = in_sentence(first.checked_sub(2)?)?;
    let mut start = end.start();
    let mut i = first - 2;
    let mut has_head = false;
    let mut words = 0;
    loop {
        let t = in_sentence(i)?;
        let w = doc.token_text(t);
        // A determiner, or the `s` of a split possessive (`committee 's chairman`), bounds it.
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        if is_determiner(w) || w == "s" || possessive {
            break;
        }
        // Any word may sit in the phrase (`chief of staff`); a determiner or the clause's
        // start bounds it, and a head word must be in it.
        if t.kind != TokenKind::Word {
            // The phrase must open the clause: a determiner, or the sentence start.
            if i + 1 == first - 1 || t.kind == TokenKind::Word {
                return None;
            }
            break;
        }
        has_head |= is_title_head(w);
        start = t.start();
        words += 1;
        if words > 6 {
            return None;
        }
        match i.checked_sub(1) {
            Some(p) if in_sentence(p).is_some() => i = p,
            _ => break,
        }
    }
    let text = &doc.text[start..end.end()];
    let phrase = !text.starts_with(char::is_uppercase) || text.split_whitespace().count() > 1;
    (has_head && phrase).then(|| text.to_string())
}

/// `Craig Deare, a former military attache to the U.S. Embassy in Mexico` and
/// `Todd Robinson, who served as the assistant secretary of state ...`.
fn appositive_after<'t>(
    doc: &Document,
    after: usize,
    in_sentence: &dyn Fn(usize) -> Option<&'t Token>,
    dates: &[(usize, usize)],
) -> Option<String> {
    let comma = in_sentence(after)?;
    if doc.token_text(comma) != "," {
        return None;
    }
    let mut i = after + 1;
    let mut predicate = false;
    let w = |i: usize| in_sentence(i).map(|t| doc.token_lower(t));
    if w(i).as_deref() == Some("who") {
        // who served as / who is / who was / who has served as
        let mut j = i + 1;
        if matches!(
            w(j).as_deref(),
            Some("has" | "had" | "previously" | "once" | "now")
        ) {
            j += 1;
        }
        match w(j).as_deref() {
            Some("served" | "serves" | "worked") if w(j + 1).as_deref() == Some("as") => j += 2,
            Some("is" | "was") => j += 1,
            _ => return None,
        }
        i = j;
        predicate = true;
    }
    // `Mexico's former president`: the possessive owner stays out of the title.
    if w(i).is_some_and(|d| d.ends_with("'s") || d.ends_with("’s")) {
        i += 1;
    }
    if w(i).is_some_and(|d| matches!(&*d, "a" | "an" | "the")) {
        i += 1;
    } else if !predicate {
        // Without an article the phrase must open with a title word (`chief UK economist`),
        // not a verb (`Laura Sarabia, met ...`).
        let opener = in_sentence(i).map(|t| doc.token_text(t))?;
        if !is_title_word(opener) {
            return None;
        }
    }
    let first = in_sentence(i)?;
    let mut end = first.end();
    let mut has_head = false;
    let mut words = 0;
    while let Some(t) = in_sentence(i) {
        let text = doc.token_text(t);
        if t.kind == TokenKind::Punct {
            break;
        }
        let k = dates.partition_point(|&(s, _)| s <= t.start());
        if k > 0 && dates[k - 1].1 >= t.end() {
            break;
        }
        let stop = with_lower(text, |lower| {
            lower != "and"
                && (AFTER_STOPS.contains(&lower) || predicate && PREDICATE_STOPS.contains(&lower))
        });
        if stop {
            break;
        }
        if words < 5 && is_title_head(text) {
            has_head = true;
        }
        if !has_head && words >= 5 {
            return None;
        }
        end = t.end();
        words += 1;
        i += 1;
        if words > 14 {
            return None;
        }
    }
    // Drop a trailing preposition left by a date stop (`... in Mexico in the 1990s`).
    let mut text = doc.text[first.start()..end].trim_end();
    for stop in [" in", " on", " at", " since", " from"] {
        if let Some(t) = text.strip_suffix(stop) {
            text = t;
        }
    }
    has_head.then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_articles_and_case() {
        assert_eq!(normalize("The Mexican President"), "mexican president");
        assert_eq!(
            normalize("his former defense secretary,"),
            "former defense secretary"
        );
    }

    #[test]
    fn gendered_titles() {
        assert_eq!(gender_of_title("Ms."), Some(Gender::Female));
        assert_eq!(gender_of_title("White House spokesman"), Some(Gender::Male));
        assert_eq!(gender_of_title("President"), None);
    }

    /// Read in place, an ASCII title marks the gender its normalized words mark.
    #[test]
    fn gender_of_title_is_that_of_the_normalized_title() {
        let plain = |title: &str| gender_of_words(normalize(title).split_whitespace());
        let pieces = [
            "the",
            "The",
            "HIS",
            "a",
            "an",
            "her",
            "Ms.",
            "ms",
            "mr.",
            "Mrs",
            "Queen",
            "KING",
            "spokeswoman",
            "Spokesman,",
            "chairman.",
            "first",
            "First",
            "lady",
            "Lady,",
            "ladyship",
            "firstlady",
            "Gen.",
            "former",
            "White",
            "House",
            "president",
            "\u{212A}ing",
            "ﬁrst",
            ",",
            "—",
            "-",
            ".",
            "",
            " ",
            "  ",
            "\t",
            "\u{0B}",
        ];
        let mut rng = crate::test_inputs::Rng::new(17);
        let mut marked = 0;
        for _ in 0..20_000 {
            let words: Vec<&str> = (0..rng.below(6)).map(|_| rng.pick(&pieces)).collect();
            let title = words.join(if rng.below(3) == 0 { "  " } else { " " });
            let gender = gender_of_title(&title);
            assert_eq!(gender, plain(&title), "{title:?}");
            marked += usize::from(gender.is_some());
        }
        assert!(marked > 1_000);
    }
}
