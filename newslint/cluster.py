"""Reach a Dask cluster for an archive run: a local one started here, or a scheduler the user names.

Dask is an optional extra (``pip install 'newslint[dask]'``) imported only here, only when
a cluster is asked for. A local cluster listens on 127.0.0.1 with no dashboard; nothing
leaves the machine unless the user names a scheduler's address.
"""

from __future__ import annotations

import os
import re
import warnings
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "pip install 'newslint[dask]'"
CONNECT_TIMEOUT = 10.0  # seconds to reach a named scheduler before giving up
_LOCAL = re.compile(r"local(?::(\d+))?")
_ADDRESS = re.compile(r"(tcp|tls|ws|wss|inproc|ucx)://\S+")


class ClusterError(Exception):
    """A cluster could not be used; the message is one line for the user."""


def parse(spec: str) -> tuple[str, int | str]:
    """``local:N`` -> ("local", N); ``tcp://host:8786`` -> ("remote", address)."""
    local = _LOCAL.fullmatch(spec.strip())
    if local:
        workers = int(local.group(1) or 2)
        if not 1 <= workers <= 256:
            raise ClusterError(f"--cluster {spec}: a local cluster has 1 to 256 workers")
        return "local", workers
    if _ADDRESS.fullmatch(spec.strip()):
        return "remote", spec.strip()
    raise ClusterError(f"--cluster {spec!r}: give local:N (N worker processes here) or a scheduler "
                       "address such as tcp://host:8786")


def import_dask() -> tuple[type, type]:
    """distributed's Client and LocalCluster, or a ClusterError saying how to install them."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError(f"--cluster needs Dask, which is not installed ({exc}); install it with "
                           f"{INSTALL_HINT}") from None
    return Client, LocalCluster


QUIET_LEVEL = "error"


def _quiet_local_workers() -> None:
    """Workers of a cluster started here log errors only: their shutdown chatter (a heartbeat
    to a scheduler already closing, with its traceback) is not the user's business. Set in the
    environment, which the worker processes inherit, unless the user set it."""
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", QUIET_LEVEL)


@contextmanager
def connect(spec: str, timeout: float = CONNECT_TIMEOUT) -> Iterator["Client"]:
    """A client of the cluster ``spec`` names; a local cluster is shut down on the way out."""
    kind, value = parse(spec)
    Client, LocalCluster = import_dask()
    if kind == "local":
        _quiet_local_workers()
        with warnings.catch_warnings():  # "port 8787 in use": its loopback status page moves to a free port
            warnings.filterwarnings("ignore", "Port .* is already in use", UserWarning)
            cluster = LocalCluster(n_workers=int(value), threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(str(value), timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {value}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
