//! What changed between two plans: a proposal and its validated copy, or this
//! year's plan and last year's. Objectives are matched by title first (ids
//! of two different years mean nothing to each other), then by id, so a
//! renamed objective is seen as retitled rather than removed and added.
//! The Nucleo's review is compared too: a verdict, a revised score or a note
//! that differs, so that two copies of a review can be told apart.

use std::collections::{HashMap, HashSet};

use super::compute::{compute, Results};
use super::decimal::Dec;
use super::plan::{Objective, Plan};
use super::review::{validated, ScoreReview, Verdict};

/// What part of an objective a review change is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reviewed {
    /// The objective as a whole.
    Objective,
    /// One criterion's score, by its short name.
    Criterion(String),
    /// Its degree of achievement.
    Achievement,
}

/// One change, described by what a reader needs to find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added {
        unit: String,
        title: String,
    },
    Removed {
        unit: String,
        title: String,
    },
    Retitled {
        unit: String,
        from: String,
        to: String,
    },
    Moved {
        title: String,
        from: String,
        to: String,
    },
    /// A unit kept (the same id) under another name: its objectives are
    /// where they were, not moved.
    UnitRenamed {
        from: String,
        to: String,
    },
    Score {
        unit: String,
        title: String,
        criterion: String,
        from: Option<Dec>,
        to: Option<Dec>,
    },
    Points {
        unit: String,
        title: String,
        from: Option<Dec>,
        to: Option<Dec>,
    },
    Weight {
        unit: String,
        title: String,
        from: Option<Dec>,
        to: Option<Dec>,
    },
    /// The Nucleo's verdict.
    Verdict {
        unit: String,
        title: String,
        on: Reviewed,
        from: Verdict,
        to: Verdict,
    },
    /// The value the Nucleo puts in place of the proposed score (or
    /// percentage of achievement).
    Revised {
        unit: String,
        title: String,
        on: Reviewed,
        from: Option<Dec>,
        to: Option<Dec>,
    },
    /// The Nucleo's note.
    Note {
        unit: String,
        title: String,
        on: Reviewed,
        from: String,
        to: String,
    },
}

/// A unit's average before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitAverages {
    pub unit: String,
    pub before: Option<Dec>,
    pub after: Option<Dec>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub changes: Vec<Change>,
    /// Every unit of either plan, in the order of the newer one.
    pub units: Vec<UnitAverages>,
    pub ente_before: Option<Dec>,
    pub ente_after: Option<Dec>,
    /// Whether totals, weights and averages are the validated ones.
    pub validated: bool,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.units.iter().all(|u| u.before == u.after)
    }
}

/// `after − before`, when both exist. Between averages, these are the
/// averages as shown, each rounded once to two decimals: the difference is
/// exact between the two numbers on screen (22,33 → 21,67 is −0,66, though
/// the exact averages 22,333… and 21,666… differ by 0,666…), so that the
/// Nucleo can check it by a subtraction.
pub fn difference(before: Option<Dec>, after: Option<Dec>) -> Option<Dec> {
    Some(Dec::from_raw(after?.raw() - before?.raw()))
}

fn title_key(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn unit_name(plan: &Plan, id: &str) -> String {
    plan.unit(id)
        .map_or_else(|| id.to_string(), |u| plan.unit_label(u))
}

fn weight_of(plan: &Plan, results: &Results, objective: usize) -> Option<Dec> {
    let unit = plan.unit_index(&plan.objectives[objective].unit)?;
    results.units[unit].weight_of(objective).or_else(|| {
        results
            .shared
            .members
            .iter()
            .find(|m| m.objective == objective)
            .and_then(|m| m.weight)
    })
}

/// One reviewed part's verdict, note and revised value.
type ReviewPart<'a> = (Verdict, &'a str, Option<Dec>);

/// The review's differences on one matched pair of objectives: the
/// objective's own verdict and note, then each criterion's (matched by id),
/// then the achievement's.
fn review_changes(
    before: &Plan,
    after: &Plan,
    (ob, oa): (&Objective, &Objective),
    unit: &str,
    changes: &mut Vec<Change>,
) {
    fn score(r: Option<&ScoreReview>) -> ReviewPart<'_> {
        r.map_or((Verdict::Pending, "", None), |r| {
            (r.verdict, r.comment.as_str(), r.revised)
        })
    }
    fn own(o: &Objective) -> ReviewPart<'_> {
        (o.review.verdict, o.review.comment.as_str(), None)
    }
    let mut parts: Vec<(Reviewed, ReviewPart, ReviewPart)> =
        vec![(Reviewed::Objective, own(ob), own(oa))];
    for (c, criterion) in after.grid.criteria.iter().enumerate() {
        let b = before
            .grid
            .criterion_index(&criterion.id)
            .and_then(|cb| ob.review.score(cb));
        parts.push((
            Reviewed::Criterion(criterion.short.clone()),
            score(b),
            score(oa.review.score(c)),
        ));
    }
    parts.push((
        Reviewed::Achievement,
        score(Some(&ob.review.achievement)),
        score(Some(&oa.review.achievement)),
    ));
    let place = || (unit.to_string(), oa.title.clone());
    for (on, (verdict_b, note_b, revised_b), (verdict_a, note_a, revised_a)) in parts {
        if verdict_b != verdict_a {
            let (unit, title) = place();
            changes.push(Change::Verdict {
                unit,
                title,
                on: on.clone(),
                from: verdict_b,
                to: verdict_a,
            });
        }
        if revised_b != revised_a {
            let (unit, title) = place();
            changes.push(Change::Revised {
                unit,
                title,
                on: on.clone(),
                from: revised_b,
                to: revised_a,
            });
        }
        if note_b != note_a {
            let (unit, title) = place();
            changes.push(Change::Note {
                unit,
                title,
                on,
                from: note_b.to_string(),
                to: note_a.to_string(),
            });
        }
    }
}

/// Compares `before` with `after`, their numbers as proposed.
pub fn diff(before: &Plan, after: &Plan) -> Diff {
    compare(before, after, &compute(before), &compute(after))
}

/// Compares `before` with `after` as the Nucleo reads them: scores as
/// proposed, but totals, relative weights and averages of each plan
/// validated (with the values the Nucleo revised).
pub fn diff_validated(before: &Plan, after: &Plan) -> Diff {
    let numbers = |plan: &Plan| compute(&validated(plan));
    diff_with(before, after, &numbers(before), &numbers(after), true)
}

/// [`diff`] (or, `validated`, [`diff_validated`]) with each plan's numbers
/// already worked out: `compute` of the plan, or of the plan validated.
pub fn diff_with(
    before: &Plan,
    after: &Plan,
    before_numbers: &Results,
    after_numbers: &Results,
    validated: bool,
) -> Diff {
    Diff {
        validated,
        ..compare(before, after, before_numbers, after_numbers)
    }
}

/// The other plan's ente and year, when they are not `here`'s: a comparison
/// of two different plans (another ente, another year), which says so.
/// Names differing only in the spaces around them are the same ente.
pub fn other_ente(other: &Plan, here: &Plan) -> Option<(String, i32)> {
    let (there, here) = (&other.ente, &here.ente);
    (there.name.trim() != here.name.trim() || there.year != here.year)
        .then(|| (there.name.clone(), there.year))
}

fn compare(before: &Plan, after: &Plan, rb: &Results, ra: &Results) -> Diff {
    // Match objectives: same title first, then same id.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut used_before = HashSet::new();
    let mut used_after = HashSet::new();
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, o) in before.objectives.iter().enumerate() {
        let key = title_key(&o.title);
        if !key.is_empty() {
            by_title.entry(key).or_default().push(i);
        }
    }
    for (j, o) in after.objectives.iter().enumerate() {
        let key = title_key(&o.title);
        if let Some(candidates) = by_title.get_mut(&key) {
            // Prefer the same unit when a title repeats.
            let pick = candidates
                .iter()
                .position(|&i| before.objectives[i].unit == o.unit)
                .unwrap_or(0);
            if !candidates.is_empty() {
                let i = candidates.remove(pick);
                pairs.push((i, j));
                used_before.insert(i);
                used_after.insert(j);
            }
        }
    }
    for (j, o) in after.objectives.iter().enumerate() {
        if used_after.contains(&j) {
            continue;
        }
        if let Some(i) = before
            .objective_index(&o.id)
            .filter(|i| !used_before.contains(i))
        {
            pairs.push((i, j));
            used_before.insert(i);
            used_after.insert(j);
        }
    }
    super::sort::sort_by_key(&mut pairs, |&(_, j)| j);

    let mut changes = Vec::new();
    for u in &after.units {
        if let Some(b) = before.unit_index(&u.id) {
            let was = &before.units[b];
            if title_key(&was.name) != title_key(&u.name) {
                changes.push(Change::UnitRenamed {
                    from: before.unit_label(was),
                    to: after.unit_label(u),
                });
            }
        }
    }
    for &(i, j) in &pairs {
        let (ob, oa) = (&before.objectives[i], &after.objectives[j]);
        let unit = unit_name(after, &oa.unit);
        if title_key(&ob.title) != title_key(&oa.title) {
            changes.push(Change::Retitled {
                unit: unit.clone(),
                from: ob.title.clone(),
                to: oa.title.clone(),
            });
        }
        // The same unit: the same id (renamed, maybe), or the same name
        // (another year's file, its ids given again).
        let (ub, ua) = (unit_name(before, &ob.unit), unit_name(after, &oa.unit));
        if ob.unit != oa.unit && title_key(&ub) != title_key(&ua) {
            changes.push(Change::Moved {
                title: oa.title.clone(),
                from: ub,
                to: ua.clone(),
            });
        }
        for (c, criterion) in after.grid.criteria.iter().enumerate() {
            let Some(cb) = before.grid.criterion_index(&criterion.id) else {
                continue;
            };
            let (sb, sa) = (
                ob.scores.get(cb).copied().flatten(),
                oa.scores.get(c).copied().flatten(),
            );
            if sb != sa {
                changes.push(Change::Score {
                    unit: unit.clone(),
                    title: oa.title.clone(),
                    criterion: criterion.short.clone(),
                    from: sb,
                    to: sa,
                });
            }
        }
        let (pb, pa) = (rb.objectives[i].points, ra.objectives[j].points);
        if pb != pa {
            changes.push(Change::Points {
                unit: unit.clone(),
                title: oa.title.clone(),
                from: pb,
                to: pa,
            });
        }
        let (wb, wa) = (weight_of(before, rb, i), weight_of(after, ra, j));
        if wb != wa {
            changes.push(Change::Weight {
                unit: unit.clone(),
                title: oa.title.clone(),
                from: wb,
                to: wa,
            });
        }
        review_changes(before, after, (ob, oa), &unit, &mut changes);
    }
    for (i, o) in before.objectives.iter().enumerate() {
        if !used_before.contains(&i) {
            changes.push(Change::Removed {
                unit: unit_name(before, &o.unit),
                title: o.title.clone(),
            });
        }
    }
    for (j, o) in after.objectives.iter().enumerate() {
        if !used_after.contains(&j) {
            changes.push(Change::Added {
                unit: unit_name(after, &o.unit),
                title: o.title.clone(),
            });
        }
    }

    // Unit averages, units matched by id, then by name.
    let mut units = Vec::new();
    let mut seen = HashSet::new();
    let find_before = |id: &str, name: &str| {
        before.unit_index(id).or_else(|| {
            before
                .units
                .iter()
                .position(|u| title_key(&u.name) == title_key(name))
        })
    };
    for (ua_index, u) in after.units.iter().enumerate() {
        let b = find_before(&u.id, &u.name);
        if let Some(b) = b {
            seen.insert(b);
        }
        let after_stats = if after.children_of(Some(&u.id)).next().is_some() {
            &ra.units[ua_index].subtree
        } else {
            &ra.units[ua_index].own.stats
        };
        let before_avg = b.map(|b| {
            if before
                .children_of(Some(&before.units[b].id))
                .next()
                .is_some()
            {
                rb.units[b].subtree.average
            } else {
                rb.units[b].own.stats.average
            }
        });
        units.push(UnitAverages {
            unit: after.unit_label(u),
            before: before_avg.flatten(),
            after: after_stats.average,
        });
    }
    for (b, u) in before.units.iter().enumerate() {
        if !seen.contains(&b) {
            units.push(UnitAverages {
                unit: before.unit_label(u),
                before: rb.units[b].own.stats.average,
                after: None,
            });
        }
    }

    Diff {
        changes,
        units,
        ente_before: rb.ente.average,
        ente_after: ra.ente.average,
        validated: false,
    }
}
