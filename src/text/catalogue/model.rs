//! The model's sentences: findings and the descriptions of grids and rules.

use super::texts;

texts! {
    ModelTexts {
        // validate.rs
        severity_error,
        severity_warning,
        severity_info,
        /// In a finding's place, for an objective whose unit does not exist.
        finding_no_unit,
        /// An objective without a title, named by its position: `{n}`.
        objective_number,
        /// An objective named by its title: `{title}`.
        objective_quoted,
        /// An objective named by the first 60 characters of a longer title: `{title}`.
        objective_quoted_cut,
        /// `{id}`: the repeated identifier.
        objective_id_repeated,
        /// `{unit}`: the id of the missing unit.
        objective_unit_missing,
        objective_no_title,
        /// Where a finding about criterion `{criterion}` (its name) of the grid is.
        grid_criterion_where,
        /// `{short}`: the label the criterion shares with another.
        criterion_repeated,
        /// Where a finding about organisational objective number `{n}` is.
        org_objective_where,
        /// Where a finding about the Segretario generale's objective number `{n}` is.
        secretary_objective_where,
        /// An organisational or Segretario objective without a title.
        other_no_title,
        org_no_indicator,
        /// `{i}`: the indicator's number.
        org_indicator_no_target,
        /// `{i}`: the indicator's number.
        org_indicator_no_name,
        /// `{unit}`: the id of the missing unit.
        objective_shared_unit_missing,
        /// `{criterion}`: the criterion's short name.
        score_missing,
        type_missing,
        /// `{type}`: the objective type written in the plan.
        type_unknown,
        direct_weight_missing,
        /// `{weight}`: the percentage (also an error of typed weights).
        direct_weight_out_of_range,
        /// `{sum}`: the unit's sum; `{gap}`: the percentage points missing.
        direct_sum_below,
        /// `{sum}`: the unit's sum; `{gap}`: the percentage points too many.
        direct_sum_above,
        title_repeated_in_unit,
        /// `{unit}`: the unit where the title appears first.
        title_repeated_elsewhere,
        /// `{average}`: the unit's average; `{alternative}`: with the empty row as 0.
        empty_row_one,
        /// `{n}` empty rows; `{average}`: the unit's average; `{alternative}`: with them as 0.
        empty_rows_many,
        /// `{n}`: the number of empty rows.
        empty_rows_count,
        /// `{real}`: the unit's objectives (one); `{expected}`: the grid's number.
        objectives_expected_one,
        /// `{real}`: the unit's objectives; `{expected}`: the grid's number.
        objectives_expected_many,
        no_differentiation,
        all_scores_maximum,
        /// `{score}`, `{min}`, `{max}`.
        score_out_of_range,
        /// `{decimal}`: a number typed as thousands (`1.000`) with the decimal mark instead (`1,000`).
        read_as_thousands,
        /// `{score}`.
        score_not_integer,
        /// `{score}`, `{step}`.
        score_off_step,
        /// `{score}`; `{levels}`: the levels with their points.
        score_no_level,
        /// `{id}`: the repeated identifier.
        unit_id_repeated,
        unit_no_name,
        /// In place of the name of a unit without one: «Settore (senza nome)».
        unit_unnamed,
        units_same_name,
        /// `{level}`: its number; `{levels}`: the ente's level names.
        unit_level_unknown,
        /// `{parent}`: the id of the missing unit.
        unit_parent_missing,
        /// `{parent}`: the parent unit's name.
        unit_parent_not_higher,
        unit_no_objectives,
        // plan.rs
        /// The name of a unit's level when the plan has no such level.
        level_unknown,
        // decimal.rs
        /// Said of a typed text: "«…» is empty".
        number_empty,
        /// Said of a typed text: "«…» is not a number".
        number_not_a_number,
        /// Said of a typed text: "«…» has more than four decimals".
        number_too_precise,
        /// Said of a typed text: "«…» is too large".
        number_too_large,
        // edit.rs
        /// `{text}`: what was typed; `{min}`, `{max}`: the criterion's range.
        score_not_a_number,
        /// `{text}`: what was typed; `{problem}`: why it is not a number.
        typed_number_problem,
        /// `{text}`: what was typed.
        weight_not_a_number,
        weight_too_precise,
        /// `{part}`: the item as typed.
        named_value_without_equals,
        /// `{part}`: the item as typed.
        named_value_without_name,
        /// `{part}`: the item as typed; `{problem}`: why its value is not a number.
        named_value_bad_value,
        /// `{name}`: the repeated name.
        named_value_twice,
        named_values_empty,
        levels_how_many,
        /// `{n}`: the levels the units use (at least 2).
        levels_fewer_than_used,
        range_min_above_max,
        /// The achievement bands refused: out of 0–100, or in the wrong order.
        bands_out_of_order,
        range_step_not_positive,
        /// `{min}`, `{max}`, `{step}`; `{highest}`: the highest score the steps reach.
        range_max_off_step,
        /// `{first}`, `{second}`: the levels' names; `{points}`: what both are worth.
        levels_same_points,
        /// `{name}`: the objective type.
        type_factor_not_positive,
        // review.rs
        verdict_pending,
        verdict_confirmed,
        verdict_contested,
        // describe.rs
        formula_direct,
        /// `{sum}`: the criteria added up; `{max}`: the highest total.
        formula_sum,
        /// `{sum}`: the criteria added up; `{factors}`: each type with its factor.
        formula_sum_times_type,
        average_simple,
        average_points_weighted,
        shared_separate,
        shared_each_unit,
        /// `{min}`, `{max}`.
        scale_range,
        /// `{min}`, `{max}`, `{step}`.
        scale_range_step,
        // presets.rs
        /// The ente's name in a new plan.
        new_ente_name,
        preset_como_2024,
        preset_levels_and_types,
        preset_direct_percent,
        // chart.rs
        /// The bar of the objectives shared by several units.
        chart_shared_objectives,
        // edit.rs: numbers and achievements typed in a field or a cell
        /// `{label}`: the field; `{text}`: what was typed; `{error}`: why.
        number_refused,
        field_achievement,
        field_target,
        field_actual,
        /// `{value}`: the percentage typed.
        achievement_out_of_range,
        achievement_needs_both,
        /// An indicator «più alto è meglio» whose target is not above zero.
        indicator_higher_needs_positive_target,
        /// An indicator «più basso è meglio» whose value found is not above zero (or target below it).
        indicator_lower_needs_positive_actual,
    }
}
