//! Binary searches that start from a known lower bound: the rules walk a document in order, and
//! what they look for (a sentence's last token, the next mention) is nearly always a few dozen
//! entries on from the last answer, where a search of the whole list took a step more for each
//! doubling of the text's length, and over a long text each step was a cache miss.

/// How many entries after the lower bound are searched before the search gallops on.
const NEAR: usize = 64;

/// `items.partition_point(pred)` for a `pred` true of every item before `from` (and, as for any
/// partition point, of none after an item it is false of).
///
/// Searched for among the [`NEAR`] items from `from` first, then in windows twice as long each
/// time, so a search stays near its lower bound and costs steps in proportion to the logarithm
/// of how far it goes, not of the list's length.
pub fn partition_point_from<T>(items: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let mut start = from;
    let mut width = NEAR;
    loop {
        // Every item before `start` is true of `pred`.
        let Some(probe) = items.get(start + width) else {
            return start + items[start..].partition_point(pred);
        };
        if !pred(probe) {
            return start + items[start..start + width].partition_point(pred);
        }
        start += width + 1;
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against the search of the whole list, for lists of every length around [`NEAR`] and
    /// beyond, every partition point and every lower bound at or before it.
    #[test]
    fn partition_point_from_is_the_search_of_the_whole_list() {
        for len in (0..3 * NEAR).chain([1_000]) {
            for point in 0..=len {
                let items: Vec<usize> = (0..len).collect();
                let pred = |&i: &usize| i < point;
                let whole = items.partition_point(pred);
                for from in 0..=point {
                    assert_eq!(
                        partition_point_from(&items, from, pred),
                        whole,
                        "{len} items, {point} before, from {from}"
                    );
                }
            }
        }
    }
}
