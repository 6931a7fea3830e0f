"""Words around a diagnosis that change how sure the clinician is of it, beside scribe.notes.consultation's reading:
a work-up worded with a negation ("I can't rule out a fracture": possible), what a test looks for ("pour l'anémie":
no diagnosis), someone else's named to compare ("like your wife had")."""

from __future__ import annotations

import re

# "boils with pus, like your wife had": someone else's, named to compare (not "could be atrial fibrillation, like your
# brother, coming and going": the patient's, possible)
LIKE_THEIRS = re.compile(
    r"^[^.;?!]{0,30}\b(?:like|comme) (?:your|his|her|votre|son|sa) (?:wife|husband|partner|mother|father|mom|dad|"
    r"brother|sister|son|daughter|femme|mari|mère|père|frère|sœur|fils|fille) (?:had|has|got|a eu|avait)\b",
    re.I,
)
# what a test looks for: "une numération, pour l'anémie"
TEST_FOR = re.compile(
    r"\b(?:numération|prise de sang|bilan|blood count|cbc|blood (?:test|work)|labs?|test)\w*\s*,?\s*"
    r"(?:pour|for|to look for|to check for|à la recherche d)\s*(?:l'|la |le |une? |an? |the )?$",
    re.I,
)
# "the exam doesn't feel like cancer, but an exam can't exclude it"
BUT_NOT_EXCLUDED = re.compile(
    r"^[^.;?!]{0,40}\b(?:but|mais)\b[^.;?!]{0,40}?"
    + r"(?:can ?'?t|cannot|can not|ne (?:peut|permet) pas)\b[^.;?!]{0,20}?\b(?:exclude|rule|exclure|éliminer)",
    re.I,
)
# A work-up worded with a negation is no exclusion: "I can't rule out a fracture", "we need to make sure this isn't a
# heart attack", "on ne peut pas exclure une pneumonie", "on va vérifier que ce n'est pas un diabète": possible.
NOT_YET_EXCLUDED = re.compile(
    r"\b(?:(?:can ?'?t|cannot|can not|could ?n'?t|could not|unable to) (?:\w+ )?(?:rule|exclude)|"
    r"(?:make|making) sure (?:it|this|that|you|there)|not (?:yet |been )*(?:ruled|excluded|excluding|ruling out)|"
    r"(?:vérifier|s'assurer|être sûrs?|voir) qu(?:e |')(?:ce n'est pas|ce ne soit pas|il n'y a pas|vous n'avez pas)|"
    r"ne (?:peut|peux|pouvons) pas (?:\w+ )?(?:exclure|éliminer)|pas (?:encore )?(?:exclue?|éliminée?)|"
    r"(?:demande|demandais|savoir) si ce n'est pas|not (?:\w+ )?(?:sure|certain) (?:if|whether|that)|"
    r"(?:ne suis|n'est|ne sommes) pas (?:\w+ )?(?:sûre?s?|certaine?s?) (?:que|qu'|si))"
    r"[^.;?!]{0,40}$",
    re.I,
)
LEFT_SIDE = re.compile(r"\b(?:on the left|left (?:ear|eye|side)|à gauche|côté gauche)\b", re.I)
RIGHT_SIDE = re.compile(r"\b(?:on the right|right (?:ear|eye|side)|à droite|côté droit)\b", re.I)


def other_side(laterality: str | None, text: str) -> re.Pattern | None:
    """The words of the side opposite a problem's (its laterality, else the side its sentence names): a hedge said of
    the other side is another problem's ("otite … à droite. à gauche, … peut-être un peu de liquide")."""
    own = laterality or ("right" if RIGHT_SIDE.search(text) else "left" if LEFT_SIDE.search(text) else "")
    return {"right": LEFT_SIDE, "left": RIGHT_SIDE}.get(own)
