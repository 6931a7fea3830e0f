"""Common outpatient diagnoses the first tables lack, as clinicians say them at the end of a visit ("these are
hives", "you've got a stye", "vous avez un torticolis"): neurology, ENT and eye, skin, musculoskeletal, infections
and genito-urinary conditions from the commonest diagnoses of primary care and its specialties, with their lay names
and French words.

A code only where the name maps to one billable ICD-10-CM code with no detail nobody said (no side, no episode, no
organism): "stye" has none (H00.01- needs the eyelid), "Bell's palsy" is G51.0. No bare abbreviation that is also a
word, and no symptom's name (the symptom table reads "heartburn", "vertigo", "tremor").
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition

PRIMARY_CONDITIONS: list[Concept] = [
    # nervous system
    condition(
        "Bell's palsy",
        [r"bell'?s palsy", r"facial nerve palsy", r"paralysie (?:faciale )?(?:a frigore|de bell)"],
        "paralysie faciale a frigore",
        code="G51.0",
        plain_en="a weakness of the face nerve (Bell's palsy)",
        plain_fr="une paralysie du nerf du visage (paralysie faciale a frigore)",
    ),
    condition(
        "essential tremor",
        [r"(?:benign )?essential tremor", r"tremblement essentiel"],
        "tremblement essentiel",
        code="G25.0",
    ),
    condition(
        "restless legs syndrome",
        [r"restless legs?(?: syndrome)?", r"syndrome des jambes sans repos", r"maladie de willis-ekbom"],
        "syndrome des jambes sans repos",
        code="G25.81",
    ),
    condition(
        "trigeminal neuralgia",
        [r"trigeminal neuralgia", r"tic douloureux", r"névralgie (?:du trijumeau|trigéminale)"],
        "névralgie du trijumeau",
        code="G50.0",
    ),
    condition(
        "postherpetic neuralgia",
        [r"post-?\s?herpetic neuralgia", r"névralgie post-?\s?zost[ée]rienne"],
        "névralgie post-zostérienne",
    ),
    condition("occipital neuralgia", [r"occipital neuralgia", r"névralgie d'arnold"], "névralgie d'Arnold"),
    condition("neuralgia", [r"neuralgia", r"névralgie"], "névralgie"),
    condition(
        "cluster headache",
        [r"cluster headaches?", r"algie vasculaire de la face"],
        "algie vasculaire de la face",
    ),
    condition(
        "medication overuse headache",
        [r"medication[- ]overuse headaches?", r"rebound headaches?", r"céphalées? par abus médicamenteux"],
        "céphalée par abus médicamenteux",
    ),
    condition(
        "vestibular neuritis",
        [r"vestibular neuritis", r"labyrinthitis", r"névrite vestibulaire", r"labyrinthite"],
        "névrite vestibulaire",
    ),
    condition(
        "Meniere's disease", [r"m[ée]ni[èe]re'?s(?: disease)?", r"maladie de m[ée]ni[èe]re"], "maladie de Ménière"
    ),
    condition(
        "cubital tunnel syndrome",
        [
            r"cubital tunnel(?: syndrome)?",
            r"syndrome (?:du canal|de la gouttière) (?:cubital|épitrochléo-olécrânienne)",
        ],
        "syndrome du canal cubital",
    ),
    # ear, nose, throat, mouth and eye
    condition(
        "eustachian tube dysfunction",
        [r"eustachian tube dysfunction", r"blocked eustachian tubes?", r"dysfonction(?:nement)? tubaire"],
        "dysfonction tubaire",
    ),
    condition(
        "deviated septum",
        [r"deviated (?:nasal )?septum", r"septal deviation", r"déviation de la cloison(?: nasale)?"],
        "déviation de la cloison nasale",
        code="J34.2",
    ),
    condition("nasal polyps", [r"nasal polyps?", r"polypes? (?:nasaux|du nez)", r"polypose nasale"], "polypose nasale"),
    condition(
        "temporomandibular joint disorder",
        [
            r"tmj(?: disorder| dysfunction| syndrome)?",
            r"temporomandibular (?:joint )?(?:disorder|dysfunction|syndrome)",
            r"dysfonction(?:nement)? (?:de l'atm|temporo-mandibulaire)",
        ],
        "dysfonctionnement de l'articulation temporo-mandibulaire",
    ),
    condition("oral thrush", [r"(?:oral )?thrush", r"oral candidiasis", r"muguet"], "muguet buccal", code="B37.0"),
    condition(
        "hordeolum",
        [r"styes?", r"sties", r"hordeol(?:um|a)", r"orgelets?"],
        "orgelet",
        plain_en="a stye (an infected eyelash gland)",
        plain_fr="un orgelet",
    ),
    condition("chalazion", [r"chalazi(?:on|a)"], "chalazion"),
    condition("blepharitis", [r"blepharitis", r"blépharite"], "blépharite"),
    condition("dry eye syndrome", [r"dry eye(?: syndrome| disease)?", r"sécheresse oculaire"], "sécheresse oculaire"),
    condition(
        "subconjunctival hemorrhage",
        [r"subconjunctival ha?emorrhage", r"hémorragie sous-conjonctivale"],
        "hémorragie sous-conjonctivale",
    ),
    # skin
    condition(
        "poison ivy dermatitis",
        [r"poison (?:ivy|oak|sumac)(?: dermatitis| rash)?", r"dermatite (?:à l'herbe à puce|au sumac)"],
        "dermatite de contact (sumac vénéneux)",
        code="L23.7",
    ),
    condition("dermatitis", [r"dermatitis", r"dermatite"], "dermatite", code="L30.9"),
    condition("ingrown toenail", [r"ingrown (?:toe ?)?nails?", r"ongles? incarnés?"], "ongle incarné", code="L60.0"),
    condition("paronychia", [r"paronychia", r"panaris", r"périonyxis"], "panaris"),
    condition("intertrigo", [r"intertrigo"], "intertrigo", code="L30.4"),
    condition(
        "pityriasis rosea", [r"pityriasis rosea", r"pityriasis rosé(?: de gibert)?"], "pityriasis rosé de Gibert"
    ),
    condition("molluscum contagiosum", [r"molluscum(?: contagiosum)?"], "molluscum contagiosum", code="B08.1"),
    condition("alopecia areata", [r"alopecia areata", r"pelade"], "pelade", code="L63.9"),
    condition("sunburn", [r"sunburn", r"coups? de soleil"], "coup de soleil", code="L55.9"),
    condition("head lice", [r"head lice", r"\blice\b", r"pediculosis", r"poux", r"pédiculose"], "pédiculose"),
    condition(
        "furuncle",
        [r"(?<=a\s)boil(?! down)", r"boils(?! down)", r"furuncles?", r"furunculosis", r"furoncles?", r"furonculose"],
        "furoncle",
        plain_en="a boil (an infected hair follicle)",
        plain_fr="un furoncle",
    ),
    condition(
        "epidermoid cyst",
        [r"(?:epidermoid|epidermal inclusion|sebaceous) cysts?", r"kystes? (?:sébacés?|épidermoïdes?)"],
        "kyste épidermoïde",
    ),
    condition("pilonidal cyst", [r"pilonidal (?:cyst|sinus|disease)", r"(?:kyste|sinus) pilonidal"], "kyste pilonidal"),
    condition(
        "fungal infection",
        [r"fungal (?:skin )?infection", r"infection fongique", r"mycose(?! vaginale)(?: cutanée)?"],
        "mycose",
    ),
    # musculoskeletal
    condition(
        "torticollis",
        [r"torticollis", r"wry neck", r"torticolis"],
        "torticolis",
        code="M43.6",
        plain_en="a stiff, twisted neck (torticollis)",
        plain_fr="un torticolis",
    ),
    condition(
        "patellofemoral pain syndrome",
        [
            r"patell?o-?\s?femoral (?:pain )?syndrome",
            r"patell?o-?\s?femoral pain",
            r"runner'?s knee",
            r"syndrome (?:fémoro-patellaire|rotulien)",
        ],
        "syndrome fémoro-patellaire",
    ),
    condition(
        "iliotibial band syndrome",
        [
            r"(?:it|iliotibial) band (?:syndrome|friction syndrome|tendinitis)",
            r"syndrome de l'essuie-glace",
            r"syndrome de la bandelette ilio-tibiale",
        ],
        "syndrome de la bandelette ilio-tibiale",
    ),
    condition(
        "medial tibial stress syndrome",
        [r"shin splints?", r"medial tibial stress syndrome", r"périostite tibiale"],
        "périostite tibiale",
        plain_en="shin splints",
    ),
    condition(
        "shoulder impingement",
        [r"(?:shoulder|subacromial) impingement(?: syndrome)?", r"impingement syndrome", r"conflit sous-acromial"],
        "conflit sous-acromial",
    ),
    condition(
        "Achilles tendinopathy",
        [
            r"achilles (?:tendinitis|tendonitis|tendinopathy|tendinosis)",
            r"tendinite (?:d'achille|achilléenne)",
            r"tendinopathie (?:d'achille|achilléenne)",
        ],
        "tendinopathie achilléenne",
    ),
    condition("bunion", [r"bunions?", r"hallux valgus", r"oignons? (?:du|au) pied"], "hallux valgus"),
    condition("Morton's neuroma", [r"morton'?s neuroma", r"névrome de morton"], "névrome de Morton"),
    condition("Baker's cyst", [r"baker'?s cyst", r"popliteal cyst", r"kyste (?:poplité|de baker)"], "kyste poplité"),
    condition(
        "Dupuytren's contracture",
        [r"dupuytren'?s?(?: contracture| disease)?", r"maladie de dupuytren"],
        "maladie de Dupuytren",
        code="M72.0",
    ),
    condition(
        "ankylosing spondylitis",
        [r"ankylosing spondylitis", r"spondylarthrite ankylosante"],
        "spondylarthrite ankylosante",
        code="M45.9",
    ),
    condition(
        "psoriatic arthritis",
        [r"psoriatic arthritis", r"rhumatisme psoriasique", r"arthrite psoriasique"],
        "rhumatisme psoriasique",
        code="L40.50",
    ),
    condition("pseudogout", [r"pseudo-?\s?gout", r"chondrocalcinose"], "chondrocalcinose"),
    # infections
    condition("scarlet fever", [r"scarlet fever", r"scarlatine"], "scarlatine", code="A38.9"),
    condition("measles", [r"measles", r"rougeole"], "rougeole", code="B05.9"),
    condition("mumps", [r"mumps", r"oreillons"], "oreillons", code="B26.9"),
    condition(
        "hand, foot and mouth disease",
        [r"hand,? foot,? and mouth(?: disease)?", r"syndrome pieds?-mains?-bouche"],
        "syndrome pieds-mains-bouche",
        code="B08.4",
    ),
    condition(
        "fifth disease",
        [r"fifth disease", r"erythema infectiosum", r"mégalérythème épidémique"],
        "cinquième maladie",
        code="B08.3",
    ),
    condition(
        "Clostridioides difficile infection",
        [r"c\.? ?diff(?:icile)?(?: colitis| infection)?", r"clostridi(?:um|oides) difficile(?: colitis| infection)?"],
        "infection à Clostridioides difficile",
    ),
    condition(
        "food poisoning",
        [r"food poisoning", r"intoxication alimentaire", r"toxi-?infection alimentaire"],
        "intoxication alimentaire",
    ),
    condition("chlamydia", [r"chlamydia(?: infection)?", r"chlamydiae?"], "infection à chlamydia"),
    condition("gonorrhea", [r"gonorrh(?:o)?ea", r"gonorrhée", r"gonococcie"], "gonococcie"),
    condition("trichomoniasis", [r"trichomon(?:iasis|as)", r"trichomonase"], "trichomonase", code="A59.9"),
    condition("genital herpes", [r"genital herpes", r"herpès génital"], "herpès génital"),
    condition(
        "sexually transmitted infection",
        [
            r"sexually transmitted (?:infection|disease)",
            r"\bst[id]s?\b",
            r"infection sexuellement transmissible",
            r"\bist\b",
        ],
        "infection sexuellement transmissible",
    ),
    # genito-urinary and gynaecology
    condition(
        "pelvic inflammatory disease",
        [r"pelvic inflammatory disease", r"\bpid\b", r"infection génitale haute", r"salpingite"],
        "infection génitale haute",
    ),
    condition(
        "interstitial cystitis",
        [r"interstitial cystitis", r"painful bladder syndrome", r"cystite interstitielle"],
        "cystite interstitielle",
    ),
    condition("epididymitis", [r"epididymitis", r"épididymite", r"orchi-?épididymite"], "épididymite"),
    condition("hydrocele", [r"hydroc[eè]les?"], "hydrocèle", code="N43.3"),
    condition("varicocele", [r"varicoc[eè]les?"], "varicocèle", code="I86.1"),
    condition("dysmenorrhea", [r"dysmenorrh(?:o)?ea", r"dysménorrhée"], "dysménorrhée"),
    condition("ovarian cyst", [r"ovarian cysts?", r"kystes? (?:ovariens?|de l'ovaire)"], "kyste ovarien"),
    # blood, heart and vessels, lungs, digestion
    condition("thrombocytopenia", [r"thrombocytopenia", r"low platelets?(?! count)", r"thrombopénie"], "thrombopénie"),
    condition("hemochromatosis", [r"ha?emochromatosis", r"hémochromatose"], "hémochromatose"),
    condition(
        "premature ventricular contractions",
        [r"premature ventricular (?:contractions?|complexes?|beats?)", r"\bpvcs?\b", r"extrasystoles? ventriculaires?"],
        "extrasystoles ventriculaires",
        code="I49.3",
    ),
    condition(
        "Raynaud's phenomenon",
        [r"raynaud'?s?(?: phenomenon| syndrome| disease)?", r"(?:syndrome|phénomène|maladie) de raynaud"],
        "syndrome de Raynaud",
    ),
    condition(
        "mitral valve prolapse",
        [r"mitral (?:valve )?prolapse", r"prolapsus (?:de la valve )?mitral"],
        "prolapsus de la valve mitrale",
        code="I34.1",
    ),
    condition(
        "superficial thrombophlebitis",
        [
            r"superficial (?:thrombo)?phlebitis",
            r"thrombophlebitis",
            r"thrombose veineuse superficielle",
            r"paraphlébite",
        ],
        "thrombose veineuse superficielle",
    ),
    condition("pulmonary fibrosis", [r"pulmonary fibrosis", r"fibrose pulmonaire"], "fibrose pulmonaire"),
    condition("sarcoidosis", [r"sarcoidosis", r"sarcoïdose"], "sarcoïdose", code="D86.9"),
    condition("gastroparesis", [r"gastroparesis", r"gastroparésie"], "gastroparésie", code="K31.84"),
    condition(
        "lactose intolerance",
        [r"lactose intolerance", r"lactose intolerant", r"intolérance au lactose"],
        "intolérance au lactose",
        code="E73.9",
    ),
    condition("hernia", [r"hernias?", r"hernies?"], "hernie"),
    condition("overweight", [r"overweight", r"surpoids"], "surpoids", code="E66.3"),
]
