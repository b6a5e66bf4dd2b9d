"""Verbs: the weak paradigm by Dutch spelling rules, the strong-verb table, and prefixed and
separable verbs, with OpenTaal's word forms as the referee between alternatives."""

from collections import Counter, defaultdict

from lexicon import FORM_RE, LETTERS_RE, is_vowel


# Unstressed prefixes: verbs starting with them take no ge- in the participle. mis- is mostly
# inseparable too (misbruikt, mishandeld); the separable ones (misgegaan) are found by attestation.
INSEPARABLE = ["her", "ont", "ver", "mis", "be", "ge", "er"]

# Particles that make separable verbs: opbellen -> opgebeld, (dat hij) opbelde.
SEPARABLE = sorted(set("""
    aan af bij door in mee na om onder op over terug toe uit voor weg samen tegen vast vrij los
    neer rond achter binnen buiten dicht open tegemoet teweeg voorbij langs heen thuis klaar kapot
    stil schoon goed fout mis vol weer kwijt gade tentoon teleur plaats deel achterna achterop
    achterover achteruit achterom aaneen uiteen achtereen bijeen tezamen omhoog omlaag omver
    rondom voort huis zoek bekend gelijk ineen vooruit hard lam lief schuil stand feest
""".split()), key=lambda p: (-len(p), p))

# Particles that are separable in some verbs and inseparable in others (voorkomen, overleggen):
# the participle OpenTaal accepts decides; with no evidence the separable reading is used.
AMBIGUOUS = {"door", "onder", "over", "om", "voor", "achter", "mis", "vol", "weer"}

KOFSCHIP = set("tkfsxp")   # 't kofschip (+ x): a stem ending in these sounds (or ch) takes -te/-t


def has_inseparable_prefix(verb):
    """be-/ge-/her-/ont-/ver-/er-/mis- count as a prefix only if the rest still has a syllable of
    its own: verven, beven, erven, geven are not prefixed. (Words that only look prefixed, like
    geuren or ergeren, get their ge- back when OpenTaal knows the participle: gegeurd, geërgerd.)"""
    for p in INSEPARABLE:
        if verb.startswith(p):
            rest = verb[len(p):]
            core = rest[:-2] if rest.endswith("en") else rest[:-1]
            if any(is_vowel(ch) for ch in core):
                return True
    return False


def add_ge(stem_form):
    """ge- + participle, with the trema where ge- would merge with the next vowel:
    geëerd, geïnd, geüpdatet; but geuit, geijkt (ui and ij are digraphs of their own)."""
    first = stem_form[0]
    if first == "e":
        return "geë" + stem_form[1:]
    if first == "i" and not stem_form.startswith("ij"):
        return "geï" + stem_form[1:]
    if first == "u" and not stem_form.startswith("ui"):
        return "geü" + stem_form[1:]
    return "ge" + stem_form


def add_e(word):
    """Adjectival -e: gewerkt -> gewerkte, gezet -> gezette (a short vowel keeps its syllable
    closed), gepraat -> geprate (a long vowel is written single in an open syllable)."""
    if len(word) >= 4 and word[-2] in "aeou" and word[-3] == word[-2] and not is_vowel(word[-4]):
        return word[:-2] + word[-1] + "e"
    if len(word) >= 3 and word[-2] in "aeiou" and not is_vowel(word[-3]):
        return word + word[-1] + "e"
    return word + "e"


def drop_ge(pp):
    """gelopen -> lopen, gegeven -> geven, geëerd -> eerd: the participle without its ge-."""
    if pp.startswith("geë"):
        return "e" + pp[3:]
    if pp.startswith("geï"):
        return "i" + pp[3:]
    if pp.startswith("geü"):
        return "u" + pp[3:]
    return pp[2:] if pp.startswith("ge") else pp


def stem_candidates(core, eren_long=None):
    """Present-tense stem of a (prefix-less) infinitive, most likely first.

    Dutch spelling rules applied to the infinitive minus -en:
      - undoubling: a doubled consonant becomes single (zetten -> zet, bellen -> bel);
      - vowel lengthening: a single a/e/o/u in an open syllable is written double once the
        syllable is closed (maken -> maak, lopen -> loop, huren -> huur). An e in a later syllable is
        usually the unstressed e of -elen/-enen/-eren and stays (wandelen -> wandel, tekenen ->
        teken), which the OpenTaal stems then confirm or overrule (organiseren -> organiseer);
      - a final v or z becomes f or s (leven -> leef, reizen -> reis).
    For -eren verbs (eren_long: a function of the two letters before -eren) the default is learned
    from the verbs whose stem OpenTaal knows: loans mostly stress -eer (organiseer, accepteer),
    Dutch verbs mostly not (verander, luister).
    Returns (candidates, kofschip_consonant) where the consonant is the one the past tense
    suffix depends on (before v/z -> f/s: leven -> leefde, reizen -> reisde).
    """
    if core.endswith("ën"):                       # oliën -> olie, skiën -> ski
        s = core[:-2]
        return ([s + "e", s] if s.endswith("i") else [s]), ""
    if core.endswith("en"):
        s = core[:-2]
    elif core.endswith("n"):                      # gaan, zien, doen
        return [core[:-1]], ""
    else:
        return [core], core[-1:]
    if not s:
        return [], ""
    cands = []
    if len(s) >= 2 and s[-1] == s[-2] and not is_vowel(s[-1]):
        cands.append(s[:-1])                                      # zett -> zet
    elif len(s) >= 2 and not is_vowel(s[-1]) and s[-2] in "aeouë" and \
            (len(s) < 3 or not is_vowel(s[-3]) or s[-2] == "ë"):
        v = s[-2]
        if v == "ë":                             # creëren -> creëer, kopiëren -> kopieer
            longv = "ee" if len(s) >= 3 and s[-3] == "i" else "ëe"
        else:
            longv = v + v
        long_form = s[:-2] + longv + s[-1]
        stressed = v != "e" or not any(is_vowel(ch) for ch in s[:-2])
        if v == "e" and s.endswith("er") and eren_long is not None and len(s) > 4:
            stressed = eren_long(s[-4:-2])
        cands += [long_form, s] if stressed else [s, long_form]
    else:
        cands.append(s)
    consonant = "ch" if s.endswith("ch") else s[-1]
    devoiced = []
    for c in cands:
        if c.endswith("v"):
            c = c[:-1] + "f"
        elif c.endswith("z"):
            c = c[:-1] + "s"
        devoiced.append(c)
    devoiced.append(core[:-1])                   # English loans: updaten -> update, deleten -> delete
    return devoiced, consonant


class VerbForms:
    """The forms of one verb by slot. Each slot holds candidates; attested ones win."""

    SLOTS = ("stem", "pres3", "past_sg", "past_pl", "pp", "pp_e", "prespart", "prespart_e", "extra")

    def __init__(self):
        self.slots = {s: [] for s in self.SLOTS}
        self.fixed = set()  # slots filled from the strong-verb table: no attestation check

    def add(self, slot, forms):
        for f in forms:
            if f and f not in self.slots[slot]:
                self.slots[slot].append(f)

    def prefixed(self, prefix, pp_mode):
        """This verb's forms behind a prefix. pp_mode "sep": opgebeld; "insep": verlopen (ge- dropped)."""
        out = VerbForms()
        out.fixed = set(self.fixed)
        for slot, forms in self.slots.items():
            if slot in ("pp", "pp_e") and pp_mode == "insep":
                forms = [drop_ge(f) for f in forms]
            out.slots[slot] = [prefix + f for f in forms]
        return out


class Conjugator:
    """Forms of every verb, memoised; self.sources[verb] says which rule made them:
    "strong" (the table, or a verb with an inseparable prefix that inherits from it), "separable"
    (particle + verb, weak or strong) or "weak"."""

    def __init__(self, lex, strong):
        self.lex = lex
        self.strong = strong
        self.cache = {}
        self.sources = {}
        self.eren_votes = self._learn_eren()

    def _learn_eren(self):
        """For -eren verbs whose stem OpenTaal lists in exactly one spelling, count by the two
        letters before -eren whether the stem is long (organis|eer) or short (verand|er)."""
        votes = defaultdict(Counter)
        for verb in self.lex.infinitives:
            if verb.endswith("eren") and len(verb) > 6:
                short = verb[:-2]
                long_form = short[:-2] + "eer"
                has_long, has_short = long_form in self.lex.stem_info, short in self.lex.stem_info
                if has_long != has_short:
                    votes[short[-4:-2]]["long" if has_long else "short"] += 1
        return votes

    def eren_long(self, key):
        v = self.eren_votes.get(key, Counter())
        return v["long"] >= v["short"]   # unknown: long, as most -eren verbs are loans

    def is_verb(self, word):
        """An infinitive of nl.dic or of the strong-verb table."""
        return word in self.strong or word in self.lex.infinitives

    # -- weak verbs ---------------------------------------------------------------------------
    def weak(self, verb, prefix=""):
        """Weak paradigm of prefix+core (prefix is an inseparable prefix or "")."""
        core = verb[len(prefix):]
        cands, consonant = stem_candidates(core, self.eren_long)
        cands = [prefix + c for c in cands]
        # The rule's first choice stands when OpenTaal knows it as a stem or as any word (weten ->
        # weet, although "wet" is listed as the stem of wetten); otherwise a listed stem wins
        # (veranderen -> verander).
        attested = [c for c in cands if c in self.lex.stem_info]
        if cands and (cands[0] in self.lex.stem_info or cands[0] in self.lex.attested):
            stems = cands[:1]
        else:
            stems = attested[:1] or cands[:1]
        forms = VerbForms()
        for stem in stems:
            info = self.lex.stem_info.get(stem, set())
            if "te" in info or "de" in info:
                suffixes = [s for s in ("te", "de") if s in info]
            else:
                suffixes = ["te" if consonant in KOFSCHIP or consonant == "ch" else "de"]
            forms.add("stem", [stem])
            forms.add("pres3", [stem if stem.endswith("t") else stem + "t"])
            for suf in suffixes:
                forms.add("past_sg", [stem + suf])
                forms.add("past_pl", [stem + suf + "n"])
                ending = "" if stem.endswith(("t", "d")) else suf[0]
                bare = stem + ending
                pps = [add_ge(bare), bare]
                if prefix or has_inseparable_prefix(verb):
                    pps.reverse()                         # betaald, not gebetaald
                if ending == "d":
                    # A participle in -d is no other form of the verb, so OpenTaal can decide:
                    # ergeren -> geërgerd, geuren -> gegeurd, omarmen -> omarmd.
                    forms.add("pp", pps)
                else:
                    # In -t it is also the present (werkt), and a stem in -t/-d is the stem itself:
                    # the rule decides.
                    forms.add("pp", pps[:1])
        self._finish(verb, forms)
        return forms

    def _finish(self, verb, forms):
        """The present participle: werkend, werkende (an -e form of its own: zijnde, gaande)."""
        forms.add("prespart", [verb + "d"])
        forms.add("prespart_e", [verb + "de"])

    # -- strong verbs -------------------------------------------------------------------------
    def strong_forms(self, verb):
        """A verb of strong-verbs.tsv: the table's past tenses and participle as written; the
        present from the table's last column if given (kom/komt), else by the weak rules (loop)."""
        row = self.strong[verb]
        forms = VerbForms()
        if row["present"]:
            forms.add("extra", row["present"])
            forms.fixed.add("extra")
        else:
            weak = self.weak(verb, self._insep_prefix(verb))
            forms.add("stem", weak.slots["stem"])
            forms.add("pres3", weak.slots["pres3"])
        forms.add("past_sg", row["past_sg"])
        forms.add("past_pl", row["past_pl"])
        forms.add("pp", row["pp"])
        forms.fixed.update(("past_sg", "past_pl", "pp"))
        self._finish(verb, forms)
        return forms

    def _insep_prefix(self, verb):
        """The unstressed prefix the verb starts with ("be" of betalen), or ""."""
        for p in INSEPARABLE:
            if verb.startswith(p) and has_inseparable_prefix(verb):
                return p
        return ""

    # -- any verb -----------------------------------------------------------------------------
    def forms(self, verb):
        """VerbForms of an infinitive, with the rule that produced them (self.sources[verb])."""
        if verb in self.cache:
            return self.cache[verb]
        self.cache[verb] = VerbForms()   # guard against recursion
        result, source = self._analyse(verb)
        self.sources[verb] = source
        self._choose(verb, result)
        self.cache[verb] = result
        return result

    def _analyse(self, verb):
        if verb in self.strong:
            return self.strong_forms(verb), "strong"
        # particle + verb: opbellen, aannemen, opschrijven (separable); voorkomen, overleggen (both)
        for p in SEPARABLE:
            rest = verb[len(p):]
            if verb.startswith(p) and len(rest) >= 3 and self.is_verb(rest):
                return self._particle_verb(verb, p, rest)
        # inseparable prefix + verb: verlopen, begrijpen, ontvangen, bewegen
        for p in INSEPARABLE:
            rest = verb[len(p):]
            if verb.startswith(p) and len(rest) >= 3 and self.is_verb(rest) and has_inseparable_prefix(verb):
                sub = self.forms(rest)
                if self.sources.get(rest) == "strong":
                    strong = sub.prefixed(p, "insep")
                    weak = self.weak(verb, p)
                    # herbergen is not her+bergen: trust the strong past only if OpenTaal knows it
                    if not any(f in self.lex.attested for f in strong.slots["past_sg"]) and \
                            any(f in self.lex.attested for f in weak.slots["past_sg"]):
                        return weak, "weak"
                    return strong, "strong"
                return self.weak(verb, p), "weak"
        # another word + verb, when OpenTaal knows the separable participle:
        # deelnemen -> deelgenomen, plaatsvinden -> plaatsgevonden (but stofzuigen -> gestofzuigd)
        for i in range(3, len(verb) - 3):
            head, rest = verb[:i], verb[i:]
            if head in self.lex.attested and self.is_verb(rest):
                sep = self.forms(rest).prefixed(head, "sep")
                if any(f in self.lex.attested for f in sep.slots["pp"]):
                    return sep, "separable"
        return self.weak(verb, self._insep_prefix(verb)), "weak"

    def _particle_verb(self, verb, particle, rest):
        """A particle verb is separable (opgebeld) or, for some particles, inseparable
        (overlegd, voorkomen, onderhouden); a few words only look like particle verbs
        (informeren is not in+formeren: geïnformeerd). The participles OpenTaal accepts decide;
        without evidence the separable reading is used."""
        att = self.lex.attested
        sub = self.forms(rest)
        sep = sub.prefixed(particle, "sep")
        insep = sub.prefixed(particle, "insep")
        sep_ok = any(f in att for f in sep.slots["pp"])
        insep_ok = any(f in att and f != verb for f in insep.slots["pp"])
        sub_source = self.sources.get(rest, "weak")
        if sep_ok:
            if insep_ok:
                sep.add("pp", insep.slots["pp"])
            return sep, "separable"
        # A known participle with ge- in front of the whole verb says it is no particle verb at all
        # (gehuisvest: huisvesten is not huis+vesten, although "huisvest" is known as its present).
        simplex = self.weak(verb, self._insep_prefix(verb))
        if any(f in att and f.startswith("ge") and f != verb for f in simplex.slots["pp"]):
            return simplex, "weak"
        if insep_ok:
            return insep, sub_source
        if any(f in att for f in simplex.slots["pp"]):
            return simplex, "weak"
        if particle in AMBIGUOUS and insep.slots["pp"] == [verb] and self.sources.get(rest) == "strong":
            # onderscheiden, voorzien: the inseparable participle is the infinitive itself, so it
            # cannot be attested; the separable one (ondergescheiden) is not known either
            return insep, sub_source
        return sep, "separable"

    def _choose(self, verb, forms):
        """Keep the attested candidates of each slot; with none attested keep the first (the rule's
        default). Slots from the strong-verb table are kept as written."""
        att = self.lex.attested
        for slot, cands in forms.slots.items():
            if slot in forms.fixed or not cands:
                continue
            ok = [c for c in cands if c in att]
            forms.slots[slot] = ok if ok else cands[:1]
        # adjectival participle: gewerkte, gebrachte (a participle in -en stays: gelopen). Of a
        # strong or irregular verb only the ones OpenTaal knows (gebrachte, but no *gehadde).
        forms.slots["pp_e"] = [add_e(p) for p in forms.slots["pp"] if p.endswith(("t", "d"))]
        if "pp" in forms.fixed or self.sources.get(verb) == "strong":
            forms.slots["pp_e"] = [p for p in forms.slots["pp_e"] if p in att]


def verb_pairs(lex, strong):
    """(form, infinitive, source, slot) for every infinitive of nl.dic and of the strong table."""
    conj = Conjugator(lex, strong)
    # OpenTaal spells separable participles by putting particle flags on a participle that is also
    # an infinitive ("gedragen/Vi" + over -> "overgedragen"): those are no infinitives.
    participles = {p for row in strong.values() for p in row["pp"]}
    for verb, particle in list(lex.infinitives.items()):
        if particle and verb[len(particle):] in participles:
            del lex.infinitives[verb]
    verbs = sorted(set(lex.infinitives) | set(strong))
    out = []
    for verb in verbs:
        if not LETTERS_RE.match(verb):
            continue
        forms = conj.forms(verb)
        source = conj.sources[verb]
        for slot, fs in forms.slots.items():
            for f in fs:
                if f != verb and FORM_RE.match(f):
                    out.append((f, verb, source, slot))
    return out, conj
