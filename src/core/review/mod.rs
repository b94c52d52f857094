//! The members' yearly (and quarterly) review and classification (*kiểm điểm, đánh giá, xếp
//! loại chất lượng*): the second book of the ledger.
//!
//! Pure: a review scheme (the rules, as data: criterion groups with maximum points, levels
//! with minimum points and conditions, limits across the cell), a review file's model, and the
//! scoring that turns points and facts into the highest level the rules allow. The sources of
//! the built-in scheme are cited in docs/reviews.md.

pub mod builtin;
pub mod check;
pub mod level;
pub mod model;
pub mod problem;
pub mod roll;
pub mod scheme;
pub mod score;
pub mod summary;

pub use level::ReviewLevel;
pub use model::{CellStage, Decision, ReviewFile, SelfStage};
pub use problem::ReviewProblem;
pub use scheme::{Condition, Fact, Group, LevelRule, Scheme, Subject};
pub use score::{Allowed, Facts, Shortfall};
