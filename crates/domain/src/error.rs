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

/// What kind of refusal an error is: the one fact the web needs to pick
/// an HTTP status, so each variant is classified once, here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input cannot be accepted as written (422).
    Invalid,
    /// The input is fine but the current state refuses it: a taken name,
    /// a full program, a life cycle that does not allow the step (409).
    Conflict,
    Unauthenticated,
    Forbidden,
    NotFound,
    /// A one-time link that was used or expired (410).
    Gone,
    RateLimited,
    TooLarge,
}

/// Everything a caller can get wrong, as seen by the rules.
/// `ErrorCase` names each variant without its data, so tests can visit
/// every one (`ErrorCase::iter()` and `DomainError::example`).
#[derive(Debug, Clone, PartialEq, Eq, Error, strum::EnumDiscriminants)]
#[strum_discriminants(name(ErrorCase), derive(strum::EnumIter))]
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
    /// UG-14: someone let in at the door attended; their place stays.
    #[error("this attendee was already checked in; the registration cannot be cancelled")]
    CheckedInAlready,
    /// UG-7: an event at a partner's or client's office cannot be published.
    #[error("events cannot be held at a {kind} venue")]
    VenueNotNeutral { kind: &'static str },
    /// UG-6: an event under review waits for every session's approval.
    #[error("{pending} session(s) are not approved yet")]
    SessionsNotApproved { pending: u32 },
    /// UG-13: an amount above the region's cap per event.
    #[error("{category}: {amount} is over the cap of {cap}")]
    OverCap { category: &'static str, amount: String, cap: String },
    /// An application, report, claim or invitation asked to move in a way
    /// its life cycle does not allow.
    #[error("this {what} cannot go from {from} to {to}")]
    StateConflict { what: &'static str, from: &'static str, to: &'static str },
    /// One open application per member and group or program.
    #[error("you already have an open application")]
    OpenApplicationExists,
    /// UG-13: a claim already waits or was approved for this event.
    #[error("this event already has an expense claim")]
    ClaimExists,
    /// PL-1: someone must always be able to grant roles.
    #[error("the last admin cannot be removed")]
    LastAdmin,
    /// UG-14: every seat is taken, so nobody more is let in at the door.
    #[error("the event is full: all {capacity} seats are taken")]
    EventFull { capacity: u32 },
    /// CH-1: a program with a seat cap has every seat taken.
    #[error("the program is full: all {cap} seats are taken")]
    ProgramFull { cap: u32 },
    /// CH-2: Champion and MVP at once; a transfer is the way.
    #[error("nobody is Champion and MVP at the same time")]
    ProgramsExclusive,
    /// CH-1: the MVP award starts only after the NDA is signed.
    #[error("the NDA must be signed on or before the start date")]
    NdaNotSigned,
    /// CH-2: one membership of a program at a time.
    #[error("this member already holds this program")]
    AlreadyMember,
    /// UG-2: the appointment waits for the interview to be held.
    #[error("the interview has not taken place yet")]
    InterviewNotHeld,
    /// UG-1: every group has a leader.
    #[error("the group's last leader cannot be removed")]
    LastLeader,
    /// UG-1: a group is archived only once its announced events are over.
    #[error("the group still has {count} upcoming event(s)")]
    GroupHasUpcomingEvents { count: u32 },
    /// PL-3: imports read only accounts their member proved are theirs.
    #[error("this account is not linked to the member yet")]
    AccountNotLinked,
    /// PL-3: one account, one member.
    #[error("another member has already linked this account")]
    AccountLinkedElsewhere,
    /// PL-3: the proof code is not where the member was asked to put it.
    #[error("the proof code was not found")]
    ProofNotFound,
    /// UG-15: who an announcement reaches changed between the count shown
    /// and the sending; the sender sees the new count before it goes.
    #[error("the audience changed: it is now {now} people")]
    AudienceChanged { now: u32 },
    /// UG-18: a seat offer that expired, was declined, or never was.
    #[error("this seat offer is no longer open")]
    OfferClosed,
}

impl DomainError {
    /// How the web answers this error (status, and whether a form shows it
    /// on a field or on top).
    pub fn kind(&self) -> ErrorKind {
        use ErrorKind as K;
        match self {
            Self::Invalid(_) | Self::InvalidId | Self::OverCap { .. } | Self::TicketInvalid => K::Invalid,
            Self::EmailTaken
            | Self::RegionNameTaken
            | Self::SlugTaken
            | Self::AlreadyRegistered
            | Self::RegistrationClosed
            | Self::EventStateConflict { .. }
            | Self::VenueNotNeutral { .. }
            | Self::SessionsNotApproved { .. }
            | Self::StateConflict { .. }
            | Self::OpenApplicationExists
            | Self::CheckedInAlready
            | Self::ClaimExists
            | Self::LastAdmin
            | Self::EventFull { .. }
            | Self::ProgramFull { .. }
            | Self::ProgramsExclusive
            | Self::NdaNotSigned
            | Self::AlreadyMember
            | Self::LastLeader
            | Self::InterviewNotHeld
            | Self::GroupHasUpcomingEvents { .. }
            | Self::AccountNotLinked
            | Self::AccountLinkedElsewhere
            | Self::ProofNotFound
            | Self::AudienceChanged { .. }
            | Self::OfferClosed => K::Conflict,
            Self::BadCredentials | Self::Unauthenticated => K::Unauthenticated,
            Self::EmailNotVerified | Self::Forbidden | Self::CsrfRejected => K::Forbidden,
            Self::LinkInvalid => K::Gone,
            Self::RateLimited { .. } => K::RateLimited,
            Self::NotFound | Self::UnknownSetting => K::NotFound,
            Self::BodyTooLarge => K::TooLarge,
        }
    }

    /// One value of the variant `case`, for tests that must cover every
    /// error (translations, statuses): a new variant does not compile
    /// until it has an example here.
    pub fn example(case: ErrorCase) -> Self {
        use ErrorCase as C;
        match case {
            C::Invalid => Self::field("email", "email_invalid"),
            C::InvalidId => Self::InvalidId,
            C::EmailTaken => Self::EmailTaken,
            C::BadCredentials => Self::BadCredentials,
            C::EmailNotVerified => Self::EmailNotVerified,
            C::LinkInvalid => Self::LinkInvalid,
            C::RateLimited => Self::RateLimited { retry_after_secs: 60 },
            C::Unauthenticated => Self::Unauthenticated,
            C::Forbidden => Self::Forbidden,
            C::NotFound => Self::NotFound,
            C::CsrfRejected => Self::CsrfRejected,
            C::RegionNameTaken => Self::RegionNameTaken,
            C::UnknownSetting => Self::UnknownSetting,
            C::BodyTooLarge => Self::BodyTooLarge,
            C::SlugTaken => Self::SlugTaken,
            C::AlreadyRegistered => Self::AlreadyRegistered,
            C::RegistrationClosed => Self::RegistrationClosed,
            C::EventStateConflict => Self::EventStateConflict { from: "draft", to: "completed" },
            C::TicketInvalid => Self::TicketInvalid,
            C::CheckedInAlready => Self::CheckedInAlready,
            C::VenueNotNeutral => Self::VenueNotNeutral { kind: "client_office" },
            C::SessionsNotApproved => Self::SessionsNotApproved { pending: 2 },
            C::OverCap => Self::OverCap { category: "venue", amount: "200 EUR".into(), cap: "150 EUR".into() },
            C::StateConflict => Self::StateConflict { what: "claim", from: "approved", to: "rejected" },
            C::OpenApplicationExists => Self::OpenApplicationExists,
            C::ClaimExists => Self::ClaimExists,
            C::LastAdmin => Self::LastAdmin,
            C::EventFull => Self::EventFull { capacity: 40 },
            C::ProgramFull => Self::ProgramFull { cap: 5 },
            C::ProgramsExclusive => Self::ProgramsExclusive,
            C::NdaNotSigned => Self::NdaNotSigned,
            C::AlreadyMember => Self::AlreadyMember,
            C::LastLeader => Self::LastLeader,
            C::InterviewNotHeld => Self::InterviewNotHeld,
            C::GroupHasUpcomingEvents => Self::GroupHasUpcomingEvents { count: 2 },
            C::AccountNotLinked => Self::AccountNotLinked,
            C::AccountLinkedElsewhere => Self::AccountLinkedElsewhere,
            C::ProofNotFound => Self::ProofNotFound,
            C::AudienceChanged => Self::AudienceChanged { now: 12 },
            C::OfferClosed => Self::OfferClosed,
        }
    }

    /// One example of every variant.
    pub fn every_example() -> impl Iterator<Item = Self> {
        use strum::IntoEnumIterator;
        ErrorCase::iter().map(Self::example)
    }

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
            Self::CheckedInAlready => "checked_in_already",
            Self::VenueNotNeutral { .. } => "venue_not_neutral",
            Self::SessionsNotApproved { .. } => "sessions_not_approved",
            Self::OverCap { .. } => "over_cap",
            Self::StateConflict { .. } => "state_conflict",
            Self::OpenApplicationExists => "open_application_exists",
            Self::ClaimExists => "claim_exists",
            Self::LastAdmin => "last_admin",
            Self::EventFull { .. } => "event_full",
            Self::ProgramFull { .. } => "program_full",
            Self::ProgramsExclusive => "champion_and_mvp_exclusive",
            Self::NdaNotSigned => "nda_required",
            Self::AlreadyMember => "already_member",
            Self::LastLeader => "last_leader",
            Self::InterviewNotHeld => "interview_not_held",
            Self::GroupHasUpcomingEvents { .. } => "group_has_upcoming_events",
            Self::AccountNotLinked => "account_not_linked",
            Self::AccountLinkedElsewhere => "account_linked_elsewhere",
            Self::ProofNotFound => "proof_not_found",
            Self::AudienceChanged { .. } => "audience_changed",
            Self::OfferClosed => "offer_closed",
        }
    }

    /// Named values for the error's translated message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::VenueNotNeutral { kind } => vec![("kind", (*kind).to_owned())],
            Self::SessionsNotApproved { pending } => vec![("pending", pending.to_string())],
            Self::OverCap { category, amount, cap } => {
                vec![("category", (*category).to_owned()), ("amount", amount.clone()), ("cap", cap.clone())]
            }
            Self::StateConflict { what, from, to } => {
                vec![("what", (*what).to_owned()), ("from", (*from).to_owned()), ("to", (*to).to_owned())]
            }
            Self::EventStateConflict { from, to } => vec![("from", (*from).to_owned()), ("to", (*to).to_owned())],
            Self::ProgramFull { cap } => vec![("cap", cap.to_string())],
            Self::EventFull { capacity } => vec![("capacity", capacity.to_string())],
            Self::GroupHasUpcomingEvents { count } => vec![("count", count.to_string())],
            Self::AudienceChanged { now } => vec![("now", now.to_string())],
            Self::Invalid(_)
            | Self::RateLimited { .. }
            | Self::InvalidId
            | Self::EmailTaken
            | Self::BadCredentials
            | Self::EmailNotVerified
            | Self::LinkInvalid
            | Self::Unauthenticated
            | Self::Forbidden
            | Self::NotFound
            | Self::CsrfRejected
            | Self::RegionNameTaken
            | Self::UnknownSetting
            | Self::BodyTooLarge
            | Self::SlugTaken
            | Self::AlreadyRegistered
            | Self::RegistrationClosed
            | Self::OfferClosed
            | Self::TicketInvalid
            | Self::CheckedInAlready
            | Self::OpenApplicationExists
            | Self::ClaimExists
            | Self::LastAdmin
            | Self::ProgramsExclusive
            | Self::NdaNotSigned
            | Self::AlreadyMember
            | Self::LastLeader
            | Self::InterviewNotHeld
            | Self::AccountNotLinked
            | Self::AccountLinkedElsewhere
            | Self::ProofNotFound => vec![],
        }
    }

    /// Shorthand for a single invalid field.
    /// The same error with field `from`'s problems reported on `to` (a
    /// value parsed for a form whose field has another name).
    pub fn renamed(self, from: &str, to: &'static str) -> Self {
        match self {
            Self::Invalid(fields) => Self::Invalid(
                fields.into_iter().map(|f| if f.field == from { FieldError { field: to, ..f } } else { f }).collect(),
            ),
            other => other,
        }
    }

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
