//! Shared by the golden tests: loading `tests/gold/seeds.gold.json`, the seeds, and scoring.
#![allow(dead_code)]

use std::path::Path;

use serde_json::Value;

/// One seed article with its gold annotation.
pub struct GoldArticle {
    /// File name in `seeds/`.
    pub name: String,
    /// The article's text.
    pub text: String,
    /// The gold annotation (see tests/gold/GUIDELINES.md).
    pub gold: Value,
}

/// Every seed with its gold, in file-name order. Gold offsets are code points; use
/// [`GoldArticle::byte_span`] to compare with the core's byte spans.
pub fn gold_articles() -> Vec<GoldArticle> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/gold/seeds.gold.json")).expect("gold file"),
    )
    .expect("gold JSON");
    let mut out: Vec<GoldArticle> = gold["articles"]
        .as_object()
        .expect("articles")
        .iter()
        .map(|(name, gold)| GoldArticle {
            name: name.clone(),
            text: std::fs::read_to_string(root.join("seeds").join(name)).expect("seed file"),
            gold: gold.clone(),
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

impl GoldArticle {
    /// A gold span (code points) as a byte range, checked against its text.
    pub fn byte_span(&self, span: &Value) -> (usize, usize) {
        let start = span["start"].as_u64().expect("start") as usize;
        let end = span["end"].as_u64().expect("end") as usize;
        let to_byte = |c: usize| {
            self.text
                .char_indices()
                .nth(c)
                .map_or(self.text.len(), |(b, _)| b)
        };
        let (s, e) = (to_byte(start), to_byte(end));
        assert_eq!(
            &self.text[s..e],
            span["text"].as_str().expect("text"),
            "{}",
            self.name
        );
        (s, e)
    }
}

/// The share of the shorter span's length (after trimming outer punctuation and spaces) that the
/// two spans overlap: gold and prediction match when it is at least 0.5.
pub fn overlap(text: &str, a: (usize, usize), b: (usize, usize)) -> f64 {
    let (a, b) = (trim(text, a), trim(text, b));
    let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let shorter = (a.1 - a.0).min(b.1 - b.0).max(1);
    shared as f64 / shorter as f64
}

fn trim(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let slice = &text[start..end];
    let is_edge = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’…–—".contains(c);
    let head = slice.len() - slice.trim_start_matches(is_edge).len();
    let tail = slice.len() - slice.trim_end_matches(is_edge).len();
    if head + tail >= slice.len() {
        return (start, end);
    }
    (start + head, end - tail)
}

/// True positives, predictions and gold items of one layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    /// Predictions matched to a gold item (one to one).
    pub matched: usize,
    /// All predictions.
    pub predicted: usize,
    /// All gold items.
    pub gold: usize,
}

impl Score {
    /// Adds another article's counts.
    pub fn add(&mut self, other: Score) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
    /// Matched / predicted.
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    /// Matched / gold.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// `P 0.950 R 0.900 F1 0.924 (matched/predicted/gold)`.
    pub fn line(&self) -> String {
        format!(
            "P {:.3} R {:.3} F1 {:.3} ({}/{}/{})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.matched,
            self.predicted,
            self.gold
        )
    }
}

/// Greedy one-to-one matching: each gold item takes the best unused prediction for which
/// `matches(gold, prediction)` returns a score ≥ the threshold. Returns pairs (gold, prediction).
pub fn match_one_to_one<G, P>(
    gold: &[G],
    predicted: &[P],
    threshold: f64,
    score: impl Fn(&G, &P) -> f64,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, gi) in gold.iter().enumerate() {
        for (p, pi) in predicted.iter().enumerate() {
            let s = score(gi, pi);
            if s >= threshold {
                candidates.push((s, g, p));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap()
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut pairs = Vec::new();
    for (_, g, p) in candidates {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            pairs.push((g, p));
        }
    }
    pairs.sort();
    pairs
}
