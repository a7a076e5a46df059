//! The file's shape, as serde reads and writes it: version 2's fields and
//! what versions 3 (the Nucleo's review) and 4 (achievements) added.

use super::*;

#[derive(Serialize, Deserialize)]
pub(super) struct FileV2 {
    pub(super) schema_version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) generator: Option<String>,
    /// Checksum of the plan's content as Pesatura wrote it (see [`checksum`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) checksum: Option<String>,
    pub(super) ente: EnteV2,
    pub(super) grid: GridV2,
    pub(super) units: Vec<UnitV2>,
    pub(super) objectives: Vec<ObjectiveV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) organisational: Vec<OrgObjectiveV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) secretary: Vec<PlainObjectiveV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) review_log: Vec<ReviewEventV3>,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum VerdictV3 {
    #[default]
    Pending,
    Confirmed,
    Contested,
}

#[derive(Serialize, Deserialize, Default)]
pub(super) struct ReviewV3 {
    #[serde(default)]
    pub(super) status: VerdictV3,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) comment: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) scores: BTreeMap<String, ScoreReviewV3>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) achievement: Option<ScoreReviewV3>,
}

#[derive(Serialize, Deserialize, Default)]
pub(super) struct ScoreReviewV3 {
    #[serde(default)]
    pub(super) status: VerdictV3,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) comment: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) revised: Option<f64>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ReviewEventV3 {
    pub(super) at: String,
    pub(super) by: String,
    pub(super) objective: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) criterion: Option<String>,
    pub(super) change: String,
}

pub(super) fn verdict_in(v: VerdictV3) -> Verdict {
    match v {
        VerdictV3::Pending => Verdict::Pending,
        VerdictV3::Confirmed => Verdict::Confirmed,
        VerdictV3::Contested => Verdict::Contested,
    }
}

pub(super) fn verdict_out(v: Verdict) -> VerdictV3 {
    match v {
        Verdict::Pending => VerdictV3::Pending,
        Verdict::Confirmed => VerdictV3::Confirmed,
        Verdict::Contested => VerdictV3::Contested,
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct EnteV2 {
    pub(super) name: String,
    pub(super) year: i32,
    pub(super) levels: Vec<String>,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum MethodV2 {
    #[default]
    Criteria,
    Direct,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum AverageV2 {
    #[default]
    Simple,
    PointsWeighted,
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum SharedV2 {
    #[default]
    Separate,
    EachUnit,
}

#[derive(Serialize, Deserialize)]
pub(super) struct GridV2 {
    pub(super) name: String,
    #[serde(default)]
    pub(super) method: MethodV2,
    #[serde(default)]
    pub(super) criteria: Vec<CriterionV2>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) types: Vec<TypeV2>,
    #[serde(default)]
    pub(super) average: AverageV2,
    #[serde(default)]
    pub(super) shared: SharedV2,
    /// Objectives each unit of the lowest level should have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) expected_objectives: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) bands: Option<BandsV4>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct BandsV4 {
    pub(super) zero_below: f64,
    pub(super) full_from: f64,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum DirectionV4 {
    Higher,
    Lower,
}

#[derive(Serialize, Deserialize, Default)]
pub(super) struct AchievementV4 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) actual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) direction: Option<DirectionV4>,
}

pub(super) fn achievement_in(
    a: AchievementV4,
    field: &dyn Fn() -> String,
) -> Result<Achievement, LoadError> {
    match (a.percent, a.target, a.actual) {
        (Some(p), None, None) => Ok(Achievement::Percent(number(p, &|| {
            format!("{}.percent", field())
        })?)),
        (None, Some(t), Some(v)) => Ok(Achievement::Indicator {
            target: number(t, &|| format!("{}.target", field()))?,
            actual: number(v, &|| format!("{}.actual", field()))?,
            direction: match a.direction {
                Some(DirectionV4::Lower) => Direction::LowerIsBetter,
                _ => Direction::HigherIsBetter,
            },
        }),
        _ => Err(LoadError::at_field(
            field(),
            t().io.json_achievement_incomplete,
        )),
    }
}

pub(super) fn achievement_out(a: Achievement) -> AchievementV4 {
    match a {
        Achievement::Percent(p) => AchievementV4 {
            percent: Some(p.to_f64()),
            ..Default::default()
        },
        Achievement::Indicator {
            target,
            actual,
            direction,
        } => AchievementV4 {
            percent: None,
            target: Some(target.to_f64()),
            actual: Some(actual.to_f64()),
            direction: Some(match direction {
                Direction::HigherIsBetter => DirectionV4::Higher,
                Direction::LowerIsBetter => DirectionV4::Lower,
            }),
        },
    }
}

#[derive(Serialize, Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum KindV2 {
    #[default]
    Range,
    Levels,
}

#[derive(Serialize, Deserialize)]
pub(super) struct CriterionV2 {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) short: Option<String>,
    #[serde(default)]
    pub(super) kind: KindV2,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) step: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) levels: Option<Vec<LevelV2>>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct LevelV2 {
    pub(super) name: String,
    pub(super) points: f64,
}

#[derive(Serialize, Deserialize)]
pub(super) struct TypeV2 {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) factor: f64,
}

#[derive(Serialize, Deserialize)]
pub(super) struct UnitV2 {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) level: usize,
    #[serde(default)]
    pub(super) parent: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ObjectiveV2 {
    pub(super) id: String,
    pub(super) unit: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) also: Vec<String>,
    pub(super) title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) weight: Option<Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) scores: BTreeMap<String, Option<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) review: Option<ReviewV3>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) achievement: Option<AchievementV4>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct OrgObjectiveV2 {
    pub(super) id: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) indicators: Vec<IndicatorV2>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) achievement: Option<AchievementV4>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct IndicatorV2 {
    pub(super) indicator: String,
    pub(super) target: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct PlainObjectiveV2 {
    pub(super) id: String,
    pub(super) title: String,
}

#[derive(Deserialize)]
pub(super) struct Probe {
    pub(super) schema_version: Option<Value>,
}
