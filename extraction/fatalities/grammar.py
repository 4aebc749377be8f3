"""The fatality grammar: the phrases a killing is reported in, as regexes with the figure in a named
group, and the trigger words that gate each one (a pattern only runs when one occurs).

extraction.fatalities.counting reads these with ACLED's rules; keeping the patterns here keeps
both files readable.
"""

from __future__ import annotations

import re

from extraction.reading import NUMBER_PATTERN

_NUM = rf"(?:{NUMBER_PATTERN})"
_QUANT = (
    r"(?:(?:at\s+least|about|around|approximately|some|up\s+to|more\s+than|over|nearly|almost|an\s+estimated"
    r"|a\s+total\s+of|roughly|as\s+many\s+as|no\s+fewer\s+than|only|either)\s+)?"
)
_RANGE = (
    rf"(?:between\s+)?[\"“]?(?<![\w-])(?!(?:19|20)\d\d\b)(?P<n>{_NUM})(?!\w|-(?![\d]))[\"”]?"
    rf"(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|{_NUM})|\s+and\s+(?P<n3>\d+)\b)?"
)
_NP_STOP = (
    r"(?:(?:19|20)\d\d|\d+(?![\w-])|who|which|whose|that|while|when|for|was|were|is|are|been|has|have|had"
    r"|nearly|almost|narrowly|not|no|after|before|following|during|because|since|until)(?![\w'’-])"
)
_WORDS = (
    rf"(?P<np>(?:\d{{1,3}}[\s-]years?[\s-]old\s+|and\s+\d{{1,4}}\s+|(?!{_NP_STOP})[\w'’\"“”/-]+,?\s+){{0,7}}?)"
)
_NOT_UNIT = (
    r"(?!\s+(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|years?|months?|weeks?|days?|hours?|minutes?|km"
    r"|kilometers?|kilometres?|miles?|am|pm|a\.m|p\.m|percent|per\s+cent|%)\b)"
)
_AUX = r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|being|been)"
_ADV = (
    r"(?:(?:reportedly|allegedly|later|also|all|subsequently|fatally|brutally|then|both|each|eventually"
    r"|reported|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|feared"
    r"|(?:on\s+|last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|overnight)\s+){0,3}"
)
_PASSIVE_VERB = (
    r"(?:kil{1,3}ed|shot\s+dead|murdered|beheaded|executed|lynched|assassinated|slain|slaughtered|massacred|martyred"
    r"|fatally\s+(?:shot|stabbed|wounded|injured|assaulted|beaten|hit)|(?:shot|hacked|stabbed|beaten|burn(?:ed|t)|stoned|lynched|tortured|clubbed|strangled|starved|crushed"
    r"|charred|bludgeoned|trampled|battered|mauled|macheted)"
    r"\s+to\s+death|found\s+dead|gunned\s+down|found\s+(?:killed|murdered)|confirmed\s+dead|left\s+dead)"
)
# 'martyred', 'embraced martyrdom': how South Asian and Middle Eastern outlets report a killing
_INTRANSITIVE = (
    r"(?:died|dies|die|perished|lost\s+(?:their|his|her)\s+lives?|succumbed|embraced\s+(?:martyrdom|shahadat))"
)
_ACTIVE_VERB = (
    r"(?:kil{1,2}(?:ed|ing|s)?|murder(?:ed|ing|s)?|martyred|behead(?:ed|ing|s)?|execut(?:ed|ing|es)|lynch(?:ed|ing|es)?"
    r"|massacr(?:ed|ing|es)|slaughter(?:ed|ing|s)?|assassinat(?:ed|ing|es)|shot\s+dead|shoot(?:s|ing)?\s+dead"
    r"|(?:shot|shoot|stabbed|stab|attacked|attack|hacked)\s+and\s+kill(?:ed|s)?|stoned\s+to\s+death"
    r"|stabbed\s+to\s+death|hacked\s+to\s+death|gunned\s+down|fatally\s+(?:shot|shooting|stabbed|stabbing)"
    r"|(?:stone|stoned|stoning|beat|beaten|beating|hack|hacking|burn|burned|burnt|burning|club|clubbed)\s+to\s+death"
    r"|claim(?:ed|ing)\s+the\s+lives\s+of|left|leaving)"
)
# Words right before a killing figure/verb that make it a motive, accusation or intention.
_BACKGROUND_LAST = frozenset(
    "for over after against to avenge including protest protesting condemn condemned condemning who "
    "commemorate commemorating mourn mourning mourned".split()
)
_BACKGROUND_PAIRS = frozenset(
    {
        "accused of",
        "suspected of",
        "charged with",
        "convicted of",
        "threatened to",
        "threatening to",
        "tried to",
        "attempted to",
        "attempting to",
        "planned to",
        "planning to",
        "vowed to",
        "vowing to",
        "responsible for",
        "revenge for",
        "among them",
        "intending to",
        "who had",
        "who allegedly",
        "that had",
        "connection with",
        "who reportedly",
        "hit and",
        "knocked and",
        "death of",
        "killing of",
        "murder of",
        "deaths of",
        "killings of",
        "relatives of",
        "families of",
        "family of",
        "memory of",
        "anniversary of",
        "justice for",
        "funeral of",
        "burial of",
        "funerals of",
    }
)

_ACTIVE_HINTS = (
    "kil",
    "murder",
    "martyr",
    "behead",
    "execut",
    "lynch",
    "massacr",
    "slaughter",
    "assassinat",
    "dead",
    "death",
    "gunned",
    "lives",
    "left",
    "leaving",
)
_PASSIVE_HINTS = (
    "kil",
    "dead",
    "murder",
    "behead",
    "execut",
    "lynch",
    "assassinat",
    "slain",
    "slaughter",
    "massacr",
    "death",
    "gunned",
    "die",
    "perish",
    "lost",
    "succumb",
    "martyr",
    "embraced",
)
_WINDOW_BEFORE = 160
_WINDOW_AFTER = 140
# Cheap gate: a text without any of these substrings reports no killing.
_HINTS = (
    "kill",
    "kiled",
    "dead",
    "die",
    "death",
    "murder",
    "behead",
    "execut",
    "lynch",
    "assassin",
    "slain",
    "slaughter",
    "massacr",
    "bod",
    "corpse",
    "perish",
    "lives",
    "fatalit",
    "toll",
    "gunned",
    "succumb",
    "fatally",
    "martyr",
    "shahadat",
)
_HINTS_RE = re.compile("|".join(_HINTS))  # one C-level scan instead of a loop over substrings
_AUTHORITATIVE_RE = re.compile(
    rf"(?i)\b(?P<n>{_NUM})(?P<more>(?:\s+[a-z][\w-]*){{1,2}}(?:\s*(?:,|and)\s+{_NUM}(?:\s+[a-z][\w-]*){{0,2}})+)?"
    r"(?:\s+[a-z][\w-]*)?\s+(?:reported\s+)?fatalit(?:y|ies)\b"
    rf"|\bfatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+)?coded\s+as\s+(?P<coded>{_NUM})\b"
    rf"|\bfatalit(?:y|ies)\s+(?:range[sd]?|ranging|var(?:y|ied|ies))\s+(?:from|between)\s+(?P<low>{_NUM})\b"
)
# 'Total 13 fatalities (12 confirmed and 1 split) coded to this event': the note's own share.
_THIS_EVENT_RE = re.compile(
    rf"(?i)\b(?P<n>{_NUM})\s+(?:[\w-]+\s+)?fatalit(?:y|ies)\b[^.]{{0,80}}?\b(?:coded|assigned|attributed)\s+to\s+"
    r"this\s+event"
)
_NO_FATALITIES_RE = re.compile(
    r"(?:^|[.;]\s+)(?:There\s+were\s+)?[Nn]o\s+(?:reported\s+|known\s+)?fatalities(?:\s+(?:were\s+)?reported)?"
    r"\s*(?:[.;]|$)"
)
_AUTH_PART_RE = re.compile(rf"(?i)(?:,|\band)\s+(?P<n>{_NUM})\b")
_TAIL_WORD = r"(?:\s+(?!(?:injur|wound|hurt|and\b|in\b|on\b|at\b|near\b|during\b|when\b|while\b))[\w'’-]+)"
# 'killed a man and his son': a relative of the victim, not his belongings.
_RELATIVE = (
    r"(?:his|her)(?=\s+(?!bod|house|home|car|vehicle|propert|belong|livestock|cattle|animal|shop|farm))"
)
_VICTIM_TAIL = (
    rf"(?P<tail>{_TAIL_WORD}{{0,4}}?(?:\s*(?:,(?!\s+an?\s)|\s+and|\s+as\s+well\s+as)\s+"
    rf"(?:{_QUANT}{_NUM}|{_RELATIVE})\b{_TAIL_WORD}{{0,4}}?)+)?"
)
_ACTIVE_RE = re.compile(
    rf"(?i)\b(?P<verb>{_ACTIVE_VERB})\s+(?:(?:its|their|his|her)\s+)?(?:(?:an?|one)\s+family\s+of\s+)?"
    rf"{_QUANT}{_RANGE}\b{_NOT_UNIT}{_VICTIM_TAIL}"
    rf"(?P<dead>\s+(?:people\s+|persons\s+)?dead)?"
)
# 'left three guards and 29 inmates dead': 'dead' is required, so the tail reaches it.
_LEFT_DEAD_RE = re.compile(
    rf"(?i)\b(?P<verb>left|leaving)\s+{_QUANT}{_RANGE}\b{_NOT_UNIT}{_VICTIM_TAIL}"
    rf"(?P<dead>\s+(?:[\w-]+\s+)?dead)\b"
)
_AND_VERB = (
    r"(?:(?:[a-z]+ed|shot|beaten|hit|struck|caught|taken)(?:\s+by\s+(?:[\w-]+\s+){0,2}[\w-]+)?,?"
    r"\s+(?:and\s+)?){0,2}"
)
_NO_OBJECT = rf"(?!\s+(?:{_NUM}|the|his|her|their|its|him|them|at\s+least|some|several)\b)"
_PASSIVE_RE = re.compile(  # 'a family of seven were killed': the figure is seven, not 'a'
    rf"(?i)\b(?!(?:an?|one)\s+family\s+of\s){_QUANT}{_RANGE}{_NOT_UNIT}(?:\s+\([^()]{{0,80}}\))?(?:,?\s+including\s+[^.;()]{{0,120}}?,?)?"
    rf"\s+{_WORDS}(?:{_AUX}\s+{_ADV}{_AND_VERB}(?:{_PASSIVE_VERB}|dead)\b|{_AUX}\s+{_ADV}[a-z]+(?:\s+(?:in|on)\s+(?:the|his|her)\s+[a-z]+)?\s+and\s+(?:later\s+)?died\b"
    rf"|{_ADV}{_INTRANSITIVE}\b|{_PASSIVE_VERB}\b{_NO_OBJECT})"
    rf"(?P<along>\s+(?:along|together)\s+with\s+(?:another|{_NUM})\b)?"
)
_VICTIM = (
    r"(?:officer|policeman|policewoman|student|man|woman|boy|girl|child|baby|herder|herdsman|soldier|farmer"
    r"|teacher|trader|reservist|chief|suspect|thief|civilian|cleric|driver|member|leader|official|journalist"
    r"|worker|resident|pastor|priest|imam|villager|activist|fisherman|guard|youth|person|councillor|elder"
    r"|businessman|politician|commander|militant|fighter|rebel|operator|gangster|wife|husband|son|daughter"
    r"|father|mother|brother|sister|employee|vendor|guide|tourist|judge|lawyer|doctor|nurse|pupil|cop|accused"
    r"|president|chairman|secretary|supporter|bystander|constable|councilor|mayor|headman|trader|shopkeeper"
    r"|owner|head|prisoner|inmate|detainee|victim|passenger|motorist|rider|bodyguard|aspirant|candidate"
    r"|volunteer|inspector|sergeant|corporal|watchman|relative|neighbou?r|refugee|migrant|miner|monk|nun"
    r"|medic|paramedic|ranger|warden|companion|friend|local|chairperson|councilman|lieutenant"
    r"|captain|colonel|informant|hostage|cadre|minor|teenager|toddler|infant|clerk|rapist|criminal|robber"
    r"|bandit|attacker|assailant|gunman|tribesman|witch|executive|director|manager|legislator|governor|MP"
    r"|MCA|sheikh|preacher|singer|musician|artist|athlete|protester|protestor|demonstrator|rioter|cyclist"
    r"|hawker|spokesman|returnee|militiaman|poacher|defector|informer|witness|environmentalist|lecturer"
    r"|engineer|contractor|businesswoman|landlord|tenant|squatter|settler|herdboy|security\s+guard)"
)
_VICTIM_WORD_RE = re.compile(rf"(?i)\b{_VICTIM}s?\b")
# A verb in the first conjunct makes it a clause ('three suspects managed to flee and one died').
_CLAUSE_VERB_RE = re.compile(
    r"(?i)\b(?!(?:suspected|alleged|armed|unarmed|retired|elected|unidentified|masked|wanted|detained)\b)\w+ed\b"
    r"|\b(?:broke|fled|flee|went|ran|took|came|made|got|left)\b"
)
_ACTIVE_ONE_RE = re.compile(
    r"(?i)\b(?P<verb>kill(?:ed|ing|s)?|murdered|martyred|beheaded|lynch(?:ed|es)?|assassinat(?:ed|es)"
    r"|fatally\s+(?:shot|stabbed)(?!\s+of\b)"
    r"|shoot\s+dead|shot\s+dead|hacked\s+to\s+death|stabbed\s+to\s+death|stoned\s+to\s+death"
    r"|(?:shot|shoot|stabbed|stab|attacked|attack|hacked)\s+and\s+kill(?:ed|s)?)(?!\s+of\b)\s+(?:(?:a|an|one|the)\s+)?"
    rf"(?:(?!(?:and|or|in|at|on|by|with|while|when|after|before|during|from|near|to|\d+)\b)[\w'’-]+\s+){{0,3}}?"
    rf"{_VICTIM}\b(?![s-])(?P<np>\s+and\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_VICTIM}\b)?"
)
_TO_DEATH_RE = re.compile(
    rf"(?i)\b(?P<verb>shot|shoot|stabbed|stab|beat|beaten|hacked|hack|stoned|stone|tortured|torture|clubbed"
    rf"|burned|burnt|burn|strangled|lynched)(?:\s+up)?\s+{_QUANT}{_RANGE}\s+(?:[\w'’-]+\s+){{0,4}}?to\s+death\b"
)
_SHOT_DEAD_RE = re.compile(
    rf"(?i)\b(?P<verb>shot|shoot|shooting)\s+{_QUANT}{_RANGE}\s+(?:[\w'’-]+\s+){{0,4}}?dead\b"
)
# A victim already introduced dies: 'The man died', 'the other died', 'he died as a result'.
_ANAPHORIC_DIED_RE = re.compile(
    rf"(?i)\b(?:(?P<who>the\s+(?:other|latter|former|(?:[\w'’-]+\s+){{0,2}}?{_VICTIM})|he|she)"
    rf"(?P<np>\s+and\s+(?:his|her|their|the)\s+(?:[\w'’-]+\s+){{0,1}}?{_VICTIM})?"
    rf"\s+(?:later\s+|also\s+|subsequently\s+|eventually\s+)?(?:died|succumbed|was\s+{_AND_VERB}(?:killed|{_PASSIVE_VERB})|passed\s+away)"
    r"|(?:his|her)\s+(?:dead\s+)?body\s+(?:was\s+)?(?:later\s+)?(?:found|discovered|recovered|dumped))\b"
)
# 'killed him': one victim, most often one already counted by another mention.
_KILLED_PRONOUN_RE = re.compile(
    r"(?i)\b(?P<verb>(?:kill(?:ed|ing)|murder(?:ed|ing)|lynch(?:ed|ing)|behead(?:ed|ing))\s+(?:him|her)\b"
    r"|(?:beat|beaten|hacked|stabbed|stoned|burned|burnt)\s+(?:him|her)\s+to\s+death\b)"
)
# One victim named by a determiner and a person noun, possibly with a relative clause:
# 'the leader of the group was shot dead', 'a bodyguard who worked for X was shot dead'.
_ONE_VICTIM_PASSIVE_RE = re.compile(
    rf"(?i)\b(?P<det>an?|the|one)\s+(?:[\w'’-]+\s+){{0,4}}?{_VICTIM}\b(?![s-])"
    rf"(?:,?\s+(?:who|whose|of)\s+[^,.;()]{{0,80}}?,?)?"
    rf"\s+(?:is|was|has\s+been|had\s+been)\s+{_ADV}{_AND_VERB}(?P<verb>{_PASSIVE_VERB}|kil{{1,3}}ed)\b"
    rf"(?P<along>,?\s+(?:along|together)\s+with\s+(?:his|her|their|another|a|an)\b)?"
)
# A victim named by role and name: 'legislator Melitus Were was shot dead', 'the chief, Daniel
# Tiang, was found dead'.
_NAMED_VICTIM_RE = re.compile(
    rf"(?i)\b{_VICTIM},?\s+(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){{0,3}},?"
    rf"\s+(?:is|was|has\s+been|had\s+been)\s+{_ADV}{_AND_VERB}(?P<verb>{_PASSIVE_VERB}|kil{{1,3}}ed)\b"
)
# 'resulting in the death of a local man', 'leading to the deaths of two people'.
_DEATH_OF_RE = re.compile(
    rf"(?i)\b(?:result(?:ed|ing|s)?\s+in|le(?:d|ading|ads)\s+to|caus(?:ed|ing|es))\s+(?:the\s+)?"
    rf"(?:deaths?|killings?)\s+of\s+{_QUANT}{_RANGE}(?!\s+(?:injur|wound))"
)
_NOUN_DEATHS_RE = re.compile(
    rf"(?i)\b{_QUANT}{_RANGE}\s+(?:[\w-]+\s+)?(?:deaths?\b(?!\s+(?:threats?|sentences?|penalty|squads?|toll|row))"
    r"|dead\b(?!\s+bod))"
)
_BODIES_RE = re.compile(rf"(?i)\b(?:the\s+)?(?:bod(?:y|ies)|corpses?|remains)\s+of\s+{_QUANT}{_RANGE}\b")
_BODIES_NUM_RE = re.compile(rf"(?i)\b{_QUANT}{_RANGE}\s+(?:\w+\s+){{0,3}}(?:bodies|corpses)\b")
_TOLL_RE = re.compile(
    rf"(?i)\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities))\s+(?:(?:of|at|is|was|stood\s+at)\s+"
    rf"|(?:[\w'’-]+,?\s+){{0,20}}?(?:(?:has|had|have)\s+)?(?:rose|risen|climbed|reached|increased|jumped|stands|stood"
    rf"|hit|went\s+up)(?:\s+to|\s+at)?\s+){_QUANT}{_RANGE}\b"
)
_HEADLINE_ONE_RE = re.compile(
    rf"(?i)^(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,4}}?{_VICTIM}\s+(?:is\s+|was\s+|has\s+been\s+)?{_ADV}"
    r"(?P<verb>killed|shot\s+dead|murdered|lynched|stoned\s+to\s+death|beaten\s+to\s+death|hacked\s+to\s+death"
    r"|found\s+(?:dead|killed|murdered))\b"
)
_CONJUNCT_RE = re.compile(
    rf"(?i)(?:\band|,(?!\s+an?\s)|\balong\s+with|\btogether\s+with)\s+(?:(?P<n>{_NUM})|his|her|their|its|another)\b"
)
_ANIMALS = frozenset(
    "livestock cattle cows cow goats goat sheep camels camel animals animal donkeys donkey dogs dog "
    "lamb lambs pigs pig chickens poultry horses horse bulls bull oxen elephants elephant".split()
)
# An animal word followed by one of these names people ('cattle rustlers').
_ANIMAL_PEOPLE = frozenset(
    "rustlers rustler raiders raider thieves thief herders herder keepers keeper owners owner traders "
    "trader herdsmen herdsman farmers farmer".split()
)
_AGENT_BEFORE_RE = re.compile(r"(?i)\bby\s*$")
_DETERMINER_BEFORE_RE = re.compile(r"(?i)\b(?:a|an|the|his|her|their)\s+$")
_SPLIT_RE = re.compile(
    rf"(?:(?i:\b(?P<total>{_NUM})\s+(?:fatalit(?:y|ies)|deaths))|(?:^|[.\[(]\s*)Fatalities)\s+(?:\(\s*)?"
    rf"(?:were\s+|are\s+)?(?:split|coded|distributed|spread|divided)\s+(?:evenly\s+)?(?:among|between|across|over)\s+"
    rf"(?P<n>{_NUM})\s+(?:events|days)\b"
)
_SPLIT_HINT_RE = re.compile(r"split|coded|distributed|spread|divided")
_PARENS_RE = re.compile(r"\s*\([^()]{0,160}\)")
_INCLUDING_RE = re.compile(
    r"(?i),\s*(?:including|among\s+them|mostly|mainly)\s+[^,.;()]{1,160}?(?:,?\s+and\s+[^,.;()]{1,80})?,"
    r"|,\s*(?:including|among\s+them)\s+[^,.;()]{1,80}?(?=\s+(?:were|was|are|have|had|died)\b)"
)
# A killing in the same sentence as one of these is another event or not political violence.
_CODED_SEPARATELY_RE = re.compile(
    r"(?i)\bcoded\s+(?:separately|previously|elsewhere)|\bseparately\s+coded|\bcoded\s+as\s+a\s+separate"
    r"|\bcoded\s+(?:in|as|under)\s+(?:an?\s+)?(?:other|another|separate|different)\s+events?"
)
_ACCIDENT_RE = re.compile(
    r"(?i)\b(?:in|by|during|from)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:accident|crash|collision)s?\b"
)
# Accidents and natural disasters told before a death in its sentence cause it: not political violence.
_ACCIDENT_WORD_RE = re.compile(
    r"(?i)\b(?:accident|crash|collision|flood|landslide|earthquake|cyclone|mudslide)(?:s|es|ed|ing)?\b"
    r"|\b(?:heavy\s+rains?|lightning|collided|drowned)\b"
)
# A marker after one of these refers to the event it introduces, not to the killing before it.
_OTHER_EVENT_RE = re.compile(
    r"(?i)\b(?:after|following|against|in\s+response|in\s+retaliation|retaliat\w*|prior|previous"
    r"|earlier|revenge)\b"
)
_ADDITIONAL_RE = re.compile(r"(?i)\b(?:also|another|other|more|additional|further)\b")
_CONFLICT_RE = re.compile(
    r"(?i)\b(?:claim(?:ed|s|ing)?|acknowledged|but\s+said|contest(?:s|ed)?|disput(?:e|es|ed)|other\s+sources?|another\s+source|conflicting|reports\s+vary"
    r"|varying\s+reports|while\s+(?:other|some)\s+(?:reports|sources)|however|(?:other|some)\s+reports)\b"
)
_BOMBER_DIED_RE = re.compile(
    r"(?i)\b(?:blew\s+(?:himself|herself|themselves)\s+up|suicide\s+bomber\s+(?:\w+\s+){0,3}(?:died|was\s+killed)"
    r"|(?:detonated|exploded)\s+(?:his|her)\s+(?:suicide\s+)?(?:vest|belt|explosives?))"
)
_BOMBER_INCLUDED_RE = re.compile(
    r"(?i)\b(?:including|includes|among\s+them)\s+(?:the\s+)?(?:suicide\s+)?(?:bomber|attacker)s?"
)
_WOUNDED_AHEAD_RE = re.compile(
    r"(?i)(?:\s+[\w'’-]+){0,3}?\s+(?:were\s+|was\s+)?(?:wounded|injured|hurt|arrested|missing)\b"
)
_WOUNDED_RE = re.compile(r"(?i)^\s*(?:were\s+|are\s+|others\s+)?(?:wounded|injured|hurt)\b")


# (pattern, is_total, lowercase trigger words: the pattern only runs when one occurs).
_MENTION_PATTERNS: tuple[tuple[re.Pattern[str], bool, tuple[str, ...]], ...] = (
    (_TOLL_RE, True, ("toll", "number of")),
    (_BODIES_RE, False, ("bod", "corpse", "remains")),
    (_BODIES_NUM_RE, False, ("bodies", "corpses")),
    (_LEFT_DEAD_RE, False, ("dead",)),
    (_ACTIVE_RE, False, _ACTIVE_HINTS),
    (_PASSIVE_RE, False, _PASSIVE_HINTS),
    (
        _ACTIVE_ONE_RE,
        False,
        ("kill", "murder", "martyr", "behead", "lynch", "assassinat", "dead", "death", "fatally"),
    ),
    (_TO_DEATH_RE, False, ("to death",)),
    (_SHOT_DEAD_RE, False, ("dead",)),
    (_ANAPHORIC_DIED_RE, False, ("died", "succumb", "killed", "passed away", "body", "death", "dead")),
    (_ONE_VICTIM_PASSIVE_RE, False, _PASSIVE_HINTS + ("fatally",)),
    (_DEATH_OF_RE, False, ("death", "killing")),
    (_NAMED_VICTIM_RE, False, _PASSIVE_HINTS),
    (_KILLED_PRONOUN_RE, False, (" him", " her")),
    (_HEADLINE_ONE_RE, False, ("kill", "dead", "murder", "lynch", "death")),
    (_NOUN_DEATHS_RE, False, ("death", "dead")),
)
