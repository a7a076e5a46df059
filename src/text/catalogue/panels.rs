//! Texts of the panels: plan header, grid, units and objectives, summary,
//! findings, charts, review, results and sensitivity.

use super::texts;

texts! {
    PanelTexts {
        /// `{ente}`, `{year}`.
        plan_title,
        mode,
        mode_proposal,
        mode_review,
    }
}
