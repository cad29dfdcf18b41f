// yusuan/compile/context.hpp -- what the parts of the lowering pass share
// while they read one budget: the draft they build, the reporter, the file
// being read and the blocks in force.
#pragma once

#include <yusuan/compile/coordinates.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/lower_expr.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/scope.hpp>
#include <yusuan/compile/values.hpp>

namespace yusuan::compile {

struct lowering_context {
  draft& d;
  reporter& rep;
  block_stack blocks;
  file_state file;
  value_reader values{rep, file};
  coordinate_reader coords{d, rep, values};
  expr_lowering exprs{rep, values, &d};

  lowering_context(draft& dr, reporter& r) : d(dr), rep(r) {}
  lowering_context(const lowering_context&) = delete;
  lowering_context& operator=(const lowering_context&) = delete;

  detail::budget_data& data() noexcept { return *d.data; }
  source_span span_of(slice s) const noexcept { return rep.span_of(s); }
  source_span span_at(const char* p, std::size_t len = 1) const noexcept { return rep.span_at(p, len); }
  /// The unit whose own file this is (an imported file that declares its
  /// 单位, or a file such a file imports): its constraints and figures are
  /// that unit's.  npos32 in the root file, in a rule file and in a file
  /// that neither declares a unit nor is imported by a unit's file.
  std::uint32_t file_unit() const noexcept {
    return file.index != 0 && (file.unit_declared || file.of_unit_file) && !d.reading_rules ? file.unit_index : npos32;
  }
};

}  // namespace yusuan::compile
