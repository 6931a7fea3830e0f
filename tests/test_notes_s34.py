"""Session 34: what the physician's audits of written17 and written18 found, each on a short dialogue through the real
engine: whose a condition or a drug is (in-laws, friends, a parent speaking for a child, a wife speaking in the
patient's voice), what the clinician only considers, a loading dose, and what the clinician excludes for good."""

from __future__ import annotations

from scribe.notes.engine import ask, document
from tests.test_notes_s33 import _facts, _meds


def _note(dialogue: str, language: str = "en") -> list[str]:
    doc = document(dialogue, language=language)
    return [s["text"] for sec in doc["note"]["sections"] for s in sec["sentences"]]


def test_an_in_law_or_a_friend_is_no_family_and_not_the_patient():
    dialogue = (
        "[doctor] vous prenez quelque chose pour la douleur ?\n"
        "[patient] rien du tout . mon beau-frère , il a une sciatique , il prend du tramadol , il m'en a proposé , "
        "mais j'ai dit non .\n"
        "[patient] alors ... mon amie m'a donné sa crème , du dermoval . elle l'utilise pour son psoriasis .\n"
    )
    facts = _facts(dialogue, ("past_medical", "family_history"), "fr")
    assert facts == [], facts
    assert "tramadol" not in _meds(dialogue, "fr"), _meds(dialogue, "fr")


def test_a_relatives_surgery_and_a_patients_question_are_no_surgical_history():
    dialogue = (
        "[patient] mon père , il a été opéré d'une hernie discale à cinquante ans .\n"
        "[patient] alors , docteur ? c'est une hernie , comme mon père ?\n"
    )
    assert not _facts(dialogue, ("past_surgical",), "fr")
    said = "[patient] the left has been bigger since they took the vein out for my bypass ... no wait , that was my "
    said += "brother-in-law . i never had a bypass .\n"
    assert not _facts(said, ("past_surgical",))


def test_a_disease_said_alone_after_the_relative_is_the_relatives():
    dialogue = (
        "[patient] that's a relief . and my sister broke her hip at seventy-nine . osteoporosis . she's in a home.\n"
    )
    facts = _facts(dialogue, ("past_medical", "family_history"))
    assert facts == [("family_history", "osteoporosis", "sister")], facts


def test_a_parent_speaking_for_a_child_tells_the_parents_own_history():
    dialogue = (
        "[doctor] pour l'enregistrement , chloé bernard , quatre ans , vue avec sa maman pour une poussée d'eczéma .\n"
        "[doctor] le nez qui coule , les yeux qui grattent au printemps ?\n"
        "[patient] non , ça c'est moi . moi , j'ai le rhume des foins .\n"
    )
    facts = _facts(dialogue, ("past_medical", "family_history"), "fr")
    assert [f for f in facts if f[0] == "family_history" and f[2] == "mère"], facts
    assert not [f for f in facts if f[0] == "past_medical"], facts


def test_a_companions_own_drug_and_habit_are_not_the_patients():
    melatonin = (
        "[doctor] for the recording , this is dorothy miller , eighty-one years old , here after a fall at home .\n"
        "[patient] i take melatonin myself , three milligrams . can she take mine ?\n"
        "[doctor] not for now , please .\n"
    )
    assert "melatonin" not in _meds(melatonin), _meds(melatonin)
    assert any("fall at home" in line.lower() for line in _note(melatonin)), _note(melatonin)
    smoke = "[doctor] and does anyone smoke at home ?\n[patient] my husband . about a pack a day . he goes out .\n"
    assert not any("pack a day" in line.lower() for line in _note(smoke)), _note(smoke)


def test_someone_elses_or_a_disputed_symptom_is_not_endorsed():
    dialogue = (
        "[patient] yes , in april . because dave said i was snoring , which i don't believe .\n"
        "[doctor] do you snore ?\n[patient] dave says i don't snore anymore . he's the one who snores .\n"
    )
    snoring = [f for f in document(dialogue)["facts"] if f["label"] == "snoring"]
    assert snoring and all(f["status"] == "absent" for f in snoring), snoring
    assert not any("sharp" in line.lower() for line in _note("[patient] she's been herself . sharp as ever .\n"))


def test_only_on_the_evenings_she_scratches_is_as_needed_and_cortisone_is_the_drug_named():
    dialogue = (
        "[doctor] le traitement de la poussée , c'est la cortisone en crème . je vous prescris le désonide , "
        "tridésonit , en crème .\n"
        "[doctor] je récapitule . aerius deux millilitres et demi le soir , seulement les soirs où elle se gratte "
        "beaucoup .\n"
    )
    facts = [f for f in document(dialogue, language="fr")["facts"] if f["kind"] == "medication"]
    labels = {f["label"] for f in facts}
    assert "cortisone" not in labels and "desonide" in labels, labels
    aerius = next(f for f in facts if f["label"] == "desloratadine")
    assert aerius["attributes"].get("as_needed") is True, aerius


def test_a_switch_the_specialist_may_make_later_changes_nothing_today():
    dialogue = (
        "[patient] i take lisinopril ten milligrams once a day and spironolactone twenty-five .\n"
        "[doctor] with less furosemide , you'll lose less potassium , and the spironolactone should bring it back "
        "up .\n"
        "[doctor] and down the road the cardiologist may switch the lisinopril to sacubitril valsartan , entresto . "
        "that's her decision , we're not changing it today .\n"
    )
    meds = _meds(dialogue)
    assert meds["lisinopril"][0] == "current" and meds["spironolactone"][0] == "current", meds
    assert "valsartan and sacubitril" not in meds, meds


def test_a_relatives_drug_after_a_hedge_stays_the_relatives():
    dialogue = (
        "[doctor] your brother , any heart problems ?\n"
        "[patient] not that i know of . he's got the sugar , the diabetes , takes metformin . but his heart's fine .\n"
    )
    assert "metformin" not in _meds(dialogue)
    # a list the patient's wife wrote down is still the patient's
    listed = "[patient] my wife wrote it down . furosemide , forty milligrams , once a day in the morning .\n"
    assert _meds(listed).get("furosemide", ())[:3] == ("current", "40", "mg"), _meds(listed)


def test_what_the_clinician_excludes_for_good_is_no_history():
    dialogue = (
        "[patient] doctor , i'm on heart pills too . metoprolol and the warfarin , for my atrial fibrillation . "
        "harold keeps saying that he has what i have .\n"
        "[doctor] harold , your heart tracing shows a normal , regular rhythm . so you do not have atrial "
        "fibrillation . what you have is a weak pump , the heart failure .\n"
    )
    facts = {(f["kind"], f["label"]): f for f in document(dialogue)["facts"]}
    assert ("past_medical", "atrial fibrillation") not in facts, list(facts)
    af = facts.get(("assessment", "atrial fibrillation"))
    assert af is None or af["status"] == "absent", af


def test_a_loading_dose_is_not_the_regimen():
    dialogue = (
        "[doctor] colchicine zero point six : two tablets now , one an hour later , then one twice a day for about a "
        "week .\n"
    )
    status, dose, unit, _ = _meds(dialogue)["colchicine"]
    assert dose == "0.6" and unit != "tablets", (status, dose, unit)


def test_a_drug_only_talked_about_is_not_started():
    dialogue = (
        "[patient] funny you ask . a guy at work , he has gout too , he gave me two of his pills . allo ... "
        "allopurinol .\n"
        "[doctor] good , don't take them . allopurinol is a medicine to lower uric acid over the long term .\n"
        "[doctor] i think you'll end up needing a medicine like allopurinol long term . but not today . for today , "
        "no allopurinol . don't take your friend's allopurinol . we'll talk about starting allopurinol then .\n"
    )
    assert "allopurinol" not in _meds(dialogue), _meds(dialogue)


def test_a_wifes_drug_she_wanted_to_give_is_hers_and_what_he_was_given_is_his():
    dialogue = (
        "[patient] du doliprane , un gramme , deux fois hier . ma femme voulait me donner son tramadol , elle en a "
        "pour sa migraine , mais je n'ai pas voulu prendre un médicament qui n'est pas à moi .\n"
        "[doctor] pas le tramadol de votre femme .\n"
    )
    assert "tramadol" not in _meds(dialogue, "fr"), _meds(dialogue, "fr")
    assert not _facts(dialogue, ("past_medical",), "fr")


def test_a_drug_to_stop_a_drug_considered_and_a_drug_to_be_discussed():
    dialogue = (
        "[patient] melatonin , three milligrams , some nights . and once or twice my ex-roommate's zzzquil .\n"
        "[doctor] the zzzquil , that's diphenhydramine , i'd stop . it makes the mornings groggy .\n"
        "[doctor] if sleep is still bad in a month , we could consider a low dose of trazodone at night . but not "
        "today .\n"
    )
    meds = _meds(dialogue)
    assert meds["diphenhydramine"][0] == "stopped" and "trazodone" not in meds, meds
    french = (
        "[doctor] il pourra discuter d'un traitement qui protège encore mieux les reins , la dapagliflozine , "
        "mais ça , c'est lui qui décidera .\n"
    )
    assert "dapagliflozin" not in _meds(french, "fr"), _meds(french, "fr")


def test_a_drug_held_once_or_named_as_a_reference_is_unchanged():
    dialogue = (
        "[patient] her inr went up to five point eight . the coumadin clinic called us , they stopped her warfarin "
        "for two days .\n"
        "[doctor] your warfarin , how much are you taking ?\n[patient] four milligrams , every evening .\n"
        "[doctor] if it shows the bacteria is resistant to nitrofurantoin , i'll call you and we'll change the "
        "antibiotic , choosing one that's safe with the warfarin .\n"
    )
    meds = [f for f in document(dialogue)["facts"] if f["kind"] == "medication" and f["label"] == "warfarin"]
    assert [(f["status"], f["attributes"].get("dose")) for f in meds] == [("current", "4")], meds


def test_a_companions_own_drug_offered_for_the_patient():
    dialogue = (
        "[patient] and if she still has to go all the time after that ? i take mirabegron for my bladder , it's "
        "been great for me .\n"
        "[doctor] if the urgency is still there once the infection has cleared , mirabegron could be an option for "
        "your mom too , yes .\n"
    )
    assert "mirabegron" not in _meds(dialogue), _meds(dialogue)


def test_tablets_of_a_strength_and_a_course_told_finished():
    tylenol = (
        "[doctor] tylenol is fine : two tablets of five hundred milligrams , up to twice a day , for a few days .\n"
    )
    assert _meds(tylenol)["acetaminophen"][1:3] == ("1000", "mg"), _meds(tylenol)
    course = (
        "[doctor] and they sent you home with prednisone and an antibiotic . what were the doses ?\n"
        "[patient] the prednisone was forty milligrams , once a day , for five days .\n"
        "[doctor] copd , with a flare-up two and a half weeks ago treated with prednisone forty milligrams for five "
        "days .\n"
    )
    assert _meds(course)["prednisone"][0] == "historical", _meds(course)
    trelegy = (
        "[doctor] one inhaler called trelegy , fluticasone , umeclidinium and vilanterol , three medicines in one . "
        "one inhalation , once a day .\n"
    )
    assert all(m[1] in (None, "1") for m in _meds(trelegy).values()), _meds(trelegy)


def test_a_drug_replaced_or_described_while_another_value_rose():
    dialogue = (
        "[doctor] le ramipril , vous êtes toujours à dix milligrammes le matin ?\n[patient] oui .\n"
        "[doctor] je remplace le ramipril par un cousin , l'irbésartan . par contre , l'irbésartan fait aussi un peu "
        "monter le potassium .\n"
        "[doctor] la créatinine a augmenté alors que vous étiez sous ramipril .\n"
        "[doctor] le ramipril , vous l'arrêtez , et à la place , demain matin , vous commencez l'irbésartan , cent "
        "cinquante milligrammes , un comprimé le matin .\n"
        "[doctor] alors , chez vous , les anticorps étaient négatifs , donc vous n'avez pas une maladie de hashimoto "
        "comme votre sœur .\n"
    )
    meds = _meds(dialogue, "fr")
    assert meds["ramipril"][0] == "stopped" and meds["irbesartan"][:3] == ("new", "150", "mg"), meds
    statuses = {f["status"] for f in document(dialogue, language="fr")["facts"] if f["label"] == "ramipril"}
    assert statuses == {"stopped"}, statuses
    assert not _facts(dialogue, ("past_medical",), "fr")


def test_a_threshold_is_no_reading_and_home_oxygen_is_no_home_reading():
    dialogue = (
        "[patient] do i need oxygen at home ?\n"
        "[doctor] not now . we'd talk about home oxygen if your oxygen at rest is eighty-eight percent or lower . at "
        "ninety-three , you don't need it .\n"
    )
    doc = document(dialogue)
    assert not [f for f in doc["facts"] if f["kind"] == "vital" and f.get("value") == "88"], doc["facts"]
    assert ask(doc, "What are her oxygen saturation readings at home?")["answered"] is False


def test_a_days_ceiling_is_no_dose_and_a_spouses_mother_no_relative():
    dialogue = (
        "[patient] du doliprane pour les genoux , un gramme , quand j'ai mal .\n"
        "[doctor] je récapitule . doliprane si besoin , maximum trois grammes .\n"
    )
    assert _meds(dialogue, "fr")["acetaminophen"][1:3] == ("1", "g"), _meds(dialogue, "fr")
    family = "[patient] my husband's mother had alzheimer's , and it started like that .\n"
    assert not _facts(family, ("past_medical", "family_history")), _facts(family, ("past_medical", "family_history"))
