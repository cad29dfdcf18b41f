// yusuan/diagnostics/render_text.hpp -- diagnostics as text, laid out the way
// rustc and clang print theirs:
//
//   error[E0501]: constraint failed: 核对 三公经费 = 9.30
//     --> budgets/x.budget:12:1
//      |
//   12 | 核对 三公经费 = 9.30
//      | ^^^^^^^^^^^^^^^^^^^^ expected 9.30, found 9.20 (difference -0.10 万元)
//      = note: counted: 208 01 09 30217 2.20
//
// A diagnostic without a place (a budget assembled in C++, a file that
// cannot be read) prints its label, expected and found on lines of their own
// ("  = expected: 7.00").  Carets are placed by display width (two columns for CJK characters).  Text
// taken from the input (source lines, names in messages) is printed with its
// control characters and bidirectional overrides escaped, so that a budget
// file cannot drive the terminal.
#pragma once

#include <yusuan/diagnostics/diagnostic.hpp>
#include <yusuan/text/escape.hpp>
#include <yusuan/text/width.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace yusuan {

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

/// The source line of a span with a row of carets (or dashes) under the span.
inline void render_snippet(std::ostream& os, const source_span& span, const std::string& label, const char* colour,
                           const ansi& c, char caret_char = '^') {
  const auto line = span.file->line_of(span.offset);
  const auto raw = span.file->line_text(line);
  const std::size_t line_begin = span.file->line_start(line);
  const std::string num = std::to_string(span.file->file_line(line));
  const std::string gutter(num.size(), ' ');
  const std::size_t start = std::min<std::size_t>(span.offset - line_begin, raw.size());
  const std::size_t end = std::min<std::size_t>(start + span.length, raw.size());
  // tabs print as one space so that columns stay aligned
  auto shown = [](std::string_view s) {
    std::string t = text::terminal_safe(s);
    std::replace(t.begin(), t.end(), '\t', ' ');
    return t;
  };
  // a very long line (a generated file, E0716) is shown around the span
  constexpr std::size_t long_line = 1024, context = 80;
  auto back = [&](std::size_t p, std::size_t chars) {  // `chars` code points before p
    while (p > 0 && chars > 0) {
      --p;
      if ((static_cast<unsigned char>(raw[p]) & 0xC0) != 0x80) --chars;
    }
    return p;
  };
  auto forward = [&](std::size_t p, std::size_t chars) {  // `chars` code points after p
    while (p < raw.size() && chars > 0) {
      ++p;
      while (p < raw.size() && (static_cast<unsigned char>(raw[p]) & 0xC0) == 0x80) ++p;
      --chars;
    }
    return p;
  };
  const bool window = raw.size() > long_line;
  const std::size_t from = window ? back(start, context) : 0;
  const std::size_t mark_end = window ? std::min(end, forward(start, context)) : end;
  const std::size_t to = window ? forward(mark_end, context) : raw.size();
  const std::string before = (from > 0 ? "…" : "") + shown(raw.substr(from, start - from)),
                    marked = shown(raw.substr(start, mark_end - start)),
                    after = shown(raw.substr(mark_end, to - mark_end)) + (to < raw.size() ? "…" : "");
  os << c.blue() << gutter << " |" << c.reset() << "\n";
  os << c.blue() << num << " |" << c.reset() << " " << before << marked << after << "\n";
  std::size_t width = text::display_width(marked);
  if (width == 0) width = 1;
  os << c.blue() << gutter << " |" << c.reset() << " " << std::string(text::display_width(before), ' ') << colour
     << std::string(width, caret_char);
  if (!label.empty()) os << " " << text::terminal_safe(label);
  os << c.reset() << "\n";
}

}  // namespace detail

/// Writes one diagnostic as text.
inline void render_text(std::ostream& os, const diagnostic& d, const render_options& opt = {}) {
  const detail::ansi c{opt.color};
  const char* colour = d.level == severity::error ? c.red() : d.level == severity::warning ? c.yellow() : c.green();
  os << colour << to_string(d.level);
  if (!d.code.empty()) os << "[" << d.code << "]";
  os << c.reset() << c.bold() << ": " << text::terminal_safe(d.message) << c.reset() << "\n";
  if (d.span) {
    const auto loc = resolve(d.span);
    os << c.blue() << "  --> " << c.reset() << text::terminal_safe(loc.file) << ":" << loc.line << ":" << loc.column
       << "\n";
    std::string label = d.label;
    if (label.empty() && (!d.expected.empty() || !d.found.empty())) {
      if (!d.expected.empty()) label = "expected " + d.expected;
      if (!d.found.empty()) label += (label.empty() ? "found " : ", found ") + d.found;
    }
    detail::render_snippet(os, d.span, label, colour, c);
  } else {
    // no line to point at (a budget assembled in C++, a file that cannot be
    // read): what the caret's label would say, on lines of its own
    if (!d.label.empty()) os << colour << "  = " << c.reset() << text::terminal_safe(d.label) << "\n";
    if (!d.expected.empty()) os << colour << "  = expected" << c.reset() << ": " << text::terminal_safe(d.expected) << "\n";
    if (!d.found.empty()) os << colour << "  = found" << c.reset() << ": " << text::terminal_safe(d.found) << "\n";
  }
  for (const auto& n : d.notes) {
    os << c.green() << "  = note" << c.reset() << ": " << text::terminal_safe(n.message) << "\n";
    if (n.span) {
      const auto loc = resolve(n.span);
      os << c.blue() << "  --> " << c.reset() << text::terminal_safe(loc.file) << ":" << loc.line << ":" << loc.column
         << "\n";
      detail::render_snippet(os, n.span, "", c.green(), c, '-');
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

}  // namespace yusuan
