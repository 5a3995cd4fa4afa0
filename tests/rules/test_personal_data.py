"""personal_data: other people's contact details, ID, account and card numbers, and health."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from postwise.rules._personal.ids import REGISTRY, swedish_personal_number
from postwise.text.data import load_data
from tests.conftest import ORG


def policy_with(settings: dict[str, Any] | None = None, **org: Any) -> CompiledPolicy:
    """The dev organisation (regions SE, NL, GB) with only a personal_data rule."""
    data = starter_policy({**ORG, **org})
    data["rules"] = [
        {**rule, "settings": settings or {}}
        for rule in data["rules"]
        if rule["kind"] == "personal_data"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with()


def findings(policy: CompiledPolicy, text: str, language: str = "en") -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}})
    return [f for f in check(text, ctx, policy).findings if f.kind == "personal_data"]


def excerpts(policy: CompiledPolicy, text: str) -> list[str]:
    return [f.excerpt for f in findings(policy, text)]


@pytest.mark.parametrize(
    ("note", "text", "found"),
    [
        (
            "a personal address and a UK drama-range mobile written with +44",
            "Recruiters: reach her at priya.raman.dev@gmail.com or +44 7700 900362. Talented!",
            ["priya.raman.dev@gmail.com", "+44 7700 900362"],
        ),
        (
            "a Dutch mobile in national format and a personal address",
            "Bel of app Sanne de Wit, 06-4172 9385, of mail haar op sanne.dewit@ziggo.nl 🚗",
            ["06-4172 9385", "sanne.dewit@ziggo.nl"],
        ),
        (
            "a Swedish mobile with the usual spacing",
            "Ring Karin på 073-512 34 56 om du undrar.",
            ["073-512 34 56"],
        ),
        (
            "a UK mobile in national format",
            "Call Jenny on 07911 123456 if the van is late.",
            ["07911 123456"],
        ),
        (
            "a Swedish number written with 0046",
            "Nå honom på 0046 70 123 45 67 i kväll.",
            ["0046 70 123 45 67"],
        ),
        (
            "a personnummer with century and dash",
            "Hittade ett körkort: Johan Ek, 19860412-5388. Lämnat i biljettkontoret.",
            ["19860412-5388"],
        ),
        (
            "a personnummer in ten digits without dash",
            "Hon har personnummer 8507099805.",
            ["8507099805"],
        ),
        (
            "a personnummer with '+' for someone over a hundred",
            "Mormors nummer: 181228+9872.",
            ["181228+9872"],
        ),
        (
            "a samordningsnummer (day + 60)",
            "Mehmet Yilmaz fick sitt samordningsnummer idag, 920374-2813, så nu kan han få lön",
            ["920374-2813"],
        ),
        (
            "a BSN next to its cue word",
            "Rijbewijs gevonden: Bram Visser, BSN 174629850.",
            ["174629850"],
        ),
        (
            "a BSN next to a person's name",
            "Rijbewijs van Jan de Vries, 174629850, ligt hier.",
            ["174629850"],
        ),
        (
            "a Swedish IBAN with spaces",
            "Sätt in en slant: SE44 8000 0832 7900 0013 4567 (Karin Berg) 🧡",
            ["SE44 8000 0832 7900 0013 4567"],
        ),
        (
            "a Dutch IBAN with a short last group",
            "Maak niks over naar NL43 RABO 0312 8475 61 t.n.v. R. Bakker!",
            ["NL43 RABO 0312 8475 61"],
        ),
        (
            "an IBAN without spaces",
            "IBAN: NL91ABNA0417164300 (Stichting Vrienden).",
            ["NL91ABNA0417164300"],
        ),
        (
            "a Visa number in groups of four",
            "Name on it is L. Hendriks, number 4539 1488 0343 6467, exp 09/28.",
            ["4539 1488 0343 6467"],
        ),
        (
            "an Amex number in 4-6-5 groups",
            "Amex 3782 822463 10005 left at the desk.",
            ["3782 822463 10005"],
        ),
    ],
)
def test_contact_details_and_numbers_that_pass_their_checks_are_found(
    policy: CompiledPolicy, note: str, text: str, found: list[str]
) -> None:
    assert excerpts(policy, text) == found, note


@pytest.mark.parametrize(
    ("note", "text", "found"),
    [
        (
            "an address with (at) and (dot)",
            "Reach Karin at karin.lund (at) gmail (dot) com about the bike.",
            ["karin.lund (at) gmail (dot) com"],
        ),
        (
            "an address with [at] and a real dot",
            "Mail Pieter: pieter.jansen[at]kpnmail.nl",
            ["pieter.jansen[at]kpnmail.nl"],
        ),
        (
            "a Swedish address with a plain 'at' and 'dot'",
            "Skriv till Olle på olle.berg at hotmail dot se om soffan.",
            ["olle.berg at hotmail dot se"],
        ),
        (
            "a Swedish address with 'snabel-a' and 'punkt'",
            "Mejla henne: sara.nyberg(snabel-a)outlook(punkt)com",
            ["sara.nyberg(snabel-a)outlook(punkt)com"],
        ),
        (
            "a Dutch address with 'apenstaartje'",
            "Stuur een mailtje naar femke.bos (apenstaartje) ziggo.nl",
            ["femke.bos (apenstaartje) ziggo.nl"],
        ),
        (
            "an address in capitals AT and DOT",
            "Zijn mail: joris AT bosadvies DOT nl",
            ["joris AT bosadvies DOT nl"],
        ),
    ],
)
def test_addresses_written_to_fool_harvesters_are_still_addresses(
    policy: CompiledPolicy, note: str, text: str, found: list[str]
) -> None:
    assert excerpts(policy, text) == found, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("'at' in prose before a web site", "Find us at www.example.com or at booth 12."),
        ("'at' after an apostrophe", "I'm at gmail.com's office today."),
        ("a team at a domain without a sign of an address", "Our team at Lumora dot com grows."),
        ("a role mailbox written with (at)", "Questions: info (at) fibernord (dot) se"),
        ("the organisation's press mailbox with [at]", "Press: press [at] lumorahealth [dot] com"),
        ("a password in a database link", "DATABASE_URL=postgres://app:S3cr3t@db.internal:5432/x"),
        ("'at' before a time", "See you at 10.30 in room B."),
        ("a template of an address", "Format: firstname.lastname@company.com for everyone."),
        ("a Dutch template", "Mail gaat naar voornaam.achternaam@bedrijf.nl bij ons."),
        ("a Swedish template", "Skriv till förnamn.efternamn@foretaget.se så kommer det fram."),
    ],
)
def test_at_and_dot_in_ordinary_text_raise_nothing(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "found"),
    [
        ("a Swedish mobile without spaces", "Ring Maja på 0701234567 ikväll.", ["0701234567"]),
        ("a Swedish mobile in pairs", "Ring Maja på 070-12 34 567.", ["070-12 34 567"]),
        ("a Swedish mobile with dots", "Ring Maja på 070.123.45.67", ["070.123.45.67"]),
        (
            "a Swedish number with (0) after the country code",
            "Ring Maja på +46 (0)70 123 45 67.",
            ["+46 (0)70 123 45 67"],
        ),
        ("a Stockholm landline", "Maja hemma: 08-123 456 78", ["08-123 456 78"]),
        ("a Dutch mobile in pairs", "Bel Daan op 06 - 12 34 56 78.", ["06 - 12 34 56 78"]),
        ("a Dutch mobile with a slash", "Tel. Daan: 06/12345678", ["06/12345678"]),
        ("a Dutch mobile with +316", "App Daan op +316 12345678", ["+316 12345678"]),
        ("an Amsterdam landline in brackets", "Bel Daan op (020) 123 4567.", ["(020) 123 4567"]),
        ("a UK drama-range mobile", "Text Olivia on 07700 900123.", ["07700 900123"]),
        ("a UK mobile with a dash", "Text Olivia on 07700-900456.", ["07700-900456"]),
        ("a London landline", "Call Olivia on 020 7946 0958.", ["020 7946 0958"]),
        ("a UK number with 0044", "Call Olivia on 0044 7700 900123.", ["0044 7700 900123"]),
    ],
)
def test_phone_numbers_are_found_in_the_ways_people_write_them(
    policy: CompiledPolicy, note: str, text: str, found: list[str]
) -> None:
    assert excerpts(policy, text) == found, note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a personnummer whose Luhn digit is wrong", "Personnummer 850709-9806 på en lapp."),
        ("a personnummer with an impossible date", "Personnummer 851332-9805 på en lapp."),
        ("a coordination number whose Luhn digit is wrong", "Samordningsnummer 920374-2814."),
        ("a BSN that fails the 11-proof", "Mijn buurman Jan de Vries heeft BSN 174629851."),
        ("a card number that fails Luhn", "Kaartnummer 4539 1488 0343 6468 is ongeldig."),
        ("sixteen digits with no card issuer's prefix", "Referentie 1234 5678 9012 3452."),
        ("an IBAN that fails mod-97", "Rekening NL91 ABNA 0417 1643 01 klopt niet."),
        (
            "a case number that looks like a personnummer",
            "@FiberNordSE tre veckor utan fiber, ärendenummer 260929-0043, ingen återkoppling.",
        ),
        (
            "an order number that could be a phone without its 0",
            "Ordernummer 583019247, klantenservice zegt elke dag 'morgen'. Balen.",
        ),
        (
            "a ticket number that is a valid phone number",
            "Ticket number 0612345678 still open after two weeks.",
        ),
        (
            "a nine-digit number with no cue or name, whatever its 11-proof",
            "Het nummer 111222333 klopt niet.",
        ),
        ("a Dutch policy number", "Polisnummer 0612345678, schade gemeld."),
        ("a Swedish contract number", "Avtalsnummer 0701234567 gäller till 2027."),
        ("an abbreviated customer number", "Klantnr 0612345678, nog steeds geen reactie."),
        ("a masked personnummer", "Personnummer 850709-XXXX på blanketten."),
        ("a masked card number", "Paid with **** **** **** 4242, fine."),
        ("a date", "The meeting is on 03-03-2026 at 10:00."),
        ("opening hours", "Öppettider 08.30–16.30, lunchstängt 12–13."),
        ("a premium-rate service number", "Bel 0900-8844 voor de politie (geen spoed)."),
        ("an organisation's switchboard", "Reach our reception at +31 30 123 4567 today."),
        (
            "a free number in one country that is a landline in another, in Swedish",
            "Ring gratis på 020-555 01 23 om du har frågor.",
        ),
        ("a postcode and street number", "Ons adres: Padualaan 8, 3584 CH Utrecht."),
        ("a big amount", "Intäkterna landade på 12 345 678 kr."),
        ("an ISBN", "ISBN 978-91-7424-123-4, finns på biblioteket."),
        (
            "the organisation's public contact",
            "Journalists: please use press@lumorahealth.com rather than my DMs 🙂",
        ),
        (
            "any address at the organisation's own domain",
            "Questions? Ask jan.devries@lumorahealth.com.",
        ),
        ("a role mailbox of another organisation", "Write to support@fibernord.se, quick reply."),
        ("an example address", "Template: firstname.lastname@example.com"),
        ("a Mastodon handle", "Follow me on Mastodon: @anna@mastodon.social"),
        ("the author's own address", "Mail me at anna.svensson@outlook.com for the slides."),
        ("the author's own number", "Nya numret till mig är 073-512 34 56, spara det!"),
    ],
)
def test_numbers_that_fail_their_checks_and_innocent_look_alikes_raise_nothing(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text", "term"),
    [
        (
            "a named colleague's treatment",
            "Sending strength to my colleague Mark Verhoeven, who started chemotherapy for his "
            "lymphoma this week.",
            "chemotherapy",
        ),
        (
            "a Swedish colleague's cancer, inflected",
            "Vår kollega Linnea Berg har fått beskedet att cancern är tillbaka.",
            "cancern",
        ),
        (
            "a relation without a name",
            "My mum was diagnosed with breast cancer last spring.",
            "was diagnosed",
        ),
        (
            "a Swedish colleague on sick leave",
            "Min kollega Sara är sjukskriven för utmattning.",
            "sjukskriven",
        ),
        (
            "a named Dutch colleague at home ill",
            "Kees Jansen is ziek thuis, dus de demo schuift.",
            "ziek thuis",
        ),
        (
            "a Dutch colleague seriously ill",
            "Onze collega Pieter is ernstig ziek, stuur een kaart.",
            "ernstig ziek",
        ),
        (
            "someone identified through another person",
            "Erik är ledig några veckor. Hans fru har fått diagnosen bröstcancer.",
            "fått diagnosen",
        ),
        (
            "an operation, as someone's operation",
            "My colleague Anna is recovering from knee surgery, flowers welcome!",
            "knee surgery",
        ),
        (
            "a pronoun pointing back at a named person",
            "Tom Baker is away for a while. He had a stroke last week.",
            "had a stroke",
        ),
    ],
)
def test_health_details_about_someone_else_are_found(
    policy: CompiledPolicy, note: str, text: str, term: str
) -> None:
    found = findings(policy, text)
    assert [f.excerpt for f in found] == [term], note
    assert found[0].fix is None  # nothing to mask: the author should ask or leave it out


@pytest.mark.parametrize(
    ("note", "text", "term"),
    [
        (
            "a relative's pneumonia",
            "My sister was admitted to hospital with pneumonia.",
            "admitted to hospital",
        ),
        (
            "a teammate's medication",
            "Our teammate Raj is on antidepressants and doing better.",
            "on antidepressants",
        ),
        (
            "a named person's transplant",
            "Jake Moss is recovering from a kidney transplant.",
            "kidney transplant",
        ),
        ("a pregnancy", "Sophie Turner from legal is pregnant and due in May!", "pregnant"),
        (
            "a broken hip, through a pronoun",
            "Please keep Omar in your thoughts, he broke his hip.",
            "broke his hip",
        ),
        (
            "Swedish: a manager's operation",
            "Vår chef Anna ska opereras för bröstcancer i maj.",
            "ska opereras",
        ),
        (
            "Swedish: a friend's medication",
            "Min vän Sara går på antidepressiva och mår bättre.",
            "går på antidepressiva",
        ),
        (
            "Swedish: a colleague's broken leg",
            "Vår kollega Ahmed har brutit benet.",
            "brutit benet",
        ),
        (
            "Swedish: a father in hospital",
            "Pappa är inlagd på sjukhus med lunginflammation.",
            "är inlagd",
        ),
        (
            "Dutch: a colleague with pneumonia",
            "Onze collega Fatima heeft een longontsteking.",
            "longontsteking",
        ),
        ("Dutch: a broken hip", "Mijn moeder heeft een gebroken heup.", "gebroken heup"),
        ("Dutch: a pregnancy", "Onze stagiaire Noor is zwanger van de tweede.", "zwanger"),
        (
            "Dutch: in intensive care",
            "Mijn schoonvader ligt op de IC na een hartinfarct.",
            "ligt op de ic",
        ),
        (
            "Dutch: in hospital, an adverbial before it",
            "Onze collega Sanne de Wit ligt sinds gisteren in het ziekenhuis.",
            "in het ziekenhuis",
        ),
        (
            "Swedish: in hospital, 'i går' before it",
            "Min kollega Anna Berg ligger sedan i går på sjukhuset.",
            "på sjukhuset",
        ),
        (
            "Swedish: in hospital with an illness",
            "Krya på dig Johan Ek, som ligger inne med feber.",
            "ligger inne med",
        ),
        (
            "an allergic reaction",
            "My colleague Omar had a nasty allergic reaction last night.",
            "allergic reaction",
        ),
        (
            "Swedish: anaphylactic shock",
            "Vår granne Birgitta fick en anafylaktisk chock i helgen.",
            "anafylaktisk chock",
        ),
        (
            "Dutch: an allergic reaction",
            "Onze collega Bram kreeg een allergische reactie op de prik.",
            "allergische reactie",
        ),
    ],
)
def test_a_broad_range_of_conditions_treatments_and_stays_is_health(
    policy: CompiledPolicy, note: str, text: str, term: str
) -> None:
    assert [f.excerpt.lower() for f in findings(policy, text)] == [term.lower()], note


@pytest.mark.parametrize(
    ("note", "text", "term"),
    [
        (
            "a given name inside the sentence",
            "Sending love to Maud, who had a mild stroke.",
            "stroke",
        ),
        (
            "a given name before a department",
            "Toby from finance broke his ankle skiing.",
            "broke his ankle",
        ),
        ("Swedish: a name before a department", "Hanna på HR är gravid igen!", "gravid"),
        ("Swedish: thinking of someone", "Tänker på Emil som opereras idag.", "opereras"),
        (
            "Swedish: grandad on his own",
            "Morfar hamnade på akuten med en propp i hjärnan.",
            "hamnade på akuten",
        ),
        ("Dutch: grandma on her own", "Oma heeft alzheimer en herkent ons niet meer.", "alzheimer"),
        (
            "Dutch: a name before a department",
            "Gerrit van de receptie zit thuis met een burn-out.",
            "burn-out",
        ),
        ("an abbreviation in capitals", "Her husband has MS and needs help with stairs.", "MS"),
        ("a name with a possessive", "Please pray for Anna's recovery after her chemo.", "chemo"),
        ("a name before a relation", "Tom's wife had a stroke last night.", "had a stroke"),
        ("Swedish: a genitive before a relation", "Toms fru har fått cancer.", "cancer"),
        ("Swedish: an abbreviation in capitals", "Vår granne Birgitta har ALS.", "ALS"),
    ],
)
def test_people_named_by_first_name_or_kinship_alone_are_recognised(
    policy: CompiledPolicy, note: str, text: str, term: str
) -> None:
    found = [f.excerpt for f in findings(policy, text)]
    assert [e.lower() for e in found] == [term.lower()], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a title, not the abbreviation", "Our colleague Ms Berg chairs the panel."),
        ("Dutch 'als' is not the disease", "Onze collega Bram vroeg of het Als zo blijft."),
        (
            "a topic after a named speaker",
            "Great panel with Tom Lee and Sara Ek on living with MS.",
        ),
        ("Dutch: a topic after 'over'", "Mooi gesprek met Fatima over leven met diabetes."),
        ("Swedish: research through a pronoun", "Jag träffade Johan, där han forskar på leukemi."),
        ("people in general after a name", "Anna Berg met patients with diabetes in Malmö."),
        ("Dutch: fed up, not ill", "Mijn collega Rob is zo ziek van die vergaderingen."),
        ("English: fed up, not ill", "My colleague Tom is sick of meetings, honestly."),
        ("Swedish: nerves before a report", "Vår chef Anna har ångest inför kvartalsrapporten."),
        ("business operations", "Sara Ek leads operations in Uppsala."),
        (
            "a relative who works in a hospital",
            "Mijn zus werkt in het ziekenhuis als verpleegkundige.",
        ),
        ("a nurse in intensive care", "Happy to welcome Fatima, our new nurse in intensive care!"),
        ("a product modifier", "Lisa from marketing designed our new asthma inhaler campaign."),
        ("the author's stroke and a hospital's name", "I was rushed to Sahlgrenska with a stroke."),
        (
            "a place after a preposition",
            "Back from a week in Leiden with bronchitis and pneumonia.",
        ),
        ("a stroke of luck", "Meeting Anna Berg was a stroke of luck."),
        ("a role for a condition", "Meet Jan Bakker, our new medical lead for multiple sclerosis."),
        (
            "a field of work in Dutch",
            "Felicitaties aan Fatima voor haar promotie op het gebied van astma!",
        ),
        ("a field of work in Swedish", "Välkommen Sara Ek, vår nya projektledare inom diabetes!"),
        ("a condition as a hashtag", "Great walk with Tom Lee today #diabetes #type2diabetes"),
        (
            "a market, not a person",
            "Read Prentis Pharma's numbers: diabetes sales up 9%, says Tom Lee.",
        ),
    ],
)
def test_health_words_that_are_topics_places_or_idioms_raise_nothing(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("the author's own health", "I was diagnosed with lymphoma in 2019 and I'm fine now."),
        ("the author's own leg", "Back at work after six weeks with my leg in plaster."),
        ("Swedish: the author is on sick leave", "Jag är sjukskriven två veckor till."),
        ("Dutch: the author is ill", "Ik ben zelf ziek thuis vandaag, dus geen standup."),
        (
            "a compound about research, not a person",
            "Ik werk bij Lumora en twaalf collega's fietsen mee voor kankeronderzoek.",
        ),
        (
            "a field of research after a name",
            "Anna Berg presented our new cancer research pipeline today.",
        ),
        ("a talk on a topic", "Thanks to Dr Maria Lopez for a great session on depression."),
        ("a product for a condition", "Anna Berg won the innovation award for our diabetes app!"),
        ("an unnamed visitor", "One visitor told me she has had cancer twice."),
        ("Swedish slang 'sjukt bra'", "Sara Ek är sjukt bra på Excel."),
        ("the author's own allergic reaction", "I had an allergic reaction to the plasters."),
        ("Dutch: the author's own reaction", "Ik had een allergische reactie op pinda's."),
        ("Swedish: a hospital as a workplace", "Anna Berg jobbar på sjukhuset i Lund."),
        ("English 'I' after a name", "Anna Berg and I met on the train; I was in hospital."),
        ("Dutch slang 'ziek goed'", "Dat was ziek goed, Kees Jansen!"),
        ("an awareness day with names", "World Cancer Day: Anna Berg and Tom Lee explain."),
        ("a list of topics", "Vår kollega Anna forskar om cancer och leukemi."),
        ("a department", "Anna Berg, head of surgery at UMC Utrecht, opened the symposium."),
        ("a topic after a verb", "Tom Lee on how to prevent burnout in teams, great talk."),
        ("a role around a condition", "Mark Verhoeven, our diabetes nurse, got the team award."),
    ],
)
def test_health_words_not_about_another_person_raise_nothing(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "Bram Visser, BSN 174629850.", "BSN"),
        ("sv", "Johan Ek, 19860412-5388.", "personnummer"),
        ("sv", "Mehmet, samordningsnummer 920374-2813.", "samordningsnummer"),
        ("nl", "Maak over naar NL43 RABO 0312 8475 61.", "IBAN"),
    ],
)
def test_messages_name_the_data_in_the_authors_language_and_offer_a_mask(
    policy: CompiledPolicy, language: str, text: str, words: str
) -> None:
    (finding,) = findings(policy, text, language)
    assert finding.language == language and words in finding.message
    assert finding.excerpt not in finding.message
    assert finding.fix is not None and finding.fix.text == "••••"


def test_allowed_addresses_domains_and_numbers_are_fine() -> None:
    policy = policy_with({"allow": ["anna@partner.org", "@friends.nl", "06-4172 9385"]})
    text = "Mail anna@partner.org or kees@friends.nl, or Sanne de Wit on +31 6 41729385."
    assert excerpts(policy, text) == []


def test_kinds_choose_which_data_to_look_for() -> None:
    policy = policy_with({"kinds": ["iban"]})
    text = "Sanne de Wit: sanne.dewit@ziggo.nl, 06-4172 9385, NL43 RABO 0312 8475 61."
    assert excerpts(policy, text) == ["NL43 RABO 0312 8475 61"]


def test_national_ids_and_phones_follow_the_regions() -> None:
    norway = "Fødselsnummer 15076500565 til Kari Nordmann."
    assert excerpts(policy_with(), norway) == []
    assert excerpts(policy_with({"regions": ["NO"]}), norway) == ["15076500565"]
    dutch = "Bel Pieter op 06 12345678."
    assert excerpts(policy_with(regions=["GB"]), dutch) == []
    assert excerpts(policy_with(regions=["NL"]), dutch) == ["06 12345678"]


@pytest.mark.parametrize(
    ("number", "name"),
    [
        ("19860412-5388", "personnummer"),
        ("860412-5388", "personnummer"),
        ("8604125388", "personnummer"),
        ("198604125388", "personnummer"),
        ("181228+9872", "personnummer"),
        ("920374-2813", "samordningsnummer"),
        ("19920374-2813", "samordningsnummer"),
        ("860412-5389", None),
        ("920314-2813", None),
        ("260929-0043", None),
        ("20860412-5388", None),
    ],
)
def test_swedish_personal_numbers_reuse_stdnum_for_both_kinds(
    number: str, name: str | None
) -> None:
    assert swedish_personal_number(number) == name


def test_the_registry_has_one_entry_per_country() -> None:
    countries = [entry.country for entry in REGISTRY]
    assert len(countries) == len(set(countries))
    assert {"SE", "NL"} <= set(countries)


@pytest.mark.parametrize("language", ["en", "sv", "nl"])
def test_every_message_exists_in_every_language(language: str) -> None:
    english = load_data("messages", "en", "personal_data.yaml")
    assert set(load_data("messages", language, "personal_data.yaml")) == set(english)


def test_every_lexicon_entry_is_text() -> None:
    """YAML reads a bare `on` or `no` as a boolean; every word list must stay words."""

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert isinstance(value, str), value

    for name in ("health.yaml", "people.yaml", "numbers.yaml", "email.yaml"):
        walk(load_data("lexicons", "personal_data", name))
