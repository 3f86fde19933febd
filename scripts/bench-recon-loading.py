#!/usr/bin/env python3
# The settlement import's loading phase (issue 16, CreditWindow) as SQL alone, on the database scripts/bench-reconciliation.sh
# seeded (BENCH_SEED_CACHE keeps it): the reads before commit 546f74d (one per settlement day, authorisation from three
# days before to two after) against after (each authorisation range once); rows returned and this process's CPU seconds
# (SQLite runs in-process, default 2 MB page cache like the server's connection). Stores in UTC+0/+1 (the seeder's).
# Usage: scripts/bench-recon-loading.py DB FIRST_BOOKING_DAY LAST_BOOKING_DAY   (days as 2026-11-03)
import sqlite3, json, time, datetime, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
stores = json.dumps([r[0] for r in db.execute("select Code from Stores")])
def ms(d): return int(datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone.utc).timestamp() * 1000)
D = datetime.timedelta(days=1); H = 3600_000
first, last = datetime.date.fromisoformat(sys.argv[2]), datetime.date.fromisoformat(sys.argv[3])
walked_from, earliest, latest = first - 3 * D, -2 * H, 3 * H
cols = "TerminalId, TransactionId, StoreCode, AmountMinor, Currency, Rrn, AuthCode, SettledAtMs, AuthorizedAtMs"
def old():
    n = 0; loads = [(walked_from, first + D)] + [(d + D, d + D) for d in (first + i * D for i in range(1, (last - first).days + 1))]
    for f, t in loads:
        n += len(db.execute(f"select {cols} from Transactions where StoreCode in (select value from json_each(?)) and AuthorizedAtMs >= ? and AuthorizedAtMs < ? and LastStage = 'settled' and SettledAtMs >= ? and SettledAtMs < ?",
            (stores, ms(f - 3 * D), ms(t + 2 * D), ms(f) - latest, ms(t + D) - earliest)).fetchall())
    return n, len(loads)
def new():
    n = 0; start = ms(walked_from - 3 * D) - latest; q = 0
    for t in [first + D] + [d + D for d in (first + i * D for i in range(1, (last - first).days + 1))]:
        end = ms(t + D) - earliest
        n += len(db.execute(f"select {cols} from Transactions where StoreCode in (select value from json_each(?)) and AuthorizedAtMs >= ? and AuthorizedAtMs < ? and LastStage = 'settled' and SettledAtMs >= ?",
            (stores, start, end, ms(walked_from) - latest)).fetchall())
        start = end; q += 1
    return n, q
for name, f in (("old", old), ("new", new), ("old", old), ("new", new)):
    c = time.process_time(); w = time.time(); rows, queries = f()
    print(f"{name}: {queries} queries, {rows} rows returned, {time.process_time() - c:.2f} CPU s, {time.time() - w:.1f} s wall", flush=True)
