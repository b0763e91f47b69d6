//! Venues (UG-7): a shared registry of places, each with a kind, and the
//! rule that an event at a partner's or client's office cannot be published.

use serde::{Deserialize, Serialize};

use crate::values::{City, Country, LongText, VenueLine};
use crate::DomainError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VenueKind {
    Coworking,
    University,
    PublicVenue,
    EventSpace,
    Online,
    PartnerOffice,
    ClientOffice,
    VendorOffice,
    Other,
}

impl VenueKind {
    pub const ALL: [VenueKind; 9] = [
        Self::Coworking,
        Self::University,
        Self::PublicVenue,
        Self::EventSpace,
        Self::Online,
        Self::PartnerOffice,
        Self::ClientOffice,
        Self::VendorOffice,
        Self::Other,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Coworking => "coworking",
            Self::University => "university",
            Self::PublicVenue => "public_venue",
            Self::EventSpace => "event_space",
            Self::Online => "online",
            Self::PartnerOffice => "partner_office",
            Self::ClientOffice => "client_office",
            Self::VendorOffice => "vendor_office",
            Self::Other => "other",
        }
    }

    /// UG-7: neutral ground only. A partner's or client's office would make
    /// the event look like theirs; a vendor office or any public place is fine.
    pub fn is_neutral(&self) -> bool {
        !matches!(self, Self::PartnerOffice | Self::ClientOffice)
    }

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or(DomainError::field("kind", "venue_kind_invalid"))
    }
}

/// UG-7: refuses a venue where an event may not be published: asked when
/// publishing, and when a published event's venue changes.
pub fn check_neutral(kind: VenueKind) -> Result<(), DomainError> {
    if kind.is_neutral() {
        Ok(())
    } else {
        Err(DomainError::VenueNotNeutral { kind: kind.as_str() })
    }
}

/// A venue's facts, parsed together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VenueProfile {
    pub name: VenueLine,
    pub address: VenueLine,
    pub city: City,
    pub country: Country,
    pub kind: VenueKind,
    /// How many people fit, when known.
    pub capacity: Option<u32>,
    /// Step-free access, hearing loops, quiet rooms...
    pub accessibility: LongText,
}

/// Raw venue fields as a form or JSON body gives them.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct VenueFields {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub kind: String,
    /// Empty when unknown.
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub accessibility: String,
}

impl VenueProfile {
    pub fn parse(f: &VenueFields) -> Result<Self, DomainError> {
        let n = VenueLine::parse(&f.name);
        let a = VenueLine::parse(&f.address).map_err(|_| DomainError::field("address", "required"));
        let c = City::parse(&f.city);
        let co = Country::parse(&f.country);
        let k = VenueKind::parse(&f.kind);
        let cap = match f.capacity.trim() {
            "" => Ok(None),
            raw => match raw.parse::<u32>() {
                Ok(n) if (1..=100_000).contains(&n) => Ok(Some(n)),
                _ => Err(DomainError::field("capacity", "capacity_invalid")),
            },
        };
        let acc = LongText::parse(&f.accessibility, "accessibility", false);
        DomainError::collect([
            n.clone().err(),
            a.clone().err(),
            c.clone().err(),
            co.clone().err(),
            k.clone().err(),
            cap.clone().err(),
            acc.clone().err(),
        ])?;
        Ok(Self { name: n?, address: a?, city: c?, country: co?, kind: k?, capacity: cap?, accessibility: acc? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ug7_kinds_round_trip_and_unknown_is_refused() {
        for k in VenueKind::ALL {
            assert_eq!(VenueKind::parse(k.as_str()), Ok(k));
        }
        assert!(VenueKind::parse("castle").is_err());
    }

    fn fields(kind: &str, capacity: &str) -> VenueFields {
        VenueFields {
            name: "LX Factory".into(),
            address: "Rua Rodrigues Faria 103".into(),
            city: "Lisboa".into(),
            country: "PT".into(),
            kind: kind.into(),
            capacity: capacity.into(),
            accessibility: "Step-free entrance on the east side.".into(),
        }
    }

    #[test]
    fn ug7_registry_entry_has_kind_capacity_and_accessibility_notes() {
        let v = VenueProfile::parse(&fields("event_space", "120")).ok();
        assert_eq!(v.as_ref().and_then(|v| v.capacity), Some(120));
        assert_eq!(v.map(|v| v.accessibility.to_string()), Some("Step-free entrance on the east side.".into()));
        assert_eq!(VenueProfile::parse(&fields("event_space", "")).map(|v| v.capacity), Ok(None));
        assert_eq!(
            VenueProfile::parse(&fields("event_space", "-3")),
            Err(DomainError::field("capacity", "capacity_invalid"))
        );
    }

    #[test]
    fn ug7_only_partner_and_client_offices_are_not_neutral() {
        for k in VenueKind::ALL {
            let expected = !matches!(k, VenueKind::PartnerOffice | VenueKind::ClientOffice);
            assert_eq!(check_neutral(k).is_ok(), expected, "{k:?}");
        }
        assert_eq!(check_neutral(VenueKind::ClientOffice), Err(DomainError::VenueNotNeutral { kind: "client_office" }));
    }
}
