from . import ppid_report_mixin
from . import report_notification_letter
from . import report_receipt
from . import report_handover
from . import report_consequence_test
from . import report_classification_decree
from . import ppid_register_report
from . import ppid_opened_report
