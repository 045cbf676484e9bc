"""A time budget for one piece of per-document work, so a pathological text becomes a
recorded failure instead of a hang.

In the main thread the budget is a real-time interval timer (SIGALRM); in any
other thread (a Dask worker runs tasks in threads) a watchdog timer raises the
error in that thread asynchronously. Either way the work is interrupted between
two Python bytecodes with `BudgetExceeded`; long C calls (a spaCy parse) finish
before it lands.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from collections.abc import Iterator

from dateline.errors import AnnotateError

__all__ = ["BudgetExceeded", "seconds_for", "time_budget"]

BASE_SECONDS = 30.0
SECONDS_PER_100K_CHARS = 15.0


class BudgetExceeded(AnnotateError):
    """The work took longer than its budget."""


def seconds_for(text: str) -> float:
    """The budget of one annotator on `text`: generous, growing with its length (normal news takes well
    under a second per annotator)."""
    return BASE_SECONDS + SECONDS_PER_100K_CHARS * len(text) / 100_000


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded inside the block if it runs longer than `seconds`."""
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


def _exceeded(seconds: float) -> BudgetExceeded:
    return BudgetExceeded(f"took longer than its time budget of {seconds:.0f} s")


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(_signum, _frame):
        raise _exceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Expired(BudgetExceeded):
    """Raised asynchronously in a thread; its message is set where it is caught."""


@contextlib.contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Expired:
        raise _exceeded(seconds) from None
    finally:
        with lock:
            state["inside"] = False
        timer.cancel()
        if state["fired"]:  # fired as the block ended: take back an exception not yet raised
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
