//! Output buffers reused across calls. A fresh buffer of many megabytes is memory the kernel
//! has to map and zero page by page at its first touch, which on a small virtual machine
//! costs about as much as evaluating the rows written into it (`perf`: `clear_page_erms`,
//! `exc_page_fault`). An output column's memory therefore goes back to a small pool when the
//! host drops the column (an Arrow buffer whose owner is a [`Pooled`] vector) and the next
//! evaluation writes into it again, already mapped. Safe Rust only: the vector is viewed as
//! bytes by `zerocopy` and handed to Arrow as `bytes::Bytes` without copying.

use arrow_buffer::{ArrowNativeType, Buffer, ScalarBuffer};
use std::sync::Mutex;
use zerocopy::{Immutable, IntoBytes};

/// Buffers smaller than this are not worth keeping (the allocator serves them warm).
const MIN_BYTES: usize = 1 << 20;

/// At most this many free buffers per pool …
const KEEP: usize = 6;

/// … holding at most this many bytes between them.
const KEEP_BYTES: usize = 192 << 20;

/// Free vectors of one element type.
pub(crate) struct Pool<T> {
    free: Mutex<Vec<Vec<T>>>,
}

impl<T: ArrowNativeType + IntoBytes + Immutable> Pool<T> {
    pub(crate) const fn new() -> Self {
        Pool {
            free: Mutex::new(Vec::new()),
        }
    }

    /// An empty vector with room for `n` values: a free one of the pool that fits (and is
    /// not more than twice as large), else a new one.
    pub(crate) fn take(&'static self, n: usize) -> Vec<T> {
        let mut v = self.reuse(n).unwrap_or_else(|| Vec::with_capacity(n));
        v.clear();
        v
    }

    /// A vector of `n` values to be overwritten, as [`Pool::take`]: a reused one keeps the
    /// values it held (only the part beyond them is zeroed), a new one is zeroed by the
    /// allocator (fresh pages of the kernel, not a `memset`).
    pub(crate) fn take_len(&'static self, n: usize) -> Vec<T> {
        match self.reuse(n) {
            Some(mut v) => {
                v.resize(n, T::default());
                v
            }
            None => vec![T::default(); n],
        }
    }

    /// A free vector of the pool with room for `n` values and not more than twice that,
    /// as it was given back.
    fn reuse(&'static self, n: usize) -> Option<Vec<T>> {
        if n.saturating_mul(std::mem::size_of::<T>()) < MIN_BYTES {
            return None;
        }
        let mut free = self.free.lock().ok()?;
        let fit = free
            .iter()
            .enumerate()
            .filter(|(_, v)| v.capacity() >= n && v.capacity() / 2 <= n)
            .min_by_key(|(_, v)| v.capacity())
            .map(|(i, _)| i)?;
        Some(free.swap_remove(fit))
    }

    fn give_back(&self, v: Vec<T>) {
        let bytes = |v: &Vec<T>| v.capacity().saturating_mul(std::mem::size_of::<T>());
        if bytes(&v) < MIN_BYTES {
            return;
        }
        if let Ok(mut free) = self.free.lock() {
            let held: usize = free.iter().map(bytes).sum();
            if free.len() < KEEP && held.saturating_add(bytes(&v)) <= KEEP_BYTES {
                free.push(v);
            }
        }
    }

    /// `vec` as an Arrow buffer without copying; its memory comes back to the pool when
    /// the last user of the buffer drops it.
    pub(crate) fn buffer(&'static self, vec: Vec<T>) -> ScalarBuffer<T> {
        if vec.capacity().saturating_mul(std::mem::size_of::<T>()) < MIN_BYTES {
            return ScalarBuffer::from(vec);
        }
        let n = vec.len();
        let bytes = bytes::Bytes::from_owner(Pooled { vec, pool: self });
        // Aligned for `T` (the memory of a `Vec<T>`) and exactly `n` values long.
        ScalarBuffer::new(Buffer::from(bytes), 0, n)
    }
}

/// A vector of the pool for work within a call (the days decoded from an input column),
/// given back when dropped: [`Pool::take_len`]'s vector, overwritten whole by its user.
pub(crate) fn lend<T: ArrowNativeType + IntoBytes + Immutable>(
    pool: &'static Pool<T>,
    n: usize,
) -> Pooled<T> {
    Pooled {
        vec: pool.take_len(n),
        pool,
    }
}

/// A vector lent to Arrow or to a call, given back to its pool when dropped.
pub(crate) struct Pooled<T: ArrowNativeType + IntoBytes + Immutable> {
    vec: Vec<T>,
    pool: &'static Pool<T>,
}

impl<T: ArrowNativeType + IntoBytes + Immutable> AsRef<[u8]> for Pooled<T> {
    fn as_ref(&self) -> &[u8] {
        self.vec.as_slice().as_bytes()
    }
}

impl<T: ArrowNativeType + IntoBytes + Immutable> std::ops::Deref for Pooled<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.vec
    }
}

impl<T: ArrowNativeType + IntoBytes + Immutable> std::ops::DerefMut for Pooled<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.vec
    }
}

impl<T: ArrowNativeType + IntoBytes + Immutable> Drop for Pooled<T> {
    fn drop(&mut self) {
        self.pool.give_back(std::mem::take(&mut self.vec));
    }
}

/// The pools of the output columns: `deadline`, `days`, and the keys of `status`,
/// `grade` and `outcome`; then those of the work within a call.
pub(crate) static DEADLINES: Pool<i32> = Pool::new();
pub(crate) static DAYS: Pool<u32> = Pool::new();
pub(crate) static KEYS: Pool<i8> = Pool::new();
/// The days of `timestamp` input columns, and `deadline` in milliseconds for a NumPy host
/// (see `stamps.rs`).
pub(crate) static INPUT_DAYS: Pool<i32> = Pool::new();
pub(crate) static MILLIS: Pool<i64> = Pool::new();

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    static TEST: Pool<u32> = Pool::new();

    #[test]
    fn a_dropped_buffer_is_reused_with_its_values_intact_until_then() {
        let n = 1 << 20;
        let mut v = TEST.take(n);
        v.extend(0..n as u32);
        let at = v.as_ptr();
        let buffer = TEST.buffer(v);
        assert_eq!(buffer.len(), n);
        assert_eq!(buffer[12345], 12345);
        let copy = buffer.clone();
        drop(buffer);
        assert!(
            TEST.free.lock().unwrap().is_empty(),
            "still in use by the clone"
        );
        assert_eq!(copy[n - 1], n as u32 - 1);
        drop(copy);
        let again = TEST.take(n);
        assert_eq!((again.as_ptr(), again.len()), (at, 0));
        assert!(TEST.take(n).capacity() >= n, "a new one when none is free");
        assert!(TEST.take(10).capacity() >= 10);
    }
}
