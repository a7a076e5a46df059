//! The interface: Yew function components rendering the model and
//! dispatching [`state::Action`]s to one reducer. Components format numbers
//! the model computed; they never compute them.

pub mod components;
pub mod files;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Plan;
use components::findings::FindingsList;
use components::grid::GridView;
use components::header::Header;
use components::new_plan::NewPlanPanel;
use components::notice::NoticeBanner;
use components::other_objectives::{OrganisationalObjectives, SecretaryObjectives};
use components::summary::Summary;
use components::toolbar::Toolbar;
use components::units::UnitsView;
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
    let choosing_method = use_state(|| false);
    let open_new = {
        let choosing = choosing_method.clone();
        Callback::from(move |()| {
            choosing.set(true);
            files::after_render(|| files::focus("metodo-como-2024"));
        })
    };
    let close_new = {
        let choosing = choosing_method.clone();
        Callback::from(move |()| choosing.set(false))
    };

    html! {
        <>
            <a class="skip-link" href="#contenuto">{ "Vai al contenuto" }</a>
            <header class="app-header">
                <div class="brand">
                    <span class="brand-name">{ "Pesatura" }</span>
                    <span class="brand-sub">{ "Pesatura degli obiettivi del PEG" }</span>
                </div>
                <Toolbar state={state.clone()} dispatch={dispatch.clone()} on_new={open_new} />
            </header>
            <main id="contenuto" tabindex="-1">
                <NoticeBanner notice={state.notice.clone()} dispatch={dispatch.clone()} />
                if *choosing_method {
                    <NewPlanPanel dispatch={dispatch.clone()} on_close={close_new} />
                }
                <Header plan={state.plan.clone()} year_draft={state.year_draft.clone()} results={state.results.clone()} dirty={state.dirty}
                    levels={(state.grid_text("ente-levels", || state.plan.ente.levels.join("; ")), state.grid_error("ente-levels").map(str::to_string))}
                    dispatch={dispatch.clone()} />
                <GridView state={state.clone()} dispatch={dispatch.clone()} />
                <UnitsView state={state.clone()} dispatch={dispatch.clone()} />
                <Summary plan={state.plan.clone()} results={state.results.clone()} />
                <OrganisationalObjectives plan={state.plan.clone()} dispatch={dispatch.clone()} />
                <SecretaryObjectives plan={state.plan.clone()} dispatch={dispatch.clone()} />
                <FindingsList plan={state.plan.clone()} findings={state.findings.clone()} />
            </main>
            <footer class="app-footer">
                { "Pesatura funziona interamente nel browser: i dati non lasciano questo computer." }
            </footer>
        </>
    }
}
