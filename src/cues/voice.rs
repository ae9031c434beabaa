//! Whose voice a cue is in: the speaker of the innermost quote that contains it, else the
//! writer's.
//!
//! A speaker with an entity is named by the entity id (`e3`). One without an entity gets a
//! stable key from its name, `speaker:` + the name in lower case with every run of other
//! characters than letters and digits turned into one `-` (`a U.S. official` →
//! `speaker:a-u-s-official`); a quote with no speaker at all gives `unattributed`.

use crate::analysis::{Quote, Speaker};

/// The voice of the writer.
pub const WRITER: &str = "writer";

/// The voice of a quote whose speaker is unknown.
pub const UNATTRIBUTED: &str = "unattributed";

/// The voice key of a speaker (see the module docs).
pub fn speaker_key(speaker: Option<&Speaker>) -> String {
    let Some(speaker) = speaker else {
        return UNATTRIBUTED.to_string();
    };
    if let Some(entity) = &speaker.entity {
        return entity.clone();
    }
    let mut key = String::from("speaker:");
    let mut dash = false;
    for c in speaker.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !key.ends_with(':') {
                key.push('-');
            }
            dash = false;
            key.push(c);
        } else {
            dash = true;
        }
    }
    key
}

/// The voice of the byte range `start..end`.
pub fn voice_of(quotes: &[Quote], start: usize, end: usize) -> String {
    quotes
        .iter()
        .filter(|q| q.span.start <= start && end <= q.span.end)
        .min_by_key(|q| q.span.end - q.span.start)
        .map_or_else(|| WRITER.to_string(), |q| speaker_key(q.speaker.as_ref()))
}
