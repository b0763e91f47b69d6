use std::fmt;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::DomainError;

/// An absolute `http` or `https` address with a host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebLink(Url);

impl WebLink {
    pub fn parse(raw: &str, field: &'static str) -> Result<Self, DomainError> {
        let url = Url::parse(raw.trim()).map_err(|_| DomainError::field(field, "link_invalid"))?;
        let ok = matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| h.contains('.'));
        if ok && raw.len() <= 2000 {
            Ok(Self(url))
        } else {
            Err(DomainError::field(field, "link_invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The address carries a user name or password (`user:pass@host`).
    pub fn has_credentials(&self) -> bool {
        !self.0.username().is_empty() || self.0.password().is_some()
    }

    /// The host in lower case, without a leading `www.`.
    pub fn host(&self) -> String {
        let h = self.0.host_str().unwrap_or_default().to_ascii_lowercase();
        h.strip_prefix("www.").map(str::to_owned).unwrap_or(h)
    }
}

impl fmt::Display for WebLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for WebLink {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value, "link")
    }
}

impl From<WebLink> for String {
    fn from(value: WebLink) -> Self {
        value.0.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(WebLink::parse("https://WWW.Example.org/x", "link").map(|l| l.host()), Ok("example.org".into()));
        for bad in ["javascript:alert(1)", "ftp://example.org", "example.org", "https://localhost/", ""] {
            assert!(WebLink::parse(bad, "link").is_err(), "{bad}");
        }
    }
}
