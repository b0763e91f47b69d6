//! How typed ids and other text-stored values bind and decode in SQL.
//!
//! Storage speaks to SQLite and PostgreSQL through `sqlx::Any`, whose only
//! text kind is a string, and every id column is `TEXT` on both. So a value
//! is written as its `Display` text and read back through `FromStr`: one
//! implementation here, instead of a `.to_string()` at each bind and a
//! `.parse()` at each read. Behind the `sqlx` feature so the domain itself
//! stays free of I/O crates.

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
