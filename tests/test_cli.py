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

def test_gguf_export_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "export"; out.mkdir()
    (out / "mine-q8_0.gguf").write_bytes(b"an earlier export")
    r = run("qmdx-gguf", "export", "--base", "tiny", "--output", str(out), "--name", "mine", "--quants", "q8_0")
    assert r.returncode == 2 and f"{out / 'mine-q8_0.gguf'} exists: use --force" in r.stderr
    assert (out / "mine-q8_0.gguf").read_bytes() == b"an earlier export" and sorted(p.name for p in out.iterdir()) == ["mine-q8_0.gguf"]

def test_gguf_export_rejects_unknown_size_and_mixed_presets():
    r = run("qmdx-gguf", "export", "--size", "70B")
    assert r.returncode == 2 and "unknown size '70B': use one of 135M, 1.7B, 4B" in r.stderr
    r = run("qmdx-gguf", "export", "--size", "135M", "--base", "tiny")
    assert r.returncode == 2 and "--size names the base model" in r.stderr

def test_gguf_modelfile_carries_qmd_sampling(tmp_path):
    r = run("qmdx-gguf", "modelfile", str(tmp_path / "model-q4_k_m.gguf"))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "FROM ./model-q4_k_m.gguf" and "PARAMETER temperature 0.7" in lines and 'PARAMETER stop "<|im_end|>"' in lines

def test_main_checks_the_grpo_config_before_training(root, tmp_path):
    r = run("qmdx-main", "--run-dir", str(tmp_path / "run"), "--sft-config", str(root / "configs/sft-cpu.yaml"), "--set", "model=tiny",
            "--grpo", str(root / "configs/grpo-cpu.yaml"), "--grpo-set", "grpo.beta=0", "--gguf")
    assert r.returncode == 2 and "allow_beta_zero" in r.stderr and not (tmp_path / "run" / "sft").exists()

def test_qmd_check_names_a_missing_gguf(tmp_path):
    r = run("qmdx-qmd", str(tmp_path / "no-such.gguf"))
    assert r.returncode == 2 and f"{tmp_path / 'no-such.gguf'} does not exist" in r.stderr
