//! The Excel workbook: read back with calamine, the table has a live
//! formula in every total, relative weight and average cell, each with
//! Pesatura's value cached; the grid and the findings have sheets of their
//! own; once achievements are entered, the achievement, the weighted score
//! (a live formula) and the unit's result follow; the workbook reads back
//! through the CSV import's checks to the same objectives and scores; what
//! is not an .xlsx is refused.
#![cfg(feature = "xlsx")]

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use pesatura::io::{csv, json, xlsx};
use pesatura::model::achievement::{
    counted_percent, group_result, weighted_score, Achievement, Bands, Direction,
};
use pesatura::model::compute::Group;
use pesatura::model::decimal::parse_number;
use pesatura::model::plan::{DirectWeight, SharedRule};
use pesatura::model::presets::{new_plan, new_plan_with, Preset};
use pesatura::model::{compute, validate, Dec, Plan};

fn d(text: &str) -> Dec {
    parse_number(text).unwrap()
}

fn como() -> Plan {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/como-peg-2024.json"
    ))
    .unwrap();
    json::load(&bytes).unwrap()
}

/// A sheet's values and formulas.
struct Sheet {
    values: Range<Data>,
    formulas: Range<String>,
}

impl Sheet {
    fn read(bytes: &[u8], name: &str) -> Sheet {
        let mut workbook: Xlsx<_> =
            open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an .xlsx calamine reads");
        Sheet {
            values: workbook.worksheet_range(name).unwrap(),
            formulas: workbook.worksheet_formula(name).unwrap(),
        }
    }

    fn value(&self, row: u32, col: u32) -> Data {
        self.values
            .get_value((row, col))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn text(&self, row: u32, col: u32) -> String {
        match self.value(row, col) {
            Data::String(s) => s,
            Data::Empty => String::new(),
            other => panic!("({row}, {col}) is not text: {other:?}"),
        }
    }

    /// A cached number, `None` for an empty result.
    fn number(&self, row: u32, col: u32) -> Option<f64> {
        match self.value(row, col) {
            Data::Float(x) => Some(x),
            Data::Int(n) => Some(n as f64),
            Data::String(s) if s.is_empty() => None,
            Data::Empty => None,
            other => panic!("({row}, {col}) is not a number: {other:?}"),
        }
    }

    fn formula(&self, row: u32, col: u32) -> String {
        self.formulas
            .get_value((row, col))
            .cloned()
            .unwrap_or_default()
    }

    /// The column under a header of row 4 (index 3).
    fn col(&self, header: &str) -> u32 {
        (0..=self.values.end().unwrap().1)
            .find(|&c| self.value(3, c) == Data::String(header.into()))
            .unwrap_or_else(|| panic!("no column «{header}»"))
    }
}

fn f(value: Option<Dec>) -> Option<f64> {
    value.map(Dec::to_f64)
}

/// Every table of the plan in export order: a unit's own, then the shared one.
fn tables(plan: &Plan) -> Vec<(String, Group)> {
    let results = compute(plan);
    let mut out: Vec<(String, Group)> = plan
        .units_in_tree_order()
        .into_iter()
        .map(|(_, u)| {
            (
                u.id.clone(),
                results.units[plan.unit_index(&u.id).unwrap()].own.clone(),
            )
        })
        .filter(|(_, g)| !g.members.is_empty())
        .collect();
    if plan.grid.shared == SharedRule::Separate && !results.shared.members.is_empty() {
        out.push(("comuni".into(), results.shared.clone()));
    }
    out
}

#[test]
fn como_table_has_live_formulas_with_pesatura_values_cached() {
    let plan = como();
    let results = compute(&plan);
    let bytes = xlsx::export(&plan).unwrap();
    let sheet = Sheet::read(&bytes, "Pesatura");
    let (title, total, weight, average) = (
        sheet.col("Titolo"),
        sheet.col("Totale"),
        sheet.col("Peso relativo (%)"),
        sheet.col("Media della tabella"),
    );
    let first_score = sheet.col("Complessità");
    let last_score = first_score + 3;
    assert_eq!(
        sheet.col("Impatto utenza"),
        last_score,
        "the four criteria side by side"
    );
    let letter = |c: u32| char::from(b'A' + c as u8);

    let mut row = 4;
    let mut averages = Vec::new();
    for (unit, group) in tables(&plan) {
        let first = row;
        for member in &group.members {
            let excel = row + 1;
            assert_eq!(
                sheet.text(row, title),
                plan.objectives[member.objective].title
            );
            assert_eq!(
                sheet.formula(row, total),
                format!(
                    "IF(COUNT({s}{excel}:{e}{excel})=4,SUM({s}{excel}:{e}{excel}),\"\")",
                    s = letter(first_score),
                    e = letter(last_score)
                ),
            );
            assert_eq!(
                sheet.number(row, total),
                f(results.objectives[member.objective].points),
                "{unit} row {excel}"
            );
            assert!(
                sheet.formula(row, weight).contains("SUMPRODUCT"),
                "{}",
                sheet.formula(row, weight)
            );
            assert_eq!(
                sheet.number(row, weight),
                f(member.weight),
                "{unit} row {excel}"
            );
            for c in first_score..=last_score {
                let score = plan.objectives[member.objective].scores[(c - first_score) as usize];
                assert_eq!(sheet.number(row, c), f(score));
                assert_eq!(sheet.formula(row, c), "", "scores are values");
            }
            row += 1;
        }
        assert!(
            sheet.text(row, 0).starts_with("Totale e media — "),
            "closing row of {unit}: {:?}",
            sheet.value(row, 0)
        );
        let range = format!("{l}{}:{l}{}", first + 1, row, l = letter(total));
        assert_eq!(
            sheet.formula(row, average),
            format!("IFERROR(ROUND(AVERAGE({range}),2),\"\")")
        );
        assert_eq!(sheet.formula(row, total), format!("SUM({range})"));
        assert_eq!(sheet.number(row, average), f(group.stats.average), "{unit}");
        assert_eq!(
            sheet.number(row, weight),
            Some(100.0),
            "{unit}: the shares sum to 100"
        );
        averages.push((unit, sheet.number(row, average)));
        row += 1;
    }
    assert_eq!(averages.len(), 18, "17 settori and the shared objectives");
    assert!(
        averages.contains(&("s3".into(), Some(26.5))),
        "{averages:?}"
    );
    assert!(
        averages.contains(&("s1".into(), Some(20.67))),
        "{averages:?}"
    );
    assert_eq!(
        sheet.value(row, 0),
        Data::Empty,
        "nothing after the last table"
    );
}

#[test]
fn uneven_shares_are_apportioned_as_pesatura_does() {
    // 20 + 20 + 20: a plain share shows 33,33 three times; Pesatura gives 33,34 to the first.
    let mut plan = new_plan(2025);
    for title in ["Uno", "Due", "Tre"] {
        let id = plan.add_objective("u1");
        plan.set_title(&id, title);
        for c in 0..4 {
            plan.set_score(&id, c, Some(Dec::from_int(5)));
        }
    }
    let incomplete = plan.add_objective("u1");
    plan.set_title(&incomplete, "Da completare");
    plan.set_score(&incomplete, 0, Some(Dec::from_int(9)));
    let sheet = Sheet::read(&xlsx::export(&plan).unwrap(), "Pesatura");
    let (total, weight, average) = (
        sheet.col("Totale"),
        sheet.col("Peso relativo (%)"),
        sheet.col("Media della tabella"),
    );
    let weights: Vec<Option<f64>> = (4..8).map(|r| sheet.number(r, weight)).collect();
    assert_eq!(weights, vec![Some(33.34), Some(33.33), Some(33.33), None]);
    assert_eq!(
        sheet.number(7, total),
        None,
        "an incomplete objective has no total, not 0"
    );
    assert_eq!(
        sheet.number(8, average),
        Some(20.0),
        "averaged over the three complete objectives"
    );
    assert!(
        sheet.formula(4, weight).starts_with("IF(ISNUMBER(J5)"),
        "{}",
        sheet.formula(4, weight)
    );
}

#[test]
fn grid_and_findings_sheets() {
    let plan = como();
    let bytes = xlsx::export(&plan).unwrap();
    let grid = Sheet::read(&bytes, "Griglia");
    let texts: Vec<String> = grid
        .values
        .rows()
        .flatten()
        .filter_map(|c| {
            if let Data::String(s) = c {
                Some(s.clone())
            } else {
                None
            }
        })
        .collect();
    assert!(
        texts.contains(&pesatura::model::describe::formula(&plan.grid)),
        "{texts:?}"
    );
    for criterion in &plan.grid.criteria {
        assert!(
            texts.contains(&criterion.name),
            "{} in {texts:?}",
            criterion.name
        );
    }
    assert!(texts.contains(&"da 0 a 10".to_string()));

    let findings = validate(&plan);
    assert!(
        !findings.is_empty(),
        "Como has findings (Settore 3's missing objective, among others)"
    );
    let sheet = Sheet::read(&bytes, "Rilievi");
    for (i, finding) in findings.iter().enumerate() {
        let row = 3 + i as u32;
        assert_eq!(sheet.text(row, 0), finding.severity.label());
        assert_eq!(sheet.text(row, 1), finding.where_);
        assert_eq!(sheet.text(row, 2), finding.message);
    }
    assert_eq!(sheet.value(3 + findings.len() as u32, 0), Data::Empty);
}

/// The plan with its units and grid but no objectives: where an import lands.
fn emptied(plan: &Plan) -> Plan {
    let mut empty = plan.clone();
    empty.objectives.clear();
    empty
}

type Essentials = (
    String,
    Vec<String>,
    String,
    Option<String>,
    Vec<Option<Dec>>,
    Option<String>,
    Option<DirectWeight>,
);

fn essentials(plan: &Plan) -> Vec<Essentials> {
    let mut out: Vec<_> = plan
        .objectives
        .iter()
        .map(|o| {
            (
                o.unit.clone(),
                o.also.clone(),
                o.title.clone(),
                o.description.clone(),
                o.scores.clone(),
                o.kind.clone(),
                o.direct,
            )
        })
        .collect();
    out.sort_by(|a, b| (&a.0, &a.2).cmp(&(&b.0, &b.2)));
    out
}

/// Exports to .xlsx, previews against the emptied plan and applies.
fn round_trip(plan: &Plan) -> (Plan, csv::Preview) {
    let bytes = xlsx::export(plan).unwrap();
    let mut target = emptied(plan);
    let preview = xlsx::preview(&bytes, &target).expect("the exported workbook reads back");
    csv::apply(&mut target, &preview, csv::Existing::Add);
    (target, preview)
}

#[test]
fn como_round_trips_like_the_csv() {
    let plan = como();
    let (back, preview) = round_trip(&plan);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert!(
        preview.ignored_columns.is_empty(),
        "{:?}",
        preview.ignored_columns
    );
    assert!(preview.missing_criteria.is_empty());
    assert_eq!(preview.rows.len(), 53);
    assert_eq!(preview.header_line, 4, "Excel's row number");
    assert_eq!(
        preview.sheet.as_deref(),
        Some("Pesatura"),
        "the preview names the sheet it read"
    );
    assert_eq!(essentials(&back), essentials(&plan));
    assert_eq!(compute(&back).units, compute(&plan).units);

    // The same objectives, units and scores as the CSV import of the CSV export.
    let from_csv = csv::preview(
        &csv::export(&plan, csv::Dialect::ExcelItalian),
        &emptied(&plan),
    )
    .unwrap();
    let strip = |p: &csv::Preview| {
        p.rows
            .iter()
            .map(|r| {
                (
                    r.unit.clone(),
                    r.also.clone(),
                    r.title.clone(),
                    r.scores.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&preview), strip(&from_csv));
}

#[test]
fn formula_like_titles_are_text_and_come_back_unchanged() {
    let mut plan = new_plan(2025);
    let titles = [
        "=HYPERLINK(\"http://x\",\"clic\")",
        "'=già tra apici",
        "+39 031 252111",
        "@SUM(A1)",
    ];
    for title in titles {
        let id = plan.add_objective("u1");
        plan.set_title(&id, title);
        plan.set_score(&id, 0, Some(Dec::from_int(3)));
    }
    let bytes = xlsx::export(&plan).unwrap();
    let sheet = Sheet::read(&bytes, "Pesatura");
    let title = sheet.col("Titolo");
    for (i, expected) in titles.iter().enumerate() {
        let row = 4 + i as u32;
        assert_eq!(
            sheet.text(row, title),
            *expected,
            "written as text, as typed"
        );
        assert_eq!(sheet.formula(row, title), "", "never a formula");
    }
    let (back, preview) = round_trip(&plan);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(essentials(&back), essentials(&plan));
}

#[test]
fn rows_that_cannot_be_imported_are_reported_with_excel_row_numbers() {
    let mut plan = new_plan(2025);
    let good = plan.add_objective("u1");
    plan.set_title(&good, "Buono");
    plan.set_score(&good, 0, Some(Dec::from_int(4)));
    let bytes = xlsx::export(&plan).unwrap();
    // The same workbook, imported into a plan whose grid allows at most 3:
    // the score is refused with the CSV import's reason.
    let mut strict = emptied(&plan);
    strict.set_range(0, d("0"), d("3"), d("1")).unwrap();
    let preview = xlsx::preview(&bytes, &strict).unwrap();
    assert!(preview.rows.is_empty());
    let rejected: Vec<String> = preview.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert!(
        rejected[0].starts_with("Riga 5 («Buono»): colonna «Complessità»"),
        "{rejected:?}"
    );
}

#[test]
fn what_is_not_an_xlsx_is_refused() {
    let plan = new_plan(2025);
    let csv_bytes = csv::export(&plan, csv::Dialect::ExcelItalian);
    let err = xlsx::preview(&csv_bytes, &plan).unwrap_err();
    assert!(
        err.to_string().contains("non è un file Excel .xlsx"),
        "{err}"
    );
    let err = xlsx::preview(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", &plan).unwrap_err();
    assert!(err.to_string().contains("vecchio formato .xls"), "{err}");
    let err = xlsx::preview(b"PK\x03\x04 not really a zip", &plan).unwrap_err();
    assert!(err.to_string().contains("danneggiato"), "{err}");
    assert!(xlsx::preview(b"", &plan).is_err());
}

#[test]
fn levels_types_and_shared_objectives() {
    let mut plan = new_plan_with(2025, Preset::LevelsAndTypes);
    let other = plan.add_unit("Settore Tributi", 1, None);
    let a = plan.add_objective("u1");
    plan.set_title(&a, "Sportello unico");
    plan.set_kind(&a, Some("sviluppo"));
    for c in 0..3 {
        plan.set_score(&a, c, Some(Dec::from_int(c as i64 + 1)));
    }
    let b = plan.add_objective(&other);
    plan.set_title(&b, "Senza tipologia");
    for c in 0..3 {
        plan.set_score(&b, c, Some(Dec::from_int(2)));
    }
    let results = compute(&plan);
    let bytes = xlsx::export(&plan).unwrap();
    let sheet = Sheet::read(&bytes, "Pesatura");
    let (factor, total) = (sheet.col("Fattore tipologia"), sheet.col("Totale"));
    assert_eq!(sheet.number(4, factor), Some(1.5));
    assert_eq!(
        sheet.formula(4, total),
        "IF(AND(COUNT(H5:J5)=3,ISNUMBER(G5)),ROUND(SUM(H5:J5)*G5,4),\"\")"
    );
    assert_eq!(sheet.number(4, total), f(results.objectives[0].points));
    assert_eq!(sheet.number(4, total), Some(9.0), "(1 + 2 + 3) × 1,5");
    assert_eq!(sheet.number(6, total), None, "no type, no total");
    assert_eq!(
        sheet.number(6, sheet.col("Complessità")),
        Some(2.0),
        "level scales write the level's points"
    );

    let (back, preview) = round_trip(&plan);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(
        preview.ignored_columns,
        vec!["Fattore tipologia".to_string()],
        "read from the type, never from the sheet"
    );
    assert_eq!(essentials(&back), essentials(&plan));
}

#[test]
fn direct_weights_with_a_prerequisite() {
    let mut plan = new_plan_with(2025, Preset::DirectPercent);
    for (title, weight) in [
        ("Bilancio", Some(DirectWeight::Percent(d("62,5")))),
        ("Trasparenza", Some(DirectWeight::Prerequisite)),
        ("Archivio", Some(DirectWeight::Percent(d("37,5")))),
    ] {
        let id = plan.add_objective("u1");
        plan.set_title(&id, title);
        plan.set_direct(&id, weight);
    }
    let bytes = xlsx::export(&plan).unwrap();
    let sheet = Sheet::read(&bytes, "Pesatura");
    let (direct, total, weight, average) = (
        sheet.col("Peso assegnato (%)"),
        sheet.col("Totale"),
        sheet.col("Peso relativo (%)"),
        sheet.col("Media della tabella"),
    );
    assert_eq!(sheet.text(5, direct), "X");
    assert_eq!(sheet.formula(4, total), "IF(ISNUMBER(F5),F5,\"\")");
    assert_eq!(sheet.col("Titolo") + 3, direct);
    let weights: Vec<Option<f64>> = (4..7).map(|r| sheet.number(r, weight)).collect();
    assert_eq!(weights, vec![Some(62.5), None, Some(37.5)]);
    assert_eq!(
        sheet.number(7, average),
        Some(50.0),
        "the prerequisite is not averaged"
    );

    let (back, preview) = round_trip(&plan);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(essentials(&back), essentials(&plan));
}

#[test]
fn points_weighted_average_and_hierarchy() {
    let mut plan = new_plan(2025);
    plan.grid.average = pesatura::model::plan::AverageRule::PointsWeighted;
    let area = plan.add_unit("Area Servizi", 0, None);
    let settore = plan.add_unit("Settore Qualità", 1, Some(&area));
    // Alto at every criterion's maximum (10 + 15 + 5 + 10 = 40), Basso 2 on each (8).
    for (title, scores) in [("Alto", [10, 15, 5, 10]), ("Basso", [2, 2, 2, 2])] {
        let id = plan.add_objective(&settore);
        plan.set_title(&id, title);
        for (c, score) in scores.into_iter().enumerate() {
            plan.set_score(&id, c, Some(Dec::from_int(score)));
        }
    }
    let results = compute(&plan);
    let group = &results.units[plan.unit_index(&settore).unwrap()].own;
    let sheet = Sheet::read(&xlsx::export(&plan).unwrap(), "Pesatura");
    assert_eq!(sheet.text(4, sheet.col("Area")), "Area Servizi");
    assert_eq!(sheet.text(4, sheet.col("Settore")), "Settore Qualità");
    let average = sheet.col("Media della tabella");
    assert!(
        sheet.formula(6, average).contains("SUMPRODUCT"),
        "{}",
        sheet.formula(6, average)
    );
    // (40² + 8²) / 48 = 34,666… → 34,67
    assert_eq!(sheet.number(6, average), Some(34.67));
    assert_eq!(sheet.number(6, average), f(group.stats.average));
}

#[test]
fn file_name_and_sheet_names() {
    let plan = como();
    assert_eq!(
        xlsx::file_name(&plan),
        json::file_name(&plan).replace(".json", ".xlsx")
    );
    assert!(
        xlsx::file_name(&plan).starts_with("pesatura-")
            && xlsx::file_name(&plan).ends_with("-2024.xlsx")
    );
    let workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(xlsx::export(&plan).unwrap())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        vec!["Pesatura", "Griglia", "Rilievi"]
    );
}

/// Como with Settore 1's achievements entered as in the end-to-end test
/// (100 %, 80 %, an indicator of 18 hours out of 24), one in Settore 2 and
/// one on a shared objective.
fn como_with_achievements() -> Plan {
    let mut plan = como();
    let set = |plan: &mut Plan, id: &str, a: Achievement| {
        let i = plan.objective_index(id).unwrap();
        plan.objectives[i].achievement = Some(a);
    };
    set(&mut plan, "o1", Achievement::Percent(d("100")));
    set(&mut plan, "o2", Achievement::Percent(d("80")));
    set(
        &mut plan,
        "o3",
        Achievement::Indicator {
            target: d("24"),
            actual: d("18"),
            direction: Direction::HigherIsBetter,
        },
    );
    let s2 = plan
        .objectives
        .iter()
        .find(|o| o.unit == "s2" && !o.is_shared())
        .unwrap()
        .id
        .clone();
    set(&mut plan, &s2, Achievement::Percent(d("33,33")));
    let shared = plan
        .objectives
        .iter()
        .find(|o| o.is_shared())
        .unwrap()
        .id
        .clone();
    set(&mut plan, &shared, Achievement::Percent(d("50")));
    plan
}

#[test]
fn achievements_give_live_weighted_scores_and_unit_results() {
    let plan = como_with_achievements();
    let results = compute(&plan);
    let bytes = xlsx::export(&plan).unwrap();
    let sheet = Sheet::read(&bytes, "Pesatura");
    let (weight, achieved, weighted, result) = (
        sheet.col("Peso relativo (%)"),
        sheet.col("Raggiungimento che conta (%)"),
        sheet.col("Punteggio ponderato"),
        sheet.col("Risultato della tabella"),
    );
    // After the table's average, the achievement as entered (four columns),
    // then what counts.
    assert_eq!(
        (achieved, weighted, result),
        (
            sheet.col("Media della tabella") + 5,
            sheet.col("Media della tabella") + 6,
            sheet.col("Media della tabella") + 7
        )
    );
    let letter = |c: u32| char::from(b'A' + c as u8);

    let mut row = 4;
    let mut checked = 0;
    let mut unit_results = Vec::new();
    for (unit, group) in tables(&plan) {
        let first = row;
        for member in &group.members {
            let objective = &plan.objectives[member.objective];
            let excel = row + 1;
            let counted = objective
                .achievement
                .and_then(|a| counted_percent(a, plan.grid.bands));
            assert_eq!(
                sheet.number(row, achieved),
                f(counted),
                "{} row {excel}",
                objective.id
            );
            assert_eq!(
                sheet.formula(row, achieved),
                "",
                "the achievement is a value"
            );
            assert_eq!(
                sheet.formula(row, weighted),
                format!("IF(AND(ISNUMBER({a}{excel}),ISNUMBER({w}{excel})),ROUND({a}{excel}*{w}{excel}/100,2),\"\")", a = letter(achieved), w = letter(weight)),
            );
            let expected = counted
                .zip(member.weight)
                .map(|(a, w)| weighted_score(a, w));
            assert_eq!(
                sheet.number(row, weighted),
                f(expected),
                "{} row {excel}",
                objective.id
            );
            checked += usize::from(expected.is_some());
            assert_eq!(
                sheet.number(row, result),
                None,
                "the result is in the closing row only"
            );
            row += 1;
        }
        let (a, w, s) = (letter(achieved), letter(weight), letter(weighted));
        assert_eq!(
            sheet.formula(row, result),
            format!("IF(AND(COUNT({w}{f}:{w}{row})>0,COUNT({w}{f}:{w}{row})=COUNT({s}{f}:{s}{row})),ROUND(SUMPRODUCT({a}{f}:{a}{row},{w}{f}:{w}{row})/100,2),\"\")", f = first + 1),
        );
        let expected = group_result(&plan, &group).score;
        assert_eq!(sheet.number(row, result), f(expected), "{unit}");
        unit_results.push((unit, sheet.number(row, result)));
        row += 1;
    }
    assert_eq!(
        checked, 5,
        "the five objectives with an achievement and a weight"
    );
    // 29,03 + 80 % × 29,03 + 75 % × 41,94 = 29,03 + 23,224 + 31,455 = 83,709 → 83,71, as on screen.
    assert!(
        unit_results.contains(&("s1".into(), Some(83.71))),
        "{unit_results:?}"
    );
    assert_eq!(sheet.number(5, weighted), Some(23.22), "80 × 29,03 / 100");
    assert_eq!(
        sheet.number(6, weighted),
        Some(31.46),
        "75 × 41,94 / 100 = 31,455, half up"
    );
    // Settore 2 has objectives without an achievement: incomplete, never a partial sum.
    assert!(
        unit_results.contains(&("s2".into(), None)),
        "{unit_results:?}"
    );
    let s1 = plan.unit_index("s1").unwrap();
    assert_eq!(
        f(group_result(&plan, &results.units[s1].own).score),
        Some(83.71)
    );
}

#[test]
fn bands_apply_before_the_weighted_score() {
    let mut plan = new_plan(2025);
    plan.grid.bands = Some(Bands {
        zero_below: d("50"),
        full_from: d("80"),
    });
    for (title, achieved) in [
        ("Sotto la soglia", "40"),
        ("In mezzo", "65"),
        ("Oltre", "85"),
    ] {
        let id = plan.add_objective("u1");
        plan.set_title(&id, title);
        for c in 0..4 {
            plan.set_score(&id, c, Some(Dec::from_int(5)));
        }
        let i = plan.objective_index(&id).unwrap();
        plan.objectives[i].achievement = Some(Achievement::Percent(d(achieved)));
    }
    let sheet = Sheet::read(&xlsx::export(&plan).unwrap(), "Pesatura");
    let (achieved, weighted, result) = (
        sheet.col("Raggiungimento che conta (%)"),
        sheet.col("Punteggio ponderato"),
        sheet.col("Risultato della tabella"),
    );
    let counted: Vec<Option<f64>> = (4..7).map(|r| sheet.number(r, achieved)).collect();
    assert_eq!(
        counted,
        vec![Some(0.0), Some(65.0), Some(100.0)],
        "below 50 counts 0, from 80 counts 100"
    );
    let scores: Vec<Option<f64>> = (4..7).map(|r| sheet.number(r, weighted)).collect();
    // Weights 33,34 · 33,33 · 33,33: 0 + 21,6645 + 33,33
    assert_eq!(scores, vec![Some(0.0), Some(21.66), Some(33.33)]);
    assert_eq!(
        sheet.number(7, result),
        Some(54.99),
        "0 + 21,6645 + 33,33 = 54,9945"
    );
    let results = compute(&plan);
    assert_eq!(
        sheet.number(7, result),
        f(group_result(&plan, &results.units[0].own).score)
    );
}

#[test]
fn a_unit_result_is_rounded_once_not_summed_from_rounded_scores() {
    let mut plan = new_plan(2025);
    for achieved in ["65", "65", "100"] {
        let id = plan.add_objective("u1");
        plan.set_title(&id, &format!("Obiettivo al {achieved} %"));
        for c in 0..4 {
            plan.set_score(&id, c, Some(Dec::from_int(5)));
        }
        let i = plan.objective_index(&id).unwrap();
        plan.objectives[i].achievement = Some(Achievement::Percent(d(achieved)));
    }
    let sheet = Sheet::read(&xlsx::export(&plan).unwrap(), "Pesatura");
    let (weighted, result) = (
        sheet.col("Punteggio ponderato"),
        sheet.col("Risultato della tabella"),
    );
    let scores: Vec<Option<f64>> = (4..7).map(|r| sheet.number(r, weighted)).collect();
    assert_eq!(
        scores,
        vec![Some(21.67), Some(21.66), Some(33.33)],
        "65 % of 33,34 and of 33,33, all of 33,33"
    );
    // 21,671 + 21,6645 + 33,33 = 76,6655 → 76,67; the rounded scores would sum to 76,66.
    assert_eq!(sheet.number(7, result), Some(76.67));
    assert!(
        sheet.formula(7, result).contains("SUMPRODUCT"),
        "{}",
        sheet.formula(7, result)
    );
    assert_eq!(
        sheet.number(7, result),
        f(group_result(&plan, &compute(&plan).units[0].own).score)
    );
}

#[test]
fn without_achievements_there_are_no_year_end_columns() {
    let sheet = Sheet::read(&xlsx::export(&como()).unwrap(), "Pesatura");
    let headers: Vec<String> = (0..=sheet.values.end().unwrap().1)
        .map(|c| sheet.text(3, c))
        .collect();
    assert!(
        !headers
            .iter()
            .any(|h| h.starts_with("Raggiungimento") || h == "Punteggio ponderato"),
        "{headers:?}"
    );
    // With them, reading the workbook back brings the achievements as
    // entered, as the CSV import does; what Pesatura computes is left aside.
    let plan = como_with_achievements();
    let preview = xlsx::preview(&xlsx::export(&plan).unwrap(), &emptied(&plan)).unwrap();
    assert!(
        preview.ignored_columns.is_empty(),
        "{:?}",
        preview.ignored_columns
    );
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.rows.len(), 53);
    let mut back = emptied(&plan);
    csv::apply(&mut back, &preview, csv::Existing::Update);
    let achievements = |p: &Plan| {
        let mut all: Vec<(String, Option<Achievement>)> = p
            .objectives
            .iter()
            .map(|o| (o.title.clone(), o.achievement))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    };
    assert_eq!(achievements(&back), achievements(&plan));
    assert!(plan
        .objectives
        .iter()
        .any(|o| matches!(o.achievement, Some(Achievement::Indicator { .. }))));
}
