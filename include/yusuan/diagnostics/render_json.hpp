// yusuan/diagnostics/render_json.hpp -- diagnostics as a JSON array, for
// editors and CI systems.
#pragma once

#include <yusuan/diagnostics/diagnostic.hpp>
#include <yusuan/text/escape.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace yusuan {

namespace detail {
/// "file", "line", "column" of a place; a diagnostic without one gives the
/// file it is about (diagnostic::file: a file that cannot be read) with line
/// and column 0, or null when it is about no file.
inline void json_location(std::string& out, const source_span& span, std::string_view file = {}) {
  const auto loc = resolve(span);
  out += "\"file\":";
  if (span) text::append_json_string(out, loc.file);
  else if (!file.empty()) text::append_json_string(out, file);
  else out += "null";
  out += ",\"line\":" + std::to_string(loc.line) + ",\"column\":" + std::to_string(loc.column);
}
}  // namespace detail

/// The diagnostics as JSON objects, one a line ("  {…}") joined by ",\n",
/// without the brackets of the array: the elements of to_json(), for an
/// array that gathers the diagnostics of several budgets.  With `budget`,
/// each object also has "budget": the budget (as its caller names it) that
/// was being checked, which the diagnostic's own `file` does not always
/// tell (a rule file's, a file that cannot be read, a note of no file).
inline std::string json_objects(const diagnostics& ds, std::optional<std::string_view> budget = std::nullopt) {
  std::string out;
  bool first = true;
  for (const auto& d : ds) {
    out += first ? "  " : ",\n  ";
    first = false;
    auto field = [&out](const char* name, std::string_view value) {
      out += name;
      text::append_json_string(out, value);
    };
    field("{\"severity\":", to_string(d.level));
    field(",\"code\":", d.code);
    field(",\"message\":", d.message);
    out += ",";
    detail::json_location(out, d.span, d.file);
    if (d.span) {  // as in the file where the text left some of it out: `column` indexes it
      const auto line = d.span.file->line_of(d.span.offset);
      field(",\"source_line\":",
            std::string(d.span.file->columns_left_out(line), ' ') + std::string(d.span.file->line_text(line)));
    } else {
      field(",\"source_line\":", "");  // every object has every field: "" when it points at no line
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
    out += "]";
    if (budget) field(",\"budget\":", *budget);
    out += "}";
  }
  return out;
}

/// The diagnostics as a JSON array of objects with severity, code, message,
/// file, line, column, source_line, label, expected, found and notes (see
/// json_objects).
inline std::string to_json(const diagnostics& ds) {
  const std::string objects = json_objects(ds);
  return objects.empty() ? "[]\n" : "[\n" + objects + "\n]\n";
}

/// Writes the diagnostics as a JSON array (see to_json).
inline void render_json(std::ostream& os, const diagnostics& ds) { os << to_json(ds); }

}  // namespace yusuan
