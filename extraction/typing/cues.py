"""The vocabulary of event detection: named cues, their cheap gates, and the trigger prefilter.

A cue is a regex for one kind of evidence ('teargas' -> intervention, 'airstrike' -> air). The
decision rules that turn cues into ACLED sub-event types live in extraction.typing.event_types; keeping
the word lists here keeps both modules readable. Everything is compiled once at import.
"""

from __future__ import annotations

import re

from extraction.typing.patterns import FoldedPattern, rx

# Verb/noun cues. Each is searched in the sentence; the first match becomes the trigger text.
CUES: dict[str, FoldedPattern] = {
    "protest": rx(
        r"\bprotest(?:s|ed|ing|ers?|ors?)?\b|\bdemonstrat(?:ions?|ors?|ers?)\b|\brall(?:y|ies|ied|ying)\b"
        r"|\b(?=demonstrat)(?<!as )(?<!has )(?<!have )(?<!was )(?<!were )(?<!been )(?<!had )(?<!further )"
        r"(?<!also )demonstrat(?:ed|es|e|ing)\b(?!\s+(?:by|its|their|the|a|an|that|how|his|her|what|our|such"
        r"|great"
        r"|strong|"
        r"considerable|significant|clear|remarkable|once|again|[A-Z][\w-]*['’]s)\b)"
        r"|\bblock(?:ed|ing|aded)? (?:[\w'-]+ ){0,6}(?:roads?|highways?|streets?|junctions?|intersections?"
        r"|entrances?)\b"
        r"|\bmotorcades?\b|\bcaravans? (?:to demand|against|in protest)\b|\bbang(?:ed|ing) pots\b"
        r"|\bpot-?banging\b|\bcacerolazos?\b"
        r"|\b(?-i:march(?:ed|es)?\b)|\bsit-?ins?\b|\bpicket(?:s|ed|ing)?\b|\bhuman chains?\b|\bhartal\b"
        r"|\b(?:went|go|going|were|are) on (?:a )?strike\b|\b(?:staged|held|called|began|launched) an? "
        r"(?:\w+ )?strike\b|\bstrike action\b|\bhunger strike\b|\bgeneral strike\b|\bboycott(?:ed|s)?\b"
        r"|\b(?:protest|anti-\w+|torch|mourning|silent) processions?\b|\bprocessions? (?:against|demanding"
        r"|to protest)\b"
        r"|\bmass gathering\b|\bblockades?\b|\b(?:nationwide|countrywide|complete) shut ?-?downs?\b"
        r"|\broad march\b|\bwalk-?outs?\b|\bchanting\b"
        r"|\bsloganeering\b|\bmarched\b|\bgathered (?:to|in front|outside|at)\b|\bvigil\b|\bpadlock(?:ed"
        r"|ing)\b"
        r"|\bgathered (?:in|at|outside|in front of) (?:\w+ ){0,4}?to (?:demand|protest|denounce|reject"
        r"|draw attention)"
        # 'workers took to the streets over pay', 'residents have demonstrated against the plan'
        r"|\b(?:t(?:ook|ake|akes|aking)|pour(?:ed|ing)?|spill(?:ed|ing)?) (?:in)?to the streets\b"
        r"|\bdemonstrat(?:ed|ing) (?:against|over|outside|in front of|to demand|to protest|demanding)\b"
        r"|\bbarricad(?:ed|ing) (?:the |a |several |main )?(?:[\w'-]+ ){0,2}(?:roads?|highways?|streets?)\b"
        r"|\bblock(?:ed|ing)\b[^.;]{0,60}\bto (?:demand|protest|denounce|oppose|press for)\b"
    ),
    "protest_weak": rx(
        r"\bpetition(?:ed)?\b|\bdemand(?:ed|ing|s)?\b|\bgathered\b|\bboycott(?:ed|s)?\b|\bdenounc(?:e|ed"
        r"|ing)\b"
        r"|\bcalling for\b"
    ),
    "riot": rx(
        r"\b(?<!anti-)riot(?:s|ed|ing)?\b(?! (?:police|gear|squads?|control|units?|officers|troops|shields?"
        r"|forces))|\brampag(?:e|ed|ing)\b|\brunning battles?\b|\bviolently (?:protest"
        r"|demonstrat)\w*\b"
        r"|\bbarricad(?:e|ed|es|ing)\b[^.]{0,40}\bburn|\bburn(?:ed|t|ing) (?:car )?(?:tyres|tires)\b"
        r"|\bset(?:ting)? (?:fire to|ablaze|alight) (?:\w+ )?(?:tyres|tires)\b"
        r"|\b(?:turn(?:ed|s)|became|becomes) (?:violent|chaotic|riotous)\b|\bdemonstrated violently\b"
        r"|\bviolent (?:\w+ )?(?:protest|demonstration)s?\b|\bunrest\b|\bmelee\b|\brioters\b"
        # the crowd itself called violent: 'police lob teargas to disperse violent residents'
        r"|\bviolent (?:crowds?|mobs?|protesters|protestors|demonstrators|youths|residents|students"
        r"|supporters)\b"
    ),
    "crowd_weapons": rx(
        r"\bpelt(?:ed|ing)\b|\b(?:threw|throws?|throwing|hurled|hurls?|hurling"
        r"|pelting)\b[^.]{0,30}\b(?:stones|rocks|bricks|"
        r"brickbats|missiles|objects)\b|\bstone-?throwing\b|\bstoned\b|\bpetrol bombs?\b|\bmolotov\b"
        r"|\bcocktail bombs?\b|\bcrude bombs?\b|\bhand-?made bombs?\b|\bsticks\b|\biron rods\b|\bbrickbats\b"
    ),
    "riot_act": rx(
        r"\bclash(?:ed|es)? with (?:the )?(?:police|security forces|officers|law enforcers|anti-riot)"
        r"|\bchaos\b|\bset(?:s|ting)? (?:\w+ ){0,2}on fire\b|\bbreaking into\b|\bbroke (?:the |into )"
        r"|\bbonfires?\b|\blit (?:\w+ )?(?:fires?|tyres|tires)\b"
        r"|\bset(?:ting)? fires?\b|\bburning barricades\b|\browdy\b|\bdeflat(?:ed|ing)\b|\bturned violent\b"
        r"|\bbarricad(?:ed|ing|es?)\b|\bblock(?:ed|ing)?\b[^.]{0,40}\b(?:with|using)\b[^.]{0,20}\b(?:stones"
        r"|boulders|"
        r"rocks|tyres|tires|logs|trees|barricades|branches|debris)\b|\bfell(?:ed|ing)? trees\b"
        r"|\blight fires\b"
        r"|\brunning battles?\b|\bbr(?:oke|eaking) (?:through )?(?:a |the )?police (?:line|barrier"
        r"|cordon)s?\b"
        r"|\bdestruction of property\b|\bproperty (?:was |were )?destroyed\b"
        r"|\bchased (?:away )?(?:the )?police\b"
        r"|\bburn(?:s|ed|t|ing)?\b(?! (?:\w+ )?effig)|\blooted\b|\bclash(?:ed|es)?\b"
        r"|\bdestroy(?:s|ed|ing)?\b"
    ),
    "destruction": rx(
        r"\bvandali[sz](?:ed|ing|m)\b|\bsmash(?:ed|ing)\b|\bstormed\b"
        r"|\bset (?:ablaze|on fire|fire to|alight)\b"
        r"|\btorch(?:ed|ing)\b|\bransack(?:ed|ing)\b|\bbroke (?:into|windows)\b|\bdamag(?:ed|ing)\b"
        r"|\battack(?:ed|ing)?\b|\bassault(?:ed|ing)?\b|\bbeat(?:en|ing)?\b|\bchased\b|\bclash(?:ed|es)?\b"
        r"|\b(?:exchang|engag)\w* (?:in )?blows\b|\bfist ?-?fights?\b"
    ),
    "crowd": rx(
        r"\bcrowds?\b|\bgroup of (?:\w+ )?(?:youths|residents|people|villagers|students|workers|locals)\b"
        r"|\byouths\b|\bstudents\b|\bsupporters\b|\bactivists\b|\bresidents\b|\bvillagers\b|\blocals\b"
        r"|\bworkers\b|\bdemonstrators\b|\bprotesters\b|\bprotestors\b|\brioters\b|\bfollowers\b|\bmob\b"
        r"|\b(?:two |rival )groups\b|\brivals\b|\brelatives\b|\bfamily members\b|\bpeople\b|\bsquatters\b"
        r"|\bhawkers\b|\bpassengers\b|\bmotorists\b|\bcommuters\b|\bfans\b|\bmourners\b|\bcadres\b"
        r"|\baccomplices\b|\bpersons\b|\bemployers\b|\bindividuals\b|\bunidentified men\b|\blocal groups?\b"
        r"|\bmembers\b|\bleaders\b|\bdrivers\b|\boperators\b|\btraders\b|\bvendors\b"
        r"|\b(?:sellers|contractors|labou?rers|brokers|participants|encroachers|grabbers|neighbou?rs|voters"
        r"|farmers|fishermen|miners|relatives|inmates|prisoners)\b"
    ),
    "mob": rx(
        r"\bmobs?\b|\blynch(?:ed|ing|es)?\b|\bvigilante\b|\bmob justice\b|\birate (?:residents|villagers"
        r"|crowd|"
        r"youths?|locals|members of the public|mob)\b|\bangry (?:residents|villagers|crowd|youths?|locals)\b"
        r"|\b(?:beaten|beat|stoned|burn(?:ed|t)) to death by (?:a |an )?(?:crowd|residents|villagers|locals|"
        r"members of the public|youths?)\b|\bmembers of the public\b"
        # violence done by a crowd named as the agent ('was attacked by a crowd', 'killed by residents')
        # people killed as suspected thieves or witches: a crowd's 'justice' even when it is not named
        r"|\bsuspected (?:thie(?:f|ves)|witch(?:es)?|robbers?|criminals?|rapists?|(?:cattle )?rustlers?)\b"
        r"[^.]{0,30}\b(?:stoned|burn(?:ed|t)|beaten|lynched|set alight|set ablaze|set on fire)\b"
        r"|\b(?:ston(?:e|es|ed)|burn(?:s|ed|t)?|beat(?:s|en)?|lynch(?:es|ed)?|set (?:\w+ )?(?:alight|ablaze))"
        r" (?:\w+ ){0,3}?suspected (?:thie(?:f|ves)|witch(?:es)?|robbers?|criminals?|rapists?)\b"
        r"|\bset (?:an? |the |two |three )?suspected (?:thie(?:f|ves)|witch(?:es)?|robbers?|criminals?)"
        r" (?:alight|ablaze|on fire)\b"
        r"|\b(?:attacked|assaulted|beaten|beat|killed|lynched|stoned|injured|hacked|cut|chased|burn(?:ed|t)"
        r"|torched)"
        r" (?:\w+ ){0,2}?by (?:a |an |the )?(?:group of |crowd of )?(?:angry |irate )?(?:crowd|mob|residents"
        r"|villagers|locals|voters|neighbou?rs|youths?|members of the public|boda ?-?boda (?:operators"
        r"|riders))\b"
    ),
    "partisan": re.compile(
        r"\b(?i:supporters|activists|members|leaders|workers|followers|cadres|men) of (?:the )?"
        r"(?i:ruling |rival )?(?:[A-Z][\w-]*|[a-z]+ [A-Z][\w-]*)|\b(?i:factions?|supporters|activists) (?:of"
        r"|from) "
        r"(?i:two|rival|the rival)|\b(?i:political (?:rivals|supporters))\b|\b(?:AL|BNP|JCD|BCL|Jubo Dal|"
        r"Chhatra Dal|Chhatra League|Jubo League|Awami League|Jamaat|ODM|Jubilee|CORD|KANU|NASA|PNU)\b"
    ),
    "intervention": rx(
        r"\btear ?-?gas\b|\bteargass(?:ed)?\b|\bdispers(?:e|ed|ing|al)\b|\bwater cannons?\b"
        r"|\brubber bullets?\b"
        r"|\bbatons?\b|\bbaton-?charg|\blathi|\btruncheons?\b|\bpolice (?:intervened|broke up|foiled|blocked|"
        r"obstructed|stopped|prevented|charged)\b|\bpepper spray\b|\bblank (?:rounds|shots)\b"
        r"|\bfired (?:shots )?in the air\b|\bwarning shots\b|\b(?:were|was) (?:arrested|detained)\b"
        r"|\barrest(?:ed|ing)? (?:\w+ ){0,3}(?:protesters|demonstrators|students|activists|participants)\b"
        r"|\bbroke up\b|\bobstruct(?:ed|ion)\b|\bintervened\b|\bchased away\b"
        r"|\b\d+ (?:\w+ )?(?:were )?arrested\b"
        r"|\b(?:police|officers|security forces)\b (?:\w+ ){0,3}?(?:fired|used|engaged|confronted|contained"
        r"|chased|"
        r"blocked|stopped|prevented|charged|cordoned|clashed|arrested|detained|beat)\b"
        r"|\bcontained the situation\b|\bbreak(?:s|ing)? up\b"
        # headline and note forms: 'police disperse protesters', 'Six arrests reported'
        r"|\bbreak up (?:the |a )?(?:protest|demonstration|rally|march|crowd|gathering)s?\b"
        r"|\b(?:police|officers|security forces) (?:disperse|teargas|tear-gas|scatter)\b"
        r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens of) arrests\b"
        r"|\b(?:police|officers|security forces)\b (?:\w+ ){0,3}?(?:injured|wounded|shot at) (?:\w+ ){0,2}?"
        r"(?:protesters|demonstrators|students|marchers)\b"
        r"|\b(?:assaulted|beaten|attacked|roughed up|manhandled) by (?:\w+ ){0,2}(?:police|policem[ae]n"
        r"|officers|security forces)\b"
    ),
    "lethal_force": rx(
        r"\b(?:police|officers|security forces|soldiers|troops|army|anti-riot)\b[^.]{0,50}\b(?:shot dead"
        r"|killed|"
        r"open(?:s|ed)? fire|fired live|live (?:bullets|ammunition|rounds))\b"
        r"|\blive (?:bullets|ammunition|rounds)\b"
        r"|\b(?:protesters?|demonstrators?|students?)\b[^.]{0,30}\b(?:was|were) (?:shot dead|killed|shot)\b"
    ),
    "chemical": rx(
        r"\bchemical (?:weapons?|attacks?|agents?)\b|\bchlorine\b|\bsarin\b|\b(?:toxic|poison(?:ous)?) gas\b"
        r"|\bmustard gas\b|\bnerve agents?\b"
    ),
    "air": rx(
        r"\bair ?-?strikes?\b|\bair raids?\b|\bdrone (?:strikes?|attacks?)\b|\bdrones?\b[^.]{0,30}"
        r"\b(?:struck|hit|targeted|bombed|dropped)\b|\bbombed from the air\b|\bwarplanes?\b"
        r"|\bfighter jets?\b|\bhelicopter gunships?\b|\baerial (?:bombardment|attack|strike)s?\b"
        r"|\b(?:air force|aircraft|jets?|planes?|helicopters?)\b[^.]{0,30}\b(?:bombed|struck|strafed|"
        r"fired|targeted)\b|\bUAVs?\b"
        r"|\b(?:military|army|air force|armed forces|defen[cs]e forces)\b[^.]{0,40}\bbombed\b"
    ),
    "suicide": rx(
        r"\bsuicide (?:bomb(?:ers?|ings?|s)?|attacks?|vests?|car bombs?|blasts?|bomb attacks?)\b|\bSVBIED\b"
        r"|\bblew (?:himself|herself|themselves) up\b|\bself-?detonat"
    ),
    "shelling": rx(
        r"\bshell(?:ed|ing|s)\b|\bartillery\b|\bmortars?\b|\brockets?\b|\bmissiles?\b"
        r"|\bgrenade launchers?\b|\bRPGs?\b(?= (?:fire|rounds|attacks?|shells?|launchers?))"
        r"|\brocket-propelled grenades?\b|\bprojectiles?\b|\bhowitzers?\b|\bMLRS\b|\bGrad (?:rockets?"
        r"|missiles?|launchers?|systems?)\b"
        r"|\b(?:projectiles|explosions?|shots|bursts of fire)(?:/[\w ]+?)*\s+involving\b"
        r"|\btank (?:fire|rounds)\b|\bIFVs?\b"
        r"|\banti-tank\b|\banti-aircraft\b|\bbombard(?:ed|ment)\b|\bheavy machine ?-?guns?\b"
    ),
    "ied": rx(
        r"\bIEDs?\b|\bimprovised explosive|\bland ?-?mines?\b|\broadside bombs?\b|\bcar bombs?\b"
        r"|\bVBIEDs?\b|\bexplosive devices?\b|\b(?=bomb)(?<!cocktail )(?<!crude )(?<!petrol )(?<!grenade )"
        r"bomb(?:s|ing|ings)?\b|\bmines?\b(?= (?:explo|blast|went|struck|hit))|\bstruck (?:a "
        r"|an )?mine\b"
        r"|\bexplosives\b"
    ),
    "explosion": rx(r"\bexplo(?:sion|sions|ded|des)\b|\bblasts?\b|\bdetonat(?:ed|ion)\b|\bwent off\b"),
    "grenade": rx(
        r"\b(?=grenade)(?<!sound )(?<!stun )(?<!smoke )(?<!gas )(?<!flash )grenades?\b(?! launcher)"
    ),
    "regains": rx(
        r"\bre-?captur(?:e|ed|ing)\b|\bretook\b|\bretaken\b|\bregain(?:ed|s)? control\b"
        r"|\bliberat(?:ed|ing)\b|\bwrested (?:back )?control\b|\btook back\b"
    ),
    "overtakes": rx(
        r"\b(?:captured|seized|overran|overrun|took (?:over|control of))\b[^.]{0,40}\b(?:town|"
        r"village|city|base|district|camp|post|area|control|territory|headquarters|county)\b"
        r"|\bseized control\b|\btook control\b|\btook over\b|\boverran\b"
    ),
    "clash": rx(
        r"\bclash(?:ed|es)?\b|\bexchang(?:ed|es|e|ing)? (?:of )?(?:heavy )?(?:gun ?)?fire\b"
        r"|\bconfronted by (?:\w+ ){0,3}?(?:armed|militias?|militants|gunmen|rebels|fighters|insurgents"
        r"|bandits)\b"
        r"|\bgun ?fights?\b"
        r"|\bgun ?battles?\b|\bfire ?fights?\b|\bshoot-?outs?\b|\bheavy fighting\b"
        r"|\bfighting (?:broke out|erupted|continued|raged|resumed|between)\b|\bfights? (?:between|over"
        r"|broke out)\b"
        r"|\bfighting\b(?! (?:against|for|the (?:coronavirus|pandemic|virus)|corruption|poverty))|\bfought\b"
        r"|\bbattle[sd]?\b|\b(?<!to )fights?\b(?! (?:against|for)\b)|\bgunfire\b"
        r"|\bskirmish(?:es)?\b|\bcross-?fire\b|\bsmall arms\b|\b(?=machine)(?<!heavy )machine ?guns?\b"
        r"|\bengaged (?:in|with)\b|\brepuls(?:e|es|ed|ing)\b|\bcounter-?attack(?:ed|s)?\b|\bfought off\b"
        r"|\bfired back\b|\bintervened,? (?:and )?(?:killing|shooting)\b"
        r"|\breturned fire\b|\bfire from (?:both|the two) sides\b|\bshot back\b|\brepell?ed\b"
        r"|\brouted\b"
        r"|\bforced to (?:withdraw|retreat|flee)\b"
        r"|\bin both directions\b"
    ),
    "assault": rx(
        r"\bambush(?:ed|es)?\b|\braid(?:ed|s)?\b|\boffensive\b|\bhit and run\b"
        r"|\bfired (?:at|upon|on)\b|\bopen(?:s|ed)? fire\b"
        r"(?! (?:stations?|hydrants?|brigades?|engines?|trucks?|services?|exits?|alarms?|safety|drills?)\b)"
        r"|\battack(?:ed|s|ing)?\b|\bstormed\b"
        r"|\bkill(?:ed|ing)?\b|\bshot\b|\bgunned down\b|\bneutrali[sz]ed\b|\binjur(?:ed|ing)\b"
        r"|\bwound(?:ed|ing)\b|\bbehead(?:ed|ing)\b|\boperations?\b"
    ),
    "sexual": rx(
        r"\brap(?:e|ed|es|ing|ist)\b|\bgang-?raped?\b|\bsexual(?:ly)? (?:assault(?:ed)?|abuse[sd]?|"
        r"violence|harass(?:ed|ment))\b|\bdefile(?:d|ment)\b|\bsodomi[sz]ed\b"
    ),
    "abduction": rx(
        r"\babduct(?:ed|s|ion|ing)?\b|\bkidnap(?:ped|s|ping)?\b|\bhostages?\b"
        r"|\bforced(?:ly)? disappear|\bdisappeared\b|\bwent missing\b|\bheld captive\b"
        r"|\b(?:kidnappers|abductors) (?:\w+ ){0,2}?"
        r"(?:seized|snatched|grabbed|took away|carried off|whisked)\b"
    ),
    "attack": rx(
        r"\bshot (?:dead|and killed|to death|at)\b|\bkill(?:ed|ing|s)?\b|\bshot\b|\bshoot(?:s|ing)?\b"
        r"|\bhuman remains\b|\bremains (?:were|was) found\b|\bheads? (?:was |were )?found\b|\bdecapitated\b"
        r"|\bslash(?:ed|es|ing)\b|\bflogg?(?:ed|ing|s)\b|\bsprayed (?:\w+ ){0,8}?with bullets\b|\binjures?\b"
        r"|\bacid attacks?\b|\b(?:poured|threw|thrown|splashed) (?:\w+ )?acid\b"
        r"|\bbeats\b|\bassaulting\b|\bfir(?:ed|ing) (?:gun)?shots at\b"
        r"|\bremains of (?:\w+ ){0,3}?(?:m[ae]n|wom[ae]n"
        r"|people|persons|bod(?:y|ies))\b|\b(?:died|dead) and (?:was|were) found\b"
        r"|\bfound (?:murdered|lifeless|wrapped|with (?:gunshot|stab|bullet))"
        r"|\bhit (?:and \w+ )?(?:a |an |the |two |three |several |some |\d+ )?(?:[\w-]+ ){0,3}?(?:m[ae]n"
        r"|wom[ae]n|person|people|civilians?|boys?|girls?|child(?:ren)?|teenagers?|students?|drivers?"
        r"|journalists?)\b"
        r"|\bdismembered\b|\bcharred bod(?:y|ies)\b|\bhijack(?:ed|ing)\b"
        r"|\bmurder(?:ed|s)?\b|\bhack(?:s|ed|ing)\b"
        r"|\bstabb(?:ed|ing)\b|\bbehead(?:ed|ing)\b|\binjur(?:ed|ing)\b|\bwound(?:ed|ing)\b"
        r"|\battack(?:ed|s|ing)?\b|\bassault(?:ed|s)?\b|\bbeat(?:en|ing)?\b|\btortur(?:ed|e)\b"
        r"|\bburn(?:ed|t) alive\b|\bfound dead\b|\bbod(?:y|ies)\b[^.]{0,40}\bfound\b"
        r"|\bfound\b[^.]{0,40}\bbod(?:y|ies)\b|\bmassacr(?:e|ed)\b|\bexecut(?:es|ed|ion)\b"
        r"|\bslaughter(?:ed)?\b|\bgun(?:ned)? down\b|\bbludgeon|\bmachete\b|\bstrangl"
        r"|\bbutcher(?:ed)?\b"
        # 'residents stone two suspected robbers to death', 'suspected witches burned to death'
        r"|\b(?:ston(?:e|es|ed)|burn(?:s|ed|t)?|beat(?:s|en)?|hack(?:s|ed)?|club(?:s|bed)?|lynch(?:es|ed)?"
        r"|stab(?:s|bed)?|starv(?:e|es|ed)) (?:\w+ ){0,3}?to death\b"
        # headlines: 'Bandits strike Sololo area', 'armed men descended on a town'
        r"|\b(?:raiders|bandits|gunm[ae]n|attackers|assailants|militi(?:a|as|amen)|rustlers|militants"
        r"|armed men)"
        r" (?:\w+ ){0,2}?(?:strike|struck|descend(?:s|ed)? on)\b"
        # livestock raiding (rustling) is violence against the herders, not plain theft
        r"|\b(?:st(?:eal|eals|ole|olen)|rustl(?:e|es|ed|ing)|drove away|driven away|made away with)\b"
        r"[^.]{0,30}\b(?:cattle|livestock|goats|sheep|camels|cows|animals|herds?)\b"
        r"|\bopen(?:s|ed)? fire\b"
        r"(?! (?:stations?|hydrants?|brigades?|engines?|trucks?|services?|exits?|alarms?|safety|drills?)\b)"
        r"|\bharass(?:ed|ment)\b|\bthreaten(?:ed)? (?:\w+ ){0,3}at gunpoint\b"
        r"|\bassassinat(?:e|es|ed|ion)\b|\bdead\b|\braid(?:ed|s)?\b|\b(?:conducted|carried out|launched"
        r"|staged|mounted|"
        r"executed|perpetrated)\b[^.]{0,30}\battack\b|\bclaimed (?:responsibility|credit) for\b"
    ),
    "disrupted": rx(
        r"\bdefus(?:ed|al|ing)\b|\bdisarm(?:ed|ing) (?:an?|the|two|\d+) (?:\w+ )?(?:bombs?"
        r"|IEDs?|"
        r"explosives?|devices?)\b|\bunexploded\b|\bcontrolled explosion\b|\bbomb disposal\b"
        r"|\b(?:dismantl|neutrali[sz]|deactivat|disarm)(?:ed|ing)\b[^.]{0,40}\b(?:explosive|bombs?\b|IEDs?\b"
        r"|devices?\b|(?:land ?)?mines?\b|booby)"
        r"|\bbefore (?:it|they) (?:could|was able to|were able to) (?:detonate|explode|go off|be detonated)\b"
        r"|\b(?:seized|recovered|confiscated|found|discovered|intercepted|uncovered"
        r"|seizure of)\b"
        r"[^.]{0,60}\b(?:explosives?|bombs?|IEDs?|grenades?|weapons?|ammunition|arms cache|"
        r"firearms|guns|rifles|detonators)\b|\b(?:foiled|thwarted)\b[^.]{0,40}\b(?:attack|plot|"
        r"bombing)\b|\bweapons? (?:cache|seizure)\b|\b(?:arrested|caught|intercepted"
        r"|nabbed)\b[^.]{0,30}\b(?:with|"
        r"carrying|possession of)\b[^.]{0,30}\b(?:explosives?|explosive devices?|bombs?|IEDs?"
        r"|grenades?|"
        r"weapons|ammunition|firearms|guns|rifles)\b"
    ),
    "arrests": rx(
        r"\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|ing|s)?\b|\bapprehend(?:ed|s)?\b"
        r"|\btaken into custody\b|\brounded up\b|\bcustody\b|\bnabbed\b"
    ),
    "looting": rx(
        r"\b(?:vehicles?|cars?|trucks?|bus(?:es)?|houses?|homes?|shops?|offices?|buildings?|billboards?"
        r"|property)"
        r" (?:was |were )?(?:set on fire|set ablaze|torched|burn(?:ed|t)|destroyed|vandali[sz]ed)\b"
        r"|\bloot(?:ed|ing|s)?\b|\b(?:torched|burn(?:ed|t)(?: down)?|set (?:ablaze|on fire"
        r"|fire to)|"
        r"destroy(?:ed|ing)|demolish(?:ed|ing)|razed)\b[^.]{0,40}\b(?:houses?|homes?|huts?|shops?|"
        r"vehicles?|cars?|property|properties|schools?|offices?|buildings?|churches|church|"
        r"mosques?|temples?|crops|granar(?:y|ies)|stores?|markets?|structures?|residences?"
        r"|villages?|"
        r"factory|factories|offices?)\b"
        r"|\b(?:torched|burn(?:ed|t)(?: down)?|set (?:ablaze|on fire|alight|fire to))\b[^.]{0,40}"
        r"\b(?:machinery"
        r"|equipment|tractors?|motorcycles?|motorbikes?|boats?|apartments?|stadium|tribunes?|warehouses?"
        r"|barns?|farms?|towers?)\b"
        # infrastructure and election material: 'destroyed an electricity pylon', 'destroy ballot boxes'
        r"|\b(?:torch(?:es|ed)|burn(?:s|ed|t)?(?: down)?|destroy(?:s|ed)?|vandali[sz]e[sd]?"
        r"|set (?:ablaze|on fire|alight|fire to))\b[^.]{0,40}\b(?:pylons?|masts?|bridges?"
        r"|ballot (?:boxes|papers|materials)"
        r"|polling (?:stations?|centres?|centers?|booths?)|dormitor(?:y|ies)|classrooms?"
        r"|police (?:posts?|stations?|camps?))\b"
        r"|\b(?:vehicles?|cars?|trucks?|houses?|homes?|shops?|apartments?|buildings?|offices?|machinery"
        r"|property|properties)\b[^.]{0,40}\b(?:was|were) (?:later |also |then )?(?:set (?:on fire|ablaze"
        r"|alight)|torched|burn(?:ed|t)(?: down)?)\b"
        r"|\bvandali[sz](?:ed|ing)\b|\bproperty (?:destruction|was destroyed)\b|\bstole\b"
        # headline present tense: 'herders ... burn homes', 'youths torch a police post'
        r"|\b(?:burns?|torch(?:es)?)(?: down)? (?:\w+ ){0,2}?(?:houses|homes|huts|shops|vehicles|cars"
        r"|buildings|offices|churches|schools|villages|property|properties)\b"
        r"|\brobbed\b"
        r"|\bset ablaze\b|\btorched\b|\bblock(?:ed|ade)\b[^.]{0,30}\brail|\bsabotag"
    ),
    "seizure": rx(
        r"\b(?:seiz(?:ed|ing)|confiscat(?:ed|ing)|dismantled|destroyed|burn(?:ed|t)|seizure of|impounded"
        r"|discovered)\b[^.]{0,60}"
        r"\b(?:marijuana"
        r"|marihuana|cannabis|cocaine|drugs?|narcotics|heroin|methamphetamine|cigarettes|contraband|labs?"
        r"|laborator(?:y|ies)"
        r"|airstrips?|plantations?|crops|foods?|boats?|vehicles?|motorbikes?|motorcycles?|trucks?|livestock|cattle"
        r"|goods"
        r"|timber|charcoal|fuel|property)\b"
    ),
    "agreement": rx(
        r"\b(?:signed|agreed (?:on|to)|declared|announced|reached|brokered|accepted|struck"
        r"|concluded)\b"
        r"[^.]{0,50}\b(?:cease-?fire|truce|peace (?:deal|agreement|accord)|agreement|accord"
        r"|deal|pact|"
        r"memorandum)\b|\b(?:cease-?fire|truce|peace (?:deal|agreement"
        r"|accord))\b[^.]{0,30}\b(?:was|were|"
        r"has been)? ?(?:signed|agreed|declared|announced|reached|brokered)\b"
        r"|\bprisoner (?:exchange|swap)\b"
        r"|\b(?:released|freed)\b[^.]{0,30}\b(?:prisoners|hostages|detainees|captives)\b"
        r"|\bagreed to\b[^.]{0,30}\b(?:end|stop|halt|cease|withdraw|release)\b"
        r"|\b(?:cease-?fire|truce|peace (?:deal|agreement|accord))\b[^.]{0,40}\b(?:came|went|took|comes|goes)"
        r" (?:into )?effect\b"
    ),
    "hq": rx(
        r"\b(?:set up|established|establish(?:es)?|opened)\b[^.]{0,30}\b(?:base|camp|headquarters|"
        r"outpost|command post)\b"
    ),
    "transfer": rx(
        r"\bwithdr(?:ew|awn) from\b|\bhanded over (?:control|the)\b|\bretreated from\b"
        r"|\bwithout (?:a fight|resistance|fighting)\b|\btransfer(?:red)? (?:of )?control\b"
        r"|\bvacated\b|\babandoned (?:their |the )?(?:positions?|base|camp|posts?)\b"
    ),
    "change": rx(
        r"\brecruited\b|\bdefected\b|\bsurrender(?:ed|s)\b|\bmerged\b|\bmerger\b|\bsplit from\b"
        r"|\bjoined forces\b|\bformed (?:a |an )?(?:new )?(?:coalition|alliance)\b"
        r"|\bpledged allegiance\b|\bdeployed\b|\bsighted\b|\bmoved into\b|\breinforcements\b"
        r"|\bmobili[sz]ed\b|\boathing\b|\bmilitary (?:exercises?|drills?)\b"
        r"|\bpatroll?(?:ed|ing) the streets\b"
        r"|\b(?:declared|imposed|announced|ordered) (?:a |an )?(?:new |total |partial |\w+ )?"
        r"(?:lockdown|curfew)\b"
        # an armed group's non-violent activity: handing out food or aid
        r"|\b(?:gangs?|cartels?|militias?|rebels|insurgents|militants|armed groups?|members of)\b[^.]{0,60}"
        r"\b(?:deliver|distribut|hand(?:ed|ing) out)\w*\b[^.]{0,40}\b(?:food|packages|aid|boxes|supplies)\b"
    ),
    "other": rx(
        r"\b(?:staged|launched|carried out|attempted) (?:a )?(?:military )?coup\b|\bdeclared (?:a )?state of "
        r"emergency\b|\b(?:declared|imposed) martial law\b|\bdissolved (?:the )?(?:parliament|government"
        r"|assembly)\b"
        r"|\bsuspended the constitution\b"
        # displacement and return of civilians, with no violence reported in the sentence
        # (a counted group, a completed move: '840 families ... evacuated', not 'millions have fled')
        r"|\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:families|villagers|residents|civilians|people)\b[^.]{0,160}"
        r"\b(?<!have )(?<!has )(?:fled|evacuated|were displaced)\b"
        r"|\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:refugees|migrants)\b[^.]{0,40}"
        r"\b(?<!have )(?<!has )(?:returned|arrived|were repatriated)\b"
    ),
    "civ_victim": rx(
        r"\bcivilians?\b|\bvillagers?\b|\bresidents?\b|\blocals?\b|\bfarmers?\b|\bherders?\b|\btraders?\b"
        r"|\bteachers?\b|\bstudents?\b|\bpupils?\b|\bpassengers?\b|\bdrivers?\b|\bworkers?\b|\bwom[ae]n\b"
        r"|\bchild(?:ren)?\b|\bboys?\b|\bgirls?\b|\bman\b|\bmen\b|\bperson\b|\bpeople\b|\bfamil(?:y|ies)\b"
        r"|\btourists?\b|\bjournalists?\b|\bpastors?\b|\bimams?\b|\bpriests?\b|\belders?\b|\bchiefs?\b"
        r"|\bbusiness ?m[ae]n\b|\bshopkeepers?\b|\bmotorists?\b|\briders?\b|\btravell?ers?\b|\bvictims?\b"
        r"|\bwidow\b|\bhusband\b|\bwife\b|\bson\b|\bdaughter\b|\bmother\b|\bfather\b|\bbod(?:y|ies)\b"
        r"|\bemployees?\b|\bnurses?\b|\bdoctors?\b|\bworshipp?ers?\b|\bmembers of the\b|\bvendors?\b"
        r"|\byouths?\b|\bcouple\b(?! (?:of )?(?:weeks|days|months|years|hours))|\bhouseholds?\b|\bhomes?\b"
        r"|\bhouses?\b|\bsuspects?\b|\bMCA\b|\bofficials?\b"
        r"|\bherdsm[ae]n\b|\bmourners\b|\bobservers?\b|\bmonitors\b|\bvoters?\b|\baspirants?\b"
        r"|\bcandidates?\b|\bpoliticians?\b|\bleaders?\b|\bactivists?\b|\bsupporters?\b|\bfisherm[ae]n\b"
        r"|\bpastoralists?\b|\bminers?\b|\bcommuters?\b|\bpedestrians?\b|\bthieves\b|\bthief\b|\bvillages?\b"
        r"|\brefugees\b|\bIDPs\b|\bmarkets?\b|\bbus(?:es)?\b|\bchurch(?:es)?\b|\bmosques?\b|\bschools?\b"
        r"|\bsettlements?\b|\bhamlets?\b|\bhospitals?\b|\bresidences?\b|\bministers?\b|\bofficials?\b"
    ),
    "armed_side": rx(
        r"\bpolice\b|\bpolicem[ae]n\b|\bofficers?\b|\bsoldiers?\b|\btroops?\b|\bmilitary\b|\barmy\b|\bKDF\b"
        r"|\bAMISOM\b|\bGSU\b|\b(?:security|government|defen[cs]e|armed|state|federal|regional|special|"
        r"government-allied) forces\b|\bmilitants?\b|\bfighters?\b|\brebels?\b|\binsurgents?\b|\bgunmen\b"
        r"|\bbandits?\b|\braiders?\b|\bgang(?:s|sters?)?\b|\bmilitias?\b|\bmilitiamen\b|\bjihadists?\b"
        r"|\bcamp\b|\bbase\b|\bcheckpoint\b|\bconvoy\b|\bpatrol\b|\bpositions?\b|\bpolice (?:post|station)\b"
        r"|\barmed (?:men|group|robbers)\b|\brobbers\b|\bcriminals\b|\battackers\b|\bguards?\b"
        r"|\breservists?\b|\bassailants\b|\bAl[- ]Shabaa?b\b|\bTaliban\b|\bIslamic State\b|\bNAF\b"
        r"|\bforces\b|\bcartel\b"
        r"|\b(?:cattle )?rustlers\b|\bgangsters\b|\bthugs\b|\bterror (?:group|cell)s?\b"
    ),
}

# ACLED's older notes open with a label naming the sub-event ('Movement of forces: ...').
NOTE_PREFIXES: dict[str, str] = {
    "movement of forces": "Change to group/activity",
    "recruitment": "Change to group/activity",
    "non-violent activity": "Other",
    "weapons seizure": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "looting": "Looting/property destruction",
    "arrests": "Arrests",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "agreement": "Agreement",
    "change to group/activity": "Change to group/activity",
}
NOTE_PREFIX = re.compile(r"^\s*([A-Za-z /-]{4,40}):", re.IGNORECASE)

_ARMED = (
    r"(?:police|policem[ae]n|(?:police )?officers?|soldiers?|troops?|military|army|KDF|AMISOM|GSU|"
    r"(?:security|government|govt|defen[cs]e|armed|state|special|allied|ukrainian|russian) forces?|forces|"
    r"gendarmes?|gendarmerie|(?:military |army |police |security )camps?|(?:military |army )?bases?|"
    r"(?:police |security |border )posts?|police stations?|checkpoints?|convoys?|patrols?|positions?|"
    r"detectives?|reservists?|barracks|militants?|fighters?|rebels?|insurgents?|gunmen|bandits?|raiders?|"
    r"(?:cattle )?rustlers|gang(?:sters| members)?|thugs|militias?|militiamen|robbers|criminals|attackers|"
    r"jihadists?|terrorists|armed men|Mungiki|SLDF|MRC|NPA|ADF|ISWAP|Boko Haram|JNIM|TTP|Al[- ]Shabaa?b"
    r"|Taliban|"
    r"Islamic State|ISKP?|IS-?K|NAF|guards?|commanders?|members of (?:the |a )?(?:armed|security|police"
    r"|military"
    r"|terror))"
)
_ARMED_VERBS = (
    r"(?:attack(?:ed|s|ing)?|ambush(?:ed|es|ing)?|kill(?:ed|ing|s)?|shot(?: dead)?|shoots?|target(?:ed|ing"
    r"|s)?|"
    r"raid(?:ed|ing|s)?|assault(?:ed|s)?|storm(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|"
    r"fired (?:at|on|upon)|firing (?:at|on|upon)|open(?:s|ed)? fire (?:on|at)|neutrali[sz]ed|overran"
    r"|gun(?:s|ned)? down|engaged|pursued|repulsed|offensives? (?:against|on))"
)
_STATE_NOUNS = (
    r"(?:police|policem[ae]n|soldiers|troops|security forces|security personnel|military|army|KDF|GSU)"
)
ARMED_TARGET = rx(
    r"\b"
    + _ARMED_VERBS
    + r"\s+(?:(?!by\b|who\b|after\b|during\b|in\b|attributed\b|blamed\b|claimed\b|when\b|while\b|as\b)"
    r"[\w'-]+\s+){0,5}?" + _ARMED + r"\b"
    r"|\b"
    + _ARMED
    + r"\s+(?:[\w'-]+\s+){0,8}?(?:was|were|is|are|had been|have been|came under|come under)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:attacked|ambushed|killed|shot|injured|wounded|fire|attack|dead)"
    r"|\b(?:[1-9]\d{0,2}|two|three|four|five|six|several|one|some)\s+of the\s+(?:\w+\s+)?"
    + _ARMED
    + r"\s+(?:were|was)\s+(?:killed|shot|wounded|injured)"
    r"|\b" + _ARMED + r"\s+(?:[\w'-]+\s+){0,3}?(?:killed|shot dead|shot|gunned down|attacked|ambushed)\s+by\b"
    r"|\b(?:[1-9]\d{0,2}|two|three|four|five|six|seven|eight|nine|ten|several|one)\s+(?:\w+\s+)?"
    + _ARMED
    + r"\s+(?:and\s+(?:\w+\s+){1,2})?(?:were\s+)?(?:killed|injured|wounded|shot dead)\b"
    r"(?=\s*(?:[,.;]|$|(?:in|at|on|and|by|during|while|when|after|near)\b))"
    r"|\b(?:ambushed|engaged|repulsed|pursued|repelled)\s+by\s+(?:the\s+)?(?:\w+\s+)?" + _STATE_NOUNS + r"\b"
    # headline style, no auxiliary: 'Police reservist killed when raiders attack'
    r"|^(?:\w+\s+){0,2}?" + _ARMED + r"\s+(?:[\w'-]+\s+){0,2}?(?:killed|shot dead|injured|wounded)\b"
    r"(?=\s*(?:[,.;]|$|(?:when|while|as|after|during)\b"
    r"|in (?:an? |the )?(?:ambush|attack|clash|raid|fighting|gun ?fight|shoot-?out|explosion|blast)))"
)
