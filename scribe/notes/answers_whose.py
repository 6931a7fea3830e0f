"""Whose fact a question asks about and of which kind: the patient's or a relative's (which one, which disease,
at what age), a drug allergy or a food one. Read from the question's words, in either language."""

from __future__ import annotations

import re

RELATIVES = re.compile(
    r"\b(?:mother|mom|mum|father|dad|brother|sister|son|daughter|grand(?:mother|father|ma|pa)|aunt|uncle|cousin|"
    r"wife|husband|parents?|siblings?|mère|maman|père|papa|frère|sœur|soeur|fils|fille|grand-(?:mère|père)|tante|"
    r"oncle|cousine?|mari|femme|parents|partner|boyfriend|girlfriend|fianc[ée]e?|compagnon|compagne|conjointe?|époux|épouse)\b",
    re.I,
)
FAMILY = re.compile(r"\bfamil\w*|\brun in\b|\brelatives?\b|\bhéréditaire\b", re.I)
# a relative's words in both languages (a French visit answers an English question), one group per relative
RELATIVE_WORDS = (
    r"wife|husband|partner|boyfriend|girlfriend|femme|mari|conjointe?|épou\w*|compagnon|compagne",
    r"mother|mom|mum|mère|maman",
    r"father|dad|père|papa",
    r"brothers?|frères?",
    r"sisters?|sœurs?|soeurs?",
    r"siblings?|frères et sœurs|brothers?|sisters?|frères?|sœurs?",
    r"sons?|daughters?|children|kids|fils|filles?|enfants?",
    r"parents?",
    r"bab(?:y|ies)|infants?|newborns?|bébés?|nourrissons?|nouveau-nés?",
    r"grandmothers?|grandma|grand-mères?",
    r"grandfathers?|grandpa|grand-pères?",
    r"aunts?|tantes?",
    r"uncles?|oncles?",
)
# someone other than the patient is asked about ("does his wife smoke?", "sa mère a-t-elle eu… ?")
ASKS_OTHER = re.compile(
    r"\b(?:his|her|their|the|any|sa|son|ses|la|le|du|des)\s+(?P<who>wife|husband|partner|boyfriend|girlfriend|compagnon|compagne|"
    r"mother|father|mom|dad|brother|"
    r"sister|son|daughter|children|kids|parents?|siblings?|femme|mari|conjointe?|mère|père|frère|sœur|soeur|fils|fille|"
    r"enfants|frères et sœurs|"
    r"baby|infant|newborn|bébé|nourrisson|nouveau-né|grandmother|grandfather|grandma|grandpa|aunt|uncle|"
    r"grand-mère|grand-père|tante|oncle)\b",
    re.I,
)


def relative_asked(question: str) -> str | None:
    """The words of the relative the question asks about (a RELATIVE_WORDS group), or None."""
    m = ASKS_OTHER.search(question)
    if not m:
        return None
    who = m.group("who").lower()
    return next((group for group in RELATIVE_WORDS if re.fullmatch(group, who)), re.escape(who))


def about_family(question: str) -> bool:
    """The question asks about the family ("any family history of…?", "does her mother have…?"), not the patient."""
    return bool(FAMILY.search(question) or ASKS_OTHER.search(question))


def whose_fits(question: str, fact) -> bool:
    """A condition fact answers a question about the same person: the patient's history a question about the
    patient, a relative's a question about the family, about that relative when one is named (a family's "no"
    with no relative named says no of each)."""
    if not about_family(question):
        return fact.kind != "family_history"
    if fact.kind != "family_history":
        return False
    names = relative_asked(question)
    relative = fact.attributes.get("relative")
    if names is None or (relative is None and fact.status == "absent"):
        return True
    return relative is not None and re.fullmatch(names, relative, re.I) is not None


# the kind of allergy asked or said: to a drug, to a food
_ALLERGY_KINDS = (
    re.compile(r"\b(?:drugs?|medications?|medicines?|médicament\w*|antibiot\w*|penicillin\w*|pénicilline)\b", re.I),
    re.compile(
        r"\b(?:foods?|aliment\w*|eat\w*|mange\w*|peanuts?|arachides?|cacahuètes?|nuts?|milk|lait|eggs?|œufs?|"
        r"shellfish|fruits de mer|fish|poissons?|gluten|yaourts?|yogurt)\b",
        re.I,
    ),
    # seasonal allergies ("is that with the allergies? are his eyes itchy?") answer no question on drugs
    re.compile(
        r"\b(?:seasonal|hay fever|pollens?|dust|saisonni\w*|rhume des foins|acariens?|eyes?|yeux|nose|itch\w*)\b", re.I
    ),
)


# what says an allergy (not "allergic asthma"): "allergic to penicillin", "no known allergies", "a reaction"
ALLERGY_SAID = re.compile(
    r"\ballerg\w*\s+(?:to|à|aux?)\b|\ballerg(?:y|ies|ie)\b|\bno known\b|\bnkda\b|\breactions?\b", re.I
)


def allergy_kind_fits(question: str, said: str) -> bool:
    """An allergy said of one kind answers no question of the other: "any food allergies? no" says nothing of
    drugs."""
    asked = [bool(rx.search(question)) for rx in _ALLERGY_KINDS]
    heard = [bool(rx.search(said)) for rx in _ALLERGY_KINDS]
    return not any(heard) or not any(asked) or any(a and h for a, h in zip(asked, heard, strict=True))


# the value a question wants; the first that matches wins


# the family history holds which disease a relative had and which relative had a disease, not when or at what age
WHICH_DISEASE = re.compile(
    r"^\W*(?:which|what|quel(?:le)?s?)\s+(?:kind of |type of |sorte de |type de )?(?:cancer|disease|condition|illness|"
    r"maladie)\b(?![^?]*\b(?:age|âge|old|when|quand|year|année)\b)",
    re.I,
)
# "how old was his father when he had his heart attack?": the age the family history holds
AGE_ASKED = re.compile(r"\bhow old\b|\bat what age\b|\bwhat age\b|\bà quel âge\b|\bquel âge\b", re.I)
WHICH_RELATIVE = re.compile(
    r"^\W*(?:which|what)\s+(?:relatives?|family members?|siblings?|brother|sister|parent)\b|"
    r"^\W*who\b[^?]*\b(?:family|relatives?)\b|^\W*qui\b[^?]*\bfamille\b|^\W*quel(?:le)?s?\s+(?:membres?|parents?|"
    r"frères?|sœurs?)\b",
    re.I,
)
