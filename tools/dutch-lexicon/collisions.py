"""The collision rule: which generated (form, lemma) pairs to drop because the form is a word
of its own or another word's form (README.md, "Collisions")."""

from collections import Counter, defaultdict

from verbs import stem_candidates

PARTICIPLE_SLOTS = {"pp", "pp_e", "prespart", "prespart_e"}

PAST_SLOTS = {"past_sg", "past_pl", "pp", "extra"}


def verb_stem_of(conj, verb):
    """The verb's chosen stems and every stem the spelling rules consider (oorlogen: oorlog)."""
    f = conj.cache.get(verb)
    stems = set(f.slots["stem"]) if f else set()
    return stems | set(stem_candidates(verb)[0])


class Candidate:
    """Everything the generators said about one (form, lemma) pair."""

    def __init__(self):
        self.kinds = set()     # noun-adj kinds: plural, diminutive, adjective, irregular-noun
        self.sources = set()   # verb sources: weak, strong, separable
        self.slots = set()     # verb slots

    def label(self):
        for name in ("separable", "strong", "weak"):
            if name in self.sources:
                return name
        for name in ("irregular-table", "irregular-noun", "plural", "diminutive", "adjective",
                     "adjective-listed"):
            if name in self.kinds:
                return name
        return "?"


def resolve(noun_adj, verbs, lex, conj, keep, drop):
    """Apply the collision rule (README.md, "Collisions").

    Returns ({(form, lemma): label}, Counter of drop reasons, [(form, lemma, reason)])."""
    cands = defaultdict(Candidate)
    for form, lemma, kind in noun_adj:
        cands[(form, lemma)].kinds.add(kind)
    verbs_of = defaultdict(set)
    for form, lemma, source, slot in verbs:
        c = cands[(form, lemma)]
        c.sources.add(source)
        c.slots.add(slot)
        verbs_of[form].add(lemma)

    # OpenTaal gives some strong past tenses a noun plural flag to spell their plural
    # (ging/Zb -> gingen, ontving/Zb -> ontvingen). Such a "plural" is the same verb's form, and the
    # past tense is no noun.
    pseudo_nouns = set()
    past_sg = {(f, l) for (f, l), c in cands.items() if "past_sg" in c.slots}
    past_pl = {(f, l) for (f, l), c in cands.items() if "past_pl" in c.slots}
    for (form, lemma), c in cands.items():
        if c.kinds == {"plural"} and not lex.has_diminutive(lemma) and any(
                (lemma, v) in past_sg and (form, v) in past_pl for v in verbs_of.get(form, ())):
            pseudo_nouns.add(lemma)
    result, reasons, dropped = {}, Counter(), []
    for (form, lemma), c in list(cands.items()):
        if lemma in pseudo_nouns and c.kinds and not c.sources:
            del cands[(form, lemma)]
            reasons["R1 plural of a verb form"] += 1
            dropped.append((form, lemma, "R1 plural of a verb form"))
    nouns = lex.noun_lemmas - pseudo_nouns

    # the past tenses, participles and irregular presents of the strong-verb table itself
    strong_past = {f for (f, l), c in cands.items() if l in conj.strong and c.slots & PAST_SLOTS}

    by_form = defaultdict(list)
    for (form, lemma), c in cands.items():
        by_form[form].append((lemma, c))

    for form, readings in by_form.items():
        nominal = {l for l, c in readings if c.kinds}
        for lemma, c in readings:
            pair = (form, lemma)
            if pair in drop:
                reason = "drop-list"
            elif pair in keep:
                reason = None
            else:
                reason = collision(form, lemma, c, nominal, nouns, lex, conj, strong_past)
            if reason:
                reasons[reason] += 1
                dropped.append((form, lemma, reason))
            else:
                result[pair] = c.label()
    for form, lemma, reason in one_lemma_per_form(result, cands, keep):
        del result[(form, lemma)]
        reasons[reason] += 1
        dropped.append((form, lemma, reason))
    return result, reasons, dropped


def collision(form, lemma, c, nominal, nouns, lex, conj, strong_past):
    """Why (form, lemma) must go, or None. See README.md for the rule in words."""
    if c.sources:
        participle = bool(c.slots & PARTICIPLE_SLOTS)
        # R1: the form is a noun or adjective of its own (week, reden, zag, vroeg). This holds for
        # a noun that is the verb's stem too (werk, vier, pas, weer): those nouns and adjectives
        # mostly mean something else than the verb (vier/vieren, pas/passen, heel/helen), and a
        # related verb is still reached through its stem (werk ~ werken).
        if form in nouns:
            return "R1 verb form is a noun"
        if form in lex.adj_lemmas and not participle:
            return "R1 verb form is an adjective"
        # R2: the form is the infinitive of another verb (weken, zagen, reden)
        if form in lex.infinitives:
            return "R2 verb form is an infinitive"
        # R3: the form also inflects a noun or adjective (leden: lid / lijden; witte: wit / witten)
        if nominal - {lemma} and not participle:
            return "R3 verb form is a noun/adjective form"
        # R4: a past tense or participle of the strong-verb table beats a weak verb's form (wisten:
        # weten, not wissen; hielden: houden, not hielen) and any verb's present (was: zijn, not wassen)
        if form in strong_past and (not (c.slots & PAST_SLOTS) or (
                lemma not in conj.strong and conj.sources.get(lemma) != "strong")):
            return "R4 form of a strong verb"
        return None
    # noun and adjective forms
    if "irregular-table" in c.kinds:
        return None                                    # hand-written: trusted
    if c.kinds == {"adjective-listed"}:
        # a partitive -s that nl.dic lists as a word of its own is an adverb or noun with a
        # meaning of its own: slechts, straks, rechts, nieuws, groots (but iets moois -> mooi)
        return "R1 partitive listed as a word"
    if form in nouns and c.kinds != {"diminutive"}:
        # reden (a noun) is no plural of rede; leger (army) no comparative of leeg. OpenTaal lists
        # many diminutives as nouns of their own (weggetje/Za): they still map to their noun.
        return "R1 inflected form is a noun"
    if form in lex.adj_lemmas and c.kinds & {"plural", "irregular-noun"}:
        return "R1 plural is an adjective"            # verboden is no plural of verbod
    if c.kinds == {"irregular-noun"} and form in lex.infinitives and lemma not in verb_stem_of(conj, form):
        return "R2 plural is an unrelated infinitive"  # bomen is no plural of bom, schilderen of schild
    return None


def is_long_twin(short, long_):
    """bom / boom, zak / zaak, panel / paneel: long_ is short with one vowel written double."""
    if len(long_) != len(short) + 1:
        return False
    for i, ch in enumerate(short):
        if ch in "aeou" and short[:i + 1] + ch + short[i + 1:] == long_:
            return True
    return False


def one_lemma_per_form(result, cands, keep):
    """Readings to drop where a form kept several lemmas and one of them is the better guess.

    X1 bepaalde -> bepalen, not bepaald: the adjective is itself the verb's participle (and is
       mapped to the verb); but bekende -> bekend only, when the adjective is not mapped to the verb.
    X2 laatste -> laatst, not laat; lekkere -> lekker, not lek: of several adjectives, the longest
       is the nearer dictionary form.
    X3 bomen -> boom, not bom; zaken -> zaak, not zak: OpenTaal's plural flags give some short-vowel
       nouns the lengthened plural of their long-vowel twin as well.
    X4 geleid -> leiden, gedacht -> denken, not geleiden, gedenken: a participle is read as the
       simple verb's, not as a form of the ge- verb; most ge- verbs are rare. The common ones are
       on the keep and drop lists (geniet -> genieten, geloofde -> geloven, gebeurd -> gebeuren).
    Pairs on the keep list stay.
    """
    by_form = defaultdict(list)
    for form, lemma in result:
        by_form[form].append(lemma)
    out = []
    for form, lemmas in sorted(by_form.items()):
        if len(lemmas) < 2:
            continue
        gone = {}
        adjectives = sorted(l for l in lemmas if cands[(form, l)].kinds & {"adjective", "adjective-listed"})
        verbs = sorted(l for l in lemmas if cands[(form, l)].sources)
        plurals = sorted(l for l in lemmas if cands[(form, l)].kinds & {"plural", "irregular-noun"})
        for a in adjectives:
            for v in verbs:
                if (a, v) in result and cands[(a, v)].slots & PARTICIPLE_SLOTS:
                    gone.setdefault(a, "X1 adjective is the verb's participle")
                elif (a, v) not in result and a != v:
                    gone.setdefault(v, "X1 participle is an adjective of its own")
        if len(adjectives) > 1:
            best = max(adjectives, key=lambda l: (len(l), l))
            for a in adjectives:
                if a != best:
                    gone.setdefault(a, "X2 a longer adjective lemma")
        for a in plurals:
            if any(is_long_twin(a, b) for b in plurals):
                gone.setdefault(a, "X3 plural of the long-vowel twin")
        for v in verbs:
            ge_verb = "ge" + v
            if ge_verb in verbs:
                gone.setdefault(ge_verb, "X4 participle of the simple verb")
        removable = sorted((l, r) for l, r in gone.items() if (form, l) not in keep)
        if len(removable) < len(lemmas):          # never drop every reading of a form
            out += [(form, l, r) for l, r in removable]
    return out
