// The one error model of ansinh (STYLE.md §4): expected failures are values.
//
// An Error carries a kind (what the caller can do about it; mapped to an HTTP
// status in http/error_status.cc and to an exit code in cli/exit_code.cc), a
// stable machine code ("citizen_id.province_unknown"), a Vietnamese message a
// person can act on, and optional details naming the row and field at fault.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace ansinh {

enum class ErrorKind {
  kInvalidInput,     // the caller sent something malformed or inconsistent
  kNotFound,         // the thing does not exist (or is outside the caller's scope)
  kConflict,         // the state forbids it (duplicate, already approved, ...)
  kUnauthenticated,  // no valid session or token
  kForbidden,        // authenticated but not allowed
  kLimitExceeded,    // a configured limit (size, rows, rate) was hit
  kUnavailable,      // a dependency (database, registry) cannot be reached
  kInternal,         // a bug or broken invariant; details never leak to clients
};

// Names the place of a problem: a CSV row and column, a JSON field, a URL part.
// row is 1-based as a spreadsheet user counts; 0 when there is no row.
struct ErrorDetail {
  long row = 0;
  std::string field;
  std::string code;
  std::string message;
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;
  std::string message;  // Vietnamese, NFC, for the person who must fix it
  std::vector<ErrorDetail> details;
};

inline Error MakeError(ErrorKind kind, std::string code, std::string message) {
  return Error{kind, std::move(code), std::move(message), {}};
}

inline tl::unexpected<Error> Fail(ErrorKind kind, std::string code, std::string message) {
  return tl::unexpected<Error>(MakeError(kind, std::move(code), std::move(message)));
}

inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

template <class T>
using Result = tl::expected<T, Error>;

// For operations that return nothing on success.
using Status = tl::expected<void, Error>;

// A short English name of the kind, for logs and JSON ("invalid_input").
const char* ErrorKindName(ErrorKind kind);

}  // namespace ansinh
