// yusuan/diagnostics/source.hpp -- source files and places in them.
//
// A `source_file` keeps a file's text alive for as long as a span points into
// it; lines and columns are computed on demand (columns count characters).
#pragma once

#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

/// Where a line of a text taken from a larger file was in that file.
struct line_origin {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // characters of the file's line left out before the text's line
  friend bool operator==(const line_origin&, const line_origin&) = default;
};

/// The offsets where the lines of `text` start (the first is 0): a line ends
/// at LF, at CR LF, or at a CR alone (old Mac files, some exports).
inline std::vector<std::uint32_t> line_starts(std::string_view text) {
  std::vector<std::uint32_t> starts{0};
  const char* const b = text.data();
  const char* const e = b + text.size();
  if (std::memchr(b, '\r', text.size()) == nullptr) {
    for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)))); ++p)
      starts.push_back(static_cast<std::uint32_t>(p + 1 - b));
  } else {
    for (const char* p = b; p < e; ++p)
      if (*p == '\n' || (*p == '\r' && (p + 1 == e || p[1] != '\n'))) starts.push_back(static_cast<std::uint32_t>(p + 1 - b));
  }
  return starts;
}

/// A file's text, kept alive for as long as anything points into it.
class source_file : public std::enable_shared_from_this<source_file> {
public:
  source_file(std::string name, std::string text)
      : name_(std::move(name)), text_(std::move(text)), line_starts_(line_starts(text_)) {}
  /// A text made of lines taken from a larger file (a test of rules: its
  /// lines and the file's shared statements): `origins` says where each line
  /// of the text was in the file, in order.
  source_file(std::string name, std::string text, std::vector<line_origin> origins)
      : source_file(std::move(name), std::move(text)) {
    origins_ = std::move(origins);
  }
  const std::string& name() const noexcept { return name_; }
  std::string_view text() const noexcept { return text_; }

  /// The line of the file a 1-based line of the text was taken from (the
  /// same line unless the text was made of lines of a larger file).
  std::uint32_t file_line(std::uint32_t line) const noexcept {
    if (origins_.empty() || line == 0) return line;
    if (line <= origins_.size()) return origins_[line - 1].line;
    return origins_.back().line + (line - static_cast<std::uint32_t>(origins_.size()));  // the end of the text
  }
  /// Characters of the file's line left out before a 1-based line of the text.
  std::uint32_t columns_left_out(std::uint32_t line) const noexcept {
    return line >= 1 && line <= origins_.size() ? origins_[line - 1].column : 0;
  }

  /// 1-based line of a byte offset.
  std::uint32_t line_of(std::size_t offset) const noexcept {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::uint32_t>(offset));
    return static_cast<std::uint32_t>(it - line_starts_.begin());
  }
  /// The text of a 1-based line, without its line break.
  std::string_view line_text(std::uint32_t line) const noexcept {
    if (line == 0 || line > line_starts_.size()) return {};
    const std::size_t b = line_starts_[line - 1];
    std::size_t e = line < line_starts_.size() ? line_starts_[line] : text_.size();
    while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
    return std::string_view(text_).substr(b, e - b);
  }
  std::size_t line_start(std::uint32_t line) const noexcept { return line_starts_[line - 1]; }
  std::uint32_t line_count() const noexcept { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// 1-based column in characters of a byte offset (in the file's line).
  std::uint32_t column_of(std::size_t offset) const noexcept {
    const auto line = line_of(offset);
    const std::size_t b = line_starts_[line - 1];
    return static_cast<std::uint32_t>(text::length(std::string_view(text_).substr(b, offset - b)) + 1) +
           columns_left_out(line);
  }

private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  std::vector<line_origin> origins_;  // empty: the text is the file
};

/// A place in a source file: the file and a byte range.
struct source_span {
  const source_file* file = nullptr;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  explicit operator bool() const noexcept { return file != nullptr; }
};

/// The resolved, printable form of a location.
struct location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;  // characters, 1-based
};

inline location resolve(const source_span& s) {
  if (!s.file) return {};
  return {s.file->name(), s.file->file_line(s.file->line_of(s.offset)), s.file->column_of(s.offset)};
}

}  // namespace yusuan
