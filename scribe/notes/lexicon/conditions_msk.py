"""Musculoskeletal condition concepts: sprains, strains, tears, back and neck problems, the tendons and joints
an orthopaedic or primary-care assessment names ("rotator cuff tendinopathy", "degenerative disc disease",
"a pinched nerve in the neck").

A code only where the spoken name maps to one ICD-10-CM code without a side nobody said: most injuries of a
limb need a side, so they carry none here (the assessment adds none either).
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition

MSK_CONDITIONS: list[Concept] = [
    condition(  # the syndesmosis, not the outer ligament: "the high ankle sprain doesn't look involved"
        "high ankle sprain",
        [r"high ankle sprain", r"syndesmo(?:sis|tic) (?:sprain|injury)", r"entorse (?:de la )?syndesmose"],
        "entorse de la syndesmose",
        code="S93.439A",
        plain_en="a high ankle sprain (the ligament joining the two leg bones)",
        plain_fr="une entorse de la syndesmose",
    ),
    condition(
        "ankle sprain",
        [r"ankle sprain", r"sprain(?:ed)? (?:of )?(?:the |my |your )?ankle", r"entorse de la cheville"],
        "entorse de la cheville",
        code="S93.409A",
        plain_en="a sprained ankle",
        plain_fr="une entorse de la cheville",
    ),
    condition(
        "knee sprain",
        [
            r"knee sprain",
            r"sprain(?:ed)? (?:of )?(?:the |my |your )?knee",
            r"(?:meniscus|menisc\w+) (?:sprain|strain)",
            r"entorse du genou",
        ],
        "entorse du genou",
        code="S83.90XA",
        plain_en="a sprained knee",
        plain_fr="une entorse du genou",
    ),
    condition("sprain", [r"sprain(?:ed)?", r"entorse"], "entorse", plain_en="a sprain", plain_fr="une entorse"),
    condition(
        "lumbar strain",
        [r"(?:acute )?lumbar (?:muscle )?strain", r"(?:low(?:er)? )?back strain"],
        "élongation lombaire",
        plain_en="a strained lower back muscle",
        plain_fr="un muscle du bas du dos étiré",
    ),
    condition(
        "muscle strain",
        [
            # not "strain your urine", "strain every time you pee", "the strain of the virus", "strain on the heart"
            r"(?:muscle |muscular )?(?:strain(?! (?:your|the|his|her|their|it|this|that|out|every|each)\b)"
            r"(?! of (?:the |this )?(?:virus|bacteria|flu))(?! on (?:the |your |his |her )?heart)|strained)",
            r"pulled (?:a |the |your |my )?(?:muscle|hamstring|groin|calf|quad|quadricep)s?",
            r"élongation",
            r"claquage",
        ],
        "élongation musculaire",
        plain_en="a strained muscle",
        plain_fr="un muscle étiré (élongation)",
    ),
    condition(
        "herniated disc",
        [r"(?:lumbar |cervical )?(?:disc|disk) herniation", r"herniated (?:disc|disk)", r"hernie discale"],
        "hernie discale",
        plain_en="a slipped (herniated) disc in the spine",
        plain_fr="une hernie discale",
    ),
    condition("stress fracture", [r"stress fractures?", r"fractures? de (?:fatigue|stress)"], "fracture de fatigue"),
    condition("fracture", [r"fracture[ds]?", r"broken (?:bone|arm|leg|wrist|ankle)"], "fracture"),
    condition(
        "meniscus tear",
        [r"menisc(?:us|al) tear", r"torn meniscus", r"l[ée]sion m[ée]niscale"],
        "lésion méniscale",
        code="S83.209A",
    ),
    condition(
        "carpal tunnel syndrome",
        [r"carpal tunnel(?: syndrome)?", r"canal carpien"],
        "syndrome du canal carpien",
        code="G56.00",
    ),
    condition(
        "low back pain",
        [r"(?:chronic )?low(?:er)? back pain", r"lumbago", r"lombalgies?"],
        "lombalgie",
        code="M54.50",
    ),
    condition("knee pain", [r"(?:left |right )?knee pain"], "douleur du genou", code="M25.569"),
    condition(
        "rotator cuff tendinopathy",
        [
            r"rotator cuff (?:tendinopathy|tendin[io]sis|tend[io]n?itis|strain|injury|syndrome|impingement)",
            r"tendinopathie de la coiffe(?: des rotateurs)?",
        ],
        "tendinopathie de la coiffe des rotateurs",
        plain_en="an injured shoulder tendon (rotator cuff)",
        plain_fr="une tendinite de l'épaule (coiffe des rotateurs)",
    ),
    condition(
        "rotator cuff tear",
        [r"rotator cuff tear", r"torn rotator cuff", r"rupture de la coiffe(?: des rotateurs)?"],
        "rupture de la coiffe des rotateurs",
    ),
    condition(
        "degenerative disc disease",
        [r"degenerative (?:dis[ck]|spine) disease", r"dis[ck] degeneration", r"discopathie(?: dégénérative)?"],
        "discopathie dégénérative",
        plain_en="wear of the discs of the spine",
        plain_fr="usure des disques de la colonne",
    ),
    condition(
        "cervical spondylosis",
        [
            r"cervical (?:spondylosis|arthritis|osteoarthritis)",
            r"arthritis (?:of|in) (?:the|your) neck",
            r"cervicarthrose",
        ],
        "cervicarthrose",
        plain_en="wear and tear of the neck (cervical arthritis)",
        plain_fr="arthrose du cou (cervicarthrose)",
    ),
    condition(
        "cervical radiculopathy",
        [r"cervical radicul(?:ar)?opathy", r"pinched nerve in (?:the|your|my) neck", r"névralgie cervico-brachiale"],
        "névralgie cervico-brachiale",
        code="M54.12",
        plain_en="a pinched nerve in the neck",
        plain_fr="un nerf coincé dans le cou",
    ),
    condition(
        "lumbar radiculopathy",
        [r"lumbar radicul(?:ar)?opathy", r"pinched nerve in (?:the|your|my) (?:low(?:er)? )?back"],
        "radiculopathie lombaire",
        code="M54.16",
        plain_en="a pinched nerve in the lower back",
        plain_fr="un nerf coincé dans le bas du dos",
    ),
    condition(
        "radiculopathy",
        [r"radicul(?:ar)?opathy", r"radiculopathie"],
        "radiculopathie",
        code="M54.10",
        plain_en="a pinched nerve",
        plain_fr="un nerf coincé",
    ),
    condition(
        "spinal stenosis",
        [r"(?:lumbar |cervical )?spinal stenosis", r"canal lombaire étroit", r"sténose (?:du canal|spinale)"],
        "canal lombaire étroit",
    ),
    condition("neck strain", [r"(?:cervical|neck) (?:muscle )?strain", r"whiplash"], "entorse cervicale"),
    condition(
        "chronic back pain",
        [
            r"chronic (?:lumbar |mechanical )?back pain",
            r"(?:lombalgie|dorsalgie)s? chroniques?",
            r"douleurs? lombaires? chroniques?",
        ],
        "lombalgie chronique",
        plain_en="long-lasting back pain",
        plain_fr="un mal de dos qui dure",
    ),
    condition("cervicalgia", [r"cervicalgi[ae]s?"], "cervicalgie", code="M54.2", plain_en="neck pain"),
    condition(
        "medial epicondylitis",
        [r"medial epicondylitis", r"golfer'?s elbow", r"épicondylite médiale", r"épitrochléite"],
        "épicondylite médiale",
        plain_en="golfer's elbow",
    ),
    condition("fibromyalgia", [r"fibromyalgi[ae]"], "fibromyalgie", code="M79.7"),
    condition(
        "polymyalgia rheumatica", [r"polymyalgia rheumatica", r"pseudo-?polyarthrite rhizomélique"], "PPR", code="M35.3"
    ),
    condition("costochondritis", [r"costochondritis", r"chondrite costale"], "chondrite costale", code="M94.0"),
    condition(
        "anterior cruciate ligament tear",
        [
            r"(?:acl|anterior cruciate ligament) (?:tear|rupture|injury)",
            r"torn acl",
            r"rupture du (?:lca|ligament croisé antérieur)",
        ],
        "rupture du ligament croisé antérieur",
    ),
    condition("osteopenia", [r"osteopenia", r"ostéopénie"], "ostéopénie", code="M85.80"),
    condition("scoliosis", [r"scoliosis", r"scoliose"], "scoliose", code="M41.9"),
    condition("ganglion cyst", [r"ganglion cyst", r"kyste synovial"], "kyste synovial"),
    condition(
        "de Quervain tenosynovitis",
        [r"de quervain'?s?(?: tenosynovitis)?"],
        "ténosynovite de De Quervain",
        code="M65.4",
    ),
    condition("bursitis", [r"(?:trochanteric |olecranon |subacromial |prepatellar )?bursitis", r"bursite"], "bursite"),
    condition(
        "tendon tear",
        [
            r"(?:partial(?:[- ]thickness)? |complete |full[- ]thickness )?(?:tendon )?tear (?:of|in) (?:the |a |one of "
            r"the (?:two )?)?(?:\w+ ){0,3}tendons?",
            r"(?:partial(?:[- ]thickness)? |complete )?(?:\w+ )?tendon (?:tear|rupture)",
            r"torn tendon",
            r"(?:rupture|déchirure) (?:partielle |complète )?(?:du|d'un) tendon",
        ],
        "rupture tendineuse",
        plain_en="a torn tendon",
        plain_fr="une déchirure de tendon",
    ),
]
