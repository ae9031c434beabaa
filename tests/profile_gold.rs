//! The sourcing profile on the seeds, built from the gold quotes (so it tests the profile, not
//! the quotes layer): the top speaker by share of voice is the gold's, named and anonymous
//! counts agree, every word and every cue is counted once.

mod common;

use std::collections::BTreeMap;

use common::gold_articles;
use newslens::text::Document;
use newslens::{profile, Analysis, AttributionCue, Quote, QuoteKind, Speaker, TextSpan};
use serde_json::Value;

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Gold speakers are anonymous when they are descriptions: the guidelines write them in lower
/// case (`three people familiar ...`, `analysts`), or as a group (`U.S. officials`).
fn anonymous(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_lowercase)
        || name.ends_with(" officials")
        || name.ends_with(" sources")
}

fn gold_quotes(article: &common::GoldArticle) -> Vec<Quote<'_>> {
    let loaded: Vec<(usize, usize)> = article.gold["cues"]
        .as_array()
        .expect("cues")
        .iter()
        .filter(|c| c["category"] == "loaded_attribution")
        .map(|c| article.byte_span(c))
        .collect();
    let span = |v: &Value| {
        let (s, e) = article.byte_span(v);
        TextSpan::new(&article.text, s, e)
    };
    article.gold["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| Quote {
            id: q["id"].as_str().expect("id").to_string().into(),
            kind: serde_json::from_value::<QuoteKind>(q["kind"].clone()).expect("kind"),
            span: span(q),
            speaker: q["speaker"].as_str().map(|name| Speaker {
                name: name.to_string().into(),
                entity: None,
                mention: None,
                anonymous: anonymous(name),
                resolution: "gold".into(),
            }),
            cue: q["cue"].is_object().then(|| {
                let cue = span(&q["cue"]);
                AttributionCue {
                    neutral: !loaded.contains(&(cue.start, cue.end)),
                    lemma: cue.text.to_lowercase().into(),
                    span: cue,
                }
            }),
            nested_in: q["nested_in"].as_str().map(|id| id.to_string().into()),
            rule: "gold".into(),
            attribution_rule: None,
        })
        .collect()
}

#[test]
fn profile_of_gold_quotes_matches_the_gold() {
    for article in gold_articles() {
        let quotes = gold_quotes(&article);
        let doc = Document::new(&article.text);
        let cues = newslens::cues::find(&doc, &quotes, &[]);
        let analysis = Analysis {
            version: newslens::FORMAT_VERSION,
            quotes: quotes.clone(),
            entities: Vec::new(),
            cues,
            profile: Default::default(),
        };
        let p = profile::build(&article.text, &analysis);
        println!("{}\n{}", article.name, profile::render_table(&p));

        // The gold's top speaker, counted independently: a quote's words minus its children's.
        let mut by_speaker: BTreeMap<&str, i64> = BTreeMap::new();
        for q in article.gold["quotes"].as_array().expect("quotes") {
            let Some(name) = q["speaker"].as_str() else {
                continue;
            };
            let children: usize = article.gold["quotes"]
                .as_array()
                .expect("quotes")
                .iter()
                .filter(|c| c["nested_in"] == q["id"])
                .map(|c| words(c["text"].as_str().expect("text")))
                .sum();
            *by_speaker.entry(name).or_default() +=
                words(q["text"].as_str().expect("text")) as i64 - children as i64;
        }
        let best = by_speaker.values().copied().max().unwrap_or(0);
        let top: Vec<&str> = by_speaker
            .iter()
            .filter(|(_, &w)| w == best)
            .map(|(n, _)| *n)
            .collect();
        assert!(
            top.contains(&p.speakers[0].name.as_ref()),
            "{}: profile's top speaker {:?}, gold's {top:?}",
            article.name,
            p.speakers[0].name
        );

        let t = &p.totals;
        let gold_quotes = article.gold["quotes"].as_array().expect("quotes");
        let anonymous_gold = gold_quotes
            .iter()
            .filter(|q| q["speaker"].as_str().is_some_and(anonymous))
            .count();
        assert_eq!(t.quotes, gold_quotes.len(), "{}", article.name);
        assert_eq!(t.anonymous_quotes, anonymous_gold, "{}", article.name);
        assert_eq!(
            t.named_quotes + t.anonymous_quotes + t.unattributed_quotes,
            t.quotes
        );
        assert_eq!(t.words, words(&article.text), "{}", article.name);
        assert_eq!(t.quoted_words + t.reported_words + t.writer_words, t.words);
        assert!(
            t.quoted_share > 0.0 && t.writer_share > 0.3,
            "{}",
            article.name
        );
        let shares: f64 = p.speakers.iter().map(|s| s.share_of_voice).sum();
        assert!(
            (shares - 1.0).abs() < 1e-9,
            "{}: shares sum to {shares}",
            article.name
        );

        // Every cue is counted once, in the writer's voice or a speaker's.
        let counted: usize = p
            .speakers
            .iter()
            .flat_map(|s| s.cues.values())
            .chain(p.writer_cues.values())
            .chain(p.unattributed_cues.values())
            .sum();
        assert_eq!(counted, analysis.cues.len(), "{}", article.name);
        // Loaded verbs are the gold's loaded attribution cues.
        let loaded_verbs: usize = p
            .speakers
            .iter()
            .flat_map(|s| &s.verbs)
            .filter(|v| !v.neutral)
            .map(|v| v.count)
            .sum();
        let any_quote_loaded = analysis
            .quotes
            .iter()
            .any(|q| q.cue.as_ref().is_some_and(|c| !c.neutral));
        assert_eq!(loaded_verbs > 0, any_quote_loaded, "{}", article.name);
    }
}

#[test]
fn profile_of_the_pipeline_is_consistent() {
    for article in gold_articles() {
        let analysis = newslens::annotate(&article.text);
        let t = &analysis.profile.totals;
        assert_eq!(t.quoted_words + t.reported_words + t.writer_words, t.words);
        assert_eq!(t.quotes, analysis.quotes.len());
        let json = serde_json::to_value(&analysis).expect("json");
        assert!(json["profile"]["totals"]["words"].as_u64().is_some());
    }
}
