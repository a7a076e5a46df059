//! The workbook: "Pesatura" (the table), "Griglia" (the rules) and
//! "Rilievi" (the findings).
//!
//! The table has the CSV's columns but "Tabella" (levels, title,
//! description, "Comune a", type, the criteria or the assigned percentage,
//! total, relative weight, the table's average), one block of rows per unit
//! in tree order and a closing row per block with the unit's total and
//! average; shared objectives kept apart by the grid get a block of their
//! own at the end, headed by its name: the block says whose table it is.
//!
//! Formulas, chosen so that Excel and LibreOffice, which recalculate on
//! opening, show exactly Pesatura's numbers:
//! - total: `IF(COUNT(scores)=n, SUM(scores), "")`, times the type's factor
//!   rounded to four decimals as Pesatura does; an objective not fully
//!   scored has no total (never 0), so it counts in no share and no average;
//! - relative weight: Pesatura's largest-remainder apportionment written
//!   out (floor of the share in hundredths, plus one hundredth for the
//!   largest remainders, ties to the earlier row), over a hidden column of
//!   totals in ten-thousandths, so that a unit's weights sum to exactly
//!   100,00. A plain `total/SUM*100` shows 33,33 three times where Pesatura
//!   gives 33,34 · 33,33 · 33,33;
//! - average: `ROUND(AVERAGE(totals), 2)` (AVERAGE skips the empty totals),
//!   or Σp²/Σp for the points-weighted rule, rounded once to two decimals.
//!
//! Once any objective has an achievement, the CSV's year-end columns follow
//! (issue 7): the achievement as entered (a percentage, or an indicator's
//! target, value found and direction), which the import reads back; the
//! achievement that counts (in percent, after the grid's bands) as a value; the weighted score,
//! `ROUND(achievement × relative weight / 100, 2)`, empty without either;
//! and, in each closing row, the unit's result, the sum of the exact
//! products rounded once, `ROUND(SUMPRODUCT(achievements, weights)/100, 2)`,
//! empty while a weighted objective has no achievement (never counted as 0).
//!
//! LibreOffice Calc, made to recalculate every formula on loading, gives
//! every total, weight, average, weighted score and result of the Como table
//! exactly as Pesatura does (a manual check: the test suite does not need
//! LibreOffice).
//!
//! Text is written with `write_string`, which a spreadsheet never evaluates,
//! so a title starting with "=" stays text without any quote in front.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

use crate::io::csv::export::{achievement_cells, ACHIEVEMENT_HEADERS};
use crate::model::achievement::{counted_percent, group_result, weighted_score, Achievement};
use crate::model::compute::{compute, Group, Results};
use crate::model::decimal::Dec;
use crate::model::describe;
use crate::model::format::format_plain;
use crate::model::plan::{AverageRule, DirectWeight, Method, Objective, Plan, SharedRule, Unit};
use crate::model::validate::validate_with;

use super::SUBTOTAL;

/// The first row of the table's header (0-based): a title and the formula
/// in words come before it.
const HEADER_ROW: u32 = 3;

/// The workbook of the plan, as bytes ready to download, written in
/// Italian whatever the interface's language; the error says, in the
/// interface's language, why the workbook could not be written.
pub fn export(plan: &Plan) -> Result<Vec<u8>, String> {
    crate::io::in_italian(|| write_workbook(plan))
        .map_err(|e| crate::text::fill(crate::text::t().io.xlsx_write_failed, &[("detail", &e)]))
}

fn write_workbook(plan: &Plan) -> Result<Vec<u8>, XlsxError> {
    let results = compute(plan);
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    Table::new(plan, &results, &formats).write(workbook.add_worksheet().set_name("Pesatura")?)?;
    write_grid(
        plan,
        &formats,
        workbook.add_worksheet().set_name("Griglia")?,
    )?;
    write_findings(
        plan,
        &results,
        &formats,
        workbook.add_worksheet().set_name("Rilievi")?,
    )?;
    workbook.save_to_buffer()
}

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    number: Format,
    hundredths: Format,
    subtotal_text: Format,
    subtotal_number: Format,
    subtotal_hundredths: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        let subtotal = cell.clone().set_bold().set_background_color(0xEEEEEE);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(0xDDDDDD)
                .set_align(FormatAlign::Center),
            text: cell.clone(),
            // General: 18, 4,5, 9,6 (a "0.####" format would show "18,").
            number: cell.clone(),
            // Shown as 20,67 by an Italian Excel: the format is in the file's
            // own notation, the decimal mark is the reader's locale.
            hundredths: cell.set_num_format("0.00"),
            subtotal_text: subtotal.clone(),
            subtotal_number: subtotal.clone(),
            subtotal_hundredths: subtotal.set_num_format("0.00"),
        }
    }
}

/// What a column of the table holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Level(usize),
    Title,
    Description,
    Shared,
    Type,
    Factor,
    Score(usize),
    Direct,
    Total,
    Weight,
    Average,
    /// The achievement as entered: its percentage, or its indicator's
    /// target, value found and direction (year-end columns, read back by the
    /// import); index into the CSV's `ACHIEVEMENT_HEADERS`.
    Entered(usize),
    /// The achievement that counts, in percent.
    Achievement,
    /// Achievement × relative weight / 100.
    Weighted,
    /// The unit's result, in its closing row.
    Result,
    /// Hidden: the total in ten-thousandths (0 without one), for the shares.
    Raw,
}

struct Table<'a> {
    plan: &'a Plan,
    results: &'a Results,
    formats: &'a Formats,
    columns: Vec<Col>,
}

impl<'a> Table<'a> {
    fn new(plan: &'a Plan, results: &'a Results, formats: &'a Formats) -> Table<'a> {
        let mut columns: Vec<Col> = (0..plan.ente.levels.len()).map(Col::Level).collect();
        columns.extend([Col::Title, Col::Description, Col::Shared]);
        if plan.grid.method == Method::Criteria && !plan.grid.types.is_empty() {
            columns.extend([Col::Type, Col::Factor]);
        }
        match plan.grid.method {
            Method::Criteria => columns.extend((0..plan.grid.criteria.len()).map(Col::Score)),
            Method::Direct => columns.push(Col::Direct),
        }
        columns.extend([Col::Total, Col::Weight, Col::Average]);
        if has_achievements(plan) {
            columns.extend((0..ACHIEVEMENT_HEADERS.len()).map(Col::Entered));
            columns.extend([Col::Achievement, Col::Weighted, Col::Result]);
        }
        columns.push(Col::Raw);
        Table {
            plan,
            results,
            formats,
            columns,
        }
    }

    fn col(&self, wanted: Col) -> u16 {
        self.columns
            .iter()
            .position(|c| *c == wanted)
            .expect("every formula column is in the table") as u16
    }

    /// `D5`, for a column and a 0-based row.
    fn cell(&self, col: Col, row: u32) -> String {
        format!("{}{}", letters(self.col(col)), row + 1)
    }

    /// `D$5:D$7`: a column over a block, rows fixed.
    fn fixed_range(&self, col: Col, first: u32, last: u32) -> String {
        let l = letters(self.col(col));
        format!("{l}${}:{l}${}", first + 1, last + 1)
    }

    fn header_text(&self, col: Col) -> String {
        let grid = &self.plan.grid;
        match col {
            Col::Level(l) => self.plan.ente.levels[l].clone(),
            Col::Title => "Titolo".into(),
            Col::Description => "Descrizione".into(),
            Col::Shared => "Comune a".into(),
            Col::Type => "Tipologia".into(),
            Col::Factor => "Fattore tipologia".into(),
            Col::Score(c) => grid.criteria[c].short.clone(),
            Col::Direct => "Peso assegnato (%)".into(),
            Col::Total => "Totale".into(),
            Col::Weight => "Peso relativo (%)".into(),
            Col::Average => "Media della tabella".into(),
            Col::Entered(k) => ACHIEVEMENT_HEADERS[k].into(),
            Col::Achievement => "Raggiungimento che conta (%)".into(),
            Col::Weighted => "Punteggio ponderato".into(),
            Col::Result => "Risultato della tabella".into(),
            Col::Raw => "Punti in decimillesimi".into(),
        }
    }

    fn write(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let plan = self.plan;
        let f = self.formats;
        // An objective without a total or a share caches an empty text, as
        // its formula gives, rather than the writer's default of 0.
        sheet.set_formula_result_default("");
        sheet.write_string_with_format(
            0,
            0,
            format!(
                "Pesatura degli obiettivi — {} — PEG {}",
                plan.ente.name, plan.ente.year
            ),
            &f.title,
        )?;
        sheet.write_string(1, 0, describe::formula(&plan.grid))?;
        for (i, col) in self.columns.iter().enumerate() {
            sheet.write_string_with_format(
                HEADER_ROW,
                i as u16,
                self.header_text(*col),
                &f.header,
            )?;
            let width = match col {
                Col::Title => 50.0,
                Col::Description | Col::Shared => 30.0,
                Col::Level(_) => 28.0,
                Col::Type => 16.0,
                _ => 12.0,
            };
            sheet.set_column_width(i as u16, width)?;
        }
        sheet.set_column_hidden(self.col(Col::Raw))?;
        sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;

        let mut row = HEADER_ROW + 1;
        for (_, unit) in plan.units_in_tree_order() {
            let Some(u) = plan.unit_index(&unit.id) else {
                continue;
            };
            let own = &self.results.units[u].own;
            if !own.members.is_empty() {
                row = self.block(sheet, row, own, Some(unit), &plan.unit_label(unit))?;
            }
        }
        let shared = &self.results.shared;
        if plan.grid.shared == SharedRule::Separate && !shared.members.is_empty() {
            self.block(sheet, row, shared, None, "Obiettivi comuni a più unità")?;
        }
        Ok(())
    }

    /// One table's rows and its closing row; returns the next free row.
    fn block(
        &self,
        sheet: &mut Worksheet,
        first: u32,
        group: &Group,
        unit: Option<&Unit>,
        label: &str,
    ) -> Result<u32, XlsxError> {
        let last = first + group.members.len() as u32 - 1;
        for (i, member) in group.members.iter().enumerate() {
            let objective = &self.plan.objectives[member.objective];
            let chain = unit.or_else(|| self.plan.unit(&objective.unit));
            self.objective_row(
                sheet,
                first + i as u32,
                (first, last),
                member.objective,
                member.weight,
                chain,
            )?;
        }
        self.closing_row(sheet, last + 1, (first, last), group, label)?;
        Ok(last + 2)
    }

    fn objective_row(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        block: (u32, u32),
        index: usize,
        weight: Option<Dec>,
        unit: Option<&Unit>,
    ) -> Result<(), XlsxError> {
        let (plan, f) = (self.plan, self.formats);
        let objective = &plan.objectives[index];
        let result = &self.results.objectives[index];
        let achievement = objective
            .achievement
            .and_then(|a| counted_percent(a, plan.grid.bands));
        let chain = unit_chain(plan, unit);
        for (i, col) in self.columns.iter().enumerate() {
            let c = i as u16;
            match *col {
                Col::Level(l) => sheet.write_string_with_format(row, c, &chain[l], &f.text)?,
                Col::Title => sheet.write_string_with_format(row, c, &objective.title, &f.text)?,
                Col::Description => sheet.write_string_with_format(
                    row,
                    c,
                    objective.description.as_deref().unwrap_or(""),
                    &f.text,
                )?,
                Col::Shared => {
                    sheet.write_string_with_format(row, c, shared_with(plan, objective), &f.text)?
                }
                Col::Type => {
                    let kind = objective
                        .kind
                        .as_deref()
                        .and_then(|k| plan.grid.objective_type(k));
                    sheet.write_string_with_format(
                        row,
                        c,
                        kind.map_or("", |t| t.name.as_str()),
                        &f.text,
                    )?
                }
                Col::Factor => match result.factor {
                    Some(factor) => {
                        sheet.write_number_with_format(row, c, factor.to_f64(), &f.number)?
                    }
                    None => sheet.write_blank(row, c, &f.number)?,
                },
                Col::Score(s) => match objective.scores.get(s).copied().flatten() {
                    Some(score) => {
                        sheet.write_number_with_format(row, c, score.to_f64(), &f.number)?
                    }
                    None => sheet.write_blank(row, c, &f.number)?,
                },
                Col::Direct => match objective.direct {
                    Some(DirectWeight::Percent(p)) => {
                        sheet.write_number_with_format(row, c, p.to_f64(), &f.number)?
                    }
                    Some(DirectWeight::Prerequisite) => {
                        sheet.write_string_with_format(row, c, "X", &f.text)?
                    }
                    None => sheet.write_blank(row, c, &f.number)?,
                },
                Col::Total => sheet.write_formula_with_format(
                    row,
                    c,
                    cached(self.total_formula(row), result.points),
                    &f.number,
                )?,
                Col::Weight => sheet.write_formula_with_format(
                    row,
                    c,
                    cached(self.weight_formula(row, block), weight),
                    &f.hundredths,
                )?,
                Col::Average | Col::Result => sheet.write_blank(row, c, &f.hundredths)?,
                Col::Entered(k) => match (objective.achievement, k) {
                    (Some(Achievement::Percent(v)), 0)
                    | (Some(Achievement::Indicator { target: v, .. }), 1)
                    | (Some(Achievement::Indicator { actual: v, .. }), 2) => {
                        sheet.write_number_with_format(row, c, v.to_f64(), &f.number)?
                    }
                    (Some(a @ Achievement::Indicator { .. }), 3) => {
                        let [.., direction] = achievement_cells(Some(a), |_| String::new());
                        sheet.write_string_with_format(row, c, direction, &f.text)?
                    }
                    _ => sheet.write_blank(row, c, &f.number)?,
                },
                Col::Achievement => match achievement {
                    Some(a) => sheet.write_number_with_format(row, c, a.to_f64(), &f.hundredths)?,
                    None => sheet.write_blank(row, c, &f.hundredths)?,
                },
                Col::Weighted => {
                    let weighted = achievement.zip(weight).map(|(a, w)| weighted_score(a, w));
                    let formula = format!(
                        "IF(AND(ISNUMBER({a}),ISNUMBER({w})),ROUND({a}*{w}/100,2),\"\")",
                        a = self.cell(Col::Achievement, row),
                        w = self.cell(Col::Weight, row)
                    );
                    sheet.write_formula_with_format(
                        row,
                        c,
                        cached(formula, weighted),
                        &f.hundredths,
                    )?
                }
                Col::Raw => {
                    let raw = result.points.map_or(0, Dec::raw);
                    let formula = format!(
                        "IF(ISNUMBER({t}),ROUND({t}*10000,0),0)",
                        t = self.cell(Col::Total, row)
                    );
                    sheet.write_formula(
                        row,
                        c,
                        Formula::new(formula).set_result(raw.to_string()),
                    )?
                }
            };
        }
        Ok(())
    }

    /// The objective's total from its own cells, empty until complete.
    fn total_formula(&self, row: u32) -> String {
        let grid = &self.plan.grid;
        match grid.method {
            Method::Direct => format!(
                "IF(ISNUMBER({p}),{p},\"\")",
                p = self.cell(Col::Direct, row)
            ),
            Method::Criteria if grid.criteria.is_empty() => "\"\"".into(),
            Method::Criteria => {
                let scores = format!(
                    "{}:{}",
                    self.cell(Col::Score(0), row),
                    self.cell(Col::Score(grid.criteria.len() - 1), row)
                );
                let n = grid.criteria.len();
                if grid.types.is_empty() {
                    format!("IF(COUNT({scores})={n},SUM({scores}),\"\")")
                } else {
                    let factor = self.cell(Col::Factor, row);
                    format!("IF(AND(COUNT({scores})={n},ISNUMBER({factor})),ROUND(SUM({scores})*{factor},4),\"\")")
                }
            }
        }
    }

    /// Pesatura's largest-remainder share, in Excel's words (see the module
    /// docs): with `P` the block's totals in ten-thousandths and `T` their
    /// sum, a row gets ⌊P·10000/T⌋ hundredths of a percent, plus one if its
    /// remainder ranks among the hundredths left over.
    fn weight_formula(&self, row: u32, (first, last): (u32, u32)) -> String {
        let all = self.fixed_range(Col::Raw, first, last);
        let letter = letters(self.col(Col::Raw));
        let up_to_here = format!("{letter}${}:{letter}{}", first + 1, row + 1);
        let p = self.cell(Col::Raw, row);
        let t = format!("SUM({all})");
        let remainder = format!("MOD({p}*10000,{t})");
        let larger = format!("SUMPRODUCT(--(MOD({all}*10000,{t})>{remainder}))");
        let equal_before = format!("SUMPRODUCT(--(MOD({up_to_here}*10000,{t})={remainder}))-1");
        let left = format!("10000-SUMPRODUCT(INT({all}*10000/{t}))");
        format!(
            "IF(ISNUMBER({total}),IFERROR((INT({p}*10000/{t})+IF({larger}+{equal_before}<{left},1,0))/100,\"\"),\"\")",
            total = self.cell(Col::Total, row)
        )
    }

    fn closing_row(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        (first, last): (u32, u32),
        group: &Group,
        label: &str,
    ) -> Result<(), XlsxError> {
        let f = self.formats;
        let totals = format!(
            "{}:{}",
            self.cell(Col::Total, first),
            self.cell(Col::Total, last)
        );
        let weights = format!(
            "{}:{}",
            self.cell(Col::Weight, first),
            self.cell(Col::Weight, last)
        );
        let raw = format!(
            "{}:{}",
            self.cell(Col::Raw, first),
            self.cell(Col::Raw, last)
        );
        let weight_sum: Dec = group.members.iter().filter_map(|m| m.weight).sum();
        for (i, col) in self.columns.iter().enumerate() {
            let c = i as u16;
            match col {
                Col::Total => sheet.write_formula_with_format(
                    row,
                    c,
                    cached(format!("SUM({totals})"), Some(group.stats.total)),
                    &f.subtotal_number,
                )?,
                Col::Weight => sheet.write_formula_with_format(
                    row,
                    c,
                    cached(format!("SUM({weights})"), Some(weight_sum)),
                    &f.subtotal_hundredths,
                )?,
                Col::Average => {
                    let formula = match self.plan.grid.average {
                        AverageRule::Simple => format!("IFERROR(ROUND(AVERAGE({totals}),2),\"\")"),
                        AverageRule::PointsWeighted => format!(
                            "IFERROR(ROUND(SUMPRODUCT({raw},{raw})/SUM({raw})/10000,2),\"\")"
                        ),
                    };
                    sheet.write_formula_with_format(
                        row,
                        c,
                        cached(formula, group.stats.average),
                        &f.subtotal_hundredths,
                    )?
                }
                Col::Result => {
                    let range = |col| format!("{}:{}", self.cell(col, first), self.cell(col, last));
                    let (achievements, weighted) = (range(Col::Achievement), range(Col::Weighted));
                    let formula = format!(
                        "IF(AND(COUNT({weights})>0,COUNT({weights})=COUNT({weighted})),ROUND(SUMPRODUCT({achievements},{weights})/100,2),\"\")"
                    );
                    sheet.write_formula_with_format(
                        row,
                        c,
                        cached(formula, group_result(self.plan, group).score),
                        &f.subtotal_hundredths,
                    )?
                }
                Col::Raw => continue,
                _ if i == 0 => sheet.write_string_with_format(
                    row,
                    c,
                    format!("{SUBTOTAL}{label}"),
                    &f.subtotal_text,
                )?,
                _ => sheet.write_blank(row, c, &f.subtotal_text)?,
            };
        }
        Ok(())
    }
}

/// Whether the year-end columns are written: once any objective has an
/// achievement, as in the CSV.
fn has_achievements(plan: &Plan) -> bool {
    plan.objectives.iter().any(|o| o.achievement.is_some())
}

/// A formula with Pesatura's value as its cached result ("" for none).
fn cached(formula: String, value: Option<Dec>) -> Formula {
    Formula::new(formula).set_result(value.map(number_text).unwrap_or_default())
}

/// A number as a formula result: decimal point, no grouping.
fn number_text(value: Dec) -> String {
    format_plain(value).replace(',', ".")
}

/// Column letters: 0 → A, 26 → AA.
fn letters(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// The names of `unit` and of the units above it, one per level.
fn unit_chain(plan: &Plan, unit: Option<&Unit>) -> Vec<String> {
    let mut cells = vec![String::new(); plan.ente.levels.len()];
    let mut current = unit;
    let mut steps = 0;
    while let Some(u) = current {
        if let Some(cell) = cells.get_mut(u.level) {
            if cell.is_empty() {
                cell.clone_from(&u.name);
            }
        }
        steps += 1;
        current = u
            .parent
            .as_deref()
            .and_then(|p| plan.unit(p))
            .filter(|_| steps <= plan.units.len());
    }
    cells
}

/// "Comune a": every unit of a shared objective, lead first, as the CSV writes it.
fn shared_with(plan: &Plan, objective: &Objective) -> String {
    if !objective.is_shared() {
        return String::new();
    }
    std::iter::once(&objective.unit)
        .chain(&objective.also)
        .map(|id| plan.unit(id).map_or(id.as_str(), |u| u.name.as_str()))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The rules: method, formula and rules in words, criteria with their
/// admitted values, objective types with their factors.
fn write_grid(plan: &Plan, f: &Formats, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let grid = &plan.grid;
    sheet.write_string_with_format(
        0,
        0,
        format!("Griglia di pesatura: {}", grid.name),
        &f.title,
    )?;
    let rules = [
        ("Metodo", match grid.method {
            Method::Criteria => "punteggi per criterio",
            Method::Direct => "pesi assegnati direttamente",
        }.to_string()),
        ("Formula", describe::formula(grid)),
        ("Media", describe::average_rule(grid.average).to_string()),
        ("Obiettivi comuni", describe::shared_rule(grid.shared).to_string()),
        ("Peso relativo", "quota del totale dell'unità, in centesimi, ripartita col metodo dei resti più alti: i pesi di un'unità sommano esattamente a 100,00".to_string()),
    ];
    let mut row = 2;
    for (name, text) in rules {
        sheet.write_string_with_format(row, 0, name, &f.header)?;
        sheet.write_string_with_format(row, 1, text, &f.text)?;
        row += 1;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 40)?;
    if grid.method == Method::Criteria && !grid.criteria.is_empty() {
        row += 1;
        for (c, text) in [
            "Criterio",
            "Nome completo",
            "Valori ammessi",
            "Minimo",
            "Massimo",
        ]
        .into_iter()
        .enumerate()
        {
            sheet.write_string_with_format(row, c as u16, text, &f.header)?;
        }
        for criterion in &grid.criteria {
            row += 1;
            sheet.write_string_with_format(row, 0, &criterion.short, &f.text)?;
            sheet.write_string_with_format(row, 1, &criterion.name, &f.text)?;
            sheet.write_string_with_format(row, 2, describe::scale(&criterion.scale), &f.text)?;
            sheet.write_number_with_format(row, 3, criterion.min().to_f64(), &f.number)?;
            sheet.write_number_with_format(row, 4, criterion.max().to_f64(), &f.number)?;
        }
        row += 1;
    }
    if !grid.types.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, "Tipologia", &f.header)?;
        sheet.write_string_with_format(row, 1, "Fattore", &f.header)?;
        for kind in &grid.types {
            row += 1;
            sheet.write_string_with_format(row, 0, &kind.name, &f.text)?;
            sheet.write_number_with_format(row, 1, kind.factor.to_f64(), &f.number)?;
        }
    }
    Ok(())
}

/// The findings, errors first, as the Rilievi panel lists them.
fn write_findings(
    plan: &Plan,
    results: &Results,
    f: &Formats,
    sheet: &mut Worksheet,
) -> Result<(), XlsxError> {
    let findings = validate_with(plan, results);
    sheet.write_string_with_format(0, 0, format!("Rilievi: {}", findings.len()), &f.title)?;
    for (c, text) in ["Gravità", "Dove", "Rilievo"].into_iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, text, &f.header)?;
    }
    for (i, finding) in findings.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_string_with_format(row, 0, finding.severity.label(), &f.text)?;
        sheet.write_string_with_format(row, 1, &finding.where_, &f.text)?;
        sheet.write_string_with_format(row, 2, &finding.message, &f.text)?;
    }
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 50)?;
    sheet.set_column_width(2, 80)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
