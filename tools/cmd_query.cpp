// yusuan query -- aggregation queries over a budget.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "output.hpp"
#include "terminal_text.hpp"
#include "too_large.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables/names.hpp>

#include <iostream>
#include <sstream>

namespace cli {

const char* const query_help = R"(Usage: yusuan query [options] FILE 'QUERY'

Runs an aggregation query over the budget's expenditure items.  FILE - reads
the budget from standard input.

  QUERY := (sum | count | min | max) clause...        (合计 | 计数 | 最小 | 最大)
  clause := where FILTER                              (其中)
          | by DIM[, DIM...]                          (按)   e.g. function.类, econ.款, kind, project
          | pivot DIM                                 (透视) columns by DIM
          | rollup                                    (汇总) subtotals 类 → 款 → 项
          | share                                     (占比) each row's share of the total
                                                      (of the items for count; not with min, max)
          | order by sum|key|count [asc|desc]         (排序 合计|键|计数 升序|降序)
          | limit N | top N                           (前 N)
            (where and by may be given again; pivot, order by and limit once)
  FILTER := DIM = V | DIM != V | DIM in (V, ...) | DIM not in (...), with and / or / not (且 或 非)
            | 金额 < V, 金额 >= V … (an item's amount)
  DIM    := function | econ | gov-econ | kind | fund | project | unit | unit-type
            | a tag key, in Chinese 功能 | 经济 | 政府经济 | 类型 | 资金 | 项目 | 单位 |
            单位类型; levels .类 .款 .项 (类型.类: 基本支出 / 项目支出)
  An unknown dimension or tag key is an error; a value no item has, a warning.

Examples:
  yusuan query budget.budget 'sum by function.类'
  yusuan query budget.budget 'sum by econ.类 where kind = 基本支出'
  yusuan query budget.budget 'sum where econ in (30212, 30217, 30231, 31013)'
  yusuan query budget.budget 'sum by project where kind = 特定目标类 order by sum desc'

Options:
  --format text|csv|json|md   output format (default text)
  --unit 元|万元|亿元          unit of the amounts (default: the budget's own); an
                              amount that is not zero but shows as 0.00 is
                              counted in a note on standard error
  --prior FILE                last year's budget: add 上年, 增减 and 增幅(%) columns;
                              the rows are the groups of either year (matched by
                              their keys as printed), a group only last year has
                              at 0, a new one with 上年 0 and no 增幅; order and
                              limit apply to both years' rows
  --thousands, --no-thousands amounts of the text and md output with or without
                              thousands separators (default: as the budget writes
                              its amounts); csv and json never have them
  -o FILE                     write the result to FILE
  --color auto|always|never   colour the diagnostics (default auto)
  -h, --help                  show this help

With --format json, errors in the budget or the query are printed as a JSON
array of diagnostics on standard output.

Exit codes: 0 success, 1 an error in the budget or the query, 2 usage or I/O errors.
)";

namespace {

/// A percentage at two decimals ("33.33", "-3.87").
std::string format_percent(std::int64_t units) { return yusuan::decimal<2>::from_units(units).format(); }

/// Writes a query's result as a grid; returns how many amounts that are not
/// zero it shows as 0.00 (an amount below half a 分 of the unit: 30 元 in
/// 万元, 400,000 元 in 亿元).
std::size_t print_result(std::ostream& os, const yusuan::budget& b, const yusuan::result_table& t, yusuan::unit u,
                         bool prior, const std::string& format, bool thousands) {
  std::size_t shown_as_zero = 0;
  grid g;
  // a key's name: the budget's (a code's, a unit's, a project's 编码), else,
  // for a code, the one the tables print (its 科目, the catalog's)
  auto name_of = [&](const yusuan::result_row& r, std::size_t d) -> std::string {
    if (d < r.names.size() && !r.names[d].empty()) return std::string(r.names[d]);
    if (d >= r.keys.size() || r.keys[d] == yusuan::no_key) return {};
    switch (t.by[d].dim) {
      case yusuan::dimension::function: return yusuan::tables::function_name(b, yusuan::tables::function_of(r.keys[d]));
      case yusuan::dimension::econ:
      case yusuan::dimension::gov_econ: return yusuan::tables::econ_name(b, yusuan::tables::econ_of(r.keys[d]));
      default: return {};
    }
  };
  // each row's names, found once
  std::vector<std::vector<std::string>> names(t.rows.size());
  std::vector<bool> has_name(t.by.size(), false);
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    for (std::size_t d = 0; d < t.by.size(); ++d) {
      names[i].push_back(name_of(t.rows[i], d));
      has_name[d] = has_name[d] || !names[i].back().empty();
    }
  for (std::size_t d = 0; d < t.by.size(); ++d) {
    g.header.push_back(t.key_headers[d]);
    g.numeric.push_back(false);
    if (has_name[d]) {
      g.header.push_back(t.key_headers[d] + (t.by[d].dim == yusuan::dimension::project ? ".编码" : ".名称"));
      g.numeric.push_back(false);
    }
  }
  // A rollup marks its subtotals: a row of an item coded only to its 类 has
  // the code of the 类's subtotal (小计; true or false in JSON).
  const bool rollup = t.rollup;
  const bool json = format == "json";
  if (rollup) {
    g.header.push_back("小计");
    g.numeric.push_back(json);
  }
  for (const auto& h : t.value_headers) {
    g.header.push_back(h);
    g.numeric.push_back(true);
  }
  if (t.share) {
    g.header.push_back("占比(%)");
    g.numeric.push_back(true);
  }
  if (prior) {
    for (const char* h : {"上年", "增减", "增幅(%)"}) {
      g.header.push_back(h);
      g.numeric.push_back(true);
    }
  }
  // Amounts in the unit asked for, counts as whole numbers.
  auto figure = [&](const std::optional<yusuan::quantity>& v) -> std::string {
    if (!v) return {};
    std::string s = v->format(u, 2, thousands);
    if (v->is_amount() && v->amount() != yusuan::money{} && (s == "0.00" || s == "-0.00")) ++shown_as_zero;
    return s;
  };
  auto add_row = [&](const yusuan::result_row& r, const std::vector<std::string>& row_names) {
    std::vector<std::string> row;
    for (std::size_t d = 0; d < t.by.size(); ++d) {
      row.push_back(r.labels[d]);
      if (has_name[d]) row.push_back(row_names[d]);
    }
    if (rollup) row.push_back(json ? (r.subtotal ? "true" : "false") : r.subtotal ? "小计" : "");
    for (const auto& v : r.values) row.push_back(figure(v));
    if (t.share) row.push_back(r.share_units ? format_percent(*r.share_units) : std::string());
    if (prior) {
      const auto current = t.row_value(r);
      row.push_back(figure(r.prior));
      row.push_back(r.prior && current ? figure(*current - *r.prior) : std::string());
      row.push_back(r.change_units ? format_percent(*r.change_units) : std::string());
    }
    g.rows.push_back(std::move(row));
  };
  for (std::size_t i = 0; i < t.rows.size(); ++i) add_row(t.rows[i], names[i]);
  if (t.by.empty() && t.rows.empty()) {
    // An aggregate with no group: one row even when nothing matched (in
    // either year), a sum or count of 0 and no least or greatest amount.
    yusuan::result_row none;
    none.values.push_back(t.row_value(none));
    if (prior) none.prior = none.values.front();
    add_row(none, {});
  }
  write_grid(os, g, format);
  return shown_as_zero;
}


}  // namespace

int run_query(const std::vector<std::string>& args) {
  std::string format = "text", prior_file;
  std::optional<yusuan::unit> unit_choice;
  std::optional<bool> thousands_choice;
  std::vector<std::string> positional;
  common_flags common;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << query_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "csv", "json", "md"});
    } else if (is_option(a, "--unit")) {
      unit_choice = unit_option(args, i);
    } else if (is_option(a, "--prior")) {
      prior_file = option_value(args, i, "--prior");
    } else if (a == "--thousands" || a == "--no-thousands") {
      thousands_choice = a == "--thousands";
    } else if (looks_like_option(a)) {
      unknown_option("query", a, with_common({"--format", "--unit", "--prior", "--thousands", "--no-thousands"}));
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) throw usage_error{"query needs a budget file and a query (see yusuan query --help)"};
  const reporting rep{format == "json", use_color(common.color)};
  if (positional[0] == "-" && prior_file == "-") throw usage_error{"only one of FILE and --prior can be standard input"};
  std::optional<yusuan::budget> b, prior;
  if (int rc = load_budget(positional[0], b, rep); rc != exit_ok) return rc;
  if (!prior_file.empty())
    if (int rc = load_prior_budget(prior_file, prior, rep); rc != exit_ok) return rc;
  yusuan::diagnostics query_diags;
  const auto q = prior ? yusuan::parse_query(positional[1], *b, *prior, query_diags)
                       : yusuan::parse_query(positional[1], *b, query_diags);
  if (!q) {
    report(rep, query_diags);
    return exit_budget_error;
  }
  // warnings of a query that runs (a value no item has) go to standard error
  // as text, so that a JSON or CSV result on standard output stays whole
  if (!query_diags.empty()) yusuan::render_text(std::cerr, query_diags, {rep.color});
  const yusuan::unit u = unit_choice.value_or(b->amount_unit());
  std::ostringstream text;  // the whole result, or nothing
  std::size_t shown_as_zero = 0;
  try {
    const bool thousands = (format == "text" || format == "md") && thousands_choice.value_or(b->header().thousands);
    shown_as_zero = print_result(text, *b, prior ? yusuan::run_with_prior(*b, *prior, *q) : yusuan::run(*b, *q), u,
                                 prior.has_value(), format, thousands);
  } catch (const yusuan::overflow_error& e) {
    return too_large(rep, "<query>", positional[1], "a figure of the result", e);
  }
  output out(common.output);
  if (format == "text" || format == "md") write_terminal_safe(out.stream(), text.view());  // names from the budget
  else out.stream() << text.view();
  out.finish();
  // (on standard error, so that a CSV or JSON result stays whole)
  if (shown_as_zero > 0)
    std::cerr << "note: " << shown_as_zero << (shown_as_zero == 1 ? " amount that is not zero shows" : " amounts that are not zero show")
              << " as 0.00 in " << yusuan::unit_name(u) << " (rounded to 2 decimals): --unit 元 shows "
              << (shown_as_zero == 1 ? "it" : "them") << "\n";
  return exit_ok;
}

}  // namespace cli
