//! Where the quoted text is: a set of byte ranges that answers "is this inside a quote?" in
//! logarithmic time, so that rules asking it for every token stay linear overall.

use std::ops::Range;

/// The outermost quoted ranges, disjoint and sorted (a nested quote adds nothing: it is inside
/// its parent).
#[derive(Clone, Debug, Default)]
pub struct Quoted {
    outer: Vec<Range<usize>>,
}

impl Quoted {
    /// From any ranges, nested or not, in any order.
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Quoted {
        let mut all: Vec<Range<usize>> = ranges.into_iter().filter(|r| r.start < r.end).collect();
        crate::sort::by_key(&mut all, |r| (r.start, std::cmp::Reverse(r.end)));
        let mut outer: Vec<Range<usize>> = Vec::with_capacity(all.len());
        for range in all {
            match outer.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => outer.push(range),
            }
        }
        Quoted { outer }
    }

    /// The outermost quoted range containing `byte`, if any.
    pub fn containing(&self, byte: usize) -> Option<&Range<usize>> {
        let i = self.outer.partition_point(|r| r.start <= byte);
        self.outer[..i].last().filter(|r| byte < r.end)
    }

    /// Whether `byte` is inside quoted text.
    pub fn contains(&self, byte: usize) -> bool {
        self.containing(byte).is_some()
    }

    /// A [`Quoted::contains`] for bytes asked about in increasing order, in amortised
    /// constant time: a rule that asks for every token would otherwise search for each.
    pub fn walk(&self) -> Walk<'_> {
        Walk { outer: &self.outer }
    }

    /// Whether a quoted range starts within `range`.
    pub fn starts_within(&self, range: Range<usize>) -> bool {
        let i = self.outer.partition_point(|r| r.start < range.start);
        self.outer.get(i).is_some_and(|r| r.start < range.end)
    }
}

/// See [`Quoted::walk`].
#[derive(Clone, Debug)]
pub struct Walk<'q> {
    /// The ranges not yet passed.
    outer: &'q [Range<usize>],
}

impl Walk<'_> {
    /// Whether `byte` is inside quoted text; `byte` may not be less than the one asked before.
    pub fn contains(&mut self, byte: usize) -> bool {
        while self.outer.first().is_some_and(|r| r.end <= byte) {
            self.outer = &self.outer[1..];
        }
        self.outer.first().is_some_and(|r| r.start <= byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_disjoint_ranges() {
        let quoted = Quoted::new([10..20, 12..15, 30..40, 5..8]);
        let table = [
            (4, None),
            (5, Some(5..8)),
            (8, None),
            (13, Some(10..20)),
            (20, None),
            (39, Some(30..40)),
        ];
        let mut walk = quoted.walk();
        for (byte, expected) in table {
            assert_eq!(quoted.containing(byte).cloned(), expected, "{byte}");
            assert_eq!(walk.contains(byte), expected.is_some(), "{byte}");
        }
        assert!(quoted.starts_within(25..31));
        assert!(!quoted.starts_within(21..30));
    }
}
