"""What the app shows, as Markdown and inline SVG strings (no Gradio here): the provider
table, warnings, live pitch figures, the history chart, a practice comparison."""

from __future__ import annotations

import html

from .practice import Comparison, HistoryRow, LiveStats, Screen, mmss
from .services import Services

STATE_LABELS = {"loading": "loading…", "ready": "ready", "failed": "**failed**", "off": "off"}


def status_markdown(services: Services) -> str:
    rows = ["| Part | Provider | State | Detail |", "|---|---|---|---|"]
    for h in services.health.values():
        took = f" in {h.seconds:.1f} s" if h.seconds is not None else ""
        detail = html.escape(h.detail).replace("|", "/")
        rows.append(f"| {h.part} | {h.provider} | {STATE_LABELS[h.state]}{took} | {detail} |")
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
    return (
        f"**Speaking rate:** {stats.wpm:.0f} words per minute · **fillers:** {stats.fillers} "
        f"· **words:** {stats.words} · recorded {stats.seconds:.0f} s"
    )


def history_chart(rows: list[HistoryRow]) -> str:
    """Each criterion over the sessions, as inline SVG lines (oldest left)."""
    scored = [r for r in rows if r.scores]
    if len(scored) < 1:
        return "<p>No graded session yet.</p>"
    criteria = sorted({c for r in scored for c in r.scores})
    colours = ["#3b7dd8", "#e8a33d", "#2e9e5b", "#c0392b", "#8e44ad", "#555"]
    width, height, left, top = 560, 220, 30, 10
    plot_w, plot_h = width - left - 140, height - top - 30
    step = plot_w / max(1, len(scored) - 1)
    parts = [
        f'<svg id="history-chart" role="img" aria-label="criteria over time" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f7f7f7"/>'
    ]
    every = max(1, len(scored) // 8)
    for i, r in enumerate(scored):
        if i % every == 0 or i == len(scored) - 1:
            parts.append(
                f'<text x="{left + i * step:.0f}" y="{top + plot_h + 16}" font-size="10" '
                f'text-anchor="middle">{html.escape(r.date[5:10])}</text>'
            )
    for level in range(1, 6):
        y = top + plot_h - plot_h * (level - 1) / 4
        parts.append(f'<text x="5" y="{y + 4:.0f}" font-size="11">{level}</text>')
    for k, criterion in enumerate(criteria):
        colour = colours[k % len(colours)]
        points = [
            f"{left + i * step:.0f},{top + plot_h - plot_h * (r.scores[criterion] - 1) / 4:.0f}"
            for i, r in enumerate(scored)
            if criterion in r.scores
        ]
        parts.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
            f'stroke-width="2"/>'
        )
        for p in points:
            x, y = p.split(",")
            parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/>')
        parts.append(
            f'<text x="{left + plot_w + 10}" y="{top + 14 + 16 * k}" font-size="12" '
            f'fill="{colour}">{html.escape(criterion)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


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
