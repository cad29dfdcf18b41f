// tools/report_charts.cpp -- inline SVG charts.
#include "report_charts.hpp"

#include "report_html.hpp"

#include <yusuan/text/width.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace cli::page {

namespace {

const char* const palette[] = {"#2f6db3", "#e07b39", "#3a9a5b", "#8e5bb5", "#c94f4f",
                               "#3fa4b8", "#b59a2f", "#6d7b8a", "#d16ba5", "#5a8f29"};
constexpr double char_px = 6.8;  // width of a display column at 13px
constexpr double row_h = 26;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

double label_width(const std::vector<std::string>& labels) {
  std::size_t w = 4;
  for (const auto& l : labels) w = std::max(w, yusuan::text::display_width(l));
  return std::min(360.0, static_cast<double>(w) * char_px + 12);
}

/// The length of a bar for `v` when `max` is `full` pixels long.
double length(yusuan::money v, yusuan::money max, double full) {
  if (max.fen() <= 0 || v.fen() <= 0) return 0;
  return full * static_cast<double>(v.fen()) / static_cast<double>(max.fen());
}

std::string open_svg(double w, double h, const std::string& title) {
  return "<svg role=\"img\" viewBox=\"0 0 " + num(w) + " " + num(h) + "\" width=\"" +
         num(w) + "\" height=\"" + num(h) + "\" style=\"max-width:100%;height:auto\"><title>" + esc(title) + "</title>";
}

std::string share_text(yusuan::money part, yusuan::money whole) {
  if (whole.is_zero()) return "";
  return yusuan::share(part, whole).format() + "%";
}

}  // namespace

std::string bar_chart(const std::vector<bar>& bars, yusuan::money whole, const amounts& u, const std::string& title) {
  std::vector<std::string> labels;
  yusuan::money max;
  for (const auto& b : bars) {
    labels.push_back(b.label);
    max = std::max(max, b.value);
  }
  const double lw = label_width(labels), full = 300, vw = 190;
  const double w = lw + full + vw, h = row_h * static_cast<double>(bars.size()) + 8;
  std::ostringstream os;
  os << open_svg(w, h, title);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const double y = 4 + row_h * static_cast<double>(i);
    const std::string amount = u(b.value), share = share_text(b.value, whole);
    os << "<g><title>" << esc(b.label) << "：" << amount << "（" << share << "）</title>"
       << "<text x=\"" << num(lw - 8) << "\" y=\"" << num(y + 16) << "\" text-anchor=\"end\" font-size=\"13\">"
       << esc(b.label) << "</text><rect x=\"" << num(lw) << "\" y=\"" << num(y + 4) << "\" width=\""
       << num(std::max(length(b.value, max, full), 1.0)) << "\" height=\"16\" fill=\"" << palette[i % 10] << "\"/>"
       << "<text x=\"" << num(lw + length(b.value, max, full) + 6) << "\" y=\"" << num(y + 16)
       << "\" font-size=\"12\" class=\"amount\">" << amount << (share.empty() ? "" : "  " + share) << "</text></g>";
  }
  os << "</svg>";
  return os.str();
}

std::string stacked_bar(const std::vector<bar>& parts, const amounts& u, const std::string& title) {
  yusuan::money whole;
  for (const auto& p : parts) whole += p.value;
  const double full = 760, w = 780, h = 44 + row_h * static_cast<double>(parts.size());
  std::ostringstream os;
  os << open_svg(w, h, title);
  double x = 10;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const double len = length(parts[i].value, whole, full);
    os << "<rect x=\"" << num(x) << "\" y=\"6\" width=\"" << num(len) << "\" height=\"26\" fill=\"" << palette[i % 10]
       << "\"><title>" << esc(parts[i].label) << "：" << u(parts[i].value) << "</title></rect>";
    x += len;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const double y = 42 + row_h * static_cast<double>(i);
    os << "<rect x=\"10\" y=\"" << num(y) << "\" width=\"14\" height=\"14\" fill=\"" << palette[i % 10] << "\"/>"
       << "<text x=\"32\" y=\"" << num(y + 12) << "\" font-size=\"13\">" << esc(parts[i].label) << " "
       << u(parts[i].value) << " " << esc(yusuan::unit_name(u.unit)) << " " << share_text(parts[i].value, whole)
       << "</text>";
  }
  os << "</svg>";
  return os.str();
}

std::string change_chart(const std::vector<change>& rows, const amounts& u, const std::string& title) {
  std::vector<std::string> labels;
  yusuan::money max;
  for (const auto& r : rows) {
    labels.push_back(r.label);
    max = std::max({max, r.prior, r.current});
  }
  const double lw = label_width(labels), full = 280, vw = 260, group_h = 46;
  const double w = lw + full + vw, h = 30 + group_h * static_cast<double>(rows.size());
  std::ostringstream os;
  os << open_svg(w, h, title);
  os << "<rect x=\"" << num(lw) << "\" y=\"4\" width=\"12\" height=\"12\" fill=\"#9aa7b5\"/><text x=\"" << num(lw + 18)
     << "\" y=\"15\" font-size=\"12\">上年</text><rect x=\"" << num(lw + 60) << "\" y=\"4\" width=\"12\" height=\"12\" fill=\""
     << palette[0] << "\"/><text x=\"" << num(lw + 78) << "\" y=\"15\" font-size=\"12\">本年</text>";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const double y = 26 + group_h * static_cast<double>(i);
    const yusuan::money diff = r.current - r.prior;
    std::string delta = (diff.sign() > 0 ? "+" : "") + u(diff);
    if (!r.prior.is_zero()) {
      const auto pct = yusuan::change(r.current, r.prior);
      delta += "（" + std::string(pct.units() > 0 ? "+" : "") + pct.format() + "%）";
    }
    os << "<g><title>" << esc(r.label) << "：上年 " << u(r.prior) << "，本年 " << u(r.current)
       << "，增减 " << delta << "</title><text x=\"" << num(lw - 8) << "\" y=\"" << num(y + 20)
       << "\" text-anchor=\"end\" font-size=\"13\">" << esc(r.label) << "</text>"
       << "<rect x=\"" << num(lw) << "\" y=\"" << num(y + 2) << "\" width=\"" << num(std::max(length(r.prior, max, full), 1.0))
       << "\" height=\"14\" fill=\"#9aa7b5\"/><text x=\"" << num(lw + length(r.prior, max, full) + 6) << "\" y=\""
       << num(y + 13) << "\" font-size=\"11\">" << u(r.prior) << "</text>"
       << "<rect x=\"" << num(lw) << "\" y=\"" << num(y + 18) << "\" width=\""
       << num(std::max(length(r.current, max, full), 1.0)) << "\" height=\"14\" fill=\"" << palette[0] << "\"/><text x=\""
       << num(lw + length(r.current, max, full) + 6) << "\" y=\"" << num(y + 29) << "\" font-size=\"11\">"
       << u(r.current) << "  " << delta << "</text></g>";
  }
  os << "</svg>";
  return os.str();
}

}  // namespace cli::page
