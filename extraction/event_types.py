"""Event detection and typing: does a sentence report an ACLED event, and of which sub-event type?

Rules are keyword cues grounded in ACLED's codebook, not a trained model: a cue is a named regex
('teargas', 'airstrike', 'lynched', ...), and a small decision procedure turns the set of cues found
in a sentence into one sub-event type, following ACLED's ranking (Battles above Explosions, an
airstrike during a ground battle is Battles; a protest that turns violent is a Riot; a person
abducted and then killed is an Attack). Sentences that describe no concrete occurrence (forecasts,
threats, propaganda releases, conferences, aggregates over months or years, habitual statements)
are rejected with None, because a false event costs analysts more than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT


@dataclass(frozen=True)
class EventTyping:
    """The typing of one event mention, with what justified it (for --explain).

    `cues` holds every cue name found in the sentence; the actor module reads it (for instance
    'intervention' tells it the police are actor2 of a protest).
    """

    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: str
    rule: str
    confidence: float
    cues: frozenset[str] = field(default_factory=frozenset)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Verb/noun cues. Each is searched in the sentence; the first match becomes the trigger text.
CUES: dict[str, re.Pattern[str]] = {
    "protest": _rx(
        r"\bprotest(?:s|ed|ing|ers?|ors?)?\b|\bdemonstrat(?:ions?|ors?|ers?)\b|\brall(?:y|ies|ied)\b"
        r"|\bdemonstrat(?:ed|es|e|ing)\b(?=\s+(?:against|in|at|outside|on|over|for|near|to|peacefully|across|along|"
        r"through|after|before|demanding|and)\b|\s*[,.;]|\s*$)|\bblock(?:ed|ing)? (?:\w+ )?(?:roads?|highway|"
        r"streets?)\b"
        r"|(?-i:\bmarch(?:ed|es)?\b)|\bsit-?ins?\b|\bpicket(?:s|ed|ing)?\b|\bhuman chains?\b|\bhartal\b"
        r"|\b(?:went|go|going|were|are) on (?:a )?strike\b|\b(?:staged|held|called|began|launched) an? "
        r"(?:\w+ )?strike\b|\bstrike action\b|\bhunger strike\b|\bgeneral strike\b|\bboycott(?:ed|s)?\b"
        r"|\b(?:protest|anti-\w+|torch|mourning|silent) processions?\b|\bprocessions? (?:against|demanding|to protest)\b"
        r"|\bmass gathering\b|\bblockades?\b|\b(?:nationwide|countrywide|complete) shut ?-?downs?\b|\broad march\b|\bwalk-?outs?\b|\bchanting\b"
        r"|\bsloganeering\b|\bmarched\b|\bgathered (?:to|in front|outside|at)\b|\bvigil\b"),
    "protest_weak": _rx(r"\bpetition(?:ed)?\b|\bdemand(?:ed|ing)\b|\bgathered\b|\bboycott(?:ed|s)?\b"),
    "riot": _rx(
        r"\briot(?:s|ed|ing)?\b|\brampag(?:e|ed|ing)\b|\brunning battles?\b|\bviolently (?:protest|demonstrat)\w*\b"
        r"|\bbarricad(?:e|ed|es|ing)\b[^.]{0,40}\bburn|\bburn(?:ed|t|ing) (?:car )?tyres\b"
        r"|\bturned violent\b"
        r"|\bviolent (?:\w+ )?(?:protest|demonstration)s?\b|\bunrest\b|\bmelee\b"),
    "crowd_weapons": _rx(
        r"\bpelt(?:ed|ing)\b|\b(?:threw|throwing|hurled|hurling|pelting)\b[^.]{0,30}\b(?:stones|rocks|bricks|"
        r"brickbats|missiles|objects)\b|\bstone-?throwing\b|\bstoned\b|\bpetrol bombs?\b|\bmolotov\b"
        r"|\bcocktail bombs?\b|\bcrude bombs?\b|\bhand-?made bombs?\b|\bsticks\b|\biron rods\b|\bbrickbats\b"
        r"|\brioters\b"),
    "riot_act": _rx(
        r"\bclash(?:ed|es)? with (?:the )?(?:police|security forces|officers|law enforcers|anti-riot)|\bchaos\b"
        r"|\bbonfires?\b|\blit fires?\b"
        r"|\bset(?:ting)? fires?\b|\bburning barricades\b|\browdy\b|\bdeflat(?:ed|ing)\b|\bturned violent\b"
        r"|\bbarricad(?:ed|ing|es?)\b|\bblock(?:ed|ing)?\b[^.]{0,40}\b(?:with|using)\b[^.]{0,20}\b(?:stones|boulders|"
        r"rocks|tyres|tires|logs|trees|barricades|branches|debris)\b|\bfell(?:ed|ing)? trees\b|\blight fires\b"
        r"|\brunning battles?\b|\bbr(?:oke|eaking) (?:through )?(?:a |the )?police (?:line|barrier|cordon)s?\b"
        r"|\bdestruction of property\b|\bproperty (?:was |were )?destroyed\b|\bchased (?:away )?(?:the )?police\b"
        r"|\bburn(?:ed|t|ing)\b|\blooted\b|\bclash(?:ed|es)?\b"),
    "destruction": _rx(
        r"\bvandali[sz](?:ed|ing|m)\b|\bsmash(?:ed|ing)\b|\bstormed\b|\bset (?:ablaze|on fire|fire to)\b"
        r"|\btorch(?:ed|ing)\b|\bransack(?:ed|ing)\b|\bbroke (?:into|windows)\b|\bdamag(?:ed|ing)\b"
        r"|\battack(?:ed|ing)?\b|\bassault(?:ed|ing)?\b|\bbeat(?:en|ing)?\b|\bchased\b|\bclash(?:ed|es)?\b"),
    "crowd": _rx(
        r"\bcrowds?\b|\bgroup of (?:\w+ )?(?:youths|residents|people|villagers|students|workers|locals)\b"
        r"|\byouths\b|\bstudents\b|\bsupporters\b|\bactivists\b|\bresidents\b|\bvillagers\b|\blocals\b"
        r"|\bworkers\b|\bdemonstrators\b|\bprotesters\b|\bprotestors\b|\brioters\b|\bfollowers\b|\bmob\b"
        r"|\b(?:two |rival )groups\b|\brivals\b|\brelatives\b|\bfamily members\b|\bpeople\b|\bsquatters\b"
        r"|\bhawkers\b|\bpassengers\b|\bmotorists\b|\bcommuters\b|\bfans\b|\bmourners\b|\bcadres\b"
        r"|\baccomplices\b|\bpersons\b|\bemployers\b|\bindividuals\b|\bunidentified men\b|\blocal groups?\b"
        r"|\bmembers\b|\bleaders\b|\bdrivers\b|\boperators\b|\btraders\b|\bvendors\b"),
    "mob": _rx(
        r"\bmobs?\b|\blynch(?:ed|ing|es)?\b|\bvigilante\b|\bmob justice\b|\birate (?:residents|villagers|crowd|"
        r"youths?|locals|members of the public|mob)\b|\bangry (?:residents|villagers|crowd|youths?|locals)\b"
        r"|\b(?:beaten|beat|stoned|burn(?:ed|t)) to death by (?:a |an )?(?:crowd|residents|villagers|locals|"
        r"members of the public|youths?)\b|\bmembers of the public\b"),
    "partisan": re.compile(
        r"\b(?i:supporters|activists|members|leaders|workers|followers|cadres|men) of (?:the )?"
        r"(?i:ruling |rival )?(?:[A-Z][\w-]*|[a-z]+ [A-Z][\w-]*)|\b(?i:factions?|supporters|activists) (?:of|from) "
        r"(?i:two|rival|the rival)|\b(?i:political (?:rivals|supporters))\b|\b(?:AL|BNP|JCD|BCL|Jubo Dal|"
        r"Chhatra Dal|Chhatra League|Jubo League|Awami League|Jamaat|ODM|Jubilee|CORD|KANU|NASA|PNU)\b"),
    "intervention": _rx(
        r"\btear ?-?gas\b|\bteargass(?:ed)?\b|\bdispers(?:e|ed|ing|al)\b|\bwater cannons?\b|\brubber bullets?\b"
        r"|\bbatons?\b|\bbaton-?charg|\blathi|\btruncheons?\b|\bpolice (?:intervened|broke up|foiled|blocked|"
        r"obstructed|stopped|prevented|charged)\b|\bpepper spray\b|\bblank (?:rounds|shots)\b"
        r"|\bfired (?:shots )?in the air\b|\bwarning shots\b|\b(?:were|was) (?:arrested|detained)\b"
        r"|\barrest(?:ed|ing)? (?:\w+ ){0,3}(?:protesters|demonstrators|students|activists|participants)\b"
        r"|\bbroke up\b|\bobstruct(?:ed|ion)\b|\bintervened\b|\bchased away\b|\b\d+ (?:\w+ )?(?:were )?arrested\b"
        r"|\b(?:police|officers|security forces)\b (?:\w+ ){0,3}?(?:fired|used|engaged|confronted|contained|chased|"
        r"blocked|stopped|prevented|charged|cordoned|clashed|arrested|detained|beat)\b|\bcontained the situation\b"),
    "lethal_force": _rx(
        r"\b(?:police|officers|security forces|soldiers|troops|army|anti-riot)\b[^.]{0,50}\b(?:shot dead|killed|"
        r"opened fire|fired live|live (?:bullets|ammunition|rounds))\b|\blive (?:bullets|ammunition|rounds)\b"
        r"|\b(?:protesters?|demonstrators?|students?)\b[^.]{0,30}\b(?:was|were) (?:shot dead|killed|shot)\b"),
    "chemical": _rx(r"\bchemical (?:weapons?|attack|agents?)\b|\bchlorine (?:gas|attack)\b|\bsarin\b"
                    r"|\bmustard gas\b|\bnerve agents?\b"),
    "air": _rx(r"\bair ?-?strikes?\b|\bair raids?\b|\bdrone (?:strikes?|attacks?)\b|\bdrones?\b[^.]{0,30}"
               r"\b(?:struck|hit|targeted|bombed|dropped)\b|\bbombed from the air\b|\bwarplanes?\b"
               r"|\bfighter jets?\b|\bhelicopter gunships?\b|\baerial (?:bombardment|attack|strike)s?\b"
               r"|\b(?:air force|aircraft|jets?|planes?|helicopters?)\b[^.]{0,30}\b(?:bombed|struck|strafed|"
               r"fired|targeted)\b|\bUAVs?\b"),
    "suicide": _rx(r"\bsuicide (?:bomb(?:er|ing|s)?|attacks?|vests?|car bomb|blast|bomb attack)\b|\bSVBIED\b"
                   r"|\bblew (?:himself|herself|themselves) up\b|\bself-?detonat"),
    "shelling": _rx(r"\bshell(?:ed|ing|s)\b|\bartillery\b|\bmortars?\b|\brockets?\b|\bmissiles?\b"
                    r"|\bgrenade launchers?\b|\bRPGs?\b|\bprojectiles?\b|\bhowitzers?\b|\bMLRS\b|\bGrad\b"
                    r"|\bexplosions? involving unknown weapons\b|\btank (?:fire|rounds)\b|\bIFVs?\b"
                    r"|\banti-tank\b|\bbombard(?:ed|ment)\b|\bheavy machine ?-?guns?\b"),
    "ied": _rx(r"\bIEDs?\b|\bimprovised explosive|\bland ?-?mines?\b|\broadside bombs?\b|\bcar bombs?\b"
               r"|\bVBIEDs?\b|\bexplosive devices?\b|(?<!cocktail )(?<!crude )(?<!petrol )(?<!grenade )"
               r"\bbomb(?:s|ing|ings)?\b|\bmines?\b(?= (?:explo|blast|went|struck|hit))|\bstruck (?:a |an )?mine\b"
               r"|\bexplosives\b"),
    "explosion": _rx(r"\bexplo(?:sion|sions|ded|des)\b|\bblasts?\b|\bdetonat(?:ed|ion)\b|\bwent off\b"),
    "grenade": _rx(r"\bgrenades?\b(?! launcher)"),
    "regains": _rx(r"\brecaptur(?:e|ed|ing)\b|\bretook\b|\bretaken\b|\bregain(?:ed|s)? control\b"
                   r"|\bliberat(?:ed|ing)\b|\bwrested (?:back )?control\b|\btook back\b"),
    "overtakes": _rx(r"\b(?:captured|seized|overran|overrun|took (?:over|control of))\b[^.]{0,40}\b(?:town|"
                     r"village|city|base|district|camp|post|area|control|territory|headquarters|county)\b"
                     r"|\bseized control\b|\btook control\b|\btook over\b|\boverran\b"),
    "clash": _rx(r"\bclash(?:ed|es)?\b|\bexchang(?:ed|es|e|ing)? (?:of )?(?:heavy )?(?:gun)?fire\b|\bgun ?fights?\b"
                 r"|\bgun ?battles?\b|\bfire ?fights?\b|\bshoot-?outs?\b|\bfighting\b|\bfought\b|\bbattled?\b"
                 r"|\bskirmish(?:es)?\b|\bcross-?fire\b|\bsmall arms\b|(?<!heavy )\bmachine ?guns?\b"
                 r"|\bengaged (?:in|with)\b|\brepuls(?:ed|ing)\b|\bcounter-?attack(?:ed|s)?\b|\bfought off\b"
                 r"|\breturned fire\b|\bfire from (?:both|the two) sides\b|\bshot back\b|\brepell?ed\b|\brouted\b"
                 r"|\bforced to (?:withdraw|retreat|flee)\b|\bexplosions?/shots\b|\bprojectiles/shots\b"),
    "assault": _rx(r"\bambush(?:ed|es)?\b|\braid(?:ed|s)?\b|\boffensive\b|\bhit and run\b"
                   r"|\bfired (?:at|upon|on)\b|\bopened fire\b|\battack(?:ed|s|ing)?\b|\bstormed\b"
                   r"|\bkill(?:ed|ing)?\b|\bshot\b|\bgunned down\b|\bneutrali[sz]ed\b|\binjur(?:ed|ing)\b"
                   r"|\bwound(?:ed|ing)\b|\bbehead(?:ed|ing)\b|\boperations?\b"),
    "sexual": _rx(r"\brap(?:e|ed|es|ing|ist)\b|\bgang-?raped?\b|\bsexual(?:ly)? (?:assault(?:ed)?|abuse[sd]?|"
                  r"violence|harass(?:ed|ment))\b|\bdefile(?:d|ment)\b|\bsodomi[sz]ed\b"),
    "abduction": _rx(r"\babduct(?:ed|s|ion|ing)?\b|\bkidnap(?:ped|s|ping)?\b|\bhostages?\b"
                     r"|\bforced(?:ly)? disappear|\bdisappeared\b|\bwent missing\b|\bheld captive\b"),
    "attack": _rx(r"\bshot (?:dead|and killed|to death)\b|\bkill(?:ed|ing|s)?\b|\bshot\b|\bshoot(?:s|ing)?\b|\bmurder(?:ed|s)?\b|\bhack(?:ed|ing)\b"
                  r"|\bstabb(?:ed|ing)\b|\bbehead(?:ed|ing)\b|\binjur(?:ed|ing)\b|\bwound(?:ed|ing)\b"
                  r"|\battack(?:ed|s|ing)?\b|\bassault(?:ed|s)?\b|\bbeat(?:en|ing)?\b|\btortur(?:ed|e)\b"
                  r"|\bburn(?:ed|t) alive\b|\bfound dead\b|\bbod(?:y|ies)\b[^.]{0,40}\bfound\b"
                  r"|\bfound\b[^.]{0,40}\bbod(?:y|ies)\b|\bmassacr(?:e|ed)\b|\bexecut(?:ed|ion)\b"
                  r"|\bslaughter(?:ed)?\b|\bgun(?:ned)? down\b|\bbludgeon|\bmachete\b|\bstrangl|\bbutcher(?:ed)?\b"
                  r"|\bopened fire\b|\bharass(?:ed|ment)\b|\bthreaten(?:ed)? (?:\w+ ){0,3}at gunpoint\b"
                  r"|\bassassinat(?:ed|ion)\b|\bdead\b|\braid(?:ed|s)?\b|\b(?:conducted|carried out|launched|staged|mounted|"
                  r"executed|perpetrated)\b[^.]{0,30}\battack\b|\bclaimed (?:responsibility|credit) for\b"),
    "disrupted": _rx(r"\bdefus(?:ed|al|ing)\b|\bdisarm(?:ed|ing) (?:an?|the|two|\d+) (?:\w+ )?(?:bombs?|IEDs?|"
                     r"explosives?|devices?)\b|\bunexploded\b|\bcontrolled explosion\b|\bbomb disposal\b"
                     r"|\b(?:seized|recovered|confiscated|found|discovered|intercepted|uncovered|seizure of)\b"
                     r"[^.]{0,60}\b(?:explosives?|bombs?|IEDs?|grenades?|weapons?|ammunition|arms cache|"
                     r"firearms|guns|rifles|detonators)\b|\b(?:foiled|thwarted)\b[^.]{0,40}\b(?:attack|plot|"
                     r"bombing)\b|\bweapons? (?:cache|seizure)\b|\b(?:arrested|caught|intercepted|nabbed)\b[^.]{0,30}\b(?:with|"
                     r"carrying|possession of)\b[^.]{0,30}\b(?:explosives?|explosive devices?|bombs?|IEDs?|grenades?|"
                     r"weapons|ammunition|firearms|guns|rifles)\b"),
    "arrests": _rx(r"\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|ing|s)?\b|\bapprehend(?:ed|s)?\b"
                   r"|\btaken into custody\b|\brounded up\b|\bcustody\b|\bnabbed\b"),
    "looting": _rx(r"\bloot(?:ed|ing|s)?\b|\b(?:torched|burn(?:ed|t)(?: down)?|set (?:ablaze|on fire|fire to)|"
                   r"destroy(?:ed|ing)|demolish(?:ed|ing)|razed)\b[^.]{0,40}\b(?:houses?|homes?|huts?|shops?|"
                   r"vehicles?|cars?|property|properties|schools?|offices?|buildings?|churches|church|"
                   r"mosques?|temples?|crops|granar(?:y|ies)|stores?|markets?|structures?|residences?|villages?|"
                   r"factory|factories|offices?)\b"
                   r"|\bvandali[sz](?:ed|ing)\b|\bproperty (?:destruction|was destroyed)\b|\bstole\b|\brobbed\b"
                   r"|\bset ablaze\b|\btorched\b|\bblock(?:ed|ade)\b[^.]{0,30}\brail|\bsabotag"),
    "agreement": _rx(r"\b(?:signed|agreed (?:on|to)|declared|announced|reached|brokered|accepted|struck|concluded)\b"
                     r"[^.]{0,50}\b(?:cease-?fire|truce|peace (?:deal|agreement|accord)|agreement|accord|deal|pact|"
                     r"memorandum)\b|\b(?:cease-?fire|truce|peace (?:deal|agreement|accord))\b[^.]{0,30}\b(?:was|were|"
                     r"has been)? ?(?:signed|agreed|declared|announced|reached|brokered)\b|\bprisoner (?:exchange|swap)\b"
                     r"|\b(?:released|freed)\b[^.]{0,30}\b(?:prisoners|hostages|detainees|captives)\b"
                     r"|\bagreed to\b[^.]{0,30}\b(?:end|stop|halt|cease|withdraw|release)\b"),
    "hq": _rx(r"\b(?:set up|established|establish(?:es)?|opened)\b[^.]{0,30}\b(?:base|camp|headquarters|"
              r"outpost|command post)\b"),
    "transfer": _rx(r"\bwithdr(?:ew|awn) from\b|\bhanded over (?:control|the)\b|\bretreated from\b"
                    r"|\bwithout (?:a fight|resistance|fighting)\b|\btransfer(?:red)? (?:of )?control\b"
                    r"|\bvacated\b|\babandoned (?:their |the )?(?:positions?|base|camp|posts?)\b"),
    "change": _rx(r"\brecruited\b|\bdefected\b|\bsurrender(?:ed|s)\b|\bmerged\b|\bsplit from\b"
                  r"|\bpledged allegiance\b|\bdeployed\b|\bsighted\b|\bmoved into\b|\breinforcements\b"
                  r"|\bmobili[sz]ed\b|\boathing\b"),
    "civ_victim": _rx(
        r"\bcivilians?\b|\bvillagers?\b|\bresidents?\b|\blocals?\b|\bfarmers?\b|\bherders?\b|\btraders?\b"
        r"|\bteachers?\b|\bstudents?\b|\bpupils?\b|\bpassengers?\b|\bdrivers?\b|\bworkers?\b|\bwom[ae]n\b"
        r"|\bchild(?:ren)?\b|\bboys?\b|\bgirls?\b|\bman\b|\bmen\b|\bperson\b|\bpeople\b|\bfamil(?:y|ies)\b"
        r"|\btourists?\b|\bjournalists?\b|\bpastors?\b|\bimams?\b|\bpriests?\b|\belders?\b|\bchiefs?\b"
        r"|\bbusiness ?m[ae]n\b|\bshopkeepers?\b|\bmotorists?\b|\briders?\b|\btravell?ers?\b|\bvictims?\b"
        r"|\bwidow\b|\bhusband\b|\bwife\b|\bson\b|\bdaughter\b|\bmother\b|\bfather\b|\bbod(?:y|ies)\b"
        r"|\bemployees?\b|\bnurses?\b|\bdoctors?\b|\bworshipp?ers?\b|\bmembers of the\b|\bvendors?\b"
        r"|\byouths?\b|\bcouple\b|\bhouseholds?\b|\bhomes?\b|\bhouses?\b|\bsuspects?\b|\bMCA\b|\bofficials?\b"
        r"|\bcandidates?\b|\bpoliticians?\b|\bleaders?\b|\bactivists?\b|\bsupporters?\b|\bfisherm[ae]n\b"
        r"|\bpastoralists?\b|\bminers?\b|\bcommuters?\b|\bpedestrians?\b|\bthieves\b|\bthief\b|\bvillages?\b"
        r"|\brefugees\b|\bIDPs\b|\bmarkets?\b|\bbus(?:es)?\b|\bchurch(?:es)?\b|\bmosques?\b|\bschools?\b"
        r"|\bsettlements?\b|\bhamlets?\b|\bhospitals?\b|\bresidences?\b|\bministers?\b|\bofficials?\b"),
    "armed_side": _rx(
        r"\bpolice\b|\bpolicem[ae]n\b|\bofficers?\b|\bsoldiers?\b|\btroops?\b|\bmilitary\b|\barmy\b|\bKDF\b"
        r"|\bAMISOM\b|\bGSU\b|\b(?:security|government|defen[cs]e|armed|state|federal|regional|special|"
        r"government-allied) forces\b|\bmilitants?\b|\bfighters?\b|\brebels?\b|\binsurgents?\b|\bgunmen\b"
        r"|\bbandits?\b|\braiders?\b|\bgang(?:s|sters?)?\b|\bmilitias?\b|\bmilitiamen\b|\bjihadists?\b"
        r"|\bcamp\b|\bbase\b|\bcheckpoint\b|\bconvoy\b|\bpatrol\b|\bpositions?\b|\bpolice (?:post|station)\b"
        r"|\barmed (?:men|group|robbers)\b|\brobbers\b|\bcriminals\b|\battackers\b|\bguards?\b"
        r"|\breservists?\b|\bAl[- ]Shabaa?b\b|\bTaliban\b|\bIslamic State\b|\bNAF\b|\bforces\b|\bcartel\b"),
}

# Substrings one of which every match of a cue contains: find_cues skips a cue's regex when none
# occurs in the (casefolded) sentence. Pure speed-up; tests check it never changes a result.
_CUE_KEYS: dict[str, tuple[str, ...]] = {
    "protest": ("protest", "demonstr", "rall", "march", "sit", "picket", "chain", "hartal", "strike",
                "boycott", "procession", "gathering", "blockade", "shut", "walk", "chant", "slogan", "gathered",
                "vigil", "block", "road march"),
    "protest_weak": ("petition", "demand", "gathered", "boycott"),
    "riot": ("riot", "rampag", "running battle", "barricad", "tyre", "violent", "unrest", "melee"),
    "crowd_weapons": ("pelt", "threw", "throw", "hurl", "ston", "molotov", "bomb", "stick", "iron rod",
                      "brickbat", "rioters"),
    "riot_act": ("clash", "chaos", "bonfire", "fire", "barricad", "rowdy", "deflat", "violent", "block", "fell",
                 "destruction", "destroyed", "running battle", "police", "burn", "loot"),
    "destruction": ("vandal", "smash", "storm", "set ", "torch", "ransack", "broke", "damag", "attack",
                    "assault", "beat", "chased", "clash"),
    "mob": ("mob", "lynch", "vigilante", "irate", "angry", "to death by", "members of the public"),
    "intervention": ("gas", "tear", "dispers", "cannon", "rubber", "baton", "lathi", "truncheon", "police", "pepper",
                     "blank", "fired", "warning shots", "arrest", "detain", "broke up", "obstruct", "intervened",
                     "chased away", "officers", "security forces", "contained"),
    "lethal_force": ("police", "officers", "security forces", "soldiers", "troops", "army", "anti-riot", "live",
                     "protester", "demonstrator", "student"),
    "chemical": ("chemical", "chlorine", "sarin", "mustard", "nerve"),
    "air": ("air", "drone", "bombed from", "warplane", "jet", "gunship", "aerial", "aircraft", "plane",
            "helicopter", "uav"),
    "suicide": ("suicide", "svbied", "blew", "detonat"),
    "shelling": ("shell", "artiller", "mortar", "rocket", "missile", "grenade launcher", "rpg", "projectile",
                 "howitzer", "mlrs", "grad", "unknown weapons", "tank", "ifv", "anti-tank", "bombard", "heavy"),
    "ied": ("ied", "improvised", "mine", "land", "bomb", "explosive", "vbied", "svbied", "car"),
    "explosion": ("explo", "blast", "detonat", "went off"),
    "grenade": ("grenade",),
    "regains": ("recaptur", "retook", "retaken", "regain", "liberat", "wrested", "took back"),
    "overtakes": ("captured", "seized", "overran", "overrun", "took "),
    "clash": ("clash", "exchang", "gun", "fire", "cross", "shoot", "fight", "fought", "battle", "skirmish", "small arms",
              "machine gun", "engaged", "repuls", "counter", "shot back", "repel", "routed", "forced to",
              "shots", "bursts", "both directions"),
    "assault": ("ambush", "raid", "offensive", "hit and run", "fired", "opened fire", "attack", "stormed", "kill",
                "shot", "gunned", "neutrali", "injur", "wound", "behead", "operation"),
    "sexual": ("rap", "sexual", "defile", "sodomi"),
    "abduction": ("abduct", "kidnap", "hostage", "disappear", "missing", "captive"),
    "attack": ("shot", "gun", "kill", "shoot", "murder", "hack", "stab", "behead", "injur", "wound", "attack",
               "assault", "beat", "tortur", "burn", "dead", "bod", "massacr", "execut", "slaughter", "gunned",
               "bludgeon", "machete", "strangl", "butcher", "opened fire", "harass", "gunpoint", "assassin",
               "raid", "claimed"),
    "disrupted": ("defus", "disarm", "unexploded", "controlled explosion", "bomb disposal", "seized", "recovered",
                  "confiscated", "found", "discovered", "intercepted", "uncovered", "seizure", "foiled", "thwarted",
                  "weapon", "arrested", "caught", "nabbed"),
    "arrests": ("arrest", "detain", "apprehend", "custody", "rounded up", "nabbed"),
    "looting": ("loot", "torch", "burn", "set ", "destroy", "demolish", "razed", "vandal", "property", "stole",
                "robbed", "block", "sabotag"),
    "agreement": ("cease", "truce", "peace", "signed", "prisoner", "released", "agreed", "declared", "announced",
                  "reached", "brokered", "accepted", "struck", "concluded", "freed"),
    "hq": ("set up", "establish", "opened"),
    "transfer": ("withdr", "handed over", "retreated", "without", "transfer", "vacated", "abandoned"),
    "change": ("recruited", "defected", "surrender", "merged", "split from", "pledged", "deployed", "sighted",
               "moved into", "reinforcement", "mobili", "oathing"),
}

_CUE_GATES: dict[str, frozenset[str]] = {
    name: frozenset(re.findall(r"[a-z]+", key)[0] for key in keys) for name, keys in _CUE_KEYS.items()}
_GATE_LENGTHS: tuple[int, ...] = tuple(sorted({len(stem) for stems in _CUE_GATES.values() for stem in stems}))
_WORDS = re.compile(r"[a-z]+")


def _word_prefixes(folded: str) -> set[str]:
    """Every prefix (of a gate stem's length) of every word: the cue gates test against it."""
    return {word[:n] for word in set(_WORDS.findall(folded)) for n in _GATE_LENGTHS if n <= len(word)}

# ACLED's older notes open with a label naming the sub-event ('Movement of forces: ...').
NOTE_PREFIXES: dict[str, str] = {
    "movement of forces": "Change to group/activity", "recruitment": "Change to group/activity",
    "non-violent activity": "Other", "weapons seizure": "Disrupted weapons use",
    "defusal": "Disrupted weapons use", "looting": "Looting/property destruction",
    "arrests": "Arrests", "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "agreement": "Agreement", "change to group/activity": "Change to group/activity",
}
_PREFIX = _rx(r"^\s*([A-Za-z /-]{4,40}):")

_ARMED = (r"(?:police|policem[ae]n|(?:police )?officers?|soldiers?|troops?|military|army|KDF|AMISOM|GSU|"
          r"(?:security|government|govt|defen[cs]e|armed|state|special|allied|ukrainian|russian) forces?|forces|"
          r"gendarmes?|gendarmerie|"
          r"(?:military |army |police |security )camps?|(?:military |army )?bases?|(?:police |security |border )posts?|"
          r"police stations?|checkpoints?|convoys?|patrols?|positions?|detectives?|reservists?|"
          r"barracks|militants?|fighters?|rebels?|insurgents?|gunmen|bandits?|raiders?|gang(?: members)?|"
          r"militias?|militiamen|robbers|criminals|attackers|jihadists?|terrorists|armed men|Mungiki|SLDF|MRC|NPA|"
          r"ADF|ISWAP|Boko Haram|JNIM|TTP|"
          r"Al[- ]Shabaa?b|Taliban|Islamic State|ISKP?|IS-?K|NAF|guards?|reservists?|commanders?|"
          r"members of (?:the )?(?:armed|security|police|military))")
ARMED_TARGET = _rx(
    r"\b(?:attack(?:ed|s|ing)?|ambush(?:ed|es|ing)?|kill(?:ed|ing|s)?|shot(?: dead)?|shoots?|target(?:ed|ing|s)?|"
    r"raid(?:ed|ing|s)?|assault(?:ed|s)?|storm(?:ed|ing|s)?|fired (?:at|on|upon)|opened fire (?:on|at)|neutrali[sz]ed|overran|gunned down|"
    r"engaged|pursued|repulsed)\s+(?:(?!by\b|who\b|after\b)[\w'-]+\s+){0,5}?" + _ARMED + r"\b"
    r"|\b" + _ARMED + r"\s+(?:[\w'-]+\s+){0,8}?(?:was|were|is|are|had been|have been|came under|come under)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:attacked|ambushed|killed|shot|injured|wounded|fire|attack)"
    r"|\b" + _ARMED + r"\s+(?:[\w'-]+\s+){0,3}?(?:killed|shot dead|shot|gunned down|attacked|ambushed)\s+by\b")
STATE_SUBJECT = _rx(r"^\W*(?:[\w'-]+\s+){0,4}?(?:police|policem[ae]n|officers|soldiers|troops|military|army|KDF|"
                    r"security forces|forces|GSU|AMISOM)\b")

# A trigger preceded (in the same clause) by one of these reports no occurrence.
_HEDGE = _rx(r"\b(?:could|might|may|would|will|shall|can|cannot|plan(?:s|ned|ning)?|intend(?:s|ed)?|"
             r"aim(?:s|ed)? to|seek(?:s|ing)? to|threat(?:s|en|ens|ened)?|vow(?:s|ed)?|warn(?:s|ed|ing)?|"
             r"urg(?:es|ed|ing)|calls? (?:on|for)|possibility|likely|fear(?:s|ed)? that|potential|capab\w+|ability|able to|"
             r"want(?:s|ed)? to|prepar(?:e|es|ing) to|goal|intention|ambitions?|fears? of|risk of|avoid|expected to|"
             r"set to|scheduled to|due to (?:begin|start|resume|hold)|likely|planned|upcoming|future|next (?:week|month|year)|"
             r"prevent(?:ed)? (?:a |an )?|denied|deny|denies|if|unless|whether|rumou?rs?|alleged plot)\b")
_HEDGE_AFTER = _rx(r"[\w\s,'-]{0,30}?\b(?:is|are|was|were|has been|have been)\s+(?:\w+\s+)?(?:expected|likely|set|"
                   r"scheduled|due|planned|feared|rumou?red|unlikely)\s+to\b|\s+(?:will|would|could|may|might|"
                   r"shall)\s+(?:\w+\s+)?(?:resume|continue|start|begin|take place|be held|happen|follow|spread|"
                   r"erupt|break out)\b")
_CLAUSE_BREAK = re.compile(r"[;:,.!?\"“”]|\b(?:and|but|while|after|before|when)\b")

_PROPAGANDA = _rx(r"\b(?:magazine|propaganda|videos?|audio (?:message|statements?)|publication|edition|pamphlets?|"
                  r"leaflets?|books|channels|messaging|biograph\w+|testimon\w+|the article|this article|analysis|"
                  r"newsletter|media arm|narrative|rhetoric|ideolog\w*|sermon|conference|summit|workshop|"
                  r"webinar|seminar|symposium|analysts? (?:say|said)|experts? (?:say|warn)|op-ed|podcast|"
                  r"strategy|campaign of|doctrine|insurgency model|recruitment efforts?|infograph\w*|figure \d)\b")
_AGGREGATE_COUNT = _rx(r"\b\d[\d,.]*\s+(?:\S+\s+){0,2}?(?:attacks|operations|incidents|raids|strikes|bombings|"
                       r"killings|assaults|clashes|events|abductions|kidnappings|protests|demonstrations)\b"
                       r"|\b(?:dozens|hundreds|thousands|scores|series|number|wave|spate) of (?:\w+ )?(?:attacks|operations|"
                       r"incidents|raids|strikes|bombings|killings|protests|demonstrations|clashes|abductions|"
                       r"kidnappings|arrests)\b|\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:were|have been|had been)\s+"
                       r"(?:killed|abducted|arrested|displaced|injured)\s+in\s+(?:\w+\s+){0,2}(?:attacks|clashes|"
                       r"violence|fighting|incidents)\b")
_PERIOD = _rx(r"\b(?:in|during|throughout|since|between|over|from|by|until)\s+(?:the\s+)?(?:(?:past|last|first|"
              r"previous)\s+)?(?:(?:\d+|few|several|two|three|four|five|six)\s+)?(?:years?|months?|decades?|"
              r"(?:19|20)\d\d\b(?!\s*[-–]\s*\d\d?\b))|\((?:19|20)\d\d\)|\b(?:per|a|each) (?:year|month)\b"
              r"|\bannually\b|\bso far\b|\brecord (?:low|high)\b|\bpeaked\b|\bin total\b|\ba total of\b|\bsince\b"
              r"|\b(?:last|this|past|previous) (?:year|month|decade)\b|\bacross the country\b|\bnationwide\b"
              r"|\bdoubled\b|\btripled\b|\bincreased\b|\bdecreased\b|\bdeclined\b|\brose\b|\bfell\b")
_HARD = _rx(r"\b(?:killed|shot dead|abducted|kidnapped|injured|wounded|arrested|exploded|detonated|clashed|"
            r"protested|demonstrated|beheaded|raped|shelled|looted|torched|lynched)\b")
_HABITUAL = _rx(r"\b(?:regularly|routinely|frequently|often|usually|typically|habitually|systematically)\s+"
                r"(?!(?:\w+\s+)?(?:on|in|at|during)\b)\w+")
_GENERIC = _rx(r"\b(?:has|have|had) (?:also )?(?:conducted|carried out|launched|staged|claimed|mounted|waged)\s+"
               r"(?:\w+\s+){0,2}?(?:attacks|operations|strikes|raids|bombings|campaigns?)\b"
               r"|\b(?:conducting|carrying out|launching|staging|mounting) (?:\w+ )?(?:attacks|operations)\b"
               r"|\b(?:attacks|operations) (?:against|on) (?:\w+ )?(?:targets|interests)\b")


_NOMINAL_WORDS = frozenset({"attack", "attacks", "operation", "operations", "raid", "raids", "attacking",
                            "killing", "killings", "arrested", "strikes", "shooting", "execution",
                            "assault", "assaults", "bombing", "bombings", "targets", "fought"})
_DETERMINER_BEFORE = _rx(r"(?:\b(?:the|such|these|those|its|their|his|her|of|similar|future|more|many|several|"
                         r"multiple|further|terrorist|external|transnational|major|deadly|recent|low-cost|"
                         r"high-impact|any|to|for|in|against|prevent|on|with)|'s|’s)\s+$")
_SUBJECT_BEFORE = _rx(r"\b(?:group|gang|militants|gunm[ae]n|men|raiders|bandits|police|soldiers|troops|army|"
                      r"residents|mob|youths|Shabaa?b|militia|rebels|forces|attackers|fighters|insurgents|"
                      r"[A-Z][a-z]+s)\s+$")
_VERB_AFTER = re.compile(r"\s+(?:(?:a|an|the|two|three|four|five|several|dozens|some)\b|\d|[A-Z])")


_PROTEST_NOUNS = frozenset({"protest", "protests", "protesters", "protestors", "rally", "rallies", "demonstration",
                            "demonstrations", "demonstrators", "sit-in", "sit-ins", "strike"})
_NO_PROTEST_BEFORE = _rx(r"\b(?:banned|bans?|banning|ban on|crackdown on|repression of|prohibited|prohibiting|"
                         r"outlawed|all|any|future|upcoming|planned|more|fresh|further|new|possible|potential|"
                         r"wave of|number of)\s+(?:\w+\s+)?$")


def _is_nominal(text: str, match: re.Match[str]) -> bool:
    """True when an ambiguous trigger ('attacks', 'the attack', 'the arrested') is used as a noun.

    Plural nouns name no single occurrence; a verb reading needs an object right after it
    ('Al Shabaab attacks Mandera'), a singular noun after a determiner is a reference.
    """
    word = match.group(0).casefold()
    if word in _PROTEST_NOUNS:
        return bool(_NO_PROTEST_BEFORE.search(text[max(0, match.start() - 30): match.start()]))
    if word not in _NOMINAL_WORDS:
        return False
    if _DETERMINER_BEFORE.search(text[max(0, match.start() - 25): match.start()]):
        return True
    if word in ("attacks", "operations", "raids", "killings", "assaults", "bombings", "strikes", "targets"):
        return not (_VERB_AFTER.match(text, match.end())
                    or _SUBJECT_BEFORE.search(text[max(0, match.start() - 30): match.start()]))
    return False


def _unhedged(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `pattern` that is asserted: not governed by a modal or threat word in
    its clause, and not a nominal use of an ambiguous trigger."""
    for match in pattern.finditer(text):
        if _is_nominal(text, match):
            continue
        before = text[max(0, match.start() - 70): match.start()]
        clause = _CLAUSE_BREAK.split(before)[-1]
        if not _HEDGE.search(clause) and not _HEDGE_AFTER.match(text, match.end()):
            return match
    return None


# Cues that describe who is involved rather than what happened: never hedged, first match is enough.
_DESCRIPTORS = frozenset({"civ_victim", "armed_side", "crowd", "partisan"})


def find_cues(sentence: str) -> dict[str, re.Match[str]]:
    """All cues present (and not hedged) in the sentence, by name.

    For 'attack' a decisive verb ('killed') is preferred over a weak one ('attacks', 'dead').
    """
    found = {}
    prefixes = _word_prefixes(sentence.casefold())
    for name, pattern in CUES.items():
        gate = _CUE_GATES.get(name)
        if gate is not None and prefixes.isdisjoint(gate):
            continue
        match = pattern.search(sentence) if name in _DESCRIPTORS else _unhedged(pattern, sentence)
        if match:
            found[name] = match
    if "attack" in found and found["attack"].group(0).casefold() in _WEAK_ATTACK:
        strong = _unhedged(_STRONG_ATTACK, sentence)
        if strong:
            found["attack"] = strong
    return found


def non_event_reason(sentence: str) -> str | None:
    """Why a sentence reports no single occurrence, or None when it may report one.

    Catches aggregates ('353 attacks in 2021'), habitual or generic statements ('has conducted
    attacks within and outside Afghanistan'), propaganda and commentary, and questions.
    """
    text = sentence.strip()
    if not text:
        return "empty"
    if text.endswith("?"):
        return "question"
    if _AGGREGATE_COUNT.search(text) and _PERIOD.search(text):
        return "aggregate"
    if _GENERIC.search(text) or _HABITUAL.search(text):
        return "generic statement"
    if _PROPAGANDA.search(text) and not _HARD.search(text) and not _unhedged(CUES["protest"], text):
        return "propaganda or commentary"
    if re.match(r"^\s*[\"“]", text) and re.search(r"[\"”]\s*$", text):
        return "quotation"
    return None


Decision = tuple[str, str, str]  # (sub_event_type, rule name, cue name whose match is the trigger)


def _prefix_decision(sentence: str) -> Decision | None:
    match = _PREFIX.match(sentence)
    if match and match.group(1).strip().casefold() in NOTE_PREFIXES:
        return NOTE_PREFIXES[match.group(1).strip().casefold()], "note prefix", "prefix"
    return None


_PERPETRATOR = _rx(r"\b(?:gunm[ae]n|militants?|bandits?|raiders?|rebels?|insurgents?|fighters?|soldiers?|troops?|"
                   r"police|policem[ae]n|officers?|militias?|militiam[ae]n|attackers?|assailants?|armed|jihadists?|"
                   r"terrorists?|robbers?|gang(?:s|sters)?|Al[- ]Shabaa?b|forces|kidnappers|abductors)\b")
_COMMUNAL_FIGHT = _rx(r"\b(?:ethnic|tribal|tribes?|clans?|communal|communit(?:y|ies)|raiders|morans|militias?|"
                      r"warriors|herders|pastoralists?|cattle)\b")
_CROWD_ACTS = ("crowd_weapons", "destruction", "clash", "attack")


_RIVAL_GROUPS = _rx(r"\b(?:rival|two|opposing|both) (?:political )?(?:groups|camps|factions|supporters|sides|"
                    r"candidates|parties)\b|\bsupporters of\b[^.]{0,60}\b(?:and|with)\b[^.]{0,40}\b(?:supporters|those|"
                    r"activists|members)\b|\beach other\b|\bwith those of\b|\bbetween (?:the )?supporters\b")
_FIREARMS = _rx(r"\b(?:shot|shoot\w*|guns?|gunm[ae]n|gunfire|gunshots?|firearms?|rifles?|pistols?|bullets?|"
                r"AK-?47s?|opened fire|fired)\b")


def _crowd_act(cues: dict[str, re.Match[str]], sentence: str) -> str | None:
    """The violent act a crowd (not an armed group) commits, if any: the cue name.

    The crowd must be the subject: named before the act, not in a passive phrase, with no armed
    perpetrator named with it; firearms make it an armed group's act (ACLED: rioters are
    unorganised and, as a rule, not armed with guns).
    """
    if "crowd_weapons" in cues:
        return "crowd_weapons"
    subject = cues.get("crowd") or cues.get("partisan")
    if subject is None or _COMMUNAL_FIGHT.search(sentence) or _FIREARMS.search(sentence):
        return None
    for name in _CROWD_ACTS[1:]:
        act = cues.get(name)
        if act is None or act.start() < subject.start() or act.group(0).casefold() in _WEAK_ATTACK:
            continue
        between = sentence[subject.end(): act.start()]
        after = sentence[act.end(): act.end() + 4]
        if not re.search(r"\b(?:was|were|been|being)\b", between) and not after.startswith(" by") \
                and not _PERPETRATOR.search(sentence[max(0, subject.start() - 40): subject.end()]):
            return name
    return None


def _has_protest(cues: dict[str, re.Match[str]]) -> bool:
    """A weak protest cue ('demanding') counts only when nothing violent is reported."""
    if "protest" in cues:
        return True
    violent = ("attack", "clash", "abduction", "sexual", "ied", "explosion", "shelling", "air", "grenade",
               "destruction", "crowd_weapons", "mob", "riot", "looting", "arrests", "assault")
    return "protest_weak" in cues and "crowd" in cues and not any(name in cues for name in violent)


def _demonstration_decision(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    """Protests and riots: a crowd acting, ranked excessive force > riot > intervention > peaceful.

    A riot in a demonstration is a 'Violent demonstration'; crowd violence outside one
    (lynching, village brawls, party supporters attacking each other) is 'Mob violence'.
    """
    protest, riot = _has_protest(cues), "riot" in cues
    crowd_act = _crowd_act(cues, sentence)
    if crowd_act in ("clash", "crowd_weapons", "attack") and _RIVAL_GROUPS.search(sentence):
        return "Mob violence", "rival groups fighting", crowd_act
    if riot and not protest and "attack" in cues and "civ_victim" in cues and not _armed_violence(cues):
        return "Mob violence", "rioters attacking people", "riot"
    if protest and "lethal_force" in cues and not _armed_violence(cues):
        return "Excessive force against protesters", "state lethal force on protesters", "lethal_force"
    if protest and (riot or "riot_act" in cues or crowd_act):
        cue = "riot" if riot else "riot_act" if "riot_act" in cues else crowd_act
        return "Violent demonstration", "protest turned violent", cue
    if "mob" in cues:
        return "Mob violence", "mob attack", "mob"
    if protest and "intervention" in cues:
        return "Protest with intervention", "protest dispersed or arrested", "intervention"
    if protest:
        return "Peaceful protest", "protest", "protest" if "protest" in cues else "protest_weak"
    if riot and not _armed_violence(cues):
        return "Violent demonstration", "riot", "riot"
    if crowd_act and "intervention" in cues and not _armed_violence(cues):
        return "Violent demonstration", "crowd violence dispersed", crowd_act
    if crowd_act and not _armed_violence(cues):
        return "Mob violence", "crowd violence", crowd_act
    return None


def _armed_violence(cues: dict[str, re.Match[str]]) -> bool:
    return any(name in cues for name in ("air", "suicide", "shelling", "ied", "chemical")) or (
        "clash" in cues and "armed_side" in cues and "partisan" not in cues and "crowd" not in cues)


_WEAK_CLASH = frozenset({"fighting", "fought", "battle", "battled", "engaged in", "engaged with"})


def _battle_decision(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    """Battles: two armed, organised sides. Ranked regains > overtakes > armed clash."""
    if "regains" in cues and "armed_side" in cues:
        return "Government regains territory", "recapture", "regains"
    if "overtakes" in cues and "armed_side" in cues:
        return "Non-state actor overtakes territory", "capture of territory", "overtakes"
    weak = cues.get("clash") is not None and cues["clash"].group(0).casefold() in _WEAK_CLASH
    if "clash" in cues and (not weak or "armed_side" in cues or _COMMUNAL_FIGHT.search(sentence)
                            or re.search(r"\bbetween\b", sentence)):
        return "Armed clash", "clash between armed groups", "clash"
    if "armed_side" not in cues or _explosive(cues):
        return None
    target = next((m for m in ARMED_TARGET.finditer(sentence) if not _nominal_target(sentence, m)), None)
    if target:
        return "Armed clash", "attack on armed actors", "assault" if "assault" in cues else "armed_side"
    return None


def _nominal_target(sentence: str, match: re.Match[str]) -> bool:
    verb = re.compile(r"[\w-]+").match(sentence, match.start())
    return verb is not None and _is_nominal(sentence, verb)


def _explosive(cues: dict[str, re.Match[str]]) -> bool:
    return any(n in cues for n in ("chemical", "air", "suicide", "shelling", "ied", "grenade", "explosion"))


_EXPLOSION_RANK: tuple[tuple[str, str], ...] = (
    ("chemical", "Chemical weapon"), ("air", "Air/drone strike"), ("suicide", "Suicide bomb"),
    ("shelling", "Shelling/artillery/missile attack"), ("ied", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"), ("explosion", "Remote explosive/landmine/IED"),
)


def _explosion_decision(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    for cue, sub_event in _EXPLOSION_RANK:
        if cue in cues:
            return sub_event, f"{cue} cue", cue
    return None


_WEAK_ATTACK = frozenset({"attack", "attacks", "dead", "shot", "shooting", "shoot", "shoots", "raid", "raids"})
_STRONG_ATTACK = _rx(r"\bshot (?:dead|and killed|to death)\b|\bkill(?:ed|s)?\b|\bmurder(?:ed|s)?\b|\bhack(?:ed|ing)\b"
                     r"|\bstabb(?:ed|ing)\b|\bbehead(?:ed|ing)\b|\binjur(?:ed|ing)\b|\bwound(?:ed|ing)\b"
                     r"|\battacked\b|\bassaulted\b|\bbeat(?:en)?\b|\btortured\b|\bgunned down\b|\bmassacred\b")


def _civilian_decision(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    """Violence against civilians, ranked sexual violence > attack > abduction."""
    if "sexual" in cues:
        return "Sexual violence", "sexual violence", "sexual"
    weak = "attack" in cues and cues["attack"].group(0).casefold() in _WEAK_ATTACK
    if "attack" in cues and (not weak or {"civ_victim", "abduction", "armed_side"} & cues.keys()):
        return "Attack", "violence against unarmed people", "attack"
    if "abduction" in cues:
        return "Abduction/forced disappearance", "abduction", "abduction"
    return None


_STRATEGIC_ORDER: tuple[tuple[str, str], ...] = (
    ("agreement", "Agreement"), ("arrests", "Arrests"), ("looting", "Looting/property destruction"),
    ("hq", "Headquarters or base established"), ("transfer", "Non-violent transfer of territory"),
    ("change", "Change to group/activity"),
)


def _strategic_decision(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    for cue, sub_event in _STRATEGIC_ORDER:
        if cue in cues:
            return sub_event, f"{cue} cue", cue
    if "destruction" in cues and "civ_victim" in cues:
        return "Looting/property destruction", "property destruction", "destruction"
    return None


def _disrupted_decision(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    """A seized bomb or foiled attack: nothing went off and nobody was hurt."""
    if "disrupted" in cues and not ({"attack", "clash", "explosion"} & cues.keys()):
        return "Disrupted weapons use", "weapons seized or defused", "disrupted"
    if "disrupted" in cues and re.search(r"\b(?:defus|unexploded|controlled explosion|foiled|thwarted)",
                                          sentence, re.IGNORECASE):
        return "Disrupted weapons use", "weapons defused", "disrupted"
    return None


_DECIDERS = (_disrupted_decision, _demonstration_decision, _battle_decision, _explosion_decision,
             _civilian_decision, _strategic_decision)
_CONFIDENCE = {"note prefix": 0.9, "protest": 0.8, "clash between armed groups": 0.75,
               "attack on armed actors": 0.6, "violence against unarmed people": 0.7}


def decide(cues: dict[str, re.Match[str]], sentence: str) -> Decision | None:
    """Apply the deciders in ACLED's precedence order; the first one that fires wins."""
    for decider in _DECIDERS:
        decision = decider(cues, sentence)
        if decision:
            return decision
    return None


_CONTEXT_CUES = ("intervention", "lethal_force", "riot_act", "crowd_weapons")
_GRIEVANCE = _rx(r"\b(?:against|over|condemning|denouncing|demanding|in response to|in the wake of|accusing|calling for|justice for|in solidarity with|"
                 r"following|a day after|days after)\b[^.;]*?(?=[.;]|$|,\s*(?:and|then|before|while|but)\b)")
_SEPARATE = _rx(r"[^,.;]*\((?:coded|recorded) (?:separately|as a separate event)\)")
_VIOLENT_CUES = ("riot", "riot_act", "crowd_weapons", "destruction", "attack", "clash", "assault", "mob",
                 "lethal_force", "ied", "explosion", "shelling", "air", "grenade", "abduction", "sexual", "looting",
                 "suicide")


def mask_grievances(text: str) -> str:
    """Blank out what a protest is about ('against the assault on a leader (coded separately)').

    Violence named as a grievance is another event; it must not make the protest a riot.
    Offsets are kept (blanked with spaces) so trigger spans stay valid.
    """
    for pattern in (_SEPARATE, _GRIEVANCE):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _drop_grievance_cues(cues: dict[str, re.Match[str]], sentence: str) -> None:
    """Keep only the protest and violence cues that lie outside what the protest is about."""
    masked = mask_grievances(sentence)
    for name in ("protest", *_VIOLENT_CUES):
        if name in cues:
            match = _unhedged(CUES[name], masked)
            if match:
                cues[name] = match
            else:
                del cues[name]


def _add_context_cues(cues: dict[str, re.Match[str]], context: str) -> None:
    """A demonstration is typed by everything reported about it in the neighbouring sentences.

    ACLED codes one event per crowd, place and day with the highest-ranked outcome; news and
    notes often give the police response or the violence in the next sentence. Context cues
    only refine a sentence that itself reports a protest (or a police response to one).
    """
    if "protest" in cues:
        context = mask_grievances(context)
        for name in _CONTEXT_CUES:
            if name not in cues:
                match = _unhedged(CUES[name], context)
                if match:
                    cues[name] = match
    elif "intervention" in cues:
        match = _unhedged(CUES["protest"], context)
        if match:
            cues["protest"] = match


# An attack or shelling answered by fire in the same report is one Battles event (codebook ranking).
_BATTLE_IN_CONTEXT = frozenset({"Attack", "Shelling/artillery/missile attack"})


def classify_event(sentence: str, context: str = "") -> EventTyping | None:
    """Type the event a sentence reports, or None when it reports no event.

    `context` is optional surrounding text (the neighbouring sentences of the same paragraph):
    for a protest it supplies the police response or the crowd's violence reported next to it
    (see _add_context_cues); it never creates an event on its own.
    """
    if non_event_reason(sentence):
        return None
    decision = _prefix_decision(sentence)
    separate = "separate" in sentence
    cues = find_cues(_SEPARATE.sub(lambda m: " " * len(m.group(0)), sentence) if separate else sentence)
    if "protest" in cues:
        _drop_grievance_cues(cues, sentence)
    if context:
        _add_context_cues(cues, context)
    decision = decision or decide(cues, sentence)
    if decision is None:
        return None
    if context and decision[0] in _BATTLE_IN_CONTEXT and _unhedged(CUES["clash"], context):
        decision = ("Armed clash", "fighting reported with it", "clash")
        cues.setdefault("clash", _unhedged(CUES["clash"], context))  # type: ignore[arg-type]
    sub_event, rule, cue = decision
    trigger = cues[cue].group(0) if cue in cues else sentence.split(":", 1)[0]
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub_event], sub_event_type=sub_event,
        disorder_type=SUB_EVENT_DISORDER[sub_event], trigger=trigger, rule=rule,
        confidence=_CONFIDENCE.get(rule, 0.65), cues=frozenset(cues))


# Word stems every event-deciding cue starts from: has_trigger's cheap superset test. A word
# triggers when one of its prefixes is a stem; a sentence with no such word cannot be an event.
_TRIGGER_STEMS: frozenset[str] = frozenset("""
protest demonstr rally rallie rallied march sit picket chain hartal strike boycott procession gather blockade
shut shutdown walk vigil petition demand chant slogan riot rampag running unrest melee violent pelt threw throw
hurl stone molotov bomb brick stick rod mob lynch vigilante irate angry public kill shot shoot murder hack stab
behead injur wound attack assault beat tortur burn dead body bodies massacr execut slaughter gunned bludgeon
machete strangl butcher open harass gunpoint assassin raid clash exchang gun gunfight gunbattle fire firefight
shootout fight fought battle skirmish cross crossfire arms machine gunfire engag repuls repel counter return
rout forced shots bursts directions ambush offensive hit neutrali operation storm chemical chlorine sarin mustard
nerve air airstrike airstrikes drone warplane jet helicopter aerial aircraft plane uav suicide svbied blew self
shell artiller mortar rocket missile grenade rpg projectile howitzer mlrs grad explo tank ifv anti bombard ied
improvised land mine blast detonat went recaptur retook retaken regain liberat wrest took back captur seiz overr
overran rape raped rapes raping rapist gang sexual defile sodomi abduct kidnap hostage forced disappear missing
captive defus disarm unexploded controlled disposal recover confiscat found discover intercept uncover foil
thwart weapon arrest detain apprehend custody rounded nabbed caught carrying possession loot torch destroy
demolish razed vandal smash ransack broke breaking damag stole robbed set sabotag cease ceasefire truce peace
signed prisoner released agreed establish withdr withdrew withdrawn handed retreat without transfer vacated
abandon recruit defect surrender merged split pledged deploy sighted moved reinforcement mobili oath barricad
bonfire chaos rowdy deflat destruction chased police teargas tear dispers water rubber baton lathi truncheon
intervened pepper blank warning obstruct block target claimed conducted carried launched staged mounted
executed perpetrated light lit fell felled stoned looted burning
""".split())
_STEM_LENGTHS: tuple[int, ...] = tuple(sorted({len(stem) for stem in _TRIGGER_STEMS}))
_WORD = re.compile(r"[a-z]+")


def has_trigger(sentence: str) -> bool:
    """Cheap prefilter: False means classify_event(sentence) would return None.

    Checks the prefixes of each word against a set of stems of every cue, so the engine can
    skip full typing on sentences that cannot report an event ('Notes:' labels always pass).
    """
    if ":" in sentence[:45]:
        return True
    for word in _WORD.findall(sentence.casefold()):
        for length in _STEM_LENGTHS:
            if length > len(word):
                break
            if word[:length] in _TRIGGER_STEMS:
                return True
    return False
