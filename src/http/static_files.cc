#include "http/static_files.h"

#include <array>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "core/error.h"
#include "http/error_status.h"

namespace ansinh::http {
namespace {

namespace fs = std::filesystem;

struct ContentTypeEntry {
  std::string_view extension;
  std::string_view content_type;
};

constexpr std::array<ContentTypeEntry, 12> kContentTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
}};

// Vite puts content-hashed file names under /assets/, so they never change.
constexpr std::string_view kImmutableCacheControl = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidateCacheControl = "no-cache";

bool IsSafeSegment(std::string_view segment) {
  if (segment.empty() || segment == "." || segment == "..") return false;
  return segment.find_first_of(std::string_view("/\\\0", 3)) == std::string_view::npos;
}

Response NotFound() {
  return ErrorResponse(404, MakeError(ErrorKind::kNotFound, "http.not_found",
                                      "Không tìm thấy trang hoặc tệp được yêu cầu."));
}

Response BadPath() {
  return ErrorResponse(400, MakeError(ErrorKind::kInvalidInput, "http.path_invalid",
                                      "Đường dẫn không hợp lệ."));
}

bool IsUnder(const fs::path& file, const fs::path& root) {
  const auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return root_end == root.end();
}

}  // namespace

std::string_view ContentTypeFor(const fs::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& entry : kContentTypes) {
    if (extension == entry.extension) return entry.content_type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path web_dir) {
  std::error_code error;
  root_ = fs::weakly_canonical(web_dir, error);
  if (error) root_ = std::move(web_dir);
}

bool StaticFiles::HasIndex() const {
  std::error_code error;
  return fs::is_regular_file(root_ / "index.html", error);
}

std::optional<fs::path> StaticFiles::Resolve(const Request& request) const {
  fs::path file = root_;
  const auto& segments = request.path_segments;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const bool trailing_slash = i + 1 == segments.size() && segments[i].empty();
    if (trailing_slash) break;
    if (!IsSafeSegment(segments[i])) return std::nullopt;
    file /= segments[i];
  }
  return file;
}

Response StaticFiles::Serve(const Request& request) const {
  const bool is_root = request.path_segments.empty() ||
                       (request.path_segments.size() == 1 && request.path_segments[0].empty());
  if (is_root) return FileResponse(root_ / "index.html", false);
  const auto file = Resolve(request);
  if (!file) return BadPath();
  std::error_code error;
  const fs::path canonical = fs::canonical(*file, error);
  if (!error && IsUnder(canonical, root_) && fs::is_regular_file(canonical, error)) {
    const bool immutable = request.path_segments.front() == "assets";
    return FileResponse(canonical, immutable);
  }
  // A path without an extension is a client-side route of the single-page app.
  if (!file->has_extension()) return FileResponse(root_ / "index.html", false);
  return NotFound();
}

Response StaticFiles::FileResponse(const fs::path& file, bool immutable) const {
  std::error_code error;
  const std::uintmax_t size_bytes = fs::file_size(file, error);
  if (error || size_bytes > kMaxFileBytes) return NotFound();
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return NotFound();
  Response response;
  response.body.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
  if (stream.bad()) return NotFound();
  response.SetHeader("Content-Type", std::string(ContentTypeFor(file)));
  response.SetHeader("Cache-Control",
                     std::string(immutable ? kImmutableCacheControl : kRevalidateCacheControl));
  return response;
}

}  // namespace ansinh::http
