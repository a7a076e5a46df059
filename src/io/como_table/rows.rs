//! Telling the rows of the published table apart: headings, header rows,
//! the "DA 0 A 10 PT" row, settore blocks, objectives, and the title-less
//! rows holding only a number (the settore's average, or an empty row).

use crate::io::csv::{fold, match_criterion, Record};
use crate::model::decimal::{parse_number, Dec};
use crate::model::plan::Grid;
use crate::model::validate::score_problem;
use crate::text::{fill, points, t};

use super::report::Note;

/// An objective as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub line: usize,
    pub title: String,
    pub description: Option<String>,
    /// Aligned with the grid's criteria.
    pub scores: Vec<Option<Dec>>,
    /// The "Pesatura obiettivo" column.
    pub total: Option<Dec>,
}

/// One settore as printed: its name row, objectives and average row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub name: String,
    /// "SETTORE 3: …" → 3.
    pub number: Option<u32>,
    /// Index of the area heading it is under; `None` for settori outside
    /// any area (Polizia Locale, Avvocatura).
    pub area: Option<usize>,
    pub objectives: Vec<Published>,
    /// The average row: line and value.
    pub average: Option<(usize, Dec)>,
    /// Title-less rows holding only a total (line, value), before the average.
    pub empty_rows: Vec<(usize, Dec)>,
}

/// An objective common to several settori, with the settori its title names
/// ("SETT. 3, 6, 7 E PL" → "3", "6", "7", "pl").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedRow {
    pub objective: Published,
    pub units: Vec<String>,
}

/// Everything read from the rows.
#[derive(Default)]
pub struct Parsed {
    pub year: Option<i32>,
    pub areas: Vec<String>,
    pub blocks: Vec<Block>,
    pub shared: Vec<SharedRow>,
    pub notes: Vec<Note>,
}

/// Which part of the document the rows are in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Area(usize),
    /// Settori outside any area ("Settore Polizia Locale e Protezione Civile").
    Outside,
    /// "Obiettivi comuni a più settori".
    Shared,
}

/// Where the columns are, from the header row.
struct Header {
    unit: Option<usize>,
    title: usize,
    /// (column, criterion index)
    criteria: Vec<(usize, usize)>,
    total: Option<usize>,
}

struct Reader<'a> {
    grid: &'a Grid,
    out: Parsed,
    section: Option<Section>,
    header: Option<Header>,
    /// The block receiving rows.
    open: Option<usize>,
    /// Title-less rows with only a total, in the open block.
    pending: Vec<(usize, Dec)>,
    /// The number of the document's section the table is in ("3.2"), from
    /// the last numbered heading before the first header.
    section_number: Option<String>,
    /// A numbered heading of another section came after the tables: what
    /// follows (section 3.3, the Segretario generale's objectives) is not
    /// part of them.
    ended: bool,
}

pub fn parse(records: &[Record], grid: &Grid) -> Parsed {
    let mut reader = Reader {
        grid,
        out: Parsed::default(),
        section: None,
        header: None,
        open: None,
        pending: Vec::new(),
        section_number: None,
        ended: false,
    };
    for record in records.iter().filter(|r| !r.is_blank()) {
        reader.record(record);
    }
    reader.close_block();
    let mut out = reader.out;
    drop_empty_areas(&mut out);
    out
}

/// Keeps the areas that head at least one settore. The whole published
/// document lists the areas in its prose before the table ("AREA
/// AMMINISTRATIVA"); a name the table does not use is not a unit of it.
fn drop_empty_areas(parsed: &mut Parsed) {
    let used: Vec<bool> = (0..parsed.areas.len())
        .map(|a| parsed.blocks.iter().any(|b| b.area == Some(a)))
        .collect();
    let mut new_index = Vec::with_capacity(used.len());
    let mut kept = 0;
    for &u in &used {
        new_index.push(kept);
        kept += usize::from(u);
    }
    for block in &mut parsed.blocks {
        block.area = block.area.map(|a| new_index[a]);
    }
    let areas = std::mem::take(&mut parsed.areas);
    parsed.areas = areas
        .into_iter()
        .zip(&used)
        .filter_map(|(area, &u)| u.then_some(area))
        .collect();
}

/// The blocks a token of an intersectoral title names: a number names
/// "SETTORE n"; letters name a settore without number whose initials start
/// with them ("PL": Polizia Locale).
pub fn blocks_named(blocks: &[Block], token: &str) -> Vec<usize> {
    let by_number = token.parse::<u32>().ok();
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| match by_number {
            Some(n) => b.number == Some(n),
            None => b.number.is_none() && initials(&b.name).starts_with(token),
        })
        .map(|(i, _)| i)
        .collect()
}

/// The number and title of a numbered heading of the document ("3.3" and
/// "PERFORMANCE DEL SEGRETARIO GENERALE", "4" and "RELAZIONE" of "4 -
/// RELAZIONE"), or `None`.
fn numbered_heading(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let number = text[..end].trim_end_matches('.');
    let rest = text[end..].trim_start_matches([' ', '-', '–', '\t']);
    let numbered = !number.is_empty()
        && number.split('.').all(|n| !n.is_empty() && n.len() <= 2)
        && rest.chars().next().is_some_and(char::is_alphabetic)
        && text[end..].starts_with([' ', '\t']);
    numbered.then_some((number, rest))
}

fn initials(name: &str) -> String {
    const SMALL: &[&str] = &[
        "settore", "e", "ed", "di", "del", "della", "dei", "degli", "delle", "a", "al", "alla",
        "per", "il", "la", "lo", "le", "gli", "i",
    ];
    fold(name)
        .split(' ')
        .filter(|w| !SMALL.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

impl Reader<'_> {
    fn record(&mut self, record: &Record) {
        let filled: Vec<usize> = (0..record.cells.len())
            .filter(|&i| !record.cell(i).is_empty())
            .collect();
        if self.ended {
            return;
        }
        if filled == [0] {
            if let Some((number, title)) = numbered_heading(record.cell(0)) {
                let within = |current: &String| number.starts_with(&format!("{current}."));
                if self.header.is_none() {
                    self.section_number = Some(number.to_string());
                } else if self.section_number.as_ref().is_some_and(within) {
                    // A sub-section among the tables: a heading, never a settore.
                    if let Some(section) = self.heading(title) {
                        self.close_block();
                        self.section = Some(section);
                    }
                    return;
                } else {
                    self.close_block();
                    self.ended = true;
                    return;
                }
            }
            if let Some(section) = self.heading(record.cell(0)) {
                self.close_block();
                self.section = Some(section);
                return;
            }
        }
        if record.cells.iter().any(|c| fold(c) == "titolo") {
            self.close_block();
            self.header = Some(self.read_header(record));
            return;
        }
        if self.header.is_none() {
            self.preamble(record);
            return;
        }
        if self.is_ranges_row(record) {
            return;
        }
        self.data_row(record);
    }

    /// A heading line: an area, settori outside any area, or the shared objectives.
    fn heading(&mut self, text: &str) -> Option<Section> {
        let key = fold(text);
        let words: Vec<&str> = key.split(' ').collect();
        if words[0] == "area" {
            // The same area named again (in capitals in the prose, then
            // above its table) is one area, with the later spelling.
            let name = strip_tags(text);
            let folded = fold(&name);
            let index = match self.out.areas.iter().position(|a| fold(a) == folded) {
                Some(i) => {
                    self.out.areas[i] = name;
                    i
                }
                None => {
                    self.out.areas.push(name);
                    self.out.areas.len() - 1
                }
            };
            Some(Section::Area(index))
        } else if key.contains("comuni a piu")
            || key.starts_with("obiettivi comuni")
            || key.starts_with("intersettorial")
        {
            Some(Section::Shared)
        } else if words[0] == "settore"
            && !text.contains(':')
            && !words
                .get(1)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        {
            Some(Section::Outside)
        } else {
            None
        }
    }

    /// Text before the first header: the table's title, with its year. In
    /// the whole PEG the title is the last "anno …" before the table: an
    /// earlier one ("a decorrere dall'anno 2014") is not the plan's year.
    fn preamble(&mut self, record: &Record) {
        let key = fold(&record.cells.join(" "));
        let words: Vec<&str> = key.split(' ').collect();
        let year = words
            .windows(2)
            .find(|w| w[0] == "anno" && w[1].len() == 4)
            .and_then(|w| w[1].parse().ok());
        if year.is_some() {
            self.out.year = year;
        }
    }

    fn read_header(&mut self, record: &Record) -> Header {
        let mut header = Header {
            unit: None,
            title: 0,
            criteria: Vec::new(),
            total: None,
        };
        for (i, cell) in record.cells.iter().enumerate() {
            let key = fold(cell);
            if key == "titolo" {
                header.title = i;
            } else if key == "settore" || key == "unita" {
                header.unit = Some(i);
            } else if key.starts_with("pesatura") || key.starts_with("totale") {
                header.total = Some(i);
            } else if let Some(c) = match_criterion(cell, self.grid)
                .filter(|c| !header.criteria.iter().any(|(_, seen)| seen == c))
            {
                header.criteria.push((i, c));
            } else if !key.is_empty() {
                self.note(
                    record.line,
                    fill(t().io.como_column_ignored, &[("column", cell)]),
                );
            }
        }
        for (c, criterion) in self.grid.criteria.iter().enumerate() {
            if !header.criteria.iter().any(|(_, seen)| *seen == c) {
                self.note(
                    record.line,
                    fill(
                        t().io.como_criterion_column_missing,
                        &[("criterion", &criterion.name)],
                    ),
                );
            }
        }
        header
    }

    /// The row under the header giving each criterion's range ("DA 0 A 10
    /// PT", "totale"); a range other than the grid's is noted.
    fn is_ranges_row(&mut self, record: &Record) -> bool {
        let ranges: Vec<(usize, Option<(Dec, Dec)>)> = (0..record.cells.len())
            .filter(|&i| !record.cell(i).is_empty())
            .map(|i| (i, range_of(record.cell(i))))
            .collect();
        let is_ranges = !ranges.is_empty()
            && ranges
                .iter()
                .all(|(i, r)| r.is_some() || fold(record.cell(*i)) == "totale")
            && ranges.iter().any(|(_, r)| r.is_some());
        if !is_ranges {
            return false;
        }
        let columns: Vec<(usize, usize)> = self
            .header
            .as_ref()
            .map(|h| h.criteria.clone())
            .unwrap_or_default();
        for (i, range) in ranges {
            let (Some((min, max)), Some(&(_, c))) =
                (range, columns.iter().find(|(col, _)| *col == i))
            else {
                continue;
            };
            let criterion = &self.grid.criteria[c];
            if (min, max) != (criterion.min(), criterion.max()) {
                self.note(
                    record.line,
                    fill(
                        t().io.como_range_differs,
                        &[
                            ("criterion", &criterion.name),
                            ("min", &points(min)),
                            ("max", &points(max)),
                            ("grid_min", &points(criterion.min())),
                            ("grid_max", &points(criterion.max())),
                        ],
                    ),
                );
            }
        }
        true
    }

    fn data_row(&mut self, record: &Record) {
        let Some(header) = &self.header else { return };
        let unit = header
            .unit
            .map(|i| strip_tags(record.cell(i)))
            .unwrap_or_default();
        let title = strip_tags(record.cell(header.title));
        let score_cells: Vec<(usize, usize)> = header.criteria.clone();
        let total_cell = header
            .total
            .map(|i| record.cell(i).to_string())
            .unwrap_or_default();
        let unscored = score_cells.iter().all(|(i, _)| record.cell(*i).is_empty());

        if !unit.is_empty() {
            self.open_block(unit, record.line);
        }
        if title.is_empty() && unscored {
            if !total_cell.is_empty() {
                match parse_number(&total_cell) {
                    Ok(value) if self.open.is_some() => self.pending.push((record.line, value)),
                    Ok(_) => self.note(
                        record.line,
                        fill(t().io.como_lone_number, &[("number", &total_cell)]),
                    ),
                    Err(e) => self.note(
                        record.line,
                        fill(
                            t().io.como_row_number_bad,
                            &[("text", &total_cell), ("problem", &e)],
                        ),
                    ),
                }
            }
            return;
        }
        let mut objective = Published {
            line: record.line,
            title,
            description: None,
            scores: vec![None; self.grid.criteria.len()],
            total: None,
        };
        for (i, c) in score_cells {
            objective.scores[c] = self.score(record, i, c);
        }
        if !total_cell.is_empty() {
            match parse_number(&total_cell) {
                Ok(total) => objective.total = Some(total),
                Err(e) => self.note(
                    record.line,
                    fill(
                        t().io.como_total_bad,
                        &[("text", &total_cell), ("problem", &e)],
                    ),
                ),
            }
        }
        if objective.title.is_empty() {
            self.note(record.line, t().io.como_untitled.into());
        }
        if self.section == Some(Section::Shared) {
            self.shared_row(objective);
        } else if let Some(b) = self.open {
            self.flush_empty_rows();
            self.out.blocks[b].objectives.push(objective);
        } else {
            self.note(
                record.line,
                fill(t().io.como_outside_settore, &[("title", &objective.title)]),
            );
        }
    }

    fn score(&mut self, record: &Record, column: usize, c: usize) -> Option<Dec> {
        let text = record.cell(column);
        let criterion = &self.grid.criteria[c];
        match parse_number(text) {
            Ok(score) => {
                if let Some(why) = score_problem(score, criterion) {
                    self.note(
                        record.line,
                        fill(
                            t().io.como_score_problem,
                            &[("criterion", &criterion.name), ("problem", &why)],
                        ),
                    );
                }
                Some(score)
            }
            Err(crate::model::decimal::NumberError::Empty) => None,
            Err(e) => {
                self.note(
                    record.line,
                    fill(
                        t().io.como_score_unreadable,
                        &[
                            ("criterion", &criterion.name),
                            ("text", &text),
                            ("problem", &e),
                        ],
                    ),
                );
                None
            }
        }
    }

    /// "Eventi in Sicurezza - <i>INTERSETTORIALE SETT. 3, 6, 7 E PL</i>":
    /// the title before the marker, the marker as description, the settori
    /// it lists as units.
    fn shared_row(&mut self, mut objective: Published) {
        let lower = objective.title.to_ascii_lowercase();
        let Some(at) = lower.find("intersettorial") else {
            self.note(
                objective.line,
                fill(t().io.como_shared_no_units, &[("title", &objective.title)]),
            );
            return;
        };
        let marker = objective.title[at..].trim().to_string();
        let units: Vec<String> = fold(&marker)
            .split(' ')
            .skip(1)
            .filter(|w| !["sett", "settore", "settori", "e", "ed"].contains(w))
            .map(str::to_string)
            .collect();
        objective.title = objective.title[..at]
            .trim_end_matches([' ', '-', '–'])
            .to_string();
        objective.description = Some(marker);
        self.out.shared.push(SharedRow { objective, units });
    }

    fn open_block(&mut self, name: String, line: usize) {
        self.close_block();
        let key = fold(&name);
        let mut words = key.split(' ');
        let number = match (words.next(), words.next()) {
            (Some("settore"), Some(n)) => n.parse().ok(),
            _ => None,
        };
        let area = match self.section {
            Some(Section::Area(a)) => Some(a),
            _ => None,
        };
        self.out.blocks.push(Block {
            line,
            name,
            number,
            area,
            objectives: Vec::new(),
            average: None,
            empty_rows: Vec::new(),
        });
        self.open = Some(self.out.blocks.len() - 1);
    }

    /// Ends the open block: its last title-less number is its average; any
    /// before it were empty rows.
    fn close_block(&mut self) {
        if let Some(b) = self.open {
            if let Some(average) = self.pending.pop() {
                self.out.blocks[b].average = Some(average);
            }
            self.flush_empty_rows();
        }
        self.open = None;
    }

    /// Title-less rows followed by more rows of the block: empty rows.
    fn flush_empty_rows(&mut self) {
        let Some(b) = self.open else { return };
        for (line, value) in std::mem::take(&mut self.pending) {
            let name = self.out.blocks[b].name.clone();
            self.out.blocks[b].empty_rows.push((line, value));
            let message = if value == Dec::ZERO {
                fill(t().io.como_empty_row, &[("unit", &name)])
            } else {
                fill(
                    t().io.como_lone_total,
                    &[("total", &points(value)), ("unit", &name)],
                )
            };
            self.note(line, message);
        }
    }

    fn note(&mut self, line: usize, message: String) {
        self.out.notes.push(Note { line, message });
    }
}

/// "DA 0 A 10 PT" → (0, 10).
fn range_of(cell: &str) -> Option<(Dec, Dec)> {
    let key = fold(cell);
    let words: Vec<&str> = key.split(' ').collect();
    match words.as_slice() {
        ["da", min, "a", max, rest @ ..]
            if rest.iter().all(|w| ["pt", "punti", "p"].contains(w)) =>
        {
            Some((parse_number(min).ok()?, parse_number(max).ok()?))
        }
        _ => None,
    }
}

/// Text without HTML tags (`<i>…</i>`) and with the common entities decoded,
/// spaces collapsed.
pub fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>').filter(|_| is_tag) {
            Some(end) => rest = &after[end + 1..],
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let decoded = [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(out, |text, (entity, ch)| text.replace(entity, ch));
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_entities_decode() {
        assert_eq!(
            strip_tags("Eventi in Sicurezza - <i>INTERSETTORIALE SETT. 3</i>"),
            "Eventi in Sicurezza - INTERSETTORIALE SETT. 3"
        );
        assert_eq!(strip_tags("a < b &amp; <b>c</b>"), "a < b & c");
    }

    #[test]
    fn ranges_row_cells() {
        assert_eq!(
            range_of("DA 0 A 15 PT"),
            Some((Dec::ZERO, Dec::from_int(15)))
        );
        assert_eq!(range_of("totale"), None);
    }

    #[test]
    fn initials_name_settori_without_number() {
        assert_eq!(
            initials("SETTORE: POLIZIA LOCALE E PROTEZIONE CIVILE"),
            "plpc"
        );
        assert_eq!(initials("SETTORE: AVVOCATURA COMUNALE"), "ac");
    }
}
