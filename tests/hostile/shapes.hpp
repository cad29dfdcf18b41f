// tests/hostile/shapes.hpp -- budgets of pathological shapes, made at any
// size: deep nesting, long flat lists, long chains, many names, many imports,
// many diagnostics.  Used by the hostile-input suite, the limit tests and
// bench/bench_hostile.cpp.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace hostile {

/// A budget's first lines: amounts in 元 and one item of 1.00.
inline std::string head() { return "金额单位 元\n208 01 09 30101: 1.00\n"; }

inline std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// 核对 ((…(1)…)) = 1: n parentheses deep.
inline std::string parens(std::size_t n) { return head() + "核对 " + repeat("(", n) + "1" + repeat(")", n) + " = 1\n"; }

/// 核对 占比(((…(1)…)), 1) = 100%: a share and n - 1 parentheses in it.
inline std::string share_levels(std::size_t n) {
  const std::size_t g = n == 0 ? 0 : n - 1;
  return head() + "核对 占比(" + repeat("(", g) + "1" + repeat(")", g) + ", 1) = 100%\n";
}

/// 占比(占比(…, 1), 1): n shares, each in the next (not a valid budget at
/// any depth: a share of a share is E0502).
inline std::string nested_shares(std::size_t n) {
  return head() + "核对 " + repeat("占比(", n) + "1" + repeat(", 1)", n) + " = 100%\n";
}

/// 核对 增幅(((…(m)…))) = 0%: a change and n - 1 parentheses in it.
inline std::string change_levels(std::size_t n) {
  const std::size_t g = n == 0 ? 0 : n - 1;
  return head() + "上年 m 1.00\n口径 m = 1.00\n核对 增幅(" + repeat("(", g) + "m" + repeat(")", g) + ") = 0%\n";
}

/// 增幅(增幅(…(m)…)): n changes, each in the next (E0302 at any depth).
inline std::string nested_changes(std::size_t n) {
  return head() + "上年 m 1.00\n口径 m = 1.00\n核对 " + repeat("增幅(", n) + "m" + repeat(")", n) + " = 0%\n";
}

/// 核对 合计(((…(经济 = 30101)…))) = 1: the filter of 合计 and n - 1 groups.
inline std::string filter_groups(std::size_t n) {
  const std::size_t g = n == 0 ? 0 : n - 1;
  return head() + "核对 合计(" + repeat("(", g) + "经济 = 30101" + repeat(")", g) + ") = 1.00\n";
}

/// 核对 1 + 1 + … = n, `per_line` terms a line.
inline std::string flat_sum(std::size_t n, std::size_t per_line = 1000) {
  std::string s = head() + "核对 1";
  for (std::size_t i = 1; i < n; ++i) s += i % per_line == 0 ? "\n + 1" : " + 1";
  return s + " = " + std::to_string(n) + "\n";
}

/// 核对 合计(经济 = 30101 或 经济 = 30101 或 …) = 1.00: n conditions.
inline std::string or_chain(std::size_t n, std::size_t per_line = 1000) {
  std::string s = head() + "核对 合计(经济 = 30101";
  for (std::size_t i = 1; i < n; ++i) s += i % per_line == 0 ? "\n 或 经济 = 30101" : " 或 经济 = 30101";
  return s + ") = 1.00\n";
}

/// 核对 ----…1 = ±1: n unary minus signs.
inline std::string minus_signs(std::size_t n) {
  return head() + "核对 " + repeat("-", n) + "1 = " + (n % 2 ? "-1" : "1") + "\n";
}

/// 核对 合计(非 非 … 经济 = 30101) = …: n negations.
inline std::string nots(std::size_t n) {
  return head() + "核对 合计(" + repeat("非 ", n) + "经济 = 30101) = " + (n % 2 ? "0.00" : "1.00") + "\n";
}

/// 口径 m0 = m1, m1 = m2, … m(n-1) = 1: each measure defined by the next.
inline std::string measure_chain(std::size_t n) {
  std::string s = head();
  for (std::size_t i = 0; i + 1 < n; ++i) s += "口径 m" + std::to_string(i) + " = m" + std::to_string(i + 1) + "\n";
  return s + "口径 m" + std::to_string(n - 1) + " = 1.00\n核对 m0 = 1.00\n";
}

/// 口径 m0 = m1 … m(n-1) = m0: a cycle through n measures (E0302).
inline std::string measure_cycle(std::size_t n) {
  std::string s = head();
  for (std::size_t i = 0; i < n; ++i) s += "口径 m" + std::to_string(i) + " = m" + std::to_string((i + 1) % n) + "\n";
  return s;
}

/// n blocks nested in one another, an item in the innermost.
inline std::string nested_blocks(std::size_t n) {
  std::string s = "金额单位 元\n";
  for (std::size_t i = 0; i < n; ++i) s += "208 01 09 {\n";
  s += "30101: 1.00\n";
  for (std::size_t i = 0; i < n; ++i) s += "}\n";
  return s;
}

/// n items, each naming economic code 30101 differently (E0204 from the
/// second on).
inline std::string conflicting_names(std::size_t n) {
  std::string s = "金额单位 元\n";
  for (std::size_t i = 0; i < n; ++i) s += "208 01 09 30101 名" + std::to_string(i) + ": 1.00\n";
  return s;
}

/// A department of n units, each with an income line, an item and a
/// project: its tables take a time in proportion to n (the cells of each
/// unit's row passed over every unit's income lines and projects).
inline std::string many_units(std::size_t n) {
  std::string s = "金额单位 元\n部门 801 \"部门\"\n";
  for (std::size_t i = 0; i < n; ++i)
    s += "单位 " + std::to_string(800000 + i) + " \"单位" + std::to_string(i) +
         "\" 类型 行政\n收入 一般公共预算 3.00 其中 财政拨款 3.00\n201 01 01 30101: 2.00 基本支出\n项目 \"项目" +
         std::to_string(i) + "\" 类型 其他运转类 功能 201 01 02 {\n  30227: 1.00\n}\n";
  return s;
}

/// A department of n units, each stating its own income and its balance
/// by fund: each unit's funds balance (E0405 per unit), its records read
/// once, not once per unit.
inline std::string many_units_by_fund(std::size_t n) {
  std::string s = "金额单位 元\n部门 801 \"部门\"\n";
  for (std::size_t i = 0; i < n; ++i)
    s += "单位 " + std::to_string(100000 + i) + " \"单位" + std::to_string(i) +
         "\" 类型 行政\n收入 一般公共预算 3.00\n收入 上年结转结余 1.00 其中 一般公共预算 1.00\n"
         "年终结转结余 0.00 其中 一般公共预算 0.00\n201 01 01 30101: 4.00 基本支出\n";
  return s;
}

/// n plain items of the 2024 catalog's codes.
inline std::string many_items(std::size_t n) {
  static constexpr const char* econ[] = {"30101", "30102", "30103", "30107", "30113",
                                         "30201", "30202", "30211", "30216", "30299"};
  std::string s = "金额单位 元\n";
  s.reserve(n * 28);
  for (std::size_t i = 0; i < n; ++i)
    s += std::string("208 01 09 ") + econ[i % 10] + ": " + std::to_string(1 + i % 997) + ".00\n";
  return s;
}

/// The same 上年 line n times (E0303 from the second on).
inline std::string prior_repeats(std::size_t n) { return head() + repeat("上年 三公经费 7.50\n", n); }

/// A figure whose name is n bytes long (E0717 past 4,096).
inline std::string long_name(std::size_t n) { return head() + "数值 " + std::string(n, 'n') + " 1.00\n"; }

/// A comment line of n bytes (E0716 past 1,048,576).
inline std::string long_line(std::size_t n) { return head() + "#" + std::string(n - 1, 'x') + "\n"; }

/// n lines that are syntax errors (E0101 each, bounded by max_errors).
inline std::string syntax_errors(std::size_t n) { return head() + repeat("208 01 09 30101 1.00\n", n); }

/// A file of n tests of rules, each with an item, written without
/// indentation (yusuan fmt lays them out).
inline std::string many_tests(std::size_t n) {
  std::string s = "年度 2024\n";
  for (std::size_t i = 0; i < n; ++i)
    s += "测试 \"t" + std::to_string(i) + "\" {\n208 01 09 30101: 1.00\n应 通过\n}\n";
  return s;
}

/// n tests on one line, each without an 应 line (malformed).
inline std::string tests_on_one_line(std::size_t n) { return repeat("测试 \"t\" { } ", n) + "\n"; }

/// A block of n distinct tags (a0=v a1=v …), a block of n others in it and
/// an item of n more in that: 3n tags, n on a line.
inline std::string many_tags(std::size_t n) {
  const auto tags = [n](const char* key) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += " " + std::string(key) + std::to_string(i) + "=v";
    return s;
  };
  return "金额单位 元\n208 01 09" + tags("a") + " {\n" + tags("b").substr(1) + " {\n30101: 1.00 基本支出" + tags("c") +
         "\n}\n}\n";
}

// templates of disclosure tables (main.template, for a budget of head()) ---------

/// A template of one table 表 A with a text and an amount column; `rows`
/// are its rows.
inline std::string template_with(const std::string& rows) {
  return "模板 甲\n表 A 甲表 {\n  标题 \"x\"\n  列 \"k\"\n  列 \"a\" = 合计\n" + rows + "}\n";
}

/// A row whose value is 合计 in n parentheses.
inline std::string template_parens(std::size_t n) {
  return template_with("  行 \"x\" = " + repeat("(", n) + "合计" + repeat(")", n) + "\n");
}

/// A row whose 其中 is a filter in n parentheses.
inline std::string template_filter_groups(std::size_t n) {
  return template_with("  行 \"x\" 其中 " + repeat("(", n) + "经济 = 30101" + repeat(")", n) + "\n");
}

/// n blocks nested in one another: the table and n - 1 groups (按) in it.
inline std::string template_nested_groups(std::size_t n) {
  const std::size_t g = n == 0 ? 0 : n - 1;
  return template_with(repeat("按 功能 行 功能.代码 {\n", g) + repeat("}\n", g));
}

/// n tables, each of one text and one amount column and one row: reading
/// the template takes a time in proportion to n (it took the square of it).
inline std::string template_tables(std::size_t n) {
  std::string s = "模板 甲\n";
  for (std::size_t i = 0; i < n; ++i)
    s += "表 A" + std::to_string(i) + " 名" + std::to_string(i) + " {\n  列 \"k\"\n  列 \"a\" = 合计\n  行 \"x\"\n}\n";
  return s;
}

/// n template measures, each of its own, and a table that uses the last:
/// reading them takes a time in proportion to n (it took the square of it).
inline std::string template_measures(std::size_t n) {
  std::string s = "模板 甲\n";
  for (std::size_t i = 0; i < n; ++i) s += "口径 m" + std::to_string(i) + " = 合计(经济 = 30101)\n";
  const std::string last = n == 0 ? "合计" : "m" + std::to_string(n - 1);
  return s + "表 A 甲表 {\n  列 \"k\"\n  列 \"a\" = " + last + "\n  行 \"x\"\n}\n";
}

/// n template measures, each defined by the one before, and a table that
/// uses the last: n levels of measures in a cell.
inline std::string template_measure_chain(std::size_t n) {
  std::string s = "模板 甲\n口径 m0 = 合计(经济 = 30101)\n";
  for (std::size_t i = 1; i < n; ++i) s += "口径 m" + std::to_string(i) + " = m" + std::to_string(i - 1) + "\n";
  return s + "表 A 甲表 {\n  列 \"k\"\n  列 \"a\" = m" + std::to_string(n == 0 ? 0 : n - 1) + "\n  行 \"x\"\n}\n";
}

/// n template measures, each the one before twice: the last has 2^n terms
/// written out.
inline std::string template_measure_doubling(std::size_t n) {
  std::string s = "模板 甲\n口径 m0 = 合计(经济 = 30101)\n";
  for (std::size_t i = 1; i < n; ++i)
    s += "口径 m" + std::to_string(i) + " = m" + std::to_string(i - 1) + " + m" + std::to_string(i - 1) + "\n";
  return s + "表 A 甲表 {\n  列 \"k\"\n  列 \"a\" = m" + std::to_string(n == 0 ? 0 : n - 1) + "\n  行 \"x\"\n}\n";
}

/// n template measures in one cycle, each defined by the next.
inline std::string template_measure_cycle(std::size_t n) {
  std::string s = "模板 甲\n";
  for (std::size_t i = 0; i < n; ++i) s += "口径 m" + std::to_string(i) + " = m" + std::to_string((i + 1) % n) + "\n";
  return s + "表 A 甲表 {\n  列 \"k\"\n  列 \"a\" = 合计\n  行 \"x\"\n}\n";
}

/// Files of an import chain: main.budget imports f1, f1 imports f2 … f(n-1)
/// holds an item.  Names are relative to the budget's directory.
inline std::map<std::string, std::string> import_chain(std::size_t n) {
  std::map<std::string, std::string> files;
  files["main.budget"] = "金额单位 元\n" + std::string(n > 1 ? "导入 \"f1.budget\"\n" : "208 01 09 30101: 1.00\n");
  for (std::size_t i = 1; i < n; ++i)
    files["f" + std::to_string(i) + ".budget"] =
        i + 1 < n ? "导入 \"f" + std::to_string(i + 1) + ".budget\"\n" : "208 01 09 30101: 1.00\n";
  return files;
}

/// Files of a flat import list: main.budget imports f1 … f(n-1), each one item.
inline std::map<std::string, std::string> import_list(std::size_t n) {
  std::map<std::string, std::string> files;
  std::string main = "金额单位 元\n";
  for (std::size_t i = 1; i < n; ++i) {
    main += "导入 \"f" + std::to_string(i) + ".budget\"\n";
    files["f" + std::to_string(i) + ".budget"] = "208 01 09 30101: 1.00\n";
  }
  files["main.budget"] = main;
  return files;
}

}  // namespace hostile
