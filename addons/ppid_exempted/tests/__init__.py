from . import test_pipeline
from . import test_rules
from . import test_rpc_and_tour
from . import test_consequence_test
from . import test_classification_decree
from . import test_reports
from . import test_classification_http
