"""Texts that are data, kept in Dutch and English (maturity model, success factors)."""

from django.db import models
from django.utils.translation import get_language


class Bilingual(models.Model):
    """`text("name")` gives `name_en` in English (when filled in), else `name_nl`."""

    class Meta:
        abstract = True

    def text(self, field: str) -> str:
        english = (get_language() or "nl").startswith("en")
        value = getattr(self, f"{field}_en" if english else f"{field}_nl")
        return value or getattr(self, f"{field}_nl")
