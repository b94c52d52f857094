//! The generator behind `cargo run --release --example gen_ledger`: realistic ledgers of many
//! cells, deterministic for a seed, that `cellbook check` accepts without a problem.
//!
//! Each ledger is built as the library's own typed model, every rating is computed with the
//! library's measures and rubric (so `total` and `level` are what `cellbook rate` would write),
//! and each file is written with the library's renderer. A cell depends only on the seed and its
//! index, so cells are generated in parallel and the output does not depend on the thread count.
//! The integration test `tests/generator.rs` includes this file as a module.

use std::io;
use std::path::{Path, PathBuf};

use cellbook::core::level::Level;
use cellbook::core::measures::measure;
use cellbook::core::model::cell::{Cell, RatingConfig};
use cellbook::core::model::{
    Action, Assignment, CellFile, Directive, Excuse, Exemption, ExemptionKind, Kind, Meeting,
    MeetingId, MeetingRules, Member, Plan, Rating, Record, Role, Roster, Status, Vote,
};
use cellbook::core::rubric::{Rubric, find_builtin, score, scored_criteria};
use cellbook::i18n::Lang;
use cellbook::ledger::merge::render;
use chrono::{Datelike, Days, NaiveDate, NaiveTime};

/// The built-in rubric every generated ledger rates with.
pub const RUBRIC: &str = "hd42-2025";

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub cells: usize,
    /// Years of history per cell, ending with `until`.
    pub years: u32,
    pub seed: u64,
    /// The last year of history (fixed, so the output does not depend on the clock).
    pub until: i32,
    /// Only the meetings of this quarter (1–4) of `until`: the national benchmark's ledgers,
    /// one quarter per cell (the roster still spans `years`).
    pub quarter: Option<u32>,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// The ledgers' folders, in cell order.
    pub ledgers: Vec<PathBuf>,
    pub meetings: usize,
    pub members: usize,
    pub bytes: u64,
}

/// Write `opts.cells` ledgers into `out` (`out/cell-00001`, …), using every core.
pub fn generate(out: &Path, opts: &Options) -> io::Result<Stats> {
    let rubric = Rubric::parse(find_builtin(RUBRIC).expect("built-in rubric"))
        .map_err(|p| io::Error::other(format!("{RUBRIC}: {p:?}")))?;
    let width = opts.cells.to_string().len().max(5);
    let ledgers: Vec<PathBuf> = (1..=opts.cells)
        .map(|i| out.join(format!("cell-{i:0width$}")))
        .collect();
    let indices: Vec<usize> = (0..ledgers.len()).collect();
    let each =
        cellbook::parallel::try_map(&indices, |&i| write_cell(&ledgers[i], i, opts, &rubric))?;
    let mut stats = Stats::default();
    for s in each {
        stats.meetings += s.meetings;
        stats.members += s.members;
        stats.bytes += s.bytes;
    }
    stats.ledgers = ledgers;
    Ok(stats)
}

/// SplitMix64: tiny, fast, and good enough to make varied test data reproducibly.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed);
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An integer in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next_u64() % u64::from(hi - lo + 1)) as u32
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Châu", "Lương", "Mai", "Đoàn", "Cao", "Tạ",
];
const MIDDLE_M: &[&str] = &[
    "Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Ngọc", "Thanh", "Xuân", "Đình", "Anh", "Tấn",
];
const MIDDLE_F: &[&str] = &[
    "Thị",
    "Ngọc",
    "Thu",
    "Thanh",
    "Kim",
    "Mỹ",
    "Thùy",
    "Hồng",
    "Phương",
    "Bích",
    "Thị Thảo",
];
/// Given names with their ASCII form, which the member's id is made from.
const GIVEN_M: &[(&str, &str)] = &[
    ("Hùng", "hung"),
    ("Dũng", "dung"),
    ("Tuấn", "tuan"),
    ("Minh", "minh"),
    ("Quang", "quang"),
    ("Thành", "thanh"),
    ("Sơn", "son"),
    ("Hải", "hai"),
    ("Long", "long"),
    ("Phúc", "phuc"),
    ("Trung", "trung"),
    ("Khánh", "khanh"),
    ("Cường", "cuong"),
    ("Thắng", "thang"),
    ("Đạt", "dat"),
    ("Bình", "binh"),
    ("Nam", "nam"),
    ("Toàn", "toan"),
    ("Hiếu", "hieu"),
    ("Vinh", "vinh"),
    ("Lộc", "loc"),
    ("Tài", "tai"),
    ("Đông", "dong"),
    ("Kiên", "kien"),
];
const GIVEN_F: &[(&str, &str)] = &[
    ("Lan", "lan"),
    ("Hoa", "hoa"),
    ("Dung", "dung"),
    ("Phương", "phuong"),
    ("Hương", "huong"),
    ("Thảo", "thao"),
    ("Trang", "trang"),
    ("Linh", "linh"),
    ("Hạnh", "hanh"),
    ("Nga", "nga"),
    ("Yến", "yen"),
    ("Mai", "mai"),
    ("Hằng", "hang"),
    ("Vy", "vy"),
    ("Nhung", "nhung"),
    ("Oanh", "oanh"),
    ("Thủy", "thuy"),
    ("Tâm", "tam"),
    ("Loan", "loan"),
    ("Hiền", "hien"),
];
const ORGS: &[&str] = &[
    "Kho bạc Nhà nước",
    "Trường Tiểu học",
    "Trường THCS",
    "Trạm Y tế xã",
    "Chi cục Thuế",
    "Công an xã",
    "Ban Chỉ huy Quân sự xã",
    "Thôn",
    "Khu phố",
    "Hợp tác xã Nông nghiệp",
    "Bưu điện huyện",
    "Ngân hàng Chính sách xã hội",
    "Phòng Tài chính – Kế hoạch",
    "Văn phòng HĐND và UBND",
    "Trung tâm Y tế",
];
const PLACES: &[&str] = &[
    "Thuận Bắc",
    "Ninh Phước",
    "Ninh Hải",
    "Ninh Sơn",
    "Bác Ái",
    "Thuận Nam",
    "Phan Rang",
    "Tháp Chàm",
    "Đô Vinh",
    "Bảo An",
    "Phước Mỹ",
    "Mỹ Hải",
    "Văn Hải",
    "Kinh Dinh",
    "Đạo Long",
    "Phủ Hà",
    "Thanh Sơn",
    "Đông Hải",
    "Mỹ Bình",
    "Tấn Tài",
    "Phước Dân",
    "Phước Hậu",
    "Phước Thuận",
    "Hộ Hải",
    "Lợi Hải",
    "Công Hải",
    "Nhơn Hải",
    "Tri Hải",
];
const ROOMS: &[&str] = &[
    "Phòng họp tầng 2",
    "Hội trường",
    "Phòng họp chi bộ",
    "Nhà văn hóa",
    "Phòng họp giao ban",
];
const REGULAR_TOPICS: &[&str] = &[
    "Kiểm điểm việc thực hiện Nghị quyết chi bộ tháng trước",
    "Quán triệt, triển khai văn bản mới của cấp trên",
    "Công tác phát triển đảng viên và bồi dưỡng quần chúng ưu tú",
    "Thu, nộp đảng phí và công tác kiểm tra, giám sát của chi bộ",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Thực hiện quy chế dân chủ ở cơ sở",
    "Công tác cải cách hành chính và chuyển đổi số trong cơ quan",
    "Công tác phòng, chống thiên tai, dịch bệnh",
];
const THEMES: &[&str] = &[
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Phòng, chống tham nhũng, tiêu cực, lãng phí",
    "Xây dựng chi bộ trong sạch, vững mạnh",
    "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái",
    "Vai trò nêu gương của cán bộ, đảng viên",
    "Chuyển đổi số và cải cách thủ tục hành chính",
];
const DIRECTIVES: &[(&str, (i32, u32, u32), &str)] = &[
    (
        "10-HD/BTCTW",
        (2012, 3, 30),
        "Hướng dẫn một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ",
    ),
    (
        "05-CT/TW",
        (2016, 5, 15),
        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "12-HD/BTCTW",
        (2018, 7, 6),
        "Hướng dẫn một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ",
    ),
    (
        "35-NQ/TW",
        (2018, 10, 22),
        "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
    ),
    (
        "21-NQ/TW",
        (2022, 6, 16),
        "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên",
    ),
];
const NEWS: &[&str] = &[
    "Tình hình kinh tế – xã hội của tỉnh trong tháng",
    "Kết quả hội nghị Ban Chấp hành Đảng bộ cấp trên",
    "Công tác phòng, chống dịch bệnh tại địa phương",
    "Chủ trương đẩy mạnh giải ngân vốn đầu tư công",
    "Tình hình an ninh trật tự trên địa bàn",
    "Phong trào thi đua yêu nước của cơ quan, đơn vị",
];
const TASKS: &[&str] = &[
    "Báo cáo tiến độ thực hiện nhiệm vụ chuyên môn của bộ phận",
    "Hoàn thiện hồ sơ đề nghị kết nạp quần chúng ưu tú",
    "Thu, nộp đảng phí của chi bộ",
    "Tuyên truyền nghị quyết đến quần chúng trong cơ quan",
    "Rà soát, cập nhật hồ sơ đảng viên",
    "Chuẩn bị nội dung buổi sinh hoạt chuyên đề",
    "Đôn đốc đảng viên thực hiện bản cam kết tu dưỡng, rèn luyện",
    "Phối hợp với công đoàn tổ chức phong trào thi đua",
];
const REASONS: &[&str] = &[
    "Đi công tác",
    "Ốm, điều trị tại bệnh viện",
    "Đi học tập trung",
    "Việc gia đình",
    "Nghỉ phép năm",
    "Tập huấn nghiệp vụ",
];
const EXEMPT_REASONS: &[&str] = &[
    "Tuổi cao, sức khỏe yếu",
    "Đi học tập trung dài hạn",
    "Công tác biệt phái",
    "Điều trị bệnh dài ngày",
];
const SAYS: &[&str] = &[
    "báo cáo kết quả thực hiện nhiệm vụ tháng trước; các chỉ tiêu cơ bản hoàn thành, một số việc còn chậm do thiếu nhân lực.",
    "đồng tình với báo cáo; đề nghị tăng cường phối hợp giữa các bộ phận để tháo gỡ vướng mắc.",
    "đề nghị chi bộ quan tâm hơn đến công tác bồi dưỡng, phát triển đảng viên mới.",
    "nêu ý kiến về việc thực hiện quy chế dân chủ ở cơ sở, đề nghị công khai kết quả đánh giá.",
    "phát biểu tiếp thu ý kiến, hứa khắc phục hạn chế trong tháng tới.",
    "đề nghị đẩy mạnh ứng dụng công nghệ thông tin, giảm giấy tờ trong giải quyết công việc.",
    "liên hệ bản thân, nhận thấy cần nêu gương nhiều hơn trong thực hiện nhiệm vụ được giao.",
];
const CONCLUSIONS: &[&str] = &[
    "Chi bộ thống nhất đánh giá kết quả tháng qua; tập trung lãnh đạo hoàn thành nhiệm vụ chính trị, chuyên môn tháng tới.",
    "Chi bộ thống nhất các giải pháp khắc phục hạn chế; phân công đảng viên phụ trách từng việc cụ thể.",
    "Chi bộ thống nhất nội dung chuyên đề và kế hoạch thực hiện trong cơ quan.",
    "Chi bộ thống nhất tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
];
const NOTES: &[&str] = &[
    "Chi bộ chuẩn bị chu đáo, nhiều ý kiến đóng góp sát thực tế",
    "Cần nâng cao chất lượng thảo luận, phát huy dân chủ",
    "Nội dung sinh hoạt phong phú, đúng trọng tâm",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn plus(d: NaiveDate, days: u32) -> NaiveDate {
    d + Days::new(u64::from(days))
}

fn minus(d: NaiveDate, days: u32) -> NaiveDate {
    d - Days::new(u64::from(days))
}

/// A day between `from` and `to`, both included.
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u32;
    plus(from, rng.range(0, span))
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

/// A new member with a fresh id.
fn person(rng: &mut Rng, taken: &mut Vec<String>, joined: NaiveDate) -> Member {
    let female = rng.chance(0.45);
    let (given, ascii) = *rng.pick(if female { GIVEN_F } else { GIVEN_M });
    let middle = rng.pick(if female { MIDDLE_F } else { MIDDLE_M });
    let name = format!("{} {middle} {given}", rng.pick(FAMILY));
    let mut id = ascii.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{ascii}{n}");
        n += 1;
    }
    taken.push(id.clone());
    Member {
        id,
        name,
        role: Role::Member,
        status: Status::Full,
        joined,
        left: None,
        temporary: false,
        admitted: None,
        exempt: vec![],
    }
}

/// The roster of a cell over its history: a committee that stays, members joining, leaving and
/// exempted, and the newest admissions still probationary.
fn roster(rng: &mut Rng, first: NaiveDate, last: NaiveDate) -> Roster {
    let mut taken = Vec::new();
    let mut members = Vec::new();
    let founders = rng.range(7, 20);
    for i in 0..founders {
        let joined = day_between(
            rng,
            date(first.year() - 25, 1, 1),
            minus(first, 30 + 200 * u32::from(i < 3)),
        );
        let mut m = person(rng, &mut taken, joined);
        m.role = match i {
            0 => Role::Secretary,
            1 => Role::Deputy,
            2 => Role::Committee,
            _ => Role::Member,
        };
        members.push(m);
    }
    for year in first.year()..=last.year() {
        let arrivals = u32::from(rng.chance(0.8)) + u32::from(rng.chance(0.3));
        for _ in 0..arrivals {
            let joined = day_between(rng, date(year, 1, 1), date(year, 12, 31).min(last));
            let mut m = person(rng, &mut taken, joined);
            if (last - joined).num_days() < 365 && rng.chance(0.7) {
                m.status = Status::Probationary;
            }
            m.temporary = rng.chance(0.04);
            members.push(m);
        }
        // Someone who is not on the committee leaves (transfer, retirement) now and then.
        if rng.chance(0.45) {
            let candidates: Vec<usize> = (3..members.len())
                .filter(|&i| {
                    members[i].left.is_none()
                        && members[i].status == Status::Full
                        && members[i].joined.year() < year
                })
                .collect();
            if !candidates.is_empty() {
                let i = *rng.pick(&candidates);
                members[i].left = Some(day_between(rng, date(year, 1, 2), date(year, 12, 31)));
            }
        }
        if rng.chance(0.2) {
            let i = rng.range(3, members.len() as u32 - 1) as usize;
            let from = day_between(rng, date(year, 1, 1), date(year, 12, 31));
            let to = (!rng.chance(0.1)).then(|| plus(from, rng.range(60, 400)));
            let kind = *rng.pick(&[
                ExemptionKind::Exempt,
                ExemptionKind::Away,
                ExemptionKind::TransferredOut,
            ]);
            let reason = rng.pick(EXEMPT_REASONS).to_string();
            members[i].exempt.push(Exemption {
                from,
                to,
                kind,
                reason: Some(reason),
            });
        }
    }
    Roster { schema: 1, members }
}

/// The dates of the cell's meetings: a regular one early each month, a thematic one late in the
/// last month of each quarter.
fn schedule(rng: &mut Rng, first: i32, last: i32) -> Vec<(NaiveDate, Kind)> {
    let mut out = Vec::new();
    for y in first..=last {
        for m in 1..=12 {
            out.push((date(y, m, rng.range(4, 12)), Kind::Regular));
            if m % 3 == 0 {
                out.push((date(y, m, rng.range(18, 26)), Kind::Thematic));
            }
        }
    }
    out
}

/// Whether a member may be absent without a reason at a meeting on `when`: at most two months
/// of a year, so that no generated member reaches the three months that make `check` warn (W007).
fn may_skip(earlier: &[&Meeting], id: &str, when: NaiveDate) -> bool {
    let mut months: Vec<u32> = earlier
        .iter()
        .filter(|m| m.date.year() == when.year())
        .filter(|m| {
            m.record
                .as_ref()
                .is_some_and(|r| r.unexcused.iter().any(|u| u == id))
        })
        .map(|m| m.date.month())
        .collect();
    months.dedup();
    months.len() < 2 || months.contains(&when.month())
}

fn member_name<'a>(roster: &'a Roster, id: &'a str) -> &'a str {
    roster.get(id).map_or(id, |m| m.name.as_str())
}

/// One meeting: plan, record and rating, with the rating scored by the library. The pieces are
/// drawn from `rng` in a fixed order (who comes, the plan, the record, the rating), so the same
/// seed writes the same bytes.
fn meeting(
    rng: &mut Rng,
    roster: &Roster,
    cfg: &CellFile,
    rubric: &Rubric,
    earlier: &[&Meeting],
    when: NaiveDate,
    kind: Kind,
) -> Meeting {
    let mut m = Meeting::new(when, kind);
    let (y, mo) = (when.year(), when.month());
    let theme = rng.pick(THEMES);
    if kind == Kind::Thematic || rng.chance(0.3) {
        m.title = Some(match kind {
            Kind::Thematic => format!("Sinh hoạt chuyên đề: {theme}"),
            Kind::Regular => format!("Sinh hoạt chi bộ định kỳ tháng {mo} năm {y}"),
        });
    }
    let who = attend(rng, roster, earlier, when);
    let roles = roles(rng, roster, &who.present);
    let time = cfg.meetings.time.unwrap_or(hm(14, 0));
    m.plan = Some(plan(rng, cfg, kind, when, theme, time, &who.present));
    m.record = Some(record(rng, roster, when, time, who, roles));
    m.rating = Some(rating(rng, roster, rubric, earlier, &m));
    m
}

/// Who is on the roll and how each came (or not).
struct Attendance {
    roll: usize,
    present: Vec<String>,
    excused: Vec<Excuse>,
    unexcused: Vec<String>,
}

/// Who comes. The committee comes nearly always; the chair is the secretary, or the deputy.
fn attend(rng: &mut Rng, roster: &Roster, earlier: &[&Meeting], when: NaiveDate) -> Attendance {
    let mut present = Vec::new();
    let mut excused = Vec::new();
    let mut unexcused = Vec::new();
    let mut roll = 0;
    for (i, mem) in roster.members.iter().enumerate() {
        if !mem.on_roll(when) {
            continue;
        }
        roll += 1;
        if mem.exemption_on(when).is_some() {
            if rng.chance(0.05) {
                present.push(mem.id.clone());
            }
            continue;
        }
        let p = if i < 3 { 0.97 } else { 0.9 };
        if i == 0 || rng.chance(p) {
            present.push(mem.id.clone());
        } else if rng.chance(0.85) || !may_skip(earlier, &mem.id, when) {
            excused.push(Excuse {
                member: mem.id.clone(),
                reason: rng.pick(REASONS).to_string(),
            });
        } else {
            unexcused.push(mem.id.clone());
        }
    }
    Attendance {
        roll,
        present,
        excused,
        unexcused,
    }
}

/// Who chairs, takes the minutes and speaks, and how the vote went.
struct Roles {
    chair: String,
    taker: String,
    speakers: Vec<String>,
    vote: Option<Vote>,
}

fn roles(rng: &mut Rng, roster: &Roster, present: &[String]) -> Roles {
    let chair = roster.members[0].id.clone();
    let taker = roster
        .members
        .iter()
        .skip(1)
        .map(|x| &x.id)
        .find(|id| present.contains(id))
        .unwrap_or(&chair)
        .clone();
    let mut speakers = vec![chair.clone()];
    for p in present {
        if *p != chair && rng.chance(0.55) {
            speakers.push(p.clone());
        }
    }
    let voters: Vec<&String> = present
        .iter()
        .filter(|id| roster.get(id).is_some_and(Member::votes))
        .collect();
    let vote = rng.chance(0.95).then(|| {
        let abstain = u32::from(voters.len() > 3 && rng.chance(0.15));
        Vote {
            in_favour: voters.len() as u32 - abstain,
            against: 0,
            abstain,
        }
    });
    Roles {
        chair,
        taker,
        speakers,
        vote,
    }
}

/// The plan: topics, who prepares what, the directives to pass on.
fn plan(
    rng: &mut Rng,
    cfg: &CellFile,
    kind: Kind,
    when: NaiveDate,
    theme: &str,
    time: NaiveTime,
    present: &[String],
) -> Plan {
    let (y, mo) = (when.year(), when.month());
    let mut topics = Vec::new();
    match kind {
        Kind::Regular => {
            let (py, pm) = if mo == 1 { (y - 1, 12) } else { (y, mo - 1) };
            topics.push(format!(
                "Đánh giá kết quả thực hiện nhiệm vụ tháng {pm}/{py}; phương hướng nhiệm vụ tháng {mo}/{y}"
            ));
            for _ in 0..rng.range(1, 3) {
                let t = rng.pick(REGULAR_TOPICS).to_string();
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
        }
        Kind::Thematic => {
            topics.push(format!("Chuyên đề năm {y}: {theme}"));
            topics.push("Thảo luận, liên hệ trách nhiệm của đảng viên".to_owned());
        }
    }
    let mut assignments: Vec<Assignment> = Vec::new();
    for topic in topics.iter().skip(usize::from(kind == Kind::Regular)) {
        let member = rng.pick(present).clone();
        if assignments.iter().all(|a| a.member != member) {
            assignments.push(Assignment {
                member,
                task: format!("Chuẩn bị nội dung: {topic}"),
            });
        }
    }
    let directives = DIRECTIVES
        .iter()
        .filter(|(_, (dy, dm, dd), _)| date(*dy, *dm, *dd) < when && rng.chance(0.15))
        .map(|(r, (dy, dm, dd), title)| Directive {
            reference: (*r).to_owned(),
            date: Some(date(*dy, *dm, *dd)),
            title: Some((*title).to_owned()),
        })
        .collect();
    Plan {
        time: Some(time),
        place: cfg.meetings.place.clone(),
        topics,
        docs_sent: rng.chance(0.9).then(|| minus(when, rng.range(1, 4))),
        committee_met: rng.chance(0.9).then(|| minus(when, rng.range(2, 6))),
        notified: None,
        draft_resolution: rng.chance(0.85),
        assignments,
        directives,
    }
}

/// The record: times, attendance, minutes, actions.
fn record(
    rng: &mut Rng,
    roster: &Roster,
    when: NaiveDate,
    time: NaiveTime,
    who: Attendance,
    roles: Roles,
) -> Record {
    let start = time + chrono::Duration::minutes(i64::from(rng.range(0, 10)));
    // At least what the rules ask of a cell this size (120 minutes from 30 on the roll), so the
    // generated ledgers stay `check`-clean.
    let roll = cellbook::core::attendance::roll(roster, when).count();
    let need = cellbook::core::cadence::required_minutes(&MeetingRules::default(), roll, false);
    let end = start + chrono::Duration::minutes(i64::from(rng.range(need, need + 60)));
    let minutes = minutes(rng, roster, &who, &roles);
    let actions = actions(rng, when, &who.present);
    let Roles {
        chair,
        taker,
        speakers,
        vote,
    } = roles;
    Record {
        start: Some(start),
        end: Some(end),
        chair: Some(chair),
        minute_taker: Some(taker),
        present: who.present,
        excused: who.excused,
        unexcused: who.unexcused,
        guests: if rng.chance(0.15) {
            vec![format!(
                "Đ/c {} {} {}, Đảng ủy viên, dự và chỉ đạo",
                rng.pick(FAMILY),
                rng.pick(MIDDLE_M),
                rng.pick(GIVEN_M).0
            )]
        } else {
            vec![]
        },
        speakers,
        news: (0..rng.range(1, 3))
            .map(|_| rng.pick(NEWS).to_string())
            .collect(),
        minutes: Some(minutes),
        conclusion: Some(rng.pick(CONCLUSIONS).to_string()),
        vote,
        posted: None,
        actions,
    }
}

/// The minutes: who opened, who came, who spoke, the vote.
fn minutes(rng: &mut Rng, roster: &Roster, who: &Attendance, roles: &Roles) -> String {
    let counted = who.present.len() + who.excused.len() + who.unexcused.len();
    let mut minutes = format!(
        "Đ/c {}, Bí thư chi bộ, khai mạc, nêu mục đích buổi sinh hoạt và cử đ/c {} làm thư ký. \
         Tổng số đảng viên trong danh sách {}; phải dự {counted}, có mặt {}, vắng có lý do {}, \
         vắng không lý do {}.\n",
        member_name(roster, &roles.chair),
        member_name(roster, &roles.taker),
        who.roll,
        who.present.len(),
        who.excused.len(),
        who.unexcused.len()
    );
    for (i, s) in roles.speakers.iter().take(5).enumerate() {
        let says = if i == 0 {
            SAYS[0]
        } else {
            rng.pick(&SAYS[1..])
        };
        minutes.push_str(&format!("\nĐ/c {} {says}\n", member_name(roster, s)));
    }
    if let Some(v) = roles.vote {
        minutes.push_str(&format!(
            "\nChi bộ biểu quyết thông qua nghị quyết: {} đồng chí tán thành, {} không tán thành, {} ý kiến khác.\n",
            v.in_favour, v.against, v.abstain
        ));
    }
    minutes.push_str("\nThư ký đọc lại biên bản; chi bộ thống nhất thông qua.\n");
    minutes
}

/// The actions decided, most done on time, some late, a few ongoing.
fn actions(rng: &mut Rng, when: NaiveDate, present: &[String]) -> Vec<Action> {
    (1..=rng.range(0, 4))
        .map(|id| {
            let due = plus(when, rng.range(7, 45));
            let roll_dice = rng.unit();
            let (due, done) = if roll_dice < 0.8 {
                (Some(due), Some(day_between(rng, plus(when, 1), due)))
            } else if roll_dice < 0.92 {
                (Some(due), Some(plus(due, rng.range(1, 20))))
            } else {
                // Ongoing work with no deadline: open, and never overdue.
                (None, None)
            };
            Action {
                id,
                member: rng.pick(present).clone(),
                task: rng.pick(TASKS).to_string(),
                due,
                done,
            }
        })
        .collect()
}

/// The rating, as `cellbook rate` computes it: measured criteria from the record, the others
/// scored by the raters with a quality that varies from meeting to meeting.
fn rating(
    rng: &mut Rng,
    roster: &Roster,
    rubric: &Rubric,
    earlier: &[&Meeting],
    m: &Meeting,
) -> Rating {
    let when = m.date;
    let measures = measure(roster, earlier, m);
    let quality = 0.5 + 0.5 * rng.unit().sqrt();
    let scores = scored_criteria(rubric, &measures)
        .into_iter()
        .map(|c| {
            let jitter = rng.unit() * 0.2 - 0.1;
            let points = (f64::from(c.max) * (quality + jitter)).round();
            (c.id.clone(), points.clamp(0.0, f64::from(c.max)) as u32)
        })
        .collect();
    let sheet = score(rubric, &measures, &scores)
        .unwrap_or_else(|e| panic!("the generator scored {when} wrongly: {e:?}"));
    let by = roster.members[..2].iter().map(|x| x.id.clone()).collect();
    Rating {
        rubric: rubric.id().to_owned(),
        by,
        on: Some(plus(when, rng.range(1, 5))),
        note: (sheet.level == Level::Good && rng.chance(0.3)).then(|| rng.pick(NOTES).to_string()),
        total: sheet.total,
        level: sheet.level,
        scores,
    }
}

fn to_io(e: cellbook::Error) -> io::Error {
    io::Error::other(e.to_string())
}

/// Build and write one cell's ledger.
fn write_cell(dir: &Path, index: usize, opts: &Options, rubric: &Rubric) -> io::Result<Stats> {
    let mut rng = Rng::new(opts.seed ^ (index as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let first_year = opts.until - opts.years.max(1) as i32 + 1;
    let (first, last) = (date(first_year, 1, 1), date(opts.until, 12, 31));
    let place = rng.pick(PLACES);
    let org = rng.pick(ORGS);
    let cfg = CellFile {
        schema: 1,
        cell: Cell {
            name: format!("Chi bộ {} {org} {place}", rng.range(1, 12)),
            id: Some(format!("g{}-{:06}", opts.seed, index + 1)),
            parent: Some(format!("Đảng bộ {place}")),
            language: Lang::Vi,
            locality: None,
            report_symbol: None,
            recipients: None,
        },
        meetings: MeetingRules {
            time: Some(if rng.chance(0.7) { hm(14, 0) } else { hm(8, 0) }),
            place: Some(format!("{}, {org} {place}", rng.pick(ROOMS))),
            ..MeetingRules::default()
        },
        rating: RatingConfig {
            rubric: Some(RUBRIC.to_owned()),
            thematic: None,
        },
    };
    let roster = roster(&mut rng, first, last);
    let mut stats = Stats {
        members: roster.members.len(),
        ..Stats::default()
    };
    std::fs::create_dir_all(dir)?;
    put(
        &mut stats,
        dir,
        "cellbook.toml",
        format!(
            "# Sổ sinh hoạt {} (dữ liệu sinh tự động, họ tên hư cấu).\n{}",
            cfg.cell.name,
            render(None, &cfg).map_err(to_io)?
        ),
    )?;
    put(
        &mut stats,
        dir,
        "members.toml",
        format!(
            "# Danh sách đảng viên (họ tên hư cấu).\n{}",
            render(None, &roster).map_err(to_io)?
        ),
    )?;
    let mut held: Vec<Meeting> = Vec::new();
    let mut year_made = 0;
    let mut dates = schedule(&mut rng, first_year, opts.until);
    if let Some(q) = opts.quarter {
        dates.retain(|(d, _)| d.year() == opts.until && (d.month() - 1) / 3 + 1 == q);
    }
    for (when, kind) in dates {
        if when.year() != year_made {
            std::fs::create_dir_all(dir.join(format!("meetings/{}", when.year())))?;
            year_made = when.year();
        }
        let m = {
            let earlier: Vec<&Meeting> = held.iter().collect();
            meeting(&mut rng, &roster, &cfg, rubric, &earlier, when, kind)
        };
        let mut text = render(None, &m).map_err(to_io)?;
        if rng.chance(0.2) {
            text.insert_str(0, "# Bản giấy có chữ ký lưu tại hồ sơ chi bộ.\n");
        }
        put(&mut stats, dir, &MeetingId::new(when, 1).rel_path(), text)?;
        held.push(m);
        stats.meetings += 1;
    }
    Ok(stats)
}

fn put(stats: &mut Stats, dir: &Path, rel: &str, text: String) -> io::Result<()> {
    stats.bytes += text.len() as u64;
    std::fs::write(dir.join(rel), text)
}
