"""Shared test settings: hypothesis runs the same examples every time, so CI is repeatable."""

from hypothesis import settings

settings.register_profile("glassnet", derandomize=True, deadline=None, max_examples=60)
settings.load_profile("glassnet")
