"""The compound-splitting dictionary for DictionaryCompoundWordTokenFilter, from wdutch."""

import unicodedata
from collections import Counter

from lexicon import LETTERS_RE

# The compound filter is configured as DictionaryCompoundWordTokenFilter(v, ts, dict, 8, 4, 15, false):
# parts of 4..15 characters. Longer dictionary entries can never be matched, so they are left out.
COMPOUND_MIN_LEN = 4

COMPOUND_MAX_LEN = 15

# A part of 13+ letters can only be found in a token of 17+ letters; such words are kept only when
# the word list has a longer word that contains them (see compound_words()).
COMPOUND_LONG_PART = 13


def read_wordlist(path):
    """The entries of /usr/share/dict/dutch that are lower-case letters only, NFC."""
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w = unicodedata.normalize("NFC", line.strip())
            if LETTERS_RE.match(w):   # lower-case letters only: no names, digits, hyphens, dots
                words.add(w)
    return words


def compound_words(wordlist, stoplist, lemma_map, lemmas):
    """The compound-splitting dictionary: wdutch's lower-case words of 4..15 letters, minus

    1. the stop list (suffix-like junk: eren, ende, ring, ...);
    2. inflected forms whose dictionary form is a prefix of them and is itself in the list
       (banden -> band, grootste -> groot): the filter finds the shorter word at the same place,
       and the lemma map turns the longer form into it anyway. Words that are lemmas themselves
       (werken, planning) stay;
    3. words of 13+ letters (COMPOUND_LONG_PART) that no longer word of the list contains: such a
       part can only match inside a token of 17+ letters, and the list knows no compound with it.
    Returns (words, Counter of what each rule removed).
    """
    all_words = read_wordlist(wordlist)
    removed = Counter()
    words = set()
    for w in all_words:
        if not COMPOUND_MIN_LEN <= len(w) <= COMPOUND_MAX_LEN:
            removed["length"] += 1
        elif w in stoplist:
            removed["stop list"] += 1
        else:
            words.add(w)
    for w in sorted(words):
        ls = lemma_map.get(w)
        if ls and w not in lemmas and all(w.startswith(l) and l != w and l in words for l in ls):
            words.discard(w)
            removed["inflected form of a listed prefix"] += 1
    long_parts = {w for w in words if len(w) >= COMPOUND_LONG_PART}
    contained = set()
    for x in all_words:
        n = len(x)
        if n < COMPOUND_LONG_PART + 4:
            continue
        for i in range(0, n - COMPOUND_LONG_PART + 1):
            for j in range(i + COMPOUND_LONG_PART, min(n, i + COMPOUND_MAX_LEN) + 1):
                if (i >= 4 or n - j >= 4) and x[i:j] in long_parts:
                    contained.add(x[i:j])
    for w in long_parts - contained:
        words.discard(w)
        removed["long word in no compound"] += 1
    return sorted(words), removed
