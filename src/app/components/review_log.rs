//! The review's log on screen: who took which decision, when, on what. The
//! file has always kept it; the Nucleo and the dirigente read it here,
//! newest first, without opening the JSON.

use yew::prelude::*;

use crate::app::components::disclosure::use_details_open;
use crate::app::fingerprint::Same;
use crate::model::Plan;
use crate::text::{fill, moment, t};

#[derive(Properties, PartialEq)]
pub struct ReviewLogProps {
    pub plan: Same<Plan>,
}

#[component]
pub fn ReviewLog(props: &ReviewLogProps) -> Html {
    let plan = &props.plan;
    let texts = &t().panels;
    // Built only while open: a long review logs thousands of decisions.
    let (open, on_toggle) = use_details_open(false);
    if plan.review_log.is_empty() {
        return html! {};
    }
    let rows = plan.review_log.iter().rev().filter(|_| open).map(|event| {
        let objective = plan
            .objective_index(&event.objective)
            .map(|i| &plan.objectives[i]);
        let title = objective.map_or_else(
            || event.objective.clone(),
            |o| match o.title.trim() {
                "" => event.objective.clone(),
                title => title.to_string(),
            },
        );
        let criterion = event
            .criterion
            .as_deref()
            .map(|id| {
                plan.grid
                    .criteria
                    .iter()
                    .find(|c| c.id == id)
                    .map_or(id.to_string(), |c| c.short.clone())
            })
            .unwrap_or_default();
        html! {
            <tr>
                <td class="nowrap">{ moment(&event.at) }</td>
                <td>{ event.by.clone() }</td>
                <td>{ title }</td>
                <td>{ criterion }</td>
                <td>{ event.change.clone() }</td>
            </tr>
        }
    });
    html! {
        <section class="review-log" aria-labelledby="registro-titolo">
            <details ontoggle={on_toggle}>
                <summary>
                    <h2 id="registro-titolo">
                        { fill(texts.log_title, &[("n", &plan.review_log.len())]) }
                    </h2>
                </summary>
                if open {
                    <p class="hint">{ texts.log_hint }</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={texts.log_caption}>
                        <table class="table" data-testid="registro">
                            <caption class="visually-hidden">{ texts.log_caption }</caption>
                            <thead><tr>
                                <th scope="col">{ texts.log_when }</th>
                                <th scope="col">{ texts.log_who }</th>
                                <th scope="col">{ texts.log_objective }</th>
                                <th scope="col">{ texts.log_criterion }</th>
                                <th scope="col">{ texts.log_change }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                }
            </details>
        </section>
    }
}
