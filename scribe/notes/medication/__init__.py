"""Medication mentions: one drug named in a sentence, parsed with its clause into a typed Medication.

Pure functions (the drug library is read, nothing else), bilingual (en/fr), spoken or written numbers:

- `find_mentions(text)`: drug names (drug-named-entity-recognition: DrugBank/MeSH, brands, French
  spellings) with their character spans; `drug_token` maps French brands and accents first.
- `parse_mention(text, mentions, j, lang, ...)`: the j-th mention read in its scope (from the previous
  drug, or the start of its clause, to the next drug or the end of its clause): ingredient and brand,
  dose and unit, route, frequency (text and per day), as needed, maximum per day, duration, quantity,
  refills, status (new / current / changed / stopped) and prescriber (this clinician or another one).
  A mention is a medication only with medication context (a dose, a medication verb or word, or the
  answer to a medication question); a laboratory analyte ("uric acid was 9") without a dose is not.
- `read_attributes(text, lang)`: the same attributes in a follow-up sentence ("I'll prescribe 14 of
  those") or in the answer to a question about a drug.
- `render_medication(fact, lang)`: the note line in clinical register, only the attributes that were
  said ("Meloxicam (Mobic) 15 mg by mouth once daily, #14.").
- `number_spans(text)` / `number_values(text)`: numbers written or spoken, English and French
  ("1,000", "1 000", "one thousand", "mille", "a half", "une fois"), used by the grounding guard too.

The modules, each importing only those listed before it:
numbers (spoken and written numbers), names (drug names and dose units), frequency, attributes (what
is said with a drug), status (new / current / changed / stopped, prescriber), clause (the drug's scope
and medication context), follow_up (attributes said in a later sentence), mention (parse_mention), render (the
note line).
"""

from __future__ import annotations

from scribe.notes.medication.announced import announced_item, announces_starts
from scribe.notes.medication.attributes import Attributes, Found, read_attributes
from scribe.notes.medication.clause import (
    NOT_STARTING,
    considered_only,
    continues_with_cue,
    has_medication_context,
    hypothetical_in_clause,
    is_inquiry,
    is_lab_mention,
    is_medication_question,
    linked,
    patient_asks,
    put_off,
    weighed,
)
from scribe.notes.medication.follow_up import answer_attributes, follow_up_attributes
from scribe.notes.medication.frequency import Frequency, parse_frequency
from scribe.notes.medication.mention import (
    DOSE_JUDGED,
    Medication,
    anaphoric_change,
    corrected_later,
    named_by_class,
    owner_of_from_dose,
    parse_mention,
)
from scribe.notes.medication.names import (
    FRENCH_BRANDS,
    Mention,
    component_of,
    drop_glossed_classes,
    drug_token,
    find_mentions,
    is_brand,
    normalise_unit,
)
from scribe.notes.medication.numbers import Number, normalize, number_spans, number_values
from scribe.notes.medication.prescriber import other_prescriber
from scribe.notes.medication.questions import asks_what_was_tried, stopped_in_answer
from scribe.notes.medication.render import display_name, dose_text, duration_words, frequency_text, render_medication
from scribe.notes.medication.status import has_current_cue
from scribe.notes.medication.status_cues import ECHO, named_as_started
from scribe.notes.medication.tried import were_on_another
from scribe.notes.medication.whose import friend_names, not_the_patients_drug

__all__ = [
    "drop_glossed_classes",
    "anaphoric_change",
    "named_by_class",
    "named_as_started",
    "owner_of_from_dose",
    "announced_item",
    "announces_starts",
    "DOSE_JUDGED",
    "ECHO",
    "FRENCH_BRANDS",
    "Attributes",
    "Found",
    "Frequency",
    "Medication",
    "Mention",
    "Number",
    "answer_attributes",
    "asks_what_was_tried",
    "continues_with_cue",
    "corrected_later",
    "display_name",
    "dose_text",
    "duration_words",
    "drug_token",
    "find_mentions",
    "follow_up_attributes",
    "frequency_text",
    "has_current_cue",
    "has_medication_context",
    "component_of",
    "NOT_STARTING",
    "considered_only",
    "weighed",
    "were_on_another",
    "put_off",
    "friend_names",
    "not_the_patients_drug",
    "hypothetical_in_clause",
    "is_brand",
    "is_inquiry",
    "is_lab_mention",
    "is_medication_question",
    "linked",
    "normalise_unit",
    "normalize",
    "number_spans",
    "number_values",
    "other_prescriber",
    "parse_frequency",
    "parse_mention",
    "patient_asks",
    "read_attributes",
    "render_medication",
    "stopped_in_answer",
]
