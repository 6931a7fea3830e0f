"""delivery limits: indexes for per-tenant fair delivery (attempts in flight) and for the visit sweeps
(abandoned visits, admission control), which select visits by status every few seconds

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deliveries_lease", "webhook_deliveries", ["lease_until", "tenant_id"])
    op.create_index("ix_visits_status", "visits", ["status", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_visits_status", table_name="visits")
    op.drop_index("ix_deliveries_lease", table_name="webhook_deliveries")
