"""quiet_period: the organisation's own figures, deals or share price before a report is out."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from tests.conftest import ORG

# Inside the year-end quiet period of the dev organisation (2026-12-15 … 2027-01-30).
QUIET = "2026-12-18T10:00:00+01:00"
OPEN = "2026-11-05T10:00:00+01:00"


def policy_with(
    settings: dict[str, Any] | None = None, org: dict[str, Any] | None = None
) -> CompiledPolicy:
    """The dev organisation (or ``org``) with only a quiet_period rule."""
    data = starter_policy(org or ORG)
    data["rules"] = [
        {**rule, "settings": settings or {}}
        for rule in data["rules"]
        if rule["kind"] == "quiet_period"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with()


def findings(
    policy: CompiledPolicy, text: str, posted_at: str | None = QUIET, language: str | None = None
) -> list[Finding]:
    data: dict[str, Any] = {"author": {"role": "sales director"}}
    if posted_at is not None:
        data["posted_at"] = posted_at
    if language is not None:
        data["author"]["language"] = language
    return [
        f for f in check(text, Context.from_data(data), policy).findings if f.kind == "quiet_period"
    ]


# (note, text, the statement marked)
OWN_FIGURES = [
    (
        "a record order (sv compound)",
        "Vi har fått in en rekordorder från Region Skåne!",
        "rekordorder",
    ),
    (
        "a hint at what the report will show (nl)",
        "De jaarcijfers van Lumora worden beter dan ooit, let maar op!",
        "jaarcijfers",
    ),
    ("our sales with a measure", "Our sales in the Nordics were up 30% on last year.", "sales"),
    (
        "a product's sales with a measure (sv)",
        "Försäljningen av CareLoop ökade med 40 procent i december.",
        "Försäljningen",
    ),
    (
        "the disclosure sentence, then the figures",
        "I work at Lumora. Orders this quarter are through the roof!",
        "Orders",
    ),
    (
        "shares to buy, pointing at the shares (nl)",
        "Koop nu Lumora-aandelen, het jaarverslag wordt geweldig.",
        "aandelen",
    ),
    (
        "orders of my team",
        "My Nordic team had a great quarter: orders up 30% on last year.",
        "orders",
    ),
    (
        "the share price named",
        "Lumora share price is going to explode after the year-end numbers",
        "share price",
    ),
    ("our sales this quarter", "Our Q4 sales beat every target we set.", "sales"),
    (
        "a contract we signed",
        "We just signed a three-year contract with a hospital group.",
        "contract",
    ),
    (
        "a deal for a product",
        "Excited to roll out CareLoop across 14 hospitals next spring!",
        "roll out",
    ),
    ("quarterly results with a period", "Q4 results are in and we smashed it 💪", "results"),
    (
        "our margins, the competitor only for contrast",
        "Unlike Novexa, our margins held up this year.",
        "margins",
    ),
    (
        "sales in the sentence after the org (sv)",
        "Som CFO på Lumora kan jag bara säga: vilket år! Försäljningen slog rekord under Q4.",
        "Försäljningen",
    ),
    (
        "the organisation's share in a compound (sv)",
        "Lumora-aktien upp 9 % idag! #Lumora",
        "aktien",
    ),
    (
        "a framework agreement (sv compound)",
        "Vi har precis tecknat ett ramavtal med Region Skåne.",
        "ramavtal",
    ),
    (
        "a deal in the works, named by hashtag (sv)",
        "Stort avtal på gång med en region 🤞 #Lumora",
        "avtal",
    ),
    ("our turnover (sv)", "Vår omsättning ökade med 25 procent i år.", "omsättning"),
    (
        "a product's revenue in a compound (nl)",
        "De Zentrava-omzet zit ruim 20% boven budget 🚀",
        "omzet",
    ),
    (
        "our biggest order (nl)",
        "Vandaag de grootste order uit onze geschiedenis binnengehaald.",
        "order",
    ),
    (
        "my region's numbers (nl)",
        "Mijn regio heeft dit kwartaal de beste cijfers ooit neergezet.",
        "cijfers",
    ),
    ("a contract for a product (nl)", "We hebben een contract getekend voor CareLoop.", "contract"),
    ("a product's volumes", "Respiqo volumes rose 18% this quarter.", "volumes"),
    ("a product's volumes (sv compound)", "Respiqo-volymerna ökade med 18 procent.", "volymerna"),
    ("a product's sales (nl afzet)", "De afzet van Respiqo steeg dit kwartaal met 18%.", "afzet"),
    ("a product's share of a market", "CareLoop now holds 35% of the Swedish market.", "market"),
    (
        "a product's share of a market (sv)",
        "Respiqo har en tredjedel av den svenska marknaden.",
        "marknaden",
    ),
    (
        "a product's share of a market (nl)",
        "Respiqo heeft nu een kwart van de Nederlandse markt.",
        "markt",
    ),
    ("a product that sold", "Zentrava sold twice as much this quarter as last year.", "sold"),
    ("a product that sold (sv)", "Zentrava har aldrig sålt så bra som i år.", "sålt"),
    ("a product that sold (nl)", "Zentrava verkocht dit kwartaal beter dan ooit.", "verkocht"),
    (
        "an acquisition by the organisation",
        "Lumora is finalising the acquisition of a Danish app maker.",
        "acquisition",
    ),
    ("an acquisition (sv)", "Lumoras förvärv av ett danskt bolag är klart.", "förvärv"),
    ("an acquisition (nl)", "De overname van een Deens bedrijf door Lumora is rond.", "overname"),
    ("a huge order (sv compound)", "Vi har fått en jätteorder från Norge!", "jätteorder"),
    ("a huge order (nl compound)", "Lumora haalt een megaorder binnen.", "megaorder"),
    ("an export order (sv)", "Första exportordern till Kanada är klar för Lumora!", "exportordern"),
    ("beating the budget (sv)", "Vi slog budget med bred marginal i år.", "slog budget"),
    ("beating the budget", "We beat our budget for the year by a mile.", "beat our budget"),
    ("above the budget (nl)", "We zitten dit jaar ruim boven budget.", "boven budget"),
    (
        "double-digit growth",
        "Lumora closes the year with double-digit growth.",
        "double-digit growth",
    ),
    (
        "double-digit growth (sv)",
        "Lumora avslutar året med tvåsiffrig tillväxt.",
        "tvåsiffrig tillväxt",
    ),
    (
        "double-digit growth (nl)",
        "Lumora sluit het jaar af met dubbelcijferige groei.",
        "dubbelcijferige groei",
    ),
    (
        "the best result in its history (nl)",
        "Lumora boekt het beste resultaat in haar geschiedenis.",
        "resultaat",
    ),
    (
        "the best result in its history (sv)",
        "Lumora gör sitt bästa resultat i bolagets historia.",
        "resultat",
    ),
    ("millions in sales", "Respiqo passed €100 million in sales this year.", "sales"),
    (
        "a region above plan",
        "I work at Lumora. The Nordic region closed the year 40% above plan.",
        "above plan",
    ),
    (
        "a region above plan (sv)",
        "Jag jobbar på Lumora. Norden stängde året 40 procent över plan.",
        "över plan",
    ),
    (
        "a region above plan (nl)",
        "Ik werk bij Lumora. De Benelux sloot het jaar 40% boven plan af.",
        "boven plan",
    ),
    (
        "a report that will surprise",
        "I work at Lumora. The year-end report will surprise a lot of people, trust me.",
        "year-end report",
    ),
    (
        "a report that will surprise (sv)",
        "Jag jobbar på Lumora. Bokslutet kommer att överraska många.",
        "Bokslutet",
    ),
    (
        "a report that will surprise (nl)",
        "Ik werk bij Lumora. De jaarcijfers gaan veel mensen verrassen.",
        "jaarcijfers",
    ),
]

# (note, text): inside the quiet period, and still fine.
NOT_OWN_FIGURES = [
    ("industry talk", "Why European pharma M&A slowed and what it means for deal volumes."),
    (
        "a competitor's guidance, then a disclosure",
        "Novexa raised its full-year guidance today. I work at Lumora, so I watch this closely.",
    ),
    (
        "a competitor's figures (sv), then a disclosure",
        "Brevik Therapeutics höjde sin prognos för 2027. (Jag jobbar själv på Lumora.)",
    ),
    ("a competitor's revenue (nl)", "Concurrent Novexa meldt een omzetdaling van 8%."),
    ("margins in the sector (nl)", "Interessant stuk over de margedruk bij generieke fabrikanten."),
    ("margins in the industry (sv)", "Hela läkemedelsbranschen har pressade marginaler just nu."),
    ("the sales team, not sales", "Our sales team is the best. Great offsite in Malmö today!"),
    ("working in sales", "I work in sales at Lumora and love my job."),
    ("a sales region as a job", "I work in EMEA sales at Lumora and I love it."),
    ("sales as a job (sv)", "Jag jobbar med försäljning på Lumora och älskar mitt jobb."),
    ("a sales department compound (nl)", "Ik werk bij Lumora in de Benelux-sales, top team."),
    (
        "a competitor's figures, then us in another clause",
        "Novexa reported record sales; we at Lumora wait for February.",
    ),
    (
        "an article about contracts after a disclosure",
        "I work at Lumora. Great article on how hospitals sign contracts: https://example.com",
    ),
    ("a pilot's results", "Our results are in: CareLoop cut missed doses by 30% in the pilot."),
    ("a record that is not a figure", "Record attendance at our Q3 town hall today!"),
    ("the report's date", "Save the date: our year-end report comes out on 1 February."),
    (
        "an order of pizza, in English",
        "We ordered pizza to celebrate the team's hard work, and we placed an order for cake too.",
    ),
    ("the report's date (sv)", "Halvårsrapporten publiceras den 23 juli, välkommen att lyssna."),
    ("clinical results", "Our phase 2 results look promising for patients."),
    ("deal with, not a deal", "We deal with a lot of tickets in IT every day."),
    ("in order to", "In order to improve our process we moved the stand-up."),
    ("a customer portal", "Our new customer portal is live!"),
    ("an employment contract (sv)", "Mitt anställningsavtal är påskrivet, jag börjar i mars."),
    ("a weather forecast (sv)", "Vi ses i skärgården, väderprognosen ser bra ut!"),
    ("an order number (nl)", "Ik heb mijn ordernummer nog steeds niet ontvangen, balen."),
    ("study results (nl)", "Onze studieresultaten worden volgend jaar gepubliceerd."),
    ("a year-end party", "Vi hade en fin avslutning med teamet, tack för ett fint år!"),
    ("a market's growth", "I work at Lumora. The European inhaler market grew 6% last year."),
    (
        "a market's growth (sv)",
        "Jag jobbar på Lumora. Den europeiska inhalatormarknaden växte med 6 procent i fjol.",
    ),
    (
        "a market's growth (nl)",
        "Ik werk bij Lumora. De Europese inhalatormarkt groeide vorig jaar met 6%.",
    ),
    ("a market research team", "I work at Lumora and our market research team is hiring."),
    ("the volume of music", "Turn the volume up, our playlist this quarter is great!"),
    ("a stall that sold out", "Our stall at the Christmas market sold out in an hour this year."),
    ("a stall that sold out (sv)", "Vårt stånd på julmarknaden sålde slut på en timme i år."),
    (
        "a stall that sold out (nl)",
        "Onze kraam op de kerstmarkt was dit jaar binnen een uur uitverkocht.",
    ),
    ("where a product is sold", "Respiqo is sold in pharmacies across Norway from Monday."),
    ("a competitor's acquisition", "Novexa acquires a Danish app maker, big news for the sector."),
    (
        "a competitor's acquisition (sv)",
        "Novexa köper upp ett danskt appbolag, stora nyheter för branschen.",
    ),
    (
        "a competitor's acquisition (nl)",
        "Novexa neemt een Deense appbouwer over, groot nieuws voor de sector.",
    ),
    (
        "figure words only inside a link",
        "I work at Lumora. Good explainer on hospital buying: https://example.com/record-deals-2026",
    ),
    ("a race won by a margin (sv)", "Vi vann stafetten med bred marginal i år!"),
    ("a race won by a margin", "Our team won the relay by a wide margin this year."),
    ("a project ahead of plan", "I work at Lumora. The lab move is ahead of plan this quarter."),
    ("my own bike sold", "I work at Lumora. I sold my old bike this year."),
    ("my own bike sold (sv)", "Jag jobbar på Lumora. Jag sålde min gamla cykel i år."),
    ("my own bike sold (nl)", "Ik werk bij Lumora. Dit jaar heb ik mijn oude fiets verkocht."),
    (
        "results of a step challenge",
        "I work at Lumora. Our step challenge results this quarter: 30% more steps!",
    ),
    ("results of a quiz (sv)", "Jag jobbar på Lumora. Resultaten från vår julquiz i år är klara!"),
    ("a new customer app (nl)", "Ik werk bij Lumora. Onze nieuwe klanten-app is live."),
]


@pytest.mark.parametrize(("note", "text", "excerpt"), OWN_FIGURES, ids=[r[0] for r in OWN_FIGURES])
def test_own_figures_in_a_quiet_period_are_raised(
    policy: CompiledPolicy, note: str, text: str, excerpt: str
) -> None:
    (finding,) = findings(policy, text)
    assert finding.excerpt == excerpt, note


@pytest.mark.parametrize(("note", "text"), NOT_OWN_FIGURES, ids=[r[0] for r in NOT_OWN_FIGURES])
def test_other_peoples_figures_and_look_alikes_pass(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert findings(policy, text) == [], note


ORDERS = "Ik werk bij Lumora en onze Benelux-omzet ligt dit jaar 15% boven vorig jaar."


@pytest.mark.parametrize(
    ("posted_at", "raised"),
    [
        ("2026-12-14T23:20:00+01:00", False),  # the evening before the period
        ("2026-12-15T00:20:00+01:00", True),  # first day, just after midnight
        ("2026-12-14T23:30:00+00:00", True),  # UTC, already the 15th in Amsterdam
        ("2027-01-30T23:59:00+01:00", True),  # last day counts
        ("2027-01-31T00:00:00+01:00", False),  # the day after
        ("2026-07-10T21:50:00+02:00", True),  # inside the half-year period
        ("2026-12-14T18:30:00-05:00", True),  # New York evening, already the 15th in Amsterdam
        ("2027-01-30T23:30:00+00:00", False),  # London, already the 31st in Amsterdam
        ("2026-06-22T06:00:00+09:00", False),  # Tokyo morning, still the 21st in Amsterdam
        ("2026-07-22T23:30:00+02:00", True),  # the half-year period's last evening
        (OPEN, False),  # between periods
        (None, False),  # no posting time: the rule cannot tell
    ],
)
def test_the_period_is_read_in_the_organisations_time_zone_with_both_ends_included(
    policy: CompiledPolicy, posted_at: str | None, raised: bool
) -> None:
    assert bool(findings(policy, ORDERS, posted_at)) is raised


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["quiet period until 2027-01-30", "Year-end report 2026"]),
        ("sv", ["tyst period till och med 2027-01-30", "Year-end report 2026"]),
        ("nl", ["stille periode tot en met 2027-01-30", "Year-end report 2026"]),
    ],
)
def test_the_message_names_the_period_in_the_authors_language(
    policy: CompiledPolicy, language: str, words: list[str]
) -> None:
    (finding,) = findings(policy, ORDERS, language=language)
    assert finding.language == language
    for word in words:
        assert word in finding.message
    assert "{" not in finding.message


def test_a_period_without_a_reason_still_names_its_end() -> None:
    org = {**ORG, "quiet_periods": [{"start": "2026-12-15", "end": "2027-01-30"}]}
    (finding,) = findings(policy_with(org=org), ORDERS)
    assert "2027-01-30" in finding.message and "()" not in finding.message


@pytest.mark.parametrize(
    ("settings", "text", "posted_at", "raised"),
    [
        ({"periods": [{"start": "2026-11-01", "end": "2026-11-10"}]}, ORDERS, OPEN, True),
        ({"extra_cues": ["bookings"]}, "Our bookings doubled this month!", QUIET, True),
        ({}, "Our bookings doubled this month!", QUIET, False),
    ],
)
def test_settings_add_periods_and_cues(
    settings: dict[str, Any], text: str, posted_at: str, raised: bool
) -> None:
    assert bool(findings(policy_with(settings), text, posted_at)) is raised


@pytest.mark.parametrize(
    "text",
    [
        "Jag jobbar på Lumora och det här kvartalet har varit vårt starkaste någonsin.",
        "Grattis till säljteamet på Lumora som just landat avtalet med Noordhaven!",
        "I work at Lumora: our best quarter ever, and the team knows it.",
        "Ik werk bij Lumora. Onze Benelux-klanten bestelden dit kwartaal 35% meer CareLoop.",
        "Ik werk bij Lumora en we hebben net een grote deal binnengehaald!",
    ],
)
def test_a_record_period_a_landed_deal_and_more_orders_are_figures(
    policy: CompiledPolicy, text: str
) -> None:
    assert findings(policy, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Det här kvartalet har varit tufft för hela branschen.",
        "I ordered a pizza for the team, best Friday ever.",
    ],
)
def test_periods_and_orders_of_other_kinds_are_not(policy: CompiledPolicy, text: str) -> None:
    assert findings(policy, text) == [], text
