//! The notice that says what just happened: a file opened, saved, or
//! refused. It stands over the foot of the screen, out of the page's flow, so
//! that coming and going it moves nothing under the reader. A note (opened,
//! saved) goes by itself after [`NOTE_SHOWN_MS`], never while the pointer or
//! the focus is on it; an error or a warning stays until it is closed.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::components::icon::{icon, It};
use crate::app::state::{Action, Notice};
use crate::app::Dispatch;
use crate::text::t;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<Notice>,
    pub dispatch: Dispatch,
}

/// How long a note stays on screen, from when it is shown or when the pointer
/// or the focus leaves it.
pub const NOTE_SHOWN_MS: u32 = 10_000;

#[component]
pub fn NoticeBanner(props: &NoticeProps) -> Html {
    // The pointer over the notice or the focus in it: it is being read.
    // A notice that takes another's place starts unread (the one before may
    // have gone with the pointer on it, closed by its button).
    let held = use_state_eq(|| false);
    {
        let held = held.clone();
        use_effect_with(props.notice.clone(), move |_| held.set(false));
    }
    {
        let dispatch = props.dispatch.clone();
        let goes = matches!(props.notice, Some(Notice::Info(_))) && !*held;
        use_effect_with((props.notice.clone(), goes), move |(_, goes)| {
            let timer = goes.then(|| {
                Timeout::new(NOTE_SHOWN_MS, move || {
                    dispatch.dispatch(Action::DismissNotice)
                })
            });
            move || drop(timer)
        });
    }
    let Some(notice) = &props.notice else {
        return html! { <div class="notice-slot" aria-live="polite"></div> };
    };
    let (class, role, text) = match notice {
        Notice::Error(text) => ("notice notice-error alert alert-danger", "alert", text),
        Notice::Warning(text) => ("notice notice-warning alert alert-warning", "alert", text),
        Notice::Info(text) => ("notice notice-info alert alert-info", "status", text),
    };
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="notice-slot" aria-live="polite">
            <div class={class} role={role} data-testid="notice"
                onmouseenter={hold(&held, true)} onmouseleave={hold(&held, false)}
                onfocusin={hold(&held, true)} onfocusout={hold(&held, false)}>
                <span class="notice-text">
                    if matches!(notice, Notice::Error(_)) { <strong>{ t().app.error_prefix }</strong>{ " " } }
                    { text.to_string() }
                </span>
                <button type="button" class="btn btn-small btn-outline-primary btn-xs btn-icon" onclick={dismiss} aria-label={t().app.close_notice_label}>{ icon(It::Close) }{ t().app.close_notice }</button>
            </div>
        </div>
    }
}

/// Marks the notice as being read, or no longer.
fn hold<E>(held: &UseStateHandle<bool>, on: bool) -> Callback<E> {
    let held = held.clone();
    Callback::from(move |_| held.set(on))
}
