//! What only paper shows: the annex's heading, the review's outcome with its
//! comments, and the lines for signatures. The rest of the page prints as it
//! is, without buttons and inputs (see the print stylesheet); the plan's
//! title is its `h1`, printed under the heading, not repeated here.

use yew::prelude::*;

use crate::app::fingerprint::Same;

use crate::model::achievement::raw_percent;
use crate::model::describe;
use crate::model::review::{objective_status, review_summary, ScoreReview, Verdict};
use crate::model::{Dec, Plan};
use crate::text::{date, fill, moment, points, t};

/// A percentage with only the decimals it has (90 %, 62,5 %).
fn percent(value: Dec) -> String {
    fill(t().panels.percent, &[("value", &points(value))])
}

/// One part's review on paper, `Complessità: contestato, da 6 a 3, «…»`
/// (values written by `show`), if anything was decided on it.
fn review_note(
    part: &str,
    review: &ScoreReview,
    proposed: Option<Dec>,
    show: fn(Dec) -> String,
) -> Option<String> {
    let texts = &t().app;
    let mut parts = Vec::new();
    if review.verdict != Verdict::Pending {
        parts.push(review.verdict.label().to_string());
    }
    if let Some(revised) = review.revised {
        let proposed = proposed.map_or("—".into(), show);
        parts.push(fill(
            texts.print_revised,
            &[("proposed", &proposed), ("revised", &show(revised))],
        ));
    }
    if !review.comment.is_empty() {
        parts.push(fill(texts.print_quoted, &[("comment", &review.comment)]));
    }
    (!parts.is_empty()).then(|| format!("{part}: {}", parts.join(", ")))
}

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub plan: Same<Plan>,
}

#[component]
pub fn PrintHeading(props: &PrintProps) -> Html {
    let now = js_sys::Date::new_0();
    let date = date(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    );
    let texts = &t().app;
    let plan = &props.plan;
    html! {
        <div class="print-only print-heading">
            <p class="print-kicker">{ texts.print_kicker }</p>
            <p>{ fill(texts.print_method, &[("grid", &plan.grid.name), ("formula", &describe::formula(&plan.grid)), ("date", &date)]) }</p>
        </div>
    }
}

#[component]
pub fn PrintClosing(props: &PrintProps) -> Html {
    let plan = &props.plan;
    let texts = &t().app;
    let n = plan.grid.criteria.len();
    let reviewed: Vec<_> = plan
        .objectives
        .iter()
        .filter(|o| {
            objective_status(o, n) != Verdict::Pending
                || !o.review.comment.is_empty()
                || o.review.scores.iter().any(|s| !s.comment.is_empty())
                || o.review.achievement != ScoreReview::default()
        })
        .collect();
    let summary = review_summary(plan);
    let progress = fill(
        texts.print_review_progress,
        &[
            ("reviewed", &(summary.objectives - summary.pending)),
            ("objectives", &summary.objectives),
            ("pending", &summary.pending),
        ],
    );
    let reviewed_by = summary.last_at.as_deref().map(|at| {
        fill(
            texts.print_reviewed_by,
            &[
                ("names", &summary.reviewers.join(", ")),
                ("date", &moment(at)),
            ],
        )
    });
    let rows = reviewed.iter().map(|o| {
        let mut notes: Vec<String> = Vec::new();
        if !o.review.comment.is_empty() {
            notes.push(o.review.comment.clone());
        }
        for (c, r) in o.review.scores.iter().enumerate() {
            let Some(criterion) = plan.grid.criteria.get(c) else {
                continue;
            };
            let proposed = o.scores.get(c).copied().flatten();
            notes.extend(review_note(&criterion.short, r, proposed, points));
        }
        let proposed = o.achievement.and_then(raw_percent);
        notes.extend(review_note(
            texts.print_achievement,
            &o.review.achievement,
            proposed,
            percent,
        ));
        let unit = plan
            .unit(&o.unit)
            .map_or(o.unit.clone(), |u| plan.unit_label(u));
        html! {
            <tr>
                <td>{ unit }</td><td>{ o.title.clone() }</td>
                <td>{ objective_status(o, n).label() }</td>
                <td>{ notes.join(" · ") }</td>
            </tr>
        }
    });
    html! {
        <div class="print-only print-closing">
            if !reviewed.is_empty() || reviewed_by.is_some() {
                <h2>{ texts.print_review_heading }</h2>
                <p data-testid="stampa-avanzamento">{ progress }</p>
                if let Some(by) = reviewed_by {
                    <p data-testid="stampa-verificatori">{ by }</p>
                }
                <table class="table">
                    <thead><tr><th>{ texts.column_unit }</th><th>{ texts.print_column_objective }</th><th>{ texts.print_column_outcome }</th><th>{ texts.print_column_notes }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            <div class="signatures">
                <p>{ texts.sign_place_date }</p>
                <p>{ texts.sign_head }</p>
                <p>{ texts.sign_nucleo }</p>
            </div>
        </div>
    }
}
