// tools/terminal_text.hpp -- printing text made from a budget's strings
// (tables and query results as text or Markdown): every character unsafe for
// a terminal is written as an escape (\e, \x07, \u{202e} …), as diagnostics
// write them, so that a name in a budget cannot retitle, recolour or reorder
// the terminal it is printed on.
#pragma once

#include <yusuan/text/escape.hpp>

#include <ostream>
#include <string_view>

namespace cli {

/// Writes `text` to `os`, line by line, each with yusuan::text::terminal_safe().
inline void write_terminal_safe(std::ostream& os, std::string_view text) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    os << yusuan::text::terminal_safe(line);
    if (nl == std::string_view::npos) break;
    os << '\n';
    text.remove_prefix(nl + 1);
  }
}

}  // namespace cli
