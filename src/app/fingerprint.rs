//! A fast hasher for render fingerprints: components compare a `u64` of
//! everything they show instead of the data itself. Not for security or for
//! anything saved — only "has this changed since the last render?".

use std::hash::{Hash, Hasher};

/// The multiply-rotate hash of rustc's `FxHasher`: a few instructions per
/// word, against SipHash's many, which matters when every unit's table is
/// fingerprinted at every edit.
#[derive(Default)]
pub struct Fingerprint(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fingerprint {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fingerprint {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The fingerprint of one value.
pub fn of(value: &impl Hash) -> u64 {
    let mut h = Fingerprint::default();
    value.hash(&mut h);
    h.finish()
}

/// Shared data compared by identity: two are equal when they are the same
/// allocation. The state replaces a plan or its results with a new `Rc`
/// whenever they change, so a component given one renders again exactly
/// then, without comparing ten thousand objectives field by field.
pub struct Same<T>(pub std::rc::Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<std::rc::Rc<T>> for Same<T> {
    fn from(rc: std::rc::Rc<T>) -> Self {
        Same(rc)
    }
}
