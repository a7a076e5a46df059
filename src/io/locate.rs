//! Finds where a field is in a JSON text, so that a file refused for what a
//! field *means* (an unknown unit, a duplicate id) still gets a line and a
//! column, as one refused for its syntax does; and what a syntax error
//! really is when serde_json names it by what it wanted next ([`slip_at`]).

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
    Some(line_column(text, at))
}

/// Line and column (from 1, the column in characters, as an editor counts
/// them) of the byte offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text[line_start..at].chars().count() + 1;
    (line, column)
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

/// The byte offset of a line and column as serde_json reports them (line
/// from 1, column counted in bytes from 0 at the start of the line).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (start + column).min(text.len())
}

/// A slip of the hand that serde_json names by what it wanted next rather
/// than by what was written: skipping the fields it does not read, it takes
/// a comma before `}` for a field's name that is not in quotes, and one
/// before `]` for a missing value; it reads `4,5` as `4` followed by a field's
/// name that is not in quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slip {
    /// A comma right before the `}` or `]` (`close`) that ends an object or a list.
    TrailingComma { close: char },
    /// A number written with a decimal comma, as `written` (`4,5`): JSON
    /// wants a point.
    DecimalComma { written: String },
}

/// The slip at `refused`, the offset of the byte serde_json refused in
/// `text` with a syntax error, and the offset of its comma, the one byte to
/// change; `None` when the error is not one of these slips.
pub fn slip_at(text: &str, refused: usize) -> Option<(Slip, usize)> {
    let bytes = text.as_bytes();
    let last_before = |end: usize| bytes[..end].iter().rposition(|b| !b.is_ascii_whitespace());
    let comma = last_before(refused.min(bytes.len()))?;
    if bytes[comma] != b',' {
        return None;
    }
    match *bytes.get(refused)? {
        close @ (b'}' | b']') => Some((
            Slip::TrailingComma {
                close: char::from(close),
            },
            comma,
        )),
        // Digits on both sides of the comma, and before them the `:` of a
        // field: a number where a field's name should follow.
        b'0'..=b'9' if comma + 1 == refused => {
            let whole = bytes[..comma]
                .iter()
                .rposition(|b| !b.is_ascii_digit())
                .map_or(0, |p| p + 1);
            let start = whole - usize::from(whole > 0 && bytes[whole - 1] == b'-');
            if whole == comma || bytes[last_before(start)?] != b':' {
                return None;
            }
            let end = bytes[refused..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .map_or(bytes.len(), |p| refused + p);
            Some((
                Slip::DecimalComma {
                    written: text[start..end].to_string(),
                },
                comma,
            ))
        }
        _ => None,
    }
}

/// Where serde_json stopped when it refused a value, and so which value it
/// was reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Just after the refused value (a value of the wrong type, an unknown
    /// name, an object without a field), or on its first byte if it is an
    /// object or a list of the wrong type.
    AfterValue,
    /// One byte past the refused value's first byte: serde_json's syntax
    /// errors, as "expected value" for a number where a name must be.
    PastFirstByte,
}

/// The path of the value serde_json was reading when it stopped at `offset`
/// in `text`, a JSON document already known to be valid, written as
/// `objectives[3].scores.complessita` (`.` for the whole document): the
/// innermost value whose text holds that place.
///
/// This is how a refused file names its field without tracking the path
/// through every step of the deserializer: that (`serde_path_to_error`)
/// doubles the reading code of every type in the wasm, while a refusal is
/// rare and can afford one more walk over the text.
pub fn field_at(text: &str, offset: usize, stop: Stop) -> String {
    let offset = match stop {
        Stop::AfterValue => offset,
        Stop::PastFirstByte => offset.saturating_sub(1),
    };
    // A value's text holds the place from its first byte to just after its last.
    let holds = |start: usize, end: usize| start <= offset && offset <= end;
    let bytes = text.as_bytes();
    let mut pos = 0;
    // Open objects and lists: where each starts, its own step, whether it
    // is a list, and the index of its current element.
    let mut open: Vec<(usize, Option<Owned>, bool, usize)> = Vec::new();
    let mut step: Option<Owned> = None;
    loop {
        // A value starts at `pos` (after blanks); `step` is its place in its parent.
        pos = skip_ws(bytes, pos);
        let start = pos;
        match bytes.get(pos) {
            None => return path(&open, None),
            Some(b'{') | Some(b'[') => {
                let list = bytes[pos] == b'[';
                open.push((start, step.take(), list, 0));
                pos = skip_ws(bytes, pos + 1);
                match bytes.get(pos) {
                    Some(b'}') | Some(b']') => {}
                    _ if list => {
                        step = Some(Owned::Index(0));
                        continue;
                    }
                    _ => {
                        let (key, next) = key_at(text, pos);
                        step = Some(Owned::Key(key));
                        pos = skip_ws(bytes, next) + 1; // ':'
                        continue;
                    }
                }
            }
            Some(_) => {
                let end = scalar_end(bytes, pos);
                if holds(start, end) {
                    return path(&open, step.as_ref());
                }
                pos = end;
            }
        }
        // After a value: close what ends here, then move to the next element.
        loop {
            pos = skip_ws(bytes, pos);
            match bytes.get(pos) {
                Some(b'}') | Some(b']') => {
                    pos += 1;
                    let Some((start, own, _, _)) = open.pop() else {
                        return path(&open, None);
                    };
                    if holds(start, pos) {
                        return path(&open, own.as_ref());
                    }
                }
                Some(b',') => {
                    pos = skip_ws(bytes, pos + 1);
                    let Some(top) = open.last_mut() else {
                        return path(&open, None);
                    };
                    if top.2 {
                        top.3 += 1;
                        step = Some(Owned::Index(top.3));
                    } else {
                        let (key, next) = key_at(text, pos);
                        step = Some(Owned::Key(key));
                        pos = skip_ws(bytes, next) + 1; // ':'
                    }
                    break;
                }
                _ => return path(&open, None),
            }
        }
    }
}

/// A step of a path found in the text.
#[derive(Debug)]
enum Owned {
    Key(String),
    Index(usize),
}

fn path(open: &[(usize, Option<Owned>, bool, usize)], last: Option<&Owned>) -> String {
    let mut out = String::new();
    for step in open.iter().filter_map(|o| o.1.as_ref()).chain(last) {
        match step {
            Owned::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Owned::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
        pos += 1;
    }
    pos
}

/// The end (one past) of the string, number or literal at `pos`.
fn scalar_end(bytes: &[u8], pos: usize) -> usize {
    if bytes[pos] == b'"' {
        return string_end(bytes, pos);
    }
    let mut i = pos;
    while i < bytes.len()
        && !matches!(bytes[i], b',' | b'}' | b']')
        && !bytes[i].is_ascii_whitespace()
    {
        i += 1;
    }
    i
}

/// The end (one past the closing quote) of the string at `pos`.
fn string_end(bytes: &[u8], pos: usize) -> usize {
    let mut i = pos + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The key at `pos`, unescaped, and where it ends.
fn key_at(text: &str, pos: usize) -> (String, usize) {
    let end = string_end(text.as_bytes(), pos).min(text.len());
    let raw = text.get(pos..end).unwrap_or_default();
    let key = if raw.contains('\\') {
        serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string())
    } else {
        raw.get(1..raw.len().saturating_sub(1))
            .unwrap_or_default()
            .to_string()
    };
    (key, end)
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

    #[test]
    fn names_the_value_where_the_reader_stopped() {
        let text = "{\n  \"a\": [\n    {\"b\": 12},\n    {\"b\": \"x\", \"c\\u0021\": {\"d\": null}}\n  ],\n  \"e\": {}\n}";
        let after = |s: &str| text.find(s).unwrap() + s.len();
        // Just after a number, a string, a closing brace.
        assert_eq!(field_at(text, after("12"), Stop::AfterValue), "a[0].b");
        assert_eq!(field_at(text, after("\"x\""), Stop::AfterValue), "a[1].b");
        assert_eq!(field_at(text, after("null}"), Stop::AfterValue), "a[1].c!");
        assert_eq!(field_at(text, after("null"), Stop::AfterValue), "a[1].c!.d");
        assert_eq!(field_at(text, after("{}"), Stop::AfterValue), "e");
        // On the first byte of an object or a list.
        assert_eq!(
            field_at(text, text.find('[').unwrap(), Stop::AfterValue),
            "a"
        );
        assert_eq!(field_at(text, after("[\n    "), Stop::AfterValue), "a[0]");
        // One past a value's first byte.
        assert_eq!(
            field_at(text, after("\"b\": 1"), Stop::PastFirstByte),
            "a[0].b"
        );
        // The whole document.
        assert_eq!(field_at(text, text.len(), Stop::AfterValue), ".");
        assert_eq!(field_at(text, 0, Stop::AfterValue), ".");
    }

    #[test]
    fn finds_the_slips_serde_json_names_otherwise() {
        let slip = |text: &str, refused: &str| {
            slip_at(text, text.find(refused).unwrap())
                .map(|(slip, comma)| (slip, line_column(text, comma)))
        };
        let trailing = |close| Slip::TrailingComma { close };
        let decimal = |written: &str| Slip::DecimalComma {
            written: written.into(),
        };
        assert_eq!(
            slip("{\n  \"a\": 1,\n}", "}"),
            Some((trailing('}'), (2, 9)))
        );
        assert_eq!(slip("[1, 2,\t]", "]"), Some((trailing(']'), (1, 6))));
        assert_eq!(slip("{\"à\": 4,5}", "5"), Some((decimal("4,5"), (1, 8))));
        assert_eq!(
            slip("{\"a\":\n -12,75 }", "75"),
            Some((decimal("-12,75"), (2, 5)))
        );
        // Not slips: a missing value, a comma too many between fields, a
        // number after a comma with no number before it, a field name
        // without quotes.
        assert_eq!(slip("{\"a\": }", "}"), None);
        assert_eq!(slip("{\"a\": 1,, \"b\": 2}", ", \"b"), None);
        assert_eq!(slip("{\"a\": \"x\",5}", "5"), None);
        assert_eq!(slip("{\"a\": 4, 5}", "5"), None);
        assert_eq!(slip("{\"a\": 1, b: 2}", "b"), None);
        assert_eq!(slip_at("{\"a\": 1,", 9), None);
    }

    #[test]
    fn offsets_of_lines_and_columns() {
        let text = "ab\ncd\n\nef";
        assert_eq!(offset_of(text, 1, 0), 0);
        assert_eq!(offset_of(text, 1, 2), 2);
        assert_eq!(offset_of(text, 2, 1), 4);
        assert_eq!(offset_of(text, 3, 0), 6);
        assert_eq!(offset_of(text, 4, 1), 8);
        assert_eq!(offset_of(text, 9, 0), text.len());
    }
}
