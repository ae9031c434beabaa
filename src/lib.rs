//! NewsLens reads a news article and marks up who is quoted and what they said, the people,
//! organisations, places, dates and numbers it names, and the stance cues in its language.
//!
//! The crate is a pure core: [`annotate`] takes the article's text and returns an [`Analysis`].
//! It does no I/O and its output depends on nothing but its input. The CLI (`src/main.rs`) and
//! the WebAssembly boundary (`src/wasm.rs`) only convert.
//!
//! # Example: who said what
//! ```
//! let text = "“We will not accept it,” Claudia Sheinbaum said on Friday.";
//! let analysis = newslens::annotate(text);
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.span.text, "We will not accept it,");
//! assert_eq!(quote.kind, newslens::QuoteKind::Direct);
//! // Spans are byte ranges: `text` is always the input's slice, borrowed, not copied, so the
//! // analysis lives no longer than the text it describes.
//! assert_eq!(&text[quote.span.start..quote.span.end], quote.span.text);
//! ```
//!
//! # Example: offsets for JavaScript or Python
//! Rust slices in bytes, JavaScript in UTF-16 code units, Python in code points.
//! [`annotate_in`] converts every span in one pass:
//! ```
//! use newslens::{annotate_in, OffsetUnit};
//!
//! let text = "Café 😀 “Oui,” dit-elle.";
//! let analysis = annotate_in(text, OffsetUnit::Chars);
//! let quote = &analysis.quotes[0].span;
//! let chars: String = text.chars().skip(quote.start).take(quote.end - quote.start).collect();
//! assert_eq!(chars, quote.text);
//! ```
//!
//! # Untrusted input
//! Any `&str` is valid input. Every rule is a single pass or a small pattern
//! ([`entities::pattern`]) tried only where a word can start its match; a pattern reads at
//! most the run of digits or spaces in front of it, once per way its few alternatives can go
//! on, so no text can make NewsLens slow down more than in proportion to its length
//! (`make bench-hostile` measures it).

#![deny(missing_docs)]

pub mod analysis;
pub mod compare;
pub mod cues;
pub mod entities;
pub mod json;
pub mod lexicon;
pub mod offsets;
pub mod profile;
pub mod quotes;
pub mod rules;
mod search;
pub mod sort;
pub mod text;

/// The test suites' shared inputs and deterministic generator (`Rng`), for the unit tests too.
#[cfg(test)]
#[path = "../tests/robust/hostile_inputs.rs"]
mod test_inputs;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{
    Analysis, AttributionCue, Cue, CueCategory, Entity, EntityType, EntityValue, Quote, QuoteKind,
    Speaker, TextSpan, FORMAT_VERSION,
};
pub use offsets::OffsetUnit;

/// Annotates one article. Spans are byte offsets into `text`.
///
/// # Panics
///
/// If `text` is longer than [`text::MAX_TEXT_LEN`] (4 GiB).
pub fn annotate(text: &str) -> Analysis<'_> {
    let doc = text::Document::new(text);
    let entities = entities::find(&doc);
    // Both the quotes and the cues (scare quotes) read the paired quote marks.
    let marked = quotes::marks::find(&doc);
    let quotes = quotes::find_with_marks(&doc, &entities, &marked);
    let cues = cues::find_with_marks(&doc, &quotes, &marked);
    drop(marked);
    let mut analysis = Analysis {
        version: FORMAT_VERSION,
        quotes,
        entities,
        cues,
        profile: profile::Profile::default(),
    };
    // The profile reads the finished analysis, so it comes last.
    analysis.profile = profile::build_in(&doc, &analysis);
    analysis
}

/// Annotates one article with offsets counted in `unit`.
pub fn annotate_in(text: &str, unit: OffsetUnit) -> Analysis<'_> {
    let mut analysis = annotate(text);
    offsets::convert(&mut analysis, text, unit);
    analysis
}
