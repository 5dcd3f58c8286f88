"""newslint's optional native core: compiled twins of a few hot loops (native/, Rust).

`pip install` builds it where a Rust toolchain is found (hatch_build.py). Without it, or
with NEWSLINT_NATIVE=off, newslint runs the pure-Python twins; the results are the same
(tests/test_native.py holds every twin to it).
"""

from __future__ import annotations

import os
from functools import lru_cache
from types import ModuleType

ABI = 23  # native/src/lib.rs ABI: a module built from other sources is not used


@lru_cache(maxsize=1)
def module() -> ModuleType | None:
    """The native module, or None when it is not built, is stale, or is turned off."""
    if _switched_off():
        return None
    try:
        from newslint import _native  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _native if getattr(_native, "ABI", None) == ABI else None


def status() -> str:
    """One line for ``newslint --version``: whether the native core is in use, and why not."""
    if module() is not None:
        return "native core: in use"
    if _switched_off():
        return "native core: off (NEWSLINT_NATIVE)"
    try:
        from newslint import _native  # type: ignore[attr-defined]  # noqa: F401
    except ImportError:
        return "native core: not built (pure Python; install with a Rust toolchain to build it)"
    return "native core: stale build ignored (run `python hatch_build.py` in the checkout)"


def _switched_off() -> bool:
    return os.environ.get("NEWSLINT_NATIVE", "").strip().lower() in ("off", "0", "no", "false")
