// yusuan/tables/error.hpp -- the errors of building and writing tables: an
// unknown table (errc::unknown_table, E0801) and an unknown output format
// (errc::unknown_format, E0802), both yusuan::error.
#pragma once

#include <yusuan/error.hpp>

#include <string>
#include <string_view>
#include <system_error>

namespace yusuan::tables {

/// No table of the set has this id.
inline error unknown_table(std::string_view id) {
  return error(errc::unknown_table, "yusuan: unknown table '" + std::string(id) + "' (expected 01 … 13)", "E0801");
}

/// No writer for this format (text, csv, md, json).
inline error unknown_format(std::string_view format) {
  return error(errc::unknown_format,
               "yusuan: unknown table format '" + std::string(format) + "' (expected text, csv, md or json)", "E0802");
}

}  // namespace yusuan::tables
