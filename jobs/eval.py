# /// script
# requires-python = ">=3.10"
# dependencies = [
#   "qmd-expansion[train] @ git+https://github.com/qmd-expansion/qmd-expansion@main",
#   "torch==2.13.0",
#   "papermill==2.7.*",
#   "ipykernel",
#   "fastcore==1.12.47",
# ]
# ///
"""HF Jobs entry point for nbs/03_eval.ipynb: generate with QMD's sampling and score with the reward; uploads the executed notebook and eval.json.

On the Hub (results uploaded to --push-to; the token comes from the job's secrets, never from a parameter):

    hf jobs uv run --flavor a10g-large --secrets HF_TOKEN jobs/eval.py --push-to ME/qmd-eval \\
        --param model=hf://ME/qmd-sft/full/adapter --param max_new_tokens=600

Here, with this checkout and the repo's venv, nothing uploaded:

    .venv/bin/python jobs/eval.py --local --param max_new_tokens=8

Paths in --param are relative to the checkout. See jobs/README.md and nbs/07_jobs.ipynb.
"""
import sys
from qmd_expansion.jobs import job_main

if __name__ == "__main__": sys.exit(job_main("eval", script=__file__))
