// yusuan/tables.hpp -- the disclosure tables of a unit budget (单位预算公开表,
// 预算01表 … 预算13表), built as queries over a checked budget and written as
// aligned text, CSV, Markdown or JSON.
//
//   const yusuan::budget b = yusuan::load_budget("budgets/x.budget");
//   const auto t = yusuan::tables::build(b, "03");        // 预算03表 单位支出预算表
//   yusuan::tables::write_text(std::cout, t);
//
// Every figure of a table is a sum over the budget's items (or its income
// lines, projects and stated balances); the builders hold the layout of each
// table (columns, row order, which query fills which cell), never an amount.
// A cell is blank when nothing contributes to it, as in the published tables.
// The rows of 预算01表 and 预算04表 (every functional 类 with the table's own
// wording and numbering) come from the catalog (budgets/std/<year>/
// table-rows.catalog, see catalog::table_rows()).
//
// The default layout reproduces the tables of the 2024 unit budget of
// 洛阳市社会保险中心 (tests/golden/NN.csv are its CSV transcriptions).
// Spirit-free: needs only budget.hpp (with its utf8 helpers), query.hpp and
// catalog.hpp.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/catalog.hpp>
#include <yusuan/query.hpp>
#include <yusuan/text/escape.hpp>
#include <yusuan/text/width.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace yusuan::tables {

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

/// A column: its header levels from the top down ({"基本支出", "人员经费",
/// "工资福利支出"}) and whether it holds amounts.
struct column {
  std::vector<std::string> path;
  bool numeric = false;

  /// The header flattened with "/" (基本支出/人员经费/工资福利支出), as in CSV.
  std::string header() const {
    std::string h;
    for (std::size_t i = 0; i < path.size(); ++i) h += (i ? "/" : "") + path[i];
    return h;
  }
};

/// A cell: text (codes, names, labels, indicator values) or an amount.  A cell
/// with neither is blank.
struct cell {
  std::string text;
  std::optional<money> amount;
  bool blank() const noexcept { return text.empty() && !amount; }
};

/// What a row is: the 合计 row, a department (部门) or unit (单位) row, an
/// ordinary line, or a note printed inside the table (the 说明 of an empty table).
enum class row_role : std::uint8_t { total, department, unit, line, note };

constexpr std::string_view role_name(row_role r) noexcept {
  switch (r) {
    case row_role::total: return "total";
    case row_role::department: return "department";
    case row_role::unit: return "unit";
    case row_role::line: return "line";
    case row_role::note: return "note";
  }
  return "line";
}

struct row {
  row_role role = row_role::line;
  std::vector<cell> cells;  // one per column
};

/// A disclosure table.
struct table {
  std::string id;         // "03"
  std::string label;      // "预算03表"
  std::string title;      // "2024年单位支出预算表"
  std::string unit_name;  // 单位名称: 洛阳市社会保险中心
  unit amount_unit = unit::wan_yuan;
  std::vector<column> columns;
  std::vector<row> rows;
  std::vector<std::string> notes;  // printed under the table (表注)

  /// "单位名称：洛阳市社会保险中心 单位：万元"
  std::string unit_line() const {
    return "单位名称：" + unit_name + " 单位：" + std::string(yusuan::unit_name(amount_unit));
  }
  /// The cell as printed: the text, or the amount in amount_unit with two decimals.
  std::string text(const row& r, std::size_t col) const {
    if (col >= r.cells.size()) return {};
    const cell& c = r.cells[col];
    if (c.amount) return c.amount->format(amount_unit, 2);
    return c.text;
  }
  /// The flattened headers.
  std::vector<std::string> headers() const {
    std::vector<std::string> h;
    for (const auto& c : columns) h.push_back(c.header());
    return h;
  }
  /// Index of the column whose flattened header is `h`, or npos.
  std::size_t column_index(std::string_view h) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].header() == h) return i;
    return static_cast<std::size_t>(-1);
  }
};

struct options {
  /// Unit of the amounts; default: the budget's own (金额单位).
  std::optional<unit> amount_unit;
};

// ---------------------------------------------------------------------------
// Table identifiers
// ---------------------------------------------------------------------------

/// A table of the set: its number, its name and how its title carries the
/// year ("2024年" + name, "2024年度" + name, or the name alone).
struct table_info {
  std::string_view id;
  std::string_view name;
  std::string_view year_suffix;  // 年, 年度 or empty: no year in the title
};

inline constexpr std::array<table_info, 13> table_list{{
    {"01", "单位收支预算表", "年"},
    {"02", "单位收入预算表", "年"},
    {"03", "单位支出预算表", "年"},
    {"04", "财政拨款收支预算表", "年"},
    {"05", "一般公共预算支出预算表", "年"},
    {"06", "一般公共预算基本支出预算表", "年"},
    {"07", "支出经济分类汇总表", "年"},
    {"08", "一般公共预算“三公”经费预算表", "年"},
    {"09", "政府性基金支出预算表", "年"},
    {"10", "国有资本经营支出预算表", "年"},
    {"11", "行政（事业）单位机构运转经费预算表", ""},
    {"12", "项目支出预算表", "年"},
    {"13", "市级单位预算项目绩效目标表", "年度"},
}};

/// The ids 01 … 13.
inline std::vector<std::string> table_ids() {
  std::vector<std::string> out;
  for (const auto& t : table_list) out.emplace_back(t.id);
  return out;
}

/// Reads a table id: "3", "03", "预算03表", the table's name ("单位支出预算表")
/// or its title ("2024年单位支出预算表").  nullopt when it names no table.
inline std::optional<std::string> parse_id(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  auto number = [](std::string_view d) -> std::optional<std::string> {
    if (d.empty() || d.size() > 2) return std::nullopt;
    int n = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    if (n < 1 || n > static_cast<int>(table_list.size())) return std::nullopt;
    return std::string(table_list[static_cast<std::size_t>(n - 1)].id);
  };
  if (auto n = number(s)) return n;
  constexpr std::string_view pre = "预算", post = "表";
  if (s.starts_with(pre) && s.ends_with(post) && s.size() > pre.size() + post.size())
    if (auto n = number(s.substr(pre.size(), s.size() - pre.size() - post.size()))) return n;
  // A name, possibly after a year: 2024年单位支出预算表, 2024年度市级单位….
  std::string_view rest = s;
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits > 0) {
    rest.remove_prefix(digits);
    if (rest.starts_with("年度")) rest.remove_prefix(std::string_view("年度").size());
    else if (rest.starts_with("年")) rest.remove_prefix(std::string_view("年").size());
    else return std::nullopt;
  }
  for (const auto& t : table_list)
    if (t.name == rest) return std::string(t.id);
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

namespace detail {

/// A blank-aware sum: empty until something is added.
struct acc {
  money_sum sum;
  bool any = false;
  void add(money m) {
    sum += m;
    any = true;
  }
  void add(const acc& o) {
    if (!o.any) return;
    sum += o.sum;
    any = true;
  }
  void add(const std::optional<money>& m) {
    if (m) add(*m);
  }
  std::optional<money> get() const { return any ? std::optional<money>(sum.value()) : std::nullopt; }
};

inline cell text_cell(std::string s) { return cell{std::move(s), std::nullopt}; }
inline cell money_cell(std::optional<money> m) { return cell{{}, m}; }

inline column text_col(std::initializer_list<std::string_view> path) {
  column c;
  for (auto p : path) c.path.emplace_back(p);
  return c;
}
inline column money_col(std::initializer_list<std::string_view> path) {
  column c = text_col(path);
  c.numeric = true;
  return c;
}

/// Money from 一般公共预算 (the model counts all of it as 财政拨款).
inline filter general_funds() { return fund_is(fund_source::general_budget) || fund_is(fund_source::fiscal_appropriation); }
/// 单位资金: 事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入.
inline filter unit_funds() {
  return fund_is(fund_source::institution_revenue) || fund_is(fund_source::business_revenue) ||
         fund_is(fund_source::superior_subsidy) || fund_is(fund_source::subordinate_remittance) ||
         fund_is(fund_source::other_revenue);
}
/// 基本支出 whose sub-kind (人员经费 / 公用经费) is not stated.
inline filter basic_only() {
  return kind_is(spending_kind::basic) && !kind_is(spending_kind::personnel) && !kind_is(spending_kind::public_funds);
}

inline bool passes(const budget& b, const item& it, const filter& f) {
  return f.kind == filter::op::all || matches(b, it, f);
}

/// Value columns: one optional filter each (nullopt: a column the model has no
/// money for, always blank).  Sums an item into every column it passes.
struct column_sums {
  std::vector<acc> cols;
  explicit column_sums(std::size_t n = 0) : cols(n) {}
  void add(const budget& b, const item& it, const std::vector<std::optional<filter>>& fs) {
    for (std::size_t i = 0; i < fs.size(); ++i)
      if (fs[i] && passes(b, it, *fs[i])) cols[i].add(it.amount);
  }
  void add(const column_sums& o) {
    for (std::size_t i = 0; i < cols.size() && i < o.cols.size(); ++i) cols[i].add(o.cols[i]);
  }
  void append_to(std::vector<cell>& cells) const {
    for (const auto& c : cols) cells.push_back(money_cell(c.get()));
  }
};

/// The start of a table: id, label, title, unit name and amount unit.
inline table start(const budget& b, std::string_view id, const options& o) {
  table t;
  t.id = std::string(id);
  t.label = "预算" + t.id + "表";
  for (const auto& info : table_list)
    if (info.id == id)
      t.title = info.year_suffix.empty() ? std::string(info.name)
                                         : std::to_string(b.year()) + std::string(info.year_suffix) + std::string(info.name);
  const auto& h = b.header();
  t.unit_name = !h.unit_name.empty() ? h.unit_name : h.department_name;
  t.amount_unit = o.amount_unit.value_or(b.amount_unit());
  return t;
}

/// The 表注 of the budget for a table ("预算09表" or "09"), or nullptr.
inline const table_note* note_for(const budget& b, std::string_view id) {
  const std::string label = "预算" + std::string(id) + "表";
  for (const auto& n : b.table_notes())
    if (n.table == id || n.table == label) return &n;
  return nullptr;
}
/// Adds the budget's 表注 of the table under it.
inline void add_notes(const budget& b, table& t) {
  if (const auto* n = note_for(b, t.id)) t.notes.push_back(n->text);
}

/// A row of the given role.
inline row make_row(row_role role, std::vector<cell> cells) { return row{role, std::move(cells)}; }

/// The catalog edition of a budget: the one its 科目版本 names, if it names
/// one (budgets that can), else the edition of its year.
template <class Budget>
const catalog& catalog_of(const Budget& b) {
  if constexpr (requires { { b.catalog_year() } -> std::convertible_to<int>; }) {
    if (const int y = b.catalog_year(); y != 0) return catalog::edition(y);
  }
  return catalog::edition(b.year());
}

/// The name of a functional code: the budget's, else the catalog's.
inline std::string function_name(const budget& b, function_code c) {
  if (!c) return {};
  if (auto n = b.name_of(c); !n.empty()) return std::string(n);
  if (auto n = catalog_of(b).name(code_family::function, c.str())) return std::string(*n);
  return {};
}
/// The name of an economic code (部门 or 政府): the budget's, else the catalog's.
inline std::string econ_name(const budget& b, econ_code c) {
  if (!c) return {};
  if (auto n = b.name_of(c); !n.empty()) return std::string(n);
  const auto family = c.is_government() ? code_family::gov_econ : code_family::econ;
  if (auto n = catalog_of(b).name(family, c.str())) return std::string(*n);
  return {};
}
/// The code's digits at a level: function 类 "208", 款 "05", 项 "01"; econ 类 "301", 款 "01".
inline std::string code_part(const std::string& digits, int level) {
  if (level == 1) return digits.substr(0, std::min<std::size_t>(3, digits.size()));
  const std::size_t at = 3 + 2 * static_cast<std::size_t>(level - 2);
  return digits.size() >= at + 2 ? digits.substr(at, 2) : std::string();
}

/// Functional codes in code order, the items without one last.
inline bool function_before(function_code a, function_code b) {
  if (!a || !b) return static_cast<bool>(a) && !b;
  return a < b;
}
/// Indices of the items, stable-sorted by functional code.
inline std::vector<std::size_t> by_function(const budget& b) {
  std::vector<std::size_t> idx(b.items().size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  const auto items = b.items();
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t x, std::size_t y) { return function_before(items[x].function, items[y].function); });
  return idx;
}

/// Units that have at least one item passing `scope`, in declaration order.
inline std::vector<std::uint16_t> units_with_items(const budget& b, const filter& scope) {
  std::vector<bool> seen(b.units().size(), false);
  for (const auto& it : b.items())
    if (it.unit < seen.size() && passes(b, it, scope)) seen[it.unit] = true;
  std::vector<std::uint16_t> out;
  for (std::size_t u = 0; u < seen.size(); ++u)
    if (seen[u]) out.push_back(static_cast<std::uint16_t>(u));
  return out;
}

// Income lines -----------------------------------------------------------------

/// Σ of the income lines of `source` that are parts (其中) of `part_of`
/// (nullopt: lines that are not parts).  Blank when there is none.
inline acc income_lines(const budget& b, fund_source source, std::optional<fund_source> part_of,
                        std::optional<std::uint16_t> unit_index = std::nullopt) {
  acc a;
  for (const auto& l : b.income())
    if (l.source == source && l.of_which == part_of && (!unit_index || l.unit == *unit_index)) a.add(l.amount);
  return a;
}

/// The income sources of this year (every source but 上年结转结余 and 财政拨款, a part).
inline constexpr std::array<fund_source, 9> current_sources{
    fund_source::general_budget,    fund_source::government_fund,        fund_source::state_capital,
    fund_source::special_account,   fund_source::institution_revenue,    fund_source::business_revenue,
    fund_source::superior_subsidy,  fund_source::subordinate_remittance, fund_source::other_revenue};
/// The sources of 财政拨款 (预算04表).
inline constexpr std::array<fund_source, 3> fiscal_sources{fund_source::general_budget, fund_source::government_fund,
                                                          fund_source::state_capital};
inline constexpr std::array<fund_source, 5> unit_fund_sources{
    fund_source::institution_revenue, fund_source::business_revenue, fund_source::superior_subsidy,
    fund_source::subordinate_remittance, fund_source::other_revenue};

// The templates of 预算01表 and 预算04表 ------------------------------------------

/// The figures of a template row: 合计 and its split by source (预算04表).
struct split {
  acc total, general, fiscal, government_fund, state_capital;
  void add(const split& o) {
    total.add(o.total);
    general.add(o.general);
    fiscal.add(o.fiscal);
    government_fund.add(o.government_fund);
    state_capital.add(o.state_capital);
  }
};

/// Evaluates the key of a template row (see table-rows.catalog).  `fiscal_only`:
/// the table covers 财政拨款 only (预算04表): 一般公共预算, 政府性基金 and
/// 国有资本经营 money.
inline split template_value(const budget& b, std::string_view key, bool fiscal_only) {
  split s;
  const filter scope = fiscal_only ? general_funds() || fund_is(fund_source::government_fund) ||
                                         fund_is(fund_source::state_capital)
                                   : filter{};
  auto spending = [&](const filter& where) {
    const filter general = general_funds(), fiscal = fund_is(fund_source::fiscal_appropriation),
                 gov = fund_is(fund_source::government_fund), state = fund_is(fund_source::state_capital);
    split r;
    for (const auto& it : b.items()) {
      if (!passes(b, it, scope) || !passes(b, it, where)) continue;
      r.total.add(it.amount);
      if (matches(b, it, general)) r.general.add(it.amount);
      if (matches(b, it, fiscal)) r.fiscal.add(it.amount);
      if (matches(b, it, gov)) r.government_fund.add(it.amount);
      if (matches(b, it, state)) r.state_capital.add(it.amount);
    }
    return r;
  };
  auto current_income = [&] {
    acc a;
    if (fiscal_only)
      for (auto f : fiscal_sources) a.add(income_lines(b, f, std::nullopt));
    else
      for (auto f : current_sources) a.add(income_lines(b, f, std::nullopt));
    return a;
  };
  auto carryover = [&] {
    if (!fiscal_only) return income_lines(b, fund_source::carryover, std::nullopt);
    acc a;
    for (auto f : fiscal_sources) a.add(income_lines(b, f, fund_source::carryover));
    return a;
  };
  auto balance = [&] {
    acc a;
    if (auto m = b.year_end_balance(); m && !(fiscal_only && m->is_zero())) a.add(*m);
    return a;
  };

  if (key == "-") return s;
  if (!key.empty() && key.front() >= '0' && key.front() <= '9') {
    if (auto code = function_code::parse(key)) return spending(function_is(*code));
    return s;
  }
  constexpr std::string_view carry = "上年结转结余";
  if (key == "本年收入") s.total = current_income();
  else if (key == carry) s.total = carryover();
  else if (key == "收入总计") {
    s.total = current_income();
    s.total.add(carryover());
  } else if (key == "本年支出") s = spending(filter{});
  else if (key == "年终结转结余") s.total = balance();
  else if (key == "支出总计") {
    s = spending(filter{});
    s.total.add(balance());
  } else if (key == "财政拨款") s.total = income_lines(b, fund_source::fiscal_appropriation, fund_source::general_budget);
  else if (key.starts_with(carry) && key.size() > carry.size() + 1 && key[carry.size()] == '/') {
    if (auto f = parse_fund_source(key.substr(carry.size() + 1))) s.total = income_lines(b, *f, fund_source::carryover);
  } else if (auto f = parse_fund_source(key)) {
    s.total = income_lines(b, *f, std::nullopt);
  }
  return s;
}

/// Pairs two template sections row by row (the shorter padded with blanks).
template <class Fill>
void paired_rows(table& t, const std::vector<const table_row_entry*>& left,
                 const std::vector<const table_row_entry*>& right, row_role role, Fill fill) {
  const std::size_t n = std::max(left.size(), right.size());
  for (std::size_t i = 0; i < n; ++i) {
    row r;
    r.role = role;
    fill(r.cells, i < left.size() ? left[i] : nullptr, i < right.size() ? right[i] : nullptr);
    t.rows.push_back(std::move(r));
  }
}

// 预算03表-shaped tables (03, 05, 09, 10) -------------------------------------

inline std::vector<column> expenditure_columns() {
  return {text_col({"科目编码", "类"}),
          text_col({"科目编码", "款"}),
          text_col({"科目编码", "项"}),
          text_col({"单位代码"}),
          text_col({"单位（科目名称）"}),
          money_col({"合计"}),
          money_col({"基本支出", "小计"}),
          money_col({"基本支出", "人员经费", "工资福利支出"}),
          money_col({"基本支出", "人员经费", "对个人和家庭的补助"}),
          money_col({"基本支出", "公用经费", "商品和服务支出"}),
          money_col({"基本支出", "公用经费", "资本性支出"}),
          money_col({"项目支出", "小计"}),
          money_col({"项目支出", "其他运转类"}),
          money_col({"项目支出", "特定目标类"})};
}

/// 人员经费 = 工资福利支出 (301) + 对个人和家庭的补助 (303); 公用经费 =
/// 商品和服务支出 (302) + 资本性支出 (310): the economic classes of 基本支出.
inline std::vector<std::optional<filter>> expenditure_value_filters() {
  const filter basic = kind_is(spending_kind::basic);
  return {filter{},
          basic,
          basic && econ_in({301}),
          basic && econ_in({303}),
          basic && econ_in({302}),
          basic && econ_in({310}),
          kind_is(spending_kind::project),
          kind_is(spending_kind::operating),
          kind_is(spending_kind::specific)};
}

/// Rows: 合计; per unit the unit row, then one row per functional code in code
/// order.  `empty_note`: the sentence printed when no item is in scope.
inline table expenditure_table(const budget& b, std::string_view id, const options& o, const filter& scope,
                               std::optional<std::string> empty_note) {
  table t = start(b, id, o);
  t.columns = expenditure_columns();
  const auto filters = expenditure_value_filters();
  const std::size_t nv = filters.size();

  column_sums total(nv);
  std::vector<column_sums> per_unit(b.units().size(), column_sums(nv));
  std::map<std::pair<std::uint16_t, std::size_t>, column_sums> per_code;  // (unit, index in codes)
  std::vector<function_code> codes;
  std::map<std::pair<std::uint32_t, int>, std::size_t> code_index;  // (digits, level) → index in codes
  bool any = false;
  for (const auto& it : b.items()) {
    if (!passes(b, it, scope)) continue;
    any = true;
    total.add(b, it, filters);
    if (it.unit < per_unit.size()) per_unit[it.unit].add(b, it, filters);
    auto [ci, fresh] = code_index.try_emplace({it.function.digits(), it.function.level()}, codes.size());
    if (fresh) codes.push_back(it.function);
    auto [entry, inserted] = per_code.try_emplace({it.unit, ci->second}, nv);
    entry->second.add(b, it, filters);
  }
  std::vector<std::size_t> order(codes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return function_before(codes[x], codes[y]); });

  auto with_labels = [&](row_role role, std::vector<std::string> labels, const column_sums& v) {
    std::vector<cell> cells;
    for (auto& l : labels) cells.push_back(text_cell(std::move(l)));
    v.append_to(cells);
    t.rows.push_back(make_row(role, std::move(cells)));
  };
  with_labels(row_role::total, {"合计", "", "", "", ""}, total);
  for (auto u : units_with_items(b, scope)) {
    const auto& unit = b.units()[u];
    with_labels(row_role::unit, {"", "", "", unit.code, unit.name}, per_unit[u]);
    for (auto ci : order) {
      auto found = per_code.find({u, ci});
      if (found == per_code.end()) continue;
      const function_code c = codes[ci];
      const std::string d = c.str();
      with_labels(row_role::line, {code_part(d, 1), code_part(d, 2), code_part(d, 3), "", function_name(b, c)},
                  found->second);
    }
  }
  if (!any && empty_note) {
    const table_note* n = note_for(b, id);
    std::vector<cell> cells(t.columns.size());
    cells[0] = text_cell(n ? n->text : *empty_note);
    t.rows.push_back(make_row(row_role::note, std::move(cells)));
  } else {
    add_notes(b, t);
  }
  return t;
}

/// The default 说明 of an empty 预算09表 / 预算10表.
inline std::string default_empty_note(const budget& b, std::string_view what) {
  const auto& h = b.header();
  const std::string who = !h.unit_name.empty() ? h.unit_name : h.department_name;
  return "备注：" + who + std::to_string(b.year()) + "年无" + std::string(what) + "安排的支出，故此表无数。";
}

// Projects ---------------------------------------------------------------------

/// Project amount columns of 预算12表 after 合计.
enum project_col : std::size_t {
  pc_general,           // 本年拨款/一般公共预算
  pc_government_fund,   // 本年拨款/政府性基金预算
  pc_state_capital,     // 本年拨款/国有资本经营预算
  pc_carry_general,     // 财政拨款结转结余/一般公共预算
  pc_carry_government,  // 财政拨款结转结余/政府性基金预算
  pc_carry_state,       // 财政拨款结转结余/国有资本经营预算
  pc_special_account,   // 财政专户管理资金
  pc_unit_funds,        // 单位资金
  pc_count
};

inline std::size_t project_column_of(fund_source f) {
  switch (f) {
    case fund_source::general_budget:
    case fund_source::fiscal_appropriation: return pc_general;
    case fund_source::government_fund: return pc_government_fund;
    case fund_source::state_capital: return pc_state_capital;
    case fund_source::carryover: return pc_carry_general;  // the model does not split 结转结余 by source
    case fund_source::special_account: return pc_special_account;
    default: return pc_unit_funds;
  }
}

/// What the tables need of each project, gathered in one pass over the items:
/// its unit (index into budget::units()) and its amount by source.
///
/// The unit is that of the project's first item, else of its project group's
/// first item, else the budget's own unit (0).  The split by source comes from
/// the project's own items; else, when the items of its project group all come
/// from one source, the whole amount is from that source; else, with no item
/// at all, from 一般公共预算 (the default source of an item).  Mixed group
/// sources leave the split blank (合计 only).
struct project_facts {
  std::size_t unit = 0;
  std::vector<acc> split;  // pc_count columns
};

inline std::vector<project_facts> gather_projects(const budget& b) {
  const auto projects = b.projects();
  const auto groups = b.groups();
  std::vector<project_facts> out(projects.size());
  std::vector<bool> own(projects.size(), false);
  struct group_facts {
    bool any = false, mixed = false;
    std::size_t column = pc_general, unit = 0;
  };
  std::vector<group_facts> g(groups.size());
  for (auto& f : out) f.split.resize(pc_count);
  for (const auto& it : b.items()) {
    const std::size_t c = project_column_of(it.fund);
    if (it.project < projects.size()) {
      if (!own[it.project]) out[it.project].unit = it.unit;
      own[it.project] = true;
      out[it.project].split[c].add(it.amount);
    } else if (it.group < groups.size()) {
      auto& gf = g[it.group];
      if (!gf.any) gf.unit = it.unit;
      else if (gf.column != c) gf.mixed = true;
      gf.column = c;
      gf.any = true;
    }
  }
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (own[i]) continue;
    const auto& p = projects[i];
    if (p.group < groups.size() && g[p.group].any) {
      out[i].unit = g[p.group].unit;
      if (!g[p.group].mixed) out[i].split[g[p.group].column].add(p.amount);
    } else {
      out[i].split[pc_general].add(p.amount);
    }
  }
  return out;
}

/// Project order of 预算12表 and 预算13表: 其他运转类, 特定目标类, then the rest.
inline int kind_rank(spending_kind k) {
  switch (k) {
    case spending_kind::operating: return 0;
    case spending_kind::specific: return 1;
    default: return 2;
  }
}

/// The projects of each unit (index into budget::units(); one list when the
/// budget declares no unit), each list in the order `before` gives.
template <class Before>
std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> projects_by_unit(
    const budget& b, const std::vector<project_facts>& facts, Before before) {
  std::vector<std::uint32_t> order(b.projects().size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), before);
  const std::size_t units = std::max<std::size_t>(b.units().size(), 1);
  std::vector<std::vector<std::uint32_t>> lists(units);
  for (auto i : order) lists[std::min(facts[i].unit, units - 1)].push_back(i);
  std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> out;
  for (std::size_t u = 0; u < units; ++u)
    if (!lists[u].empty()) out.emplace_back(u, std::move(lists[u]));
  return out;
}

}  // namespace detail

// ---------------------------------------------------------------------------
// The tables
// ---------------------------------------------------------------------------

/// 预算01表 单位收支预算表: income and expenditure lists side by side (rows from
/// the catalog's template), then 本年收入合计 / 本年支出合计, 上年结转结余 /
/// 年终结转结余, 收入总计 / 支出总计.
inline table income_and_expenditure(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "01", o);
  t.columns = {text_col({"收入项目"}), money_col({"收入金额"}), text_col({"支出项目"}), money_col({"支出金额"})};
  const auto& cat = catalog_of(b);
  auto fill = [&](std::vector<cell>& cells, const table_row_entry* in, const table_row_entry* out) {
    for (const auto* e : {in, out}) {
      if (!e) {
        cells.push_back(text_cell(""));
        cells.push_back(money_cell(std::nullopt));
        continue;
      }
      cells.push_back(text_cell(std::string(e->label)));
      cells.push_back(money_cell(template_value(b, e->key, false).total.get()));
    }
  };
  paired_rows(t, cat.table_rows("01", "收入"), cat.table_rows("01", "支出"), row_role::line, fill);
  paired_rows(t, cat.table_rows("01", "收入合计"), cat.table_rows("01", "支出合计"), row_role::total, fill);
  add_notes(b, t);
  return t;
}

/// 预算02表 单位收入预算表: income by source, 合计 and one row per unit.
inline table income(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "02", o);
  t.columns = {text_col({"单位代码"}),
               text_col({"单位名称"}),
               money_col({"总计"}),
               money_col({"本年收入", "合计"}),
               money_col({"本年收入", "一般公共预算", "小计"}),
               money_col({"本年收入", "一般公共预算", "其中：财政拨款"}),
               money_col({"本年收入", "政府性基金"}),
               money_col({"本年收入", "国有资本经营预算"}),
               money_col({"本年收入", "财政专户管理资金收入"}),
               money_col({"本年收入", "事业收入"}),
               money_col({"本年收入", "事业单位经营收入"}),
               money_col({"本年收入", "上级补助收入"}),
               money_col({"本年收入", "附属单位上缴收入"}),
               money_col({"本年收入", "其他收入"}),
               money_col({"上年结转结余", "合计"}),
               money_col({"上年结转结余", "一般公共预算"}),
               money_col({"上年结转结余", "政府性基金"}),
               money_col({"上年结转结余", "国有资本经营预算"}),
               money_col({"上年结转结余", "财政专户管理资金"}),
               money_col({"上年结转结余", "单位资金"})};
  auto values = [&](std::optional<std::uint16_t> u) {
    std::vector<acc> v;
    acc current;
    for (auto f : current_sources) current.add(income_lines(b, f, std::nullopt, u));
    const acc carry = income_lines(b, fund_source::carryover, std::nullopt, u);
    acc grand = current;
    grand.add(carry);
    v.push_back(grand);
    v.push_back(current);
    v.push_back(income_lines(b, fund_source::general_budget, std::nullopt, u));
    v.push_back(income_lines(b, fund_source::fiscal_appropriation, fund_source::general_budget, u));
    for (auto f : {fund_source::government_fund, fund_source::state_capital, fund_source::special_account,
                   fund_source::institution_revenue, fund_source::business_revenue, fund_source::superior_subsidy,
                   fund_source::subordinate_remittance, fund_source::other_revenue})
      v.push_back(income_lines(b, f, std::nullopt, u));
    v.push_back(carry);
    for (auto f : {fund_source::general_budget, fund_source::government_fund, fund_source::state_capital,
                   fund_source::special_account})
      v.push_back(income_lines(b, f, fund_source::carryover, u));
    acc own_funds;  // 单位资金
    for (auto f : unit_fund_sources) own_funds.add(income_lines(b, f, fund_source::carryover, u));
    v.push_back(own_funds);
    return v;
  };
  auto add = [&](row_role role, std::string code, std::string name, const std::vector<acc>& v) {
    std::vector<cell> cells{text_cell(std::move(code)), text_cell(std::move(name))};
    for (const auto& a : v) cells.push_back(money_cell(a.get()));
    t.rows.push_back(make_row(role, std::move(cells)));
  };
  add(row_role::total, "合计", "", values(std::nullopt));
  std::vector<bool> has(b.units().size(), false);
  for (const auto& l : b.income())
    if (l.unit < has.size()) has[l.unit] = true;
  for (std::size_t u = 0; u < has.size(); ++u)
    if (has[u]) add(row_role::unit, b.units()[u].code, b.units()[u].name, values(static_cast<std::uint16_t>(u)));
  add_notes(b, t);
  return t;
}

/// 预算03表 单位支出预算表: spending by functional 项, split into 基本支出
/// (人员经费: 301, 303; 公用经费: 302, 310) and 项目支出 (其他运转类, 特定目标类).
inline table expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "03", o, filter{}, std::nullopt);
}

/// 预算04表 财政拨款收支预算表: the 财政拨款 (一般公共预算, 政府性基金,
/// 国有资本经营) income and spending by 类 (rows from the catalog's template).
inline table fiscal_appropriation(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "04", o);
  t.columns = {text_col({"收入", "项目"}),
               money_col({"收入", "金额"}),
               text_col({"支出", "项目"}),
               money_col({"支出", "合计"}),
               money_col({"支出", "一般公共预算", "小计"}),
               money_col({"支出", "一般公共预算", "其中：财政拨款"}),
               money_col({"支出", "政府性基金"}),
               money_col({"支出", "国有资本经营预算"})};
  const auto& cat = catalog_of(b);
  auto fill = [&](std::vector<cell>& cells, const table_row_entry* in, const table_row_entry* out) {
    if (in) {
      cells.push_back(text_cell(std::string(in->label)));
      cells.push_back(money_cell(template_value(b, in->key, true).total.get()));
    } else {
      cells.push_back(text_cell(""));
      cells.push_back(money_cell(std::nullopt));
    }
    if (out) {
      const split s = template_value(b, out->key, true);
      cells.push_back(text_cell(std::string(out->label)));
      for (const acc* a : {&s.total, &s.general, &s.fiscal, &s.government_fund, &s.state_capital})
        cells.push_back(money_cell(a->get()));
    } else {
      cells.push_back(text_cell(""));
      for (int i = 0; i < 5; ++i) cells.push_back(money_cell(std::nullopt));
    }
  };
  paired_rows(t, cat.table_rows("04", "收入"), cat.table_rows("04", "支出"), row_role::line, fill);
  paired_rows(t, cat.table_rows("04", "收入合计"), cat.table_rows("04", "支出合计"), row_role::total, fill);
  add_notes(b, t);
  return t;
}

/// 预算05表 一般公共预算支出预算表: 预算03表 restricted to 一般公共预算.
inline table general_budget_expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "05", o, detail::general_funds(), std::nullopt);
}

/// 预算06表 一般公共预算基本支出预算表: one row per published line of basic
/// spending (a line split over several 功能 is one row), in the order of the
/// items sorted by functional code; 人员经费 / 公用经费 by sub-kind (by
/// economic class when the sub-kind is not stated).
inline table general_budget_basic_expenditure(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "06", o);
  t.columns = {text_col({"部门预算支出经济分类科目", "科目编码"}),
               text_col({"部门预算支出经济分类科目", "科目名称"}),
               text_col({"政府预算支出经济分类科目", "科目编码"}),
               text_col({"政府预算支出经济分类科目", "科目名称"}),
               money_col({"本年一般公共预算基本支出", "合计"}),
               money_col({"本年一般公共预算基本支出", "人员经费"}),
               money_col({"本年一般公共预算基本支出", "公用经费"})};
  const filter scope = kind_is(spending_kind::basic) && general_funds();
  const std::vector<std::optional<filter>> filters{
      filter{}, kind_is(spending_kind::personnel) || (basic_only() && econ_in({301, 303})),
      kind_is(spending_kind::public_funds) || (basic_only() && !econ_in({301, 303}))};
  column_sums total(filters.size());
  struct line_row {
    std::uint32_t line;
    econ_code econ, gov;
    column_sums sums;
  };
  std::vector<line_row> lines;
  std::map<std::uint32_t, std::size_t> line_index;
  const auto items = b.items();
  for (auto i : by_function(b)) {
    const auto& it = items[i];
    if (!passes(b, it, scope)) continue;
    total.add(b, it, filters);
    auto [pos, fresh] = line_index.try_emplace(it.line, lines.size());
    if (fresh) lines.push_back(line_row{it.line, it.econ, it.gov_econ, column_sums(filters.size())});
    lines[pos->second].sums.add(b, it, filters);
  }
  std::vector<cell> cells{text_cell("合计"), text_cell(""), text_cell(""), text_cell("")};
  total.append_to(cells);
  t.rows.push_back(make_row(row_role::total, std::move(cells)));
  std::optional<econ_code> previous;
  for (const auto& l : lines) {
    std::vector<cell> c{text_cell(previous && *previous == l.econ ? std::string() : l.econ.str()),
                        text_cell(econ_name(b, l.econ)), text_cell(l.gov.str()), text_cell(econ_name(b, l.gov))};
    l.sums.append_to(c);
    t.rows.push_back(make_row(row_role::line, std::move(c)));
    previous = l.econ;
  }
  add_notes(b, t);
  return t;
}

/// 预算07表 支出经济分类汇总表: every (部门, 政府) economic pair by source, in
/// the order of the items sorted by functional code; 合计 and per unit.
inline table economic_summary(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "07", o);
  t.columns = {text_col({"部门预算经济分类", "类"}),
               text_col({"部门预算经济分类", "款"}),
               text_col({"部门预算经济分类", "科目名称"}),
               text_col({"政府预算经济分类", "类"}),
               text_col({"政府预算经济分类", "款"}),
               text_col({"政府预算经济分类", "科目名称"}),
               money_col({"总计"}),
               money_col({"一般公共预算", "小计"}),
               money_col({"一般公共预算", "其中：财政拨款"}),
               money_col({"政府性基金"}),
               money_col({"国有资本经营预算"}),
               money_col({"上年结转结余"}),
               money_col({"财政专户管理资金收入"}),
               money_col({"事业收入"}),
               money_col({"上级补助收入"}),
               money_col({"附属单位上缴收入"}),
               money_col({"事业单位经营收入"}),
               money_col({"其他收入"})};
  const std::vector<std::optional<filter>> filters{filter{},
                                                   general_funds(),
                                                   fund_is(fund_source::fiscal_appropriation),
                                                   fund_is(fund_source::government_fund),
                                                   fund_is(fund_source::state_capital),
                                                   fund_is(fund_source::carryover),
                                                   fund_is(fund_source::special_account),
                                                   fund_is(fund_source::institution_revenue),
                                                   fund_is(fund_source::superior_subsidy),
                                                   fund_is(fund_source::subordinate_remittance),
                                                   fund_is(fund_source::business_revenue),
                                                   fund_is(fund_source::other_revenue)};
  const std::size_t nv = filters.size();
  column_sums total(nv);
  std::vector<column_sums> per_unit(b.units().size(), column_sums(nv));
  struct pair_row {
    std::uint16_t unit;
    econ_code econ, gov;
    column_sums sums;
  };
  std::vector<pair_row> pairs;
  std::map<std::tuple<std::uint16_t, std::uint32_t, int, std::uint32_t, int>, std::size_t> pair_index;
  const auto items = b.items();
  for (auto i : by_function(b)) {
    const auto& it = items[i];
    total.add(b, it, filters);
    if (it.unit < per_unit.size()) per_unit[it.unit].add(b, it, filters);
    auto [pos, fresh] = pair_index.try_emplace(
        {it.unit, it.econ.digits(), it.econ.level(), it.gov_econ.digits(), it.gov_econ.level()}, pairs.size());
    if (fresh) pairs.push_back(pair_row{it.unit, it.econ, it.gov_econ, column_sums(nv)});
    pairs[pos->second].sums.add(b, it, filters);
  }
  auto add = [&](row_role role, std::vector<std::string> labels, const column_sums& v) {
    std::vector<cell> cells;
    for (auto& l : labels) cells.push_back(text_cell(std::move(l)));
    v.append_to(cells);
    t.rows.push_back(make_row(role, std::move(cells)));
  };
  add(row_role::total, {"合计", "", "", "", "", ""}, total);
  for (auto u : units_with_items(b, filter{})) {
    add(row_role::unit, {b.units()[u].code, "", b.units()[u].name, "", "", ""}, per_unit[u]);
    for (const auto& p : pairs) {
      if (p.unit != u) continue;
      const std::string e = p.econ.str(), g = p.gov.str();
      add(row_role::line,
          {code_part(e, 1), code_part(e, 2), econ_name(b, p.econ), code_part(g, 1), code_part(g, 2), econ_name(b, p.gov)},
          p.sums);
    }
  }
  add_notes(b, t);
  return t;
}

/// 预算08表 一般公共预算“三公”经费预算表: 因公出国（境）费 30212, 公务用车
/// 购置费 31013 / 30913, 公务用车运行费 30231, 公务接待费 30217.
inline table three_public_expenses(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "08", o);
  t.columns = {money_col({"“三公”经费合计"}),
               money_col({"因公出国（境）费"}),
               money_col({"公务用车购置及运行费", "小计"}),
               money_col({"公务用车购置及运行费", "公务用车购置费"}),
               money_col({"公务用车购置及运行费", "公务用车运行费"}),
               money_col({"公务接待费"})};
  const std::vector<std::optional<filter>> filters{econ_in({30212, 31013, 30913, 30231, 30217}),
                                                   econ_in({30212}),
                                                   econ_in({31013, 30913, 30231}),
                                                   econ_in({31013, 30913}),
                                                   econ_in({30231}),
                                                   econ_in({30217})};
  column_sums sums(filters.size());
  const filter scope = general_funds();
  for (const auto& it : b.items())
    if (passes(b, it, scope)) sums.add(b, it, filters);
  std::vector<cell> cells;
  sums.append_to(cells);
  t.rows.push_back(make_row(row_role::line, std::move(cells)));
  add_notes(b, t);
  return t;
}

/// 预算09表 政府性基金支出预算表: 预算03表 restricted to 政府性基金; when there is
/// none, the 合计 row and the 说明 (the budget's 表注 预算09表, or a default).
inline table government_fund_expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "09", o, fund_is(fund_source::government_fund),
                                   detail::default_empty_note(b, "政府性基金预算拨款"));
}

/// 预算10表 国有资本经营支出预算表: as 预算09表 for 国有资本经营.
inline table state_capital_expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "10", o, fund_is(fund_source::state_capital),
                                   detail::default_empty_note(b, "国有资本经营预算拨款"));
}

/// 预算11表 行政（事业）单位机构运转经费预算表: 公用经费 by economic code and
/// 项目类别 (the item tag), in code order and, within a code, in the order the
/// budget lists them; 合计, the department and each unit first.
inline table operating_costs(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "11", o);
  t.columns = {text_col({"单位代码"}), text_col({"单位（科目名称）"}), text_col({"项目类别"}),
               money_col({"资金来源", "合计"}), money_col({"资金来源", "一般公共预算资金", "小计"})};
  for (auto h : {"财政拨款", "纳入预算管理的行政事业性收费", "专项收入", "国有资产资源有偿使用收入",
                 "其他一般公共预算资金", "一般性转移支付资金"})
    t.columns.push_back(money_col({"资金来源", "一般公共预算资金", "一般公共预算资金", h}));
  t.columns.push_back(money_col({"资金来源", "一般公共预算资金", "一般债券"}));
  for (auto h : {"小计", "政府性基金预算资金", "专项债券"})
    t.columns.push_back(money_col({"资金来源", "政府性基金预算资金", h}));
  t.columns.push_back(money_col({"资金来源", "国有资本经营预算"}));
  t.columns.push_back(money_col({"资金来源", "财政专户管理资金收入"}));
  for (auto h : {"小计", "事业收入资金", "上级补助收入资金", "附属单位上缴收入资金", "事业单位经营收入资金", "其他收入资金"})
    t.columns.push_back(money_col({"资金来源", "单位资金", h}));
  for (auto h : {"财政性资金结余结转", "财政专户管理资金收入结余结转", "单位资金结余结转"})
    t.columns.push_back(money_col({"资金来源", h}));

  // Sources the model has no money for (收费, 专项收入, 债券 …) stay blank.
  const std::optional<filter> none;
  const std::vector<std::optional<filter>> filters{filter{},
                                                   general_funds(),
                                                   fund_is(fund_source::fiscal_appropriation),
                                                   none, none, none, none, none,
                                                   none,
                                                   fund_is(fund_source::government_fund),
                                                   fund_is(fund_source::government_fund),
                                                   none,
                                                   fund_is(fund_source::state_capital),
                                                   fund_is(fund_source::special_account),
                                                   unit_funds(),
                                                   fund_is(fund_source::institution_revenue),
                                                   fund_is(fund_source::superior_subsidy),
                                                   fund_is(fund_source::subordinate_remittance),
                                                   fund_is(fund_source::business_revenue),
                                                   fund_is(fund_source::other_revenue),
                                                   fund_is(fund_source::carryover),
                                                   none,
                                                   none};
  const std::size_t nv = filters.size();
  const filter scope = kind_is(spending_kind::public_funds);
  const dimension_ref category_dim{dimension::tag, 0, "项目类别"};
  column_sums total(nv);
  std::vector<column_sums> per_unit(b.units().size(), column_sums(nv));
  struct category_row {
    std::uint16_t unit;
    econ_code econ;
    dimension_key category;
    column_sums sums;
  };
  std::vector<category_row> lines;
  std::map<std::tuple<std::uint16_t, std::uint32_t, int, dimension_key>, std::size_t> line_index;
  for (const auto& it : b.items()) {
    if (!passes(b, it, scope)) continue;
    total.add(b, it, filters);
    if (it.unit < per_unit.size()) per_unit[it.unit].add(b, it, filters);
    const dimension_key cat = key_of(b, it, category_dim);
    auto [pos, fresh] = line_index.try_emplace({it.unit, it.econ.digits(), it.econ.level(), cat}, lines.size());
    if (fresh) lines.push_back(category_row{it.unit, it.econ, cat, column_sums(nv)});
    lines[pos->second].sums.add(b, it, filters);
  }
  std::stable_sort(lines.begin(), lines.end(), [](const category_row& x, const category_row& y) {
    if (!x.econ || !y.econ) return static_cast<bool>(x.econ) && !y.econ;
    return x.econ < y.econ;
  });
  auto add = [&](row_role role, std::vector<std::string> labels, const column_sums& v) {
    std::vector<cell> cells;
    for (auto& l : labels) cells.push_back(text_cell(std::move(l)));
    v.append_to(cells);
    t.rows.push_back(make_row(role, std::move(cells)));
  };
  add(row_role::total, {"合计", "", ""}, total);
  const auto& h = b.header();
  if (!h.department_code.empty()) add(row_role::department, {h.department_code, h.department_name, ""}, total);
  for (auto u : units_with_items(b, scope)) {
    add(row_role::unit, {b.units()[u].code, b.units()[u].name, ""}, per_unit[u]);
    std::optional<econ_code> previous;
    for (const auto& l : lines) {
      if (l.unit != u) continue;
      const bool repeat = previous && *previous == l.econ;
      add(row_role::line,
          {repeat ? std::string() : l.econ.str(), repeat ? std::string() : econ_name(b, l.econ),
           l.category == no_key ? std::string() : key_text(b, category_dim, l.category)},
          l.sums);
      previous = l.econ;
    }
  }
  add_notes(b, t);
  return t;
}

/// 预算12表 项目支出预算表: an unlabelled total row (as printed), then per unit
/// the unit row and its projects by type (其他运转类, then 特定目标类) in
/// declaration order, each by source.
inline table project_expenditure(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "12", o);
  t.columns = {text_col({"类型"}),
               text_col({"项目名称"}),
               text_col({"项目单位"}),
               money_col({"合计"}),
               money_col({"本年拨款", "一般公共预算"}),
               money_col({"本年拨款", "政府性基金预算"}),
               money_col({"本年拨款", "国有资本经营预算"}),
               money_col({"财政拨款结转结余", "一般公共预算"}),
               money_col({"财政拨款结转结余", "政府性基金预算"}),
               money_col({"财政拨款结转结余", "国有资本经营预算"}),
               money_col({"财政专户管理资金"}),
               money_col({"单位资金"})};
  const auto projects = b.projects();
  const auto facts = gather_projects(b);
  const auto groups = projects_by_unit(b, facts, [&](std::uint32_t x, std::uint32_t y) {
    return kind_rank(projects[x].kind) < kind_rank(projects[y].kind);
  });
  std::vector<acc> total(pc_count + 1);
  std::vector<row> body;
  for (const auto& [u, list] : groups) {
    std::vector<acc> sub(pc_count + 1);
    std::vector<row> lines;
    const budget_unit* unit = u < b.units().size() ? &b.units()[u] : nullptr;
    for (auto i : list) {
      const auto& p = projects[i];
      const auto& s = facts[i].split;
      sub[0].add(p.amount);
      for (std::size_t c = 0; c < pc_count; ++c) sub[c + 1].add(s[c]);
      std::vector<cell> cells{text_cell(std::string(chinese_name(p.kind))), text_cell(p.name),
                              text_cell(unit ? unit->name : std::string()), money_cell(p.amount)};
      for (const auto& a : s) cells.push_back(money_cell(a.get()));
      lines.push_back(make_row(row_role::line, std::move(cells)));
    }
    for (std::size_t c = 0; c < sub.size(); ++c) total[c].add(sub[c]);
    if (unit) {
      std::vector<cell> cells{text_cell(unit->code), text_cell(unit->name), text_cell("")};
      for (const auto& a : sub) cells.push_back(money_cell(a.get()));
      body.push_back(make_row(row_role::unit, std::move(cells)));
    }
    for (auto& r : lines) body.push_back(std::move(r));
  }
  std::vector<cell> cells{text_cell(""), text_cell(""), text_cell("")};
  for (const auto& a : total) cells.push_back(money_cell(a.get()));
  t.rows.push_back(make_row(row_role::total, std::move(cells)));
  for (auto& r : body) t.rows.push_back(std::move(r));
  add_notes(b, t);
  return t;
}

/// 预算13表 项目绩效目标表: per unit the unit row (no 合计 row is printed), then
/// its projects by type and project code, each with its 绩效目标 laid out per
/// category (成本, 产出, 效益, 满意度), one indicator of each per line.
inline table performance_targets(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "13", o);
  const std::string amount_head = "项目金额（" + std::string(yusuan::unit_name(t.amount_unit)) + "）";
  t.columns = {text_col({"单位编码（项目编码）"}), text_col({"项目单位（项目名称）"}),
               money_col({amount_head, "资金总额"}), money_col({amount_head, "政府预算资金"}),
               money_col({amount_head, "财政专户管理资金"}), money_col({amount_head, "单位资金"})};
  constexpr std::array<target_category, 4> categories{target_category::cost, target_category::output,
                                                      target_category::outcome, target_category::satisfaction};
  for (auto c : categories) {
    const std::string head = std::string(chinese_name(c)) + "指标";
    t.columns.push_back(text_col({"绩效目标", head, "三级指标"}));
    t.columns.push_back(text_col({"绩效目标", head, "指标值"}));
  }
  const auto projects = b.projects();
  const auto facts = gather_projects(b);
  const auto groups = projects_by_unit(b, facts, [&](std::uint32_t x, std::uint32_t y) {
    const auto &p = projects[x], &q = projects[y];
    if (kind_rank(p.kind) != kind_rank(q.kind)) return kind_rank(p.kind) < kind_rank(q.kind);
    if (p.code.empty() != q.code.empty()) return q.code.empty();
    return p.code < q.code;
  });
  // 政府预算资金: 一般公共预算, 政府性基金, 国有资本经营 and their 结转结余.
  auto amounts = [](const std::vector<acc>& s, acc whole) {
    acc government;
    for (auto c : {pc_general, pc_government_fund, pc_state_capital, pc_carry_general, pc_carry_government,
                   pc_carry_state})
      government.add(s[c]);
    return std::array<acc, 4>{whole, government, s[pc_special_account], s[pc_unit_funds]};
  };
  for (const auto& [u, list] : groups) {
    std::array<acc, 4> unit_total;
    std::vector<row> lines;
    for (auto i : list) {
      const auto& p = projects[i];
      acc whole;
      whole.add(p.amount);
      const auto a = amounts(facts[i].split, whole);
      for (std::size_t k = 0; k < 4; ++k) unit_total[k].add(a[k]);
      std::array<std::vector<const performance_target*>, 4> by_category;
      for (const auto& tg : p.targets)
        for (std::size_t k = 0; k < categories.size(); ++k)
          if (tg.category == categories[k]) by_category[k].push_back(&tg);
      std::size_t n = 1;
      for (const auto& v : by_category) n = std::max(n, v.size());
      for (std::size_t line = 0; line < n; ++line) {
        std::vector<cell> cells;
        if (line == 0) {
          cells = {text_cell(p.code), text_cell(p.name)};
          for (const auto& x : a) cells.push_back(money_cell(x.get()));
        } else {
          cells = {text_cell(""), text_cell("")};
          for (int k = 0; k < 4; ++k) cells.push_back(money_cell(std::nullopt));
        }
        for (const auto& v : by_category) {
          if (line < v.size()) {
            cells.push_back(text_cell(v[line]->indicator));
            cells.push_back(text_cell(v[line]->value_text()));
          } else {
            cells.push_back(text_cell(""));
            cells.push_back(text_cell(""));
          }
        }
        lines.push_back(make_row(row_role::line, std::move(cells)));
      }
    }
    if (u < b.units().size()) {
      std::vector<cell> cells{text_cell(b.units()[u].code), text_cell(b.units()[u].name)};
      for (const auto& x : unit_total) cells.push_back(money_cell(x.get()));
      while (cells.size() < t.columns.size()) cells.push_back(text_cell(""));
      t.rows.push_back(make_row(row_role::unit, std::move(cells)));
    }
    for (auto& r : lines) t.rows.push_back(std::move(r));
  }
  if (groups.empty() && !b.units().empty()) {  // no project: the unit row alone
    std::vector<cell> cells{text_cell(b.units()[0].code), text_cell(b.units()[0].name)};
    while (cells.size() < t.columns.size()) cells.push_back(text_cell(""));
    t.rows.push_back(make_row(row_role::unit, std::move(cells)));
  }
  add_notes(b, t);
  return t;
}

/// Builds table `id` (anything parse_id accepts).  Throws std::invalid_argument
/// for an unknown id.
inline table build(const budget& b, std::string_view id, const options& o = {}) {
  const auto n = parse_id(id);
  if (!n) throw std::invalid_argument("yusuan: unknown table '" + std::string(id) + "' (expected 01 … 13)");
  using builder = table (*)(const budget&, const options&);
  static constexpr std::array<builder, 13> builders{
      income_and_expenditure,       income,           expenditure,       fiscal_appropriation,
      general_budget_expenditure,   general_budget_basic_expenditure, economic_summary,
      three_public_expenses,        government_fund_expenditure,      state_capital_expenditure,
      operating_costs,              project_expenditure,              performance_targets};
  const std::size_t index = static_cast<std::size_t>(((*n)[0] - '0') * 10 + ((*n)[1] - '0') - 1);
  return builders[index](b, o);
}

/// Every table, 01 … 13.
inline std::vector<table> build_all(const budget& b, const options& o = {}) {
  std::vector<table> out;
  for (const auto& info : table_list) out.push_back(build(b, info.id, o));
  return out;
}

// ---------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------

namespace detail {
/// Column widths of the text layout: every header level, cell and note fits.
inline std::vector<std::size_t> text_widths(const table& t) {
  const std::size_t n = t.columns.size();
  std::vector<std::size_t> w(n, 0);
  std::size_t depth = 1;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = t.columns[i].path;
    depth = std::max(depth, p.size());
    if (!p.empty()) w[i] = text::display_width(p.back());
  }
  for (const auto& r : t.rows) {
    if (r.role == row_role::note) continue;
    for (std::size_t i = 0; i < n; ++i) w[i] = std::max(w[i], text::display_width(t.text(r, i)));
  }
  // Group headers span their columns: widen the last column of a group that is too narrow.
  for (std::size_t level = depth - 1; level-- > 0;) {
    for (std::size_t i = 0; i < n;) {
      const auto& p = t.columns[i].path;
      if (p.size() < level + 2) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n && t.columns[j].path.size() >= level + 2 &&
             std::equal(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(level) + 1, t.columns[j].path.begin()))
        ++j;
      std::size_t avail = 0;
      for (std::size_t k = i; k < j; ++k) avail += w[k] + (k > i ? 2 : 0);
      const std::size_t need = text::display_width(p[level]);
      if (need > avail) w[j - 1] += need - avail;
      i = j;
    }
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += w[i] + (i ? 2 : 0);
  for (const auto& r : t.rows)
    if (r.role == row_role::note && n > 0) {
      const std::size_t need = text::display_width(t.text(r, 0));
      if (need > total) {
        w[n - 1] += need - total;
        total = need;
      }
    }
  return w;
}
}  // namespace detail

/// CSV (RFC 4180, LF line ends): the flattened header, then the rows.  No title
/// or unit line (they are the table's metadata).
inline void write_csv(std::ostream& os, const table& t) {
  const auto h = t.headers();
  for (std::size_t i = 0; i < h.size(); ++i) os << (i ? "," : "") << yusuan::text::csv_field(h[i]);
  os << "\n";
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) os << (i ? "," : "") << yusuan::text::csv_field(t.text(r, i));
    os << "\n";
  }
}

/// Aligned text: the label, the title, the unit line, the header levels
/// (group headers centred over their columns), the rows (amounts right-aligned)
/// and the notes.  Columns are aligned by display width (CJK characters are two
/// columns wide); every line of the table proper has the same width.
inline void write_text(std::ostream& os, const table& t) {
  const std::size_t n = t.columns.size();
  const auto w = detail::text_widths(t);
  std::size_t total = 0, depth = 1;
  for (std::size_t i = 0; i < n; ++i) {
    total += w[i] + (i ? 2 : 0);
    depth = std::max(depth, t.columns[i].path.size());
  }
  {
    std::string title = text::centre(t.title, total);
    while (!title.empty() && title.back() == ' ') title.pop_back();
    os << t.label << "\n" << title << "\n";
  }
  {
    const std::string left = "单位名称：" + t.unit_name, right = "单位：" + std::string(yusuan::unit_name(t.amount_unit));
    const std::size_t used = text::display_width(left) + text::display_width(right);
    os << left << std::string(used + 2 <= total ? total - used : 2, ' ') << right << "\n";
  }
  // Header lines: group labels on their level, leaf labels on the last line.
  for (std::size_t level = 0; level < depth; ++level) {
    std::string line;
    for (std::size_t i = 0; i < n;) {
      if (i) line += "  ";
      const auto& p = t.columns[i].path;
      if (level + 1 == depth) {
        line += text::pad(p.empty() ? std::string() : p.back(), w[i], t.columns[i].numeric);
        ++i;
      } else if (p.size() >= level + 2) {
        std::size_t j = i + 1, width = w[i];
        while (j < n && t.columns[j].path.size() >= level + 2 &&
               std::equal(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(level) + 1, t.columns[j].path.begin())) {
          width += 2 + w[j];
          ++j;
        }
        line += text::centre(p[level], width);
        i = j;
      } else {
        line += std::string(w[i], ' ');
        ++i;
      }
    }
    os << line << "\n";
  }
  os << std::string(total, '-') << "\n";
  for (const auto& r : t.rows) {
    std::string line;
    if (r.role == row_role::note) {
      line = text::pad(t.text(r, 0), total);
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        if (i) line += "  ";
        line += text::pad(t.text(r, i), w[i], t.columns[i].numeric);
      }
    }
    os << line << "\n";
  }
  if (!t.notes.empty()) {
    os << "\n";
    for (const auto& note : t.notes) os << note << "\n";
  }
}

/// Markdown: the label and title as a heading, the unit line, a pipe table with
/// the flattened headers (amounts right-aligned), the notes.
inline void write_markdown(std::ostream& os, const table& t) {
  auto esc = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|') o += '\\';
      o += c;
    }
    return o;
  };
  os << "### " << t.label << " " << t.title << "\n\n" << t.unit_line() << "\n\n|";
  for (const auto& c : t.columns) os << " " << esc(c.header()) << " |";
  os << "\n|";
  for (const auto& c : t.columns) os << (c.numeric ? " ---: |" : " --- |");
  os << "\n";
  for (const auto& r : t.rows) {
    os << "|";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string s = esc(t.text(r, i));
      os << (s.empty() ? " |" : " " + s + " |");
    }
    os << "\n";
  }
  if (!t.notes.empty()) {
    os << "\n";
    for (const auto& note : t.notes) os << note << "\n";
  }
}

/// JSON: one object with the metadata, the columns (header levels, whether
/// numeric), the rows (role and cells: amounts as exact decimal numbers, blank
/// cells as null) and the notes.
inline void write_json(std::ostream& os, const table& t) {
  const auto json_string = [](std::ostream& out, std::string_view v) { yusuan::text::write_json_string(out, v); };
  os << "{\n  \"id\": ";
  json_string(os, t.id);
  os << ",\n  \"label\": ";
  json_string(os, t.label);
  os << ",\n  \"title\": ";
  json_string(os, t.title);
  os << ",\n  \"unit_name\": ";
  json_string(os, t.unit_name);
  os << ",\n  \"amount_unit\": ";
  json_string(os, yusuan::unit_name(t.amount_unit));
  os << ",\n  \"columns\": [";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const auto& c = t.columns[i];
    os << (i ? ",\n    " : "\n    ") << "{\"header\": ";
    json_string(os, c.header());
    os << ", \"path\": [";
    for (std::size_t k = 0; k < c.path.size(); ++k) {
      if (k) os << ", ";
      json_string(os, c.path[k]);
    }
    os << "], \"numeric\": " << (c.numeric ? "true" : "false") << "}";
  }
  os << (t.columns.empty() ? "],\n" : "\n  ],\n") << "  \"rows\": [";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    os << (r ? ",\n    " : "\n    ") << "{\"role\": ";
    json_string(os, role_name(row.role));
    os << ", \"cells\": [";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (i) os << ", ";
      const cell* c = i < row.cells.size() ? &row.cells[i] : nullptr;
      if (!c || c->blank()) os << "null";
      else if (c->amount) os << c->amount->format(t.amount_unit, 2);
      else json_string(os, c->text);
    }
    os << "]}";
  }
  os << (t.rows.empty() ? "],\n" : "\n  ],\n") << "  \"notes\": [";
  for (std::size_t i = 0; i < t.notes.size(); ++i) {
    if (i) os << ", ";
    json_string(os, t.notes[i]);
  }
  os << "]\n}\n";
}

/// Writes the table as text, csv, md (Markdown) or json.  Throws
/// std::invalid_argument for another format.
inline void write(std::ostream& os, const table& t, std::string_view format) {
  if (format == "text") write_text(os, t);
  else if (format == "csv") write_csv(os, t);
  else if (format == "md" || format == "markdown") write_markdown(os, t);
  else if (format == "json") write_json(os, t);
  else throw std::invalid_argument("yusuan: unknown table format '" + std::string(format) + "'");
}

/// The table as a string in `format`.
inline std::string to_string(const table& t, std::string_view format = "text") {
  std::ostringstream os;
  write(os, t, format);
  return os.str();
}

}  // namespace yusuan::tables
