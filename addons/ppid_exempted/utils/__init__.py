"""Pure-Python helpers (no Odoo imports) shared by models and plain unit tests."""
