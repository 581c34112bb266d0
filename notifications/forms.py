from django import forms

from notifications.models import Preference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["delivery", "language"]
        widgets = {"delivery": forms.RadioSelect, "language": forms.RadioSelect}
