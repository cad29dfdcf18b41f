// yusuan/diagnostic.hpp -- source files, locations and diagnostics.
//
// Diagnostics follow the rustc / clang layout:
//
//   error[E0301]: constraint failed: 三公经费 = 9.20
//     --> budgets/x.budget:12:5
//      |
//   12 |     核对 三公经费 = 9.20
//      |     ^^^^ expected 9.20, found 9.30 (difference 0.10 万元)
//      = note: ...
//
// Columns count characters (not bytes); carets are placed by display width,
// two columns for CJK and other wide characters.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

// ---------------------------------------------------------------------------
// UTF-8 helpers
// ---------------------------------------------------------------------------

namespace utf8 {

/// Decodes one code point at s[i]; advances i.  Invalid bytes decode as
/// U+FFFD and advance by one.
inline char32_t decode(std::string_view s, std::size_t& i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (c < 0x80) {
    ++i;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    const int b1 = cont(1);
    if (b1 >= 0) {
      i += 2;
      return static_cast<char32_t>(((c & 0x1F) << 6) | b1);
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    const int b1 = cont(1), b2 = cont(2);
    if (b1 >= 0 && b2 >= 0) {
      const char32_t cp = static_cast<char32_t>(((c & 0x0F) << 12) | (b1 << 6) | b2);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        i += 3;
        return cp;
      }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    const int b1 = cont(1), b2 = cont(2), b3 = cont(3);
    if (b1 >= 0 && b2 >= 0 && b3 >= 0) {
      const char32_t cp = static_cast<char32_t>(((c & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3);
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        i += 4;
        return cp;
      }
    }
  }
  ++i;
  return 0xFFFD;
}

/// Offset of the first byte that is not valid UTF-8, or npos.
inline std::size_t first_invalid(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    if (decode(s, i) == 0xFFFD && !(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) return at;
  }
  return std::string_view::npos;
}

/// Terminal columns of a code point: 2 for East Asian wide and fullwidth
/// characters, 0 for combining marks, 1 otherwise.
inline int width(char32_t cp) noexcept {
  if (cp == 0) return 0;
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

/// Display width of a UTF-8 string.
inline std::size_t display_width(std::string_view s) noexcept {
  std::size_t w = 0, i = 0;
  while (i < s.size()) w += static_cast<std::size_t>(width(decode(s, i)));
  return w;
}

/// Number of code points.
inline std::size_t length(std::string_view s) noexcept {
  std::size_t n = 0, i = 0;
  while (i < s.size()) {
    decode(s, i);
    ++n;
  }
  return n;
}

/// Pads `s` with spaces to `columns` display columns (left-aligned, or
/// right-aligned when `right`).
inline std::string pad(std::string_view s, std::size_t columns, bool right = false) {
  const std::size_t w = display_width(s);
  if (w >= columns) return std::string(s);
  std::string fill(columns - w, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

/// Appends a code point as UTF-8.
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace utf8

// ---------------------------------------------------------------------------
// Source files and locations
// ---------------------------------------------------------------------------

/// A file's text, kept alive for as long as anything points into it.
class source_file {
public:
  source_file(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
  const std::string& name() const noexcept { return name_; }
  std::string_view text() const noexcept { return text_; }

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
  /// 1-based column in characters of a byte offset.
  std::uint32_t column_of(std::size_t offset) const noexcept {
    const auto line = line_of(offset);
    const std::size_t b = line_starts_[line - 1];
    return static_cast<std::uint32_t>(utf8::length(std::string_view(text_).substr(b, offset - b)) + 1);
  }

private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
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
  return {s.file->name(), s.file->line_of(s.offset), s.file->column_of(s.offset)};
}

// ---------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------

enum class severity { error, warning, note };

inline std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

/// A secondary message, optionally with its own location.
struct diagnostic_note {
  std::string message;
  source_span span;
};

/// One problem found in a budget.  `code` is stable (E0101, W0402, …) and
/// documented in docs/diagnostics.md.  `label` is the short text printed
/// under the caret ("expected an amount, found '3o.5'").
struct diagnostic {
  severity level = severity::error;
  std::string code;
  std::string message;
  source_span span;
  std::string label;
  std::string expected;
  std::string found;
  std::vector<diagnostic_note> notes;
};

/// The diagnostics of one run, with counts.
class diagnostics {
public:
  void add(diagnostic d) {
    if (d.level == severity::error) ++errors_;
    else if (d.level == severity::warning) ++warnings_;
    list_.push_back(std::move(d));
  }
  std::size_t error_count() const noexcept { return errors_; }
  std::size_t warning_count() const noexcept { return warnings_; }
  bool has_errors() const noexcept { return errors_ != 0; }
  bool empty() const noexcept { return list_.empty(); }
  std::size_t size() const noexcept { return list_.size(); }
  const std::vector<diagnostic>& list() const noexcept { return list_; }
  auto begin() const noexcept { return list_.begin(); }
  auto end() const noexcept { return list_.end(); }
  const diagnostic& operator[](std::size_t i) const { return list_[i]; }
  /// Turns every warning into an error (--werror).
  void promote_warnings() {
    for (auto& d : list_)
      if (d.level == severity::warning) {
        d.level = severity::error;
        --warnings_;
        ++errors_;
      }
  }
  void append(const diagnostics& o) {
    for (const auto& d : o.list_) add(d);
    for (const auto& f : o.files_) keep(f);
  }
  /// Keeps a source file alive for as long as these diagnostics point into it.
  void keep(std::shared_ptr<const source_file> file) {
    if (std::find(files_.begin(), files_.end(), file) == files_.end()) files_.push_back(std::move(file));
  }

private:
  std::vector<diagnostic> list_;
  std::vector<std::shared_ptr<const source_file>> files_;
  std::size_t errors_ = 0, warnings_ = 0;
};

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

struct render_options {
  bool color = false;
};

namespace detail {

struct ansi {
  bool on;
  const char* red() const { return on ? "\033[1;31m" : ""; }
  const char* yellow() const { return on ? "\033[1;33m" : ""; }
  const char* blue() const { return on ? "\033[1;34m" : ""; }
  const char* green() const { return on ? "\033[1;32m" : ""; }
  const char* bold() const { return on ? "\033[1m" : ""; }
  const char* reset() const { return on ? "\033[0m" : ""; }
};

inline void render_snippet(std::ostream& os, const source_span& span, const std::string& label, const char* colour,
                           const ansi& c, char caret_char = '^') {
  const auto line = span.file->line_of(span.offset);
  const auto text = span.file->line_text(line);
  const std::size_t line_begin = span.file->line_start(line);
  const std::string num = std::to_string(line);
  const std::string gutter(num.size(), ' ');
  // Expand tabs to single spaces so that columns stay aligned.
  std::string shown(text);
  std::replace(shown.begin(), shown.end(), '\t', ' ');
  os << c.blue() << gutter << " |" << c.reset() << "\n";
  os << c.blue() << num << " |" << c.reset() << " " << shown << "\n";
  const std::size_t start = std::min<std::size_t>(span.offset - line_begin, text.size());
  std::size_t end = std::min<std::size_t>(start + span.length, text.size());
  const std::size_t pad = utf8::display_width(text.substr(0, start));
  std::size_t width = utf8::display_width(text.substr(start, end - start));
  if (width == 0) width = 1;
  os << c.blue() << gutter << " |" << c.reset() << " " << std::string(pad, ' ') << colour
     << std::string(width, caret_char);
  if (!label.empty()) os << " " << label;
  os << c.reset() << "\n";
}

}  // namespace detail

/// Writes one diagnostic as text, in the style of rustc and clang.
inline void render_text(std::ostream& os, const diagnostic& d, const render_options& opt = {}) {
  const detail::ansi c{opt.color};
  const char* colour = d.level == severity::error ? c.red() : d.level == severity::warning ? c.yellow() : c.green();
  os << colour << to_string(d.level);
  if (!d.code.empty()) os << "[" << d.code << "]";
  os << c.reset() << c.bold() << ": " << d.message << c.reset() << "\n";
  if (d.span) {
    const auto loc = resolve(d.span);
    os << c.blue() << "  --> " << c.reset() << loc.file << ":" << loc.line << ":" << loc.column << "\n";
    std::string label = d.label;
    if (label.empty() && (!d.expected.empty() || !d.found.empty())) {
      if (!d.expected.empty()) label = "expected " + d.expected;
      if (!d.found.empty()) label += (label.empty() ? "found " : ", found ") + d.found;
    }
    detail::render_snippet(os, d.span, label, colour, c);
  }
  for (const auto& n : d.notes) {
    if (n.span) {
      const auto loc = resolve(n.span);
      os << c.green() << "  = note" << c.reset() << ": " << n.message << "\n";
      os << c.blue() << "  --> " << c.reset() << loc.file << ":" << loc.line << ":" << loc.column << "\n";
      detail::render_snippet(os, n.span, "", c.green(), c, '-');
    } else {
      os << c.green() << "  = note" << c.reset() << ": " << n.message << "\n";
    }
  }
  os << "\n";
}

inline void render_text(std::ostream& os, const diagnostics& ds, const render_options& opt = {}) {
  for (const auto& d : ds) render_text(os, d, opt);
}

/// A short summary line: "2 errors, 1 warning".
inline std::string summary(const diagnostics& ds) {
  auto plural = [](std::size_t n, const char* w) { return std::to_string(n) + " " + w + (n == 1 ? "" : "s"); };
  return plural(ds.error_count(), "error") + ", " + plural(ds.warning_count(), "warning");
}

namespace detail {
inline void json_string(std::ostream& os, std::string_view s) {
  os << '"';
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': os << "\\\""; break;
      case '\\': os << "\\\\"; break;
      case '\n': os << "\\n"; break;
      case '\r': os << "\\r"; break;
      case '\t': os << "\\t"; break;
      default:
        if (u < 0x20) {
          static const char* hex = "0123456789abcdef";
          os << "\\u00" << hex[u >> 4] << hex[u & 15];
        } else {
          os << ch;
        }
    }
  }
  os << '"';
}

/// A CSV cell, quoted as RFC 4180 requires (a comma, quote or line break).
inline std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

inline void json_location(std::ostream& os, const source_span& span) {
  const auto loc = resolve(span);
  os << "\"file\":";
  if (span) json_string(os, loc.file);
  else os << "null";
  os << ",\"line\":" << loc.line << ",\"column\":" << loc.column;
}
}  // namespace detail

/// Writes the diagnostics as a JSON array of objects with severity, code,
/// message, file, line, column, expected, found, label and notes.
inline void render_json(std::ostream& os, const diagnostics& ds) {
  os << "[";
  bool first = true;
  for (const auto& d : ds) {
    os << (first ? "\n  " : ",\n  ");
    first = false;
    os << "{\"severity\":";
    detail::json_string(os, to_string(d.level));
    os << ",\"code\":";
    detail::json_string(os, d.code);
    os << ",\"message\":";
    detail::json_string(os, d.message);
    os << ",";
    detail::json_location(os, d.span);
    if (d.span) {
      os << ",\"source_line\":";
      detail::json_string(os, d.span.file->line_text(d.span.file->line_of(d.span.offset)));
    }
    os << ",\"label\":";
    detail::json_string(os, d.label);
    os << ",\"expected\":";
    detail::json_string(os, d.expected);
    os << ",\"found\":";
    detail::json_string(os, d.found);
    os << ",\"notes\":[";
    bool nfirst = true;
    for (const auto& n : d.notes) {
      if (!nfirst) os << ",";
      nfirst = false;
      os << "{\"message\":";
      detail::json_string(os, n.message);
      os << ",";
      detail::json_location(os, n.span);
      os << "}";
    }
    os << "]}";
  }
  os << (first ? "]\n" : "\n]\n");
}

}  // namespace yusuan
