//! The units in tree order, each with the table of its objectives; then the
//! objectives common to several units, when the grid keeps them apart.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::app::components::add_unit::AddUnit;
use crate::app::components::disclosure::use_details_open;
use crate::app::components::icon::{icon, It};
use crate::app::components::near_screen::{draw_button, use_draw_all, use_near_screen};
use crate::app::components::objective_row::UnitChoice;
use crate::app::components::objectives_table::ObjectivesTable;
use crate::app::files::{
    after_render, confirm_then, dom_id, focus, focus_first_control, refocus_after_removal,
};
use crate::app::state::{Action, Latest, Mode, State};
use crate::app::Dispatch;
use crate::model::compute::Member;
use crate::model::plan::SharedRule;
use crate::model::review::{group_status, objective_status};
use crate::model::Stats;
use crate::text::{fill, number, plural, points, t};

#[derive(Properties, PartialEq)]
pub struct UnitsProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Dispatch,
}

/// The tables a long plan draws at once: those of the first units, up to
/// this many objectives; the others when they come near the screen.
const EARLY_OBJECTIVES: usize = 12;

pub use crate::app::components::near_screen::{DRAW_ALL_EVENT, DRAW_NEAR_SCREEN_FROM};

/// Units drawn together when a long plan draws near the screen: a plan of
/// thousands of units keeps only a few dozen sections on the page.
const UNITS_PER_CHUNK: usize = 20;

#[component]
pub fn UnitsView(props: &UnitsProps) -> Html {
    let state = &*props.state;
    let plan = &state.plan;
    // Worked out again only when the units change, not at every score.
    let units_key = crate::app::fingerprint::of(&(&plan.units, &plan.ente.levels));
    // The units in tree order: (depth, index in `plan.units`).
    let order: Rc<Vec<(usize, usize)>> = use_memo(units_key, |_| plan.tree_order_indices());
    // One list for every row, the same `Rc` from render to render while the
    // units do not change, so that rows compare it by pointer.
    let units: Rc<Vec<UnitChoice>> = use_memo(units_key, |_| {
        order
            .iter()
            .map(|&(_, u)| (plan.units[u].id.clone(), plan.unit_label(&plan.units[u])))
            .collect::<Vec<_>>()
    });
    let led = Rc::new(plan.objectives_led());
    // Printing needs every table: the print button and the browser's own
    // print ask for them all (see `DRAW_ALL_EVENT`).
    let draw_all = use_draw_all();
    let draw_near_screen = plan.objectives.len() >= DRAW_NEAR_SCREEN_FROM && !draw_all;

    // The units, in tree order, whose tables are drawn at once.
    let early = {
        let mut objectives = 0;
        order
            .iter()
            .take_while(|&&(_, u)| {
                let before = objectives;
                objectives += state.results.units[u].own.members.len();
                before < EARLY_OBJECTIVES
            })
            .count()
    };
    // A long plan draws its units a chunk at a time, near the screen; the
    // first chunk at once. Each chunk works out its own sections only while
    // drawn, so an edit costs the units on screen, not all of them.
    let chunks = order.len().div_ceil(UNITS_PER_CHUNK);
    let sections = (0..chunks).map(|k| {
        let range = (k * UNITS_PER_CHUNK, ((k + 1) * UNITS_PER_CHUNK).min(order.len()));
        html! {
            <UnitChunk key={k} state={props.state.clone()} order={Same(order.clone())} {range} led={Same(led.clone())}
                units={units.clone()} dispatch={props.dispatch.clone()} {draw_near_screen} {early}
                lazy={draw_near_screen && k > 0} />
        }
    });

    let shared_section = (plan.grid.shared == SharedRule::Separate).then(|| {
        let dispatch = props.dispatch.clone();
        let on_add = Callback::from(move |_| {
            dispatch.dispatch(Action::AddSharedObjective);
            after_render(|| focus_title("obiettivi-comuni", true));
        });
        let shared = &state.results.shared;
        html! {
            <section id="obiettivi-comuni" class="unit depth-0 shared" aria-labelledby="obiettivi-comuni-titolo">
                <div class="unit-head">
                    <h2 id="obiettivi-comuni-titolo">{ t().panels.units_shared_title }</h2>
                    <p class="rollup">{ t().panels.units_shared_hint }</p>
                </div>
                if !shared.members.is_empty() {
                    <ObjectivesTable state={Latest(props.state.clone())} fingerprint={state.table_fingerprint(shared)}
                        dispatch={props.dispatch.clone()} group={shared.clone()}
                        caption={t().panels.units_shared_title} key_name="comuni" units={units.clone()}
                        proposed_average={state.proposed.shared.stats.average} />
                }
                if state.mode != Mode::Review {
                    <button type="button" class="btn btn-add btn-outline-primary btn-xs btn-icon" onclick={on_add}>{ icon(It::Plus) }{ t().panels.units_add_shared }</button>
                }
            </section>
        }
    });

    html! {
        <section id="elenco-unita" class="units" aria-labelledby="obiettivi-titolo">
            <h2 id="obiettivi-titolo" class="section-title">{ t().panels.units_title }</h2>
            if draw_near_screen {
                <p class="hint">{ fill(t().panels.units_drawn_near_screen, &[("n", &plan.objectives.len())]) }</p>
            }
            { for sections }
            { shared_section.unwrap_or_default() }
            if state.mode != Mode::Review {
                <AddUnit plan={Same(state.plan.clone())} dispatch={props.dispatch.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChunkProps {
    state: UseReducerHandle<State>,
    /// Every unit in tree order: (depth, index in `plan.units`).
    order: Same<Vec<(usize, usize)>>,
    /// The chunk's units: `order[range.0..range.1]`.
    range: (usize, usize),
    /// Objectives each unit leads, by index in `plan.units`.
    led: Same<Vec<usize>>,
    units: Rc<Vec<UnitChoice>>,
    dispatch: Dispatch,
    /// Tables are drawn near the screen.
    draw_near_screen: bool,
    /// Units at positions before this in `order` have their tables drawn at once.
    early: usize,
    /// Drawn only near the screen.
    lazy: bool,
}

/// A run of units in tree order: their sections, or, while far from the
/// screen, a placeholder as tall as they are with a button that draws them.
#[component]
fn UnitChunk(props: &ChunkProps) -> Html {
    let state = &*props.state;
    let plan = &state.plan;
    let mine = &props.order[props.range.0..props.range.1.min(props.order.len())];
    let placeholder = use_node_ref();
    // About as tall as the sections: heading, table (or its placeholder), button.
    let height: usize = mine
        .iter()
        .map(|&(_, u)| 7 + 3 * (state.results.units[u].own.members.len().max(1) + 2))
        .sum();
    let near = use_near_screen(props.lazy, &placeholder, height, true);
    if !near.drawn {
        let label = |&(_, u): &(usize, usize)| plan.unit_label(&plan.units[u]);
        let text = fill(
            t().panels.units_show_units,
            &[
                ("n", &mine.len()),
                ("first", &mine.first().map(label).unwrap_or_default()),
                ("last", &mine.last().map(label).unwrap_or_default()),
            ],
        );
        // The sections' ids, so that a link to a unit not drawn yet finds
        // the placeholder that draws it (see `findings::focus_drawing`).
        let ids: Vec<String> = mine
            .iter()
            .map(|&(_, u)| dom_id("unita", &[&plan.units[u].id]))
            .collect();
        // Its button draws the units and focuses the first control of the
        // first one, where the reader goes on.
        let first = ids.first().cloned().unwrap_or_default();
        let button = draw_button(&near, text, None, move || focus_first_control(&first));
        return html! {
            <div ref={placeholder} class="units-placeholder" data-sezioni={ids.join(" ")}>{ button }</div>
        };
    }
    // Each section renders again only when its fingerprint changes: an edit
    // redraws its own unit and the units whose roll-up it moved.
    let sections = mine.iter().enumerate().map(|(pos, &(depth, u))| {
        let unit = &plan.units[u];
        let own = &state.results.units[u].own;
        let table = state.table_fingerprint(own);
        let led = props.led.get(u).copied().unwrap_or_default();
        let section = {
            use std::hash::{Hash, Hasher};
            let mut h = crate::app::fingerprint::Fingerprint::default();
            (
                unit,
                depth,
                u,
                led,
                table,
                &state.results.units[u],
                state.proposed.units[u].own.stats.average,
                state.proposed.units[u].subtree.average,
            )
                .hash(&mut h);
            (state.mode == Mode::Review, &plan.ente.levels).hash(&mut h);
            h.finish()
        };
        html! {
            <UnitSection key={unit.id.clone()} state={Latest(props.state.clone())} {section} {table}
                index={u} {depth} {led}
                units={props.units.clone()} dispatch={props.dispatch.clone()}
                draw_near_screen={props.draw_near_screen && props.range.0 + pos >= props.early} />
        }
    });
    html! {
        <div ref={placeholder} class="units-chunk">
            { for sections }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    /// Read when rendering; never a reason to render.
    state: Latest,
    /// Changes whenever anything the section shows changes.
    section: u64,
    /// The same for its table alone.
    table: u64,
    /// The unit's index in `plan.units`.
    index: usize,
    depth: usize,
    /// Objectives the unit leads (for the question before removing it).
    led: usize,
    units: Rc<Vec<UnitChoice>>,
    dispatch: Dispatch,
    draw_near_screen: bool,
}

/// One unit: its heading, roll-up, edit controls and table of objectives.
#[component]
fn UnitSection(props: &SectionProps) -> Html {
    let state = &*props.state.0;
    let plan = &state.plan;
    let bottom = plan.ente.levels.len().saturating_sub(1);
    let unit = &plan.units[props.index];
    let result = &state.results.units[props.index];
    let proposed_rollup = (state.mode == Mode::Review)
        .then(|| state.proposed.units[props.index].subtree.average)
        .filter(|proposed| *proposed != result.subtree.average)
        .map(|proposed| proposed.map_or("—".to_string(), |a| number(a, 2)));
    let own = &result.own;
    let level = plan.level_label(unit).to_string();
    let heading_id = dom_id("unita-titolo", &[&unit.id]);
    let section_id = dom_id("unita", &[&unit.id]);
    let show_table = !own.members.is_empty() || unit.level >= bottom;
    let placeholder = use_node_ref();
    let near = use_near_screen(
        props.draw_near_screen && show_table,
        &placeholder,
        3 * (own.members.len().max(1) + 2),
        false,
    );
    let drawn = near.drawn;

    let on_add = {
        let dispatch = props.dispatch.clone();
        let id = unit.id.clone();
        let draw = near.draw.clone();
        Callback::from(move |_| {
            draw.emit(());
            dispatch.dispatch(Action::AddObjective { unit: id.clone() });
            let unit_id = id.clone();
            after_render(move || focus_title(&dom_id("unita", &[&unit_id]), true));
        })
    };
    let on_rename = {
        let dispatch = props.dispatch.clone();
        let id = unit.id.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::RenameUnit {
                id: id.clone(),
                name: input.value(),
            });
        })
    };
    let on_move = {
        let dispatch = props.dispatch.clone();
        let id = unit.id.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            dispatch.dispatch(Action::MoveUnit {
                id: id.clone(),
                parent: (!value.is_empty()).then_some(value),
            });
        })
    };
    // The unit's editor builds its list of parents only while open.
    let (edit_open, on_edit_toggle) = use_details_open(false);
    // A name left empty, or another unit's, is said at its field too (and in
    // the findings): looked for only while the editor is open.
    let name_problem = edit_open
        .then(|| crate::model::validate::unit_name_problem(plan, props.index))
        .flatten();
    let name_error_id = dom_id("nome-unita-errore", &[&unit.id]);
    let parent_field = (edit_open && unit.level > 0).then(|| {
        let select_id = dom_id("unita-superiore", &[&unit.id]);
        html! {
            <div class="field">
                <label for={select_id.clone()}>{ t().app.parent_unit }</label>
                <select id={select_id} class="form-select" onchange={on_move}>
                    <option value="" selected={unit.parent.is_none()}>{ t().app.no_parent }</option>
                    { for plan.possible_parents(&unit.id).into_iter().map(|p| html! {
                        <option value={p.id.clone()} selected={unit.parent.as_deref() == Some(p.id.as_str())}>{ plan.unit_label(p) }</option>
                    }) }
                </select>
            </div>
        }
    });
    let on_remove = {
        let dispatch = props.dispatch.clone();
        let id = unit.id.clone();
        let count = props.led;
        let question = fill(
            plural(
                count,
                t().panels.units_remove_question_one,
                t().panels.units_remove_question_many,
            ),
            &[
                ("level", &crate::text::the_level(&level)),
                ("unit", &unit.name),
                ("n", &count),
            ],
        );
        Callback::from(move |_| {
            let (dispatch, id) = (dispatch.clone(), id.clone());
            confirm_then(count > 0, &question, move || {
                refocus_after_removal(
                    "elenco-unita",
                    "section.unit[id^='unita-']",
                    &dom_id("unita", &[&id]),
                    "nuova-unita-nome",
                );
                dispatch.dispatch(Action::RemoveUnit { id });
            });
        })
    };

    let heading = html! {
        <span id={heading_id.clone()}><span class="level-label">{ level.clone() }</span>{ " " }{ unit.name.clone() }</span>
    };
    let heading = if props.depth == 0 {
        html! { <h2>{ heading }</h2> }
    } else {
        html! { <h3>{ heading }</h3> }
    };
    let table = if !show_table {
        Html::default()
    } else if drawn {
        html! {
            <ObjectivesTable state={props.state.clone()} fingerprint={props.table}
                dispatch={props.dispatch.clone()} group={own.clone()}
                caption={fill(t().panels.units_table_caption, &[("unit", &plan.unit_label(unit))])} key_name={dom_id("", &[&unit.id])[1..].to_string()}
                units={props.units.clone()} proposed_average={state.proposed.units[props.index].own.stats.average} />
        }
    } else {
        // A button, so that the keyboard and screen readers reach it too.
        let average = own.stats.average.map_or("—".to_string(), |a| number(a, 2));
        let values: [(&str, &dyn std::fmt::Display); 3] = [
            ("n", &own.stats.objectives),
            ("average", &average),
            ("unit", &plan.unit_label(unit)),
        ];
        let text = fill(t().panels.units_show_objectives, &values);
        let accessible = fill(t().panels.units_show_objectives_of, &values);
        // Its button draws the table and focuses its first title. The unit
        // is in the accessible name through aria-label: a hidden span per
        // unit would cost the browser a layer each.
        let section_id = section_id.clone();
        let button = draw_button(&near, text, Some(accessible), move || {
            focus_title(&section_id, false)
        });
        html! {
            <div ref={placeholder} class="table-placeholder" data-testid={dom_id("tabella-da-disegnare", &[&unit.id])}>{ button }</div>
        }
    };

    html! {
        <section id={section_id} class={format!("unit depth-{}", props.depth.min(3))} aria-labelledby={heading_id}>
            <div class="unit-head">
                { heading }
                if state.mode == Mode::Review && !own.members.is_empty() {
                    { unit_status_badge(state, &own.members, &unit.id) }
                }
                if !show_table || result.subtree.objectives > own.stats.objectives {
                    <p class="rollup" data-testid={dom_id("media-complessiva", &[&unit.id])}>
                        { rollup_text(&result.subtree, plan.grid.method == crate::model::plan::Method::Direct) }
                        // In Verifica, the proposed one beside it, as for a table's and the ente's.
                        if let Some(proposed) = proposed_rollup {
                            <span class="proposed-note" data-testid={dom_id("media-complessiva-proposta", &[&unit.id])}>
                                { format!(" ({})", fill(t().panels.table_proposed_average, &[("average", &proposed)])) }
                            </span>
                        }
                    </p>
                }
                if (drawn || !show_table) && state.mode != Mode::Review {
                <details class="unit-edit" ontoggle={on_edit_toggle}>
                    <summary>{ fill(t().panels.units_edit, &[("level", &level.to_lowercase())]) }</summary>
                    <div class="field">
                        <label for={dom_id("nome-unita", &[&unit.id])}>{ t().panels.units_name }</label>
                        <input id={dom_id("nome-unita", &[&unit.id])} class="form-control" type="text" value={unit.name.clone()} oninput={on_rename}
                            aria-invalid={name_problem.is_some().to_string()} aria-describedby={name_problem.map(|_| name_error_id.clone())} />
                        if let Some(problem) = name_problem {
                            <span class="field-error" id={name_error_id}>{ icon(It::Error) }{ problem }</span>
                        }
                    </div>
                    { parent_field.unwrap_or_default() }
                    <button type="button" class="btn btn-danger btn-outline-danger btn-xs" onclick={on_remove}
                        aria-label={fill(t().panels.units_remove_unit, &[("unit", &plan.unit_label(unit))])}>{ fill(t().panels.units_remove, &[("level", &level.to_lowercase())]) }</button>
                </details>
                }
            </div>
            { table }
            // Until its table is drawn, a unit of a long plan offers only the
            // button that draws it.
            if (drawn || !show_table) && state.mode != Mode::Review {
                <button type="button" class="btn btn-add btn-outline-primary btn-xs btn-icon" onclick={on_add} aria-label={fill(t().panels.units_add_objective_to, &[("to_unit", &crate::text::to_unit(&plan.unit_label(unit)))])}>{ icon(It::Plus) }
                    { t().panels.units_add_objective }
                </button>
            }
        </section>
    }
}

fn unit_status_badge(state: &State, members: &[Member], unit_id: &str) -> Html {
    let n = state.plan.grid.criteria.len();
    let status = group_status(
        members
            .iter()
            .map(|m| objective_status(&state.plan.objectives[m.objective], n)),
    );
    let class = match status {
        crate::model::review::Verdict::Pending => "verdict-pending",
        crate::model::review::Verdict::Confirmed => "verdict-confirmed",
        crate::model::review::Verdict::Contested => "verdict-contested",
    };
    html! { <span class={classes!("status-badge", class)} data-testid={dom_id("stato-unita", &[unit_id])}>{ status.label() }</span> }
}

/// An area's line: its average, and the lowest and highest weight below it,
/// written as the tables write them (percentages with two decimals, 50,00;
/// points with the decimals they have).
fn rollup_text(stats: &Stats, percent: bool) -> String {
    let weight = |v: crate::model::Dec| if percent { number(v, 2) } else { points(v) };
    match stats.average {
        Some(avg) => fill(
            plural(
                stats.complete,
                t().panels.units_rollup_one,
                t().panels.units_rollup_many,
            ),
            &[
                ("average", &number(avg, 2)),
                ("n", &stats.complete),
                ("min", &stats.min.map(weight).unwrap_or_default()),
                ("max", &stats.max.map(weight).unwrap_or_default()),
            ],
        ),
        None => fill(
            plural(
                stats.objectives,
                t().panels.units_none_scored_one,
                t().panels.units_none_scored_many,
            ),
            &[("n", &stats.objectives)],
        ),
    }
}

/// Focuses the title of the first or last objective inside the element
/// `container_id`, or the element itself when it has none.
fn focus_title(container_id: &str, last: bool) {
    use wasm_bindgen::JsCast;
    let titles = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(container_id))
        .and_then(|c| c.query_selector_all("textarea.title").ok());
    let title = titles.and_then(|list| {
        list.item(if last {
            list.length().saturating_sub(1)
        } else {
            0
        })
    });
    match title.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
        }
        None => focus(container_id),
    }
}
