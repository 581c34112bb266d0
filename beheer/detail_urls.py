"""Detail-page addresses for many records at once, with one reverse() per model.

A list of a hundred links would otherwise call reverse() a hundred times
(Model.get_absolute_url). DetailUrls reverses the address of a placeholder
record once per model and swaps in each record's key; a model whose address
needs more than its key keeps its own get_absolute_url(). Make one per page or
table: reverse() depends on the request's script prefix.
"""

from django.urls import reverse

_PLACEHOLDER_PK = 987654321  # a key no record has
_UNKNOWN = object()


class DetailUrls:
    def __init__(self):
        self._patterns: dict[type | str, tuple[str, str] | None] = {}

    def __call__(self, obj) -> str:
        """`obj.get_absolute_url()`."""
        model = type(obj)
        pattern = self._patterns.get(model, _UNKNOWN)
        if pattern is _UNKNOWN:
            pattern = self._patterns[model] = _pattern(model)
        if pattern is None:
            return obj.get_absolute_url()
        return f"{pattern[0]}{obj.pk}{pattern[1]}"

    def named(self, viewname: str, pk) -> str:
        """reverse(viewname, args=[pk]), for a URL whose only argument is a key."""
        pattern = self._patterns.get(viewname)
        if pattern is None:
            marker = str(_PLACEHOLDER_PK)
            head, tail = reverse(viewname, args=[_PLACEHOLDER_PK]).split(marker)
            pattern = self._patterns[viewname] = (head, tail)
        return f"{pattern[0]}{pk}{pattern[1]}"


def _pattern(model) -> tuple[str, str] | None:
    marker = str(_PLACEHOLDER_PK)
    try:
        sample = model(pk=_PLACEHOLDER_PK).get_absolute_url()
    except Exception:  # the address needs more than the key
        return None
    if sample.count(marker) != 1:
        return None
    head, tail = sample.split(marker)
    return head, tail
