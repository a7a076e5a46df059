//! The model's sentences: findings and the descriptions of grids and rules.

use super::texts;

texts! {
    ModelTexts {
        severity_error,
        severity_warning,
        severity_info,
    }
}
