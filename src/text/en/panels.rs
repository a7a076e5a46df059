use crate::text::PanelTexts;

pub const PANELS: PanelTexts = PanelTexts {
    // several panels
    percent: "{value}%",

    // header.rs
    plan_title_unnamed: "Plan of objectives {year}",
    plan_title: "{ente} — plan of objectives {year}",
    mode: "Mode:",
    mode_proposal: "Proposal",
    mode_review: "Review",
    header_show_results: "Achievement and results",
    header_reviewer: "Reviewer's name",
    header_reviewer_placeholder: "First name and surname",
    header_reviewer_missing: "Each decision is logged with the reviewer's name: type it here before deciding.",
    header_all_reviewed: "Every objective has been reviewed.",
    header_pending_one: "To review: {n} objective",
    header_pending_many: "To review: {n} objectives",
    header_ente: "Administration",
    header_year: "Year",
    header_levels: "Organisational levels, from the top (separated by ;)",
    header_objectives: "Objectives",
    header_scored: "Scored",
    header_ente_average: "Administration average",

    // grid.rs
    grid_title: "Criteria grid",
    grid_criteria_caption: "Weighting criteria with their allowed scores",
    grid_criterion: "Criterion",
    grid_allowed_scores: "Allowed scores",
    grid_types_caption: "Objective types with their factors",
    grid_type: "Type",
    grid_factor: "Factor",
    grid_default_levels: "Low = 1; Medium = 2; High = 3",
    grid_remove_criterion_question: "The criterion “{criterion}” already has scores, which will be lost. Delete it?",
    grid_min_score: "Minimum score",
    grid_max_score: "Maximum score",
    grid_step: "Step",
    grid_levels: "Levels (name = points; …)",
    grid_criterion_legend: "Criterion {n}: {criterion}",
    grid_name: "Name",
    grid_short_label: "Short label",
    grid_scored_with: "Scored with",
    grid_scale_range: "Points in a range",
    grid_scale_levels: "Levels with fixed points",
    grid_move_criterion_up: "Move criterion {criterion} up",
    grid_move_criterion_down: "Move criterion {criterion} down",
    grid_remove_criterion: "Delete criterion",
    grid_average_line: "Average: {average}; {shared}.",
    grid_bands_line: "Achievement in bands: below {zero}% it counts 0, from {full}% it counts 100, in between as it is.",
    grid_bands: "Achievement bands",
    grid_bands_hint: "Optional: leave both thresholds empty to count achievement as it is.",
    grid_edit: "Edit the grid",
    grid_grid_name: "Grid name",
    grid_method: "Method",
    grid_method_criteria: "Scores by criterion",
    grid_method_direct: "Direct percentage weights",
    grid_unit_average: "Unit average",
    grid_average_simple: "Simple average",
    grid_average_weighted: "Average weighted by points",
    grid_shared: "Objectives shared by several units",
    grid_shared_separate: "In a table of their own",
    grid_shared_each: "In each of their units",
    grid_add_criterion: "Add criterion",
    grid_types: "Objective types (name = factor; …) — empty: no types",
    grid_types_placeholder: "Maintenance = 1; Improvement = 1.2; Development = 1.5",

    // units.rs
    units_shared_title: "Objectives shared by several units",
    units_shared_hint: "Each is assigned to several units (see “Shared with”); they have their own relative weights and average and do not count in the units' averages.",
    units_add_shared: "Add shared objective",
    units_title: "Objectives by organisational unit",
    units_drawn_near_screen: "The plan has {n} objectives: units, tables and summary rows are drawn as they come near the screen (all of them before printing).",
    units_remove_question_one: "Delete {level} “{unit}” and its {n} objective? The units below it move up one level.",
    units_remove_question_many: "Delete {level} “{unit}” and its {n} objectives? The units below it move up one level.",
    units_table_caption: "Objectives of {unit}",
    units_show_objectives: "Show the objectives ({n}, average {average})",
    units_show_objectives_of: "Show the objectives of {unit} ({n}, average {average})",
    units_show_units: "Show {n} units, {first} to {last}",
    summary_show_rows: "Show rows {from} to {to}",
    charts_page: "Units {from} to {to} of {n}",
    charts_previous: "Previous",
    charts_next: "Next",
    charts_group: "Units within",
    charts_top_level: "Top level",
    units_edit: "Edit this {level}",
    units_name: "Name",
    units_remove: "Delete this {level}",
    units_remove_unit: "Delete {unit}",
    units_add_objective_to: "Add objective {to_unit}",
    units_add_objective: "Add objective",
    units_rollup_one: "Overall average {average} over {n} scored objective (minimum {min}, maximum {max})",
    units_rollup_many: "Overall average {average} over {n} scored objectives (minimum {min}, maximum {max})",
    units_none_scored_one: "{n} objective, not yet fully scored",
    units_none_scored_many: "{n} objectives, none fully scored yet",

    // objectives_table.rs
    table_counted_one: "{complete} of {n} objective scored",
    table_counted_many: "{complete} of {n} objectives scored",
    table_counted_prerequisites_one: "{complete} of {n} with a weight; {prerequisites} prerequisite",
    table_counted_prerequisites_many: "{complete} of {n} with a weight; {prerequisites} prerequisites",
    table_average: "Average ({counted})",
    table_weighted_average: "Weighted average ({counted})",
    table_number: "No.",
    table_title: "Title",
    table_assigned_weight: "Assigned weight",
    table_percent_or_x: "% or X",
    table_type: "Type",
    table_total: "Total",
    table_relative_weight: "Relative weight",
    table_achievement: "Achievement",
    table_weighted_score: "Weighted score",
    table_actions: "Actions",
    table_empty: "No objectives: add one.",
    table_proposed_average: "proposed {average}",
    table_result: "Result",
    table_result_incomplete: "incomplete: {n} without achievement",
    table_apportioned: "Relative weights rounded by largest remainder, so that they sum to {hundred}.",
    table_result_shown_sum: "the rounded values add up to {sum}: the result adds the exact ones",

    // objective_row.rs
    row_objective: "objective {n}: {title}",
    row_objective_untitled: "objective {n}",
    row_remove_question: "Delete {objective}?",
    row_score: "{criterion} ({scale}), {objective}",
    row_proposed_score: "Proposed score",
    row_revised_score: "Revised score",
    row_not_allowed: "{points} (not allowed)",
    row_type_of: "Type of {objective}",
    row_unknown_type: "(unknown type)",
    row_direct_weight: "Assigned weight in percent, or X for a prerequisite, {objective}",
    row_shared_with: "Shared with: {units}",
    row_share: "Share with other units",
    row_prerequisite_note: "prerequisite, left out of the total",
    row_missing_type: "type missing",
    row_missing_scores: "scores missing",
    row_score_not_admitted: "a score the grid does not admit: the objective does not count until it is corrected",
    row_missing_weight: "weight missing",
    row_prerequisite: "prerequisite",
    row_proposed_points: "proposed {points}",
    row_title_of: "Title of objective {n}",
    row_title_placeholder: "Objective title",
    row_description: "Description",
    row_description_of: "Description of objective {n}",
    row_move_up_objective: "Move up {objective}",
    row_move_up: "Move up",
    row_move_down_objective: "Move down {objective}",
    row_move_down: "Move down",
    row_remove_objective: "Delete {objective}",
    row_remove: "Delete objective",
    row_review_criterion: "Review of “{criterion}”, {objective}",
    row_revised_criterion: "Revised score for “{criterion}”, {objective}",
    row_comment_criterion: "Comment on “{criterion}”, {objective}",
    row_achievement_percent: "Achievement (%)",
    row_review_achievement: "Review of the achievement, {objective}",
    row_revised_achievement: "Revised achievement in percent, {objective}",
    row_comment_achievement: "Comment on the achievement, {objective}",
    row_review: "Review",
    row_review_unsigned: "Every decision is recorded with the reviewer's name: write it before deciding.",
    row_review_sign: "Write the name",
    row_objective_label: "Objective as a whole",
    row_status_contested_in: "on {parts}",
    row_status_achievement: "achievement",
    row_status_every_score: "every score confirmed",
    row_review_objective: "Review of {objective}",
    row_comment: "Comment",
    row_review_scores: "Review of the scores, {objective}",
    row_criterion: "Criterion",
    row_verdict: "Outcome",

    // summary.rs
    summary_title: "Summary by unit",
    summary_caption: "For each unit: objectives, objectives scored, and the average, minimum and maximum weight. The rows of units with sub-units sum up all the objectives below them.",
    summary_unit: "Unit",
    summary_objectives: "Objectives",
    summary_scored: "Scored",
    summary_average: "Average",
    summary_proposed_average: "Proposed average",
    summary_validated_hint: "Validated numbers: with the scores the Nucleo revised where it revised them. Beside each average, the one the dirigente proposed.",
    summary_min: "Minimum",
    summary_max: "Maximum",
    summary_result: "Result",
    summary_result_rule: "An area's result is the simple mean of the results of the units within it that have objectives of their own with a weight (the area included, if it has some; a unit of prerequisites only does not count); the administration's, the mean over every unit with objectives of its own with a weight. They are rounded to the hundredth and missing while one of those results is incomplete. Objectives shared by several units, when they have a table of their own, have a result of their own, which does not count in the areas' or the administration's.",
    summary_shared: "Objectives shared by several units",
    summary_ente_total: "Administration total — {ente}",

    // findings.rs
    findings_errors: "Errors",
    findings_warnings: "Warnings",
    findings_notes: "Notes",
    findings_group: "{group} ({n})",
    findings_show_all: "Show all: {n} more",
    findings_title: "Findings",
    findings_none: "No findings: every objective has a title and scores within the grid's limits.",
    findings_counts: "Errors: {errors}, warnings: {warnings}, notes: {notes}.",

    // charts.rs
    charts_no_averages: "No unit has an average yet: the chart appears once an objective has all its scores.",
    charts_no_results: "No unit has a complete result yet: the chart appears once every weighted objective of a unit has its achievement.",
    charts_averages_title: "Unit averages, on a scale from 0 to {max}",
    charts_averages_no_scale: "Unit averages",
    charts_averages_desc: "{bars}. Administration average {average}.",
    charts_ente_average: "administration average {average}",
    charts_unit: "Unit",
    charts_stacked_title: "Points of each objective by criterion: {unit}",
    charts_stacked_row: "{objective}: {points} (total {total})",
    charts_results_title: "Unit results (weighted score, from 0 to 100)",
    charts_results_desc: "{bars}. Administration result: {result}.",
    charts_no_result: "No complete result",
    charts_ente_result: "administration result {result}",
    charts_title: "Charts",
    charts_results_heading: "Unit results",
    charts_stacked_heading: "Points of each objective, by criterion",

    // sensitivity.rs
    sensitivity_not_criteria: "Sensitivity is about the criteria: it does not apply to direct percentage weights.",
    sensitivity_slider: "{criterion}: {percent}%",
    sensitivity_slider_value: "{percent} percent",
    sensitivity_shared: "Shared objectives",
    sensitivity_rank: "#{rank}",
    sensitivity_rises: "up",
    sensitivity_falls: "down",
    sensitivity_change: "{change} on {criterion}",
    sensitivity_reset: "Restore the adopted grid",
    sensitivity_none_moved: "No objective changes position within its unit.",
    sensitivity_moved_one: "{n} objective changes position within its unit (highlighted).",
    sensitivity_moved_many: "{n} objectives change position within their units (highlighted).",
    sensitivity_caption: "Position of each objective within its unit, with the adopted grid and with the chosen factors; the smallest change of a single score that changes its position.",
    sensitivity_unit: "Unit",
    sensitivity_objective: "Objective",
    sensitivity_weight: "Weight",
    sensitivity_scaled_weight: "Weight with the factors",
    sensitivity_position: "Position",
    sensitivity_scaled_position: "With the factors",
    sensitivity_minimal_change: "Smallest change",
    log_title: "Log of decisions ({n})",
    log_hint: "Every decision of the review, newest first, with who took it and when. The log is saved in the file, in Italian.",
    log_caption: "Log of the review's decisions",
    log_when: "When",
    log_who: "Who",
    log_objective: "Objective",
    log_criterion: "Criterion",
    log_change: "Decision",
    sensitivity_title: "Sensitivity of the ranking",
    sensitivity_hint: "How much the objectives' positions depend on each criterion. The saved scores do not change.",

    // other_objectives.rs
    org_remove_question: "Delete organisational objective {n}?",
    org_indicator: "Indicator {i} of organisational objective {n}",
    org_indicator_placeholder: "Indicator",
    org_target: "Target of indicator {i} of organisational objective {n}",
    org_target_placeholder: "Target",
    org_remove_indicator: "Delete indicator {i} of organisational objective {n}",
    org_title_of: "Title of organisational objective {n}",
    org_add_indicator: "Add indicator",
    org_objective: "organisational objective {n}",
    org_remove: "Delete organisational objective {n}",
    org_title: "Organisational performance objectives",
    org_hint: "Objectives of the whole administration, measured by indicator and target; they have no weighting scores.",
    org_caption: "Organisational performance objectives with indicators and targets",
    org_number: "No.",
    org_objective_column: "Objective",
    org_indicators: "Indicators and targets",
    org_achievement: "Achievement",
    org_actions: "Actions",
    org_add: "Add organisational objective",
    secretary_remove_question: "Delete the general secretary's objective {n}?",
    secretary_objective: "General secretary's objective {n}",
    secretary_remove: "Delete the general secretary's objective {n}",
    secretary_title: "Objectives of the general secretary",
    secretary_add: "Add an objective of the general secretary",
};

#[cfg(test)]
mod tests {
    use crate::model::decimal::{parse_number, Dec};

    /// A number written the Italian way, whatever the language in use.
    fn dec(text: &str) -> Dec {
        crate::text::with_lang(Lang::It, || parse_number(text).unwrap())
    }
    use crate::text::{fill, number, plural, points, set_lang, t, Lang};

    fn rollup(n: usize) -> String {
        let average = number(dec("1234,5"), 2);
        let max = points(dec("37,5"));
        fill(
            plural(n, t().panels.units_rollup_one, t().panels.units_rollup_many),
            &[
                ("average", &average),
                ("n", &n),
                ("min", &"4"),
                ("max", &max),
            ],
        )
    }

    #[test]
    fn the_panels_speak_english_with_english_numbers() {
        set_lang(Lang::En);
        assert_eq!(
            rollup(1),
            "Overall average 1,234.50 over 1 scored objective (minimum 4, maximum 37.5)"
        );
        assert_eq!(
            rollup(3),
            "Overall average 1,234.50 over 3 scored objectives (minimum 4, maximum 37.5)"
        );
        let weight = number(dec("33,333"), 2);
        assert_eq!(fill(t().panels.percent, &[("value", &weight)]), "33.33%");
        assert_eq!(
            fill(
                t().panels.row_score,
                &[
                    ("criterion", &"Complexity"),
                    ("scale", &"0–10"),
                    (
                        "objective",
                        &fill(
                            t().panels.row_objective,
                            &[("n", &2), ("title", &"Open data")]
                        )
                    ),
                ],
            ),
            "Complexity (0–10), objective 2: Open data"
        );
        set_lang(Lang::It);
        assert_eq!(
            rollup(3),
            "Media complessiva 1.234,50 su 3 obiettivi valutati (minimo 4, massimo 37,5)"
        );
        let weight = number(dec("33,333"), 2);
        assert_eq!(fill(t().panels.percent, &[("value", &weight)]), "33,33 %");
    }
}
