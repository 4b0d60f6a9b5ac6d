// Reads a PDF back for the tests: the text poppler's pdftotext finds in it
// (with -layout, so a table row stays on one line) or pdfinfo's summary.
#pragma once

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace ansinh::test {

// `tool` is "pdftotext -layout" or "pdfinfo"; the bytes go through a
// temporary file because both tools want a seekable input; `tail` follows the
// file name ("-": pdftotext's standard output).
inline std::string PopplerOutput(const std::string& tool, const std::string& pdf,
                                 const std::string& tail = "") {
  const auto path =
      std::filesystem::temp_directory_path() / ("ansinh-pdf-" + std::to_string(getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  struct PipeClose {
    void operator()(FILE* pipe) const { pclose(pipe); }
  };
  std::string out;
  std::unique_ptr<FILE, PipeClose> pipe(
      popen((tool + " '" + path.string() + "' " + tail).c_str(), "r"));
  std::array<char, 4096> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
  pipe.reset();
  std::filesystem::remove(path);
  return out;
}

inline std::string PdfText(const std::string& pdf) {
  return PopplerOutput("pdftotext -layout", pdf, "-");
}

}  // namespace ansinh::test
