"""`scribe users ...` (web app accounts) and `scribe sso ...` (a tenant's OpenID Connect provider).

The same operations as the admin API (/v1/users, /v1/sso), for the first admin of a new clinic and for a
locked-out admin. Passwords and client secrets are read from stdin (--password-stdin, --client-secret-stdin)
so they never sit in the shell's history or the process list. The audit log records these as actor "cli".
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from scribe.commands.common import init
from scribe.errors import ApiError, ScribeError

ROLE = click.Choice(["clinician", "admin"])


def _cli_principal(tenant_id: str):
    from scribe.core.security import Principal

    return Principal(tenant_id, None, "cli")


@contextmanager
def _one_line_errors():
    """The service layer's refusals (409 already exists, 404 no such user) as the CLI's one-line errors."""
    try:
        yield
    except ApiError as exc:
        raise ScribeError(exc.message) from None


def _stdin_secret(what: str) -> str:
    value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise ScribeError(f"no {what} on stdin")
    return value


def _print_user(user, token: str | None) -> None:
    from scribe.service import accounts

    click.echo(f"{user.id} {user.email} {user.role} clinician_id={user.clinician_id}", err=True)
    if token:
        click.echo(accounts.invitation_url(token))
        click.echo(
            f"send this link to {user.email}: it sets their password (valid {accounts.INVITE_HOURS} h)", err=True
        )


@click.group()
def users():
    """Web app accounts: create, list, reset a password, change a role."""


@users.command("create")
@click.argument("tenant_id")
@click.argument("email")
@click.option("--role", type=ROLE, default="clinician", show_default=True)
@click.option("--clinician-id", help="The clinician id visits are recorded under (default: the email's local part).")
@click.option(
    "--password-stdin", is_flag=True, help="Read an initial password from stdin (default: an invitation link)."
)
def users_create(tenant_id, email, role, clinician_id, password_stdin):
    """Create an account; prints the invitation link to send (or nothing with --password-stdin)."""
    from scribe.service import accounts

    password = _stdin_secret("password") if password_stdin else None
    init()
    with _one_line_errors():
        user, token = accounts.create_user(_cli_principal(tenant_id), tenant_id, email, role, clinician_id, password)
    _print_user(user, token)


@users.command("list")
@click.argument("tenant_id")
def users_list(tenant_id):
    """The tenant's accounts: id, email, role, clinician id, state."""
    from scribe.core.tables import utcnow
    from scribe.service import accounts

    init()
    for u in accounts.list_users(tenant_id):
        state = "locked" if u.locked_until and u.locked_until > utcnow() else ("invited" if u.invite_hash else "active")
        origin = "sso" if u.sso_subject else ("totp" if u.totp and u.totp.get("confirmed") else "password")
        click.echo(f"{u.id:26} {u.email:32} {u.role:9} {u.clinician_id:20} {state:8} {origin}")


@users.command("reset-password")
@click.argument("tenant_id")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the new password from stdin (default: a reset link).")
def users_reset_password(tenant_id, email, password_stdin):
    """Unlock the account, end its sessions, clear its second factor; prints a reset link to send."""
    from scribe.service import accounts

    password = _stdin_secret("password") if password_stdin else None
    init()
    with _one_line_errors():
        user, token = accounts.reset_password(_cli_principal(tenant_id), tenant_id, email, password)
    _print_user(user, token)


@users.command("set-role")
@click.argument("tenant_id")
@click.argument("email")
@click.argument("role", type=ROLE)
def users_set_role(tenant_id, email, role):
    """Change an account's role (its sessions end)."""
    from scribe.service import accounts

    init()
    with _one_line_errors():
        user = accounts.set_role(_cli_principal(tenant_id), tenant_id, email, role)
    click.echo(f"{user.email} is now {user.role}", err=True)


@click.group()
def sso():
    """A tenant's single sign-on (OpenID Connect) provider."""


@sso.command("set")
@click.argument("tenant_id")
@click.option("--name", required=True, help="Shown on the sign-in button: 'Sign in with NAME'.")
@click.option("--issuer", required=True, help="The provider's issuer URL (its discovery document must answer).")
@click.option("--client-id", required=True)
@click.option("--client-secret-stdin", is_flag=True, required=True, help="Read the client secret from stdin.")
@click.option("--clinician-claim", default="sub", show_default=True, help="The claim that is the clinician id.")
@click.option("--role-claim", default="roles", show_default=True, help="The claim listing the person's roles.")
@click.option("--admin-value", default="scribe-admin", show_default=True, help="The role claim value of admins.")
def sso_set(tenant_id, name, issuer, client_id, client_secret_stdin, clinician_claim, role_claim, admin_value):
    """Set (or replace) the tenant's provider; prints the redirect path to register with it."""
    from scribe.service import sso as sso_service

    secret = _stdin_secret("client secret")
    init()
    with _one_line_errors():
        view = sso_service.configure(
            _cli_principal(tenant_id),
            tenant_id,
            name=name,
            issuer=issuer,
            client_id=client_id,
            client_secret=secret,
            clinician_claim=clinician_claim,
            role_claim=role_claim,
            admin_value=admin_value,
        )
    click.echo(f"/v1/session/sso/{view.tenant_id}/callback")
    click.echo("register <public URL> + this path as the client's redirect URI", err=True)
