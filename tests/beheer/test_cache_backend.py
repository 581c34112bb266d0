"""The local cache is bounded by the bytes it holds."""

import pytest

from beheer.cache_backend import BoundedLocMemCache


@pytest.fixture
def small_cache(request):
    cache = BoundedLocMemCache(f"test-{request.node.name}", {"OPTIONS": {"MAX_BYTES": 80_000}})
    yield cache
    cache.clear()


def test_it_drops_the_least_recently_used_entries_past_its_size(small_cache):
    for number in range(10):
        small_cache.set(f"k{number}", "x" * 9_000)
        small_cache.get("k0")  # k0 stays in use

    assert small_cache.total_bytes <= 80_000
    assert small_cache.get("k0") is not None
    assert small_cache.get("k1") is None  # the least recently used went first
    assert small_cache.get("k9") is not None


def test_a_value_larger_than_an_eighth_of_the_budget_is_not_kept(small_cache):
    small_cache.set("big", "x" * 20_000)

    assert small_cache.get("big") is None
    assert small_cache.total_bytes == 0


def test_replacing_and_deleting_keep_the_count_right(small_cache):
    small_cache.set("a", "x" * 5_000)
    small_cache.set("a", "x" * 1_000)
    small_cache.set("b", "x" * 1_000)
    small_cache.delete("b")

    assert 1_000 < small_cache.total_bytes < 1_100
    small_cache.clear()
    assert small_cache.total_bytes == 0
