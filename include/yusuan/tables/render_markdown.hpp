// yusuan/tables/render_markdown.hpp -- a table as Markdown: a heading, the unit line,
// a pipe table and the notes.
#pragma once

#include <yusuan/tables/model.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace yusuan::tables {

/// Text for a cell of a Markdown pipe table: every '|' escaped.
inline std::string markdown_cell(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '|') o += '\\';
    o += c;
  }
  return o;
}

/// Markdown: the label and title as a heading, the unit line, a pipe table with
/// the flattened headers (amounts right-aligned), the notes.
inline void write_markdown(std::ostream& os, const table& t) {
  const auto esc = [](std::string_view s) { return markdown_cell(s); };
  os << "### " << (t.label.empty() ? "" : t.label + " ") << t.title << "\n\n" << t.unit_line() << "\n\n|";
  for (const auto& c : t.columns) os << " " << esc(c.header()) << " |";
  os << "\n|";
  for (const auto& c : t.columns) os << (c.numeric ? " ---: |" : " --- |");
  os << "\n";
  for (const auto& r : t.rows) {
    os << "|";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string s = esc(t.shown(r, i));
      os << (s.empty() ? " |" : " " + s + " |");
    }
    os << "\n";
  }
  if (!t.notes.empty()) {
    os << "\n";
    for (const auto& note : t.notes) os << note << "\n";
  }
}

}  // namespace yusuan::tables
