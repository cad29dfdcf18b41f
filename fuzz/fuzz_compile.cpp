// fuzz/fuzz_compile.cpp -- libFuzzer target: the budget compiler.  The input
// is a root file and the files it may import, separated by lines "====":
// the first part is main.budget, the next f1.budget, f2.budget … (held in
// memory through compile_options::files).  A budget that compiles is also
// rendered as every disclosure table; diagnostics are rendered as text and
// JSON.  A table cell past what an amount holds is an overflow_error (the
// program reports it as E0701); any other exception is a bug.
#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  yusuan::compile_options o;
  o.root = "/nonexistent-yusuan-fuzz-root";
  o.max_errors = 20;
  std::string_view root;
  for (std::size_t part = 0;; ++part) {
    const auto sep = in.find("\n====\n");
    const std::string_view text = in.substr(0, sep);
    if (part == 0) root = text;
    else o.files["f" + std::to_string(part) + ".budget"] = std::string(text);
    if (sep == std::string_view::npos) break;
    in.remove_prefix(sep + 6);
  }
  o.files.emplace("unused.budget", std::string());  // keeps the in-memory file set on
  yusuan::diagnostics diags;
  const auto b = yusuan::compile_string(root, "main.budget", diags, o);
  std::ostringstream os;
  yusuan::render_text(os, diags, {false});
  yusuan::render_json(os, diags);
  if (b) {
    try {
      for (const auto& t : yusuan::tables::build_all(*b)) {
        std::error_code ec;
        yusuan::tables::write(os, t, "text", ec);
        yusuan::tables::write(os, t, "json", ec);
      }
    } catch (const yusuan::overflow_error&) {
      // a group of items of both signs whose sum no amount holds
    } catch (const yusuan::budget_error&) {
      // a 模板 the library does not have, or a template name the budget lacks
    }
  }
  return 0;
}
