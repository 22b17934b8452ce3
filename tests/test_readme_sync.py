"README.md is generated from nbs/index.ipynb (`make export`) and must not drift from it."
import subprocess, sys
from pathlib import Path

def test_readme_matches_index(root, tmp_path):
    jupyter = Path(sys.executable).with_name("jupyter")
    subprocess.run([str(jupyter), "nbconvert", "--to", "markdown", str(root / "nbs/index.ipynb"), "--output-dir", str(tmp_path),
                    "--output", "README", "--log-level", "WARN"], check=True)
    assert (tmp_path / "README.md").read_text() == (root / "README.md").read_text(), "README.md is stale: run `make export`"
