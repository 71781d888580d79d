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
"""

from __future__ import annotations

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
