//! Names: people, organisations and places, found by chunking capitalised word sequences and
//! typing each chunk.
//!
//! A chunk is a run of capitalised words, joined by the small words names contain (`of`, `and`,
//! `de la`, `von`) only where a name can contain them (after a head word like `Department`, or
//! inside a known name). Each chunk is then split into a title (`Mexican President`,
//! `Secretary of State`, `Mr.`, or one inside it: `Tesla CEO`) and what follows, and typed in
//! this order: known names from the lists → head words (`Ministry`, `Cartel` → org; `City`,
//! `River` → place) → unknown runs, typed by: people already named, well-known surnames, given
//! names, bylines, datelines, results lines, acronyms, speech verbs, `the X administration`,
//! the preposition before (`in` → place, `at` → org), and finally two to four capitalised words
//! → person, one word → person (or org after `the`).
//!
//! Sentence-initial capitals are only trusted when the word is known, or never appears in lower
//! case in the article, or also appears capitalised inside a sentence; Title Case headlines and
//! shouted capitals only yield known names. Possessive `’s` is never part of a span.

use std::borrow::Cow;

use super::gazetteer::class::{
    DEMONYM, DEMONYM_PAIR_START, FIRST_NAME, HONORIFIC, KNOWN_START, NOT_NAME, ORG_HEAD,
    PLACE_HEAD, TITLE, TITLE_MODIFIER, TITLE_PAIR_START,
};
use super::gazetteer::{Gazetteer, Known, WalkBuffers, GAZETTEER};
use super::rare::{InnerCapitals, LowerCaseWords};
use super::words::{self, prescan, resplit, shape, Kind, People, Unit, Units};
use super::Mention;
use crate::analysis::EntityType;
use crate::text::{push_lower, Document};

/// Small words that may sit inside a name between capitalised words.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "ibn", "la",
    "las", "le", "los", "van", "von", "y",
];

/// Whether `word` is one of [`PARTICLES`], exactly. The name finder asks it of nearly every
/// lower-case word, and a (length, first letter) mask answers most of them without comparing
/// strings.
fn is_particle(word: &str) -> bool {
    const SHAPES: [u32; 8] = {
        let mut shapes = [0; 8];
        let mut i = 0;
        while i < PARTICLES.len() {
            let bytes = PARTICLES[i].as_bytes();
            assert!(bytes.len() < 8 && bytes[0].is_ascii_lowercase());
            shapes[bytes.len()] |= 1 << (bytes[0] - b'a');
            i += 1;
        }
        shapes
    };
    let bytes = word.as_bytes();
    bytes.len() < SHAPES.len()
        && bytes.first().is_some_and(|&first| {
            first.is_ascii_lowercase() && SHAPES[bytes.len()] & 1 << (first - b'a') != 0
        })
        && PARTICLES.contains(&word)
}

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

/// Endings of common nouns that a person's name does not have.
const NOUN_ENDINGS: &[&str] = &[
    "ism", "itis", "osis", "pathy", "tion", "sion", "ment", "ology", "ness",
];

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

struct Pass<'a, 'd> {
    doc: &'d Document<'a>,
    units: Units<'a>,
    people: People,
    /// Lower-cased words that appear in lower case somewhere in the article.
    lowercase_words: LowerCaseWords<'a, 'd>,
    /// Capitalised words seen inside sentences.
    inner_capitals: InnerCapitals<'a>,
    /// Paragraphs written in Title Case or all capitals (headlines).
    headline: Vec<bool>,
    /// Paragraphs that are results lines or table rows.
    results: Vec<bool>,
    /// Outlets named so far, for `the Times`.
    outlets: Vec<&'static str>,
    known: KnownNames,
    out: Vec<Mention>,
}

/// The known names of the article, by the unit they start at.
#[derive(Default)]
struct KnownNames {
    /// (start unit, end unit, entry), by start: a few in a hundred units start one, so this is
    /// far smaller than an entry (or none) for every unit.
    found: Vec<(usize, usize, &'static Known)>,
    /// A bit for each unit that starts one: most units asked about start none, and the bit
    /// answers for them without searching `found`.
    starts: Vec<u64>,
    /// How many bits of `starts` are set before each of its words: with the bits of its own
    /// word below it, where a unit's name is in `found`. The finder asks again and again about
    /// the units that do start a name, and a search of `found` cost several times this.
    ranks: Vec<u32>,
}

impl KnownNames {
    fn new(units: usize, found: Vec<(usize, usize, &'static Known)>) -> KnownNames {
        let mut starts = vec![0u64; units.div_ceil(64)];
        for &(start, ..) in &found {
            starts[start / 64] |= 1 << (start % 64);
        }
        let mut below = 0;
        let ranks = starts
            .iter()
            .map(|bits| {
                let rank = below;
                below += bits.count_ones();
                rank
            })
            .collect();
        KnownNames {
            found,
            starts,
            ranks,
        }
    }

    /// The known name starting at unit `i`, as (end unit, entry).
    #[inline]
    fn at(&self, i: usize) -> Option<(usize, &'static Known)> {
        let bits = *self.starts.get(i / 64)?;
        let bit = 1 << (i % 64);
        if bits & bit == 0 {
            return None;
        }
        let k = self.ranks[i / 64] as usize + (bits & (bit - 1)).count_ones() as usize;
        let (_, end, known) = self.found[k];
        Some((end, known))
    }
}

/// Finds name mentions in `doc`, skipping text already claimed by `taken` (dates, numbers).
pub fn find(doc: &Document, taken: &[Mention]) -> Vec<Mention> {
    find_in(words::reserve(doc), doc, taken)
}

/// [`find`], with the table of units made beforehand ([`words::reserve`]; see [`super::find`]
/// for why).
pub(super) fn find_in<'a>(units: Units<'a>, doc: &Document<'a>, taken: &[Mention]) -> Vec<Mention> {
    // Names seen with a given name or title let `Sheinbaum-Trump` split into two people.
    let first_view = words::fill(units, doc, taken);
    let known = prescan(&first_view).words;
    let units = resplit(first_view, &known);
    let (headline, results): (Vec<bool>, Vec<bool>) = doc
        .paragraphs
        .iter()
        .map(|p| {
            let shape = shape(doc, p);
            (shape.headline, shape.results)
        })
        .unzip();
    let people = People { words: known };
    let mut pass = Pass {
        doc,
        units,
        people,
        lowercase_words: LowerCaseWords::new(doc.text, &doc.tokens),
        inner_capitals: InnerCapitals::new(doc.tokens.len()),
        headline,
        results,
        outlets: Vec::new(),
        known: KnownNames::default(),
        out: Vec::new(),
    };
    // One key buffer for every unit: a fresh one per word was a third of the article's
    // allocations.
    let mut buffers = WalkBuffers::default();
    let mut found = Vec::new();
    let mut ask = |i| {
        if let Some((end, known)) = pass.compute_known_at(i, &mut buffers) {
            found.push((i, end, known));
        }
    };
    // When every listed name starts with a capital, only the capitalised units can start one.
    if GAZETTEER.capital_starts {
        pass.units.caps().for_each(&mut ask);
    } else {
        (0..pass.units.len()).for_each(&mut ask);
    }
    pass.known = KnownNames::new(pass.units.len(), found);
    pass.run();
    pass.out
}

/// What the typed remainder of a chunk is.
enum Typed {
    Kind(EntityType, &'static str),
}

impl<'a> Pass<'a, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while let Some(start) = self.next_chunk_start(i) {
            let end = self.chunk_end(start);
            self.analyze(start, end);
            i = end.max(start + 1);
        }
    }

    /// The first unit from `from` on that [`Pass::starts_chunk`]. A chunk starts at a
    /// capitalised unit or at a run of particles leading to one (`de la Fuente`), so only the
    /// next capitalised unit and the particles just before it are asked, not every unit between.
    fn next_chunk_start(&self, from: usize) -> Option<usize> {
        let cap = self.units.caps_from(from).next()?;
        let sentence = self.units.sentence(cap);
        let mut first = cap;
        while first > from
            && self.is_particle_unit(first - 1)
            && self.units.sentence(first - 1) == sentence
        {
            first -= 1;
        }
        (first..=cap).find(|&i| self.starts_chunk(i))
    }

    fn starts_chunk(&self, i: usize) -> bool {
        // The stored flags answer without building the unit.
        self.units.cap(i)
            || self.is_particle_unit(i)
                && !(i > 0 && self.units.cap(i - 1))
                && self.particle_run_to_cap(i).is_some()
    }

    /// Whether unit `i` is a word among [`PARTICLES`].
    fn is_particle_unit(&self, i: usize) -> bool {
        self.units.kind(i) == Kind::Word && is_particle(self.units.at(i).text)
    }

    /// `de la Fuente`: the index of the capitalised word a run of particles leads to.
    fn particle_run_to_cap(&self, mut i: usize) -> Option<usize> {
        let sentence = self.units.sentence(i);
        while i < self.units.len() && self.is_particle_unit(i) && self.units.sentence(i) == sentence
        {
            i += 1;
        }
        (i < self.units.len() && self.units.cap(i) && self.units.sentence(i) == sentence)
            .then_some(i)
    }

    /// The longest known name starting at unit `i`, as (end unit, entry); computed once per
    /// unit in [`Pass::compute_known_at`].
    fn known_at(&self, i: usize) -> Option<(usize, &'static Known)> {
        self.known.at(i)
    }

    fn compute_known_at(
        &self,
        i: usize,
        buffers: &mut WalkBuffers<'a>,
    ) -> Option<(usize, &'static Known)> {
        let g: &'static Gazetteer = &GAZETTEER;
        if self.units.kind(i) != Kind::Word || g.capital_starts && !self.units.cap(i) {
            return None;
        }
        // Most capitalised words start no known name: their classes, stored, say so without
        // building a key to look up (or the unit, its text sliced, to ask).
        if !self.units.is(i, KNOWN_START) {
            return None;
        }
        let first = &self.units.at(i);
        let mut best = None;
        let mut walk = g.walk(buffers);
        let mut j = i;
        while j < self.units.len() && walk.words_taken() < g.max_tokens {
            let u = &self.units.at(j);
            if u.sentence != first.sentence
                || u.kind == Kind::Other && !matches!(u.text, "," | "." | "&")
            {
                break;
            }
            if u.kind == Kind::Other && u.start() < first.start() {
                break;
            }
            j += 1;
            let known = if j == i + 1 {
                walk.start(u.text, first.classes())
            } else {
                walk.step(u.text)
            };
            if let Some(known) = known {
                if u.text.chars().next().is_some_and(char::is_alphanumeric) {
                    best = Some((j, known));
                }
            }
            if u.closes || !walk.goes_on() {
                break;
            }
        }
        let (end, known) = best?;
        // A one-letter name (the platform `X`) needs its context: `on X`, `platform X`.
        if known.tokens.len() == 1 && known.tokens[0].chars().count() == 1 {
            let prev = self.prev_word(i).unwrap_or_default();
            if !matches!(&*prev, "on" | "platform" | "network" | "app") {
                return None;
            }
        }
        Some((end, known))
    }

    fn prev_word(&self, i: usize) -> Option<Cow<'a, str>> {
        let p = self.units.get(i.checked_sub(1)?)?;
        (p.kind == Kind::Word && p.sentence == self.units.sentence(i)).then(|| p.lower())
    }

    fn next_word(&self, end: usize) -> Option<Cow<'a, str>> {
        let n = self.units.get(end)?;
        (n.kind == Kind::Word).then(|| n.lower())
    }

    /// A capitalised word on the word lists `heads` (`ORG_HEAD`, `PLACE_HEAD`).
    fn is_head(&self, u: &Unit, heads: u16) -> bool {
        u.cap() && u.is(heads)
    }

    /// The end (exclusive) of the chunk starting at `i`.
    fn chunk_end(&self, i: usize) -> usize {
        let sentence = self.units.sentence(i);
        let mut j = i;
        loop {
            if j >= self.units.len() || self.units.sentence(j) != sentence {
                return j;
            }
            if let Some((end, _)) = self.known_at(j) {
                j = end;
            } else if self.units.cap(j) {
                j += 1;
            } else if let Some(cap) = self.particle_run_to_cap(j).filter(|_| j == i) {
                j = cap + 1;
            } else {
                return j;
            }
            if self.units.closes(j - 1)
                || j >= self.units.len()
                || self.units.sentence(j) != sentence
            {
                return j;
            }
            // The stored flag answers before the units are built.
            if self.units.cap(j) {
                continue;
            }
            let prev = &self.units.at(j - 1);
            let next = &self.units.at(j);
            // Small words inside a name.
            let word = next.text;
            let after = j + 1;
            let cap_after = self
                .units
                .get(after)
                .is_some_and(|u| u.cap() && u.sentence == sentence);
            let joins = match word {
                "of" | "for" | "on" => {
                    let head = prev.cap() && prev.is(ORG_HEAD | PLACE_HEAD | TITLE);
                    let the_after = self.units.get(after).is_some_and(|u| u.text == "the")
                        && self.units.get(after + 1).is_some_and(|u| u.cap());
                    if head && the_after {
                        j += 1; // `of the` + capital: the loop continues after `the`
                        true
                    } else {
                        head && cap_after && (word == "of" || self.is_head(prev, ORG_HEAD))
                    }
                }
                // `Food and Drug Administration`, but not `Banco Santander and Deutsche Bank`:
                // only one word (after an optional country) may stand before `and`.
                "and" | "&" => {
                    let first = if self.units.is(i, NOT_NAME) { i + 1 } else { i };
                    let left = j - first;
                    let prefixed = left == 2
                        && (self.units.is(first, DEMONYM) || self.is_place_or_org_unit(first));
                    let inside_of = (first..j).any(|k| {
                        self.units.at(k).text == "of"
                            && k > first
                            && self.is_head(&self.units.at(k - 1), ORG_HEAD)
                    });
                    cap_after
                        && (inside_of
                            || (left == 1 || prefixed)
                                && !self.is_head(prev, ORG_HEAD)
                                && self.run_ends_with_org_head(after))
                }
                "to" => cap_after && prev.with_lower(|l| TO_TITLES.contains(&l)),
                w if is_particle(w) => {
                    self.particle_run_to_cap(j).is_some() && !self.is_place_or_org_unit(j - 1)
                }
                _ => false,
            };
            if !joins {
                return j;
            }
            j = match self.particle_run_to_cap(j) {
                Some(cap) if is_particle(word) => cap,
                _ => j + 1,
            };
        }
    }

    fn is_place_or_org_unit(&self, i: usize) -> bool {
        GAZETTEER.lookup(&[self.units.at(i).text]).is_some()
    }

    /// Whether the capitalised run starting at `i` ends in an organisation head word.
    fn run_ends_with_org_head(&self, i: usize) -> bool {
        let mut j = i;
        while j < self.units.len() && self.units.cap(j) && !self.units.closes(j) {
            j += 1;
        }
        if j < self.units.len() && self.units.cap(j) {
            j += 1;
        }
        j > i && self.is_head(&self.units.at(j - 1), ORG_HEAD)
    }

    /// Types the chunk `[a, b)` and records its mentions.
    fn analyze(&mut self, a: usize, b: usize) {
        // Several words in capitals inside a mixed-case paragraph are shouting (`WE HAVE A
        // DEAL`): like a headline, only known names count.
        let shouting = b - a >= 2
            && self
                .units
                .range(a..b)
                .all(|u| !u.text.chars().any(char::is_lowercase))
            && self.units.range(a..b).filter(|u| u.all_caps()).count() >= 2;
        let mut a = a;
        // Leading function words and sentence-initial common words are not part of a name.
        while a < b {
            let u = &self.units.at(a);
            let starts_name = self.known_at(a).is_some_and(|(end, _)| end <= b)
                || u.is(TITLE | HONORIFIC)
                || u.is(TITLE_MODIFIER) && (a + 1..b.min(a + 4)).any(|h| self.units.is(h, TITLE));
            let common = || u.is(NOT_NAME) || u.is(DEMONYM) && a + 1 == b;
            // The article-wide scan last: it costs the most.
            let unknown_initial = || {
                u.initial
                    && !u.is(FIRST_NAME)
                    && !self.people.words.contains(u.text)
                    && u.with_lower(|lower| self.lowercase_words.contains(lower))
            };
            let leading = !starts_name && (common() || unknown_initial());
            if !leading {
                break;
            }
            a += 1;
        }
        if a >= b {
            return;
        }
        // Operation names (`Operation Southern Spear`) are events, which the schema lacks.
        if self.units.at(a).text == "Operation" && a + 1 < b {
            return;
        }
        let (title, rest) = self.title_prefix(a, b);
        let headline = self.headline[self.units.paragraph(&self.units.at(a))] || shouting;
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
            if let Some((first, h)) = self.inner_title(a, b) {
                let title = self.doc.text[self.units.start(a)..self.units.end(h)].to_string();
                self.segment(a, first, headline);
                self.emit_person(h + 1, b, "entities.person.title", Some(title));
                return;
            }
        }
        self.segment(a, b, headline);
    }

    /// The first and last title heads inside `[a, b)` with a name after them and a known name
    /// or a head-word name before them.
    fn inner_title(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let first = (a + 1..b.saturating_sub(1)).find(|&h| {
            let u = &self.units.at(h);
            u.cap() && u.is(TITLE)
        })?;
        let before_known = self.known_at(a).is_some_and(|(end, _)| end == first)
            || self.is_head(&self.units.at(first - 1), ORG_HEAD);
        // `Secretary General`: a title of several heads.
        let mut h = first;
        while h + 2 < b && self.units.is(h + 1, TITLE) {
            h += 1;
        }
        let mut name = self.units.range(h + 1..b);
        let name_ok = b - (h + 1) <= 4
            && name.clone().all(|u| u.cap() || is_particle(u.text))
            && !name.any(|u| u.is(ORG_HEAD | PLACE_HEAD));
        (before_known && name_ok).then_some((first, h))
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
        // The pair a word starts (`prime minister`), lower-cased into one buffer, for the few
        // words that start a two-word title.
        let mut pair = String::new();
        while k < b {
            let u = &self.units.at(k);
            if let Some(n) = self
                .units
                .get(k + 1)
                .filter(|_| k + 1 < b && u.is(TITLE_PAIR_START))
            {
                pair.clear();
                push_lower(&mut pair, u.text);
                pair.push(' ');
                push_lower(&mut pair, n.text);
                if g.titles.contains(pair.as_str()) {
                    k += 2;
                    head_end = Some(k);
                    continue;
                }
            }
            if u.is(TITLE | HONORIFIC) {
                k += 1;
                head_end = Some(k);
                continue;
            }
            // Only ASCII lower-cases to `prime`.
            if u.is(TITLE_MODIFIER | DEMONYM) || u.text.eq_ignore_ascii_case("prime") {
                k += 1;
                continue;
            }
            // `Farm Minister`, `Health Secretary`: a capitalised portfolio before a head word.
            if head_end.is_none()
                && u.cap()
                && (k + 1..b.min(k + 3)).any(|h| self.units.is(h, TITLE))
                && self.known_at(k).is_none()
                && !u.is(FIRST_NAME)
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
                let text = &self.doc.text[self.units.start(a)..self.units.end(end - 1)];
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
                continue;
            }
            // `LDP Secretary-General`: an acronym inside a title is its organisation.
            let u = &self.units.at(k);
            let title_word = u.is(TITLE);
            if u.all_caps()
                && u.text.chars().count() <= 6
                && !title_word
                && !self.headline[self.units.paragraph(u)]
            {
                self.emit(k, k + 1, EntityType::Org, "entities.org.acronym", None);
            }
            k += 1;
        }
    }

    /// Splits `[a, b)` into known names, head-word names and unknown runs, and types each.
    fn segment(&mut self, a: usize, b: usize, headline: bool) {
        let g = &*GAZETTEER;

        // A name headed by an organisation or place word takes the whole run, country prefix
        // included (`Mexican Foreign Ministry`, `US Customs and Border Protection`).
        if !headline && b - a >= 2 {
            let last = &self.units.at(b - 1);
            let first = &self.units.at(a);
            let of_second = self
                .units
                .get(a + 1)
                .is_some_and(|u| matches!(u.text, "of" | "for" | "on"));
            // `National Institute of Allergy and Infectious Diseases`: a head before `of`.
            let head_of = (a..b - 1).any(|k| {
                self.is_head(&self.units.at(k), ORG_HEAD)
                    && matches!(self.units.at(k + 1).text, "of" | "for" | "on")
            });
            let whole_known = self.known_at(a).is_some_and(|(end, _)| end == b);
            if !whole_known {
                let org_tail = self.known_org_suffix(a, b);
                let head_first = self.is_head(first, ORG_HEAD)
                    && (of_second
                        || b - a == 2
                            && !self.units.is(a + 1, FIRST_NAME)
                            && !self.people.words.contains(self.units.at(a + 1).text));
                if self.is_head(last, ORG_HEAD) || head_first || head_of || org_tail.is_some() {
                    let canonical = org_tail.map(|k| k.canonical.as_str());
                    self.emit(a, b, EntityType::Org, "entities.org.head_word", canonical);
                    return;
                }
                if self.is_head(last, PLACE_HEAD) || self.is_head(first, PLACE_HEAD) && of_second {
                    self.emit(a, b, EntityType::Place, "entities.place.head_word", None);
                    return;
                }
            }
        }
        let mut k = a;
        let mut after_known = false;
        while k < b {
            let u = &self.units.at(k);
            if u.kind != Kind::Word || !u.cap() && !is_particle(u.text) {
                k += 1;
                continue;
            }
            // `the Times`, once the article has named The New York Times.
            if let Some(outlet) = self.short_outlet(k) {
                self.emit_outlet_short(k, outlet);
                k += 1;
                continue;
            }
            // A surname seen with a given name wins over a list place (`Jordan` after `Michael
            // Jordan`), but a given name alone stays a place (`flew to Austin`).
            // The set last of the word's own tests: most words asked end no run.
            let surname = k + 1 == b
                && !u.is(FIRST_NAME)
                && self.people.words.contains(u.text)
                && !self.prev_word(k).is_some_and(|p| LOCATIVES.contains(&&*p));
            if let Some((end, known)) = self.known_at(k).filter(|(end, _)| *end <= b) {
                // `Austin Powers`, `Jordan Peterson`: a given name that is also a place, before
                // an unknown capitalised word, starts a person's name.
                let given_first = end == k + 1
                    && u.is(FIRST_NAME)
                    && k + 1 < b
                    && self.units.cap(k + 1)
                    && self.known_at(k + 1).is_none()
                    && !self.units.is(k + 1, DEMONYM);
                if !(given_first || surname && end == k + 1 && k == a) {
                    self.emit_known(k, end, known, "entities.gazetteer");
                    k = end;
                    // `Google Maps`, `Mexico Closes`: an unknown word glued after a known name
                    // is a product or a headline word, not a new name.
                    after_known = true;
                    continue;
                }
            }
            if u.is(DEMONYM) {
                k += 1;
                after_known = true;
                continue;
            }
            if k + 1 < b
                && u.is(DEMONYM_PAIR_START)
                && g.is_demonym(&format!("{} {}", u.text, self.units.at(k + 1).text))
            {
                k += 2;
                after_known = true;
                continue;
            }
            // An unknown run: up to the next known name, demonym or joining word.
            let mut e = k + 1;
            while e < b {
                let v = &self.units.at(e);
                if v.kind == Kind::Word
                    && matches!(v.text, "of" | "and" | "for" | "on" | "to" | "the")
                    || self.known_at(e).is_some_and(|(end, _)| end <= b)
                    || v.is(DEMONYM)
                {
                    break;
                }
                e += 1;
            }
            // `Asian Cup`, `British lamb`: a nationality before an unknown name makes an event
            // or product name, which the schema does not type.
            let typed = if after_known && !self.people.words.contains(u.text) {
                None
            } else {
                self.type_unknown(k, e, headline)
            };
            after_known = false;
            if typed.is_none() && headline && e - k > 1 {
                // A Title Case headline runs names into common words (`Macron Vows Reform`):
                // keep the single words known to be people.
                for w in k..e {
                    let word = self.units.at(w).text;
                    if GAZETTEER.figures.contains_key(word) || self.people.words.contains(word) {
                        self.emit_person(w, w + 1, "entities.person.known_name", None);
                    }
                }
            }
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
    fn known_org_suffix(&self, a: usize, b: usize) -> Option<&'static Known> {
        let mut k = a;
        let mut prefixed = false;
        while k < b {
            let u = &self.units.at(k);
            if u.is(DEMONYM) {
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

    fn short_outlet(&self, k: usize) -> Option<&'static str> {
        let u = &self.units.at(k);
        // The outlets' last words first: few words are one, and the word before is lowered.
        let outlet = self.outlets.iter().rev().find(|o| {
            o.strip_suffix(u.text)
                .is_some_and(|rest| rest.ends_with(' '))
                && o.split_whitespace().count() > 1
        })?;
        (self.prev_word(k)? == "the").then_some(*outlet)
    }

    /// Types an unknown capitalised run.
    fn type_unknown(&self, a: usize, b: usize, headline: bool) -> Option<Typed> {
        let g = &*GAZETTEER;
        let first = &self.units.at(a);
        let n = b - a;
        let text = &self.doc.text[first.start()..self.units.end(b - 1)];
        let all_known_people = self
            .units
            .range(a..b)
            .all(|u| self.people.words.contains(u.text));
        if all_known_people {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.known_name",
            ));
        }
        // `D-Mass.`, `R-Texas`: a US legislator's party and state, not a name.
        let party_state = matches!(first.text.get(..2), Some("D-" | "R-" | "I-"))
            && first.text[2..].starts_with(|c: char| c.is_ascii_uppercase());
        if n == 1 && party_state {
            return None;
        }
        if n == 1 && g.figures.contains_key(first.text) {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.known_figure",
            ));
        }
        let given = first.is(FIRST_NAME);
        if given && (2..=4).contains(&n) {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.given_name",
            ));
        }
        // Dateline: capitals opening a paragraph, before a dash or comma (`SAN JOSE —`).
        let paragraph = &self.doc.paragraphs[self.units.paragraph(first)];
        let paragraph_start = paragraph.start;
        let dateline = self.units.range(a..b).all(|u| u.all_caps())
            && self.doc.text[paragraph.clone()].contains(char::is_lowercase)
            && self.doc.text[paragraph_start..first.start()]
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
            && self.doc.text[paragraph_start..self.units.start(a - 1)]
                .trim()
                .is_empty();
        if byline && (2..=4).contains(&n) {
            return Some(Typed::Kind(EntityType::Person, "entities.person.byline"));
        }
        if self.results[self.units.paragraph(first)] {
            return Some(Typed::Kind(EntityType::Org, "entities.org.results_line"));
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
        // `Penguin Random House`, `Human Rights Watch`: a name ending in a word the article
        // also uses in lower case is an institution or brand; surnames rarely are.
        if n >= 2
            && self
                .units
                .at(b - 1)
                .with_lower(|l| self.lowercase_words.contains(l))
        {
            return Some(Typed::Kind(
                EntityType::Org,
                "entities.org.common_word_name",
            ));
        }
        // `the Commission said` is an institution: a person's name takes no article.
        if prev != "the" && SPEECH_VERBS.contains(&&*next) || prev == "said" || prev == "says" {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.speech_verb",
            ));
        }
        // `Ishiba, 68, told reporters`: an age in commas follows a person.
        let age = self.units.get(b).is_some_and(|u| u.text == ",")
            && self
                .units
                .get(b + 1)
                .is_some_and(|u| u.text.len() <= 3 && u.text.chars().all(|c| c.is_ascii_digit()))
            && self.units.get(b + 2).is_some_and(|u| u.text == ",");
        if age {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.speech_verb",
            ));
        }
        if n == 1 && PERSON_NOUNS.contains(&&*next) {
            return Some(Typed::Kind(
                EntityType::Person,
                "entities.person.speech_verb",
            ));
        }
        if first.initial
            && n == 1
            && !self
                .inner_capitals
                .contains(&self.units, &self.headline, first.text)
        {
            return None;
        }
        if n == 1 && LOCATIVES.contains(&&*prev) {
            return Some(Typed::Kind(EntityType::Place, "entities.place.locative"));
        }
        // `in Santa Cruz`: a short unknown name after a preposition of place.
        if (2..=3).contains(&n)
            && prev != "at"
            && LOCATIVES.contains(&&*prev)
            && !first.is(FIRST_NAME)
        {
            return Some(Typed::Kind(EntityType::Place, "entities.place.locative"));
        }
        // `economists at Capital Economics`: several words after `at` name a workplace.
        if n >= 2 && prev == "at" && !first.is(FIRST_NAME) {
            return Some(Typed::Kind(EntityType::Org, "entities.org.after_at"));
        }
        // `Bovine Spongiform Encephalopathy`, `Affordable Care Act`: common-noun endings
        // mark diseases, laws and doctrines, not people.
        let common_noun = n >= 2
            && self.units.range(a..b).any(|u| {
                let w = u.lower();
                w.len() > 5 && NOUN_ENDINGS.iter().any(|e| w.ends_with(e)) || w == "act"
            });
        if common_noun {
            return None;
        }
        if (2..=4).contains(&n)
            && self
                .units
                .range(a..b)
                .all(|u| u.cap() || is_particle(u.text))
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
            self.units.start(a),
            self.units.end(b - 1),
            EntityType::Person,
            rule,
        );
        if let Some(title) = title {
            m.details_mut().titles.push(title);
        }
        self.out.push(m);
    }

    fn emit(
        &mut self,
        a: usize,
        b: usize,
        kind: EntityType,
        rule: &'static str,
        canonical: Option<&'static str>,
    ) {
        let mut m = Mention::new(self.units.start(a), self.units.end(b - 1), kind, rule);
        if let Some(canonical) = canonical {
            m.set_listed(canonical);
        }
        self.out.push(m);
    }

    fn emit_known(&mut self, a: usize, b: usize, known: &'static Known, rule: &'static str) {
        let mut start = self.units.start(a);
        let end = self.units.end(b - 1);
        let mut rule = rule;
        if known.outlet {
            let prenominal = self
                .next_word(b)
                .is_some_and(|w| PUBLICATION_NOUNS.contains(&&*w));
            let has_the = self.units.at(a).lower() == "the";
            if has_the && prenominal && b > a + 1 {
                start = self.units.start(a + 1);
            } else if !has_the
                && !prenominal
                && known.canonical.starts_with("The ")
                && a > 0
                && self.units.at(a - 1).text == "The"
                && self.units.sentence(a - 1) == self.units.sentence(a)
            {
                start = self.units.start(a - 1);
            }
            rule = "entities.org.outlet";
            if !self.outlets.contains(&known.canonical.as_str()) {
                self.outlets.push(&known.canonical);
            }
        }
        let mut m = Mention::new(start, end, known.kind, rule);
        m.set_listed(&known.canonical);
        self.out.push(m);
    }

    fn emit_outlet_short(&mut self, k: usize, outlet: &'static str) {
        let b = k + 1;
        let prenominal = self
            .next_word(b)
            .is_some_and(|w| PUBLICATION_NOUNS.contains(&&*w));
        // Only a capital `The` is part of the name (`The Times said`).
        let start = if prenominal || self.units.at(k - 1).text != "The" {
            self.units.start(k)
        } else {
            self.units.start(k - 1)
        };
        let mut m = Mention::new(
            start,
            self.units.end(k),
            EntityType::Org,
            "entities.org.outlet_short",
        );
        m.set_listed(outlet);
        self.out.push(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asking only the next capitalised unit and the particles just before it finds the chunk
    /// start that asking every unit in turn finds, from every unit of texts thick with
    /// particles, capitals and sentence ends.
    #[test]
    fn next_chunk_start_is_the_first_unit_that_starts_one() {
        let pieces = [
            "de ",
            "la ",
            "von ",
            "der ",
            "y ",
            "Fuente ",
            "Word ",
            "word ",
            "Da ",
            "al-",
            ". ",
            "\n",
            "“",
            "Mr. ",
            "US-Mexico ",
            "é ",
        ];
        let texts = crate::test_inputs::seeds_and_texts(61, 3_000, 16, &pieces);
        let (mut particle_starts, mut asked) = (0, 0);
        for text in &texts {
            let doc = Document::new(text);
            // The fields the chunk starts read: the units.
            let pass = Pass {
                doc: &doc,
                units: words::units(&doc, &[]),
                people: People {
                    words: Default::default(),
                },
                lowercase_words: LowerCaseWords::new(doc.text, &doc.tokens),
                inner_capitals: InnerCapitals::new(doc.tokens.len()),
                headline: Vec::new(),
                results: Vec::new(),
                outlets: Vec::new(),
                known: KnownNames::default(),
                out: Vec::new(),
            };
            // From the back: the first start at or after each unit.
            let mut want = None;
            for from in (0..=pass.units.len()).rev() {
                if from < pass.units.len() && pass.starts_chunk(from) {
                    want = Some(from);
                    particle_starts += usize::from(!pass.units.cap(from));
                }
                assert_eq!(pass.next_chunk_start(from), want, "from {from} in {text:?}");
                asked += 1;
            }
        }
        assert!(
            particle_starts > 500 && asked > 20_000,
            "{particle_starts} {asked}"
        );
    }

    /// The mask never turns a particle away, and takes nothing else.
    #[test]
    fn is_particle_is_membership() {
        let mut words: Vec<String> = PARTICLES.iter().map(|p| p.to_string()).collect();
        for p in PARTICLES {
            words.push(p.to_uppercase());
            words.push(format!("{p}s"));
            words.push(p[1..].to_string());
        }
        words
            .extend(["", "a", "d", "dx", "vonn", "ÿ", "é", "der\u{301}", "bins"].map(String::from));
        for w in &words {
            assert_eq!(is_particle(w), PARTICLES.contains(&w.as_str()), "{w:?}");
        }
    }

    /// The bits and their ranks answer as searching the names for one starting at the unit
    /// does, at every unit of lists of every density, and past the last unit.
    #[test]
    fn known_names_bits_are_the_search() {
        let entry: &'static Known = GAZETTEER.phrases.values().next().unwrap();
        let mut rng = crate::test_inputs::Rng::new(7);
        for _ in 0..2_000 {
            let units = rng.below(300);
            let step = 1 + rng.below(12);
            let mut found = Vec::new();
            for start in 0..units {
                if rng.below(step) == 0 {
                    found.push((start, start + 1 + rng.below(3), entry));
                }
            }
            let known = KnownNames::new(units, found.clone());
            for i in 0..units + 70 {
                let plain = found
                    .iter()
                    .find(|&&(start, ..)| start == i)
                    .map(|&(_, end, known)| (end, known));
                assert_eq!(known.at(i), plain, "{i} of {units}");
            }
        }
    }

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
