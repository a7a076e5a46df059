//! Validation: each finding names its place and says why.

use pesatura::model::decimal::parse_number;
use pesatura::model::presets::new_plan;
use pesatura::model::{compute, validate, Severity};

#[test]
fn each_problem_is_found_where_it_is() {
    let mut plan = new_plan(2025);
    plan.rename_unit("u1", "Settore Tributi");
    let empty_unit = plan.add_unit("Settore Cultura", 1, None);
    let a = plan.add_objective("u1");
    plan.set_title(&a, "Recupero evasione");
    for c in 0..4 {
        plan.set_score(&a, c, Some(parse_number("3").unwrap()));
    }
    plan.set_score(&a, 1, Some(parse_number("16").unwrap())); // rilevanza is 0..15
    let b = plan.add_objective("u1"); // no title, one score of four
    plan.set_score(&b, 0, Some(parse_number("2").unwrap()));

    let findings = validate(&plan);
    let about = |objective: &str, criterion: Option<usize>| -> Vec<&pesatura::model::Finding> {
        findings
            .iter()
            .filter(|f| {
                f.place.objective.as_deref() == Some(objective) && f.place.criterion == criterion
            })
            .collect()
    };

    let out_of_range = about(&a, Some(1));
    assert_eq!(out_of_range.len(), 1);
    assert_eq!(out_of_range[0].severity, Severity::Error);
    assert_eq!(
        out_of_range[0].message,
        "Il punteggio 16 è fuori dall'intervallo ammesso, da 0 a 15."
    );
    assert!(out_of_range[0]
        .where_
        .contains("Settore Tributi › «Recupero evasione» › Rilevanza strategica"));

    assert!(about(&b, None)
        .iter()
        .any(|f| f.severity == Severity::Error && f.message == "L'obiettivo non ha un titolo."));
    let missing: Vec<_> = (1..4).flat_map(|c| about(&b, Some(c))).collect();
    assert_eq!(missing.len(), 3);
    assert!(about(&b, Some(0)).is_empty());
    assert!(missing
        .iter()
        .all(|f| f.severity == Severity::Warning && f.message.starts_with("Manca il punteggio")));
    assert!(missing[0].where_.contains("obiettivo n. 2"));

    let unit = findings
        .iter()
        .find(|f| {
            f.place.unit.as_deref() == Some(empty_unit.as_str()) && f.place.objective.is_none()
        })
        .unwrap();
    assert_eq!(unit.message, "L'unità non ha obiettivi.");

    // Errors come first.
    let first_warning = findings
        .iter()
        .position(|f| f.severity != Severity::Error)
        .unwrap();
    assert!(findings[first_warning..]
        .iter()
        .all(|f| f.severity != Severity::Error));
}

#[test]
fn an_incomplete_objective_is_left_out_not_counted_as_zero() {
    let mut plan = new_plan(2025);
    let a = plan.add_objective("u1");
    let b = plan.add_objective("u1");
    for c in 0..4 {
        plan.set_score(&a, c, Some(parse_number("5").unwrap()));
    }
    plan.set_score(&b, 0, Some(parse_number("9").unwrap()));
    let results = compute(&plan);
    let unit = &results.units[0].own.stats;
    assert_eq!((unit.objectives, unit.complete), (2, 1));
    assert_eq!(
        unit.average,
        Some(parse_number("20").unwrap()),
        "not (20 + 0) / 2"
    );
    assert_eq!(results.objectives[1].points, None);
    assert_eq!(results.units[0].weight_of(1), None);
    assert_eq!(
        results.units[0].weight_of(0),
        Some(parse_number("100").unwrap())
    );
}

#[test]
fn an_area_with_settori_below_is_not_reported_empty() {
    let mut plan = new_plan(2025);
    let area = plan.add_unit("Area Economica", 0, None);
    let settore = plan.add_unit("Settore Bilancio", 1, Some(&area));
    plan.add_objective(&settore);
    let findings = validate(&plan);
    assert!(!findings
        .iter()
        .any(|f| f.place.unit.as_deref() == Some(area.as_str())
            && f.message.contains("non ha obiettivi")));
}

#[test]
fn a_parent_at_the_same_level_is_an_error() {
    let mut plan = new_plan(2025);
    let other = plan.add_unit("Settore 2", 1, Some("u1"));
    let findings = validate(&plan);
    assert!(findings
        .iter()
        .any(|f| f.place.unit.as_deref() == Some(other.as_str())
            && f.message.contains("non sta a un livello più alto")));
}
