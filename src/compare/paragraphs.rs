//! Paragraphs an article repeats (a publishing glitch that doubles a block, a headline given
//! twice). Paragraphs are the article's non-blank lines, numbered from 0, as in
//! [`crate::text::Document::paragraphs`]; two are the same when their letters and digits are,
//! case and spacing aside.
//!
//! Cost: one pass over each paragraph and one hash-map insertion: linear in the text.

use rustc_hash::FxHashMap;

use crate::text::Document;

/// Lower-case letters and digits, each run of anything else one space: the key of a paragraph.
fn key(paragraph: &str) -> (String, usize) {
    let mut out = String::with_capacity(paragraph.len());
    let mut words = 0;
    let mut gap = true;
    for c in paragraph.chars() {
        if c.is_alphanumeric() {
            if gap {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
                gap = false;
            }
            out.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '-') {
            // Inside a word: `isn't`, `co-operate` stay one word.
        } else {
            gap = true;
        }
    }
    (out, words)
}

/// Paragraphs shorter than this are not reported (`Advertisement`, `Related:`).
pub const MIN_WORDS: usize = 4;

/// Each repeated paragraph as `[first, repeat]`, in order of the repeat.
pub fn duplicates(doc: &Document) -> Vec<[usize; 2]> {
    let mut first: FxHashMap<String, usize> = FxHashMap::default();
    let mut out = Vec::new();
    for (i, range) in doc.paragraphs.iter().enumerate() {
        let (key, words) = key(&doc.text[range.clone()]);
        if words < MIN_WORDS {
            continue;
        }
        match first.get(&key) {
            Some(&f) => out.push([f, i]),
            None => {
                first.insert(key, i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_paragraphs() {
        let table: &[(&str, &str, Vec<[usize; 2]>)] = &[
            (
                "a block repeated",
                "Title of it all\nOne two three four.\nFive six seven eight.\nOne two three four.\nFive six seven eight.\n",
                vec![[1, 3], [2, 4]],
            ),
            (
                "blank lines do not count and spacing does not matter",
                "Alpha beta gamma delta.\n\n  Alpha  beta gamma delta. \n",
                vec![[0, 1]],
            ),
            ("short lines are not reported", "Advertisement\nText here now.\nAdvertisement\n", vec![]),
            ("three copies", "a b c d\na b c d\na b c d", vec![[0, 1], [0, 2]]),
            ("none", "a b c d\ne f g h", vec![]),
        ];
        for (name, text, expected) in table {
            assert_eq!(&duplicates(&Document::new(text)), expected, "{name}");
        }
    }
}
