//! Questions asked of the index: search, theme matrices, area comparisons and exports.

pub mod compare;
pub mod documents;
pub mod export;
pub mod filters;
pub mod nearest;
pub mod search;
pub mod themes;
pub mod unit;

pub use filters::Filters;
pub use unit::StoredUnit;
