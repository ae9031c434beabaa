//! The sourcing profile: who speaks in an article and how much, how they are introduced, and
//! what stance their words and the writer's carry. A pure function of the text and its
//! [`Analysis`]; it holds counts only, no spans, so offset conversion leaves it alone.
//!
//! - Speakers are grouped by their voice key (the entity id, or `speaker:` + their name, see
//!   [`crate::cues::voice`]) and ranked by share of voice: the words of the quotes they are
//!   the innermost speaker of (a nested quote's words go to its own speaker, not the outer one).
//! - Totals split the article's words into quoted text (innermost quote direct or partial),
//!   reported speech (innermost quote indirect) and the writer's own.
//!
//! Words are whitespace-separated chunks holding a letter or digit; a word belongs to a quote
//! when its first letter or digit lies inside the quote's span.
//!
//! # Example
//! ```
//! let text = "“We will never accept it,” Claudia Sheinbaum said. Talks could resume.";
//! let analysis = newslens::annotate(text);
//! let table = newslens::profile::render_table(&analysis.profile);
//! assert!(table.contains("Writer's own cues"));
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, CueCategory, QuoteKind};
use crate::cues::voice::{push_speaker_key, Voices, UNATTRIBUTED, WRITER};
use crate::text::{is_letter_or_digit, Document, TokenKind, BYTE_CLASS, DIGIT, MULTI, SPACE};

/// The sourcing profile of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile<'a> {
    /// Speakers, ranked by share of voice (then by first quote).
    pub speakers: Vec<SpeakerProfile<'a>>,
    /// Counts over the whole article.
    pub totals: Totals,
    /// Cues outside every quote, by category.
    pub writer_cues: BTreeMap<CueCategory, usize>,
    /// Cues inside quotes with no speaker, by category.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unattributed_cues: BTreeMap<CueCategory, usize>,
}

/// One speaker's part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpeakerProfile<'a> {
    /// The voice key that cues carry for this speaker: its entity id, shared like the cues'.
    pub key: Cow<'static, str>,
    /// The speaker's name or description, borrowed as the speaker's is.
    pub name: Cow<'a, str>,
    /// The entity id, when the speaker is one.
    pub entity: Option<Cow<'static, str>>,
    /// True for unnamed sources: the quotes layer calls them anonymous and the article names no
    /// entity for them (`three people familiar with the matter`).
    pub anonymous: bool,
    /// True for a named institution speaking (`The New York Times`, `White House`): collective
    /// for the quotes layer, but named.
    pub organisation: bool,
    /// Words of their quotes (nested quotes of others excluded).
    pub words: usize,
    /// `words` over all attributed quotes' words, 0 to 1.
    pub share_of_voice: f64,
    /// Direct quotes.
    pub direct: usize,
    /// Partial quotes.
    pub partial: usize,
    /// Indirect (reported) quotes.
    pub indirect: usize,
    /// The attribution verbs used for them, by lemma, in order of first use.
    pub verbs: Vec<VerbUse>,
    /// Stance cues inside their quotes, by category.
    pub cues: BTreeMap<CueCategory, usize>,
}

/// How often one attribution verb introduces a speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbUse {
    /// The dictionary form (`say`, `warn`).
    pub lemma: Cow<'static, str>,
    /// False for verbs that frame the speaker.
    pub neutral: bool,
    /// How many quotes it introduces.
    pub count: usize,
}

/// Counts over the article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// All quotes.
    pub quotes: usize,
    /// Quotes whose speaker is named (a person or an institution).
    pub named_quotes: usize,
    /// Quotes whose speaker is unnamed.
    pub anonymous_quotes: usize,
    /// Quotes with no speaker.
    pub unattributed_quotes: usize,
    /// Words in the article.
    pub words: usize,
    /// Words whose innermost quote is direct or partial.
    pub quoted_words: usize,
    /// Words whose innermost quote is indirect.
    pub reported_words: usize,
    /// The rest: the writer's own words.
    pub writer_words: usize,
    /// `quoted_words / words`, 0 to 1.
    pub quoted_share: f64,
    /// `writer_words / words`, 0 to 1.
    pub writer_share: f64,
}

/// Byte offsets of each word's first letter or digit, as [`word_positions_by_chars`] defines
/// them, for [`build`], which has only the text ([`build_in`] reads them off the tokens).
/// Every byte of the article comes through here: it skips to the next letter or digit,
/// then to the whitespace that ends the word, classing ASCII (nearly all of news text) by the
/// tokenizer's byte table without decoding a character.
fn word_positions(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        // The curly quotes and dashes of news text are answered without the Unicode tables.
        let start = find_char(text, from, is_letter_or_digit, |class| class <= DIGIT)?;
        let past_printable = skip_printable(text.as_bytes(), start);
        from = find_char(text, past_printable, char::is_whitespace, |class| {
            class == SPACE
        })
        .unwrap_or(text.len());
        Some(start)
    })
}

/// The offset of the first byte from `i` on that is not printable ASCII (`!` to DEL): none of
/// those is whitespace or opens a character to decode, so a word's end is looked for past them,
/// which are most of a word, eight bytes at a time.
fn skip_printable(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte's high bit is set in `stops` when it is 0x80 or more, or under 0x21 (the
        // subtraction borrows). A borrow carries only into the bytes after it, so the first
        // byte marked is the first that stops.
        let stops = (word.wrapping_sub(ONES * 0x21) | word) & (ONES * 0x80);
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .take_while(|&&b| (0x21..0x80).contains(&b))
        .count()
}

/// The offset of the first character from byte `from` on for which `is` holds; `is_class` is
/// the same question of an ASCII byte's [`BYTE_CLASS`].
#[inline]
fn find_char(
    text: &str,
    from: usize,
    is: impl Fn(char) -> bool,
    is_class: impl Fn(u8) -> bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&byte) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(byte)];
        if class != MULTI {
            if is_class(class) {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text[i..].chars().next()?;
            if is(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// [`word_positions`] by definition, one character at a time.
#[cfg(test)]
fn word_positions_by_chars(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut seen_alnum = false;
    text.char_indices().filter_map(move |(i, c)| {
        if c.is_whitespace() {
            seen_alnum = false;
            return None;
        }
        let starts = !seen_alnum && c.is_alphanumeric();
        seen_alnum |= starts;
        starts.then_some(i)
    })
}

/// [`word_positions`] read off the tokens of `doc`, which hold every character but the
/// whitespace: a word is a run of tokens with nothing between them, and starts at its first
/// token that is a word or number, or a mark that is a letter or digit (`½`). A few
/// instructions a token, where reading the text was a few a byte.
fn token_word_positions<'d>(doc: &'d Document) -> impl Iterator<Item = usize> + 'd {
    let mut last_end = usize::MAX;
    let mut seen_alnum = false;
    doc.tokens.iter().filter_map(move |token| {
        if token.start() != last_end {
            seen_alnum = false;
        }
        last_end = token.end();
        if seen_alnum {
            return None;
        }
        seen_alnum = match token.kind {
            TokenKind::Word | TokenKind::Number => true,
            TokenKind::Punct => doc.text[token.start()..]
                .chars()
                .next()
                .is_some_and(is_letter_or_digit),
        };
        seen_alnum.then_some(token.start())
    })
}

/// Builds the profile of `analysis`, whose spans are byte offsets into `text`.
pub fn build<'a>(text: &str, analysis: &Analysis<'a>) -> Profile<'a> {
    build_from(word_positions(text), analysis)
}

/// [`build`] for the analysis of `doc`, whose tokens give its words' positions.
pub(crate) fn build_in<'a>(doc: &Document, analysis: &Analysis<'a>) -> Profile<'a> {
    build_from(token_word_positions(doc), analysis)
}

/// [`build`] with the positions of the text's words, in order.
fn build_from<'a>(words: impl Iterator<Item = usize>, analysis: &Analysis<'a>) -> Profile<'a> {
    let quotes = &analysis.quotes;
    let mut speakers: Vec<SpeakerProfile<'a>> = Vec::new();
    let mut index: BTreeMap<Cow<'static, str>, usize> = BTreeMap::new();
    let mut key = String::new();
    let mut totals = Totals {
        quotes: quotes.len(),
        ..Totals::default()
    };
    // The speaker row of each quote (None: no speaker).
    let mut row_of: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    for quote in quotes {
        let Some(speaker) = &quote.speaker else {
            totals.unattributed_quotes += 1;
            row_of.push(None);
            continue;
        };
        // An entity means the article names the speaker, even a collective one.
        let anonymous = speaker.anonymous && speaker.entity.is_none();
        if anonymous {
            totals.anonymous_quotes += 1;
        } else {
            totals.named_quotes += 1;
        }
        // Most quotes are of a speaker already seen: the key is written over the last one, and
        // copied only for a new speaker without an entity (into the index, whence it moves to
        // the speaker's row at the end); an entity id is shared.
        key.clear();
        push_speaker_key(&mut key, speaker);
        let row = match index.get(key.as_str()) {
            Some(&row) => row,
            None => {
                let owned = speaker.entity.clone().unwrap_or_else(|| key.clone().into());
                index.insert(owned, speakers.len());
                speakers.push(SpeakerProfile {
                    name: speaker.name.clone(),
                    entity: speaker.entity.clone(),
                    anonymous,
                    organisation: speaker.anonymous && !anonymous,
                    ..SpeakerProfile::default()
                });
                speakers.len() - 1
            }
        };
        let profile = &mut speakers[row];
        match quote.kind {
            QuoteKind::Direct => profile.direct += 1,
            QuoteKind::Partial => profile.partial += 1,
            QuoteKind::Indirect => profile.indirect += 1,
        }
        if let Some(cue) = &quote.cue {
            match profile.verbs.iter_mut().find(|v| v.lemma == cue.lemma) {
                Some(verb) => verb.count += 1,
                None => profile.verbs.push(VerbUse {
                    lemma: cue.lemma.clone(),
                    neutral: cue.neutral,
                    count: 1,
                }),
            }
        }
        row_of.push(Some(row));
    }
    // Each word goes to the innermost quote holding it, found in one sweep over the words in
    // order (see `voice::Voices`): near-linear however many quotes there are, and nothing is
    // held for each word.
    let mut voices = Voices::new(quotes);
    for position in words {
        totals.words += 1;
        let Some(q) = voices.at(position) else {
            totals.writer_words += 1;
            continue;
        };
        // A word in a quote inside an indirect clause is quoted text: the innermost decides.
        if quotes[q].kind == QuoteKind::Indirect {
            totals.reported_words += 1;
        } else {
            totals.quoted_words += 1;
        }
        if let Some(row) = row_of[q] {
            speakers[row].words += 1;
        }
    }
    let attributed: usize = speakers.iter().map(|s| s.words).sum();
    for speaker in &mut speakers {
        speaker.share_of_voice = ratio(speaker.words, attributed);
    }
    totals.quoted_share = ratio(totals.quoted_words, totals.words);
    totals.writer_share = ratio(totals.writer_words, totals.words);
    let mut writer_cues = BTreeMap::new();
    let mut unattributed_cues = BTreeMap::new();
    for cue in &analysis.cues {
        let counts = if cue.voice == WRITER {
            &mut writer_cues
        } else if cue.voice == UNATTRIBUTED {
            &mut unattributed_cues
        } else if let Some(&row) = index.get(cue.voice.as_ref()) {
            &mut speakers[row].cues
        } else {
            continue;
        };
        *counts.entry(cue.category).or_insert(0) += 1;
    }
    for (key, row) in index {
        speakers[row].key = key;
    }
    // Stable sort: equal shares keep the order of first quote.
    crate::sort::by_key(&mut speakers, |s| std::cmp::Reverse(s.words));
    Profile {
        speakers,
        totals,
        writer_cues,
        unattributed_cues,
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The category's name as in the JSON (`loaded_attribution`).
fn category_name(category: CueCategory) -> &'static str {
    match category {
        CueCategory::Hedge => "hedge",
        CueCategory::Booster => "booster",
        CueCategory::Refusal => "refusal",
        CueCategory::Support => "support",
        CueCategory::LoadedAttribution => "loaded_attribution",
        CueCategory::AnonymousSource => "anonymous_source",
        CueCategory::Evaluative => "evaluative",
    }
}

fn cue_list(cues: &BTreeMap<CueCategory, usize>) -> String {
    if cues.is_empty() {
        return "-".to_string();
    }
    cues.iter()
        .map(|(c, n)| format!("{} {n}", category_name(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

/// The profile as a plain-text table for a terminal: one row per speaker, then the totals and
/// the writer's own cues. Loaded attribution verbs are marked with `!`.
pub fn render_table(profile: &Profile) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<30} {:>6} {:>5} {:>6} {:>7} {:>8}  {:<9} {:<28} {}\n",
        "Speaker",
        "Share",
        "Words",
        "Direct",
        "Partial",
        "Indirect",
        "Source",
        "Verbs",
        "Cues in quotes"
    ));
    for s in &profile.speakers {
        let verbs = if s.verbs.is_empty() {
            "-".to_string()
        } else {
            s.verbs
                .iter()
                .map(|v| {
                    format!(
                        "{}{}×{}",
                        v.lemma,
                        if v.neutral { "" } else { "!" },
                        v.count
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "{:<30} {:>5.1}% {:>5} {:>6} {:>7} {:>8}  {:<9} {:<28} {}\n",
            shorten(&s.name, 30),
            s.share_of_voice * 100.0,
            s.words,
            s.direct,
            s.partial,
            s.indirect,
            match (s.anonymous, s.organisation) {
                (true, _) => "anonymous",
                (false, true) => "named org",
                (false, false) => "named",
            },
            shorten(&verbs, 28),
            cue_list(&s.cues),
        ));
    }
    if profile.speakers.is_empty() {
        out.push_str("(no attributed quotes)\n");
    }
    let t = &profile.totals;
    out.push_str(&format!(
        "\nQuotes: {} ({} named, {} anonymous, {} unattributed)\n",
        t.quotes, t.named_quotes, t.anonymous_quotes, t.unattributed_quotes
    ));
    out.push_str(&format!(
        "Words: {} — quoted {:.1}%, reported {:.1}%, writer's own {:.1}%\n",
        t.words,
        t.quoted_share * 100.0,
        ratio(t.reported_words, t.words) * 100.0,
        t.writer_share * 100.0
    ));
    out.push_str(&format!(
        "Writer's own cues: {}\n",
        cue_list(&profile.writer_cues)
    ));
    if !profile.unattributed_cues.is_empty() {
        out.push_str(&format!(
            "Cues in unattributed quotes: {}\n",
            cue_list(&profile.unattributed_cues)
        ));
    }
    out.push_str("(verbs marked ! are loaded attribution)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::voice::speaker_key;
    use crate::test_inputs::{seeds, CASES};

    /// The byte-wise scan finds the words the definition does, in news text, in every hostile
    /// input and around every kind of space, letter and digit.
    #[test]
    fn word_positions_agree_with_their_definition() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        let mixed = "a\u{85}b\u{a0}c\u{1680}d\u{2000}e\u{200a}f\u{2028}g\u{202f}h\u{3000}i \
                     \u{b}j\u{1c}k\u{1f}l — «ça» ٣ 😀x ’tis Ⅻ ½ İ ß";
        let mut texts = vec![every_ascii, mixed.to_string()];
        // Words of every length around the eight-byte steps, ended by every kind of byte.
        let mut rng = crate::test_inputs::Rng::new(13);
        let pieces = [
            "a",
            "Z",
            "7",
            "!",
            "~",
            "\u{7f}",
            "\u{1}",
            "\t",
            " ",
            "\n",
            "é",
            "\u{a0}",
            "said,",
            "long-standing",
            "x",
        ];
        for _ in 0..200 {
            texts.push(rng.text(&pieces, 60));
        }
        texts.extend(seeds());
        texts.extend(CASES.iter().map(|(_, case)| case(2000)));
        for text in &texts {
            let fast: Vec<usize> = word_positions(text).collect();
            let slow: Vec<usize> = word_positions_by_chars(text).collect();
            assert_eq!(fast, slow, "{text:?}");
            let doc = Document::new(text);
            let from_tokens: Vec<usize> = token_word_positions(&doc).collect();
            assert_eq!(from_tokens, slow, "{text:?}");
        }
    }

    /// Each speaker's row carries the key of its own quotes' speaker (the keys move from the
    /// index to the rows at the end), and there is one row for each key.
    #[test]
    fn speaker_rows_carry_their_keys() {
        for text in seeds() {
            let analysis = crate::annotate(&text);
            let profile = build(&text, &analysis);
            let speakers: Vec<&crate::analysis::Speaker> = analysis
                .quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .collect();
            for row in &profile.speakers {
                assert!(
                    speakers.iter().any(|s| s.name == row.name
                        && s.entity == row.entity
                        && speaker_key(Some(s)) == row.key),
                    "{row:?}"
                );
            }
            let mut keys: Vec<String> = speakers
                .iter()
                .map(|s| speaker_key(Some(s)).into_owned())
                .collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), profile.speakers.len());
        }
    }
}
