//! Edits a user makes to a plan. Each keeps the plan consistent (ids stay
//! unique, a unit's objectives follow it) and is tested here, natively, so the
//! interface only dispatches them.

use super::achievement::{Achievement, Direction};
use super::decimal::{parse_number, read_as_thousands, Dec, NumberError};
use super::plan::{
    AverageRule, Criterion, DirectWeight, Indicator, Level, Method, Objective, ObjectiveType,
    OrgObjective, PlainObjective, Plan, Scale, SharedRule, Unit,
};
use super::review::Verdict;
use super::validate::score_problem;
use crate::text::{fill, plain, points, t};

/// A fresh id with the given prefix, unused in `taken`.
fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let numbers: Vec<u64> = taken
        .filter_map(|id| id.strip_prefix(prefix).and_then(|n| n.parse::<u64>().ok()))
        .collect();
    let highest = numbers.iter().copied().max().unwrap_or(0);
    match highest.checked_add(1) {
        Some(next) => format!("{prefix}{next}"),
        // A hand-edited file took the largest number: the smallest one free.
        None => {
            let used: std::collections::HashSet<u64> = numbers.into_iter().collect();
            let free = (1..).find(|n| !used.contains(n)).unwrap_or(1);
            format!("{prefix}{free}")
        }
    }
}

/// `why` a typed number is refused, and, when it was read as thousands
/// (`1.000` is a thousand), how to write the decimal it may have meant, if
/// that one is `accepted`.
fn with_thousands_hint(why: String, text: &str, accepted: impl Fn(&str) -> bool) -> String {
    match read_as_thousands(text).filter(|decimal| accepted(decimal)) {
        Some(decimal) => {
            let hint = fill(t().model.read_as_thousands, &[("decimal", &decimal)]);
            format!("{why} {hint}")
        }
        None => why,
    }
}

/// Reads what a user typed in a score cell. Empty means "not scored yet".
/// Anything the criterion does not admit is refused with the reason.
pub fn parse_score(text: &str, criterion: &Criterion) -> Result<Option<Dec>, String> {
    match parse_number(text) {
        Err(NumberError::Empty) => Ok(None),
        Err(NumberError::NotANumber) => Err(fill(
            t().model.score_not_a_number,
            &[
                ("text", &text.trim()),
                ("min", &points(criterion.min())),
                ("max", &points(criterion.max())),
            ],
        )),
        Err(e) => Err(fill(
            t().model.typed_number_problem,
            &[("text", &text.trim()), ("problem", &e)],
        )),
        Ok(score) => match score_problem(score, criterion) {
            Some(why) => Err(with_thousands_hint(why, text, |decimal| {
                parse_score(decimal, criterion).is_ok()
            })),
            None => Ok(Some(score)),
        },
    }
}

/// Reads a directly assigned weight: a percentage, or `X` for a
/// prerequisite objective. Empty means "not assigned yet".
pub fn parse_direct(text: &str) -> Result<Option<DirectWeight>, String> {
    let number = text.trim().trim_end_matches('%').trim();
    if number.eq_ignore_ascii_case("x") {
        return Ok(Some(DirectWeight::Prerequisite));
    }
    match parse_number(number) {
        Err(NumberError::Empty) => Ok(None),
        Err(_) => Err(fill(
            t().model.weight_not_a_number,
            &[("text", &text.trim())],
        )),
        Ok(p) if p <= Dec::ZERO || p > Dec::HUNDRED => Err(with_thousands_hint(
            fill(
                t().model.direct_weight_out_of_range,
                &[("weight", &points(p))],
            ),
            number,
            |decimal| parse_direct(decimal).is_ok(),
        )),
        Ok(p) if p.round(2) != p => Err(t().model.weight_too_precise.to_string()),
        Ok(p) => Ok(Some(DirectWeight::Percent(p))),
    }
}

/// Reads a list of named values, `Bassa = 1; Media = 2; Alta = 3` (also one
/// per line, with `:` instead of `=`). Names must be distinct.
pub fn parse_named_values(text: &str) -> Result<Vec<(String, Dec)>, String> {
    let mut out: Vec<(String, Dec)> = Vec::new();
    for part in text
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let Some((name, value)) = part.rsplit_once('=').or_else(|| part.rsplit_once(':')) else {
            return Err(fill(
                t().model.named_value_without_equals,
                &[("part", &part)],
            ));
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(fill(t().model.named_value_without_name, &[("part", &part)]));
        }
        let value = parse_number(value).map_err(|e| {
            fill(
                t().model.named_value_bad_value,
                &[("part", &part), ("problem", &e)],
            )
        })?;
        if out.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Err(fill(t().model.named_value_twice, &[("name", &name)]));
        }
        out.push((name.to_string(), value));
    }
    if out.is_empty() {
        return Err(t().model.named_values_empty.into());
    }
    Ok(out)
}

/// Writes a list of named values the way [`parse_named_values`] reads it,
/// for an input field: numbers as the interface's language writes them.
pub fn format_named_values<'a>(items: impl Iterator<Item = (&'a str, Dec)>) -> String {
    items
        .map(|(n, v)| format!("{n} = {}", plain(v)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A lowercase letter without its accent (`ö` → `o`); any other character
/// as it is. Names are compared and turned into keys through it.
pub fn without_accent(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

/// A key made of a name: lowercase ASCII letters and digits, accented
/// letters (Italian, and the German and Ladin of the comuni of Alto Adige)
/// written without their accent.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.to_lowercase().chars() {
        let ch = without_accent(ch);
        if ch == 'ß' {
            out.push_str("ss");
        } else if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl Plan {
    /// Appends an empty objective to a unit and returns its id.
    pub fn add_objective(&mut self, unit: &str) -> String {
        let id = fresh_id("o", self.objectives.iter().map(|o| o.id.as_str()));
        let objective = Objective::empty(id.clone(), unit.to_string(), self.grid.criteria.len());
        // After the unit's last objective, so display order stays grouped.
        let at = self
            .objectives_of(unit)
            .last()
            .map_or(self.objectives.len(), |i| i + 1);
        self.objectives.insert(at, objective);
        id
    }

    pub fn remove_objective(&mut self, id: &str) {
        self.objectives.retain(|o| o.id != id);
    }

    /// Moves an objective one place up (`-1`) or down (`+1`) among its unit's.
    pub fn move_objective(&mut self, id: &str, delta: isize) {
        let Some(at) = self.objective_index(id) else {
            return;
        };
        let unit = self.objectives[at].unit.clone();
        let siblings: Vec<usize> = self.objectives_of(&unit).collect();
        let Some(pos) = siblings.iter().position(|&i| i == at) else {
            return;
        };
        let target = pos as isize + delta;
        if target < 0 || target as usize >= siblings.len() {
            return;
        }
        self.objectives.swap(at, siblings[target as usize]);
    }

    pub fn set_title(&mut self, id: &str, title: &str) {
        if let Some(i) = self.objective_index(id) {
            self.set_title_at(i, title);
        }
    }

    /// [`Plan::set_title`] of the objective at index `i` (found once by the
    /// caller). A title is one line: a line break pasted into it becomes a
    /// space.
    pub fn set_title_at(&mut self, i: usize, title: &str) {
        if let Some(o) = self.objectives.get_mut(i) {
            o.title = one_line(title);
        }
    }

    pub fn set_description(&mut self, id: &str, text: &str) {
        if let Some(i) = self.objective_index(id) {
            self.set_description_at(i, text);
        }
    }

    /// [`Plan::set_description`] of the objective at index `i`.
    pub fn set_description_at(&mut self, i: usize, text: &str) {
        if let Some(o) = self.objectives.get_mut(i) {
            let text = text.trim();
            o.description = (!text.is_empty()).then(|| text.to_string());
        }
    }

    pub fn set_score(&mut self, id: &str, criterion: usize, score: Option<Dec>) {
        if let Some(i) = self.objective_index(id) {
            self.set_score_at(i, criterion, score);
        }
    }

    /// [`Plan::set_score`] of the objective at index `i`: with a large plan,
    /// the caller finds the index once, in constant time
    /// ([`crate::model::Results::objective_index`]).
    ///
    /// A proposal changed after the Nucleo decided on it is to be verified
    /// again: that score's verdict goes back to «da verificare» and loses
    /// its revision, and so does the objective's own verdict; comments stay.
    pub fn set_score_at(&mut self, i: usize, criterion: usize, score: Option<Dec>) {
        let criteria = self.grid.criteria.len();
        let Some(o) = self.objectives.get_mut(i) else {
            return;
        };
        if o.scores.len() < criteria {
            o.scores.resize(criteria, None);
        }
        if let Some(slot) = o.scores.get_mut(criterion) {
            if *slot == score {
                return;
            }
            *slot = score;
            let review = &mut o.review;
            if let Some(reviewed) = review.scores.get_mut(criterion) {
                reviewed.verdict = Verdict::Pending;
                reviewed.revised = None;
            }
            review.verdict = Verdict::Pending;
        }
    }

    /// Adds an objective shared by `units` (the first leads) and returns its id.
    pub fn add_shared_objective(&mut self, units: &[String]) -> Option<String> {
        let (lead, others) = units.split_first()?;
        let id = self.add_objective(lead);
        if let Some(i) = self.objective_index(&id) {
            self.objectives[i].also = others.to_vec();
        }
        Some(id)
    }

    /// Adds or removes `unit` among the units sharing an objective.
    pub fn toggle_shared_unit(&mut self, id: &str, unit: &str) {
        let Some(i) = self.objective_index(id) else {
            return;
        };
        let o = &mut self.objectives[i];
        if o.unit == unit {
            // The lead leaves: the next unit leads.
            if !o.also.is_empty() {
                o.unit = o.also.remove(0);
            }
        } else if let Some(at) = o.also.iter().position(|u| u == unit) {
            o.also.remove(at);
        } else {
            o.also.push(unit.to_string());
        }
    }

    pub fn set_kind(&mut self, id: &str, kind: Option<&str>) {
        if let Some(i) = self.objective_index(id) {
            self.set_kind_at(i, kind);
        }
    }

    /// [`Plan::set_kind`] of the objective at index `i`.
    pub fn set_kind_at(&mut self, i: usize, kind: Option<&str>) {
        if let Some(o) = self.objectives.get_mut(i) {
            o.kind = kind.map(str::to_string);
        }
    }

    pub fn set_direct(&mut self, id: &str, weight: Option<DirectWeight>) {
        if let Some(i) = self.objective_index(id) {
            self.set_direct_at(i, weight);
        }
    }

    /// [`Plan::set_direct`] of the objective at index `i`.
    pub fn set_direct_at(&mut self, i: usize, weight: Option<DirectWeight>) {
        if let Some(o) = self.objectives.get_mut(i) {
            o.direct = weight;
        }
    }

    /// Renames the hierarchy's levels, from the top; 1 to 4 levels, and never
    /// fewer than the units use.
    pub fn set_level_labels(&mut self, labels: Vec<String>) -> Result<(), String> {
        let labels: Vec<String> = labels
            .into_iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if labels.is_empty() || labels.len() > 4 {
            return Err(t().model.levels_how_many.into());
        }
        let deepest = self
            .units
            .iter()
            .map(|u| u.level)
            .max()
            .map_or(0, |l| l + 1);
        if labels.len() < deepest {
            return Err(fill(t().model.levels_fewer_than_used, &[("n", &deepest)]));
        }
        self.ente.levels = labels;
        Ok(())
    }

    // ---- the grid ------------------------------------------------------------

    pub fn set_method(&mut self, method: Method) {
        self.grid.method = method;
    }

    pub fn set_average_rule(&mut self, rule: AverageRule) {
        self.grid.average = rule;
    }

    pub fn set_shared_rule(&mut self, rule: SharedRule) {
        self.grid.shared = rule;
    }

    /// Appends a criterion scored 0–10 and returns its index.
    pub fn add_criterion(&mut self, name: &str) -> usize {
        let base = slug(name);
        let base = if base.is_empty() {
            "criterio".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.grid.criteria.iter().any(|c| c.id == id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.grid
            .criteria
            .push(Criterion::integer(&id, name, name, 0, 10));
        for o in &mut self.objectives {
            o.scores.resize(self.grid.criteria.len(), None);
        }
        self.grid.criteria.len() - 1
    }

    pub fn rename_criterion(&mut self, c: usize, name: &str, short: &str) {
        if let Some(criterion) = self.grid.criteria.get_mut(c) {
            criterion.name = name.to_string();
            criterion.short = if short.trim().is_empty() {
                name.to_string()
            } else {
                short.to_string()
            };
        }
    }

    /// Moves a criterion one place, its scores with it.
    pub fn move_criterion(&mut self, c: usize, delta: isize) {
        let target = c as isize + delta;
        if target < 0
            || target as usize >= self.grid.criteria.len()
            || c >= self.grid.criteria.len()
        {
            return;
        }
        let t = target as usize;
        self.grid.criteria.swap(c, t);
        let n = self.grid.criteria.len();
        for o in &mut self.objectives {
            o.scores.resize(n, None);
            o.scores.swap(c, t);
            if !o.review.scores.is_empty() {
                o.review.scores.resize(n, Default::default());
                o.review.scores.swap(c, t);
            }
        }
    }

    /// Whether any objective holds a score on criterion `c`.
    pub fn criterion_has_scores(&self, c: usize) -> bool {
        self.objectives
            .iter()
            .any(|o| o.scores.get(c).copied().flatten().is_some())
    }

    /// Removes a criterion and every score given on it.
    pub fn remove_criterion(&mut self, c: usize) {
        if c >= self.grid.criteria.len() {
            return;
        }
        self.grid.criteria.remove(c);
        for o in &mut self.objectives {
            if c < o.scores.len() {
                o.scores.remove(c);
            }
            if c < o.review.scores.len() {
                o.review.scores.remove(c);
            }
        }
    }

    /// Makes criterion `c` a range from `min` to `max` in steps of `step`.
    pub fn set_range(&mut self, c: usize, min: Dec, max: Dec, step: Dec) -> Result<(), String> {
        if min > max {
            return Err(t().model.range_min_above_max.into());
        }
        if step <= Dec::ZERO {
            return Err(t().model.range_step_not_positive.into());
        }
        // A maximum the steps do not reach would be written in the grid and
        // in the table's header, and refused in every cell.
        let (span, step_raw) = (max.raw() - min.raw(), step.raw());
        if span % step_raw != 0 {
            let highest = Dec::from_raw(min.raw() + span / step_raw * step_raw);
            return Err(fill(
                t().model.range_max_off_step,
                &[
                    ("min", &points(min)),
                    ("max", &points(max)),
                    ("step", &points(step)),
                    ("highest", &points(highest)),
                ],
            ));
        }
        if let Some(criterion) = self.grid.criteria.get_mut(c) {
            criterion.scale = Scale::Range { min, max, step };
        }
        Ok(())
    }

    /// Sets the grid's achievement bands (below `zero_below` % an achievement
    /// counts 0, from `full_from` % it counts 100), or removes them (`None`).
    pub fn set_bands(&mut self, bands: Option<(Dec, Dec)>) -> Result<(), String> {
        if let Some((zero_below, full_from)) = bands {
            if zero_below < Dec::ZERO || full_from > Dec::HUNDRED || zero_below > full_from {
                return Err(t().model.bands_out_of_order.into());
            }
        }
        self.grid.bands = bands.map(|(zero_below, full_from)| crate::model::achievement::Bands {
            zero_below,
            full_from,
        });
        Ok(())
    }

    /// Makes criterion `c` a level scale. Levels keep their points distinct,
    /// so a score always names one level.
    pub fn set_levels(&mut self, c: usize, levels: Vec<(String, Dec)>) -> Result<(), String> {
        for (i, (name, value)) in levels.iter().enumerate() {
            if let Some((other, _)) = levels[..i].iter().find(|(_, p)| p == value) {
                return Err(fill(
                    t().model.levels_same_points,
                    &[
                        ("first", other),
                        ("second", name),
                        ("points", &points(*value)),
                    ],
                ));
            }
        }
        let Some(criterion) = self.grid.criteria.get_mut(c) else {
            return Ok(());
        };
        // A level that keeps its name keeps its scores, even at new points.
        let remap: Vec<(Dec, Dec)> = match &criterion.scale {
            Scale::Levels(old) => old
                .iter()
                .filter_map(|o| {
                    levels
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(&o.name))
                        .map(|(_, p)| (o.points, *p))
                })
                .collect(),
            Scale::Range { .. } => Vec::new(),
        };
        criterion.scale = Scale::Levels(
            levels
                .into_iter()
                .map(|(name, points)| Level { name, points })
                .collect(),
        );
        for o in &mut self.objectives {
            if let Some(Some(score)) = o.scores.get_mut(c) {
                if let Some((_, new)) = remap.iter().find(|(old, _)| old == score) {
                    *score = *new;
                }
            }
        }
        Ok(())
    }

    /// Sets the grid's objective types (`[]`: no types). Objectives keep their
    /// type when a type of the same name remains.
    pub fn set_types(&mut self, types: Vec<(String, Dec)>) -> Result<(), String> {
        for (name, factor) in &types {
            if *factor <= Dec::ZERO {
                return Err(fill(t().model.type_factor_not_positive, &[("name", name)]));
            }
        }
        self.grid.types = types
            .into_iter()
            .map(|(name, factor)| ObjectiveType {
                id: slug(&name),
                name,
                factor,
            })
            .collect();
        Ok(())
    }

    // ---- organisational and Segretario generale objectives --------------------

    pub fn add_org_objective(&mut self) -> String {
        let id = fresh_id("po", self.organisational.iter().map(|o| o.id.as_str()));
        self.organisational.push(OrgObjective {
            id: id.clone(),
            title: String::new(),
            indicators: vec![Indicator {
                name: String::new(),
                target: String::new(),
            }],
            achievement: None,
        });
        id
    }

    pub fn edit_org_objective(&mut self, id: &str, edit: impl FnOnce(&mut OrgObjective)) {
        if let Some(o) = self.organisational.iter_mut().find(|o| o.id == id) {
            edit(o);
        }
    }

    pub fn remove_org_objective(&mut self, id: &str) {
        self.organisational.retain(|o| o.id != id);
    }

    pub fn add_secretary_objective(&mut self) -> String {
        let id = fresh_id("sg", self.secretary.iter().map(|o| o.id.as_str()));
        self.secretary.push(PlainObjective {
            id: id.clone(),
            title: String::new(),
        });
        id
    }

    pub fn set_secretary_title(&mut self, id: &str, title: &str) {
        if let Some(o) = self.secretary.iter_mut().find(|o| o.id == id) {
            o.title = title.to_string();
        }
    }

    pub fn remove_secretary_objective(&mut self, id: &str) {
        self.secretary.retain(|o| o.id != id);
    }

    /// Adds a unit at `level` under `parent` and returns its id.
    pub fn add_unit(&mut self, name: &str, level: usize, parent: Option<&str>) -> String {
        let id = fresh_id("u", self.units.iter().map(|u| u.id.as_str()));
        self.units.push(Unit {
            id: id.clone(),
            name: name.to_string(),
            level,
            parent: parent.map(str::to_string),
        });
        id
    }

    pub fn rename_unit(&mut self, id: &str, name: &str) {
        if let Some(i) = self.unit_index(id) {
            self.units[i].name = name.to_string();
        }
    }

    /// Places a unit under `parent` (`None`: at the top), with its objectives
    /// and sub-units: a settore made before its area is moved into it. A
    /// parent must be on a higher level (which also keeps a unit out of its
    /// own sub-units); `false`, and nothing changed, otherwise.
    pub fn move_unit(&mut self, id: &str, parent: Option<&str>) -> bool {
        let Some(i) = self.unit_index(id) else {
            return false;
        };
        if let Some(parent) = parent {
            let Some(p) = self.unit(parent) else {
                return false;
            };
            if p.level >= self.units[i].level {
                return false;
            }
        }
        self.units[i].parent = parent.map(str::to_string);
        true
    }

    /// The units `id` can be placed under: those on a higher level.
    pub fn possible_parents(&self, id: &str) -> Vec<&Unit> {
        let Some(unit) = self.unit(id) else {
            return Vec::new();
        };
        self.units.iter().filter(|u| u.level < unit.level).collect()
    }

    /// Removes a unit with its objectives; its sub-units move up to its parent.
    pub fn remove_unit(&mut self, id: &str) {
        let Some(i) = self.unit_index(id) else { return };
        let parent = self.units[i].parent.clone();
        self.units.remove(i);
        for u in &mut self.units {
            if u.parent.as_deref() == Some(id) {
                u.parent = parent.clone();
            }
        }
        // Shared objectives lose this unit; the others go with it.
        for o in &mut self.objectives {
            o.also.retain(|u| u != id);
            if o.unit == id && !o.also.is_empty() {
                o.unit = o.also.remove(0);
            }
        }
        self.objectives.retain(|o| o.unit != id);
    }
}

/// `text` with each line break (`\r\n`, `\n` or `\r`) made a space.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// Reads an achievement as typed in the interface or written in a
/// spreadsheet's cells: `mode` is `percent` (`first` the percentage, 0–100),
/// `higher` or `lower` (an indicator, `first` its target and `second` the
/// value found). Both empty: none.
pub fn parse_achievement(
    mode: &str,
    first: &str,
    second: &str,
) -> Result<Option<Achievement>, String> {
    let texts = &t().model;
    if first.trim().is_empty() && second.trim().is_empty() {
        return Ok(None);
    }
    match mode {
        "percent" => {
            let typed = first.trim().trim_end_matches('%').trim();
            let p = read_number(texts.field_achievement, typed)?;
            if p < Dec::ZERO || p > Dec::HUNDRED {
                // Written as the score cells write it (1.000), with the same
                // hint when the point was meant as a decimal comma.
                return Err(with_thousands_hint(
                    fill(texts.achievement_out_of_range, &[("value", &points(p))]),
                    typed,
                    |decimal| parse_achievement("percent", decimal, "").is_ok(),
                ));
            }
            Ok(Some(Achievement::Percent(p)))
        }
        _ => {
            if first.trim().is_empty() || second.trim().is_empty() {
                return Err(texts.achievement_needs_both.into());
            }
            let direction = if mode == "lower" {
                Direction::LowerIsBetter
            } else {
                Direction::HigherIsBetter
            };
            let indicator = Achievement::Indicator {
                target: read_number(texts.field_target, first)?,
                actual: read_number(texts.field_actual, second)?,
                direction,
            };
            // Values whose ratio cannot be taken (a division by a value not
            // above zero) are refused here, with the rule, rather than
            // counting as no achievement without a word.
            if crate::model::achievement::raw_percent(indicator).is_none() {
                return Err(match direction {
                    Direction::HigherIsBetter => texts.indicator_higher_needs_positive_target,
                    Direction::LowerIsBetter => texts.indicator_lower_needs_positive_actual,
                }
                .to_string());
            }
            Ok(Some(indicator))
        }
    }
}

/// Reads a number typed in the field called `label`, or says why it cannot.
pub fn read_number(label: &str, text: &str) -> Result<Dec, String> {
    parse_number(text).map_err(|e| {
        fill(
            t().model.number_refused,
            &[("label", &label), ("text", &text.trim()), ("error", &e)],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decimal::parse_number;
    use crate::model::presets::{como_2024_grid, new_plan};

    #[test]
    fn a_range_whose_maximum_the_steps_do_not_reach_is_refused() {
        let mut plan = new_plan(2025);
        let d = |t: &str| parse_number(t).unwrap();
        let why = plan.set_range(1, d("0"), d("15"), d("4")).unwrap_err();
        assert_eq!(
            why,
            "Da 0 con passo 4 il massimo 15 non si raggiunge: il punteggio più alto sarebbe 12. Scegliere un massimo o un passo che lo raggiunga."
        );
        assert!(plan.set_range(1, d("0"), d("15,5"), d("1")).is_err());
        assert_eq!(
            plan.grid.criteria[1].max(),
            d("15"),
            "the grid is unchanged"
        );
        assert!(plan.set_range(1, d("0"), d("16"), d("4")).is_ok());
        assert!(plan.set_range(1, d("1"), d("15"), d("0,5")).is_ok());
        assert!(plan.set_range(1, d("0,5"), d("2"), d("0,25")).is_ok());
    }

    #[test]
    fn a_title_typed_or_pasted_is_one_line() {
        let mut plan = new_plan(2025);
        let id = plan.add_objective("u1");
        plan.set_title(&id, "Sportello unico\r\nper le imprese\nentro giugno\r2025");
        let title = &plan.objectives.iter().find(|o| o.id == id).unwrap().title;
        assert_eq!(title, "Sportello unico per le imprese entro giugno 2025");
    }

    #[test]
    fn a_new_id_after_the_largest_number_a_file_can_hold() {
        assert_eq!(fresh_id("o", ["o1", "o7", "x9"].into_iter()), "o8");
        assert_eq!(
            fresh_id("o", ["o18446744073709551615", "o1"].into_iter()),
            "o2"
        );
        let mut plan = new_plan(2025);
        let id = plan.add_objective("u1");
        plan.objectives.iter_mut().find(|o| o.id == id).unwrap().id = format!("o{}", u64::MAX);
        let next = plan.add_objective("u1");
        assert_eq!(next, "o1");
    }

    #[test]
    fn scores_typed_by_users() {
        let c = &como_2024_grid().criteria[0]; // 0..10
        assert_eq!(parse_score("7", c), Ok(Some(Dec::from_int(7))));
        assert_eq!(parse_score("  ", c), Ok(None));
        assert!(parse_score("11", c)
            .unwrap_err()
            .contains("fuori dall'intervallo"));
        assert!(parse_score("-1", c).unwrap_err().contains("da 0 a 10"));
        assert!(parse_score("7,5", c).unwrap_err().contains("intero"));
        assert!(parse_score("sette", c)
            .unwrap_err()
            .contains("non è un numero"));
    }

    #[test]
    fn a_number_read_as_thousands_says_how_to_write_decimals() {
        let c = &como_2024_grid().criteria[0]; // 0..10
        let why = parse_score("1.000", c).unwrap_err();
        assert!(why.starts_with("Il punteggio 1.000 è fuori"), "{why}");
        assert!(
            why.ends_with("da 0 a 10. Il punto separa le migliaia: per i decimali scrivere 1,000."),
            "{why}"
        );
        assert_eq!(parse_score("1,000", c), Ok(Some(Dec::from_int(1))));
        for plain_out_of_range in ["11", "1000", "2.500.000", "1.000,5"] {
            let why = parse_score(plain_out_of_range, c).unwrap_err();
            assert!(!why.contains("migliaia"), "{plain_out_of_range}: {why}");
        }
        let why = parse_direct("2.500").unwrap_err();
        assert!(why.contains("scrivere 2,500"), "{why}");
        let why = parse_achievement("percent", "1.000", "").unwrap_err();
        assert_eq!(
            why,
            "Il raggiungimento 1.000 % deve stare tra 0 e 100. Il punto separa le migliaia: per i decimali scrivere 1,000."
        );
        let why = parse_achievement("percent", "150", "").unwrap_err();
        assert_eq!(why, "Il raggiungimento 150 % deve stare tra 0 e 100.");
        // An indicator whose ratio cannot be taken says the rule.
        let why = parse_achievement("higher", "-5", "-10").unwrap_err();
        assert!(
            why.contains("il target deve essere maggiore di zero"),
            "{why}"
        );
        let why = parse_achievement("lower", "-5", "5").unwrap_err();
        assert!(
            why.contains("il valore rilevato deve essere maggiore di zero"),
            "{why}"
        );
        // Reached or passed, whatever the signs: 100 %.
        assert!(parse_achievement("higher", "-5", "3").is_ok());
        assert!(parse_achievement("lower", "0", "5").is_ok(), "0 % achieved");
        assert!(parse_achievement("lower", "0", "0").is_ok());
        // No hint where the decimal reading is refused too.
        for no_way_out in ["15.000", "-1.000"] {
            let why = parse_score(no_way_out, c).unwrap_err();
            assert!(!why.contains("migliaia"), "{no_way_out}: {why}");
        }
        assert!(!parse_direct("-1.000").unwrap_err().contains("migliaia"));
        assert!(!parse_direct("150").unwrap_err().contains("migliaia"));
        crate::text::with_lang(crate::text::Lang::En, || {
            let why = parse_score("1,000", c).unwrap_err();
            assert!(why.ends_with("write 1.000."), "{why}");
            assert_eq!(parse_score("1.000", c), Ok(Some(Dec::from_int(1))));
        });
    }

    #[test]
    fn a_unit_moves_under_a_unit_of_a_higher_level_only() {
        let mut plan = new_plan(2025); // levels Area; Settore, and «Settore 1» at the top
        let settore = plan.units[0].id.clone();
        let o = plan.add_objective(&settore);
        let area = plan.add_unit("Area Amministrativa", 0, None);
        let other = plan.add_unit("Settore 2", 1, Some(&area));
        let parents: Vec<&str> = plan
            .possible_parents(&settore)
            .iter()
            .map(|u| u.id.as_str())
            .collect();
        assert_eq!(parents, [area.as_str()]);
        assert!(plan.move_unit(&settore, Some(&area)));
        assert_eq!(
            plan.unit(&settore).unwrap().parent.as_deref(),
            Some(area.as_str())
        );
        assert_eq!(
            plan.objectives[0].unit, settore,
            "its objectives go with it"
        );
        assert_eq!(plan.objectives[0].id, o);
        // Not under a unit of its own level, nor an area under a settore.
        assert!(!plan.move_unit(&settore, Some(&other)));
        assert!(!plan.move_unit(&area, Some(&settore)));
        assert!(!plan.move_unit(&settore, Some("nessuna")));
        assert_eq!(
            plan.unit(&settore).unwrap().parent.as_deref(),
            Some(area.as_str())
        );
        assert!(plan.move_unit(&settore, None));
        assert_eq!(plan.unit(&settore).unwrap().parent, None);
    }

    #[test]
    fn objectives_are_added_moved_and_removed_within_their_unit() {
        let mut plan = new_plan(2025);
        let other = plan.add_unit("Settore 2", 1, None);
        let a = plan.add_objective("u1");
        let x = plan.add_objective(&other);
        let b = plan.add_objective("u1");
        assert_ne!(a, b);
        let order: Vec<&str> = plan.objectives.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(order, [a.as_str(), b.as_str(), x.as_str()]);
        plan.move_objective(&b, -1);
        let in_u1: Vec<&str> = plan
            .objectives_of("u1")
            .map(|i| plan.objectives[i].id.as_str())
            .collect();
        assert_eq!(in_u1, [b.as_str(), a.as_str()]);
        plan.move_objective(&b, -1); // already first: nothing happens
        assert_eq!(plan.objectives[0].id, b);
        plan.remove_unit("u1");
        assert_eq!(plan.objectives.len(), 1);
        assert_eq!(plan.objectives[0].id, x);
    }

    #[test]
    fn level_labels_are_data() {
        let mut plan = new_plan(2025);
        let labels = |t: &str| t.split(';').map(str::to_string).collect::<Vec<_>>();
        assert!(plan
            .set_level_labels(labels("Direzione Generale; Dipartimento; Settore; Ufficio"))
            .is_ok());
        assert_eq!(plan.ente.levels.len(), 4);
        assert!(plan
            .set_level_labels(labels("a;b;c;d;e"))
            .unwrap_err()
            .contains("da 1 a 4"));
        plan.add_unit("Ufficio Protocollo", 3, None);
        assert!(plan
            .set_level_labels(labels("Area; Settore"))
            .unwrap_err()
            .contains("usano 4 livelli"));
    }

    #[test]
    fn removing_a_unit_lifts_its_children() {
        let mut plan = new_plan(2025);
        let area = plan.add_unit("Area Tecnica", 0, None);
        let settore = plan.add_unit("Settore Lavori", 1, Some(&area));
        plan.remove_unit(&area);
        assert_eq!(plan.unit(&settore).unwrap().parent, None);
    }
}
