//! `members.toml`: the roster, with the dates that decide who is on the roll of a meeting.

use crate::core::lang::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The whole of `members.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    pub schema: u32,
    #[serde(default, rename = "member")]
    pub members: Vec<Member>,
}

impl Roster {
    pub fn get(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Short ASCII handle used on the command line and in meeting files.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub status: Status,
    #[serde(with = "crate::core::dates::date")]
    pub joined: NaiveDate,
    /// The day the cell held the admission ceremony (*lễ kết nạp*), which starts a probationary
    /// member's 12 months (Điều lệ Đảng, Điều 5). Absent: `joined` (a member admitted here).
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub admitted: Option<NaiveDate>,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub left: Option<NaiveDate>,
    /// Attends this cell temporarily (sinh hoạt tạm thời): counted here.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub temporary: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exempt: Vec<Exemption>,
}

impl Member {
    /// On the roll of a meeting held on `date`: joined by then and not yet left.
    pub fn on_roll(&self, date: NaiveDate) -> bool {
        self.joined <= date && self.left.is_none_or(|left| date < left)
    }

    /// The exemption in force on `date`, if any.
    pub fn exemption_on(&self, date: NaiveDate) -> Option<&Exemption> {
        self.exempt.iter().find(|e| e.covers(date))
    }

    /// Full members vote; probationary members attend and speak but do not vote.
    pub fn votes(&self) -> bool {
        self.status == Status::Full
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Secretary,
    Deputy,
    Committee,
    #[default]
    Member,
}

impl Role {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Secretary => lang.pick("Bí thư", "Secretary"),
            Role::Deputy => lang.pick("Phó Bí thư", "Deputy secretary"),
            Role::Committee => lang.pick("Chi ủy viên", "Committee member"),
            Role::Member => lang.pick("Đảng viên", "Member"),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Full,
    Probationary,
}

impl Status {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Full => lang.pick("chính thức", "full"),
            Status::Probationary => lang.pick("dự bị", "probationary"),
        }
    }
}

/// A period in which a member is not expected at meetings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    #[serde(with = "crate::core::dates::date")]
    pub from: NaiveDate,
    #[serde(
        default,
        with = "crate::core::dates::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    pub kind: ExemptionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Exemption {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExemptionKind {
    /// Miễn sinh hoạt: excused from meetings (elderly, ill), decided by the cell.
    #[default]
    Exempt,
    /// Tạm miễn: working away for a while.
    Away,
    /// Attends another cell for now.
    TransferredOut,
}

impl ExemptionKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExemptionKind::Exempt => lang.pick("miễn sinh hoạt", "exempt"),
            ExemptionKind::Away => lang.pick("tạm miễn", "away"),
            ExemptionKind::TransferredOut => {
                lang.pick("sinh hoạt tạm thời nơi khác", "transferred out")
            }
        }
    }
}
