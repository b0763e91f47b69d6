//! Accounts (PL-1): the one-time links an account receives and how long
//! each stays valid.

use chrono::{DateTime, Duration, Utc};

use crate::settings::Settings;
use crate::DomainError;

/// What an emailed one-time link lets its holder do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkPurpose {
    VerifyEmail,
    SignIn,
    ResetPassword,
}

impl LinkPurpose {
    pub fn code(&self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::SignIn => "sign_in",
            Self::ResetPassword => "reset_password",
        }
    }

    /// How long a fresh link of this kind stays valid, from settings.
    pub fn lifetime(&self, settings: &Settings) -> Duration {
        match self {
            Self::VerifyEmail => Duration::hours(settings.int("auth.verify_link_hours")),
            Self::SignIn => Duration::minutes(settings.int("auth.signin_link_minutes")),
            Self::ResetPassword => Duration::minutes(settings.int("auth.reset_link_minutes")),
        }
    }
}

/// A stored one-time link as the rules see it.
#[derive(Clone, Debug)]
pub struct OneTimeLink {
    pub purpose: LinkPurpose,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

impl OneTimeLink {
    /// A link works once, for its own purpose, before it expires.
    pub fn redeem(&self, purpose: LinkPurpose, now: DateTime<Utc>) -> Result<(), DomainError> {
        if self.purpose != purpose || self.used_at.is_some() || now >= self.expires_at {
            return Err(DomainError::LinkInvalid);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(purpose: LinkPurpose, expires_in: i64, used: bool) -> (OneTimeLink, DateTime<Utc>) {
        let now = Utc::now();
        (OneTimeLink { purpose, expires_at: now + Duration::seconds(expires_in), used_at: used.then_some(now) }, now)
    }

    #[test]
    fn pl1_one_time_link_works_once_before_expiry_for_its_purpose() {
        let (l, now) = link(LinkPurpose::SignIn, 60, false);
        assert_eq!(l.redeem(LinkPurpose::SignIn, now), Ok(()));
        assert_eq!(l.redeem(LinkPurpose::ResetPassword, now), Err(DomainError::LinkInvalid));
        let (used, now) = link(LinkPurpose::SignIn, 60, true);
        assert_eq!(used.redeem(LinkPurpose::SignIn, now), Err(DomainError::LinkInvalid));
        let (expired, now) = link(LinkPurpose::VerifyEmail, -1, false);
        assert_eq!(expired.redeem(LinkPurpose::VerifyEmail, now), Err(DomainError::LinkInvalid));
    }
}
