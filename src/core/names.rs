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

/// Whether `query` names `name`, ignoring diacritics and case.
pub fn name_matches(query: &str, name: &str) -> Option<NameMatch> {
    let q = fold(query);
    let n = fold(name);
    if q.is_empty() {
        return None;
    }
    if q == n {
        return Some(NameMatch::Full);
    }
    let q_words: Vec<&str> = q.split(' ').collect();
    let n_words: Vec<&str> = n.split(' ').collect();
    (q_words.len() < n_words.len() && n_words.ends_with(&q_words)).then_some(NameMatch::Partial)
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
}
