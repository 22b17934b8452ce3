"Every notebook runs under nbdev's own test runner (the function behind `nbdev_test`), one pytest test each."
import pytest
import nbdev.test as nbt
from pathlib import Path
from nbdev.config import get_config

NBS = sorted((Path(__file__).resolve().parents[1] / "nbs").glob("[0-9]*.ipynb"))

@pytest.mark.parametrize("nb", NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, request, monkeypatch):
    cfg = get_config()
    monkeypatch.chdir(cfg.nbs_path)
    ok, _ = nbt.test_nb(nb, skip_flags=cfg.tst_flags.split(), force_flags=request.config.getoption("--nb-flags").split(),
                        basepath=cfg.config_path)
    assert ok, f"{nb.name} failed under nbdev's test runner (traceback above)"
