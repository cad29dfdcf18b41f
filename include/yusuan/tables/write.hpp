// yusuan/tables/write.hpp -- writes a table in a format named at run time
// (text, csv, md or json).
#pragma once

#include <yusuan/tables/error.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/render_csv.hpp>
#include <yusuan/tables/render_json.hpp>
#include <yusuan/tables/render_markdown.hpp>
#include <yusuan/tables/render_text.hpp>

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace yusuan::tables {

/// Writes the table as text, csv, md (Markdown) or json; for another format
/// sets `ec` to errc::unknown_format and writes nothing.
inline void write(std::ostream& os, const table& t, std::string_view format, std::error_code& ec) {
  ec.clear();
  if (format == "text") write_text(os, t);
  else if (format == "csv") write_csv(os, t);
  else if (format == "md" || format == "markdown") write_markdown(os, t);
  else if (format == "json") write_json(os, t);
  else ec = errc::unknown_format;
}

/// Writes the table as text, csv, md (Markdown) or json.  Throws yusuan::error
/// (errc::unknown_format, E0802) for another format.
inline void write(std::ostream& os, const table& t, std::string_view format) {
  std::error_code ec;
  write(os, t, format, ec);
  if (ec) throw unknown_format(format);
}

/// The table as a string in `format`; empty, with `ec` set, for an unknown format.
inline std::string to_string(const table& t, std::string_view format, std::error_code& ec) {
  std::ostringstream os;
  write(os, t, format, ec);
  return ec ? std::string() : os.str();
}

/// The table as a string in `format` (text by default).  Throws yusuan::error
/// for an unknown format.
inline std::string to_string(const table& t, std::string_view format = "text") {
  std::ostringstream os;
  write(os, t, format);
  return os.str();
}

}  // namespace yusuan::tables
