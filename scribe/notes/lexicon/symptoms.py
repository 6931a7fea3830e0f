"""Symptom concepts (en/fr surface forms, review-of-systems group).

Kept as data apart from the matching code: clinicians add surface forms here without touching logic.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, symptom
from scribe.notes.lexicon.symptoms_organs import ORGAN_SYMPTOMS
from scribe.notes.lexicon.symptoms_ros import ROS_SYMPTOMS
from scribe.notes.lexicon.symptoms_sites import SITE_SYMPTOMS

# "ça fourmille dans le mollet", "des fourmis dans le mollet"
_ANTS = r"(?:ça |il |elle )fourmill\w*|des fourmis dans"

# "my back hurts", "her stomach has been hurting", "my throat is really sore": a site said with a verb of pain
_HURTS = (
    r"(?:(?:is|are|has been|have been|was|were|still|really|kind of|keeps?|started|just) )*"
    r"(?:hurts?|hurting|aches|aching|sore|killing (?:me|him|her))"
)
_AMOUNT = r"(?:\d+(?:[.,]\d+)?|[a-z]+(?:[- ][a-z]+)?)(?: and a half)?"

SYMPTOMS: list[Concept] = [
    symptom(
        "fever",
        [
            r"(?:had|running|run) a (?:high )?temperature",
            r"(?<!hay\s)(?<!scarlet\s)(?<!yellow\s)fevers?",  # not "hay fever", a condition
            r"feverish",
            r"febrile",
            r"fi[èe]vre",
            r"fi[èé]vreu(?:x|se)",
            r"de la temp[ée]rature",
        ],
        "fièvre",
        "Constitutional",
    ),
    symptom("chills", [r"chills", r"shivery", r"shivering", r"frissons?"], "frissons", "Constitutional"),
    symptom(
        "fatigue",
        [
            r"suis (?:complètement |très |tout le temps )?crev[ée]e?",
            r"fatigue[d]?",
            r"tired(?:ness)?",
            r"exhausted",
            r"lack of energy",
            r"no energy",
            r"fatigu[ée]e?s?",
            r"[ée]puis[ée]e?",
        ],
        "fatigue",
        "Constitutional",
    ),
    symptom(
        "weight loss",
        [
            r"(?<!for\s)(?<!with\s)weight loss(?! (?:study|program|medications?|drugs?|surgery|goals?|plans?|trial))",
            r"lost (?:some |a lot of )?weight",
            # "are you losing weight?"; not "help with losing weight", a goal
            r"(?<!on\s)(?<!with\s)(?<!of\s)(?<!about\s)(?<!at\s)losing (?:some |any |a lot of )?weight",
            # "I've lost 110 pounds", "j'ai perdu 5 kilos"
            rf"lost (?:about |around |over |almost |nearly |like )?{_AMOUNT} (?:pounds|lbs|kilos|kilograms|kgs?)",
            rf"perdu (?:environ |presque |près de )?{_AMOUNT} (?:kilos|kg)",
            r"perte de poids",
            r"perdu du poids",
            r"maigri",
        ],
        "perte de poids",
        "Constitutional",
    ),
    symptom(
        "weight gain",
        [
            r"weight gain",
            r"gained (?:some |a lot of )?weight",
            # "I gained eight pounds", "j'ai pris quatre kilos"
            r"(?:gained|put on) (?:about |almost |nearly |like |around )?(?:\w+ )?(?:pounds|lbs|kilos|kilograms|kg)",
            r"pris (?:\w+ )?kilos",
            r"prise de poids",
            r"pris du poids",
            r"grossi",
        ],
        "prise de poids",
        "Constitutional",
    ),
    symptom(
        "night sweats",
        [r"night sweats?", r"sueurs? (?:nocturnes?|la nuit)", r"transpir\w+ (?:beaucoup |abondamment )?la nuit"],
        "sueurs nocturnes",
        "Constitutional",
    ),
    symptom(
        "chest pain",
        [
            r"chest (?:feels|felt|is|gets|got) (?:tight|heavy)",
            r"chest (?:pain|pressure|tightness|discomfort|cramps?)",
            rf"chest {_HURTS}",
            r"pain in (?:my|the|your) chest",
            r"douleurs? (?:dans la |à la )?(?:thoracique|poitrine)s?",
            r"mal (?:à|a) la poitrine",
            r"oppression thoracique",
        ],
        "douleur thoracique",
        "Cardiovascular",
    ),
    symptom(
        "palpitations",
        [
            r"heart (?:is |was |keeps |has been |kind of )?(?:pounding|fluttering|flutters|skipping|skips)",
            r"skipped (?:heart)?beats?",
            r"palpitations?",
            r"heart (?:racing|pounding|fluttering)",
            r"pounding in (?:my|the) chest",
            r"c(?:œ|oe)ur qui bat (?:vite|fort)",
        ],
        "palpitations",
        "Cardiovascular",
    ),
    symptom(
        "leg swelling",
        [
            r"gonflement des jambes",
            r"leg swelling",
            r"swollen legs?",
            r"swelling (?:in|of|around) (?:(?:my|your|his|her|the|both)\W+)*(?:lower )?(?:legs?|extremities)",
            r"legs?(?:,? (?:or|and) (?:legs?|ankles?|feet))* (?:(?:are|is|have been|has been|were|"
            r"being|getting|get) )*(?:swollen|swelling|swell)",
            r"jambes? (?:qui )?(?:gonfl|enfl)\w*",
            r"(?:œ|oe)d[èe]mes? des (?:jambes|membres inf[ée]rieurs)",
        ],
        "œdème des jambes",
        "Cardiovascular",
    ),
    symptom(
        "shortness of breath",
        [
            r"(?:hard|difficult) (?:for me )?to (?:breathe|catch (?:my|his|her) breath)",
            r"out of breath",
            r"short(?:ness)? of breath",
            r"short(?:ness)? (?:on|and|in) breathe?",  # what speech recognition makes of "shortness of breath"
            r"trouble breathing",
            r"difficulty breathing",
            r"problems? breathing",
            r"dyspn(?:ea|oea|[ée]e)",
            r"breathless(?:ness)?",
            r"winded",
            r"essouffl[ée]e?(?:ment)?",
            r"du mal à respirer",
            r"souffle court",
            r"(?:can'?t|ca n't|cannot|could ?n'?t|hard to|trouble|difficult(?:y)? time|"
            r"struggl\w+ to) catch(?:ing)? (?:my|your|his|her) breath",
        ],
        "essoufflement",
        "Respiratory",
    ),
    symptom(
        "cough",
        [r"cough(?:ing)?(?! (?:syrup|medicine|mixture|drops|suppressant))", r"toux", r"touss(?:e[rzs]?|é|ait|ote\w*)"],
        "toux",
        "Respiratory",
    ),
    symptom(
        "wheezing",
        [r"wheezy", r"wheez(?:e|es|ing)", r"sifflements?", r"(?:il |elle |je |ça |tu )siffl(?:e|ait|ent|ais)\b"],
        "sifflements",
        "Respiratory",
    ),
    symptom(
        "sore throat",
        [r"sore throat", r"throat pain", rf"throat {_HURTS}", r"mal (?:à|a) la gorge", r"maux de gorge"],
        "mal de gorge",
        "ENT",
    ),
    symptom(
        "nasal congestion",
        [
            r"(?:nose|sinuses) (?:is |are |feels? |has been |have been )?(?:stuffy|stuffed up|blocked up)",
            r"nasal congestion",
            r"stuffy nose",
            r"congestion",
            r"nez bouch[ée]",
            r"rhume(?! des foins)",
        ],
        "congestion nasale",
        "ENT",
    ),
    symptom(
        "ear pain",
        [r"ear ?aches?", r"ear pain", rf"ears? {_HURTS}", r"mal (?:à|a) l'oreille", r"mal aux oreilles", r"otalgies?"],
        "douleur d'oreille",
        "ENT",
    ),
    symptom(
        "headache",
        [
            r"headaches?",
            r"migraines?",
            rf"head {_HURTS}",
            r"maux? de t[êe]te",
            r"mal (?:à|a) la t[êe]te",
            r"c[ée]phal[ée]es?",
        ],
        "maux de tête",
        "Neurological",
    ),
    symptom(
        "dizziness",
        [
            r"(?:the )?room (?:is |was |keeps |starts |started )?spinning",
            r"(?:the )?room spins",
            r"dizz(?:y|iness)",
            r"lightheaded(?:ness)?",
            r"light-headed(?:ness)?",
            r"vertigo",
            r"vertiges?",
            r"[ée]tourdi(?:e|ssements?)?",
            r"la t[êe]te qui tourne",
        ],
        "vertiges",
        "Neurological",
    ),
    symptom(
        "numbness",
        [
            r"numb(?:ness)?",
            r"numbing(?! (?:cream|medicines?|medications?|agents?|spray|shots?|injections?|gel))",
            r"engourdi(?:e|ssements?)?",
        ],
        "engourdissement",
        "Neurological",
    ),
    symptom(
        "tingling",
        [r"tingl(?:ing|y)", r"pins and needles", r"paresthesias?", r"fourmillements?", r"picotements?", _ANTS],
        "fourmillements",
        "Neurological",
    ),
    symptom(
        "orthopnea",
        [
            r"orthopn(?:ea|oea|ée)",
            r"(?:trouble|problems?|difficulty) (?:breathing )?(?:lying|laying) (?:down )?flat",
            # sleeping propped up to breathe: "had to get propped up in bed so i could breathe", "on three pillows"
            r"propped up (?:in bed |on (?:\w+ )?pillows )?(?:so (?:i|she|he|you) could|to) breathe",
            r"(?:sleep|sleeping|sleeps) (?:on|with) (?:two|three|four|\d|more|extra|several) pillows",
            r"(?:can'?t|ca n't|cannot|could ?n'?t) (?:breathe|catch (?:my|her|his) breath) "
            r"(?:when|if) (?:i|she|he) lie",
            r"dort (?:avec|sur) (?:deux|trois|plusieurs) oreillers",
        ],
        "orthopnée",
        "Respiratory",
    ),
    symptom(
        "jaundice",
        [r"jaundice", r"yellow(?:ing)? (?:of )?(?:the |your |my |his |her )?(?:skin|eyes)", r"ict[èe]re", r"jaunisse"],
        "ictère",
        "Gastrointestinal",
    ),
    symptom(
        "head injury",
        [
            r"head (?:injury|trauma)",
            r"(?:hit|bumped|banged|hurt) (?:my|your|his|her|the) head",
            r"traumatisme cr[âa]nien",
            r"cogn[ée]e? la t[êe]te",
        ],
        "traumatisme crânien",
        "Neurological",
    ),
    symptom(
        "weakness",
        [
            r"feel(?:s|ing)? (?:very |really |so |a bit |kind of )?weak",
            r"(?:me )?sens (?:très |un peu )?faible",
            r"weakness",
            r"faiblesse",
        ],
        "faiblesse",
        "Neurological",
    ),
    symptom(
        "syncope",
        [
            r"passed out",
            r"passing out",
            r"faint(?:ed|ing)?",
            r"syncope",
            r"perte de connaissance",
            r"malaise",
            r"[ée]vanoui\w*",
            r"perdu connaissance",
        ],
        "malaise",
        "Neurological",
    ),
    symptom(
        "nausea",
        [
            r"sick to (?:my|his|her|your) stomach",
            r"queasy",
            r"nauseated",
            r"nause(?:a|ous|e|es)",
            r"naus[ée]es?",
            r"envie de vomir",
            r"mal au c(?:œ|oe)ur",
        ],
        "nausées",
        "Gastrointestinal",
    ),
    symptom(
        "vomiting",
        [
            r"puk(?:e|es|ed|ing)",
            r"thrown up",
            r"vomit(?:ing|ed)?",
            r"throwing up",
            r"threw up",
            r"(?:i|she|he|you) (?:was|were) sick (?:once|twice|this morning|last night|in the night)",  # British
            r"vomissements?",
            r"vomi",
        ],
        "vomissements",
        "Gastrointestinal",
    ),
    symptom(
        "diarrhea",
        [
            r"the runs",
            r"bowels? (?:are|is|have been|has been) (?:loose|runny)",
            r"diarrh(?:ea|oea|[ée]e)s?",
            r"loose stools?",
        ],
        "diarrhée",
        "Gastrointestinal",
    ),
    symptom("constipation", [r"constipat(?:ion|ed)", r"constip[ée]e?"], "constipation", "Gastrointestinal"),
    symptom(
        "abdominal pain",
        [
            r"(?:abdominal|stomach|belly|tummy) (?:pain|ache|cramps?)",
            r"stomach ?ache",
            rf"(?:stomach|belly|tummy|abdomen) {_HURTS}",
            r"pain in (?:my|the|your) (?:stomach|belly|abdomen)",
            r"mal (?:au|dans le|en haut du|en bas du|au niveau du|au creux du) ventre",
            r"douleurs? (?:abdominales?|(?:au|dans le|en haut du|en bas du|au niveau du) ventre)",
            r"[ée]pigastralgies?",
            r"douleurs? [ée]pigastriques?",
            r"maux de ventre",
        ],
        "douleur abdominale",
        "Gastrointestinal",
    ),
    symptom("bloating", [r"bloat(?:ed|ing)", r"ballonnements?", r"ballonn[ée]e?"], "ballonnements", "Gastrointestinal"),
    symptom(
        "heartburn",
        [
            r"acid (?:coming|comes|came) up",
            r"heartburn",
            r"acid reflux",
            r"reflux",
            r"br[ûu]lures? d'estomac",
            r"remont[ée]es? acides?",
        ],
        "brûlures d'estomac",
        "Gastrointestinal",
    ),
    symptom(
        "blood in stool",
        [r"blood in (?:my|the|your) stools?", r"bloody stools?", r"sang dans les selles"],
        "sang dans les selles",
        "Gastrointestinal",
    ),
    symptom(
        "loss of appetite",
        [
            r"loss of appetite",
            r"no appetite",
            r"(?:not|n't) hungry",
            r"lost (?:my|your|his|her|the) appetite",
            r"poor appetite",
            r"perte d'app[ée]tit",
            r"pas d'app[ée]tit",
            r"perdu (?:l'|de l')app[ée]tit",
            r"manque d'app[ée]tit",
            # "I don't feel like eating", "my appetite has been poor", "j'ai plus faim"
            r"(?:don't|do n't) feel like eating",
            r"appetite (?:is|has been|'s been|was) (?:poor|down|low|bad|gone|not (?:good|great))",
            r"(?:n'ai|ai) (?:pas|plus) (?:très |trop )?faim",
        ],
        "perte d'appétit",
        "Gastrointestinal",
    ),
    symptom(
        "dysuria",
        [
            r"burning (?:when|with|on) (?:i |you |he |she )?(?:pee|urinat\w*)",
            r"(?:it )?burns? (?:when|to) (?:i |you |he |she )?(?:pee|urinat\w*)",
            r"pain(?:ful)? (?:with |when |on )?urinat(?:ion|ing)",
            r"dysuri[ae]",
            r"br[ûu]lures? (?:urinaires|mictionnelles|en urinant|quand (?:je|vous) (?:fais|faites) pipi)",
            r"(?:ça|ca) (?:me |vous )?br[ûu]le (?:en urinant|quand (?:je|vous) (?:urine|fais|faites)\w*|quand j'urine)",
            # "it hurts when I pee", "j'ai mal en urinant": pain on passing urine is dysuria
            r"hurts? (?:when|to) (?:i |you |he |she )?(?:pee|urinate)",
            r"(?:mal|douleurs?) (?:en urinant|quand (?:j'urine|je fais pipi|vous urinez|vous faites pipi))",
        ],
        "brûlures urinaires",
        "Genitourinary",
    ),
    symptom(
        "urinary frequency",
        [
            r"(?:fais|faire) (?:souvent |beaucoup )?pipi (?:souvent|tout le temps|beaucoup)",
            r"(?:pee|peeing|urinat\w+) more (?:often|frequently|than usual)",
            r"(?:urinary )?frequency",
            r"pee(?:ing)? a lot",
            r"urinating (?:a lot|frequently|more)",
            r"envie fr[ée]quente d'uriner",
            r"urin\w+ (?:souvent|tout le temps|fr[ée]quemment)",
            r"(?:souvent|tout le temps) (?:uriner|aux toilettes)",
            r"pollakiurie",
        ],
        "envies fréquentes d'uriner",
        "Genitourinary",
    ),
    symptom(
        "blood in urine",
        [
            r"blood when (?:you|i|he|she) (?:pee|urinate)",
            r"blood in (?:the|my|your|his|her) pee",
            r"blood in (?:my|the|your|his|her) urine",
            r"hematuria",
            r"sang dans les urines",
        ],
        "sang dans les urines",
        "Genitourinary",
    ),
    symptom(
        "back pain",
        [
            r"(?:lower |low |upper )?back pain",
            r"pain in (?:my|the|your) (?:lower |low )?back",
            rf"(?<!come\s)(?<!came\s)(?:lower |low |upper )?back {_HURTS}",
            r"mal (?:au|dans le) dos",
            r"douleurs? (?:dans le |au )?dos",
            r"douleurs? lombaires?",
            r"lombalgie",
            r"dorsalgie",
        ],
        "douleur dorsale",
        "Musculoskeletal",
    ),
    symptom(
        "neck pain",
        [r"neck pain", rf"neck {_HURTS}", r"mal au cou", r"douleurs? (?:au|du) cou", r"cervicalgie"],
        "douleur au cou",
        "Musculoskeletal",
    ),
    symptom(
        "joint pain",
        [
            r"joint pain",
            r"arthralgias?",
            r"douleurs? articulaires?",
            r"(?:mal|douleurs?) (?:aux|des|dans les) articulations",
        ],
        "douleurs articulaires",
        "Musculoskeletal",
    ),
    symptom(
        "muscle aches",
        [r"muscle aches?", r"body aches?", r"myalgias?", r"courbatures?", r"douleurs? musculaires?"],
        "courbatures",
        "Musculoskeletal",
    ),
    symptom(
        "joint swelling",
        [r"(?:knee|ankle|joint|wrist) swelling", r"swollen (?:knee|joint|wrist)", r"genou gonfl[ée]"],
        "gonflement articulaire",
        "Musculoskeletal",
    ),
    symptom("rash", [r"rash(?:es)?", r"[ée]ruption", r"boutons", r"plaques rouges"], "éruption cutanée", "Skin"),
    # (no hives is no denial of the eczema the child has: "any swelling of the lips or hives after eating?" "no")
    symptom("hives", [r"hives", r"urticaire", r"wheals"], "urticaire", "Skin"),
    symptom(
        "itching",
        [r"[çc]a me gratte", r"itch(?:y|ing)", r"d[ée]mangeaisons?", r"[çc]a gratte", r"prurit"],
        "démangeaisons",
        "Skin",
    ),
    *SITE_SYMPTOMS,
    *ROS_SYMPTOMS,
    *ORGAN_SYMPTOMS,
    symptom(
        "pain", [r"pain", r"hurts?", r"sore(?:ness)?", r"douleurs?", r"j'ai mal", r"fait mal"], "douleur", "General"
    ),
]
