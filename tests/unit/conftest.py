"""Pure-Python unit tests: no Odoo registry, database or HTTP server.

When pytest-odoo is installed its autouse fixtures would build an Odoo registry
for every run; these same-named no-op fixtures replace them for this directory.
"""

import pytest


@pytest.fixture(scope="session", autouse=True)
def load_registry():
    yield


@pytest.fixture(scope="session", autouse=True)
def load_http():
    yield


@pytest.fixture(scope="module", autouse=True)
def enable_odoo_test_flag():
    yield
