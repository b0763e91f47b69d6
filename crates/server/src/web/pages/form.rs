//! Showing a form's problems next to its fields.

use guildhall_domain::{DomainError, FieldError};

use crate::error::AppError;
use crate::i18n::Tr;

/// Translated problems of a submitted form.
#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    tr: Tr,
    fields: Vec<FieldError>,
    /// A problem with the form as a whole (wrong password, rate limit...).
    pub general: Option<String>,
}

impl FormErrors {
    pub fn none(tr: Tr) -> Self {
        Self { tr, fields: vec![], general: None }
    }

    /// Turns a user's mistake into form errors; anything else stays an error.
    pub fn from_error(tr: Tr, err: AppError) -> Result<Self, AppError> {
        match err {
            AppError::Domain(DomainError::Invalid(fields)) => Ok(Self { tr, fields, general: None }),
            AppError::Domain(
                e @ (DomainError::BadCredentials
                | DomainError::EmailNotVerified
                | DomainError::RateLimited { .. }
                | DomainError::LinkInvalid
                | DomainError::EmailTaken
                | DomainError::RegionNameTaken
                | DomainError::UnknownSetting),
            ) => Ok(Self { tr, fields: vec![], general: Some(tr.error(e.code())) }),
            other => Err(other),
        }
    }

    /// The message for one field, if it has a problem.
    pub fn get(&self, field: &str) -> Option<String> {
        self.fields.iter().find(|f| f.field == field).map(|f| self.tr.field(f.code))
    }

    pub fn any(&self) -> bool {
        self.general.is_some() || !self.fields.is_empty()
    }
}
