"""Questions the blind split written11 (session 27) found answered wrongly, each on a short dialogue written for the
purpose, through the real engine: a hemoglobin asked of a visit that never named one is not a pain score, nor a
creatinine a dose said "one fifty"; a value asked "a year ago" or "last year" needs its year, a depression score is
not a worry questionnaire's; a value asked of a month is the one said with that month, in either language; chewing
ice is not tobacco."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_assistant_s25 import _ask


def test_a_lab_value_is_said_with_its_name():
    doc = document(
        "[doctor] how's the knee today ?\n"
        "[patient] way better . i'd say a three out of ten . twelve days ago it was a ten .\n"
        "[doctor] and the cyclosporine , you were on one fifty in the morning and one fifty at night ?\n"
        "[patient] yes .\n"
    )
    assert not _ask(doc, "What was his hemoglobin after the bleed?")["answered"]
    assert not _ask(doc, "What was her creatinine while she was on cyclosporine?")["answered"]
    doc = document("[doctor] your hemoglobin , on march fourteenth , was nine point one .\n[patient] okay .\n")
    assert _ask(doc, "What was her hemoglobin?")["value"] == "9.1"


def test_the_time_and_the_kind_a_value_is_asked_of():
    doc = document(
        "[doctor] your last a1c , from april the third , was six point nine . in january it was seven point eight .\n"
        "[doctor] la kaliémie , le potassium , est à quatre virgule neuf , c'est correct .\n"
        "[doctor] he also filled out a questionnaire about worry , and his score is ten .\n"
    )
    assert not _ask(doc, "What was her A1c a year ago?")["answered"]
    assert _ask(doc, "What was her last A1c?")["value"] == "6.9"
    assert not _ask(doc, "What was his potassium last year?")["answered"]
    assert not _ask(doc, "Quel était son score au questionnaire de dépression ?")["answered"]
    assert _ask(doc, "What was his score on the worry questionnaire?")["value"] == "10"


def test_the_value_said_with_the_month_asked():
    doc = document(
        "[doctor] et votre ferritine , dans le même bilan , est à trente-cinq , elle était à douze en janvier , donc "
        "le fer fonctionne .\n[patient] d'accord .\n"
        "[doctor] vous aviez cinquante-huit kilos en octobre . aujourd'hui , cinquante-quatre .\n",
        language="fr",
    )
    assert _ask(doc, "Quelle était sa ferritine en janvier ?")["value"] == "12"
    assert _ask(doc, "Quel était son poids en octobre ?")["value"] == "58"
    assert not _ask(doc, "What was her ferritin in March?")["answered"]
    assert _ask(doc, "What was her ferritin in January?")["value"] == "12"  # a French visit, asked in English


def test_chewing_ice_is_not_tobacco():
    doc = document("[doctor] anything unusual you crave ?\n[patient] i chew ice all day .\n")
    assert not _ask(doc, "Fume-t-elle ?")["answered"]
    assert not _ask(doc, "Does she smoke?")["answered"]
