import pytest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def pytest_addoption(parser):
    parser.addoption("--nb-flags", default="", help="nbdev test flags to enable, e.g. 'slow' (see tst_flags in settings.ini)")

@pytest.fixture(scope="session")
def root(): return ROOT
