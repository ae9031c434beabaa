//! Quote clustering: which quotations, across articles or within one, give the same utterance.
//!
//! Each quotation becomes a set of *shingles*: hashes of three consecutive normalised words
//! ([`super::normalise`]), so spelling, punctuation and quote-mark styles do not matter.
//! Clusters are stars around their longest member, the *reference*: quotations are taken longest
//! first, and each joins the cluster whose reference contains the largest share of its shingles
//! (at least [`MIN_CONTAINMENT`] and [`MIN_SHARED`] of them; on a tie, the tightest reference, so
//! an inner quotation wins over the one around it), or starts a new cluster. So a
//! fragment joins the full quotation it comes from, an ellipsis that drops words costs only the
//! shingles across the cut, and two different utterances that share a phrase (`not going to`)
//! stay apart: their shared shingles are a small share of either. Comparing only with
//! references, never with every member, keeps a chain of overlaps (A overlaps B overlaps C) from
//! gluing different utterances together.
//!
//! # Cost
//! An inverted index maps each reference shingle to the clusters holding it, so a quotation is
//! only compared with clusters it shares a shingle with: the work is the total length of the
//! posting lists read, at most (quotations × shingles per quotation × clusters), and in
//! practice close to linear because most shingles belong to one utterance. Never worse than
//! quadratic in the number of quotations (times their length).

use rustc_hash::FxHashMap;
use std::hash::{Hash, Hasher};

use super::normalise::Word;

/// Quotations with fewer words are not clustered: too short to tell utterances apart.
pub const MIN_WORDS: usize = 4;
/// Words per shingle.
pub const SHINGLE: usize = 3;
/// The least share of a quotation's shingles its cluster's reference must contain.
pub const MIN_CONTAINMENT: f64 = 0.5;
/// The least number of shingles a quotation must share with its cluster's reference.
pub const MIN_SHARED: usize = 2;

/// A quotation to cluster.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The article's index.
    pub article: usize,
    /// Byte offset of the quotation's start in its article.
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
    /// Its normalised words.
    pub words: Vec<Word>,
}

/// The sorted, distinct shingles of a word sequence.
pub fn shingles(words: &[Word]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(SHINGLE.min(words.len().max(1)))
        .map(|window| {
            // `DefaultHasher::new()` has fixed keys: the same words always hash alike.
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            for word in window {
                word.norm.hash(&mut hasher);
            }
            hasher.finish()
        })
        .collect();
    crate::sort::all(&mut out);
    out.dedup();
    out
}

/// Groups candidates that give the same utterance. Returns clusters of candidate indices, each
/// starting with its reference (its longest member), members in order of processing. Candidates
/// shorter than [`MIN_WORDS`] are left out; singletons are returned too.
pub fn cluster(candidates: &[Candidate]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].words.len() >= MIN_WORDS)
        .collect();
    crate::sort::by_key(&mut order, |&i| {
        let c = &candidates[i];
        (std::cmp::Reverse(c.words.len()), c.article, c.start)
    });
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut shared = Vec::<usize>::new();
    let mut touched = Vec::<usize>::new();
    let mut reference_size = Vec::<usize>::new();
    for i in order {
        let own = shingles(&candidates[i].words);
        for s in &own {
            for &c in index.get(s).map_or(&[][..], Vec::as_slice) {
                if shared[c] == 0 {
                    touched.push(c);
                }
                shared[c] += 1;
            }
        }
        crate::sort::all(&mut touched);
        let mut best: Option<(usize, usize)> = None;
        for &c in &touched {
            let n = shared[c];
            let enough =
                n >= MIN_SHARED.min(own.len()) && n as f64 >= MIN_CONTAINMENT * own.len() as f64;
            // On a tie, the tightest reference: an inner quotation rather than the one around it.
            let better = best.is_none_or(|(b, most)| {
                n > most || (n == most && reference_size[c] < reference_size[b])
            });
            if enough && better && !overlaps_a_member(candidates, &clusters[c], i) {
                best = Some((c, n));
            }
        }
        for &c in &touched {
            shared[c] = 0;
        }
        touched.clear();
        match best {
            Some((c, _)) => clusters[c].push(i),
            None => {
                let c = clusters.len();
                reference_size.push(own.len());
                for s in own {
                    index.entry(s).or_default().push(c);
                }
                clusters.push(vec![i]);
                shared.push(0);
            }
        }
    }
    clusters
}

/// A quotation never joins a cluster holding an overlapping quotation of its own article (a
/// quotation nested in another is a different utterance, not a repeat).
fn overlaps_a_member(candidates: &[Candidate], cluster: &[usize], i: usize) -> bool {
    let q = &candidates[i];
    cluster.iter().any(|&m| {
        let m = &candidates[m];
        m.article == q.article && m.start < q.end && q.start < m.end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::normalise::words;

    fn clusters_of(quotes: &[(usize, &str)]) -> Vec<Vec<usize>> {
        let mut offset = 0;
        let candidates: Vec<Candidate> = quotes
            .iter()
            .map(|&(article, text)| {
                offset += 1000;
                Candidate {
                    article,
                    start: offset,
                    end: offset + text.len(),
                    words: words(text),
                }
            })
            .collect();
        let mut out: Vec<Vec<usize>> = cluster(&candidates)
            .into_iter()
            .map(|mut c| {
                crate::sort::all(&mut c);
                c
            })
            .collect();
        crate::sort::all(&mut out);
        out
    }

    /// `(name, [(article, quotation)], expected clusters)`.
    type Case<'a> = (&'a str, &'a [(usize, &'a str)], Vec<Vec<usize>>);

    #[test]
    fn same_utterance_joins() {
        let table: &[Case] = &[
            (
                "spelling and quote marks",
                &[
                    (0, "We co-operate, we collaborate, but there is not going to be an invasion,"),
                    (1, "We cooperate, we collaborate, but there is not going to be an invasion."),
                ],
                vec![vec![0, 1]],
            ),
            (
                "fragment in the full quotation",
                &[
                    (0, "The United States is not going to come to Mexico with the military. We co-operate, we collaborate, but there is not going to be an invasion. That is ruled out, absolutely ruled out."),
                    (1, "The United States is not going to come to Mexico with the military,"),
                    (2, "We co-operate, we collaborate, but there is not going to be an invasion,"),
                ],
                vec![vec![0, 1, 2]],
            ),
            (
                "ellipsis drops words",
                &[
                    (0, "The United States is not going to come to Mexico with the military. We co-operate, we collaborate, but there is not going to be an invasion. That is ruled out."),
                    (1, "The United States is not going to come to Mexico with the military... There is not going to be an invasion. That is ruled out."),
                ],
                vec![vec![0, 1]],
            ),
            (
                "repeat within one article",
                &[
                    (0, "his top priority is protecting the homeland."),
                    (0, "his top priority is protecting the homeland."),
                    (1, "top priority is protecting the homeland."),
                ],
                vec![vec![0, 1, 2]],
            ),
        ];
        for (name, quotes, expected) in table {
            assert_eq!(&clusters_of(quotes), expected, "{name}");
        }
    }

    #[test]
    fn different_utterances_stay_apart() {
        let table: &[(&str, &[(usize, &str)])] = &[
            (
                "shared phrase",
                &[
                    (0, "It’s not going to happen,"),
                    (1, "there is not going to be an invasion of Mexico"),
                ],
            ),
            (
                "shared opening words",
                &[
                    (0, "We know every route, we know the addresses of every drug lord,"),
                    (1, "We know their address, we know their front door."),
                ],
            ),
            (
                "common words, different claims",
                &[
                    (0, "It would have major implications in terms of cooperation with the U.S. going forward."),
                    (1, "They need Mexico’s cooperation, and they need Mexico’s state and society to be functioning."),
                ],
            ),
            (
                "a chain of overlaps does not glue",
                &[
                    (0, "one two three four five six seven eight"),
                    (1, "five six seven eight nine ten eleven twelve"),
                    (2, "nine ten eleven twelve thirteen fourteen fifteen sixteen"),
                ],
            ),
        ];
        for (name, quotes) in table {
            let clusters = clusters_of(quotes);
            assert!(
                clusters.iter().all(|c| c.len() == 1),
                "{name}: {clusters:?}"
            );
        }
    }

    #[test]
    fn nested_quotation_is_not_a_repeat() {
        let outer =
            "In one of the calls, Trump said, 'How can we help you fight drug trafficking?'";
        let inner = "How can we help you fight drug trafficking?";
        let candidates = vec![
            Candidate {
                article: 0,
                start: 0,
                end: outer.len(),
                words: words(outer),
            },
            Candidate {
                article: 0,
                start: 33,
                end: 33 + inner.len(),
                words: words(inner),
            },
        ];
        assert_eq!(cluster(&candidates).len(), 2);
    }

    #[test]
    fn an_inner_quotation_elsewhere_joins_the_inner_one() {
        // Article 0: Sheinbaum quoting Trump (outer) with Trump's words nested inside; article 1
        // quotes Trump's words alone.
        let outer =
            "In one of the calls, Trump said, 'How can we help you fight drug trafficking?'";
        let inner = "How can we help you fight drug trafficking?";
        let elsewhere = "how can we help you fight drug trafficking";
        let at = outer.find("How").unwrap();
        let candidates = vec![
            Candidate {
                article: 0,
                start: 0,
                end: outer.len(),
                words: words(outer),
            },
            Candidate {
                article: 0,
                start: at,
                end: at + inner.len(),
                words: words(inner),
            },
            Candidate {
                article: 1,
                start: 0,
                end: elsewhere.len(),
                words: words(elsewhere),
            },
        ];
        let mut clusters = cluster(&candidates);
        crate::sort::all(&mut clusters);
        assert_eq!(clusters, vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn short_quotations_are_left_out() {
        assert!(clusters_of(&[(0, "OK with me."), (1, "OK with me.")]).is_empty());
    }
}
