//! Finds where a field is in a JSON text, so that a file refused for what a
//! field *means* (an unknown unit, a duplicate id) still gets a line and a
//! column, as one refused for its syntax does.

/// One step of a field path: `objectives[2].scores.complessita`.
#[derive(Debug, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn parse_path(path: &str) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        for index in rest.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                steps.push(Step::Index(i));
            }
        }
    }
    steps
}

/// Line and column (from 1) where the value at `path` starts in `text`, a
/// JSON document already known to be valid.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let target = parse_path(path);
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let mut current = Vec::new();
    let at = scanner.find(&target, &mut current)?;
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text[line_start..at].chars().count() + 1;
    Some((line, column))
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    /// Walks the value at `pos`; returns the offset of the target when found.
    fn find(&mut self, target: &[Step<'_>], current: &mut Vec<String>) -> Option<usize> {
        self.skip_ws();
        let start = self.pos;
        if current.len() == target.len()
            && current.iter().zip(target).all(|(c, t)| match t {
                Step::Key(k) => c == k,
                Step::Index(i) => *c == format!("[{i}]"),
            })
        {
            return Some(start);
        }
        match self.bytes.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b'}' => {
                            self.pos += 1;
                            return None;
                        }
                        b',' => self.pos += 1,
                        _ => {
                            let key = self.string()?;
                            self.skip_ws();
                            self.pos += 1; // ':'
                            current.push(key);
                            let found = self.find(target, current);
                            current.pop();
                            if found.is_some() {
                                return found;
                            }
                        }
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b']' => {
                            self.pos += 1;
                            return None;
                        }
                        b',' => {
                            self.pos += 1;
                            index += 1;
                        }
                        _ => {
                            current.push(format!("[{index}]"));
                            let found = self.find(target, current);
                            current.pop();
                            if found.is_some() {
                                return found;
                            }
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
                None
            }
            _ => {
                while self.pos < self.bytes.len()
                    && !matches!(self.bytes[self.pos], b',' | b'}' | b']')
                    && !self.bytes[self.pos].is_ascii_whitespace()
                {
                    self.pos += 1;
                }
                None
            }
        }
    }

    /// Reads a string at `pos` (escapes kept as written, enough to compare keys).
    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        let start = self.pos + 1;
        let mut i = start;
        while i < self.bytes.len() {
            match self.bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    self.pos = i + 1;
                    return std::str::from_utf8(&self.bytes[start..i])
                        .ok()
                        .map(str::to_string);
                }
                _ => i += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields() {
        let text =
            "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\", \"c\": {\"d\": null}}\n  ]\n}";
        assert_eq!(locate(text, "a[1].b"), Some((4, 11)));
        assert_eq!(locate(text, "a[1].c.d"), Some((4, 27)));
        assert_eq!(locate(text, "a[0]"), Some((3, 5)));
        assert_eq!(locate(text, "a[2]"), None);
        assert_eq!(locate(text, "z"), None);
    }
}
