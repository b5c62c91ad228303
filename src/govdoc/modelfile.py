"""Model files: a :class:`~govdoc.model.Report` as YAML, JSON or TOML, and its JSON Schema.

A model file holds the same fields as :class:`Report` (``title``, ``body``, ``issuer``,
``date``…); a plain string in a ``body`` is a paragraph. Errors name the file, the
line (YAML and JSON) and the field::

    report.yaml:12: body[1].body[0].title: 章节标题 section title 不能为空: the text is empty

The YAML, JSON and TOML libraries are imported only when a file is read or written.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from govdoc.errors import GovdocError
from govdoc.model import Report

__all__ = ["FORMATS", "ModelData", "ModelFileError", "Problem", "dump_report", "field_name",
           "format_of", "load_data", "load_report", "loads_data", "loads_report",
           "report_from_data", "report_schema"]

Format = Literal["yaml", "json", "toml"]
FORMATS: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
"""File suffixes of model files and their formats."""

_KEY_ORDER = ("kind", "header", "title", "recipients", "body", "attachments", "issuer", "date",
              "sealed", "note", "imprint", "extra")
"""The order of the usual fields in a written model file; the others follow it, in the
order of the model's fields."""
_TAGS = ("paragraph", "section", "table")


@dataclass(frozen=True)
class Problem:
    """One error in a model file: its line (when known), the field, and what is wrong."""

    line: int | None
    field: str | None
    message: str


class ModelFileError(GovdocError, ValueError):
    """A model file cannot be read, or does not describe a valid report (a
    ``ValueError`` too, as a wrong value is)."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        out = []
        for p in self.problems:
            where = f"{self.source}:{p.line}" if p.line else self.source
            out.append(f"{where}: {p.field}: {p.message}" if p.field else f"{where}: {p.message}")
        return "\n".join(out)


def format_of(path: str | os.PathLike[str]) -> Format:
    """The model-file format of ``path`` from its suffix; a :class:`ModelFileError` (a
    ``ValueError``) for other files."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ModelFileError(str(path), [Problem(None, None, "not a model file (expected "
                                                             f"{', '.join(FORMATS)})")])
    return FORMATS[suffix]


def load_report(path: str | os.PathLike[str]) -> Report:
    """Read a report from a ``.yaml``/``.yml``, ``.json`` or ``.toml`` file."""
    model = load_data(path)
    return report_from_data(model.data, source=str(path), lines=model.lines)


def loads_report(text: str, fmt: Format, *, source: str = "<string>") -> Report:
    """Read a report from model-file ``text`` in format ``fmt``; ``source`` names it in errors."""
    model = loads_data(text, fmt, source=source)
    return report_from_data(model.data, source=source, lines=model.lines)


@dataclass(frozen=True)
class ModelData:
    """A model file read but not yet checked: its mapping of fields (``data``) and, for
    YAML and JSON, the line of each field (``lines``, keyed by the path into ``data``)."""

    data: dict[str, Any]
    lines: dict[tuple, int]


def load_data(path: str | os.PathLike[str]) -> ModelData:
    """Read a model file's fields without checking them (see :func:`report_from_data`)."""
    fmt = format_of(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ModelFileError(str(path), [Problem(None, None, f"not UTF-8 text ({exc.reason})")]) \
            from None
    except OSError as exc:
        raise ModelFileError(str(path), [Problem(None, None, "cannot be read "
                                                             f"({exc.strerror or exc})")]) from None
    model = loads_data(text, fmt, source=str(path))
    return ModelData(_resolve_paths(model.data, Path(path).parent), model.lines)


def _resolve_paths(data: dict[str, Any], folder: Path) -> dict[str, Any]:
    """``data`` with the relative image paths of its seals and 签名章 read from ``folder``
    (the model file's own folder), not from wherever govdoc is run."""
    def image(value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("image"), str):
            return dict(value, image=str(folder / value["image"]))
        return value

    data = dict(data)
    seal = data.get("seal")
    if seal is not None:
        data["seal"] = [image(s) for s in seal] if isinstance(seal, list) else image(seal)
    if isinstance(data.get("signers"), list):
        data["signers"] = [dict(s, image=image(s["image"])) if isinstance(s, dict)
                           and "image" in s else s for s in data["signers"]]
    return data


MAX_DEPTH = 100
"""The deepest nesting of lists and mappings a model file may have (a report needs
about ten levels)."""
MAX_NODES = 1_000_000
"""The most values a YAML model file may hold once its aliases (``*name``) are expanded:
a few kilobytes of aliases can otherwise stand for gigabytes."""


def loads_data(text: str, fmt: Format, *, source: str = "<string>") -> ModelData:
    """Parse model-file ``text`` into its mapping of fields, without checking them."""
    lines: dict[tuple, int] = {}
    if fmt == "yaml":
        data, lines = _load_yaml(text, source)
    elif fmt == "json":
        _check_json_depth(text, source)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ModelFileError(source, [Problem(exc.lineno, None, f"JSON: {exc.msg}")]) from None
        try:  # JSON is YAML: its node marks give lines (characters YAML refuses blanked)
            _, lines = _load_yaml(_yaml_refused().sub(" ", text), source)
        except ModelFileError:
            lines = {}
    elif fmt == "toml":
        try:
            import tomllib  # type: ignore[import-not-found]
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise ModelFileError(source, [Problem(int(m.group(1)) if m else None, None,
                                                  f"TOML: {exc}")]) from None
    else:
        raise ValueError(f"unknown model-file format {fmt!r}")
    if not isinstance(data, dict):
        raise ModelFileError(source, [Problem(1, None, "the file must hold a mapping of the "
                                                       "report's fields (title, body, issuer, date…)")])
    return ModelData(data, lines)


def report_from_data(data: dict[str, Any], *, source: str = "<string>",
                     lines: dict[tuple, int] | None = None) -> Report:
    """Check a model file's fields (as :func:`loads_data` reads them) and return the report.

    Dates may be written as 公文 write them (2024年1月18日). Errors are a
    :class:`ModelFileError` naming ``source``, the line (from ``lines``) and the field.
    """
    data = _read_dates(data)
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        relevant = [e for e in errors if _fits(data, e["loc"])] or errors
        problems = []
        for error in relevant:
            path, field = _locate(data, error["loc"])
            problem = Problem(_line_of(lines or {}, path), field or None, error["msg"])
            if problem not in problems:
                problems.append(problem)
        raise ModelFileError(source, problems) from None


def _union_tag(part: object) -> bool:
    """Whether a pydantic error location's ``part`` names a member of a union (``Seal``,
    ``list[Seal]``) rather than a field (fields are lower case) or an index."""
    return isinstance(part, str) and (part.startswith("list[") or part[:1].isupper())


def _fits(data: Any, loc: tuple) -> bool:
    """Whether an error about a union's member is about the member the value has the
    shape of: a list's errors for a list, a mapping's for a mapping."""
    current = data
    for part in loc:
        if _union_tag(part) and not (isinstance(current, dict) and part in current):
            if part.startswith("list[") != isinstance(current, list):  # type: ignore[union-attr]
                return False
            continue
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            return True
    return True


def _read_dates(data: dict) -> dict:
    """Let dates be written as 公文 write them (2024年1月18日) as well as 2024-01-18."""
    from govdoc.text.dates import read_date

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            reading = read_date(value)
            if reading is not None and reading.date is not None and reading.problem is None:
                return reading.date
        return value

    data = dict(data)
    if "date" in data:
        data["date"] = fix(data["date"])
    if isinstance(data.get("imprint"), dict) and "date" in data["imprint"]:
        data["imprint"] = dict(data["imprint"], date=fix(data["imprint"]["date"]))
    return data


@functools.cache
def _yaml_refused() -> re.Pattern[str]:
    """Characters a YAML file may not hold as they are (control characters, DEL);
    compiled on first use, as only YAML reading and writing need it."""
    return re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _check_json_depth(text: str, source: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_DEPTH`, naming the line, before the
    parser recurses into it."""
    depth = 0
    line = 1
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}\n]', text):
        ch = m.group()
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ModelFileError(source, [Problem(line, None, f"JSON: nested more than "
                                                                  f"{MAX_DEPTH} levels deep")])
        elif ch in "]}":
            depth -= 1


class _Loader:
    """PyYAML's safe loader, with dates left as text (govdoc reads them itself, so that a
    wrong date is an error naming its field and line, not a crash)."""

    @staticmethod
    def make(text: str) -> Any:
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        Loader.yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers
                    if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        return Loader(text)


def _measure_yaml(text: str, source: str) -> None:
    """Refuse YAML nested deeper than :data:`MAX_DEPTH` or holding more than
    :data:`MAX_NODES` values once its aliases are expanded, naming the line. Reads the
    parser's events (no recursion, nothing built)."""
    import yaml

    loader = _Loader.make(text)
    try:
        sizes: dict[str, int] = {}
        open_at: list[tuple[str | None, int]] = []
        count = 0
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.CollectionStartEvent):
                count += 1
                open_at.append((event.anchor, count))
                if len(open_at) > MAX_DEPTH:
                    raise ModelFileError(source, [Problem(line, None, f"YAML: nested more than "
                                                                      f"{MAX_DEPTH} levels deep")])
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, started = open_at.pop()
                if anchor:
                    sizes[anchor] = count - started + 1
            elif isinstance(event, yaml.ScalarEvent):
                count += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                count += sizes.get(event.anchor, 1)
            if count > MAX_NODES:
                raise ModelFileError(source, [Problem(line, None, (
                    f"YAML: refused, its aliases expand to more than {MAX_NODES:,} values"))])
    finally:
        loader.dispose()


def _load_yaml(text: str, source: str) -> tuple[Any, dict[tuple, int]]:
    import yaml

    try:
        _measure_yaml(text, source)
        loader = _Loader.make(text)
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + 1
        raise ModelFileError(source, [Problem(line, None, (
            f"YAML: character U+{exc.character if isinstance(exc.character, int) else ord(exc.character):04X} "
            "is not allowed in a YAML file; write it as an escape in double quotes "
            '(e.g. "\\x7f")'))]) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, source) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, source) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        raise ModelFileError(source, [Problem(None, None, f"YAML: {exc}")]) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, problems)
    if problems:
        raise ModelFileError(source, problems)
    return data, lines


def _yaml_error(exc: Any, source: str) -> ModelFileError:
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(x for x in (exc.context, exc.problem) if x) or str(exc)
    return ModelFileError(source, [Problem(mark.line + 1 if mark else None, None,
                                           f"YAML: {message}")])


def _walk(node: Any, path: tuple, lines: dict[tuple, int], problems: list[Problem]) -> None:
    import yaml

    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            if name in seen:
                problems.append(Problem(key.start_mark.line + 1, field_name(path + (name,)),
                                        "duplicate key: it is given twice"))
            seen.add(name)
            lines[path + (name,)] = key.start_mark.line + 1
            _walk(value, path + (name,), lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, problems)


def _locate(data: Any, loc: tuple) -> tuple[tuple, str]:
    """The path into ``data`` that a pydantic error's ``loc`` points at, and its name."""
    path: list = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
            path.append(part)
        elif part in _TAGS or isinstance(current, str) or _union_tag(part):
            continue  # a union's tag, or a field inside a paragraph written as a string
        else:
            path.append(part)
            current = None
    return tuple(path), field_name(tuple(path))


def field_name(path: tuple) -> str:
    """The field at ``path`` (keys and list positions) as errors name it, e.g.
    ``body[1].body[0].title``; the empty string for the model itself."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    for end in range(len(path), -1, -1):  # a missing field: the line of what lacks it
        if path[:end] in lines:
            return lines[path[:end]]
    return None


# -- Writing ------------------------------------------------------------------------------

def report_data(report: Report, *, dates: bool = True) -> dict[str, Any]:
    """``report`` as plain data: defaults left out, paragraphs as strings.

    With ``dates``, dates are :class:`datetime.date` objects (YAML and TOML write them
    natively); otherwise ISO strings (JSON).
    """
    data = report.model_dump(mode="json", exclude_defaults=True)

    def blocks(items: list) -> list:
        out = []
        for item in items:
            if set(item) == {"text"}:
                out.append(item["text"])
            elif "title" in item and "body" in item:
                section = {"title": item["title"]}
                if "run_in" in item:
                    section["run_in"] = item["run_in"]
                out.append({**section, "body": blocks(item["body"])})
            else:
                out.append(item)
        return out

    data["body"] = blocks(data["body"])
    for attachment in data.get("attachments", []):
        if "body" in attachment:
            attachment["body"] = blocks(attachment["body"])
    if dates:
        if "date" in data:
            data["date"] = datetime.date.fromisoformat(data["date"])
        if "date" in data.get("imprint", {}):
            data["imprint"]["date"] = datetime.date.fromisoformat(data["imprint"]["date"])
    ordered = {k: data[k] for k in _KEY_ORDER if k in data}
    ordered.update((k, v) for k, v in data.items() if k not in ordered)  # every field
    return ordered


def dump_report(report: Report, fmt: Format) -> str:
    """``report`` as a model file in format ``fmt`` (``yaml``, ``json`` or ``toml``)."""
    if fmt == "json":
        return json.dumps(report_data(report, dates=False), ensure_ascii=False, indent=2) + "\n"
    data = report_data(report)
    if fmt == "yaml":
        import yaml

        class Dumper(yaml.SafeDumper):
            pass

        def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
            # U+0085, U+2028 and U+2029 are line breaks to a YAML reader: only a
            # double-quoted string keeps them (as escapes)
            style = ('"' if any(c in value for c in "\x85\u2028\u2029") or _yaml_refused().search(value)
                     else "|" if "\n" in value else None)
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

        def row(dumper: yaml.SafeDumper, value: _Row) -> yaml.SequenceNode:
            return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)

        Dumper.add_representer(str, text)
        Dumper.add_representer(_Row, row)
        _mark_rows(data)
        return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
    if fmt == "toml":
        import tomli_w

        return tomli_w.dumps(data)
    raise ValueError(f"unknown model-file format {fmt!r}")


class _Row(list):  # type: ignore[type-arg]
    """A table row, written on one line in YAML."""


def _mark_rows(node: Any) -> None:
    if isinstance(node, dict):
        if "rows" in node and isinstance(node["rows"], list):
            node["rows"] = [_Row(r) for r in node["rows"]]
        for value in node.values():
            _mark_rows(value)
    elif isinstance(node, list):
        for value in node:
            _mark_rows(value)


def report_schema() -> dict[str, Any]:
    """The JSON Schema of a model file (for forms and editors)."""
    schema = Report.model_json_schema()

    def allow_strings(node: Any) -> None:
        if isinstance(node, dict):
            one_of = node.get("oneOf")
            if isinstance(one_of, list) and {"$ref": "#/$defs/Paragraph"} in one_of:
                one_of.insert(0, {"type": "string", "description": "A paragraph's text."})
            for value in node.values():
                allow_strings(value)
        elif isinstance(node, list):
            for value in node:
                allow_strings(value)

    allow_strings(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
