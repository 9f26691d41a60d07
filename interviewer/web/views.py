"""What the app shows, as Markdown and inline SVG strings (no Gradio here): the provider
table, warnings, live pitch figures, the history chart, a practice comparison."""

from __future__ import annotations

import html

from ..app.practice import Comparison, LiveStats, Screen, mmss
from ..app.services import Services
from ..history import HistoryRow, latest_persona, progress_by_persona

STATE_LABELS = {"loading": "loading…", "ready": "ready", "failed": "**failed**", "off": "off"}


def status_markdown(services: Services) -> str:
    """Each part on its own lines (a list, not a table: it reads at 390 px without breaking
    a word or scrolling sideways)."""
    rows = []
    for h in services.health.values():
        took = f" in {h.seconds:.1f} s" if h.seconds is not None else ""
        detail = html.escape(h.detail)
        rows.append(
            f"- **{h.part}**: {STATE_LABELS[h.state]}{took}  \n"
            f"  <small>{html.escape(h.provider)}{' · ' + detail if detail else ''}</small>"
        )
    if services.persona_errors:
        rows.append("")
        rows += [f"- skipped persona file: {e}" for e in services.persona_errors]
    return "\n".join(rows)


def banner_lines(screen: Screen | None, services: Services) -> list[str]:
    """The interview's warnings, then any provider that failed to load."""
    lines = list(screen.warnings) if screen else []
    failed = [h for h in services.health.values() if h.state == "failed"]
    return lines + [f"{h.part} unavailable: {h.detail}" for h in failed]


def live_markdown(stats: LiveStats) -> str:
    """Pace and fillers so far; for an uploaded recording, how far its reading has got."""
    figures = (
        f"**Speaking rate:** {stats.wpm:.0f} words per minute · **fillers:** {stats.fillers} "
        f"· **words:** {stats.words}"
    )
    if stats.chunks:
        done = stats.chunk / stats.chunks
        return (
            f'<progress id="pitch-progress" value="{stats.chunk}" max="{stats.chunks}" '
            f'style="width:100%"></progress>\n\n'
            f"Transcribing your recording: chunk {stats.chunk} of {stats.chunks} "
            f"({done:.0%}, {stats.heard_s:.0f} s of {stats.seconds:.0f} s)\n\n{figures}"
        )
    return f"{figures} · recorded {stats.seconds:.0f} s"


def presented_markdown(stats: LiveStats) -> str:
    """The pitch as given, kept above the questions."""
    if not stats.words:
        return "Presentation given."
    pace = f"{stats.wpm:.0f} words per minute · " if stats.wpm else ""
    return (
        f"**Your presentation:** {pace}**fillers:** {stats.fillers} · **words:** "
        f"{stats.words} · {mmss(stats.heard_s or stats.seconds)}"
    )


def history_table_rows(rows: list[HistoryRow]) -> list[list]:
    """Newest first: when, with whom, and how it went, in three columns that a 390 px
    phone shows whole, wrapping between words, never inside one."""
    out = []
    for r in reversed(rows):
        answers = f"{r.answers} answer{'s' if r.answers != 1 else ''}"
        overall = "" if r.overall is None else f", overall {r.overall:.1f}"
        out.append([r.date, r.persona, f"{r.status}, {answers}{overall}"])
    return out


HISTORY_HEADERS = ["when (UTC)", "with", "result"]


def history_chart(rows: list[HistoryRow], persona: str | None = None) -> str:
    """One interviewer's finished sessions: each criterion over time, as inline SVG lines
    (oldest left), dates and times under the points, the legend under the plot."""
    lines = progress_by_persona(rows)
    if not lines:
        return "<p>No finished session yet: finish an interview to see your progress.</p>"
    persona = persona if persona in lines else latest_persona(rows)
    scored = lines[persona]
    criteria = sorted({c for r in scored for c in r.scores})
    colours = ["#3b7dd8", "#e8a33d", "#2e9e5b", "#c0392b", "#8e44ad", "#555"]
    # Large type: on a 390 px phone the drawing is shown at about half its size.
    width, left, top, plot_h = 560, 34, 10, 170
    plot_w = width - left - 30
    legend_y = top + plot_h + 62
    height = legend_y + 26 * ((len(criteria) + 1) // 2)
    step = plot_w / max(1, len(scored) - 1)
    x0 = left + (plot_w / 2 if len(scored) == 1 else 0)
    parts = [
        f'<svg id="history-chart" role="img" aria-label="{html.escape(persona)}: criteria over '
        f'time" viewBox="0 0 {width} {height}" style="width:100%;max-width:{width}px">'
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f7f7f7"/>'
    ]
    every = max(1, len(scored) // 6)
    for i, r in enumerate(scored):
        if i % every == 0 or i == len(scored) - 1:
            x = x0 + i * step
            day, clock = r.date.rsplit(" ", 1)
            parts.append(
                f'<text x="{x:.0f}" y="{top + plot_h + 20}" font-size="16" text-anchor="middle">'
                f'{html.escape(day[4:])}<tspan x="{x:.0f}" dy="18">{html.escape(clock)}</tspan>'
                "</text>"
            )
    for level in range(1, 6):
        y = top + plot_h - plot_h * (level - 1) / 4
        parts.append(f'<text x="5" y="{y + 6:.0f}" font-size="16">{level}</text>')
    for k, criterion in enumerate(criteria):
        colour = colours[k % len(colours)]
        points = [
            f"{x0 + i * step:.0f},{top + plot_h - plot_h * (r.scores[criterion] - 1) / 4:.0f}"
            for i, r in enumerate(scored)
            if criterion in r.scores
        ]
        if len(points) > 1:
            parts.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                f'stroke-width="2"/>'
            )
        for p in points:
            x, y = p.split(",")
            parts.append(f'<circle cx="{x}" cy="{y}" r="5" fill="{colour}"/>')
        lx = left + (k % 2) * (plot_w / 2)
        ly = legend_y + 26 * (k // 2)
        parts.append(
            f'<rect x="{lx:.0f}" y="{ly - 13}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{lx + 20:.0f}" y="{ly}" font-size="17">'
            f"{html.escape(criterion.replace('_', ' '))}</text>"
        )
    parts.append("</svg>")
    note = (
        "<p>One finished session with this interviewer so far: practise again to see a line.</p>"
        if len(scored) == 1
        else ""
    )
    return "".join(parts) + note


# The clocks tick in the browser: the server sends the seconds left with each update and
# this script counts down from when it first sees them (no request per second per user,
# no dependence on the browser's clock being right).
COUNTDOWN_JS = """
<script>
(() => {
  const mmss = (s) => {
    const neg = s < 0; s = Math.abs(Math.floor(s));
    return (neg ? "-" : "") + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  };
  setInterval(() => {
    const now = Date.now() / 1000;
    document.querySelectorAll("[data-countdown]").forEach((el) => {
      if (!el.dataset.seen) el.dataset.seen = String(now);
      const gone = now - Number(el.dataset.seen);
      const stage = Number(el.dataset.stageLeft) - gone;
      const total = Number(el.dataset.totalLeft) - gone;
      const planned = Number(el.dataset.planned);
      const minutes = Math.round(planned / 60);
      el.textContent = el.dataset.countdown === "pitch"
        ? `${mmss(stage)} left of ${minutes} minutes · ${mmss(planned - stage)} elapsed`
        : `${el.dataset.label} · ${mmss(stage)} left in this stage · ${mmss(total)} left in all`;
    });
  }, 1000);
})();
</script>
"""


def clock_html(screen: Screen) -> str:
    """The stage and the time left (counted down in the browser)."""
    if screen.finished:
        return "<span>Interview finished.</span>"
    if screen.pitch:
        return ""  # the pitch panel has its own countdown: one timer on screen
    return (
        f'<span data-countdown="stage" data-label="{html.escape(screen.stage_label)}" '
        f'data-stage-left="{screen.stage_left_s}" data-total-left="{screen.total_left_s}" '
        f'data-planned="{screen.stage_planned_s}">{html.escape(screen.clock)}</span>'
    )


def pitch_clock_html(screen: Screen) -> str:
    """The presentation's countdown, large."""
    if not screen.pitch:
        return ""
    left, planned = screen.stage_left_s, screen.stage_planned_s
    text = f"{mmss(left)} left of {planned / 60:.0f} minutes · {mmss(planned - left)} elapsed"
    return (
        f'<h2><span data-countdown="pitch" data-stage-left="{left}" '
        f'data-total-left="{screen.total_left_s}" data-planned="{planned}">{text}</span></h2>'
    )


def comparison_markdown(result: Comparison) -> str:
    lines = ["| Criterion | Before | Now |", "|---|---|---|"]
    for criterion, before, after in result.rows:
        lines.append(f"| {criterion} | {fmt(before)} | {fmt(after)} |")
    lines += [
        "",
        f"**Mean:** {fmt(result.before_mean)} → {fmt(result.after_mean)}",
        "",
        "**Every attempt at this question:** " + " → ".join(fmt(m) for m in result.attempts),
    ]
    return "\n".join(lines)


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"
