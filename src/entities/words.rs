//! The text as the name finder sees it: words with possessive `’s` cut off, hyphenated names
//! split where a part is a known name (`US-Mexico`), initials with their dot (`W.`), and
//! abbreviations with theirs (`Mr.`, `Inc.`); plus two article-wide views built from them:
//! which paragraphs are headlines or results lines, and which words already name a person.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use super::gazetteer::{class, WalkBuffers, GAZETTEER};
use super::Mention;
use crate::text::{lower, with_lower, Document, RangeCursor, Token, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Other,
}

/// A word of the text as names see it: possessive `’s` cut off, hyphenated names like
/// `US-Mexico` split into their parts, an initial's dot attached (`W.`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit<'a> {
    pub(super) text: &'a str,
    start: u32,
    pub(super) sentence: u32,
    pub(super) kind: Kind,
    /// Ends in a possessive or a hyphen to the next part: the chunk must end here.
    pub(super) closes: bool,
    /// The first word of its sentence.
    pub(super) initial: bool,
    /// Its word-list classes ([`super::gazetteer::Gazetteer::classes_of`]), when [`Units`]
    /// has them: for the capitalised words, which the name finder asks most.
    classes: Option<u16>,
}

/// A [`Unit`] as [`Units`] keeps it: its text as 32-bit offsets, its flags as bits and its
/// paragraph as its sentence's, so 16 bytes instead of 40. There is one for every token of the
/// article, and this list is the name finder's largest allocation.
#[derive(Clone, Copy, Debug)]
struct Stored {
    start: u32,
    end: u32,
    sentence: u32,
    /// [`WORD`], [`CLOSES`], [`INITIAL`], [`CAP`] ([`Unit::cap`], asked of most units
    /// several times) and [`MAY_SPLIT`].
    flags: u8,
    /// [`Unit::classes`] of a capitalised word; 0 for the others, looked up when asked.
    classes: u16,
}

const _: () = assert!(std::mem::size_of::<Stored>() == 16);

const WORD: u8 = 1;
const CLOSES: u8 = 1 << 1;
const INITIAL: u8 = 1 << 2;
const CAP: u8 = 1 << 3;
/// [`Unit::may_split`], set by [`units`] on the words it kept whole: the only ones [`resplit`]
/// may split, found without building each capitalised unit to ask.
const MAY_SPLIT: u8 = 1 << 4;

impl From<Unit<'_>> for Stored {
    #[inline(always)]
    fn from(unit: Unit<'_>) -> Stored {
        let cap = unit.cap();
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        Stored {
            start: unit.start,
            end: unit.end() as u32,
            sentence: unit.sentence,
            flags: flag(unit.kind == Kind::Word, WORD)
                | flag(unit.closes, CLOSES)
                | flag(unit.initial, INITIAL)
                | flag(cap, CAP),
            classes: if cap {
                unit.classes
                    .unwrap_or_else(|| GAZETTEER.classes_of(unit.text))
            } else {
                0
            },
        }
    }
}

/// The article's units, in order.
pub(super) struct Units<'a> {
    text: &'a str,
    stored: Vec<Stored>,
    /// The paragraph of each sentence: sentences lie within paragraphs, and a document has
    /// far fewer of them than units.
    sentence_paragraphs: Vec<u32>,
    /// A bit for each capitalised unit: names start at them, and the passes that look only at
    /// them skip the rest of the text (seven units in eight, in news). Bits rather than
    /// indexes: a list of indexes raised the layer's peak heap (seed 002, 6.04x to 6.12x the
    /// text); the bits are a 128th of `stored`'s size, and leave it where it was.
    caps: Vec<u64>,
}

impl<'a> Units<'a> {
    #[inline]
    fn with_capacity(doc: &Document<'a>, capacity: usize) -> Units<'a> {
        let mut paragraphs = RangeCursor::new(&doc.paragraphs);
        Units {
            text: doc.text,
            stored: Vec::with_capacity(capacity),
            sentence_paragraphs: doc
                .sentences
                .iter()
                .map(|s| paragraphs.index_of(s.start) as u32)
                .collect(),
            caps: vec![0; capacity.div_ceil(64)],
        }
    }

    // Always: left a call once it kept the list of capitals too, it cost the name finder some
    // 60 K instructions an article more than inlined into the loop over the tokens.
    #[inline(always)]
    fn push(&mut self, unit: Unit<'a>) {
        let stored = Stored::from(unit);
        if stored.flags & CAP != 0 {
            self.mark_cap(self.stored.len());
        }
        self.stored.push(stored);
    }

    /// Pushes `token` as a unit that is no word (a mark, a number, a word a date took), as
    /// [`Units::push`] would: nothing asks its text here, so it is not sliced from the text
    /// (its ends checked to fall on characters), which cost as much as the rest of its turn.
    #[inline(always)]
    fn push_other(&mut self, token: &Token, sentence: usize, initial: bool) {
        self.stored.push(Stored {
            start: token.start() as u32,
            end: token.end() as u32,
            sentence: sentence as u32,
            flags: if initial { INITIAL } else { 0 },
            classes: 0,
        });
    }

    /// Sets the bit of unit `i` in [`Units::caps`].
    #[inline]
    fn mark_cap(&mut self, i: usize) {
        if i / 64 >= self.caps.len() {
            self.caps.resize(i / 64 + 1, 0);
        }
        self.caps[i / 64] |= 1 << (i % 64);
    }

    /// The indexes of the capitalised units, in order.
    #[inline]
    pub(super) fn caps(&self) -> Caps<'_> {
        self.caps_from(0)
    }

    /// The indexes of the capitalised units from unit `from` on, in order.
    #[inline]
    pub(super) fn caps_from(&self, from: usize) -> Caps<'_> {
        let word = from / 64;
        let mut words = self.caps.get(word..).unwrap_or_default().iter();
        // The bits of the units before `from` in its word are dropped.
        let bits = words.next().map_or(0, |&bits| bits & !0 << (from % 64));
        Caps {
            words,
            end: (word + 1) * 64,
            bits,
        }
    }

    /// `word` split at its hyphens (`US-Mexico` → `US`, `Mexico`).
    fn push_parts(&mut self, word: Unit<'a>) {
        for piece in parts(self.text, word) {
            self.push(piece);
        }
    }

    #[inline]
    pub(super) fn len(&self) -> usize {
        self.stored.len()
    }

    /// The index of the paragraph of the unit `unit`.
    #[inline]
    pub(super) fn paragraph(&self, unit: &Unit) -> usize {
        self.sentence_paragraphs[unit.sentence as usize] as usize
    }

    /// Unit `i`.
    #[inline]
    pub(super) fn at(&self, i: usize) -> Unit<'a> {
        let s = self.stored[i];
        Unit {
            text: &self.text[s.start as usize..s.end as usize],
            start: s.start,
            sentence: s.sentence,
            kind: self.kind(i),
            closes: s.flags & CLOSES != 0,
            initial: s.flags & INITIAL != 0,
            classes: (s.flags & CAP != 0).then_some(s.classes),
        }
    }

    // Cheaper than `at(i).field` where the hot loops read one field: no text to slice.

    #[inline]
    pub(super) fn sentence(&self, i: usize) -> u32 {
        self.stored[i].sentence
    }

    #[inline]
    pub(super) fn cap(&self, i: usize) -> bool {
        self.stored[i].flags & CAP != 0
    }

    /// `at(i).is(classes)`, without slicing the text for a capitalised word, whose classes
    /// are stored.
    #[inline]
    pub(super) fn is(&self, i: usize, classes: u16) -> bool {
        let s = self.stored[i];
        if s.flags & CAP != 0 {
            s.classes & classes != 0
        } else {
            self.at(i).is(classes)
        }
    }

    /// The classes of unit `i`, a capitalised word: stored, so read without a call of
    /// [`Units::is`] (which [`prescan`] made for each capitalised word twice, at the cost of
    /// the answer again).
    #[inline]
    pub(super) fn cap_classes(&self, i: usize) -> u16 {
        debug_assert!(self.cap(i), "unit {i} is capitalised");
        self.stored[i].classes
    }

    #[inline]
    pub(super) fn initial(&self, i: usize) -> bool {
        self.stored[i].flags & INITIAL != 0
    }

    /// The index of the paragraph of unit `i`.
    #[inline]
    pub(super) fn paragraph_of(&self, i: usize) -> usize {
        self.sentence_paragraphs[self.stored[i].sentence as usize] as usize
    }

    #[inline]
    pub(super) fn closes(&self, i: usize) -> bool {
        self.stored[i].flags & CLOSES != 0
    }

    #[inline]
    pub(super) fn kind(&self, i: usize) -> Kind {
        if self.stored[i].flags & WORD != 0 {
            Kind::Word
        } else {
            Kind::Other
        }
    }

    #[inline]
    pub(super) fn start(&self, i: usize) -> usize {
        self.stored[i].start as usize
    }

    #[inline]
    pub(super) fn end(&self, i: usize) -> usize {
        self.stored[i].end as usize
    }

    /// Unit `i`, if there is one.
    #[inline]
    pub(super) fn get(&self, i: usize) -> Option<Unit<'a>> {
        (i < self.len()).then(|| self.at(i))
    }

    /// The units in `range`.
    #[inline]
    pub(super) fn range(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl DoubleEndedIterator<Item = Unit<'a>> + Clone + '_ {
        range.map(|i| self.at(i))
    }

    /// Every unit.
    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = Unit<'a>> + Clone + '_ {
        self.range(0..self.len())
    }
}

/// The indexes of the capitalised units, read off [`Units::caps`]'s bits.
pub(super) struct Caps<'c> {
    words: std::slice::Iter<'c, u64>,
    /// The index past the units of the word `bits` came from.
    end: usize,
    /// The bits of that word not yet read.
    bits: u64,
}

impl Iterator for Caps<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.bits = *self.words.next()?;
            self.end += 64;
        }
        let bit = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.end - 64 + bit)
    }
}

impl<'a> Unit<'a> {
    /// Byte offset of the first character.
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset past the last character.
    pub(super) fn end(&self) -> usize {
        self.start() + self.text.len()
    }
    /// Makes it the bytes `start..end` of `text`, which hold it or more.
    fn set(&mut self, text: &'a str, start: usize, end: usize) {
        self.text = &text[start..end];
        self.start = start as u32;
        // Another word now: its classes are looked up anew.
        self.classes = None;
    }
    pub(super) fn cap(&self) -> bool {
        self.kind == Kind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }
    /// The word lower-cased, borrowed when it already is (most words of running text).
    pub(super) fn lower(&self) -> Cow<'a, str> {
        lower(self.text)
    }
    /// Calls `f` with the word lower-cased, as `f(&self.lower())` would, without allocating
    /// for a short ASCII word with capitals: the word-list lookups of capitalised words
    /// allocated some 600 copies an article.
    pub(super) fn with_lower<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        if self.text.bytes().any(|b| b.is_ascii_uppercase()) {
            with_lower(self.text, f)
        } else {
            f(&self.lower())
        }
    }
    /// The word lists the word is on ([`class`] bits).
    pub(super) fn classes(&self) -> u16 {
        self.classes
            .unwrap_or_else(|| GAZETTEER.classes_of(self.text))
    }
    /// Whether the word is on one of the word lists `classes` ([`class`] bits).
    pub(super) fn is(&self, classes: u16) -> bool {
        self.classes() & classes != 0
    }
    pub(super) fn all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }
}

/// The hyphens that join the parts of a name (`US-Mexico`).
const HYPHENS: [char; 3] = ['-', '‐', '‑'];

impl Unit<'_> {
    /// A capitalised word with a hyphen that stayed whole: the names the article knows may
    /// still split it (`Sheinbaum-Trump`).
    #[inline(always)]
    pub(super) fn may_split(&self) -> bool {
        // `‐` and `‑` are encoded with a leading 0xE2: a byte test rules out most words.
        self.cap()
            && self.text.bytes().any(|b| b == b'-' || b == 0xE2)
            && self.text.contains(HYPHENS)
    }
}

/// What the article tells us about people before typing: full names (from given names and
/// titles) and the single words that may refer back to them.
pub(super) struct People {
    pub(super) words: FxHashSet<String>,
}

/// The units of `doc`, skipping text `taken` (dates, numbers). Hyphenated words split where the
/// gazetteer knows a part; [`resplit`] splits more once the article's people are known.
#[cfg(test)]
pub(super) fn units<'a>(doc: &Document<'a>, taken: &[Mention]) -> Units<'a> {
    fill(reserve(doc), doc, taken)
}

/// An empty table with room for the units of `doc` (see [`fill`]).
pub(super) fn reserve<'a>(doc: &Document<'a>) -> Units<'a> {
    // Split hyphenated names add units: a little room for them keeps one split from doubling
    // a vector as long as the text has tokens (this is the layer's largest allocation).
    Units::with_capacity(doc, doc.tokens.len() + doc.tokens.len() / 16)
}

/// [`units`], written into `out`, a table from [`reserve`].
pub(super) fn fill<'a>(mut out: Units<'a>, doc: &Document<'a>, taken: &[Mention]) -> Units<'a> {
    let text = doc.text;
    let g = &*GAZETTEER;
    let mut claimed: Vec<(usize, usize)> = taken.iter().map(|m| (m.start, m.end)).collect();
    crate::sort::all(&mut claimed);
    // A span after every token: the tests below need not ask whether there is a next span.
    claimed.push((usize::MAX, usize::MAX));
    let mut next_claimed = 0;
    let mut sentences = RangeCursor::new(&doc.sentences);
    let mut prev_sentence = usize::MAX;
    // Whether the token before opens a quotation or follows a colon, kept from the last turn
    // rather than asked of it again.
    let mut after_opening = false;
    let mut i = 0;
    while i < doc.tokens.len() {
        let token = doc.tokens[i];
        let sentence = sentences.index_of(token.start());
        i += 1;
        // Claimed spans do not overlap, so their ends are sorted too, and tokens come in order:
        // the first claimed span not yet behind the token only ever moves on.
        while claimed[next_claimed].1 <= token.start() {
            next_claimed += 1;
        }
        let blocked = claimed[next_claimed].0 < token.end();
        let mark = punct(doc, &token);
        let opener = matches!(
            mark,
            Some('"' | '“' | '‘' | '\'' | '(' | '«' | '—' | '–' | '-' | '−')
        );
        let initial = (sentence != prev_sentence || after_opening) && !opener;
        // A quotation or a clause after a colon starts with a capital too: `he said, "Nobody
        // wants war."`, `His verdict: Nobody`. (A word is no mark, nor the dot it may take.)
        after_opening = matches!(mark, Some('"' | '“' | '‘' | '(' | '«' | ':'));
        if !opener {
            prev_sentence = sentence;
        }
        if blocked || token.kind != TokenKind::Word {
            out.push_other(&token, sentence, initial);
            continue;
        }
        let mut word = Unit {
            text: doc.token_text(&token),
            start: token.start() as u32,
            sentence: sentence as u32,
            kind: Kind::Word,
            closes: false,
            initial,
            classes: None,
        };
        // An initial: `W.` keeps its dot.
        if word.cap()
            && word.text.chars().nth(1).is_none()
            && doc
                .tokens
                .get(i)
                .is_some_and(|t| is_dot_at(doc, t, token.end()))
            && doc.tokens.get(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && doc.token_text(t).starts_with(char::is_uppercase)
                    && doc.paragraph_index(t.start()) == out.paragraph(&word)
            })
        {
            word.set(text, word.start(), word.end() + 1);
            i += 1;
        }
        // Honorifics, titles and company suffixes keep their dot: `Mr.`, `Sen.`, `Inc.`.
        if doc
            .tokens
            .get(i)
            .is_some_and(|t| is_dot_at(doc, t, word.end()))
        {
            // The dot follows the word directly, so the two are one slice of the text.
            if keeps_dot(&text[word.start()..word.end() + 1]) {
                word.set(text, word.start(), word.end() + 1);
                i += 1;
            }
        }
        // Possessive: `Sheinbaum’s` → `Sheinbaum`.
        // The last byte tells: `s` is never part of another character.
        let possessive = matches!(word.text.as_bytes().last(), Some(b's' | b'S'))
            .then(|| {
                ["’s", "'s", "’S", "'S"].into_iter().find(|suffix| {
                    word.text.len() > suffix.len() + 1 && word.text.ends_with(suffix)
                })
            })
            .flatten();
        if let Some(suffix) = possessive {
            word.set(text, word.start(), word.end() - suffix.len());
            word.closes = true;
        }
        // Hyphenated: split when a part is a known name or a nationality (`US-Mexico`,
        // `U.S.-Mexican`, `American-made`); keep `Abi-Habib`.
        let may_split = word.may_split();
        let split = may_split
            && !word.is(class::TITLE)
            && word
                .text
                .split(HYPHENS)
                .any(|p| g.lookup(&[p]).is_some() || g.is_demonym(p));
        if split {
            out.push_parts(word);
        } else {
            out.push(word);
            if may_split {
                // `resplit` asks only these again.
                out.stored.last_mut().expect("just pushed").flags |= MAY_SPLIT;
            }
        }
    }
    out
}

/// The character of a punctuation token (one character): matching it beats comparing the
/// token's text with each mark's, as the opener tests ask of every mark of the text.
#[inline]
fn punct(doc: &Document, token: &Token) -> Option<char> {
    if token.kind != TokenKind::Punct {
        return None;
    }
    // An ASCII mark is its first byte; only the others need decoding.
    match doc.text.as_bytes()[token.start()] {
        b if b.is_ascii() => Some(char::from(b)),
        _ => doc.text[token.start()..].chars().next(),
    }
}

/// Whether a word with its dot (`Mr.`, `Sen.`, `Inc.`, `St.`) is an honorific, a title or an
/// organisation head, or a saint or a son, and so keeps the dot. Its classes answer for the
/// three lists at once, where lower-casing it and looking it up in each cost twice as much;
/// the three abbreviations are ASCII, and nothing else lower-cases to them.
fn keeps_dot(dotted: &str) -> bool {
    GAZETTEER.classes_of(dotted) & (class::HONORIFIC | class::TITLE | class::ORG_HEAD) != 0
        || ["st.", "jr.", "sr."]
            .iter()
            .any(|short| dotted.eq_ignore_ascii_case(short))
}

/// Whether `token` is a full stop starting at byte `end` (where a word ends): asked after
/// nearly every word, so its one byte is read rather than its text sliced and compared.
#[inline]
fn is_dot_at(doc: &Document, token: &Token, end: usize) -> bool {
    token.start() == end && token.end() == end + 1 && doc.text.as_bytes()[end] == b'.'
}

/// `units` with the hyphenated words whose parts are all in `known` (`Sheinbaum-Trump`, once
/// both are known people) split too. Only such a word changes, so the rest stays where it is
/// rather than being worked out again from the tokens; the list grows in place, since two
/// lists as long as the text would double this layer's peak memory.
pub(super) fn resplit<'a>(mut units: Units<'a>, known: &FxHashSet<String>) -> Units<'a> {
    if known.is_empty() {
        return units;
    }
    // Splitting on the gazetteer already happened: what is left is `units`' last test.
    let splits =
        |word: &Unit| !word.is(class::TITLE) && word.text.split(HYPHENS).all(|p| known.contains(p));
    // Only a capitalised word with a hyphen splits ([`Unit::may_split`]): the bits of the
    // capitalised words pass over the rest, and their flags over those without one.
    let split: Vec<usize> = units
        .caps()
        .filter(|&i| units.stored[i].flags & MAY_SPLIT != 0 && splits(&units.at(i)))
        .collect();
    let Some(&first) = split.first() else {
        return units;
    };
    let extra: usize = split
        .iter()
        .map(|&i| units.at(i).text.split(HYPHENS).count() - 1)
        .sum();
    let old_len = units.len();
    units.stored.resize(old_len + extra, units.stored[0]);
    // From the back, each unit moves right by the parts added before it.
    let mut write = old_len + extra;
    let mut splitting = split.iter().rev().peekable();
    for i in (first..old_len).rev() {
        if splitting.next_if_eq(&&i).is_some() {
            let word = units.at(i);
            let pieces: Vec<Unit> = parts(units.text, word).collect();
            write -= pieces.len();
            for (k, piece) in pieces.into_iter().enumerate() {
                units.stored[write + k] = Stored::from(piece);
            }
        } else {
            write -= 1;
            units.stored[write] = units.stored[i];
        }
    }
    debug_assert_eq!(write, first);
    // The units after the first split moved: their capitals are counted anew.
    units.caps = vec![0; units.len().div_ceil(64)];
    for i in 0..units.len() {
        if units.cap(i) {
            units.mark_cap(i);
        }
    }
    units
}

/// `word` split at its hyphens (`US-Mexico` → `US`, `Mexico`): every part but the last
/// closes, as the hyphen ends a chunk.
fn parts<'a>(text: &'a str, word: Unit<'a>) -> impl Iterator<Item = Unit<'a>> {
    let mut offset = word.start();
    let mut pieces = word.text.split(HYPHENS).enumerate().peekable();
    std::iter::from_fn(move || {
        let (k, part) = pieces.next()?;
        let mut piece = word;
        piece.set(text, offset, offset + part.len());
        piece.initial = word.initial && k == 0;
        piece.closes = pieces.peek().is_some() || word.closes;
        offset = piece.end() + text[piece.end()..].chars().next().map_or(1, char::len_utf8);
        Some(piece)
    })
}

/// What kind of paragraph a paragraph is, for the name finder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Shape {
    /// A headline: three or more words, most longer ones capitalised, or all in capitals.
    pub(super) headline: bool,
    /// A sports results line or a table row (`Barnsley 1 Reading 1`): numbers and names,
    /// almost no lower-case words. Its names are teams, clubs and companies.
    pub(super) results: bool,
}

/// The [`Shape`] of `paragraph`, from one pass over its tokens: this runs for every paragraph.
pub(super) fn shape(doc: &Document, paragraph: &std::ops::Range<usize>) -> Shape {
    let (mut words, mut long, mut long_caps, mut lower, mut numbers) = (0, 0, 0, 0, 0);
    for t in doc.tokens_in(paragraph.clone()) {
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Word => {
                let (first_lower, first_upper, four_chars) = word_shape(doc, t);
                words += 1;
                lower += usize::from(first_lower);
                if four_chars {
                    long += 1;
                    long_caps += usize::from(first_upper);
                }
            }
            _ => {}
        }
    }
    let results = numbers >= 2 && lower <= 1;
    let text = doc.text[paragraph.clone()].trim_end();
    let all_caps = !text.chars().any(char::is_lowercase);
    // A sentence ends in a stop; a headline usually does not (short sentences look Title Case).
    let stop = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';']);
    let headline = if words < 3 || long < 3 || stop && !all_caps {
        all_caps && words >= 2
    } else {
        long_caps * 10 >= long * 7
    };
    Shape { headline, results }
}

/// What [`shape`] asks of a word token: whether it starts lower-case, whether it starts
/// upper-case, and whether it has four characters or more. Read off its bytes, and its
/// characters decoded only outside ASCII: [`shape`] asks of every word of the article, and
/// slicing the text into a `str` for each (the ends checked to fall on characters), then
/// testing the whole word for ASCII, cost more than the tests.
#[inline]
fn word_shape(doc: &Document, token: &Token) -> (bool, bool, bool) {
    let bytes = doc.token_bytes(token);
    let (first_lower, first_upper) = match bytes.first() {
        Some(b) if b.is_ascii() => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
        _ => {
            let first = doc.token_text(token).chars().next();
            (
                first.is_some_and(char::is_lowercase),
                first.is_some_and(char::is_uppercase),
            )
        }
    };
    // Four characters: never fewer bytes, and four ASCII bytes are four characters.
    let four_chars = match *bytes {
        [a, b, c, d, ..] => {
            u32::from_le_bytes([a, b, c, d]) & 0x8080_8080 == 0
                || doc.token_text(token).chars().nth(3).is_some()
        }
        _ => false,
    };
    (first_lower, first_upper, four_chars)
}

pub(super) fn prescan(units: &Units) -> People {
    let g = &*GAZETTEER;
    let mut words = FxHashSet::default();
    let mut caps = units.caps().peekable();
    while let Some(i) = caps.next() {
        let mut j = i;
        while j < units.len() && units.cap(j) && units.sentence(j) == units.sentence(i) {
            j += 1;
            if units.closes(j - 1) {
                break;
            }
        }
        // `Given Surname`, or a title or honorific before a name.
        for k in i..j {
            // Every unit of the run is capitalised.
            let classes = units.cap_classes(k);
            let cue = classes & (class::TITLE | class::HONORIFIC) != 0;
            let given = classes & class::FIRST_NAME != 0;
            if (cue || given) && k + 1 < j {
                // The name runs to the next known place or organisation.
                let mut stop = k + 1;
                while stop < j && stop < k + 4 && !starts_known(units, stop) {
                    stop += 1;
                }
                let mut rest = units.range(k + 1..stop);
                if given && rest.clone().all(|u| g.lookup(&[u.text]).is_none())
                    || cue
                        && stop - (k + 1) <= 3
                        && rest
                            .clone()
                            .all(|u| g.lookup(&[u.text]).is_none() && !u.is(class::TITLE))
                {
                    if let Some(last) = rest.next_back() {
                        words.insert(last.text.to_string());
                    }
                    if given {
                        words.insert(units.at(k).text.to_string());
                    }
                }
                break;
            }
        }
        // The next run starts at the first capital after this one.
        while caps.next_if(|&k| k < j).is_some() {}
    }
    People { words }
}

/// Whether a known place or organisation starts at unit `k`.
fn starts_known(units: &Units, k: usize) -> bool {
    let g = &*GAZETTEER;
    if !units.get(k).is_some_and(|u| u.is(class::KNOWN_START)) {
        return false;
    }
    let mut buffers = WalkBuffers::default();
    let mut walk = g.walk(&mut buffers);
    for u in units.range(k..units.len()).take(g.max_tokens) {
        if walk.step(u.text).is_some() {
            return true;
        }
        if !walk.goes_on() {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::EntityType;

    /// [`word_shape`] is the word's first character's own case and its count of characters,
    /// for ASCII and other words of every length.
    #[test]
    fn a_words_shape_is_its_chars() {
        let mut rng = crate::test_inputs::Rng::new(43);
        let pieces = [
            "a", "Z", "1", "é", "É", "ß", "ǅ", "Σ", "σ", "中", "ab", "Ab", "AB", "𝔸",
        ];
        let mut checked = 0;
        for _ in 0..3_000 {
            let word: String = (0..1 + rng.below(5))
                .map(|_| rng.pick(&pieces).to_string())
                .collect();
            let doc = Document::new(&word);
            for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
                let text = doc.token_text(t);
                let first = text.chars().next();
                let plain = (
                    first.is_some_and(char::is_lowercase),
                    first.is_some_and(char::is_uppercase),
                    text.chars().count() >= 4,
                );
                assert_eq!(word_shape(&doc, t), plain, "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 2_000, "{checked}");
    }

    /// A unit's paragraph, read through its sentence, is the paragraph its start lies in; its
    /// stored capital flag is its own test.
    #[test]
    fn a_units_paragraph_is_its_sentences() {
        let pieces = [
            "Word",
            "word",
            "I ",
            "Été ",
            "été ",
            ". ",
            "! ",
            "\n",
            "\n\n",
            " ",
            "“Quoted.” ",
            "Mr. ",
            "U.S. ",
            "-",
        ];
        let texts = crate::test_inputs::seeds_and_texts(31, 2_000, 20, &pieces);
        let mut checked = 0;
        for text in &texts {
            let doc = Document::new(text);
            let units = units(&doc, &[]);
            for (i, u) in units.iter().enumerate() {
                assert_eq!(
                    units.paragraph(&u),
                    doc.paragraph_index(u.start()),
                    "{text:?}"
                );
                // The name finder reads the stored flag where it has no unit at hand.
                assert_eq!(units.cap(i), u.cap(), "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// A punctuation token's character is its whole text, so matching the character finds the
    /// marks that comparing the token's text with theirs finds, and no other token is one.
    #[test]
    fn a_punctuation_tokens_character_is_its_text() {
        let marks = [
            "\"", "“", "‘", "'", "(", "«", "—", "–", "-", "−", ":", "”", "’", "…", "»", ")",
        ];
        let pieces = [
            "Word", "word", "'tis", "-", "--", "—", "1", "-2", "“", "''", "«", " ", ".", ":", "é",
            "’s", "\"", "(", "−5", "…",
        ];
        let texts = crate::test_inputs::seeds_and_texts(5, 2_000, 12, &pieces);
        let mut found = 0;
        for text in &texts {
            let doc = Document::new(text);
            for t in &doc.tokens {
                for mark in marks {
                    let plain = t.kind == TokenKind::Punct && doc.token_text(t) == mark;
                    let fast = punct(&doc, t).is_some_and(|c| mark.starts_with(c));
                    assert_eq!(fast, plain, "{mark:?} in {text:?}");
                    found += usize::from(plain);
                }
            }
        }
        assert!(found > 5_000, "{found}");
    }

    /// [`Units::push_other`] stores what [`Units::push`] stores of the same token as a unit
    /// that is no word, its text sliced, for tokens of every kind and script, first or not.
    #[test]
    fn push_other_is_push_of_the_unit() {
        let pieces = [
            "Word ", "word ", "É ", "é", "1", "20 ", ". ", "“", "—", "\n\n", " ",
        ];
        let texts = crate::test_inputs::seeds_and_texts(37, 1_000, 12, &pieces);
        let mut checked = 0;
        for text in &texts {
            let doc = Document::new(text);
            let (mut fast, mut plain) = (
                Units::with_capacity(&doc, doc.tokens.len()),
                Units::with_capacity(&doc, doc.tokens.len()),
            );
            for (k, token) in doc.tokens.iter().enumerate() {
                let (sentence, initial) = (doc.sentence_index(token.start()), k % 3 == 0);
                fast.push_other(token, sentence, initial);
                plain.push(Unit {
                    text: doc.token_text(token),
                    start: token.start() as u32,
                    sentence: sentence as u32,
                    kind: Kind::Other,
                    closes: false,
                    initial,
                    classes: None,
                });
            }
            let fields = |s: &Stored| (s.start, s.end, s.sentence, s.flags, s.classes);
            let fast: Vec<_> = fast.stored.iter().map(fields).collect();
            assert_eq!(
                fast,
                plain.stored.iter().map(fields).collect::<Vec<_>>(),
                "{text:?}"
            );
            checked += fast.len();
        }
        assert!(checked > 5_000, "{checked}");
    }

    /// [`keeps_dot`] is the three lists' own answer for the word lower-cased, or one of the
    /// three abbreviations, for listed words and others in every case and script.
    #[test]
    fn keeps_dot_is_the_lists_answer() {
        let g = &*GAZETTEER;
        let plain = |dotted: &str| {
            let lower = dotted.to_lowercase();
            g.honorifics.contains_key(&lower)
                || g.titles.contains(&lower)
                || g.org_heads.contains(&lower)
                || matches!(lower.as_str(), "st." | "jr." | "sr.")
        };
        let listed: Vec<&str> = (g.honorifics.keys())
            .chain(&g.titles)
            .chain(&g.org_heads)
            .map(String::as_str)
            .chain([
                "st", "jr", "sr", "ſt", "\u{212a}", "İnc", "é", "gen", "corp", "co",
            ])
            .collect();
        let mut rng = crate::test_inputs::Rng::new(29);
        let mut kept = 0;
        for _ in 0..5_000 {
            let mut word = listed[rng.below(listed.len())]
                .trim_end_matches('.')
                .to_string();
            match rng.below(4) {
                0 => word = word.to_uppercase(),
                1 => {
                    let mut chars = word.chars();
                    word = chars
                        .next()
                        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect());
                }
                2 => word.push_str(rng.pick(&["s", "é", "x"])),
                _ => {}
            }
            word.push('.');
            assert_eq!(keeps_dot(&word), plain(&word), "{word:?}");
            kept += usize::from(plain(&word));
        }
        assert!(kept > 400 && kept < 4_600, "{kept}");
    }

    /// [`is_dot_at`] is the token's text compared with a full stop, after every token.
    #[test]
    fn a_dot_is_its_text() {
        let pieces = [
            "Word", "W", ".", "..", "...", ".5", "5", ".com", "…", ". ", " ", "é", "Mr", "!", "?",
            ".",
        ];
        let texts = crate::test_inputs::seeds_and_texts(13, 2_000, 12, &pieces);
        let mut dots = 0;
        for text in &texts {
            let doc = Document::new(text);
            for pair in doc.tokens.windows(2) {
                for end in [pair[0].end(), pair[0].end() + 1, pair[1].start()] {
                    let plain = pair[1].start() == end && doc.token_text(&pair[1]) == ".";
                    assert_eq!(is_dot_at(&doc, &pair[1], end), plain, "{text:?}");
                    dots += usize::from(plain);
                }
            }
        }
        assert!(dots > 2_000, "{dots}");
    }

    /// A unit starts its sentence by the loop's definition: its token is no opening mark, and
    /// either its sentence is not that of the last unit before it that is no opening mark, or
    /// the token just before it opens a quotation or is a colon.
    #[test]
    fn initial_is_its_definition() {
        let pieces = [
            "Word ", "word ", "W", ". ", ".", "\"", "“", "‘", "'", "(", "«", "—", "–", "-", "−",
            ": ", ":", "Mr. ", "é ", "\n\n", "! ", "”", " ",
        ];
        let texts = crate::test_inputs::seeds_and_texts(31, 3_000, 14, &pieces);
        let opens = ["\"", "“", "‘", "'", "(", "«", "—", "–", "-", "−"];
        let after = ["\"", "“", "‘", "(", "«", ":"];
        let mut initials = 0;
        for text in &texts {
            let doc = Document::new(text);
            let units = units(&doc, &[]);
            let mut prev_sentence = usize::MAX;
            // The tokens the units start at, in order (a dot taken by a word starts none).
            let firsts = units.iter().filter(|u| {
                doc.tokens
                    .get(doc.token_at_or_after(u.start()))
                    .is_some_and(|t| t.start() == u.start())
            });
            for u in firsts {
                let k = doc.token_at_or_after(u.start());
                let is_mark = |k: usize, marks: &[&str]| {
                    doc.tokens[k].kind == TokenKind::Punct
                        && marks.contains(&doc.token_text(&doc.tokens[k]))
                };
                let opener = is_mark(k, &opens);
                let sentence = doc.sentence_index(u.start());
                let plain =
                    (sentence != prev_sentence || k > 0 && is_mark(k - 1, &after)) && !opener;
                if !opener {
                    prev_sentence = sentence;
                }
                assert_eq!(u.initial, plain, "{:?} in {text:?}", u.text);
                initials += usize::from(plain);
            }
        }
        assert!(initials > 5_000, "{initials}");
    }

    /// One pass finds the shapes that counting words, long words and their capitals, numbers
    /// and lower-case words one list at a time finds.
    #[test]
    fn a_shape_is_its_counts() {
        let plain = |doc: &Document, p: &std::ops::Range<usize>| {
            let tokens = doc.tokens_in(p.clone());
            let words: Vec<&str> = tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| doc.token_text(t))
                .collect();
            let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
            let text = doc.text[p.clone()].trim_end();
            let all_caps = !text.chars().any(char::is_lowercase);
            let stop = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';']);
            let headline = if words.len() < 3 || long.len() < 3 || stop && !all_caps {
                all_caps && words.len() >= 2
            } else {
                let caps = long.iter().filter(|w| w.starts_with(char::is_uppercase));
                caps.count() * 10 >= long.len() * 7
            };
            let numbers = tokens.iter().filter(|t| t.kind == TokenKind::Number);
            let lower = words.iter().filter(|w| w.starts_with(char::is_lowercase));
            let results = numbers.count() >= 2 && lower.count() <= 1;
            Shape { headline, results }
        };
        let pieces = [
            "Word", "word", "WORD", "Wor", "wor", "Émile", "émile", "Éva", "ÉVA", "Zoë", "zoë",
            "ΟΔΥ", "οδυσ", "1", "20", "3.5", ". ", "! ", ": ", "\n", " ", " ", " ", "“", "”", "-",
        ];
        let texts = crate::test_inputs::seeds_and_texts(7, 3_000, 16, &pieces);
        let (mut headlines, mut results) = (0, 0);
        for text in &texts {
            let doc = Document::new(text);
            for p in &doc.paragraphs {
                let want = plain(&doc, p);
                assert_eq!(shape(&doc, p), want, "{:?}", &text[p.clone()]);
                headlines += usize::from(want.headline);
                results += usize::from(want.results);
            }
        }
        assert!(headlines > 50 && results > 100, "{headlines} {results}");
    }

    /// `Unit::with_lower` and `push_lower` see what `Unit::lower` returns, for every kind of
    /// word.
    #[test]
    fn with_lower_is_lower() {
        let text = "The NATO chief, ÉMILE Zoé, met McDonald’s staff and Ångström at the \
                    Ministry-of-Defence in İstanbul; Averyveryverylongcapitalisedwordhere.";
        let doc = Document::new(text);
        let units = units(&doc, &[]);
        assert!(units.len() > 10);
        for u in units.iter() {
            assert_eq!(u.with_lower(str::to_string), u.lower(), "{:?}", u.text);
            // `names::Pass::title_prefix` lower-cases into a buffer.
            let mut pushed = String::new();
            crate::text::push_lower(&mut pushed, u.text);
            assert_eq!(pushed, u.lower(), "{:?}", u.text);
        }
    }

    /// A unit is a word exactly when its first token is one and no span taken before (dates,
    /// numbers) overlaps that token, for spans anywhere among the tokens.
    #[test]
    fn taken_spans_block_the_words_they_overlap() {
        let pieces = [
            "Word ", "word ", "May 5, ", "2024 ", "Mr. ", "é ", ". ", "\n",
        ];
        let mut rng = crate::test_inputs::Rng::new(11);
        let mut blocked = 0;
        for _ in 0..2_000 {
            let text = rng.text(&pieces, 16);
            let doc = Document::new(&text);
            // Spans that do not overlap, some over several tokens, some inside one.
            let mut taken = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let start = at + rng.below(8);
                let end = start + 1 + rng.below(8);
                if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end)
                {
                    break;
                }
                if rng.below(2) == 0 {
                    taken.push(Mention::new(start, end, EntityType::Date, "test"));
                }
                at = end;
            }
            let units = units(&doc, &taken);
            for u in units.iter() {
                let token = doc.tokens[doc.token_at_or_after(u.start())];
                let overlapped = taken
                    .iter()
                    .any(|m| m.start < token.end() && token.start() < m.end);
                let word = token.kind == TokenKind::Word && !overlapped;
                assert_eq!(u.kind == Kind::Word, word, "{:?} in {text:?}", u.text);
                blocked += usize::from(token.kind == TokenKind::Word && overlapped);
            }
        }
        assert!(blocked > 1_000, "{blocked}");
    }

    /// Splitting in place moves every unit after a split by the parts added before it.
    #[test]
    fn resplit_splits_known_parts_in_place() {
        // The possessive is cut off the word, not kept as a unit.
        let text =
            "Sheinbaum-Trump met Lopez-Obrador-Ebrard’s aide, not Abi-Habib. Sheinbaum-Trump ended.";
        let doc = Document::new(text);
        let known: FxHashSet<String> = ["Sheinbaum", "Trump", "Lopez", "Obrador", "Ebrard"]
            .into_iter()
            .map(String::from)
            .collect();
        let units = resplit(units(&doc, &[]), &known);
        let got: Vec<(&str, bool, bool)> = units
            .iter()
            .map(|u| (u.text, u.closes, u.initial))
            .collect();
        let want = [
            ("Sheinbaum", true, true),
            ("Trump", false, false),
            ("met", false, false),
            ("Lopez", true, false),
            ("Obrador", true, false),
            ("Ebrard", true, false),
            ("aide", false, false),
            (",", false, false),
            ("not", false, false),
            ("Abi-Habib", false, false),
            (".", false, false),
            ("Sheinbaum", true, true),
            ("Trump", false, false),
            ("ended", false, false),
            (".", false, false),
        ];
        assert_eq!(got, want);
        for u in units.iter() {
            assert_eq!(&text[u.start()..u.end()], u.text);
        }
    }

    /// [`resplit`] by its definition: every unit asked in turn whether it is a capitalised
    /// word whose parts are all `known`, and replaced by its parts if so.
    fn resplit_by_definition<'a>(
        units: &Units<'a>,
        known: &FxHashSet<String>,
    ) -> Vec<(&'a str, bool, bool)> {
        let mut out = Vec::new();
        for i in 0..units.len() {
            let word = units.at(i);
            let splits = word.may_split()
                && !word.is(class::TITLE)
                && word.text.split(HYPHENS).all(|p| known.contains(p));
            if splits && !known.is_empty() {
                out.extend(parts(units.text, word).map(|u| (u.text, u.closes, u.initial)));
            } else {
                out.push((word.text, word.closes, word.initial));
            }
        }
        out
    }

    /// The list of capitalised units holds each unit whose flag says it is capitalised, in
    /// order, before and after `resplit` splits names the article knows (as its definition
    /// splits them), read from the start or from any unit.
    #[test]
    fn caps_are_the_capitalised_units() {
        let pieces = [
            "Sheinbaum-Trump ",
            "Ana-Lopez’s ",
            "Abi-Habib ",
            "US-Mexico ",
            "Word ",
            "word ",
            "Été ",
            "de ",
            ". ",
            "\n",
            "“",
            "Mr. ",
        ];
        let known: FxHashSet<String> = ["Sheinbaum", "Trump", "Ana", "Lopez"]
            .map(String::from)
            .into_iter()
            .collect();
        let texts = crate::test_inputs::seeds_and_texts(59, 2_000, 16, &pieces);
        let mut caps = 0;
        for text in &texts {
            let doc = Document::new(text);
            let first = units(&doc, &[]);
            let flagged = |units: &Units| -> Vec<usize> {
                (0..units.len()).filter(|&i| units.cap(i)).collect()
            };
            assert_eq!(
                first.caps().collect::<Vec<_>>(),
                flagged(&first),
                "{text:?}"
            );
            let by_definition = resplit_by_definition(&first, &known);
            let split = resplit(first, &known);
            let got: Vec<_> = split
                .iter()
                .map(|u| (u.text, u.closes, u.initial))
                .collect();
            assert_eq!(got, by_definition, "{text:?}");
            let want = flagged(&split);
            assert_eq!(split.caps().collect::<Vec<_>>(), want, "{text:?}");
            // From any unit on, past the end too: the capitals at or after it.
            for from in 0..split.len() + 70 {
                let after = &want[want.partition_point(|&c| c < from)..];
                let got: Vec<usize> = split.caps_from(from).collect();
                assert_eq!(got, after, "from {from} in {text:?}");
            }
            caps += want.len();
        }
        assert!(caps > 10_000, "{caps}");
    }

    /// Whether `word` starts a two-word phrase of `set`.
    fn starts_pair(set: &FxHashSet<String>, word: &str) -> bool {
        with_lower(word, |l| {
            set.iter().any(|phrase| {
                phrase
                    .split_once(' ')
                    .is_some_and(|(first, rest)| first == l && !rest.contains(' '))
            })
        })
    }

    /// A unit's classes, stored for capitalised words and looked up for the others, answer
    /// as each list's own test does, for every unit of the sample articles, asked of the unit
    /// or of the list of units.
    #[test]
    fn classes_are_the_lists_answers() {
        let g = &*GAZETTEER;
        let seeds = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap();
        let mut texts: Vec<String> = seeds
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect();
        texts.push(
            "Mexicans, Prime Minister Mr. Ana Ruiz-Lopez and the Ministry's French-made CEO."
                .into(),
        );
        let mut checked = 0;
        for text in &texts {
            let doc = Document::new(text);
            let known: FxHashSet<String> =
                ["Ruiz", "Lopez"].map(String::from).into_iter().collect();
            let units = resplit(units(&doc, &[]), &known);
            for (i, u) in units.iter().enumerate() {
                let lists = [
                    (class::TITLE, with_lower(u.text, |l| g.titles.contains(l))),
                    (
                        class::HONORIFIC,
                        with_lower(u.text, |l| g.honorifics.contains_key(l)),
                    ),
                    (
                        class::TITLE_MODIFIER,
                        with_lower(u.text, |l| g.title_modifiers.contains(l)),
                    ),
                    (class::DEMONYM, g.is_demonym(u.text)),
                    (
                        class::NOT_NAME,
                        with_lower(u.text, |l| g.not_names.contains(l)),
                    ),
                    (
                        class::ORG_HEAD,
                        with_lower(u.text, |l| g.org_heads.contains(l)),
                    ),
                    (
                        class::PLACE_HEAD,
                        with_lower(u.text, |l| g.place_heads.contains(l)),
                    ),
                    (class::FIRST_NAME, g.first_name_gender(u.text).is_some()),
                    (class::TITLE_PAIR_START, starts_pair(&g.titles, u.text)),
                    (class::DEMONYM_PAIR_START, starts_pair(&g.demonyms, u.text)),
                ];
                for (bit, on_list) in lists {
                    assert_eq!(u.is(bit), on_list, "{:?} class {bit}", u.text);
                    assert_eq!(units.is(i, bit), on_list, "{:?} class {bit}", u.text);
                    if u.cap() {
                        let stored = units.cap_classes(i) & bit != 0;
                        assert_eq!(stored, on_list, "{:?} class {bit}", u.text);
                    }
                    checked += usize::from(on_list);
                }
            }
        }
        assert!(checked > 100, "the texts reach the lists ({checked})");
    }
}
