#include "cli/exit_code.h"

namespace ansinh::cli {

int ExitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return 65;     // EX_DATAERR
    case ErrorKind::kNotFound: return 66;         // EX_NOINPUT
    case ErrorKind::kConflict: return 75;         // EX_TEMPFAIL: state forbids it now
    case ErrorKind::kUnauthenticated: return 77;  // EX_NOPERM
    case ErrorKind::kForbidden: return 77;        // EX_NOPERM
    case ErrorKind::kLimitExceeded: return 65;    // EX_DATAERR: input too large
    case ErrorKind::kUnavailable: return 69;      // EX_UNAVAILABLE
    case ErrorKind::kInternal: return 70;         // EX_SOFTWARE
  }
  return 70;
}

}  // namespace ansinh::cli
