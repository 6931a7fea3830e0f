"""Diagnoses said the way clinicians say them, on short dialogues written for these tests (English and French,
several specialties): a hedge the consultation model does not read ("we should consider", "ça peut être", "je
soupçonne", "soit … soit") never comes out confirmed; a work-up worded with a negation ("I can't rule out", "on ne
peut pas exclure") is a possibility, not an exclusion; common outpatient diagnoses and their abbreviations and lay
names ("these are hives", "you have bph", "vous avez un torticolis") are found; the procedure that treated a problem
and a screening test are no diagnosis."""

from __future__ import annotations

import pytest

from scribe.notes.engine import document


def _dx(text: str, lang: str) -> dict[str, dict]:
    doc = document(text, language=lang)
    return {f["label"]: f for f in doc["facts"] if f["kind"] == "assessment"}


def _visit(line: str, lang: str) -> str:
    """A short visit whose assessment is `line`, said after the examination."""
    if lang == "en":
        return (
            "[patient] i've had this for a few days.\n[doctor] okay, let me examine you.\n"
            f"[doctor] {line}\n[doctor] we'll see you back next week."
        )
    return (
        "[patient] j'ai ça depuis quelques jours.\n[médecin] bon, je vais vous examiner.\n"
        f"[médecin] {line}\n[médecin] on se revoit la semaine prochaine."
    )


# --------------------------------------------------------------------------- hedges: possible, never confirmed
HEDGED = [
    ("en", "it's either bronchitis or pneumonia.", "bronchitis"),
    ("en", "we should consider lupus.", "lupus"),
    ("en", "we'll test you for strep throat.", "streptococcal pharyngitis"),
    ("en", "i'm wondering if this is shingles.", "herpes zoster"),
    ("en", "there's a chance this is a stress fracture.", "stress fracture"),
    ("en", "i can't rule out a fracture.", "fracture"),
    ("en", "we need to make sure this isn't a heart attack.", "myocardial infarction"),
    ("en", "i'm not sure if this is eczema.", "eczema"),
    ("fr", "ça peut être une gastro.", "gastroenteritis"),
    ("fr", "il peut s'agir d'une tendinite.", "tendinitis"),
    ("fr", "je soupçonne une hernie discale.", "herniated disc"),
    ("fr", "je crains une pyélonéphrite.", "pyelonephritis"),
    ("fr", "on recherche une infection urinaire.", "urinary tract infection"),
    ("fr", "soit une bronchite soit une pneumonie.", "bronchitis"),
    ("fr", "on ne peut pas exclure une pneumonie.", "pneumonia"),
    ("fr", "je me demande si ce n'est pas une sciatique.", "sciatica"),
    ("fr", "on va vérifier que ce n'est pas un diabète.", "diabetes mellitus"),
    ("fr", "ça ressemble à un zona, mais je ne suis pas sûr.", "herpes zoster"),
]


@pytest.mark.parametrize(("lang", "line", "label"), HEDGED)
def test_hedged_diagnosis_is_possible(lang, line, label):
    fact = _dx(_visit(line, lang), lang).get(label)
    assert fact is not None, line
    assert fact["attributes"]["certainty"] == "possible" and fact["status"] == "uncertain", line


def test_mais_ca_peut_aussi_etre_hedges_the_second_diagnosis():
    text = """[patient] j'ai le nez bouché et mal au visage quand je me penche depuis dix jours.
[médecin] vous avez de la fièvre ?
[patient] un peu.
[médecin] je pense que c'est peut-être une sinusite, mais ça peut aussi être un simple rhume.
[médecin] faites des lavages de nez."""
    dx = _dx(text, "fr")
    assert dx["sinusitis"]["attributes"]["certainty"] == "possible"
    assert dx["upper respiratory infection"]["attributes"]["certainty"] == "possible"


def test_doubted_diagnosis_is_left_out():
    assert "fracture" not in _dx(_visit("ça m'étonnerait que ce soit une fracture.", "fr"), "fr")


def test_hedge_words_are_not_part_of_the_name():
    dx = _dx(_visit("this could potentially be a hernia, an inguinal hernia.", "en"), "en")
    assert not any("potentially" in label for label in dx)
    text = """[patient] my hands shake when i hold a cup.
[doctor] is it worse when you're stressed?
[patient] yes.
[doctor] it's a fine tremor with action, no rigidity. i think it's probably essential tremor.
[doctor] we can try propranolol."""
    dx = _dx(text, "en")
    assert not any("probably" in label for label in dx)
    assert dx["essential tremor"]["attributes"]["certainty"] in ("probable", "possible")


# --------------------------------------------------------------------------- vocabulary: found, with its code
NAMED = [
    ("en", "these are hives.", "urticaria", "L50.9"),
    ("en", "what you have is acid reflux.", "gastroesophageal reflux disease", "K21.9"),
    ("en", "your forehead is involved, so this is bell's palsy.", "Bell's palsy", "G51.0"),
    ("en", "you have restless legs syndrome.", "restless legs syndrome", "G25.81"),
    ("en", "your eardrums are retracted, this is eustachian tube dysfunction.", "eustachian tube dysfunction", None),
    ("en", "you have patellofemoral pain syndrome.", "patellofemoral pain syndrome", None),
    ("en", "you have a stye on your left eye.", "hordeolum", None),
    ("en", "you have an ingrown toenail.", "ingrown toenail", "L60.0"),
    ("en", "that's shin splints.", "medial tibial stress syndrome", None),
    ("en", "it's a stomach virus.", "gastroenteritis", "K52.9"),
    ("en", "you have strep.", "streptococcal pharyngitis", "J02.0"),
    ("en", "you have an overactive thyroid.", "hyperthyroidism", "E05.90"),
    ("en", "it's a pulled hamstring.", "muscle strain", None),
    ("en", "this is a bad case of poison ivy.", "poison ivy dermatitis", "L23.7"),
    ("en", "this is a boil.", "furuncle", None),
    ("en", "your osa is well treated with the cpap.", "sleep apnea", "G47.33"),
    ("en", "you have some rotator cuff tendinitis.", "rotator cuff tendinopathy", None),
    ("fr", "vous avez un torticolis.", "torticollis", "M43.6"),
    ("fr", "vous avez une mycose.", "fungal infection", None),
    ("fr", "c'est une névralgie.", "neuralgia", None),
    ("fr", "vous faites une angine à streptocoque.", "streptococcal pharyngitis", "J02.0"),
]


@pytest.mark.parametrize(("lang", "line", "label", "code"), NAMED)
def test_common_diagnosis_is_found(lang, line, label, code):
    fact = _dx(_visit(line, lang), lang).get(label)
    assert fact is not None, line
    assert fact["attributes"]["certainty"] == "confirmed", line
    assert fact["attributes"].get("code") == code, line


# a code for an unspecified ear, side or site is not the code of a problem said with its side or site
SIDED = [
    ("en", "you have a right ear infection.", "otitis media", "right"),
    ("en", "this is a left ankle sprain.", "ankle sprain", "left"),
    ("fr", "c'est une arthrose du genou droit.", "osteoarthritis", "right"),
]


@pytest.mark.parametrize(("lang", "line", "label", "side"), SIDED)
def test_no_unspecified_side_code_when_the_side_is_said(lang, line, label, side):
    fact = _dx(_visit(line, lang), lang)[label]
    assert fact["attributes"]["laterality"] == side
    assert fact["attributes"].get("code") is None


def test_chronic_problems_reviewed_by_abbreviation():
    text = """[doctor] how's your copd doing?
[patient] about the same, i use my inhaler twice a day.
[doctor] and your afib, any palpitations?
[patient] no, none.
[doctor] good. your copd is stable and your afib is rate controlled.
[doctor] continue tiotropium and metoprolol."""
    dx = _dx(text, "en")
    assert dx["copd"]["attributes"]["certainty"] == "confirmed"
    assert dx["atrial fibrillation"]["attributes"]["certainty"] == "confirmed"


# --------------------------------------------------------------------------- what is no diagnosis
NOT_A_DIAGNOSIS = [
    ("en", "you had a hernia repair in 2015.", "hernia"),
    ("en", "the rapid strep is negative, so this is a viral sore throat.", "streptococcal pharyngitis"),
    ("en", "we'll do std testing today.", "sexually transmitted infection"),
    ("en", "if you get hives, stop the medication.", "urticaria"),
    ("fr", "on va faire un dépistage des ist.", "sexually transmitted infection"),
]


@pytest.mark.parametrize(("lang", "line", "label"), NOT_A_DIAGNOSIS)
def test_not_a_diagnosis(lang, line, label):
    fact = _dx(_visit(line, lang), lang).get(label)
    assert fact is None or fact["status"] != "present", line
