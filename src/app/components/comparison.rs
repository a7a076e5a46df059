//! The changes between another file and the plan on screen, side by side.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::{Action, Comparing};
use crate::app::Dispatch;
use crate::model::decimal::Dec;
use crate::model::diff::{difference, Change, Reviewed};
use crate::text::{fill, number, plural, t};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub comparison: Rc<Comparing>,
    pub dispatch: Dispatch,
}

/// Scores and points as the tables show them (`4`, `4,5`).
fn points(v: Dec) -> String {
    crate::text::points(v)
}

/// Averages, to two decimals.
fn two(v: Dec) -> String {
    number(v, 2)
}

/// Relative weights, to two decimals with their `%`.
fn percent(v: Dec) -> String {
    fill(t().panels.percent, &[("value", &number(v, 2))])
}

/// A value shown the way of its column, or a dash where there is none.
fn shown(v: Option<Dec>, show: fn(Dec) -> String) -> String {
    v.map_or("—".into(), show)
}

/// Where a review change is: the objective, and the criterion or the
/// achievement it is about; with how that part's revised values are shown.
fn reviewed_place(unit: &str, title: &str, on: &Reviewed) -> (String, fn(Dec) -> String) {
    match on {
        Reviewed::Objective => (format!("{unit} › {title}"), points),
        Reviewed::Criterion(criterion) => (format!("{unit} › {title} › {criterion}"), points),
        Reviewed::Achievement => (
            format!("{unit} › {title} › {}", t().model.field_achievement),
            percent,
        ),
    }
}

/// A note, or a dash where there is none.
fn note(text: &str) -> String {
    if text.is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}

/// A difference shown the way of its column, with its sign.
fn signed(v: Option<Dec>, show: fn(Dec) -> String) -> String {
    match v {
        Some(d) if d.raw() > 0 => format!("+{}", show(d)),
        Some(d) => show(d),
        None => String::new(),
    }
}

#[component]
pub fn ComparisonView(props: &ComparisonProps) -> Html {
    let Comparing {
        name,
        diff,
        elsewhere,
        ..
    } = &*props.comparison;
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CloseComparison))
    };
    let texts = &t().app;
    let rows = diff.changes.iter().map(|change| {
        let (kind, place, before, after, delta) = match change {
            Change::Added { unit, title } => (texts.change_added, format!("{unit} › {title}"), String::new(), texts.change_present.into(), String::new()),
            Change::Removed { unit, title } => (texts.change_removed, format!("{unit} › {title}"), texts.change_present.into(), String::new(), String::new()),
            Change::Retitled { unit, from, to } => (texts.change_retitled, unit.clone(), from.clone(), to.clone(), String::new()),
            Change::Moved { title, from, to } => (texts.change_moved, title.clone(), from.clone(), to.clone(), String::new()),
            Change::UnitRenamed { from, to } => (texts.change_unit_renamed, String::new(), from.clone(), to.clone(), String::new()),
            Change::Score { unit, title, criterion, from, to } => {
                (texts.change_score, format!("{unit} › {title} › {criterion}"), shown(*from, points), shown(*to, points), signed(difference(*from, *to), points))
            }
            Change::Points { unit, title, from, to } => (texts.change_points, format!("{unit} › {title}"), shown(*from, points), shown(*to, points), signed(difference(*from, *to), points)),
            Change::Weight { unit, title, from, to } => (texts.change_weight, format!("{unit} › {title}"), shown(*from, percent), shown(*to, percent), signed(difference(*from, *to), percent)),
            Change::Verdict { unit, title, on, from, to } => (texts.change_verdict, reviewed_place(unit, title, on).0, from.label().into(), to.label().into(), String::new()),
            Change::Revised { unit, title, on, from, to } => {
                let (place, show) = reviewed_place(unit, title, on);
                (texts.change_revised, place, shown(*from, show), shown(*to, show), signed(difference(*from, *to), show))
            }
            Change::Note { unit, title, on, from, to } => (texts.change_note, reviewed_place(unit, title, on).0, note(from), note(to), String::new()),
        };
        // Numbers line up on the right; a text (a title, a unit, a note)
        // wraps in its column instead of widening it past the screen.
        let numeric = !delta.is_empty()
            || matches!(change, Change::Score { .. } | Change::Points { .. } | Change::Weight { .. } | Change::Revised { .. });
        let value_class = if numeric { "num" } else { "changed-text" };
        html! {
            <tr>
                <td>{ kind }</td><td class="place">{ place }</td><td class={value_class}>{ before }</td><td class={value_class}>{ after }</td><td class="num">{ delta }</td>
            </tr>
        }
    });
    let changed_units: Vec<_> = diff.units.iter().filter(|u| u.before != u.after).collect();
    html! {
        <section class="comparison" aria-labelledby="confronto-titolo" data-testid="confronto">
            <div class="unit-head">
                <h2 id="confronto-titolo">{ fill(texts.comparison_heading, &[("name", name)]) }</h2>
                <button type="button" class="btn btn-small btn-outline-primary btn-xs" onclick={close}>{ texts.close_comparison }</button>
            </div>
            if let Some((ente, year)) = elsewhere {
                <p class="notice notice-warning" data-testid="confronto-altro-ente">{ fill(texts.comparison_other_ente, &[("ente", ente), ("year", year)]) }</p>
            }
            if diff.is_empty() {
                <p class="all-good">{ texts.no_differences }</p>
            } else {
                <p>{ fill(plural(diff.changes.len(), texts.comparison_summary_one, texts.comparison_summary_many),
                    &[("n", &diff.changes.len()), ("before", &shown(diff.ente_before, two)), ("after", &shown(diff.ente_after, two))]) }</p>
                if diff.validated {
                    <p class="hint">{ texts.comparison_validated }</p>
                }
                if !diff.changes.is_empty() {
                    <div class="table-scroll">
                    <table class="table">
                        <caption>{ texts.changes_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ texts.column_what }</th><th scope="col">{ texts.column_where }</th>
                            <th scope="col" class="num">{ texts.column_before }</th><th scope="col" class="num">{ texts.column_after }</th><th scope="col" class="num">{ texts.column_difference }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    </div>
                }
                if !changed_units.is_empty() {
                    <table class="table compact">
                        <caption>{ texts.changed_units_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ texts.column_unit }</th><th scope="col" class="num">{ texts.column_before }</th>
                            <th scope="col" class="num">{ texts.column_after }</th><th scope="col" class="num">{ texts.column_difference }</th>
                        </tr></thead>
                        <tbody>
                            { for changed_units.iter().map(|u| html! {
                                <tr><th scope="row">{ u.unit.clone() }</th><td class="num">{ shown(u.before, two) }</td>
                                    <td class="num">{ shown(u.after, two) }</td><td class="num">{ signed(difference(u.before, u.after), two) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="hint">{ texts.changed_units_note }</p>
                }
            }
        </section>
    }
}
