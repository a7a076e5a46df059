//! The banner that says what just happened: a file opened, saved, or refused.

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

#[component]
pub fn NoticeBanner(props: &NoticeProps) -> Html {
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
            <div class={class} role={role} data-testid="notice">
                <span class="notice-text">
                    if matches!(notice, Notice::Error(_)) { <strong>{ t().app.error_prefix }</strong>{ " " } }
                    { text.clone() }
                </span>
                <button type="button" class="btn btn-small btn-outline-primary btn-xs btn-icon" onclick={dismiss} aria-label={t().app.close_notice_label}>{ icon(It::Close) }{ t().app.close_notice }</button>
            </div>
        </div>
    }
}
