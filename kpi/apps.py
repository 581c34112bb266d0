from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _volumes_changed(sender, **kwargs):
    """KPIs measured from the channel statistics follow every change of volumes
    or channels (e.g. a channel now counted as digital), once per transaction
    however many rows it touched."""
    from beheer.signals import once_on_commit
    from kpi.services import recompute_channel_kpis

    once_on_commit(recompute_channel_kpis)


class KpiConfig(AppConfig):
    name = "kpi"
    verbose_name = _("Success factors and KPIs")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from beheer import signals
        from kpi.models import Channel, ContactVolume, FactorReview, Kpi, Measurement, SuccessFactor

        # Cached dashboards carry the data version: every change here raises it.
        signals.connect((SuccessFactor, FactorReview, Kpi, Measurement, Channel, ContactVolume))
        for model in (Channel, ContactVolume):
            for signal in (post_save, post_delete):
                signal.connect(
                    _volumes_changed, sender=model, dispatch_uid=f"kpi-recompute-{model.__name__}"
                )
