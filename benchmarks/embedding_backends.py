"""The same all-MiniLM-L6-v2 weights on torch, on onnxruntime (float32) and on onnxruntime quantized to
int8: CPU seconds and agreement with torch's vectors, on the same sentences (issue 11's lever 2).

    pip install onnxruntime onnx   # not dependencies of storyline: only this measurement needs them
    python benchmarks/embedding_backends.py [--docs 30] [--sentences 500] [--threads 1]

The ONNX files are exported here from the installed weights into a temporary folder (nothing is
downloaded). CPU seconds (``time.process_time``) are printed beside wall seconds: other jobs on the
machine stretch the wall time, less the CPU time."""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from build_throughput import bodies  # this folder is on the path when the script runs

from storyline.clean.sentences import split_pieces
from storyline.embeddings import DIMENSION, Embedder, EmbeddingSettings, _model_path, unit
from storyline.eval import default_datasets

MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def sentences(datasets: Path, docs: int, count: int) -> list[str]:
    """Sentences of the first FNC-1 bodies, split as the cleaner splits them."""
    found = [p.text for body in bodies(datasets, docs) for para in body.split("\n") if para.strip()
             for p in split_pieces(para)]
    return found[:count]


def export(folder: Path) -> tuple[Path, Path]:
    """The float32 ONNX graph of the transformer (token states out; pooling is done in numpy) and its
    int8 dynamic quantization."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(_model_path())).eval()

    class States(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    ids = torch.ones(2, 8, dtype=torch.long)
    fp32, int8 = folder / "minilm.onnx", folder / "minilm-int8.onnx"
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "states")}
    torch.onnx.export(States(), (ids, ids, torch.zeros_like(ids)), str(fp32), input_names=list(INPUTS),
                      output_names=["states"], dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def onnx_encoder(path: Path, threads: int, batch_size: int) -> Callable[[list[str]], np.ndarray]:
    """Mean-pooled, unit-length sentence vectors from an ONNX graph, batched by length like
    sentence-transformers."""
    import onnxruntime
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(_model_path() / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(texts: list[str]) -> np.ndarray:
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            encoded = tokenizer.encode_batch([texts[k] for k in rows])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            states = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                        "token_type_ids": np.zeros_like(ids)})[0]
            out[rows] = unit((states * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True))
        return out

    return encode


def measured(encode: Callable[[list[str]], np.ndarray], texts: list[str]) -> tuple[np.ndarray, float, float]:
    encode(texts[:8])  # warm up
    cpu, wall = time.process_time(), time.perf_counter()
    vectors = encode(texts)
    return vectors, time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=30)
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--datasets", type=Path, default=None)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    texts = sentences(args.datasets or default_datasets(), args.docs, args.sentences)
    settings = EmbeddingSettings()
    with tempfile.TemporaryDirectory() as tmp:
        fp32, int8 = export(Path(tmp))
        backends = {"torch (sentence-transformers)": Embedder(settings).encode,
                    "onnxruntime float32": onnx_encoder(fp32, args.threads, settings.batch_size),
                    "onnxruntime int8": onnx_encoder(int8, args.threads, settings.batch_size)}
        print(f"{len(texts)} sentences of {args.docs} FNC-1 bodies, {args.threads} thread(s)")
        reference = None
        for name, encode in backends.items():
            vectors, cpu, wall = measured(encode, texts)
            reference = vectors if reference is None else reference
            cosines = (vectors * reference).sum(axis=1)
            print(f"{name}\tCPU {cpu:.1f} s ({len(texts) / cpu:.1f} sentences per CPU-second)"
                  f"\twall {wall:.1f} s\tcosine to torch: min {cosines.min():.4f}, mean {cosines.mean():.4f}")


if __name__ == "__main__":
    main()
