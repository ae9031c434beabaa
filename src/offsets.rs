//! The one place where byte offsets become the units a caller asked for.
//!
//! The core works in bytes (what Rust slices take). JavaScript strings are indexed in UTF-16 code
//! units, Python strings in code points. Converting in one module ([`UnitIndex`]) keeps the three
//! views consistent and costs one pass over the text.
//!
//! # Example
//! ```
//! use newslens::{annotate, offsets::{convert, OffsetUnit}};
//!
//! let text = "😀 “Hola,” dijo él.";
//! let mut analysis = annotate(text);
//! convert(&mut analysis, text, OffsetUnit::Utf16);
//! let quote = &analysis.quotes[0].span;
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16(&utf16[quote.start..quote.end]).unwrap(), quote.text);
//! ```

use std::fmt;
use std::str::FromStr;

use crate::analysis::{Analysis, TextSpan};

/// The unit offsets are counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes: Rust's `&str` indices.
    Bytes,
    /// UTF-16 code units: JavaScript's string indices (the default for the CLI and the page).
    #[default]
    Utf16,
    /// Unicode scalar values: Python's `str` indices.
    Chars,
}

/// An offset unit name that is not `bytes`, `utf16` or `chars`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownOffsetUnit(String);

impl fmt::Display for UnknownOffsetUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown offset unit {:?} (expected utf16, chars or bytes)",
            self.0
        )
    }
}

impl std::error::Error for UnknownOffsetUnit {}

impl FromStr for OffsetUnit {
    type Err = UnknownOffsetUnit;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "bytes" => Ok(OffsetUnit::Bytes),
            "utf16" | "utf-16" => Ok(OffsetUnit::Utf16),
            "chars" | "codepoints" => Ok(OffsetUnit::Chars),
            other => Err(UnknownOffsetUnit(other.to_string())),
        }
    }
}

impl OffsetUnit {
    fn width(self, c: char) -> usize {
        match self {
            OffsetUnit::Bytes => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::Chars => 1,
        }
    }
}

/// Rewrites every span of `analysis` (byte offsets into `text`) into `unit`.
///
/// Call it once: the spans must hold byte offsets on entry.
pub fn convert(analysis: &mut Analysis, text: &str, unit: OffsetUnit) {
    if unit == OffsetUnit::Bytes {
        return;
    }
    let index = UnitIndex::new(text, unit);
    analysis.visit_spans_mut(&mut |span| {
        span.start = index.of(span.start);
        span.end = index.of(span.end);
    });
}

/// Rewrites spans (byte offsets into `text`) into `unit`: for spans that live outside an
/// [`Analysis`], such as the members of a comparison's quote clusters.
///
/// Call it once per span: the spans must hold byte offsets on entry.
pub fn convert_spans<'s, 't: 's>(
    text: &str,
    spans: impl IntoIterator<Item = &'s mut TextSpan<'t>>,
    unit: OffsetUnit,
) {
    if unit == OffsetUnit::Bytes {
        return;
    }
    let index = UnitIndex::new(text, unit);
    for span in spans {
        span.start = index.of(span.start);
        span.end = index.of(span.end);
    }
}

/// Converts byte offsets (each on a character boundary) into `unit`.
pub fn from_bytes(text: &str, bytes: &[usize], unit: OffsetUnit) -> Vec<usize> {
    let index = UnitIndex::new(text, unit);
    bytes.iter().map(|&byte| index.of(byte)).collect()
}

/// How many bytes lie between two marks of a [`UnitIndex`]: the most a conversion reads. In
/// wasm the count is a byte at a time, so half of 64 bytes on average per offset was 2 % of an
/// article's time; 32-bit marks every 32 bytes take no more memory than `usize` ones every 64.
const STRIDE: usize = 32;

/// Converts byte offsets of one text into `unit` in any order: the count of units before every
/// [`STRIDE`]th byte, and from the mark before an offset a count of its few bytes. Collecting,
/// sorting and merging every offset of an analysis cost more than all the offsets' counts, and
/// the marks take an eighth of the text's size.
///
/// Most stretches of English news are ASCII, where a byte is a unit: a bit for each such
/// stretch lets both the marks and the offsets in it skip the count (an article's conversion
/// took 142 K instructions, a fifth of them counting ASCII a byte at a time).
pub struct UnitIndex<'t> {
    bytes: &'t [u8],
    unit: OffsetUnit,
    /// `marks[i]`: the units before byte `i * STRIDE` (texts are under 4 GiB, see
    /// [`crate::text::MAX_TEXT_LEN`]).
    marks: Vec<u32>,
    /// Bit `i`: the stretch from byte `i * STRIDE` is all ASCII. Not inferred from the marks:
    /// a stretch that opens inside a character and ends on a four-byte character's first byte
    /// has as many units as bytes without being ASCII.
    ascii: Vec<u64>,
}

impl<'t> UnitIndex<'t> {
    /// The marks of `text`, in one pass over it.
    ///
    /// # Panics
    ///
    /// If `text` is longer than [`crate::text::MAX_TEXT_LEN`] (4 GiB).
    pub fn new(text: &'t str, unit: OffsetUnit) -> UnitIndex<'t> {
        let bytes = text.as_bytes();
        assert!(
            u32::try_from(bytes.len()).is_ok(),
            "offsets are counted for texts up to MAX_TEXT_LEN"
        );
        let stretches = bytes.len().div_ceil(STRIDE);
        let mut marks = Vec::with_capacity(stretches + 1);
        let mut ascii = vec![0u64; stretches.div_ceil(64)];
        let mut units = 0;
        marks.push(units);
        for (i, stretch) in bytes.chunks(STRIDE).enumerate() {
            // `is_ascii` reads a word at a time.
            if stretch.is_ascii() {
                ascii[i / 64] |= 1 << (i % 64);
                units += stretch.len() as u32;
            } else {
                units += unit.units_in(stretch) as u32;
            }
            marks.push(units);
        }
        UnitIndex {
            bytes,
            unit,
            marks,
            ascii,
        }
    }

    /// The offset in units of byte offset `byte` (a character boundary, or the text's end).
    pub fn of(&self, byte: usize) -> usize {
        let mark = byte / STRIDE;
        let from = mark * STRIDE;
        let in_ascii = self
            .ascii
            .get(mark / 64)
            .is_some_and(|bits| bits >> (mark % 64) & 1 != 0);
        let within = if in_ascii {
            byte - from
        } else {
            self.unit.units_in(&self.bytes[from..byte])
        };
        self.marks[mark] as usize + within
    }
}

impl OffsetUnit {
    /// The units of the characters that start in `bytes`: counted by their first bytes, so a
    /// slice may cut a character (its start counts where it lies).
    ///
    /// Eight bytes at a time: a byte at a time, the offsets that fall among curly quotes and
    /// accents cost some 60 instructions each.
    fn units_in(self, bytes: &[u8]) -> usize {
        const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
        if self == OffsetUnit::Bytes {
            return bytes.len();
        }
        // A continuation byte is 10xxxxxx; four-byte characters (first byte 0xF0 and up) are
        // two UTF-16 units. Shifting a word left by k brings each byte's bit 7-k to bit 7.
        let mut continuations = 0;
        let mut four_byte_starts = 0;
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            continuations += (w & !(w << 1) & HIGHS).count_ones() as usize;
            four_byte_starts += (w & w << 1 & w << 2 & w << 3 & HIGHS).count_ones() as usize;
        }
        for &b in words.remainder() {
            continuations += usize::from(b & 0xC0 == 0x80);
            four_byte_starts += usize::from(b >= 0xF0);
        }
        let chars = bytes.len() - continuations;
        match self {
            OffsetUnit::Utf16 => chars + four_byte_starts,
            _ => chars,
        }
    }
}

/// Converts one offset in `unit` back to a byte offset, or `None` when it is past the end or
/// falls inside a character (half of a surrogate pair, say).
pub fn to_byte(text: &str, offset: usize, unit: OffsetUnit) -> Option<usize> {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units == offset {
            return Some(byte);
        }
        if units > offset {
            return None;
        }
        units += unit.width(c);
    }
    (units == offset).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "é “😀” a\u{301}b";

    #[test]
    fn each_unit_counts_its_own_way() {
        // Boundaries: é(2 bytes) space “(3) 😀(4) ”(3) space a ◌́(2) b.
        let bytes: Vec<usize> = TEXT.char_indices().map(|(i, _)| i).collect();
        let table = [
            (OffsetUnit::Bytes, vec![0, 2, 3, 6, 10, 13, 14, 15, 17]),
            (OffsetUnit::Utf16, vec![0, 1, 2, 3, 5, 6, 7, 8, 9]),
            (OffsetUnit::Chars, vec![0, 1, 2, 3, 4, 5, 6, 7, 8]),
        ];
        for (unit, expected) in table {
            assert_eq!(from_bytes(TEXT, &bytes, unit), expected, "{unit:?}");
            for (byte, offset) in bytes.iter().zip(&expected) {
                assert_eq!(to_byte(TEXT, *offset, unit), Some(*byte), "{unit:?}");
            }
        }
    }

    #[test]
    fn end_of_text_converts() {
        assert_eq!(
            from_bytes(TEXT, &[TEXT.len()], OffsetUnit::Utf16),
            vec![TEXT.encode_utf16().count()]
        );
        assert_eq!(to_byte(TEXT, 9 + 1, OffsetUnit::Utf16), Some(TEXT.len()));
    }

    #[test]
    fn half_a_surrogate_pair_is_not_a_boundary() {
        assert_eq!(to_byte(TEXT, 4, OffsetUnit::Utf16), None);
        assert_eq!(to_byte(TEXT, 99, OffsetUnit::Chars), None);
    }

    #[test]
    fn loose_spans_convert_like_an_analysis() {
        let mut spans = [TextSpan::new(TEXT, 3, 13), TextSpan::new(TEXT, 14, 18)];
        convert_spans(TEXT, spans.iter_mut(), OffsetUnit::Utf16);
        assert_eq!((spans[0].start, spans[0].end), (2, 6));
        assert_eq!((spans[1].start, spans[1].end), (7, 10));
        assert_eq!(spans[1].text, "a\u{301}b");
    }

    /// The marks and the counts from them agree with counting characters from the start, at
    /// every boundary of texts that put multi-byte characters across the marks.
    #[test]
    fn unit_index_counts_like_the_characters() {
        let pieces = ["a", "é", "“", "😀", "日本", " ", "a\u{301}"];
        // Mostly ASCII too, as news is, so that whole stretches between marks are ASCII.
        let newsy = ["a", "b", " ", ".", "said", "the", "a", "é", "“", "😀"];
        // The stretch of bytes 32..64 opens inside `é` and ends on the first byte of `😀`: as
        // many UTF-16 units as bytes, and not ASCII.
        let mut texts = vec![format!("{}é{}😀b", "a".repeat(31), "a".repeat(30))];
        let mut rng = crate::test_inputs::Rng::new(3);
        for round in 0..400 {
            let n = rng.below(150);
            let pieces: &[&str] = if round % 2 == 0 { &pieces } else { &newsy };
            texts.push((0..n).map(|_| rng.pick(pieces)).collect());
        }
        for text in texts {
            for unit in [OffsetUnit::Bytes, OffsetUnit::Utf16, OffsetUnit::Chars] {
                let index = UnitIndex::new(&text, unit);
                let mut units = 0;
                for (byte, c) in text.char_indices() {
                    assert_eq!(index.of(byte), units, "{unit:?} at {byte} of {text:?}");
                    units += unit.width(c);
                }
                assert_eq!(
                    index.of(text.len()),
                    units,
                    "{unit:?} at the end of {text:?}"
                );
            }
        }
    }

    #[test]
    fn unit_names_parse() {
        assert_eq!("utf16".parse(), Ok(OffsetUnit::Utf16));
        assert_eq!("chars".parse(), Ok(OffsetUnit::Chars));
        assert_eq!("bytes".parse(), Ok(OffsetUnit::Bytes));
        assert!("lines".parse::<OffsetUnit>().is_err());
    }
}
