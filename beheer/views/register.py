"""Generic list, form and delete views shared by the register's models."""

from functools import partial

from django.contrib import messages
from django.db.models import ProtectedError, deletion
from django.forms import Form
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from simple_history.models import HistoricalChanges

from beheer import services
from beheer.access import can_edit_register, require_register_editor
from beheer.cache import cached
from beheer.history import edit_conflict, form_version, history_entries


class EditorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        require_register_editor(request)
        return super().dispatch(request, *args, **kwargs)


class RegisterContextMixin:
    """Names and links every register page shows, derived from the model."""

    url_prefix: str  # e.g. "component" -> beheer:component, beheer:component-create

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.register_names())
        return context

    def register_names(self) -> dict:
        meta = self.model._meta
        return {
            "verbose_name": meta.verbose_name,
            "verbose_name_plural": meta.verbose_name_plural,
            "list_url": reverse(f"beheer:{self.list_url_name}"),
            "create_url": reverse(f"beheer:{self.url_prefix}-create"),
            "can_edit": can_edit_register(self.request.user),
            "url_prefix": self.url_prefix,
        }

    @property
    def list_url_name(self) -> str:
        return {"person": "people", "process": "processes"}.get(
            self.url_prefix, f"{self.url_prefix}s"
        )


class RegisterListView(RegisterContextMixin, SingleTableMixin, FilterView):
    """A filterable, sortable, paginated table of one register model.

    The page's content (navigation, heading, filters and table) is rendered
    once per register version, language, day, query string and editing right
    (beheer.cache); the layout around it, and the access check, on every request."""

    template_name = "beheer/register_list.html"
    empty_help: str = ""

    def get(self, request, *args, **kwargs):
        can_edit = can_edit_register(request.user)
        content = cached(
            f"register-list:{self.url_prefix}",
            partial(self._content, can_edit),
            scopes=("register",),
            vary=(request.META.get("QUERY_STRING", ""), can_edit),
        )
        context = {
            "verbose_name_plural": self.model._meta.verbose_name_plural,
            "content": content,
            "view": self,
            # The table and filters when built now (not from the cache), for tests.
            **getattr(self, "listing_context", {}),
        }
        return TemplateResponse(request, self.template_name, context)

    def _content(self, can_edit: bool) -> str:
        # What FilterView.get does, then the content rendered without running
        # the context processors; it needs only these two of their values.
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_bound or self.filterset.is_valid() or not self.get_strict():
            self.object_list = self.filterset.qs
        else:
            self.object_list = self.filterset.queryset.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        context.update(request=self.request, can_edit_register=can_edit, empty_help=self.empty_help)
        self.listing_context = {"table": context["table"], "filter": self.filterset}
        return render_to_string(f"{self.template_name}#content", context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = any(
            v for k, v in self.request.GET.items() if k not in ("sort", "page")
        )
        # The paginator has counted the rows already.
        context["register_is_empty"] = (
            not context["is_filtered"] and context["table"].paginator.count == 0
        )
        return context


class RegisterDetailView(RegisterContextMixin, DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_entries(self.object)
        return context


class ConcurrencyGuardMixin:
    """Refuse to save over a change someone else made since the form was opened
    (beheer.history.edit_conflict); the user's input is kept and they are asked
    to compare before saving again."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seen_version"] = form_version(
            self.request, self.object, shown_current="conflicts" in kwargs
        )
        return context

    def form_valid(self, form):
        conflicts = edit_conflict(self.request, self.object, form)
        if conflicts is not None:
            return self.render_to_response(self.get_context_data(form=form, conflicts=conflicts))
        return super().form_valid(form)


class RegisterCreateView(EditorRequiredMixin, RegisterContextMixin, CreateView):
    template_name = "beheer/register_form.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        services.register_changed(model=self.model)
        messages.success(self.request, _("%(object)s has been added.") % {"object": self.object})
        return response


class RegisterUpdateView(
    EditorRequiredMixin, RegisterContextMixin, ConcurrencyGuardMixin, UpdateView
):
    template_name = "beheer/register_form.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        if not form.errors:
            services.register_changed(model=self.model)
            messages.success(
                self.request, _("%(object)s has been saved.") % {"object": self.object}
            )
        return response


def deletion_impact(obj) -> list[dict]:
    """What deleting `obj` does to the records that refer to it."""
    effects = {
        deletion.CASCADE: _("will be deleted too"),
        deletion.SET_NULL: _("will lose this link"),
        deletion.PROTECT: _("prevent deleting it"),
    }
    impact = []
    for relation in obj._meta.related_objects:
        if issubclass(relation.related_model, HistoricalChanges) or relation.hidden:
            continue
        if relation.one_to_one:
            related = getattr(obj, relation.get_accessor_name(), None)
            items, count = ([related], 1) if related is not None else ([], 0)
        else:
            queryset = getattr(obj, relation.get_accessor_name()).all()
            count = queryset.count()
            items = list(queryset[:20]) if count else []
        if count:
            impact.append(
                {
                    "name": relation.related_model._meta.verbose_name_plural,
                    "count": count,
                    "items": items,
                    "effect": effects.get(relation.on_delete, ""),
                    "blocks": relation.on_delete is deletion.PROTECT,
                }
            )
    return impact


class RegisterDeleteView(EditorRequiredMixin, RegisterContextMixin, DeleteView):
    template_name = "beheer/register_confirm_delete.html"

    def get_form_class(self):
        # Confirming needs no fields; the model's edit form belongs to the other views.
        return Form

    def get_success_url(self):
        return reverse(f"beheer:{self.list_url_name}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["impact"] = deletion_impact(self.object)
        return context

    def form_valid(self, form):
        name = str(self.object)
        try:
            self.object.delete()
        except ProtectedError:
            messages.error(
                self.request,
                _("%(object)s is still in use and cannot be deleted.") % {"object": name},
            )
            return HttpResponseRedirect(self.object.get_absolute_url())
        services.register_changed(model=self.model)
        messages.success(self.request, _("%(object)s has been deleted.") % {"object": name})
        return HttpResponseRedirect(self.get_success_url())
