#!/usr/bin/env python3
"""Self-check of the generated Dutch lexicon data (python3 stdlib only).

    python3 tools/dutch-lexicon/check.py

Loads src/TeamWiki.Search/Analysis/Lexicon/nl-lemmas.tsv.gz and nl-compound-words.txt.gz, checks
their format, asserts a table of real Dutch form -> lemma pairs (and pairs that must NOT be there),
checks that compounds split into the expected parts, prints the coverage per kind and exits 1 on
any failure.
"""

import gzip
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEXICON = HERE.parent.parent / "src" / "TeamWiki.Search" / "Analysis" / "Lexicon"

# (kind, form, lemma): form must map to lemma.
EXPECTED = """
noun-plural taken taak
noun-plural ideeën idee
noun-plural televisies televisie
noun-plural huizen huis
noun-plural kinderen kind
noun-plural eieren ei
noun-plural bladeren blad
noun-plural steden stad
noun-plural schepen schip
noun-plural wegen weg
noun-plural dagen dag
noun-plural glazen glas
noun-plural brieven brief
noun-plural boeken boek
noun-plural fietsen fiets
noun-plural projecten project
noun-plural pagina's pagina
noun-plural auto's auto
noun-plural kamers kamer
noun-plural vergaderingen vergadering
noun-plural problemen probleem
noun-plural mogelijkheden mogelijkheid
noun-plural documenten document
noun-plural gebruikers gebruiker
noun-plural collega's collega
noun-plural musea museum
noun-plural crises crisis
noun-plural bases basis
noun-plural doses dosis
noun-plural politici politicus
noun-plural leden lid
noun-plural gaten gat
noun-plural kalveren kalf
noun-plural liederen lied
noun-plural zaken zaak
noun-plural jaren jaar
noun-plural weken week
noun-plural afspraken afspraak
noun-plural regels regel
noun-plural bestanden bestand
noun-plural wijzigingen wijziging
noun-plural mensen mens
noun-plural lessen les
noun-plural processen proces
noun-plural namen naam
noun-plural lagen laag
noun-plural vakmensen vakman
noun-plural heren heer
diminutive huisjes huisje
diminutive kopjes kopje
diminutive huisje huis
diminutive boekje boek
diminutive ideetje idee
diminutive autootje auto
diminutive meisjes meisje
diminutive broodjes broodje
diminutive kindje kind
diminutive weggetje weg
adjective mooie mooi
adjective grotere groot
adjective grootste groot
adjective grote groot
adjective lieve lief
adjective dikke dik
adjective kleine klein
adjective kleinere klein
adjective oude oud
adjective nieuwste nieuw
adjective belangrijke belangrijk
adjective belangrijkste belangrijk
adjective snelle snel
adjective dure duur
adjective duurder duur
adjective rode rood
adjective witte wit
adjective brede breed
adjective gezellige gezellig
adjective boze boos
adjective allergrootste groot
adjective moois mooi
weak-verb werkte werken
weak-verb werkten werken
weak-verb gewerkt werken
weak-verb werkt werken
weak-verb gewerkte werken
weak-verb werkend werken
weak-verb maakte maken
weak-verb gemaakt maken
weak-verb maak maken
weak-verb leefde leven
weak-verb geleefd leven
weak-verb leeft leven
weak-verb reisde reizen
weak-verb gereisd reizen
weak-verb gehuisvest huisvesten
weak-verb gehuisveste huisvesten
weak-verb reist reizen
weak-verb zette zetten
weak-verb gezet zetten
weak-verb fietste fietsen
weak-verb gefietst fietsen
weak-verb praatte praten
weak-verb gepraat praten
weak-verb belde bellen
weak-verb gebeld bellen
weak-verb antwoordde antwoorden
weak-verb geantwoord antwoorden
weak-verb veranderde veranderen
weak-verb veranderd veranderen
weak-verb organiseerde organiseren
weak-verb georganiseerd organiseren
weak-verb gebruikte gebruiken
weak-verb gebruikt gebruiken
weak-verb betaalde betalen
weak-verb betaald betalen
weak-verb herhaalde herhalen
weak-verb geëerd eren
weak-verb geüpdatet updaten
weak-verb creëerde creëren
weak-verb gecreëerd creëren
weak-verb gebeurde gebeuren
weak-verb gebeurd gebeuren
weak-verb geïnstalleerd installeren
weak-verb woonde wonen
weak-verb gewoond wonen
weak-verb stuurde sturen
weak-verb verhuisd verhuizen
weak-verb geloofde geloven
weak-verb durfde durven
strong-verb liep lopen
strong-verb liepen lopen
strong-verb gelopen lopen
strong-verb loopt lopen
strong-verb ging gaan
strong-verb gingen gaan
strong-verb gegaan gaan
strong-verb gaat gaan
strong-verb was zijn
strong-verb waren zijn
strong-verb geweest zijn
strong-verb ben zijn
strong-verb bent zijn
strong-verb is zijn
strong-verb had hebben
strong-verb hadden hebben
strong-verb gehad hebben
strong-verb heeft hebben
strong-verb heb hebben
strong-verb deed doen
strong-verb deden doen
strong-verb gedaan doen
strong-verb zag zien
strong-verb zagen zien
strong-verb gezien zien
strong-verb kwam komen
strong-verb kwamen komen
strong-verb gekomen komen
strong-verb komt komen
strong-verb nam nemen
strong-verb namen nemen
strong-verb genomen nemen
strong-verb schreef schrijven
strong-verb schreven schrijven
strong-verb geschreven schrijven
strong-verb vond vinden
strong-verb vonden vinden
strong-verb gevonden vinden
strong-verb besloot besluiten
strong-verb besloten besluiten
strong-verb begon beginnen
strong-verb begonnen beginnen
strong-verb begreep begrijpen
strong-verb begrepen begrijpen
strong-verb bleef blijven
strong-verb gebleven blijven
strong-verb sprak spreken
strong-verb gesproken spreken
strong-verb vroeg vragen
strong-verb vroegen vragen
strong-verb gevraagd vragen
strong-verb werd worden
strong-verb geworden worden
strong-verb wordt worden
strong-verb kon kunnen
strong-verb konden kunnen
strong-verb kan kunnen
strong-verb kunt kunnen
strong-verb wilde willen
strong-verb wou willen
strong-verb wil willen
strong-verb mocht mogen
strong-verb mag mogen
strong-verb zou zullen
strong-verb zouden zullen
strong-verb zal zullen
strong-verb bracht brengen
strong-verb gebracht brengen
strong-verb dacht denken
strong-verb gedacht denken
strong-verb kocht kopen
strong-verb gekocht kopen
strong-verb zocht zoeken
strong-verb gezocht zoeken
strong-verb wist weten
strong-verb wisten weten
strong-verb kreeg krijgen
strong-verb gekregen krijgen
strong-verb gaf geven
strong-verb gegeven geven
strong-verb gaven geven
strong-verb hield houden
strong-verb gehouden houden
strong-verb liet laten
strong-verb gelaten laten
strong-verb stond staan
strong-verb gestaan staan
strong-verb zat zitten
strong-verb gezeten zitten
strong-verb lag liggen
strong-verb lagen liggen
strong-verb bleek blijken
strong-verb bleken blijken
strong-verb gebleken blijken
strong-verb leek lijken
strong-verb trok trekken
strong-verb getrokken trekken
strong-verb zei zeggen
strong-verb zeiden zeggen
strong-verb gezegd zeggen
strong-verb at eten
strong-verb gegeten eten
strong-verb lachte lachen
strong-verb gelachen lachen
prefixed-verb opgericht oprichten
prefixed-verb oprichtte oprichten
prefixed-verb afgewezen afwijzen
prefixed-verb aangenomen aannemen
prefixed-verb verliep verlopen
prefixed-verb verliepen verlopen
prefixed-verb opgeschreven opschrijven
prefixed-verb opgebeld opbellen
prefixed-verb opbelde opbellen
prefixed-verb voorgesteld voorstellen
prefixed-verb vastgesteld vaststellen
prefixed-verb deelgenomen deelnemen
prefixed-verb plaatsgevonden plaatsvinden
prefixed-verb ontving ontvangen
prefixed-verb ontvingen ontvangen
prefixed-verb bestond bestaan
prefixed-verb ontstond ontstaan
prefixed-verb verdween verdwijnen
prefixed-verb verkocht verkopen
prefixed-verb bezocht bezoeken
prefixed-verb bedacht bedenken
prefixed-verb beschreven beschrijven
prefixed-verb beschreef beschrijven
prefixed-verb teruggekomen terugkomen
prefixed-verb meegenomen meenemen
prefixed-verb uitgelegd uitleggen
prefixed-verb uitgevoerd uitvoeren
prefixed-verb ingevuld invullen
prefixed-verb toegevoegd toevoegen
prefixed-verb aangepast aanpassen
prefixed-verb afgesproken afspreken
prefixed-verb opgeslagen opslaan
prefixed-verb bijgewerkt bijwerken
prefixed-verb doorgestuurd doorsturen
prefixed-verb samengewerkt samenwerken
prefixed-verb vergeleken vergelijken
prefixed-verb herschreven herschrijven
prefixed-verb onderzocht onderzoeken
prefixed-verb overleed overlijden
prefixed-verb overleden overlijden
prefixed-verb ondernam ondernemen
prefixed-verb overlegd overleggen
prefixed-verb voorbereid voorbereiden
prefixed-verb goedgekeurd goedkeuren
prefixed-verb gestofzuigd stofzuigen
prefixed-verb ervoer ervaren
prefixed-verb bewoog bewegen
prefixed-verb verboden verbieden
prefixed-verb geïnformeerd informeren
accented cafés café
accented ideeën idee
accented reünies reünie
accented financiële financieel
accented ruïnes ruïne
accented patiënten patiënt
accented efficiënte efficiënt
accented coördinaties coördinatie
accented geïnteresseerd interesseren
accented menu's menu
"""

# (kind, form, lemma): form must NOT map to lemma.
FORBIDDEN = """
collision week wijken
collision reden rijden
collision reden rede
collision weken wijken
collision leden lijden
collision geleden lijden
collision kennis kennen
collision was wassen
collision zag zagen
collision bekend bekennen
collision gericht richten
collision weet wijten
collision wegen wegen
collision ontvangen vangen
collision ontvangen ontvangen
collision meisje meis
collision organisatie organiseren
collision planning plannen
"""

# (form, parts): the dictionary filter must find each part in the token, or the part's dictionary
# form when the part is an inflected form (klantgegevens: "gegevens" is found as "gegeven", which
# is what nl-lemmas.tsv.gz maps "gegevens" to anyway).
COMPOUNDS = """
kennisdeling kennis deling
fietsband fiets band
wachtwoordbeleid wachtwoord beleid
projectplanning project planning
thuiswerken thuis werken
zoekmachine zoek machine
vergaderruimte vergader ruimte
klantgegevens klant gegevens
"""


def load_pairs(path):
    pairs = defaultdict(set)
    problems = []
    previous = None
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        for n, line in enumerate(fh, 1):
            if not line.endswith("\n"):
                problems.append(f"line {n}: no final newline")
            line = line[:-1]
            cols = line.split("\t")
            if len(cols) != 2 or not cols[0] or not cols[1]:
                problems.append(f"line {n}: not form<TAB>lemma: {line!r}")
                continue
            form, lemma = cols
            for w in cols:
                if w != w.lower() or w != unicodedata.normalize("NFC", w) or "ĳ" in w or " " in w:
                    problems.append(f"line {n}: not lower-case NFC: {line!r}")
            if form == lemma:
                problems.append(f"line {n}: form equals lemma: {line!r}")
            if previous is not None and line <= previous:
                problems.append(f"line {n}: not sorted / duplicate: {line!r}")
            previous = line
            pairs[form].add(lemma)
    return pairs, problems


def load_words(path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        words = fh.read().split("\n")
    problems = []
    if words[-1] != "":
        problems.append("no final newline")
    words = words[:-1]
    if words != sorted(set(words)):
        problems.append("not sorted or has duplicates")
    for w in words:
        if len(w) < 4 or w != w.lower() or not w.isalpha() or w != unicodedata.normalize("NFC", w):
            problems.append(f"bad entry {w!r}")
            break
    return set(words), problems


def subwords(token, words, min_size=4, max_size=15):
    """What DictionaryCompoundWordTokenFilter(..., 8, 4, 15, onlyLongestMatch: false) emits besides
    the token: every dictionary word of min_size..max_size letters inside it."""
    return {token[i:j] for i in range(len(token) - min_size + 1)
            for j in range(i + min_size, min(len(token), i + max_size) + 1) if token[i:j] in words}


def table(text, min_cols=3):
    rows = [line.split() for line in text.strip().splitlines() if line.strip()]
    assert all(len(r) >= min_cols for r in rows)
    return rows


def main():
    failures = []
    pairs, problems = load_pairs(LEXICON / "nl-lemmas.tsv.gz")
    failures += [f"nl-lemmas.tsv.gz {p}" for p in problems[:20]]
    words, problems = load_words(LEXICON / "nl-compound-words.txt.gz")
    failures += [f"nl-compound-words.txt.gz {p}" for p in problems[:20]]
    stoplist = {l.split("#")[0].strip() for l in (HERE / "compound-stoplist.txt").read_text("utf-8").splitlines()}
    stoplist.discard("")
    n_pairs = sum(len(v) for v in pairs.values())
    print(f"nl-lemmas.tsv.gz: {n_pairs} pairs, {len(pairs)} forms; "
          f"nl-compound-words.txt.gz: {len(words)} words")

    per_kind = defaultdict(lambda: [0, 0])
    for kind, form, lemma in table(EXPECTED):
        per_kind[kind][1] += 1
        if lemma in pairs.get(form, ()):
            per_kind[kind][0] += 1
        else:
            got = ", ".join(sorted(pairs.get(form, ()))) or "nothing"
            failures.append(f"{kind}: {form} -> {lemma} missing (maps to {got})")
    for kind, form, lemma in table(FORBIDDEN):
        per_kind["must-not-map"][1] += 1
        if lemma in pairs.get(form, ()):
            failures.append(f"{kind}: {form} -> {lemma} must not be in the map")
        else:
            per_kind["must-not-map"][0] += 1
    for form, *parts in table(COMPOUNDS, 2):
        per_kind["compound"][1] += 1
        found = subwords(form, words)
        missing = [p for p in parts if p not in found and not (pairs.get(p, set()) & found)]
        if missing or any(p not in form for p in parts):
            failures.append(f"compound: {form} does not split into {' + '.join(parts)} "
                            f"(missing: {', '.join(missing)})")
        else:
            per_kind["compound"][0] += 1
    for w in sorted(stoplist):
        per_kind["stop-listed"][1] += 1
        if w in words:
            failures.append(f"compound: stop-listed {w!r} is in the dictionary")
        else:
            per_kind["stop-listed"][0] += 1

    licence = LEXICON / "LICENSE-OpenTaal.txt"
    text = licence.read_text(encoding="utf-8") if licence.exists() else ""
    per_kind["licence"][1] += 1
    if "BSD" in text and "Attribution 3.0" in text and "OpenTaal" in text:
        per_kind["licence"][0] += 1
    else:
        failures.append("LICENSE-OpenTaal.txt is missing or lacks the licence texts")

    print("coverage per kind:")
    for kind, (ok, total) in per_kind.items():
        print(f"  {kind:14} {ok:4}/{total:<4} {'ok' if ok == total else 'FAIL'}")
    for f in failures:
        print("FAIL", f)
    total_ok = sum(ok for ok, _ in per_kind.values())
    total = sum(t for _, t in per_kind.values())
    print(f"{total_ok} passed, {total - total_ok} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
