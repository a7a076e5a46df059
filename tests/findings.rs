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

    // One finding about the empty unit: the grid's count, which says how many it expects.
    let unit: Vec<_> = findings
        .iter()
        .filter(|f| {
            f.place.unit.as_deref() == Some(empty_unit.as_str()) && f.place.objective.is_none()
        })
        .collect();
    assert_eq!(unit.len(), 1, "{unit:?}");
    assert_eq!(
        unit[0].message,
        "L'unità ha 0 obiettivi, la griglia ne prevede 3."
    );

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
fn an_empty_unit_gets_one_finding() {
    let about = |plan: &pesatura::model::Plan, unit: &str| -> Vec<String> {
        validate(plan)
            .into_iter()
            .filter(|f| f.place.unit.as_deref() == Some(unit) && f.place.objective.is_none())
            .map(|f| f.message)
            .collect()
    };
    // The grid expects 3 objectives per settore: the count says it, once.
    let mut plan = new_plan(2025);
    let settore = plan.add_unit("Settore Cultura", 1, None);
    assert_eq!(
        about(&plan, &settore),
        ["L'unità ha 0 obiettivi, la griglia ne prevede 3."]
    );
    // An area is not counted: it is empty, and says so.
    let area = plan.add_unit("Area Servizi", 0, None);
    assert_eq!(about(&plan, &area), ["L'unità non ha obiettivi."]);
    // No number expected: the settore is empty, and says so.
    plan.grid.expected_objectives = None;
    assert_eq!(about(&plan, &settore), ["L'unità non ha obiettivi."]);
    // A settore with objectives but fewer than expected: only the count.
    plan.grid.expected_objectives = Some(3);
    let objective = plan.add_objective(&settore);
    plan.set_title(&objective, "Stagione teatrale");
    assert_eq!(
        about(&plan, &settore),
        ["L'unità ha 1 obiettivo, la griglia ne prevede 3."]
    );
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

#[test]
fn organisational_and_secretary_objectives_need_a_title_and_an_indicator_with_its_target() {
    use pesatura::model::validate::Other;
    let mut plan = new_plan(2025);
    let empty = plan.add_org_objective(); // as the button adds it: no title, one empty indicator
    let measured = plan.add_org_objective();
    plan.edit_org_objective(&measured, |o| {
        o.title = "Rispetto dei tempi di pagamento".into();
        o.indicators[0].name = "Fatture pagate entro i termini".into();
        o.indicators[0].target = "100%".into();
    });
    let half = plan.add_org_objective();
    plan.edit_org_objective(&half, |o| {
        o.title = "Formazione".into();
        o.indicators[0].name = "Ore pro capite".into();
        o.indicators.push(pesatura::model::plan::Indicator {
            name: " ".into(),
            target: "24 ore".into(),
        });
    });
    let untitled = plan.add_secretary_objective();
    let titled = plan.add_secretary_objective();
    plan.set_secretary_title(&titled, "Regolamento dei controlli interni");

    let findings = validate(&plan);
    let about = |other: Other| -> Vec<(Severity, String, String)> {
        findings
            .iter()
            .filter(|f| f.place.other.as_ref() == Some(&other))
            .map(|f| (f.severity, f.where_.clone(), f.message.clone()))
            .collect()
    };
    let first = "Obiettivi di performance organizzativa › n. 1".to_string();
    assert_eq!(
        about(Other::Organisational(empty)),
        vec![
            (
                Severity::Warning,
                first.clone(),
                "Il titolo è vuoto: un obiettivo senza titolo non si può assegnare né valutare."
                    .into()
            ),
            (
                Severity::Warning,
                first,
                "Non ha indicatori: senza un indicatore e il suo target il raggiungimento non si può misurare."
                    .into()
            ),
        ]
    );
    assert_eq!(about(Other::Organisational(measured)), vec![]);
    let third = "Obiettivi di performance organizzativa › n. 3".to_string();
    assert_eq!(about(Other::Organisational(half.clone())), vec![]);
    assert_eq!(
        [
            about(Other::IndicatorTarget(half.clone(), 0)),
            about(Other::IndicatorName(half, 1)),
        ]
        .concat(),
        vec![
            (
                Severity::Note,
                third.clone(),
                "L'indicatore 1 non ha un target.".into()
            ),
            (
                Severity::Note,
                third,
                "L'indicatore 2 ha un target ma non un nome.".into()
            ),
        ]
    );
    assert_eq!(
        about(Other::Secretary(untitled)),
        vec![(
            Severity::Warning,
            "Obiettivi del Segretario generale › n. 1".into(),
            "Il titolo è vuoto: un obiettivo senza titolo non si può assegnare né valutare.".into()
        )]
    );
    assert_eq!(about(Other::Secretary(titled)), vec![]);
}

#[test]
fn the_como_example_s_other_objectives_raise_nothing() {
    let plan = pesatura::io::json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap();
    assert_eq!(plan.organisational.len(), 7);
    assert_eq!(plan.secretary.len(), 3);
    assert!(validate(&plan).iter().all(|f| f.place.other.is_none()));
}

#[test]
fn an_untitled_objective_is_named_by_its_number_in_its_units_table() {
    let mut plan = new_plan(2025);
    plan.rename_unit("u1", "Settore Bilancio");
    let tributi = plan.add_unit("Settore Tributi", 1, None);
    // Untitled, one score of four: not an empty row, but findings of its own.
    for unit in ["u1", tributi.as_str(), "u1", tributi.as_str()] {
        let id = plan.add_objective(unit);
        plan.set_score(&id, 0, Some(parse_number("2").unwrap()));
    }
    let findings = validate(&plan);
    let places: Vec<&str> = findings
        .iter()
        .filter(|f| f.where_.starts_with("Settore Tributi"))
        .map(|f| f.where_.as_str())
        .collect();
    assert!(
        places.contains(&"Settore Tributi › obiettivo n. 1"),
        "{places:?}"
    );
    assert!(
        places.contains(&"Settore Tributi › obiettivo n. 2"),
        "{places:?}"
    );
    assert!(
        !places
            .iter()
            .any(|p| p.ends_with("n. 3") || p.ends_with("n. 4")),
        "numbered in the whole plan: {places:?}"
    );
}
