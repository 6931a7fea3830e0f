"""Questions the blind split written14 (session 30) found answered when the visit never answered them, each on a
short dialogue written for the purpose, through the real engine: a treatment before is not today's diagnosis; a
derived measure is not the test's value; "allergic asthma" says nothing of drug allergies; a partner's health is not
the patient's; wanting a baby is no previous pregnancy; a relative named by first name."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_assistant_s25 import _ask


def test_what_the_visit_did_not_say_stays_unanswered():
    doc = document(
        "[doctor] the biopsies show a helicobacter pylori , a bacteria in the stomach . we'll treat it with three "
        "medicines .\n[patient] okay .\n"
        "[doctor] your psa came back at three point eight , on october ninth .\n[patient] okay .\n"
        "[doctor] and your eosinophils were four hundred fifty , which goes with allergic asthma .\n"
        "[patient] i see .\n"
    )
    assert _ask(doc, "What was his PSA?")["value"] == "3.8"
    assert not _ask(doc, "What was his PSA free-to-total ratio?")["answered"]
    assert not _ask(doc, "Has she been treated for H. pylori before?")["answered"]
    assert not _ask(doc, "Does he have any drug allergies?")["answered"]


def test_a_partners_health_and_a_pregnancy_wished():
    doc = document(
        "[doctor] et la dépakine , vous l'avez arrêtée quand ?\n[patient] il y a deux ans , quand on a commencé à "
        "parler d'avoir un bébé . le neurologue m'a dit que c'était dangereux pour la grossesse .\n"
        "[doctor] vous avez une épilepsie généralisée .\n[patient] oui .\n",
        language="fr",
    )
    assert not _ask(doc, "Son compagnon a-t-il des problèmes de santé ?")["answered"]
    assert not _ask(doc, "Has she had a previous pregnancy?")["answered"]
    doc = document("[doctor] any pregnancies before ?\n[patient] yes , i was pregnant once , in twenty nineteen .\n")
    assert _ask(doc, "Has she had a previous pregnancy?")["answered"]


def test_a_relative_named_by_first_name():
    doc = document(
        "[patient] my sister , ruth , is the one who had the stroke .\n[doctor] okay .\n"
        "[patient] ruth had a stroke at seventy-six , two years ago .\n[doctor] i see .\n"
    )
    assert _ask(doc, "At what age did her sister have a stroke?")["value"] == "76"
    assert not _ask(doc, "Has she had a stroke?")["answered"]
