"""The scoring process `baliza serve` uses: the same analysis as in the request's thread, at a lower
CPU priority, a model reload seen by the version sent, and a child that dies mid-request refused as
unavailable (nothing answered wrongly) with the next request served by a new child. (Beside the API
tests for their `service_model`.)"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time

import pytest

from models.ad import Ad
from models.modeldir import load_model
from service.review.analysis import analyse
from service.scoring_process import NICE, ScoringProcess, ScoringUnavailable
from tests.factories import TEST_FILE, fake_encoders, read_jsonl

KEY = b"k" * 32


@pytest.fixture
def process():  # type: ignore[no-untyped-def]
    child = ScoringProcess(encoders=fake_encoders)
    yield child
    child.close()


def _ads(n: int) -> list[Ad]:
    rows = read_jsonl(TEST_FILE)
    return [Ad(id=str(i), text=rows[i % len(rows)]["text"] + " Tel 612 345 678") for i in range(n)]


def test_the_child_answers_as_the_thread_does_at_a_lower_priority(process, service_model, tmp_path, encoders):
    ads = _ads(24)
    assert process.analyse(service_model, ads, KEY) == analyse(service_model, ads, KEY)
    assert any(found is not None for _, found in analyse(service_model, ads, KEY))  # flagged ones compared
    assert os.getpriority(os.PRIO_PROCESS, process.pid) == os.getpriority(os.PRIO_PROCESS, 0) + NICE
    shutil.copytree(service_model.path, tmp_path / "next")
    manifest = json.loads((tmp_path / "next" / "manifest.json").read_text())
    (tmp_path / "next" / "manifest.json").write_text(json.dumps({**manifest, "model_version": "v-next"}))
    reloaded, first = load_model(tmp_path / "next", encoders), process.pid
    [(result, _)] = process.analyse(reloaded, ads[:1], KEY)
    assert result.model_version == "v-next" and process.pid == first  # reloaded in the same child


def test_a_child_killed_mid_request_is_refused_and_replaced(process, service_model):
    process.start()
    first = process.pid
    outcome: list[object] = []
    caller = threading.Thread(target=lambda: outcome.append(_try(process, service_model, _ads(400))))
    caller.start()
    time.sleep(0.5)  # the request is sent; the child is still importing and loading the model
    os.kill(first, signal.SIGKILL)
    caller.join(60)
    assert len(outcome) == 1 and isinstance(outcome[0], ScoringUnavailable)
    assert len(process.analyse(service_model, _ads(2), KEY)) == 2 and process.pid != first


def _try(process: ScoringProcess, model, ads: list[Ad]) -> object:  # type: ignore[no-untyped-def]
    try:
        return process.analyse(model, ads, KEY)
    except ScoringUnavailable as exc:
        return exc
