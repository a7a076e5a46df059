//! Each weighting method with worked numbers written out by hand.

use pesatura::model::decimal::parse_number;
use pesatura::model::format::format_it;
use pesatura::model::plan::{AverageRule, DirectWeight};
use pesatura::model::presets::{new_plan_with, Preset};
use pesatura::model::{compute, validate, Dec, Plan, Severity};

fn d(text: &str) -> Dec {
    parse_number(text).unwrap()
}

fn two(value: Option<Dec>) -> String {
    value.map(|v| format_it(v, 2)).unwrap_or_else(|| "—".into())
}

/// Levels worth 1/2/3 on three criteria, times the type's factor.
fn levels_plan() -> (Plan, [String; 4]) {
    let mut plan = new_plan_with(2025, Preset::LevelsAndTypes);
    let rows = [
        ([3, 2, 3], Some("sviluppo")),      // (3+2+3) × 1,5 = 12
        ([1, 2, 2], Some("mantenimento")),  // (1+2+2) × 1   = 5
        ([2, 3, 1], Some("miglioramento")), // (2+3+1) × 1,2 = 7,2
        ([3, 3, 3], None),                  // no type: no weight, reported
    ];
    let ids = rows.map(|(scores, kind)| {
        let id = plan.add_objective("u1");
        plan.set_title(&id, &format!("Obiettivo {id}"));
        for (c, s) in scores.iter().enumerate() {
            plan.set_score(&id, c, Some(Dec::from_int(*s)));
        }
        plan.set_kind(&id, kind);
        id
    });
    (plan, ids)
}

#[test]
fn levels_times_type_factor() {
    let (plan, ids) = levels_plan();
    let r = compute(&plan);
    let points: Vec<Option<Dec>> = r.objectives.iter().map(|o| o.points).collect();
    assert_eq!(points, [Some(d("12")), Some(d("5")), Some(d("7,2")), None]);
    assert_eq!(
        r.objectives[3].sum,
        Some(d("9")),
        "the sum is there, the factor is missing"
    );
    // 12 + 5 + 7,2 = 24,2. Shares: 49,586… 20,661… 29,752… → floors 49,58 20,66 29,75 (99,99);
    // the hundredth left goes to the largest remainder (49,586…).
    let unit = &r.units[0];
    let weights: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(i, _)| two(unit.weight_of(i)))
        .collect();
    assert_eq!(weights, ["49,59", "20,66", "29,75", "—"]);
    // Simple mean: 24,2 / 3 = 8,066… → 8,07
    assert_eq!(two(unit.own.stats.average), "8,07");
    assert_eq!((unit.own.stats.objectives, unit.own.stats.complete), (4, 3));
    let findings = validate(&plan);
    assert!(findings
        .iter()
        .any(|f| f.place.objective.as_deref() == Some(ids[3].as_str())
            && f.message.starts_with("Manca la tipologia")));
}

#[test]
fn points_weighted_average() {
    let (mut plan, _) = levels_plan();
    plan.set_average_rule(AverageRule::PointsWeighted);
    let r = compute(&plan);
    // (12² + 5² + 7,2²) / 24,2 = (144 + 25 + 51,84) / 24,2 = 220,84 / 24,2 = 9,1256… → 9,13
    assert_eq!(two(r.units[0].own.stats.average), "9,13");
    assert_eq!(two(r.ente.average), "9,13");
}

#[test]
fn como_settore_1_under_both_average_rules() {
    let como = pesatura::io::json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap();
    let s1 = como.unit_index("s1").unwrap();
    assert_eq!(two(compute(&como).units[s1].own.stats.average), "20,67"); // 62 / 3
    let mut weighted = como.clone();
    weighted.set_average_rule(AverageRule::PointsWeighted);
    // (18² + 18² + 26²) / 62 = 1324 / 62 = 21,354… → 21,35
    assert_eq!(two(compute(&weighted).units[s1].own.stats.average), "21,35");
}

#[test]
fn direct_percentages_must_sum_to_100() {
    let mut plan = new_plan_with(2025, Preset::DirectPercent);
    let set = |plan: &mut Plan, text: &str| {
        let id = plan.add_objective("u1");
        plan.set_title(&id, &format!("Obiettivo con peso «{text}»"));
        plan.set_direct(&id, pesatura::model::edit::parse_direct(text).unwrap());
        id
    };
    let a = set(&mut plan, "50");
    let b = set(&mut plan, "30");
    let x = set(&mut plan, "X"); // prerequisite: codice di comportamento
    let missing = set(&mut plan, "");
    let r = compute(&plan);
    assert_eq!(
        r.units[0].own.stats.objectives, 3,
        "the prerequisite needs no weight"
    );
    assert_eq!(r.units[0].own.stats.prerequisites, 1);
    assert_eq!(r.units[0].own.stats.complete, 2);
    let findings = validate(&plan);
    assert!(findings
        .iter()
        .any(|f| f.place.objective.as_deref() == Some(missing.as_str())
            && f.message.starts_with("Manca il peso")));
    assert!(!findings
        .iter()
        .any(|f| f.place.objective.as_deref() == Some(x.as_str())));

    // 50 + 30 + 15 = 95: five points short, said in the finding.
    plan.set_direct(&missing, Some(DirectWeight::Percent(d("15"))));
    let findings = validate(&plan);
    let sum = findings
        .iter()
        .find(|f| f.message.starts_with("I pesi degli obiettivi sommano"))
        .unwrap();
    assert_eq!(sum.severity, Severity::Error);
    assert_eq!(
        sum.message,
        "I pesi degli obiettivi sommano a 95,00 % invece di 100: mancano 5,00 punti percentuali."
    );
    // Relative weights still sum to 100,00: 50/95, 30/95, 15/95 → 52,63 31,58 15,79
    let r = compute(&plan);
    let w: Vec<String> = [&a, &b, &missing]
        .iter()
        .map(|id| two(r.units[0].weight_of(plan.objective_index(id).unwrap())))
        .collect();
    assert_eq!(w, ["52,63", "31,58", "15,79"]);
    assert_eq!(
        r.units[0].weight_of(plan.objective_index(&x).unwrap()),
        None
    );

    // 50 + 30 + 25 = 105: five too many.
    plan.set_direct(&missing, Some(DirectWeight::Percent(d("25"))));
    assert!(validate(&plan).iter().any(|f| f
        .message
        .ends_with("ci sono 5,00 punti percentuali in più.")));

    // 50 + 30 + 20 = 100: no finding, and relative weights are the percentages.
    plan.set_direct(&missing, Some(DirectWeight::Percent(d("20"))));
    assert!(!validate(&plan)
        .iter()
        .any(|f| f.message.starts_with("I pesi degli obiettivi sommano")));
    let r = compute(&plan);
    let w: Vec<String> = [&a, &b, &missing]
        .iter()
        .map(|id| two(r.units[0].weight_of(plan.objective_index(id).unwrap())))
        .collect();
    assert_eq!(w, ["50,00", "30,00", "20,00"]);
}

#[test]
fn direct_weights_typed_by_users() {
    use pesatura::model::edit::parse_direct;
    assert_eq!(parse_direct("25"), Ok(Some(DirectWeight::Percent(d("25")))));
    assert_eq!(
        parse_direct("12,5 %"),
        Ok(Some(DirectWeight::Percent(d("12,5"))))
    );
    assert_eq!(parse_direct("x"), Ok(Some(DirectWeight::Prerequisite)));
    assert_eq!(parse_direct(""), Ok(None));
    assert!(parse_direct("0").unwrap_err().contains("maggiore di 0"));
    assert!(parse_direct("120").unwrap_err().contains("al massimo 100"));
    assert!(parse_direct("molto").unwrap_err().contains("non è un peso"));
}

#[test]
fn a_score_between_levels_is_reported() {
    let (mut plan, ids) = levels_plan();
    plan.set_score(&ids[0], 0, Some(d("2,5")));
    let findings = validate(&plan);
    let f = findings
        .iter()
        .find(|f| {
            f.place.criterion == Some(0) && f.place.objective.as_deref() == Some(ids[0].as_str())
        })
        .unwrap();
    assert_eq!(
        f.message,
        "Il punteggio 2,5 non corrisponde a nessun livello: Bassa (1), Media (2), Alta (3)."
    );
}

#[test]
fn editing_the_grid_recomputes() {
    let (mut plan, ids) = levels_plan();
    // Sviluppo's factor 1,5 → 2: the first objective weighs 8 × 2 = 16.
    let types = pesatura::model::edit::parse_named_values(
        "Mantenimento = 1; Miglioramento = 1,2; Sviluppo = 2",
    )
    .unwrap();
    plan.set_types(types).unwrap();
    assert_eq!(compute(&plan).objectives[0].points, Some(d("16")));
    // Removing the types: weight = the plain sum, and the untyped objective counts.
    plan.set_types(Vec::new()).unwrap();
    let r = compute(&plan);
    assert_eq!(r.objectives[0].points, Some(d("8")));
    assert_eq!(r.objectives[3].points, Some(d("9")));
    // Removing a criterion drops its scores: (2 + 3) = 5 for the first.
    assert!(plan.criterion_has_scores(0));
    plan.remove_criterion(0);
    assert_eq!(compute(&plan).objectives[0].points, Some(d("5")));
    // A new criterion starts unscored, so objectives are incomplete until scored.
    let c = plan.add_criterion("Urgenza");
    assert_eq!(plan.grid.criteria[c].id, "urgenza");
    assert_eq!(compute(&plan).objectives[0].points, None);
    plan.set_score(&ids[0], c, Some(d("4")));
    assert_eq!(compute(&plan).objectives[0].points, Some(d("9")));
    // Moving a criterion moves its scores.
    plan.move_criterion(c, -1);
    assert_eq!(plan.objectives[0].scores[c - 1], Some(d("4")));
    assert_eq!(compute(&plan).objectives[0].points, Some(d("9")));
    // A level keeps its scores when its points change: Strategicità (now first) Alta 3 → 4.
    assert_eq!(plan.grid.criteria[0].id, "strategicita");
    assert_eq!(plan.objectives[2].scores[0], Some(d("3")));
    plan.set_levels(
        0,
        vec![
            ("Bassa".into(), d("1")),
            ("Media".into(), d("2")),
            ("Alta".into(), d("4")),
        ],
    )
    .unwrap();
    assert_eq!(plan.objectives[2].scores[0], Some(d("4")));
    assert_eq!(
        plan.objectives[1].scores[0],
        Some(d("2")),
        "Media unchanged"
    );
    // Levels must be worth distinct points.
    let err = plan
        .set_levels(0, vec![("Bassa".into(), d("1")), ("Media".into(), d("1"))])
        .unwrap_err();
    assert!(err.contains("valgono entrambi 1"));
}

#[test]
fn a_new_plan_names_its_ente_in_the_interface_language() {
    use pesatura::text::{with_lang, Lang};
    for preset in [
        Preset::Como2024,
        Preset::LevelsAndTypes,
        Preset::DirectPercent,
    ] {
        assert_eq!(
            with_lang(Lang::It, || new_plan_with(2026, preset))
                .ente
                .name,
            "Nuovo ente"
        );
        assert_eq!(
            with_lang(Lang::En, || new_plan_with(2026, preset))
                .ente
                .name,
            "New administration"
        );
    }
}
