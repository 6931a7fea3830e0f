"""The largest single dose an adult is usually given of common drugs, by mouth unless said otherwise, from their
labels (FDA / ANSM). A dose in the note above it is far more often a misheard number ("plaquenil, two hundred"
heard as "plaque 1,200") or two numbers run together than a prescription, so the note sentence is flagged for the
clinician to verify; nothing is changed or removed. Drugs whose doses span too much (insulin, furosemide,
opioids, loading doses) are left out: no range is better than a wrong one."""

from __future__ import annotations

# ingredient (the fact's label, lower case) -> largest usual single dose in mg
MAX_SINGLE_DOSE_MG = {
    "acetaminophen": 1000,
    "acyclovir": 800,
    "allopurinol": 800,
    "amlodipine": 10,
    "amoxicillin": 1000,
    "apixaban": 10,
    "aspirin": 1000,
    "atorvastatin": 80,
    "azithromycin": 2000,
    "biotin": 10,
    "bisoprolol": 20,
    "carvedilol": 50,
    "cefdinir": 600,
    "cephalexin": 1000,
    "cetirizine": 10,
    "ciprofloxacin": 750,
    "citalopram": 40,
    "clarithromycin": 500,
    "codeine": 60,
    "colchicine": 1.2,
    "dabigatran": 150,
    "dapagliflozin": 10,
    "desogestrel": 0.075,
    "diclofenac": 100,
    "diphenhydramine": 50,
    "doxycycline": 200,
    "empagliflozin": 25,
    "enalapril": 40,
    "escitalopram": 20,
    "finasteride": 5,
    "fluoxetine": 80,
    "gabapentin": 1200,
    "hydrochlorothiazide": 50,
    "hydroxychloroquine": 400,
    "hydroxyzine": 100,
    "ibuprofen": 800,
    "irbesartan": 300,
    "levonorgestrel": 1.5,
    "levonorgestrel intrauterine system": 0.02,  # released a day
    "levothyroxine": 0.3,
    "lisinopril": 80,
    "loratadine": 10,
    "losartan": 100,
    "lymecycline": 408,
    "melatonin": 10,
    "meloxicam": 15,
    "metformin": 2000,
    "methotrexate": 25,
    "metoprolol": 400,
    "montelukast": 10,
    "naproxen": 550,
    "nitrofurantoin": 100,
    "omeprazole": 40,
    "pantoprazole": 40,
    "paroxetine": 60,
    "perindopril": 16,
    "pravastatin": 80,
    "prednisolone": 100,
    "prednisone": 100,
    "pregabalin": 300,
    "propranolol": 160,
    "ramipril": 20,
    "rivaroxaban": 20,
    "rizatriptan": 10,
    "rosuvastatin": 40,
    "sertraline": 200,
    "simvastatin": 80,
    "sitagliptin": 100,
    "sumatriptan": 100,
    "tamsulosin": 0.8,
    "thiocolchicoside": 8,
    "tramadol": 100,
    "tranexamic acid": 1500,
    "valacyclovir": 2000,
    "valsartan": 320,
    "warfarin": 15,
    "zolpidem": 10,
}
_TO_MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001}


def in_mg(dose: str | float | None, unit: str | None) -> float | None:
    """The dose in milligrams when its unit is a mass ("1 g" is 1000 mg), else None."""
    if dose is None or unit not in _TO_MG:
        return None
    try:
        return float(dose) * _TO_MG[unit]
    except ValueError:
        return None


def above_usual(label: str, dose: str | float | None, unit: str | None) -> float | None:
    """The usual largest single dose (mg) when `dose` `unit` of the drug is above it, else None."""
    top = MAX_SINGLE_DOSE_MG.get((label or "").lower())
    mg = in_mg(dose, unit)
    if top is None or mg is None:
        return None
    return top if mg > top * 1.001 else None
