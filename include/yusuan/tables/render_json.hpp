// yusuan/tables/render_json.hpp -- a table as one JSON object: metadata, columns,
// rows (amounts as exact decimal numbers, blank cells as null) and notes.
#pragma once

#include <yusuan/money.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/text/escape.hpp>

#include <cstddef>
#include <ostream>
#include <string_view>

namespace yusuan::tables {

/// JSON: one object with the metadata, the columns (header levels, whether
/// numeric), the rows (role and cells: amounts as exact decimal numbers, blank
/// cells as null) and the notes.
inline void write_json(std::ostream& os, const table& t) {
  const auto json_string = [](std::ostream& out, std::string_view v) { yusuan::text::write_json_string(out, v); };
  os << "{\n  \"id\": ";
  json_string(os, t.id);
  os << ",\n  \"label\": ";
  json_string(os, t.label);
  os << ",\n  \"title\": ";
  json_string(os, t.title);
  os << ",\n  \"unit_label\": ";
  json_string(os, t.unit_label);
  os << ",\n  \"unit_name\": ";
  json_string(os, t.unit_name);
  os << ",\n  \"amount_unit\": ";
  json_string(os, yusuan::unit_name(t.amount_unit));
  os << ",\n  \"columns\": [";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& c = t.columns[i];
    os << (i ? ",\n    " : "\n    ") << "{\"header\": ";
    json_string(os, c.header());
    os << ", \"path\": [";
    for (std::size_t k = 0; k < c.path.size(); ++k) {
      if (k) os << ", ";
      json_string(os, c.path[k]);
    }
    os << "], \"numeric\": " << (c.numeric ? "true" : "false") << "}";
  }
  os << (t.columns.empty() ? "],\n" : "\n  ],\n") << "  \"rows\": [";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    os << (r ? ",\n    " : "\n    ") << "{\"role\": ";
    json_string(os, role_name(row.role));
    os << ", \"cells\": [";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (i) os << ", ";
      const cell* c = i < row.cells.size() ? &row.cells[i] : nullptr;
      if (!c || c->blank()) os << "null";
      else if (c->amount) os << c->amount->format(t.amount_unit, t.decimals);
      else json_string(os, c->text);
    }
    os << "]}";
  }
  os << (t.rows.empty() ? "],\n" : "\n  ],\n") << "  \"notes\": [";
  for (std::size_t i = 0; i < t.notes.size(); ++i) {
    if (i) os << ", ";
    json_string(os, t.notes[i]);
  }
  os << "]\n}\n";
}

}  // namespace yusuan::tables
