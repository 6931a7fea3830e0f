"""Session 35: what the physician's audit of written19 found, each on a short dialogue through the real engine: a stop
said on a condition or already done, a drug only suggested or named as an ingredient, a relative's or a spouse's drug,
a painkiller's "PM" form, a diagnosis the history already holds, and symptoms of the past."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s33 import _meds


def _symptoms(dialogue: str, language: str = "en") -> dict[str, str]:
    """label -> status of each symptom fact (the last one of a label wins)."""
    doc = document(dialogue, language=language)
    return {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}


def test_a_stop_on_a_condition_leaves_the_drug_taken_and_a_recap_increase_changes_it():
    dialogue = (
        "[doctor] la metformine , vous la prenez comment ?\n"
        "[patient] cinq cents milligrammes , matin et soir .\n"
        "[doctor] et avec la metformine , si vous avez une gastro , avec des vomissements , vous arrêtez la metformine "
        "le temps que ça passe et vous m'appelez .\n"
        "[doctor] donc je récapitule . metformine augmentée à mille milligrammes matin et soir .\n"
    )
    statuses = {f["status"] for f in document(dialogue, language="fr")["facts"] if f["label"] == "metformin"}
    assert "stopped" not in statuses and "changed" in statuses, statuses


def test_a_course_already_finished_and_a_drug_replaced_are_stopped():
    finished = (
        "[doctor] any other medicines ?\n"
        "[patient] nothing regular . oh , i finished antibiotics last week , nitrofurantoin , for a bladder infection "
        ". one hundred milligrams twice a day for five days .\n"
    )
    assert _meds(finished)["nitrofurantoin"][0] == "stopped", _meds(finished)
    replaced = (
        "[patient] one tablet twice a day . doctor okafor started that last fall , instead of the lisinopril .\n"
        "[doctor] yes , the lisinopril ten milligrams was stopped when the cardiologist switched you .\n"
    )
    assert _meds(replaced)["lisinopril"][0] == "stopped", _meds(replaced)
    told_and_confirmed = (
        "[patient] au début vous m'aviez mis le coversyl , le périndopril , cinq milligrammes .\n"
        "[doctor] et il a fallu l'arrêter .\n"
        "[patient] à cause de la toux .\n"
    )
    assert _meds(told_and_confirmed, "fr")["perindopril"][0] == "stopped", _meds(told_and_confirmed, "fr")


def test_a_drug_only_weighed_suggested_or_named_as_an_ingredient_is_no_medication():
    cases = [
        (
            "en",
            "[patient] what happens if the metoprolol isn't enough ?\n[doctor] then we could add a second drug , "
            "diltiazem , or go up on the metoprolol .\n",
            "diltiazem",
        ),
        (
            "en",
            "[doctor] i'll write to doctor feld to suggest switching to another bladder medicine , one that doesn't "
            "affect the brain , like mirabegron . for now , keep taking the oxybutynin .\n",
            "mirabegron",
        ),
        (
            "en",
            "[doctor] in women who have migraine with aura , the combined pill , the one with estrogen , increases "
            "the risk of stroke .\n",
            "estrogen",
        ),
        (
            "fr",
            "[doctor] ça , il faut l'éviter . ces comprimés contiennent un vasoconstricteur , de la pseudoéphédrine "
            ", et ça fait monter la tension .\n",
            "pseudoephedrine",
        ),
        (
            "fr",
            "[doctor] si dans un mois la tension n'est pas encore dans les objectifs , on pourra augmenter le "
            "candésartan à seize milligrammes , ou ajouter un petit diurétique , l'indapamide . on verra .\n",
            "indapamide",
        ),
        (
            "fr",
            "[doctor] si malgré ces mesures vous refaites plus d'une cystite par mois , on pourrait en discuter , "
            "par exemple un sachet de fosfomycine tous les sept jours . mais pas maintenant .\n",
            "fosfomycin",
        ),
    ]
    for language, dialogue, drug in cases:
        assert drug not in _meds(dialogue, language), (drug, _meds(dialogue, language))


def test_a_relatives_or_a_spouses_drug_said_next_is_not_the_patients():
    brother = (
        "[patient] et mon frère aîné , bernard , lui il est sous insuline maintenant . la lantus , vingt unités le "
        "soir .\n"
    )
    assert not [k for k in _meds(brother, "fr") if "insulin" in k], _meds(brother, "fr")
    husband = (
        "[patient] oh , and ... mark takes trazodone for his sleep . fifty milligrams at night . he says it's "
        "amazing . could i just take one of his on the bad nights ?\n[doctor] please don't take his .\n"
    )
    assert "trazodone" not in _meds(husband), _meds(husband)
    daughter = (
        "[patient] i take melatonin myself , three milligrams , works great for me . could mom take that instead of "
        "the pills ?\n"
    )
    assert "melatonin" not in _meds(daughter), _meds(daughter)


def test_tylenol_pm_stopped_leaves_plain_acetaminophen_and_a_new_drug_in_a_stop_list_is_new():
    dialogue = (
        "[doctor] what do you take for the hip pain ?\n"
        "[patient] the extra strength tylenol . two tablets , four times a day .\n"
        "[doctor] no tylenol pm either , that one stops too . the pm part is an antihistamine .\n"
        "[doctor] so , to recap . stop the zolpidem , stop the tylenol pm . acetaminophen one gram up to three times "
        "a day .\n"
    )
    meds = _meds(dialogue)
    assert meds["acetaminophen and diphenhydramine"][0] == "stopped", meds
    assert meds["acetaminophen"][0] != "stopped", meds
    listed = (
        "[doctor] no more advil . for the knee you can take tylenol , acetaminophen , two of the five hundred "
        "milligram tablets , so one gram , up to three times a day .\n"
        "[doctor] so , to recap . stop the advil , tylenol one gram up to three times a day for the knee .\n"
    )
    assert _meds(listed)["acetaminophen"][0] == "new", _meds(listed)


def test_a_diagnosis_the_history_holds_or_a_recap_shows_by_its_value_is_not_possible():
    dialogue = (
        "[doctor] for the recording , this is amanda pike , forty-one , with hashimoto's thyroiditis on "
        "levothyroxine , here for fatigue .\n"
        "[doctor] your ferritin is eight . iron deficiency can explain a lot of the fatigue .\n"
        "[doctor] celiac disease is more common in people with hashimoto's , it can cause iron deficiency .\n"
        "[doctor] so , to recap . hashimoto's hypothyroidism , underreplaced . iron deficiency , ferritin eight : "
        "ferrous sulfate three hundred twenty-five milligrams every other day .\n"
    )
    sure = {
        f["label"]: f["attributes"].get("certainty") for f in document(dialogue)["facts"] if f["kind"] == "assessment"
    }
    assert sure.get("Hashimoto's thyroiditis") == "confirmed" and sure.get("iron deficiency") == "confirmed", sure


def test_symptoms_of_the_past_are_not_current():
    cases = [
        (
            "en",
            "[doctor] right , the lisinopril ten milligrams gave you that dry cough .\n[patient] that cough drove my "
            "wife crazy . it went away two weeks after i stopped .\n",
            "cough",
        ),
        ("en", "[doctor] any side effects ?\n[patient] nausea the first two weeks , that's gone .\n", "nausea"),
        (
            "en",
            "[doctor] you tried a preventive once , didn't you ?\n[patient] propranolol , two years ago . forty "
            "milligrams twice a day . i felt like a zombie , so tired . i stopped after two months .\n",
            "fatigue",
        ),
        (
            "en",
            "[doctor] any fever ?\n[patient] not now . i had a little fever with the cold , but that's over .\n",
            "fever",
        ),
        (
            "fr",
            "[doctor] des problèmes d'estomac ?\n[patient] il y a deux ans , j'avais des brûlures d'estomac , vous "
            "m'aviez donné de l'oméprazole . plus de brûlures depuis .\n",
            "heartburn",
        ),
    ]
    for language, dialogue, label in cases:
        assert _symptoms(dialogue, language).get(label) != "present", (label, _symptoms(dialogue, language))


def test_a_denial_taken_back_after_the_clinician_checks_it_and_a_repeated_warning_are_read_so():
    checked = (
        "[doctor] est-ce que vous avez fait des malaises ? tremblements , sueurs ?\n"
        "[patient] non , non , jamais .\n"
        "[doctor] jamais depuis octobre ?\n"
        "[patient] non ... ah si , attendez . une fois . il y a trois semaines , j'ai commencé à trembler .\n"
    )
    assert _symptoms(checked, "fr").get("tremor") == "present", _symptoms(checked, "fr")
    wait = (
        "[doctor] any blood in the phlegm ?\n"
        "[patient] no ... well , wait . once . when i was coughing so hard , there was a streak of blood .\n"
    )
    assert _symptoms(wait).get("hemoptysis") == "present", _symptoms(wait)
    echoed = (
        "[doctor] et aussi si vous avez de la fièvre , ou une douleur qui descend sous le genou , vous me rappelez .\n"
        "[patient] fièvre ou douleur sous le genou , je vous appelle .\n"
    )
    assert _symptoms(echoed, "fr").get("fever") != "present", _symptoms(echoed, "fr")
    with_the = "[doctor] any blisters , mouth sores , fever with the rash ?\n[patient] no , just the rash .\n"
    assert _symptoms(with_the).get("rash") != "absent", _symptoms(with_the)


def test_a_parents_own_allergy_and_drug_in_a_childs_visit_are_not_the_childs():
    dialogue = (
        "[doctor] for the recording , this is ethan walsh , six years old , here with his mother for follow-up of "
        "asthma .\n"
        "[doctor] any allergies ?\n"
        "[patient] that's my allergy , not his . i'm allergic to penicillin , i broke out in hives as a teenager .\n"
        "[doctor] and the hay fever ?\n"
        "[patient] terrible . i take cetirizine every day from april to september , ten milligrams .\n"
    )
    doc = document(dialogue)
    allergies = [f["label"] for f in doc["facts"] if f["kind"] == "allergy" and f["status"] == "present"]
    assert not allergies, allergies
    assert "cetirizine" not in _meds(dialogue), _meds(dialogue)


def test_a_companion_the_clinician_addresses_by_name_speaks_of_herself():
    dialogue = (
        "[patient] this is my daughter , grace . she made me come .\n"
        "[doctor] and grace , i see you're on a blood thinner yourself ?\n"
        "[patient] warfarin . i had a clot in the lung after my knee surgery , five years ago .\n"
    )
    kinds = [f["kind"] for f in document(dialogue)["facts"] if f["kind"] in ("past_surgical", "past_medical")]
    assert not kinds, kinds


def test_a_warning_signs_heading_an_unneeded_rest_and_a_hypothetical_test_are_not_ordered_or_had():
    dialogue = (
        "[doctor] so here's what i think . this is sciatica on the right side .\n"
        "[doctor] those are the things that would need an urgent mri . no bed rest , staying active is better .\n"
        "[doctor] now , the warning signs . for stroke : a face drooping , an arm that's weak . call nine one one .\n"
    )
    doc = document(dialogue)
    labels = {f["label"].lower() for f in doc["facts"] if f["kind"] == "assessment"}
    assert "stroke" not in labels, labels
    plan = [(f["value"], f["attributes"].get("condition")) for f in doc["facts"] if f["kind"] == "plan"]
    assert not [p for p in plan if "rest" in p[0].lower()], plan
    assert [p for p in plan if "MRI" in p[0]] == [("MRI to be considered.", "considered")], plan


def test_your_heart_failure_states_it_after_a_hedged_first_mention():
    dialogue = (
        "[doctor] so here's what i think .\n"
        "[doctor] most likely it's fluid in the lower part of the lungs , from the heart failure .\n"
        "[doctor] your heart failure has gotten worse over the last two weeks , you're carrying extra fluid .\n"
    )
    sure = {f["label"]: f["status"] for f in document(dialogue)["facts"] if f["kind"] == "assessment"}
    assert sure.get("congestive heart failure") == "present", sure
