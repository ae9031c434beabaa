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
    let inner = innermost(quotes, &[(start, end)]);
    inner[0].map_or_else(
        || WRITER.to_string(),
        |q| speaker_key(quotes[q].speaker.as_ref()),
    )
}

/// How many open quotes, innermost first, are tried for each range: quotes nest a few levels
/// deep, so this bounds the work on adversarial input without changing real answers.
const DEPTH: usize = 8;

/// For each range (sorted or not), the index of the innermost quote that contains it. One sweep
/// over quotes and ranges by start, keeping the open quotes in an ordered set, so the cost is
/// O((quotes + ranges) log quotes) however many quotes an input has.
pub fn innermost(quotes: &[Quote], ranges: &[(usize, usize)]) -> Vec<Option<usize>> {
    use std::cmp::Reverse;
    use std::collections::{BTreeSet, BinaryHeap};

    let mut by_start: Vec<usize> = (0..quotes.len()).collect();
    crate::sort::by_key(&mut by_start, |&q| {
        (quotes[q].span.start, Reverse(quotes[q].span.end))
    });
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    crate::sort::by_key(&mut order, |&r| ranges[r].0);
    // Open quotes ordered by (start, shorter last), so the last one is the innermost; the heap
    // says which to close first.
    let mut open: BTreeSet<(usize, Reverse<usize>, usize)> = BTreeSet::new();
    let mut closing: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut next = 0;
    let mut out = vec![None; ranges.len()];
    for r in order {
        let (start, end) = ranges[r];
        while next < by_start.len() && quotes[by_start[next]].span.start <= start {
            let q = by_start[next];
            open.insert((quotes[q].span.start, Reverse(quotes[q].span.end), q));
            closing.push(Reverse((quotes[q].span.end, q)));
            next += 1;
        }
        while let Some(&Reverse((quote_end, q))) = closing.peek() {
            if quote_end > start {
                break;
            }
            closing.pop();
            open.remove(&(quotes[q].span.start, Reverse(quote_end), q));
        }
        out[r] = open
            .iter()
            .rev()
            .take(DEPTH)
            .find(|&&(_, Reverse(quote_end), _)| end <= quote_end)
            .map(|&(_, _, q)| q);
    }
    out
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
