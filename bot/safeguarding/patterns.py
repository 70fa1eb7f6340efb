"""Hand-written risk patterns: the floor under the risk classifier.

Run on text normalised by :func:`bot.themes.features.normalise` (lower case,
no accents, letter runs squashed), so "kill myselff" and "ciąłem" match
"kill myself" and "cialem".  Patterns are deliberately about the writer or a
named other person *now*; figures of speech ("this wait is killing me") are
caught by :data:`FIGURES_OF_SPEECH` and only ever suppress a pattern hit,
never the classifier.
"""
from __future__ import annotations

import re

from ..themes.features import normalise

_ME = r"(?:my ?self|myslef|meself|me self)"

PATTERNS: dict[str, list[str]] = {
    "suicide": [
        rf"\b(?:kill|killin|killing|end|ending|top|toppin|topping|hang|hangin|hanging|neck|off) {_ME}\b",
        r"\bkms\b", r"\bend (?:it|it all|my life|things)\b", r"\b(?:want|wanna|wana|going|gonna|gunna) to die\b",
        r"\b(?:wanna|want to|wish i (?:was|were)|rather be|better off) dead\b", r"\bsuicid",
        r"\bnot be here (?:much )?(?:longer|tomorrow|anymore)\b", r"\bno point (?:in )?(?:living|going on|anymore)\b",
        r"\bwhats the point (?:anymore|of living|of anything)\b", r"\bgoodbye (?:note|letter)s?\b",
        r"\b(?:noose|ligature)\b", r"\btake my (?:own )?life\b", r"\bnobody would (?:notice|care|miss me)\b",
        # Welsh, Polish, Romanian, Spanish, Portuguese, Lithuanian, Albanian, Vietnamese
        r"\blladd fy hun\b", r"\b(?:zabic sie|zabije sie|powiesic sie|skoncze ze soba)\b", r"\blisty? pozegnaln",
        r"\b(?:ma sinucid|sa ma omor|vreau sa mor)\b", r"\b(?:matarme|suicidarme|quiero morir(?:me)?)\b",
        r"\b(?:me matar|quero morrer|acabar com (?:a )?minha vida)\b", r"\b(?:nusizudyti|nusizudysiu|noriu mirti)\b",
        r"\b(?:te vras veten|vras veten|dua te vdes)\b", r"\b(?:tu sat|muon chet|chan song|treo co)\b",
        # Vietnamese "tự tử" (suicide) reads "tu tu" without its marks, like "từ từ"
        # (slowly): only after a person, or a word that makes it an intention.
        r"\b(?:toi|tao|no|em|anh|tui|minh|ho|ong|ba|chi) (?:se |muon |dinh |tinh |sap )?tu tu\b",
        r"\b(?:muon|dinh|tinh|nghi den|nghi toi) tu tu\b",
        # Goodbye letters and hanging, across languages.
        r"\b(?:scrisori|scrisoare) de adio\b", r"\bcartas? de despedida\b", r"\bthu vinh biet\b",
        r"\batsisveikinimo laisk", r"\blet[eë]r lamtumir", r"\b(?:vreau|o) sa ma spanzur\b",
        r"\bme (?:enforcar|ahorcar)\b",
        # Arabic, Urdu, Sorani, Punjabi (after normalisation)
        r"(?:انتحر|اقتل نفسي|اموت وارتاح|بدي موت)", r"(?:خودکشی|خود کشی|مرنا چاہتا)",
        r"(?:خۆم بکوژم|خۆکوشتن)", r"(?:ਖੁਦਕੁਸ਼ੀ|ਆਤਮਹੱਤਿਆ|ਮਰਨਾ ਚਾਹੁੰਦਾ)",
        # The same, typed in Latin letters as many people text them (Urdu and
        # Punjabi, Arabic "Arabizi", Sorani).
        r"\bkhu?d ?k[ua]sh[iy] kar", r"\bkhud ko (?:maar|mar|khatam)", r"\bmarna chah(?:ta|ti|unda|undi)\b",
        r"\b(?:inta7ar|ente7ar|enta7ar|intihar)\w*", r"\b(?:a2tol|a2tel|aktol|2atel) (?:7ali|nafsi)\b",
        r"\b(?:bdi|baddi|bidi|biddi) (?:mout|mut|moot)\b",
        r"\b(?:xom|khom) (?:bkujm|bkuzhm|bkozhm)\b", r"\b(?:xokusht|khokusht)\w*",
    ],
    "self_harm": [
        rf"\b(?:cut|cuttin|cutting|burn|burnin|burning|hurt|hurting|harm|harming|scratch|scratching|stab|stabbing) {_ME}\b",
        # Not "video calls keep cutting out" or "cutting down on".
        r"\b(?:been|started|keep|keeps|am|im|i m) (?:cut+in|cut+ing|cutting)\b(?! (?:out|off|short|down|back|in)\b)",
        r"\bcut+(?:in|ing)? (?:up )?(?:again|agen)\b", r"\bself ?harm(?:ing)?\b(?! (?:years ago|in the past|when i was))",
        r"\bfeel like cut+ing\b", r"\bhead ?bang(?:ing)? (?:the|my) (?:wall|door)\b",
        r"\b(?:tne sie|cialem sie znowu|okaleczam)\b", r"ਨਾੜ ਕੱਟ", r"\b(?:ma tai|ma ranesc)\b", r"\b(?:cortarme|me corto)\b",
        r"\b(?:me cortar|me corto)\b",
    ],
    "overdose_medical": [
        r"\b(?:overdos\w*|od d|o d ing)\b(?! on (?:porridge|tea|sugar|carbs))",
        r"\bswallow(?:ed)? (?:a (?:load|handful|bunch) of |all (?:my|the) )?(?:pills|tablets|meds|batteries|razor)\b",
        r"\b(?:fitting|having a fit|seizure|unconscious|unresponsive|not breathing|cant breathe|can t breathe|collapsed|turning blue|choking)\b",
        r"\bchest pains?\b", r"\bspiced? (?:out|up) and (?:not|wont)\b",
        r"\b(?:took|taken|had) (?:way )?too (?:much|many) (?:meds|pills|tablets|methadone|subutex|spice|of)\b",
        r"\bprea mult\w* (?:metadona|pastile|medicamente|spice)\b", r"\bdemasiad\w* (?:pastillas|metadona)\b",
        r"\bza duzo (?:tabletek|metadonu|lekow)\b", r"\bqua lieu\b",
        r"\b(?:vomit\w*|throwing up|puking|coughing up|spitting) blood\b", r"\bchwydu gwaed\b", r"\bwymiotuj\w* krwia\b",
        r"\b(?:przedawkowal|nie oddycha|zemdlal)\b", r"\b(?:sobredosis|no respira)\b", r"\b(?:overdose|nao respira)\b",
    ],
    "abuse": [
        r"\b(?:rape|raped|raping|rapped|sexually assault\w*|touching me|touched me|groped?)\b",
        r"\b(?:made|make|making|forced?|forcing) (?:me|us) (?:to )?(?:do (?:sexual|stuff|things)|hold|carry|plug|test|have sex)\b",
        r"\b(?:beat|beating|beats|batter(?:s|ed|ing)?|roughs?) (?:me|us) up\b", r"\btaxing me\b",
        r"\bin debt and (?:they|he|she)\b", r"\b(?:used|using me) as a (?:mule|runner)\b", r"\b(?:they|he|she) (?:took|takes|take) my (?:pin|canteen|meds)\b",
        r"\b(?:gwalcil|zgwalcili|wykorzystal mnie)\b", r"\b(?:violada|violaron|me violo)\b",
    ],
    "threat": [
        r"\b(?:gonna|gunna|going to|will|wanna|want to|im gonna|ima) (?:kill|stab|shank|batter|do in|wet|cut|smash) (?:him|her|them|someone|somebody|my (?:cellie|cellmate|pad ?mate)|that)\b",
        r"\b(?:gonna|going to|will) get (?:shanked|stabbed|wet up|done in|killed)\b",
        r"\b(?:threaten\w*) (?:to (?:kill|stab|hurt|rape)|me|my (?:family|kids))\b",
        r"\bdo him in\b", r"\bwet (?:him|her|them) up\b",
        r"\b(?:zabije go|dostanie kose)\b", r"\b(?:lo mato|voy a matar)\b", r"\bdoa giet\b",
        r"\bamenaz\w* (?:de|con) matar", r"\bamenint\w* cu moartea\b", r"\bameac\w* de morte\b",
    ],
}

# Figures of speech that look like risk but are not (DOMAIN: when in doubt,
# flag; these are not in doubt).
FIGURES_OF_SPEECH = [
    r"\b(?:this|the|that) (?:wait|queue|waiting|regime|food|boredom|heat|noise|back|tooth|head) (?:is|s) killing me\b",
    r"\b(?:dying|die) for (?:a|an|some)\b", r"\b(?:kill|murder) for (?:a|an|some)\b",
    r"\bbored to death\b", r"\bdeath of me\b", r"\b(?:cut|cutting) (?:my|your|his|her) hair\b",
    r"\bcutting down on\b", r"\b(?:killing|killed) (?:it|themselves with overtime)\b",
    # Vietnamese "đau muốn chết": it hurts so much (pain, not a wish to die).
    r"\bdau (?:\w+ ){0,2}muon chet\b",
]

# Patterns are normalised like the text, so accents and vowel marks written in
# them (Gurmukhi, Arabic) match text typed with or without them.
_COMPILED = {reason: [re.compile(normalise(p)) for p in patterns] for reason, patterns in PATTERNS.items()}
_FIGURES = [re.compile(normalise(p)) for p in FIGURES_OF_SPEECH]


def without_figures(text: str) -> str:
    """``text`` normalised, with known figures of speech blanked out.

    Both the patterns and the classifier read this, so "this wait is killing
    me" cannot trip either, while anything else in the same comment still can.
    """
    clean = normalise(text)
    for figure in _FIGURES:
        clean = figure.sub(" ", clean)
    return clean


def pattern_reasons(clean: str) -> list[str]:
    """Reasons whose patterns match text already passed through :func:`without_figures`."""
    return [reason for reason, patterns in _COMPILED.items() if any(p.search(clean) for p in patterns)]
