//! What the Nucleo di valutazione looks for: each finding on a plan that
//! triggers it, and its absence on one that does not.

use pesatura::io::json;
use pesatura::model::decimal::parse_number;
use pesatura::model::presets::new_plan;
use pesatura::model::{validate, Dec, Finding, Plan, Severity};

fn como() -> Plan {
    json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap()
}

fn with(findings: &[Finding], text: &str) -> Vec<Finding> {
    findings
        .iter()
        .filter(|f| f.message.contains(text))
        .cloned()
        .collect()
}

fn scored(plan: &mut Plan, unit: &str, title: &str, scores: [i64; 4]) -> String {
    let id = plan.add_objective(unit);
    plan.set_title(&id, title);
    for (c, s) in scores.iter().enumerate() {
        plan.set_score(&id, c, Some(Dec::from_int(*s)));
    }
    id
}

#[test]
fn an_empty_row_shows_both_averages() {
    // Como's Settore 3 as published: two objectives and an empty row.
    let mut plan = como();
    assert!(with(&validate(&plan), "vuot").is_empty());
    plan.add_objective("s3");
    let found = with(&validate(&plan), "riga");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].place.unit.as_deref(), Some("s3"));
    assert_eq!(
        found[0].message,
        "C'è una riga vuota nella tabella: non entra nella media, che è 26,50; se fosse contata come 0 la media sarebbe 17,67."
    );
    // Not also reported as a title missing and four scores missing.
    assert!(with(&validate(&plan), "non ha un titolo").is_empty());
}

#[test]
fn the_same_title_twice() {
    let mut plan = como();
    assert!(with(&validate(&plan), "stesso titolo").is_empty());
    // Como lists the Settore 8 table twice: copy one of its objectives into Settore 9.
    scored(
        &mut plan,
        "s9",
        "Campagna di monitoraggio e contrasto all'abbandono dei rifiuti ",
        [2, 7, 2, 8],
    );
    let found = with(&validate(&plan), "stesso titolo");
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .message
            .contains("anche in SETTORE 8: SERVIZI PUBBLICI LOCALI A RETE - IGIENE URBANA"),
        "{}",
        found[0].message
    );
    // Twice in one unit.
    scored(&mut plan, "s1", "COMMITTENZA  AUSILIARIA", [1, 1, 1, 1]);
    assert!(with(&validate(&plan), "stesso titolo")
        .iter()
        .any(|f| f.message.contains("nella stessa unità")));
}

#[test]
fn units_with_the_same_name() {
    let mut plan = new_plan(2025);
    assert!(with(&validate(&plan), "stesso nome").is_empty());
    plan.add_unit("settore 1", 1, None);
    assert_eq!(with(&validate(&plan), "stesso nome").len(), 1);
}

#[test]
fn fewer_or_more_objectives_than_expected() {
    let plan = como(); // the grid expects 3 per settore
    let found = with(&validate(&plan), "la griglia ne prevede 3");
    assert_eq!(found.len(), 1, "only Settore 3 has two");
    assert_eq!(
        found[0].message,
        "L'unità ha 2 obiettivi, la griglia ne prevede 3."
    );
    assert_eq!(found[0].place.unit.as_deref(), Some("s3"));
    let mut relaxed = como();
    relaxed.grid.expected_objectives = None;
    assert!(with(&validate(&relaxed), "la griglia ne prevede").is_empty());
    // Areas are not counted.
    assert!(found.iter().all(|f| f.place.unit.as_deref() != Some("a1")));

    // A third level of the organisation, with no unit in it yet: the settori
    // still hold the dirigenti's tables, and Settore 3 still has two.
    let mut deeper = como();
    deeper.ente.levels.push("Servizio".into());
    let found = with(&validate(&deeper), "la griglia ne prevede 3");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.unit.as_deref(), Some("s3"));
}

#[test]
fn no_differentiation_and_maximum_everywhere() {
    let mut plan = new_plan(2025);
    scored(&mut plan, "u1", "Uno", [5, 7, 3, 6]);
    scored(&mut plan, "u1", "Due", [5, 7, 3, 5]);
    assert!(with(&validate(&plan), "non li differenzia").is_empty());
    assert!(with(&validate(&plan), "punteggio massimo").is_empty());
    let mut same = new_plan(2025);
    scored(&mut same, "u1", "Uno", [5, 7, 3, 6]);
    scored(&mut same, "u1", "Due", [5, 7, 3, 6]);
    let found = with(&validate(&same), "non li differenzia");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Note);
    let top = scored(&mut plan, "u1", "Tre", [10, 15, 5, 10]);
    let found = with(&validate(&plan), "punteggio massimo su tutti i criteri");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.objective.as_deref(), Some(top.as_str()));
    let _ = parse_number("1");
}

#[test]
fn two_criteria_with_the_same_label() {
    let mut plan = como();
    assert!(with(&validate(&plan), "stesso nome")
        .iter()
        .all(|f| f.place.criterion.is_none()));
    // Rilevanza renamed as Significatività finanziaria, with its label.
    let (name, short) = (
        plan.grid.criteria[2].name.clone(),
        plan.grid.criteria[2].short.clone(),
    );
    plan.rename_criterion(1, &name, &short);
    let found = with(&validate(&plan), "non si distinguono");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.criterion, Some(2), "the later of the two");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("«Signif. finanziaria»"),
        "{}",
        found[0].message
    );
}
