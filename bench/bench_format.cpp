// bench_format.cpp -- Google Benchmark figures for yusuan fmt (format_budget)
// on budgets of pathological shapes (tests/hostile/shapes.hpp) and a plain
// one, at 10^4, 10^5 and 10^6 units.  Formatting is linear when ns/unit
// stays about the same from one size to the next.
//
//   many_items/N          N items in one block: one run of aligned amounts
//   nested_blocks/N       N blocks in one another (indentation stops at 32 levels)
//   conflicting_names/N   N items naming one code N ways
//   prior_repeats/N       N 上年 lines: one aligned run
//   flat_sum/N            one constraint of N terms, 1,000 a line
//   or_chain/N            one filter of N conditions joined by 或
//   nots_respelled/N      N 非 in one filter, every keyword respelled in English
//   deep_constraints/N    N constraints nested 64 levels
#include "hostile/shapes.hpp"

#include <yusuan/format.hpp>

#include <benchmark/benchmark.h>

#include <functional>
#include <string>

namespace {

void run(benchmark::State& state, const std::function<std::string(std::size_t)>& shape,
         yusuan::keyword_spelling_choice spelling = yusuan::keyword_spelling_choice::as_written) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string text = shape(n);
  yusuan::format_options o;
  o.spelling = spelling;
  for (auto _ : state) {
    yusuan::diagnostics d;
    auto out = yusuan::format_budget(text, "main.budget", d, o);
    if (!out) state.SkipWithError("did not format");
    benchmark::DoNotOptimize(out);
  }
  state.counters["ns/unit"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate |
                                                                                benchmark::Counter::kInvert);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

std::string deep_constraint_lines(std::size_t n) {
  const std::string line = "核对 " + hostile::repeat("(", 64) + "1" + hostile::repeat(")", 64) + " = 1\n";
  return hostile::head() + hostile::repeat(line, n);
}

#define FORMAT_SHAPE(name, ...)                                                         \
  void name(benchmark::State& state) { run(state, __VA_ARGS__); }                       \
  BENCHMARK(name)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1)

FORMAT_SHAPE(many_items, hostile::many_items);
FORMAT_SHAPE(nested_blocks, hostile::nested_blocks);
FORMAT_SHAPE(conflicting_names, hostile::conflicting_names);
FORMAT_SHAPE(prior_repeats, hostile::prior_repeats);
FORMAT_SHAPE(flat_sum, [](std::size_t n) { return hostile::flat_sum(n); });
FORMAT_SHAPE(or_chain, [](std::size_t n) { return hostile::or_chain(n); });
FORMAT_SHAPE(nots_respelled, hostile::nots, yusuan::keyword_spelling_choice::english);
FORMAT_SHAPE(deep_constraints, deep_constraint_lines);

}  // namespace

BENCHMARK_MAIN();
