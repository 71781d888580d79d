"""The message composer's rules, as data: limits, and the phrases its checks look for.

Why a module of its own: these are the guide's rules about messages (under 75 words, no request
for a job, say how you are connected, LinkedIn's note limits), written once here and handed to
the page as data. The page's script (composer.js) only runs them on what the student wrote.

The phrase rules are regular expressions in the common part of Python's and JavaScript's syntax
(no named groups, fixed-width look-behind only); the page compiles each with the "i" flag. They
are phrases, not single words, because single words flag innocent text ("Steve Jobs",
"job-shadowing", "get hired into residency programs") and miss real requests ("pass my resume
on"). tests/browser/test_composer.py runs every case through the page's script, and
tests/test_composer_data.py checks that Python reads each phrase the same way.

Each language has its own phrases and its own "you" and "I" words (RULES, read through
`rules_for(code)`); the limits are the same in every language. A language without phrase
rules (a centre's new language, before someone writes them) gets none, and the composer then
does not show the checks that need them. JavaScript's `\b` and `\\w` know only ASCII letters
(the page compiles without the "u" flag), so a phrase that starts or ends with a letter such as
"é" marks its edges with explicit look-arounds over `_LETTER`, which both languages read alike.
"""

from __future__ import annotations

from dataclasses import dataclass

# Dalton's second edition of "The 2-Hour Job Search" asks for a first request under 75 words
# (the first edition said under 100). A follow-up is a request too, so it keeps the same limit.
FIRST_REQUEST_WORDS = 75
# The guide asks for a *short* thank-you and update; 150 words still reads on one phone screen.
AFTER_MEETING_WORDS = 150

# LinkedIn's limits for the note on a connection request: 200 characters on a free account,
# 300 with Premium.
LINKEDIN_FREE = 200
LINKEDIN_PREMIUM = 300

# Words that name a job, ended so that "job-shadowing" is not read as "job".
_JOB = r"(?:jobs?|positions?|internships?)(?![\w\u2010\u2011-])"
# After "a" or "any" only these two: "a position to help" and "a role model" are innocent.
_A_JOB = r"(?:jobs?|internships?)(?![\w\u2010\u2011-])"
_CV = r"(?:resume|r\u00e9sum\u00e9|cv|c\.v\.)(?![\w\u00e9])"

# Phrases that turn a request for advice into a request for a job or for hiring.
JOB_PHRASES = (
    r"\b(?:any|job|open|current|available|vacant)\s+(?:openings?|vacanc(?:y|ies)|positions?"
    r"|roles?|internships?)(?![\w-])",
    r"\bvacanc(?:y|ies)\b",
    r"\b(?:are|is|be)\s+(?:\w+\s+){0,2}(?:hiring|recruiting)\b",
    r"\bhir(?:e|ing)\s+me\b",
    r"\b(?:pass|forward|send|share|hand|give)\s+(?:\w+\s+){0,2}my\s+" + _CV,
    r"\b(?:my\s+)?" + _CV + r"\s+(?:is\s+)?(?:attached|enclosed)\b",
    r"\b(?:attached|enclosed)\s+(?:is\s+)?my\s+" + _CV,
    r"\bget\s+me\s+(?:(?:a|an)\s+)?(?:job\s+)?(?:interview|" + _JOB + r")",
    r"\b(?:give|offer|find)\s+me\s+(?:a|an)\s+" + _JOB,
    r"\b(?:looking|apply|applying|ask|asking|hoping)\s+for\s+(?:a|an)\s+" + _JOB,
    r"\bjobs?\s+(?:offers?|opportunit(?:y|ies)|openings?)\b",
    r"\b(?:jobs|internships|positions)\s+(?:at|with|in)\s+your\b",
    r"\b(?:a|any)\s+" + _A_JOB,
    r"\brefer\s+me\b",
    r"\bput\s+in\s+a\s+(?:good\s+)?word\s+for\s+me\b",
)

# Phrases that say how the student is connected or why they chose this person. The
# connection check passes when the first sentence holds one of them, or the words typed
# in the "How you are connected" box.
CONNECTION_PHRASES = (
    r"\b(?:suggested|recommended|referred|introduced|mentioned)\b",
    r"\bgave\s+me\s+your\s+(?:name|address|details|email)\b",
    r"\b(?:we|I)\s+met\b",
    r"\bmet\s+you\b",
    r"\bI\s+(?:read|saw|heard|watched|listened\s+to|follow|found)\b",
    r"\byour\s+(?:talk|article|post|book|paper|blog|podcast|interview|presentation|lecture"
    r"|career|profile|work\s+on)\b",
    r"\b(?:alumn(?:us|a|i|ae)|graduate\s+of|fellow|also\s+stud(?:y|ied)|member\s+of)\b",
    r"\b(?:told\s+me|pointed\s+me|put\s+me\s+in\s+touch)\b",
)

YOU_WORDS = ("you", "your", "yours", "yourself")
ME_WORDS = ("i", "me", "my", "mine", "myself")


# Letters of the Latin alphabets, accented ones included, as both regular expression engines read
# them without flags; a phrase's edge is "not next to one of these".
_LETTER = r"0-9A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_START = rf"(?<![{_LETTER}])"
_END = rf"(?![{_LETTER}\u2010\u2011-])"
# The rest of a word ("envoie", "envoyé"): `\w*` would stop at "é" in JavaScript only.
_LETTERS = rf"[{_LETTER}]*"
# French job words: "un poste", "un stage" (not "un stage d'observation", which is job
# shadowing), "un emploi", "une alternance", "un CDI"...
_FR_JOB = (r"(?:postes?|emplois?|stages?(?!\s+d['\u2019]observation)|jobs?|boulots?"
           r"|alternances?|CDI|CDD)" + _END)
_FR_CV = r"(?:CV|C\.V\.|curriculum(?:\s+vitae)?)" + _END

FRENCH_JOB_PHRASES = (
    _START + r"(?:un|une)\s+" + _FR_JOB,
    _START + r"(?:offres?|propositions?)\s+d['\u2019](?:emploi|embauche|stage)" + _END,
    _START + r"postes?\s+(?:vacants?|disponibles?|ouverts?|libres?|à\s+pourvoir)" + _END,
    _START + r"(?:recrutez|embauchez)(?:[-\s]+(?:vous|moi))?" + _END,
    _START + r"(?:m['\u2019]embaucher|me\s+recruter|m['\u2019]engager)" + _END,
    _START + r"(?:transmet|envo|fai|donn|partag)" + _LETTERS + r"(?:\s+passer)?\s+(?:\S+\s+){0,2}"
    r"mon\s+" + _FR_CV,
    _START + r"(?:mon\s+)?" + _FR_CV + r"\s+(?:est\s+)?(?:en\s+pi[eè]ce\s+jointe|joint|ci-joint)"
    + _END,
    _START + r"(?:ci-joint|vous\s+trouverez)\s+(?:\S+\s+){0,2}mon\s+" + _FR_CV,
    _START + r"me\s+(?:recommander|coopter|pistonner)" + _END,
    _START + r"(?:glisser|dire)\s+un\s+mot\s+(?:pour\s+moi|en\s+ma\s+faveur)" + _END,
)

# "Mme Silva m'a suggéré de vous écrire", "j'ai lu votre article", "nous nous sommes rencontrés".
FRENCH_CONNECTION_PHRASES = (
    _START + r"(?:recommandée?s?|suggérée?s?|conseillée?s?|orientée?s?|présentée?s?"
    r"|mise?\s+en\s+(?:contact|relation))" + _END,
    _START + r"m['\u2019]a\s+(?:donné|transmis|parlé|suggéré|conseillé|recommandé|indiqué)" + _END,
    _START + r"(?:nous\s+nous\s+sommes\s+(?:rencontrée?s|croisée?s|parlé)"
    r"|nous\s+avons\s+(?:fait\s+connaissance|échangé)|je\s+vous\s+ai\s+rencontrée?)" + _END,
    _START + r"j['\u2019](?:ai\s+)?(?:lu|vu|entendu|écouté|suivi|trouvé|découvert|assisté)" + _END,
    _START + r"je\s+(?:suis|lis)\s+(?:vos|votre)" + _END,
    _START + r"(?:votre|vos)\s+(?:article|conférence|intervention|publication|post|livre|blog"
    r"|podcast|entretien|présentation|parcours|profil|travail|travaux)s?" + _END,
    _START + r"(?:ancien|ancienne|anciens|anciennes|diplômée?s?\s+de|membre\s+de|comme\s+vous)"
    + _END,
    _START + r"de\s+la\s+part\s+de" + _END,
)

FRENCH_YOU_WORDS = ("vous", "votre", "vos", "vôtre", "vôtres")
# The page splits "j'ai" into "j" and "ai", so "j" is counted as "I".
FRENCH_ME_WORDS = ("je", "j", "moi", "mon", "ma", "mes")


@dataclass(frozen=True)
class Rules:
    """One language's phrase rules for the composer's checks; empty when it has none."""

    job_phrases: tuple[str, ...] = ()
    connection_phrases: tuple[str, ...] = ()
    you_words: tuple[str, ...] = ()
    me_words: tuple[str, ...] = ()


# Language code -> its rules. English is the rules above, as they always were.
RULES: dict[str, Rules] = {
    "en": Rules(JOB_PHRASES, CONNECTION_PHRASES, YOU_WORDS, ME_WORDS),
    "fr": Rules(FRENCH_JOB_PHRASES, FRENCH_CONNECTION_PHRASES, FRENCH_YOU_WORDS, FRENCH_ME_WORDS),
}


def rules_for(code: str) -> Rules:
    """The rules of a language ("fr", or "fr-CA" read as "fr"); none for a language without
    rules, whose composer then leaves out the checks that need them."""
    return RULES.get(code) or RULES.get(code.split("-")[0].split("_")[0].lower()) or Rules()
