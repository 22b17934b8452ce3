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
