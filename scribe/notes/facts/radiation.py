"""Radiation of the pain: where it goes, from the reply to "does it radiate?" or as the patient tells it ("ça
va un peu vers la droite… Et puis un peu dans le dos"), or a denial ("it stays right at the shoulder")."""

from __future__ import annotations

import re

from scribe.notes import lexicon
from scribe.notes.facts.mentions import CONTINUES

# Radiation: asked ("does that pain radiate anywhere?", "ça irradie ?") or told ("ça va un peu vers la droite")
RADIATION_ASKED = re.compile(
    r"\b(?:radiat\w*|irradi\w*|d'autres endroits|ailleurs)\b|"
    # the pain going somewhere, not the patient ("do you still go down to the city?", "any recent travel?")
    r"\b(?:it|pain|that|this|ache|discomfort)\b(?: \w+){0,2} (?:(?:go|goes|going|move\w*) "
    r"(?:anywhere|down|up|into|to (?:your|the|other))|spread\w*|travel\w*)\b",
    re.I,
)
RADIATION_TOLD = re.compile(
    r"\b(?:ça|ca|elle) (?:va|allait|part|partait|descend\w*|monte|montait|remonte\w*|irradi\w*)\b", re.I
)
_STAYS = re.compile(
    r"^\W*(?:no|nope|non)\b|\b(?:does ?n'?t|does not|do ?n'?t|never) (?:go|radiate|move|spread|travel)|\bstays?\b|"
    r"\breste\b|\bne (?:va|bouge|part) pas\b|\bnulle part\b",
    re.I,
)
_TOWARDS = re.compile(
    r"\b(?:vers|dans) (?:la |le |les |l'|l’)[\wéèêàç-]+|\b(?:à|sur la) (?:droite|gauche)\b|"
    r"\b(?:du|sur le) côté (?:droit|gauche)\b|"
    rf"\b(?:down|into|up|towards?|to) (?:my|the|his|her|your) (?:(?:left|right) )?(?:{lexicon.BODY_PARTS})\b",
    re.I,
)


def radiation_reply(text: str) -> tuple[str, list[str]]:
    """("absent", []) for "it stays right at the shoulder", ("present", ["vers la droite", "dans le dos"])
    for where the pain goes, ("", []) when the reply says neither."""
    places = [
        re.sub(r"^(?:à|sur la) ", "vers la ", re.sub(r"^(?:du|sur le) côté", "vers le côté", m.group(0).lower()))
        for m in _TOWARDS.finditer(text.replace("’", "'"))
    ]
    if _STAYS.search(text) and not places:
        return "absent", []
    return ("present", list(dict.fromkeys(places))) if places else ("", [])


class RadiationFacts:
    def radiation(self):
        """Where the pain goes, from the reply to "does it radiate?" or a told "ça va un peu vers la droite" (and
        the "Et puis…" sentences that carry it on); "stays right at the shoulder" denies radiation."""
        done: set[int] = set()
        for k, s in enumerate(self.sents[: min(self.exam_start, self.ap_start)]):
            if self.is_clin(k) and s.question and RADIATION_ASKED.search(s.text):
                said = self.answer_to(k)
            elif self.is_pat(k) and RADIATION_TOLD.search(s.text) and not s.question:
                # carried on by "Et puis…", or by the turn's next sentences that name where it goes
                said = [k] + [
                    j
                    for j in range(k + 1, min(k + 3, len(self.sents)))
                    if CONTINUES.match(self.sents[j].text)
                    or self.sents[j].seg_index == s.seg_index
                    and _TOWARDS.search(self.sents[j].text)
                ]
            else:
                continue
            said = [j for j in said if self.is_pat(j) and j not in done]
            status, places = radiation_reply(" ".join(self.sents[j].text for j in said))
            if not status:
                continue
            done.update(said)
            if status == "present":  # the sentences that name where it goes
                said = [j for j in said if radiation_reply(self.sents[j].text)[0] == "present"]
            evidence = [self.builder.ev_sentence(self.sents[j]) for j in said[:4]]
            if status == "absent":
                fr = {"fr": "irradiation"}
                q = [self.builder.ev_sentence(s)] if self.is_clin(k) else []
                self.builder.add(
                    "symptom", "radiating pain", q + evidence, status="absent", system="Musculoskeletal", **fr
                )
            else:
                # "vers la droite" for "sur la droite": note words, shown beside the patient's sentence
                self.builder.add("hpi", "radiation", evidence, value=", ".join(places), merge=False, restated=True)
