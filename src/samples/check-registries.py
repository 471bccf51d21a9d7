#!/usr/bin/env python3
"""Checks the sample registry sheets and the import fixtures (stdlib + soffice).

- CSV: decoded strictly in the encoding each file is meant to have (BOM present / absent as meant);
- XLSX/XLS: converted by LibreOffice to CSV and read back (so the check sees what a spreadsheet shows);
- headings: every column but «№ п/п» maps to a field of index-config/registries.json through its aliases;
- values: required fields present, dates real, enums known, ИНН/ОГРН check digits, https URLs, distinct keys;
- WORLD.md: the 8 organisations and the 5 experts appear exactly as there;
- fixtures: the errors found are exactly the ones the fixture README promises.
Usage: python3 src/samples/check-registries.py
"""
import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "sample-docs", "registries")
FIX = os.path.join(ROOT, "src", "test", "resources", "registries")
SPEC = {r["name"]: r for r in json.load(open(os.path.join(ROOT, "index-config", "registries.json"), encoding="utf-8"))["registries"]}
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def inn_ok(s):
    w = [2, 4, 10, 3, 5, 9, 4, 6, 8]
    return bool(re.fullmatch(r"\d{10}", s)) and sum(int(a) * b for a, b in zip(s, w)) % 11 % 10 == int(s[9])


def ogrn_ok(s):
    return bool(re.fullmatch(r"\d{13}", s)) and int(s[:12]) % 11 % 10 == int(s[12])


def date_of(s):
    m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", s)
    try:
        if m:
            return datetime.date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2}) (\S+) (\d{4}) г\.", s)
        if m and m[2] in MONTHS:
            return datetime.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
    except ValueError:
        return None
    return None


def read_csv_strict(path, encoding, bom, delimiter):
    raw = open(path, "rb").read()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if has_bom != bom:
        fail(f"{path}: BOM {'missing' if bom else 'present'}")
    text = raw[3:].decode(encoding, errors="strict") if has_bom else raw.decode(encoding, errors="strict")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def read_sheet(path, tmp):
    """XLSX/XLS -> CSV (UTF-8, «;», text as shown) by LibreOffice, read back."""
    base = os.path.splitext(os.path.basename(path))[0]
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true", "--outdir", tmp, path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return list(csv.reader(open(os.path.join(tmp, base + ".csv"), encoding="utf-8", errors="strict", newline=""), delimiter=";"))


def norm(h):
    return " ".join(h.lower().replace("ё", "е").split())


def map_header(reg, rows):
    """Finds the header row (the first row whose cells mostly map to fields); returns (index, {col: field})."""
    spec = SPEC[reg]
    alias = {}
    for f in spec["fields"]:
        for a in f["aliases"] + [f["label"]]:
            alias[norm(a)] = f["name"]
    for i, row in enumerate(rows[:5]):
        cols = {c: alias.get(norm(h)) for c, h in enumerate(row) if h.strip()}
        if sum(1 for v in cols.values() if v) >= 2:
            for c, h in enumerate(row):
                if h.strip() and not cols.get(c) and norm(h) != "№ п/п":
                    fail(f"{reg}: heading «{h}» matches no alias")
            return i, {c: f for c, f in cols.items() if f}
    fail(f"{reg}: no header row")
    return 0, {}


def validate(reg, rows, path):
    """Returns ({row number: [problems]}, records); row numbers 1-based as in the sheet."""
    spec = SPEC[reg]
    fields = {f["name"]: f for f in spec["fields"]}
    hi, cols = map_header(reg, rows)
    problems, records, keys = {}, [], set()
    for i in range(hi + 1, len(rows)):
        row = rows[i]
        if not any(c.strip() for c in row):
            continue
        rec = {f: (row[c].strip() if c < len(row) else "") for c, f in cols.items()}
        n = i + 1
        errs = []
        for name, f in fields.items():
            v = rec.get(name, "")
            if not v:
                if f.get("required"):
                    errs.append(f"{name}: required")
                continue
            t = f["type"]
            if t == "date" and not date_of(v):
                errs.append(f"{name}: bad date {v}")
            elif t in ("enum", "status") and v not in f["values"]:
                errs.append(f"{name}: unknown value {v}")
            elif t == "inn" and not inn_ok(v):
                errs.append(f"{name}: bad ИНН {v}")
            elif t == "ogrn" and not ogrn_ok(v):
                errs.append(f"{name}: bad ОГРН {v}")
            elif t == "url" and not re.fullmatch(r"https?://[\w.-]+\.[a-z]{2,}(/\S*)?", v):
                errs.append(f"{name}: not a URL {v}")
            elif t == "int":
                if not re.fullmatch(r"\d+", v):
                    errs.append(f"{name}: not an integer {v}")
                elif ("min" in f and int(v) < f["min"]) or ("max" in f and int(v) > f["max"]):
                    errs.append(f"{name}: out of range {v}")
            elif t == "pseudonym" and not re.fullmatch(r"У-\d{4}-\d{4}", v):
                errs.append(f"{name}: not a pseudonym code {v}")
        k = rec.get(spec["key"], "")
        if k and k in keys:
            errs.append(f"duplicate key {k}")
        keys.add(k)
        if errs:
            problems[n] = errs
        records.append((n, rec))
    return problems, records


def world():
    text = open(os.path.join(ROOT, "src", "samples", "WORLD.md"), encoding="utf-8").read()
    orgs, experts = [], []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| org-"):
            orgs.append(dict(zip(["id", "fullName", "shortName", "type", "municipality", "inn", "head"], cells)))
        elif line.startswith("| Э-"):
            experts.append(dict(zip(["registryNumber", "fullName", "organisation", "position", "category", "areas"], cells)))
    return orgs, experts


def main():
    tmp = tempfile.mkdtemp(prefix="check-registries.")
    samples = {
        "organisations": ("organisations.xlsx", None), "experts": ("experts.xlsx", None),
        "programmes": ("programmes.xlsx", None), "student-kim": ("student-kim.xlsx", None),
        "staff-materials": ("staff-materials.xlsx", None), "achievements": ("achievements.xls", None),
        "websites": ("websites.csv", ("cp1251", False, ";")), "events": ("events.csv", ("utf-8", True, ";")),
        "providers": ("providers.csv", ("utf-8", False, ",")), "assessment-orgs": ("assessment-orgs.csv", ("utf-8", False, ";")),
    }
    data = {}
    for reg, (name, enc) in samples.items():
        path = os.path.join(OUT, name)
        rows = read_csv_strict(path, *enc) if enc else read_sheet(path, tmp)
        problems, records = validate(reg, rows, path)
        for n, errs in problems.items():
            fail(f"{name} row {n}: {errs}")
        data[reg] = records
        print(f"{len(records):4d} rows  {name}")

    # cross checks
    orgs = {r["shortName"]: r for _, r in data["organisations"]}
    inns = [r["inn"] for _, r in data["organisations"]]
    if len(set(inns)) != len(inns):
        fail("organisations: duplicate ИНН")
    muns = {r["municipality"] for r in orgs.values()}
    for m in ["Кемеровский городской округ", "Новокузнецкий городской округ", "Мариинский муниципальный округ"]:
        if m not in muns:
            fail(f"organisations: no {m}")
    w_orgs, w_experts = world()
    for w in w_orgs:
        r = orgs.get(w["shortName"])
        if not r:
            fail(f"WORLD org {w['shortName']} missing")
            continue
        for f in ["fullName", "type", "municipality", "inn", "head"]:
            if r[f] != w[f]:
                fail(f"WORLD org {w['shortName']}: {f} «{r[f]}» ≠ «{w[f]}»")
    exps = {r["registryNumber"]: r for _, r in data["experts"]}
    short = {"КРИПКиПРО", "РЦМКО"}
    for w in w_experts:
        r = exps.get(w["registryNumber"])
        if not r:
            fail(f"WORLD expert {w['registryNumber']} missing")
            continue
        for f in ["fullName", "organisation", "position", "areas"]:
            if r[f] != w[f]:
                fail(f"WORLD expert {w['registryNumber']}: {f} «{r[f]}» ≠ «{w[f]}»")
        if w["category"] != "—" and r["category"] != w["category"]:
            fail(f"WORLD expert {w['registryNumber']}: category")
    for _, r in data["experts"]:
        if r["organisation"] not in orgs and r["organisation"] not in short:
            fail(f"expert {r['registryNumber']}: organisation «{r['organisation']}» not in organisations")
    excluded = [r for _, r in data["experts"] if r["status"] == "исключён"]
    if len(excluded) != 2 or not all(r.get("statusDate") for r in excluded):
        fail("experts: expected two excluded experts with a date")
    for _, r in data["websites"]:
        if r["organisation"] not in orgs:
            fail(f"websites: «{r['organisation']}» not in organisations")
        if r["url"] != orgs.get(r["organisation"], {}).get("website"):
            fail(f"websites: url of {r['organisation']} differs from organisations")
        if not 0 <= int(r["sections"]) <= 14:
            fail("websites: sections out of 14")
    if len(data["websites"]) != len(orgs):
        fail("websites: not one per organisation")
    for _, r in data["achievements"]:
        if r["organisation"] not in orgs:
            fail(f"achievements: «{r['organisation']}» not in organisations")
    prov = {r["name"] for _, r in data["providers"]}
    for _, r in data["programmes"]:
        if r["provider"] not in prov:
            fail(f"programmes: provider «{r['provider']}» not in providers")
        until = date_of(r["validUntil"])
        if until < datetime.date(2025, 9, 1) and r["status"] != "исключён":
            fail(f"programmes: {r['certificateNumber']} expired but {r['status']}")
        if until >= datetime.date(2025, 9, 1) and r["status"] != "действует":
            fail(f"programmes: {r['certificateNumber']} valid but {r['status']}")
    for _, r in data["student-kim"]:
        g = int(r["grade"])
        if not 4 <= g <= 11 or r["level"] != ("НОО" if g <= 4 else "ООО" if g <= 9 else "СОО"):
            fail(f"student-kim: {r['code']} grade/level")

    # fixtures
    expect = {
        ("experts", "experts-dirty.csv", ("utf-8", False, ";")): {3: "includedOn", 5: "fullName", 6: "category"},
        ("organisations", "organisations-dirty.xlsx", None): {4: "inn", 5: "ogrn", 7: "website"},
        ("experts", "experts-update.xlsx", None): {},
        ("experts", "experts-1251.csv", ("cp1251", False, ";")): {},
    }
    for (reg, name, enc), want in expect.items():
        path = os.path.join(FIX, name)
        rows = read_csv_strict(path, *enc) if enc else read_sheet(path, tmp)
        problems, records = validate(reg, rows, path)
        got = {n: [e.split(":")[0] for e in errs] for n, errs in problems.items()}
        if got != {n: [f] for n, f in want.items()}:
            fail(f"{name}: problems {problems} ≠ expected {want}")
        print(f"{len(records):4d} rows  {name}  problems: {problems}")
        if name == "experts-update.xlsx":
            old = {r["registryNumber"]: r for _, r in data["experts"]}
            new = {r["registryNumber"]: r for _, r in records}
            added, gone = set(new) - set(old), set(old) - set(new)
            changed = [(k, f) for k in set(old) & set(new) for f in old[k] if old[k][f] != new[k].get(f)]
            print(f"      added {sorted(added)}, withdrawn {sorted(gone)}, changed {changed}")
            if len(added) != 1 or len(gone) != 1 or len(changed) != 1 or changed[0][1] != "position":
                fail("experts-update.xlsx: expected one added, one withdrawn, one position changed")
            if rows[:2] != read_sheet(os.path.join(OUT, "experts.xlsx"), tmp)[:2]:
                fail("experts-update.xlsx: title rows differ")
        if name == "experts-1251.csv":
            for _, r in records:
                if r != {k: v for k, v in exps[r["registryNumber"]].items() if k in r}:
                    fail(f"experts-1251.csv: {r['registryNumber']} differs from the sample")
    print("OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
