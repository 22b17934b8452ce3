"The rhythm table of a notebook folder built here, through the command line `make rhythm` runs."
import subprocess, sys
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell

def write(path, *cells): nbformat.write(new_notebook(cells=[new_markdown_cell("# Demo"), *cells]), str(path))

def test_rhythm_table_of_built_notebooks(root, tmp_path):
    long_function = "#| export\ndef long():\n" + "".join(f"    x{i} = {i}\n" for i in range(34)) + "    return x0"
    write(tmp_path / "01_one.ipynb",
          new_code_cell("#| default_exp one"),
          new_code_cell("#| export\nimport os"),
          new_code_cell("#| export\n@dataclass\nclass A:\n    x: int\n\n    def twice(self): return 2 * self.x"),
          new_code_cell(long_function),
          new_code_cell("assert A(1).twice() == 2; assert long() == 0  # ';' in a comment is not a chain"),
          new_code_cell("!ls; pwd\nprint('a; b')  # " + "w" * 120))
    write(tmp_path / "02_two.ipynb", new_code_cell("x = 1; y = 2; z = 3"))
    write(tmp_path / "index.ipynb", new_code_cell("#| export\ndef not_counted(): pass"))
    out = subprocess.run([sys.executable, "-m", "qmd_expansion.rhythm", str(tmp_path)], cwd=root, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    assert out[0] == ("| notebook | exported cells | median lines | definitions / cell | cells > 30 lines "
                      "| lines > 120 chars | `;` chains |")
    # 01_one: exported cells of 1, 5 and 36 lines define 0, 1 and 1; 1 of 45 code lines (46 with 02_two) is over 120 characters
    assert out[2:] == ["| 01_one | 3 | 5 | 0.67 | 1 | 2.2% | 1 |",
                       "| 02_two | 0 | - | - | 0 | 0.0% | 2 |",
                       "| all | 3 | 5 | 0.67 | 1 | 2.2% | 3 |"]
