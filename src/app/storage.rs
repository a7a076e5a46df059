//! Autosave: the plan on screen is kept in the browser's localStorage after
//! every change, so that a reload or a crashed tab gives it back. Storage can
//! be blocked (private modes, intranet policies) or full: then nothing
//! panics, and the caller tells the user that autosave is off.
//!
//! Storage is per origin, and an intranet may serve two copies from one
//! host (`/peg/`, `/peg-prova/`): each copy's autosave is kept under its own
//! folder's name, so that one never restores the other's plan. The
//! language, the results columns and the reviewer's name are the person's,
//! kept once for the host.

use web_sys::Storage;

const PLAN_KEY: &str = "pesatura.autosave.plan";
const META_KEY: &str = "pesatura.autosave.meta";

/// The folder the page is served from (`/peg/`), `/` at the host's root.
fn folder() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match path.rfind('/') {
        Some(end) => path[..=end].to_string(),
        None => "/".to_string(),
    }
}

/// `key` for the copy served from this folder: as it is at the host's
/// root (where every earlier version kept it), `key@/peg/` elsewhere.
fn scoped(key: &str) -> String {
    match folder().as_str() {
        "/" => key.to_string(),
        folder => format!("{key}@{folder}"),
    }
}

/// The key this copy autosaves its plan under.
pub fn plan_key() -> String {
    scoped(PLAN_KEY)
}
const LANGUAGE_KEY: &str = "pesatura.language";
const SHOW_RESULTS_KEY: &str = "pesatura.show-results";
const REVIEWER_KEY: &str = "pesatura.reviewer";

/// What was autosaved, and when.
pub struct Autosaved {
    pub plan_json: String,
    /// Local time of the save, `2026-11-23 20:15` (`23/11/2026 20:15` from
    /// earlier versions): see `text::moment`.
    pub saved_at: String,
    /// Whether it held changes not saved to a file.
    pub dirty: bool,
}

fn storage() -> Option<Storage> {
    // `local_storage()` throws where storage is blocked: treat as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether autosave can work here: storage exists and accepts a write.
pub fn available() -> bool {
    storage().is_some_and(|s| {
        s.set_item("pesatura.probe", "1").is_ok() && s.remove_item("pesatura.probe").is_ok()
    })
}

/// Saves the plan; `false` when storage refused it (absent or full).
pub fn save(plan_json: &str, dirty: bool) -> bool {
    let Some(s) = storage() else { return false };
    let now = js_sys::Date::new_0();
    // Stored as 2026-12-03 09:05, written in the interface's language when shown.
    let saved_at = format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    );
    let meta = format!("{}|{saved_at}", if dirty { "1" } else { "0" });
    s.set_item(&plan_key(), plan_json).is_ok() && s.set_item(&scoped(META_KEY), &meta).is_ok()
}

/// The last autosave of this copy, if any. One that an earlier version kept
/// for the whole host (it dates itself `23/11/2026`, where this version
/// writes `2026-11-23`) is taken by the first copy in a folder that finds
/// it, and moved under that copy's keys; the autosave of a copy served from
/// the host's root, under the same keys, is never taken.
pub fn load() -> Option<Autosaved> {
    let s = storage()?;
    let (plan_key, meta_key) = (plan_key(), scoped(META_KEY));
    if plan_key != PLAN_KEY && s.get_item(&plan_key).ok()?.is_none() {
        let meta = s.get_item(META_KEY).ok().flatten().unwrap_or_default();
        let earlier_version = meta
            .split_once('|')
            .is_some_and(|(_, saved_at)| saved_at.contains('/'));
        if let Some(old) = s.get_item(PLAN_KEY).ok()?.filter(|_| earlier_version) {
            if s.set_item(&plan_key, &old).is_ok() && s.set_item(&meta_key, &meta).is_ok() {
                let _ = s.remove_item(PLAN_KEY);
                let _ = s.remove_item(META_KEY);
            }
        }
    }
    let plan_json = s.get_item(&plan_key).ok()??;
    let meta = s.get_item(&meta_key).ok().flatten().unwrap_or_default();
    let (dirty, saved_at) = meta.split_once('|').unwrap_or(("0", ""));
    Some(Autosaved {
        plan_json,
        saved_at: saved_at.to_string(),
        dirty: dirty == "1",
    })
}

/// Forgets the autosave (used by tests and after an unreadable one).
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(&plan_key());
        let _ = s.remove_item(&scoped(META_KEY));
    }
}

/// The language chosen last time, if storage holds one.
pub fn load_language() -> Option<crate::text::Lang> {
    let code = storage()?.get_item(LANGUAGE_KEY).ok()??;
    crate::text::Lang::from_code(&code)
}

/// Remembers the language; silently nothing where storage is blocked.
pub fn save_language(lang: crate::text::Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANGUAGE_KEY, lang.code());
    }
}

/// Whether the results columns were shown last time (false where storage
/// holds nothing or is blocked).
pub fn load_show_results() -> bool {
    storage()
        .and_then(|s| s.get_item(SHOW_RESULTS_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// Remembers whether the results columns are shown; nothing where storage is blocked.
pub fn save_show_results(show: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(SHOW_RESULTS_KEY, if show { "1" } else { "0" });
    }
}

/// The name of who reviews in this browser, as typed last (empty where
/// storage holds nothing or is blocked): each decision is logged with it.
pub fn load_reviewer() -> String {
    storage()
        .and_then(|s| s.get_item(REVIEWER_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Remembers the reviewer's name; nothing where storage is blocked.
pub fn save_reviewer(name: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(REVIEWER_KEY, name);
    }
}
