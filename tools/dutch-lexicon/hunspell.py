"""Reading the OpenTaal Hunspell files (nl.aff with ``FLAG long``, nl.dic).

Only what the lexicon generator needs: the suffix/prefix rules with their conditions and
morphological tags, the dictionary lines with their flag sets, and a one-level expansion of a
root by its flags (enough to know which word forms OpenTaal accepts).

The affix and dictionary files write the Dutch digraph ij as the ligature ``ĳ`` (U+0133) and keep it
that way while affixes are applied (conditions and strip strings use it); words are only normalised
(``ĳ`` -> ``ij``, NFC) when they leave this module through :func:`norm`.
"""

import re
import unicodedata
from dataclasses import dataclass, field


def norm(word):
    """Normalise a word for output: NFC, ligature ij split, typographic apostrophe to ASCII."""
    word = word.replace("ĳ", "ij").replace("Ĳ", "IJ").replace("\u2019", "'")
    return unicodedata.normalize("NFC", word)


@dataclass(frozen=True)
class Affix:
    kind: str            # "SFX" or "PFX"
    flag: str            # two-character flag
    strip: str           # characters removed from the root ("" for 0)
    add: str             # characters added ("" for 0)
    cont: tuple          # continuation flags of the affixed form
    cond: object         # compiled regular expression of the condition
    tag: str             # morphological tag ("NN2", "AJe", ...), "" when none
    cross: bool          # may combine with an affix of the other kind

    def applies(self, root):
        if not self.cond.search(root):
            return False
        if self.kind == "SFX":
            return root.endswith(self.strip) and len(root) > len(self.strip)
        return root.startswith(self.strip) and len(root) > len(self.strip)

    def apply(self, root):
        if self.kind == "SFX":
            base = root[: len(root) - len(self.strip)] if self.strip else root
            return base + self.add
        return self.add + root[len(self.strip):]


def split_flags(flags):
    """``FLAG long``: every two characters form one flag."""
    return tuple(flags[i:i + 2] for i in range(0, len(flags) - 1, 2))


def _condition_regex(cond, kind):
    """Translate a Hunspell condition ("[^aeo]", "oob", ".") into an anchored regex."""
    if cond == ".":
        pattern = ""
    else:
        parts, i = [], 0
        while i < len(cond):
            ch = cond[i]
            if ch == "[":
                j = cond.index("]", i)
                body = cond[i + 1:j]
                neg = body.startswith("^")
                chars = re.escape(body[1:] if neg else body)
                parts.append("[" + ("^" if neg else "") + chars + "]")
                i = j + 1
            elif ch == ".":
                parts.append(".")
                i += 1
            else:
                parts.append(re.escape(ch))
                i += 1
        pattern = "".join(parts)
    return re.compile(pattern + "$" if kind == "SFX" else "^" + pattern)


@dataclass
class AffixFile:
    rules: dict = field(default_factory=dict)     # flag -> [Affix]
    kinds: dict = field(default_factory=dict)     # flag -> "SFX" / "PFX"
    forbidden_flag: str = "Fw"
    only_in_compound_flag: str = "Cx"
    header: list = field(default_factory=list)    # leading comment lines (licence, version)


def read_aff(path):
    aff = AffixFile()
    headers = {}
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        if line.startswith("#"):
            aff.header.append(line)
        else:
            break
    for line in lines:
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "FORBIDDENWORD":
            aff.forbidden_flag = fields[1]
        if fields[0] == "ONLYINCOMPOUND":
            aff.only_in_compound_flag = fields[1]
        if fields[0] not in ("SFX", "PFX") or len(fields) < 4:
            continue
        kind, flag = fields[0], fields[1]
        if len(fields) == 4 and flag not in headers and fields[3].isdigit():
            headers[flag] = fields[2] == "Y"
            aff.kinds[flag] = kind
            aff.rules.setdefault(flag, [])
            continue
        strip = "" if fields[2] == "0" else fields[2]
        add, _, cont = fields[3].partition("/")
        add = "" if add == "0" else add
        cond = fields[4] if len(fields) > 4 and not fields[4].startswith(("ts:", "#")) else "."
        tags = [f[3:] for f in fields[4:] if f.startswith("ts:")]
        aff.rules.setdefault(flag, []).append(Affix(
            kind=kind, flag=flag, strip=strip, add=add, cont=split_flags(cont),
            cond=_condition_regex(cond, kind), tag=tags[0] if tags else "",
            cross=headers.get(flag, False)))
    return aff


@dataclass(frozen=True)
class DicLine:
    word: str      # as written in nl.dic (with the ĳ ligature)
    flags: tuple   # two-character flags


def read_dic(path):
    """Dictionary lines, skipping the count line and multi-word entries."""
    out = []
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for raw in fh:
            raw = raw.rstrip("\n")
            if not raw or raw[0] in " \t":
                continue
            # A word may contain an escaped slash ("km\/h"); the first bare slash starts the flags.
            m = re.match(r"((?:[^/\\\s]|\\.)+)(?:/(\S*))?(.*)$", raw)
            if not m:
                continue
            word, flags, rest = m.group(1), m.group(2) or "", m.group(3)
            if rest.strip() and not rest.strip().startswith(("ts:", "po:", "st:", "#")):
                continue  # "aan laat": a multi-word entry
            out.append(DicLine(word.replace("\\/", "/"), split_flags(flags)))
    return out


def expand(line, aff):
    """One-level expansion of a dictionary line: yields (form, affix-or-None, prefix-or-None).

    Suffixes, prefixes, their cross products (both rules marked Y) and prefixes named as
    continuation flags of a suffix (``st/A0`` -> "aller" + "grootst") are applied; continuation
    suffixes are not (OpenTaal uses them for compounding, not for inflection).
    """
    root = line.word
    yield root, None, None
    sfx = [a for f in line.flags for a in aff.rules.get(f, ()) if a.kind == "SFX" and a.applies(root)]
    pfx = [a for f in line.flags for a in aff.rules.get(f, ()) if a.kind == "PFX" and a.applies(root)]
    for s in sfx:
        form = s.apply(root)
        yield form, s, None
        for cf in s.cont:
            for p in aff.rules.get(cf, ()):
                if p.kind == "PFX" and p.applies(form):
                    yield p.apply(form), s, p
    for p in pfx:
        yield p.apply(root), None, p
        if p.cross:
            for s in sfx:
                if s.cross:
                    yield p.apply(s.apply(root)), s, p
