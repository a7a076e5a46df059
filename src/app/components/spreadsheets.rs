//! Fogli di calcolo: the plan out as CSV (for Italian Excel, or plain) or as
//! an Excel workbook, and objectives in from a CSV or .xlsx file, from cells
//! pasted out of Excel or LibreOffice, or from the Como table as published.
//! Every import is shown first, with each row that cannot be taken and why;
//! nothing changes until the user confirms. Workbooks are written and read
//! by the Excel worker ([`crate::app::xlsx`]), loaded on first use.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::components::icon::{icon, It};
use crate::app::files::{download, download_parts};
use crate::app::state::{Action, Import};
use crate::app::{xlsx as excel_worker, Dispatch};
use crate::io::como_table::DuplicateChoice;
use crate::io::csv::{self, Dialect};
use crate::io::{json, xlsx};
use crate::model::format::format_points;
use crate::model::Plan;

#[derive(Properties, PartialEq)]
pub struct SpreadsheetProps {
    pub plan: Rc<Plan>,
    pub dispatch: Dispatch,
}

/// A file input that reads the chosen file and hands its name and bytes to `take`.
fn file_reader(
    dispatch: &Dispatch,
    reader: &Rc<RefCell<Option<FileReader>>>,
    take: Rc<dyn Fn(String, Vec<u8>)>,
) -> Callback<Event> {
    let (dispatch, reader) = (dispatch.clone(), reader.clone());
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file = gloo::file::File::from(file);
        let name = file.name();
        let (dispatch, take) = (dispatch.clone(), take.clone());
        *reader.borrow_mut() = Some(read_as_bytes(&file, move |result| match result {
            Ok(bytes) => take(name, bytes),
            Err(e) => dispatch.dispatch(Action::OpenFailed {
                name,
                reason: e.to_string(),
            }),
        }));
    })
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
    excel.set(Excel::Busy(format!("Lettura del file Excel «{name}»…")));
    excel_worker::read(&bytes, move |sheet| {
        excel.set(Excel::Idle);
        dispatch.dispatch(Action::ImportSheet { name, sheet });
    });
}

#[component]
pub fn Spreadsheets(props: &SpreadsheetProps) -> Html {
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let pasted = use_state(String::new);
    let bottom = props.plan.ente.levels.len().saturating_sub(1);
    let leaf_units: Vec<_> = props
        .plan
        .units
        .iter()
        .filter(|u| u.level == bottom)
        .collect();
    let paste_unit = use_state(|| leaf_units.first().map(|u| u.id.clone()).unwrap_or_default());
    let excel = use_state(|| Excel::Idle);

    let export = |dialect: Dialect| {
        let plan = props.plan.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            let name = csv::file_name(&plan);
            let bytes = csv::export(&plan, dialect);
            // The bytes are UTF-8 (with a BOM for Excel): hand them over as text.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if download(&name, "text/csv;charset=utf-8", &text).is_err() {
                dispatch.dispatch(Action::OpenFailed {
                    name,
                    reason: "il browser non ha permesso di scaricare il file".into(),
                });
            }
        })
    };
    let export_xlsx = {
        let (plan, excel) = (props.plan.clone(), excel.clone());
        Callback::from(move |_| {
            let name = xlsx::file_name(&plan);
            excel.set(Excel::Busy("Preparazione del file Excel…".into()));
            let excel = excel.clone();
            excel_worker::export(json::save(&plan), move |workbook| {
                let saved = workbook.and_then(|bytes| {
                    download_parts(&name, xlsx::MIME, &js_sys::Array::of1(&bytes))
                        .map_err(|_| "il browser non ha permesso di scaricare il file".to_string())
                });
                excel.set(match saved {
                    Ok(()) => Excel::Done(format!("File Excel pronto: «{name}».")),
                    Err(why) => Excel::Failed(format!(
                        "Il file Excel non è stato creato: {}.",
                        why.trim_end_matches('.')
                    )),
                });
            });
        })
    };
    let on_table = {
        let (dispatch, excel) = (props.dispatch.clone(), excel.clone());
        file_reader(
            &props.dispatch,
            &reader,
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
        file_reader(
            &props.dispatch,
            &reader,
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
        let (dispatch, pasted, unit) = (props.dispatch.clone(), pasted.clone(), paste_unit.clone());
        Callback::from(move |_| {
            dispatch.dispatch(Action::PasteCells {
                text: (*pasted).clone(),
                unit: (*unit).clone(),
            })
        })
    };

    html! {
        <section class="spreadsheets" aria-labelledby="fogli-titolo">
            <details>
                <summary><h2 id="fogli-titolo">{ "Fogli di calcolo: importa ed esporta" }</h2></summary>
                <div class="field-row">
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={export(Dialect::ExcelItalian)}>{ icon(It::Download) }{ "Esporta CSV per Excel" }</button>
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={export(Dialect::Plain)}>{ icon(It::Download) }{ "Esporta CSV semplice (, e .)" }</button>
                    <button type="button" class="btn btn-outline-primary btn-xs btn-icon" onclick={export_xlsx} disabled={busy} aria-describedby="excel-stato">{ icon(It::Download) }{ "Scarica Excel (.xlsx)" }</button>
                    <label class="btn btn-outline-primary btn-xs btn-icon file-button">{ icon(It::Upload) }
                        { "Importa obiettivi da CSV o Excel…" }
                        <input type="file" id="importa-csv" class="visually-hidden" onchange={on_table}
                            accept={format!(".csv,.txt,.xlsx,text/csv,text/plain,{}", xlsx::MIME)} />
                    </label>
                    <label class="btn btn-outline-primary btn-xs btn-icon file-button">{ icon(It::Upload) }
                        { "Importa la tabella del PEG di Como…" }
                        <input type="file" id="importa-como" class="visually-hidden" accept=".txt,.csv,.tsv,text/plain" onchange={on_como} />
                    </label>
                </div>
                <p class="hint" id="excel-stato" role="status" data-testid="excel-stato">
                    { match &*excel { Excel::Busy(text) | Excel::Done(text) => text.clone(), _ => String::new() } }
                </p>
                if let Excel::Failed(text) = &*excel {
                    <p class="notice notice-error alert alert-danger" role="alert" data-testid="excel-errore">{ text.clone() }</p>
                }
                <p class="hint">{ "CSV per Excel: separatore «;», virgola decimale, UTF-8 con BOM. In importazione si accettano «;», «,» o tabulazione, virgola o punto decimale, UTF-8 o Windows-1252; le intestazioni sono confrontate con i nomi dei criteri senza badare a maiuscole e accenti." }</p>
                <p class="hint">{ "Il file Excel ha la tabella di pesatura con formule vive (totale, peso relativo, media e, una volta inseriti i raggiungimenti, punteggio ponderato e risultato), la griglia e i rilievi; in importazione si legge il primo foglio. Il modulo per i file Excel si scarica alla prima esportazione o importazione." }</p>
                <div class="field-row paste">
                    <div class="field field-wide">
                        <label for="incolla-celle">{ "Incolla qui le celle copiate da Excel o LibreOffice (con la riga di intestazione)" }</label>
                        <textarea id="incolla-celle" class="form-control" rows="4" value={(*pasted).clone()} oninput={on_pasted} />
                    </div>
                    <div class="field">
                        <label for="incolla-unita">{ "Nell'unità (se le celle non la indicano)" }</label>
                        <select id="incolla-unita" class="form-select" onchange={on_paste_unit}>
                            { for leaf_units.iter().map(|u| html! {
                                <option value={u.id.clone()} selected={*paste_unit == u.id}>{ props.plan.unit_label(u) }</option>
                            }) }
                        </select>
                    </div>
                    <button type="button" class="btn btn-outline-primary btn-xs" onclick={on_preview_paste} disabled={pasted.trim().is_empty()}>{ "Anteprima" }</button>
                </div>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub import: Rc<Import>,
    pub plan: Rc<Plan>,
    pub dispatch: Dispatch,
}

/// What an import would do, with the buttons to do it or not.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let confirm = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ConfirmImport))
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CancelImport))
    };
    let body = match &*props.import {
        Import::Csv { name, preview } => {
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
            let unit_name = |id: &str| {
                props
                    .plan
                    .unit(id)
                    .map_or(id.to_string(), |u| props.plan.unit_label(u))
            };
            html! {
                <>
                    <h2 id="importa-titolo">{ format!("Anteprima dell'importazione da «{name}»") }</h2>
                    <p data-testid="importa-esito">{ format!("{} obiettivi da importare, {} righe scartate ({}).",
                        preview.rows.len(), preview.rejected.len(), match &preview.sheet {
                            Some(sheet) => format!("cartella Excel, foglio «{sheet}»"),
                            None => format!("codifica {}, separatore {}", preview.encoding.label_it(), preview.separator.label_it()),
                        }) }</p>
                    if !preview.missing_criteria.is_empty() {
                        <p class="notice notice-warning">{ format!("Colonne mancanti, i punteggi restano da assegnare: {}.", preview.missing_criteria.join(", ")) }</p>
                    }
                    if !preview.ignored_columns.is_empty() {
                        <p class="hint">{ format!("Colonne non lette: {}.", preview.ignored_columns.join(", ")) }</p>
                    }
                    if !preview.rejected.is_empty() {
                        <h3>{ "Righe che non saranno importate" }</h3>
                        <ul class="rejected" data-testid="importa-scartate">
                            { for preview.rejected.iter().map(|r| html! { <li>{ r.to_string() }</li> }) }
                        </ul>
                    }
                    if !preview.rows.is_empty() {
                        <div class="table-scroll">
                        <table class="table">
                            <caption>{ "Obiettivi che saranno aggiunti" }</caption>
                            <thead><tr>
                                <th scope="col" class="num">{ "Riga" }</th><th scope="col">{ "Unità" }</th><th scope="col">{ "Titolo" }</th>
                                { for criteria.iter().map(|c| html! { <th scope="col" class="num">{ c.clone() }</th> }) }
                            </tr></thead>
                            <tbody>
                                { for preview.rows.iter().map(|r| html! {
                                    <tr>
                                        <td class="num">{ r.line }</td><td>{ unit_name(&r.unit) }</td><td>{ r.title.clone() }</td>
                                        { for r.scores.iter().map(|s| html! { <td class="num">{ s.map_or("—".into(), format_points) }</td> }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        </div>
                    }
                    <button type="button" class="btn btn-primary btn-xs" onclick={confirm} disabled={preview.rows.is_empty()}>
                        { format!("Importa {} obiettivi", preview.rows.len()) }
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
            let questions = table.duplicates.iter().enumerate().map(|(index, d)| {
                let options = DuplicateChoice::ALL.into_iter().map(|choice| {
                    let dispatch = props.dispatch.clone();
                    let onchange = Callback::from(move |_| dispatch.dispatch(Action::ChooseDuplicate { index, choice }));
                    let id = format!("doppio-{index}-{choice:?}");
                    html! {
                        <div class="radio">
                            <input type="radio" name={format!("doppio-{index}")} id={id.clone()} checked={choices.get(index) == Some(&choice)} {onchange} />
                            <label for={id}>{ choice.label_it() }</label>
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
                    <h2 id="importa-titolo">{ format!("Tabella del PEG letta da «{name}»") }</h2>
                    <p data-testid="importa-esito">{ format!("{} settori; {settore_objectives} righe di obiettivi nelle tabelle dei settori (blocchi ripetuti compresi) e {shared} obiettivi comuni a più settori; {} medie pubblicate ricalcolate.",
                        table.settori(), table.averages_checked) }</p>
                    if !table.disagreements.is_empty() {
                        <h3>{ "Medie pubblicate che non tornano" }</h3>
                        <ul data-testid="importa-medie">{ for table.disagreements.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                    }
                    if !table.total_mismatches.is_empty() {
                        <h3>{ "Totali pubblicati che non sono la somma dei punteggi" }</h3>
                        <ul>{ for table.total_mismatches.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                    }
                    if !table.notes.is_empty() {
                        <h3>{ "Righe che non sono obiettivi" }</h3>
                        <ul>{ for table.notes.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                    }
                    { for questions }
                    <button type="button" class="btn btn-primary btn-xs" onclick={confirm}>{ "Apri come nuovo piano" }</button>
                </>
            }
        }
    };
    html! {
        <section class="import-panel" aria-labelledby="importa-titolo" data-testid="importa">
            { body }
            { " " }
            <button type="button" class="btn btn-outline-primary btn-xs" onclick={cancel}>{ "Annulla l'importazione" }</button>
        </section>
    }
}
