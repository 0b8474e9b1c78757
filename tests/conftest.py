"""Shared by the static and unit layers: neither may import Odoo.

Those layers must pass on a machine without Odoo, so an accidental
``import odoo`` fails here at once rather than only on such a machine.
"""

import importlib.abc
import sys


class _NoOdooImports(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname == "odoo" or fullname.startswith("odoo."):
            raise ImportError(
                f"{fullname}: the static and unit test layers must not import "
                "odoo (Odoo tests belong in the addon's tests/ folder)"
            )


sys.meta_path.insert(0, _NoOdooImports())
