//! Riepilogo per settore: every unit's count, average, minimum and maximum,
//! areas with the roll-up of everything below them, and the ente's total.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::app::components::near_screen::{
    draw_button, use_draw_all, use_near_screen, DRAW_NEAR_SCREEN_FROM,
};
use crate::app::files::dom_id;
use crate::model::achievement::{group_result, Outcome};
use crate::model::plan::Method;
use crate::model::{Dec, Plan, Results, Stats};
use crate::text::{fill, number, points, t};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub plan: Same<Plan>,
    pub results: Same<Results>,
    /// Results per unit and of the ente, when shown.
    #[prop_or_default]
    pub outcome: Option<Rc<Outcome>>,
    /// In Verifica, the numbers as proposed: their averages beside the
    /// validated ones.
    #[prop_or_default]
    pub proposed: Option<Same<Results>>,
}

fn result_cell(value: Option<Dec>) -> Html {
    html! { <td class="num">{ value.map_or("—".to_string(), |v| number(v, 2)) }</td> }
}

/// A unit's counts and weights. Under the direct method a weight is a
/// percentage, written with two decimals as in the unit's table (45,50);
/// under the criteria, minimum and maximum are points, written as the table's
/// «Punti» column writes them (26 · 26,5).
fn cells(stats: &Stats, percent: bool, proposed: Option<Option<Dec>>) -> Html {
    let opt = |v: Option<crate::model::Dec>, two: bool| {
        v.map_or("—".to_string(), |v| {
            if two || percent {
                number(v, 2)
            } else {
                points(v)
            }
        })
    };
    html! {
        <>
            <td class="num">{ stats.all() }</td>
            <td class="num">{ stats.complete }</td>
            <td class="num">{ opt(stats.average, true) }</td>
            if let Some(proposed) = proposed {
                <td class="num proposed">{ opt(proposed, true) }</td>
            }
            <td class="num">{ opt(stats.min, false) }</td>
            <td class="num">{ opt(stats.max, false) }</td>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    unit_id: AttrValue,
    level: AttrValue,
    name: AttrValue,
    depth: usize,
    /// A unit with sub-units shows everything below it; a leaf its own objectives.
    rollup: bool,
    stats: Stats,
    /// Weights are percentages (the direct method).
    percent: bool,
    /// The unit's result, when results are shown.
    result: Option<Option<Dec>>,
    /// In Verifica, the unit's average as proposed.
    proposed: Option<Option<Dec>>,
}

/// One unit's row: drawn again only when its numbers change.
#[component]
fn SummaryRow(props: &RowProps) -> Html {
    html! {
        <tr class={classes!(props.rollup.then_some("rollup-row"))} data-testid={dom_id("riepilogo", &[&props.unit_id])}>
            <th scope="row" class={format!("indent-{}", props.depth.min(3))}>
                <span class="level-label">{ props.level.clone() }</span>{ " " }{ props.name.clone() }
            </th>
            { cells(&props.stats, props.percent, props.proposed) }
            if let Some(result) = props.result {
                { result_cell(result) }
            }
        </tr>
    }
}

/// Rows drawn together when a long plan draws near the screen.
const ROWS_PER_CHUNK: usize = 50;

#[derive(Properties, PartialEq)]
struct ChunkProps {
    places: Same<Vec<RowPlace>>,
    /// The chunk's rows: `places[range.0..range.1]`.
    range: (usize, usize),
    results: Same<Results>,
    outcome: Option<Same<Outcome>>,
    proposed: Option<Same<Results>>,
    /// Drawn only near the screen.
    lazy: bool,
    columns: usize,
    percent: bool,
}

/// A run of rows in a row group of their own, or, while far from the screen,
/// one row as tall as they are with a button that draws them.
#[component]
fn SummaryChunk(props: &ChunkProps) -> Html {
    let mine = &props.places[props.range.0..props.range.1.min(props.places.len())];
    let placeholder = use_node_ref();
    // A row is about 2.5rem tall.
    let near = use_near_screen(props.lazy, &placeholder, mine.len() * 5 / 2, true);
    if !near.drawn {
        let text = fill(
            t().panels.summary_show_rows,
            &[("from", &(props.range.0 + 1)), ("to", &props.range.1)],
        );
        // The rows' test ids, so that a test or a probe finds the
        // placeholder that draws a given unit's row.
        let ids: Vec<String> = mine
            .iter()
            .map(|p| dom_id("riepilogo", &[&p.unit_id]))
            .collect();
        // Its button draws the rows and focuses them.
        let rows = placeholder.clone();
        let button = draw_button(&near, text, None, move || {
            if let Some(rows) = rows.cast::<web_sys::HtmlElement>() {
                let _ = rows.focus();
            }
        });
        return html! {
            <tbody ref={placeholder} class="summary-placeholder" data-riepilogo={ids.join(" ")}>
                <tr>
                    <td colspan={props.columns.to_string()}>{ button }</td>
                </tr>
            </tbody>
        };
    }
    let rows = mine.iter().map(|p| {
        let r = &props.results.units[p.index];
        let stats = if p.rollup { &r.subtree } else { &r.own.stats };
        let result = props.outcome.as_ref().map(|o| if p.rollup { o.rollup[p.index] } else { o.units[p.index].score });
        let proposed = props.proposed.as_ref().map(|r| {
            let r = &r.units[p.index];
            if p.rollup { r.subtree.average } else { r.own.stats.average }
        });
        html! {
            <SummaryRow key={p.unit_id.to_string()} unit_id={p.unit_id.clone()} level={p.level.clone()} name={p.name.clone()}
                depth={p.depth} rollup={p.rollup} stats={stats.clone()} {result} {proposed} percent={props.percent} />
        }
    });
    html! {
        <tbody ref={placeholder} tabindex="-1">
            { for rows }
        </tbody>
    }
}

/// What a unit's row shows besides its numbers: the same from edit to edit.
struct RowPlace {
    unit_id: AttrValue,
    level: AttrValue,
    name: AttrValue,
    depth: usize,
    rollup: bool,
    index: usize,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let plan = &props.plan;
    // Worked out again only when the units change, not at every score.
    let places = use_memo(
        crate::app::fingerprint::of(&(&plan.units, &plan.ente.levels)),
        |_| {
            let parents: HashSet<&str> = plan
                .units
                .iter()
                .filter_map(|u| u.parent.as_deref())
                .collect();
            plan.tree_order_indices()
                .into_iter()
                .map(|(depth, index)| {
                    let unit = &plan.units[index];
                    RowPlace {
                        unit_id: unit.id.clone().into(),
                        level: plan.level_label(unit).to_string().into(),
                        name: unit.name.clone().into(),
                        depth,
                        rollup: parents.contains(unit.id.as_str()),
                        index,
                    }
                })
                .collect::<Vec<_>>()
        },
    );
    let draw_all = use_draw_all();
    let lazy = plan.objectives.len() >= DRAW_NEAR_SCREEN_FROM && !draw_all;
    let columns = 6 + usize::from(props.outcome.is_some()) + usize::from(props.proposed.is_some());
    let percent = plan.grid.method == Method::Direct;
    // A long plan draws the rows a chunk at a time, near the screen; each
    // chunk works out its rows only while drawn.
    let chunks = (0..places.len().div_ceil(ROWS_PER_CHUNK)).map(|k| {
        let range = (k * ROWS_PER_CHUNK, ((k + 1) * ROWS_PER_CHUNK).min(places.len()));
        html! {
            <SummaryChunk key={k} places={Same(places.clone())} {range} results={props.results.clone()}
                outcome={props.outcome.clone().map(Same)} proposed={props.proposed.clone()} {lazy} {columns} {percent} />
        }
    });
    html! {
        <section class="summary" aria-labelledby="riepilogo-titolo">
            <h2 id="riepilogo-titolo">{ t().panels.summary_title }</h2>
            if props.proposed.is_some() {
                <p class="hint" data-testid="riepilogo-validato">{ t().panels.summary_validated_hint }</p>
            }
            <div class="table-scroll">
            <table class="table">
                <caption>{ t().panels.summary_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t().panels.summary_unit }</th>
                        <th scope="col" class="num">{ t().panels.summary_objectives }</th>
                        <th scope="col" class="num">{ t().panels.summary_scored }</th>
                        <th scope="col" class="num">{ t().panels.summary_average }</th>
                        if props.proposed.is_some() {
                            <th scope="col" class="num">{ t().panels.summary_proposed_average }</th>
                        }
                        <th scope="col" class="num">{ t().panels.summary_min }</th>
                        <th scope="col" class="num">{ t().panels.summary_max }</th>
                        if props.outcome.is_some() {
                            <th scope="col" class="num">{ t().panels.summary_result }</th>
                        }
                    </tr>
                </thead>
                { for chunks }
                <tfoot>
                    if !props.results.shared.members.is_empty() {
                        <tr class="rollup-row">
                            <th scope="row">{ t().panels.summary_shared }</th>
                            { cells(&props.results.shared.stats, percent, props.proposed.as_ref().map(|r| r.shared.stats.average)) }
                            if props.outcome.is_some() {
                                { result_cell(group_result(plan, &props.results.shared).score) }
                            }
                        </tr>
                    }
                    <tr>
                        <th scope="row">{ fill(t().panels.summary_ente_total, &[("ente", &plan.ente.name)]) }</th>
                        { cells(&props.results.ente, percent, props.proposed.as_ref().map(|r| r.ente.average)) }
                        if let Some(o) = &props.outcome {
                            <td class="num" data-testid="risultato-ente">{ o.ente.map_or("—".to_string(), |v| number(v, 2)) }</td>
                        }
                    </tr>
                </tfoot>
            </table>
            </div>
            if props.outcome.is_some() {
                <p class="hint" data-testid="regola-risultato">{ t().panels.summary_result_rule }</p>
            }
        </section>
    }
}
