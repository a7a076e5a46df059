//! One objective: its title, one field per criterion (a number, or a level
//! picked from a list), its type, or its directly assigned weight; its points
//! and its relative weight. A refused entry stays in its field with the
//! reason next to it.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::components::achievement::AchievementEditor;
use crate::app::components::disclosure::use_details_open;
use crate::app::components::icon::{icon, It};
use crate::app::files::{confirm_then, dom_id, refocus_after_removal, refocus_first_enabled};
use crate::app::state::{AchievementOf, Action};
use crate::app::Dispatch;
use crate::model::compute::{ObjectiveResult, Status};
use crate::model::decimal::Dec;
use crate::model::plan::{Method, Scale};
use crate::model::review::{status_reason, StatusReason, Verdict};
use crate::model::{Grid, Objective};
use crate::text::{fill, number, plain, points, t};

/// A unit an objective can be shared with: (id, label).
pub type UnitChoice = (String, String);

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub grid: Rc<Grid>,
    pub objective: Objective,
    /// Position in its table, from 1.
    pub number: usize,
    pub is_first: bool,
    pub is_last: bool,
    pub result: ObjectiveResult,
    /// Share of the table's total, in percent.
    pub weight: Option<Dec>,
    /// The text of each score cell, refused entries included.
    pub cells: Vec<String>,
    pub errors: Vec<Option<String>>,
    /// The direct weight's text and refusal (direct method).
    pub direct: (String, Option<String>),
    pub units: Rc<Vec<UnitChoice>>,
    /// Verifica: scores are read-only, each can be confirmed, contested, revised.
    pub review_mode: bool,
    /// Verifica with no reviewer's name: the decisions wait for it.
    #[prop_or_default]
    pub unsigned: bool,
    /// The objective's points as proposed (before any revision).
    pub proposed_points: Option<Dec>,
    /// The text of each revised-score field, with its refusal if any.
    pub revised: Vec<(String, Option<String>)>,
    pub status: Verdict,
    /// Achievement and weighted score columns: the achievement's refused
    /// text if any, what counts, and the weighted score.
    pub results: Option<RowResults>,
    /// The revised-achievement field's refused text and reason, if any.
    #[prop_or_default]
    pub achievement_review: Option<(String, Option<String>)>,
    /// Verifica: the texts of the comment fields, as typed.
    #[prop_or_default]
    pub comments: CommentTexts,
    pub dispatch: Dispatch,
}

/// The texts of an objective's review comments as their fields show them:
/// as typed while the plan keeps them trimmed (see
/// `State::review_comment_text`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommentTexts {
    pub objective: String,
    /// One per criterion.
    pub criteria: Vec<String>,
    pub achievement: String,
}

/// What the results columns of a row show.
#[derive(Clone, Debug, PartialEq)]
pub struct RowResults {
    pub draft: Option<(String, Option<String>)>,
    pub counted: Option<Dec>,
    pub weighted: Option<Dec>,
}

/// Keyboard moves between score cells: ↑/↓ to the same criterion in the row
/// above or below, ←/→ at the edge of the text to the cell beside; Enter, as
/// in a spreadsheet, to the same criterion in the row below, and in the last
/// row adds an objective. (Escape is the field's own: see [`BEFORE_ENTRY`].)
fn cell_keys(e: &KeyboardEvent, c: usize, is_last: bool, add: &Callback<()>) {
    use wasm_bindgen::JsCast;
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(row) = input.closest("tr").ok().flatten() else {
        return;
    };
    let caret_at = |start: bool| {
        input
            .clone()
            .dyn_into::<HtmlInputElement>()
            .map_or(true, |i| {
                let len = i.value().chars().count() as u32;
                let pos = i.selection_start().ok().flatten().unwrap_or(0);
                if start {
                    pos == 0
                } else {
                    pos >= len
                }
            })
    };
    let (target_row, index) = match e.key().as_str() {
        "ArrowUp" => (row.previous_element_sibling(), c),
        "ArrowDown" => (row.next_element_sibling(), c),
        "ArrowLeft" if c > 0 && caret_at(true) => (Some(row.clone()), c - 1),
        "ArrowRight" if caret_at(false) => (Some(row.clone()), c + 1),
        "Enter" if is_last => {
            e.prevent_default();
            add.emit(());
            return;
        }
        "Enter" => (row.next_element_sibling(), c),
        _ => return,
    };
    let Some(target_row) = target_row else { return };
    if let Ok(cells) =
        target_row.query_selector_all("td.score-cell input.score, td.score-cell select.level")
    {
        if let Some(cell) = cells
            .item(index as u32)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            e.prevent_default();
            let _ = cell.focus();
        }
    }
}

/// The attribute in which a score's field keeps what it held when it took
/// the focus, which Escape gives back.
const BEFORE_ENTRY: &str = "data-prima";

fn verdict_value(v: Verdict) -> &'static str {
    match v {
        Verdict::Pending => "pending",
        Verdict::Confirmed => "confirmed",
        Verdict::Contested => "contested",
    }
}

fn verdict_from(value: &str) -> Verdict {
    match value {
        "confirmed" => Verdict::Confirmed,
        "contested" => Verdict::Contested,
        _ => Verdict::Pending,
    }
}

/// The select for a verdict, with its accessible name.
fn verdict_select(id: String, label: String, current: Verdict, onchange: Callback<Event>) -> Html {
    html! {
        <select {id} class={classes!("verdict", "form-select", format!("verdict-{}", verdict_value(current)))} aria-label={label} {onchange}>
            { for [Verdict::Pending, Verdict::Confirmed, Verdict::Contested].into_iter().map(|v| html! {
                <option value={verdict_value(v)} selected={v == current}>{ v.label() }</option>
            }) }
        </select>
    }
}

#[component]
pub fn ObjectiveRow(props: &RowProps) -> Html {
    let o = &props.objective;
    let grid = &props.grid;
    let texts = &t().panels;
    let label = if o.title.trim().is_empty() {
        fill(texts.row_objective_untitled, &[("n", &props.number)])
    } else {
        fill(
            texts.row_objective,
            &[("n", &props.number), ("title", &o.title)],
        )
    };
    let send = {
        let dispatch = props.dispatch.clone();
        move |action: Action| dispatch.dispatch(action)
    };

    let on_title = {
        let (s, id) = (send.clone(), o.id.clone());
        Callback::from(move |e: InputEvent| {
            s(Action::SetTitle {
                id: id.clone(),
                title: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            })
        })
    };
    // A title is one line (a file's field, a spreadsheet's cell): Enter
    // writes no line break into it.
    let keep_to_one_line = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
        }
    });
    let on_description = {
        let (s, id) = (send.clone(), o.id.clone());
        Callback::from(move |e: Event| {
            s(Action::SetDescription {
                id: id.clone(),
                text: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            })
        })
    };
    // A moved objective keeps the focus on its button (or its twin at the table's end).
    let move_ids = [
        dom_id("sposta-su", &[&o.id]),
        dom_id("sposta-giu", &[&o.id]),
    ];
    let mover = |delta: isize| {
        let (s, id) = (send.clone(), o.id.clone());
        let ids = if delta < 0 {
            move_ids.to_vec()
        } else {
            move_ids.iter().rev().cloned().collect()
        };
        Callback::from(move |_| {
            s(Action::MoveObjective {
                id: id.clone(),
                delta,
            });
            refocus_first_enabled(ids.clone());
        })
    };
    let on_remove = {
        let (s, id) = (send.clone(), o.id.clone());
        let has_content = !o.title.trim().is_empty()
            || o.scores.iter().any(Option::is_some)
            || o.direct.is_some();
        let question = fill(texts.row_remove_question, &[("objective", &label)]);
        let unit = o.unit.clone();
        Callback::from(move |_| {
            let (s, id, unit) = (s.clone(), id.clone(), unit.clone());
            confirm_then(has_content, &question, move || {
                let section = dom_id("unita", &[&unit]);
                refocus_after_removal(
                    &section,
                    "textarea.title",
                    &dom_id("titolo", &[&id]),
                    &section,
                );
                s(Action::RemoveObjective { id });
            });
        })
    };

    let add_after = {
        let (s, unit) = (send.clone(), o.unit.clone());
        Callback::from(move |()| {
            s(Action::AddObjective { unit: unit.clone() });
            let unit = unit.clone();
            crate::app::files::after_render(move || {
                let selector = format!(
                    "#{} textarea.title",
                    dom_id("unita", &[&unit]).replace('.', "\\.")
                );
                if let Some(list) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector_all(&selector).ok())
                {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = list
                        .item(list.length().saturating_sub(1))
                        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.focus();
                    }
                }
            });
        })
    };
    let is_last = props.is_last;
    let score_cells = (grid.method == Method::Criteria).then(|| {
        grid.criteria.iter().enumerate().map(|(c, criterion)| {
            let cell_id = dom_id("cella", &[&o.id, &c.to_string()]);
            let error_id = format!("{cell_id}-errore");
            let error = props.errors.get(c).cloned().flatten();
            let accessible = fill(texts.row_score, &[("criterion", &criterion.name), ("scale", &crate::model::describe::scale(&criterion.scale)), ("objective", &label)]);
            if props.review_mode {
                let proposed = o.scores.get(c).copied().flatten();
                let review = o.review.score(c).cloned().unwrap_or_default();
                let shown = |v: Option<Dec>| v.map_or("—".to_string(), |v| match criterion.level_of(v) {
                    Some(l) => l.name.clone(),
                    None => points(v),
                });
                return html! {
                    <td class={classes!("score-cell", "reviewed", format!("verdict-{}", verdict_value(review.verdict)))} id={cell_id}
                        data-testid={dom_id("valore", &[&o.id, &c.to_string()])}>
                        if let Some(revised) = review.revised {
                            <span class="proposed-value" title={texts.row_proposed_score}>{ shown(proposed) }</span>
                            { " → " }
                            <strong class="revised-value" title={texts.row_revised_score}>{ shown(Some(revised)) }</strong>
                        } else {
                            <span>{ shown(proposed) }</span>
                        }
                        if review.verdict != Verdict::Pending {
                            <span class="verdict-mark">{ review.verdict.label() }</span>
                        }
                    </td>
                };
            }
            let field = match &criterion.scale {
                Scale::Range { .. } => {
                    let (s, id) = (send.clone(), o.id.clone());
                    let on_input = Callback::from(move |e: InputEvent| {
                        s(Action::SetScore { id: id.clone(), criterion: c, text: e.target_unchecked_into::<HtmlInputElement>().value() })
                    });
                    let add = add_after.clone();
                    // Escape, as in a spreadsheet, gives the field back what
                    // it held when it took the focus.
                    let (s, id) = (send.clone(), o.id.clone());
                    let onkeydown = Callback::from(move |e: KeyboardEvent| {
                        if e.key() != "Escape" {
                            return cell_keys(&e, c, is_last, &add);
                        }
                        let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
                        if let Some(before) = input.get_attribute(BEFORE_ENTRY).filter(|b| *b != input.value()) {
                            input.set_value(&before);
                            s(Action::SetScore { id: id.clone(), criterion: c, text: before });
                        }
                    });
                    let onfocus = Callback::from(|e: FocusEvent| {
                        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                            let _ = input.set_attribute(BEFORE_ENTRY, &input.value());
                        }
                    });
                    let s = send.clone();
                    let onchange = Callback::from(move |_: Event| s(Action::FieldLeft));
                    html! {
                        <input id={cell_id.clone()} class="score form-control" type="text" inputmode="decimal" autocomplete="off" {onkeydown} {onchange} {onfocus}
                            value={props.cells.get(c).cloned().unwrap_or_default()}
                            aria-label={accessible}
                            aria-invalid={error.is_some().to_string()}
                            aria-describedby={error.as_ref().map(|_| error_id.clone())}
                            oninput={on_input} />
                    }
                }
                Scale::Levels(levels) => {
                    let (s, id) = (send.clone(), o.id.clone());
                    let values: Vec<Dec> = levels.iter().map(|l| l.points).collect();
                    let on_change = Callback::from(move |e: Event| {
                        let picked = e.target_unchecked_into::<HtmlSelectElement>().value();
                        let points = picked.parse::<usize>().ok().and_then(|i| values.get(i).copied());
                        s(Action::PickScore { id: id.clone(), criterion: c, points });
                    });
                    let current = o.scores.get(c).copied().flatten();
                    let off_scale = current.is_some() && criterion.level_of(current.unwrap_or_default()).is_none();
                    let add = add_after.clone();
                    let onkeydown = Callback::from(move |e: KeyboardEvent| {
                        // Up and down choose the level in a list; only ← → and Enter move.
                        if matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight" | "Enter") {
                            cell_keys(&e, c, is_last, &add);
                        }
                    });
                    html! {
                        <select id={cell_id.clone()} class="level form-select" aria-label={accessible} onchange={on_change} {onkeydown}
                            aria-invalid={off_scale.to_string()}>
                            <option value="" selected={current.is_none()}>{ "—" }</option>
                            if off_scale {
                                <option value="fuori" selected=true>{ fill(texts.row_not_allowed, &[("points", &points(current.unwrap_or_default()))]) }</option>
                            }
                            { for levels.iter().enumerate().map(|(i, l)| html! {
                                <option value={i.to_string()} selected={current == Some(l.points)}>{ format!("{} ({})", l.name, points(l.points)) }</option>
                            }) }
                        </select>
                    }
                }
            };
            html! {
                <td class={classes!("score-cell", error.is_some().then_some("has-error"))}>
                    { field }
                    if let Some(error) = error {
                        <span class="field-error" id={error_id}>{ icon(It::Error) }{ error }</span>
                    }
                </td>
            }
        }).collect::<Html>()
    });

    let type_cell = (grid.method == Method::Criteria && !grid.types.is_empty()).then(|| {
        let (s, id) = (send.clone(), o.id.clone());
        let on_change = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            s(Action::SetKind { id: id.clone(), kind: (!v.is_empty()).then_some(v) });
        });
        let known = o.kind.as_deref().is_some_and(|k| grid.objective_type(k).is_some());
        html! {
            <td class="type-cell">
                <select id={dom_id("tipologia", &[&o.id])} class="form-select" aria-label={fill(texts.row_type_of, &[("objective", &label)])} onchange={on_change} disabled={props.review_mode}
                    aria-invalid={(o.kind.is_some() && !known).to_string()}>
                    <option value="" selected={!known}>{ if o.kind.is_some() && !known { texts.row_unknown_type } else { "—" } }</option>
                    { for grid.types.iter().map(|t| html! {
                        <option value={t.id.clone()} selected={o.kind.as_deref() == Some(t.id.as_str())}>{ format!("{} (× {})", t.name, points(t.factor)) }</option>
                    }) }
                </select>
            </td>
        }
    });

    let direct_cell = (grid.method == Method::Direct).then(|| {
        let cell_id = dom_id("peso-assegnato", &[&o.id]);
        let error_id = format!("{cell_id}-errore");
        let (text, error) = props.direct.clone();
        let (s, id) = (send.clone(), o.id.clone());
        let on_input = Callback::from(move |e: InputEvent| s(Action::SetDirect { id: id.clone(), text: e.target_unchecked_into::<HtmlInputElement>().value() }));
        let s = send.clone();
        let onchange = Callback::from(move |_: Event| s(Action::FieldLeft));
        html! {
            <td class={classes!("score-cell", error.is_some().then_some("has-error"))}>
                <input id={cell_id} class="score form-control" type="text" inputmode="decimal" autocomplete="off" value={text}
                    aria-label={fill(texts.row_direct_weight, &[("objective", &label)])} readonly={props.review_mode} tabindex={(props.review_mode).then_some("-1")}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.as_ref().map(|_| error_id.clone())}
                    oninput={on_input} {onchange} />
                if let Some(error) = error {
                    <span class="field-error" id={error_id}>{ icon(It::Error) }{ error }</span>
                }
            </td>
        }
    });

    let shared_names: Vec<&str> = std::iter::once(&o.unit)
        .chain(o.also.iter())
        .filter_map(|u| {
            props
                .units
                .iter()
                .find(|(id, _)| id == u)
                .map(|(_, n)| n.as_str())
        })
        .collect();
    let share_summary = if o.is_shared() {
        fill(
            texts.row_shared_with,
            &[("units", &shared_names.join(", "))],
        )
    } else {
        texts.row_share.to_string()
    };
    // The list of every unit is built only when opened: a plan of thousands
    // of objectives and units would otherwise hold millions of checkboxes.
    let (share_open, on_share_toggle) = use_details_open(false);
    // The description's field is built when its panel is open: a closed one
    // costs the page a text area per objective.
    let (description_open, on_description_toggle) = use_details_open(o.description.is_some());
    let share_boxes = props.units.iter().filter(|_| share_open).map(|(unit_id, name)| {
        let checked = o.unit == *unit_id || o.also.contains(unit_id);
        let alone = checked && !o.is_shared();
        let (s, id, u) = (send.clone(), o.id.clone(), unit_id.clone());
        let summary = dom_id("condivisione", &[&o.id]);
        let onchange = Callback::from(move |e: Event| {
            s(Action::ToggleSharedUnit { id: id.clone(), unit: u.clone() });
            // Shared or no longer shared, the row moves to another table:
            // the keyboard follows it there, to its «Condividi» panel.
            let Some(from) = e.target_dyn_into::<web_sys::Element>() else { return };
            let summary = summary.clone();
            let selector = format!("#{}", summary.replace('.', "\\."));
            crate::app::files::when_ready(
                move || !from.is_connected() && crate::app::files::exists(&selector),
                move |moved| if moved { crate::app::files::focus(&summary) },
                20,
                25,
            );
        });
        html! {
            <label class="check"><input type="checkbox" {checked} disabled={alone} {onchange} />{ " " }{ name.clone() }</label>
        }
    });

    let (points, points_note) = match props.result.status {
        Status::Prerequisite => (
            "X".to_string(),
            Some(texts.row_prerequisite_note.to_string()),
        ),
        Status::MissingType => ("—".to_string(), Some(texts.row_missing_type.to_string())),
        Status::MissingScore => ("—".to_string(), Some(texts.row_missing_scores.to_string())),
        Status::ScoreNotAdmitted => (
            "—".to_string(),
            Some(texts.row_score_not_admitted.to_string()),
        ),
        Status::MissingWeight => ("—".to_string(), Some(texts.row_missing_weight.to_string())),
        Status::Complete => (
            props.result.points.map_or_else(|| "—".to_string(), points),
            props
                .result
                .factor
                .zip(props.result.sum)
                .map(|(f, s)| format!("{} × {}", points(s), points(f))),
        ),
    };
    let weight = match (props.weight, props.result.status) {
        (Some(w), _) => fill(texts.percent, &[("value", &number(w, 2))]),
        (None, Status::Prerequisite) => texts.row_prerequisite.to_string(),
        (None, _) => "—".to_string(),
    };
    let incomplete = props.result.points.is_none() && props.result.status != Status::Prerequisite;
    let proposed_note =
        (props.review_mode && props.proposed_points != props.result.points).then(|| {
            fill(
                texts.row_proposed_points,
                &[(
                    "points",
                    &props
                        .proposed_points
                        .map_or("—".to_string(), crate::text::points),
                )],
            )
        });

    html! {
        <tr id={dom_id("riga", &[&o.id])} class={classes!(incomplete.then_some("incomplete"))}>
            <td class="num">{ props.number }</td>
            <td class="title-cell">
                <textarea id={dom_id("titolo", &[&o.id])} class="title form-control" rows="2"
                    aria-label={fill(texts.row_title_of, &[("n", &props.number)])}
                    // Read only in Verifica, and out of the Tab order there: the
                    // keyboard goes from one objective's decisions to the next.
                    placeholder={texts.row_title_placeholder} readonly={props.review_mode} tabindex={(props.review_mode).then_some("-1")}
                    value={o.title.clone()} oninput={on_title} onkeydown={keep_to_one_line} />
                // Which units share it: in Proposta its panel's summary says
                // so on screen; in Verifica and on paper, this line.
                if o.is_shared() {
                    <p class={classes!("shared-note", (!props.review_mode).then_some("print-only"))}
                        data-testid={dom_id("comune-a", &[&o.id])}>{ share_summary.clone() }</p>
                }
                <div class="row-extras">
                    if props.review_mode {
                        <span class={classes!("status-badge", format!("verdict-{}", verdict_value(props.status)))}
                            data-testid={dom_id("stato", &[&o.id])}>{ props.status.label() }</span>
                        if let Some(reason) = status_reason_text(props) {
                            <span class="status-reason" data-testid={dom_id("stato-perche", &[&o.id])}>{ reason }</span>
                        }
                    }
                    <details class="description" open={o.description.is_some()} ontoggle={on_description_toggle}>
                        <summary>{ texts.row_description }</summary>
                        if description_open || o.description.is_some() {
                            <textarea id={dom_id("descrizione", &[&o.id])} class="form-control" rows="2"
                                aria-label={fill(texts.row_description_of, &[("n", &props.number)])}
                                readonly={props.review_mode} tabindex={(props.review_mode).then_some("-1")}
                                value={o.description.clone().unwrap_or_default()} onchange={on_description} />
                        }
                    </details>
                    if props.review_mode {
                        { review_panel(props, &label) }
                    }
                    if !props.review_mode {
                    <details class="shared-units" ontoggle={on_share_toggle}>
                        <summary id={dom_id("condivisione", &[&o.id])} class={classes!(o.is_shared().then_some("is-shared"))}>{ share_summary }</summary>
                        if share_open {
                            <div class="checks">{ for share_boxes }</div>
                        }
                    </details>
                    }
                </div>
            </td>
            { score_cells.unwrap_or_default() }
            { direct_cell.unwrap_or_default() }
            { type_cell.unwrap_or_default() }
            if grid.method == Method::Criteria {
                <td class="num points" data-testid={dom_id("punti", &[&o.id])}>
                    { points }
                    if let Some(note) = points_note {
                        <span class="points-note">{ note }</span>
                    }
                    if let Some(note) = proposed_note {
                        <span class="points-note proposed-note">{ note }</span>
                    }
                </td>
            }
            <td class="num weight" data-testid={dom_id("peso", &[&o.id])}>{ weight }</td>
            if let Some(r) = &props.results {
                <td class="achievement-cell">
                    <AchievementEditor of={AchievementOf::Objective(o.id.clone())} current={o.achievement} draft={r.draft.clone()}
                        counted={r.counted} label={label.clone()} locked={props.review_mode} dispatch={props.dispatch.clone()} />
                </td>
                <td class="num" data-testid={dom_id("ponderato", &[&o.id])}>
                    { r.weighted.map_or_else(|| "—".to_string(), |w| number(w, 2)) }
                </td>
            }
            <td class="actions">
                // The Nucleo verifies the proposal as the dirigente made it:
                // its rows are not moved or deleted in Verifica.
                if !props.review_mode {
                <button id={move_ids[0].clone()} type="button" class="btn btn-icon btn-outline-primary btn-xs" disabled={props.is_first} onclick={mover(-1)}
                    aria-label={fill(texts.row_move_up_objective, &[("objective", &label)])} title={texts.row_move_up}>{ icon(It::ArrowUp) }</button>
                <button id={move_ids[1].clone()} type="button" class="btn btn-icon btn-outline-primary btn-xs" disabled={props.is_last} onclick={mover(1)}
                    aria-label={fill(texts.row_move_down_objective, &[("objective", &label)])} title={texts.row_move_down}>{ icon(It::ArrowDown) }</button>
                <button type="button" class="btn btn-icon btn-danger btn-outline-danger btn-xs" onclick={on_remove}
                    aria-label={fill(texts.row_remove_objective, &[("objective", &label)])} title={texts.row_remove}>{ icon(It::Delete) }</button>
                }
            </td>
        </tr>
    }
}

/// Where the objective's standing comes from, when its own verdict does not
/// say it: the criteria contested, or every score confirmed.
fn status_reason_text(props: &RowProps) -> Option<String> {
    let texts = &t().panels;
    let criteria = &props.grid.criteria;
    match status_reason(&props.objective, criteria.len()) {
        StatusReason::Own => None,
        StatusReason::EveryScoreConfirmed => Some(texts.row_status_every_score.to_string()),
        StatusReason::ContestedParts {
            criteria: contested,
            achievement,
        } => {
            let parts: Vec<&str> = contested
                .iter()
                .map(|&c| criteria[c].short.as_str())
                .chain(achievement.then_some(texts.row_status_achievement))
                .collect();
            Some(fill(
                texts.row_status_contested_in,
                &[("parts", &parts.join(", "))],
            ))
        }
    }
}

/// The Nucleo's decisions on one objective: its verdict and comment, and for
/// each criterion a verdict, a revised score and a comment.
fn review_panel(props: &RowProps, label: &str) -> Html {
    let texts = &t().panels;
    let o = &props.objective;
    let dispatch = props.dispatch.clone();
    let send = move |a: Action| dispatch.dispatch(a);
    // Decisions are typed key by key, as the proposal's scores: leaving the
    // field ends the run, one step for undo and one entry in the log.
    let left = {
        let s = send.clone();
        Callback::from(move |_: Event| s(Action::FieldLeft))
    };
    let open = o.review.verdict != Verdict::Pending
        || o.review
            .scores
            .iter()
            .any(|s| s.verdict != Verdict::Pending);
    let (s, id) = (send.clone(), o.id.clone());
    let on_verdict = Callback::from(move |e: Event| {
        let v = verdict_from(&e.target_unchecked_into::<HtmlSelectElement>().value());
        s(Action::ReviewVerdict {
            id: id.clone(),
            criterion: None,
            verdict: v,
        });
    });
    let (s, id) = (send.clone(), o.id.clone());
    let on_comment = Callback::from(move |e: InputEvent| {
        s(Action::ReviewComment {
            id: id.clone(),
            criterion: None,
            text: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        })
    });
    let rows = props.grid.criteria.iter().enumerate().map(|(c, criterion)| {
        let review = o.review.score(c).cloned().unwrap_or_default();
        let (s, id) = (send.clone(), o.id.clone());
        let on_verdict = Callback::from(move |e: Event| {
            let v = verdict_from(&e.target_unchecked_into::<HtmlSelectElement>().value());
            s(Action::ReviewVerdict { id: id.clone(), criterion: Some(c), verdict: v });
        });
        let (s, id) = (send.clone(), o.id.clone());
        let on_revised = Callback::from(move |e: InputEvent| {
            s(Action::ReviewRevise { id: id.clone(), criterion: c, text: e.target_unchecked_into::<HtmlInputElement>().value() })
        });
        let (s, id) = (send.clone(), o.id.clone());
        let on_comment = Callback::from(move |e: InputEvent| {
            s(Action::ReviewComment { id: id.clone(), criterion: Some(c), text: e.target_unchecked_into::<HtmlInputElement>().value() })
        });
        let (text, error) = props.revised.get(c).cloned().unwrap_or_default();
        let revised_id = dom_id("rivisto", &[&o.id, &c.to_string()]);
        html! {
            <tr>
                <th scope="row">{ criterion.short.clone() }</th>
                <td>{ verdict_select(dom_id("verdetto", &[&o.id, &c.to_string()]), fill(texts.row_review_criterion, &[("criterion", &criterion.name), ("objective", &label)]), review.verdict, on_verdict) }</td>
                <td>
                    <input id={revised_id.clone()} class="score form-control" type="text" inputmode="decimal" value={text} oninput={on_revised} onchange={left.clone()}
                        aria-label={fill(texts.row_revised_criterion, &[("criterion", &criterion.name), ("objective", &label)])}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.as_ref().map(|_| format!("{revised_id}-errore"))} />
                    if let Some(error) = error {
                        <span class="field-error" id={format!("{revised_id}-errore")}>{ icon(It::Error) }{ error }</span>
                    }
                </td>
                <td>
                    <input id={dom_id("commento", &[&o.id, &c.to_string()])} class="form-control" type="text" value={props.comments.criteria.get(c).cloned().unwrap_or_default()} oninput={on_comment} onchange={left.clone()}
                        aria-label={fill(texts.row_comment_criterion, &[("criterion", &criterion.name), ("objective", &label)])} />
                </td>
            </tr>
        }
    });
    let achievement_row = (props.results.is_some() || o.achievement.is_some()).then(|| {
        let r = o.review.achievement.clone();
        let (s, id) = (send.clone(), o.id.clone());
        let on_verdict = Callback::from(move |e: Event| {
            let v = verdict_from(&e.target_unchecked_into::<HtmlSelectElement>().value());
            s(Action::ReviewAchievement { id: id.clone(), verdict: Some(v), comment: None, revised: None });
        });
        let (s, id) = (send.clone(), o.id.clone());
        let on_revised = Callback::from(move |e: InputEvent| {
            s(Action::ReviewAchievement { id: id.clone(), verdict: None, comment: None, revised: Some(e.target_unchecked_into::<HtmlInputElement>().value()) })
        });
        let (s, id) = (send.clone(), o.id.clone());
        let on_comment = Callback::from(move |e: InputEvent| {
            s(Action::ReviewAchievement { id: id.clone(), verdict: None, comment: Some(e.target_unchecked_into::<HtmlInputElement>().value()), revised: None })
        });
        let revised_id = dom_id("rivisto-raggiungimento", &[&o.id]);
        let (text, error) = props.achievement_review.clone().unwrap_or_else(|| (r.revised.map(plain).unwrap_or_default(), None));
        html! {
            <tr>
                <th scope="row">{ texts.row_achievement_percent }</th>
                <td>{ verdict_select(dom_id("verdetto-raggiungimento", &[&o.id]), fill(texts.row_review_achievement, &[("objective", &label)]), r.verdict, on_verdict) }</td>
                <td>
                    <input id={revised_id.clone()} class="score form-control" type="text" inputmode="decimal" value={text} oninput={on_revised} onchange={left.clone()}
                        aria-label={fill(texts.row_revised_achievement, &[("objective", &label)])}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.as_ref().map(|_| format!("{revised_id}-errore"))} />
                    if let Some(error) = error {
                        <span class="field-error" id={format!("{revised_id}-errore")}>{ icon(It::Error) }{ error }</span>
                    }
                </td>
                <td>
                    <input id={dom_id("commento-raggiungimento", &[&o.id])} class="form-control" type="text" value={props.comments.achievement.clone()} oninput={on_comment} onchange={left.clone()}
                        aria-label={fill(texts.row_comment_achievement, &[("objective", &label)])} />
                </td>
            </tr>
        }
    });
    let unsigned_id = dom_id("senza-nome", &[&o.id]);
    let sign = Callback::from(|_| {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("nome-verificatore"));
        if let Some(field) =
            field.and_then(|f| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(f).ok())
        {
            let _ = field.focus();
        }
    });
    html! {
        <details class="review-panel" {open}>
            <summary>{ texts.row_review }</summary>
            if props.unsigned {
                <p class="hint review-unsigned" id={unsigned_id.clone()}>
                    { icon(It::Warning) }<span>{ texts.row_review_unsigned }</span>
                    <button type="button" class="btn btn-xs btn-outline-primary" onclick={sign}>{ texts.row_review_sign }</button>
                </p>
            }
            <fieldset class="review-decisions" disabled={props.unsigned}
                aria-describedby={props.unsigned.then_some(unsigned_id)}>
            <div class="field-row">
                <div class="field">
                    <label for={dom_id("verdetto", &[&o.id])}>{ texts.row_objective_label }</label>
                    { verdict_select(dom_id("verdetto", &[&o.id]), fill(texts.row_review_objective, &[("objective", &label)]), o.review.verdict, on_verdict) }
                </div>
                <div class="field field-wide">
                    <label for={dom_id("commento", &[&o.id])}>{ texts.row_comment }</label>
                    <textarea id={dom_id("commento", &[&o.id])} class="form-control" rows="1" value={props.comments.objective.clone()} oninput={on_comment} onchange={left.clone()} />
                </div>
            </div>
            if props.grid.method == Method::Criteria {
                <table class="table compact review-table">
                    <caption class="visually-hidden">{ fill(texts.row_review_scores, &[("objective", &label)]) }</caption>
                    <thead><tr>
                        <th scope="col">{ texts.row_criterion }</th><th scope="col">{ texts.row_verdict }</th>
                        <th scope="col">{ texts.row_revised_score }</th><th scope="col">{ texts.row_comment }</th>
                    </tr></thead>
                    <tbody>{ for rows }{ achievement_row.clone().unwrap_or_default() }</tbody>
                </table>
            } else if let Some(row) = achievement_row {
                <table class="table compact review-table">
                    <caption class="visually-hidden">{ fill(texts.row_review_achievement, &[("objective", &label)]) }</caption>
                    <tbody>{ row }</tbody>
                </table>
            }
            </fieldset>
        </details>
    }
}
