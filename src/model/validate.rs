//! Findings (rilievi): what is wrong or incomplete in a plan, each naming the
//! place it is about and saying why, so that a dirigente can fix it and the
//! Nucleo can check it before signing.

use std::collections::{HashMap, HashSet};

use super::compute::{compute, Results};
use super::decimal::Dec;
use super::format::{format_it, format_points};
use super::plan::{Criterion, DirectWeight, Method, Plan, Scale};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn label_it(self) -> &'static str {
        match self {
            Severity::Error => "Errore",
            Severity::Warning => "Avviso",
            Severity::Note => "Nota",
        }
    }
}

/// Where a finding points: a unit, an objective, a score cell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    pub unit: Option<String>,
    pub objective: Option<String>,
    /// Index into the grid's criteria.
    pub criterion: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub place: Place,
    /// Where, in words: "Settore 3 › «Gestione immobili» › Complessità".
    pub where_: String,
    /// Why, in one Italian sentence.
    pub message: String,
}

/// Checks a plan and lists its findings, errors first, then in plan order.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    validate_with(plan, &compute(plan))
}

/// [`validate`] reusing results already computed.
pub fn validate_with(plan: &Plan, results: &Results) -> Vec<Finding> {
    let mut out = Vec::new();
    let units_by_id: HashMap<&str, usize> =
        plan.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();

    check_units(plan, &units_by_id, &mut out);

    let mut seen_ids = HashSet::new();
    for (position, o) in plan.objectives.iter().enumerate() {
        let unit_name = units_by_id.get(o.unit.as_str()).map(|&u| plan.units[u].name.as_str());
        // Where, in words: written only for an objective that has a finding.
        let where_obj = std::cell::OnceCell::new();
        let where_obj = || {
            where_obj.get_or_init(|| format!("{} › {}", unit_name.unwrap_or("(nessuna unità)"), objective_label(&o.title, position))).as_str()
        };
        let place = |criterion| Place { unit: Some(o.unit.clone()), objective: Some(o.id.clone()), criterion };

        if !seen_ids.insert(o.id.as_str()) {
            out.push(finding(Severity::Error, place(None), where_obj(),
                format!("L'identificativo «{}» è usato da più di un obiettivo.", o.id)));
        }
        if unit_name.is_none() {
            out.push(finding(Severity::Error, place(None), where_obj(),
                format!("L'obiettivo appartiene all'unità «{}», che non esiste nel piano.", o.unit)));
        }
        if is_empty_row(o) {
            continue; // reported once, with the unit, as an empty row
        }
        if o.title.trim().is_empty() {
            out.push(finding(Severity::Error, place(None), where_obj(), "L'obiettivo non ha un titolo.".into()));
        }
        for unit in &o.also {
            if !units_by_id.contains_key(unit.as_str()) {
                out.push(finding(Severity::Error, place(None), where_obj(),
                    format!("L'obiettivo è condiviso con l'unità «{unit}», che non esiste nel piano.")));
            }
        }
        match plan.grid.method {
            Method::Criteria => {
                for (c, criterion) in plan.grid.criteria.iter().enumerate() {
                    let where_cell = || format!("{} › {}", where_obj(), criterion.name);
                    match o.scores.get(c).copied().flatten() {
                        None => out.push(finding(Severity::Warning, place(Some(c)), &where_cell(),
                            format!("Manca il punteggio di «{}»: l'obiettivo non entra nei pesi né nelle medie finché non è completo.", criterion.short))),
                        Some(score) => {
                            if let Some(why) = score_problem(score, criterion) {
                                out.push(finding(Severity::Error, place(Some(c)), &where_cell(), why));
                            }
                        }
                    }
                }
                if !plan.grid.types.is_empty() {
                    match o.kind.as_deref() {
                        None => out.push(finding(Severity::Warning, place(None), where_obj(),
                            "Manca la tipologia: senza il suo fattore l'obiettivo non ha peso e non entra nelle medie.".into())),
                        Some(k) if plan.grid.objective_type(k).is_none() => out.push(finding(Severity::Error, place(None), where_obj(),
                            format!("La tipologia «{k}» non è tra quelle della griglia."))),
                        _ => {}
                    }
                }
            }
            Method::Direct => match o.direct {
                None => out.push(finding(Severity::Warning, place(None), where_obj(),
                    "Manca il peso: scrivere una percentuale, oppure X se è un obiettivo prerequisito.".into())),
                Some(DirectWeight::Percent(p)) if p <= Dec::ZERO || p > Dec::HUNDRED => out.push(finding(Severity::Error, place(None), where_obj(),
                    format!("Il peso {} % deve essere maggiore di 0 e al massimo 100.", format_points(p)))),
                _ => {}
            },
        }
    }

    if plan.grid.method == Method::Direct {
        for (u, unit) in plan.units.iter().enumerate() {
            let group = &results.units[u].own;
            if group.stats.objectives == 0 || group.stats.complete < group.stats.objectives {
                continue; // incomplete units are reported objective by objective
            }
            let sum = group.stats.total;
            if sum != Dec::HUNDRED {
                let difference = if sum < Dec::HUNDRED {
                    format!("mancano {} punti percentuali", format_it(Dec::HUNDRED.checked_sub(sum).unwrap_or_default(), 2))
                } else {
                    format!("ci sono {} punti percentuali in più", format_it(sum.checked_sub(Dec::HUNDRED).unwrap_or_default(), 2))
                };
                out.push(finding(Severity::Error, Place { unit: Some(unit.id.clone()), objective: None, criterion: None },
                    &plan.unit_label(unit),
                    format!("I pesi degli obiettivi sommano a {} % invece di 100: {difference}.", format_it(sum, 2))));
            }
        }
    }

    check_what_the_nucleo_looks_for(plan, results, &mut out);
    out.sort_by_key(|f| f.severity);
    out
}

/// Why a score is not admitted by a criterion, or `None` if it is.
pub fn score_problem(score: Dec, criterion: &Criterion) -> Option<String> {
    match &criterion.scale {
        Scale::Range { min, max, step } => {
            if score < *min || score > *max {
                return Some(format!(
                    "Il punteggio {} è fuori dall'intervallo ammesso, da {} a {}.",
                    format_points(score), format_points(*min), format_points(*max)
                ));
            }
            let offset = score.checked_sub(*min).unwrap_or_default();
            if !offset.is_multiple_of(*step) {
                return Some(if *step == Dec::from_int(1) {
                    format!("Il punteggio {} deve essere un numero intero.", format_points(score))
                } else {
                    format!("Il punteggio {} non è ammesso: il passo è {}.", format_points(score), format_points(*step))
                });
            }
            None
        }
        Scale::Levels(levels) => (!levels.iter().any(|l| l.points == score)).then(|| {
            let names: Vec<String> = levels.iter().map(|l| format!("{} ({})", l.name, format_points(l.points))).collect();
            format!("Il punteggio {} non corrisponde a nessun livello: {}.", format_points(score), names.join(", "))
        }),
    }
}

/// A title as compared for duplicates: case, spaces and punctuation ignored.
fn title_key(title: &str) -> String {
    title.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Whether an objective is an empty row: no title, no score, no weight.
pub fn is_empty_row(o: &super::plan::Objective) -> bool {
    o.title.trim().is_empty() && o.scores.iter().all(Option::is_none) && o.direct.is_none() && o.kind.is_none()
}

/// The checks a Nucleo di valutazione makes on a dirigente's table: the ones
/// that find what the Como 2024 table hides.
fn check_what_the_nucleo_looks_for(plan: &Plan, results: &Results, out: &mut Vec<Finding>) {
    let unit_place = |u: usize| Place { unit: Some(plan.units[u].id.clone()), objective: None, criterion: None };
    let unit_where = |u: usize| plan.unit_label(&plan.units[u]);
    let bottom = plan.ente.levels.len().saturating_sub(1);

    // The same title twice, in one unit or in two.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        let key = title_key(&o.title);
        if key.is_empty() {
            continue;
        }
        if let Some(&first) = seen.get(&key) {
            let other = &plan.objectives[first];
            let where_other = plan.unit(&other.unit).map_or(other.unit.clone(), |u| plan.unit_label(u));
            let same_unit = other.unit == o.unit;
            out.push(Finding {
                severity: Severity::Warning,
                place: Place { unit: Some(o.unit.clone()), objective: Some(o.id.clone()), criterion: None },
                where_: format!("{} › {}", plan.unit(&o.unit).map_or(o.unit.clone(), |u| plan.unit_label(u)), objective_label(&o.title, i)),
                message: if same_unit {
                    "Lo stesso titolo compare due volte nella stessa unità: è forse un obiettivo ripetuto?".to_string()
                } else {
                    format!("Lo stesso titolo compare anche in {where_other}: è forse un obiettivo ripetuto, o comune a più unità?")
                },
            });
        } else {
            seen.insert(key, i);
        }
    }

    for (u, unit) in plan.units.iter().enumerate() {
        let own = &results.units[u].own;
        let members: Vec<&super::plan::Objective> = own.members.iter().map(|m| &plan.objectives[m.objective]).collect();

        // Empty rows, and what the average would be if they were counted as 0.
        let empty = members.iter().filter(|o| is_empty_row(o)).count();
        if empty > 0 {
            let with_empty = super::compute::mean(own.stats.total, own.stats.complete + empty);
            let message = match (own.stats.average, with_empty, plan.grid.average) {
                (Some(avg), Some(alt), super::plan::AverageRule::Simple) => format!(
                    "{} vuot{} nella tabella: non {} nella media, che è {}; se {} contat{} come 0 la media sarebbe {}.",
                    if empty == 1 { "C'è una riga".to_string() } else { format!("Ci sono {empty} righe") },
                    if empty == 1 { "a" } else { "e" },
                    if empty == 1 { "entra" } else { "entrano" },
                    format_it(avg, 2),
                    if empty == 1 { "fosse" } else { "fossero" },
                    if empty == 1 { "a" } else { "e" },
                    format_it(alt, 2)
                ),
                _ => format!("Righe vuote nella tabella: {empty}. Non entrano nella media."),
            };
            out.push(finding(Severity::Warning, unit_place(u), &unit_where(u), message));
        }

        // As many objectives as the grid expects.
        if let Some(expected) = plan.grid.expected_objectives {
            let real = members.iter().filter(|o| !is_empty_row(o)).count();
            if unit.level == bottom && real != expected {
                out.push(finding(Severity::Warning, unit_place(u), &unit_where(u), format!(
                    "L'unità ha {real} obiettiv{}, la griglia ne prevede {expected}.",
                    if real == 1 { "o" } else { "i" }
                )));
            }
        }

        // No differentiation: every objective scored the same.
        let complete: Vec<&&super::plan::Objective> =
            members.iter().zip(&own.members).filter(|(_, m)| results.objectives[m.objective].points.is_some()).map(|(o, _)| o).collect();
        if complete.len() >= 2 {
            let first = (&complete[0].scores, &complete[0].direct, &complete[0].kind);
            if complete.iter().all(|o| (&o.scores, &o.direct, &o.kind) == first) {
                out.push(finding(Severity::Note, unit_place(u), &unit_where(u),
                    "Tutti gli obiettivi dell'unità hanno gli stessi punteggi: la pesatura non li differenzia.".into()));
            }
        }
    }

    // The maximum on every criterion.
    if plan.grid.method == Method::Criteria && !plan.grid.criteria.is_empty() {
        for (i, o) in plan.objectives.iter().enumerate() {
            let all_max = plan.grid.criteria.iter().enumerate().all(|(c, criterion)| o.scores.get(c).copied().flatten() == Some(criterion.max()));
            if all_max {
                out.push(Finding {
                    severity: Severity::Note,
                    place: Place { unit: Some(o.unit.clone()), objective: Some(o.id.clone()), criterion: None },
                    where_: format!("{} › {}", plan.unit(&o.unit).map_or(o.unit.clone(), |u| plan.unit_label(u)), objective_label(&o.title, i)),
                    message: "L'obiettivo ha il punteggio massimo su tutti i criteri.".into(),
                });
            }
        }
    }
}

fn check_units(plan: &Plan, units_by_id: &HashMap<&str, usize>, out: &mut Vec<Finding>) {
    let mut has_objectives: HashSet<&str> = plan.objectives.iter().map(|o| o.unit.as_str()).collect();
    let mut seen_ids = HashSet::new();
    let mut seen_names: HashMap<String, &str> = HashMap::new();
    // A unit "has objectives" if it or a unit below it has some.
    for u in &plan.units {
        if has_objectives.contains(u.id.as_str()) {
            let mut parent = u.parent.as_deref();
            let mut steps = 0;
            while let Some(p) = parent {
                if !has_objectives.insert(p) || steps > plan.units.len() {
                    break;
                }
                steps += 1;
                parent = units_by_id.get(p).and_then(|&i| plan.units[i].parent.as_deref());
            }
        }
    }
    for u in &plan.units {
        // Place and words are written only for a unit that has a finding.
        let place = || Place { unit: Some(u.id.clone()), objective: None, criterion: None };
        let where_ = || plan.unit_label(u);
        if !seen_ids.insert(u.id.as_str()) {
            out.push(finding(Severity::Error, place(), &where_(),
                format!("L'identificativo «{}» è usato da più di un'unità.", u.id)));
        }
        if u.name.trim().is_empty() {
            out.push(finding(Severity::Error, place(), &where_(), "L'unità non ha un nome.".into()));
        }
        let key = u.name.trim().to_lowercase();
        if !key.is_empty() {
            if let Some(other) = seen_names.insert(key, u.id.as_str()) {
                if other != u.id {
                    out.push(finding(Severity::Warning, place(), &where_(),
                        "Due unità hanno lo stesso nome.".into()));
                }
            }
        }
        if u.level >= plan.ente.levels.len() {
            out.push(finding(Severity::Error, place(), &where_(),
                format!("Il livello {} non è tra i livelli dell'ente ({}).", u.level + 1, plan.ente.levels.join(", "))));
        }
        match u.parent.as_deref() {
            Some(p) => match units_by_id.get(p) {
                None => out.push(finding(Severity::Error, place(), &where_(),
                    format!("L'unità superiore «{p}» non esiste nel piano."))),
                Some(&pi) if plan.units[pi].level >= u.level => out.push(finding(Severity::Error, place(), &where_(),
                    format!("L'unità superiore «{}» non sta a un livello più alto.", plan.units[pi].name))),
                _ => {}
            },
            None => {}
        }
        if !has_objectives.contains(u.id.as_str()) {
            out.push(finding(Severity::Warning, place(), &where_(), "L'unità non ha obiettivi.".into()));
        }
    }
}

fn finding(severity: Severity, place: Place, where_: &str, message: String) -> Finding {
    Finding { severity, place, where_: where_.to_string(), message }
}

/// A short way to name an objective: its title cut to 60 characters, or its position.
pub fn objective_label(title: &str, position: usize) -> String {
    let title = title.trim();
    if title.is_empty() {
        return format!("obiettivo n. {}", position + 1);
    }
    let mut chars = title.chars();
    let short: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("«{short}…»")
    } else {
        format!("«{short}»")
    }
}
