//! Clusters: one entity per referent, with a canonical name.
//!
//! People: a full name (two words or more) opens a cluster; a shorter mention (`Sheinbaum`,
//! `de la Fuente`, `Claudia`) joins the cluster whose full name ends (or starts) with it,
//! choosing the nearest earlier mention when two people share a surname, so that `Joe Biden`
//! and `Hunter Biden` stay apart. Places and organisations cluster by their canonical name
//! (`U.S.`, `US`, `United States`, `America` → `United States`). Dates cluster by their
//! wording; each number is its own referent.

use std::borrow::Cow;

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
        if !abbreviates(text, name, acronym) {
            continue;
        }
        let short = &text[acronym.start..acronym.end];
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

/// Whether `acronym`, the mention right after `name`, is in parentheses and is the initials
/// of `name`'s capitalised words (two or more, no small letter).
fn abbreviates(text: &str, name: &Mention, acronym: &Mention) -> bool {
    let short = &text[acronym.start..acronym.end];
    // An acronym has no small letter (asked again below): that turns away nearly every
    // mention (`Sheinbaum`, `last year`) at its first few bytes, before the trims, which
    // were most of this test's cost.
    if short.bytes().any(|b| b.is_ascii_lowercase())
        || text[name.end..acronym.start].trim() != "("
        || !text[acronym.end..].trim_start().starts_with(')')
    {
        return false;
    }
    let initials: String = text[name.start..name.end]
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    short.len() >= 2 && initials == short && !short.chars().any(char::is_lowercase)
}

/// No cluster yet, or the end of a list of [`Parts`].
const NONE: usize = usize::MAX;

/// Builds entities from mentions (sorted by start), in order of first mention.
pub fn build(text: &str, mut mentions: Vec<Mention>) -> Vec<Entity<'_>> {
    acronyms(text, &mut mentions);
    let n = mentions.len();
    // Clusters are numbers, and a mention's cluster is all that is kept of it: lists of
    // members wait until every mention has one, then come from one counting sort.
    let mut cluster_of: Vec<usize> = vec![NONE; n];
    let mut clusters = 0;
    // The full names (people named in two words or more), each as its words lower-cased and
    // joined by one space, so that its leading and trailing words are slices of it.
    let people = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityType::Person);
    let names = Names::of(people.clone().map(|(_, m)| &text[m.start..m.end]));
    let full_names: Vec<(usize, Words)> = people
        .zip(0..)
        .map(|((i, _), k)| (i, names.get(k)))
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
            None => *full
                .entry((w.first(), w.last()))
                .or_insert_with(|| new_cluster(&mut clusters)),
        };
        // Names are short: indexing at most MAX_PART words keeps a run of thousands of
        // capitalised words linear.
        for k in (w.len() - 1).saturating_sub(MAX_PART).max(1)..w.len() - 1 {
            tails.entry(w.from(k)).or_insert(c);
        }
        cluster_of[*i] = c;
    }
    // Each full-name cluster's members, as positions in `full_names`, in text order.
    let named = Groups::new(
        clusters,
        full_names
            .iter()
            .enumerate()
            .map(|(f, (i, _))| (f, cluster_of[*i])),
    );
    let parts = Parts::of(&full_names, &named);
    let keys = Keys::of(text, &mentions, &cluster_of);
    // Everything not clustered yet: short names join the nearest full name they end or
    // start; the rest cluster by key, one key space a type.
    let mut known: FxHashMap<(EntityType, &str), usize> = FxHashMap::default();
    let mut short_names = ShortNames::default();
    for (i, m) in mentions.iter().enumerate() {
        if cluster_of[i] != NONE {
            continue;
        }
        if m.kind == EntityType::Number {
            cluster_of[i] = new_cluster(&mut clusters);
            continue;
        }
        let key = keys.get(i);
        let chosen = match m.kind {
            EntityType::Person => short_names.cluster(key, m.start, &parts, &named, |f| {
                let i = full_names[f].0;
                (mentions[i].start, cluster_of[i])
            }),
            _ => None,
        };
        cluster_of[i] = chosen.unwrap_or_else(|| {
            *known
                .entry((m.kind, key))
                .or_insert_with(|| new_cluster(&mut clusters))
        });
    }
    // Renumbered in order of first mention: mentions come sorted by start.
    let mut number = vec![NONE; clusters];
    let mut next = 0;
    for &c in &cluster_of {
        if number[c] == NONE {
            number[c] = next;
            next += 1;
        }
    }
    let members = Groups::new(
        next,
        cluster_of.iter().enumerate().map(|(i, &c)| (i, number[c])),
    );
    (0..next)
        .map(|k| entity(text, &mut mentions, members.get(k), k + 1))
        .collect()
}

/// The number of a new cluster, counting it in `clusters`.
fn new_cluster(clusters: &mut usize) -> usize {
    *clusters += 1;
    *clusters - 1
}

/// Items grouped by a number (their cluster), each group in the items' order: one counting
/// sort into one list, where a `Vec` a group made an allocation a cluster.
struct Groups {
    /// Where each group starts in `items`, and the end.
    bounds: Vec<usize>,
    items: Vec<usize>,
}

impl Groups {
    /// Groups `0..count` of the `(item, group)` pairs.
    fn new(count: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Groups {
        let mut bounds = vec![0; count + 1];
        for (_, g) in pairs.clone() {
            bounds[g + 1] += 1;
        }
        for g in 0..count {
            bounds[g + 1] += bounds[g];
        }
        let mut items = vec![0; bounds[count]];
        let mut at = bounds.clone();
        for (item, g) in pairs {
            items[at[g]] = item;
            at[g] += 1;
        }
        Groups { bounds, items }
    }

    fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    fn get(&self, group: usize) -> &[usize] {
        &self.items[self.bounds[group]..self.bounds[group + 1]]
    }
}

/// Which full-name cluster a short name (`Biden`) joins: of the clusters whose full names it
/// ends or starts, the one with the nearest full mention before it, else the one whose full
/// mention comes first (`Joe Biden` and `Hunter Biden` stay apart).
///
/// Searching every candidate cluster's mentions costs each short name the number of
/// candidates: a text of many articles shares a common surname among hundreds of full names
/// and mentions it thousands of times, and that grows as the square of its length. So once
/// a part's searches have cost as much as listing its candidates' full mentions would, they
/// are listed once, in text order, and each later short name costs one binary search:
/// never more than twice the cheaper of the two ways, whatever the text.
#[derive(Default)]
struct ShortNames {
    /// For each part by its last link in [`Parts`], where `asked` holds how it is answered
    /// ([`NONE`] until a short name asks about it with two candidates or more). Empty until
    /// then: most articles never ask.
    asked_at: Vec<usize>,
    asked: Vec<Asked>,
    candidates: Vec<usize>,
}

/// How a part shared by two clusters or more is answered.
enum Asked {
    /// By searching each candidate's members; `spent` counts the candidates searched so far.
    Searching { spent: usize },
    /// From the candidates' full mentions, `(start, cluster)`, in text order.
    Listed(Vec<(usize, usize)>),
}

impl ShortNames {
    /// The cluster a short name keyed `part`, starting at `at`, joins, if any. `full` gives a
    /// full name's start and cluster by its position in `named`'s groups.
    fn cluster(
        &mut self,
        part: &str,
        at: usize,
        parts: &Parts,
        named: &Groups,
        full: impl Fn(usize) -> (usize, usize),
    ) -> Option<usize> {
        let link = parts.last_link(part);
        if let Some(Asked::Listed(list)) = self.asked_at.get(link).and_then(|&k| self.asked.get(k))
        {
            return Some(nearest_in_list(list, at));
        }
        self.candidates.clear();
        parts.candidates_from(link, &mut self.candidates);
        let candidates = &self.candidates;
        match candidates.len() {
            0 => return None,
            1 => return Some(candidates[0]),
            _ => {}
        }
        let members: usize = candidates.iter().map(|&c| named.get(c).len()).sum();
        if self.asked_at.is_empty() {
            self.asked_at = vec![NONE; parts.links.len()];
        }
        if self.asked_at[link] == NONE {
            self.asked_at[link] = self.asked.len();
            self.asked.push(Asked::Searching { spent: 0 });
        }
        let k = self.asked_at[link];
        if let Asked::Searching { spent } = &mut self.asked[k] {
            *spent += candidates.len();
            if *spent < members {
                return Some(nearest_by_search(candidates, at, named, &full));
            }
        }
        let list = full_mentions(candidates, named, full);
        let answer = nearest_in_list(&list, at);
        self.asked[k] = Asked::Listed(list);
        Some(answer)
    }
}

/// [`ShortNames::cluster`] by searching each candidate's full mentions (positions in `named`'s
/// groups, in text order) for the last one before `at`.
fn nearest_by_search(
    candidates: &[usize],
    at: usize,
    named: &Groups,
    full: impl Fn(usize) -> (usize, usize),
) -> usize {
    // The latest full mention before `at`, and the first full mention: a later cluster takes
    // a tie for the latest and an earlier one a tie for the first.
    let mut latest: Option<(usize, usize)> = None;
    let mut first: Option<(usize, usize)> = None;
    for &c in candidates {
        let members = named.get(c);
        let before = members.partition_point(|&f| full(f).0 < at);
        if let Some(k) = before.checked_sub(1) {
            let start = full(members[k]).0;
            if latest.is_none_or(|(s, _)| start >= s) {
                latest = Some((start, c));
            }
        }
        let start = full(members[0]).0;
        if first.is_none_or(|(s, _)| start < s) {
            first = Some((start, c));
        }
    }
    latest.or(first).expect("two candidates or more").1
}

/// The candidates' full mentions as `(start, cluster)`, in text order.
fn full_mentions(
    candidates: &[usize],
    named: &Groups,
    full: impl Fn(usize) -> (usize, usize),
) -> Vec<(usize, usize)> {
    let mut list = Vec::new();
    for &c in candidates {
        for &f in named.get(c) {
            list.push(full(f));
        }
    }
    crate::sort::all(&mut list);
    list
}

/// [`ShortNames::cluster`] from the candidates' full mentions as `(start, cluster)` in text
/// order: the last before `at`, else the first. Ties in start go to the later cluster before
/// `at` and the earlier one after, as in [`nearest_by_search`].
fn nearest_in_list(list: &[(usize, usize)], at: usize) -> usize {
    let before = list.partition_point(|&(start, _)| start < at);
    list[before.saturating_sub(1)].1
}

/// Every word-aligned proper prefix and suffix of the full names (`de la fuente`, `fuente`,
/// `juan`) with the clusters whose full names have it, for short names to join.
struct Parts<'a> {
    /// The last link of each part's list.
    last: FxHashMap<&'a str, usize>,
    /// Lists of clusters as links: a cluster and the link before it (or [`NONE`]). Linked
    /// lists in one `Vec` spare a `Vec` a part.
    links: Vec<(usize, usize)>,
}

impl<'a> Parts<'a> {
    fn of(full_names: &[(usize, Words<'a>)], named: &Groups) -> Parts<'a> {
        let mut parts = Parts {
            last: FxHashMap::default(),
            links: Vec::new(),
        };
        for c in 0..named.len() {
            for &f in named.get(c) {
                let w = &full_names[f].1;
                for k in 1..w.len() {
                    let (suffix, prefix) = (w.len() - k, k);
                    let parts_here = [
                        (suffix <= MAX_PART).then(|| w.from(k)),
                        (prefix <= MAX_PART).then(|| w.before(k)),
                    ];
                    for part in parts_here.into_iter().flatten() {
                        let last = parts.last.entry(part).or_insert(NONE);
                        // Clusters come in order, so one already listed is the last.
                        if *last == NONE || parts.links[*last].0 != c {
                            parts.links.push((c, *last));
                            *last = parts.links.len() - 1;
                        }
                    }
                }
            }
        }
        parts
    }

    /// Appends the clusters with `part` to `out`, in cluster order.
    #[cfg(test)]
    fn candidates(&self, part: &str, out: &mut Vec<usize>) {
        self.candidates_from(self.last_link(part), out);
    }

    /// The last link of `part`'s list, which stands for the part; [`NONE`] if no full name
    /// has it.
    fn last_link(&self, part: &str) -> usize {
        self.last.get(part).copied().unwrap_or(NONE)
    }

    /// [`Parts::candidates`] of the part whose last link is `link`.
    fn candidates_from(&self, mut link: usize, out: &mut Vec<usize>) {
        while link != NONE {
            out.push(self.links[link].0);
            link = self.links[link].1;
        }
        out.reverse();
    }
}

/// The lower-cased key each mention not clustered by full name is clustered by, all in one
/// string: people and dates by their wording, places and organisations by name, numbers
/// (each its own referent) by none.
struct Keys {
    lowered: String,
    /// Where each mention's key ends in `lowered`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl Keys {
    fn of(text: &str, mentions: &[Mention], cluster_of: &[usize]) -> Keys {
        // Keys are about as long as the mentions: one allocation, where growing took several.
        let wordings = mentions.iter().zip(cluster_of);
        let bytes = wordings
            .clone()
            .filter(|(_, &c)| c == NONE)
            .map(|(m, _)| m.end - m.start)
            .sum();
        let mut keys = Keys {
            lowered: String::with_capacity(bytes),
            ends: Vec::with_capacity(mentions.len()),
        };
        let fill = |keys: &mut Keys, push: fn(&mut String, &str)| {
            for (m, &c) in wordings.clone() {
                if c == NONE {
                    let wording = &text[m.start..m.end];
                    let keyed_by = match m.kind {
                        EntityType::Number => "",
                        // By wording: `late last year` and `the same months last year` share a
                        // value but are not the same time.
                        EntityType::Person | EntityType::Date => wording,
                        EntityType::Place | EntityType::Org => {
                            m.canonical().unwrap_or_else(|| strip_the(wording))
                        }
                    };
                    push(&mut keys.lowered, keyed_by);
                }
                keys.ends.push(keys.lowered.len());
            }
        };
        // Keys are nearly always ASCII: copied as they are and lowered at once, where lowering
        // each (a call, a check and a copy a key) cost three times the copies. Lowering may
        // change the length of other text, so then each is lowered as it is added.
        fill(&mut keys, String::push_str);
        if keys.lowered.is_ascii() {
            keys.lowered.make_ascii_lowercase();
        } else {
            keys.lowered.clear();
            keys.ends.clear();
            fill(&mut keys, push_lower);
        }
        keys
    }

    fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |k| self.ends[k]);
        &self.lowered[start..self.ends[i]]
    }
}

/// Names' words, each lower-cased and joined by one space, all in one string: a name's
/// leading and trailing words are its slices, where a `Vec` of words made a string per word
/// and another per join, and a string a name an allocation a name.
struct Names {
    joined: String,
    /// Where each word after a name's first starts in `joined`.
    starts: Vec<usize>,
    /// Where each name ends in `joined` and in `starts`.
    ends: Vec<(usize, usize)>,
}

impl Names {
    fn of<'t>(names: impl Iterator<Item = &'t str> + Clone) -> Names {
        let (count, bytes) = names
            .clone()
            .fold((0, 0), |(n, b), name| (n + 1, b + name.len()));
        let mut all = Names {
            joined: String::with_capacity(bytes),
            starts: Vec::new(),
            ends: Vec::with_capacity(count),
        };
        let fill = |all: &mut Names, push: fn(&mut String, &str)| {
            for name in names.clone() {
                for (k, word) in name.split_whitespace().enumerate() {
                    if k > 0 {
                        all.joined.push(' ');
                        all.starts.push(all.joined.len());
                    }
                    push(&mut all.joined, word);
                }
                all.ends.push((all.joined.len(), all.starts.len()));
            }
        };
        // Lowered at once when ASCII, as [`Keys::of`] does.
        fill(&mut all, String::push_str);
        if all.joined.is_ascii() {
            all.joined.make_ascii_lowercase();
        } else {
            all.joined.clear();
            all.starts.clear();
            all.ends.clear();
            fill(&mut all, push_lower);
        }
        all
    }

    /// The words of the `k`th name.
    fn get(&self, k: usize) -> Words<'_> {
        let (start, first) = k.checked_sub(1).map_or((0, 0), |p| self.ends[p]);
        let (end, last) = self.ends[k];
        Words {
            joined: &self.joined[start..end],
            offset: start,
            starts: &self.starts[first..last],
        }
    }
}

/// One name of [`Names`].
#[derive(Clone, Copy)]
struct Words<'a> {
    joined: &'a str,
    /// Where `joined` starts in [`Names`], which `starts` count from.
    offset: usize,
    starts: &'a [usize],
}

impl<'a> Words<'a> {
    fn len(&self) -> usize {
        self.starts.len() + 1
    }

    fn all(&self) -> &'a str {
        self.joined
    }

    /// The words from word `k` on (`k` ≥ 1).
    fn from(&self, k: usize) -> &'a str {
        &self.joined[self.starts[k - 1] - self.offset..]
    }

    /// The words before word `k` (`k` ≥ 1).
    fn before(&self, k: usize) -> &'a str {
        &self.joined[..self.starts[k - 1] - 1 - self.offset]
    }

    fn first(&self) -> &'a str {
        self.before(1)
    }

    fn last(&self) -> &'a str {
        self.from(self.len() - 1)
    }
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name)
}

/// The entity of a cluster's `members`, taking their titles, value and unit: each mention is
/// in one cluster.
fn entity<'a>(
    text: &'a str,
    mentions: &mut [Mention],
    members: &[usize],
    number: usize,
) -> Entity<'a> {
    let first = &mentions[members[0]];
    let (kind, rule) = (first.kind, first.rule);
    let name = match kind {
        EntityType::Person => {
            let longest = members
                .iter()
                .map(|&i| &text[mentions[i].start..mentions[i].end])
                .max_by_key(|s| s.split_whitespace().count())
                .unwrap_or_default();
            // A well-known person named only by surname gets their full name.
            match GAZETTEER.figures.get(longest) {
                Some(full) if !longest.contains(' ') => Cow::Borrowed(full.as_str()),
                _ => Cow::Borrowed(longest),
            }
        }
        _ => members
            .iter()
            .find_map(|&i| mentions[i].canonical_cow())
            .unwrap_or_else(|| Cow::Borrowed(strip_the(&text[first.start..first.end]))),
    };
    let mut titles: Vec<String> = Vec::new();
    let (mut value, mut unit) = (None, None);
    for &i in members {
        let Some(details) = mentions[i].details.as_deref_mut() else {
            continue;
        };
        for t in details.titles.drain(..) {
            if !titles.iter().any(|old| old.eq_ignore_ascii_case(&t)) {
                titles.push(t);
            }
        }
        if value.is_none() {
            value = details.value.take();
        }
        if unit.is_none() {
            unit = details.unit.take();
        }
    }
    Entity {
        id: crate::analysis::numbered_id('e', number),
        kind,
        name,
        mentions: members
            .iter()
            .map(|&i| TextSpan::new(text, mentions[i].start, mentions[i].end))
            .collect(),
        titles,
        value,
        unit: unit.map(Cow::Borrowed),
        rule: rule.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(start: usize, end: usize) -> Mention {
        Mention::new(start, end, EntityType::Person, "test")
    }

    /// [`abbreviates`] against its plain definition (the same tests with no early one of the
    /// acronym's letters), over random texts of names, acronyms in and out of brackets, and
    /// capitals and small letters outside ASCII; every word is a mention.
    #[test]
    fn abbreviates_is_the_plain_reading() {
        fn plain(text: &str, name: &Mention, acronym: &Mention) -> bool {
            let short = &text[acronym.start..acronym.end];
            let initials: String = text[name.start..name.end]
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            text[name.end..acronym.start].trim() == "("
                && text[acronym.end..].trim_start().starts_with(')')
                && short.len() >= 2
                && initials == short
                && !short.chars().any(char::is_lowercase)
        }
        // A name, an opening, a would-be acronym and a closing, a few times over.
        let names = [
            "Drug Enforcement Administration",
            "Éric Tan",
            "Ǳ Ab",
            "New York",
            "the",
        ];
        let opens = ["(", " ( ", "\u{2003}(", " ", ""];
        let shorts = ["DEA", "DeA", "dEA", "ÉT", "Ǆ", "ǅ", "ǱA", "NY", "Ny", "5"];
        let closes = [")", " )", " ", "."];
        let mut rng = crate::test_inputs::Rng::new(17);
        let mut taken = 0;
        for _ in 0..3_000 {
            let (mut text, mut spans) = (String::new(), Vec::new());
            for _ in 0..rng.below(4) {
                for (k, piece) in [&names[..], &opens, &shorts, &closes]
                    .into_iter()
                    .map(|list| rng.pick(list))
                    .enumerate()
                {
                    if k % 2 == 0 {
                        spans.push(text.len()..text.len() + piece.len());
                    }
                    text.push_str(piece);
                }
                text.push(' ');
            }
            let kinds = [EntityType::Person, EntityType::Org];
            let mentions: Vec<Mention> = (spans.iter().enumerate())
                .map(|(k, r)| Mention::new(r.start, r.end, kinds[k % 2], "test"))
                .collect();
            for pair in mentions.windows(2) {
                let (name, acronym) = (&pair[0], &pair[1]);
                let fast = abbreviates(&text, name, acronym);
                assert_eq!(fast, plain(&text, name, acronym), "{text:?}");
                taken += usize::from(fast);
            }
        }
        assert!(taken > 50, "{taken}");
    }

    /// Each key is its wording (or canonical name) lower-cased, as lowering each one alone gives
    /// it: over texts of ASCII and of letters whose lower case is longer or shorter (`İ`, the
    /// Kelvin sign, `ẞ`), with mentions of every type, some clustered already.
    #[test]
    fn keys_are_each_wording_lowered() {
        let pieces = [
            "The Hague",
            "GEORGIA",
            "May",
            "İSTANBUL",
            "\u{212A}yiv",
            "STRAẞE",
            "5",
            "x",
        ];
        let kinds = [
            EntityType::Person,
            EntityType::Place,
            EntityType::Org,
            EntityType::Date,
            EntityType::Number,
        ];
        let mut rng = crate::test_inputs::Rng::new(23);
        for _ in 0..2_000 {
            let (mut text, mut mentions, mut cluster_of) = (String::new(), Vec::new(), Vec::new());
            for k in 0..rng.below(6) {
                let piece = rng.pick(&pieces);
                let kind = kinds[rng.below(kinds.len())];
                mentions.push(Mention::new(
                    text.len(),
                    text.len() + piece.len(),
                    kind,
                    "test",
                ));
                cluster_of.push(if rng.below(4) == 0 { k } else { NONE });
                text.push_str(piece);
                text.push(' ');
            }
            let keys = Keys::of(&text, &mentions, &cluster_of);
            for (i, m) in mentions.iter().enumerate() {
                let wording = &text[m.start..m.end];
                let plain = match (cluster_of[i], m.kind) {
                    (NONE, EntityType::Person | EntityType::Date) => wording.to_lowercase(),
                    (NONE, EntityType::Place | EntityType::Org) => {
                        strip_the(wording).to_lowercase()
                    }
                    _ => String::new(),
                };
                assert_eq!(keys.get(i), plain, "{text:?} {i}");
            }
        }
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
            let names: Vec<String> = (0..1 + rng.below(4))
                .map(|_| {
                    let mut name = String::new();
                    for k in 0..1 + rng.below(5) {
                        if k > 0 {
                            name.push_str(rng.pick(&gaps));
                        }
                        name.push_str(rng.pick(&pieces));
                    }
                    name
                })
                .collect();
            let all = Names::of(names.iter().map(String::as_str));
            for (k, name) in names.iter().enumerate() {
                let w: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
                let joined = all.get(k);
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
    }

    /// Groups hold what pushing each item onto its group's `Vec` would.
    #[test]
    fn groups_are_the_items_pushed_by_group() {
        let mut rng = crate::test_inputs::Rng::new(5);
        for _ in 0..2000 {
            let count = rng.below(6);
            let pairs: Vec<(usize, usize)> = match count {
                0 => Vec::new(),
                _ => (0..rng.below(20))
                    .map(|_| (rng.below(100), rng.below(count)))
                    .collect(),
            };
            let mut plain = vec![Vec::new(); count];
            for &(item, g) in &pairs {
                plain[g].push(item);
            }
            let groups = Groups::new(count, pairs.iter().copied());
            assert_eq!(groups.len(), count);
            for (g, items) in plain.iter().enumerate() {
                assert_eq!(groups.get(g), items, "{pairs:?}");
            }
        }
    }

    /// Each part lists the clusters of the full names it starts or ends, once each, in order.
    #[test]
    fn parts_list_the_clusters_with_them() {
        let mut rng = crate::test_inputs::Rng::new(9);
        let words = ["ana", "de", "la", "fuente", "juan", "x"];
        for _ in 0..500 {
            let written: Vec<String> = (0..rng.below(8))
                .map(|_| {
                    let name: Vec<&str> = (0..2 + rng.below(8)).map(|_| rng.pick(&words)).collect();
                    name.join(" ")
                })
                .collect();
            let names = Names::of(written.iter().map(String::as_str));
            let full_names: Vec<(usize, Words)> =
                (0..written.len()).map(|i| (i, names.get(i))).collect();
            let count = 1 + rng.below(3);
            let of: Vec<usize> = full_names.iter().map(|_| rng.below(count)).collect();
            let named = Groups::new(count, of.iter().copied().enumerate());
            let parts = Parts::of(&full_names, &named);
            let mut plain: Vec<(String, Vec<usize>)> = Vec::new();
            for c in 0..count {
                for (_, w) in full_names
                    .iter()
                    .enumerate()
                    .filter(|(f, _)| of[*f] == c)
                    .map(|(_, n)| n)
                {
                    let all: Vec<&str> = w.all().split(' ').collect();
                    for k in 1..all.len() {
                        let (suffix, prefix) = (all[k..].join(" "), all[..k].join(" "));
                        for (part, n) in [(suffix, all.len() - k), (prefix, k)] {
                            if n > MAX_PART {
                                continue;
                            }
                            match plain.iter_mut().find(|(p, _)| *p == part) {
                                Some((_, list)) if list.contains(&c) => {}
                                Some((_, list)) => list.push(c),
                                None => plain.push((part, vec![c])),
                            }
                        }
                    }
                }
            }
            let mut got = Vec::new();
            for (part, list) in &plain {
                got.clear();
                parts.candidates(part, &mut got);
                assert_eq!(&got, list, "{part:?}");
            }
            got.clear();
            parts.candidates("no such part", &mut got);
            assert!(got.is_empty());
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

    /// The list of candidates' full mentions and the search of each candidate both answer as
    /// the plain definition does (the latest full mention before, by `max_by_key`, else the
    /// first, by `min_by_key`), ties in start included, over random clusters, candidates and
    /// places.
    #[test]
    fn a_listed_part_answers_as_its_search() {
        let mut rng = crate::test_inputs::Rng::new(21);
        for _ in 0..3000 {
            let count = 2 + rng.below(5);
            // Full mentions in text order; a start may repeat (a tie across clusters).
            let mut start = 0;
            let full: Vec<(usize, usize)> = (0..1 + rng.below(12))
                .map(|_| {
                    start += rng.below(3) * 10;
                    (start, rng.below(count))
                })
                .collect();
            let named = Groups::new(count, full.iter().map(|&(_, c)| c).enumerate());
            let candidates: Vec<usize> = (0..count)
                .filter(|&c| !named.get(c).is_empty() && rng.below(3) > 0)
                .collect();
            if candidates.len() < 2 {
                continue;
            }
            let list = full_mentions(&candidates, &named, |f| full[f]);
            for at in 0..start + 20 {
                let start_of = |f: &usize| full[*f].0;
                let latest_before = |c: &usize| {
                    let before: Vec<&usize> =
                        named.get(*c).iter().filter(|f| start_of(f) < at).collect();
                    before.last().map(|f| start_of(f))
                };
                let plain = candidates
                    .iter()
                    .copied()
                    .max_by_key(latest_before)
                    .filter(|c| latest_before(c).is_some())
                    .or_else(|| {
                        candidates
                            .iter()
                            .copied()
                            .min_by_key(|c| start_of(&named.get(*c)[0]))
                    })
                    .unwrap();
                let context = format!("{full:?} {candidates:?} at {at}");
                assert_eq!(nearest_in_list(&list, at), plain, "{context}");
                assert_eq!(
                    nearest_by_search(&candidates, at, &named, |f| full[f]),
                    plain,
                    "{context}"
                );
            }
        }
    }

    /// A surname shared by many full names and asked about often is listed once its searches
    /// have cost what the list does, and every short name still joins the nearest full name.
    #[test]
    fn a_common_surname_is_listed_and_still_joins_the_nearest() {
        let firsts = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"];
        let mut text = String::new();
        let mut mentions = Vec::new();
        let mut expected = Vec::new();
        for round in 0..40 {
            let first = firsts[round % firsts.len()];
            let start = text.len();
            text.push_str(first);
            text.push_str(" Lee met them. ");
            mentions.push(person(start, start + first.len() + 4));
            expected.push(first);
            for _ in 0..3 {
                let start = text.len();
                text.push_str("Lee said so. ");
                mentions.push(person(start, start + 3));
                expected.push(first);
            }
        }
        let entities = build(&text, mentions.clone());
        assert_eq!(entities.len(), firsts.len());
        for (m, first) in mentions.iter().zip(&expected) {
            let entity = entities
                .iter()
                .find(|e| e.mentions.iter().any(|s| s.start == m.start))
                .expect("every mention clustered");
            assert_eq!(
                entity.name,
                format!("{first} Lee"),
                "mention at {}",
                m.start
            );
        }
        // The same full names through `ShortNames` alone: listed before the tenth question.
        let names = Names::of(
            firsts
                .iter()
                .map(|f| format!("{f} lee"))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        let full_names: Vec<(usize, Words)> =
            (0..firsts.len()).map(|i| (i, names.get(i))).collect();
        let named = Groups::new(firsts.len(), (0..firsts.len()).map(|f| (f, f)));
        let parts = Parts::of(&full_names, &named);
        let mut short_names = ShortNames::default();
        for k in 0..firsts.len() {
            assert_eq!(
                short_names.cluster("lee", 100 * k + 50, &parts, &named, |f| (100 * f, f)),
                Some(k)
            );
        }
        let k = short_names.asked_at[parts.last_link("lee")];
        assert!(matches!(short_names.asked[k], Asked::Listed(_)));
    }
}
