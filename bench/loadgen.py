"""A small HTTP load generator, run as its own process by the dashboard benchmark.

Reads a plan as JSON on standard input::

    {"host": "127.0.0.1", "port": 8123, "concurrency": 2, "repeat": 30, "seed": 1,
     "requests": [{"key": "tinh province 2025", "path": "/theo-doi/tinh/20/",
                   "cookie": "sessionid=…", "expect": 200}, …]}

and sends every request ``repeat`` times, in a shuffled order, over ``concurrency``
connections (one thread each; HTTP/1.1 with keep-alive where the server keeps the connection
open, a new connection where it closes it). Each request carries an ``X-Bench-Key`` header
with its key, so that the server's access log can be matched to it. Writes one sample per
request as JSON on standard output: ``{"samples": [[key, status, ms, bytes], …],
"seconds": wall time}``. Latency is client-side: from sending the request to having read the
whole body, on loopback.
"""

from __future__ import annotations

import http.client
import json
import queue
import random
import sys
import threading
import time
from typing import Any

Sample = tuple[str, int, float, int]


def main() -> None:
    plan = json.load(sys.stdin)
    work: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
    order = [request for request in plan["requests"] for _ in range(plan["repeat"])]
    random.Random(plan.get("seed", 1)).shuffle(order)
    for request in order:
        work.put(request)
    concurrency = int(plan["concurrency"])
    for _ in range(concurrency):
        work.put(None)
    samples: list[Sample] = []
    errors: list[str] = []
    threads = [
        threading.Thread(
            target=_client, args=(plan["host"], int(plan["port"]), work, samples, errors)
        )
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    json.dump({"samples": samples, "errors": errors, "seconds": seconds}, sys.stdout)


def _client(
    host: str,
    port: int,
    work: queue.SimpleQueue[dict[str, Any] | None],
    samples: list[Sample],
    errors: list[str],
) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=120)
    while (request := work.get()) is not None:
        headers = {
            "Cookie": request["cookie"],
            "X-Bench-Key": request["key"],
            "Accept-Language": "vi",
            "Accept-Encoding": "identity",
        }
        try:
            started = time.perf_counter()
            connection.request("GET", request["path"], headers=headers)
            response = connection.getresponse()
            body = response.read()
            ms = (time.perf_counter() - started) * 1000
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{request['key']} {request['path']}: {error!r}")
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=120)
            continue
        samples.append((request["key"], response.status, ms, len(body)))  # list.append is atomic
        if response.will_close:
            connection.close()  # the next request opens a new connection
    connection.close()


if __name__ == "__main__":
    main()
