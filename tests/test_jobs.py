"""The HF Jobs entry points in jobs/ run end to end here (--local, the tiny model), never upload, and keep tokens out."""
import json, os, subprocess, sys, re
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
JOBS = ["sft", "grpo", "eval", "gguf", "chain"]
FAKE = "hf_FAKEtoken0123456789abcdefghijklmnop"

def script_metadata(path):
    "The PEP 723 `# /// script` block of a file, parsed (the reference regex of the PEP)."
    tomllib = pytest.importorskip("tomllib")          # Python 3.11+
    m = re.search(r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$", path.read_text())
    assert m and m.group("type") == "script", f"{path}: no '# /// script' block"
    return tomllib.loads("".join(l[2:] if l.startswith("# ") else l[1:] for l in m.group("content").splitlines(keepends=True)))

def job(name, *args, token=FAKE):
    env = {k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")}
    if token: env["HF_TOKEN"] = token
    return subprocess.run([sys.executable, str(ROOT / "jobs" / f"{name}.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT)

@pytest.mark.parametrize("name", JOBS)
def test_job_script_has_inline_metadata(name):
    meta = script_metadata(ROOT / "jobs" / f"{name}.py")
    deps = meta["dependencies"]
    assert meta["requires-python"].startswith(">=3.")
    assert "torch==2.13.0" in deps and any(d.startswith("papermill") for d in deps) and "ipykernel" in deps
    assert any(d.startswith("qmd-expansion[") and "@ git+https://" in d for d in deps)

def test_job_needs_push_target_or_local(tmp_path):
    r = job("eval", "--run-dir", str(tmp_path / "run"))
    assert r.returncode == 2 and "give --push-to REPO" in r.stderr and not (tmp_path / "run").exists()
    r = job("eval", "--local", "--push-to", "me/x", "--run-dir", str(tmp_path / "run"))
    assert r.returncode == 2 and "--local never uploads" in r.stderr

def test_push_without_token_fails_before_running(tmp_path):
    r = job("eval", "--push-to", "me/qmd-eval", "--run-dir", str(tmp_path / "run"), token=None)
    assert r.returncode == 1 and "needs HF_TOKEN" in r.stderr and not (tmp_path / "run" / "03_eval.ipynb").exists()

def test_secret_as_parameter_is_refused(tmp_path):
    r = job("eval", "--local", "--param", f"queries={FAKE}", "--run-dir", str(tmp_path / "run"))
    assert r.returncode == 1 and "holds the value of HF_TOKEN" in r.stderr and FAKE not in r.stderr + r.stdout

def test_local_eval_job_end_to_end_keeps_the_token_out(tmp_path):
    run = tmp_path / "run"
    r = job("eval", "--local", "--param", "model=tiny", "--param", "max_new_tokens=8", "--run-dir", str(run))
    assert r.returncode == 0, r.stderr[-3000:]
    assert sorted(p.name for p in run.iterdir()) == ["03_eval.ipynb", "eval.json", "run.json"]
    nb = json.loads((run / "03_eval.ipynb").read_text())
    params = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    assert "max_new_tokens = 8" in "".join(params["source"]) and f'output = "{run / "eval.json"}"' in "".join(params["source"])
    outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
    assert any("text/html" in o.get("data", {}) for o in outputs) or any("average" in "".join(o.get("text", "")) for o in outputs)
    assert json.loads((run / "eval.json").read_text())["summary"]["queries"] > 0
    for f in [*run.rglob("*")]:
        if f.is_file(): assert FAKE.encode() not in f.read_bytes(), f
    assert FAKE not in r.stdout + r.stderr

def test_local_chain_job_feeds_sft_into_eval_and_gguf(tmp_path):
    run = tmp_path / "chain"
    r = job("chain", "--local", "--stages", "sft,eval,gguf", "--param", "model=tiny", "--param", "max_steps=2",
            "--param", "check_resume=false", "--param", "max_new_tokens=8", "--param", "n_queries=2", "--run-dir", str(run))
    assert r.returncode == 0, r.stderr[-3000:]
    chain = json.loads((run / "chain.json").read_text())
    sft, ev, gguf = chain["runs"]
    assert sft["ok"] and ev["ok"] and ev["parameters"]["model"] == sft["products"]["adapter"] == str(run / "sft" / "full" / "adapter")
    assert (run / "sft" / "02_sft.ipynb").exists() and (run / "sft" / "full" / "loss.png").exists()
    assert (run / "eval" / "03_eval.ipynb").exists() and (run / "eval" / "eval.json").exists()
    assert gguf["ok"] and gguf["parameters"]["sft_adapter"] == sft["products"]["adapter"] and "grpo_adapter" not in gguf["parameters"]
    export = run / "gguf" / "export"
    manifest = json.loads((export / "export.json").read_text())
    assert manifest["sft"] == sft["products"]["adapter"] and manifest["name"] == "qmd-query-expansion-tiny"
    assert sorted(p.name for p in export.glob("*.gguf")) == [f"qmd-query-expansion-tiny-{q}.gguf" for q in ("f16", "q4_k_m", "q8_0")]
    report = json.loads((export / "report.json").read_text())
    assert all(f["summary"]["queries"] == 2 and f["summary"]["format_valid_rate"] == 1.0 for f in report["files"].values())
    assert "PARAMETER temperature 0.7" in (export / "Modelfile").read_text() and "## Evaluation" in (export / "README.md").read_text()
