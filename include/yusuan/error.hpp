// yusuan/error.hpp -- the one exception hierarchy and error codes of yusuan.
//
// Every fallible call of the library comes in two forms, Boost.JSON style,
// named alike: one throws a `yusuan::error` (or a class derived from it), the
// other takes a `std::error_code&` or a `yusuan::diagnostics&` and throws
// nothing for problems in its input.
//
//   yusuan::error                  std::system_error with a yusuan::errc code,
//   │                              a diagnostic code (E0202 …) and a position
//   ├── amount_parse_error         text that is not an amount (money/amount_error.hpp);
//   │                              its code() is a yusuan::amount_errc
//   ├── overflow_error             a result that cannot be represented
//   ├── rounding_error             rounding::unnecessary and an inexact value
//   ├── division_by_zero           a divisor, share or change base of zero
//   └── budget_error               (compile.hpp) a budget, query or table that
//                                  failed, with all its diagnostics; its code()
//                                  is the errc of its errors (budget_error::
//                                  error_code_of says which decides)
//
// Catch `yusuan::error` for all of them; `code()` is a std::error_code that
// compares equal to a `yusuan::errc` (or, for amount_parse_error, to the
// `yusuan::amount_errc` that says what is wrong with the text).  A bad
// argument from the calling program (decimals out of range, no weights to
// allocate by) is a plain `yusuan::error` with errc::invalid_argument.  The
// error-code forms set the same code the throwing form's exception carries.
//
// An error_code compares with a `yusuan::errc` as with a condition, as it
// does with a std::errc: `ec == errc::malformed_amount` holds for every
// amount_errc but ok and rounding_necessary, the finer codes that say what is
// wrong with the text; `ec == errc::rounding_necessary` holds for
// amount_errc::rounding_necessary (text finer than rounding::unnecessary
// allows, for which the throwing form raises rounding_error) as for the
// code errc::rounding_necessary itself; every other errc value matches its
// own code only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace yusuan {

/// What went wrong, for std::error_code.  Each value names the family of a
/// diagnostic code (docs/diagnostics.md).
enum class errc {
  ok = 0,
  io_error = 1,          ///< E0001: a file cannot be read
  not_utf8,              ///< E0002: a file is not UTF-8
  syntax_error,          ///< E01xx: the text does not follow the grammar
  invalid_budget,        ///< E02xx–E06xx, E0806, E0807: a budget that does not check
  malformed_amount,      ///< E0202: text that is not an amount: the condition of every amount_errc but one
  overflow,              ///< E0701: a value that cannot be represented
  rounding_necessary,    ///< E0702: rounding::unnecessary, and the value is not exact: also amount_errc's
  division_by_zero,      ///< E0703: a divisor (or the whole of a share) of zero
  invalid_query,         ///< E0505, and any error in a query's text (E0101, E0301, E0305): a query that does not parse or resolve
  unknown_table,         ///< E0801, E0803: no such disclosure table, or an id several tables start with
  limit_exceeded,        ///< E0711–E0717: an input beyond a documented limit (compile_options)
  invalid_argument,      ///< an argument outside what a function accepts (a program error, no diagnostic code)
  unknown_format,        ///< E0802: no such output format
  invalid_template,      ///< E0804, E0805: no such template, or a template that does not check
};

namespace detail {
class errc_category_impl final : public std::error_category {
public:
  const char* name() const noexcept override { return "yusuan"; }
  std::string message(int ev) const override {
    switch (static_cast<errc>(ev)) {
      case errc::ok: return "no error";
      case errc::io_error: return "cannot read a file";
      case errc::not_utf8: return "file is not UTF-8";
      case errc::syntax_error: return "syntax error";
      case errc::invalid_budget: return "the budget does not check";
      case errc::malformed_amount: return "malformed amount";
      case errc::overflow: return "value cannot be represented";
      case errc::rounding_necessary: return "rounding is necessary";
      case errc::division_by_zero: return "division by zero";
      case errc::invalid_query: return "invalid query";
      case errc::unknown_table: return "unknown table";
      case errc::limit_exceeded: return "input beyond a documented limit";
      case errc::invalid_argument: return "invalid argument";
      case errc::unknown_format: return "unknown output format";
      case errc::invalid_template: return "invalid table template";
    }
    return "unknown yusuan error";
  }
};
}  // namespace detail

/// The category of yusuan::errc.
inline const std::error_category& error_category() noexcept {
  static const detail::errc_category_impl instance;
  return instance;
}

inline std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), error_category()}; }
/// `e` as a condition: a finer code (an amount_errc) compares equal to the
/// condition of its family (errc::malformed_amount, or errc::
/// rounding_necessary) through the finer code's category (its
/// default_error_condition).
inline std::error_condition make_error_condition(errc e) noexcept { return {static_cast<int>(e), error_category()}; }

}  // namespace yusuan

template <>
struct std::is_error_code_enum<yusuan::errc> : std::true_type {};

namespace yusuan {

/// Whether `ec` is `e` or a finer code of the family `e` names: `ec` compared
/// with make_error_condition(e), as an error_code is compared with a std::errc.
/// (errc is an error-code enum, so that `std::error_code ec = errc::overflow`
/// works; were it also an error-condition enum, `ec == errc::overflow` would be
/// ambiguous.)
inline bool operator==(const std::error_code& ec, errc e) noexcept { return ec == make_error_condition(e); }

namespace detail {
/// Sets `ec` as an error-code form reports the outcome `e` of its core:
/// cleared for errc::ok, else `e`.  Returns whether `e` is errc::ok.
inline bool report(errc e, std::error_code& ec) noexcept {
  if (e != errc::ok) [[unlikely]] {
    ec = make_error_code(e);
    return false;
  }
  ec.clear();
  return true;
}
}  // namespace detail

/// The base of every exception yusuan throws for a problem in its input.
/// `code()` is the std::error_code; `diagnostic_code()` the stable code of
/// docs/diagnostics.md ("E0202"); `position()` the byte offset in the text
/// that was being read, when there was one.  `what()` is the message exactly
/// as given: std::system_error would append ": " and code().message(), which
/// the message already says in its own words.
class error : public std::system_error {
public:
  static constexpr std::size_t no_position = static_cast<std::size_t>(-1);

  error(std::error_code ec, const std::string& what, std::string_view diagnostic_code = {},
        std::size_t position = no_position)
      : std::system_error(ec), message_(what), position_(position) {
    const std::size_t n = diagnostic_code.size() < sizeof diag_ - 1 ? diagnostic_code.size() : sizeof diag_ - 1;
    for (std::size_t i = 0; i < n; ++i) diag_[i] = diagnostic_code[i];
    diag_[n] = '\0';
  }

  const char* what() const noexcept override { return message_.what(); }

  /// E0202, E0701 …; empty when the error has several (budget_error).
  std::string_view diagnostic_code() const noexcept { return diag_; }
  /// Byte offset in the text being read, or no_position.
  std::size_t position() const noexcept { return position_; }

private:
  std::runtime_error message_;  // copied without throwing, as an exception must be
  char diag_[8] = {};
  std::size_t position_ = no_position;
};

/// A result that does not fit (64 bits of 分, or 128 bits for wide sums); the
/// message names the operation and its operands.
class overflow_error : public error {
public:
  explicit overflow_error(const std::string& what) : error(errc::overflow, what, "E0701") {}
};

/// rounding::unnecessary, and rounding would change the value.  When the value
/// was read from text, position() is the offset of its first digit that does
/// not fit the precision.
class rounding_error : public error {
public:
  explicit rounding_error(const std::string& what, std::size_t position = no_position)
      : error(errc::rounding_necessary, what, "E0702", position) {}
};

/// A division, share or change whose divisor is zero.
class division_by_zero : public error {
public:
  explicit division_by_zero(const std::string& what) : error(errc::division_by_zero, what, "E0703") {}
};

}  // namespace yusuan
