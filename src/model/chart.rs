//! The numbers of the charts, laid out: bars for unit averages with the
//! ente's average marked, and each objective's points stacked by criterion.
//! Pure geometry in a 0–1000 wide coordinate space, so the interface only
//! draws rectangles and the layout is tested here.

use super::achievement::Outcome;
use super::compute::Results;
use super::decimal::Dec;
use super::plan::{Method, Plan};

/// One horizontal bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: Dec,
    /// Length in thousandths of the plot width.
    pub length: u32,
}

/// Unit averages as bars, longest scale = the highest average (or the grid's
/// maximum when known), and where the ente's average falls on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AverageChart {
    pub bars: Vec<Bar>,
    pub scale_max: Dec,
    /// Whether the scale ends at a fixed maximum (the grid's points, 100 %),
    /// written as points are, or at the highest average, written with its
    /// two decimals as the averages are (8,30).
    pub scale_fixed: bool,
    pub ente: Option<(Dec, u32)>,
}

/// Bars drawn at once: a chart of more units (a long plan has thousands) is
/// shown a page at a time, which keeps it readable and quick to draw.
pub const BARS_PER_PAGE: usize = 40;

/// The bars of page `page` (from 0; past the end means the last page) of a
/// chart of `total` bars, and how many pages it has (at least one).
pub fn page(total: usize, page: usize) -> (std::ops::Range<usize>, usize) {
    let pages = total.div_ceil(BARS_PER_PAGE).max(1);
    let page = page.min(pages - 1);
    let start = page * BARS_PER_PAGE;
    (start..(start + BARS_PER_PAGE).min(total), pages)
}

fn length(value: Dec, max: Dec) -> u32 {
    if max.raw() <= 0 {
        return 0;
    }
    (value.raw().max(0) as i128 * 1000 / max.raw() as i128).min(1000) as u32
}

pub fn averages(plan: &Plan, results: &Results) -> AverageChart {
    let mut rows: Vec<(String, Dec)> = Vec::new();
    for (u, unit) in plan.units.iter().enumerate() {
        if let Some(avg) = results.units[u].own.stats.average {
            rows.push((plan.unit_label(unit), avg));
        }
    }
    if let Some(avg) = results.shared.stats.average {
        rows.push((
            crate::text::t().model.chart_shared_objectives.to_string(),
            avg,
        ));
    }
    let highest = rows.iter().map(|(_, v)| *v).max().unwrap_or_default();
    let scale_fixed = plan.grid.method == Method::Criteria
        && plan.grid.types.is_empty()
        && plan.grid.max_points() >= highest;
    let scale_max = if scale_fixed {
        plan.grid.max_points()
    } else {
        highest
    };
    AverageChart {
        bars: rows
            .into_iter()
            .map(|(label, value)| Bar {
                length: length(value, scale_max),
                label,
                value,
            })
            .collect(),
        scale_max,
        scale_fixed,
        ente: results.ente.average.map(|a| (a, length(a, scale_max))),
    }
}

/// Unit results (0–100) as bars, then the objectives shared by several
/// units when they have a table (and a result) of their own, as in the
/// averages chart; the ente's result marked.
pub fn results(plan: &Plan, results: &Results, outcome: &Outcome) -> AverageChart {
    let mut bars = Vec::new();
    for (u, unit) in plan.units.iter().enumerate() {
        if results.units[u].own.members.is_empty() {
            continue;
        }
        if let Some(score) = outcome.units[u].score {
            bars.push(Bar {
                label: plan.unit_label(unit),
                value: score,
                length: length(score, Dec::HUNDRED),
            });
        }
    }
    if let Some(score) = super::achievement::group_result(plan, &results.shared).score {
        bars.push(Bar {
            label: crate::text::t().model.chart_shared_objectives.to_string(),
            value: score,
            length: length(score, Dec::HUNDRED),
        });
    }
    AverageChart {
        bars,
        scale_max: Dec::HUNDRED,
        scale_fixed: true,
        ente: outcome.ente.map(|e| (e, length(e, Dec::HUNDRED))),
    }
}

/// One objective's points, one segment per criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stack {
    pub label: String,
    /// (criterion index, points, start, length) in thousandths.
    pub segments: Vec<(usize, Dec, u32, u32)>,
    pub total: Dec,
}

/// The objectives of one unit's table as stacked bars (criteria method).
pub fn stacks(plan: &Plan, objectives: &[usize]) -> Vec<Stack> {
    let max = plan.grid.max_points();
    objectives
        .iter()
        .filter_map(|&i| {
            let o = &plan.objectives[i];
            let mut start = 0;
            let mut segments = Vec::new();
            let mut total = Dec::ZERO;
            for (c, _) in plan.grid.criteria.iter().enumerate() {
                let points = o.scores.get(c).copied().flatten()?;
                let len = length(points, max);
                segments.push((c, points, start, len));
                start += len;
                total = total + points;
            }
            Some(Stack {
                label: o.title.clone(),
                segments,
                total,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_chart_is_shown_a_page_at_a_time() {
        assert_eq!(page(0, 0), (0..0, 1));
        assert_eq!(page(40, 0), (0..40, 1));
        assert_eq!(page(41, 1), (40..41, 2));
        assert_eq!(page(3300, 0), (0..40, 83));
        assert_eq!(page(3300, 82), (3280..3300, 83));
        // A page past the end (the plan shrank) shows the last one.
        assert_eq!(page(85, 9), (80..85, 3));
    }

    use super::*;
    use crate::io::json;
    use crate::model::compute;

    #[test]
    fn direct_percentages_on_a_scale_that_ends_at_the_highest_average() {
        use crate::model::plan::DirectWeight;
        use crate::model::presets::{new_plan_with, Preset};
        let mut plan = new_plan_with(2025, Preset::DirectPercent);
        let unit = plan.units[0].id.clone();
        for p in ["45,5", "54,5", "33,2"] {
            let id = plan.add_objective(&unit);
            let p = crate::model::decimal::parse_number(p).unwrap();
            plan.set_direct(&id, Some(DirectWeight::Percent(p)));
        }
        let chart = averages(&plan, &compute(&plan));
        // (45,5 + 54,5 + 33,2) / 3 = 44,40: the scale, written as an average is.
        assert_eq!(
            chart.scale_max,
            crate::model::decimal::parse_number("44,4").unwrap()
        );
        assert!(!chart.scale_fixed);
    }

    #[test]
    fn como_averages_on_the_40_point_scale() {
        let plan = json::load(include_bytes!("../../examples/como-peg-2024.json")).unwrap();
        let chart = averages(&plan, &compute(&plan));
        assert_eq!(chart.scale_max, Dec::from_int(40));
        assert!(chart.scale_fixed);
        assert_eq!(chart.bars.len(), 18, "17 settori and the common objectives");
        let s3 = chart
            .bars
            .iter()
            .find(|b| b.label.starts_with("SETTORE 3"))
            .unwrap();
        assert_eq!(s3.length, 662); // 26,50 / 40
        assert_eq!(chart.ente.unwrap().1, 538); // 21,55 / 40
        let s1 = stacks(&plan, &[0]);
        assert_eq!(s1[0].segments.iter().map(|s| s.3).sum::<u32>(), 450); // 18 / 40
        assert_eq!(s1[0].segments[1].2, 100); // complessità 4 → starts the second segment at 4/40
    }

    #[test]
    fn results_on_the_100_scale() {
        use crate::model::achievement::{outcome, Achievement};
        let mut plan = json::load(include_bytes!("../../examples/como-peg-2024.json")).unwrap();
        for o in plan.objectives.iter_mut().filter(|o| o.unit == "s1") {
            o.achievement = Some(Achievement::Percent(Dec::from_int(50)));
        }
        let r = compute(&plan);
        let chart = results(&plan, &r, &outcome(&plan, &r));
        assert_eq!(chart.bars.len(), 1, "only Settore 1 has a complete result");
        assert_eq!(chart.bars[0].length, 500);
        assert_eq!(chart.ente, None, "the ente's result waits for every unit");
        // The objectives common to several units, in a table of their own:
        // their result is a bar of its own, as their average is.
        for o in plan.objectives.iter_mut().filter(|o| o.is_shared()) {
            o.achievement = Some(Achievement::Percent(Dec::from_int(80)));
        }
        let r = compute(&plan);
        let chart = results(&plan, &r, &outcome(&plan, &r));
        assert_eq!(chart.bars.len(), 2);
        assert_eq!(chart.bars[1].label, "Obiettivi comuni");
        assert_eq!(chart.bars[1].value, Dec::from_int(80));
        assert_eq!(
            chart.ente, None,
            "the common objectives do not make the ente's"
        );
    }
}
