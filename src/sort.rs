//! One stable sort for the whole crate, compiled once.
//!
//! The standard library's sorts are fast but large, and every call site with its own element
//! type and key closure gets its own copy: before this module, 38 call sites put 426 sort
//! functions, 171 KB, into the wasm module (a fifth of its code). Here the merging works on
//! indices through one `dyn` comparison, so it exists once; each call site adds only its
//! comparison and a small in-place permutation. The lists sorted here are mentions, quotes and
//! cues (thousands at most per article), where a merge sort's O(n log n) is all that matters.
//!
//! ```
//! let mut words = vec!["b", "a", "c", "a"];
//! newslens::sort::all(&mut words);
//! assert_eq!(words, ["a", "a", "b", "c"]);
//!
//! // Stable: equal keys keep their order.
//! let mut pairs = vec![(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b')];
//! newslens::sort::by_key(&mut pairs, |p| p.0);
//! assert_eq!(pairs, [(1, 'y'), (1, 'b'), (2, 'x'), (2, 'a')]);
//! ```

use std::cmp::Ordering;

/// Sorts `items` in ascending order, stably.
pub fn all<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// Sorts `items` by `key`, stably (like `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `compare`, stably (like `slice::sort_by`).
pub fn by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    // Most lists arrive sorted or nearly (mentions found left to right): one linear check
    // spares them the merge passes, and where it stops the runs' search starts.
    let Some(descent) = items
        .windows(2)
        .position(|pair| compare(&pair[0], &pair[1]) == Ordering::Greater)
    else {
        return;
    };
    let order = stable_order(items.len(), descent + 1, &mut |a, b| {
        compare(&items[a], &items[b])
    });
    permute(items, order);
}

/// The positions `0..len` in the stable order `compare` defines: a natural merge sort. The
/// lists sorted here are mostly a few sorted runs one after another (each finder's mentions
/// in text order, appended), so merging the runs as found takes a pass or two where merging
/// from runs of one took log₂ n. `second_run` is where the first run ends (`0..second_run` is
/// non-descending and `second_run - 1` is greater than `second_run`), already found by [`by`].
fn stable_order(
    len: usize,
    second_run: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Vec<usize> {
    debug_assert!(0 < second_run && second_run < len);
    // The order and the merge's output in one allocation, its halves trading places after
    // each pass: two lists were two allocations a sort, and an article sorts a few dozen times.
    let mut both = vec![0; 2 * len];
    let (mut order, mut merged) = both.split_at_mut(len);
    for (i, slot) in order.iter_mut().enumerate() {
        *slot = i;
    }
    let mut order_is_second = false;
    // Where each maximal non-descending run starts, and `len`. Sized for a few runs, as most
    // lists have: collected, the list grew a step at a time, an allocation each.
    let mut bounds: Vec<usize> = Vec::with_capacity(RUNS);
    bounds.extend([0, second_run]);
    bounds.extend((second_run + 1..len).filter(|&i| compare(i - 1, i) == Ordering::Greater));
    bounds.push(len);
    while bounds.len() > 2 {
        // The next pass's bounds are every other one of these, written over them in place:
        // the `kept`th is written after the `2 * kept`th is read.
        let mut kept = 0;
        for at in (0..bounds.len() - 2).step_by(2) {
            let (low, middle, high) = (bounds[at], bounds[at + 1], bounds[at + 2]);
            let (mut left, mut right) = (low, middle);
            for slot in &mut merged[low..high] {
                // Take from the right run only when strictly smaller: that keeps it stable.
                let take_right = left == middle
                    || right < high && compare(order[right], order[left]) == Ordering::Less;
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            bounds[kept] = low;
            kept += 1;
        }
        // An odd run out stays as it is.
        if bounds.len() % 2 == 0 {
            let last = bounds[bounds.len() - 2];
            merged[last..].copy_from_slice(&order[last..]);
            bounds[kept] = last;
            kept += 1;
        }
        bounds[kept] = len;
        bounds.truncate(kept + 1);
        std::mem::swap(&mut order, &mut merged);
        order_is_second = !order_is_second;
    }
    if order_is_second {
        both.copy_within(len.., 0);
    }
    both.truncate(len);
    both
}

/// How many runs [`stable_order`] makes room for at first.
const RUNS: usize = 32;

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each
/// cycle of the permutation with swaps (no `Clone` needed).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the table below covers many shapes.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        for len in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 1000] {
            for range in [1, 2, 10, 1000] {
                for seed in 0..5 {
                    let keys = numbers(seed, len, range);
                    // Pair each key with its position so stability is visible.
                    let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                    let mut std_sorted = ours.clone();
                    by_key(&mut ours, |p| p.0);
                    std_sorted.sort_by_key(|p| p.0);
                    assert_eq!(ours, std_sorted, "len {len} range {range} seed {seed}");
                }
            }
        }
    }

    /// Sorted runs one after another, with keys repeated across runs: stability across the
    /// runs' merges.
    #[test]
    fn concatenated_runs_agree_with_the_standard_stable_sort() {
        for runs in 1..9 {
            for seed in 0..20 {
                let mut keys = Vec::new();
                for r in 0..runs {
                    let mut run = numbers(seed * 31 + r, (seed as usize * 7 + r as usize) % 40, 12);
                    run.sort_unstable();
                    keys.extend(run);
                }
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut std_sorted = ours.clone();
                by_key(&mut ours, |p| p.0);
                std_sorted.sort_by_key(|p| p.0);
                assert_eq!(ours, std_sorted, "runs {runs} seed {seed}");
            }
        }
    }

    #[test]
    fn sorted_and_reversed_inputs() {
        let mut up: Vec<u32> = (0..100).collect();
        all(&mut up);
        assert_eq!(up, (0..100).collect::<Vec<_>>());
        let mut down: Vec<u32> = (0..100).rev().collect();
        all(&mut down);
        assert_eq!(down, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn moves_values_that_are_not_clone() {
        struct Owned(String);
        let mut items: Vec<Owned> = ["c", "a", "b"].map(|s| Owned(s.to_string())).into();
        by(&mut items, |a, b| a.0.cmp(&b.0));
        let texts: Vec<&str> = items.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c"]);
    }
}
