"""The words of a title and what they do: the lexicon behind :func:`govdoc.text.title.break_title`.

A 公文 title is 发文机关 + 关于 + 事由 + 的 + 文种 (条例 第九条). To break it by phrase the
breaker needs its words and, for each, whether it is a verb, a function word or part
of a noun phrase. The words come from jieba's dictionary (349,046 words with their
frequency and part of speech), cut by jieba's own rule (the most probable path through
the dictionary words), without jieba's load cost: jieba reads its whole dictionary into
a Python dict on first use (0.8–1.4 s), while a title needs a few hundred look-ups.

So govdoc copies the dictionary once into an SQLite file in the user's cache folder
(``$XDG_CACHE_HOME/govdoc``, else ``~/.cache/govdoc``), on first use (about 1 s, once
per machine and dictionary), and then asks it only for the substrings of the title.
Opening it costs a millisecond. When the cache folder cannot be written, the copy is
built in memory, once per process.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path

from govdoc.cachedir import cache_folder

__all__ = ["Word", "cache_path", "segment"]

# Words of 公文 titles that jieba's dictionary lacks or cuts wrongly, with a part of
# speech in jieba's tags (n noun, nt organ, v verb, l set phrase).
EXTRA_WORDS: tuple[tuple[str, str], ...] = (
    ("发展改革委", "nt"), ("国家发展改革委", "nt"), ("卫生健康委", "nt"), ("安委会", "nt"),
    ("管委会", "nt"), ("补短板", "l"), ("上水平", "l"), ("碳达峰", "n"), ("碳中和", "n"),
    ("老旧小区", "n"), ("放管服", "n"), ("一件事", "n"), ("非物质文化遗产", "n"),
    ("国民经济和社会发展", "n"), ("节约型", "b"), ("优质稻", "n"), ("部际", "b"),
    ("高质量发展", "n"), ("乡村振兴", "n"), ("营商环境", "n"), ("数字政府", "n"),
    ("医疗保障局", "nt"), ("应急管理局", "nt"), ("应急管理部", "nt"), ("医保局", "nt"),
    ("人力资源社会保障部", "nt"), ("人力资源社会保障厅", "nt"), ("人力资源社会保障局", "nt"),
    ("生态环境部", "nt"), ("生态环境厅", "nt"), ("生态环境局", "nt"),
    ("自然资源部", "nt"), ("自然资源厅", "nt"), ("自然资源局", "nt"),
    ("住房城乡建设部", "nt"), ("住房城乡建设厅", "nt"), ("住房城乡建设局", "nt"),
    ("农业农村部", "nt"), ("农业农村厅", "nt"), ("农业农村局", "nt"),
    ("文化和旅游部", "nt"), ("文化和旅游厅", "nt"), ("退役军人事务部", "nt"),
    ("市场监管总局", "nt"), ("市场监管局", "nt"), ("网信办", "nt"), ("国资委", "nt"),
    ("工业和信息化部", "nt"), ("工业和信息化厅", "nt"), ("交通运输部", "nt"), ("水利部", "nt"),
    ("人民政府", "nt"), ("办公厅", "nt"), ("办公室", "nt"), ("常委会", "nt"), ("党工委", "nt"),
    ("领导小组", "n"), ("联席会议", "n"), ("实施方案", "n"), ("行动方案", "n"),
    ("工作方案", "n"), ("指导意见", "n"), ("实施意见", "n"), ("若干意见", "n"),
    ("若干措施", "n"), ("实施细则", "n"), ("管理办法", "n"), ("暂行办法", "n"),
    ("先进集体", "n"), ("先进个人", "n"), ("先进单位", "n"), ("安全生产月", "n"),
    ("防汛抗旱", "vn"), ("中小学", "n"), ("义务教育", "n"), ("职业教育", "n"),
    ("示范区", "n"), ("试验区", "n"), ("开发区", "n"), ("高新区", "n"), ("自贸区", "n"),
    ("数字化改革", "n"), ("规划纲要", "n"), ("绿色低碳", "n"), ("循环发展", "n"), ("最低生活保障", "n"), ("基本医疗保险", "n"),
    ("基本养老金", "n"), ("龙头企业", "n"), ("综合保税区", "n"), ("人居环境", "n"), ("美丽乡村", "n"), ("共同富裕", "n"),
)

_SCHEMA = 1
_LONGEST = 9
"""The longest word looked up (longer dictionary words are rare idioms and names)."""


@dataclass(frozen=True)
class Word:
    """One word of a title: its text, where it starts, and jieba's part of speech
    (``x`` for punctuation, ``m`` for a run of digits or Latin letters, ``"?"`` for a
    character the dictionary does not know)."""

    text: str
    start: int
    tag: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _dictionary_file() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "dict.txt"
    return path if path.is_file() else None


_SAMPLE = 1 << 16
"""How much of each end of jieba's dictionary names its copy."""


def cache_path() -> Path | None:
    """Where the lexicon's SQLite copy lives: named after the dictionary it copies
    (its size and a checksum of its first and last 64 KiB) and govdoc's extra words, so
    a change of either makes a new one. Not its time: every environment's jieba has its
    own, and two environments on one machine would rebuild the copy by turns (~1 s each)."""
    source = _dictionary_file()
    if source is None:
        return None
    size = source.stat().st_size
    with open(source, "rb") as f:
        head = f.read(_SAMPLE)
        f.seek(max(size - _SAMPLE, 0))
        content = zlib.crc32(f.read(_SAMPLE), zlib.crc32(head))
    words = zlib.crc32(repr((_SCHEMA, EXTRA_WORDS)).encode())
    key = f"{size:x}-{content:08x}-{words:08x}"
    folder = cache_folder()
    if folder is None:
        return None  # no home folder: the copy is built in memory
    return folder / f"lexicon-{key}.sqlite3"


def _fill(db: sqlite3.Connection, source: Path | None) -> None:
    db.execute("CREATE TABLE word (text TEXT PRIMARY KEY, freq INTEGER, tag TEXT) WITHOUT ROWID")
    db.execute("CREATE TABLE meta (total INTEGER)")
    rows: dict[str, tuple[int, str]] = {}
    if source is not None:
        with open(source, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    rows[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "x")
    total = sum(freq for freq, _ in rows.values()) or 1
    for text, tag in EXTRA_WORDS:
        # Frequent enough to be cut whole wherever it occurs.
        rows[text] = (max(rows.get(text, (0, ""))[0], 50_000), tag)
    db.executemany("INSERT INTO word VALUES (?, ?, ?)",
                   ((t, f, g) for t, (f, g) in rows.items() if len(t) <= _LONGEST))
    db.execute("INSERT INTO meta VALUES (?)", (total,))
    db.commit()


def _build_file(path: Path) -> None:
    import tempfile  # only here: its import costs a new process 20-40 ms

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            _fill(db, _dictionary_file())
        finally:
            db.close()
        os.replace(tmp, path)  # atomic: a concurrent reader sees no half-built file
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    for old in path.parent.glob("lexicon-*.sqlite3"):
        if old != path:  # a copy of another dictionary, or of older extra words
            try:
                old.unlink()
            except OSError:
                pass


_lock = threading.Lock()
_db: sqlite3.Connection | None = None
_total = 1.0


def _open() -> sqlite3.Connection:
    """The lexicon, opened once per process (built first when there is none)."""
    global _db, _total
    with _lock:
        if _db is None:
            db = None
            path = cache_path()
            for attempt in range(2 if path is not None else 0):
                try:
                    if attempt or not path.is_file():
                        _build_file(path)  # none yet, or a damaged one: (re)build it
                    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                         check_same_thread=False)
                    (total,), = db.execute("SELECT total FROM meta")
                    break
                except OSError:
                    db = None  # an unwritable cache folder
                    break
                except sqlite3.Error:
                    db = None  # a damaged file
            if db is None:
                db = sqlite3.connect(":memory:", check_same_thread=False)
                _fill(db, _dictionary_file())
                (total,), = db.execute("SELECT total FROM meta")
            _db, _total = db, float(total)
        return _db


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ALNUM_RUN = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％]+")


_seen: dict[str, tuple[int, str] | None] = {}
"""Every fragment looked up in this process, with its entry (None: not a word)."""
_MOST_SEEN = 200_000


def _lookup(fragments: set[str]) -> dict[str, tuple[int, str]]:
    db = _open()
    with _lock:
        items = sorted(f for f in fragments if f not in _seen)
        if len(_seen) + len(items) > _MOST_SEEN:
            _seen.clear()
        for f in items:
            _seen[f] = None
        for i in range(0, len(items), 900):
            chunk = items[i:i + 900]
            marks = ",".join("?" * len(chunk))
            for text, freq, tag in db.execute(
                    f"SELECT text, freq, tag FROM word WHERE text IN ({marks})", chunk):
                _seen[text] = (freq, tag)
        return {f: entry for f in fragments if (entry := _seen.get(f)) is not None}


def _cut_han(run: str, start: int, known: dict[str, tuple[int, str]]) -> list[Word]:
    """jieba's cut of a run of Chinese characters: the most probable path (no HMM)."""
    n = len(run)
    logtotal = math.log(_total)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        best = (-math.inf, i)
        for j in range(i + 1, min(n, i + _LONGEST) + 1):
            entry = known.get(run[i:j])
            if entry is None and j > i + 1:
                continue
            freq = entry[0] if entry and entry[0] > 0 else 1
            best = max(best, (math.log(freq) - logtotal + route[j][0], j))
        route[i] = best
    out, i = [], 0
    while i < n:
        j = route[i][1]
        text = run[i:j]
        out.append(Word(text, start + i, known.get(text, (0, "?"))[1]))
        i = j
    return out


def segment(text: str) -> list[Word]:
    """``text`` cut into words, as jieba cuts it with its dictionary (and govdoc's
    extra words); the words' texts join back to ``text``."""
    fragments = {run[i:j] for run in _HAN.findall(text) for i in range(len(run))
                 for j in range(i + 1, min(len(run), i + _LONGEST) + 1)}
    known = _lookup(fragments) if fragments else {}
    out: list[Word] = []
    pos = 0
    while pos < len(text):
        han = _HAN.match(text, pos)
        if han:
            out += _cut_han(han.group(), pos, known)
            pos = han.end()
            continue
        alnum = _ALNUM_RUN.match(text, pos)
        if alnum:
            out.append(Word(alnum.group(), pos, "m"))
            pos = alnum.end()
            continue
        out.append(Word(text[pos], pos, "x"))
        pos += 1
    return out
