//! Stance cues: hedges, boosters, refusals, support, loaded attribution, anonymous sources and
//! evaluative wording.

use crate::analysis::{Cue, Entity, Quote};
use crate::text::Document;

/// Finds the stance cues of a document, in order of start.
pub fn find(_doc: &Document, _quotes: &[Quote], _entities: &[Entity]) -> Vec<Cue> {
    Vec::new()
}
