//! One objective: its title, one input per criterion, its points and its
//! relative weight. A refused entry stays in its field with the reason next
//! to it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::files::{confirm, dom_id};
use crate::app::state::Action;
use crate::app::Dispatch;
use crate::model::compute::ObjectiveResult;
use crate::model::format::{format_it, format_points};
use crate::model::{Grid, Objective};

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub grid: Rc<Grid>,
    pub objective: Objective,
    /// Position in its unit, from 1.
    pub number: usize,
    pub is_first: bool,
    pub is_last: bool,
    pub result: ObjectiveResult,
    /// The text of each score cell, refused entries included.
    pub cells: Vec<String>,
    pub errors: Vec<Option<String>>,
    pub dispatch: Dispatch,
}

#[component]
pub fn ObjectiveRow(props: &RowProps) -> Html {
    let o = &props.objective;
    let label = if o.title.trim().is_empty() { format!("obiettivo {}", props.number) } else { format!("obiettivo {}: {}", props.number, o.title) };

    let on_title = {
        let dispatch = props.dispatch.clone();
        let id = o.id.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetTitle { id: id.clone(), title: input.value() });
        })
    };
    let on_description = {
        let dispatch = props.dispatch.clone();
        let id = o.id.clone();
        Callback::from(move |e: Event| {
            let input: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetDescription { id: id.clone(), text: input.value() });
        })
    };
    let mover = |delta: isize| {
        let dispatch = props.dispatch.clone();
        let id = o.id.clone();
        Callback::from(move |_| dispatch.dispatch(Action::MoveObjective { id: id.clone(), delta }))
    };
    let on_remove = {
        let dispatch = props.dispatch.clone();
        let id = o.id.clone();
        let has_content = !o.title.trim().is_empty() || o.scores.iter().any(Option::is_some);
        let question = format!("Eliminare l'{label}?");
        Callback::from(move |_| {
            if !has_content || confirm(&question) {
                dispatch.dispatch(Action::RemoveObjective { id: id.clone() });
            }
        })
    };

    let cells = props.grid.criteria.iter().enumerate().map(|(c, criterion)| {
        let cell_id = dom_id("cella", &[&o.id, &c.to_string()]);
        let error_id = format!("{cell_id}-errore");
        let error = props.errors.get(c).cloned().flatten();
        let on_input = {
            let dispatch = props.dispatch.clone();
            let id = o.id.clone();
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                dispatch.dispatch(Action::SetScore { id: id.clone(), criterion: c, text: input.value() });
            })
        };
        html! {
            <td class={classes!("score-cell", error.is_some().then_some("has-error"))}>
                <input id={cell_id} class="score" type="text" inputmode="numeric" autocomplete="off"
                    value={props.cells.get(c).cloned().unwrap_or_default()}
                    aria-label={format!("{} (da {} a {}), {}", criterion.name, format_points(criterion.min), format_points(criterion.max), label)}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.as_ref().map(|_| error_id.clone())}
                    oninput={on_input} />
                if let Some(error) = error {
                    <span class="field-error" id={error_id}>{ error }</span>
                }
            </td>
        }
    });

    let points = props.result.points.map_or_else(|| "—".to_string(), format_points);
    let weight = props.result.weight.map_or_else(|| "—".to_string(), |w| format!("{} %", format_it(w, 2)));
    let incomplete = props.result.points.is_none();

    html! {
        <tr id={dom_id("riga", &[&o.id])} class={classes!(incomplete.then_some("incomplete"))}>
            <td class="num">{ props.number }</td>
            <td class="title-cell">
                <textarea id={dom_id("titolo", &[&o.id])} class="title" rows="2"
                    aria-label={format!("Titolo dell'obiettivo {}", props.number)}
                    placeholder="Titolo dell'obiettivo"
                    value={o.title.clone()} oninput={on_title} />
                <details class="description" open={o.description.is_some()}>
                    <summary>{ "Descrizione" }</summary>
                    <textarea id={dom_id("descrizione", &[&o.id])} rows="2"
                        aria-label={format!("Descrizione dell'obiettivo {}", props.number)}
                        value={o.description.clone().unwrap_or_default()} onchange={on_description} />
                </details>
            </td>
            { for cells }
            <td class="num points" data-testid={dom_id("punti", &[&o.id])}
                title={incomplete.then_some("Mancano punteggi: l'obiettivo non è contato")}>{ points }</td>
            <td class="num weight" data-testid={dom_id("peso", &[&o.id])}>{ weight }</td>
            <td class="actions">
                <button type="button" class="btn btn-icon" disabled={props.is_first} onclick={mover(-1)}
                    aria-label={format!("Sposta su l'{label}")} title="Sposta su">{ "↑" }</button>
                <button type="button" class="btn btn-icon" disabled={props.is_last} onclick={mover(1)}
                    aria-label={format!("Sposta giù l'{label}")} title="Sposta giù">{ "↓" }</button>
                <button type="button" class="btn btn-icon btn-danger" onclick={on_remove}
                    aria-label={format!("Elimina l'{label}")} title="Elimina obiettivo">{ "✕" }</button>
            </td>
        </tr>
    }
}
