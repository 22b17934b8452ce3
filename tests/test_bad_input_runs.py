"""Bad input, faults and secrets in the run-side commands (issue 17): each probe, as a user would run it.

The rule everywhere: one `error:` line naming the file and the config key, a non-zero exit, no traceback, nothing
half-written, nothing secret on disk.
"""
import json, os, shutil, subprocess, sys, tarfile
from pathlib import Path
import nbformat, pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from qmd_expansion.sft import ConfigError, SFTRunConfig, load_config
from qmd_expansion.grpo import GRPORunConfig

BIN = Path(sys.executable).parent
FAKE = "hf_FAKEtoken0123456789abcdefghijklmnop"
SECRETS = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "ANTHROPIC_API_KEY")

def run(*args, cwd=None, env=None):
    "A console command as a user runs it, with `env` added to (secrets removed from) this environment."
    base = {k: v for k, v in os.environ.items() if k not in SECRETS}
    return subprocess.run([str(BIN / args[0]), *map(str, args[1:])], capture_output=True, text=True, cwd=cwd,
                          env={**base, **(env or {})}, timeout=900)

def clean_error(r, *needles, code=2):
    "Exit `code`, exactly one `error:` line on stderr holding every needle, and no traceback."
    assert r.returncode == code, (r.returncode, r.stderr[-3000:])
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, r.stderr[-3000:]
    for needle in needles: assert needle in errors[0], (needle, errors[0])

def no_secret_in(folder: Path):
    for f in folder.rglob("*"):
        if f.is_file(): assert FAKE.encode() not in f.read_bytes(), f

# --- 1. a refused secret parameter never reaches disk, and the run is recorded as failed

def test_refused_secret_parameter_is_recorded_as_failed_and_redacted(root, tmp_path):
    run_dir = tmp_path / "R"
    run_dir.mkdir()
    (run_dir / "03_eval.failed.ipynb").write_text("an earlier failed run")
    r = run("qmdx-job", "eval", "--param", f"model={FAKE}", "--run-dir", run_dir, cwd=root, env={"HF_TOKEN": FAKE})
    clean_error(r, "parameter 'model' holds the value of HF_TOKEN", code=1)
    record = json.loads((run_dir / "run.json").read_text())
    assert record["ok"] is False and record["parameters"] == {"model": "[REDACTED:HF_TOKEN]"}
    assert "holds the value of HF_TOKEN" in record["error"]
    assert (run_dir / "03_eval.failed.ipynb").read_text() == "an earlier failed run"      # nothing earlier deleted
    assert sorted(p.name for p in run_dir.iterdir()) == ["03_eval.failed.ipynb", "run.json"]
    no_secret_in(run_dir)
    assert FAKE not in r.stdout + r.stderr

def test_refused_secret_parameter_stops_a_chain_before_any_stage(root, tmp_path):
    run_dir = tmp_path / "C"
    r = run("qmdx-job", "chain", "--stages", "sft,eval", "--param", f"model={FAKE}", "--run-dir", run_dir, cwd=root,
            env={"HF_TOKEN": FAKE})
    clean_error(r, "parameter 'model' holds the value of HF_TOKEN", code=1)
    record = json.loads((run_dir / "chain.json").read_text())
    assert record["ok"] is False and record["runs"] == [] and "holds the value of HF_TOKEN" in record["error"]
    assert sorted(p.name for p in run_dir.iterdir()) == ["chain.json"]                    # no stage ran
    no_secret_in(run_dir)
    assert FAKE not in r.stdout + r.stderr

# --- 2. a kill while a checkpoint is written does not block the resume

def test_resume_takes_the_last_complete_checkpoint_and_sets_the_torn_one_aside(root, tmp_path):
    out = tmp_path / "sft"
    sft = ["qmdx-sft", "--config", root / "configs/sft-cpu.yaml", "--set", "model=tiny", "--set", f"output_dir={out}",
           "--set", "train.max_steps=2", "--set", "train.save_steps=1", "--set", "train.batch_size=2",
           "--set", "train.logging_steps=1", "--set", "val_fraction=0.01"]
    r = run(*sft)
    assert r.returncode == 0, r.stderr[-3000:]
    ckpts = out / "checkpoints"
    torn = ckpts / "checkpoint-2"              # killed early in the Trainer's save_model: no weights, no state
    for f in torn.iterdir():
        if f.name not in ("adapter_config.json", "README.md"): f.unlink()
    shutil.rmtree(out / "adapter")
    (out / "summary.json").unlink()
    r = run(*sft)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"resuming from {ckpts / 'checkpoint-1'}" in r.stdout
    aside = ckpts / "incomplete-checkpoint-2"
    assert sorted(p.name for p in aside.iterdir()) == ["README.md", "adapter_config.json"]   # renamed, not deleted
    assert (ckpts / "checkpoint-2" / "trainer_state.json").exists()
    assert json.loads((out / "summary.json").read_text())["steps"] == 2

# --- 5. config files and overrides: one error line naming the file and the key

@pytest.mark.parametrize("command", [["qmdx-sft", "--dry-run", "--config"], ["qmdx-grpo", "--dry-run", "--config"],
                                     ["qmdx-main", "--sft-config"], ["qmdx-main", "--grpo"]],
                         ids=["sft", "grpo", "main-sft", "main-grpo"])
def test_missing_config_file(root, tmp_path, command):
    extra = ["--run-dir", tmp_path / "run", "--sft-config", root / "configs/sft-cpu.yaml", "--set", "model=tiny"] \
        if command[-1] == "--grpo" else ["--run-dir", tmp_path / "run"] if command[0] == "qmdx-main" else []
    r = run(*command, tmp_path / "nope.yaml", *extra, cwd=tmp_path)
    clean_error(r, f"{tmp_path / 'nope.yaml'}: no such config file")
    assert not (tmp_path / "run").exists()

@pytest.mark.parametrize("text, message", [
    ("model: tiny\ntrain:\n  lr: [1\n", "bad.yaml:4: not valid YAML"),
    ("- model: tiny\n- train: {}\n", "bad.yaml: expected a mapping of config keys, got list"),
    ("model: tiny\nmodel: smollm2-135m\n", "bad.yaml:2: not valid YAML: duplicate key 'model' (first at line 1)"),
    ("model: tiny\ttrain: 1\n", "bad.yaml:1: not valid YAML"),
], ids=["syntax", "list", "duplicate-key", "tab"])
def test_config_that_does_not_parse(tmp_path, text, message):
    (tmp_path / "bad.yaml").write_text(text)
    clean_error(run("qmdx-sft", "--config", tmp_path / "bad.yaml", "--dry-run"), message)

@pytest.mark.parametrize("override, message", [
    ("train.lr=[1", "sft-cpu.yaml: override 'train.lr=[1': value: not valid YAML"),
    ("train.lr.x=1", "sft-cpu.yaml: override 'train.lr.x=1': train.lr is not a section"),
    ("train..lr=1", "sft-cpu.yaml: override 'train..lr=1': empty key"),
    ("train", "sft-cpu.yaml: override 'train' is not key=value"),
])
def test_bad_override(root, override, message):
    clean_error(run("qmdx-sft", "--config", root / "configs/sft-cpu.yaml", "--set", override, "--dry-run"), message)

def test_unreachable_hub_model_fails_at_once(root, tmp_path):
    env = {"HF_ENDPOINT": "http://127.0.0.1:9", "HF_HOME": str(tmp_path / "hf")}   # nothing listens there; no cache
    r = run("qmdx-sft", "--config", root / "configs/sft.yaml", "--dry-run", env=env)
    clean_error(r, "sft.yaml.model: Qwen/Qwen3-1.7B is not in the local Hugging Face cache",
                "the Hub (http://127.0.0.1:9) cannot be reached")
    r = run("qmdx-sft", "--config", root / "configs/sft.yaml", "--dry-run",
            env={"HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")})
    clean_error(r, "sft.yaml.model: Qwen/Qwen3-1.7B is not in the local Hugging Face cache and HF_HUB_OFFLINE is set")

# --- 7. values out of range are refused when the config loads, naming the key

@pytest.mark.parametrize("override, message", [
    ("train.lr=-1e-4", "train.lr: must be a finite number > 0"),
    ("train.lr=.nan", "train.lr: must be a finite number > 0"),
    ("train.epochs=.inf", "train.epochs: must be a finite number > 0"),
    ("train.batch_size=0", "train.batch_size: must be >= 1"),
    ("train.max_length=-512", "train.max_length: must be >= 1"),
    ("val_fraction=1.5", "val_fraction: must be in [0, 1)"),
])
def test_sft_value_out_of_range(root, override, message):
    clean_error(run("qmdx-sft", "--config", root / "configs/sft-cpu.yaml", "--set", override, "--dry-run"),
                f"sft-cpu.yaml.{message}")

def test_grpo_value_out_of_range(root):
    r = run("qmdx-grpo", "--config", root / "configs/grpo-cpu.yaml", "--set", "grpo.scale_rewards=sometimes",
            "--dry-run")
    clean_error(r, "grpo-cpu.yaml.grpo.scale_rewards: must be one of group, batch, none, got 'sometimes'")

def test_grpo_missing_sft_adapter_before_any_model_loads(root, tmp_path):
    r = run("qmdx-grpo", "--config", root / "configs/grpo-cpu.yaml", "--set", "sft_adapter=./runs/no-such/adapter",
            "--dry-run", cwd=tmp_path)
    clean_error(r, "grpo-cpu.yaml.sft_adapter: ./runs/no-such/adapter: no such model or adapter directory")

# --- 10. a mistyped local path is not sent to the Hub

@pytest.mark.parametrize("args, message", [
    (["qmdx-eval", "--model", "runs/adaptr"], "runs/adaptr: no such model or adapter directory"),
    (["qmdx-eval", "--model", "tiny", "--sft-model", "runs/sft/adaptr"],
     "runs/sft/adaptr: no such model or adapter directory"),
    (["qmdx-sft", "--set", "model=runs/adaptr", "--dry-run"],
     "sft-cpu.yaml.model: runs/adaptr: no such model or adapter directory"),
], ids=["eval-model", "eval-sft-model", "sft-model"])
def test_mistyped_local_model_path(root, tmp_path, args, message):
    (tmp_path / "runs").mkdir()                                 # `runs/...` names a folder here: a path, not a Hub id
    where = (["--queries", root / "evals/queries.txt"] if args[0] == "qmdx-eval"
             else ["--config", root / "configs/sft-cpu.yaml"])
    clean_error(run(*args, *where, cwd=tmp_path, env={"HF_HOME": str(tmp_path / "hf")}), message)

# --- 11. the GGUF converter comes only from the sdist with the pinned sha256

def test_converter_refuses_an_sdist_with_another_hash(tmp_path):
    from qmd_expansion.gguf import SDIST, LLAMA_CPP_VERSION
    sdist = tmp_path / SDIST
    script = tmp_path / "convert_hf_to_gguf.py"
    script.write_text("print('not llama.cpp')\n")
    with tarfile.open(sdist, "w:gz") as tar:
        tar.add(script, f"llama_cpp_python-{LLAMA_CPP_VERSION}/vendor/llama.cpp/convert_hf_to_gguf.py")
    r = run("qmdx-gguf", "converter", "--llama-sdist", sdist, env={"QMDX_CACHE": str(tmp_path / "cache")})
    clean_error(r, f"{sdist}: sha256", "is not the pinned")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())

# --- 13. dry runs clean up; qmdx-job runs the checkout it is started in

def test_sft_dry_run_leaves_no_temporary_folder(root, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    r = run("qmdx-sft", "--config", root / "configs/sft-cpu.yaml", "--set", "model=tiny", "--dry-run",
            env={"TMPDIR": str(tmp)})
    assert r.returncode == 0, r.stderr[-3000:]
    assert "trainable_parameters" in r.stdout and not list(tmp.glob("qmdx-dry-*"))

def test_job_runs_the_notebooks_of_the_checkout_it_is_started_in(tmp_path):
    clone = tmp_path / "clone"
    (clone / "nbs").mkdir(parents=True)
    (clone / "settings.ini").write_text("[DEFAULT]\nlib_name = qmd_expansion\n")
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('output = "eval.json"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell('from pathlib import Path\nPath(output).write_text("{}")\n'
                                  'print("the clone\'s notebook")')])
    nbformat.write(nb, clone / "nbs" / "03_eval.ipynb")
    r = run("qmdx-job", "eval", "--run-dir", tmp_path / "run", cwd=clone / "nbs")
    assert r.returncode == 0, r.stderr[-3000:]
    assert "the clone's notebook" in (tmp_path / "run" / "03_eval.ipynb").read_text()

# --- property: any bytes as a config file, any override: a clean ConfigError or a valid config

FRAGMENTS = ["model:", " tiny", "train:", "lora:", "grpo:", "\n", "  ", "lr:", "r:", " -1", " 0", " .nan", " 1e400",
             " [1", "{", "}", "[", "]", ",", ":", "- ", "&a ", "*a", "!!binary ", "!!timestamp ", "2024-13-45",
             "val_fraction:", " 1.5", "\t", "\x00", "\u2028", "'", '"', "#", "? ", "<<: ", "~",
             "!!python/object:os.system ", "%YAML 1.1\n", "---\n"]
yaml_like = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join).map(str.encode)

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), yaml_like), cls=st.sampled_from([SFTRunConfig, GRPORunConfig]))
def test_any_bytes_as_a_config_file(tmp_path, data, cls):
    path = tmp_path / "config.yaml"
    path.write_bytes(data)
    try: cfg = load_config(cls, path)
    except ConfigError as e: assert str(path) in str(e) and "\n" not in str(e), str(e)
    else: assert isinstance(cfg, cls)

KEYS = ["train.lr", "lora", "train.lr.x", "model", "data", "lora.targets", "train..x", ""]
overrides = st.tuples(st.sampled_from(KEYS), st.sampled_from(FRAGMENTS + ["1", "[a, b]", "{x: 1}"])).map("=".join)

@settings(max_examples=300, deadline=None)
@given(override=st.one_of(st.text(max_size=60), overrides))
def test_any_override(root, override):
    try: cfg = load_config(SFTRunConfig, root / "configs/sft-cpu.yaml", [override])
    except ConfigError as e: assert "sft-cpu.yaml" in str(e) and "\n" not in str(e), str(e)
    else: assert isinstance(cfg, SFTRunConfig)
