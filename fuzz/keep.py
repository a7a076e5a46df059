#!/usr/bin/env python3
"""Keeps a corpus small enough for git. `cargo fuzz cmin` keeps every input
that adds an edge, hundreds of them; this keeps at most KEEP: a libFuzzer
merge of the corpus records, input by input, the edges each adds to those
before it, and the inputs that add the most are kept (ties: the smaller).

    fuzz/keep.py BINARY CORPUS_DIR KEEP

BINARY is the target as `cargo fuzz build` leaves it. Prints how many edges
the kept inputs cover, against the whole corpus.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def merge(binary, scratch, corpus, control=None):
    """Merges `corpus` into an empty directory: (edges covered, control file text)."""
    empty = tempfile.mkdtemp(dir=scratch)
    args = [binary, "-merge=1", "-use_counters=0"]
    if control:
        args.append(f"-merge_control_file={control}")
    run = subprocess.run(args + [empty, corpus], capture_output=True, text=True, check=False)
    lines = [l for l in run.stderr.splitlines() if "new coverage edges" in l]
    edges = int(lines[-1].split("; ")[-1].split()[0]) if lines else 0
    return edges, open(control).read() if control else ""


def main():
    binary, corpus, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with tempfile.TemporaryDirectory() as scratch:
        control = os.path.join(scratch, "control")
        before, text = merge(binary, scratch, corpus, control)
        lines = text.splitlines()
        count = int(lines[0])
        paths = lines[2 : 2 + count]
        added = {}
        for line in lines[2 + count :]:
            if line.startswith("COV "):
                parts = line.split()
                added[paths[int(parts[1])]] = len(parts) - 2
        ranked = sorted(paths, key=lambda p: (-added.get(p, 0), os.path.getsize(p)))
        kept = [p for p in ranked[:keep] if added.get(p, 0) > 0]
        for p in paths:
            if p not in kept:
                os.remove(p)
        after, _ = merge(binary, scratch, corpus)
    size = sum(os.path.getsize(p) for p in kept)
    print(f"{corpus}: kept {len(kept)} of {count} inputs ({size // 1024} KB), covering {after} of {before} edges")


if __name__ == "__main__":
    main()
