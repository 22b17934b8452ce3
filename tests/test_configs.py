"""Every run config in configs/ loads, means what its YAML says, and resolves the values its runs were made with; the
SFT and GRPO settings share one base, every key carries its help, and a `--set` typo names the key it meant."""
import dataclasses, math
from pathlib import Path
import pytest, yaml
from qmd_expansion.sft import (ConfigError, LoraSettings, RunSettings, SFTRunConfig, TrainerSettings, TrainSettings,
                               config_keys, hf_arguments, load_config)
from qmd_expansion.grpo import GRPORunConfig, GRPOSettings, check_config

CONFIGS = sorted((Path(__file__).resolve().parents[1] / "configs").glob("*.yaml"))

def settings_class(path: Path):
    return SFTRunConfig if path.name.startswith("sft") else GRPORunConfig

def same(written, resolved) -> bool:
    "Does a value resolved from a config equal what the YAML wrote (an int written for a float field is that float)?"
    if isinstance(written, dict): return all(same(v, resolved[k]) for k, v in written.items())
    if isinstance(written, list): return len(written) == len(resolved) and all(map(same, written, resolved))
    if isinstance(resolved, float) and not isinstance(written, bool): return math.isclose(float(written), resolved)
    return written == resolved and type(written) is type(resolved)

def test_every_config_is_an_sft_or_grpo_config():
    assert len(CONFIGS) >= 9 and all(p.name.startswith(("sft", "grpo")) for p in CONFIGS)

@pytest.mark.parametrize("path", CONFIGS, ids=[p.stem for p in CONFIGS])
def test_config_loads_and_means_what_it_says(path):
    cfg = load_config(settings_class(path), path)
    written = yaml.safe_load(path.read_text())
    assert same(written, dataclasses.asdict(cfg)), path.name
    if isinstance(cfg, GRPORunConfig): check_config(cfg)

@pytest.mark.parametrize("name, key, value", [
    ("sft.yaml", "train.epochs", 5.0), ("sft.yaml", "train.grad_accum", 4), ("sft.yaml", "train.threads", 0),
    ("sft-cpu.yaml", "train.max_steps", 100), ("sft-cpu.yaml", "train.lr", 4e-4), ("sft-cpu.yaml", "train.threads", 2),
    ("sft-cpu.yaml", "lora.targets", ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]),
    ("sft-expert-cpu.yaml", "init_adapter", "runs/revised/sft/adapter"),
    ("sft-expert-cpu.yaml", "lora.r", 16),                         # not in the file: the default
    ("sft-expert-cpu.yaml", "data", ["data/expert/round1.jsonl"]),
    ("grpo.yaml", "grpo.lr", 5e-7), ("grpo.yaml", "grpo.threads", 0), ("grpo.yaml", "lora.targets", ["q_proj", "v_proj"]),
    ("grpo.yaml", "beir_prompts", []), ("grpo.yaml", "grpo.loss_type", "grpo"),
    ("grpo-cpu.yaml", "grpo.lr", 1e-4), ("grpo-cpu.yaml", "grpo.batch_size", 8), ("grpo-cpu.yaml", "lora.r", 8),
    ("grpo-retrieval-cpu.yaml", "rewards", ["reward", "qmd_expansion.retrieval:train_retrieval_reward"]),
    ("grpo-utility-cpu.yaml", "reward_weights", [1.0, 1.0, 2.0]), ("grpo-utility-cpu.yaml", "grpo.max_steps", 30),
])
def test_resolved_value(name, key, value):
    path = next(p for p in CONFIGS if p.name == name)
    resolved = {row["key"]: row["value"] for row in config_keys(load_config(settings_class(path), path))}
    assert resolved[key] == value

def test_sft_and_grpo_share_one_base():
    assert issubclass(TrainSettings, TrainerSettings) and issubclass(GRPOSettings, TrainerSettings)
    assert issubclass(SFTRunConfig, RunSettings) and issubclass(GRPORunConfig, RunSettings)
    shared = {f.name for f in dataclasses.fields(TrainerSettings)}
    assert len(shared) == 14 and shared <= {f.name for f in dataclasses.fields(GRPOSettings)}
    assert {"model", "data", "output_dir", "exclude_queries", "lora"} == {f.name for f in dataclasses.fields(RunSettings)}

@pytest.mark.parametrize("cls", [SFTRunConfig, GRPORunConfig])
def test_every_key_has_help(cls):
    rows = config_keys(cls())
    assert len(rows) > 25 and all(row["help"] for row in rows), [row["key"] for row in rows if not row["help"]]

def test_grpo_keeps_the_shared_help_with_its_own_defaults():
    lr = {cls: cls.__dataclass_fields__["lr"] for cls in (TrainerSettings, GRPOSettings)}
    assert lr[GRPOSettings].metadata == lr[TrainerSettings].metadata
    assert (lr[TrainerSettings].default, lr[GRPOSettings].default) == (2e-4, 5e-7)
    assert hf_arguments(GRPOSettings())["learning_rate"] == 5e-7

def test_list_and_settings_defaults_are_not_shared_between_configs():
    a, b = SFTRunConfig(), SFTRunConfig()
    a.data.append("more")
    a.lora.targets.append("lm_head")
    assert b.data == ["data/source"] and "lm_head" not in b.lora.targets and "lm_head" not in LoraSettings().targets

@pytest.mark.parametrize("cls, override, message", [
    (SFTRunConfig, "train.learning_rate=1e-4", "unknown key 'learning_rate'; did you mean 'lr' (peak learning rate)?"),
    (SFTRunConfig, "train.learning_rte=1e-4", "unknown key 'learning_rte' (known: "),
    (SFTRunConfig, "lora.lora_alpha=8", "unknown key 'lora_alpha'; did you mean 'alpha'"),
    (GRPORunConfig, "grpo.kl_beta=0.1", "unknown key 'kl_beta'; did you mean 'beta' (weight of the KL penalty"),
    (GRPORunConfig, "rewardz=[reward]", "unknown key 'rewardz'; did you mean 'rewards'"),
])
def test_unknown_key_names_the_key_it_likely_meant(cls, override, message):
    with pytest.raises(ConfigError) as e: load_config(cls, overrides=[override])
    assert message in str(e.value) and "\n" not in str(e.value)

@pytest.mark.parametrize("cls, override, message", [
    (SFTRunConfig, "train.max_steps=0", "config.train.max_steps: must be -1 (train for epochs) or >= 1, got 0"),
    (GRPORunConfig, "grpo.max_steps=0", "config.grpo.max_steps: must be -1 (train for epochs) or >= 1, got 0"),
    (GRPORunConfig, "grpo.threads=-2", "config.grpo.threads: must be >= 0 (0: torch's default), got -2"),
    (GRPORunConfig, "output_dir=''", "config.output_dir: must be a directory, got ''"),
    (SFTRunConfig, "data=[]", "config.data: must be a non-empty list of paths, got []"),
])
def test_shared_checks_name_the_field(cls, override, message):
    with pytest.raises(ConfigError) as e: load_config(cls, overrides=[override])
    assert message in str(e.value)
