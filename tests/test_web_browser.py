"""End to end in a real headless Chromium (Debian's, driven by Playwright): a text
interview on the embedded model, a spoken answer, the report and its downloads, history,
the pitch, resume after a reload, and two browsers at once. A screenshot of each screen
goes to ``test-output/screenshots/``."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import repo_root
from voice_audio import espeak

from interviewer.web.launch import running_app

pytestmark = pytest.mark.model

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = repo_root() / "test-output" / "screenshots"
TIMEOUT_MS = 120_000
ANSWERS = [
    "I am a master's student in machine learning; during my internship at a bank I built a "
    "retrieval system for internal documents.",
    "The hardest part was evaluation: I measured recall at ten, which went from 61 to 84 "
    "percent after I added a reranker.",
    "I want to work on applied research close to production, because I enjoy papers and "
    "shipping code.",
]
PITCH = (
    "Context: during my internship, the team had a support backlog. The problem was that "
    "answers were too slow. My approach: I built a retrieval pipeline and trained a small "
    "model. Results: we reduced the answer time from 10 minutes to 2 minutes."
)


@pytest.fixture(scope="module")
def playwright():
    """One Playwright driver per module (its sync API owns this thread's event loop)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("INTERVIEWER_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield b
    b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    shutil.rmtree(SHOTS, ignore_errors=True)
    with running_app(tmp_path_factory.mktemp("browser") / "data") as app:
        yield app


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_app(browser, server, context=None):
    context = context or browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server.url)
    page.wait_for_selector("#start")
    return page


def wait_models(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('#status').innerText.includes('loading')",
        timeout=TIMEOUT_MS,
    )


def chat(page) -> list[tuple[str, str]]:
    rows = page.eval_on_selector_all(
        "#chat .message-row",
        "rows => rows.map(r => [r.classList.contains('user-row') ? 'user' : 'assistant',"
        " r.innerText.trim()])",
    )
    return [tuple(r) for r in rows]


def wait_messages(page, n: int) -> list[tuple[str, str]]:
    try:
        page.wait_for_function(
            "n => { const rows = document.querySelectorAll('#chat .message-row');"
            " return rows.length >= n && !rows[rows.length - 1].classList.contains('user-row')"
            " && !document.querySelector('#send').disabled; }",
            arg=n,
            timeout=TIMEOUT_MS,
        )
    except Exception:
        shot(page, "failure")
        raise
    return chat(page)


def type_answer(page, text: str, n_after: int) -> list[tuple[str, str]]:
    page.fill("#answer textarea", text)
    page.click("#send")
    return wait_messages(page, n_after)


def upload_audio(page, selector: str, path: Path) -> None:
    """Switch an Audio block to its upload source and give it the file."""
    block = page.locator(selector)
    upload = block.locator("button[aria-label='Upload file']")
    if upload.count():
        upload.first.click()
    block.locator("input[type=file]").set_input_files(str(path))


def test_text_and_voice_interview_report_downloads_and_history(browser, server, tmp_path):
    page = open_app(browser, server)
    wait_models(page)
    shot(page, "1-setup")
    page.click("#start")
    said = wait_messages(page, 1)
    assert said[0][0] == "assistant" and "Dana" in said[0][1]
    for i, answer in enumerate(ANSWERS, 1):
        said = type_answer(page, answer, 1 + 2 * i)
        assert said[-2] == ("user", answer) and said[-1][0] == "assistant"
    before = page.inner_text("#clock")
    assert "left in this stage" in before
    page.wait_for_function(  # the clock counts down in the browser, no request per second
        "t => document.querySelector('#clock').innerText !== t", arg=before, timeout=5000
    )
    shot(page, "2-interview")

    wav = espeak(
        "I chose that project because retrieval quality matters to the analysts every day.",
        tmp_path / "voice.wav",
    )
    upload_audio(page, "#voice-answer", wav)
    said = wait_messages(page, 9)
    assert said[-2][0] == "user" and "retrieval" in said[-2][1].lower()

    page.click("#end")
    page.wait_for_selector("#report-body")
    report_text = page.inner_text("#report-body")
    assert "Interview feedback" in report_text and "Answer by answer" in report_text
    assert page.locator("#report-body svg.chart").count() == 1
    shot(page, "3-report")
    for fmt in ("md", "html", "json", "transcript", "session"):
        with page.expect_download() as download:
            page.click(f"#dl-{fmt}")
        saved = tmp_path / f"report.{fmt}"
        download.value.save_as(saved)
        content = saved.read_text(encoding="utf-8")
        assert ANSWERS[1][:30] in content
        if fmt == "json":
            assert json.loads(content)["mode"] == "interview"

    page.get_by_role("tab", name="History").click()
    page.wait_for_function(
        "() => document.querySelector('#history-table').innerText.includes('manager_fit')"
    )
    page.wait_for_selector("#history-chart")
    shot(page, "4-history")
    page.context.close()


def test_the_pitch_shows_speaking_rate_sections_then_questions(browser, server, tmp_path):
    page = open_app(browser, server)
    wait_models(page)
    page.get_by_label("15-minute pitch").check()
    page.wait_for_function("() => document.querySelector('#persona input').value.includes('Alex')")
    page.click("#start")
    page.wait_for_selector("#pitch", state="visible")
    page.wait_for_function(
        "() => document.querySelector('#pitch-clock').innerText.includes('left of 15 minutes')"
    )
    upload_audio(page, "#pitch-upload", espeak(PITCH, tmp_path / "pitch.wav"))
    page.wait_for_function(
        "() => /Speaking rate:\\*?\\*? ?[1-9]\\d* words/.test("
        "document.querySelector('#pitch-live').innerText)"
    )
    live = page.inner_text("#pitch-live")
    rate = float(live.split("Speaking rate:")[1].split("words")[0])
    assert 100 < rate < 220
    # The checklist ticks as the transcribed chunks arrive (3 s chunks: after the first rate).
    page.wait_for_function(
        "() => ['context', 'problem'].every(name => [...document.querySelectorAll("
        "'#pitch-sections input:checked')].some(i => i.closest('label').innerText.trim() === name))",
        timeout=120_000,
    )
    checked = page.eval_on_selector_all(
        "#pitch-sections input:checked",
        "inputs => inputs.map(i => i.closest('label').innerText.trim())",
    )
    assert {"context", "problem"} <= set(checked)
    shot(page, "5-pitch")
    said = wait_messages(page, 3)
    assert said[-2][0] == "user" and said[-1][1].endswith("?")
    page.context.close()


def test_reloading_the_page_offers_to_resume(browser, server):
    context = browser.new_context()
    page = open_app(browser, server, context)
    page.get_by_label("Interview", exact=True).check()
    page.click("#start")
    wait_messages(page, 1)
    before = type_answer(page, ANSWERS[0], 3)
    page.reload()
    page.wait_for_selector("#resume", state="visible")
    assert "unfinished interview" in page.inner_text("#resume-row")
    page.click("#resume")
    assert wait_messages(page, 3) == before
    context.close()


def test_two_browsers_do_not_see_each_others_turns(browser, server):
    pages = [open_app(browser, server) for _ in range(2)]
    for page in pages:
        page.click("#start")
        wait_messages(page, 1)
    mine, theirs = "Alpha: I built a parcel search in Lyon.", "Beta: I trained a tomato model."
    pages[0].fill("#answer textarea", mine)
    pages[1].fill("#answer textarea", theirs)
    pages[0].click("#send")
    pages[1].click("#send")
    a, b = wait_messages(pages[0], 3), wait_messages(pages[1], 3)
    assert ("user", mine) in a and not any("tomato" in text for _, text in a)
    assert ("user", theirs) in b and not any("parcel" in text for _, text in b)
    for page in pages:
        page.context.close()


def teardown_module(module):
    if SHOTS.exists():
        print(f"\nscreenshots: {SHOTS}: {sorted(p.name for p in SHOTS.glob('*.png'))}")


def test_presenting_into_the_microphone_updates_the_rate_per_chunk(playwright, server, tmp_path):
    """Chromium's fake microphone plays a generated presentation into the streaming pitch
    recorder: the figures move while it speaks, Stop hands over to the questions."""
    wav = espeak(PITCH, tmp_path / "mic.wav")
    fake_mic = [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
    ]
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS + fake_mic)
    try:
        page = open_app(b, server, b.new_context(permissions=["microphone"]))
        wait_models(page)
        page.get_by_label("15-minute pitch").check()
        page.wait_for_function(
            "() => document.querySelector('#persona input').value.includes('Alex')"
        )
        page.click("#start")
        page.wait_for_selector("#pitch", state="visible")
        page.locator("#pitch-mic button", has_text="Record").first.click()
        seen = []
        for _ in range(3):  # the rate appears, then grows with the words
            page.wait_for_function(
                "n => { const m = document.querySelector('#pitch-live').innerText"
                ".match(/words: (\\d+)/); return m && Number(m[1]) > n; }",
                arg=seen[-1] if seen else 0,
            )
            live = page.inner_text("#pitch-live")
            seen.append(int(live.split("words: ")[1].split()[0]))
        rate = float(live.split("Speaking rate:")[1].split("words")[0])
        assert 100 < rate < 220 and seen == sorted(seen)
        page.locator("#pitch-mic button", has_text="Stop").first.click()
        said = wait_messages(page, 3)
        assert said[-2][0] == "user" and "backlog" in said[-2][1].lower()
        assert said[-1][0] == "assistant" and said[-1][1].endswith("?")
    finally:
        b.close()


def test_a_failing_model_shows_a_banner_and_the_interview_goes_on(browser, tmp_path):
    from interviewer.fault_server import FaultServer

    env = {
        "INTERVIEWER_LLM_PROVIDER": "openai",
        "INTERVIEWER_OPENAI_API_KEY": "none",
        "INTERVIEWER_OPENAI_MODEL": "fault",
        "INTERVIEWER_LLM_TIMEOUT_S": "3",
        "INTERVIEWER_TTS_PROVIDER": "none",
    }
    with (
        FaultServer(default_mode="500") as llm,
        running_app(tmp_path / "data", INTERVIEWER_OPENAI_BASE_URL=llm.url, **env) as app,
    ):
        page = open_app(browser, app)
        page.click("#start")
        wait_messages(page, 1)
        for i, answer in enumerate(ANSWERS, 1):  # the third answer meets a second failure
            said = type_answer(page, answer, 1 + 2 * i)
            assert said[-1][0] == "assistant"
        page.wait_for_selector("#banner", state="visible")
        assert "continuing with the planned questions" in page.inner_text("#banner")
        shot(page, "6-fault-banner")
        page.context.close()
