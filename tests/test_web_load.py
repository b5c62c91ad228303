"""``govdoc serve`` under load, on loopback only: rounds of 20 concurrent clients each
build and download a document. Every document must be the one ``govdoc.render`` makes
of the same draft, and the server's memory must come back to its level before the
load. The p95 latency and the memory are printed. Three rounds, about 15 s.
"""

from __future__ import annotations

import statistics
import threading
import time

from conftest import SEED_TEXT
from webserver import require_web, running_server

CLIENTS = 20
ROUNDS = 3
SEED = SEED_TEXT.read_text(encoding="utf-8")
TITLE = "棣棠乡2023年度法治政府建设情况报告"
MB = 1024


def _draft(n: int) -> str:
    """The seed with a title of its own, so every client's document differs."""
    assert SEED.startswith(TITLE)
    return SEED.replace(TITLE, f"棣棠乡第{n + 1}片区2023年度法治政府建设情况报告", 1)


def _round(url: str, expected: list[bytes]) -> list[float]:
    """One round: CLIENTS clients start together, each posts its draft once and checks
    what it downloads; the latencies in seconds."""
    import httpx

    latencies: list[float] = [0.0] * CLIENTS
    problems: list[str] = []
    start = threading.Barrier(CLIENTS)

    def client(n: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as http:
            start.wait()
            began = time.perf_counter()
            response = http.post("/api/docx", data={"text": _draft(n), "format": "text"})
            latencies[n] = time.perf_counter() - began
            if response.status_code != 200:
                problems.append(f"client {n}: {response.status_code} {response.text[:200]}")
            elif response.content != expected[n]:
                problems.append(f"client {n}: not the document govdoc.render makes")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    assert not any(t.is_alive() for t in threads), "a client did not finish"
    assert problems == []
    return latencies


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def test_20_concurrent_clients_get_correct_documents_and_memory_comes_back(
        tmp_path, capsys) -> None:
    require_web()
    import govdoc
    from govdoc.parse import parse_text

    expected = [govdoc.render(parse_text(_draft(n)).report).to_bytes()
                for n in range(CLIENTS)]
    assert len(set(expected)) == CLIENTS
    with running_server(tmp_path) as server:
        import httpx

        for n in range(3):  # warm: the first requests load what every later one uses
            assert httpx.post(server.url + "api/docx", data={"text": _draft(n)},
                              timeout=60).content == expected[n]
        before = server.rss_kb()
        latencies: list[float] = []
        after: list[int] = []
        for _ in range(ROUNDS):
            latencies += _round(server.url, expected)
            time.sleep(0.5)
            after.append(server.rss_kb())
        assert server.alive()
        leftovers = {p.name for p in server.tmp.iterdir()} - {"jieba.cache"}
    p95 = _p95(latencies)
    with capsys.disabled():
        print(f"\ngovdoc serve load: {ROUNDS} rounds of {CLIENTS} concurrent clients, "
              f"p95 {p95:.2f} s, median {statistics.median(latencies):.2f} s, "
              f"max {max(latencies):.2f} s; memory {before // MB} MB before, "
              f"{', '.join(str(a // MB) for a in after)} MB after each round")
    assert leftovers == set()
    # Memory returns to its starting level: the first burst may settle the allocator's
    # pools a little higher, later rounds do not add to it.
    assert after[-1] - before < 40 * MB, (before, after)
    assert after[-1] - after[0] < 10 * MB, (before, after)
    assert p95 < 60, latencies  # a hang, not a speed measurement (see benchmarks/)
