#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus, one folder per harness, from the repository's tests.

    python3 scripts/fuzz-corpus.py OUT [--podium BIN]

Sources, each small (inputs are cut to a few kilobytes, the fuzzers' size limit):
  - Fuzz/Seeds/HARNESS/*: the committed seeds (stream bodies, settings files, records);
  - Tests/Fixtures/**: the evidence sets' CSV exports (header and first rows) and JSON
    files (first elements), for the tabular readers, the importers and the record decoder;
  - the multi-line string literals of Tests/**/*.swift (the exports, settings files and
    records the tests write), sorted by what they look like;
  - Themes/*.json and the theme files beside the tests, for the settings harness;
  - with --podium BIN: the record files of a small demo workspace (`podium demo`), one
    per kind of record and a few feedback items, and a feedback open-cache file made
    from them (the binary layout of Sources/PodiumStore/Cache).
The output folder is emptied first. Nothing is written elsewhere.
"""
import hashlib, json, os, re, shutil, struct, subprocess, sys, tempfile
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HARNESSES = ["FuzzTabular", "FuzzImport", "FuzzStream", "FuzzConfig", "FuzzRecord"]
LIMIT = 4000  # bytes per seed: the fuzzers run with -max_len=8192


def add(out, harness, data, hint):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data:
        return
    digest = hashlib.sha1(data).hexdigest()[:12]
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", hint)[:40]
    with open(os.path.join(out, harness, f"{safe}-{digest}"), "wb") as f:
        f.write(data)


def head_lines(data, limit=LIMIT):
    """The start of a text file, cut at a line end within `limit` bytes."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1 if cut > 0 else limit]


def json_head(value, count=3):
    if isinstance(value, list):
        return value[:count]
    if isinstance(value, dict):
        return {k: (v[:count] if isinstance(v, list) else v) for k, v in list(value.items())[:12]}
    return value


SWIFT_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\"}


def swift_literals(text):
    """The multi-line string literals of a Swift file without interpolation, as their value."""
    for match in re.finditer(r'"""[ \t]*\n(.*?)\n([ \t]*)"""', text, re.S):
        body, indent = match.group(1), match.group(2)
        if "\\(" in body:
            continue
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in body.split("\n")]
        value = "\n".join(lines)
        value = re.sub(r"\\\n", "", value)  # a backslash at a line's end joins the lines
        value = re.sub(r"\\u\{([0-9A-Fa-f]{1,6})\}", lambda m: chr(int(m.group(1), 16)), value)
        value = re.sub(r'\\([ntr0"\'\\])', lambda m: SWIFT_ESCAPES[m.group(1)], value)
        yield value


def classify(value):
    first = value.lstrip()[:1]
    harnesses = []
    if re.search(r"^(data|event):", value, re.M):
        harnesses.append("FuzzStream")
    if re.search(r"^\[[\w.\-]+\]\s*$", value, re.M) or re.search(r"^[\w\-]+\s*=\s*\S", value, re.M):
        harnesses.append("FuzzConfig")
    if first in "[{":
        harnesses += ["FuzzTabular", "FuzzImport", "FuzzRecord", "FuzzConfig"]
    elif "\n" in value.strip() and re.search(r"[,;\t]", value.split("\n", 1)[0]):
        harnesses += ["FuzzTabular", "FuzzImport"]
    return harnesses


def from_tests(out):
    crashes = os.path.join(ROOT, "Tests", "Fixtures", "Fuzz")
    for folder, _, files in os.walk(os.path.join(ROOT, "Tests")):
        if folder.startswith(crashes):
            continue  # the crashes the fuzzers found are reproducers, not seeds
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith(".swift"):
                text = open(path, encoding="utf-8", errors="replace").read()
                for index, value in enumerate(swift_literals(text)):
                    for harness in classify(value):
                        add(out, harness, head_lines(value.encode("utf-8")), f"{name[:-6]}-{index}")
            elif "Fixtures" in path and name.endswith(".csv"):
                data = head_lines(open(path, "rb").read())
                for harness in ["FuzzTabular", "FuzzImport"]:
                    add(out, harness, data, f"{os.path.basename(folder)}-{name}")
            elif "Fixtures" in path and name.endswith(".json"):
                try:
                    value = json_head(json.load(open(path, encoding="utf-8")))
                except ValueError:
                    continue
                data = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")[: LIMIT * 2]
                for harness in ["FuzzTabular", "FuzzImport", "FuzzRecord"]:
                    add(out, harness, data, f"{os.path.basename(folder)}-{name}")
                lines = "\n".join(json.dumps(v, ensure_ascii=False) for v in value) if isinstance(value, list) else ""
                if lines:
                    add(out, "FuzzImport", "--name import.jsonl\n" + lines, f"{os.path.basename(folder)}-{name}l")
            elif name.endswith(".json"):  # theme files beside the tests
                add(out, "FuzzConfig", open(path, "rb").read()[:LIMIT], name)


def from_themes(out):
    folder = os.path.join(ROOT, "Themes")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.endswith(".json"):
            add(out, "FuzzConfig", open(os.path.join(folder, name), "rb").read(), name)


# The feedback open cache (Sources/PodiumStore/Cache): magic, format 1000 + 4, write time,
# count, then per entry its file name, stamp and the record in BinaryWriter's layout.
def cache_string(value):
    data = value.encode("utf-8")
    return struct.pack("<I", len(data)) + data


def cache_optional(value, write):
    return b"\x00" if value is None else b"\x01" + write(value)


def cache_date(text):
    return struct.pack("<d", datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def cache_feedback(item):
    rating = item.get("rating")
    return b"".join([
        cache_string(item["id"]), cache_string(item["text"]), cache_string(item.get("source", "other")),
        cache_optional(item.get("author"), cache_string), cache_optional(item.get("segment"), cache_string),
        cache_optional(rating, lambda r: struct.pack("<d", r["value"]) + cache_string(r["scale"])),
        cache_date(item["createdAt"]),
        struct.pack("<I", len(item.get("tags", []))) + b"".join(cache_string(t) for t in item.get("tags", [])),
        cache_optional(item.get("sentiment"), lambda s: struct.pack("<d", s)),
        cache_optional(item.get("origin"), cache_string), cache_optional(item.get("importedAt"), cache_date),
        cache_optional(item.get("version"), cache_string), cache_optional(item.get("votes"), lambda v: struct.pack("<q", v)),
        cache_optional(item.get("externalID"), cache_string),
    ])


def from_demo(out, podium):
    with tempfile.TemporaryDirectory(prefix="podium-fuzz-seeds-") as folder:
        workspace = os.path.join(folder, "demo")
        subprocess.run([podium, "demo", "--workspace", workspace, "--size", "30", "--no-open"],
                       check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1"))
        feedback = []
        for current, _, files in sorted(os.walk(workspace)):
            records = sorted(f for f in files if f.endswith(".json"))
            kind = os.path.basename(current)
            for name in records[: 6 if kind == "feedback" else 2]:
                data = open(os.path.join(current, name), "rb").read()
                add(out, "FuzzRecord", data, f"demo-{kind}")
                if kind == "feedback":
                    feedback.append(json.loads(data))
        if feedback:
            entries = b"".join(cache_string(f"{item['id']}.json") + struct.pack("<Qqq", 1000 + i, 400, 1_000_000_000)
                               + cache_feedback(item) for i, item in enumerate(feedback[:3]))
            cache = b"podium-open-cache\n" + struct.pack("<IqI", 1004, 4_000_000_000_000_000_000, len(feedback[:3])) + entries
            add(out, "FuzzRecord", cache, "demo-feedback-cache")


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    podium = args[args.index("--podium") + 1] if "--podium" in args else None
    shutil.rmtree(out, ignore_errors=True)
    for harness in HARNESSES:
        os.makedirs(os.path.join(out, harness))
        seeds = os.path.join(ROOT, "Fuzz", "Seeds", harness)
        for name in sorted(os.listdir(seeds)) if os.path.isdir(seeds) else []:
            add(out, harness, open(os.path.join(seeds, name), "rb").read(), name)
    from_tests(out)
    from_themes(out)
    if podium:
        from_demo(out, podium)
    for harness in HARNESSES:
        files = os.listdir(os.path.join(out, harness))
        size = sum(os.path.getsize(os.path.join(out, harness, f)) for f in files)
        print(f"seeds {harness}: {len(files)} files, {size} bytes")


if __name__ == "__main__":
    main()
