//! PL-3: a forum account or a feed counts as a member's only once they
//! proved it is theirs. Guildhall gives a one-time code; the member places
//! it in their forum profile ("About me") or in their feed, and the check
//! (or the first import) finds it there. Program staff may confirm a link
//! instead, for a member who cannot edit the profile. Importing for an
//! account that is not linked and proven is refused, so nobody imports
//! another person's accepted answers or posts as their own.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{LinkedAccountId, MemberId};
use crate::values::WebLink;
use crate::DomainError;

/// Where contributions are imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A user of the forum set in `imports.forum_url`, by user name.
    Discourse,
    /// An RSS or Atom feed, by its address.
    Feed,
}

impl AccountKind {
    pub const ALL: [AccountKind; 2] = [Self::Discourse, Self::Feed];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Discourse => "discourse",
            Self::Feed => "feed",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "discourse" => Ok(Self::Discourse),
            "feed" => Ok(Self::Feed),
            _ => Err(DomainError::field("kind", "account_kind_invalid")),
        }
    }
}

/// What names the account: a forum user name (compared without case, as
/// Discourse compares them) or a feed's web address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Handle(String);

impl Handle {
    pub fn parse(kind: AccountKind, raw: &str) -> Result<Self, DomainError> {
        match kind {
            AccountKind::Discourse => {
                let u = raw.trim().trim_start_matches('@');
                let ok = !u.is_empty()
                    && u.chars().count() <= 60
                    && u.chars().all(|c| c.is_alphanumeric() || "_.-".contains(c));
                ok.then(|| Self(u.to_lowercase())).ok_or(DomainError::field("handle", "forum_username_invalid"))
            }
            // A user name or password in the address would be stored and
            // shown to staff: refused, as a feed is read without them.
            AccountKind::Feed => WebLink::parse(raw, "handle")
                .ok()
                .filter(|l| !l.has_credentials())
                .map(|l| Self(l.as_str().to_owned()))
                .ok_or(DomainError::field("handle", "feed_url_invalid")),
        }
    }

    /// A handle read back from storage, already parsed once.
    pub fn stored(raw: String) -> Self {
        Self(raw)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The one-time code a member places where only they can write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofCode(String);

impl ProofCode {
    const PREFIX: &'static str = "guildhall-";

    /// A code from `random` letters and digits (the caller draws them).
    pub fn from_random(random: &str) -> Result<Self, DomainError> {
        let ok = random.len() >= 10 && random.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        ok.then(|| Self(format!("{}{random}", Self::PREFIX))).ok_or(DomainError::InvalidId)
    }

    pub fn stored(raw: String) -> Self {
        Self(raw)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `text` (a profile, a feed) holds the code. Forums and feeds
    /// may wrap it in markup or change its case, never split it.
    pub fn is_in(&self, text: &str) -> bool {
        text.to_ascii_lowercase().contains(&self.0)
    }
}

/// How a link was proven.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    /// The code was found in the profile or feed.
    Code,
    /// Program staff confirmed it.
    Staff,
}

impl Proof {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Staff => "staff",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw {
            "code" => Ok(Self::Code),
            "staff" => Ok(Self::Staff),
            _ => Err(DomainError::InvalidId),
        }
    }
}

/// A member's claim on an account, proven or waiting for its proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedAccount {
    pub id: LinkedAccountId,
    pub member: MemberId,
    pub kind: AccountKind,
    pub handle: Handle,
    pub code: ProofCode,
    pub proven: Option<(Proof, DateTime<Utc>)>,
    pub created_at: DateTime<Utc>,
}

impl LinkedAccount {
    pub fn is_proven(&self) -> bool {
        self.proven.is_some()
    }

    /// PL-3: the proof, when `text` (what the forum or feed shows) holds
    /// the code; a proven link stays as it is.
    pub fn prove_with(&self, text: &str) -> Result<Proof, DomainError> {
        match self.proven {
            Some((how, _)) => Ok(how),
            None if self.code.is_in(text) => Ok(Proof::Code),
            None => Err(DomainError::ProofNotFound),
        }
    }
}

/// PL-3: an import reads only an account its member has proven.
pub fn check_import(link: Option<&LinkedAccount>, member: MemberId) -> Result<&LinkedAccount, DomainError> {
    match link {
        Some(l) if l.member == member && l.is_proven() => Ok(l),
        _ => Err(DomainError::AccountNotLinked),
    }
}

/// PL-3: one account belongs to one member; a second member's claim on an
/// account someone else proved is refused.
pub fn check_claim(proven_by: Option<MemberId>, member: MemberId) -> Result<(), DomainError> {
    match proven_by {
        Some(owner) if owner != member => Err(DomainError::AccountLinkedElsewhere),
        _ => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn link(member: MemberId, proven: bool) -> LinkedAccount {
        LinkedAccount {
            id: LinkedAccountId::new(),
            member,
            kind: AccountKind::Discourse,
            handle: Handle::parse(AccountKind::Discourse, "Ana_Silva").unwrap(),
            code: ProofCode::from_random("k3x9q2m7va").unwrap(),
            proven: proven.then(|| (Proof::Code, Utc::now())),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn pl3_handles_are_parsed_per_kind() {
        let u = Handle::parse(AccountKind::Discourse, " @Ana_Silva ").unwrap();
        assert_eq!(u.as_str(), "ana_silva", "Discourse user names ignore case");
        for bad in ["", "ana silva", "../admin", "a?b=c", &"x".repeat(61)] {
            assert_eq!(
                Handle::parse(AccountKind::Discourse, bad),
                Err(DomainError::field("handle", "forum_username_invalid")),
                "{bad}"
            );
        }
        let f = Handle::parse(AccountKind::Feed, "https://blog.example.org/feed.xml").unwrap();
        assert_eq!(f.as_str(), "https://blog.example.org/feed.xml");
        for bad in [
            "blog.example.org/feed",
            "ftp://blog.example.org/feed",
            "javascript:alert(1)",
            "https://me:secret@blog.example.org/feed",
            "https://me@blog.example.org/feed",
        ] {
            assert_eq!(Handle::parse(AccountKind::Feed, bad), Err(DomainError::field("handle", "feed_url_invalid")));
        }
    }

    #[test]
    fn pl3_the_code_is_found_wherever_the_profile_puts_it() {
        let code = ProofCode::from_random("k3x9q2m7va").unwrap();
        assert_eq!(code.as_str(), "guildhall-k3x9q2m7va");
        assert!(code.is_in("<p>Hi! guildhall-k3x9q2m7va</p>"));
        assert!(code.is_in("GUILDHALL-K3X9Q2M7VA"), "a forum may change its case");
        assert!(!code.is_in("guildhall-k3x9q2m7v"), "a code cut short is not the code");
        assert!(!code.is_in(""));
        assert!(ProofCode::from_random("short").is_err());
        assert!(ProofCode::from_random("UPPER-CASE!").is_err());
    }

    #[test]
    fn pl3_a_link_is_proven_by_its_code_and_only_then_imported() {
        let ana = MemberId::new();
        let waiting = link(ana, false);
        assert_eq!(waiting.prove_with("about me: nothing"), Err(DomainError::ProofNotFound));
        assert_eq!(waiting.prove_with("about me: guildhall-k3x9q2m7va"), Ok(Proof::Code));
        assert_eq!(check_import(Some(&waiting), ana), Err(DomainError::AccountNotLinked));
        assert_eq!(check_import(None, ana), Err(DomainError::AccountNotLinked));
        let proven = link(ana, true);
        assert_eq!(proven.prove_with("the code was removed since"), Ok(Proof::Code), "a proof stays");
        assert!(check_import(Some(&proven), ana).is_ok());
        assert_eq!(check_import(Some(&proven), MemberId::new()), Err(DomainError::AccountNotLinked));
    }

    #[test]
    fn pl3_an_account_proven_by_one_member_is_not_claimed_by_another() {
        let (ana, bo) = (MemberId::new(), MemberId::new());
        assert_eq!(check_claim(None, bo), Ok(()));
        assert_eq!(check_claim(Some(bo), bo), Ok(()));
        assert_eq!(check_claim(Some(ana), bo), Err(DomainError::AccountLinkedElsewhere));
    }
}
