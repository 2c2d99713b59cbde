"""Revocation and the register check: revoke, unrevoke, check."""

from typing import Annotated

import typer

from awards import render
from awards.commands.common import ShowFormatOption, settings
from awards.errors import Conflict
from awards.i18n import _
from awards.reports.check import RULES, check

IdsArg = Annotated[list[int], typer.Argument(metavar="ID...", help="Award ids.")]


def awards_revoke(
    ctx: typer.Context,
    award_ids: IdsArg,
    decision: Annotated[str, typer.Option("--decision", help="The revoking decision's number.")],
    on: Annotated[str, typer.Option("--on", help="Its date: 2024-03-01 or 01/03/2024.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the award was revoked.")],
) -> None:
    """Mark awards revoked by a decision.

    They are kept, shown marked, and left out of tallies and reports.
    """
    from awards.domain.build import build_award
    from awards.query.filters import find_award

    given = {"revoked_decision": decision, "revoked_on": on, "revoked_reason": reason}
    with settings(ctx).store().transaction() as tx:
        changed = []
        for award_id in dict.fromkeys(award_ids):
            award = find_award(tx, award_id)
            if award.revoked:
                message = _("award {id} is already revoked (decision {decision})")
                raise Conflict(message.format(id=award_id, decision=award.revoked_decision))
            changed.append(build_award(given, tx.phases, [], base=award))
        tx.replace_awards(changed)
    message = _("revoked {count} award(s) by decision {decision}")
    render.info(message.format(count=len(changed), decision=changed[0].revoked_decision))


def awards_unrevoke(ctx: typer.Context, award_ids: IdsArg) -> None:
    """Undo a revocation recorded by mistake."""
    from awards.domain.build import build_award
    from awards.query.filters import find_award

    cleared = dict.fromkeys(("revoked_decision", "revoked_on", "revoked_reason"), "")
    with settings(ctx).store().transaction() as tx:
        changed = []
        for award_id in dict.fromkeys(award_ids):
            award = find_award(tx, award_id)
            if not award.revoked:
                raise Conflict(_("award {id} is not revoked").format(id=award_id))
            changed.append(build_award(cleared, tx.phases, [], base=award))
        tx.replace_awards(changed)
    render.info(_("restored {count} award(s)").format(count=len(changed)))


def awards_check(
    ctx: typer.Context,
    fmt: ShowFormatOption = None,
) -> None:
    """List what breaks the rules; exit 1 if any.

    Each finding has a rule code, the award ids and an explanation. The rules: who may give
    which form at which level, collective- and individual-only forms, years outside phases,
    decision dates and numbers, probable duplicates, and names spelled two ways.
    """
    from awards.query.listing import findings_list

    # Every field, as the rules read them; the awards in their parts as read, never joined.
    records = settings(ctx).store().read(full=True, lazily=True)
    findings = check(records.award_parts(), records.phases, records.issuers, records.catalogue)
    shown = findings_list(findings)
    if findings or render.choose_format(shown.formats, fmt, None) == "json":
        render.emit(shown, fmt)
    if not findings:
        render.info(_("no problems found"))
        return
    raise typer.Exit(1)


# The rules, each with where it comes from, follow the options in the help (\b: Click keeps these
# lines as they are).
CHECK_EPILOG = "\b\n" + "\n".join(
    f"{rule.code}: {rule.title} ({rule.basis})" for rule in RULES.values()
)
