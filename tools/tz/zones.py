#!/usr/bin/env python3
"""Writes crates/domain/src/values/time_zone_choices.rs: the time zones a
person chooses from, one per place, taken from the IANA tz database that
chrono-tz compiles in (so every name listed parses).

    python3 tools/tz/zones.py ~/.cargo/registry/src/*/chrono-tz-0.10.4/tz

A place's zone is a `Zone` of a continent's file, or a link of `backward`'s
"Pre-2013 practice" section: places like Oslo that share another zone's
clock since 1970 but are still where people live. Old spellings
(Asia/Calcutta) and US/... style names stay parseable but are not offered.
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parents[2]
AREAS = ["africa", "antarctica", "asia", "australasia", "europe", "northamerica", "southamerica"]
PLACE_SECTION = "# Pre-2013 practice"


def zones(tz: pathlib.Path) -> set[str]:
    names = set()
    for area in AREAS:
        for line in (tz / area).read_text().splitlines():
            if line.startswith("Zone\t") or line.startswith("Zone "):
                names.add(line.split()[1])
    section = None
    for line in (tz / "backward").read_text().splitlines():
        if line.startswith("# ") and not line.startswith("# Link"):
            if line.startswith(PLACE_SECTION):
                section = PLACE_SECTION
            elif line.strip() and section and not line[2:3].islower():
                # Headings start with a capital; running comments follow a heading.
                section = None if line.startswith("# Non-zone.tab") or line.startswith("# Alternate") else section
        if section and line.startswith("Link"):
            names.add(line.split()[2])
    return {n for n in names if "/" in n and not n.startswith("Etc/")}


def main() -> None:
    tz = pathlib.Path(sys.argv[1])
    names = sorted(zones(tz))
    out = HERE / "crates/domain/src/values/time_zone_choices.rs"
    body = "\n".join(f'    "{n}",' for n in names)
    out.write_text(
        "//! The time zones offered as choices, one per place: written by\n"
        "//! tools/tz/zones.py from the tz database chrono-tz compiles in.\n"
        "//! Regenerate when chrono-tz is upgraded; do not edit by hand.\n\n"
        f"pub(super) const CHOICES: &[&str] = &[\n{body}\n];\n"
    )
    print(out, len(names))


if __name__ == "__main__":
    main()
