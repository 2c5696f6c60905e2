//! One stable sort for the whole crate, to keep the WebAssembly package small.
//!
//! The standard library's stable sort (driftsort) is compiled once per element type and
//! comparator: about 4 KB of code each time, eleven times over in the package. [`sort_by`]
//! sorts the positions `0..n` with one comparator type (`&dyn Fn`), so that sort is compiled
//! once, then moves the elements into that order. The result is exactly the standard stable
//! sort's (equal elements keep their order), at the cost of an indirect call per comparison.

use std::cmp::Ordering;

/// The positions `0..n` in the stable order that `cmp` (comparing positions) gives.
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|a, b| cmp(*a, *b));
    positions
}

/// Put `v[order[i]]` at position `i` for every `i`, following the permutation's cycles.
#[inline(never)]
fn permute(len: usize, mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..len {
        let mut at = start;
        loop {
            let from = order[at];
            // Mark `at` as done; a position already done (or in place) ends its cycle at once.
            order[at] = at;
            if from == start || from == at {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

/// Stable sort of `v` by `cmp`: the same result as `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v.len(), order, &mut |a, b| v.swap(a, b));
}

/// Stable sort of `v` by a key: the same result as `v.sort_by_key(key)`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The standard sort is called the way the crate's callers call ours.
        #[allow(clippy::unnecessary_sort_by)]
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&ours, &std);
            let mut ours = v.clone();
            sort_by_key(&mut ours, |e| std::cmp::Reverse(e.1 % 7));
            let mut std = v;
            std.sort_by_key(|e| std::cmp::Reverse(e.1 % 7));
            prop_assert_eq!(ours, std);
        }
    }
}
