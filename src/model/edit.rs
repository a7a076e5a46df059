//! Edits a user makes to a plan. Each keeps the plan consistent (ids stay
//! unique, a unit's objectives follow it) and is tested here, natively, so the
//! interface only dispatches them.

use super::decimal::{parse_number, Dec, NumberError};
use super::format::format_points;
use super::plan::{Criterion, Objective, Plan, Unit};
use super::validate::score_problem;

/// A fresh id with the given prefix, unused in `taken`.
fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let highest = taken
        .filter_map(|id| id.strip_prefix(prefix).and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest + 1)
}

/// Reads what a user typed in a score cell. Empty means "not scored yet".
/// Anything the criterion does not admit is refused with the reason.
pub fn parse_score(text: &str, criterion: &Criterion) -> Result<Option<Dec>, String> {
    match parse_number(text) {
        Err(NumberError::Empty) => Ok(None),
        Err(NumberError::NotANumber) => Err(format!(
            "«{}» non è un numero: scrivere un punteggio da {} a {}.",
            text.trim(), format_points(criterion.min), format_points(criterion.max)
        )),
        Err(e) => Err(format!("«{}» {e}.", text.trim())),
        Ok(score) => match score_problem(score, criterion.min, criterion.max, criterion.step) {
            Some(why) => Err(why),
            None => Ok(Some(score)),
        },
    }
}

impl Plan {
    /// Appends an empty objective to a unit and returns its id.
    pub fn add_objective(&mut self, unit: &str) -> String {
        let id = fresh_id("o", self.objectives.iter().map(|o| o.id.as_str()));
        let objective = Objective {
            id: id.clone(),
            unit: unit.to_string(),
            title: String::new(),
            description: None,
            scores: vec![None; self.grid.criteria.len()],
        };
        // After the unit's last objective, so display order stays grouped.
        let at = self.objectives_of(unit).last().map_or(self.objectives.len(), |i| i + 1);
        self.objectives.insert(at, objective);
        id
    }

    pub fn remove_objective(&mut self, id: &str) {
        self.objectives.retain(|o| o.id != id);
    }

    /// Moves an objective one place up (`-1`) or down (`+1`) among its unit's.
    pub fn move_objective(&mut self, id: &str, delta: isize) {
        let Some(at) = self.objective_index(id) else { return };
        let unit = self.objectives[at].unit.clone();
        let siblings: Vec<usize> = self.objectives_of(&unit).collect();
        let Some(pos) = siblings.iter().position(|&i| i == at) else { return };
        let target = pos as isize + delta;
        if target < 0 || target as usize >= siblings.len() {
            return;
        }
        self.objectives.swap(at, siblings[target as usize]);
    }

    pub fn set_title(&mut self, id: &str, title: &str) {
        if let Some(i) = self.objective_index(id) {
            self.objectives[i].title = title.to_string();
        }
    }

    pub fn set_description(&mut self, id: &str, text: &str) {
        if let Some(i) = self.objective_index(id) {
            let text = text.trim();
            self.objectives[i].description = (!text.is_empty()).then(|| text.to_string());
        }
    }

    pub fn set_score(&mut self, id: &str, criterion: usize, score: Option<Dec>) {
        if let Some(i) = self.objective_index(id) {
            let scores = &mut self.objectives[i].scores;
            if scores.len() < self.grid.criteria.len() {
                scores.resize(self.grid.criteria.len(), None);
            }
            if let Some(slot) = scores.get_mut(criterion) {
                *slot = score;
            }
        }
    }

    /// Adds a unit at `level` under `parent` and returns its id.
    pub fn add_unit(&mut self, name: &str, level: usize, parent: Option<&str>) -> String {
        let id = fresh_id("u", self.units.iter().map(|u| u.id.as_str()));
        self.units.push(Unit { id: id.clone(), name: name.to_string(), level, parent: parent.map(str::to_string) });
        id
    }

    pub fn rename_unit(&mut self, id: &str, name: &str) {
        if let Some(i) = self.unit_index(id) {
            self.units[i].name = name.to_string();
        }
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
        self.objectives.retain(|o| o.unit != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::{como_2024_grid, new_plan};

    #[test]
    fn scores_typed_by_users() {
        let c = &como_2024_grid().criteria[0]; // 0..10
        assert_eq!(parse_score("7", c), Ok(Some(Dec::from_int(7))));
        assert_eq!(parse_score("  ", c), Ok(None));
        assert!(parse_score("11", c).unwrap_err().contains("fuori dall'intervallo"));
        assert!(parse_score("-1", c).unwrap_err().contains("da 0 a 10"));
        assert!(parse_score("7,5", c).unwrap_err().contains("intero"));
        assert!(parse_score("sette", c).unwrap_err().contains("non è un numero"));
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
        let in_u1: Vec<&str> = plan.objectives_of("u1").map(|i| plan.objectives[i].id.as_str()).collect();
        assert_eq!(in_u1, [b.as_str(), a.as_str()]);
        plan.move_objective(&b, -1); // already first: nothing happens
        assert_eq!(plan.objectives[0].id, b);
        plan.remove_unit("u1");
        assert_eq!(plan.objectives.len(), 1);
        assert_eq!(plan.objectives[0].id, x);
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
