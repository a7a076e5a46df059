//! From weights to results, and the sensitivity of the ranking, with worked
//! numbers.

use pesatura::io::json;
use pesatura::model::achievement::{
    group_result, outcome, weighted_score, Achievement, Bands, Direction,
};
use pesatura::model::decimal::parse_number;
use pesatura::model::presets::new_plan;
use pesatura::model::sensitivity::{minimal_change, standings};
use pesatura::model::{compute, Dec, Plan};

fn d(t: &str) -> Dec {
    parse_number(t).unwrap()
}

fn como() -> Plan {
    json::load(include_bytes!("../examples/como-peg-2024.json")).unwrap()
}

#[test]
fn settore_1_result() {
    let mut plan = como();
    // Settore 1: weights 29,03 / 29,03 / 41,94.
    plan.objectives[0].achievement = Some(Achievement::Percent(d("100")));
    plan.objectives[1].achievement = Some(Achievement::Percent(d("80")));
    // Indicator: 24 hours expected, 18 done → 75 %.
    plan.objectives[2].achievement = Some(Achievement::Indicator {
        target: d("24"),
        actual: d("18"),
        direction: Direction::HigherIsBetter,
    });
    let results = compute(&plan);
    let out = outcome(&plan, &results);
    let s1 = plan.unit_index("s1").unwrap();
    // 100 × 29,03 + 80 × 29,03 + 75 × 41,94 = 2903 + 2322,4 + 3145,5 = 8370,9 → /100 = 83,709 → 83,71
    assert_eq!(out.units[s1].score, Some(d("83,71")));
    assert_eq!(weighted_score(d("80"), d("29,03")), d("23,22"));
    // Settore 2 has no achievement yet: its result, its area's and the ente's are incomplete, not zero.
    let s2 = plan.unit_index("s2").unwrap();
    assert_eq!(out.units[s2].score, None);
    assert_eq!(out.units[s2].missing, 3);
    let area = plan.unit_index("a1").unwrap();
    assert_eq!(out.rollup[area], None);
    assert_eq!(out.ente, None);
    // With Settore 2 at 90 % everywhere: its result is 90, the area's the mean (83,71 + 90) / 2 = 86,855 → 86,86
    for o in plan.objectives.iter_mut().filter(|o| o.unit == "s2") {
        o.achievement = Some(Achievement::Percent(d("90")));
    }
    let out = outcome(&plan, &compute(&plan));
    assert_eq!(out.units[s2].score, Some(d("90")));
    assert_eq!(out.rollup[area], Some(d("86,86")));
    assert_eq!(out.rollup[s1], Some(d("83,71")));
}

#[test]
fn the_result_sums_exact_values_and_says_the_sum_of_those_shown() {
    let mut plan = como();
    // Settore 1 (weights 29,03 / 29,03 / 41,94) at 85, 85 and 0 %.
    for (o, a) in plan.objectives.iter_mut().zip(["85", "85", "0"]) {
        o.achievement = Some(Achievement::Percent(d(a)));
    }
    let s1 = plan.unit_index("s1").unwrap();
    let result = group_result(&plan, &compute(&plan).units[s1].own);
    // 85 × 29,03 / 100 = 24,6755, shown 24,68 twice: the result is
    // 49,351 → 49,35, the sum of what is shown 49,36.
    assert_eq!(weighted_score(d("85"), d("29,03")), d("24,68"));
    assert_eq!(result.score, Some(d("49,35")));
    assert_eq!(result.shown_sum, Some(d("49,36")));
    // Settore 2 at 90 % everywhere: the two agree.
    let settore_2 = plan.unit_index("s2").unwrap();
    for o in plan.objectives.iter_mut().filter(|o| o.unit == "s2") {
        o.achievement = Some(Achievement::Percent(d("90")));
    }
    let result = group_result(&plan, &compute(&plan).units[settore_2].own);
    assert_eq!(result.score, result.shown_sum);
    assert_eq!(result.score, Some(d("90")));
}

#[test]
fn bands_apply_to_the_result() {
    let mut plan = como();
    plan.grid.bands = Some(Bands {
        zero_below: d("50"),
        full_from: d("80"),
    });
    plan.objectives[0].achievement = Some(Achievement::Percent(d("45"))); // → 0
    plan.objectives[1].achievement = Some(Achievement::Percent(d("65"))); // → 65
    plan.objectives[2].achievement = Some(Achievement::Percent(d("85"))); // → 100
    let out = outcome(&plan, &compute(&plan));
    // 0 + 65 × 29,03 / 100 + 100 × 41,94 / 100 = 18,8695 + 41,94 = 60,8095 → 60,81
    assert_eq!(
        out.units[plan.unit_index("s1").unwrap()].score,
        Some(d("60,81"))
    );
    let again = json::load(json::save(&plan).as_bytes()).unwrap();
    assert_eq!(again, plan, "achievements and bands survive save and open");
}

fn small() -> Plan {
    let mut plan = new_plan(2025);
    let rows = [("A", [8, 3, 1, 2]), ("B", [3, 9, 1, 2])]; // A 14, B 15: B ranks first
    for (title, scores) in rows {
        let id = plan.add_objective("u1");
        plan.set_title(&id, title);
        for (c, s) in scores.iter().enumerate() {
            plan.set_score(&id, c, Some(Dec::from_int(*s)));
        }
    }
    plan
}

#[test]
fn scaling_a_criterion_swaps_two_ranks() {
    let plan = small();
    let results = compute(&plan);
    let ones = vec![Dec::from_int(1); 4];
    let base = &standings(&plan, &results, &ones)[0].1;
    assert_eq!((base[0].rank, base[1].rank), (Some(2), Some(1)));
    assert!(base.iter().all(|s| !s.moved()));
    // Complessità at 150 %: A = 12 + 3 + 1 + 2 = 18, B = 4,5 + 9 + 1 + 2 = 16,5 → A first.
    let mut factors = ones.clone();
    factors[0] = d("1,5");
    let scaled = &standings(&plan, &results, &factors)[0].1;
    assert_eq!(scaled[0].scaled, Some(d("18")));
    assert_eq!(scaled[1].scaled, Some(d("16,5")));
    assert_eq!(
        (scaled[0].scaled_rank, scaled[1].scaled_rank),
        (Some(1), Some(2))
    );
    assert!(scaled.iter().all(|s| s.moved()));
    // Rilevanza at 0 %: A = 11, B = 6 → A first as well.
    let mut factors = ones.clone();
    factors[1] = Dec::ZERO;
    assert_eq!(
        standings(&plan, &results, &factors)[0].1[0].scaled_rank,
        Some(1)
    );
    // The saved scores never change.
    assert_eq!(plan, small());
}

#[test]
fn the_smallest_change_that_moves_a_rank() {
    let plan = small();
    // A (14) is one point behind B (15): +1 on complessità ties them, and a tie shares rank 1.
    let ones = vec![Dec::from_int(1); 4];
    assert_eq!(minimal_change(&plan, 0, &[0, 1], &ones), Some((0, d("1"))));
    // B leads by one: −1 on complessità makes a tie, and B's rank stays 1 (A ties at rank 1 too),
    // so B needs −2 to fall behind: 13 < 14.
    assert_eq!(minimal_change(&plan, 1, &[0, 1], &ones), Some((0, d("-2"))));
    // With the sliders: complessità at 0 % counts nothing, so no change of it
    // moves a rank. A = 3 + 1 + 2 = 6, B = 9 + 1 + 2 = 12: A needs +6 on
    // rilevanza to tie (9), or +6 on impatto (8 ≤ 10).
    let mut factors = ones.clone();
    factors[0] = Dec::ZERO;
    let (criterion, change) = minimal_change(&plan, 0, &[0, 1], &factors).unwrap();
    assert_ne!(criterion, 0, "complessità scaled to nothing moves nothing");
    assert_eq!(change, d("6"));
}

#[test]
fn the_csv_export_carries_the_results() {
    use pesatura::io::csv::{export, preview, Dialect};
    let mut plan = como();
    plan.objectives[0].achievement = Some(Achievement::Percent(d("100")));
    plan.objectives[1].achievement = Some(Achievement::Percent(d("80")));
    plan.objectives[2].achievement = Some(Achievement::Indicator {
        target: d("24"),
        actual: d("18"),
        direction: Direction::HigherIsBetter,
    });
    plan.objectives[3].achievement = Some(Achievement::Indicator {
        target: d("12000"),
        actual: d("13500,5"),
        direction: Direction::LowerIsBetter,
    });
    let text = String::from_utf8(export(&plan, Dialect::ExcelItalian)).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(
            "\"Raggiungimento (%)\";\"Target dell'indicatore\";\"Valore rilevato\";\"Verso dell'indicatore\";\"Raggiungimento che conta (%)\";\"Punteggio ponderato\";\"Risultato della tabella\""
        ),
        "{header}"
    );
    let committenza = text
        .lines()
        .find(|l| l.contains("COMMITTENZA AUSILIARIA"))
        .unwrap();
    assert!(
        committenza.ends_with("\"80\";\"\";\"\";\"\";\"80,00\";\"23,22\";\"83,71\""),
        "{committenza}"
    );
    // An indicator: its target, the value found and its direction as
    // entered; then the percentage that counts (18 of 24).
    let indicator = text.lines().nth(3).unwrap();
    assert!(
        indicator.ends_with("\"\";\"24\";\"18\";\"crescente\";\"75,00\";\"29,03\";\"83,71\"")
            || indicator.contains("\"24\";\"18\";\"crescente\";\"75,00\""),
        "{indicator}"
    );
    assert!(
        text.contains("\"12.000\";\"13.500,5\";\"decrescente\""),
        "{text}"
    );
    // A settore without achievements has empty cells, not zeros.
    let s2 = text
        .lines()
        .find(|l| l.contains("Realizzazione fabbisogno assunzionale"))
        .unwrap();
    assert!(s2.ends_with("\"\";\"\";\"\";\"\";\"\";\"\";\"\""), "{s2}");
    // Read back into the plan without achievements, in either dialect, the
    // achievements come back as entered; the computed columns are left aside.
    for dialect in [Dialect::ExcelItalian, Dialect::Plain] {
        let bytes = export(&plan, dialect);
        let back = preview(&bytes, &como()).unwrap();
        assert!(
            back.ignored_columns.is_empty(),
            "{:?}",
            back.ignored_columns
        );
        assert!(back.rejected.is_empty(), "{:?}", back.rejected);
        let mut target = como();
        let applied =
            pesatura::io::csv::apply(&mut target, &back, pesatura::io::csv::Existing::Update);
        assert_eq!(applied.updated.len(), 53);
        let achievements = |p: &Plan| {
            p.objectives
                .iter()
                .map(|o| o.achievement)
                .collect::<Vec<_>>()
        };
        assert_eq!(achievements(&target), achievements(&plan), "{dialect:?}");
    }
}

#[test]
fn achievement_cells_that_cannot_be_read_are_said_with_their_column() {
    use pesatura::io::csv::preview;
    let text = "Settore;Titolo;Raggiungimento (%);Target dell'indicatore;Valore rilevato;Verso dell'indicatore
SETTORE 14: TRIBUTI E RISCOSSIONI;Uno;120;;;
SETTORE 14: TRIBUTI E RISCOSSIONI;Due;80;100;90;
SETTORE 14: TRIBUTI E RISCOSSIONI;Tre;;100;;
SETTORE 14: TRIBUTI E RISCOSSIONI;Quattro;;100;90;di lato
SETTORE 14: TRIBUTI E RISCOSSIONI;Cinque;;100;molti;
SETTORE 14: TRIBUTI E RISCOSSIONI;Sei;;100;90;↓
SETTORE 14: TRIBUTI E RISCOSSIONI;Sette;85 %;;;
";
    let back = preview(text.as_bytes(), &como()).unwrap();
    let reasons: Vec<String> = back.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(reasons.len(), 5, "{reasons:#?}");
    assert!(
        reasons[0].contains("«Raggiungimento (%)»") && reasons[0].contains("tra 0 e 100"),
        "{}",
        reasons[0]
    );
    assert!(
        reasons[1].contains("sia il raggiungimento in percentuale sia il target"),
        "{}",
        reasons[1]
    );
    assert!(
        reasons[2].contains("sia il target sia il valore rilevato"),
        "{}",
        reasons[2]
    );
    assert!(
        reasons[3].contains("«Verso dell'indicatore»") && reasons[3].contains("«di lato»"),
        "{}",
        reasons[3]
    );
    assert!(
        reasons[4].ends_with("«Cinque»): Valore rilevato «molti»: non è un numero"),
        "{}",
        reasons[4]
    );
    assert_eq!(
        back.rows.iter().map(|r| r.achievement).collect::<Vec<_>>(),
        [
            Some(Achievement::Indicator {
                target: d("100"),
                actual: d("90"),
                direction: Direction::LowerIsBetter
            }),
            Some(Achievement::Percent(d("85"))),
        ]
    );
}

#[test]
fn bands_are_set_in_order_within_0_and_100_or_removed() {
    let mut plan = como();
    assert_eq!(plan.set_bands(Some((d("50"), d("80")))), Ok(()));
    assert_eq!(
        plan.grid.bands,
        Some(Bands {
            zero_below: d("50"),
            full_from: d("80")
        })
    );
    for (zero_below, full_from) in [("80", "50"), ("-1", "80"), ("50", "101")] {
        let refused = plan.set_bands(Some((d(zero_below), d(full_from))));
        assert!(refused.unwrap_err().contains("da 0 a 100"));
        assert_eq!(
            plan.grid.bands.unwrap().zero_below,
            d("50"),
            "a refusal changes nothing"
        );
    }
    assert_eq!(plan.set_bands(None), Ok(()));
    assert_eq!(plan.grid.bands, None);
}

#[test]
fn a_unit_of_prerequisites_only_is_left_out_of_the_results_above_it() {
    use pesatura::model::edit::parse_direct;
    use pesatura::model::presets::{new_plan_with, Preset};
    // Area Servizi: Settore Bilancio (20 / 30,5 / 49,5) and Settore Tributi,
    // whose three objectives are prerequisites («X»).
    let mut plan = new_plan_with(2025, Preset::DirectPercent);
    plan.units.clear();
    let area = plan.add_unit("Area Servizi", 0, None);
    let bilancio = plan.add_unit("Settore Bilancio", 1, Some(&area));
    let tributi = plan.add_unit("Settore Tributi", 1, Some(&area));
    for (unit, weights, achieved) in [
        (&bilancio, ["20", "30,5", "49,5"], ["100", "66,67", "33,33"]),
        (&tributi, ["X", "x", "X"], ["", "", ""]),
    ] {
        for (w, a) in weights.into_iter().zip(achieved) {
            let id = plan.add_objective(unit);
            plan.set_direct(&id, parse_direct(w).unwrap());
            if !a.is_empty() {
                let i = plan.objectives.iter().position(|o| o.id == id).unwrap();
                plan.objectives[i].achievement = Some(Achievement::Percent(d(a)));
            }
        }
    }
    let results = compute(&plan);
    let o = outcome(&plan, &results);
    let [area_at, bilancio_at, tributi_at] =
        [&area, &bilancio, &tributi].map(|id| plan.units.iter().position(|u| &u.id == id).unwrap());
    // (20 × 100 + 30,5 × 66,67 + 49,5 × 33,33) / 100 = 56,83…
    assert_eq!(
        o.units[bilancio_at]
            .score
            .map(|s| pesatura::model::format::format_it(s, 2))
            .as_deref(),
        Some("56,83")
    );
    assert_eq!(o.units[tributi_at].score, None);
    assert_eq!(o.rollup[area_at], o.units[bilancio_at].score);
    assert_eq!(o.ente, o.units[bilancio_at].score);
    // An objective of Tributi with a weight but no achievement makes them missing again.
    let id = plan.add_objective(&tributi);
    plan.set_direct(&id, parse_direct("100").unwrap());
    let o = outcome(&plan, &compute(&plan));
    assert_eq!((o.rollup[area_at], o.ente), (None, None));
}
