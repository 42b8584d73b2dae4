"""One node per incident: merge the mentions of one document, then emit Incident entities and their edges.

Two mentions are one incident when their kinds agree (a generic 'attack'
agrees with any violent kind), their places and dates do not conflict, and
they share an anchor (place, date, name, target) -- or the later one is a
bare anaphor ('the attack', 'this latest brutal attack') with nothing of its
own.  A mention with no anchor and no antecedent is dropped: 'attacks' in
general is not an incident.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from cypher.model import entity_id
from ingest.anaphora import Referent, anaphoric
from ingest.incident_triggers import lexicon
from ingest.incidents import IncidentMention
from ingest.records import Entity, Mention, Relation


@dataclass
class Cluster:
    mentions: list[IncidentMention] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The most telling kind: a noun's over a verb's, a specific one over 'attack', a toll's last."""
        generic = set(lexicon()["generic"])
        casualty = set(lexicon()["casualty_verbs"])

        def rank(m: IncidentMention) -> tuple[int, int]:
            tally = 2 if m.verbal and m.head.text.lower() and _is_casualty(m, casualty) else 0
            return (tally + (1 if m.kind in generic else 0), 0 if not m.verbal else 1)
        return min(self.mentions, key=rank).kind

    @property
    def places(self) -> list[Entity]:
        out: list[Entity] = []
        for m in self.mentions:
            out += [p for p in m.places if all(p.id != q.id for q in out)]
        return out

    @property
    def place(self) -> Entity | None:
        return next((m.place for m in self.mentions if m.place is not None), None)

    @property
    def date(self) -> str | None:
        """The most precise date the incident's own mentions give; an arrest's date only failing that."""
        dates = [m.date for m in self.mentions if m.date and not m.agent] or \
            [m.date for m in self.mentions if m.date]
        return max(dates, key=len) if dates else None

    @property
    def years(self) -> tuple[int, int] | None:
        return next((m.years for m in self.mentions if m.years), None)

    @property
    def proper(self) -> str | None:
        return next((m.proper for m in self.mentions if m.proper), None)


def _is_casualty(m: IncidentMention, casualty: set[str]) -> bool:
    from ingest.vocabulary import base_of
    return base_of(m.head, frozenset(casualty)) is not None


def _families(kind: str) -> set[str]:
    return {name for name, kinds in lexicon()["families"].items() if kind in kinds} or {kind}


def _kinds_agree(a: str, b: str) -> bool:
    generic = set(lexicon()["generic"])
    if any(a in group and b in group for group in lexicon()["synonyms"]):
        return True
    return a == b or ((a in generic or b in generic) and bool(_families(a) & _families(b)))


def _conflict(c: Cluster, m: IncidentMention) -> bool:
    if not _kinds_agree(c.kind, m.kind):
        return True
    if c.places and m.places and not {p.id for p in c.places} & {p.id for p in m.places}:
        return True
    if c.years and m.years and (m.years[1] < c.years[0] or c.years[1] < m.years[0]):
        return True
    if c.proper and m.proper and c.proper.lower() != m.proper.lower():
        return True
    return False


def _shares_anchor(c: Cluster, m: IncidentMention) -> bool:
    if {p.id for p in c.places} & {p.id for p in m.places}:
        return True
    if m.years and c.years:
        return True
    if m.proper and c.proper:
        return True
    theirs = {e.id for x in c.mentions for e, r in x.participants if r in ("target", "victim")}
    return any(e.id in theirs for e, r in m.participants if r in ("target", "victim"))


def _anchored(m: IncidentMention) -> bool:
    seized = lexicon()["person_object_kinds"]
    if m.kind in lexicon()["dated_kinds"] and not (m.date or m.proper):
        return False
    if m.verbal and m.kind in ("killing", "massacre") and not (m.places or any(
            r == "victim" and e.type == "Person" for e, r in m.participants)):
        return False  # 'was killed in 2004' alone is a death, not an incident we can place
    if m.verbal and m.kind in ("capture", "military_operation") and not m.object_named:
        return False  # 'took over the network', 'took back 30% of territory' are not incidents
    return bool(m.place is not None or m.date or m.proper
                or any(r in ("target", "victim") and (e.type == "Person" or m.kind in seized and m.verbal)
                       for e, r in m.participants))


def _is_anchored(c: Cluster) -> bool:
    return any(_anchored(m) for m in c.mentions if not m.agent) or any(m.agent and m.date for m in c.mentions)


def cluster(mentions: list[IncidentMention]) -> list[Cluster]:
    """Group one document's mentions into incidents (see module docstring).

    A mention with nothing of its own opens a tentative incident that later mentions may anchor
    ('the plot' in a headline, dated by the arrests reported further down); tentative incidents
    that nothing anchors are dropped at the end.
    """
    clusters: list[Cluster] = []
    for m in mentions:
        if m.agent:  # 'the attackers' adds people to the latest incident, never makes one
            if clusters and (m.participants or m.date):
                anchored = [c for c in clusters if _is_anchored(c)]
                (anchored or clusters)[-1].mentions.append(m)
            continue
        candidates = [c for c in reversed(clusters) if not _conflict(c, m)]
        home = next((c for c in candidates if _shares_anchor(c, m)), None)
        if home is None and candidates and candidates[0].mentions[-1].sentence == m.sentence \
                and candidates[0] is clusters[-1]:
            home = candidates[0]  # 'struck again on August 5, when a car bomb ... killed 12': one event
        same_kind = [c for c in candidates if c.kind == m.kind]
        if home is None and m.definite and not m.proper and same_kind and _is_anchored(same_kind[0]):
            home = same_kind[0]  # 'the plot ... in Pakistan' is the plot already named
        if home is None and candidates and not (m.place or m.date or m.proper):
            anchored = [c for c in candidates if _is_anchored(c)]
            kindred = [c for c in anchored if c.kind == m.kind]
            home = (kindred or anchored or candidates)[0]  # a bare 'the attack': the latest such incident
        if home is not None:
            home.mentions.append(m)
        else:
            clusters.append(Cluster([m]))
    return [c for c in clusters if _is_anchored(c)]


def _label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def incident_name(c: Cluster) -> str:
    """A readable, stable name: the event's own name, else 'Bombing in Baghdad (2016-07-03)'."""
    if c.proper:
        return c.proper
    target = next((e for m in c.mentions for e, r in m.participants
                   if r in ("target", "victim") and e.type == "Person"), None)
    if c.place is not None:
        base = f"{_label(c.kind)} in {c.place.name}"
    elif target is not None:
        base = f"{_label(c.kind)} of {target.name}"
    else:
        surface = next((m.surfaces[0] for m in c.mentions if m.surfaces), None)
        actor = next((e for m in c.mentions for e, r in m.participants if r == "perpetrator"), None)
        if surface:
            base = surface[:1].upper() + surface[1:]
        elif actor is not None:
            base = f"{_label(c.kind)} by {actor.name}"
        else:
            base = _label(c.kind)
    return f"{base} ({c.date})" if c.date else base


def merged_status(c: Cluster) -> str:
    """The status of one incident whose mentions may disagree: the one resting on the strongest evidence
    (data/incident_triggers.json status.ranking: an explicit foiling, then a deed stated as done or a
    toll, then an attempt, then a plot's default, then a mere report), whatever order they come in.
    A generic deed done says nothing of the specific one: 'tried to assassinate X ... two guards were
    killed in the attack' is an attempted assassination (the attack's toll stays the incident's)."""
    ranking = lexicon()["status"]["ranking"]
    rank = {evidence: i for i, (evidence, _) in enumerate(ranking)}
    generic = set(lexicon()["generic"])

    def evidence(m: IncidentMention) -> str:
        if m.evidence == "done" and m.kind in generic and c.kind not in generic:
            return "reported"
        return m.evidence
    best = min((evidence(m) for m in c.mentions), key=rank.__getitem__, default="reported")
    return dict(ranking)[best]


def to_graph(clusters: list[Cluster]) -> tuple[list[Entity], list[Relation]]:
    """Incident entities with their OCCURRED_IN and INVOLVED_IN edges (provenance attached)."""
    entities: list[Entity] = []
    relations: list[Relation] = []
    for c in clusters:
        name = incident_name(c)
        aliases = [s for m in c.mentions for s in m.surfaces]
        aliases = [a for a in dict.fromkeys(aliases) if a != name][:40]
        killed = max((m.killed for m in c.mentions if m.killed), default=None)
        status = merged_status(c)
        props = {"kind": c.kind, "status": status}
        if c.date:
            props["date"] = c.date
        if killed:
            props["killed"] = killed
        ent = Entity(entity_id("Incident", name), "Incident", name, aliases, props)
        for m in c.mentions:
            sent = m.sentence
            start, end = m.head.idx - sent.start_char, m.head.idx + len(m.head.text) - sent.start_char
            ent.mentions.append(Mention(m.head.text, sent.text.strip(), start, end))
        entities.append(ent)
        evidence = list(dict.fromkeys(m.sentence.text.strip() for m in c.mentions))[:5]
        for place in c.places:
            relations.append(Relation("OCCURRED_IN", ent.id, place.id, {}, evidence[:3],
                                      "incident-place", 0.7))
        relations += _involved(c, ent)
    return entities, relations


def _involved(c: Cluster, incident: Entity) -> list[Relation]:
    """One INVOLVED_IN edge per party, from the first mention that names it (else the first that reaches it
    through an anaphor: ingest.anaphora marks that edge "+anaphora", with the sentence naming it first)."""
    first: dict[str, tuple[Entity, str, str]] = {}
    for m in c.mentions:
        for who, role in m.participants:
            if who.id == incident.id or who.id in {p.id for p in c.places}:
                continue
            if who.id not in first or isinstance(first[who.id][0], Referent) and not isinstance(who, Referent):
                first[who.id] = (who, role, m.sentence.text.strip())
    out = []
    for who, role, sentence in first.values():
        rule, conf, evidence = anaphoric(f"incident-{role}", 0.6, sentence, who)
        out.append(Relation("INVOLVED_IN", who.id, incident.id, {"role": role}, evidence, rule, conf))
    return out
