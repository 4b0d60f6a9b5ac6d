#include "http/scratch_directory.h"

#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <system_error>

namespace ansinh::http {

namespace fs = std::filesystem;

ScratchDirectory::ScratchDirectory() {
  std::string pattern = (fs::temp_directory_path() / "ansinh-export-XXXXXX").string();
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;
  if (!path_.empty()) fs::remove_all(path_, ignored);
}

Result<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.is_open() || (!in.good() && !in.eof())) {
    return Fail(ErrorKind::kUnavailable, "export.read_failed", "Không đọc lại được tệp xuất.");
  }
  return bytes;
}

}  // namespace ansinh::http
