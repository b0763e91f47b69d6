//! The lists a person picks from instead of typing a code: countries by
//! their name in the reader's language (CLDR's names), time zones by place
//! under their part of the world. Each is built once per language.

use std::sync::OnceLock;

use guildhall_domain::values::{Country, Locale, TimeZone};

use crate::i18n::{CountryChoice, Tr};

/// The places of one part of the world ("Europe": Lisbon, Oslo…).
#[derive(Debug)]
pub struct ZoneGroup {
    pub area: String,
    pub places: Vec<ZonePlace>,
}

/// One time zone as a choice: its IANA name and the place people read.
#[derive(Debug)]
pub struct ZonePlace {
    pub name: &'static str,
    pub label: String,
}

type PerLanguage<T> = [OnceLock<T>; 2];

fn slot<T>(cells: &'static PerLanguage<T>, tr: Tr) -> &'static OnceLock<T> {
    match tr.locale() {
        Locale::En => &cells[0],
        Locale::Pt => &cells[1],
    }
}

/// Every country, by name in the reader's language.
pub fn countries(tr: Tr) -> &'static [CountryChoice] {
    static CELLS: PerLanguage<Vec<CountryChoice>> = [OnceLock::new(), OnceLock::new()];
    slot(&CELLS, tr).get_or_init(|| tr.country_choices(Country::all()))
}

/// Every offered time zone, grouped by part of the world.
pub fn zones(tr: Tr) -> &'static [ZoneGroup] {
    static CELLS: PerLanguage<Vec<ZoneGroup>> = [OnceLock::new(), OnceLock::new()];
    slot(&CELLS, tr).get_or_init(|| group_zones(tr))
}

/// Whether `name` is among the offered zones; a stored zone that is not
/// (an old spelling a browser gave) is still shown as chosen.
pub fn is_offered_zone(name: &str) -> bool {
    name == "UTC" || TimeZone::choices().binary_search(&name).is_ok()
}

/// A zone as a person reads it, "Lisbon (Europe)"; a zone the list does
/// not offer by place reads as its name.
pub fn zone_label(tr: Tr, zone: TimeZone) -> String {
    zones(tr)
        .iter()
        .find_map(|g| g.places.iter().find(|p| p.name == zone.name()).map(|p| format!("{} ({})", p.label, g.area)))
        .unwrap_or_else(|| zone.name().to_owned())
}

fn group_zones(tr: Tr) -> Vec<ZoneGroup> {
    let mut groups: Vec<ZoneGroup> = Vec::new();
    for &name in TimeZone::choices() {
        let Some((area, place)) = name.split_once('/') else { continue };
        let label = place.replace('_', " ").replace('/', " / ");
        let area = tr.try_t(&format!("zone-area-{area}")).unwrap_or_else(|| area.to_owned());
        match groups.last_mut() {
            Some(g) if g.area == area => g.places.push(ZonePlace { name, label }),
            _ => groups.push(ZoneGroup { area, places: vec![ZonePlace { name, label }] }),
        }
    }
    // Parts of the world in the reader's alphabet order, then UTC itself.
    groups.sort_by_cached_key(|g| guildhall_domain::values::fold(&g.area));
    groups.push(ZoneGroup {
        area: tr.t("zone-area-other"),
        places: vec![ZonePlace { name: "UTC", label: tr.t("zone-utc") }],
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pl9_zones_are_offered_by_place_under_their_part_of_the_world() {
        let pt = zones(Tr(Locale::Pt));
        let europe = pt.iter().find(|g| g.area == "Europa");
        let lisbon = europe.and_then(|g| g.places.iter().find(|p| p.name == "Europe/Lisbon"));
        assert_eq!(lisbon.map(|p| p.label.as_str()), Some("Lisbon"));
        let en = zones(Tr(Locale::En));
        let america = en.iter().find(|g| g.area == "Americas");
        let buenos = america.and_then(|g| g.places.iter().find(|p| p.name == "America/Argentina/Buenos_Aires"));
        assert_eq!(buenos.map(|p| p.label.as_str()), Some("Argentina / Buenos Aires"));
        let areas: Vec<&str> = en.iter().map(|g| g.area.as_str()).collect();
        let mut unique = areas.clone();
        unique.dedup();
        assert_eq!(areas, unique, "each part of the world once");
        assert!(is_offered_zone("Europe/Oslo") && is_offered_zone("UTC"));
        let lisbon = TimeZone::parse("Europe/Lisbon").unwrap_or(TimeZone::UTC);
        assert_eq!(zone_label(Tr(Locale::Pt), lisbon), "Lisbon (Europa)");
        let pt_areas: Vec<&str> = pt.iter().map(|g| g.area.as_str()).collect();
        assert_eq!(pt_areas.first(), Some(&"África"));
        assert!(pt_areas.iter().position(|a| *a == "Ásia") < pt_areas.iter().position(|a| *a == "Austrália"));
        assert!(!is_offered_zone("Asia/Calcutta"));
    }

    #[test]
    fn pl9_countries_are_listed_by_their_name_in_the_readers_language() {
        let pt = countries(Tr(Locale::Pt));
        assert_eq!(pt.len(), Country::all().len());
        let de = pt.iter().position(|c| c.code == "DE");
        let at = pt.iter().position(|c| c.code == "AT");
        assert!(de < at, "Alemanha before Áustria");
        assert_eq!(countries(Tr(Locale::En)).iter().find(|c| c.code == "DE").map(|c| c.name.as_str()), Some("Germany"));
    }
}
