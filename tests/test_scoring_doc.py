"SCORING.md's worked examples score exactly what the document says."
import re
from qmd_expansion.reward import score_expansion

def worked_examples(text):
    pat = re.compile(r"^### (Good|Medium|Bad): `([^`]+)`.*?\n```text\n(.*?)```\n.*?\n\|---.*?\n\| (.*?) \|\n", re.S | re.M)
    return [(m.group(2), m.group(3), [c.strip() for c in m.group(4).split("|")]) for m in pat.finditer(text)]

def test_worked_examples_match_code(root):
    examples = worked_examples((root / "SCORING.md").read_text(encoding="utf-8"))
    assert len(examples) >= 8
    for query, text, row in examples:
        s = score_expansion(query, text)
        got = [str(s.format), str(s.diversity), "-" if s.hyde is None else str(s.hyde), str(s.quality), str(s.entity),
               str(s.think), f"{s.total} / {s.max}", f"{s.score:.3f}", s.rating]
        assert got == row, f"SCORING.md example {query!r}: document says {row}, code gives {got}"

def grounding_examples(text):
    section = text.split("### Grounding", 1)[1].split("###", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| `(lex|vec|hyde): ([^`]+)` \| (.*?) \|$", section, re.M)
    return [(q, kind, line, re.findall(r"`([^`]+)`", flagged)) for q, kind, line, flagged in rows]

def test_grounding_examples_match_code(root):
    from qmd_expansion.grounding import specifics
    examples = grounding_examples((root / "SCORING.md").read_text(encoding="utf-8"))
    assert len(examples) >= 6
    for query, kind, line, flagged in examples:
        got = [tok for tok, _ in specifics(query, line, kind)]
        assert got == flagged, f"SCORING.md grounding example {query!r} / {line!r}: document says {flagged}, code gives {got}"
