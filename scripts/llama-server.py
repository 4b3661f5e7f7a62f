#!/usr/bin/env python3
"""Runs llama.cpp's own HTTP server (the xllamacpp wheel) on 127.0.0.1 with a model file.

Usage: llama-server.py MODEL.gguf PORT   (runs until killed; prints "ready" when it listens)
"""
import sys
import time
import urllib.request

import xllamacpp


def main(model: str, port: int) -> None:
    params = xllamacpp.CommonParams()
    params.model.path = model
    params.n_ctx = 8192
    params.n_predict = 32
    params.cpuparams.n_threads = 1
    params.hostnames = ["127.0.0.1"]
    params.port = port
    server = xllamacpp.Server(params)  # keeps serving while the process lives
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            print("ready", flush=True)
            break
        except Exception:
            time.sleep(0.1)
    while True:
        time.sleep(3600)
    del server


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
