//! Objectives without scores, kept in the same file: the ente's
//! organisational performance objectives (indicator and target, Como 3.1) and
//! the Segretario generale's (Como 3.3).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::app::components::icon::{icon, It};
use crate::app::files::{confirm_then, dom_id, focus_last, refocus_in_list};
use std::collections::HashMap;

use crate::app::components::achievement::AchievementEditor;
use crate::app::state::{AchievementOf, Action, Draft};
use crate::app::Dispatch;
use crate::model::achievement::counted_percent;
use crate::model::Plan;
use crate::text::{fill, t};

#[derive(Properties, PartialEq)]
pub struct OtherProps {
    pub plan: Same<Plan>,
    pub dispatch: Dispatch,
    /// In Verifica: shown as the dirigente proposed them, not changed.
    #[prop_or_default]
    pub locked: bool,
}

#[derive(Properties, PartialEq)]
pub struct OrgProps {
    pub plan: Same<Plan>,
    pub dispatch: Dispatch,
    /// Refused achievement texts, when results are shown.
    pub results: Option<Rc<HashMap<String, Draft>>>,
    /// In Verifica: shown as the dirigente proposed them, not changed.
    #[prop_or_default]
    pub locked: bool,
}

#[component]
pub fn OrganisationalObjectives(props: &OrgProps) -> Html {
    let send = {
        let d = props.dispatch.clone();
        move |a: Action| d.dispatch(a)
    };
    let locked = props.locked;
    let rows = props.plan.organisational.iter().enumerate().map(|(n, o)| {
        let (s, id) = (send.clone(), o.id.clone());
        let on_title = Callback::from(move |e: Event| s(Action::SetOrgTitle { id: id.clone(), title: e.target_unchecked_into::<HtmlTextAreaElement>().value() }));
        let (s, id) = (send.clone(), o.id.clone());
        let on_add_indicator = Callback::from(move |_| {
            s(Action::AddIndicator { id: id.clone() });
            focus_last(format!("tr:has(#{}) input.indicator-name", dom_id("obiettivo-org", &[&id]).replace('.', "\\.")));
        });
        let (s, id) = (send.clone(), o.id.clone());
        let question = fill(t().panels.org_remove_question, &[("n", &(n + 1))]);
        let on_remove = Callback::from(move |e: MouseEvent| {
            let (s, id, button) = (s.clone(), id.clone(), e.target_dyn_into::<web_sys::Element>());
            confirm_then(true, &question, move || {
                if let Some(button) = button {
                    refocus_in_list(&button, "tr");
                }
                s(Action::RemoveOrgObjective { id });
            });
        });
        let indicators = o.indicators.iter().enumerate().map(|(i, ind)| {
            let (s, id) = (send.clone(), o.id.clone());
            let on_name = Callback::from(move |e: Event| s(Action::SetIndicator { id: id.clone(), index: i, name: Some(e.target_unchecked_into::<HtmlInputElement>().value()), target: None }));
            let (s, id) = (send.clone(), o.id.clone());
            let on_target = Callback::from(move |e: Event| s(Action::SetIndicator { id: id.clone(), index: i, name: None, target: Some(e.target_unchecked_into::<HtmlInputElement>().value()) }));
            let (s, id) = (send.clone(), o.id.clone());
            let on_drop = Callback::from(move |e: MouseEvent| {
                if let Some(button) = e.target_dyn_into::<web_sys::Element>() {
                    refocus_in_list(&button, "li.indicator");
                }
                s(Action::RemoveIndicator { id: id.clone(), index: i })
            });
            html! {
                <li class="indicator">
                    <input id={dom_id("indicatore", &[&o.id, &i.to_string()])} type="text" class="indicator-name form-control" value={ind.name.clone()} onchange={on_name} readonly={locked} tabindex={(locked).then_some("-1")}
                        aria-label={fill(t().panels.org_indicator, &[("i", &(i + 1)), ("n", &(n + 1))])} placeholder={t().panels.org_indicator_placeholder} />
                    <input id={dom_id("indicatore-target", &[&o.id, &i.to_string()])} type="text" class="indicator-target form-control" value={ind.target.clone()} onchange={on_target} readonly={locked} tabindex={(locked).then_some("-1")}
                        aria-label={fill(t().panels.org_target, &[("i", &(i + 1)), ("n", &(n + 1))])} placeholder={t().panels.org_target_placeholder} />
                    if !locked {
                    <button type="button" class="btn btn-icon btn-danger btn-outline-danger btn-xs" onclick={on_drop}
                        aria-label={fill(t().panels.org_remove_indicator, &[("i", &(i + 1)), ("n", &(n + 1))])}>{ icon(It::Delete) }</button>
                    }
                </li>
            }
        });
        html! {
            <tr key={o.id.clone()}>
                <td class="num">{ format!("{})", n + 1) }</td>
                <td class="title-cell">
                    <textarea id={dom_id("obiettivo-org", &[&o.id])} class="title form-control" rows="2" value={o.title.clone()} onchange={on_title} readonly={locked} tabindex={(locked).then_some("-1")}
                        aria-label={fill(t().panels.org_title_of, &[("n", &(n + 1))])} />
                </td>
                <td>
                    <ul class="indicators">{ for indicators }</ul>
                    if !locked {
                    <button type="button" class="btn btn-small btn-outline-primary btn-xs btn-icon" onclick={on_add_indicator}>{ icon(It::Plus) }{ t().panels.org_add_indicator }</button>
                    }
                </td>
                if let Some(drafts) = &props.results {
                    <td class="achievement-cell">
                        <AchievementEditor of={AchievementOf::Organisational(o.id.clone())} current={o.achievement}
                            draft={drafts.get(&AchievementOf::Organisational(o.id.clone()).field()).map(|d| (d.text.clone(), d.error.clone()))}
                            counted={o.achievement.and_then(|a| counted_percent(a, props.plan.grid.bands))}
                            label={fill(t().panels.org_objective, &[("n", &(n + 1))])} {locked} dispatch={props.dispatch.clone()} />
                    </td>
                }
                <td class="actions">
                    if !locked {
                    <button type="button" class="btn btn-icon btn-danger btn-outline-danger btn-xs" onclick={on_remove}
                        aria-label={fill(t().panels.org_remove, &[("n", &(n + 1))])}>{ icon(It::Delete) }</button>
                    }
                </td>
            </tr>
        }
    });
    let s = send.clone();
    let on_add = Callback::from(move |_| {
        s(Action::AddOrgObjective);
        focus_last("textarea[id^='obiettivo-org-']".into());
    });
    html! {
        <section class="other-objectives" aria-labelledby="org-titolo">
            <h2 id="org-titolo">{ t().panels.org_title }</h2>
            <p class="hint">{ t().panels.org_hint }</p>
            if !props.plan.organisational.is_empty() {
                <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{ t().panels.org_caption }</caption>
                    <thead><tr>
                        <th scope="col" class="num">{ t().panels.org_number }</th>
                        <th scope="col">{ t().panels.org_objective_column }</th>
                        <th scope="col">{ t().panels.org_indicators }</th>
                        if props.results.is_some() {
                            <th scope="col">{ t().panels.org_achievement }</th>
                        }
                        <th scope="col"><span class="visually-hidden">{ t().panels.org_actions }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            }
            if !locked {
            <button type="button" class="btn btn-add btn-outline-primary btn-xs btn-icon" onclick={on_add}>{ icon(It::Plus) }{ t().panels.org_add }</button>
            }
        </section>
    }
}

#[component]
pub fn SecretaryObjectives(props: &OtherProps) -> Html {
    let send = {
        let d = props.dispatch.clone();
        move |a: Action| d.dispatch(a)
    };
    let locked = props.locked;
    let items = props.plan.secretary.iter().enumerate().map(|(n, o)| {
        let (s, id) = (send.clone(), o.id.clone());
        let on_title = Callback::from(move |e: Event| s(Action::SetSecretaryTitle { id: id.clone(), title: e.target_unchecked_into::<HtmlTextAreaElement>().value() }));
        let (s, id) = (send.clone(), o.id.clone());
        let question = fill(t().panels.secretary_remove_question, &[("n", &(n + 1))]);
        let on_remove = Callback::from(move |e: MouseEvent| {
            let (s, id, button) = (s.clone(), id.clone(), e.target_dyn_into::<web_sys::Element>());
            confirm_then(true, &question, move || {
                if let Some(button) = button {
                    refocus_in_list(&button, "li.secretary-item");
                }
                s(Action::RemoveSecretaryObjective { id });
            });
        });
        html! {
            <li key={o.id.clone()} class="secretary-item">
                <textarea id={dom_id("obiettivo-segretario", &[&o.id])} class="title form-control" rows="2" value={o.title.clone()} onchange={on_title} readonly={locked} tabindex={(locked).then_some("-1")}
                    aria-label={fill(t().panels.secretary_objective, &[("n", &(n + 1))])} />
                if !locked {
                <button type="button" class="btn btn-icon btn-danger btn-outline-danger btn-xs" onclick={on_remove}
                    aria-label={fill(t().panels.secretary_remove, &[("n", &(n + 1))])}>{ icon(It::Delete) }</button>
                }
            </li>
        }
    });
    let s = send.clone();
    let on_add = Callback::from(move |_| {
        s(Action::AddSecretaryObjective);
        focus_last("ol.secretary textarea".into());
    });
    html! {
        <section class="other-objectives" aria-labelledby="segretario-titolo">
            <h2 id="segretario-titolo">{ t().panels.secretary_title }</h2>
            if !props.plan.secretary.is_empty() {
                <ol class="secretary">{ for items }</ol>
            }
            if !locked {
            <button type="button" class="btn btn-add btn-outline-primary btn-xs btn-icon" onclick={on_add}>{ icon(It::Plus) }{ t().panels.secretary_add }</button>
            }
        </section>
    }
}
