"""Entry point of both frozen executables (installer/kcdesk.spec).

`kcdesk` (console) and `kcdesk-gui` (windowed, no console window on Windows) run the same
command line as the pip-installed `kcdesk`: no subcommand opens the window, a subcommand
runs it, `--self-test` checks the installation.
"""

import os
import sys


def _give_windowless_streams_a_sink() -> None:
    # The windowed executable on Windows starts with no console: sys.stdout and sys.stderr
    # are None, and the first print (argparse help, a warning) would raise. Send them nowhere;
    # the window shows errors itself and logs them under the app-data folder.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)


if __name__ == "__main__":
    _give_windowless_streams_a_sink()
    from kcdesk.cli.main import main

    raise SystemExit(main())
