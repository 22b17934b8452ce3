# /// script
# requires-python = ">=3.10"
# dependencies = [
#   "qmd-expansion[train,gguf] @ git+https://github.com/qmd-expansion/qmd-expansion@main",
#   "torch==2.13.0",
#   "papermill==2.7.*",
#   "ipykernel",
#   "fastcore==1.12.47",
# ]
# ///
"""HF Jobs entry point for the chain data -> SFT -> GRPO -> eval -> GGUF, each stage's outputs feeding the next (one folder per stage).

On the Hub (results uploaded to --push-to; the token comes from the job's secrets, never from a parameter):

    hf jobs uv run --flavor a10g-large --secrets HF_TOKEN jobs/chain.py --push-to ME/qmd-chain \\
        --param model=qwen3-1.7b --param sft.config=configs/sft.yaml --param sft.max_steps=-1 --param 'sft.overrides=[]' --param grpo.config=configs/grpo.yaml --param 'grpo.overrides=[]' --param check_resume=false --param max_new_tokens=600 --param gguf.n_queries=0

Here, with this checkout and the repo's venv, nothing uploaded:

    .venv/bin/python jobs/chain.py --local --param max_steps=2 --param check_resume=false --param max_new_tokens=8

Paths in --param are relative to the checkout. See jobs/README.md and nbs/07_jobs.ipynb.
"""
import sys
from qmd_expansion.jobs import job_main

if __name__ == "__main__": sys.exit(job_main("chain", script=__file__))
