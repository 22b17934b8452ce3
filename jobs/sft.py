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
"""HF Jobs entry point for nbs/02_sft.ipynb: LoRA SFT; uploads the executed notebook, the adapter (full/adapter), summary.json and loss.png.

On the Hub (results uploaded to --push-to; the token comes from the job's secrets, never from a parameter):

    hf jobs uv run --flavor a10g-large --secrets HF_TOKEN jobs/sft.py --push-to ME/qmd-sft \\
        --param model=qwen3-1.7b --param config=configs/sft.yaml --param max_steps=-1 --param 'overrides=[]' --param check_resume=false

Here, with this checkout and the repo's venv, nothing uploaded:

    .venv/bin/python jobs/sft.py --local --param max_steps=2 --param check_resume=false

Paths in --param are relative to the checkout. See jobs/README.md and nbs/07_jobs.ipynb.
"""
import sys
from qmd_expansion.jobs import job_main

if __name__ == "__main__": sys.exit(job_main("sft", script=__file__))
