//! The units in tree order, each with the table of its objectives; then the
//! objectives common to several units, when the grid keeps them apart.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::add_unit::AddUnit;
use crate::app::components::objective_row::UnitChoice;
use crate::app::components::objectives_table::ObjectivesTable;
use crate::app::files::{after_render, confirm, dom_id, focus};
use crate::app::state::{Action, Latest, Mode, State};
use crate::model::compute::Member;
use crate::model::review::{group_status, objective_status};
use crate::app::Dispatch;
use crate::model::format::{format_it, format_points};
use crate::model::plan::SharedRule;
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
    let bottom = plan.ente.levels.len().saturating_sub(1);
    // One list for every row, the same `Rc` from render to render while the
    // units do not change, so that rows compare it by pointer.
    let units: Rc<Vec<UnitChoice>> = use_memo((plan.units.clone(), plan.ente.levels.clone()), |_| {
        plan.units_in_tree_order().into_iter().map(|(_, u)| (u.id.clone(), plan.unit_label(u))).collect::<Vec<_>>()
    });

    let sections = plan.units_in_tree_order().into_iter().map(|(depth, unit)| {
        let u = plan.unit_index(&unit.id).unwrap_or_default();
        let result = &state.results.units[u];
        let own = &result.own;
        let level = plan.level_label(unit).to_string();
        let heading_id = dom_id("unita-titolo", &[&unit.id]);
        let show_table = !own.members.is_empty() || unit.level >= bottom;

        let on_add = {
            let dispatch = props.dispatch.clone();
            let id = unit.id.clone();
            Callback::from(move |_| {
                dispatch.dispatch(Action::AddObjective { unit: id.clone() });
                let unit_id = id.clone();
                after_render(move || focus_last_title(&dom_id("unita", &[&unit_id])));
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
            let count = plan.objectives_of(&unit.id).count();
            let question = format!(
                "Eliminare {} «{}» e i suoi {count} obiettivi? Le unità sottostanti passano al livello superiore.",
                level.to_lowercase(), unit.name
            );
            Callback::from(move |_| {
                if count == 0 || confirm(&question) {
                    dispatch.dispatch(Action::RemoveUnit { id: id.clone() });
                }
            })
        };

        let heading = html! {
            <span id={heading_id.clone()}><span class="level-label">{ level.clone() }</span>{ " " }{ unit.name.clone() }</span>
        };
        let heading = if depth == 0 { html! { <h2>{ heading }</h2> } } else { html! { <h3>{ heading }</h3> } };

        html! {
            <section key={unit.id.clone()} id={dom_id("unita", &[&unit.id])} class={format!("unit depth-{}", depth.min(3))} aria-labelledby={heading_id}>
                <div class="unit-head">
                    { heading }
                    if state.mode == Mode::Review && !own.members.is_empty() {
                        { unit_status_badge(state, &own.members, &unit.id) }
                    }
                    if !show_table || result.subtree.objectives > own.stats.objectives {
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
                    <ObjectivesTable state={Latest(props.state.clone())} fingerprint={state.table_fingerprint(own)}
                        dispatch={props.dispatch.clone()} group={own.clone()}
                        caption={format!("Obiettivi di {}", plan.unit_label(unit))} key_name={dom_id("", &[&unit.id])[1..].to_string()}
                        units={units.clone()} proposed_average={state.proposed.units[u].own.stats.average} />
                }
                <button type="button" class="btn btn-add" onclick={on_add}>
                    { "Aggiungi obiettivo" }<span class="visually-hidden">{ format!(" a {}", plan.unit_label(unit)) }</span>
                </button>
            </section>
        }
    });

    let shared_section = (plan.grid.shared == SharedRule::Separate).then(|| {
        let dispatch = props.dispatch.clone();
        let on_add = Callback::from(move |_| {
            dispatch.dispatch(Action::AddSharedObjective);
            after_render(|| focus_last_title("obiettivi-comuni"));
        });
        let shared = &state.results.shared;
        html! {
            <section id="obiettivi-comuni" class="unit depth-0 shared" aria-labelledby="obiettivi-comuni-titolo">
                <div class="unit-head">
                    <h2 id="obiettivi-comuni-titolo">{ "Obiettivi comuni a più unità" }</h2>
                    <p class="rollup">{ "Ciascuno è assegnato a più unità (vedi «Comune a»); hanno pesi relativi e media propri e non entrano nelle medie delle unità." }</p>
                </div>
                if !shared.members.is_empty() {
                    <ObjectivesTable state={Latest(props.state.clone())} fingerprint={state.table_fingerprint(shared)}
                        dispatch={props.dispatch.clone()} group={shared.clone()}
                        caption="Obiettivi comuni a più unità" key_name="comuni" units={units.clone()}
                        proposed_average={state.proposed.shared.stats.average} />
                }
                <button type="button" class="btn btn-add" onclick={on_add}>{ "Aggiungi obiettivo comune" }</button>
            </section>
        }
    });

    html! {
        <section class="units" aria-labelledby="obiettivi-titolo">
            <h2 id="obiettivi-titolo" class="section-title">{ "Obiettivi per unità organizzativa" }</h2>
            { for sections }
            { shared_section.unwrap_or_default() }
            <AddUnit plan={state.plan.clone()} dispatch={props.dispatch.clone()} />
        </section>
    }
}

fn unit_status_badge(state: &State, members: &[Member], unit_id: &str) -> Html {
    let n = state.plan.grid.criteria.len();
    let status = group_status(members.iter().map(|m| objective_status(&state.plan.objectives[m.objective], n)));
    let class = match status {
        crate::model::review::Verdict::Pending => "verdict-pending",
        crate::model::review::Verdict::Confirmed => "verdict-confirmed",
        crate::model::review::Verdict::Contested => "verdict-contested",
    };
    html! { <span class={classes!("status-badge", class)} data-testid={dom_id("stato-unita", &[unit_id])}>{ status.label_it() }</span> }
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

/// Focuses the title of the last objective inside the element `container_id`.
fn focus_last_title(container_id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(container) = document.get_element_by_id(container_id) else { return };
    if let Ok(list) = container.query_selector_all("textarea.title") {
        if let Some(last) = list.item(list.length().saturating_sub(1)) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = last.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                return;
            }
        }
    }
    focus(container_id);
}
