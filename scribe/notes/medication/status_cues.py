"""Cues around a drug mention that change its status or what is read with it (read by mention.parse_mention)."""

from __future__ import annotations

import re

from scribe.notes.medication.questions import FINISHED_FR
from scribe.notes.medication.stop_words import STOPPED_BARE

# Past a stopped drug, the next order, whose drug the recogniser may have lost: "stop the ibuprofen I'm
# prescribing an applause [naproxen] 500 milligrams", "stop the ibuprofen, for good, it am enough [tylenol] 1 g".
NEXT_ORDER = re.compile(
    r",\s*(?:for|and|then|so|et|puis|pour)\b|\b(?:i'm|i am|i'll|i will|we're|we'll|we will|let's|je vous)\s+"
    r"(?:going to\s+)?(?:prescri|start|giv|switch|add|put|donne|mets)\w*",
    re.I,
)
# a drug named after a stopped one, taken in its place: "stop the ibuprofen, tylenol instead", "…, paracétamol si
# besoin"
INSTEAD_OR_AS_NEEDED = re.compile(
    r"\W*(?:instead|à la place|plutôt|si besoin|au besoin|en cas de besoin|as needed|if needed|when needed|"
    r"replaces (?:it|that|them)|will replace|remplace)\b",  # "no more spiriva, the trelegy replaces it"
    re.I,
)
# another clinician's past course: "they sent you home with", "the er gave you", "ils vous ont donné"
SENT_HOME_WITH = re.compile(
    r"\b(?:sent (?:you|him|her|me) home with|(?:gave|prescribed) (?:you|him|her|me)|vous ont (?:donné|prescrit)|"
    r"m'ont (?:donné|prescrit))\b[^.;]{0,40}$",
    re.I,
)
# someone else's prescription: "his prescription is for him, and ambien with lorazepam is a dangerous combination"
SOMEONE_ELSES = re.compile(
    r"\b(?:his|their|(?!doctor|dr|pharmacist|today|tonight|week|month|year)[a-z]+'s)\s+(?:prescriptions?|pills?)\b",
    re.I,
)
# a stop told as past: "on l'a arrêté à cause de ça" (two years ago), "we stopped it after the hospital"
STOPPED_BEFORE = re.compile(
    r"\b(?:on l'a|qu'on a|on a|je l'ai|nous l'avons|avait été|a été|we|they|i) (?:arrêtée?s?|stopped|had stopped)\b",
    re.I,
)
# the turn that named the drug goes on to stop it: "it didn't help, so i stopped it", "oh, that was stopped"
STOPPED_IT = re.compile(
    r"\b(?:i|we|she|he|they|you)\s+(?:\w+\s+)?(?:stopped|quit|discontinued)\s+(?:taking\s+|using\s+)?(?:it|them|that)\b|"
    r"\b(?:i|we|she|he)\s+(?:finished|completed)\s+(?:it|them|that|the course)\b|"  # "i finished it on sunday"
    r"\b(?:that|it|they) (?:was|were|got|has been|have been) (?:stopped|discontinued)\b|"  # "oh, that was stopped"
    r"\b(?:i|we|she|he)\s+(?:didn't|did not|never)\s+finish(?:ed)?\s+(?:it|them|the course)\b|"
    + STOPPED_BARE  # "so i stopped."
    + r"|"
    r"\bje l'ai arrêté\w*|\bj'ai arrêté\b|"
    r"\b(?:i|she|he) (?:took|was on|used) (?:it|them) (?:for )?(?:about |around )?(?:a|an|\w+) "
    r"(?:years?|months?|weeks?) and (?:then )?(?:stopped|quit)\b|"  # "i took it about a year and then stopped"
     + FINISHED_FR.pattern,
    re.I,
)

# the clinician's decision, opening its sentence (not "if it bothers you, we'll stop it")
WE_STOP_IT = re.compile(
    r"^\W*(?:(?:so|and|then|alors|donc)\W+)?(?:(?:we're|we are|i'm|i am|we'll|we will|i'll|i will|let's)\s+"
    r"(?:going to\s+)?(?:stop|stopping|discontinu\w*)\s+(?:it|that|them)\b|(?:on|je) (?:va |vais )?l'arrêt\w*|"
    r"i (?:want|need|'d like) you to stop (?:it|that|them|taking (?:it|that|them))\b)",
    re.I,
)

# the clinician confirms a stop the patient just told of: "au début vous m'aviez mis le coversyl" "et il a fallu
# l'arrêter"
HAD_TO_STOP = re.compile(
    r"^\W*(?:(?:and|so|et|donc)\W+)?(?:il a fallu l'arrêter|on a dû l'arrêter|(?:we|you|they) had to stop it|"
    r"(?:that|it) was stopped|(?:vous|on) l'a(?:vez)? arrêtée?)\b",
    re.I,
)


# a question about other drugs than the one it names
OTHER_THAN = re.compile(
    r"\b(?:other than|besides|apart from|except|autre chose que|à part|en dehors d[eu'])\s*"
    r"(?:the |your |le |la |l'|les |du |de la )?$",
    re.I,
)
# the clinician's reply opening on a yes: what follows repeats the patient's account ("oui, le pivmécillinam, …")
ECHO = re.compile(r"^\W*(?:yes|yeah|right|okay|ok|oui|d'accord|exactement|exactly)\b\W+(?:the |le |la |l')?", re.I)
# the patient asks what to take, or whether a drug may be taken: the clinician's reply recommends it
WHAT_TO_TAKE = re.compile(
    # (not "could i take that instead?": the drug the patient just named, a friend's, asked about)
    r"\b(?:what (?:do|should|can|could)|can|could|may) (?:i|we|he|she) (?:take|use|give)\b"
    r"(?!\s+(?:that|it|this|those|these|them|hers|his|the same|(?:one|some) of (?:hers|his|them))\b)|"
    r"\bqu'est-ce que (?:je|on) (?:prends|prend|peux prendre|peut prendre|dois prendre|lui donne)\b|"
    r"\bje prends quoi\b|\b(?:je peux|est-ce que je peux|puis-je) (?:prendre|lui donner)\b"
    r"(?!\s+(?:ça|cela|le même|la même|les mêmes|le sien|la sienne)\b)",
    re.I,
)


# the clinician names the drug just started: "you're going to start with a long-acting insulin, one shot a day. it's
# called insulin glargine, the brand is lantus or basaglar"
_NAMED_AS = re.compile(
    r"\b(?:it's called|it is called|the brand is|ça s'appelle|c'est du|c'est de la)\s+[^.;]{0,30}$", re.I
)
_STARTED = re.compile(r"\b(?:start\w*|commenc\w*|démarr\w*|on (?:va )?(?:vous )?mettre)\b", re.I)


def named_as_started(before: str, turn_before: str) -> bool:
    """The drug after `before` names what the turn's previous sentence (`turn_before`) starts."""
    return bool(_NAMED_AS.search(before[-60:]) and _STARTED.search(turn_before))


# the patient only acknowledges ("okay ."), and the clinician's next turn opens with the regimen of the drug just
# named, without its name: "for the flare, colchicine. …" "okay." "then starting tomorrow, one tablet, zero point six
# milligrams, twice a day"
ACKNOWLEDGES = re.compile(
    r"^\W*(?:(?:okay|ok|alright|all right|mm-?hmm|uh-huh|yes|yeah|right|sure|fine|good|got it|d'accord|oui|bien|"
    r"entendu|très bien|ça marche)\W*){1,3}$",
    re.I,
)
REGIMEN_GOES_ON = re.compile(
    r"^\W*(?:(?:and )?then|after that|puis|ensuite|et après)\b[^.;?]{0,30}?\b(?:\d+|one|two|half|a half|un|une|deux)\b"
    r"[\w\s,-]{0,20}?\b(?:tablets?|capsules?|pills?|milligrams?|mg|comprimés?|gélules?|milligrammes?)\b",
    re.I,
)
# the first dose given in the room: "i'll give you the first dose now, here: two tablets, …"; its amount is not the
# regimen taken at home, but it starts the drug named just before ("for the flare, colchicine.")
FIRST_DOSE_HERE = re.compile(
    r"\b(?:(?:the|a|your) first dose|a dose|the loading dose|(?:une|la) première (?:dose|prise)|une dose)\b[^.;?]{0,25}"
    r"\b(?:now|here|right now|maintenant|tout de suite|ici)\b",
    re.I,
)
# a drug the clinician suggests ("i'd suggest propranolol."), and the turn, later, that adopts it with its regimen once
# the other options are set aside ("so then, my suggestion stands: the long-acting capsule, eighty milligrams, …")
SUGGESTS = re.compile(
    r"\b(?:i'd|i would|i) (?:suggest|recommend|propose)\s*$|"
    r"\bje (?:vous )?(?:propose(?:rais)?|suggère|conseille(?:rais)?)\s*(?:le |la |l'|du |de la )?$",
    re.I,
)
SUGGESTION_STANDS = re.compile(
    r"\b(?:my|the|that) (?:suggestion|recommendation|proposal) stands\b|\b(?:we'll|let's) go with (?:my suggestion|"
    r"that|it)\b|\bje maintiens (?:ma proposition|mon conseil)\b|\bma proposition (?:tient|reste)\b",
    re.I,
)
# the next drug replaces the one just stopped: "on arrête le flixotide, et on passe au symbicort", "stop the zoloft and
# switch to lexapro"
SWITCH_TO = re.compile(
    r"\b(?:on passe (?:à|au|aux)|on va passer (?:à|au|aux)|passons (?:à|au|aux)|switch(?:ing)? (?:you )?(?:over )?to|"
    r"replace (?:it|that|them) with|remplac\w* par)\s*(?:the |le |la |l'|les )?$",
    re.I,
)
