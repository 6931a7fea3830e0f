"""What session 29 found misread, each on a short dialogue written for the purpose, through the real engine:
"not really ... well, sunday morning it looked a little pink" takes the no back; a drug's reaction told in one
sentence and stopped in the next is of the past; "and the rash went away?" "yes" is no rash now."""

from __future__ import annotations

from scribe.notes.engine import document


def _labels(doc: dict, kind: str) -> dict[str, set[str]]:
    """Every status each label of the kind has."""
    out: dict[str, set[str]] = {}
    for f in doc["facts"]:
        if f["kind"] == kind:
            out.setdefault(f["label"], set()).add(f["status"])
    return out


def _symptoms(doc: dict) -> dict[str, set[str]]:
    return _labels(doc, "symptom")


def test_a_no_taken_back_with_the_day_it_happened():
    doc = document(
        "[doctor] any blood in the urine that you can see ?\n"
        "[patient] not really ... well , sunday morning it looked a little pink . just once .\n[doctor] okay .\n"
    )
    assert _symptoms(doc)["blood in urine"] == {"present"}
    doc = document(
        "[doctor] any blood in the urine that you can see ?\n[patient] not really . it's been clear .\n"
        "[doctor] okay .\n"
    )
    assert _symptoms(doc)["blood in urine"] == {"absent"}


def test_a_past_drug_reaction_is_no_symptom_now():
    doc = document(
        "[doctor] and in july , you were started on bactrim .\n"
        "[patient] the bactrim . i broke out in a rash after two days , all over my chest and arms , itchy red "
        "bumps . so i stopped it and they switched me to keflex .\n"
        "[doctor] cephalexin . and the rash went away ?\n[patient] in a few days , yes .\n[doctor] okay .\n"
    )
    assert _symptoms(doc)["rash"] == {"historical"}
    assert "present" not in _symptoms(doc).get("itching", set())
    assert "Endorses rash" not in doc["note"]["markdown"]
    doc = document("[doctor] and the rash went away ?\n[patient] no , it's still there on my arms .\n[doctor] okay .\n")
    assert _symptoms(doc)["rash"] == {"present"}


def test_drugs_of_the_past_told_by_what_they_did():
    doc = document(
        "[doctor] and the atorvastatin , forty milligrams at night ?\n[patient] yes . that one's fine . the other "
        "one , the simvastatin , gave me muscle aches in the thighs , so you switched me , two years ago .\n"
        "[doctor] we tried something for the burning before , right ?\n[patient] the lyrica . seventy-five , twice a "
        "day . my ankles swelled up and i was dizzy , so you stopped it .\n[doctor] okay .\n"
    )
    meds = _labels(doc, "medication")
    assert meds["atorvastatin"] == {"current"}
    assert meds["simvastatin"] == {"historical"}
    assert meds["pregabalin"] == {"stopped"}
    doc = document(
        "[patient] no , not now . that was the armour thyroid , the one dr. fisher tried years ago . so we went back "
        "to the levothyroxine .\n[doctor] okay .\n"
    )
    assert "current" not in _labels(doc, "medication")["thyroid (usp)"]


def test_a_recap_says_what_stops_and_what_starts():
    doc = document(
        "[patient] sometimes an advil for my back , maybe once a week .\n"
        "[doctor] next , the water pill , the hydrochlorothiazide . it raises uric acid . so we're stopping it .\n"
        "[patient] okay .\n[doctor] and i'd rather you skip the advil too .\n[patient] okay .\n"
        "[doctor] so , to recap . allopurinol one hundred milligrams once a day , new . hydrochlorothiazide stopped , "
        "losartan fifty once a day instead .\n[patient] okay .\n"
    )
    meds = _labels(doc, "medication")
    assert meds["hydrochlorothiazide"] == {"stopped"}
    assert meds["ibuprofen"] == {"stopped"}
    assert meds["allopurinol"] == {"new"} and meds["losartan"] == {"new"}
    doc = document(
        "[doctor] the metformin , five hundred twice a day . if it upsets your stomach , we'll stop it .\n"
        "[patient] okay .\n[doctor] so to recap . lisinopril stopped , last dose this morning , and entresto twice a "
        "day from thursday evening .\n[patient] okay .\n"
    )
    meds = _labels(doc, "medication")
    assert meds["metformin"] == {"current"}
    assert meds["lisinopril"] == {"stopped"} and "stopped" not in meds["valsartan and sacubitril"]


def test_a_change_said_as_going_from_one_regimen_to_another():
    doc = document(
        "[doctor] the furosemide , the lasix , forty milligrams once a day .\n[patient] yes .\n[doctor] now , "
        "several medicine changes . first , the furosemide . we're going from forty milligrams once a day to forty "
        "milligrams twice a day .\n[patient] okay .\n[doctor] and we're switching to sacubitril valsartan , the "
        "brand is entresto .\n[patient] okay .\n"
    )
    changed = [f for f in doc["facts"] if f["kind"] == "medication" and f["status"] == "changed"]
    assert [(f["label"], f["attributes"]["per_day"]) for f in changed] == [("furosemide", 2.0)]
    meds = _labels(doc, "medication")
    assert "sacubitril" not in meds and "valsartan" not in meds and "valsartan and sacubitril" in meds


def test_options_laid_out_and_a_class_of_a_named_drug():
    doc = document(
        "[doctor] and you're still on the birth control pill ?\n[patient] yes , the loestrin . one every day .\n"
        "[doctor] with migraine with aura , the combined pill , the estrogen , raises the risk of stroke , so we stop "
        "the loestrin . there are good options without estrogen . a progestin-only pill , like norethindrone or "
        "drospirenone , or a hormonal iud .\n[patient] okay .\n"
        "[doctor] and the antibiotic from last month ?\n[patient] urgent care gave me nitrofurantoin , one hundred "
        "milligrams twice a day for five days . i finished it .\n[doctor] good .\n"
    )
    meds = _labels(doc, "medication")
    assert not {"norethindrone", "drospirenone", "estrogen", "anti-bacterial agents"} & set(meds)
    assert meds["nitrofurantoin"] == {"stopped"}
    assert any("ethinylestradiol" in label and s == {"stopped"} for label, s in meds.items())


def test_what_is_not_the_patients_reading_drug_or_history():
    doc = document(
        "[doctor] any problems ?\n[patient] the numbness in my feet .\n[patient_guest] and i have prediabetes , they "
        "told me last year .\n[doctor] labs : vitamin b twelve today . kidney function , the egfr , is seventy-two , "
        "that's okay . for the lows , if you're under seventy , four glucose tablets , recheck in fifteen minutes , "
        "repeat if still low .\n[patient] okay .\n"
    )
    kinds = {(f["kind"], f["label"]) for f in doc["facts"]}
    assert ("past_medical", "prediabetes") not in kinds
    assert not [k for k in kinds if k[0] == "medication"]
    assert not [f for f in doc["facts"] if f["kind"] == "vital" and f["label"] == "blood glucose"]
    results = [f["value"] for f in doc["facts"] if f["kind"] == "result"]
    assert results == ["Kidney function, the egfr, is 72."]


def test_certainty_of_a_condition_explained_and_of_one_confirmed_elsewhere():
    doc = document(
        "[doctor] okay , let me look at the labs from march . the urine albumin to creatinine ratio is forty-five . "
        "it could be the start of the diabetes affecting the kidneys .\n[patient] protein in the urine ?\n"
        "[doctor] so , to recap . type two diabetes , a1c eight point four . there's a condition called cardiac "
        "amyloidosis , i'm not saying you have it , but i want to rule it out .\n[patient] okay .\n"
    )
    dx = {f["label"]: f["attributes"].get("certainty") for f in doc["facts"] if f["kind"] == "assessment"}
    assert dx == {"type 2 diabetes": "confirmed", "cardiac amyloidosis": "possible"}


def test_french_stops_starts_and_products():
    doc = document(
        "[patient] ma femme m'a donné de l'ibuprofène , deux comprimés de quatre cents , le midi et le soir .\n"
        "[doctor] le traitement : de l'amoxicilline , le clamoxyl , un gramme trois fois par jour , matin , midi et "
        "soir , donc à peu près toutes les huit heures , pendant sept jours . l'ibuprofène , par contre , vous "
        "arrêtez . je vous propose des patchs de nicotine , vingt et un milligrammes , un patch par jour .\n"
        "[patient] d'accord .\n[doctor] je récapitule . plus d'ibuprofène .\n[patient] oui .\n",
        language="fr",
    )
    meds = _labels(doc, "medication")
    assert meds["ibuprofen"] == {"stopped"}
    assert meds["amoxicillin"] == {"new"} and meds["nicotine patch"] == {"new"}
    doc = document(
        "[patient] de l'ibuprofène , deux comprimés , le midi et le soir .\n[doctor] d'accord .\n", language="fr"
    )
    assert [f["attributes"]["per_day"] for f in doc["facts"] if f["kind"] == "medication"] == [2.0]


def test_take_backs_sites_and_relatives():
    doc = document(
        "[doctor] fever ?\n[patient] not really ... well , tom took my temperature on sunday , it was thirty-eight "
        "point nine .\n[patient] the foot is kind of numb , pins and needles .\n[doctor] any numbness in the groin , "
        "between the legs ?\n[patient] no .\n[doctor] okay .\n"
    )
    assert _symptoms(doc)["fever"] == {"present"}
    assert _symptoms(doc)["numbness"] == {"present"}
    # … but a temperature under 38 °C is no fever, and no denial of one either: the note says nothing
    doc = document(
        "[doctor] de la fièvre ?\n[patient] non ... enfin , hier soir j'ai pris ma température , j'avais trente-sept "
        "huit .\n[doctor] d'accord .\n",
        language="fr",
    )
    assert "fever" not in _symptoms(doc)
    doc = document(
        "[doctor] et dans la famille ? l'asthme , l'eczéma , les allergies ?\n[patient_guest] ma femme est "
        "asthmatique , et elle est allergique aux pollens , au rhume des foins . moi , j'avais de l'eczéma quand "
        "j'étais petit , ça a disparu vers dix ans .\n[doctor] d'accord . la sitagliptine ne donne pas "
        "d'hypoglycémie .\n",
        language="fr",
    )
    family = _labels(doc, "family_history")
    assert family == {"asthma": {"present"}, "allergic rhinitis": {"present"}, "eczema": {"present"}}
    assert not [f for f in doc["facts"] if f["kind"] == "assessment"]
