"""Allow ``python -m newslint``; ``run`` is also the ``newslint`` script's entry point."""

from __future__ import annotations

from typing import NoReturn


def run() -> NoReturn:
    """The ``newslint`` command: ``command()``, then ``leave`` with its exit code."""
    leave(command())


def command() -> object:
    """The command line, with regex programs and dataclass methods from the cache
    (newslint/regex_cache.py, newslint/dataclass_cache.py): set up before the command
    line's modules compile their patterns and create their classes. The cyclic garbage collector
    is paused while the modules load (what they create lives as long as the process) and
    those objects are then frozen out of later collections: ~10 ms of a cold start. Returns
    the exit code (what ``sys.exit`` was given)."""
    import gc

    gc.disable()
    try:
        from newslint import dataclass_cache, regex_cache

        regex_cache.install()
        dataclass_cache.install()
        from newslint.cli import main
    finally:
        gc.freeze()
        gc.enable()
    try:
        main()
    except SystemExit as exc:
        return exc.code
    return 0


def leave(code: object) -> NoReturn:
    """Exit as ``sys.exit(code)`` would, without freeing every object one by one first:
    the rules, tables and regexes a run loads take Python about 5 ms to tear down, frozen
    as they are (``gc.freeze``), of a 140 ms check of one article. Exit handlers run (the regex and dataclass caches are saved then)
    and both streams are flushed; a process with another thread still running exits the
    usual way, so that thread is not cut short."""
    import atexit
    import os
    import sys
    import threading

    if threading.active_count() > 1:
        sys.exit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # what sys.exit does with a message
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that stopped early (| head); a closed stream
            pass
    os._exit(status)


if __name__ == "__main__":
    run()
