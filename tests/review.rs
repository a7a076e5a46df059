//! The Nucleo's review: decisions, revised scores and the validated numbers,
//! and all of it surviving a save and an open.

use pesatura::io::json;
use pesatura::model::format::format_it;
use pesatura::model::review::{has_revisions, objective_status, pending_count, validated, Verdict};
use pesatura::model::{compute, Dec, Plan};

fn como() -> Plan {
    json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap()
}

#[test]
fn a_revised_score_changes_the_validated_numbers_not_the_proposed_ones() {
    let mut plan = como();
    assert!(!has_revisions(&plan));
    assert_eq!(pending_count(&plan), 53);
    // Settore 1, third objective: complessità 6 → 3.
    plan.review_revise(
        "o3",
        0,
        Some(Dec::from_int(3)),
        "2026-11-23 10:00",
        "Maria Rossi",
    );
    plan.review_comment(
        "o3",
        Some(0),
        "Complessità sovrastimata rispetto alla scheda.",
        "2026-11-23 10:01",
        "Maria Rossi",
    );
    plan.review_verdict(
        "o1",
        None,
        Verdict::Confirmed,
        "2026-11-23 10:02",
        "Maria Rossi",
    );
    assert!(has_revisions(&plan));
    assert_eq!(
        plan.objectives[2].scores[0],
        Some(Dec::from_int(6)),
        "the proposal stays"
    );
    let proposed = compute(&plan);
    let checked = compute(&validated(&plan));
    let s1 = plan.unit_index("s1").unwrap();
    assert_eq!(proposed.objectives[2].points, Some(Dec::from_int(26)));
    assert_eq!(checked.objectives[2].points, Some(Dec::from_int(23)));
    assert_eq!(
        format_it(proposed.units[s1].own.stats.average.unwrap(), 2),
        "20,67"
    );
    assert_eq!(
        format_it(checked.units[s1].own.stats.average.unwrap(), 2),
        "19,67"
    ); // 59 / 3
    assert_eq!(objective_status(&plan.objectives[2], 4), Verdict::Contested);
    assert_eq!(objective_status(&plan.objectives[0], 4), Verdict::Confirmed);
    assert_eq!(pending_count(&plan), 51);
    assert_eq!(plan.review_log.len(), 3);
    assert_eq!(plan.review_log[0].change, "«Complessità» rivisto da 6 a 3");
    assert_eq!(plan.review_log[0].by, "Maria Rossi");
}

#[test]
fn the_review_survives_save_and_open() {
    let mut plan = como();
    plan.review_revise(
        "o3",
        0,
        Some(Dec::from_int(3)),
        "2026-11-23 10:00",
        "Maria Rossi",
    );
    plan.review_comment(
        "o3",
        Some(0),
        "Sovrastimata.",
        "2026-11-23 10:01",
        "Maria Rossi",
    );
    plan.review_verdict("o5", Some(2), Verdict::Confirmed, "2026-11-23 10:02", "");
    plan.review_comment(
        "o5",
        None,
        "Va bene «così».",
        "2026-11-23 10:03",
        "Luca Bianchi",
    );
    let text = json::save(&plan);
    assert!(text.contains("\"revised\": 3"));
    assert!(text.contains("\"review_log\""));
    let again = json::load(text.as_bytes()).unwrap();
    assert_eq!(plan, again);
    assert_eq!(again.review_log[2].by, "(nome non indicato)");
    assert_eq!(
        again.objectives[4].review.scores[2].verdict,
        Verdict::Confirmed
    );
}

#[test]
fn a_file_of_schema_version_2_opens_unchanged_in_meaning() {
    let v2 = include_bytes!("fixtures/como-2024-schema-v2.json");
    assert!(String::from_utf8_lossy(v2).contains("\"schema_version\": 2"));
    let old = json::load(v2).unwrap();
    let current = como();
    assert_eq!(
        old, current,
        "the v2 file and the current example hold the same plan"
    );
    assert!(old.objectives.iter().all(|o| o.review.is_empty()));
}

#[test]
fn a_file_of_schema_version_3_opens_unchanged_in_meaning() {
    let v3 = include_bytes!("fixtures/como-2024-schema-v3.json");
    assert!(String::from_utf8_lossy(v3).contains("\"schema_version\": 3"));
    assert_eq!(json::load(v3).unwrap(), como());
    // A refused field of an older file is still found on its line.
    let broken =
        String::from_utf8_lossy(v3).replacen("\"complessita\": 6,", "\"complessita\": \"sei\",", 1);
    let e = json::load(broken.as_bytes()).unwrap_err();
    let line = broken.lines().position(|l| l.contains("\"sei\"")).unwrap() + 1;
    assert_eq!(e.line, Some(line));
}

#[test]
fn removing_a_criterion_keeps_the_review_aligned() {
    let mut plan = como();
    plan.review_revise("o3", 1, Some(Dec::from_int(5)), "t", "R");
    plan.remove_criterion(0);
    assert_eq!(
        plan.objectives[2].review.scores[0].revised,
        Some(Dec::from_int(5))
    );
    let again = json::load(json::save(&plan).as_bytes()).unwrap();
    assert_eq!(again, plan);
}

#[test]
fn a_proposal_changed_after_a_decision_is_to_be_verified_again() {
    let mut plan = como();
    let (at, by) = ("2026-12-03 09:00", "Maria Rossi");
    // Objective 2 confirmed as a whole; objective 3's complessità contested
    // and revised from 6 to 3, with a comment; its rilevanza confirmed.
    plan.review_verdict("o2", None, Verdict::Confirmed, at, by);
    plan.review_verdict("o3", Some(0), Verdict::Contested, at, by);
    plan.review_revise("o3", 0, Some(Dec::from_int(3)), at, by);
    plan.review_comment("o3", Some(0), "Sovrastimata.", at, by);
    plan.review_verdict("o3", Some(1), Verdict::Confirmed, at, by);
    assert_eq!(objective_status(&plan.objectives[1], 4), Verdict::Confirmed);
    let log = plan.review_log.len();

    // The same value typed again changes nothing.
    plan.set_score("o2", 0, plan.objectives[1].scores[0]);
    assert_eq!(objective_status(&plan.objectives[1], 4), Verdict::Confirmed);

    // The dirigente changes objective 2's complessità: it is to be verified again.
    plan.set_score("o2", 0, Some(Dec::from_int(6)));
    assert_eq!(plan.objectives[1].review.verdict, Verdict::Pending);
    assert_eq!(objective_status(&plan.objectives[1], 4), Verdict::Pending);

    // Objective 3's complessità, now 3 as the Nucleo revised it: that score
    // is to be verified again and has no revision; rilevanza keeps its
    // verdict; the comment stays, and the log is the Nucleo's alone.
    plan.set_score("o3", 0, Some(Dec::from_int(3)));
    let review = &plan.objectives[2].review;
    assert_eq!(review.scores[0].verdict, Verdict::Pending);
    assert_eq!(review.scores[0].revised, None);
    assert_eq!(review.scores[0].comment, "Sovrastimata.");
    assert_eq!(review.scores[1].verdict, Verdict::Confirmed);
    assert!(!has_revisions(&plan));
    assert_eq!(plan.review_log.len(), log);
}
