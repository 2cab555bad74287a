#!/usr/bin/env python3
"""PyTorch CPU reference for `npm run bench -- --torch` (src/cli/bench.ts).

Builds the same CIFAR ResNet as src/core/models from a ResNetSpec (JSON, the project's own type: stem width,
stages of blocks with stride, conv widths and a 1x1-conv + BN projection shortcut where the spec says so),
and times a training step (forward, cross-entropy, backward, momentum SGD with Nesterov and weight decay, as
src/core/train/sgd.ts) and inference in eval mode. Optional: the project never depends on torch.

Two modes:
  --serve            JSON lines on stdin/stdout, so the caller can interleave its own runs with ours:
                     {"cmd": "info"}
                     {"cmd": "build", "spec": {...}, "batch": 64}
                     {"cmd": "train", "steps": 1}            -> {"ms": [..], "cpuMs": [..]} per step
                     {"cmd": "infer", "images": 256, "reps": 1} -> {"ms": [..], "cpuMs": [..]} per pass
                     (ms: wall time; cpuMs: this process's CPU time, which other jobs on a shared machine
                     barely change: with one thread it is the time the work would take on an idle core)
                     {"cmd": "quit"}
  --spec FILE        standalone: time --runs training steps and inferences, print one JSON object.

Threads: torch.set_num_threads(--threads or the number of usable cores). Run it with OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE unset (bench.ts does), since they slow BLAS on this machine's processors.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBn(nn.Module):
    def __init__(self, cin, cout, k, stride):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False)
        self.bn = nn.BatchNorm2d(cout, eps=1e-5, momentum=0.1)

    def forward(self, x):
        return self.bn(self.conv(x))


class Block(nn.Module):
    def __init__(self, cin, block, kind):
        super().__init__()
        widths = block["widths"]
        stride = block["stride"]
        bottleneck = kind == "bottleneck"
        layers = []
        c = cin
        for i, w in enumerate(widths):
            k = 1 if bottleneck and i != 1 else 3
            s = stride if i == (1 if bottleneck else 0) else 1
            layers.append(ConvBn(c, w, k, s))
            c = w
        self.convs = nn.ModuleList(layers)
        self.shortcut = ConvBn(cin, c, 1, stride) if block["projection"] else None
        self.out = c

    def forward(self, x):
        y = x
        for i, layer in enumerate(self.convs):
            y = layer(y)
            if i < len(self.convs) - 1:
                y = F.relu(y)
        s = self.shortcut(x) if self.shortcut is not None else x
        return F.relu(y + s)


class ResNet(nn.Module):
    def __init__(self, spec):
        super().__init__()
        cin = spec["inputShape"][2]
        self.stem = ConvBn(cin, spec["stem"], 3, 1)
        blocks = []
        c = spec["stem"]
        for stage in spec["stages"]:
            for b in stage:
                blk = Block(c, b, spec["block"])
                blocks.append(blk)
                c = blk.out
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(c, spec["numClasses"])

    def forward(self, x):
        h = F.relu(self.stem(x))
        h = self.blocks(h)
        return self.fc(h.mean(dim=(2, 3)))


class Bench:
    def __init__(self):
        self.model = None

    def build(self, spec, batch):
        torch.manual_seed(0)
        self.spec = spec
        self.model = ResNet(spec)
        h, w, c = spec["inputShape"]
        self.x = torch.randn(batch, c, h, w)
        self.y = torch.randint(0, spec["numClasses"], (batch,))
        self.opt = torch.optim.SGD(self.model.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4, nesterov=True)
        params = sum(p.numel() for p in self.model.parameters())
        return {"params": params}

    def train(self, steps):
        self.model.train()
        out, cpu = [], []
        for _ in range(steps):
            t0, c0 = time.perf_counter(), time.process_time()
            self.opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(self.model(self.x), self.y)
            loss.backward()
            self.opt.step()
            loss.item()
            out.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        return {"ms": out, "cpuMs": cpu}

    def infer(self, images, reps):
        self.model.eval()
        h, w, c = self.spec["inputShape"]
        x = torch.randn(images, c, h, w)
        out, cpu = [], []
        with torch.no_grad():
            for _ in range(reps):
                t0, c0 = time.perf_counter(), time.process_time()
                self.model(x).sum().item()
                out.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
        return {"ms": out, "cpuMs": cpu}


def info():
    return {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "mkldnn": bool(torch.backends.mkldnn.is_available()),
        "openblasEnv": {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ},
    }


def serve(bench):
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
            cmd = msg.get("cmd")
            if cmd == "info":
                reply = info()
            elif cmd == "build":
                reply = bench.build(msg["spec"], int(msg["batch"]))
            elif cmd == "train":
                reply = bench.train(int(msg.get("steps", 1)))
            elif cmd == "infer":
                reply = bench.infer(int(msg["images"]), int(msg.get("reps", 1)))
            elif cmd == "quit":
                break
            else:
                reply = {"error": f"unknown command {cmd!r}"}
        except Exception as e:  # report, keep serving
            reply = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--serve", action="store_true")
    ap.add_argument("--spec", help="ResNetSpec JSON file (standalone mode)")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--images", type=int, default=256)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=0, help="default: the number of usable cores")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    torch.set_num_threads(args.threads or cores)
    bench = Bench()
    if args.serve:
        serve(bench)
        return
    if not args.spec:
        ap.error("give --serve or --spec FILE")
    with open(args.spec) as f:
        spec = json.load(f)
    built = bench.build(spec, args.batch)
    bench.train(2)
    bench.infer(args.images, 1)
    train = sorted(bench.train(args.runs)["ms"])
    infer = sorted(bench.infer(args.images, args.runs)["ms"])
    print(json.dumps({**info(), **built, "trainStepMs": train[len(train) // 2], "inferMs": infer[len(infer) // 2],
                      "trainRuns": train, "inferRuns": infer}))


if __name__ == "__main__":
    main()
