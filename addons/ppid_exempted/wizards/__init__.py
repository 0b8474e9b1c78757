from . import ppid_exempted_reason_wizard
