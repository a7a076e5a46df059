//! How much the ranking depends on each criterion, before the Giunta
//! approves: scale a criterion's influence and see which objectives change
//! rank inside their unit; and, for each objective, the smallest change of a
//! single score that would change its rank. Nothing here alters the plan.

use super::compute::{points, times, Results};
use super::decimal::Dec;
use super::plan::{Grid, Method, Objective, Plan, Scale};

/// An objective's weight with each criterion's scores multiplied by its
/// factor (1 = the grid as adopted), times the type factor if any.
pub fn scaled_points(o: &Objective, grid: &Grid, factors: &[Dec]) -> Option<Dec> {
    let scaled: Vec<Option<Dec>> = grid
        .criteria
        .iter()
        .enumerate()
        .map(|(c, _)| {
            o.scores
                .get(c)
                .copied()
                .flatten()
                .map(|s| times(s, factors.get(c).copied().unwrap_or(Dec::from_int(1))))
        })
        .collect();
    let sum = points(&scaled)?;
    if grid.types.is_empty() {
        Some(sum)
    } else {
        let factor = grid.objective_type(o.kind.as_deref()?)?.factor;
        Some(times(sum, factor))
    }
}

/// Rank of `value` among `others`: 1 + how many are strictly greater.
pub fn rank(value: Dec, others: impl Iterator<Item = Dec>) -> usize {
    1 + others.filter(|o| *o > value).count()
}

/// One objective's standing in its unit, as adopted and with the factors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub objective: usize,
    pub points: Option<Dec>,
    pub scaled: Option<Dec>,
    pub rank: Option<usize>,
    pub scaled_rank: Option<usize>,
}

impl Standing {
    pub fn moved(&self) -> bool {
        self.rank != self.scaled_rank
    }
}

/// Every table's standings (units in plan order, then the shared table).
pub fn standings(
    plan: &Plan,
    results: &Results,
    factors: &[Dec],
) -> Vec<(Option<usize>, Vec<Standing>)> {
    let ones = vec![Dec::from_int(1); plan.grid.criteria.len()];
    let table = |members: Vec<usize>| -> Vec<Standing> {
        let base: Vec<Option<Dec>> = members
            .iter()
            .map(|&i| scaled_points(&plan.objectives[i], &plan.grid, &ones))
            .collect();
        let scaled: Vec<Option<Dec>> = members
            .iter()
            .map(|&i| scaled_points(&plan.objectives[i], &plan.grid, factors))
            .collect();
        members
            .iter()
            .enumerate()
            .map(|(k, &objective)| Standing {
                objective,
                points: base[k],
                scaled: scaled[k],
                rank: base[k].map(|v| {
                    rank(
                        v,
                        base.iter()
                            .enumerate()
                            .filter(|(j, _)| *j != k)
                            .filter_map(|(_, p)| *p),
                    )
                }),
                scaled_rank: scaled[k].map(|v| {
                    rank(
                        v,
                        scaled
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != k)
                            .filter_map(|(_, p)| *p),
                    )
                }),
            })
            .collect()
    };
    let mut out: Vec<(Option<usize>, Vec<Standing>)> = results
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| !u.own.members.is_empty())
        .map(|(u, r)| {
            (
                Some(u),
                table(r.own.members.iter().map(|m| m.objective).collect()),
            )
        })
        .collect();
    if !results.shared.members.is_empty() {
        out.push((
            None,
            table(results.shared.members.iter().map(|m| m.objective).collect()),
        ));
    }
    out
}

/// The smallest change of one score that changes an objective's rank among
/// `peers` (the other objectives of its table), with each criterion's
/// points scaled by `factors` (the sliders; all 1 for the grid adopted):
/// (criterion, change). A criterion scaled to nothing changes no rank.
pub fn minimal_change(
    plan: &Plan,
    objective: usize,
    peers: &[usize],
    factors: &[Dec],
) -> Option<(usize, Dec)> {
    if plan.grid.method != Method::Criteria {
        return None;
    }
    let grid = &plan.grid;
    let o = &plan.objectives[objective];
    let own = scaled_points(o, grid, factors)?;
    let others: Vec<Dec> = peers
        .iter()
        .filter(|&&p| p != objective)
        .filter_map(|&p| scaled_points(&plan.objectives[p], grid, factors))
        .collect();
    let base_rank = rank(own, others.iter().copied());
    let mut best: Option<(usize, Dec)> = None;
    for (c, criterion) in grid.criteria.iter().enumerate() {
        let Some(current) = o.scores.get(c).copied().flatten() else {
            continue;
        };
        let candidates: Vec<Dec> = match &criterion.scale {
            Scale::Range { min, max, step } => {
                let mut v = Vec::new();
                let mut k = 1;
                loop {
                    let delta = Dec::from_raw(step.raw() * k);
                    let up = current.checked_add(delta).filter(|x| x <= max);
                    let down = current.checked_sub(delta).filter(|x| x >= min);
                    if up.is_none() && down.is_none() {
                        break;
                    }
                    v.extend(up);
                    v.extend(down);
                    k += 1;
                }
                v
            }
            Scale::Levels(levels) => {
                let mut v: Vec<Dec> = levels
                    .iter()
                    .map(|l| l.points)
                    .filter(|p| *p != current)
                    .collect();
                super::sort::sort_by_key(&mut v, |p| (p.raw() - current.raw()).abs());
                v
            }
        };
        for value in candidates {
            let mut changed = o.clone();
            changed.scores[c] = Some(value);
            let Some(p) = scaled_points(&changed, grid, factors) else {
                continue;
            };
            if rank(p, others.iter().copied()) != base_rank {
                let delta = Dec::from_raw(value.raw() - current.raw());
                if best.is_none_or(|(_, b)| delta.raw().abs() < b.raw().abs()) {
                    best = Some((c, delta));
                }
                break;
            }
        }
    }
    best
}
