from . import main
from . import publication
from . import register
from . import integration
from . import redacted
