//! The weighting table as CSV, one row per objective, unit by unit in tree
//! order, then the objectives common to several units when the grid keeps
//! them in a table of their own.
//!
//! Columns: one per level of the hierarchy (the unit and those above it),
//! title, description, "Comune a" (every unit of a shared objective, lead
//! first), "Tabella" (the table the objective's numbers are worked out in:
//! its unit's, or that of the objectives common to several units), the type
//! when the grid has types, one per criterion (the level's name on level
//! scales) or the assigned percentage with the direct method, then total,
//! relative weight and the table's average as Pesatura computes them. Once
//! any objective has an achievement, the year-end columns follow: the
//! achievement as entered (a percentage, or an indicator's target, value
//! found and direction), then the achievement that counts, the weighted score
//! and the table's result as Pesatura computes them.
//! [`preview`](super::preview) reads this file back, achievements included.

use crate::io::json;
use crate::model::achievement::{
    counted_percent, group_result, weighted_score, Achievement, Direction,
};
use crate::model::compute::{compute, Group, Results};
use crate::model::decimal::Dec;
use crate::model::format::{format_it, format_points};
use crate::model::plan::{DirectWeight, Method, Objective, Plan, SharedRule, Unit};

use super::text::neutralise;

/// Which spreadsheet conventions to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// What Excel in Italian opens with a double click: `;` between fields,
    /// decimal comma, every field quoted, UTF-8 with a BOM (without it Excel
    /// reads accented letters as Windows-1252), CRLF line ends.
    ExcelItalian,
    /// For other tools: `,` between fields, decimal point, quotes only where
    /// needed, no BOM, LF line ends.
    Plain,
}

impl Dialect {
    fn decimal(self, text: String) -> String {
        match self {
            Dialect::ExcelItalian => text,
            Dialect::Plain => text.replace('.', "").replace(',', "."),
        }
    }

    /// A score or a total, with the decimals it has.
    fn points(self, value: Dec) -> String {
        self.decimal(format_points(value))
    }

    /// A relative weight or an average, to hundredths.
    fn hundredths(self, value: Dec) -> String {
        self.decimal(format_it(value, 2))
    }
}

/// The CSV of the plan's weighting table, as bytes ready to download.
pub fn export(plan: &Plan, dialect: Dialect) -> Vec<u8> {
    let results = compute(plan);
    let with_results = has_achievements(plan);
    let mut rows = vec![header(plan)];
    for (_, unit) in plan.units_in_tree_order() {
        let Some(u) = plan.unit_index(&unit.id) else {
            continue;
        };
        let own = &results.units[u].own;
        let result = with_results.then(|| group_result(plan, own).score);
        rows.extend(table_rows(
            plan,
            &results,
            (own, &unit.name),
            result,
            unit_chain(plan, Some(unit)),
            dialect,
        ));
    }
    if plan.grid.shared == SharedRule::Separate {
        let result = with_results.then(|| group_result(plan, &results.shared).score);
        for member in &results.shared.members {
            let lead = plan.unit(&plan.objectives[member.objective].unit);
            rows.extend(table_rows(
                plan,
                &results,
                (&single(&results.shared, member.objective), SHARED_TABLE),
                result,
                unit_chain(plan, lead),
                dialect,
            ));
        }
    }
    write(&rows, dialect)
}

/// The name of the downloaded file: `pesatura-comune-di-como-2024.csv` for
/// Excel, `…-2024-semplice.csv` in the plain dialect, so that the two files
/// are told apart in a folder of downloads.
pub fn file_name(plan: &Plan, dialect: Dialect) -> String {
    let name = json::file_name(plan);
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    match dialect {
        Dialect::ExcelItalian => format!("{stem}.csv"),
        Dialect::Plain => format!("{stem}-semplice.csv"),
    }
}

/// The "Tabella" of the objectives common to several units, where the grid
/// keeps them apart: their relative weights and average are that table's,
/// not their lead unit's.
const SHARED_TABLE: &str = "Obiettivi comuni a più unità";

fn header(plan: &Plan) -> Vec<String> {
    let mut row: Vec<String> = plan.ente.levels.clone();
    row.extend(["Titolo", "Descrizione", "Comune a", "Tabella"].map(String::from));
    if !plan.grid.types.is_empty() {
        row.push("Tipologia".into());
    }
    match plan.grid.method {
        Method::Criteria => row.extend(plan.grid.criteria.iter().map(|c| c.short.clone())),
        Method::Direct => row.push("Peso assegnato (%)".into()),
    }
    row.extend(["Totale", "Peso relativo (%)", "Media della tabella"].map(String::from));
    if has_achievements(plan) {
        row.extend(ACHIEVEMENT_HEADERS.map(String::from));
        row.extend(
            [
                "Raggiungimento che conta (%)",
                "Punteggio ponderato",
                "Risultato della tabella",
            ]
            .map(String::from),
        );
    }
    row.into_iter().map(|h| neutralise(&h)).collect()
}

/// The year-end columns read back by the import: the achievement entered in
/// percent, or the indicator's target, value found and direction.
pub(crate) const ACHIEVEMENT_HEADERS: [&str; 4] = [
    "Raggiungimento (%)",
    "Target dell'indicatore",
    "Valore rilevato",
    "Verso dell'indicatore",
];

/// The words a file writes for an indicator's direction, which the import
/// reads back.
pub(crate) const HIGHER_IS_BETTER: &str = "crescente";
pub(crate) const LOWER_IS_BETTER: &str = "decrescente";

/// The cells of [`ACHIEVEMENT_HEADERS`] for an achievement, numbers written
/// by `number`.
pub(crate) fn achievement_cells(
    achievement: Option<Achievement>,
    number: impl Fn(Dec) -> String,
) -> [String; 4] {
    match achievement {
        None => Default::default(),
        Some(Achievement::Percent(p)) => [number(p), String::new(), String::new(), String::new()],
        Some(Achievement::Indicator {
            target,
            actual,
            direction,
        }) => [
            String::new(),
            number(target),
            number(actual),
            match direction {
                Direction::HigherIsBetter => HIGHER_IS_BETTER,
                Direction::LowerIsBetter => LOWER_IS_BETTER,
            }
            .to_string(),
        ],
    }
}

/// Whether the year-end columns are written: once any objective has an achievement.
fn has_achievements(plan: &Plan) -> bool {
    plan.objectives.iter().any(|o| o.achievement.is_some())
}

/// The shared table restricted to one objective, keeping the table's
/// average, so that shared rows are written like any unit's.
fn single(shared: &Group, objective: usize) -> Group {
    Group {
        members: shared
            .members
            .iter()
            .filter(|m| m.objective == objective)
            .cloned()
            .collect(),
        stats: shared.stats.clone(),
        apportioned: shared.apportioned,
    }
}

/// The rows of one table, with its name, each starting with the unit's `chain`.
fn table_rows(
    plan: &Plan,
    results: &Results,
    (table, table_name): (&Group, &str),
    unit_result: Option<Option<Dec>>,
    chain: Vec<String>,
    dialect: Dialect,
) -> Vec<Vec<String>> {
    let average = table
        .stats
        .average
        .map(|a| dialect.hundredths(a))
        .unwrap_or_default();
    table
        .members
        .iter()
        .map(|member| {
            let objective = &plan.objectives[member.objective];
            let mut row = chain.clone();
            row.push(neutralise(&objective.title));
            row.push(neutralise(objective.description.as_deref().unwrap_or("")));
            row.push(shared_with(plan, objective));
            row.push(neutralise(table_name));
            if !plan.grid.types.is_empty() {
                let kind = objective
                    .kind
                    .as_deref()
                    .and_then(|k| plan.grid.objective_type(k));
                row.push(neutralise(kind.map_or("", |t| t.name.as_str())));
            }
            row.extend(weighing_cells(plan, objective, dialect));
            let points = results.objectives[member.objective].points;
            row.push(points.map(|p| dialect.points(p)).unwrap_or_default());
            row.push(
                member
                    .weight
                    .map(|w| dialect.hundredths(w))
                    .unwrap_or_default(),
            );
            row.push(average.clone());
            if let Some(result) = unit_result {
                row.extend(achievement_cells(objective.achievement, |v| {
                    dialect.points(v)
                }));
                let counted = objective
                    .achievement
                    .and_then(|a| counted_percent(a, plan.grid.bands));
                row.push(counted.map(|a| dialect.hundredths(a)).unwrap_or_default());
                let weighted = counted
                    .zip(member.weight)
                    .map(|(a, w)| weighted_score(a, w));
                row.push(weighted.map(|w| dialect.hundredths(w)).unwrap_or_default());
                row.push(result.map(|r| dialect.hundredths(r)).unwrap_or_default());
            }
            row
        })
        .collect()
}

/// One cell per level: the names of `unit` and of the units above it, each
/// in its level's column (all empty without a unit).
fn unit_chain(plan: &Plan, unit: Option<&Unit>) -> Vec<String> {
    let mut cells = vec![String::new(); plan.ente.levels.len()];
    let mut current = unit;
    let mut steps = 0;
    while let Some(u) = current {
        if let Some(cell) = cells.get_mut(u.level) {
            if cell.is_empty() {
                *cell = neutralise(&u.name);
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

/// "Comune a": every unit of a shared objective, lead first.
fn shared_with(plan: &Plan, objective: &Objective) -> String {
    if !objective.is_shared() {
        return String::new();
    }
    let names: Vec<&str> = std::iter::once(&objective.unit)
        .chain(&objective.also)
        .map(|id| plan.unit(id).map_or(id.as_str(), |u| u.name.as_str()))
        .collect();
    neutralise(&names.join(" | "))
}

/// The scores (a level's name on level scales), or the assigned percentage.
fn weighing_cells(plan: &Plan, objective: &Objective, dialect: Dialect) -> Vec<String> {
    match plan.grid.method {
        Method::Criteria => plan
            .grid
            .criteria
            .iter()
            .enumerate()
            .map(
                |(c, criterion)| match objective.scores.get(c).copied().flatten() {
                    None => String::new(),
                    Some(points) => criterion
                        .level_of(points)
                        .map_or_else(|| dialect.points(points), |l| neutralise(&l.name)),
                },
            )
            .collect(),
        Method::Direct => vec![match objective.direct {
            Some(DirectWeight::Percent(p)) => dialect.points(p),
            Some(DirectWeight::Prerequisite) => "X".into(),
            None => String::new(),
        }],
    }
}

fn write(rows: &[Vec<String>], dialect: Dialect) -> Vec<u8> {
    let (separator, quotes, terminator, bom): (u8, _, _, &[u8]) = match dialect {
        Dialect::ExcelItalian => (
            b';',
            ::csv::QuoteStyle::Always,
            ::csv::Terminator::CRLF,
            b"\xEF\xBB\xBF",
        ),
        Dialect::Plain => (
            b',',
            ::csv::QuoteStyle::Necessary,
            ::csv::Terminator::Any(b'\n'),
            b"",
        ),
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(separator)
        .quote_style(quotes)
        .terminator(terminator)
        .flexible(true)
        .from_writer(bom.to_vec());
    for row in rows {
        writer
            .write_record(row)
            .expect("writing CSV to memory cannot fail");
    }
    writer
        .into_inner()
        .expect("writing CSV to memory cannot fail")
}
