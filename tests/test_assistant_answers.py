"""The question assistant's answers on short dialogues written for the purpose: values with their evidence
(an A1c, a dose and frequency, intervals, family history naming the relative), qualifiers respected (home
vs clinic readings), questions not touched left "not answered", French and English both ways, the live
context of a transcript cut short, the checklist as YAML data (a clinic's own folder too), and the context
as FHIR R4 validated with fhir.resources."""

from __future__ import annotations

import pytest

from scribe.delivery import fhir_context
from scribe.notes.checklists import ChecklistError, checklists, for_complaints
from scribe.notes.dialogue import load
from scribe.notes.engine import ask, document
from tests.test_delivery_support import fhir_validate

EN = """[doctor] hi mark , what brings you in today ?
[patient] my diabetes check , and my blood pressure has been high .
[doctor] what was your last hemoglobin a1c ?
[patient] it was about ten , i think .
[doctor] and are you taking your lisinopril ?
[patient] yes , twenty milligrams once a day .
[doctor] when did you last see the neurologist ?
[patient] about six months ago .
[doctor] how often do you go to therapy ?
[patient] i go to therapy twice a week .
[doctor] any family history of cancer ?
[patient] my mother had breast cancer . no one else has cancer .
[doctor] okay . your blood pressure today in the clinic is 152 over 94 .
[patient] okay .
"""

FR = """médecin: Bonjour, qu'est-ce qui vous amène ?
patient: Je tousse un peu depuis trois jours.
médecin: Vous prenez des médicaments ?
patient: Oui, du ramipril, cinq milligrammes le matin.
médecin: Vous prenez votre tension à la maison ?
patient: Oui, à la maison elle est autour de 13 sur 8.
"""


@pytest.fixture(scope="module")
def en_doc():
    return document(EN, language="en")


@pytest.fixture(scope="module")
def fr_doc():
    return document(FR, language="fr")


@pytest.mark.parametrize(
    "question,value",
    [
        ("What was his last A1c?", "10"),
        ("Quelle était sa dernière hémoglobine glyquée ?", "10"),
        ("What dose of lisinopril is she taking?", "20 mg"),
        ("Quelle dose de lisinopril prend-il ?", "20 mg"),
        ("When did he last see the neurologist?", "6 months ago"),
        ("Quand a-t-il vu le neurologue pour la dernière fois ?", "6 months ago"),
        ("How often does she go to therapy?", "twice a week"),
        ("What was his blood pressure in clinic?", "152/94"),
    ],
)
def test_values_with_evidence(en_doc, question, value):
    a = ask(en_doc, question, use_embeddings=False)
    assert a["answered"] is True and value in (a["value"] or ""), a
    assert a["evidence"] and all(e["quote"] and e["end"] >= e["start"] > 0 for e in a["evidence"]), a


def test_dose_comes_with_its_frequency(en_doc):
    a = ask(en_doc, "What dose of lisinopril is she taking?", use_embeddings=False)
    assert a["value"] == "20 mg once a day", a


def test_family_history_names_the_relative_and_never_contradicts_itself(en_doc):
    a = ask(en_doc, "Is there a family history of cancer?", use_embeddings=False)
    assert a["answered"] is True and "mother" in a["value"], a
    assert "no cancer" not in a["answer"], a  # "no one else has cancer" must not turn into "cancer; no cancer"


@pytest.mark.parametrize(
    "question",
    [
        "Has he been checking his blood pressure at home?",  # only a clinic reading was given
        "Any recent fractures?",
        "What dose of methotrexate?",
        "Does he smoke?",
        "Avez-vous des allergies ?",
        "Any family history of diabetes?",
        "What was his cholesterol?",
    ],
)
def test_questions_not_touched_stay_not_answered(en_doc, question):
    assert ask(en_doc, question, use_embeddings=False)["answered"] is False


def test_french_visit_english_questions(fr_doc):
    home = ask(fr_doc, "Has she been checking her blood pressure at home?", use_embeddings=False)
    assert home["answered"] is True and "maison" in home["answer"], home
    dose = ask(fr_doc, "What dose of ramipril does she take?", use_embeddings=False)
    assert dose["answered"] is True and dose["value"].startswith("5 mg"), dose
    cough = ask(fr_doc, "Toussez-vous ?", use_embeddings=False)
    assert cough["answered"] is True, cough
    assert ask(fr_doc, "Does she smoke?", use_embeddings=False)["answered"] is False


def test_live_context_of_a_transcript_cut_short():
    """The live context is the same builder on the segments so far: an answer said later is not there yet."""
    tr = load(EN, "en")
    early = document(tr.model_copy(update={"segments": tr.segments[:6]}), language="en")
    assert ask(early, "What dose of lisinopril is she taking?", use_embeddings=False)["answered"] is True
    assert ask(early, "Is there a family history of cancer?", use_embeddings=False)["answered"] is False
    ctx = early["assistant_context"]
    assert ctx["based_on"] == tr.segments[5].end and ctx["segments"] == 6 and ctx["schema_version"] == "1.0"
    final = document(tr, language="en")["assistant_context"]
    early_ids = {i["id"] for i in ctx["established"] if i["kind"] in ("medication", "past_medical")}
    assert early_ids and early_ids <= {i["id"] for i in final["established"]}  # same fact, same id


def test_checklist_is_data_and_a_clinic_can_add_its_own(tmp_path, en_doc):
    ctx = en_doc["assistant_context"]
    assert ctx["checklist"] and {i["topic"] for i in ctx["checklist"]} >= {"allergies", "tobacco"}
    assert {i["id"] for i in ctx["checklist"] if not i["answered"]} >= {"default.tobacco", "default.allergies"}
    (tmp_path / "diabetes.yaml").write_text(
        "name: diabetes\ncomplaints: [polyuria]\nitems:\n"
        '  - {topic: a1c, en: "What was the last A1c?", fr: "Quelle était la dernière HbA1c ?"}\n',
        encoding="utf-8",
    )
    chosen = for_complaints(["polyuria"], str(tmp_path))
    assert chosen.name == "diabetes" and chosen.items[0].topic == "a1c" and len(chosen.items) > 1
    (tmp_path / "broken.yaml").write_text("name: broken\nitems: [{topic: x}]\n", encoding="utf-8")
    checklists.cache_clear()
    with pytest.raises(ChecklistError, match="broken.yaml"):
        checklists(str(tmp_path))


def test_context_as_fhir_validates(en_doc):
    visit = {"id": "vis_test", "patient_ref": "P-1", "created_at": "2026-12-02T09:00:00+00:00", "ready_at": None}
    ctx = {**en_doc["assistant_context"], "final": True, "version": 3}
    bundle = fhir_context.bundle(visit, ctx)
    fhir_validate(bundle)
    resources = [e["resource"] for e in bundle["entry"]]
    qr = resources[0]
    assert qr["resourceType"] == "QuestionnaireResponse" and qr["status"] == "completed"
    answered = [i for i in qr["item"] if i.get("answer")]
    assert answered and all(
        ext["url"] == fhir_context.EVIDENCE_URL for i in answered for ext in i.get("extension", [])
    ), answered
    kinds = {r["resourceType"] for r in resources}
    assert {"MedicationStatement", "Observation"} <= kinds, kinds
    med = next(r for r in resources if r["resourceType"] == "MedicationStatement")
    assert "20" in med["dosage"][0]["text"] and med["extension"][0]["extension"][0]["url"] == "quote"
    again = fhir_context.bundle(visit, ctx)
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in bundle["entry"]]  # stable ids


# What the clinician says in other words than our concepts, follow-up exchanges, and what does not answer.
DETAILS = """[doctor] so what's going on with your back ?
[patient] it feels like the kidney stones i had about two years ago .
[doctor] how many days has this been going on for ?
[patient] the last four days .
[doctor] which joint hurts , just one ?
[patient] my knee , the right knee to be exact .
[doctor] are you checking your blood sugars at home ?
[patient] yes , i check them every morning .
[doctor] what have they been running , the 200s or the 300s ?
[patient] 300s .
[doctor] and are you still using the cream ?
[patient] yes , i need a refill .
[doctor] okay .
[patient] i use it once a week and it helps .
[doctor] so your pap was in 2019 .
[patient] right .
[doctor] did they prescribe you any medications in the er ?
[patient] no . they ran an ekg and blood tests .
[doctor] we'll ice the knee three times a day . weigh yourself daily , do you have a scale at home ?
[patient] no but i can get one .
[doctor] let me examine you . your blood pressure is fine and you are not running a fever .
[patient] okay .
"""


@pytest.fixture(scope="module")
def details_doc():
    return document(DETAILS, language="en")


@pytest.mark.parametrize(
    "question,value",
    [
        ("How long has the back pain been going on?", "4 days"),  # "how many days", not "two years ago"
        ("Which knee hurts?", "right"),
        ("Le genou droit ou le gauche ?", "right"),
        ("What have his home blood sugars been running?", "300"),  # the reply's value, not the question's
        ("How often does she use the cream?", "once a week"),  # said after an "okay"
        ("When was her last pap smear?", "2019"),  # "pap smear": the question's own words
    ],
)
def test_detail_values_in_other_words(details_doc, question, value):
    a = ask(details_doc, question, use_embeddings=False)
    assert a["answered"] is True and value in (a["value"] or ""), a
    assert a["evidence"], a


@pytest.mark.parametrize(
    "question",
    [
        "What medications is he taking?",  # "none in the ER" is not "none"
        "Have you lost weight?",  # "weigh yourself daily" is advice
        "Have you had any fever?",  # "not running a fever" today, on examination
        "What does she take for the gallstones?",  # never said
        "When did she have a similar episode before?",  # the onset of this one is not an earlier one
        "What dose of Protonix?",
    ],
)
def test_what_does_not_answer(details_doc, question):
    a = ask(details_doc, question, use_embeddings=False)
    assert a["answered"] is False, a


def test_yes_no_from_the_facts_says_yes_or_no():
    doc = document(
        "médecin: Il y a eu d'autres signes ?\npatient: Bah, j'ai pas vomi, mais j'avais un peu la nausée.\n"
        "médecin: D'accord.",
        language="fr",
    )
    for question, value in (("Has she vomited?", "no"), ("A-t-elle des nausées ?", "yes")):
        a = ask(doc, question, use_embeddings=False)
        assert a["answered"] is True and a["value"] == value, (question, a)


# Detail questions a physician assistant asks, each answered by a mechanism of its own (session 10).
MORE = """[doctor] hi , what brings you in ?
[patient] my stomach has been hurting . i've had the pain on and off for about two years .
[doctor] okay .
[patient] it really bothers me when i sit for long periods . it helps when i get up and walk .
[doctor] do you take any medications ?
[patient] crestor and olmesartan daily , and tylenol for occasional pain .
[doctor] how frequently do you take the tylenol ?
[patient] hardly ever . maybe once a month .
[doctor] crestor , how long have you been taking that ?
[patient] about 18 months .
[doctor] and the prozac , are you taking that ?
[patient] i was , but i've kind of weaned myself off of it .
[doctor] any family history of gi issues ?
[patient] not that i can think of . well , actually my sister has irritable bowel syndrome .
[doctor] any family history of colon cancer ?
[patient] nope .
[doctor] and how's your weight ?
[patient] stable , although i could stand to lose about 25 pounds .
[doctor] has your wife ever mentioned if you snore ?
[patient] i believe i snore a little bit .
[doctor] did you have a vasectomy ?
[patient] no .
[doctor] what's a long bike ride for you ?
[patient] 20 to 30 miles .
[doctor] how many hours do you sleep a night ?
[patient] usually six to seven hours .
[doctor] when was your last stress test ?
[patient] it was september 9th , 2019 .
[doctor] and any seizures ?
[patient] not in a while , it's been quite a few months .
[doctor] your lipid panel showed a total cholesterol of 247 , hdl of 66 and ldl of 166 . your hemoglobin is low at 8.2 .
[patient] okay .
[doctor] how often do you use your inhaler ?
[patient] only when it gets over 85 degrees out .
"""

MORE_FR = """médecin: Bonjour, qu'est-ce qui vous amène ?
patient: J'ai mal au ventre.
médecin: Ça a commencé quand ?
patient: Hier soir, d'un seul coup. C'est juste sous le sternum.
médecin: Vous avez pris des antalgiques ?
patient: Oui, j'ai pris deux comprimés de paracétamol hier soir.
médecin: Est-ce que vous prenez des traitements particuliers ? Pour votre allergie ou pour autre chose ?
patient: Non. Je prends pas de médicament.
médecin: Vous buvez de temps en temps ?
patient: Très rarement, une fois par mois, un apéritif.
médecin: Vous avez des enfants ?
patient: Oui, j'habite avec mes deux enfants.
médecin: Ça vous est déjà arrivé ?
patient: Oui, il y a 2 à 3 mois, j'ai eu un peu la même chose. Ça a duré deux bonnes heures.
médecin: Vous avez eu un frottis anormal ?
patient: Oui, en 2009.
médecin: Avec des frissons, ou… ?
patient: Non, il y avait pas vraiment de frisson. Mais je sentais que j'étais un peu pas très bien.
"""


@pytest.fixture(scope="module")
def more_docs():
    return {"en": document(MORE, language="en"), "fr": document(MORE_FR, language="fr")}


@pytest.mark.parametrize(
    "lang,question,value",
    [
        ("en", "What was his hemoglobin?", "8.2"),  # a decimal is one number, not a sentence end
        ("en", "What was his LDL?", "166"),  # the question's own word, not the panel's first number (247)
        ("en", "When was his last stress test?", "2019"),  # a date; "stress test" is not "stress"
        ("en", "When did he last have a seizure?", "few months"),  # "it's been quite a few months"
        ("en", "How far does he ride his bike?", "20 to 30 miles"),  # a distance
        ("en", "How many hours does he sleep a night?", "7 hours"),  # a count of the noun asked
        ("en", "How often does he use his inhaler?", "only when"),  # how often without a number
        ("en", "How often does he take Tylenol?", "once a month"),  # asked of the drug: not its "daily" neighbour
        ("en", "How long has he been on Crestor?", "18 months"),  # a drug's duration, not "yes"
        ("en", "How long has he had the abdominal pain?", "2 years"),  # not the reply about crestor
        ("en", "Is he still taking Prozac?", "no"),  # weaned off
        ("en", "Any family history of GI problems?", "sister"),  # the relative named after "not that I know"
        ("en", "Does he snore?", "yes"),  # the wife reports it: she is a witness, not the subject
        ("en", "A-t-il eu une vasectomie ?", "no"),  # a cognate across languages
        ("en", "What makes it better?", "walk"),  # the direction asked, said unasked
        ("fr", "Qu'a-t-elle pris pour la douleur ?", "paracétamol"),  # "des antalgiques ?" asks about the pain
        ("fr", "Does she take any medications?", "no"),  # a dose taken once is no treatment; two questions, one turn
        ("fr", "How many children does she have?", "deux"),
        ("fr", "When did she have a similar episode before?", "mois"),  # "ça vous est déjà arrivé ?"
        ("fr", "How long did the pain last?", "bonnes heures"),  # how long it lasted, not since when
        ("fr", "When was her abnormal pap smear?", "2009"),  # frottis = pap smear; "abnormal" qualifies it
        ("fr", "Where exactly is the pain?", "sternum"),  # more than the complaint's own "au ventre"
        ("fr", "Has she had chills?", "no"),  # the explicit reply overrules a finding read from the question
    ],
)
def test_detail_mechanisms(more_docs, lang, question, value):
    a = ask(more_docs[lang], question, use_embeddings=False)
    assert a["answered"] is True and value in f"{a['value']} {a['answer']}", a
    assert a["evidence"], a


def test_alcohol_asked_in_everyday_french(more_docs):
    a = ask(more_docs["fr"], "Does she drink alcohol?", use_embeddings=False)
    assert a["answered"] is True and "par mois" in a["answer"], a


def test_a_weight_to_lose_is_not_the_weight(more_docs):
    assert ask(more_docs["en"], "What is his weight?", use_embeddings=False)["answered"] is False


def test_a_no_that_goes_on_to_say_yes_is_a_yes():
    """ "No, but I did feel feverish": the reply's first word is not its answer (an early "no" later
    contradicted in the same turn is never reported)."""
    doc = document(
        "[doctor] any fever ?\n[patient] no , but i did feel feverish last night .\n"
        "[doctor] any cough ?\n[patient] no , but my wife has a cough .\n",
        language="en",
    )
    from scribe.notes.answers_search import Searcher

    assert Searcher(None, [])._polarity("no , but i did feel feverish", [], {"fever"}) == "yes"
    assert Searcher(None, [])._polarity("no , but my wife has a cough", [], {"cough"}) == "no"  # hers
    assert Searcher(None, [])._polarity("no , not really", [], {"fever"}) == "no"
    fever = ask(doc, "Has she had a fever?", use_embeddings=False)
    assert fever["answered"] is True and fever["value"] != "no", fever
    assert ask(doc, "Does she have a cough?", use_embeddings=False)["value"] != "yes"


def test_what_only_looks_like_an_answer():
    """An allergist seen is no allergy; "family or friends to turn to" is no family history."""
    doc = document(
        "[doctor] how have you been ?\n[patient] okay . i saw an allergist and a neurologist last year .\n"
        "[doctor] do you have family or friends you can turn to ?\n[patient] yes , my family is very supportive .\n",
        language="en",
    )
    assert ask(doc, "Do you have any allergies?", use_embeddings=False)["answered"] is False
    assert ask(doc, "Does anything run in your family?", use_embeddings=False)["answered"] is False
