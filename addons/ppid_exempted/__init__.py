from . import controllers
from . import models
from . import report
from . import wizards
from .http_unavailable import install as _install_http_unavailable


def post_load():
    """Answer 503 while the database server is down (http_unavailable)."""
    _install_http_unavailable()
