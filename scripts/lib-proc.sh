# Sourced by the benchmarks that read a server's CPU time. cpu_ms PID — the process's CPU time so far (user + system,
# /proc/PID/stat), in milliseconds; 0 once the process is gone. On a shared machine a steadier figure than wall time.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
