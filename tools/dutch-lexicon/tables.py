"""The hand-written tables beside the generator: strong verbs, irregular plurals, collision
exceptions and the compound stop list."""

import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_table(name, min_cols):
    """Rows of a TAB-separated table beside this script; '#' starts a comment line."""
    rows = []
    with open(HERE / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) < min_cols:
                raise SystemExit(f"{name}: expected {min_cols} columns: {line!r}")
            rows.append([unicodedata.normalize("NFC", c) for c in cols])
    return rows


def alternatives(cell):
    return [] if cell in ("", "-") else [a for a in cell.split("/") if a]


def read_strong_verbs():
    """strong-verbs.tsv as {infinitive: {"past_sg": [...], "past_pl": [...], "pp": [...], "present": [...]}}."""
    table = {}
    for cols in read_table("strong-verbs.tsv", 4):
        inf = cols[0]
        table[inf] = {
            "past_sg": alternatives(cols[1]),
            "past_pl": alternatives(cols[2]),
            "pp": alternatives(cols[3]),
            "present": alternatives(cols[4]) if len(cols) > 4 else [],
        }
    return table


def read_irregular_nouns():
    """(plural, singular) rows of irregular-nouns.tsv."""
    return [(cols[0], cols[1]) for cols in read_table("irregular-nouns.tsv", 2)]


def read_collisions():
    """collisions.tsv as two sets of (form, lemma): pairs to keep and pairs to drop."""
    keep, drop = set(), set()
    for cols in read_table("collisions.tsv", 3):
        action, form, lemma = cols[0], cols[1], cols[2]
        if action == "keep":
            keep.add((form, lemma))
        elif action == "drop":
            drop.add((form, lemma))
        else:
            raise SystemExit(f"collisions.tsv: unknown action {action!r}")
    return keep, drop


def read_stoplist():
    """The words of compound-stoplist.txt ('#' starts a comment)."""
    words = set()
    with open(HERE / "compound-stoplist.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(unicodedata.normalize("NFC", line))
    return words
