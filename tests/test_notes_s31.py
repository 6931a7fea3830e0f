"""What session 31 found misread, each on a short dialogue written for the purpose, through the real engine: a
relative's chain of sentences (symptoms, drugs, the end of a long sentence), a relative set apart in French ("lui,
il"), a family denial the reply's next relative does not own; drugs of the past told by the clinician or stopped
after the story; someone else's drug; what is usually given; a ceiling with no time; a maximum in grams beside "up
to three times a day"; a germ that is no strep throat; general statements that are no diagnosis; a warning list
kept whole."""

from __future__ import annotations

from scribe.notes.engine import document
from tests.test_notes_s29 import _labels
from tests.test_notes_s30 import _family


def _said(doc: dict) -> str:
    return doc["note"]["markdown"] + "\n" + doc["patient_summary"]["markdown"]


def test_a_relatives_chain_of_sentences_stays_the_relatives():
    doc = document(
        "[doctor] anything in the family ?\n"
        "[patient] my mum , ruth , she has parkinson's disease . diagnosed about five years ago . she's seventy , "
        "she has the tremor in her right hand , she's on sinemet .\n"
        "[doctor] and your dad ?\n"
        "[patient] my dad , frank . he had his heart attack at forty-four . he was at work . he survived , he had "
        "bypass surgery at fifty , and then he died at sixty-eight of a stroke .\n"
        "[doctor] any fever lately ?\n"
        "[patient] no fever . my daughter had a cold two weeks ago , but i didn't catch it .\n"
    )
    family = _family(doc)
    assert family["Parkinson's disease"] == "mother"
    assert family["stroke"] == "father"
    assert "upper respiratory infection" not in family  # a cold caught nearby is no family history
    assert not [f for f in doc["facts"] if f["kind"] in ("past_medical", "assessment") and f["label"] == "stroke"]
    assert "levodopa and carbidopa" not in _labels(doc, "medication")
    assert "tremor" not in {f["label"] for f in doc["facts"] if f["kind"] == "symptom"}


def test_a_relative_set_apart_and_a_denial_no_relative_owns():
    doc = document(
        "[patient] mon mari l'a enlevée avec le tire-tique .\n"
        "[doctor] pourquoi il a reconnu ?\n"
        "[patient] parce que lui , il a eu la maladie de lyme , il y a six ans .\n",
        language="fr",
    )
    assert _family(doc).get("lyme disease") == "mari"
    assert not [f for f in doc["facts"] if f["kind"] == "past_medical"]
    doc = document(
        "[doctor] any family history ?\n"
        "[patient] yes , my older sister , fiona . two years ago they found out she has celiac disease .\n"
        "[doctor] anyone else in the family with celiac disease ?\n"
        "[patient] not that i know of . my mum has a thyroid problem , hashimoto's .\n"
    )
    assert _family(doc)["celiac disease"] == "sister"
    assert "No celiac disease" not in doc["note"]["markdown"]


def test_drugs_of_the_past_and_someone_elses():
    doc = document(
        "[doctor] what are you on now ?\n"
        "[patient] the tecfidera , two hundred forty milligrams twice a day . and my family doctor , doctor sandhu , "
        "put me on amitriptyline last year , ten milligrams at night , for sleep .\n"
        "[doctor] and before that you were on interferon .\n"
        "[patient] rebif , the injections , three times a week . i hated it . after every shot i'd get flu symptoms , "
        "fever , aches , headache . so we stopped it in twenty twenty-one and switched to the tecfidera .\n"
        "[patient] my buddy jerry had some antibiotics left over from his tooth , ciprofloxacin , i think .\n"
        "[patient] i was taking vitamin c , a thousand milligrams a day . i stopped about two weeks ago .\n"
    )
    meds = _labels(doc, "medication")
    assert meds["interferon beta-1a subcutaneous"] == {"stopped"}
    assert "interferons" not in meds and "ciprofloxacin" not in meds
    assert meds["amitriptyline"] == {"current"}  # the family doctor is no relative
    assert meds["ascorbic acid"] == {"stopped"}
    said = _said(doc)
    assert "Stop Interferon" not in said and "flu symptoms" not in said
    assert "headache" not in {f["label"] for f in doc["facts"] if f["kind"] == "symptom" and f["status"] == "present"}


def test_what_is_usually_given_replaced_or_capped_is_no_order():
    doc = document(
        "[doctor] anything else you take ?\n"
        "[patient] ibuprofen , for my knee , once in a while .\n"
        "[doctor] ibuprofen can push the blood pressure up . i'd rather you use tylenol for the knee .\n"
        "[doctor] so , to recap . tylenol for the knee rather than ibuprofen .\n"
    )
    assert _labels(doc, "medication")["ibuprofen"] == {"stopped"}
    doc = document(
        "[doctor] normalement , on donne de l'amoxicilline . mais avec votre allergie , on ne peut pas . je vais vous "
        "donner de la pristinamycine .\n",
        language="fr",
    )
    assert "amoxicillin" not in _labels(doc, "medication")
    doc = document("[doctor] for now , tylenol up to two grams is the safer choice .\n")
    assert not [f for f in doc["facts"] if f["kind"] == "medication" and f["attributes"].get("dose") == "2"]


def test_a_maximum_in_grams_beside_up_to_three_times_a_day():
    doc = document(
        "[doctor] for the pain , the tylenol is fine , two tablets up to three times a day , never more than three "
        "grams a day .\n"
    )
    tylenol = next(f for f in doc["facts"] if f["label"] == "acetaminophen")
    assert tylenol["attributes"]["per_day"] == 3.0 and tylenol["attributes"]["as_needed"] is True
    assert (tylenol["attributes"]["max_per_day"], tylenol["attributes"]["max_unit"]) == (3.0, "g")
    assert "once a day" not in doc["patient_summary"]["markdown"]


def test_no_diagnosis_from_a_germ_a_general_statement_or_an_old_fracture():
    doc = document(
        "[doctor] it's a cellulitis , a bacterial infection of the skin . most likely strep or staph .\n"
        "[doctor] any family history , anybody with blood clots ?\n"
        "[patient] no , no clots .\n"
        "[patient_guest] his cousin had a clot that went to the lung .\n"
    )
    labels = _labels(doc, "assessment")
    assert "cellulitis" in labels and "streptococcal pharyngitis" not in labels
    assert _family(doc)["blood clot"] == "cousin" and "No blood clot" not in doc["note"]["markdown"]
    doc = document(
        "[doctor] et le diabète , vous n'en avez pas ?\n"
        "[patient] non , pas que je sache .\n"
        "[doctor] vous n'avez rien qui fasse penser à une polyarthrite rhumatoïde .\n"
        "[doctor] c'est un syndrome du canal carpien . votre métier , et l'ancienne fracture , ça favorise .\n"
        "[doctor] je voudrais une glycémie à jeun , parce que le diabète favorise le canal carpien .\n",
        language="fr",
    )
    assessed = {f["label"]: f["attributes"].get("certainty") for f in doc["facts"] if f["kind"] == "assessment"}
    assert "diabetes mellitus" not in assessed and "fracture" not in assessed
    assert assessed.get("rheumatoid arthritis", "ruled-out") == "ruled-out"


def test_the_opposite_told_denies_what_was_asked_and_warnings_stay_whole():
    doc = document(
        "[doctor] any fevers , night sweats , weight loss ?\n"
        "[patient] no fever . i've actually gained weight .\n"
        "[doctor] call me or go to the emergency room if the redness goes past the line , if you get red streaks up "
        "the leg , a fever over a hundred and one , blisters or black skin , or if you can't keep the pills down .\n"
        "[doctor] check your sugar twice a day this week , morning and evening .\n"
    )
    symptoms = {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}
    assert symptoms.get("weight loss") == "absent" and symptoms.get("weight gain") == "present"
    summary = doc["patient_summary"]["markdown"]
    assert "a fever over 101, blisters or black skin" in summary and "over 100." not in summary
    assert "morning and evening" in summary
    doc = document("[doctor] any weight loss ?\n[patient] no , i've gained weight .\n")
    symptoms = {f["label"]: f["status"] for f in doc["facts"] if f["kind"] == "symptom"}
    assert symptoms == {"weight loss": "absent", "weight gain": "present"}  # the "no" answers the question


def test_a_start_in_a_numbered_list_and_what_is_not_this_patients_plan():
    doc = document(
        "[patient] lisinopril , twenty milligrams , in the morning .\n"
        "[doctor] anti-inflammatories like ibuprofen can hurt the kidneys , with the lisinopril , and you've been "
        "taking up to eight tablets a day .\n"
        "[doctor] it's not near the eye . when it's on the forehead or the nose , the eye can be involved and we send "
        "you to the eye doctor the same day . you have none of that .\n"
        "[doctor] three things . first , the antiviral , valacyclovir , one gram three times a day for seven days .\n"
        "[doctor] second , for the burning nerve pain , gabapentin , one hundred milligrams , one at night .\n"
    )
    lisinopril = next(f for f in doc["facts"] if f["label"] == "lisinopril")
    assert "max_per_day" not in lisinopril["attributes"]
    assert _labels(doc, "medication")["gabapentin"] == {"new"}
    assert "ophthalmology" not in doc["note"]["markdown"].lower()


def test_what_a_physician_audit_of_written15_found():
    doc = document(
        "[doctor] you told me your sister joan has rheumatoid arthritis . she's on methotrexate , right ?\n"
        "[patient] methotrexate and some injection now , i can't remember the name .\n"
        "[doctor] never stop the prednisone suddenly . your body has stopped making its own cortisone .\n"
        "[doctor] the nurse is going to give you a shot of ketorolac , thirty milligrams in the muscle .\n"
        "[doctor] anti-inflammatories actually work better than opioids for stone pain . tamsulosin helps the stone "
        "come down , and we use it in women with stones too . strain every time you pee .\n"
        "[doctor] the next option would be ezetimibe , ten milligrams a day .\n"
        "[doctor] more blood work today : hepatitis b , to see if you've had it . we'll vaccinate you against "
        "hepatitis a and b .\n"
        "[doctor] if you get a new headache or any change in your vision , you call us the same day .\n"
        "[doctor] that could be giant cell arteritis .\n"
    )
    meds = _labels(doc, "medication")
    assert "methotrexate" not in meds and "cortisone" not in meds and "ezetimibe" not in meds
    assert meds["ketorolac"] == {"administered"}
    assert "anti-inflammatory agents" not in meds
    assessed = set(_labels(doc, "assessment"))
    assert not assessed & {"hepatitis B", "hepatitis", "giant cell arteritis", "muscle strain"}
    assert not [a for a in assessed if "stone" in a and a != "kidney stone"]


def test_an_order_on_a_condition_is_no_to_do():
    doc = document(
        "[doctor] if the antibody is positive , it's likely celiac .\n"
        "[doctor] then i'd send you to a gastroenterologist for an endoscopy .\n"
        "[doctor] if it hasn't passed in four weeks , or sooner if the pain keeps coming back , i'll send you to "
        "urology .\n"
    )
    summary = doc["patient_summary"]["markdown"]
    assert "You will see" not in summary
    orders = ("referral", "procedure")
    plans = [f for f in doc["facts"] if f["kind"] == "plan" and f["attributes"].get("type") in orders]
    assert plans and all(f["attributes"].get("condition") for f in plans)
