// bench_tables.cpp -- Google Benchmark figures for the disclosure tables
// (<yusuan/tables.hpp>): tables of templates rendered over a generated budget
// of N items (default 1,000,000; YUSUAN_BENCH_ITEMS=n for another size).
//
// A deterministic generator (seeded RNG) writes the text of a budget of one
// 行政 unit: 360 functional 项 (12 类 × 5 款 × 6 项), 60 economic 款 (301,
// 302, 303, 310), kinds 人员经费 / 公用经费 (基本支出) and 特定目标类 / 其他运转类
// (项目支出), 资金 事业收入 on ~10 % of the items, and the income that
// balances them.  yusuan::compile_string builds it once (catalog checks off),
// before any timing.
//
// Benchmarks (wall time per table, built and written as text):
//   luoyang_03_by_function    预算03表: a row per unit and functional 项, 9 amount columns  target < 1 s
//   luoyang_07_by_econ        预算07表: economic 类 and 款 by kind
//   luoyang_08_sangong        预算08表: one row of six filtered sums
//   shanghai_t3_levels        上海9表 T3: 类, 款 and 项 rows with subtotals
//   shanghai_t8_econ          上海9表 T8: 基本支出 by economic 类 and 款
//   luoyang_table/NN          each other table of 洛阳13表
//   luoyang_all_13            all 13 tables of 洛阳13表
#include <yusuan/budget.hpp>
#include <yusuan/compile.hpp>
#include <yusuan/tables.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace tb = yusuan::tables;

std::size_t item_count() {
  if (const char* e = std::getenv("YUSUAN_BENCH_ITEMS")) {
    const long long n = std::atoll(e);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 1'000'000;
}

std::string generate(std::size_t n) {
  std::mt19937_64 rng(0x7461626c6573ULL);  // "tables"
  const char* classes[] = {"201", "205", "206", "207", "208", "210", "211", "212", "213", "214", "216", "221"};
  std::vector<std::string> functions;
  for (const char* c : classes)
    for (int k = 1; k <= 5; ++k)
      for (int x = 1; x <= 6; ++x) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%s %02d %02d", c, k, x);
        functions.emplace_back(buf);
      }
  std::vector<std::string> personnel, public_, capital;
  for (int i = 1; i <= 14; ++i) personnel.push_back("301" + std::string(i < 10 ? "0" : "") + std::to_string(i));
  for (int i = 1; i <= 9; ++i) personnel.push_back("3030" + std::to_string(i));
  for (int i = 1; i <= 31; ++i) public_.push_back("302" + std::string(i < 10 ? "0" : "") + std::to_string(i));
  for (int i = 1; i <= 6; ++i) capital.push_back("3100" + std::to_string(i));
  std::ostringstream items;
  std::int64_t total_fen = 0, own_fen = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& f = functions[rng() % functions.size()];
    const auto r = rng() % 100;
    const std::int64_t fen = 100 + static_cast<std::int64_t>(rng() % 9'999'900);
    const bool own = rng() % 10 == 0;
    items << f;
    if (r < 40) items << " 基本支出 人员经费 " << personnel[rng() % personnel.size()];
    else if (r < 60) items << " 基本支出 公用经费 " << public_[rng() % public_.size()];
    else if (r < 85) items << " 项目支出 特定目标类 " << (rng() % 4 ? public_[rng() % public_.size()] : capital[rng() % capital.size()]);
    else items << " 项目支出 其他运转类 " << public_[rng() % public_.size()];
    items << ": " << fen / 100 << '.' << (fen % 100 < 10 ? "0" : "") << fen % 100;
    if (own) items << " 资金 事业收入";
    items << '\n';
    total_fen += fen;
    if (own) own_fen += fen;
  }
  auto amount = [](std::int64_t fen) {
    return std::to_string(fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + std::to_string(fen % 100);
  };
  std::ostringstream out;
  out << "标题 \"表格基准单位 2025 年预算\"\n年度 2025\n金额单位 元\n单位 101001 \"表格基准单位\" 类型 行政\n"
      << "收入 一般公共预算 " << amount(total_fen - own_fen) << " 其中 财政拨款 " << amount(total_fen - own_fen) << "\n"
      << "收入 事业收入 " << amount(own_fen) << "\n"
      << items.str();
  return out.str();
}

const yusuan::budget& budget() {
  static const yusuan::budget b = [] {
    yusuan::compile_options o;
    o.check_catalog = false;
    yusuan::diagnostics d;
    auto r = yusuan::compile_string(generate(item_count()), "tables.budget", d, o);
    if (!r || d.has_errors()) {
      yusuan::render_text(std::cerr, d);
      std::abort();
    }
    return std::move(*r);
  }();
  return b;
}

void render(benchmark::State& state, const char* templ, const char* id) {
  const auto& b = budget();
  tb::options o;
  o.templ = tb::find_template(templ);
  std::size_t rows = 0;
  for (auto _ : state) {
    const auto t = tb::build(b, id, o);
    std::ostringstream os;
    tb::write(os, t, "text");
    rows = t.rows.size();
    benchmark::DoNotOptimize(os.str().size());
  }
  state.counters["items"] = static_cast<double>(b.items().size());
  state.counters["rows"] = static_cast<double>(rows);
}

void luoyang_03_by_function(benchmark::State& s) { render(s, "洛阳13表", "03"); }
void luoyang_07_by_econ(benchmark::State& s) { render(s, "洛阳13表", "07"); }
void luoyang_08_sangong(benchmark::State& s) { render(s, "洛阳13表", "08"); }
void shanghai_t3_levels(benchmark::State& s) { render(s, "上海9表", "T3"); }
void shanghai_t8_econ(benchmark::State& s) { render(s, "上海9表", "T8"); }

void luoyang_all_13(benchmark::State& state) {
  const auto& b = budget();
  for (auto _ : state) {
    std::ostringstream os;
    for (const auto& t : tb::build_all(b, tb::default_template())) tb::write(os, t, "text");
    benchmark::DoNotOptimize(os.str().size());
  }
  state.counters["items"] = static_cast<double>(b.items().size());
}

BENCHMARK(luoyang_03_by_function)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(luoyang_07_by_econ)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(luoyang_08_sangong)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(shanghai_t3_levels)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(shanghai_t8_econ)->Unit(benchmark::kMillisecond)->UseRealTime();
// each table of 洛阳13表 on its own
void luoyang_table(benchmark::State& s, const char* id) { render(s, "洛阳13表", id); }
BENCHMARK_CAPTURE(luoyang_table, 01, "01")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 02, "02")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 04, "04")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 05, "05")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 06, "06")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 09, "09")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 10, "10")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 11, "11")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 12, "12")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(luoyang_table, 13, "13")->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(luoyang_all_13)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
