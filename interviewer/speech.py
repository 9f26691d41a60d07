"""Speech metrics from word timestamps: pace, articulation, fillers, hedges, pauses."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from . import lexicon
from .settings import TARGET_FILLERS_PER_100, TARGET_WPM

if TYPE_CHECKING:
    from .settings import Settings

PAUSE_S = 1.0


class SpeechTargets(BaseModel):
    """Bands from the brief: 130-160 wpm; under about 2 fillers per 100 words is fluent."""

    model_config = ConfigDict(extra="forbid")
    wpm_min: float = TARGET_WPM[0]
    wpm_max: float = TARGET_WPM[1]
    fillers_per_100_max: float = TARGET_FILLERS_PER_100
    pause_max_s: float = 3.0

    @classmethod
    def from_settings(cls, settings: Settings) -> SpeechTargets:
        return cls(
            wpm_min=settings.target_wpm_min,
            wpm_max=settings.target_wpm_max,
            fillers_per_100_max=settings.target_fillers_per_100_max,
        )


class WordTiming(BaseModel):
    model_config = ConfigDict(extra="forbid")
    word: str
    start: float
    end: float
    probability: float = 1.0


class SpeechMetrics(BaseModel):
    """Per answer (or summed over a session)."""

    model_config = ConfigDict(extra="forbid")
    duration_s: float = Field(description="Length of the recording.")
    speaking_s: float = Field(description="First word start to last word end.")
    words: int
    wpm: float = Field(description="Words per minute over the speaking time.")
    articulation_wpm: float = Field(description="Words per minute excluding pauses >= 1 s.")
    fillers: int
    fillers_per_min: float
    fillers_per_100_words: float
    top_fillers: list[tuple[str, int]] = Field(default_factory=list)
    hedges: int
    top_hedges: list[tuple[str, int]] = Field(default_factory=list)
    pauses: int = Field(description="Pauses of 1 s or more between words.")
    longest_pause_s: float
    total_pause_s: float
    verdicts: list[str] = Field(default_factory=list, description="Against the target bands.")


def _rate(count: float, seconds: float) -> float:
    return round(count * 60 / seconds, 1) if seconds > 0 else 0.0


def compute(
    words: list[WordTiming],
    duration_s: float,
    targets: SpeechTargets | None = None,
    text: str | None = None,
) -> SpeechMetrics:
    """Metrics for one answer from its timed words (``text`` defaults to the words joined)."""
    targets = targets or SpeechTargets()
    text = text if text is not None else " ".join(w.word.strip() for w in words)
    n = len(text.split())
    speaking = (words[-1].end - words[0].start) if words else 0.0
    gaps = [b.start - a.end for a, b in pairwise(words)]
    pauses = [g for g in gaps if g >= PAUSE_S]
    fillers = Counter(lexicon.fillers(text))
    hedges = Counter(lexicon.hedges(text))
    n_fillers = sum(fillers.values())
    metrics = SpeechMetrics(
        duration_s=round(duration_s, 2),
        speaking_s=round(speaking, 2),
        words=n,
        wpm=_rate(n, speaking),
        articulation_wpm=_rate(n, speaking - sum(pauses)),
        fillers=n_fillers,
        fillers_per_min=_rate(n_fillers, speaking),
        fillers_per_100_words=round(n_fillers * 100 / n, 1) if n else 0.0,
        top_fillers=fillers.most_common(3),
        hedges=sum(hedges.values()),
        top_hedges=hedges.most_common(3),
        pauses=len(pauses),
        longest_pause_s=round(max(pauses, default=0.0), 2),
        total_pause_s=round(sum(pauses), 2),
    )
    metrics.verdicts = verdicts(metrics, targets)
    return metrics


def verdicts(m: SpeechMetrics, t: SpeechTargets) -> list[str]:
    out = []
    if m.words >= 15:
        if m.wpm < t.wpm_min:
            out.append(f"pace {m.wpm:.0f} wpm is slow (target {t.wpm_min:.0f}-{t.wpm_max:.0f})")
        elif m.wpm > t.wpm_max:
            out.append(f"pace {m.wpm:.0f} wpm is fast (target {t.wpm_min:.0f}-{t.wpm_max:.0f})")
        else:
            out.append(f"pace {m.wpm:.0f} wpm is in the target band")
        if m.fillers_per_100_words > t.fillers_per_100_max:
            out.append(
                f"{m.fillers_per_100_words:.1f} fillers per 100 words "
                f"(fluent is under {t.fillers_per_100_max:.0f})"
            )
    if m.longest_pause_s > t.pause_max_s:
        out.append(f"a {m.longest_pause_s:.1f} s pause")
    return out


def combine(items: list[SpeechMetrics], targets: SpeechTargets | None = None) -> SpeechMetrics:
    """Session totals: sums, rates over the summed speaking time."""
    targets = targets or SpeechTargets()
    speaking = sum(m.speaking_s for m in items)
    words = sum(m.words for m in items)
    pauses_total = sum(m.total_pause_s for m in items)
    fillers: Counter = Counter()
    hedges: Counter = Counter()
    for m in items:
        fillers.update(dict(m.top_fillers))
        hedges.update(dict(m.top_hedges))
    n_fillers = sum(m.fillers for m in items)
    total = SpeechMetrics(
        duration_s=round(sum(m.duration_s for m in items), 2),
        speaking_s=round(speaking, 2),
        words=words,
        wpm=_rate(words, speaking),
        articulation_wpm=_rate(words, speaking - pauses_total),
        fillers=n_fillers,
        fillers_per_min=_rate(n_fillers, speaking),
        fillers_per_100_words=round(n_fillers * 100 / words, 1) if words else 0.0,
        top_fillers=fillers.most_common(3),
        hedges=sum(m.hedges for m in items),
        top_hedges=hedges.most_common(3),
        pauses=sum(m.pauses for m in items),
        longest_pause_s=max((m.longest_pause_s for m in items), default=0.0),
        total_pause_s=round(pauses_total, 2),
    )
    total.verdicts = verdicts(total, targets)
    return total
