"""Command line: practice, personas, sessions, export, schema.

Errors of the InterviewerError family become one clear message and exit code 2.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import click

from . import progress
from .errors import InputError, InterviewerError, redact
from .settings import Settings

MAX_FILE_BYTES = 5_000_000
#: An exported session carries every word's timing: a long spoken one passes 6 MB, and
#: import must take back whatever export wrote (the same bound as `grade`).
MAX_SESSION_BYTES = 20_000_000


def _console(stderr: bool = True):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


@contextmanager
def _rich_status(description: str) -> Iterator[None]:
    console = _console()
    with console.status(f"{description}…"):
        yield
    console.print(f"[dim]{description}: done[/dim]")


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


def _read_text(path: str, what: str, limit: int = MAX_FILE_BYTES) -> str:
    """Read a user file ('-' is stdin) with a clear message on failure."""
    if path == "-":
        return sys.stdin.read(limit + 1)[:limit]
    p = Path(path)
    try:
        if p.stat().st_size > limit:
            raise InputError(f"{what} {path} is larger than {limit // 1_000_000} MB")
        return p.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise InputError(f"{what} not found: {path}") from e
    except UnicodeDecodeError as e:
        raise InputError(f"{what} {path} is not UTF-8 text") from e
    except OSError as e:
        raise InputError(f"cannot read {what} {path}: {e.strerror}") from e


def split_answers(text: str) -> list[str]:
    """Answers separated by blank lines; lines within an answer are joined."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _fail(message: str) -> None:
    from rich.markup import escape

    _console().print(f"[bold red]error:[/bold red] {escape(message)}", markup=True, soft_wrap=True)
    sys.exit(2)


class _Main(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InterviewerError as e:
            from rich.markup import escape

            # The message quotes what the user gave ("[/x].txt"): printed as text, never
            # read as markup (a MarkupError inside the handler, or a rewritten link).
            message = escape(redact(str(e)))
            _console().print(f"[bold red]error:[/bold red] {message}", markup=True, soft_wrap=True)
            sys.exit(2)
        except OSError as e:
            import errno

            if e.errno not in {errno.ENOSPC, errno.EDQUOT, errno.EROFS}:
                raise
            _fail(
                f"cannot write: {e.strerror} ({e.filename or 'the data directory'}). Every "
                "answer shown was saved before it was shown; free some space and resume."
            )
        except Exception as e:
            from sqlalchemy.exc import DatabaseError

            if not isinstance(e, DatabaseError):
                raise
            _fail(
                "the database could not be read or written "
                f"({redact(str(e.orig) if e.orig else str(e))[:200]}). If the file is damaged, "
                "restore a backup, or export what can be read with `interviewer export`."
            )


@click.group(cls=_Main)
@click.option("--provider", help="LLM provider: local (default), openai, scripted, or a plugin.")
@click.option("--model", "model_name", help="Model name for the openai provider.")
@click.option("--base-url", help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1.")
@click.option("--db-url", help="Database URL (SQLAlchemy), default SQLite in the data dir.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path))
@click.version_option(package_name="interviewer")
@click.pass_context
def cli(ctx, provider, model_name, base_url, db_url, data_dir):
    """Rehearse real interviews with an LLM interviewer; offline by default."""
    overrides = {
        k: v
        for k, v in {
            "llm_provider": provider,
            "openai_model": model_name,
            "openai_base_url": base_url,
            "db_url": db_url,
            "data_dir": data_dir,
        }.items()
        if v is not None
    }
    ctx.obj = {"settings": Settings(**overrides)}


def _store(settings: Settings):
    from .store import Store

    return Store(settings.database_url())


def _practice(ctx: click.Context, personas_dirs=(), rubrics_dirs=()):
    """The use cases the web app runs too (``interviewer.app``), over this command's
    settings and extra data directories."""
    from .app.practice import Practice
    from .app.services import Services

    services = Services(
        _settings(ctx), extra_persona_dirs=personas_dirs, extra_rubric_dirs=rubrics_dirs
    )
    return Practice(services)


def _write_or_echo(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` (saying so on stderr), or print it."""
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _persona_dirs(settings: Settings, extra: tuple[Path, ...]) -> list[Path]:
    from .personas import persona_dirs

    return persona_dirs(list(extra), settings.personas_dir)


def _extra_dirs_option(kind: str):
    """``--personas DIR`` / ``--rubrics DIR``: extra data directories, repeatable."""
    return click.option(
        f"--{kind}",
        f"{kind}_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help=f"Extra {kind[:-1]} directory (also INTERVIEWER_{kind.upper()}_DIR).",
    )


_personas_option = _extra_dirs_option("personas")


@cli.command("personas")
@_personas_option
@click.pass_context
def personas_cmd(ctx, personas_dirs):
    """List the personas, one line each."""
    from .personas import load_all

    personas, errors = load_all(_persona_dirs(_settings(ctx), personas_dirs))
    width = max((len(p.id) for p in personas), default=10)
    for p in sorted(personas, key=lambda p: p.id):
        click.echo(f"{p.id:<{width}}  {p.total_minutes:>4.0f} min  {p.name}, {p.role}. {p.summary}")
    for error in errors:
        _console().print(f"[yellow]skipped:[/yellow] {error}", soft_wrap=True)


@cli.command("practice")
@click.option("--persona", "persona_name", help="Persona id or YAML file.")
@click.option("--answers", type=str, help="File of answers separated by blank lines; '-' is stdin.")
@click.option(
    "--audio-answers",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory of recorded answers (WAV, MP3, OGG, WebM...), used in file-name order.",
)
@click.option(
    "--voice-out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the interviewer's turns as audio files into this directory.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the finished session as JSON.")
@click.option("--cv", type=str, help="Your CV as a text file.")
@click.option("--job", type=str, help="The job offer as a text file.")
@click.option("--resume", "resume_id", help="Resume a stored session.")
@click.option(
    "--clock",
    type=click.Choice(["wall", "spoken"]),
    help="Time budgets on real time (default when typing) or on estimated speaking time "
    "(default with --answers).",
)
@_personas_option
@click.pass_context
def practice_cmd(
    ctx,
    persona_name,
    answers,
    audio_answers,
    voice_out,
    as_json,
    cv,
    job,
    resume_id,
    clock,
    personas_dirs,
):
    """Run an interview in the terminal, or from a file of answers."""
    from .clock import SpokenClock, WallClock
    from .llm.capabilities import load as load_model
    from .personas import load_persona

    if not persona_name and not resume_id:
        raise InputError("give --persona NAME (see `interviewer personas`) or --resume SESSION")
    practice = _practice(ctx, personas_dirs)
    store = practice.services.store
    session = store.load(resume_id) if resume_id else None
    persona = load_persona(persona_name or session.persona_id, practice.services.persona_dirs)
    if session is not None and session.finished:
        raise InputError(f"session {session.id} is finished; export it or start a new one")
    answer_list = split_answers(_read_text(answers, "answers file")) if answers else None
    if answers and not answer_list:
        raise InputError(f"no answers in {answers} (answers are separated by blank lines)")
    model = practice.services.model
    progress.set_reporter(_rich_status)
    load_model(model)  # in-process models: load before the first question, not after it
    if answers and audio_answers:
        raise InputError("give either --answers or --audio-answers, not both")
    audio_files = _audio_files(audio_answers) if audio_answers else None
    clock_name = clock or ("spoken" if answer_list is not None or audio_files else "wall")
    the_clock = SpokenClock() if clock_name == "spoken" else WallClock()
    held = ExitStack()
    if session is not None:
        # Two windows answering one session would write over each other: the second one
        # is refused at once, with the reason (SessionBusy), before anything is read.
        held.enter_context(store.session_lock(session.id, wait=None))
        interview = practice.interview(session.id, None, persona=persona, clock=the_clock)
    else:
        screen = practice.start(
            persona,
            cv=_read_text(cv, "CV file") if cv else "",
            job=_read_text(job, "job file") if job else "",
            clock=the_clock,
        )
        interview = practice.interview(screen.session_id, None)
    out = _console(stderr=as_json)
    _print_turns(out, interview.turns, interview.persona.name)
    with held:
        if session is None:
            held.enter_context(store.session_lock(interview.session.id, wait=None))
        if audio_files is not None or voice_out:
            _run_voice(practice, interview, audio_files, voice_out, answer_list, out)
        elif answer_list is not None:
            _run_answers(interview, answer_list, out)
        else:
            _run_interactive(interview, out)
    for warning in interview.warnings:
        _console().print(f"[yellow]warning:[/yellow] {warning}", soft_wrap=True)
    if as_json:
        click.echo(interview.session.model_dump_json(indent=2))
    if not interview.finished:
        _console().print(
            f"Session {interview.session.id} saved. Resume with: "
            f"interviewer practice --resume {interview.session.id}",
            soft_wrap=True,
        )
    elif not as_json:
        _print_summary(practice, interview, out)


def _print_summary(practice, interview, out) -> None:
    """Deterministic scores and the top actions, right after the interview."""
    report = practice.grade(interview.session, interview.persona, judge=False)
    sid = interview.session.id
    scores = ", ".join(f"{c.title} {c.score:.1f}" for c in report.criteria if c.score)
    out.print(
        f"[bold]Feedback[/bold] (deterministic): overall {report.overall or 0:.1f}/5 - {scores}",
        soft_wrap=True,
    )
    for i, action in enumerate(report.actions, 1):
        out.print(f"  {i}. {action}", soft_wrap=True)
    out.print(
        f"[dim]Full report: interviewer report {sid} --format html -o report.html; "
        f"transcript: interviewer export {sid} --format md[/dim]",
        soft_wrap=True,
    )


def _print_turns(out, turns, interviewer_name: str) -> None:
    from rich.markup import escape

    for turn in turns:
        who = interviewer_name if turn.speaker == "interviewer" else "You"
        style = "bold cyan" if turn.speaker == "interviewer" else "bold green"
        out.print(f"[{style}]{escape(who)}:[/{style}] {escape(turn.text)}\n", soft_wrap=True)


def _audio_files(directory: Path) -> list[Path]:
    from .voice.audio import AUDIO_SUFFIXES

    files = sorted(p for p in directory.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES)
    if not files:
        raise InputError(
            f"no audio files in {directory} (expected {', '.join(sorted(AUDIO_SUFFIXES))})"
        )
    return files


def _run_voice(practice, interview, audio_files, voice_out, answer_list, out) -> None:
    """Answers from recordings (or text), the interviewer's turns written as audio."""
    from .app.voice import VoiceInterview

    services = practice.services
    voice = VoiceInterview(
        interview,
        services.transcriber,
        services.speaker if voice_out else None,
        voice_out=voice_out,
        targets=services.targets,
    )
    for turn in interview.turns:
        voice.speak(turn)

    def answer_one(item) -> None:
        if isinstance(item, Path):
            voice.answer_file(item)
        else:
            interview.answer(item)
        for warning in voice.warnings:
            _console().print(f"[yellow]warning:[/yellow] {warning}", soft_wrap=True)
        voice.warnings.clear()

    def after(new) -> None:
        for turn in new:
            voice.speak(turn)
        spoken = next((t.speech for t in new if t.speech), None)
        if spoken is not None:
            summary = [
                f"{spoken.wpm:.0f} wpm",
                f"{spoken.fillers} fillers",
                f"{spoken.pauses} pauses",
                *spoken.verdicts,
            ]
            out.print(f"[dim]  {'; '.join(summary)}[/dim]\n", soft_wrap=True)

    inputs = audio_files if audio_files is not None else answer_list
    _run_answers(interview, inputs, out, answer_one=answer_one, after=after)
    if voice_out:
        _console().print(f"[dim]interviewer audio written to {voice_out}[/dim]")


def _run_answers(interview, answers: list, out, *, answer_one=None, after=None) -> None:
    """Feed answers (text, or recordings through ``answer_one``) until the interview ends."""
    for i, answer in enumerate(answers):
        if interview.finished:
            _console().print(
                f"[yellow]note:[/yellow] the interview ended; {len(answers) - i} answer(s) not used"
            )
            return
        before = len(interview.turns)
        (answer_one or interview.answer)(answer)
        new = interview.turns[before:]
        _print_turns(out, new, interview.persona.name)
        if after is not None:
            after(new)
    if not interview.finished:
        _console().print("[yellow]note:[/yellow] the answers ran out before the interview ended")


def _stop_like_ctrl_c(signum, frame) -> None:
    """SIGTERM stops like Ctrl-C: every turn is already stored, so just stop."""
    raise KeyboardInterrupt


def _run_interactive(interview, out) -> None:
    out.print(
        "[dim]Type your answer and press Enter. /end finishes the interview, "
        "/quit saves it for later, Ctrl-C too.[/dim]\n"
    )
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    try:
        while not interview.finished:
            try:
                line = input("You> ")
            except EOFError:
                break
            command = line.strip().lower()
            if command == "/quit":
                break
            before = len(interview.turns)
            if command == "/end":
                interview.end()
            else:
                interview.answer(line)
            out.print()
            # The candidate's words are already on screen: print only the interviewer.
            said = [t for t in interview.turns[before:] if t.speaker == "interviewer"]
            _print_turns(out, said, interview.persona.name)
    except KeyboardInterrupt:
        out.print()


@cli.command("sessions")
@click.option("--limit", default=30, show_default=True)
@click.pass_context
def sessions_cmd(ctx, limit):
    """List past sessions, newest first."""
    rows = _store(_settings(ctx)).list_sessions(limit)
    if not rows:
        click.echo("No sessions yet. Start one with: interviewer practice --persona manager_fit")
        return
    for r in rows:
        click.echo(
            f"{r['id']}  {r['updated_at']:%Y-%m-%d %H:%M}  {r['status']:<8}  "
            f"{r['n_turns']:>3} turns  {r['persona_id']}"
        )


@cli.command("export")
@click.argument("session_id")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "json", "txt"]), default="md", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_cmd(ctx, session_id, fmt, output):
    """Write a session's transcript (Markdown, JSON or plain text)."""
    _write_or_echo(_practice(ctx).transcript(session_id, fmt), output)


_rubrics_option = _extra_dirs_option("rubrics")
_judge_option = click.option(
    "--judge/--no-judge",
    default=None,
    help="Add the configured LLM as a judge (default: on for capable providers, off for the "
    "embedded model).",
)
_format_option = click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True
)


def _grading_options(command):
    """Format, output file, judge and extra data directories: `report` and `grade`."""
    for option in (
        _rubrics_option,
        _personas_option,
        _judge_option,
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path)),
        _format_option,
    ):
        command = option(command)
    return command


def _write_report(practice, grade, judge, fmt, output) -> None:
    """Grade (with a progress line: a judge takes a while) and write the report."""
    from .grading.judge import judge_for
    from .grading.render import FORMATS

    judged = judge is not False and judge_for(practice.services.model, judge) is not None
    progress.set_reporter(_rich_status)
    with progress.task("Grading" + (" with an LLM judge" if judged else "")):
        report = grade()
    _write_or_echo(FORMATS[fmt](report), output)


@cli.command("report")
@click.argument("session_id")
@_grading_options
@click.pass_context
def report_cmd(ctx, session_id, fmt, output, judge, personas_dirs, rubrics_dirs):
    """Grade a stored session: scores with evidence, feedback per answer, top actions."""
    practice = _practice(ctx, personas_dirs, rubrics_dirs)
    session = practice.services.store.load(session_id)
    practice.services.persona(session.persona_id)  # an unknown persona is a clear error
    _write_report(practice, lambda: practice.report(session.id, judge=judge), judge, fmt, output)


@cli.command("grade")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--persona", "persona_name", help="Persona the interview followed (optional).")
@_grading_options
@click.pass_context
def grade_cmd(ctx, file, persona_name, fmt, output, judge, personas_dirs, rubrics_dirs):
    """Grade a transcript made elsewhere (Interviewer:/Candidate: lines, Markdown or JSON)."""
    from .grading.transcripts import load_transcript
    from .personas import load_persona

    practice = _practice(ctx, personas_dirs, rubrics_dirs)
    dirs = practice.services.persona_dirs
    persona = load_persona(persona_name, dirs) if persona_name else None
    session = load_transcript(file, persona)
    if persona is None and session.persona_id != "imported":
        persona = load_persona(session.persona_id, dirs)
    _write_report(
        practice, lambda: practice.grade(session, persona, judge=judge), judge, fmt, output
    )


QUICK_CANDIDATES = [
    "strong_hybrid",
    "research_only",
    "rambling",
    "terse",
    "empty",
    "gibberish",
    "echo",
    "injection",
]


@cli.command("eval")
@click.option(
    "--quick",
    is_flag=True,
    help=f"One interview per persona and key candidate ({', '.join(QUICK_CANDIDATES)}).",
)
@click.option("-n", "runs", default=1, show_default=True, help="Interviews per pair.")
@click.option("--persona", "persona_ids", multiple=True, help="Only these personas.")
@click.option("--candidate", "candidate_ids", multiple=True, help="Only these candidates.")
@click.option(
    "--llm-candidates",
    is_flag=True,
    help="Candidates played by the configured model instead of answer banks.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write eval.json, eval.md and the interviews' database.",
)
@_personas_option
@click.pass_context
def eval_cmd(ctx, quick, runs, persona_ids, candidate_ids, llm_candidates, out, personas_dirs):
    """Simulated candidates interview with every persona: the interviewer's checks against
    their floors, the grader's ordering of the candidates, timings."""
    import datetime

    from .evaluation.candidates import load_candidates
    from .evaluation.run import run_eval, to_markdown
    from .grading.rubrics import load_rubrics, rubric_dirs
    from .llm import build_model
    from .llm.capabilities import load as load_model
    from .personas import load_all, load_persona
    from .store import Store

    settings = _settings(ctx)
    dirs = _persona_dirs(settings, personas_dirs)
    if persona_ids:
        personas = [load_persona(p, dirs) for p in persona_ids]
    else:
        personas, errors = load_all(dirs)
        if errors:
            raise errors[0]
    candidates = load_candidates()
    wanted = list(candidate_ids) or (QUICK_CANDIDATES if quick else list(candidates))
    unknown = [c for c in wanted if c not in candidates]
    if unknown:
        raise InputError(f"unknown candidate(s) {unknown} (available: {', '.join(candidates)})")
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = out or settings.data_dir / "evals" / stamp
    out.mkdir(parents=True, exist_ok=True)
    model = build_model(settings)
    progress.set_reporter(_rich_status)
    load_model(model)
    total = len(personas) * len(wanted) * runs
    done = [0]
    console = _console()

    def report(label: str) -> None:
        done[0] += 1
        console.print(f"[dim]interview {done[0]}/{total}: {label}[/dim]")

    result = run_eval(
        personas,
        [candidates[c] for c in wanted],
        model,
        Store(f"sqlite:///{out / 'eval.db'}"),
        load_rubrics(rubric_dirs([], settings.rubrics_dir)),
        n=runs,
        candidate_model=model if llm_candidates else None,
        on_progress=report,
    )
    command = "interviewer " + " ".join(sys.argv[1:])
    markdown = to_markdown(result, command=command)
    (out / "eval.json").write_text(result.model_dump_json(indent=2), encoding="utf-8")
    (out / "eval.md").write_text(markdown, encoding="utf-8")
    click.echo(markdown)
    console.print(f"[dim]results: {out / 'eval.json'}, {out / 'eval.md'}[/dim]")
    if not result.ok:
        console.print("[bold red]below a floor or a wrong ordering[/bold red]")
        sys.exit(1)


@cli.command("history")
@click.option("--persona", "persona_filter", help="Only this interviewer (name or persona id).")
@click.option("--limit", default=50, show_default=True, help="How many recent sessions.")
@_personas_option
@_rubrics_option
@click.pass_context
def history_cmd(ctx, persona_filter, limit, personas_dirs, rubrics_dirs):
    """Your progress per interviewer (finished sessions, oldest first) and the answers most
    worth practising again: the same as the web app's History screen."""
    from rich.markup import escape

    from .history import progress_by_persona

    practice = _practice(ctx, personas_dirs, rubrics_dirs)
    rows = practice.history(limit=limit)
    if persona_filter:
        wanted = persona_filter.lower()
        rows = [r for r in rows if wanted in (r.persona.lower(), r.persona_id.lower())]
    lines = progress_by_persona(rows)
    if not lines:
        click.echo(
            "No finished session yet"
            + (f" with {persona_filter}" if persona_filter else "")
            + ". Start one with: interviewer practice --persona manager_fit"
        )
        return
    out = _console(stderr=False)
    for persona, sessions in lines.items():
        criteria = sorted({c for r in sessions for c in r.scores})
        out.print(f"[bold]{escape(persona)}[/bold] ({len(sessions)} finished)")
        header = f"  {'when (UTC)':<17} {'overall':>7} " + " ".join(
            f"{c.replace('_', ' '):>15}" for c in criteria
        )
        out.print(header, highlight=False)
        for r in sessions:
            cells = " ".join(
                f"{r.scores[c]:>15.1f}" if c in r.scores else f"{'-':>15}" for c in criteria
            )
            overall = "-" if r.overall is None else f"{r.overall:.1f}"
            out.print(f"  {r.date:<17} {overall:>7} {cells}", highlight=False)
        if len(sessions) > 1 and sessions[0].overall and sessions[-1].overall:
            change = sessions[-1].overall - sessions[0].overall
            out.print(
                f"  overall {sessions[0].overall:.1f} -> {sessions[-1].overall:.1f} "
                f"({change:+.1f})",
                highlight=False,
            )
        out.print()
    weak = practice.weak_answers()
    if weak:
        out.print("[bold]Practise again[/bold] (lowest first)")
        for w in weak[:5]:
            out.print(f"  {escape(w.label)}", highlight=False)


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--new-id", is_flag=True, help="Store it under a new id (keep the existing one).")
@click.pass_context
def import_cmd(ctx, file, new_id):
    """Import a session exported with `interviewer export SESSION --format json`."""
    from pydantic import ValidationError

    from .transcript import Session, new_session_id

    try:
        session = Session.model_validate_json(
            _read_text(str(file), "session file", MAX_SESSION_BYTES)
        )
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{file}: not a session JSON: field '{loc}': {first['msg']}") from e
    if new_id:
        session = session.model_copy(update={"id": new_session_id()})
    _store(_settings(ctx)).import_session(session)
    click.echo(f"imported session {session.id} ({len(session.transcript.turns)} turns)")


@cli.command("delete")
@click.argument("session_id", required=False)
@click.option("--all", "delete_all", is_flag=True, help="Delete every session.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def delete_cmd(ctx, session_id, delete_all, yes):
    """Delete a session (or all of them) with its turns, model logs, audio and report files."""
    practice = _practice(ctx)
    store = practice.services.store
    if delete_all == bool(session_id):
        raise InputError("give a SESSION id or --all")
    ids = store.all_ids() if delete_all else [store.resolve_id(session_id)]
    if not yes and sys.stdin.isatty():
        click.confirm(f"Delete {len(ids)} session(s) and their audio?", abort=True)
    for sid in ids:
        practice.delete(sid)
    click.echo(f"deleted {len(ids)} session(s)")


@cli.command("serve")
@click.option("--host", help="Address to listen on (default 127.0.0.1; others need sign-in).")
@click.option("--port", type=int, help="Port (default 7860).")
@click.option("--share", is_flag=True, help="A public Gradio share link (needs sign-in).")
@click.pass_context
def serve_cmd(ctx, host, port, share):
    """Start the web app: voice or text interviews, the pitch, reports and history."""
    from .web.serve import serve

    serve(_settings(ctx), host=host, port=port, share=share)


@cli.command("schema")
@click.argument("kind", type=click.Choice(["persona", "rubric", "report"]), default="persona")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def schema_cmd(kind, output):
    """Print the JSON Schema of persona or rubric files, or of the JSON report."""
    from .grading.report import Report
    from .grading.rubrics import Rubric
    from .personas import Persona

    models = {"persona": Persona, "rubric": Rubric, "report": Report}
    text = json.dumps(models[kind].model_json_schema(), indent=2) + "\n"
    _write_or_echo(text, output)


def main() -> None:
    cli(prog_name="interviewer")
