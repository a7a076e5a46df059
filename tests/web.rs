//! In the browser: the app mounts, renders a plan, and an edit dispatched
//! through a score field changes the numbers shown. Run by
//! `wasm-pack test --headless --chrome` (see the Makefile).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use pesatura::app::{App, AppProps};
use pesatura::io::json;
use pesatura::model::presets::new_plan;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const COMO: &str = include_str!("../examples/como-peg-2024.json");

/// Lets Yew's scheduler render.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 80)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `selector` is drawn: a plan is drawn in three frames (its
/// top, its units, the rest), each once the one before is painted.
async fn drawn(root: &Element, selector: &str) {
    for _ in 0..100 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        settle().await;
    }
    panic!("{selector} is never drawn");
}

fn mount(props: AppProps) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on screen"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

fn como_props() -> AppProps {
    AppProps {
        initial: Some(Rc::new(json::load(COMO.as_bytes()).unwrap())),
    }
}

#[wasm_bindgen_test]
async fn renders_the_como_plan() {
    let root = mount(como_props());
    settle().await;
    // The first frame: the plan's header, with the ente's numbers.
    assert_eq!(text(&root, "[data-testid=ente-obiettivi]"), "53");
    assert_eq!(text(&root, "[data-testid=ente-media]"), "21,55");
    drawn(&root, "[data-testid=media-s3]").await;
    assert_eq!(text(&root, "[data-testid=media-s3]"), "26,50");
    assert_eq!(text(&root, "[data-testid=media-s1]"), "20,67");
    assert_eq!(text(&root, "[data-testid=punti-o3]"), "26");
    assert_eq!(text(&root, "[data-testid=peso-o3]"), "41,94 %");
    // The shared objectives' table is among the units.
    assert_eq!(text(&root, "[data-testid=media-comuni]"), "25,33");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_edit_changes_the_numbers_shown() {
    let root = mount(como_props());
    drawn(&root, "#cella-o1-0").await;
    // Settore 1, first objective: complessità 4 → 9, points 18 → 23.
    type_into(&root, "#cella-o1-0", "9");
    settle().await;
    assert_eq!(text(&root, "[data-testid=punti-o1]"), "23");
    // (23 + 18 + 26) / 3 = 22,333… → 22,33
    assert_eq!(text(&root, "[data-testid=media-s1]"), "22,33");
    // Ente: (1142 + 5) / 53 = 21,641… → 21,64
    assert_eq!(text(&root, "[data-testid=ente-media]"), "21,64");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_refused_entry_is_shown_and_changes_nothing() {
    let root = mount(como_props());
    drawn(&root, "#cella-o1-0").await;
    type_into(&root, "#cella-o1-0", "12");
    settle().await;
    let input: HtmlInputElement = root
        .query_selector("#cella-o1-0")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "12", "the typed text stays in the field");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(text(&root, "#cella-o1-0-errore").contains("fuori dall'intervallo"));
    assert_eq!(text(&root, "[data-testid=punti-o1]"), "18");
    // Clearing the cell makes the objective incomplete, not zero.
    type_into(&root, "#cella-o1-0", "");
    settle().await;
    assert_eq!(text(&root, "[data-testid=punti-o1]"), "—mancano punteggi");
    assert_eq!(text(&root, "[data-testid=media-s1]"), "22,00"); // (18 + 26) / 2
    root.remove();
}

#[wasm_bindgen_test]
async fn an_empty_plan_takes_its_first_objective() {
    let root = mount(AppProps {
        initial: Some(Rc::new(new_plan(2025))),
    });
    drawn(&root, "[data-testid=media-u1]").await;
    assert_eq!(text(&root, "[data-testid=media-u1]"), "—");
    let add: web_sys::HtmlElement = root
        .query_selector("#unita-u1 .btn-add")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    add.click();
    settle().await;
    for (c, score) in ["5", "10", "3", "7"].iter().enumerate() {
        type_into(&root, &format!("#cella-o1-{c}"), score);
    }
    settle().await;
    assert_eq!(text(&root, "[data-testid=punti-o1]"), "25");
    assert_eq!(text(&root, "[data-testid=media-u1]"), "25,00");
    assert_eq!(text(&root, "[data-testid=peso-o1]"), "100,00 %");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_crash_offers_the_last_good_state() {
    let root = mount(como_props());
    drawn(&root, "#cella-o1-0").await;
    type_into(&root, "#cella-o1-0", "9");
    settle().await;
    pesatura::app::crash::show_panel("prova <di> errore");
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document
        .get_element_by_id("errore-interno")
        .expect("the panel is on screen");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alertdialog"));
    let link = document
        .get_element_by_id("errore-interno-salva")
        .expect("a link to save the plan");
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("pesatura-comune-di-como-2024.json")
    );
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    // The detail is shown as text, never as markup.
    assert!(panel.inner_html().contains("prova &lt;di&gt; errore"));
    panel.remove();
    root.remove();
}

#[wasm_bindgen_test]
fn a_plan_opened_shows_its_numbers_first_and_its_findings_right_after() {
    use pesatura::app::state::{Action, State};
    use pesatura::model::validate::validate_with;
    use yew::functional::Reducible;

    let empty = Rc::new(State::new(new_plan(2025)));
    let open = || Action::Open {
        name: "como.json".into(),
        bytes: COMO.as_bytes().to_vec(),
    };
    // Opened: the numbers at once, the findings not yet.
    let opened = empty.clone().reduce(open());
    assert_eq!(opened.results.ente.objectives, 53);
    assert!(opened.findings_pending);
    assert!(opened.findings.is_empty());
    assert_eq!(opened.opening, empty.opening + 1);
    // Once the page is painted it asks for them: the full validation.
    let checked = opened.clone().reduce(Action::CheckPlan);
    assert!(!checked.findings_pending);
    let expected = validate_with(&checked.plan, &checked.proposed);
    assert!(
        !expected.is_empty(),
        "the Como plan has findings (Settore 3's empty row)"
    );
    assert_eq!(*checked.findings, expected);
    // Any other action first works them out, so that an edit refreshes a
    // complete list.
    let edited = empty.reduce(open()).reduce(Action::SetScore {
        id: "o1".into(),
        criterion: 0,
        text: "9".into(),
    });
    assert!(!edited.findings_pending);
    assert_eq!(
        *edited.findings,
        validate_with(&edited.plan, &edited.proposed)
    );
}

#[wasm_bindgen_test]
fn in_verifica_the_proposal_is_not_changed_and_decisions_are_logged() {
    use pesatura::app::state::{Action, Mode, Notice, State};
    use pesatura::model::review::Verdict;
    use yew::functional::Reducible;

    let review = Rc::new(State::como_example()).reduce(Action::SetMode(Mode::Review));
    let review = review.reduce(Action::SetReviewer("Luca Bianchi".into()));
    let before = review.plan.clone();
    // Whatever the way in — a score, the grid, the ente, an import, the
    // other objectives, an achievement — the proposal stays as it was.
    let refused = [
        Action::SetScore {
            id: "o1".into(),
            criterion: 0,
            text: "9".into(),
        },
        Action::SetGridName("altra".into()),
        Action::RemoveCriterion { criterion: 2 },
        Action::SetEnteName("Altro ente".into()),
        Action::SetYear("2030".into()),
        Action::AddOrgObjective,
        Action::AddSecretaryObjective,
        Action::PasteCells {
            text: "Nuovo\t5\t5\t5\t5".into(),
            unit: "s1".into(),
        },
        Action::AddUnit {
            name: "Nuovo settore".into(),
            level: 1,
            parent: None,
        },
    ];
    for action in refused {
        let after = review.clone().reduce(action);
        assert_eq!(*after.plan, *before);
        assert!(after.import.is_none());
        assert!(
            matches!(&after.notice, Some(Notice::Warning(text)) if text.contains("Proposta")),
            "the refusal is said: {:?}",
            after.notice
        );
    }
    // The Nucleo's own decisions are taken, with the reviewer's name.
    let decided = review.reduce(Action::ReviewVerdict {
        id: "o1".into(),
        criterion: None,
        verdict: Verdict::Confirmed,
    });
    assert_ne!(*decided.plan, *before);
    let json = json::save(&decided.plan);
    assert!(
        json.contains("Luca Bianchi"),
        "the decision is logged with the name"
    );
    // Back in Proposta, the same edit is taken.
    let proposal = decided
        .reduce(Action::SetMode(Mode::Proposal))
        .reduce(Action::SetScore {
            id: "o1".into(),
            criterion: 0,
            text: "9".into(),
        });
    assert_eq!(
        proposal.plan.objectives[0].scores[0],
        Some(pesatura::model::decimal::Dec::from_int(9))
    );
}

#[wasm_bindgen_test]
fn undoing_back_to_the_plan_as_saved_leaves_nothing_unsaved() {
    use pesatura::app::state::{Action, State};
    use yew::functional::Reducible;

    let score = |text: &str| Action::SetScore {
        id: "o1".into(),
        criterion: 0,
        text: text.into(),
    };
    let opened = Rc::new(State::como_example());
    assert!(!opened.dirty);
    let edited = opened.reduce(score("9"));
    assert!(edited.dirty);
    let undone = edited.reduce(Action::Undo);
    assert!(!undone.dirty, "back to the example as opened");
    let redone = undone.reduce(Action::Redo);
    assert!(redone.dirty);
    // Saved: that plan is the one without unsaved changes now.
    let saved = redone.reduce(Action::Saved {
        name: "como.json".into(),
    });
    assert!(!saved.dirty);
    let undone = saved.reduce(Action::Undo);
    assert!(
        undone.dirty,
        "the example as opened is no longer what was saved"
    );
    let redone = undone.reduce(Action::Redo);
    assert!(!redone.dirty, "back to what was saved");
    // A refused entry is not in the file: saving with one leaves it unsaved.
    let refused = redone.reduce(score("99")).reduce(Action::Saved {
        name: "como.json".into(),
    });
    assert!(refused.dirty);
}

#[wasm_bindgen_test]
fn undo_stays_within_the_mode_and_takes_a_refused_entry_away_only_when_last() {
    use pesatura::app::state::{Action, Mode, Notice, State};
    use pesatura::model::decimal::Dec;
    use pesatura::model::review::Verdict;
    use yew::functional::Reducible;

    let score = |id: &str, text: &str| Action::SetScore {
        id: id.into(),
        criterion: 0,
        text: text.into(),
    };
    let first = |s: &State| s.plan.objectives[0].scores[0];
    // The dirigente's edit, then Verifica: the Nucleo's undo does not reach it.
    let edited = Rc::new(State::como_example()).reduce(score("o1", "9"));
    let review = edited.reduce(Action::SetMode(Mode::Review));
    assert!(!review.can_undo());
    let undone = review.clone().reduce(Action::Undo);
    assert_eq!(first(&undone), Some(Dec::from_int(9)));
    // Without the reviewer's name, a decision is not taken: each records it.
    let confirm = || Action::ReviewVerdict {
        id: "o1".into(),
        criterion: None,
        verdict: Verdict::Confirmed,
    };
    let unsigned = review.clone().reduce(confirm());
    assert_eq!(unsigned.plan.objectives[0].review.verdict, Verdict::Pending);
    assert!(Rc::ptr_eq(&unsigned.plan, &review.plan));
    assert!(matches!(unsigned.notice, Some(Notice::Warning(_))));
    // The Nucleo's own decision is undone, and no further.
    let review = review.reduce(Action::SetReviewer("Luca Bianchi".into()));
    let decided = review.reduce(confirm());
    assert_eq!(decided.plan.review_log[0].by, "Luca Bianchi");
    assert!(decided.can_undo());
    let undone = decided.reduce(Action::Undo).reduce(Action::Undo);
    assert_eq!(undone.plan.objectives[0].review.verdict, Verdict::Pending);
    assert_eq!(first(&undone), Some(Dec::from_int(9)));
    // Back in Proposta, the decisions of Verifica are out of reach too.
    let proposal = undone.reduce(Action::SetMode(Mode::Proposal));
    assert!(!proposal.can_undo());

    // A refused entry, the last thing done: undo takes it away, and only it.
    let refused = proposal.reduce(score("o1", "99"));
    assert_eq!(refused.refused_fields(), 1);
    assert!(refused.can_undo());
    let taken = refused.clone().reduce(Action::Undo);
    assert_eq!(taken.refused_fields(), 0);
    assert_eq!(first(&taken), Some(Dec::from_int(9)));
    // An edit after it: undo undoes that edit first.
    let later = refused.reduce(score("o2", "5"));
    let undone = later.reduce(Action::Undo);
    assert_eq!(
        undone.plan.objectives[1].scores[0],
        Some(Dec::from_int(4)),
        "the edit after the refusal is what is undone"
    );
}

#[wasm_bindgen_test]
fn a_score_typed_key_by_key_and_refused_goes_back_to_the_value_from_before() {
    use pesatura::app::state::{Action, State};
    use pesatura::model::decimal::Dec;
    use yew::functional::Reducible;

    let score = |text: &str| Action::SetScore {
        id: "o2".into(),
        criterion: 0,
        text: text.into(),
    };
    let complessita = |s: &State| s.plan.objectives[1].scores[0];
    let points = |s: &State| s.results.objectives[1].points;
    let como = Rc::new(State::como_example());
    assert_eq!(como.plan.objectives[1].id, "o2");
    assert_eq!(complessita(&como), Some(Dec::from_int(4)));
    // `11` typed over the 4, key by key: `1` counts, then `11` is refused and
    // the 4 counts again, as the save's notice says ("the value from before").
    let one = como.clone().reduce(score("1"));
    assert_eq!(points(&one), Some(Dec::from_int(15)));
    let eleven = one.reduce(score("11"));
    assert_eq!(eleven.refused_fields(), 1);
    assert_eq!(complessita(&eleven), Some(Dec::from_int(4)));
    assert_eq!(points(&eleven), points(&como));
    // The plan is the one from before the `1`: nothing to redo, then or after the undo.
    assert!(Rc::ptr_eq(&eleven.plan, &como.plan));
    assert!(!eleven.dirty);
    assert!(!eleven.can_redo());
    // One undo: the field as it was, nothing refused, nothing left to undo.
    let undone = eleven.reduce(Action::Undo);
    assert_eq!(undone.refused_fields(), 0);
    assert_eq!(complessita(&undone), Some(Dec::from_int(4)));
    assert!(!undone.can_undo());
    assert!(!undone.can_redo());
    // A 9 typed and left; back in the field, `1` then `11`: the 9 counts.
    let nine = como
        .reduce(score("9"))
        .reduce(Action::FieldLeft)
        .reduce(score("1"))
        .reduce(score("11"));
    assert_eq!(complessita(&nine), Some(Dec::from_int(9)));
    // An entry refused at its first key changes nothing.
    let refused_at_once = Rc::new(State::como_example()).reduce(score("x"));
    assert_eq!(complessita(&refused_at_once), Some(Dec::from_int(4)));
    assert!(!refused_at_once.dirty);
}

#[wasm_bindgen_test]
fn a_comment_or_revision_typed_key_by_key_counts_at_once_and_is_one_decision() {
    use pesatura::app::state::{Action, Mode, State};
    use pesatura::model::decimal::Dec;
    use pesatura::model::review::Verdict;
    use yew::functional::Reducible;

    let review = Rc::new(State::como_example())
        .reduce(Action::SetMode(Mode::Review))
        .reduce(Action::SetReviewer("Maria Rossi".into()));
    let logged = review.plan.review_log.len();
    let comment = |text: &str| Action::ReviewComment {
        id: "o3".into(),
        criterion: Some(0),
        text: text.into(),
    };
    // Each key counts at once (a tab closed before leaving the field keeps
    // it), and the run is one entry of the log and one step for undo.
    let mut typed = review.clone();
    for text in ["S", "So", "Sov", "Sovrastimata"] {
        typed = typed.reduce(comment(text));
        assert_eq!(
            typed.plan.objectives[2].review.score(0).unwrap().comment,
            text
        );
        assert!(typed.dirty);
    }
    assert_eq!(typed.plan.review_log.len(), logged + 1);
    assert_eq!(
        typed.plan.review_log.last().unwrap().change,
        "commento: «Sovrastimata»"
    );
    let undone = typed.clone().reduce(Action::Undo);
    assert_eq!(*undone.plan, *review.plan);
    // A run that ends where it began is no decision.
    let erased = typed.reduce(comment(""));
    assert_eq!(*erased.plan, *review.plan);
    assert!(!erased.can_undo());

    // o3's complessità, proposed 6: `3` counts at once, `31` is refused and
    // the proposal counts again; left at `3`, it is one revision.
    let revise = |text: &str| Action::ReviewRevise {
        id: "o3".into(),
        criterion: 0,
        text: text.into(),
    };
    let points = |s: &State| s.results.objectives[2].points;
    let three = review.clone().reduce(revise("3"));
    assert_eq!(points(&three), Some(Dec::from_int(23)));
    let refused = three.reduce(revise("31"));
    assert_eq!(points(&refused), Some(Dec::from_int(26)));
    assert_eq!(
        refused.revised_text(2, 0),
        "31",
        "the field shows what was typed"
    );
    let fixed = refused.reduce(revise("3")).reduce(Action::FieldLeft);
    assert_eq!(points(&fixed), Some(Dec::from_int(23)));
    assert_eq!(fixed.plan.review_log.len(), logged + 1);
    // The proposal's own value is no revision: the field keeps the 6 typed,
    // nothing is contested.
    let same = review.clone().reduce(revise("6"));
    let score = same.plan.objectives[2]
        .review
        .score(0)
        .cloned()
        .unwrap_or_default();
    assert_eq!((score.verdict, score.revised), (Verdict::Pending, None));
    assert_eq!(same.revised_text(2, 0), "6");
    // Left, the field shows what the plan holds: no revision, so empty;
    // and the mode switched, nothing typed is left over.
    let left = same.clone().reduce(Action::FieldLeft);
    assert_eq!(left.revised_text(2, 0), "");
    let switched = same.reduce(Action::SetMode(Mode::Proposal));
    assert_eq!(switched.revised_text(2, 0), "");

    // A comment keeps the space typed before the next word, while the plan
    // keeps it trimmed; a first key that changes nothing is no change.
    let spaced = review.clone().reduce(comment("Buono "));
    assert_eq!(
        spaced.plan.objectives[2].review.score(0).unwrap().comment,
        "Buono"
    );
    assert_eq!(spaced.review_comment_text(2, Some(0)), "Buono ");
    let next_word = spaced.reduce(comment("Buono e"));
    assert_eq!(next_word.review_comment_text(2, Some(0)), "Buono e");
    assert_eq!(next_word.plan.review_log.len(), logged + 1);
    let nothing = review.clone().reduce(comment(" "));
    assert!(Rc::ptr_eq(&nothing.plan, &review.plan));
    assert!(!nothing.dirty, "a space alone changes nothing");
    assert!(!nothing.can_undo());

    // Confirming the revised score confirms the proposal: its field empties.
    let confirmed = fixed.reduce(Action::ReviewVerdict {
        id: "o3".into(),
        criterion: Some(0),
        verdict: Verdict::Confirmed,
    });
    assert_eq!(points(&confirmed), Some(Dec::from_int(26)));
    assert_eq!(confirmed.revised_text(2, 0), "");
}

#[wasm_bindgen_test]
fn a_year_typed_key_by_key_and_refused_goes_back_to_the_year_from_before() {
    use pesatura::app::state::{Action, State};
    use yew::functional::Reducible;

    let year = |text: &str| Action::SetYear(text.into());
    let como = Rc::new(State::como_example());
    assert_eq!(como.plan.ente.year, 2024);
    // `20255` typed over the 2024 key by key: `2025` is a year and counts,
    // then `20255` is refused and 2024 counts again, what a save writes.
    let typed = ["2", "20", "202", "2025", "20255"]
        .into_iter()
        .fold(como.clone(), |state, text| state.reduce(year(text)));
    assert_eq!(typed.refused_fields(), 1);
    assert_eq!(typed.plan.ente.year, 2024);
    assert!(Rc::ptr_eq(&typed.plan, &como.plan));
    assert!(!typed.dirty);
    assert!(!typed.can_redo());
    // One undo takes the refused entry away; nothing else to undo.
    let undone = typed.reduce(Action::Undo);
    assert_eq!((undone.plan.ente.year, undone.refused_fields()), (2024, 0));
    assert!(!undone.can_undo());
    // A 2025 typed and left; back in the field, a refused entry keeps 2025.
    let kept = como
        .reduce(year("2025"))
        .reduce(Action::FieldLeft)
        .reduce(year("20255"));
    assert_eq!(kept.plan.ente.year, 2025);
}

#[wasm_bindgen_test]
fn a_comparison_follows_the_edits_and_the_mode() {
    use pesatura::app::state::{Action, Mode, State};
    use pesatura::model::diff::{Change, Diff};
    use yew::functional::Reducible;

    let score = |text: &str| Action::SetScore {
        id: "o1".into(),
        criterion: 0,
        text: text.into(),
    };
    let state = Rc::new(State::como_example());
    let file = json::save(&state.plan).into_bytes();
    let compared = state.reduce(score("9")).reduce(Action::Compare {
        name: "como.json".into(),
        bytes: file,
    });
    let comparison = compared.comparison.clone().expect("a comparison is open");
    let score_changes = |diff: &Diff| {
        diff.changes
            .iter()
            .filter(|c| matches!(c, Change::Score { .. }))
            .count()
    };
    assert_eq!(score_changes(&comparison.diff), 1, "{:?}", comparison.diff);
    assert!(!comparison.diff.validated);
    // The score set back as in the file: nothing differs any more.
    let back = compared.reduce(Action::FieldLeft).reduce(score("4"));
    assert!(back.comparison.as_ref().unwrap().diff.is_empty());
    // Undone: the change is there again.
    let undone = back.reduce(Action::Undo);
    assert_eq!(score_changes(&undone.comparison.as_ref().unwrap().diff), 1);
    // In Verifica it compares the validated numbers.
    let review = undone.reduce(Action::SetMode(Mode::Review));
    let comparison = review.comparison.as_ref().unwrap();
    assert!(comparison.diff.validated);
    assert_eq!(comparison.name, "como.json");
}

#[wasm_bindgen_test]
fn an_import_adds_the_units_it_names_with_its_objectives_in_one_step() {
    use pesatura::app::state::{Action, Import, State};
    use yew::functional::Reducible;

    let file = "Area;Settore;Titolo;Complessità\n\
                Area Nuova;Settore A;Uno;4\n\
                ;Settore B;Due;5\n";
    let state = Rc::new(State::new(new_plan(2025))).reduce(Action::ImportCsv {
        name: "obiettivi.csv".into(),
        bytes: file.as_bytes().to_vec(),
    });
    let Some(Import::Csv { preview, .. }) = state.import.as_deref() else {
        panic!("a preview is shown: {:?}", state.notice)
    };
    assert!(preview.rows.is_empty());
    assert_eq!(preview.missing_units.len(), 2);
    let state = state.reduce(Action::AddImportUnits);
    let Some(Import::Csv {
        preview,
        adding_units: Some(adding),
        ..
    }) = state.import.as_deref()
    else {
        panic!("the units are added to the import")
    };
    assert_eq!(preview.rows.len(), 2);
    assert_eq!(adding.added.len(), 3, "the area and its two settori");
    assert_eq!(
        *state.plan,
        new_plan(2025),
        "nothing changes before the import"
    );
    // The plan changes meanwhile: the import lands on the plan as it is.
    let state = state.reduce(Action::AddUnit {
        name: "Settore Intanto".into(),
        level: 1,
        parent: None,
    });
    let units_before = state.plan.units.len();
    let state = state.reduce(Action::ConfirmImport);
    assert!(state.import.is_none());
    assert_eq!(state.plan.units.len(), units_before + 3);
    assert_eq!(state.plan.objectives.len(), 2);
    let area = state
        .plan
        .units
        .iter()
        .find(|u| u.name == "Area Nuova")
        .unwrap();
    let b = state
        .plan
        .units
        .iter()
        .find(|u| u.name == "Settore B")
        .unwrap();
    assert_eq!(b.parent.as_deref(), Some(area.id.as_str()));
    // One undo takes the units and the objectives away together.
    let undone = state.reduce(Action::Undo);
    assert_eq!(undone.plan.units.len(), units_before);
    assert!(undone.plan.objectives.is_empty());
}

#[wasm_bindgen_test]
fn a_notice_is_said_again_in_the_language_chosen() {
    use pesatura::app::state::{Action, Notice, State};
    use pesatura::text::Lang;
    use yew::functional::Reducible;

    let text = |s: &State| match &s.notice {
        Some(Notice::Error(t) | Notice::Warning(t) | Notice::Info(t)) => t.to_string(),
        None => String::new(),
    };
    let broken = Rc::new(State::como_example()).reduce(Action::Open {
        name: "rotto.json".into(),
        bytes: br#"{"schema_version": 4, "ente": 5}"#.to_vec(),
    });
    let italian = text(&broken);
    assert!(
        italian.contains("Il piano sullo schermo non è stato modificato"),
        "{italian}"
    );
    let english = broken.reduce(Action::SetLanguage(Lang::En));
    let said = text(&english);
    assert!(
        said.contains("The plan on screen has not been changed"),
        "{said}"
    );
    assert!(
        !said.contains("ci vuole"),
        "the file's reason in English too: {said}"
    );
    let back = english.reduce(Action::SetLanguage(Lang::It));
    assert_eq!(text(&back), italian);
}

#[wasm_bindgen_test]
fn a_changed_type_or_assigned_weight_is_announced_with_its_numbers() {
    use pesatura::app::state::{Action, State};
    use pesatura::model::plan::Scale;
    use pesatura::model::presets::{new_plan_with, Preset};
    use yew::functional::Reducible;

    let mut plan = new_plan_with(2025, Preset::LevelsAndTypes);
    let unit = plan.units[0].id.clone();
    let id = plan.add_objective(&unit);
    for c in 0..plan.grid.criteria.len() {
        let Scale::Levels(levels) = &plan.grid.criteria[c].scale else {
            panic!("the preset's criteria are on levels")
        };
        let points = levels[0].points;
        plan.set_score(&id, c, Some(points));
    }
    let first = plan.grid.types[0].id.clone();
    let second = plan.grid.types[1].id.clone();
    plan.set_kind(&id, Some(&first));
    let state = Rc::new(State::new(plan));
    assert_eq!(state.announcement, "");
    let changed = state.reduce(Action::SetKind {
        id: id.clone(),
        kind: Some(second),
    });
    assert!(
        changed.announcement.starts_with("Totale dell'obiettivo: "),
        "{}",
        changed.announcement
    );
    let direct = Rc::new(State::new(new_plan_with(2025, Preset::DirectPercent)));
    let unit = direct.plan.units[0].id.clone();
    let direct = direct.reduce(Action::AddObjective { unit });
    let id = direct.plan.objectives[0].id.clone();
    let weighed = direct.reduce(Action::SetDirect {
        id,
        text: "40".into(),
    });
    assert!(
        weighed.announcement.contains("40"),
        "{}",
        weighed.announcement
    );
}
