//! What the published table says that Pesatura does not: totals that are
//! not the sum of their scores, averages that do not recompute, settori
//! printed twice. Each is reported with its line, in the interface's
//! language, for the Nucleo to see.

use std::fmt;

use crate::model::compute::{mean, points};
use crate::model::decimal::Dec;
use crate::text::{fill, number, points as show_points, t};

use super::rows::{blocks_named, Block, Published, SharedRow};

/// A row that is not an objective, or a cell that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fill(
            t().io.como_note,
            &[("line", &self.line), ("message", &self.message)],
        ))
    }
}

/// An objective whose published total is not the sum of its scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalMismatch {
    pub line: usize,
    pub title: String,
    pub published: Dec,
    /// `None` when a score is missing.
    pub sum: Option<Dec>,
}

impl fmt::Display for TotalMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().io;
        let sum = self
            .sum
            .map_or_else(|| texts.como_sum_incomplete.to_string(), show_points);
        f.write_str(&fill(
            texts.como_total_mismatch,
            &[
                ("line", &self.line),
                ("title", &self.title),
                ("published", &show_points(self.published)),
                ("sum", &sum),
            ],
        ))
    }
}

/// A settore average as published that Pesatura recomputes differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AverageDisagreement {
    pub unit: String,
    /// Line of the average row.
    pub line: usize,
    pub published: Dec,
    pub recomputed: Dec,
    /// Lines of the block's rows with a total and nothing else.
    pub empty_rows: Vec<usize>,
    /// Whether counting those rows gives the published figure.
    pub explained_by_empty_rows: bool,
}

impl fmt::Display for AverageDisagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().io;
        f.write_str(&fill(
            texts.como_average_disagreement,
            &[
                ("unit", &self.unit),
                ("published", &number(self.published, 2)),
                ("recomputed", &number(self.recomputed, 2)),
                ("line", &self.line),
            ],
        ))?;
        if self.explained_by_empty_rows {
            let lines: Vec<String> = self.empty_rows.iter().map(usize::to_string).collect();
            write!(
                f,
                " {}",
                fill(
                    texts.como_average_empty_rows,
                    &[("lines", &lines.join(", "))]
                )
            )?;
        }
        Ok(())
    }
}

/// Where a settore block is printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub line: usize,
    pub name: String,
    /// The area heading it is under.
    pub area: Option<String>,
}

/// A settore printed twice: a question for the caller, answered with a
/// [`DuplicateChoice`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub first: Occurrence,
    pub second: Occurrence,
    /// Whether both blocks list the same objectives with the same scores.
    pub same_objectives: bool,
    pub(super) first_block: usize,
    pub(super) second_block: usize,
}

impl fmt::Display for Duplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = &t().io;
        let place = |o: &Occurrence| match &o.area {
            Some(area) => fill(texts.como_place_area, &[("area", area), ("line", &o.line)]),
            None => fill(texts.como_place_outside, &[("line", &o.line)]),
        };
        let template = if self.same_objectives {
            texts.como_duplicate_same
        } else {
            texts.como_duplicate_different
        };
        f.write_str(&fill(
            template,
            &[
                ("name", &self.first.name),
                ("first", &place(&self.first)),
                ("second", &place(&self.second)),
            ],
        ))
    }
}

/// The answer to a [`Duplicate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateChoice {
    /// Keep the block printed first, drop the other.
    KeepFirst,
    /// Keep the block printed second, drop the first.
    KeepSecond,
    /// Keep both, as two settori.
    KeepBoth,
}

impl DuplicateChoice {
    pub const ALL: [DuplicateChoice; 3] = [
        DuplicateChoice::KeepFirst,
        DuplicateChoice::KeepSecond,
        DuplicateChoice::KeepBoth,
    ];

    /// The answer's label in the interface's language.
    pub fn label(self) -> &'static str {
        let texts = &t().io;
        match self {
            DuplicateChoice::KeepFirst => texts.como_keep_first,
            DuplicateChoice::KeepSecond => texts.como_keep_second,
            DuplicateChoice::KeepBoth => texts.como_keep_both,
        }
    }
}

pub fn total_mismatches(blocks: &[Block], shared: &[SharedRow]) -> Vec<TotalMismatch> {
    blocks
        .iter()
        .flat_map(|b| &b.objectives)
        .chain(shared.iter().map(|s| &s.objective))
        .filter_map(|o| {
            let published = o.total?;
            let sum = points(&o.scores);
            (sum != Some(published)).then(|| TotalMismatch {
                line: o.line,
                title: o.title.clone(),
                published,
                sum,
            })
        })
        .collect()
}

/// Recomputes each block's average as Pesatura does (simple mean of the
/// complete objectives, half-up to hundredths) and keeps those that differ.
pub fn disagreements(blocks: &[Block]) -> Vec<AverageDisagreement> {
    blocks
        .iter()
        .filter_map(|block| {
            let (line, published) = block.average?;
            let totals: Vec<Dec> = block
                .objectives
                .iter()
                .filter_map(|o| points(&o.scores))
                .collect();
            let sum: Dec = totals.iter().copied().sum();
            let recomputed = mean(sum, totals.len())?;
            if recomputed == published {
                return None;
            }
            let with_empty_rows = mean(
                sum + block.empty_rows.iter().map(|(_, v)| *v).sum::<Dec>(),
                totals.len() + block.empty_rows.len(),
            );
            Some(AverageDisagreement {
                unit: block.name.clone(),
                line,
                published,
                recomputed,
                empty_rows: block.empty_rows.iter().map(|(l, _)| *l).collect(),
                explained_by_empty_rows: !block.empty_rows.is_empty()
                    && with_empty_rows == Some(published),
            })
        })
        .collect()
}

/// Blocks naming a settore already printed (same number, or the same name
/// once folded), each paired with the first.
pub fn duplicates(blocks: &[Block], areas: &[String]) -> Vec<Duplicate> {
    let occurrence = |b: &Block| Occurrence {
        line: b.line,
        name: b.name.clone(),
        area: b.area.and_then(|a| areas.get(a)).cloned(),
    };
    let same_settore = |a: &Block, b: &Block| match (a.number, b.number) {
        (Some(x), Some(y)) => x == y,
        (None, None) => crate::io::csv::fold(&a.name) == crate::io::csv::fold(&b.name),
        _ => false,
    };
    let mut out = Vec::new();
    for (second, block) in blocks.iter().enumerate() {
        if let Some(first) = blocks[..second]
            .iter()
            .position(|earlier| same_settore(earlier, block))
        {
            out.push(Duplicate {
                first: occurrence(&blocks[first]),
                second: occurrence(block),
                same_objectives: same_objectives(&blocks[first].objectives, &block.objectives),
                first_block: first,
                second_block: second,
            });
        }
    }
    out
}

fn same_objectives(a: &[Published], b: &[Published]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.title == y.title && x.scores == y.scores)
}

/// Notes for the settori an intersectoral title names that the table lacks.
pub fn unknown_shared_units(blocks: &[Block], shared: &[SharedRow]) -> Vec<Note> {
    shared
        .iter()
        .flat_map(|s| {
            s.units
                .iter()
                .filter(|t| blocks_named(blocks, t).is_empty())
                .map(move |token| Note {
                    line: s.objective.line,
                    message: fill(
                        t().io.como_shared_unit_unknown,
                        &[("token", &token.to_uppercase())],
                    ),
                })
        })
        .collect()
}
