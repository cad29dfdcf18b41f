// fuzz/fuzz_parse.cpp -- libFuzzer target: syntax::parse_statement against
// the grammar.  parse_statement reads lines of coordinates by calling the
// rules of `item` and `block_open` one after the other; for any input it must
// read every statement as phrase_parse(grammar::statement) does: the same
// outcome, end, error and syntax tree (tests/support/parse_agreement.hpp).
// A disagreement is printed and aborts.
#include "support/parse_agreement.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // the parser reads checked UTF-8 only (the compiler refuses anything else first)
  if (yusuan::text::first_invalid(text) != std::string_view::npos) return 0;
  if (const auto d = yusuan_test::parse_agreement::disagreement(text)) {
    std::fprintf(stderr, "parse_statement and the grammar disagree %s\n", d->c_str());
    std::abort();
  }
  return 0;
}
