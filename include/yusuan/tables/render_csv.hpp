// yusuan/tables/render_csv.hpp -- a table as CSV (RFC 4180, LF line ends).
#pragma once

#include <yusuan/tables/model.hpp>
#include <yusuan/text/escape.hpp>

#include <cstddef>
#include <ostream>

namespace yusuan::tables {

/// CSV (RFC 4180, LF line ends): the flattened header, then the rows.  No title
/// or unit line (they are the table's metadata).
inline void write_csv(std::ostream& os, const table& t) {
  const auto h = t.headers();
  for (std::size_t i = 0; i < h.size(); ++i) os << (i ? "," : "") << yusuan::text::csv_field(h[i]);
  os << "\n";
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) os << (i ? "," : "") << yusuan::text::csv_field(t.text(r, i));
    os << "\n";
  }
}

}  // namespace yusuan::tables
