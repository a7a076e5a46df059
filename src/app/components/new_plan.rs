//! Starting a plan: the user picks the weighting method from the presets.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::files::{after_render, focus};
use crate::app::state::Action;
use crate::app::Dispatch;
use crate::model::describe;
use crate::model::presets::Preset;
use crate::text::t;

#[derive(Properties, PartialEq)]
pub struct NewPlanProps {
    pub dispatch: Dispatch,
    pub on_close: Callback<()>,
}

#[component]
pub fn NewPlanPanel(props: &NewPlanProps) -> Html {
    let chosen = use_state(|| Preset::Como2024);
    let options = Preset::ALL.into_iter().map(|preset| {
        let chosen_handle = chosen.clone();
        let onchange = Callback::from(move |e: Event| {
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                chosen_handle.set(preset);
            }
        });
        let id = format!("metodo-{}", preset.key());
        html! {
            <div class="radio">
                <input type="radio" name="metodo" id={id.clone()} value={preset.key()} checked={*chosen == preset} {onchange} />
                <label for={id}>
                    <strong>{ preset.label() }</strong><br />
                    <span class="hint">{ describe::formula(&preset.grid()) }</span>
                </label>
            </div>
        }
    });
    let on_create = {
        let dispatch = props.dispatch.clone();
        let chosen = chosen.clone();
        let close = props.on_close.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let year = js_sys::Date::new_0().get_full_year() as i32;
            dispatch.dispatch(Action::New {
                year,
                preset: *chosen,
            });
            close.emit(());
            // The keyboard goes on from the new plan's title.
            after_render(|| focus("titolo-piano"));
        })
    };
    // Closed without a plan, by its button or Escape: back to «Nuovo piano».
    let cancel = {
        let close = props.on_close.clone();
        move || {
            close.emit(());
            after_render(|| focus("nuovo-piano"));
        }
    };
    let on_cancel = {
        let cancel = cancel.clone();
        Callback::from(move |_| cancel())
    };
    let on_keydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            cancel();
        }
    });
    let texts = &t().app;
    html! {
        <form class="new-plan" onsubmit={on_create} onkeydown={on_keydown} aria-labelledby="nuovo-piano-titolo">
            <h2 id="nuovo-piano-titolo">{ texts.new_plan_heading }</h2>
            <fieldset>
                <legend>{ texts.method }</legend>
                { for options }
            </fieldset>
            <p class="hint">{ texts.new_plan_hint }</p>
            <button type="submit" class="btn btn-primary btn-xs">{ texts.create_plan }</button>
            { " " }
            <button type="button" class="btn btn-outline-primary btn-xs" onclick={on_cancel}>{ texts.cancel }</button>
        </form>
    }
}
