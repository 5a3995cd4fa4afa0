"""expertise: medical, legal and investment advice outside the author's declared expertise,
and statements on behalf of the organisation by anyone who is not a spokesperson."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.errors import PolicyError
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules._patterns import lexicon_problems
from postwise.text.data import load_data
from postwise.text.fold import fold
from tests.conftest import ORG, dev_cases

ENGINEER = {"role": "software engineer", "expertise": ["software"]}
SPOKESPERSON_ROLES = ["press officer", "Head of Communications"]


def policy_with(settings: dict[str, Any] | None = None, **people: Any) -> CompiledPolicy:
    """The dev organisation with only an expertise rule, and ``people`` if given."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**r, "settings": settings or {}} for r in data["rules"] if r["kind"] == "expertise"
    ]
    if people:
        data["people"] = people
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with(spokesperson_roles=SPOKESPERSON_ROLES)


def found(policy: CompiledPolicy, text: str, **author: Any) -> list[Finding]:
    ctx = Context.from_data({"author": {**ENGINEER, **author}})
    return [f for f in check(text, ctx, policy).findings if f.kind == "expertise"]


@pytest.mark.parametrize(
    ("note", "text", "domain", "excerpt"),
    [
        # medical
        (
            "a dosing tip for someone else's medicine",
            "PSA: if methotrexate makes you nauseous, just take half the dose twice a week.",
            "medical",
            "take half the dose",
        ),
        (
            "food instructions for a medicine",
            "Zentrava can be taken with or without food, easy.",
            "medical",
            "can be taken with",
        ),
        (
            "telling people to stop a medicine",
            "Honestly, stop taking your statins, they do more harm than good.",
            "medical",
            "stop taking your statins",
        ),
        (
            "a dosing frequency of one's own making",
            "If Respiqo makes you jittery, use it every other day instead.",
            "medical",
            "use it every other day instead",
        ),
        (
            "a medicine and alcohol declared fine",
            "Methotrexate and a glass of wine is totally fine, ignore the leaflet 🍷",
            "medical",
            "Methotrexate and a glass of wine is totally fine",
        ),
        (
            "Swedish: a double dose after a missed one",
            "Har du missat en dos tar du bara dubbel dos nästa dag.",
            "medical",
            "Har du missat en dos tar",
        ),
        (
            "Swedish: split the tablet",
            "Tips: dela tabletten på mitten om du får huvudvärk.",
            "medical",
            "dela tabletten på mitten",
        ),
        (
            "Dutch: a separable verb, take it in at night",
            "Neem hem gewoon 's avonds in, dan heb je er minder last van.",
            "medical",
            "Neem hem gewoon 's avonds in",
        ),
        (
            "Dutch: stop the prednisone",
            "Stop maar met je prednison zodra je je beter voelt.",
            "medical",
            "Stop maar met je prednison",
        ),
        # legal
        (
            "a clause that does not apply, and do not sign",
            "Your non-compete clause doesn't apply if you were fired, so don't sign anything.",
            "legal",
            "Your non-compete clause doesn't apply",
        ),
        (
            "what an employer cannot do",
            "Your landlord cannot raise the rent mid-contract, don't pay it.",
            "legal",
            "Your landlord cannot raise",
        ),
        (
            "Swedish: the non-compete clause does not apply",
            "Konkurrensklausulen i ert anställningsavtal gäller inte om ni slutar i år.",
            "legal",
            "Konkurrensklausulen i ert anställningsavtal gäller inte",
        ),
        (
            "Swedish: entitled to",
            "Du har rätt till hela semesterersättningen.",
            "legal",
            "Du har rätt till",
        ),
        (
            "Dutch: verb last, the boss may not read your messages",
            "Je baas mag je privéberichten niet lezen, dat is illegaal.",
            "legal",
            "Je baas mag je privéberichten niet lezen",
        ),
        (
            "Dutch: do not sign",
            "Je hebt recht op een transitievergoeding, teken niets.",
            "legal",
            "Je hebt recht op",
        ),
        # financial
        (
            "buy before a month",
            "Lumora share price is going to explode 🚀 buy before February, thank me later",
            "financial",
            "buy before February, thank me later",
        ),
        (
            "put savings into a market",
            "Stop wasting money on savings accounts and put it all into the S&P 500.",
            "financial",
            "put it all into the S&P 500",
        ),
        (
            "Swedish: put the money there",
            "Min kompis fond har gett 25 % per år. Sätt in pengarna där nu.",
            "financial",
            "Sätt in pengarna där",
        ),
        (
            "Swedish: buy shares before the report",
            "Köp Lumora-aktier innan rapporten, billigare blir det inte.",
            "financial",
            "Köp Lumora-aktier",
        ),
        (
            "Dutch: buy shares now",
            "Tip: koop nu aandelen Lumora. Ik werk er zelf.",
            "financial",
            "koop nu aandelen",
        ),
        # on behalf
        (
            "speaking on behalf of the company",
            "Speaking on behalf of the company: yesterday's article is wrong.",
            "on_behalf",
            "on behalf of the company",
        ),
        (
            "officially, followed by the organisation's name",
            "Officially, Lumora has no comment on the takeover rumours.",
            "on_behalf",
            "Officially, Lumora",
        ),
        (
            "Swedish: on the organisation's behalf, genitive of its name",
            "På Lumoras vägnar vill jag säga att artikeln inte stämmer.",
            "on_behalf",
            "På Lumoras vägnar",
        ),
        (
            "Dutch: namens and the organisation's name",
            "Namens Lumora: het bericht dat Respiqo uit de handel gaat klopt niet.",
            "on_behalf",
            "Namens Lumora",
        ),
    ],
)
def test_advice_outside_expertise_is_found(
    policy: CompiledPolicy, note: str, text: str, domain: str, excerpt: str
) -> None:
    hits = found(policy, text)
    assert [(f.data["domain"], f.excerpt) for f in hits][:1] == [(domain, excerpt)], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("sending people to their doctor", "Always talk to your doctor before changing your meds."),
        ("a safety reminder", "Don't stop taking your medicine without talking to your doctor."),
        ("one's own routine", "I take my pills every morning and CareLoop reminds me."),
        ("a subject left out, but one's own story", "Had to stop Respiqo after two weeks."),
        ("take as in take a break", "Take a break, take a walk, take the stairs."),
        ("double-check is not a double dose", "Double-check your dose counter before you travel."),
        (
            "a product launch",
            "Today we started the rollout of the medication reminder in CareLoop.",
        ),
        (
            "sign up is not signing a contract",
            "Don't sign up for the webinar yet, the link changes.",
        ),
        ("buying coffee", "Buy me a coffee and I'll tell you all about our new lab."),
        ("tickets, not shares", "Now is a great time to buy tickets for the summer party!"),
        ("reading about markets", "Great read on why index funds beat stock pickers."),
        ("on behalf of a team", "On behalf of the whole team, thank you for the birthday wishes!"),
        ("officially a new hire", "I'm officially a Lumora employee! First day tomorrow."),
        ("Swedish: you are right", "Du har rätt, det var en fantastisk dag!"),
        ("Swedish: talk to your doctor", "Prata med din läkare innan du ändrar din behandling."),
        ("Swedish: one's own tablets", "Jag tar mina tabletter varje morgon."),
        ("Swedish: a collection", "Sätt in en slant på insamlingen för barncancerfonden."),
        ("Swedish: Christmas shopping", "Passa på att köpa julklappar innan det tar slut!"),
        ("Dutch: get in touch", "Neem gerust contact met ons op via de website."),
        ("Dutch: take your time", "Neem vandaag de tijd voor jezelf."),
        ("Dutch: one's own medicine", "Ik neem mijn medicijnen altijd in met een glas water."),
        ("Dutch: a newsletter", "Teken nu in voor onze nieuwsbrief!"),
        ("Dutch: on behalf of the team", "Namens het hele team: bedankt voor de cadeaus!"),
        ("Dutch: my own contract", "Vandaag mijn arbeidscontract getekend bij Lumora! 🎉"),
    ],
)
def test_look_alikes_are_not_advice(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "domain", "excerpt"),
    [
        (
            "halving a dose, advised as a try",
            "Try halving the dose for a week if the dizziness gets bad.",
            "medical",
            "Try halving the dose",
        ),
        (
            "Swedish: inverted, so you halve the dose",
            "Mår du illa så halverar du bara dosen ett tag.",
            "medical",
            "halverar du bara dosen",
        ),
        (
            "Dutch: lower your dosage for a few days",
            "Last van hoofdpijn? Verlaag dan gewoon je dosering een paar dagen.",
            "medical",
            "Verlaag dan gewoon je dosering",
        ),
        (
            "skipping the evening dose",
            "Drop the evening dose on days you feel drowsy.",
            "medical",
            "Drop the evening dose",
        ),
        (
            "two painkillers by brand",
            "Headache after the offsite? Take two Nurofen and drink lots of water.",
            "medical",
            "Take two Nurofen",
        ),
        (
            "Swedish: two Alvedon",
            "Ta ett par Alvedon innan du somnar så är du pigg i morgon.",
            "medical",
            "Ta ett par Alvedon",
        ),
        (
            "Dutch: two paracetamol",
            "Neem twee paracetamol voor het slapen, werkt altijd.",
            "medical",
            "Neem twee paracetamol",
        ),
        (
            "at bedtime",
            "Take your Zentrava at bedtime and you won't notice the tiredness.",
            "medical",
            "Take your Zentrava at bedtime",
        ),
        (
            "Swedish: in the evening instead",
            "Ta Zentrava på kvällen i stället, då märks tröttheten mindre.",
            "medical",
            "Ta Zentrava på kvällen",
        ),
        (
            "Dutch: before going to sleep",
            "Zentrava kun je beter voor het slapengaan innemen.",
            "medical",
            "Zentrava kun je beter voor het slapengaan innemen",
        ),
        (
            "keep going despite a rash",
            "Keep taking your Zentrava even if the rash spreads, it settles.",
            "medical",
            "Keep taking your Zentrava even if",
        ),
        (
            "Swedish: you can just stop",
            "Du kan lugnt sluta med medicinen när febern har gått ner.",
            "medical",
            "Du kan lugnt sluta med medicinen",
        ),
        (
            "Dutch: you can stop the antibiotics",
            "Je kunt gerust stoppen met de antibiotica als je je beter voelt.",
            "medical",
            "Je kunt gerust stoppen met de",
        ),
        (
            "no need to finish the course",
            "No need to finish the antibiotics once you feel fine.",
            "medical",
            "No need to finish the antibiotics",
        ),
        (
            "Dutch: no need to finish the course",
            "Die kuur hoef je echt niet af te maken.",
            "medical",
            "kuur hoef je echt niet af te maken",
        ),
        (
            "Swedish: no need to taper",
            "Du behöver inte trappa ner kortisonet, sluta bara.",
            "medical",
            "Du behöver inte trappa ner",
        ),
        (
            "half a tablet is plenty",
            "Half a tablet is plenty for most people, honestly.",
            "medical",
            "Half a tablet is plenty",
        ),
        (
            "Swedish: one tablet every other day is enough",
            "Det räcker med en tablett varannan dag.",
            "medical",
            "Det räcker med en tablett",
        ),
        (
            "Dutch: half a tablet is enough",
            "Een halve tablet is echt genoeg.",
            "medical",
            "Een halve tablet is echt genoeg",
        ),
        (
            "borrowing a partner's inhaler",
            "Forgot yours? Just use your partner's inhaler for the weekend.",
            "medical",
            "use your partner's inhaler",
        ),
        (
            "two medicines declared fine together",
            "Ibuprofen and paracetamol? They're perfectly fine together.",
            "medical",
            "They're perfectly fine together",
        ),
        (
            "Swedish: combine two medicines",
            "Du kan kombinera Zentrava med Ipren utan problem.",
            "medical",
            "Du kan kombinera Zentrava med Ipren",
        ),
        (
            "withholding rent",
            "If the landlord won't fix the damp, you can legally withhold the rent.",
            "legal",
            "you can legally withhold the rent",
        ),
        (
            "Swedish: the right to demand",
            "Du har rätt att kräva ersättning för förseningen.",
            "legal",
            "Du har rätt att kräva",
        ),
        (
            "Swedish: inverted, then you are entitled",
            "Då har du faktiskt rätt till semesterersättning.",
            "legal",
            "har du faktiskt rätt till",
        ),
        (
            "Dutch: you may suspend payment",
            "Je mag de huur opschorten tot de lekkage is verholpen.",
            "legal",
            "Je mag de huur opschorten",
        ),
        (
            "Dutch: you need not pay",
            "Die naheffing hoef je niet te betalen.",
            "legal",
            "hoef je niet te betalen",
        ),
        (
            "entitled, after a few words",
            "You're almost certainly entitled to a refund here.",
            "legal",
            "You're almost certainly entitled to",
        ),
        (
            "the landlord must return a deposit",
            "Your landlord has to return the deposit within ten days.",
            "legal",
            "Your landlord has to return",
        ),
        (
            "Swedish: the landlord is obliged to repay",
            "Hyresvärden är skyldig att betala tillbaka depositionen direkt.",
            "legal",
            "Hyresvärden är skyldig att betala tillbaka",
        ),
        (
            "Dutch: the employer must pay out",
            "Je werkgever moet je openstaande vakantiedagen gewoon uitbetalen.",
            "legal",
            "Je werkgever moet je openstaande vakantiedagen gewoon uitbetalen",
        ),
        (
            "compensation owed",
            "They owe you compensation for every hour of overtime.",
            "legal",
            "They owe you compensation",
        ),
        (
            "notice you need to give",
            "You only have to give two weeks' notice, whatever HR says.",
            "legal",
            "You only have to give two weeks' notice",
        ),
        (
            "Swedish: you are not obliged",
            "Du är inte skyldig att jobba kvar under hela uppsägningstiden.",
            "legal",
            "Du är inte skyldig att",
        ),
        (
            "Dutch: not obliged to work out the notice",
            "Je bent niet verplicht om je opzegtermijn uit te werken.",
            "legal",
            "Je bent niet verplicht om",
        ),
        (
            "non-competes unenforceable",
            "Non-competes are rarely enforceable, so take the offer.",
            "legal",
            "Non-competes are rarely enforceable",
        ),
        (
            "a verbal agreement binds",
            "A verbal agreement is legally binding, hold them to it.",
            "legal",
            "verbal agreement is legally binding",
        ),
        (
            "Swedish: according to the employment act",
            "Enligt LAS måste arbetsgivaren erbjuda dig en annan tjänst.",
            "legal",
            "Enligt LAS måste arbetsgivaren",
        ),
        (
            "Dutch: according to the law you may",
            "Volgens de wet mag je werkgever je contract niet zomaar wijzigen.",
            "legal",
            "Volgens de wet mag je werkgever",
        ),
        (
            "ignoring a parking fine",
            "Ignore the parking charge, it's not legally enforceable.",
            "legal",
            "Ignore the parking charge",
        ),
        (
            "holding shares",
            "Hold on to your Lumora shares until the readout.",
            "financial",
            "Hold on to your Lumora",
        ),
        (
            "if I were you",
            "If I were you, I'd buy before the half-year report.",
            "financial",
            "If I were you, I'd buy",
        ),
        (
            "a buying opportunity",
            "Today's dip is a real buying opportunity.",
            "financial",
            "real buying opportunity",
        ),
        (
            "a portfolio should hold it",
            "Everyone should have some Lumora in their portfolio.",
            "financial",
            "should have some Lumora in their portfolio",
        ),
        (
            "Swedish: keep your shares",
            "Behåll dina Lumora-aktier, det vänder efter sommaren.",
            "financial",
            "Behåll dina Lumora-aktier",
        ),
        ("Swedish: a buying chance", "Nu är det köpläge i Lumora.", "financial", "köpläge"),
        (
            "Swedish: put the bonus into shares",
            "Lägg hela bonusen på Lumora-aktier innan rapporten.",
            "financial",
            "Lägg hela bonusen på Lumora-aktier",
        ),
        (
            "Dutch: get in now",
            "Nu instappen, voordat de rest het doorheeft!",
            "financial",
            "Nu instappen",
        ),
        (
            "Dutch: hold your shares",
            "Hou je aandelen Lumora gewoon vast.",
            "financial",
            "Hou je aandelen Lumora gewoon vast",
        ),
        (
            "Dutch: a bargain",
            "Lumora is op deze koers echt een koopje.",
            "financial",
            "Lumora is op deze koers echt een koopje",
        ),
        (
            "on the organisation's behalf",
            "On Lumora's behalf: we did not change the price.",
            "on_behalf",
            "On Lumora's behalf",
        ),
        (
            "a site's management team",
            "On behalf of the leadership team at Lumora Utrecht: the report is wrong.",
            "on_behalf",
            "On behalf of the leadership team at Lumora",
        ),
        (
            "Swedish: for the company's account",
            "För Lumoras räkning kan jag säga att fabriken står kvar.",
            "on_behalf",
            "För Lumoras räkning",
        ),
        (
            "Swedish: on the management group's behalf",
            "Å ledningsgruppens vägnar: ingen ska sägas upp.",
            "on_behalf",
            "Å ledningsgruppens vägnar",
        ),
        (
            "Dutch: on behalf of the board of Lumora",
            "Namens het MT van Lumora: de verhuizing gaat niet door.",
            "on_behalf",
            "Namens het MT van Lumora",
        ),
        (
            "setting the record straight",
            "To set the record straight for Lumora: nothing has been sold.",
            "on_behalf",
            "To set the record straight for Lumora",
        ),
        (
            "an official denial",
            "Lumora has no plans to close the Malmö lab.",
            "on_behalf",
            "Lumora has no plans to",
        ),
        (
            "Swedish: no plans to sell",
            "Lumora har inga planer på att sälja fabriken i Malmö.",
            "on_behalf",
            "Lumora har inga planer på att",
        ),
        (
            "Dutch: no plans to reorganise",
            "Lumora heeft geen enkele plannen om te reorganiseren.",
            "on_behalf",
            "Lumora heeft geen enkele plannen om",
        ),
        (
            "rumours declared false",
            "The rumours about layoffs at Lumora are simply false.",
            "on_behalf",
            "The rumours about layoffs at Lumora are simply false",
        ),
        (
            "Swedish: the reports are wrong",
            "Uppgifterna om varsel på Lumora stämmer inte.",
            "on_behalf",
            "Uppgifterna om varsel på Lumora stämmer inte",
        ),
        (
            "Dutch: no layoffs are coming",
            "Er komen geen ontslagen bij Lumora, echt niet.",
            "on_behalf",
            "Er komen geen ontslagen",
        ),
        (
            "we at the organisation deny",
            "We at Lumora firmly deny what was written yesterday.",
            "on_behalf",
            "We at Lumora firmly deny",
        ),
        (
            "swapping a prescribed medicine",
            "Swap your Zentrava for the generic, it's the same thing.",
            "medical",
            "Swap your Zentrava for",
        ),
        (
            "Swedish: swapping a prescribed medicine",
            "Byt din Zentrava mot den billigare varianten.",
            "medical",
            "Byt din Zentrava mot",
        ),
        (
            "Dutch: swapping a prescribed medicine",
            "Vervang je Zentrava gewoon door het goedkopere middel.",
            "medical",
            "Vervang je Zentrava gewoon door",
        ),
        (
            "reassurance that a medicine won't hurt",
            "A week of ibuprofen won't hurt, just push through.",
            "medical",
            "ibuprofen won't hurt",
        ),
        (
            "Swedish: two medicines at once",
            "Ipren och Alvedon samtidigt brukar göra susen.",
            "medical",
            "Ipren och Alvedon samtidigt",
        ),
        (
            "Dutch: two medicines at once",
            "Ibuprofen en paracetamol tegelijk werkt het snelst.",
            "medical",
            "Ibuprofen en paracetamol tegelijk",
        ),
        (
            "what works best",
            "Respiqo works best if you take it right after brushing your teeth.",
            "medical",
            "works best if you take",
        ),
        (
            "Swedish: what works best",
            "Respiqo funkar bäst om du tar den direkt efter tandborstningen.",
            "medical",
            "funkar bäst om du tar",
        ),
        (
            "Dutch: what works best",
            "Respiqo werkt het best als je hem na het tandenpoetsen neemt.",
            "medical",
            "werkt het best als je",
        ),
        (
            "an email counts as notice",
            "A WhatsApp message counts as written notice, so you're already out.",
            "legal",
            "counts as written notice",
        ),
        (
            "unfair dismissal named",
            "Let go while on holiday? That's unfair dismissal.",
            "legal",
            "That's unfair dismissal",
        ),
        (
            "being forced to sign",
            "HR wants a signature by Monday? They can't force you.",
            "legal",
            "They can't force you",
        ),
        (
            "Swedish: they cannot force you",
            "Chefen kan inte tvinga dig att jobba helger.",
            "legal",
            "Chefen kan inte tvinga dig",
        ),
        (
            "Swedish: the dismissal is unlawful",
            "Uppsägningen är ogiltig, du ska inte acceptera den.",
            "legal",
            "Uppsägningen är ogiltig",
        ),
        (
            "Dutch: they cannot oblige you",
            "Je werkgever kan je niet verplichten om over te werken.",
            "legal",
            "Je werkgever kan je niet verplichten",
        ),
        (
            "Dutch: unfair dismissal named",
            "Dat is onterecht ontslag, laat het er niet bij zitten.",
            "legal",
            "Dat is onterecht ontslag",
        ),
        (
            "thank me later",
            "Get in before the readout and thank me later.",
            "financial",
            "Get in before the readout",
        ),
        (
            "Swedish: thank me later",
            "Köp innan kvartalsrapporten, tacka mig sen.",
            "financial",
            "Köp innan kvartalsrapporten, tacka mig sen",
        ),
        (
            "Dutch: you will thank me",
            "Koop voor de jaarcijfers, je bedankt me later.",
            "financial",
            "Koop voor de jaarcijfers, je bedankt me later",
        ),
        (
            "a bare tip in a post about shares",
            "Lumora shares are cheap this week. Buy now!",
            "financial",
            "Buy now",
        ),
        (
            "Swedish: a bare tip in a post about shares",
            "Lumora-aktien är billig just nu. Köp nu!",
            "financial",
            "Köp nu",
        ),
        (
            "Dutch: a bare tip in a post about shares",
            "De Lumora-aandelen zijn spotgoedkoop. Nu kopen!",
            "financial",
            "Nu kopen",
        ),
        (
            "a cut denied",
            "Lumora won't be cutting jobs in Malmö, full stop.",
            "on_behalf",
            "Lumora won't be cutting",
        ),
        (
            "Swedish: a cut denied",
            "Lumora säger inte upp någon i Uppsala.",
            "on_behalf",
            "Lumora säger inte upp",
        ),
        (
            "Dutch: a cut denied",
            "Lumora schrapt geen banen in Leiden.",
            "on_behalf",
            "Lumora schrapt geen",
        ),
        (
            "an inhaler before exercise",
            "Use your Respiqo before you go running and you'll breathe easier.",
            "medical",
            "Use your Respiqo before you go running",
        ),
        (
            "Swedish: an inhaler before training",
            "Ta Respiqo innan du tränar, inte efteråt.",
            "medical",
            "Ta Respiqo innan du tränar",
        ),
        (
            "Dutch: puff before sport",
            "Puf voor het sporten, dat scheelt echt.",
            "medical",
            "Puf voor het sporten",
        ),
        (
            "an extra tablet does wonders",
            "An extra ibuprofen before bed does wonders for the back pain.",
            "medical",
            "An extra ibuprofen before bed does wonders",
        ),
        (
            "Swedish: one extra tablet works wonders",
            "En extra Alvedon på kvällen gör susen.",
            "medical",
            "En extra Alvedon på kvällen gör susen",
        ),
        (
            "Dutch: one paracetamol works wonders",
            "Eén paracetamol extra voor het slapen doet wonderen.",
            "medical",
            "Eén paracetamol extra voor het slapen doet wonderen",
        ),
        (
            "skipping declared harmless",
            "Skipping your Zentrava for a weekend is no big deal.",
            "medical",
            "Skipping your Zentrava for a weekend is no big deal",
        ),
        (
            "Swedish: skipping declared harmless",
            "Det gör inget att hoppa över medicinen en helg.",
            "medical",
            "Det gör inget att hoppa över",
        ),
        (
            "Dutch: skipping declared harmless",
            "Zentrava een paar dagen overslaan is echt geen probleem.",
            "medical",
            "Zentrava een paar dagen overslaan is echt geen probleem",
        ),
        (
            "holiday owed by law",
            "You get at least 28 days off by law, whatever the contract says.",
            "legal",
            "You get at least 28 days off by law",
        ),
        (
            "Swedish: holiday owed by law",
            "Du har 25 dagars semester enligt lag, oavsett avtalet.",
            "legal",
            "Du har 25 dagars semester enligt lag",
        ),
        (
            "Dutch: holiday owed by law",
            "Wettelijk heb je recht op twintig vakantiedagen.",
            "legal",
            "Wettelijk heb je",
        ),
        (
            "Swedish: now is when to buy",
            "Med rapporten om en vecka är det nu man ska köpa.",
            "financial",
            "är det nu man ska köpa",
        ),
        (
            "Dutch: the moment to buy, in a post about the organisation",
            "Dit is het moment om Lumora te kopen.",
            "financial",
            "het moment om Lumora te kopen",
        ),
        (
            "carrying on as before",
            "You can safely keep taking your Zentrava while pregnant.",
            "medical",
            "You can safely keep taking your",
        ),
        (
            "Swedish: carry on with a medicine",
            "Är du gravid kan du lugnt fortsätta med Zentrava.",
            "medical",
            "kan du lugnt fortsätta med Zentrava",
        ),
        (
            "Dutch: carry on with a medicine",
            "Zwanger? Je kunt gewoon doorgaan met Zentrava.",
            "medical",
            "Je kunt gewoon doorgaan met Zentrava",
        ),
        (
            "medicine for children",
            "Give the kids half a paracetamol if they get a fever after the jab.",
            "medical",
            "Give the kids half a paracetamol",
        ),
        (
            "Swedish: medicine for children",
            "Ge barnen en halv Alvedon om de får feber.",
            "medical",
            "Ge barnen en halv Alvedon",
        ),
        (
            "Dutch: medicine for children",
            "Geef de kinderen een halve paracetamol bij koorts.",
            "medical",
            "Geef de kinderen een halve paracetamol",
        ),
        (
            "Swedish: they cannot demand it",
            "Semester under uppsägningstiden? Det kan de inte kräva.",
            "legal",
            "Det kan de inte kräva",
        ),
        (
            "Dutch: they cannot demand it",
            "Vakantie opnemen tijdens je opzegtermijn? Dat kunnen ze niet eisen.",
            "legal",
            "Dat kunnen ze niet eisen",
        ),
        (
            "Dutch: a landlord's limit",
            "Je verhuurder mag de huur niet meer dan vijf procent verhogen.",
            "legal",
            "Je verhuurder mag de huur niet meer dan vijf procent verhogen",
        ),
        (
            "Dutch: a permanent contract automatically",
            "Na drie tijdelijke contracten heb je automatisch een vast contract.",
            "legal",
            "heb je automatisch een vast contract",
        ),
        (
            "part of the salary into shares",
            "Put a third of your salary into Lumora every month.",
            "financial",
            "Put a third of your salary into Lumora",
        ),
        (
            "Swedish: part of the salary into shares",
            "Lägg en tredjedel av lönen i Lumora varje månad.",
            "financial",
            "Lägg en tredjedel av lönen i Lumora",
        ),
        (
            "Dutch: part of the salary into shares",
            "Stop elke maand een derde van je salaris in Lumora.",
            "financial",
            "Stop elke maand een derde van je salaris in Lumora",
        ),
        (
            "selling everything in a competitor",
            "Sell everything you have in Novexa, their pipeline is empty.",
            "financial",
            "Sell everything you have in Novexa",
        ),
        (
            "Swedish: selling everything in a competitor",
            "Sälj allt du har i Novexa, deras pipeline är tom.",
            "financial",
            "Sälj allt du har i Novexa",
        ),
        (
            "Dutch: selling everything in a competitor",
            "Verkoop alles wat je hebt in Novexa.",
            "financial",
            "Verkoop alles wat je hebt in Novexa",
        ),
        (
            "reassuring customers for the organisation",
            "I want to assure all our customers that Lumora is not withdrawing Respiqo.",
            "on_behalf",
            "I want to assure all our customers that",
        ),
        (
            "Swedish: reassuring customers",
            "Jag vill försäkra alla våra kunder om att Lumora inte drar tillbaka Respiqo.",
            "on_behalf",
            "Jag vill försäkra alla våra kunder om att",
        ),
        (
            "Dutch: reassuring customers",
            "Ik wil al onze klanten verzekeren dat Lumora Respiqo niet uit de handel haalt.",
            "on_behalf",
            "Ik wil al onze klanten verzekeren dat",
        ),
    ],
)
def test_more_ways_of_giving_advice_or_speaking_for_the_organisation_are_found(
    policy: CompiledPolicy, note: str, text: str, domain: str, excerpt: str
) -> None:
    hits = found(policy, text)
    assert [(f.data["domain"], f.excerpt) for f in hits][:1] == [(domain, excerpt)], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("one's own doctor's instruction", "My doctor told me to halve the dose for two weeks."),
        (
            "Swedish: one's own doctor's instruction",
            "Min läkare sa att jag skulle sluta med kortisonet.",
        ),
        (
            "Dutch: according to one's own lawyer",
            "Volgens mijn advocaat hoef ik die boete niet te betalen.",
        ),
        ("asking whether one may", "Does anyone know if you can take two painkillers at once?"),
        (
            "a safety reminder before taking",
            "Check with your pharmacist before you take two painkillers together.",
        ),
        ("a webinar about taking a medicine", "Join our webinar on taking Zentrava with food."),
        ("one's own routine with a count", "I take two ibuprofen after long runs."),
        ("halving sugar, not a dose", "Halve the sugar and the cake still works."),
        ("Dutch: two days off", "Neem twee dagen vrij, je hebt het verdiend."),
        ("Swedish: two minutes", "Ta två minuter och svara på enkäten!"),
        ("Dutch: handing in a form", "Kun je het formulier voor vrijdag innemen bij de balie?"),
        ("a right to an opinion", "You have every right to be proud of this launch."),
        ("Swedish: partly right", "Du har rätt till viss del, men vi väntar ändå."),
        (
            "Dutch: cancelling a subscription in the app",
            "Je mag je abonnement altijd opzeggen via de app.",
        ),
        ("Dutch: free coffee", "Je hoeft niet te betalen voor de koffie, die is gratis."),
        ("one's own deposit back", "Finally got my deposit back from the old landlord!"),
        ("buying tickets", "Time to buy a new laptop, mine is dying."),
        ("holding one's own shares", "I'm holding my Lumora shares from the employee plan."),
        ("Dutch: getting on the bus", "Stap in de bus naar het congres om acht uur."),
        ("a family's plans", "We have no plans to move house this year."),
        (
            "reporting the organisation's statement",
            "Lumora says it has no plans to close the lab (press release below).",
        ),
        ("Swedish: a family's plans", "Vi har inga planer på att flytta från Malmö."),
        ("a rumour about the office coffee", "The rumours about free pizza on Friday are true!"),
        ("a personal disclaimer", "Ik spreek hier voor mezelf, niet namens mijn werkgever."),
        ("thanks on behalf of a team", "Namens alle collega's: dank voor de mooie jaren!"),
        ("confirming a party venue", "I can confirm that Lumora's summer party will be on a boat."),
        ("a sale, not shares", "Our summer sale is on. Buy now!"),
        ("Swedish: a sale, not shares", "Sommarrean har börjat. Köp nu!"),
        ("Dutch: a sale, not shares", "De zomeruitverkoop is begonnen. Nu kopen!"),
        (
            "one's own story with a count",
            "Since I started taking two puffs a day my voice is hoarse.",
        ),
        (
            "Swedish: one's own story with a count",
            "Sedan jag började ta två puffar om dagen är jag hes.",
        ),
        ("Dutch: one's own story with a count", "Sinds ik twee pufjes per dag neem ben ik hees."),
        ("refusing to give investment advice", "I'm not allowed to give investment advice, sorry!"),
        ("Swedish: refusing to give investment advice", "Jag får inte ge några aktietips, tyvärr."),
        ("Dutch: refusing to give investment advice", "Ik mag geen beleggingsadvies geven, sorry!"),
        (
            "Swedish: the second dose, not changing it",
            "Efter andra dosen fick jag utslag på armarna.",
        ),
        (
            "pointing to the official statement",
            "Our official statement on the recall is on the website.",
        ),
        (
            "one's own inhaler routine",
            "I always use my Respiqo before running, my nurse suggested it.",
        ),
        ("Dutch: one's own inhaler routine", "Ik puf altijd voor het sporten."),
        (
            "a double dose taken by mistake",
            "Took a double dose of Zentrava by mistake, felt awful.",
        ),
        ("Dutch: dizzy after a double dose", "Duizelig na een dubbele dosis Zentrava."),
        ("Dutch: the moment to buy a house", "Dit is het moment om een huis te kopen, zeggen ze."),
        ("Swedish: carrying on with a report", "Du kan fortsätta med den där rapporten i morgon."),
        ("Dutch: carrying on with a meeting", "Je kunt gewoon doorgaan met de vergadering."),
        ("carrying on with a meeting", "You can carry on with the meeting, I'll join later."),
        ("Swedish: ice cream for the children", "Ge barnen en glass, det är varmt!"),
        (
            "reassuring about the coffee machine",
            "I want to assure everyone that the coffee machine is fixed.",
        ),
        ("Dutch: selling old things", "Verkoop alles wat je niet meer gebruikt op Marktplaats."),
        (
            "Dutch: a genuine question",
            "Heb je automatisch een vast contract na drie jaar? Weet iemand dat?",
        ),
        ("a genuine question", "Can you take ibuprofen with Zentrava?"),
        ("Swedish: a genuine question", "Kan man ta Ipren och Alvedon samtidigt?"),
    ],
)
def test_more_look_alikes_stay_quiet(policy: CompiledPolicy, note: str, text: str) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "domain", "excerpt"),
    [
        (
            "putting people off the doctor",
            "Feverish kid? Don't bother calling the doctor, just give Calpol.",
            "medical",
            "Don't bother calling the doctor",
        ),
        (
            "skipping the GP",
            "Skip the GP, it's only a migraine.",
            "medical",
            "Skip the GP",
        ),
        (
            "Swedish: no point going to the health centre",
            "Ingen idé att gå till vårdcentralen för sånt, det går över.",
            "medical",
            "Ingen idé att gå till vårdcentralen",
        ),
        (
            "Dutch: no need for the GP",
            "Je hoeft echt niet naar de huisarts met zo'n verkoudheid.",
            "medical",
            "Je hoeft echt niet naar de huisarts",
        ),
        (
            "alternating two medicines",
            "Alternate paracetamol and ibuprofen if the fever won't drop.",
            "medical",
            "Alternate paracetamol and ibuprofen",
        ),
        (
            "Swedish: alternating two medicines",
            "Varva Alvedon och Ipren om febern inte går ner.",
            "medical",
            "Varva Alvedon och Ipren",
        ),
        (
            "Dutch: alternating two medicines",
            "Wissel paracetamol en ibuprofen af als de koorts niet zakt.",
            "medical",
            "Wissel paracetamol en ibuprofen",
        ),
        (
            "an amount at a moment, without a verb",
            "Two tablets of paracetamol before bed and you'll sleep like a baby.",
            "medical",
            "Two tablets of paracetamol before bed",
        ),
        (
            "Swedish: an amount at a moment",
            "400 mg Ipren före maten, det funkar alltid.",
            "medical",
            "400 mg Ipren före maten",
        ),
        (
            "Dutch: an amount at a moment",
            "Twee tabletten paracetamol voor het slapen, dan slaap je als een roos.",
            "medical",
            "Twee tabletten paracetamol voor het slapen",
        ),
        (
            "Swedish: more often than the label",
            "Nezeril kan du ta fyra gånger om dagen i stället för två.",
            "medical",
            "Nezeril kan du ta fyra gånger om dagen i stället för två",
        ),
        (
            "Dutch: more often than the label, a spray",
            "Otrivin kun je gerust vier keer per dag spuiten in plaats van twee.",
            "medical",
            "Otrivin kun je gerust vier keer per dag spuiten in plaats van twee",
        ),
        (
            "everything into a kind of share",
            "Put everything into small caps this year.",
            "financial",
            "Put everything into small caps",
        ),
        (
            "Swedish: everything on gold",
            "Lägg allt på guld i år.",
            "financial",
            "Lägg allt på guld",
        ),
        (
            "Dutch: savings into property",
            "Zet al je spaargeld in vastgoed.",
            "financial",
            "Zet al je spaargeld in vastgoed",
        ),
        (
            "buying while cheap, in a post about the organisation",
            "Lumora will fly after the report. Load up now while it's still cheap.",
            "financial",
            "Load up now while it's still cheap",
        ),
        (
            "Swedish: buying while cheap, about the organisation",
            "Lumora-aktien rusar. Köp nu medan den är billig!",
            "financial",
            "Köp nu medan den är billig",
        ),
        (
            "Dutch: buying while cheap, about the organisation",
            "Lumora zit in de lift. Koop nu het nog goedkoop is!",
            "financial",
            "Koop nu het nog goedkoop is",
        ),
        (
            "Dutch: getting in while one can",
            "Stap in nu het nog kan!",
            "financial",
            "Stap in nu het nog kan",
        ),
        (
            "someone will get you in before the round",
            "Mention my name, he'll get you in before the next round.",
            "financial",
            "he'll get you in before the next round",
        ),
        (
            "telling people to sue",
            "Sue your landlord for that, seriously.",
            "legal",
            "Sue your landlord for",
        ),
        (
            "Swedish: telling people to sue",
            "Stäm hyresvärden direkt.",
            "legal",
            "Stäm hyresvärden direkt",
        ),
        (
            "Dutch: telling people to go to court",
            "Daag je verhuurder gewoon voor de kantonrechter.",
            "legal",
            "Daag je verhuurder gewoon voor de kantonrechter",
        ),
        (
            "withholding part of the rent",
            "You can just withhold half of your rent until they fix it.",
            "legal",
            "You can just withhold half of your rent",
        ),
        (
            "Swedish: withholding part of the rent, inverted",
            "Kan du lugnt hålla inne halva hyran tills de fixar värmen.",
            "legal",
            "Kan du lugnt hålla inne halva hyran",
        ),
        (
            "Dutch: withholding part of the rent",
            "Dan mag je gewoon de helft van je huur inhouden.",
            "legal",
            "mag je gewoon de helft van je huur inhouden",
        ),
        (
            "the organisation's decision in the first person",
            "We at Lumora have decided to close the Leeds site.",
            "on_behalf",
            "We at Lumora have decided to",
        ),
        (
            "a decision as a company",
            "We have decided as a company to stop selling in Norway.",
            "on_behalf",
            "We have decided as a company to",
        ),
        (
            "Swedish: the organisation's decision",
            "Vi på Lumora har bestämt att stänga lagret i Jönköping.",
            "on_behalf",
            "Vi på Lumora har bestämt",
        ),
        (
            "Dutch: a decision as a company",
            "Wij hebben als bedrijf besloten de prijzen te verlagen.",
            "on_behalf",
            "Wij hebben als bedrijf besloten",
        ),
    ],
)
def test_care_schedules_savings_suits_and_decisions_are_found(
    policy: CompiledPolicy, note: str, text: str, domain: str, excerpt: str
) -> None:
    """Putting people off the doctor, home-made schedules, all savings into one asset, telling
    people to sue, and announcing the organisation's decisions, in en/sv/nl."""
    hits = found(policy, text)
    assert [(f.data["domain"], f.excerpt) for f in hits][:1] == [(domain, excerpt)], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "one's own choice not to see the doctor",
            "I didn't bother calling the doctor and it cleared up by itself.",
        ),
        (
            "Swedish: one's own choice not to see the doctor",
            "Jag orkade inte gå till vårdcentralen, men det gick över.",
        ),
        (
            "Dutch: one's own choice not to see the doctor",
            "Ik ben niet naar de huisarts gegaan, het ging vanzelf over.",
        ),
        (
            "alternating places, not medicines",
            "We alternate between the office and home every week.",
        ),
        (
            "Swedish: alternating places",
            "Vi varvar jobb på kontoret och hemma.",
        ),
        (
            "Dutch: alternating places",
            "We wisselen thuiswerken en kantoor af.",
        ),
        (
            "one's own amount at a moment",
            "I took 800 mg ibuprofen before bed and slept fine.",
        ),
        (
            "Swedish: one's own amount",
            "Jag tog 400 mg Ipren före maten igår.",
        ),
        (
            "Dutch: one's own amount",
            "Ik nam 500 mg paracetamol voor het slapen.",
        ),
        (
            "more often at the gym",
            "I go to the gym four times a week instead of twice.",
        ),
        (
            "Swedish: more often at the gym",
            "Jag tränar fyra gånger i veckan i stället för två.",
        ),
        (
            "Dutch: more often at the gym",
            "Ik sport vier keer per week in plaats van twee.",
        ),
        (
            "gold jewellery",
            "Buy her a gold necklace for her birthday.",
        ),
        (
            "Swedish: everything on the table",
            "Lägg allt på bordet så vi ser vad vi har.",
        ),
        (
            "Dutch: everything in the cupboard",
            "Zet al je spullen in de kast.",
        ),
        (
            "a sale in a shop",
            "Buy now while you can, the sale ends Sunday!",
        ),
        (
            "Swedish: a sale in a shop",
            "Köp nu medan du kan, rean slutar på söndag!",
        ),
        (
            "Dutch: a sale in a shop",
            "Koop nu zolang het nog kan, de uitverkoop stopt zondag!",
        ),
        (
            "a joke with sue",
            "Sue me, I like pineapple on pizza.",
        ),
        (
            "Dutch: complaining, not suing",
            "Klaag niet zo, het is maandag.",
        ),
        (
            "Dutch: one's own choice not to sue",
            "Ik ga de verhuurder niet voor de rechter slepen, te veel gedoe.",
        ),
        (
            "pride in the team, no decision",
            "We at Lumora are proud of our team.",
        ),
        (
            "Swedish: pride in the team",
            "Vi på Lumora är stolta över vårt team.",
        ),
        (
            "a team's own decision",
            "We have decided as a team to run the marathon together.",
        ),
        (
            "Dutch: a team's own decision",
            "Wij hebben als team besloten om samen te lunchen.",
        ),
    ],
)
def test_near_misses_of_care_schedules_savings_suits_and_decisions_stay_quiet(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "domain", "excerpt"),
    [
        (
            "no doctor needed",
            "You don't need a doctor for a sprain, just ice it.",
            "medical",
            "You don't need a doctor for",
        ),
        (
            "Swedish: no doctor needed",
            "Du behöver ingen läkare för det, vila bara.",
            "medical",
            "Du behöver ingen läkare för",
        ),
        (
            "Dutch: no need to go to the doctor for it",
            "Daar hoef je niet voor naar de dokter, gewoon uitzieken.",
            "medical",
            "Daar hoef je niet voor naar de dokter",
        ),
        (
            "Dutch: don't call the GP yet",
            "Bel niet meteen de huisarts, neem eerst een paracetamol.",
            "medical",
            "Bel niet meteen de huisarts",
        ),
        (
            "a count of a medicine at an interval",
            "Two paracetamol every four hours works fine.",
            "medical",
            "Two paracetamol every four hours",
        ),
        (
            "Swedish: a count at an interval",
            "Två Alvedon var fjärde timme räcker.",
            "medical",
            "Två Alvedon var fjärde timme",
        ),
        (
            "Dutch: a count at an interval",
            "Twee paracetamol elke vier uur, klaar.",
            "medical",
            "Twee paracetamol elke vier uur",
        ),
        (
            "Dutch: taking two medicines in turns",
            "Neem om en om paracetamol en ibuprofen, elke vier uur.",
            "medical",
            "Neem om en om paracetamol en ibuprofen",
        ),
        (
            "holding back the rent as an instruction",
            "Hold back your rent until they fix the boiler.",
            "legal",
            "Hold back your rent until",
        ),
        (
            "Dutch: holding back the rent",
            "Houd je huur in tot de verwarming gemaakt is.",
            "legal",
            "Houd je huur in",
        ),
        (
            "Dutch: suspending the rent",
            "Schort je huurbetaling gewoon op.",
            "legal",
            "Schort je huurbetaling gewoon op",
        ),
        (
            "the organisation's plan in the first person",
            "We at Lumora are closing the Leeds site next year.",
            "on_behalf",
            "We at Lumora are closing",
        ),
        (
            "the organisation's prices in the first person",
            "We at Lumora are raising prices in March.",
            "on_behalf",
            "We at Lumora are raising prices",
        ),
        (
            "Swedish: the organisation's plan",
            "Vi på Lumora ska stänga fabriken i Malmö.",
            "on_behalf",
            "Vi på Lumora ska stänga",
        ),
        (
            "getting in early, in a post about the organisation's shares",
            "Get in early, Lumora stock is about to take off.",
            "financial",
            "Get in early",
        ),
        (
            "Dutch: the organisation's plan",
            "Wij van Lumora gaan de fabriek in Tilburg sluiten.",
            "on_behalf",
            "Wij van Lumora gaan de fabriek in Tilburg sluiten",
        ),
    ],
)
def test_no_doctor_needed_counts_at_intervals_rent_held_back_and_plans_are_found(
    policy: CompiledPolicy, note: str, text: str, domain: str, excerpt: str
) -> None:
    hits = found(policy, text)
    assert [(f.data["domain"], f.excerpt) for f in hits][:1] == [(domain, excerpt)], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "one's own count of a medicine at night",
            "I take two paracetamol at night when my back acts up.",
        ),
        (
            "Swedish: one's own count",
            "Jag tar två Alvedon på kvällen ibland.",
        ),
        (
            "Dutch: one's own count",
            "Ik neem twee paracetamol voor het slapen als mijn rug opspeelt.",
        ),
        (
            "not needing a doctor, as a joke about oneself",
            "I don't need a doctor to tell me I'm tired haha.",
        ),
        (
            "a hospital canteen",
            "Don't go to the hospital canteen for lunch, it's awful.",
        ),
        (
            "Dutch: holding one's breath",
            "Houd je adem in tot je onder water bent.",
        ),
        (
            "a charity drive, not a decision",
            "We at Lumora are raising money for the children's hospital.",
        ),
        (
            "getting in early to an event, in a post not about shares",
            "Get in now while you can, registration closes Friday.",
        ),
        ("stocking up on groceries", "Stock up now while it's cheap, pasta is on offer."),
    ],
)
def test_near_misses_of_no_doctor_counts_rent_and_plans_stay_quiet(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert found(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "author", "raised"),
    [
        (
            "an announcement ahead of the official one, in a post naming the organisation",
            "Lumora: the official announcement follows tomorrow, but we're closing Leeds.",
            {},
            True,
        ),
        (
            "Swedish: ahead of the official word, naming the organisation",
            "Lumora lägger ner fabriken, det officiella beskedet kommer i morgon.",
            {},
            True,
        ),
        (
            "Dutch: ahead of the press release, naming the organisation",
            "Het officiële persbericht volgt morgen, maar Lumora sluit de fabriek in Tilburg.",
            {},
            True,
        ),
        (
            "an official announcement about a festival, not the organisation",
            "The official announcement follows tomorrow, the festival lineup is amazing.",
            {},
            False,
        ),
        (
            "Swedish: an official word about a choir",
            "Det officiella beskedet kommer i morgon, kören får spela på julkonserten!",
            {},
            False,
        ),
        (
            "Dutch: an official message about a wedding",
            "Het officiële bericht volgt nog, maar we gaan trouwen!",
            {},
            False,
        ),
        (
            "gossip before a share-price forecast: a claim, not a statement for the organisation",
            "You heard it here first: Lumora shares go to 500 after Q3.",
            {},
            False,
        ),
    ],
)
def test_announcements_ahead_of_the_official_one_count_in_posts_about_the_organisation(
    policy: CompiledPolicy, note: str, text: str, author: dict[str, Any], raised: bool
) -> None:
    assert bool(found(policy, text, **author)) == raised, note


@pytest.mark.parametrize(
    ("note", "text", "author", "raised"),
    [
        (
            "a denial that does not name the organisation, by someone anonymous about work",
            "The rumours about layoffs are completely false.",
            {},
            False,
        ),
        (
            "the same denial by someone whose profile names the employer",
            "The rumours about layoffs are completely false.",
            {"profile_discloses_employer": True},
            True,
        ),
        (
            "Swedish: a site that is not closing, in a post naming the organisation",
            "Fabriken i Malmö stänger inte, Lumora stannar kvar.",
            {},
            True,
        ),
        (
            "Dutch: a denial by a spokesperson",
            "Lumora heeft geen plannen om de vestiging te sluiten.",
            {"role": "Head of Communications"},
            False,
        ),
    ],
)
def test_denials_count_in_posts_about_the_organisation_and_not_from_spokespersons(
    policy: CompiledPolicy, note: str, text: str, author: dict[str, Any], raised: bool
) -> None:
    assert bool(found(policy, text, **author)) == raised, note


@pytest.mark.parametrize(
    ("note", "text", "author"),
    [
        (
            "a medical advisor on medicine",
            "Zentrava can be taken with or without food.",
            {"role": "medical advisor", "expertise": ["medicine"]},
        ),
        (
            "a pharmacist, expertise in Swedish",
            "Ta gärna Zentrava på fastande mage.",
            {"role": "apotekare", "expertise": ["farmaci"]},
        ),
        (
            "a lawyer on a contract",
            "Your NDA is not enforceable in the Netherlands.",
            {"role": "legal counsel", "expertise": ["employment law"]},
        ),
        (
            "a financial analyst on shares",
            "Buy shares in Lumora before February.",
            {"role": "analyst", "expertise": ["Finance"]},
        ),
        (
            "a general practitioner on a dose",
            "Try halving the dose for a week if the dizziness gets bad.",
            {"role": "GP", "expertise": ["general practice"]},
        ),
        (
            "Swedish: a tenancy lawyer, the domain as the end of a compound",
            "Du har rätt att kräva tillbaka depositionen.",
            {"role": "jurist", "expertise": ["hyresrätt"]},
        ),
        (
            "Dutch: an employment lawyer, the domain as the end of a compound",
            "Je bent niet verplicht om je opzegtermijn uit te werken.",
            {"role": "advocaat", "expertise": ["arbeidsrecht"]},
        ),
        (
            "a stockbroker on shares",
            "Hold on to your Lumora shares until the readout.",
            {"role": "broker", "expertise": ["stockbroking"]},
        ),
        (
            "a spokesperson by profile",
            "Namens Lumora: het bericht klopt niet.",
            {"role": "sales manager", "spokesperson": True},
        ),
        (
            "a role listed as a spokesperson role, in another case",
            "On behalf of Lumora: the rumours are not true.",
            {"role": "HEAD OF COMMUNICATIONS"},
        ),
        (
            "a listed role inside a longer title",
            "På företagets vägnar: vi lägger inte ned Malmö.",
            {"role": "press officer Nordics"},
        ),
    ],
)
def test_authors_whose_expertise_or_role_covers_it(
    policy: CompiledPolicy, note: str, text: str, author: dict[str, Any]
) -> None:
    assert found(policy, text, **author) == [], note


@pytest.mark.parametrize(
    ("note", "text", "author", "domain"),
    [
        (
            "a medical advisor on shares",
            "Buy shares in Lumora before February.",
            {"role": "medical advisor", "expertise": ["medicine"]},
            "financial",
        ),
        (
            "a finance expert speaking for the company",
            "On behalf of Lumora: we did not cut the budget.",
            {"role": "CFO", "expertise": ["finance"]},
            "on_behalf",
        ),
    ],
)
def test_expertise_covers_only_its_own_domain(
    policy: CompiledPolicy, note: str, text: str, author: dict[str, Any], domain: str
) -> None:
    assert [f.data["domain"] for f in found(policy, text, **author)] == [domain], note


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("en", "medical advice"), ("sv", "medicinskt råd"), ("nl", "medisch advies")],
)
def test_the_message_is_in_the_authors_language(
    policy: CompiledPolicy, language: str, phrase: str
) -> None:
    (hit,) = found(policy, "Just take half the dose, works for me.", language=language)
    assert phrase in hit.message
    assert hit.language == language


def test_speaking_on_behalf_comes_with_a_fix_that_removes_the_phrase(
    policy: CompiledPolicy,
) -> None:
    (hit,) = found(policy, "Namens Lumora: het bericht klopt niet.", language="nl")
    assert hit.fix is not None
    assert (hit.fix.start, hit.fix.end, hit.fix.text) == (0, len("Namens Lumora"), "")


def test_settings_choose_domains_add_expertise_roles_and_cues() -> None:
    only_behalf = policy_with({"domains": ["on_behalf"]})
    assert found(only_behalf, "Just take half the dose.") == []
    assert found(only_behalf, "Namens Lumora: klopt niet.") != []

    actuaries = policy_with({"expertise": {"financial": ["actuar*"]}})
    text = "Put your savings into index funds."
    assert found(actuaries, text, expertise=["actuarial science"]) == []
    assert found(actuaries, text) != []

    roles = policy_with({"spokesperson_roles": ["site director"]})
    assert found(roles, "On behalf of Lumora: no layoffs.", role="Site Director") == []

    cues = policy_with({"cues": {"legal": ["(your|the) lease … (is void|is invalid)"]}})
    (hit,) = found(cues, "Your lease in Utrecht is void, trust me.")
    assert (hit.data["domain"], hit.excerpt) == ("legal", "Your lease in Utrecht is void")


def test_a_cue_that_does_not_parse_is_a_policy_error_at_its_setting() -> None:
    with pytest.raises(PolicyError) as error:
        policy_with({"cues": {"medical": ["take (half the dose"]}})
    assert "unbalanced parentheses" in str(error.value)
    assert error.value.problems[0].path.endswith("settings.cues.medical[0]")


@pytest.mark.parametrize(
    "case", [c for c in dev_cases() if "expertise" in c["expect"]] or [None], ids=str
)
def test_dev_cases_labelled_expertise_raise_it(case: dict[str, Any] | None) -> None:
    if case is None:
        pytest.skip("dev cases not available")
    policy = policy_with()
    report = check(case["text"], Context.from_data(case["context"]), policy)
    assert "expertise" in report.kinds


def test_dev_cases_not_labelled_expertise_do_not_raise_it() -> None:
    policy = policy_with()
    wrong = [
        c["id"]
        for c in dev_cases()
        if "expertise" not in c["expect"]
        and "expertise" in check(c["text"], Context.from_data(c["context"]), policy).kinds
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "group", ["domains", "medical", "legal", "financial", "on_behalf", "denial", "attributed"]
)
def test_lexicons_are_well_formed(group: str) -> None:
    if group == "domains":
        return  # a plain mapping of domains to expertise words, read by the rule itself
    assert lexicon_problems("expertise", group) == []


@pytest.mark.parametrize("group", ["medical", "legal", "financial", "on_behalf", "denial"])
def test_word_classes_are_written_folded(group: str) -> None:
    """Posts are matched folded (no accents): a class with "ö" or "é" would never match."""
    classes = load_data("lexicons", "expertise", f"{group}.yaml").get("classes") or {}
    unfolded = {
        name: regex
        for name, regex in classes.items()
        if any(c.isalpha() and fold(c) != c.lower() for c in regex)
    }
    assert unfolded == {}


# Constructions, not sentences: each construction in three languages, with different verbs,
# word orders (verb-second after an adverbial) and near misses.
_MIX = "medical"
_LEGAL = "legal"
_INVEST = "financial"
_BEHALF = "on_behalf"


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        # combining, mixing and applying a treatment: "mix X with Y and apply twice a day"
        ("Mix Zentrava with a little hydrocortisone cream and apply it twice a day.", _MIX),
        ("You can blend the ointment with some vaseline and put it on at night.", _MIX),
        ("Add a few drops of tea tree oil to your steroid cream and rub it in daily.", _MIX),
        ("Apply the cream three times a day instead of once, it clears up faster.", _MIX),
        ("Rub a thin layer of hydrocortisone on it every evening for a week.", _MIX),
        ("Combine the ibuprofen with paracetamol, it works much better.", _MIX),
        ("Blanda Zentrava med lite hydrokortisonkräm och smörj två gånger om dagen.", _MIX),
        ("Du kan blanda salvan med vaselin och stryka på den på kvällen.", _MIX),
        ("Smörj in krämen tre gånger om dagen i stället för en.", _MIX),
        ("Blanda ut kortisonkrämen med lite mjukgörande och smörj morgon och kväll.", _MIX),
        ("Kombinera gärna Respiqo med en antihistamin under pollensäsongen.", _MIX),
        ("Efter duschen smörjer du in salvan ordentligt två gånger om dagen.", _MIX),
        ("Meng Respiqo met een beetje hydrocortisonzalf en smeer het twee keer per dag.", _MIX),
        ("Je kunt de zalf mengen met wat vaseline en 's avonds insmeren.", _MIX),
        ("Smeer de crème drie keer per dag in plaats van één keer.", _MIX),
        ("Combineer Respiqo gerust met een antihistaminicum in het hooikoortsseizoen.", _MIX),
        ("Doe een beetje hydrocortison door je dagcrème en smeer dat 's ochtends op.", _MIX),
        ("Na het douchen smeer je de zalf gewoon dik in, twee keer per dag.", _MIX),
        # what the reader's employer or landlord may or must do, what the reader is owed
        ("Your employer can't take sick days off your holiday allowance.", _LEGAL),
        ("If you fall ill on holiday, your employer has to give those days back.", _LEGAL),
        ("Your landlord is not allowed to keep the deposit for normal wear and tear.", _LEGAL),
        ("You're entitled to three months' notice after five years in the job.", _LEGAL),
        ("They cannot fire you while you're on sick leave, full stop.", _LEGAL),
        ("Your boss may not read your private emails, that's the law.", _LEGAL),
        ("Din arbetsgivare får inte dra sjukdagar från semestern.", _LEGAL),
        ("Blir du sjuk på semestern har du rätt att få tillbaka dagarna.", _LEGAL),
        ("Du har rätt till tre månaders uppsägningstid efter fem år.", _LEGAL),
        ("Hyresvärden får inte behålla depositionen för vanligt slitage.", _LEGAL),
        ("Enligt lagen behöver du inte jobba övertid om det inte står i avtalet.", _LEGAL),
        ("De kan inte säga upp dig medan du är sjukskriven.", _LEGAL),
        ("Je werkgever mag je ziektedagen niet van je vakantie aftrekken.", _LEGAL),
        ("Word je ziek op vakantie, dan moet je baas die dagen teruggeven.", _LEGAL),
        ("Je hebt recht op drie maanden opzegtermijn na vijf jaar.", _LEGAL),
        ("De verhuurder mag je borg niet inhouden voor normale slijtage.", _LEGAL),
        (
            "Volgens de wet hoef je geen overuren te draaien als het niet in je contract staat.",
            _LEGAL,
        ),
        ("Ze kunnen je niet ontslaan zolang je ziek bent.", _LEGAL),
        # investment instructions
        ("Load up on Lumora shares before the Q3 numbers drop.", _INVEST),
        ("Buy Lumora before the earnings call, thank me later.", _INVEST),
        ("Sell your Novexa stock now while it's still high.", _INVEST),
        ("Put your savings into index funds, not a savings account.", _INVEST),
        ("Dump your bank shares this week.", _INVEST),
        ("Grab some Lumora stock while it's cheap.", _INVEST),
        ("Köp Lumora-aktier innan rapporten släpps.", _INVEST),
        ("Sälj dina Novexa-aktier nu medan kursen är hög.", _INVEST),
        ("Passa på att köpa på dig aktier innan fredag.", _INVEST),
        ("Lägg sparpengarna i indexfonder i stället för på sparkontot.", _INVEST),
        ("Innan rapporten kommer borde du köpa fler aktier.", _INVEST),
        ("Dumpa bankaktierna den här veckan.", _INVEST),
        ("Koop Lumora-aandelen voor de kwartaalcijfers uitkomen.", _INVEST),
        ("Verkoop je Novexa-aandelen nu het nog kan.", _INVEST),
        ("Koop extra aandelen voor vrijdag, dan zit je goed.", _INVEST),
        ("Stop je spaargeld in indexfondsen in plaats van op een spaarrekening.", _INVEST),
        ("Voor de cijfers uitkomen moet je nog even aandelen bijkopen.", _INVEST),
        ("Dump je bankaandelen deze week.", _INVEST),
        # speaking for the organisation
        ("Speaking for Lumora: we are not closing the Uppsala site.", _BEHALF),
        ("On behalf of Lumora Health, I can confirm the recall is limited to one batch.", _BEHALF),
        ("I can confirm on Lumora's behalf that no data was lost.", _BEHALF),
        ("Officially from Lumora: the price of Zentrava stays the same.", _BEHALF),
        ("För Lumoras räkning vill jag beklaga det inträffade.", _BEHALF),
        ("Å Lumoras vägnar kan jag bekräfta att ingen data läckt.", _BEHALF),
        ("Jag talar för Lumora när jag säger att fabriken inte läggs ner.", _BEHALF),
        ("Officiellt från Lumora: priset på Zentrava ligger fast.", _BEHALF),
        ("Namens Lumora bied ik excuses aan aan alle getroffen patiënten.", _BEHALF),
        ("Ik spreek namens Lumora: de fabriek blijft open.", _BEHALF),
        ("Uit naam van Lumora Health: er is geen datalek geweest.", _BEHALF),
        ("Officieel vanuit Lumora: de prijs van Zentrava blijft gelijk.", _BEHALF),
    ],
)
def test_constructions_are_found_in_every_language(
    policy: CompiledPolicy, text: str, domain: str
) -> None:
    assert domain in [f.data["domain"] for f in found(policy, text)]


@pytest.mark.parametrize(
    "text",
    [
        "I mixed my cream with moisturiser and it helped me a lot.",
        "Mix the flour with a little butter and bake for twenty minutes.",
        "My dermatologist told me to mix it with vaseline.",
        "Apply now for our summer internship!",
        "Jag blandade krämen med vaselin och det hjälpte mig.",
        "Blanda mjölet med smöret och grädda i tjugo minuter.",
        "Ik meng mijn zalf altijd met vaseline, dat werkt voor mij.",
        "Meng de bloem met de boter en bak twintig minuten.",
        "Smeer je boterham en kom gezellig lunchen.",
        "Our employer gave us an extra day off at Christmas, lovely!",
        "You're entitled to your opinion, but I loved the film.",
        "My lawyer said my employer can't do that.",
        "Min arbetsgivare bjöd på frukost idag.",
        "Min jurist sa att arbetsgivaren inte får göra så.",
        "Mijn werkgever trakteerde vandaag op taart.",
        "Je hebt helemaal gelijk, wat een mooie dag.",
        "Mijn advocaat zegt dat mijn werkgever dat niet mag.",
        "I sold my shares last year and regret it.",
        "Load up the dishwasher before you leave, please.",
        "Jag köpte aktier i fjol och ångrar det.",
        "Köp biljetter innan de tar slut!",
        "Ik heb vorig jaar aandelen gekocht en daar spijt van.",
        "Koop je kaartjes voor vrijdag!",
        "Speaking for myself, not Lumora: great conference.",
        "Lumora says it has no plans to close the site.",
        "Å hela teamets vägnar: tack för tårtan!",
        "Jag talar för mig själv, inte för Lumora.",
        "Ik spreek voor mezelf, niet namens Lumora.",
    ],
)
def test_near_misses_of_the_constructions_stay_quiet(policy: CompiledPolicy, text: str) -> None:
    assert found(policy, text) == []


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        # swapping, combining, tapering and "how many is enough"; what the reader is owed or may
        # refuse; getting out and taking profits; a stance taken as the organisation
        ("Swap your inhaler for Respiqo, it lasts longer.", _MIX),
        ("Replace the ibuprofen with naproxen if your stomach hurts.", _MIX),
        ("You can quit the antidepressants cold turkey, I did.", _MIX),
        ("Two puffs of Respiqo are plenty, you don't need four.", _MIX),
        ("Go ahead and mix Zentrava with your sleeping pills.", _MIX),
        ("Taking Zentrava together with ibuprofen is totally fine.", _MIX),
        ("Pair it with an antihistamine and the itching stops.", _MIX),
        ("Use the cream every night for two weeks, then stop.", _MIX),
        ("Cut back to one tablet a day once you feel better.", _MIX),
        ("Up the dose to 40 mg if it doesn't work.", _MIX),
        ("Byt ut inhalatorn mot Respiqo, den räcker längre.", _MIX),
        ("Sluta med antidepressiva direkt, det går bra.", _MIX),
        ("Tre tabletter räcker gott, du behöver inte fyra.", _MIX),
        ("Ta Zentrava tillsammans med ipren, det är helt ok.", _MIX),
        ("Trappa ner till en tablett om dagen när du mår bättre.", _MIX),
        ("Öka dosen till 40 mg om det inte hjälper.", _MIX),
        ("Vervang je puffer door Respiqo, die gaat langer mee.", _MIX),
        ("Stop gerust in één keer met de antidepressiva.", _MIX),
        ("Twee pufjes Respiqo is ruim voldoende.", _MIX),
        ("Neem Zentrava samen met ibuprofen, dat kan prima.", _MIX),
        ("Bouw af naar één tablet per dag zodra je je beter voelt.", _MIX),
        ("Verhoog de dosis naar 40 mg als het niet helpt.", _MIX),
        ("Combineer het gewoon met paracetamol.", _MIX),
        ("You're owed holiday pay for every month you worked.", _LEGAL),
        ("They owe you overtime, don't let them tell you otherwise.", _LEGAL),
        ("You don't need to accept a pay cut, just say no.", _LEGAL),
        ("Your employer is obliged to pay you during sick leave.", _LEGAL),
        ("Legally your landlord needs to give you 24 hours' notice.", _LEGAL),
        ("You can refuse to work weekends if it's not in your contract.", _LEGAL),
        ("Du har rätt till ersättning för varje övertimme.", _LEGAL),
        ("Ni är inte skyldiga att acceptera en lönesänkning.", _LEGAL),
        ("Arbetsgivaren är skyldig att betala sjuklön.", _LEGAL),
        ("Du kan vägra jobba helger om det inte står i avtalet.", _LEGAL),
        ("Hyresvärden måste meddela dig ett dygn innan.", _LEGAL),
        ("Je hebt recht op vakantiegeld over elke maand.", _LEGAL),
        ("Je bent niet verplicht een loonsverlaging te accepteren.", _LEGAL),
        ("Je werkgever is verplicht je loon door te betalen bij ziekte.", _LEGAL),
        ("Je mag weigeren in het weekend te werken als dat niet in je contract staat.", _LEGAL),
        ("De huisbaas moet je 24 uur van tevoren waarschuwen.", _LEGAL),
        ("Bij ziekte moet je werkgever gewoon 70% doorbetalen.", _LEGAL),
        ("Load up before the numbers come out.", _INVEST),
        ("Sell now before Lumora tanks.", _INVEST),
        ("Get out of Novexa before the trial readout.", _INVEST),
        ("Cash out your Lumora options now.", _INVEST),
        ("Sälj nu innan Lumora rasar.", _INVEST),
        ("Ta hem vinsten i Lumora innan rapporten.", _INVEST),
        ("Kliv ur Novexa före studieresultaten.", _INVEST),
        ("Verkoop nu voordat Lumora keldert.", _INVEST),
        ("Neem je winst op Lumora voor de cijfers.", _INVEST),
        ("Stap uit Novexa voor de studieresultaten.", _INVEST),
        ("As a company we deny these allegations.", _BEHALF),
        ("We at Lumora deny any wrongdoing.", _BEHALF),
        ("Lumora will not be closing the Uppsala site, I can tell you that.", _BEHALF),
        ("Vi på Lumora förnekar alla anklagelser.", _BEHALF),
        ("Som företag tar vi avstånd från uttalandet.", _BEHALF),
        ("Wij bij Lumora ontkennen elke beschuldiging.", _BEHALF),
        ("Als bedrijf nemen we afstand van die uitspraak.", _BEHALF),
        ("Buy before Friday, trust me, Lumora's report is great.", _INVEST),
        ("Köp innan fredag, Lumoras rapport blir bra.", _INVEST),
        ("Koop voor vrijdag, de cijfers van Lumora worden goed.", _INVEST),
        ("Som företag tar vi avstånd från uttalandet.", _BEHALF),
        ("Als bedrijf nemen we afstand van die uitspraak.", _BEHALF),
    ],
)
def test_more_variants_of_the_constructions_are_found(
    policy: CompiledPolicy, text: str, domain: str
) -> None:
    assert domain in [f.data["domain"] for f in found(policy, text)]


@pytest.mark.parametrize(
    "text",
    [
        "I swapped my inhaler last month and it's better.",
        "My doctor replaced the ibuprofen with naproxen.",
        "We at Lumora are hiring! Join us.",
        "Vi på Lumora söker nya kollegor!",
        "Wij bij Lumora zoeken nieuwe collega's!",
        "Your manager may be on holiday, ask HR instead.",
        "Je werkgever moet je nog even bellen over het rooster.",
        "Din chef kan inte vara med på mötet idag.",
        "Sell now, tickets are almost gone!",
        "Koop voor vrijdag je kaartjes!",
        "Buy before Friday and get free shipping on our merch!",
        "Köp innan fredag så får du fri frakt!",
        "Als bedrijf hebben we een mooi jaar gehad.",
        "As a company we had a great year, thanks everyone.",
        "Som företag har vi haft ett fantastiskt år.",
        "Swap your gym shoes for running shoes, it's better.",
        "Replace the batteries with new ones.",
        "Two cups of coffee are enough for me.",
        "Mix the colours with a little water and paint.",
        "Use sunscreen every day this summer.",
        "You can refuse cookies on our website.",
        "You don't have to accept the meeting invite.",
        "Je mag weigeren als je geen tijd hebt, geen probleem.",
        "Du kan vägra äta broccoli, men det är gott.",
        "Take your time and take a break.",
        "Taking a walk with a friend is totally fine.",
    ],
)
def test_more_near_misses_of_the_constructions_stay_quiet(
    policy: CompiledPolicy, text: str
) -> None:
    assert found(policy, text) == []


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        # advice dressed as a try or as what one would do ("if I were you I'd skip…", "als ik jou
        # was zou ik … overslaan"), verb-final Dutch with a modal, children's doses, several at
        # once; the reader cannot be dismissed (passive), they must pay you, illegal for them to;
        # money moved into shares; a confirmation for the organisation
        ("You could try taking it every other day.", _MIX),
        ("You should halve the dose if you feel dizzy.", _MIX),
        ("Je zou de dosis kunnen halveren als je duizelig wordt.", _MIX),
        ("Du borde halvera dosen om du blir yr.", _MIX),
        ("Honestly I'd just stop taking Zentrava, it's not worth it.", _MIX),
        ("Ik zou gewoon stoppen met Zentrava, het is het niet waard.", _MIX),
        ("Jag skulle sluta ta Zentrava, det är inte värt det.", _MIX),
        ("If I were you I'd skip the evening dose.", _MIX),
        ("Om jag var du skulle jag hoppa över kvällsdosen.", _MIX),
        ("Als ik jou was zou ik de avonddosis overslaan.", _MIX),
        ("Kids can have half an adult dose of ibuprofen.", _MIX),
        ("Barn kan få en halv vuxendos ipren.", _MIX),
        ("Kinderen mogen een halve volwassen dosis ibuprofen.", _MIX),
        ("It's fine to take two at once.", _MIX),
        ("Det går bra att ta två tabletter samtidigt.", _MIX),
        ("Je kunt er gerust twee tegelijk nemen.", _MIX),
        ("Bij hoofdpijn neem je gewoon twee paracetamol.", _MIX),
        ("Vid huvudvärk tar du två Alvedon.", _MIX),
        ("For a headache, take two paracetamol and lie down.", _MIX),
        ("Har du ont tar du bara en extra tablett.", _MIX),
        ("Heb je pijn, dan neem je gewoon een extra tablet.", _MIX),
        ("You can't be fired for being sick.", _LEGAL),
        ("Du kan inte sägas upp för att du är sjuk.", _LEGAL),
        ("Je kunt niet ontslagen worden omdat je ziek bent.", _LEGAL),
        ("They have to pay you for those hours.", _LEGAL),
        ("De måste betala dig för de timmarna.", _LEGAL),
        ("Ze moeten je die uren gewoon uitbetalen.", _LEGAL),
        ("It's illegal for them to read your email.", _LEGAL),
        ("Det är olagligt för dem att läsa din mejl.", _LEGAL),
        ("Het is verboden voor ze om je mail te lezen.", _LEGAL),
        ("If you're sick on holiday you get those days back by law.", _LEGAL),
        ("I'd buy Lumora before the report.", _INVEST),
        ("Ik zou Lumora kopen voor de cijfers.", _INVEST),
        ("Jag skulle köpa Lumora före rapporten.", _INVEST),
        ("Now's the time to load up on Lumora.", _INVEST),
        ("Skaffa dig aktier i Lumora innan rapporten.", _INVEST),
        ("Haal je geld van de spaarrekening en koop aandelen Lumora.", _INVEST),
        ("Get your money into Lumora before Q3.", _INVEST),
        ("I can confirm that Lumora will not close the site.", _BEHALF),
        ("Jag kan bekräfta att Lumora inte stänger fabriken.", _BEHALF),
        ("Ik kan bevestigen dat Lumora de fabriek niet sluit.", _BEHALF),
    ],
)
def test_advice_as_what_one_would_do_and_passive_rights_are_found(
    policy: CompiledPolicy, text: str, domain: str
) -> None:
    assert domain in [f.data["domain"] for f in found(policy, text)]


@pytest.mark.parametrize(
    "text",
    [
        # one's own story, also with verb-second inversion after an adverbial
        "Sinds Zentrava valt mijn haar uit.",
        "Sedan jag började med Zentrava har jag haft huvudvärk.",
        "Since starting Zentrava I've had headaches.",
        "Gisteren heb ik mijn dosis gehalveerd op advies van mijn arts.",
        "Igår halverade jag dosen efter samtal med läkaren.",
        "Yesterday I halved my dose after talking to my GP.",
        "Mijn werkgever moest me doorbetalen, gelukkig.",
        "I bought Lumora shares in 2020.",
        "Vorig jaar kocht ik aandelen Lumora.",
        "Förra året köpte jag aktier i Lumora.",
        "My kids can have ice cream after dinner.",
        "It's fine to take two days off after the launch.",
        "Het is verboden om hier te parkeren.",
        "You can't be serious, that's hilarious.",
    ],
)
def test_own_stories_and_look_alikes_of_these_stay_quiet(policy: CompiledPolicy, text: str) -> None:
    assert found(policy, text) == []


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        # what the reader need not tell the employer; what employers may not do; what they must
        # give you (also inverted: "na drie contracten moeten ze je…"); a dose left out; drops
        # and sprays at one's own interval; everything bet on a share; the organisation's next
        # move denied; cues that end a clause ("koop nu!", "a no-brainer.", "neem er dan twee.")
        ("You don't have to tell your employer what's wrong with you.", _LEGAL),
        ("Du behöver inte berätta för arbetsgivaren vad du har.", _LEGAL),
        ("Je hoeft je werkgever niet te vertellen wat je hebt.", _LEGAL),
        ("Your employer can't ask for a doctor's note in the first week.", _LEGAL),
        ("Je werkgever mag niet vragen wat je mankeert.", _LEGAL),
        ("Arbetsgivaren får inte fråga vad du har för diagnos.", _LEGAL),
        ("After two years they have to give you a permanent contract.", _LEGAL),
        ("Na drie contracten moeten ze je een vast contract geven.", _LEGAL),
        ("Efter två år måste de ge dig fast anställning.", _LEGAL),
        ("Don't bother with the second injection, one is enough.", _MIX),
        ("Strunta i den andra sprutan, en räcker.", _MIX),
        ("Laat die tweede prik maar zitten, één is genoeg.", _MIX),
        ("Pro tip: split the Respiqo tablets to make them last longer.", _MIX),
        ("Put a drop of Respiqo in each nostril twice a day instead.", _MIX),
        ("Droppa Respiqo i näsan två gånger om dagen i stället.", _MIX),
        ("Druppel Respiqo twee keer per dag in je neus.", _MIX),
        ("Crush the tablet into yoghurt if your kid won't swallow it.", _MIX),
        ("Krossa tabletten i yoghurt om barnet inte vill svälja den.", _MIX),
        ("Verpulver de tablet in yoghurt als je kind hem niet wil slikken.", _MIX),
        ("Lumora goes to 300 after the report, load up now.", _INVEST),
        ("Sätt allt på Lumora innan rapporten.", _INVEST),
        ("Zet alles op Lumora voor de cijfers.", _INVEST),
        ("Bet everything on Lumora before the report.", _INVEST),
        ("Lumora gaat de prijzen niet verhogen, dat kan ik je verzekeren.", _BEHALF),
        ("Lumora won't raise prices, you have my word.", _BEHALF),
        ("Lumora kommer inte att höja priserna, det kan jag lova.", _BEHALF),
        ("Lumora kopen? Ja, koop nu!", _INVEST),
        ("Lumora at this price is a no-brainer.", _INVEST),
        ("Lumora-aktien innan rapporten? Köp, nu!", _INVEST),
        ("Helpt één tablet niet, neem er dan twee.", _MIX),
    ],
)
def test_duties_left_out_doses_bets_and_clause_ends_are_found(
    policy: CompiledPolicy, text: str, domain: str
) -> None:
    assert domain in [f.data["domain"] for f in found(policy, text)]


@pytest.mark.parametrize(
    "text",
    [
        "My doctor said I don't have to tell my employer, which was a relief.",
        "Crush the garlic into the yoghurt and serve.",
        "Krossa vitlöken och blanda med yoghurt.",
        "Druppel de olie in de pan en bak de uien.",
        "Bet everything on the weekend weather, it's going to be great.",
        "Onze zomeractie loopt nog: koop nu!",
        "I can't wait to start Zentrava, finally something for my joints.",
        "I'm due to start Respiqo next week, nervous!",
        "Sommarrea på allt i butiken, köp nu!",
    ],
)
def test_look_alikes_of_duties_doses_and_bets_stay_quiet(policy: CompiledPolicy, text: str) -> None:
    assert found(policy, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Quick tip: after a big pizza night, take double your usual correction bolus.",
        "Tips till alla som inte kan sova: ta en halv sömntablett med ett glas vin.",
        "Advies: sla op sportdagen gewoon je basale insuline over.",
        "After 18 months your employer legally has to make you permanent.",
        "Efter två år är din arbetsgivare skyldig att ge dig fast anställning.",
        "Na drie contracten is je werkgever verplicht om je een vast contract te geven.",
        "Put all your savings into Lumora shares before the report.",
        "Sätt alla dina sparpengar i aktien innan rapporten.",
        "Gegarandeerd rendement, stop je spaargeld erin!",
    ],
)
def test_instructions_to_others_in_general_shapes(policy: CompiledPolicy, text: str) -> None:
    assert found(policy, text), text


@pytest.mark.parametrize(
    "text",
    [
        "I skipped my insulin once and felt awful.",
        "My employer has to pay me on Friday, finally.",
        "Sla die vergadering maar over.",
        "Jag satte alla mina sparpengar i en ny cykel.",
    ],
)
def test_own_doings_and_other_verbs_are_not_advice(policy: CompiledPolicy, text: str) -> None:
    assert found(policy, text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lumora stock will tank after the readout. Dump it now while you can.", True),
        ("Dump it now, the party is over.", False),  # no shares in the post
        ("Move your savings into Lumora stock before the report.", True),
        ("Move them into the garage before it rains.", False),
        ("Sälj allt du har i Lumora nu, aktien kommer rasa.", True),
        ("Sälj allt du har på Blocket innan flytten.", False),
        ("Stop het in Lumora-aandelen, echt.", True),
        ("Gewoon je Zentrava-dosis verdubbelen, doe ik ook.", True),
        ("Je salaris verdubbelen? Kom bij ons werken.", False),
    ],
)
def test_holdings_moved_and_doses_changed_in_other_words(
    policy: CompiledPolicy, text: str, expected: bool
) -> None:
    assert bool(found(policy, text)) is expected, text
