//! The criteria grid: shown as adopted (its formula and rules in words), and
//! editable — method, rules, criteria with their ranges or levels, and the
//! objective types with their factors.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::components::disclosure::use_details_open;

use crate::app::components::icon::{icon, It};
use crate::app::files::{confirm_then, dom_id, focus_last, refocus_first_enabled, refocus_in_list};
use crate::app::state::{Action, Mode, State};
use crate::app::Dispatch;
use crate::model::describe;
use crate::model::plan::{AverageRule, Method, Scale, SharedRule};
use crate::text::{fill, plain, points, t};

#[derive(Properties, PartialEq)]
pub struct GridProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Dispatch,
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn GridView(props: &GridProps) -> Html {
    let state = &*props.state;
    let grid = &state.plan.grid;
    let dispatch = props.dispatch.clone();
    let send = move |action: Action| dispatch.dispatch(action);

    let criteria_table = (grid.method == Method::Criteria).then(|| html! {
        <table class="table compact">
            <caption class="visually-hidden">{ t().panels.grid_criteria_caption }</caption>
            <thead><tr><th scope="col">{ t().panels.grid_criterion }</th><th scope="col">{ t().panels.grid_allowed_scores }</th></tr></thead>
            <tbody>
                { for grid.criteria.iter().map(|c| html! {
                    <tr key={c.id.clone()}><th scope="row">{ c.name.clone() }</th><td>{ describe::scale(&c.scale) }</td></tr>
                }) }
            </tbody>
        </table>
    });
    let types_table = (!grid.types.is_empty()).then(|| html! {
        <table class="table compact">
            <caption class="visually-hidden">{ t().panels.grid_types_caption }</caption>
            <thead><tr><th scope="col">{ t().panels.grid_type }</th><th scope="col" class="num">{ t().panels.grid_factor }</th></tr></thead>
            <tbody>
                { for grid.types.iter().map(|t| html! {
                    <tr key={t.id.clone()}><th scope="row">{ t.name.clone() }</th><td class="num">{ points(t.factor) }</td></tr>
                }) }
            </tbody>
        </table>
    });

    let criteria_editors = grid.criteria.iter().enumerate().map(|(c, criterion)| {
        let s = send.clone();
        let short = criterion.short.clone();
        let on_name = Callback::from(move |e: Event| s(Action::RenameCriterion { criterion: c, name: input_value(&e), short: short.clone() }));
        let s = send.clone();
        let name = criterion.name.clone();
        let on_short = Callback::from(move |e: Event| s(Action::RenameCriterion { criterion: c, name: name.clone(), short: input_value(&e) }));
        let s = send.clone();
        let on_kind = Callback::from(move |e: Event| s(Action::SwitchScale { criterion: c, levels: select_value(&e) == "levels" }));
        let has_scores = state.plan.criterion_has_scores(c);
        let question = fill(t().panels.grid_remove_criterion_question, &[("criterion", &criterion.name)]);
        let s = send.clone();
        let on_remove = Callback::from(move |e: MouseEvent| {
            let (s, button) = (s.clone(), e.target_dyn_into::<web_sys::Element>());
            confirm_then(has_scores, &question, move || {
                if let Some(button) = button {
                    refocus_in_list(&button, "fieldset.criterion-editor");
                }
                s(Action::RemoveCriterion { criterion: c });
            });
        });
        // A moved criterion keeps the focus on its button (or its twin at the list's end).
        let move_ids = [dom_id("griglia-su", &[&criterion.id]), dom_id("griglia-giu", &[&criterion.id])];
        let mover = |delta: isize| {
            let (s, ids) = (send.clone(), move_ids.clone());
            let ids = if delta < 0 { ids.to_vec() } else { ids.into_iter().rev().collect() };
            Callback::from(move |_| {
                s(Action::MoveCriterion { criterion: c, delta });
                refocus_first_enabled(ids.clone());
            })
        };
        let (up, down) = (mover(-1), mover(1));
        let id = |f: &str| format!("griglia-{f}-{c}");

        let scale_editor = match &criterion.scale {
            Scale::Range { min, max, step } => {
                let field = format!("range-{c}");
                let current = state.grid_text(&field, || format!("{};{};{}", plain(*min), plain(*max), plain(*step)));
                let parts: Vec<String> = current.split(';').map(str::to_string).chain(std::iter::repeat(String::new())).take(3).collect();
                let error = state.grid_error(&field).map(str::to_string);
                let make = |slot: usize| {
                    let s = send.clone();
                    let parts = parts.clone();
                    Callback::from(move |e: Event| {
                        let mut p = parts.clone();
                        p[slot] = input_value(&e);
                        s(Action::SetRange { criterion: c, min: p[0].clone(), max: p[1].clone(), step: p[2].clone() });
                    })
                };
                let described = error.as_ref().map(|_| format!("{}-errore", id("intervallo")));
                // The range is refused as a whole: its three fields are marked.
                let invalid = error.is_some().to_string();
                html! {
                    <>
                        <div class="field field-narrow">
                            <label for={id("min")}>{ t().panels.grid_min_score }</label>
                            <input id={id("min")} class="form-control" type="text" inputmode="decimal" value={parts[0].clone()} onchange={make(0)} aria-describedby={described.clone()} aria-invalid={invalid.clone()} />
                        </div>
                        <div class="field field-narrow">
                            <label for={id("max")}>{ t().panels.grid_max_score }</label>
                            <input id={id("max")} class="form-control" type="text" inputmode="decimal" value={parts[1].clone()} onchange={make(1)} aria-describedby={described.clone()} aria-invalid={invalid.clone()} />
                        </div>
                        <div class="field field-narrow">
                            <label for={id("passo")}>{ t().panels.grid_step }</label>
                            <input id={id("passo")} class="form-control" type="text" inputmode="decimal" value={parts[2].clone()} onchange={make(2)} aria-describedby={described.clone()} aria-invalid={invalid.clone()} />
                        </div>
                        if let Some(error) = error {
                            <p class="field-error" id={format!("{}-errore", id("intervallo"))}>{ icon(It::Error) }{ error }</p>
                        }
                    </>
                }
            }
            Scale::Levels(_) => {
                let field = format!("levels-{c}");
                let error = state.grid_error(&field).map(str::to_string);
                let s = send.clone();
                let on_levels = Callback::from(move |e: Event| s(Action::SetLevels { criterion: c, text: input_value(&e) }));
                html! {
                    <div class="field field-wide">
                        <label for={id("livelli")}>{ t().panels.grid_levels }</label>
                        <input id={id("livelli")} class="form-control" type="text" value={state.levels_text(c)} onchange={on_levels}
                            aria-invalid={error.is_some().to_string()}
                            aria-describedby={error.as_ref().map(|_| format!("{}-errore", id("livelli")))} />
                        if let Some(error) = error {
                            <p class="field-error" id={format!("{}-errore", id("livelli"))}>{ icon(It::Error) }{ error }</p>
                        }
                    </div>
                }
            }
        };
        let is_levels = matches!(criterion.scale, Scale::Levels(_));
        html! {
            <fieldset key={criterion.id.clone()} class="criterion-editor">
                <legend>{ fill(t().panels.grid_criterion_legend, &[("n", &(c + 1)), ("criterion", &criterion.short)]) }</legend>
                <div class="field-row">
                    <div class="field field-wide">
                        <label for={id("nome")}>{ t().panels.grid_name }</label>
                        <input id={id("nome")} class="form-control" type="text" value={criterion.name.clone()} onchange={on_name} />
                    </div>
                    <div class="field">
                        <label for={id("breve")}>{ t().panels.grid_short_label }</label>
                        <input id={id("breve")} class="form-control" type="text" value={criterion.short.clone()} onchange={on_short} />
                    </div>
                    <div class="field">
                        <label for={id("tipo")}>{ t().panels.grid_scored_with }</label>
                        <select id={id("tipo")} class="form-select" onchange={on_kind}>
                            <option value="range" selected={!is_levels}>{ t().panels.grid_scale_range }</option>
                            <option value="levels" selected={is_levels}>{ t().panels.grid_scale_levels }</option>
                        </select>
                    </div>
                    { scale_editor }
                    <div class="criterion-actions">
                        <button id={move_ids[0].clone()} type="button" class="btn btn-icon btn-outline-primary btn-xs" disabled={c == 0} onclick={up} aria-label={fill(t().panels.grid_move_criterion_up, &[("criterion", &criterion.short)])}>{ icon(It::ArrowUp) }</button>
                        <button id={move_ids[1].clone()} type="button" class="btn btn-icon btn-outline-primary btn-xs" disabled={c + 1 == grid.criteria.len()} onclick={down} aria-label={fill(t().panels.grid_move_criterion_down, &[("criterion", &criterion.short)])}>{ icon(It::ArrowDown) }</button>
                        <button type="button" class="btn btn-danger btn-small btn-outline-danger btn-xs btn-icon" onclick={on_remove}>{ icon(It::Delete) }{ t().panels.grid_remove_criterion }<span class="visually-hidden">{ format!(" {}", criterion.short) }</span></button>
                    </div>
                </div>
            </fieldset>
        }
    });

    let s = send.clone();
    let on_grid_name = Callback::from(move |e: Event| s(Action::SetGridName(input_value(&e))));
    let s = send.clone();
    let on_method = Callback::from(move |e: Event| {
        s(Action::SetMethod(if select_value(&e) == "direct" {
            Method::Direct
        } else {
            Method::Criteria
        }))
    });
    let s = send.clone();
    let on_average = Callback::from(move |e: Event| {
        s(Action::SetAverageRule(if select_value(&e) == "weighted" {
            AverageRule::PointsWeighted
        } else {
            AverageRule::Simple
        }))
    });
    let s = send.clone();
    let on_shared = Callback::from(move |e: Event| {
        s(Action::SetSharedRule(if select_value(&e) == "each" {
            SharedRule::EachUnit
        } else {
            SharedRule::Separate
        }))
    });
    let s = send.clone();
    let on_add_criterion = Callback::from(move |_| {
        s(Action::AddCriterion);
        focus_last("fieldset.criterion-editor input[id^='griglia-nome-']".into());
    });
    let s = send.clone();
    let on_types = Callback::from(move |e: Event| {
        s(Action::SetTypes {
            text: input_value(&e),
        })
    });
    let types_error = state.grid_error("types").map(str::to_string);

    // The achievement bands: two thresholds, both empty for none.
    let (zero_below, full_from) = state.bands_text();
    let bands_error = state.grid_error("bands").map(str::to_string);
    let on_band = |first: bool| {
        let (s, zero_below, full_from) = (send.clone(), zero_below.clone(), full_from.clone());
        Callback::from(move |e: Event| {
            let typed = input_value(&e);
            let (zero_below, full_from) = if first {
                (typed, full_from.clone())
            } else {
                (zero_below.clone(), typed)
            };
            s(Action::SetBands {
                zero_below,
                full_from,
            })
        })
    };
    let bands_line = grid.bands.map(|b| {
        fill(
            t().panels.grid_bands_line,
            &[
                ("zero", &points(b.zero_below)),
                ("full", &points(b.full_from)),
            ],
        )
    });

    // The editor's fields are built once it is opened: most readers only look.
    let (editing, on_toggle) = use_details_open(false);
    html! {
        <section class="grid-view" aria-labelledby="griglia-titolo">
            <h2 id="griglia-titolo">{ t().panels.grid_title }</h2>
            <div class="formula" data-testid="formula">
                <p><strong>{ grid.name.clone() }</strong>{ " — " }{ describe::formula(grid) }{ "." }</p>
                <p>{ fill(t().panels.grid_average_line, &[("average", &describe::average_rule(grid.average)), ("shared", &describe::shared_rule(grid.shared))]) }</p>
                if let Some(line) = bands_line {
                    <p data-testid="fasce">{ line }</p>
                }
            </div>
            <div class="grid-tables">
                { criteria_table.unwrap_or_default() }
                { types_table.unwrap_or_default() }
            </div>
            // The Nucleo verifies the proposal under the grid it was made with.
            if state.mode != Mode::Review {
            <details class="grid-edit" ontoggle={on_toggle}>
                <summary>{ t().panels.grid_edit }</summary>
                if editing {
                <div class="field-row">
                    <div class="field field-wide">
                        <label for="griglia-nome">{ t().panels.grid_grid_name }</label>
                        <input id="griglia-nome" class="form-control" type="text" value={grid.name.clone()} onchange={on_grid_name} />
                    </div>
                    <div class="field">
                        <label for="griglia-metodo">{ t().panels.grid_method }</label>
                        <select id="griglia-metodo" class="form-select" onchange={on_method}>
                            <option value="criteria" selected={grid.method == Method::Criteria}>{ t().panels.grid_method_criteria }</option>
                            <option value="direct" selected={grid.method == Method::Direct}>{ t().panels.grid_method_direct }</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="griglia-media">{ t().panels.grid_unit_average }</label>
                        <select id="griglia-media" class="form-select" onchange={on_average}>
                            <option value="simple" selected={grid.average == AverageRule::Simple}>{ t().panels.grid_average_simple }</option>
                            <option value="weighted" selected={grid.average == AverageRule::PointsWeighted}>{ t().panels.grid_average_weighted }</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="griglia-comuni">{ t().panels.grid_shared }</label>
                        <select id="griglia-comuni" class="form-select" onchange={on_shared}>
                            <option value="separate" selected={grid.shared == SharedRule::Separate}>{ t().panels.grid_shared_separate }</option>
                            <option value="each" selected={grid.shared == SharedRule::EachUnit}>{ t().panels.grid_shared_each }</option>
                        </select>
                    </div>
                </div>
                if grid.method == Method::Criteria {
                    { for criteria_editors }
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={on_add_criterion}>{ icon(It::Plus) }{ t().panels.grid_add_criterion }</button>
                    <div class="field field-wide types-field">
                        <label for="griglia-tipologie">{ t().panels.grid_types }</label>
                        <input id="griglia-tipologie" class="form-control" type="text" value={state.types_text()} onchange={on_types}
                            placeholder={t().panels.grid_types_placeholder}
                            aria-invalid={types_error.is_some().to_string()}
                            aria-describedby={types_error.as_ref().map(|_| "griglia-tipologie-errore")} />
                        if let Some(error) = types_error {
                            <p class="field-error" id="griglia-tipologie-errore">{ icon(It::Error) }{ error }</p>
                        }
                    </div>
                }
                <fieldset class="bands-editor">
                    <legend>{ t().panels.grid_bands }</legend>
                    <p class="hint">{ t().panels.grid_bands_hint }</p>
                    <div class="field-row">
                        <div class="field field-band">
                            <label for="griglia-fascia-zero">{ t().app.field_zero_below }</label>
                            <input id="griglia-fascia-zero" class="form-control" type="text" inputmode="decimal" value={zero_below.clone()} onchange={on_band(true)}
                                aria-invalid={bands_error.is_some().to_string()} aria-describedby={bands_error.as_ref().map(|_| "griglia-fasce-errore")} />
                        </div>
                        <div class="field field-band">
                            <label for="griglia-fascia-piena">{ t().app.field_full_from }</label>
                            <input id="griglia-fascia-piena" class="form-control" type="text" inputmode="decimal" value={full_from.clone()} onchange={on_band(false)}
                                aria-invalid={bands_error.is_some().to_string()} aria-describedby={bands_error.as_ref().map(|_| "griglia-fasce-errore")} />
                        </div>
                    </div>
                    if let Some(error) = bands_error {
                        <p class="field-error" id="griglia-fasce-errore">{ icon(It::Error) }{ error }</p>
                    }
                </fieldset>
                }
            </details>
            }
        </section>
    }
}
