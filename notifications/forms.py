from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import Preference


class PreferenceForm(forms.ModelForm):
    """The general delivery, one per topic (or "as my general setting"), and
    the language. The register's signals only reach managers, so only they see
    that choice."""

    class Meta:
        model = Preference
        fields = [
            "delivery",
            "requests_delivery",
            "deadlines_delivery",
            "register_delivery",
            "language",
        ]
        labels = {"delivery": _("In general, e-mail me")}
        widgets = {"delivery": forms.RadioSelect, "language": forms.RadioSelect}

    def __init__(self, *args, receives_register_signals: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not receives_register_signals:
            del self.fields["register_delivery"]
