//! What only paper shows: the annex's heading, the review's outcome with its
//! comments, and the lines for signatures. The rest of the page prints as it
//! is, without buttons and inputs (see the print stylesheet).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::describe;
use crate::model::format::format_points;
use crate::model::review::{objective_status, Verdict};
use crate::model::Plan;

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub plan: Rc<Plan>,
}

#[component]
pub fn PrintHeading(props: &PrintProps) -> Html {
    let now = js_sys::Date::new_0();
    let date = format!(
        "{:02}/{:02}/{}",
        now.get_date(),
        now.get_month() + 1,
        now.get_full_year()
    );
    html! {
        <div class="print-only print-heading">
            <p class="print-kicker">{ "Allegato — pesatura degli obiettivi" }</p>
            <p class="print-title">{ format!("{} — piano degli obiettivi {}", props.plan.ente.name, props.plan.ente.year) }</p>
            <p>{ format!("{}: {}. Stampato il {date}.", props.plan.grid.name, describe::formula(&props.plan.grid)) }</p>
        </div>
    }
}

#[component]
pub fn PrintClosing(props: &PrintProps) -> Html {
    let plan = &props.plan;
    let n = plan.grid.criteria.len();
    let reviewed: Vec<_> = plan
        .objectives
        .iter()
        .filter(|o| {
            objective_status(o, n) != Verdict::Pending
                || !o.review.comment.is_empty()
                || o.review.scores.iter().any(|s| !s.comment.is_empty())
        })
        .collect();
    let rows = reviewed.iter().map(|o| {
        let mut notes: Vec<String> = Vec::new();
        if !o.review.comment.is_empty() {
            notes.push(o.review.comment.clone());
        }
        for (c, r) in o.review.scores.iter().enumerate() {
            let Some(criterion) = plan.grid.criteria.get(c) else {
                continue;
            };
            let mut parts = Vec::new();
            if r.verdict != Verdict::Pending {
                parts.push(r.verdict.label_it().to_string());
            }
            if let Some(revised) = r.revised {
                let proposed = o
                    .scores
                    .get(c)
                    .copied()
                    .flatten()
                    .map_or("—".into(), format_points);
                parts.push(format!("da {proposed} a {}", format_points(revised)));
            }
            if !r.comment.is_empty() {
                parts.push(format!("«{}»", r.comment));
            }
            if !parts.is_empty() {
                notes.push(format!("{}: {}", criterion.short, parts.join(", ")));
            }
        }
        let unit = plan
            .unit(&o.unit)
            .map_or(o.unit.clone(), |u| plan.unit_label(u));
        html! {
            <tr>
                <td>{ unit }</td><td>{ o.title.clone() }</td>
                <td>{ objective_status(o, n).label_it() }</td>
                <td>{ notes.join(" · ") }</td>
            </tr>
        }
    });
    html! {
        <div class="print-only print-closing">
            if !reviewed.is_empty() {
                <h2>{ "Esiti della verifica del Nucleo di valutazione" }</h2>
                <table class="table">
                    <thead><tr><th>{ "Unità" }</th><th>{ "Obiettivo" }</th><th>{ "Esito" }</th><th>{ "Rilievi e commenti" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            <div class="signatures">
                <p>{ "Luogo e data ______________________" }</p>
                <p>{ "Il Dirigente ______________________" }</p>
                <p>{ "Il Nucleo di valutazione ______________________" }</p>
            </div>
        </div>
    }
}
