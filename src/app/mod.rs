//! The interface: Yew function components rendering the model and
//! dispatching [`state::Action`]s to one reducer. Components format numbers
//! the model computed; they never compute them.

pub mod components;
pub mod crash;
pub mod files;
pub mod fingerprint;
pub mod state;
pub mod storage;
pub mod window_event;
pub mod xlsx;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::model::Plan;
use components::charts::Charts;
use components::comparison::ComparisonView;
use components::findings::FindingsList;
use components::grid::GridView;
use components::header::Header;
use components::language::LanguageSwitch;
use components::new_plan::NewPlanPanel;
use components::notice::NoticeBanner;
use components::other_objectives::{OrganisationalObjectives, SecretaryObjectives};
use components::print_report::{PrintClosing, PrintHeading};
use components::review_log::ReviewLog;
use components::sensitivity::SensitivityPanel;
use components::spreadsheets::{ImportPanel, Spreadsheets};
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
        // The results columns as the user left them, and who reviews here.
        None => State {
            show_results: storage::load_show_results(),
            reviewer: storage::load_reviewer(),
            ..State::como_example()
        },
    });
    let dispatch = state.dispatcher();
    let autosave_on = use_state(|| true);
    let autosave_wanted = props.initial.is_none();

    // After a reload, the autosaved plan comes back.
    {
        let dispatch = dispatch.clone();
        let autosave_on = autosave_on.clone();
        use_effect_with((), move |_| {
            if autosave_wanted {
                if !storage::available() {
                    autosave_on.set(false);
                    return;
                }
                if let Some(saved) = storage::load() {
                    match crate::io::json::load(saved.plan_json.as_bytes()) {
                        Ok(plan) => dispatch.dispatch(state::Action::Restore {
                            plan,
                            saved_at: saved.saved_at,
                            dirty: saved.dirty,
                        }),
                        Err(_) => storage::clear(),
                    }
                }
            }
        });
    }
    // Showing the results columns or not is remembered, as the language is,
    // and so is the reviewer's name, so that a reload or another file does
    // not leave decisions logged without it.
    use_effect_with(state.show_results, move |&show| {
        if autosave_wanted {
            storage::save_show_results(show);
        }
    });
    use_effect_with(state.reviewer.clone(), move |name| {
        if autosave_wanted {
            storage::save_reviewer(name);
        }
    });
    // Every change is autosaved, half a second after typing stops, so that
    // writing a large plan out does not slow each keystroke.
    {
        let autosave_on = autosave_on.clone();
        let plan = state.plan.clone();
        let dirty = state.dirty;
        let pending = use_mut_ref(|| None::<i32>);
        let latest = use_mut_ref(|| None::<(Rc<Plan>, bool)>);
        // Leaving the page saves at once what is still waiting.
        {
            let latest = latest.clone();
            use_effect_with((), move |_| {
                let flush = window_event::WindowListener::new("pagehide", move |_| {
                    if let Some((plan, dirty)) = latest.borrow_mut().take() {
                        storage::save(&crate::io::json::save(&plan), dirty);
                    }
                });
                move || drop(flush)
            });
        }
        // Autosave keeps one plan per browser: when another tab of Pesatura
        // saves a plan other than this one's over it, say so, once. This
        // tab's plan is written out to compare at most once per change of
        // it, not at each of the other tab's autosaves.
        {
            let dispatch = dispatch.clone();
            let said = use_mut_ref(|| false);
            let shown = use_mut_ref(|| (plan.clone(), None::<String>));
            if !Rc::ptr_eq(&shown.borrow().0, &plan) {
                *shown.borrow_mut() = (plan.clone(), None);
            }
            use_effect_with((), move |_| {
                let listener = window_event::WindowListener::new("storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if event.key() != Some(storage::plan_key()) || *said.borrow() {
                        return;
                    }
                    let saved = event.new_value();
                    let differs = saved.is_some_and(|saved| {
                        let (plan, json) = &mut *shown.borrow_mut();
                        saved != *json.get_or_insert_with(|| crate::io::json::save(plan))
                    });
                    if differs {
                        *said.borrow_mut() = true;
                        dispatch.dispatch(state::Action::AutosavedElsewhere);
                    }
                });
                move || drop(listener)
            });
        }
        use_effect_with((state.revision, dirty), move |_| {
            crash::remember(plan.clone());
            if autosave_wanted && *autosave_on {
                *latest.borrow_mut() = Some((plan.clone(), dirty));
                let window = web_sys::window();
                if let (Some(w), Some(handle)) = (&window, pending.borrow_mut().take()) {
                    w.clear_timeout_with_handle(handle);
                }
                let save = wasm_bindgen::closure::Closure::once_into_js(move || {
                    latest.borrow_mut().take();
                    if !storage::save(&crate::io::json::save(&plan), dirty) {
                        autosave_on.set(false);
                    }
                });
                if let Some(w) = window {
                    use wasm_bindgen::JsCast;
                    *pending.borrow_mut() = w
                        .set_timeout_with_callback_and_timeout_and_arguments_0(
                            save.unchecked_ref(),
                            500,
                        )
                        .ok();
                }
            }
        });
    }
    // The tab warns before closing with unsaved changes.
    use_effect_with(state.dirty, |dirty| {
        let window = web_sys::window();
        let handler = dirty.then(|| {
            wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
                |e: web_sys::BeforeUnloadEvent| {
                    e.prevent_default();
                    e.set_return_value(crate::text::t().app.leave_warning);
                },
            )
        });
        if let Some(w) = &window {
            use wasm_bindgen::JsCast;
            w.set_onbeforeunload(handler.as_ref().map(|h| h.as_ref().unchecked_ref()));
        }
        move || {
            if let Some(w) = window {
                w.set_onbeforeunload(None);
            }
            drop(handler);
        }
    });
    // Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo every edit; Ctrl+S
    // saves the plan (not the browser's «save page»).
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
                move |e: web_sys::KeyboardEvent| {
                    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                        return;
                    }
                    let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                        ("z", false) => state::Action::Undo,
                        ("z", true) | ("y", _) => state::Action::Redo,
                        ("s", false) => {
                            e.prevent_default();
                            files::click("salva");
                            return;
                        }
                        _ => return,
                    };
                    e.prevent_default();
                    dispatch.dispatch(action);
                },
            );
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &document {
                use wasm_bindgen::JsCast;
                let _ = d
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = document {
                    use wasm_bindgen::JsCast;
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
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

    // The page's language, for screen readers and spelling, and the tab's
    // title follow the switch.
    let lang = crate::text::lang();
    use_effect_with(lang, |lang| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            // Mounted in a host page's element: the language goes on that
            // element, and the host keeps its own title and language.
            match document.get_element_by_id("pesatura") {
                Some(host) => {
                    let _ = host.set_attribute("lang", lang.code());
                }
                None => {
                    if let Some(root) = document.document_element() {
                        let _ = root.set_attribute("lang", lang.code());
                    }
                    document.set_title(lang.texts().app.page_title);
                }
            }
        }
    });
    let t = crate::text::t();

    // Keyed by language: a switch draws every part anew in the new language,
    // memoised parts included; the plan and its history live above, in the reducer.
    // The first frame shows the top of the page, what a screen holds: the
    // plan's header, with the ente's numbers, and its grid. The units and
    // their tables follow once it is painted, then, once they are, the rest
    // (summary, findings, charts), so that each part is on screen sooner
    // than the whole page would be. The same when a plan is opened; a plan
    // just opened has its findings worked out at the last step.
    let drawn = use_state(|| (0_u64, Stage::Top));
    let stage = if drawn.0 == state.opening {
        drawn.1
    } else {
        Stage::Top
    };
    {
        let drawn = drawn.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((state.opening, stage), move |&(opening, stage)| {
            let next = match stage {
                Stage::Top => Some(Stage::Units),
                Stage::Units => Some(Stage::All),
                Stage::All => None,
            };
            if let Some(next) = next {
                files::after_paint(move || {
                    if next == Stage::All {
                        dispatcher.dispatch(state::Action::CheckPlan);
                    }
                    drawn.set((opening, next));
                });
            }
        });
    }
    let units = stage >= Stage::Units;
    let below = stage == Stage::All;

    html! {
        <div key={lang.code()} class="app-root">
            <a class="skip-link" href="#contenuto">{ t.app.skip_to_content }</a>
            <header class="app-header it-header-wrapper">
                <div class="it-header-center-wrapper">
                    <div class="it-header-center-content-wrapper">
                        <div class="brand it-brand-wrapper">
                            <span class="brand-name it-brand-title">{ "Pesatura" }</span>
                            <span class="brand-sub it-brand-tagline">{ t.app.brand_sub }</span>
                        </div>
                        <LanguageSwitch dispatch={dispatch.clone()} />
                        <Toolbar state={state.clone()} dispatch={dispatch.clone()} on_new={open_new} />
                    </div>
                </div>
            </header>
            <main id="contenuto" tabindex="-1">
                <PrintHeading plan={Same(state.plan.clone())} />
                <NoticeBanner notice={state.notice.clone()} dispatch={dispatch.clone()} />
                if autosave_wanted && !*autosave_on {
                    <p class="notice notice-warning alert alert-warning" role="status">{ t.app.autosave_off }</p>
                }
                if let Some(comparison) = state.comparison.clone() {
                    <ComparisonView {comparison} dispatch={dispatch.clone()} />
                }
                if let Some(import) = state.import.clone() {
                    <ImportPanel {import} plan={Same(state.plan.clone())} dispatch={dispatch.clone()} />
                }
                if *choosing_method {
                    <NewPlanPanel dispatch={dispatch.clone()} on_close={close_new} />
                }
                <Header plan={Same(state.plan.clone())} year_draft={state.year_draft.clone()} results={Same(state.results.clone())} dirty={state.dirty}
                    proposed_average={state.proposed.ente.average}
                    levels={(state.grid_text("ente-levels", || state.plan.ente.levels.join("; ")), state.grid_error("ente-levels").map(str::to_string))}
                    mode={state.mode} reviewer={state.reviewer.clone()} show_results={state.show_results} pending={crate::model::review::pending_count(&state.plan)}
                    dispatch={dispatch.clone()} />
                <Spreadsheets plan={Same(state.plan.clone())} dispatch={dispatch.clone()} locked={state.mode == state::Mode::Review} />
                <GridView state={state.clone()} dispatch={dispatch.clone()} />
                if units {
                <UnitsView state={state.clone()} dispatch={dispatch.clone()} />
                }
                if below {
                <Summary plan={Same(state.shown_plan.clone())} results={Same(state.results.clone())}
                    proposed={(state.mode == state::Mode::Review).then(|| Same(state.proposed.clone()))}
                    outcome={state.show_results.then(|| Rc::new(crate::model::achievement::outcome(&state.shown_plan, &state.results)))} />
                <SensitivityPanel plan={Same(state.plan.clone())} results={Same(state.results.clone())} />
                <FindingsList plan={Same(state.plan.clone())} findings={Same(state.findings.clone())} />
                <ReviewLog plan={Same(state.plan.clone())} />
                <Charts plan={Same(state.shown_plan.clone())} results={Same(state.results.clone())}
                    outcome={state.show_results.then(|| Rc::new(crate::model::achievement::outcome(&state.shown_plan, &state.results)))} />
                <OrganisationalObjectives plan={Same(state.plan.clone())} dispatch={dispatch.clone()}
                    results={state.show_results.then(|| state.grid_drafts.clone())} locked={state.mode == state::Mode::Review} />
                <SecretaryObjectives plan={Same(state.plan.clone())} dispatch={dispatch.clone()} locked={state.mode == state::Mode::Review} />
                <PrintClosing plan={Same(state.plan.clone())} />
                }
            </main>
            <div class="visually-hidden" aria-live="polite" role="status" data-testid="annuncio">{ state.announcement.clone() }</div>
            <footer class="app-footer">
                { t.app.footer }
            </footer>
        </div>
    }
}

/// How much of the page is drawn, from the top: a plan just shown is drawn in
/// three frames.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Top,
    Units,
    All,
}
