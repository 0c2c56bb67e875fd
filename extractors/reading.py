"""Reading report files (placeholder: naive UTF-8 reader, being written)."""
from pathlib import Path

from .model import Block, Document
from .normalise import detect_language


def read_document(path) -> Document:
    path = Path(path)
    raw = path.read_text(encoding="utf-8-sig")
    blocks, starts, nums, parts, off = [], [], [], [], 0
    for i, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        starts.append(off); nums.append(i)
        blocks.append(Block(line.strip(), off, i))
        parts.append(line.strip()); off += len(line.strip()) + 1
    text = "\n".join(parts)
    return Document(path.name, text, detect_language(text), "utf-8", blocks, starts, nums)
