#!/usr/bin/env python3
# What binding one multi-row INSERT costs per row in SQLite's name lookups (docs/benchmarks.md, "Settlement report
# import", branch recon): Microsoft.Data.Sqlite binds every parameter by name (sqlite3_bind_parameter_index), and SQLite
# finds a name by walking the statement's list of names, so a statement of R rows x 17 columns costs ~(17 R)^2 / 2 name
# comparisons. Calls the same C function through ctypes on an in-memory database, for R = 1 (the ctypes overhead alone),
# 32 and 256 rows, and prints CPU microseconds per row (CPU time: steadier than wall time on a shared machine).
# Usage: scripts/bench-sqlite-bind.py
import ctypes
import ctypes.util
import time

lib = ctypes.CDLL(ctypes.util.find_library("sqlite3"))
lib.sqlite3_bind_parameter_index.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
db = ctypes.c_void_p()
lib.sqlite3_open(b":memory:", ctypes.byref(db))
columns = 17  # a settlement line (SettlementWriter.LineColumns)
lib.sqlite3_exec(db, ("CREATE TABLE t(" + ",".join(f"c{i}" for i in range(columns)) + ")").encode(), None, None, None)
for rows in (1, 32, 256):
    sql = "INSERT INTO t VALUES " + ",".join(
        "(" + ",".join(f"@p{r * columns + c}" for c in range(columns)) + ")" for r in range(rows))
    statement = ctypes.c_void_p()
    lib.sqlite3_prepare_v2(db, sql.encode(), -1, ctypes.byref(statement), None)
    names = [f"@p{i}".encode() for i in range(rows * columns)]
    repeats = max(1, 4096 // rows)
    started = time.process_time()
    for _ in range(repeats):
        for name in names:
            lib.sqlite3_bind_parameter_index(statement, name)
    spent = time.process_time() - started
    print(f"{rows:4d} rows a statement: {spent / (repeats * rows) * 1e6:7.1f} CPU us a row")
    lib.sqlite3_finalize(statement)
