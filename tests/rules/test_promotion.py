"""promotion: praise, efficacy figures and calls to action about a prescription medicine,
addressed to the public; never about products that need no prescription, nor news."""

from __future__ import annotations

import pytest

from postwise import CompiledPolicy, Context, Finding, check
from postwise.policy.errors import PolicyError
from postwise.rules._patterns import lexicon_problems
from tests.conftest import dev_cases, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("promotion")


def found(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "promotion"]


@pytest.mark.parametrize(
    ("note", "text", "excerpt"),
    [
        ("praise", "Zentrava works wonders for people living with RA 💪", "works wonders"),
        (
            "best treatment",
            "Respiqo is the best treatment for severe asthma, full stop.",
            "the best treatment",
        ),
        (
            "ask your doctor",
            "If your inhaler isn't cutting it, ask your doctor about Respiqo.",
            "ask your doctor about",
        ),
        (
            "an efficacy figure",
            "Today's data: 61% of patients on Zentrava reached low disease activity.",
            "61% of patients",
        ),
        (
            "versus placebo",
            "Zentrava cut flares by half compared with placebo.",
            "compared with placebo",
        ),
        (
            "a claim of the claims kind",
            "Respiqo beats every competitor inhaler and is 100% safe.",
            "beats every competitor",
        ),
        (
            "talk about switching",
            "Living with RA? Talk to your rheumatologist about switching to Zentrava.",
            "Talk to your rheumatologist about switching",
        ),
        (
            "an English phrase in a Swedish post",
            "Respiqo är a real game changer vid svår astma.",
            "game changer",
        ),
        (
            "Swedish: a huge difference",
            "Respiqo har gjort enorm skillnad för astmatikerna.",
            "gjort enorm skillnad",
        ),
        (
            "Swedish: it really works",
            "Den fungerar verkligen, Respiqo alltså.",
            "fungerar verkligen",
        ),
        (
            "Swedish: ask your doctor",
            "Fråga din läkare om Zentrava om du har RA.",
            "Fråga din läkare om Zentrava",
        ),
        ("Dutch: works wonders", "Zentrava werkt wonderen bij reuma 💊", "werkt wonderen bij"),
        (
            "Dutch: gives air again, verb last",
            "Ik zie hoe Respiqo astmapatiënten weer lucht geeft.",
            "weer lucht geeft",
        ),
        ("Dutch: ask your GP", "Vraag je huisarts naar Respiqo.", "Vraag je huisarts naar"),
        (
            "Dutch: a world of difference",
            "Respiqo maakt echt een wereld van verschil.",
            "maakt echt een wereld van verschil",
        ),
    ],
)
def test_promotion_of_a_prescription_product_is_found(
    policy: CompiledPolicy, note: str, text: str, excerpt: str
) -> None:
    assert [f.excerpt for f in found(policy, text)] == [excerpt], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "a product without prescription",
            "CareLoop is a game changer for anyone who forgets pills.",
        ),
        (
            "praise nearer to the product without prescription",
            "Respiqo got approved today, and our CareLoop app is a real game changer.",
        ),
        ("regulatory news", "The CHMP adopted a positive opinion for Respiqo this morning."),
        ("pride in the team", "So proud of the Respiqo launch team, two years of work paid off."),
        ("a conference", "Great to present the Zentrava 52-week data at EULAR today."),
        ("an adverse event report", "My heart races after Respiqo. I told my doctor."),
        ("praise without a product", "Our new canteen works wonders for team spirit."),
        ("Swedish: approval news", "Idag fick Respiqo godkännande i Finland. Stolt!"),
        ("Swedish: it does not work", "Respiqo fungerar verkligen inte för mig."),
        ("Dutch: a press release", "Vandaag het persbericht over Zentrava gedeeld."),
        ("Dutch: it does not work", "Respiqo werkt echt niet bij mij."),
    ],
)
def test_look_alikes_are_not_promotion(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        # asking whoever prescribes or dispenses
        ("a specialist by name", "Ask your pulmonologist whether Respiqo could help."),
        ("any -ologist", "Got RA? Ask your rheumatologist about Zentrava at the next visit."),
        ("is it right for you", "Is Zentrava right for you? Find out at your next check-up."),
        ("Swedish: a nurse", "Fråga din astmasköterska om Respiqo passar dig."),
        ("Swedish: does it suit you", "Passar Zentrava för dig? Hör med din reumatolog."),
        ("Dutch: about it, with a word between", "Vraag je longarts eens naar Respiqo."),
        ("Dutch: ask about it", "Benauwd? Vraag je huisarts ernaar, Respiqo bestaat."),
        ("Dutch: at the pharmacy", "Vraag bij de apotheek naar Zentrava."),
        # a life given back
        ("a life back", "Zentrava gave my mother her life back."),
        ("evenings back", "Thanks to Respiqo I have my evenings back."),
        ("Swedish: life back", "Med Respiqo har många fått livet tillbaka."),
        ("Dutch: life back", "Dankzij Zentrava heb ik mijn leven weer terug."),
        # a fall in numbers
        ("from … to in words", "On Zentrava my flares went from nine a year to two."),
        ("per month", "Respiqo took me from 8 attacks a month to 1."),
        ("Swedish: från … till", "Med Respiqo gick anfallen från sju i månaden till ett."),
        ("Dutch: van … naar", "Van zes naar één opvlamming per jaar dankzij Zentrava."),
        # relief near a prescription product
        ("relief after the harm", "Since Respiqo the wheezing has gone."),
        ("relief before the harm", "Zentrava calmed my joint pain within weeks."),
        ("Swedish: relief", "Tack vare Respiqo är hostan som bortblåst."),
        ("Dutch: relief", "Sinds Zentrava is de ochtendstijfheid verdwenen."),
        # targets and ranges
        ("a target reached", "With Zentrava, patients reach their treatment goals faster."),
        ("kept in range", "Respiqo keeps my asthma under control."),
        ("Swedish: in range", "Med Respiqo är astman äntligen under kontroll."),
        ("Dutch: in range", "Dankzij Zentrava blijft mijn pijn onder controle."),
        # protection promised
        ("protection for good", "Zentrava protects your joints for good."),
        ("Swedish: guaranteed", "Respiqo skyddar garanterat mot astmaanfall."),
        ("Dutch: guaranteed", "Zentrava voorkomt gegarandeerd nieuwe opvlammingen."),
        # praise in other words
        ("the best of its kind", "Respiqo is by far the best maintenance inhaler I know."),
        ("a breakthrough", "Zentrava is a true breakthrough for people with RA."),
        ("it changes everything", "For severe asthma, Respiqo can change your life."),
        ("back to work", "Zentrava helped so many of my patients get back to work."),
        ("nothing to fear", "With two doses a year of Zentrava you can forget about flares."),
        ("the risk cut hard", "Zentrava cuts the risk of joint damage dramatically."),
        ("Swedish: the best that happened", "Respiqo är det bästa som hänt astmatiker."),
        ("Swedish: back to everyday life", "Tack vare Zentrava är hon tillbaka till jobbet."),
        ("Swedish: the risk halved", "Respiqo halverar risken för svåra anfall."),
        ("Dutch: a breakthrough", "Respiqo is een enorme doorbraak voor astmapatiënten."),
        ("Dutch: back to work", "Met Zentrava weer aan het werk, wat een verschil."),
        ("Dutch: no more of it", "Sinds Respiqo heb ik geen benauwdheid meer."),
    ],
)
def test_efficacy_testimonials_and_calls_to_action_are_found(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text), note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "relief from a product without prescription",
            "CareLoop calmed my worries, no more missed doses.",
        ),
        (
            "relief from a competitor",
            "Novexa's inhaler calmed my cough, Respiqo is next on my list.",
        ),
        ("a rise that is not patients'", "The Zentrava team grew from 4 to 15 people this year."),
        ("working hours", "Respiqo booth open from 9 to 5 on both days."),
        ("Swedish: a rise", "Respiqo-teamet gick från tre till tio personer."),
        ("Dutch: a date", "Het Zentrava-symposium is verplaatst van 4 juni naar 2 juli."),
        (
            "sales, not the medicine",
            "Zentrava sales are up and next quarter will be even better, guaranteed.",
        ),
        (
            "Swedish: a quarter",
            "Respiqo-försäljningen slår garanterat nytt rekord i höst.",
        ),
        ("Dutch: turnover", "De Zentrava-omzet groeit gegarandeerd verder dit kwartaal."),
        (
            "safety advice is not a call to action",
            "Talk to your doctor if you notice side effects on Zentrava.",
        ),
        ("Swedish: safety advice", "Prata med din läkare om du får biverkningar av Respiqo."),
        ("Dutch: safety advice", "Bespreek bijwerkingen van Zentrava altijd met je arts."),
        ("the indication in news", "Zentrava is now approved for adults with moderate RA."),
    ],
)
def test_look_alikes_of_testimonials_are_not_promotion(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text) == [], note


def test_one_finding_per_post_naming_the_product(policy: CompiledPolicy) -> None:
    (hit,) = found(policy, "Respiqo works wonders. Ask your GP about switching!", "en")
    assert hit.data == {"product": "Respiqo"}
    assert hit.severity == "block"
    assert "Respiqo, a prescription medicine" in hit.message
    assert hit.fix is not None and hit.fix.text == ""


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("en", "prescription medicine"),
        ("sv", "receptbelagt läkemedel"),
        ("nl", "receptgeneesmiddel"),
    ],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "Zentrava works wonders!", language)
    assert phrase in hit.message


def test_settings_add_cues_and_can_leave_claims_to_the_claims_kind() -> None:
    policy = policy_with("promotion", {"cues": ["(a|the) must(-| )have"], "with_claims": False})
    assert [f.excerpt for f in found(policy, "Respiqo is a must-have for asthmatics.")] == [
        "a must-have"
    ]
    assert found(policy, "Respiqo is 100% safe.") == []


def test_a_cue_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with("promotion", {"cues": ["a <nope> cue"]})
    assert "unknown word class" in str(error.value)
    assert error.value.problems[0].path.endswith("settings.cues[0]")


def test_dev_cases_raise_promotion_exactly_where_labelled(policy: CompiledPolicy) -> None:
    wrong = [
        c["id"]
        for c in dev_cases()
        if ("promotion" in c["expect"])
        != ("promotion" in check(c["text"], Context.from_data(c["context"]), policy).kinds)
    ]
    assert wrong == []


@pytest.mark.parametrize("group", ["promotion", "business"])
def test_lexicons_are_well_formed(group: str) -> None:
    assert lexicon_problems("promotion", group) == []


@pytest.mark.parametrize(
    ("note", "text", "promotes"),
    [
        # efficacy told as a ratio or a halving of what patients suffer
        ("half as many", "On Zentrava people had half as many flares as those on placebo.", True),
        ("half as many visitors", "Half as many people came to the Zentrava webinar.", False),
        ("Swedish: halves", "Zentrava halverar antalet migrändagar hos många.", True),
        ("Swedish: visitors", "Hälften så många besökare i Zentrava-montern i år.", False),
        ("Dutch: halves", "Zentrava halveert bij veel patiënten het aantal migrainedagen.", True),
        ("Dutch: visitors", "Half zo veel bezoekers op de Zentrava-stand als vorig jaar.", False),
        # how well or how fast it works
        ("effectively", "Zentrava lowers blood pressure effectively from day one.", True),
        (
            "Swedish: effectively",
            "Zentrava sänker blodtrycket effektivt redan första veckan.",
            True,
        ),
        ("Dutch: effectively", "Zentrava verlaagt effectief de bloeddruk.", True),
        # praise of the medicine, not of the team
        ("an amazing medicine", "Respiqo is an amazing medicine, honestly.", True),
        ("an amazing team", "What an amazing team behind Respiqo!", False),
        ("Swedish: a fantastic medicine", "Respiqo är ett fantastiskt läkemedel.", True),
        ("Swedish: a team", "Vilket fantastiskt team bakom Respiqo!", False),
        ("Dutch: a fantastic medicine", "Respiqo is een fantastisch medicijn.", True),
        ("Dutch: a team", "Wat een geweldig team achter Respiqo!", False),
        # no more of what the medicine prevents
        ("Dutch: no new fractures", "Na twee jaar Zentrava: geen nieuwe breuken meer.", True),
        # a call to raise it with a prescriber
        (
            "worth a conversation",
            "If that sounds like you, it's worth a conversation with your doctor about Zentrava.",
            True,
        ),
        ("side effects to the doctor", "Had side effects on Zentrava? Talk to your doctor.", False),
        ("Swedish: bring it up", "Känner du igen dig? Ta upp Zentrava med din läkare.", True),
        (
            "Swedish: side effects",
            "Har du fått biverkningar av Zentrava? Prata med din läkare.",
            False,
        ),
        ("Dutch: discuss it", "Heb je botontkalking? Bespreek Zentrava dan met je arts.", True),
    ],
)
def test_promotion_categories_added_for_unseen_phrasings(
    policy: CompiledPolicy, note: str, text: str, promotes: bool
) -> None:
    assert bool(found(policy, text)) is promotes, note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zentrava is once a week and it honestly works.", True),
        ("Zentrava works like magic for insomnia.", True),
        ("People on Zentrava lost 9.4% of their body weight on average.", True),
        ("Zentrava funkar verkligen!", True),
        ("Zentrava funkar som magi mot eksem.", True),
        ("Zentrava werkt echt.", True),
        ("Zentrava werkt als een tierelier.", True),
        ("Does Zentrava really work? Asking for a friend.", False),
        ("Zentrava werkt echt niet bij mij.", False),
        ("Had side effects from Zentrava? Ask your GP.", False),
        ("My new laptop works like a charm.", False),
    ],
)
def test_efficacy_said_plainly_or_as_magic_or_weight_lost(
    policy: CompiledPolicy, text: str, expected: bool
) -> None:
    assert bool(found(policy, text)) is expected, text
