// bench_query.cpp -- Google Benchmark figures for the query engine
// (<yusuan/query.hpp>) on a large generated budget.
//
// A deterministic generator (seeded RNG) writes the text of a budget of N
// items (default 1,000,000; YUSUAN_BENCH_ITEMS=n for another size) for a 参公
// unit, and yusuan::compile_string builds the model once, before any timing:
//   * 300 functional 项 codes: every 项 of the 2024 catalog (269) and 31 local
//     项 declared with `科目` under catalog 款;
//   * the 105 部门 economic 款 of the catalog, each with its standard 政府 款
//     for a 参公 unit (部门 → 政府 pairs), 人员经费 on 301/303, 公用经费 on
//     302/310, projects on any 款;
//   * kinds from blocks: 人员经费 ~40 %, 公用经费 ~20 % (基本支出), 特定目标类
//     ~25 %, 其他运转类 ~15 % (项目支出), in blocks of 20-60 items interleaved;
//   * 资金 事业收入 on ~10 % of the items, tags on ~7 % (项目类别=…, 来源=本级).
// The budget must check without an error or a warning (the benchmark stops
// with an error otherwise).
//
// Benchmarks (wall time per query, ms; the budget is loaded once, outside):
//   group_function_item_x_econ_section  run(b, query{}.sum().group_by(function, 3).group_by(econ, 2))
//                                       target <= 20 ms
//   filtered_sum_sangong                sum where econ in (30212, 30217, 30231, 31013)   target <= 5 ms
//   filtered_sum_basic_208              sum where kind = 基本支出 and function = 208      target <= 5 ms
//   rollup_function_item                sum by function.项 rollup
//   pivot_kind_x_econ_class             sum by kind pivot econ.类
//   group_tag                           sum by 项目类别 (a tag)
//   filtered_sum_tag                    sum where 来源 = 本级 (a tag)
//   group_four_dimensions_hashed        sum by function.项, econ.款, gov-econ.款, fund: more cells
//                                       than items, so cells are hashed
//   count_min_max_by_kind               max by kind where fund = 事业收入
//   language_group_function_item_x_econ the first query parsed from text each time
//   item_scan                           Σ amount over the items (48-byte structs), a plain loop:
//                                       what any scan of the items costs; queries read narrower columns
#include <yusuan/budget.hpp>
#include <yusuan/catalog.hpp>
#include <yusuan/compile.hpp>
#include <yusuan/query.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using yusuan::dimension;
using yusuan::query;

constexpr std::uint64_t kSeed = 0x7175657279ULL;  // "query"

std::size_t item_count() {
  if (const char* e = std::getenv("YUSUAN_BENCH_ITEMS")) {
    const long long n = std::atoll(e);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 1'000'000;
}

struct econ_pair {
  std::string dept, gov;
};

/// The codes the generator draws from (2024 catalog, 参公 mapping).
struct code_sets {
  std::vector<std::string> functions;         // 7-digit 项
  std::vector<std::string> local_functions;   // declared with 科目
  std::vector<econ_pair> personnel, public_, project;
};

code_sets make_codes() {
  code_sets c;
  const auto& cat = yusuan::catalog::edition(2024);
  std::set<std::string> known;
  std::vector<std::string> sections;
  for (const auto& e : cat.entries(yusuan::code_family::function)) {
    known.insert(std::string(e.code));
    if (e.code.size() == 7) c.functions.emplace_back(e.code);
    if (e.code.size() == 5) sections.emplace_back(e.code);
  }
  // Local 项 up to 300 codes, "81", "82", … under the catalog's 款 in turn.
  for (std::size_t i = 0; c.functions.size() + c.local_functions.size() < 300 && i < sections.size() * 9; ++i) {
    const std::string code = sections[i % sections.size()] + "8" + std::to_string(1 + i / sections.size());
    if (!known.count(code)) c.local_functions.push_back(code);
  }
  for (const auto& e : cat.entries(yusuan::code_family::econ)) {
    if (e.code.size() != 5) continue;
    const auto gov = cat.gov_econ_for(e.code, yusuan::unit_type::civil_service);
    if (gov.empty()) continue;
    econ_pair p{std::string(e.code), std::string(gov.front())};
    const std::string_view cls = std::string_view(e.code).substr(0, 3);
    if (cls == "301" || cls == "303") c.personnel.push_back(p);
    if (cls == "302" || cls == "310") c.public_.push_back(p);
    c.project.push_back(p);
  }
  return c;
}

struct generated {
  std::string text;
  std::size_t items = 0;
};

generated generate(std::size_t n, const code_sets& codes) {
  std::mt19937_64 rng(kSeed);
  auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  std::vector<std::string> all_functions = codes.functions;
  all_functions.insert(all_functions.end(), codes.local_functions.begin(), codes.local_functions.end());

  generated g;
  std::string& s = g.text;
  s.reserve(n * 40 + 4096);
  s += "标题 \"查询基准\"\n年度 2024\n金额单位 元\n单位 900001 \"查询基准单位\" 类型 参公\n";
  for (std::size_t i = 0; i < codes.local_functions.size(); ++i)
    s += "科目 " + codes.local_functions[i] + " \"本地项目" + std::to_string(i + 1) + "\"\n";

  auto item = [&](const std::vector<econ_pair>& pairs) {
    s += "    ";
    s += all_functions[pick(all_functions.size())];
    const auto& e = pairs[pick(pairs.size())];
    s += ' ';
    s += e.dept;
    s += " → ";
    s += e.gov;
    s += ": ";
    const std::uint64_t fen = 100 + rng() % 9'999'900;
    s += std::to_string(fen / 100);
    s += '.';
    s += static_cast<char>('0' + fen / 10 % 10);
    s += static_cast<char>('0' + fen % 10);
    const auto r = pick(100);
    if (r < 10) s += " 资金 事业收入";
    if (r >= 10 && r < 14) s += " 项目类别=公用经费综合定额";
    if (r >= 14 && r < 15) s += " 项目类别=离退休人员公用经费";
    if (r >= 15 && r < 17) s += " 来源=本级";
    s += '\n';
    ++g.items;
  };
  while (g.items < n) {
    const auto r = pick(100);
    const bool basic = r < 60;
    const char* kind = r < 40 ? "人员经费" : r < 60 ? "公用经费" : r < 85 ? "特定目标类" : "其他运转类";
    const auto& pairs = r < 40 ? codes.personnel : r < 60 ? codes.public_ : codes.project;
    s += basic ? "基本支出 {\n" : "项目支出 {\n";
    s += "  ";
    s += kind;
    s += " {\n";
    const std::size_t block = 20 + pick(41);
    for (std::size_t i = 0; i < block && g.items < n; ++i) item(pairs);
    s += "  }\n}\n";
  }
  return g;
}

struct big {
  std::optional<yusuan::budget> budget;
  std::string error;
  std::size_t text_bytes = 0;
  double load_seconds = 0;
};

const big& big_budget() {
  static const big b = [] {
    big out;
    const auto codes = make_codes();
    const auto g = generate(item_count(), codes);
    out.text_bytes = g.text.size();
    const auto t0 = std::chrono::steady_clock::now();
    yusuan::diagnostics diags;
    auto r = yusuan::compile_string(g.text, "bench-query.budget", diags);
    out.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r || !diags.empty()) {
      std::ostringstream os;
      std::size_t shown = 0;
      for (const auto& d : diags) {
        if (++shown > 5) break;
        os << d.code << " " << d.message << "; ";
      }
      out.error = "the generated budget does not check clean (" + std::to_string(diags.size()) +
                  " diagnostics): " + os.str();
      return out;
    }
    out.budget = std::move(r);
    std::fprintf(stderr, "bench_query: %zu items (%zu functional 项, %zu+%zu+%zu econ pairs), %.1f MB of text, "
                         "compiled in %.2f s\n",
                 out.budget->items().size(), codes.functions.size() + codes.local_functions.size(),
                 codes.personnel.size(), codes.public_.size(), codes.project.size(), out.text_bytes / 1e6,
                 out.load_seconds);
    return out;
  }();
  return b;
}

/// Runs `q` on the big budget in the timing loop.
void run_query(benchmark::State& state, const query& q) {
  const auto& b = big_budget();
  if (!b.budget) {
    state.SkipWithError(b.error.c_str());
    return;
  }
  std::size_t rows = 0;
  for (auto _ : state) {
    auto t = yusuan::run(*b.budget, q);
    rows = t.size();
    benchmark::DoNotOptimize(t);
  }
  const auto n = static_cast<double>(b.budget->items().size());
  state.counters["items"] = n;
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["items_per_second"] = benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
}

void group_function_item_x_econ_section(benchmark::State& state) {
  run_query(state, query{}.sum().group_by(dimension::function, 3).group_by(dimension::econ, 2));
}

void filtered_sum_sangong(benchmark::State& state) {
  run_query(state, query{}.sum().filtered(yusuan::econ_in({30212, 30217, 30231, 31013})));
}

void filtered_sum_basic_208(benchmark::State& state) {
  run_query(state, query{}.sum().filtered(yusuan::kind_is(yusuan::spending_kind::basic) &&
                                          yusuan::function_is(*yusuan::function_code::parse("208"))));
}

void rollup_function_item(benchmark::State& state) {
  run_query(state, query{}.sum().group_by(dimension::function, 3).with_rollup());
}

void pivot_kind_x_econ_class(benchmark::State& state) {
  run_query(state, query{}.sum().group_by(dimension::kind).pivot_by({dimension::econ, 1, {}}));
}

void group_tag(benchmark::State& state) {
  run_query(state, query{}.sum().group_by_tag("项目类别"));
}

void filtered_sum_tag(benchmark::State& state) {
  const auto& b = big_budget();
  if (!b.budget) {
    state.SkipWithError(b.error.c_str());
    return;
  }
  run_query(state, query{}.sum().filtered(yusuan::tag_is(*b.budget, "来源", "本级")));
}

void group_four_dimensions_hashed(benchmark::State& state) {
  run_query(state, query{}
                       .sum()
                       .group_by(dimension::function, 3)
                       .group_by(dimension::econ, 2)
                       .group_by(dimension::gov_econ, 2)
                       .group_by(dimension::fund));
}

void count_min_max_by_kind(benchmark::State& state) {
  run_query(state, query{}.max().group_by(dimension::kind).filtered(yusuan::fund_is(yusuan::fund_source::institution_revenue)));
}

void language_group_function_item_x_econ(benchmark::State& state) {
  const auto& b = big_budget();
  if (!b.budget) {
    state.SkipWithError(b.error.c_str());
    return;
  }
  for (auto _ : state) {
    auto t = yusuan::run(*b.budget, yusuan::parse_query("合计 按 功能.项, 经济.款", *b.budget));
    benchmark::DoNotOptimize(t);
  }
}

void item_scan(benchmark::State& state) {
  const auto& b = big_budget();
  if (!b.budget) {
    state.SkipWithError(b.error.c_str());
    return;
  }
  for (auto _ : state) {
    std::int64_t s = 0;
    for (const auto& it : b.budget->items()) s += it.amount.fen();
    benchmark::DoNotOptimize(s);
  }
}

}  // namespace

BENCHMARK(group_function_item_x_econ_section)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(filtered_sum_sangong)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(filtered_sum_basic_208)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(rollup_function_item)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(pivot_kind_x_econ_class)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(group_tag)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(filtered_sum_tag)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(group_four_dimensions_hashed)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(count_min_max_by_kind)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(language_group_function_item_x_econ)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(item_scan)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
