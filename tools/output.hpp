// tools/output.hpp -- writing grids of cells as text, CSV, Markdown or JSON.
#pragma once

#include <yusuan/tables/render_markdown.hpp>
#include <yusuan/text/escape.hpp>
#include <yusuan/text/width.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace cli {

/// A grid: a header row and data rows; `numeric` columns are right-aligned in
/// text and Markdown and written as numbers in JSON.
struct grid {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;
};

using yusuan::text::csv_field;

/// One CSV line: rows can be written as they are made, without a grid.
inline void write_csv_row(std::ostream& os, const std::vector<std::string>& r) {
  for (std::size_t i = 0; i < r.size(); ++i) os << (i ? "," : "") << csv_field(r[i]);
  os << "\n";
}

inline void write_csv(std::ostream& os, const grid& g) {
  write_csv_row(os, g.header);
  for (const auto& r : g.rows) write_csv_row(os, r);
}

/// Columns aligned by display width (CJK characters count two columns).
inline void write_text(std::ostream& os, const grid& g) {
  std::vector<std::size_t> w(g.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], yusuan::text::display_width(r[i]));
  };
  measure(g.header);
  for (const auto& r : g.rows) measure(r);
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const std::string cell = i < r.size() ? r[i] : std::string();
      const bool right = i < g.numeric.size() && g.numeric[i];
      if (i) out += "  ";
      out += yusuan::text::pad(cell, w[i], right);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    os << out << "\n";
  };
  line(g.header);
  std::size_t total = 0;
  for (std::size_t i = 0; i < w.size(); ++i) total += w[i] + (i ? 2 : 0);
  os << std::string(total, '-') << "\n";
  for (const auto& r : g.rows) line(r);
}

inline void write_markdown(std::ostream& os, const grid& g) {
  const auto esc = [](std::string_view s) { return yusuan::tables::markdown_cell(s); };
  os << "|";
  for (const auto& h : g.header) os << " " << esc(h) << " |";
  os << "\n|";
  for (std::size_t i = 0; i < g.header.size(); ++i) os << (i < g.numeric.size() && g.numeric[i] ? " ---: |" : " --- |");
  os << "\n";
  for (const auto& r : g.rows) {
    os << "|";
    for (std::size_t i = 0; i < g.header.size(); ++i) os << " " << esc(i < r.size() ? r[i] : std::string()) << " |";
    os << "\n";
  }
}

inline void json_string(std::ostream& os, const std::string& s) { yusuan::text::write_json_string(os, s); }

/// An array of objects keyed by the header; numeric cells as JSON numbers
/// (exact decimal text), empty numeric cells as null.
inline void write_json(std::ostream& os, const grid& g) {
  os << "[";
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    os << (r ? ",\n  {" : "\n  {");
    for (std::size_t i = 0; i < g.header.size(); ++i) {
      if (i) os << ",";
      json_string(os, g.header[i]);
      os << ":";
      const std::string cell = i < g.rows[r].size() ? g.rows[r][i] : std::string();
      if (i < g.numeric.size() && g.numeric[i]) os << (cell.empty() ? "null" : cell);
      else json_string(os, cell);
    }
    os << "}";
  }
  os << (g.rows.empty() ? "]\n" : "\n]\n");
}

/// Writes the grid in `format` (text, csv, md, json).
inline void write_grid(std::ostream& os, const grid& g, const std::string& format) {
  if (format == "csv") write_csv(os, g);
  else if (format == "md") write_markdown(os, g);
  else if (format == "json") write_json(os, g);
  else write_text(os, g);
}

}  // namespace cli
