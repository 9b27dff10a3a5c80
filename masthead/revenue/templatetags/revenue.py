"""The donation box, the campaign banner and the partner banner, for any page's template."""

from django import template

from ..configuration import revenue_offer
from ..views import donation_context, live_campaigns

register = template.Library()


@register.inclusion_tag("revenue/components/donation_block.html", takes_context=True)
def donation_block(context: template.Context, where: str = "article") -> dict:
    """The donation box (under articles only when the newsroom shows it there)."""
    request = context.get("request")
    if request is None:
        return {"hidden": True}
    if where == "article" and not revenue_offer(request)[0].show_on_articles:
        return {"hidden": True}
    return {**donation_context(request), "where": where}


@register.inclusion_tag("revenue/components/campaign_banner.html", takes_context=True)
def campaign_banner(context: template.Context) -> dict:
    """The site-wide banner of the newest live campaign that runs one."""
    request = context.get("request")
    campaign = next((c for c in live_campaigns(request) if c.show_banner), None)
    return {"campaign": campaign}


@register.inclusion_tag("revenue/components/partner_banner.html", takes_context=True)
def partner_banner(context: template.Context) -> dict:
    request = context.get("request")
    text = revenue_offer(request)[0].partner_banner_text if request is not None else ""
    return {"partner_text": text}
