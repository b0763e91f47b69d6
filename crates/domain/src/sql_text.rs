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

/// Implements `sqlx::Type`, `Encode` and `Decode` for `sqlx::Any` on a type
/// that is `Display + FromStr`, storing it as text.
macro_rules! sql_as_text {
    ($name:ty) => {
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
                <String as sqlx::Encode<'q, sqlx::Any>>::encode(self.to_string(), buf)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(value: <sqlx::Any as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                text.parse::<$name>().map_err(|_| format!("{text:?} is not a {}", stringify!($name)).into())
            }
        }
    };
}

pub(crate) use sql_as_text;

/// The same for a closed set of words (a status, a kind): written as its
/// `as_str()`, read back through its `parse`.
macro_rules! sql_as_word {
    ($($name:ty),* $(,)?) => {$(
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
                <String as sqlx::Encode<'q, sqlx::Any>>::encode(self.as_str().to_owned(), buf)
            }
        }

        #[cfg(feature = "sqlx")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(
                value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                <$name>::parse(&text).map_err(|_| format!("{text:?} is not a {}", stringify!($name)).into())
            }
        }
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
);
