import django_filters
from django.utils.translation import gettext_lazy as _

from notifications.models import Message


class SentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=Message.Status.choices)

    class Meta:
        model = Message
        fields = ["status"]
