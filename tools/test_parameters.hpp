// tools/test_parameters.hpp -- `yusuan test --set NAME=VALUE`: a parameter
// that no test of the run declares is a usage error, said once before the
// tests run (rather than every test failing with E0307).
#pragma once

#include <yusuan/rule_tests.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cli {

/// Throws a usage error naming each parameter of `parameters` (--set) that
/// no test of `tests` declares: no 参数 of its rule files, of what they
/// import or of its own budget.  A test is compiled for it (as it will be
/// run, without its expectations) only while some name is not yet known to
/// be declared, so that a run whose parameters are all declared compiles
/// few tests twice.
void refuse_undeclared_parameters(const std::vector<const yusuan::rule_test*>& tests,
                                  const std::map<std::string, std::string, std::less<>>& parameters);

}  // namespace cli
