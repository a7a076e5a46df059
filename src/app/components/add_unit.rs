//! Adds a unit at any level of the ente's hierarchy, under a unit of a higher level.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::app::components::icon::{icon, It};
use crate::app::state::Action;
use crate::app::Dispatch;
use crate::model::Plan;
use crate::text::{fill, t};

#[derive(Properties, PartialEq)]
pub struct AddUnitProps {
    pub plan: Same<Plan>,
    pub dispatch: Dispatch,
}

#[component]
pub fn AddUnit(props: &AddUnitProps) -> Html {
    let levels = &props.plan.ente.levels;
    let bottom = levels.len().saturating_sub(1);
    let name = use_state(String::new);
    let level = use_state(|| bottom);
    let parent = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let level_now = (*level).min(bottom);

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_level = {
        let level = level.clone();
        let parent = parent.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            level.set(value.parse().unwrap_or(0));
            parent.set(None);
        })
    };
    let on_parent = {
        let parent = parent.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            parent.set((!value.is_empty()).then_some(value));
        })
    };
    let on_submit = {
        let (name, parent, error) = (name.clone(), parent.clone(), error.clone());
        let dispatch = props.dispatch.clone();
        let label = levels.get(level_now).cloned().unwrap_or_default();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = name.trim().to_string();
            if text.is_empty() {
                error.set(Some(fill(
                    t().app.unit_name_missing,
                    &[("level", &label.to_lowercase())],
                )));
                return;
            }
            dispatch.dispatch(Action::AddUnit {
                name: text,
                level: level_now,
                parent: (*parent).clone(),
            });
            name.set(String::new());
            error.set(None);
        })
    };

    let parents: Vec<_> = props
        .plan
        .units
        .iter()
        .filter(|u| u.level < level_now)
        .collect();
    let texts = &t().app;
    html! {
        <form class="add-unit" onsubmit={on_submit} aria-labelledby="aggiungi-unita-titolo">
            <h3 id="aggiungi-unita-titolo">{ texts.add_unit_heading }</h3>
            <div class="field-row">
                <div class="field">
                    <label for="nuova-unita-nome">{ texts.unit_name }</label>
                    <input id="nuova-unita-nome" class="form-control" type="text" value={(*name).clone()} oninput={on_name}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.as_ref().map(|_| "nuova-unita-errore")} />
                    if let Some(message) = (*error).clone() {
                        <p class="field-error" id="nuova-unita-errore">{ icon(It::Error) }{ message }</p>
                    }
                </div>
                <div class="field">
                    <label for="nuova-unita-livello">{ texts.unit_level }</label>
                    <select id="nuova-unita-livello" class="form-select" onchange={on_level}>
                        { for levels.iter().enumerate().map(|(i, l)| html! {
                            <option value={i.to_string()} selected={i == level_now}>{ l.clone() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="nuova-unita-superiore">{ texts.parent_unit }</label>
                    <select id="nuova-unita-superiore" class="form-select" onchange={on_parent}>
                        <option value="" selected={parent.is_none()}>{ texts.no_parent }</option>
                        { for parents.iter().map(|u| html! {
                            <option value={u.id.clone()} selected={parent.as_deref() == Some(u.id.as_str())}>
                                { props.plan.unit_label(u) }
                            </option>
                        }) }
                    </select>
                </div>
                <button type="submit" class="btn btn-primary btn-xs">{ texts.add_unit }</button>
            </div>
        </form>
    }
}
