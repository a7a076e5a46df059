//! The plan a dirigente edits and the Nucleo checks: an ente with its
//! organisational units, a criteria grid, and the objectives scored on it.
//!
//! The hierarchy's level names are data (Como: Area → Settore; Livorno:
//! Dipartimento → Settore → Ufficio), so nothing here knows what a "settore"
//! is. A missing score is `None`, never zero: an objective not yet scored is
//! reported, not weighed as if it were worth nothing.

use std::collections::{HashMap, HashSet};

use super::achievement::{Achievement, Bands};
use super::compute::IdTable;
use super::decimal::Dec;
use super::review::{ObjectiveReview, ReviewEvent};

/// The administration adopting the plan.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ente {
    pub name: String,
    pub year: i32,
    /// Names of the hierarchy's levels, from the top: `["Area", "Settore"]`.
    pub levels: Vec<String>,
}

/// An organisational unit: an area, a settore, a direzione, an ufficio…
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// Index into [`Ente::levels`].
    pub level: usize,
    /// The unit it belongs to; `None` at the top (Como's areas, and settori
    /// outside any area such as Polizia Locale).
    pub parent: Option<String>,
}

/// A named level of a level scale (Bassa / Media / Alta), worth fixed points.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Level {
    pub name: String,
    pub points: Dec,
}

/// How a criterion is scored.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    /// Points from `min` to `max` in increments of `step` (Como: 0–10, step 1).
    Range { min: Dec, max: Dec, step: Dec },
    /// One of a list of named levels, each worth fixed points.
    Levels(Vec<Level>),
}

/// One weighting criterion.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Criterion {
    /// Stable key used in files (`complessita`).
    pub id: String,
    /// Full name as the SMVP writes it.
    pub name: String,
    /// Short label for table headers.
    pub short: String,
    pub scale: Scale,
}

/// How an objective's weight is formed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    /// Scored on the grid's criteria; weight = sum of scores, times the
    /// objective type's factor when the grid has types.
    #[default]
    Criteria,
    /// The dirigente assigns each objective a percentage directly; each
    /// unit's percentages must sum to 100. Prerequisite objectives ("X")
    /// carry no percentage.
    Direct,
}

/// How a unit's average is taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AverageRule {
    /// Simple mean of the objectives' weights (Como).
    #[default]
    Simple,
    /// Each objective's weight counted as many times as its points:
    /// Σ peso² / Σ peso.
    PointsWeighted,
}

/// Where an objective shared by several units (intersectoral) counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SharedRule {
    /// In a table of its own, outside every unit's average and shares (Como's
    /// "Obiettivi comuni a più settori").
    #[default]
    Separate,
    /// In each of its units, in the average and in the shares.
    EachUnit,
}

/// A type of objective (Mantenimento, Sviluppo…) whose factor multiplies
/// the sum of the criteria.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ObjectiveType {
    pub id: String,
    pub name: String,
    pub factor: Dec,
}

/// The rules an ente's SMVP sets for weighing objectives.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Grid {
    pub name: String,
    pub method: Method,
    pub criteria: Vec<Criterion>,
    /// Empty when the method uses no objective types.
    pub types: Vec<ObjectiveType>,
    pub average: AverageRule,
    pub shared: SharedRule,
    /// How many objectives each unit that holds objectives should have (Como: 3
    /// per settore); an empty unit of the lowest level should have them too.
    pub expected_objectives: Option<usize>,
    /// Bands that turn an achievement into what counts (below → 0, above → 100).
    pub bands: Option<Bands>,
}

/// A directly assigned weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DirectWeight {
    Percent(Dec),
    /// A prerequisite objective ("X"): required, excluded from the sum.
    Prerequisite,
}

/// An objective assigned to a unit (and, when shared, to others too), with
/// one optional score per criterion (aligned with [`Grid::criteria`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Objective {
    pub id: String,
    /// The unit it belongs to (the lead unit when shared).
    pub unit: String,
    /// The other units of a shared (intersectoral) objective.
    pub also: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    pub scores: Vec<Option<Dec>>,
    /// Id of its [`ObjectiveType`], when the grid has types.
    pub kind: Option<String>,
    /// Its weight, when the grid's method is [`Method::Direct`].
    pub direct: Option<DirectWeight>,
    /// The Nucleo's review of it.
    pub review: ObjectiveReview,
    /// Its degree of achievement, at year end.
    pub achievement: Option<Achievement>,
}

/// One indicator of an organisational objective, with its target.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Indicator {
    pub name: String,
    pub target: String,
}

/// An ente-wide organisational performance objective (Como 3.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OrgObjective {
    pub id: String,
    pub title: String,
    pub indicators: Vec<Indicator>,
    /// Its degree of achievement, at year end.
    pub achievement: Option<Achievement>,
}

/// An objective without scores, such as the Segretario generale's (Como 3.3).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PlainObjective {
    pub id: String,
    pub title: String,
}

/// Everything a file holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Plan {
    pub ente: Ente,
    pub grid: Grid,
    pub units: Vec<Unit>,
    /// In display order; a unit's objectives are those naming it, in this order.
    pub objectives: Vec<Objective>,
    pub organisational: Vec<OrgObjective>,
    pub secretary: Vec<PlainObjective>,
    /// Every review decision, oldest first.
    pub review_log: Vec<ReviewEvent>,
}

impl Criterion {
    /// A criterion scored in whole points from `min` to `max`.
    pub fn integer(id: &str, name: &str, short: &str, min: i64, max: i64) -> Criterion {
        Criterion {
            id: id.into(),
            name: name.into(),
            short: short.into(),
            scale: Scale::Range {
                min: Dec::from_int(min),
                max: Dec::from_int(max),
                step: Dec::from_int(1),
            },
        }
    }

    /// A criterion scored by picking one of `levels` (name, points).
    pub fn levels(id: &str, name: &str, short: &str, levels: &[(&str, Dec)]) -> Criterion {
        Criterion {
            id: id.into(),
            name: name.into(),
            short: short.into(),
            scale: Scale::Levels(
                levels
                    .iter()
                    .map(|(n, p)| Level {
                        name: (*n).into(),
                        points: *p,
                    })
                    .collect(),
            ),
        }
    }

    /// Lowest admitted points.
    pub fn min(&self) -> Dec {
        match &self.scale {
            Scale::Range { min, .. } => *min,
            Scale::Levels(levels) => levels.iter().map(|l| l.points).min().unwrap_or_default(),
        }
    }

    /// Highest admitted points.
    pub fn max(&self) -> Dec {
        match &self.scale {
            Scale::Range { max, .. } => *max,
            Scale::Levels(levels) => levels.iter().map(|l| l.points).max().unwrap_or_default(),
        }
    }

    /// Whether the criterion admits `score`: within its range and on its
    /// steps, or one of its levels' points. Validation says why not.
    pub fn admits(&self, score: Dec) -> bool {
        match &self.scale {
            Scale::Range { min, max, step } => {
                *min <= score
                    && score <= *max
                    && score
                        .checked_sub(*min)
                        .is_some_and(|offset| offset.is_multiple_of(*step))
            }
            Scale::Levels(levels) => levels.iter().any(|l| l.points == score),
        }
    }

    /// The level worth `points`, on a level scale.
    pub fn level_of(&self, points: Dec) -> Option<&Level> {
        match &self.scale {
            Scale::Levels(levels) => levels.iter().find(|l| l.points == points),
            Scale::Range { .. } => None,
        }
    }
}

impl Grid {
    /// Highest possible sum of the criteria (before any type factor).
    pub fn max_points(&self) -> Dec {
        self.criteria.iter().map(Criterion::max).sum()
    }

    pub fn objective_type(&self, id: &str) -> Option<&ObjectiveType> {
        self.types.iter().find(|t| t.id == id)
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }
}

impl Objective {
    /// An objective with no title and no scores, in `unit`.
    pub fn empty(id: String, unit: String, criteria: usize) -> Objective {
        Objective {
            id,
            unit,
            also: Vec::new(),
            title: String::new(),
            description: None,
            scores: vec![None; criteria],
            kind: None,
            direct: None,
            review: ObjectiveReview::default(),
            achievement: None,
        }
    }

    /// Whether it belongs to more than one unit.
    pub fn is_shared(&self) -> bool {
        self.also.iter().any(|u| *u != self.unit)
    }
}

impl Plan {
    /// An empty plan on the given grid, with one top-level unit per level
    /// chain so that the user can start typing objectives at once.
    pub fn empty(name: &str, year: i32, levels: Vec<String>, grid: Grid) -> Plan {
        let bottom = levels.len().saturating_sub(1);
        let first_name = format!("{} 1", levels.last().map(String::as_str).unwrap_or("Unità"));
        Plan {
            ente: Ente {
                name: name.into(),
                year,
                levels,
            },
            grid,
            units: vec![Unit {
                id: "u1".into(),
                name: first_name,
                level: bottom,
                parent: None,
            }],
            objectives: Vec::new(),
            organisational: Vec::new(),
            secretary: Vec::new(),
            review_log: Vec::new(),
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

    /// Indices of the objectives led by one unit, in display order.
    pub fn objectives_of<'a>(&'a self, unit_id: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.objectives
            .iter()
            .enumerate()
            .filter(move |(_, o)| o.unit == unit_id)
            .map(|(i, _)| i)
    }

    /// Indices of the objectives a unit's table shows and its numbers count:
    /// its own, plus shared objectives it takes part in under
    /// [`SharedRule::EachUnit`]. Under [`SharedRule::Separate`] shared
    /// objectives are in no unit's table.
    pub fn members_of(&self, unit_id: &str) -> Vec<usize> {
        let each = self.grid.shared == SharedRule::EachUnit;
        self.objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                if o.is_shared() {
                    each && (o.unit == unit_id || o.also.iter().any(|u| u == unit_id))
                } else {
                    o.unit == unit_id
                }
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Indices of the shared objectives, in display order.
    pub fn shared_objectives(&self) -> Vec<usize> {
        self.objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| o.is_shared())
            .map(|(i, _)| i)
            .collect()
    }

    /// Direct children of a unit (`None`: the top-level units), in order.
    pub fn children_of<'a>(
        &'a self,
        parent: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units
            .iter()
            .filter(move |u| u.parent.as_deref() == parent)
    }

    /// Units in tree order (parents before their children), each with its depth.
    pub fn units_in_tree_order(&self) -> Vec<(usize, &Unit)> {
        let mut children: HashMap<Option<&str>, Vec<&Unit>> = HashMap::new();
        for unit in &self.units {
            children
                .entry(unit.parent.as_deref())
                .or_default()
                .push(unit);
        }
        let mut seen: HashSet<&str> = HashSet::with_capacity(self.units.len());
        let mut out = Vec::with_capacity(self.units.len());
        // Depth-first, children in file order; the stack holds (depth, unit).
        let mut stack: Vec<(usize, &Unit)> = children
            .get(&None)
            .map(|top| top.iter().rev().map(|u| (0, *u)).collect())
            .unwrap_or_default();
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

    /// [`Plan::units_in_tree_order`] by position: each unit's depth and its
    /// index in `units`.
    pub fn tree_order_indices(&self) -> Vec<(usize, usize)> {
        let units = IdTable::units(self);
        self.units_in_tree_order()
            .into_iter()
            .filter_map(|(depth, u)| units.unit(self, &u.id).map(|i| (depth, i)))
            .collect()
    }

    /// How many objectives each unit leads, by index in `units`; objectives
    /// of an unknown unit count nowhere.
    pub fn objectives_led(&self) -> Vec<usize> {
        let units = IdTable::units(self);
        let mut led = vec![0; self.units.len()];
        for o in &self.objectives {
            if let Some(u) = units.unit(self, &o.unit) {
                led[u] += 1;
            }
        }
        led
    }

    /// How to name a unit in a sentence: "Settore Tributi", or just its name
    /// when the name already says its level ("SETTORE 1: AFFARI GENERALI").
    pub fn unit_label(&self, unit: &Unit) -> String {
        let level = self.level_label(unit);
        if unit.name.trim().is_empty() {
            format!("{level} {}", crate::text::t().model.unit_unnamed)
        } else if unit.name.to_lowercase().starts_with(&level.to_lowercase()) {
            unit.name.clone()
        } else {
            format!("{level} {}", unit.name)
        }
    }

    /// Label of a unit's level ("Settore"), or "Unità" (in the interface's
    /// language) when out of range.
    pub fn level_label(&self, unit: &Unit) -> &str {
        self.ente
            .levels
            .get(unit.level)
            .map(String::as_str)
            .unwrap_or(crate::text::t().model.level_unknown)
    }
}
