//! How typed ids and the closed sets of words (statuses, kinds) bind and
//! decode in SQL.
//!
//! Storage speaks to SQLite and PostgreSQL through `sqlx::Any`, whose only
//! text kind is a string, and these columns are `TEXT` on both. So an id is
//! written as its `Display` text and read back through `FromStr`, a word as
//! its `as_str()` and read back through its `parse`: one implementation
//! here, instead of a conversion at each bind and a parse (with its own
//! "corrupt" error) at each read. A value the database holds that does not
//! parse is a decode error naming the type. Behind the `sqlx` feature so the
//! domain itself stays free of I/O crates.

/// `sqlx::Type`, `Encode` and `Decode` for `sqlx::Any` on `$name`, stored as
/// the text `$to` gives and read back through `$from` (None: not a `$name`).
macro_rules! sql_via_text {
    ($name:ty, $to:expr, $from:expr) => {
        #[cfg(feature = "sqlx")]
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }
            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <String as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let to: fn(&$name) -> String = $to;
                <String as sqlx::Encode<'q, sqlx::Any>>::encode(to(self), buf)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(value: <sqlx::Any as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let from: fn(&str) -> Option<$name> = $from;
                let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                from(&text).ok_or_else(|| format!("{text:?} is not a {}", stringify!($name)).into())
            }
        }
    };
}

/// A type that is `Display + FromStr` (every typed id), stored as its text.
macro_rules! sql_as_text {
    ($name:ty) => {
        crate::sql_text::sql_via_text!($name, |v| v.to_string(), |t| t.parse().ok());
    };
}

pub(crate) use {sql_as_text, sql_via_text};

/// The same for a closed set of words (a status, a kind): written as its
/// `as_str()`, read back through its `parse`.
macro_rules! sql_as_word {
    ($($name:ty),* $(,)?) => {$(
        sql_via_text!($name, |v| v.as_str().to_owned(), |t| <$name>::parse(t).ok());
    )*};
}

sql_as_word!(
    crate::program::Program,
    crate::program_application::Stage,
    crate::review::ReviewStatus,
    crate::conduct::ReportStatus,
    crate::venue::VenueKind,
    crate::speaker::SpeakerStatus,
    crate::speaker::InvitationStatus,
    crate::registration::RegistrationStatus,
    crate::group::GroupStatus,
    crate::event::EventStatus,
    crate::money::ClaimStatus,
    crate::leadership::ApplicationStatus,
    crate::values::Currency,
    crate::contribution::Verification,
    crate::contribution::Source,
    crate::linked_account::AccountKind,
    crate::program::FocusArea,
    crate::email_topic::Topic,
    crate::offer::WaitlistMode,
);
