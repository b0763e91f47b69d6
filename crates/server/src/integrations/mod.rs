//! Clients of other systems Guildhall reads from. Each turns the other
//! system's format into domain values and its failures into plain words.

pub mod discourse;
pub mod feed_fetch;
