"""nl.dic after normalisation, with the classifications the lexicon rules need: which words
OpenTaal accepts, which are nouns, adjectives or infinitives of their own, and which verb stems it
lists with which past-tense suffix."""

import re
from collections import Counter, defaultdict

import hunspell
from hunspell import norm

VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")

LETTERS_RE = re.compile(r"^[a-zàáâäçèéêëìíîïñòóôöùúûü]+$")

FORM_RE = re.compile(r"^[a-zàáâäçèéêëìíîïñòóôöùúûü]+(?:'[a-z]+)?$")


def is_vowel(ch):
    return ch in VOWELS


# Morphological tags of the OpenTaal affix rules (ts:NN2 = plural, NN1r/NN2r = diminutive).
PLURAL_TAGS = {"NN2"}

DIMINUTIVE_TAGS = {"NN1r", "NN2r"}

# Flags whose suffixes are derivational, not inflectional, even when tagged as nouns:
# Zm (-heid/-heden from adjectives), Xe (-e feminine), Zk (nominalised -e/-en).
DERIVATIONAL_FLAGS = {"Zm", "Xe", "Zk"}

VERB_STEM_FLAGS = {"V3": "3", "Vp": "de", "Vq": "te"}

VERB_T_FLAGS = {"Va": "de", "Vb": "te"}     # on a 3rd-person form ending in -t


class Lexicon:
    """nl.dic after normalisation, with the classifications the rules need."""

    def __init__(self, aff, dic):
        self.aff = aff
        self.flag_tag = {}
        for flag, rules in aff.rules.items():
            tags = Counter(r.tag for r in rules if r.tag)
            self.flag_tag[flag] = tags.most_common(1)[0][0] if tags else ""
        forbidden_flag = aff.forbidden_flag
        self.forbidden = {norm(l.word).lower() for l in dic if forbidden_flag in l.flags}
        # Lower-case single-word entries only: capitalised lines are names or sentence-initial
        # duplicates ("Ĳken" beside "ĳken").
        # Entries flagged ONLYINCOMPOUND ("eier" of eierdop) are not words on their own.
        self.lines = [l for l in dic if l.word == l.word.lower() and forbidden_flag not in l.flags
                      and aff.only_in_compound_flag not in l.flags and LETTERS_RE.match(norm(l.word))]
        self.words = defaultdict(list)          # word -> [flag tuples]
        for l in self.lines:
            self.words[norm(l.word)].append(l.flags)

        self.attested = set()
        self.noun_lemmas, self.adj_lemmas, self.infinitives = set(), set(), {}
        self.stem_info = defaultdict(set)       # verb stem -> {"de", "te", "3"}
        for l in self.lines:
            self._index_line(l)
        self.attested -= self.forbidden

    def _is_noun_line(self, flags):
        """A noun of its own: a plural or diminutive flag, and a diminutive or the compound flags
        OpenTaal gives nouns (Cc, Ch, Ce). OpenTaal also puts plural flags on verb forms to spell
        their plural or nominalisation (ging/Zb -> gingen, aangesloten/AaZb -> aangeslotenen,
        stelt/CaZbCb); those are not nouns with a meaning of their own."""
        inflects = any(self.tag_of(r) in PLURAL_TAGS | DIMINUTIVE_TAGS
                       for f in flags if f not in DERIVATIONAL_FLAGS and f not in ("Zi", "Zj")
                       for r in self.aff.rules.get(f, ()))
        nounlike = any(self.flag_tag.get(f) in DIMINUTIVE_TAGS for f in flags) or \
            bool(flags & {"Cc", "Ch", "Ce"})
        return inflects and nounlike

    def tag_of(self, rule):
        return rule.tag or self.flag_tag.get(rule.flag, "")

    def _index_line(self, line):
        word = norm(line.word)
        flags = set(line.flags)
        for form, sfx, pfx in hunspell.expand(line, self.aff):
            form = norm(form)
            if FORM_RE.match(form):
                self.attested.add(form)
        if self._is_noun_line(flags):
            self.noun_lemmas.add(word)
        if any(f[0] == "A" and f != "A0" and self.aff.kinds.get(f) == "SFX" for f in flags):
            self.adj_lemmas.add(word)
        prefixes = [p for f in flags for p in self.aff.rules.get(f, ()) if p.kind == "PFX"
                    and f[0] == "P"]
        if "Vi" in flags:
            self.infinitives.setdefault(word, "")
            for p in prefixes:
                full = norm(p.add) + word
                if full not in self.forbidden:
                    self.infinitives.setdefault(full, norm(p.add))
        for f, kind in VERB_STEM_FLAGS.items():
            if f in flags:
                self.stem_info[word].add(kind)
                for p in prefixes:
                    self.stem_info[norm(p.add) + word].add(kind)
        for f, kind in VERB_T_FLAGS.items():
            if f in flags and word.endswith("t"):
                self.stem_info[word[:-1]].update((kind, "3"))

    def listed(self, word):
        """Does nl.dic list the word as an entry of its own, not just to give it a plural -n or
        to allow it at the start of a compound (moois/CaCb)?"""
        return any(set(fs) - {"Zi", "Zj", "Ca", "Cb"} or not fs for fs in self.words.get(word, ()))

    def has_diminutive(self, word):
        return any(self.flag_tag.get(f) in DIMINUTIVE_TAGS for fs in self.words.get(word, ()) for f in fs)
