#!/bin/bash
# Start Odoo on the database "ppid". On the first start, create it with
# ppid_exempted and its demo data (login admin / admin), in Bahasa Indonesia:
# --load-language installs id_ID before the addon, whose demo data makes it
# the language of the body and of its users (time zone WITA, Asia/Makassar).
set -euo pipefail

DB=ppid

# Reads db_host, db_user... from $ODOO_RC (config/odoo.conf).
wait-for-psql.py --timeout=60

# psql takes the connection from PGHOST, PGUSER... (docker-compose.yml).
installed=$(psql -d "$DB" -tAc \
    "SELECT 1 FROM ir_module_module WHERE name = 'ppid_exempted' AND state = 'installed'" \
    2>/dev/null || true)

if [ "$installed" != "1" ]; then
    echo "First start: creating database $DB with ppid_exempted and demo data (id_ID)"
    odoo -d "$DB" -i ppid_exempted --with-demo --load-language=id_ID --stop-after-init
fi

exec odoo -d "$DB" --db-filter="^${DB}\$" "$@"
