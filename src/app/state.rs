//! The one reducer: every user action is an [`Action`], and [`State`] is the
//! plan plus what the interface needs around it (refused entries, the notice
//! banner, whether there are unsaved changes). Numbers are recomputed here,
//! by the model, never in components.

use std::collections::HashMap;
use std::rc::Rc;

use yew::Reducible;

use crate::io::json;
use crate::model::edit::parse_score;
use crate::model::format::format_plain;
use crate::model::presets::new_plan;
use crate::model::{compute, validate, Finding, Plan, Results};

/// The Como 2024 example, shipped inside the app.
pub const COMO_EXAMPLE: &str = include_str!("../../examples/como-peg-2024.json");

/// A score cell whose text is not (or not yet) the plan's value: kept as typed,
/// with the reason it was refused, so that nothing typed is silently dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub plan: Rc<Plan>,
    pub results: Rc<Results>,
    pub findings: Rc<Vec<Finding>>,
    /// Keyed by (objective id, criterion index).
    pub drafts: Rc<HashMap<(String, usize), Draft>>,
    /// The year field when it does not hold a valid year.
    pub year_draft: Option<Draft>,
    pub notice: Option<Notice>,
    /// Changes since the last save or open.
    pub dirty: bool,
}

pub enum Action {
    New { year: i32 },
    OpenExample,
    /// A file's bytes, read by the browser.
    Open { name: String, bytes: Vec<u8> },
    /// The browser could not read the file at all.
    OpenFailed { name: String, reason: String },
    Saved { name: String },
    DismissNotice,
    SetEnteName(String),
    SetYear(String),
    AddObjective { unit: String },
    RemoveObjective { id: String },
    MoveObjective { id: String, delta: isize },
    SetTitle { id: String, title: String },
    SetDescription { id: String, text: String },
    SetScore { id: String, criterion: usize, text: String },
    AddUnit { name: String, level: usize, parent: Option<String> },
    RenameUnit { id: String, name: String },
    RemoveUnit { id: String },
}

impl State {
    pub fn new(plan: Plan) -> State {
        let results = compute(&plan);
        let findings = validate(&plan);
        State {
            plan: Rc::new(plan),
            results: Rc::new(results),
            findings: Rc::new(findings),
            drafts: Rc::default(),
            year_draft: None,
            notice: None,
            dirty: false,
        }
    }

    /// The Como 2024 example as a fresh state.
    pub fn como_example() -> State {
        let plan = json::load(COMO_EXAMPLE.as_bytes()).expect("the bundled Como example is a valid plan");
        State::new(plan)
    }

    /// This state with an edited plan, numbers and findings recomputed.
    fn edited(&self, edit: impl FnOnce(&mut Plan)) -> State {
        let mut plan = (*self.plan).clone();
        edit(&mut plan);
        State {
            results: Rc::new(compute(&plan)),
            findings: Rc::new(validate(&plan)),
            plan: Rc::new(plan),
            dirty: true,
            ..self.clone()
        }
    }

    fn replaced(plan: Plan, notice: Notice) -> State {
        State { notice: Some(notice), ..State::new(plan) }
    }

    fn with_notice(&self, notice: Notice) -> State {
        State { notice: Some(notice), ..self.clone() }
    }

    /// The text a score cell shows: the refused entry if there is one, else the value.
    pub fn cell_text(&self, objective: usize, criterion: usize) -> String {
        let o = &self.plan.objectives[objective];
        if let Some(d) = self.drafts.get(&(o.id.clone(), criterion)) {
            return d.text.clone();
        }
        o.scores.get(criterion).copied().flatten().map(format_plain).unwrap_or_default()
    }

    pub fn cell_error(&self, objective_id: &str, criterion: usize) -> Option<&str> {
        self.drafts.get(&(objective_id.to_string(), criterion)).and_then(|d| d.error.as_deref())
    }

    fn set_score(&self, id: String, criterion: usize, text: String) -> State {
        let Some(c) = self.plan.grid.criteria.get(criterion) else { return self.clone() };
        let mut drafts = (*self.drafts).clone();
        let key = (id.clone(), criterion);
        match parse_score(&text, c) {
            Ok(score) => {
                let canonical = score.map(format_plain).unwrap_or_default();
                if text.trim() == canonical {
                    drafts.remove(&key);
                } else {
                    drafts.insert(key, Draft { text, error: None });
                }
                let mut next = self.edited(|p| p.set_score(&id, criterion, score));
                next.drafts = Rc::new(drafts);
                next
            }
            Err(error) => {
                drafts.insert(key, Draft { text, error: Some(error) });
                State { drafts: Rc::new(drafts), ..self.clone() }
            }
        }
    }

    fn set_year(&self, text: String) -> State {
        match text.trim().parse::<i32>() {
            Ok(year) if (1990..=2200).contains(&year) => {
                let mut next = self.edited(|p| p.ente.year = year);
                next.year_draft = None;
                next
            }
            _ => State {
                year_draft: Some(Draft { error: Some(format!("«{}» non è un anno valido: scrivere ad esempio 2025.", text.trim())), text }),
                ..self.clone()
            },
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::New { year } => State::replaced(new_plan(year), Notice::Info("Nuovo piano creato.".into())),
            Action::OpenExample => State {
                notice: Some(Notice::Info("Aperto l'esempio: Comune di Como, PEG 2024.".into())),
                ..State::como_example()
            },
            Action::Open { name, bytes } => match json::load(&bytes) {
                Ok(plan) => State::replaced(plan, Notice::Info(format!("Aperto il file «{name}»."))),
                Err(e) => self.with_notice(Notice::Error(format!("«{name}»: {e} Il piano sullo schermo non è stato modificato."))),
            },
            Action::OpenFailed { name, reason } => self.with_notice(Notice::Error(format!(
                "Impossibile leggere il file «{name}»: {reason}. Il piano sullo schermo non è stato modificato."
            ))),
            Action::Saved { name } => State { dirty: false, notice: Some(Notice::Info(format!("Salvato come «{name}»."))), ..(*self).clone() },
            Action::DismissNotice => State { notice: None, ..(*self).clone() },
            Action::SetEnteName(name) => self.edited(|p| p.ente.name = name),
            Action::SetYear(text) => self.set_year(text),
            Action::AddObjective { unit } => self.edited(|p| {
                p.add_objective(&unit);
            }),
            Action::RemoveObjective { id } => {
                let mut next = self.edited(|p| p.remove_objective(&id));
                let mut drafts = (*next.drafts).clone();
                drafts.retain(|(o, _), _| *o != id);
                next.drafts = Rc::new(drafts);
                next
            }
            Action::MoveObjective { id, delta } => self.edited(|p| p.move_objective(&id, delta)),
            Action::SetTitle { id, title } => self.edited(|p| p.set_title(&id, &title)),
            Action::SetDescription { id, text } => self.edited(|p| p.set_description(&id, &text)),
            Action::SetScore { id, criterion, text } => self.set_score(id, criterion, text),
            Action::AddUnit { name, level, parent } => self.edited(|p| {
                p.add_unit(&name, level, parent.as_deref());
            }),
            Action::RenameUnit { id, name } => self.edited(|p| p.rename_unit(&id, &name)),
            Action::RemoveUnit { id } => self.edited(|p| p.remove_unit(&id)),
        };
        Rc::new(next)
    }
}
