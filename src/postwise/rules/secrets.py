"""Secrets: credentials that would let someone in.

**What it catches.** Cloud and API keys and tokens of known shapes (AWS, GitHub, GitLab,
Slack, Stripe, OpenAI, SendGrid, Twilio, JWTs…), private key blocks and user names with
passwords in links (``https://user:pass@host``), found with detect-secrets' detector plugins;
and credentials given in words, in English, Swedish and Dutch: "the wifi password is …",
"wifi-lösenordet i labbet är …", "het wachtwoord is nu …", "de pincode van de
fietsenstalling is 4821", ``api_key = …``, "use … as the password", "Lösenordet? Det är …",
"the admin login is admin / …", a value set off after its keyword ("ett tillfälligt
lösenord, Hosta!Vinter44, så…") or given in the next clause ("the door code changed today,
new one is 5831", "de nieuwe is …"); door, safe, locker and alarm codes, also when the thing is
named rather than the code ("the key safe opens with 5126", "kodlåset har 2468", "het
sleutelkastje gaat open met 4419") and when the digits are written apart ("0-4-4-1",
"04 41", "27-14-03"). A value counts when it looks made up (digits, symbols or inner
capitals; a code of 4 to 10 digits; a long random token), never an ordinary word, a masked
value (``*******``, ``••••``), a placeholder or template variable (``<your-key>``,
``${DB_PASSWORD}``), a date, a factory default or example code ("0000", "1234") or a
quantity ("12 characters"). A long hexadecimal string on its own (a commit hash in "the fix
is in commit 3f9a2c17e4b8") is not a secret: randomness alone is not enough. A policy may add
keywords and allow known public values.

**Why.** A password or key on social media is public at once and stays in screenshots and
caches after the post is deleted; it must be treated as leaked and changed, which costs far
more than leaving it out. Attackers search public posts for exactly these shapes.

**Example.** "note to self: ghp_… is the token that works for the CI runner"; "Handig om te
weten: de pincode van de fietsenstalling is 4821".

**Fix.** Remove the value (postwise offers to mask it) and change the credential if the post
was already public. Share credentials through the password manager or in person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from postwise.policy.model import RuleBase, RuleSettings
from postwise.rules import Detector, FixHint, Hit, RuleKind
from postwise.text.automaton import Automaton
from postwise.text.data import load_data
from postwise.text.fold import fold

if TYPE_CHECKING:
    from postwise.engine.post import Post
    from postwise.policy.compiled import CompiledOrganisation

Group = Literal["password", "pin", "code", "token", "login", "lock", "door"]
_GROUPS: tuple[Group, ...] = ("password", "pin", "code", "token", "login", "lock", "door")
# The message for a credential given in words, by keyword group.
_DETAIL: dict[Group, str] = {
    "password": "password",
    "pin": "pin",
    "code": "pin",
    "token": "key",
    "login": "password",
    "lock": "pin",
    "door": "pin",
}
MASK = "••••"
# At most this many words between a keyword and "is"/"är"/":" ("het wachtwoord van het gedeelde
# Canva-account is nu …", "de pincode van de fietsenstalling achter het gebouw is …").
_MAX_QUALIFIER_WORDS = 8
# At most this many words between a thing with a code lock and its verb of opening ("the key
# safe by the back door opens with …").
_MAX_LOCK_WORDS = 6
# A value: a code of digits written in groups ("0-4-4-1", "04 41", "27-14-03"), else one
# run of non-space characters.
_VALUE = r"(?P<value>\d{1,3}(?:[ \-–]\d{1,3}){1,9}#?(?![\w\-–])|\S+)"

# Keyword occurrences examined per post: no real post has more (a long paste must not cost
# seconds).
_MAX_KEYWORDS = 200
# Cheap pre-check before detect-secrets (its plugins cost ~150 µs on a whole post): a run of
# token characters that looks random, a private key header, or a link with a password.
# A run is found from its first digit (keys mix letters and digits), which the regular
# expression engine finds far faster than runs of letters.
_DIGIT_IN_RUN_RE = re.compile(r"\d[A-Za-z0-9_\-+=]*")
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+=")
_MARKERS = ("BEGIN ", "PuTTY-User-Key", "AccountKey=")
_URL_AUTH_RE = re.compile(r"://[^\s/@]+:[^\s/@]+@")
_TOKEN_TAIL_RE = re.compile(r"[A-Za-z0-9_\-+/=.]*[A-Za-z0-9_\-+/=]")
_KEY_BLOCK_END_RE = re.compile(r"-----END [A-Z0-9 ]*-----")
_KEY_BODY_RE = re.compile(r"(?:\s*[A-Za-z0-9+/=:\-]{16,}\s*)+")

_MASKED_RE = re.compile(r"^[*•·●∙xX#._\-…]+$|\*{3}|•{2}|●{2}|[xX]{4}")
_DATE_OR_TIME_RE = re.compile(r"^\d{1,4}[-/.:]\d{1,2}(?:[-/.:]\d{1,4})?$")
_DIGITS_RE = re.compile(r"^\d{4,10}#?$")
_GROUPED_DIGITS_RE = re.compile(r"^\d{1,3}(?P<sep>[ \-–])\d{1,3}(?:(?P=sep)\d{1,3}){0,8}#?$")
_DIGIT_SEPARATORS_RE = re.compile(r"[ \-–#]")
# A value that only stands in for a credential: a template variable or a placeholder in angle
# brackets ("${DB_PASSWORD}", "$API_KEY", "{{ secret }}", "%PASSWORD%", "<your-key-here>",
# "process.env.TOKEN").
_TEMPLATE_RE = re.compile(
    r"^(?:<[^<>]*>?|\$\{.*|\$[A-Za-z_]\w*|\{\{.*|%[A-Za-z_]\w*%|\[[^\[\]]*\]"
    r"|(?:process\.env|os\.environ|env)\W.*|(?:secrets|vars)\.[A-Za-z_].*)[.,;:!?)]*$"
)
# "Password=Wq7!rPz2#Lm9vT;Encrypt=True": a connection string goes on after the value.
_NEXT_SETTING_RE = re.compile(r";[ \t]*[A-Za-z][\w ]*=")
# "admin / Hunter2024!": a user name and a password written as a pair.
_PAIR_TAIL_RE = re.compile(r"[ \t]*[/|][ \t]*(\S+)")
_TOKEN_CHARS_RE = re.compile(r"^[A-Za-z0-9_\-+/=.:~]{16,}$")
_OPENING = "\"'“”‘’«»([{<`"
_CLOSING = ".,;:!?)]}>\"'“”‘’»`"


class Settings(RuleSettings):
    keywords: list[str] = Field(
        default_factory=list,
        description="More words that name a password (any language), e.g. 'vpn password'.",
    )
    allow: list[str] = Field(
        default_factory=list,
        description="Values that are public on purpose (a demo key in the documentation).",
    )
    known_shapes: bool = Field(
        True, description="Find keys and tokens of known shapes with detect-secrets."
    )


@dataclass(frozen=True)
class _Keyword:
    form: str
    group: Group
    compound: bool


def compile(rule: RuleBase, org: CompiledOrganisation) -> Detector:
    settings = rule.settings
    assert isinstance(settings, Settings)
    lexicon = _Lexicon(org.languages, tuple(settings.keywords))
    allowed = frozenset(v.strip() for v in settings.allow if v.strip())
    known_shapes = settings.known_shapes

    def detect(post: Post) -> Iterator[Hit]:
        taken: list[tuple[int, int]] = []
        lines = _candidate_lines(post.text) if known_shapes else []
        if lines:
            for hit in _known_shape_hits(post, lines, allowed):
                taken.append((hit.start or 0, hit.end or 0))
                yield hit
        for hit in lexicon.hits(post, allowed):
            if not any(s < (hit.end or 0) and (hit.start or 0) < e for s, e in taken):
                taken.append((hit.start or 0, hit.end or 0))
                yield hit

    return detect


# --- credentials of known shapes (detect-secrets) ---------------------------------------------


def _candidate_lines(text: str) -> list[tuple[int, int]]:
    """The lines worth showing detect-secrets (which reads a file line by line): those with
    a run that looks random, a private key header or a link with a password."""
    spots: list[int] = []
    for m in _DIGIT_IN_RUN_RE.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in _RUN_CHARS:
            start -= 1
        run = text[start : m.end()]
        # Keys and tokens are random: digits mixed with capitals, or long. A commit hash in
        # prose ("3f9a2c17e4b8") or a slug ("report-2025") is neither.
        if len(run) >= 11 and _has_letter(run) and (len(run) >= 24 or not run.islower()):
            spots.append(start)
    for marker in _MARKERS:
        at = text.find(marker)
        while at >= 0:
            spots.append(at)
            at = text.find(marker, at + 1)
    if "://" in text:
        spots.extend(m.start() for m in _URL_AUTH_RE.finditer(text))
    lines = set()
    for spot in spots:
        end = text.find("\n", spot)
        lines.add((text.rfind("\n", 0, spot) + 1, len(text) if end < 0 else end))
    return sorted(lines)


@dataclass(frozen=True)
class _Plugin:
    name: str
    plugin: Any  # the detect-secrets plugin; None for a shape from shapes.yaml
    patterns: tuple[re.Pattern[str], ...]
    detail: str
    service: str


@cache
def _plugins() -> tuple[_Plugin, ...]:
    """detect-secrets' regular-expression plugins, loaded on first need (the import is slow)."""
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    from detect_secrets.plugins.base import RegexBasedDetector

    config: dict[str, Any] = load_data("lexicons", "secrets", "detectors.yaml")
    skip = set(config.get("skip", []))
    services: dict[str, str] = config.get("services", {})
    plugins: list[_Plugin] = []
    classes: list[Any] = list(get_mapping_from_secret_type_to_class().values())
    for cls in classes:
        name = cls.__name__
        if name in skip or not issubclass(cls, RegexBasedDetector):
            continue
        detail = "token"
        if name in config.get("private_key", []):
            detail = "private_key"
        elif name in config.get("url", []):
            detail = "url"
        plugin = cls()
        plugins.append(
            _Plugin(
                name,
                plugin,
                tuple(plugin.denylist),
                detail,
                services.get(name, str(cls.secret_type)),
            )
        )
    # Shapes detect-secrets does not know yet, as data; each is its own tiny "plugin".
    for shape in load_data("lexicons", "secrets", "shapes.yaml"):
        pattern = re.compile(rf"(?<![A-Za-z0-9_-])(?:{shape['pattern']})(?![A-Za-z0-9_-])")
        plugins.append(_Plugin(shape["service"], None, (pattern,), "token", shape["service"]))
    return tuple(plugins)


def _known_shape_hits(
    post: Post, lines: list[tuple[int, int]], allowed: frozenset[str]
) -> Iterator[Hit]:
    text = post.text
    seen: list[tuple[int, int]] = []
    for line_start, line_end in lines:
        line = text[line_start:line_end]
        for plugin in _plugins():
            for pattern in plugin.patterns:
                for m in pattern.finditer(line):
                    if plugin.detail == "private_key":
                        start, end = _key_block(text, line_start + m.start(), line_start + m.end())
                    elif plugin.plugin is not None and not any(
                        True for _ in plugin.plugin.analyze_string(m.group())
                    ):
                        continue  # the plugin's own validation (a JWT must decode) says no
                    else:
                        start, end = (line_start + i for i in _secret_span(m))
                    if end <= start or text[start:end] in allowed:
                        continue
                    if any(s < end and start < e for s, e in seen):
                        continue
                    seen.append((start, end))
                    fs, fe = post.folded.index_of(start), post.folded.index_of(end)
                    yield Hit(
                        fs,
                        fe,
                        plugin.detail,
                        {"service": plugin.service},
                        FixHint(fs, fe, MASK, "mask"),
                        {"detector": plugin.name},
                    )


def _secret_span(m: re.Match[str]) -> tuple[int, int]:
    """The secret inside a plugin's match: its longest group when that is token-sized (the
    AWS secret after ``aws_secret_access_key = '``), else the match without delimiters."""
    best = None
    for i in range(1, (m.re.groups or 0) + 1):
        if m.group(i) and (best is None or len(m.group(i)) > best[1] - best[0]):
            best = m.span(i)
    text = m.string
    if best is not None and best[1] - best[0] >= 16:
        start, end = best
    else:
        start, end = m.span()
        while start < end and text[start] in " \t\r\n\"'=:/(":
            start += 1
        while end > start and text[end - 1] in " \t\r\n\"'=:@),":
            end -= 1
    # Some patterns stop early (a JWT's signature is matched lazily): mask the whole token.
    tail = _TOKEN_TAIL_RE.match(text, end)
    return start, tail.end() if tail else end


def _key_block(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole private key block: from its ``-----BEGIN`` line to its ``-----END`` line."""
    dashes = text.rfind("-----", max(0, start - 8), start)
    if dashes >= 0:
        start = dashes
    tail = _KEY_BLOCK_END_RE.search(text, end)
    if tail is not None:
        return start, tail.end()
    line_end = text.find("\n", end)
    if line_end < 0:
        return start, len(text)
    body = _KEY_BODY_RE.match(text, line_end)
    return start, body.end() if body else line_end


# --- credentials given in words ---------------------------------------------------------------


class _Lexicon:
    """Credential keywords of the policy's languages, found in one Aho-Corasick pass."""

    def __init__(self, languages: Sequence[str], extra: Sequence[str]) -> None:
        data: dict[str, Any] = load_data("lexicons", "secrets", "keywords.yaml")
        compounds = {fold(s) for s in data.get("compounds", [])}
        keywords: dict[str, _Keyword] = {}
        for lang in languages:
            for group in _GROUPS:
                for entry in data.get(lang, {}).get(group, []):
                    for form in _forms(entry):
                        keywords.setdefault(form, _Keyword(form, group, form in compounds))
        for entry in extra:
            for form in _forms(entry):
                keywords[form] = _Keyword(form, "password", False)
        self._automaton = Automaton(keywords)

        def words(key: str) -> list[str]:
            found = {fold(w) for lang in languages for w in data.get(key, {}).get(lang, [])}
            return sorted(found, key=len, reverse=True)

        self._not_after = frozenset(words("not_after"))
        self._not_before = frozenset(words("not_before"))  # single words
        self._units = frozenset(words("units"))
        self._placeholders = frozenset(fold(p) for p in data.get("placeholders", []))
        self._has = frozenset(words("has"))
        copulas = "|".join(re.escape(w) for w in words("copulas"))
        then = "|".join(re.escape(w) for w in words("then"))
        stop = r"\s.!?;:=,()\"“”"
        max_words = _MAX_QUALIFIER_WORDS
        direct = "|".join(re.escape(w) for w in words("direct"))
        self._direct = re.compile(
            rf"(?P<qualifier>(?:[ \t]+(?!(?:{direct})[ \t])[^{stop}]+){{0,3}}?)"
            rf"[ \t]+(?:{direct})[ \t]+{_VALUE}"
        )
        # "Koden till förrådet har ändrats till 8824": a verb phrase of handing over may come
        # after more words, among them a bare "till" of the qualifier.
        changed = "|".join(
            r"[ \t]+".join(re.escape(part) for part in w.split())
            for w in words("direct")
            if " " in w
        )
        self._direct_verb = re.compile(
            rf"(?P<qualifier>(?:[ \t]+[^{stop}]+){{0,{max_words}}}?)[ \t]+(?:{changed})"
            rf"[ \t]+{_VALUE}"
        )
        answers = "|".join(re.escape(w) for w in words("answers"))
        # "Forgot the wifi password? It's Lumora2026!"
        self._answer = re.compile(
            rf"(?P<qualifier>(?:[ \t]+[^{stop}?]+){{0,3}}?)[ \t]*\?[ \t]+(?:{answers})[ \t]*:?"
            rf"[ \t]+{_VALUE}"
        )
        # "The new door code? 9163.": the answer alone; unmistakable, as for a bare value.
        self._answer_bare = re.compile(
            rf"(?P<qualifier>(?:[ \t]+[^{stop}?]+){{0,3}}?)[ \t]*\?[ \t]+{_VALUE}"
        )
        as_words = "|".join(re.escape(w) for w in words("as"))
        determiners = "|".join(re.escape(w) for w in words("determiners"))
        # "use Sommar2026! as the password": the value comes first.
        self._value_first = re.compile(
            rf"(?P<qualifier>)(?<!\S)(?P<value>\S+)[ \t]+(?:{as_words})[ \t]+"
            rf"(?:(?:{determiners})[ \t]+){{0,2}}$"
        )
        # "wifi password Lumora2026!", "PIN 4821": no verb at all, so the value must be
        # unmistakable (see _unmistakable).
        self._bare = re.compile(rf"(?P<qualifier>)[ \t]+{_VALUE}")
        # "ett tillfälligt lösenord, Hosta!Vinter44, så…", "the PIN (4821)": the value set off
        # after its keyword; unmistakable too, and closed by a comma, a bracket or a dash.
        self._apposition = re.compile(rf"(?P<qualifier>)[ \t]*[,(–—][ \t]*{_VALUE}")
        # "Door code for the Lund office changed today, new one is 5831": the keyword stands
        # in the next clause as "new one", "nya", "de nieuwe".
        # A copula or a colon must follow ("new one is", "nya:"), unless it is part of the
        # anaphor ("new one's").
        anaphors = "|".join(
            r"[ \t]+".join(re.escape(part) for part in w.split()) for w in words("anaphors")
        )
        self._anaphor = re.compile(
            rf"(?P<qualifier>(?:[ \t]+[^{stop}]+){{0,{max_words}}}?)[ \t]*[,;.—–]+[ \t]*"
            rf"(?:(?:{anaphors})(?:[ \t]+(?:{copulas})(?:[ \t]+(?:{then}))?[ \t]*:?|[ \t]*:)"
            rf"|(?:{anaphors})'s(?:[ \t]+(?:{then}))?)[ \t]+{_VALUE}"
        )
        # "the key safe by the back door opens with 5126", "porten har kod 7731"; a lock
        # may also just have its code ("kodlåset har 2468"), a door or a room may not.
        self._opens = {
            group: re.compile(
                rf"(?P<qualifier>(?:[ \t]+(?!(?:{verbs})[ \t])[^{stop}]+)"
                rf"{{0,{_MAX_LOCK_WORDS}}}?)[ \t]+(?:{verbs})[ \t]*:?[ \t]+{_VALUE}"
            )
            for group, verbs in (
                ("door", "|".join(re.escape(w) for w in words("opens"))),
                ("lock", "|".join(re.escape(w) for w in words("opens") + words("holds"))),
            )
        }
        self._tail = re.compile(
            rf"(?P<qualifier>(?:[ \t]+(?!(?:{copulas})[ \t])(?:[^{stop}]|:(?=\w))+)"
            rf"{{0,{max_words}}}?)"
            rf"(?:[ \t]*(?::=|=>|=|:)[ \t]*\n?[ \t]*"
            rf"|[ \t]+(?:{copulas})(?:[ \t]+(?:{then}))?[ \t]*:?[ \t]+)"
            rf"{_VALUE}"
        )

    def hits(self, post: Post, allowed: frozenset[str]) -> Iterator[Hit]:
        folded = post.folded.folded
        values: set[tuple[int, int]] = set()
        for last, keyword in islice(self._automaton.iter(folded), _MAX_KEYWORDS):
            start, end = last + 1 - len(keyword.form), last + 1
            if end < len(folded) and folded[end].isalnum():
                continue
            if start > 0 and folded[start - 1].isalnum():
                if not keyword.compound:
                    continue
            elif self._previous_word(folded, start) in self._not_after:
                continue
            found = self._value(post, keyword, end)
            if found is None or found in values:
                continue
            values.add(found)
            vs, ve = found
            if post.folded.excerpt(vs, ve) in allowed:
                continue
            detail = _DETAIL[keyword.group]
            yield Hit(vs, ve, detail, fix=FixHint(vs, ve, MASK, "mask"))

    def _value(self, post: Post, keyword: _Keyword, end: int) -> tuple[int, int] | None:
        folded = post.folded.folded
        if keyword.group in self._opens:
            m = self._opens[keyword.group].match(folded, end)
            return None if m is None else self._checked_value(post, keyword, m, strict=False)
        for pattern in (
            self._direct,
            self._direct_verb,
            self._tail,
            self._answer,
            self._bare,
            self._apposition,
            self._anaphor,
            self._answer_bare,
        ):
            m = pattern.match(folded, end)
            if pattern is self._apposition and m is not None and not _set_off(folded, m):
                continue
            if m is not None:
                # "porten har kod 7731": a code that something has needs no verb after it.
                strict = pattern in (self._apposition, self._answer_bare) or (
                    pattern is self._bare
                    and not (
                        keyword.group == "code"
                        and self._previous_word(folded, end - len(keyword.form)) in self._has
                    )
                )
                found = self._checked_value(post, keyword, m, strict=strict)
                if found is not None:
                    return found
        if keyword.group in ("password", "pin", "token"):
            start = end - len(keyword.form)
            m = self._value_first.search(folded, max(0, start - 80), start)
            after = folded[end:].split(None, 1)
            if m is not None and not (after and after[0].strip(".,;:!?") in self._not_before):
                return self._checked_value(post, keyword, m, strict=True)
        return None

    def _checked_value(
        self, post: Post, keyword: _Keyword, m: re.Match[str], *, strict: bool
    ) -> tuple[int, int] | None:
        folded = post.folded.folded
        qualifier = m.group("qualifier").split(None, 1)
        if qualifier and qualifier[0] in self._not_before:
            return None
        vs, ve = m.span("value")
        group = keyword.group
        if group == "login":
            pair = self._password_of_pair(folded, vs, ve)
            if pair is None:
                return None
            vs, ve = pair
            group = "password"
        original = post.folded.excerpt(vs, ve)
        if _TEMPLATE_RE.match(original):
            return None
        # Trim quotes, brackets, closing punctuation and emoji around the value, and the
        # settings that follow it in a connection string.
        lead = 0
        while lead < len(original) and original[lead] in _OPENING:
            lead += 1
        trail = len(original)
        if (setting := _NEXT_SETTING_RE.search(original, lead)) is not None:
            trail = setting.start()
        while trail > lead and (original[trail - 1] in _CLOSING or _is_symbol(original[trail - 1])):
            trail -= 1
        value = original[lead:trail]
        if not self._looks_like_credential(value, group):
            return None
        if strict and not _unmistakable(value, group):
            return None
        after = folded[ve:].split(None, 1)
        if after and after[0].strip(".,;:!?") in self._units:
            return None
        vs_trim = post.folded.index_of(post.folded.to_original(vs, ve).start + lead)
        ve_trim = post.folded.index_of(post.folded.to_original(vs, ve).start + trail)
        return vs_trim, ve_trim

    @staticmethod
    def _password_of_pair(folded: str, vs: int, ve: int) -> tuple[int, int] | None:
        """The password of a user name and password written as one ("admin / Hunter2024!",
        "admin:Hunter2024!"), or ``None`` when the value is not such a pair."""
        value = folded[vs:ve]
        if "://" in value:
            return None
        for sep in ":/":
            at = value.find(sep, 1)
            if 0 < at < len(value) - 1:
                return vs + at + 1, ve
        tail = _PAIR_TAIL_RE.match(folded, ve)
        return None if tail is None else tail.span(1)

    def _looks_like_credential(self, value: str, group: Group) -> bool:
        if not value or len(value) > 128:
            return False
        folded = fold(value)
        if folded in self._placeholders or _MASKED_RE.search(value):
            return False
        if "://" in value or folded.startswith("www.") or "@" in value[1:-1]:
            return False
        if group in ("code", "lock", "door"):
            return _digit_code(value)
        if group == "pin" and (_DIGITS_RE.match(value) or _GROUPED_DIGITS_RE.match(value)):
            return _digit_code(value)
        if _DATE_OR_TIME_RE.match(value):
            return False
        if group == "token":
            return bool(_TOKEN_CHARS_RE.match(value)) and _has_letter_and_digit(value)
        return len(value) >= 4 and _made_up(value)

    @staticmethod
    def _previous_word(folded: str, start: int) -> str:
        i = start
        while i > 0 and folded[i - 1] in " -_":
            i -= 1
        j = i
        while j > 0 and folded[j - 1].isalnum():
            j -= 1
        return folded[j:i]


def _set_off(folded: str, m: re.Match[str]) -> bool:
    """Is the value of an apposition closed: by a comma or a bracket stuck to it, a dash
    after it, or the end of the text?"""
    end = m.end("value")
    if folded[end - 1] in ",)":
        return True
    rest = folded[end:].lstrip(" \t")
    return not rest or rest[0] in "–—-\n"


def _forms(entry: str) -> set[str]:
    """A keyword as people write it: "api key", "api-key", "api_key", "apikey"."""
    base = fold(entry.strip())
    parts = re.split(r"[ _-]+", base)
    if len(parts) == 1:
        return {base}
    return {joiner.join(parts) for joiner in (" ", "-", "_", "")} | {base}


def _made_up(value: str) -> bool:
    """Digits, a symbol or an inner capital: not an ordinary word (as a password must be)."""
    if value.isdigit():
        return True
    if any(c.isdigit() for c in value):
        return True
    core = value.replace("-", "").replace("'", "").replace("’", "")
    if any(not c.isalnum() for c in core):
        return True
    inner_upper = any(c.isupper() for c in value[1:])
    return inner_upper and any(c.islower() for c in value)


def _unmistakable(value: str, group: Group) -> bool:
    """A value right after its keyword with no verb between: a PIN of 4 to 8 digits, a
    password of 6+ characters mixing letters with digits, a token (already strict)."""
    if group in ("code", "lock", "door"):
        return False  # "code 2026" is far more often a name or a year than a PIN
    if group == "pin":
        digits = _DIGIT_SEPARATORS_RE.sub("", value)
        return digits.isdigit() and 4 <= len(digits) <= 8 and _digit_code(value)
    if group == "password":
        return len(value) >= 6 and _has_letter_and_digit(value)
    return True


def _digit_code(value: str) -> bool:
    """A code of 4 to 10 digits, whole or in groups ("4821", "2580#", "0-4-4-1", "04 41"),
    that is neither a date ("12-03") nor a trivial example ("0000", "1234")."""
    if _DIGITS_RE.match(value):
        digits = value.rstrip("#")
    else:
        grouped = _GROUPED_DIGITS_RE.match(value)
        if grouped is None:
            return False
        digits = _DIGIT_SEPARATORS_RE.sub("", value)
        if not 4 <= len(digits) <= 10:
            return False
        sep = grouped.group("sep")
        if sep != " " and _date_like(value.rstrip("#").split(sep)):
            return False
    return not _trivial(digits)


def _date_like(groups: list[str]) -> bool:
    """Two or three groups that read as day and month ("12-03", "3-11-26")."""
    if len(groups) not in (2, 3):
        return False
    first, second = int(groups[0]), int(groups[1])
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)


def _trivial(digits: str) -> bool:
    """The codes used as examples and factory defaults: one digit repeated ("0000") or a
    straight run ("1234", "987654")."""
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    return len(steps) == 1 and steps <= {-1, 0, 1}


def _has_letter(value: str) -> bool:
    return any(c.isalpha() for c in value)


def _has_letter_and_digit(value: str) -> bool:
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def _is_symbol(char: str) -> bool:
    """Emoji and other pictographs that stick to a value ("Lab$Malmo2026😊")."""
    return ord(char) > 0x2000 and not char.isalnum() and char not in "€£¥§"


KIND = RuleKind(
    name="secrets",
    settings=Settings,
    compile=compile,
    doc=__doc__ or "",
    default_severity="block",
)
