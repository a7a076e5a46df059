//! Riepilogo per settore: every unit's count, average, minimum and maximum,
//! areas with the roll-up of everything below them, and the ente's total.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::files::dom_id;
use crate::model::format::{format_it, format_points};
use crate::model::achievement::{group_result, Outcome};
use crate::model::{Dec, Plan, Results, Stats};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub plan: Rc<Plan>,
    pub results: Rc<Results>,
    /// Results per unit and of the ente, when shown.
    #[prop_or_default]
    pub outcome: Option<Rc<Outcome>>,
}

fn result_cell(value: Option<Dec>) -> Html {
    html! { <td class="num">{ value.map_or("—".to_string(), |v| format_it(v, 2)) }</td> }
}

fn cells(stats: &Stats) -> Html {
    let opt = |v: Option<crate::model::Dec>, two: bool| {
        v.map_or("—".to_string(), |v| if two { format_it(v, 2) } else { format_points(v) })
    };
    html! {
        <>
            <td class="num">{ stats.objectives }</td>
            <td class="num">{ stats.complete }</td>
            <td class="num">{ opt(stats.average, true) }</td>
            <td class="num">{ opt(stats.min, false) }</td>
            <td class="num">{ opt(stats.max, false) }</td>
        </>
    }
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let plan = &props.plan;
    let rows = plan.units_in_tree_order().into_iter().map(|(depth, unit)| {
        let u = plan.unit_index(&unit.id).unwrap_or_default();
        let r = &props.results.units[u];
        // A unit with sub-units shows everything below it; a leaf its own objectives.
        let has_children = plan.children_of(Some(&unit.id)).next().is_some();
        let stats = if has_children { &r.subtree } else { &r.own.stats };
        html! {
            <tr key={unit.id.clone()} class={classes!(has_children.then_some("rollup-row"))} data-testid={dom_id("riepilogo", &[&unit.id])}>
                <th scope="row" class={format!("indent-{}", depth.min(3))}>
                    <span class="level-label">{ plan.level_label(unit).to_string() }</span>{ " " }{ unit.name.clone() }
                </th>
                { cells(stats) }
                if let Some(o) = &props.outcome {
                    { result_cell(if has_children { o.rollup[u] } else { o.units[u].score }) }
                }
            </tr>
        }
    });
    html! {
        <section class="summary" aria-labelledby="riepilogo-titolo">
            <h2 id="riepilogo-titolo">{ "Riepilogo per settore" }</h2>
            <div class="table-scroll">
            <table class="table">
                <caption>{ "Per ogni unità: obiettivi, obiettivi valutati, media, minimo e massimo del peso. Le righe delle unità con sottounità riassumono tutti gli obiettivi sottostanti." }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Unità" }</th>
                        <th scope="col" class="num">{ "Obiettivi" }</th>
                        <th scope="col" class="num">{ "Valutati" }</th>
                        <th scope="col" class="num">{ "Media" }</th>
                        <th scope="col" class="num">{ "Minimo" }</th>
                        <th scope="col" class="num">{ "Massimo" }</th>
                        if props.outcome.is_some() {
                            <th scope="col" class="num">{ "Risultato" }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    if !props.results.shared.members.is_empty() {
                        <tr class="rollup-row">
                            <th scope="row">{ "Obiettivi comuni a più unità" }</th>
                            { cells(&props.results.shared.stats) }
                            if props.outcome.is_some() {
                                { result_cell(group_result(plan, &props.results.shared).score) }
                            }
                        </tr>
                    }
                    <tr>
                        <th scope="row">{ format!("Totale ente — {}", plan.ente.name) }</th>
                        { cells(&props.results.ente) }
                        if let Some(o) = &props.outcome {
                            <td class="num" data-testid="risultato-ente">{ o.ente.map_or("—".to_string(), |v| format_it(v, 2)) }</td>
                        }
                    </tr>
                </tfoot>
            </table>
            </div>
        </section>
    }
}
