"""Fixtures shared by every app's tests."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config, items):
    """In CI nothing that needs a real service may be skipped."""
    if not IN_CI:
        return
    for item in items:
        for marker in item.iter_markers("skip"):
            raise pytest.UsageError(
                f"{item.nodeid} is marked skip, which CI does not allow ({marker.kwargs})"
            )
