"""Nouns and adjectives: the OpenTaal suffix rules applied to the lower-case roots of nl.dic, the
diminutives, and the irregular plurals the suffix rules do not produce."""

from hunspell import norm
from lexicon import (DERIVATIONAL_FLAGS, DIMINUTIVE_TAGS, FORM_RE, PLURAL_TAGS, is_vowel)


def affix_pairs(lex):
    """(form, lemma, kind) for every inflectional suffix rule applied to a lower-case root.

    kind: "plural" (NN2), "diminutive" (NN1r, the -je form), "dim-plural" (NN2r, -jes),
    "adjective" (AJ*: -e, -er, -ere, -st, -ste, aller-; and the partitive -s, tag i), or
    "adjective-listed" for a partitive -s that nl.dic also lists as a word of its own (slechts),
    which the collision rule drops.
    """
    out = []
    for line in lex.lines:
        root = line.word
        lemma = norm(root)
        for flag in line.flags:
            if flag in DERIVATIONAL_FLAGS or lex.aff.kinds.get(flag) != "SFX":
                continue
            for rule in lex.aff.rules[flag]:
                tag = lex.tag_of(rule)
                if tag in PLURAL_TAGS:
                    kind = "plural"
                elif tag in DIMINUTIVE_TAGS:
                    kind = None  # decided by the form: OpenTaal tags some -jes forms NN1r
                elif tag == "i":
                    kind = "adjective-adverb"   # partitive -s: iets moois (see collision())
                elif tag.startswith("AJ"):
                    kind = "adjective"
                else:
                    continue
                if not rule.applies(root):
                    continue
                raw = rule.apply(root)
                forms = [raw]
                if kind == "adjective":   # allergrootste: the aller- prefix continues -st/-ste
                    forms += [p.apply(raw) for cf in rule.cont for p in lex.aff.rules.get(cf, ())
                              if p.kind == "PFX" and p.applies(raw)]
                for form in forms:
                    form = norm(form)
                    if not FORM_RE.match(form) or form == lemma:
                        continue
                    k = kind or ("dim-plural" if form.endswith("s") else "diminutive")
                    if k == "adjective-adverb":
                        k = "adjective-listed" if lex.listed(form) else "adjective"
                    out.append((form, lemma, k))
    return out


def diminutive_pairs(pairs, lex):
    """Turn the raw diminutive pairs into the ones we keep.

    - A diminutive plural maps to its diminutive singular (kopjes -> kopje, huisjes -> huisje),
      one line per form: the singular is the form's own dictionary form.
    - A diminutive singular maps to the noun whose OpenTaal entry derives it by a diminutive flag
      (huisje -> huis, kopje -> kop). That derivation is the reliability test: diminutives that
      OpenTaal only lists as words of their own (meisje: there is no "meis" with a diminutive
      flag) keep their own lemma.
    - Every attested -je word X with an attested X+s gets X+s -> X, so the listed diminutives
      get their plural too (meisjes -> meisje).
    """
    out = []
    for form, lemma, kind in pairs:
        if kind == "dim-plural":
            singular = form[:-1]
            if singular in lex.attested:
                out.append((form, singular, "diminutive"))
        else:
            out.append((form, lemma, kind))
    for word in lex.attested:
        if word.endswith("je") and word + "s" in lex.attested:
            out.append((word + "s", word, "diminutive"))
    return out


def comparative_e_pairs(pairs, lex):
    """grotere -> groot: OpenTaal lists some inflected comparatives as entries of their own
    ("grotere/Zi") instead of deriving them from the adjective; comparative + e is the form."""
    out = []
    for form, lemma, kind in pairs:
        if kind in ("adjective", "adjective-listed") and form.endswith("er") and form + "e" in lex.attested:
            out.append((form + "e", lemma, "adjective"))
    return out


def lengthened_plural(noun):
    """glas -> glazen, gat -> gaten, hof -> hoven: the short vowel of a closed final syllable
    becomes long in the open syllable of the plural, so the final consonant is not doubled
    (and s -> z, f -> v as in any open syllable). The few with i -> e (schip -> schepen) are in
    irregular-nouns.tsv."""
    if len(noun) < 3:
        return None
    v, c = noun[-2], noun[-1]
    if v not in "aeo" or is_vowel(c) or is_vowel(noun[-3]) or c in "jwy":
        return None
    c = {"s": "z", "f": "v"}.get(c, c)
    return noun[:-2] + v + c + "en"


def irregular_noun_pairs(lex, regular_forms, table):
    """(plural, singular, kind) from irregular-nouns.tsv ("irregular-table") and from three
    patterns ("irregular-noun"):

      - -eren plurals: kind -> kinderen, ei -> eieren, volk -> volkeren;
      - -man -> -lieden / -lui / -mensen: vakman -> vaklieden, vaklui, vakmensen;
      - lengthening, for nouns without a plural flag: glas -> glazen, kerkhof -> kerkhoven;
      - Greek and Latin -sis -> -ses: crisis -> crises, basis -> bases, dosis -> doses.

    OpenTaal lists such plurals as entries of their own with compound flags (kinderen/CaCcCb,
    glazen/Cc) but does not link them to the singular. A pattern's plural is kept only if it is such
    an entry, is not an infinitive (bomen is not the plural of bom, schilderen not of schild), and is
    not already derived from another root by the affix rules (mezen is the plural of mees, not of mes);
    the singular must be a noun (a noun flag, and no verb stem: aflever/CaCb is no noun).
    """
    out = [(p, s, "irregular-table") for p, s in table]
    plural_flagged = {w for w, fl in lex.words.items() for flags in fl
                      if any(lex.flag_tag.get(f) in PLURAL_TAGS for f in flags)}

    def listed_plural(word):
        return any(f in ("Ca", "Cb", "Cc", "Ch", "Ce") for fs in lex.words.get(word, ()) for f in fs)

    for noun, flag_sets in sorted(lex.words.items()):
        flags = {f for fs in flag_sets for f in fs}
        is_noun = bool(flags & {"Cc", "Ch", "Ce"}) or any(lex.flag_tag.get(f) in DIMINUTIVE_TAGS for f in flags)
        if not is_noun or noun in lex.stem_info or noun in lex.infinitives or len(noun) < 2:
            continue
        candidates = [noun + "eren"]                         # kind -> kinderen, ei -> eieren
        if noun.endswith("man"):                             # vakman -> vaklieden, vakmensen
            candidates += [noun[:-3] + "lieden", noun[:-3] + "lui", noun[:-3] + "mensen"]
        if noun.endswith("sis"):                             # crisis -> crises, thesis -> theses
            candidates.append(noun[:-2] + "es")
        if noun not in plural_flagged:
            longer = lengthened_plural(noun)
            if longer:
                candidates.append(longer)
        for plural in candidates:
            if plural != noun and listed_plural(plural) and plural not in regular_forms \
                    and plural not in lex.infinitives:
                out.append((plural, noun, "irregular-noun"))
    return out
