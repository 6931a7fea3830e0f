"""Symptoms said of one body site (pain, weakness, swelling at a knee, a hand, a finger...) and the
musculoskeletal and neurological complaints that go with them.

Apart from symptoms.py so each table stays short; the side ("right knee pain") is read from the mention
by the history extractor (SIDED: the labels that take one), not written into the label here.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, symptom

SIDE = r"(?:(?:left|right|both) )?"
WHOSE = r"(?:(?:my|the|your|his|her|their|that|this|both) )?"


def site_pain(label: str, en: str, fr: str, fr_label: str) -> Concept:
    """Pain at one body site, however it is said: "knee pain", "pain in my left knee", "pain of my
    shoulder", "my wrist hurts", "the elbow is really sore", "j'ai mal au genou", "douleur du coude"."""
    return symptom(
        label,
        [
            rf"(?:{en}) (?:pain|ache|aches|soreness|discomfort)",
            # "any other pain down here in your calves?"
            rf"(?:pain|soreness|discomfort) (?:(?:down|up|over|back) )?(?:(?:here|there) )?(?:in|of|on|at|around) "
            rf"{WHOSE}{SIDE}(?:{en})",
            rf"(?:{en}) (?:(?:is|are|has been|have been|was|were|keeps?|still|really|started|kind of) )*"
            rf"(?:hurt(?:s|ing)?|sore|aching|painful)",
            rf"(?:sore|painful|aching) {SIDE}(?:{en})",
            rf"mal (?:au|à la|à l'|aux|a la|a l') ?(?:{fr})",
            rf"douleurs? (?:au|du|de la|de l'|à la|à l'|aux|des|dans le|dans la) ?(?:{fr})",
        ],
        fr_label,
        "Musculoskeletal",
    )


def site_weakness(label: str, en: str, fr: str, fr_label: str) -> Concept:
    """Weakness of one limb: "weakness in my left hand", "a little weaker on that left hand", "leg weakness",
    "faiblesse de la jambe"."""
    return symptom(
        label,
        [
            rf"(?:{en}) weakness",
            rf"weakness (?:in|of|on) {WHOSE}{SIDE}(?:{en})",
            rf"weak(?:er)? (?:in|on) {WHOSE}{SIDE}(?:{en})",
            rf"faiblesse (?:du|de la|de l'|des|dans le|dans la) ?(?:{fr})",
        ],
        fr_label,
        "Neurological",
    )


def site_swelling(label: str, en: str, fr: str, fr_label: str) -> Concept:
    """Swelling of one site: "finger swelling", "swollen finger", "my finger is still swollen"."""
    return symptom(
        label,
        [
            rf"(?:{en}) swelling",
            rf"swollen {SIDE}(?:{en})",
            rf"swelling (?:in|of|on) {WHOSE}{SIDE}(?:{en})",
            rf"(?:{en}) (?:(?:is|are|was|were|has been|still|really|got|gets) )*swollen",
            rf"(?:{fr}) gonfl[ée]e?s?",
        ],
        fr_label,
        "Musculoskeletal",
    )


# (label, English site words, French site words, French label)
PAIN_SITES = [
    ("knee pain", r"knees?", r"genoux|genou", "douleur au genou"),
    ("shoulder pain", r"shoulders?", r"[ée]paules?", "douleur à l'épaule"),
    ("elbow pain", r"elbows?", r"coudes?", "douleur au coude"),
    ("wrist pain", r"wrists?", r"poignets?", "douleur au poignet"),
    ("hand pain", r"hands?", r"mains?", "douleur à la main"),
    ("finger pain", r"(?:index |middle |ring |little )?fingers?|thumbs?", r"doigts?|pouces?", "douleur au doigt"),
    ("hip pain", r"hips?", r"hanches?", "douleur à la hanche"),
    ("leg pain", r"legs?|thighs?", r"jambes?|cuisses?", "douleur à la jambe"),
    ("calf pain", r"calf|calves", r"mollets?", "douleur au mollet"),  # asked apart: a clot's sign
    ("ankle pain", r"ankles?", r"chevilles?", "douleur à la cheville"),
    ("foot pain", r"foot|feet|heels?", r"pieds?|talons?", "douleur au pied"),
    ("toe pain", r"toes?", r"orteils?", "douleur à l'orteil"),
    ("arm pain", r"arms?", r"bras", "douleur au bras"),
    ("jaw pain", r"jaw", r"mâchoire", "douleur à la mâchoire"),
]
WEAK_SITES = [
    ("hand weakness", r"hands?|grip", r"mains?", "faiblesse de la main"),
    ("arm weakness", r"arms?", r"bras", "faiblesse du bras"),
    ("leg weakness", r"legs?", r"jambes?", "faiblesse de la jambe"),
]
SWELLING_SITES = [
    ("finger swelling", r"(?:index |middle |ring |little )?fingers?|thumbs?", r"doigts?|pouces?", "doigt gonflé"),
    ("hand swelling", r"hands?", r"mains?", "main gonflée"),
    ("elbow swelling", r"elbows?", r"coudes?", "coude gonflé"),
]

_DOWN = (
    r"(?:pain|pains|hurting|aching|shooting pains?|burning)(?: that)? "
    r"(?:(?:goes|going|radiat\w*|shoot\w*|travel\w*|runs?|running) )?"
)


def radiating_pain(label: str, en: str, fr: str, fr_label: str) -> Concept:
    """Pain that goes down a limb, the radicular pain a physician asks after with a back or neck complaint: "any
    pain down your leg?", "it shoots down my arm", "une douleur qui descend dans la jambe"."""
    return symptom(
        label,
        [
            rf"{_DOWN}down {WHOSE}{SIDE}(?:{en})",
            rf"(?:radiat\w*|shoot\w*) (?:down|into) {WHOSE}{SIDE}(?:{en})",
            rf"douleurs? qui (?:descend|irradie|part)\w* (?:dans|vers) (?:la|les|le) (?:{fr})",
        ],
        fr_label,
        "Musculoskeletal",
    )


SITE_SYMPTOMS: list[Concept] = [
    radiating_pain(
        "radiating leg pain", r"legs?|thighs?|calf|calves", r"jambes?|cuisses?", "douleur irradiant à la jambe"
    ),
    radiating_pain("radiating arm pain", r"arms?|forearms?", r"bras|avant-bras", "douleur irradiant au bras"),
    *(site_pain(*site) for site in PAIN_SITES),
    *(site_weakness(*site) for site in WEAK_SITES),
    *(site_swelling(*site) for site in SWELLING_SITES),
    symptom("stiffness", [r"stiff(?:ness)?", r"raideurs?", r"raide"], "raideur", "Musculoskeletal"),
    symptom(
        "foot drop", [r"foot drop", r"drop(?:ped)? foot", r"pied tombant", r"steppage"], "pied tombant", "Neurological"
    ),
    symptom(
        "dropping objects",
        [r"drop(?:ping|s)? (?:things|objects|stuff)", r"fais tomber (?:les|des) (?:choses|objets)"],
        "lâchage d'objets",
        "Neurological",
    ),
    symptom(
        "occipital headache",
        [
            rf"(?:pain|headaches?|aches?|pressure) (?:in|at) the back of {WHOSE}head",
            r"occipital (?:headache|pain)",
            r"mal (?:à|a)u? (?:l'arrière|derrière) de la t[êe]te",
        ],
        "céphalée occipitale",
        "Neurological",
    ),
    symptom(
        "worst headache of life",
        [
            rf"worst headache (?:of {WHOSE}life|(?:that )?(?:you|i|she|he)(?:'ve| have| has)? ever had)",
            r"pire mal de t[êe]te de (?:ma|votre|sa) vie",
        ],
        "pire céphalée de sa vie",
        "Neurological",
    ),
    symptom(
        "subjective fever",
        [
            r"(?:felt|feel|feeling) (?:a (?:little|bit) )?(?:feverish|hot and cold)",
            r"sentie? (?:un peu )?fi[éè]vreu(?:x|se)",
            r"sentais (?:un peu )?fi[éè]vreu(?:x|se)",
            r"sensation (?:de fi[èe]vre|f[ée]brile)",
        ],
        "sensation fébrile",
        "Constitutional",
    ),
    symptom(
        "fall",
        [
            r"(?<=you\s)fall(?! asleep)",
            *(rf"(?<={who}\s)fell(?! asleep)" for who in ("i", "he", "she", "you")),
            r"fell (?:down|off|over|from|on (?:it|my|your|his|her))",
            r"fall(?:ing)? (?:down|on (?:it|my|your))",
            r"(?:almost|nearly) (?:fall|fell)(?! asleep)",  # "when it catches and i almost fall"
            r"(?<=i\s)fall(?! asleep| in| into| for| behind| under| within| short| apart| back)",
        ],
        "chute",
        "Musculoskeletal",
    ),
]

# The labels whose note wording takes the side said with them ("right knee pain", "left hand weakness").
SIDED = {c.label for c in SITE_SYMPTOMS if c.system in ("Musculoskeletal", "Neurological")} - {
    "stiffness",
    "dropping objects",
    "occipital headache",
    "worst headache of life",
    "fall",
}
