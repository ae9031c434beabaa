//! JSON byte for byte as serde_json writes it, compact or pretty, in a fraction of the
//! instructions.
//!
//! Every wasm call and every line of the CLI's `--jsonl` writes an analysis as compact JSON,
//! and an analysis is some five times its text: through serde_json that was a fifth of a wasm
//! call (540 K instructions an article, seed 002), half of it the loop that looks at every byte
//! of every string for a character to escape. Here a string is tested and copied eight bytes
//! at a time, a struct's field name (never in need of an escape: the names are Rust
//! identifiers) is copied without a test, and the output goes straight into a `Vec` rather than
//! through `io::Write`. Most strings, names and numbers are a few bytes long, and a copy of a
//! few bytes of unknown length is a call to `memcpy`: so the bytes are copied a whole word at a
//! time, and a word's bytes past the end cut off again.
//!
//! Whole numbers are written eight digits a word; the others are serde_json's own: its
//! `CompactFormatter` writes them. The output is tested against serde_json's over every seed's
//! analysis, every hostile input's, random strings of every kind of character and numbers at
//! every length (see the tests).
//!
//! ```
//! use newslens::json::{to_vec, Style};
//!
//! let analysis = newslens::annotate("“We will not pay,” the minister said.");
//! assert_eq!(to_vec(&analysis, Style::Compact).unwrap(), serde_json::to_vec(&analysis).unwrap());
//! assert_eq!(
//!     to_vec(&analysis, Style::Pretty).unwrap(),
//!     serde_json::to_vec_pretty(&analysis).unwrap()
//! );
//! ```

use serde::ser::{self, Serialize};
use serde_json::ser::Formatter;

/// Why a value could not be written: only a map with keys that are not strings or numbers
/// fails, and the analysis has none.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

/// How the JSON is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// On one line, as `serde_json::to_vec`.
    Compact,
    /// [`Style::Compact`] with every character past ASCII written as a `\uXXXX` escape (two for
    /// one outside the Basic Multilingual Plane): the same value once parsed, and a string an
    /// engine's `TextDecoder` reads many times faster (see `wasm.rs`).
    Ascii,
    /// A value a line, indented two spaces a level, as `serde_json::to_vec_pretty`.
    Pretty,
}

/// `value` as JSON in `style`.
pub fn to_vec(value: &(impl Serialize + ?Sized), style: Style) -> Result<Vec<u8>> {
    let mut never = |_: &[u8]| unreachable!("no piece is ever full");
    write(value, style, usize::MAX, &mut never)
}

/// `value` as JSON in `style` handed to `hand_over` in pieces of about `piece` bytes or more,
/// cut after an element of a list: a long text's JSON need never be whole in memory. A piece
/// may end inside a character unless the style is [`Style::Ascii`].
pub fn to_pieces(
    value: &(impl Serialize + ?Sized),
    style: Style,
    piece: usize,
    mut hand_over: impl FnMut(&[u8]),
) -> Result {
    let rest = write(value, style, piece, &mut hand_over)?;
    if !rest.is_empty() {
        hand_over(&rest);
    }
    Ok(())
}

/// Writes `value`, handing over full pieces; returns the rest. Pretty JSON is a writer of its
/// own type, which a module that never asks for it (the wasm's, whose one call names its style)
/// can leave out: as a flag tested at every list and map it cost the page 1.8 KB gzipped.
fn write(
    value: &(impl Serialize + ?Sized),
    style: Style,
    piece: usize,
    hand_over: &mut dyn FnMut(&[u8]),
) -> Result<Vec<u8>> {
    fn with<const PRETTY: bool>(
        value: &(impl Serialize + ?Sized),
        ascii_only: bool,
        piece: usize,
        hand_over: &mut dyn FnMut(&[u8]),
    ) -> Result<Vec<u8>> {
        let mut writer = Writer::<PRETTY>::new(ascii_only, piece, hand_over);
        // Room for an article's JSON (some 36 KB) or a piece at once.
        writer.out.reserve(piece.min(64 << 10));
        value.serialize(&mut writer)?;
        Ok(writer.out)
    }
    match style {
        Style::Compact => with::<false>(value, false, piece, hand_over),
        Style::Ascii => with::<false>(value, true, piece, hand_over),
        Style::Pretty => with::<true>(value, false, piece, hand_over),
    }
}

/// Where the JSON goes: a buffer handed over whenever it has grown to a piece.
struct Writer<'h, const PRETTY: bool> {
    out: Vec<u8>,
    ascii_only: bool,
    /// How many lists and maps the value being written is in.
    depth: usize,
    piece: usize,
    hand_over: &'h mut dyn FnMut(&[u8]),
}

/// What follows a backslash for each ASCII byte a JSON string escapes: `u` for those written
/// `\u00XX`, 0 for the bytes written as they are (serde_json's choices).
const ESCAPES: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Each byte of a word set to `byte`.
const fn splat(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// The high bit of each of the eight bytes of `word` that may need an escape: a control
/// character, `"`, `\`, or with `ascii_only` any byte past ASCII. The lowest flag is right
/// and no byte below it needs an escape; flags above it may be wrong (a borrow runs up from a
/// flagged byte), so the bytes past the lowest flag's are looked at again.
#[inline]
fn escape_flags(word: u64, ascii_only: bool) -> u64 {
    const HIGH: u64 = splat(0x80);
    // A byte's high bit survives `x - 1` and `!x` only for a byte that was 0 (or, past the
    // first such byte, by a borrow from it): the classic test for a zero byte, on `word` minus
    // 0x20 for the control characters and on `word` xor the byte for the other two.
    let zero = |x: u64| x.wrapping_sub(splat(1)) & !x;
    let control = word.wrapping_sub(splat(0x20)) & !word;
    let past_ascii = if ascii_only { word } else { 0 };
    (control | zero(word ^ splat(b'"')) | zero(word ^ splat(b'\\')) | past_ascii) & HIGH
}

/// The bytes of `rest` (fewer than eight) as the low bytes of a little-endian word, the others
/// spaces (which need no escape): the end of a string is tested and copied as a whole word.
/// Copied into an array instead, its unknown length made each copy a call to `memcpy`.
#[inline]
fn last_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!(n < 8);
    // Two reads that overlap when `n` is not a power of two: an overlapping byte is the same
    // in both, so or-ing them is right.
    let bytes = if n >= 4 {
        let low = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
        let high = u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes"));
        u64::from(low) | u64::from(high) << (8 * (n - 4))
    } else if n >= 2 {
        let low = u16::from_le_bytes(rest[..2].try_into().expect("two bytes"));
        let high = u16::from_le_bytes(rest[n - 2..].try_into().expect("two bytes"));
        u64::from(low) | u64::from(high) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    };
    bytes | splat(b' ') << (8 * n)
}

/// Appends the first `len` bytes of `word` (little-endian): all eight are stored at once and
/// the rest cut off again, which costs less than copying a few bytes of unknown length.
#[inline]
fn push_word(out: &mut Vec<u8>, word: u64, len: usize) {
    let end = out.len() + len;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

impl<'h, const PRETTY: bool> Writer<'h, PRETTY> {
    fn new(ascii_only: bool, piece: usize, hand_over: &'h mut dyn FnMut(&[u8])) -> Self {
        Writer {
            out: Vec::new(),
            ascii_only,
            depth: 0,
            piece,
            hand_over,
        }
    }

    /// In pretty JSON, one level deeper (only pretty JSON counts levels).
    #[inline]
    fn deeper(&mut self) {
        if PRETTY {
            self.depth += 1;
        }
    }

    /// In pretty JSON, one level less deep.
    #[inline]
    fn shallower(&mut self) {
        if PRETTY {
            self.depth -= 1;
        }
    }

    /// In pretty JSON, a line break and the indentation of the current depth.
    #[inline]
    fn line_break(&mut self) {
        if !PRETTY {
            return;
        }
        // Two spaces a level; a line's indentation is copied at once from these.
        const SPACES: &[u8; 64] = &[b' '; 64];
        self.out.push(b'\n');
        let mut spaces = 2 * self.depth;
        while spaces > 0 {
            let now = spaces.min(SPACES.len());
            self.out.extend_from_slice(&SPACES[..now]);
            spaces -= now;
        }
    }

    /// What comes between a map's key and its value.
    #[inline]
    fn colon(&mut self) {
        if PRETTY {
            self.out.extend_from_slice(b": ");
        } else {
            self.out.push(b':');
        }
    }

    /// Hands the buffer over once it holds a piece.
    #[inline]
    fn maybe_hand_over(&mut self) {
        if self.out.len() >= self.piece {
            (self.hand_over)(&self.out);
            self.out.clear();
        }
    }

    /// `text` as a JSON string, escaped as serde_json escapes it.
    fn string(&mut self, text: &str) {
        // Most strings need no escape, and most are short: eight bytes are tested and copied
        // at a time, the last few as a word of their own (see `push_word`).
        let bytes = text.as_bytes();
        self.out.push(b'"');
        // `bytes[..i]` are written.
        let mut i = 0;
        'escape: loop {
            let mut words = bytes[i..].chunks_exact(8);
            for eight in &mut words {
                let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                let flags = escape_flags(word, self.ascii_only);
                if flags != 0 {
                    i = self.escape_in_word(text, i, word, flags);
                    continue 'escape;
                }
                self.out.extend_from_slice(&word.to_le_bytes());
                i += 8;
            }
            let rest = words.remainder();
            let word = last_word(rest);
            let flags = escape_flags(word, self.ascii_only);
            if flags != 0 {
                i = self.escape_in_word(text, i, word, flags);
                continue;
            }
            push_word(&mut self.out, word, rest.len());
            break;
        }
        self.out.push(b'"');
    }

    /// Writes `word`, the bytes of `text` from `i`, up to its first byte flagged by
    /// [`escape_flags`], and that byte's character, escaped if it must be; returns where the
    /// next character starts.
    #[inline(never)]
    fn escape_in_word(&mut self, text: &str, i: usize, word: u64, flags: u64) -> usize {
        // The lowest flag is never wrong (see `escape_flags`).
        let clean = flags.trailing_zeros() as usize / 8;
        push_word(&mut self.out, word, clean);
        self.escape_at(text, i + clean)
    }

    /// Writes the character of `text` at `i`, which needs an escape; returns where the next
    /// one starts.
    fn escape_at(&mut self, text: &str, i: usize) -> usize {
        let b = text.as_bytes()[i];
        match ESCAPES.get(usize::from(b)).copied() {
            Some(b'u') => self.unicode_escape(u16::from(b)),
            Some(short) => {
                debug_assert!(short != 0, "{b:#x} needs no escape");
                self.out.extend_from_slice(&[b'\\', short]);
            }
            None => {
                debug_assert!(self.ascii_only, "{b:#x} needs no escape");
                let c = text[i..].chars().next().expect("a character starts here");
                for &unit in c.encode_utf16(&mut [0; 2]).iter() {
                    self.unicode_escape(unit);
                }
                return i + c.len_utf8();
            }
        }
        i + 1
    }

    /// `\uXXXX` in lower-case hex, as serde_json writes it.
    fn unicode_escape(&mut self, unit: u16) {
        let hex = |shift: u16| b"0123456789abcdef"[usize::from(unit >> shift & 0xf)];
        self.out
            .extend_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
    }

    /// A struct's field name and what follows it: a Rust identifier (or a serde rename of one)
    /// needs no escape, so it is copied eight bytes at a time, as [`Writer::string`] copies.
    ///
    /// Natively it is inlined into each field a derived `Serialize` writes, where the name is a
    /// constant and its copy folds into a few stores (with `SerializeStruct::serialize_field`
    /// inlined too, 328 K -> 308 K instructions for seed 002's JSON). In wasm, where the download
    /// counts, one copy of it serves every field (inlined into each field's type, it cost the
    /// compare page's module 630 bytes gzipped).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn field_name(&mut self, name: &'static str) {
        debug_assert!(
            name.bytes()
                .all(|b| ESCAPES.get(usize::from(b)) == Some(&0)),
            "{name:?} needs escaping"
        );
        self.out.push(b'"');
        let mut words = name.as_bytes().chunks_exact(8);
        for eight in &mut words {
            self.out.extend_from_slice(eight);
        }
        let rest = words.remainder();
        if !PRETTY && rest.len() <= 6 {
            // The closing quote and the colon in the same word as the end of the name, over its
            // spaces: one copy less for nearly every name.
            let close = u64::from_le_bytes(*b"\":      ") << (8 * rest.len());
            let spaces = splat(b' ') << (8 * rest.len());
            push_word(
                &mut self.out,
                last_word(rest) ^ spaces ^ close,
                rest.len() + 2,
            );
            return;
        }
        push_word(&mut self.out, last_word(rest), rest.len());
        self.out.push(b'"');
        self.colon();
    }

    /// A whole number, as serde_json writes it: eight digits at a time, each eight a word
    /// written at once. Offsets and counts are nearly all of an analysis's numbers, nearly all
    /// under 10^8, and itoa's way ends in a copy of unknown length, a call to `memcpy`.
    fn unsigned(&mut self, v: u64) {
        const EIGHT_DIGITS: u64 = 100_000_000;
        if v < EIGHT_DIGITS {
            self.digits(v as u32, 1);
        } else {
            self.unsigned(v / EIGHT_DIGITS);
            self.digits((v % EIGHT_DIGITS) as u32, 8);
        }
    }

    /// The digits of `v` (under 10^8), at least `at_least` of them (leading zeros).
    fn digits(&mut self, v: u32, at_least: usize) {
        debug_assert!(v < 100_000_000 && (1..=8).contains(&at_least));
        // All eight digits at once, a byte each, the first in the lowest byte (which comes
        // first in a little-endian word): `v` split into two halves of four digits, each lane
        // split again into two of two and those into two digits, each split a multiplication
        // by a reciprocal that is exact for the lane's numbers (under 10^4, under 100).
        let v = u64::from(v);
        let fours = (v / 10_000) | ((v % 10_000) << 32);
        let high_twos = ((fours * 10_486) >> 20) & 0x0000_007F_0000_007F;
        let twos = high_twos | ((fours - high_twos * 100) << 16);
        let high_ones = ((twos * 103) >> 10) & 0x000F_000F_000F_000F;
        let ones = high_ones | ((twos - high_ones * 10) << 8);
        // A leading zero is a zero byte at the bottom.
        let zeros = (ones.trailing_zeros() as usize / 8).min(8 - at_least);
        let digits = (ones >> (8 * zeros)) | splat(b'0');
        push_word(&mut self.out, digits, 8 - zeros);
    }

    /// A number as serde_json's `CompactFormatter` writes it.
    fn number(&mut self, write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result {
        write(&mut self.out).map_err(|_| Error("a number could not be written".into()))
    }
}

/// A list, map or struct being written: whether an element was written yet (a comma goes
/// before each one after the first), and whether it is the value of an enum variant's object.
pub struct Compound<'w, 'h, const PRETTY: bool> {
    writer: &'w mut Writer<'h, PRETTY>,
    first: bool,
    in_variant: bool,
}

impl<const PRETTY: bool> Compound<'_, '_, PRETTY> {
    /// Starts the next element.
    #[inline]
    fn next(&mut self) {
        if !self.first {
            self.writer.out.push(b',');
        }
        self.writer.line_break();
        self.first = false;
    }

    /// Closes with `bracket`, and the variant's object around it if there is one.
    fn close(self, bracket: u8) -> Result {
        let writer = self.writer;
        writer.shallower();
        if !self.first {
            writer.line_break();
        }
        writer.out.push(bracket);
        if self.in_variant {
            close_variant(writer);
        }
        Ok(())
    }
}

/// Opens `bracket` and returns the compound that closes it.
fn open<'w, 'h, const PRETTY: bool>(
    writer: &'w mut Writer<'h, PRETTY>,
    bracket: u8,
) -> Compound<'w, 'h, PRETTY> {
    writer.out.push(bracket);
    writer.deeper();
    Compound {
        writer,
        first: true,
        in_variant: false,
    }
}

/// Opens an object holding `variant`'s value, as serde_json writes an enum variant with data
/// (`{"Variant": value}`), up to the value.
fn open_variant<'w, 'h, const PRETTY: bool>(
    writer: &'w mut Writer<'h, PRETTY>,
    variant: &str,
) -> &'w mut Writer<'h, PRETTY> {
    writer.out.push(b'{');
    writer.deeper();
    writer.line_break();
    writer.string(variant);
    writer.colon();
    writer
}

/// Closes the object [`open_variant`] opened, after the variant's value.
fn close_variant<const PRETTY: bool>(writer: &mut Writer<'_, PRETTY>) {
    writer.shallower();
    writer.line_break();
    writer.out.push(b'}');
}

impl<'w, 'h, const PRETTY: bool> ser::Serializer for &'w mut Writer<'h, PRETTY> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'h, PRETTY>;
    type SerializeTuple = Compound<'w, 'h, PRETTY>;
    type SerializeTupleStruct = Compound<'w, 'h, PRETTY>;
    type SerializeTupleVariant = Compound<'w, 'h, PRETTY>;
    type SerializeMap = Compound<'w, 'h, PRETTY>;
    type SerializeStruct = Compound<'w, 'h, PRETTY>;
    type SerializeStructVariant = Compound<'w, 'h, PRETTY>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result {
        if v < 0 {
            self.out.push(b'-');
        }
        self.unsigned(v.unsigned_abs());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.number(|out| serde_json::ser::CompactFormatter.write_i128(out, v))
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.number(|out| serde_json::ser::CompactFormatter.write_u128(out, v))
    }
    fn serialize_f32(self, v: f32) -> Result {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        self.number(|out| serde_json::ser::CompactFormatter.write_f32(out, v))
    }
    fn serialize_f64(self, v: f64) -> Result {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        self.number(|out| serde_json::ser::CompactFormatter.write_f64(out, v))
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        let writer = open_variant(self, variant);
        value.serialize(&mut *writer)?;
        close_variant(writer);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, 'h, PRETTY>> {
        Ok(open(self, b'['))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'h, PRETTY>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'h, PRETTY>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'h, PRETTY>> {
        let mut list = open(open_variant(self, variant), b'[');
        list.in_variant = true;
        Ok(list)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, 'h, PRETTY>> {
        Ok(open(self, b'{'))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'h, PRETTY>> {
        Ok(open(self, b'{'))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'h, PRETTY>> {
        let mut fields = open(open_variant(self, variant), b'{');
        fields.in_variant = true;
        Ok(fields)
    }
}

impl<const PRETTY: bool> ser::SerializeSeq for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.next();
        value.serialize(&mut *self.writer)?;
        // Lists hold nearly all of a long analysis: a piece is cut between their elements.
        self.writer.maybe_hand_over();
        Ok(())
    }
    fn end(self) -> Result {
        self.close(b']')
    }
}

impl<const PRETTY: bool> ser::SerializeTuple for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl<const PRETTY: bool> ser::SerializeTupleStruct for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl<const PRETTY: bool> ser::SerializeTupleVariant for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result {
        self.close(b']')
    }
}

impl<const PRETTY: bool> ser::SerializeMap for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.next();
        key.serialize(MapKey(&mut *self.writer))?;
        self.writer.colon();
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result {
        self.close(b'}')
    }
}

impl<const PRETTY: bool> ser::SerializeStruct for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    // Natively inlined so that the name is a constant (see `Writer::field_name`).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result {
        self.next();
        self.writer.field_name(name);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result {
        self.close(b'}')
    }
}

impl<const PRETTY: bool> ser::SerializeStructVariant for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, name, value)
    }
    fn end(self) -> Result {
        self.close(b'}')
    }
}

/// A map's key: JSON keys are strings, so serde_json quotes a number or a boolean and refuses
/// anything else; so does this.
struct MapKey<'w, 'h, const PRETTY: bool>(&'w mut Writer<'h, PRETTY>);

fn key_must_be_a_string() -> Error {
    Error("a map's key must be a string".into())
}

impl<const PRETTY: bool> MapKey<'_, '_, PRETTY> {
    /// `write` between quotes.
    fn quoted(self, write: impl FnOnce(&mut Writer<PRETTY>) -> Result) -> Result {
        self.0.out.push(b'"');
        write(self.0)?;
        self.0.out.push(b'"');
        Ok(())
    }
}

impl<const PRETTY: bool> ser::Serializer for MapKey<'_, '_, PRETTY> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result {
        self.0.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.0.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.0.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }
    fn serialize_bool(self, v: bool) -> Result {
        self.quoted(|w| w.serialize_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.quoted(|w| w.serialize_i8(v))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.quoted(|w| w.serialize_i16(v))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.quoted(|w| w.serialize_i32(v))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.quoted(|w| w.serialize_i64(v))
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.quoted(|w| w.serialize_i128(v))
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.quoted(|w| w.serialize_u8(v))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.quoted(|w| w.serialize_u16(v))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.quoted(|w| w.serialize_u32(v))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.quoted(|w| w.serialize_u64(v))
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.quoted(|w| w.serialize_u128(v))
    }
    fn serialize_f32(self, v: f32) -> Result {
        if !v.is_finite() {
            return Err(key_must_be_a_string());
        }
        self.quoted(|w| w.serialize_f32(v))
    }
    fn serialize_f64(self, v: f64) -> Result {
        if !v.is_finite() {
            return Err(key_must_be_a_string());
        }
        self.quoted(|w| w.serialize_f64(v))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's compact JSON with every character past ASCII written as `\uXXXX`: serde_json
    /// never escapes one, and outside strings JSON is ASCII.
    fn ascii_only(json: &str) -> String {
        let mut out = String::new();
        for c in json.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
        out
    }

    /// Ours, in every style, against serde_json's.
    fn assert_same(value: &(impl Serialize + ?Sized)) {
        let ours =
            |style| String::from_utf8(to_vec(value, style).expect("written")).expect("UTF-8");
        let theirs = serde_json::to_string(value).expect("serde_json writes it");
        assert_eq!(ours(Style::Compact), theirs);
        assert_eq!(ours(Style::Ascii), ascii_only(&theirs));
        let theirs = serde_json::to_string_pretty(value).expect("serde_json writes it");
        assert_eq!(ours(Style::Pretty), theirs);
    }

    /// Every seed's analysis and every hostile input's, in each offset unit, and the seeds'
    /// comparison.
    #[test]
    fn analyses_are_written_as_serde_json_writes_them() {
        let seeds = crate::test_inputs::seeds();
        let mut texts = seeds.clone();
        texts.extend(crate::test_inputs::CASES.iter().map(|(_, case)| case(3000)));
        for text in &texts {
            for unit in [
                crate::OffsetUnit::Utf16,
                crate::OffsetUnit::Chars,
                crate::OffsetUnit::Bytes,
            ] {
                assert_same(&crate::annotate_in(text, unit));
            }
        }
        let named: Vec<(String, &str)> = (seeds.iter().enumerate())
            .map(|(i, text)| (format!("seed {i}"), text.as_str()))
            .collect();
        let named: Vec<(&str, &str)> = named.iter().map(|(n, t)| (n.as_str(), *t)).collect();
        assert_same(&crate::compare::compare_named(&named));
    }

    /// Strings of every kind of character, escaped or not, at every place around the eight
    /// bytes read at once. Seen to fail with each of the three tests of `escape_flags` dropped,
    /// with the non-ASCII test dropped, and with a word's highest flag taken for its lowest.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut pieces: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        pieces.extend(
            [
                "é",
                "😀",
                "\u{2028}",
                "\u{FEFF}",
                "“",
                "—",
                "\u{7FF}",
                "\u{800}",
                "\u{10FFFF}",
            ]
            .map(String::from),
        );
        pieces.extend(["abcdefgh", "ab", "abcdefghijklmno"].map(String::from));
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut rng = crate::test_inputs::Rng::new(61);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 24);
            assert_same(&text);
            assert_same(
                &[(text.as_str(), 1)]
                    .into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>(),
            );
        }
    }

    /// The end of a string read as one word, against its plain definition: its bytes copied
    /// over eight spaces, at every length. Seen to fail with the second read one byte late.
    #[test]
    fn a_last_word_is_its_bytes_over_spaces() {
        let bytes = [0xF1, 0x02, 0x83, b'"', 0xE5, 0x06, 0x97];
        for len in 0..8 {
            let mut plain = [b' '; 8];
            plain[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(last_word(&bytes[..len]), u64::from_le_bytes(plain), "{len}");
        }
    }

    /// Whole numbers written eight digits a word, against serde_json: every number up to
    /// 1,000, each side of every power of ten, the limits, random numbers of every length, and
    /// each negated. Seen to fail with the leading zeros of the lower eight digits left out, with
    /// the first digit lost, and with each reciprocal one less.
    #[test]
    fn whole_numbers_are_written_as_serde_json_writes_them() {
        let mut numbers: Vec<u64> = (0..=1000).collect();
        for power in (1..=19).map(|p| 10u64.pow(p)) {
            numbers.extend([power - 1, power, power + 1, power.saturating_mul(2) - 1]);
        }
        numbers.extend([u64::from(u32::MAX), u64::MAX - 1, u64::MAX]);
        // And numbers of every length, with zeros anywhere among their digits.
        let mut rng = crate::test_inputs::Rng::new(8);
        numbers.extend((0..20_000).map(|_| rng.next() >> rng.below(64)));
        for n in numbers {
            assert_same(&n);
            assert_same(
                &[(n, n)]
                    .into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>(),
            );
            if let Ok(n) = i64::try_from(n) {
                assert_same(&[-n, n]);
                assert_same(
                    &[(-n, n)]
                        .into_iter()
                        .collect::<std::collections::BTreeMap<_, _>>(),
                );
            }
        }
        assert_same(&[i64::MIN, i64::MAX, i64::MIN + 1]);
    }

    /// Values of every other shape serde_json writes: numbers at their limits, floats that are
    /// not finite (null), empty and nested lists and maps, keys that are numbers or booleans,
    /// and enums of every kind.
    #[test]
    fn other_values_are_written_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        enum Kind {
            Unit,
            Newtype(u8),
            Tuple(i8, bool),
            Struct { a: Option<f32>, b: () },
        }
        #[derive(serde::Serialize)]
        struct Unit;
        #[derive(serde::Serialize)]
        struct Pair(i16, char);
        assert_same(&serde_json::json!([
            0, 1, -1, u64::MAX, i64::MIN, 0.5, -1.5e300, 1e-7, [], {}, [[], {"a": {}}], null, true,
            {"k": "v", "\"": "\\"}
        ]));
        assert_same(&(
            u128::MAX,
            i128::MIN,
            f64::NAN,
            f64::INFINITY,
            f32::MIN_POSITIVE,
            'é',
        ));
        assert_same(&[Kind::Unit, Kind::Newtype(7), Kind::Tuple(-3, false)]);
        assert_same(&Kind::Struct {
            a: Some(2.5),
            b: (),
        });
        assert_same(&Kind::Struct { a: None, b: () });
        assert_same(&(
            Unit,
            Pair(-7, '"'),
            Some(Some(3)),
            None::<u8>,
            b"bytes".as_slice(),
        ));
        let map = |keys: Vec<serde_json::Value>| keys;
        assert_same(&map(vec![]));
        assert_same(
            &[(1u8, 'a'), (2, 'b')]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        );
        assert_same(
            &[(-1i64, 0)]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        );
        assert_same(
            &[(true, 0)]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        );
        assert_same(
            &[('k', 0)]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        );
        assert!(to_vec(
            &[((), 0)]
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
            Style::Compact
        )
        .is_err());
    }

    /// Values nested past the indentation copied at once, with empty lists and maps at every
    /// depth, and enum variants with data inside lists, written pretty as serde_json does.
    #[test]
    fn nested_values_are_indented_as_serde_json_indents_them() {
        #[derive(serde::Serialize)]
        enum Kind {
            Newtype(Vec<u8>),
            Tuple(u8, Vec<u8>),
            Struct { list: Vec<u8> },
        }
        let mut nested = serde_json::json!([[], {}, {"a": [1, {"b": []}]}]);
        for depth in 0..80 {
            nested = if depth % 2 == 0 {
                serde_json::json!([nested, [], {}, depth])
            } else {
                serde_json::json!({"k": nested, "empty": {}, "list": [depth]})
            };
            assert_same(&nested);
        }
        assert_same(&[[Kind::Newtype(vec![1]), Kind::Newtype(vec![])]]);
        assert_same(&[Kind::Tuple(1, vec![2]), Kind::Struct { list: vec![3, 4] }]);
        assert_same(&Kind::Struct { list: vec![] });
    }

    /// The pieces are the whole JSON cut after list elements, each but the last at least a
    /// piece long.
    #[test]
    fn pieces_make_the_whole() {
        for text in crate::test_inputs::seeds() {
            let analysis = crate::annotate(&text);
            for style in [Style::Compact, Style::Ascii, Style::Pretty] {
                let whole = to_vec(&analysis, style).expect("written");
                for piece in [1, 100, 4096, usize::MAX] {
                    let mut pieces: Vec<Vec<u8>> = Vec::new();
                    to_pieces(&analysis, style, piece, |p| pieces.push(p.to_vec()))
                        .expect("written");
                    assert_eq!(pieces.concat(), whole);
                    let (last, rest) = pieces.split_last().expect("a piece");
                    assert!(!last.is_empty());
                    assert!(rest.iter().all(|p| p.len() >= piece), "{piece}");
                    if piece == 100 {
                        assert!(rest.len() > 10, "{}", rest.len());
                    }
                }
            }
        }
    }
}
