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
"""HF Jobs entry point for nbs/05_gguf.ipynb: export to GGUF for llama.cpp / Ollama / QMD; uploads the executed notebook and the GGUF files.

On the Hub (results uploaded to --push-to; the token comes from the job's secrets, never from a parameter):

    hf jobs uv run --flavor a10g-large --secrets HF_TOKEN jobs/gguf.py --push-to ME/qmd-gguf \\
        --param model=hf://ME/qmd-sft/full/adapter

Here, with this checkout and the repo's venv, nothing uploaded:

    .venv/bin/python jobs/gguf.py --local 

Paths in --param are relative to the checkout. See jobs/README.md and nbs/07_jobs.ipynb.
"""
import sys
from qmd_expansion.jobs import job_main

if __name__ == "__main__": sys.exit(job_main("gguf", script=__file__))
