//! The arithmetic the Nucleo signs, defined once.
//!
//! - An objective's **weight** (its points):
//!   - with the criteria method, the sum of its scores, only when every
//!     criterion is scored, times its type's factor when the grid has
//!     objective types (rounded half-up to four decimals);
//!   - with the direct method, the percentage the dirigente assigned;
//!     a prerequisite objective ("X") has none and counts nowhere.
//!
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
//!
//! After an edit of one objective, [`refresh_objective`] gives the same
//! numbers as [`compute`] by working out again only the tables that objective
//! counts in and the subtrees above them (with the same arithmetic: sums
//! updated exactly, shares and averages recomputed and rounded as above).

use std::rc::Rc;

use super::decimal::{div_half_up, Dec};
use super::plan::{AverageRule, DirectWeight, Grid, Method, Objective, Plan, SharedRule};
use super::validate::title_hash;

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
    /// Every objective in the set, prerequisites included: what a count of
    /// the set's objectives shows.
    pub fn all(&self) -> usize {
        self.objectives + self.prerequisites
    }

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

    /// The same stats with one objective's result `old` replaced by `new`, in
    /// constant time; `false` (and the stats left to recompute) when the
    /// minimum or the maximum left with `old` and only a rescan can tell
    /// which one is next.
    fn replace(&mut self, old: &ObjectiveResult, new: &ObjectiveResult, rule: AverageRule) -> bool {
        let mut gone = None;
        if old.status == Status::Prerequisite {
            self.prerequisites -= 1;
        } else {
            self.objectives -= 1;
            if let Some(p) = old.points {
                self.complete -= 1;
                self.total = Dec::from_raw(self.total.raw().wrapping_sub(p.raw()));
                self.total_squares = self
                    .total_squares
                    .wrapping_sub(p.raw() as i128 * p.raw() as i128);
                gone = Some(p);
            }
        }
        // Whether the minimum (the maximum) was `old`'s and is not known any more.
        let mut min_lost = gone.is_some() && gone == self.min;
        let mut max_lost = gone.is_some() && gone == self.max;
        if new.status == Status::Prerequisite {
            self.prerequisites += 1;
        } else {
            self.objectives += 1;
            if let Some(q) = new.points {
                self.complete += 1;
                self.total = Dec::from_raw(self.total.raw().wrapping_add(q.raw()));
                self.total_squares = self
                    .total_squares
                    .wrapping_add(q.raw() as i128 * q.raw() as i128);
                let p = gone.unwrap_or(q);
                // Every other weight is at least the old minimum: a new
                // weight no higher than it is the minimum.
                if !min_lost || q <= p {
                    self.min = Some(if min_lost {
                        q
                    } else {
                        self.min.map_or(q, |m| m.min(q))
                    });
                    min_lost = false;
                }
                if !max_lost || q >= p {
                    self.max = Some(if max_lost {
                        q
                    } else {
                        self.max.map_or(q, |m| m.max(q))
                    });
                    max_lost = false;
                }
            }
        }
        if self.complete == 0 {
            (self.min, self.max, min_lost, max_lost) = (None, None, false, false);
        }
        self.finish(rule);
        !(min_lost || max_lost)
    }

    /// Stats of the given objectives under the given rule.
    fn of(
        objectives: impl Iterator<Item = usize>,
        results: &[ObjectiveResult],
        rule: AverageRule,
    ) -> Stats {
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
    /// A score its criterion does not admit (out of range, off its steps, not
    /// one of its levels), as an opened file or a changed grid can leave: the
    /// objective counts nowhere until it is corrected, and validation says why.
    ScoreNotAdmitted,
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
    /// Whether a member's share differs from its own share rounded half-up:
    /// the largest remainder moved a hundredth so that the shares sum to
    /// 100,00 (19 of 128 is 14,84375 %, shown 14,85 beside 34 and 75).
    pub apportioned: bool,
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
    /// Where each objective counts, for [`refresh_objective`].
    pub(crate) layout: Rc<Layout>,
    /// The titles as compared for duplicates, for `validate::refresh_findings`.
    pub(crate) titles: Rc<TitleKeys>,
}

impl UnitResult {
    /// The relative weight of an objective in this unit's table.
    pub fn weight_of(&self, objective: usize) -> Option<Dec> {
        self.own
            .members
            .iter()
            .find(|m| m.objective == objective)
            .and_then(|m| m.weight)
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
    scores
        .iter()
        .try_fold(Dec::ZERO, |sum, s| s.and_then(|s| sum.checked_add(s)))
}

/// `value × factor`, half-up to four decimals.
pub fn times(value: Dec, factor: Dec) -> Dec {
    Dec::from_raw(div_half_up(
        value.raw() as i128 * factor.raw() as i128,
        Dec::SCALE as i128,
    ) as i64)
}

/// Computes one objective's weight under the grid's method.
pub fn objective_result(objective: &Objective, grid: &Grid) -> ObjectiveResult {
    match grid.method {
        Method::Direct => match objective.direct {
            Some(DirectWeight::Percent(p)) => ObjectiveResult {
                points: Some(p),
                sum: None,
                factor: None,
                status: Status::Complete,
            },
            Some(DirectWeight::Prerequisite) => ObjectiveResult {
                status: Status::Prerequisite,
                ..Default::default()
            },
            None => ObjectiveResult {
                status: Status::MissingWeight,
                ..Default::default()
            },
        },
        Method::Criteria => {
            let sum = points(&objective.scores[..objective.scores.len().min(grid.criteria.len())])
                .filter(|_| objective.scores.len() >= grid.criteria.len());
            let factor = if grid.types.is_empty() {
                Some(Dec::from_int(1))
            } else {
                objective
                    .kind
                    .as_deref()
                    .and_then(|k| grid.objective_type(k))
                    .map(|t| t.factor)
            };
            let admitted = || {
                objective
                    .scores
                    .iter()
                    .zip(&grid.criteria)
                    .all(|(s, c)| s.is_none_or(|s| c.admits(s)))
            };
            let status = match (sum, factor) {
                (None, _) => Status::MissingScore,
                (Some(_), _) if !admitted() => Status::ScoreNotAdmitted,
                (Some(_), None) => Status::MissingType,
                _ => Status::Complete,
            };
            let points = sum
                .zip(factor)
                .filter(|_| status == Status::Complete)
                .map(|(s, f)| times(s, f));
            ObjectiveResult {
                points,
                sum,
                factor: factor.filter(|_| !grid.types.is_empty()),
                status,
            }
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
    super::sort::sort_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in &remainders {
        if left == 0 {
            break;
        }
        floors[i] += 1;
        left -= 1;
    }
    // hundredths of a percent → Dec (ten-thousandths): × 100
    Some(
        floors
            .into_iter()
            .map(|h| Dec::from_raw((h * 100) as i64))
            .collect(),
    )
}

/// Whether any of `shares` (from [`relative_weights`]) differs from its
/// part's share rounded half-up on its own.
pub fn apportioned(parts: &[Dec], shares: &[Dec]) -> bool {
    let total: i128 = parts.iter().map(|p| p.raw() as i128).sum();
    parts
        .iter()
        .zip(shares)
        .any(|(p, &share)| Dec::ratio(p.raw() as i128 * 100, total, 2) != Some(share))
}

/// Gives each member of a table its share of the table's total: members with
/// a weight in order, by largest remainder; the others none. Says whether
/// the remainders moved a share from its own rounding.
fn apportion(members: &mut [Member], results: &[ObjectiveResult]) -> bool {
    let parts: Vec<Dec> = members
        .iter()
        .filter_map(|m| results[m.objective].points)
        .collect();
    let shares = relative_weights(&parts);
    let moved = shares.as_ref().is_some_and(|s| apportioned(&parts, s));
    let mut shares = shares.map(Vec::into_iter);
    for m in members.iter_mut() {
        m.weight = match results[m.objective].points {
            Some(_) => shares.as_mut().and_then(Iterator::next),
            None => None,
        };
    }
    moved
}

/// The table of a set of objectives: each one's share, and the stats.
fn group(members: &[usize], results: &[ObjectiveResult], rule: AverageRule) -> Group {
    let mut members: Vec<Member> = members
        .iter()
        .map(|&objective| Member {
            objective,
            weight: None,
        })
        .collect();
    let apportioned = apportion(&mut members, results);
    let stats = Stats::of(members.iter().map(|m| m.objective), results, rule);
    Group {
        members,
        stats,
        apportioned,
    }
}

/// The same table again, after a change in its members' weights.
fn regroup(group: &mut Group, results: &[ObjectiveResult], rule: AverageRule) {
    group.apportioned = apportion(&mut group.members, results);
    group.stats = Stats::of(group.members.iter().map(|m| m.objective), results, rule);
}

/// A hash of a text, the same on every platform and run (FNV-1a).
pub(crate) fn hash_text(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where each id sits in a list of named things (units, objectives): the
/// first and the last position with that id, found in constant time.
/// Open addressing over a hash of the id; the ids themselves stay in the plan.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct IdTable {
    /// One-based first and last position; `[0, 0]` is an empty slot.
    slots: Vec<[u32; 2]>,
}

impl IdTable {
    pub(crate) fn new<'a>(count: usize, id_of: impl Fn(usize) -> &'a str) -> IdTable {
        let size = (count * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut slots = vec![[0u32; 2]; size];
        for k in 0..count {
            let id = id_of(k);
            let mut s = hash_text(id.bytes()) as usize & mask;
            loop {
                let slot = &mut slots[s];
                if slot[0] == 0 {
                    *slot = [k as u32 + 1; 2];
                    break;
                }
                if id_of(slot[0] as usize - 1) == id {
                    slot[1] = k as u32 + 1;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        IdTable { slots }
    }

    /// First and last position of `id`; `id_of` gives the ids the table was built from.
    pub(crate) fn find<'a>(
        &self,
        id: &str,
        id_of: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<(usize, usize)> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut s = hash_text(id.bytes()) as usize & mask;
        loop {
            let [first, last] = self.slots[s];
            if first == 0 {
                return None;
            }
            if id_of(first as usize - 1) == Some(id) {
                return Some((first as usize - 1, last as usize - 1));
            }
            s = (s + 1) & mask;
        }
    }

    /// The units of a plan.
    pub(crate) fn units(plan: &Plan) -> IdTable {
        IdTable::new(plan.units.len(), |k| plan.units[k].id.as_str())
    }

    /// The position of unit `id` in the plan: the last unit with that id, as
    /// every number is computed (`None` when no unit has it).
    pub(crate) fn unit(&self, plan: &Plan, id: &str) -> Option<usize> {
        self.find(id, |k| plan.units.get(k).map(|u| u.id.as_str()))
            .map(|(_, last)| last)
    }

    /// The first unit with id `id`, as [`Plan::unit`] finds it.
    pub(crate) fn first_unit<'p>(&self, plan: &'p Plan, id: &str) -> Option<&'p super::plan::Unit> {
        self.find(id, |k| plan.units.get(k).map(|u| u.id.as_str()))
            .map(|(first, _)| &plan.units[first])
    }
}

/// The units whose own table counts objective `o` (the lead unit, and the
/// others of a shared objective), each once, as `compute` counts them.
/// Not called for shared objectives under [`SharedRule::Separate`].
pub(crate) fn counted_units(plan: &Plan, units: &IdTable, o: &Objective, out: &mut Vec<usize>) {
    out.clear();
    let shared = o.is_shared();
    for unit in std::iter::once(&o.unit).chain(o.also.iter().filter(|_| shared)) {
        if let Some(u) = units.unit(plan, unit) {
            if !out.contains(&u) {
                out.push(u);
            }
        }
    }
}

/// Where each objective counts, as `compute` found it: kept with the results
/// (shared, never copied) so that an edit of one objective recomputes only
/// the tables and the subtrees it is in.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Layout {
    /// The plan's units by id.
    pub(crate) units: IdTable,
    /// The plan's objectives by id.
    pub(crate) objectives: IdTable,
    /// The unit whose subtree each unit's subtree is part of (`NONE` at the top).
    up: Vec<u32>,
    /// Every unit's subtree set, one after the other: unit `u`'s objectives
    /// are `items[starts[u]..starts[u + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
    /// Whether every subtree is its own objectives and its sub-units'
    /// subtrees, as `up` says; otherwise (a hand-edited file with repeated
    /// unit ids or cycles that folds oddly) an edit recomputes everything.
    regular: bool,
}

const NONE: u32 = u32::MAX;

impl Layout {
    fn subtree(&self, u: usize) -> impl Iterator<Item = usize> + '_ {
        self.items[self.starts[u] as usize..self.starts[u + 1] as usize]
            .iter()
            .map(|&i| i as usize)
    }
}

impl std::fmt::Debug for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layout")
            .field("units", &self.up.len())
            .field("regular", &self.regular)
            .finish_non_exhaustive()
    }
}

/// Each objective's title as compared for duplicates, hashed (0: no words).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct TitleKeys(pub(crate) Vec<u64>);

impl std::fmt::Debug for TitleKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TitleKeys({} titles)", self.0.len())
    }
}

/// Computes every number of the plan.
pub fn compute(plan: &Plan) -> Results {
    let rule = plan.grid.average;
    let objectives: Vec<ObjectiveResult> = plan
        .objectives
        .iter()
        .map(|o| objective_result(o, &plan.grid))
        .collect();

    let unit_ids = IdTable::units(plan);
    let index = |id: &str| unit_ids.unit(plan, id);
    let mut member_lists: Vec<Vec<usize>> = vec![Vec::new(); plan.units.len()];
    let each = plan.grid.shared == SharedRule::EachUnit;
    let mut shared = Vec::new();
    let mut seen_units = Vec::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        if o.is_shared() && !each {
            shared.push(i);
            continue;
        }
        counted_units(plan, &unit_ids, o, &mut seen_units);
        for &u in &seen_units {
            member_lists[u].push(i);
        }
    }

    // Subtree sets, children folded into parents (reverse tree order).
    let order = plan.units_in_tree_order();
    let mut subtree_sets: Vec<Vec<usize>> = member_lists.clone();
    let mut up = vec![NONE; plan.units.len()];
    let mut processed = vec![false; plan.units.len()];
    let mut regular = true;
    for (_, unit) in order.iter().rev() {
        let Some(u) = index(&unit.id) else { continue };
        regular &= !processed[u];
        processed[u] = true;
        super::sort::sort(&mut subtree_sets[u]);
        subtree_sets[u].dedup();
        if let Some(p) = unit.parent.as_deref().and_then(index) {
            if p != u && !is_descendant(plan, &index, p, u) {
                // A set that grows after it was folded into its parent's
                // would not be in its parent's: refresh cannot follow `up`.
                regular &= !processed[p] && up[u] == NONE;
                let child = std::mem::take(&mut subtree_sets[u]);
                subtree_sets[p].extend_from_slice(&child);
                subtree_sets[u] = child;
                up[u] = p as u32;
            }
        }
    }

    let mut starts = Vec::with_capacity(plan.units.len() + 1);
    let mut items = Vec::with_capacity(subtree_sets.iter().map(Vec::len).sum());
    starts.push(0);
    for set in &subtree_sets {
        items.extend(set.iter().map(|&i| i as u32));
        starts.push(items.len() as u32);
    }

    let units = member_lists
        .iter()
        .zip(&subtree_sets)
        .map(|(members, subtree)| UnitResult {
            own: group(members, &objectives, rule),
            subtree: Stats::of(subtree.iter().copied(), &objectives, rule),
        })
        .collect();
    let shared = group(&shared, &objectives, rule);
    let ente = Stats::of(0..plan.objectives.len(), &objectives, rule);
    let layout = Layout {
        units: unit_ids,
        objectives: IdTable::new(plan.objectives.len(), |k| plan.objectives[k].id.as_str()),
        up,
        starts,
        items,
        regular,
    };
    let titles = TitleKeys(
        plan.objectives
            .iter()
            .map(|o| title_hash(&o.title))
            .collect(),
    );
    Results {
        objectives,
        units,
        shared,
        ente,
        layout: Rc::new(layout),
        titles: Rc::new(titles),
    }
}

/// Brings `results` up to date after an edit of objective `objective` alone.
///
/// `results` must have been computed (by [`compute`] or by this function)
/// from a plan that differs from `plan` only in that objective's weight
/// inputs (scores, type, direct weight) or in what weighs nothing (title,
/// description, achievement, review). Then afterwards `*results ==
/// compute(plan)`, exactly, at the cost of the tables that objective counts
/// in and the subtrees above them, not of the whole plan.
pub fn refresh_objective(plan: &Plan, results: &mut Results, objective: usize) {
    let i = objective;
    let layout = results.layout.clone();
    if i >= plan.objectives.len()
        || results.objectives.len() != plan.objectives.len()
        || results.units.len() != plan.units.len()
        || layout.up.len() != plan.units.len()
        || !layout.regular
    {
        *results = compute(plan);
        return;
    }
    let o = &plan.objectives[i];
    let title = title_hash(&o.title);
    if results.titles.0[i] != title {
        Rc::make_mut(&mut results.titles).0[i] = title;
    }
    let new = objective_result(o, &plan.grid);
    let old = std::mem::replace(&mut results.objectives[i], new);
    let new = &results.objectives[i];
    let counts = |r: &ObjectiveResult| (r.status == Status::Prerequisite, r.points);
    if counts(&old) == counts(new) {
        return; // the same weight: no share, sum or average moves
    }

    let rule = plan.grid.average;
    let Results {
        objectives,
        units,
        shared,
        ente,
        ..
    } = results;
    if o.is_shared() && plan.grid.shared == SharedRule::Separate {
        regroup(shared, objectives, rule);
    } else {
        let mut tables = Vec::new();
        counted_units(plan, &layout.units, o, &mut tables);
        // The units whose subtree holds it: its tables' units and every unit above them.
        let mut above: Vec<usize> = Vec::new();
        for &u in &tables {
            regroup(&mut units[u].own, objectives, rule);
            let mut v = u;
            while !above.contains(&v) {
                above.push(v);
                match layout.up[v] {
                    NONE => break,
                    p => v = p as usize,
                }
            }
        }
        for &v in &above {
            let stats = &mut units[v].subtree;
            if !stats.replace(&old, &objectives[i], rule) {
                *stats = Stats::of(layout.subtree(v), objectives, rule);
            }
        }
    }
    if !ente.replace(&old, &objectives[i], rule) {
        *ente = Stats::of(0..objectives.len(), objectives, rule);
    }
}

impl Results {
    /// The position of objective `id` in `plan`, as [`Plan::objective_index`]
    /// finds it, in constant time when these results were computed from
    /// `plan` (or from a plan with the same objectives' ids in the same order).
    pub fn objective_index(&self, plan: &Plan, id: &str) -> Option<usize> {
        match self
            .layout
            .objectives
            .find(id, |k| plan.objectives.get(k).map(|o| o.id.as_str()))
        {
            Some((first, _)) => Some(first),
            None => plan.objective_index(id),
        }
    }
}

/// Whether unit `candidate` lies below unit `ancestor` (guards against cycles
/// in hand-edited files).
fn is_descendant(
    plan: &Plan,
    index: &impl Fn(&str) -> Option<usize>,
    candidate: usize,
    ancestor: usize,
) -> bool {
    let mut current = plan.units[candidate].parent.as_deref();
    let mut steps = 0;
    while let Some(p) = current.and_then(index) {
        if p == ancestor {
            return true;
        }
        steps += 1;
        if steps > plan.units.len() {
            return true;
        }
        current = plan.units[p].parent.as_deref();
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
    fn a_share_moved_by_the_remainders_is_told() {
        // 19, 34 and 75 of 128: 14,84375 · 26,5625 · 58,59375 → floors
        // 14,84 26,56 58,59 (99,99): the hundredth left goes to the largest
        // remainder, a tie of 14,84375 and 58,59375 that the earlier wins,
        // though its own rounding is 14,84.
        let parts = [d("19"), d("34"), d("75")];
        let w = relative_weights(&parts).unwrap();
        assert_eq!(w, vec![d("14,85"), d("26,56"), d("58,59")]);
        assert!(apportioned(&parts, &w));
        // 19, 33 and 76: the hundredth goes where rounding puts it too.
        let parts = [d("19"), d("33"), d("76")];
        assert!(!apportioned(&parts, &relative_weights(&parts).unwrap()));
        // Como's Settore 1: 18, 18, 26 round on their own to the same shares.
        let parts = [d("18"), d("18"), d("26")];
        assert!(!apportioned(&parts, &relative_weights(&parts).unwrap()));
        let parts = [d("20"); 3];
        assert!(apportioned(&parts, &relative_weights(&parts).unwrap()));
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
    fn criteria_admit_their_range_on_its_steps_and_their_levels() {
        use crate::model::Criterion;
        let range = Criterion::integer("c", "C", "C", 0, 10);
        assert!(range.admits(d("0")) && range.admits(d("10")));
        assert!(!range.admits(d("11")) && !range.admits(d("-1")) && !range.admits(d("4,5")));
        let levels = Criterion::levels("l", "L", "L", &[("Bassa", d("1")), ("Alta", d("3"))]);
        assert!(levels.admits(d("3")) && !levels.admits(d("2")));
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
