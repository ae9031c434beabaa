//! The document's tokens in the form every cue rule compares: lower case, curly apostrophes
//! straightened and dash variants inside words unified, so `Wouldn’t` and `wouldn't`, or
//! `co‑operate` and `co-operate`, are one word to the rules and the lexicons.

use rustc_hash::FxHasher;
use std::borrow::Cow;
use std::hash::Hasher;
use std::ops::Range;

use super::concern;
use crate::text::{is_small_ascii, push_lower, Document, Token, TokenKind};

/// Normalised tokens with their sentence boundaries.
///
/// Each distinct token text is normalised once, and a token holds only the number of its form
/// (words that only appear past the table's limit and are already normal read as they stand):
/// a form for every token and a sentence number made this three times the size of the text.
pub struct Words<'a> {
    /// The document the tokens come from.
    pub doc: &'a Document<'a>,
    /// Each token's form, as an index into `forms` (or [`OWN_TEXT`], [`FAR`]) in the bits of
    /// [`FORM`], and above them the rules its form concerns ([`concern`]): a form's rules are
    /// asked once, and a rule passes over the tokens that do not concern it by their bits, with
    /// no table of its own.
    form_of: Vec<u32>,
    /// The comparison forms, one for each distinct token text the table took: the token's
    /// own text, or for the few that normalising changes, a slice of one string the caller
    /// keeps (a string of its own for each, with a tag saying which, took half as much again).
    forms: Vec<&'a str>,
    /// The renamed forms past the [`FAR`]th with their tokens, in order: only a text of many
    /// millions of words, whose new words are each a form of their own past the table's
    /// limit, has any.
    far: Vec<(usize, &'a str)>,
    /// The tokens that open a sentence after the first.
    sentence_openings: TokenSet,
}

/// The bits of a [`Words::form_of`] entry that say where its form is; the rules take the rest.
const FORM: u32 = (1 << 24) - 1;

/// The form of a token that reads as its own text and is not in `forms`.
const OWN_TEXT: u32 = FORM;

/// The form of a token whose form is in [`Words::far`]. No number below it is taken by
/// a far form, and `forms` holds at most this many.
const FAR: u32 = FORM - 1;

/// The first bit of a [`Words::form_of`] entry's rules.
const RULES_SHIFT: u32 = FORM.count_ones();

/// The comparison form of a word: lower case, `’` → `'`, `‐`/`‑` → `-`; borrowed when the
/// word is already in that form (most words of news text).
pub fn normalise(word: &str) -> Cow<'_, str> {
    let mut form = String::new();
    if push_if_renamed(&mut form, word) {
        Cow::Owned(form)
    } else {
        Cow::Borrowed(word)
    }
}

/// Appends the comparison form of `word` to `out` unless it is `word` itself; whether it did.
fn push_if_renamed(out: &mut String, word: &str) -> bool {
    // Most words: ASCII with nothing to lower.
    if is_small_ascii(word.as_bytes()) {
        return false;
    }
    if word.is_ascii() {
        // ASCII has no apostrophe or dash to replace and lowers byte by byte: this is what
        // `by_chars` gives, at a fraction of the cost (each capitalised word of a document
        // comes here).
        push_lower(out, word);
        return true;
    }
    let start = out.len();
    out.extend(by_chars(word));
    if out[start..] == *word {
        out.truncate(start);
        return false;
    }
    true
}

/// [`normalise`] by definition, one character at a time.
fn by_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase).map(|c| match c {
        '’' | '‘' => '\'',
        '‐' | '‑' => '-',
        c => c,
    })
}

/// The distinct token texts seen, each by the first token that has it: an open-addressed
/// table of token numbers, four bytes a slot, where a map from text to form took 24 bytes a
/// slot and was the largest thing the cues layer held.
struct FirstTokens<'d> {
    text: &'d [u8],
    tokens: &'d [Token],
    /// Token numbers, or [`EMPTY`]; a power of two of them.
    slots: Vec<u32>,
    len: usize,
    /// The length at which the slots double, so probes stay short.
    grow_at: usize,
}

/// A slot that holds no token.
const EMPTY: u32 = u32::MAX;

/// Where a token's text is in [`FirstTokens`], or where it would go.
enum Probe {
    /// The first token with that text.
    Found(usize),
    /// The vacant slot the probe ended at.
    Vacant(usize),
}

/// `a == b`, in a loop: the texts compared are words of a few bytes, for which a call to
/// `memcmp` costs more than the comparison.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl<'d> FirstTokens<'d> {
    /// No texts yet, with room for `room` before growing.
    fn with_room(text: &'d str, tokens: &'d [Token], room: usize) -> FirstTokens<'d> {
        // At most three quarters full.
        let slots = (room + room / 3 + 1).next_power_of_two().max(16);
        FirstTokens {
            text: text.as_bytes(),
            tokens,
            slots: vec![EMPTY; slots],
            len: 0,
            grow_at: slots / 4 * 3,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// The bytes of token `token`: compared as bytes, the text is not checked for character
    /// boundaries at every probe.
    fn key(&self, token: usize) -> &'d [u8] {
        let token = &self.tokens[token];
        &self.text[token.start()..token.end()]
    }

    /// A hash of `key`, from a read or two of it when it is at most eight bytes long (most
    /// tokens): the general hasher's steps for a short tail cost more than the rest of the
    /// token's lookup.
    fn hash(key: &[u8]) -> usize {
        // The slot bits of a product's high half mix the low 32 bits of what was multiplied
        // and more: the bytes of a short key are put there.
        const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
        let n = key.len();
        let four = |bytes: &[u8]| u64::from(u32::from_le_bytes(bytes.try_into().expect("four")));
        let bytes = match key {
            [] => 0,
            [first, ..] if n < 4 => {
                u64::from(*first) | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]) << 16
            }
            // The two reads overlap and hold every byte.
            _ if n <= 8 => four(&key[..4]).wrapping_mul(MIX) ^ four(&key[n - 4..]),
            _ => {
                let mut hasher = FxHasher::default();
                hasher.write(key);
                return hasher.finish() as usize;
            }
        };
        ((bytes ^ n as u64).wrapping_mul(MIX) >> 32) as usize
    }

    /// Where the text of token `token` is.
    fn probe(&self, token: usize) -> Probe {
        let key = self.key(token);
        let mask = self.slots.len() - 1;
        // Never full, so the probe meets a vacant slot.
        let mut slot = Self::hash(key) & mask;
        loop {
            match self.slots[slot] {
                EMPTY => return Probe::Vacant(slot),
                first if same_bytes(self.key(first as usize), key) => {
                    return Probe::Found(first as usize)
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Puts `token` in `slot`, vacant as [`FirstTokens::probe`] of it found it.
    fn insert(&mut self, slot: usize, token: usize) {
        // Token numbers are below the text's length, which fits in 32 bits.
        self.slots[slot] = u32::try_from(token).expect("a token number fits in 32 bits");
        self.len += 1;
        if self.len < self.grow_at {
            return;
        }
        let doubled = vec![EMPTY; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        self.grow_at *= 2;
        let mask = self.slots.len() - 1;
        for first in old.into_iter().filter(|&t| t != EMPTY) {
            let mut slot = Self::hash(self.key(first as usize)) & mask;
            while self.slots[slot] != EMPTY {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = first;
        }
    }
}

impl<'a> Words<'a> {
    /// Normalises every token of `doc` once, spelling the forms that differ from their token's
    /// text at the end of `renamed`.
    pub fn new(doc: &'a Document<'a>, renamed: &'a mut String) -> Words<'a> {
        Words::with_far_from(doc, renamed, FAR)
    }

    /// [`Words::new`], with the forms from number `far_from` on kept in [`Words::far`]: below
    /// [`FAR`] only to test them.
    fn with_far_from(doc: &'a Document<'a>, renamed: &'a mut String, far_from: u32) -> Words<'a> {
        let tokens = &doc.tokens;
        let mut form_of = Vec::with_capacity(tokens.len());
        let mut forms: Vec<&'a str> = Vec::new();
        let mut far = Vec::new();
        // Where each renamed form ends in `renamed`; they lie there in order of form number,
        // the far ones last.
        let mut renamed_ends = Vec::new();
        let renamed_from = renamed.len();
        // Room for the renamed forms of an article (its capitalised words, mostly) at once:
        // growing from nothing reallocated it seven times, and it is shrunk to fit below anyway.
        renamed.reserve(tokens.len() / 2);
        let mut add = |i: usize, text: &'a str, own_text_if_normal: bool| {
            // The table takes fewer forms than `far_from`, so the next is below `FAR` as long
            // as it is numbered.
            let next = u32::try_from(forms.len()).expect("at most FAR forms");
            let start = renamed.len();
            let (form, word) = if push_if_renamed(renamed, text) {
                renamed_ends.push(renamed.len());
                // No token is empty: "" holds a renamed form's place until `renamed` is
                // complete and can be borrowed.
                let form = if next < far_from {
                    forms.push("");
                    next
                } else {
                    far.push((i, ""));
                    FAR
                };
                (form, &renamed[start..])
            } else if own_text_if_normal {
                (OWN_TEXT, text)
            } else {
                forms.push(text);
                (next, text)
            };
            form | u32::from(concern::of(word)) << RULES_SHIFT
        };
        // An article has a few thousand distinct words at most, and fewer than half as many
        // as its tokens: table room for them spares growing step by step, without a table the size
        // of a long document's tokens (or, for an article, twice the size it needs).
        let room = (tokens.len() / 2).min(1 << 12);
        // News text repeats its words, so looking a token up costs less than normalising it.
        // Text whose words do not repeat (numbers, codes, noise) would only fill the table:
        // past an entry for every eight tokens, new words are left out of it. The forms it
        // takes are numbered below `far_from`, as the tokens that find them copy their entry.
        let table_limit = room.max(tokens.len() / 8).min(far_from as usize);
        let mut first_tokens = FirstTokens::with_room(doc.text, tokens, room);
        for (i, token) in tokens.iter().enumerate() {
            let own_text_if_normal = match first_tokens.probe(i) {
                Probe::Found(first) => {
                    form_of.push(form_of[first]);
                    continue;
                }
                Probe::Vacant(slot) if first_tokens.len() < table_limit => {
                    first_tokens.insert(slot, i);
                    false
                }
                Probe::Vacant(_) => true,
            };
            // `add` is called in this one place, so that it is inlined: over a third of an
            // article's tokens are new forms, and the call's setup cost each of them as much as
            // looking up its rules.
            form_of.push(add(i, doc.token_text(token), own_text_if_normal));
        }
        drop(first_tokens);
        renamed.shrink_to_fit();
        let renamed: &'a str = renamed;
        let mut start = renamed_from;
        let far_forms = far.iter_mut().map(|(_, form)| form);
        for (form, end) in forms
            .iter_mut()
            .filter(|form| form.is_empty())
            .chain(far_forms)
            .zip(renamed_ends)
        {
            *form = &renamed[start..end];
            start = end;
        }
        forms.shrink_to_fit();
        // A token opens a sentence when a sentence starts after the token before it started
        // (as in `Document::token_sentences`): it is the first token at or after that start.
        let sentence_openings = TokenSet::new(
            doc.tokens.len(),
            doc.sentences
                .iter()
                .skip(1)
                .map(|sentence| doc.token_at_or_after(sentence.start)),
        );
        Words {
            doc,
            form_of,
            forms,
            far,
            sentence_openings,
        }
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.form_of.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.form_of.is_empty()
    }

    /// The normalised text of token `i`, or "" past either end (so rules can look around freely).
    pub fn at(&self, i: usize) -> &str {
        let Some(&entry) = self.form_of.get(i) else {
            return "";
        };
        // `OWN_TEXT` and `FAR` lie past the forms.
        match self.forms.get((entry & FORM) as usize) {
            Some(form) => form,
            None => self.unnumbered(i),
        }
    }

    /// The form of token `i`, which has no number: its own text, or a far form. Rare, and kept
    /// out of the rules' loops.
    #[cold]
    #[inline(never)]
    fn unnumbered(&self, i: usize) -> &str {
        if self.form_of[i] & FORM == OWN_TEXT {
            return self.raw(i);
        }
        let far = self.far.binary_search_by_key(&i, |&(token, _)| token);
        self.far[far.expect("a far form's token is in `far`")].1
    }

    /// The normalised text of the token `back` places before `i`, or "" before the start.
    pub fn before(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map_or("", |j| self.at(j))
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'a str {
        self.doc.token_text(&self.doc.tokens[i])
    }

    /// Whether token `i` exists and is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` exists and is punctuation.
    pub fn is_punct(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Whether token `i` is a word that starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is the first word of its sentence (quote marks and brackets before it
    /// do not count).
    pub fn starts_sentence(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && !self.sentence_openings.contains(j) {
            j -= 1;
            if !self.is_punct(j) {
                return false;
            }
        }
        true
    }

    /// Whether tokens `i` and `j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        let (first, last) = (i.min(j), i.max(j));
        last < self.len() && !self.sentence_openings.any_in(first + 1..last + 1)
    }

    /// Calls `each` with the tokens whose form concerns any of `rules` ([`concern`]'s bits),
    /// in order, and all the rules their form concerns.
    pub fn each_concerning(&self, rules: u8, mut each: impl FnMut(usize, u8)) {
        // One scan for every rule, calling through `dyn`: a copy of it for each rule's
        // closure, with the rule inlined into it, was 20 KB of the wasm download, and a rule's
        // tokens are few enough that the indirect call costs nothing measurable.
        scan_concerning(&self.form_of, rules, &mut each);
    }

    /// Calls `each` with the tokens whose form concerns `rule` and `question`'s answer for
    /// their form, in order: asked once a numbered form, and only of the forms met.
    pub fn answering<T: Copy>(
        &self,
        rule: u8,
        question: impl Fn(&str) -> Option<T>,
        mut each: impl FnMut(usize, T),
    ) {
        // `None` until asked, and again for a form with no answer, which asked again has none.
        let mut answers: Vec<Option<T>> = vec![None; self.forms.len()];
        self.each_concerning(rule, |i, _| {
            let answer = match answers.get_mut((self.form_of[i] & FORM) as usize) {
                Some(&mut Some(answer)) => Some(answer),
                Some(unasked) => {
                    *unasked = question(self.at(i));
                    *unasked
                }
                // Tokens with no form number (`OWN_TEXT`, `FAR`) have no answer to remember.
                None => question(self.at(i)),
            };
            if let Some(answer) = answer {
                each(i, answer);
            }
        });
    }

    /// Whether the tokens from `i` on read `phrase` (space-separated normalised words).
    pub fn reads(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, word)| self.at(i + k) == word)
    }
}

/// Negators whose scope covers the next few words: `not`, `never`, and the `n't` contractions.
pub fn is_negator(word: &str) -> bool {
    matches!(word, "not" | "never" | "no" | "cannot") || word.ends_with("n't")
}

/// [`Words::each_concerning`] over the entries of `form_of`.
fn scan_concerning(form_of: &[u32], rules: u8, each: &mut dyn FnMut(usize, u8)) {
    let bits = u32::from(rules) << RULES_SHIFT;
    // A rule's tokens are few: sixteen entries are passed over at once when none has its
    // bits, which their union (a few vector instructions) tells: eight at once took twice
    // the steps over the many entries that do not concern it, and 32 read too many around
    // each one that does.
    let mut sixteens = form_of.chunks_exact(16);
    for (n, sixteen) in sixteens.by_ref().enumerate() {
        if sixteen.iter().fold(0, |union, &entry| union | entry) & bits != 0 {
            each_with(sixteen, n * 16, bits, each);
        }
    }
    let rest = sixteens.remainder();
    each_with(rest, form_of.len() - rest.len(), bits, each);
}

/// Calls `each` with the number of each of `entries` that has any of `bits` (the first being
/// number `first`), and its rules.
fn each_with(entries: &[u32], first: usize, bits: u32, each: &mut dyn FnMut(usize, u8)) {
    for (k, &entry) in entries.iter().enumerate() {
        if entry & bits != 0 {
            each(first + k, rules_of(entry));
        }
    }
}

/// The rules of a [`Words::form_of`] entry.
fn rules_of(entry: u32) -> u8 {
    u8::try_from(entry >> RULES_SHIFT).expect("the rules are the bits above FORM")
}

/// A set of token indices, one bit a token.
struct TokenSet {
    blocks: Vec<u64>,
}

impl TokenSet {
    /// The set of `members`; those from `len` on are left out.
    fn new(len: usize, members: impl IntoIterator<Item = usize>) -> TokenSet {
        let mut blocks = vec![0; len.div_ceil(64)];
        for i in members.into_iter().filter(|&i| i < len) {
            blocks[i / 64] |= 1 << (i % 64);
        }
        TokenSet { blocks }
    }

    fn contains(&self, i: usize) -> bool {
        self.blocks
            .get(i / 64)
            .is_some_and(|block| block & (1 << (i % 64)) != 0)
    }

    /// Whether any member lies in `range`.
    fn any_in(&self, range: Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        let (first, last) = (range.start / 64, (range.end - 1) / 64);
        (first..=last).any(|b| {
            let mut bits = self.blocks.get(b).copied().unwrap_or(0);
            if b == first {
                bits &= u64::MAX << (range.start % 64);
            }
            if b == last {
                bits &= u64::MAX >> (63 - (range.end - 1) % 64);
            }
            bits != 0
        })
    }
}

/// Calls `each` with every text of `texts` and its [`Words`], as the rules read them: how a
/// rule's shortcut is checked against its definition over [`test_texts`].
#[cfg(test)]
pub fn with_words(texts: &[String], mut each: impl FnMut(&str, &Words<'_>)) {
    for text in texts {
        let doc = crate::text::Document::new(text);
        let mut renamed = String::new();
        each(text, &Words::new(&doc, &mut renamed));
    }
}

/// Texts to check a rule's shortcut against its definition with: the seed articles, and runs
/// of `vocabulary` with common words and punctuation, in every case.
#[cfg(test)]
pub fn test_texts(vocabulary: &[&str]) -> Vec<String> {
    let common = [
        "the",
        "a",
        "we",
        "I",
        "not",
        "never",
        "no",
        "to",
        "of",
        "and",
        "said",
        "he",
        "they",
        "would",
        "could",
        "will",
        "officials",
        "People",
        "U.S.",
        ",",
        ".",
        ";",
        "”",
        "“",
        "’s",
        "didn’t",
        "Won’t",
        "(",
        ")",
        "—",
        "1",
        "?",
    ];
    let mut rng = crate::test_inputs::Rng::new(11);
    let mut texts = crate::test_inputs::seeds();
    for _ in 0..40 {
        let mut text = String::new();
        for _ in 0..400 {
            let word = if rng.below(2) == 0 {
                rng.pick(vocabulary)
            } else {
                rng.pick(&common)
            };
            match rng.below(8) {
                0 => text.push_str(&word.to_uppercase()),
                1 => {
                    let mut chars = word.chars();
                    text.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                    text.push_str(chars.as_str());
                }
                _ => text.push_str(word),
            }
            text.push(' ');
        }
        texts.push(text);
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII shortcut lowers as the definition does, for every ASCII byte and for mixed
    /// words.
    #[test]
    fn normalise_agrees_with_its_definition() {
        let every_byte: String = (0u8..0x80).map(char::from).collect();
        let words = [
            "",
            "said",
            "Said",
            "U.S.",
            "WOULDN'T",
            "Wouldn’t",
            "co‑operate",
            "Co‐Op",
            "naïve",
            "ÉTÉ",
            "İstanbul",
            "ΣΑΣ",
            &every_byte,
        ];
        for word in words {
            assert_eq!(
                normalise(word),
                by_chars(word).collect::<String>(),
                "{word:?}"
            );
        }
    }

    /// The table finds each token's first token with the same text, as a map from texts to
    /// first tokens does, while it grows from its smallest size and its probes collide, for
    /// texts of every length its hash reads differently.
    #[test]
    fn first_tokens_finds_each_texts_first_token() {
        let mut rng = crate::test_inputs::Rng::new(3);
        let mut text = String::new();
        for _ in 0..4000 {
            // Stems short and long, so that keys of every length the hash reads differently
            // (below four bytes, up to eight, longer) are met.
            let stem = rng.pick(&["a", "b", "ab", "ba", "Ab", "é", "’", "abcdefgh"]);
            text.push_str(&format!("{stem}{} ", rng.below(600)));
        }
        let doc = Document::new(&text);
        let mut table = FirstTokens::with_room(doc.text, &doc.tokens, 0);
        let mut first_of: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for i in 0..doc.tokens.len() {
            let first = *first_of.entry(doc.token_text(&doc.tokens[i])).or_insert(i);
            match table.probe(i) {
                Probe::Found(found) => assert_eq!(found, first, "token {i}"),
                Probe::Vacant(slot) => {
                    assert_eq!(first, i, "token {i} was seen");
                    table.insert(slot, i);
                }
            }
        }
        assert_eq!(table.len(), first_of.len());
        assert!(table.slots.len() >= 16 << 6, "the table grew");
    }

    /// The compact forms and sentence bits answer as a normalised copy of every token and a
    /// sentence number for each would, past the table's limit too.
    #[test]
    fn words_read_as_each_token_normalised_in_its_sentence() {
        let mut text = String::from("“Wouldn’t you?” she asked. We co‑operate. No. 1\n\n");
        for n in 0..6000 {
            let word = if n % 3 == 0 { "Word" } else { "word" };
            text.push_str(&format!("{word}{n} Isn’t it{n}. "));
        }
        // Words first met past the table's limit, which rules are concerned with.
        text.push_str("Officials warned it could rain in May.");
        let doc = Document::new(&text);
        let sentence = doc.token_sentences();
        // Far forms only come past millions of forms, unless they are made to come early.
        for far_from in [FAR, 40] {
            let mut renamed = String::new();
            let words = Words::with_far_from(&doc, &mut renamed, far_from);
            let form = |i: usize| words.form_of[i] & FORM;
            assert!(
                (0..words.len()).any(|i| form(i) == OWN_TEXT),
                "the table filled up"
            );
            assert_eq!(words.far.is_empty(), far_from == FAR);
            for i in 0..words.len() {
                assert_eq!(words.at(i), normalise(words.raw(i)), "token {i}");
                for j in i.saturating_sub(70)..(i + 70).min(words.len() + 2) {
                    let same = j < words.len() && sentence[i] == sentence[j];
                    assert_eq!(words.same_sentence(i, j), same, "tokens {i} and {j}");
                }
            }
            assert_eq!(words.at(words.len()), "");
            // Each token concerns the rules its form does, past the table's limit too.
            let concerned = concerned_by_asking(&words, u8::MAX);
            assert!(concerned.iter().any(|&(i, _)| form(i) == OWN_TEXT));
            assert!(concerned.iter().any(|&(i, _)| form(i) == FAR) || far_from == FAR);
            assert_eq!(concerning(&words, u8::MAX), concerned);
        }
    }

    /// The tokens whose form concerns any of `rules`, asked of each token.
    fn concerned_by_asking(words: &Words, rules: u8) -> Vec<(usize, u8)> {
        (0..words.len())
            .map(|i| (i, concern::of(words.at(i))))
            .filter(|&(_, concerns)| concerns & rules != 0)
            .collect()
    }

    /// What [`Words::each_concerning`] calls its closure with.
    fn concerning(words: &Words, rules: u8) -> Vec<(usize, u8)> {
        let mut found = Vec::new();
        words.each_concerning(rules, |i, concerns| found.push((i, concerns)));
        found
    }

    /// Every rule, alone and with others, visits the tokens whose form concerns it, as asking
    /// each token's form finds them.
    #[test]
    fn concerning_agrees_with_asking_every_token() {
        let vocabulary = [
            "could",
            "may",
            "might",
            "officials",
            "analysts",
            "reported",
            "what",
            "no",
            "did",
            "warned",
            "ruled",
            "out",
            "clear",
            "Won’t",
            "cannot",
            "people",
        ];
        let mut visited = 0;
        with_words(&test_texts(&vocabulary), |text, words| {
            for rules in (0..8).map(|bit| 1 << bit).chain([u8::MAX]) {
                let expected = concerned_by_asking(words, rules);
                let found = concerning(words, rules);
                assert_eq!(found, expected, "rules {rules:#b} in {text}");
                visited += found.len();
                // Answered as the question answers each token.
                let question = |form: &str| (form.len() % 3 != 0).then_some(form.len());
                let mut answered = Vec::new();
                words.answering(rules, question, |i, answer| answered.push((i, answer)));
                let expected: Vec<(usize, usize)> = expected
                    .iter()
                    .filter_map(|&(i, _)| question(words.at(i)).map(|answer| (i, answer)))
                    .collect();
                assert_eq!(answered, expected, "rules {rules:#b} in {text}");
            }
        });
        assert!(visited > 10_000, "{visited}");
    }
}
