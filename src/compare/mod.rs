//! Compare coverage: several outlets' articles on one story, side by side.
//!
//! [`compare`] annotates each article and reports:
//! - `quote_clusters`: the same utterance quoted across articles (or repeated within one),
//!   despite spelling, punctuation, ellipses and fragments ([`clusters`]), with each member's
//!   word-level differences from the longest member ([`variants`]);
//! - `speakers`: who is quoted, in which articles, how often;
//! - `entities`: who and what each article names ([`names`] joins `Sheinbaum` to
//!   `Claudia Sheinbaum`);
//! - `numbers`: values articles give for the same unit about the same entity, and where they
//!   disagree ([`numbers`]);
//! - `duplicate_paragraphs`: paragraphs an article repeats ([`paragraphs`]).
//!
//! Like [`annotate`](crate::annotate) it is pure: texts in, data out.
//!
//! # Example: one quote in two outlets
//! ```
//! use newslens::compare::compare;
//!
//! let a = "Mexico\n“We co-operate, we collaborate, but there is not going to be an invasion,” she said.";
//! let b = "Sheinbaum\n“We cooperate, we collaborate, but there is not going to be an invasion.”";
//! let comparison = compare(&[a, b]);
//! assert_eq!(comparison.articles[1].title, "Sheinbaum");
//! let cluster = &comparison.quote_clusters[0];
//! assert_eq!(cluster.articles, vec![0, 1]);
//! // The variant marks the respelled word.
//! let respelled: Vec<&str> = cluster.variants[0]
//!     .segments
//!     .iter()
//!     .filter(|s| s.op == newslens::compare::Op::Respelled)
//!     .map(|s| s.text.trim_end_matches([',', ' ']))
//!     .collect();
//! assert!(respelled == ["co-operate"] || respelled == ["cooperate"]);
//! ```

pub mod clusters;
pub mod names;
pub mod normalise;
pub mod numbers;
pub mod paragraphs;
pub mod variants;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, EntityType, QuoteKind, TextSpan};
use crate::offsets::{self, OffsetUnit};
use crate::text::Document;

pub use numbers::{Conflict, NumberMention, NumberReport};
pub use variants::{Extent, Op, Segment};

/// The comparison of several articles. Article indices are positions in the input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The articles, in input order.
    pub articles: Vec<ArticleInfo>,
    /// Utterances quoted more than once, most widely quoted first.
    pub quote_clusters: Vec<QuoteCluster>,
    /// Everyone quoted, most widely quoted first.
    pub speakers: Vec<SpeakerRow>,
    /// People, organisations, places and dates, most widely named first.
    pub entities: Vec<SharedEntity>,
    /// Numbers, those with conflicting values first.
    pub numbers: Vec<NumberReport>,
    /// Articles that repeat paragraphs.
    pub duplicate_paragraphs: Vec<DuplicateParagraphs>,
}

/// One compared article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The caller's name for it (a file path; its index when none was given).
    pub id: String,
    /// Its first non-blank line, trimmed.
    pub title: String,
}

/// One utterance and every quotation of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteCluster {
    /// The speaker most members name (the reference's on a tie), when any does.
    pub speaker: Option<String>,
    /// The articles quoting it, in order.
    pub articles: Vec<usize>,
    /// The index in `members` of the reference: the longest member, the others' yardstick.
    pub reference: usize,
    /// Every quotation of the utterance, in article order then position.
    pub members: Vec<Member>,
    /// Each member but the reference, compared word by word with the reference.
    pub variants: Vec<Variant>,
    /// The rule that clustered it.
    pub rule: String,
}

/// A quotation in a cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The article's index.
    pub article: usize,
    /// The quotation's id in that article's analysis (`q3`).
    pub quote: String,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// Its speaker's name (joined across articles), when the article says.
    pub speaker: Option<String>,
    /// Where it stands, in the comparison's offset unit. Owned, unlike an analysis's spans: a
    /// comparison is a small summary, and owning keeps it free of its inputs' lifetimes.
    #[serde(flatten)]
    pub span: TextSpan<'static>,
}

/// How one member differs from its cluster's reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The member's index in `members`.
    pub member: usize,
    /// Its article.
    pub article: usize,
    /// Its quotation id.
    pub quote: String,
    /// Whether it quotes the whole reference or a part.
    pub extent: Extent,
    /// True when its words are the reference's, spelled alike (punctuation aside).
    pub identical: bool,
    /// The member's text cut into runs: `same`, `inserted`, `respelled` (with the reference's
    /// spelling) and, between them, the reference's `omitted` words. All but `omitted`
    /// concatenate to the member's text.
    pub segments: Vec<Segment>,
}

/// One speaker across the articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRow {
    /// The name (the fullest form any article gives).
    pub name: String,
    /// The articles quoting them.
    pub articles: Vec<usize>,
    /// Quotations per article, by article index (zeros included).
    pub quotes_per_article: Vec<usize>,
}

/// One named entity across the articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedEntity {
    /// The name (the fullest form).
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The articles naming it.
    pub articles: Vec<usize>,
    /// Mentions per article, by article index (zeros included).
    pub mentions_per_article: Vec<usize>,
}

/// The repeated paragraphs of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateParagraphs {
    /// The article's index.
    pub article: usize,
    /// `[first, repeat]` pairs of paragraph numbers: paragraphs are the non-blank lines,
    /// numbered from 0.
    pub paragraphs: Vec<[usize; 2]>,
}

/// One article with its analysis (byte offsets), for [`compare_analysed`].
#[derive(Clone, Copy, Debug)]
pub struct Analysed<'a> {
    /// The caller's name for it.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// [`annotate`](crate::annotate)'s result for `text`, offsets in bytes.
    pub analysis: &'a Analysis<'a>,
}

/// Compares articles; ids are their indices. Offsets are bytes.
pub fn compare(texts: &[&str]) -> Comparison {
    let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
    let named: Vec<(&str, &str)> = ids
        .iter()
        .map(String::as_str)
        .zip(texts.iter().copied())
        .collect();
    compare_named(&named)
}

/// Compares articles given as `(id, text)`. Offsets are bytes.
pub fn compare_named(articles: &[(&str, &str)]) -> Comparison {
    let analyses: Vec<Analysis> = articles.iter().map(|(_, t)| crate::annotate(t)).collect();
    let analysed: Vec<Analysed> = articles
        .iter()
        .zip(&analyses)
        .map(|(&(id, text), analysis)| Analysed { id, text, analysis })
        .collect();
    compare_analysed(&analysed)
}

/// Compares articles given as `(id, text)`, with offsets counted in `unit`.
pub fn compare_named_in(articles: &[(&str, &str)], unit: OffsetUnit) -> Comparison {
    let mut comparison = compare_named(articles);
    let texts: Vec<&str> = articles.iter().map(|&(_, t)| t).collect();
    comparison.convert(&texts, unit);
    comparison
}

/// Compares articles (ids are their indices), with offsets counted in `unit`.
pub fn compare_in(texts: &[&str], unit: OffsetUnit) -> Comparison {
    let mut comparison = compare(texts);
    comparison.convert(texts, unit);
    comparison
}

impl Comparison {
    /// Every span, with the index of the article it points into.
    fn spans_mut(&mut self) -> impl Iterator<Item = (usize, &mut TextSpan<'static>)> {
        let members = self
            .quote_clusters
            .iter_mut()
            .flat_map(|c| c.members.iter_mut().map(|m| (m.article, &mut m.span)));
        let numbers = self
            .numbers
            .iter_mut()
            .flat_map(|n| n.mentions.iter_mut().map(|m| (m.article, &mut m.span)));
        members.chain(numbers)
    }

    /// Rewrites every span from bytes into `unit`; `texts` are the articles in input order.
    /// Call it once.
    pub fn convert(&mut self, texts: &[&str], unit: OffsetUnit) {
        let mut per_article: Vec<Vec<&mut TextSpan<'static>>> =
            texts.iter().map(|_| Vec::new()).collect();
        for (article, span) in self.spans_mut() {
            per_article[article].push(span);
        }
        for (text, spans) in texts.iter().zip(per_article) {
            offsets::convert_spans(text, spans, unit);
        }
    }
}

/// The first non-blank line, trimmed.
fn title(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

/// Compares annotated articles. Offsets are bytes, as in the analyses.
pub fn compare_analysed(articles: &[Analysed]) -> Comparison {
    let n = articles.len();
    let docs: Vec<Document> = articles.iter().map(|a| Document::new(a.text)).collect();

    // Speakers, joined across articles.
    let mut speaker_names = Vec::new();
    let mut speaker_at = Vec::new(); // (article, quote index) per name
    for (a, article) in articles.iter().enumerate() {
        for (q, quote) in article.analysis.quotes.iter().enumerate() {
            if let Some(speaker) = &quote.speaker {
                speaker_names.push(names::Name {
                    kind: 0,
                    text: &speaker.name,
                    surname_joins: !speaker.anonymous,
                });
                speaker_at.push((a, q));
            }
        }
    }
    let speaker_groups = names::group(&speaker_names);
    let mut speaker_of: Vec<Vec<Option<usize>>> = articles
        .iter()
        .map(|a| vec![None; a.analysis.quotes.len()])
        .collect();
    for (&(a, q), &g) in speaker_at.iter().zip(&speaker_groups.of) {
        speaker_of[a][q] = Some(g);
    }
    let speakers = speaker_rows(&speaker_groups, &speaker_at, n);

    // Quote clusters.
    let mut candidates = Vec::new();
    let mut candidate_at = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (q, quote) in article.analysis.quotes.iter().enumerate() {
            if quote.kind == QuoteKind::Indirect {
                continue;
            }
            candidates.push(clusters::Candidate {
                article: a,
                start: quote.span.start,
                end: quote.span.end,
                words: normalise::words_in(&docs[a], quote.span.start..quote.span.end),
            });
            candidate_at.push((a, q));
        }
    }
    let mut quote_clusters: Vec<QuoteCluster> = clusters::cluster(&candidates)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            build_cluster(
                &c,
                &candidates,
                &candidate_at,
                articles,
                &speaker_of,
                &speaker_groups,
            )
        })
        .collect();
    crate::sort::by_key(&mut quote_clusters, |c| {
        let first = &c.members[0];
        (
            std::cmp::Reverse(c.articles.len()),
            std::cmp::Reverse(c.members.len()),
            first.article,
            first.span.start,
        )
    });

    // Entities and numbers.
    let mut entity_names = Vec::new();
    let mut entity_at = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for (e, entity) in article.analysis.entities.iter().enumerate() {
            if entity.kind == EntityType::Number {
                continue;
            }
            entity_names.push(names::Name {
                kind: entity.kind as u8,
                text: &entity.name,
                surname_joins: entity.kind == EntityType::Person,
            });
            entity_at.push((a, e));
        }
    }
    let entity_groups = names::group(&entity_names);
    let entities = entity_rows(&entity_groups, &entity_at, articles);
    let mut display: Vec<Vec<String>> = articles
        .iter()
        .map(|a| vec![String::new(); a.analysis.entities.len()])
        .collect();
    for (&(a, e), &g) in entity_at.iter().zip(&entity_groups.of) {
        display[a][e] = entity_groups.display[g].clone();
    }
    let mut found = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        found.extend(numbers::find(
            a,
            &docs[a],
            &article.analysis.entities,
            &display[a],
        ));
    }

    Comparison {
        articles: articles
            .iter()
            .map(|a| ArticleInfo {
                id: a.id.to_string(),
                title: title(a.text),
            })
            .collect(),
        quote_clusters,
        speakers,
        entities,
        numbers: numbers::report(found),
        duplicate_paragraphs: docs
            .iter()
            .enumerate()
            .filter_map(|(a, doc)| {
                let pairs = paragraphs::duplicates(doc);
                (!pairs.is_empty()).then_some(DuplicateParagraphs {
                    article: a,
                    paragraphs: pairs,
                })
            })
            .collect(),
    }
}

fn build_cluster(
    cluster: &[usize],
    candidates: &[clusters::Candidate],
    candidate_at: &[(usize, usize)],
    articles: &[Analysed],
    speaker_of: &[Vec<Option<usize>>],
    speaker_groups: &names::Groups,
) -> QuoteCluster {
    let reference_candidate = cluster[0];
    let mut ordered: Vec<usize> = cluster.to_vec();
    crate::sort::by_key(&mut ordered, |&c| {
        (candidates[c].article, candidates[c].start)
    });
    let reference = ordered
        .iter()
        .position(|&c| c == reference_candidate)
        .expect("a member");
    let quote_of = |c: usize| {
        let (a, q) = candidate_at[c];
        &articles[a].analysis.quotes[q]
    };
    let speaker_group = |c: usize| {
        let (a, q) = candidate_at[c];
        speaker_of[a][q]
    };
    // The most common speaker; the reference's on a tie, then the first.
    let mut votes: Vec<(usize, usize)> = Vec::new();
    for &c in &ordered {
        if let Some(g) = speaker_group(c) {
            match votes.iter_mut().find(|(v, _)| *v == g) {
                Some((_, n)) => *n += 1,
                None => votes.push((g, 1)),
            }
        }
    }
    let top = votes.iter().map(|v| v.1).max().unwrap_or(0);
    let speaker = speaker_group(reference_candidate)
        .filter(|g| votes.iter().any(|v| v.0 == *g && v.1 == top))
        .or_else(|| votes.iter().find(|v| v.1 == top).map(|v| v.0))
        .map(|g| speaker_groups.display[g].clone());

    let members: Vec<Member> = ordered
        .iter()
        .map(|&c| {
            let quote = quote_of(c);
            Member {
                article: candidates[c].article,
                quote: quote.id.to_string(),
                kind: quote.kind,
                speaker: speaker_group(c).map(|g| speaker_groups.display[g].clone()),
                span: quote.span.clone().into_owned(),
            }
        })
        .collect();
    let reference_text = &quote_of(reference_candidate).span.text;
    let variants = ordered
        .iter()
        .enumerate()
        .filter(|&(m, _)| m != reference)
        .map(|(m, &c)| {
            let diff = variants::diff(
                &quote_of(c).span.text,
                &candidates[c].words,
                reference_text,
                &candidates[reference_candidate].words,
            );
            Variant {
                member: m,
                article: candidates[c].article,
                quote: quote_of(c).id.to_string(),
                extent: diff.extent,
                identical: diff.identical,
                segments: diff.segments,
            }
        })
        .collect();
    let mut in_articles: Vec<usize> = members.iter().map(|m| m.article).collect();
    in_articles.dedup();
    QuoteCluster {
        speaker,
        articles: in_articles,
        reference,
        members,
        variants,
        rule: "compare.quotes.shingle_containment".into(),
    }
}

fn speaker_rows(groups: &names::Groups, at: &[(usize, usize)], n: usize) -> Vec<SpeakerRow> {
    let mut rows: Vec<SpeakerRow> = groups
        .display
        .iter()
        .map(|name| SpeakerRow {
            name: name.clone(),
            articles: Vec::new(),
            quotes_per_article: vec![0; n],
        })
        .collect();
    for (&(a, _), &g) in at.iter().zip(&groups.of) {
        rows[g].quotes_per_article[a] += 1;
    }
    for row in &mut rows {
        row.articles = (0..n).filter(|&a| row.quotes_per_article[a] > 0).collect();
    }
    // Most articles first, then most quotations; stable, so first quoted first on a tie.
    crate::sort::by_key(&mut rows, |r| {
        (
            std::cmp::Reverse(r.articles.len()),
            std::cmp::Reverse(r.quotes_per_article.iter().sum::<usize>()),
        )
    });
    rows
}

fn entity_rows(
    groups: &names::Groups,
    at: &[(usize, usize)],
    articles: &[Analysed],
) -> Vec<SharedEntity> {
    let n = articles.len();
    let mut rows: Vec<Option<SharedEntity>> = vec![None; groups.display.len()];
    for (&(a, e), &g) in at.iter().zip(&groups.of) {
        let entity = &articles[a].analysis.entities[e];
        let row = rows[g].get_or_insert_with(|| SharedEntity {
            name: groups.display[g].clone(),
            kind: entity.kind,
            articles: Vec::new(),
            mentions_per_article: vec![0; n],
        });
        row.mentions_per_article[a] += entity.mentions.len().max(1);
    }
    let mut rows: Vec<SharedEntity> = rows.into_iter().flatten().collect();
    for row in &mut rows {
        row.articles = (0..n)
            .filter(|&a| row.mentions_per_article[a] > 0)
            .collect();
    }
    crate::sort::by_key(&mut rows, |r| {
        (
            std::cmp::Reverse(r.articles.len()),
            std::cmp::Reverse(r.mentions_per_article.iter().sum::<usize>()),
        )
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, EntityValue};

    /// An entity with one mention of `at` in `text`.
    fn entity<'a>(text: &'a str, kind: EntityType, name: &str, at: &str) -> Entity<'a> {
        let start = text.find(at).expect("in text");
        let value = (kind == EntityType::Number)
            .then(|| EntityValue::Integer(at.replace(',', "").parse().unwrap()));
        Entity {
            id: "".into(),
            kind,
            name: name.to_string().into(),
            mentions: vec![TextSpan::new(text, start, start + at.len())],
            titles: Vec::new(),
            value,
            unit: (kind == EntityType::Number).then(|| "people".into()),
            rule: "test".into(),
        }
    }

    #[test]
    fn numbers_and_entities_from_a_synthetic_analysis() {
        let a = "Troops\nThe Pentagon sent 6,072 troops to the border, Sheinbaum said.";
        let b = "Troops\nClaudia Sheinbaum said the Pentagon sent 6,000 troops north.";
        let c = "Troops\nThe Pentagon had sent 6,072 troops, officials said.";
        let analyses = [
            Analysis {
                entities: vec![
                    entity(a, EntityType::Org, "Pentagon", "Pentagon"),
                    entity(a, EntityType::Number, "6,072", "6,072"),
                    entity(a, EntityType::Person, "Sheinbaum", "Sheinbaum"),
                ],
                ..Analysis::default()
            },
            Analysis {
                entities: vec![
                    entity(
                        b,
                        EntityType::Person,
                        "Claudia Sheinbaum",
                        "Claudia Sheinbaum",
                    ),
                    entity(b, EntityType::Org, "Pentagon", "Pentagon"),
                    entity(b, EntityType::Number, "6,000", "6,000"),
                ],
                ..Analysis::default()
            },
            Analysis {
                entities: vec![
                    entity(c, EntityType::Org, "Pentagon", "Pentagon"),
                    entity(c, EntityType::Number, "6,072", "6,072"),
                ],
                ..Analysis::default()
            },
        ];
        let input: Vec<Analysed> = [a, b, c]
            .iter()
            .zip(&analyses)
            .map(|(text, analysis)| Analysed {
                id: "x",
                text,
                analysis,
            })
            .collect();
        let mut comparison = compare_analysed(&input);

        let pentagon = &comparison.entities[0];
        assert_eq!(
            (pentagon.name.as_str(), pentagon.kind),
            ("Pentagon", EntityType::Org)
        );
        assert_eq!(pentagon.articles, vec![0, 1, 2]);
        let sheinbaum = &comparison.entities[1];
        assert_eq!(sheinbaum.name, "Claudia Sheinbaum");
        assert_eq!(sheinbaum.articles, vec![0, 1]);

        let first = &comparison.numbers[0];
        assert_eq!(first.value, EntityValue::Integer(6072));
        assert_eq!(first.about.as_deref(), Some("Pentagon"));
        assert_eq!(first.counted.as_deref(), Some("troop"));
        assert_eq!(first.articles, vec![0, 2]);
        assert_eq!(first.conflicts.len(), 1);
        assert_eq!(first.conflicts[0].value, EntityValue::Integer(6000));
        assert_eq!(first.conflicts[0].articles, vec![1]);
        assert_eq!(comparison.numbers[1].conflicts[0].articles, vec![0, 2]);

        // Number mentions convert like quote members.
        comparison.convert(&[a, b, c], OffsetUnit::Chars);
        for mention in &comparison.numbers[0].mentions {
            let text = [a, b, c][mention.article];
            let chars: String = text
                .chars()
                .skip(mention.span.start)
                .take(mention.span.end - mention.span.start)
                .collect();
            assert_eq!(chars, mention.span.text);
        }
    }

    #[test]
    fn titles_are_first_non_blank_lines() {
        let table = [
            ("plain", "Title\nBody", "Title"),
            ("blank lines first", "\n  \n  Title  \r\nBody", "Title"),
            ("empty", "", ""),
        ];
        for (name, text, expected) in table {
            assert_eq!(title(text), expected, "{name}");
        }
    }
}

#[cfg(test)]
mod robustness {
    use super::*;

    /// Pseudo-random articles from an alphabet of quote marks, ellipses, accents, emoji and
    /// words, so that the same quotation recurs: `compare` must not panic, and every member
    /// must slice its article in UTF-16.
    #[test]
    fn arbitrary_articles() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "'",
            "…",
            "...",
            " ",
            " ",
            " ",
            "\n",
            "\r\n",
            ",",
            ".",
            "we",
            "co-operate",
            "cooperate",
            "will",
            "not",
            "accept",
            "it",
            "Café",
            "😀",
            "👍🏽",
            "a\u{301}",
            "said",
            "Sheinbaum",
            "6,072",
            "—",
        ];
        let mut rng = crate::test_inputs::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = move |n: usize| rng.below(n);
        for _ in 0..200 {
            let texts: Vec<String> = (0..1 + next(4))
                .map(|_| (0..next(120)).map(|_| PIECES[next(PIECES.len())]).collect())
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let comparison = compare_in(&refs, OffsetUnit::Utf16);
            for member in comparison.quote_clusters.iter().flat_map(|c| &c.members) {
                let units: Vec<u16> = refs[member.article].encode_utf16().collect();
                let slice = String::from_utf16(&units[member.span.start..member.span.end]);
                assert_eq!(slice.ok().as_deref(), Some(member.span.text.as_ref()));
            }
        }
    }
}
