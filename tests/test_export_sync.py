"The exported module matches the notebooks: nbdev_export on a copy of the repo changes nothing."
import shutil, subprocess, sys, filecmp
from pathlib import Path

def test_nbdev_export_changes_nothing(root, tmp_path):
    for name in ("nbs", "qmd_expansion"): shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("settings.ini", "setup.py"): shutil.copy(root / name, tmp_path / name)
    exporter = Path(sys.executable).with_name("nbdev_export")
    subprocess.run([str(exporter)], cwd=tmp_path, check=True)
    cmp = filecmp.dircmp(root / "qmd_expansion", tmp_path / "qmd_expansion", ignore=["__pycache__"])
    assert not (cmp.diff_files or cmp.left_only or cmp.right_only), \
        f"nbdev_export would change qmd_expansion/: {cmp.diff_files + cmp.left_only + cmp.right_only}; edit the notebook and export"
