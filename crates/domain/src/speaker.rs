//! Speakers from the community (UG-11): applications to speak, the pool of
//! approved speakers, invitations they accept or decline, and requests for
//! an internal expert that stay tracked until answered.

use serde::{Deserialize, Serialize};

use crate::values::{LongText, Title, WebLink};
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerStatus {
    Submitted,
    Approved,
    Declined,
}

impl SpeakerStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "submitted" => Ok(Self::Submitted),
            "approved" => Ok(Self::Approved),
            "declined" => Ok(Self::Declined),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }

    /// Only submitted applications are decided; a new application (after
    /// a decline, or an update) goes back to submitted.
    pub fn decide(self, approve: bool) -> Result<Self, DomainError> {
        match self {
            Self::Submitted if approve => Ok(Self::Approved),
            Self::Submitted => Ok(Self::Declined),
            _ => Err(DomainError::StateConflict {
                what: "speaker application",
                from: self.as_str(),
                to: if approve { "approved" } else { "declined" },
            }),
        }
    }
}

/// A topic a speaker talks about: lower case, short, searchable.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Topic(String);

impl Topic {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let t = raw.trim().to_lowercase();
        let ok_chars = t.chars().all(|c| c.is_alphanumeric() || " -+#./".contains(c));
        if t.chars().count() < 2 || t.chars().count() > 40 || !ok_chars {
            return Err(DomainError::field("topics", "topic_invalid"));
        }
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A talk given before, with its slides or recording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastTalk {
    pub title: Title,
    pub link: WebLink,
}

/// A speaker's profile as they submit it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerProfile {
    pub bio: LongText,
    pub topics: Vec<Topic>,
    pub past_talks: Vec<PastTalk>,
}

pub const MAX_TOPICS: usize = 10;
pub const MAX_PAST_TALKS: usize = 10;

/// Raw speaker fields: topics comma-separated; past talks one per line as
/// "title | link".
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SpeakerFields {
    #[serde(default)]
    pub bio: String,
    #[serde(default)]
    pub topics: String,
    #[serde(default)]
    pub past_talks: String,
}

impl SpeakerProfile {
    pub fn parse(f: &SpeakerFields) -> Result<Self, DomainError> {
        let bio = LongText::parse(&f.bio, "bio", true);
        let topics: Result<Vec<Topic>, DomainError> = {
            let mut v: Vec<Topic> = Vec::new();
            let mut err = None;
            for raw in f.topics.split(',').filter(|t| !t.trim().is_empty()) {
                match Topic::parse(raw) {
                    Ok(t) if !v.contains(&t) => v.push(t),
                    Ok(_) => {}
                    Err(e) => err = Some(e),
                }
            }
            match err {
                Some(e) => Err(e),
                None if v.is_empty() => Err(DomainError::field("topics", "required")),
                None if v.len() > MAX_TOPICS => Err(DomainError::field("topics", "too_many_topics")),
                None => Ok(v),
            }
        };
        let past_talks: Result<Vec<PastTalk>, DomainError> = f
            .past_talks
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let (title, link) =
                    line.rsplit_once('|').ok_or(DomainError::field("past_talks", "past_talk_format"))?;
                let title = Title::parse(title).map_err(|_| DomainError::field("past_talks", "past_talk_format"))?;
                let link = WebLink::parse(link, "past_talks")?;
                Ok(PastTalk { title, link })
            })
            .collect();
        let past_talks = past_talks.and_then(|v| {
            if v.len() > MAX_PAST_TALKS {
                Err(DomainError::field("past_talks", "too_many_past_talks"))
            } else {
                Ok(v)
            }
        });
        DomainError::collect([bio.clone().err(), topics.clone().err(), past_talks.clone().err()])?;
        Ok(Self { bio: bio?, topics: topics?, past_talks: past_talks? })
    }

    pub fn topics_text(&self) -> String {
        self.topics.iter().map(Topic::as_str).collect::<Vec<_>>().join(", ")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Invited,
    Accepted,
    Declined,
}

impl InvitationStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Invited => "invited",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw.trim() {
            "invited" => Ok(Self::Invited),
            "accepted" => Ok(Self::Accepted),
            "declined" => Ok(Self::Declined),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }

    /// UG-11: the speaker answers once.
    pub fn answer(self, accept: bool) -> Result<Self, DomainError> {
        match self {
            Self::Invited if accept => Ok(Self::Accepted),
            Self::Invited => Ok(Self::Declined),
            _ => Err(DomainError::StateConflict {
                what: "invitation",
                from: self.as_str(),
                to: if accept { "accepted" } else { "declined" },
            }),
        }
    }
}

/// UG-11: a request for an internal expert is open until answered.
pub fn answer_expert_request(answered: bool, answer: &str) -> Result<LongText, DomainError> {
    if answered {
        return Err(DomainError::StateConflict { what: "expert request", from: "answered", to: "answered" });
    }
    LongText::parse(answer, "answer", true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> SpeakerFields {
        SpeakerFields {
            bio: "Builds internal tools at a hospital.".into(),
            topics: "Performance, accessibility, performance , C#".into(),
            past_talks: "Fast pages | https://slides.example.org/fast\n\nReactive UIs|https://youtu.be/xyz".into(),
        }
    }

    #[test]
    fn ug11_profile_with_topics_and_past_talks() {
        let p = SpeakerProfile::parse(&fields()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(p.topics_text(), "performance, accessibility, c#");
        assert_eq!(p.past_talks.len(), 2);
        assert_eq!(p.past_talks[1].link.as_str(), "https://youtu.be/xyz");
    }

    #[test]
    fn ug11_bad_profile_fields_are_named() {
        let bad = SpeakerFields { bio: String::new(), topics: "x".into(), past_talks: "no link here".into() };
        let Err(DomainError::Invalid(errs)) = SpeakerProfile::parse(&bad) else { panic!("accepted") };
        assert_eq!(
            errs.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
            [("bio", "required"), ("topics", "topic_invalid"), ("past_talks", "past_talk_format")]
        );
    }

    #[test]
    fn ug11_applications_and_invitations_are_answered_once() {
        assert_eq!(SpeakerStatus::Submitted.decide(true), Ok(SpeakerStatus::Approved));
        assert!(SpeakerStatus::Approved.decide(false).is_err());
        assert_eq!(InvitationStatus::Invited.answer(false), Ok(InvitationStatus::Declined));
        assert!(InvitationStatus::Accepted.answer(true).is_err());
        assert!(answer_expert_request(true, "Ana can come").is_err());
        assert!(answer_expert_request(false, " ").is_err());
        assert!(answer_expert_request(false, "Ana from the runtime team can come.").is_ok());
    }
}
