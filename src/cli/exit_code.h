// The one mapping from an error kind to a process exit code (sysexits-like).
#pragma once

#include "core/error.h"

namespace ansinh::cli {

// 0 is success; every failure kind has its own non-zero code so scripts can
// tell "fix your input" (65) from "database unreachable" (69).
int ExitCodeFor(ErrorKind kind);

}  // namespace ansinh::cli
