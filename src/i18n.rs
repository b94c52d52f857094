//! The language the shell is speaking. The pure core takes the language as a value
//! ([`Lang`]); the shell fixes it once per command, in [`crate::context::Context::speak`],
//! as soon as it knows the ledger (or `--lang`), and everything it prints reads it here.

use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::core::lang::Lang;

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// Speak `lang` from now on. Only [`crate::context::Context::speak`] calls this; before that,
/// messages are in English.
pub(crate) fn set_lang(lang: Lang) {
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
    lang().pick(vi, en)
}
