"""ACLED's codebook as data: the one place the schema, the SQL and the extractor take it from.

Facts follow ACLED's public codebook (2023-2025) and the exports users feed us; where the two
differ (old numeric inter codes, old region names, 'Civilian targeting'), both are accepted.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

import pycountry

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
PV_AND_DEMONSTRATIONS = "Political violence; Demonstrations"
DISORDER_TYPES: tuple[str, ...] = (POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC_DEVELOPMENTS,
                                   PV_AND_DEMONSTRATIONS)


class EventType(StrEnum):
    """ACLED's six event types. Members are `str`s: they compare, hash and serialise as the name."""

    BATTLES = "Battles"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED's 25 sub-event types (a misspelt member is an AttributeError, not a silent miss)."""

    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    ARMED_CLASH = "Armed clash"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    PEACEFUL_PROTEST = "Peaceful protest"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "Abduction/forced disappearance"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"


class InterLabel(StrEnum):
    """ACLED's actor types (inter1/inter2), as current exports write them."""

    STATE_FORCES = "State forces"
    REBEL_GROUP = "Rebel group"
    POLITICAL_MILITIA = "Political militia"
    IDENTITY_MILITIA = "Identity militia"
    RIOTERS = "Rioters"
    PROTESTERS = "Protesters"
    CIVILIANS = "Civilians"
    EXTERNAL_OTHER_FORCES = "External/Other forces"


_E, _S = EventType, SubEventType
# event_type -> sub-event types, both ranked from highest to lowest (the higher one wins). Plain
# strings (the enums' values), so SQL parameters and frames see exactly what they saw before.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    event_type.value: tuple(sub.value for sub in subs)
    for event_type, subs in (
        (_E.BATTLES, (_S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
                      _S.ARMED_CLASH)),
        (_E.PROTESTS, (_S.EXCESSIVE_FORCE_AGAINST_PROTESTERS, _S.PROTEST_WITH_INTERVENTION,
                       _S.PEACEFUL_PROTEST)),
        (_E.RIOTS, (_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE)),
        (_E.EXPLOSIONS_REMOTE_VIOLENCE, (_S.CHEMICAL_WEAPON, _S.AIR_DRONE_STRIKE, _S.SUICIDE_BOMB,
                                         _S.SHELLING_ARTILLERY_MISSILE_ATTACK,
                                         _S.REMOTE_EXPLOSIVE_LANDMINE_IED, _S.GRENADE)),
        (_E.VIOLENCE_AGAINST_CIVILIANS, (_S.SEXUAL_VIOLENCE, _S.ATTACK, _S.ABDUCTION_FORCED_DISAPPEARANCE)),
        (_E.STRATEGIC_DEVELOPMENTS, (_S.AGREEMENT, _S.ARRESTS, _S.CHANGE_TO_GROUP_ACTIVITY,
                                     _S.DISRUPTED_WEAPONS_USE, _S.HEADQUARTERS_OR_BASE_ESTABLISHED,
                                     _S.LOOTING_PROPERTY_DESTRUCTION, _S.NON_VIOLENT_TRANSFER_OF_TERRITORY,
                                     _S.OTHER)),
    )
}
SUB_EVENT_PARENT: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}

# sub_event_type -> its disorder_type (ACLED writes the two-valued one as a single string).
SUB_EVENT_DISORDER: dict[str, str] = {
    **{sub: POLITICAL_VIOLENCE for sub in EVENT_TYPES["Battles"]},
    **{sub: POLITICAL_VIOLENCE for sub in EVENT_TYPES["Explosions/Remote violence"]},
    **{sub: POLITICAL_VIOLENCE for sub in EVENT_TYPES["Violence against civilians"]},
    **{sub: STRATEGIC_DEVELOPMENTS for sub in EVENT_TYPES["Strategic developments"]},
    "Excessive force against protesters": PV_AND_DEMONSTRATIONS,
    "Protest with intervention": DEMONSTRATIONS,
    "Peaceful protest": DEMONSTRATIONS,
    "Violent demonstration": DEMONSTRATIONS,
    "Mob violence": POLITICAL_VIOLENCE,
}

INTER_LABELS: dict[int, str] = {code: label.value for code, label in enumerate(InterLabel, start=1)}
INTER_CODES: dict[str, int] = {label.casefold(): code for code, label in INTER_LABELS.items()}

# The 44 numeric interaction codes ACLED uses.
VALID_INTERACTIONS: frozenset[int] = frozenset(
    [*range(10, 19), 20, *range(22, 29), 30, *range(33, 39), 40, *range(44, 49), 50, *range(55, 59),
     60, 66, 67, 68, 70, 77, 78, 80, 88]
)

TIME_PRECISIONS: tuple[int, ...] = (1, 2, 3)  # day, week/weekend, month
GEO_PRECISIONS: tuple[int, ...] = (1, 2, 3)  # town, near a town/part of region, larger region

# ACLED's files write "Civilian targeting" (the Bangladesh 2022-2024 export, the newest format we
# have); "Civilians targeted" is the older codebook wording. Both are accepted and stored as given;
# extracted events use CIVILIAN_TARGETING.
CIVILIAN_TARGETING = "Civilian targeting"
CIVILIAN_TARGETING_VALUES: tuple[str, ...] = (CIVILIAN_TARGETING, "Civilians targeted")
CIVILIAN_TARGETING_EVENT_TYPES: frozenset[str] = frozenset(
    {"Violence against civilians", "Explosions/Remote violence", "Riots", "Protests"}
)

EVENT_ID_PATTERN = re.compile(r"^[A-Z]{3}\d+$")

# Input spellings seen in exports -> codebook spelling.
SPELLING_FIXES: dict[str, str] = {
    "excessive force against protestors": "Excessive force against protesters",
    "strategic developments": "Strategic developments",
    "violence against civilians": "Violence against civilians",
    "explosions/remote violence": "Explosions/Remote violence",
}

REGIONS: tuple[str, ...] = (
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "South Asia", "Southeast Asia", "Middle East", "Europe", "Caucasus and Central Asia",
    "Central America", "South America", "Caribbean", "East Asia", "North America", "Oceania",
    "Antarctica",
)
OLD_REGION_NAMES: dict[str, str] = {"Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia"}
# The numbers ACLED's API takes for `region=` (ACLED's API user guide, 2022 edition).
ACLED_REGION_CODES: dict[str, int] = {
    "Western Africa": 1, "Middle Africa": 2, "Eastern Africa": 3, "Southern Africa": 4,
    "Northern Africa": 5, "South Asia": 7, "Southeast Asia": 9, "Middle East": 11, "Europe": 12,
    "Caucasus and Central Asia": 13, "Central America": 14, "South America": 15, "Caribbean": 16,
    "East Asia": 17, "North America": 18, "Oceania": 19, "Antarctica": 20,
}
# Region values an import may carry: files are stored with the names they came with.
ACCEPTED_REGIONS: tuple[str, ...] = (*REGIONS, *OLD_REGION_NAMES)

_REGION_MEMBERS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA ZMB "
                      "IOT ATF",
    "Southern Africa": "BWA SWZ LSO NAM ZAF ZWE",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "South Asia": "BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA XKX LVA LIE "
              "LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE UKR GBR "
              "VAT FRO GIB GGY JEY IMN ALA SJM",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB AFG",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN SGS",
    "Caribbean": "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA "
                 "LCA MAF VCT SXM TTO TCA VIR",
    "East Asia": "CHN HKG MAC JPN KOR PRK MNG TWN",
    "North America": "USA CAN BMU GRL SPM UMI",
    "Oceania": "AUS NZL FJI PNG SLB VUT NCL PYF WSM TON KIR TUV NRU FSM MHL PLW ASM GUM MNP COK NIU "
               "TKL WLF PCN NFK CXR CCK HMD",
    "Antarctica": "ATA BVT",
}
REGION_OF_ALPHA3: dict[str, str] = {
    code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()
}

# Countries whose ACLED name differs from pycountry's common/official names.
_ACLED_COUNTRY_NAMES: dict[str, str] = {
    "COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "CIV": "Ivory Coast",
    "IRN": "Iran", "SYR": "Syria", "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea",
    "LAO": "Laos", "VNM": "Vietnam", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania",
    "MDA": "Moldova", "PSE": "Palestine", "SWZ": "eSwatini", "CZE": "Czech Republic",
    "TUR": "Turkey", "MKD": "North Macedonia", "BRN": "Brunei", "FSM": "Micronesia", "TWN": "Taiwan",
    "CPV": "Cape Verde", "TLS": "East Timor", "VAT": "Vatican City", "GBR": "United Kingdom",
    "USA": "United States", "BHS": "Bahamas", "GMB": "Gambia", "XKX": "Kosovo", "MMR": "Myanmar",
    "SYC": "Seychelles", "KNA": "Saint Kitts and Nevis", "VCT": "Saint Vincent and the Grenadines",
    "LCA": "Saint Lucia", "BES": "Caribbean Netherlands", "CUW": "Curacao", "REU": "Reunion",
    "MAF": "Saint-Martin", "BLM": "Saint-Barthelemy", "SHN": "Saint Helena, Ascension and Tristan da Cunha",
    "ALA": "Aland Islands", "FLK": "Falkland Islands", "VIR": "Virgin Islands, U.S.",
    "VGB": "British Virgin Islands", "NLD": "Netherlands", "PHL": "Philippines",
}


def normalise_region(region: str) -> str:
    """ACLED renamed two regions: the newer name of `region` (for comparisons across vintages;
    imports keep the name their file used)."""
    return OLD_REGION_NAMES.get(region, region)


def inter_code(value: object) -> int | None:
    """Parse an inter code given as a number ('2', 2, 2.0) or a label ('Rebel group')."""
    if value is None:
        return None
    text = str(value).strip()
    if text in {"", "0", "0.0"}:
        return 0 if text else None
    try:
        code = int(float(text))
    except ValueError:
        return INTER_CODES.get(text.casefold())
    return code if code in INTER_LABELS else None


def interaction_number(inter1: int | None, inter2: int | None) -> int:
    """ACLED's numeric interaction: the lower code first, X0 for a one-sided event."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        raise ValueError("an event needs at least actor1's inter code")
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


def interaction_label(inter1: int | None, inter2: int | None) -> str:
    """ACLED's text interaction ('State forces-Rebel group', 'Protesters only')."""
    number = interaction_number(inter1, inter2)
    first, second = divmod(number, 10)
    if second == 0:
        return f"{INTER_LABELS[first]} only"
    return f"{INTER_LABELS[first]}-{INTER_LABELS[second]}"


def parse_interaction(value: object) -> int | None:
    """Parse an interaction given as a number ('12') or as text ('State forces-Rebel group').

    Text is parsed by its labels, never cast; returns None when it is neither form.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.0)?", text):
        return int(float(text))
    folded = text.casefold()
    if folded.endswith(" only"):
        code = INTER_CODES.get(folded[: -len(" only")])
        return code * 10 if code else None
    for label, code in INTER_CODES.items():
        if folded.startswith(label + "-"):
            other = INTER_CODES.get(folded[len(label) + 1:])
            if other:
                return interaction_number(code, other)
    return None


@cache
def _country_index() -> dict[str, object]:
    index: dict[str, object] = {}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None),
                 _ACLED_COUNTRY_NAMES.get(country.alpha_3)}
        for name in filter(None, names):
            index[_fold(name)] = country
    return index


def _fold(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold().replace("&", "and"))


def country_alpha3(name: str) -> str | None:
    """ISO alpha-3 for an ACLED (or ISO) country name; Kosovo is XKX."""
    folded = _fold(name)
    if folded == "kosovo":
        return "XKX"
    country = _country_index().get(folded)
    return getattr(country, "alpha_3", None)


def country_iso_numeric(name: str) -> int | None:
    """ISO 3166-1 numeric code for a country name (ACLED's `iso`); Kosovo has 0 in ACLED."""
    folded = _fold(name)
    if folded == "kosovo":
        return 0
    country = _country_index().get(folded)
    return int(country.numeric) if country is not None else None


def country_name(alpha3: str) -> str | None:
    """ACLED's spelling of a country given its ISO alpha-3 code."""
    if alpha3 in _ACLED_COUNTRY_NAMES:
        return _ACLED_COUNTRY_NAMES[alpha3]
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def region_of(alpha3: str) -> str | None:
    """ACLED region of a country given its ISO alpha-3 code."""
    return REGION_OF_ALPHA3.get(alpha3)
