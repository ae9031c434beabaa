//! The table behind [`super::gazetteer::Gazetteer::classes_of`]: each listed word, lower-cased,
//! with the [`super::gazetteer::class`] bits of the lists it is on.
//!
//! The name finder asks it of every capitalised word, and a word lower-cased into a buffer,
//! checked to be UTF-8, hashed as bytes and compared by `memcmp` cost some 250 instructions.
//! Short ASCII words, nearly all of the lists and of news text, are read into two integers
//! instead ([`key`]), lower-cased, hashed and compared in a few instructions each, in a table
//! of their own ([`super::open_table`], of [`Short`] slots).

use rustc_hash::FxHashMap;

use super::open_table::{Slot, Table};
use super::scan::LONGEST;
use crate::text::{capital_bits, with_lower, ONES};

/// Lower-cased words with their class bits.
#[derive(Default)]
pub struct ClassTable {
    /// The words of at most [`LONGEST`] ASCII bytes, with their classes.
    short: Table<Short>,
    /// The other words (longer, or not ASCII).
    long: FxHashMap<String, u16>,
}

impl ClassTable {
    /// A table with room for `words` words.
    pub fn with_capacity(words: usize) -> ClassTable {
        ClassTable {
            short: Table::with_room(words),
            // Under 1 % of the lists' words are long (18 of 2,755). Sized here, the map also
            // keeps hashbrown's allocation of a table a function of its own in wasm: with no
            // call but from the maps' growth, LLVM copied it into each, 800 bytes more of the
            // reader's module gzipped.
            long: FxHashMap::with_capacity_and_hasher(words / 128, Default::default()),
        }
    }

    /// Adds `bit` to the classes of `word`, which is lower case and has no NUL byte.
    pub fn add(&mut self, word: &str, bit: u16) {
        assert!(!word.contains('\0'), "{word:?}: a listed word has no NUL");
        if let Some(key) = key(word.as_bytes()) {
            self.short.insert(Short::new(key, word.len())).classes |= bit;
        } else if let Some(bits) = self.long.get_mut(word) {
            *bits |= bit;
        } else {
            self.long.insert(word.to_string(), bit);
        }
    }

    /// The classes of `word` lower-cased (as [`str::to_lowercase`] lowers it).
    #[inline]
    pub fn get(&self, word: &str) -> u16 {
        if let Some(key) = key(word.as_bytes()) {
            return self.short_classes(key, word.len());
        }
        // A word outside ASCII may lower to a short ASCII one (`K`, the Kelvin sign).
        with_lower(word, |lower| match key(lower.as_bytes()) {
            Some(key) => self.short_classes(key, lower.len()),
            None => self.long.get(lower).copied().unwrap_or(0),
        })
    }

    /// The classes of the short word of length `len` with key `key`.
    #[inline]
    fn short_classes(&self, key: [u64; 2], len: usize) -> u16 {
        let slot = self.short.get(&Short::new(key, len));
        slot.map_or(0, |slot| slot.classes)
    }

    /// Every word of the table.
    #[cfg(test)]
    pub fn words(&self) -> Vec<String> {
        let short = self.short.iter().map(Short::word);
        short.chain(self.long.keys().cloned()).collect()
    }
}

/// `word`'s bytes with its ASCII letters lower-cased, little-endian in two integers, zeros
/// past its end; `None` when it is longer than [`LONGEST`] or not ASCII (the
/// same test for the words listed and the words asked, so that a word is only ever looked for
/// in the table that would hold it). A word of four bytes or more is read as two
/// overlapping loads from each end, not byte by byte (shifting each byte into place cost
/// more than the lookup itself).
#[inline]
fn key(word: &[u8]) -> Option<[u64; 2]> {
    let n = word.len();
    let read4 = |at: usize| u64::from(u32::from_le_bytes(*word[at..].first_chunk().unwrap()));
    let read8 = |at: usize| u64::from_le_bytes(*word[at..].first_chunk().unwrap());
    // The load from the end repeats some bytes of the one from the start: shifted into
    // place, they fall on the same bytes, so `|` keeps them as they are.
    let (lo, hi) = match n {
        0..=3 => (word.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b)), 0),
        4..=7 => (read4(0) | read4(n - 4) << (8 * (n - 4)), 0),
        8 => (read8(0), 0),
        9..=LONGEST => (read8(0), read8(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    if (lo | hi) & (ONES * 0x80) != 0 {
        return None;
    }
    Some([lower_ascii(lo), lower_ascii(hi)])
}

/// `x`, eight ASCII bytes, with its capital letters lower-cased (`A` is `a` less 32: the top
/// bit of a capital's byte, shifted down two, is its missing 32).
#[inline]
fn lower_ascii(x: u64) -> u64 {
    x | capital_bits(x) >> 2
}

/// A short word's slot: its [`key`], length and classes.
#[derive(Clone, Copy)]
struct Short {
    key: [u64; 2],
    /// The word's length, which tells `ab` from `ab\0` (their keys are alike); [`EMPTY`] for
    /// a free slot.
    len: u8,
    classes: u16,
}

/// [`Short::len`] of a free slot: no short word is as long.
const EMPTY: u8 = u8::MAX;

impl Short {
    /// The slot of the word of length `len` with key `key`, with no classes yet.
    #[inline]
    fn new(key: [u64; 2], len: usize) -> Short {
        Short {
            key,
            len: len as u8,
            classes: 0,
        }
    }

    /// The word of the slot.
    #[cfg(test)]
    fn word(&self) -> String {
        let bytes = [self.key[0].to_le_bytes(), self.key[1].to_le_bytes()].concat();
        String::from_utf8(bytes[..usize::from(self.len)].to_vec()).expect("ASCII")
    }
}

impl Slot for Short {
    const FREE: Short = Short {
        key: [0; 2],
        len: EMPTY,
        classes: 0,
    };

    #[inline]
    fn is_free(&self) -> bool {
        self.len == EMPTY
    }

    #[inline]
    fn same_key(&self, other: &Short) -> bool {
        self.key == other.key && self.len == other.len
    }

    #[inline]
    fn fold(&self) -> u64 {
        self.key[0] ^ self.key[1].rotate_left(29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_inputs::Rng;

    /// A word's key is its bytes lower-cased and padded with zeros, read as two integers, for
    /// every length up to [`LONGEST`] and past it; and none for a word outside ASCII. The bytes
    /// include the ones next to the letters (`@`, `[`, backtick, `{`), NUL and DEL.
    #[test]
    fn a_key_is_the_lowered_bytes() {
        let plain = |word: &[u8]| -> Option<[u64; 2]> {
            if word.len() > LONGEST || !word.is_ascii() {
                return None;
            }
            let mut bytes = [0; 16];
            bytes[..word.len()].copy_from_slice(&word.to_ascii_lowercase());
            let half = |h: &[u8]| u64::from_le_bytes(h.try_into().unwrap());
            Some([half(&bytes[..8]), half(&bytes[8..])])
        };
        let mut rng = Rng::new(7);
        let bytes = b"aAzZmM@[`{\0\x7F-.9 ";
        for _ in 0..20_000 {
            let len = rng.below(LONGEST + 3);
            let mut word: Vec<u8> = (0..len).map(|_| bytes[rng.below(bytes.len())]).collect();
            if len > 0 && rng.below(8) == 0 {
                word[rng.below(len)] = 0xC3;
            }
            assert_eq!(key(&word), plain(&word), "{word:?}");
        }
    }

    /// The short table answers what a map answers, through its growth from its smallest size,
    /// for keys that share their home slot or their bytes with another length.
    #[test]
    fn the_short_table_is_a_map() {
        let mut rng = Rng::new(11);
        let mut table = Table::<Short>::with_room(0);
        let mut plain: FxHashMap<([u64; 2], usize), u16> = FxHashMap::default();
        let key_of = |rng: &mut Rng| {
            let len = rng.below(LONGEST + 1);
            ([rng.below(300) as u64, rng.below(3) as u64], len)
        };
        let classes = |table: &Table<Short>, key, len| {
            let slot = table.get(&Short::new(key, len));
            slot.map_or(0, |slot| slot.classes)
        };
        for round in 0..5_000 {
            let (key, len) = key_of(&mut rng);
            let bit = 1 << rng.below(16);
            table.insert(Short::new(key, len)).classes |= bit;
            *plain.entry((key, len)).or_default() |= bit;
            if round % 7 == 0 {
                let (key, len) = key_of(&mut rng);
                let want = plain.get(&(key, len)).copied().unwrap_or(0);
                assert_eq!(classes(&table, key, len), want, "{key:?} {len}");
            }
        }
        for (&(key, len), &want) in &plain {
            assert_eq!(classes(&table, key, len), want, "{key:?} {len}");
        }
        assert_eq!(classes(&Table::default(), [0; 2], 0), 0);
        let (used, slots) = table.load();
        assert_eq!(used, plain.len());
        assert_eq!(table.iter().count(), used);
        assert!(2 * used <= slots);
    }

    /// A table answers what a map from each word lower-cased answers, for the gazetteer's
    /// words in any case, cut short or lengthened past the packed length, and for words that
    /// lower-case outside ASCII or into it, or hold a NUL.
    #[test]
    fn a_table_lookup_is_a_lookup_of_the_lowered_word() {
        let g = &*super::super::gazetteer::GAZETTEER;
        let words = g.classes.words();
        let mut rng = Rng::new(53);
        let mut table = ClassTable::default();
        let mut plain: FxHashMap<String, u16> = FxHashMap::default();
        let mut listed: Vec<String> = words.iter().take(5_000).cloned().collect();
        // Words at the packed length and just past it, outside ASCII and lowering into it.
        listed.extend(
            [
                "sixteen-letters!",
                "seventeen-letters",
                "king",
                "café",
                "i\u{307}stanbul",
            ]
            .map(String::from),
        );
        for word in &listed {
            let bit = 1 << rng.below(16);
            table.add(word, bit);
            *plain.entry(word.clone()).or_default() |= bit;
        }
        let (mut found, mut asked) = (0, 0);
        for _ in 0..50_000 {
            let mut word = listed[rng.below(listed.len())].clone();
            match rng.below(8) {
                0 => word = word.to_uppercase(),
                1 => {
                    let mut cut = rng.below(word.len() + 1);
                    while !word.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    word.truncate(cut);
                }
                2 => word.push_str(rng.pick(&["\0", "s", "é", "-Long-Enough-To-Spill"])),
                3 => word = word.replacen('k', "\u{212A}", 1),
                4 => word = word.replacen('i', "İ", 1),
                _ => {}
            }
            let want = plain.get(&word.to_lowercase()).copied().unwrap_or(0);
            assert_eq!(table.get(&word), want, "{word:?}");
            found += usize::from(want != 0);
            asked += 1;
        }
        assert!(found > asked / 2 && found < asked, "{found} of {asked}");
    }
}
