//! The changes between another file and the plan on screen, side by side.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::Action;
use crate::app::Dispatch;
use crate::model::decimal::Dec;
use crate::model::diff::{difference, Change, Diff};
use crate::model::format::{format_it, format_points};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub comparison: Rc<(String, Diff)>,
    pub dispatch: Dispatch,
}

fn points(v: Option<Dec>) -> String {
    v.map_or("—".into(), format_points)
}

fn two(v: Option<Dec>) -> String {
    v.map_or("—".into(), |v| format_it(v, 2))
}

fn signed(v: Option<Dec>) -> String {
    match v {
        Some(d) if d.raw() > 0 => format!("+{}", format_it(d, 2)),
        Some(d) => format_it(d, 2),
        None => String::new(),
    }
}

#[component]
pub fn ComparisonView(props: &ComparisonProps) -> Html {
    let (name, diff) = &*props.comparison;
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CloseComparison))
    };
    let rows = diff.changes.iter().map(|change| {
        let (kind, place, before, after, delta) = match change {
            Change::Added { unit, title } => ("Aggiunto", format!("{unit} › {title}"), String::new(), "presente".into(), String::new()),
            Change::Removed { unit, title } => ("Tolto", format!("{unit} › {title}"), "presente".into(), String::new(), String::new()),
            Change::Retitled { unit, from, to } => ("Titolo cambiato", unit.clone(), from.clone(), to.clone(), String::new()),
            Change::Moved { title, from, to } => ("Spostato", title.clone(), from.clone(), to.clone(), String::new()),
            Change::Score { unit, title, criterion, from, to } => {
                ("Punteggio", format!("{unit} › {title} › {criterion}"), points(*from), points(*to), signed(difference(*from, *to)))
            }
            Change::Points { unit, title, from, to } => ("Totale", format!("{unit} › {title}"), points(*from), points(*to), signed(difference(*from, *to))),
            Change::Weight { unit, title, from, to } => ("Peso relativo", format!("{unit} › {title}"), two(*from), two(*to), signed(difference(*from, *to))),
        };
        html! {
            <tr>
                <td>{ kind }</td><td>{ place }</td><td class="num">{ before }</td><td class="num">{ after }</td><td class="num">{ delta }</td>
            </tr>
        }
    });
    let changed_units: Vec<_> = diff.units.iter().filter(|u| u.before != u.after).collect();
    html! {
        <section class="comparison" aria-labelledby="confronto-titolo" data-testid="confronto">
            <div class="unit-head">
                <h2 id="confronto-titolo">{ format!("Confronto: «{name}» (prima) e il piano sullo schermo (dopo)") }</h2>
                <button type="button" class="btn btn-small btn-outline-primary btn-xs" onclick={close}>{ "Chiudi il confronto" }</button>
            </div>
            if diff.is_empty() {
                <p class="all-good">{ "Nessuna differenza." }</p>
            } else {
                <p>{ format!("{} differenze sugli obiettivi; media dell'ente {} → {}.", diff.changes.len(), two(diff.ente_before), two(diff.ente_after)) }</p>
                if !diff.changes.is_empty() {
                    <div class="table-scroll">
                    <table class="table">
                        <caption>{ "Differenze obiettivo per obiettivo" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Che cosa" }</th><th scope="col">{ "Dove" }</th>
                            <th scope="col" class="num">{ "Prima" }</th><th scope="col" class="num">{ "Dopo" }</th><th scope="col" class="num">{ "Differenza" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    </div>
                }
                if !changed_units.is_empty() {
                    <table class="table compact">
                        <caption>{ "Medie delle unità cambiate" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Unità" }</th><th scope="col" class="num">{ "Prima" }</th>
                            <th scope="col" class="num">{ "Dopo" }</th><th scope="col" class="num">{ "Differenza" }</th>
                        </tr></thead>
                        <tbody>
                            { for changed_units.iter().map(|u| html! {
                                <tr><th scope="row">{ u.unit.clone() }</th><td class="num">{ two(u.before) }</td>
                                    <td class="num">{ two(u.after) }</td><td class="num">{ signed(difference(u.before, u.after)) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
            }
        </section>
    }
}
