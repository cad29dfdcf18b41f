// fuzz/fuzz_query.cpp -- libFuzzer target: the query language.  Each input is
// a query, parsed and run against tests/data/small.budget (and against
// itself as the prior year); results are formatted in 元 and 万元.
#include <yusuan/compile.hpp>
#include <yusuan/query.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#ifndef YUSUAN_FUZZ_BUDGET
#error "YUSUAN_FUZZ_BUDGET names the budget the queries run on"
#endif

namespace {
const yusuan::budget& budget() {
  static const yusuan::budget b = yusuan::compile_file(YUSUAN_FUZZ_BUDGET);
  return b;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& b = budget();
  yusuan::diagnostics diags;
  const auto q = yusuan::parse_query(text, b, diags);
  if (!q) return 0;
  for (const auto& r : {yusuan::run(b, *q), yusuan::run_with_prior(b, b, *q)}) {
    std::string out;
    for (const auto& row : r.rows) {
      for (const auto& v : row.values)
        if (v) out += v->format(yusuan::unit::yuan, 2) + v->format(yusuan::unit::wan_yuan, 4);
      if (const auto v = r.row_value(row)) out += v->format();
    }
  }
  return 0;
}
