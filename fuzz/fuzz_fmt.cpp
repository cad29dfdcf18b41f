// fuzz/fuzz_fmt.cpp -- libFuzzer target: the formatter.  The input is a
// budget file, or a file of tests of rules (its imports and rule files,
// held in an empty in-memory file set, are missing).  Whatever the input, format_budget returns a text or syntax
// errors; a text must format to itself (idempotence) and compile to the same
// meaning as the input, also with every keyword respelled in Chinese and in
// English.  Any difference is a bug: the target aborts.
#include <yusuan/compile.hpp>
#include <yusuan/format.hpp>
#include <yusuan/format/meaning.hpp>
#include <yusuan/format/source_meaning.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

std::string meaning(std::string_view text) {
  yusuan::compile_options o;
  o.root = "/nonexistent-yusuan-fuzz-root";
  o.max_errors = 20;
  o.files.emplace("unused.budget", std::string());  // keeps the in-memory file set on
  return yusuan::meaning_of_source(text, "main.budget", o);
}

[[noreturn]] void fail(const char* what, std::string_view a, std::string_view b) {
  std::fprintf(stderr, "fuzz_fmt: %s\n--- before\n%.*s\n--- after\n%.*s\n", what, static_cast<int>(a.size()), a.data(),
               static_cast<int>(b.size()), b.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (in.find("\n====\n") != std::string_view::npos) return 0;  // the compile target's several files
  yusuan::diagnostics diags;
  const auto formatted = yusuan::format_budget(in, "main.budget", diags);
  if (!formatted) {
    if (!diags.has_errors()) fail("no text and no error", in, {});
    return 0;
  }
  yusuan::diagnostics again_diags;
  const auto again = yusuan::format_budget(*formatted, "main.budget", again_diags);
  if (!again || *again != *formatted) fail("not idempotent", *formatted, again ? *again : std::string_view());
  const std::string before = meaning(in);
  if (const std::string after = meaning(*formatted); after != before) fail("meaning changed", before, after);
  for (auto to : {yusuan::keyword_spelling_choice::chinese, yusuan::keyword_spelling_choice::english}) {
    yusuan::format_options fo;
    fo.spelling = to;
    yusuan::diagnostics sd;
    const auto respelled = yusuan::format_budget(in, "main.budget", sd, fo);
    if (!respelled) fail("respelling failed", in, {});
    const std::string a = yusuan::keywords_in_chinese(before), b = yusuan::keywords_in_chinese(meaning(*respelled));
    if (a != b) fail("respelling changed the meaning", a, b);
  }
  return 0;
}
