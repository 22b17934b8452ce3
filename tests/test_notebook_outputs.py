"""Notebooks show their results: every numbered notebook with plot or table cells has outputs in them, and every stage
notebook (`jobs.STAGES`) is committed with outputs. The rule is `rhythm.missing_outputs` (defined and explained in
nbs/10a_rhythm.ipynb); `make execute NB=nbs/X.ipynb` refreshes a notebook's outputs."""
from pathlib import Path
import pytest
from qmd_expansion.jobs import STAGES
from qmd_expansion.rhythm import missing_outputs

NBS = sorted((Path(__file__).resolve().parents[1] / "nbs").glob("[0-9]*.ipynb"))
STAGE_NOTEBOOKS = {stage.notebook for stage in STAGES.values()}

def test_every_stage_notebook_is_numbered():
    assert STAGE_NOTEBOOKS <= {nb.name for nb in NBS}

@pytest.mark.parametrize("nb", NBS, ids=[p.stem for p in NBS])
def test_notebook_is_committed_with_its_results(nb):
    why = missing_outputs(nb, stage=nb.name in STAGE_NOTEBOOKS)
    assert not why, f"{nb.name}: {why}; run `make execute NB=nbs/{nb.name}` and commit it"
