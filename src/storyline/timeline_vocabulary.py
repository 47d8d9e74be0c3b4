"""Event verbs and their coarse PLOVER-like types."""

EVENT_TYPES = {
    **dict.fromkeys(["send", "supply", "provide", "deliver", "sell", "transfer", "give", "ship"], "PROVIDE"),
    **dict.fromkeys(["deploy", "dispatch", "station", "move"], "DEPLOY"),
    **dict.fromkeys(["train", "advise", "instruct"], "TRAIN"),
    **dict.fromkeys(["attack", "strike", "launch", "bomb", "shell", "fire", "kill", "destroy"], "ATTACK"),
    **dict.fromkeys(["sanction", "impose", "levy"], "SANCTION"),
    **dict.fromkeys(["accuse", "blame", "condemn"], "ACCUSE"),
    **dict.fromkeys(["deny", "reject"], "DENY"),
    **dict.fromkeys(["meet", "visit", "discuss", "talk"], "MEET"),
    **dict.fromkeys(["purchase", "buy", "acquire", "receive", "take"], "ACQUIRE"),
    **dict.fromkeys(["reveal", "announce", "disclose", "declassify", "report", "say", "tell"], "STATEMENT"),
    **dict.fromkeys(["begin", "start"], "BEGIN"),
    **dict.fromkeys(["detain", "arrest"], "ARREST"),
    **dict.fromkeys(["die"], "DIE"),
}
