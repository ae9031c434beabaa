//! A test that turns away most words outside a word list by their shape alone, before the list
//! is looked them up in: lists are asked about nearly every word of an article, and hashing a
//! word costs several times more than reading two table entries.

/// The shapes of a list's words: for their first two bytes and for their last two, without
/// ASCII case (`& 31` takes a capital and a small letter to the same number), the lengths of the
/// words that have them, one bit each.
pub struct Shapes {
    starts: [u64; 1024],
    /// A word's start alone let a fifth of an article's words through the verb list
    /// (`Mexican`, `action` have the start and length of `mention`, `accuse`); its end halves that.
    ends: [u64; 1024],
    /// Whether a word with no shape (under 2 bytes or over 63) was added.
    unshaped: bool,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes {
            starts: [0; 1024],
            ends: [0; 1024],
            unshaped: false,
        }
    }
}

impl Shapes {
    /// Adds `word`'s shape.
    pub fn add(&mut self, word: &[u8]) {
        match (start_shape(word), end_shape(word)) {
            (Some((at, bit)), Some((end_at, end_bit))) => {
                self.starts[at] |= bit;
                self.ends[end_at] |= end_bit;
            }
            _ => self.unshaped = true,
        }
    }

    /// Whether a word added may be `word` in some ASCII case: false for a word that is none.
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        match start_shape(word) {
            Some((at, bit)) => {
                self.starts[at] & bit != 0
                    && end_shape(word).is_some_and(|(at, bit)| self.ends[at] & bit != 0)
            }
            None => self.unshaped,
        }
    }
}

/// A word's start shape, as an index into [`Shapes::starts`] and a bit there: its first two
/// bytes and its length. `None` for a word under 2 bytes or over 63.
fn start_shape(bytes: &[u8]) -> Option<(usize, u64)> {
    let (&first, &second) = (bytes.first()?, bytes.get(1)?);
    shape_of(first, second, bytes.len())
}

/// The same of the last two bytes, for [`Shapes::ends`].
fn end_shape(bytes: &[u8]) -> Option<(usize, u64)> {
    let [.., second_last, last] = *bytes else {
        return None;
    };
    shape_of(last, second_last, bytes.len())
}

fn shape_of(first: u8, second: u8, len: usize) -> Option<(usize, u64)> {
    let bit = 1u64.checked_shl(u32::try_from(len).ok()?)?;
    Some((usize::from(first & 31) << 5 | usize::from(second & 31), bit))
}

/// [`Shapes`] for a short list known when the code is compiled: the first and the last byte of
/// its words (without ASCII case), with their lengths. The compiler builds its 256 bytes, where
/// [`Shapes`] (two bytes at each end, for a list of hundreds of verb forms) takes 16 KB built at
/// run time; for a few dozen words one byte at each end turns away most others.
pub struct SmallShapes {
    starts: [u32; 32],
    ends: [u32; 32],
}

impl SmallShapes {
    /// The shapes of `words`, ASCII words of 1 to 31 bytes.
    pub const fn of(words: &[&str]) -> SmallShapes {
        let mut shapes = SmallShapes {
            starts: [0; 32],
            ends: [0; 32],
        };
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            assert!(!word.is_empty() && word.len() < 32 && word.is_ascii());
            let bit = 1 << word.len();
            shapes.starts[(word[0] & 31) as usize] |= bit;
            shapes.ends[(word[word.len() - 1] & 31) as usize] |= bit;
            i += 1;
        }
        shapes
    }

    /// Whether a word of the list may be the ASCII `word` in some ASCII case: false for most
    /// words that are not. (A word outside ASCII may lower to one of another length: ask it
    /// of ASCII words only.)
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        let Some(bit) = u32::try_from(word.len())
            .ok()
            .and_then(|len| 1u32.checked_shl(len))
        else {
            return false;
        };
        self.starts[usize::from(first & 31)] & bit != 0
            && self.ends[usize::from(last & 31)] & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word added, in any ASCII case, may be held; most others may not; a word with no
    /// shape is held when one was added.
    #[test]
    fn holds_every_word_added_and_turns_most_others_away() {
        let words = ["said", "told", "according", "a", "no", "it's", "naïve", "—"];
        let mut shapes = Shapes::default();
        assert!(!shapes.may_hold(b"a"));
        for word in words {
            shapes.add(word.as_bytes());
        }
        for word in words {
            assert!(shapes.may_hold(word.as_bytes()), "{word}");
            assert!(shapes.may_hold(word.to_uppercase().as_bytes()), "{word}");
        }
        assert!(shapes.may_hold(b"x"), "a word with no shape was added");
        for word in ["say", "tolled", "Mexican", "sad", "naive", "according to"] {
            assert!(!shapes.may_hold(word.as_bytes()), "{word}");
        }
    }
}
