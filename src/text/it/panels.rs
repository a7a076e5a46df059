use crate::text::PanelTexts;

pub const PANELS: PanelTexts = PanelTexts {
    plan_title: "{ente} — piano degli obiettivi {year}",
    mode: "Modalità:",
    mode_proposal: "Proposta",
    mode_review: "Verifica",
};
