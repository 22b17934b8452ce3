"QMD itself, end to end (`make qmd-check` on a few queries): slow, run with `pytest tests/test_qmd.py --nb-flags slow`."
import json
import pytest
from qmd_expansion.models import embedded_gguf
from qmd_expansion.qmd import main, default_gguf, install_qmd, versions, CONDITIONS

@pytest.fixture
def slow(request):
    if "slow" not in request.config.getoption("--nb-flags").split():
        pytest.skip("installs Node 22 + QMD and runs a model: enable with --nb-flags slow")

def test_qmd_check_end_to_end(slow, root, tmp_path, monkeypatch):
    try: gguf = default_gguf()
    except FileNotFoundError as e: pytest.skip(str(e))
    monkeypatch.chdir(root)
    v = versions(install_qmd())
    assert v["node"].startswith("v22.") and v["qmd"].startswith("qmd 2.8.3")
    queries = tmp_path / "queries.txt"
    queries.write_text("# category: test\nnginx rate limiting config\nkubernetes pod keeps restarting\n")
    out = tmp_path / "qmd.json"
    assert main([str(gguf), "--queries", str(queries), "--n-retrieval", "3", "-o", str(out)]) == 0
    res = json.loads(out.read_text())
    qmd, ours = res["expansion"]["qmd"]["summary"], res["expansion"]["ours"]["summary"]
    assert qmd["queries"] == ours["queries"] == 2 and qmd["captured"] == 2 and qmd["filter_agrees"] == 2
    assert qmd["format_valid_rate"] == 1.0 and res["expansion"]["prompt"]["system_is_ours"]
    assert set(res["expansion"]) >= {"ours_presence0", "ours_no_system", "qmd_minus_ours_points"}
    check = res["retrieval"]["qmd-notes"]
    assert set(check["conditions"]) == set(CONDITIONS) and all(len(c["run"]) == 3 for c in check["conditions"].values())
    assert check["documents"] == 300 and res["settings"]["threads"] == 1

def test_full_hybrid_retrieval_only(slow, root, tmp_path, monkeypatch):
    "The retrieval part alone, with the embedded SmolLM2 GGUF as it ships as the generate model (it only exercises the as-typed path)."
    monkeypatch.chdir(root)
    out = tmp_path / "qmd.json"
    assert main([str(embedded_gguf()), "--no-expansion", "--n-retrieval", "3", "-o", str(out)]) == 0
    res = json.loads(out.read_text())
    assert "expansion" not in res and res["settings"]["embed_gguf"].endswith(".gguf")
    check = res["retrieval"]["qmd-notes"]
    assert check["embedded"]["chunks"] == 300 and check["embedding"]["cosine_min"] > 0.99
    assert check["index_agreement"]["titles_differ"] == [] and check["index_agreement"]["chunks_differ"] == []
    assert set(check["faithfulness"]) == set(CONDITIONS)
    assert all(len(f["per_query"]) == 3 and 0.0 <= f["overlap"] <= 1.0 for f in check["faithfulness"].values())
