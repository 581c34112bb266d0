"""The application's settings plus one bench-only address: see floor_urls."""

from beheer.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
