//! From weights to results: each objective's degree of achievement (grado di
//! raggiungimento), entered as a percentage or computed from an indicator,
//! times its relative weight gives its weighted score; a unit's result is the
//! sum of its objectives' (0–100), an area's and the ente's the mean of their
//! units'. An objective without achievement makes its unit's result
//! incomplete: it is never counted as zero.
//!
//! Rounding: an achievement computed from an indicator is rounded half-up to
//! hundredths; a weighted score is achievement × relative weight / 100,
//! shown half-up to hundredths; a unit's result is the exact sum of its
//! objectives' exact weighted scores, rounded once. It can differ by a few
//! hundredths from the sum of the weighted scores as shown, which
//! [`GroupResult::shown_sum`] gives, so that the page can say why.

use super::compute::{Group, Results};
use super::decimal::Dec;
use super::plan::Plan;

/// Whether a higher or a lower actual value is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// How an objective's achievement is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Achievement {
    /// Entered directly, 0–100.
    Percent(Dec),
    /// From an indicator: the actual value against the target.
    Indicator {
        target: Dec,
        actual: Dec,
        direction: Direction,
    },
}

/// The grid's optional bands: below `zero_below` the achievement counts 0,
/// from `full_from` it counts 100, in between it counts as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bands {
    pub zero_below: Dec,
    pub full_from: Dec,
}

/// The raw achievement in percent, capped at 100; `None` when it cannot be
/// computed (a non-positive value where the rule divides by it).
pub fn raw_percent(achievement: Achievement) -> Option<Dec> {
    let hundred = Dec::HUNDRED;
    let percent = match achievement {
        Achievement::Percent(p) => p,
        Achievement::Indicator {
            target,
            actual,
            direction: Direction::HigherIsBetter,
        } => {
            if actual >= target {
                hundred
            } else if target.raw() <= 0 {
                return None;
            } else {
                Dec::ratio(actual.raw() as i128 * 100, target.raw() as i128, 2)?
            }
        }
        Achievement::Indicator {
            target,
            actual,
            direction: Direction::LowerIsBetter,
        } => {
            if actual <= target {
                hundred
            } else if actual.raw() <= 0 || target.raw() < 0 {
                return None;
            } else {
                Dec::ratio(target.raw() as i128 * 100, actual.raw() as i128, 2)?
            }
        }
    };
    Some(percent.min(hundred).max(Dec::ZERO))
}

/// The achievement that counts: the raw one through the grid's bands.
pub fn counted_percent(achievement: Achievement, bands: Option<Bands>) -> Option<Dec> {
    let raw = raw_percent(achievement)?;
    Some(match bands {
        Some(b) if raw < b.zero_below => Dec::ZERO,
        Some(b) if raw >= b.full_from => Dec::HUNDRED,
        _ => raw,
    })
}

/// One objective's weighted score, exact (ten-thousandths of a point times
/// ten-thousandths, see [`exact_to_dec`]).
fn exact_weighted(achievement: Dec, weight: Dec) -> i128 {
    achievement.raw() as i128 * weight.raw() as i128
}

/// An exact product of two [`Dec`]s divided by 100, half-up to hundredths.
fn exact_to_dec(exact: i128) -> Dec {
    // value = exact / 10^8 / 100 points; in ten-thousandths: exact / 10^6
    Dec::ratio(exact, 100 * Dec::SCALE as i128 * Dec::SCALE as i128, 2).unwrap_or_default()
}

/// An objective's weighted score: achievement × relative weight / 100.
pub fn weighted_score(achievement: Dec, weight: Dec) -> Dec {
    exact_to_dec(exact_weighted(achievement, weight))
}

/// A table's result: the sum of its objectives' weighted scores, or why not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct GroupResult {
    /// 0–100, when every weighted objective has an achievement.
    pub score: Option<Dec>,
    /// Weighted objectives without an achievement.
    pub missing: usize,
    /// The sum of the weighted scores each rounded as shown, beside
    /// [`GroupResult::score`].
    pub shown_sum: Option<Dec>,
}

/// The result of a table of objectives (a unit's, or the shared ones).
pub fn group_result(plan: &Plan, group: &Group) -> GroupResult {
    let bands = plan.grid.bands;
    let mut exact: i128 = 0;
    let mut shown: i64 = 0;
    let mut missing = 0;
    let mut any = false;
    for m in &group.members {
        let Some(weight) = m.weight else { continue };
        any = true;
        match plan.objectives[m.objective]
            .achievement
            .and_then(|a| counted_percent(a, bands))
        {
            Some(a) => {
                exact += exact_weighted(a, weight);
                shown += weighted_score(a, weight).raw();
            }
            None => missing += 1,
        }
    }
    let complete = any && missing == 0;
    GroupResult {
        score: complete.then(|| exact_to_dec(exact)),
        missing,
        shown_sum: complete.then(|| Dec::from_raw(shown)),
    }
}

/// Results of every unit (aligned with `plan.units`), each area's (mean of the
/// units below it that have their own objectives) and the ente's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Outcome {
    pub units: Vec<GroupResult>,
    /// Mean of the unit results below each unit (itself included), half-up to
    /// hundredths; `None` while one of them is incomplete.
    pub rollup: Vec<Option<Dec>>,
    pub ente: Option<Dec>,
}

pub fn outcome(plan: &Plan, results: &Results) -> Outcome {
    let units: Vec<GroupResult> = results
        .units
        .iter()
        .map(|u| group_result(plan, &u.own))
        .collect();
    let index = |id: &str| plan.unit_index(id);
    // For every unit, the units with objectives at or below it.
    let mut rollup = Vec::with_capacity(plan.units.len());
    for unit in &plan.units {
        let mut scores = Vec::new();
        let mut complete = true;
        for (v, other) in plan.units.iter().enumerate() {
            let mut cur = Some(other);
            let mut below = false;
            let mut steps = 0;
            while let Some(c) = cur {
                if c.id == unit.id {
                    below = true;
                    break;
                }
                steps += 1;
                if steps > plan.units.len() {
                    break;
                }
                cur = c.parent.as_deref().and_then(index).map(|p| &plan.units[p]);
            }
            if below && counts_in_results(results, v) {
                match units[v].score {
                    Some(s) => scores.push(s),
                    None => complete = false,
                }
            }
        }
        rollup.push(mean_of(&scores).filter(|_| complete));
    }
    let mut all = Vec::new();
    let mut complete = true;
    for (v, r) in units.iter().enumerate() {
        if !counts_in_results(results, v) {
            continue;
        }
        match r.score {
            Some(s) => all.push(s),
            None => complete = false,
        }
    }
    let ente = mean_of(&all).filter(|_| complete);
    Outcome {
        units,
        rollup,
        ente,
    }
}

/// Whether the unit at `v` has a result to count in its areas' and the
/// ente's: objectives of its own of which one at least can carry a weight.
/// A unit of prerequisites only («X», under direct percentages) has none,
/// ever, and is left out rather than leaving every result above it missing.
fn counts_in_results(results: &Results, v: usize) -> bool {
    results.units[v].own.stats.objectives > 0
}

fn mean_of(values: &[Dec]) -> Option<Dec> {
    let total: i128 = values.iter().map(|v| v.raw() as i128).sum();
    Dec::ratio(total, values.len() as i128 * Dec::SCALE as i128, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;

    fn d(t: &str) -> Dec {
        parse_number(t).unwrap()
    }

    fn higher(target: &str, actual: &str) -> Achievement {
        Achievement::Indicator {
            target: d(target),
            actual: d(actual),
            direction: Direction::HigherIsBetter,
        }
    }

    fn lower(target: &str, actual: &str) -> Achievement {
        Achievement::Indicator {
            target: d(target),
            actual: d(actual),
            direction: Direction::LowerIsBetter,
        }
    }

    #[test]
    fn higher_is_better() {
        // 24 hours of training per head expected, 20 done: 20/24 = 83,333… → 83,33
        assert_eq!(raw_percent(higher("24", "20")), Some(d("83,33")));
        assert_eq!(raw_percent(higher("24", "30")), Some(d("100")), "capped");
        assert_eq!(raw_percent(higher("0", "0")), Some(d("100")));
    }

    #[test]
    fn lower_is_better() {
        // 5 working days to answer, 8 taken: 5/8 = 62,5
        assert_eq!(raw_percent(lower("5", "8")), Some(d("62,5")));
        assert_eq!(raw_percent(lower("5", "4")), Some(d("100")));
        // 30 days of payment delay allowed, 45 taken: 30/45 = 66,666… → 66,67
        assert_eq!(raw_percent(lower("30", "45")), Some(d("66,67")));
    }

    #[test]
    fn direct_percent_is_capped() {
        assert_eq!(raw_percent(Achievement::Percent(d("120"))), Some(d("100")));
        assert_eq!(
            raw_percent(Achievement::Percent(d("75,5"))),
            Some(d("75,5"))
        );
    }

    #[test]
    fn bands() {
        let b = Some(Bands {
            zero_below: d("50"),
            full_from: d("80"),
        });
        assert_eq!(
            counted_percent(Achievement::Percent(d("49,99")), b),
            Some(d("0"))
        );
        assert_eq!(
            counted_percent(Achievement::Percent(d("50")), b),
            Some(d("50"))
        );
        assert_eq!(
            counted_percent(Achievement::Percent(d("65")), b),
            Some(d("65"))
        );
        assert_eq!(
            counted_percent(Achievement::Percent(d("80")), b),
            Some(d("100"))
        );
        assert_eq!(
            counted_percent(higher("24", "20"), b),
            Some(d("100")),
            "83,33 is above 80"
        );
    }

    #[test]
    fn weighted_score_rounds_half_up() {
        // 83,33 % of 29,03 = 24,190… → 24,19
        assert_eq!(weighted_score(d("83,33"), d("29,03")), d("24,19"));
        // 50 % of 0,05 = 0,025 → 0,03
        assert_eq!(weighted_score(d("50"), d("0,05")), d("0,03"));
    }
}
