//! Fogli di calcolo: the plan out as CSV (for Italian Excel, or plain) or as
//! an Excel workbook, and objectives in from a CSV or .xlsx file, from cells
//! pasted out of Excel or LibreOffice, or from the Como table as published.
//! Every import is shown first, with each row that cannot be taken and why;
//! nothing changes until the user confirms. Workbooks are written and read
//! by the Excel worker ([`crate::app::xlsx`]), loaded on first use.

use std::rc::Rc;

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::components::disclosure::use_details_open;

use crate::app::fingerprint::Same;

use crate::app::components::icon::{icon, It};
use crate::app::files::{download, download_parts, read_chosen_file, Reader};
use crate::app::state::{Action, Import};
use crate::app::{xlsx as excel_worker, Dispatch};
use crate::io::como_table::DuplicateChoice;
use crate::io::csv::{self, Dialect, Existing};
use crate::io::{json, xlsx};
use crate::model::Plan;
use crate::text::{fill, plural, t};

#[derive(Properties, PartialEq)]
pub struct SpreadsheetProps {
    pub plan: Same<Plan>,
    pub dispatch: Dispatch,
    /// In Verifica: the plan goes out, nothing comes in (the Nucleo verifies
    /// the proposal as the dirigente made it).
    #[prop_or_default]
    pub locked: bool,
}

/// What the Excel worker is doing, as the panel says it.
#[derive(Clone, Debug, PartialEq)]
enum Excel {
    Idle,
    Busy(String),
    Done(String),
    Failed(String),
}

/// Sends a workbook to the Excel worker and previews the rows it reads;
/// what can be refused without unzipping is refused at once.
fn import_workbook(dispatch: Dispatch, excel: UseStateHandle<Excel>, name: String, bytes: Vec<u8>) {
    if let Err(e) = xlsx::check(&bytes) {
        dispatch.dispatch(Action::ImportSheet {
            name,
            sheet: Err(e),
        });
        return;
    }
    excel.set(Excel::Busy(fill(t().app.excel_reading, &[("name", &name)])));
    excel_worker::read(&bytes, move |sheet| {
        excel.set(Excel::Idle);
        dispatch.dispatch(Action::ImportSheet { name, sheet });
    });
}

#[component]
pub fn Spreadsheets(props: &SpreadsheetProps) -> Html {
    let reader: Reader = use_mut_ref(|| None);
    let pasted = use_state(String::new);
    let bottom = props.plan.ente.levels.len().saturating_sub(1);
    let leaf_units: Vec<_> = props
        .plan
        .units
        .iter()
        .filter(|u| u.level == bottom)
        .collect();
    let paste_unit = use_state(String::new);
    // The unit chosen, or the first of the list where none is, or where the
    // one chosen is no longer in the plan (a new plan, another file).
    let paste_into = leaf_units
        .iter()
        .find(|u| u.id == *paste_unit)
        .or(leaf_units.first())
        .map(|u| u.id.clone())
        .unwrap_or_default();
    let excel = use_state(|| Excel::Idle);

    let export = |dialect: Dialect| {
        let plan = props.plan.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            let name = csv::file_name(&plan, dialect);
            let bytes = csv::export(&plan, dialect);
            // The bytes are UTF-8 (with a BOM for Excel): hand them over as text.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if download(&name, "text/csv;charset=utf-8", &text).is_err() {
                dispatch.dispatch(Action::OpenFailed {
                    name,
                    reason: t().app.download_refused.into(),
                });
            }
        })
    };
    let export_xlsx = {
        let (plan, excel) = (props.plan.clone(), excel.clone());
        Callback::from(move |_| {
            let name = xlsx::file_name(&plan);
            excel.set(Excel::Busy(t().app.excel_preparing.into()));
            let excel = excel.clone();
            excel_worker::export(json::save(&plan), move |workbook| {
                let saved = workbook.and_then(|bytes| {
                    download_parts(&name, xlsx::MIME, &js_sys::Array::of1(&bytes))
                        .map_err(|_| t().app.download_refused.to_string())
                });
                excel.set(match saved {
                    Ok(()) => Excel::Done(fill(t().app.excel_ready, &[("name", &name)])),
                    Err(why) => Excel::Failed(fill(
                        t().app.excel_failed,
                        &[("reason", &why.trim_end_matches('.'))],
                    )),
                });
            });
        })
    };
    let on_table = {
        let (dispatch, excel) = (props.dispatch.clone(), excel.clone());
        read_chosen_file(
            &props.dispatch,
            &reader,
            None,
            Rc::new(move |name, bytes| {
                if xlsx::is_workbook(&name, &bytes) {
                    import_workbook(dispatch.clone(), excel.clone(), name, bytes);
                } else {
                    dispatch.dispatch(Action::ImportCsv { name, bytes });
                }
            }),
        )
    };
    let on_como = {
        let dispatch = props.dispatch.clone();
        read_chosen_file(
            &props.dispatch,
            &reader,
            None,
            Rc::new(move |name, bytes| dispatch.dispatch(Action::ImportComoTable { name, bytes })),
        )
    };
    let busy = matches!(*excel, Excel::Busy(_));
    let on_pasted = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_paste_unit = {
        let paste_unit = paste_unit.clone();
        Callback::from(move |e: Event| {
            paste_unit.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_preview_paste = {
        let (dispatch, pasted, unit) = (props.dispatch.clone(), pasted.clone(), paste_into.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Action::PasteCells {
                text: (*pasted).clone(),
                unit: unit.clone(),
            })
        })
    };

    // The paste area lists every unit: built only once the panel is opened
    // (a long plan has thousands).
    let (open, on_toggle) = use_details_open(false);
    let texts = &t().app;
    html! {
        <section class="spreadsheets" aria-labelledby="fogli-titolo">
            <details ontoggle={on_toggle}>
                <summary><h2 id="fogli-titolo">{ texts.spreadsheets_heading }</h2></summary>
                <div class="field-row">
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={export(Dialect::ExcelItalian)}>{ icon(It::Download) }{ texts.export_csv_excel }</button>
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={export(Dialect::Plain)}>{ icon(It::Download) }{ texts.export_csv_plain }</button>
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={export_xlsx} disabled={busy} aria-describedby="excel-stato">{ icon(It::Download) }{ texts.export_xlsx }</button>
                    if !props.locked {
                    <label class="btn btn-outline-primary btn-xs btn-icon file-button">{ icon(It::Upload) }
                        { texts.import_objectives }
                        <input type="file" id="importa-csv" class="visually-hidden" onchange={on_table}
                            accept={format!(".csv,.txt,.xlsx,text/csv,text/plain,{}", xlsx::MIME)} />
                    </label>
                    <label class="btn btn-outline-primary btn-xs btn-icon file-button">{ icon(It::Upload) }
                        { texts.import_como_table }
                        <input type="file" id="importa-como" class="visually-hidden" accept=".txt,.csv,.tsv,text/plain" onchange={on_como} />
                    </label>
                    }
                </div>
                <p class="hint" id="excel-stato" role="status" data-testid="excel-stato">
                    { match &*excel { Excel::Busy(text) | Excel::Done(text) => text.clone(), _ => String::new() } }
                </p>
                if let Excel::Failed(text) = &*excel {
                    <p class="notice notice-error alert alert-danger" role="alert" data-testid="excel-errore"><strong>{ texts.error_prefix }</strong>{ " " }{ text.clone() }</p>
                }
                <p class="hint">{ texts.csv_hint }</p>
                <p class="hint">{ texts.excel_hint }</p>
                if open && !props.locked {
                <div class="field-row paste">
                    <div class="field field-wide">
                        <label for="incolla-celle">{ texts.paste_label }</label>
                        <textarea id="incolla-celle" class="form-control" rows="4" value={(*pasted).clone()} oninput={on_pasted} />
                    </div>
                    <div class="field">
                        <label for="incolla-unita">{ texts.paste_unit_label }</label>
                        <select id="incolla-unita" class="form-select" onchange={on_paste_unit}>
                            { for leaf_units.iter().map(|u| html! {
                                <option value={u.id.clone()} selected={paste_into == u.id}>{ props.plan.unit_label(u) }</option>
                            }) }
                        </select>
                    </div>
                    <button type="button" class="btn btn-outline-primary btn-xs" onclick={on_preview_paste} disabled={pasted.trim().is_empty()}>{ texts.preview }</button>
                </div>
                }
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub import: Rc<Import>,
    pub plan: Same<Plan>,
    pub dispatch: Dispatch,
}

/// The units of `paths` in a sentence: each named with the higher units its
/// rows name.
fn units_sentence(paths: &[csv::UnitPath], one: &'static str, many: &'static str) -> String {
    let texts = &t().app;
    let names: Vec<String> = paths
        .iter()
        .map(|path| {
            let unit = path.name.as_str();
            if path.above.is_empty() {
                fill(texts.import_unit, &[("unit", &unit)])
            } else {
                let above: Vec<&str> = path.above.iter().map(|(_, n)| n.as_str()).collect();
                fill(
                    texts.import_unit_under,
                    &[("unit", &unit), ("above", &above.join(" › "))],
                )
            }
        })
        .collect();
    let unit = names.first().cloned().unwrap_or_default();
    fill(
        plural(paths.len(), one, many),
        &[
            ("n", &paths.len()),
            ("unit", &unit),
            ("units", &names.join("; ")),
        ],
    )
}

/// What an import would do, with the buttons to do it or not. It is drawn
/// at the top of the page, wherever the file was chosen: the focus goes to
/// it (and so the screen, and a screen reader's reading) once per preview:
/// each file or paste, not each answer to the Como table's questions.
/// Line numbers for a notice: the first twenty, then «…».
fn lines_list(lines: &[usize]) -> String {
    let mut shown: Vec<String> = lines.iter().take(20).map(usize::to_string).collect();
    if lines.len() > 20 {
        shown.push("…".into());
    }
    shown.join(", ")
}

#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let preview = match &*props.import {
        // Not at a choice made in the panel: only for another file, other
        // cells, or the same read again with units added.
        Import::Csv { preview, .. } => format!("csv:{:p}", Rc::as_ptr(preview)),
        Import::Como { name, .. } => format!("como:{name}"),
    };
    use_effect_with(preview, |_| {
        crate::app::files::after_render(|| crate::app::files::focus("importa"));
    });
    let confirm = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ConfirmImport))
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CancelImport))
    };
    let texts = &t().app;
    let body = match &*props.import {
        Import::Csv {
            name,
            preview,
            adding_units,
            existing,
        } => {
            // With units to add, the rows' units are in the plan that has them.
            let plan: &Plan = adding_units.as_ref().map_or(&props.plan, |a| &a.plan);
            let add_units = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |_| dispatch.dispatch(Action::AddImportUnits))
            };
            let missing = &preview.missing_units;
            let adding = adding_units.as_ref().map(|a| &a.added);
            let criteria: Vec<String> = preview
                .criteria
                .iter()
                .map(|id| {
                    props
                        .plan
                        .grid
                        .criteria
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or(id.clone(), |c| c.short.clone())
                })
                .collect();
            let unit_name = |id: &str| plan.unit(id).map_or(id.to_string(), |u| plan.unit_label(u));
            let already = preview.already_in(plan);
            let updating = *existing == Existing::Update && !already.is_empty();
            let (n, r) = (preview.rows.len(), preview.rejected.len());
            let existing_choice = |choice: Existing, id: &'static str, label: &'static str| {
                let dispatch = props.dispatch.clone();
                let onchange =
                    Callback::from(move |_| dispatch.dispatch(Action::SetImportExisting(choice)));
                html! {
                    <div class="radio">
                        <input type="radio" name="importa-esistenti" {id} checked={*existing == choice} {onchange} />
                        <label for={id}>{ label }</label>
                    </div>
                }
            };
            let button = match (updating, n - already.len()) {
                (false, _) => fill(
                    plural(n, texts.import_button_one, texts.import_button_many),
                    &[("n", &n)],
                ),
                (true, 0) => fill(
                    plural(
                        n,
                        texts.import_button_update_one,
                        texts.import_button_update_many,
                    ),
                    &[("n", &n)],
                ),
                (true, added) => fill(
                    texts.import_button_both,
                    &[("updated", &already.len()), ("added", &added)],
                ),
            };
            let objectives = fill(
                plural(n, texts.import_objectives_one, texts.import_objectives_many),
                &[("n", &n)],
            );
            let rejected = fill(
                plural(r, texts.import_rejected_one, texts.import_rejected_many),
                &[("n", &r)],
            );
            let source = match &preview.sheet {
                Some(sheet) => fill(texts.import_from_sheet, &[("sheet", sheet)]),
                None => fill(
                    texts.import_from_text,
                    &[
                        ("encoding", &preview.encoding.label()),
                        ("separator", &preview.separator.label()),
                    ],
                ),
            };
            html! {
                <>
                    <h2 id="importa-titolo">{ fill(texts.import_preview_heading, &[("name", name)]) }</h2>
                    <p data-testid="importa-esito">{ fill(texts.import_outcome, &[("objectives", &objectives), ("rejected", &rejected), ("source", &source)]) }</p>
                    if !preview.missing_criteria.is_empty() {
                        <p class="notice notice-warning" data-testid="importa-colonne-mancanti">{ fill(
                            if updating { texts.missing_columns_updating } else { texts.missing_columns },
                            &[("columns", &preview.missing_criteria.join(", "))],
                        ) }</p>
                        { for preview.likely_criteria.iter().map(|(header, criterion)| html! {
                            <p class="notice notice-warning" data-testid="importa-colonna-simile">{ fill(texts.likely_criterion_column, &[("header", header), ("criterion", criterion)]) }</p>
                        }) }
                    }
                    if !already.is_empty() {
                        <fieldset class="question" data-testid="importa-gia-presenti">
                            <legend>{ texts.import_existing_legend }</legend>
                            <p>{ fill(
                                plural(already.len(), texts.import_already_one, texts.import_already_many),
                                &[("lines", &lines_list(&already))],
                            ) }</p>
                            { existing_choice(Existing::Update, "importa-aggiorna", texts.import_existing_update) }
                            { existing_choice(Existing::Add, "importa-aggiungi", texts.import_existing_add) }
                        </fieldset>
                    }
                    if !preview.repeats.is_empty() {
                        <p class="hint" data-testid="importa-ripetute">{ fill(
                            plural(preview.repeats.len(), texts.import_repeats_one, texts.import_repeats_many),
                            &[("lines", &preview.repeats.iter().map(|(line, _)| line.to_string()).collect::<Vec<_>>().join(", "))],
                        ) }</p>
                    }
                    if !preview.ignored_columns.is_empty() {
                        <p class="hint">{ fill(texts.ignored_columns, &[("columns", &preview.ignored_columns.join(", "))]) }</p>
                    }
                    if !missing.is_empty() {
                        <p class="notice notice-warning" data-testid="importa-unita-mancanti">{ units_sentence(missing, texts.import_missing_units_one, texts.import_missing_units_many) }</p>
                        <p><button type="button" class="btn btn-outline-primary btn-xs" onclick={add_units}>
                            { fill(plural(missing.len(), texts.import_add_units_one, texts.import_add_units_many), &[("n", &missing.len())]) }
                        </button></p>
                    }
                    if let Some(adding) = adding {
                        <p class="hint" data-testid="importa-unita-aggiunte">{ units_sentence(adding, texts.import_adding_units_one, texts.import_adding_units_many) }</p>
                    }
                    if !preview.rejected.is_empty() {
                        <h3>{ texts.rejected_rows_heading }</h3>
                        <ul class="rejected" data-testid="importa-scartate">
                            { for preview.rejected.iter().map(|r| html! { <li>{ r.to_string() }</li> }) }
                        </ul>
                    }
                    if !preview.rows.is_empty() {
                        <div class="table-scroll">
                        <table class="table">
                            <caption>{ if updating { texts.rows_caption_updating } else { texts.rows_caption } }</caption>
                            <thead><tr>
                                <th scope="col" class="num">{ texts.column_row }</th>
                                if updating {
                                    <th scope="col">{ texts.import_row_outcome }</th>
                                }
                                <th scope="col">{ texts.column_unit }</th><th scope="col">{ texts.column_title }</th>
                                { for criteria.iter().map(|c| html! { <th scope="col" class="num">{ c.clone() }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for preview.rows.iter().map(|r| {
                                  let updates = updating && already.binary_search(&r.line).is_ok();
                                  html! {
                                    <tr>
                                        <td class="num">{ r.line }</td>
                                        if updating {
                                            <td>{ if updates { texts.import_row_updates } else { texts.import_row_adds } }</td>
                                        }
                                        <td>{ unit_name(&r.unit) }</td><td>{ r.title.clone() }</td>
                                        // A score the file has no column for: an updated objective keeps its own.
                                        { for r.scores.iter().enumerate().map(|(c, s)| html! { <td class="num">{
                                            if updates && !preview.has_scores_of(c) { texts.import_cell_kept.to_string() }
                                            else { s.map_or("—".into(), crate::text::points) }
                                        }</td> }) }
                                    </tr>
                                  }
                                }) }
                            </tbody>
                        </table>
                        </div>
                    }
                    <button type="button" class="btn btn-primary btn-xs" onclick={confirm} disabled={preview.rows.is_empty()}>
                        { button }
                    </button>
                </>
            }
        }
        Import::Como {
            name,
            table,
            choices,
        } => {
            let (settore_objectives, shared) = table.objective_counts();
            let count = |n: usize, one, many| fill(plural(n, one, many), &[("n", &n)]);
            let como_outcome = fill(
                texts.como_outcome,
                &[
                    (
                        "units",
                        &count(table.settori(), texts.como_units_one, texts.como_units_many),
                    ),
                    (
                        "rows",
                        &count(
                            settore_objectives,
                            texts.como_rows_one,
                            texts.como_rows_many,
                        ),
                    ),
                    (
                        "shared",
                        &count(shared, texts.como_shared_one, texts.como_shared_many),
                    ),
                    (
                        "averages",
                        &count(
                            table.averages_checked,
                            texts.como_averages_one,
                            texts.como_averages_many,
                        ),
                    ),
                ],
            );
            let questions = table.duplicates.iter().enumerate().map(|(index, d)| {
                let options = DuplicateChoice::ALL.into_iter().map(|choice| {
                    let dispatch = props.dispatch.clone();
                    let onchange = Callback::from(move |_| dispatch.dispatch(Action::ChooseDuplicate { index, choice }));
                    let id = format!("doppio-{index}-{choice:?}");
                    html! {
                        <div class="radio">
                            <input type="radio" name={format!("doppio-{index}")} id={id.clone()} checked={choices.get(index) == Some(&choice)} {onchange} />
                            <label for={id}>{ choice.label() }</label>
                        </div>
                    }
                });
                html! {
                    <fieldset class="question">
                        <legend>{ d.to_string() }</legend>
                        { for options }
                    </fieldset>
                }
            });
            html! {
                <>
                    <h2 id="importa-titolo">{ fill(texts.como_heading, &[("name", name)]) }</h2>
                    <p data-testid="importa-esito">{ como_outcome }</p>
                    if !table.disagreements.is_empty() {
                        <h3>{ texts.como_disagreements_heading }</h3>
                        <ul data-testid="importa-medie">{ for table.disagreements.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                    }
                    if !table.total_mismatches.is_empty() {
                        <h3>{ texts.como_total_mismatches_heading }</h3>
                        <ul>{ for table.total_mismatches.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                    }
                    if !table.notes.is_empty() {
                        <h3>{ texts.como_notes_heading }</h3>
                        <ul>{ for table.notes.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                    }
                    { for questions }
                    <button type="button" class="btn btn-primary btn-xs" onclick={confirm}>{ texts.open_as_new_plan }</button>
                </>
            }
        }
    };
    html! {
        <section id="importa" class="import-panel" tabindex="-1" aria-labelledby="importa-titolo" data-testid="importa">
            { body }
            { " " }
            <button type="button" class="btn btn-outline-primary btn-xs" onclick={cancel}>{ texts.cancel_import }</button>
        </section>
    }
}
