// tools/report_charts.hpp -- the charts of the HTML report as inline SVG:
// horizontal bars, a stacked bar of shares, prior-year against current-year
// bars.  Every number printed is the exact amount, formatted as the tables
// print it; only the lengths of the bars are approximate.
#pragma once

#include <yusuan/money.hpp>

#include <string>
#include <vector>

namespace cli::page {

/// How amounts are printed: in a unit, with two decimals, with thousands
/// separators when the tables' text has them (the budget writes them).
struct amounts {
  yusuan::unit unit = yusuan::unit::yuan;
  bool thousands = false;
  std::string operator()(yusuan::money m) const { return m.format(unit, 2, thousands); }
};

/// A bar: its label (a code, a name) and an amount.
struct bar {
  std::string label;
  yusuan::money value;
};

/// Horizontal bars, largest first as given, each with its amount and its
/// share of `whole`.
std::string bar_chart(const std::vector<bar>& bars, yusuan::money whole, const amounts& u, const std::string& title);

/// One bar divided into segments with a legend of amounts and shares.
std::string stacked_bar(const std::vector<bar>& parts, const amounts& u, const std::string& title);

/// A measure with its prior-year and current-year amounts.
struct change {
  std::string label;
  yusuan::money prior, current;
};

/// Pairs of bars (上年, 本年) with the change in amount and in percent.
std::string change_chart(const std::vector<change>& rows, const amounts& u, const std::string& title);

}  // namespace cli::page
