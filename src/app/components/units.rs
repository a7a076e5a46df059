//! The units in tree order, each with the table of its objectives; then the
//! objectives common to several units, when the grid keeps them apart.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::add_unit::AddUnit;
use crate::app::components::icon::{icon, It};
use crate::app::components::objective_row::UnitChoice;
use crate::app::components::objectives_table::ObjectivesTable;
use crate::app::files::{after_render, confirm, dom_id, focus};
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

/// From this many objectives on, a unit's table is drawn only when it comes
/// near the screen: a plan of thousands of objectives opens at once and an
/// edit lays out only what is drawn. Smaller plans are drawn whole, so that
/// the browser's find-in-page sees every title.
pub const DRAW_NEAR_SCREEN_FROM: usize = 300;

/// The window event that asks every unit to draw its table (before printing).
pub const DRAW_ALL_EVENT: &str = "pesatura-disegna-tutto";

#[component]
pub fn UnitsView(props: &UnitsProps) -> Html {
    let state = &*props.state;
    let plan = &state.plan;
    // One list for every row, the same `Rc` from render to render while the
    // units do not change, so that rows compare it by pointer.
    let units: Rc<Vec<UnitChoice>> =
        use_memo((plan.units.clone(), plan.ente.levels.clone()), |_| {
            plan.units_in_tree_order()
                .into_iter()
                .map(|(_, u)| (u.id.clone(), plan.unit_label(u)))
                .collect::<Vec<_>>()
        });
    let index: HashMap<&str, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut led: HashMap<&str, usize> = HashMap::with_capacity(plan.units.len());
    for o in &plan.objectives {
        *led.entry(o.unit.as_str()).or_default() += 1;
    }
    // Printing needs every table: the print button and the browser's own
    // print ask for them all (see `DRAW_ALL_EVENT`).
    let draw_all = use_state(|| false);
    {
        let draw_all = draw_all.clone();
        use_effect_with((), move |_| {
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let listener = Closure::<dyn Fn()>::new(move || draw_all.set(true));
            let window = web_sys::window();
            if let Some(w) = &window {
                for event in ["beforeprint", DRAW_ALL_EVENT] {
                    let _ = w
                        .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(w) = &window {
                    for event in ["beforeprint", DRAW_ALL_EVENT] {
                        let _ = w.remove_event_listener_with_callback(
                            event,
                            listener.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }
    let draw_near_screen = plan.objectives.len() >= DRAW_NEAR_SCREEN_FROM && !*draw_all;

    // Each section renders again only when its fingerprint changes: an edit
    // redraws its own unit and the units whose roll-up it moved.
    let sections = plan.units_in_tree_order().into_iter().map(|(depth, unit)| {
        let u = index.get(unit.id.as_str()).copied().unwrap_or_default();
        let own = &state.results.units[u].own;
        let table = state.table_fingerprint(own);
        let led = led.get(unit.id.as_str()).copied().unwrap_or_default();
        let section = {
            use std::hash::{Hash, Hasher};
            let mut h = crate::app::fingerprint::Fingerprint::default();
            (unit, depth, u, led, table, &state.results.units[u], state.proposed.units[u].own.stats.average).hash(&mut h);
            (state.mode == Mode::Review, &plan.ente.levels).hash(&mut h);
            h.finish()
        };
        html! {
            <UnitSection key={unit.id.clone()} state={Latest(props.state.clone())} {section} {table} index={u} {depth} {led}
                units={units.clone()} dispatch={props.dispatch.clone()} {draw_near_screen} />
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
                <button type="button" class="btn btn-add btn-outline-primary btn-xs btn-icon" onclick={on_add}>{ icon(It::Plus) }{ t().panels.units_add_shared }</button>
            </section>
        }
    });

    html! {
        <section class="units" aria-labelledby="obiettivi-titolo">
            <h2 id="obiettivi-titolo" class="section-title">{ t().panels.units_title }</h2>
            if draw_near_screen {
                <p class="hint">{ fill(t().panels.units_drawn_near_screen, &[("n", &plan.objectives.len())]) }</p>
            }
            { for sections }
            { shared_section.unwrap_or_default() }
            <AddUnit plan={state.plan.clone()} dispatch={props.dispatch.clone()} />
        </section>
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
    let own = &result.own;
    let level = plan.level_label(unit).to_string();
    let heading_id = dom_id("unita-titolo", &[&unit.id]);
    let section_id = dom_id("unita", &[&unit.id]);
    let show_table = !own.members.is_empty() || unit.level >= bottom;
    let drawn_here = use_state(|| !props.draw_near_screen);
    let drawn = *drawn_here || !props.draw_near_screen;
    let placeholder = use_node_ref();
    {
        // Once drawn, a table stays drawn: when the plan shrinks below the
        // threshold (or before printing) every table is drawn for good, so
        // one added back does not turn into a placeholder under the user.
        let drawn_here = drawn_here.clone();
        use_effect_with(props.draw_near_screen, move |&near| {
            if !near && !*drawn_here {
                drawn_here.set(true);
            }
        });
    }
    {
        // As tall as the table will be, so that the page does not jump. Set
        // through the style object, not a style attribute, which a strict
        // CSP (`style-src 'self'`) refuses.
        let rows = own.members.len().max(1) + 2;
        let placeholder = placeholder.clone();
        use_effect_with((drawn, rows), move |&(drawn, rows)| {
            if !drawn {
                if let Some(element) = placeholder.cast::<web_sys::HtmlElement>() {
                    let _ = element
                        .style()
                        .set_property("min-height", &format!("{}rem", rows * 3));
                }
            }
        });
    }
    {
        // Draws the table once its placeholder comes within a screen or two.
        let (drawn, placeholder) = (drawn_here.clone(), placeholder.clone());
        let waiting = !*drawn && props.draw_near_screen && show_table;
        use_effect_with(waiting, move |&waiting| {
            let observer = waiting
                .then(|| near_screen(&placeholder, move || drawn.set(true)))
                .flatten();
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    let on_add = {
        let dispatch = props.dispatch.clone();
        let id = unit.id.clone();
        let drawn_here = drawn_here.clone();
        Callback::from(move |_| {
            drawn_here.set(true);
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
                ("level", &level.to_lowercase()),
                ("unit", &unit.name),
                ("n", &count),
            ],
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
        let on_show = {
            let (drawn_here, section_id) = (drawn_here.clone(), section_id.clone());
            Callback::from(move |_| {
                drawn_here.set(true);
                let section_id = section_id.clone();
                after_render(move || focus_title(&section_id, false));
            })
        };
        html! {
            <div ref={placeholder} class="table-placeholder" data-testid={dom_id("tabella-da-disegnare", &[&unit.id])}>
                // The unit in the accessible name through aria-label: a hidden
                // span per unit would cost the browser a layer each.
                <button type="button" class="btn btn-outline-primary btn-xs" onclick={on_show} aria-label={accessible}>{ text }</button>
            </div>
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
                    <p class="rollup" data-testid={dom_id("media-complessiva", &[&unit.id])}>{ rollup_text(&result.subtree) }</p>
                }
                if drawn || !show_table {
                <details class="unit-edit">
                    <summary>{ fill(t().panels.units_edit, &[("level", &level.to_lowercase())]) }</summary>
                    <div class="field">
                        <label for={dom_id("nome-unita", &[&unit.id])}>{ t().panels.units_name }</label>
                        <input id={dom_id("nome-unita", &[&unit.id])} class="form-control" type="text" value={unit.name.clone()} oninput={on_rename} />
                    </div>
                    <button type="button" class="btn btn-danger btn-outline-danger btn-xs" onclick={on_remove}>{ fill(t().panels.units_remove, &[("level", &level.to_lowercase())]) }</button>
                </details>
                }
            </div>
            { table }
            // Until its table is drawn, a unit of a long plan offers only the
            // button that draws it.
            if drawn || !show_table {
                <button type="button" class="btn btn-add btn-outline-primary btn-xs btn-icon" onclick={on_add} aria-label={fill(t().panels.units_add_objective_to, &[("unit", &plan.unit_label(unit))])}>{ icon(It::Plus) }
                    { t().panels.units_add_objective }
                </button>
            }
        </section>
    }
}

/// Watches an element until it comes within 1,500 pixels of the screen.
struct NearScreen {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn Fn(js_sys::Array)>,
}

impl NearScreen {
    fn disconnect(self) {
        self.observer.disconnect();
    }
}

/// Calls `then` once the element comes within 1,500 pixels of the screen.
fn near_screen(target: &NodeRef, then: impl Fn() + 'static) -> Option<NearScreen> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let element = target.cast::<web_sys::Element>()?;
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if entries.iter().any(|e| {
            e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        }) {
            then();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("1500px 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    observer.observe(&element);
    Some(NearScreen {
        observer,
        _callback: callback,
    })
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

fn rollup_text(stats: &Stats) -> String {
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
                ("min", &stats.min.map(points).unwrap_or_default()),
                ("max", &stats.max.map(points).unwrap_or_default()),
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
