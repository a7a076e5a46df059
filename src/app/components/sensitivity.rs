//! Sensibilità della graduatoria: scale each criterion's influence from 0 %
//! to 200 % and see, live, which objectives change rank inside their unit;
//! and for each objective the smallest change of one score that would move
//! it. The saved scores are never touched: this is a what-if.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::components::disclosure::use_details_open;

use crate::app::fingerprint::Same;

use crate::app::files::dom_id;
use crate::model::decimal::Dec;
use crate::model::plan::Method;
use crate::model::sensitivity::{minimal_change, standings};
use crate::model::{Plan, Results};
use crate::text::{fill, plural, points, t};

#[derive(Properties, PartialEq)]
pub struct SensitivityProps {
    pub plan: Same<Plan>,
    pub results: Same<Results>,
}

#[component]
pub fn SensitivityPanel(props: &SensitivityProps) -> Html {
    let (open, on_toggle) = use_details_open(false);
    let percents = use_state(Vec::<u32>::new);
    let plan = &props.plan;
    let n = plan.grid.criteria.len();
    let current: Vec<u32> = (0..n)
        .map(|c| percents.get(c).copied().unwrap_or(100))
        .collect();

    let body = if !open {
        Html::default()
    } else if plan.grid.method != Method::Criteria || n == 0 {
        html! { <p class="hint">{ t().panels.sensitivity_not_criteria }</p> }
    } else {
        let factors: Vec<Dec> = current
            .iter()
            .map(|p| Dec::from_int(*p as i64).ratio_of_hundred())
            .collect();
        let tables = standings(plan, &props.results, &factors);
        let moved = tables
            .iter()
            .flat_map(|(_, t)| t)
            .filter(|s| s.moved())
            .count();
        let sliders = plan.grid.criteria.iter().enumerate().map(|(c, criterion)| {
            let percents = percents.clone();
            let values = current.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let v: u32 = e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(100);
                let mut next = values.clone();
                next[c] = v.min(200);
                percents.set(next);
            });
            let id = format!("sensibilita-{c}");
            html! {
                <div class="field slider">
                    <label for={id.clone()}>{ fill(t().panels.sensitivity_slider, &[("criterion", &criterion.short), ("percent", &current[c])]) }</label>
                    <input {id} class="form-range" type="range" min="0" max="200" step="10" value={current[c].to_string()} {oninput}
                        aria-valuetext={fill(t().panels.sensitivity_slider_value, &[("percent", &current[c])])} />
                </div>
            }
        });
        let reset = {
            let percents = percents.clone();
            Callback::from(move |_| percents.set(Vec::new()))
        };
        let rows = tables.iter().flat_map(|(unit, table)| {
            let unit_name = unit.map_or(t().panels.sensitivity_shared.to_string(), |u| plan.unit_label(&plan.units[u]));
            let peers: Vec<usize> = table.iter().map(|s| s.objective).collect();
            table.iter().map(move |s| (unit_name.clone(), peers.clone(), s.clone())).collect::<Vec<_>>()
        }).map(|(unit_name, peers, s)| {
            let o = &plan.objectives[s.objective];
            let rank = |r: Option<usize>| r.map_or("—".to_string(), |r| fill(t().panels.sensitivity_rank, &[("rank", &r)]));
            let movement = match (s.rank, s.scaled_rank) {
                (Some(a), Some(b)) if b < a => t().panels.sensitivity_rises,
                (Some(a), Some(b)) if b > a => t().panels.sensitivity_falls,
                _ => "",
            };
            let change = minimal_change(plan, s.objective, &peers, &factors).map_or("—".to_string(), |(c, delta)| {
                let sign = if delta.raw() > 0 { "+" } else { "" };
                fill(t().panels.sensitivity_change, &[("change", &format!("{sign}{}", points(delta))), ("criterion", &plan.grid.criteria[c].short)])
            });
            html! {
                <tr class={classes!(s.moved().then_some("moved"))} data-testid={dom_id("sensibilita-riga", &[&o.id])}>
                    <td>{ unit_name }</td>
                    <td>{ o.title.clone() }</td>
                    <td class="num">{ s.points.map_or("—".into(), points) }</td>
                    <td class="num">{ s.scaled.map_or("—".into(), points) }</td>
                    <td class="num">{ rank(s.rank) }</td>
                    <td class="num" data-testid={dom_id("posizione", &[&o.id])}>{ rank(s.scaled_rank) }{ if movement.is_empty() { String::new() } else { format!(" ({movement})") } }</td>
                    <td>{ change }</td>
                </tr>
            }
        });
        html! {
            <>
                <div class="field-row">{ for sliders }
                    <button type="button" class="btn btn-outline-primary btn-xs" onclick={reset}>{ t().panels.sensitivity_reset }</button>
                </div>
                <p role="status" data-testid="sensibilita-esito">
                    { if moved == 0 { t().panels.sensitivity_none_moved.to_string() }
                      else { fill(plural(moved, t().panels.sensitivity_moved_one, t().panels.sensitivity_moved_many), &[("n", &moved)]) } }
                </p>
                // No control inside: the box takes focus itself, so that the
                // keyboard can scroll it on a narrow screen.
                <div class="table-scroll" tabindex="0" role="region" aria-label={t().panels.sensitivity_caption}>
                <table class="table">
                    <caption>{ t().panels.sensitivity_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ t().panels.sensitivity_unit }</th><th scope="col">{ t().panels.sensitivity_objective }</th>
                        <th scope="col" class="num">{ t().panels.sensitivity_weight }</th><th scope="col" class="num">{ t().panels.sensitivity_scaled_weight }</th>
                        <th scope="col" class="num">{ t().panels.sensitivity_position }</th><th scope="col" class="num">{ t().panels.sensitivity_scaled_position }</th>
                        <th scope="col">{ t().panels.sensitivity_minimal_change }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            </>
        }
    };
    html! {
        <section class="sensitivity" aria-labelledby="sensibilita-titolo">
            <details ontoggle={on_toggle}>
                <summary><h2 id="sensibilita-titolo">{ t().panels.sensitivity_title }</h2></summary>
                <p class="hint">{ t().panels.sensitivity_hint }</p>
                { body }
            </details>
        </section>
    }
}
