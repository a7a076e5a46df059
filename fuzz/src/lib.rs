//! What the fuzz targets check, one function per target, so that
//! `tests/fuzz_regressions.rs` replays a crashing input through exactly the
//! same checks on stable Rust (it includes this file by path; it needs only
//! `pesatura` and `serde_json`).
//!
//! Every check first requires that nothing panics, then states a property
//! of what was read:
//!
//! - [`json_load`]: a file that opens saves and opens again to the same plan,
//!   as intact, and saving is stable;
//! - [`json_migration`]: a well-formed file of schema version 1, 2 or 3 opens,
//!   and means the same as the same content written as version 4;
//! - [`csv_import`]: every row the preview accepts has its unit in the plan
//!   and scores the grid admits, and stays so once applied and saved;
//! - [`como_table`]: whatever the questions' answers, the published table
//!   gives a plan that saves and opens again unchanged.

use pesatura::io::como_table::{self, DuplicateChoice};
use pesatura::io::csv;
use pesatura::io::json::{self, Integrity};
use pesatura::model::decimal::Dec;
use pesatura::model::plan::{DirectWeight, Plan};
use pesatura::model::presets::{new_plan_with, Preset};
use pesatura::model::validate::{score_problem, validate};
use serde_json::Value;

/// The Como example, the richest plan to import into.
pub const COMO: &[u8] = include_bytes!("../../examples/como-peg-2024.json");

/// Opening any bytes never panics; an error says a line that exists; a plan
/// that opens round-trips.
pub fn json_load(data: &[u8]) {
    let checked = json::load_checked(data);
    assert_eq!(
        json::load(data),
        checked.clone().map(|(plan, _)| plan),
        "load and load_checked agree"
    );
    match checked {
        Ok((plan, _)) => {
            round_trip(&plan);
            edited(plan);
        }
        Err(e) => {
            let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
            if let Some(line) = e.line {
                assert!(
                    (1..=lines).contains(&line),
                    "error on line {line} of a {lines}-line file: {e}"
                );
            }
            assert!(
                e.column.is_none() || e.line.is_some(),
                "a column without a line: {e:?}"
            );
            let _ = e.to_string();
        }
    }
}

/// A plan saves and opens again as intact and equal (so saving it again
/// gives the same text); checking it never panics.
pub fn round_trip(plan: &Plan) {
    let saved = json::save(plan);
    let (again, integrity) = match json::load_checked(saved.as_bytes()) {
        Ok(loaded) => loaded,
        Err(e) => panic!("a saved plan does not open again: {e}\n{saved}"),
    };
    assert_eq!(&again, plan, "save then load changes the plan");
    assert_eq!(
        integrity,
        Integrity::Intact,
        "a file just saved is not intact"
    );
    let _ = validate(plan);
}

/// A plan just opened takes the first edits a user makes (a unit, an
/// objective in it, scored) and still round-trips.
fn edited(mut plan: Plan) {
    let level = plan.ente.levels.len() - 1;
    let unit = plan.add_unit("Nuova unità", level, None);
    let id = plan.add_objective(&unit);
    plan.set_title(&id, "Nuovo obiettivo");
    if let Some(criterion) = plan.grid.criteria.first() {
        let min = criterion.min();
        plan.set_score(&id, 0, Some(min));
    }
    assert_eq!(
        plan.objectives.iter().filter(|o| o.id == id).count(),
        1,
        "a new objective's id is taken"
    );
    assert_eq!(
        plan.units.iter().filter(|u| u.id == unit).count(),
        1,
        "a new unit's id is taken"
    );
    round_trip(&plan);
}

/// A file of an older version, as bytes, against the same content written as
/// the current version: `well_formed` says whether the generator built it by
/// the old version's rules (then it must open, and mean the same), or
/// mutated it afterwards (then it must only not panic).
pub fn json_migration(old: &Value, version: u64, current: &Value, well_formed: bool) {
    let old_text = serde_json::to_string_pretty(old).unwrap_or_default();
    // `migrate` is public: any value, any version, no panic.
    let migrated = json::migrate(old.clone(), version);
    json_load(old_text.as_bytes());
    if !well_formed {
        return;
    }
    let migrated = migrated.unwrap_or_else(|e| panic!("version {version} does not migrate: {e}"));
    assert_eq!(
        &migrated,
        current,
        "version {version} migrated is not the same file as version {}",
        json::SCHEMA_VERSION
    );
    let plan = json::load(old_text.as_bytes()).unwrap_or_else(|e| {
        panic!("a well-formed version {version} file is refused: {e}\n{old_text}")
    });
    let current_text = serde_json::to_string(current).unwrap_or_default();
    let expected = json::load(current_text.as_bytes())
        .unwrap_or_else(|e| panic!("the same plan as version {}: {e}", json::SCHEMA_VERSION));
    assert_eq!(
        plan,
        expected,
        "version {version} opens differently from the same content in version {}",
        json::SCHEMA_VERSION
    );
}

/// The plan a CSV is imported into: the three presets' new plans and the
/// Como example, chosen by `selector`.
pub fn import_plan(selector: u8) -> Plan {
    static EXAMPLE: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    match selector % 4 {
        0 => EXAMPLE
            .get_or_init(|| {
                // Its 21 units, with a few objectives (the first and the
                // shared ones), so that saving it stays quick.
                let mut plan = json::load(COMO).expect("the Como example opens");
                let mut kept = 0;
                plan.objectives.retain(|o| {
                    kept += 1;
                    kept <= 4 || !o.also.is_empty()
                });
                plan
            })
            .clone(),
        1 => new_plan_with(2025, Preset::Como2024),
        2 => new_plan_with(2025, Preset::LevelsAndTypes),
        _ => new_plan_with(2025, Preset::DirectPercent),
    }
}

/// A CSV previewed against a plan, for the whole plan and for one unit, then
/// applied.
pub fn csv_import(data: &[u8], selector: u8) {
    let plan = import_plan(selector);
    let preview = csv::preview(data, &plan);
    check_preview(&plan, preview);
    let unit = plan.units[usize::from(selector / 4) % plan.units.len()]
        .id
        .clone();
    let preview = csv::preview_for_unit(data, &plan, &unit);
    check_preview(&plan, preview);
}

fn check_preview(plan: &Plan, preview: Result<csv::Preview, csv::CsvError>) {
    let preview = match preview {
        Ok(preview) => preview,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let grid = &plan.grid;
    assert_eq!(preview.criteria.len(), grid.criteria.len());
    for r in &preview.rejected {
        assert!(
            !r.reasons.is_empty(),
            "a rejected row without a reason: {r:?}"
        );
        let _ = r.to_string();
    }
    for row in &preview.rows {
        assert!(
            plan.unit(&row.unit).is_some(),
            "row {}: unit «{}» is not in the plan",
            row.line,
            row.unit
        );
        for u in &row.also {
            assert!(
                plan.unit(u).is_some(),
                "row {}: shared unit «{u}» is not in the plan",
                row.line
            );
        }
        assert!(
            !row.title.is_empty(),
            "row {}: accepted without a title",
            row.line
        );
        assert_eq!(row.scores.len(), grid.criteria.len());
        for (score, criterion) in row.scores.iter().zip(&grid.criteria) {
            if let Some(score) = score {
                assert_eq!(
                    score_problem(*score, criterion),
                    None,
                    "row {}: a score the grid does not admit",
                    row.line
                );
            }
        }
        if let Some(kind) = &row.kind {
            assert!(
                grid.objective_type(kind).is_some(),
                "row {}: type «{kind}» is not in the grid",
                row.line
            );
        }
        if let Some(DirectWeight::Percent(p)) = row.direct {
            assert!(
                p > Dec::ZERO && p <= Dec::HUNDRED,
                "row {}: direct weight {p:?}",
                row.line
            );
        }
    }
    let mut applied = plan.clone();
    let done = csv::apply(&mut applied, &preview, csv::Existing::Update);
    assert!(done.added.len() + done.updated.len() <= preview.rows.len());
    assert_eq!(
        applied.objectives.len(),
        plan.objectives.len() + done.added.len(),
        "an update adds no objective"
    );
    for id in done.added.iter().chain(&done.updated) {
        let at = applied
            .objective_index(id)
            .expect("an added or updated objective is in the plan");
        let objective = &applied.objectives[at];
        for (score, criterion) in objective.scores.iter().zip(&grid.criteria) {
            if let Some(score) = score {
                assert_eq!(
                    score_problem(*score, criterion),
                    None,
                    "objective {id}: a score the grid does not admit"
                );
            }
        }
    }
    if !done.added.is_empty() || !done.updated.is_empty() {
        round_trip(&applied);
    }
}

/// The published Como table, read, answered every way, saved and opened again.
pub fn como_table(data: &[u8]) {
    let table = match como_table::read(data) {
        Ok(table) => table,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let _ = table.settori();
    let (in_settori, shared) = table.objective_counts();
    for note in &table.notes {
        assert!(note.line >= 1, "a note without a line: {note:?}");
    }
    for m in &table.total_mismatches {
        let _ = m.to_string();
    }
    let n = table.duplicates.len();
    let mut answers = vec![Vec::new()];
    if n > 0 {
        // Unanswered questions keep both blocks, as answering "both" does.
        answers
            .extend([DuplicateChoice::KeepFirst, DuplicateChoice::KeepSecond].map(|c| vec![c; n]));
        assert_eq!(
            table.plan(&[]),
            table.plan(&vec![DuplicateChoice::KeepBoth; n])
        );
    }
    for choices in answers {
        let plan = table.plan(&choices);
        for unit in &plan.units {
            if let Some(parent) = &unit.parent {
                assert!(
                    plan.unit(parent).is_some(),
                    "unit {} under a missing unit {parent}",
                    unit.id
                );
            }
        }
        for o in &plan.objectives {
            assert!(
                plan.unit(&o.unit).is_some(),
                "objective {} in a missing unit",
                o.id
            );
        }
        if choices.is_empty() {
            let count = plan.objectives.len();
            assert!(
                (in_settori..=in_settori + shared).contains(&count),
                "{count} objectives from {in_settori} + {shared} rows"
            );
        }
        round_trip(&plan);
    }
}
