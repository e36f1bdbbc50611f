"""On PostgreSQL the database itself refuses UPDATE, DELETE and TRUNCATE of ledger rows
(transactions, entries, donations, allocations, disbursements), as for the audit trail
(docs/adr/0003 and 0008).

TRUNCATE passes only in a session that sets ``giamngheo.audit_truncate = 'on'`` (the test
suite empties throwaway databases that way). Corrections are reversals, never edits.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLES = (
    "funds_ledgertransaction",
    "funds_ledgerentry",
    "funds_donation",
    "funds_allocation",
    "funds_disbursement",
)

FUNCTION = """
CREATE FUNCTION funds_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('giamngheo.audit_truncate', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
"""

TRIGGERS = """
CREATE TRIGGER {t}_no_update_delete BEFORE UPDATE OR DELETE ON {t}
  FOR EACH ROW EXECUTE FUNCTION funds_append_only();
CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t}
  FOR EACH STATEMENT EXECUTE FUNCTION funds_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS {t}_no_truncate ON {t};
DROP TRIGGER IF EXISTS {t}_no_update_delete ON {t};
"""

FORWARD = FUNCTION + "".join(TRIGGERS.format(t=t) for t in TABLES)
BACKWARD = (
    "".join(DROP.format(t=t) for t in TABLES) + "DROP FUNCTION IF EXISTS funds_append_only();"
)


def _on_postgresql(sql: str):  # type: ignore[no-untyped-def]
    def run(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("funds", "0001_initial")]
    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
