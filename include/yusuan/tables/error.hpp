// yusuan/tables/error.hpp -- the errors of building and writing tables, all
// yusuan::error: an unknown table (errc::unknown_table, E0801), an id several
// tables start with (E0803) and an unknown output format (errc::unknown_format,
// E0802).  A template that cannot be found or does not check is a
// budget_error with its diagnostics (E0804, E0805).
#pragma once

#include <yusuan/error.hpp>

#include <string>
#include <string_view>
#include <system_error>

namespace yusuan::tables {

/// No table of the template has this id.
inline error unknown_table(std::string_view id, std::string_view templ = {}) {
  return error(errc::unknown_table,
               "yusuan: unknown table '" + std::string(id) + "'" +
                   (templ.empty() ? std::string() : " in template " + std::string(templ)) +
                   " (expected a table's number, id, alias or name)",
               "E0801");
}

/// Several tables of the template start with this id.
inline error ambiguous_table(std::string_view id, std::string_view templ, std::string_view candidates) {
  return error(errc::unknown_table,
               "yusuan: table '" + std::string(id) + "' is ambiguous in template " + std::string(templ) +
                   ": it could be " + std::string(candidates),
               "E0803");
}

/// No writer for this format (text, csv, md, json).
inline error unknown_format(std::string_view format) {
  return error(errc::unknown_format,
               "yusuan: unknown table format '" + std::string(format) + "' (expected text, csv, md or json)", "E0802");
}

}  // namespace yusuan::tables
