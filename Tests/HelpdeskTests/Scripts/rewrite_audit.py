#!/usr/bin/env python3
"""Rewrites a helpdesk database's audit log the way someone who can write the file would
hide a change: edit or delete, then recompute the whole hash chain, so that the chain
alone (`helpdesk audit verify`) still says intact. Python's standard library only: SQL
and SHA-256 are all it takes, which is why the daemon anchors the hashes elsewhere.

    rewrite_audit.py DATABASE decider REQUEST USER   says USER decided request REQUEST
    rewrite_audit.py DATABASE delete ENTRY           removes audit entry ENTRY

Prints the ids of the entries whose hash changed, one line, space separated.
"""

import hashlib
import json
import sqlite3
import sys

GENESIS = "0" * 64


def entry_hash(previous, at, actor, action, subject, detail):
    """What HelpdeskDatabase.entryHash computes: SHA-256 of the fields as a JSON array,
    encoded as Swift's JSONEncoder does it (no spaces, "/" escaped, UTF-8 kept), with the
    time as Swift prints a Double (the shortest form that reads back, as Python's repr)."""
    fields = [previous, repr(float(at)), actor, action, subject, detail]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rechain(db):
    """Recomputes every entry's links and hashes; returns the ids that changed."""
    changed = []
    previous = GENESIS
    rows = db.execute("SELECT id, at, actor, action, subject, detail, hash FROM audit ORDER BY id").fetchall()
    for id, at, actor, action, subject, detail, old in rows:
        new = entry_hash(previous, at, actor, action, subject, detail)
        db.execute("UPDATE audit SET previousHash = ?, hash = ? WHERE id = ?", (previous, new, id))
        if new != old:
            changed.append(id)
        previous = new
    return changed


def main():
    path, mode, *rest = sys.argv[1:]
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    if mode == "decider":
        request, user = rest
        db.execute("UPDATE approval SET decidedBy = ? WHERE id = ?", (user, int(request)))
        db.execute(
            "UPDATE audit SET actor = ? WHERE subject = ? AND action IN ('approval.approved', 'approval.denied')",
            (user, f"request/{request}"),
        )
    elif mode == "delete":
        db.execute("DELETE FROM audit WHERE id = ?", (int(rest[0]),))
    else:
        sys.exit(f"unknown mode {mode}")
    changed = rechain(db)
    db.execute("COMMIT")
    print(" ".join(map(str, changed)))


if __name__ == "__main__":
    main()
