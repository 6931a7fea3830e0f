"""Status after a procedure, the problems an assessment lists as "status post …" (ICD-10-CM Z chapter): a
transplant, a bypass graft, a replaced valve or joint, an organ removed.

The same words name a procedure still to come ("you may need a kidney transplant", "we'll schedule the knee
replacement"), so the assessment takes one only when said as done (problems.procedure_done).
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition

STATUS_CONDITIONS: list[Concept] = [
    condition(
        "status post kidney transplant",
        [r"(?:kidney|renal) transplant(?:ation)?", r"greffe rénale", r"transplantation rénale"],
        "greffe rénale",
        code="Z94.0",
        plain_en="a kidney transplant",
        plain_fr="une greffe de rein",
    ),
    condition(
        "status post liver transplant",
        [r"liver transplant(?:ation)?", r"greffe hépatique", r"transplantation hépatique"],
        "greffe hépatique",
        code="Z94.4",
        plain_en="a liver transplant",
        plain_fr="une greffe de foie",
    ),
    condition(
        "status post coronary artery bypass graft",
        [
            r"coronary (?:artery )?bypass graft(?:ing)?",
            r"\bcabg\b",
            r"(?:heart|cardiac|double|triple|quadruple) bypass(?: surgery)?",
            r"pontages? coronariens?",
        ],
        "pontage coronarien",
        code="Z95.1",
        plain_en="a heart bypass operation",
        plain_fr="un pontage du cœur",
    ),
    condition(
        "status post aortic valve replacement",
        [r"aortic valve replacement", r"\b[st]?avr\b", r"remplacement valvulaire aortique"],
        "remplacement valvulaire aortique",
        code="Z95.2",
        plain_en="a replaced heart valve",
        plain_fr="une valve du cœur remplacée",
    ),
    condition(
        "status post aortic aneurysm repair",
        [r"(?:ascending |abdominal |thoracic )?aortic aneurysm repair", r"cure d'anévrisme aortique"],
        "cure d'anévrisme aortique",
    ),
    condition(
        "status post reduction mammoplasty",
        [r"(?:bilateral )?(?:breast reduction|reduction mamm[ao]plasty)", r"réduction mammaire"],
        "réduction mammaire",
    ),
    condition(
        "status post knee replacement",
        [r"(?:total )?knee (?:replacement|arthroplasty)", r"prothèse (?:totale )?du genou"],
        "prothèse du genou",
    ),
    condition(
        "status post hip replacement",
        [r"(?:total )?hip (?:replacement|arthroplasty)", r"prothèse (?:totale )?de (?:la )?hanche"],
        "prothèse de hanche",
    ),
    condition(
        "status post cholecystectomy",
        [r"cholecystectomy", r"cholécystectomie"],
        "cholécystectomie",
        code="Z90.49",
    ),
]
STATUS_LABELS = frozenset(c.label for c in STATUS_CONDITIONS)
