"""Settings of the worker processes tests start: a lost job is found within a second."""

from giamngheo.config.settings import *  # noqa: F403

JOB_HEARTBEAT_SECONDS = 0.05
JOB_LOST_AFTER_SECONDS = 0.5
