//! The result of [`annotate`](crate::annotate): plain data, serialisable to the JSON format
//! documented in `docs/FORMAT.md`.
//!
//! Every span here is a byte range into the annotated text until [`crate::offsets`] converts it;
//! `text` is always exactly the slice `[start, end)`. Field order is the JSON order.

use std::borrow::Cow;

use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::profile::Profile;

/// The version of the JSON format. Bump it when a field changes meaning or disappears.
pub const FORMAT_VERSION: u32 = 1;

/// A span of the input with its text.
///
/// The text borrows from the input, which the caller holds anyway: an article has hundreds of
/// spans (quotes, speakers' mentions, every entity mention, every cue), and a copy of each was
/// a fifth of an annotation's allocations and a tenth of its output's heap. An analysis read
/// back from JSON owns its texts instead, and [`TextSpan::into_owned`] detaches a span from the
/// input it was found in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan<'a> {
    /// Offset of the first unit (bytes in Rust; UTF-16 units or code points once converted).
    pub start: usize,
    /// Offset one past the last unit.
    pub end: usize,
    /// Exactly the input's slice `[start, end)`.
    pub text: Cow<'a, str>,
}

impl<'a> TextSpan<'a> {
    /// The span `[start, end)` of `input`, in bytes, borrowing its text.
    ///
    /// # Panics
    /// When the range is out of bounds or not on character boundaries: that is a bug in a rule,
    /// never a property of the input.
    pub fn new(input: &'a str, start: usize, end: usize) -> TextSpan<'a> {
        TextSpan {
            start,
            end,
            text: Cow::Borrowed(&input[start..end]),
        }
    }

    /// The span with its own copy of the text, free of the input's lifetime.
    pub fn into_owned(self) -> TextSpan<'static> {
        TextSpan {
            start: self.start,
            end: self.end,
            text: Cow::Owned(self.text.into_owned()),
        }
    }
}

/// Ids numbered below this are slices of [`QUOTE_IDS`] and [`ENTITY_IDS`]: an article seldom
/// has more quotes or entities, and each of its ids (and every copy of one: a nested quote's
/// parent, a speaker's entity, a cue's voice) was an allocation.
const TABLED: usize = 100;

/// The length of `q1q2…q99`: nine ids of one digit and ninety of two, each after its prefix.
const TABLE_LEN: usize = 9 * 2 + 90 * 3;

/// `prefix` followed by each number from 1 below [`TABLED`], in order: `q1q2…q99`.
const fn id_table(prefix: u8) -> [u8; TABLE_LEN] {
    let mut table = [0; TABLE_LEN];
    let (mut at, mut number) = (0, 1);
    while number < TABLED {
        table[at] = prefix;
        at += 1;
        if number >= 10 {
            table[at] = b'0' + (number / 10) as u8;
            at += 1;
        }
        table[at] = b'0' + (number % 10) as u8;
        at += 1;
        number += 1;
    }
    table
}

const QUOTE_ID_BYTES: [u8; TABLE_LEN] = id_table(b'q');
const ENTITY_ID_BYTES: [u8; TABLE_LEN] = id_table(b'e');
/// `q1q2…q99`: the quote ids numbered below [`TABLED`].
const QUOTE_IDS: &str = match std::str::from_utf8(&QUOTE_ID_BYTES) {
    Ok(ids) => ids,
    Err(_) => panic!("ids are ASCII"),
};
/// `e1e2…e99`: the entity ids numbered below [`TABLED`].
const ENTITY_IDS: &str = match std::str::from_utf8(&ENTITY_ID_BYTES) {
    Ok(ids) => ids,
    Err(_) => panic!("ids are ASCII"),
};

/// An id: `prefix` and `number` (`q1`, `e12`), as `format!` writes it. Quote and entity ids
/// below [`TABLED`] are borrowed from their table; others are built without the formatting
/// machinery and with no spare capacity, since ids stay in the output for its lifetime.
pub(crate) fn numbered_id(prefix: char, number: usize) -> Cow<'static, str> {
    let table = match prefix {
        'q' => QUOTE_IDS,
        'e' => ENTITY_IDS,
        _ => "",
    };
    if (1..TABLED).contains(&number) && !table.is_empty() {
        // Ids of one digit take 2 bytes of the table, then of two digits 3 bytes.
        let (start, len) = if number < 10 {
            ((number - 1) * 2, 2)
        } else {
            (9 * 2 + (number - 10) * 3, 3)
        };
        return Cow::Borrowed(&table[start..start + len]);
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(prefix.len_utf8() + digits.len() - at);
    id.push(prefix);
    id.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
    Cow::Owned(id)
}

/// Everything NewsLens found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis<'a> {
    /// The JSON format's version, [`FORMAT_VERSION`].
    pub version: u32,
    /// Quotations in order of their start.
    pub quotes: Vec<Quote<'a>>,
    /// Entity clusters, one per referent, in order of first mention.
    pub entities: Vec<Entity<'a>>,
    /// Stance cues in order of their start.
    pub cues: Vec<Cue<'a>>,
    /// The sourcing profile: speakers by share of voice, totals, the writer's own cues. Counts
    /// only, no spans.
    #[serde(default)]
    pub profile: Profile<'a>,
}

/// How a quotation is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full utterance in quote marks.
    Direct,
    /// A quoted fragment built into the writer's own sentence.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

/// One quotation: what was said, by whom, introduced how.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Quote<'a> {
    /// `q1`, `q2`, … in order of start (borrowed from a table of ids, up to `q99`).
    pub id: Cow<'static, str>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The content, without quote marks (indirect: the reported clause).
    #[serde(flatten)]
    pub span: TextSpan<'a>,
    /// Who said it, when the article says (or lets us infer) who.
    pub speaker: Option<Speaker<'a>>,
    /// The attribution verb or phrase.
    pub cue: Option<AttributionCue<'a>>,
    /// The id of the innermost quote that contains this one.
    pub nested_in: Option<Cow<'static, str>>,
    /// The rule that found the quote. Rule ids are fixed strings, borrowed like
    /// [`Cue::rule`].
    pub rule: Cow<'static, str>,
    /// The rule that attributed it, when it has a speaker.
    pub attribution_rule: Option<Cow<'static, str>>,
}

/// Who a quote is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker<'a> {
    /// The canonical name (the fullest form in the article) or, for unnamed sources, the
    /// description (`a U.S. official`). Borrowed like [`Entity::name`]; owned when built (a
    /// description without its determiner).
    pub name: Cow<'a, str>,
    /// The id of the entity cluster, when the speaker is one.
    pub entity: Option<Cow<'static, str>>,
    /// The mention that attributes the quote: a name, a pronoun, a role noun or a description.
    pub mention: Option<TextSpan<'a>>,
    /// True for unnamed and collective sources.
    pub anonymous: bool,
    /// How the mention was resolved: `name`, `pronoun`, `role`, `description`, `continuation`.
    /// A fixed word, borrowed.
    pub resolution: Cow<'static, str>,
}

/// The attribution verb or phrase of a quote.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AttributionCue<'a> {
    /// Where it stands.
    #[serde(flatten)]
    pub span: TextSpan<'a>,
    /// Its dictionary form (`said` → `say`, `told reporters` → `tell`), borrowed from the list
    /// of verbs.
    pub lemma: Cow<'static, str>,
    /// False for verbs that frame the speaker (`boasted`, `claimed`, `insisted`).
    pub neutral: bool,
}

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A named person.
    Person,
    /// Agencies, institutions, companies, parties, outlets, courts, cartels, armies.
    Org,
    /// Countries, cities, regions, states, bodies of water, named facilities.
    Place,
    /// Temporal expressions.
    Date,
    /// Numeric expressions.
    Number,
}

/// A date's ISO value or a number's parsed value: in JSON a string or a number, as
/// `serde_json::Value` would write them, but only these three. Its own type: the wasm modules
/// then carry no code for JSON objects and arrays they never write (840 bytes of the reader's
/// download gzipped, 4.8 KB of the compare page's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EntityValue {
    /// A date's ISO form (`2025-08-08`, `2025-08`, `2025`), or in a comparison the words of a
    /// number that has no value.
    Text(String),
    /// A whole number (`6072`).
    Integer(i64),
    /// A number with a fraction (`2.5`).
    Real(f64),
}

impl std::fmt::Display for EntityValue {
    /// As JSON: a string quoted and escaped, a number as written.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let json = serde_json::to_string(self).map_err(|_| std::fmt::Error)?;
        f.write_str(&json)
    }
}

/// One referent and every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity<'a> {
    /// `e1`, `e2`, … in order of first mention (borrowed from a table of ids, up to `e99`).
    pub id: Cow<'static, str>,
    /// The entity's type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The canonical name: the fullest form in the article, or a gazetteer's name. Borrowed
    /// from the text or the gazetteer; owned only when built (an acronym's expansion).
    pub name: Cow<'a, str>,
    /// Every mention, in order.
    pub mentions: Vec<TextSpan<'a>>,
    /// Titles and roles the article gives a person (`Secretary of State`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// A date's ISO value or a number's parsed value, when clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<EntityValue>,
    /// A number's unit (`percent`, `USD`, `people`), when clear: one of a fixed few, borrowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Cow<'static, str>>,
    /// The rule that found the first mention (a fixed id, borrowed).
    pub rule: Cow<'static, str>,
}

/// A stance category, exactly as in the annotation guidelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueCategory {
    /// Uncertainty and distance: reportedly, appears, could.
    Hedge,
    /// Certainty and emphasis: absolutely, firmly, never.
    Booster,
    /// Refusals and denials: ruled out, rejected, declined to comment.
    Refusal,
    /// Cooperation and praise: welcomed, cooperate, backed.
    Support,
    /// Attribution verbs that frame the speaker: boasted, claimed, insisted.
    LoadedAttribution,
    /// Unnamed sources and anonymity formulas.
    AnonymousSource,
    /// Loaded or emotive evaluation: disastrous, blindsided.
    Evaluative,
}

/// One stance cue.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Cue<'a> {
    /// The category.
    pub category: CueCategory,
    /// Where it stands.
    #[serde(flatten)]
    pub span: TextSpan<'a>,
    /// The rule (or lexicon) that found it. Rule ids are fixed strings, so a found cue borrows
    /// its id instead of holding a copy.
    pub rule: Cow<'static, str>,
    /// Whose voice: `writer` outside every quote; inside a quote, its speaker's entity id, or
    /// for a speaker without an entity `speaker:` + their name in lower case with other
    /// characters than letters and digits turned into `-` (`speaker:a-u-s-official`), or
    /// `unattributed` when the quote has no speaker. See `cues::voice`. Borrowed for `writer`
    /// and `unattributed`.
    pub voice: Cow<'static, str>,
}

// Quotes and cues are written by hand, with their span's fields in line: derived with
// `#[serde(flatten)]`, each was written as a map, through a slower path than a struct's in every
// serialiser (an article's JSON 60 K instructions slower through `crate::json`). Reading them
// back stays derived; the robustness tests' round trip (`check_round_trip` in tests/robust) holds
// the two to each other, and `crate::json`'s tests the output to serde_json's.

/// The fields of `span`, in line in the struct being written.
fn span_fields<S: SerializeStruct>(fields: &mut S, span: &TextSpan) -> Result<(), S::Error> {
    fields.serialize_field("start", &span.start)?;
    fields.serialize_field("end", &span.end)?;
    fields.serialize_field("text", &span.text)
}

impl Serialize for Quote<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Quote", 10)?;
        fields.serialize_field("id", &self.id)?;
        fields.serialize_field("kind", &self.kind)?;
        span_fields(&mut fields, &self.span)?;
        fields.serialize_field("speaker", &self.speaker)?;
        fields.serialize_field("cue", &self.cue)?;
        fields.serialize_field("nested_in", &self.nested_in)?;
        fields.serialize_field("rule", &self.rule)?;
        fields.serialize_field("attribution_rule", &self.attribution_rule)?;
        fields.end()
    }
}

impl Serialize for AttributionCue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("AttributionCue", 5)?;
        span_fields(&mut fields, &self.span)?;
        fields.serialize_field("lemma", &self.lemma)?;
        fields.serialize_field("neutral", &self.neutral)?;
        fields.end()
    }
}

impl Serialize for Cue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Cue", 6)?;
        fields.serialize_field("category", &self.category)?;
        span_fields(&mut fields, &self.span)?;
        fields.serialize_field("rule", &self.rule)?;
        fields.serialize_field("voice", &self.voice)?;
        fields.end()
    }
}

impl<'a> Analysis<'a> {
    /// Calls `f` on every span in the analysis: the one place that knows where spans live, so
    /// that offset conversion cannot miss one. A field holding a span must be visited here.
    pub fn visit_spans_mut(&mut self, f: &mut dyn FnMut(&mut TextSpan<'a>)) {
        for quote in &mut self.quotes {
            f(&mut quote.span);
            if let Some(mention) = quote.speaker.as_mut().and_then(|s| s.mention.as_mut()) {
                f(mention);
            }
            if let Some(cue) = &mut quote.cue {
                f(&mut cue.span);
            }
        }
        for entity in &mut self.entities {
            for mention in &mut entity.mentions {
                f(mention);
            }
        }
        for cue in &mut self.cues {
            f(&mut cue.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_id_is_the_formatted_number_borrowed_or_without_spare_room() {
        for number in (0..2_000).chain([9_999, 10_000, 99_999, 100_000, usize::MAX]) {
            for prefix in ['q', 'e', 'x'] {
                let id = numbered_id(prefix, number);
                assert_eq!(id, format!("{prefix}{number}"));
                let tabled = prefix != 'x' && (1..TABLED).contains(&number);
                match id {
                    Cow::Borrowed(_) => assert!(tabled, "{prefix}{number}"),
                    Cow::Owned(id) => {
                        assert!(!tabled, "{prefix}{number}");
                        assert_eq!(id.capacity(), id.len(), "{number}");
                    }
                }
            }
        }
    }
}
