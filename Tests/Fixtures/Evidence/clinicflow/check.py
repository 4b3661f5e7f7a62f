#!/usr/bin/env python3
"""Checks the ClinicFlow evidence set: files parse, every label points at something that
exists, every feedback item is labelled exactly once as linked or unlinked, and the counts
written in README.md match the labels. Run: python3 check.py  (exit code 1 on a problem)."""
import collections
import csv
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def fail(msg):
    problems.append(msg)


def read_csv(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    for i, r in enumerate(body, start=2):
        if len(r) != len(header):
            fail(f"{name}: line {i} has {len(r)} fields, header has {len(header)}")
    return header, [dict(zip(header, r)) for r in body]


# ---------------------------------------------------------------- backlog.csv (Azure DevOps query export)
bh, backlog = read_csv("backlog.csv")
expected_bh = ["ID", "Work Item Type", "Title", "State", "Effort", "Tags", "Description", "Area Path", "Iteration Path"]
if bh != expected_bh:
    fail(f"backlog.csv header {bh} != {expected_bh}")
keys = [b["ID"] for b in backlog]
if len(set(keys)) != len(keys):
    fail("backlog.csv: duplicate IDs")
if not 12 <= len(keys) <= 14:
    fail(f"backlog.csv: {len(keys)} items, want 12-14")
for b in backlog:
    if not re.fullmatch(r"\d{4,6}", b["ID"]):
        fail(f"backlog.csv: ID {b['ID']!r} is not a work item number")
    if b["State"] not in {"New", "Approved", "Committed", "Done", "Removed"}:
        fail(f"backlog.csv: {b['ID']} has state {b['State']!r} outside the Scrum process")
    if not b["Effort"].isdigit():
        fail(f"backlog.csv: {b['ID']} has no effort")
    n = len(re.findall(r"[.!?](\s|$)", b["Description"]))
    if not 1 <= n <= 6:
        fail(f"backlog.csv: {b['ID']} description has {n} sentences")
if not any(b["State"] == "Done" for b in backlog):
    fail("backlog.csv: no Done item")
titles = {b["ID"]: b["Title"] for b in backlog}

# ---------------------------------------------------------------- feedback.csv (Intercom conversations export)
fh, feedback = read_csv("feedback.csv")
for col in ["Conversation ID", "Conversation rating remark", "Conversation started at (America/Chicago)",
            "User name", "Company plan", "Conversation tag", "Conversation rating"]:
    if col not in fh:
        fail(f"feedback.csv: missing column {col!r}")
text_cols = [c for c in fh if c in {"Conversation rating remark", "Last teammate rating remark", "AI Issue summary",
                                    "Title", "Conversation body", "First message", "source.body"}]
if text_cols != ["Conversation rating remark"]:
    fail(f"feedback.csv: exactly one text column expected, found {text_cols}")
ids = [r["Conversation ID"] for r in feedback]
if len(set(ids)) != len(ids):
    fail("feedback.csv: duplicate Conversation IDs")
if not 280 <= len(ids) <= 340:
    fail(f"feedback.csv: {len(ids)} items, want 280-340")
texts = {r["Conversation ID"]: r["Conversation rating remark"] for r in feedback}
for i, t in texts.items():
    if not t.strip():
        fail(f"feedback.csv: {i} has no text")
if len({t.strip().lower() for t in texts.values()}) != len(texts):
    fail("feedback.csv: two items have the same text")
dates = [dt.datetime.strptime(r["Conversation started at (America/Chicago)"], "%Y-%m-%d %H:%M:%S") for r in feedback]
span = (max(dates) - min(dates)).days
if min(dates).year != 2026 or max(dates).year != 2026 or not 100 <= span <= 120:
    fail(f"feedback.csv: dates span {min(dates)} .. {max(dates)} ({span} days), want about 16 weeks of 2026")
for r in feedback:
    if r["Conversation rating"] and not 1 <= int(r["Conversation rating"]) <= 5:
        fail(f"feedback.csv: {r['Conversation ID']} rating out of 1-5")
    for k in keys:  # a tracker key inside a remark would be a give-away
        if k in r["Conversation rating remark"]:
            fail(f"feedback.csv: {r['Conversation ID']} mentions {k}")

# ---------------------------------------------------------------- labels.json
labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
links, unlinked = labels["links"], labels["unlinked"]
linked_ids = {l["feedback"] for l in links}
pairs = collections.Counter((l["feedback"], l["backlog"]) for l in links)
for (f, b), n in pairs.items():
    if n > 1:
        fail(f"labels.json: {f} -> {b} listed {n} times")
for l in links:
    if l["feedback"] not in texts:
        fail(f"labels.json: unknown feedback {l['feedback']}")
    if l["backlog"] not in titles:
        fail(f"labels.json: unknown backlog key {l['backlog']}")
    if l["kind"] not in ("demand", "validation"):
        fail(f"labels.json: bad kind {l['kind']!r}")
for u in unlinked:
    if u not in texts:
        fail(f"labels.json: unknown unlinked feedback {u}")
if len(set(unlinked)) != len(unlinked):
    fail("labels.json: an id is listed twice in unlinked")
both = linked_ids & set(unlinked)
if both:
    fail(f"labels.json: linked and unlinked at once: {sorted(both)}")
missing = set(texts) - linked_ids - set(unlinked)
if missing:
    fail(f"labels.json: {len(missing)} feedback items not labelled, e.g. {sorted(missing)[:3]}")

count = {k: collections.Counter() for k in keys}
for l in links:
    count[l["backlog"]][l["kind"]] += 1
totals = {k: sum(c.values()) for k, c in count.items()}
big = [k for k, n in totals.items() if 40 <= n <= 70]
mid = [k for k, n in totals.items() if 8 <= n <= 25]
small = [k for k, n in totals.items() if 1 <= n <= 4]
none = [k for k, n in totals.items() if n == 0]
if not (2 <= len(big) <= 3 and len(mid) >= 3 and 2 <= len(small) <= 3 and 1 <= len(none) <= 2):
    fail(f"theme sizes off: big {big}, mid {mid}, small {small}, none {none}")
share_unlinked = len(unlinked) / len(texts)
if not 0.2 <= share_unlinked <= 0.32:
    fail(f"unlinked share {share_unlinked:.0%}, want about 25%")

# At most a third of an item's linked feedback may share a content word with its title.
STOP = set("""the and for with from into that this then than are was were has have had not but our your you they them
their its it's can could would should will just like get got all any out off over per via one two new use""".split())


def words(s):
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w
            for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) >= 3 and w not in STOP}


overlap = {}
for k in keys:
    linked = [l["feedback"] for l in links if l["backlog"] == k]
    if not linked:
        continue
    tw = words(titles[k])
    n = sum(1 for f in linked if words(texts[f]) & tw)
    overlap[k] = (n, len(linked))
    if n * 3 > len(linked):
        fail(f"{k}: {n} of {len(linked)} linked items share a word with the title {titles[k]!r}")

# ---------------------------------------------------------------- stakeholders.json
st = json.load(open(os.path.join(HERE, "stakeholders.json"), encoding="utf-8"))
people = st["stakeholders"]
names = {p["name"] for p in people}
if not 5 <= len(people) <= 6:
    fail(f"stakeholders.json: {len(people)} stakeholders, want 5-6")
for p in people:
    for fld in ("name", "role", "influence", "interest", "notes"):
        if fld not in p:
            fail(f"stakeholders.json: {p.get('name')} lacks {fld}")
    if not (1 <= p["influence"] <= 5 and 1 <= p["interest"] <= 5):
        fail(f"stakeholders.json: {p['name']} influence/interest out of 1-5")
    n = len(re.findall(r"[.!?](\s|$)", p["notes"]))
    if not 3 <= n <= 6:
        fail(f"stakeholders.json: {p['name']} notes have {n} sentences, want 3-6")
for pos in st["positions"]:
    if pos["stakeholder"] not in names:
        fail(f"stakeholders.json: position by unknown {pos['stakeholder']}")
    if pos["backlog"] not in titles:
        fail(f"stakeholders.json: position on unknown item {pos['backlog']}")
    if pos["position"] not in ("for", "against", "asks", "worries"):
        fail(f"stakeholders.json: bad position {pos['position']!r}")
conflicts = [p for p in st["positions"] if p["position"] == "against" and count[p["backlog"]]["demand"] >= 10]
if not conflicts:
    fail("stakeholders.json: no stakeholder against an item customers demand")

# ---------------------------------------------------------------- questions.json
qs = json.load(open(os.path.join(HERE, "questions.json"), encoding="utf-8"))
if len(qs) != 8:
    fail(f"questions.json: {len(qs)} questions, want 8")
if sum(1 for q in qs if not q["answerable"]) < 3:
    fail("questions.json: fewer than 3 unanswerable questions")
for q in qs:
    for ref in q["expected"]:
        if ref not in texts and ref not in titles and ref not in names:
            fail(f"questions.json: {q['question'][:40]}... expects unknown {ref!r}")
    if q["answerable"] and not q["expected"]:
        fail(f"questions.json: answerable question without expected sources: {q['question']}")
    if not q["answerable"] and q["expected"]:
        fail(f"questions.json: unanswerable question with expected sources: {q['question']}")

# ---------------------------------------------------------------- README.md counts
readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read()
seen = set()
for m in re.finditer(r"^\|\s*(\d{4})\s*\|[^|\n]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|", readme, re.M):
    k, d, v, t = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
    seen.add(k)
    if k not in count:
        fail(f"README.md: unknown item {k}")
    elif (d, v, t) != (count[k]["demand"], count[k]["validation"], totals[k]):
        fail(f"README.md: {k} says {d}/{v}/{t}, labels give {count[k]['demand']}/{count[k]['validation']}/{totals[k]}")
if seen != set(keys):
    fail(f"README.md: count table lacks {sorted(set(keys) - seen)}")


def readme_number(label):
    m = re.search(r"\*\*" + label + r":\*\*\s*(\d+)", readme)
    return int(m.group(1)) if m else None


expect = {
    "Feedback items": len(texts),
    "Linked feedback items": len(linked_ids),
    "Links": len(links),
    "Demand links": sum(c["demand"] for c in count.values()),
    "Validation links": sum(c["validation"] for c in count.values()),
    "Items linked to two backlog items": sum(1 for f in linked_ids if sum(1 for l in links if l["feedback"] == f) == 2),
    "Unlinked": len(unlinked),
}
for label, value in expect.items():
    got = readme_number(label)
    if got != value:
        fail(f"README.md: '{label}' says {got}, data gives {value}")

# ---------------------------------------------------------------- report
print(f"{len(texts)} feedback, {len(keys)} backlog items, {len(links)} links, {len(unlinked)} unlinked ({share_unlinked:.0%})")
for k in keys:
    n, m = overlap.get(k, (0, 0))
    print(f"  {k}  demand {count[k]['demand']:3}  validation {count[k]['validation']:2}  "
          f"title-word overlap {n}/{m}  {titles[k]}")
if problems:
    print("\nPROBLEMS:")
    for p in problems:
        print("  - " + p)
    sys.exit(1)
print("OK")
