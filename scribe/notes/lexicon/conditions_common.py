"""Common primary-care condition concepts the first tables lack, by ICD-10-CM chapter: circulatory, endocrine and
metabolic (including the lab abnormalities a clinician names as a problem: "elevated alkaline phosphatase", "low
sodium"), infections, respiratory, ENT and digestive; with the standard synonyms, abbreviations and lay words
("strep throat", "h. pylori", "enlarged liver") and the words of French general practice ("syndrome grippal",
"colopathie fonctionnelle", "virose"). Skin, mental health and genito-urinary: conditions_specialties.

A code only where the name maps to one ICD-10-CM code without a detail nobody said. A form never is a bare
abbreviation that is also an English word ("pad", "ms"; "gad" is said out as "generalized anxiety disorder").
"""

from __future__ import annotations

from scribe.notes.lexicon.concept import Concept, condition

_ELEVATED = r"(?:elevated|high|raised|abnormal|increased)"
# "a low sodium diet", "high potassium foods": advice about food, not a lab result

COMMON_CONDITIONS: list[Concept] = [
    # circulatory (I00-I99)
    condition("atrial flutter", [r"atrial flutter", r"flutter auriculaire"], "flutter auriculaire", code="I48.92"),
    condition(
        "diastolic heart failure",
        [
            r"diastolic (?:congestive )?heart failure",
            r"heart failure with preserved ejection fraction",
            r"hfpef",
            r"insuffisance cardiaque à fraction d'éjection préservée",
        ],
        "insuffisance cardiaque à fraction d'éjection préservée",
        plain_en="a stiff heart that fills less well (heart failure)",
    ),
    condition(
        "systolic heart failure",
        [
            r"systolic (?:congestive )?heart failure",
            r"heart failure with reduced ejection fraction",
            r"hfref",
            r"insuffisance cardiaque à fraction d'éjection (?:réduite|altérée)",
        ],
        "insuffisance cardiaque à fraction d'éjection réduite",
        plain_en="a weak heart (heart failure)",
    ),
    condition("cardiomyopathy", [r"cardiomyopathy", r"cardiomyopathie"], "cardiomyopathie", code="I42.9"),
    condition(
        "aortic stenosis", [r"aortic (?:valve )?stenosis", r"rétrécissement aortique"], "rétrécissement aortique"
    ),
    condition(
        "supraventricular tachycardia",
        [r"supraventricular tachycardia", r"\bsvt\b", r"tachycardie supraventriculaire"],
        "tachycardie supraventriculaire",
        code="I47.1",
    ),
    condition(
        "peripheral artery disease",
        [r"peripheral (?:arterial|artery|vascular) disease", r"artériopathie (?:oblitérante )?des membres inférieurs"],
        "artériopathie des membres inférieurs",
        code="I73.9",
    ),
    condition(
        "orthostatic hypotension",
        [r"orthostatic hypotension", r"hypotension orthostatique"],
        "hypotension orthostatique",
        code="I95.1",
    ),
    condition(
        "chronic venous insufficiency",
        [r"(?:chronic )?venous insufficiency", r"insuffisance veineuse"],
        "insuffisance veineuse",
        code="I87.2",
    ),
    condition(
        "aortic aneurysm",
        [r"(?:abdominal |thoracic |ascending )?aortic aneurysm", r"anévrisme (?:de l'aorte|aortique)"],
        "anévrisme aortique",
    ),
    # endocrine, nutritional and metabolic (E00-E89), and the lab abnormalities named as problems (R70-R79)
    condition(
        "hyperglycemia",
        [r"hyperglyc[ae]?emia", rf"{_ELEVATED} blood (?:sugars?|glucose)", r"hyperglycémie"],
        "hyperglycémie",
        code="R73.9",
        plain_en="high blood sugar",
        plain_fr="trop de sucre dans le sang",
    ),
    condition(
        "hypoglycemia",
        [
            r"hypoglyc[ae]?emia",
            r"low blood sugars?(?! (?:diet|foods?|meals?|intake|snacks?|options?|versions?|products?|salt))",
            r"hypoglycémie",
        ],
        "hypoglycémie",
        code="E16.2",
        plain_en="low blood sugar",
    ),
    condition(
        "metabolic syndrome", [r"metabolic syndrome", r"syndrome métabolique"], "syndrome métabolique", code="E88.81"
    ),
    condition(
        "polycystic ovary syndrome",
        [r"polycystic ovar(?:y|ian) syndrome", r"\bpcos\b", r"syndrome des ovaires polykystiques", r"\bsopk\b"],
        "syndrome des ovaires polykystiques",
        code="E28.2",
    ),
    condition("thyroid nodule", [r"thyroid nodules?", r"nodules? thyro[ïi]diens?"], "nodule thyroïdien", code="E04.1"),
    condition(
        "Hashimoto's thyroiditis",
        [r"hashimoto'?s?(?: thyroiditis| disease)?", r"thyro[ïi]dite de hashimoto"],
        "thyroïdite de Hashimoto",
        code="E06.3",
    ),
    condition("Graves' disease", [r"graves'? disease", r"maladie de basedow"], "maladie de Basedow"),
    condition("hyperparathyroidism", [r"hyperparathyroidism", r"hyperparathyro[ïi]die"], "hyperparathyroïdie"),
    condition(
        "hyperaldosteronism",
        [r"(?:primary )?(?:hyper)?aldosteronism", r"conn'?s syndrome", r"hyperaldostéronisme"],
        "hyperaldostéronisme",
    ),
    condition(
        "adrenal insufficiency",
        [r"adrenal insufficiency", r"addison'?s disease", r"insuffisance surrénal(?:e|ienne)"],
        "insuffisance surrénale",
    ),
    condition(
        "hyponatremia",
        [
            r"hyponatr[ae]?emia",
            r"low sodium(?! (?:diet|foods?|meals?|intake|snacks?|options?|versions?|products?|salt))",
            r"hyponatrémie",
        ],
        "hyponatrémie",
        code="E87.1",
    ),
    condition(
        "hyperkalemia",
        [
            r"hyperkal[ae]?emia",
            rf"{_ELEVATED} potassium(?! (?:diet|foods?|meals?|intake|snacks?|options?|versions?|products?|salt))",
            r"hyperkaliémie",
        ],
        "hyperkaliémie",
        code="E87.5",
    ),
    condition(
        "hypercalcemia",
        [
            r"hypercalc[ae]?emia",
            rf"{_ELEVATED} calcium(?! (?:diet|foods?|meals?|intake|snacks?|options?|versions?|products?|salt))",
            r"hypercalcémie",
        ],
        "hypercalcémie",
        code="E83.52",
    ),
    condition(
        "hypomagnesemia",
        [
            r"hypomagnes[ae]?emia",
            r"low magnesium(?! (?:diet|foods?|meals?|intake|snacks?|options?|versions?|products?|salt))",
            r"hypomagnésémie",
        ],
        "hypomagnésémie",
        code="E83.42",
    ),
    condition(
        "iron deficiency anemia",
        [r"iron[- ]deficiency an(?:a)?emia", r"an[ée]mie (?:par carence martiale|ferriprive)"],
        "anémie ferriprive",
        code="D50.9",
        plain_en="low red blood cells from a lack of iron",
    ),
    condition(
        "iron deficiency",
        [
            r"iron deficiency",
            r"low iron(?! (?:diet|foods?|meals?|intake|snacks?|options?|versions?|products?|salt))",
            r"carence (?:martiale|en fer)",
        ],
        "carence martiale",
        code="E61.1",
    ),
    condition(
        "elevated alkaline phosphatase",
        [rf"{_ELEVATED} (?:alkaline phosphatase|alk(?:aline)? phos)", r"phosphatases alcalines (?:élevées|augmentées)"],
        "phosphatases alcalines élevées",
        plain_en="a liver or bone blood test (alkaline phosphatase) that is high",
    ),
    condition("elevated PSA", [rf"{_ELEVATED} psa", r"psa (?:élevé|augmenté)"], "PSA élevé", code="R97.20"),
    condition("proteinuria", [r"(?:micro)?albuminuria", r"proteinuria", r"protéinurie"], "protéinurie"),
    condition(
        "morbid obesity", [r"morbid obesity", r"severe obesity", r"obésité morbide"], "obésité morbide", code="E66.01"
    ),
    # infections, respiratory and ENT (A00-B99, J00-J99, H60-H95)
    condition(
        "streptococcal pharyngitis",
        [
            r"strep(?:tococcal)? (?:throat|pharyngitis|infection)",
            # "you have strep"; not the test ("the rapid strep was negative")
            # nor the germ of another infection ("a cellulitis … most likely strep or staph")
            r"(?<!rapid\s)(?<!rapid-)strep"
            r"(?! (?:tests?|swabs?|screens?|cultures?|pcr|was|is|came|were|negative|positive|or staph|and staph))",
            r"positive (?:rapid )?(?:test )?for strep",
            r"angine (?:à streptocoques?|bactérienne)",
        ],
        "angine à streptocoque",
        code="J02.0",
        plain_en="strep throat",
        plain_fr="une angine à streptocoque",
    ),
    condition(
        "viral infection",
        [r"viral (?:illness|syndrome|infection)", r"virose", r"infection virale"],
        "virose",
        code="B34.9",
        plain_en="a virus",
        plain_fr="une infection par un virus",
    ),
    condition(
        "influenza-like illness",
        [r"flu-?like (?:illness|syndrome)", r"syndrome grippal"],
        "syndrome grippal",
        plain_en="a flu-like illness",
        plain_fr="un syndrome grippal",
    ),
    condition("tonsillitis", [r"tonsillitis", r"amygdalite"], "amygdalite", code="J03.90"),
    condition("laryngitis", [r"laryngitis", r"laryngite"], "laryngite", code="J04.0"),
    condition("croup", [r"\bcroup\b", r"laryngite striduleuse"], "laryngite striduleuse", code="J05.0"),
    condition("bronchiolitis", [r"bronchiolitis", r"bronchiolite"], "bronchiolite", code="J21.9"),
    condition(
        "mononucleosis",
        [r"(?:infectious )?mononucleosis", r"\bmono\b(?!-)", r"mononucléose"],
        "mononucléose",
        code="B27.90",
    ),
    condition("pertussis", [r"pertussis", r"whooping cough", r"coqueluche"], "coqueluche", code="A37.90"),
    condition("chickenpox", [r"chicken ?pox", r"varicella", r"varicelle"], "varicelle", code="B01.9"),
    condition(
        "cold sores",
        [r"cold sores?", r"herpes labialis", r"bouton de fièvre", r"herpès labial"],
        "herpès labial",
        code="B00.1",
    ),
    condition("tuberculosis", [r"tuberculosis", r"tuberculose"], "tuberculose"),
    condition(
        "alpha-gal syndrome",
        [r"alpha[- ]?gal(?: syndrome| allergy)?", r"(?:red )?meat allergy"],
        "syndrome alpha-gal",
        code="Z91.014",
    ),
    condition("pleural effusion", [r"pleural effusion", r"épanchement pleural"], "épanchement pleural", code="J90"),
    condition("pneumothorax", [r"pneumothorax"], "pneumothorax", code="J93.9"),
    condition(
        "pulmonary hypertension",
        [r"pulmonary (?:arterial )?hypertension", r"hypertension pulmonaire"],
        "hypertension pulmonaire",
    ),
    condition("pulmonary nodule", [r"(?:lung|pulmonary) nodules?", r"nodules? pulmonaires?"], "nodule pulmonaire"),
    condition(
        "interstitial lung disease",
        [r"interstitial lung disease", r"pneumopathie interstitielle"],
        "pneumopathie interstitielle",
        code="J84.9",
    ),
    condition("otitis externa", [r"otitis externa", r"swimmer'?s ear", r"otite externe"], "otite externe"),
    condition(
        "cerumen impaction",
        [r"(?:cerumen|ear ?wax) impaction", r"impacted (?:cerumen|ear ?wax)", r"bouchon de cérumen"],
        "bouchon de cérumen",
    ),
    condition(
        "benign paroxysmal positional vertigo",
        [r"benign paroxysmal positional vertigo", r"\bbppv\b", r"vertige positionnel paroxystique bénin", r"\bvppb\b"],
        "vertige positionnel paroxystique bénin",
    ),
    condition("glaucoma", [r"glaucoma", r"glaucome"], "glaucome", code="H40.9"),
    # digestive (K00-K95)
    condition(
        "irritable bowel syndrome",
        [
            r"irritable bowel(?: syndrome)?",
            r"\bibs\b",
            r"\bsii\b",
            r"syndrome de l'intestin irritable",
            r"colopathie fonctionnelle",
        ],
        "syndrome de l'intestin irritable",
        code="K58.9",
        plain_en="a sensitive bowel (irritable bowel syndrome)",
    ),
    condition("gastritis", [r"gastritis", r"gastrite"], "gastrite", code="K29.70"),
    condition(
        "peptic ulcer disease",
        [
            r"peptic ulcer(?: disease)?",
            r"(?:stomach|gastric|duodenal) ulcer",
            r"\bpud\b",
            r"ulcère (?:gastrique|duodénal|gastro-duodénal)",
        ],
        "ulcère gastro-duodénal",
    ),
    condition(
        "Helicobacter pylori infection",
        [r"h\.? ?pylori(?: infection)?", r"helicobacter(?: pylori)?"],
        "infection à Helicobacter pylori",
        code="B96.81",
    ),
    condition(
        "celiac disease", [r"c(?:o)?eliac disease", r"maladie c(?:œ|oe)liaque"], "maladie cœliaque", code="K90.0"
    ),
    condition("ulcerative colitis", [r"ulcerative colitis", r"rectocolite hémorragique"], "rectocolite hémorragique"),
    condition("diverticulosis", [r"diverticulosis", r"diverticulose"], "diverticulose"),
    condition("hiatal hernia", [r"hiat(?:al|us) hernia", r"hernie hiatale"], "hernie hiatale", code="K44.9"),
    condition("inguinal hernia", [r"inguinal hernia", r"hernie inguinale"], "hernie inguinale"),
    condition("umbilical hernia", [r"umbilical hernia", r"hernie ombilicale"], "hernie ombilicale", code="K42.9"),
    condition("anal fissure", [r"anal fissure", r"fissure anale"], "fissure anale", code="K60.2"),
    condition("cirrhosis", [r"(?:liver )?cirrhosis", r"cirrhose"], "cirrhose", code="K74.60"),
    condition(
        "hepatomegaly",
        [r"hepatomegaly", r"enlarged liver", r"hépatomégalie"],
        "hépatomégalie",
        code="R16.0",
        plain_en="an enlarged liver",
    ),
    condition("esophagitis", [r"(?:o)?esophagitis", r"(?:œ|oe)sophagite"], "œsophagite"),
]
