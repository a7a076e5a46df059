//! Rilievi: errors, warnings and notes, each linked to the field it is about.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::files::{dom_id, focus};
use crate::model::validate::Place;
use crate::model::{Finding, Plan, Severity};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub plan: Rc<Plan>,
    pub findings: Rc<Vec<Finding>>,
}

/// The id of the element a finding is about.
fn target(place: &Place) -> String {
    match (&place.objective, place.criterion, &place.unit) {
        (Some(o), Some(c), _) => dom_id("cella", &[o, &c.to_string()]),
        (Some(o), None, _) => dom_id("titolo", &[o]),
        (None, _, Some(u)) => dom_id("unita", &[u]),
        _ => "contenuto".into(),
    }
}

#[component]
pub fn FindingsList(props: &FindingsProps) -> Html {
    let count = |s: Severity| props.findings.iter().filter(|f| f.severity == s).count();
    let groups = [Severity::Error, Severity::Warning, Severity::Note].into_iter().filter(|s| count(*s) > 0).map(|severity| {
        let items = props.findings.iter().filter(|f| f.severity == severity).map(|f| {
            let id = target(&f.place);
            let onclick = {
                let id = id.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    focus(&id);
                })
            };
            html! {
                <li class={format!("finding finding-{}", severity.label_it().to_lowercase())}>
                    <span class="badge">{ severity.label_it() }</span>{ " " }
                    <a href={format!("#{id}")} {onclick}>{ f.where_.clone() }</a>{ ": " }{ f.message.clone() }
                </li>
            }
        });
        let title = match severity {
            Severity::Error => "Errori",
            Severity::Warning => "Avvisi",
            Severity::Note => "Note",
        };
        html! {
            <div class="finding-group">
                <h3>{ format!("{title} ({})", count(severity)) }</h3>
                <ul>{ for items }</ul>
            </div>
        }
    });
    html! {
        <section class="findings" aria-labelledby="rilievi-titolo" data-testid="rilievi">
            <h2 id="rilievi-titolo">{ "Rilievi" }</h2>
            if props.findings.is_empty() {
                <p class="all-good">{ "Nessun rilievo: tutti gli obiettivi hanno titolo e punteggi nei limiti della griglia." }</p>
            } else {
                <p>{ format!("{} errori, {} avvisi, {} note.", count(Severity::Error), count(Severity::Warning), count(Severity::Note)) }</p>
                { for groups }
            }
        </section>
    }
}
