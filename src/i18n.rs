//! The language a ledger speaks. Every label and message is written in both languages at the
//! place it is used (`tr("…", "…")`), so a message can never exist in one language only.

use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

/// Output language of a ledger (`[cell] language`), overridable with `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// Set the language used for output from now on. The shell calls this once it knows the
/// ledger (or `--lang`); before that, messages are in English.
pub fn set_lang(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::Vi => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language output is currently written in.
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        0 => Lang::Vi,
        _ => Lang::En,
    }
}

/// Pick the Vietnamese or English text for the current language.
pub fn tr(vi: &'static str, en: &'static str) -> &'static str {
    match lang() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
