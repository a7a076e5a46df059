//! The changes between another file and the plan on screen, side by side.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::Action;
use crate::app::Dispatch;
use crate::model::decimal::Dec;
use crate::model::diff::{difference, Change, Diff};
use crate::text::{fill, number, plural, t};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub comparison: Rc<(String, Diff)>,
    pub dispatch: Dispatch,
}

fn points(v: Option<Dec>) -> String {
    v.map_or("—".into(), crate::text::points)
}

fn two(v: Option<Dec>) -> String {
    v.map_or("—".into(), |v| number(v, 2))
}

fn signed(v: Option<Dec>) -> String {
    match v {
        Some(d) if d.raw() > 0 => format!("+{}", number(d, 2)),
        Some(d) => number(d, 2),
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
    let texts = &t().app;
    let rows = diff.changes.iter().map(|change| {
        let (kind, place, before, after, delta) = match change {
            Change::Added { unit, title } => (texts.change_added, format!("{unit} › {title}"), String::new(), texts.change_present.into(), String::new()),
            Change::Removed { unit, title } => (texts.change_removed, format!("{unit} › {title}"), texts.change_present.into(), String::new(), String::new()),
            Change::Retitled { unit, from, to } => (texts.change_retitled, unit.clone(), from.clone(), to.clone(), String::new()),
            Change::Moved { title, from, to } => (texts.change_moved, title.clone(), from.clone(), to.clone(), String::new()),
            Change::Score { unit, title, criterion, from, to } => {
                (texts.change_score, format!("{unit} › {title} › {criterion}"), points(*from), points(*to), signed(difference(*from, *to)))
            }
            Change::Points { unit, title, from, to } => (texts.change_points, format!("{unit} › {title}"), points(*from), points(*to), signed(difference(*from, *to))),
            Change::Weight { unit, title, from, to } => (texts.change_weight, format!("{unit} › {title}"), two(*from), two(*to), signed(difference(*from, *to))),
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
                <h2 id="confronto-titolo">{ fill(texts.comparison_heading, &[("name", name)]) }</h2>
                <button type="button" class="btn btn-small btn-outline-primary btn-xs" onclick={close}>{ texts.close_comparison }</button>
            </div>
            if diff.is_empty() {
                <p class="all-good">{ texts.no_differences }</p>
            } else {
                <p>{ fill(plural(diff.changes.len(), texts.comparison_summary_one, texts.comparison_summary_many),
                    &[("n", &diff.changes.len()), ("before", &two(diff.ente_before)), ("after", &two(diff.ente_after))]) }</p>
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
