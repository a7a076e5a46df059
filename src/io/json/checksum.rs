//! The checksum Pesatura writes in its files, to tell one edited outside
//! Pesatura: 64-bit FNV-1a over the file's lines but the checksum's.

use super::*;

/// The checksum of a plan's content: 64-bit FNV-1a over the file Pesatura
/// writes for it without the checksum line, so that re-indenting a file does
/// not count as a change but altering any value does.
///
/// The text is hashed as it is written, line by line, rather than built
/// whole first: the same bytes, without holding a large plan's file in memory.
pub fn checksum(plan: &Plan) -> String {
    // serde_json writes a few bytes at a time: gathered, they are split into lines faster.
    let mut out = std::io::BufWriter::with_capacity(
        1 << 16,
        HashedLines {
            line: Vec::new(),
            hash: Fnv::new(),
        },
    );
    pretty(&mut out, &file_v2(plan, None));
    let Ok(mut lines) = out.into_inner() else {
        return String::new();
    };
    if !lines.line.is_empty() {
        lines.end_line();
    }
    lines.hash.sum()
}

/// 64-bit FNV-1a.
pub(super) struct Fnv(u64);

impl Fnv {
    pub(super) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= byte as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub(super) fn sum(&self) -> String {
        format!("fnv1a64:{:016x}", self.0)
    }
}

/// Hashes serde_json's pretty text as [`write`] turns it into the file: each
/// line through [`integers_without_point`]'s rule, each ended by a newline.
pub(super) struct HashedLines {
    line: Vec<u8>,
    hash: Fnv,
}

impl HashedLines {
    fn end_line(&mut self) {
        let line = std::str::from_utf8(&self.line).unwrap_or_default();
        match point_to_drop(line) {
            Some(point) => {
                self.hash.write(&self.line[..point]);
                self.hash.write(&self.line[point + 2..]);
            }
            None => self.hash.write(&self.line),
        }
        self.hash.write(b"\n");
        self.line.clear();
    }
}

impl std::io::Write for HashedLines {
    fn write(&mut self, mut bytes: &[u8]) -> std::io::Result<usize> {
        let written = bytes.len();
        while let Some(end) = bytes.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&bytes[..end]);
            self.end_line();
            bytes = &bytes[end + 1..];
        }
        self.line.extend_from_slice(bytes);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
