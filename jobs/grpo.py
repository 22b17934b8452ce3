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
"""HF Jobs entry point for nbs/04_grpo.ipynb: GRPO on the merged SFT model; uploads the executed notebook, the adapter (grpo/adapter), summary.json and curves.png.

On the Hub (results uploaded to --push-to; the token comes from the job's secrets, never from a parameter):

    hf jobs uv run --flavor a10g-large --secrets HF_TOKEN jobs/grpo.py --push-to ME/qmd-grpo \\
        --param model=qwen3-1.7b --param config=configs/grpo.yaml --param sft_adapter=hf://ME/qmd-sft/full/adapter --param 'overrides=[]' --param check_resume=false

Here, with this checkout and the repo's venv, nothing uploaded:

    .venv/bin/python jobs/grpo.py --local --param max_steps=2 --param check_resume=false

Paths in --param are relative to the checkout. See jobs/README.md and nbs/07_jobs.ipynb.
"""
import sys
from qmd_expansion.jobs import job_main

if __name__ == "__main__": sys.exit(job_main("grpo", script=__file__))
