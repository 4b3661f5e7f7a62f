#!/usr/bin/env python3
"""Consistency check for the Trailmix evidence set. Run: python3 check.py (from anywhere)."""
import csv, json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def fail(msg): errors.append(msg)
def load(name): return os.path.join(HERE, name)

PLAY = ["Package Name", "App Version Code", "App Version Name", "Reviewer Language", "Device",
        "Review Submit Date and Time", "Review Submit Millis Since Epoch", "Review Last Update Date and Time",
        "Review Last Update Millis Since Epoch", "Star Rating", "Review Title", "Review Text",
        "Developer Reply Date and Time", "Developer Reply Millis Since Epoch", "Developer Reply Text", "Review Link"]
LINEAR = ["ID", "Team", "Title", "Description", "Status", "Estimate", "Priority", "Project", "Cycle", "Labels",
          "Assignee", "Created", "Updated", "Completed"]

# --- feedback.csv ---
with open(load("feedback.csv"), newline="", encoding="utf-8") as f:
    r = csv.reader(f); head = next(r); fb = [dict(zip(head, row)) for row in r]
if head != PLAY: fail(f"feedback.csv header differs from the Play Console layout: {head}")
if not 300 <= len(fb) <= 360: fail(f"feedback count {len(fb)} not in 300..360")
fids = [x["Review Link"] for x in fb]
if len(set(fids)) != len(fids): fail("duplicate Review Link")
if any(not i.startswith("http://play.google.com/") or "reviewId=gp:" not in i for i in fids): fail("malformed Review Link")
texts = [x["Review Text"] for x in fb]
if any(not t.strip() for t in texts): fail("empty review text")
dup_text = [t for t, n in Counter(t.lower() for t in texts).items() if n > 1]
if dup_text: fail(f"repeated texts: {dup_text}")
for x in fb:
    if x["Star Rating"] not in "12345" or len(x["Star Rating"]) != 1: fail(f"bad rating {x['Star Rating']}")
    if not x["Review Submit Date and Time"].startswith("2026-"): fail("date outside 2026")
dates = sorted(x["Review Submit Date and Time"][:10] for x in fb)
fbset = set(fids)

# --- backlog.csv ---
with open(load("backlog.csv"), newline="", encoding="utf-8") as f:
    r = csv.reader(f); bhead = next(r); bl = [dict(zip(bhead, row)) for row in r]
if bhead != LINEAR: fail(f"backlog.csv header differs from the Linear layout: {bhead}")
if not 12 <= len(bl) <= 14: fail(f"backlog count {len(bl)} not in 12..14")
keys = [b["ID"] for b in bl]
if len(set(keys)) != len(keys): fail("duplicate backlog key")
if any(not re.fullmatch(r"TRL-\d+", k) for k in keys): fail("malformed key")
if not any(b["Status"] == "Done" for b in bl): fail("no Done item")
titles = {b["ID"]: b["Title"] for b in bl}

# --- labels.json ---
lab = json.load(open(load("labels.json"), encoding="utf-8"))
links, unl = lab["links"], lab["unlinked"]
linked_ids = {l["feedback"] for l in links}
for l in links:
    if l["feedback"] not in fbset: fail(f"label feedback id not in feedback.csv: {l['feedback'][-20:]}")
    if l["backlog"] not in titles: fail(f"label backlog key unknown: {l['backlog']}")
    if l["kind"] not in ("demand", "validation"): fail(f"bad kind {l['kind']}")
pairs = Counter((l["feedback"], l["backlog"]) for l in links)
if any(n > 1 for n in pairs.values()): fail("a feedback is linked twice to the same item")
for u in unl:
    if u not in fbset: fail(f"unlinked id not in feedback.csv: {u[-20:]}")
if len(set(unl)) != len(unl): fail("duplicate in unlinked")
both = linked_ids & set(unl)
if both: fail(f"{len(both)} ids are both linked and unlinked")
missing = fbset - linked_ids - set(unl)
if missing: fail(f"{len(missing)} feedback ids are neither linked nor unlinked")

per = defaultdict(Counter)
for l in links: per[l["backlog"]][l["kind"]] += 1

# --- README counts ---
readme = open(load("README.md"), encoding="utf-8").read()
rows = {m.group(1): tuple(map(int, m.group(2, 3, 4)))
        for m in re.finditer(r"^\| (TRL-\d+) \|[^\n]*\| (\d+) \| (\d+) \| (\d+) \|$", readme, re.M)}
for k in keys:
    want = (per[k]["demand"], per[k]["validation"], per[k]["demand"] + per[k]["validation"])
    if rows.get(k) != want: fail(f"README count for {k} is {rows.get(k)}, labels say {want}")
def readme_num(label):
    m = re.search(rf"{label}:\s*\**(\d+)", readme)
    return int(m.group(1)) if m else None
for label, val in [("Feedback items", len(fb)), ("Unlinked", len(unl)), ("Linked feedback items", len(linked_ids)),
                   ("Links", len(links)), ("Demand links", sum(c["demand"] for c in per.values())),
                   ("Validation links", sum(c["validation"] for c in per.values())),
                   ("Linked to two items", sum(1 for i in linked_ids if sum(1 for l in links if l["feedback"] == i) == 2))]:
    if readme_num(label) != val: fail(f"README '{label}' is {readme_num(label)}, data says {val}")

# --- wording rule: at most a third of an item's linked feedback shares a content word with its title ---
STOP = set("""about after again also always been before being both could does doing done down each even every
from have here into just like make more most much only other over same should some than that their them then
there these they this those very want what when where which while will with would your yours""".split())
def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) >= 4 and w not in STOP}
def share(a, b):
    for x in a:
        for y in b:
            if x == y or x.rstrip("s") == y.rstrip("s") or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5]):
                return True
    return False
text_of = dict(zip(fids, texts))
print(f"{'item':8} {'dem':>4} {'val':>4} {'tot':>4}  title-word overlap")
for k in keys:
    ids_k = [l["feedback"] for l in links if l["backlog"] == k]
    tw = words(titles[k])
    n = sum(1 for i in ids_k if share(words(text_of[i]), tw))
    frac = n / len(ids_k) if ids_k else 0
    print(f"{k:8} {per[k]['demand']:4} {per[k]['validation']:4} {len(ids_k):4}  {n}/{len(ids_k)}  {titles[k]}")
    if ids_k and frac > 1 / 3: fail(f"{k}: {n}/{len(ids_k)} linked feedback share a title word (> 1/3)")

# --- stakeholders.json ---
st = json.load(open(load("stakeholders.json"), encoding="utf-8"))
names = [s["name"] for s in st["stakeholders"]]
if not 5 <= len(names) <= 6: fail("need 5 or 6 stakeholders")
for s in st["stakeholders"]:
    if not (1 <= s["influence"] <= 5 and 1 <= s["interest"] <= 5): fail(f"bad influence/interest for {s['name']}")
    n = len(re.findall(r"[.!?](\s|$)", s["notes"]))
    if not 3 <= n <= 6: fail(f"{s['name']}: notes have {n} sentences")
for p in st["positions"]:
    if p["stakeholder"] not in names: fail(f"position for unknown stakeholder {p['stakeholder']}")
    if p["backlog"] not in titles: fail(f"position on unknown item {p['backlog']}")
    if p["position"] not in ("for", "against", "asks", "worries"): fail(f"bad position {p['position']}")
if not any(p["position"] == "against" for p in st["positions"]): fail("no stakeholder is against anything")

# --- questions.json ---
qs = json.load(open(load("questions.json"), encoding="utf-8"))
if len(qs) != 8: fail(f"{len(qs)} questions, want 8")
if sum(1 for q in qs if not q["answerable"]) < 3: fail("fewer than 3 unanswerable questions")
for q in qs:
    for x in q["expected"]:
        if x not in fbset and x not in titles and x not in names: fail(f"question expects unknown ref {x[-30:]}")
    if q["answerable"] and not q["expected"]: fail(f"answerable question without expected refs: {q['question']}")

print(f"feedback {len(fb)} ({dates[0]} .. {dates[-1]}), linked {len(linked_ids)}, unlinked {len(unl)} "
      f"({len(unl) / len(fb):.0%}), links {len(links)}")
print(f"stars: {dict(sorted(Counter(x['Star Rating'] for x in fb).items()))}")
if errors:
    print("\nFAILED:"); [print(" -", e) for e in errors]; sys.exit(1)
print("OK")
