"""``evaluate_many``: many case documents, results in input order, on one process or several.

Evaluation is a pure function of a case document (and the as-of date), so a batch can be cut
anywhere and its pieces evaluated anywhere: here, on worker processes of this machine. The
durable-rules engine is one per process and holds the GIL while it matches, so threads give no
speed-up; ``jobs > 1`` starts that many worker processes, forked from a fork server that has
imported enshi-rules but never created a ruleset (``spawn`` where there is no fork server): each
worker compiles its own engine, nothing of a C engine is ever forked.

Guarantees, whatever happens to a record:

- **one result per record, in input order**: a :class:`BatchResult` with either the
  :class:`~enshi_rules.Report` or a :class:`BatchError` saying why there is none; an invalid case, an
  engine failure or a bug on one record never stops the batch;
- **nothing silently lost when a worker dies** (killed, out of memory, a crash in the C engine): the
  record it was evaluating at that moment gets a ``worker_died`` error; the other records it held
  had not been evaluated, or their results had not reached us, and are evaluated again by a fresh
  worker (evaluation is pure, so that is safe); the batch goes on;
- **the caller's setting**: a worker evaluates in the working directory and environment the caller
  has when the batch starts (``ENSHI_RULES_CALENDAR``, ``TZ``), not in those of the fork server it
  was forked from, so its reports are those :func:`~enshi_rules.evaluate` gives in the caller;
- **bounded memory**: the input is consumed lazily, at most ``window`` records are between being
  read and being handed back (in flight, or finished and waiting for an earlier one).

The machinery (:func:`iter_values`) is shared with ``enshi-rules batch``, which has its workers
return report JSON lines instead of :class:`~enshi_rules.Report` objects.
"""

from __future__ import annotations

import functools
import gc
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import wait
from typing import Any

from .._evaluate import evaluate as _evaluate
from .._periods.counting import PeriodPolicy
from ..errors import (
    CalendarDataError,
    CaseValidationError,
    EngineError,
    EnshiRulesError,
    Problem,
    printable,
)
from ..facts import Case, parse_as_of
from ..report import Report

__all__ = ["BatchError", "BatchResult", "evaluate_many", "iter_values"]

#: Records handed to a worker at a time. A worker holds at most two chunks (one being evaluated,
#: one queued), so it never waits for the parent between chunks. 64 rather than 16 (issue 18): a
#: quarter of the messages, waits and pickling frames per record for the parent, whose share of a
#: core is what two jobs lose against two independent processes; a worker that dies sends at most
#: 127 records back to be evaluated again.
CHUNK = 64
#: Chunks queued per worker, the one being evaluated included.
_DEPTH = 2
#: Bytes of str/bytes input in flight before the reader waits (a JSONL line can be up to 2 MB).
_MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024
#: A worker that dies before evaluating anything this many times in a row means workers cannot run.
_MAX_STARTUP_DEATHS = 3


@dataclass(frozen=True)
class BatchError:
    """Why one record of a batch has no report.

    ``kind`` is one of:

    ``invalid``      the case document is invalid or impossible (:class:`~enshi_rules.CaseValidationError`;
                     ``problems`` lists every problem with its field path, in Chinese and English);
    ``calendar``     a period falls in a year without holiday data (:class:`~enshi_rules.CalendarDataError`);
    ``engine``       the rule engine failed on this record (:class:`~enshi_rules.EngineError`);
    ``worker_died``  the worker process evaluating this record died (killed, out of memory, a
                     crash); the record was not evaluated; evaluating it again may succeed;
    ``unexpected``   any other exception: a bug in enshi-rules, please report it.

    ``type`` is the exception's class name (empty for ``worker_died``); ``message`` is one line.
    """

    kind: str
    type: str
    message: str
    problems: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "type": self.type, "message": self.message}
        if self.problems:
            out["problems"] = [
                {"path": p.path, "message_zh": p.message_zh, "message_en": p.message_en} for p in self.problems
            ]
        return out

    @classmethod
    def from_exception(cls, exc: BaseException) -> BatchError:
        name = type(exc).__name__
        if isinstance(exc, CaseValidationError):
            return cls("invalid", name, exc.one_line(), exc.problems)
        if isinstance(exc, CalendarDataError):
            kind = "calendar"
        elif isinstance(exc, EngineError):
            kind = "engine"
        elif isinstance(exc, EnshiRulesError):
            kind = "invalid"
        else:
            kind = "unexpected"
        return cls(kind, name, _one_line(f"{exc}" if kind != "unexpected" else f"{name}: {exc}"))


class BatchResult:
    """The result for the record at ``index`` (its 0-based position in the input).

    Exactly one of ``report`` and ``error`` is set (``ok`` says which). A report evaluated in a
    worker process travels as its JSON text and is turned back into a :class:`~enshi_rules.Report`
    only when ``report`` is first read: a consumer that stores or forwards reports can take
    ``report_json`` (``Report.to_json(indent=None)``, the same text either way) without the parent
    process paying to decode and re-encode every report.
    """

    __slots__ = ("_error", "_index", "_json", "_report")

    def __init__(
        self,
        index: int,
        report: Report | None = None,
        error: BatchError | None = None,
        *,
        report_json: str | None = None,
    ) -> None:
        if (report is None and report_json is None) == (error is None):
            raise ValueError("a BatchResult has either a report or an error")
        self._index = index
        self._report = report
        self._json = report_json
        self._error = error

    @property
    def index(self) -> int:
        return self._index

    @property
    def error(self) -> BatchError | None:
        return self._error

    @property
    def ok(self) -> bool:
        return self._error is None

    @property
    def report(self) -> Report | None:
        if self._report is None and self._json is not None:
            self._report = Report.from_json(self._json)
        return self._report

    @property
    def report_json(self) -> str | None:
        """The report as one line of JSON, or None for an error."""
        if self._json is None and self._report is not None:
            self._json = self._report.to_json(indent=None)
        return self._json

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BatchResult):
            return NotImplemented
        return (self._index, self._error, self.report_json) == (other._index, other._error, other.report_json)

    def __hash__(self) -> int:
        return hash((self._index, self._error, self.report_json))

    def __repr__(self) -> str:
        if self._error is not None:
            return f"BatchResult(index={self._index}, error={self._error!r})"
        case_id = self._report.case_id if self._report is not None else "…"
        return f"BatchResult(index={self._index}, report=<Report {case_id}>)"


def _one_line(text: str) -> str:
    return printable(" ".join(text.split()))


# --------------------------------------------------------------------------- tasks (run anywhere)


def report_task(payload: Any, as_of: date | None, calendar: dict[str, Any] | None = None) -> Report:
    return _evaluate.run(payload, as_of=as_of, **(calendar or {})).report


def report_json_task(payload: Any, as_of: date | None, calendar: dict[str, Any] | None = None) -> str:
    return _evaluate.run(payload, as_of=as_of, **(calendar or {})).report.to_json(indent=None)


def calendar_options(
    calendar: Any = None, *, missing_calendar: str | None = None, prefecture_days_off: bool | None = None
) -> dict[str, Any] | None:
    """The calendar options of a batch, checked once before any case is read (a bad calendar file
    raises :class:`~enshi_rules.CalendarFileError` at once), with file paths made absolute so that
    worker processes read the same files. None when there are none."""
    sources = tuple(
        s if isinstance(s, Mapping) else os.path.abspath(os.fspath(s)) for s in _evaluate.calendar_sources(calendar)
    )
    PeriodPolicy(
        calendar=sources,
        missing_calendar=missing_calendar or "provisional",
        prefecture_days_off=True if prefecture_days_off is None else prefecture_days_off,
    ).resolved_calendar()
    options = {"calendar": sources or None, "missing_calendar": missing_calendar, "prefecture_days_off": prefecture_days_off}
    options = {k: v for k, v in options.items() if v is not None}
    return options or None


Task = Callable[[Any, "date | None"], Any]


def _run_task(task: Task, payload: Any, as_of: date | None) -> tuple[bool, Any]:
    try:
        return True, task(payload, as_of)
    except Exception as exc:  # one bad record never stops the batch; the error is its result
        try:
            return False, BatchError.from_exception(exc)
        except Exception:  # pragma: no cover - an exception whose str() raises
            return False, BatchError("unexpected", type(exc).__name__, "(the error could not be described)")


# --------------------------------------------------------------------------- worker processes
#
# Wire format. Parent -> worker, on a pipe of its own written by a feeder thread (:class:`_Feeder`,
# so the parent never blocks however busy the worker is): ``(chunk_id, [(index, pickled_payload)])``
# or ``None`` to stop. Payloads are pickled one by one in the parent, so a record that cannot be
# pickled, or unpickled in the worker, is that record's error and nothing else's. Worker -> parent,
# on a pipe of its own (no lock shared between workers, so a worker killed while writing harms no
# other): ``(chunk_id, [(ok, value)], cpu_seconds_so_far)``. ``progress`` (shared memory) holds the
# index of the record the worker is evaluating, -1 between chunks: when a worker dies, it names the
# record.


def _unpickle_and_run(task: Task, blob: bytes, as_of: date | None) -> tuple[bool, Any]:
    try:
        payload = pickle.loads(blob)
    except Exception as exc:
        msg = _one_line(f"the record cannot be read in a worker process: {exc}")
        return False, BatchError("unexpected", type(exc).__name__, msg)
    return _run_task(task, payload, as_of)


def _pack_results(chunk_id: int, out: list[tuple[bool, Any]]) -> bytes:
    cpu = time.process_time()
    try:
        return pickle.dumps((chunk_id, out, cpu), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        safe = []
        for ok, value in out:
            try:
                pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                safe.append((ok, value))
            except Exception as exc:
                msg = _one_line(f"the result cannot be sent back: {exc}")
                safe.append((False, BatchError("unexpected", type(exc).__name__, msg)))
        return pickle.dumps((chunk_id, safe, cpu), protocol=pickle.HIGHEST_PROTOCOL)


#: What an evaluation reads of its process besides its arguments: the working directory (a relative
#: calendar file) and the environment (``ENSHI_RULES_CALENDAR``; ``TZ``, which decides what "today" is).
Setting = tuple[str | None, dict[str, str]]


def _callers_setting() -> Setting:
    """The caller's working directory and environment, as they are when the batch starts."""
    try:
        cwd: str | None = os.getcwd()
    except OSError:  # pragma: no cover - a directory removed under the caller
        cwd = None
    return cwd, dict(os.environ)


def _adopt(setting: Setting) -> None:
    """Make a worker evaluate as the caller would. A worker is forked from the fork server, which
    has the directory and environment of the moment it started (the first batch of the process),
    not the caller's now: a calendar file named by ``ENSHI_RULES_CALENDAR`` after that, or a
    relative one, gave workers another calendar than a direct ``evaluate`` (a 2027 due date)."""
    cwd, env = setting
    if cwd is not None:
        os.chdir(cwd)
    if dict(os.environ) != env:
        os.environ.clear()
        os.environ.update(env)
        if hasattr(time, "tzset"):
            time.tzset()


def _worker_main(task: Task, as_of: date | None, tasks: Any, results: Any, progress: Any, setting: Setting) -> None:
    """A worker: evaluate chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _adopt(setting)
    # What the fork server imported lives as long as the worker: keep the cyclic garbage collector
    # from walking it (and from copying its pages) at every full collection (~5% of a worker's CPU).
    gc.freeze()
    while True:
        try:
            msg = pickle.loads(tasks.recv_bytes())
        except EOFError:  # the parent is gone
            return
        if msg is None:
            return
        chunk_id, items = msg
        out = []
        for index, blob in items:
            progress.value = index
            out.append(_unpickle_and_run(task, blob, as_of))
        progress.value = -1
        results.send_bytes(_pack_results(chunk_id, out))


class _Feeder:
    """Writes the messages for one worker to its pipe, from a thread of the parent.

    Not a ``multiprocessing.Queue``: its feeder thread blocked for good when the worker died with a
    chunk half written (a chunk is larger than a pipe's buffer, and the queue keeps the pipe's read
    end open in the parent too, so the write never failed), and stayed until the process exited.
    Here only the worker holds the read end: when it dies the write fails and the thread ends."""

    #: What ends the thread (``None`` is the worker's stop message, sent like any other).
    CLOSE = object()

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="enshi-rules-batch-feeder", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            while True:
                msg = self.queue.get()
                if msg is _Feeder.CLOSE:
                    return
                self.conn.send_bytes(pickle.dumps(msg, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # EPIPE: the worker died; what it was sent is evaluated again elsewhere
            return
        finally:
            self.conn.close()

    def put(self, msg: Any) -> None:
        self.queue.put(msg)

    def close(self, timeout: float | None = None) -> None:
        """Stop the thread once it has written what it was given (or the worker is gone)."""
        self.queue.put(_Feeder.CLOSE)
        self.thread.join(timeout)


class _Worker:
    def __init__(self, ctx: Any, task: Task, as_of: date | None, setting: Setting) -> None:
        tasks_end, tasks = ctx.Pipe(duplex=False)
        self.results, child_end = ctx.Pipe(duplex=False)
        self.progress = ctx.RawValue("q", -1)
        self.process = ctx.Process(
            target=_worker_main, args=(task, as_of, tasks_end, child_end, self.progress, setting), daemon=True
        )
        self.process.start()
        child_end.close()  # so that the parent sees EOF when the worker dies
        tasks_end.close()  # so that a write to a dead worker fails (EPIPE) instead of blocking
        self.tasks = _Feeder(tasks)
        self.inflight: deque[tuple[int, list[tuple[int, bytes]]]] = deque()
        self.done_any = False
        self.cpu = 0.0  # CPU seconds the worker had used when it last sent results

    def send(self, chunk_id: int, items: list[tuple[int, bytes]]) -> None:
        self.inflight.append((chunk_id, items))
        self.tasks.put((chunk_id, items))

    def stop(self, *, graceful: bool) -> None:
        try:
            if graceful and self.process.is_alive():
                self.tasks.put(None)
                self.process.join(5)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(5)
            if self.process.is_alive():  # pragma: no cover - ignores SIGTERM
                self.process.kill()
                self.process.join()
        finally:
            self.tasks.close(timeout=5)  # the worker is gone: the thread ends at once
            self.results.close()


def _how_it_died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def _died(exitcode: int | None) -> BatchError:
    return BatchError(
        "worker_died",
        "",
        f"the worker process evaluating this record died ({_how_it_died(exitcode)}); the record was "
        f"not evaluated (evaluating it again may succeed)",
    )


def _context() -> Any:
    """``forkserver`` where there is one, else ``spawn``: never a fork of a process with a C engine.

    The fork server is a fresh interpreter that imports this module (and so enshi-rules, but
    compiles no ruleset: the engine is created lazily, in each worker) and forks a worker in a few
    milliseconds; with ``spawn`` every worker imports everything again (a few hundred
    milliseconds). The preload is set only while the process's fork server has not started yet
    (it then serves every later batch of the process, and stays until the process exits).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover - not Linux
        return multiprocessing.get_context("spawn")
    from multiprocessing import (
        forkserver,  # here: the module is not there on every platform
    )

    ctx = multiprocessing.get_context("forkserver")
    if getattr(forkserver._forkserver, "_forkserver_pid", None) is None:
        ctx.set_forkserver_preload([__name__, "enshi_rules._cli.batch"])
    return ctx


def iter_values(
    payloads: Iterable[Any],
    *,
    task: Task,
    as_of: date | None = None,
    jobs: int = 1,
    chunk: int = CHUNK,
    window: int | None = None,
    stats: dict[str, float] | None = None,
) -> Iterator[tuple[int, bool, Any]]:
    """Apply ``task(payload, as_of)`` to each payload; yield ``(index, ok, value)`` in input order.

    ``ok`` false means ``value`` is a :class:`BatchError`. ``task`` must be a module-level function
    (workers import it by name). With ``jobs == 1`` everything runs in this process. At most
    ``window`` records are read ahead of the one handed back last. ``stats``, if given, receives
    ``workers_started``, ``workers_died`` and ``worker_cpu_s`` (CPU seconds the workers reported).
    """
    if jobs == 1:
        for index, payload in enumerate(payloads):
            yield (index, *_run_task(task, payload, as_of))
        return
    yield from _parallel(payloads, task, as_of, jobs, chunk, window or jobs * chunk * _DEPTH * 2, stats)


def _parallel(
    payloads: Iterable[Any],
    task: Task,
    as_of: date | None,
    jobs: int,
    chunk: int,
    window: int,
    stats: dict[str, float] | None = None,
) -> Iterator[tuple[int, bool, Any]]:
    ctx = _context()
    source = iter(payloads)
    exhausted = False
    taken = 0  # records read from the input
    next_out = 0  # index of the next record to hand back
    in_flight_bytes = 0
    sizes: dict[int, int] = {}
    retry: deque[tuple[int, bytes]] = deque()  # records to evaluate again after a worker died
    attempts: dict[int, int] = {}
    finished: dict[int, tuple[bool, Any]] = {}  # results waiting for an earlier record
    chunk_ids = itertools.count()
    startup_deaths = 0
    workers: list[_Worker] = []
    graceful = False
    counts = {"workers_started": 0.0, "workers_died": 0.0, "worker_cpu_s": 0.0}

    setting = _callers_setting()  # a worker started after a death evaluates as the first ones did

    def start() -> _Worker:
        counts["workers_started"] += 1
        return _Worker(ctx, task, as_of, setting)

    def take() -> list[tuple[int, bytes]]:
        nonlocal exhausted, taken, in_flight_bytes
        items: list[tuple[int, bytes]] = []
        while retry and len(items) < chunk:
            items.append(retry.popleft())
        while (
            not exhausted
            and len(items) < chunk
            and taken - next_out < window
            and in_flight_bytes < _MAX_BYTES_IN_FLIGHT
        ):
            try:
                payload = next(source)
            except StopIteration:
                exhausted = True
                break
            index = taken
            taken += 1
            try:
                blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                msg = _one_line(f"the record cannot be sent to a worker process: {exc}")
                finished[index] = (False, BatchError("unexpected", type(exc).__name__, msg))
                continue
            sizes[index] = len(blob)
            in_flight_bytes += len(blob)
            items.append((index, blob))
        return items

    def bury(w: _Worker) -> None:
        """A worker died: the record it was evaluating is an error, the others are evaluated again."""
        nonlocal startup_deaths
        # Its results pipe is at end of file or its exit was reported, but under load the fork server
        # may report the exit seconds later (it must run to reap the worker): a bounded join could
        # return first, leaving no exit status ("exit status None" instead of the signal that killed
        # it) and, were the worker somehow still running, a record number it could still change. So
        # make sure it is dead (SIGKILL to a dead process changes nothing: the status is the first
        # cause) and wait for the report, however long that takes.
        w.process.kill()
        w.process.join()
        culprit = w.progress.value
        again: list[tuple[int, bytes]] = []
        for _, items in w.inflight:
            for index, blob in items:
                attempts[index] = attempts.get(index, 0) + 1
                if index == culprit or attempts[index] > _MAX_STARTUP_DEATHS:
                    finished[index] = (False, _died(w.process.exitcode))
                    attempts.pop(index)
                else:
                    again.append((index, blob))
        if culprit < 0 and not w.done_any:
            startup_deaths += 1
            if startup_deaths >= _MAX_STARTUP_DEATHS:
                msg = f"batch worker processes die before evaluating anything ({_how_it_died(w.process.exitcode)})"
                raise EngineError(msg)
        retry.extendleft(sorted(again, reverse=True))
        w.inflight.clear()
        w.stop(graceful=False)
        counts["workers_died"] += 1
        counts["worker_cpu_s"] += w.cpu

    try:
        workers = [start() for _ in range(jobs)]
        while True:
            for w in workers:
                while len(w.inflight) < _DEPTH:
                    items = take()
                    if not items:
                        break
                    w.send(next(chunk_ids), items)
            while next_out in finished:
                ok, value = finished.pop(next_out)
                in_flight_bytes -= sizes.pop(next_out, 0)
                attempts.pop(next_out, None)
                yield next_out, ok, value
                next_out += 1
            if exhausted and not retry and next_out == taken:
                graceful = True
                return
            if not any(w.inflight for w in workers):
                continue  # everything taken is finished, or the window waits for a record just finished
            ready = set(wait([w.results for w in workers] + [w.process.sentinel for w in workers]))
            for i, w in enumerate(workers):
                if w.results not in ready and w.process.sentinel not in ready:
                    continue
                dead = False
                try:  # read every result the worker sent before asking whether it died
                    while w.results.poll():
                        chunk_id, out, w.cpu = pickle.loads(w.results.recv_bytes())
                        sent_id, items = w.inflight.popleft()
                        if sent_id != chunk_id:  # pragma: no cover - a pipe is FIFO
                            raise EngineError(f"batch worker answered chunk {chunk_id}, expected {sent_id}")
                        for (index, _), result in zip(items, out, strict=True):
                            finished[index] = result
                        w.done_any = True
                        startup_deaths = 0
                except EngineError:  # pragma: no cover
                    raise
                except Exception:  # EOF, or a message cut short by the worker's death
                    dead = True
                if dead or not w.process.is_alive():
                    bury(w)
                    workers[i] = start()
    finally:
        for w in workers:
            w.stop(graceful=graceful)
            counts["worker_cpu_s"] += w.cpu
        if stats is not None:
            stats.update(counts)


# --------------------------------------------------------------------------- public API


def _check_jobs(jobs: int) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return jobs


def evaluate_many(
    cases: Iterable[Case | dict[str, Any] | str | bytes],
    *,
    as_of: date | str | None = None,
    jobs: int = 1,
    calendar: Any = None,
) -> Iterator[BatchResult]:
    """Evaluate many case documents; yield one :class:`BatchResult` per case, in input order.

    ``cases`` is any iterable of what :func:`~enshi_rules.evaluate` accepts (a
    :class:`~enshi_rules.Case`, a mapping, JSON text or bytes); it is read lazily, so a generator
    over a file of any size runs in bounded memory. ``as_of`` applies to every case (else each
    case's own ``as_of``, else today). ``jobs > 1`` evaluates on that many worker processes.

    A case that cannot be evaluated gives a result whose ``error`` says why
    (:class:`BatchError`); it never stops the batch. If a worker process dies, the case it was
    evaluating gets a ``worker_died`` error and no other case is lost.

    Stopping the iteration early (``break``, or closing the iterator) stops the workers. Memory
    stays bounded: at most a few dozen records per worker are read ahead of the last one yielded.

    ``calendar`` adds calendar files or documents for every case, as for :func:`~enshi_rules.evaluate`.

    Raises at once (before anything is read) :class:`TypeError`/:class:`ValueError` for a bad
    ``jobs``, :class:`~enshi_rules.CaseValidationError` for a bad ``as_of`` and
    :class:`~enshi_rules.CalendarFileError` for a bad calendar file.
    """
    day = parse_as_of(as_of)
    n = _check_jobs(jobs)
    options = calendar_options(calendar)
    return _results(cases, day, n, calendar=options)


def _results(
    cases: Iterable[Any],
    as_of: date | None,
    jobs: int,
    stats: dict[str, float] | None = None,
    *,
    calendar: dict[str, Any] | None = None,
) -> Iterator[BatchResult]:
    one = functools.partial(report_task, calendar=calendar) if calendar else report_task
    many = functools.partial(report_json_task, calendar=calendar) if calendar else report_json_task
    if jobs == 1:
        for index, ok, value in iter_values(cases, task=one, as_of=as_of, jobs=1):
            yield BatchResult(index, value) if ok else BatchResult(index, error=value)
        return
    for index, ok, value in iter_values(cases, task=many, as_of=as_of, jobs=jobs, stats=stats):
        yield BatchResult(index, report_json=value) if ok else BatchResult(index, error=value)


def default_jobs() -> int:
    """Worker processes for ``--jobs 0``: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
