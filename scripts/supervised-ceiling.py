#!/usr/bin/env python3
"""How far words alone can carry evidence links and themes on the labelled sets: supervised ceilings.

**Links.** A classifier is *trained on each set's own labels* (tf-idf of words, word pairs and
character 3-5-grams; logistic regression; five folds, each item predicted by a model that
never saw it) to say which backlog item a feedback item is demand for. Podium's linker sees
no labels at all, so this is a ceiling for any method that reads words, not a peer.

For each set it prints how often the classifier's first choice is right over the labelled
demand, and the best recall it reaches while its precision stays at or above 0.85 (the
issue's target), choosing its confidence threshold with the labels themselves.

**Themes.** The same classifier, trained on the sets' theme labels (`themes.json`: the
top-level theme of every item, unthemed items left out), sorts items into the true themes.
Keeping the 85% it is surest of (the issue's coverage), the share it puts in their true
theme is what a clustering that knew the themes could reach for purity at that coverage;
Podium's clustering is never told them.

Needs scikit-learn (`pip install scikit-learn`); measuring only, never shipped.
Usage: python3 scripts/supervised-ceiling.py [Tests/Fixtures/Evidence]
"""
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

# Each set's feedback export: the column holding the record's id, and the text columns.
LAYOUTS = {
    "ledgerly": ("Id", ["Subject"]),
    "trailmix": ("Review Link", ["Review Title", "Review Text"]),
    "clinicflow": ("Conversation ID", ["Conversation rating remark"]),
    "parcelpoint": ("Post ID", ["Title", "Details"]),
}
NONE = "(none)"


def load(folder: Path, id_column: str, text_columns: list[str]):
    rows = list(csv.DictReader(open(folder / "feedback.csv", newline="", encoding="utf-8")))
    labels = json.load(open(folder / "labels.json", encoding="utf-8"))
    demand = {}
    for link in labels["links"]:
        if link["kind"] == "demand":
            demand.setdefault(link["feedback"], link["backlog"])
    texts = [" ".join(row[c] for c in text_columns) for row in rows]
    truth = [demand.get(row[id_column], NONE) for row in rows]
    return texts, truth


def features(train: list[str], test: list[str]):
    words = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))
    chars = TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(3, 5))
    return (hstack([words.fit_transform(train), chars.fit_transform(train)]),
            hstack([words.transform(test), chars.transform(test)]))


def predict(texts: list[str], classes: np.ndarray, leave_out: str | None = None):
    """Each text's likeliest class (never `leave_out`) and its probability, from a model
    trained on the other four folds."""
    choice = [NONE] * len(texts)
    confidence = np.zeros(len(texts))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, classes):
        x_train, x_test = features([texts[i] for i in train], [texts[i] for i in test])
        model = LogisticRegression(C=10, max_iter=2000).fit(x_train, classes[train])
        known = list(model.classes_)
        for row, index in enumerate(test):
            p = model.predict_proba(x_test[row])[0]
            if leave_out in known:
                p[known.index(leave_out)] = -1
            best = int(p.argmax())
            choice[index], confidence[index] = known[best], p[best]
    return choice, confidence


def ceiling(texts: list[str], truth: list[str]):
    counts = Counter(truth)
    # An item with fewer than five labelled items cannot be split five ways: it joins "none".
    classes = np.array([t if counts[t] >= 5 else NONE for t in truth])
    choice, confidence = predict(texts, classes, leave_out=NONE)
    demand = sum(1 for t in truth if t != NONE)
    first_right = sum(1 for c, t in zip(choice, truth) if t != NONE and c == t)
    best = (0.0, 0.0)
    for threshold in np.linspace(0, 1, 201):
        chosen = [i for i in range(len(texts)) if confidence[i] >= threshold]
        if not chosen:
            break
        right = sum(1 for i in chosen if choice[i] == truth[i])
        precision, recall = right / len(chosen), right / demand
        if precision >= 0.85 and recall > best[1]:
            best = (precision, recall)
    return demand, first_right / demand, best


def theme_ceiling(folder: Path, id_column: str, text_columns: list[str]):
    """Items themed, and the share of the surest 85% the classifier puts in their true theme."""
    rows = list(csv.DictReader(open(folder / "feedback.csv", newline="", encoding="utf-8")))
    theme_of = {item["feedback"]: item["theme"] for item in json.load(open(folder / "themes.json"))["items"]}
    themed = [(" ".join(row[c] for c in text_columns), theme_of[row[id_column]])
              for row in rows if theme_of.get(row[id_column])]
    texts, truth = [t for t, _ in themed], np.array([theme for _, theme in themed])
    counts = Counter(truth)
    classes = np.array([t if counts[t] >= 5 else "(small)" for t in truth])
    choice, confidence = predict(texts, classes)
    kept = np.argsort(-confidence)[: int(round(0.85 * len(texts)))]
    right = sum(1 for i in kept if choice[i] == truth[i])
    everything = sum(1 for i in range(len(texts)) if choice[i] == truth[i])
    return len(texts), len(counts), everything / len(texts), right / len(kept)


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/Evidence")
    print("| set | feedback | labelled demand | first choice right | best recall at precision ≥ 0.85 |")
    print("|---|---:|---:|---:|---:|")
    for name, (id_column, text_columns) in LAYOUTS.items():
        texts, truth = load(root / name, id_column, text_columns)
        demand, first, (precision, recall) = ceiling(texts, truth)
        reached = f"{recall:.2f} (precision {precision:.2f})" if precision else "none"
        print(f"| {name} | {len(texts)} | {demand} | {first:.2f} | {reached} |")
    print()
    print("| set | themed items | top-level themes | right theme, all | right theme, surest 85% |")
    print("|---|---:|---:|---:|---:|")
    for name, (id_column, text_columns) in LAYOUTS.items():
        if (root / name / "themes.json").exists():
            items, themes, everything, surest = theme_ceiling(root / name, id_column, text_columns)
            print(f"| {name} | {items} | {themes} | {everything:.2f} | {surest:.2f} |")


if __name__ == "__main__":
    main()
