#!/usr/bin/env python3
"""Consistency checks for the Ledgerly evidence set. Run: python3 check.py (from any folder).

Checks: both CSVs parse with the csv module and carry the export headers; feedback ids are
unique; every id in labels.json exists and is either linked or unlinked (never both, never
neither); every backlog key named anywhere exists; the counts in README.md match labels.json;
the size mix the set promises (big, mid, small and empty themes; about 25% unlinked); at most a
third of an item's linked feedback shares a content word with the item's title; stakeholders
and questions point at things that exist.
"""
import csv, json, os, re, sys
from collections import Counter, defaultdict
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def fail(msg): errors.append(msg)
def path(name): return os.path.join(HERE, name)

# ---- backlog.csv: Jira CSV export
JIRA = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Description",
        "Custom field (Story Points)", "Labels", "Labels", "Sprint", "Parent", "Created", "Updated"]
with open(path("backlog.csv"), newline="", encoding="utf-8") as fh:
    rows = list(csv.reader(fh))
header, body = rows[0], rows[1:]
if header != JIRA: fail(f"backlog.csv header {header} != {JIRA}")
backlog = {}
for n, r in enumerate(body, 2):
    if len(r) != len(header): fail(f"backlog.csv line {n}: {len(r)} fields"); continue
    rec = dict(zip(header, r))  # the second Labels wins here; fine for the checks below
    if not re.fullmatch(r"LED-\d+", rec["Issue key"]): fail(f"backlog.csv line {n}: key {rec['Issue key']}")
    if rec["Issue key"] in backlog: fail(f"backlog.csv: duplicate key {rec['Issue key']}")
    if not rec["Description"].strip() or not rec["Summary"].strip(): fail(f"backlog.csv line {n}: empty summary/description")
    datetime.strptime(rec["Created"], "%d/%b/%y %I:%M %p"); datetime.strptime(rec["Updated"], "%d/%b/%y %I:%M %p")
    backlog[rec["Issue key"]] = rec
if not 12 <= len(backlog) <= 14: fail(f"backlog has {len(backlog)} items, want 12-14")
if not any(b["Status"] == "Done" for b in backlog.values()): fail("no done item")

# ---- feedback.csv: Zendesk CSV ticket export
ZENDESK_SIGNATURE = ["Requester", "Subject", "Via", "Ticket type"]  # what Podium recognises (KnownFormats.zendeskCSV)
with open(path("feedback.csv"), newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    fcols = reader.fieldnames
    feedback = list(reader)
for c in ZENDESK_SIGNATURE + ["Id", "Created at", "Tags", "Organization"]:
    if c not in fcols: fail(f"feedback.csv lacks column {c}")
ids = [f["Id"] for f in feedback]
if len(ids) != len(set(ids)): fail("feedback ids are not unique")
text = {f["Id"]: f["Subject"] for f in feedback}
if any(not t.strip() for t in text.values()): fail("feedback with empty Subject")
if not 300 <= len(feedback) <= 360: fail(f"{len(feedback)} feedback items, want 300-360")
dates = [datetime.strptime(f["Created at"], "%Y-%m-%d %H:%M:%S %z") for f in feedback]
span = (max(dates) - min(dates)).days
if not (min(dates).year == max(dates).year == 2026 and 100 <= span <= 118): fail(f"dates span {span} days")
if len({t.strip().lower() for t in text.values()}) != len(text): fail("two feedback items have the same text")

# ---- labels.json
labels = json.load(open(path("labels.json"), encoding="utf-8"))
linked = defaultdict(list)  # key -> [(id, kind)]
seen_pairs = set()
for l in labels["links"]:
    if l["feedback"] not in text: fail(f"label names unknown feedback {l['feedback']}")
    if l["backlog"] not in backlog: fail(f"label names unknown backlog key {l['backlog']}")
    if l["kind"] not in ("demand", "validation"): fail(f"bad kind {l['kind']}")
    if (l["feedback"], l["backlog"]) in seen_pairs: fail(f"duplicate link {l}")
    seen_pairs.add((l["feedback"], l["backlog"]))
    linked[l["backlog"]].append((l["feedback"], l["kind"]))
linked_ids = {l["feedback"] for l in labels["links"]}
unlinked = labels["unlinked"]
if len(unlinked) != len(set(unlinked)): fail("an id is listed twice in unlinked")
for i in unlinked:
    if i not in text: fail(f"unlinked names unknown feedback {i}")
both = linked_ids & set(unlinked)
if both: fail(f"linked and unlinked: {sorted(both)}")
missing = set(text) - linked_ids - set(unlinked)
if missing: fail(f"feedback in neither links nor unlinked: {sorted(missing)}")
share = len(unlinked) / len(text)
if not 0.2 <= share <= 0.3: fail(f"unlinked share {share:.0%}, want about 25%")

# the size mix: 2-3 big themes, several mid, 2-3 small, 1-2 without feedback
sizes = {k: len(linked.get(k, [])) for k in backlog}
big = [k for k, n in sizes.items() if 40 <= n <= 70]; mid = [k for k, n in sizes.items() if 8 <= n <= 25]
small = [k for k, n in sizes.items() if 1 <= n <= 4]; empty = [k for k, n in sizes.items() if n == 0]
if not (2 <= len(big) <= 3 and len(mid) >= 4 and 2 <= len(small) <= 3 and 1 <= len(empty) <= 2
        and len(big) + len(mid) + len(small) + len(empty) == len(backlog)):
    fail(f"size mix off: {sizes}")

# ---- counts in README.md
readme = open(path("README.md"), encoding="utf-8").read()
for m in re.finditer(r"^\| (LED-\d+) \|[^|]*\| (\d+) \| (\d+) \| (\d+) \|", readme, re.M):
    k, d, v, t = m.group(1), *map(int, m.groups()[1:])
    c = Counter(kind for _, kind in linked.get(k, []))
    if (d, v, t) != (c["demand"], c["validation"], d + v) or t != sizes.get(k):
        fail(f"README counts for {k}: {d}/{v}/{t}, labels say {c['demand']}/{c['validation']}/{sizes.get(k)}")
rows_in_readme = set(re.findall(r"^\| (LED-\d+) \|", readme, re.M))
if rows_in_readme != set(backlog): fail(f"README table keys {sorted(rows_in_readme)} != backlog keys")
def readme_number(label):
    m = re.search(label + r"\D*(\d+)", readme)
    return int(m.group(1)) if m else None
for label, value in [("Feedback items", len(text)), ("Unlinked", len(unlinked)), ("Links", len(labels["links"])),
                     ("Linked feedback items", len(linked_ids)), ("Two-item links", sum(1 for i in linked_ids if sum(1 for l in labels["links"] if l["feedback"] == i) > 1))]:
    if readme_number(r"\*\*" + label + r"\*\*") != value: fail(f"README '{label}' != {value}")

# ---- wording: at most a third of an item's linked feedback shares a content word with its title
STOP = set("""a an the and or but if then of on in at to for from by with without into over under per via vs as is are was
be been it its this that these those my our your their i we you he she they me us them not no only all any each every
re v1 v2 + -""".split())
def stem(w):
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3: return w[: -len(suf)]
    return w
def words(s):
    return {stem(w) for w in re.findall(r"[a-zäöüßéèàç0-9]+", s.lower()) if w not in STOP and len(w) > 1}
def shares(a, b):
    return any(x == y or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5]) for x in a for y in b)
overlap = {}
for k, items in linked.items():
    if k not in backlog: continue
    tw = words(backlog[k]["Summary"])
    n = sum(1 for i, _ in items if shares(tw, words(text[i])))
    overlap[k] = (n, len(items))
    if n * 3 > len(items): fail(f"{k}: {n}/{len(items)} linked feedback share a title word (max a third)")

# ---- stakeholders.json
sh = json.load(open(path("stakeholders.json"), encoding="utf-8"))
people = sh["stakeholders"]; names = {p["name"] for p in people}
if not 5 <= len(people) <= 6: fail(f"{len(people)} stakeholders")
for p in people:
    for f in ("name", "role", "influence", "interest", "notes"):
        if f not in p: fail(f"stakeholder {p.get('name')} lacks {f}")
    if not (1 <= p["influence"] <= 5 and 1 <= p["interest"] <= 5): fail(f"{p['name']}: influence/interest out of 1-5")
for pos in sh["positions"]:
    if pos["stakeholder"] not in names: fail(f"position names unknown stakeholder {pos['stakeholder']}")
    if pos["backlog"] not in backlog: fail(f"position names unknown key {pos['backlog']}")
    if pos["position"] not in ("for", "against", "asks", "worries"): fail(f"bad position {pos['position']}")
if not any(p["position"] == "against" and sizes.get(p["backlog"], 0) >= 8 for p in sh["positions"]):
    fail("no stakeholder is against an item customers demand")

# ---- questions.json
qs = json.load(open(path("questions.json"), encoding="utf-8"))
if len(qs) != 8: fail(f"{len(qs)} questions, want 8")
if sum(1 for q in qs if not q["answerable"]) < 3: fail("fewer than 3 unanswerable questions")
for q in qs:
    for e in q["expected"]:
        if e not in text and e not in backlog and e not in names: fail(f"question expects unknown {e!r}")
    if q["answerable"] and not q["expected"]: fail(f"answerable question with nothing expected: {q['question']}")

# ---- report
print(f"{len(backlog)} backlog items, {len(text)} feedback, {len(labels['links'])} links on {len(linked_ids)} items, "
      f"{len(unlinked)} unlinked ({share:.0%}), {len(people)} stakeholders, {len(qs)} questions")
for k in backlog:
    c = Counter(kind for _, kind in linked.get(k, []))
    n, t = overlap.get(k, (0, 0))
    print(f"  {k}  demand {c['demand']:>2}  validation {c['validation']:>2}  title-word overlap {n}/{t}  {backlog[k]['Summary']}")
if errors:
    print("\nFAILED:"); [print("  -", e) for e in errors]; sys.exit(1)
print("OK")
