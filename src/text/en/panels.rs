use crate::text::PanelTexts;

pub const PANELS: PanelTexts = PanelTexts {
    plan_title: "{ente} — plan of objectives {year}",
    mode: "Mode:",
    mode_proposal: "Proposal",
    mode_review: "Review",
};
