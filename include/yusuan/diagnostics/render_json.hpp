// yusuan/diagnostics/render_json.hpp -- diagnostics as a JSON array, for
// editors and CI systems.
#pragma once

#include <yusuan/diagnostics/diagnostic.hpp>
#include <yusuan/text/escape.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace yusuan {

namespace detail {
inline void json_location(std::string& out, const source_span& span) {
  const auto loc = resolve(span);
  out += "\"file\":";
  if (span) text::append_json_string(out, loc.file);
  else out += "null";
  out += ",\"line\":" + std::to_string(loc.line) + ",\"column\":" + std::to_string(loc.column);
}
}  // namespace detail

/// The diagnostics as a JSON array of objects with severity, code, message,
/// file, line, column, source_line, label, expected, found and notes.
inline std::string to_json(const diagnostics& ds) {
  std::string out = "[";
  bool first = true;
  for (const auto& d : ds) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    auto field = [&out](const char* name, std::string_view value) {
      out += name;
      text::append_json_string(out, value);
    };
    field("{\"severity\":", to_string(d.level));
    field(",\"code\":", d.code);
    field(",\"message\":", d.message);
    out += ",";
    detail::json_location(out, d.span);
    if (d.span) {  // as in the file where the text left some of it out: `column` indexes it
      const auto line = d.span.file->line_of(d.span.offset);
      field(",\"source_line\":",
            std::string(d.span.file->columns_left_out(line), ' ') + std::string(d.span.file->line_text(line)));
    }
    field(",\"label\":", d.label);
    field(",\"expected\":", d.expected);
    field(",\"found\":", d.found);
    out += ",\"notes\":[";
    bool nfirst = true;
    for (const auto& n : d.notes) {
      if (!nfirst) out += ",";
      nfirst = false;
      out += "{\"message\":";
      text::append_json_string(out, n.message);
      out += ",";
      detail::json_location(out, n.span);
      out += "}";
    }
    out += "]}";
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

/// Writes the diagnostics as a JSON array (see to_json).
inline void render_json(std::ostream& os, const diagnostics& ds) { os << to_json(ds); }

}  // namespace yusuan
