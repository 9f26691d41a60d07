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

from interviewer.devtools.launch import running_app

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


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def shot(page, name: str, *, phone: bool = True) -> None:
    """The page as it is, at 1280x900 and (unless told not to) at 390x844."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    if phone:
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
        page.set_viewport_size(DESKTOP)
        page.wait_for_timeout(300)


def open_app(browser, server, context=None):
    context = context or browser.new_context(accept_downloads=True, viewport=DESKTOP)
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
        shot(page, "failure", phone=False)
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


def end_interview(page) -> None:
    """End asks first: Keep going hides the question, Yes ends and opens the report."""
    page.click("#end")
    page.wait_for_selector("#end-confirm", state="visible")
    page.click("#end-cancel")
    page.wait_for_selector("#end-confirm", state="hidden")
    page.click("#end")
    page.click("#end-confirm")
    page.wait_for_selector("#report-body")


def test_text_and_voice_interview_report_downloads_and_history(browser, server, tmp_path):
    page = open_app(browser, server)
    wait_models(page)
    shot(page, "1-setup")
    page.click("#start")
    said = wait_messages(page, 1)
    assert said[0][0] == "assistant" and "Dana" in said[0][1]
    # no trash icon: the transcript cannot be blanked by a stray click
    trash = page.locator("#chat button[aria-label*='lear' i]").all()
    assert not any(button.is_visible() for button in trash)
    for i, answer in enumerate(ANSWERS, 1):
        said = type_answer(page, answer, 1 + 2 * i)
        assert said[-2] == ("user", answer) and said[-1][0] == "assistant"
    before = page.inner_text("#clock")
    assert "left in this stage" in before
    page.wait_for_function(  # the clock counts down in the browser, no request per second
        "t => document.querySelector('#clock').innerText !== t", arg=before, timeout=5000
    )
    shot(page, "2-interview")

    # A spoken answer lands in the box to check; the corrected text is what is sent.
    wav = espeak(
        "I chose that project because retrieval quality matters to the analysts every day.",
        tmp_path / "voice.wav",
    )
    upload_audio(page, "#voice-answer", wav)
    page.wait_for_function(
        "() => document.querySelector('#answer textarea').value.toLowerCase().includes('retrieval')"
    )
    assert "Check the words" in page.inner_text("#draft-hint")
    assert len(chat(page)) == 7  # nothing sent yet
    shot(page, "2b-spoken-answer-to-check")
    corrected = (
        "I chose that project because retrieval quality matters to the analysts every day, "
        "at the MVA lab."
    )
    page.fill("#answer textarea", corrected)
    page.click("#send")
    said = wait_messages(page, 9)
    assert said[-2][0] == "user" and said[-2][1].startswith(corrected)
    assert "spoken ·" in said[-2][1] and "words per minute" in said[-2][1]

    end_interview(page)
    report_text = page.inner_text("#report-body")
    assert "Interview feedback" in report_text and "Answer by answer" in report_text
    assert page.locator("#report-body svg.chart").count() == 1
    assert page.locator("#grade").count() == 0  # no button that re-renders the same report
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
        if fmt == "session":  # what is stored: the corrected words, with the recording's pace
            turns = json.loads(content)["transcript"]["turns"]
            spoken = [t for t in turns if t["speaker"] == "candidate" and t["speech"]]
            assert [t["text"] for t in spoken] == [corrected]
            assert spoken[0]["audio_path"] and spoken[0]["speech"]["wpm"] > 60

    page.get_by_role("tab", name="History").click()
    page.wait_for_function(
        "() => document.querySelector('#history-table').innerText.includes('Dana Whitfield')"
    )
    assert "manager_fit" not in page.inner_text("#history-table")
    page.wait_for_selector("#history-chart")
    chart = page.inner_html("#history-chart")
    assert "Nov" in chart and ":" in chart  # a readable date and time under the point
    shot(page, "4-history")

    # A past session opens from its row: report and transcript.
    page.locator("#history-table [role=gridcell]", has_text="Dana Whitfield").first.click()
    page.wait_for_selector("#history-open", state="visible")
    page.click("#history-open")
    page.wait_for_selector("#report-transcript", state="visible")
    page.locator("#report-transcript").get_by_text("Transcript").first.click()
    page.wait_for_function(
        "a => (document.querySelector('#report-transcript-text')?.innerText || '').includes(a)",
        arg=ANSWERS[0][:40],
    )
    shot(page, "7-past-report")
    page.context.close()


def test_history_deletes_from_the_row_after_a_confirmation(browser, server):
    page = open_app(browser, server)
    page.click("#start")
    wait_messages(page, 1)
    type_answer(page, "Beta: a short answer about a tomato classifier I trained.", 3)
    end_interview(page)
    page.get_by_role("tab", name="History").click()
    page.wait_for_function(
        "() => document.querySelector('#history-table').innerText.includes('Dana Whitfield')"
    )
    rows_before = page.locator("#history-table [role=row].virtual-row").count()
    page.locator("#history-table [role=gridcell]", has_text="Dana Whitfield").first.click()
    page.click("#history-delete")
    page.wait_for_selector("#delete-confirm", state="visible")
    assert "cannot be undone" in page.inner_text("#delete-confirm-row")
    page.click("#delete-cancel")
    page.wait_for_selector("#delete-confirm", state="hidden")
    assert page.locator("#history-table [role=row].virtual-row").count() == rows_before
    page.click("#history-delete")
    page.click("#delete-confirm")
    page.wait_for_function(
        "() => document.querySelector('#delete-result').innerText.includes('Deleted session')"
    )
    page.wait_for_function(
        "n => document.querySelectorAll('#history-table [role=row].virtual-row').length < n",
        arg=rows_before,
    )
    page.context.close()


BROKEN_WORDS = """selector => {
        const out = [];
        const cells = document.querySelectorAll(selector);
        if (!cells.length) return ['(nothing matches ' + selector + ')'];
        for (const cell of cells) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const re = /\\S+/g; let m;
            while ((m = re.exec(node.data))) {
              const r = document.createRange();
              r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
              const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
              if (tops.size > 1) out.push(m[0]);
            }
          }
        }
        return out;
      }"""


def test_the_phone_layout_keeps_tabs_the_answer_box_and_whole_words(browser, server):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = open_app(browser, server, context)
    wait_models(page)
    broken = page.evaluate(BROKEN_WORDS, "#status li")
    assert broken == [], f"words broken over two lines in the provider list: {broken}"
    for name in ("Setup", "Interview", "Report", "History"):
        assert page.get_by_role("tab", name=name).is_visible(), f"tab {name} hidden at 390 px"
    page.click("#start")
    wait_messages(page, 1)
    box = page.locator("#answer textarea").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    type_answer(page, "I build retrieval systems and I measure them carefully.", 3)
    end_interview(page)
    page.get_by_role("tab", name="History").click()
    page.wait_for_function(
        "() => document.querySelector('#history-table').innerText.includes('Dana Whitfield')"
    )
    broken = page.evaluate(BROKEN_WORDS, "#history-table [role=gridcell], #history-table th")
    assert broken == [], f"words broken over two lines in the history table: {broken}"
    context.close()


LONG_PITCH = (
    "Good morning. Let me start with the context. During my internship at a logistics "
    "company, the support team received about two thousand questions a week, and each "
    "answer took an agent around ten minutes. "
    "The problem was that the answers were slow and often inconsistent, because the "
    "documentation was spread over many tools and nobody could find the right page. "
    "My approach was to build a retrieval pipeline over the documentation, with a small "
    "reranking model, and to write an evaluation set of two hundred real questions with "
    "the agents. "
    "The results were clear: recall at ten went from sixty one to eighty four percent, "
    "and the time to answer dropped from ten minutes to about two minutes. "
    "The impact for the company was that the backlog disappeared within a month, and "
    "forty agents use the tool every day. "
    "As next steps, I would like to add feedback from the agents to the evaluation set, "
    "and to measure the quality of the answers over time. Thank you for listening."
)
WATCH_PITCH = """() => {
  window.__pitch = {rates: [], checks: [], progress: []};
  const seen = window.__pitch;
  const record = () => {
    const live = document.querySelector('#pitch-live');
    if (!live) return;
    const text = live.innerText;
    const rate = text.match(/Speaking rate:\\s*(\\d+)/);
    if (rate && seen.rates[seen.rates.length - 1] !== rate[1]) seen.rates.push(rate[1]);
    const chunk = text.match(/chunk (\\d+) of (\\d+)/);
    if (chunk && seen.progress[seen.progress.length - 1] !== chunk[0]) seen.progress.push(chunk[0]);
    const checked = [...document.querySelectorAll('#pitch-sections input:checked')]
      .map(i => i.closest('label').innerText.trim()).join(',');
    if (seen.checks[seen.checks.length - 1] !== checked) seen.checks.push(checked);
  };
  new MutationObserver(record).observe(document.body,
    {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def test_the_pitch_upload_shows_progress_rate_and_sections_then_keeps_them(
    browser, server, tmp_path
):
    """A 60 s recorded presentation: chunk k of n, the rate and the checklist change while
    it is transcribed, and the ticked sections stay on screen when the questions start."""
    page = open_app(browser, server)
    wait_models(page)
    page.get_by_label("15-minute pitch").check()
    page.wait_for_function("() => document.querySelector('#persona input').value.includes('Alex')")
    page.click("#start")
    page.wait_for_selector("#pitch", state="visible")
    page.wait_for_function(
        "() => document.querySelector('#pitch-clock').innerText.includes('left of 15 minutes')"
    )
    # one timer, one way to present at a time, no answer box before the questions
    assert page.inner_text("#clock").strip() == ""
    assert not page.locator("#answer").is_visible()
    assert (
        page.locator("#pitch-mic").is_visible() and not page.locator("#pitch-upload").is_visible()
    )
    page.get_by_label("Upload a recording").check()
    page.wait_for_selector("#pitch-upload", state="visible")
    assert not page.locator("#pitch-mic").is_visible()

    wav = espeak(LONG_PITCH, tmp_path / "pitch.wav")
    from interviewer.voice.audio import load_audio

    assert 50 < load_audio(wav).size / 16_000 < 80  # about a minute of speech
    page.evaluate(WATCH_PITCH)
    upload_audio(page, "#pitch-upload", wav)
    page.wait_for_function(
        "() => /chunk [2-9]\\d* of/.test(document.querySelector('#pitch-live').innerText)"
    )
    shot(page, "5-pitch-during-upload")
    said = wait_messages(page, 3)
    assert said[-2][0] == "user" and "backlog" in said[-2][1].lower()
    assert said[-1][0] == "assistant" and said[-1][1].endswith("?")
    seen = page.evaluate("() => window.__pitch")
    assert len(seen["progress"]) >= 3, seen  # chunk 1 of n, chunk 2 of n, ...
    assert len(seen["rates"]) >= 3, seen  # the rate changed at least twice
    assert len(seen["checks"]) >= 3, seen  # so did the checklist
    # The panel stays, with its ticks, once the questions have started.
    assert page.locator("#pitch-sections").is_visible()
    checked = page.eval_on_selector_all(
        "#pitch-sections input:checked",
        "inputs => inputs.map(i => i.closest('label').innerText.trim())",
    )
    assert {"context", "problem", "approach", "results"} <= set(checked)
    assert "Your presentation" in page.inner_text("#pitch-live")
    assert not page.locator("#pitch-upload").is_visible()
    assert page.locator("#answer").is_visible()
    shot(page, "6-pitch-after")
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


def with_fake_microphone(playwright, wav: Path):
    """A Chromium whose microphone plays ``wav`` (in a loop), permission granted."""
    fake_mic = [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
    ]
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS + fake_mic)


def test_presenting_into_the_microphone_updates_the_rate_per_chunk(playwright, server, tmp_path):
    """Chromium's fake microphone plays a generated presentation into the streaming pitch
    recorder: the figures move while it speaks, Stop hands over to the questions."""
    b = with_fake_microphone(playwright, espeak(PITCH, tmp_path / "mic.wav"))
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
        # tiny.en sometimes mishears the opening sentence ("Contact. Plug." for "Context:
        # ... backlog"), so any of the talk's own distinctive words will do.
        heard = said[-2][1].lower()
        assert said[-2][0] == "user"
        assert any(w in heard for w in ("backlog", "retrieval", "pipeline")), heard
        assert said[-1][0] == "assistant" and said[-1][1].endswith("?")
    finally:
        b.close()


def test_an_answer_spoken_into_the_microphone_is_transcribed_as_it_streams(
    playwright, server, tmp_path
):
    """Chromium's fake microphone plays a spoken answer into the streaming answer recorder:
    the words heard so far show while it records; on Stop the answer's words land in the
    box to check, and Send sends them with the recording's pace."""
    wav = espeak(
        "I chose the retrieval project because the analysts used it every single day.",
        tmp_path / "answer-mic.wav",
    )
    b = with_fake_microphone(playwright, wav)
    try:
        page = open_app(b, server, b.new_context(permissions=["microphone"]))
        wait_models(page)
        page.click("#start")
        wait_messages(page, 1)
        page.locator("#answer-mic button", has_text="Record").first.click()
        page.wait_for_function(
            "() => { const m = document.querySelector('#draft-hint').innerText"
            ".match(/(\\d+) words heard/); return m && Number(m[1]) > 0; }"
        )
        shot(page, "2c-answer-recording")
        page.locator("#answer-mic button", has_text="Stop").first.click()
        # Chromium's fake microphone, looped and on a loaded machine, may clip the voice:
        # tiny.en heard "people construct because the analyst used it" in one CI run. Any of
        # the sentence's words shows that the recording's words reached the box.
        page.wait_for_function(
            "() => /retriev|analyst|project|because|single/i.test("
            "document.querySelector('#answer textarea').value)"
        )
        assert "Check the words" in page.inner_text("#draft-hint")
        shot(page, "2d-answer-recorded-to-check")
        page.click("#send")
        said = wait_messages(page, 3)
        assert said[-2][0] == "user" and "spoken ·" in said[-2][1]
        assert said[-1][0] == "assistant"
    finally:
        b.close()


def test_a_failing_model_shows_a_banner_and_the_interview_goes_on(browser, tmp_path):
    from interviewer.devtools.fault_server import FaultServer

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
