//! One value per person of a team, kept only for the people who have one. A team spread over a
//! framework's roles rates each skill for a few of its people, so most of a full list would be
//! empty.

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// A value for some of a team's people, in people order; written as the whole list, one entry per
/// person, `null` where there is none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PerPerson<T> {
    people: usize,
    /// (person, value), by person.
    entries: Vec<(u32, T)>,
}

impl<T: Copy> PerPerson<T> {
    /// A list for `people` people from `(person, value)` pairs given in people order.
    pub fn new(people: usize, entries: Vec<(u32, T)>) -> Self {
        debug_assert!(entries.windows(2).all(|w| w[0].0 < w[1].0), "people in order, each once");
        PerPerson { people, entries }
    }

    /// The value of person `i`, if they have one.
    pub fn get(&self, i: usize) -> Option<T> {
        let i = u32::try_from(i).ok()?;
        self.entries.binary_search_by_key(&i, |&(p, _)| p).ok().map(|at| self.entries[at].1)
    }

    /// How many people the list is for.
    pub fn len(&self) -> usize {
        self.people
    }

    /// Whether the list is for nobody.
    pub fn is_empty(&self) -> bool {
        self.people == 0
    }

    /// How many people have a value.
    pub fn count(&self) -> usize {
        self.entries.len()
    }

    /// The values people have, in people order.
    pub fn values(&self) -> impl Iterator<Item = T> + '_ {
        self.entries.iter().map(|&(_, v)| v)
    }

    /// The people of `range` who have a value, with it, in people order.
    pub fn within(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, T)> + '_ {
        let start = self.entries.partition_point(|&(p, _)| (p as usize) < range.start);
        self.entries[start..].iter().map(|&(p, v)| (p as usize, v)).take_while(move |&(p, _)| p < range.end)
    }

    /// The whole list, one entry per person.
    #[cfg(test)]
    pub fn to_vec(&self) -> Vec<Option<T>> {
        let mut all = vec![None; self.people];
        for &(p, v) in &self.entries {
            all[p as usize] = Some(v);
        }
        all
    }
}

impl<T: Copy + Serialize> Serialize for PerPerson<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.people))?;
        let mut entries = self.entries.iter().peekable();
        for i in 0..self.people {
            match entries.next_if(|&&(p, _)| p as usize == i) {
                Some((_, v)) => seq.serialize_element(&Some(*v))?,
                None => seq.serialize_element(&None::<T>)?,
            }
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparse_list_reads_and_writes_as_the_whole_list() {
        let list = PerPerson::new(5, vec![(1, 2i64), (3, 0)]);
        assert_eq!(list.to_vec(), [None, Some(2), None, Some(0), None]);
        assert_eq!((list.get(1), list.get(2), list.get(99)), (Some(2), None, None));
        assert_eq!((list.len(), list.count()), (5, 2));
        assert_eq!(list.within(1..3).collect::<Vec<_>>(), [(1, 2)]);
        assert_eq!(list.within(2..5).collect::<Vec<_>>(), [(3, 0)]);
        assert_eq!(list.within(4..5).count(), 0);
        assert_eq!(serde_json::to_string(&list).unwrap(), "[null,2,null,0,null]");
        assert_eq!(serde_json::to_string(&PerPerson::<i64>::new(0, vec![])).unwrap(), "[]");
    }
}
