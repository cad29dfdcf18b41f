// bench_hostile.cpp -- Google Benchmark figures for budgets of pathological
// shapes (tests/hostile/shapes.hpp) at 10^4, 10^5 and 10^6: the whole
// compile_string (catalog checks off), so that every pass is measured.  Each
// shape should grow linearly: the time per unit (ns/unit, a counter) stays
// about the same from one size to the next.
//
//   deep_constraints/N     N constraints, each nested 64 levels (the limit)
//   nested_blocks/N        N blocks in one another (E0713 past 256; all read)
//   conflicting_names/N    N items naming one code N ways (E0204, many diagnostics)
//   measure_chain/N        measures each defined by the next
//   measure_cycle/N        a cycle through N measures (E0302)
//   flat_sum/N             one constraint of N terms
//   or_chain/N             one filter of N conditions joined by 或
//   minus_signs/N, nots/N  N unary minus signs, N 非
//   many_items/N           N plain items
//   syntax_errors/N        N lines that are syntax errors (E0101, bounded report)
//   import_list/N          a root importing N files (held in memory)
//   import_chain/N         a chain of N imports (E0714 past 256)
#include "hostile/shapes.hpp"

#include <yusuan/compile.hpp>

#include <benchmark/benchmark.h>

#include <functional>
#include <string>

namespace {

yusuan::compile_options options() {
  yusuan::compile_options o;
  o.check_catalog = false;
  o.max_errors = 100;
  return o;
}

/// Compiles `root` once per iteration; ns/unit is the time over n units.
void measure(benchmark::State& state, std::size_t n, const std::string& root, const yusuan::compile_options& o) {
  for (auto _ : state) {
    yusuan::diagnostics d;
    auto b = yusuan::compile_string(root, "main.budget", d, o);
    benchmark::DoNotOptimize(b);
  }
  state.counters["ns/unit"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate |
                                                                                benchmark::Counter::kInvert);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * root.size()));
}

void run_text(benchmark::State& state, const std::function<std::string(std::size_t)>& shape) {
  const auto n = static_cast<std::size_t>(state.range(0));
  measure(state, n, shape(n), options());
}

void run_files(benchmark::State& state, std::map<std::string, std::string> (*shape)(std::size_t)) {
  const auto n = static_cast<std::size_t>(state.range(0));
  auto o = options();
  o.root = "/nonexistent-yusuan-bench-root";
  for (auto& [name, text] : shape(n)) o.files[name] = std::move(text);
  const std::string root = o.files.at("main.budget");
  measure(state, n, root, o);
}

std::string deep_constraint_lines(std::size_t n) {
  const std::string line = "核对 " + hostile::repeat("(", 64) + "1" + hostile::repeat(")", 64) + " = 1\n";
  return hostile::head() + hostile::repeat(line, n);
}

#define HOSTILE_TEXT(name, shape)                                                            \
  void name(benchmark::State& state) { run_text(state, shape); }                            \
  BENCHMARK(name)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1)

HOSTILE_TEXT(deep_constraints, deep_constraint_lines);
HOSTILE_TEXT(nested_blocks, hostile::nested_blocks);
HOSTILE_TEXT(conflicting_names, hostile::conflicting_names);
HOSTILE_TEXT(measure_chain, hostile::measure_chain);
HOSTILE_TEXT(measure_cycle, hostile::measure_cycle);
HOSTILE_TEXT(flat_sum, [](std::size_t n) { return hostile::flat_sum(n); });
HOSTILE_TEXT(or_chain, [](std::size_t n) { return hostile::or_chain(n); });
HOSTILE_TEXT(minus_signs, hostile::minus_signs);
HOSTILE_TEXT(nots, hostile::nots);
HOSTILE_TEXT(many_items, hostile::many_items);
HOSTILE_TEXT(syntax_errors, hostile::syntax_errors);

void import_list(benchmark::State& state) { run_files(state, hostile::import_list); }
BENCHMARK(import_list)->RangeMultiplier(10)->Range(1'000, 10'000)->Unit(benchmark::kMillisecond)->Iterations(1);
void import_chain(benchmark::State& state) { run_files(state, hostile::import_chain); }
BENCHMARK(import_chain)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
