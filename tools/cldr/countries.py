#!/usr/bin/env python3
"""Writes crates/server/locales/{en,pt-PT}/countries.ftl from CLDR's territory names.

The names people read for a country come from the Unicode CLDR (the data
behind every browser's and phone's country list), not from us:

    npm pack cldr-localenames-modern@45.0.0 && tar xzf cldr-localenames-modern-45.0.0.tgz
    python3 tools/cldr/countries.py package

Portuguese is European Portuguese (pt-PT over pt), as the rest of our pt
catalogue is. Only two-letter codes are kept: the rest are continents and
groupings, never a country a person lives in.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parents[2]
LOCALES = {"en": ["en"], "pt-PT": ["pt", "pt-PT"]}


def names(package: pathlib.Path, chain: list[str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for locale in chain:
        data = json.loads((package / "main" / locale / "territories.json").read_text())
        merged.update(data["main"][locale]["localeDisplayNames"]["territories"])
    return {k: v for k, v in merged.items() if len(k) == 2 and k.isalpha()}


def main() -> None:
    package = pathlib.Path(sys.argv[1])
    version = json.loads((package / "package.json").read_text())["version"]
    tables = {ours: names(package, chain) for ours, chain in LOCALES.items()}
    # A code every language names, so no page falls back to a bare code.
    shared = set.intersection(*(set(t) for t in tables.values()))
    for ours, chain in LOCALES.items():
        out = HERE / "crates/server/locales" / ours / "countries.ftl"
        lines = [
            f"# Country names from Unicode CLDR {version} ({' over '.join(reversed(chain))}),",
            "# written by tools/cldr/countries.py: regenerate, do not edit by hand.",
        ]
        lines += [f"country-{code} = {name}" for code, name in sorted(tables[ours].items()) if code in shared]
        out.write_text("\n".join(lines) + "\n")
        print(out, len(lines) - 2)


if __name__ == "__main__":
    main()
