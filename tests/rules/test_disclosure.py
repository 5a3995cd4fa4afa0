"""disclosure: naming the employer, its products or competitors needs the tie said in the post."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG


def policy_with(
    settings: dict[str, Any] | None = None, org: dict[str, Any] | None = None
) -> CompiledPolicy:
    """The dev organisation (or ``org``) with only a disclosure rule."""
    data = starter_policy(org or ORG)
    data["rules"] = [
        {**rule, "settings": settings or {}}
        for rule in data["rules"]
        if rule["kind"] == "disclosure"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with()


def findings(
    policy: CompiledPolicy, text: str, *, profile: bool = False, language: str | None = None
) -> list[Finding]:
    author: dict[str, Any] = {"role": "engineer", "profile_discloses_employer": profile}
    if language:
        author["language"] = language
    ctx = Context.from_data({"posted_at": "2026-03-03T10:00:00+01:00", "author": author})
    return [f for f in check(text, ctx, policy).findings if f.kind == "disclosure"]


# (note, text): no disclosure and no profile that could cover it.
UNDISCLOSED = [
    ("congratulations to the organisation (sv)", "Grattis Lumora till det nya labbet!"),
    ("a pharmacist's view of a product (nl)", "Ik werk bij een apotheek en zie veel Respiqo."),
    ("using the product at home", "We use CareLoop at home and it's handy."),
    ("using the product (sv)", "Jag använder CareLoop varje dag."),
    ("a visit last year", "Last year I visited Lumora for a workshop."),
    ("a side effect of a product, told as a patient", "Week 3 on Respiqo and my heart races."),
    ("the organisation's handle at a congress", "Mooie lezing van @lumorahealth vandaag."),
    ("the organisation only as a hashtag", "Teamuitje naar de plassen ☀️ #LumoraLife"),
    ("the organisation in a Swedish compound", "Lumora-aktien upp 9 % idag! #Lumora"),
    ("a competitor's keynote, mocked", "Just watched Novexa's keynote. What a joke."),
    ("a competitor's product as a user", "Finally switched from Aldermed's inhaler 🎤"),
    ("a competitor in a Swedish compound", "Aldermed-gänget ljuger om sin data igen."),
    ("a competitor in Dutch", "Novexa stuurt weer een vaag persbericht de wereld in."),
    ("a visitor thanking the organisation", "Thanks to everyone at Lumora for hosting us!"),
    ("a fan, not an employee", "I'm a big fan of Lumora's open data work."),
    ("something seen at the organisation's booth", "As seen at Lumora's booth: great coffee."),
    ("a relative who works there (en)", "My brother works at Lumora and told me about CareLoop."),
    ("a relative who works there (sv)", "Min bror jobbar på Lumora och tipsade om CareLoop."),
    ("a friend who works there (sv)", "Min kompis som jobbar på Lumora säger att det är kul."),
    ("a neighbour who works there (nl)", "Mijn buurman werkt bij Lumora, leuk bedrijf."),
    ("a question to readers (sv)", "Jobbar du på Lumora? Hör av dig!"),
    ("a Swedish visit", "Igår besökte jag Lumora i Malmö. Trevligt!"),
    ("a Dutch visit", "Vandaag op bezoek bij Lumora in Utrecht."),
    ("a Dutch fan", "Ik ben fan van Lumora."),
    ("working on something, not working there (nl)", "Ik werk er hard aan om CareLoop te snappen."),
    ("working from home, then visiting (nl)", "Ik werk vanuit huis en ging langs bij Lumora."),
    ("working with patients, not at the organisation", "I work with patients and CareLoop helps."),
    ("a one-word disclosure tag written as a plain word", "Nya medarbetare på #Lumora idag!"),
    ("a relative's job and role (en)", "My cousin is a pharmacist and works at Lumora."),
    ("a relative's job and role (sv)", "Min kusin är apotekare och jobbar på Lumora."),
    ("someone else's job and role (sv)", "Jag känner en som är apotekare och jobbar på Lumora."),
    ("a neighbour's job and role (nl)", "Mijn buurvrouw is apotheker en werkt bij Lumora."),
    ("someone else's new role", "Congrats to Priya on her new role at Lumora!"),
    ("someone else's new job (sv)", "Grattis Erik till nya jobbet på Lumora!"),
    ("someone else's new job (nl)", "Gefeliciteerd met je nieuwe baan bij Lumora!"),
    ("a daughter's first week", "My daughter started at Lumora this week."),
    ("a son's new job (sv)", "Min son fick jobb på Lumora!"),
    ("a son's first day (nl)", "Mijn zoon is vandaag begonnen bij Lumora."),
    (
        "greetings to the team, from a visitor",
        "Greetings to the whole Lumora team, thanks for the tour!",
    ),
    ("the company behind a product, asked about", "Ever heard of the company behind CareLoop?"),
    ("a rep who visits, not the author's job", "My Lumora rep dropped by the pharmacy today."),
    ("a customer, not a job title", "As a Lumora customer I'm happy with the service."),
    ("a salesperson who visits (sv)", "Min Lumora-säljare kom förbi i dag."),
    ("a visit, not a job: I'm at … today", "I'm at Lumora today for a workshop."),
    ("a booth, not a job", "I'm at the Lumora booth at ESC, come by!"),
    ("a partner, not a colleague", "We work closely with Lumora on adherence."),
    ("a partner, not a colleague (sv)", "Vi jobbar med Lumora sedan i höstas."),
    ("a partner, not a colleague (nl)", "We werken samen met Lumora aan een pilot."),
    ("others who work there", "They both work at Lumora and love it."),
    ("me and a relative, elsewhere", "Me and my brother work at a pharmacy that sells Respiqo."),
    ("jag och en släkting, en åsikt", "Jag och min bror tycker att Lumora är bra."),
    ("ik en mijn zus, elders", "Ik en mijn zus werken bij een apotheek, niet bij Lumora."),
]

# (note, text, profile): the tie is said in the post, or the profile covers a plain mention.
DISCLOSED = [
    ("an employee since a year (sv)", "Lumora-medarbetare sedan 2015 🎉", False),
    ("my employer, named", "My employer Lumora just opened a new site in Utrecht.", False),
    (
        "working on the product's team",
        "I work on the CareLoop team and we shipped dark mode.",
        False,
    ),
    ("building the product (sv)", "Vi utvecklar CareLoop i Malmö och söker en testare.", False),
    ("working on the product (nl)", "Ik werk aan CareLoop en we zoeken testers.", False),
    ("years at the organisation", "After 10 years at Lumora I'm still learning.", False),
    ("years at the organisation (nl)", "Na tien jaar bij Lumora weet ik één ding.", False),
    ("leading a team there", "I lead the app team at Lumora and we're hiring.", False),
    ("I work at, before the organisation", "I work at Lumora Health and my team is hiring!", False),
    ("a department in between", "I work in regulatory affairs at Lumora Health.", False),
    ("the organisation's site", "I work at Lumora's Utrecht site; the NRC piece is wrong.", False),
    ("my team at", "My team at Lumora needs your eyes on this poster.", False),
    ("proud to work at", "Proud to work at Lumora. Great quarter for the team.", False),
    ("a role at the organisation", "As a data engineer at Lumora Health I love pipelines.", False),
    ("(yes, I work there)", "Lumora is on a roll (yes, I work there 😉)", False),
    ("fronted: at Lumora, we", "At Lumora, we believe patients come first.", False),
    ("an employee here", "Lumora employee here: the new office is lovely.", False),
    ("my colleagues at the organisation", "Shout-out to my Lumora colleagues!", False),
    ("I joined the organisation", "I joined Lumora Health in 2021 and never looked back.", False),
    (
        "the organisation is my employer",
        "Lumora is my employer, so: Respiqo helped my team.",
        False,
    ),
    ("pronoun dropped at the start", "Work at Lumora, so I'm biased: great congress.", False),
    ("the organisation's disclosure tag", "CareLoop saved my week. #LumoraEmployee", False),
    (
        "a disclosure after a competitor's name (sv)",
        "Brevik höjde sin prognos. (Jag jobbar själv på Lumora, så jag följer det.)",
        False,
    ),
    ("jag jobbar på", "Jag jobbar på Lumora och idag invigde vi labbet.", False),
    ("som <roll> på", "Som CFO på Lumora kan jag bara säga: vilket år!", False),
    ("mig som jobbar på", "Tips från mig som jobbar på Lumora: boka tidigt.", False),
    ("oss på", "God jul från oss på Lumora i Malmö 🎄", False),
    ("inverted after an adverbial (sv)", "Sedan 2019 jobbar jag på Lumora i Malmö.", False),
    ("fronted with a verb (sv)", "På Lumora jobbar vi med patienten i fokus.", False),
    ("an employee compound (sv)", "Som Lumora-anställd vill jag säga tack.", False),
    ("pronoun dropped (sv)", "Jobbar själv på Lumora, så jag är partisk.", False),
    ("ik werk bij", "Ik werk bij Lumora en ben trots op het team.", False),
    ("ik werk zelf in … van", "Ik werk zelf in het distributiecentrum van Lumora.", False),
    ("ik werk er zelf", "Koop nu aandelen Lumora. Ik werk er zelf.", False),
    ("als medewerker van", "Als medewerker van Lumora was ik op een patiëntenavond.", False),
    ("ik ben woordvoerder van", "Ik ben woordvoerder van Lumora Health.", False),
    ("a long gap (nl)", "Ik werk al 12 jaar met veel plezier bij Lumora Health.", False),
    ("verb at the end (nl)", "Ik ben trots dat ik bij Lumora werk.", False),
    ("wij van", "Wij van Lumora wensen iedereen fijne feestdagen.", False),
    ("profile covers a plain mention", "Spent the afternoon at Lumora's Utrecht office.", True),
    ("profile covers a plain hashtag (sv)", "Välkomna till Malmökontoret! #LumoraLife", True),
    ("profile covers a neutral product mention", "CareLoop 3.0 is out today.", True),
    ("profile covers a neutral competitor mention", "Met the Novexa team, nice chat.", True),
    ("no organisation, product or competitor at all", "Grey heron at the Kromme Rijn 🪶", False),
    ("a job, then: and work at", "I'm a pharmacist and work at Lumora Health.", False),
    ("a job, then: och arbetar på", "Jag är apotekare och arbetar på Lumora.", False),
    ("a job, then: en werk bij", "Ik ben apotheker en werk bij Lumora.", False),
    ("a customer-facing department", "I work in customer support at Lumora.", False),
    ("investor relations as a department", "I work in investor relations at Lumora Health.", False),
    ("patient safety as a department", "I work in patient safety at Lumora.", False),
    ("a first week, pronoun dropped", "First week at Lumora done!", False),
    ("a first working day (sv)", "Första arbetsdagen på Lumora avklarad.", False),
    ("a first working day (nl)", "Eerste werkdag bij Lumora zit erop.", False),
    ("starting a new role", "I'm starting a new role at Lumora in May.", False),
    (
        "as someone who works at",
        "As someone who works at Lumora, I read this with interest.",
        False,
    ),
    ("som en som jobbar på", "Som en som jobbar på Lumora läste jag det här med intresse.", False),
    (
        "als iemand die bij … werkt",
        "Als iemand die bij Lumora werkt, lees ik dit met interesse.",
        False,
    ),
    ("the company behind a product", "I work for the company behind CareLoop.", False),
    ("företaget bakom a product", "Jag jobbar på företaget bakom CareLoop.", False),
    ("het bedrijf achter a product", "Ik werk bij het bedrijf achter CareLoop.", False),
    ("greetings from the whole team", "Season's greetings from the whole Lumora team!", False),
    ("greetings from the team (sv compound)", "God jul från hela Lumora-teamet!", False),
    ("greetings from the team (nl)", "Groeten van het hele team van Lumora!", False),
    ("allowed to work there, verb last (nl)", "Ik ben blij dat ik bij Lumora mag werken.", False),
    ("been with the organisation since", "I've been with Lumora since 2018.", False),
    ("we work together at", "Get well soon, Jonas! We work together at Lumora.", False),
    ("we both work for", "We both work for Lumora Health, so we're biased.", False),
    ("we're colleagues at", "We're colleagues at Lumora and miss you.", False),
    ("vi jobbar båda på", "Krya på dig! Vi jobbar båda på Lumora och saknar dig.", False),
    ("vi är kollegor på", "Vi är kollegor på Lumora sedan 2020.", False),
    ("we werken allebei bij", "Beterschap! We werken allebei bij Lumora.", False),
    ("we zijn collega's bij", "We zijn collega's bij Lumora en missen je.", False),
    ("(yes, I'm at …)", "Try the new expense tool (yes, I'm at Lumora): slow.", False),
    ("I'm at … myself", "I'm at Lumora myself, so take this with a pinch of salt.", False),
    ("a colleague and I both work at", "My colleague and I both work at Lumora.", False),
    ("me and a colleague work at", "Me and Jonas work at Lumora, ask us anything.", False),
    ("jag och en kollega jobbar på", "Jag och min kollega Maria jobbar på Lumora.", False),
    ("ik en een collega werken bij", "Ik en mijn collega Sanne werken allebei bij Lumora.", False),
    ("a job title after the name", "As a Lumora pharmacist I hear this question a lot.", False),
    ("a job title, then here", "Lumora nurse here: please read the leaflet first.", False),
    ("a job title in a compound (sv)", "Som Lumora-apotekare får jag ofta den frågan.", False),
    ("a job title in a compound (nl)", "Als Lumora-apotheker krijg ik die vraag vaak.", False),
    (
        "profile: a link with praise words in it",
        "Release notes at careloop.app/great-new-features",
        True,
    ),
    ("profile: a product's e-mail address (sv)", "Frågor? Mejla support@careloop.app.", True),
    (
        "profile: a download link (nl)",
        "De nieuwe handleiding staat op https://careloop.app/download/beste-tips",
        True,
    ),
    (
        "profile: thanks to the product's team",
        "Thanks to the CareLoop team for a brilliant sprint!",
        True,
    ),
    ("profile: praise for the team (sv)", "Tack till CareLoop-teamet för en grym vecka!", True),
    (
        "profile: praise for the team (nl)",
        "Dank aan het CareLoop-team voor een fantastische sprint!",
        True,
    ),
    (
        "profile: a great day, not a great product",
        "Great day at the Respiqo training in Malmö.",
        True,
    ),
    ("profile: a great day (sv)", "Fantastisk dag på Zentrava-kursen i Lund.", True),
    ("profile: a great day (nl)", "Geweldige dag op de CareLoop-hackathon.", True),
    (
        "profile: with the product at a booth",
        "With CareLoop at the booth, we met 300 visitors.",
        True,
    ),
    ("profile: with the product at a fair (sv)", "Med CareLoop på mässan i tre dagar.", True),
    ("profile: with the product to a fair (nl)", "Met CareLoop naar de beurs in Utrecht.", True),
    (
        "profile: nothing else to report",
        "CareLoop launched in Norway. Nothing else new this week.",
        True,
    ),
    (
        "profile: the employer's canteen ahead of any other",
        "Lumora's canteen is better than any other in town.",
        True,
    ),
]

# (note, text): the profile names the employer, but the post praises or compares.
BEYOND_PROFILE = [
    ("a call to ask the doctor", "Respiqo is proof of good science. Ask your doctor about it!"),
    ("a competitor that can't compete", "Aldermed's new inhaler can't compete with Respiqo."),
    (
        "an app recommended",
        "A month with CareLoop and I stuck with it. Clean design. Give it a go!",
    ),
    ("a favourite app (sv compound)", "CareLoop har blivit min favoritapp. Ladda ner den!"),
    ("a medicine that works (sv)", "Respiqo har gjort enorm skillnad. Den fungerar verkligen 💙"),
    (
        "a comparison with competitors (nl)",
        "CareLoop is sneller en veiliger dan elke app van Novexa of Aldermed.",
    ),
    ("an aanrader (nl)", "CareLoop is echt een aanrader, download hem!"),
    ("praise close to the product", "CareLoop is simply the best reminder app."),
    ("the employer ahead of a competitor", "Lumora is way ahead of Novexa on adherence."),
    ("a competitor run down", "Novexa's new app is useless."),
    ("a life given back", "Zentrava gave my mother her life back."),
    ("a life given back (sv)", "Respiqo har gett mig livet tillbaka."),
    ("a life given back (nl)", "Sinds Respiqo heb ik mijn leven terug."),
    ("a symptom gone", "Two weeks on Zentrava and the stiffness was gone."),
    ("a symptom gone (sv)", "Efter en vecka med Zentrava försvann stelheten."),
    ("a symptom gone (nl)", "Na een week Zentrava verdween de stijfheid."),
    ("thanks to the product", "Thanks to Respiqo I can run again."),
    ("tack vare the product", "Tack vare CareLoop glömmer jag aldrig mina tabletter."),
    ("dankzij the product", "Dankzij CareLoop vergeet ik mijn pillen nooit."),
    ("with the product, you never", "With CareLoop you never miss a dose."),
    ("med the product kan", "Med Respiqo kan astmatiker träna som vanligt."),
    ("met the product kun je", "Met Zentrava kun je weer gewoon fietsen."),
    ("nothing comes close", "Nothing comes close to Respiqo for my asthma."),
    ("nothing comes close (sv)", "Inget kommer i närheten av CareLoop."),
    ("nothing comes close (nl)", "Niets komt in de buurt van CareLoop."),
    ("helps patients", "Zentrava helps patients with RA live normal lives."),
    ("helps thousands (sv)", "CareLoop hjälper tusentals människor med sina mediciner."),
    ("helps people (nl)", "CareLoop helpt mensen hun medicijnen op tijd te nemen."),
    ("a competitor not as good", "Aldermed's inhaler is not as good as Respiqo."),
    ("a competitor not as good (sv)", "Novexas app är inte lika bra som CareLoop."),
    ("a competitor not as good (nl)", "De app van Novexa is niet zo goed als CareLoop."),
    ("lives changed", "Nurses tell me how Zentrava changed their lives."),
    ("lives changed (sv)", "Sjuksköterskor berättar hur Zentrava har förändrat deras liv."),
    ("lives changed (nl)", "Verpleegkundigen vertellen hoe Zentrava hun leven heeft veranderd."),
    (
        "a rescue inhaler no longer needed",
        "Six weeks on Respiqo and I haven't needed my spray since.",
    ),
    ("no longer needed (sv)", "Sex veckor med Respiqo och jag har inte behövt sprayen sedan dess."),
    ("no longer needed (nl)", "Zes weken Respiqo en ik heb mijn spray niet meer nodig."),
    ("a product for you", "Always forgetting your tablets? CareLoop is for you."),
    ("a product for you (sv)", "Glömmer du alltid dina tabletter? Då är CareLoop något för dig."),
    ("a product for you (nl)", "Vergeet je altijd je tabletten? Dan is CareLoop iets voor jou."),
    ("ahead of any other", "Respiqo is out in May. Works faster than any other inhaler."),
    ("ahead of all others (sv)", "CareLoop finns nu. Smidigare än alla andra appar."),
    ("ahead of any other brand (nl)", "CareLoop: snel, gegarandeerd. Beter dan elk ander merk."),
    ("a symptom gone fast", "Zentrava: stiffness gone in a day. Nothing else I've tried works."),
    ("a night's sleep (sv)", "Respiqo. Sov som en stock hela veckan."),
    ("nothing else helped (nl)", "Zentrava, eindelijk. Niets anders hielp."),
]


@pytest.mark.parametrize(("note", "text"), UNDISCLOSED, ids=[row[0] for row in UNDISCLOSED])
def test_a_mention_without_disclosure_is_raised(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert findings(policy, text), note


@pytest.mark.parametrize(("note", "text", "profile"), DISCLOSED, ids=[r[0] for r in DISCLOSED])
def test_a_disclosed_or_covered_mention_passes(
    policy: CompiledPolicy, note: str, text: str, profile: bool
) -> None:
    assert findings(policy, text, profile=profile) == [], note


@pytest.mark.parametrize(("note", "text"), BEYOND_PROFILE, ids=[r[0] for r in BEYOND_PROFILE])
def test_a_profile_never_covers_praise_or_comparison(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert findings(policy, text, profile=True), note


@pytest.mark.parametrize(
    ("text", "language", "excerpt", "detail_words"),
    [
        ("Week 3 on Respiqo and my heart races.", "en", "Respiqo", "You mention Respiqo"),
        ("Mooie lezing van @lumorahealth vandaag.", "nl", "lumorahealth", "Je noemt Lumora Health"),
        ("Aldermed-gänget ljuger igen.", "sv", "Aldermed", "en konkurrent"),
    ],
)
def test_the_finding_marks_the_first_mention_and_speaks_the_authors_language(
    policy: CompiledPolicy, text: str, language: str, excerpt: str, detail_words: str
) -> None:
    (finding,) = findings(policy, text, language=language)
    assert finding.excerpt == excerpt
    assert finding.language == language
    assert detail_words in finding.message
    assert "{" not in finding.message


def test_the_fix_adds_the_first_disclosure_tag_at_the_end(policy: CompiledPolicy) -> None:
    text = "Zentrava works wonders for people with RA 💪"
    (finding,) = findings(policy, text)
    assert finding.fix is not None
    assert finding.fix.label == "Add #LumoraEmployee"
    assert finding.fix.apply(text) == text + " #LumoraEmployee"


def test_without_disclosure_tags_there_is_no_fix() -> None:
    policy = policy_with(org={**ORG, "disclosure_tags": []})
    (finding,) = findings(policy, "Zentrava works wonders for people with RA 💪")
    assert finding.fix is None


def test_profile_praise_says_why_the_profile_is_not_enough(policy: CompiledPolicy) -> None:
    (finding,) = findings(policy, "CareLoop is simply the best reminder app.", profile=True)
    assert finding.excerpt == "CareLoop"
    assert "profile" in finding.message and "CareLoop" in finding.message


@pytest.mark.parametrize(
    ("settings", "text", "profile", "raised"),
    [
        ({"profile_covers_plain_mentions": False}, "Lovely day at Lumora's office.", True, True),
        ({"competitors": False}, "Just watched Novexa's keynote.", False, False),
        ({"competitors": False}, "Week 3 on Respiqo, all good.", False, True),
        ({"extra_phrases": ["Lumoranaut here"]}, "Lumoranaut here: Lumora rocks.", False, False),
    ],
)
def test_settings_change_what_needs_a_disclosure(
    settings: dict[str, Any], text: str, profile: bool, raised: bool
) -> None:
    assert bool(findings(policy_with(settings), text, profile=profile)) is raised
