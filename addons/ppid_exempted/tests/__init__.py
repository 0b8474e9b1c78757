from . import test_pipeline
from . import test_rules
from . import test_rpc_and_tour
from . import test_vault
from . import test_custody
from . import test_audit
from . import test_access_matrix
from . import test_vault_http
