"""Common condition concepts of dermatology, mental health and genito-urinary care (ICD-10-CM chapters L, F, N),
the second half of conditions_common: standard names, abbreviations, lay words ("ringworm", "nail fungus",
"yeast infection") and the words of French general practice ("burn-out", "mycose vaginale").

A code only where the name maps to one ICD-10-CM code without a detail nobody said.
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition

SPECIALTY_CONDITIONS: list[Concept] = [
    # skin (L00-L99) and skin infections
    condition("contact dermatitis", [r"contact dermatitis", r"eczéma de contact"], "eczéma de contact", code="L25.9"),
    condition(
        "seborrheic dermatitis",
        [r"seborrh(?:o)?eic dermatitis", r"dermite séborrhéique"],
        "dermite séborrhéique",
        code="L21.9",
    ),
    condition(
        "tinea",
        [
            r"tinea(?: (?:pedis|corporis|cruris|capitis|versicolor|unguium))?",
            r"ringworm",
            r"athlete'?s foot",
            r"jock itch",
            r"teigne",
            r"dermatophytose",
        ],
        "dermatophytose",
    ),
    condition(
        "onychomycosis", [r"onychomycosis", r"(?:toe)?nail fungus", r"onychomycose"], "onychomycose", code="B35.1"
    ),
    condition("impetigo", [r"impetigo", r"impétigo"], "impétigo"),
    condition("scabies", [r"scabies", r"\bgale\b"], "gale", code="B86"),
    condition("urticaria", [r"urticaria", r"hives", r"urticaire"], "urticaire", code="L50.9"),
    condition(
        "actinic keratosis", [r"actinic keratos[ie]s", r"kératose actinique"], "kératose actinique", code="L57.0"
    ),
    condition(
        "seborrheic keratosis", [r"seborrh(?:o)?eic keratos[ie]s", r"kératose séborrhéique"], "kératose séborrhéique"
    ),
    condition(
        "basal cell carcinoma",
        [r"basal cell (?:carcinoma|cancer)", r"carcinome basocellulaire"],
        "carcinome basocellulaire",
    ),
    condition("melanoma", [r"melanoma", r"mélanome"], "mélanome"),
    condition("folliculitis", [r"folliculitis", r"folliculite"], "folliculite", code="L73.9"),
    condition("skin abscess", [r"(?:skin )?abscess", r"abcès"], "abcès"),
    condition("lipoma", [r"lipoma", r"lipome"], "lipome", code="D17.9"),
    condition(
        "hidradenitis suppurativa",
        [r"hidradenitis(?: suppurativa)?", r"maladie de verneuil"],
        "maladie de Verneuil",
        code="L73.2",
    ),
    condition("scar tissue", [r"scar tissue", r"tissu cicatriciel", r"fibrose cicatricielle"], "tissu cicatriciel"),
    # mental and behavioural (F01-F99)
    condition(
        "major depressive disorder",
        [r"major depressi(?:on|ve disorder)", r"\bmdd\b", r"épisode dépressif majeur"],
        "épisode dépressif majeur",
        code="F32.9",
        plain_en="depression",
        plain_fr="une dépression",
    ),
    condition(
        "generalized anxiety disorder",
        [r"generali[sz]ed anxiety(?: disorder)?", r"trouble anxieux généralisé"],
        "trouble anxieux généralisé",
        code="F41.1",
        plain_en="anxiety",
    ),
    condition(
        "bipolar disorder",
        [r"bipolar(?: disorder| affective disorder)", r"trouble bipolaire"],
        "trouble bipolaire",
        code="F31.9",
    ),
    condition("schizophrenia", [r"schizophrenia", r"schizophrénie"], "schizophrénie", code="F20.9"),
    condition(
        "obsessive-compulsive disorder",
        [r"obsessive[- ]compulsive disorder", r"\bocd\b", r"\btoc\b"],
        "trouble obsessionnel compulsif",
        code="F42.9",
    ),
    condition(
        "adjustment disorder",
        [r"adjustment disorder", r"trouble de l'adaptation"],
        "trouble de l'adaptation",
        code="F43.20",
    ),
    condition(
        "alcohol use disorder",
        [r"alcohol (?:use disorder|dependence|abuse)", r"alcoholism", r"alcoolisme", r"dépendance à l'alcool"],
        "trouble de l'usage de l'alcool",
    ),
    condition("burnout", [r"burn-?out", r"épuisement professionnel"], "burn-out", code="Z73.0"),
    # genito-urinary and gynaecology (N00-N99)
    condition(
        "bacterial vaginosis",
        [r"bacterial vaginosis", r"vaginose(?: bactérienne)?"],
        "vaginose bactérienne",
        code="N76.0",
    ),
    condition(
        "vaginal yeast infection",
        [
            r"(?:vaginal )?yeast infection(?! of (?:the |his |her )?(?:hair|skin|mouth|nails?|follicles?|chest|groin))",
            r"(?:vaginal |vulvovaginal )?candidiasis",
            r"mycose vaginale",
            r"candidose vaginale",
        ],
        "mycose vaginale",
    ),
    condition("prostatitis", [r"prostatitis", r"prostatite"], "prostatite", code="N41.9"),
    condition("endometriosis", [r"endometriosis", r"endométriose"], "endométriose", code="N80.9"),
    condition(
        "uterine fibroids", [r"(?:uterine )?fibroids?", r"fibromes?(?: utérins?)?"], "fibrome utérin", code="D25.9"
    ),
]
