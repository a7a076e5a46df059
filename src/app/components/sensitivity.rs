//! Sensibilità della graduatoria: scale each criterion's influence from 0 %
//! to 200 % and see, live, which objectives change rank inside their unit;
//! and for each objective the smallest change of one score that would move
//! it. The saved scores are never touched: this is a what-if.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::files::dom_id;
use crate::model::decimal::Dec;
use crate::model::format::format_points;
use crate::model::plan::Method;
use crate::model::sensitivity::{minimal_change, standings};
use crate::model::{Plan, Results};

#[derive(Properties, PartialEq)]
pub struct SensitivityProps {
    pub plan: Rc<Plan>,
    pub results: Rc<Results>,
}

#[component]
pub fn SensitivityPanel(props: &SensitivityProps) -> Html {
    let open = use_state(|| false);
    let percents = use_state(Vec::<u32>::new);
    let plan = &props.plan;
    let n = plan.grid.criteria.len();
    let current: Vec<u32> = (0..n)
        .map(|c| percents.get(c).copied().unwrap_or(100))
        .collect();

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let body = if !*open {
        Html::default()
    } else if plan.grid.method != Method::Criteria || n == 0 {
        html! { <p class="hint">{ "La sensibilità riguarda i criteri: con i pesi percentuali diretti non si applica." }</p> }
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
                    <label for={id.clone()}>{ format!("{}: {} %", criterion.short, current[c]) }</label>
                    <input {id} class="form-range" type="range" min="0" max="200" step="10" value={current[c].to_string()} {oninput}
                        aria-valuetext={format!("{} per cento", current[c])} />
                </div>
            }
        });
        let reset = {
            let percents = percents.clone();
            Callback::from(move |_| percents.set(Vec::new()))
        };
        let rows = tables.iter().flat_map(|(unit, table)| {
            let unit_name = unit.map_or("Obiettivi comuni".to_string(), |u| plan.unit_label(&plan.units[u]));
            let peers: Vec<usize> = table.iter().map(|s| s.objective).collect();
            table.iter().map(move |s| (unit_name.clone(), peers.clone(), s.clone())).collect::<Vec<_>>()
        }).map(|(unit_name, peers, s)| {
            let o = &plan.objectives[s.objective];
            let rank = |r: Option<usize>| r.map_or("—".to_string(), |r| format!("{r}ª"));
            let movement = match (s.rank, s.scaled_rank) {
                (Some(a), Some(b)) if b < a => "sale",
                (Some(a), Some(b)) if b > a => "scende",
                _ => "",
            };
            let change = minimal_change(plan, s.objective, &peers).map_or("—".to_string(), |(c, delta)| {
                let sign = if delta.raw() > 0 { "+" } else { "" };
                format!("{sign}{} su {}", format_points(delta), plan.grid.criteria[c].short)
            });
            html! {
                <tr class={classes!(s.moved().then_some("moved"))} data-testid={dom_id("sensibilita-riga", &[&o.id])}>
                    <td>{ unit_name }</td>
                    <td>{ o.title.clone() }</td>
                    <td class="num">{ s.points.map_or("—".into(), format_points) }</td>
                    <td class="num">{ s.scaled.map_or("—".into(), format_points) }</td>
                    <td class="num">{ rank(s.rank) }</td>
                    <td class="num" data-testid={dom_id("posizione", &[&o.id])}>{ rank(s.scaled_rank) }{ if movement.is_empty() { String::new() } else { format!(" ({movement})") } }</td>
                    <td>{ change }</td>
                </tr>
            }
        });
        html! {
            <>
                <div class="field-row">{ for sliders }
                    <button type="button" class="btn btn-outline-primary btn-xs" onclick={reset}>{ "Ripristina la griglia adottata" }</button>
                </div>
                <p role="status" data-testid="sensibilita-esito">
                    { if moved == 0 { "Nessun obiettivo cambia posizione nella sua unità.".to_string() }
                      else { format!("{moved} obiettivi cambiano posizione nella loro unità (evidenziati).") } }
                </p>
                <div class="table-scroll">
                <table class="table">
                    <caption>{ "Posizione di ogni obiettivo nella sua unità, con la griglia adottata e con i fattori scelti; la modifica minima di un solo punteggio che ne cambia la posizione." }</caption>
                    <thead><tr>
                        <th scope="col">{ "Unità" }</th><th scope="col">{ "Obiettivo" }</th>
                        <th scope="col" class="num">{ "Peso" }</th><th scope="col" class="num">{ "Peso con i fattori" }</th>
                        <th scope="col" class="num">{ "Posizione" }</th><th scope="col" class="num">{ "Con i fattori" }</th>
                        <th scope="col">{ "Modifica minima" }</th>
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
                <summary><h2 id="sensibilita-titolo">{ "Sensibilità della graduatoria" }</h2></summary>
                <p class="hint">{ "Quanto la posizione degli obiettivi dipende da ciascun criterio. I punteggi salvati non cambiano." }</p>
                { body }
            </details>
        </section>
    }
}
