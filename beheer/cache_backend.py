"""A per-process cache bounded by the bytes it holds, not only by its entries.

Django's local-memory cache counts entries; a few large values could still
fill a worker's memory. This one keeps the pickled size of every entry and
drops the least recently used ones once the total passes MAX_BYTES.
"""

from django.core.cache.backends.locmem import LocMemCache


class _Sizes:
    def __init__(self):
        self.of: dict[str, int] = {}
        self.total = 0

    def put(self, key: str, size: int) -> None:
        self.total += size - self.of.get(key, 0)
        self.of[key] = size

    def drop(self, key: str) -> None:
        self.total -= self.of.pop(key, 0)


# Like LocMemCache's own storage: shared by every instance (thread) of a name.
_sizes: dict[str, _Sizes] = {}


class BoundedLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self._max_bytes = int(options.get("MAX_BYTES", 32 * 1024 * 1024))
        # A single value larger than this is not kept at all.
        self._max_value_bytes = self._max_bytes // 8
        self._sizes = _sizes.setdefault(name, _Sizes())

    @property
    def total_bytes(self) -> int:
        return self._sizes.total

    def _set(self, key, value, timeout=None):
        # Called with the lock held and `value` pickled. The least recently
        # used entries sit at the end of LocMemCache's ordered dict.
        if len(value) > self._max_value_bytes:
            self._delete(key)
            return
        super()._set(key, value, timeout)
        self._sizes.put(key, len(value))
        while self._sizes.total > self._max_bytes and len(self._cache) > 1:
            self._delete(next(reversed(self._cache)))

    def _delete(self, key):
        self._sizes.drop(key)
        return super()._delete(key)

    def _cull(self):
        super()._cull()
        for key in set(self._sizes.of) - set(self._cache):
            self._sizes.drop(key)

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes.of.clear()
            self._sizes.total = 0
