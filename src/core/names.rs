//! Names as people type them: with or without Vietnamese diacritics, any case, NFC or NFD.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFC-normalise text before it is stored or compared, so that a name typed on a system that
/// produces decomposed (NFD) characters equals its composed twin.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Fold a name for matching: strip diacritics (`đ` → `d`), lowercase, collapse white space.
/// "Dương  Công Trình" and "duong cong trinh" fold to the same key.
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well a query names a person: the whole name, or a trailing part of it (the given name,
/// or middle and given name), which is how Vietnamese colleagues address each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// The query is a trailing part of the name.
    Partial,
    /// The query is the whole name.
    Full,
}

/// Whether a word or name was typed with diacritics (a tone or vowel mark, or `đ`).
pub fn has_diacritics(s: &str) -> bool {
    s.nfd()
        .any(|c| is_combining_mark(c) || matches!(c, 'đ' | 'Đ'))
}

/// Whether one typed word names one word of a name. A word typed without diacritics matches by
/// folding (`hung` names `Hùng` and `Hưng`); a word typed with them must match them exactly,
/// ignoring case and normalisation only (`Hưng` does not name `Hùng`).
fn word_matches(query: &str, word: &str) -> bool {
    if has_diacritics(query) {
        nfc(query).to_lowercase() == nfc(word).to_lowercase()
    } else {
        fold(query) == fold(word)
    }
}

/// Whether `query` names `name`: ignoring case, and ignoring the diacritics of each word typed
/// without them; a word typed with diacritics must carry the name's own.
pub fn name_matches(query: &str, name: &str) -> Option<NameMatch> {
    let q: Vec<&str> = query.split_whitespace().collect();
    let n: Vec<&str> = name.split_whitespace().collect();
    if q.is_empty() || q.len() > n.len() {
        return None;
    }
    let tail = &n[n.len() - q.len()..];
    if !q.iter().zip(tail).all(|(q, w)| word_matches(q, w)) {
        return None;
    }
    Some(if q.len() == n.len() {
        NameMatch::Full
    } else {
        NameMatch::Partial
    })
}

/// Whether the query matches the name exactly as written, diacritics included (case-insensitive,
/// normalised): used to prefer "Trình" over "Trinh" when the user typed the accents.
pub fn matches_with_accents(query: &str, name: &str) -> bool {
    let q = nfc(query).to_lowercase();
    let n = nfc(name).to_lowercase();
    let q = q.split_whitespace().collect::<Vec<_>>();
    let n = n.split_whitespace().collect::<Vec<_>>();
    !q.is_empty() && n.ends_with(&q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_strips_accents_and_d_bar() {
        assert_eq!(fold("Dương Công Trinh"), "duong cong trinh");
        assert_eq!(fold("ĐẶNG  Thị Hoà"), "dang thi hoa");
    }

    #[test]
    fn nfd_and_nfc_fold_alike() {
        let nfd: String = "Nguyễn Thị Lan".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Lan");
        assert_eq!(fold(&nfd), fold("Nguyễn Thị Lan"));
        assert_eq!(nfc(&nfd), "Nguyễn Thị Lan");
    }

    #[test]
    fn given_name_and_full_name_match() {
        let name = "Dương Công Trinh";
        assert_eq!(name_matches("Trinh", name), Some(NameMatch::Partial));
        assert_eq!(name_matches("cong trinh", name), Some(NameMatch::Partial));
        assert_eq!(
            name_matches("duong cong trinh", name),
            Some(NameMatch::Full)
        );
        assert_eq!(name_matches("Dương", name), None);
        assert_eq!(name_matches("", name), None);
    }

    #[test]
    fn diacritics_typed_must_be_the_names_own() {
        let name = "Võ Văn Hùng";
        assert_eq!(name_matches("Hưng", name), None);
        assert_eq!(name_matches("Văn Hưng", name), None);
        assert_eq!(name_matches("Vo Van Hưng", name), None);
        assert_eq!(name_matches("Hung", name), Some(NameMatch::Partial));
        assert_eq!(name_matches("hùng", name), Some(NameMatch::Partial));
        assert_eq!(name_matches("HÙNG", name), Some(NameMatch::Partial));
        assert_eq!(name_matches("van Hùng", name), Some(NameMatch::Partial));
        assert_eq!(name_matches("vo  van hung", name), Some(NameMatch::Full));
        assert_eq!(name_matches("Võ Văn Hùng", name), Some(NameMatch::Full));
        // NFD typed, NFC stored (and the other way round) are the same letters.
        let nfd: String = "Hùng".nfd().collect();
        assert_eq!(name_matches(&nfd, name), Some(NameMatch::Partial));
        let stored_nfd: String = name.nfd().collect();
        assert_eq!(name_matches("Hùng", &stored_nfd), Some(NameMatch::Partial));
        // đ is a diacritic: "Đức" does not name "Dục", "duc" names both.
        assert_eq!(name_matches("Đức", "Lê Dục"), None);
        assert_eq!(name_matches("duc", "Lê Dục"), Some(NameMatch::Partial));
        assert!(has_diacritics("Đức") && has_diacritics("đ") && !has_diacritics("Duc"));
    }
}
