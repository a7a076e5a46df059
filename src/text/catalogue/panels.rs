//! Texts of the panels: plan header, grid, units and objectives, summary,
//! findings, charts, review, results and sensitivity.

use super::texts;

texts! {
    PanelTexts {
        // several panels
        /// `{value}`: a number already written.
        percent,

        // header.rs
        /// `{ente}`, `{year}`.
        plan_title,
        /// The plan's title while the ente has no name. `{year}`: its year.
        plan_title_unnamed,
        mode,
        mode_proposal,
        mode_review,
        header_show_results,
        header_reviewer,
        header_reviewer_placeholder,
        /// Under the reviewer's name field, while it is empty.
        header_reviewer_missing,
        header_all_reviewed,
        /// `{n}`: objectives still to review.
        header_pending_one,
        /// `{n}`: objectives still to review.
        header_pending_many,
        header_ente,
        header_year,
        header_levels,
        header_objectives,
        header_scored,
        header_ente_average,

        // grid.rs
        grid_title,
        grid_criteria_caption,
        grid_criterion,
        grid_allowed_scores,
        grid_types_caption,
        grid_type,
        grid_factor,
        /// The levels a criterion gets when switched to levels (they become the plan's data; numbers in either form).
        grid_default_levels,
        /// `{criterion}`: the criterion's name.
        grid_remove_criterion_question,
        grid_min_score,
        grid_max_score,
        grid_step,
        grid_levels,
        /// `{n}`: the criterion's position, from 1; `{criterion}`: its short label.
        grid_criterion_legend,
        grid_name,
        grid_short_label,
        grid_scored_with,
        grid_scale_range,
        grid_scale_levels,
        /// `{criterion}`: the criterion's short label.
        grid_move_criterion_up,
        /// `{criterion}`: the criterion's short label.
        grid_move_criterion_down,
        /// Followed, for screen readers only, by the criterion's short label.
        grid_remove_criterion,
        /// `{average}`, `{shared}`: the grid's rules in words.
        grid_average_line,
        /// `{zero}`, `{full}`: the bands' thresholds, in percent.
        grid_bands_line,
        grid_bands,
        grid_bands_hint,
        grid_edit,
        grid_grid_name,
        grid_method,
        grid_method_criteria,
        grid_method_direct,
        grid_unit_average,
        grid_average_simple,
        grid_average_weighted,
        grid_shared,
        grid_shared_separate,
        grid_shared_each,
        grid_add_criterion,
        grid_types,
        grid_types_placeholder,

        // units.rs
        units_shared_title,
        units_shared_hint,
        units_add_shared,
        units_title,
        /// `{n}`: the plan's objectives (300 or more).
        units_drawn_near_screen,
        /// `{level}`: the unit's level with its article («il settore»); `{unit}`: its name; `{n}`: the objectives it leads.
        units_remove_question_one,
        /// `{level}`: the unit's level with its article («il settore»); `{unit}`: its name; `{n}`: the objectives it leads.
        units_remove_question_many,
        /// `{unit}`: the unit's level and name.
        units_table_caption,
        /// `{n}`: the unit's objectives; `{average}`: their average.
        units_show_objectives,
        /// The same for screen readers; `{unit}`: the unit's level and name.
        units_show_objectives_of,
        units_show_units,
        summary_show_rows,
        charts_page,
        charts_previous,
        charts_next,
        charts_group,
        charts_top_level,
        /// `{level}`: the unit's level, in lower case.
        units_edit,
        units_name,
        /// `{level}`: the unit's level, in lower case.
        units_remove,
        /// The accessible name of a unit's delete button; `{unit}`: the unit's level and name.
        units_remove_unit,
        /// `{to_unit}`: «to» the unit, with its name («al Settore 1», «to Settore 1»).
        units_add_objective_to,
        units_add_objective,
        /// `{average}`, `{min}`, `{max}`: numbers; `{n}`: objectives fully scored.
        units_rollup_one,
        /// `{average}`, `{min}`, `{max}`: numbers; `{n}`: objectives fully scored.
        units_rollup_many,
        /// `{n}`: the objectives below the unit.
        units_none_scored_one,
        /// `{n}`: the objectives below the unit.
        units_none_scored_many,

        // objectives_table.rs
        /// `{complete}` of `{n}` objectives fully scored.
        table_counted_one,
        /// `{complete}` of `{n}` objectives fully scored.
        table_counted_many,
        /// `{complete}` of `{n}` objectives weighed; `{prerequisites}`: prerequisites (one).
        table_counted_prerequisites_one,
        /// `{complete}` of `{n}` objectives weighed; `{prerequisites}`: prerequisites (not one).
        table_counted_prerequisites_many,
        /// The footer's label. `{counted}`: one of the `table_counted` texts.
        table_average,
        /// The same with the points-weighted average.
        table_weighted_average,
        table_number,
        table_title,
        table_assigned_weight,
        table_percent_or_x,
        table_type,
        table_total,
        table_relative_weight,
        table_achievement,
        table_weighted_score,
        table_actions,
        table_empty,
        /// `{average}`: the average as proposed.
        table_proposed_average,
        table_result,
        /// `{n}`: objectives without an achievement.
        table_result_incomplete,
        /// Under a result that differs from the sum of the weighted scores as shown: `{sum}`.
        table_result_shown_sum,
        /// `{hundred}`: 100 as a percentage with two decimals.
        table_apportioned,

        // objective_row.rs
        /// How the row's fields name their objective. `{n}`: its number in the table; `{title}`.
        row_objective,
        /// `{n}`: the objective's number in the table.
        row_objective_untitled,
        /// `{objective}`: see `row_objective`.
        row_remove_question,
        /// A score field's name. `{criterion}`: the criterion's name; `{scale}`: its allowed scores; `{objective}`: see `row_objective`.
        row_score,
        row_proposed_score,
        row_revised_score,
        /// `{points}`: a score off the criterion's levels.
        row_not_allowed,
        /// `{objective}`: see `row_objective`.
        row_type_of,
        row_unknown_type,
        /// `{objective}`: see `row_objective`.
        row_direct_weight,
        /// `{units}`: the units' names, separated by commas.
        row_shared_with,
        row_share,
        row_prerequisite_note,
        row_missing_type,
        row_missing_scores,
        /// Beside a row whose score the grid does not admit (from a file, or a changed grid).
        row_score_not_admitted,
        row_missing_weight,
        row_prerequisite,
        /// `{points}`: the points as proposed.
        row_proposed_points,
        /// `{n}`: the objective's number in the table.
        row_title_of,
        row_title_placeholder,
        row_description,
        /// `{n}`: the objective's number in the table.
        row_description_of,
        /// `{objective}`: see `row_objective`.
        row_move_up_objective,
        row_move_up,
        /// `{objective}`: see `row_objective`.
        row_move_down_objective,
        row_move_down,
        /// `{objective}`: see `row_objective`.
        row_remove_objective,
        row_remove,
        /// `{criterion}`: the criterion's name; `{objective}`: see `row_objective`.
        row_review_criterion,
        /// `{criterion}`: the criterion's name; `{objective}`: see `row_objective`.
        row_revised_criterion,
        /// `{criterion}`: the criterion's name; `{objective}`: see `row_objective`.
        row_comment_criterion,
        row_achievement_percent,
        /// `{objective}`: see `row_objective`.
        row_review_achievement,
        /// `{objective}`: see `row_objective`.
        row_revised_achievement,
        /// `{objective}`: see `row_objective`.
        row_comment_achievement,
        row_review,
        /// In an objective's review panel while no reviewer's name is written: its decisions wait for it.
        row_review_unsigned,
        /// The button that takes the focus to the reviewer's name.
        row_review_sign,
        row_objective_label,
        /// `{parts}`: the contested criteria's short names, and the achievement's, separated by commas.
        row_status_contested_in,
        row_status_achievement,
        row_status_every_score,
        /// `{objective}`: see `row_objective`.
        row_review_objective,
        row_comment,
        /// `{objective}`: see `row_objective`.
        row_review_scores,
        row_criterion,
        row_verdict,

        // summary.rs
        summary_title,
        summary_caption,
        summary_unit,
        summary_objectives,
        summary_scored,
        summary_average,
        /// In Verifica, the column of the averages as proposed.
        summary_proposed_average,
        /// In Verifica, under the heading: which numbers the table shows.
        summary_validated_hint,
        summary_min,
        summary_max,
        summary_result,
        summary_result_rule,
        summary_shared,
        /// `{ente}`: the ente's name.
        summary_ente_total,

        // findings.rs
        findings_errors,
        findings_warnings,
        findings_notes,
        /// `{group}`: one of the three above; `{n}`: its findings.
        findings_group,
        /// `{n}`: the findings not shown yet; followed, for screen readers only, by the group's name in brackets.
        findings_show_all,
        findings_title,
        findings_none,
        /// `{errors}`, `{warnings}`, `{notes}`: how many of each.
        findings_counts,

        // charts.rs
        /// In place of the averages chart while no unit has an average.
        charts_no_averages,
        /// In place of the results chart while no unit's result is complete.
        charts_no_results,
        /// `{max}`: the highest weight an objective can have.
        charts_averages_title,
        /// The averages chart's title while no unit has an average.
        charts_averages_no_scale,
        /// `{bars}`: each unit with its average, separated by semicolons; `{average}`: the ente's.
        charts_averages_desc,
        /// The marker line's label. `{average}`.
        charts_ente_average,
        charts_unit,
        /// `{unit}`: the unit's level and name.
        charts_stacked_title,
        /// `{objective}`: its title; `{points}`: each criterion with its points; `{total}`.
        charts_stacked_row,
        charts_results_title,
        /// `{bars}`: each unit with its result, separated by semicolons (or `charts_no_result`); `{result}`: the ente's.
        charts_results_desc,
        charts_no_result,
        /// The marker line's label. `{result}`.
        charts_ente_result,
        charts_title,
        charts_results_heading,
        charts_stacked_heading,

        // sensitivity.rs
        sensitivity_not_criteria,
        /// `{criterion}`: the criterion's short label; `{percent}`: its influence, a whole number.
        sensitivity_slider,
        /// `{percent}`: a whole number.
        sensitivity_slider_value,
        sensitivity_shared,
        /// `{rank}`: a position, from 1.
        sensitivity_rank,
        sensitivity_rises,
        sensitivity_falls,
        /// `{change}`: a signed number of points; `{criterion}`: the criterion's short label.
        sensitivity_change,
        sensitivity_reset,
        sensitivity_none_moved,
        /// `{n}`: objectives that change position.
        sensitivity_moved_one,
        /// `{n}`: objectives that change position.
        sensitivity_moved_many,
        sensitivity_caption,
        sensitivity_unit,
        sensitivity_objective,
        sensitivity_weight,
        sensitivity_scaled_weight,
        sensitivity_position,
        sensitivity_scaled_position,
        sensitivity_minimal_change,
        // review_log.rs
        /// `{n}`: how many decisions.
        log_title,
        log_hint,
        log_caption,
        log_when,
        log_who,
        log_objective,
        log_criterion,
        log_change,
        sensitivity_title,
        sensitivity_hint,

        // other_objectives.rs
        /// `{n}`: the objective's number.
        org_remove_question,
        /// `{i}`: the indicator's number; `{n}`: the objective's.
        org_indicator,
        org_indicator_placeholder,
        /// `{i}`: the indicator's number; `{n}`: the objective's.
        org_target,
        org_target_placeholder,
        /// `{i}`: the indicator's number; `{n}`: the objective's.
        org_remove_indicator,
        /// `{n}`: the objective's number.
        org_title_of,
        org_add_indicator,
        /// How the achievement fields name their objective. `{n}`: its number.
        org_objective,
        /// `{n}`: the objective's number.
        org_remove,
        org_title,
        org_hint,
        org_caption,
        org_number,
        org_objective_column,
        org_indicators,
        org_achievement,
        org_actions,
        org_add,
        /// `{n}`: the objective's number.
        secretary_remove_question,
        /// `{n}`: the objective's number.
        secretary_objective,
        /// `{n}`: the objective's number.
        secretary_remove,
        secretary_title,
        secretary_add,
    }
}
