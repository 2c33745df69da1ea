"""Every write to a ledger, as operations: checked, permitted, recorded, announced.

`from pairing_desktop.core import operations as ops`, then `ops.save(ledger, "household", …)`.
"""

from pairing_desktop.core.operations.accounts import (
    create_first_admin,
    create_operator,
    reset_password,
    set_auto_login,
    set_disabled,
)
from pairing_desktop.core.operations.assignments import reassign
from pairing_desktop.core.operations.base import Operation, operation
from pairing_desktop.core.operations.packages import (
    export_package,
    import_package,
    resolve_conflict,
)
from pairing_desktop.core.operations.records import delete, restore, save
from pairing_desktop.core.operations.settings import set_setting
from pairing_desktop.core.operations.targets import copy_last_year
from pairing_desktop.core.operations.undo import can_redo, can_undo, redo, undo

__all__ = ["Operation", "can_redo", "can_undo", "copy_last_year", "create_first_admin",
           "create_operator", "delete", "export_package", "import_package", "operation",
           "reassign", "redo", "reset_password", "resolve_conflict", "restore",
           "save", "set_auto_login", "set_disabled", "set_setting", "undo"]
