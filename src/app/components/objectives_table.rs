//! A table of objectives counted together — a unit's, or the objectives
//! common to several units — with their relative weights and the average in
//! the footer.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::objective_row::{CommentTexts, RowResults};
use crate::app::components::objective_row::{ObjectiveRow, UnitChoice};
use crate::app::state::{AchievementOf, Latest, Mode, DIRECT_CELL, REVISED_CELL};
use crate::app::Dispatch;
use crate::model::achievement::{counted_percent, group_result, weighted_score, GroupResult};
use crate::model::compute::Group;
use crate::model::describe;
use crate::model::plan::{Method, Scale};
use crate::model::review::objective_status;
use crate::text::{fill, number, plural, points, t};

#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// Read when rendering; never a reason to render (see `fingerprint`).
    pub state: Latest,
    /// Changes whenever anything the table shows changes.
    pub fingerprint: u64,
    pub dispatch: Dispatch,
    pub group: Group,
    pub caption: AttrValue,
    /// Used for the average cell's test id: `media-<key>`.
    pub key_name: AttrValue,
    pub units: Rc<Vec<UnitChoice>>,
    /// The same table's average as proposed, shown beside a validated one that differs.
    #[prop_or_default]
    pub proposed_average: Option<crate::model::Dec>,
}

#[component]
pub fn ObjectivesTable(props: &TableProps) -> Html {
    let state = &*props.state.0;
    let plan = &state.plan;
    let grid = use_memo(plan.grid.clone(), |g| g.clone());
    let direct = grid.method == Method::Direct;
    let n = props.group.members.len();

    let rows = props.group.members.iter().enumerate().map(|(pos, member)| {
        let i = member.objective;
        let o = &plan.objectives[i];
        let cells: Vec<String> = (0..grid.criteria.len()).map(|c| state.cell_text(i, c)).collect();
        let errors: Vec<Option<String>> = (0..grid.criteria.len()).map(|c| state.score_error(i, c)).collect();
        let direct_cell = (state.direct_text(i), state.cell_error(&o.id, DIRECT_CELL).map(str::to_string));
        let revised: Vec<(String, Option<String>)> = (0..grid.criteria.len())
            .map(|c| (state.revised_text(i, c), state.cell_error(&o.id, REVISED_CELL + c).map(str::to_string)))
            .collect();
        let status = objective_status(o, grid.criteria.len());
        let comments = if state.mode == Mode::Review {
            CommentTexts {
                objective: state.review_comment_text(i, None),
                criteria: (0..grid.criteria.len()).map(|c| state.review_comment_text(i, Some(c))).collect(),
                achievement: state.achievement_comment_text(i),
            }
        } else {
            CommentTexts::default()
        };
        let results = state.show_results.then(|| {
            let counted = state.shown_plan.objectives[i].achievement.and_then(|a| counted_percent(a, plan.grid.bands));
            RowResults {
                draft: state.grid_drafts.get(&AchievementOf::Objective(o.id.clone()).field())
                    .map(|d| (d.text.clone(), d.error.clone())),
                counted,
                weighted: counted.zip(member.weight).map(|(a, w)| weighted_score(a, w)),
            }
        });
        html! {
            <ObjectiveRow key={o.id.clone()} grid={grid.clone()} objective={o.clone()} number={pos + 1}
                is_first={pos == 0} is_last={pos + 1 == n}
                result={state.results.objectives[i].clone()} weight={member.weight}
                {cells} {errors} direct={direct_cell} units={props.units.clone()}
                review_mode={state.mode == Mode::Review} unsigned={state.unsigned()} proposed_points={state.proposed.objectives[i].points}
                {revised} {status} {results}
                achievement_review={state.grid_drafts.get(&format!("achievement-review-{}", o.id)).map(|d| (d.text.clone(), d.error.clone()))}
                comments={comments}
                dispatch={props.dispatch.clone()} />
        }
    });

    let stats = &props.group.stats;
    let score_columns = grid.criteria.len() + usize::from(!grid.types.is_empty());
    // The footer's label spans N., Titolo and the score columns; the average
    // sits under Totale (or under the assigned weight, with the direct method).
    let label_span = if direct { 2 } else { 2 + score_columns };
    let texts = &t().panels;
    let counted = if stats.prerequisites > 0 {
        fill(
            plural(
                stats.prerequisites,
                texts.table_counted_prerequisites_one,
                texts.table_counted_prerequisites_many,
            ),
            &[
                ("complete", &stats.complete),
                ("n", &stats.objectives),
                ("prerequisites", &stats.prerequisites),
            ],
        )
    } else {
        fill(
            plural(
                stats.objectives,
                texts.table_counted_one,
                texts.table_counted_many,
            ),
            &[("complete", &stats.complete), ("n", &stats.objectives)],
        )
    };
    let footer_label = fill(
        match grid.average {
            crate::model::plan::AverageRule::Simple => texts.table_average,
            crate::model::plan::AverageRule::PointsWeighted => texts.table_weighted_average,
        },
        &[("counted", &counted)],
    );

    // Every column: the label's, the total (or assigned weight), the relative weight, the results' two, the actions.
    let columns = label_span + 3 + if state.show_results { 2 } else { 0 };
    let hundred = fill(
        texts.percent,
        &[("value", &number(crate::model::Dec::HUNDRED, 2))],
    );
    let result = if state.show_results {
        group_result(&state.shown_plan, &props.group)
    } else {
        GroupResult::default()
    };

    // Rows hold fields the keyboard reaches, which scroll the box into
    // view; without rows, the box takes focus itself, so that the keyboard
    // can still scroll it on a narrow screen.
    let (tabindex, role, label) = if n == 0 {
        (Some("0"), Some("region"), Some(props.caption.clone()))
    } else {
        (None, None, None)
    };
    html! {
        <div class="table-scroll" {tabindex} {role} aria-label={label}>
            <table class="table objectives">
                <caption class="visually-hidden">{ props.caption.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{ texts.table_number }</th>
                        <th scope="col">{ texts.table_title }</th>
                        if direct {
                            <th scope="col" class="num">{ texts.table_assigned_weight }<br /><span class="range">{ texts.table_percent_or_x }</span></th>
                        } else {
                            { for grid.criteria.iter().map(|c| html! {
                                <th scope="col" class="num" title={c.name.clone()}>
                                    { c.short.clone() }<br />
                                    <span class="range">{ match &c.scale {
                                        Scale::Range { .. } => format!("{}–{}", points(c.min()), points(c.max())),
                                        Scale::Levels(_) => describe::scale(&c.scale),
                                    } }</span>
                                </th>
                            }) }
                            if !grid.types.is_empty() {
                                <th scope="col">{ texts.table_type }</th>
                            }
                            <th scope="col" class="num">{ texts.table_total }</th>
                        }
                        <th scope="col" class="num">{ texts.table_relative_weight }</th>
                        if state.show_results {
                            <th scope="col">{ texts.table_achievement }</th>
                            <th scope="col" class="num">{ texts.table_weighted_score }</th>
                        }
                        <th scope="col"><span class="visually-hidden">{ texts.table_actions }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for rows }
                    if n == 0 {
                        <tr><td colspan={columns.to_string()} class="empty">{ texts.table_empty }</td></tr>
                    }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan={label_span.to_string()}>{ footer_label }</th>
                        <td class="num average" data-testid={format!("media-{}", props.key_name)}>
                            { stats.average.map_or("—".to_string(), |a| number(a, 2)) }
                            if state.mode == Mode::Review && props.proposed_average != stats.average {
                                <span class="points-note proposed-note" data-testid={format!("media-proposta-{}", props.key_name)}>
                                    { fill(texts.table_proposed_average, &[("average", &props.proposed_average.map_or("—".to_string(), |a| number(a, 2)))]) }
                                </span>
                            }
                        </td>
                        <td class="num">{ if stats.complete > 0 && stats.total.raw() > 0 { hundred.clone() } else { "—".to_string() } }</td>
                        if state.show_results {
                            <th scope="row" class="num">{ texts.table_result }</th>
                            <td class="num average" data-testid={format!("risultato-{}", props.key_name)}>
                                { match &result {
                                    r if r.score.is_some() => html! { number(r.score.unwrap_or_default(), 2) },
                                    // A sentence, not a number: written as the notes are.
                                    r if r.missing > 0 => html! {
                                        <span class="result-missing">{ fill(texts.table_result_incomplete, &[("n", &r.missing)]) }</span>
                                    },
                                    _ => html! { "—" },
                                } }
                                if let Some(sum) = result.shown_sum.filter(|s| Some(*s) != result.score) {
                                    <span class="points-note result-note" data-testid={format!("risultato-somma-{}", props.key_name)}>
                                        { fill(texts.table_result_shown_sum, &[("sum", &number(sum, 2))]) }
                                    </span>
                                }
                            </td>
                        }
                        <td></td>
                    </tr>
                    if props.group.apportioned {
                        <tr class="table-note">
                            <td colspan={columns.to_string()} data-testid={format!("pesi-arrotondati-{}", props.key_name)}>
                                { fill(texts.table_apportioned, &[("hundred", &hundred)]) }
                            </td>
                        </tr>
                    }
                </tfoot>
            </table>
        </div>
    }
}
