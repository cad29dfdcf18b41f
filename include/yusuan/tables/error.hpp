// yusuan/tables/error.hpp -- the errors of building and writing tables: an
// unknown table (errc::unknown_table, E0801) and an unknown output format
// (errc::unknown_format, E0802), both yusuan::error.
#pragma once

#include <yusuan/money.hpp>

#if __has_include(<yusuan/money/money.hpp>)
#include <yusuan/error.hpp>
#else
// This money.hpp defines overflow_error, rounding_error and division_by_zero
// of its own: error.hpp's three are taken under other names.
#define overflow_error error_hpp_overflow_error
#define rounding_error error_hpp_rounding_error
#define division_by_zero error_hpp_division_by_zero
#include <yusuan/error.hpp>
#undef overflow_error
#undef rounding_error
#undef division_by_zero
#endif

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
