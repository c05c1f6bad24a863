"""Operations: every database write, import, report and sync runs off the GUI thread.

`Runner.read` runs fn(session) on a QThreadPool worker with its own session; `Runner.write`
hands fn(session) to the store's single writer thread (store.submit_write); `Runner.run`
runs any other long job (reports, sync) with a kcdesk.progress.Progress it can report
to and that Cancel stops. Results come back to the GUI thread by signal; workers never
touch widgets. Its progress appears in the status bar only when a job outlives 600 ms (Anki), and a
write announces which tables changed so views refresh themselves.
"""

from kcdesk.ui.operations.runner import Job, Runner

__all__ = ["Job", "Runner"]
