//! Objectives and scores from a CSV, shown before they are applied.
//!
//! A spreadsheet carried from year to year holds every kind of mistake, so
//! nothing is applied blindly: [`preview`] reads the file against the plan
//! and lists the objectives it would add and every row it would not, with
//! the line and the reason in the interface's language; [`apply`] then adds the good rows.
//!
//! The header row names the columns (matched case- and accent-insensitively
//! to the grid's criteria, the hierarchy's levels and a few fixed words);
//! rows before it (a title, a blank line), and the header repeated further
//! down, are skipped. The unit is the "Unità"
//! column, or the deepest filled level column ("Area", "Settore"); a row
//! whose unit cells are all empty belongs to the unit of the row above, as in
//! tables where the settore is written on its first row only.
//!
//! Units the rows name that the plan lacks (a CSV exported from another
//! plan, opened into a new one) are listed in [`Preview::missing_units`],
//! with the higher units the same rows name; [`Preview::adding_units`] adds
//! them to a copy of the plan and reads the file again against it, so the
//! user sees what the import would do with them before choosing.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use crate::model::achievement::Achievement;
use crate::model::decimal::Dec;
use crate::model::edit::{parse_achievement, parse_direct, parse_score};
use crate::model::plan::{Criterion, DirectWeight, Scale, Unit};
use crate::model::Plan;
use crate::text::{fill, plural, t};

use super::columns::{column_of, likely_criterion, Column};
use super::export::{HIGHER_IS_BETTER, LOWER_IS_BETTER};
use super::text::{decode, detect_separator, fold, restore, Encoding};
use super::{read_records, CsvError, Record, Separator};

/// How many rows may come before the header (a title, notes).
const HEADER_SEARCH: usize = 20;

/// An objective the file would add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// Line of the file where the row starts (from 1).
    pub line: usize,
    /// Id of its unit (the lead unit, when shared).
    pub unit: String,
    /// Ids of the other units, when shared.
    pub also: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    /// Aligned with [`Preview::criteria`]; `None`: not scored.
    pub scores: Vec<Option<Dec>>,
    /// Id of its objective type.
    pub kind: Option<String>,
    /// Its assigned weight, with the direct method.
    pub direct: Option<DirectWeight>,
    /// Its degree of achievement, entered or from its indicator.
    pub achievement: Option<Achievement>,
}

/// One reason a row cannot be imported, with the column it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// The column's header, as written in the file.
    pub column: Option<String>,
    pub message: String,
}

/// A row that will not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub line: usize,
    /// The row's title, if it has one, to recognise it.
    pub title: String,
    pub reasons: Vec<Reason>,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().io;
        let reasons: Vec<String> = self
            .reasons
            .iter()
            .map(|r| {
                let message = r.message.trim_end_matches('.');
                match &r.column {
                    Some(c) => fill(
                        texts.csv_reason_in_column,
                        &[("column", c), ("message", &message)],
                    ),
                    None => message.to_string(),
                }
            })
            .collect();
        let reasons = reasons.join("; ");
        f.write_str(&if self.title.is_empty() {
            fill(
                texts.csv_rejected_row,
                &[("line", &self.line), ("reasons", &reasons)],
            )
        } else {
            fill(
                texts.csv_rejected_row_titled,
                &[
                    ("line", &self.line),
                    ("title", &self.title),
                    ("reasons", &reasons),
                ],
            )
        })
    }
}

/// A unit a file names that the plan lacks: its level and name, after the
/// higher units its rows name (levels and names, from the top), which may
/// be in the plan or missing too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitPath {
    pub above: Vec<(usize, String)>,
    pub level: usize,
    pub name: String,
}

/// The rows read, to read them again against another plan.
#[derive(Debug, PartialEq, Eq)]
struct Source {
    records: Vec<Record>,
}

/// What a file would change, before anything does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// How the text was read; for a workbook, UTF-8 and tabulation (its
    /// cells are already apart), with [`Preview::sheet`] saying so.
    pub encoding: Encoding,
    pub separator: Separator,
    /// The sheet the rows come from, when the file is an Excel workbook.
    pub sheet: Option<String>,
    /// Line of the header row.
    pub header_line: usize,
    /// Ids of the criteria that [`ImportRow::scores`] follow (the grid's).
    pub criteria: Vec<String>,
    /// Names of the criteria with no column: their scores stay empty.
    pub missing_criteria: Vec<String>,
    /// Headers not understood, or repeated, whose cells are not read.
    pub ignored_columns: Vec<String>,
    /// Of those, the ones most likely meant for a criterion the file lacks
    /// (a misspelt «Complesita»): (header, the criterion's name).
    pub likely_criteria: Vec<(String, String)>,
    /// The objectives that would be added, in file order.
    pub rows: Vec<ImportRow>,
    /// The rows that would not, in file order.
    pub rejected: Vec<Rejected>,
    /// Rows that repeat a shared objective read before, the same in every
    /// cell, as Pesatura's export writes one under each of its units: read
    /// once. (line, line of the first.)
    pub repeats: Vec<(usize, usize)>,
    /// Units named by rows (or in "Comune a") that the plan lacks, in file
    /// order: those rows are in [`Preview::rejected`].
    pub missing_units: Vec<UnitPath>,
    /// Which of the plan's columns the file has: a row that updates an
    /// objective changes only what the file has a column for.
    read: ColumnsRead,
    source: Rc<Source>,
    /// The unit rows without one went to (the one given, or the plan's only
    /// unit), kept when the file is read again with units added.
    fallback: Option<String>,
}

/// The columns a file has, of those an objective's row fills.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ColumnsRead {
    description: bool,
    kind: bool,
    direct: bool,
    /// The achievement's columns (percentage, indicator).
    achievement: bool,
    /// Aligned with [`Preview::criteria`].
    criteria: Vec<bool>,
}

/// What an import does with a row whose title is already that of an
/// objective of its unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Existing {
    /// Updates that objective with the row's cells: an edited export read
    /// back into its own plan.
    #[default]
    Update,
    /// Adds the row as a new objective beside it.
    Add,
}

/// What [`apply`] did: ids of the objectives added and of those updated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: Vec<String>,
    pub updated: Vec<String>,
}

/// The plan with the units a file lacks, and the file read against it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithUnits {
    pub plan: Plan,
    pub preview: Preview,
    /// The units added, higher ones first: those the rows name and the
    /// higher units above them that the plan lacked too.
    pub added: Vec<UnitPath>,
}

impl Preview {
    /// A copy of `plan` with [`Preview::missing_units`] added (each under
    /// the higher units its rows name, found or added too), and the file
    /// read again against it.
    pub fn adding_units(&self, plan: &Plan) -> Result<WithUnits, CsvError> {
        let mut plan = plan.clone();
        let mut added = Vec::new();
        for path in &self.missing_units {
            add_unit_path(&mut plan, path, &mut added);
        }
        let mut again = preview_records(
            self.source.clone(),
            &plan,
            self.fallback.as_deref(),
            self.encoding,
            self.separator,
        )?;
        again.sheet = self.sheet.clone();
        Ok(WithUnits {
            plan,
            preview: again,
            added,
        })
    }
}

/// Adds the units of `path` that `plan` lacks, top first: a unit is found by
/// level and name (folded) under the one found or added above it.
fn add_unit_path(plan: &mut Plan, path: &UnitPath, added: &mut Vec<UnitPath>) {
    let mut parent: Option<String> = None;
    let own = (path.level, path.name.clone());
    let steps: Vec<&(usize, String)> = path.above.iter().chain([&own]).collect();
    for (at, (level, name)) in steps.iter().enumerate() {
        let key = fold(name);
        let found = plan.units.iter().find(|u| {
            u.level == *level && fold(&u.name) == key && (parent.is_none() || u.parent == parent)
        });
        parent = Some(match found {
            Some(unit) => unit.id.clone(),
            None => {
                added.push(UnitPath {
                    above: steps[..at].iter().map(|s| (*s).clone()).collect(),
                    level: *level,
                    name: name.clone(),
                });
                plan.add_unit(name, *level, parent.as_deref())
            }
        });
    }
}

/// Reads `bytes` against `plan`: each row needs a unit column.
impl Preview {
    /// Lines of the rows whose title is already that of an objective of the
    /// same unit in `plan` (compared as the findings compare titles), as in
    /// an edited export read back into its own plan: [`Existing::Update`]
    /// updates those objectives, [`Existing::Add`] would add them twice.
    /// Whether the file has a column for the criterion at `index` of
    /// [`Preview::criteria`]: without one, a row that updates an objective
    /// keeps its score there.
    pub fn has_scores_of(&self, index: usize) -> bool {
        self.read.criteria.get(index).copied().unwrap_or(false)
    }

    pub fn already_in(&self, plan: &Plan) -> Vec<usize> {
        self.rows
            .iter()
            .zip(self.matches(plan))
            .filter(|(_, found)| found.is_some())
            .map(|(r, _)| r.line)
            .collect()
    }

    /// For each row, the index of the objective of `plan` it would update:
    /// the first of its unit (the lead unit, when shared) with the same
    /// title, each objective matched by one row only.
    fn matches(&self, plan: &Plan) -> Vec<Option<usize>> {
        use crate::model::validate::title_key;
        let mut held: HashMap<(&str, String), Vec<usize>> = HashMap::new();
        for (i, o) in plan.objectives.iter().enumerate().rev() {
            held.entry((o.unit.as_str(), title_key(&o.title)))
                .or_default()
                .push(i);
        }
        self.rows
            .iter()
            .map(|r| held.get_mut(&(r.unit.as_str(), title_key(&r.title)))?.pop())
            .collect()
    }
}

pub fn preview(bytes: &[u8], plan: &Plan) -> Result<Preview, CsvError> {
    read(bytes, plan, None)
}

/// Like [`preview`], but rows without a unit (or files without a unit
/// column, such as cells pasted into one unit's table) go to `unit`.
pub fn preview_for_unit(bytes: &[u8], plan: &Plan, unit: &str) -> Result<Preview, CsvError> {
    read(bytes, plan, Some(unit))
}

/// Applies the preview to the plan. A row whose title is already that of an
/// objective of its unit updates it with `existing` = [`Existing::Update`]:
/// its title as the file writes it, and the description, scores, type and
/// assigned weight the file has columns for (an empty cell empties it). Any
/// other row adds an objective after the last of its unit (shared ones at
/// the end, in file order). Criteria are found by id, so a preview stays
/// right if the grid's columns were reordered since; units that no longer
/// exist are skipped.
pub fn apply(plan: &mut Plan, preview: &Preview, existing: Existing) -> Applied {
    let positions: Vec<Option<usize>> = preview
        .criteria
        .iter()
        .map(|id| plan.grid.criterion_index(id))
        .collect();
    let matches = match existing {
        Existing::Update => preview.matches(plan),
        Existing::Add => vec![None; preview.rows.len()],
    };
    // Ids, not indices: adding a row moves the objectives after it.
    let matches: Vec<Option<String>> = matches
        .into_iter()
        .map(|m| m.map(|i| plan.objectives[i].id.clone()))
        .collect();
    let read = &preview.read;
    let mut applied = Applied::default();
    for (row, found) in preview.rows.iter().zip(matches) {
        if plan.unit(&row.unit).is_none() {
            continue;
        }
        if let Some(id) = found {
            plan.set_title(&id, &row.title);
            if read.description {
                plan.set_description(&id, row.description.as_deref().unwrap_or(""));
            }
            for ((score, position), has) in row.scores.iter().zip(&positions).zip(&read.criteria) {
                if let (Some(c), true) = (position, has) {
                    plan.set_score(&id, *c, *score);
                }
            }
            if read.kind {
                plan.set_kind(&id, row.kind.as_deref());
            }
            if read.direct {
                plan.set_direct(&id, row.direct);
            }
            if read.achievement {
                set_achievement(plan, &id, row.achievement);
            }
            applied.updated.push(id);
            continue;
        }
        let mut units = vec![row.unit.clone()];
        units.extend(row.also.iter().filter(|u| plan.unit(u).is_some()).cloned());
        let added_id = if units.len() > 1 {
            add_shared_at_end(plan, &units)
        } else {
            Some(plan.add_objective(&row.unit))
        };
        let Some(id) = added_id else { continue };
        plan.set_title(&id, &row.title);
        plan.set_description(&id, row.description.as_deref().unwrap_or(""));
        for (score, position) in row.scores.iter().zip(&positions) {
            if let Some(c) = position {
                plan.set_score(&id, *c, *score);
            }
        }
        plan.set_kind(&id, row.kind.as_deref());
        plan.set_direct(&id, row.direct);
        set_achievement(plan, &id, row.achievement);
        applied.added.push(id);
    }
    applied
}

fn set_achievement(plan: &mut Plan, id: &str, achievement: Option<Achievement>) {
    if let Some(i) = plan.objective_index(id) {
        plan.objectives[i].achievement = achievement;
    }
}

/// Adds an objective shared by `units` (the first leads) at the end of the
/// plan, so that the table of shared objectives lists them in file order.
pub(crate) fn add_shared_at_end(plan: &mut Plan, units: &[String]) -> Option<String> {
    let id = plan.add_shared_objective(units)?;
    if let Some(at) = plan.objective_index(&id) {
        let objective = plan.objectives.remove(at);
        plan.objectives.push(objective);
    }
    Some(id)
}

/// The header: which column means what.
struct Layout {
    columns: Vec<(Column, String)>,
    line: usize,
}

impl Layout {
    fn find(&self, wanted: Column) -> Option<usize> {
        self.columns.iter().position(|(c, _)| *c == wanted)
    }

    fn has_unit(&self) -> bool {
        self.columns
            .iter()
            .any(|(c, _)| matches!(c, Column::Unit | Column::Level(_)))
    }
}

fn read(bytes: &[u8], plan: &Plan, default_unit: Option<&str>) -> Result<Preview, CsvError> {
    if let Some(unit) = default_unit.filter(|u| plan.unit(u).is_none()) {
        return Err(CsvError::new(fill(
            t().io.csv_import_unit_missing,
            &[("unit", &unit)],
        )));
    }
    let (text, encoding) = decode(bytes)?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(CsvError::new(t().io.file_empty));
    }
    if text.trim_start().starts_with('{') && text.contains("\"schema_version\"") {
        return Err(CsvError::new(fill(
            t().io.csv_is_plan,
            &[("open", &t().app.open_file)],
        )));
    }
    let separator = detect_separator(&text);
    let records = read_records(&text, separator)?;
    let source = Source { records };
    preview_records(Rc::new(source), plan, default_unit, encoding, separator)
}

/// The preview of a workbook's rows: see [`preview_records`].
pub(crate) fn preview_sheet_records(
    records: Vec<Record>,
    plan: &Plan,
) -> Result<Preview, CsvError> {
    let source = Source { records };
    preview_records(Rc::new(source), plan, None, Encoding::Utf8, Separator::Tab)
}

/// The preview of rows already split into cells, whatever file they came
/// from (CSV here, a spreadsheet's first sheet for XLSX), so that every
/// format has the same header matching, row checks and error report.
fn preview_records(
    source: Rc<Source>,
    plan: &Plan,
    default_unit: Option<&str>,
    encoding: Encoding,
    separator: Separator,
) -> Result<Preview, CsvError> {
    let records = &source.records;
    let (at, layout) = find_header(records, plan)?;
    if default_unit.is_none() && !layout.has_unit() && plan.units.len() != 1 {
        let levels = plan.ente.levels.join(", ");
        return Err(CsvError::at_line(
            layout.line,
            fill(t().io.csv_no_unit_column, &[("levels", &levels)]),
        ));
    }
    let fallback_unit = default_unit
        .map(str::to_string)
        .or_else(|| (plan.units.len() == 1).then(|| plan.units[0].id.clone()));
    let header_again = |r: &Record| {
        r.cells
            .iter()
            .map(|c| fold(c))
            .eq(records[at].cells.iter().map(|c| fold(c)))
    };
    let data: Vec<&Record> = records[at + 1..]
        .iter()
        .filter(|r| !r.is_blank() && !header_again(r))
        .collect();
    let mut reader = RowReader {
        plan,
        layout: &layout,
        last_unit: fallback_unit.clone().map(Ok),
        carry_down: !writes_levels_on_every_row(&layout, &data),
        carried_levels: HashMap::new(),
        shared_seen: HashMap::new(),
        missing: Vec::new(),
        missing_shared: Vec::new(),
    };
    let mut rows = Vec::new();
    let mut rejected = Vec::new();
    let mut repeats = Vec::new();
    for record in data {
        match reader.row(record) {
            Ok(row) => rows.push(row),
            Err(Skipped::Rejected(r)) => rejected.push(r),
            Err(Skipped::Repeat { first }) => repeats.push((record.line, first)),
        }
    }
    let mut missing_units = std::mem::take(&mut reader.missing);
    let bottom = plan.ente.levels.len().saturating_sub(1);
    for name in std::mem::take(&mut reader.missing_shared) {
        if !missing_units.iter().any(|m| fold(&m.name) == fold(&name)) {
            missing_units.push(UnitPath {
                above: Vec::new(),
                level: bottom,
                name,
            });
        }
    }
    Ok(Preview {
        encoding,
        separator,
        sheet: None,
        header_line: layout.line,
        criteria: plan.grid.criteria.iter().map(|c| c.id.clone()).collect(),
        missing_criteria: plan
            .grid
            .criteria
            .iter()
            .enumerate()
            .filter(|(i, _)| layout.find(Column::Criterion(*i)).is_none())
            .map(|(_, c)| c.name.clone())
            .collect(),
        ignored_columns: layout
            .columns
            .iter()
            .filter(|(c, _)| *c == Column::Unknown)
            .map(|(_, h)| h.clone())
            .collect(),
        likely_criteria: layout
            .columns
            .iter()
            .filter(|(c, _)| *c == Column::Unknown)
            .filter_map(|(_, h)| {
                let lacking = |i| layout.find(Column::Criterion(i)).is_none();
                likely_criterion(h, &plan.grid, lacking)
                    .map(|i| (h.clone(), plan.grid.criteria[i].name.clone()))
            })
            .collect(),
        rows,
        rejected,
        repeats,
        missing_units,
        read: ColumnsRead {
            description: layout.find(Column::Description).is_some(),
            kind: layout.find(Column::Type).is_some(),
            direct: layout.find(Column::Direct).is_some(),
            achievement: [Column::AchievementPercent, Column::Target, Column::Actual]
                .into_iter()
                .any(|c| layout.find(c).is_some()),
            criteria: (0..plan.grid.criteria.len())
                .map(|i| layout.find(Column::Criterion(i)).is_some())
                .collect(),
        },
        source: source.clone(),
        fallback: fallback_unit,
    })
}

/// Whether a level's name is written again on the row after one that has
/// it, as Pesatura's export does: then a blank level cell means no unit at
/// that level. Otherwise (a table with merged cells, the area on its first
/// row only) it means the one above.
fn writes_levels_on_every_row(layout: &Layout, data: &[&Record]) -> bool {
    let levels: Vec<usize> = layout
        .columns
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| matches!(c, Column::Level(_)))
        .map(|(i, _)| i)
        .collect();
    data.windows(2).any(|pair| {
        levels.iter().any(|&i| {
            let (above, row) = (pair[0].cell(i), pair[1].cell(i));
            !above.is_empty() && fold(above) == fold(row)
        })
    })
}

/// Why a data row adds no objective.
enum Skipped {
    Rejected(Rejected),
    /// The same shared objective, cell for cell, as the row at line `first`.
    Repeat {
        first: usize,
    },
}

/// The first row with a title column, among the first few. A column named
/// twice keeps its first occurrence; the second is ignored.
fn find_header(records: &[Record], plan: &Plan) -> Result<(usize, Layout), CsvError> {
    for (at, record) in records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH)
    {
        let mut columns: Vec<(Column, String)> = Vec::with_capacity(record.cells.len());
        for cell in &record.cells {
            let header = restore(cell).to_string();
            let column = match column_of(&header, plan) {
                Column::Computed => Column::Computed,
                c if columns.iter().any(|(seen, _)| *seen == c) => Column::Unknown,
                c => c,
            };
            columns.push((column, header));
        }
        if columns.iter().any(|(c, _)| *c == Column::Title) {
            return Ok((
                at,
                Layout {
                    columns,
                    line: record.line,
                },
            ));
        }
    }
    Err(CsvError::new(t().io.csv_no_header))
}

/// Reads data rows, remembering the unit of the row above.
struct RowReader<'a> {
    plan: &'a Plan,
    layout: &'a Layout,
    /// The unit of the previous row (or why it had none), for rows that
    /// leave it blank; at first, the unit given to the preview, if any.
    last_unit: Option<Result<String, Reason>>,
    /// Shared objectives already read: (title, units) → their line and the
    /// cells that make them (scores, type, direct weight, description).
    shared_seen: HashMap<(String, Vec<String>), (usize, SharedCells)>,
    /// Whether a blank level cell takes the name above it (see
    /// [`writes_levels_on_every_row`]).
    carry_down: bool,
    /// The names in each level column (by level) that count for the row
    /// being read: the higher units of a unit the plan lacks.
    carried_levels: HashMap<usize, String>,
    /// Units the rows name that the plan lacks, once each.
    missing: Vec<UnitPath>,
    /// Names in "Comune a" that are not in the plan, once each.
    missing_shared: Vec<String>,
}

/// What a shared objective's row holds besides its title and units.
type SharedCells = (
    Vec<Option<Dec>>,
    Option<String>,
    Option<DirectWeight>,
    Option<String>,
    Option<Achievement>,
);

impl RowReader<'_> {
    fn row(&mut self, record: &Record) -> Result<ImportRow, Skipped> {
        let layout = self.layout;
        let cell = |i: usize| restore(record.cell(i));
        let title = layout.find(Column::Title).map_or("", cell).to_string();
        let reject = |reasons: Vec<Reason>| {
            Skipped::Rejected(Rejected {
                line: record.line,
                title: title.clone(),
                reasons,
            })
        };

        let width = layout.columns.len();
        let extra_filled = record.cells.iter().skip(width).any(|c| !c.is_empty());
        if record.cells.len() < width || extra_filled {
            let cells = record.cells.len();
            let texts = &t().io;
            // A quote opened and never closed runs its field over the lines
            // after it: say that, rather than count its columns.
            let lines_after: usize = record.cells.iter().map(|c| c.matches('\n').count()).sum();
            if lines_after > 0 {
                return Err(reject(vec![plain(fill(
                    texts.csv_quote_not_closed,
                    &[("end", &(record.line + lines_after))],
                ))]));
            }
            return Err(reject(vec![plain(fill(
                plural(cells, texts.csv_row_width_one, texts.csv_row_width_many),
                &[
                    ("cells", &cells),
                    ("header_line", &layout.line),
                    ("width", &width),
                ],
            ))]));
        }

        let mut reasons = Vec::new();
        let unit = match self.unit_of(record) {
            Ok(unit) => Some(unit),
            Err(reason) => {
                reasons.push(reason);
                None
            }
        };
        let also = match (layout.find(Column::Shared), &unit) {
            (Some(i), Some(unit)) if !cell(i).is_empty() => {
                match self.shared_units(cell(i), unit) {
                    Ok(units) => units,
                    Err(reason) => {
                        reasons.push(Reason {
                            column: Some(layout.columns[i].1.clone()),
                            ..reason
                        });
                        Vec::new()
                    }
                }
            }
            // The row's own unit is missing: the units it is shared with are
            // still looked up, so that those missing are offered with it.
            (Some(i), None) if !cell(i).is_empty() => {
                let _ = self.shared_units(cell(i), "");
                Vec::new()
            }
            _ => Vec::new(),
        };
        let scores = self.scores(record, &mut reasons);
        let kind = self.kind(record, &mut reasons);
        let direct = match layout.find(Column::Direct) {
            Some(i) => parse_direct(cell(i)).unwrap_or_else(|why| {
                reasons.push(Reason {
                    column: Some(layout.columns[i].1.clone()),
                    message: why,
                });
                None
            }),
            None => None,
        };
        let achievement = self.achievement(record, &mut reasons);
        if title.is_empty() {
            let scored = scores.iter().any(Option::is_some) || direct.is_some();
            reasons.push(Reason {
                column: layout
                    .find(Column::Title)
                    .map(|i| layout.columns[i].1.clone()),
                message: if scored {
                    t().io.csv_title_empty.into()
                } else {
                    t().io.csv_row_not_objective.into()
                },
            });
        }
        let description = layout
            .find(Column::Description)
            .map(cell)
            .filter(|d| !d.is_empty())
            .map(str::to_string);
        let (lead, also) = match unit {
            Some(unit) if reasons.is_empty() => lead_and_others(unit, also),
            _ => return Err(reject(reasons)),
        };
        if !also.is_empty() {
            let mut units = also.clone();
            units.push(lead.clone());
            crate::model::sort::sort(&mut units);
            let cells = (
                scores.clone(),
                kind.clone(),
                direct,
                description.clone(),
                achievement,
            );
            let (first, first_cells) = self
                .shared_seen
                .entry((fold(&title), units))
                .or_insert((record.line, cells.clone()));
            if *first != record.line {
                if *first_cells == cells {
                    return Err(Skipped::Repeat { first: *first });
                }
                return Err(reject(vec![plain(fill(
                    t().io.csv_shared_read_before,
                    &[("line", first)],
                ))]));
            }
        }
        Ok(ImportRow {
            line: record.line,
            unit: lead,
            also,
            title,
            description,
            scores,
            kind,
            direct,
            achievement,
        })
    }

    /// The row's unit: the "Unità" column, else the deepest level column
    /// filled, else the unit of the row above.
    fn unit_of(&mut self, record: &Record) -> Result<String, Reason> {
        let layout = self.layout;
        self.carry_levels(record);
        let explicit = layout.find(Column::Unit).map(|i| (i, None));
        let deepest = layout
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, (c, _))| match c {
                Column::Level(l) if !record.cell(i).is_empty() => Some((i, Some(*l))),
                _ => None,
            })
            .max_by_key(|(_, level)| *level);
        let named = explicit
            .filter(|(i, _)| !record.cell(*i).is_empty())
            .or(deepest);
        let Some((i, level)) = named else {
            return match &self.last_unit {
                Some(last) => last.clone(),
                None => Err(plain(t().io.csv_no_unit_above.into())),
            };
        };
        let name = restore(record.cell(i));
        let found = self.find_unit(name, level, record);
        if let Err(Lookup::NotInPlan(_)) = &found {
            self.note_missing(name, level);
        }
        let result = found
            .map_err(|lookup| lookup.message())
            .map_err(|message| Reason {
                column: Some(layout.columns[i].1.clone()),
                message,
            });
        self.last_unit = Some(match &result {
            Ok(id) => Ok(id.clone()),
            Err(reason) => Err(Reason {
                message: fill(
                    t().io.csv_unit_from_row,
                    &[("reason", &reason.message), ("line", &record.line)],
                ),
                ..reason.clone()
            }),
        });
        result
    }

    /// Takes the row's level cells as the ones that count, with those
    /// carried down from above when blank cells mean "as above": a higher
    /// unit named anew drops the lower ones carried.
    fn carry_levels(&mut self, record: &Record) {
        if !self.carry_down {
            self.carried_levels.clear();
        }
        let mut cells: Vec<(usize, &str)> = self
            .layout
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, (c, _))| match c {
                Column::Level(l) if !record.cell(i).is_empty() => {
                    Some((*l, restore(record.cell(i))))
                }
                _ => None,
            })
            .collect();
        cells.sort_by_key(|(l, _)| *l);
        for (level, name) in cells {
            if self
                .carried_levels
                .get(&level)
                .is_some_and(|c| fold(c) == fold(name))
            {
                continue;
            }
            self.carried_levels.retain(|l, _| *l < level);
            self.carried_levels.insert(level, name.to_string());
        }
    }

    /// Remembers a unit named at `level` (the bottom one for the "Unità"
    /// column) that the plan lacks, under the higher units the row (or the
    /// rows above it) names.
    fn note_missing(&mut self, name: &str, level: Option<usize>) {
        let bottom = self.plan.ente.levels.len().saturating_sub(1);
        let level = level.unwrap_or(bottom);
        // The higher units the row names, or the rows above it.
        let mut above: Vec<(usize, String)> = self
            .carried_levels
            .iter()
            .filter(|(l, _)| **l < level)
            .map(|(l, name)| (*l, name.clone()))
            .collect();
        above.sort_by_key(|(l, _)| *l);
        let path = UnitPath {
            above,
            level,
            name: name.to_string(),
        };
        let same = |m: &UnitPath| {
            m.level == path.level
                && fold(&m.name) == fold(&path.name)
                && m.above.len() == path.above.len()
                && m.above
                    .iter()
                    .zip(&path.above)
                    .all(|(a, b)| a.0 == b.0 && fold(&a.1) == fold(&b.1))
        };
        if !self.missing.iter().any(same) {
            self.missing.push(path);
        }
    }

    /// A unit by id or by name (folded); among units of the same name, the
    /// one whose higher units match the row's other level columns.
    fn find_unit(
        &self,
        name: &str,
        level: Option<usize>,
        record: &Record,
    ) -> Result<String, Lookup> {
        let key = fold(name);
        let plan = self.plan;
        let matches = |u: &&Unit| u.id == name || fold(&u.name) == key;
        let mut found: Vec<&Unit> = plan
            .units
            .iter()
            .filter(|u| matches(u) && level.is_none_or(|l| u.level == l))
            .collect();
        if found.is_empty() {
            // At another level, but not one whose column the row fills with
            // another name: a settore «Cultura» under «Servizi alla persona»
            // is not the area «Cultura».
            found = plan
                .units
                .iter()
                .filter(|u| matches(u) && !self.row_names_another(u, record))
                .collect();
        }
        if found.len() > 1 {
            found.retain(|u| self.ancestors_agree(u, record));
        }
        match found.as_slice() {
            [unit] => Ok(unit.id.clone()),
            [] => Err(Lookup::NotInPlan(name.to_string())),
            _ => Err(Lookup::Ambiguous(name.to_string())),
        }
    }

    /// Whether the row fills `unit`'s level column with a name not its own.
    fn row_names_another(&self, unit: &Unit, record: &Record) -> bool {
        self.layout
            .columns
            .iter()
            .enumerate()
            .any(|(i, (c, _))| match c {
                Column::Level(l) if *l == unit.level && !record.cell(i).is_empty() => {
                    fold(restore(record.cell(i))) != fold(&unit.name)
                }
                _ => false,
            })
    }

    /// Whether every level column filled above `unit`'s level names one of its higher units.
    fn ancestors_agree(&self, unit: &Unit, record: &Record) -> bool {
        let plan = self.plan;
        let mut chain: Vec<&Unit> = Vec::new();
        let mut current = unit.parent.as_deref().and_then(|p| plan.unit(p));
        while let Some(u) = current.filter(|_| chain.len() < plan.units.len()) {
            chain.push(u);
            current = u.parent.as_deref().and_then(|p| plan.unit(p));
        }
        self.layout
            .columns
            .iter()
            .enumerate()
            .all(|(i, (c, _))| match c {
                Column::Level(l) if *l < unit.level && !record.cell(i).is_empty() => {
                    let key = fold(restore(record.cell(i)));
                    chain.iter().any(|a| a.level == *l && fold(&a.name) == key)
                }
                _ => true,
            })
    }

    /// The units listed in "Comune a", separated by `|`, `;` or line breaks.
    fn shared_units(&mut self, text: &str, unit: &str) -> Result<Vec<String>, Reason> {
        let mut units = Vec::new();
        let mut problems = Vec::new();
        let no_levels = Record {
            line: 0,
            cells: Vec::new(),
        };
        for name in text
            .split(['|', ';', '\n'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match self.find_unit(name, None, &no_levels) {
                Ok(id) if !units.contains(&id) => units.push(id),
                Ok(_) => {}
                Err(lookup) => {
                    if let Lookup::NotInPlan(name) = &lookup {
                        if !self.missing_shared.iter().any(|m| fold(m) == fold(name)) {
                            self.missing_shared.push(name.clone());
                        }
                    }
                    problems.push(lookup.message());
                }
            }
        }
        if !problems.is_empty() {
            return Err(plain(problems.join("; ")));
        }
        if !units.iter().any(|u| u == unit) {
            units.push(unit.to_string());
        }
        Ok(units)
    }

    fn scores(&self, record: &Record, reasons: &mut Vec<Reason>) -> Vec<Option<Dec>> {
        let grid = &self.plan.grid;
        let mut scores = vec![None; grid.criteria.len()];
        for (i, (column, header)) in self.layout.columns.iter().enumerate() {
            let Column::Criterion(c) = column else {
                continue;
            };
            match read_score(restore(record.cell(i)), &grid.criteria[*c]) {
                Ok(score) => scores[*c] = score,
                Err(message) => reasons.push(Reason {
                    column: Some(header.clone()),
                    message,
                }),
            }
        }
        scores
    }

    /// The achievement: a percentage in its column, or an indicator's
    /// target and value found, «crescente» (higher is better, as when the
    /// direction is left empty) or «decrescente».
    fn achievement(&self, record: &Record, reasons: &mut Vec<Reason>) -> Option<Achievement> {
        let layout = self.layout;
        let at = |c: Column| layout.find(c).map(|i| (i, restore(record.cell(i))));
        let (percent, target, actual, direction) = (
            at(Column::AchievementPercent),
            at(Column::Target),
            at(Column::Actual),
            at(Column::Direction),
        );
        fn filled(c: Option<(usize, &str)>) -> Option<(usize, &str)> {
            c.filter(|(_, text)| !text.is_empty())
        }
        fn text(c: Option<(usize, &str)>) -> &str {
            c.map_or("", |(_, t)| t)
        }
        let header = |i: usize| Some(layout.columns[i].1.clone());
        let indicator = filled(target).or(filled(actual));
        let (mode, first, second, column) = match (filled(percent), indicator) {
            (None, None) => return None,
            (Some((i, _)), Some(_)) => {
                reasons.push(Reason {
                    column: header(i),
                    message: t().io.csv_achievement_and_indicator.into(),
                });
                return None;
            }
            (Some((i, text)), None) => ("percent", text, "", header(i)),
            // The indicator's messages name the field they are about.
            (None, Some(_)) => {
                // The interface's arrows, or words.
                let way = filled(direction).map(|(d, text)| {
                    let arrow = |a: char| text.contains(a).then_some(a.to_string());
                    (
                        d,
                        arrow('↑')
                            .or_else(|| arrow('↓'))
                            .unwrap_or_else(|| fold(text)),
                    )
                });
                let mode = match way.as_ref().map(|(d, key)| (*d, key.as_str())) {
                    None => "higher",
                    Some((_, key)) if DIRECTION_HIGHER.contains(&key) => "higher",
                    Some((_, key)) if DIRECTION_LOWER.contains(&key) => "lower",
                    Some((d, _)) => {
                        reasons.push(Reason {
                            column: header(d),
                            message: fill(
                                t().io.csv_direction_unknown,
                                &[("text", &restore(record.cell(d)))],
                            ),
                        });
                        return None;
                    }
                };
                (mode, text(target), text(actual), None)
            }
        };
        parse_achievement(mode, first, second).unwrap_or_else(|why| {
            reasons.push(Reason {
                column,
                message: why,
            });
            None
        })
    }

    fn kind(&self, record: &Record, reasons: &mut Vec<Reason>) -> Option<String> {
        let i = self.layout.find(Column::Type)?;
        let text = restore(record.cell(i));
        if text.is_empty() {
            return None;
        }
        let key = fold(text);
        let types = &self.plan.grid.types;
        match types.iter().find(|t| t.id == text || fold(&t.name) == key) {
            Some(t) => Some(t.id.clone()),
            None => {
                let names: Vec<&str> = types.iter().map(|t| t.name.as_str()).collect();
                reasons.push(Reason {
                    column: Some(self.layout.columns[i].1.clone()),
                    message: fill(
                        t().io.csv_type_not_in_grid,
                        &[("kind", &text), ("types", &names.join(", "))],
                    ),
                });
                None
            }
        }
    }
}

/// An indicator's direction as a cell writes it, folded: the words of the
/// export and a few others.
const DIRECTION_HIGHER: &[&str] = &[
    "↑",
    HIGHER_IS_BETTER,
    "piu alto e meglio",
    "higher",
    "higher is better",
];
const DIRECTION_LOWER: &[&str] = &[
    "↓",
    LOWER_IS_BETTER,
    "piu basso e meglio",
    "lower",
    "lower is better",
];

/// A score cell: empty (not scored), a level's name on level scales, or a
/// number in the criterion's range.
fn read_score(text: &str, criterion: &Criterion) -> Result<Option<Dec>, String> {
    if let Scale::Levels(levels) = &criterion.scale {
        let key = fold(text);
        if let Some(level) = levels
            .iter()
            .find(|l| !key.is_empty() && fold(&l.name) == key)
        {
            return Ok(Some(level.points));
        }
    }
    parse_score(text, criterion)
}

/// The lead unit and the others: the first listed in "Comune a" leads.
fn lead_and_others(unit: String, shared: Vec<String>) -> (String, Vec<String>) {
    match shared.split_first() {
        Some((lead, others)) if !others.is_empty() => (lead.clone(), others.to_vec()),
        _ => (unit, Vec::new()),
    }
}

/// Why a unit name found no unit.
enum Lookup {
    NotInPlan(String),
    Ambiguous(String),
}

impl Lookup {
    fn message(&self) -> String {
        match self {
            Lookup::NotInPlan(name) => fill(t().io.csv_unit_not_in_plan, &[("unit", name)]),
            Lookup::Ambiguous(name) => fill(t().io.csv_unit_ambiguous, &[("unit", name)]),
        }
    }
}

fn plain(message: String) -> Reason {
    Reason {
        column: None,
        message,
    }
}
