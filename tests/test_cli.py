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

# ---- flag spellings: what the Makefile, README, results page, SCORING.md, configs and jobs show keeps working
import argparse, importlib, re, shlex
import pytest
from qmd_expansion.jobs import job_script

COMMANDS = {"reward": "reward", "grounding": "grounding", "sft": "sft", "grpo": "grpo", "eval": "eval", "gguf": "gguf",
            "retrieval": "retrieval", "corpora": "corpora", "utility": "utility", "recipes": "recipes", "job": "jobs",
            "qmd": "qmd", "main": "main", "docs": "docs", "data": "generation"}

def parser_of(command: str):
    "The argparse parser of console command `qmdx-COMMAND`, or of job script `jobs/STAGE.py` for 'jobs/STAGE'."
    if command.startswith("jobs/"): return job_script(command.removeprefix("jobs/")).parser()
    return importlib.import_module(f"qmd_expansion.{COMMANDS[command]}").main.parser()

DOCUMENTED = [   # command, arguments, what some of them must mean
    ("reward", "", {}), ("reward", "selftest", {}), ("reward", "bench --seconds 5", {"seconds": 5.0}),
    ("reward", "score 'auth config' - --json", {"query": "auth config", "expansion": "-", "as_json": True}),
    ("grounding", "--specifics-only data/source", {"paths": ["data/source"], "specifics_only": True}),
    ("grounding", "--query q --text t -v", {"verbose": True}),
    ("sft", "--config configs/sft-cpu.yaml --dry-run", {"config": "configs/sft-cpu.yaml", "dry_run": True}),
    ("sft", "--config configs/sft-cpu.yaml --bench 8", {"bench": 8}),
    ("sft", "--config configs/sft.yaml --set train.epochs=3 --set push_to_hub=me/qmd-sft --no-resume",
     {"overrides": ["train.epochs=3", "push_to_hub=me/qmd-sft"], "resume": False}),
    ("grpo", "--config configs/grpo-cpu.yaml --set grpo.threads=2 --set grpo.max_steps=6",
     {"overrides": ["grpo.threads=2", "grpo.max_steps=6"]}),
    ("grpo", "--config configs/grpo-cpu.yaml --dry-run --prompts 4 --no-resume", {"prompts": 4, "resume": False}),
    ("eval", "--model runs/main/sft/adapter -v -o sft.json", {"verbose": True, "output": "sft.json"}),
    ("eval", "--model runs/main/grpo/adapter --sft-model runs/main/sft/adapter --greedy", {"greedy": True}),
    ("eval", "--score-only outputs.jsonl", {"score_only": "outputs.jsonl"}),
    ("eval", "--compare sft.json grpo.json", {"compare": ["sft.json", "grpo.json"]}),
    ("eval", "--model m --queries q.txt --max-new-tokens 8 --batch-size 2 --seed 1", {"max_new_tokens": 8}),
    ("gguf", "converter --llama-sdist s.tar.gz", {}), ("gguf", "export --size 1.7B", {"size": "1.7B"}),
    ("gguf", "export --base qwen3-1.7b --sft s --grpo g --output o --name n --quants q8_0 q4_k_m --force --result r "
             "--push-to-hub me/x", {"quants": ["q8_0", "q4_k_m"], "force": True}),
    ("gguf", "report --size 135M --presence-penalty 0 --no-hf -o x.json", {"presence_penalty": 0.0, "hf": False}),
    ("gguf", "report a.gguf b.gguf --hf-model m --hf-sft s --hf-result r --seed 1 --threads 2 --max-tokens 8 "
             "--queries q --quants q8_0", {"gguf": ["a.gguf", "b.gguf"]}),
    ("gguf", "modelfile qmd-query-expansion-135M-q8_0.gguf", {}), ("gguf", "push out --repo me/x --private", {}),
    ("retrieval", "evals/retrieval/qmd-notes --gold -o retrieval.json", {"gold": "", "output": "retrieval.json"}),
    ("retrieval", "evals/retrieval/qmd-notes --split dev --gold --no-ablations --model runs/grpo/R/adapter",
     {"split": "dev", "no_ablations": True}),
    ("retrieval", "--model m --sft-model s --cache c.jsonl --batch-size 2 --seed 1 --greedy --no-strong-signal", {}),
    ("corpora", "build debian-handbook --out evals/retrieval --cache debs", {"name": "debian-handbook"}),
    ("corpora", "split team-notes", {}), ("corpora", "stats --out evals/retrieval", {}),
    ("utility", "budget evals/retrieval/qmd-notes --split dev --expansions r.json", {"split": "dev"}),
    ("utility", "expert --model m.gguf --threads 1 -n 4 --out data/expert/round1.jsonl --corpus a b --seed 1",
     {"n": 4, "threads": 1, "corpus": ["a", "b"]}),
    ("recipes", "evaluate grpo-utility --order 4 --adapter a --sft s --summary a.json b.json",
     {"order": 4, "summary": ["a.json", "b.json"]}),
    ("recipes", "evaluate x --adapter a --summary --extra-seconds 3 --note n -o o.json", {"summary": []}),
    ("recipes", "table", {}),
    ("job", "chain --param model=tiny --param max_steps=2 --run-dir runs/chain-tiny",
     {"param": ["model=tiny", "max_steps=2"], "run_dir": "runs/chain-tiny"}),
    ("job", "sft -p a=1 --stages sft,eval --push-to me/x --private --repo . --kernel python3", {"param": ["a=1"]}),
    ("jobs/eval", "--local --param model=tiny --param max_new_tokens=8", {"local": True}),
    ("jobs/chain", "--push-to ME/qmd-run --stages sft,eval --run-dir r", {"push_to": "ME/qmd-run"}),
    ("qmd", "", {}), ("qmd", "--no-expansion --no-as-typed --fixture evals/retrieval/team-notes",
                      {"expansion": False, "as_typed": False}),
    ("qmd", "x.gguf --size 135M --quant q8_0 --queries q --beir a --beir b --embed-gguf e --threads 2 --seed 1 "
            "--n-retrieval 3 --no-retrieval --no-ours --keep k --install-only -o o.json", {"beir": ["a", "b"]}),
    ("main", "", {"run_dir": "runs/main"}), ("main", "--grpo configs/grpo-cpu.yaml --gguf", {"gguf": True}),
    ("main", "--run-dir runs/revised --sft-config c.yaml --set model=tiny --retrain --greedy --seed 1 --queries q "
             "--grpo-set grpo.beta=0 --no-retrieval", {"grpo_overrides": ["grpo.beta=0"], "retrieval": False}),
    ("data", "validate data/source data/augmented.jsonl", {"paths": ["data/source", "data/augmented.jsonl"]}),
    ("data", "clean data/source", {"fix": False, "drop": False, "out": None}),
    ("data", "clean data/source --fix --out /tmp/cleaned.jsonl", {"fix": True, "out": "/tmp/cleaned.jsonl"}),
    ("data", "dedupe data/source data/augmented.jsonl --threshold 0.8 --out deduped.jsonl",
     {"threshold": 0.8, "out": "deduped.jsonl"}),
    ("data", "augment data/source --out data/augmented.jsonl",
     {"out": "data/augmented.jsonl", "exclude_queries": None}),
    ("data", "augment a.jsonl --out b.jsonl --skip-bad --per-parent 2 --min-support 3 --exclude-queries",
     {"skip_bad": True, "per_parent": 2, "min_support": 3, "exclude_queries": []}),
    ("data", "prepare data/source data/augmented.jsonl --out data/prepared",
     {"out": "data/prepared", "val_fraction": 0.05, "seed": 0, "exclude_queries": None}),
    ("data", "prepare d --out o --val-fraction 0 --seed 1 --exclude-queries q.txt",
     {"val_fraction": 0.0, "seed": 1, "exclude_queries": ["q.txt"]}),
    ("data", "generate --out data/generated/claude.jsonl --categories places --per-category 20",
     {"categories": ["places"], "per_category": 20, "avoid": ["data/source", "data/augmented.jsonl"]}),
    ("data", "generate --out g.jsonl --batch 5 --model m --threshold 0.7 --avoid", {"avoid": [], "batch": 5}),
    ("data", "generate-offline queries.csv --column query --category everyday --model smollm2-135m --out offline.jsonl",
     {"queries": "queries.csv", "category": "everyday", "model": "smollm2-135m", "samples": 4}),
    ("data", "generate-offline q.csv --out o.jsonl --split test -n 2 --threshold 0 --max-new-tokens 8 --no-grammar "
             "--skip-bad", {"split": "test", "samples": 2, "max_new_tokens": 8, "no_grammar": True}),
    ("docs", "--no-execute", {"no_execute": True}),
    ("docs", "--execute 00_reward,03_eval --out o --from-run r --refresh", {"from_run": "r"}),
]

@pytest.mark.parametrize("command,args,meaning", DOCUMENTED, ids=[f"{c} {a}" for c, a, _ in DOCUMENTED])
def test_documented_invocation_parses(command, args, meaning):
    parsed = vars(parser_of(command).parse_args(shlex.split(args)))   # SystemExit(2) if a spelling changed
    assert {k: parsed[k] for k in meaning} == meaning

def option_strings(parser) -> set:
    "Every flag of `parser` and of its subcommands."
    found = set()
    for action in parser._actions:
        found |= set(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values(): found |= option_strings(sub)
    return found

def written_flags(root) -> dict:
    "`{command: {flag: files}}` for every flag written after `qmdx-COMMAND` or `jobs/STAGE.py` in the files users read."
    configs = sorted(str(p.relative_to(root)) for p in (root / "configs").glob("*.yaml"))
    files = ["Makefile", "README.md", "SCORING.md", "jobs/README.md", *configs]
    texts = {f: (root / f).read_text() for f in files}
    for nb in ("nbs/index.ipynb", "nbs/11_results.ipynb"):
        texts[nb] = "\n".join("".join(c["source"]) for c in json.loads((root / nb).read_text())["cells"])
    found = {}
    for name, text in texts.items():
        for m in re.finditer(r"(qmdx-[a-z]+|jobs/[a-z]+\.py)((?:[ \t]+(?!qmdx-)[^\s`|;&#)]+)*)",
                             text.replace("\\\n", " ")):
            command = m.group(1).removeprefix("qmdx-").removesuffix(".py")
            for flag in re.findall(r"(?<![\w-])(--?[a-z][a-z0-9-]*)", m.group(2)):
                found.setdefault(command, {}).setdefault(flag, set()).add(name)
    return found

def test_every_written_flag_exists(root):
    found = written_flags(root)
    assert {"--run-dir", "--gguf", "--grpo"} <= set(found["main"]) and "-n" in found["utility"]   # the scan sees them
    assert {"--out", "--categories", "--column"} <= set(found["data"])
    unknown = {(command, flag): sorted(files) for command, flags in found.items()
               for flag, files in flags.items() if flag not in option_strings(parser_of(command)) | {"-h", "--help"}}
    assert not unknown, f"flags the docs write that the commands no longer take: {unknown}"
