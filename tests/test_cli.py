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

def test_sft_dry_run_trains_nothing(root, tmp_path):
    r = run("qmdx-sft", "--config", str(root / "configs/sft-cpu.yaml"), "--dry-run", "--set", "model=tiny",
            "--set", f"output_dir={tmp_path / 'run'}")
    assert r.returncode == 0, r.stderr
    assert "trainable_parameters" in r.stdout and not (tmp_path / "run" / "adapter").exists()

def test_sft_rejects_unknown_config_key(root):
    r = run("qmdx-sft", "--config", str(root / "configs/sft-cpu.yaml"), "--set", "train.learning_rte=1e-4")
    assert r.returncode == 2 and "unknown key 'learning_rte'" in r.stderr

def test_grpo_refuses_beta_zero_without_opt_in(root):
    r = run("qmdx-grpo", "--config", str(root / "configs/grpo-cpu.yaml"), "--set", "grpo.beta=0", "--dry-run")
    assert r.returncode == 2 and "allow_beta_zero" in r.stderr

def test_eval_score_only_and_compare(tmp_path):
    outs = tmp_path / "outs.jsonl"
    outs.write_text(json.dumps({"query": "auth config", "text": "lex: auth config setup\nvec: how to configure authentication"}) + "\n"
                    + json.dumps({"query": "lint", "text": "Sure, here you go"}) + "\n")
    r = run("qmdx-eval", "--score-only", str(outs), "-v", "-o", str(tmp_path / "a.json"))
    assert r.returncode == 0, r.stderr
    assert "average 50.0% over 2 queries" in r.stdout and "Hard failure" in r.stdout
    r = run("qmdx-eval", "--compare", str(tmp_path / "a.json"), str(tmp_path / "a.json"))
    assert r.returncode == 0 and "auth config" in r.stdout
