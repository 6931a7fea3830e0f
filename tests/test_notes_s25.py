"""What the blind split written9 (session 25) found misread, each on a short dialogue written for the purpose,
through the real engine: diagnoses weighed and set aside ("i did think about septic arthritis, but … i'm not worried
about that", "j'ai pensé aussi à une goutte, mais … donc non"), weighed elsewhere and only named in the plan ("that
helps the kidney stones too"), named as a topic and then excluded ("the lupus question … so no, you don't have
lupus"), "sounds very much like … to confirm it we need a sleep study", "il peut y avoir une œsophagite"; the items
of a stop's list, a combination said with a hyphen or glossed by its ingredients, a stop told in the patient's
reply, an imperative on a drug already taken, a conditional stop, a spoken self-correction, "ramenez-le à la
pharmacie", a strength said as "twenty-five one hundred tablets"; a patient echoing advice, and "no cough" in a
reply that takes back another symptom."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_status_s22 import meds, statuses


def _dx(doc: dict) -> dict[str, str]:
    return {f["label"]: f["attributes"].get("certainty") for f in doc["facts"] if f["kind"] == "assessment"}


def test_diagnoses_weighed_and_set_aside_are_not_stated():
    doc = document(
        "[patient] my toe hurts a lot .\n"
        "[doctor] so here's what i think . this is a gout flare in the right big toe . i did think about an "
        "infection in the joint , septic arthritis , but you have no fever , a normal white count , and this is "
        "the classic picture , so i'm not worried about that .\n"
        "[doctor] with high uric acid , it could be a small kidney stone . i want an ultrasound of your kidneys .\n"
        "[doctor] drink water , two liters a day , that helps the gout and the kidney stones too .\n"
    )
    dx = _dx(doc)
    assert dx["gout"] == "confirmed" and dx["arthritis"] == "ruled-out"
    assert dx["kidney stone"] == "possible"
    doc = document(
        "[patient] j'ai mal aux doigts et au talon .\n"
        "[doctor] alors , ce que je pense . pour les doigts , j'ai pensé aussi à une goutte , "
        "mais votre acide urique était normal , "
        "et ça ne ressemble pas à une goutte , donc non .\n",
        language="fr",
    )
    assert _dx(doc)["gout"] == "ruled-out"
    doc = document(
        "[doctor] les ronflements , les pauses , ça fait penser à une apnée du sommeil .\n"
        "[doctor] pour l'apnée du sommeil , je vous prescris un enregistrement du sommeil .\n"
        "[doctor] votre douleur , c'est un reflux . il peut y avoir une œsophagite , avec l'ibuprofène .\n",
        language="fr",
    )
    dx = _dx(doc)
    assert dx["sleep apnea"] == "possible" and dx["esophagitis"] == "possible"


def test_a_topic_named_then_excluded_and_an_impression_to_confirm():
    doc = document(
        "[patient] my joints are swollen again .\n"
        "[doctor] so here's what i think . first , this is a flare of your rheumatoid arthritis .\n"
        "[doctor] and the lupus question . you don't have a rash or mouth ulcers . so no , you don't have lupus .\n"
        "[doctor] third , acting out dreams like that sounds very much like rem sleep behavior disorder . to confirm "
        "it we need a sleep study .\n"
    )
    dx = _dx(doc)
    assert dx["lupus"] == "ruled-out" and dx["rheumatoid arthritis"] == "confirmed"
    assert dx["rem sleep behavior disorder"] in ("possible", "probable")


def test_a_stop_list_a_kept_item_and_a_maximum_a_day():
    doc = document(
        "[patient] for my back i take advil , and sometimes aleve , and motrin when i run out . also lipitor .\n"
        "[doctor] with your kidneys , i want you to stop the advil , the aleve and the motrin . tylenol is fine , up "
        "to three grams a day .\n"
        "[doctor] i'll stop the lipitor , the metformin you keep .\n"
    )
    s, m = statuses(doc), meds(doc)
    assert s["ibuprofen"] == {"stopped"} and s["naproxen"] == {"stopped"} and "stopped" not in s["metformin"]
    assert m["acetaminophen"][1]["max_per_day"] == 3.0


def test_combinations_said_with_a_hyphen_a_brand_or_their_ingredients():
    doc = document(
        "[patient] i can't breathe well since yesterday .\n"
        "[doctor] we're going to give you a nebulizer treatment now , a duoneb , albuterol and ipratropium .\n"
        "[doctor] you're on the carbidopa-levodopa , the sinemet , the twenty-five one hundred tablets , one tablet "
        "three times a day , is that right ?\n"
        "[patient] yes .\n"
        "[doctor] so we're going to change the sinemet . same tablet , the twenty-five one hundred , but four times a "
        "day instead of three .\n"
        "[doctor] for the trip , i'd go with atovaquone-proguanil , one tablet a day .\n"
    )
    s, m = statuses(doc), meds(doc)
    assert "albuterol" not in s and "ipratropium" not in s and "albuterol and ipratropium" in s
    assert m["levodopa and carbidopa"][0] == "changed" and m["levodopa and carbidopa"][1]["per_day"] == 4.0
    assert m["levodopa and carbidopa"][1].get("brand") == "sinemet"
    assert "atovaquone and proguanil" in s and "atovaquone" not in s
    md = doc["note"]["markdown"]
    assert "100 tablets" not in md and "(Carbidopa-levodopa)" not in md


def test_stops_told_in_the_reply_or_by_the_pharmacy_and_a_conditional_one():
    doc = document(
        "[doctor] you had gestational hypertension at the end , and dr. reyes put you on labetalol .\n"
        "[patient] yes , two hundred milligrams twice a day . she stopped it at two weeks after the birth .\n"
    )
    assert statuses(doc)["labetalol"] == {"stopped"}
    doc = document(
        "[patient] un spray , le natispray , à mettre sous la langue si j'avais une douleur .\n"
        "[doctor] on peut écarter l'angine de poitrine . le natispray , vous pouvez le ramener à la pharmacie , vous "
        "n'en avez pas besoin .\n"
        "[doctor] on prend l'oméprazole , vingt milligrammes , une fois par jour ...\n"
        "[doctor] non , au début il faut frapper plus fort : vingt milligrammes deux fois par jour , pendant quatre "
        "semaines .\n"
        "[doctor] dites au docteur marchand que vous êtes sous oméprazole , elle vous dira s'il faut l'arrêter avant "
        "la fibroscopie .\n",
        language="fr",
    )
    s, m = statuses(doc), meds(doc)
    assert s["nitroglycerin"] == {"stopped"}
    assert s["omeprazole"] == {"new"} and m["omeprazole"][1]["per_day"] == 2.0


def test_a_drug_already_taken_is_not_started_by_an_imperative():
    doc = document(
        "[patient] i'm on biktarvy , one tablet a day , in the morning .\n"
        "[doctor] careful with antacids : take the biktarvy two hours before them .\n"
        "[doctor] keep the biktarvy in your carry-on , with extra for a week .\n"
        "[patient_guest] il y a deux ans , le neurologue lui avait donné du sibelium . on a arrêté au bout de trois "
        "mois .\n"
    )
    assert "new" not in statuses(doc)["bictegravir, emtricitabine, and tenofovir"]
    assert "Start Biktarvy" not in doc["patient_summary"]["markdown"]
    doc = document(
        "[patient] il y a deux ans , le neurologue lui avait donné du sibelium , un comprimé le soir . on a arrêté "
        "au bout de trois mois .\n"
        "[doctor] pour les crises , d'abord l'ibuprofène , quatre cents milligrammes , dès le début de la douleur .\n"
        "[doctor] si l'ibuprofène n'a rien fait au bout d'une heure , je vous prescris un triptan , le sumatriptan .\n"
        "[doctor] s'il y a encore des crises , on discutera d'un traitement de fond , autre que le sibelium .\n",
        language="fr",
    )
    s = statuses(doc)
    assert "current" not in s["flunarizine"] and "historical" not in s["ibuprofen"]
    assert "Commencez Ibuprofène" not in doc["patient_summary"]["markdown"]


def test_symptoms_echoed_from_advice_and_a_reply_that_takes_back_one():
    doc = document(
        "[patient] no rash , ever .\n"
        "[doctor] now , the rash . if you get any rash in the first two months , stop the lamotrigine and call us .\n"
        "[patient] okay . rash means call .\n"
    )
    assert not [f for f in doc["facts"] if f["kind"] == "symptom" and f["label"] == "rash" and f["status"] == "present"]
    doc = document(
        "[patient] i had a cough for months , and short of breath . they did a ct scan .\n"
        "[doctor] any cough or shortness of breath now ?\n"
        "[patient] no cough . short of breath , no ... well , i get winded on the stairs .\n"
    )
    cough = {f["status"] for f in doc["facts"] if f["kind"] == "symptom" and f["label"] == "cough"}
    assert "absent" in cough
    assert "Endorses cough" not in doc["note"]["markdown"]
