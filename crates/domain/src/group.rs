//! User groups (UG-1): what a group is made of and the states it moves
//! through. Leaders are role grants (see `access`); their employer is never
//! part of a group (UG-3), so nothing here can carry one.

use serde::{Deserialize, Serialize};

use crate::values::{City, Country, GroupName, LongText, Slug, TimeZone};
use crate::DomainError;

/// UG-1: active, needs-support (UG-10) or archived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    Active,
    NeedsSupport,
    Archived,
}

impl GroupStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::NeedsSupport => "needs_support",
            Self::Archived => "archived",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        match raw {
            "active" => Ok(Self::Active),
            "needs_support" => Ok(Self::NeedsSupport),
            "archived" => Ok(Self::Archived),
            _ => Err(DomainError::field("status", "status_invalid")),
        }
    }

    /// Archived groups hold no new events and leave the directory.
    pub fn is_listed(&self) -> bool {
        !matches!(self, Self::Archived)
    }

    /// UG-1: a group that stopped meeting is archived, once every event it
    /// announced is over (cancel or hold them first: nobody registered is
    /// left waiting for a meetup of a group that is gone).
    pub fn archive(self, upcoming_events: u32) -> Result<Self, DomainError> {
        if self == Self::Archived {
            return Err(DomainError::StateConflict { what: "group", from: "archived", to: "archived" });
        }
        if upcoming_events > 0 {
            return Err(DomainError::GroupHasUpcomingEvents { count: upcoming_events });
        }
        Ok(Self::Archived)
    }

    /// UG-1: an archived group that starts meeting again is active; the
    /// health check (UG-10) takes it from there.
    pub fn reactivate(self) -> Result<Self, DomainError> {
        match self {
            Self::Archived => Ok(Self::Active),
            from => Err(DomainError::StateConflict { what: "group", from: from.as_str(), to: "active" }),
        }
    }
}

/// The editable facts of a group (UG-1), parsed together so every field's
/// problem is reported at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupProfile {
    pub name: GroupName,
    pub slug: Slug,
    pub city: City,
    pub country: Country,
    pub time_zone: TimeZone,
    pub description: LongText,
}

/// Raw group fields as a form or JSON body gives them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GroupFields {
    #[serde(default)]
    pub name: String,
    /// Empty means "make one from the name".
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub description: String,
}

impl GroupProfile {
    pub fn parse(f: &GroupFields) -> Result<Self, DomainError> {
        let name = GroupName::parse(&f.name);
        let slug = if f.slug.trim().is_empty() { Slug::from_text(&f.name) } else { Slug::parse(&f.slug) };
        let city = City::parse(&f.city);
        let country = Country::parse(&f.country);
        let time_zone = TimeZone::parse(&f.time_zone);
        let description = LongText::parse(&f.description, "description", true);
        DomainError::collect([
            name.clone().err(),
            // A slug derived from an invalid name repeats the name's problem.
            if f.slug.trim().is_empty() && name.is_err() { None } else { slug.clone().err() },
            city.clone().err(),
            country.clone().err(),
            time_zone.clone().err(),
            description.clone().err(),
        ])?;
        Ok(Self {
            name: name?,
            slug: slug?,
            city: city?,
            country: country?,
            time_zone: time_zone?,
            description: description?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ug1_a_group_is_archived_once_its_events_are_over_and_reactivated_later() {
        for from in [GroupStatus::Active, GroupStatus::NeedsSupport] {
            assert_eq!(from.archive(0), Ok(GroupStatus::Archived));
            assert_eq!(from.archive(2), Err(DomainError::GroupHasUpcomingEvents { count: 2 }));
            assert!(from.reactivate().is_err(), "{from:?} is not archived");
        }
        assert!(GroupStatus::Archived.archive(0).is_err(), "archived once");
        assert_eq!(GroupStatus::Archived.reactivate(), Ok(GroupStatus::Active));
        assert!(!GroupStatus::Archived.is_listed() && GroupStatus::Active.is_listed());
    }

    fn fields() -> GroupFields {
        GroupFields {
            name: "Lisboa .NET".into(),
            slug: String::new(),
            city: "Lisboa".into(),
            country: "pt".into(),
            time_zone: "Europe/Lisbon".into(),
            description: "Monthly meetups.".into(),
        }
    }

    #[test]
    fn ug1_a_group_has_name_slug_city_country_zone_description() {
        let g = GroupProfile::parse(&fields()).ok();
        let g = g.as_ref();
        assert_eq!(g.map(|g| g.slug.as_str()), Some("lisboa-net"));
        assert_eq!(g.map(|g| g.country.code()), Some("PT"));
        assert_eq!(g.map(|g| g.time_zone.name()), Some("Europe/Lisbon"));
    }

    #[test]
    fn ug1_every_bad_field_is_reported_at_once() {
        let f = GroupFields {
            name: String::new(),
            country: "Atlantis".into(),
            time_zone: "Mars/Olympus".into(),
            ..Default::default()
        };
        let Err(DomainError::Invalid(errs)) = GroupProfile::parse(&f) else { panic!("accepted") };
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "city", "country", "time_zone", "description"]);
    }

    #[test]
    fn ug1_statuses_round_trip() {
        for s in [GroupStatus::Active, GroupStatus::NeedsSupport, GroupStatus::Archived] {
            assert_eq!(GroupStatus::parse(s.as_str()), Ok(s));
        }
        assert!(!GroupStatus::Archived.is_listed());
    }
}
