"""The service's background thread: delivers pending webhooks and runs the retention purge.

One thread, woken every few seconds; each job opens its own session. Jobs never raise out of the
loop — a failing partner endpoint or a busy database must not stop the next round. With several
worker processes on one database, only the one that leads (`service.db.leader`) runs the jobs, so
each runs once; the others keep asking, and one takes over when the leader goes.
"""

from __future__ import annotations

import logging
import threading
import time

from service.db.leader import Leadership
from service.review import retention, webhooks
from service.runtime import AppState

log = logging.getLogger("baliza.worker")
TICK_SECONDS = 2.0
PURGE_EVERY_SECONDS = 3600.0


class Worker:
    def __init__(self, state: AppState) -> None:
        self.state = state
        self.leadership = Leadership(state.engine)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="baliza-worker", daemon=True)
        self._last_purge = 0.0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self.leadership.release()

    def _run(self) -> None:
        while not self._stop.wait(TICK_SECONDS):
            self.tick()

    def tick(self) -> None:
        try:
            leads = self.leadership.held()
        except Exception:
            log.exception("cannot tell whether this process runs the background jobs")
            return
        if not leads:
            return
        for job in self.jobs():
            try:
                job()
            except Exception:
                log.exception("background job %s failed", getattr(job, "__name__", job))

    def jobs(self) -> list:
        jobs = [lambda: webhooks.deliver_due(self.state)]
        if time.monotonic() - self._last_purge >= PURGE_EVERY_SECONDS:
            self._last_purge = time.monotonic()
            jobs.append(lambda: retention.purge(self.state))
        return jobs
