//! Entities: people, organisations, places, dates and numbers, one cluster per referent.

use crate::analysis::Entity;
use crate::text::Document;

/// Finds the entity clusters of a document, in order of first mention.
pub fn find(_doc: &Document) -> Vec<Entity> {
    Vec::new()
}
