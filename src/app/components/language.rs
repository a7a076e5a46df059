//! The language switch: Italiano / English, remembered in the browser.

use yew::prelude::*;

use crate::app::state::Action;
use crate::app::{files, storage, Dispatch};
use crate::text::{t, Lang};

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub dispatch: Dispatch,
}

#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let current = crate::text::lang();
    let button = |lang: Lang| {
        let dispatch = props.dispatch.clone();
        let pressed = lang == current;
        let id = format!("lingua-{}", lang.code());
        let onclick = Callback::from(move |_| {
            if lang != crate::text::lang() {
                storage::save_language(lang);
                dispatch.dispatch(Action::SetLanguage(lang));
                // The page is drawn anew in the language: keep the focus here.
                let id = format!("lingua-{}", lang.code());
                files::after_render(move || files::focus(&id));
            }
        });
        html! {
            <button type="button" {id} lang={lang.code()} class={classes!("btn", "btn-small", pressed.then_some("btn-primary"))}
                aria-pressed={pressed.to_string()} {onclick}>{ lang.own_name() }</button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={t().app.language}>
            { for Lang::ALL.into_iter().map(button) }
        </div>
    }
}
