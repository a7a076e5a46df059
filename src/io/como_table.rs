//! The Comune di Como's weighting table as published (PEG 2024, section
//! 3.2), read into a plan on the Como grid.
//!
//! The table is what a PDF or a web page gives when copied: tab-separated
//! rows with the settore's name on its first row only, a row with the
//! settore's average after its objectives, the header repeated under each
//! area heading, HTML tags in the titles. It also carries the document's
//! slips, which the Nucleo must see rather than have quietly fixed: an empty
//! row with total 0 that the published average of Settore 3 counts, and the
//! Settore 8 block printed in two areas. So [`read`] returns the table with
//! a report (notes, totals and averages that disagree, duplicate blocks as
//! questions), and [`ComoTable::plan`] builds the plan once the caller has
//! answered.

mod report;
mod rows;

use std::collections::HashSet;

use crate::model::edit::slug;
use crate::model::plan::{Plan, Unit};
use crate::model::presets::como_2024_grid;
use crate::text::t;

use super::csv::{add_shared_at_end, decode, detect_separator, read_records, CsvError, Separator};

pub use report::{
    AverageDisagreement, Duplicate, DuplicateChoice, Note, Occurrence, TotalMismatch,
};
use rows::{Block, Published, SharedRow};

/// The table read, with everything it disagrees with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComoTable {
    /// The year in the table's title ("PER L'ANNO 2024"), if it says one.
    pub year: Option<i32>,
    /// Area headings, in order.
    pub areas: Vec<String>,
    /// Rows that are not objectives (empty rows, text), and cells that could
    /// not be read.
    pub notes: Vec<Note>,
    /// Objectives whose published total is not the sum of their scores.
    pub total_mismatches: Vec<TotalMismatch>,
    /// How many published averages were recomputed.
    pub averages_checked: usize,
    /// The published averages that differ from the recomputed ones.
    pub disagreements: Vec<AverageDisagreement>,
    /// Settore blocks printed more than once: questions for the caller.
    pub duplicates: Vec<Duplicate>,
    blocks: Vec<Block>,
    shared: Vec<SharedRow>,
}

/// Reads the published table (tab-separated as copied; a `;` or `,` CSV
/// saved from it works too).
pub fn read(bytes: &[u8]) -> Result<ComoTable, CsvError> {
    let (text, _) = decode(bytes)?;
    let grid = como_2024_grid();
    // The separator the first lines suggest; failing that, the others: the
    // whole published document has pages of prose, full of commas, before
    // its tab-separated table.
    let detected = detect_separator(&text);
    let mut parsed = None;
    for separator in [
        detected,
        Separator::Tab,
        Separator::Semicolon,
        Separator::Comma,
    ] {
        let found = rows::parse(&read_records(&text, separator)?, &grid);
        if !found.blocks.is_empty() || !found.shared.is_empty() {
            parsed = Some(found);
            break;
        }
    }
    let Some(parsed) = parsed else {
        return Err(CsvError::new(t().io.como_no_table));
    };
    let mut table = ComoTable {
        year: parsed.year,
        total_mismatches: report::total_mismatches(&parsed.blocks, &parsed.shared),
        averages_checked: parsed.blocks.iter().filter(|b| b.average.is_some()).count(),
        disagreements: report::disagreements(&parsed.blocks),
        duplicates: report::duplicates(&parsed.blocks, &parsed.areas),
        areas: parsed.areas,
        notes: parsed.notes,
        blocks: parsed.blocks,
        shared: parsed.shared,
    };
    table
        .notes
        .extend(report::unknown_shared_units(&table.blocks, &table.shared));
    crate::model::sort::sort_by_key(&mut table.notes, |n| n.line);
    Ok(table)
}

impl ComoTable {
    /// The distinct settori of the table (a duplicate block counted once).
    pub fn settori(&self) -> usize {
        self.blocks.len() - self.duplicates.len()
    }

    /// The objectives of the settori (every block counted) and the shared ones.
    pub fn objective_counts(&self) -> (usize, usize) {
        (
            self.blocks.iter().map(|b| b.objectives.len()).sum(),
            self.shared.len(),
        )
    }

    /// The plan on the Como grid, with `choices[i]` answering
    /// `duplicates[i]`. A question left unanswered keeps both blocks, so
    /// that nothing published is dropped unasked. The plan's year is the
    /// table's, or 0 when the table gives none (the caller then asks).
    pub fn plan(&self, choices: &[DuplicateChoice]) -> Plan {
        let mut skip = vec![false; self.blocks.len()];
        for (i, duplicate) in self.duplicates.iter().enumerate() {
            match choices.get(i).copied().unwrap_or(DuplicateChoice::KeepBoth) {
                DuplicateChoice::KeepFirst => skip[duplicate.second_block] = true,
                DuplicateChoice::KeepSecond => skip[duplicate.first_block] = true,
                DuplicateChoice::KeepBoth => {}
            }
        }
        let levels = vec!["Area".to_string(), "Settore".to_string()];
        let mut plan = Plan::empty(
            "Comune di Como",
            self.year.unwrap_or_default(),
            levels,
            como_2024_grid(),
        );
        plan.units.clear();
        for (i, name) in self.areas.iter().enumerate() {
            plan.units.push(Unit {
                id: format!("a{}", i + 1),
                name: name.clone(),
                level: 0,
                parent: None,
            });
        }
        let mut taken: HashSet<String> = plan.units.iter().map(|u| u.id.clone()).collect();
        let unit_of_block: Vec<Option<String>> = self
            .blocks
            .iter()
            .zip(&skip)
            .map(|(block, &skipped)| {
                (!skipped).then(|| {
                    let id = fresh(&mut taken, &settore_id(block));
                    let parent = block.area.map(|a| format!("a{}", a + 1));
                    plan.units.push(Unit {
                        id: id.clone(),
                        name: block.name.clone(),
                        level: 1,
                        parent,
                    });
                    id
                })
            })
            .collect();
        for (block, unit) in self.blocks.iter().zip(&unit_of_block) {
            let Some(unit) = unit else { continue };
            for objective in &block.objectives {
                let id = plan.add_objective(unit);
                fill(&mut plan, &id, objective);
            }
        }
        for shared in &self.shared {
            let units: Vec<String> = shared
                .units
                .iter()
                .filter_map(|token| {
                    rows::blocks_named(&self.blocks, token)
                        .into_iter()
                        .find_map(|b| unit_of_block[b].clone())
                })
                .fold(Vec::new(), |mut units, id| {
                    if !units.contains(&id) {
                        units.push(id);
                    }
                    units
                });
            if let Some(id) = add_shared_at_end(&mut plan, &units) {
                fill(&mut plan, &id, &shared.objective);
            }
        }
        plan
    }
}

fn fill(plan: &mut Plan, id: &str, objective: &Published) {
    plan.set_title(id, &objective.title);
    plan.set_description(id, objective.description.as_deref().unwrap_or(""));
    for (c, score) in objective.scores.iter().enumerate() {
        plan.set_score(id, c, *score);
    }
}

/// "s3" for "SETTORE 3: …", else a key made of the name.
fn settore_id(block: &Block) -> String {
    match block.number {
        Some(n) => format!("s{n}"),
        None => {
            let name = slug(&block.name);
            let name = name.strip_prefix("settore-").unwrap_or(&name);
            if name.is_empty() {
                "settore".into()
            } else {
                name.to_string()
            }
        }
    }
}

/// `base`, or `base-2`, `base-3`… if taken.
fn fresh(taken: &mut HashSet<String>, base: &str) -> String {
    let mut id = base.to_string();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}
