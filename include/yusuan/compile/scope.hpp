// yusuan/compile/scope.hpp -- where the lowering pass is in the source: the
// file being read (its unit of amounts, its budget unit) and the blocks in
// force, with the coordinates they give the items inside them.
#pragma once

#include <yusuan/budget.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace yusuan::compile {

/// The state of one file being read.
struct file_state {
  std::uint16_t index = 0;             // into budget::sources()
  unit amount_unit = unit::yuan;       // 金额单位, inherited from the importing file
  std::uint16_t unit_index = 0;        // the budget unit (单位) its items belong to
  bool unit_declared = false;
  std::size_t amounts = 0;             // amounts read so far: 金额单位 must come first
  std::size_t block_floor = 0;         // blocks open when the file started: its '}' cannot close them
  bool amount_unit_stated = false;     // the file states its 金额单位 (else it inherits the importer's)
  bool of_unit_file = false;           // imported, directly or not, by a unit's own file: part of that unit
};

/// A block in force: the coordinates it gives its items and its stated total.
struct frame {
  enum class type : std::uint8_t { block, project, targets, group } kind = type::block;
  function_code function;
  econ_code econ, gov;
  spending_kind spend = spending_kind::unspecified;
  std::optional<fund_source> fund;
  fund_source balance_of = fund_source::carryover;  // of a fund 上年结转结余: the fund that balance is of
  std::uint32_t project = npos32;
  std::uint32_t group = npos32;
  std::uint32_t tags = 0;
  std::uint32_t line = npos32;  // set when this block fixes the economic code
  std::optional<money> stated_total;
  std::size_t input_errors_at_open = 0;  // reporter::input_errors() when it opened
  money_sum total_at_open;  // Σ of every item read before the block opened
  std::size_t first_item = 0;
  source_span span;
};

/// The blocks in force.  What a new item inherits is kept up to date as
/// blocks open and close, so that reading an item costs the same at any depth.
class block_stack {
public:
  std::size_t size() const noexcept { return frames_.size(); }
  bool empty() const noexcept { return frames_.empty(); }
  frame& back() noexcept { return frames_.back(); }
  const frame& back() const noexcept { return frames_.back(); }
  auto begin() noexcept { return frames_.begin(); }
  auto end() noexcept { return frames_.end(); }
  auto rbegin() const noexcept { return frames_.rbegin(); }
  auto rend() const noexcept { return frames_.rend(); }

  void push(frame f) {
    inherited_.push_back(merge(inherited_.empty() ? frame{} : inherited_.back(), f));
    f.total_at_open = running_;
    frames_.push_back(std::move(f));
  }
  frame pop() {
    frame f = std::move(frames_.back());
    frames_.pop_back();
    inherited_.pop_back();
    return f;
  }

  /// The coordinates a new item or block inherits from the blocks in force.
  const frame& inherited() const noexcept { return inherited_.empty() ? none_ : inherited_.back(); }

  /// The project whose block (or 绩效 block) is innermost, or npos32.
  std::uint32_t current_project() const noexcept {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
      if (it->kind == frame::type::project || it->kind == frame::type::targets) return it->project;
    return npos32;
  }

  /// Counts an item's amount: the sum of a block is the running total when
  /// it closes less the running total when it opened, whatever its depth.
  void add(money m) noexcept { running_ += m; }

  /// Σ of the items read since `f` opened, or nullopt when it does not fit in 64 bits.
  std::optional<money> sum_since(const frame& f) const {
    const auto d = running_.fen() - f.total_at_open.fen();
    if (d > std::numeric_limits<std::int64_t>::max() || d < -std::numeric_limits<std::int64_t>::max()) return std::nullopt;
    return money::from_fen(static_cast<std::int64_t>(d));
  }

private:
  static frame merge(frame f, const frame& fr) {
    if (fr.kind == frame::type::project) {
      // inside a project its own 类型 and 功能 apply, not those of blocks around it
      f.spend = spending_kind::unspecified;
      f.function = {};
    }
    if (fr.function) f.function = fr.function;
    if (fr.econ) f.econ = fr.econ;
    if (fr.gov) f.gov = fr.gov;
    if (fr.spend != spending_kind::unspecified) f.spend = fr.spend;
    if (fr.fund) {
      f.fund = fr.fund;
      f.balance_of = fr.balance_of;
    }
    if (fr.project != npos32) f.project = fr.project;
    if (fr.group != npos32) f.group = fr.group;
    if (fr.tags) f.tags = fr.tags;
    if (fr.line != npos32 && f.line == npos32) f.line = fr.line;
    f.stated_total.reset();
    f.total_at_open = {};
    f.kind = frame::type::block;
    return f;
  }

  std::vector<frame> frames_;
  money_sum running_;
  std::vector<frame> inherited_;  // inherited_[i]: what frames 0..i give
  frame none_;
};

}  // namespace yusuan::compile
