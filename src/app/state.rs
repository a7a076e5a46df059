//! The one reducer: every user action is an [`Action`], and [`State`] is the
//! plan plus what the interface needs around it (refused entries, the notice
//! banner, whether there are unsaved changes). Numbers are recomputed here,
//! by the model, never in components.

use std::collections::HashMap;
use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

use crate::io::{como_table, csv, json};
use crate::model::achievement::Achievement;
use crate::model::compute::refresh_objective;
use crate::model::decimal::Dec;
use crate::model::diff::{diff_with, other_ente, Diff};
use crate::model::edit::{
    format_named_values, parse_achievement, parse_direct, parse_named_values, parse_score,
    read_number,
};
use crate::model::plan::{AverageRule, DirectWeight, Indicator, Method, Scale, SharedRule};
use crate::model::presets::{new_plan_with, Preset};
use crate::model::review::{has_revisions, validated, Verdict};
use crate::model::validate::{refresh_findings, validate_with};
use crate::model::{compute, Finding, Objective, Plan, Results};
use crate::text::{fill, plain, plural, t};

/// The score-cell key for an objective's directly assigned weight.
pub const DIRECT_CELL: usize = usize::MAX;
/// Score-cell keys from here on are revised scores (`REVISED_CELL + criterion`).
pub const REVISED_CELL: usize = 1 << 20;

/// The numbers on screen, the proposal's, and the findings.
/// Also the plan whose achievements the results on screen use (the
/// validated one in review mode, when revisions exist).
fn derive(plan: &Rc<Plan>, mode: Mode) -> (Rc<Results>, Rc<Results>, Rc<Vec<Finding>>, Rc<Plan>) {
    let (results, proposed, shown_plan) = derive_numbers(plan, mode);
    let findings = Rc::new(validate_with(plan, &proposed));
    (results, proposed, findings, shown_plan)
}

/// The numbers on screen, the proposal's, and the plan they come from (see
/// [`derive`]), without the findings.
fn derive_numbers(plan: &Rc<Plan>, mode: Mode) -> (Rc<Results>, Rc<Results>, Rc<Plan>) {
    let proposed = Rc::new(compute(plan));
    if mode == Mode::Review && has_revisions(plan) {
        let checked = Rc::new(validated(plan));
        (Rc::new(compute(&checked)), proposed, checked)
    } else {
        (proposed.clone(), proposed, plan.clone())
    }
}

/// A score cell whose text is not (or not yet) the plan's value: kept as typed,
/// with the reason it was refused, so that nothing typed is silently dropped.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Draft {
    pub text: String,
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(Said),
    Warning(Said),
    Info(Said),
}

impl Notice {
    /// The same notice in the language now in use, where it can be said again.
    fn said_again(&self) -> Notice {
        match self {
            Notice::Error(s) => Notice::Error(s.again()),
            Notice::Warning(s) => Notice::Warning(s.again()),
            Notice::Info(s) => Notice::Info(s.again()),
        }
    }
}

/// A notice's text, with the way to write it again in another language
/// (the file's error read again, in that language, for a file refused).
/// Said once, it stays as written: a browser's own reason, say.
#[derive(Clone)]
pub struct Said {
    text: String,
    words: Option<Rc<dyn Fn() -> String>>,
}

impl Said {
    /// The text `words` writes now, written again at a change of language.
    pub fn again_with(words: impl Fn() -> String + 'static) -> Said {
        Said {
            text: words(),
            words: Some(Rc::new(words)),
        }
    }

    fn again(&self) -> Said {
        match &self.words {
            Some(words) => Said {
                text: words(),
                words: Some(words.clone()),
            },
            None => self.clone(),
        }
    }
}

impl std::ops::Deref for Said {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<String> for Said {
    fn from(text: String) -> Said {
        Said { text, words: None }
    }
}

impl PartialEq for Said {
    fn eq(&self, other: &Said) -> bool {
        self.text == other.text
    }
}

impl Eq for Said {}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

/// A file refused, with `template`'s `{name}` and `{error}`: in another
/// language, the file is read again (`read`) for its error in that language.
fn refused_file<E: std::fmt::Display>(
    template: fn() -> &'static str,
    name: String,
    read: impl Fn() -> Option<E> + 'static,
) -> Notice {
    Notice::Error(Said::again_with(move || {
        let error = read().map(|e| e.to_string()).unwrap_or_default();
        fill(template(), &[("name", &name), ("error", &error)])
    }))
}

/// What an import did: objectives added from `name`, updated, or both.
fn imported_notice(name: &str, added: usize, updated: usize) -> String {
    let app = &t().app;
    match (added, updated) {
        (n, 0) => fill(
            plural(n, app.notice_imported_one, app.notice_imported_many),
            &[("n", &n), ("name", &name)],
        ),
        (0, n) => fill(
            plural(n, app.notice_updated_one, app.notice_updated_many),
            &[("n", &n), ("name", &name)],
        ),
        (added, updated) => fill(
            app.notice_updated_and_added,
            &[("name", &name), ("updated", &updated), ("added", &added)],
        ),
    }
}

/// The texts kept as typed and accepted, without the refused ones.
fn accepted<K: Clone + Eq + std::hash::Hash>(drafts: &HashMap<K, Draft>) -> Rc<HashMap<K, Draft>> {
    Rc::new(
        drafts
            .iter()
            .filter(|(_, d)| d.error.is_none())
            .map(|(k, d)| (k.clone(), d.clone()))
            .collect(),
    )
}

/// The field a score is typed into, as the history names it.
fn score_field(id: &str, criterion: usize) -> String {
    format!("score:{id}:{criterion}")
}

/// The field a direct weight is typed into, as the history names it.
fn direct_field(id: &str) -> String {
    format!("direct:{id}")
}

/// The field a comment of the review is typed into, as the history names it.
fn review_comment_field(id: &str, criterion: Option<usize>) -> String {
    match criterion {
        Some(c) => format!("review-comment:{id}:{c}"),
        None => format!("review-comment:{id}"),
    }
}

/// `text`, typed into `field`, kept in `drafts` where the plan holds it
/// otherwise (`held`: a comment is kept trimmed), so that the field does not
/// lose the space before the next word; else the field shows the plan's.
fn keep_as_typed(
    drafts: &mut HashMap<String, Draft>,
    field: String,
    text: String,
    held: Option<String>,
) {
    if held.is_some_and(|held| held != text) {
        drafts.insert(field, Draft { text, error: None });
    } else {
        drafts.remove(&field);
    }
}

/// The field a decision on an achievement is typed into, if it is typed
/// (its comment, its revised value) rather than chosen (its verdict).
fn achievement_review_field(
    id: &str,
    verdict: Option<Verdict>,
    comment: bool,
    revised: bool,
) -> Option<String> {
    match (verdict, comment, revised) {
        (None, true, false) => Some(format!("achievement-comment:{id}")),
        (None, false, true) => Some(format!("achievement-revised:{id}")),
        _ => None,
    }
}

/// Plans to go back and forth to: every edit is undoable, at least 100 steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub undo: Vec<Rc<Plan>>,
    pub redo: Vec<Rc<Plan>>,
    /// The field the last edit typed into: keystrokes in one field are one step.
    last_field: Option<String>,
    /// How many steps of `undo` are out of reach: those before the last
    /// switch between Proposta and Verifica. The Nucleo's undo never changes
    /// the dirigente's proposal, nor the dirigente's the Nucleo's decisions.
    floor: usize,
    /// The last action was a typed entry refused: undo takes it away first.
    refused_last: bool,
}

/// How many steps are kept.
pub const HISTORY_LIMIT: usize = 200;

impl History {
    fn after_edit(&self, previous: Rc<Plan>, field: Option<String>) -> History {
        let mut next = self.clone();
        if field.is_none() || field != self.last_field || next.undo.is_empty() {
            next.undo.push(previous);
            if next.undo.len() > HISTORY_LIMIT {
                next.undo.remove(0);
                next.floor = next.floor.saturating_sub(1);
            }
        }
        next.redo.clear();
        next.last_field = field;
        next.refused_last = false;
        next
    }

    /// The same steps, none of them within reach of undo or redo: the
    /// history as a switch of mode leaves it.
    fn sealed(&self) -> History {
        History {
            undo: self.undo.clone(),
            floor: self.undo.len(),
            ..History::default()
        }
    }
}

/// A file being imported, shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    /// Objectives from a CSV file or cells pasted from a spreadsheet; with
    /// the units it names that the plan lacks, once the user chose to add them.
    Csv {
        name: String,
        /// Shared by the panel's states: a choice made in it is not a new preview.
        preview: Rc<csv::Preview>,
        adding_units: Option<Rc<AddingUnits>>,
        /// What the rows whose objectives are already there do.
        existing: csv::Existing,
    },
    /// The Como weighting table as published, with its questions answered.
    Como {
        name: String,
        table: como_table::ComoTable,
        choices: Vec<como_table::DuplicateChoice>,
    },
}

/// A comparison with another file: its name and plan, and the changes from
/// it to the plan on screen, as the mode reads them.
#[derive(Debug, PartialEq)]
pub struct Comparing {
    pub name: String,
    pub other: Rc<Plan>,
    /// The other plan's numbers as the mode reads them, worked out once.
    other_numbers: (Mode, Rc<Results>),
    pub diff: Diff,
    /// The other file's ente and year, when they are not the plan's: the
    /// comparison is then of two different plans, and says so.
    pub elsewhere: Option<(String, i32)>,
}

impl Comparing {
    fn new(name: String, other: Rc<Plan>, state: &State) -> Comparing {
        let other_numbers = match state.mode {
            Mode::Proposal => compute(&other),
            Mode::Review => compute(&validated(&other)),
        };
        Comparing::with_numbers(name, other, (state.mode, Rc::new(other_numbers)), state)
    }

    /// The same file compared with `state`'s plan: the other's numbers are
    /// worked out again only for another mode, the plan's are the state's.
    fn again(&self, state: &State) -> Comparing {
        if self.other_numbers.0 != state.mode {
            return Comparing::new(self.name.clone(), self.other.clone(), state);
        }
        Comparing::with_numbers(
            self.name.clone(),
            self.other.clone(),
            self.other_numbers.clone(),
            state,
        )
    }

    fn with_numbers(
        name: String,
        other: Rc<Plan>,
        other_numbers: (Mode, Rc<Results>),
        state: &State,
    ) -> Comparing {
        // In Verifica the numbers on screen are the validated plan's.
        let (numbers, validated) = match state.mode {
            Mode::Proposal => (&state.proposed, false),
            Mode::Review => (&state.results, true),
        };
        let diff = diff_with(&other, &state.plan, &other_numbers.1, numbers, validated);
        // Debug builds check it against the comparison worked out whole.
        #[cfg(debug_assertions)]
        if state.plan.objectives.len() <= 2_000 {
            let whole = if validated {
                crate::model::diff::diff_validated(&other, &state.plan)
            } else {
                crate::model::diff::diff(&other, &state.plan)
            };
            debug_assert!(whole == diff, "the comparison differs from the whole one");
        }
        let elsewhere = other_ente(&other, &state.plan);
        Comparing {
            name,
            other,
            other_numbers,
            diff,
            elsewhere,
        }
    }
}

/// Units an import adds: the preview read before (its `missing_units`),
/// and the plan with them, whose unit names the new preview shows. The
/// import adds them again to the plan as it is when confirmed.
#[derive(Clone, Debug, PartialEq)]
pub struct AddingUnits {
    pub before: csv::Preview,
    pub plan: Plan,
    /// The units added, those the rows name and the higher ones they need.
    pub added: Vec<csv::UnitPath>,
}

/// Whose achievement an edit is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AchievementOf {
    Objective(String),
    Organisational(String),
}

impl AchievementOf {
    /// The key of its refused text in `grid_drafts`.
    pub fn field(&self) -> String {
        match self {
            AchievementOf::Objective(id) => format!("achievement-{id}"),
            AchievementOf::Organisational(id) => format!("achievement-org-{id}"),
        }
    }
}

/// Who is working on the plan: the dirigente proposing, or the Nucleo verifying.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Proposal,
    Review,
}

#[derive(Clone, Debug)]
pub struct State {
    pub plan: Rc<Plan>,
    /// The numbers on screen: the validated ones in review mode (revised
    /// scores in place of proposed ones), the proposed ones otherwise.
    pub results: Rc<Results>,
    /// The numbers of the proposal as the dirigente made it.
    pub proposed: Rc<Results>,
    /// The plan the numbers on screen come from: `plan`, or in review mode
    /// the plan with the Nucleo's revised scores and achievements.
    pub shown_plan: Rc<Plan>,
    pub mode: Mode,
    /// The name the reviewer typed, recorded with each decision.
    pub reviewer: String,
    pub findings: Rc<Vec<Finding>>,
    /// Keyed by (objective id, criterion index).
    pub drafts: Rc<HashMap<(String, usize), Draft>>,
    /// The year field when it does not hold a valid year.
    pub year_draft: Option<Draft>,
    /// Grid fields holding text that was refused, keyed by field
    /// (`types`, `levels-2`, `range-0`).
    pub grid_drafts: Rc<HashMap<String, Draft>>,
    /// The scale each criterion left when switched between a range and
    /// levels (by criterion id), given back when it is switched back.
    pub left_scales: Rc<HashMap<String, Scale>>,
    pub notice: Option<Notice>,
    /// Changes since the last save or open.
    pub dirty: bool,
    /// The plan as last saved to a file or opened, when known: undoing or
    /// redoing back to it leaves nothing unsaved.
    pub saved_plan: Option<Rc<Plan>>,
    pub history: Rc<History>,
    /// The import waiting for confirmation.
    pub import: Option<Rc<Import>>,
    /// What screen readers hear after an edit: the numbers it changed.
    pub announcement: String,
    /// Whether achievements and weighted results are shown.
    pub show_results: bool,
    /// Another file compared with the plan on screen, compared again at
    /// every change of the plan or of the mode.
    pub comparison: Option<Rc<Comparing>>,
    /// Grows by one at every change of the plan (for autosave and effects).
    pub revision: u64,
    /// Grows by one at every plan opened (a file, the example, a new plan):
    /// the page draws its top first, then the rest.
    pub opening: u64,
    /// The findings of a plan just opened are not worked out yet: its
    /// numbers come on screen first. `Action::CheckPlan`, which the page
    /// sends once that frame is painted, or any other action works them out.
    pub findings_pending: bool,
}

/// Equal when it is the same state: every shared part the same allocation
/// (the reducer makes a new one for whatever changes), the rest equal. A
/// component given the state then compares a few pointers, not the plan's
/// ten thousand objectives one by one.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Rc<T>, b: &Rc<T>) -> bool {
            Rc::ptr_eq(a, b)
        }
        fn same_opt<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        // Every field, by name: a new one does not compile until it is here.
        let State {
            plan,
            results,
            proposed,
            shown_plan,
            mode,
            reviewer,
            findings,
            drafts,
            year_draft,
            grid_drafts,
            left_scales,
            notice,
            dirty,
            saved_plan,
            history,
            import,
            announcement,
            show_results,
            comparison,
            revision,
            opening,
            findings_pending,
        } = self;
        same(plan, &other.plan)
            && same(results, &other.results)
            && same(proposed, &other.proposed)
            && same(shown_plan, &other.shown_plan)
            && same(findings, &other.findings)
            && same(drafts, &other.drafts)
            && same(grid_drafts, &other.grid_drafts)
            && same(left_scales, &other.left_scales)
            && same(history, &other.history)
            && same_opt(import, &other.import)
            && same_opt(comparison, &other.comparison)
            && *mode == other.mode
            && *reviewer == other.reviewer
            && *year_draft == other.year_draft
            && *notice == other.notice
            && *dirty == other.dirty
            && same_opt(saved_plan, &other.saved_plan)
            && *announcement == other.announcement
            && *show_results == other.show_results
            && *revision == other.revision
            && *opening == other.opening
            && *findings_pending == other.findings_pending
    }
}

pub enum Action {
    /// Works out the findings of a plan just opened (see `State::findings_pending`).
    CheckPlan,
    /// The interface's language: findings are written again in it.
    SetLanguage(crate::text::Lang),
    New {
        year: i32,
        preset: Preset,
    },
    OpenExample,
    /// A file's bytes, read by the browser.
    Open {
        name: String,
        bytes: Vec<u8>,
    },
    /// The browser could not read the file at all.
    OpenFailed {
        name: String,
        reason: String,
    },
    Saved {
        name: String,
    },
    DismissNotice,
    SetEnteName(String),
    SetYear(String),
    AddObjective {
        unit: String,
    },
    RemoveObjective {
        id: String,
    },
    MoveObjective {
        id: String,
        delta: isize,
    },
    SetTitle {
        id: String,
        title: String,
    },
    SetDescription {
        id: String,
        text: String,
    },
    SetScore {
        id: String,
        criterion: usize,
        text: String,
    },
    /// A score picked from a list (level scales): `None` clears it.
    PickScore {
        id: String,
        criterion: usize,
        points: Option<Dec>,
    },
    SetKind {
        id: String,
        kind: Option<String>,
    },
    SetDirect {
        id: String,
        text: String,
    },
    /// The user left a field they typed into (a score, a weight, a comment
    /// or revision of the review): what they type there next is a new step
    /// for undo, and a new entry, whose refusal goes back to the value the
    /// field has now.
    FieldLeft,
    ToggleSharedUnit {
        id: String,
        unit: String,
    },
    AddSharedObjective,
    SetGridName(String),
    /// The hierarchy's levels from text: `Area; Settore`.
    SetLevelLabels(String),
    SetMethod(Method),
    SetAverageRule(AverageRule),
    SetSharedRule(SharedRule),
    AddCriterion,
    RenameCriterion {
        criterion: usize,
        name: String,
        short: String,
    },
    MoveCriterion {
        criterion: usize,
        delta: isize,
    },
    RemoveCriterion {
        criterion: usize,
    },
    /// Range criterion from typed min, max and step.
    SetRange {
        criterion: usize,
        min: String,
        max: String,
        step: String,
    },
    /// The achievement bands from their two typed thresholds; both empty removes them.
    SetBands {
        zero_below: String,
        full_from: String,
    },
    /// A criterion scored on levels (`true`) or on a range: the scale it had
    /// of that kind before in this session comes back, else a default.
    SwitchScale {
        criterion: usize,
        levels: bool,
    },
    /// Level criterion from text: `Bassa = 1; Media = 2; Alta = 3`.
    SetLevels {
        criterion: usize,
        text: String,
    },
    /// Objective types from text: `Mantenimento = 1; Sviluppo = 1,5` (empty: none).
    SetTypes {
        text: String,
    },
    AddOrgObjective,
    SetOrgTitle {
        id: String,
        title: String,
    },
    AddIndicator {
        id: String,
    },
    SetIndicator {
        id: String,
        index: usize,
        name: Option<String>,
        target: Option<String>,
    },
    RemoveIndicator {
        id: String,
        index: usize,
    },
    RemoveOrgObjective {
        id: String,
    },
    AddSecretaryObjective,
    SetSecretaryTitle {
        id: String,
        title: String,
    },
    RemoveSecretaryObjective {
        id: String,
    },
    Undo,
    Redo,
    /// A second file to compare with the plan on screen.
    Compare {
        name: String,
        bytes: Vec<u8>,
    },
    CloseComparison,
    ShowResults(bool),
    /// Another tab of Pesatura in this browser autosaved its plan over this one's.
    AutosavedElsewhere,
    /// A CSV file to preview for import.
    ImportCsv {
        name: String,
        bytes: Vec<u8>,
    },
    /// An Excel workbook's first sheet, read by the Excel worker (or why it
    /// could not be), to preview for import like a CSV.
    ImportSheet {
        name: String,
        sheet: Result<crate::io::xlsx::Sheet, csv::CsvError>,
    },
    /// Cells pasted from a spreadsheet, for `unit` when they name none.
    PasteCells {
        text: String,
        unit: String,
    },
    /// The Como table as published (tab-separated text) to preview.
    ImportComoTable {
        name: String,
        bytes: Vec<u8>,
    },
    ChooseDuplicate {
        index: usize,
        choice: como_table::DuplicateChoice,
    },
    /// Add to the import the units its file names that the plan lacks.
    AddImportUnits,
    /// Whether the import updates the objectives its rows name that are
    /// already in their units, or adds them again.
    SetImportExisting(csv::Existing),
    ConfirmImport,
    CancelImport,
    /// An achievement typed for an objective or an organisational objective:
    /// `mode` is `percent`, `higher` or `lower`; `first` the percentage or the
    /// target, `second` the actual value; both empty clear it.
    SetAchievement {
        target: AchievementOf,
        mode: String,
        first: String,
        second: String,
    },
    SetMode(Mode),
    SetReviewer(String),
    /// A verdict on an objective (`criterion` `None`) or one of its scores.
    ReviewVerdict {
        id: String,
        criterion: Option<usize>,
        verdict: Verdict,
    },
    ReviewComment {
        id: String,
        criterion: Option<usize>,
        text: String,
    },
    /// A revised score, typed: empty withdraws the revision.
    ReviewRevise {
        id: String,
        criterion: usize,
        text: String,
    },
    /// A decision on an objective's achievement: its verdict, comment, or
    /// revised percentage (typed; empty withdraws the revision).
    ReviewAchievement {
        id: String,
        verdict: Option<Verdict>,
        comment: Option<String>,
        revised: Option<String>,
    },
    /// The plan autosaved in the browser, given back after a reload.
    Restore {
        plan: Plan,
        saved_at: String,
        dirty: bool,
    },
    AddUnit {
        name: String,
        level: usize,
        parent: Option<String>,
    },
    RenameUnit {
        id: String,
        name: String,
    },
    RemoveUnit {
        id: String,
    },
    /// A unit placed under another (`None`: at the top).
    MoveUnit {
        id: String,
        parent: Option<String>,
    },
}

/// A handle on the state that never makes a component re-render by itself:
/// a component given one re-renders only when its other props change (see
/// `ObjectivesTable`'s fingerprint), and then reads the current state.
#[derive(Clone)]
pub struct Latest(pub UseReducerHandle<State>);

impl PartialEq for Latest {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl State {
    /// A fingerprint of everything a table of objectives shows: when it is
    /// unchanged, the table need not render again.
    /// In Verifica with no reviewer's name: decisions wait for one, since
    /// each is recorded with it.
    pub fn unsigned(&self) -> bool {
        self.mode == Mode::Review && self.reviewer.trim().is_empty()
    }

    pub fn table_fingerprint(&self, group: &crate::model::compute::Group) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = crate::app::fingerprint::Fingerprint::default();
        group.hash(&mut h);
        (self.mode == Mode::Review).hash(&mut h);
        self.unsigned().hash(&mut h);
        self.show_results.hash(&mut h);
        self.plan.grid.hash(&mut h);
        self.plan.ente.levels.hash(&mut h);
        self.plan.units.len().hash(&mut h);
        for m in &group.members {
            let o = &self.plan.objectives[m.objective];
            o.hash(&mut h);
            self.results.objectives[m.objective].hash(&mut h);
            self.proposed.objectives[m.objective].points.hash(&mut h);
            self.shown_plan.objectives[m.objective]
                .achievement
                .hash(&mut h);
            // Refused entries are few: look them up only when there are some.
            if !self.drafts.is_empty() {
                for c in 0..self.plan.grid.criteria.len() {
                    self.drafts.get(&(o.id.clone(), c)).hash(&mut h);
                    self.drafts
                        .get(&(o.id.clone(), REVISED_CELL + c))
                        .hash(&mut h);
                }
                self.drafts.get(&(o.id.clone(), DIRECT_CELL)).hash(&mut h);
            }
            if !self.grid_drafts.is_empty() {
                self.grid_drafts
                    .get(&format!("achievement-{}", o.id))
                    .hash(&mut h);
                self.grid_drafts
                    .get(&format!("achievement-review-{}", o.id))
                    .hash(&mut h);
                self.grid_drafts
                    .get(&format!("achievement-comment:{}", o.id))
                    .hash(&mut h);
                self.grid_drafts
                    .get(&review_comment_field(&o.id, None))
                    .hash(&mut h);
                for c in 0..self.plan.grid.criteria.len() {
                    self.grid_drafts
                        .get(&review_comment_field(&o.id, Some(c)))
                        .hash(&mut h);
                }
            }
        }
        h.finish()
    }

    pub fn new(plan: Plan) -> State {
        let plan = Rc::new(plan);
        let (results, proposed, findings, shown_plan) = derive(&plan, Mode::Proposal);
        State::from_parts(plan, results, proposed, findings, shown_plan)
    }

    /// A fresh state (proposal mode, no history) of a plan and what is derived from it.
    fn from_parts(
        plan: Rc<Plan>,
        results: Rc<Results>,
        proposed: Rc<Results>,
        findings: Rc<Vec<Finding>>,
        shown_plan: Rc<Plan>,
    ) -> State {
        State {
            saved_plan: Some(plan.clone()),
            plan,
            results,
            proposed,
            shown_plan,
            mode: Mode::Proposal,
            reviewer: String::new(),
            findings,
            drafts: Rc::default(),
            year_draft: None,
            grid_drafts: Rc::default(),
            left_scales: Rc::default(),
            notice: None,
            dirty: false,
            history: Rc::default(),
            comparison: None,
            import: None,
            announcement: String::new(),
            show_results: false,
            revision: 0,
            opening: 0,
            findings_pending: false,
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.undo.len() > self.history.floor || self.history.refused_last
    }

    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// Whether `plan` is the plan as last saved or opened.
    fn is_saved(&self, plan: &Rc<Plan>) -> bool {
        self.saved_plan
            .as_ref()
            .is_some_and(|saved| Rc::ptr_eq(saved, plan))
    }

    /// Moves one step back (`back`) or forward in the history.
    fn travel(&self, back: bool) -> State {
        // What was typed and refused last never reached the plan: undoing it
        // is taking it away, the fields showing their values again, and
        // nothing more.
        if back && self.history.refused_last {
            return State {
                drafts: accepted(&self.drafts),
                grid_drafts: accepted(&self.grid_drafts),
                year_draft: self.year_draft.clone().filter(|d| d.error.is_none()),
                history: Rc::new(History {
                    refused_last: false,
                    ..(*self.history).clone()
                }),
                dirty: !self.is_saved(&self.plan),
                ..self.clone()
            };
        }
        if back && self.history.undo.len() <= self.history.floor {
            return self.clone();
        }
        let mut history = (*self.history).clone();
        let target = if back {
            history.undo.pop()
        } else {
            history.redo.pop()
        };
        let Some(plan) = target else {
            return self.clone();
        };
        if back {
            history.redo.push(self.plan.clone());
        } else {
            history.undo.push(self.plan.clone());
        }
        history.last_field = None;
        let dirty = !self.is_saved(&plan);
        let (results, proposed, findings, shown_plan) = derive(&plan, self.mode);
        State {
            results,
            proposed,
            findings,
            shown_plan,
            plan,
            drafts: Rc::default(),
            grid_drafts: Rc::default(),
            year_draft: None,
            notice: None,
            dirty,
            history: Rc::new(history),
            revision: self.revision + 1,
            ..self.clone()
        }
    }

    fn with_mode(&self, mode: Mode) -> State {
        if mode == self.mode {
            return self.clone(); // the numbers already are this mode's
        }
        let (results, proposed, findings, shown_plan) = derive(&self.plan, mode);
        let this = self.without_typed_review_texts();
        let this = this.as_ref().unwrap_or(self);
        State {
            mode,
            results,
            proposed,
            findings,
            shown_plan,
            history: Rc::new(self.history.sealed()),
            // An import waiting for confirmation would change the proposal:
            // Verifica drops it.
            import: if mode == Mode::Review {
                None
            } else {
                self.import.clone()
            },
            ..this.clone()
        }
    }

    /// The time and the reviewer's name a decision is logged with.
    fn stamp(&self) -> (String, String) {
        let now = js_sys::Date::new_0();
        let at = format!(
            "{}-{:02}-{:02} {:02}:{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date(),
            now.get_hours(),
            now.get_minutes()
        );
        (at, self.reviewer.clone())
    }

    /// A review decision, stamped with the reviewer's name and the time. One
    /// that changes nothing (a comment given a trailing space, a revision
    /// equal to the proposal) leaves this state as it is: no step for undo,
    /// nothing unsaved.
    fn reviewed(&self, edit: impl FnOnce(&mut Plan, &str, &str)) -> State {
        let (at, by) = self.stamp();
        let mut plan = (*self.plan).clone();
        edit(&mut plan, &at, &by);
        if plan == *self.plan {
            return self.clone();
        }
        self.edited(|p| *p = plan)
    }

    /// A decision typed key by key (a comment, a revised value), made on the
    /// plan from before the run of keystrokes in `field`: the run is one
    /// decision in the log, as it is one step for undo, and a run that ends
    /// where it began is no decision at all.
    fn reviewed_typed(&self, field: &str, edit: impl FnOnce(&mut Plan, &str, &str)) -> State {
        let Some(earlier) = self.before_typing(field).cloned() else {
            return self.reviewed(edit);
        };
        let (at, by) = self.stamp();
        let mut plan = (*earlier).clone();
        edit(&mut plan, &at, &by);
        let base = State {
            plan: earlier.clone(),
            ..self.clone()
        };
        if plan == *earlier {
            // The numbers worked out again for the plan from before the
            // run, which is then the plan itself.
            let mut next = base.edited(|_| {});
            next.back_to(&earlier);
            next
        } else {
            base.edited(|p| *p = plan)
        }
    }

    /// This state with `text`, typed into `field`, kept as typed where the
    /// plan holds it otherwise (see [`keep_as_typed`]).
    fn typed_as(self, field: String, text: String, held: Option<String>) -> State {
        let mut drafts = (*self.grid_drafts).clone();
        keep_as_typed(&mut drafts, field, text, held);
        State {
            grid_drafts: Rc::new(drafts),
            ..self
        }
    }

    /// The text of a comment field of the review: as typed while it differs
    /// from the comment kept; `criterion` `None` for the objective's own.
    pub fn review_comment_text(&self, objective: usize, criterion: Option<usize>) -> String {
        let o = &self.plan.objectives[objective];
        if let Some(d) = self
            .grid_drafts
            .get(&review_comment_field(&o.id, criterion))
        {
            return d.text.clone();
        }
        match criterion {
            Some(c) => o
                .review
                .score(c)
                .map(|s| s.comment.clone())
                .unwrap_or_default(),
            None => o.review.comment.clone(),
        }
    }

    /// The text of the comment field on an objective's achievement, as
    /// [`State::review_comment_text`].
    pub fn achievement_comment_text(&self, objective: usize) -> String {
        let o = &self.plan.objectives[objective];
        match self
            .grid_drafts
            .get(&format!("achievement-comment:{}", o.id))
        {
            Some(d) => d.text.clone(),
            None => o.review.achievement.comment.clone(),
        }
    }

    /// This state without the review's typed texts kept as typed (a comment
    /// with its trailing space, a revision written `7,0` or equal to the
    /// proposal): once the field is left, or the mode switched, each field
    /// shows what the plan holds. Refused texts stay, with their reason.
    fn without_typed_review_texts(&self) -> Option<State> {
        let typed = |d: &Draft| d.error.is_none();
        let review_cell = |k: &(String, usize)| (REVISED_CELL..DIRECT_CELL).contains(&k.1);
        let review_field = |k: &str| {
            k.starts_with("review-comment:")
                || k.starts_with("achievement-comment:")
                || k.starts_with("achievement-review-")
        };
        let any = self.drafts.iter().any(|(k, d)| review_cell(k) && typed(d))
            || self
                .grid_drafts
                .iter()
                .any(|(k, d)| review_field(k) && typed(d));
        any.then(|| {
            let mut drafts = (*self.drafts).clone();
            drafts.retain(|k, d| !(review_cell(k) && typed(d)));
            let mut grid_drafts = (*self.grid_drafts).clone();
            grid_drafts.retain(|k, d| !(review_field(k) && typed(d)));
            State {
                drafts: Rc::new(drafts),
                grid_drafts: Rc::new(grid_drafts),
                ..self.clone()
            }
        })
    }

    /// A decision typed and refused: the value from before the run of
    /// keystrokes in `field` counts, as a refused score leaves the score
    /// from before (typed key by key, `12` in a field of 0 to 10 is first an
    /// accepted `1`).
    fn typed_refused(&self, field: &str) -> State {
        match self.before_typing(field) {
            Some(_) => self.reviewed_typed(field, |_, _, _| {}),
            None => self.clone(),
        }
    }

    /// A decision on an achievement: a verdict chosen, or a comment or a
    /// revised percentage typed (kept as typed while it reads as the value).
    fn review_achievement(
        &self,
        id: String,
        verdict: Option<Verdict>,
        comment: Option<String>,
        revised: Option<String>,
    ) -> State {
        let draft_key = format!("achievement-review-{id}");
        let typed = achievement_review_field(&id, verdict, comment.is_some(), revised.is_some());
        let parsed = match revised.as_deref() {
            None => Ok(None),
            Some(text) => parse_achievement("percent", text, "").map(|a| {
                Some(a.and_then(|a| match a {
                    Achievement::Percent(p) => Some(p),
                    Achievement::Indicator { .. } => None,
                }))
            }),
        };
        let mut drafts = (*self.grid_drafts).clone();
        let next = match parsed {
            Ok(value) => {
                let edit = |p: &mut Plan, at: &str, by: &str| {
                    p.review_achievement(&id, verdict, comment.as_deref(), value, at, by)
                };
                let next = match &typed {
                    Some(field) => self.reviewed_typed(field, edit),
                    None => self.reviewed(edit),
                };
                // As for a revised score: what was typed stays on screen
                // where the plan holds it otherwise; a verdict that
                // withdraws the revision empties the field, and any other
                // decision leaves the field as it is, refused text included.
                let held = next
                    .plan
                    .objective_index(&id)
                    .map(|i| next.plan.objectives[i].review.achievement.clone());
                let withdrawn = verdict.is_some_and(|v| v != Verdict::Contested);
                if revised.is_some() || withdrawn {
                    drafts.remove(&draft_key);
                }
                let revised_held = held.as_ref().and_then(|a| a.revised);
                if let Some(text) =
                    revised.filter(|t| t.trim() != revised_held.map(plain).unwrap_or_default())
                {
                    drafts.insert(draft_key, Draft { text, error: None });
                }
                // A comment, kept as typed as the other comments are.
                if let Some(text) = comment {
                    let field = format!("achievement-comment:{id}");
                    keep_as_typed(&mut drafts, field, text, held.map(|a| a.comment));
                }
                next
            }
            Err(error) => {
                let text = revised.unwrap_or_default();
                drafts.insert(
                    draft_key,
                    Draft {
                        text,
                        error: Some(error),
                    },
                );
                match &typed {
                    Some(field) => self.typed_refused(field),
                    None => self.clone(),
                }
            }
        };
        State {
            grid_drafts: Rc::new(drafts),
            ..next
        }
    }

    fn revise(&self, id: String, criterion: usize, text: String) -> State {
        let Some(c) = self.plan.grid.criteria.get(criterion) else {
            return self.clone();
        };
        let key = (id.clone(), REVISED_CELL + criterion);
        let field = format!("revised:{id}:{criterion}");
        let mut drafts = (*self.drafts).clone();
        match parse_score(&text, c) {
            Ok(value) => {
                let next = self.reviewed_typed(&field, |p, at, by| {
                    p.review_revise(&id, criterion, value, at, by)
                });
                // The field keeps what was typed where the plan holds it
                // otherwise: `7,0`, or the proposal's own value, which is no
                // revision.
                let held = next
                    .plan
                    .objective_index(&id)
                    .and_then(|i| next.plan.objectives[i].review.score(criterion)?.revised);
                drafts.remove(&key);
                if text.trim() != held.map(plain).unwrap_or_default() {
                    drafts.insert(key, Draft { text, error: None });
                }
                State {
                    drafts: Rc::new(drafts),
                    ..next
                }
            }
            Err(error) => {
                drafts.insert(
                    key,
                    Draft {
                        text,
                        error: Some(error),
                    },
                );
                State {
                    drafts: Rc::new(drafts),
                    ..self.typed_refused(&field)
                }
            }
        }
    }

    fn set_achievement(
        &self,
        target: AchievementOf,
        mode: &str,
        first: String,
        second: String,
    ) -> State {
        let text = format!("{mode}|{first}|{second}");
        let parsed = parse_achievement(mode, &first, &second);
        let field = target.field();
        // An indicator chosen but not yet filled in keeps its choice on screen.
        let keep = matches!(parsed, Ok(None)) && mode != "percent";
        let mut next = match (target, parsed) {
            // One objective's achievement: its numbers and findings stay, as
            // `grid_field` it clears the field's refused text and the drafts.
            (AchievementOf::Objective(id), Ok(value)) => {
                let mut grid_drafts = (*self.grid_drafts).clone();
                grid_drafts.remove(&field);
                State {
                    grid_drafts: Rc::new(grid_drafts),
                    drafts: Rc::default(),
                    ..self.edited_objective(&id, |p, i| p.objectives[i].achievement = value)
                }
            }
            (target, parsed) => self.grid_field(field.clone(), text.clone(), move |p| {
                let value = parsed?;
                match &target {
                    AchievementOf::Objective(id) => {
                        if let Some(i) = p.objective_index(id) {
                            p.objectives[i].achievement = value;
                        }
                    }
                    AchievementOf::Organisational(id) => {
                        p.edit_org_objective(id, |o| o.achievement = value)
                    }
                }
                Ok(())
            }),
        };
        if keep {
            let mut drafts = (*next.grid_drafts).clone();
            drafts.insert(field, Draft { text, error: None });
            next.grid_drafts = Rc::new(drafts);
        }
        next
    }

    fn preview_import(&self, name: String, preview: Result<csv::Preview, csv::CsvError>) -> State {
        match preview {
            Ok(preview) => State {
                import: Some(Rc::new(Import::Csv {
                    name,
                    preview: Rc::new(preview),
                    adding_units: None,
                    existing: csv::Existing::default(),
                })),
                notice: None,
                ..self.clone()
            },
            Err(e) => self.with_notice(Notice::Error(
                fill(
                    t().app.notice_file_refused,
                    &[("name", &name), ("error", &e)],
                )
                .into(),
            )),
        }
    }

    /// This state with the numbers an edit of objective `id` changed, in words.
    fn announced(mut self, id: &str) -> State {
        let Some(i) = self.proposed.objective_index(&self.plan, id) else {
            return self;
        };
        let o = &self.plan.objectives[i];
        let texts = &t().app;
        let points = self.results.objectives[i]
            .points
            .map_or(texts.announce_incomplete.to_string(), crate::text::points);
        let unit = self.plan.unit_index(&o.unit);
        let weight = unit
            .and_then(|u| self.results.units[u].weight_of(i))
            .map(|w| {
                fill(
                    texts.announce_weight,
                    &[("weight", &crate::text::number(w, 2))],
                )
            });
        let average = unit
            .and_then(|u| self.results.units[u].own.stats.average.map(|a| (u, a)))
            .map(|(u, a)| {
                fill(
                    texts.announce_average,
                    &[
                        ("unit", &self.plan.unit_label(&self.plan.units[u])),
                        ("average", &crate::text::number(a, 2)),
                    ],
                )
            });
        self.announcement = fill(
            texts.announce_total,
            &[
                ("points", &points),
                ("weight", &weight.unwrap_or_default()),
                ("average", &average.unwrap_or_default()),
            ],
        );
        self
    }

    /// The text of a revised-score field.
    pub fn revised_text(&self, objective: usize, criterion: usize) -> String {
        let o = &self.plan.objectives[objective];
        if let Some(d) = self.drafts.get(&(o.id.clone(), REVISED_CELL + criterion)) {
            return d.text.clone();
        }
        o.review
            .score(criterion)
            .and_then(|r| r.revised)
            .map(plain)
            .unwrap_or_default()
    }

    /// The Como example (`model::example`) as the app starts with it: like a
    /// plan just opened, its numbers first, its findings once its first
    /// screen is painted.
    pub fn como_example() -> State {
        let plan = Rc::new(crate::model::example::como_2024());
        let (results, proposed, shown_plan) = derive_numbers(&plan, Mode::Proposal);
        State {
            findings_pending: true,
            ..State::from_parts(plan, results, proposed, Rc::default(), shown_plan)
        }
    }

    /// This state with an edited plan, numbers and findings recomputed.
    fn edited(&self, edit: impl FnOnce(&mut Plan)) -> State {
        let mut plan = (*self.plan).clone();
        edit(&mut plan);
        let plan = Rc::new(plan);
        let (results, proposed, findings, shown_plan) = derive(&plan, self.mode);
        State {
            results,
            proposed,
            findings,
            shown_plan,
            plan,
            dirty: true,
            ..self.clone()
        }
    }

    /// An edit of one objective alone (its scores, type, direct weight,
    /// title, description or achievement): the numbers and findings of this
    /// state brought up to date for that objective, the tables it counts in
    /// and the units above them, instead of worked out again for the whole
    /// plan as [`State::edited`] does. `edit` gets the objective's index.
    fn edited_objective(&self, id: &str, edit: impl FnOnce(&mut Plan, usize)) -> State {
        let Some(i) = self.proposed.objective_index(&self.plan, id) else {
            return self.edited(|_| {}); // no such objective: nothing to edit, as `edited` would find
        };
        let mut plan = (*self.plan).clone();
        edit(&mut plan, i);
        let plan = Rc::new(plan);
        let (before, after) = (&self.plan.objectives[i], &plan.objectives[i]);
        // What numbers and findings read of an objective; its description,
        // achievement and review change neither.
        let reads_alike = before.title == after.title
            && before.scores == after.scores
            && before.kind == after.kind
            && before.direct == after.direct;
        let (proposed, findings) = if reads_alike {
            (self.proposed.clone(), self.findings.clone())
        } else {
            let mut proposed = (*self.proposed).clone();
            refresh_objective(&plan, &mut proposed, i);
            let mut findings = (*self.findings).clone();
            refresh_findings(&plan, &proposed, &mut findings, i);
            (Rc::new(proposed), Rc::new(findings))
        };
        let (results, shown_plan) = if self.mode == Mode::Review && has_revisions(&plan) {
            // The numbers on screen are the validated plan's, which differs
            // from the previous one in this objective alone, and there not
            // at all unless the Nucleo revised one of its values.
            let revised = |o: &Objective| {
                o.review.achievement.revised.is_some()
                    || o.review.scores.iter().any(|s| s.revised.is_some())
            };
            if revised(before) || revised(after) || Rc::ptr_eq(&self.shown_plan, &self.plan) {
                let checked = Rc::new(validated(&plan));
                (Rc::new(compute(&checked)), checked)
            } else {
                let mut shown = (*self.shown_plan).clone();
                shown.objectives[i] = after.clone();
                let results = if Rc::ptr_eq(&proposed, &self.proposed) {
                    self.results.clone()
                } else {
                    let mut results = (*self.results).clone();
                    refresh_objective(&shown, &mut results, i);
                    Rc::new(results)
                };
                (results, Rc::new(shown))
            }
        } else {
            (proposed.clone(), plan.clone())
        };
        // Debug builds check the refresh against the full computation (on
        // plans small enough for that to stay quick).
        #[cfg(debug_assertions)]
        if plan.objectives.len() <= 2_000 {
            let (full_results, full_proposed, full_findings, full_shown) = derive(&plan, self.mode);
            debug_assert!(
                *full_proposed == *proposed,
                "refreshed numbers differ from the full computation"
            );
            debug_assert!(
                *full_findings == *findings,
                "refreshed findings differ from the full validation"
            );
            debug_assert!(
                *full_results == *results && *full_shown == *shown_plan,
                "refreshed validated numbers differ"
            );
        }
        State {
            results,
            proposed,
            findings,
            shown_plan,
            plan,
            dirty: true,
            ..self.clone()
        }
    }

    /// An edit of the grid's structure: score cells are re-read from the plan.
    /// An edit that takes their weight from objectives that had one (a range
    /// narrowed, a step that skips their scores, a criterion turned to levels,
    /// types switched on) says how many, and that undo brings them back.
    fn grid_edited(&self, edit: impl FnOnce(&mut Plan)) -> State {
        let next = State {
            drafts: Rc::default(),
            ..self.edited(edit)
        };
        let weighed = |r: &Results| r.objectives.iter().filter(|o| o.points.is_some()).count();
        let (before, after) = (weighed(&self.proposed), weighed(&next.proposed));
        // «N objectives …», in the language on screen when it is shown.
        let counted = |n: usize, one: fn() -> &'static str, many: fn() -> &'static str| {
            Said::again_with(move || fill(plural(n, one(), many()), &[("n", &n)]))
        };
        match before.saturating_sub(after) {
            // Weights given back (a criterion removed again, a range
            // widened): said, in place of the warning that they had gone.
            0 if after > before => next.with_notice(Notice::Info(counted(
                after - before,
                || t().app.notice_grid_weights_back_one,
                || t().app.notice_grid_weights_back_many,
            ))),
            0 => next,
            lost => next.with_notice(Notice::Warning(counted(
                lost,
                || t().app.notice_grid_lost_weights_one,
                || t().app.notice_grid_lost_weights_many,
            ))),
        }
    }

    /// A grid field's text: the refused text if any, else `current`.
    pub fn grid_text(&self, field: &str, current: impl FnOnce() -> String) -> String {
        self.grid_drafts
            .get(field)
            .map_or_else(current, |d| d.text.clone())
    }

    pub fn grid_error(&self, field: &str) -> Option<&str> {
        self.grid_drafts.get(field).and_then(|d| d.error.as_deref())
    }

    /// How many fields hold typed text that was refused (shown in red), whose
    /// value the plan, and so a saved file, does not have.
    pub fn refused_fields(&self) -> usize {
        let refused = |d: &Draft| d.error.is_some();
        self.drafts.values().filter(|d| refused(d)).count()
            + self.grid_drafts.values().filter(|d| refused(d)).count()
            + self.year_draft.iter().filter(|d| refused(d)).count()
    }

    /// Applies a grid edit that may refuse its text, keeping the text and the
    /// reason when it does.
    fn grid_field(
        &self,
        field: String,
        text: String,
        edit: impl FnOnce(&mut Plan) -> Result<(), String>,
    ) -> State {
        let mut plan = (*self.plan).clone();
        let mut grid_drafts = (*self.grid_drafts).clone();
        match edit(&mut plan) {
            Ok(()) => {
                grid_drafts.remove(&field);
                State {
                    grid_drafts: Rc::new(grid_drafts),
                    ..self.grid_edited(|p| *p = plan)
                }
            }
            Err(error) => {
                grid_drafts.insert(
                    field,
                    Draft {
                        text,
                        error: Some(error),
                    },
                );
                State {
                    grid_drafts: Rc::new(grid_drafts),
                    ..self.clone()
                }
            }
        }
    }

    /// The text of the levels field of criterion `c`.
    pub fn levels_text(&self, c: usize) -> String {
        self.grid_text(&format!("levels-{c}"), || {
            match self.plan.grid.criteria.get(c).map(|c| &c.scale) {
                Some(Scale::Levels(levels)) => {
                    format_named_values(levels.iter().map(|l| (l.name.as_str(), l.points)))
                }
                _ => String::new(),
            }
        })
    }

    pub fn types_text(&self) -> String {
        self.grid_text("types", || {
            format_named_values(
                self.plan
                    .grid
                    .types
                    .iter()
                    .map(|t| (t.name.as_str(), t.factor)),
            )
        })
    }

    /// The text of an objective's direct weight cell.
    pub fn direct_text(&self, objective: usize) -> String {
        let o = &self.plan.objectives[objective];
        if let Some(d) = self.drafts.get(&(o.id.clone(), DIRECT_CELL)) {
            return d.text.clone();
        }
        match o.direct {
            Some(DirectWeight::Percent(p)) => plain(p),
            Some(DirectWeight::Prerequisite) => "X".into(),
            None => String::new(),
        }
    }

    fn set_direct(&self, id: String, text: String) -> State {
        let mut drafts = (*self.drafts).clone();
        let key = (id.clone(), DIRECT_CELL);
        match parse_direct(&text) {
            Ok(weight) => {
                drafts.remove(&key);
                let canonical = match weight {
                    Some(DirectWeight::Percent(p)) => plain(p),
                    Some(DirectWeight::Prerequisite) => "X".into(),
                    None => String::new(),
                };
                if text.trim() != canonical {
                    drafts.insert(key, Draft { text, error: None });
                }
                State {
                    drafts: Rc::new(drafts),
                    ..self.edited_objective(&id, |p, i| p.set_direct_at(i, weight))
                }
                .announced(&id)
            }
            Err(error) => {
                drafts.insert(
                    key,
                    Draft {
                        text,
                        error: Some(error),
                    },
                );
                let field = direct_field(&id);
                self.refused_entry(&id, &field, drafts, |o| o.direct, Plan::set_direct_at)
            }
        }
    }

    /// A typed entry refused: its text and reason kept in `drafts`, and the
    /// field's value (`value`) as it was before `field` was typed into `set`
    /// back in the plan, so that "the value from before" is what counts and
    /// what a save writes. Typed key by key,
    /// `11` in a field of 0 to 10 is first `1`, accepted: without this, the
    /// refused `11` would leave that `1` counted, a number the field does
    /// not show.
    fn refused_entry<T: PartialEq>(
        &self,
        id: &str,
        field: &str,
        drafts: HashMap<(String, usize), Draft>,
        value: impl Fn(&Objective) -> T,
        set: impl FnOnce(&mut Plan, usize, T),
    ) -> State {
        let before = self.before_typing(field).and_then(|plan| {
            let then = value(&plan.objectives[plan.objective_index(id)?]);
            let now = self.proposed.objective_index(&self.plan, id)?;
            (then != value(&self.plan.objectives[now])).then_some(then)
        });
        let next = match before {
            Some(then) => {
                let mut next = self.edited_objective(id, |p, i| set(p, i, then));
                // The run of keystrokes is taken back whole: the plan is the
                // one from before it, itself, which the history then counts
                // as no step (nothing to redo).
                if let Some(earlier) = self.before_typing(field).filter(|p| ***p == *next.plan) {
                    next.back_to(earlier);
                }
                next
            }
            None => self.clone(),
        };
        State {
            drafts: Rc::new(drafts),
            ..next
        }
    }

    /// Makes `earlier`, a plan equal to this state's, its plan itself: the
    /// history then counts the run of keystrokes that led here as no step,
    /// and a plan as saved is saved again.
    fn back_to(&mut self, earlier: &Rc<Plan>) {
        if Rc::ptr_eq(&self.shown_plan, &self.plan) {
            self.shown_plan = earlier.clone();
        }
        self.plan = earlier.clone();
        self.dirty = !self.is_saved(earlier);
    }

    /// The plan before the run of keystrokes in `field` that is going on,
    /// if the last edit was typed into it.
    fn before_typing(&self, field: &str) -> Option<&Rc<Plan>> {
        let history = &self.history;
        if history.last_field.as_deref() != Some(field) || history.undo.len() <= history.floor {
            return None;
        }
        history.undo.last()
    }

    fn set_range(&self, c: usize, min: String, max: String, step: String) -> State {
        let text = format!("{min};{max};{step}");
        let parsed = (|| {
            let texts = &t().app;
            Ok::<_, String>((
                read_number(texts.field_minimum, &min)?,
                read_number(texts.field_maximum, &max)?,
                read_number(texts.field_step, &step)?,
            ))
        })();
        self.grid_field(format!("range-{c}"), text, move |p| {
            let (min, max, step) = parsed?;
            p.set_range(c, min, max, step)
        })
    }

    /// Scores criterion `c` on levels or on a range: the scale of that kind
    /// it left before comes back, else a default (the default levels, or a
    /// range over the levels' points). The scale it leaves is kept, and any
    /// refused text in its editor, no longer shown, is dropped.
    fn switch_scale(&self, c: usize, to_levels: bool) -> State {
        let Some(criterion) = self.plan.grid.criteria.get(c) else {
            return self.clone();
        };
        if matches!(criterion.scale, Scale::Levels(_)) == to_levels {
            return self.clone();
        }
        let back = self
            .left_scales
            .get(&criterion.id)
            .filter(|s| matches!(s, Scale::Levels(_)) == to_levels)
            .cloned();
        let mut left_scales = (*self.left_scales).clone();
        left_scales.insert(criterion.id.clone(), criterion.scale.clone());
        let mut grid_drafts = (*self.grid_drafts).clone();
        grid_drafts.remove(&format!("range-{c}"));
        grid_drafts.remove(&format!("levels-{c}"));
        let this = State {
            grid_drafts: Rc::new(grid_drafts),
            ..self.clone()
        };
        let next = match back {
            Some(Scale::Levels(levels)) => {
                let levels = levels.into_iter().map(|l| (l.name, l.points)).collect();
                this.grid_field(format!("levels-{c}"), String::new(), move |p| {
                    p.set_levels(c, levels)
                })
            }
            Some(Scale::Range { min, max, step }) => {
                this.grid_field(format!("range-{c}"), String::new(), move |p| {
                    p.set_range(c, min, max, step)
                })
            }
            None if to_levels => {
                let text = t().panels.grid_default_levels.to_string();
                let parsed = parse_named_values(&text);
                this.grid_field(format!("levels-{c}"), text, move |p| {
                    p.set_levels(c, parsed?)
                })
            }
            None => {
                let (min, max) = (criterion.min(), criterion.max());
                this.grid_field(format!("range-{c}"), String::new(), move |p| {
                    p.set_range(c, min, max, Dec::from_int(1))
                })
            }
        };
        State {
            left_scales: Rc::new(left_scales),
            ..next
        }
    }

    fn set_bands(&self, zero_below: String, full_from: String) -> State {
        let text = format!("{zero_below};{full_from}");
        let parsed = if zero_below.trim().is_empty() && full_from.trim().is_empty() {
            Ok(None)
        } else {
            let texts = &t().app;
            read_number(
                texts.field_zero_below,
                zero_below.trim().trim_end_matches('%'),
            )
            .and_then(|z| {
                read_number(
                    texts.field_full_from,
                    full_from.trim().trim_end_matches('%'),
                )
                .map(|f| Some((z, f)))
            })
        };
        self.grid_field("bands".into(), text, move |p| p.set_bands(parsed?))
    }

    /// The two threshold fields of the achievement bands, as typed or as the grid has them.
    pub fn bands_text(&self) -> (String, String) {
        let text = self.grid_text("bands", || match self.plan.grid.bands {
            Some(b) => format!("{};{}", plain(b.zero_below), plain(b.full_from)),
            None => ";".into(),
        });
        let (zero_below, full_from) = text.split_once(';').unwrap_or((&text, ""));
        (zero_below.to_string(), full_from.to_string())
    }

    /// Another plan in place of this one, the view's choices (the results
    /// columns) and the reviewer's name kept.
    fn replaced(&self, plan: Plan, notice: Notice) -> State {
        State {
            notice: Some(notice),
            show_results: self.show_results,
            reviewer: self.reviewer.clone(),
            ..State::new(plan)
        }
    }

    /// A plan opened in place of this one, in the same mode, by the same reviewer.
    fn opened(&self, plan: Plan, notice: Notice) -> State {
        let plan = Rc::new(plan);
        let (results, proposed, shown_plan) = derive_numbers(&plan, self.mode);
        State {
            reviewer: self.reviewer.clone(),
            notice: Some(notice),
            opening: self.opening + 1,
            mode: self.mode,
            show_results: self.show_results,
            findings_pending: true,
            ..State::from_parts(plan, results, proposed, Rc::default(), shown_plan)
        }
    }

    /// This state with its findings worked out, if they are pending.
    fn checked(&self) -> State {
        if !self.findings_pending {
            return self.clone();
        }
        State {
            findings: Rc::new(validate_with(&self.plan, &self.proposed)),
            findings_pending: false,
            ..self.clone()
        }
    }

    fn with_notice(&self, notice: impl Into<Notice>) -> State {
        State {
            notice: Some(notice.into()),
            ..self.clone()
        }
    }

    /// The text a score cell shows: the refused entry if there is one, else the value.
    pub fn cell_text(&self, objective: usize, criterion: usize) -> String {
        let o = &self.plan.objectives[objective];
        if let Some(d) = self.drafts.get(&(o.id.clone(), criterion)) {
            return d.text.clone();
        }
        o.scores
            .get(criterion)
            .copied()
            .flatten()
            .map(plain)
            .unwrap_or_default()
    }

    /// What is wrong with a score cell: the entry refused, or a score kept
    /// from before that the grid, changed since, no longer admits (a step of
    /// 1 after 4,5 was typed at a step of 0,5).
    pub fn score_error(&self, objective: usize, criterion: usize) -> Option<String> {
        let o = &self.plan.objectives[objective];
        if let Some(error) = self.cell_error(&o.id, criterion) {
            return Some(error.to_string());
        }
        let score = o.scores.get(criterion).copied().flatten()?;
        let c = self.plan.grid.criteria.get(criterion)?;
        if c.admits(score) {
            return None;
        }
        crate::model::validate::score_problem(score, c)
    }

    pub fn cell_error(&self, objective_id: &str, criterion: usize) -> Option<&str> {
        self.drafts
            .get(&(objective_id.to_string(), criterion))
            .and_then(|d| d.error.as_deref())
    }

    fn set_score(&self, id: String, criterion: usize, text: String) -> State {
        let Some(c) = self.plan.grid.criteria.get(criterion) else {
            return self.clone();
        };
        let mut drafts = (*self.drafts).clone();
        let key = (id.clone(), criterion);
        match parse_score(&text, c) {
            Ok(score) => {
                let canonical = score.map(plain).unwrap_or_default();
                if text.trim() == canonical {
                    drafts.remove(&key);
                } else {
                    drafts.insert(key, Draft { text, error: None });
                }
                let mut next =
                    self.edited_objective(&id, |p, i| p.set_score_at(i, criterion, score));
                next.drafts = Rc::new(drafts);
                next
            }
            Err(error) => {
                drafts.insert(
                    key,
                    Draft {
                        text,
                        error: Some(error),
                    },
                );
                let field = score_field(&id, criterion);
                self.refused_entry(
                    &id,
                    &field,
                    drafts,
                    |o| o.scores.get(criterion).copied().flatten(),
                    |p, i, score| p.set_score_at(i, criterion, score),
                )
            }
        }
    }

    /// The state in `lang`: findings written again, and the reasons of the
    /// refused entries on screen (scores, revised scores, direct weights, the
    /// year) read again in the new language; the announcement of the last
    /// edit, in the old one, goes.
    fn in_language(&self, lang: crate::text::Lang) -> State {
        crate::text::set_lang(lang);
        let (results, proposed, findings, shown_plan) = derive(&self.plan, self.mode);
        let reason = |cell: usize, text: &str| -> Option<String> {
            match cell {
                DIRECT_CELL => parse_direct(text).err(),
                c => {
                    let criterion = self.plan.grid.criteria.get(c % REVISED_CELL)?;
                    parse_score(text, criterion).err()
                }
            }
        };
        let drafts = self
            .drafts
            .iter()
            .map(|((id, cell), draft)| {
                let error = draft
                    .error
                    .as_ref()
                    .and_then(|_| reason(*cell, &draft.text));
                let text = draft.text.clone();
                ((id.clone(), *cell), Draft { text, error })
            })
            .collect();
        let next = State {
            results,
            proposed,
            findings,
            shown_plan,
            drafts: Rc::new(drafts),
            announcement: String::new(),
            notice: self.notice.as_ref().map(Notice::said_again),
            ..self.clone()
        };
        match &self.year_draft {
            Some(Draft {
                text,
                error: Some(_),
            }) => next.set_year(text.clone()),
            _ => next,
        }
    }

    fn set_year(&self, text: String) -> State {
        match text.trim().parse::<i32>() {
            Ok(year) if (1990..=2200).contains(&year) => {
                let mut next = self.edited(|p| p.ente.year = year);
                next.year_draft = None;
                next
            }
            _ => {
                let typed = text.trim();
                let error = if typed.is_empty() {
                    t().app.year_missing.to_string()
                } else {
                    fill(t().app.year_invalid, &[("text", &typed)])
                };
                // As for a refused score: the year from before the run of
                // keystrokes counts again (`2024` typed on the way to a
                // refused `20245` does not), and it is that plan itself.
                let next = match self.before_typing("ente-year") {
                    Some(earlier) if earlier.ente.year != self.plan.ente.year => {
                        let year = earlier.ente.year;
                        let mut next = self.edited(|p| p.ente.year = year);
                        if **earlier == *next.plan {
                            next.back_to(earlier);
                        }
                        next
                    }
                    _ => self.clone(),
                };
                State {
                    year_draft: Some(Draft {
                        error: Some(error),
                        text,
                    }),
                    ..next
                }
            }
        }
    }
}

impl Action {
    /// Whether the action changes the proposal: the ente, the grid, the
    /// units, the objectives, their scores and achievements. The Nucleo
    /// verifies the proposal as the dirigente made it, so in Verifica these
    /// are refused; listed the other way round, so that a new action counts
    /// as a change until it is said otherwise.
    fn edits_proposal(&self) -> bool {
        !matches!(
            self,
            Action::CheckPlan
                | Action::SetLanguage(_)
                | Action::New { .. }
                | Action::OpenExample
                | Action::Open { .. }
                | Action::OpenFailed { .. }
                | Action::Saved { .. }
                | Action::DismissNotice
                | Action::Undo
                | Action::Redo
                | Action::Compare { .. }
                | Action::CloseComparison
                | Action::ShowResults(_)
                | Action::AutosavedElsewhere
                | Action::ChooseDuplicate { .. }
                | Action::AddImportUnits
                | Action::SetImportExisting(_)
                | Action::CancelImport
                | Action::SetMode(_)
                | Action::SetReviewer(_)
                | Action::ReviewVerdict { .. }
                | Action::ReviewComment { .. }
                | Action::ReviewRevise { .. }
                | Action::ReviewAchievement { .. }
                | Action::Restore { .. }
                | Action::FieldLeft
        )
    }

    /// Whether the action is a decision of the Nucleo, logged with the
    /// reviewer's name.
    fn is_review_decision(&self) -> bool {
        matches!(
            self,
            Action::ReviewVerdict { .. }
                | Action::ReviewComment { .. }
                | Action::ReviewRevise { .. }
                | Action::ReviewAchievement { .. }
        )
    }

    /// The field a typing action edits: successive keystrokes in one field
    /// are undone together.
    fn typed_field(&self) -> Option<String> {
        match self {
            Action::SetEnteName(_) => Some("ente-name".into()),
            Action::SetYear(_) => Some("ente-year".into()),
            Action::SetTitle { id, .. } => Some(format!("title:{id}")),
            Action::SetScore { id, criterion, .. } => Some(score_field(id, *criterion)),
            Action::SetDirect { id, .. } => Some(direct_field(id)),
            Action::RenameUnit { id, .. } => Some(format!("unit-name:{id}")),
            Action::ReviewComment { id, criterion, .. } => {
                Some(review_comment_field(id, *criterion))
            }
            Action::ReviewRevise { id, criterion, .. } => Some(format!("revised:{id}:{criterion}")),
            Action::ReviewAchievement {
                id,
                verdict,
                comment,
                revised,
            } => achievement_review_field(id, *verdict, comment.is_some(), revised.is_some()),
            _ => None,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    /// The action, then the comparison with another file, if one is open,
    /// made again when the plan or the mode changed.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let before = self.clone();
        let next = self.apply(action);
        match &next.comparison {
            Some(c) if !Rc::ptr_eq(&next.plan, &before.plan) || next.mode != before.mode => {
                let comparing = c.again(&next);
                Rc::new(State {
                    comparison: Some(Rc::new(comparing)),
                    ..(*next).clone()
                })
            }
            _ => next,
        }
    }
}

impl State {
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        if self.findings_pending && !matches!(action, Action::CheckPlan) {
            return Rc::new(self.checked()).apply(action);
        }
        if self.mode == Mode::Review && action.edits_proposal() {
            return Rc::new(self.with_notice(Notice::Warning(Said::again_with(|| {
                t().app.notice_review_locked.into()
            }))));
        }
        if self.unsigned() && action.is_review_decision() {
            return Rc::new(self.with_notice(Notice::Warning(Said::again_with(|| {
                t().app.notice_review_unsigned.into()
            }))));
        }
        let field = action.typed_field();
        // The plan autosaved before a reload is where its history starts:
        // nothing before it (the example the page opened with) to undo.
        let restoring = matches!(action, Action::Restore { .. });
        let mut next = match action {
            Action::New { year, preset } => self.replaced(
                new_plan_with(year, preset),
                Notice::Info(Said::again_with(move || {
                    fill(t().app.notice_new_plan, &[("method", &preset.label())])
                })),
            ),
            Action::OpenExample => State {
                notice: Some(Notice::Info(Said::again_with(|| {
                    t().app.notice_example.into()
                }))),
                // Drawn as a plan opened: its findings at the last frame.
                opening: self.opening + 1,
                show_results: self.show_results,
                reviewer: self.reviewer.clone(),
                ..State::como_example()
            },
            Action::Open { name, bytes } => match json::load_checked(&bytes) {
                Ok((plan, json::Integrity::ModifiedOutside)) => self.opened(
                    plan,
                    Notice::Warning(Said::again_with(move || {
                        fill(t().app.notice_opened_modified, &[("name", &name)])
                    })),
                ),
                Ok((plan, _)) => self.opened(
                    plan,
                    Notice::Info(Said::again_with(move || {
                        fill(t().app.notice_opened, &[("name", &name)])
                    })),
                ),
                Err(_) => self.with_notice(refused_file(
                    || t().app.notice_file_refused,
                    name,
                    move || json::load(&bytes).err(),
                )),
            },
            // The browser's reason is said as the browser gave it.
            Action::OpenFailed { name, reason } => {
                self.with_notice(Notice::Error(Said::again_with(move || {
                    fill(
                        t().app.notice_read_failed,
                        &[("name", &name), ("reason", &reason)],
                    )
                })))
            }
            Action::Saved { name } => {
                // What was typed and refused is not in the file: say so, and
                // the plan stays unsaved until it is corrected.
                let refused = self.refused_fields();
                let notice = if refused == 0 {
                    Notice::Info(Said::again_with(move || {
                        fill(t().app.notice_saved, &[("name", &name)])
                    }))
                } else {
                    Notice::Warning(Said::again_with(move || {
                        fill(
                            plural(
                                refused,
                                t().app.notice_saved_refused_one,
                                t().app.notice_saved_refused_many,
                            ),
                            &[("name", &name), ("n", &refused)],
                        )
                    }))
                };
                State {
                    dirty: refused > 0,
                    // The file holds the plan; the refused entries make it unsaved.
                    saved_plan: Some(self.plan.clone()),
                    notice: Some(notice),
                    ..(*self).clone()
                }
            }
            Action::DismissNotice => State {
                notice: None,
                ..(*self).clone()
            },
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
            Action::SetTitle { id, title } => {
                self.edited_objective(&id, |p, i| p.set_title_at(i, &title))
            }
            Action::SetDescription { id, text } => {
                self.edited_objective(&id, |p, i| p.set_description_at(i, &text))
            }
            Action::SetScore {
                id,
                criterion,
                text,
            } => self.set_score(id.clone(), criterion, text).announced(&id),
            Action::AddUnit {
                name,
                level,
                parent,
            } => self.edited(|p| {
                p.add_unit(&name, level, parent.as_deref());
            }),
            Action::RenameUnit { id, name } => self.edited(|p| p.rename_unit(&id, &name)),
            Action::RemoveUnit { id } => self.edited(|p| p.remove_unit(&id)),
            Action::MoveUnit { id, parent } => {
                let mut plan = (*self.plan).clone();
                if plan.move_unit(&id, parent.as_deref()) && plan != *self.plan {
                    self.edited(|p| *p = plan)
                } else {
                    (*self).clone()
                }
            }
            Action::PickScore {
                id,
                criterion,
                points,
            } => {
                let mut next =
                    self.edited_objective(&id, |p, i| p.set_score_at(i, criterion, points));
                let mut drafts = (*next.drafts).clone();
                drafts.remove(&(id.clone(), criterion));
                next.drafts = Rc::new(drafts);
                next.announced(&id)
            }
            Action::SetKind { id, kind } => self
                .edited_objective(&id, |p, i| p.set_kind_at(i, kind.as_deref()))
                .announced(&id),
            Action::SetDirect { id, text } => self.set_direct(id, text),
            Action::ToggleSharedUnit { id, unit } => {
                let shared = |s: &State| {
                    s.plan
                        .objective_index(&id)
                        .map(|i| s.plan.objectives[i].is_shared())
                };
                let was = shared(&self);
                let mut next = self.edited(|p| p.toggle_shared_unit(&id, &unit));
                // Shared or no longer shared, the objective moves to another
                // table: say where.
                if let Some(now) = shared(&next).filter(|now| Some(*now) != was) {
                    let text = if now {
                        match next.plan.grid.shared {
                            SharedRule::Separate => fill(
                                t().app.notice_now_shared,
                                &[("table", &t().panels.units_shared_title)],
                            ),
                            SharedRule::EachUnit => t().app.notice_now_shared_each.to_string(),
                        }
                    } else {
                        let i = next.plan.objective_index(&id).unwrap_or_default();
                        let lead = next.plan.unit_index(&next.plan.objectives[i].unit);
                        fill(
                            t().app.notice_no_longer_shared,
                            &[(
                                "unit",
                                &lead
                                    .map(|u| next.plan.unit_label(&next.plan.units[u]))
                                    .unwrap_or_default(),
                            )],
                        )
                    };
                    next.announcement = text.clone();
                    next.notice = Some(Notice::Info(text.into()));
                }
                next
            }
            Action::AddSharedObjective => self.edited(|p| {
                let bottom = p.ente.levels.len().saturating_sub(1);
                let units: Vec<String> = p
                    .units
                    .iter()
                    .filter(|u| u.level == bottom)
                    .take(2)
                    .map(|u| u.id.clone())
                    .collect();
                if units.len() == 2 {
                    p.add_shared_objective(&units);
                }
            }),
            Action::SetGridName(name) => self.edited(|p| p.grid.name = name),
            Action::SetLevelLabels(text) => {
                let labels = text.split([';', '>', '→']).map(str::to_string).collect();
                self.grid_field("ente-levels".into(), text, move |p| {
                    p.set_level_labels(labels)
                })
            }
            Action::SetMethod(method) => self.grid_edited(|p| p.set_method(method)),
            Action::SetAverageRule(rule) => self.edited(|p| p.set_average_rule(rule)),
            Action::SetSharedRule(rule) => self.edited(|p| p.set_shared_rule(rule)),
            Action::AddCriterion => self.grid_edited(|p| {
                p.add_criterion(t().app.new_criterion);
            }),
            Action::RenameCriterion {
                criterion,
                name,
                short,
            } => self.edited(|p| p.rename_criterion(criterion, &name, &short)),
            Action::MoveCriterion { criterion, delta } => State {
                grid_drafts: Rc::default(),
                ..self.grid_edited(|p| p.move_criterion(criterion, delta))
            },
            Action::RemoveCriterion { criterion } => {
                let mut left_scales = (*self.left_scales).clone();
                if let Some(gone) = self.plan.grid.criteria.get(criterion) {
                    left_scales.remove(&gone.id);
                }
                State {
                    grid_drafts: Rc::default(),
                    left_scales: Rc::new(left_scales),
                    ..self.grid_edited(|p| p.remove_criterion(criterion))
                }
            }
            Action::SetRange {
                criterion,
                min,
                max,
                step,
            } => self.set_range(criterion, min, max, step),
            Action::SetBands {
                zero_below,
                full_from,
            } => self.set_bands(zero_below, full_from),
            Action::SwitchScale { criterion, levels } => self.switch_scale(criterion, levels),
            Action::SetLevels { criterion, text } => {
                let parsed = parse_named_values(&text);
                self.grid_field(format!("levels-{criterion}"), text, move |p| {
                    p.set_levels(criterion, parsed?)
                })
            }
            Action::SetTypes { text } => {
                let parsed = if text.trim().is_empty() {
                    Ok(Vec::new())
                } else {
                    parse_named_values(&text)
                };
                self.grid_field("types".into(), text, move |p| p.set_types(parsed?))
            }
            Action::AddOrgObjective => self.edited(|p| {
                p.add_org_objective();
            }),
            Action::SetOrgTitle { id, title } => {
                self.edited(|p| p.edit_org_objective(&id, |o| o.title = title))
            }
            Action::AddIndicator { id } => self.edited(|p| {
                p.edit_org_objective(&id, |o| {
                    o.indicators.push(Indicator {
                        name: String::new(),
                        target: String::new(),
                    })
                })
            }),
            Action::SetIndicator {
                id,
                index,
                name,
                target,
            } => self.edited(|p| {
                p.edit_org_objective(&id, |o| {
                    if let Some(i) = o.indicators.get_mut(index) {
                        if let Some(name) = name {
                            i.name = name;
                        }
                        if let Some(target) = target {
                            i.target = target;
                        }
                    }
                })
            }),
            Action::RemoveIndicator { id, index } => self.edited(|p| {
                p.edit_org_objective(&id, |o| {
                    if index < o.indicators.len() {
                        o.indicators.remove(index);
                    }
                })
            }),
            Action::RemoveOrgObjective { id } => self.edited(|p| p.remove_org_objective(&id)),
            Action::AddSecretaryObjective => self.edited(|p| {
                p.add_secretary_objective();
            }),
            Action::SetSecretaryTitle { id, title } => {
                self.edited(|p| p.set_secretary_title(&id, &title))
            }
            Action::RemoveSecretaryObjective { id } => {
                self.edited(|p| p.remove_secretary_objective(&id))
            }
            // The plan on screen itself, untouched (the example, autosaved
            // as the page opened): nothing came back, nothing to say.
            Action::Restore { plan, dirty, .. } if !dirty && plan == *self.plan && !self.dirty => {
                return self;
            }
            Action::Restore {
                plan,
                saved_at,
                dirty,
            } => {
                let restored = self.replaced(
                    plan,
                    Notice::Info(Said::again_with(move || {
                        if saved_at.is_empty() {
                            t().app.notice_restored.to_string()
                        } else {
                            let saved_at = crate::text::moment(&saved_at);
                            fill(t().app.notice_restored_at, &[("saved_at", &saved_at)])
                        }
                    })),
                );
                State {
                    dirty,
                    // Unsaved changes came back: the file they differ from is not here.
                    saved_plan: if dirty {
                        None
                    } else {
                        restored.saved_plan.clone()
                    },
                    ..restored
                }
            }
            Action::Compare { name, bytes } => match json::load(&bytes) {
                Ok(other) => State {
                    comparison: Some(Rc::new(Comparing::new(name.clone(), Rc::new(other), &self))),
                    notice: Some(Notice::Info(Said::again_with(move || {
                        fill(t().app.notice_comparing, &[("name", &name)])
                    }))),
                    ..(*self).clone()
                },
                Err(_) => self.with_notice(refused_file(
                    || t().app.notice_compare_refused,
                    name,
                    move || json::load(&bytes).err(),
                )),
            },
            Action::CloseComparison => State {
                comparison: None,
                ..(*self).clone()
            },
            Action::AutosavedElsewhere => {
                self.with_notice(Notice::Warning(Said::again_with(|| {
                    t().app.notice_autosaved_elsewhere.to_string()
                })))
            }
            Action::ShowResults(show) => State {
                show_results: show,
                ..(*self).clone()
            },
            Action::SetLanguage(lang) => self.in_language(lang),
            Action::CheckPlan => self.checked(),
            Action::ImportCsv { name, bytes } => match csv::preview(&bytes, &self.plan) {
                Err(_) => {
                    let plan = self.plan.clone();
                    self.with_notice(refused_file(
                        || t().app.notice_file_refused,
                        name,
                        move || csv::preview(&bytes, &plan).err(),
                    ))
                }
                preview => self.preview_import(name, preview),
            },
            Action::ImportSheet { name, sheet } => self.preview_import(
                name,
                sheet.and_then(|sheet| crate::io::xlsx::preview_sheet(&sheet, &self.plan)),
            ),
            Action::PasteCells { text, unit } => {
                match csv::preview_for_unit(text.as_bytes(), &self.plan, &unit) {
                    Err(_) => {
                        let plan = self.plan.clone();
                        self.with_notice(Notice::Error(Said::again_with(move || {
                            let error = csv::preview_for_unit(text.as_bytes(), &plan, &unit)
                                .err()
                                .map(|e| e.of_pasted_cells())
                                .unwrap_or_default();
                            fill(t().app.notice_pasted_refused, &[("error", &error)])
                        })))
                    }
                    preview => self.preview_import(t().app.pasted_cells.into(), preview),
                }
            }
            Action::ImportComoTable { name, bytes } => match como_table::read(&bytes) {
                Ok(table) => {
                    let choices =
                        vec![como_table::DuplicateChoice::KeepFirst; table.duplicates.len()];
                    State {
                        import: Some(Rc::new(Import::Como {
                            name,
                            table,
                            choices,
                        })),
                        notice: None,
                        ..(*self).clone()
                    }
                }
                Err(_) => self.with_notice(refused_file(
                    || t().app.notice_file_refused,
                    name,
                    move || como_table::read(&bytes).err(),
                )),
            },
            Action::ChooseDuplicate { index, choice } => match self.import.as_deref() {
                Some(Import::Como {
                    name,
                    table,
                    choices,
                }) => {
                    let mut choices = choices.clone();
                    if let Some(slot) = choices.get_mut(index) {
                        *slot = choice;
                    }
                    State {
                        import: Some(Rc::new(Import::Como {
                            name: name.clone(),
                            table: table.clone(),
                            choices,
                        })),
                        ..(*self).clone()
                    }
                }
                _ => (*self).clone(),
            },
            Action::AddImportUnits => match self.import.as_deref() {
                Some(Import::Csv {
                    name,
                    preview,
                    adding_units,
                    existing,
                }) if !preview.missing_units.is_empty() => {
                    // Read again with units added, the file may name more
                    // (in "Comune a"): those join the ones chosen before.
                    let before = match adding_units {
                        Some(adding) => {
                            let mut before = adding.before.clone();
                            before
                                .missing_units
                                .extend(preview.missing_units.iter().cloned());
                            before
                        }
                        None => (**preview).clone(),
                    };
                    match before.adding_units(&self.plan) {
                        Ok(with) => State {
                            import: Some(Rc::new(Import::Csv {
                                name: name.clone(),
                                preview: Rc::new(with.preview),
                                adding_units: Some(Rc::new(AddingUnits {
                                    before,
                                    plan: with.plan,
                                    added: with.added,
                                })),
                                existing: *existing,
                            })),
                            ..(*self).clone()
                        },
                        Err(e) => self.with_notice(Notice::Error(
                            fill(
                                t().app.notice_file_refused,
                                &[("name", name), ("error", &e)],
                            )
                            .into(),
                        )),
                    }
                }
                _ => (*self).clone(),
            },
            Action::SetImportExisting(choice) => match self.import.as_deref() {
                Some(Import::Csv {
                    name,
                    preview,
                    adding_units,
                    ..
                }) => State {
                    import: Some(Rc::new(Import::Csv {
                        name: name.clone(),
                        preview: preview.clone(),
                        adding_units: adding_units.clone(),
                        existing: choice,
                    })),
                    ..(*self).clone()
                },
                _ => (*self).clone(),
            },
            Action::ConfirmImport => match self.import.as_deref() {
                Some(Import::Csv {
                    name,
                    preview,
                    adding_units,
                    existing,
                }) => {
                    // With units to add, they are added to the plan as it is
                    // now, and the file read against it once more.
                    let read = match adding_units {
                        Some(a) => a
                            .before
                            .adding_units(&self.plan)
                            .map(|with| (Some(with.plan), with.preview)),
                        None => Ok((None, (**preview).clone())),
                    };
                    match read {
                        Ok((with_units, rows)) => {
                            let mut applied = csv::Applied::default();
                            let next = self.edited(|p| {
                                if let Some(plan) = with_units {
                                    *p = plan;
                                }
                                applied = csv::apply(p, &rows, *existing);
                            });
                            let (added, updated) = (applied.added.len(), applied.updated.len());
                            let name = name.clone();
                            State {
                                import: None,
                                notice: Some(Notice::Info(Said::again_with(move || {
                                    imported_notice(&name, added, updated)
                                }))),
                                ..next
                            }
                        }
                        Err(e) => self.with_notice(Notice::Error(
                            fill(
                                t().app.notice_file_refused,
                                &[("name", name), ("error", &e)],
                            )
                            .into(),
                        )),
                    }
                }
                Some(Import::Como {
                    name,
                    table,
                    choices,
                }) => {
                    let name = name.clone();
                    let notice = Notice::Info(Said::again_with(move || {
                        fill(t().app.notice_como_opened, &[("name", &name)])
                    }));
                    State {
                        import: None,
                        dirty: true,
                        // Read from a table, not from a Pesatura file: nothing saved yet.
                        saved_plan: None,
                        ..self.opened(table.plan(choices), notice)
                    }
                }
                None => (*self).clone(),
            },
            Action::CancelImport => State {
                import: None,
                ..(*self).clone()
            },
            Action::SetAchievement {
                target,
                mode,
                first,
                second,
            } => self.set_achievement(target, &mode, first, second),
            Action::SetMode(mode) => self.with_mode(mode),
            Action::SetReviewer(name) => State {
                reviewer: name,
                ..(*self).clone()
            },
            Action::ReviewVerdict {
                id,
                criterion,
                verdict,
            } => {
                let next =
                    self.reviewed(|p, at, by| p.review_verdict(&id, criterion, verdict, at, by));
                // A verdict other than contested withdraws the score's
                // revision: its field is emptied, whatever was typed there.
                match criterion.filter(|_| verdict != Verdict::Contested) {
                    Some(c) => {
                        let mut drafts = (*next.drafts).clone();
                        drafts.remove(&(id.clone(), REVISED_CELL + c));
                        State {
                            drafts: Rc::new(drafts),
                            ..next
                        }
                    }
                    None => next,
                }
            }
            Action::ReviewComment {
                id,
                criterion,
                text,
            } => {
                let field = review_comment_field(&id, criterion);
                let next = self.reviewed_typed(&field, |p, at, by| {
                    p.review_comment(&id, criterion, &text, at, by)
                });
                let held = next.plan.objective_index(&id).map(|i| {
                    let review = &next.plan.objectives[i].review;
                    match criterion {
                        Some(c) => review.score(c).map_or("", |s| s.comment.as_str()),
                        None => review.comment.as_str(),
                    }
                    .to_string()
                });
                next.typed_as(field, text, held)
            }
            Action::ReviewRevise {
                id,
                criterion,
                text,
            } => self.revise(id, criterion, text),
            Action::ReviewAchievement {
                id,
                verdict,
                comment,
                revised,
            } => self.review_achievement(id, verdict, comment, revised),
            Action::Undo => return Rc::new(self.travel(true)),
            Action::FieldLeft => {
                let cleared = self.without_typed_review_texts();
                if self.history.last_field.is_none() && cleared.is_none() {
                    return self;
                }
                let state = cleared.unwrap_or_else(|| (*self).clone());
                return Rc::new(State {
                    history: Rc::new(History {
                        last_field: None,
                        ..(*state.history).clone()
                    }),
                    ..state
                });
            }
            Action::Redo => return Rc::new(self.travel(false)),
        };
        if Rc::ptr_eq(&self.plan, &next.plan) {
            // The plan's history goes on unchanged, but for a switch of mode,
            // which seals it.
            if next.mode == self.mode {
                next.history = self.history.clone();
            }
            if next.refused_fields() > self.refused_fields() {
                next.history = Rc::new(History {
                    refused_last: true,
                    ..(*next.history).clone()
                });
            }
            next.revision = self.revision;
        } else if field.is_some()
            && field == self.history.last_field
            && self
                .history
                .undo
                .last()
                .is_some_and(|p| Rc::ptr_eq(p, &next.plan))
        {
            // Back to the plan from before the run of keystrokes (a refused
            // entry set back): the run is no step, and ends.
            let mut history = (*self.history).clone();
            history.undo.pop();
            history.redo.clear();
            history.last_field = None;
            history.refused_last = next.refused_fields() > self.refused_fields();
            next.history = Rc::new(history);
            next.revision = self.revision + 1;
        } else if restoring {
            next.history = Rc::default();
            next.revision = self.revision + 1;
        } else {
            next.history = Rc::new(self.history.after_edit(self.plan.clone(), field));
            next.revision = self.revision + 1;
        }
        Rc::new(next)
    }
}
