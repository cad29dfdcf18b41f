// What the tests of rules share: a rule file written to a temporary
// directory, and options that leave the catalogs out.
#pragma once

#include "support/test_support.hpp"

#include <string_view>

namespace yusuan_test {

/// A rule file written to a temporary directory.
struct rules_file {
  temp_dir dir;
  fs::path path;
  explicit rules_file(std::string_view text) : path(dir.write("rules.budget", text)) {}
};

/// Options without the catalog checks: a rule's budget is a few lines.
inline compile_options quiet() {
  compile_options o;
  o.check_catalog = false;
  return o;
}

}  // namespace yusuan_test
