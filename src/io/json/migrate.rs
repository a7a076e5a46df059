//! Older schema versions brought up to the current one, a version at a time.

use super::*;

/// Brings a file of an older schema version up to [`SCHEMA_VERSION`], one
/// version at a time, without changing its meaning.
pub fn migrate(mut value: Value, from: u64) -> Result<Value, LoadError> {
    if !value.is_object() {
        return Err(LoadError::plain(t().io.json_migrate_not_object));
    }
    let mut version = from;
    while version < SCHEMA_VERSION {
        value = match version {
            1 => v1_to_v2(value),
            2 => v2_to_v3(value),
            3 => v3_to_v4(value),
            other => {
                return Err(LoadError::at_field(
                    "schema_version",
                    fill(t().io.json_unknown_version, &[("version", &other)]),
                ))
            }
        };
        version += 1;
    }
    Ok(value)
}

/// Version 1 knew only criteria scored in a range, summed, with the simple
/// mean; version 2 states each of those choices.
pub(super) fn v1_to_v2(mut value: Value) -> Value {
    value["schema_version"] = Value::from(2);
    if let Some(grid) = value.get_mut("grid").and_then(Value::as_object_mut) {
        grid.insert("method".into(), Value::from("criteria"));
        grid.insert("average".into(), Value::from("simple"));
        grid.insert("shared".into(), Value::from("separate"));
        if let Some(criteria) = grid.get_mut("criteria").and_then(Value::as_array_mut) {
            for c in criteria.iter_mut().filter_map(Value::as_object_mut) {
                c.insert("kind".into(), Value::from("range"));
            }
        }
    }
    value
}

/// Version 3 adds the Nucleo's review; a version 2 file has none to carry.
pub(super) fn v2_to_v3(mut value: Value) -> Value {
    value["schema_version"] = Value::from(3);
    value
}

/// Version 4 adds achievements and bands; a version 3 file has none.
pub(super) fn v3_to_v4(mut value: Value) -> Value {
    value["schema_version"] = Value::from(4);
    value
}
