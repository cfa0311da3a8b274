//! The jump list: where each jump (to an annotation, a match, a side-pane row, `g`/`G`)
//! started, so `Ctrl-o` goes back there and `Ctrl-i` forward again, as in vim.

/// Most positions remembered; older ones are forgotten.
const CAPACITY: usize = 100;

/// Back and forward stacks of positions (byte offsets, or whatever the caller stores).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpList<T = usize> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for JumpList<T> {
    fn default() -> Self {
        JumpList {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> JumpList<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that a jump starts at `from`; a new jump forgets the forward history.
    pub fn record(&mut self, from: T) {
        self.forward.clear();
        if self.back.last() != Some(&from) {
            if self.back.len() == CAPACITY {
                self.back.remove(0);
            }
            self.back.push(from);
        }
    }

    /// Goes back (`Ctrl-o`) from `current`: the start of the last jump, if any; `current`
    /// is kept so [`JumpList::forward`] can return to it.
    pub fn back(&mut self, current: T) -> Option<T> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// Goes forward (`Ctrl-i`) again after [`JumpList::back`].
    pub fn forward(&mut self, current: T) -> Option<T> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }

    /// Every remembered position, back and forward, to update in place (when what they
    /// refer to is renumbered).
    pub fn positions_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.back.iter_mut().chain(self.forward.iter_mut())
    }

    /// Number of positions `back` can return to.
    pub fn len(&self) -> usize {
        self.back.len()
    }

    pub fn is_empty(&self) -> bool {
        self.back.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_returns_where_jumps_started_and_forward_undoes_it() {
        let mut j = JumpList::new();
        assert_eq!(j.back(0), None);
        j.record(10);
        j.record(10);
        j.record(50);
        assert_eq!(j.len(), 2);
        assert_eq!(j.back(90), Some(50));
        assert_eq!(j.back(50), Some(10));
        assert_eq!(j.back(10), None);
        assert_eq!(j.forward(10), Some(50));
        assert_eq!(j.forward(50), Some(90));
        assert_eq!(j.forward(90), None);
        j.back(90);
        j.record(70);
        assert_eq!(
            j.forward(70),
            None,
            "a new jump forgets the forward history"
        );
    }

    #[test]
    fn old_positions_are_forgotten() {
        let mut j = JumpList::new();
        for i in 0..250 {
            j.record(i);
        }
        assert_eq!(j.len(), CAPACITY);
        let mut last = None;
        while let Some(p) = j.back(0) {
            last = Some(p);
        }
        assert_eq!(last, Some(150));
    }
}
