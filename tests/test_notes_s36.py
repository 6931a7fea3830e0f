"""Session 36: what the physician's audit of written20 found, each on a short dialogue through the real engine: a
companion's own drugs, courses told as over, a stop said as a noun, "no change", drugs only weighed, a test dose, a
diagnosis stated against a denial or ruled out after its name, a warning-sign list, a relative named after the
condition, French glucose in grams per litre, eye drops that are no gout."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s33 import _meds


def _problems(dialogue: str, language: str = "en") -> dict[str, tuple[str, str]]:
    """label -> (kind, status) of each assessment, history and family fact."""
    kinds = ("assessment", "past_medical", "family_history")
    doc = document(dialogue, language=language)
    return {f["label"]: (f["kind"], f["status"]) for f in doc["facts"] if f["kind"] in kinds}


def test_a_companion_who_sets_themself_beside_the_patient_keeps_their_own_drugs():
    english = (
        "[doctor] and how are you taking the lisinopril ?\n"
        "[patient] twenty milligrams in the morning .\n"
        "[patient] i'm on valsartan for mine . is that the same thing ?\n"
        "[doctor] same family of medication , linda , yes . but don't share pills , the doses are different .\n"
    )
    assert "valsartan" not in _meds(english), _meds(english)
    french = (
        "[doctor] vous prenez l'oméprazole tous les matins ?\n"
        "[patient] oui , vingt milligrammes .\n"
        "[patient] moi , j'ai eu un ulcère , il y a quinze ans , et je prends de l'ésoméprazole tous les jours "
        "depuis .\n"
        "[doctor] c'est votre situation à vous , monsieur . pour votre femme , ce n'est pas la même chose .\n"
    )
    assert "esomeprazole" not in _meds(french, "fr"), _meds(french, "fr")


def test_a_course_told_as_given_for_days_or_over_is_no_current_drug():
    cases = [
        (
            "en",
            "[patient] once , last spring . it burned like crazy , and i went to the walk-in , and they said it was a "
            "bladder infection . they gave me cipro , five hundred twice a day , for seven days . i took all of it .\n",
            "ciprofloxacin",
        ),
        (
            "en",
            "[patient] once , about three years ago . same toe ... no , wait , it was the left one that time . i went "
            "to urgent care , they gave me naproxen , i think , and it was gone in a week .\n",
            "naproxen",
        ),
        (
            "fr",
            "[patient] il y a trois ans , j'avais des douleurs d'estomac . le gastro-entérologue avait trouvé une "
            "gastrite . et il m'avait donné un traitement , le pylera , trois gélules quatre fois par jour pendant dix "
            "jours .\n",
            "bismuth subcitrate/metronidazole/tetracycline",
        ),
    ]
    for language, dialogue, label in cases:
        meds = _meds(dialogue, language)
        assert meds[label][0] in ("historical", "stopped"), (label, meds)


def test_a_stop_said_as_a_noun_or_in_a_recap_and_no_change_said_of_drugs():
    stopped = (
        "[doctor] monsieur mercier revient après l'arrêt de l'atorvastatine pour des douleurs musculaires .\n"
        "[doctor] je résume . intolérance à l'atorvastatine , arrêtée en janvier , douleurs disparues .\n"
    )
    assert _meds(stopped, "fr")["atorvastatin"][0] == "stopped", _meds(stopped, "fr")
    unchanged = (
        "[patient] l'amlodipine , cinq milligrammes le matin .\n"
        "[doctor] pour votre tension , on ne change rien , l'amlodipine comme d'habitude .\n"
    )
    assert _meds(unchanged, "fr")["amlodipine"][0] == "current", _meds(unchanged, "fr")
    told_not_to = (
        "[patient] de l'advil , deux jours , quatre cents milligrammes matin et soir .\n"
        "[doctor] et pas d'advil , votre pharmacien avait raison .\n"
    )
    assert _meds(told_not_to, "fr")["ibuprofen"][0] == "stopped", _meds(told_not_to, "fr")


def test_drugs_only_weighed_or_given_for_a_test_are_not_prescribed():
    cases = [
        (
            "en",
            "[doctor] glipizide is an option , but it can make the sugar drop too low .\n",
            "glipizide",
        ),
        (
            "en",
            "[doctor] and if that's still not enough , the next step could be a long-acting insulin at bedtime .\n",
            "insulin",
        ),
        (
            "fr",
            "[doctor] bilan dans deux mois . la rosuvastatine à faible dose , on en reparlera à ce moment-là .\n",
            "rosuvastatin",
        ),
    ]
    for language, dialogue, stem in cases:
        meds = _meds(dialogue, language)
        assert not any(stem in label for label in meds), (stem, meds)
    test_dose = (
        "[patient] la ventoline , deux bouffées si je suis gêné .\n"
        "[doctor] je vous donne quatre bouffées de ventoline avec la chambre d'inhalation , et on refait le test dans "
        "un quart d'heure .\n"
    )
    assert _meds(test_dose, "fr")["albuterol"][:2] == ("current", "2"), _meds(test_dose, "fr")


def test_a_drug_started_then_stepped_up_later_is_new_and_a_patients_question_stops_nothing():
    started = (
        "[doctor] and the last medication , the one for the long term , is allopurinol .\n"
        "[doctor] start allopurinol one hundred milligrams once a day . in two weeks we'll go up on the allopurinol .\n"
    )
    assert _meds(started)["allopurinol"][:2] == ("new", "100"), _meds(started)
    asked = (
        "[patient] metformin , one thousand milligrams twice a day .\n"
        "[patient] and the metformin , do i stop it ?\n"
        "[doctor] no , you keep the metformin exactly the same .\n"
    )
    assert _meds(asked)["metformin"][0] == "current", _meds(asked)


def test_a_diagnosis_stated_past_a_denied_one_and_one_ruled_out_after_its_name():
    contrast = (
        "[patient] j'ai mal sur le côté droit depuis trois jours , avec des boutons .\n[doctor] bon , je vous examine "
        ".\n[doctor] alors , ce n'est pas le cœur , c'est le zona .\n[patient] d'accord .\n"
    )
    assert _problems(contrast, "fr")["herpes zoster"] == ("assessment", "present"), _problems(contrast, "fr")
    ruled_out = (
        "[doctor] they did a ct angiogram , to look for a pulmonary embolism . it was normal .\n"
        "[doctor] so , to be clear : pulmonary embolism , ruled out . you have a deep vein thrombosis in the left "
        "calf .\n[patient] okay .\n"
    )
    assert _problems(ruled_out).get("pulmonary embolism", ("", "absent"))[1] == "absent", _problems(ruled_out)
    named_then_excluded = (
        "[doctor] she's right , that's mastoiditis , an infection of the bone behind the ear . he has no sign of it . "
        "so , no mastoiditis .\n[patient] good .\n"
    )
    problems = _problems(named_then_excluded)
    assert problems.get("mastoiditis", ("", "absent"))[1] == "absent", problems
    assert not any("bone" in label for label in problems), problems


def test_warning_signs_a_relatives_cancer_and_a_relatives_heart_attack_are_not_the_patients():
    signs = (
        "[doctor] les signes , c'est : du mal à avaler , des selles noires , une fatigue avec de l'anémie , ou une "
        "douleur qui ne passe pas .\n[patient] d'accord .\n"
    )
    assert "anemia" not in _problems(signs, "fr"), _problems(signs, "fr")
    mothers = "[doctor] on discute d'un contrôle à cause du cancer de l'estomac de votre mère .\n[patient] oui .\n"
    assert _problems(mothers, "fr").get("cancer", ("",))[0] != "assessment", _problems(mothers, "fr")
    brothers = (
        "[doctor] it protects the heart . that matters for you , with your brother .\n"
        "[patient] my brother joseph , yes . heart attack at fifty-two . they put in two stents .\n"
    )
    assert _problems(brothers)["myocardial infarction"][0] == "family_history", _problems(brothers)
    fathers = (
        "[doctor] et là , il y a votre père .\n"
        "[patient] oui . il a fait un infarctus à cinquante-deux ans .\n"
        "[doctor] un infarctus à cinquante-deux ans chez le père , c'est un antécédent familial précoce .\n"
    )
    assert _problems(fathers, "fr")["myocardial infarction"][0] == "family_history", _problems(fathers, "fr")


def test_french_glucose_in_grams_per_litre_and_eye_drops_that_are_no_gout():
    glucose = "[doctor] la glycémie à jeun est à un gramme cinquante-deux .\n[patient] d'accord .\n"
    vitals = [f for f in document(glucose, language="fr")["facts"] if f["label"] == "blood glucose"]
    assert [(f["value"], f["attributes"]["unit"]) for f in vitals] == [("1.52", "g/L")], vitals
    drops = (
        "[patient] je mets toujours mon collyre , le xalatan , une goutte dans chaque œil le soir .\n"
        "[doctor] très bien .\n"
    )
    assert "gout" not in _problems(drops, "fr"), _problems(drops, "fr")


def test_a_class_said_not_to_help_a_switch_weighed_and_a_drug_to_avoid_are_not_prescribed():
    dialogue = (
        "[patient] can i give him my zyrtec ?\n"
        "[doctor] no , please don't give him your tablets . they're an adult dose , and antihistamines don't help a "
        "cold or an ear infection in little kids .\n"
        "[doctor] if he's still in a lot of pain after forty-eight hours on the antibiotic , call us . then we would "
        "probably switch to a stronger antibiotic , amoxicillin with clavulanate , augmentin .\n"
        "[doctor] ibuprofen , i'd rather you avoid it while you're trying .\n"
    )
    meds = _meds(dialogue)
    assert not {"antihistamines", "clavulanate", "ibuprofen"} & set(meds) and "Histamine Antagonists" not in meds, meds
    brothers = (
        "[patient] mon frère prend du kardégic depuis son infarctus . il m'a dit que je devrais en prendre aussi .\n"
        "[doctor] non . chez vous , l'aspirine augmente le risque de saignement plus qu'elle ne protège . donc pas de "
        "kardégic pour vous .\n"
    )
    assert "aspirin" not in _meds(brothers, "fr"), _meds(brothers, "fr")


def test_a_problem_said_over_a_cane_brought_a_spouses_operation_a_promise_and_a_breath_held():
    over = (
        "[patient] il y a un mois , j'ai fait une bronchite , avec de la fièvre .\n"
        "[doctor] je récapitule . asthme mal contrôlé . la bronchite est guérie , l'amoxicilline est terminée .\n"
    )
    assert _problems(over, "fr").get("bronchitis", ("", "historical"))[1] != "present", _problems(over, "fr")
    cane = (
        "[doctor] good morning . i see you came in with a cane .\n"
        "[patient] it's my wife's cane , from her knee replacement . i can't even put a shoe on .\n"
        "[doctor] for the recording , this is gary , fifty-six years old , here for a painful , swollen right big "
        "toe .\n"
    )
    doc = document(cane)
    assert [f["label"] for f in doc["facts"] if f["kind"] == "chief_complaint"] == ["painful, swollen right big toe"]
    assert not any("knee" in f["label"] for f in doc["facts"]), [f["label"] for f in doc["facts"]]
    promise = (
        "[doctor] si vous avez des douleurs , surtout avec des urines foncées , vous arrêtez le comprimé et vous "
        "m'appelez .\n"
        "[patient] d'accord . urines foncées , je m'arrête et j'appelle .\n"
    )
    symptoms = [f["label"] for f in document(promise, language="fr")["facts"] if f["kind"] == "symptom"]
    assert "dark urine" not in symptoms, symptoms
    breath = (
        "[doctor] fréquence respiratoire seize .\n"
        "[doctor] ensuite vous retenez votre respiration dix secondes , et vous recommencez .\n"
    )
    rates = [f["value"] for f in document(breath, language="fr")["facts"] if f["label"] == "respiratory rate"]
    assert rates == ["16"], rates


def test_what_warning_signs_and_side_effects_would_mean_is_no_diagnosis_and_no_order():
    dialogue = (
        "[doctor] we start semaglutide today . side effects : nausea is common at the start , sometimes diarrhea or "
        "constipation .\n[patient] okay .\n"
        "[doctor] now , some warning signs . if you get severe pain in the belly , with vomiting , that could be "
        "pancreatitis . it's rare , but if it happens you stop the injection and go to the emergency room .\n"
        "[patient] got it .\n"
        "[doctor] so , to recap . warning signs : severe belly pain going to the back , or vomiting that won't stop , "
        "you stop the injection and go to the emergency room .\n"
    )
    doc = document(dialogue)
    problems = [f["label"] for f in doc["facts"] if f["kind"] == "assessment"]
    assert "pancreatitis" not in problems and not any("diarrhea" in p for p in problems), problems
    plan = [f["value"] for f in doc["facts"] if f["kind"] == "plan"]
    assert "Go to the emergency room." not in plan, plan
