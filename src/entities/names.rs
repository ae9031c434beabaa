//! Names: people, organisations and places, found by chunking capitalised word sequences and
//! typing each chunk.
//!
//! A chunk is a run of capitalised words, joined by the small words names contain (`of`, `and`,
//! `de la`, `von`) only where a name can contain them (after a head word like `Department`, or
//! inside a known name). Each chunk is then split into a leading title (`Mexican President`,
//! `Secretary of State`, `Mr.`) and what follows, and typed in this order:
//! known names from the lists → head words (`Ministry`, `Cartel` → org; `City`, `River` →
//! place) → people (given names, titles, honorifics, names already seen, speech verbs) →
//! acronyms → datelines → the preposition before it.
//!
//! Sentence-initial capitals are only trusted when the word is known or never appears in lower
//! case in the article; Title Case headlines only yield known names. Possessive `’s` is never
//! part of a span.

use std::collections::HashSet;

use super::gazetteer::{Known, GAZETTEER};
use super::Mention;
use crate::analysis::EntityType;
use crate::text::{Document, TokenKind};

/// Small words that may sit inside a name between capitalised words.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "ibn", "la",
    "las", "le", "los", "van", "von", "y",
];

/// Nouns a publication's name modifies (`a New York Times report`): then it loses `The`.
const PUBLICATION_NOUNS: &[&str] = &[
    "account",
    "analysis",
    "article",
    "bureau",
    "columnist",
    "correspondent",
    "coverage",
    "editor",
    "editorial",
    "editors",
    "headline",
    "interview",
    "investigation",
    "journalist",
    "journalists",
    "op-ed",
    "piece",
    "podcast",
    "poll",
    "report",
    "reporter",
    "reporters",
    "reporting",
    "review",
    "story",
    "survey",
];

/// Verbs of saying that make a capitalised word before them a person.
const SPEECH_VERBS: &[&str] = &[
    "added",
    "argued",
    "asked",
    "cautioned",
    "claimed",
    "declared",
    "explained",
    "insisted",
    "noted",
    "replied",
    "responded",
    "said",
    "says",
    "stated",
    "told",
    "warned",
    "wrote",
];

/// Nouns that make the single name before them a person (`the Biden administration`).
const PERSON_NOUNS: &[&str] = &["administration", "campaign", "presidency", "family", "era"];

/// Prepositions of place: an unknown single name after one is a place.
const LOCATIVES: &[&str] = &[
    "across",
    "at",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
    "toward",
    "towards",
    "within",
];

/// Title heads after which `to` continues the title (`Ambassador to Mexico`).
const TO_TITLES: &[&str] = &[
    "ambassador",
    "envoy",
    "delegate",
    "representative",
    "adviser",
    "advisor",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Other,
}

/// A word of the text as names see it: possessive `’s` cut off, hyphenated names like
/// `US-Mexico` split into their parts, an initial's dot attached (`W.`).
#[derive(Clone, Debug)]
struct Unit<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
    /// Ends in a possessive or a hyphen to the next part: the chunk must end here.
    closes: bool,
    /// The first word of its sentence.
    initial: bool,
    sentence: usize,
    paragraph: usize,
}

impl Unit<'_> {
    fn cap(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
    fn all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }
}

/// What the article tells us about people before typing: full names (from given names and
/// titles) and the single words that may refer back to them.
struct People {
    words: HashSet<String>,
}

struct Pass<'a, 'd> {
    doc: &'d Document<'a>,
    units: Vec<Unit<'a>>,
    people: People,
    /// Lower-cased words that appear in lower case somewhere in the article.
    lowercase_words: HashSet<String>,
    /// Capitalised words seen inside sentences.
    inner_capitals: HashSet<String>,
    /// Paragraphs written in Title Case or all capitals (headlines).
    headline: Vec<bool>,
    /// Outlets named so far, for `the Times`.
    outlets: Vec<String>,
    out: Vec<Mention>,
}

/// Finds name mentions in `doc`, skipping text already claimed by `taken` (dates, numbers).
pub fn find(doc: &Document, taken: &[Mention]) -> Vec<Mention> {
    // Names seen with a given name or title let `Sheinbaum-Trump` split into two people.
    let first_view = units(doc, taken, &HashSet::new());
    let known = prescan(&first_view).words;
    let units = units(doc, taken, &known);
    let lowercase_words = doc
        .tokens
        .iter()
        .map(|t| doc.token_text(t))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_lowercase)
        .collect();
    let headline: Vec<bool> = doc.paragraphs.iter().map(|p| is_headline(doc, p)).collect();
    // Capitalised words seen inside sentences (not first, not in headlines): a sentence-initial
    // word in this set is a name, not a capitalised common word.
    let inner_capitals = units
        .iter()
        .filter(|u| u.cap() && !u.initial && !headline[u.paragraph])
        .map(|u| u.text.to_string())
        .collect();
    let people = People { words: known };
    let mut pass = Pass {
        doc,
        units,
        people,
        lowercase_words,
        inner_capitals,
        headline,
        outlets: Vec::new(),
        out: Vec::new(),
    };
    pass.run();
    pass.out
}

fn units<'a>(doc: &Document<'a>, taken: &[Mention], known: &HashSet<String>) -> Vec<Unit<'a>> {
    let text = doc.text;
    let g = &*GAZETTEER;
    let mut out: Vec<Unit<'a>> = Vec::with_capacity(doc.tokens.len());
    let mut sentence = 0;
    let mut prev_sentence = usize::MAX;
    let mut i = 0;
    while i < doc.tokens.len() {
        let token = doc.tokens[i];
        i += 1;
        while sentence + 1 < doc.sentences.len() && doc.sentences[sentence + 1].start <= token.start
        {
            sentence += 1;
        }
        let paragraph = doc.paragraph_index(token.start);
        let blocked = taken
            .iter()
            .any(|m| m.start < token.end && token.start < m.end);
        let opener = token.kind == TokenKind::Punct
            && matches!(
                doc.token_text(&token),
                "\"" | "“" | "‘" | "'" | "(" | "«" | "—" | "–" | "-" | "−"
            );
        let initial = sentence != prev_sentence && !opener;
        if !opener {
            prev_sentence = sentence;
        }
        let base = Unit {
            start: token.start,
            end: token.end,
            text: &text[token.start..token.end],
            kind: Kind::Other,
            closes: false,
            initial,
            sentence,
            paragraph,
        };
        if blocked || token.kind != TokenKind::Word {
            out.push(base);
            continue;
        }
        let mut word = base;
        word.kind = Kind::Word;
        // An initial: `W.` keeps its dot.
        if word.text.chars().count() == 1
            && word.cap()
            && doc
                .tokens
                .get(i)
                .is_some_and(|t| t.start == token.end && doc.token_text(t) == ".")
            && doc.tokens.get(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && doc.token_text(t).starts_with(char::is_uppercase)
                    && doc.paragraph_index(t.start) == paragraph
            })
        {
            word.end += 1;
            word.text = &text[word.start..word.end];
            i += 1;
        }
        // Honorifics, titles and company suffixes keep their dot: `Mr.`, `Sen.`, `Inc.`.
        if doc
            .tokens
            .get(i)
            .is_some_and(|t| t.start == word.end && doc.token_text(t) == ".")
        {
            let dotted = format!("{}.", word.text.to_lowercase());
            if g.honorifics.contains_key(&dotted)
                || g.titles.contains(&dotted)
                || g.org_heads.contains(&dotted)
                || dotted == "st."
            {
                word.end += 1;
                word.text = &text[word.start..word.end];
                i += 1;
            }
        }
        // Possessive: `Sheinbaum’s` → `Sheinbaum`.
        for suffix in ["’s", "'s", "’S", "'S"] {
            if word.text.len() > suffix.len() + 1 && word.text.ends_with(suffix) {
                word.end -= suffix.len();
                word.text = &text[word.start..word.end];
                word.closes = true;
                break;
            }
        }
        // Hyphenated: split when a part is a known name or a nationality (`US-Mexico`,
        // `U.S.-Mexican`, `American-made`); keep `Abi-Habib`.
        let parts: Vec<&str> = word.text.split(['-', '‐', '‑']).collect();
        let split = parts.len() > 1
            && word.cap()
            && (parts.iter().any(|p| {
                g.lookup(&[p]).is_some() || g.is_demonym(p) || p.starts_with(char::is_lowercase)
            }) || parts.iter().all(|p| known.contains(*p)));
        if split {
            let mut offset = word.start;
            let n = parts.len();
            for (k, part) in parts.into_iter().enumerate() {
                let mut piece = word.clone();
                piece.start = offset;
                piece.end = offset + part.len();
                piece.text = &text[piece.start..piece.end];
                piece.initial = word.initial && k == 0;
                piece.closes = k + 1 < n || word.closes;
                offset = piece.end + text[piece.end..].chars().next().map_or(1, char::len_utf8);
                out.push(piece);
            }
            continue;
        }
        out.push(word);
    }
    out
}

/// A headline: three or more words, most longer ones capitalised, or all in capitals.
fn is_headline(doc: &Document, paragraph: &std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = doc
        .tokens_in(paragraph.clone())
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.token_text(t))
        .collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let text = doc.text[paragraph.clone()].trim_end();
    let all_caps = !text.chars().any(char::is_lowercase);
    // A sentence ends in a stop; a headline usually does not (short sentences look Title Case).
    let stop = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';']);
    if words.len() < 3 || long.len() < 3 || stop && !all_caps {
        return all_caps && words.len() >= 2;
    }
    let caps = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    caps * 10 >= long.len() * 7
}

fn prescan(units: &[Unit]) -> People {
    let g = &*GAZETTEER;
    let mut words = HashSet::new();
    let mut i = 0;
    while i < units.len() {
        if !units[i].cap() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < units.len() && units[j].cap() && units[j].sentence == units[i].sentence {
            j += 1;
            if units[j - 1].closes {
                break;
            }
        }
        // `Given Surname`, or a title or honorific before a name.
        for k in i..j {
            let lower = units[k].lower();
            let cue = g.titles.contains(&lower) || g.honorifics.contains_key(&lower);
            let given = g.first_name_gender(units[k].text).is_some();
            if (cue || given) && k + 1 < j {
                // The name runs to the next known place or organisation.
                let mut stop = k + 1;
                while stop < j && stop < k + 4 && !starts_known(units, stop) {
                    stop += 1;
                }
                let rest = &units[k + 1..stop];
                if given && rest.iter().all(|u| g.lookup(&[u.text]).is_none())
                    || cue
                        && rest.len() <= 3
                        && rest.iter().all(|u| {
                            g.lookup(&[u.text]).is_none() && !g.titles.contains(&u.lower())
                        })
                {
                    if let Some(last) = rest.last() {
                        words.insert(last.text.to_string());
                    }
                    if given {
                        words.insert(units[k].text.to_string());
                    }
                }
                break;
            }
        }
        i = j.max(i + 1);
    }
    People { words }
}

/// Whether a known place or organisation starts at unit `k`.
fn starts_known(units: &[Unit], k: usize) -> bool {
    let g = &*GAZETTEER;
    let mut words = Vec::new();
    for u in units[k..].iter().take(g.max_tokens) {
        words.push(u.text);
        if g.lookup(&words).is_some() {
            return true;
        }
    }
    false
}

/// What the typed remainder of a chunk is.
enum Typed {
    Kind(EntityType, &'static str),
}

impl<'a> Pass<'a, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.units.len() {
            if !self.starts_chunk(i) {
                i += 1;
                continue;
            }
            let end = self.chunk_end(i);
            self.analyze(i, end);
            i = end.max(i + 1);
        }
    }

    fn starts_chunk(&self, i: usize) -> bool {
        let u = &self.units[i];
        u.cap()
            || u.kind == Kind::Word
                && PARTICLES.contains(&u.text)
                && !self.units.get(i.wrapping_sub(1)).is_some_and(|p| p.cap())
                && self.particle_run_to_cap(i).is_some()
    }

    /// `de la Fuente`: the index of the capitalised word a run of particles leads to.
    fn particle_run_to_cap(&self, mut i: usize) -> Option<usize> {
        let sentence = self.units[i].sentence;
        while i < self.units.len()
            && self.units[i].kind == Kind::Word
            && PARTICLES.contains(&self.units[i].text)
            && self.units[i].sentence == sentence
            && i < self.units.len()
        {
            i += 1;
        }
        (i < self.units.len() && self.units[i].cap() && self.units[i].sentence == sentence)
            .then_some(i)
    }

    /// The longest known name starting at unit `i`, as (end unit, entry).
    fn known_at(&self, i: usize) -> Option<(usize, Known)> {
        let g = &*GAZETTEER;
        let first = &self.units[i];
        if first.kind != Kind::Word {
            return None;
        }
        let mut best = None;
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        while j < self.units.len() && words.len() < g.max_tokens {
            let u = &self.units[j];
            if u.sentence != first.sentence
                || u.kind == Kind::Other && !matches!(u.text, "," | "." | "&")
            {
                break;
            }
            if u.kind == Kind::Other && u.start < first.start {
                break;
            }
            words.push(u.text);
            j += 1;
            if let Some(known) = g.lookup(&words) {
                let last = self.units[j - 1].text;
                if last.chars().next().is_some_and(char::is_alphanumeric) {
                    best = Some((j, known.clone()));
                }
            }
            if u.closes {
                break;
            }
        }
        let (end, known) = best?;
        // A one-letter name (the platform `X`) needs its context: `on X`, `platform X`.
        if known.tokens.len() == 1 && known.tokens[0].chars().count() == 1 {
            let prev = self.prev_word(i).unwrap_or_default();
            if !matches!(prev.as_str(), "on" | "platform" | "network" | "app") {
                return None;
            }
        }
        Some((end, known))
    }

    fn prev_word(&self, i: usize) -> Option<String> {
        let p = self.units.get(i.checked_sub(1)?)?;
        (p.kind == Kind::Word && p.sentence == self.units[i].sentence).then(|| p.lower())
    }

    fn next_word(&self, end: usize) -> Option<String> {
        let n = self.units.get(end)?;
        (n.kind == Kind::Word).then(|| n.lower())
    }

    fn is_head(&self, u: &Unit, heads: &HashSet<String>) -> bool {
        u.cap() && heads.contains(&u.lower())
    }

    /// The end (exclusive) of the chunk starting at `i`.
    fn chunk_end(&self, i: usize) -> usize {
        let g = &*GAZETTEER;
        let sentence = self.units[i].sentence;
        let mut j = i;
        loop {
            if j >= self.units.len() || self.units[j].sentence != sentence {
                return j;
            }
            if let Some((end, _)) = self.known_at(j) {
                j = end;
            } else if self.units[j].cap() {
                j += 1;
            } else if let Some(cap) = self.particle_run_to_cap(j).filter(|_| j == i) {
                j = cap + 1;
            } else {
                return j;
            }
            if self.units[j - 1].closes
                || j >= self.units.len()
                || self.units[j].sentence != sentence
            {
                return j;
            }
            let prev = &self.units[j - 1];
            let next = &self.units[j];
            if next.cap() {
                continue;
            }
            // Small words inside a name.
            let word = next.text;
            let after = j + 1;
            let cap_after = self
                .units
                .get(after)
                .is_some_and(|u| u.cap() && u.sentence == sentence);
            let joins = match word {
                "of" | "for" | "on" => {
                    let head = self.is_head(prev, &g.org_heads)
                        || self.is_head(prev, &g.place_heads)
                        || prev.cap() && g.titles.contains(&prev.lower());
                    let the_after = self.units.get(after).is_some_and(|u| u.text == "the")
                        && self.units.get(after + 1).is_some_and(|u| u.cap());
                    if head && the_after {
                        j += 1; // `of the` + capital: the loop continues after `the`
                        true
                    } else {
                        head && cap_after && (word == "of" || self.is_head(prev, &g.org_heads))
                    }
                }
                // `Food and Drug Administration`, but not `Banco Santander and Deutsche Bank`:
                // only one word (after an optional country) may stand before `and`.
                "and" | "&" => {
                    let first = if g.not_names.contains(&self.units[i].lower()) {
                        i + 1
                    } else {
                        i
                    };
                    let left = j - first;
                    let prefixed = left == 2
                        && (g.is_demonym(self.units[first].text)
                            || self.is_place_or_org_unit(first));
                    let inside_of = (first..j).any(|k| {
                        self.units[k].text == "of"
                            && k > first
                            && self.is_head(&self.units[k - 1], &g.org_heads)
                    });
                    cap_after
                        && (inside_of
                            || (left == 1 || prefixed)
                                && !self.is_head(prev, &g.org_heads)
                                && self.run_ends_with_org_head(after))
                }
                "to" => cap_after && TO_TITLES.contains(&prev.lower().as_str()),
                w if PARTICLES.contains(&w) => {
                    self.particle_run_to_cap(j).is_some() && !self.is_place_or_org_unit(j - 1)
                }
                _ => false,
            };
            if !joins {
                return j;
            }
            j = match self.particle_run_to_cap(j) {
                Some(cap) if PARTICLES.contains(&word) => cap,
                _ => j + 1,
            };
        }
    }

    fn is_place_or_org_unit(&self, i: usize) -> bool {
        GAZETTEER.lookup(&[self.units[i].text]).is_some()
    }

    /// Whether the capitalised run starting at `i` ends in an organisation head word.
    fn run_ends_with_org_head(&self, i: usize) -> bool {
        let mut j = i;
        while j < self.units.len() && self.units[j].cap() && !self.units[j].closes {
            j += 1;
        }
        if j < self.units.len() && self.units[j].cap() {
            j += 1;
        }
        j > i && self.is_head(&self.units[j - 1], &GAZETTEER.org_heads)
    }

    /// Types the chunk `[a, b)` and records its mentions.
    fn analyze(&mut self, a: usize, b: usize) {
        let g = &*GAZETTEER;
        let mut a = a;
        // Leading function words and sentence-initial common words are not part of a name.
        while a < b {
            let u = &self.units[a];
            let lower = u.lower();
            if self.known_at(a).is_some_and(|(end, _)| end <= b)
                || g.titles.contains(&lower)
                || g.honorifics.contains_key(&lower)
                || g.title_modifiers.contains(&lower) && a + 1 < b && !g.not_names.contains(&lower)
            {
                break;
            }
            let common = g.not_names.contains(&lower) || g.is_demonym(u.text) && a + 1 == b;
            let unknown_initial = u.initial
                && self.lowercase_words.contains(&lower)
                && g.first_name_gender(u.text).is_none()
                && !self.people.words.contains(u.text);
            if common || unknown_initial {
                a += 1;
            } else {
                break;
            }
        }
        if a >= b {
            return;
        }
        // Operation names (`Operation Southern Spear`) are events, which the schema lacks.
        if self.units[a].text == "Operation" && a + 1 < b {
            return;
        }
        let (title, rest) = self.title_prefix(a, b);
        let headline = self.headline[self.units[a].paragraph];
        if rest >= b {
            // A title standing alone: the names inside it are still entities.
            self.segment_known_only(a, b);
            return;
        }
        if let Some(title) = title {
            // Places and organisations inside a title (`US Ambassador to Mexico`) still count.
            let title_end = rest;
            self.segment_known_only(a, title_end);
            self.emit_person(rest, b, "entities.person.title", Some(title));
            return;
        }
        // `Bank of England Governor Andrew Bailey`, `Tesla CEO Elon Musk`: an organisation or
        // place, a title head, then a name.
        if !headline {
            if let Some(h) = self.inner_title(a, b) {
                let title = self.doc.text[self.units[a].start..self.units[h].end].to_string();
                self.segment(a, h, headline, None);
                self.emit_person(h + 1, b, "entities.person.title", Some(title));
                return;
            }
        }
        self.segment(a, b, headline, None);
    }

    /// The index of a title head inside `[a, b)` with a name after it and a known name or a
    /// head-word name before it.
    fn inner_title(&self, a: usize, b: usize) -> Option<usize> {
        let g = &*GAZETTEER;
        let h = (a + 1..b.saturating_sub(1)).find(|&h| {
            let u = &self.units[h];
            u.cap() && (g.titles.contains(&u.lower()) || g.titles.contains(&u.text.to_lowercase()))
        })?;
        let before_known = self.known_at(a).is_some_and(|(end, _)| end == h)
            || self.is_head(&self.units[h - 1], &g.org_heads);
        let name = &self.units[h + 1..b];
        let name_ok = name.len() <= 4
            && name.iter().all(|u| u.cap() || PARTICLES.contains(&u.text))
            && !name
                .iter()
                .any(|u| g.org_heads.contains(&u.lower()) || g.place_heads.contains(&u.lower()));
        (before_known && name_ok).then_some(h)
    }

    /// A leading title: `(demonym|place|modifier)* head (of|to|for X)?`, followed by a name.
    /// Returns the title's text and the index where the rest starts.
    fn title_prefix(&self, a: usize, b: usize) -> (Option<String>, usize) {
        let g = &*GAZETTEER;
        if self
            .known_at(a)
            .is_some_and(|(end, k)| k.kind == EntityType::Org && end > a + 1)
        {
            return (None, a);
        }
        let mut k = a;
        let mut head_end = None;
        while k < b {
            let u = &self.units[k];
            let lower = u.lower();
            let pair = self
                .units
                .get(k + 1)
                .filter(|_| k + 1 < b)
                .map(|n| format!("{lower} {}", n.lower()));
            if pair.as_ref().is_some_and(|p| g.titles.contains(p)) {
                k += 2;
                head_end = Some(k);
                continue;
            }
            if g.titles.contains(&lower) || g.honorifics.contains_key(&lower) {
                k += 1;
                head_end = Some(k);
                continue;
            }
            if g.title_modifiers.contains(&lower) || g.is_demonym(u.text) || lower == "prime" {
                k += 1;
                continue;
            }
            // `Farm Minister`, `Health Secretary`: a capitalised portfolio before a head word.
            if head_end.is_none()
                && u.cap()
                && (k + 1..b.min(k + 3)).any(|h| g.titles.contains(&self.units[h].lower()))
                && self.known_at(k).is_none()
                && g.first_name_gender(u.text).is_none()
            {
                k += 1;
                continue;
            }
            if let Some((end, _)) = self
                .known_at(k)
                .filter(|(end, k2)| *end <= b && k2.kind == EntityType::Place)
            {
                k = end;
                continue;
            }
            if head_end.is_some() && matches!(u.text, "of" | "to" | "for") && k + 1 < b {
                // `Secretary of State`, `Ambassador to Mexico`: one known name or one word.
                let next = k + 1;
                k = match self.known_at(next).filter(|(end, _)| *end <= b) {
                    Some((end, _)) => end,
                    None => next + 1,
                };
                head_end = Some(k);
                continue;
            }
            break;
        }
        match head_end {
            Some(end) if end <= b => {
                let text = &self.doc.text[self.units[a].start..self.units[end - 1].end];
                (Some(text.to_string()), end)
            }
            _ => (None, a),
        }
    }

    /// Emits only the known places and organisations in `[a, b)`.
    fn segment_known_only(&mut self, a: usize, b: usize) {
        let mut k = a;
        while k < b {
            if let Some((end, known)) = self.known_at(k).filter(|(end, _)| *end <= b) {
                self.emit_known(k, end, known, "entities.gazetteer");
                k = end;
            } else {
                k += 1;
            }
        }
    }

    /// Splits `[a, b)` into known names, head-word names and unknown runs, and types each.
    fn segment(&mut self, a: usize, b: usize, headline: bool, _title: Option<String>) {
        let g = &*GAZETTEER;
        // A name headed by an organisation or place word takes the whole run, country prefix
        // included (`Mexican Foreign Ministry`, `US Customs and Border Protection`).
        if !headline && b - a >= 2 {
            let last = &self.units[b - 1];
            let first = &self.units[a];
            let of_second = self
                .units
                .get(a + 1)
                .is_some_and(|u| matches!(u.text, "of" | "for" | "on"));
            // `National Institute of Allergy and Infectious Diseases`: a head before `of`.
            let head_of = (a..b - 1).any(|k| {
                self.is_head(&self.units[k], &g.org_heads)
                    && matches!(self.units[k + 1].text, "of" | "for" | "on")
            });
            let whole_known = self.known_at(a).is_some_and(|(end, _)| end == b);
            if !whole_known {
                let org_tail = self.known_org_suffix(a, b);
                let head_first = self.is_head(first, &g.org_heads)
                    && (of_second
                        || b - a == 2
                            && g.first_name_gender(self.units[a + 1].text).is_none()
                            && !self.people.words.contains(self.units[a + 1].text));
                if self.is_head(last, &g.org_heads) || head_first || head_of || org_tail.is_some() {
                    let canonical = org_tail.map(|k| k.canonical);
                    self.emit(a, b, EntityType::Org, "entities.org.head_word", canonical);
                    return;
                }
                if self.is_head(last, &g.place_heads)
                    || self.is_head(first, &g.place_heads) && of_second
                {
                    self.emit(a, b, EntityType::Place, "entities.place.head_word", None);
                    return;
                }
            }
        }
        let mut k = a;
        let mut after_demonym = false;
        while k < b {
            let u = &self.units[k];
            if u.kind != Kind::Word || !u.cap() && !PARTICLES.contains(&u.text) {
                k += 1;
                continue;
            }
            // `the Times`, once the article has named The New York Times.
            if let Some(outlet) = self.short_outlet(k) {
                self.emit_outlet_short(k, outlet);
                k += 1;
                continue;
            }
            let surname = self.people.words.contains(u.text)
                && k + 1 == b
                && !self
                    .prev_word(k)
                    .is_some_and(|p| LOCATIVES.contains(&p.as_str()));
            if let Some((end, known)) = self.known_at(k).filter(|(end, _)| *end <= b) {
                if !(surname && end == k + 1 && k == a) {
                    self.emit_known(k, end, known, "entities.gazetteer");
                    k = end;
                    continue;
                }
            }
            if g.is_demonym(u.text) {
                k += 1;
                after_demonym = true;
                continue;
            }
            if k + 1 < b && g.is_demonym(&format!("{} {}", u.text, self.units[k + 1].text)) {
                k += 2;
                after_demonym = true;
                continue;
            }
            // An unknown run: up to the next known name, demonym or joining word.
            let mut e = k + 1;
            while e < b {
                let v = &self.units[e];
                if v.kind == Kind::Word
                    && matches!(v.text, "of" | "and" | "for" | "on" | "to" | "the")
                    || self.known_at(e).is_some_and(|(end, _)| end <= b)
                    || g.is_demonym(v.text)
                {
                    break;
                }
                e += 1;
            }
            // `Asian Cup`, `British lamb`: a nationality before an unknown name makes an event
            // or product name, which the schema does not type.
            let typed = if after_demonym && !self.people.words.contains(u.text) {
                None
            } else {
                self.type_unknown(k, e, headline)
            };
            after_demonym = false;
            if let Some(typed) = typed {
                let Typed::Kind(kind, rule) = typed;
                if kind == EntityType::Person {
                    self.emit_person(k, e, rule, None);
                } else {
                    self.emit(k, e, kind, rule, None);
                }
            }
            k = e;
        }
    }

    /// A known organisation that ends the run after a country or nationality prefix.
    fn known_org_suffix(&self, a: usize, b: usize) -> Option<Known> {
        let g = &*GAZETTEER;
        let mut k = a;
        let mut prefixed = false;
        while k < b {
            let u = &self.units[k];
            if g.is_demonym(u.text) {
                k += 1;
                prefixed = true;
                continue;
            }
            match self.known_at(k) {
                Some((end, known)) if end == b && prefixed && known.kind == EntityType::Org => {
                    return Some(known);
                }
                Some((end, known)) if end < b && known.kind == EntityType::Place => {
                    k = end;
                    prefixed = true;
                }
                _ => return None,
            }
        }
        None
    }

    fn short_outlet(&self, k: usize) -> Option<String> {
        let u = &self.units[k];
        let prev = self.prev_word(k)?;
        if prev != "the" {
            return None;
        }
        self.outlets
            .iter()
            .rev()
            .find(|o| o.split_whitespace().count() > 1 && o.ends_with(&format!(" {}", u.text)))
            .cloned()
    }

    /// Types an unknown capitalised run.
    fn type_unknown(&self, a: usize, b: usize, headline: bool) -> Option<Typed> {
        let g = &*GAZETTEER;
        let first = &self.units[a];
        let n = b - a;
        let text = &self.doc.text[first.start..self.units[b - 1].end];
        let all_known_people = self.units[a..b]
            .iter()
            .all(|u| self.people.words.contains(u.text));
        if all_known_people {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.known_name",
            ));
        }
        let given = g.first_name_gender(first.text).is_some();
        if given && (2..=4).contains(&n) {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.given_name",
            ));
        }
        // Dateline: capitals opening a paragraph, before a dash or comma (`SAN JOSE —`).
        let paragraph_start = self.doc.paragraphs[first.paragraph].start;
        let paragraph = &self.doc.paragraphs[first.paragraph];
        let dateline = self.units[a..b].iter().all(Unit::all_caps)
            && self.doc.text[paragraph.clone()].contains(char::is_lowercase)
            && self.doc.text[paragraph_start..first.start]
                .trim()
                .is_empty()
            && self
                .units
                .get(b)
                .is_some_and(|u| matches!(u.text, "," | "—" | "–" | "-" | "−" | "("));
        if dateline {
            return Some(Typed::Kind(EntityType::Place, "entities.place.dateline"));
        }
        let prev = self.prev_word(a).unwrap_or_default();
        // A byline: `By Faisal Islam` opening a line.
        let byline = prev == "by"
            && a >= 1
            && self.doc.text[paragraph_start..self.units[a - 1].start]
                .trim()
                .is_empty();
        if byline && (2..=4).contains(&n) {
            return Some(Typed::Kind(EntityType::Person, "entities.person.byline"));
        }
        if headline {
            return None;
        }
        if n == 1 && self.people.words.contains(first.text) {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.known_name",
            ));
        }
        if n == 1 && first.all_caps() && text.chars().count() <= 6 {
            return Some(Typed::Kind(EntityType::Org, "entities.org.acronym"));
        }
        let next = self.next_word(b).unwrap_or_default();
        if SPEECH_VERBS.contains(&next.as_str()) || prev == "said" || prev == "says" {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.speech_verb",
            ));
        }
        if n == 1 && PERSON_NOUNS.contains(&next.as_str()) {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.speech_verb",
            ));
        }
        if first.initial && n == 1 && !self.inner_capitals.contains(first.text) {
            return None;
        }
        if n == 1 && LOCATIVES.contains(&prev.as_str()) {
            return Some(Typed::Kind(EntityType::Place, "entities.place.locative"));
        }
        // `economists at Capital Economics`: several words after `at` name a workplace.
        if n >= 2 && prev == "at" && g.first_name_gender(first.text).is_none() {
            return Some(Typed::Kind(EntityType::Org, "entities.org.after_at"));
        }
        if (2..=4).contains(&n)
            && self.units[a..b]
                .iter()
                .all(|u| u.cap() || PARTICLES.contains(&u.text))
        {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.capitalised_name",
            ));
        }
        if n == 1 {
            // `the Commission`, `Daimler-Benz`: an institution or brand; otherwise a lone
            // capitalised word in news is most often a surname (`Fischler agreed`).
            if prev == "the" || first.text.contains('-') || first.text.chars().count() < 3 {
                return Some(Typed::Kind(
                    EntityType::Org,
                    "entities.org.capitalised_word",
                ));
            }
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.capitalised_name",
            ));
        }
        None
    }

    fn emit_person(&mut self, a: usize, b: usize, rule: &'static str, title: Option<String>) {
        let mut m = Mention::new(
            self.units[a].start,
            self.units[b - 1].end,
            EntityType::Person,
            rule,
        );
        m.titles.extend(title);
        self.out.push(m);
    }

    fn emit(
        &mut self,
        a: usize,
        b: usize,
        kind: EntityType,
        rule: &'static str,
        canonical: Option<String>,
    ) {
        let mut m = Mention::new(self.units[a].start, self.units[b - 1].end, kind, rule);
        m.canonical = canonical;
        self.out.push(m);
    }

    fn emit_known(&mut self, a: usize, b: usize, known: Known, rule: &'static str) {
        let mut start = self.units[a].start;
        let end = self.units[b - 1].end;
        let mut rule = rule;
        if known.outlet {
            let prenominal = self
                .next_word(b)
                .is_some_and(|w| PUBLICATION_NOUNS.contains(&w.as_str()));
            let has_the = self.units[a].lower() == "the";
            if has_the && prenominal && b > a + 1 {
                start = self.units[a + 1].start;
            } else if !has_the
                && !prenominal
                && known.canonical.starts_with("The ")
                && self.prev_word(a).as_deref() == Some("the")
            {
                start = self.units[a - 1].start;
            }
            rule = "entities.org.outlet";
            self.outlets.push(known.canonical.clone());
        }
        let mut m = Mention::new(start, end, known.kind, rule);
        m.canonical = Some(known.canonical);
        self.out.push(m);
    }

    fn emit_outlet_short(&mut self, k: usize, outlet: String) {
        let b = k + 1;
        let prenominal = self
            .next_word(b)
            .is_some_and(|w| PUBLICATION_NOUNS.contains(&w.as_str()));
        let start = if prenominal {
            self.units[k].start
        } else {
            self.units[k - 1].start
        };
        let mut m = Mention::new(
            start,
            self.units[k].end,
            EntityType::Org,
            "entities.org.outlet_short",
        );
        m.canonical = Some(outlet);
        self.out.push(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, EntityType)> {
        let doc = Document::new(text);
        find(&doc, &[])
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.kind))
            .collect()
    }

    use EntityType::{Org, Person, Place};

    #[test]
    fn titles_are_not_part_of_names() {
        assert_eq!(
            names("Mexican President Claudia Sheinbaum met Secretary of State Marco Rubio."),
            vec![("Claudia Sheinbaum", Person), ("Marco Rubio", Person)]
        );
        assert_eq!(
            names("US Ambassador to Mexico Ronald Johnson spoke."),
            vec![("US", Place), ("Mexico", Place), ("Ronald Johnson", Person)]
        );
    }

    #[test]
    fn organisations_keep_their_country_prefix() {
        assert_eq!(
            names("Data from US Customs and Border Protection and the Mexican Foreign Ministry."),
            vec![
                ("US Customs and Border Protection", Org),
                ("Mexican Foreign Ministry", Org)
            ]
        );
        assert_eq!(names("the U.S. Army"), vec![("U.S. Army", Org)]);
    }

    #[test]
    fn possessives_and_hyphens() {
        assert_eq!(
            names("Claudia Sheinbaum’s plan. Donald Trump agreed. The Sheinbaum-Trump deal on US-Mexico ties."),
            vec![
                ("Claudia Sheinbaum", Person),
                ("Donald Trump", Person),
                ("Sheinbaum", Person),
                ("Trump", Person),
                ("US", Place),
                ("Mexico", Place)
            ]
        );
        assert_eq!(
            names("By Maria Abi-Habib"),
            vec![("Maria Abi-Habib", Person)]
        );
    }

    #[test]
    fn outlets_keep_the_only_when_standalone() {
        assert_eq!(
            names(
                "The New York Times report said. The Times said it. It ran in The New York Times."
            ),
            vec![
                ("New York Times", Org),
                ("The Times", Org),
                ("The New York Times", Org)
            ]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        assert_eq!(
            names("Depending on the data, the depending party won."),
            vec![]
        );
        assert_eq!(names("However, Mexico won."), vec![("Mexico", Place)]);
    }

    #[test]
    fn spans_on_char_boundaries_with_accents_and_emoji() {
        let text = "😀 “José Núñez” said in Bogotá’s café.";
        for (span, _) in names(text) {
            assert!(text.contains(span));
        }
        assert_eq!(names(text), vec![("José Núñez", Person), ("Bogotá", Place)]);
    }
}
