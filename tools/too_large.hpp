// tools/too_large.hpp -- E0701 for a figure a command computes that no amount
// holds (a group of a query, a cell of a table, a figure of a report, the sum
// of a department's units), though the budget itself builds.
#pragma once

#include "io.hpp"

#include <yusuan/diagnostic.hpp>
#include <yusuan/error.hpp>

#include <cstdint>
#include <string>

namespace cli {

/// Reports E0701 the way `r` asks (text on standard error, or a JSON array on
/// standard output): `what` is more than an amount can hold, at `where_text`
/// shown as the text of `where_name` (the query, the table asked for, the
/// budget file), with what overflowed (`e`: a sum, a difference, a change from
/// 上年 …) as a note.  Returns exit_budget_error.
inline int too_large(const reporting& r, const std::string& where_name, const std::string& where_text,
                     const std::string& what, const yusuan::overflow_error& e) {
  const yusuan::source_file source(where_name, where_text);
  yusuan::diagnostics ds;
  yusuan::diagnostic d;
  d.code = "E0701";
  d.message = what + " is more than an amount can hold";
  d.span = {&source, 0, static_cast<std::uint32_t>(where_text.size())};
  d.label = "amounts and the figures made of them are at most 92,233,720,368,547,758.07 元";
  std::string detail = e.what();
  if (detail.rfind("yusuan: ", 0) == 0) detail.erase(0, 8);
  d.notes.push_back({detail, {}});
  ds.add(std::move(d));
  report(r, ds);
  return exit_budget_error;
}

}  // namespace cli
