//! The units in tree order, each with the table of its objectives and its
//! average in the footer.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::add_unit::AddUnit;
use crate::app::components::objective_row::ObjectiveRow;
use crate::app::files::{after_render, confirm, dom_id, focus};
use crate::app::state::{Action, State};
use crate::app::Dispatch;
use crate::model::format::{format_it, format_points};
use crate::model::Stats;

#[derive(Properties, PartialEq)]
pub struct UnitsProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Dispatch,
}

#[component]
pub fn UnitsView(props: &UnitsProps) -> Html {
    let state = &*props.state;
    let plan = &state.plan;
    let grid = use_memo(plan.grid.clone(), |g| g.clone());
    let grid: Rc<_> = grid;
    let bottom = plan.ente.levels.len().saturating_sub(1);

    let sections = plan.units_in_tree_order().into_iter().map(|(depth, unit)| {
        let u = plan.unit_index(&unit.id).unwrap_or_default();
        let result = &state.results.units[u];
        let members: Vec<usize> = plan.objectives_of(&unit.id).collect();
        let level = plan.level_label(unit).to_string();
        let heading_id = dom_id("unita-titolo", &[&unit.id]);
        let show_table = !members.is_empty() || unit.level >= bottom;

        let rows = members.iter().enumerate().map(|(pos, &i)| {
            let o = &plan.objectives[i];
            let cells: Vec<String> = (0..grid.criteria.len()).map(|c| state.cell_text(i, c)).collect();
            let errors: Vec<Option<String>> = (0..grid.criteria.len()).map(|c| state.cell_error(&o.id, c).map(str::to_string)).collect();
            html! {
                <ObjectiveRow key={o.id.clone()} grid={grid.clone()} objective={o.clone()} number={pos + 1}
                    is_first={pos == 0} is_last={pos + 1 == members.len()}
                    result={state.results.objectives[i].clone()} {cells} {errors} dispatch={props.dispatch.clone()} />
            }
        });

        let on_add = {
            let dispatch = props.dispatch.clone();
            let id = unit.id.clone();
            Callback::from(move |_| {
                dispatch.dispatch(Action::AddObjective { unit: id.clone() });
                // Focus the new title once it is on screen.
                let unit_id = id.clone();
                after_render(move || focus_last_title(&unit_id));
            })
        };
        let on_rename = {
            let dispatch = props.dispatch.clone();
            let id = unit.id.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                dispatch.dispatch(Action::RenameUnit { id: id.clone(), name: input.value() });
            })
        };
        let on_remove = {
            let dispatch = props.dispatch.clone();
            let id = unit.id.clone();
            let question = format!(
                "Eliminare {} «{}» e i suoi {} obiettivi? Le unità sottostanti passano al livello superiore.",
                level.to_lowercase(), unit.name, result.own.objectives
            );
            let empty = result.own.objectives == 0;
            Callback::from(move |_| {
                if empty || confirm(&question) {
                    dispatch.dispatch(Action::RemoveUnit { id: id.clone() });
                }
            })
        };

        let heading = html! {
            <span id={heading_id.clone()}><span class="level-label">{ level.clone() }</span>{ " " }{ unit.name.clone() }</span>
        };
        let heading = if depth == 0 { html! { <h2>{ heading }</h2> } } else { html! { <h3>{ heading }</h3> } };
        let colspan = (grid.criteria.len() + 2).to_string();

        html! {
            <section key={unit.id.clone()} id={dom_id("unita", &[&unit.id])} class={format!("unit depth-{}", depth.min(3))} aria-labelledby={heading_id}>
                <div class="unit-head">
                    { heading }
                    if !show_table || result.subtree.objectives > result.own.objectives {
                        <p class="rollup" data-testid={dom_id("media-complessiva", &[&unit.id])}>{ rollup_text(&result.subtree) }</p>
                    }
                    <details class="unit-edit">
                        <summary>{ format!("Modifica {}", level.to_lowercase()) }</summary>
                        <div class="field">
                            <label for={dom_id("nome-unita", &[&unit.id])}>{ "Nome" }</label>
                            <input id={dom_id("nome-unita", &[&unit.id])} type="text" value={unit.name.clone()} oninput={on_rename} />
                        </div>
                        <button type="button" class="btn btn-danger" onclick={on_remove}>{ format!("Elimina {}", level.to_lowercase()) }</button>
                    </details>
                </div>
                if show_table {
                    <div class="table-scroll">
                    <table class="table objectives">
                        <caption class="visually-hidden">{ format!("Obiettivi di {} {}", level, unit.name) }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num">{ "N." }</th>
                                <th scope="col">{ "Titolo" }</th>
                                { for grid.criteria.iter().map(|c| html! {
                                    <th scope="col" class="num" title={c.name.clone()}>
                                        { c.short.clone() }<br /><span class="range">{ format!("{}–{}", format_points(c.min), format_points(c.max)) }</span>
                                    </th>
                                }) }
                                <th scope="col" class="num">{ "Totale" }</th>
                                <th scope="col" class="num">{ "Peso relativo" }</th>
                                <th scope="col"><span class="visually-hidden">{ "Azioni" }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows }
                            if members.is_empty() {
                                <tr><td colspan={(grid.criteria.len() + 5).to_string()} class="empty">{ "Nessun obiettivo: aggiungerne uno." }</td></tr>
                            }
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row" colspan={colspan}>{ format!("Media ({} su {} obiettivi valutati)", result.own.complete, result.own.objectives) }</th>
                                <td class="num average" data-testid={dom_id("media", &[&unit.id])}>
                                    { result.own.average.map_or("—".to_string(), |a| format_it(a, 2)) }
                                </td>
                                <td class="num">{ if result.own.complete > 0 && result.own.total.raw() > 0 { "100,00 %" } else { "—" } }</td>
                                <td></td>
                            </tr>
                        </tfoot>
                    </table>
                    </div>
                }
                <button type="button" class="btn btn-add" onclick={on_add}>
                    { "Aggiungi obiettivo" }<span class="visually-hidden">{ format!(" a {} {}", level, unit.name) }</span>
                </button>
            </section>
        }
    });

    html! {
        <section class="units" aria-labelledby="obiettivi-titolo">
            <h2 id="obiettivi-titolo" class="section-title">{ "Obiettivi per unità organizzativa" }</h2>
            { for sections }
            <AddUnit plan={state.plan.clone()} dispatch={props.dispatch.clone()} />
        </section>
    }
}

fn rollup_text(stats: &Stats) -> String {
    match stats.average {
        Some(avg) => format!(
            "Media complessiva {} su {} obiettivi valutati (minimo {}, massimo {})",
            format_it(avg, 2),
            stats.complete,
            stats.min.map(format_points).unwrap_or_default(),
            stats.max.map(format_points).unwrap_or_default()
        ),
        None => format!("{} obiettivi, nessuno ancora valutato del tutto", stats.objectives),
    }
}

/// Focuses the title of a unit's last objective (the one just added).
fn focus_last_title(unit_id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("#{} textarea.title", dom_id("unita", &[unit_id]).replace('.', "\\."));
    if let Ok(list) = document.query_selector_all(&selector) {
        if let Some(last) = list.item(list.length().saturating_sub(1)) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = last.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                return;
            }
        }
    }
    focus(unit_id);
}
