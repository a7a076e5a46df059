//! Comparing two files: each kind of change, and unit averages before/after.

use pesatura::io::json;
use pesatura::model::diff::{
    diff, diff_validated, diff_with, difference, other_ente, Change, Diff, UnitAverages,
};
use pesatura::model::format::format_it;
use pesatura::model::review::validated;
use pesatura::model::{compute, Dec, Plan};

fn como() -> Plan {
    json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap()
}

/// The averages before and after of the unit whose name starts with `name`.
fn unit_averages<'a>(d: &'a Diff, name: &str) -> &'a UnitAverages {
    d.units
        .iter()
        .find(|u| u.unit.starts_with(name))
        .unwrap_or_else(|| panic!("{name} is compared"))
}

/// The id of the unit whose name starts with `name`.
fn unit_id(plan: &Plan, name: &str) -> String {
    let unit = plan.units.iter().find(|u| u.name.starts_with(name));
    unit.unwrap_or_else(|| panic!("{name} is a unit"))
        .id
        .clone()
}

#[test]
fn the_same_plan_has_no_changes() {
    let d = diff(&como(), &como());
    assert!(d.is_empty());
    assert!(d.changes.is_empty());
}

#[test]
fn every_kind_of_change() {
    let before = como();
    let mut after = como();
    // A score: Settore 1, objective 3, complessità 6 → 3 (points 26 → 23).
    after.set_score("o3", 0, Some(Dec::from_int(3)));
    // Retitled: same id, new title.
    after.set_title("o2", "Committenza ausiliaria per i comuni della provincia");
    // Moved: Settore 4's first objective to Settore 5.
    let o = after.objective_index("o10").unwrap();
    after.objectives[o].unit = "s5".into();
    // Removed and added.
    after.remove_objective("o50");
    let new = after.add_objective("s9");
    after.set_title(&new, "Piano del verde urbano");

    let d = diff(&before, &after);
    let has = |pred: &dyn Fn(&Change) -> bool| d.changes.iter().any(pred);
    assert!(has(
        &|c| matches!(c, Change::Score { criterion, from, to, .. }
        if criterion == "Complessità" && *from == Some(Dec::from_int(6)) && *to == Some(Dec::from_int(3)))
    ));
    assert!(has(
        &|c| matches!(c, Change::Points { from, to, .. } if *from == Some(Dec::from_int(26)) && *to == Some(Dec::from_int(23)))
    ));
    // Settore 1's shares move: 26/62 = 41,94 % → 23/59 = 38,98 %
    assert!(has(&|c| matches!(c, Change::Weight { from, to, title, .. }
        if title.starts_with("Monitoraggio") && format_it(from.unwrap(), 2) == "41,94" && format_it(to.unwrap(), 2) == "38,98")));
    assert!(has(
        &|c| matches!(c, Change::Retitled { from, to, .. } if from == "COMMITTENZA AUSILIARIA" && to.starts_with("Committenza ausiliaria per"))
    ));
    assert!(has(
        &|c| matches!(c, Change::Moved { from, to, .. } if from.starts_with("SETTORE 4") && to.starts_with("SETTORE 5"))
    ));
    assert!(has(
        &|c| matches!(c, Change::Removed { title, .. } if title == "Recupero crediti e immobili relativi a ERP e locazioni commerciali")
    ));
    assert!(has(
        &|c| matches!(c, Change::Added { title, unit } if title == "Piano del verde urbano" && unit.starts_with("SETTORE 9"))
    ));

    let s1 = unit_averages(&d, "SETTORE 1:");
    assert_eq!(format_it(s1.before.unwrap(), 2), "20,67");
    assert_eq!(format_it(s1.after.unwrap(), 2), "19,67");
    assert_eq!(
        format_it(difference(s1.before, s1.after).unwrap(), 2),
        "-1,00"
    );
}

#[test]
fn objectives_of_another_year_match_by_title() {
    let before = como();
    let mut after = como();
    // Another year's file numbers its objectives differently.
    for (n, o) in after.objectives.iter_mut().enumerate() {
        o.id = format!("x{}", 1000 - n);
    }
    let d = diff(&before, &after);
    assert!(d.changes.is_empty(), "{:?}", d.changes.first());
}

#[test]
fn the_review_is_compared_too() {
    use pesatura::model::diff::Reviewed;
    use pesatura::model::review::Verdict;
    let before = como();
    let mut after = como();
    let at = "2026-12-02 10:00";
    // Contested as a whole with a note, complessità revised 6 → 4, and the
    // achievement's percentage revised: none of it changes the proposal.
    after.review_verdict("o3", None, Verdict::Contested, at, "Nucleo");
    after.review_comment("o3", None, "Complessità sovrastimata", at, "Nucleo");
    after.review_revise("o3", 0, Some(Dec::from_int(4)), at, "Nucleo");
    after.review_verdict("o4", Some(1), Verdict::Confirmed, at, "Nucleo");

    let d = diff(&before, &after);
    assert!(!d.is_empty());
    assert!(
        !d.changes.iter().any(|c| matches!(
            c,
            Change::Score { .. } | Change::Points { .. } | Change::Weight { .. }
        )),
        "the proposal is the same: {:?}",
        d.changes
    );
    let has = |pred: &dyn Fn(&Change) -> bool| d.changes.iter().any(pred);
    assert!(has(
        &|c| matches!(c, Change::Verdict { on: Reviewed::Objective, from: Verdict::Pending, to: Verdict::Contested, title, .. }
        if title.starts_with("Monitoraggio"))
    ));
    assert!(has(
        &|c| matches!(c, Change::Note { on: Reviewed::Objective, from, to, .. }
        if from.is_empty() && to == "Complessità sovrastimata")
    ));
    assert!(has(
        &|c| matches!(c, Change::Revised { on: Reviewed::Criterion(criterion), from: None, to, .. }
        if criterion == "Complessità" && *to == Some(Dec::from_int(4)))
    ));
    assert!(has(
        &|c| matches!(c, Change::Verdict { on: Reviewed::Criterion(criterion), to: Verdict::Confirmed, .. }
        if criterion == "Rilevanza strategica")
    ));
    // Revising a score contests it.
    assert!(has(
        &|c| matches!(c, Change::Verdict { on: Reviewed::Criterion(criterion), to: Verdict::Contested, .. }
        if criterion == "Complessità")
    ));
    assert_eq!(d.changes.len(), 5, "{:?}", d.changes);
    // Compared the other way, each change runs backwards.
    let back = diff(&after, &before);
    assert!(back.changes.iter().any(|c| matches!(
        c,
        Change::Verdict {
            on: Reviewed::Objective,
            from: Verdict::Contested,
            to: Verdict::Pending,
            ..
        }
    )));
    assert_eq!(back.changes.len(), 5);
}

#[test]
fn in_verifica_the_numbers_compared_are_the_validated_ones() {
    let before = como();
    let mut after = como();
    // Settore 1, objective 3: complessità proposed 6, revised to 3 (26 → 23 points).
    after.review_revise(
        "o3",
        0,
        Some(Dec::from_int(3)),
        "2026-12-02 10:00",
        "Nucleo",
    );

    let proposed = diff(&before, &after);
    assert!(!proposed.validated);
    assert_eq!(
        proposed.ente_before, proposed.ente_after,
        "the proposal is the same"
    );

    let d = diff_validated(&before, &after);
    assert!(d.validated);
    let has = |pred: &dyn Fn(&Change) -> bool| d.changes.iter().any(pred);
    assert!(
        !has(&|c| matches!(c, Change::Score { .. })),
        "scores are the proposed ones"
    );
    assert!(has(&|c| matches!(c, Change::Points { from, to, .. }
        if *from == Some(Dec::from_int(26)) && *to == Some(Dec::from_int(23)))));
    let s1 = unit_averages(&d, "SETTORE 1:");
    // (18 + 18 + 23) / 3 = 19,67
    assert_eq!(format_it(s1.before.unwrap(), 2), "20,67");
    assert_eq!(format_it(s1.after.unwrap(), 2), "19,67");
    // Ente: 1142 proposed points over 53 objectives = 21,55; 1139 validated = 21,49.
    assert_eq!(format_it(d.ente_before.unwrap(), 2), "21,55");
    assert_eq!(format_it(d.ente_after.unwrap(), 2), "21,49");
}

#[test]
fn numbers_worked_out_beforehand_give_the_same_comparison() {
    let before = como();
    let mut after = como();
    after.set_score("o3", 0, Some(Dec::from_int(3)));
    after.review_revise(
        "o1",
        1,
        Some(Dec::from_int(2)),
        "2026-12-02 10:00",
        "Nucleo",
    );
    let proposed = diff_with(&before, &after, &compute(&before), &compute(&after), false);
    assert_eq!(proposed, diff(&before, &after));
    let numbers = |plan: &Plan| compute(&validated(plan));
    let checked = diff_with(&before, &after, &numbers(&before), &numbers(&after), true);
    assert_eq!(checked, diff_validated(&before, &after));
    assert_ne!(
        checked, proposed,
        "the revised score counts only in the validated one"
    );
}

#[test]
fn another_ente_or_year_is_told_apart_from_the_same_plan() {
    let here = como();
    let mut other = como();
    assert_eq!(other_ente(&other, &here), None);
    other.ente.name = format!("  {}  ", here.ente.name);
    assert_eq!(other_ente(&other, &here), None, "spaces around the name");
    other.ente.year = here.ente.year - 1;
    assert_eq!(
        other_ente(&other, &here),
        Some((other.ente.name.clone(), here.ente.year - 1))
    );
    let mut lecco = como();
    lecco.ente.name = "Comune di Lecco".into();
    assert_eq!(
        other_ente(&lecco, &here),
        Some(("Comune di Lecco".to_string(), here.ente.year))
    );
}

#[test]
fn a_change_of_average_is_the_difference_of_the_averages_as_shown() {
    // The other file: the Como example without Settore 2, and the first
    // objective's complessità 4 → 9. Its Area Amministrativa is then
    // Settore 1 alone, (23 + 18 + 26) / 3 = 22,333…; on screen, the example's
    // area counts Settore 1 and 2, 130 / 6 = 21,666…
    let on_screen = como();
    let mut other = como();
    let settore_2 = unit_id(&other, "SETTORE 2:");
    other.remove_unit(&settore_2);
    other.objectives[0].scores[0] = Some(Dec::from_int(9));
    let d = diff(&other, &on_screen);
    let area = unit_averages(&d, "Area Amministrativa");
    let two = |x: Option<Dec>| x.map(|x| format_it(x, 2));
    assert_eq!(two(area.before).as_deref(), Some("22,33"));
    assert_eq!(two(area.after).as_deref(), Some("21,67"));
    // 21,67 − 22,33, not the exact −0,666… rounded to −0,67.
    assert_eq!(
        two(difference(area.before, area.after)).as_deref(),
        Some("-0,66")
    );
}

#[test]
fn a_unit_renamed_is_one_change_and_its_objectives_stay_where_they_were() {
    let before = como();
    let mut after = como();
    let settore_3 = unit_id(&after, "SETTORE 3:");
    after.rename_unit(&settore_3, "SETTORE 3: PATRIMONIO E COMMERCIO");
    let d = diff(&before, &after);
    assert!(
        !d.changes.iter().any(|c| matches!(c, Change::Moved { .. })),
        "{:?}",
        d.changes
    );
    assert_eq!(d.changes.len(), 1, "{:?}", d.changes);
    let Change::UnitRenamed { from, to } = &d.changes[0] else {
        panic!("{:?}", d.changes[0])
    };
    assert!(from.contains("COMMERCIO - SUAP"), "{from}");
    assert!(to.contains("PATRIMONIO E COMMERCIO"), "{to}");
    // An objective put under another unit is moved.
    let mut moved = como();
    let settore_4 = unit_id(&moved, "SETTORE 4:");
    let first_of_3 = moved
        .objectives
        .iter()
        .position(|o| o.unit == settore_3)
        .unwrap();
    moved.objectives[first_of_3].unit = settore_4;
    let d = diff(&before, &moved);
    assert_eq!(
        d.changes
            .iter()
            .filter(|c| matches!(c, Change::Moved { .. }))
            .count(),
        1
    );
}
