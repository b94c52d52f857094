//! The ledger's data as plain Rust values: what the files say, nothing derived.

pub mod cell;
pub mod ids;
pub mod meeting;
pub mod member;

pub use cell::{CellFile, KindRating, MeetingRules, RatingConfig, VotingBase};
pub use ids::{ActionId, MeetingId};
pub use meeting::{
    Action, Assignment, Directive, Excuse, Kind, Meeting, Plan, Rating, Record, Vote,
};
pub use member::{Exemption, ExemptionKind, Member, Role, Roster, Status};

/// The only file-format version this build reads and writes.
pub const SCHEMA: u32 = 1;

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}
