//! The table behind [`super::gazetteer::Gazetteer::classes_of`]: each listed word, lower-cased,
//! with the [`super::gazetteer::class`] bits of the lists it is on.
//!
//! The name finder asks it of every capitalised word, and a word lower-cased into a buffer,
//! checked to be UTF-8, hashed as bytes and compared by `memcmp` cost some 250 instructions.
//! Short ASCII words, nearly all of the lists and of news text, are packed into an integer
//! instead, as [`super::scan`] packs its lexicons' words: lower-cased, hashed and compared in a
//! few instructions each.

use rustc_hash::FxHashMap;

use super::scan::{PackedWords, LONGEST};
use crate::text::with_lower;

/// Lower-cased words with their class bits.
#[derive(Default)]
pub struct ClassTable {
    /// The words of at most [`LONGEST`] ASCII bytes, packed, with their classes.
    short: PackedWords,
    /// The other words (longer, or not ASCII).
    long: FxHashMap<String, u16>,
}

/// Whether `word` goes in [`ClassTable::short`]: the same test for the words listed and the
/// words asked, so that a word is only ever looked for in the table that would hold it.
fn is_short(word: &str) -> bool {
    word.len() <= LONGEST && word.is_ascii()
}

impl ClassTable {
    /// A table with room for `words` short words.
    pub fn with_capacity(words: usize) -> ClassTable {
        ClassTable {
            short: PackedWords::with_capacity(words),
            long: FxHashMap::default(),
        }
    }

    /// Adds `bit` to the classes of `word`, which is lower case and has no NUL byte.
    pub fn add(&mut self, word: &str, bit: u16) {
        assert!(!word.contains('\0'), "{word:?}: a listed word has no NUL");
        if is_short(word) {
            self.short.add(word.as_bytes(), u32::from(bit));
        } else if let Some(bits) = self.long.get_mut(word) {
            *bits |= bit;
        } else {
            self.long.insert(word.to_string(), bit);
        }
    }

    /// The classes of `word` lower-cased (as [`str::to_lowercase`] lowers it).
    #[inline]
    pub fn get(&self, word: &str) -> u16 {
        if is_short(word) {
            return self.get_short(word);
        }
        // A word outside ASCII may lower to a short ASCII one (`K`, the Kelvin sign).
        with_lower(word, |lower| {
            if is_short(lower) {
                self.get_short(lower)
            } else {
                self.long.get(lower).copied().unwrap_or(0)
            }
        })
    }

    /// [`ClassTable::get`] of a word [`is_short`].
    #[inline]
    fn get_short(&self, word: &str) -> u16 {
        let classes = self.short.get(word.as_bytes());
        u16::try_from(classes).expect("only u16 classes are added")
    }

    /// Every word of the table.
    #[cfg(test)]
    pub fn words(&self) -> Vec<String> {
        let short = self.short.words();
        short.chain(self.long.keys().cloned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_inputs::Rng;

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
