#include "formats/xlsx_zip.h"

#include <zip.h>

#include <algorithm>
#include <utility>

#include "formats/xlsx_errors.h"

namespace ansinh::formats::xlsx {
namespace {

constexpr std::size_t kReadChunkBytes = 256u * 1024u;

// An OLE2 compound file: an .xls, or an .xlsx that Excel encrypted.
bool IsOle2(std::string_view bytes) {
  return bytes.size() >= 8 &&
         bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

Error EntryTooLarge(std::string_view name, std::size_t max_bytes) {
  Error error =
      LimitExceeded("xlsx.entry_too_large",
                    "dung lượng giải nén của phần “" + std::string(name) + "”", max_bytes);
  error.details.push_back(ErrorDetail{0, std::string(name), error.code, error.message});
  return error;
}

struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

Result<ZipArchive> ZipArchive::Open(std::string bytes, std::size_t max_entries) {
  auto owned = std::make_unique<std::string>(std::move(bytes));
  if (IsOle2(*owned)) return Fail(NotAZip(true));
  // An .xlsx starts with a local file header; this also rejects the empty
  // input, which libzip would open as an empty archive.
  if (!owned->starts_with(std::string_view("PK\x03\x04", 4))) return Fail(NotAZip(false));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(owned->data(), owned->size(), 0, &error);
  zip_error_fini(&error);
  if (source == nullptr) return Fail(NotAZip(false));
  zip_error_init(&error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return Fail(NotAZip(false));
  }
  ZipArchive result(std::move(owned), archive);
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0 || static_cast<std::size_t>(entries) > max_entries) {
    return Fail(LimitExceeded("xlsx.too_many_entries", "số phần trong tệp nén", max_entries));
  }
  return result;
}

ZipArchive::ZipArchive(std::unique_ptr<std::string> bytes, zip* archive)
    : bytes_(std::move(bytes)), archive_(archive) {}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : bytes_(std::move(other.bytes_)), archive_(std::exchange(other.archive_, nullptr)) {}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
  if (this != &other) {
    if (archive_ != nullptr) zip_discard(archive_);
    archive_ = std::exchange(other.archive_, nullptr);
    bytes_ = std::move(other.bytes_);
  }
  return *this;
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipArchive::Contains(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::Read(const std::string& name, std::size_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) return Fail(MissingPart(name));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return Fail(CorruptEntry(name));
  }
  if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > max_bytes) {
    return Fail(EntryTooLarge(name, max_bytes));
  }
  const bool declared = (stat.valid & ZIP_STAT_SIZE) != 0;
  return ReadOpened(name, index, declared ? static_cast<std::size_t>(stat.size) : 0, max_bytes);
}

Result<std::string> ZipArchive::ReadOpened(const std::string& name, long long index,
                                           std::size_t declared_bytes,
                                           std::size_t max_bytes) const {
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0));
  if (!file) return Fail(CorruptEntry(name));
  std::string data;
  data.reserve(std::min(declared_bytes, max_bytes) + 1);
  std::size_t used = 0;
  for (;;) {
    // Reads up to the declared size plus one byte, which is enough to learn
    // that the header lied; one byte past the limit is enough to stop.
    const std::size_t room = used < declared_bytes ? declared_bytes + 1 - used : kReadChunkBytes;
    const std::size_t want = std::min({kReadChunkBytes, room, max_bytes + 1 - used});
    data.resize(used + want);
    const zip_int64_t got = zip_fread(file.get(), data.data() + used, want);
    if (got < 0) return Fail(CorruptEntry(name));
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
    if (used > max_bytes) return Fail(EntryTooLarge(name, max_bytes));
  }
  data.resize(used);
  return data;
}

}  // namespace ansinh::formats::xlsx
