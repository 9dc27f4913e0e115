"""Who holds the stance a sentence reports: the speaker, found from the dependency parse.

A sentence belongs to a party when that party (or one of its people, via the alias
table) is the subject of a reporting or stance verb, or the owner of a stance noun
("Russia's demands"). Merely being mentioned, or acting ("Russia launched drones"), is
not holding a stance; nor is being the source of a fact ("the Kremlin confirmed that a
venue was agreed", "according to Kyiv"): that party is only the sentence's source.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .config import OTHER_PARTY, Config
from .quotes import bare_quote, inside_quotation

# Active subjects only: who is accused, or "was expected to" do something, does not speak.
_SUBJECTS = ("nsubj", "csubj")
_CORE_DEPS = ("compound", "amod", "poss", "nmod", "appos", "conj", "cc", "det", "npadvmod", "case")
_RELATIVE = ("who", "whom", "which", "that", "whose")
_WHO = ("who", "whom")  # relatives that stand for people
_PLACES = ("GPE", "LOC", "FAC")
_OTHER_PARTY_LABELS = ("GPE", "NORP", "ORG")


_MAIN_CLAUSE = ("ROOT", "conj", "xcomp", "advcl")


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    stance: bool
    pronoun: bool = False  # the speaker is a pronoun: the caller resolves it
    actor: str | None = None  # party of the main clause's subject, whatever the verb
    source: str | None = None  # party that only vouches for a fact (confirmed, according to)
    # The main clause reports someone who is none of the parties ("said Henrik Dahl, an
    # analyst"): a quote or "he" after it is theirs, not the last party's.
    someone_else: bool = False


def _on_main_line(verb: Token) -> bool:
    """The verb is reached from the root through conjuncts, open complements and adverbial
    clauses only: a reporting verb inside a that-complement ("...said that Kyiv rejects")
    speaks for the outer speaker, not for the sentence."""
    tok = verb
    while tok.dep_ != "ROOT":
        if tok.dep_ == "conj":
            tok = _coordinated_with(tok)
            continue
        if _before_colon(tok):
            # Whatever the parser made of the words after the colon, they spell out this
            # clause: "Veldoria agreed to inspections, subject to conditions: inspectors
            # must give notice, the inspections will be limited..." is Veldoria's agreement.
            return True
        if tok.dep_ not in _MAIN_CLAUSE:
            return False
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            # "after Halvorsen supplied the data ... and pushed its deadline back": a clause
            # that says when or why is no one's report.
            return False
        tok = tok.head
    return True


def _before_colon(clause: Token) -> bool:
    """A clause the parser hung under the one after its colon: in "Brandt offered a
    compromise: the cut would be halved", what follows the colon spells out the offer, and
    Brandt's offer is the main clause."""
    head = clause.head
    return (clause.dep_ == "ccomp" and clause.i < head.i
            and any(t.text == ":" and t.head.i == head.i for t in clause.doc[clause.right_edge.i + 1:head.i]))


def _core(token: Token) -> list[Token]:
    """The noun phrase a token heads, without its prepositional phrases and clauses."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CORE_DEPS:
            out.extend(_core(child))
    return out


def _antecedent(subject: Token) -> Token | None:
    """For a relative subject ("leaders, many of whom warned"), the noun it stands for."""
    verb = subject.head
    if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
        noun = verb.head
        if subject.lower_ in _WHO:
            # "said a nurse travelling from Dunmere, who declined to give her name": the
            # parser may hang "who" on the place (or where someone is from, whatever the
            # recogniser made of the name); a place is "which", so it is the person.
            while (noun.ent_type_ in _PLACES or noun.dep_ == "pobj" and noun.head.lower_ == "from") \
                    and noun.head.i != noun.i:
                noun = noun.head
                while noun.pos_ not in ("NOUN", "PROPN") and noun.head.i != noun.i:
                    noun = noun.head
        return noun
    if any(t.lower_ in _RELATIVE for t in subject.subtree):
        start = min(t.i for t in subject.subtree)
        for tok in reversed(subject.doc[:start]):
            if tok.pos_ in ("NOUN", "PROPN"):
                return tok
    return None


def party_of_phrase(head: Token, token_party: dict[int, str], config: Config) -> str | None:
    """The one party a noun phrase names, or None when it names none or several."""
    core = _core(head)
    own = token_party.get(head.i)
    if own:
        return own
    found = {token_party[t.i] for t in core if t.i in token_party}
    if any(t.lemma_.lower() == "opposition" and t.i not in token_party for t in core):
        return None  # "Solmund's main opposition party" opposes the party it is named by
    if len(found) == 1:
        return found.pop()
    if not found and config.other_parties and head.ent_type_ in _OTHER_PARTY_LABELS and head.pos_ == "PROPN":
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ in _OTHER_PARTY_LABELS:
            # "The Financial Supervisory Authority" and "the Financial Supervisory Authority"
            # are one body.
            return OTHER_PARTY + re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
    return None


def _reports_clause(verb: Token) -> bool:
    """Whether a clause hangs on the verb: "..., adding that talks would resume"."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def _subjects(verb: Token) -> list[Token]:
    """The subjects of `verb`, following conjoined verbs to theirs."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    while not subjects and verb.head.i != verb.i and (
            verb.dep_ in ("conj", "xcomp") or verb.dep_ == "advcl" and _reports_clause(verb)):
        # "Russia continues to demand", "accepted ... and warned", "said, adding that..."
        verb = _coordinated_with(verb) if verb.dep_ == "conj" else verb.head
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    return subjects


_FINITE = ("VBD", "VBZ", "VBP")


def _coordinated_with(verb: Token) -> Token:
    """The verb a conjoined verb goes with. Only like forms are coordinated: in "He spoke
    by phone with Putin shortly before meeting Zelensky and later described him as
    serious", the parser hangs "described" on "meeting", but a verb in the past tense
    goes with "spoke", the finite verb the gerund's phrase hangs on."""
    head = verb.head
    if verb.tag_ not in _FINITE or head.tag_ != "VBG":
        return head
    while head.tag_ not in _FINITE and head.head.i != head.i:
        head = head.head
    return head if head.tag_ in _FINITE else verb.head


def _refers_back(subject: Token, token_party: dict[int, str], config: Config) -> bool:
    """A pronoun, or a bare role noun ("the official", "the spokesman") naming no party:
    either stands for someone named before."""
    if subject.lower_ in config.pronouns:
        return True
    return (subject.lemma_.lower() in config.role_nouns and subject.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
            and not any(t.i in token_party for t in _core(subject)) and not _several(subject))


def _several(noun: Token) -> bool:
    """"The two ministers", "both envoys": people of more than one side, not the one named
    last."""
    return any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") or c.lower_ in ("both", "all")
               for c in noun.children)


def _subject_party(verb: Token, token_party: dict[int, str],
                   config: Config) -> tuple[str | None, Token | None]:
    """(party, pronoun) of the subject of `verb`: the party it names, or the pronoun (or
    role noun) it uses instead, for the caller to resolve."""
    for subject in _subjects(verb):
        if _refers_back(subject, token_party, config):
            return None, subject
        target = _antecedent(subject) or subject
        if target.lemma_.lower() in config.not_agents and target.i not in token_party:
            continue  # "Velocom shares fell 7 percent": the shares moved, Velocom did nothing
        party = party_of_phrase(target, token_party, config)
        if party:
            return party, None
    return None, None


def _relative_clause_subject(verb: Token) -> bool:
    return verb.dep_ == "relcl" and any(
        c.dep_ in _SUBJECTS and (c.lower_ in _RELATIVE or any(t.lower_ in _RELATIVE for t in c.subtree))
        for c in verb.children)


def _takes_clause(verb: Token) -> bool:
    """Whether the verb reports something: a clause or a quote goes with it."""
    return any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children)


def _same_holder(verb: Token, party: str | None, token_party: dict[int, str], config: Config) -> bool:
    """Whether `verb` has the given holder: its own subject names that party, or it has none
    of its own and leans on the main verb's ("described the talks as slow, emphasizing...")."""
    own = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not own:
        return True
    found, pronoun = _subject_party(verb, token_party, config)
    return pronoun is not None or (party is not None and found == party)


def _states_stance(verb: Token, party: str | None, verbs: list[Token],
                   token_party: dict[int, str], config: Config) -> bool:
    """Whether the holder of `verb` takes a stance, not merely reports: a stance verb of
    theirs ("described the talks as slow, emphasizing that..."), a stance noun they
    voice ("expressed support"), or a stance in what they report."""
    if any((v.lemma_.lower() in config.stance_verbs or _agrees_to(v))
           and _same_holder(v, party, token_party, config) for v in verbs):
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in config.stance_nouns for c in verb.children):
        return True
    return any(_reports_stance(comp, party, token_party, config)
               for comp in verb.children if comp.dep_ == "ccomp")


def _agrees_to(verb: Token) -> bool:
    """"Veldoria agreed to snap inspections" accepts them, as "accepted" would; "agreed to
    meet" and "agreed on a framework" report the talks."""
    return verb.lemma_.lower() == "agree" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
        for c in verb.children)


# How a stance marker attaches: "must be involved", "if Russia pulls back", "ready to accept".
_MARKER_DEPS = ("aux", "mark", "acomp")


def _reports_stance(comp: Token, party: str | None, token_party: dict[int, str], config: Config) -> bool:
    """Whether what a speaker reports is a stance: a demand, a condition or a readiness
    ("Europe must be involved", "could withdraw if Russia pulled back", "ready to accept
    quotas"), or a stance verb of the speaker's own party ("said Ukraine has accepted")."""
    for tok in comp.subtree:
        if tok.lower_ in config.stance_markers and tok.dep_ in _MARKER_DEPS:
            return True
        if party is not None and tok.pos_ == "VERB" and tok.lemma_.lower() in config.stance_verbs:
            # "Kerevia has said it could accept tracking": the speaker's own "it" or "we".
            if _subject_party(tok, token_party, config)[0] == party or any(
                    c.lower_ in _OWN_PRONOUNS for c in _subjects(tok)):
                return True
    return False


_OWN_PRONOUNS = ("it", "we")
_FIRST_PERSON = ("we", "i")


def _own_stance(verb: Token, config: Config) -> bool:
    """The speaker's own stance in the first person: "We reject...", "I have agreed to..."."""
    return ((verb.lemma_.lower() in config.stance_verbs or _agrees_to(verb))
            and any(c.lower_ in _FIRST_PERSON for c in _subjects(verb)))


def silent(root: Token, config: Config, asking: bool = True) -> bool:
    """The sentence says that someone said nothing: "The commission did not immediately
    respond to the report", "Hydrodrav declined to comment on its reservoir management",
    "Solberg declined to say whether nurses would lose pay". `asking`: False leaves out the
    last kind, which tells what is not yet known."""
    def answers(verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        return (lemma in config.silence_verbs and not _takes_clause(verb)
                or asking and lemma in config.verbs and _asks(verb))
    if answers(root):
        return any(c.dep_ == "neg" for c in root.children)
    return root.lemma_.lower() in config.stance_verbs and any(
        c.dep_ == "xcomp" and answers(c) for c in root.children)


_ASKING = frozenset({"whether", "if", "how", "what", "why", "when", "which", "who", "where"})


def _asks(verb: Token) -> bool:
    """The verb's clause is a question: "say whether", "disclose how many"."""
    return any(c.dep_ == "ccomp" and c.doc[c.left_edge.i].lower_ in _ASKING for c in verb.children)


def reporting_verbs(sent: Span, config: Config) -> list[Token]:
    """The reporting and stance verbs of the main clause, the root first. The main clause
    decides: "Analysts say Russia wants..." is the analysts' view, and "a stance that Kyiv
    rejects" inside a Russian demand is not Kyiv's point."""
    verbs = [t for t in sent if t.lemma_.lower() in config.verbs and t.pos_ in ("VERB", "AUX")
             and (_on_main_line(t) or _relative_clause_subject(t))
             # "forces maintain operations" reports nothing; "maintained that" does
             and (t.lemma_.lower() not in config.clause_verbs or _takes_clause(t))]
    return sorted(verbs, key=lambda t: (t.dep_ != "ROOT", t.i))


def voice(sent: Span, config: Config, verbs: list[Token] | None = None) -> list[Token]:
    """The words that say who speaks: the subject of the main verb of saying ("Green Renewal
    leader Ilse Marquart" in "Green Renewal leader Ilse Marquart said her party would vote
    yes"). Two things one person said share them, and are still two things. Who demands,
    rejects or agrees is part of what is reported. `verbs`: `reporting_verbs(sent, config)`."""
    verb = next((v for v in (reporting_verbs(sent, config) if verbs is None else verbs)
                 if v.lemma_.lower() not in config.stance_verbs and _subjects(v)), None)
    return [] if verb is None else [t for subject in _subjects(verb) for t in subject.subtree]


def attribute(sent: Span, token_party: dict[int, str], config: Config,
              verbs: list[Token] | None = None) -> Attribution:
    """Who speaks or holds the stance the sentence reports (`verbs`: `reporting_verbs`)."""
    if silent(sent.root, config):
        return Attribution(None, False)
    # In a quotation, what a party did is the quoted speaker's account of it.
    actor = None if _quoted_third_person(sent, sent.root) else _subject_party(sent.root, token_party, config)[0]
    verbs = reporting_verbs(sent, config) if verbs is None else verbs
    own = False
    for verb in verbs:
        if _quoted_third_person(sent, verb):
            continue
        party, pronoun = _subject_party(verb, token_party, config)
        if pronoun is not None:
            party = _earlier_party(sent, pronoun, token_party)
        if party is None and pronoun is None:
            own = own or _own_stance(verb, config)
            continue
        if verb.lemma_.lower() in config.source_verbs:
            # The subject vouches for a fact; if reporting is all it does, it did not act either.
            return Attribution(None, False, actor=None if verb.i == sent.root.i else actor, source=party)
        stance = _states_stance(verb, party, verbs, token_party, config)
        # "According to the Kerevian ministry, Solmund offered 20,000 tonnes": Solmund's offer
        # in Kerevia's account.
        return Attribution(party, stance, pronoun=pronoun is not None, actor=actor,
                           source=_according_to(sent, token_party, config))
    if actor is not None and sent.root.lemma_.lower() in config.decision_verbs:
        # A decision is a stance whatever it is about: "The U.S. approved military aid".
        return Attribution(actor, True, actor=actor)
    source = _according_to(sent, token_party, config)
    if source is not None:
        return Attribution(None, False, actor=actor, source=source)
    found = _stance_noun(sent, token_party, config, actor)
    if own and found.speaker is None:
        # '"We have agreed to inspections...' is a stance of whoever the quotation's close
        # names ("Teymur said"): the two halves are joined with that speaker (context.py).
        found = replace(found, stance=True)
    subjects = _subjects(sent.root) if any(v.i == sent.root.i for v in verbs) else []
    if found.speaker is None and subjects and all(t.pos_ != "PRON" for t in subjects):
        # The main verb reports, and its subject names someone who is no party (else it
        # would have returned); "we" or "I" in a quote is the voice of whoever is quoted.
        return replace(found, someone_else=True)
    return found


def _quoted_third_person(sent: Span, verb: Token) -> bool:
    """A verb inside a quotation whose subject is not the quoted speaker: in the analyst's
    '"The union got the pension protection it wanted for current staff. ...," he said',
    the union's wanting is the analyst's account, not a stance the union stated."""
    return (inside_quotation(sent.text, verb.idx - sent.start_char)
            and not any(c.lower_ in _FIRST_PERSON for c in _subjects(verb)))


def _according_to(sent: Span, token_party: dict[int, str], config: Config) -> str | None:
    """The party of "according to X": the source of the sentence's fact."""
    for tok in sent:
        if tok.lower_ == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                for obj in (c for c in to.children if c.dep_ == "pobj"):
                    party = party_of_phrase(obj, token_party, config)
                    if party:
                        return party
    return None


def _stance_noun(sent: Span, token_party: dict[int, str], config: Config, actor: str | None) -> Attribution:
    """The owner of a stance noun the main clause is about: "Russia's demands remain
    unacceptable", "His approach has focused on...", "underscore Washington's attempt"."""
    for noun in sent:
        if (noun.lemma_.lower() not in config.stance_nouns or noun.pos_ != "NOUN"
                or noun.head.i != sent.root.i or noun.dep_ not in _SUBJECTS + ("dobj", "attr")):
            continue
        owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
        for owner in owners:
            party = party_of_phrase(owner, token_party, config)
            if party:
                return Attribution(party, True, actor=actor)
            if owner.dep_ == "poss" and owner.lower_ in config.possessives:
                return Attribution(_earlier_party(sent, owner, token_party), True,
                                   pronoun=True, actor=actor)
        if noun.dep_ in ("dobj", "attr"):
            party, _ = _subject_party(noun.head, token_party, config)
            if party:
                return Attribution(party, True, actor=actor)
    return Attribution(None, False, actor=actor)


def _earlier_party(sent: Span, before: Token, token_party: dict[int, str]) -> str | None:
    """For "While Trump highlighted progress, he acknowledged...": the party named before the
    pronoun; names after it ("He spoke with Putin and described...") are not its antecedent."""
    for tok in reversed(sent.doc[sent.start:before.i]):
        # The parser often mislabels a name in a fronted clause ("While Trump highlighted"),
        # so any capitalised party name will do, except the object of a verb or preposition,
        # a name of several words by its last ("to Harrow Point").
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i in token_party:
            head = head.head
        if tok.i in token_party and tok.is_title and head.dep_ not in ("dobj", "pobj", "iobj"):
            return token_party[tok.i]
    return None


_OPENERS = ("he", "she", "they", "it", "this", "these", "those", "but", "and", "so", "yet", "still",
            "however", "that", "such")
# Of the openers, those that only tie the sentence to the one before: "Yet with Ukraine
# demanding guarantees, the path to peace remains uncertain" says its news without "Yet";
# "But it's a tough situation" still needs to know what "it" is.
_CONNECTIVES = ("but", "and", "yet", "still", "however")
_DEMONSTRATIVES = ("this", "that", "these", "those", "such")
# What a fronted preposition may point back with: "Until then", "Before that", "After this".
_BACK_ADVERBS = ("then", "that", "this", "these", "those")
_LEANING_SUBJECTS = ("he", "she", "it", "they", "this", "these", "those")
# A person's pronouns, and whose: before any name in the sentence they stand for someone
# named earlier. ("They" as subject is caught above; "they" of an unnamed group is common.)
_PERSONAL = ("he", "she", "him", "her", "his", "hers")
# Whose subject, when no name comes before it: "Its leaders have insisted…", "Their army…".
_BACK_POSSESSIVES = ("its", "their")
# Nouns of an act that, as a bare "the ..." subject, name the act the sentence before told:
# "The move brings the number of sanctioned entities to 318", "Okafor said the change
# followed an inspection". Which move, which change?
_BACK_ACTS = ("move", "decision", "change", "step", "announcement", "revision", "shift", "reversal")


def connective_only(sent: Span, words: list[Token] | None = None) -> bool:
    """The sentence opens with a connective ("Yet", "However,") and needs nothing else of the
    one before it (`words`: its words, punctuation left out, when already listed)."""
    words = _words(sent) if words is None else words
    return len(words) > 1 and words[0].lower_ in _CONNECTIVES and not _leans(sent, words[1:])


def needs_context(sent: Span, resolved: bool = False, words: list[Token] | None = None) -> bool:
    """True when the sentence leans on what came before it and reads badly alone.
    `resolved`: its opening "Those ..." is given its referent (see `trim.referent`);
    `words`: its words, punctuation left out, when already listed."""
    words = (_words(sent) if words is None else words)[1 if resolved else 0:]
    return not words or words[0].lower_ in _OPENERS or _leans(sent, words)


def _words(sent: Span) -> list[Token]:
    return [t for t in sent if not (t.is_punct or t.is_space)]


def _leans(sent: Span, words: list[Token]) -> bool:
    """Whether the sentence, from `words` on, points back: a bare quote, a pronoun subject,
    a demonstrative ("that ultimatum")."""
    if not words:
        return True
    text = sent.text.strip()
    if words[0].lower_ in _OPENERS:
        return True
    if bare_quote(text):
        return True
    if len(words) > 1 and words[0].lower_ == "if" and words[1].lower_ == "not":
        return True  # "If not, the government must step in": if what not?
    # "Around 20,000 of them hold more than the guaranteed amount": of whom? Not "230 people
    # were injured, 38 of them seriously", which says of whom.
    if any(t.lower_ == "them" and t.head.lower_ == "of" and not any(u.tag_ in ("NNS", "NNPS") for u in words if u.i < t.i)
           for t in words):
        return True
    if (len(words) > 1 and words[0].pos_ == "ADP" and words[1].lower_ in _BACK_ADVERBS
            and words[1].head.i == words[0].i):
        return True  # "Until then, police may only obtain data...": until when?
    if words[0].pos_ == "ADP" and any(c.dep_ == "pobj" and c.lemma_.lower() == "case" for c in words[0].children):
        return True  # "In several cases unions won agreements": cases of what?
    first = next((t for t in words if t.dep_ in ("nsubj", "nsubjpass")), None)
    if first is not None and first.lower_ in _LEANING_SUBJECTS:
        return True  # "Whether it leads to a breakthrough may become clear": what is "it"?
    if first is not None and any(c.dep_ == "poss" and c.lower_ in _BACK_POSSESSIVES for c in first.children) \
            and not any(t.pos_ == "PROPN" for t in words if t.i < first.i):
        return True  # "Its general staff said missiles had struck the refinery": whose?
    if any(c.dep_ == "nsubj" and c.lower_ in _PERSONAL for c in sent.root.children):
        return True  # '"Tavaria cannot stay on the streets," he said': the quote names no speaker
    if any(_bare_act(t) for t in words):
        return True
    named = False  # someone the sentence names before the word at hand
    for tok in words:
        # "rejected that ultimatum", "such arrangements" point back; "this week" does not.
        if tok.lower_ in _DEMONSTRATIVES and tok.dep_ in ("det", "amod", "predet") \
                and tok.head.ent_type_ not in ("DATE", "TIME"):
            return True
        # "The utility said it hoped that would happen next week": what would?
        if tok.lower_ in _DEMONSTRATIVES and tok.tag_ == "DT" and tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        # "Opposition parties demanded her resignation": whose is in another sentence.
        if tok.lower_ in _PERSONAL and tok.pos_ == "PRON" and not named:
            return True
        named = named or tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    return False


def _bare_act(tok: Token) -> bool:
    """A subject "the move", "the change", with nothing that says which: no "of", no
    adjective, compound or clause of its own ("the change in the estimate", "the court's
    decision" say which)."""
    return (tok.dep_ in ("nsubj", "nsubjpass") and tok.lemma_.lower() in _BACK_ACTS and tok.tag_ == "NN"
            and all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and any(c.dep_ == "det" for c in tok.children))


# "The sides are closer to an agreement": the parties to whatever the story is about.
_GENERIC = ("side", "party")


def pointers(sent: Span, stance_nouns: Collection[str] = ()) -> tuple[str, ...]:
    """Lemmas of the bare plural nouns with "the" that the main clause is about or acts on:
    "Zelenskyy described the strikes as a response" — which strikes is in another sentence,
    unless the story speaks of little else (see `context.with_context`). So is a bare
    singular of one of `stance_nouns`: "The governing party rejected the demand" — which?
    Not a noun the sentence has already named: "Veldoria agreed to snap inspections …, and
    the inspections will be limited to declared sites" says which."""
    out = []
    seen: set[str] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        earlier = lemma in seen
        seen.add(lemma)
        if lemma in _GENERIC or earlier:
            continue
        plural = tok.tag_ == "NNS" or tok.tag_ == "NN" and tok.lemma_.lower() in stance_nouns
        if (plural and not tok.ent_type_ and [c.lower_ for c in tok.children] == ["the"]
                and (tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.dep_ in ("ROOT", "ccomp")
                     or _acted_on_through(tok))):
            out.append(tok.lemma_.lower())
    return tuple(out)


def _acted_on_through(tok: Token) -> bool:
    """Whether `tok` is what the main verb acts on through a preposition: "VSR will go ahead
    with the deductions" (which deductions?)."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    verb = tok.head.head
    if verb.dep_ in ("advmod", "prt"):
        verb = verb.head  # "go ahead with"
    return verb.pos_ == "VERB" and verb.dep_ in ("ROOT", "ccomp")
