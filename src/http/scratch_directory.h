// Exports are written by their use case into files (the same function the
// CLI calls), so an HTTP answer writes them into a private scratch directory,
// reads the bytes back and removes the directory at once.
#pragma once

#include <filesystem>
#include <string>

#include "core/error.h"

namespace ansinh::http {

// A fresh directory under the system's temporary directory, mode 0700
// (mkdtemp); removed with its content on destruction. path() is empty when it
// could not be made.
class ScratchDirectory {
 public:
  ScratchDirectory();
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The whole file. Errors: kUnavailable export.read_failed.
Result<std::string> ReadWholeFile(const std::filesystem::path& path);

}  // namespace ansinh::http
