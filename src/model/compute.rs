//! The arithmetic the Nucleo signs, defined once.
//!
//! - An objective's **weight** (its points):
//!   - with the criteria method, the sum of its scores, only when every
//!     criterion is scored, times its type's factor when the grid has
//!     objective types (rounded half-up to four decimals);
//!   - with the direct method, the percentage the dirigente assigned;
//!     a prerequisite objective ("X") has none and counts nowhere.
//!   An objective without a weight is left out of every share and average,
//!   and reported by validation, never counted as zero.
//! - Its **relative weight** is its share of its unit's total, in percent to
//!   hundredths, apportioned by largest remainder so that a unit's shares sum
//!   to exactly 100,00.
//! - A unit's **average** follows the grid's rule: the simple mean of its
//!   objectives' weights (Como), or the points-weighted mean Σ p² / Σ p.
//!   Computed exactly and rounded once, half-up, to two decimals.
//! - An area's (any unit with sub-units) and the ente's average apply the
//!   same rule to every objective below them, each objective counted once.
//! - Shared objectives count in each of their units, or in a table of their
//!   own, as the grid's shared rule says.

use std::collections::HashMap;

use super::decimal::{div_half_up, Dec};
use super::plan::{AverageRule, DirectWeight, Grid, Method, Objective, Plan, SharedRule};

/// Count, sum, mean and range of the weights of a set of objectives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Stats {
    /// Objectives in the set that need a weight (prerequisites excluded).
    pub objectives: usize,
    /// Those with a weight: the ones counted.
    pub complete: usize,
    /// Prerequisite objectives, which carry no weight.
    pub prerequisites: usize,
    /// Sum of the weights (exact).
    pub total: Dec,
    /// Sum of the squared weights, in ten-thousandths squared (exact).
    pub total_squares: i128,
    /// Mean of the weights by the grid's rule, half-up to two decimals.
    pub average: Option<Dec>,
    pub min: Option<Dec>,
    pub max: Option<Dec>,
}

impl Stats {
    fn add(&mut self, result: &ObjectiveResult) {
        if result.status == Status::Prerequisite {
            self.prerequisites += 1;
            return;
        }
        self.objectives += 1;
        if let Some(p) = result.points {
            self.complete += 1;
            self.total = self.total + p;
            self.total_squares += p.raw() as i128 * p.raw() as i128;
            self.min = Some(self.min.map_or(p, |m| m.min(p)));
            self.max = Some(self.max.map_or(p, |m| m.max(p)));
        }
    }

    fn finish(&mut self, rule: AverageRule) {
        self.average = match rule {
            AverageRule::Simple => mean(self.total, self.complete),
            AverageRule::PointsWeighted => weighted_mean(self.total, self.total_squares),
        };
    }

    /// Stats of the given objectives under the given rule.
    fn of(objectives: impl Iterator<Item = usize>, results: &[ObjectiveResult], rule: AverageRule) -> Stats {
        let mut stats = Stats::default();
        for i in objectives {
            stats.add(&results[i]);
        }
        stats.finish(rule);
        stats
    }
}

/// Why an objective has, or has not, a weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    #[default]
    Complete,
    /// A criterion is not scored yet.
    MissingScore,
    /// The grid has objective types and this objective has none (or an unknown one).
    MissingType,
    /// Direct method: no percentage assigned yet.
    MissingWeight,
    /// Direct method: a prerequisite ("X"), excluded from the sum.
    Prerequisite,
}

/// What the computation gives for one objective.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ObjectiveResult {
    /// Its weight (points); `None` while incomplete, and for prerequisites.
    pub points: Option<Dec>,
    /// The sum of its scores before the type factor (criteria method).
    pub sum: Option<Dec>,
    /// The factor of its type, when the grid has types.
    pub factor: Option<Dec>,
    pub status: Status,
}

/// An objective as counted in one unit's table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Member {
    /// Index into `plan.objectives`.
    pub objective: usize,
    /// Share of the unit's total in percent, to hundredths.
    pub weight: Option<Dec>,
}

/// A set of objectives counted together: a unit's, or the shared ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Group {
    pub members: Vec<Member>,
    pub stats: Stats,
}

/// What the computation gives for one unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct UnitResult {
    /// The unit's own table.
    pub own: Group,
    /// Every objective in the unit and below it, each counted once.
    pub subtree: Stats,
}

/// Every computed number of a plan, aligned with `plan.objectives` and `plan.units`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Results {
    pub objectives: Vec<ObjectiveResult>,
    pub units: Vec<UnitResult>,
    /// Shared objectives under [`SharedRule::Separate`]: their own table.
    pub shared: Group,
    /// Every objective of the plan, each counted once.
    pub ente: Stats,
}

impl UnitResult {
    /// The relative weight of an objective in this unit's table.
    pub fn weight_of(&self, objective: usize) -> Option<Dec> {
        self.own.members.iter().find(|m| m.objective == objective).and_then(|m| m.weight)
    }
}

/// The simple mean `total / count`, half-up to two decimals.
pub fn mean(total: Dec, count: usize) -> Option<Dec> {
    Dec::ratio(total.raw() as i128, count as i128 * Dec::SCALE as i128, 2)
}

/// The points-weighted mean Σ p² / Σ p, half-up to two decimals, from the
/// exact sums (`total_squares` in ten-thousandths squared).
pub fn weighted_mean(total: Dec, total_squares: i128) -> Option<Dec> {
    if total.raw() <= 0 {
        return None;
    }
    Dec::ratio(total_squares, total.raw() as i128 * Dec::SCALE as i128, 2)
}

/// The sum of a list of scores, or `None` if one is missing.
pub fn points(scores: &[Option<Dec>]) -> Option<Dec> {
    scores.iter().try_fold(Dec::ZERO, |sum, s| s.and_then(|s| sum.checked_add(s)))
}

/// `value × factor`, half-up to four decimals.
pub fn times(value: Dec, factor: Dec) -> Dec {
    Dec::from_raw(div_half_up(value.raw() as i128 * factor.raw() as i128, Dec::SCALE as i128) as i64)
}

/// Computes one objective's weight under the grid's method.
pub fn objective_result(objective: &Objective, grid: &Grid) -> ObjectiveResult {
    match grid.method {
        Method::Direct => match objective.direct {
            Some(DirectWeight::Percent(p)) => ObjectiveResult { points: Some(p), sum: None, factor: None, status: Status::Complete },
            Some(DirectWeight::Prerequisite) => ObjectiveResult { status: Status::Prerequisite, ..Default::default() },
            None => ObjectiveResult { status: Status::MissingWeight, ..Default::default() },
        },
        Method::Criteria => {
            let sum = points(&objective.scores[..objective.scores.len().min(grid.criteria.len())])
                .filter(|_| objective.scores.len() >= grid.criteria.len());
            let factor = if grid.types.is_empty() {
                Some(Dec::from_int(1))
            } else {
                objective.kind.as_deref().and_then(|k| grid.objective_type(k)).map(|t| t.factor)
            };
            let status = match (sum, factor) {
                (None, _) => Status::MissingScore,
                (Some(_), None) => Status::MissingType,
                _ => Status::Complete,
            };
            let points = sum.zip(factor).map(|(s, f)| times(s, f));
            ObjectiveResult { points, sum, factor: factor.filter(|_| !grid.types.is_empty()), status }
        }
    }
}

/// Shares of `parts` in percent to hundredths, summing to exactly 100,00 by
/// largest remainder (ties go to the earlier part). `None` when the total is
/// zero, since no share is then defined.
pub fn relative_weights(parts: &[Dec]) -> Option<Vec<Dec>> {
    let total: i128 = parts.iter().map(|p| p.raw() as i128).sum();
    if total <= 0 || parts.iter().any(|p| p.raw() < 0) {
        return None;
    }
    const HUNDREDTHS_OF_PERCENT: i128 = 10_000; // 100,00 % in hundredths
    let mut floors = Vec::with_capacity(parts.len());
    let mut remainders = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let exact = p.raw() as i128 * HUNDREDTHS_OF_PERCENT;
        floors.push(exact / total);
        remainders.push((exact % total, i));
    }
    let mut left = HUNDREDTHS_OF_PERCENT - floors.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in &remainders {
        if left == 0 {
            break;
        }
        floors[i] += 1;
        left -= 1;
    }
    // hundredths of a percent → Dec (ten-thousandths): × 100
    Some(floors.into_iter().map(|h| Dec::from_raw((h * 100) as i64)).collect())
}

/// The table of a set of objectives: each one's share, and the stats.
fn group(members: Vec<usize>, results: &[ObjectiveResult], rule: AverageRule) -> Group {
    let counted: Vec<usize> = members.iter().copied().filter(|&i| results[i].points.is_some()).collect();
    let parts: Vec<Dec> = counted.iter().map(|&i| results[i].points.unwrap_or_default()).collect();
    let shares: HashMap<usize, Dec> = relative_weights(&parts)
        .map(|w| counted.iter().copied().zip(w).collect())
        .unwrap_or_default();
    let stats = Stats::of(members.iter().copied(), results, rule);
    Group {
        members: members.into_iter().map(|objective| Member { objective, weight: shares.get(&objective).copied() }).collect(),
        stats,
    }
}

/// Computes every number of the plan.
pub fn compute(plan: &Plan) -> Results {
    let rule = plan.grid.average;
    let objectives: Vec<ObjectiveResult> = plan.objectives.iter().map(|o| objective_result(o, &plan.grid)).collect();

    let index: HashMap<&str, usize> = plan.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
    let mut member_lists: Vec<Vec<usize>> = vec![Vec::new(); plan.units.len()];
    let each = plan.grid.shared == SharedRule::EachUnit;
    let mut shared = Vec::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        if o.is_shared() && !each {
            shared.push(i);
            continue;
        }
        let mut seen_units = Vec::with_capacity(1 + o.also.len());
        for unit in std::iter::once(&o.unit).chain(o.also.iter().filter(|_| o.is_shared())) {
            if let Some(&u) = index.get(unit.as_str()) {
                if !seen_units.contains(&u) {
                    seen_units.push(u);
                    member_lists[u].push(i);
                }
            }
        }
    }

    // Subtree sets, children folded into parents (reverse tree order).
    let order = plan.units_in_tree_order();
    let mut subtree_sets: Vec<Vec<usize>> = member_lists.clone();
    for (_, unit) in order.iter().rev() {
        let u = index[unit.id.as_str()];
        subtree_sets[u].sort_unstable();
        subtree_sets[u].dedup();
        if let Some(&p) = unit.parent.as_deref().and_then(|p| index.get(p)) {
            if p != u && !is_descendant(plan, &index, p, u) {
                let child = std::mem::take(&mut subtree_sets[u]);
                subtree_sets[p].extend_from_slice(&child);
                subtree_sets[u] = child;
            }
        }
    }

    let units = member_lists
        .into_iter()
        .zip(subtree_sets)
        .map(|(members, subtree)| UnitResult {
            own: group(members, &objectives, rule),
            subtree: Stats::of(subtree.into_iter(), &objectives, rule),
        })
        .collect();
    let shared = group(shared, &objectives, rule);
    let ente = Stats::of(0..plan.objectives.len(), &objectives, rule);
    Results { objectives, units, shared, ente }
}

/// Whether unit `candidate` lies below unit `ancestor` (guards against cycles
/// in hand-edited files).
fn is_descendant(plan: &Plan, index: &HashMap<&str, usize>, candidate: usize, ancestor: usize) -> bool {
    let mut current = plan.units[candidate].parent.as_deref();
    let mut steps = 0;
    while let Some(p) = current.and_then(|p| index.get(p)) {
        if *p == ancestor {
            return true;
        }
        steps += 1;
        if steps > plan.units.len() {
            return true;
        }
        current = plan.units[*p].parent.as_deref();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;

    fn d(text: &str) -> Dec {
        parse_number(text).unwrap()
    }

    fn sum(weights: &[Dec]) -> Dec {
        weights.iter().copied().sum()
    }

    #[test]
    fn three_equal_objectives_share_100_exactly() {
        let w = relative_weights(&[d("20"), d("20"), d("20")]).unwrap();
        assert_eq!(w, vec![d("33,34"), d("33,33"), d("33,33")]);
        assert_eq!(sum(&w), Dec::HUNDRED);
    }

    #[test]
    fn uneven_shares_go_to_the_largest_remainders() {
        // 18, 18, 26 of 62: 29,032… 29,032… 41,935… → floors 29,03 29,03 41,93 (99,99)
        let w = relative_weights(&[d("18"), d("18"), d("26")]).unwrap();
        assert_eq!(w, vec![d("29,03"), d("29,03"), d("41,94")]);
        assert_eq!(sum(&w), Dec::HUNDRED);
        // seven equal parts: 14,2857… each; floors sum to 99,96, four hundredths left
        let w = relative_weights(&[d("1"); 7]).unwrap();
        assert_eq!(sum(&w), Dec::HUNDRED);
        assert_eq!(w.iter().filter(|x| **x == d("14,29")).count(), 4);
        assert_eq!(w.iter().filter(|x| **x == d("14,28")).count(), 3);
    }

    #[test]
    fn no_weights_without_points() {
        assert_eq!(relative_weights(&[]), None);
        assert_eq!(relative_weights(&[Dec::ZERO, Dec::ZERO]), None);
        assert_eq!(relative_weights(&[d("5")]), Some(vec![Dec::HUNDRED]));
    }

    #[test]
    fn points_need_every_score() {
        assert_eq!(points(&[Some(d("4")), Some(d("4,5"))]), Some(d("8,5")));
        assert_eq!(points(&[Some(d("4")), None]), None);
        assert_eq!(points(&[]), Some(Dec::ZERO));
    }

    #[test]
    fn mean_rounds_half_up() {
        assert_eq!(mean(d("62"), 3), Some(d("20,67")));
        assert_eq!(mean(d("53"), 2), Some(d("26,5")));
        assert_eq!(mean(d("53"), 0), None);
        // 0,125 exactly: half-up gives 0,13
        assert_eq!(mean(d("0,5"), 4), Some(d("0,13")));
    }
}
