from . import main
from . import publication
