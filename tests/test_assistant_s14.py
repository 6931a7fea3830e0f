"""The question assistant on the mistakes an unseen split showed (issue 15, session 14), on short dialogues written
for the purpose (real rules engine, no mocks).

False "answered" first: a yes/no on a finding answered by an exchange on another finding of the same organ ("any pain
with urination?" "no" is not "no blood in the urine"); a history question answered by the clinician's examination
("when I push here, does it hurt?") or by the patient agreeing to advice ("stop drinking soda, okay?" "okay"); a
drug's dose taken from another drug of the same sentence; a lab value from a number said with the organ ("the kidney
stone is about 5 millimeters" is no creatinine); a drug taken as needed for today's complaint as a regular
medication; today's complaint as an earlier injury. Then the values the visits gave and the engine missed: how many
times at night, an ordinal count ("this is my third one"), vitals said during the examination, a home systolic
reading, a lab said in words, how long ago a habit stopped, an amount per day, a size on imaging, what was tried,
new products used, the age at which a sport was started, a weight gained asked in kilos, in both languages.
"""

from __future__ import annotations

import pytest

from scribe.notes.engine import ask, document

STONE = """[doctor] good morning mr jones , what brings you in today ?
[patient] i have another kidney stone , this is my third one . i started to see some blood in my urine on monday .
[doctor] okay . how many times do you get up at night to urinate ?
[patient] three or four times .
[doctor] what medications do you take ?
[patient] i take lisinopril 20 mg once a day and metformin .
[doctor] do you smoke ?
[patient] i quit about ten years ago . i used to smoke a pack a day .
[doctor] what was your last hemoglobin a1c ?
[patient] it was higher than nine i think .
[doctor] have you been checking your blood pressure at home ?
[patient] yes , the top number has been around 150 .
[doctor] let me examine you . your blood pressure today is 148 over 90 , heart rate is 88 , and pulse ox is 92 % .
[doctor] when i press on your back , does that hurt ?
[patient] yes , a little .
[doctor] the ultrasound shows the kidney stone is about 5 millimeters .
[doctor] the ct scan showed the stone is 6 millimeters , in the left ureter .
[doctor] i want you to drink more water and stop drinking soda , is that alright ?
[patient] yes .
"""

KNEE = """[doctor] hi sarah , so you hurt your right knee ?
[patient] yes . i twisted it playing soccer four days ago , when i landed .
[doctor] have you taken anything for it ?
[patient] i've been taking ibuprofen as needed for the pain .
[doctor] how old were you when you started playing soccer ?
[patient] i started when i was about six .
[doctor] let me examine your knee . when i push on the outside , does it hurt ?
[patient] yes , right there .
[doctor] i want you to ice it and you can keep taking the ibuprofen .
"""

GI = """[doctor] hi , what brings you in today ?
[patient] i've had a lot of heartburn , and i've gained about fifteen pounds since the summer .
[doctor] have you noticed any blood in your stool or black stools ?
[patient] no , nothing like that .
[doctor] what have you tried for it ?
[patient] i tried some tums and pepcid from the drugstore , but they did n't help much .
[doctor] and you should exercise more , right ?
[patient] yes , i know .
[doctor] i'd like to schedule an endoscopy , okay ?
[patient] okay .
"""

SKIN = """[doctor] so tell me about this rash on your scalp .
[patient] it started about two weeks ago , right after i started using a new shampoo and a new hair dye .
[doctor] and the angiogram of your legs showed two areas of narrowing .
"""

FALL = """[doctor] hi mark , so you hurt your knee ?
[patient] yes , i fell off a ladder .
[doctor] how long ago did the injury happen ?
[patient] it's been about a week now .
[doctor] in the emergency room your blood pressure was 200 over 100 . have you been taking your lisinopril ?
[patient] yes , i took it today .
[doctor] and when you came in today your blood pressure was 150 over 70 .
[doctor] you stopped smoking a couple of years ago , have you kept up with that ?
[patient] mostly , i have one cigarette maybe once a week .
[doctor] and you had colon cancer , right ?
[patient] yes , they treated it with chemo .
[doctor] let me examine your knee . prior to coming in we did an x-ray of your knee , and it shows no fracture .
"""

FR = """médecin: Bonjour madame, qu'est-ce qui vous amène ?
patient: J'ai encore un calcul rénal, c'est la troisième fois. Et j'ai vu du sang dans mes urines hier.
médecin: Vous vous levez combien de fois la nuit pour uriner ?
patient: Deux fois.
médecin: Vous fumez ?
patient: J'ai arrêté il y a cinq ans. Je fumais un paquet par jour.
médecin: Quels médicaments prenez-vous ?
patient: Du ramipril 5 mg le matin et de la metformine.
médecin: Je vais vous examiner. Le pouls est à 72 et la saturation à 97 %.
médecin: Je vous conseille de boire beaucoup d'eau, d'accord ?
patient: D'accord.
médecin: Vous avez pris des antalgiques ?
patient: Oui, deux comprimés de paracétamol, et ça a un peu amélioré les choses.
"""


@pytest.fixture(scope="module")
def docs():
    return {
        "stone": document(STONE, language="en"),
        "knee": document(KNEE, language="en"),
        "gi": document(GI, language="en"),
        "skin": document(SKIN, language="en"),
        "fr": document(FR, language="fr"),
        "fall": document(FALL, language="en"),
    }


def _ask(doc, question):
    return ask(doc, question, use_embeddings=False)


@pytest.mark.parametrize(
    "visit,question",
    [
        # another finding of the same organ: blood in the urine is not pain on urinating
        ("stone", "Does he have pain when urinating?"),
        ("stone", "A-t-il des brûlures en urinant ?"),
        ("fr", "Does she have pain when urinating?"),
        # a dose said with another drug of the same sentence
        ("stone", "What dose of metformin does he take?"),
        ("stone", "Quelle dose de metformine prend-il ?"),
        ("stone", "How often does he take the metformin?"),
        ("fr", "What dose of metformin does she take?"),
        # a number said with the organ, not with the lab
        ("stone", "What is his creatinine?"),
        ("stone", "Quelle est sa créatinine ?"),
        # the examination and the advice answer no history question
        ("stone", "Has he had back pain?"),
        ("stone", "Does he drink soda?"),
        ("gi", "Does he exercise?"),
        ("gi", "Has he had an endoscopy?"),
        ("fr", "Does she drink enough water?"),
        ("knee", "Has she injured this knee before?"),
        ("knee", "Did she hurt her knee before?"),
        # a drug taken as needed for today's injury is no regular medication
        ("knee", "Does she take any regular medications?"),
        ("knee", "Prend-elle un traitement au long cours ?"),
    ],
)
def test_no_answer_from_what_does_not_say_it(docs, visit, question):
    a = _ask(docs[visit], question)
    assert a["answered"] is False, a


def test_an_amount_per_day_is_the_value_not_the_sentence(docs):
    a = _ask(docs["stone"], "How many packs a day did he smoke?")
    assert a["answered"] is True and a["value"] in ("a pack a day", "1 pack a day"), a


def test_the_same_finding_still_answers(docs):
    for question in ("Has he noticed blood in his urine?", "A-t-il du sang dans les urines ?"):
        a = _ask(docs["stone"], question)
        assert a["answered"] is True and a["value"] == "yes", a
    a = _ask(docs["stone"], "What dose of lisinopril does he take?")
    assert a["answered"] is True and "20 mg" in a["value"], a
    a = _ask(docs["fr"], "What dose of ramipril does she take?")
    assert a["answered"] is True and "5 mg" in a["value"], a


@pytest.mark.parametrize(
    "visit,question,value",
    [
        ("stone", "How many times does he get up at night to urinate?", "3 or 4"),
        ("stone", "Combien de fois se lève-t-il la nuit pour uriner ?", "3 or 4"),
        ("fr", "How many times does she get up at night to urinate?", "2"),
        ("stone", "How many kidney stones has he had?", "3"),
        ("fr", "How many kidney stones has she had?", "3"),
        ("stone", "How long ago did he quit smoking?", "10 years ago"),
        ("stone", "Il y a combien de temps a-t-il arrêté de fumer ?", "10 years ago"),
        ("fr", "How long ago did she quit smoking?", "5 ans"),
        ("fr", "How many packs a day did she smoke?", "1 paquet par jour"),
        ("stone", "What was his last HbA1c?", "9"),
        ("stone", "Quelle était sa dernière hémoglobine glyquée ?", "9"),
        ("stone", "What have his home systolic readings been?", "150"),
        ("stone", "What is his oxygen saturation?", "92"),
        ("stone", "Quelle est sa saturation en oxygène ?", "92"),
        ("stone", "Quelle est sa fréquence cardiaque ?", "88"),
        ("fr", "What is her heart rate?", "72"),
        ("fr", "What is her oxygen saturation?", "97"),
        ("stone", "What size was the stone on CT?", "6 mm"),
        ("stone", "Quelle taille fait le calcul au scanner ?", "6 mm"),
        ("knee", "How many days ago was the knee injury?", "4 days"),
        ("knee", "Il y a combien de jours s'est-elle blessée au genou ?", "4 days"),
        ("knee", "At what age did she start playing soccer?", "6"),
        ("knee", "À quel âge a-t-elle commencé le football ?", "6"),
        ("gi", "How much weight has he gained?", "15 pounds"),
        ("gi", "Combien de kilos a-t-il pris ?", "15 pounds"),
        ("gi", "What over-the-counter medicines has he tried?", "tums"),
        ("gi", "Qu'a-t-il essayé comme médicaments ?", "pepcid"),
        ("gi", "A-t-il eu des selles noires ?", "no"),
        ("skin", "Has she used any new hair products?", "yes"),
        ("skin", "A-t-elle utilisé de nouveaux produits capillaires ?", "yes"),
        ("skin", "Combien de zones de rétrécissement l'angiographie a-t-elle montré ?", "two"),
    ],
)
def test_values_the_visit_gave(docs, visit, question, value):
    a = _ask(docs[visit], question)
    assert a["answered"] is True and value in (a["value"] or ""), a


def test_the_clinic_reading_is_the_one_said_of_today(docs):
    """ "when you came in today" says the clinic; the emergency room's reading with a "today" in the reply does not."""
    a = _ask(docs["fall"], "What was his blood pressure in the office today?")
    assert a["answered"] is True and a["value"] == "150/70", a


@pytest.mark.parametrize(
    "question,value",
    [
        ("Quand s'est-il blessé au genou ?", "a week"),  # the visit's knee goes without saying in the exchange
        ("How often does he smoke now?", "once a week"),  # not the tobacco fact "stopped a couple of years ago"
        ("Has he had an x-ray of the knee?", "yes"),  # the clinician reporting what it showed
        ("What did the knee x-ray show?", "no fracture"),
    ],
)
def test_what_the_clinician_reports_and_the_complaints_words(docs, question, value):
    a = _ask(docs["fall"], question)
    assert a["answered"] is True and value in (a["value"] or ""), a


def test_an_operation_for_a_condition_is_not_the_condition(docs):
    assert _ask(docs["fall"], "Has he had surgery for the cancer?")["answered"] is False


def test_a_drug_that_improved_things_helped(docs):
    a = _ask(docs["fr"], "Did the paracetamol help?")
    assert a["answered"] is True and a["value"] == "yes", a
