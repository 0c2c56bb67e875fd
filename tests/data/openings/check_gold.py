"""Sanity check for gold.json in this folder (not a pytest test).

Run: python tests/data/openings/check_gold.py
Checks that each publisher string occurs in its file (a line break may fall
anywhere inside it), that the match touches evidence_line, that aliases
occur, that dates are ISO and ordered, and the file/language counts.
"""
import collections, datetime, json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent


def name_pattern(name):
    parts = []
    for ch in name:
        if ch == " ":
            parts.append(r"\s+")  # a space may become a line break
        else:
            parts.append(re.escape(ch) + r"(?:[ \t]*\n[ \t]*)?")  # break after any char
    return re.compile("".join(parts))


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    errors, langs = [], collections.Counter()
    for g in gold:
        path = HERE / g["file"]
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        langs[g["language"]] += 1
        if not g["file"].endswith("_" + g["language"] + ".txt"):
            errors.append(f"{g['file']}: language {g['language']} not in file name")
        if not 40 <= len(lines) <= 120:
            errors.append(f"{g['file']}: {len(lines)} lines")
        matches = list(name_pattern(g["publisher"]).finditer(text))
        if not matches:
            errors.append(f"{g['file']}: publisher {g['publisher']!r} not found")
        spans = {(text.count("\n", 0, m.start()) + 1, text.count("\n", 0, m.end()) + 1) for m in matches}
        if not any(a <= g["evidence_line"] <= b for a, b in spans):
            errors.append(f"{g['file']}: evidence_line {g['evidence_line']} not in {sorted(spans)}")
        unbroken = g["publisher"] in text
        for a in g["aliases"]:
            # English definitions read (the “Company”): look for the word without "the "
            if a.removeprefix("the ") not in text:
                errors.append(f"{g['file']}: alias {a!r} not found")
        s = datetime.date.fromisoformat(g["period_start"])
        e = datetime.date.fromisoformat(g["period_end"])
        if not s < e:
            errors.append(f"{g['file']}: period {s}..{e}")
        print(f"{g['file']:16} lines={len(lines):3} hits={len(matches)} "
              f"{'' if unbroken else '(only broken) '}ev={g['evidence_line']} {g['publisher']}")
    print(dict(langs))
    if langs != {"zh-Hant": 8, "zh-Hans": 8, "en": 8}:
        errors.append(f"language counts {dict(langs)}")
    files = sorted(p.name for p in HERE.glob("*.txt"))
    if files != sorted(g["file"] for g in gold):
        errors.append("txt files and gold.json entries differ")
    for err in errors:
        print("ERROR", err)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
