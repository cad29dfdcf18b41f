// tools/header_cells.hpp -- the header of a table as published: its cells
// with the columns and header rows each spans, for the HTML and .xlsx outputs.
#pragma once

#include <yusuan/tables/model.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace cli {

/// A header cell: its text, its header row (0 at the top), the columns it
/// spans and how many header rows it spans.
struct header_cell {
  std::string text;
  std::size_t row = 0, first_col = 0, last_col = 0, rows = 1;
};

/// The header cells of `t`, row by row, left to right: a level shared by
/// adjacent columns is one cell across them; a header with fewer levels than
/// the deepest spans the header rows below it.
inline std::vector<header_cell> header_cells(const yusuan::tables::table& t, std::size_t& depth) {
  depth = 1;
  for (const auto& c : t.columns) depth = std::max(depth, c.path.size());
  const std::size_t n = t.columns.size();
  std::vector<header_cell> cells;
  for (std::size_t level = 0; level < depth; ++level) {
    for (std::size_t c = 0; c < n;) {
      const auto& path = t.columns[c].path;
      if (path.size() <= level) {
        ++c;
        continue;
      }
      const bool leaf = level + 1 == path.size();
      std::size_t e = c + 1;
      if (!leaf)
        while (e < n && t.columns[e].path.size() > level + 1 &&
               std::equal(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(level) + 1, t.columns[e].path.begin()))
          ++e;
      cells.push_back({path[level], level, c, e - 1, leaf ? depth - level : 1});
      c = e;
    }
  }
  return cells;
}

}  // namespace cli
