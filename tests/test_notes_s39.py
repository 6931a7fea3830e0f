"""Session 39: what the physician's audit of written23 found, each on a short dialogue through the real engine: whose
drug or disease (a companion named or greeted, a spouse asked about, "ray's symbicort", a relative's drug the clinician
echoes), drugs only offered, refused, put off or tried before, a stop decided later, an order put off to the next visit,
certainty ("not excluding", "very unlikely", "flu and covid negative"), values and doses ("eight point nine six weeks
ago", an insulin's carbohydrate ratio, "up to forty milligrams twice a day")."""

from __future__ import annotations

from scribe.notes.medication import find_mentions
from scribe.notes.number_words import numbers_to_digits
from tests.test_notes_s33 import _meds
from tests.test_notes_s36 import _problems
from tests.test_notes_s37 import _lines


def test_a_decimal_said_before_a_length_of_time_keeps_its_digits_apart():
    said = "tsh eleven point two last week , up from eight point nine six weeks ago , and three point one two years ago"
    assert numbers_to_digits(said) == "tsh 11.2 last week , up from 8.9 6 weeks ago , and 3.1 2 years ago"
    assert numbers_to_digits("creatinine one point two five today") == "creatinine 1.25 today"


def test_what_a_companion_or_a_relative_takes_is_not_the_patients():
    husband = (
        "[doctor] hello , mrs duval . and you must be mister duval .\n"
        "[patient_guest] ray . yes .\n"
        "[doctor] so , for the recording , this is carol duval , sixty-six years old , with copd .\n"
        "[patient] no . well , ray has his own , the symbicort .\n"
        "[doctor] carol , you haven't used ray's symbicort ?\n"
        "[patient] never .\n"
        "[doctor] outside only , and talk to your doctor about quitting . there's good help , patches , varenicline . "
        "that's for your doctor to prescribe for you .\n"
    )
    meds = _meds(husband)
    assert "budesonide/formoterol" not in meds and "varenicline" not in meds, meds
    son = (
        "[doctor] good afternoon , mister brennan . and you brought your son .\n"
        "[patient_guest] mike . i drive him now .\n"
        "[doctor] nice to meet you , mike . so for the recording , this is walter brennan , seventy-four years old , "
        "heart failure .\n"
        "[patient_guest] can i ask something ? i'm on atorvastatin , forty milligrams . and my gout , it flared last "
        "week , i'm on allopurinol .\n"
        "[doctor] those are really good questions , mike , but your atorvastatin and your gout are for your own "
        "doctor . i'd say don't stop the atorvastatin on your own .\n"
    )
    assert "gout" not in _problems(son), _problems(son)
    assert not [line for line in _lines(son) if "atorvastatin" in line.lower()], _lines(son)
    father = (
        "[doctor] and family history , heart problems , strokes ?\n"
        "[patient] my dad . he had atrial fib too , and he was on warfarin , the coumadin , and he had a stroke "
        "anyway .\n"
        "[doctor] i'm sorry . so the stroke was a bleed while he was on warfarin .\n"
    )
    assert "warfarin" not in _meds(father), _meds(father)
    brother = (
        "[patient] my brother . older brother . he had a disc , and he ended up having a spinal fusion .\n"
        "[doctor] how's he doing ?\n"
        "[patient] okay . he still takes the lyrica , the pregabalin , for the nerve pain .\n"
    )
    assert "pregabalin" not in _meds(brother), _meds(brother)


def test_a_spouses_history_and_drugs_stay_theirs_unless_the_patient_took_some():
    wife = (
        "[doctor] okay . now , your wife . you said on the phone something about her ?\n"
        "[patient] yeah , that's why i'm worried . she had mrsa last year , a boil on her thigh . they had to drain it "
        "and she took antibiotics . bactrim , i think .\n"
        "[doctor] cephalexin , five hundred milligrams , four times a day , for seven days .\n"
    )
    assert "furuncle" not in _problems(wife), _problems(wife)
    meds = _meds(wife)
    assert "cephalexin" in meds and not any("sulfamethoxazole" in m or "trimethoprim" in m for m in meds), meds
    named = (
        "[doctor] good morning , mr. kowalski . and this is ?\n"
        "[patient] my wife , helen . she insisted on coming .\n"
        "[patient] okay , so ... helen takes a pill for her bladder , she has the overactive bladder . oxybutynin .\n"
    )
    assert "overactive bladder" not in _problems(named), _problems(named)


def test_offered_refused_or_put_off_drugs_and_orders_are_not_given_today():
    refused = (
        "[doctor] pour les symptômes , je peux vous proposer un bêtabloquant , du propranolol , quarante "
        "milligrammes , matin et soir .\n"
        "[patient] euh ... non , je préfère pas . je n'aime pas trop prendre des médicaments pour le cœur .\n"
        "[doctor] c'est tout à fait votre choix , on ne le prescrit pas .\n"
    )
    assert "propranolol" not in _meds(refused, "fr"), _meds(refused, "fr")
    deferred = (
        "[doctor] there's another medicine , finasteride , that shrinks the prostate . i'm not starting it today .\n"
        "[doctor] and at the next visit , if your kidneys are okay , we'll talk about switching the lisinopril to "
        "sacubitril valsartan , the entresto . not today .\n"
        "[doctor] and you're due for the pneumonia vaccine booster , we'll do it at the next visit , not today .\n"
    )
    meds = _meds(deferred)
    assert "finasteride" not in meds and not any("sacubitril" in m for m in meds), meds
    assert any("vaccine at the next visit" in line for line in _lines(deferred)), _lines(deferred)
    hold = (
        "[doctor] i'm going to start apixaban , five milligrams twice a day .\n"
        "[doctor] once you've been on apixaban a few weeks , they'll tell you when to hold the apixaban before "
        "surgery . don't stop it on your own .\n"
    )
    assert _meds(hold)["apixaban"][0] == "new", _meds(hold)


def test_drugs_taken_before_the_visit_are_not_current():
    dialogue = (
        "[doctor] and you were on another inhaler before the spiriva , if i remember .\n"
        "[patient] the advair , the purple disk . it gave me thrush , so the lung doctor stopped it .\n"
        "[doctor] right , i see it in the chart , fluticasone salmeterol , stopped for thrush . and last month you "
        "went to urgent care ?\n"
        "[patient] yes , for a chest cold . they gave me the azithromycin , the z-pack , five days . it got better .\n"
    )
    meds = _meds(dialogue)
    assert meds["azithromycin"][0] == "historical", meds
    assert not [line for line in _lines(dialogue) if line.startswith(("Stop", "- Stop"))], _lines(dialogue)
    french = (
        "[doctor] vous êtes sous lantus depuis quand ?\n"
        "[patient] deux ans . avant j'avais le levemir , deux fois par jour , mais j'oubliais celle du matin .\n"
    )
    assert _meds(french, "fr").get("insulin detemir", ("historical",))[0] == "historical", _meds(french, "fr")


def test_certainty_follows_what_the_clinician_concludes():
    cancer = (
        "[doctor] the exam doesn't feel like cancer , but an exam can't exclude it . we check the psa .\n"
        "[doctor] i'm not excluding prostate cancer until we have the result .\n"
    )
    assert _problems(cancer).get("cancer", ("", ""))[1] != "absent", _problems(cancer)
    negative = "[doctor] so to summarize . copd flare , no pneumonia on the x-ray , flu and covid negative .\n"
    assert _problems(negative).get("covid-19", ("", "absent"))[1] == "absent", _problems(negative)
    unlikely = (
        "[doctor] i did think about whether these could be mini-strokes , a tia .\n"
        "[doctor] but the symptoms march slowly , and your exam is normal . so a tia is very unlikely .\n"
    )
    assert "transient ischemic attack" not in _problems(unlikely), _problems(unlikely)
    bipolar = (
        "[doctor] il n'y a pas de signes de psychose , et pas d'épisodes d'excitation , donc pas d'argument pour un "
        "trouble bipolaire .\n"
    )
    assert _problems(bipolar, "fr").get("bipolar disorder", ("", "absent"))[1] == "absent", _problems(bipolar, "fr")
    strain = "[doctor] and the bnp , which measures strain on the heart , is eight hundred ninety .\n"
    assert "muscle strain" not in _problems(strain), _problems(strain)


def test_doses_read_as_said():
    recap = "[doctor] so to summarize . furosemide up to forty milligrams twice a day , start spironolactone .\n"
    lines = _lines(recap)
    assert not [line for line in lines if "maximum 40" in line or "up to 40 mg a day" in line], lines
    insulin = "[patient] lantus vingt-deux unités le soir . et novorapid , une unité pour dix grammes de glucides .\n"
    lines = _lines(insulin, "fr")
    assert not [line for line in lines if "20 g" in line or "10 g" in line], lines
    assert [m.name for m in find_mentions("and the hyzaar , once a day")] == ["Losartan/hydrochlorothiazide"]
