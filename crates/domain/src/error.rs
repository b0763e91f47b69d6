//! Domain errors: each variant says what the caller did wrong and carries a
//! stable snake_case code that keys its translated message.

use thiserror::Error;

/// A problem with one field of a submitted form or JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as submitted (`email`, `name`...).
    pub field: &'static str,
    /// Stable code of the problem, e.g. `email_invalid`.
    pub code: &'static str,
}

/// Everything a caller can get wrong, as seen by the rules.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("one or more fields are invalid")]
    Invalid(Vec<FieldError>),
    #[error("not a valid id")]
    InvalidId,
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("email or password is wrong")]
    BadCredentials,
    #[error("the email address is not verified yet")]
    EmailNotVerified,
    #[error("this link is invalid, expired or already used")]
    LinkInvalid,
    #[error("too many attempts; try again later")]
    RateLimited { retry_after_secs: u64 },
    #[error("you must sign in first")]
    Unauthenticated,
    #[error("you are not allowed to do this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("the form has expired; reload the page and try again")]
    CsrfRejected,
    #[error("a region with this name already exists")]
    RegionNameTaken,
    #[error("unknown setting")]
    UnknownSetting,
    #[error("the request body is too large")]
    BodyTooLarge,
    #[error("this address is already used by another group")]
    SlugTaken,
    #[error("you are already registered for this event")]
    AlreadyRegistered,
    #[error("registration is not open for this event")]
    RegistrationClosed,
    #[error("the event cannot go from {from} to {to}")]
    EventStateConflict { from: &'static str, to: &'static str },
    #[error("this ticket is not valid for this event")]
    TicketInvalid,
}

impl DomainError {
    /// Stable code: the key of the translated message and the `type` of
    /// problem+json answers.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid_input",
            Self::InvalidId => "invalid_id",
            Self::EmailTaken => "email_taken",
            Self::BadCredentials => "bad_credentials",
            Self::EmailNotVerified => "email_not_verified",
            Self::LinkInvalid => "link_invalid",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::CsrfRejected => "csrf_rejected",
            Self::RegionNameTaken => "region_name_taken",
            Self::UnknownSetting => "unknown_setting",
            Self::BodyTooLarge => "payload_too_large",
            Self::SlugTaken => "slug_taken",
            Self::AlreadyRegistered => "already_registered",
            Self::RegistrationClosed => "registration_closed",
            Self::EventStateConflict { .. } => "event_state_conflict",
            Self::TicketInvalid => "ticket_invalid",
        }
    }

    /// Shorthand for a single invalid field.
    pub fn field(field: &'static str, code: &'static str) -> Self {
        Self::Invalid(vec![FieldError { field, code }])
    }

    /// Collects the errors of several parsed fields into one `Invalid`.
    pub fn collect(errors: impl IntoIterator<Item = Option<DomainError>>) -> Result<(), Self> {
        let mut fields = Vec::new();
        for err in errors.into_iter().flatten() {
            match err {
                Self::Invalid(mut f) => fields.append(&mut f),
                other => return Err(other),
            }
        }
        if fields.is_empty() {
            Ok(())
        } else {
            Err(Self::Invalid(fields))
        }
    }
}
