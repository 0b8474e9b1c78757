from . import ppid_unit
from . import ppid_legal_basis
from . import ppid_public_information
from . import ppid_exempted_information
from . import res_users
from . import ppid_register
from . import ppid_register_issue
from . import ppid_register_issue_line
