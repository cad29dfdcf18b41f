// yusuan report -- one self-contained HTML page of a budget: the unit, the
// totals, charts, every disclosure table, the performance targets and the
// result of every check.  No script, no font, no request: inline CSS and SVG.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "report_charts.hpp"
#include "report_html.hpp"
#include "templates.hpp"
#include "too_large.hpp"

#include <yusuan/catalog.hpp>
#include <yusuan/compile.hpp>
#include <yusuan/query.hpp>
#include <yusuan/tables.hpp>
#include <yusuan/version.hpp>

#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>

namespace cli {

const char* const report_help = R"(Usage: yusuan report [options] FILE

Writes one self-contained HTML page about the budget: the unit and its totals;
charts of spending by functional class (功能分类 类) and by economic class
(经济分类 类), of basic against project spending, of the year-on-year change
of every figure that has a 上年 amount, and of the projects by amount; every
disclosure table of the budget's template (预算01表 … 预算13表, Shanghai's
9) as published; the projects' performance targets (绩效目标); and every
constraint (核对) with its result.  The page loads nothing (no script, font
or image from anywhere) and prints on A4 with one table per page.  Every
amount is printed exactly as in the tables' text (with thousands separators
when the budget writes its amounts with them, as yusuan table does).

Examples:
  yusuan report budget.budget -o report.html
  yusuan report - -o report.html < budget.budget

Options:
  -o FILE                     write the page to FILE (default standard output)
  --unit 元|万元|亿元          unit of the amounts (default: the budget's own, and
                              each table's as its template has it)
  --color auto|always|never   colour the diagnostics (default auto)
  -h, --help                  show this help

Exit codes: 0 success, 1 an error in the budget, 2 usage or I/O errors.
)";

namespace {

namespace rp = page;
using yusuan::money;

/// The current amount of a name that has a 上年 figure: a measure, a figure,
/// a built-in total, a kind of spending or a source of income.
/// (The built-in names of docs/language.md §10, in either spelling; a
/// balance that is not stated is 0, as a check reads it.)
std::optional<money> current_value(const yusuan::budget& b, std::string_view name) {
  if (const auto* m = b.find_measure(name)) return m->value;
  if (const auto* f = b.find_figure(name)) return f->is_money ? std::optional<money>(f->amount) : std::nullopt;
  if (name == "支出合计" || name == "本年支出合计" || name == "total-expenditure") return b.expenditure_total();
  if (name == "支出总计" || name == "expenditure-grand-total") return b.expenditure_grand_total();
  if (name == "收入合计" || name == "本年收入合计" || name == "total-income") return b.income_total();
  if (name == "收入总计" || name == "income-grand-total") return b.income_grand_total();
  if (const auto balance = yusuan::parse_balance_name(name))  // 年终结转结余, 年初结转结余.一般公共预算 …
    return yusuan::balance_of(b, *balance).value_or(yusuan::money_sum{}).value();
  if (name == "项目金额合计" || name == "project-amount-total") return b.project_total();
  if (auto k = yusuan::parse_spending_kind(name)) return yusuan::total(b, yusuan::kind_is(*k)).value();
  if (auto s = yusuan::parse_fund_source(name)) return b.income_of(*s);
  return std::nullopt;
}

/// Sums by one level of a dimension, labelled "code name", largest first.
std::vector<rp::bar> by_class(const yusuan::budget& b, yusuan::dimension d) {
  const auto t = yusuan::run(b, yusuan::query{}.sum().group_by(d, 1));
  std::vector<rp::bar> bars;
  for (const auto& r : t.rows) {
    if (!r.values[0]) continue;
    if (r.keys[0] == yusuan::no_key) {  // the items of no code at this level (a project's, of no economic code)
      bars.push_back({d == yusuan::dimension::econ ? "未列经济分类" : "（无）", r.values[0]->amount()});
      continue;
    }
    std::string label = r.labels[0];
    const auto family = d == yusuan::dimension::function ? yusuan::code_family::function : yusuan::code_family::econ;
    const auto& cat = yusuan::catalog::edition(b.catalog_year() ? b.catalog_year() : b.year());
    if (!r.names[0].empty()) label += " " + std::string(r.names[0]);
    else if (auto name = cat.name_in_year(family, r.labels[0], b.year())) label += " " + std::string(*name);
    bars.push_back({label, r.values[0]->amount()});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const rp::bar& x, const rp::bar& y) { return y.value < x.value; });
  return bars;
}

void card(std::ostream& os, const char* key, const std::string& value, std::string_view unit) {
  os << "<div class=\"card\"><div class=\"k\">" << key << "</div><div class=\"v\">" << rp::esc(value)
     << "<span class=\"u\">" << rp::esc(unit) << "</span></div></div>\n";
}

void figure(std::ostream& os, const char* id, const char* caption, const std::string& svg, bool wide = false) {
  os << "<figure id=\"" << id << "\"" << (wide ? " class=\"wide\"" : "") << "><figcaption>" << caption << "</figcaption>" << svg << "</figure>\n";
}

std::string where(const yusuan::source_span& s) {
  if (!s) return {};
  const auto loc = yusuan::resolve(s);
  return loc.file + ":" + std::to_string(loc.line);
}

/// A project as the page names it: with its unit where projects of several
/// units have its name (each unit of a department its own 培训费).
std::string project_label(const yusuan::budget& b, const yusuan::project& p) {
  if (b.find_projects(p.name).size() < 2 || p.unit >= b.units().size()) return p.name;
  const auto& u = b.units()[p.unit];
  return p.name + "（" + (u.name.empty() ? u.code : u.name) + "）";
}

void write_targets(std::ostream& os, const yusuan::budget& b, const rp::amounts& u) {
  os << "<h2 id=\"targets\">项目绩效目标</h2>\n";
  if (b.projects().empty()) os << "<p class=\"note\">（本预算未列项目）</p>\n";
  for (const auto& p : b.projects()) {
    os << "<h3 style=\"text-align:left\">" << rp::esc(project_label(b, p)) << "</h3>\n<p class=\"note\">"
       << rp::esc(p.code.empty() ? std::string() : "编码 " + p.code + " · ") << rp::esc(yusuan::chinese_name(p.kind))
       << " · 金额 " << u(p.amount) << " " << rp::esc(yusuan::unit_name(u.unit)) << "</p>\n";
    if (p.targets.empty()) {
      os << "<p class=\"note\">（未列绩效目标）</p>\n";
      continue;
    }
    os << "<table class=\"list\"><thead><tr><th>一级指标</th><th>指标</th><th>指标值</th></tr></thead><tbody>\n";
    for (const auto& t : p.targets)
      os << "<tr><td>" << rp::esc(yusuan::chinese_name(t.category)) << "</td><td>" << rp::esc(t.indicator)
         << "</td><td>" << rp::esc(t.value_text()) << "</td></tr>\n";
    os << "</tbody></table>\n";
  }
}

void write_checks(std::ostream& os, const yusuan::budget& b) {
  std::size_t passed = 0;
  for (const auto& c : b.constraints()) passed += c.passed ? 1 : 0;
  os << "<h2 id=\"checks\">核对结果</h2>\n<p>" << b.constraints().size() << " 项核对，" << passed << " 项通过，"
     << b.constraints().size() - passed << " 项未通过；" << b.warnings().warning_count() << " 条警告。</p>\n"
     << "<table class=\"list\" id=\"check-list\"><thead><tr><th>#</th><th>结果</th><th>核对</th><th>位置</th></tr></thead><tbody>\n";
  std::size_t i = 0;
  for (const auto& c : b.constraints()) {
    const char* status = c.passed ? "<span class=\"ok\">✓ 通过</span>"
                         : c.level == yusuan::severity::warning ? "<span class=\"warn\">! 警告</span>"
                                                                 : "<span class=\"failed\">✗ 未通过</span>";
    os << "<tr><td class=\"num\">" << ++i << "</td><td>" << status << "</td><td><code>" << rp::esc(c.text)
       << "</code></td><td><code>" << rp::esc(where(c.span)) << "</code></td></tr>\n";
  }
  os << "</tbody></table>\n";
  if (!b.warnings().empty()) {
    os << "<h3 style=\"text-align:left\">警告</h3>\n<ul>\n";
    for (const auto& d : b.warnings())
      os << "<li><code>" << rp::esc(d.code) << "</code> " << rp::esc(d.message) << " <code>" << rp::esc(where(d.span))
         << "</code></li>\n";
    os << "</ul>\n";
  }
}

void write_charts(std::ostream& os, const yusuan::budget& b, const rp::amounts& u) {
  const money total = b.expenditure_total();
  os << "<h2 id=\"charts\">支出构成与变化</h2>\n<div class=\"charts\">\n";
  figure(os, "chart-function", "按支出功能分类（类）",
         rp::bar_chart(by_class(b, yusuan::dimension::function), total, u, "按支出功能分类（类）"));
  figure(os, "chart-econ", "按部门预算支出经济分类（类）",
         rp::bar_chart(by_class(b, yusuan::dimension::econ), total, u, "按部门预算支出经济分类（类）"));
  using yusuan::spending_kind;
  const money personnel = yusuan::total(b, yusuan::kind_is(spending_kind::personnel)).value();
  const money public_funds = yusuan::total(b, yusuan::kind_is(spending_kind::public_funds)).value();
  const money basic = yusuan::total(b, yusuan::kind_is(spending_kind::basic)).value();
  const money project = yusuan::total(b, yusuan::kind_is(spending_kind::project)).value();
  std::vector<rp::bar> parts{{"基本支出·人员经费", personnel}, {"基本支出·公用经费", public_funds}};
  if (basic != personnel + public_funds) parts.push_back({"基本支出·其他", basic - personnel - public_funds});
  parts.push_back({"项目支出", project});
  const money rest = total - basic - project;
  if (!rest.is_zero()) parts.push_back({"未分类", rest});
  figure(os, "chart-kind", "基本支出与项目支出", rp::stacked_bar(parts, u, "基本支出与项目支出"), true);
  std::vector<rp::change> changes;
  for (const auto& p : b.prior_figures())  // the budget's, not a unit's own
    if (auto cur = p.of_unit == yusuan::npos32 ? current_value(b, p.name) : std::nullopt) changes.push_back({p.name, p.amount, *cur});
  if (!changes.empty()) figure(os, "chart-change", "较上年变化", rp::change_chart(changes, u, "较上年变化"), true);
  std::vector<rp::bar> projects;
  for (const auto& p : b.projects()) projects.push_back({project_label(b, p), p.amount});
  std::stable_sort(projects.begin(), projects.end(), [](const rp::bar& x, const rp::bar& y) { return y.value < x.value; });
  if (!projects.empty())
    figure(os, "chart-projects", "项目金额", rp::bar_chart(projects, b.project_total(), u, "项目金额"), true);
  os << "</div>\n";
}

/// The page; `given` is --unit: the unit of every amount, the tables'
/// included, when given; else the budget's own, and each table's as the
/// template has it (`yusuan table`'s: Shanghai's 三公 table is in 万元).
void write_page(std::ostream& os, const yusuan::budget& b, const yusuan::tables::table_template& templ,
                std::optional<yusuan::unit> given) {
  const yusuan::unit u = given.value_or(b.amount_unit());
  const auto& h = b.header();
  const std::string title = h.title.empty() ? h.unit_name + " 预算" : h.title;
  os << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
     << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"yusuan "
     << yusuan::version_string << "\">\n<title>" << rp::esc(title) << "</title>\n<style>" << rp::style_sheet
     << "</style>\n</head>\n<body>\n<header class=\"top\"><h1>" << rp::esc(title) << "</h1>\n<p>单位：" << rp::esc(h.unit_name)
     << (h.unit_code.empty() ? "" : "（" + rp::esc(h.unit_code) + "）");
  if (h.type != yusuan::unit_type::unknown) os << " · 类型：" << rp::esc(yusuan::chinese_name(h.type));
  if (!h.department_name.empty()) os << " · 部门：" << rp::esc(h.department_name);
  os << "</p>\n<p>年度：" << h.year << " · 金额单位：" << rp::esc(yusuan::unit_name(u)) << "</p></header>\n"
     << "<nav><a href=\"#summary\">概况</a><a href=\"#charts\">图表</a><a href=\"#tables\">公开表</a>"
     << "<a href=\"#targets\">绩效目标</a><a href=\"#checks\">核对结果</a></nav>\n<main>\n";

  std::size_t passed = 0;
  for (const auto& c : b.constraints()) passed += c.passed ? 1 : 0;
  const std::string un(yusuan::unit_name(u));
  os << "<h2 id=\"summary\">概况</h2>\n<div class=\"cards\">\n";
  const rp::amounts a{u, h.thousands};
  card(os, "收入总计", a(b.income_grand_total()), un);
  card(os, "支出总计", a(b.expenditure_grand_total()), un);
  card(os, "基本支出", a(yusuan::total(b, yusuan::kind_is(yusuan::spending_kind::basic)).value()), un);
  card(os, "项目支出", a(yusuan::total(b, yusuan::kind_is(yusuan::spending_kind::project)).value()), un);
  card(os, "项目", std::to_string(b.projects().size()), "个");
  card(os, "核对通过", std::to_string(passed) + " / " + std::to_string(b.constraints().size()), "项");
  os << "</div>\n";

  write_charts(os, b, a);
  // a department's budget (its units' files imported) publishes 部门预算公开表
  os << "<h2 id=\"tables\">" << (b.units().size() > 1 ? "部门预算公开表" : "单位预算公开表") << "</h2>\n";
  yusuan::tables::options o;
  o.amount_unit = given;
  o.templ = &templ;
  // a table's section is "t" and its id (t03) unless the page has that id
  // already (table "ables": #tables is the heading above)
  rp::element_ids ids{"summary", "charts", "chart-function", "chart-econ", "chart-kind", "chart-change",
                      "chart-projects", "tables", "targets", "checks", "check-list"};
  for (const auto& t : yusuan::tables::build_all(b, o)) rp::write_table(os, t, ids.take("t" + t.id));
  write_targets(os, b, a);
  write_checks(os, b);
  os << "</main>\n<footer>由 yusuan " << yusuan::version_string << " 根据预算文件生成；所有金额均由预算明细精确计算。</footer>\n"
     << "</body>\n</html>\n";
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
  std::optional<yusuan::unit> unit;
  common_flags common;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << report_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--unit")) {
      unit = unit_option(args, i);
    } else if (looks_like_option(a)) {
      unknown_option("report", a, with_common({"--unit"}));
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 1) throw usage_error{"report needs one budget file (see yusuan report --help)"};
  const reporting r{false, use_color(common.color)};
  std::optional<yusuan::budget> b;
  if (int rc = load_budget(positional[0], b, r); rc != exit_ok) return rc;
  std::shared_ptr<const yusuan::tables::table_template> templ;
  if (int rc = template_for_command(*b, std::nullopt, r, templ); rc != exit_ok) return rc;
  std::ostringstream page;  // the whole page, or nothing
  try {
    write_page(page, *b, *templ, unit);
  } catch (const yusuan::budget_error& e) {  // a name of the template the budget does not define (E0805)
    report(r, e.diagnostics());
    return exit_budget_error;
  } catch (const yusuan::overflow_error& e) {  // a sum of items of both signs, a change from 上年 …
    return too_large(r, "<report>", positional[0], "a figure of the page", e);
  }
  output out(common.output);
  out.stream() << page.view();
  out.finish();
  return exit_ok;
}

}  // namespace cli
