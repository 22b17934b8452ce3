"""Bad input to the data, evaluation, retrieval and reward tools (issue 17): each probe gets a one-line error naming the
file, line and field, a non-zero exit and no traceback; nothing is half-written, dropped or replaced silently."""
import json, math, os, socket, subprocess, sys
from pathlib import Path
import pytest
from hypothesis import given, settings, HealthCheck, strategies as st
from qmd_expansion import data, generation, eval as qeval, reward, retrieval, sft, grpo
from qmd_expansion.data import DataError, parse_example, read_examples, read_queries, prepare
from qmd_expansion.reward import score_expansion, parse_expansion
from qmd_expansion.retrieval import BeirError, load_beir

ROOT = Path(__file__).resolve().parents[1]
GOOD = "lex: auth config setup\nvec: how to configure authentication\n"

def record(**kw) -> dict:
    "A valid example record, with `kw` replacing fields."
    return {"id": "t-1", "query": "auth config", "category": "technical_docs", "lex": ["auth config setup"],
            "vec": ["how to configure authentication"], "hyde": None, "source": "handwritten", **kw}

def write_records(path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path

def some_examples(path, n=40, **kw) -> Path:
    "`n` valid examples with distinct queries."
    return write_records(path, [record(id=f"t-{i}", query=f"auth config number{i}", **kw) for i in range(n)])

def one_error_line(err: str) -> str:
    "The single line a command printed on stderr; no traceback."
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]

def run_module(module, *args, cwd=None, **kw):
    "`python -m qmd_expansion.MODULE ARGS` on this checkout (stdout and stderr captured unless given)."
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    command = [sys.executable, "-m", f"qmd_expansion.{module}", *map(str, args)]
    return subprocess.run(command, cwd=cwd, env=env, **streams)

# ---- 3. evaluation queries never leak into training silently

def test_prepare_from_another_directory_still_excludes_the_eval_queries(tmp_path):
    leaked = read_queries(ROOT / "evals/queries.txt")[0][1]
    src = write_records(tmp_path / "d.jsonl", [record(id="leak-1", query=leaked), record(id="t-2", query="lint trap")])
    r = run_module("generation", "prepare", src, "--out", tmp_path / "out", "--val-fraction", "0", cwd=tmp_path, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["excluded_eval_overlap"] == ["leak-1"]

def test_prepare_with_a_mistyped_exclusion_file_stops(tmp_path, capsys):
    src = some_examples(tmp_path / "d.jsonl")
    missing = tmp_path / "evals" / "querys.txt"
    assert generation.main(["prepare", str(src), "--out", str(tmp_path / "out"), "--exclude-queries", str(missing)]) == 2
    assert str(missing) in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "out").exists()

def prepare_cli(src, out, *args) -> int:
    "`qmdx-data prepare SRC --out OUT ARGS`, excluding no query unless ARGS names files."
    exclusion = [] if "--exclude-queries" in args else ["--exclude-queries"]
    return generation.main(["prepare", str(src), "--out", str(out), *args, *exclusion])

def test_prepare_excludes_nothing_only_when_asked_to(tmp_path, capsys):
    src = some_examples(tmp_path / "d.jsonl")
    assert prepare_cli(src, tmp_path / "out", "--val-fraction", "0") == 0
    assert json.loads(capsys.readouterr().out)["excluded_eval_overlap"] == []

def test_an_empty_exclusion_file_is_an_error(tmp_path, capsys):
    src, empty = some_examples(tmp_path / "d.jsonl"), tmp_path / "queries.txt"
    empty.write_text("# category: everyday\n")
    assert generation.main(["prepare", str(src), "--out", str(tmp_path / "out"), "--exclude-queries", str(empty)]) == 2
    assert "no queries" in one_error_line(capsys.readouterr().err)

def test_sft_and_grpo_stop_on_a_missing_exclusion_file(tmp_path):
    src, missing = some_examples(tmp_path / "d.jsonl"), str(tmp_path / "querys.txt")
    with pytest.raises(DataError, match="querys.txt"):
        sft._datasets(sft.SFTRunConfig(data=[str(src)], exclude_queries=[missing]), tmp_path / "sft")
    with pytest.raises(DataError, match="querys.txt"):
        grpo.grpo_dataset(grpo.GRPORunConfig(data=[str(src)], exclude_queries=[missing]), tmp_path / "grpo")

def test_eval_from_another_directory_expands_the_checkout_queries(tmp_path, capsys, monkeypatch):
    def stop(*a, **kw): raise ValueError("the queries were read; no model in this test")
    monkeypatch.setattr(qeval, "load_model", stop)
    monkeypatch.chdir(tmp_path)
    assert qeval.main(["--model", "tiny"]) == 2
    assert "the queries were read" in one_error_line(capsys.readouterr().err)

# ---- 4. the validation fraction, too few examples, and a partial output folder

def test_prepare_val_fraction_zero_is_no_validation_split(tmp_path, capsys):
    from datasets import load_from_disk
    src = some_examples(tmp_path / "d.jsonl", 5)
    assert prepare_cli(src, tmp_path / "out", "--val-fraction", "0") == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["train"], counts["val"]) == (5, 0)
    train, val = load_from_disk(str(tmp_path / "out" / "train")), load_from_disk(str(tmp_path / "out" / "val"))
    assert (len(train), len(val), val.features) == (5, 0, train.features)

@pytest.mark.parametrize("fraction", ["1", "1.5", "-0.1", "nan", "inf"])
def test_prepare_rejects_a_val_fraction_out_of_range(tmp_path, capsys, fraction):
    src = some_examples(tmp_path / "d.jsonl")
    assert prepare_cli(src, tmp_path / "out", "--val-fraction", fraction) == 2
    assert "val" in one_error_line(capsys.readouterr().err) and not (tmp_path / "out").exists()

def test_prepare_refuses_an_empty_validation_split(tmp_path, capsys):
    src = some_examples(tmp_path / "d.jsonl", 2)
    assert prepare_cli(src, tmp_path / "out") == 2
    assert "validation split" in one_error_line(capsys.readouterr().err) and not (tmp_path / "out").exists()

def test_prepare_refuses_an_empty_file(tmp_path, capsys):
    (tmp_path / "empty.jsonl").write_text("")
    assert prepare_cli(tmp_path / "empty.jsonl", tmp_path / "out") == 2
    assert "no examples" in one_error_line(capsys.readouterr().err) and not (tmp_path / "out").exists()

def test_a_failed_prepare_leaves_the_earlier_output_as_it_was(tmp_path, monkeypatch):
    import datasets
    out = tmp_path / "out"
    prepare(some_examples(tmp_path / "a.jsonl", 40), out, 0.2)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls = []
    def full_disk(self, *args, **kw):
        calls.append(1)
        if len(calls) == 2: raise OSError("No space left on device")
        return saved(self, *args, **kw)
    saved = datasets.Dataset.save_to_disk
    monkeypatch.setattr(datasets.Dataset, "save_to_disk", full_disk)
    with pytest.raises(OSError, match="No space"): prepare(some_examples(tmp_path / "b.jsonl", 60), out, 0.2)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl", "out"]

# ---- 5. missing files, directories, result documents without rows, closed pipes

@pytest.mark.parametrize("command", ["validate", "dedupe", "clean"])
def test_a_missing_data_file_is_one_line(tmp_path, capsys, command):
    assert generation.main([command, str(tmp_path / "nope.jsonl")]) == 2
    assert f"{tmp_path / 'nope.jsonl'}: no such file" in one_error_line(capsys.readouterr().err)

def test_score_only_on_a_directory(tmp_path, capsys):
    assert qeval.main(["--score-only", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a directory" in one_error_line(capsys.readouterr().err)

@pytest.mark.parametrize("document", [{}, {"summary": {}}, {"rows": []}, {"rows": [{"query": "q"}]}, [], "x"])
def test_compare_on_a_result_without_rows(tmp_path, capsys, document):
    good = tmp_path / "good.json"
    outs = write_records(tmp_path / "outs.jsonl", [{"query": "auth config", "text": GOOD}])
    assert qeval.main(["--score-only", str(outs), "-o", str(good)]) == 0
    (tmp_path / "bad.json").write_text(json.dumps(document))
    capsys.readouterr()
    assert qeval.main(["--compare", str(good), str(tmp_path / "bad.json")]) == 2
    assert str(tmp_path / "bad.json") in one_error_line(capsys.readouterr().err)

def test_compare_on_a_file_that_is_not_json(tmp_path, capsys):
    (tmp_path / "bad.json").write_text('{"rows": [\n  1,,\n]}')
    assert qeval.main(["--compare", str(tmp_path / "bad.json"), str(tmp_path / "bad.json")]) == 2
    assert f"{tmp_path / 'bad.json'}:2: " in one_error_line(capsys.readouterr().err)

def test_output_naming_a_directory_writes_nothing(tmp_path, capsys):
    outs = write_records(tmp_path / "outs.jsonl", [{"query": "auth config", "text": GOOD}])
    (tmp_path / "out").mkdir()
    assert qeval.main(["--score-only", str(outs), "-o", str(tmp_path / "out")]) == 2
    assert "is a directory" in one_error_line(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "outs.jsonl"] and not any((tmp_path / "out").iterdir())

def test_a_failed_save_leaves_no_temporary_file(tmp_path):
    (tmp_path / "r.json").mkdir()
    with pytest.raises(DataError, match="is a directory"): qeval.save_result({"rows": []}, tmp_path / "r.json")
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]

@pytest.mark.parametrize("args", [("reward", "score", "auth config", GOOD, "--json"), ("generation", "validate", "{src}"),
                                  ("eval", "--score-only", "{outs}", "-v")])
def test_output_into_a_closed_pipe_ends_quietly(tmp_path, args):
    src = some_examples(tmp_path / "d.jsonl", 3)
    outs = write_records(tmp_path / "outs.jsonl", [{"query": "auth config", "text": GOOD}])
    read_end, write_end = os.pipe()
    os.close(read_end)
    try: r = run_module(args[0], *(a.format(src=src, outs=outs) for a in args[1:]), stdout=write_end, text=True)
    finally: os.close(write_end)
    assert r.stderr == "" and r.returncode == 141

# ---- 6. empty input is an error

def test_validate_an_empty_file(tmp_path, capsys):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    assert generation.main(["validate", str(tmp_path / "empty.jsonl")]) == 2
    assert f"{tmp_path / 'empty.jsonl'}: no examples" in one_error_line(capsys.readouterr().err)

def test_validate_an_empty_directory(tmp_path, capsys):
    assert generation.main(["validate", str(tmp_path)]) == 2
    assert f"{tmp_path}: no *.jsonl files" in one_error_line(capsys.readouterr().err)

def test_validate_a_directory_of_files_that_are_not_read(tmp_path, capsys):
    some_examples(tmp_path / "data.json", 2)
    some_examples(tmp_path / "DATA.JSONL", 2)
    assert generation.main(["validate", str(tmp_path)]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert "DATA.JSONL" in err and "data.json" in err

def test_a_data_lookalike_beside_real_data_is_not_ignored(tmp_path, capsys):
    some_examples(tmp_path / "a.jsonl", 2)
    some_examples(tmp_path / "b.JSONL", 2)
    assert generation.main(["validate", str(tmp_path)]) == 2
    assert "b.JSONL" in one_error_line(capsys.readouterr().err)

def beir_dir(path, qrels="query-id\tcorpus-id\tscore\nq1\td1\t1\n") -> Path:
    "A BEIR folder of one document and one query, with `qrels` (text or bytes) as its test judgments."
    (path / "qrels").mkdir(parents=True)
    (path / "corpus.jsonl").write_text(json.dumps({"_id": "d1", "title": "", "text": "auth config"}) + "\n")
    (path / "queries.jsonl").write_text(json.dumps({"_id": "q1", "text": "auth"}) + "\n")
    (path / "qrels" / "test.tsv").write_bytes(qrels.encode() if isinstance(qrels, str) else qrels)
    return path

def test_qrels_with_only_a_header(tmp_path, capsys):
    d = beir_dir(tmp_path / "b", qrels="query-id\tcorpus-id\tscore\n")
    assert retrieval.main([str(d)]) == 2
    assert f"{d / 'qrels' / 'test.tsv'}: no judgments" in one_error_line(capsys.readouterr().err)

def test_an_empty_queries_file_is_reported_before_the_model_loads(tmp_path, capsys, monkeypatch):
    def no_model(*a, **kw): raise AssertionError("the model was loaded")
    monkeypatch.setattr(qeval, "load_model", no_model)
    (tmp_path / "queries.txt").write_text("# category: everyday\n\n")
    assert qeval.main(["--model", "tiny", "--queries", str(tmp_path / "queries.txt")]) == 2
    assert f"{tmp_path / 'queries.txt'}: no queries" in one_error_line(capsys.readouterr().err)

# ---- 8. types and contents

@pytest.mark.parametrize("category", [None, 3, ["a"], ""])
def test_score_only_checks_the_category_type(tmp_path, capsys, category):
    outs = write_records(tmp_path / "outs.jsonl", [{"query": "auth config", "text": GOOD, "category": category}])
    assert qeval.main(["--score-only", str(outs)]) == 2
    assert f"{outs}:1: field 'category'" in one_error_line(capsys.readouterr().err)

@pytest.mark.parametrize("rec, field", [({"query": 5, "text": GOOD}, "query"), ({"text": GOOD}, "query"),
                                        ({"query": "auth config", "text": 5}, "text"),
                                        ({"query": "auth config"}, "text"), ({"query": " ", "text": GOOD}, "query"),
                                        ({"query": "auth\x00", "text": GOOD}, "query")])
def test_score_only_names_the_bad_field(tmp_path, capsys, rec, field):
    outs = write_records(tmp_path / "outs.jsonl", [rec])
    assert qeval.main(["--score-only", str(outs)]) == 2
    assert f"{outs}:1: field '{field}'" in one_error_line(capsys.readouterr().err)

@pytest.mark.parametrize("parent", [5, "", ["a"], {"id": "a"}])
def test_parent_is_type_checked(parent):
    with pytest.raises(DataError, match="f.jsonl:3: field 'parent'"): parse_example(record(parent=parent), "f.jsonl", 3)

@pytest.mark.parametrize("field, value", [("query", "auth\x00 config"), ("query", "auth \x1b[31mconfig"),
                                          ("query", "auth\x07"), ("lex", ["auth\x00 config"]),
                                          ("vec", ["how to \x1b configure auth"]),
                                          ("hyde", "Set AUTH_SECRET\x07 in the environment to configure auth."),
                                          ("id", "t\x00"), ("source", "hand\x7fwritten"),
                                          ("query", "auth \ud800 config")])
def test_control_characters_are_refused(field, value):
    with pytest.raises(DataError, match=f"f.jsonl:2: field '{field}': .*U\\+"):
        parse_example(record(**{field: value}), "f.jsonl", 2)

def test_whitespace_and_line_separators_in_text_fields_are_fine():
    ex = parse_example(record(query="auth\tconfig", source="hand\u2028written"))
    assert (ex.query, ex.source) == ("auth config", "hand\u2028written")

def test_a_huge_query_is_refused():
    with pytest.raises(DataError, match=f"field 'query': .*{data.MAX_QUERY_CHARS}"):
        parse_example(record(query="auth " * 200_000))
    with pytest.raises(DataError, match=f"field 'lex': .*{data.MAX_LINE_CHARS}"):
        parse_example(record(lex=["auth " * 200]))

def test_duplicate_json_keys_are_refused(tmp_path):
    twice = json.dumps(record(id="t-2"))[:-1] + ', "id": "t-3"}'
    (tmp_path / "d.jsonl").write_text(json.dumps(record()) + "\n" + twice + "\n")
    with pytest.raises(DataError, match="d.jsonl:2: field 'id': duplicate key"): read_examples(tmp_path / "d.jsonl")

def test_duplicate_yaml_keys_are_refused(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("model: tiny\ntrain:\n  lr: 1.0e-4\n  epochs: 1\n  lr: 2.0e-4\n")
    with pytest.raises(Exception, match=r"c.yaml:5: .*duplicate key 'lr' \(first at line 3\)") as err:
        sft.load_config(sft.SFTRunConfig, cfg)
    assert isinstance(err.value, ValueError) or "yaml" in type(err.value).__module__

def test_a_repeated_qrels_pair_with_another_grade(tmp_path):
    d = beir_dir(tmp_path / "b", qrels="q1\td1\t2\nq1\td1\t1\n")
    with pytest.raises(BeirError, match=r"test.tsv:2: field 'score': .*2 at line 1"): load_beir(d)

def test_a_repeated_qrels_pair_with_the_same_grade_is_kept_once(tmp_path):
    assert load_beir(beir_dir(tmp_path / "b", qrels="q1\td1\t1\nq1\td1\t1\n")).qrels == {"q1": {"d1": 1}}

def test_a_bom_before_the_qrels_header(tmp_path):
    bench = load_beir(beir_dir(tmp_path / "b", qrels="\ufeffquery-id\tcorpus-id\tscore\nq1\td1\t1\n"))
    assert bench.qrels == {"q1": {"d1": 1}}

def test_invalid_utf8_names_file_and_line(tmp_path):
    d = beir_dir(tmp_path / "b", qrels=b"query-id\tcorpus-id\tscore\nq1\td\xe91\t1\n")
    with pytest.raises(DataError, match=r"test.tsv:2: .*not UTF-8: byte 0xe9"): load_beir(d)
    (tmp_path / "queries.txt").write_bytes(b"# category: everyday\nlint trap\ncaf\xe9 menu\n")
    with pytest.raises(DataError, match=r"queries.txt:3: .*not UTF-8: byte 0xe9"):
        read_queries(tmp_path / "queries.txt")

def test_invalid_utf8_in_a_query_csv_and_a_yaml_config_names_the_file(tmp_path):
    (tmp_path / "q.csv").write_bytes(b"query,category\nlint trap,everyday\ncaf\xe9 menu,everyday\n")
    with pytest.raises(DataError, match=r"q.csv:3: .*not UTF-8: byte 0xe9"): generation.read_query_list(tmp_path / "q.csv")
    (tmp_path / "c.yaml").write_bytes(b"model: tiny\ntrain:\n  scheduler: caf\xe9\n")
    with pytest.raises(sft.ConfigError, match=r"c.yaml: not UTF-8 text \(byte 35\)"):
        sft.load_config(sft.SFTRunConfig, tmp_path / "c.yaml")

def test_a_missing_queries_file(tmp_path):
    with pytest.raises(DataError, match=f"{tmp_path / 'q.txt'}: no such file"): read_queries(tmp_path / "q.txt")

def test_json_errors_say_at_once(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"query": "auth\tconfig"}\n')
    with pytest.raises(DataError) as err: read_examples(tmp_path / "d.jsonl")
    assert "at at" not in str(err.value) and "Invalid control character at column 16" in str(err.value)

# ---- 9. the reward

@pytest.mark.parametrize("query", ["", "   ", "\t\n", "?!", "auth\x00"])
def test_a_query_without_words_scores_zero_with_a_reason(query):
    s = score_expansion(query, GOOD)
    assert s.score == 0.0 and s.rating == "Failed" and "query" in s.hard_failure

def test_the_reward_command_refuses_an_empty_query(capsys):
    assert reward.main(["score", "  ", GOOD]) == 2
    assert "query" in one_error_line(capsys.readouterr().err)

def test_a_line_with_a_control_character_is_a_hard_failure():
    assert score_expansion("auth config", "lex: auth\x1b config\nvec: how to configure authentication").hard_failure

def stem_calls(monkeypatch, text) -> int:
    calls, real = [], reward.stem
    monkeypatch.setattr(reward, "stem", lambda w: calls.append(1) or real(w))
    score_expansion("auth config", text)
    monkeypatch.setattr(reward, "stem", real)
    return len(calls)

def test_reward_work_grows_linearly_with_the_lines(monkeypatch):
    lines = lambda n: "".join(f"{'lex' if i % 2 else 'vec'}: auth config option{i} word{i}\n" for i in range(n))
    assert stem_calls(monkeypatch, lines(800)) < 2.5 * stem_calls(monkeypatch, lines(400))

def test_reward_output_stays_proportional_to_the_input():
    text = "lex: auth config setup\n" * 300 + "vec: how to configure authentication\n" * 300
    s = score_expansion("auth config", text)
    short = "lex: auth config setup\n" * 2 + "vec: how to configure authentication\n" * 2
    assert len(json.dumps(s.deductions)) < 2000 and s.diversity == score_expansion("auth config", short).diversity

@pytest.mark.parametrize("sep", ["\u2028", "\x0c", "\x0b", "\x1c", "\x85", "\r"])
def test_the_reward_splits_lines_only_on_newlines(sep):
    e = parse_expansion(f"lex: auth config{sep}vec: how to configure authentication\n")
    assert (len(e.lex), e.vec) == (1, [])

def test_crlf_line_ends_are_newlines():
    e = parse_expansion("lex: auth config\r\nvec: how to configure authentication\r\n")
    assert (e.lex, e.vec) == (["auth config"], ["how to configure authentication"])

def test_the_reward_command_refuses_invalid_utf8_on_stdin():
    r = run_module("reward", "score", "auth config", "-", input=b"lex: auth config caf\xe9\nvec: how to set up auth\n")
    assert r.returncode == 2 and "not UTF-8" in one_error_line(r.stderr.decode())

def test_grpo_reads_prepared_data_with_line_separators(tmp_path):
    src = some_examples(tmp_path / "d.jsonl", 6, source="hand\u2028written\u2029\x85")
    ds = grpo.grpo_dataset(grpo.GRPORunConfig(data=[str(src)], exclude_queries=[]), tmp_path / "work")
    assert len(ds) == 6
    assert "\u2028" not in (tmp_path / "work" / "data" / "train.jsonl").read_text(encoding="utf-8")

# ---- 12. no network call on the offline path

def test_prepare_makes_no_network_call(tmp_path, monkeypatch):
    attempts = []
    def refuse(*args, **kw):
        attempts.append(args)
        raise OSError("no network in this test")
    for name in ("connect", "connect_ex"): monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    counts = prepare(some_examples(tmp_path / "d.jsonl"), tmp_path / "out", 0.2)
    assert attempts == [] and counts["train"] + counts["val"] == 40

# ---- property tests: arbitrary bytes give a clean error or a valid result

def containers(inner): return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20), containers,
                           max_leaves=12)
field_names = st.sampled_from(["id", "query", "category", "lex", "vec", "hyde", "source", "parent", "_id", "text",
                               "title"])
plausible = st.sampled_from(["auth config", "technical_docs", ["auth setup"]])
records = st.dictionaries(field_names, json_values | plausible, max_size=9)
deep_or_huge = st.sampled_from([b"[" * 50_000, b'{"a":' * 50_000, b"1" * 5000, b'{"query": ' + b"9" * 5000 + b"}"])
def example_line(fields) -> bytes:
    "A valid example with `fields` replaced, as UTF-8 (lone surrogates kept as the invalid bytes they become)."
    return json.dumps({**record(), **fields}, ensure_ascii=False).encode("utf-8", "surrogatepass")
line = st.one_of(st.binary(max_size=40), json_values.map(json.dumps).map(str.encode), deep_or_huge,
                 records.map(example_line))
property_settings = settings(max_examples=300, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
files = st.lists(line, max_size=6).map(b"\n".join)

@property_settings
@given(blob=files)
def test_any_bytes_read_as_examples_give_examples_or_a_data_error(tmp_path, blob):
    (tmp_path / "x.jsonl").write_bytes(blob)
    try: examples, _ = read_examples(tmp_path / "x.jsonl")
    except DataError: return
    for ex in examples: assert isinstance(ex.query, str) and ex.query.strip() and len(ex.lex) >= 1

judgments = st.tuples(st.sampled_from(["q1", "q2", "query-id"]), st.sampled_from(["d1", "d2"]),
                      st.sampled_from(["0", "1", "2", "x", "-1"])).map(lambda t: "\t".join(t).encode())
qrels_lines = st.one_of(st.binary(max_size=30), judgments)

@property_settings
@given(corpus=files, queries=files, qrels=st.lists(qrels_lines, max_size=5).map(b"\n".join))
def test_any_bytes_read_as_beir_give_a_benchmark_or_a_data_error(tmp_path_factory, corpus, queries, qrels):
    d = tmp_path_factory.mktemp("beir")
    (d / "qrels").mkdir()
    (d / "corpus.jsonl").write_bytes(corpus)
    (d / "queries.jsonl").write_bytes(queries)
    (d / "qrels" / "test.tsv").write_bytes(qrels)
    try: bench = load_beir(d)
    except DataError: return
    assert bench.qrels and all(q in bench.queries and set(docs) <= set(bench.corpus) for q, docs in bench.qrels.items())
