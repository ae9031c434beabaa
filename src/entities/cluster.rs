//! Clusters: one entity per referent, with a canonical name.
//!
//! People: a full name (two words or more) opens a cluster; a shorter mention (`Sheinbaum`,
//! `de la Fuente`, `Claudia`) joins the cluster whose full name ends (or starts) with it,
//! choosing the nearest earlier mention when two people share a surname, so that `Joe Biden`
//! and `Hunter Biden` stay apart. Places and organisations cluster by their canonical name
//! (`U.S.`, `US`, `United States`, `America` → `United States`). Dates cluster by their
//! wording; each number is its own referent.

use rustc_hash::FxHashMap;

use super::gazetteer::GAZETTEER;
use super::Mention;
use crate::analysis::{Entity, EntityType, TextSpan};
use crate::text::push_lower;

/// The most words a name part (a surname, a given name, `de la Fuente`) can have.
const MAX_PART: usize = 6;

/// `Drug Enforcement Administration (DEA)`: an acronym in parentheses right after a name
/// whose capitalised words it abbreviates. The name becomes an organisation if it was typed
/// as a person, and every mention of the acronym joins the name's entity.
fn acronyms(text: &str, mentions: &mut [Mention]) {
    let mut aliases: FxHashMap<String, (String, EntityType)> = FxHashMap::default();
    for k in 0..mentions.len().saturating_sub(1) {
        let (name, acronym) = (&mentions[k], &mentions[k + 1]);
        let between = &text[name.end..acronym.start];
        let short = &text[acronym.start..acronym.end];
        if between.trim() != "(" || !text[acronym.end..].trim_start().starts_with(')') {
            continue;
        }
        let initials: String = text[name.start..name.end]
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        if short.len() < 2 || initials != short || short.chars().any(char::is_lowercase) {
            continue;
        }
        let kind = match name.kind {
            EntityType::Person => EntityType::Org,
            kind => kind,
        };
        let canonical = name
            .canonical()
            .unwrap_or_else(|| strip_the(&text[name.start..name.end]))
            .to_string();
        aliases.insert(short.to_string(), (canonical.clone(), kind));
        mentions[k].kind = kind;
        let details = mentions[k].details_mut();
        details.canonical = Some(canonical.into());
        details.titles.clear();
    }
    if aliases.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if let Some((canonical, kind)) = aliases.get(&text[m.start..m.end]) {
            m.kind = *kind;
            m.details_mut().canonical = Some(canonical.clone().into());
        }
    }
}

/// Builds entities from mentions (sorted by start), in order of first mention.
pub fn build(text: &str, mut mentions: Vec<Mention>) -> Vec<Entity> {
    acronyms(text, &mut mentions);
    let n = mentions.len();
    // cluster index of each mention
    let mut cluster_of: Vec<usize> = vec![usize::MAX; n];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // The full names (people named in two words or more), each as its words lower-cased and
    // joined by one space, so that its leading and trailing words are slices of it.
    let full_names: Vec<(usize, Words)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityType::Person)
        .map(|(i, m)| (i, Words::of(&text[m.start..m.end])))
        .filter(|(_, w)| w.len() >= 2)
        .collect();
    // Full names first, longest first, keyed by (first word, last word); a shorter full name
    // that ends a longer one joins it (`López Obrador` after `Andrés Manuel López Obrador`).
    let mut full: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    let mut tails: FxHashMap<&str, usize> = FxHashMap::default();
    let mut order: Vec<&(usize, Words)> = full_names.iter().collect();
    crate::sort::by_key(&mut order, |(i, w)| (std::cmp::Reverse(w.len()), *i));
    for (i, w) in order {
        let c = match tails.get(w.all()) {
            Some(&c) => c,
            None => *full.entry((w.first(), w.last())).or_insert_with(|| {
                clusters.push(Vec::new());
                clusters.len() - 1
            }),
        };
        // Names are short: indexing at most MAX_PART words keeps a run of thousands of
        // capitalised words linear.
        for k in (w.len() - 1).saturating_sub(MAX_PART).max(1)..w.len() - 1 {
            tails.entry(w.from(k)).or_insert(c);
        }
        cluster_of[*i] = c;
        clusters[c].push(*i);
    }
    for c in &mut clusters {
        crate::sort::all(c);
    }
    // Short mentions join the nearest full name they end or start. Index every word-aligned
    // proper prefix and suffix of the full names once (`de la fuente`, `fuente`, `juan`).
    let full_starts: Vec<Vec<usize>> = clusters
        .iter()
        .map(|c| c.iter().map(|&j| mentions[j].start).collect())
        .collect();
    let mut parts: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (c, members) in clusters.iter().enumerate() {
        for &j in members {
            let at = full_names.binary_search_by_key(&j, |(i, _)| *i);
            let w = &full_names[at.expect("clustered so far: the full names")].1;
            for k in 1..w.len() {
                let (suffix, prefix) = (w.len() - k, k);
                let parts_here = [
                    (suffix <= MAX_PART).then(|| w.from(k)),
                    (prefix <= MAX_PART).then(|| w.before(k)),
                ];
                for part in parts_here.into_iter().flatten() {
                    let list = parts.entry(part).or_default();
                    if !list.contains(&c) {
                        list.push(c);
                    }
                }
            }
        }
    }
    let mut short: FxHashMap<String, usize> = FxHashMap::default();
    // Keys are lowered into one buffer and copied only into a map that lacks them.
    let mut key = String::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::Person || cluster_of[i] != usize::MAX {
            continue;
        }
        key.clear();
        push_lower(&mut key, &text[m.start..m.end]);
        let candidates: &[usize] = parts.get(key.as_str()).map_or(&[], Vec::as_slice);
        let chosen = match candidates.len() {
            0 => None,
            1 => Some(candidates[0]),
            _ => {
                // The nearest earlier full mention, else the first one after.
                let nearest = |c: &usize| {
                    let starts = &full_starts[*c];
                    let before = starts.partition_point(|&s| s < m.start);
                    before.checked_sub(1).map(|k| starts[k])
                };
                candidates
                    .iter()
                    .copied()
                    .max_by_key(nearest)
                    .filter(|c| nearest(c).is_some())
                    .or_else(|| {
                        candidates
                            .iter()
                            .copied()
                            .min_by_key(|c| full_starts[*c][0])
                    })
            }
        };
        let c = chosen.unwrap_or_else(|| new_or_known(&mut short, &key, &mut clusters));
        cluster_of[i] = c;
        clusters[c].push(i);
    }
    // Everything else by key, one map a type.
    let mut keyed: [FxHashMap<String, usize>; 3] = Default::default();
    for (i, m) in mentions.iter().enumerate() {
        if cluster_of[i] != usize::MAX {
            continue;
        }
        let by_name = || {
            m.canonical()
                .unwrap_or_else(|| strip_the(&text[m.start..m.end]))
        };
        let (slot, keyed_by) = match m.kind {
            EntityType::Person => unreachable!("people are clustered above"),
            EntityType::Number => (None, ""),
            // By wording: `late last year` and `the same months last year` share a value
            // but are not the same time.
            EntityType::Date => (Some(0), &text[m.start..m.end]),
            EntityType::Place => (Some(1), by_name()),
            EntityType::Org => (Some(2), by_name()),
        };
        let c = match slot {
            Some(slot) => {
                key.clear();
                push_lower(&mut key, keyed_by);
                new_or_known(&mut keyed[slot], &key, &mut clusters)
            }
            None => {
                clusters.push(Vec::new());
                clusters.len() - 1
            }
        };
        cluster_of[i] = c;
        clusters[c].push(i);
    }
    for c in &mut clusters {
        crate::sort::all(c);
    }
    clusters.retain(|c| !c.is_empty());
    crate::sort::by_key(&mut clusters, |c| mentions[c[0]].start);
    clusters
        .iter()
        .enumerate()
        .map(|(k, members)| entity(text, &mentions, members, k + 1))
        .collect()
}

/// The cluster `keys` holds for `key`, or a new one it will.
fn new_or_known(
    keys: &mut FxHashMap<String, usize>,
    key: &str,
    clusters: &mut Vec<Vec<usize>>,
) -> usize {
    if let Some(&c) = keys.get(key) {
        return c;
    }
    clusters.push(Vec::new());
    keys.insert(key.to_string(), clusters.len() - 1);
    clusters.len() - 1
}

/// A name's words, each lower-cased, joined by one space: one string whose leading and
/// trailing words are its slices, where a `Vec` of words made a string per word and another
/// per join.
struct Words {
    joined: String,
    /// Where each word after the first starts in `joined`.
    starts: Vec<usize>,
}

impl Words {
    fn of(name: &str) -> Words {
        let mut joined = String::with_capacity(name.len());
        let mut starts = Vec::new();
        for (k, word) in name.split_whitespace().enumerate() {
            if k > 0 {
                joined.push(' ');
                starts.push(joined.len());
            }
            push_lower(&mut joined, word);
        }
        Words { joined, starts }
    }

    fn len(&self) -> usize {
        self.starts.len() + 1
    }

    fn all(&self) -> &str {
        &self.joined
    }

    /// The words from word `k` on (`k` ≥ 1).
    fn from(&self, k: usize) -> &str {
        &self.joined[self.starts[k - 1]..]
    }

    /// The words before word `k` (`k` ≥ 1).
    fn before(&self, k: usize) -> &str {
        &self.joined[..self.starts[k - 1] - 1]
    }

    fn first(&self) -> &str {
        self.before(1)
    }

    fn last(&self) -> &str {
        self.from(self.len() - 1)
    }
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name)
}

fn entity(text: &str, mentions: &[Mention], members: &[usize], number: usize) -> Entity {
    let first = &mentions[members[0]];
    let name = match first.kind {
        EntityType::Person => {
            let longest = members
                .iter()
                .map(|&i| &text[mentions[i].start..mentions[i].end])
                .max_by_key(|s| s.split_whitespace().count())
                .unwrap_or_default();
            // A well-known person named only by surname gets their full name.
            match GAZETTEER.figures.get(longest) {
                Some(full) if !longest.contains(' ') => full.clone(),
                _ => longest.to_string(),
            }
        }
        _ => members
            .iter()
            .find_map(|&i| mentions[i].canonical())
            .unwrap_or_else(|| strip_the(&text[first.start..first.end]))
            .to_string(),
    };
    let mut titles: Vec<String> = Vec::new();
    for &i in members {
        for t in mentions[i].titles() {
            if !titles.iter().any(|old| old.eq_ignore_ascii_case(t)) {
                titles.push(t.clone());
            }
        }
    }
    Entity {
        id: crate::analysis::numbered_id('e', number),
        kind: first.kind,
        name,
        mentions: members
            .iter()
            .map(|&i| TextSpan::new(text, mentions[i].start, mentions[i].end))
            .collect(),
        titles,
        value: members.iter().find_map(|&i| mentions[i].value().cloned()),
        unit: members
            .iter()
            .find_map(|&i| mentions[i].unit().map(str::to_string)),
        rule: first.rule.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(start: usize, end: usize) -> Mention {
        Mention::new(start, end, EntityType::Person, "test")
    }

    /// Places, organisations and dates cluster by their lower-cased key, each type apart.
    #[test]
    fn keys_cluster_within_a_type() {
        let text = "Georgia GEORGIA georgia Georgia May may";
        let at = |k: usize| {
            let start = text.split(' ').take(k).map(|w| w.len() + 1).sum::<usize>();
            (start, start + text.split(' ').nth(k).unwrap().len())
        };
        let mention = |k: usize, kind: EntityType| Mention::new(at(k).0, at(k).1, kind, "test");
        let mentions = vec![
            mention(0, EntityType::Place),
            mention(1, EntityType::Place),
            mention(2, EntityType::Org),
            mention(3, EntityType::Org),
            mention(4, EntityType::Date),
            mention(5, EntityType::Date),
        ];
        let entities = build(text, mentions);
        let got: Vec<(EntityType, usize)> = entities
            .iter()
            .map(|e| (e.kind, e.mentions.len()))
            .collect();
        assert_eq!(
            got,
            [
                (EntityType::Place, 2),
                (EntityType::Org, 2),
                (EntityType::Date, 2)
            ]
        );
    }

    /// The joined words answer what the words lower-cased one by one and joined would, with
    /// letters whose lower case changes length (`İ`, the Kelvin sign) and a final `Σ`.
    #[test]
    fn words_are_the_lowered_words_joined() {
        let mut rng = crate::test_inputs::Rng::new(11);
        let pieces = [
            "Ana",
            "de",
            "LA",
            "İstanbul",
            "\u{212a}elvin",
            "ΟΔΥΣΣΕΥΣ",
            "Σ",
            "é",
            "x",
        ];
        let gaps = [" ", "  ", "\n", "\u{a0}", "\t "];
        for _ in 0..2000 {
            let mut name = String::new();
            for k in 0..1 + rng.below(5) {
                if k > 0 {
                    name.push_str(rng.pick(&gaps));
                }
                name.push_str(rng.pick(&pieces));
            }
            let w: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            let joined = Words::of(&name);
            assert_eq!(joined.len(), w.len(), "{name:?}");
            assert_eq!(joined.all(), w.join(" "), "{name:?}");
            for k in 1..w.len() {
                assert_eq!(joined.from(k), w[k..].join(" "), "{name:?} from {k}");
                assert_eq!(joined.before(k), w[..k].join(" "), "{name:?} before {k}");
            }
            if w.len() >= 2 {
                assert_eq!((joined.first(), joined.last()), (&*w[0], &*w[w.len() - 1]));
            }
        }
    }

    #[test]
    fn surnames_join_the_nearest_full_name() {
        let text = "Joe Biden met Hunter Biden. Biden left. Joe Biden came back. Biden spoke.";
        let find = |s: &str, from: usize| text[from..].find(s).unwrap() + from;
        let mentions = vec![
            person(0, 9),
            person(14, 26),
            person(find("Biden left", 0), find("Biden left", 0) + 5),
            person(find("Joe Biden came", 0), find("Joe Biden came", 0) + 9),
            person(find("Biden spoke", 0), find("Biden spoke", 0) + 5),
        ];
        let entities = build(text, mentions);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].name, "Joe Biden");
        assert_eq!(entities[0].mentions.len(), 3);
        assert_eq!(entities[1].name, "Hunter Biden");
        assert_eq!(entities[1].mentions.len(), 2);
    }
}
