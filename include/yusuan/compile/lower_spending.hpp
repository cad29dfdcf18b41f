// yusuan/compile/lower_spending.hpp -- lowering the statements that carry
// money: items, blocks and their stated totals, project groups, income lines
// and the year-end balance.
#pragma once

#include <yusuan/compile/context.hpp>
#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/project_names.hpp>
#include <yusuan/compile/vocabulary.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/keywords.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace yusuan::compile {

class spending_lowering {
public:
  explicit spending_lowering(lowering_context& c) : c_(c) {}

  void operator()(const syntax::ast::item& s) {
    coordinates co;
    c_.coords.read(s.coords, co);
    c_.coords.read(s.trailing, co);
    auto m = c_.values.amount(s.amount);
    if (!co.ok || !m) return;
    frame f = c_.blocks.inherited();
    const source_span at = c_.span_at(s.where.b);
    if (!c_.coords.combine(f, co, at)) return;
    auto& data = c_.data();
    item it;
    it.amount = *m;
    it.function = f.function;
    it.econ = f.econ;
    it.gov_econ = f.gov;
    it.kind = f.spend;
    it.fund = f.fund.value_or(fund_source::general_budget);
    if (it.fund == fund_source::carryover) it.balance_of = f.balance_of;
    it.file = c_.file.index;
    it.unit = c_.file.unit_index;
    it.offset = c_.rep.offset_of(s.where.b);
    it.group = f.group;
    it.tags = f.tags;
    it.line = f.line != npos32 ? f.line : data.line_count++;
    if (f.project == unresolved_project) {
      c_.d.pending.push_back({data.items.size(), co.project_name, co.project_span});
      it.project = npos32;
    } else {
      it.project = f.project;
    }
    if (it.project != npos32) {
      const auto& p = data.projects[it.project];
      if (it.kind == spending_kind::unspecified) it.kind = p.kind;
      if (!it.function) it.function = p.function;
    }
    c_.blocks.add(it.amount);
    data.items.push_back(it);
  }

  void operator()(const syntax::ast::block_open& s) {
    coordinates co;
    c_.coords.read(s.coords, co);
    const frame& parent = c_.blocks.inherited();
    frame f;
    f.span = c_.span_at(s.where.b);
    f.first_item = c_.data().items.size();
    if (co.ok) {
      frame merged = parent;
      if (c_.coords.combine(merged, co, f.span)) {
        f.function = co.function ? merged.function : function_code{};
        f.econ = co.econ;
        f.gov = co.gov;
        f.spend = co.kind != spending_kind::unspecified ? merged.spend : spending_kind::unspecified;
        f.fund = co.fund;
        f.balance_of = co.balance_of;
        if (!co.project_name.empty()) {
          f.project = merged.project;
          // a project declared before, of another unit: in the department's
          // file (in a unit's file, the unit's own, declared after the block)
          if (f.project == unresolved_project && c_.file_unit() == npos32)
            if (const auto p = c_.d.project_by_name_or_code(co.project_name, c_.file.unit_index); p != npos32)
              f.project = p;
          if (f.project == unresolved_project) {
            if (const auto* sharing = c_.d.projects_sharing(co.project_name); sharing && c_.file_unit() == npos32)
              ambiguous_project(c_.rep, c_.data(), co.project_name, co.project_span, *sharing);
            else if (!c_.rep.was_left_out(co.project_name))
              c_.rep.unknown_project(co.project_name, co.project_span, "declare it with 项目 before using it in a block");
            f.project = npos32;
          }
        }
        if (!co.tags.empty()) f.tags = merged.tags;
      }
    }
    if (co.fixes_econ && parent.line == npos32) f.line = c_.data().line_count++;
    if (s.total) {
      if (auto m = c_.values.amount(s.total)) f.stated_total = m;
    }
    f.input_errors_at_open = c_.rep.input_errors();
    c_.blocks.push(std::move(f));
  }

  void operator()(const syntax::ast::block_close& s) {
    if (c_.blocks.size() <= c_.file.block_floor) {
      c_.rep.error("E0103", "unexpected '}': no block is open", c_.span_at(s.where.b));
      return;
    }
    close_block(true);
  }

  /// Closes the innermost block; `check`: compare its stated total.
  void close_block(bool check) {
    const auto sum = c_.blocks.sum_since(c_.blocks.back());
    frame f = c_.blocks.pop();
    if (!check) return;
    auto& data = c_.data();
    if (!sum) {
      c_.rep.error("E0701", "the items of this block sum to more than an amount can hold", f.span,
                   "at most 92,233,720,368,547,758.07 元");
      return;
    }
    if (f.kind == frame::type::group) {
      data.groups[f.group].amount = *sum;
      return;
    }
    if (!f.stated_total) return;
    if (c_.rep.input_errors() != f.input_errors_at_open) {  // an item of it may have been left out
      c_.rep.not_run(1);
      return;
    }
    if (*sum == *f.stated_total) return;
    const unit u = c_.file.amount_unit;
    auto& d = c_.rep.error("E0401",
                           "stated total " + exact_text(*f.stated_total, u) + " differs from the sum of its items " +
                               exact_text(*sum, u),
                           f.span);
    d.expected = exact_text(*f.stated_total, u);
    d.found = exact_text(*sum, u) + " (difference " + signed_text(int128(sum->fen()) - f.stated_total->fen(), u) + " " +
              std::string(unit_name(u)) + ")";
    add_item_notes(d, data, f.first_item, data.items.size(), data.header.amount_unit);
  }

  void operator()(const syntax::ast::project_group& s) {
    auto& data = c_.data();
    project_group g;
    g.name = c_.values.text(s.name);
    g.span = c_.span_of(s.name);
    const auto gid = static_cast<std::uint32_t>(data.groups.size());
    if (auto [it, inserted] = c_.d.group_ids.try_emplace(g.name, gid); !inserted) {
      auto& d = c_.rep.error("E0303", "project group '" + g.name + "' is declared twice", g.span);
      d.notes.push_back({"first declared here", data.groups[it->second].span});
    } else if (const std::uint32_t p = c_.d.any_project_named(g.name); p != npos32) {
      auto& d = c_.rep.error("E0303", "project group '" + g.name + "' has the name of a project", g.span,
                             "项目 = " + g.name + " would name both");
      d.notes.push_back({"the project", data.projects[p].span});
    }
    for (const auto& m : s.members) {
      const std::string n = c_.values.text(m);
      // in a unit's file, the unit's own project (declared before the group)
      const std::uint32_t id = c_.d.project_by_name_or_code(n, c_.file.unit_index, c_.file_unit() != npos32);
      if (id == npos32) {
        if (const auto* sharing = c_.d.projects_sharing(n))
          ambiguous_project(c_.rep, data, n, c_.span_of(m), *sharing);
        else if (!c_.rep.was_left_out(n))
          c_.rep.unknown_project(n, c_.span_of(m), "declare it with 项目 before the group");
        continue;
      }
      auto& p = data.projects[id];
      if (p.group == gid) {
        c_.rep.error("E0303", "project '" + n + "' is listed twice in group '" + g.name + "'", c_.span_of(m),
                     n == p.name ? "" : "the code of '" + p.name + "'");
        continue;
      }
      if (p.group != npos32) {
        auto& d = c_.rep.error("E0303", "project '" + n + "' is already in group '" + data.groups[p.group].name + "'",
                               c_.span_of(m));
        d.notes.push_back({"that group", data.groups[p.group].span});
        continue;
      }
      p.group = gid;
      g.members.push_back(id);
    }
    coordinates co;
    c_.coords.read(s.coords, co);
    frame f;
    f.kind = frame::type::group;
    f.group = gid;
    f.span = c_.span_at(s.where.b);
    f.first_item = data.items.size();
    frame merged = c_.blocks.inherited();
    if (co.ok && c_.coords.combine(merged, co, f.span)) {
      f.function = co.function ? merged.function : function_code{};
      f.econ = co.econ;
      f.gov = co.gov;
      f.spend = co.kind != spending_kind::unspecified ? merged.spend : spending_kind::unspecified;
      f.fund = co.fund;
      f.balance_of = co.balance_of;
      if (!co.tags.empty()) f.tags = merged.tags;
    }
    data.groups.push_back(std::move(g));
    c_.blocks.push(std::move(f));
  }

  void operator()(const syntax::ast::income& s) {
    auto& data = c_.data();
    auto src = parse_fund_source(s.source.view());
    if (!src || *src == fund_source::fiscal_appropriation) {
      auto& d = unknown_word(c_.rep, vocabulary::income_source,
                             "unknown income source '" + std::string(s.source.view()) + "'", s.source.view(),
                             c_.span_of(s.source));
      if (src)  // 财政拨款
        d.notes.push_back({"财政拨款 is a part of a line of income: 收入 一般公共预算 … 其中 财政拨款 …", {}});
      return;
    }
    auto m = c_.values.amount(s.amount);
    if (!m) return;
    const auto [first, fresh] = c_.d.income_lines.try_emplace({c_.file.unit_index, *src}, data.income.size());
    if (!fresh) {
      auto& d = c_.rep.error("E0206", "income line '" + std::string(chinese_name(*src)) + "' is stated twice",
                             c_.span_of(s.source));
      d.notes.push_back({"first stated here", data.income[first->second].span});
      return;
    }
    data.income.push_back({*src, std::nullopt, *m, c_.span_of(s.source), c_.file.unit_index});
    const unit u = c_.file.amount_unit;
    stated_parts stated;                                 // the parts so far, where stated
    std::vector<std::pair<fund_source, money>> amounts;  // and their amounts
    for (const auto& part : s.parts) {
      auto sub = parse_fund_source(part.source.view());
      if (!sub) {
        unknown_word(c_.rep, vocabulary::income_source,
                     "unknown income source '" + std::string(part.source.view()) + "'", part.source.view(),
                     c_.span_of(part.source));
        continue;
      }
      if (!part_of(*sub, *src, part, s)) continue;
      if (stated_twice(stated, *sub, part.source, s.source.view())) continue;
      if (auto sm = c_.values.amount(part.amount)) {
        amounts.emplace_back(*sub, *sm);
        data.income.push_back({*sub, *src, *sm, c_.span_of(part.source), c_.file.unit_index});
        if (*sm > *m) {
          auto& d = c_.rep.error("E0401",
                                 "其中 " + std::string(part.source.view()) + " " + exact_text(*sm, u) + " exceeds " +
                                     std::string(s.source.view()) + " " + exact_text(*m, u),
                                 c_.span_of(part.amount));
          d.expected = "at most " + exact_text(*m, u);
          d.found = exact_text(*sm, u);
        }
      }
    }
    // a balance stated by fund: its parts are all of it (其中 财政拨款 is its
    // 一般公共预算 part where that is not stated)
    if (*src == fund_source::carryover && !stated.empty()) {
      parts_add_up(balance_parts_total(amounts), *m, "上年结转结余", c_.span_of(s.source));
      fiscal_within_general(amounts, stated, "上年结转结余");
    }
  }

  /// Adds `m` to `total` (set to `m` when empty); E0701 at `at`, and false,
  /// when the sum is more than an amount holds.
  bool add_to(std::optional<money>& total, money m, source_span at) {
    if (!total) {
      total = m;
      return true;
    }
    money_sum s;
    s += *total;
    s += m;
    std::error_code ec;
    const money v = s.value(ec);
    if (ec) {
      c_.rep.error("E0701", "年终结转结余 of the budget's units is more than an amount can hold", at,
                   "amounts and their totals are at most 92,233,720,368,547,758.07 元");
      return false;
    }
    total = v;
    return true;
  }

  /// The length of the 年终结转结余 (year-end-balance) that starts `text`.
  static std::uint32_t keyword_length(std::string_view text) noexcept {
    const auto& k = syntax::spelling(syntax::keyword::year_end_balance);
    for (const auto w : {k.zh, k.en})
      if (!w.empty() && text.substr(0, w.size()) == w) return static_cast<std::uint32_t>(w.size());
    return 1;
  }

  void operator()(const syntax::ast::year_end_balance& s) {
    auto& data = c_.data();
    auto m = c_.values.amount(s.amount);
    if (!m) return;
    const source_span here = c_.span_at(s.where.b, keyword_length(s.where.view()));
    if (const auto first = c_.d.year_end_lines.find(c_.file.unit_index); first != c_.d.year_end_lines.end()) {
      auto& d = c_.rep.error("E0206", "年终结转结余 is stated twice", here);
      d.notes.push_back({"first stated here", data.year_end_units[first->second].span});
      return;
    }
    // a department's: the sum of its units' (E0701 past what an amount holds)
    if (!add_to(data.year_end_balance, *m, here)) return;
    c_.d.year_end_lines.emplace(c_.file.unit_index, data.year_end_units.size());
    data.year_end_units.push_back({c_.file.unit_index, *m, here, !s.parts.empty(), {}});
    if (!data.year_end_balance_span) data.year_end_balance_span = here;
    stated_parts stated;                                 // this statement's parts, where stated
    std::vector<std::pair<fund_source, money>> amounts;  // and their amounts
    for (const auto& part : s.parts) {
      auto sub = parse_fund_source(part.source.view());
      if (!sub || *sub == fund_source::carryover) {
        unknown_word(c_.rep, vocabulary::fund, "unknown fund source '" + std::string(part.source.view()) + "'",
                     part.source.view(), c_.span_of(part.source));
        continue;
      }
      auto sm = c_.values.amount(part.amount);
      if (!sm) continue;
      if (stated_twice(stated, *sub, part.source, "年终结转结余")) continue;
      std::size_t k = 0;
      while (k < data.year_end_by_fund.size() && data.year_end_by_fund[k].first != *sub) ++k;
      if (k == data.year_end_by_fund.size()) {
        data.year_end_by_fund.emplace_back(*sub, *sm);
        data.year_end_by_fund_spans.push_back(c_.span_of(part.source));
      } else {
        std::optional<money> sum = data.year_end_by_fund[k].second;
        if (!add_to(sum, *sm, c_.span_of(part.amount))) continue;
        data.year_end_by_fund[k].second = *sum;
      }
      data.year_end_units.back().parts.push_back({*sub, *sm, c_.span_of(part.source)});
      amounts.emplace_back(*sub, *sm);
    }
    if (!stated.empty()) {
      parts_add_up(balance_parts_total(amounts), *m, "年终结转结余", here);
      fiscal_within_general(amounts, stated, "年终结转结余");
    }
  }

  using stated_parts = std::vector<std::pair<fund_source, source_span>>;

  /// Whether the part `f` (written `written`) of `line` is among `stated`
  /// already (E0206, with the first in a note); else adds it there.
  bool stated_twice(stated_parts& stated, fund_source f, syntax::ast::slice written, std::string_view line) {
    for (const auto& [g, at] : stated)
      if (g == f) {
        auto& d = c_.rep.error("E0206", "其中 " + std::string(written.view()) + " of " + std::string(line) + " is stated twice",
                               c_.span_of(written));
        d.notes.push_back({"first stated here", at});
        return true;
      }
    stated.emplace_back(f, c_.span_of(written));
    return false;
  }

  /// Whether `sub` can be a 其中 part of a line of `line` (E0205 if not):
  /// 财政拨款 of 一般公共预算, and any fund source but itself of 上年结转结余.
  bool part_of(fund_source sub, fund_source line, const syntax::ast::income_part& part, const syntax::ast::income& s) {
    if (is_part_of(sub, line)) return true;
    auto& d = c_.rep.error("E0205",
                           "其中 " + std::string(part.source.view()) + " is not a part of " + std::string(s.source.view()),
                           c_.span_of(part.source),
                           line == fund_source::carryover        ? "上年结转结余 is split by the fund sources it came from"
                           : line == fund_source::general_budget ? "only 财政拨款 is a part of 一般公共预算"
                                                                 : "a line of " + std::string(s.source.view()) + " has no parts");
    d.expected = line == fund_source::carryover ? "a fund source (一般公共预算, 政府性基金, 事业收入 …)"
                 : line == fund_source::general_budget ? "其中 财政拨款"
                                                       : "no 其中";
    d.found = "'" + std::string(part.source.view()) + "'";
    return false;
  }

  /// A balance stated by fund source is the sum of its parts (E0401 if not):
  /// each fund's balance is checked (E0405) and printed by the tables.
  void parts_add_up(const money_sum& parts, money whole, const std::string& name, source_span at) {
    if (parts.fen() == int128(whole.fen())) return;
    const unit u = c_.file.amount_unit;
    auto& d = c_.rep.error("E0401",
                           "the 其中 parts of " + name + " add up to " + format_fen(parts.fen(), u) + ", not " +
                               exact_text(whole, u),
                           at);
    d.expected = exact_text(whole, u) + " (" + name + ")";
    d.found = format_fen(parts.fen(), u) + " (Σ of its 其中 parts by fund source)";
    d.notes.push_back({"stated by fund source, a balance is the sum of its parts: each fund balances on its own (E0405)", {}});
  }

  /// A balance's 其中 财政拨款 beside its 一般公共预算 part is part of it
  /// (E0401 at the 财政拨款 part when larger).
  void fiscal_within_general(const std::vector<std::pair<fund_source, money>>& amounts, const stated_parts& stated,
                             const std::string& name) {
    const auto past = fiscal_part_past_general(amounts);
    if (!past) return;
    source_span at;
    for (const auto& [f, span] : stated)
      if (f == fund_source::fiscal_appropriation) at = span;
    const unit u = c_.file.amount_unit;
    auto& d = c_.rep.error("E0401",
                           "其中 财政拨款 " + exact_text(past->first, u) + " exceeds the 一般公共预算 part " +
                               exact_text(past->second, u) + " of " + name,
                           at, "财政拨款 is part of 一般公共预算");
    d.expected = "at most " + exact_text(past->second, u);
    d.found = exact_text(past->first, u);
  }

private:
  lowering_context& c_;
};

}  // namespace yusuan::compile
