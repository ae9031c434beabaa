//! The open addressing behind the entity layer's tables of short words, each word packed into
//! integers: the set of an article's lower-case words ([`super::rare`]) and the word lists'
//! classes ([`super::class_table`]). A probe reads a slot or two and compares integers, where a
//! hash map of strings hashed the word's bytes and compared them by `memcmp`.
//!
//! Linear probing over a power of two slots, at most half of them used: a search ends at a free
//! slot within a few steps.

/// What a table holds in a slot: a key, with whatever the table keeps for it.
pub(super) trait Slot: Copy {
    /// A free slot, whose key no word has.
    const FREE: Self;

    fn is_free(&self) -> bool;

    /// Whether `self` and `other` hold the same key.
    fn same_key(&self, other: &Self) -> bool;

    /// The key folded into one integer, which the table mixes into a slot number.
    fn fold(&self) -> u64;
}

/// Slots of type `S` under open addressing.
pub(super) struct Table<S> {
    slots: Vec<S>,
    used: usize,
}

impl<S: Slot> Default for Table<S> {
    fn default() -> Table<S> {
        Table::with_room(0)
    }
}

impl<S: Slot> Table<S> {
    /// A table that takes `words` words before it grows.
    ///
    /// Out of line: inlined, each place that makes or grows a table had its own loop filling
    /// the slots, 330 bytes more of the reader's module gzipped.
    #[inline(never)]
    pub(super) fn with_room(words: usize) -> Table<S> {
        Table {
            slots: vec![S::FREE; (2 * words).next_power_of_two().max(16)],
            used: 0,
        }
    }

    /// The number of the slot holding `probe`'s key, or of the free one where it would go.
    ///
    /// Callers index with the number masked again: the compiler then sees it in bounds and
    /// drops the checks, which cost a 1 MB text 0.35 M instructions.
    #[inline]
    fn find(&self, probe: &S) -> usize {
        let mask = self.mask();
        // The multiplication's top bits depend on every bit of the folded key.
        let h = probe.fold().wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut i = (h >> 32) as usize & mask;
        while !self.slots[i].is_free() && !self.slots[i].same_key(probe) {
            i = (i + 1) & mask;
        }
        i
    }

    /// The low bits of a number that pick a slot (the slots are a power of two).
    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding `probe`'s key, if any.
    #[inline]
    pub(super) fn get(&self, probe: &S) -> Option<&S> {
        let slot = &self.slots[self.find(probe) & self.mask()];
        (!slot.is_free()).then_some(slot)
    }

    /// The slot holding `probe`'s key, `probe` itself when the key was not there.
    #[inline]
    pub(super) fn insert(&mut self, probe: S) -> &mut S {
        let mut i = self.find(&probe) & self.mask();
        // Most words are there already (a text repeats its words): only a new one may grow
        // the table.
        if self.slots[i].is_free() {
            if 2 * (self.used + 1) > self.slots.len() {
                self.grow();
                i = self.find(&probe) & self.mask();
            }
            self.slots[i] = probe;
            self.used += 1;
        }
        &mut self.slots[i]
    }

    /// Doubles the slots. Out of line: [`Table::insert`] is inlined in the loop over a text's
    /// words, which this would weigh down.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let old = std::mem::replace(self, Table::with_room(self.slots.len()));
        for slot in old.slots.into_iter().filter(|s| !s.is_free()) {
            let i = self.find(&slot) & self.mask();
            self.slots[i] = slot;
        }
        self.used = old.used;
    }

    /// The slots in use.
    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = &S> {
        self.slots.iter().filter(|s| !s.is_free())
    }

    /// How many slots are in use, and how many there are.
    #[cfg(test)]
    pub(super) fn load(&self) -> (usize, usize) {
        (self.used, self.slots.len())
    }
}
