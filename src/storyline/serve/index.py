"""The story list the page opens on: counts and search text of every story, computed once per write.

Reading every story's dossier section for each request of the list would parse the whole corpus each
time; the counts are small and change only when a document is added."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from storyline.model import Document, Entity, Story
from storyline.store import Store

TOP_ENTITIES = 5  # entities named beside a story in the list: enough to tell stories apart


@dataclass(frozen=True)
class StorySummary:
    """One line of the story list."""

    id: str
    title: str
    documents: int
    sources: int  # independent sources: distinct origins after collapsing copies
    claim_groups: int
    contested: int  # claim groups with a denial
    discrepancies: int  # claim groups whose sources disagree on a number or a date
    first: str | None  # earliest publication date of its documents
    last: str | None
    entities: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class EntityHit:
    """An entity of one story, as entity search answers it."""

    name: str
    type: str
    aliases: list[str]
    mentions: int
    documents: int
    story: str
    story_title: str


def summarize_story(story: Story, docs: dict[str, Document]) -> StorySummary:
    from storyline.claims.groups import source_of  # imports spaCy: not before the server listens

    members = [docs[d] for d in story.documents if d in docs]
    dates = sorted(d.published for d in members if d.published)
    return StorySummary(
        id=story.id,
        title=story.title,
        documents=len(story.documents),
        sources=len({source_of(d, docs) for d in members}),
        claim_groups=len(story.claim_groups),
        contested=sum(g.contested for g in story.claim_groups),
        discrepancies=sum(bool(g.discrepancies) for g in story.claim_groups),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        entities=[e.name for e in sorted(story.entities, key=lambda e: -e.mentions)[:TOP_ENTITIES]],
    )


def search_text(story: Story, docs: dict[str, Document]) -> str:
    """What a search matches: the story's title, its documents' titles and its entities' names."""
    parts = [story.title]
    parts += [docs[d].title or "" for d in story.documents if d in docs]
    parts += [name for e in story.entities for name in (e.name, *e.aliases)]
    return " ".join(parts).lower()


def _entity_hit(entity: Entity, story: Story) -> EntityHit:
    return EntityHit(entity.name, entity.type, entity.aliases, entity.mentions, len(entity.documents),
                     story.id, story.title)


@dataclass
class StoryIndex:
    summaries: list[StorySummary]
    texts: dict[str, str]
    entities: list[EntityHit]

    @classmethod
    def build(cls, store: Store) -> StoryIndex:
        docs = {d.id: d for d in store.documents(full=False)}
        stories = store.stories()
        return cls(
            summaries=[summarize_story(s, docs) for s in stories],
            texts={s.id: search_text(s, docs) for s in stories},
            entities=[_entity_hit(e, s) for s in stories for e in s.entities],
        )

    def search(self, query: str) -> list[StorySummary]:
        """Stories whose title, document titles or entities hold every word of ``query``, largest first."""
        words = query.lower().split()
        return [s for s in self.summaries if all(w in self.texts[s.id] for w in words)]

    def find_entities(self, query: str, limit: int) -> list[EntityHit]:
        """Entities whose name or an alias holds ``query``, most mentioned first."""
        needle = query.lower().strip()
        hits = [
            e for e in self.entities
            if not needle or needle in e.name.lower() or any(needle in a.lower() for a in e.aliases)
        ]
        return sorted(hits, key=lambda e: (-e.mentions, e.name))[:limit]
