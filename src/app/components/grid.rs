//! The criteria grid as adopted: what each criterion is worth and how the
//! weight is formed.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::format::format_points;
use crate::model::Plan;

#[derive(Properties, PartialEq)]
pub struct GridProps {
    pub plan: Rc<Plan>,
}

#[component]
pub fn GridView(props: &GridProps) -> Html {
    let grid = &props.plan.grid;
    let formula = grid.criteria.iter().map(|c| c.short.to_lowercase()).collect::<Vec<_>>().join(" + ");
    html! {
        <section class="grid-view" aria-labelledby="griglia-titolo">
            <h2 id="griglia-titolo">{ "Griglia dei criteri" }</h2>
            <p class="formula">
                { format!("{} — peso dell'obiettivo = {} (massimo {} punti). ", grid.name, formula, format_points(grid.max_points())) }
                { "Media di settore = media semplice dei pesi degli obiettivi completi; gli obiettivi senza tutti i punteggi non sono contati." }
            </p>
            <table class="table compact">
                <caption class="visually-hidden">{ "Criteri di pesatura con i punteggi ammessi" }</caption>
                <thead>
                    <tr><th scope="col">{ "Criterio" }</th><th scope="col" class="num">{ "Punteggio minimo" }</th><th scope="col" class="num">{ "Punteggio massimo" }</th></tr>
                </thead>
                <tbody>
                    { for grid.criteria.iter().map(|c| html! {
                        <tr key={c.id.clone()}>
                            <th scope="row">{ c.name.clone() }</th>
                            <td class="num">{ format_points(c.min) }</td>
                            <td class="num">{ format_points(c.max) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
