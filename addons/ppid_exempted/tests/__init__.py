from . import test_pipeline
from . import test_rules
from . import test_rpc_and_tour
