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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{QuoteKind, TextSpan};

    fn quote(text: &str, start: usize, end: usize, speaker: Option<Speaker>) -> Quote {
        Quote {
            id: "q1".to_string(),
            kind: QuoteKind::Direct,
            span: TextSpan::new(text, start, end),
            speaker,
            cue: None,
            nested_in: None,
            rule: "test".to_string(),
            attribution_rule: None,
        }
    }

    fn speaker(name: &str, entity: Option<&str>) -> Speaker {
        Speaker {
            name: name.to_string(),
            entity: entity.map(str::to_string),
            mention: None,
            anonymous: entity.is_none(),
            resolution: "name".to_string(),
        }
    }

    #[test]
    fn innermost_quote_speaks() {
        let text = "“He said, ‘we may help,’ and left,” she said. It could rain.";
        let open = "“".len();
        let inner_start = text.find("we may").unwrap();
        let inner_end = text.find(",’").unwrap();
        let outer_end = text.find("left,").unwrap() + "left,".len();
        let outer = quote(text, open, outer_end, Some(speaker("Ana Ruiz", Some("e1"))));
        let inner = quote(
            text,
            inner_start,
            inner_end,
            Some(speaker("a U.S. official", None)),
        );
        let quotes = [outer, inner];
        let may = text.find("may").unwrap();
        let left = text.find("left").unwrap();
        let could = text.find("could").unwrap();
        assert_eq!(voice_of(&quotes, may, may + 3), "speaker:a-u-s-official");
        assert_eq!(voice_of(&quotes, left, left + 4), "e1");
        assert_eq!(voice_of(&quotes, could, could + 5), WRITER);
    }

    #[test]
    fn a_quote_without_speaker_is_unattributed() {
        let text = "“It may rain.”";
        let start = "“".len();
        let quotes = [quote(text, start, text.len() - "”".len(), None)];
        let may = text.find("may").unwrap();
        assert_eq!(voice_of(&quotes, may, may + 3), UNATTRIBUTED);
    }
}
