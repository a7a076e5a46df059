//! The arithmetic the Nucleo signs, defined once.
//!
//! - An objective's **points** are the sum of its scores, only when every
//!   criterion is scored; an incomplete objective has no points and is left
//!   out of every weight and average (it is reported by validation instead).
//! - Its **relative weight** is its share of its unit's total points, in
//!   percent to hundredths, apportioned by largest remainder so that the
//!   weights of a unit's complete objectives sum to exactly 100,00.
//! - A unit's **average** is the simple mean of its complete objectives'
//!   points (Como's rule); an empty row never counts. Computed exactly and
//!   rounded once, half-up, to two decimals.
//! - An area's (any unit with sub-units) and the ente's average is the simple
//!   mean over every complete objective in it, pooled; min and max likewise.

use super::decimal::Dec;
use super::plan::Plan;

/// Count, sum, mean and range of the points of a set of objectives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Objectives in the set, scored or not.
    pub objectives: usize,
    /// Objectives with every score given: the ones counted.
    pub complete: usize,
    /// Sum of the complete objectives' points (exact).
    pub total: Dec,
    /// Mean of the complete objectives' points, half-up to two decimals.
    pub average: Option<Dec>,
    pub min: Option<Dec>,
    pub max: Option<Dec>,
}

impl Stats {
    fn add(&mut self, points: Option<Dec>) {
        self.objectives += 1;
        if let Some(p) = points {
            self.complete += 1;
            self.total = self.total + p;
            self.min = Some(self.min.map_or(p, |m| m.min(p)));
            self.max = Some(self.max.map_or(p, |m| m.max(p)));
        }
    }

    fn merge(&mut self, other: &Stats) {
        self.objectives += other.objectives;
        self.complete += other.complete;
        self.total = self.total + other.total;
        for v in [other.min, other.max].into_iter().flatten() {
            self.min = Some(self.min.map_or(v, |m| m.min(v)));
            self.max = Some(self.max.map_or(v, |m| m.max(v)));
        }
    }

    fn finish(&mut self) {
        self.average = mean(self.total, self.complete);
    }
}

/// What the computation gives for one objective.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectiveResult {
    /// Sum of the scores; `None` while a score is missing.
    pub points: Option<Dec>,
    /// Share of the unit's total points in percent, to hundredths.
    pub weight: Option<Dec>,
}

/// What the computation gives for one unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitResult {
    /// The unit's own objectives.
    pub own: Stats,
    /// The unit's objectives and those of every unit below it.
    pub subtree: Stats,
}

/// Every computed number of a plan, aligned with `plan.objectives` and `plan.units`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub objectives: Vec<ObjectiveResult>,
    pub units: Vec<UnitResult>,
    pub ente: Stats,
}

/// The simple mean `total / count`, half-up to two decimals.
pub fn mean(total: Dec, count: usize) -> Option<Dec> {
    Dec::ratio(total.raw() as i128, count as i128 * Dec::SCALE as i128, 2)
}

/// An objective's points: the sum of its scores, or `None` if one is missing.
pub fn points(scores: &[Option<Dec>]) -> Option<Dec> {
    scores.iter().try_fold(Dec::ZERO, |sum, s| s.and_then(|s| sum.checked_add(s)))
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

/// Computes every number of the plan.
pub fn compute(plan: &Plan) -> Results {
    let mut objectives: Vec<ObjectiveResult> = plan
        .objectives
        .iter()
        .map(|o| ObjectiveResult { points: points(&o.scores), weight: None })
        .collect();

    let index: std::collections::HashMap<&str, usize> =
        plan.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
    let mut units = vec![UnitResult::default(); plan.units.len()];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); plan.units.len()];
    let mut ente = Stats::default();
    for (i, o) in plan.objectives.iter().enumerate() {
        ente.add(objectives[i].points);
        if let Some(&u) = index.get(o.unit.as_str()) {
            units[u].own.add(objectives[i].points);
            members[u].push(i);
        }
    }
    ente.finish();

    for (u, list) in members.iter().enumerate() {
        let complete: Vec<usize> = list.iter().copied().filter(|&i| objectives[i].points.is_some()).collect();
        let parts: Vec<Dec> = complete.iter().map(|&i| objectives[i].points.unwrap_or_default()).collect();
        if let Some(weights) = relative_weights(&parts) {
            for (&i, w) in complete.iter().zip(weights) {
                objectives[i].weight = Some(w);
            }
        }
        units[u].own.finish();
    }

    // Subtree stats: children after parents in tree order, so fold in reverse.
    let order = plan.units_in_tree_order();
    for (_, unit) in &order {
        let u = index[unit.id.as_str()];
        units[u].subtree = units[u].own.clone();
    }
    for (_, unit) in order.iter().rev() {
        let u = index[unit.id.as_str()];
        units[u].subtree.finish();
        if let Some(&p) = unit.parent.as_deref().and_then(|p| index.get(p)) {
            if p != u && !is_descendant(plan, &index, p, u) {
                let child = units[u].subtree.clone();
                units[p].subtree.merge(&child);
            }
        }
    }

    Results { objectives, units, ente }
}

/// Whether unit `candidate` lies below unit `ancestor` (guards against cycles
/// in hand-edited files).
fn is_descendant(
    plan: &Plan,
    index: &std::collections::HashMap<&str, usize>,
    candidate: usize,
    ancestor: usize,
) -> bool {
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
