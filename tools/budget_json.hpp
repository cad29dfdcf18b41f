// tools/budget_json.hpp -- the JSON array of `yusuan check --format json`,
// written a budget at a time: each diagnostic object names the budget it
// was found checking ("budget"), since its "file" does not always (a rule
// file's diagnostic, a closing note of no file).
#pragma once

#include <yusuan/diagnostic.hpp>

#include <ostream>
#include <string>

namespace cli {

/// A JSON array written to `os` piece by piece, laid out as
/// yusuan::to_json() lays out one ("[]" when nothing was added).
class budget_json_array {
public:
  explicit budget_json_array(std::ostream& os) : os_(os) { os_ << "["; }
  /// Adds the objects of yusuan::json_objects(diags, budget) (nothing when
  /// empty): the diagnostics of one budget.
  void add(const std::string& objects) {
    if (objects.empty()) return;
    os_ << (empty_ ? "\n" : ",\n") << objects;
    empty_ = false;
  }
  /// Closes the array; once, after the last add().
  void close() { os_ << (empty_ ? "]\n" : "\n]\n"); }

private:
  std::ostream& os_;
  bool empty_ = true;
};

}  // namespace cli
