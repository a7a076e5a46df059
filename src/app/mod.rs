//! The interface: Yew function components rendering the model and
//! dispatching [`state::Action`]s to one reducer. Components format numbers
//! the model computed; they never compute them.

pub mod components;
pub mod files;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Plan;
use components::{findings::FindingsList, grid::GridView, header::Header, notice::NoticeBanner, summary::Summary,
    toolbar::Toolbar, units::UnitsView};
use state::State;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The plan to start with; the Como 2024 example when absent.
    #[prop_or_default]
    pub initial: Option<Rc<Plan>>,
}

/// Dispatches actions to the app's reducer, for components below it.
pub type Dispatch = UseReducerDispatcher<State>;

#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || match initial {
        Some(plan) => State::new((*plan).clone()),
        None => State::como_example(),
    });
    let dispatch = state.dispatcher();

    html! {
        <>
            <a class="skip-link" href="#contenuto">{ "Vai al contenuto" }</a>
            <header class="app-header">
                <div class="brand">
                    <span class="brand-name">{ "Pesatura" }</span>
                    <span class="brand-sub">{ "Pesatura degli obiettivi del PEG" }</span>
                </div>
                <Toolbar state={state.clone()} dispatch={dispatch.clone()} />
            </header>
            <main id="contenuto" tabindex="-1">
                <NoticeBanner notice={state.notice.clone()} dispatch={dispatch.clone()} />
                <Header plan={state.plan.clone()} year_draft={state.year_draft.clone()} results={state.results.clone()} dirty={state.dirty} dispatch={dispatch.clone()} />
                <GridView plan={state.plan.clone()} />
                <UnitsView state={state.clone()} dispatch={dispatch.clone()} />
                <Summary plan={state.plan.clone()} results={state.results.clone()} />
                <FindingsList plan={state.plan.clone()} findings={state.findings.clone()} />
            </main>
            <footer class="app-footer">
                { "Pesatura funziona interamente nel browser: i dati non lasciano questo computer." }
            </footer>
        </>
    }
}
