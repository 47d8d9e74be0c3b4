"""Words claim grouping compares propositions by: predicate classes, negators, anaphoric nouns.

Kept apart from the logic in ``groups.py`` so that a new word is a data change."""

from __future__ import annotations

# Verbs (and their nouns) that state one proposition. Converse verbs share a class: "Iran sold drones to
# Russia" and "Russia purchased Iranian drones" are one claim, and a denial of one denies the other.
PREDICATE_CLASSES = {
    **dict.fromkeys([
        "send", "supply", "provide", "deliver", "sell", "transfer", "give", "ship", "hand", "export", "arm",
        "dispatch", "purchase", "buy", "acquire", "receive", "obtain", "import", "go", "delivery", "sale",
        "shipment", "supplier", "arrive",
    ], "TRANSFER"),
    # Sending people is deploying them; the theme (below) tells people from arms.
    **dict.fromkeys(["deploy", "station", "post", "put", "move", "deployment", "base"], "TRANSFER"),
    **dict.fromkeys(["train", "advise", "instruct", "teach", "training", "trainer", "instructor"], "TRAIN"),
    **dict.fromkeys(["attack", "strike", "bomb", "shell", "shelling", "bombing", "hit", "raid", "target"],
                    "ATTACK"),
    **dict.fromkeys(["launch", "fire", "fly", "pilot", "operate", "use"], "OPERATE"),
    **dict.fromkeys(["kill", "die", "death", "casualty", "dead"], "KILL"),
    **dict.fromkeys(["destroy", "damage", "wreck"], "DAMAGE"),
    **dict.fromkeys(["sanction", "impose", "levy", "freeze", "sanctions"], "SANCTION"),
    **dict.fromkeys(["accuse", "blame", "condemn", "allege"], "ACCUSE"),
    **dict.fromkeys(["meet", "visit", "discuss", "talk", "meeting"], "MEET"),
    **dict.fromkeys(["detain", "arrest", "jail", "imprison"], "ARREST"),
    **dict.fromkeys(["evacuate", "flee", "leave", "evacuation"], "EVACUATE"),
    **dict.fromkeys(["violate", "breach", "break", "violation"], "VIOLATE"),
    **dict.fromkeys(["fail", "failure", "malfunction"], "FAIL"),
    **dict.fromkeys(["make", "build", "manufacture", "produce", "develop", "maker"], "MAKE"),
    **dict.fromkeys(["show", "display", "demonstrate", "present", "unveil"], "SHOW"),
}

# "X is present on / in / at Y": a copula with one of these claims presence, like "X is stationed in Y".
PRESENCE_PREPOSITIONS = {"on", "in", "at", "inside"}
PRESENCE_WORDS = {"present", "there", "active", "based", "stationed", "deployed"}
PRESENCE = "PRESENT"

# What is moved, sold or trained, by the head noun of the object: "sent personnel" and "sent drones" are two
# claims, and a denial of sending drones does not deny sending trainers.
THEME_CLASSES = {
    **dict.fromkeys([
        "personnel", "troop", "trainer", "instructor", "technician", "adviser", "advisor", "engineer",
        "soldier", "officer", "expert", "specialist", "operator", "crew", "team", "force", "mercenary",
        "fighter", "staff", "support",
    ], "PEOPLE"),
    **dict.fromkeys([
        "drone", "uav", "munition", "weapon", "missile", "rocket", "arm", "aircraft", "vehicle", "ammunition",
        "shell", "equipment", "system", "tank", "artillery", "warhead", "component", "part",
    ], "ARMS"),
    **dict.fromkeys(["money", "fund", "aid", "loan", "cash", "payment"], "MONEY"),
}

# Nouns that name an act and carry a content's predicate ("the deliveries", "the shelling of Pellin"); other
# nouns never do ("shells", "base" are things).
PREDICATE_NOUNS = {
    "delivery", "sale", "shipment", "transfer", "export", "supply", "training", "deployment", "attack",
    "strike", "raid", "shelling", "bombing", "killing", "death", "casualty", "violation", "failure",
    "meeting", "visit", "evacuation", "arrest", "sanction",
}

# Verbs that carry no proposition of their own: auxiliaries, aspect ("started training" is a training
# claim) and reporting verbs inside a content ("sources said").
LIGHT_VERBS = {
    "be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "begin", "start", "continue", "keep", "get", "become", "say", "tell", "report", "add", "believe",
    "according", "seem", "appear", "claim", "think",
}

# Verbs that make the verb under them an intention, not an act: "intends to sell" is not "sold", so a
# denial of the sale does not deny the intention.
INTENTION_VERBS = {
    "intend", "plan", "want", "seek", "hope", "aim", "expect", "try", "threaten", "consider", "prepare",
    "propose", "offer", "agree", "refuse", "wish", "mean",
}

# Words that negate the predicate they attach to.
NEGATORS = {"not", "n't", "never", "no", "none", "nothing", "neither", "nor", "nobody", "without"}

# Head nouns that make a content a denial of the clause they govern ("its denial that any drones had been
# sent" denies the sending).
DENIAL_NOUNS = {"denial", "denials", "rejection", "refutation"}

# Head nouns by which a denial points back at a claim it does not repeat ("rejected the allegations").
ANAPHORIC_NOUNS = {
    "allegation", "allegations", "accusation", "accusations", "claim", "claims", "charge", "charges",
    "report", "reports", "reporting", "assertion", "assertions", "suggestion", "suggestions", "story",
    "stories", "rumour", "rumours", "rumor", "rumors", "assessment", "findings",
}
DEMONSTRATIVES = {"the", "these", "those", "this", "that", "such", "its", "their", "his", "her", "any"}

# A content of at most this many words whose head is an anaphoric noun points back ("the allegations
# as baseless", "the reports as fabricated"); a longer one states its own proposition.
ANAPHORIC_MAX_WORDS = 8

# Words by which a content calls a proposition false whatever its predicate ("the third-breast story is a
# hoax", "Kurds deny she was in Kobane", "No, there won't be six days of darkness").
REFUTATION_WORDS = {
    "hoax", "hoaxer", "fake", "faked", "debunk", "debunked", "debunks", "false", "untrue", "myth",
    "fabricated", "fabrication", "deny", "denies", "denied", "denial", "baseless", "bogus", "satire",
    "figment", "refute", "refutes", "refuted", "dismiss", "dismisses", "dismissed", "rejects", "rejected",
}
REFUTATION_OPENINGS = ("no,", "no:", "nope", "sorry,", "not so fast")

# Words by which a headline reports a claim without endorsing it (with "?" and an attribution the claims
# stage finds); used for Emergent's "observing".
HEADLINE_HEDGES = (
    "reportedly", "allegedly", "alleged", "rumor", "rumour", "rumored", "rumoured", "claims", "claimed",
    "report:", "reports:", "report says", "reports say", "- report", ": report", "may ", "might ", "could ",
    "apparently", "purportedly", "unconfirmed", "possibly", "believed to", "suspected", "sources",
)
