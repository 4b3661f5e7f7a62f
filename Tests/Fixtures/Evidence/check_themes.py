#!/usr/bin/env python3
"""Checks themes.json of this evidence set. Run: python3 check_themes.py (from any folder).
`python3 check_themes.py --table` prints the counts table that README.md carries.

The same file is in ledgerly/, trailmix/ and parcelpoint/; it tells the sets apart by the
feedback.csv header (Zendesk tickets, Google Play reviews, Canny posts).

Checks: the file's shape; theme and sub-theme ids unique, sub-themes belong to their theme;
5-12 top-level themes with short labels; every feedback item labelled exactly once, by the
same ids labels.json uses; sentiment and intent values; praise is positive; unthemed at most
15%; sizes vary (at least one large theme of 40+ items, every theme of 40+ items has 2-4
sub-themes holding at least half of its items, at least one small theme of 12 or fewer);
every sub-theme is used at least twice; each label shares a word with the text of its items
(labels are customers' phrases, not the team's); the counts table in README.md matches.
It also prints, for information, how the sentiment labels sit against labels.json's
demand/validation links.
"""
import csv, json, os, re, sys
from collections import Counter, defaultdict

# The set to check: a folder named on the command line (relative to this script's folder,
# e.g. `python3 check_themes.py ledgerly`), else the current folder (`python3 ../check_themes.py`).
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ARGS[0]) if ARGS else os.getcwd()
errors = []
def fail(msg): errors.append(msg)
def path(name): return os.path.join(HERE, name)

SENTIMENTS = ("negative", "neutral", "positive")
INTENTS = ("complaint", "request", "praise", "question", "other")

# ---- feedback: the id column and the text, by export layout
with open(path("feedback.csv"), newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    cols = reader.fieldnames
    rows = list(reader)
if "Subject" in cols and "Id" in cols:            # Zendesk ticket export: the Subject is the text
    key, text_of = "Id", lambda r: r["Subject"]
elif "Review Link" in cols:                       # Google Play reviews export
    key, text_of = "Review Link", lambda r: r["Review Text"]
elif "Post ID" in cols:                           # Canny posts export: Title and Details
    key, text_of = "Post ID", lambda r: (r["Title"] + " " + r["Details"]).strip()
else:
    sys.exit(f"feedback.csv: unknown layout {cols}")
text = {r[key]: text_of(r) for r in rows}
if len(text) != len(rows): fail("feedback ids are not unique")

labels = json.load(open(path("labels.json"), encoding="utf-8"))
label_ids = {l["feedback"] for l in labels["links"]} | set(labels["unlinked"])
if label_ids != set(text): fail("labels.json and feedback.csv disagree on the ids (run check.py)")

# ---- themes.json
data = json.load(open(path("themes.json"), encoding="utf-8"))
for k in ("themes", "items", "notes"):
    if k not in data: fail(f"themes.json lacks '{k}'")
if set(data) - {"themes", "items", "notes"}: fail(f"themes.json has unknown keys {set(data) - {'themes', 'items', 'notes'}}")
if not isinstance(data.get("notes"), str) or len(data.get("notes", "")) < 200: fail("notes are missing or too short")

themes = data["themes"]
theme_ids, sub_of, label_of = [], {}, {}
for t in themes:
    if set(t) != {"id", "label", "sub"}: fail(f"theme {t.get('id')}: keys {sorted(t)}")
    theme_ids.append(t["id"]); label_of[t["id"]] = t["label"]
    for s in t["sub"]:
        if set(s) != {"id", "label"}: fail(f"sub-theme {s.get('id')}: keys {sorted(s)}")
        if s["id"] in sub_of or s["id"] in [x["id"] for x in themes]: fail(f"sub-theme id {s['id']} used twice")
        sub_of[s["id"]] = t["id"]; label_of[s["id"]] = s["label"]
if len(theme_ids) != len(set(theme_ids)): fail("theme ids are not unique")
for i in list(theme_ids) + list(sub_of):
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i): fail(f"id {i!r} is not kebab-case")
for i, lab in label_of.items():
    if not lab.strip() or len(lab) > 45 or len(lab.split()) > 7: fail(f"label of {i} is not a short phrase: {lab!r}")
if not 5 <= len(themes) <= 12: fail(f"{len(themes)} top-level themes, want 5-12")

items = data["items"]
seen = Counter(it["feedback"] for it in items)
for i, n in seen.items():
    if n > 1: fail(f"feedback {i} labelled {n} times")
    if i not in text: fail(f"themes.json names unknown feedback {i}")
missing = set(text) - set(seen)
if missing: fail(f"{len(missing)} feedback items have no theme label, e.g. {sorted(missing)[:3]}")
for it in items:
    if set(it) != {"feedback", "theme", "sub", "sentiment", "intent"}: fail(f"item {it.get('feedback')}: keys {sorted(it)}")
    th, sb = it["theme"], it["sub"]
    if th is not None and th not in theme_ids: fail(f"item {it['feedback']}: unknown theme {th}")
    if sb is not None and sub_of.get(sb) != th: fail(f"item {it['feedback']}: sub-theme {sb} is not under theme {th}")
    if it["sentiment"] not in SENTIMENTS: fail(f"item {it['feedback']}: sentiment {it['sentiment']}")
    if it["intent"] not in INTENTS: fail(f"item {it['feedback']}: intent {it['intent']}")
    if it["intent"] == "praise" and it["sentiment"] != "positive": fail(f"item {it['feedback']}: praise that is not positive")

# ---- sizes
size = Counter(it["theme"] for it in items)
sub_size = Counter(it["sub"] for it in items if it["sub"])
unthemed = size.get(None, 0)
share = unthemed / len(items) if items else 1
if share > 0.15: fail(f"unthemed {unthemed} ({share:.0%}), want at most 15%")
large = [t for t in theme_ids if size[t] >= 40]; small = [t for t in theme_ids if size[t] <= 12]
if not large: fail("no large theme (40+ items)")
if not small: fail("no small theme (12 items or fewer)")
for t in themes:
    n, subs = size[t["id"]], [s["id"] for s in t["sub"]]
    if n == 0: fail(f"theme {t['id']} has no items")
    if n >= 40:
        if not 2 <= len(subs) <= 4: fail(f"large theme {t['id']} ({n}) has {len(subs)} sub-themes, want 2-4")
        if sum(sub_size[s] for s in subs) * 2 < n: fail(f"large theme {t['id']}: less than half of its items are in a sub-theme")
    if len(subs) > 4: fail(f"theme {t['id']} has {len(subs)} sub-themes, want at most 4")
    for s in subs:
        if sub_size[s] < 2: fail(f"sub-theme {s} has {sub_size[s]} items, want 2 or more")

# ---- wording: a label shares a content word with its items' text
STOP = set("""a an the and or but if of on in at to for from by with my our your me i we it is are
not no do does don't doesn't isn't can't won't too very every way""".split())
def words(s):
    return {w for w in re.findall(r"[a-z0-9äöüßéèàç]+", s.lower().replace("'", "")) if w not in STOP and len(w) > 1}
def same(a, b):
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])
members = defaultdict(list)
for it in items:
    if it["theme"]: members[it["theme"]].append(text[it["feedback"]])
    if it["sub"]: members[it["sub"]].append(text[it["feedback"]])
wording = {}
for i, lab in label_of.items():
    lw = words(lab)
    hits = sum(1 for tx in members[i] if any(same(a, b) for a in lw for b in words(tx)))
    wording[i] = hits
    if members[i] and hits == 0: fail(f"label of {i} ({lab!r}) shares no word with any of its items")

# ---- README counts table
def table():
    out = ["| theme | label | items | negative | neutral | positive | sub-themes (items) |", "|---|---|---|---|---|---|---|"]
    for t in themes + [None]:
        tid = t["id"] if t else None
        sent = Counter(it["sentiment"] for it in items if it["theme"] == tid)
        subs = ", ".join(f"{s['id']} ({sub_size[s['id']]})" for s in t["sub"]) if t else ""
        if t:
            nosub = sum(1 for it in items if it["theme"] == tid and it["sub"] is None)
            if t["sub"] and nosub: subs += f", none ({nosub})"
        out.append(f"| {tid or '(unthemed)'} | {t['label'] if t else ''} | {size[tid]} | {sent['negative']} | {sent['neutral']} | {sent['positive']} | {subs} |")
    return "\n".join(out)
if "--table" in sys.argv:
    print(table()); sys.exit(0)
readme = open(path("README.md"), encoding="utf-8").read()
if table() not in readme: fail("README.md lacks the current themes table (python3 check_themes.py --table prints it)")

# ---- report
sent = Counter(it["sentiment"] for it in items); intent = Counter(it["intent"] for it in items)
print(f"{len(items)} items, {len(themes)} top-level themes, {len(sub_of)} sub-themes, unthemed {unthemed} ({share:.1%})")
print("sentiment: " + ", ".join(f"{s} {sent[s]}" for s in SENTIMENTS))
print("intent:    " + ", ".join(f"{s} {intent[s]}" for s in INTENTS))
for t in sorted(themes, key=lambda t: -size[t["id"]]):
    tid = t["id"]; s = Counter(it["sentiment"] for it in items if it["theme"] == tid)
    print(f"  {size[tid]:>3}  {tid:<28} '{t['label']}'  -/=/+ {s['negative']}/{s['neutral']}/{s['positive']}  label words in {wording[tid]}/{size[tid]}")
    for sb in t["sub"]:
        print(f"       {sub_size[sb['id']]:>3}  {sb['id']:<26} '{sb['label']}'")
# against labels.json, for information: validation links are praise of an area, demand links are asks and complaints
kinds = defaultdict(set)
for l in labels["links"]: kinds[l["feedback"]].add(l["kind"])
cross = Counter()
for it in items:
    k = "/".join(sorted(kinds[it["feedback"]])) or "unlinked"
    cross[(k, it["sentiment"])] += 1
for k in ("demand", "validation", "demand/validation", "unlinked"):
    print(f"  labels.json {k:<18} " + ", ".join(f"{s} {cross[(k, s)]}" for s in SENTIMENTS))
if errors:
    print("\nFAILED:"); [print("  -", e) for e in errors]; sys.exit(1)
print("OK")
