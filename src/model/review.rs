//! The Nucleo di valutazione's review of a proposal: each objective and each
//! score can be confirmed or contested, with a comment and, for a score, a
//! revised value. The validated weights use the revised values; the proposed
//! ones are never overwritten, so both stay visible. Every decision is logged
//! with who took it and when, and all of it travels in the same file.

use super::achievement::{raw_percent, Achievement};
use super::decimal::Dec;
use super::format::format_points;
use super::plan::{Objective, Plan};

/// A reviewer's decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Da verificare.
    #[default]
    Pending,
    Confirmed,
    Contested,
}

impl Verdict {
    /// The verdict's name in the interface's language ("da verificare",
    /// "to review").
    pub fn label(self) -> &'static str {
        let t = &crate::text::t().model;
        match self {
            Verdict::Pending => t.verdict_pending,
            Verdict::Confirmed => t.verdict_confirmed,
            Verdict::Contested => t.verdict_contested,
        }
    }

    /// The verdict's word in the review log, which files keep in Italian
    /// whatever the interface's language.
    fn logged(self) -> &'static str {
        match self {
            Verdict::Pending => "da verificare",
            Verdict::Confirmed => "confermato",
            Verdict::Contested => "contestato",
        }
    }
}

/// The review of one score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ScoreReview {
    pub verdict: Verdict,
    pub comment: String,
    /// The value the Nucleo puts in place of the proposed one.
    pub revised: Option<Dec>,
}

/// The review of one objective: its own verdict and one per criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ObjectiveReview {
    pub verdict: Verdict,
    pub comment: String,
    /// Aligned with the grid's criteria; shorter means "nothing reviewed".
    pub scores: Vec<ScoreReview>,
    /// The review of its degree of achievement; `revised` is a percentage.
    pub achievement: ScoreReview,
}

/// One recorded change: who, when, on what, and what.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ReviewEvent {
    /// As the user's clock gave it, `2026-11-23 20:15`.
    pub at: String,
    /// The name the reviewer typed.
    pub by: String,
    pub objective: String,
    /// Criterion id, when the change is about one score.
    pub criterion: Option<String>,
    /// What changed, in Italian: the log is part of the file, whatever the
    /// interface's language.
    pub change: String,
}

impl ObjectiveReview {
    pub fn is_empty(&self) -> bool {
        self.verdict == Verdict::Pending
            && self.comment.is_empty()
            && self.scores.iter().all(|s| *s == ScoreReview::default())
            && self.achievement == ScoreReview::default()
    }

    pub fn score(&self, c: usize) -> Option<&ScoreReview> {
        self.scores.get(c)
    }

    fn score_mut(&mut self, c: usize) -> &mut ScoreReview {
        if self.scores.len() <= c {
            self.scores.resize(c + 1, ScoreReview::default());
        }
        &mut self.scores[c]
    }
}

/// An objective's standing: contested if it or any score is; confirmed if it
/// is, or every criterion is; otherwise still to review.
pub fn objective_status(o: &Objective, criteria: usize) -> Verdict {
    let r = &o.review;
    if r.verdict == Verdict::Contested
        || r.achievement.verdict == Verdict::Contested
        || r.scores.iter().any(|s| s.verdict == Verdict::Contested)
    {
        Verdict::Contested
    } else if r.verdict == Verdict::Confirmed
        || (criteria > 0
            && (0..criteria).all(|c| r.score(c).is_some_and(|s| s.verdict == Verdict::Confirmed)))
    {
        Verdict::Confirmed
    } else {
        Verdict::Pending
    }
}

/// Why an objective has the standing [`objective_status`] gives it, where
/// its own verdict does not say so: a reviewer reading «contestato» next to
/// an objective whose own verdict is still «da verificare» is told which
/// scores made it so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusReason {
    /// Its own verdict, or nothing decided yet.
    Own,
    /// Contested through these criteria (their indexes in the grid) and,
    /// when `achievement` is true, through its degree of achievement.
    ContestedParts {
        criteria: Vec<usize>,
        achievement: bool,
    },
    /// Every criterion confirmed, the objective itself not yet.
    EveryScoreConfirmed,
}

/// See [`StatusReason`].
pub fn status_reason(o: &Objective, criteria: usize) -> StatusReason {
    let r = &o.review;
    match objective_status(o, criteria) {
        Verdict::Contested if r.verdict != Verdict::Contested => StatusReason::ContestedParts {
            criteria: (0..criteria)
                .filter(|&c| r.score(c).is_some_and(|s| s.verdict == Verdict::Contested))
                .collect(),
            achievement: r.achievement.verdict == Verdict::Contested,
        },
        Verdict::Confirmed if r.verdict != Verdict::Confirmed => StatusReason::EveryScoreConfirmed,
        _ => StatusReason::Own,
    }
}

/// A set of objectives' standing: contested if one is, confirmed if all are.
pub fn group_status(statuses: impl Iterator<Item = Verdict>) -> Verdict {
    let mut any = false;
    let mut all_confirmed = true;
    for s in statuses {
        any = true;
        match s {
            Verdict::Contested => return Verdict::Contested,
            Verdict::Pending => all_confirmed = false,
            Verdict::Confirmed => {}
        }
    }
    if any && all_confirmed {
        Verdict::Confirmed
    } else {
        Verdict::Pending
    }
}

/// How many objectives are still to review.
pub fn pending_count(plan: &Plan) -> usize {
    let n = plan.grid.criteria.len();
    plan.objectives
        .iter()
        .filter(|o| objective_status(o, n) == Verdict::Pending)
        .count()
}

/// How far the review of a plan has gone, and by whom: what the annex says
/// above its outcomes, so that a review left half-way does not print as a
/// finished one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewSummary {
    pub objectives: usize,
    /// Objectives still to review ([`objective_status`] pending).
    pub pending: usize,
    /// The names in the log, each once, in the order they first decided.
    pub reviewers: Vec<String>,
    /// When the last decision was taken, as the log keeps it.
    pub last_at: Option<String>,
}

/// See [`ReviewSummary`].
pub fn review_summary(plan: &Plan) -> ReviewSummary {
    let mut reviewers: Vec<String> = Vec::new();
    for event in &plan.review_log {
        if !reviewers.contains(&event.by) {
            reviewers.push(event.by.clone());
        }
    }
    ReviewSummary {
        objectives: plan.objectives.len(),
        pending: pending_count(plan),
        reviewers,
        last_at: plan.review_log.iter().map(|e| e.at.clone()).max(),
    }
}

/// Whether any score has a revised value.
pub fn has_revisions(plan: &Plan) -> bool {
    plan.objectives.iter().any(|o| {
        o.review.achievement.revised.is_some()
            || o.review.scores.iter().any(|s| s.revised.is_some())
    })
}

/// The plan as validated: every revised score in place of the proposed one.
pub fn validated(plan: &Plan) -> Plan {
    let mut out = plan.clone();
    for o in &mut out.objectives {
        for (c, review) in o.review.scores.iter().enumerate() {
            if let (Some(revised), Some(slot)) = (review.revised, o.scores.get_mut(c)) {
                *slot = Some(revised);
            }
        }
        if let Some(revised) = o.review.achievement.revised {
            o.achievement = Some(Achievement::Percent(revised));
        }
    }
    out
}

impl Plan {
    fn log(
        &mut self,
        at: &str,
        by: &str,
        objective: &str,
        criterion: Option<usize>,
        change: String,
    ) {
        let by = if by.trim().is_empty() {
            "(nome non indicato)"
        } else {
            by.trim()
        };
        self.review_log.push(ReviewEvent {
            at: at.to_string(),
            by: by.to_string(),
            objective: objective.to_string(),
            criterion: criterion
                .and_then(|c| self.grid.criteria.get(c))
                .map(|c| c.id.clone()),
            change,
        });
    }

    /// Records a verdict on an objective (`criterion` `None`) or on one score.
    /// A score confirmed, or set back to review, loses its revision: the
    /// proposal is what was confirmed.
    pub fn review_verdict(
        &mut self,
        id: &str,
        criterion: Option<usize>,
        verdict: Verdict,
        at: &str,
        by: &str,
    ) {
        let Some(i) = self.objective_index(id) else {
            return;
        };
        let what = match criterion.and_then(|c| self.grid.criteria.get(c)) {
            Some(c) => format!("punteggio di «{}»", c.short),
            None => "obiettivo".to_string(),
        };
        let review = &mut self.objectives[i].review;
        match criterion {
            Some(c) => review.score_mut(c).verdict = verdict,
            None => review.verdict = verdict,
        }
        self.log(
            at,
            by,
            id,
            criterion,
            format!("{what}: {}", verdict.logged()),
        );
        if let Some(c) = criterion.filter(|_| verdict != Verdict::Contested) {
            self.review_revise(id, c, None, at, by);
        }
    }

    /// Records a comment on an objective or on one score.
    pub fn review_comment(
        &mut self,
        id: &str,
        criterion: Option<usize>,
        comment: &str,
        at: &str,
        by: &str,
    ) {
        let Some(i) = self.objective_index(id) else {
            return;
        };
        let review = &mut self.objectives[i].review;
        let current = match criterion {
            Some(c) => review.score(c).map_or("", |s| s.comment.as_str()),
            None => review.comment.as_str(),
        };
        if current == comment.trim() {
            return;
        }
        let slot = match criterion {
            Some(c) => &mut review.score_mut(c).comment,
            None => &mut review.comment,
        };
        *slot = comment.trim().to_string();
        self.log(
            at,
            by,
            id,
            criterion,
            format!("commento: «{}»", comment.trim()),
        );
    }

    /// Records a verdict, a comment or a revised percentage on an objective's
    /// degree of achievement (fields left `None` are not touched). A revised
    /// value contests it (one equal to the proposal is none); a verdict
    /// other than contested withdraws it.
    pub fn review_achievement(
        &mut self,
        id: &str,
        verdict: Option<Verdict>,
        comment: Option<&str>,
        revised: Option<Option<Dec>>,
        at: &str,
        by: &str,
    ) {
        let Some(i) = self.objective_index(id) else {
            return;
        };
        let proposed = self.objectives[i].achievement.and_then(raw_percent);
        let review = &mut self.objectives[i].review.achievement;
        let mut changes = Vec::new();
        let revised = match (verdict, revised) {
            (_, Some(value)) => Some(value.filter(|r| Some(*r) != proposed)),
            (Some(v), None) if v != Verdict::Contested => Some(None),
            _ => None,
        };
        if let Some(v) = verdict {
            if review.verdict != v {
                review.verdict = v;
                changes.push(format!("raggiungimento: {}", v.logged()));
            }
        }
        if let Some(text) = comment {
            if review.comment != text.trim() {
                review.comment = text.trim().to_string();
                changes.push(format!("commento sul raggiungimento: «{}»", text.trim()));
            }
        }
        if let Some(value) = revised {
            if review.revised != value {
                review.revised = value;
                if value.is_some() {
                    review.verdict = Verdict::Contested;
                }
                let shown = |v: Option<Dec>| {
                    v.map_or("—".to_string(), |v| format!("{} %", format_points(v)))
                };
                changes.push(match value {
                    Some(r) => format!(
                        "raggiungimento rivisto da {} a {}",
                        shown(proposed),
                        shown(Some(r))
                    ),
                    None => format!(
                        "raggiungimento: revisione ritirata, vale il proposto {}",
                        shown(proposed)
                    ),
                });
            }
        }
        for change in changes {
            self.log(at, by, id, None, change);
        }
    }

    /// Records a revised score (`None` withdraws the revision). A revision
    /// contests the score; one equal to the proposal is no revision.
    pub fn review_revise(
        &mut self,
        id: &str,
        criterion: usize,
        revised: Option<Dec>,
        at: &str,
        by: &str,
    ) {
        let Some(i) = self.objective_index(id) else {
            return;
        };
        let proposed = self.objectives[i].scores.get(criterion).copied().flatten();
        let revised = revised.filter(|r| Some(*r) != proposed);
        let name = self
            .grid
            .criteria
            .get(criterion)
            .map(|c| c.short.clone())
            .unwrap_or_default();
        let held = self.objectives[i].review.score(criterion);
        if held.and_then(|s| s.revised) == revised {
            return;
        }
        let review = self.objectives[i].review.score_mut(criterion);
        review.revised = revised;
        if revised.is_some() {
            review.verdict = Verdict::Contested;
        }
        let shown = |v: Option<Dec>| v.map_or("—".to_string(), format_points);
        let change = match revised {
            Some(r) => format!(
                "«{name}» rivisto da {} a {}",
                shown(proposed),
                format_points(r)
            ),
            None => format!(
                "«{name}»: revisione ritirata, vale il proposto {}",
                shown(proposed)
            ),
        };
        self.log(at, by, id, Some(criterion), change);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::presets::new_plan;

    #[test]
    fn statuses_roll_up() {
        let mut plan = new_plan(2025);
        let a = plan.add_objective("u1");
        let b = plan.add_objective("u1");
        assert_eq!(pending_count(&plan), 2);
        plan.review_verdict(&a, None, Verdict::Confirmed, "t", "Rossi");
        assert_eq!(pending_count(&plan), 1);
        for c in 0..4 {
            plan.review_verdict(&b, Some(c), Verdict::Confirmed, "t", "Rossi");
        }
        assert_eq!(pending_count(&plan), 0);
        let n = plan.grid.criteria.len();
        assert_eq!(
            group_status(plan.objectives.iter().map(|o| objective_status(o, n))),
            Verdict::Confirmed
        );
        plan.review_revise(&b, 2, Some(Dec::from_int(1)), "t", "Rossi");
        assert_eq!(objective_status(&plan.objectives[1], n), Verdict::Contested);
        assert_eq!(
            group_status(plan.objectives.iter().map(|o| objective_status(o, n))),
            Verdict::Contested
        );
        assert_eq!(plan.review_log.len(), 6);
        assert_eq!(plan.review_log[5].criterion.as_deref(), Some("finanziaria"));
        assert_eq!(
            plan.review_log[5].change,
            "«Signif. finanziaria» rivisto da — a 1"
        );
    }

    #[test]
    fn confirming_a_revised_score_confirms_the_proposal() {
        let mut plan = new_plan(2025);
        let a = plan.add_objective("u1");
        for c in 0..4 {
            plan.set_score(&a, c, Some(Dec::from_int(5)));
        }
        // A "revision" to the proposed value is none: nothing contested.
        plan.review_verdict(&a, Some(3), Verdict::Confirmed, "t", "Rossi");
        let logged = plan.review_log.len();
        plan.review_revise(&a, 3, Some(Dec::from_int(5)), "t", "Rossi");
        let score = plan.objectives[0].review.score(3).unwrap().clone();
        assert_eq!((score.verdict, score.revised), (Verdict::Confirmed, None));
        assert_eq!(plan.review_log.len(), logged, "nothing to log");
        // Revised to 3, then confirmed: the proposal's 5 counts again.
        plan.review_revise(&a, 0, Some(Dec::from_int(3)), "t", "Rossi");
        assert_eq!(
            validated(&plan).objectives[0].scores[0],
            Some(Dec::from_int(3))
        );
        plan.review_verdict(&a, Some(0), Verdict::Confirmed, "t", "Rossi");
        let score = plan.objectives[0].review.score(0).unwrap().clone();
        assert_eq!((score.verdict, score.revised), (Verdict::Confirmed, None));
        assert_eq!(
            validated(&plan).objectives[0].scores[0],
            Some(Dec::from_int(5))
        );
        let changes: Vec<&str> = plan.review_log[logged..]
            .iter()
            .map(|e| e.change.as_str())
            .collect();
        assert_eq!(
            changes,
            [
                "«Complessità» rivisto da 5 a 3",
                "punteggio di «Complessità»: confermato",
                "«Complessità»: revisione ritirata, vale il proposto 5",
            ]
        );
        // Contesting keeps a revision; the achievement follows the same rules.
        plan.review_revise(&a, 1, Some(Dec::from_int(2)), "t", "Rossi");
        plan.review_verdict(&a, Some(1), Verdict::Contested, "t", "Rossi");
        assert_eq!(
            plan.objectives[0].review.score(1).unwrap().revised,
            Some(Dec::from_int(2))
        );
        plan.objectives[0].achievement = Some(Achievement::Percent(Dec::from_int(90)));
        let ninety = Some(Some(Dec::from_int(90)));
        plan.review_achievement(&a, None, None, ninety, "t", "Rossi");
        assert_eq!(
            plan.objectives[0].review.achievement,
            ScoreReview::default()
        );
        let sixty = Some(Some(Dec::from_int(60)));
        plan.review_achievement(&a, None, None, sixty, "t", "Rossi");
        assert_eq!(
            plan.objectives[0].review.achievement.verdict,
            Verdict::Contested
        );
        plan.review_achievement(&a, Some(Verdict::Confirmed), None, None, "t", "Rossi");
        let review = &plan.objectives[0].review.achievement;
        assert_eq!((review.verdict, review.revised), (Verdict::Confirmed, None));
    }

    #[test]
    fn the_summary_says_how_far_the_review_went_and_who_took_it() {
        let mut plan = new_plan(2025);
        let a = plan.add_objective("u1");
        let b = plan.add_objective("u1");
        plan.add_objective("u1");
        let none = review_summary(&plan);
        assert_eq!((none.objectives, none.pending), (3, 3));
        assert!(none.reviewers.is_empty() && none.last_at.is_none());
        plan.review_verdict(&a, None, Verdict::Confirmed, "2026-12-02 10:00", "Rossi");
        plan.review_comment(&b, None, "Da rivedere", "2026-12-03 09:15", "Bianchi");
        plan.review_verdict(&b, Some(0), Verdict::Contested, "2026-12-03 09:10", "Rossi");
        let summary = review_summary(&plan);
        assert_eq!(summary.pending, 1);
        assert_eq!(summary.reviewers, ["Rossi", "Bianchi"]);
        assert_eq!(summary.last_at.as_deref(), Some("2026-12-03 09:15"));
    }

    #[test]
    fn a_status_names_the_decisions_it_comes_from() {
        let mut plan = new_plan(2025);
        let a = plan.add_objective("u1");
        let reason = |plan: &Plan| status_reason(&plan.objectives[0], 4);
        assert_eq!(reason(&plan), StatusReason::Own);
        plan.review_verdict(&a, Some(1), Verdict::Contested, "t", "Rossi");
        plan.review_verdict(&a, Some(3), Verdict::Contested, "t", "Rossi");
        assert_eq!(
            reason(&plan),
            StatusReason::ContestedParts {
                criteria: vec![1, 3],
                achievement: false
            }
        );
        plan.review_achievement(&a, Some(Verdict::Contested), None, None, "t", "Rossi");
        assert_eq!(
            reason(&plan),
            StatusReason::ContestedParts {
                criteria: vec![1, 3],
                achievement: true
            }
        );
        // The objective's own verdict says it all.
        plan.review_verdict(&a, None, Verdict::Contested, "t", "Rossi");
        assert_eq!(reason(&plan), StatusReason::Own);
        plan.review_verdict(&a, None, Verdict::Pending, "t", "Rossi");
        plan.review_achievement(&a, Some(Verdict::Pending), None, None, "t", "Rossi");
        for c in 0..4 {
            plan.review_verdict(&a, Some(c), Verdict::Confirmed, "t", "Rossi");
        }
        assert_eq!(reason(&plan), StatusReason::EveryScoreConfirmed);
        plan.review_verdict(&a, None, Verdict::Confirmed, "t", "Rossi");
        assert_eq!(reason(&plan), StatusReason::Own);
    }

    #[test]
    fn an_achievement_can_be_contested_and_revised() {
        let mut plan = new_plan(2025);
        let a = plan.add_objective("u1");
        for c in 0..4 {
            plan.set_score(&a, c, Some(Dec::from_int(5)));
        }
        plan.objectives[0].achievement = Some(Achievement::Percent(Dec::from_int(90)));
        plan.review_achievement(
            &a,
            None,
            Some("Target non documentato."),
            Some(Some(Dec::from_int(60))),
            "t",
            "Rossi",
        );
        assert_eq!(objective_status(&plan.objectives[0], 4), Verdict::Contested);
        assert_eq!(
            plan.objectives[0].achievement,
            Some(Achievement::Percent(Dec::from_int(90))),
            "the proposal stays"
        );
        assert_eq!(
            validated(&plan).objectives[0].achievement,
            Some(Achievement::Percent(Dec::from_int(60)))
        );
        assert_eq!(
            plan.review_log.last().unwrap().change,
            "raggiungimento rivisto da 90 % a 60 %"
        );
        assert_eq!(plan.review_log.len(), 2);
    }
}
