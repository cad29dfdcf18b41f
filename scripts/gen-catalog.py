#!/usr/bin/env python3
"""Generate include/yusuan/catalog/data.hpp from budgets/std/<year>/*.catalog.

The catalog files are the single source of truth for the 政府收支分类科目
editions compiled into yusuan (see budgets/std/2024/function.catalog for the
line format).  This script validates them and writes the C++ tables:

    python3 scripts/gen-catalog.py            # (re)write the header
    python3 scripts/gen-catalog.py --check    # exit 1 if the header is stale

Standard library only.  The output is deterministic (sorted, no time stamps),
so the generated header can be committed and diffed.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STD_DIR = ROOT / "budgets" / "std"
OUTPUT = ROOT / "include" / "yusuan" / "catalog" / "data.hpp"

# family key -> (file name, C++ identifier stem, allowed code lengths)
FAMILIES = {
    "function": ("function.catalog", "function", (3, 5, 7)),
    "econ": ("econ.catalog", "econ", (3, 5)),
    "gov_econ": ("gov-econ.catalog", "gov_econ", (3, 5)),
}
MAPPING_FILE = "mapping.catalog"
# Bit order must match yusuan::confirmation (catalog.hpp static_asserts it).
FLAG_BITS = {"R": 0, "T": 1, "P": 2, "K": 3, "?": 4}
FLAG_CXX = {"R": "flag_r", "T": "flag_t", "P": "flag_p", "K": "flag_k", "?": "flag_u"}
# Bit order must match yusuan::unit_type.
UNIT_BITS = {"行政": 0, "参公": 1, "事业": 2}
UNIT_CXX = {"行政": "unit_administrative", "参公": "unit_civil_service", "事业": "unit_institution"}
ALL_UNITS = 0b111

FLAGS_RE = re.compile(r"^(?:\[(?:R|T|P|K|\?)\])+$")


class CatalogError(Exception):
    pass


@dataclass
class Entry:
    code: str
    name: str
    flags: int
    complete: bool
    where: str


@dataclass
class Rename:
    code: str
    old_name: str
    until: int
    flags: int
    where: str


@dataclass
class FamilyTable:
    entries: dict[str, Entry] = field(default_factory=dict)
    renames: list[Rename] = field(default_factory=list)
    classes_complete: bool = False


@dataclass
class Mapping:
    dept: str
    gov: str
    units: int
    flags: int
    where: str


@dataclass
class Edition:
    year: int
    families: dict[str, FamilyTable]
    mappings: list[Mapping]


def parse_flags(token: str, where: str) -> int:
    if not FLAGS_RE.match(token):
        raise CatalogError(f"{where}: bad flags {token!r} (expected e.g. [R][T])")
    bits = 0
    for letter in re.findall(r"\[(.)\]", token):
        bit = 1 << FLAG_BITS[letter]
        if bits & bit:
            raise CatalogError(f"{where}: flag [{letter}] given twice")
        bits |= bit
    return bits


def parse_units(token: str, where: str) -> int:
    if token == "all":
        return ALL_UNITS
    bits = 0
    for part in token.split(","):
        if part not in UNIT_BITS:
            raise CatalogError(f"{where}: bad unit type {part!r} (行政, 参公, 事业 or all)")
        bits |= 1 << UNIT_BITS[part]
    return bits


def content_lines(path: Path):
    """(line number, tokens) of every non-blank line, comments removed."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        raise CatalogError(f"{path}: remove the byte order mark")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line.split()


def parent_code(code: str) -> str | None:
    return code[:-2] if len(code) > 3 else None


def read_family(path: Path, lengths: tuple[int, ...], year: int) -> FamilyTable:
    table = FamilyTable()
    rel = path.relative_to(ROOT)
    for number, tokens in content_lines(path):
        where = f"{rel}:{number}"
        head = tokens[0]
        if head == "classes":
            if tokens != ["classes", "complete"]:
                raise CatalogError(f"{where}: expected `classes complete`")
            table.classes_complete = True
            continue
        if head == "renamed":
            if len(tokens) != 5:
                raise CatalogError(f"{where}: expected `renamed CODE OLD-NAME UNTIL FLAGS`")
            _, code, old_name, until, flags = tokens
            if not until.isdigit() or len(until) != 4:
                raise CatalogError(f"{where}: bad year {until!r}")
            if int(until) >= year:
                raise CatalogError(f"{where}: a rename in the {year} edition must end before {year}")
            table.renames.append(Rename(code, old_name, int(until), parse_flags(flags, where), where))
            continue
        if not head.isascii() or not head.isdigit():
            raise CatalogError(f"{where}: unknown line starting with {head!r}")
        if len(tokens) not in (3, 4) or (len(tokens) == 4 and tokens[3] != "complete"):
            raise CatalogError(f"{where}: expected `CODE NAME FLAGS [complete]`")
        code, name, flags = tokens[:3]
        complete = len(tokens) == 4
        if len(code) not in lengths:
            raise CatalogError(f"{where}: code {code} must have {' or '.join(map(str, lengths))} digits")
        if complete and len(code) == max(lengths):
            raise CatalogError(f"{where}: `complete` on a leaf code {code}")
        if code in table.entries:
            raise CatalogError(f"{where}: duplicate code {code} (first at {table.entries[code].where})")
        table.entries[code] = Entry(code, name, parse_flags(flags, where), complete, where)

    for entry in table.entries.values():
        parent = parent_code(entry.code)
        if parent is not None and parent not in table.entries:
            raise CatalogError(f"{entry.where}: parent {parent} of {entry.code} is missing")
    seen = set()
    for rename in table.renames:
        if rename.code not in table.entries:
            raise CatalogError(f"{rename.where}: renamed code {rename.code} is not in the catalog")
        if (rename.code, rename.until) in seen:
            raise CatalogError(f"{rename.where}: two renames of {rename.code} ending {rename.until}")
        seen.add((rename.code, rename.until))
    return table


def read_mappings(path: Path, econ: FamilyTable, gov: FamilyTable) -> list[Mapping]:
    rel = path.relative_to(ROOT)
    mappings: list[Mapping] = []
    target: dict[tuple[str, int], Mapping] = {}
    for number, tokens in content_lines(path):
        where = f"{rel}:{number}"
        if len(tokens) != 4:
            raise CatalogError(f"{where}: expected `DEPT GOV UNITS FLAGS`")
        dept, gov_code, units, flags = tokens
        for code, table, what in ((dept, econ, "econ"), (gov_code, gov, "gov-econ")):
            if len(code) != 5 or not code.isdigit():
                raise CatalogError(f"{where}: {code!r} is not a 5-digit code")
            if code not in table.entries:
                raise CatalogError(f"{where}: {code} is not in {what}.catalog")
        m = Mapping(dept, gov_code, parse_units(units, where), parse_flags(flags, where), where)
        for unit, bit in UNIT_BITS.items():
            if m.units & (1 << bit):
                key = (dept, bit)
                if key in target:
                    raise CatalogError(f"{where}: {dept} for {unit} already maps to "
                                       f"{target[key].gov} ({target[key].where})")
                target[key] = m
        mappings.append(m)
    for code in sorted(econ.entries):
        if len(code) != 5:
            continue
        for unit, bit in UNIT_BITS.items():
            if (code, bit) not in target:
                raise CatalogError(f"{rel}: no mapping for {code} ({unit})")
    mappings.sort(key=lambda m: (m.dept, m.gov, m.units))
    for a, b in zip(mappings, mappings[1:]):
        if (a.dept, a.gov) == (b.dept, b.gov):
            raise CatalogError(f"{b.where}: {b.dept} → {b.gov} given twice (merge the unit types)")
    return mappings


def read_edition(directory: Path) -> Edition:
    year = int(directory.name)
    families = {}
    for key, (file_name, _, lengths) in FAMILIES.items():
        path = directory / file_name
        if not path.is_file():
            raise CatalogError(f"{path.relative_to(ROOT)}: missing")
        families[key] = read_family(path, lengths, year)
    known = {name for name, *_ in FAMILIES.values()} | {MAPPING_FILE}
    for extra in sorted(directory.glob("*.catalog")):
        if extra.name not in known:
            raise CatalogError(f"{extra.relative_to(ROOT)}: unknown catalog file")
    mapping_path = directory / MAPPING_FILE
    if not mapping_path.is_file():
        raise CatalogError(f"{mapping_path.relative_to(ROOT)}: missing")
    mappings = read_mappings(mapping_path, families["econ"], families["gov_econ"])
    return Edition(year, families, mappings)


def read_all() -> list[Edition]:
    dirs = sorted(p for p in STD_DIR.iterdir() if p.is_dir()) if STD_DIR.is_dir() else []
    editions = []
    for d in dirs:
        if d.name in ("templates", "rules"):  # the tables' templates (gen-templates.py), the standard rules
            continue
        if not re.fullmatch(r"\d{4}", d.name):
            raise CatalogError(f"{d.relative_to(ROOT)}: edition directories are named by year")
        editions.append(read_edition(d))
    if not editions:
        raise CatalogError(f"no editions under {STD_DIR.relative_to(ROOT)}")
    return editions


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def cxx_string(s: str) -> str:
    # Catalog text is UTF-8 and free of quotes/backslashes/control characters
    # (checked here); it is emitted verbatim so that the header stays readable.
    if any(c in s for c in '"\\') or any(ord(c) < 0x20 for c in s):
        raise CatalogError(f"unsupported character in {s!r}")
    return f'"{s}"'


def cxx_flags(bits: int) -> str:
    names = [FLAG_CXX[f] for f, b in FLAG_BITS.items() if bits & (1 << b)]
    return " | ".join(names) if names else "0"


def cxx_units(bits: int) -> str:
    if bits == ALL_UNITS:
        return "unit_all"
    return " | ".join(UNIT_CXX[u] for u, b in UNIT_BITS.items() if bits & (1 << b))


def render(editions: list[Edition]) -> str:
    years = ", ".join(str(e.year) for e in editions)
    out: list[str] = []
    w = out.append
    w("// yusuan/catalog/data.hpp -- GENERATED FILE, DO NOT EDIT.")
    w("//")
    w("// Generated by scripts/gen-catalog.py from budgets/std/<year>/*.catalog")
    w("// (the source of truth).  To change the catalog, edit those files and run")
    w("//     python3 scripts/gen-catalog.py")
    w("// then commit both.  Use <yusuan/catalog.hpp>; these are its raw tables.")
    w(f"// Editions: {years}.")
    w("#pragma once")
    w("")
    w("#include <array>")
    w("#include <cstdint>")
    w("#include <span>")
    w("#include <string_view>")
    w("")
    w("namespace yusuan::catalog_data {")
    w("")
    w('static_assert(std::string_view("分类").size() == 6,')
    w('              "yusuan catalog: compile with a UTF-8 execution character set");')
    w("")
    w("// Confirmation flag bits (order of yusuan::confirmation).")
    for letter, bit in FLAG_BITS.items():
        w(f"inline constexpr std::uint8_t {FLAG_CXX[letter]} = {1 << bit};  // [{letter}]")
    w("// Unit type bits (order of yusuan::unit_type).")
    for unit, bit in UNIT_BITS.items():
        w(f"inline constexpr std::uint8_t {UNIT_CXX[unit]} = {1 << bit};  // {unit}")
    w(f"inline constexpr std::uint8_t unit_all = {ALL_UNITS};")
    w("")
    w("struct entry {")
    w("  std::string_view code;  // digits, 3 (类) / 5 (款) / 7 (项)")
    w("  std::string_view name;")
    w("  std::uint8_t flags;     // flag_* bits")
    w("  bool complete;          // every child is in the catalog")
    w("};")
    w("struct rename {")
    w("  std::string_view code;")
    w("  std::string_view old_name;")
    w("  int valid_until;        // old_name was in force up to and including this year")
    w("  std::uint8_t flags;")
    w("};")
    w("struct mapping {")
    w("  std::string_view dept_code;  // 部门预算支出经济分类 款")
    w("  std::string_view gov_code;   // 政府预算支出经济分类 款")
    w("  std::uint8_t unit_types;     // unit_* bits")
    w("  std::uint8_t flags;")
    w("};")
    w("struct family_table {")
    w("  std::span<const entry> entries;    // sorted by code (byte order)")
    w("  std::span<const rename> renames;   // sorted by code, then valid_until")
    w("  bool classes_complete;             // every 类 is listed")
    w("};")
    w("struct edition {")
    w("  int year;")
    w("  std::array<family_table, 3> families;  // function, econ, gov_econ")
    w("  std::span<const mapping> mappings;     // sorted by dept_code, then gov_code")
    w("};")

    for ed in editions:
        for key, (_, stem, _) in FAMILIES.items():
            table = ed.families[key]
            entries = [table.entries[c] for c in sorted(table.entries)]
            w("")
            w(f"// {ed.year} {stem}: {len(entries)} entries")
            w(f"inline constexpr std::array<entry, {len(entries)}> {stem}_{ed.year}{{{{")
            for e in entries:
                w(f"    {{{cxx_string(e.code)}, {cxx_string(e.name)}, {cxx_flags(e.flags)}, "
                  f"{'true' if e.complete else 'false'}}},")
            w("}};")
            renames = sorted(table.renames, key=lambda r: (r.code, r.until))
            w(f"inline constexpr std::array<rename, {len(renames)}> {stem}_renames_{ed.year}{{{{")
            for r in renames:
                w(f"    {{{cxx_string(r.code)}, {cxx_string(r.old_name)}, {r.until}, {cxx_flags(r.flags)}}},")
            w("}};")
        w("")
        w(f"// {ed.year} 部门 → 政府 economic mapping: {len(ed.mappings)} lines")
        w(f"inline constexpr std::array<mapping, {len(ed.mappings)}> mapping_{ed.year}{{{{")
        for m in ed.mappings:
            w(f"    {{{cxx_string(m.dept)}, {cxx_string(m.gov)}, {cxx_units(m.units)}, {cxx_flags(m.flags)}}},")
        w("}};")

    w("")
    w("// Every edition, by year.")
    w(f"inline constexpr std::array<edition, {len(editions)}> editions{{{{")
    for ed in editions:
        w(f"    {{{ed.year},")
        w("     {{")
        for key, (_, stem, _) in FAMILIES.items():
            cc = "true" if ed.families[key].classes_complete else "false"
            w(f"         {{{stem}_{ed.year}, {stem}_renames_{ed.year}, {cc}}},")
        w("     }},")
        w(f"     mapping_{ed.year}}},")
    w("}};")
    w("")
    w("}  // namespace yusuan::catalog_data")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the header is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="header to write")
    args = parser.parse_args(argv)
    try:
        editions = read_all()
        text = render(editions)
    except CatalogError as error:
        print(f"gen-catalog: error: {error}", file=sys.stderr)
        return 2
    current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
    if args.check:
        if current != text:
            print(f"gen-catalog: {args.output} is out of date; run scripts/gen-catalog.py",
                  file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.write_text(text, encoding="utf-8", newline="\n")
    for ed in editions:
        counts = ", ".join(f"{k} {len(ed.families[k].entries)}" for k in FAMILIES)
        print(f"gen-catalog: {ed.year}: {counts}, mapping {len(ed.mappings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
