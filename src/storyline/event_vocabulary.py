"""Event types and the words that signal them: the data of ``storyline.events``.

The types are a small subset modelled on PLOVER (Political Language Ontology for Verifiable Event
Records), kept coarse so that a reader can scan a timeline by kind of event:

- PROVIDE: hand over weapons, aid or goods (send, ship, deliver, sell, supply)
- ACQUIRE: receive or buy them (buy, purchase, receive, take delivery)
- DEPLOY: move forces or people somewhere (deploy, dispatch, station, travel)
- TRAIN: train, advise or instruct another party's forces
- SHOW: demonstrate or present equipment to a buyer, test it (not a street protest: see PROTEST)
- ATTACK: use force (strike, launch, shell, shoot down, kill)
- FAIL: equipment or an operation failing (failures, malfunctions, crashes)
- SANCTION: sanctions, embargoes, asset freezes
- ACCUSE: accuse, blame, condemn
- DENY: deny, reject an accusation
- MEET: meet, visit, hold talks
- PROTEST: demonstrations, strikes, rallies
- INVESTIGATE: inquiries, investigations, examinations
- ARREST: detain, arrest
- DIE: deaths
- EVACUATE: people ordered or made to leave their homes
- STATEMENT: say, tell, reveal, announce (what someone made public)
- OTHER: a verb of none of these types that the text dates ("the water was expected to peak on Friday")
"""

from __future__ import annotations

EVENT_TYPES = (
    "PROVIDE", "ACQUIRE", "DEPLOY", "TRAIN", "SHOW", "ATTACK", "FAIL", "SANCTION", "ACCUSE", "DENY",
    "MEET", "PROTEST", "INVESTIGATE", "ARREST", "DIE", "EVACUATE", "STATEMENT", "OTHER",
)
OTHER = "OTHER"

# Verb lemma -> event type.
EVENT_VERBS = {
    **dict.fromkeys(["send", "supply", "provide", "deliver", "sell", "transfer", "give", "ship", "hand",
                     "export", "arm"], "PROVIDE"),
    **dict.fromkeys(["purchase", "buy", "acquire", "receive", "obtain", "import"], "ACQUIRE"),
    **dict.fromkeys(["deploy", "dispatch", "station", "travel", "arrive"], "DEPLOY"),
    **dict.fromkeys(["train", "advise", "instruct"], "TRAIN"),
    **dict.fromkeys(["demonstrate", "present", "showcase", "unveil", "display", "test", "show"], "SHOW"),
    **dict.fromkeys(["attack", "strike", "launch", "bomb", "shell", "fire", "kill", "destroy", "hit",
                     "shoot", "invade", "raid"], "ATTACK"),
    **dict.fromkeys(["fail", "malfunction", "crash"], "FAIL"),
    **dict.fromkeys(["sanction", "embargo", "freeze"], "SANCTION"),
    **dict.fromkeys(["accuse", "blame", "condemn", "charge"], "ACCUSE"),
    **dict.fromkeys(["deny", "reject", "dismiss"], "DENY"),
    **dict.fromkeys(["meet", "visit", "discuss", "talk", "negotiate"], "MEET"),
    **dict.fromkeys(["protest", "rally", "march"], "PROTEST"),
    **dict.fromkeys(["investigate", "examine", "inspect", "probe"], "INVESTIGATE"),
    **dict.fromkeys(["detain", "arrest", "capture"], "ARREST"),
    **dict.fromkeys(["die"], "DIE"),
    **dict.fromkeys(["evacuate", "flee"], "EVACUATE"),
    **dict.fromkeys(["reveal", "announce", "disclose", "declassify", "report", "say", "tell", "warn", "urge",
                     "confirm", "declare"], "STATEMENT"),
}

# Verbs whose meaning is carried by their object noun ("imposed sanctions", "took delivery", "faced problems",
# "conducting training"): object lemma -> event type, used when the verb is one of LIGHT_VERBS.
LIGHT_VERBS = {
    "impose", "levy", "take", "face", "suffer", "have", "conduct", "carry", "hold", "make", "launch", "open",
    "order", "experience",
}
EVENT_NOUNS = {
    **dict.fromkeys(["sanction", "embargo"], "SANCTION"),
    **dict.fromkeys(["delivery", "shipment"], "PROVIDE"),
    **dict.fromkeys(["failure", "problem", "fault", "malfunction"], "FAIL"),
    **dict.fromkeys(["training", "exercise"], "TRAIN"),
    **dict.fromkeys(["attack", "strike", "raid", "offensive"], "ATTACK"),
    **dict.fromkeys(["talk", "meeting", "session"], "MEET"),
    **dict.fromkeys(["inquiry", "investigation", "probe"], "INVESTIGATE"),
    **dict.fromkeys(["evacuation"], "EVACUATE"),
    **dict.fromkeys(["protest", "demonstration", "rally"], "PROTEST"),
}

# Verbs of beginning or continuing: the verb they govern ("began demonstrating") is the event.
ASPECTUAL_VERBS = {"begin", "start", "continue", "resume", "keep", "stop", "try", "seek", "help"}

# Verbs whose intransitive use means another type ("protesters demonstrated", "crews launched" stays ATTACK).
INTRANSITIVE_TYPES = {"demonstrate": "PROTEST", "march": "PROTEST"}

# Prepositions that introduce where an event took place, and those that introduce its recipient.
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "inside", "outside", "over", "across", "around", "on", "from"}
RECIPIENT_PREPOSITIONS = {"to"}

# Labels of places, as spaCy's entity recogniser and our entity annotator name them.
PLACE_LABELS = {"GPE", "LOC", "FAC"}

# Pronouns that are no participant by themselves ("which", "that"): the phrase they stand for is used.
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose", "what"}

# Dependency labels of clauses about something else inside a participant ("Valdoria, which has been under
# an embargo since 2020,"): cut from the participant's phrase, and their dates are not the event's.
ASIDE_DEPENDENCIES = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})
# The same, for the text of an event's clause: a "when" or "after" clause stays, it tells the event.
CLAUSE_ASIDES = frozenset({"relcl", "acl", "appos", "parataxis"})

# Verbs whose infinitive or gerund did not happen: "denied sending", "barred from exporting", "refused to".
NEGATING_HEADS = {"deny", "reject", "bar", "ban", "prevent", "prohibit", "refuse", "forbid", "stop"}

# Conjunctions of a clause that asks rather than tells ("whether Halden had exported drones").
QUESTION_MARKS = {"whether", "if"}

# Passive verbs without an agent that name another type ("two people were killed": deaths, not an attack).
PASSIVE_TYPES = {"kill": "DIE"}

# Participles that only name something ("also known as UAVs"): a time after them belongs to the clause above.
NAMING_PARTICIPLES = {"know", "call", "dub", "name", "nickname", "term", "label"}
