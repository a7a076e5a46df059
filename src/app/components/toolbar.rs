//! Nuovo piano · Apri file… · Salva · the Como example.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::icon::{icon, icon_with, It};
use crate::app::files::{confirm_then, download, read_chosen_file, Reader};
use crate::app::state::{Action, State};
use crate::app::Dispatch;
use crate::io::json;
use crate::text::t;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub state: UseReducerHandle<State>,
    pub dispatch: Dispatch,
    /// Opens the panel where the new plan's method is chosen.
    pub on_new: Callback<()>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    // The reader cancels the read when dropped: keep it until the next file.
    let reader: Reader = use_mut_ref(|| None);
    let dirty = props.state.dirty;

    let on_new = {
        let open = props.on_new.clone();
        Callback::from(move |_| {
            let open = open.clone();
            confirm_then(dirty, t().app.discard_confirm, move || open.emit(()));
        })
    };
    let on_example = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            let dispatch = dispatch.clone();
            confirm_then(dirty, t().app.discard_confirm, move || {
                dispatch.dispatch(Action::OpenExample)
            });
        })
    };
    let on_save = {
        let dispatch = props.dispatch.clone();
        let plan = props.state.plan.clone();
        Callback::from(move |_| {
            let name = json::file_name(&plan);
            match download(&name, "application/json", &json::save(&plan)) {
                Ok(()) => dispatch.dispatch(Action::Saved { name }),
                Err(_) => dispatch.dispatch(Action::OpenFailed {
                    name,
                    reason: t().app.download_refused.into(),
                }),
            }
        })
    };
    let on_open = {
        let dispatch = props.dispatch.clone();
        read_chosen_file(
            &props.dispatch,
            &reader,
            dirty.then_some(t().app.discard_confirm),
            Rc::new(move |name, bytes| dispatch.dispatch(Action::Open { name, bytes })),
        )
    };
    let on_compare = {
        let dispatch = props.dispatch.clone();
        read_chosen_file(
            &props.dispatch,
            &reader,
            None,
            Rc::new(move |name, bytes| dispatch.dispatch(Action::Compare { name, bytes })),
        )
    };
    let on_print = Callback::from(|_| print_when_drawn());
    let on_undo = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Undo))
    };
    let on_redo = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Redo))
    };

    let texts = &t().app;
    html! {
        <nav class="toolbar" aria-label={texts.toolbar_label}>
            <button type="button" class="btn btn-outline btn-xs btn-icon" onclick={on_undo} disabled={!props.state.can_undo()}
                title={texts.undo_hint} aria-keyshortcuts="Control+Z">{ icon(It::Restore) }<span class="btn-label">{ texts.undo }</span></button>
            <button type="button" class="btn btn-outline btn-xs btn-icon" onclick={on_redo} disabled={!props.state.can_redo()}
                title={texts.redo_hint} aria-keyshortcuts="Control+Y">{ icon_with(It::Restore, "icon-flip") }<span class="btn-label">{ texts.redo }</span></button>
            <button id="nuovo-piano" type="button" class="btn btn-xs btn-icon" onclick={on_new}>{ icon(It::File) }{ texts.new_plan }</button>
            <label class="btn btn-xs btn-icon file-button">{ icon(It::Folder) }
                { texts.open_file }
                <input type="file" id="apri-file" class="visually-hidden" accept=".json,application/json" onchange={on_open} />
            </label>
            <button type="button" id="salva" class="btn btn-primary btn-xs btn-icon" onclick={on_save} aria-keyshortcuts="Control+S">{ icon(It::Download) }{ texts.save }</button>
            <label class="btn btn-xs btn-icon file-button">{ icon(It::Files) }
                { texts.compare_file }
                <input type="file" id="confronta-file" class="visually-hidden" accept=".json,application/json" onchange={on_compare} />
            </label>
            <button type="button" class="btn btn-xs btn-icon" onclick={on_print}>{ icon(It::Print) }{ texts.print }</button>
            <button type="button" class="btn btn-outline btn-xs" onclick={on_example}>{ texts.open_example }</button>
            if dirty {
                <span class="dirty-mark" title={texts.unsaved_hint}>{ texts.unsaved_mark }</span>
            }
        </nav>
    }
}

/// Prints once every unit's table is drawn: a long plan draws its tables near
/// the screen, so first it asks for all of them and waits until they are there.
fn print_when_drawn() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new(crate::app::components::near_screen::DRAW_ALL_EVENT) {
        let _ = window.dispatch_event(&event);
    }
    // At most a minute; then what is drawn is printed.
    crate::app::files::when_ready(
        || {
            !crate::app::files::exists(
                ".table-placeholder, .units-placeholder, .summary-placeholder",
            )
        },
        move |_| {
            let _ = window.print();
        },
        50,
        1200,
    );
}
