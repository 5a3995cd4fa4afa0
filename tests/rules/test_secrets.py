"""secrets: keys and tokens of known shapes, private keys, and credentials given in words."""

from __future__ import annotations

from typing import Any

import pytest

from postwise import CompiledPolicy, Context, Finding, check, load_policy_text
from postwise.policy.starter import dump_policy, starter_policy
from postwise.text.data import load_data
from tests.conftest import ORG

AWS_POST = (
    "Config below, the bucket policy looks fine to me\n\n[default]\n"
    "aws_access_key_id = AKIADOUAHDSD7JLB5SPM\n"
    "aws_secret_access_key = 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\nregion = eu-central-1"
)
KEY_BLOCK = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    "QyNTUxOQAAACBJE7V1bUBs1nDSkXz7mJdtF5q5NWZwLUNHqlzYuCGWdOl+bo+a3dnBKDeE\n"
    "-----END OPENSSH PRIVATE KEY-----"
)
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi"
    "aWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


def policy_with(settings: dict[str, Any] | None = None) -> CompiledPolicy:
    """The dev organisation with only a secrets rule."""
    data = starter_policy(ORG)
    data["rules"] = [
        {**rule, "settings": settings or {}} for rule in data["rules"] if rule["kind"] == "secrets"
    ]
    return load_policy_text(dump_policy(data), "test policy")


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return policy_with()


def findings(policy: CompiledPolicy, text: str, language: str = "en") -> list[Finding]:
    ctx = Context.from_data({"author": {"language": language}})
    return [f for f in check(text, ctx, policy).findings if f.kind == "secrets"]


def excerpts(policy: CompiledPolicy, text: str) -> list[str]:
    return [f.excerpt for f in findings(policy, text)]


@pytest.mark.parametrize(
    ("note", "text", "secret"),
    [
        ("an AWS access key id in a pasted config", AWS_POST, "AKIADOUAHDSD7JLB5SPM"),
        (
            "the AWS secret key after its name in the same config",
            AWS_POST,
            "JSNRhDGwDMg3dVHdQeC/r+hX8+NZG8vPCJC3iJBS",
        ),
        (
            "a GitHub personal access token in a note to self",
            "note to self: ghp_Hrop8DoWticfghdT65aSNCTMUTNORvIo6yBw is the token for CI",
            "ghp_Hrop8DoWticfghdT65aSNCTMUTNORvIo6yBw",
        ),
        (
            "a Slack bot token in a Swedish question",
            "Kör med token xoxb-638888741580-2317665735066-GPDwuJlLkqzmeJUWoGBlOQu1 och scopes",
            "xoxb-638888741580-2317665735066-GPDwuJlLkqzmeJUWoGBlOQu1",
        ),
        (
            "a Stripe live key",
            "Stripe: sk_live_4eC39HqLyjWDarjtT1zdp7dc works in prod",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        ),
        ("a whole JWT, signature included", f"Bearer token: {JWT}", JWT),
        ("a private key block, from BEGIN to END", f"Dit is mijn key:\n\n{KEY_BLOCK}", KEY_BLOCK),
        (
            "a password in a clone link",
            "git clone https://deploy:Xk82mQ93@git.example.org/r.git",
            "deploy:Xk82mQ93",
        ),
        (
            "a Google API key that detect-secrets does not know",
            "Here's my key AIzaSyD3xVtQ8mK2pL9sN4rT6uW1yZ0aB5cE7fG for the maps demo",
            "AIzaSyD3xVtQ8mK2pL9sN4rT6uW1yZ0aB5cE7fG",
        ),
        (
            "an api_key assignment",
            'api_key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"',
            "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        ),
    ],
)
def test_keys_and_tokens_of_known_shapes_are_found_and_masked(
    policy: CompiledPolicy, note: str, text: str, secret: str
) -> None:
    found = [f for f in findings(policy, text) if f.excerpt == secret]
    assert found, f"{note}: got {excerpts(policy, text)}"
    fix = found[0].fix
    assert fix is not None and fix.text == "••••"
    assert secret not in fix.apply(text)


@pytest.mark.parametrize(
    ("note", "text", "secret"),
    [
        (
            "a wifi password in Swedish with a place in between",
            "Fikan är på fredagar och wifi-lösenordet i labbet är Lab$Malmo2026 😊",
            "Lab$Malmo2026",
        ),
        (
            "a Dutch bike-shed PIN after a long qualifier",
            "Handig om te weten: de pincode van de fietsenstalling achter het gebouw is 4821 en de "
            "koffie staat boven",
            "4821",
        ),
        (
            "a Dutch password that 'is now' something",
            "Collega's: het wachtwoord van het gedeelde Canva-account is nu Tulpen#Design24. Graag "
            "niet aanpassen",
            "Tulpen#Design24",
        ),
        (
            "an English wifi password with a colon",
            "Our guest wifi password: CoffeeTime42",
            "CoffeeTime42",
        ),
        (
            "a password changed 'to' something",
            "I changed my password to Kaffe2026 just now",
            "Kaffe2026",
        ),
        (
            "a password with no verb at all",
            "Guest wifi password Lumora2026! (ask reception)",
            "Lumora2026",
        ),
        ("a PIN with no verb at all", "PIN 4821 for the bike shed.", "4821"),
        ("a Swedish door code", "Dörrkoden till labbet är 2580, glöm inte att stänga.", "2580"),
        ("a bare Swedish 'koden' with a PIN", "Koden till porten är 4711, välkomna!", "4711"),
        (
            "a Dutch door code with a hash key",
            "De deurcode is 2580# en de kluis is dicht.",
            "2580#",
        ),
        ("a Swedish password after a colon", "Nytt lösen för wifi: Kanelbulle#7", "Kanelbulle#7"),
        ("a closed compound of password", "Het gastwachtwoord is Welkom2026!", "Welkom2026"),
        (
            "a Swedish qualifier with a colon inside a word",
            "Lösenordet till wifi:t är Fika2026!",
            "Fika2026",
        ),
        (
            "a password with inner capitals and no digits",
            "My new password is ThisIsMyPassword and I love it",
            "ThisIsMyPassword",
        ),
        (
            "a door code given in the next clause as 'new one'",
            "Door code for the Lund office changed today, new one is 5831 — see you Friday",
            "5831",
        ),
        ("a Swedish door code as 'nya'", "Portkoden till kontoret är bytt, nya: 5831.", "5831"),
        (
            "a Dutch door code as 'de nieuwe'",
            "De deurcode van het kantoor is veranderd, de nieuwe is 5831.",
            "5831",
        ),
        (
            "a Swedish code changed to a value after a qualifier with 'till'",
            "Koden till förrådet har ändrats till 8824.",
            "8824",
        ),
        (
            "a Dutch password that is 'vandaag' something",
            "Het wifi-wachtwoord voor gasten is vandaag Kievit2026.",
            "Kievit2026",
        ),
        ("a code answered after a question mark", "The new door code? 9163.", "9163"),
        (
            "a Swedish password set off by commas",
            "Jag fick ett tillfälligt lösenord, Hosta!Vinter44, men det funkade inte.",
            "Hosta!Vinter44",
        ),
        (
            "an English password in brackets",
            "The wifi password (Lumora#2026) is on the board.",
            "Lumora#2026",
        ),
        (
            "a Dutch password set off by commas",
            "Het wachtwoord, Tulp#2024, werkt niet.",
            "Tulp#2024",
        ),
    ],
)
def test_credentials_given_in_words_are_found_in_en_sv_nl(
    policy: CompiledPolicy, note: str, text: str, secret: str
) -> None:
    assert excerpts(policy, text) == [secret], note


@pytest.mark.parametrize(
    ("note", "text", "secret"),
    [
        (
            "an English safe code read out digit by digit",
            "The code for the safe in room 4 is 3-9-1-7, spin the dial back afterwards.",
            "3-9-1-7",
        ),
        ("a door code with spaces", "Door code for the basement: 4 7 1 9", "4 7 1 9"),
        ("a locker combination in pairs", "The locker combination is 27-14-03.", "27-14-03"),
        ("a Swedish alarm code with dashes", "Larmkoden är 1-9-7-3 om du kommer först.", "1-9-7-3"),
        ("a Swedish safe code", "Kassaskåpets kod är 8 3 1 2.", "8 3 1 2"),
        ("a Dutch code in two pairs", "De pincode van de printer is 09 41.", "09 41"),
        ("a Dutch padlock combination", "De combinatie van het hangslot is 1-2-9-4.", "1-2-9-4"),
    ],
)
def test_codes_written_with_separators_are_found(
    policy: CompiledPolicy, note: str, text: str, secret: str
) -> None:
    assert excerpts(policy, text) == [secret], note


@pytest.mark.parametrize(
    ("note", "text", "secret"),
    [
        (
            "a key safe that opens with a code",
            "The key safe next to the loading bay opens with 5126.",
            "5126",
        ),
        ("a back door with a keypad", "The back door opens with 2468 after six.", "2468"),
        ("a Swedish key cabinet", "Nyckelskåpet öppnar du med 6613.", "6613"),
        ("a Swedish gate that has a code", "Porten har kod 7731 efter klockan 18.", "7731"),
        ("a Swedish code lock that just has it", "Kodlåset på cykelrummet har 2468.", "2468"),
        ("a Dutch key box", "Het sleutelkastje bij de balie gaat open met 4419.", "4419"),
        ("a Dutch back door, in pairs", "De achterdeur gaat open met 24 68.", "24 68"),
        ("a Swedish compound of safe and code", "Kassaskåpskoden: 5502", "5502"),
        ("a Dutch compound of locker and code", "Lockercode 3390, niet doorvertellen", "3390"),
        ("an English padlock code", "Padlock code is 7702 for the van.", "7702"),
    ],
)
def test_doors_safes_and_lockers_with_their_codes_are_found_in_en_sv_nl(
    policy: CompiledPolicy, note: str, text: str, secret: str
) -> None:
    assert excerpts(policy, text) == [secret], note


@pytest.mark.parametrize(
    ("note", "text", "secret"),
    [
        ("an admin login as a pair", "The admin login is admin / Hunter2024!", "Hunter2024"),
        ("a Swedish login with a colon", "Inlogg till kameran: viewer:Sommar2026", "Sommar2026"),
        (
            "Dutch login details",
            "Inloggegevens voor de demo: gast / Tulp#2024",
            "Tulp#2024",
        ),
        (
            "a connection string stops at the next setting",
            "Server=db01;User ID=app;Password=Wq3!kLm9#pZ;Encrypt=True",
            "Wq3!kLm9#pZ",
        ),
    ],
)
def test_user_names_with_passwords_give_the_password_away(
    policy: CompiledPolicy, note: str, text: str, secret: str
) -> None:
    assert excerpts(policy, text) == [secret], note


@pytest.mark.parametrize(
    ("note", "text", "secret"),
    [
        (
            "a value given before its keyword",
            "Log in with Sommar2026! as the password.",
            "Sommar2026",
        ),
        (
            "Dutch: a value before 'als wachtwoord'",
            "Gebruik Tulp#2024 als wachtwoord voor de gast.",
            "Tulp#2024",
        ),
        (
            "Swedish: a value before 'som lösenord'",
            "Använd Kanelbulle7 som lösenord tills vidare.",
            "Kanelbulle7",
        ),
        (
            "an answer to the keyword as a question",
            "Forgot the wifi password? It's Lumora2026!",
            "Lumora2026",
        ),
        (
            "Dutch: an answer to the question",
            "Wachtwoord vergeten? Het is Fietsbel42.",
            "Fietsbel42",
        ),
        ("Swedish: an answer to the question", "Lösenordet? Det är Fika2026.", "Fika2026"),
        (
            "Swedish: a password changed to a value",
            "Wifi-lösenordet har ändrats till Fika#2026.",
            "Fika#2026",
        ),
        (
            "Dutch: a password set to a value",
            "Het wachtwoord is ingesteld op Zomer!2025.",
            "Zomer!2025",
        ),
    ],
)
def test_values_given_before_the_keyword_or_as_an_answer_are_found(
    policy: CompiledPolicy, note: str, text: str, secret: str
) -> None:
    assert excerpts(policy, text) == [secret], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("a factory default PIN", "The default PIN is 0000, so change it on day one."),
        ("a tool used as the password manager", "Use Bitwarden as the password manager."),
        ("advice on what to use as a password", "Use a long passphrase as your password."),
        ("a question answered with a link", "Wachtwoord vergeten? Klik op de link."),
        ("Swedish: a question answered with a person", "Lösenordet? Fråga IT."),
        ("a straight run as an example", "Your PIN should not be 1234. Koden är inte 4321 heller."),
        ("a code that is an example run", "De pincode is 1-2-3-4 in de demo."),
        ("a template variable", "password: ${DB_PASSWORD}"),
        ("an environment variable", "API_KEY=$OPENAI_API_KEY in the workflow file"),
        ("a placeholder in angle brackets", "Wachtwoord: <jouw-wachtwoord-hier>"),
        ("a date after 'code'", "The code is valid until 12-03, then it rotates."),
        ("a storage room's size", "Förrådet har 1200 kvadratmeter nu."),
        ("a safe's contents", "De kluis heeft 2000 euro inhoud."),
        ("doors that open at a time", "The doors open at 1900 on Friday."),
        ("a score is not a code", "Score was 2-1 at half time, code red for the defence."),
        ("a length range", "Koden är 4-6 siffror lång."),
        ("source code", "De code is veranderd, vraag het aan Kim."),
    ],
)
def test_defaults_templates_and_numbers_that_are_no_code_raise_nothing(
    policy: CompiledPolicy, note: str, text: str
) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("note", "text"),
    [
        (
            "security advice that names passwords without giving one",
            "PSA: use a password manager, turn on 2FA, and never reuse a password. Adding the "
            "current year to your old password does not make it a new one 🔐",
        ),
        (
            "a commit hash in prose is not a token",
            "Unrelated: the date-parsing fix is in commit 3f9a2c17e4b8 if you were following.",
        ),
        (
            "a long hex digest on its own is not a token either",
            "Checksum: 9b74c9897bac770ffc029102a200c5de, compare before installing.",
        ),
        (
            "Swedish advice to change passwords",
            "Påminnelse: byt lösenord om du använder samma överallt, slå på tvåstegsverifiering.",
        ),
        ("a masked value", "Wachtwoord: ********* — zo hoort het eruit te zien."),
        ("a value hidden with bullets", "Password: •••••••• looks safer on screenshots."),
        ("an ordinary word after 'is'", "The password is wrong again, third time today."),
        ("Swedish: the password is too short", "Lösenordet är för kort, enligt systemet."),
        ("Dutch: the password has expired", "Het wachtwoord is verlopen, dus even resetten."),
        ("a password manager's name", "The password manager is 1Password, use it."),
        ("a length requirement", "Use a strong password: at least 12 characters."),
        ("a PIN's length", "The PIN is 4 digits long."),
        ("a Swedish length", "Koden är 12 tecken lång."),
        ("a Dutch validity period", "De code is 2 minuten geldig."),
        ("a discount code is not a credential", "The discount code is SUMMER24, enjoy!"),
        ("source code on GitHub", "The code is on GitHub: https://github.com/acme/tool"),
        ("a conference called Code 2026", "Code 2026 conference starts Monday!"),
        ("a code of conduct", "Our code of conduct is 2026 ready."),
        ("the secret of success", "The secret is patience, and 42 is the answer."),
        ("a policy, not a password", "Our password policy 2026 is live on the intranet."),
        (
            "a Swedish reference to last year's password",
            "Lösenordet är samma som förra året, fråga Anna.",
        ),
        ("a link with a slug and a year", "Our report is out: https://www.example.com/report-2025"),
        ("a postcode", "Postcode is 3584 CS, Utrecht."),
        ("a new code still to come", "The door code changed, new one is coming Monday."),
        ("a new Swedish password, no value", "Lösenordet byttes i går, nya gäller från 2026."),
        ("a Dutch new one, a date", "De deurcode is veranderd; de nieuwe is 12-03."),
        ("a Swedish aside after the password", "Lösenordet, som du vet, är hemligt."),
        ("a list after the password", "Reset your password, 2FA and recovery codes today."),
        ("a question, then advice", "Forgot your password? Reset it here."),
        ("a Dutch question, then advice", "Wachtwoord vergeten? 2FA helpt."),
        ("a trivial code after a question", "What's the PIN? 1234."),
        (
            "Swedish: changed to the usual one",
            "Lösenordet till förrådet har ändrats till det vanliga.",
        ),
    ],
)
def test_innocent_look_alikes_raise_nothing(policy: CompiledPolicy, note: str, text: str) -> None:
    assert excerpts(policy, text) == [], note


@pytest.mark.parametrize(
    ("language", "text", "secret", "words"),
    [
        ("en", "The wifi password is Lumora2026!", "Lumora2026", "password"),
        ("sv", "Lösenordet är Sommar2026 för gästnätet.", "Sommar2026", "lösenord"),
        ("nl", "Het wachtwoord is nu Fietsen!2024", "Fietsen!2024", "wachtwoord"),
        (
            "en",
            "Kör med token xoxb-638888741580-2317665735066-GPDwuJlLkqzmeJUWoGBlOQu1 nu",
            "xoxb-638888741580-2317665735066-GPDwuJlLkqzmeJUWoGBlOQu1",
            "Slack",
        ),
    ],
)
def test_the_message_is_in_the_authors_language_and_never_repeats_the_secret(
    policy: CompiledPolicy, language: str, text: str, secret: str, words: str
) -> None:
    (finding,) = findings(policy, text, language)
    assert finding.language == language
    assert words in finding.message
    assert secret not in finding.message
    assert finding.severity == "block"


def test_allowed_values_are_not_findings() -> None:
    policy = policy_with({"allow": ["Lumora2026"]})
    assert excerpts(policy, "The demo wifi password is Lumora2026 on every slide") == []


def test_policy_keywords_add_words_for_a_password() -> None:
    policy = policy_with({"keywords": ["kodeord"]})
    assert excerpts(policy, "Kodeord: Hemmelig42") == ["Hemmelig42"]


def test_known_shapes_can_be_switched_off() -> None:
    policy = policy_with({"known_shapes": False})
    assert excerpts(policy, "ghp_Hrop8DoWticfghdT65aSNCTMUTNORvIo6yBw") == []


@pytest.mark.parametrize("language", ["en", "sv", "nl"])
def test_every_message_exists_in_every_language(language: str) -> None:
    english = load_data("messages", "en", "secrets.yaml")
    messages = load_data("messages", language, "secrets.yaml")
    assert set(messages) == set(english)
    assert all("{excerpt}" not in text for text in messages.values())


def test_every_lexicon_entry_is_text() -> None:
    """YAML reads a bare `on` or `no` as a boolean; every entry must stay a word."""

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert isinstance(value, str), value

    for name in ("keywords.yaml", "detectors.yaml", "shapes.yaml"):
        walk(load_data("lexicons", "secrets", name))
