"""Topic extraction: what a follow-up can name without a capable model."""

from __future__ import annotations

import pytest

from interviewer.profile import build_profile
from interviewer.topics import topics


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I studied distributional RL and the Rainbow paper at InstaDeep.",
            ["distributional RL", "Rainbow", "InstaDeep"],
        ),
        (
            "At Hugging Face I measured SmolLM2 with CodeCarbon.",
            ["Hugging Face", "CodeCarbon", "SmolLM2"],
        ),
        ("Honestly I'm not sure, I only read the abstract.", []),
        ("So I think the main thing was teamwork.", []),
        (
            "My internship at CFM was on sports betting with gradient boosting.",
            ["sports betting", "gradient boosting", "CFM"],
        ),
        (
            "We used a per-token classification head for NER.",
            ["token classification", "named entity recognition"],
        ),
    ],
)
def test_topics(text, expected):
    assert topics(text) == expected


def test_project_names_from_the_cv_count_as_topics():
    assert topics(
        "Then the energy bench project took most of my time.", projects=["energy bench"]
    ) == ["energy bench"]


def test_profile_from_cv_and_job():
    profile = build_profile(
        "Projects\n- Energy of small LMs: SmolLM energy with CodeCarbon\n"
        "- Sports betting optimiser - gradient boosting at CFM\nSkills: PyTorch, LoRA\n",
        "Title: Research Scientist Intern\nCompany: InstaDeep\nWe publish papers; research on RL.",
    )
    assert profile.projects == ["Energy of small LMs", "Sports betting optimiser"]
    assert (profile.role, profile.company, profile.track) == (
        "Research Scientist Intern",
        "InstaDeep",
        "research",
    )
    assert "LoRA" in profile.terms
