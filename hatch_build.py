"""Builds newslint's optional native core (native/, Rust) into the package when it can.

Hatchling runs this hook on every build, `pip install -e .` included. When `cargo` is on
PATH it compiles native/ and puts the module beside the Python package (newslint/_native.*,
ignored by git) and into the wheel. When cargo is missing or the build fails, the install
goes on without it and newslint runs its pure-Python twins (newslint/native.py), with the
same results. NEWSLINT_NATIVE_BUILD=off skips the build.

Run ``python hatch_build.py`` to rebuild the module in place after editing native/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CRATE = ROOT / "native"
LIBRARY = {"linux": "lib_native.so", "darwin": "lib_native.dylib", "win32": "_native.dll"}


def target_name() -> str:
    """The module's file name: abi3 (one build for every Python from 3.11)."""
    return "_native.pyd" if sys.platform == "win32" else "_native.abi3.so"


def build_native(log=print) -> Path | None:
    """Compile native/ and copy the module into newslint/; its path, or None when skipped."""
    if os.environ.get("NEWSLINT_NATIVE_BUILD", "").lower() in ("off", "0", "no"):
        log("newslint: native core not built (NEWSLINT_NATIVE_BUILD=off); the pure-Python rules run instead")
        return None
    cargo = shutil.which("cargo") or next((str(p) for p in [Path.home() / ".cargo" / "bin" / "cargo"] if p.exists()), None)
    if cargo is None or not (CRATE / "Cargo.toml").exists():
        log("newslint: cargo not found; the native core is skipped and the pure-Python rules run instead")
        return None
    env = dict(os.environ, PYO3_PYTHON=sys.executable)
    command = [cargo, "build", "--release", "--quiet", "--manifest-path", str(CRATE / "Cargo.toml")]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    built = CRATE / "target" / "release" / LIBRARY.get(platform, "lib_native.so")
    if result.returncode != 0 or not built.exists():
        log("newslint: building the native core failed; the pure-Python rules run instead\n" + result.stderr[-2000:])
        return None
    destination = ROOT / "newslint" / target_name()
    tmp = destination.with_suffix(".tmp")
    shutil.copyfile(built, tmp)
    os.replace(tmp, destination)  # a running newslint keeps its mapped copy
    return destination


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script, outside a build
    BuildHookInterface = object  # type: ignore[assignment,misc]


class NativeBuildHook(BuildHookInterface):  # type: ignore[misc,valid-type]
    """Hatchling's custom build hook: the native core into the wheel, when it builds."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        module = build_native(log=lambda msg: self.app.display_info(msg))
        if module is None:
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":  # an editable install imports it from newslint/ itself
            build_data["force_include"][str(module)] = f"newslint/{module.name}"


if __name__ == "__main__":
    path = build_native()
    sys.exit(0 if path else 1)
