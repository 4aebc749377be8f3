"""Event typing on wire-style news prose: paraphrases of the general gaps found on news snippets
(who fought back, what police did to a gathering, a device made safe, a raid that only seizes
property). Each case is a sentence written for this test, its expected sub-event type, and why."""

from __future__ import annotations

import pytest

from extraction.typing.assertion import non_event_reason
from extraction.typing.event_types import classify_event


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "At least eight people were killed when suspected Al-Shabaab fighters stormed a hotel in "
            "Mogadishu late on Friday, police said.",
            "Attack",
            "the armed group after 'killed when' is the perpetrator; the police only report it",
        ),
        (
            "Five worshippers died when gunmen opened fire inside a church in Owo on Sunday.",
            "Attack",
            "'died when gunmen opened fire': nobody fought back",
        ),
        (
            "Two farmers were shot dead while militiamen raided their village near Djibo.",
            "Attack",
            "'shot dead while militiamen raided': the militia is the attacker, not a target",
        ),
        (
            "Police used water cannon against students rallying in Jakarta against the new labour law.",
            "Protest with intervention",
            "'rallying' is a protest word; water cannon is an intervention",
        ),
        (
            "Hundreds of teachers rallying outside parliament in Nairobi were dispersed with tear gas.",
            "Protest with intervention",
            "'rallying' with a dispersal",
        ),
        (
            "Security forces dismantled an explosive device planted on a road near Idlib before it "
            "could detonate.",
            "Disrupted weapons use",
            "a device dismantled before it went off: disrupted, not an explosion",
        ),
        (
            "Army engineers neutralised a roadside bomb on the highway outside Kandahar.",
            "Disrupted weapons use",
            "'neutralised a roadside bomb': the weapon was made safe",
        ),
        (
            "Soldiers deactivated two landmines found near the school in Gao.",
            "Disrupted weapons use",
            "'deactivated ... landmines'",
        ),
        (
            "Riot police beat and arrested dozens of opposition supporters gathering in Harare.",
            "Protest with intervention",
            "'riot police' is no riot; a gathering broken up by police is a protest with intervention",
        ),
        (
            "Police arrested 40 activists who had assembled in a square in Minsk.",
            "Protest with intervention",
            "an assembly whose members are arrested",
        ),
        (
            "Police raided the offices of an opposition newspaper in Phnom Penh and seized computers.",
            "Looting/property destruction",
            "a raid that only seizes property hurts no one",
        ),
        (
            "Soldiers raided the headquarters of an opposition party in Kampala, confiscating "
            "documents and laptops.",
            "Looting/property destruction",
            "'confiscating documents and laptops' in a raid",
        ),
        (
            "Gunmen raided a village in Zamfara, killed five people and seized cattle.",
            "Attack",
            "a raid that kills people stays an Attack, whatever is seized",
        ),
        (
            "On 22 June 2024, two groups of transport workers clashed using guns at the bus terminal in "
            "Natore town.",
            "Mob violence",
            "two groups of workers fighting are rioters, not organised armed groups, even with guns",
        ),
        (
            "Supporters of the governor and those of the local MP clashed in Kendu Bay town.",
            "Mob violence",
            "rival supporters fighting each other",
        ),
        (
            "Armed rival groups clashed in the slum overnight, leaving four dead.",
            "Armed clash",
            "groups said to be armed are organised sides",
        ),
        (
            "On 12 February 2024, at least 18-20 assailants assaulted 2 journalists and vandalized an NGO "
            "office in Meherpur.",
            "Mob violence",
            "a counted group of a dozen or more people beating people, no firearms: a mob",
        ),
        (
            "Three people were injured after a gang of about 10 people attacked worshippers at a church "
            "in Mombasa.",
            "Attack",
            "a gang is organised: its attack on civilians stays an Attack",
        ),
        (
            "Riot police open fire on opposition protesters in Kisumu; several injured.",
            "Excessive force against protesters",
            "'open fire' in the headline present tense is lethal force",
        ),
        (
            "Riot police break up a protest by traders in Nakuru.",
            "Protest with intervention",
            "'break up' in the present tense",
        ),
        (
            "Police reservist killed when raiders attack a village in Baringo.",
            "Armed clash",
            "headline passive without an auxiliary: the armed reservist is the target",
        ),
        (
            "On 5 May 2020, in Tepeaca, Puebla, armed men shot and killed an alleged drug dealer.",
            "Armed clash",
            "killing a drug dealer is violence between criminal armed groups",
        ),
        (
            "Workers of a textile factory set fire to tires in front of the gates in La Plata, "
            "demanding unpaid wages.",
            "Violent demonstration",
            "tyre burning is the demonstrators' act, like 'burned tyres'",
        ),
        (
            "Suspected paramilitaries assassinate an opposition sympathiser along Kismayo Road in Garissa.",
            "Attack",
            "headline present tense 'assassinate'",
        ),
        (
            "Unidentified gunmen open fire on a senator's car along Mbagathi Way in Nairobi.",
            "Attack",
            "headline present tense 'open fire'",
        ),
        (
            "An unidentified man hacks a woman to death in Kisii.",
            "Attack",
            "headline present tense 'hacks'",
        ),
        (
            "Police repulse an attack by Al Shabaab on a GSU camp in Lamu.",
            "Armed clash",
            "'repulse' in the headline present tense: the attacked fought back",
        ),
        (
            "Anti-terrorism police gun down a wanted al Shabaab member during a raid on a hideout in "
            "Mombasa.",
            "Armed clash",
            "'gun down' an armed group's member: state forces against an armed group",
        ),
        (
            "Government troops withdrew from the town of Ber on Sunday, handing control of their camp "
            "to a rebel coalition without a fight.",
            "Non-violent transfer of territory",
            "'without a fight' denies the fighting",
        ),
        (
            "Kidnappers snatched two aid workers from their car near Goma on Tuesday.",
            "Abduction/forced disappearance",
            "kidnappers taking people is an abduction even without the verb 'kidnap'",
        ),
        (
            "A suicide car bomber struck a military convoy near Kandahar airfield.",
            "Suicide bomb",
            "a suicide car (truck, motorcycle) bomber is a suicide bomber",
        ),
        (
            "Air defences shot down two drones over Damascus.",
            "Disrupted weapons use",
            "'shot down' a projectile is an interception, not an attack",
        ),
    ],
)
def test_news_prose_is_typed_by_general_rules(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None, why
    assert typing.sub_event_type == expected, why


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "Rioters torched shops in the market of Kano on Monday.",
            "Violent demonstration",
            "a real riot stays a riot",
        ),
        (
            "Militants attacked an army checkpoint near Mopti, and soldiers fought back.",
            "Armed clash",
            "an attack on soldiers who fought back is a battle",
        ),
        (
            "Police fired tear gas at protesters in Lagos.",
            "Protest with intervention",
            "the ordinary intervention case is unchanged",
        ),
    ],
)
def test_neighbouring_cases_keep_their_type(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected, why


@pytest.mark.parametrize(
    "sentence",
    [
        "Riot police were deployed in the capital ahead of the verdict, officials said.",
        "The ministry said it had not seized any newspapers this year.",
        "Experts explained how engineers dismantle old bridges safely.",
        "On 20 October 2020, the county opened fire stations in three towns of Machakos.",
        "Customs officers seized 400 counterfeit phones and computers at the port of Mombasa.",
    ],
)
def test_look_alikes_are_no_events_or_no_riots(sentence: str) -> None:
    typing = classify_event(sentence)
    assert typing is None or typing.event_type not in ("Riots", "Violence against civilians")
    assert typing is None or typing.sub_event_type != "Looting/property destruction"


@pytest.mark.parametrize(
    "sentence",
    [
        "Over the past decade, more than 10,000 people have been killed in the war, the UN said.",
        "Hundreds attended a memorial service on Sunday for the victims of last year's bombing.",
        "Families marked the tenth anniversary of the massacre with prayers in the village.",
    ],
)
def test_tolls_and_commemorations_of_past_violence_are_no_events(sentence: str) -> None:
    assert non_event_reason(sentence) in ("aggregate", "commemoration")


@pytest.mark.parametrize(
    "sentence",
    [
        "Police shot dead two mourners at a memorial service for the victims of the 2017 attack.",
        "Thousands marched in Kigali on the anniversary of the genocide, demanding justice.",
    ],
)
def test_violence_or_protest_at_a_commemoration_is_still_an_event(sentence: str) -> None:
    assert non_event_reason(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "is_attack"),
    [
        ("Opposition leaders attack the budget as a betrayal of farmers.", False),
        ("Critics attack the plan for ignoring the needs of villagers.", False),
        ("Herders attack farmers in Benue, killing five.", True),
    ],
)
def test_people_after_attack_must_be_its_object(sentence: str, is_attack: bool) -> None:
    typing = classify_event(sentence)
    assert (typing is not None and typing.sub_event_type == "Attack") == is_attack


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (
            "On 9 March 2022, a judge in Mombasa sentenced two men for a 2020 murder.",
            "court, sport or figure of speech",
        ),
        ("On 14 March 2019, the storm hit the port of Beira, destroying homes.", "accident or disaster"),
        (
            "A documentary about the massacre, in which troops killed 300 people, premiered in Paris.",
            "a work about violence",
        ),
        ("On 3 March 2021, residents marched in Thika after a bus crash killed five.", None),
    ],
    ids=["month_march_is_no_march", "a_storm_is_weather", "a_film_about_a_massacre", "a_real_march"],
)
def test_non_event_filters_read_months_weather_and_works(sentence: str, reason: str | None) -> None:
    assert non_event_reason(sentence) == reason
