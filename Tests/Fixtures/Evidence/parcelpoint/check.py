#!/usr/bin/env python3
"""Checks the Parcelpoint evidence set: the files parse, every id in the labels,
questions and stakeholders exists, no post is both linked and unlinked, and the
counts in README.md match the labels. Run: python3 check.py"""
import csv, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []

def err(msg):
    errors.append(msg)

def load_json(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)

# --- feedback.csv: Canny posts
CANNY = ["Post ID", "Title", "Details", "Author Name", "Author Email", "Company", "Board", "Status", "Votes", "Created", "URL"]
with open(os.path.join(HERE, "feedback.csv"), encoding="utf-8", newline="") as f:
    reader = csv.DictReader(f)
    header = reader.fieldnames
    posts = list(reader)
if header != CANNY:
    err(f"feedback.csv header {header} != {CANNY}")
ids = [p["Post ID"] for p in posts]
if len(set(ids)) != len(ids):
    err("duplicate Post IDs: " + ", ".join(i for i, n in Counter(ids).items() if n > 1))
urls = [p["URL"] for p in posts]
if len(set(urls)) != len(urls):
    err("duplicate URLs")
for p in posts:
    if not re.fullmatch(r"[0-9a-f]{24}", p["Post ID"]):
        err(f"bad Post ID {p['Post ID']!r}")
    if not p["Title"].strip():
        err(f"{p['Post ID']}: empty title")
    if not p["Votes"].isdigit() or int(p["Votes"]) < 1:
        err(f"{p['Post ID']}: bad votes {p['Votes']!r}")
    if not re.fullmatch(r"2026-\d\d-\d\dT\d\d:\d\d:\d\dZ", p["Created"]):
        err(f"{p['Post ID']}: bad Created {p['Created']!r}")
    if None in p or any(v is None for v in p.values()):
        err(f"{p['Post ID']}: row length differs from header")
if not 300 <= len(posts) <= 340:
    err(f"{len(posts)} posts, expected 300-340")
post_ids = set(ids)

# --- backlog.json: gh issue list --json number,title,body,state,labels
backlog = load_json("backlog.json")
if not isinstance(backlog, list):
    err("backlog.json is not an array")
for b in backlog:
    if set(b) != {"number", "title", "body", "state", "labels"}:
        err(f"backlog item keys {sorted(b)}")
    if b.get("state") not in ("OPEN", "CLOSED"):
        err(f"#{b.get('number')}: state {b.get('state')!r}")
    if not isinstance(b.get("number"), int):
        err(f"number {b.get('number')!r} is not an int")
    if not all(isinstance(l, dict) and set(l) == {"name"} for l in b.get("labels", [])):
        err(f"#{b.get('number')}: labels must be [{{'name': ...}}]")
keys = {f"#{b['number']}" for b in backlog}
if len(keys) != len(backlog):
    err("duplicate issue numbers")
if not 12 <= len(backlog) <= 14:
    err(f"{len(backlog)} backlog items, expected 12-14")

# --- labels.json
labels = load_json("labels.json")
links, unlinked = labels["links"], labels["unlinked"]
pairs = Counter((l["feedback"], l["backlog"]) for l in links)
for (fid, b), n in pairs.items():
    if n > 1:
        err(f"link {fid} → {b} listed {n} times")
for l in links:
    if l["feedback"] not in post_ids:
        err(f"link to unknown feedback {l['feedback']}")
    if l["backlog"] not in keys:
        err(f"link to unknown backlog {l['backlog']}")
    if l["kind"] not in ("demand", "validation"):
        err(f"bad kind {l['kind']!r}")
linked = {l["feedback"] for l in links}
if len(set(unlinked)) != len(unlinked):
    err("duplicate ids in unlinked")
for u in unlinked:
    if u not in post_ids:
        err(f"unlinked id {u} is not in feedback.csv")
both = linked & set(unlinked)
if both:
    err(f"both linked and unlinked: {sorted(both)}")
missing = post_ids - linked - set(unlinked)
if missing:
    err(f"{len(missing)} posts neither linked nor unlinked: {sorted(missing)[:5]}")

cnt = Counter((l["backlog"], l["kind"]) for l in links)
n_demand = sum(v for (b, k), v in cnt.items() if k == "demand")
n_valid = sum(v for (b, k), v in cnt.items() if k == "validation")
per_post = Counter(l["feedback"] for l in links)

# --- README counts
readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read()
rows = re.findall(r"^\| (#\d+) \| .* \| (OPEN|CLOSED) \| (\d+) \| (\d+) \| (\d+) \|$", readme, re.M)
if {r[0] for r in rows} != keys:
    err("README count table does not list exactly the backlog items")
state = {f"#{b['number']}": b["state"] for b in backlog}
for key, st, d, v, t in rows:
    if st != state.get(key):
        err(f"README {key} state {st} != {state.get(key)}")
    if (int(d), int(v)) != (cnt[(key, "demand")], cnt[(key, "validation")]) or int(t) != int(d) + int(v):
        err(f"README {key}: {d}/{v}/{t} but labels give {cnt[(key, 'demand')]}/{cnt[(key, 'validation')]}")

def readme_number(pattern):
    m = re.search(pattern, readme)
    if not m:
        err(f"README lacks {pattern!r}")
        return None
    return int(m.group(1))

for pattern, actual in [
    (r"Feedback posts: (\d+)", len(posts)),
    (r"Links: (\d+)", len(links)),
    (r"Links: \d+ \((\d+) demand", n_demand),
    (r"demand, (\d+) validation", n_valid),
    (r"Linked posts: (\d+)", len(linked)),
    (r"of which (\d+) link to two items", sum(1 for n in per_post.values() if n == 2)),
    (r"Unlinked posts: (\d+)", len(unlinked)),
    (r"`feedback.csv` \| (\d+) Canny posts", len(posts)),
    (r"`backlog.json` \| (\d+) backlog items", len(backlog)),
]:
    n = readme_number(pattern)
    if n is not None and n != actual:
        err(f"README {pattern!r}: {n} != {actual}")
if any(n > 2 for n in per_post.values()):
    err("a post links to more than two items")

# --- stakeholders.json
st = load_json("stakeholders.json")
names = {s["name"] for s in st["stakeholders"]}
for s in st["stakeholders"]:
    for k in ("name", "role", "influence", "interest", "notes"):
        if k not in s:
            err(f"stakeholder {s.get('name')} lacks {k}")
    if not (1 <= s["influence"] <= 5 and 1 <= s["interest"] <= 5):
        err(f"{s['name']}: influence/interest out of 1-5")
    for ref in re.findall(r"#\d+", s["notes"]):
        if ref not in keys:
            err(f"{s['name']} notes mention unknown {ref}")
for p in st["positions"]:
    if p["stakeholder"] not in names:
        err(f"position of unknown stakeholder {p['stakeholder']}")
    if p["backlog"] not in keys:
        err(f"position on unknown {p['backlog']}")
    if p["position"] not in ("for", "against", "asks", "worries"):
        err(f"bad position {p['position']!r}")
conflicts = [p for p in st["positions"] if p["position"] == "against" and cnt[(p["backlog"], "demand")] > 0]
if not conflicts:
    err("no stakeholder is against an item customers demand")

# --- questions.json
qs = load_json("questions.json")
if len(qs) != 8:
    err(f"{len(qs)} questions, expected 8")
if sum(1 for q in qs if not q["answerable"]) < 3:
    err("fewer than 3 unanswerable questions")
for q in qs:
    for e in q["expected"]:
        if e not in post_ids and e not in keys and e not in names:
            err(f"question {q['question']!r}: unknown expected {e!r}")

# --- wording: at most half of an item's linked posts share a content word with its title
STOP = set("a an the and or of to in on for from with without by at as is are be it its this that via into over per instead only no not up out then than one".split())

def words(s):
    out = set()
    for t in re.findall(r"[a-z0-9]+", s.lower()):
        if t in STOP or len(t) < 2:
            continue
        out.add(t[:-1] if len(t) > 3 and t.endswith("s") else t)
    return out

text = {p["Post ID"]: p["Title"] + " " + p["Details"] for p in posts}
print("item   demand valid  shares a title word")
for b in sorted(backlog, key=lambda b: b["number"]):
    key = f"#{b['number']}"
    fids = [l["feedback"] for l in links if l["backlog"] == key]
    tw = words(b["title"])
    share = sum(1 for fid in fids if words(text[fid]) & tw)
    print(f"{key:6} {cnt[(key, 'demand')]:6} {cnt[(key, 'validation')]:5}  {share}/{len(fids)}")
    if fids and share * 2 > len(fids):
        err(f"{key}: {share} of {len(fids)} linked posts share a word with the title")
print(f"posts {len(posts)}, links {len(links)} ({n_demand} demand, {n_valid} validation), "
      f"linked posts {len(linked)}, unlinked {len(unlinked)} ({len(unlinked) / len(posts):.0%})")

if errors:
    print("\n".join("ERROR: " + e for e in errors))
    sys.exit(1)
print("OK")
