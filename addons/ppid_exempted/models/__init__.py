from . import ppid_unit
from . import ppid_legal_basis
from . import ppid_public_information
from . import ppid_exempted_information
from . import res_users
