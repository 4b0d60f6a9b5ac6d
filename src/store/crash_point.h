// Deliberate crashes for the exactly-once tests (issue 5 item 9,
// tests/integration/exactly_once_kill_test.cc). With ANSINH_CRASH_AT=N (N ≥ 1)
// in the environment, the process kills itself with SIGKILL — no destructor,
// no rollback, no flush, exactly as `kill -9` — when it reaches its N-th
// crash point. Every statement a session executes (BEGIN and COMMIT included)
// is a crash point, and so is every export file about to be renamed into
// place. Unset, a crash point costs one relaxed atomic load.
#pragma once

namespace ansinh::store {

// Counts one crash point; raises SIGKILL when it is the N-th.
void CrashPoint();

}  // namespace ansinh::store
