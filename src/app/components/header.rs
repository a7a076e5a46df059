//! The ente, the year and the plan's headline numbers.

use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::app::components::icon::{icon, It};
use crate::app::state::{Action, Draft, Mode};
use crate::app::Dispatch;
use crate::model::{Plan, Results};
use crate::text::{fill, number, plural, t};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub plan: Same<Plan>,
    pub results: Same<Results>,
    /// In Verifica, the ente's average as proposed, shown beside the validated one.
    #[prop_or_default]
    pub proposed_average: Option<crate::model::Dec>,
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
    let average = ente.average.map_or("—".to_string(), |a| number(a, 2));
    let year = props.plan.ente.year;
    // The Nucleo verifies the proposal as the dirigente made it.
    let locked = props.mode == Mode::Review;
    let plan_title = match props.plan.ente.name.trim() {
        "" => fill(t().panels.plan_title_unnamed, &[("year", &year)]),
        name => fill(t().panels.plan_title, &[("ente", &name), ("year", &year)]),
    };

    html! {
        <section class="plan-header" aria-labelledby="titolo-piano">
            <h1 id="titolo-piano" tabindex="-1">{ plan_title }</h1>
            <div class="mode-bar">
                <div role="group" aria-labelledby="modalita-etichetta" class="mode-switch">
                    <span id="modalita-etichetta" class="mode-label">{ t().panels.mode }</span>
                    { mode_button(Mode::Proposal, t().panels.mode_proposal) }
                    { mode_button(Mode::Review, t().panels.mode_review) }
                </div>
                <label class="check results-toggle">
                    <input type="checkbox" id="mostra-risultati" checked={props.show_results} onchange={{
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |e: Event| dispatch.dispatch(Action::ShowResults(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))
                    }} />
                    { " " }{ t().panels.header_show_results }
                </label>
                if props.mode == Mode::Review {
                    <div class="field">
                        <label for="nome-verificatore">{ t().panels.header_reviewer }</label>
                        <input id="nome-verificatore" class="form-control" type="text" value={props.reviewer.clone()} oninput={on_reviewer}
                            placeholder={t().panels.header_reviewer_placeholder} autocomplete="name"
                            aria-describedby={props.reviewer.trim().is_empty().then_some("nome-verificatore-manca")} />
                        if props.reviewer.trim().is_empty() {
                            <p class="hint" id="nome-verificatore-manca">{ icon(It::Warning) }{ t().panels.header_reviewer_missing }</p>
                        }
                    </div>
                    <p class="pending" data-testid="da-verificare" role="status">
                        { if props.pending == 0 { t().panels.header_all_reviewed.to_string() }
                          else { fill(plural(props.pending, t().panels.header_pending_one, t().panels.header_pending_many), &[("n", &props.pending)]) } }
                    </p>
                }
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="ente-nome">{ t().panels.header_ente }</label>
                    <input id="ente-nome" class="form-control" type="text" value={props.plan.ente.name.clone()} oninput={on_name} readonly={locked} tabindex={(locked).then_some("-1")} />
                </div>
                <div class="field field-narrow">
                    <label for="ente-anno">{ t().panels.header_year }</label>
                    <input id="ente-anno" class="form-control" type="text" inputmode="numeric" value={year_text}
                        aria-invalid={year_error.is_some().to_string()}
                        aria-describedby={year_error.as_ref().map(|_| "ente-anno-errore")}
                        oninput={on_year} readonly={locked} tabindex={(locked).then_some("-1")} />
                    if let Some(error) = year_error {
                        <p class="field-error" id="ente-anno-errore">{ icon(It::Error) }{ error }</p>
                    }
                </div>
                <div class="field field-wide">
                    <label for="ente-livelli">{ t().panels.header_levels }</label>
                    <input id="ente-livelli" class="form-control" type="text" value={levels_text} onchange={on_levels} readonly={locked} tabindex={(locked).then_some("-1")}
                        aria-invalid={levels_error.is_some().to_string()}
                        aria-describedby={levels_error.as_ref().map(|_| "ente-livelli-errore")} />
                    if let Some(error) = levels_error {
                        <p class="field-error" id="ente-livelli-errore">{ icon(It::Error) }{ error }</p>
                    }
                </div>
                <dl class="headline">
                    <div><dt>{ t().panels.header_objectives }</dt><dd data-testid="ente-obiettivi">{ ente.all() }</dd></div>
                    <div><dt>{ t().panels.header_scored }</dt><dd data-testid="ente-valutati">{ ente.complete }</dd></div>
                    <div><dt>{ t().panels.header_ente_average }</dt><dd data-testid="ente-media">{ average }</dd>
                        if props.mode == Mode::Review && props.proposed_average != ente.average {
                            <dd class="points-note proposed-note" data-testid="ente-media-proposta">
                                { fill(t().panels.table_proposed_average, &[("average", &props.proposed_average.map_or("—".to_string(), |a| number(a, 2)))]) }
                            </dd>
                        }
                    </div>
                </dl>
            </div>
        </section>
    }
}
