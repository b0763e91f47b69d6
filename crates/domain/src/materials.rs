//! UG-14: after an event, its talks' slides and recordings. They are
//! shown on the event page and emailed to everyone who came; they may be
//! added once the event is published (often days after it ended), never
//! to a draft or a cancelled event, which nobody attended.

use crate::event::EventStatus;
use crate::values::WebLink;
use crate::DomainError;

/// A talk's links; either may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TalkMaterials {
    pub slides: Option<WebLink>,
    pub recording: Option<WebLink>,
}

impl TalkMaterials {
    /// From a form or a request: a blank field removes that link.
    pub fn parse(slides: &str, recording: &str) -> Result<Self, DomainError> {
        let link = |raw: &str, field: &'static str| {
            let raw = raw.trim();
            if raw.is_empty() {
                Ok(None)
            } else {
                WebLink::parse(raw, field).map(Some)
            }
        };
        let (s, r) = (link(slides, "slides_url"), link(recording, "recording_url"));
        DomainError::collect([s.clone().err(), r.clone().err()])?;
        Ok(Self { slides: s?, recording: r? })
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_none() && self.recording.is_none()
    }
}

/// Whether an event in `status` takes materials.
pub fn accepts_materials(status: EventStatus) -> bool {
    matches!(status, EventStatus::Published | EventStatus::Completed)
}

/// Whether the follow-up email may go out: the event took place (it is
/// completed) and at least one talk has a link to send.
pub fn may_send_materials(status: EventStatus, any_links: bool) -> Result<(), DomainError> {
    if status != EventStatus::Completed {
        return Err(DomainError::EventStateConflict { from: status.as_str(), to: "materials_sent" });
    }
    if !any_links {
        return Err(DomainError::field("materials", "materials_none"));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ug14_blank_fields_remove_links_and_bad_ones_are_named() {
        let m = TalkMaterials::parse(" https://slides.example.org/a ", "").unwrap();
        assert_eq!(m.slides.as_ref().map(WebLink::as_str), Some("https://slides.example.org/a"));
        assert!(m.recording.is_none() && !m.is_empty());
        assert!(TalkMaterials::parse("", "  ").unwrap().is_empty());
        let err = TalkMaterials::parse("slides", "ftp://x.example.org").unwrap_err();
        let text = format!("{err:?}");
        assert!(text.contains("slides_url") && text.contains("recording_url"), "{text}");
    }

    #[test]
    fn ug14_materials_follow_a_published_or_completed_event_only() {
        assert!(accepts_materials(EventStatus::Published) && accepts_materials(EventStatus::Completed));
        assert!(!accepts_materials(EventStatus::Draft) && !accepts_materials(EventStatus::Cancelled));
        assert!(may_send_materials(EventStatus::Completed, true).is_ok());
        assert!(may_send_materials(EventStatus::Published, true).is_err(), "not before it took place");
        assert!(may_send_materials(EventStatus::Completed, false).is_err(), "nothing to send");
    }
}
