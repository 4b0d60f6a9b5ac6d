// A read-only zip archive held in memory, with the limits an untrusted upload
// needs. Internal to the xlsx reader (namespace xlsx); only this file and its
// .cc know libzip.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

struct zip;

namespace ansinh::formats::xlsx {

class ZipArchive {
 public:
  // Takes the archive bytes. Errors: kInvalidInput "xlsx.not_a_zip";
  // kLimitExceeded "xlsx.too_many_entries" when it holds more than max_entries.
  static Result<ZipArchive> Open(std::string bytes, std::size_t max_entries);

  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  bool Contains(const std::string& name) const;

  // The decompressed entry. The zip-bomb guard is twofold: the size the
  // central directory declares is checked first, and decompression stops as
  // soon as more than max_bytes come out, whatever the header claimed.
  // Errors: "xlsx.missing_part"; kLimitExceeded "xlsx.entry_too_large";
  // "xlsx.corrupt_entry" (bad CRC, truncated data, unsupported method).
  Result<std::string> Read(const std::string& name, std::size_t max_bytes) const;

 private:
  ZipArchive(std::unique_ptr<std::string> bytes, zip* archive);
  Result<std::string> ReadOpened(const std::string& name, long long index,
                                 std::size_t declared_bytes, std::size_t max_bytes) const;

  std::unique_ptr<std::string> bytes_;  // heap-held so libzip's view survives moves
  zip* archive_ = nullptr;
};

}  // namespace ansinh::formats::xlsx
