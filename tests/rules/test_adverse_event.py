"""adverse_event: a person's harm or side effect linked to one of the organisation's products,
with a message that says how to report it to drug safety within 24 hours."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check
from postwise.policy.errors import PolicyError
from postwise.rules._patterns import lexicon_problems
from tests.conftest import dev_cases, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("adverse_event")


def found(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "adverse_event"]


@pytest.mark.parametrize(
    ("note", "text", "excerpt"),
    [
        (
            "someone else's headaches since starting our product",
            "One visitor told me she has had bad headaches and dizzy spells since starting"
            " Zentrava.",
            "headaches",
        ),
        (
            "one's own racing heart",
            "Week 3 on Respiqo and my heart races after every puff.",
            "my heart races",
        ),
        (
            "a shouted symptom",
            "Three nights in a row my heart has been POUNDING after using Respiqo?!",
            "my heart has been POUNDING",
        ),
        (
            "hair loss of a relative",
            "My mum is on Zentrava and now her hair is falling out.",
            "hair is falling out",
        ),
        ("a rash as a question", "Anyone else get a rash after starting Respiqo?", "rash"),
        (
            "a hospital stay",
            "My dad was hospitalised two weeks after starting Zentrava.",
            "hospitalised",
        ),
        (
            "coughing up blood",
            "Been coughing up blood since starting Respiqo.",
            "coughing up blood",
        ),
        (
            "Swedish: lost a lot of hair",
            "Hon har tappat mycket hår sedan hon började med Zentrava.",
            "tappat mycket hår",
        ),
        (
            "Swedish: palpitations",
            "Började med Respiqo och har haft hjärtklappning varje kväll.",
            "hjärtklappning",
        ),
        (
            "Swedish: a side effect by name",
            "Fick biverkningar av Zentrava, någon annan?",
            "biverkningar",
        ),
        ("Swedish: felt sick", "Jag mår illa sedan jag började med Respiqo.", "mår illa"),
        (
            "Dutch: suffering from tingling hands",
            "Sinds hij Zentrava gebruikt heeft hij last van tintelende handen.",
            "last van",
        ),
        (
            "Dutch: dizzy after a double dose",
            "Pil dubbel genomen door CareLoop. Vannacht flink duizelig.",
            "dubbel genomen",
        ),
        (
            "Dutch: an allergic reaction",
            "Mijn buurvrouw kreeg een allergische reactie op Respiqo.",
            "allergische reactie",
        ),
        ("Dutch: palpitations", "Na twee weken Respiqo heb ik hartkloppingen.", "hartkloppingen"),
    ],
)
def test_a_harm_near_our_product_is_found(
    policy: CompiledPolicy, note: str, text: str, excerpt: str
) -> None:
    assert [f.excerpt for f in found(policy, text)] == [excerpt], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("no product of ours", "If methotrexate makes you nauseous, talk to your doctor."),
        ("a competitor's product", "Aldermed's inhaler gave me a hoarse voice for months."),
        (
            "a competitor's harm, our product after it",
            "Novexa's inhaler gave me a hoarse voice, so I switched to Respiqo and it's gone.",
        ),
        ("no side effects", "No side effects at all on Respiqo, and I've used it for a year."),
        ("fewer side effects", "Zentrava has fewer side effects than older DMARDs."),
        ("relief, not harm", "Respiqo helps against the shortness of breath and the coughing."),
        ("only possible", "Zentrava should be taken with food, otherwise you'll feel sick."),
        ("trial data, no person", "Safety data was presented: infections on Zentrava were rare."),
        ("a condition in a product name", "My hay-fever tablets and CareLoop, best friends."),
        ("news", "Big day: Respiqo approved in Norway! So proud of this team."),
        ("a headache without a product", "Headache all day after our offsite #LumoraLife"),
        (
            "a training reminder",
            "Reminder: report side effect reports for Respiqo within 24 hours.",
        ),
        ("Swedish: no side effects", "Inga biverkningar alls av Zentrava för min del!"),
        ("Swedish: relief", "Zentrava minskar trötthet hos patienter med RA."),
        (
            "Dutch: the leaflet, no person",
            "Nieuwe bijsluiter voor Respiqo online, met alle bijwerkingen.",
        ),
        (
            "Dutch: a study result",
            "De uitslag van de Respiqo-studie wordt volgende maand gepubliceerd.",
        ),
        ("Dutch: arrived", "Respiqo is aangekomen in de apotheken in België!"),
        ("Dutch: no complaints", "Geen klachten meer sinds Respiqo, heerlijk."),
    ],
)
def test_look_alikes_are_not_harm(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "excerpt"),
    [
        # skin and the place of an injection
        (
            "blisters after a cream",
            "Three days of CareLoop-reminded Respiqo and blisters on my lips.",
            "blisters",
        ),
        (
            "a hot lump where the pen went in",
            "Since my fourth Zentrava injection there's a hard, hot lump on my thigh.",
            "hot lump",
        ),
        (
            "Swedish: a burning feeling",
            "Efter andra dosen Zentrava har jag en brännande känsla i huden.",
            "brännande känsla",
        ),
        ("Dutch: blisters", "Sinds ik Zentrava spuit heb ik blaren op mijn buik.", "blaren"),
        (
            "Dutch: a red swollen spot",
            "Na de derde prik een dikke bult op mijn arm, van Zentrava.",
            "dikke bult",
        ),
        # bladder, thirst, sleep, weight, mood
        (
            "waking up to pee",
            "Week 5 on Zentrava and I wake up four times a night to pee.",
            "wake up four times a night to pee",
        ),
        (
            "Swedish: peeing at night",
            "Sedan jag började med Zentrava måste jag kissa på nätterna.",
            "kissa på nätterna",
        ),
        ("Dutch: always thirsty", "Sinds de start met Zentrava heb ik voortdurend dorst.", "dorst"),
        (
            "no sleep",
            "Since switching to Respiqo I can't fall asleep before 3am.",
            "can't fall asleep",
        ),
        (
            "Swedish: lying awake",
            "Jag ligger vaken varje natt sedan jag bytte till Respiqo.",
            "ligger vaken",
        ),
        (
            "Dutch: sleeping badly",
            "Ik slaap slecht sinds mijn eerste Zentrava-injectie.",
            "slaap slecht",
        ),
        ("weight in kilos", "Put on 7 kg since starting Zentrava in spring.", "Put on 7 kg"),
        (
            "Swedish: kilos in words",
            "Har gått upp sex kilo sedan jag började med Zentrava.",
            "Har gått upp sex kilo",
        ),
        (
            "Dutch: heavier",
            "Sinds Zentrava ben ik flink aangekomen, herkent iemand dit?",
            "flink aangekomen",
        ),
        (
            "a husband's mood",
            "My husband has been snappy and tearful ever since he started Zentrava.",
            "snappy",
        ),
        (
            "Swedish: irritable",
            "Mamma har varit lättirriterad sedan hon fick Zentrava.",
            "lättirriterad",
        ),
        ("Dutch: gloomy", "Sinds ik Respiqo gebruik voel ik me somber.", "voel ik me somber"),
    ],
)
def test_harm_families_in_three_languages(
    policy: CompiledPolicy, note: str, text: str, excerpt: str
) -> None:
    assert [f.excerpt for f in found(policy, text)] == [excerpt], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a time", "Three weeks after my first Zentrava shot the itching started."),
        ("a cause", "Respiqo makes me shaky all morning."),
        ("a course of use", "I'm on Zentrava now and my ankles are puffy."),
        ("a question about the experience", "Zentrava and nosebleeds. Anyone else?"),
        ("Swedish: a cause", "Respiqo ger mig halsont varje morgon."),
        ("Swedish: a course of use", "Min man står på Zentrava och har fått utslag."),
        ("Dutch: a cause after the verb", "Ik krijg er hoofdpijn van, van die Zentrava."),
        ("Dutch: a question", "Zentrava en haaruitval, herkent iemand dit?"),
        (
            "relief after stopping is still a harm",
            "Since I stopped Respiqo the palpitations have gone.",
        ),
        ("Swedish: relief after stopping", "Efter att jag slutade med Zentrava försvann klådan."),
        ("a harm that went away later", "The dizziness from Zentrava eased after a week."),
        ("a medication error needs no tie", "Accidentally took two doses of Zentrava today."),
        ("a day of the course", "Zentrava day 12: the tingling in my feet is back."),
        ("a suspicion", "Respiqo and a racing heart at night. Coincidence?"),
        (
            "Swedish: a compound infection",
            "Sedan jag började med Zentrava får jag ständigt svampinfektioner.",
        ),
        (
            "Dutch: a compound inflammation",
            "Sinds ik Zentrava spuit heb ik steeds blaasontsteking.",
        ),
        ("Dutch: hardly anymore is a harm", "Ik slaap nauwelijks meer sinds Zentrava."),
        (
            "a suspicion about the pills",
            "Dizzy all week. Could it be the new medication? I'm on Zentrava.",
        ),
        (
            "Swedish: a suspicion",
            "Yr varje morgon. Kan det vara tabletterna? Tar Zentrava sedan maj.",
        ),
        ("Dutch: a suspicion", "Steeds moe. Komt dat door de prikken? Ik gebruik Zentrava."),
    ],
)
def test_a_harm_tied_to_using_the_product_is_found(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text), note


@pytest.mark.parametrize(
    ("note", "text", "language", "phrase"),
    [
        (
            "a device that failed",
            "My Respiqo inhaler jammed halfway through the dose.",
            "en",
            "a device",
        ),
        (
            "Swedish: a device that failed",
            "Inhalatorn till Respiqo krånglade hela helgen.",
            "sv",
            "krånglade",
        ),
        (
            "Dutch: a device that failed",
            "De Zentrava-pen liep vast bij de tweede prik.",
            "nl",
            "afweten",
        ),
        (
            "a dose taken twice",
            "Took a double dose of Zentrava by mistake.",
            "en",
            "dosing mistake",
        ),
    ],
)
def test_dosing_mistakes_and_faulty_devices_are_reported_as_problems(
    policy: CompiledPolicy, note: str, text: str, language: str, phrase: str
) -> None:
    (hit,) = found(policy, text, language)
    assert phrase in hit.message, note
    assert hit.data["route"] == "drug_safety"


@pytest.mark.parametrize(
    ("note", "text"),
    [
        # nothing ties the harm to using the product
        ("tired after a launch", "Respiqo launch day done, I'm exhausted but so proud."),
        ("Swedish: tired after a fair", "Helt slut efter mässan, men vilken respons på Zentrava!"),
        ("Dutch: a congress", "Na het Zentrava-congres ben ik doodmoe, wat een dag."),
        ("a headache from a party", "Headache from the team party, Respiqo anniversary was wild."),
        # relief
        ("relief before the harm", "Zentrava eased my morning stiffness and the fatigue."),
        ("relief after the harm", "On Respiqo the coughing fits have all but disappeared."),
        ("a fall in numbers", "With Zentrava her flares went from six a year to one."),
        ("Swedish: relief", "Sedan Zentrava är tröttheten nästan borta."),
        ("Swedish: fewer", "Färre anfall sedan jag började med Respiqo."),
        ("Dutch: relief", "Sinds Respiqo is de benauwdheid helemaal verdwenen."),
        ("Dutch: less", "Met Zentrava heb ik veel minder gewrichtspijn."),
        # the condition a product treats
        ("for the condition", "Respiqo is for people with breathlessness from severe asthma."),
        ("a measure of the condition", "Patients on Zentrava had fewer pain days in the study."),
        ("Swedish: a compound of the condition", "Zentrava sänker antalet smärtdagar."),
        ("years of the condition", "After twenty years of back pain Zentrava changed my life."),
        # advice to the reader
        (
            "if you",
            "Feel dizzy on Zentrava? If so, take it with food, and if you get dizzy, sit down.",
        ),
        ("your doctor", "Talk to your doctor about any rash while on Zentrava."),
        ("Swedish: om du", "Om du får huvudvärk av Respiqo, prata med din läkare."),
        ("Swedish: verb first", "Får du yrsel av Zentrava så ta den till kvällen."),
        ("Dutch: verb first", "Krijg je hoofdpijn van Respiqo, neem dan contact op met je arts."),
        ("Dutch: your doctor", "Bespreek tintelingen altijd met je arts als je Zentrava gebruikt."),
        # no more of it
        ("no more", "No more morning stiffness since Zentrava."),
        ("Swedish: no longer", "Ingen hosta längre sedan jag bytte till Respiqo."),
        ("Dutch: no more", "Sinds Respiqo heb ik geen hoestbuien meer."),
        # only possible, though it passes
        ("possible, then easing", "Zentrava can cause nausea; it usually eases within days."),
        ("a device that never fails", "Our Respiqo inhaler never jams, even in the cold."),
    ],
)
def test_relief_the_condition_advice_and_untied_harms_are_not_harm(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("won't settle", "Since the Zentrava jab my arm is sore and it won't settle."),
        (
            "Swedish: does not go away",
            "Efter sprutan med Zentrava har jag yrsel som inte går över.",
        ),
        ("Dutch: not gone", "Sinds Zentrava heb ik jeuk en het gaat niet weg."),
    ],
)
def test_relief_that_is_denied_is_no_relief(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text), note


def test_the_finding_routes_to_drug_safety_within_24_hours(policy: CompiledPolicy) -> None:
    (hit,) = found(policy, "My heart races after every puff of Respiqo.")
    assert hit.data == {"route": "drug_safety", "deadline_hours": 24, "product": "Respiqo"}
    assert hit.severity == "block"
    assert "drugsafety@lumorahealth.com" in hit.message
    assert "24 hours" in hit.message


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("en", ["report it to drug safety", "24 hours"]),
        ("sv", ["Rapportera det till läkemedelssäkerhet", "24 timmar"]),
        ("nl", ["Meld het binnen 24 uur bij geneesmiddelenbewaking"]),
    ],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrases: list[str]
) -> None:
    (hit,) = found(policy, "Respiqo gives me headaches every night.", language)
    assert all(p in hit.message for p in phrases), hit.message


def test_without_a_safety_contact_the_message_names_the_team() -> None:
    contacts = ["press@lumorahealth.com"]
    lonely = policy_with("adverse_event", public_contacts=contacts)
    (hit,) = found(lonely, "Respiqo gave me a rash.", "en")
    assert "drug safety team" in hit.message
    assert "@" not in hit.message


def test_settings_give_the_contact_the_deadline_and_more_symptoms() -> None:
    policy = policy_with(
        "adverse_event",
        {"contact": "+31 30 123 4567", "deadline_hours": 12, "symptoms": ["sneez*"]},
    )
    (hit,) = found(policy, "Sneezing all day since my first Respiqo puff.")
    assert hit.excerpt == "Sneezing"
    assert "+31 30 123 4567" in hit.message and "12 hours" in hit.message
    assert hit.data["deadline_hours"] == 12


def test_a_symptom_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with("adverse_event", {"symptoms": ["(sneezing"]})
    assert error.value.problems[0].path.endswith("settings.symptoms[0]")


def test_dev_cases_raise_adverse_event_exactly_where_labelled(policy: CompiledPolicy) -> None:
    wrong = [
        c["id"]
        for c in dev_cases()
        if ("adverse_event" in c["expect"])
        != ("adverse_event" in check(c["text"], Context.from_data(c["context"]), policy).kinds)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "group", ["symptoms", "errors", "links", "causes", "relief", "anymore", "stopping"]
)
def test_lexicons_are_well_formed(group: str) -> None:
    assert lexicon_problems("adverse_event", group) == []


def test_person_and_information_words_are_listed_per_language() -> None:
    from postwise.text.data import load_data

    for name in ("persons.yaml", "information.yaml"):
        data: dict[str, Any] = load_data("lexicons", "adverse_event", name)
        assert set(data) == {"en", "sv", "nl"}, name
        assert all(isinstance(w, str) and w for lang in data.values() for w in lang), name


def test_context_words_are_listed_per_language_and_regexes_compile() -> None:
    import re

    from postwise.text.data import load_data

    context: dict[str, Any] = load_data("lexicons", "adverse_event", "context.yaml")
    for key, by_language in context.items():
        assert set(by_language) == {"en", "sv", "nl"}, key
    for key in ("uses", "uses_after"):
        for patterns in context[key].values():
            for pattern in patterns:
                re.compile(pattern)


@pytest.mark.parametrize(
    ("note", "text", "harm"),
    [
        # hair that comes out, in any tense and with words between
        ("hair coming out", "Her hair has been coming out since she started Zentrava.", True),
        (
            "hair lost to stress",
            "My hair is falling out from exam stress. Zentrava launch soon!",
            False,
        ),
        ("Swedish: hair in tufts", "Håret lossnar i tussar sen jag började med Zentrava.", True),
        ("Dutch: words between", "Mijn haar valt met plukken uit sinds ik Respiqo gebruik.", True),
        ("Dutch: stress", "Mijn haar valt uit van de stress, niks met Zentrava te maken.", False),
        # sleep that did not come, said with a negation that belongs to the harm
        ("not a wink", "Haven't slept a wink since starting Respiqo.", True),
        (
            "Swedish: not a wink, colloquial 'sen'",
            "Har inte sovit en blund sen jag började med Respiqo.",
            True,
        ),
        ("Dutch: not an eye shut", "Sinds ik Zentrava spuit heb ik geen oog dichtgedaan.", True),
        (
            "Swedish: a toddler",
            "Har inte sovit ut på länge, småbarnsliv. Jobbar med Zentrava.",
            False,
        ),
        # a product not tolerated
        ("not tolerated", "Turns out I can't tolerate Respiqo at all.", True),
        (
            "people not tolerated",
            "I can't tolerate queue jumpers. Respiqo launch went well.",
            False,
        ),
        ("Swedish: not tolerated", "Jag tål inte Zentrava, fick byta tillbaka.", True),
        ("Swedish: people", "Jag tål inte folk som tränger sig. Zentrava-mässan gick bra.", False),
        ("Dutch: not tolerated", "Ik verdraag Zentrava niet, dus ik stop ermee.", True),
        ("Dutch: people", "Ik kan niet tegen voordringers. Respiqo-lancering was top.", False),
        # swelling as a verb or a likeness, bruises told by colour
        ("swelling likeness", "Ankles like balloons since my second Zentrava shot.", True),
        ("Swedish: swelled", "Fötterna svullnade upp efter min andra Zentrava-spruta.", True),
        ("Dutch: swelled", "Mijn enkels zwollen op na mijn tweede Zentrava-prik.", True),
        ("a budget that ballooned", "The Zentrava campaign budget ballooned this year.", False),
        ("bruise colour", "After my first Zentrava jab my thigh is purple.", True),
        # a use told before the name ("after my first …") or, in Dutch, after it
        (
            "Swedish: after my first",
            "Mådde illa hela natten efter min första Zentrava-tablett.",
            True,
        ),
        (
            "Dutch: participle last",
            "Zentrava op mijn arm gesmeerd en nu zit ik onder de jeuk.",
            True,
        ),
        ("Dutch: a fair", "Na een dag Zentrava-beurs ben ik doodmoe.", False),
        # a question put to the reader and answered with advice is no one's harm
        ("a question with advice", "Dizzy on Zentrava? Talk to your doctor.", False),
        ("Swedish: a question with advice", "Yr av Respiqo? Prata med din läkare.", False),
        (
            "Dutch: a question with advice",
            "Last van bijwerkingen van Zentrava? Bespreek het met je arts.",
            False,
        ),
        ("one's own question", "Dizzy since my first Zentrava tablet? Anyone else?", True),
        (
            "Swedish: one's own question",
            "Yr sen jag började med Respiqo? Min läkare vet inte.",
            True,
        ),
        ("Dutch: one's own question", "Sinds mijn eerste Zentrava-prik duizelig? Ik wel.", True),
    ],
)
def test_harm_categories_added_for_unseen_phrasings(
    policy: CompiledPolicy, note: str, text: str, harm: bool
) -> None:
    assert bool(found(policy, text)) is harm, note


@pytest.mark.parametrize(
    ("note", "text", "problem"),
    [
        (
            "got a double dose",
            "The Respiqo pen clicked, so I jabbed again and got a double dose.",
            True,
        ),
        ("nothing came out", "The Zentrava pen clicked but nothing came out.", True),
        ("never jams", "Our Zentrava pen has never once jammed in testing.", False),
        ("Swedish: stuck", "Zentrava-pennan hakade upp sig mitt i injektionen.", True),
        ("Swedish: never stuck", "Pennan till Zentrava krånglar aldrig, sa utbildaren.", False),
        (
            "Swedish: half the dose lost",
            "Halva dosen hamnade på golvet, Zentrava-sprutan läckte.",
            True,
        ),
        ("Dutch: refused", "De Zentrava-pen weigerde te klikken, dus ik miste mijn prik.", True),
        ("Dutch: never falters", "De Zentrava-pen hapert nooit, zelfs niet in de kou.", False),
    ],
)
def test_more_faulty_devices_and_dosing_mistakes(
    policy: CompiledPolicy, note: str, text: str, problem: bool
) -> None:
    assert bool(found(policy, text)) is problem, note


# Constructions, not sentences: each is written in its own words, tenses and word orders
# (Dutch and Swedish put the verb second after an adverbial: "Sinds Zentrava valt mijn haar
# uit", "Sedan Zentrava sover jag dåligt"), with look-alikes that must stay quiet.
CONSTRUCTIONS: list[tuple[str, str, bool]] = [
    # a body part with a symptom quality, in either order, or a body part doing wrong
    ("body", "Since my first Zentrava jab my eyelids are puffy and itchy.", True),
    ("body", "Burning eyelids every morning since starting Respiqo.", True),
    ("body", "After the second Zentrava injection her lips felt really swollen.", True),
    ("body", "Respiqo gave me watery, bloodshot eyes for two days.", True),
    ("body", "My eyes were burning for hours after using Respiqo.", True),
    ("body", "My knees ache every morning since I started Zentrava.", True),
    ("body", "Since starting Zentrava my joints hurt all the time.", True),
    ("body", "My skin burns after every Zentrava injection.", True),
    ("body", "Pain in my wrists ever since the Zentrava shots began.", True),
    ("body", "My back has been aching since I went on Zentrava.", True),
    ("body", "My lower back hurts since I went on Zentrava.", True),
    ("body", "His hands started shaking a week after starting Zentrava.", True),
    ("body", "Sedan jag började med Zentrava har jag svullna ögonlock.", True),
    ("body", "Ögonen sved hela kvällen efter Respiqo.", True),
    ("body", "Mina leder värker sedan jag började med Zentrava.", True),
    ("body", "Respiqo gav mig rinnande ögon och nästäppa.", True),
    ("body", "Sedan Zentrava svider det i ögonen varje morgon.", True),
    ("body", "Efter Zentrava-sprutan blev läpparna alldeles svullna.", True),
    ("body", "Sen dess värker knäna, jag tror det är Zentrava, efter första dosen.", True),
    ("body", "Efter andra dosen Zentrava har jag ont i händerna.", True),
    ("body", "Sinds mijn eerste Zentrava-prik heb ik branderige ogen.", True),
    ("body", "Mijn ogen branden sinds ik Respiqo gebruik.", True),
    ("body", "Sinds Zentrava prikken mijn ogen de hele dag.", True),
    ("body", "Na de tweede Zentrava-prik waren mijn oogleden helemaal dik.", True),
    ("body", "Sinds ik Zentrava slik doen mijn gewrichten zo pijn.", True),
    ("body", "Sinds Respiqo heb ik opgezette oogleden.", True),
    ("body", "Mijn handen trillen sinds ik Zentrava gebruik.", True),
    ("body", "Na elke Zentrava-injectie jeukt mijn hoofdhuid.", True),
    # near misses: a body part with no harm, or a harm with nothing to tie it
    ("body", "Since starting Zentrava my skin is clear and my eyes are bright.", False),
    ("body", "My eyes were burning from the campfire smoke. Respiqo launch next week!", False),
    ("body", "Zentrava soothes itchy eyelids within days.", False),
    ("body", "Respiqo is for people with puffy, itchy eyes from hay fever.", False),
    ("body", "Efter Zentrava-mässan värker fötterna, vilken dag!", False),
    ("body", "Mijn ogen branden van het scherm, morgen de Zentrava-lancering.", False),
    ("body", "Sinds Respiqo zijn mijn branderige ogen helemaal verdwenen.", False),
    ("body", "Vi skakar hand på Zentrava-avtalet i dag.", False),
    # a vital sign or a body function going wrong
    ("vital", "My blood pressure has gone up a lot since starting Zentrava.", True),
    ("vital", "Since Respiqo my heart rate is through the roof.", True),
    ("vital", "High blood pressure since my third Zentrava shot.", True),
    ("vital", "My BP shot up after the first dose of Zentrava.", True),
    ("vital", "Her blood sugar crashed after the Zentrava injection.", True),
    ("vital", "My liver enzymes are elevated since starting Zentrava.", True),
    ("vital", "Mitt blodtryck har gått upp sedan jag började med Zentrava.", True),
    ("vital", "Sedan Zentrava har jag högt blodtryck.", True),
    ("vital", "Efter sprutan med Zentrava steg blodtrycket kraftigt.", True),
    ("vital", "Blodsockret rasade efter Zentrava-sprutan.", True),
    ("vital", "Förhöjda levervärden sedan jag började med Zentrava.", True),
    ("vital", "Pulsen skenar efter varje dos Respiqo.", True),
    ("vital", "Mijn bloeddruk is gestegen sinds ik Zentrava slik.", True),
    ("vital", "Sinds Zentrava heb ik een hoge bloeddruk.", True),
    ("vital", "Na de Respiqo-puf schoot mijn hartslag omhoog.", True),
    ("vital", "Mijn suiker kelderde na de Zentrava-injectie.", True),
    ("vital", "Sinds ik Zentrava gebruik is mijn bloeddruk veel te hoog.", True),
    ("vital", "Verhoogde leverwaarden na drie maanden Zentrava.", True),
    # near misses: the measure improves, business figures rise, the condition is named
    ("vital", "My blood pressure is finally normal since Zentrava.", False),
    ("vital", "Zentrava lowers high blood pressure in most patients.", False),
    ("vital", "Our sales went up since Zentrava launched.", False),
    ("vital", "Zentrava is for people with high blood pressure.", False),
    ("vital", "Mitt blodtryck är äntligen normalt sedan Zentrava.", False),
    ("vital", "Zentrava sänker högt blodtryck, visar studien.", False),
    ("vital", "Zentrava is bedoeld voor mensen met hoge bloeddruk.", False),
    ("vital", "Sinds Zentrava is mijn bloeddruk eindelijk normaal.", False),
    ("vital", "I have high blood pressure, so I take Zentrava every morning.", False),
    ("vital", "Dad has had high blood pressure for years and started Zentrava in May.", False),
    ("vital", "Jag har högt blodtryck och tar därför Zentrava.", False),
    ("vital", "Tips till er med högt blodtryck: ta Zentrava på morgonen.", False),
    ("vital", "Ik heb al jaren hoge bloeddruk en gebruik daarom Zentrava.", False),
    ("vital", "Got high blood pressure from Zentrava, so I stopped it.", True),
    # the verb second after an adverbial
    ("inversion", "Sinds Zentrava valt mijn haar met plukken uit.", True),
    ("inversion", "Sinds ik Zentrava slik slaap ik heel slecht.", True),
    ("inversion", "Sinds de Respiqo-kuur kan ik niet meer doorslapen.", True),
    ("inversion", "Na de prik met Zentrava werd ik misselijk.", True),
    ("inversion", "Sinds Zentrava ben ik zo duizelig.", True),
    ("inversion", "Na twee weken Zentrava ben ik vier kilo aangekomen.", True),
    ("inversion", "Sedan jag började med Zentrava sover jag jättedåligt.", True),
    ("inversion", "Efter sprutan med Zentrava mår jag illa hela dagen.", True),
    ("inversion", "Sedan Respiqo faller håret av i tussar.", True),
    ("inversion", "Sedan Zentrava känner jag mig nedstämd.", True),
    ("inversion", "Sedan jag bytte till Respiqo kan jag inte somna.", True),
    ("inversion", "Efter Zentrava har jag gått upp fem kilo.", True),
    # near misses
    ("inversion", "Sinds Zentrava slaap ik weer als een roos.", False),
    ("inversion", "Sedan Zentrava sover jag som en stock.", False),
    ("inversion", "Na de Zentrava-lancering slaap ik slecht van de spanning.", False),
    # woke up with, covered in
    ("skin", "Woke up covered in red spots after my first Respiqo puff.", True),
    ("skin", "Broke out in hives the day after the Zentrava injection.", True),
    ("skin", "Vaknade full av röda prickar efter Zentrava-sprutan.", True),
    ("skin", "Werd wakker onder de rode vlekken na de Zentrava-prik.", True),
    ("skin", "The Zentrava booth was covered in red balloons.", False),
    # a harm at each use
    ("each use", "She gets bruises every time her Zentrava cuff inflates.", True),
    ("each use", "Whenever I take Respiqo my throat is raw for hours.", True),
    ("each use", "Dizzy from the very first day on Zentrava.", True),
    ("each use", "Varje gång hon tar Zentrava får hon huvudvärk.", True),
    ("each use", "Från första dosen Zentrava har jag haft klåda.", True),
    ("each use", "Elke keer als ik Respiqo gebruik word ik duizelig.", True),
    ("each use", "Vanaf de eerste prik Zentrava heb ik jeuk.", True),
    ("each use", "Every time I see the Zentrava team I get a headache, haha.", False),
    ("each use", "Steeds meer Zentrava verkocht, de hoofdpijn van de planning is weg.", False),
    # worse than before, and everyday words for feeling ill
    ("worse", "My eczema has gotten way worse since I started Zentrava.", True),
    ("worse", "Since starting Respiqo I feel like I've been hit by a truck.", True),
    ("worse", "After the Zentrava shot she couldn't keep food down.", True),
    ("worse", "Eksemet har blivit mycket värre sedan jag började med Zentrava.", True),
    ("worse", "Sedan Zentrava svettas jag floder på nätterna.", True),
    ("worse", "Mijn eczeem is erger geworden sinds ik Zentrava smeer.", True),
    ("worse", "Sinds Zentrava zweet ik 's nachts enorm.", True),
    ("worse", "Sinds Zentrava krijg ik rode uitslag in mijn nek.", True),
    ("worse", "De uitslag van de Zentrava-studie komt volgende week.", False),
    ("worse", "Traffic got worse after the Zentrava launch event.", False),
    # what one can no longer do, and what it did to the body
    ("function", "Two days after my Zentrava injection I could barely walk.", True),
    ("function", "The Zentrava cream left my skin red and raw.", True),
    ("function", "Zentrava wrecked my stomach, week two and counting.", True),
    ("function", "Min dotter blev knallröd i ansiktet efter Zentrava-sprutan.", True),
    ("function", "Respiqo gör att jag inte kan sova.", True),
    ("function", "Sedan Zentrava glömmer jag allt.", True),
    ("function", "Zentrava zorgt ervoor dat ik niet kan slapen.", True),
    ("function", "Mijn moeder is sinds de Zentrava-prikken erg vergeetachtig.", True),
    ("function", "Mijn huid is sinds Zentrava helemaal rood.", True),
    ("function", "Huden är sedan Zentrava alldeles röd.", True),
    ("function", "Mijn huid is sinds Zentrava niet meer rood.", False),
    ("function", "Huden är sedan Zentrava inte längre röd.", False),
    ("function", "I can't wait to start Zentrava, finally something for my joints.", False),
    # someone else's harm
    ("other", "My mother's ankles are swollen since she started Zentrava.", True),
    ("other", "Mijn vader z'n bloeddruk is omhooggeschoten na Zentrava.", True),
    ("other", "Min mans händer darrar sedan han började med Respiqo.", True),
]


@pytest.mark.parametrize(("construction", "text", "harm"), CONSTRUCTIONS)
def test_constructions_in_three_languages(
    policy: CompiledPolicy, construction: str, text: str, harm: bool
) -> None:
    assert bool(found(policy, text)) is harm, construction


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Forgot I'd had it and took my Zentrava dose twice.", True),
        ("My son took two Zentrava tablets instead of one.", True),
        ("Jag tog dosen två gånger, Zentrava, av ren glömska.", True),
        ("Råkade ta två tabletter Zentrava i stället för en, vad gör jag nu?", True),
        ("Mamma tog tre doser Zentrava istället för en igår.", True),
        ("Mijn zoon nam twee Zentrava-tabletten in plaats van één.", True),
        # advice to take more is not a mistake that happened
        ("Zentrava tip: take two tablets instead of one before bed.", False),
        ("Zentrava-tips: ta tre tabletter istället för en.", False),
        ("Zentrava-tip: neem twee tabletten in plaats van één.", False),
        ("Per ongeluk twee Zentrava-pillen in plaats van één genomen.", True),
        ("Ik heb mijn dosis Zentrava twee keer genomen.", True),
        ("Take two Zentrava tablets twice a day, says the label.", False),
    ],
)
def test_dosing_mistakes_in_other_words(policy: CompiledPolicy, text: str, problem: bool) -> None:
    assert bool(found(policy, text)) is problem, text


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a question about the product", "Is it just me or does the Zentrava patch leave a rash?"),
        ("on it and a harm", "Third night on Respiqo and I wake up with a splitting headache."),
        ("someone else's, reported", "A caller told me her son's skin blistered under Zentrava."),
        ("the product as the subject", "Put Zentrava on my scraped knee and it burned like crazy."),
        ("Swedish", "Respiqo i två veckor nu och jag har näsblod varje morgon."),
        ("Swedish: what it did", "Jag smorde in Zentrava och huden blev knallröd."),
        ("Dutch", "Respiqo gebruikt tegen mijn verstopte neus en nu al twee dagen bloedneuzen."),
        ("Dutch: what it did", "Die Zentrava heeft mijn huid gewoon verbrand!"),
    ],
)
def test_a_harm_beside_the_product_is_tied_to_it(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text), note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("business beside the product", "Can't sleep, we just closed the biggest Zentrava deal!"),
        ("the condition as a kind of product", "Zentrava beats every eczema cream on the market."),
        ("Swedish: compound", "Zentrava slår alla eksemkrämer, punkt slut."),
        ("a hashtag is a topic", "Zentrava is here for you. #migraine #awareness"),
        ("Dutch: the stand", "Hoofdpijn van de drukte bij de Zentrava stand vandaag."),
        ("another clause", "My kid has a fever today, but Zentrava sales are great."),
        ("relief in the clause", "Zentrava eased my morning stiffness and the fatigue."),
        ("no person", "Respiqo helps against the shortness of breath and the coughing."),
    ],
)
def test_a_harm_beside_the_product_in_other_senses_is_not(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text) == [], note
