//! The file parser's (serde's) English messages about a file's shape, said in the reader's
//! language: "unknown field `chu_tri`, expected one of `chair`, …" becomes "khóa `chu_tri` không
//! có trong bảng này; các khóa hợp lệ: `chair`, …; có phải `chair`?". The keys stay as the
//! file writes them; the words around them are translated.

use crate::core::lang::Lang;

/// The parser's message about a file's keys or types (E002), in `lang`, with the nearest
/// known key suggested for an unknown one.
pub fn shape(parser: &str, lang: Lang) -> String {
    let quoted = backticked(parser);
    let first = quoted.first().cloned().unwrap_or_default();
    let known = quoted.get(1..).unwrap_or_default();
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let nearest = nearest(&first, known);
    let suggest = |text: String| match &nearest {
        Some(k) => format!("{text}; {} `{k}`?", lang.pick("có phải", "did you mean")),
        None => text,
    };
    if parser.starts_with("unknown field") {
        let text = match (lang, known.is_empty()) {
            (Lang::Vi, false) => {
                format!("khóa `{first}` không có trong bảng này; các khóa hợp lệ: {list}")
            }
            (Lang::Vi, true) => format!("khóa `{first}` không có trong bảng này; bảng không nhận khóa nào"),
            (Lang::En, _) => parser.to_owned(),
        };
        return suggest(text);
    }
    if parser.starts_with("unknown variant") {
        let text = match lang {
            Lang::Vi => format!("giá trị `{first}` không hợp lệ; các giá trị hợp lệ: {list}"),
            Lang::En => parser.to_owned(),
        };
        return suggest(text);
    }
    match lang {
        Lang::En => parser.to_owned(),
        Lang::Vi => vietnamese(parser, &first),
    }
}

/// The other messages serde writes, in Vietnamese; one it does not know keeps its English
/// after a Vietnamese lead.
fn vietnamese(parser: &str, first: &str) -> String {
    if parser.starts_with("missing field") {
        return format!("thiếu khóa `{first}`");
    }
    if parser.starts_with("duplicate field") {
        return format!("khóa `{first}` được ghi hai lần");
    }
    for (lead, word) in [
        ("invalid type: ", "sai kiểu"),
        ("invalid value: ", "giá trị không hợp lệ"),
    ] {
        if let Some(rest) = parser.strip_prefix(lead)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return format!(
                "{word}: ghi {}, cần {}",
                type_words(found),
                type_words(expected)
            );
        }
    }
    format!("nội dung không hợp lệ ({parser})")
}

/// The names of types and values in serde's messages, in Vietnamese.
fn type_words(text: &str) -> String {
    let mut out = text.trim().to_owned();
    for (en, vi) in [
        ("a sequence", "một danh sách"),
        ("sequence", "danh sách"),
        ("a map", "một bảng"),
        ("map", "bảng"),
        ("a string", "một chuỗi"),
        ("string", "chuỗi"),
        ("a boolean", "true hoặc false"),
        ("boolean", "giá trị đúng/sai"),
        ("integer", "số nguyên"),
        ("floating point", "số thập phân"),
        ("a float", "một số thập phân"),
        ("u32", "số nguyên không âm"),
        ("u16", "số nguyên không âm"),
        ("u8", "số nguyên không âm"),
        ("i64", "số nguyên"),
        ("i32", "số nguyên"),
        ("a date", "một ngày"),
        ("a time", "một giờ"),
        ("a datetime", "một ngày giờ"),
        ("datetime", "ngày giờ"),
        ("struct", "bảng"),
        ("enum", "giá trị"),
    ] {
        if out.contains(en) {
            out = out.replacen(en, vi, 1);
            break;
        }
    }
    out
}

/// The words between backticks, in order.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Keys written as the glossary's Vietnamese words (`chu_tri`, `chủ trì`), and the key each
/// means (docs/glossary.md).
const VIETNAMESE_KEYS: [(&str, &str); 24] = [
    ("chutri", "chair"),
    ("thuky", "minute_taker"),
    ("nguoighibienban", "minute_taker"),
    ("comat", "present"),
    ("dusinhhoat", "present"),
    ("vangcolydo", "excused"),
    ("vangkhonglydo", "unexcused"),
    ("phatbieu", "speakers"),
    ("khachmoi", "guests"),
    ("thoisu", "news"),
    ("dienbien", "minutes"),
    ("bienban", "minutes"),
    ("ketluan", "conclusion"),
    ("bieuquyet", "vote"),
    ("viecduocgiao", "actions"),
    ("batdau", "start"),
    ("ketthuc", "end"),
    ("noidung", "topics"),
    ("chuongtrinh", "topics"),
    ("diadiem", "place"),
    ("thoigian", "time"),
    ("ten", "name"),
    ("vaitro", "role"),
    ("ngonngu", "language"),
];

/// The known key nearest to `word`, when it is near enough to be a slip, or the key a
/// Vietnamese word means.
fn nearest(word: &str, known: &[String]) -> Option<String> {
    let folded: String = crate::core::names::fold(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    if let Some((_, key)) = VIETNAMESE_KEYS
        .iter()
        .find(|(vi, key)| *vi == folded && known.iter().any(|k| k == key))
    {
        return Some((*key).to_owned());
    }
    let plain = |s: &str| s.replace(['_', '-'], "");
    known
        .iter()
        .map(|k| (strsim::osa_distance(&plain(word), &plain(k)), k))
        .min_by_key(|&(d, _)| d)
        .filter(|&(d, k)| d <= (k.chars().count() / 3).max(2))
        .map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_is_named_with_the_known_ones_and_the_nearest() {
        let parser = "unknown field `chiar`, expected one of `chair`, `minute_taker`, `present`";
        assert_eq!(
            shape(parser, Lang::Vi),
            "khóa `chiar` không có trong bảng này; các khóa hợp lệ: `chair`, `minute_taker`, \
             `present`; có phải `chair`?"
        );
        assert_eq!(shape(parser, Lang::En), format!("{parser}; did you mean `chair`?"));
        let vietnamese = "unknown field `chu_tri`, expected `chair` or `present`";
        assert_eq!(
            shape(vietnamese, Lang::Vi),
            "khóa `chu_tri` không có trong bảng này; các khóa hợp lệ: `chair`, `present`; có \
             phải `chair`?"
        );
        let far = "unknown field `xyzzy`, expected `chair` or `present`";
        assert_eq!(
            shape(far, Lang::Vi),
            "khóa `xyzzy` không có trong bảng này; các khóa hợp lệ: `chair`, `present`"
        );
    }

    #[test]
    fn other_messages_are_in_vietnamese() {
        assert_eq!(shape("missing field `name`", Lang::Vi), "thiếu khóa `name`");
        assert_eq!(
            shape("invalid type: string \"x\", expected u32", Lang::Vi),
            "sai kiểu: ghi chuỗi \"x\", cần số nguyên không âm"
        );
        assert_eq!(
            shape("unknown variant `fiar`, expected one of `good`, `fair`", Lang::Vi),
            "giá trị `fiar` không hợp lệ; các giá trị hợp lệ: `good`, `fair`; có phải `fair`?"
        );
        assert!(shape("something new", Lang::Vi).starts_with("nội dung không hợp lệ"));
        assert_eq!(shape("something new", Lang::En), "something new");
    }
}
