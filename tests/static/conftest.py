"""Every test with an ``addon`` argument runs once per addon in addons/."""

from addon_files import addon_dirs


def pytest_generate_tests(metafunc):
    if "addon" in metafunc.fixturenames:
        addons = addon_dirs()
        metafunc.parametrize("addon", addons, ids=[a.name for a in addons])
