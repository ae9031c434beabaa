//! Word-level differences between a cluster member and the cluster's reference (its longest
//! member): a longest-common-subsequence alignment of normalised words.
//!
//! The member is cut into segments that concatenate back to its exact text: words the two share
//! (`same`), words only the member has (`inserted`), shared words spelled differently
//! (`respelled`, with the reference's spelling), and between them the reference's words the
//! member leaves out (`omitted`, the reference's text). Reference words before the member's first
//! shared word or after its last are not differences: the member quotes only part of the
//! utterance (`extent: part`).
//!
//! Cost: the alignment is O(member words × reference words) time and memory.

use serde::{Deserialize, Serialize};

use super::normalise::{same_surface, Word};

/// What a segment of a member is, relative to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Words both have, spelled alike.
    Same,
    /// Words the member has and the reference does not.
    Inserted,
    /// The reference's words the member leaves out (text from the reference).
    Omitted,
    /// A word both have, spelled differently (`co-operate` / `cooperate`).
    Respelled,
}

/// A run of words with one [`Op`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// What the run is.
    pub op: Op,
    /// The member's text (for `omitted`, the reference's words).
    pub text: String,
    /// For `respelled`: the reference's spelling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// How much of the reference a member quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    /// From the reference's first word to its last.
    Whole,
    /// A part: the reference has words before or after the member's.
    Part,
}

/// The alignment of a member with its reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    /// Segments in the member's order.
    pub segments: Vec<Segment>,
    /// Whole or part.
    pub extent: Extent,
    /// True when no segment is `inserted`, `omitted` or `respelled`.
    pub identical: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Match(usize, usize),
    Insert(usize),
    Omit(usize),
}

/// Aligns `member` (its text and words) with `reference` (its text and words).
pub fn diff(member_text: &str, member: &[Word], reference_text: &str, reference: &[Word]) -> Diff {
    let steps = align(member, reference);
    // Reference words outside the member's span of shared words are not quoted, not omitted.
    let first = steps.iter().position(|s| matches!(s, Step::Match(..)));
    let last = steps.iter().rposition(|s| matches!(s, Step::Match(..)));
    let mut extent = Extent::Whole;
    let steps: Vec<Step> = steps
        .iter()
        .enumerate()
        .filter(|&(k, s)| {
            let outside = matches!(s, Step::Omit(_))
                && (first.is_none_or(|f| k < f) || last.is_none_or(|l| k > l));
            if outside {
                extent = Extent::Part;
            }
            !outside
        })
        .map(|(_, s)| *s)
        .collect();

    // Label each step, then merge runs of the same label.
    let labels: Vec<Op> = steps
        .iter()
        .map(|s| match *s {
            Step::Match(i, j)
                if !same_surface(
                    &member_text[member[i].start..member[i].end],
                    &reference_text[reference[j].start..reference[j].end],
                ) =>
            {
                Op::Respelled
            }
            Step::Match(..) => Op::Same,
            Step::Insert(_) => Op::Inserted,
            Step::Omit(_) => Op::Omitted,
        })
        .collect();
    let label = |k: usize| labels[k];
    // Where the member-side segment holding member word `i` ends: the next word's start.
    let member_end = |i: usize| member.get(i + 1).map_or(member_text.len(), |w| w.start);
    let mut segments: Vec<Segment> = Vec::new();
    let mut k = 0;
    let mut member_started = false;
    while k < steps.len() {
        let op = label(k);
        let mut run_end = k + 1;
        if op != Op::Respelled {
            while run_end < steps.len() && label(run_end) == op {
                run_end += 1;
            }
        }
        let run = &steps[k..run_end];
        let segment = match op {
            Op::Omitted => {
                let js: Vec<usize> = run
                    .iter()
                    .filter_map(|s| match s {
                        Step::Omit(j) => Some(*j),
                        _ => None,
                    })
                    .collect();
                let (a, b) = (js[0], js[js.len() - 1]);
                Segment {
                    op,
                    text: reference_text[reference[a].start..reference[b].end].to_string(),
                    reference: None,
                }
            }
            _ => {
                let is: Vec<usize> = run
                    .iter()
                    .filter_map(|s| match s {
                        Step::Match(i, _) | Step::Insert(i) => Some(*i),
                        Step::Omit(_) => None,
                    })
                    .collect();
                let (a, b) = (is[0], is[is.len() - 1]);
                let start = if member_started { member[a].start } else { 0 };
                member_started = true;
                let reference = match run[0] {
                    Step::Match(_, j) if op == Op::Respelled => {
                        Some(reference_text[reference[j].start..reference[j].end].to_string())
                    }
                    _ => None,
                };
                if op == Op::Same {
                    Segment {
                        op,
                        text: member_text[start..member_end(b)].to_string(),
                        reference,
                    }
                } else {
                    // The marked words alone; the punctuation and space after them is `same`.
                    let gap = &member_text[member[b].end..member_end(b)];
                    segments.push(Segment {
                        op,
                        text: member_text[start..member[b].end].to_string(),
                        reference,
                    });
                    Segment {
                        op: Op::Same,
                        text: gap.to_string(),
                        reference: None,
                    }
                }
            }
        };
        match segments.last_mut() {
            Some(last) if last.op == Op::Same && segment.op == Op::Same => {
                last.text.push_str(&segment.text)
            }
            _ if segment.op == Op::Same && segment.text.is_empty() => {}
            _ => segments.push(segment),
        }
        k = run_end;
    }
    if !member_started {
        // No words at all: the member's text is one `inserted` run (never for clustered quotes).
        segments.insert(
            0,
            Segment {
                op: Op::Inserted,
                text: member_text.to_string(),
                reference: None,
            },
        );
    }
    let identical = segments.iter().all(|s| s.op == Op::Same);
    Diff {
        segments,
        extent,
        identical,
    }
}

/// The most table cells the alignment fills; past it, only a common prefix and suffix align.
pub const MAX_CELLS: usize = 4_000_000;

/// A longest-common-subsequence alignment on normal forms, walked from the start.
fn align(member: &[Word], reference: &[Word]) -> Vec<Step> {
    let (m, r) = (member.len(), reference.len());
    if (m + 1).saturating_mul(r + 1) > MAX_CELLS {
        return align_ends(member, reference);
    }
    let width = r + 1;
    // table[i * width + j]: LCS length of member[i..] and reference[j..].
    let mut table = vec![0u32; (m + 1) * width];
    for i in (0..m).rev() {
        for j in (0..r).rev() {
            table[i * width + j] = if member[i].norm == reference[j].norm {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut steps = Vec::with_capacity(m + r);
    let (mut i, mut j) = (0, 0);
    while i < m || j < r {
        if i < m && j < r && member[i].norm == reference[j].norm {
            steps.push(Step::Match(i, j));
            i += 1;
            j += 1;
        } else if j < r && (i == m || table[i * width + j + 1] >= table[(i + 1) * width + j]) {
            steps.push(Step::Omit(j));
            j += 1;
        } else {
            steps.push(Step::Insert(i));
            i += 1;
        }
    }
    steps
}

/// The cheap alignment for very long quotations: the common prefix and suffix match, the
/// middle is the reference's words omitted then the member's inserted. Linear time.
fn align_ends(member: &[Word], reference: &[Word]) -> Vec<Step> {
    let (m, r) = (member.len(), reference.len());
    let prefix = member
        .iter()
        .zip(reference)
        .take_while(|(a, b)| a.norm == b.norm)
        .count();
    let suffix = member[prefix..]
        .iter()
        .rev()
        .zip(reference[prefix..].iter().rev())
        .take_while(|(a, b)| a.norm == b.norm)
        .count();
    let mut steps: Vec<Step> = (0..prefix).map(|i| Step::Match(i, i)).collect();
    steps.extend((prefix..r - suffix).map(Step::Omit));
    steps.extend((prefix..m - suffix).map(Step::Insert));
    steps.extend((0..suffix).map(|k| Step::Match(m - suffix + k, r - suffix + k)));
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::normalise::words;

    fn show(member: &str, reference: &str) -> (String, Extent) {
        let d = diff(member, &words(member), reference, &words(reference));
        let text = d
            .segments
            .iter()
            .map(|s| match s.op {
                Op::Same => s.text.clone(),
                Op::Inserted => format!("{{+{}+}}", s.text),
                Op::Omitted => format!("[-{}-]", s.text),
                Op::Respelled => format!("{{~{}~{}~}}", s.text, s.reference.as_deref().unwrap()),
            })
            .collect();
        (text, d.extent)
    }

    #[test]
    fn variants() {
        let full = "The United States is not going to come to Mexico with the military. We cooperate, we collaborate, but there is not going to be an invasion.";
        let table = [
            (
                "identical",
                full,
                full,
                full.to_string(),
                Extent::Whole,
            ),
            (
                "punctuation and quote marks are not differences",
                "The United States is not going to come to Mexico with the military; we cooperate, we collaborate, but there is not going to be an invasion,",
                full,
                "The United States is not going to come to Mexico with the military; we cooperate, we collaborate, but there is not going to be an invasion,".to_string(),
                Extent::Whole,
            ),
            (
                "respelling",
                "We co-operate, we collaborate, but there is not going to be an invasion,",
                full,
                "We {~co-operate~cooperate~}, we collaborate, but there is not going to be an invasion,".to_string(),
                Extent::Part,
            ),
            (
                "ellipsis omits words",
                "The United States is not going to come to Mexico with the military... There is not going to be an invasion.",
                full,
                "The United States is not going to come to Mexico with the military... [-We cooperate, we collaborate, but-]There is not going to be an invasion.".to_string(),
                Extent::Whole,
            ),
            (
                "inserted words",
                "his top priority is protecting the homeland.",
                "top priority is protecting the homeland.",
                "{+his+} top priority is protecting the homeland.".to_string(),
                Extent::Whole,
            ),
            (
                "fragment",
                "come to Mexico with the military,",
                full,
                "come to Mexico with the military,".to_string(),
                Extent::Part,
            ),
        ];
        for (name, member, reference, expected, extent) in table {
            assert_eq!(show(member, reference), (expected, extent), "{name}");
        }
    }

    #[test]
    fn very_long_quotations_align_by_their_ends() {
        let reference = "a b c d ".repeat(1100);
        let member = format!("a b x {}", &reference[4..]);
        let (m, r) = (words(&member), words(&reference));
        assert!((m.len() + 1) * (r.len() + 1) > MAX_CELLS);
        let d = diff(&member, &m, &reference, &r);
        let ops: Vec<Op> = d.segments.iter().map(|s| s.op).collect();
        assert_eq!(ops, vec![Op::Same, Op::Inserted, Op::Same]);
        assert_eq!(d.segments[1].text, "x");
    }

    #[test]
    fn segments_rebuild_the_member() {
        let member = "“We cooperate… we don’t invade,” she said";
        let reference = "We co-operate, we collaborate, we do not invade";
        let d = diff(member, &words(member), reference, &words(reference));
        let rebuilt: String = d
            .segments
            .iter()
            .filter(|s| s.op != Op::Omitted)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(rebuilt, member);
        assert!(!d.identical);
    }
}
