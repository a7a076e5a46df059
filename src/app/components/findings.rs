//! Rilievi: errors, warnings and notes, each linked to the field it is about.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::app::components::icon::{icon, It};
use crate::app::components::near_screen::use_steady_below;
use crate::app::files::{dom_id, focus, when_ready};
use crate::model::validate::{Other, Place};
use crate::model::{Finding, Plan, Severity};
use crate::text::{fill, t};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub plan: Same<Plan>,
    pub findings: Same<Vec<Finding>>,
}

/// The icon beside a finding: its severity is also written out.
fn severity_icon(severity: Severity) -> Html {
    icon(match severity {
        Severity::Error => It::Error,
        Severity::Warning => It::Warning,
        Severity::Note => It::Info,
    })
}

/// The id of the element a finding is about.
fn target(place: &Place) -> String {
    match &place.other {
        Some(Other::Organisational(id)) => return dom_id("obiettivo-org", &[id]),
        Some(Other::IndicatorName(id, i)) => return dom_id("indicatore", &[id, &i.to_string()]),
        Some(Other::IndicatorTarget(id, i)) => {
            return dom_id("indicatore-target", &[id, &i.to_string()])
        }
        Some(Other::Secretary(id)) => return dom_id("obiettivo-segretario", &[id]),
        None => {}
    }
    match (&place.objective, place.criterion, &place.unit) {
        (Some(o), Some(c), _) => dom_id("cella", &[o, &c.to_string()]),
        (Some(o), None, _) => dom_id("titolo", &[o]),
        (None, _, Some(u)) => dom_id("unita", &[u]),
        (None, Some(_), None) => "griglia-titolo".into(),
        _ => "contenuto".into(),
    }
}

#[derive(Properties)]
struct ItemProps {
    findings: Rc<Vec<Finding>>,
    index: usize,
}

/// Equal when the finding shown is the same, wherever the list lives: a new
/// list after an edit redraws only the findings that changed.
impl PartialEq for ItemProps {
    fn eq(&self, other: &Self) -> bool {
        self.findings.get(self.index) == other.findings.get(other.index)
    }
}

/// One finding, linked to its field: drawn again only when it changes.
#[component]
fn FindingItem(props: &ItemProps) -> Html {
    let Some(f) = props.findings.get(props.index) else {
        return Html::default();
    };
    let id = target(&f.place);
    let onclick = {
        let (id, unit) = (id.clone(), f.place.unit.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            focus_drawing(&id, unit.as_deref());
        })
    };
    html! {
        <li class={classes!("finding", severity_class(f.severity))}>{ severity_icon(f.severity) }
            <span class="badge">{ f.severity.label() }</span>{ " " }
            <a href={format!("#{id}")} {onclick}>{ f.where_.clone() }</a>{ ": " }{ f.message.clone() }
        </li>
    }
}

/// The class that colours a finding, the same in every language.
fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "finding-errore",
        Severity::Warning => "finding-avviso",
        Severity::Note => "finding-nota",
    }
}

/// Focuses a field; if its unit's table (or the unit itself) is not drawn
/// yet (long plans draw near the screen), draws the unit and its table
/// first, through the buttons of their placeholders, and focuses the field
/// once drawn.
fn focus_drawing(id: &str, unit: Option<&str>) {
    if has_id(id) {
        return focus(id);
    }
    let Some(unit) = unit else { return };
    let section = dom_id("unita", &[unit]);
    let field = id.to_string();
    let reveal = {
        let section = section.clone();
        move |_| {
            focus(&section);
            press(&format!("#{} .table-placeholder button", css_id(&section)));
            let wanted = field.clone();
            when_ready(
                move || has_id(&wanted),
                move |found| {
                    if found {
                        focus(&field)
                    }
                },
                100,
                40,
            );
        }
    };
    if has_id(&section) {
        return reveal(true);
    }
    // The unit's run of units waits as a placeholder: its button draws it.
    press(&format!("[data-sezioni~=\"{section}\"] button"));
    when_ready(move || has_id(&section), reveal, 50, 80);
}

/// Clicks the first button matching `selector`, if any.
fn press(selector: &str) {
    use wasm_bindgen::JsCast;
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        button.scroll_into_view();
        button.click();
    }
}

/// An element id written for a CSS selector: the `.` of `dom_id`'s codes escaped.
fn css_id(id: &str) -> String {
    id.replace('.', "\\.")
}

fn has_id(id: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .is_some()
}

/// Findings listed per severity before a "show all" button: a long plan can
/// have thousands, and the first ones are what a reader acts on.
pub const FIRST_FINDINGS: usize = 100;

#[component]
pub fn FindingsList(props: &FindingsProps) -> Html {
    let all_shown = use_state(Vec::<Severity>::new);
    let section = use_node_ref();
    use_steady_below(&section);
    let count = |s: Severity| props.findings.iter().filter(|f| f.severity == s).count();
    let groups = [Severity::Error, Severity::Warning, Severity::Note].into_iter().filter(|s| count(*s) > 0).map(|severity| {
        let total = count(severity);
        let limit = if all_shown.contains(&severity) { usize::MAX } else { FIRST_FINDINGS };
        let items = props.findings.iter().enumerate().filter(|(_, f)| f.severity == severity).take(limit).map(|(index, _)| {
            html! { <FindingItem findings={props.findings.0.clone()} {index} /> }
        });
        let (title, group_id) = match severity {
            Severity::Error => (t().panels.findings_errors, "rilievi-errori"),
            Severity::Warning => (t().panels.findings_warnings, "rilievi-avvisi"),
            Severity::Note => (t().panels.findings_notes, "rilievi-note"),
        };
        let group_id = group_id.to_string();
        let show_all = {
            let (all_shown, group_id) = (all_shown.clone(), group_id.clone());
            Callback::from(move |_| {
                let mut next = (*all_shown).clone();
                next.push(severity);
                all_shown.set(next);
                // The button goes away: focus moves to the first finding it revealed.
                let selector = format!("#{group_id} li:nth-child({}) a", FIRST_FINDINGS + 1);
                crate::app::files::after_render(move || {
                    use wasm_bindgen::JsCast;
                    let link = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
                    if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = link.focus();
                    }
                });
            })
        };
        html! {
            <div class="finding-group" id={group_id}>
                <h3>{ fill(t().panels.findings_group, &[("group", &title), ("n", &total)]) }</h3>
                <ul>{ for items }</ul>
                if total > limit {
                    <button type="button" class="btn btn-outline-primary btn-xs" onclick={show_all}>
                        { fill(t().panels.findings_show_all, &[("n", &(total - limit))]) }
                        <span class="visually-hidden">{ format!(" ({})", title.to_lowercase()) }</span>
                    </button>
                }
            </div>
        }
    });
    html! {
        <section ref={section} class="findings" aria-labelledby="rilievi-titolo" data-testid="rilievi">
            <h2 id="rilievi-titolo">{ t().panels.findings_title }</h2>
            if props.findings.is_empty() {
                <p class="all-good">{ t().panels.findings_none }</p>
            } else {
                <p>{ fill(t().panels.findings_counts, &[("errors", &count(Severity::Error)), ("warnings", &count(Severity::Warning)), ("notes", &count(Severity::Note))]) }</p>
                { for groups }
            }
        </section>
    }
}
