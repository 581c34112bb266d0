"""{% about obj %}: the decisions and actions about a component, role, KPI, success
factor, matrix version or assessment, on that object's own page.

A tag rather than context from each view: the pages belong to other apps, which
then need not know how the governance app stores or guards its records. Two
queries, whatever the number of decisions and actions."""

from django import template

from governance import access, selectors

register = template.Library()


@register.inclusion_tag("governance/_about.html", takes_context=True)
def about(context, obj, actions=True):
    user = context["request"].user
    return {
        "decisions": list(access.readable_decisions(user, selectors.decisions_about(obj))),
        "actions": (
            list(access.readable_actions(user, selectors.actions_about(obj))) if actions else None
        ),
    }
