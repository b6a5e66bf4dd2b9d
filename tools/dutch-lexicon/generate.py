#!/usr/bin/env python3
"""Regenerate TeamWiki's Dutch lexicon data from the Debian OpenTaal packages.

Run from the repository root (python3 stdlib only):

    python3 tools/dutch-lexicon/generate.py

Inputs : /usr/share/hunspell/nl.aff, /usr/share/hunspell/nl.dic   (Debian package hunspell-nl)
         /usr/share/dict/dutch                                     (Debian package wdutch)
         /usr/share/doc/hunspell-nl/copyright, /usr/share/doc/wdutch/copyright
         the hand-written tables beside this script (strong-verbs.tsv, irregular-nouns.tsv,
         collisions.tsv, compound-stoplist.txt)
Outputs: src/TeamWiki.Search/Analysis/Lexicon/nl-lemmas.tsv.gz         form<TAB>lemma
         src/TeamWiki.Search/Analysis/Lexicon/nl-compound-words.txt.gz  one word per line
         src/TeamWiki.Search/Analysis/Lexicon/LICENSE-OpenTaal.txt

The output is deterministic: lines are sorted, gzip is written with mtime 0 and no file name.
See README.md beside this script for the rules, the collision rule and the counts.
"""

import argparse
import gzip
import io
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.dont_write_bytecode = True   # no __pycache__ in the repository
sys.path.insert(0, str(Path(__file__).resolve().parent))
# Modules beside this script, one per part of the job:
import hunspell     # noqa: E402  reading nl.aff / nl.dic
import tables       # noqa: E402  the hand-written tables
from collisions import resolve                    # noqa: E402
from compounds import compound_words              # noqa: E402
from lexicon import Lexicon                       # noqa: E402
from nouns import (affix_pairs, comparative_e_pairs, diminutive_pairs,  # noqa: E402
                   irregular_noun_pairs)
from verbs import verb_pairs                      # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT_DIR = REPO / "src" / "TeamWiki.Search" / "Analysis" / "Lexicon"

AFF = Path("/usr/share/hunspell/nl.aff")
DIC = Path("/usr/share/hunspell/nl.dic")
WORDLIST = Path("/usr/share/dict/dutch")
COPYRIGHT_FILES = [Path("/usr/share/doc/hunspell-nl/copyright"), Path("/usr/share/doc/wdutch/copyright")]


def build_lemmas(lex):
    """The form -> lemma pairs: {(form, lemma): source label}, drop reasons, dropped pairs."""
    strong = tables.read_strong_verbs()
    keep, drop = tables.read_collisions()

    noun_adj = diminutive_pairs(affix_pairs(lex), lex)
    noun_adj += comparative_e_pairs(noun_adj, lex)
    regular_forms = {f for f, _, _ in noun_adj}
    noun_adj += irregular_noun_pairs(lex, regular_forms, tables.read_irregular_nouns())
    verbs, conj = verb_pairs(lex, strong)

    result, reasons, dropped = resolve(noun_adj, verbs, lex, conj, keep, drop)
    for form, lemma in keep:
        result.setdefault((form, lemma), "keep-list")
    return result, reasons, dropped


def lemma_sets(lex, result):
    """{form: {lemmas}} of the map, and every word that is a dictionary form of its own."""
    lemma_map = defaultdict(set)
    for form, lemma in result:
        lemma_map[form].add(lemma)
    lemmas = lex.noun_lemmas | lex.adj_lemmas | set(lex.infinitives) | {l for _, l in result}
    return lemma_map, lemmas


def write_gzip(path, lines):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    path.write_bytes(buf.getvalue())
    return len(data), len(buf.getvalue())


def package_version(name):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_license(path, aff_header):
    copyright_text = COPYRIGHT_FILES[0].read_text(encoding="utf-8")
    same = all(p.read_text(encoding="utf-8") == copyright_text for p in COPYRIGHT_FILES[1:])
    versions = {name: package_version(name) for name in ("hunspell-nl", "wdutch")}
    header = "\n".join(aff_header).strip()
    text = f"""OpenTaal Dutch word lists: licence and attribution
===================================================

The files nl-lemmas.tsv.gz and nl-compound-words.txt.gz in this folder are derived from the
Dutch word lists of the OpenTaal project (https://www.opentaal.org), as packaged by Debian:

  - nl-lemmas.tsv.gz: generated from nl.dic and nl.aff of the Debian package hunspell-nl
    {versions['hunspell-nl']} (OpenTaal opentaal-hunspell), plus hand-written tables of Dutch
    strong verbs and irregular plurals (tools/dutch-lexicon/ in the TeamWiki repository).
  - nl-compound-words.txt.gz: a filtered subset of /usr/share/dict/dutch of the Debian package
    wdutch {versions['wdutch']} (OpenTaal opentaal-wordlist).

Changes made (CC BY 3.0 section 3(b)): the word lists were transformed by
tools/dutch-lexicon/generate.py: affix rules were expanded into word form -> dictionary form
pairs, verb paradigms were generated, entries were lower-cased, the ij ligature was split, and
entries were filtered. The original work has been modified.

Licence choice: OpenTaal offers its word lists under the Revised (3-clause) BSD License or
Creative Commons Attribution 3.0 Unported, at the user's choice. TeamWiki uses these derived
files under the Revised BSD License; the attribution below is kept so that the CC BY 3.0 terms
are met as well.

Copyright (c) 1996 Nederlandstalige TeX Gebruikersgroep
Copyright (c) 2001-2005 Simon Brouwer and others
Copyright (c) 2006-2010 OpenTaal (Ruud Baars, Simon Brouwer)
Copyright (c) 2020 OpenTaal (Simon Brouwer, Sander van Geloven)

Header of nl.aff (hunspell-nl {versions['hunspell-nl']}):

{header}

OpenTaal asks to keep a copy of its README_nl_NL.txt with every copy of the word list; the
Debian packages do not ship that file. Its licence statement is the one reproduced below.

The text below is /usr/share/doc/hunspell-nl/copyright{' (identical to /usr/share/doc/wdutch/copyright)' if same else ''},
unchanged. It contains both licence texts.

--------------------------------------------------------------------------------
{copyright_text.rstrip()}
"""
    if not same:
        for p in COPYRIGHT_FILES[1:]:
            text += f"\n--------------------------------------------------------------------------------\n{p}\n\n" + \
                p.read_text(encoding="utf-8").rstrip() + "\n"
    path.write_text(text, encoding="utf-8")
    return versions


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    lex = Lexicon(hunspell.read_aff(AFF), hunspell.read_dic(DIC))
    result, reasons, _ = build_lemmas(lex)
    lines = sorted(f"{f}\t{l}" for (f, l) in result)
    raw, gz = write_gzip(args.out / "nl-lemmas.tsv.gz", lines)

    words, removed = compound_words(WORDLIST, tables.read_stoplist(), *lemma_sets(lex, result))
    craw, cgz = write_gzip(args.out / "nl-compound-words.txt.gz", words)
    versions = write_license(args.out / "LICENSE-OpenTaal.txt", lex.aff.header)

    print(f"OpenTaal: hunspell-nl {versions['hunspell-nl']}, wdutch {versions['wdutch']}")
    print(f"nl.dic lower-case entries: {len(lex.lines)}, accepted forms: {len(lex.attested)}, "
          f"infinitives: {len(lex.infinitives)}")
    print(f"nl-lemmas.tsv.gz: {len(lines)} pairs, {len({l for _, l in result})} lemmas, "
          f"{raw} bytes raw, {gz} bytes gzip")
    for source, n in sorted(Counter(result.values()).items()):
        print(f"  {source:16} {n:7}")
    print("dropped by the collision rule:")
    for reason, n in sorted(reasons.items()):
        print(f"  {reason:42} {n:7}")
    print(f"nl-compound-words.txt.gz: {len(words)} words, {craw} bytes raw, {cgz} bytes gzip")
    print("left out of the compound dictionary (of the lower-case letter-only words):")
    for reason, n in sorted(removed.items()):
        print(f"  {reason:42} {n:7}")
    print(f"total gzip: {gz + cgz} bytes")


if __name__ == "__main__":
    main()
