"""Check groups.yaml and write SOURCES.md with the sources and the dataset figures.

Run after split.py: python evals/labelled/sources.py
"""

import hashlib
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

import yaml

HERE = Path(__file__).resolve().parent
CRITERIA = ("clarity", "technical_depth", "positioning")
KINDS = {
    "open",
    "behavioural",
    "preference",
    "technical",
    "case",
    "probe",
    "pitch",
    "candidate_questions",
}
ROLES = {"engineering", "research", "general"}


def load(name: str) -> list[dict]:
    """Return the groups of one YAML file in this folder."""
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))["groups"]


def check(groups: list[dict]) -> None:
    """Fail loudly on duplicate ids or fields outside the schema."""
    ids = Counter(g["id"] for g in groups)
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    if duplicates:
        raise SystemExit(f"duplicate ids: {duplicates}")
    for g in groups:
        if g["criterion"] not in CRITERIA or g["kind"] not in KINDS or g["role"] not in ROLES:
            raise SystemExit(f"bad criterion, kind or role in {g['id']}")
        if not 2 <= len(g["answers"]) <= 4:
            raise SystemExit(f"{g['id']} needs 2 to 4 answers")


def figures(groups: list[dict]) -> dict:
    """Count pairs per criterion and the share where the weaker answer is longer."""
    pairs: Counter = Counter()
    adversarial: Counter = Counter()
    for g in groups:
        words = [len(a["text"].split()) for a in g["answers"]]
        for weak, strong in combinations(range(len(words)), 2):
            pairs[g["criterion"]] += 1
            if words[weak] > words[strong]:
                adversarial[g["criterion"]] += 1
    urls = {g["source"]["url"] for g in groups}
    sites = {urlparse(u).netloc.removeprefix("www.") for u in urls}
    return {
        "groups": len(groups),
        "sources": len(urls),
        "sites": len(sites),
        "pairs": pairs,
        "adversarial": adversarial,
        "kinds": Counter(g["kind"] for g in groups),
        "roles": Counter(g["role"] for g in groups),
        "criteria": Counter(g["criterion"] for g in groups),
    }


def render(groups: list[dict], fig: dict) -> str:
    """Build the text of SOURCES.md."""
    by_url: dict[str, list[dict]] = defaultdict(list)
    for g in groups:
        by_url[g["source"]["url"]].append(g)
    total_pairs = sum(fig["pairs"].values())
    total_adv = sum(fig["adversarial"].values())
    tune, test = load("tune.yaml"), load("test.yaml")
    test_sha = hashlib.sha256((HERE / "test.yaml").read_bytes()).hexdigest()
    lines = [
        "# Sources of the labelled interview answers",
        "",
        "Every answer in `groups.yaml` is our own paraphrase; no sentence is copied from a",
        "source. The weak-to-strong order of each group follows the cited page's judgement.",
        "Figures below are computed by `sources.py`; the split by `split.py`.",
        "",
        "## Figures",
        "",
        f"- Groups: {fig['groups']}",
        f"- Distinct sources (pages): {fig['sources']}, on {fig['sites']} distinct sites",
        f"- Answer pairs: {total_pairs}",
    ]
    for c in CRITERIA:
        lines.append(
            f"  - {c}: {fig['pairs'][c]} pairs in {fig['criteria'][c]} groups,"
            f" {fig['adversarial'][c]} length-adversarial"
        )
    lines += [
        f"- Length-adversarial pairs (weaker answer has more words): {total_adv} of"
        f" {total_pairs} ({total_adv / total_pairs:.1%})",
        "- Kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(fig["kinds"].items())),
        "- Roles: " + ", ".join(f"{k} {n}" for k, n in sorted(fig["roles"].items())),
        "",
        "## Split (`split.py`)",
        "",
        "A group goes to test when `int(sha256(id).hexdigest(), 16) % 2 == 0`, else to tune.",
        "",
        f"- tune.yaml: {len(tune)} groups",
        f"- test.yaml: {len(test)} groups",
        f"- test.yaml sha256: `{test_sha}`",
        "",
        "## Sources",
        "",
        "What was taken: the weak/strong judgement behind each listed group"
        " (questions paraphrased).",
        "",
    ]
    for n, (url, items) in enumerate(by_url.items(), start=1):
        lines.append(f"{n}. {items[0]['source']['title']}  ")
        lines.append(f"   <{url}>  ")
        taken = "; ".join(f"`{g['id']}` ({g['criterion']}): {g['question']}" for g in items)
        lines.append(f"   Taken: {taken}")
    return "\n".join(lines) + "\n"


def main() -> None:
    groups = load("groups.yaml")
    check(groups)
    fig = figures(groups)
    (HERE / "SOURCES.md").write_text(render(groups, fig), encoding="utf-8")
    total = sum(fig["pairs"].values())
    adv = sum(fig["adversarial"].values())
    print(f"groups {fig['groups']}, sources {fig['sources']}, sites {fig['sites']}")
    print("pairs " + ", ".join(f"{c} {fig['pairs'][c]}" for c in CRITERIA))
    print(f"length-adversarial {adv}/{total} = {adv / total:.1%}")


if __name__ == "__main__":
    main()
