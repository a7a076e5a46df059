//! Any hierarchy, depth 1 to 4, with averages rolling up at every level —
//! shaped on the Comune di Livorno's Direzione Generale → Dipartimenti →
//! Settori → Uffici.

use pesatura::model::format::format_it;
use pesatura::model::presets::new_plan;
use pesatura::model::{compute, validate, Dec, Severity};

#[test]
fn four_levels_roll_up() {
    let mut plan = new_plan(2025);
    plan.ente.name = "Comune di Livorno".into();
    plan.remove_unit("u1");
    plan.set_level_labels(
        ["Direzione Generale", "Dipartimento", "Settore", "Ufficio"]
            .map(String::from)
            .to_vec(),
    )
    .unwrap();
    let dg = plan.add_unit("Direzione Generale", 0, None);
    let dip = plan.add_unit("Dipartimento Servizi alla persona", 1, Some(&dg));
    let staff = plan.add_unit("Staff apicale Avvocatura", 1, Some(&dg));
    let settore = plan.add_unit("Settore Politiche sociali", 2, Some(&dip));
    let ufficio = plan.add_unit("Ufficio Minori", 3, Some(&settore));
    let scored = |plan: &mut pesatura::model::Plan, unit: &str, scores: [i64; 4]| {
        let id = plan.add_objective(unit);
        plan.set_title(&id, "Obiettivo");
        for (c, s) in scores.iter().enumerate() {
            plan.set_score(&id, c, Some(Dec::from_int(*s)));
        }
    };
    scored(&mut plan, &ufficio, [5, 10, 3, 7]); // 25
    scored(&mut plan, &ufficio, [2, 4, 1, 3]); // 10
    scored(&mut plan, &settore, [6, 6, 2, 6]); // 20
    scored(&mut plan, &staff, [4, 8, 2, 6]); // 20
    let r = compute(&plan);
    let avg = |unit: &str, subtree: bool| {
        let u = &r.units[plan.unit_index(unit).unwrap()];
        format_it(
            if subtree {
                u.subtree.average
            } else {
                u.own.stats.average
            }
            .unwrap(),
            2,
        )
    };
    assert_eq!(avg(&ufficio, false), "17,50"); // (25 + 10) / 2
    assert_eq!(avg(&settore, false), "20,00");
    assert_eq!(avg(&settore, true), "18,33"); // (25 + 10 + 20) / 3
    assert_eq!(avg(&dip, true), "18,33");
    assert_eq!(avg(&dg, true), "18,75"); // 75 / 4
    assert_eq!(format_it(r.ente.average.unwrap(), 2), "18,75");
    assert!(!validate(&plan)
        .iter()
        .any(|f| f.severity == Severity::Error));
    assert_eq!(
        plan.unit_label(plan.unit(&ufficio).unwrap()),
        "Ufficio Minori"
    );
    assert_eq!(
        plan.unit_label(plan.unit(&staff).unwrap()),
        "Dipartimento Staff apicale Avvocatura"
    );
    // A unit whose name was emptied is still named in a sentence.
    plan.rename_unit(&staff, "  ");
    assert_eq!(
        plan.unit_label(plan.unit(&staff).unwrap()),
        "Dipartimento (senza nome)"
    );
}

#[test]
fn one_level_is_enough() {
    let mut plan = new_plan(2025);
    plan.units[0].level = 0;
    plan.set_level_labels(vec!["Direzione".into()]).unwrap();
    let id = plan.add_objective("u1");
    plan.set_title(&id, "Obiettivo unico");
    for c in 0..4 {
        plan.set_score(&id, c, Some(Dec::from_int(1)));
    }
    let r = compute(&plan);
    assert_eq!(r.units[0].subtree.average, Some(Dec::from_int(4)));
    assert!(!validate(&plan)
        .iter()
        .any(|f| f.severity == Severity::Error));
}

#[test]
fn tree_order_by_index_and_objectives_led_follow_the_units() {
    let plan = pesatura::io::json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap();
    let order = plan.tree_order_indices();
    let by_unit = plan.units_in_tree_order();
    assert_eq!(order.len(), plan.units.len());
    for ((depth, i), (d, unit)) in order.iter().zip(&by_unit) {
        assert_eq!(depth, d);
        assert_eq!(plan.units[*i].id, unit.id);
    }
    let led = plan.objectives_led();
    let at = |id: &str| led[plan.unit_index(id).unwrap()];
    // Areas lead none; Settore 3 two objectives and its empty row; Settore 5 four.
    assert_eq!(at("a1"), 0);
    assert_eq!(at("s3"), 3);
    assert_eq!(at("s5"), 4);
    assert_eq!(led.iter().sum::<usize>(), plan.objectives.len());
}
