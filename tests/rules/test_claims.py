"""claims: guarantees, "risk-free" and absolute safety, superiority over competitors and
share-price predictions, in en/sv/nl; casual and negated uses are not claims."""

from __future__ import annotations

import pytest

from postwise import CompiledPolicy, Context, Finding, check
from postwise.policy.errors import PolicyError
from postwise.rules._patterns import lexicon_problems
from postwise.text.data import load_data
from postwise.text.fold import fold
from tests.conftest import dev_cases, policy_with


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with("claims")


def found(policy: CompiledPolicy, text: str, language: str | None = None) -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}} if language else {})
    return [f for f in check(text, ctx, policy).findings if f.kind == "claims"]


def claims(policy: CompiledPolicy, text: str) -> list[tuple[str, str]]:
    return [(f.data["claim"], f.excerpt) for f in found(policy, text)]


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        (
            "a guarantee and risk-free",
            "CareLoop guarantees you'll never miss a dose again. Risk-free 30-day trial!",
            [("guarantee", "guarantees you'll never"), ("risk", "Risk-free")],
        ),
        (
            "guaranteed returns",
            "This fund has guaranteed returns of 8% a year.",
            [("guarantee", "guaranteed returns")],
        ),
        (
            "a trailing guaranteed",
            "Pharmacies will see fewer missed doses. Guaranteed.",
            [("guarantee", ". Guaranteed")],
        ),
        ("100% safe", "Respiqo is 100% safe for children.", [("risk", "100% safe")]),
        (
            "beats every competitor",
            "Respiqo beats every competitor inhaler.",
            [("superiority", "beats every competitor")],
        ),
        (
            "faster than any",
            "CareLoop is faster than any other reminder app.",
            [("superiority", "faster than any other reminder app")],
        ),
        (
            "better than a listed competitor",
            "CareLoop works better than Novexa's app.",
            [("superiority", "better than Novexa")],
        ),
        (
            "a share-price prediction",
            "Lumora share price is going to explode 🚀",
            [("prediction", "share price is going to explode")],
        ),
        (
            "a forecast in a post about shares",
            "This will double by summer. Not advice, but I hold Lumora shares.",
            [("prediction", "will double")],
        ),
        (
            "Swedish: guaranteed return, risk-free",
            "Garanterad avkastning och helt riskfritt.",
            [("guarantee", "Garanterad avkastning"), ("risk", "helt riskfritt")],
        ),
        (
            "Swedish: better than all",
            "CareLoop är snabbare än alla andra appar.",
            [("superiority", "snabbare än alla andra appar")],
        ),
        (
            "Swedish: the share to 300",
            "Lumora-aktien upp idag! Snart går den till 300 kr 🚀",
            [("prediction", "går den till 300 kr")],
        ),
        (
            "Swedish: the share reaches 400",
            "Lumora-aktien når 400 kr före sommaren.",
            [("prediction", "Lumora-aktien når 400")],
        ),
        (
            "Dutch: guaranteed return",
            "Een risicoloze investering met gegarandeerd rendement.",
            [("risk", "risicoloze investering"), ("guarantee", "gegarandeerd rendement")],
        ),
        (
            "Dutch: a list of comparatives",
            "CareLoop is sneller, veiliger en gebruiksvriendelijker dan elke app van Novexa.",
            [("superiority", "sneller, veiliger en gebruiksvriendelijker dan elke app van Novexa")],
        ),
        (
            "Dutch: 100% safe",
            "Zentrava is 100% veilig en werkt wonderen.",
            [("risk", "100% veilig")],
        ),
        (
            "Dutch: the price will double",
            "De koers gaat verdubbelen na de jaarcijfers.",
            [("prediction", "De koers gaat verdubbelen")],
        ),
    ],
)
def test_claims_are_found(
    policy: CompiledPolicy, note: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert claims(policy, text) == expected, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("no guarantees", "There are no guarantees in drug development, only good science."),
        ("a guarantee denied", "I can't guarantee the coffee will be good."),
        ("fun is guaranteed", "Fun guaranteed at the summer party!"),
        ("quality assurance", "Our QA team's job is to guarantee the quality of every batch."),
        ("100% sure", "I'm 100% sure I left my badge at home again."),
        ("better than ever", "Better than ever: our second hackathon was a blast."),
        ("more than anything", "I love this team more than anything."),
        ("no risk, no story", "No risk, no story: our hackathon team tried something wild."),
        ("an exploding inbox", "The launch is going to explode my inbox tomorrow 😅"),
        ("a personal experience", "No side effects at all on Respiqo for me."),
        ("Swedish: 100% sure", "Jag är 100 % säker på att det blir en bra dag."),
        ("Swedish: fun guaranteed", "Det blir garanterat kul på kickoffen!"),
        ("Swedish: no guarantees", "Ingen kan garantera resultat i forskning."),
        ("Swedish: better than ever", "Bättre än någonsin, tack alla!"),
        ("Dutch: guaranteed cosy", "Gezelligheid gegarandeerd bij de vrijmibo!"),
        ("Dutch: nothing without risk", "Niets is zonder risico in de farmacie."),
        ("Dutch: then every day", "In de zomer dan elke dag naar het strand 🏖️"),
        ("Dutch: more than all", "Ik hou meer dan alles van dit team."),
    ],
)
def test_casual_and_negated_uses_are_not_claims(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert claims(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "expected"),
    [
        (
            "better than anything a competitor sells",
            "CareLoop is simpler than anything Novexa sells.",
            [("superiority", "simpler than anything Novexa")],
        ),
        (
            "Swedish: better than everything a competitor made",
            "CareLoop är smidigare än allt som Novexa har gjort.",
            [("superiority", "smidigare än allt som Novexa")],
        ),
        (
            "Dutch: nicer than everything from a competitor",
            "CareLoop werkt prettiger dan alles van Aldermed.",
            [("superiority", "prettiger dan alles van Aldermed")],
        ),
        (
            "a competitor cannot compete",
            "Novexa simply can't compete with Respiqo.",
            [("superiority", "Novexa simply can't compete")],
        ),
        (
            "Swedish: a competitor cannot measure up",
            "Novexa kan inte mäta sig med CareLoop.",
            [("superiority", "Novexa kan inte mäta sig")],
        ),
        (
            "Dutch: a competitor cannot match it",
            "Daar kan Aldermed echt niet tegenop.",
            [("superiority", "kan Aldermed echt niet tegenop")],
        ),
        (
            "the best inhaler in the world",
            "Respiqo is the most effective inhaler in the world.",
            [("superiority", "most effective inhaler in the world")],
        ),
        (
            "Swedish: by far the best",
            "Respiqo är överlägset bäst på marknaden.",
            [("superiority", "överlägset bäst på marknaden")],
        ),
        (
            "Dutch: by far the best inhaler",
            "Respiqo is veruit de beste inhaler die er is.",
            [("superiority", "veruit de beste inhaler")],
        ),
        (
            "guaranteed to stop attacks",
            "Respiqo is guaranteed to stop your attacks.",
            [("guarantee", "guaranteed to stop")],
        ),
        (
            "an outcome for good",
            "Zentrava stops flare-ups for good.",
            [("guarantee", "stops flare-ups for good")],
        ),
        (
            "never again",
            "With CareLoop you'll never miss a dose again.",
            [("guarantee", "you'll never miss a dose again")],
        ),
        (
            "Swedish: prevents, guaranteed",
            "Med Zentrava förebygger du garanterat nya skov.",
            [("guarantee", "förebygger du garanterat")],
        ),
        (
            "Swedish: guaranteed even better",
            "Det här året blir garanterat ännu starkare för oss!",
            [("guarantee", "blir garanterat ännu starkare")],
        ),
        (
            "Swedish: money back",
            "Fungerar det inte? Annars får du pengarna tillbaka.",
            [("guarantee", "Annars får du pengarna tillbaka")],
        ),
        (
            "Dutch: prevents, guaranteed",
            "Met Respiqo verhelp je gegarandeerd je benauwdheid.",
            [("guarantee", "verhelp je gegarandeerd")],
        ),
        (
            "Dutch: guaranteed fewer attacks",
            "Gegarandeerd minder aanvallen met Respiqo.",
            [("guarantee", "Gegarandeerd minder aanvallen")],
        ),
        (
            "Dutch: guaranteed even better",
            "Dit kwartaal wordt gegarandeerd nog beter.",
            [("guarantee", "wordt gegarandeerd nog beter")],
        ),
        (
            "no risk at all",
            "There's absolutely no risk, your money is safe.",
            [("risk", "There's absolutely no risk")],
        ),
        (
            "you cannot lose",
            "You can't lose money on this one.",
            [("risk", "You can't lose money on")],
        ),
        ("Swedish: without risk", "Helt utan risk för dig som kund.", [("risk", "Helt utan risk")]),
        (
            "Swedish: you cannot lose",
            "Du kan inte förlora på det här.",
            [("risk", "Du kan inte förlora på")],
        ),
        (
            "Dutch: no risk at all",
            "Je loopt geen enkel risico met deze belegging.",
            [("risk", "Je loopt geen enkel risico")],
        ),
        (
            "Dutch: without any risk",
            "Het is een investering zonder enig risico.",
            [("risk", "zonder enig risico")],
        ),
        (
            "a price by a date",
            "Lumora stock keeps climbing; my guess is 90 euro by June.",
            [("prediction", "my guess is 90 euro")],
        ),
        (
            "next stop",
            "Lumora stock is flying. Next stop: €60!",
            [("prediction", "Next stop: €60")],
        ),
        (
            "expecting the stock to double",
            "I expect Lumora stock to double after the readout.",
            [("prediction", "expect Lumora stock to double")],
        ),
        (
            "Swedish: my guess by Christmas",
            "Lumora-aktien lyfter, mitt tips är 400 kr till jul.",
            [("prediction", "mitt tips är 400 kr")],
        ),
        (
            "Swedish: will keep rising",
            "Aktien kommer att fortsätta stiga efter rapporten.",
            [("prediction", "kommer att fortsätta stiga")],
        ),
        (
            "Swedish: the share doubles soon",
            "Lumora-aktien dubblas inom ett år.",
            [("prediction", "Lumora-aktien dubblas inom ett år")],
        ),
        (
            "Dutch: the price goes to an amount",
            "Het aandeel Lumora gaat naar €45 voor de zomer.",
            [("prediction", "gaat naar €45")],
        ),
        (
            "Dutch: on its way to an amount",
            "Lumora-aandelen: op weg naar de 50 euro!",
            [("prediction", "op weg naar de 50 euro")],
        ),
        (
            "Dutch: the share doubles this year",
            "Het aandeel Lumora verdubbelt dit jaar nog.",
            [("prediction", "Het aandeel Lumora verdubbelt dit jaar")],
        ),
        (
            "nothing beats a product of the organisation",
            "Honestly, nothing on the market beats CareLoop.",
            [("superiority", "nothing on the market beats CareLoop")],
        ),
        (
            "Swedish: nothing beats a product of the organisation",
            "Ärligt talat slår inget på marknaden CareLoop.",
            [("superiority", "slår inget på marknaden CareLoop")],
        ),
        (
            "Dutch: nothing beats a product of the organisation",
            "Eerlijk: niets op de markt verslaat CareLoop.",
            [("superiority", "niets op de markt verslaat CareLoop")],
        ),
        (
            "results or your money back",
            "Clear skin in two weeks or your money back.",
            [("guarantee", "or your money back")],
        ),
        (
            "Swedish: results or money back",
            "Resultat på två veckor, annars pengarna tillbaka.",
            [("guarantee", "annars pengarna tillbaka")],
        ),
        (
            "Dutch: results or money back",
            "Binnen twee weken resultaat, anders je geld terug.",
            [("guarantee", "anders je geld terug")],
        ),
        (
            "works for everyone",
            "Respiqo works from day one for everyone.",
            [("guarantee", "works from day one for everyone")],
        ),
        (
            "Swedish: works every time",
            "Respiqo fungerar från första dagen varje gång.",
            [("guarantee", "fungerar från första dagen varje gång")],
        ),
        (
            "Dutch: works for everyone",
            "Respiqo werkt vanaf dag één bij iedereen.",
            [("guarantee", "werkt vanaf dag één bij iedereen")],
        ),
        (
            "the organisation quoted at a price, then a target",
            "Lumora at 300 kr today, 500 kr by next summer.",
            [("prediction", "500 kr by next summer")],
        ),
        (
            "Swedish: quoted at a price, then a target",
            "Lumora ligger på 300 kr, nästa sommar står den på 500.",
            [("prediction", "nästa sommar står den på 500")],
        ),
        (
            "Dutch: quoted at a price, then a target",
            "Lumora staat op €30, volgend jaar staat hij op €50.",
            [("prediction", "volgend jaar staat hij op €50")],
        ),
        (
            "blown out of the water",
            "Respiqo blows every other inhaler out of the water.",
            [("superiority", "blows every other inhaler out of the water")],
        ),
        (
            "Swedish: beats all by a mile",
            "Respiqo slår alla andra inhalatorer med hästlängder.",
            [("superiority", "slår alla andra inhalatorer med hästlängder")],
        ),
        (
            "Dutch: wipes the floor",
            "Respiqo veegt de vloer aan met de concurrentie.",
            [("superiority", "veegt de vloer aan met de concurrentie")],
        ),
        (
            "best-performing stock",
            "Lumora will be the best-performing stock on the exchange this year.",
            [("prediction", "will be the best-performing stock")],
        ),
        (
            "Swedish: this year's winner",
            "Lumora-aktien kommer att bli årets vinnare.",
            [("prediction", "kommer att bli årets vinnare")],
        ),
        (
            "Dutch: best of the AEX",
            "Het aandeel Lumora wordt dit jaar de beste van de AEX.",
            [("prediction", "wordt dit jaar de beste van de AEX")],
        ),
        (
            "rid of it for good",
            "With Respiqo you'll be free of attacks for good.",
            [("guarantee", "you'll be free of attacks for good")],
        ),
        (
            "Swedish: rid of it for good",
            "Med Respiqo blir du av med astmaanfallen för gott.",
            [("guarantee", "blir du av med astmaanfallen för gott")],
        ),
        (
            "Dutch: rid of it for good",
            "Met Respiqo ben je voorgoed af van je aanvallen.",
            [("guarantee", "ben je voorgoed af van")],
        ),
        (
            "Swedish: a price before the year is out",
            "Lumora-aktien kommer att stå i 500 kr innan året är slut.",
            [("prediction", "Lumora-aktien kommer att stå i 500")],
        ),
        (
            "Dutch: a price by the end of the year",
            "Het aandeel Lumora staat tegen het einde van het jaar op €60.",
            [("prediction", "tegen het einde van het jaar op €60")],
        ),
        (
            "a price before the year is out",
            "Lumora shares at 300 kr now, 450 kr before the year is out.",
            [("prediction", "450 kr before the year is out")],
        ),
        (
            "Swedish: better than every other compound-named medicine",
            "Lumora är bättre än alla andra migränmediciner.",
            [("superiority", "bättre än alla andra migränmediciner")],
        ),
        (
            "Swedish: beats every other nasal spray",
            "Lumora slår alla andra nässprayer på marknaden.",
            [("superiority", "slår alla andra nässprayer")],
        ),
        (
            "Dutch: beats every other migraine medicine",
            "Lumora verslaat alle andere migrainemiddelen.",
            [("superiority", "verslaat alle andere migrainemiddelen")],
        ),
        (
            "beats every other nasal spray",
            "Lumora beats all other nasal sprays on the market.",
            [("superiority", "beats all other nasal sprays")],
        ),
        (
            "Dutch: a time between the verb and the move",
            "De koers van Lumora gaat na de jaarcijfers door het dak.",
            [("prediction", "De koers van Lumora gaat na de jaarcijfers door het dak")],
        ),
        (
            "Swedish: a time between the verb and the move",
            "Lumora-aktien kommer efter rapporten att rusa.",
            [("prediction", "Lumora-aktien kommer efter rapporten att rusa")],
        ),
        (
            "an adverb between the verb and the move",
            "Lumora stock will definitely double.",
            [("prediction", "Lumora stock will definitely double")],
        ),
        (
            "a case won for sure",
            "Sue them in small claims court and you will win.",
            [("guarantee", "court and you will win")],
        ),
        (
            "the law fully on your side",
            "Don't pay that fine, the law is 100% on your side.",
            [("guarantee", "the law is 100% on your side")],
        ),
        (
            "Swedish: a case won for sure",
            "Stäm dem i tingsrätten, du kommer att vinna.",
            [("guarantee", "Stäm dem i tingsrätten, du kommer att vinna")],
        ),
        (
            "Dutch: a case won for sure",
            "Sleep ze voor de rechter, dat win je gegarandeerd.",
            [("guarantee", "win je gegarandeerd")],
        ),
        (
            "a claim next to an idiom that is no prohibition",
            "Lumora is risk-free, you can't say that about any other fund.",
            [("risk", "risk-free")],
        ),
        (
            "Swedish: a claim next to an idiom that is no prohibition",
            "Lumora är helt riskfritt, det kan man inte säga om andra fonder.",
            [("risk", "helt riskfritt")],
        ),
        (
            "Dutch: a claim next to an idiom that is no prohibition",
            "Lumora is zonder risico, dat kun je niet zeggen van andere fondsen.",
            [("risk", "zonder risico")],
        ),
        (
            "a forecast about gold",
            "The gold price can only go up.",
            [("prediction", "can only go up")],
        ),
        (
            "Swedish: a forecast about gold",
            "Guldpriset kan bara gå uppåt.",
            [("prediction", "kan bara gå uppåt")],
        ),
        (
            "Dutch: a forecast about bitcoin",
            "Mijn bitcoin gaat verdubbelen.",
            [("prediction", "gaat verdubbelen")],
        ),
    ],
)
def test_more_kinds_of_claims_are_found(
    policy: CompiledPolicy, note: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert claims(policy, text) == expected, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a claim criticised", "Anyone promising guaranteed returns is running a scam."),
        (
            "a quoted claim called a myth",
            '"Risk-free" investments don\'t exist. Beware of these ads.',
        ),
        (
            "analysts' forecast reported",
            "Analysts expect the share to reach 400 kronor by Christmas.",
        ),
        ("Swedish: a claim criticised", "Lita aldrig på någon som lovar garanterad avkastning."),
        (
            "Swedish: analysts' forecast reported",
            "Enligt analytikerna går aktien till 300 kr före sommaren.",
        ),
        ("Dutch: a claim criticised", "Wie gegarandeerd rendement belooft, is een oplichter."),
        (
            "Dutch: analysts' forecast reported",
            "Analisten verwachten dat het aandeel naar €50 gaat voor de zomer.",
        ),
        ("a past closing price", "Lumora shares closed at 420 kronor before Christmas last year."),
        ("Swedish: a past closing price", "Lumora-aktien stängde på 420 kr före jul förra året."),
        (
            "Dutch: money raised before Christmas",
            "De actie haalde €5.000 voor de kerst, dank jullie wel!",
        ),
        ("a warm welcome guaranteed", "We guarantee a warm welcome at our open day!"),
        ("Swedish: a warm welcome guaranteed", "Vi garanterar ett varmt välkomnande på öppet hus!"),
        ("Dutch: a warm welcome guaranteed", "Wij garanderen een warm welkom op onze open dag!"),
        ("never forgetting a first day", "You'll never forget your first day here, trust me."),
        ("Swedish: no risk, no gain", "Ingen risk, ingen vinst, som man säger."),
        (
            "Dutch: no adventure without risk",
            "Zonder risico geen avontuur, dus: parachutespringen!",
        ),
        ("no risk of rain", "There's no risk of rain on Saturday, the BBQ is on."),
        ("the best team, not a product", "The best team in the world, no doubt about it!"),
        ("Swedish: better than the old canteen", "Vår nya kantin är mycket bättre än den gamla."),
        (
            "Dutch: better than the previous release",
            "Onze nieuwe release is sneller dan de vorige.",
        ),
        ("a trip, not a price target", "Next stop: Amsterdam for the congress!"),
        ("a question about shares", "Is it true that Lumora shares will double?"),
        ("Swedish: a question about shares", "Stämmer det att aktien kommer att rusa?"),
        ("Dutch: a question about shares", "Klopt het dat de koers gaat verdubbelen?"),
        ("a canteen, not a product", "Our canteen is better than any other canteen in town."),
        (
            "Swedish: a canteen, not a product",
            "Vår kantin är bättre än alla andra kantiner i stan.",
        ),
        (
            "Dutch: a canteen, not a product",
            "Onze kantine is beter dan elke andere kantine in de stad.",
        ),
        ("a family day", "This workshop is risk-free fun for the whole family!"),
        (
            "past best performer",
            "Lumora shares were the best performers on the exchange last year.",
        ),
        ("Swedish: last year's winner", "Lumora-aktien var börsens vinnare förra året."),
        ("a team, not a product", "Our team beats all other teams at the quiz."),
        ("Swedish: a grandmother, not a product", "Min mormor slår alla andra på korsord."),
        (
            "Dutch: a daughter, not a product",
            "Mijn dochter verslaat alle andere kinderen met schaken.",
        ),
        ("Dutch: a move denied", "De koers van Lumora gaat na de jaarcijfers niet door het dak."),
        ("Swedish: a move denied", "Lumora-aktien kommer inte att rusa efter rapporten."),
        (
            "Dutch: a proportion, not a share",
            "Het aandeel vrouwen in de top zal de komende jaren verdubbelen.",
        ),
        ("Dutch: attendance, not a share", "Het aantal deelnemers gaat na de zomer verdubbelen!"),
        (
            "Swedish: attendance, not a share",
            "Antalet deltagare kommer efter sommaren att fördubblas.",
        ),
        ("a case that may be won", "If you win the case, they may appeal."),
        ("a raffle", "Enter the raffle and you will win a prize!"),
        ("on your side as a friend", "I'm 100% on your side, love."),
        ("Swedish: a case that may be won", "Om du vinner målet kan motparten överklaga."),
        (
            "Dutch: a case that may be won",
            "Als je de zaak wint, kan de tegenpartij in beroep gaan.",
        ),
        (
            "a rule that forbids the claim",
            "FINRA rules don't let you promise 'guaranteed returns' to the public.",
        ),
        (
            "Swedish: a rule that forbids the claim",
            "I läkemedelsreklam får man aldrig påstå att ett läkemedel är 'helt riskfritt'.",
        ),
        (
            "Dutch: a rule that forbids the claim",
            "Je mag nooit beweren dat een middel 'zonder risico' is.",
        ),
        (
            "Swedish: a backdrop, not a fund",
            "Vi har fond på väggen. Det kan bara gå uppåt härifrån!",
        ),
        ("a charity fund", "Our charity fund will double next year thanks to donors."),
        (
            "Dutch: a research fund",
            "Ons fonds voor onderzoek zal volgend jaar verdubbelen dankzij donaties.",
        ),
    ],
)
def test_claims_criticised_reported_asked_or_in_the_past_are_not_made(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert claims(policy, text) == [], note


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("en", "promises a result"), ("sv", "lovar ett resultat"), ("nl", "belooft een resultaat")],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "Guaranteed returns, every year.", language)
    assert phrase in hit.message
    assert hit.fix is not None and (hit.fix.start, hit.fix.end) == (0, len("Guaranteed returns"))


def test_settings_choose_the_checks_and_add_cues() -> None:
    policy = policy_with("claims", {"checks": ["prediction"], "cues": {"prediction": ["bull run"]}})
    assert claims(policy, "Guaranteed returns!") == []
    assert claims(policy, "Lumora stock: bull run ahead") == [("prediction", "bull run")]


def test_a_cue_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with("claims", {"cues": {"risk": ["(no risk"]}})
    assert error.value.problems[0].path.endswith("settings.cues.risk[0]")


def test_dev_cases_raise_claims_exactly_where_labelled(policy: CompiledPolicy) -> None:
    wrong = [
        c["id"]
        for c in dev_cases()
        if ("claims" in c["expect"])
        != ("claims" in check(c["text"], Context.from_data(c["context"]), policy).kinds)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "group",
    [
        "guarantee",
        "risk",
        "superiority",
        "prediction",
        "forecast",
        "market",
        "critique",
        "reported",
    ],
)
def test_lexicons_are_well_formed(group: str) -> None:
    assert lexicon_problems("claims", group) == []


@pytest.mark.parametrize("group", ["guarantee", "risk", "superiority", "prediction", "forecast"])
def test_word_classes_are_written_folded(group: str) -> None:
    """Posts are matched folded (no accents): a class with "ö" or "é" would never match."""
    classes = load_data("lexicons", "claims", f"{group}.yaml").get("classes") or {}
    unfolded = {
        name: regex
        for name, regex in classes.items()
        if any(c.isalpha() and fold(c) != c.lower() for c in regex)
    }
    assert unfolded == {}


# Constructions, not sentences: each table below holds varied sentences of one construction in
# English, Swedish and Dutch (other words, tenses, word orders, verb-second after an adverbial).
# A hit is enough here; the excerpts are checked in the tables above.
CONSTRUCTIONS: dict[str, list[str]] = {
    # a comparative against a competitor named inside a noun phrase: "better than X's pen"
    "comparative against a competitor's product": [
        "Respiqo works better than Novexa's inhaler.",
        "CareLoop is far simpler than the app from Aldermed.",
        "Zentrava acts faster than the pill Brevik Therapeutics sells.",
        "Honestly, Respiqo feels lighter than that clunky Novexa device.",
        "Since March CareLoop has been more reliable than the old Aldermed reminder.",
        "Respiqo is easier to use than the Novexa pen.",
        "Respiqo fungerar bättre än Novexas inhalator.",
        "CareLoop är mycket enklare än appen från Aldermed.",
        "Zentrava verkar snabbare än tabletten som Brevik Therapeutics säljer.",
        "Sedan i våras har Respiqo varit pålitligare än den gamla Novexa-inhalatorn.",
        "Ärligt talat är CareLoop smidigare än hela Aldermeds sortiment.",
        "Respiqo är lättare att använda än pennan från Novexa.",
        "Respiqo werkt beter dan de inhaler van Novexa.",
        "CareLoop is veel handiger dan de app van Aldermed.",
        "Sinds vorige maand werkt Zentrava bij mij sneller dan de pil van Brevik Therapeutics.",
        "Deze crème is zachter dan alles uit de Aldermed-lijn.",
        "Respiqo is goedkoper dan die dure Novexa-pen.",
        "CareLoop is makkelijker in gebruik dan het ding van Aldermed.",
    ],
    # a verdict in a comparison without "than": "X every time", "X wins hands down", "punkt slut"
    "a verdict: every time, wins, hands down, full stop": [
        "Respiqo or Novexa? Respiqo every time.",
        "CareLoop wins hands down.",
        "Side by side, Respiqo won easily.",
        "Tried both for a month: Zentrava wins on every count.",
        "Respiqo beat Novexa in my own test.",
        "Respiqo is simply the better inhaler, full stop.",
        "Novexa doesn't stand a chance against Respiqo.",
        "Respiqo eller Novexa? Respiqo varje gång.",
        "CareLoop vinner överlägset.",
        "Sida vid sida vann Respiqo direkt.",
        "Jag testade båda i en månad: Zentrava vinner på alla punkter.",
        "Respiqo slog Novexa i mitt eget test.",
        "Bättre, billigare och snällare mot huden, punkt slut.",
        "Novexa har inte en chans mot Respiqo.",
        "Respiqo of Novexa? Respiqo elke keer.",
        "CareLoop wint met gemak.",
        "Naast elkaar getest won Respiqo glansrijk.",
        "Ik heb beide een maand geprobeerd: Zentrava wint op alle punten.",
        "Respiqo versloeg Novexa in mijn eigen test.",
        "Beter, goedkoper en zachter voor je huid, punt uit.",
        "Novexa maakt geen schijn van kans tegen Respiqo.",
    ],
    # a share price at a level by a time, in any wording: "back above SEK 200 before Christmas"
    "a share price at a level by a time": [
        "Lumora stock down 6% today. It'll be back above SEK 200 before Christmas.",
        "Lumora shares will be trading over €50 by summer.",
        "Mark my words, Lumora stock ends the year north of 300 kr.",
        "The Lumora share price should be past $80 by the next report.",
        "Give it six months and Lumora stock is at SEK 400.",
        "Lumora-aktien är tillbaka över 200 kr före jul.",
        "Före sommaren står Lumora-aktien i 300 kr.",
        "Om ett halvår handlas aktien över 400 kronor.",
        "Kursen har legat lågt, men aktien kommer snart att ligga över 250 kr igen.",
        "Till jul är aktien uppe i SEK 300.",
        "Kursen kommer att passera 200 kr innan årsskiftet.",
        "Het aandeel staat voor de kerst weer boven de €50.",
        "Na de cijfers staat de koers boven 40 euro.",
        "Over een half jaar noteert het aandeel boven €60.",
        "Tegen de zomer staat het aandeel Lumora op €45.",
        "De koers zit binnen een maand weer boven de 20 euro.",
        "Het aandeel Lumora gaat dit jaar nog door de €30 heen.",
    ],
    # the share is undervalued, or will rise after an event: "staat veel te laag, wacht maar tot…"
    "an undervalued share that will rise": [
        "Our stock is way too cheap. Just wait until the report, then it goes up.",
        "Lumora shares are massively undervalued.",
        "Wait till October 28 and the stock will fly.",
        "The share price is far too low; after the results it shoots up.",
        "Lumora stock is seriously undervalued, watch it climb after Q3.",
        "Vår aktie är alldeles för lågt värderad.",
        "Vänta bara till rapporten, då går aktien upp.",
        "Lumora-aktien är kraftigt undervärderad.",
        "Vänta till den 28 oktober, sen rusar kursen.",
        "Efter rapporten stiger aktien, vänta bara.",
        "Ons aandeel staat veel te laag. Wacht maar tot 28 oktober, dan gaat hij omhoog.",
        "Het aandeel Lumora is zwaar ondergewaardeerd.",
        "Na de cijfers schiet de koers omhoog, wacht maar af.",
        "Na 28 oktober gaat het aandeel de lucht in.",
        "De koers is veel te laag, straks gaat hij omhoog.",
    ],
    # absolute efficacy in other words than "guaranteed": never fails, zero attacks, I promise
    "absolute efficacy promised": [
        "Zentrava means zero migraine days.",
        "Respiqo never fails.",
        "I promise you'll never have another attack on Respiqo.",
        "It works for everyone, every single time.",
        "Zentrava gives you zero migraine days.",
        "I promise you will never miss a dose with CareLoop.",
        "Zentrava betyder noll migrändagar.",
        "Respiqo sviker aldrig.",
        "Jag lovar att du aldrig får ett anfall till med Respiqo.",
        "Det funkar för alla, varje gång.",
        "Med Zentrava får du noll migrändagar.",
        "Jag lovar dig att du aldrig missar en dos med CareLoop.",
        "Zentrava betekent nul migrainedagen.",
        "Respiqo laat je nooit in de steek.",
        "Ik beloof je dat je nooit meer een aanval krijgt met Respiqo.",
        "Het werkt bij iedereen, elke keer.",
        "Met Zentrava heb je nul migrainedagen.",
        "Ik beloof jullie dat je met CareLoop nooit meer een dosis mist.",
    ],
    # no side effects at all, said of a product
    "no side effects at all": [
        "Respiqo works better than most, and without side effects.",
        "Respiqo has no side effects whatsoever.",
        "A treatment with no side effects whatsoever.",
        "Zentrava is completely free of side effects.",
        "Respiqo har inga biverkningar alls.",
        "Zentrava är helt biverkningsfri.",
        "Fungerar bra och utan biverkningar.",
        "Zentrava är helt fri från biverkningar.",
        "Migrelta werkt beter, en zonder bijwerkingen.",
        "Respiqo heeft helemaal geen bijwerkingen.",
        "Zentrava is volledig vrij van bijwerkingen.",
        "Geen enkele bijwerking met Respiqo.",
    ],
}

CONSTRUCTIONS.update(
    {
        # buy before the rise: the rise is the prediction
        "buy before it rises": [
            "Load up on Lumora shares before they take off.",
            "Get in on Lumora stock now, before it doubles.",
            "Buy the stock today before it rockets after the report.",
            "Köp Lumora-aktier nu innan kursen drar iväg.",
            "Ladda upp med aktien innan den rusar efter rapporten.",
            "Köp aktien i dag, före den stiger.",
            "Koop nu aandelen Lumora voordat de koers de lucht in gaat.",
            "Stap nu in het aandeel, voor het omhoog gaat.",
            "Koop het aandeel snel voordat hij stijgt.",
        ],
        # a rise by a percentage ahead: "will gain 30%", "stiger 20 % i år", "gaat 30% stijgen"
        "a rise by a percentage": [
            "Lumora stock will gain at least 30% this year.",
            "The shares are going to climb another 20 percent.",
            "Lumora shares will be up 50% by summer.",
            "Aktien kommer att stiga minst 30 % i år.",
            "Kursen ska upp 20 procent före jul.",
            "I år stiger aktien med 40 %, minst.",
            "Het aandeel gaat dit jaar 30% stijgen.",
            "De koers zal met 20 procent stijgen na de cijfers.",
            "Dit jaar stijgt het aandeel Lumora minstens 40%.",
        ],
        # results promised in other words than "guarantee"
        "results promised": [
            "We promise results within two weeks.",
            "Respiqo promises you zero attacks.",
            "I promise you real returns on this fund.",
            "Vi lovar resultat inom två veckor.",
            "Jag lovar dig avkastning på den här fonden.",
            "Respiqo lovar dig noll anfall.",
            "Wij beloven resultaat binnen twee weken.",
            "Ik beloof je rendement met dit fonds.",
            "Respiqo belooft je nul aanvallen.",
        ],
        # a product safe for everyone, with nothing that beats it
        "safe for everyone, nothing beats it": [
            "Respiqo is safe for everyone, kids included.",
            "Zentrava is perfectly safe for everybody.",
            "Nothing beats Respiqo.",
            "Respiqo är säker för alla, även barn.",
            "Zentrava är helt ofarlig för alla.",
            "Ingenting slår Respiqo.",
            "Respiqo is veilig voor iedereen, ook voor kinderen.",
            "Zentrava is volkomen onschadelijk voor iedereen.",
            "Niets gaat boven Respiqo.",
        ],
        # the outcome of a test told as a verdict: an experiment presented as proof
        "a test's outcome as a verdict": [
            "Tried both for two weeks. Novexa didn't even come close.",
            "Side by side, Novexa loses on every count.",
            "My little experiment: Respiqo was clearly better.",
            "Testade båda i två veckor. Novexa kom inte ens i närheten.",
            "Sida vid sida förlorar Novexa på alla punkter.",
            "Mitt lilla experiment: Respiqo var klart bättre.",
            "Twee weken allebei getest. Novexa kwam niet eens in de buurt.",
            "Naast elkaar verliest Novexa op alle punten.",
            "Mijn kleine experiment: Respiqo was duidelijk beter.",
        ],
        # far ahead of the rest
        "far ahead of the competition": [
            "Respiqo is miles ahead of Novexa.",
            "Lumora is way ahead of Novexa on adherence.",
            "CareLoop is head and shoulders above the rest.",
            "Honestly, Zentrava is in a league of its own.",
            "Respiqo ligger ljusår före Novexa.",
            "CareLoop ligger klart före Aldermed när det gäller följsamhet.",
            "CareLoop är i en klass för sig.",
            "Ärligt talat ligger Zentrava mil före konkurrenterna.",
            "Respiqo is lichtjaren voor op Novexa.",
            "CareLoop steekt met kop en schouders boven de rest uit.",
            "Eerlijk gezegd is Zentrava een klasse apart.",
        ],
        # results promised by a date
        "results by a date": [
            "You'll see results within 7 days.",
            "You will definitely notice a difference in two weeks.",
            "With Zentrava you are going to feel an improvement within a few days.",
            "Du kommer att se resultat inom 7 dagar.",
            "Inom två veckor märker du skillnad.",
            "Med Zentrava kommer du garanterat känna förbättring på några dagar.",
            "Je ziet binnen 7 dagen resultaat.",
            "Binnen twee weken merk je verschil.",
            "Met Zentrava zul je na een paar dagen verbetering voelen.",
        ],
        # a comeback ahead, in a post about shares
        "a share that will bounce back": [
            "Lumora stock is down today, but it'll bounce back soon.",
            "The shares will rebound above 300 kr.",
            "Lumora stock is going to come roaring back.",
            "Aktien föll i dag, men den kommer att återhämta sig.",
            "Lumora-aktien ska snart vända uppåt.",
            "Kursen kommer snabbt att studsa tillbaka.",
            "Het aandeel daalde vandaag, maar het gaat herstellen.",
            "De koers krabbelt wel weer op.",
            "Het aandeel Lumora zal snel terugveren.",
        ],
    }
)

NEAR_MISSES: list[str] = [
    "We are miles ahead of schedule on the new office.",
    "Lumora is way ahead of schedule with the new site.",
    "CareLoop is much better now that the update is out.",
    "Novexa lost its CEO last year.",
    "Novexa förlorade sin vd i fjol.",
    "Novexa verloor vorig jaar zijn ceo.",
    "Vi ligger långt före tidsplanen.",
    "We liggen ver voor op schema.",
    "You'll see the results of the survey within two weeks.",
    "Du kommer att se resultatet av enkäten inom två veckor.",
    "Je ziet de resultaten van de enquête binnen twee weken.",
    "The team will bounce back after a tough season.",
    "Laget kommer att återhämta sig efter förlusten.",
    "Het team gaat herstellen na de nederlaag.",
    "Let's keep the office safe for everyone.",
    "Vi ser till att kontoret är säkert för alla.",
    "We maken de werkplek veilig voor iedereen.",
    "Nothing beats a Friday fika with the team.",
    "Inget slår en fredagsfika med teamet.",
    "Niets gaat boven een vrijdagmiddagborrel met het team.",
    "We promise a fun day for the whole family.",
    "Vi lovar en rolig dag för hela familjen.",
    "Wij beloven een leuke dag voor het hele gezin.",
    "Buy your tickets before they sell out.",
    "Köp biljetter innan de tar slut.",
    "Koop je kaartjes voordat ze uitverkocht zijn.",
    "Lumora stock rose 30% last year.",
    "Aktien steg 30 % förra året.",
    "Het aandeel steeg vorig jaar 30%.",
    "Respiqo won an award for its design.",
    "Every time I open CareLoop it asks me to log in again.",
    "Varje gång jag öppnar CareLoop vill den att jag loggar in.",
    "Elke keer als ik CareLoop open moet ik opnieuw inloggen.",
    "Our team won the quiz hands down.",
    "Jag jobbar inte på helger, punkt slut.",
    "Ik werk niet in het weekend, punt uit.",
    "Novexa's inhaler is older than ours.",
    "Novexa släppte sin inhalator tidigare än vi.",
    "Novexa bestaat langer dan wij.",
    "Lumora stock is down 6% today.",
    "Lumora shares closed at SEK 200 before Christmas.",
    "Aktien steg till 300 kr efter rapporten.",
    "Het aandeel steeg na de cijfers naar €50.",
    "Wait until Friday, then we'll celebrate.",
    "Vänta till fredag, då går vi ut och firar.",
    "Wacht maar tot vrijdag, dan gaan we uit.",
    "Maybe the stock will go up, maybe not. Nobody knows.",
    "Kanske stiger aktien, kanske inte. Ingen vet.",
    "Misschien gaat het aandeel omhoog, misschien niet.",
    "Zero migraine days this week for me, finally!",
    "Noll migrändagar den här veckan, äntligen!",
    "I promise you'll love the team.",
    "Jag lovar att du kommer att trivas hos oss.",
    "Ik beloof je dat je het hier leuk gaat vinden.",
    "I had no side effects so far.",
    "Inga biverkningar alls av Zentrava för min del!",
    "Jag har inga biverkningar alls av Respiqo.",
    "Geen enkele bijwerking van Zentrava voor mij!",
    "Jag har inte märkt några biverkningar.",
    "Ik had geen bijwerkingen, gelukkig.",
    "Report side effects to your doctor.",
    "No medicine is without side effects, so talk to your doctor.",
    "Inget läkemedel är utan biverkningar.",
    "Geen enkel medicijn is zonder bijwerkingen.",
]


@pytest.mark.parametrize(
    ("construction", "text"),
    [(name, text) for name, texts in CONSTRUCTIONS.items() for text in texts],
)
def test_constructions_are_found_in_any_wording(
    policy: CompiledPolicy, construction: str, text: str
) -> None:
    assert claims(policy, text), construction


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_of_the_constructions_are_not_claims(policy: CompiledPolicy, text: str) -> None:
    assert claims(policy, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mark my words: Lumora trades above 400 SEK by Halloween.",
        "Na de overname stijgen ze minstens 30%.",
        "Efter affären stiger aktien minst 30 procent.",
        "Het aandeel Lumora stijgt zeker 20% na de cijfers.",
    ],
)
def test_price_levels_and_rises_in_per_cent_in_any_order(policy: CompiledPolicy, text: str) -> None:
    assert found(policy, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Mark my words: it'll rain all weekend.",
        "Onze omzet steeg met 30% vorig jaar.",
        "De huren stijgen minstens 5% per jaar, zucht.",
    ],
)
def test_a_forecast_without_shares_and_past_rises_are_not_predictions(
    policy: CompiledPolicy, text: str
) -> None:
    assert found(policy, text) == [], text
