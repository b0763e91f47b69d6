//! Authentication: secrets, password hashing, who is asking (sessions and
//! API tokens) and CSRF protection. Authorization itself is the domain's
//! `access::authorize`.

pub mod csrf;
pub mod identity;
pub mod secrets;

pub use identity::{ApiUser, SignedIn};
