"""Settings shared by every test."""

from hypothesis import settings

# No test asserts on time (these machines are shared and noisy): Hypothesis' per-example
# deadline would be one, so it is off everywhere.
settings.register_profile("kpi-lens", deadline=None)
settings.load_profile("kpi-lens")
