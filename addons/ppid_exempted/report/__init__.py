from . import ppid_register_report
from . import ppid_opened_report
