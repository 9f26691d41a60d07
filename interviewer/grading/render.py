"""Reports as Markdown, self-contained HTML (every candidate word escaped, an SVG chart of
the criterion scores) and JSON."""

from __future__ import annotations

import html

from ..export import md_escape
from .report import Report


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}/5"


def _sources(sources: list[str]) -> str:
    """Who scored a criterion, in plain words ("deterministic" means nothing to a reader)."""
    plain = [
        "rules on the transcript"
        if s == "deterministic"
        else f"model judge ({s[4:]})"
        if s.startswith("llm:")
        else s
        for s in sources
    ]
    return "; ".join(plain) or "-"


def speech_lines(report: Report) -> list[str]:
    m = report.speech
    if m is None:
        return []
    fillers = ", ".join(f"{w} x{n}" for w, n in m.top_fillers) or "none"
    return [
        f"Pace: {m.wpm:.0f} words per minute ({m.articulation_wpm:.0f} without pauses)",
        f"Fillers: {m.fillers} ({m.fillers_per_min:.1f} per minute, "
        f"{m.fillers_per_100_words:.1f} per 100 words): {fillers}",
        f"Hedges: {m.hedges}",
        f"Pauses of 1 s or more: {m.pauses} (longest {m.longest_pause_s:.1f} s, "
        f"total {m.total_pause_s:.1f} s)",
        f"Speaking time: {m.speaking_s / 60:.1f} min",
        *m.verdicts,
    ]


def _quote(text: str) -> str:
    """A quotation block: the candidate's words escaped, every line of it quoted."""
    return md_escape(text).replace("\n", "\n> ")


def to_markdown(report: Report) -> str:
    out = [
        f"# Interview feedback{f' - session {report.session_id}' if report.session_id else ''}",
        "",
        f"**Overall: {_score(report.overall)}** ({md_escape(_who(report))})",
        "",
    ]
    if report.actions:
        out += ["## Top actions", ""] + [f"{i}. {a}" for i, a in enumerate(report.actions, 1)]
        out.append("")
    if report.flags:
        out += ["## Flags", ""] + [f"- {md_escape(f)}" for f in report.flags] + [""]
    out += ["## Criteria", "", "| criterion | score | level | scored by |", "|---|---|---|---|"]
    for c in report.criteria:
        out.append(f"| {c.title} | {_score(c.score)} | {c.level or '-'} | {_sources(c.sources)} |")
    out.append("")
    for c in report.criteria:
        if c.score is None:
            continue
        out += [f"### {c.title}: {_score(c.score)}", ""]
        for s in c.signals:
            out.append(f"- **{s.id}** {s.score:.1f}: {md_escape(s.explanation)}")
        if c.judge:
            out.append(
                f"- **LLM judge** ({c.judge.model}) {c.judge.score}: {md_escape(c.judge.reason)}"
            )
        out += [""] + [f"> {_quote(q)}" for q in c.evidence] + [""]
    if report.speech:
        out += ["## Speech", ""] + [f"- {line}" for line in speech_lines(report)] + [""]
    out += ["## Answer by answer", ""]
    for a in report.answers:
        out += [f"**Q (turn {a.seq}):** {md_escape(a.question)}", "", f"> {_quote(a.answer)}", ""]
        out += [f"- Worked: {w}" for w in a.worked] + [f"- Improve: {i}" for i in a.improve]
        if a.stronger_answer:
            out.append(f"- Stronger answer: {md_escape(a.stronger_answer)}")
        out.append("")
    return "\n".join(out)


def _chart(report: Report) -> str:
    """Horizontal bars of the criterion scores as inline SVG (no script, no network)."""
    rows = [c for c in report.criteria if c.score is not None]
    height = 28 * len(rows) + 10
    parts = [
        f'<svg class="chart" role="img" aria-label="criterion scores" width="520" '
        f'height="{height}" viewBox="0 0 520 {height}">'
    ]
    for i, c in enumerate(rows):
        y = 8 + i * 28
        width = int(300 * (c.score or 0) / 5)
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="13">{html.escape(c.title)}</text>'
            f'<rect x="150" y="{y}" width="300" height="18" fill="#eee"/>'
            f'<rect x="150" y="{y}" width="{width}" height="18" fill="#3b7dd8"/>'
            f'<text x="460" y="{y + 14}" font-size="13">{c.score:.1f}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline(report: Report) -> str:
    """Pace (words per minute) and fillers of each spoken answer, in order, as inline SVG."""
    points = [(a.seq, a.speech) for a in report.answers if a.speech is not None]
    if not points:
        return ""
    if len(points) == 1:  # a lone dot is not a timeline
        seq, m = points[0]
        return (
            f'<p class="timeline-one">One spoken answer (turn {seq}): {m.wpm:.0f} words per '
            f"minute, {m.fillers} filler{'s' if m.fillers != 1 else ''}. Answer more by voice "
            "to see your pace and fillers answer by answer.</p>"
        )
    width, height, left, top = 520, 180, 40, 10
    plot_w, plot_h = width - left - 20, height - top - 40
    top_wpm = max(200.0, *(m.wpm for _, m in points))
    top_fillers = max(5, *(m.fillers for _, m in points))
    step = plot_w / max(1, len(points) - 1)

    def xy(i: int, value: float, scale: float) -> str:
        return f"{left + i * step:.0f},{top + plot_h - plot_h * value / scale:.0f}"

    pace = " ".join(xy(i, m.wpm, top_wpm) for i, (_, m) in enumerate(points))
    bar_h = [plot_h * m.fillers / top_fillers for _, m in points]
    bars = "".join(
        f'<rect x="{left + i * step - 4:.0f}" y="{top + plot_h - h:.0f}" width="8" '
        f'height="{h:.0f}" fill="#e8a33d"/>'
        for i, h in enumerate(bar_h)
    )
    labels = "".join(
        f'<text x="{left + i * step:.0f}" y="{height - 18}" font-size="11" '
        f'text-anchor="middle">turn {seq}</text>'
        for i, (seq, _) in enumerate(points)
    )
    return (
        f'<svg class="timeline" role="img" aria-label="pace and fillers per answer" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f7f7f7"/>'
        f"{bars}"
        f'<polyline points="{pace}" fill="none" stroke="#3b7dd8" stroke-width="2"/>'
        + "".join(
            f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="4" fill="#3b7dd8"/>'
            for p in pace.split()
        )
        + f"{labels}"
        f'<text x="{left}" y="{height - 2}" font-size="11">blue: words per minute '
        f"(top {top_wpm:.0f}); orange: fillers (top {top_fillers})</text></svg>"
    )


def html_body(report: Report) -> str:
    """The report as an HTML fragment (the app shows it; :func:`to_html` wraps it)."""
    e = html.escape
    body = [
        f"<h1>Interview feedback</h1><p class='overall'>Overall: <b>{_score(report.overall)}"
        f"</b> ({e(_who(report))})</p>",
        _chart(report),
    ]
    if report.actions:
        body.append(
            "<h2>Top actions</h2><ol>"
            + "".join(f"<li>{e(a)}</li>" for a in report.actions)
            + "</ol>"
        )
    if report.flags:
        body.append(
            "<h2>Flags</h2><ul>" + "".join(f"<li>{e(f)}</li>" for f in report.flags) + "</ul>"
        )
    for c in report.criteria:
        if c.score is None:
            continue
        signals = "".join(
            f"<li><b>{e(s.id)}</b> {s.score:.1f}: {e(s.explanation)}</li>" for s in c.signals
        )
        judge = (
            f"<li><b>LLM judge</b> ({e(c.judge.model)}) {c.judge.score}: {e(c.judge.reason)}</li>"
            if c.judge
            else ""
        )
        quotes = "".join(f"<blockquote>{e(q)}</blockquote>" for q in c.evidence)
        body.append(
            f"<section class='criterion'><h3>{e(c.title)}: {_score(c.score)}</h3>"
            f"<p class='level'>{e(c.level or '')}</p><ul>{signals}{judge}</ul>{quotes}"
            f"<p class='sources'>Scored by: {e(_sources(c.sources))}</p></section>"
        )
    if report.speech:
        body.append(
            "<h2>Speech</h2><ul>"
            + "".join(f"<li>{e(x)}</li>" for x in speech_lines(report))
            + "</ul>"
            + timeline(report)
        )
    body.append("<h2>Answer by answer</h2>")
    for a in report.answers:
        items = [f"<li>Worked: {e(w)}</li>" for w in a.worked]
        if a.speech is not None:
            items.append(
                f"<li>Spoken: {a.speech.wpm:.0f} wpm, {a.speech.fillers} fillers, "
                f"{a.speech.pauses} pauses</li>"
            )
        items += [f"<li>Improve: {e(i)}</li>" for i in a.improve]
        if a.stronger_answer:
            items.append(f"<li>Stronger answer: {e(a.stronger_answer)}</li>")
        body.append(
            f"<section class='answer'><p><b>Q (turn {a.seq}):</b> {e(a.question)}</p>"
            f"<blockquote class='candidate'>{e(a.answer)}</blockquote>"
            f"<ul>{''.join(items)}</ul></section>"
        )
    return "".join(body)


def to_html(report: Report) -> str:
    style = (
        "body{font-family:system-ui,sans-serif;max-width:860px;margin:2em auto;"
        "line-height:1.45}blockquote{border-left:3px solid #3b7dd8;margin:.5em 0;"
        "padding:.2em .8em;color:#333}.sources,.level{color:#666;font-size:.9em}"
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Interview feedback</title><style>{style}</style></head><body>"
        + html_body(report)
        + "</body></html>\n"
    )


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2)


FORMATS = {"md": to_markdown, "html": to_html, "json": to_json}


def _who(report: Report) -> str:
    """The name the candidate saw ("interview with Dana Whitfield"), the id if none."""
    mode = "pitch" if report.mode == "pitch" else "interview"
    who = report.persona_name or report.persona_id
    return f"{mode} with {who}" if who else mode
