from . import test_pipeline
from . import test_rules
from . import test_rpc_and_tour
from . import test_working_calendar
from . import test_deadlines
from . import test_expiry
from . import test_i18n
