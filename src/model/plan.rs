//! The plan a dirigente edits and the Nucleo checks: an ente with its
//! organisational units, a criteria grid, and the objectives scored on it.
//!
//! The hierarchy's level names are data (Como: Area → Settore; Livorno:
//! Dipartimento → Settore → Ufficio), so nothing here knows what a "settore"
//! is. A missing score is `None`, never zero: an objective not yet scored is
//! reported, not weighed as if it were worth nothing.

use std::collections::{HashMap, HashSet};

use super::decimal::Dec;

/// The administration adopting the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ente {
    pub name: String,
    pub year: i32,
    /// Names of the hierarchy's levels, from the top: `["Area", "Settore"]`.
    pub levels: Vec<String>,
}

/// An organisational unit: an area, a settore, a direzione, an ufficio…
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// Index into [`Ente::levels`].
    pub level: usize,
    /// The unit it belongs to; `None` at the top (Como's areas, and settori
    /// outside any area such as Polizia Locale).
    pub parent: Option<String>,
}

/// One weighting criterion with its admitted points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Stable key used in files (`complessita`).
    pub id: String,
    /// Full name as the SMVP writes it.
    pub name: String,
    /// Short label for table headers.
    pub short: String,
    pub min: Dec,
    pub max: Dec,
    /// Admitted increment: 1 for whole points.
    pub step: Dec,
}

/// The criteria every objective is scored on; its weight is their sum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub name: String,
    pub criteria: Vec<Criterion>,
}

/// An objective assigned to a unit, with one optional score per criterion
/// (aligned with [`Grid::criteria`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Objective {
    pub id: String,
    pub unit: String,
    pub title: String,
    pub description: Option<String>,
    pub scores: Vec<Option<Dec>>,
}

/// Everything a file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub ente: Ente,
    pub grid: Grid,
    pub units: Vec<Unit>,
    /// In display order; a unit's objectives are those naming it, in this order.
    pub objectives: Vec<Objective>,
}

impl Criterion {
    /// A criterion scored in whole points from `min` to `max`.
    pub fn integer(id: &str, name: &str, short: &str, min: i64, max: i64) -> Criterion {
        Criterion {
            id: id.into(),
            name: name.into(),
            short: short.into(),
            min: Dec::from_int(min),
            max: Dec::from_int(max),
            step: Dec::from_int(1),
        }
    }
}

impl Grid {
    /// Highest possible weight: the sum of every criterion's maximum.
    pub fn max_points(&self) -> Dec {
        self.criteria.iter().map(|c| c.max).sum()
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }
}

impl Plan {
    /// An empty plan on the given grid, with one top-level unit per level
    /// chain so that the user can start typing objectives at once.
    pub fn empty(name: &str, year: i32, levels: Vec<String>, grid: Grid) -> Plan {
        let bottom = levels.len().saturating_sub(1);
        let first_name = format!("{} 1", levels.last().map(String::as_str).unwrap_or("Unità"));
        Plan {
            ente: Ente { name: name.into(), year, levels },
            grid,
            units: vec![Unit { id: "u1".into(), name: first_name, level: bottom, parent: None }],
            objectives: Vec::new(),
        }
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id == id)
    }

    pub fn objective_index(&self, id: &str) -> Option<usize> {
        self.objectives.iter().position(|o| o.id == id)
    }

    /// Indices of the objectives of one unit, in display order.
    pub fn objectives_of<'a>(&'a self, unit_id: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.objectives
            .iter()
            .enumerate()
            .filter(move |(_, o)| o.unit == unit_id)
            .map(|(i, _)| i)
    }

    /// Direct children of a unit (`None`: the top-level units), in order.
    pub fn children_of<'a>(&'a self, parent: Option<&'a str>) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units.iter().filter(move |u| u.parent.as_deref() == parent)
    }

    /// Units in tree order (parents before their children), each with its depth.
    pub fn units_in_tree_order(&self) -> Vec<(usize, &Unit)> {
        let mut children: HashMap<Option<&str>, Vec<&Unit>> = HashMap::new();
        for unit in &self.units {
            children.entry(unit.parent.as_deref()).or_default().push(unit);
        }
        let mut seen: HashSet<&str> = HashSet::with_capacity(self.units.len());
        let mut out = Vec::with_capacity(self.units.len());
        // Depth-first, children in file order; the stack holds (depth, unit).
        let mut stack: Vec<(usize, &Unit)> =
            children.get(&None).map(|top| top.iter().rev().map(|u| (0, *u)).collect()).unwrap_or_default();
        loop {
            while let Some((depth, unit)) = stack.pop() {
                if !seen.insert(unit.id.as_str()) {
                    continue; // a cycle or a duplicate id in a hand-edited file; validation reports it
                }
                out.push((depth, unit));
                if let Some(kids) = children.get(&Some(unit.id.as_str())) {
                    stack.extend(kids.iter().rev().map(|k| (depth + 1, *k)));
                }
            }
            // Units whose parent is unknown (or in a cycle) still appear, at the top level.
            match self.units.iter().find(|u| !seen.contains(u.id.as_str())) {
                Some(orphan) => stack.push((0, orphan)),
                None => break,
            }
        }
        out
    }

    /// Label of a unit's level ("Settore"), or "Unità" when out of range.
    pub fn level_label(&self, unit: &Unit) -> &str {
        self.ente.levels.get(unit.level).map(String::as_str).unwrap_or("Unità")
    }
}
