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
"""HF Jobs entry point for nbs/05_gguf.ipynb: merge the adapters, export to GGUF for llama.cpp / Ollama / QMD and check the files as QMD runs them; uploads the executed notebook and export/ (GGUF files, Modelfile, model card, report.json).

On the Hub (results uploaded to --push-to; the token comes from the job's secrets, never from a parameter):

    hf jobs uv run --flavor a10g-large --secrets HF_TOKEN jobs/gguf.py --push-to ME/qmd-gguf \\
        --param model=qwen3-1.7b --param sft_adapter=hf://ME/qmd-sft/full/adapter --param grpo_adapter=hf://ME/qmd-grpo/grpo/adapter \\
        --param n_queries=0 --param max_new_tokens=600

Here, with this checkout and the repo's venv, nothing uploaded:

    .venv/bin/python jobs/gguf.py --local --param model=tiny
    .venv/bin/python jobs/gguf.py --local --param model=smollm2-135m --param sft_adapter=runs/main/sft/adapter --param n_queries=0 --param max_new_tokens=600

Paths in --param are relative to the checkout. See jobs/README.md and nbs/07_jobs.ipynb.
"""
import sys
from qmd_expansion.jobs import job_main

if __name__ == "__main__": sys.exit(job_main("gguf", script=__file__))
