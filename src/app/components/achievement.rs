//! The degree of achievement of one objective: a percentage, or an
//! indicator's actual value against its target (higher or lower is better).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::components::icon::{icon, It};
use crate::app::state::{AchievementOf, Action};
use crate::app::Dispatch;
use crate::model::achievement::{Achievement, Direction};
use crate::model::decimal::Dec;
use crate::text::{fill, number, plain, t};

#[derive(Properties, PartialEq)]
pub struct AchievementProps {
    pub of: AchievementOf,
    pub current: Option<Achievement>,
    /// The text refused last time (`mode|first|second`) and why.
    pub draft: Option<(String, Option<String>)>,
    /// What counts, after the grid's bands.
    pub counted: Option<Dec>,
    /// Words for the accessible names: "obiettivo 2: Titolo".
    pub label: AttrValue,
    /// In Verifica the achievement reported is shown, not changed: the
    /// Nucleo's decision on it is in the review panel.
    #[prop_or_default]
    pub locked: bool,
    pub dispatch: Dispatch,
}

#[component]
pub fn AchievementEditor(props: &AchievementProps) -> Html {
    let (mode, first, second) = match (&props.draft, props.current) {
        (Some((text, _)), _) => {
            let mut parts = text.splitn(3, '|').map(str::to_string);
            (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            )
        }
        (None, Some(Achievement::Percent(p))) => ("percent".to_string(), plain(p), String::new()),
        (
            None,
            Some(Achievement::Indicator {
                target,
                actual,
                direction,
            }),
        ) => (
            if direction == Direction::LowerIsBetter {
                "lower"
            } else {
                "higher"
            }
            .to_string(),
            plain(target),
            plain(actual),
        ),
        (None, None) => ("percent".to_string(), String::new(), String::new()),
    };
    let base = match &props.of {
        AchievementOf::Objective(id) => crate::app::files::dom_id("raggiungimento", &[id]),
        AchievementOf::Organisational(id) => crate::app::files::dom_id("raggiungimento-org", &[id]),
    };
    let send = |slot: usize| {
        let (dispatch, of) = (props.dispatch.clone(), props.of.clone());
        let values = [mode.clone(), first.clone(), second.clone()];
        Callback::from(move |e: Event| {
            let mut v = values.clone();
            v[slot] = match slot {
                0 => e.target_unchecked_into::<HtmlSelectElement>().value(),
                _ => e.target_unchecked_into::<HtmlInputElement>().value(),
            };
            // From a percentage to an indicator or back, the numbers typed
            // mean something else: the fields start empty (a percentage is
            // no target). Between the two directions they stay.
            if slot == 0 && (v[0] == "percent") != (values[0] == "percent") {
                v[1].clear();
                v[2].clear();
            }
            let [mode, first, second] = v;
            dispatch.dispatch(Action::SetAchievement {
                target: of.clone(),
                mode,
                first,
                second,
            });
        })
    };
    let error = props.draft.as_ref().and_then(|(_, e)| e.clone());
    let label = &props.label;
    let texts = &t().app;
    let field = |id: String, value: &String, aria_label: String, slot: usize| {
        html! {
            <input {id} class="score form-control" type="text" inputmode="decimal" value={value.clone()}
                aria-label={aria_label} onchange={send(slot)} readonly={props.locked} tabindex={(props.locked).then_some("-1")}
                aria-invalid={error.is_some().to_string()} aria-describedby={error.as_ref().map(|_| format!("{base}-errore"))} />
        }
    };
    let named = |name: &'static str, input: Html| {
        html! {
            <span class="mini-field">
                <span class="mini-label" aria-hidden="true">{ name }</span>
                { input }
            </span>
        }
    };
    html! {
        <div class="achievement">
            <select id={format!("{base}-modo")} class="form-select" aria-label={fill(texts.achievement_mode_label, &[("label", label)])} onchange={send(0)} disabled={props.locked}>
                <option value="percent" selected={mode == "percent"}>{ "%" }</option>
                <option value="higher" selected={mode == "higher"}>{ texts.indicator_higher }</option>
                <option value="lower" selected={mode == "lower"}>{ texts.indicator_lower }</option>
            </select>
            if mode == "percent" {
                { field(base.clone(), &first, fill(texts.achievement_percent_label, &[("label", label)]), 1) }
            } else {
                // Each named above its field, so that the two can be told apart once filled.
                { named(texts.target_placeholder, field(format!("{base}-target"), &first, fill(texts.target_label, &[("label", label)]), 1)) }
                { named(texts.actual_placeholder, field(format!("{base}-rilevato"), &second, fill(texts.actual_label, &[("label", label)]), 2)) }
            }
            if let (Some(c), true) = (props.counted, mode != "percent" || props.counted.is_some()) {
                <span class="points-note">{ fill(texts.achievement_counts, &[("percent", &number(c, 2))]) }</span>
            }
            if let Some(error) = error {
                <span class="field-error" id={format!("{base}-errore")}>{ icon(It::Error) }{ error }</span>
            }
        </div>
    }
}
