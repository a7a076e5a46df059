//! Charts as inline SVG drawn from the model's layout: unit averages with the
//! ente's average marked, and a unit's objectives stacked by criterion. Each
//! chart is an image with a title and its numbers as text, in a box that
//! scrolls sideways on a narrow screen, and prints.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::components::near_screen::use_draw_all;
use crate::app::fingerprint::Same;

use crate::model::achievement::Outcome;
use crate::model::chart::{
    averages, page, results as result_bars, stacks, AverageChart, BARS_PER_PAGE,
};
use crate::model::plan::Method;
use crate::model::{Plan, Results};
use crate::text::{fill, number, points, t};

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub plan: Same<Plan>,
    pub results: Same<Results>,
    /// Results per unit, when shown.
    #[prop_or_default]
    pub outcome: Option<Rc<Outcome>>,
}

/// Colours of the criteria, distinguishable also in grey (and each segment
/// carries its number as text).
const PALETTE: [&str; 6] = [
    "#0066cc", "#8a5a00", "#00693e", "#a61d4d", "#5c6f82", "#5b3aa8",
];
const LABEL_W: u32 = 330;
const PLOT_W: u32 = 560;
const ROW_H: u32 = 22;

fn x(thousandths: u32) -> u32 {
    LABEL_W + thousandths * PLOT_W / 1000
}

fn short(label: &str, max: usize) -> String {
    let mut chars = label.chars();
    let cut: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A unit the stacked chart can show: its id, label, index in `plan.units`,
/// and the label of the unit above it (its group in a long list).
type Choice = (AttrValue, AttrValue, usize, AttrValue);

/// Above this many units, the unit is picked in two steps: first the unit
/// above it, then the unit, instead of one list of thousands.
const ONE_LIST_UP_TO: usize = 60;

#[derive(Properties, PartialEq)]
struct PickerProps {
    choices: Rc<Vec<Choice>>,
    selected: Option<AttrValue>,
    /// The id of the unit picked.
    onchange: Callback<String>,
}

/// The list of units for the stacked chart: drawn again only when the units
/// or the choice change (a long plan has thousands).
#[component]
fn UnitPicker(props: &PickerProps) -> Html {
    let pick = props
        .onchange
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let options = |choices: &mut dyn Iterator<Item = &Choice>| -> Html {
        choices
            .map(|(id, label, _, _)| html! {
                <option value={id.clone()} selected={Some(id) == props.selected.as_ref()}>{ label.clone() }</option>
            })
            .collect()
    };
    if props.choices.len() <= ONE_LIST_UP_TO {
        return html! {
            <div class="field">
                <label for="grafico-unita">{ t().panels.charts_unit }</label>
                <select id="grafico-unita" class="form-select" onchange={pick}>
                    { options(&mut props.choices.iter()) }
                </select>
            </div>
        };
    }
    let group = props
        .choices
        .iter()
        .find(|c| Some(&c.0) == props.selected.as_ref())
        .or(props.choices.first())
        .map(|c| c.3.clone())
        .unwrap_or_default();
    let mut groups: Vec<&AttrValue> = props.choices.iter().map(|c| &c.3).collect();
    groups.dedup();
    // Another group: its first unit.
    let on_group = {
        let (choices, onchange) = (props.choices.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let picked = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(first) = choices.iter().find(|c| c.3.as_str() == picked) {
                onchange.emit(first.0.to_string());
            }
        })
    };
    html! {
        <div class="field-row">
            <div class="field">
                <label for="grafico-gruppo">{ t().panels.charts_group }</label>
                <select id="grafico-gruppo" class="form-select" onchange={on_group}>
                    { for groups.iter().map(|g| html! {
                        <option value={(*g).clone()} selected={**g == group}>{ (*g).clone() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="grafico-unita">{ t().panels.charts_unit }</label>
                <select id="grafico-unita" class="form-select" onchange={pick}>
                    { options(&mut props.choices.iter().filter(|c| c.3 == group)) }
                </select>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BarProps {
    row: u32,
    label: AttrValue,
    /// Thousandths of the plot's width.
    length: u32,
    value: crate::model::Dec,
    fill: &'static str,
}

/// One unit's bar: drawn again only when it changes.
#[component]
fn Bar(props: &BarProps) -> Html {
    let y = props.row * ROW_H;
    html! {
        <g>
            <text x={(LABEL_W - 8).to_string()} y={(y + 15).to_string()} text-anchor="end" class="chart-label">{ short(&props.label, 44) }</text>
            <rect x={LABEL_W.to_string()} y={(y + 3).to_string()} width={(x(props.length) - LABEL_W).to_string()} height="16" fill={props.fill} />
            <text x={(x(props.length) + 4).to_string()} y={(y + 15).to_string()} class="chart-value">{ number(props.value, 2) }</text>
        </g>
    }
}

/// One unit's objectives, their points stacked by criterion, as an
/// accessible SVG image whose test id is `id` (its title's and
/// description's ids start with it).
fn stacked_chart(plan: &Plan, unit: &str, members: &[usize], id: &str) -> Html {
    let rows = stacks(plan, members);
    let h = (rows.len() as u32 + 2) * ROW_H + 20;
    let desc: Vec<String> = rows
        .iter()
        .map(|s| {
            let parts: Vec<String> = s
                .segments
                .iter()
                .map(|(c, p, _, _)| format!("{} {}", plan.grid.criteria[*c].short, points(*p)))
                .collect();
            fill(
                t().panels.charts_stacked_row,
                &[
                    ("objective", &s.label),
                    ("points", &parts.join(", ")),
                    ("total", &points(s.total)),
                ],
            )
        })
        .collect();
    let title = fill(t().panels.charts_stacked_title, &[("unit", &unit)]);
    html! {
        <>
        // On paper, where the unit's list is not, each chart says whose it is.
        <p class="print-only chart-caption" aria-hidden="true">{ title.clone() }</p>
        <div class="chart-scroll" tabindex="0" role="region" aria-label={title.clone()}>
        <svg class="chart" role="img" aria-labelledby={format!("{id}-titolo {id}-desc")}
            viewBox={format!("0 0 {} {h}", LABEL_W + PLOT_W + 60)} width="100%" data-testid={id.to_string()}>
            <title id={format!("{id}-titolo")}>{ title }</title>
            <desc id={format!("{id}-desc")}>{ desc.join("; ") }</desc>
            { for rows.iter().enumerate().map(|(i, s)| {
                let y = (i as u32 + 1) * ROW_H;
                html! {
                    <g>
                        <text x={(LABEL_W - 8).to_string()} y={(y + 15).to_string()} text-anchor="end" class="chart-label">{ short(&s.label, 44) }</text>
                        { for s.segments.iter().map(|(c, p, start, len)| html! {
                            <g>
                                <rect x={x(*start).to_string()} y={(y + 3).to_string()} width={(x(start + len) - x(*start)).to_string()} height="16"
                                    fill={PALETTE[c % PALETTE.len()]} stroke="#fff" />
                                if *len >= 30 {
                                    <text x={(x(*start) + 3).to_string()} y={(y + 15).to_string()} class="chart-segment">{ points(*p) }</text>
                                }
                            </g>
                        }) }
                        <text x={(x(s.segments.last().map_or(0, |l| l.2 + l.3)) + 4).to_string()} y={(y + 15).to_string()} class="chart-value">{ points(s.total) }</text>
                    </g>
                }
            }) }
            { for plan.grid.criteria.iter().enumerate().map(|(c, criterion)| {
                let lx = LABEL_W + (c as u32) * (PLOT_W / plan.grid.criteria.len().max(1) as u32);
                let ly = (rows.len() as u32 + 1) * ROW_H + 8;
                html! {
                    <g>
                        <rect x={lx.to_string()} y={ly.to_string()} width="12" height="12" fill={PALETTE[c % PALETTE.len()]} />
                        <text x={(lx + 16).to_string()} y={(ly + 11).to_string()} class="chart-label">{ criterion.short.clone() }</text>
                    </g>
                }
            }) }
        </svg>
        </div>
        </>
    }
}

#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let plan = &props.plan;
    let unit_choice = use_state(|| None::<String>);
    let chart = averages(plan, &props.results);
    // Without averages, no scale to name.
    let title = if chart.bars.is_empty() {
        t().panels.charts_averages_no_scale.to_string()
    } else {
        fill(
            t().panels.charts_averages_title,
            &[(
                "max",
                &if chart.scale_fixed {
                    points(chart.scale_max)
                } else {
                    number(chart.scale_max, 2)
                },
            )],
        )
    };
    // Until some unit has an average, there is no scale to draw on.
    let bars_svg = if chart.bars.is_empty() {
        html! { <p class="hint" data-testid="grafico-medie-vuoto">{ t().panels.charts_no_averages }</p> }
    } else {
        html! {
            <BarChart {chart} id="grafico-medie" title={title.clone()} desc={t().panels.charts_averages_desc}
                marker={t().panels.charts_ente_average} value_name="average" fill={PALETTE[0]} />
        }
    };

    let on_unit = use_callback(unit_choice.clone(), |id: String, unit_choice| {
        unit_choice.set(Some(id))
    });
    // The units to pick from (id, label, index): worked out again only when
    // the units or their tables' membership change, not at every score.
    let with_tables: Vec<bool> = props
        .results
        .units
        .iter()
        .map(|r| !r.own.members.is_empty())
        .collect();
    let choices = use_memo(
        crate::app::fingerprint::of(&(&plan.units, &plan.ente.levels, &with_tables)),
        |_| {
            let by_id: std::collections::HashMap<&str, &crate::model::plan::Unit> =
                plan.units.iter().map(|u| (u.id.as_str(), u)).collect();
            plan.units
                .iter()
                .enumerate()
                .filter(|(u, _)| with_tables[*u])
                .map(|(u, unit)| {
                    let above = unit
                        .parent
                        .as_deref()
                        .and_then(|p| by_id.get(p).copied())
                        .map_or_else(
                            || t().panels.charts_top_level.to_string(),
                            |p| plan.unit_label(p),
                        );
                    (
                        AttrValue::from(unit.id.clone()),
                        AttrValue::from(plan.unit_label(unit)),
                        u,
                        AttrValue::from(above),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    let units_with_tables: Vec<(String, String, Vec<usize>)> = choices
        .iter()
        .filter(|(id, _, _, _)| unit_choice.as_deref().is_none_or(|c| c == id.as_str()))
        .take(1)
        .map(|(id, label, u, _)| {
            (
                id.to_string(),
                label.to_string(),
                props.results.units[*u]
                    .own
                    .members
                    .iter()
                    .map(|m| m.objective)
                    .collect(),
            )
        })
        .collect();
    let selected = (*unit_choice)
        .clone()
        .or_else(|| units_with_tables.first().map(|(id, _, _)| id.clone()));
    let draw_all = use_draw_all();
    let stacked = (plan.grid.method == Method::Criteria).then(|| {
        let Some((_, name, members)) = units_with_tables.iter().find(|(id, _, _)| Some(id) == selected.as_ref()) else { return Html::default() };
        // Printed, the annex has every unit's chart: the others follow the
        // one on screen, drawn once printing asks for everything.
        let others = draw_all.then(|| {
            choices.iter().filter(|(id, _, _, _)| Some(id.as_str()) != selected.as_deref()).map(|(id, label, u, _)| {
                let members: Vec<usize> = props.results.units[*u].own.members.iter().map(|m| m.objective).collect();
                stacked_chart(plan, label, &members, &format!("grafico-pila-{id}"))
            }).collect::<Html>()
        });
        html! {
            <>
                <UnitPicker choices={choices.clone()} selected={selected.clone().map(AttrValue::from)} onchange={on_unit} />
                { stacked_chart(plan, name, members, "grafico-pila") }
                if let Some(others) = others {
                    <div class="print-only">{ others }</div>
                }
            </>
        }
    });

    let results_svg = props.outcome.as_ref().map(|o| {
        let chart = result_bars(plan, &props.results, o);
        // Until some unit's result is complete, there is nothing to draw.
        if chart.bars.is_empty() {
            return html! { <p class="hint" data-testid="grafico-risultati-vuoto">{ t().panels.charts_no_results }</p> };
        }
        html! {
            <BarChart {chart} id="grafico-risultati" title={t().panels.charts_results_title}
                desc={t().panels.charts_results_desc} marker={t().panels.charts_ente_result} value_name="result" fill={PALETTE[2]} />
        }
    });

    html! {
        <section class="charts" aria-labelledby="grafici-titolo">
            <h2 id="grafici-titolo">{ t().panels.charts_title }</h2>
            if let Some(svg) = results_svg {
                <h3>{ t().panels.charts_results_heading }</h3>
                { svg }
            }
            <h3>{ title }</h3>
            { bars_svg }
            if let Some(stacked) = stacked {
                <h3>{ t().panels.charts_stacked_heading }</h3>
                { stacked }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BarChartProps {
    chart: AverageChart,
    /// The SVG's test id and the prefix of its title's and description's ids.
    id: &'static str,
    title: AttrValue,
    /// Templates with the marker's value as `{<value_name>}`; `desc` also
    /// with `{bars}`, each bar's label and value.
    desc: &'static str,
    marker: &'static str,
    value_name: &'static str,
    fill: &'static str,
}

/// A bar chart with its marker line, as an accessible SVG image; more than
/// [`BARS_PER_PAGE`] bars are shown a page at a time.
#[component]
fn BarChart(props: &BarChartProps) -> Html {
    let page_asked = use_state(|| 0usize);
    let chart = &props.chart;
    let (shown, pages) = page(chart.bars.len(), *page_asked);
    let current = shown.start / BARS_PER_PAGE;
    let bars = &chart.bars[shown.clone()];
    let id = props.id;
    let height = (bars.len() as u32 + 2) * ROW_H;
    let description: Vec<String> = bars
        .iter()
        .map(|b| format!("{} {}", b.label, number(b.value, 2)))
        .collect();
    let ente = chart.ente.map(|(v, at)| (number(v, 2), x(at)));
    let described = if description.is_empty() {
        t().panels.charts_no_result.to_string()
    } else {
        description.join("; ")
    };
    let marker_value = ente.as_ref().map_or("—", |(v, _)| v.as_str());
    let turn = |to: usize| {
        let page_asked = page_asked.clone();
        Callback::from(move |_| page_asked.set(to))
    };
    html! {
        <>
            if pages > 1 {
                <div class="chart-pages">
                    <button type="button" class="btn btn-outline-primary btn-xs" disabled={current == 0}
                        onclick={turn(current.saturating_sub(1))}>{ t().panels.charts_previous }</button>
                    <span aria-live="polite" data-testid={format!("{id}-pagina")}>{ fill(t().panels.charts_page, &[("from", &(shown.start + 1)), ("to", &shown.end), ("n", &chart.bars.len())]) }</span>
                    <button type="button" class="btn btn-outline-primary btn-xs" disabled={current + 1 >= pages}
                        onclick={turn(current + 1)}>{ t().panels.charts_next }</button>
                </div>
            }
            // A narrow screen scrolls the chart rather than shrink its labels
            // (see `.chart` in the stylesheet): its box takes focus, so that
            // the keyboard can scroll it too.
            <div class="chart-scroll" tabindex="0" role="region" aria-label={props.title.clone()}>
            <svg class="chart" role="img" aria-labelledby={format!("{id}-titolo {id}-desc")}
                viewBox={format!("0 0 {} {height}", LABEL_W + PLOT_W + 60)} width="100%" data-testid={id}>
                <title id={format!("{id}-titolo")}>{ props.title.clone() }</title>
                <desc id={format!("{id}-desc")}>{ fill(props.desc, &[("bars", &described), (props.value_name, &marker_value)]) }</desc>
                // The ente's line under the bars and their values (which
                // have a white edge), so that it never runs through a number.
                if let Some((value, at)) = ente.clone() {
                    <line x1={at.to_string()} x2={at.to_string()} y1={(ROW_H / 2).to_string()} y2={(height - 4).to_string()}
                        stroke="#a61d4d" stroke-width="2" stroke-dasharray="5 3" />
                    // Its label on the side with room: left of a line in the plot's right half.
                    <text x={(if at > LABEL_W + PLOT_W / 2 { at - 4 } else { at + 4 }).to_string()} y={(ROW_H - 6).to_string()}
                        text-anchor={if at > LABEL_W + PLOT_W / 2 { "end" } else { "start" }}
                        class="chart-value" data-testid={format!("{id}-marcatore")}>{ fill(props.marker, &[(props.value_name, &value)]) }</text>
                }
                { for bars.iter().enumerate().map(|(i, b)| html! {
                    <Bar row={i as u32 + 1} label={b.label.clone()} length={b.length} value={b.value} fill={props.fill} />
                }) }
            </svg>
            </div>
        </>
    }
}
