//! Venues (UG-7): a shared registry of places, each with a kind. The rule
//! that an event at a partner's or client's office cannot be published
//! belongs to the governance issue and will live here.

use serde::{Deserialize, Serialize};

use crate::values::{City, Country, VenueLine};
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

    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim()).ok_or(DomainError::field("kind", "venue_kind_invalid"))
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
}

impl VenueProfile {
    pub fn parse(name: &str, address: &str, city: &str, country: &str, kind: &str) -> Result<Self, DomainError> {
        let n = VenueLine::parse(name);
        let a = VenueLine::parse(address).map_err(|_| DomainError::field("address", "required"));
        let c = City::parse(city);
        let co = Country::parse(country);
        let k = VenueKind::parse(kind);
        DomainError::collect([n.clone().err(), a.clone().err(), c.clone().err(), co.clone().err(), k.clone().err()])?;
        Ok(Self { name: n?, address: a?, city: c?, country: co?, kind: k? })
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
        assert!(VenueProfile::parse("LX Factory", "Rua Rodrigues Faria 103", "Lisboa", "PT", "event_space").is_ok());
    }
}
