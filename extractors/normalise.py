"""Script and width folding for matching, never for display.

Recognisers match on Simplified Chinese (jieba segments Traditional text badly, and one
pattern set then serves both scripts). Labels keep the report's own script. ``to_simplified``
keeps the text's length so an offset in the folded text is the same offset in the original.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified with the same length as ``text`` (offsets map one to one).

    opencc's phrase tables can change a string's length; where they do, fall back to
    converting character by character, which never does.
    """
    out = _converter("t2s").convert(text)
    if len(out) == len(text):
        return out
    conv = _converter("t2s")
    chars = []
    for ch in text:
        c = conv.convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


def to_traditional(text: str) -> str:
    """Simplified -> Traditional (Hong Kong-neutral), for labels in the other script."""
    return _converter("s2t").convert(text)


_PUNCT = re.compile(
    r"[\s\u3000「」『』“”\"'‘’《》〈〉()（）\[\]【】<>·・•,，、.。:：;；!！?？\-—–_/\\|&＆+＋╱®™©～~*#＃]+"
)


def fold(text: str) -> str:
    """NFKC, Simplified script, case-folded: the form two spellings of one name share."""
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


def match_key(text: str) -> str:
    """``fold`` without spaces and punctuation: 醫脈通, 医脉通 and "医 脉通" give one key."""
    return _PUNCT.sub("", fold(text))


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, sample: int = 20000) -> str:
    """``en``, ``zh-Hans`` or ``zh-Hant`` from the characters of (a sample of) the text.

    Chinese text is Traditional when more of its characters change under t2s than under s2t.
    """
    s = text[:sample]
    cjk = _CJK.findall(s)
    latin = _LATIN.findall(s)
    if len(cjk) * 3 < len(latin):
        return "en"
    han = "".join(cjk)
    to_s = sum(a != b for a, b in zip(han, to_simplified(han)))
    to_t = sum(a != b for a, b in zip(han, _converter("s2t").convert(han)))
    return "zh-Hant" if to_s > to_t else "zh-Hans"


def language_of(text: str, default: str) -> str:
    """The language tag of a short string: ``en`` for Latin-only text, else ``default``
    when it is Chinese, refined to Traditional/Simplified where the string itself tells."""
    if not _CJK.search(text):
        return "en" if _LATIN.search(text) else default
    if default.startswith("zh"):
        return default
    s = to_simplified(text)
    return "zh-Hant" if s != text else "zh-Hans"
