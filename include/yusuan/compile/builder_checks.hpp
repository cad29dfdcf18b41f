// yusuan/compile/builder_checks.hpp -- the checks the reader makes as it reads
// a budget, made on contents given in C++ (budget_builder): what the language
// cannot even write, a budget built must not hold either.  Each is the
// reader's error, without a place: a year the language does not read, an amount unit
// or unit type out of range, two units of one code, more than max_units
// units, an amount of money::min(); an item's code malformed or in the wrong
// classification (E0201), an income line stated twice for a unit, a 其中 part
// stated twice or of no line (E0206), a project of a kind no project has, 财政拨款 as a line or a part no part of its line
// (E0205), a part larger than its line or a balance its parts do not add up
// to (E0401), two projects of one name (E0303) or code (E0203), two groups,
// 上年 figures, figures or measures of one name (E0303), a tag without a
// key (E0206); and in expressions (expr_valid), percentages, amounts and
// codes the language could not write.  Spirit-free.
#pragma once

#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/model/budget.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/money/sum.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace yusuan::compile {

/// Whether `c` has the digits of its level (3, 5 or 7, at most its
/// classification's finest) and starts with `first`.
template <class Code>
bool well_formed_code(Code c, std::uint32_t first) noexcept {
  if (!c || c.level() > Code::max_level) return false;
  std::uint32_t low = 100;
  for (int l = 1; l < c.level(); ++l) low *= 100;
  return c.digits() >= low && c.digits() < 10 * low && c.digits() / low == first;
}

/// The reader's checks on `data` (see the file's comment); false when one failed.
inline bool contents_valid(const detail::budget_data& data, reporter& rep) {
  const std::size_t before = rep.errors_seen();
  const unit u = data.header.amount_unit;
  auto fail = [&](const char* code, const std::string& message, const std::string& label) {
    rep.error(code, message, source_span{}, label);
  };
  const auto amount_ok = [&](money m, const std::string& what) {
    if (m.fen() != std::numeric_limits<std::int64_t>::min()) return true;
    fail("E0202", what + ": an amount of " + std::to_string(m.fen()) + " 分 is more than an amount can hold",
         "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
    return false;
  };
  if (data.header.year != 0 && (data.header.year < 1949 || data.header.year > 2200))
    fail("E0206", "invalid year " + std::to_string(data.header.year), "a year from 1949 to 2200, such as 2024 (0: none)");
  if (data.header.amount_unit != unit::yuan && data.header.amount_unit != unit::wan_yuan &&
      data.header.amount_unit != unit::yi_yuan)
    fail("E0205", "amount unit " + std::to_string(static_cast<int>(data.header.amount_unit)) + " is not a unit",
         "元, 万元 or 亿元");
  if (data.units.size() > max_units)
    fail("E0711", "too many budget units: " + std::to_string(data.units.size()),
         "a budget holds at most " + std::to_string(max_units) + " units");
  std::map<std::string, std::size_t, std::less<>> unit_codes;
  for (std::size_t i = 0; i < data.units.size(); ++i) {
    const budget_unit& un = data.units[i];
    if (un.type != unit_type::unknown && un.type != unit_type::administrative && un.type != unit_type::civil_service &&
        un.type != unit_type::institution)
      fail("E0205", "unit " + std::to_string(i) + " has unit type " + std::to_string(static_cast<int>(un.type)),
           "not a unit_type");
    if (!un.code.empty())
      if (auto [at, fresh] = unit_codes.try_emplace(un.code, i); !fresh)
        fail("E0303", "unit " + un.code + " is declared twice: units " + std::to_string(at->second) + " and " + std::to_string(i),
             "two units cannot share a code");
  }
  for (std::size_t i = 0; i < data.items.size(); ++i) {
    const item& it = data.items[i];
    const std::string which = "item " + std::to_string(i);
    amount_ok(it.amount, which);
    if (it.function && !well_formed_code(it.function, 2))
      fail("E0201", which + " has functional code " + it.function.str() + " of level " + std::to_string(it.function.level()),
           "3, 5 or 7 digits starting with 2 (level 1, 2 or 3)");
    if (it.econ && !well_formed_code(it.econ, 3) && !it.econ.is_government())
      fail("E0201", which + " has 部门 economic code " + it.econ.str() + " of level " + std::to_string(it.econ.level()),
           "3 or 5 digits starting with 3 (level 1 or 2)");
    if (it.gov_econ && !well_formed_code(it.gov_econ, 5) && it.gov_econ.is_government())
      fail("E0201", which + " has 政府 economic code " + it.gov_econ.str() + " of level " + std::to_string(it.gov_econ.level()),
           "3 or 5 digits starting with 5 (level 1 or 2)");
    if (it.econ && it.econ.is_government())
      fail("E0201", "item " + std::to_string(i) + " has 政府 economic code " + it.econ.str() + " as its 部门 code",
           "item::econ is a 部门 code (3…), item::gov_econ a 政府 one (5…)");
    if (it.gov_econ && !it.gov_econ.is_government())
      fail("E0201", "item " + std::to_string(i) + " has 部门 economic code " + it.gov_econ.str() + " as its 政府 code",
           "item::econ is a 部门 code (3…), item::gov_econ a 政府 one (5…)");
  }
  // income lines: once per unit and source; parts once per line, each a part of its line
  std::set<std::pair<std::uint16_t, fund_source>> lines;
  std::set<std::tuple<std::uint16_t, fund_source, fund_source>> parts;
  for (std::size_t i = 0; i < data.income.size(); ++i) {
    const income_line& l = data.income[i];
    const std::string which = "income line " + std::to_string(i);
    const auto name = [](fund_source f) { return std::string(chinese_name(f)); };
    if (!l.of_which) {
      if (l.source == fund_source::fiscal_appropriation)
        fail("E0205", which + " is of 财政拨款", "财政拨款 is a 其中 part of 一般公共预算, not a line of its own");
      else if (!lines.emplace(l.unit, l.source).second)
        fail("E0206", which + ": income line '" + name(l.source) + "' is stated twice", "once for each unit");
      continue;
    }
    if (!is_part_of(l.source, *l.of_which))
      fail("E0205", which + ": 其中 " + name(l.source) + " is not a part of " + name(*l.of_which),
           "财政拨款 is the one part of 一般公共预算; 上年结转结余 splits by any other source");
    else if (!parts.emplace(l.unit, *l.of_which, l.source).second)
      fail("E0206", which + ": 其中 " + name(l.source) + " of " + name(*l.of_which) + " is stated twice", "once for each line");
  }
  // a part against its line; a balance's parts against it (其中 财政拨款 alone is its 一般公共预算 part)
  for (const auto& [unit_index, source] : lines) {
    money line;
    for (const auto& l : data.income)
      if (!l.of_which && l.unit == unit_index && l.source == source) line = l.amount;
    std::vector<std::pair<fund_source, money>> amounts;  // its parts
    for (const auto& l : data.income) {
      if (l.of_which != source || l.unit != unit_index) continue;
      amounts.emplace_back(l.source, l.amount);
      if (l.amount > line)
        fail("E0401", "其中 " + std::string(chinese_name(l.source)) + " " + exact_text(l.amount, u) + " exceeds " +
                          std::string(chinese_name(source)) + " " + exact_text(line, u),
             "a part is at most its line");
    }
    if (source != fund_source::carryover || amounts.empty()) continue;
    if (const money_sum by_fund = balance_parts_total(amounts); by_fund.fen() != int128(line.fen()))
      fail("E0401", "the 其中 parts of 上年结转结余 add up to " + format_fen(by_fund.fen(), u) + ", not " + exact_text(line, u),
           "stated by fund source, a balance is the sum of its parts");
    if (const auto past = fiscal_part_past_general(amounts))
      fail("E0401", "其中 财政拨款 " + exact_text(past->first, u) + " exceeds the 一般公共预算 part " + exact_text(past->second, u) +
                        " of 上年结转结余",
           "财政拨款 is part of 一般公共预算");
  }
  if (!data.year_end_by_fund.empty() && data.year_end_balance) {
    for (const auto& [f, m] : data.year_end_by_fund)
      if (f == fund_source::carryover) fail("E0205", "年终结转结余 has a part of 上年结转结余", "a part is a fund source");
    if (const money_sum by_fund = balance_parts_total(data.year_end_by_fund);
        by_fund.fen() != int128(data.year_end_balance->fen()))
      fail("E0401", "the 其中 parts of 年终结转结余 add up to " + format_fen(by_fund.fen(), u) + ", not " +
                        exact_text(*data.year_end_balance, u),
           "stated by fund source, a balance is the sum of its parts");
    if (const auto past = fiscal_part_past_general(data.year_end_by_fund))
      fail("E0401", "其中 财政拨款 " + exact_text(past->first, u) + " exceeds the 一般公共预算 part " + exact_text(past->second, u) +
                        " of 年终结转结余",
           "财政拨款 is part of 一般公共预算");
  }
  for (const auto& l : data.income)  // a part of no line (the language writes a part on its line)
    if (l.of_which && !lines.contains({l.unit, *l.of_which}))
      fail("E0206", "其中 " + std::string(chinese_name(l.source)) + " of " + std::string(chinese_name(*l.of_which)) +
                        " is a part of no income line of its unit",
           "a part is stated with its line");
  std::set<std::string, std::less<>> names;
  for (const auto& p : data.projects) {
    if (p.kind != spending_kind::unspecified && parent_kind(p.kind) != spending_kind::project)
      fail("E0205", "project '" + p.name + "' is of kind " + std::to_string(static_cast<int>(p.kind)) +
                        (static_cast<int>(p.kind) <= static_cast<int>(spending_kind::specific)
                             ? " (" + std::string(chinese_name(p.kind)) + ")"
                             : std::string()),
           "a project is 其他运转类 or 特定目标类 (spending_kind::operating, specific)");
    amount_ok(p.amount, "project '" + p.name + "'");
  }
  for (const auto& l : data.income) amount_ok(l.amount, "an income line");
  for (const auto& f : data.figures)
    if (f.is_money) amount_ok(f.amount, "figure '" + f.name + "'");
  for (const auto& f : data.prior) amount_ok(f.amount, "prior-year figure '" + f.name + "'");
  std::set<std::pair<std::string_view, std::uint32_t>> of_units;  // two units may each have a project of one name
  for (const auto& p : data.projects)
    if (names.insert(p.name), !of_units.emplace(p.name, p.unit).second)
      fail("E0303", "project '" + p.name + "' is declared twice", "a project's name is its own in its unit");
  std::set<std::string, std::less<>> codes;
  for (const auto& p : data.projects)
    if (!p.code.empty() && !codes.insert(p.code).second)
      fail("E0203", "project code " + p.code + " is given to two projects", "a project's 编码 is its own");
  // 项目 = X would mean either: a name and a code each name one project, and
  // a group's name is no project's
  for (const auto& p : data.projects)
    if (!p.code.empty() && p.code != p.name && names.contains(p.code))
      fail("E0203", "project code " + p.code + " is the name of another project", "a name and a code each name one project");
  for (const auto& g : data.groups)
    if (names.contains(g.name) || codes.contains(g.name))
      fail("E0303", "project group '" + g.name + "' has the name of a project", "项目 = " + g.name + " would name both");
  names.clear();
  for (const auto& g : data.groups)
    if (!names.insert(g.name).second)
      fail("E0303", "project group '" + g.name + "' is declared twice", "a group's name is its own");
  names.clear();
  for (const auto& p : data.prior)
    if (!names.insert(p.name).second) fail("E0303", "prior-year figure '" + p.name + "' is stated twice", "once for each name");
  // a measure, a figure and (in a budget's text) a 参数 each need a name of
  // their own: which one an expression means would depend on the lookups
  std::map<std::string, const char*, std::less<>> named;
  const auto declare = [&](const std::string& name, const char* what) {
    auto [it, inserted] = named.try_emplace(name, what);
    if (inserted) return;
    if (it->second == what)
      fail("E0303", std::string(what) + " '" + name + "' is declared twice", "once for each name");
    else
      fail("E0303", "'" + name + "' is declared as " + what + " and as " + it->second,
           "a measure and a figure (数值, 计数) each need a name of their own");
  };
  for (const auto& f : data.figures) declare(f.name, "a figure");
  for (const auto& m : data.measures) declare(m.name, "a measure");
  for (std::size_t i = 1; i < data.tag_sets.size(); ++i)
    for (const auto& [k, v] : data.tag_sets[i])
      if (k >= data.strings.size() || v >= data.strings.size() || data.strings[k].empty()) {
        fail("E0206", "tag set " + std::to_string(i) + " has a tag without a key", "a tag is key = value");
        break;
      }
  return rep.errors_seen() == before;
}

/// What the language cannot even write, an expression built in C++ must not
/// hold either (its measures' and constraints', named by `where`): a
/// percentage of more than six decimals (or fewer than none), an amount or a
/// count that has no negation (E0202), a code in a filter that is none of
/// its classification's (E0201).  False when one is found.
inline bool expr_valid(const expr& e, const std::string& where, unit u, reporter& rep) {
  bool ok = true;
  const auto bad = [&](const char* code, const std::string& message, const std::string& label) {
    rep.error(code, where + ": " + message, source_span{}, label);
    ok = false;
  };
  const auto filter_ok = [&](const auto& self, const filter& f) -> void {
    for (const auto& c : f.children) self(self, c);
    if (f.kind == filter::op::not_ && f.children.size() != 1)
      bad("E0206", "a 非 (filter::op::not_) of " + std::to_string(f.children.size()) + " conditions", "it negates one");
    for (const auto& v : f.values) {
      switch (f.dim.dim) {
        case dimension::function:
          if (!well_formed_code(v.function, 2))
            bad("E0201", "功能 = '" + v.function.str() + "' is no functional code", "3, 5 or 7 digits starting with 2");
          break;
        case dimension::econ:
          if (!well_formed_code(v.econ, 3))
            bad("E0201", "经济 = '" + v.econ.str() + "' is no 部门 economic code", "3 or 5 digits starting with 3");
          break;
        case dimension::gov_econ:
          if (!well_formed_code(v.econ, 5))
            bad("E0201", "政府经济 = '" + v.econ.str() + "' is no 政府 economic code", "3 or 5 digits starting with 5");
          break;
        default: break;
      }
    }
  };
  const auto walk = [&](const auto& self, const expr& x) -> void {
    switch (x.kind) {
      case expr::op::percent_literal:
        if (x.scale < 0 || x.scale > 6)
          bad("E0202", "a percentage of " + std::to_string(x.percent_units) + " at scale " + std::to_string(x.scale),
              "a percentage has 0 to 6 decimals");
        break;
      case expr::op::money_literal:
        if (x.amount.fen() == std::numeric_limits<std::int64_t>::min()) {
          bad("E0202", "an amount of " + std::to_string(x.amount.fen()) + " 分 is more than an amount can hold",
              "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
        } else if (x.span) {
          // read from a budget's text (a budget rebuilt): as it was written
        } else if (x.decimals < -1) {
          bad("E0202", "a published figure needs its decimals", "published(m, decimals): 0 or more decimals");
        } else if (x.decimals >= 0) {  // published(): a figure as published, in the budget's unit
          std::error_code ec;
          const money r = x.decimals <= exact_decimals(u) ? x.amount.round(u, x.decimals, rounding::half_up, ec) : money{};
          if (x.decimals > exact_decimals(u) || ec || r != x.amount)
            bad("E0202",
                "a published figure of " + std::to_string(x.decimals) + (x.decimals == 1 ? " decimal: " : " decimals: ") + exact_text(x.amount, u) + " " +
                    std::string(unit_name(u)),
                "a figure published in " + std::string(unit_name(u)) + " has at most " +
                    std::to_string(exact_decimals(u)) + " decimals, and those it is published with");
        }
        break;
      case expr::op::count_literal:
        if (x.count == std::numeric_limits<std::int64_t>::min())
          bad("E0202", "a count of " + std::to_string(x.count) + " is more than a count can hold",
              "counts are at most 9,223,372,036,854,775,807 either side of 0");
        break;
      default: break;
    }
    filter_ok(filter_ok, x.where);
    for (const auto& a : x.args) self(self, a);
  };
  walk(walk, e);
  return ok;
}

}  // namespace yusuan::compile
