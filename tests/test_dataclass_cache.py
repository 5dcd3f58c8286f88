"""Dataclass methods from the code cache are the methods ``dataclasses`` would generate."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
if sys.argv[1] == "cached":
    from newslint import dataclass_cache
    dataclass_cache.install()
import dataclasses
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: "int" = 0
    tags: tuple = field(default_factory=tuple, compare=False)

@dataclass
class Box:
    items: list = field(default_factory=list)

a, b = Point(1), Point(1, 2, ("t",))
try:
    a.x = 5
except dataclasses.FrozenInstanceError:
    print("frozen")
print(repr(a), repr(b), a == Point(1), a < b, hash(a) == hash(Point(1, 0, ("u",))))
print(Point.__init__.__annotations__, Point.__init__.__defaults__, Point.__init__.__code__.co_varnames)
print(repr(Box()), Box() == Box([]), Box.__eq__.__code__.co_code.hex())
"""


def _run(mode: str, cache) -> str:
    env = {"NEWSLINT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_methods_compiled_then_read_from_the_file_behave_as_generated(tmp_path):
    plain = _run("plain", tmp_path)
    assert "frozen" in plain and "Point(x=1, y=0, tags=())" in plain
    assert not list(tmp_path.glob("compiled/dataclass-*.records"))
    assert _run("cached", tmp_path) == plain  # compiled, then saved at exit
    assert list(tmp_path.glob("compiled/dataclass-*.records"))
    assert _run("cached", tmp_path) == plain  # read from the file


def test_a_damaged_file_means_compiling_again(tmp_path):
    plain = _run("plain", tmp_path)
    _run("cached", tmp_path)
    (path,) = tmp_path.glob("compiled/dataclass-*.records")
    path.write_bytes(b"\x00damaged")
    assert _run("cached", tmp_path) == plain
