"""What the governance rules share: the report as blocks of sentences, and the words that
name a board, a director or a chair."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Document, Mention, Sentence
from ..normalise import to_simplified
BOARD = "board"  # the canonical key of a board of directors (patterns/committees.yaml)
_CHAIR_ZH = r"主席|主任|召集人|组长|董事长|牵头人|理事长|会长"
_CHAIR_AFTER = re.compile(rf"\s*[（(]?\s*(?:{_CHAIR_ZH}|[Cc]hair(?:man|woman|person)?\b)")
_DIRECTOR = re.compile(r"董事(?!会|局)|\b[Dd]irector\b")
_BOARD_CHAIR = re.compile(r"(?<!副)(?:主席|董事长)|\bChair(?:man|woman|person)?\b")


@dataclass
class _Block:
    block: Block
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def mentions(self) -> list[Mention]:
        return [m for s in self.sentences for m in s.mentions]

    def of(self, type_: str) -> list[Mention]:
        return sorted((m for m in self.mentions if m.type == type_), key=lambda m: m.start)

    def text(self, en: bool) -> str:
        """The block's text, folded to Simplified for Chinese (same length as the original)."""
        return self.block.text if en else to_simplified(self.block.text)


@dataclass
class _View:
    en: bool
    blocks: list[_Block]
    sentences: list[Sentence]
    document: Document | None = None

    @classmethod
    def of(cls, ctx) -> "_View":
        blocks: list[_Block] = []
        for s in ctx.sentences:
            if not blocks or blocks[-1].block is not s.block:
                blocks.append(_Block(s.block))
            blocks[-1].sentences.append(s)
        return cls(ctx.document.language == "en", blocks, ctx.sentences, ctx.document)

    def text(self, sent: Sentence) -> str:
        return sent.text if self.en else sent.folded

    def first_of_key(self) -> dict[str, Mention]:
        out: dict[str, Mention] = {}
        for sent in self.sentences:
            for m in _of(sent, "Committee"):
                out.setdefault(m.key, m)
        return out


def _of(sent: Sentence, type_: str) -> list[Mention]:
    return sorted((m for m in sent.mentions if m.type == type_), key=lambda m: m.start)
