//! Findings (rilievi): what is wrong or incomplete in a plan, each naming the
//! place it is about and saying why, so that a dirigente can fix it and the
//! Nucleo can check it before signing.
//!
//! The checks run in sections (the units; each objective; the direct sums of
//! each unit; repeated titles; each unit's table; the maximum on every
//! criterion), and the findings are listed by severity, then in the order
//! the checks made them. Each finding keeps that place (not shown), so that
//! [`refresh_findings`] can replace the findings of one edited objective and
//! of its units without checking the whole plan again.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::compute::{compute, counted_units, hash_text, IdTable, Results};
use super::decimal::Dec;
use super::plan::{
    AverageRule, Criterion, DirectWeight, Method, Objective, Plan, Scale, SharedRule, Unit,
};
use crate::text::{fill, number, plural, points, t};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    /// The severity's name in the interface's language.
    pub fn label(self) -> &'static str {
        let t = &crate::text::t().model;
        match self {
            Severity::Error => t.severity_error,
            Severity::Warning => t.severity_warning,
            Severity::Note => t.severity_info,
        }
    }
}

/// Where a finding points: a unit, an objective, a score cell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    pub unit: Option<String>,
    pub objective: Option<String>,
    /// Index into the grid's criteria.
    pub criterion: Option<usize>,
    /// A place outside the units' tables.
    pub other: Option<Other>,
}

/// A place outside the units' tables, by id: an organisational objective,
/// the name or target of one of its indicators, or one of the Segretario
/// generale's objectives.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Other {
    Organisational(String),
    /// An organisational objective's indicator (by index): its name.
    IndicatorName(String, usize),
    /// An organisational objective's indicator (by index): its target.
    IndicatorTarget(String, usize),
    Secretary(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub place: Place,
    /// Where, in words: "Settore 3 › «Gestione immobili» › Complessità",
    /// in the interface's language.
    pub where_: String,
    /// Why, in one sentence of the interface's language.
    pub message: String,
    /// Which check made it, about what, in which order (not shown).
    order: Order,
}

/// Where a finding comes among those of its severity: the section of the
/// checks that made it, the unit or objective it is about (its index), and
/// its place among that one's findings. For a repeated title, `sub` is the
/// objective whose title it repeats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Order {
    section: u8,
    index: u32,
    sub: u32,
}

/// The sections, in the order the checks run.
const GRID: u8 = 0;
const UNITS: u8 = 1;
const OBJECTIVES: u8 = 2;
const DIRECT_SUMS: u8 = 3;
const TITLES: u8 = 4;
const TABLES: u8 = 5;
const MAXIMUM: u8 = 6;
const OTHER: u8 = 7;

/// Among an objective's findings: the repeated id is always first.
const REPEATED_ID: u32 = 0;

fn at(section: u8, index: usize, sub: u32) -> Order {
    Order {
        section,
        index: index as u32,
        sub,
    }
}

impl Finding {
    fn key(&self) -> (Severity, Order) {
        (self.severity, self.order)
    }
}

/// Checks a plan and lists its findings, errors first, then in plan order.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    validate_with(plan, &compute(plan))
}

/// [`validate`] reusing results already computed.
pub fn validate_with(plan: &Plan, results: &Results) -> Vec<Finding> {
    let mut out = Vec::new();
    let units = IdTable::units(plan);

    check_grid(plan, &mut out);
    check_units(plan, results, &units, &mut out);

    let ids = IdTable::new(plan.objectives.len(), |k| plan.objectives[k].id.as_str());
    for (i, o) in plan.objectives.iter().enumerate() {
        let first = ids
            .find(&o.id, |k| plan.objectives.get(k).map(|o| o.id.as_str()))
            .map_or(i, |(first, _)| first);
        check_objective(plan, results, &units, i, first != i, &mut out);
    }

    if plan.grid.method == Method::Direct {
        for u in 0..plan.units.len() {
            check_direct_sum(plan, results, u, &mut out);
        }
    }

    // The same title twice, in one unit or in two: the first objective with
    // each key, by the key's hash (the keys compared only when hashes meet).
    let mut firsts: HashMap<u64, usize, std::hash::BuildHasherDefault<Prehashed>> =
        HashMap::with_capacity_and_hasher(plan.objectives.len(), Default::default());
    let mut others: Vec<(u64, usize)> = Vec::new(); // different keys with a hash already taken
    for (i, o) in plan.objectives.iter().enumerate() {
        let hash = title_hash(&o.title);
        if hash == 0 {
            continue;
        }
        let first = match firsts.get(&hash) {
            None => None,
            Some(&f) => {
                let key = title_key(&o.title);
                std::iter::once(f)
                    .chain(others.iter().filter(|(h, _)| *h == hash).map(|&(_, f)| f))
                    .find(|&f| title_key(&plan.objectives[f].title) == key)
            }
        };
        match first {
            Some(f) => out.push(repeated_title(plan, results, &units, i, f)),
            None if firsts.contains_key(&hash) => others.push((hash, i)),
            None => {
                firsts.insert(hash, i);
            }
        }
    }

    for u in 0..plan.units.len() {
        check_table(plan, results, u, &mut out);
    }

    for i in 0..plan.objectives.len() {
        check_maximum(plan, results, &units, i, &mut out);
    }

    check_other_objectives(plan, &mut out);

    super::sort::sort_by_key(&mut out, |f| f.severity);
    debug_assert!(
        out.windows(2).all(|w| w[0].key() < w[1].key()),
        "findings in their order"
    );
    out
}

/// A map key that is a hash already: used as it is.
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_text(bytes.iter().copied());
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Brings `findings` up to date after an edit of objective `objective` alone.
///
/// `findings` must be [`validate_with`]'s for a plan that differs from `plan`
/// only in that objective's scores, type, direct weight, title, description,
/// achievement or review, and `results` must be `compute(plan)` (brought up
/// to date with [`super::compute::refresh_objective`]). Then afterwards
/// `*findings == validate_with(plan, results)`, exactly and in the same
/// order, at the cost of that objective's findings and those of the tables
/// it counts in: the findings of the other objectives and units are kept.
pub fn refresh_findings(
    plan: &Plan,
    results: &Results,
    findings: &mut Vec<Finding>,
    objective: usize,
) {
    let i = objective;
    if i >= plan.objectives.len()
        || results.objectives.len() != plan.objectives.len()
        || results.units.len() != plan.units.len()
        || results.titles.0.len() != plan.objectives.len()
    {
        *findings = validate_with(plan, results);
        return;
    }
    let units = &results.layout.units;
    let o = &plan.objectives[i];
    let position =
        |findings: &[Finding], key: (Severity, Order)| findings.partition_point(|f| f.key() < key);

    // Every finding about the objective, and about the tables it counts in.
    let mut slots: Vec<(u8, usize)> = Vec::new();
    let mut fresh: Vec<Finding> = Vec::new();
    let repeated_id = findings
        .binary_search_by_key(
            &(Severity::Error, at(OBJECTIVES, i, REPEATED_ID)),
            Finding::key,
        )
        .is_ok();
    slots.push((OBJECTIVES, i));
    check_objective(plan, results, units, i, repeated_id, &mut fresh);
    if !(o.is_shared() && plan.grid.shared == SharedRule::Separate) {
        let mut tables = Vec::new();
        counted_units(plan, units, o, &mut tables);
        for u in tables {
            if plan.grid.method == Method::Direct {
                slots.push((DIRECT_SUMS, u));
                check_direct_sum(plan, results, u, &mut fresh);
            }
            slots.push((TABLES, u));
            check_table(plan, results, u, &mut fresh);
        }
    }
    slots.push((MAXIMUM, i));
    check_maximum(plan, results, units, i, &mut fresh);

    // Repeated titles. The objectives with the same title as this one (by the
    // titles' hashes, then the titles): each after the first repeats it.
    let hash = title_hash(&o.title);
    let same: Vec<usize> = if hash == 0 {
        Vec::new()
    } else {
        let key = OnceCell::new();
        results
            .titles
            .0
            .iter()
            .enumerate()
            .filter(|&(j, &h)| j == i || h == hash)
            .map(|(j, _)| j)
            .filter(|&j| {
                let title = &plan.objectives[j].title;
                j == i
                    || *title == o.title
                    || title_key(title) == *key.get_or_init(|| title_key(&o.title))
            })
            .collect()
    };
    // The findings about repeated titles, in plan order.
    let run = &findings[position(findings, (Severity::Warning, at(TITLES, 0, 0)))
        ..position(findings, (Severity::Warning, at(TABLES, 0, 0)))];
    // Those that repeated this one's title before the edit.
    let followers: Vec<usize> = run
        .iter()
        .filter(|f| f.order.sub as usize == i)
        .map(|f| f.order.index as usize)
        .collect();
    let first = same.first().copied();
    let in_same = |j: &usize| same.binary_search(j).is_ok(); // `same` is in plan order
                                                             // Whether each one with this title (but this one) repeats the first of them, as before.
    let mut rest = run
        .iter()
        .map(|f| (f.order.index as usize, f.order.sub as usize))
        .peekable();
    let as_before = same.iter().filter(|&&j| j != i).all(|&j| {
        while rest.next_if(|&(index, _)| index < j).is_some() {}
        let repeats = rest
            .peek()
            .filter(|&&(index, _)| index == j)
            .map(|&(_, sub)| sub);
        repeats == first.filter(|&f| f != j)
    });
    let unchanged = as_before && followers.iter().all(in_same);
    if unchanged {
        // The same repetitions as before: only this one's words may change.
        slots.push((TITLES, i));
        if let Some(f) = first.filter(|&f| f != i) {
            fresh.push(repeated_title(plan, results, units, i, f));
        }
    } else {
        // The title changed: the objectives with its new title, and those
        // that repeated its old one, whose first is now the next of them.
        for &j in &same {
            slots.push((TITLES, j));
            if let Some(f) = first.filter(|&f| f != j) {
                fresh.push(repeated_title(plan, results, units, j, f));
            }
        }
        let left: Vec<usize> = followers.into_iter().filter(|j| !in_same(j)).collect();
        for &j in &left {
            slots.push((TITLES, j));
            if j != left[0] {
                fresh.push(repeated_title(plan, results, units, j, left[0]));
            }
        }
        if !in_same(&i) {
            slots.push((TITLES, i));
        }
    }

    replace_slots(findings, &slots, fresh);
}

/// Replaces every finding of the given (section, index) slots with `fresh`
/// (the findings those slots have now), keeping the list in its order.
fn replace_slots(findings: &mut Vec<Finding>, slots: &[(u8, usize)], mut fresh: Vec<Finding>) {
    super::sort::sort_by_key(&mut fresh, Finding::key);
    let mut gone: Vec<std::ops::Range<usize>> = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        for &(section, index) in slots {
            let start = findings.partition_point(|f| f.key() < (severity, at(section, index, 0)));
            let len = findings[start..]
                .partition_point(|f| f.key() < (severity, at(section, index + 1, 0)));
            if len > 0 {
                gone.push(start..start + len);
            }
        }
    }
    super::sort::sort_by_key(&mut gone, |r| r.start);
    gone.dedup();

    // Each fresh finding's place in the list as it is, and the changes in
    // order: a range of old findings with the fresh ones that fall in it,
    // or fresh findings alone where they fall between old ones.
    let at: Vec<usize> = fresh
        .iter()
        .map(|f| findings.partition_point(|g| g.key() < f.key()))
        .collect();
    let mut changes: Vec<(std::ops::Range<usize>, usize)> = Vec::new(); // (old range, first fresh one)
    let mut k = 0;
    let between = |changes: &mut Vec<_>, k: &mut usize, before: usize| {
        while *k < at.len() && at[*k] < before {
            let place = at[*k];
            changes.push((place..place, *k));
            while *k < at.len() && at[*k] == place {
                *k += 1;
            }
        }
    };
    for range in gone {
        between(&mut changes, &mut k, range.start);
        changes.push((range.clone(), k));
        while k < at.len() && at[k] <= range.end {
            k += 1;
        }
    }
    between(&mut changes, &mut k, usize::MAX);
    // From the last to the first, so that the places ahead stay right; a
    // change that keeps the number of findings moves nothing after it.
    for (range, first) in changes.into_iter().rev() {
        let items = fresh.split_off(first);
        findings.splice(range, items);
    }
}

/// The findings about objective `i` (section [`OBJECTIVES`]).
fn check_objective(
    plan: &Plan,
    results: &Results,
    units: &IdTable,
    i: usize,
    repeated_id: bool,
    out: &mut Vec<Finding>,
) {
    let o = &plan.objectives[i];
    let unit_name = units
        .unit(plan, &o.unit)
        .map(|u| plan.units[u].name.as_str());
    // Where, in words: written only for an objective that has a finding.
    let where_obj = OnceCell::new();
    let where_obj = || {
        where_obj
            .get_or_init(|| {
                format!(
                    "{} › {}",
                    unit_name.unwrap_or(t().model.finding_no_unit),
                    objective_label(&o.title, row_in_table(plan, results, units, i))
                )
            })
            .as_str()
    };
    let place = |criterion| Place {
        unit: Some(o.unit.clone()),
        objective: Some(o.id.clone()),
        criterion,
        other: None,
    };
    // Each finding's place among the objective's: fixed for the first three,
    // then in the order they are found.
    let mut next = 2;
    let mut push = |sub: Option<u32>, severity, place: Place, where_: &str, message: String| {
        let sub = sub.unwrap_or_else(|| {
            next += 1;
            next
        });
        out.push(Finding {
            severity,
            place,
            where_: where_.to_string(),
            message,
            order: at(OBJECTIVES, i, sub),
        });
    };

    if repeated_id {
        push(
            Some(REPEATED_ID),
            Severity::Error,
            place(None),
            where_obj(),
            fill(t().model.objective_id_repeated, &[("id", &o.id)]),
        );
    }
    if unit_name.is_none() {
        push(
            Some(1),
            Severity::Error,
            place(None),
            where_obj(),
            fill(t().model.objective_unit_missing, &[("unit", &o.unit)]),
        );
    }
    if is_empty_row(o) {
        return; // reported once, with the unit, as an empty row
    }
    if o.title.trim().is_empty() {
        push(
            Some(2),
            Severity::Error,
            place(None),
            where_obj(),
            t().model.objective_no_title.into(),
        );
    }
    for unit in &o.also {
        if units.unit(plan, unit).is_none() {
            push(
                None,
                Severity::Error,
                place(None),
                where_obj(),
                fill(t().model.objective_shared_unit_missing, &[("unit", unit)]),
            );
        }
    }
    match plan.grid.method {
        Method::Criteria => {
            for (c, criterion) in plan.grid.criteria.iter().enumerate() {
                let where_cell = || format!("{} › {}", where_obj(), criterion.name);
                match o.scores.get(c).copied().flatten() {
                    None => push(
                        None,
                        Severity::Warning,
                        place(Some(c)),
                        &where_cell(),
                        fill(t().model.score_missing, &[("criterion", &criterion.short)]),
                    ),
                    Some(score) => {
                        if let Some(why) = score_problem(score, criterion) {
                            push(None, Severity::Error, place(Some(c)), &where_cell(), why);
                        }
                    }
                }
            }
            if !plan.grid.types.is_empty() {
                match o.kind.as_deref() {
                    None => push(
                        None,
                        Severity::Warning,
                        place(None),
                        where_obj(),
                        t().model.type_missing.into(),
                    ),
                    Some(k) if plan.grid.objective_type(k).is_none() => push(
                        None,
                        Severity::Error,
                        place(None),
                        where_obj(),
                        fill(t().model.type_unknown, &[("type", &k)]),
                    ),
                    _ => {}
                }
            }
        }
        Method::Direct => match o.direct {
            None => push(
                None,
                Severity::Warning,
                place(None),
                where_obj(),
                t().model.direct_weight_missing.into(),
            ),
            Some(DirectWeight::Percent(p)) if p <= Dec::ZERO || p > Dec::HUNDRED => push(
                None,
                Severity::Error,
                place(None),
                where_obj(),
                fill(
                    t().model.direct_weight_out_of_range,
                    &[("weight", &points(p))],
                ),
            ),
            _ => {}
        },
    }
}

/// Direct method: whether unit `u`'s weights sum to 100 (section [`DIRECT_SUMS`]).
fn check_direct_sum(plan: &Plan, results: &Results, u: usize, out: &mut Vec<Finding>) {
    let unit = &plan.units[u];
    let group = &results.units[u].own;
    if group.stats.objectives == 0 || group.stats.complete < group.stats.objectives {
        return; // incomplete units are reported objective by objective
    }
    let sum = group.stats.total;
    if sum != Dec::HUNDRED {
        let (template, gap) = if sum < Dec::HUNDRED {
            (t().model.direct_sum_below, Dec::HUNDRED.checked_sub(sum))
        } else {
            (t().model.direct_sum_above, sum.checked_sub(Dec::HUNDRED))
        };
        out.push(Finding {
            severity: Severity::Error,
            place: Place {
                unit: Some(unit.id.clone()),
                objective: None,
                criterion: None,
                other: None,
            },
            where_: plan.unit_label(unit),
            message: fill(
                template,
                &[
                    ("sum", &number(sum, 2)),
                    ("gap", &number(gap.unwrap_or_default(), 2)),
                ],
            ),
            order: at(DIRECT_SUMS, u, 0),
        });
    }
}

/// How to name an objective's unit in a sentence, or its unit id when there is no such unit.
fn unit_words(plan: &Plan, units: &IdTable, id: &str) -> String {
    units
        .first_unit(plan, id)
        .map_or(id.to_string(), |u| plan.unit_label(u))
}

/// Objective `i` repeats the title of objective `first` (section [`TITLES`]).
fn repeated_title(
    plan: &Plan,
    results: &Results,
    units: &IdTable,
    i: usize,
    first: usize,
) -> Finding {
    let o = &plan.objectives[i];
    let other = &plan.objectives[first];
    Finding {
        severity: Severity::Warning,
        place: Place {
            unit: Some(o.unit.clone()),
            objective: Some(o.id.clone()),
            criterion: None,
            other: None,
        },
        where_: format!(
            "{} › {}",
            unit_words(plan, units, &o.unit),
            objective_label(&o.title, row_in_table(plan, results, units, i))
        ),
        message: if other.unit == o.unit {
            t().model.title_repeated_in_unit.to_string()
        } else {
            fill(
                t().model.title_repeated_elsewhere,
                &[("unit", &unit_words(plan, units, &other.unit))],
            )
        },
        order: at(TITLES, i, first as u32),
    }
}

/// The checks a Nucleo di valutazione makes on a dirigente's table, the ones
/// that find what the Como 2024 table hides: unit `u`'s (section [`TABLES`]).
fn check_table(plan: &Plan, results: &Results, u: usize, out: &mut Vec<Finding>) {
    let unit = &plan.units[u];
    let own = &results.units[u].own;
    let members = || own.members.iter().map(|m| &plan.objectives[m.objective]);
    let mut push = |sub: u32, severity, message| {
        out.push(Finding {
            severity,
            place: Place {
                unit: Some(unit.id.clone()),
                objective: None,
                criterion: None,
                other: None,
            },
            where_: plan.unit_label(unit),
            message,
            order: at(TABLES, u, sub),
        })
    };

    // Empty rows, and what the average would be if they were counted as 0.
    let empty = members().filter(|o| is_empty_row(o)).count();
    if empty > 0 {
        let with_empty = super::compute::mean(own.stats.total, own.stats.complete + empty);
        let message = match (own.stats.average, with_empty, plan.grid.average) {
            (Some(avg), Some(alt), AverageRule::Simple) => fill(
                plural(empty, t().model.empty_row_one, t().model.empty_rows_many),
                &[
                    ("n", &empty),
                    ("average", &number(avg, 2)),
                    ("alternative", &number(alt, 2)),
                ],
            ),
            _ => fill(t().model.empty_rows_count, &[("n", &empty)]),
        };
        push(0, Severity::Warning, message);
    }

    // As many objectives as the grid expects, of each unit that holds
    // objectives (a dirigente's table, at whatever level a new level of the
    // organisation leaves it) and of each empty unit of the lowest level.
    if let Some(expected) = plan.grid.expected_objectives {
        let real = own.members.len() - empty;
        let lowest = unit.level + 1 >= plan.ente.levels.len();
        let holds = !own.members.is_empty() || (lowest && results.units[u].subtree.objectives == 0);
        if holds && real != expected {
            push(
                1,
                Severity::Warning,
                fill(
                    plural(
                        real,
                        t().model.objectives_expected_one,
                        t().model.objectives_expected_many,
                    ),
                    &[("real", &real), ("expected", &expected)],
                ),
            );
        }
    }

    // No differentiation: every objective scored the same.
    let mut complete = own
        .members
        .iter()
        .filter(|m| results.objectives[m.objective].points.is_some())
        .map(|m| &plan.objectives[m.objective]);
    if let Some(first) = complete.next() {
        let same = |o: &Objective| {
            o.scores == first.scores && o.direct == first.direct && o.kind == first.kind
        };
        let mut count = 1;
        let mut all_same = true;
        for o in complete {
            count += 1;
            if !same(o) {
                all_same = false;
                break;
            }
        }
        if count >= 2 && all_same {
            push(2, Severity::Note, t().model.no_differentiation.into());
        }
    }
}

/// The maximum on every criterion, for objective `i` (section [`MAXIMUM`]).
fn check_maximum(
    plan: &Plan,
    results: &Results,
    units: &IdTable,
    i: usize,
    out: &mut Vec<Finding>,
) {
    if plan.grid.method != Method::Criteria || plan.grid.criteria.is_empty() {
        return;
    }
    let o = &plan.objectives[i];
    let all_max = plan
        .grid
        .criteria
        .iter()
        .enumerate()
        .all(|(c, criterion)| o.scores.get(c).copied().flatten() == Some(criterion.max()));
    if all_max {
        out.push(Finding {
            severity: Severity::Note,
            place: Place {
                unit: Some(o.unit.clone()),
                objective: Some(o.id.clone()),
                criterion: None,
                other: None,
            },
            where_: format!(
                "{} › {}",
                unit_words(plan, units, &o.unit),
                objective_label(&o.title, row_in_table(plan, results, units, i))
            ),
            message: t().model.all_scores_maximum.into(),
            order: at(MAXIMUM, i, 0),
        });
    }
}

/// What is wrong with the name of the unit at `index`, as the findings say
/// it, to show at its field: none, or one that another unit has too (the
/// same words, whatever their case). `None` when the name is fine.
pub fn unit_name_problem(plan: &Plan, index: usize) -> Option<&'static str> {
    let unit = plan.units.get(index)?;
    let key = unit.name.trim().to_lowercase();
    if key.is_empty() {
        return Some(t().model.unit_no_name);
    }
    plan.units
        .iter()
        .enumerate()
        .any(|(i, u)| i != index && u.name.trim().to_lowercase() == key)
        .then_some(t().model.units_same_name)
}

/// Why a score is not admitted by a criterion, or `None` if it is.
pub fn score_problem(score: Dec, criterion: &Criterion) -> Option<String> {
    match &criterion.scale {
        Scale::Range { min, max, step } => {
            if score < *min || score > *max {
                return Some(fill(
                    t().model.score_out_of_range,
                    &[
                        ("score", &points(score)),
                        ("min", &points(*min)),
                        ("max", &points(*max)),
                    ],
                ));
            }
            let offset = score.checked_sub(*min).unwrap_or_default();
            if !offset.is_multiple_of(*step) {
                return Some(if *step == Dec::from_int(1) {
                    fill(t().model.score_not_integer, &[("score", &points(score))])
                } else {
                    fill(
                        t().model.score_off_step,
                        &[("score", &points(score)), ("step", &points(*step))],
                    )
                });
            }
            None
        }
        Scale::Levels(levels) => (!levels.iter().any(|l| l.points == score)).then(|| {
            let names: Vec<String> = levels
                .iter()
                .map(|l| format!("{} ({})", l.name, points(l.points)))
                .collect();
            fill(
                t().model.score_no_level,
                &[("score", &points(score)), ("levels", &names.join(", "))],
            )
        }),
    }
}

/// A title as compared for duplicates: case, spaces and punctuation ignored.
pub fn title_key(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The characters of [`title_key`]`(title)`, one by one, without building it.
fn title_key_chars(title: &str, mut f: impl FnMut(char)) {
    let (mut gap, mut started) = (false, false);
    let mut step = |c: char, alphanumeric: bool| {
        if alphanumeric {
            if gap && started {
                f(' ');
            }
            (gap, started) = (false, true);
            f(c);
        } else {
            gap = true;
        }
    };
    // `str::to_lowercase` is `char::to_lowercase` character by character,
    // but for the capital sigma, which depends on its neighbours.
    if !title.is_ascii() && title.contains('Σ') {
        for c in title.to_lowercase().chars() {
            step(c, c.is_alphanumeric());
        }
        return;
    }
    for c in title.chars() {
        if c.is_ascii() {
            let c = c.to_ascii_lowercase();
            step(c, c.is_ascii_alphanumeric());
        } else {
            for c in c.to_lowercase() {
                step(c, c.is_alphanumeric());
            }
        }
    }
}

/// A hash of [`title_key`]`(title)`: 0 when the key is empty (no words),
/// never 0 otherwise. Equal keys, equal hashes.
pub(crate) fn title_hash(title: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut empty = true;
    if title.is_ascii() {
        // The same, byte by byte: most titles are plain ASCII.
        let (mut hash, mut gap) = (hash_text(std::iter::empty()), false);
        for b in title.bytes() {
            let b = b.to_ascii_lowercase();
            if b.is_ascii_alphanumeric() {
                if gap && !empty {
                    hash = (hash ^ b' ' as u64).wrapping_mul(PRIME);
                }
                (gap, empty) = (false, false);
                hash = (hash ^ b as u64).wrapping_mul(PRIME);
            } else {
                gap = true;
            }
        }
        return match (empty, hash) {
            (true, _) => 0,
            (false, 0) => 1,
            (false, h) => h,
        };
    }
    let mut hash = hash_text(std::iter::empty());
    title_key_chars(title, |c| {
        empty = false;
        hash = c
            .encode_utf8(&mut [0; 4])
            .bytes()
            .fold(hash, |h, b| (h ^ b as u64).wrapping_mul(PRIME));
    });
    match (empty, hash) {
        (true, _) => 0,
        (false, 0) => 1,
        (false, h) => h,
    }
}

/// Whether an objective is an empty row: no title, no score, no weight.
pub fn is_empty_row(o: &Objective) -> bool {
    o.title.trim().is_empty()
        && o.scores.iter().all(Option::is_none)
        && o.direct.is_none()
        && o.kind.is_none()
}

/// Whether [`check_table`] finds unit `u`'s table empty while the grid
/// expects objectives in it (a unit of the lowest level with no objective in
/// it or below it): that finding, which says how many the grid expects, is
/// then the one about the empty unit. It depends only on where the objectives
/// are, which [`refresh_findings`]' edits do not change.
fn empty_table_counted(plan: &Plan, results: &Results, u: usize) -> bool {
    let (unit, result) = (&plan.units[u], &results.units[u]);
    plan.grid
        .expected_objectives
        .is_some_and(|expected| expected > 0)
        && unit.level + 1 >= plan.ente.levels.len()
        && result.own.members.is_empty()
        && result.subtree.objectives + result.subtree.prerequisites == 0
}

/// The findings about the units (section [`UNITS`]).
fn check_units(plan: &Plan, results: &Results, units: &IdTable, out: &mut Vec<Finding>) {
    // A unit "has objectives" if it or a unit below it has some. One flag
    // per id, kept at the position of the last unit with it.
    let id = |u: &Unit| units.unit(plan, &u.id).unwrap_or_default();
    let mut has_objectives = vec![false; plan.units.len()];
    for o in &plan.objectives {
        if let Some(u) = units.unit(plan, &o.unit) {
            has_objectives[u] = true;
        }
    }
    for u in &plan.units {
        if has_objectives[id(u)] {
            let mut parent = u.parent.as_deref();
            let mut steps = 0;
            while let Some(p) = parent.and_then(|p| units.unit(plan, p)) {
                if std::mem::replace(&mut has_objectives[p], true) || steps > plan.units.len() {
                    break;
                }
                steps += 1;
                parent = plan.units[p].parent.as_deref();
            }
        }
    }
    let mut seen_ids = HashSet::new();
    let mut seen_names: HashMap<String, &str> = HashMap::new();
    for (index, u) in plan.units.iter().enumerate() {
        // Place and words are written only for a unit that has a finding.
        let mut push = |sub: u32, severity, message| {
            out.push(Finding {
                severity,
                place: Place {
                    unit: Some(u.id.clone()),
                    objective: None,
                    criterion: None,
                    other: None,
                },
                where_: plan.unit_label(u),
                message,
                order: at(UNITS, index, sub),
            })
        };
        if !seen_ids.insert(u.id.as_str()) {
            push(
                0,
                Severity::Error,
                fill(t().model.unit_id_repeated, &[("id", &u.id)]),
            );
        }
        if u.name.trim().is_empty() {
            push(1, Severity::Error, t().model.unit_no_name.into());
        }
        let key = u.name.trim().to_lowercase();
        if !key.is_empty() {
            if let Some(other) = seen_names.insert(key, u.id.as_str()) {
                if other != u.id {
                    push(2, Severity::Warning, t().model.units_same_name.into());
                }
            }
        }
        if u.level >= plan.ente.levels.len() {
            push(
                3,
                Severity::Error,
                fill(
                    t().model.unit_level_unknown,
                    &[
                        ("level", &(u.level + 1)),
                        ("levels", &plan.ente.levels.join(", ")),
                    ],
                ),
            );
        }
        if let Some(p) = u.parent.as_deref() {
            match units.unit(plan, p) {
                None => push(
                    4,
                    Severity::Error,
                    fill(t().model.unit_parent_missing, &[("parent", &p)]),
                ),
                Some(pi) if plan.units[pi].level >= u.level => push(
                    4,
                    Severity::Error,
                    fill(
                        t().model.unit_parent_not_higher,
                        &[("parent", &plan.units[pi].name)],
                    ),
                ),
                _ => {}
            }
        }
        // One finding per fact: an empty table the grid counts says it already.
        if !has_objectives[id(u)] && !empty_table_counted(plan, results, index) {
            push(5, Severity::Warning, t().model.unit_no_objectives.into());
        }
    }
}

/// The grid's own findings (section [`GRID`]): a criterion named, or
/// labelled, as one before it, which the tables and the exported files could
/// not tell apart.
fn check_grid(plan: &Plan, out: &mut Vec<Finding>) {
    let folded = |s: &str| s.trim().to_lowercase();
    let criteria = &plan.grid.criteria;
    for (c, criterion) in criteria.iter().enumerate() {
        let repeats = criteria[..c].iter().any(|before| {
            folded(&before.name) == folded(&criterion.name)
                || folded(&before.short) == folded(&criterion.short)
        });
        if repeats {
            out.push(Finding {
                severity: Severity::Warning,
                place: Place {
                    unit: None,
                    objective: None,
                    criterion: Some(c),
                    other: None,
                },
                where_: fill(
                    t().model.grid_criterion_where,
                    &[("criterion", &criterion.name)],
                ),
                message: fill(t().model.criterion_repeated, &[("short", &criterion.short)]),
                order: at(GRID, c, 0),
            });
        }
    }
}

/// The organisational objectives and the Segretario generale's (section
/// [`OTHER`]): each needs a title; an organisational one needs an indicator
/// to be measured by, and each indicator its target.
fn check_other_objectives(plan: &Plan, out: &mut Vec<Finding>) {
    let texts = &t().model;
    let mut push = |severity, other, where_: String, message: String, index: usize, sub| {
        out.push(Finding {
            severity,
            place: Place {
                other: Some(other),
                ..Place::default()
            },
            where_,
            message,
            order: at(OTHER, index, sub),
        })
    };
    let filled = |s: &str| !s.trim().is_empty();
    for (n, o) in plan.organisational.iter().enumerate() {
        let where_ = fill(texts.org_objective_where, &[("n", &(n + 1))]);
        let other = || Other::Organisational(o.id.clone());
        if !filled(&o.title) {
            let message = texts.other_no_title.to_string();
            push(Severity::Warning, other(), where_.clone(), message, n, 0);
        }
        if !o.indicators.iter().any(|i| filled(&i.name)) {
            let message = texts.org_no_indicator.to_string();
            push(Severity::Warning, other(), where_.clone(), message, n, 1);
            continue;
        }
        for (k, indicator) in o.indicators.iter().enumerate() {
            let (text, field) = match (filled(&indicator.name), filled(&indicator.target)) {
                (true, false) => (
                    texts.org_indicator_no_target,
                    Other::IndicatorTarget(o.id.clone(), k),
                ),
                (false, true) => (
                    texts.org_indicator_no_name,
                    Other::IndicatorName(o.id.clone(), k),
                ),
                _ => continue,
            };
            let message = fill(text, &[("i", &(k + 1))]);
            push(
                Severity::Note,
                field,
                where_.clone(),
                message,
                n,
                2 + k as u32,
            );
        }
    }
    let first = plan.organisational.len();
    for (n, o) in plan.secretary.iter().enumerate() {
        if !filled(&o.title) {
            let where_ = fill(texts.secretary_objective_where, &[("n", &(n + 1))]);
            let message = texts.other_no_title.to_string();
            let other = Other::Secretary(o.id.clone());
            push(Severity::Warning, other, where_, message, first + n, 0);
        }
    }
}

/// Where objective `i` is in the table that lists it (from 0), as the
/// table's «N.» numbers it: the objectives common to several units, when
/// they have a table of their own, or its unit's. An untitled objective is
/// named by it («obiettivo n. 1» of its settore).
fn row_in_table(plan: &Plan, results: &Results, units: &IdTable, i: usize) -> usize {
    let at = |members: &[super::compute::Member]| members.iter().position(|m| m.objective == i);
    at(&results.shared.members)
        .or_else(|| {
            units
                .unit(plan, &plan.objectives[i].unit)
                .and_then(|u| results.units.get(u))
                .and_then(|u| at(&u.own.members))
        })
        .unwrap_or(i)
}

/// A short way to name an objective: its title cut to 60 characters, or its position.
pub fn objective_label(title: &str, position: usize) -> String {
    let title = title.trim();
    if title.is_empty() {
        return fill(t().model.objective_number, &[("n", &(position + 1))]);
    }
    let mut chars = title.chars();
    let short: String = chars.by_ref().take(60).collect();
    let template = if chars.next().is_some() {
        t().model.objective_quoted_cut
    } else {
        t().model.objective_quoted
    };
    fill(template, &[("title", &short)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;
    use crate::model::describe;
    use crate::model::edit::{parse_direct, parse_score};
    use crate::model::presets::{new_plan, new_plan_with, Preset};
    use crate::model::review::Verdict;
    use crate::text::{with_lang, Lang};

    #[test]
    fn a_unit_name_left_empty_or_taken_is_said_at_its_field() {
        let mut plan = new_plan(2025);
        plan.units.clear();
        let tributi = plan.add_unit("Settore Tributi", 0, None);
        plan.add_unit("Settore Qualità", 0, None);
        assert_eq!(unit_name_problem(&plan, 0), None);
        plan.rename_unit(&tributi, "  ");
        assert_eq!(unit_name_problem(&plan, 0), Some(t().model.unit_no_name));
        plan.rename_unit(&tributi, "settore qualità ");
        assert_eq!(unit_name_problem(&plan, 0), Some(t().model.units_same_name));
        assert_eq!(unit_name_problem(&plan, 1), Some(t().model.units_same_name));
        assert_eq!(unit_name_problem(&plan, 7), None);
    }

    #[test]
    fn the_model_speaks_english_when_english_is_chosen() {
        let d = |s: &str| parse_number(s).unwrap();
        let (plan, severity) = with_lang(Lang::En, || {
            let mut plan = new_plan(2025);
            let a = plan.add_objective("u1");
            plan.set_title(&a, "Recupero evasione");
            for c in 0..3 {
                plan.set_score(&a, c, Some(Dec::from_int(2)));
            }
            plan.add_objective("u1");
            let findings = validate(&plan);
            let missing = findings
                .iter()
                .find(|f| f.place.criterion == Some(3))
                .expect("the missing score");
            assert_eq!(missing.severity.label(), "Warning");
            assert_eq!(
                missing.where_,
                "Settore 1 › “Recupero evasione” › Impatto sulla utenza esterna"
            );
            assert_eq!(
            missing.message,
            "The score for “Impatto utenza” is missing: the objective counts in neither the weights nor the averages until it is complete."
        );
            assert!(findings
                .iter()
                .any(|f| f.message
                    == "Empty rows in the table: 1. They do not count in the average."));
            plan.set_score(&a, 3, Some(Dec::from_int(2)));
            assert!(validate(&plan).iter().any(|f| f.message
            == "There is an empty row in the table: it does not count in the average, which is 8.00; if it counted as 0, the average would be 4.00."));

            let mut direct = new_plan_with(2025, Preset::DirectPercent);
            for weight in ["33,5", "1.250,5"] {
                let o = direct.add_objective("u1");
                direct.set_title(&o, &format!("Obiettivo {weight}"));
                direct.set_direct(&o, parse_direct(weight).ok().flatten());
            }
            assert_eq!(
                parse_direct("1.250,5"),
                Err("The weight 1,250.5% must be greater than 0 and at most 100.".into())
            );
            direct.set_direct(
                &direct.objectives[1].id.clone(),
                Some(DirectWeight::Percent(d("50"))),
            );
            assert!(validate(&direct).iter().any(|f| f.message
            == "The objectives' weights add up to 83.50% instead of 100: 16.50 percentage points are missing."));

            let c = &plan.grid.criteria[0];
            assert_eq!(
                parse_score("7,5", c),
                Err("The score 7.5 must be a whole number.".into())
            );
            assert_eq!(
                parse_score("sette", c),
                Err("“sette” is not a number: enter a score from 0 to 10.".into())
            );
            assert_eq!(
            describe::formula(&Preset::LevelsAndTypes.grid()),
            "weight = (complessità + strategicità + impatto esterno) × objective type factor (Mantenimento × 1, Miglioramento × 1.2, Sviluppo × 1.5)"
        );
            assert_eq!(Verdict::Pending.label(), "to review");
            assert_eq!(objective_label("", 1), "objective no. 2");
            let severity = missing.severity;
            (plan, severity)
        });
        let c = &plan.grid.criteria[0];
        assert_eq!(severity.label(), "Avviso");
        assert_eq!(Verdict::Pending.label(), "da verificare");
        assert_eq!(
            parse_score("7.5", c),
            Err("Il punteggio 7,5 deve essere un numero intero.".into())
        );
    }

    /// The hash of a title's key, from the key itself.
    fn hash_of_key(title: &str) -> u64 {
        let key = title_key(title);
        match hash_text(key.bytes()) {
            _ if key.is_empty() => 0,
            0 => 1,
            h => h,
        }
    }

    #[test]
    fn a_title_hash_is_the_hash_of_its_key() {
        let titles = [
            "",
            "   ",
            "!?",
            "Recupero evasione",
            "recupero  EVASIONE!",
            "  Gestione, immobili. ",
            "ΣΑΣ σας",
            "Σ",
            "aΣ b",
            "ΌΣΟΣ",
            "İstanbul",
            "ǅemal",
            "Straße",
            "ﬁne",
            "a\u{307}b",
            "Ⅻ secolo",
            "n. 3/2025",
            "«Più» — meno",
            "日本語 テキスト",
            "ÀÈÌ òù",
        ];
        for t in titles {
            assert_eq!(title_hash(t), hash_of_key(t), "{t:?}");
        }
        // Random strings over a pool of letters that change in length or
        // meaning when lowercased, spaces and punctuation.
        let pool: Vec<char> = "aAzZ09 ,.-ΣσςİıIǅǄßẞﬁⅫ\u{307}àÀ日-'\"".chars().collect();
        let mut state = 7u64;
        for _ in 0..20_000 {
            let len = (state % 9) as usize;
            let title: String = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    pool[(state >> 33) as usize % pool.len()]
                })
                .collect();
            assert_eq!(title_hash(&title), hash_of_key(&title), "{title:?}");
        }
    }
}
