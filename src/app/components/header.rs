//! The ente, the year and the plan's headline numbers.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::icon::{icon, It};
use crate::app::state::{Action, Draft, Mode};
use crate::app::Dispatch;
use crate::model::format::format_it;
use crate::model::{Plan, Results};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub plan: Rc<Plan>,
    pub results: Rc<Results>,
    pub year_draft: Option<Draft>,
    pub dirty: bool,
    /// The levels field: its text and the reason it was refused, if it was.
    pub levels: (String, Option<String>),
    pub mode: Mode,
    pub reviewer: String,
    /// Objectives still to review.
    pub pending: usize,
    pub show_results: bool,
    pub dispatch: Dispatch,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_name = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetEnteName(input.value()));
        })
    };
    let on_year = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetYear(input.value()));
        })
    };
    let on_levels = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetLevelLabels(input.value()));
        })
    };
    let (levels_text, levels_error) = props.levels.clone();
    let mode_button = |mode: Mode, label: &'static str| {
        let dispatch = props.dispatch.clone();
        let pressed = props.mode == mode;
        html! {
            <button type="button" class={classes!("btn", "btn-xs", if pressed { "btn-primary" } else { "btn-outline-primary" })} aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_| dispatch.dispatch(Action::SetMode(mode)))}>{ label }</button>
        }
    };
    let on_reviewer = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetReviewer(input.value()));
        })
    };
    let year_text = props
        .year_draft
        .as_ref()
        .map_or(props.plan.ente.year.to_string(), |d| d.text.clone());
    let year_error = props.year_draft.as_ref().and_then(|d| d.error.clone());
    let ente = &props.results.ente;
    let average = ente.average.map_or("—".to_string(), |a| format_it(a, 2));

    html! {
        <section class="plan-header" aria-labelledby="titolo-piano">
            <h1 id="titolo-piano">{ format!("{} — piano degli obiettivi {}", props.plan.ente.name, props.plan.ente.year) }</h1>
            <div class="mode-bar">
                <div role="group" aria-labelledby="modalita-etichetta" class="mode-switch">
                    <span id="modalita-etichetta" class="mode-label">{ "Modalità:" }</span>
                    { mode_button(Mode::Proposal, "Proposta") }
                    { mode_button(Mode::Review, "Verifica") }
                </div>
                <label class="check results-toggle">
                    <input type="checkbox" id="mostra-risultati" checked={props.show_results} onchange={{
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |e: Event| dispatch.dispatch(Action::ShowResults(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))
                    }} />
                    { " Raggiungimento e risultati" }
                </label>
                if props.mode == Mode::Review {
                    <div class="field">
                        <label for="nome-verificatore">{ "Nome di chi verifica" }</label>
                        <input id="nome-verificatore" class="form-control" type="text" value={props.reviewer.clone()} oninput={on_reviewer}
                            placeholder="Nome e cognome" autocomplete="name" />
                    </div>
                    <p class="pending" data-testid="da-verificare" role="status">
                        { if props.pending == 0 { "Tutti gli obiettivi sono stati verificati.".to_string() }
                          else { format!("Da verificare: {} obiettiv{}", props.pending, if props.pending == 1 { "o" } else { "i" }) } }
                    </p>
                }
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="ente-nome">{ "Ente" }</label>
                    <input id="ente-nome" class="form-control" type="text" value={props.plan.ente.name.clone()} oninput={on_name} />
                </div>
                <div class="field field-narrow">
                    <label for="ente-anno">{ "Anno" }</label>
                    <input id="ente-anno" class="form-control" type="text" inputmode="numeric" value={year_text}
                        aria-invalid={year_error.is_some().to_string()}
                        aria-describedby={year_error.as_ref().map(|_| "ente-anno-errore")}
                        oninput={on_year} />
                    if let Some(error) = year_error {
                        <p class="field-error" id="ente-anno-errore">{ icon(It::Error) }{ error }</p>
                    }
                </div>
                <div class="field field-wide">
                    <label for="ente-livelli">{ "Livelli organizzativi, dall'alto (separati da ;)" }</label>
                    <input id="ente-livelli" class="form-control" type="text" value={levels_text} onchange={on_levels}
                        aria-invalid={levels_error.is_some().to_string()}
                        aria-describedby={levels_error.as_ref().map(|_| "ente-livelli-errore")} />
                    if let Some(error) = levels_error {
                        <p class="field-error" id="ente-livelli-errore">{ icon(It::Error) }{ error }</p>
                    }
                </div>
                <dl class="headline">
                    <div><dt>{ "Obiettivi" }</dt><dd data-testid="ente-obiettivi">{ ente.objectives }</dd></div>
                    <div><dt>{ "Valutati" }</dt><dd>{ ente.complete }</dd></div>
                    <div><dt>{ "Media dell'ente" }</dt><dd data-testid="ente-media">{ average }</dd></div>
                </dl>
            </div>
        </section>
    }
}
