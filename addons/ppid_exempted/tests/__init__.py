from . import test_pipeline
from . import test_rules
from . import test_rpc_and_tour
from . import test_register
from . import test_publication
from . import test_dashboard
