// Serves the built web UI (web/dist) as a single-page application.
//
// Only files under the web directory are ever read: a request path is resolved
// from its decoded segments, any ".", "..", empty-after-decoding, NUL, backslash
// or encoded "/" segment is refused, and the resolved file must still lie under
// the canonical web directory (so a symbolic link cannot lead out of it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace ansinh::http {

// The web directory compiled in (ANSINH_WEB_DIR); `serve --web-dir` overrides it.
inline constexpr const char* kDefaultWebDir = ANSINH_WEB_DIR;

// "text/javascript; charset=utf-8" for "app.js"; application/octet-stream if unknown.
std::string_view ContentTypeFor(const std::filesystem::path& file);

// Thread safety: immutable after construction; Serve may run on many threads.
class StaticFiles {
 public:
  // A larger file is refused rather than read into memory.
  static constexpr std::uintmax_t kMaxFileBytes = 16 * 1024 * 1024;

  explicit StaticFiles(std::filesystem::path web_dir);

  // True when the web directory holds an index.html (the UI was built).
  bool HasIndex() const;

  // REQUIRES: request.method is GET or HEAD and the path is not an API path.
  // Returns the file, index.html for an extension-less path that names no file
  // (client-side routes), 400 for a refused path, 404 otherwise.
  Response Serve(const Request& request) const;

 private:
  std::optional<std::filesystem::path> Resolve(const Request& request) const;
  Response FileResponse(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;  // canonical when it exists
};

}  // namespace ansinh::http
