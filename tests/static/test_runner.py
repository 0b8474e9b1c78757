"""tests/run.py reads Odoo's log the way Odoo 19 writes it."""

import importlib.util

from addon_files import REPO

spec = importlib.util.spec_from_file_location("run", REPO / "tests" / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)

LOG = """\
2026-11-22 01:02:03,456 1234 INFO db odoo.modules.loading: loading 1 modules...
2026-11-22 01:02:04,001 1234 INFO db odoo.addons.x.tests.t: Starting T.test_a ...
2026-11-22 01:02:04,002 1234 INFO db odoo.addons.x.tests.t: skipped T.test_b : why
2026-11-22 01:02:05,000 1234 ERROR db odoo.addons.x.tests.t: FAIL: T.test_c
Traceback (most recent call last):
AssertionError: 1 != 2
2026-11-22 01:02:06,000 1234 WARNING db odoo.models: a warning
2026-11-22 01:02:07,000 1234 INFO db odoo.tests.result: \
1 failed, 0 error(s) of 3 tests when loading database 'db'
"""


def write_log(tmp_path, text=LOG):
    path = tmp_path / "odoo.log"
    path.write_text(text)
    return path


def test_bad_lines_keep_their_traceback(tmp_path):
    bad = run.bad_log_lines(write_log(tmp_path))
    assert bad[0].endswith("FAIL: T.test_c")
    assert bad[1:3] == [
        "    Traceback (most recent call last):",
        "    AssertionError: 1 != 2",
    ]
    assert bad[3].endswith("a warning")
    assert run.count(bad) == 2


def test_info_lines_are_not_bad(tmp_path):
    text = "".join(line + "\n" for line in LOG.splitlines()[:3])
    assert run.bad_log_lines(write_log(tmp_path, text)) == []


def test_test_counts(tmp_path):
    assert run.parse_test_counts(write_log(tmp_path)) == (3, 1, 0, 1)


def test_no_summary(tmp_path):
    assert run.parse_test_counts(write_log(tmp_path, "nothing\n")) is None


def test_odoo_counts_make_a_failed_layer(tmp_path):
    result = run.LayerResult("odoo")
    run.add_test_counts(result, write_log(tmp_path))
    assert (result.passed, result.failed, result.skipped) == (1, 1, 1)


def test_zero_tests_fail_the_layer(tmp_path):
    text = (
        "2026-11-22 01:02:07,000 1 WARNING db odoo.tests.result: "
        "0 failed, 0 error(s) of 0 tests when loading database 'db'\n"
    )
    result = run.LayerResult("odoo")
    run.add_test_counts(result, write_log(tmp_path, text))
    assert result.failed == 1


def test_summary_ends_with_the_total_line(capsys):
    results = [
        run.LayerResult("static", passed=5),
        run.LayerResult("odoo", ran=False, notes=["NOT RUN — no Odoo"]),
    ]
    assert run.print_summary(results) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "odoo layer: NOT RUN — no Odoo" in lines
    assert lines[-1] == "TOTAL: 5 passed, 0 failed"


def test_only_the_unpatched_wkhtmltopdf_notice_is_forgiven(tmp_path):
    text = (
        "2026-11-22 01:02:03,456 1234 WARNING db odoo.addons.base.models."
        "ir_actions_report: wkhtmltopdf: The switch --header-spacing, is not "
        "support using unpatched qt, and will be ignored.\n"
        "2026-11-22 01:02:04,456 1234 WARNING db odoo.addons.base.models."
        "ir_actions_report: wkhtmltopdf: Exit with code 1 due to network error\n"
    )
    bad = run.bad_log_lines(write_log(tmp_path, text))
    assert len(bad) == 1
    assert bad[0].endswith("network error")
