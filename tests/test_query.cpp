// The query engine (<yusuan/query.hpp>) and the query language
// (yusuan::parse_query, `yusuan query`): every operation through the C++ API
// and through the language (English and Chinese spellings), with exact money
// results computed by hand from tests/data/query/current.budget (20 items, two
// units, the second imported in 元; the table of items is at the end of that
// file) and tests/data/query/prior.budget (last year).
//
// Totals of current.budget used throughout (万元):
//   all items 498.000037 (20 items); unit 900001 474.00, unit 900002 24.000037
//   function.类  201 20.00 · 208 448.000037 · 210 12.00 · 221 18.00
//   econ.类      301 280.00 · 302 103.000037 · 303 95.00 · 310 20.00
//   kind         人员经费 305.00 (8) · 公用经费 23.000037 (6) · 其他运转类 20.00 (2) · 特定目标类 150.00 (4)
//   fund         一般公共预算 467.500037 (17) · 事业收入 30.50 (3)
#include <yusuan/compile.hpp>
#include <yusuan/compile/builder.hpp>
#include <yusuan/query.hpp>

#include "support/reference_filter.hpp"

#include <gtest/gtest.h>

#include <array>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using yusuan::dimension;
using yusuan::money;
using yusuan::query;
using yusuan::result_table;
using order_by = yusuan::query::order_by;

namespace {

const char* const current_path = "tests/data/query/current.budget";
const char* const prior_path = "tests/data/query/prior.budget";

money wan(std::string_view s) { return money::parse(s, yusuan::unit::wan_yuan); }

/// The outcome of a compilation or of reading a query, through the forms of
/// compile.hpp that return their diagnostics.
template <class T>
struct outcome {
  std::optional<T> value;
  yusuan::diagnostics diagnostics;
  bool ok() const noexcept { return value.has_value(); }
  explicit operator bool() const noexcept { return value.has_value(); }
};

outcome<yusuan::budget> compile_text(std::string_view text, std::string name) {
  outcome<yusuan::budget> r;
  r.value = yusuan::compile_string(text, std::move(name), r.diagnostics);
  return r;
}
outcome<yusuan::budget> compile_at(const char* path) {
  outcome<yusuan::budget> r;
  r.value = yusuan::compile_file(path, r.diagnostics);
  return r;
}
outcome<query> parse_text(std::string_view text, const yusuan::budget& b) {
  outcome<query> r;
  r.value = yusuan::parse_query(text, b, r.diagnostics);
  return r;
}

const yusuan::budget& current() {
  static const yusuan::budget b = yusuan::compile_file(current_path);
  return b;
}
const yusuan::budget& prior() {
  static const yusuan::budget b = yusuan::compile_file(prior_path);
  return b;
}

/// Parses a query against `b`; fails the test (and returns an empty query)
/// when it does not parse.
query parse(std::string_view text, const yusuan::budget& b = current()) {
  auto r = parse_text(text, b);
  if (!r) {
    std::ostringstream os;
    yusuan::render_text(os, r.diagnostics);
    ADD_FAILURE() << "query '" << text << "' does not parse:\n" << os.str();
    return {};
  }
  EXPECT_TRUE(r.diagnostics.empty()) << text;
  return std::move(*r.value);
}

result_table run(std::string_view text, const yusuan::budget& b = current()) { return yusuan::run(b, parse(text, b)); }

/// An amount in 万元 with at least two decimals and no trailing zeros beyond
/// them: 20.00, 448.000037.
std::string amount_text(money m) {
  std::string s = m.format(yusuan::unit::wan_yuan, 6);
  while (s.size() > 3 && s.back() == '0' && s[s.size() - 3] != '.') s.pop_back();
  return s;
}

/// A result as lines "[depth] label / label = v1 | v2" ("[d] " only on
/// subtotals, "-" for an empty cell, counts as whole numbers).
std::vector<std::string> show(const result_table& t) {
  std::vector<std::string> out;
  for (const auto& r : t) {
    std::string line;
    if (r.subtotal) line += "[" + std::to_string(r.depth) + "] ";
    for (std::size_t i = 0; i < r.labels.size(); ++i) line += (i ? " / " : "") + r.labels[i];
    line += " =";
    for (std::size_t i = 0; i < r.values.size(); ++i) {
      line += i ? " | " : " ";
      if (!r.values[i]) line += "-";
      else if (r.values[i]->is_count()) line += std::to_string(r.values[i]->count());
      else line += amount_text(r.values[i]->amount());
    }
    out.push_back(std::move(line));
  }
  return out;
}

/// Expected lines, their amounts normalised as show() prints them.
std::vector<std::string> lines(std::initializer_list<std::string> l) {
  std::vector<std::string> out;
  for (const auto& s : l) {
    const auto eq = s.find(" = ");
    if (eq == std::string::npos) {
      out.push_back(s);
      continue;
    }
    std::string line = s.substr(0, eq + 2);
    std::string rest = s.substr(eq + 3);
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const auto bar = rest.find(" | ", start);
      const std::string cell = rest.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
      line += first ? " " : " | ";
      first = false;
      if (cell == "-" || cell.find('.') == std::string::npos) line += cell;
      else line += amount_text(wan(cell));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::int64_t> counts(const result_table& t) {
  std::vector<std::int64_t> c;
  for (const auto& r : t) c.push_back(r.count);
  return c;
}

std::vector<std::optional<std::int64_t>> shares(const result_table& t) {
  std::vector<std::optional<std::int64_t>> s;
  for (const auto& r : t) s.push_back(r.share_units);
  return s;
}

/// Two results are the same table: headers, rows (keys, labels, names, values,
/// counts, subtotals, shares, prior years), totals.
void expect_same(const result_table& a, const result_table& b, const std::string& what) {
  EXPECT_EQ(a.key_headers, b.key_headers) << what;
  EXPECT_EQ(a.value_headers, b.value_headers) << what;
  EXPECT_EQ(a.agg, b.agg) << what;
  EXPECT_EQ(a.total, b.total) << what;
  EXPECT_EQ(a.total_count, b.total_count) << what;
  EXPECT_EQ(a.share, b.share) << what;
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto &x = a.rows[i], &y = b.rows[i];
    EXPECT_EQ(x.keys, y.keys) << what << " row " << i;
    EXPECT_EQ(x.labels, y.labels) << what << " row " << i;
    EXPECT_EQ(x.names, y.names) << what << " row " << i;
    EXPECT_EQ(x.values, y.values) << what << " row " << i;
    EXPECT_EQ(x.count, y.count) << what << " row " << i;
    EXPECT_EQ(x.depth, y.depth) << what << " row " << i;
    EXPECT_EQ(x.subtotal, y.subtotal) << what << " row " << i;
    EXPECT_EQ(x.share_units, y.share_units) << what << " row " << i;
    EXPECT_EQ(x.prior, y.prior) << what << " row " << i;
    EXPECT_EQ(x.change_units, y.change_units) << what << " row " << i;
  }
}

yusuan::function_code fcode(std::string_view s) { return *yusuan::function_code::parse(s); }
yusuan::econ_code ecode(std::string_view s) { return *yusuan::econ_code::parse(s); }

yusuan::filter unit_is(std::uint32_t index) {
  yusuan::filter_value v;
  v.id = index;
  return yusuan::where_eq({dimension::unit, 0, {}}, v);
}

}  // namespace

// ===========================================================================
// The test budgets
// ===========================================================================

TEST(query_data, budgets_check_clean) {
  for (const char* path : {current_path, prior_path}) {
    auto r = compile_at(path);
    for (const auto& d : r.diagnostics) ADD_FAILURE() << path << ": " << d.code << " " << d.message;
    ASSERT_TRUE(r.ok()) << path;
  }
  const auto& b = current();
  EXPECT_EQ(b.items().size(), 20u);
  EXPECT_EQ(b.units().size(), 2u);
  EXPECT_EQ(b.projects().size(), 4u);
  EXPECT_EQ(b.groups().size(), 1u);
  EXPECT_EQ(b.amount_unit(), yusuan::unit::wan_yuan);
  // The imported unit is written in 元: 35,000.37 元 = 3.500037 万元.
  EXPECT_EQ(b.items()[18].amount, money::parse("35000.37"));
  EXPECT_EQ(b.items()[18].amount, wan("3.500037"));
  EXPECT_EQ(prior().items().size(), 11u);
}

// ===========================================================================
// Filters
// ===========================================================================

struct filter_case {
  std::string text;  // the filter in the language
  std::function<yusuan::filter(const yusuan::budget&)> api;
  const char* sum;
  std::int64_t count;
};

TEST(query_filter, chains_built_in_a_loop_are_flat) {
  // f = f || g in a loop is one 或 of many terms, not a chain as deep as the
  // loop (which overflowed the stack when evaluated)
  yusuan::filter any_of = yusuan::econ_is(ecode("30201"));
  yusuan::filter all_of = !yusuan::econ_is(ecode("30101"));
  for (int i = 0; i < 60000; ++i) {
    any_of = std::move(any_of) || yusuan::econ_is(ecode("30101"));
    all_of = std::move(all_of) && !yusuan::econ_is(ecode("30101"));
  }
  EXPECT_EQ(any_of.kind, yusuan::filter::op::or_);
  EXPECT_EQ(any_of.children.size(), 60001u);
  EXPECT_EQ(all_of.children.size(), 60001u);
  const auto either = yusuan::total(current(), any_of), none = yusuan::total(current(), all_of);
  EXPECT_EQ(either.count, yusuan::total(current(), yusuan::econ_is(ecode("30201")) || yusuan::econ_is(ecode("30101"))).count);
  EXPECT_EQ(none.count, yusuan::total(current(), !yusuan::econ_is(ecode("30101"))).count);
  EXPECT_GT(either.count, 0u);
  // not not f is f
  const auto f = yusuan::econ_is(ecode("302"));
  EXPECT_EQ(yusuan::total(current(), !!f).count, yusuan::total(current(), f).count);
  EXPECT_EQ((!!f).kind, f.kind);
}

TEST(query_filter, every_operator_through_the_api_and_the_language) {
  using yusuan::spending_kind;
  using yusuan::fund_source;
  const std::vector<filter_case> cases = {
      // = on codes takes every code under the value
      {"econ = 302", [](auto&) { return yusuan::econ_is(ecode("302")); }, "103.000037", 10},
      {"econ = 30201", [](auto&) { return yusuan::econ_is(ecode("30201")); }, "27.500037", 3},
      {"econ.类 = 301", [](auto&) { return yusuan::econ_is(ecode("301")); }, "280.00", 7},
      {"function = 208", [](auto&) { return yusuan::function_is(fcode("208")); }, "448.000037", 16},
      {"function = 208 05", [](auto&) { return yusuan::function_is(fcode("20805")); }, "58.50", 3},
      {"function = 20805", [](auto&) { return yusuan::function_is(fcode("20805")); }, "58.50", 3},
      {"function = 208.05", [](auto&) { return yusuan::function_is(fcode("20805")); }, "58.50", 3},
      {"function.款 = 208 01", [](auto&) { return yusuan::function_is(fcode("20801")); }, "309.500037", 11},
      {"function = 208 01 09", [](auto&) { return yusuan::function_is(fcode("2080109")); }, "309.500037", 11},
      {"gov-econ = 502", [](auto&) { return yusuan::gov_econ_is(ecode("502")); }, "103.000037", 10},
      {"gov-econ = 50205", [](auto&) { return yusuan::gov_econ_is(ecode("50205")); }, "60.00", 2},
      // ≠, in, not in
      {"econ != 301", [](auto&) { return !yusuan::econ_is(ecode("301")); }, "218.000037", 13},
      {"econ in (30212, 30217, 30231, 31013)", [](auto&) { return yusuan::econ_in({30212, 30217, 30231, 31013}); },
       "8.00", 3},
      {"econ in (301, 30201)", [](auto&) { return yusuan::econ_in({301, 30201}); }, "307.500037", 10},
      {"econ not in (301, 302)", [](auto&) { return !yusuan::econ_in({301, 302}); }, "115.00", 3},
      // kinds include their sub-kinds
      {"kind = 基本支出", [](auto&) { return yusuan::kind_is(spending_kind::basic); }, "328.000037", 14},
      {"kind = 人员经费", [](auto&) { return yusuan::kind_is(spending_kind::personnel); }, "305.00", 8},
      {"kind = 公用经费", [](auto&) { return yusuan::kind_is(spending_kind::public_funds); }, "23.000037", 6},
      {"kind = 项目支出", [](auto&) { return yusuan::kind_is(spending_kind::project); }, "170.00", 6},
      {"kind = 特定目标类", [](auto&) { return yusuan::kind_is(spending_kind::specific); }, "150.00", 4},
      {"kind = 其他运转类", [](auto&) { return yusuan::kind_is(spending_kind::operating); }, "20.00", 2},
      // funds: 财政拨款 also takes 一般公共预算 items
      {"fund = 事业收入", [](auto&) { return yusuan::fund_is(fund_source::institution_revenue); }, "30.50", 3},
      {"fund = 一般公共预算", [](auto&) { return yusuan::fund_is(fund_source::general_budget); }, "467.500037", 17},
      {"fund = 财政拨款", [](auto&) { return yusuan::fund_is(fund_source::fiscal_appropriation); }, "467.500037", 17},
      // projects by name or code, groups by name; a group member selects nothing
      {"project = 社保经办专项", [](auto& b) { return yusuan::project_is(b, "社保经办专项"); }, "70.00", 2},
      {"project = 900001002", [](auto& b) { return yusuan::project_is(b, "900001002"); }, "80.00", 2},
      {"project = 运转项目组", [](auto& b) { return yusuan::project_is(b, "运转项目组"); }, "20.00", 2},
      // units by code or name
      {"unit = 900002", [](auto&) { return unit_is(1); }, "24.000037", 3},
      {"unit = 查询测试分站", [](auto&) { return unit_is(1); }, "24.000037", 3},
      {"unit = 900001", [](auto&) { return unit_is(0); }, "474.00", 17},
      // tags; an item without the tag passes ≠
      {"项目类别 = 公用经费综合定额", [](auto& b) { return yusuan::tag_is(b, "项目类别", "公用经费综合定额"); },
       "19.500037", 5},
      {"项目类别 != 公用经费综合定额", [](auto& b) { return !yusuan::tag_is(b, "项目类别", "公用经费综合定额"); },
       "478.50", 15},
      {"重点 = 是", [](auto& b) { return yusuan::tag_is(b, "重点", "是"); }, "120.00", 2},
      // and / or / not, with 非 > 且 > 或
      {"econ = 302 and kind = 公用经费",
       [](auto&) { return yusuan::econ_is(ecode("302")) && yusuan::kind_is(spending_kind::public_funds); },
       "23.000037", 6},
      {"econ = 302 or econ = 303 and kind = 人员经费",
       [](auto&) {
         return yusuan::econ_is(ecode("302")) ||
                (yusuan::econ_is(ecode("303")) && yusuan::kind_is(spending_kind::personnel));
       },
       "128.000037", 11},
      {"(econ = 302 or econ = 303) and kind = 人员经费",
       [](auto&) {
         return (yusuan::econ_is(ecode("302")) || yusuan::econ_is(ecode("303"))) &&
                yusuan::kind_is(spending_kind::personnel);
       },
       "25.00", 1},
      {"not kind = 基本支出", [](auto&) { return !yusuan::kind_is(spending_kind::basic); }, "170.00", 6},
      {"not (kind = 基本支出 or econ = 303)",
       [](auto&) { return !(yusuan::kind_is(spending_kind::basic) || yusuan::econ_is(ecode("303"))); },
       "100.00", 5},
      {"fund = 事业收入 and unit = 900002 or project = 运转项目组",
       [](auto& b) {
         return (yusuan::fund_is(fund_source::institution_revenue) && unit_is(1)) || yusuan::project_is(b, "运转项目组");
       },
       "20.50", 3},
  };
  const auto& b = current();
  for (const auto& c : cases) {
    const auto text = run("sum where " + c.text);
    const auto api = yusuan::run(b, query{}.sum().filtered(c.api(b)));
    ASSERT_EQ(text.size(), c.count ? 1u : 0u) << c.text;
    ASSERT_TRUE(text.total) << c.text;
    EXPECT_EQ(*text.total, wan(c.sum)) << c.text;
    EXPECT_EQ(text.total_count, c.count) << c.text;
    if (c.count) {
      EXPECT_EQ(text.rows[0].values.at(0), wan(c.sum)) << c.text;
      EXPECT_EQ(text.rows[0].count, c.count) << c.text;
    }
    expect_same(text, api, c.text);
    // count gives the number of items, min and max agree with the sum's items
    const auto n = run("count where " + c.text);
    EXPECT_EQ(n.total_count, c.count) << c.text;
  }
  // a group member selects nothing, through the API and the language alike,
  // and the language says so (W0306: its items are its group's)
  const auto member = parse_text("sum where project = 系统运维", b);
  ASSERT_TRUE(member);
  ASSERT_EQ(member.diagnostics.size(), 1u);
  EXPECT_EQ(member.diagnostics[0].code, "W0306");
  const auto by_text = yusuan::run(b, *member.value);
  EXPECT_EQ(*by_text.total, wan("0.00"));
  EXPECT_EQ(by_text.total_count, 0);
  expect_same(by_text, yusuan::run(b, query{}.sum().filtered(yusuan::project_is(b, "系统运维"))), "系统运维");
}

TEST(query_filter, an_amount_without_its_unit_is_in_the_budgets_unit) {
  // current.budget is in 万元: 金额 >= 60 is 60 万元 (items 100.00, 60.00
  // and 70.00), as in the budget's own filters, not 60 元
  for (const char* f : {"金额 >= 60", "金额 >= 60万元", "金额 >= 600000元", "amount >= 600,000.00元"}) {
    const auto r = run(std::string("sum where ") + f);
    ASSERT_TRUE(r.total) << f;
    EXPECT_EQ(*r.total, wan("230.00")) << f;
    EXPECT_EQ(r.total_count, 3) << f;
  }
  EXPECT_EQ(run("count where 金额 < 60").total_count, 17);
  // a percentage is no amount: E0202 at it, not a syntax error at its '%'
  const auto percent = parse_text("sum where 金额 ≥ 5%", current());
  EXPECT_FALSE(percent);
  ASSERT_EQ(percent.diagnostics.size(), 1u);
  EXPECT_EQ(percent.diagnostics[0].code, "E0202");
  EXPECT_EQ(percent.diagnostics[0].message, "'5%' is a percentage: 金额 compares with an amount");
  const auto at = yusuan::resolve(percent.diagnostics[0].span);
  EXPECT_EQ(at.line, 1u);
  EXPECT_EQ(at.column, 16u);
}

TEST(query_filter, chinese_spellings_match_english) {
  const std::pair<const char*, const char*> pairs[] = {
      {"sum where econ = 302 and kind = 公用经费", "合计 其中 经济 = 302 且 类型 = 公用经费"},
      {"sum where econ = 302 or econ = 303", "合计 其中 经济科目 = 302 或 部门经济 = 303"},
      {"sum where not kind = 基本支出", "合计 其中 非 支出类型 = 基本支出"},
      {"sum where econ in (301, 302)", "合计 其中 经济 属于 (301、302)"},
      {"sum where econ in (301, 302)", "合计 满足 经济 属于 （ 301，302 ）"},
      {"sum where econ not in (301, 302)", "合计 其中 经济 不属于 (301, 302)"},
      {"sum where econ != 301", "合计 其中 经济 ≠ 301"},
      {"sum where econ = 302", "合计 其中 经济 ＝ 302"},
      {"sum where econ = 302", "sum where econ == 302"},
      {"sum where function = 208 05", "合计 其中 功能科目 = 208 05"},
      {"sum where gov-econ = 502", "合计 其中 政府经济 = 502"},
      {"sum where gov-econ = 502", "sum where gov_econ = 502"},
      {"sum where fund = 事业收入", "合计 其中 资金来源 = 事业收入"},
      {"sum where project = 运转项目组", "合计 其中 项目 = 运转项目组"},
      {"sum where unit = 900002", "合计 其中 单位 = 900002"},
      {"sum where kind = 人员经费", "sum where kind = personnel"},
      {"sum where fund = 事业收入", "sum where fund = institution-revenue"},
      {"sum where function.类 = 208", "sum where function.class = 208"},
  };
  for (const auto& [en, zh] : pairs) expect_same(run(en), run(zh), std::string(en) + " vs " + zh);
}

// ===========================================================================
// Grouping
// ===========================================================================

TEST(query_group, function_at_each_level) {
  auto t = run("sum by function.类");
  EXPECT_EQ(show(t), lines({"201 = 20.00", "208 = 448.000037", "210 = 12.00", "221 = 18.00"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{2, 16, 1, 1}));
  EXPECT_EQ(t.key_headers, std::vector<std::string>{"功能.类"});
  EXPECT_EQ(t.value_headers, std::vector<std::string>{"合计"});
  EXPECT_EQ(t.total, wan("498.000037"));
  EXPECT_EQ(t.total_count, 20);
  EXPECT_EQ(t.value({"208"}), wan("448.000037"));
  EXPECT_EQ(t.value({"209"}), std::nullopt);

  t = run("sum by function.款");
  EXPECT_EQ(show(t), lines({"201 03 = 20.00", "208 01 = 309.500037", "208 05 = 58.50", "208 07 = 80.00",
                            "210 11 = 12.00", "221 02 = 18.00"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{2, 11, 3, 2, 1, 1}));

  t = run("sum by function.项");
  EXPECT_EQ(show(t), lines({"201 03 01 = 20.00", "208 01 09 = 309.500037", "208 05 01 = 28.50", "208 05 05 = 30.00",
                            "208 07 01 = 80.00", "210 11 01 = 12.00", "221 02 01 = 18.00"}));
  // names as the budget writes them (208 07 01 is never named in it)
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t.rows[1].names, std::vector<std::string_view>{"社会保险经办机构"});
  EXPECT_EQ(t.rows[3].names, std::vector<std::string_view>{"机关事业单位基本养老保险缴费支出"});
  EXPECT_EQ(t.rows[4].names, std::vector<std::string_view>{""});
  // without a level: the codes as written (all at 项 here)
  auto as_written = run("sum by function");
  EXPECT_EQ(show(as_written), show(t));
  EXPECT_EQ(as_written.key_headers, std::vector<std::string>{"功能"});
}

TEST(query_group, econ_and_gov_econ) {
  auto t = run("sum by econ.类");
  EXPECT_EQ(show(t), lines({"301 = 280.00", "302 = 103.000037", "303 = 95.00", "310 = 20.00"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{7, 10, 2, 1}));

  t = run("sum by econ.款");
  EXPECT_EQ(show(t), lines({"30101 = 120.00", "30102 = 60.00", "30107 = 40.00", "30108 = 30.00", "30110 = 12.00",
                            "30113 = 18.00", "30201 = 27.500037", "30202 = 4.00", "30217 = 2.00", "30226 = 10.00",
                            "30227 = 50.00", "30231 = 6.00", "30299 = 3.50", "30302 = 25.00", "30399 = 70.00",
                            "31002 = 20.00"}));
  EXPECT_EQ(t.rows[0].names, std::vector<std::string_view>{"基本工资"});

  t = run("sum by gov-econ.类");
  EXPECT_EQ(show(t), lines({"501 = 280.00", "502 = 103.000037", "504 = 20.00", "509 = 95.00"}));
  EXPECT_EQ(t.key_headers, std::vector<std::string>{"政府经济.类"});

  t = run("sum by gov-econ.款");
  EXPECT_EQ(show(t), lines({"50101 = 220.00", "50102 = 42.00", "50103 = 18.00", "50201 = 31.500037", "50205 = 60.00",
                            "50206 = 2.00", "50208 = 6.00", "50299 = 3.50", "50405 = 20.00", "50905 = 25.00",
                            "50999 = 70.00"}));
}

TEST(query_group, kind_fund_project_unit_tag) {
  auto t = run("sum by kind");
  EXPECT_EQ(show(t), lines({"人员经费 = 305.00", "公用经费 = 23.000037", "其他运转类 = 20.00", "特定目标类 = 150.00"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{8, 6, 2, 4}));
  EXPECT_EQ(t.key_headers, std::vector<std::string>{"类型"});

  t = run("sum by fund");
  EXPECT_EQ(show(t), lines({"一般公共预算 = 467.500037", "事业收入 = 30.50"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{17, 3}));

  // projects in declaration order, then the group, then the items of no project
  t = run("sum by project");
  EXPECT_EQ(show(t), lines({"社保经办专项 = 70.00", "就业补助专项 = 80.00", "运转项目组 = 20.00", "(none) = 328.000037"}));
  EXPECT_EQ(t.rows[0].names, std::vector<std::string_view>{"900001001"});  // a project's "name" column is its code
  EXPECT_EQ(t.rows[2].names, std::vector<std::string_view>{""});
  EXPECT_EQ(t.rows[3].keys, std::vector<yusuan::dimension_key>{yusuan::no_key});

  t = run("sum by unit");
  EXPECT_EQ(show(t), lines({"900001 = 474.00", "900002 = 24.000037"}));
  EXPECT_EQ(t.rows[0].names, std::vector<std::string_view>{"查询测试中心"});
  EXPECT_EQ(t.rows[1].names, std::vector<std::string_view>{"查询测试分站"});

  t = run("sum by 项目类别");
  EXPECT_EQ(t.key_headers, std::vector<std::string>{"项目类别"});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.value({"公用经费综合定额"}), wan("19.500037"));
  EXPECT_EQ(t.value({"离退休人员公用经费"}), wan("3.50"));
  EXPECT_EQ(t.rows[2].labels, std::vector<std::string>{"(none)"});  // no tag: last
  EXPECT_EQ(t.rows[2].values[0], wan("475.00"));

  t = run("sum by 重点");
  EXPECT_EQ(show(t), lines({"是 = 120.00", "(none) = 378.000037"}));
}

TEST(query_group, by_amount_is_a_yusuan_error) {
  // the query language refuses it (E0304); a query built in C++ gets an error of the library's own
  try {
    (void)yusuan::run(current(), query{}.group_by(dimension::amount));
    ADD_FAILURE() << "no exception";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("金额"), std::string::npos) << e.what();
  }
}

TEST(query_group, a_level_the_dimension_lacks_is_a_yusuan_error) {
  // as the language refuses 经济.项 or 单位.类
  EXPECT_NO_THROW(query{}.group_by(dimension::function, 3).group_by(dimension::econ, 2).group_by(dimension::kind, 1));
  for (const auto& [d, level] : {std::pair{dimension::function, 4}, {dimension::function, -1}, {dimension::econ, 3},
                                 {dimension::gov_econ, 3}, {dimension::kind, 3}, {dimension::unit, 1}}) {
    try {
      (void)query{}.group_by(d, level);
      ADD_FAILURE() << "no exception for level " << level;
    } catch (const yusuan::error& e) {
      EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
    }
  }
  EXPECT_THROW((void)query{}.pivot_by({dimension::project, 2, {}}), yusuan::error);
}

TEST(query_group, a_filter_or_grouping_nothing_reads_is_a_yusuan_error) {
  // built in C++ past what the language writes: each read as something else
  // before (< on 功能 as =, a 标签 without a key as one unlabelled row, a 非 of
  // nothing as every item in one place and none in another)
  const auto throws = [](const query& q) {
    try {
      (void)yusuan::run(current(), q);
    } catch (const yusuan::error& e) {
      return e.code() == yusuan::errc::invalid_argument;
    }
    return false;
  };
  yusuan::filter ordered = yusuan::where_eq({dimension::function, 0, {}}, yusuan::value_of(*yusuan::function_code::parse("208")));
  ordered.kind = yusuan::filter::op::lt;
  EXPECT_TRUE(throws(query{}.filtered(ordered)));
  yusuan::filter keyless = ordered;
  keyless.kind = yusuan::filter::op::eq;
  keyless.dim = {dimension::tag, 0, {}};
  EXPECT_TRUE(throws(query{}.filtered(keyless)));
  yusuan::filter no_dimension = ordered;
  no_dimension.kind = yusuan::filter::op::eq;
  no_dimension.dim.dim = static_cast<dimension>(99);
  EXPECT_TRUE(throws(query{}.filtered(no_dimension)));
  yusuan::filter empty_not;
  empty_not.kind = yusuan::filter::op::not_;
  EXPECT_TRUE(throws(query{}.filtered(empty_not)));
  query by_keyless;
  by_keyless.by.push_back({dimension::tag, 0, {}});  // past group_by, which refuses it too
  EXPECT_TRUE(throws(by_keyless));
  EXPECT_THROW((void)query{}.group_by_tag(""), yusuan::error);
  query by_nothing;
  by_nothing.by.push_back({static_cast<dimension>(99), 0, {}});
  EXPECT_TRUE(throws(by_nothing));
  // what the language writes still runs
  yusuan::filter fine = ordered;
  fine.kind = yusuan::filter::op::eq;
  EXPECT_FALSE(throws(query{}.filtered(fine).group_by(dimension::econ, 1)));
}

TEST(query_group, several_dimensions) {
  auto t = run("sum by function.款, kind");
  EXPECT_EQ(show(t), lines({"201 03 / 其他运转类 = 20.00", "208 01 / 人员经费 = 220.00", "208 01 / 公用经费 = 19.500037",
                            "208 01 / 特定目标类 = 70.00", "208 05 / 人员经费 = 55.00", "208 05 / 公用经费 = 3.50",
                            "208 07 / 特定目标类 = 80.00", "210 11 / 人员经费 = 12.00", "221 02 / 人员经费 = 18.00"}));
  EXPECT_EQ(t.key_headers, (std::vector<std::string>{"功能.款", "类型"}));
  EXPECT_EQ(t.value({"208 01", "公用经费"}), wan("19.500037"));

  t = run("sum by kind, fund");
  EXPECT_EQ(show(t), lines({"人员经费 / 一般公共预算 = 305.00", "公用经费 / 一般公共预算 = 22.500037",
                            "公用经费 / 事业收入 = 0.50", "其他运转类 / 一般公共预算 = 20.00",
                            "特定目标类 / 一般公共预算 = 120.00", "特定目标类 / 事业收入 = 30.00"}));
  // `by` twice adds dimensions
  expect_same(t, run("sum by kind by fund"), "by kind by fund");

  t = run("sum by unit, econ.类, kind where kind = 基本支出");
  EXPECT_EQ(show(t), lines({"900001 / 301 / 人员经费 = 260.00", "900001 / 302 / 公用经费 = 19.00",
                            "900001 / 303 / 人员经费 = 25.00", "900002 / 301 / 人员经费 = 20.00",
                            "900002 / 302 / 公用经费 = 4.000037"}));
}

TEST(query_group, levels_coarser_than_the_code_are_none) {
  // Items written at 类 or 款 have no 项: they group as (none), last.
  auto r = compile_text(
      "金额单位 万元\n"
      "208 01 09 30101: 10.00\n"
      "208 01 30201: 5.00\n"
      "208 30201: 2.00\n"
      "208 01 09 30102: 1.00\n",
      "levels.budget");
  ASSERT_TRUE(r.ok());
  const auto& b = *r.value;
  EXPECT_EQ(show(run("sum by function.项", b)), lines({"208 01 09 = 11.00", "(none) = 7.00"}));
  EXPECT_EQ(show(run("sum by function.款", b)), lines({"208 01 = 16.00", "(none) = 2.00"}));
  EXPECT_EQ(show(run("sum by function", b)), lines({"208 = 2.00", "208 01 = 5.00", "208 01 09 = 11.00"}));
}

TEST(query_group, api_and_language_agree) {
  const auto& b = current();
  using yusuan::spending_kind;
  const std::vector<std::pair<std::string, query>> cases = {
      {"sum by function.类", query{}.sum().group_by(dimension::function, 1)},
      {"sum by function.section", query{}.group_by(dimension::function, 2)},
      {"合计 按 功能科目.项", query{}.group_by(dimension::function, 3)},
      {"sum by function", query{}.group_by(dimension::function)},
      {"sum by econ.class", query{}.group_by(dimension::econ, 1)},
      {"合计 按 部门经济科目.款", query{}.group_by(dimension::econ, 2)},
      {"sum by gov-econ.类", query{}.group_by(dimension::gov_econ, 1)},
      {"合计 按 政府经济科目.款", query{}.group_by(dimension::gov_econ, 2)},
      {"sum by kind", query{}.group_by(dimension::kind)},
      {"合计 按 支出类型", query{}.group_by(dimension::kind)},
      {"合计 按 资金来源", query{}.group_by(dimension::fund)},
      {"合计 按 项目", query{}.group_by(dimension::project)},
      {"合计 按 单位", query{}.group_by(dimension::unit)},
      {"合计 按 项目类别", query{}.group_by_tag("项目类别")},
      {"sum by function.款, kind", query{}.group_by(dimension::function, 2).group_by(dimension::kind)},
      {"合计 按 功能.款，类型", query{}.group_by(dimension::function, 2).group_by(dimension::kind)},
      {"sum by econ.款 where kind = 基本支出",
       query{}.filtered(yusuan::kind_is(spending_kind::basic)).group_by(dimension::econ, 2)},
      {"sum by project where fund = 事业收入",
       query{}.filtered(yusuan::fund_is(yusuan::fund_source::institution_revenue)).group_by(dimension::project)},
      {"sum by unit where econ in (30201, 30217)",
       query{}.filtered(yusuan::econ_in({30201, 30217})).group_by(dimension::unit)},
      {"sum by kind where project = 运转项目组 or 重点 = 是",
       query{}.filtered(yusuan::project_is(b, "运转项目组") || yusuan::tag_is(b, "重点", "是")).group_by(dimension::kind)},
  };
  for (const auto& [text, q] : cases) expect_same(run(text), yusuan::run(b, q), text);
}

// ===========================================================================
// sum / count / min / max
// ===========================================================================

TEST(query_aggregate, count_min_max) {
  auto t = run("count by kind");
  EXPECT_EQ(t.value_headers, std::vector<std::string>{"计数"});
  EXPECT_EQ(show(t), lines({"人员经费 = 8", "公用经费 = 6", "其他运转类 = 2", "特定目标类 = 4"}));
  EXPECT_EQ(t.total, std::nullopt);
  EXPECT_EQ(t.total_count, 20);

  t = run("min by kind");
  EXPECT_EQ(t.value_headers, std::vector<std::string>{"最小"});
  EXPECT_EQ(show(t), lines({"人员经费 = 12.00", "公用经费 = 0.50", "其他运转类 = 4.00", "特定目标类 = 10.00"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{8, 6, 2, 4}));
  EXPECT_EQ(t.total, std::nullopt);

  t = run("max by kind");
  EXPECT_EQ(t.value_headers, std::vector<std::string>{"最大"});
  EXPECT_EQ(show(t), lines({"人员经费 = 100.00", "公用经费 = 8.00", "其他运转类 = 16.00", "特定目标类 = 70.00"}));

  // the odd amount of the 元 file, exactly
  EXPECT_EQ(show(run("min where econ = 30201")), lines({" = 3.500037"}));
  EXPECT_EQ(show(run("max where econ = 30201")), lines({" = 16.00"}));
  EXPECT_EQ(show(run("min")), lines({" = 0.50"}));
  EXPECT_EQ(show(run("max")), lines({" = 100.00"}));
  EXPECT_EQ(show(run("count")), lines({" = 20"}));
  EXPECT_EQ(show(run("sum")), lines({" = 498.000037"}));

  // Chinese
  expect_same(run("count by kind"), run("计数 按 类型"), "计数");
  expect_same(run("min by kind"), run("最小 按 类型"), "最小");
  expect_same(run("max by kind"), run("最大 按 类型"), "最大");
  const auto& b = current();
  expect_same(run("count by kind"), yusuan::run(b, query{}.count().group_by(dimension::kind)), "count api");
  expect_same(run("min by kind"), yusuan::run(b, query{}.min().group_by(dimension::kind)), "min api");
  expect_same(run("max by kind"), yusuan::run(b, query{}.max().group_by(dimension::kind)), "max api");
}

TEST(query_aggregate, nothing_matches) {
  auto t = run("sum where econ = 30399 and kind = 公用经费");
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(t.total, money{});
  EXPECT_EQ(t.total_count, 0);
  EXPECT_TRUE(run("sum by kind where econ = 30399 and kind = 公用经费").rows.empty());
  EXPECT_TRUE(run("max where econ = 30399 and kind = 公用经费").rows.empty());
  EXPECT_EQ(run("count where econ = 30399 and kind = 公用经费").total_count, 0);
}

std::string dump(const yusuan::diagnostics& ds) {
  std::ostringstream os;
  yusuan::render_text(os, ds);
  return os.str();
}

// A typo is never a silent zero: a tag key no item carries is E0305 (with
// the nearest names), a value no item has is W0306 (the query still runs).
TEST(query_diagnostics, unknown_names_are_errors_and_values_matching_nothing_warnings) {
  const auto& b = current();
  for (const char* text : {"sum where 不存在的标签 = x", "sum by 不存在的标签", "sum pivot 不存在的标签",
                           "sum where kidn = 基本支出", "sum by nonsense"}) {
    auto r = parse_text(text, b);
    EXPECT_FALSE(r) << text;
    ASSERT_EQ(r.diagnostics.size(), 1u) << text;
    EXPECT_EQ(r.diagnostics.list()[0].code, "E0305") << text;
  }
  auto level = parse_text("sum where 功熊.类 = 208", b);
  ASSERT_EQ(level.diagnostics.size(), 1u) << dump(level.diagnostics);
  EXPECT_EQ(level.diagnostics.list()[0].code, "E0305");
  EXPECT_EQ(level.diagnostics.list()[0].label, "did you mean '功能'?");
  auto typo = parse_text("sum where kidn = 基本支出", b);
  EXPECT_EQ(typo.diagnostics.list()[0].label, "did you mean 'kind'?");
  auto zh = parse_text("sum by 项目类", b);
  EXPECT_NE(zh.diagnostics.list()[0].label.find("'项目类别'"), std::string::npos) << dump(zh.diagnostics);

  for (const char* text : {"sum where 项目类别 = 不存在的值", "sum where econ = 30398", "sum where econ in (30397, 30398)",
                           "sum where 功能 = 20102"}) {
    auto r = parse_text(text, b);
    ASSERT_TRUE(r) << text;
    ASSERT_EQ(r.diagnostics.size(), 1u) << text;
    EXPECT_EQ(r.diagnostics.list()[0].code, "W0306") << text;
    EXPECT_EQ(r.diagnostics.list()[0].level, yusuan::severity::warning);
    EXPECT_EQ(yusuan::run(b, *r.value).total, money{});
  }
  // a list with one value that matches, a ≠, a kind with no items of its own
  // combined with another filter: no warning
  for (const char* text : {"sum where econ in (30101, 30398)", "sum where econ != 30398", "sum where 项目类别 = 公用经费综合定额"}) {
    auto r = parse_text(text, b);
    ASSERT_TRUE(r) << text;
    EXPECT_TRUE(r.diagnostics.empty()) << text << dump(r.diagnostics);
  }
}

// ===========================================================================
// Rollup
// ===========================================================================

TEST(query_rollup, function_item_parents_before_children) {
  auto t = run("sum by function.项 rollup");
  EXPECT_EQ(show(t), lines({"[1] 201 = 20.00",
                            "[2] 201 03 = 20.00",
                            "201 03 01 = 20.00",
                            "[1] 208 = 448.000037",
                            "[2] 208 01 = 309.500037",
                            "208 01 09 = 309.500037",
                            "[2] 208 05 = 58.50",
                            "208 05 01 = 28.50",
                            "208 05 05 = 30.00",
                            "[2] 208 07 = 80.00",
                            "208 07 01 = 80.00",
                            "[1] 210 = 12.00",
                            "[2] 210 11 = 12.00",
                            "210 11 01 = 12.00",
                            "[1] 221 = 18.00",
                            "[2] 221 02 = 18.00",
                            "221 02 01 = 18.00"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{2, 2, 2, 16, 11, 11, 3, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(t.total, wan("498.000037"));  // subtotals are not counted twice
  expect_same(t, yusuan::run(current(), query{}.group_by(dimension::function, 3).with_rollup()), "api");
  expect_same(t, run("合计 按 功能.项 汇总"), "汇总");
  // without a level the function codes are rolled up to 项 likewise
  EXPECT_EQ(show(run("sum by function rollup")), show(t));
}

TEST(query_rollup, section_and_econ) {
  EXPECT_EQ(show(run("sum by function.款 rollup")),
            lines({"[1] 201 = 20.00", "201 03 = 20.00", "[1] 208 = 448.000037", "208 01 = 309.500037",
                   "208 05 = 58.50", "208 07 = 80.00", "[1] 210 = 12.00", "210 11 = 12.00", "[1] 221 = 18.00",
                   "221 02 = 18.00"}));
  // a 类 has nothing to roll up into
  EXPECT_EQ(show(run("sum by function.类 rollup")), show(run("sum by function.类")));
  EXPECT_EQ(show(run("sum by econ.款 rollup where kind = 基本支出")),
            lines({"[1] 301 = 280.00", "30101 = 120.00", "30102 = 60.00", "30107 = 40.00", "30108 = 30.00",
                   "30110 = 12.00", "30113 = 18.00", "[1] 302 = 23.000037", "30201 = 11.500037", "30217 = 2.00",
                   "30231 = 6.00", "30299 = 3.50", "[1] 303 = 25.00", "30302 = 25.00"}));
  EXPECT_EQ(show(run("sum by gov-econ.款 rollup where econ = 302")),
            lines({"[1] 502 = 103.000037", "50201 = 31.500037", "50205 = 60.00", "50206 = 2.00", "50208 = 6.00",
                   "50299 = 3.50"}));
}

TEST(query_rollup, count_min_max_and_a_second_dimension) {
  EXPECT_EQ(show(run("count by function.款 rollup")),
            lines({"[1] 201 = 2", "201 03 = 2", "[1] 208 = 16", "208 01 = 11", "208 05 = 3", "208 07 = 2", "[1] 210 = 1",
                   "210 11 = 1", "[1] 221 = 1", "221 02 = 1"}));
  EXPECT_EQ(show(run("min by function.款 rollup where function = 208")),
            lines({"[1] 208 = 0.50", "208 01 = 0.50", "208 05 = 3.50", "208 07 = 10.00"}));
  EXPECT_EQ(show(run("max by function.款 rollup where function = 208")),
            lines({"[1] 208 = 100.00", "208 01 = 100.00", "208 05 = 30.00", "208 07 = 70.00"}));
  // subtotals leave the other dimensions blank
  auto t = run("sum by function.款, kind rollup where function = 208");
  EXPECT_EQ(show(t), lines({"[1] 208 /  = 448.000037", "208 01 / 人员经费 = 220.00", "208 01 / 公用经费 = 19.500037",
                            "208 01 / 特定目标类 = 70.00", "208 05 / 人员经费 = 55.00", "208 05 / 公用经费 = 3.50",
                            "208 07 / 特定目标类 = 80.00"}));
  EXPECT_EQ(t.rows[0].keys[1], yusuan::no_key);
}

TEST(query_rollup, needs_a_classification_first) {
  for (const char* text : {"sum by kind rollup", "sum rollup", "合计 按 项目 汇总"}) {
    auto r = parse_text(text, current());
    EXPECT_FALSE(r) << text;
    ASSERT_EQ(r.diagnostics.size(), 1u) << text;
    EXPECT_EQ(r.diagnostics.list()[0].code, "E0505") << text;
  }
}

TEST(query_rollup, items_coarser_than_the_leaf_level) {
  // An item whose code stops above the leaf level is a row of its own code,
  // right under that code's subtotal, and counted in it: every subtotal is
  // the sum of the items coded under it, and the subtotals of one level add
  // up to the total.
  auto r = compile_text(
      "金额单位 万元\n"
      "208 01 09 30101: 10.00\n"
      "208 01 30201: 5.00\n"
      "208 30201: 2.00\n"
      "208 01 09 30102: 1.00\n"
      "210 11 01 302: 4.00\n",
      "levels.budget");
  ASSERT_TRUE(r.ok());
  const auto by_item = run("sum by function.项 rollup", *r.value);
  EXPECT_EQ(show(by_item), lines({"[1] 208 = 18.00", "208 = 2.00", "[2] 208 01 = 16.00", "208 01 = 5.00",
                                  "208 01 09 = 11.00", "[1] 210 = 4.00", "[2] 210 11 = 4.00", "210 11 01 = 4.00"}));
  EXPECT_EQ(counts(by_item), (std::vector<std::int64_t>{4, 1, 3, 1, 2, 1, 1, 1}));
  EXPECT_EQ(by_item.total, wan("22.00"));
  // the finest level and codes as written are the same grouping
  EXPECT_EQ(show(run("sum by function rollup", *r.value)), show(by_item));
  // by 款: the 项 codes roll into their 款, the 类 code stays a row of its own
  EXPECT_EQ(show(run("sum by function.款 rollup", *r.value)),
            lines({"[1] 208 = 18.00", "208 = 2.00", "208 01 = 16.00", "[1] 210 = 4.00", "210 11 = 4.00"}));
  // economic codes likewise: 302 written without its 款
  EXPECT_EQ(show(run("sum by econ.款 rollup", *r.value)),
            lines({"[1] 301 = 11.00", "30101 = 10.00", "30102 = 1.00", "[1] 302 = 11.00", "302 = 4.00",
                   "30201 = 7.00"}));
  // without rollup a grouping by 项 has no key for them
  EXPECT_EQ(show(run("sum by function.项", *r.value)), lines({"208 01 09 = 11.00", "210 11 01 = 4.00", "(none) = 7.00"}));
}

// ===========================================================================
// Pivot
// ===========================================================================

TEST(query_pivot, rows_by_columns_with_blank_cells) {
  auto t = run("sum by function.类 pivot kind");
  EXPECT_EQ(t.value_headers, (std::vector<std::string>{"人员经费", "公用经费", "其他运转类", "特定目标类"}));
  EXPECT_EQ(show(t), lines({"201 = - | - | 20.00 | -", "208 = 275.00 | 23.000037 | - | 150.00", "210 = 12.00 | - | - | -",
                            "221 = 18.00 | - | - | -"}));
  EXPECT_EQ(counts(t), (std::vector<std::int64_t>{2, 16, 1, 1}));
  EXPECT_EQ(t.total, wan("498.000037"));
  expect_same(t, yusuan::run(current(), query{}.group_by(dimension::function, 1).pivot_by({dimension::kind, 0, {}})),
              "api");
  expect_same(t, run("合计 按 功能.类 透视 类型"), "透视");

  // no rows dimension: one row
  EXPECT_EQ(show(run("sum pivot kind")), lines({" = 305.00 | 23.000037 | 20.00 | 150.00"}));

  t = run("sum by kind pivot econ.类");
  EXPECT_EQ(t.value_headers, (std::vector<std::string>{"301", "302", "303", "310"}));
  EXPECT_EQ(show(t), lines({"人员经费 = 280.00 | - | 25.00 | -", "公用经费 = - | 23.000037 | - | -",
                            "其他运转类 = - | 20.00 | - | -", "特定目标类 = - | 60.00 | 70.00 | 20.00"}));

  // a pivot column for the items without a key
  t = run("sum by kind pivot 项目类别 where kind = 基本支出");
  EXPECT_EQ(t.value_headers, (std::vector<std::string>{"公用经费综合定额", "离退休人员公用经费", "(none)"}));
  EXPECT_EQ(show(t), lines({"人员经费 = - | - | 305.00", "公用经费 = 19.500037 | 3.50 | -"}));

  // count and max pivots
  EXPECT_EQ(show(run("count by function.类 pivot fund")),
            lines({"201 = 2 | -", "208 = 13 | 3", "210 = 1 | -", "221 = 1 | -"}));
  EXPECT_EQ(show(run("max by unit pivot fund")), lines({"900001 = 100.00 | 20.00", "900002 = 20.00 | 0.50"}));

  // with rollup: subtotals per column
  EXPECT_EQ(show(run("sum by function.款 pivot kind rollup where function = 208")),
            lines({"[1] 208 = 275.00 | 23.000037 | 150.00", "208 01 = 220.00 | 19.500037 | 70.00",
                   "208 05 = 55.00 | 3.50 | -", "208 07 = - | - | 80.00"}));
}

TEST(query_pivot, share_of_a_pivoted_row) {
  // With a pivot, share (as order by sum, top and the prior year) is of the
  // row's total, not of its first pivot column.
  auto t = run("sum by function.类 pivot kind share");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(shares(t), (std::vector<std::optional<std::int64_t>>{402, 8996, 241, 361}));
}

TEST(query_pivot, order_by_value_of_a_pivoted_row) {
  auto t = run("sum by kind pivot function.类 order by sum desc");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(show(t), lines({"人员经费 = - | 275.00 | 12.00 | 18.00", "特定目标类 = - | 150.00 | - | -",
                            "公用经费 = - | 23.000037 | - | -", "其他运转类 = 20.00 | - | - | -"}));
}

TEST(query_pivot, prior_year_of_a_pivoted_row) {
  // This year's columns are 201 208 210 221, last year's 208 210 221: the
  // prior value must not be taken from another column.
  auto t = yusuan::run_with_prior(current(), prior(), parse("sum by kind pivot function.类"));
  ASSERT_EQ(t.size(), 4u);
  ASSERT_EQ(t.rows[0].labels[0], "人员经费");
  EXPECT_EQ(t.rows[0].prior, wan("238.00"));
  EXPECT_EQ(t.rows[0].change_units, 2815);
}

// ===========================================================================
// Share of the total
// ===========================================================================

TEST(query_share, percent_at_two_decimals_half_up) {
  auto t = run("sum by function.类 share");
  EXPECT_TRUE(t.share);
  // 20 / 498.000037 = 4.016…%, 448.000037 / 498.000037 = 89.959…%, 12 → 2.409…%, 18 → 3.614…%
  EXPECT_EQ(shares(t), (std::vector<std::optional<std::int64_t>>{402, 8996, 241, 361}));
  expect_same(t, yusuan::run(current(), query{}.group_by(dimension::function, 1).with_share()), "api");
  expect_same(t, run("合计 按 功能.类 占比"), "占比");

  t = run("sum by econ.款 share where econ = 302");
  // shares of the filtered total 103.000037
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t.rows[0].labels[0], "30201");
  EXPECT_EQ(t.rows[0].share_units, 2670);  // 27.500037 / 103.000037 = 26.6990…%
  EXPECT_EQ(t.rows[4].labels[0], "30227");
  EXPECT_EQ(t.rows[4].share_units, 4854);  // 50 / 103.000037 = 48.5436…%

  t = run("sum by kind share where kind = 基本支出");
  EXPECT_EQ(shares(t), (std::vector<std::optional<std::int64_t>>{9299, 701}));  // 305 / 328.000037, 23.000037 / …

  // a count's share is of the total count: 8, 6, 2 and 4 of 20 items
  EXPECT_EQ(shares(run("count by kind share")), (std::vector<std::optional<std::int64_t>>{4000, 3000, 1000, 2000}));
  EXPECT_EQ(shares(run("count by function.类 pivot fund share")),
            (std::vector<std::optional<std::int64_t>>{1000, 8000, 500, 500}));

  // rollup: subtotals have their share too
  t = run("sum by function.款 rollup share where function = 208");
  EXPECT_EQ(shares(t), (std::vector<std::optional<std::int64_t>>{10000, 6908, 1306, 1786}));
}

TEST(query_share, ties_round_half_up) {
  // 1 / 32 = 3.125 % and 31 / 32 = 96.875 %: ties, rounded away from zero.
  auto r = compile_text("208 01 09 30101: 1.00\n208 01 09 30102: 31.00\n", "ties.budget");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(shares(run("sum by econ share", *r.value)), (std::vector<std::optional<std::int64_t>>{313, 9688}));
  EXPECT_EQ(shares(yusuan::run(*r.value, query{}.group_by(dimension::econ).with_share())),
            (std::vector<std::optional<std::int64_t>>{313, 9688}));
  // a negative part: -1 / 32 = -3.125 % → -3.13, 33 / 32 = 103.125 % → 103.13
  auto n = compile_text("208 01 09 30101: -1.00\n208 01 09 30102: 33.00\n", "negative.budget");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(shares(run("sum by econ share", *n.value)), (std::vector<std::optional<std::int64_t>>{-313, 10313}));
}

// ===========================================================================
// Prior year
// ===========================================================================

TEST(query_prior, change_against_last_year) {
  const auto& b = current();
  auto t = yusuan::run_with_prior(b, prior(), parse("sum by function.类"));
  ASSERT_EQ(t.size(), 4u);
  // 201 is new: nothing last year, no change in percent from a base of 0
  EXPECT_EQ(t.rows[0].prior, money{});
  EXPECT_EQ(t.rows[0].change_units, std::nullopt);
  // 208: 448.000037 against 272.00: +64.7059…%
  EXPECT_EQ(t.rows[1].prior, wan("272.00"));
  EXPECT_EQ(t.rows[1].change_units, 6471);
  EXPECT_EQ(t.rows[2].prior, wan("12.00"));
  EXPECT_EQ(t.rows[2].change_units, 0);
  EXPECT_EQ(t.rows[3].prior, wan("16.00"));
  EXPECT_EQ(t.rows[3].change_units, 1250);
  // the rest of the row is run()'s
  const auto plain = run("sum by function.类");
  EXPECT_EQ(show(t), show(plain));

  // a fall: 30302 25.00 against 27.00 = -7.407…% → -7.41
  t = yusuan::run_with_prior(b, prior(), parse("sum by econ.款"));
  for (const auto& r : t) {
    if (r.labels[0] == "30302") {
      EXPECT_EQ(r.prior, wan("27.00"));
      EXPECT_EQ(r.change_units, -741);
    }
    if (r.labels[0] == "30201") {
      EXPECT_EQ(r.prior, wan("14.00"));  // 9.00 + 5.00 (208 01 11, gone this year)
      EXPECT_EQ(r.change_units, 9643);   // 27.500037 / 14 - 1 = 96.428…%
    }
    if (r.labels[0] == "30107") {
      EXPECT_EQ(r.prior, money{});
      EXPECT_EQ(r.change_units, std::nullopt);
    }
  }

  // the whole: 498.000037 against 300.00
  t = yusuan::run_with_prior(b, prior(), parse("sum"));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.rows[0].prior, wan("300.00"));
  EXPECT_EQ(t.rows[0].change_units, 6600);

  // kinds, and a limit that does not limit last year's rows
  t = yusuan::run_with_prior(b, prior(), parse("sum by kind order by sum desc limit 2"));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.rows[0].labels[0], "人员经费");
  EXPECT_EQ(t.rows[0].prior, wan("238.00"));
  EXPECT_EQ(t.rows[0].change_units, 2815);
  EXPECT_EQ(t.rows[1].labels[0], "特定目标类");
  EXPECT_EQ(t.rows[1].prior, wan("40.00"));
  EXPECT_EQ(t.rows[1].change_units, 27500);
}

TEST(query_prior, rollup_subtotals_match_last_years_subtotals) {
  auto t = yusuan::run_with_prior(current(), prior(), parse("sum by function.项 rollup where function = 208"));
  std::vector<std::string> got;
  for (const auto& r : t)
    got.push_back((r.subtotal ? "[" + std::to_string(r.depth) + "] " : "") + r.labels[0] + " " +
                  (r.prior ? amount_text(r.prior->amount()) : "-") + " " +
                  (r.change_units ? std::to_string(*r.change_units) : "-"));
  // 208 01 11 is last year's only, under its subtotal; 208 07 is new
  EXPECT_EQ(got, (std::vector<std::string>{"[1] 208 272.00 6471", "[2] 208 01 217.00 4263", "208 01 09 212.00 4599",
                                           "208 01 11 5.00 -10000", "[2] 208 05 55.00 636", "208 05 01 27.00 556",
                                           "208 05 05 28.00 714", "[2] 208 07 0.00 -", "208 07 01 0.00 -"}));
  EXPECT_EQ(show(t), lines({"[1] 208 = 448.000037", "[2] 208 01 = 309.500037", "208 01 09 = 309.500037",
                            "208 01 11 = 0.00", "[2] 208 05 = 58.50", "208 05 01 = 28.50", "208 05 05 = 30.00",
                            "[2] 208 07 = 80.00", "208 07 01 = 80.00"}));
}

TEST(query_prior, ties_round_half_up) {
  // 8.01 against 8.00 is +0.125 %, 7.99 against 8.00 is -0.125 %: ties,
  // rounded away from zero.
  auto cur = compile_text("208 01 09 30101: 8.01\n208 01 09 30102: 7.99\n", "cur.budget");
  auto pri = compile_text("208 01 09 30101: 8.00\n208 01 09 30102: 8.00\n", "pri.budget");
  ASSERT_TRUE(cur.ok());
  ASSERT_TRUE(pri.ok());
  auto t = yusuan::run_with_prior(*cur.value, *pri.value, query{}.group_by(dimension::econ));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.rows[0].change_units, 13);
  EXPECT_EQ(t.rows[1].change_units, -13);
}

namespace {

/// A result with last year's values as lines "label / label = value | prior |
/// change in percent units" ("-" where there is none).
std::vector<std::string> show_prior(const result_table& t) {
  auto figure = [](const std::optional<yusuan::quantity>& v) {
    return !v ? std::string("-") : v->is_count() ? std::to_string(v->count()) : amount_text(v->amount());
  };
  std::vector<std::string> out;
  for (const auto& r : t) {
    std::string line = r.subtotal ? "[" + std::to_string(r.depth) + "] " : "";
    for (std::size_t i = 0; i < r.labels.size(); ++i) line += (i ? " / " : "") + r.labels[i];
    line += " = " + figure(t.row_value(r)) + " | " + figure(r.prior) + " | " +
            (r.change_units ? std::to_string(*r.change_units) : "-");
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

TEST(query_prior, every_group_of_either_year) {
  // 208 01 11 is last year's only: a row of 0.00 this year, -100 %, in key
  // order; the new 201 03 01 and 208 07 01 have a prior of 0.00 and no change
  // in percent.  The 上年 column adds up to last year's total, 300.00.
  auto t = yusuan::run_with_prior(current(), prior(), parse("sum by function.项"));
  EXPECT_EQ(show_prior(t), lines({"201 03 01 = 20.00 | 0.00 | -", "208 01 09 = 309.500037 | 212.00 | 4599",
                                  "208 01 11 = 0.00 | 5.00 | -10000", "208 05 01 = 28.50 | 27.00 | 556",
                                  "208 05 05 = 30.00 | 28.00 | 714", "208 07 01 = 80.00 | 0.00 | -",
                                  "210 11 01 = 12.00 | 12.00 | 0", "221 02 01 = 18.00 | 16.00 | 1250"}));
  yusuan::money_sum prior_total;
  for (const auto& r : t) prior_total += r.prior->amount();
  EXPECT_EQ(prior_total.value(), wan("300.00"));
  EXPECT_EQ(t.total, wan("498.000037"));  // this year's total stays this year's
  EXPECT_EQ(t.rows[2].count, 0);

  // the other way round: 201 fell to zero
  t = yusuan::run_with_prior(prior(), current(), parse("sum by function.类", prior()));
  EXPECT_EQ(show_prior(t), lines({"201 = 0.00 | 20.00 | -10000", "208 = 272.00 | 448.000037 | -3929",
                                  "210 = 12.00 | 12.00 | 0", "221 = 16.00 | 18.00 | -1111"}));
  // share: a row of 0.00 is 0 % of this year's total
  t = yusuan::run_with_prior(prior(), current(), parse("sum by function.类 share", prior()));
  EXPECT_EQ(shares(t), (std::vector<std::optional<std::int64_t>>{0, 9067, 400, 533}));

  // order and limit apply to the rows of both years
  t = yusuan::run_with_prior(prior(), current(), parse("sum by function.类 order by sum limit 2", prior()));
  EXPECT_EQ(show_prior(t), lines({"201 = 0.00 | 20.00 | -10000", "210 = 12.00 | 12.00 | 0"}));

  // counts count 0; the least or greatest amount of no item is none
  t = yusuan::run_with_prior(prior(), current(), parse("count by function.类", prior()));
  EXPECT_EQ(show_prior(t).front(), "201 = 0 | 2 | -10000");
  EXPECT_EQ(show_prior(t).back(), "221 = 1 | 1 | 0");
  t = yusuan::run_with_prior(prior(), current(), parse("max by function.类", prior()));
  EXPECT_EQ(show_prior(t).front(), "201 = - | 16.00 | -");
  t = yusuan::run_with_prior(current(), prior(), parse("min by function.类"));
  EXPECT_EQ(show_prior(t).front(), "201 = 4.00 | - | -");

  // a pivoted row only last year has: blank cells, a row total of 0.00
  t = yusuan::run_with_prior(prior(), current(), parse("sum by kind pivot function.类", prior()));
  EXPECT_EQ(show(t), lines({"人员经费 = 210.00 | 12.00 | 16.00", "公用经费 = 22.00 | - | -", "其他运转类 = - | - | -",
                            "特定目标类 = 40.00 | - | -"}));
  EXPECT_EQ(show_prior(t)[2], "其他运转类 = 0.00 | 20.00 | -10000");
}

TEST(query_prior, groups_matched_by_their_printed_keys) {
  // 乙 is project 0 this year and 2 last year: rows are matched by name,
  // never by the ids the two budgets give them.  丙 is last year's only: after
  // this year's projects.
  auto cur = compile_text(
      "金额单位 万元\n项目 \"乙\" 编码 002 类型 特定目标类 功能 208 01 09 {\n  30227: 30.00\n}\n"
      "项目 \"甲\" 编码 001 类型 特定目标类 功能 208 01 09 {\n  30227: 10.00\n}\n",
      "cur.budget");
  auto pri = compile_text(
      "金额单位 万元\n项目 \"甲\" 编码 001 类型 特定目标类 功能 208 01 09 {\n  30227: 8.00\n}\n"
      "项目 \"丙\" 编码 003 类型 特定目标类 功能 208 01 09 {\n  30227: 5.00\n}\n"
      "项目 \"乙\" 编码 002 类型 特定目标类 功能 208 01 09 {\n  30227: 20.00\n}\n",
      "pri.budget");
  ASSERT_TRUE(cur.ok());
  ASSERT_TRUE(pri.ok());
  auto t = yusuan::run_with_prior(*cur.value, *pri.value, parse("sum by project", *cur.value));
  EXPECT_EQ(show_prior(t), lines({"乙 = 30.00 | 20.00 | 5000", "甲 = 10.00 | 8.00 | 2500", "丙 = 0.00 | 5.00 | -10000"}));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.rows[2].names[0], "003");  // last year's project code
  t = yusuan::run_with_prior(*cur.value, *pri.value, parse("sum by project order by sum desc limit 2", *cur.value));
  EXPECT_EQ(show_prior(t), lines({"乙 = 30.00 | 20.00 | 5000", "甲 = 10.00 | 8.00 | 2500"}));
  // a filter names last year's project of that name, not the one of its id
  t = yusuan::run_with_prior(*cur.value, *pri.value, parse("sum where project = 乙", *cur.value));
  EXPECT_EQ(show_prior(t), lines({" = 30.00 | 20.00 | 5000"}));
  t = yusuan::run_with_prior(*cur.value, *pri.value, parse("sum by project where project != 乙", *cur.value));
  EXPECT_EQ(show_prior(t), lines({"甲 = 10.00 | 8.00 | 2500", "丙 = 0.00 | 5.00 | -10000"}));
  t = yusuan::run_with_prior(*cur.value, *pri.value,
                             query{}.filtered(yusuan::project_is(*cur.value, "002")).group_by(dimension::project));
  EXPECT_EQ(show_prior(t), lines({"乙 = 30.00 | 20.00 | 5000"}));

  // a unit only last year's budget has, with its name
  t = yusuan::run_with_prior(prior(), current(), parse("sum by unit", prior()));
  EXPECT_EQ(show_prior(t), lines({"900001 = 300.00 | 474.00 | -3671", "900002 = 0.00 | 24.000037 | -10000"}));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.rows[1].names[0], "查询测试分站");
}

// ===========================================================================
// Ordering and top-N
// ===========================================================================

TEST(query_order, key_value_count_and_top) {
  const auto& b = current();
  EXPECT_EQ(show(run("sum by kind order by key desc")),
            lines({"特定目标类 = 150.00", "其他运转类 = 20.00", "公用经费 = 23.000037", "人员经费 = 305.00"}));
  EXPECT_EQ(show(run("sum by kind order by sum")),
            lines({"其他运转类 = 20.00", "公用经费 = 23.000037", "特定目标类 = 150.00", "人员经费 = 305.00"}));
  EXPECT_EQ(show(run("sum by kind order by sum asc")), show(run("sum by kind order by sum")));
  EXPECT_EQ(show(run("sum by kind order by sum desc")),
            lines({"人员经费 = 305.00", "特定目标类 = 150.00", "公用经费 = 23.000037", "其他运转类 = 20.00"}));
  EXPECT_EQ(counts(run("sum by kind order by count desc")), (std::vector<std::int64_t>{8, 6, 4, 2}));
  EXPECT_EQ(show(run("sum by kind order by count")),
            lines({"其他运转类 = 20.00", "特定目标类 = 150.00", "公用经费 = 23.000037", "人员经费 = 305.00"}));
  // order by key is the default (codes numerically, parents first)
  EXPECT_EQ(show(run("sum by econ.类 order by key")), show(run("sum by econ.类")));
  // the value of min / max queries
  EXPECT_EQ(show(run("min by kind order by sum")),
            lines({"公用经费 = 0.50", "其他运转类 = 4.00", "特定目标类 = 10.00", "人员经费 = 12.00"}));

  // top N
  auto t = run("sum by econ.款 order by sum desc limit 3");
  EXPECT_EQ(show(t), lines({"30101 = 120.00", "30399 = 70.00", "30102 = 60.00"}));
  EXPECT_EQ(t.total, wan("498.000037"));  // the total is still over every matching item
  EXPECT_EQ(t.total_count, 20);
  expect_same(t, run("sum by econ.款 order by sum desc top 3"), "top");
  expect_same(t, run("合计 按 经济.款 排序 合计 降序 前 3"), "前");
  expect_same(t, yusuan::run(b, query{}.group_by(dimension::econ, 2).order(order_by::value, true).top(3)), "api");
  EXPECT_EQ(run("sum by econ.款 limit 100").size(), 16u);
  EXPECT_EQ(show(run("sum by econ.款 limit 2")), lines({"30101 = 120.00", "30102 = 60.00"}));

  // the API and the Chinese spellings
  expect_same(run("sum by kind order by key desc"), run("合计 按 类型 排序 键 降序"), "键 降序");
  expect_same(run("sum by kind order by count"), run("合计 按 类型 排序 计数 升序"), "计数 升序");
  expect_same(run("sum by kind order by count desc"),
              yusuan::run(b, query{}.group_by(dimension::kind).order(order_by::count, true)), "count api");
  expect_same(run("sum by kind order by key desc"),
              yusuan::run(b, query{}.group_by(dimension::kind).order(order_by::key, true)), "key api");
  expect_same(run("sum by kind order by sum"), yusuan::run(b, query{}.group_by(dimension::kind).order(order_by::value)),
              "value api");
}

TEST(query_order, the_issue_example_in_chinese_and_english) {
  const auto en = run("sum by function.类 where kind = 基本支出 order by sum desc limit 3");
  EXPECT_EQ(show(en), lines({"208 = 298.000037", "221 = 18.00", "210 = 12.00"}));
  expect_same(en, run("合计 按 功能.类 其中 类型 = 基本支出 排序 合计 降序 前 3"), "zh");
  expect_same(en, run("合计 其中 类型 = 基本支出 按 功能.类 前 3 排序 合计 降序"), "clauses in any order");
  expect_same(en, yusuan::run(current(), query{}
                                             .sum()
                                             .filtered(yusuan::kind_is(yusuan::spending_kind::basic))
                                             .group_by(dimension::function, 1)
                                             .order(order_by::value, true)
                                             .top(3)),
              "api");
}

// ===========================================================================
// Keys and dimensions
// ===========================================================================

TEST(query_keys, parse_dimension_and_keys) {
  yusuan::dimension_ref d;
  ASSERT_TRUE(yusuan::parse_dimension("功能.类", d));
  EXPECT_EQ(d.dim, dimension::function);
  EXPECT_EQ(d.level, 1);
  ASSERT_TRUE(yusuan::parse_dimension("function.item", d));
  EXPECT_EQ(d.level, 3);
  ASSERT_TRUE(yusuan::parse_dimension("gov-econ.section", d));
  EXPECT_EQ(d.dim, dimension::gov_econ);
  EXPECT_EQ(d.level, 2);
  ASSERT_TRUE(yusuan::parse_dimension("项目类别", d));
  EXPECT_EQ(d.dim, dimension::tag);
  EXPECT_EQ(d.tag_key, "项目类别");
  EXPECT_FALSE(yusuan::parse_dimension("econ.项", d));
  ASSERT_TRUE(yusuan::parse_dimension("kind.类", d));  // 基本支出 / 项目支出
  EXPECT_EQ(d.dim, dimension::kind);
  EXPECT_EQ(d.level, 1);
  EXPECT_FALSE(yusuan::parse_dimension("类型.项", d));
  EXPECT_FALSE(yusuan::parse_dimension("fund.类", d));
  ASSERT_TRUE(yusuan::parse_dimension("单位类型", d));
  EXPECT_EQ(d.dim, dimension::unit_type);
  ASSERT_TRUE(yusuan::parse_dimension("金额", d));
  EXPECT_EQ(d.dim, dimension::amount);
  EXPECT_FALSE(yusuan::parse_dimension("function.节", d));

  const auto& b = current();
  const yusuan::dimension_ref item{dimension::function, 3, {}};
  const auto k = yusuan::parse_key(b, item, "208 01 09");
  ASSERT_TRUE(k);
  EXPECT_EQ(yusuan::key_text(b, item, *k), "208 01 09");
  EXPECT_EQ(yusuan::key_name(b, item, *k), "社会保险经办机构");
  EXPECT_EQ(yusuan::parse_key(b, item, "2080109"), k);
  EXPECT_EQ(yusuan::key_of(b, b.items()[0], item), *k);
  EXPECT_FALSE(yusuan::parse_key(b, item, "208 01"));  // not a 项
  EXPECT_FALSE(yusuan::parse_key(b, item, "30101"));
  const yusuan::dimension_ref proj{dimension::project, 0, {}};
  const auto g = yusuan::parse_key(b, proj, "运转项目组");
  ASSERT_TRUE(g);
  EXPECT_EQ(yusuan::key_text(b, proj, *g), "运转项目组");
  EXPECT_EQ(yusuan::key_of(b, b.items()[15], proj), *g);
  EXPECT_EQ(yusuan::key_text(b, proj, *yusuan::parse_key(b, proj, "900001002")), "就业补助专项");
  const yusuan::dimension_ref unit{dimension::unit, 0, {}};
  EXPECT_EQ(yusuan::key_name(b, unit, *yusuan::parse_key(b, unit, "900002")), "查询测试分站");
  EXPECT_EQ(yusuan::key_text(b, {dimension::kind, 0, {}}, yusuan::key_of(b, b.items()[0], {dimension::kind, 0, {}})),
            "人员经费");
  EXPECT_EQ(yusuan::parse_key(b, item, "(none)"), yusuan::no_key);
  EXPECT_EQ(yusuan::key_text(b, item, yusuan::no_key), "(none)");
}

// ===========================================================================
// Malformed queries
// ===========================================================================

namespace {

struct bad_query {
  std::string text;
  std::string code;
  std::uint32_t column;  // characters, 1-based
  std::string expected, found, label;  // substrings; empty: not checked
};

}  // namespace

TEST(query_diagnostics, a_limit_past_what_it_counts_says_so) {
  // "limit needs a positive whole number" was said of 99999999999999999999 too
  const auto message = [](const std::string& text) {
    auto r = parse_text(text, current());
    EXPECT_FALSE(r) << text;
    return r.diagnostics.empty() ? std::string() : r.diagnostics.list()[0].message;
  };
  EXPECT_EQ(message("sum by kind limit 99999999999999999999"), "limit is larger than 999,999,999 rows");
  EXPECT_EQ(message("sum by kind limit 0"), "limit needs a positive whole number");
  EXPECT_EQ(message("sum by kind limit x"), "limit needs a positive whole number");
  EXPECT_TRUE(parse_text("sum by kind limit 999999999", current()));
}

TEST(query_diagnostics, column_caret_expected_found) {
  const std::vector<bad_query> cases = {
      {"sum by function.节", "E0304", 8, "功能.类", "", ""},
      {"合计 按 功能.节", "E0304", 6, "功能.类", "", ""},
      {"sum where econ = 4xx", "E0201", 18, "", "", "expected a code such as 30101"},
      {"sum where econ = 50101", "E0201", 18, "", "", "expected a code such as 30101"},
      {"sum where function.款 = 208", "E0304", 24, "", "", "a 款 has 5 digits"},
      {"sum by kind limit x", "E0505", 19, "", "'x'", ""},
      {"sum by kind limit 0", "E0505", 19, "", "'0'", ""},
      {"avg by kind", "E0101", 1, "sum, count, min or max (合计, 计数, 最小, 最大)", "'avg'", ""},
      {"sum by kind foo", "E0101", 13, "a clause (where, by, pivot, rollup, share, order by, limit)", "'foo'", ""},
      {"合计 按 类型 垃圾", "E0101", 9, "a clause", "'垃圾'", ""},
      {"sum where", "E0101", 10, "a filter", "", ""},
      {"sum order by", "E0101", 13, "'合计' ('sum') or '键' ('key') or '计数' ('count')", "", ""},
      {"sum where kind in (人员经费", "E0101", 24, "')'", "", ""},
      {"sum where project = 不存在", "E0301", 21, "", "", ""},  // at the unknown name
      {"合计 其中 项目 = 不存在", "E0301", 12, "", "", ""},
      {"sum where unit = 999999", "E0301", 18, "", "", ""},
      {"sum where kind = 基本", "E0205", 18, "基本支出", "", ""},
      {"sum where fund = 乱", "E0205", 18, "", "", ""},
      // at the first grouping, not a classification; at rollup when nothing is grouped
      {"sum by kind rollup", "E0505", 8, "a first grouping by 功能, 经济 or 政府经济", "", "not a classification"},
      {"合计 按 项目, 功能.项 汇总", "E0505", 6, "", "", "not a classification"},
      {"sum where kind = 基本支出 rollup", "E0505", 23, "", "", "nothing grouped to roll up"},
      // items are compared by their amount in filters, never grouped by it
      {"max by amount", "E0304", 8, "a dimension to group by", "'amount'", ""},
      {"合计 按 类型, 金额", "E0304", 10, "a dimension to group by", "'金额'", ""},
      {"sum pivot 金额", "E0304", 11, "a dimension to group by", "'金额'", ""},
      // a clause given twice would replace the first: reported at the second
      {"sum pivot kind pivot econ", "E0505", 16, "", "", "the second"},
      {"sum by kind order by sum order by key", "E0505", 26, "", "", "the second"},
      {"sum by kind limit 2 top 3", "E0505", 21, "", "", "the second"},
      {"合计 透视 类型 汇总 透视 资金", "E0505", 13, "", "", "the second"},
      // the least or greatest amount is no part of a total
      {"max by kind share", "E0505", 13, "", "", ""},
      {"最小 按 类型 占比", "E0505", 9, "", "", ""},
  };
  for (const auto& c : cases) {
    auto r = parse_text(c.text, current());
    EXPECT_FALSE(r) << c.text;
    ASSERT_FALSE(r.diagnostics.empty()) << c.text;
    const auto& d = r.diagnostics.list()[0];
    EXPECT_EQ(d.code, c.code) << c.text << ": " << d.message;
    EXPECT_EQ(d.level, yusuan::severity::error) << c.text;
    const auto loc = yusuan::resolve(d.span);
    EXPECT_EQ(loc.file, "<query>") << c.text;
    EXPECT_EQ(loc.line, 1u) << c.text;
    EXPECT_EQ(loc.column, c.column) << c.text << ": " << d.message;
    if (!c.expected.empty()) {
      EXPECT_NE(d.expected.find(c.expected), std::string::npos) << c.text << ": " << d.expected;
    }
    if (!c.found.empty()) {
      EXPECT_EQ(d.found, c.found) << c.text;
    }
    if (!c.label.empty()) {
      EXPECT_EQ(d.label, c.label) << c.text;
    }
  }
}

TEST(query_diagnostics, rendered_with_a_caret_under_the_column) {
  auto r = parse_text("合计 按 功能.节", current());
  ASSERT_FALSE(r);
  std::ostringstream os;
  yusuan::render_text(os, r.diagnostics);
  const std::string text = os.str();
  EXPECT_NE(text.find("error[E0304]: unknown level in '功能.节'"), std::string::npos) << text;
  EXPECT_NE(text.find("  --> <query>:1:6\n"), std::string::npos) << text;
  EXPECT_NE(text.find("1 | 合计 按 功能.节\n"), std::string::npos) << text;
  // 合计 and 按 are 6 display columns and two blanks: the caret starts at display column 9
  // and spans 功能.节 (7 display columns).
  EXPECT_NE(text.find("  | " + std::string(8, ' ') + std::string(7, '^') + " expected"), std::string::npos) << text;

  try {
    (void)yusuan::parse_query("sum by function.节", current());
    ADD_FAILURE() << "parse_query did not throw";
  } catch (const yusuan::budget_error& e) {
    EXPECT_NE(std::string(e.what()).find("<query>:1:8"), std::string::npos) << e.what();
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics().list()[0].code, "E0304");
  }
}

TEST(query_diagnostics, a_second_where_clause) {
  // Two where clauses narrow together: the same as joining them with and.
  const auto& b = current();
  auto two = parse_text("sum where kind = 人员经费 where econ = 302", b);
  auto joined = parse_text("sum where kind = 人员经费 and econ = 302", b);
  auto first = parse_text("sum where econ = 302", b);
  ASSERT_TRUE(two && joined && first);
  const auto t2 = yusuan::run(b, *two.value), tj = yusuan::run(b, *joined.value), t1 = yusuan::run(b, *first.value);
  EXPECT_EQ(t2.total, tj.total);
  EXPECT_EQ(t2.total_count, tj.total_count);
  EXPECT_NE(t2.total, t1.total);  // the second clause does not replace the first
}

// ===========================================================================
// The reference budget (smoke check; the issue's queries are in test_reference.cpp)
// ===========================================================================

TEST(query_reference, smoke) {
  const auto b = yusuan::compile_file("budgets/luoyang-social-insurance-center-2024.budget");
  const auto t = run("合计 按 功能.类 占比", b);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.value({"208"}), wan("38093.45"));
  EXPECT_EQ(t.total, wan("38381.46"));
  std::int64_t sum = 0;
  for (const auto& r : t) sum += r.share_units.value_or(0);
  EXPECT_GE(sum, 9998);
  EXPECT_LE(sum, 10002);
}

// ===========================================================================
// The command line
// ===========================================================================

#ifdef YUSUAN_CLI

namespace {

struct cli_result {
  int exit = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

/// Runs `yusuan query <args>`; each argument is quoted for the shell.
cli_result cli(std::initializer_list<std::string> args) {
  static std::atomic<int> counter{0};
  const fs::path dir = fs::temp_directory_path() /
                       ("yusuan-test-query-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  std::string cmd = shell_quote(YUSUAN_CLI) + " query";
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string()) + " </dev/null";
  const int status = std::system(cmd.c_str());
  cli_result r;
  r.exit = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return r;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

/// Display width: 2 for CJK ideographs, full-width forms and CJK punctuation,
/// 1 otherwise (written here independently of yusuan::utf8).
std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) {
      cp = c & 0x07;
      n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      n = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      n = 2;
    }
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
                      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    w += wide ? 2 : 1;
  }
  return w;
}

}  // namespace

TEST(query_cli, text_aligns_cjk_columns_by_display_width) {
  const std::vector<std::vector<std::string>> runs = {
      {current_path, "sum by function.项"},
      {current_path, "sum by function.项 rollup share"},
      {current_path, "合计 按 项目 占比"},
      {current_path, "sum by unit, kind"},
      {current_path, "sum by function.类 pivot kind"},
      {current_path, "count by 项目类别"},
      {current_path, "sum by econ.款", "--prior", prior_path},
  };
  for (const auto& a : runs) {
    cli_result r;
    if (a.size() == 2) r = cli({a[0], a[1]});
    else r = cli({a[0], a[1], a[2], a[3]});
    ASSERT_EQ(r.exit, 0) << a[1] << "\n" << r.err;
    const auto ls = split_lines(r.out);
    ASSERT_GE(ls.size(), 3u) << a[1];
    // the rule under the header is as wide as the table; every line ends with
    // a right-aligned number (or is padded to it), so every line is that wide
    const std::size_t width = display_width(ls[1]);
    EXPECT_EQ(ls[1], std::string(width, '-')) << a[1];
    for (const auto& l : ls) {
      EXPECT_TRUE(l.empty() || l.back() != ' ') << a[1] << ": trailing blank in '" << l << "'";
      EXPECT_LE(display_width(l), width) << a[1] << ": '" << l << "'";
    }
    EXPECT_EQ(display_width(ls[0]), width) << a[1] << ": header '" << ls[0] << "'";
    // rows whose last cell is not empty reach the right edge
    for (std::size_t i = 2; i < ls.size(); ++i)
      if (a[1].find("pivot") == std::string::npos && a.size() == 2) {
        EXPECT_EQ(display_width(ls[i]), width) << a[1] << ": '" << ls[i] << "'";
      }
  }

  // the exact table
  auto r = cli({current_path, "sum by project"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "项目          项目.编码    合计\n"
            "-------------------------------\n"
            "社保经办专项  900001001   70.00\n"
            "就业补助专项  900001002   80.00\n"
            "运转项目组                20.00\n"
            "(none)                   328.00\n");
}

TEST(query_cli, csv) {
  auto r = cli({"--format", "csv", current_path, "sum by function.项, kind where function = 208 01"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "功能.项,功能.项.名称,类型,合计\n"
            "208 01 09,社会保险经办机构,人员经费,220.00\n"
            "208 01 09,社会保险经办机构,公用经费,19.50\n"
            "208 01 09,社会保险经办机构,特定目标类,70.00\n");
  // amounts in the file's unit (万元), no thousands separators; --unit converts
  r = cli({current_path, "sum by unit", "--format=csv"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out, "单位,单位.名称,合计\n900001,查询测试中心,474.00\n900002,查询测试分站,24.00\n");
  r = cli({current_path, "sum by unit", "--format", "csv", "--unit", "元"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out, "单位,单位.名称,合计\n900001,查询测试中心,4740000.00\n900002,查询测试分站,240000.37\n");
  r = cli({current_path, "sum", "--format", "csv", "--unit", "yuan"});
  EXPECT_EQ(r.out, "合计\n4980000.37\n");
  // pivot: one column per key, blank cells
  r = cli({current_path, "sum by function.类 pivot fund", "--format", "csv"});
  ASSERT_EQ(r.exit, 0) << r.err;
  // (with the codes' names: the catalog's where the budget gives none)
  EXPECT_EQ(r.out, "功能.类,功能.类.名称,一般公共预算,事业收入\n201,一般公共服务支出,20.00,\n"
                   "208,社会保障和就业支出,417.50,30.50\n210,卫生健康支出,12.00,\n221,住房保障支出,18.00,\n");
  // share and count: a count's share of the total count
  r = cli({current_path, "count by fund share", "--format", "csv"});
  EXPECT_EQ(r.out, "资金,计数,占比(%)\n一般公共预算,17,85.00\n事业收入,3,15.00\n");
  r = cli({current_path, "sum by fund share", "--format", "csv"});
  EXPECT_EQ(r.out, "资金,合计,占比(%)\n一般公共预算,467.50,93.88\n事业收入,30.50,6.12\n");
  // rollup: subtotal rows marked 小计
  r = cli({current_path, "sum by function.款 rollup where function = 208", "--format", "csv"});
  EXPECT_EQ(r.out, "功能.款,功能.款.名称,小计,合计\n208,社会保障和就业支出,小计,448.00\n"
                   "208 01,人力资源和社会保障管理事务,,309.50\n208 05,行政事业单位养老支出,,58.50\n208 07,就业补助,,80.00\n");
  // nothing matched: one row of 0
  r = cli({current_path, "sum where econ = 30399 and kind = 公用经费", "--format", "csv"});
  EXPECT_EQ(r.out, "合计\n0.00\n");
  r = cli({current_path, "count where econ = 30399 and kind = 公用经费", "--format", "csv"});
  EXPECT_EQ(r.out, "计数\n0\n");
}

TEST(query_cli, json_and_markdown) {
  auto r = cli({current_path, "sum by kind", "--format", "json"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "[\n"
            "  {\"类型\":\"人员经费\",\"合计\":305.00},\n"
            "  {\"类型\":\"公用经费\",\"合计\":23.00},\n"
            "  {\"类型\":\"其他运转类\",\"合计\":20.00},\n"
            "  {\"类型\":\"特定目标类\",\"合计\":150.00}\n"
            "]\n");
  r = cli({current_path, "count by unit", "--format", "json"});
  EXPECT_EQ(r.out,
            "[\n"
            "  {\"单位\":\"900001\",\"单位.名称\":\"查询测试中心\",\"计数\":17},\n"
            "  {\"单位\":\"900002\",\"单位.名称\":\"查询测试分站\",\"计数\":3}\n"
            "]\n");
  // empty pivot cells are null
  r = cli({current_path, "sum by function.类 pivot fund where function.类 in (208, 210)", "--format", "json"});
  EXPECT_EQ(r.out,
            "[\n"
            "  {\"功能.类\":\"208\",\"功能.类.名称\":\"社会保障和就业支出\",\"一般公共预算\":417.50,\"事业收入\":30.50},\n"
            "  {\"功能.类\":\"210\",\"功能.类.名称\":\"卫生健康支出\",\"一般公共预算\":12.00,\"事业收入\":null}\n"
            "]\n");
  // the pivot's columns are the keys of the matching items only
  r = cli({current_path, "sum by function.类 pivot fund where function = 210", "--format", "json"});
  EXPECT_EQ(r.out, "[\n  {\"功能.类\":\"210\",\"功能.类.名称\":\"卫生健康支出\",\"一般公共预算\":12.00}\n]\n");

  r = cli({current_path, "sum by econ.类 share", "--format", "md"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "| 经济.类 | 经济.类.名称 | 合计 | 占比(%) |\n"
            "| --- | --- | ---: | ---: |\n"
            "| 301 | 工资福利支出 | 280.00 | 56.22 |\n"
            "| 302 | 商品和服务支出 | 103.00 | 20.68 |\n"
            "| 303 | 对个人和家庭的补助 | 95.00 | 19.08 |\n"
            "| 310 | 资本性支出 | 20.00 | 4.02 |\n");
}

TEST(query_cli, prior_year_columns) {
  auto r = cli({current_path, "sum by function.类", "--prior", prior_path, "--format", "csv"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "功能.类,功能.类.名称,合计,上年,增减,增幅(%)\n"
            "201,一般公共服务支出,20.00,0.00,20.00,\n"
            "208,社会保障和就业支出,448.00,272.00,176.00,64.71\n"
            "210,卫生健康支出,12.00,12.00,0.00,0.00\n"
            "221,住房保障支出,18.00,16.00,2.00,12.50\n");
  r = cli({current_path, "sum by econ.款 where econ = 303", "--prior", prior_path});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out,
            "经济.款  经济.款.名称             合计   上年   增减  增幅(%)\n"
            "-------------------------------------------------------------\n"
            "30302    退休费                  25.00  27.00  -2.00    -7.41\n"
            "30399    其他对个人和家庭的补助  70.00   0.00  70.00\n");
  r = cli({current_path, "sum", "--prior", prior_path, "--unit", "元", "--format", "json"});
  EXPECT_EQ(r.out, "[\n  {\"合计\":4980000.37,\"上年\":3000000.00,\"增减\":1980000.37,\"增幅(%)\":66.00}\n]\n");
  r = cli({current_path, "sum", "--prior", "tests/data/query/no-such.budget"});
  EXPECT_EQ(r.exit, 2);
}

TEST(query_cli, prior_year_of_a_count) {
  auto r = cli({current_path, "count by kind", "--prior", prior_path, "--format", "csv"});
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto ls = split_lines(r.out);
  ASSERT_EQ(ls.size(), 5u);
  EXPECT_EQ(ls[1], "人员经费,8,6,2,33.33");
}

TEST(query_cli, prior_year_of_a_pivoted_row) {
  // 上年 is the row's total last year; 增减 and 增幅 compare it with the row's
  // total this year (275.00 + 12.00 + 18.00), not with its first column.
  auto r = cli({current_path, "sum by kind pivot function.类", "--prior", prior_path, "--format", "csv"});
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto ls = split_lines(r.out);
  ASSERT_EQ(ls.size(), 5u);
  EXPECT_EQ(ls[0], "类型,201,208,210,221,上年,增减,增幅(%)");
  EXPECT_EQ(ls[1], "人员经费,,275.00,12.00,18.00,238.00,67.00,28.15");
  EXPECT_EQ(ls[3], "其他运转类,20.00,,,,0.00,20.00,");
}

TEST(query_cli, errors_and_usage) {
  // a malformed query: exit 1, the diagnostic with its caret on stderr
  auto r = cli({current_path, "sum by function.节"});
  EXPECT_EQ(r.exit, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("error[E0304]: unknown level in 'function.节'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  --> <query>:1:8\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 | sum by function.节\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  |        ^^^^^^^^^^^"), std::string::npos) << r.err;
  r = cli({current_path, "sum where econ = 4xx"});
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.err.find("<query>:1:18"), std::string::npos) << r.err;
  r = cli({current_path, "avg by kind"});
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.err.find("found 'avg'"), std::string::npos) << r.err;
  r = cli({current_path, "sum where project = 不存在"});
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.err.find("unknown project '不存在'"), std::string::npos) << r.err;

  // usage errors: exit 2
  for (const auto& args : std::vector<std::vector<std::string>>{
           {current_path},
           {},
           {current_path, "sum", "extra"},
           {current_path, "sum", "--format", "xml"},
           {current_path, "sum", "--unit", "美元"},
           {current_path, "sum", "--frobnicate"},
           {current_path, "sum", "--format"},
           {"tests/data/query/no-such.budget", "sum"},
       }) {
    cli_result u;
    switch (args.size()) {
      case 0: u = cli({}); break;
      case 1: u = cli({args[0]}); break;
      case 2: u = cli({args[0], args[1]}); break;
      case 3: u = cli({args[0], args[1], args[2]}); break;
      default: u = cli({args[0], args[1], args[2], args[3]}); break;
    }
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(u.exit, 2) << joined << "\n" << u.err;
    EXPECT_TRUE(u.out.empty()) << joined;
    EXPECT_FALSE(u.err.empty()) << joined;
  }
  // a budget with errors: 1
  r = cli({"tests/data/dsl/cli_error.budget", "sum"});
  EXPECT_EQ(r.exit, 1);
  // help
  r = cli({"--help"});
  EXPECT_EQ(r.exit, 0);
  EXPECT_NE(r.out.find("Usage: yusuan query"), std::string::npos);
  EXPECT_NE(r.out.find("--prior FILE"), std::string::npos);
}

#endif  // YUSUAN_CLI

// ===========================================================================
// The engine against a naive evaluation
// ===========================================================================
//
// run() reads the budget column by column, filters through byte masks, and
// counts cells in flat arrays (or hashed ones when the cells are many).  Here
// random queries on the test budget and the reference budget are checked
// against the plainest evaluation there is: reference::matches() and key_of() on every
// item, one std::map per query.

namespace {

struct naive_cell {
  yusuan::money_sum sum;
  std::int64_t count = 0;
  money lo, hi;
};

/// Random filters and groupings drawn from what a budget has.
class query_maker {
public:
  query_maker(const yusuan::budget& b, std::uint64_t seed) : b_(b), rng_(seed) {}

  yusuan::filter filter(int depth = 0) {
    const auto r = pick(depth >= 2 ? 7 : 10);
    if (r >= 7) {
      yusuan::filter f;
      f.kind = r == 7 ? yusuan::filter::op::and_ : r == 8 ? yusuan::filter::op::or_ : yusuan::filter::op::not_;
      const std::size_t n = f.kind == yusuan::filter::op::not_ ? 1 : 2 + pick(2);
      for (std::size_t i = 0; i < n; ++i) f.children.push_back(filter(depth + 1));
      return f;
    }
    yusuan::filter f;
    static constexpr yusuan::filter::op ops[] = {yusuan::filter::op::eq, yusuan::filter::op::ne, yusuan::filter::op::in,
                                                 yusuan::filter::op::not_in};
    f.kind = ops[pick(4)];
    const std::size_t nvalues = f.kind == yusuan::filter::op::in || f.kind == yusuan::filter::op::not_in ? 1 + pick(3) : 1;
    const auto& it = b_.items()[pick(b_.items().size())];
    switch (r) {
      case 0:
        f.dim = {dimension::function, 0, {}};
        for (std::size_t i = 0; i < nvalues; ++i) {
          const auto c = b_.items()[pick(b_.items().size())].function;
          f.values.push_back(yusuan::value_of(c ? c.at(1 + static_cast<int>(pick(static_cast<std::size_t>(c.level())))) : c));
        }
        break;
      case 1:
      case 2:
        f.dim = {r == 1 ? dimension::econ : dimension::gov_econ, 0, {}};
        for (std::size_t i = 0; i < nvalues; ++i) {
          const auto& x = b_.items()[pick(b_.items().size())];
          const auto c = r == 1 ? x.econ : x.gov_econ;
          f.values.push_back(yusuan::value_of(c ? c.at(1 + static_cast<int>(pick(static_cast<std::size_t>(c.level())))) : c));
        }
        break;
      case 3:
        f.dim = {dimension::kind, 0, {}};
        for (std::size_t i = 0; i < nvalues; ++i)
          f.values.push_back(yusuan::value_of(yusuan::all_spending_kinds[pick(yusuan::all_spending_kinds.size())]));
        break;
      case 4: {
        f.dim = {dimension::fund, 0, {}};
        static constexpr yusuan::fund_source funds[] = {yusuan::fund_source::general_budget,
                                                        yusuan::fund_source::fiscal_appropriation,
                                                        yusuan::fund_source::institution_revenue,
                                                        yusuan::fund_source::carryover};
        // and 上年结转结余.FUND: spending from last year's balance of a fund
        for (std::size_t i = 0; i < nvalues; ++i) {
          const auto x = pick(7);
          f.values.push_back(x < 4 ? yusuan::value_of(funds[x])
                                   : yusuan::value_of(yusuan::fund_source::carryover, funds[x - 4]));
        }
        break;
      }
      case 5:
        if (!b_.projects().empty()) {
          auto g = yusuan::project_is(b_, b_.projects()[pick(b_.projects().size())].name);
          g.kind = f.kind == yusuan::filter::op::in || f.kind == yusuan::filter::op::eq ? yusuan::filter::op::eq
                                                                                          : yusuan::filter::op::ne;
          return g;
        }
        [[fallthrough]];
      default: {
        const auto tags = b_.tags_of(it);
        if (tags.empty()) return unit_is(static_cast<std::uint32_t>(pick(b_.units().size())));
        const auto& [k, v] = tags[pick(tags.size())];
        auto g = yusuan::tag_is(b_, std::string(k), v);
        if (f.kind == yusuan::filter::op::ne || f.kind == yusuan::filter::op::not_in) g.kind = yusuan::filter::op::ne;
        return g;
      }
    }
    return f;
  }

  yusuan::dimension_ref dimension_ref() {
    switch (pick(9)) {
      case 0: return {dimension::function, static_cast<int>(pick(4)), {}};
      case 1: return {dimension::econ, static_cast<int>(pick(3)), {}};
      case 2: return {dimension::gov_econ, static_cast<int>(pick(3)), {}};
      case 3: return {dimension::kind, 0, {}};
      case 4: return {dimension::fund, 0, {}};
      case 5: return {dimension::project, 0, {}};
      case 6: return {dimension::unit, 0, {}};
      default: {
        const auto& it = b_.items()[pick(b_.items().size())];
        const auto tags = b_.tags_of(it);
        if (tags.empty()) return {dimension::function, 3, {}};
        return {dimension::tag, 0, std::string(tags[pick(tags.size())].first)};
      }
    }
  }

  query make() {
    query q;
    q.agg = static_cast<yusuan::aggregate>(pick(4));
    if (pick(4) != 0) q.where = filter();
    const std::size_t nd = pick(4);
    for (std::size_t i = 0; i < nd; ++i) q.by.push_back(dimension_ref());
    if (pick(3) == 0) q.pivot = dimension_ref();
    return q;
  }

  std::size_t pick(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }

private:
  const yusuan::budget& b_;
  std::mt19937_64 rng_;
};

/// Checks run(b, q) against reference::matches() and key_of() item by item.
void expect_naive(const yusuan::budget& b, const query& q, const std::string& what) {
  using keys = std::vector<yusuan::dimension_key>;
  std::map<keys, std::map<yusuan::dimension_key, naive_cell>> cells;
  yusuan::money_sum total;
  std::int64_t total_count = 0;
  for (const auto& it : b.items()) {
    if (!reference::matches(b, it, q.where)) continue;
    keys k;
    for (const auto& d : q.by) k.push_back(yusuan::key_of(b, it, d));
    const auto col = q.pivot ? yusuan::key_of(b, it, *q.pivot) : 0;
    auto& c = cells[k][col];
    if (c.count++ == 0) c.lo = c.hi = it.amount;
    c.sum += it.amount;
    c.lo = std::min(c.lo, it.amount);
    c.hi = std::max(c.hi, it.amount);
    total += it.amount;
    ++total_count;
  }
  const result_table t = yusuan::run(b, q);
  EXPECT_EQ(t.total_count, total_count) << what;
  if (q.agg == yusuan::aggregate::sum) {
    EXPECT_EQ(t.total, total.value()) << what;
  }
  ASSERT_EQ(t.size(), cells.size()) << what;
  // Pivot columns: the keys that occur, in key order.
  std::vector<yusuan::dimension_key> columns;
  if (q.pivot) {
    std::set<yusuan::dimension_key> seen;
    for (const auto& [k, row] : cells)
      for (const auto& [col, c] : row) seen.insert(col);
    columns.assign(seen.begin(), seen.end());
    std::sort(columns.begin(), columns.end(),
              [&](auto x, auto y) { return yusuan::detail::key_less(*q.pivot, x, y); });
    std::vector<std::string> headers;
    for (auto c : columns) headers.push_back(yusuan::key_text(b, *q.pivot, c));
    EXPECT_EQ(t.value_headers, headers) << what;
  } else {
    columns.push_back(0);
  }
  const yusuan::result_row* previous = nullptr;
  for (const auto& r : t) {
    ASSERT_EQ(r.keys.size(), q.by.size()) << what;
    for (std::size_t d = 0; d < q.by.size(); ++d) EXPECT_EQ(r.labels[d], yusuan::key_text(b, q.by[d], r.keys[d])) << what;
    // Rows in key order, the first dimension first.
    if (previous) {
      bool less = false;
      for (std::size_t d = 0; d < q.by.size(); ++d) {
        if (yusuan::detail::key_less(q.by[d], previous->keys[d], r.keys[d])) {
          less = true;
          break;
        }
        if (previous->keys[d] != r.keys[d]) break;
      }
      EXPECT_TRUE(less) << what << ": rows out of order";
    }
    previous = &r;
    const auto pos = cells.find(std::vector<yusuan::dimension_key>(r.keys.begin(), r.keys.end()));
    ASSERT_NE(pos, cells.end()) << what << ": a row the items do not have";
    std::int64_t count = 0;
    ASSERT_EQ(r.values.size(), columns.size()) << what;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto cell = pos->second.find(columns[c]);
      if (cell == pos->second.end()) {
        EXPECT_FALSE(r.values[c].has_value()) << what;
        continue;
      }
      count += cell->second.count;
      std::optional<yusuan::quantity> want;
      switch (q.agg) {
        case yusuan::aggregate::sum: want = cell->second.sum.value(); break;
        case yusuan::aggregate::count: want = yusuan::quantity::of_count(cell->second.count); break;
        case yusuan::aggregate::min: want = cell->second.lo; break;
        case yusuan::aggregate::max: want = cell->second.hi; break;
      }
      EXPECT_EQ(r.values[c], want) << what << " column " << c;
    }
    EXPECT_EQ(r.count, count) << what;
  }
}

std::string describe(const query& q, std::size_t n) {
  std::string s = "query #" + std::to_string(n) + " (agg " + std::to_string(static_cast<int>(q.agg)) + ", by";
  for (const auto& d : q.by) s += " " + yusuan::dimension_header(d);
  if (q.pivot) s += ", pivot " + yusuan::dimension_header(*q.pivot);
  return s + ")";
}

/// Sets the engine's dense-cell limit for the life of the object.
struct dense_limit {
  explicit dense_limit(std::uint64_t n) { yusuan::detail::dense_cell_limit() = n; }
  ~dense_limit() { yusuan::detail::dense_cell_limit() = 0; }
};

}  // namespace

/// A budget of `n` items over a few codes, kinds, sources, tags and projects,
/// large enough that scans filter several blocks of items.
yusuan::budget generated_budget(std::size_t n) {
  static constexpr const char* functions[] = {"208 01 09", "208 05 05", "210 11 01", "221 02 01", "208 01 01"};
  static constexpr const char* basic[] = {"30101 → 50101", "30102 → 50101", "30201 → 50201", "30217 → 50206",
                                          "30231 → 50208", "30302 → 50905"};
  std::mt19937_64 rng(7);
  std::string s = "标题 \"生成\"\n年度 2024\n金额单位 元\n单位 900001 \"生成单位\" 类型 参公\n";
  std::size_t items = 0;
  auto item = [&](const char* econ) {
    s += "    ";
    s += functions[rng() % 5];
    s += " ";
    s += econ;
    s += ": " + std::to_string(1 + rng() % 100000) + "." + std::to_string(10 + rng() % 90);
    const auto r = rng() % 20;
    if (r == 0) s += " 资金 事业收入";
    if (r == 1) s += " 项目类别=公用经费综合定额";
    if (r == 2) s += " 来源=本级";
    if (r == 3) s += " 资金 上年结转结余.一般公共预算";
    if (r == 4) s += " 资金 上年结转结余";
    if (r == 5) s += " 资金 上年结转结余.事业收入";
    s += "\n";
    ++items;
  };
  while (items < n) {
    const bool personnel = rng() % 2 == 0;
    s += "基本支出 {\n  ";
    s += personnel ? "人员经费" : "公用经费";
    s += " {\n";
    for (int i = 0; i < 50 && items < n; ++i) item(basic[personnel ? rng() % 2 : 2 + rng() % 4]);
    s += "  }\n}\n";
    if (items < n) {
      s += "项目 \"项目" + std::to_string(items) + "\" 类型 " + (rng() % 2 ? "特定目标类" : "其他运转类") + " {\n";
      for (int i = 0; i < 30 && items < n; ++i) item(rng() % 2 ? "30227 → 50205" : "31002 → 50405");
      s += "}\n";
    }
  }
  auto r = compile_text(s, "generated.budget");
  if (!r.ok()) {
    std::ostringstream os;
    yusuan::render_text(os, r.diagnostics);
    ADD_FAILURE() << "the generated budget does not compile:\n" << os.str().substr(0, 2000);
    return {};
  }
  return std::move(*r.value);
}

TEST(query_engine, random_queries_agree_with_a_naive_evaluation) {
  const yusuan::budget reference = yusuan::compile_file("budgets/luoyang-social-insurance-center-2024.budget");
  const yusuan::budget generated = generated_budget(9'000);  // scans of three blocks of items
  ASSERT_EQ(generated.items().size(), 9'000u);
  std::size_t n = 0;
  for (const yusuan::budget* b : {&current(), &reference, &generated}) {
    query_maker make(*b, 20241127 + n);
    const int queries = b == &generated ? 120 : 400;
    for (int i = 0; i < queries; ++i, ++n) {
      const query q = make.make();
      expect_naive(*b, q, describe(q, n));
      {
        // Cells hashed from the first dimension on (the path of queries with
        // more cells than items).
        dense_limit tiny(1);
        expect_naive(*b, q, describe(q, n) + " with hashed cells");
      }
      if (HasFatalFailure()) return;
    }
  }
}

TEST(query_engine, large_amounts_sum_exactly_or_throw) {
  // Amounts near 2^62 分: wrapped 64-bit sums could no longer be trusted, so
  // cells are summed exactly; a cell whose sum does not fit 64 bits throws.
  const std::int64_t big = std::int64_t{1} << 62;
  yusuan::budget_builder bb;
  bb.year(2024).unit("900001", "测试单位");
  auto add = [&](std::int64_t fen, std::string_view fn, yusuan::spending_kind k) {
    yusuan::item it;
    it.amount = money::from_fen(fen);
    it.function = fcode(fn);
    it.kind = k;
    bb.add(it);
  };
  add(big, "2080109", yusuan::spending_kind::personnel);
  add(big, "2080109", yusuan::spending_kind::personnel);
  add(-big, "2080109", yusuan::spending_kind::public_funds);
  add(-big, "2080505", yusuan::spending_kind::public_funds);
  add(5, "2080505", yusuan::spending_kind::public_funds);
  yusuan::compile_options no_catalog;
  no_catalog.check_catalog = false;
  const yusuan::budget b = bb.build(no_catalog);  // the total, 5 分, fits
  ASSERT_GT(yusuan::detail::budget_access::columns(b)->amount_bits, 62);

  auto t = yusuan::run(b, query{}.sum().group_by(dimension::function, 3).filtered(
                              yusuan::kind_is(yusuan::spending_kind::basic) && !yusuan::function_is(fcode("2080505"))));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.rows[0].values[0], money::from_fen(big));  // 2^62 + 2^62 - 2^62, past int64 on the way
  t = yusuan::run(b, query{}.min().group_by(dimension::kind));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.rows[0].values[0], money::from_fen(big));
  EXPECT_EQ(t.rows[1].values[0], money::from_fen(-big));
  EXPECT_EQ(yusuan::run(b, query{}.sum()).total, money::from_fen(5));
  // 人员经费 sums to 2^63, which does not fit: the sum throws rather than wrap.
  EXPECT_THROW(yusuan::run(b, query{}.sum().group_by(dimension::kind)), yusuan::overflow_error);
  EXPECT_THROW(yusuan::run(b, query{}.sum().filtered(yusuan::kind_is(yusuan::spending_kind::personnel))),
               yusuan::overflow_error);
  // Rollup subtotals are summed exactly too: 2^62 + 2^62 - 2^62 over three 项 of 208 01.
  {
    yusuan::budget_builder bb2;
    bb2.year(2024).unit("900001", "测试单位");
    for (auto [fen, fn] : {std::pair{big, "2080101"}, std::pair{big, "2080102"}, std::pair{-big, "2080109"}}) {
      yusuan::item it;
      it.amount = money::from_fen(fen);
      it.function = fcode(fn);
      bb2.add(it);
    }
    const yusuan::budget b2 = bb2.build(no_catalog);
    const auto r2 = yusuan::run(b2, query{}.sum().group_by(dimension::function, 3).with_rollup());
    std::vector<std::pair<std::string, money>> got;
    for (const auto& row : r2) got.emplace_back(row.labels[0], row.values[0]->amount());
    const std::vector<std::pair<std::string, money>> want = {{"208", money::from_fen(big)},
                                                             {"208 01", money::from_fen(big)},
                                                             {"208 01 01", money::from_fen(big)},
                                                             {"208 01 02", money::from_fen(big)},
                                                             {"208 01 09", money::from_fen(-big)}};
    EXPECT_EQ(got, want);
  }
  // Counts and maxima do not need the sum.
  t = yusuan::run(b, query{}.count().group_by(dimension::function, 1));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.rows[0].count, 5);
  // A budget whose total cannot be held is not built: the builder runs the
  // compiler's checks.
  yusuan::budget_builder too_big;
  for (int k = 0; k < 3; ++k) {
    yusuan::item it;
    it.amount = money::from_fen(big);
    it.function = fcode("2080109");
    too_big.add(it);
  }
  yusuan::diagnostics diags;
  EXPECT_FALSE(too_big.build(diags, no_catalog).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "E0701");
}

TEST(query_engine, ties_under_value_order_come_in_key_order_on_every_path) {
  // Two 项 with the same sum, the later code first in the file.
  const auto r = compile_text(
      "标题 \"并列\"\n年度 2024\n金额单位 元\n单位 900001 \"并列单位\" 类型 参公\n"
      "基本支出 {\n  人员经费 {\n"
      "    208 05 05 30108 → 50102: 10.00\n"
      "    208 01 09 30101 → 50101: 10.00\n"
      "    210 11 01 30110 → 50102: 4.00\n"
      "  }\n}\n",
      "ties.budget");
  ASSERT_TRUE(r.ok());
  const yusuan::budget& b = *r.value;
  const auto q = query{}.sum().group_by(dimension::function, 3).order(order_by::value, true);
  const std::vector<std::string> want = {"208 01 09 = 0.001", "208 05 05 = 0.001", "210 11 01 = 0.0004"};
  EXPECT_EQ(show(yusuan::run(b, q)), want);
  {
    dense_limit tiny(1);  // cells hashed, in order of appearance
    EXPECT_EQ(show(yusuan::run(b, q)), want);
    EXPECT_EQ(show(yusuan::run(b, query{q}.top(1))), std::vector<std::string>{want[0]});
  }
  EXPECT_EQ(show(yusuan::run(b, query{q}.top(1))), std::vector<std::string>{want[0]});
}

TEST(query_engine, a_budget_built_from_another_gets_its_own_columns) {
  const auto r = compile_text(
      "标题 \"复制\"\n年度 2024\n金额单位 元\n单位 900001 \"复制单位\" 类型 参公\n"
      "基本支出 {\n  人员经费 {\n    208 01 09 30101 → 50101: 10.00\n    208 01 09 30102 → 50101: 20.00\n  }\n}\n",
      "copy.budget");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(yusuan::run(*r.value, query{}.sum()).total, money::parse("30.00"));  // columns of the original, built
  yusuan::budget_builder bb(*r.value);
  bb.items()[0].amount = money::parse("999.00");
  bb.items()[1].kind = yusuan::spending_kind::public_funds;
  const yusuan::budget copy = bb.build();
  EXPECT_EQ(yusuan::run(copy, query{}.sum()).total, money::parse("1019.00"));
  EXPECT_EQ(yusuan::run(copy, query{}.sum().filtered(yusuan::kind_is(yusuan::spending_kind::personnel))).total,
            money::parse("999.00"));
  // The compiled budget is unchanged.
  EXPECT_EQ(yusuan::run(*r.value, query{}.sum()).total, money::parse("30.00"));
}

TEST(query_engine, small_vector_in_place_and_on_the_heap) {
  yusuan::small_vector<std::string, 2> v;
  EXPECT_TRUE(v.empty());
  v.push_back("甲");
  v.emplace_back(20, 'x');  // longer than any in-place string buffer
  EXPECT_EQ(v, (std::vector<std::string>{"甲", std::string(20, 'x')}));
  v.push_back("丙");  // past two: every element moves to the heap
  EXPECT_EQ(v.size(), 3u);
  EXPECT_EQ(v, (std::vector<std::string>{"甲", std::string(20, 'x'), "丙"}));
  EXPECT_EQ(v.front(), "甲");
  EXPECT_EQ(v.back(), "丙");
  EXPECT_THROW((void)v.at(3), std::out_of_range);
  auto copy = v;
  v.resize(1);
  EXPECT_EQ(v, (std::vector<std::string>{"甲"}));
  EXPECT_EQ(copy.size(), 3u);
  v.clear();
  EXPECT_TRUE(v.empty());
  v.assign(2, "乙");
  EXPECT_EQ(v, (std::vector<std::string>{"乙", "乙"}));
  v.assign(5, "丁");
  EXPECT_EQ(v, std::vector<std::string>(5, "丁"));
  yusuan::small_vector<std::uint64_t, 2> k{1, 2};
  k.resize(4, 9);
  EXPECT_EQ(k, (std::vector<std::uint64_t>{1, 2, 9, 9}));
  k.reserve(10);
  EXPECT_EQ(k, (yusuan::small_vector<std::uint64_t, 2>{1, 2, 9, 9}));
  yusuan::small_vector<std::uint64_t, 2> empty;
  empty.reserve(8);  // room on the heap, still empty
  EXPECT_TRUE(empty.empty());
  empty.push_back(3);
  EXPECT_EQ(empty, (std::vector<std::uint64_t>{3}));
}

// ===========================================================================
// The engine's API: total, matching_items, group_sums
// ===========================================================================

TEST(query_engine_api, total_and_count_pinned) {
  const auto& b = current();
  auto t = yusuan::total(b, yusuan::filter{});
  EXPECT_EQ(t.count, 20u);
  EXPECT_EQ(t.value(), wan("498.000037"));
  EXPECT_FALSE(t.empty());
  t = yusuan::total(b, yusuan::kind_is(yusuan::spending_kind::personnel));
  EXPECT_EQ(t.count, 8u);
  EXPECT_EQ(t.value(), wan("305.00"));
  t = yusuan::total(b, yusuan::kind_is(yusuan::spending_kind::public_funds));
  EXPECT_EQ(t.count, 6u);
  EXPECT_EQ(t.value(), wan("23.000037"));
  t = yusuan::total(b, yusuan::fund_is(yusuan::fund_source::institution_revenue));
  EXPECT_EQ(t.count, 3u);
  EXPECT_EQ(t.value(), wan("30.50"));
  t = yusuan::total(b, yusuan::econ_in({301}));
  EXPECT_EQ(t.value(), wan("280.00"));
  t = yusuan::total(b, yusuan::function_is(fcode("208")) && yusuan::fund_is(yusuan::fund_source::institution_revenue));
  EXPECT_EQ(t.count, 3u);
  // Nothing passes: empty (a blank cell), not a total of 0 from some items.
  t = yusuan::total(b, parse("sum where econ = 30399 and kind = 公用经费").where);
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.count, 0u);
  EXPECT_EQ(t.value(), money{});
  // The same figures as run().
  EXPECT_EQ(yusuan::total(b, parse("sum where kind = 基本支出").where).value(), *run("sum where kind = 基本支出").total);
}

TEST(query_engine_api, matching_items_first_n_and_how_many) {
  const auto& b = current();
  const auto personnel = yusuan::kind_is(yusuan::spending_kind::personnel);
  const auto all = yusuan::matching_items(b, personnel);
  EXPECT_EQ(all.count, 8u);
  ASSERT_EQ(all.items.size(), 8u);
  std::vector<std::uint32_t> want;
  for (std::uint32_t i = 0; i < b.items().size(); ++i)
    if (reference::matches(b, b.items()[i], personnel)) want.push_back(i);
  EXPECT_EQ(all.items, want);
  const auto first3 = yusuan::matching_items(b, personnel, 3);
  EXPECT_EQ(first3.count, 8u);
  EXPECT_EQ(first3.items, std::vector<std::uint32_t>(want.begin(), want.begin() + 3));
  const auto none = yusuan::matching_items(b, personnel, 0);
  EXPECT_EQ(none.count, 8u);
  EXPECT_TRUE(none.items.empty());
  const auto every = yusuan::matching_items(b, yusuan::filter{}, 100);
  EXPECT_EQ(every.count, 20u);
  EXPECT_EQ(every.items.size(), 20u);
  EXPECT_EQ(every.items.back(), 19u);
}

TEST(query_engine_api, totals_are_exact_past_64_bits) {
  const std::int64_t big = std::int64_t{1} << 62;
  yusuan::budget_builder bb;
  bb.unit("900001", "测试单位");
  for (std::int64_t fen : {big, big, big, -big, -big, std::int64_t{5}}) {
    yusuan::item it;
    it.amount = money::from_fen(fen);
    it.function = fcode("2080109");
    it.kind = fen > 0 ? yusuan::spending_kind::personnel : yusuan::spending_kind::public_funds;
    bb.add(it);
  }
  yusuan::compile_options no_catalog;
  no_catalog.check_catalog = false;
  const yusuan::budget b = bb.build(no_catalog);  // the budget's total, 2^62 + 5, fits
  const auto personnel = yusuan::kind_is(yusuan::spending_kind::personnel);
  const auto t = yusuan::total(b, personnel);
  EXPECT_EQ(t.count, 4u);
  EXPECT_TRUE(t.sum.fen() == yusuan::int128(big) * 3 + 5) << t.sum.fen().to_string();  // past int64
  EXPECT_THROW((void)t.value(), yusuan::overflow_error);
  const auto g = yusuan::group_sums(b, personnel, {{dimension::function, 1, {}}});
  ASSERT_EQ(g.size(), 1u);
  EXPECT_TRUE(g[0].sum.fen() == t.sum.fen());
  EXPECT_EQ(yusuan::total(b, yusuan::filter{}).value(), money::from_fen(big + 5));
}

TEST(query_engine_api, random_filters_agree_with_the_reference) {
  const yusuan::budget reference_budget = yusuan::compile_file("budgets/luoyang-social-insurance-center-2024.budget");
  const yusuan::budget generated = generated_budget(9'000);
  std::size_t n = 0;
  for (const yusuan::budget* b : {&current(), &reference_budget, &generated}) {
    query_maker make(*b, 7 + n);
    for (int i = 0; i < 150; ++i, ++n) {
      const yusuan::filter f = make.filter();
      const yusuan::dimension_ref d = make.dimension_ref();
      yusuan::money_sum sum;
      std::vector<std::uint32_t> items;
      std::map<yusuan::dimension_key, std::pair<yusuan::money_sum, std::size_t>> groups;
      std::vector<yusuan::dimension_key> order;  // keys in order of first appearance
      for (std::uint32_t k = 0; k < b->items().size(); ++k) {
        const auto& it = b->items()[k];
        if (!reference::matches(*b, it, f)) continue;
        sum += it.amount;
        items.push_back(k);
        const auto key = yusuan::key_of(*b, it, d);
        auto& g = groups[key];
        if (g.second++ == 0) order.push_back(key);
        g.first += it.amount;
      }
      const std::string what = "filter #" + std::to_string(n);
      const auto t = yusuan::total(*b, f);
      EXPECT_EQ(t.count, items.size()) << what;
      EXPECT_EQ(t.value(), sum.value()) << what;
      const auto m = yusuan::matching_items(*b, f, 10);
      EXPECT_EQ(m.count, items.size()) << what;
      EXPECT_EQ(m.items, std::vector<std::uint32_t>(items.begin(), items.begin() + std::min<std::size_t>(10, items.size())))
          << what;
      const auto gs = yusuan::group_sums(*b, f, {d});
      ASSERT_EQ(gs.size(), order.size()) << what;
      for (std::size_t k = 0; k < gs.size(); ++k) {
        ASSERT_EQ(gs[k].keys.size(), 1u);
        EXPECT_EQ(gs[k].keys[0], order[k]) << what;
        EXPECT_EQ(gs[k].count, groups[order[k]].second) << what;
        EXPECT_EQ(gs[k].sum.value(), groups[order[k]].first.value()) << what;
      }
      if (HasFailure()) return;
    }
  }
}

// ===========================================================================
// Counts are counts, not amounts
// ===========================================================================

TEST(query_counts, count_values_are_counts) {
  auto t = run("count by kind");
  ASSERT_EQ(t.size(), 4u);
  for (const auto& r : t) {
    ASSERT_TRUE(r.values[0].has_value());
    EXPECT_TRUE(r.values[0]->is_count());
    EXPECT_EQ(r.values[0]->count(), r.count);
  }
  EXPECT_EQ(t.rows[0].values[0], yusuan::quantity::of_count(8));
  EXPECT_NE(t.rows[0].values[0], yusuan::quantity(money::from_fen(800)));  // not 8.00 元
  EXPECT_THROW((void)t.rows[0].values[0]->amount(), yusuan::error);
  EXPECT_EQ(t.rows[0].values[0]->format(yusuan::unit::wan_yuan), "8");
  // sums, least and greatest are amounts
  EXPECT_TRUE(run("sum by kind").rows[0].values[0]->is_amount());
  EXPECT_TRUE(run("max by kind").rows[0].values[0]->is_amount());
  EXPECT_THROW((void)run("sum by kind").rows[0].values[0]->count(), yusuan::error);
  EXPECT_EQ(run("sum by kind").rows[0].values[0]->format(yusuan::unit::wan_yuan), "305.00");
  // a pivoted count row adds up counts
  t = run("count by function.类 pivot fund");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t.row_value(t.rows[1]), yusuan::quantity::of_count(16));  // 208: 13 + 3
  // rollup subtotals of counts are counts
  t = run("count by function.款 rollup where function = 208");
  ASSERT_FALSE(t.rows.empty());
  EXPECT_TRUE(t.rows[0].subtotal);
  EXPECT_EQ(t.rows[0].values[0], yusuan::quantity::of_count(16));
  for (const auto& r : t) EXPECT_TRUE(r.values[0]->is_count());
}

TEST(query_counts, prior_year_of_a_count) {
  const auto t = yusuan::run_with_prior(current(), prior(), parse("count by kind"));
  ASSERT_FALSE(t.rows.empty());
  ASSERT_EQ(t.rows[0].labels[0], "人员经费");
  EXPECT_EQ(t.rows[0].prior, yusuan::quantity::of_count(6));
  EXPECT_EQ(*t.rows[0].values[0] - *t.rows[0].prior, yusuan::quantity::of_count(2));
  EXPECT_EQ(t.rows[0].change_units, 3333);  // (8 - 6) / 6 = 33.33%
}

TEST(query_counts, quantity_arithmetic) {
  using yusuan::quantity;
  EXPECT_EQ(quantity::of_count(8) - quantity::of_count(6), quantity::of_count(2));
  EXPECT_EQ(quantity(wan("3.00")) - quantity(wan("1.25")), quantity(wan("1.75")));
  EXPECT_THROW((void)(quantity::of_count(8) - quantity(wan("1.00"))), yusuan::error);
  EXPECT_THROW((void)(quantity::of_count(std::numeric_limits<std::int64_t>::min()) - quantity::of_count(1)),
               yusuan::overflow_error);
  EXPECT_LT(quantity::of_count(2), quantity::of_count(3));
  EXPECT_LT(quantity(wan("9.00")), quantity::of_count(0));  // amounts order before counts
  EXPECT_EQ(quantity{}, quantity(money{}));
  EXPECT_NE(quantity{}, quantity::of_count(0));
  EXPECT_EQ(quantity::of_count(-3).format(), "-3");
}

// difference(a, b) and difference(a, b, ec): one outcome each way, the same
// for both forms; operator- is the throwing form.
TEST(query_counts, quantity_difference_both_forms) {
  using yusuan::errc;
  using yusuan::quantity;
  constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t least = std::numeric_limits<std::int64_t>::min();
  struct row {
    quantity a, b;
    errc outcome;
    quantity want;
    std::string_view what;  // the exception's message
  };
  const row rows[] = {
      {quantity::of_count(8), quantity::of_count(6), errc::ok, quantity::of_count(2), ""},
      {quantity::of_count(-3), quantity::of_count(4), errc::ok, quantity::of_count(-7), ""},
      {quantity(wan("3.00")), quantity(wan("1.25")), errc::ok, quantity(wan("1.75")), ""},
      {quantity(money::from_fen(least + 1)), quantity(money::from_fen(1)), errc::ok, quantity(money::min()), ""},
      {quantity::of_count(8), quantity(wan("1.00")), errc::invalid_argument, {},
       "yusuan: difference of an amount and a count"},
      {quantity(wan("1.00")), quantity::of_count(0), errc::invalid_argument, {},
       "yusuan: difference of an amount and a count"},
      {quantity::of_count(least), quantity::of_count(1), errc::overflow, {},
       "yusuan: overflow in the difference of the counts -9223372036854775808 and 1"},
      {quantity::of_count(most), quantity::of_count(-1), errc::overflow, {},
       "yusuan: overflow in the difference of the counts 9223372036854775807 and -1"},
      {quantity(money::max()), quantity(money::from_fen(-1)), errc::overflow, {},
       "yusuan: overflow in money subtraction: 92233720368547758.07 and -0.01 do not fit in 64 bits of 分"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.a.format() + " - " + r.b.format());
    std::error_code ec = errc::syntax_error;  // set either way
    const quantity got = yusuan::difference(r.a, r.b, ec);
    static_assert(noexcept(yusuan::difference(r.a, r.b, ec)));
    if (r.outcome == errc::ok) {
      EXPECT_FALSE(ec) << ec.message();
      EXPECT_EQ(got, r.want);
      EXPECT_EQ(got.type(), r.a.type());
      EXPECT_EQ(yusuan::difference(r.a, r.b), r.want);
      EXPECT_EQ(r.a - r.b, r.want);
      continue;
    }
    EXPECT_EQ(ec, std::error_code(r.outcome)) << ec.message();
    EXPECT_EQ(got, quantity{});  // an amount of 0
    for (int form = 0; form < 2; ++form) {
      try {
        (void)(form == 0 ? yusuan::difference(r.a, r.b) : r.a - r.b);
        ADD_FAILURE() << "no exception";
      } catch (const yusuan::error& e) {
        EXPECT_EQ(e.code(), std::error_code(r.outcome));
        EXPECT_EQ(std::string_view(e.what()), r.what);
        EXPECT_EQ(dynamic_cast<const yusuan::overflow_error*>(&e) != nullptr, r.outcome == errc::overflow);
      }
    }
  }
}

TEST(query_filter, econ_in_takes_any_range_of_codes) {
  const yusuan::budget reference = yusuan::compile_file("budgets/luoyang-social-insurance-center-2024.budget");
  const std::vector<yusuan::econ_code> three_public = {ecode("30212"), ecode("30217"), ecode("30231"), ecode("31013")};
  const auto by_range = yusuan::total(reference, yusuan::econ_in(three_public));
  const auto by_digits = yusuan::total(reference, yusuan::econ_in({30212, 30217, 30231, 31013}));
  EXPECT_EQ(by_range.count, by_digits.count);
  EXPECT_EQ(by_range.value(), by_digits.value());
  EXPECT_GT(by_range.count, 0u);
  const std::array<yusuan::econ_code, 1> none = {ecode("39999")};
  EXPECT_EQ(yusuan::total(reference, yusuan::econ_in(none)).count, 0u);
}
