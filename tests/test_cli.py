"The console commands work from a shell, as a user runs them."
import json, subprocess, sys
from pathlib import Path

BIN = Path(sys.executable).parent

def run(*args, input=None):
    return subprocess.run([str(BIN / args[0]), *args[1:]], capture_output=True, text=True, input=input)

def test_reward_selftest_prints_the_canonical_table():
    r = run("qmdx-reward", "selftest")
    assert r.returncode == 0, r.stderr
    assert "auth config" in r.stdout and "canonical examples in their expected band" in r.stdout

def test_reward_scores_one_pair_from_stdin():
    r = run("qmdx-reward", "score", "auth config", "-", "--json", input="lex: auth config setup\nvec: how to configure authentication\n")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["rating"] == "Excellent" and out["max"] == 120

def test_data_validate_reports_file_line_and_field(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "query": "q", "category": "everyday", "lex": ["x y"], "vec": "not a list", "hyde": null, "source": "t"}\n')
    r = run("qmdx-data", "validate", str(bad))
    assert r.returncode == 2 and f"{bad}:1: field 'vec'" in r.stderr
