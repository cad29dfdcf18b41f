// tools/report_html.cpp -- HTML escaping, element ids, tables as HTML, the
// style sheet.
#include "report_html.hpp"

#include "header_cells.hpp"

#include <yusuan/text/escape.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace cli::page {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* const e = p + s.size();
  while (p < e) {
    const char* at = p;
    const char32_t c = yusuan::text::decode(p, e);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n':
      case '\r': out.append(at, p); break;
      default:
        // a control character or a bidirectional override is shown as its
        // escape (\0, \e, \u{202e}), as on a terminal: a name cannot hide
        // text or make a row read otherwise than it holds
        if (yusuan::text::is_unsafe_for_terminal(c)) out += yusuan::text::terminal_safe(std::string_view(at, p - at));
        else out.append(at, p);
    }
  }
  return out;
}

element_ids::element_ids(std::initializer_list<std::string_view> reserved) {
  for (auto r : reserved) used_.emplace(r);
}

std::string element_ids::take(std::string_view wanted) {
  std::string base(wanted);
  for (char& c : base)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') c = '_';  // an id has no whitespace
  if (used_.insert(base).second) return base;
  for (std::size_t n = 2;; ++n)
    if (auto id = base + "-" + std::to_string(n); used_.insert(id).second) return id;
}

namespace {

namespace tb = yusuan::tables;

/// The header rows, cells spanning the columns and rows they cover.
void write_head(std::ostream& os, const tb::table& t) {
  std::size_t depth = 1;
  const auto cells = header_cells(t, depth);
  os << "<thead>\n";
  for (std::size_t row = 0, i = 0; row < depth; ++row) {
    os << "<tr>";
    for (; i < cells.size() && cells[i].row == row; ++i) {
      const auto& h = cells[i];
      os << "<th scope=\"col\"";
      if (h.last_col > h.first_col) os << " colspan=\"" << h.last_col - h.first_col + 1 << "\"";
      if (h.rows > 1) os << " rowspan=\"" << h.rows << "\"";
      os << ">" << esc(h.text) << "</th>";
    }
    os << "</tr>\n";
  }
  os << "</thead>\n";
}

}  // namespace

void write_table(std::ostream& os, const tb::table& t, std::string_view id) {
  os << "<section class=\"table\" id=\"" << esc(id) << "\">\n<p class=\"label\">" << esc(t.label) << "</p>\n<h3>"
     << esc(t.title) << "</h3>\n<p class=\"unitline\"><span>" << esc(t.unit_label) << "：" << esc(t.unit_name) << "</span><span>单位："
     << esc(yusuan::unit_name(t.amount_unit)) << "</span></p>\n<div class=\"scroll\"><table class=\"grid\">\n";
  write_head(os, t);
  os << "<tbody>\n";
  for (const auto& r : t.rows) {
    os << "<tr class=\"" << tb::role_name(r.role) << "\">";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const bool amount = c < r.cells.size() && r.cells[c].amount;
      os << (amount ? "<td class=\"num\">" : "<td>") << esc(t.shown(r, c)) << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</tbody>\n</table></div>\n";
  for (const auto& n : t.notes) os << "<p class=\"note\">" << esc(n) << "</p>\n";
  os << "</section>\n";
}

const char* const style_sheet = R"(
:root { --ink: #1d2733; --muted: #5b6878; --line: #c9d2dd; --head: #eef2f7; --accent: #2f6db3; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
header.top { padding: 28px 40px 18px; border-bottom: 3px solid var(--accent); }
header.top h1 { margin: 0 0 6px; font-size: 26px; }
header.top p { margin: 2px 0; color: var(--muted); }
nav { padding: 10px 40px; background: var(--head); font-size: 13px; }
nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
main { padding: 10px 40px 40px; max-width: 1280px; }
h2 { margin: 34px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); font-size: 20px; }
h3 { margin: 4px 0 6px; font-size: 16px; text-align: center; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 180px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card .k { color: var(--muted); font-size: 13px; }
.card .v { font-size: 22px; font-variant-numeric: tabular-nums; }
.card .u { color: var(--muted); font-size: 12px; margin-left: 4px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px 28px; }
figure { margin: 0; }
figure.wide { grid-column: 1 / -1; }
figcaption { font-weight: bold; margin-bottom: 6px; }
svg text { font-family: inherit; }
.label { margin: 18px 0 0; color: var(--muted); font-size: 12px; }
.unitline { display: flex; justify-content: space-between; margin: 0 0 4px; font-size: 13px; }
.scroll { overflow-x: auto; }
table.grid, table.list { border-collapse: collapse; width: 100%; font-size: 13px; }
table.grid th, table.grid td, table.list th, table.list td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: middle; }
table.grid th, table.list th { background: var(--head); font-weight: 600; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; }
tr.note td { color: var(--muted); }
.note { color: var(--muted); font-size: 12px; margin: 4px 0; }
.ok { color: #1f7a3a; font-weight: bold; }
.failed { color: #b3261e; font-weight: bold; }
.warn { color: #9a6700; font-weight: bold; }
code { font-size: 12px; }
footer { color: var(--muted); font-size: 12px; padding: 0 40px 30px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10.5pt; }
  nav { display: none; }
  header.top, main, footer { padding-left: 0; padding-right: 0; }
  .charts { display: block; }
  figure, .card, tr { break-inside: avoid; }
  section.table { break-before: page; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
}
)";

}  // namespace cli::page
