"""Reading untrusted input: one bounded reader and one strict JSON parser for every document.

Everything enshi-rules reads from outside goes through here: a case file or standard input
(``enshi-rules evaluate``), a batch line, an organ registry file (``jurisdiction.load_registry``),
and, for the modules that read them, calendar files, scenario case files and request bodies.

- :func:`read_bounded` reads a path, ``-`` (standard input) or a binary stream and stops at
  ``limit`` bytes: a larger input is refused without being held (``/dev/zero`` costs nothing).
  Every failure is an :class:`~enshi_rules.errors.InputError` with the path and the reason.
- :func:`parse_json` decodes UTF-8 JSON strictly: a duplicate key, ``NaN``/``Infinity``, a number
  that overflows to infinity, a document nested deeper than :data:`MAX_DEPTH`, an object with more
  than :data:`MAX_KEYS` keys, more than :data:`MAX_VALUES` values in all, or an array longer than
  its cap are problems with their field paths, found before any item is validated.
  :func:`check_structure` makes the same structural checks on a document that is already a
  Python mapping.

Both bound memory by the input's size, whatever the input: nothing grows with the number of
problems (a :class:`~enshi_rules.errors.CaseValidationError` keeps the first 50).
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import CaseValidationError, InputError, InputTooLargeError, Problem

__all__ = ["MAX_DEPTH", "MAX_KEYS", "MAX_VALUES", "check_structure", "parse_json", "read_bounded"]

#: Deepest nesting of objects and arrays in a document (a case document needs 5).
MAX_DEPTH = 32
#: Most keys in one JSON object (no model of ours has more than 40 fields).
MAX_KEYS = 100
#: Most JSON values (objects, arrays, scalars) in one document; a case document with every
#: section full needs fewer than 30,000.
MAX_VALUES = 50_000
#: Longest array where the caller gives no cap of its own for the array's path.
MAX_ITEMS = 1_000

_CHUNK = 1 << 16


def read_bounded(source: str | os.PathLike[str] | IO[bytes], limit: int, *, name: str | None = None) -> bytes:
    """The bytes of ``source`` (a path, ``"-"`` for standard input, or a binary stream), at most ``limit``.

    Reading stops as soon as the input is longer than ``limit``
    (:class:`~enshi_rules.errors.InputTooLargeError`), so memory never exceeds ``limit`` plus one
    chunk. A missing file, a directory, a closed standard input or a read error is an
    :class:`~enshi_rules.errors.InputError` naming ``name`` (default: the path) and the reason.
    """
    if isinstance(source, (str, os.PathLike)):
        label = name or os.fspath(source)
        if os.fspath(source) == "-":
            stdin = sys.stdin
            if stdin is None or getattr(stdin, "buffer", None) is None:
                raise InputError(name or "standard input", "standard input is closed (标准输入已关闭)")
            return _read_stream(stdin.buffer, limit, name or "standard input")
        try:
            with open(Path(source), "rb") as fh:
                return _read_stream(fh, limit, label)
        except InputError:
            raise
        except OSError as exc:
            raise InputError(label, exc.strerror or str(exc)) from None
    return _read_stream(source, limit, name or getattr(source, "name", None) or "input")


def _read_stream(fh: IO[bytes], limit: int, label: str) -> bytes:
    parts: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = fh.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise InputTooLargeError(label, limit)
            parts.append(chunk)
    except (OSError, ValueError) as exc:  # ValueError: a closed file
        if isinstance(exc, InputError):
            raise
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(label, reason) from None
    return b"".join(parts)


class _Refused(Exception):
    """A value strict JSON does not accept (NaN, Infinity, a float that overflows)."""


def _constant(name: str) -> Any:
    raise _Refused(name)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(text[:40])
    return value


def parse_json(data: bytes | str, *, caps: Mapping[str, int] | None = None, max_values: int = MAX_VALUES) -> Any:
    """Decode strict JSON; raise :class:`~enshi_rules.errors.CaseValidationError` with field paths.

    ``data`` is UTF-8 bytes (a leading byte order mark is allowed) or text. ``caps`` maps field
    paths, with ``[*]`` for any index (``inspections[*].supervisors``), to the most items the array
    there may hold; any other array may hold :data:`MAX_ITEMS`. See :func:`check_structure`.
    ``max_values`` bounds the number of JSON values in the document.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            p = Problem("", f"不是 UTF-8 编码的文本（第 {exc.start} 字节）", f"not UTF-8 text (byte {exc.start})")
            raise CaseValidationError([p]) from None
    else:
        text = data
    text = text.removeprefix("\ufeff")  # a UTF-8 byte order mark, as Windows editors write it
    duplicates: dict[int, list[str]] = {}
    keep: list[dict[str, Any]] = []  # an object with duplicates stays alive, so its id is not reused

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            keep.append(obj)
            seen: set[str] = set()
            dups = duplicates.setdefault(id(obj), [])
            for k, _ in items:
                if k in seen and k not in dups:
                    dups.append(k)
                seen.add(k)
        return obj

    decoder = json.JSONDecoder(object_pairs_hook=pairs, parse_constant=_constant, parse_float=_float)
    try:
        value, end = decoder.raw_decode(text, _skip_ws(text, 0))
        if _skip_ws(text, end) != len(text):
            raise json.JSONDecodeError("Extra data", text, end)
    except json.JSONDecodeError as exc:
        p = Problem("", f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）", f"not valid JSON: {exc}")
        raise CaseValidationError([p]) from None
    except _Refused as exc:
        p = Problem("", f"JSON 中不允许 {exc}（NaN、Infinity 或超出范围的数）", f"{exc} is not allowed in JSON (NaN, Infinity or a number out of range)")
        raise CaseValidationError([p]) from None
    except RecursionError:
        raise CaseValidationError([Problem("", "JSON 嵌套过深", "JSON nested too deeply")]) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise CaseValidationError([Problem("", f"JSON 中有无法读取的值：{exc}", f"unreadable value in JSON: {exc}")]) from None
    check_structure(value, caps=caps, duplicates=duplicates, max_values=max_values)
    return value


_WS = " \t\n\r"


def _skip_ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def _is_container(value: Any) -> bool:
    t = type(value)
    if t is dict or t is list:
        return True
    if t is str or t is int or t is float or t is bool or value is None:
        return False
    return isinstance(value, (Mapping, list, tuple))


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def check_structure(
    doc: Any,
    *,
    caps: Mapping[str, int] | None = None,
    duplicates: Mapping[int, list[str]] | None = None,
    max_values: int = MAX_VALUES,
) -> None:
    """Refuse a document too deep, too wide or too long before anything validates its items.

    Walks ``doc`` (objects as mappings, arrays as lists or tuples) without recursion; raises one
    :class:`~enshi_rules.errors.CaseValidationError` naming each path over a limit (and each
    duplicate key, when the parser recorded them in ``duplicates``). A count over its cap is
    reported without looking inside the array.
    """
    caps = caps or {}
    problems: list[Problem] = []
    omitted = 0

    def bad(path: str, zh: str, en: str) -> None:
        nonlocal omitted
        if len(problems) < 1000:
            problems.append(Problem(path, zh, en))
        else:
            omitted += 1

    # Only containers are pushed (scalars are counted by their parent), and paths are made only
    # for containers: a case document is walked in a few tens of microseconds.
    values = 1
    stack: list[tuple[Any, str, str, int]] = [(doc, "", "", 0)] if _is_container(doc) else []
    while stack:
        value, path, pattern, depth = stack.pop()
        if depth >= MAX_DEPTH:
            bad(path, f"嵌套过深（超过 {MAX_DEPTH} 层）", f"nested more than {MAX_DEPTH} levels deep")
            continue
        children: list[tuple[Any, str, str, int]] = []
        is_array = isinstance(value, (list, tuple))
        if is_array:  # a count over its cap first: it says more than "too many values"
            cap = caps.get(pattern, MAX_ITEMS)
            if len(value) > cap:
                bad(path, f"条目过多（{len(value)} 项，上限 {cap} 项）", f"too many items ({len(value)}, limit {cap})")
                continue
        elif len(value) > MAX_KEYS:
            bad(path, f"对象的字段过多（{len(value)} 个，上限 {MAX_KEYS}）", f"too many keys in an object ({len(value)}, limit {MAX_KEYS})")
            continue
        values += len(value)
        if values > max_values:
            bad("", f"文档中的值过多（超过 {max_values} 个）", f"too many values in the document (more than {max_values})")
            break
        if is_array:
            item_pattern = f"{pattern}[*]"
            for i, v in enumerate(value):
                if _is_container(v):
                    children.append((v, f"{path}[{i}]", item_pattern, depth + 1))
        else:
            if duplicates and id(value) in duplicates:
                for k in duplicates[id(value)]:
                    bad(_join(path, k), "字段重复出现（同一对象中同名字段只能出现一次）", f"duplicate key {k!r} in one object")
            for k, v in value.items():
                if _is_container(v) and isinstance(k, str):
                    children.append((v, _join(path, k), _join(pattern, k), depth + 1))
        children.reverse()
        stack.extend(children)
    if problems:
        raise CaseValidationError(problems, omitted=omitted)
