from . import ppid_exempted_reason_wizard
from . import ppid_holiday_load_wizard
from . import ppid_register_wizard
from . import ppid_exempted_archive_wizard
from . import ppid_custody_transfer_wizard
from . import ppid_register_wizard_review
from . import ppid_scheduled_opening_wizard
