//! One stable sort for the whole crate. Each call of the standard library's
//! `sort_by` compiles its own copy of the sort for that element type and
//! comparator, some 4 KB of wasm apiece; here the algorithm sorts positions
//! through one comparator behind a reference, so it is compiled once and each
//! caller adds only a few lines. The order is the one `slice::sort_by` gives:
//! ascending, and equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .map(|&i| slots[i].take().expect("each position comes once")),
    );
}

/// Sorts `items` stably by the key `key` gives, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in stable order by `compare`: a bottom-up merge
/// sort, runs of 1, 2, 4… merged from one buffer into the other.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut to[start..end] {
                // The right run's item goes first only when strictly less:
                // that keeps equal items in their order.
                let take_right = right < end
                    && (left == middle || compare(from[right], from[left]) == Ordering::Less);
                if take_right {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(
            items,
            vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }

    #[test]
    fn empty_and_single_lists_are_left_as_they_are() {
        let mut none: Vec<u8> = vec![];
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![String::from("x")];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    // proptest is a native dev-dependency: the wasm build of the tests
    // (wasm-pack) leaves these out.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn gives_the_standard_librarys_stable_order(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
                let mut ours = items.clone();
                sort_by_key(&mut ours, |&(k, _)| k);
                let mut std = items.clone();
                std.sort_by_key(|&(k, _)| k);
                prop_assert_eq!(ours, std);
            }

            #[test]
            fn descending_comparators_work_too(items in proptest::collection::vec(any::<i32>(), 0..100)) {
                let mut ours = items.clone();
                sort_by(&mut ours, |a, b| b.cmp(a));
                let mut std = items;
                std.sort_by(|a, b| b.cmp(a));
                prop_assert_eq!(ours, std);
            }
        }
    }
}
