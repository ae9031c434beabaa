//! Words as outlets agree on them: the normal form that makes `co-operate` and `cooperate`,
//! `it’s` and `it's`, `U.S.` and `US` the same word, and drops punctuation, quote marks and
//! ellipses.

use crate::text::{Document, TokenKind};

/// A word of a quotation: its normal form and where it stands (bytes, relative to the text it
/// was read from).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Lower case, without hyphens, apostrophes, dots or digit separators, common accents folded.
    pub norm: String,
    /// Byte offset of the word's first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
}

/// The words of `text` in order: letters and numbers only; punctuation is not a word.
pub fn words(text: &str) -> Vec<Word> {
    let doc = Document::new(text);
    doc.tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .filter_map(|t| {
            let norm = normalise_word(&text[t.start()..t.end()]);
            (!norm.is_empty()).then_some(Word {
                norm,
                start: t.start(),
                end: t.end(),
            })
        })
        .collect()
}

/// The words of the span `range` of a document (a quotation, say), from the document's own
/// tokens: the same words [`words`] finds in the span's text, with offsets relative to its start.
pub fn words_in(doc: &Document, range: std::ops::Range<usize>) -> Vec<Word> {
    doc.tokens_in(range.clone())
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .filter_map(|t| {
            let norm = normalise_word(doc.token_text(t));
            (!norm.is_empty()).then_some(Word {
                norm,
                start: t.start() - range.start,
                end: t.end() - range.start,
            })
        })
        .collect()
}

/// One word's normal form.
pub fn normalise_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(
            c,
            '-' | '‐' | '‑' | '‒' | '\'' | '’' | '‘' | 'ʼ' | '.' | ',' | '&'
        ) || is_combining(c)
        {
            continue;
        }
        match fold(c) {
            Some(plain) => out.push(plain),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The surface form used to tell a respelling from a difference in case or apostrophe style:
/// lower case with straight apostrophes.
pub fn surface(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars()
        .map(|c| {
            if matches!(c, '’' | 'ʼ' | '‘') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
}

/// Whether two words are spelled alike, case and apostrophe style aside.
pub fn same_surface(a: &str, b: &str) -> bool {
    surface(a).eq(surface(b))
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F)
}

/// Accented Latin letters that English news spells both ways (`Pérez`/`Perez`).
fn fold(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        _ => return None,
    })
}

/// The normal forms of `text`'s words joined by single spaces (for keys and tests).
pub fn normalised(text: &str) -> String {
    words(text)
        .into_iter()
        .map(|w| w.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms() {
        let table = [
            ("hyphen", "We co-operate,", "we cooperate"),
            ("no hyphen", "we cooperate.", "we cooperate"),
            ("curly apostrophe", "It’s not", "its not"),
            ("straight apostrophe", "It's not", "its not"),
            ("initialism", "the U.S. Army", "the us army"),
            ("no dots", "the US Army", "the us army"),
            ("digit separator", "6,072 troops", "6072 troops"),
            ("accents", "Pérez said", "perez said"),
            ("combining accent", "Pe\u{301}rez", "perez"),
            ("quote marks", "‘No,’ “we” 'said'", "no we said"),
            (
                "ellipsis",
                "the military... There is",
                "the military there is",
            ),
            (
                "unicode ellipsis",
                "the military… there",
                "the military there",
            ),
            ("dashes", "agreement – far from it", "agreement far from it"),
            ("empty", "", ""),
            ("only punctuation", "“…,”", ""),
        ];
        for (name, input, expected) in table {
            assert_eq!(normalised(input), expected, "{name}");
        }
    }

    #[test]
    fn words_keep_their_offsets() {
        let text = "“Oui,” Sheinbaum’s co-op";
        for word in words(text) {
            assert_eq!(normalise_word(&text[word.start..word.end]), word.norm);
        }
        assert_eq!(words(text).len(), 3);
    }

    #[test]
    fn words_in_a_span_are_the_words_of_its_text() {
        let text = "She said: “We co-operate… the U.S. won’t,” and left.";
        let doc = Document::new(text);
        let start = text.find("We").unwrap();
        let end = text.find(",”").unwrap() + 1;
        assert_eq!(words_in(&doc, start..end), words(&text[start..end]));
    }

    #[test]
    fn surface_ignores_case_and_apostrophe_style() {
        assert!(same_surface("It’s", "it's"));
        assert!(!same_surface("co-operate", "cooperate"));
    }
}
