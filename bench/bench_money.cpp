// bench_money.cpp -- Google Benchmark figures for yusuan::money.
//
// Every yusuan operation is measured beside the same loop over raw int64_t,
// __int128, double and boost::multiprecision::cpp_dec_float_50, on the same
// pre-generated inputs (seeded RNG, so every run sees the same data).
//
// Benchmark names are "<group>/<variant>".  Each group has one baseline
// (int64 for arithmetic, strtoll / to_chars for text) and every entry reports
// items/second, so scripts/bench-money.sh can print "money / int64 = 1.05x".
//
// Groups:
//   add/*           sum of 4096 amounts (money: operator+, money_sum, and yusuan::sum over a span)
//   lt/*            count of 4096 amounts below a threshold
//   max/*           largest of 4096 amounts
//   mul/*           4096 amounts times a rate with 4 decimals, rounded half-up to 分
//   parse/*         4096 short amounts ("38381.46", "-1543.19", "0.5") from text
//   format/*        4096 short amounts to text
//   parse_format/*  parse then format, per amount (target: >= 20 million/s)
//
// Keeping the work: every benchmark either folds its results into a value
// handed to benchmark::DoNotOptimize, or writes them to an output buffer that
// is passed to DoNotOptimize followed by ClobberMemory.  DoNotOptimize has a
// "memory" clobber, so the inputs are re-read on every iteration and no loop
// can be hoisted out of the timing loop.
#include <yusuan/money.hpp>

#include <benchmark/benchmark.h>
#include <boost/multiprecision/cpp_dec_float.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ios>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using yusuan::decimal;
using yusuan::money;
using yusuan::money_sum;
using yusuan::rounding;
using dec50 = boost::multiprecision::cpp_dec_float_50;
__extension__ typedef __int128 i128;  // __extension__: no -Wpedantic warning

constexpr std::size_t kN = 4096;
constexpr std::uint64_t kSeed = 0x79757375616eULL;  // "yusuan"
constexpr std::size_t kSlot = 64;                   // output bytes reserved per formatted amount

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/// Budget lines in 分: the number of digits is uniform in [1, 11] (0.01 元 up
/// to about 10 亿元), about one line in eight is negative (a reduction).  The sum
/// of 4096 of them cannot overflow int64, so every variant does the same work.
std::vector<std::int64_t> make_amounts(std::size_t n, std::uint64_t seed, int max_digits) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> digits(1, max_digits);
  std::bernoulli_distribution negative(0.125);
  std::vector<std::int64_t> v(n);
  for (auto& x : v) {
    const int d = digits(rng);
    std::int64_t lo = 1;
    for (int k = 1; k < d; ++k) lo *= 10;
    std::uniform_int_distribution<std::int64_t> mag(d == 1 ? 0 : lo, lo * 10 - 1);
    x = mag(rng);
    if (negative(rng)) x = -x;
  }
  return v;
}

/// Rates such as 1.0325 or 0.0600 as units of 10^-4, in [0, 2.0000].
std::vector<std::int64_t> make_rates(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::int64_t> units(0, 20'000);
  std::vector<std::int64_t> v(n);
  for (auto& r : v) r = units(rng);
  return v;
}

/// "1234567" -> "1,234,567".
std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k != 0 && (n - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

/// Short amounts as written in budget tables.  Most have two decimals
/// ("38381.46"); some one ("0.5"), some none ("1200"); one in eight is
/// negative.  `grouped` writes thousands separators ("12,345.67").  The value
/// in 分 of each string is returned in `fen`.
std::vector<std::string> make_texts(std::size_t n, std::uint64_t seed, bool grouped, std::vector<std::int64_t>& fen) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> int_digits(1, 8);
  std::uniform_int_distribution<int> style(0, 9);  // 0: no decimals, 1: one decimal, else two
  std::uniform_int_distribution<int> digit(0, 9);
  std::bernoulli_distribution negative(0.125);
  std::vector<std::string> texts(n);
  fen.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const int d = int_digits(rng);
    std::string whole;
    for (int k = 0; k < d; ++k) whole += static_cast<char>('0' + (k == 0 && d > 1 ? 1 + digit(rng) % 9 : digit(rng)));
    const int s = style(rng);
    const int decimals = s == 0 ? 0 : s == 1 ? 1 : 2;
    std::string frac;
    for (int k = 0; k < decimals; ++k) frac += static_cast<char>('0' + digit(rng));
    const bool neg = negative(rng);
    std::int64_t v = std::stoll(whole) * 100;
    if (decimals >= 1) v += (frac[0] - '0') * 10;
    if (decimals == 2) v += frac[1] - '0';
    fen[i] = neg ? -v : v;
    std::string t = neg ? "-" : "";
    t += grouped ? group_thousands(whole) : whole;
    if (decimals > 0) t += '.' + frac;
    texts[i] = t;
  }
  return texts;
}

struct inputs {
  // arithmetic
  std::vector<std::int64_t> i64;
  std::vector<i128> i128v;
  std::vector<double> dbl;  // 元
  std::vector<dec50> d50;   // 元
  std::vector<money> mon;
  std::vector<std::int64_t> rate_units;
  std::vector<double> rate_dbl;
  std::vector<dec50> rate_d50;
  std::vector<decimal<4>> rate_dec;
  // text
  std::vector<std::string> text;          // "38381.46", "-1543.19", "0.5", "1200"
  std::vector<std::string_view> text_sv;  // views of `text`
  std::vector<std::int64_t> text_fen;     // the value of each text in 分
  std::vector<std::string> grouped;       // "12,345.67"
  std::vector<std::string_view> grouped_sv;
  std::vector<money> text_mon;
  std::vector<double> text_dbl;
  std::vector<dec50> text_d50;
};

const inputs& data() {
  static const inputs in = [] {
    inputs d;
    d.i64 = make_amounts(kN, kSeed, 11);
    for (auto x : d.i64) {
      d.i128v.push_back(x);
      d.dbl.push_back(static_cast<double>(x) / 100.0);
      d.d50.push_back(dec50(x) / 100);
      d.mon.push_back(money::from_fen(x));
    }
    d.rate_units = make_rates(kN, kSeed + 1);
    for (auto r : d.rate_units) {
      d.rate_dbl.push_back(static_cast<double>(r) / 10'000.0);
      d.rate_d50.push_back(dec50(r) / 10'000);
      d.rate_dec.push_back(decimal<4>::from_units(r));
    }
    d.text = make_texts(kN, kSeed + 2, false, d.text_fen);
    std::vector<std::int64_t> grouped_fen;
    d.grouped = make_texts(kN, kSeed + 2, true, grouped_fen);  // same values, with separators
    for (std::size_t i = 0; i < kN; ++i) {
      d.text_sv.emplace_back(d.text[i]);
      d.grouped_sv.emplace_back(d.grouped[i]);
      d.text_mon.push_back(money::from_fen(d.text_fen[i]));
      d.text_dbl.push_back(static_cast<double>(d.text_fen[i]) / 100.0);
      d.text_d50.push_back(dec50(d.text_fen[i]) / 100);
    }
    return d;
  }();
  return in;
}

// ---------------------------------------------------------------------------
// Baseline helpers
// ---------------------------------------------------------------------------

/// int64 multiply by a 4-decimal rate, rounded half away from zero (四舍五入).
inline std::int64_t mul_round_i64(std::int64_t x, std::int64_t r) {
  const std::int64_t p = x * r;
  return (p + (p >= 0 ? 5'000 : -5'000)) / 10'000;
}
inline std::int64_t mul_round_i128(std::int64_t x, std::int64_t r) {
  const i128 p = static_cast<i128>(x) * r;
  return static_cast<std::int64_t>((p + (p >= 0 ? 5'000 : -5'000)) / 10'000);
}

/// "[-]digits[.d[d]]" to 分 with strtoll: the integer part, then the fraction
/// (at most two digits; no grouping, no validation).  Needs a NUL-terminated string.
inline std::int64_t strtoll_fen(const char* p) {
  const bool neg = *p == '-';
  char* end = nullptr;
  long long v = std::strtoll(p, &end, 10) * 100;
  if (*end == '.') {
    char* fend = nullptr;
    long long frac = std::strtoll(end + 1, &fend, 10);
    if (fend - end == 2) frac *= 10;  // one decimal: "0.5" is 50 分
    v = neg ? v - frac : v + frac;
  }
  return v;
}

/// 分 to "[-]yuan.ff" with std::to_chars for the whole part.
inline char* to_chars_fen(char* p, char* last, std::int64_t fen) {
  std::uint64_t mag = fen < 0 ? 0ULL - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  if (fen < 0) *p++ = '-';
  p = std::to_chars(p, last, mag / 100).ptr;
  const auto f = static_cast<unsigned>(mag % 100);
  *p++ = '.';
  *p++ = static_cast<char>('0' + f / 10);
  *p++ = static_cast<char>('0' + f % 10);
  return p;
}

// The plain int64 loops are allowed to vectorise (that is what raw int64
// code gets).  These copies are kept scalar, to show how much of a gap is
// vectorisation rather than the cost of checking.
#if defined(__clang__)
#define YUSUAN_BENCH_NOVECTOR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#define YUSUAN_BENCH_NOVECTOR_FN
#elif defined(__GNUC__)
#define YUSUAN_BENCH_NOVECTOR_LOOP
#define YUSUAN_BENCH_NOVECTOR_FN __attribute__((optimize("no-tree-vectorize")))
#else
#define YUSUAN_BENCH_NOVECTOR_LOOP
#define YUSUAN_BENCH_NOVECTOR_FN
#endif

YUSUAN_BENCH_NOVECTOR_FN __attribute__((noinline)) std::int64_t sum_i64_scalar(const std::int64_t* v, std::size_t n) {
  std::int64_t s = 0;
  YUSUAN_BENCH_NOVECTOR_LOOP
  for (std::size_t i = 0; i < n; ++i) s += v[i];
  return s;
}

[[noreturn]] __attribute__((noinline, cold)) void overflow_abort() {
  std::fputs("bench_money: int64 overflow\n", stderr);
  std::abort();
}

void set_items(benchmark::State& st, std::size_t per_iteration) {
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations()) * static_cast<std::int64_t>(per_iteration));
}

// ---------------------------------------------------------------------------
// 1. Addition and comparison
// ---------------------------------------------------------------------------

template <class T>
void bm_sum(benchmark::State& st, const std::vector<T>& v) {
  for (auto _ : st) {
    T s{};
    for (const auto& x : v) s += x;
    benchmark::DoNotOptimize(s);
  }
  set_items(st, v.size());
}

void bm_sum_i64_scalar(benchmark::State& st) {
  const auto& v = data().i64;
  for (auto _ : st) {
    std::int64_t s = sum_i64_scalar(v.data(), v.size());
    benchmark::DoNotOptimize(s);
  }
  set_items(st, v.size());
}

void bm_sum_i64_checked(benchmark::State& st) {
  const auto& v = data().i64;
  for (auto _ : st) {
    std::int64_t s = 0;
    for (auto x : v)
      if (__builtin_add_overflow(s, x, &s)) overflow_abort();
    benchmark::DoNotOptimize(s);
  }
  set_items(st, v.size());
}

void bm_sum_money_sum(benchmark::State& st) {
  const auto& v = data().mon;
  for (auto _ : st) {
    money_sum acc;
    for (auto m : v) acc += m;
    money s = acc.value();
    benchmark::DoNotOptimize(s);
  }
  set_items(st, v.size());
}

template <class T>
void bm_count_lt(benchmark::State& st, const std::vector<T>& v, T threshold) {
  for (auto _ : st) {
    benchmark::DoNotOptimize(threshold);
    std::int64_t c = 0;
    for (const auto& x : v) c += x < threshold ? 1 : 0;
    benchmark::DoNotOptimize(c);
  }
  set_items(st, v.size());
}

template <class T>
void bm_max(benchmark::State& st, const std::vector<T>& v) {
  for (auto _ : st) {
    T m = v.front();
    for (const auto& x : v) m = std::max(m, x);
    benchmark::DoNotOptimize(m);
  }
  set_items(st, v.size());
}

// ---------------------------------------------------------------------------
// 2. Multiply by a rate, rounded half-up to 分
// ---------------------------------------------------------------------------

template <class Out, class F>
void bm_mul(benchmark::State& st, F f) {
  std::vector<Out> out(kN);
  for (auto _ : st) {
    for (std::size_t i = 0; i < kN; ++i) out[i] = f(i);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  set_items(st, kN);
}

// ---------------------------------------------------------------------------
// 3. Parse and format
// ---------------------------------------------------------------------------

/// Runs `one(i, acc)` over all kN inputs; `acc` is kept.
template <class Acc, class F>
void bm_each(benchmark::State& st, F one) {
  for (auto _ : st) {
    Acc acc{};
    for (std::size_t i = 0; i < kN; ++i) one(i, acc);
    benchmark::DoNotOptimize(acc);
  }
  set_items(st, kN);
}

/// Runs `one(i, p)` over all kN inputs, each writing text at p and returning
/// the end; the whole buffer is kept.
template <class F>
void bm_write(benchmark::State& st, F one) {
  std::vector<char> buf(kN * kSlot);
  for (auto _ : st) {
    char* p = buf.data();
    for (std::size_t i = 0; i < kN; ++i) p = one(i, p);
    benchmark::DoNotOptimize(buf.data());
    benchmark::DoNotOptimize(p);
    benchmark::ClobberMemory();
  }
  set_items(st, kN);
}

// ---------------------------------------------------------------------------
// Sanity: every variant computes what the others compute.
// ---------------------------------------------------------------------------

bool check(bool ok, const char* what) {
  if (!ok) std::fprintf(stderr, "bench_money: self-check failed: %s\n", what);
  return ok;
}

bool self_check() {
  const auto& d = data();
  bool ok = true;
  std::int64_t s64 = 0;
  money sm;
  money_sum acc;
  for (std::size_t i = 0; i < kN; ++i) {
    s64 += d.i64[i];
    sm += d.mon[i];
    acc += d.mon[i];
  }
  ok &= check(sm.fen() == s64 && acc.value().fen() == s64 && sum_i64_scalar(d.i64.data(), kN) == s64, "sum");
  for (std::size_t i = 0; i < kN; ++i) {
    const auto want = mul_round_i64(d.i64[i], d.rate_units[i]);
    const auto got = d.mon[i].multiply(d.rate_dec[i], rounding::half_up).fen();
    if (got != want || mul_round_i128(d.i64[i], d.rate_units[i]) != want) {
      ok &= check(false, "multiply");
      break;
    }
  }
  char buf[kSlot];
  for (std::size_t i = 0; i < kN; ++i) {
    const auto fen = d.text_fen[i];
    std::error_code ec, gec;
    const money r = money::parse(d.text_sv[i], ec);
    const money g = money::parse(d.grouped_sv[i], gec);
    if (ec || r.fen() != fen || gec || g.fen() != fen || strtoll_fen(d.text[i].c_str()) != fen) {
      std::fprintf(stderr, "  '%s' / '%s'\n", d.text[i].c_str(), d.grouped[i].c_str());
      ok &= check(false, "parse");
      break;
    }
    const std::string want(buf, static_cast<std::size_t>(to_chars_fen(buf, buf + kSlot, fen) - buf));
    if (money::from_fen(fen).format() != want) {
      ok &= check(false, "format");
      break;
    }
  }
  return ok;
}

void register_all() {
  const auto& d = data();
  using benchmark::RegisterBenchmark;

  // add
  RegisterBenchmark("add/int64", [&](benchmark::State& st) { bm_sum(st, d.i64); });
  RegisterBenchmark("add/int64_scalar", bm_sum_i64_scalar);
  RegisterBenchmark("add/int64_checked", bm_sum_i64_checked);
  RegisterBenchmark("add/int128", [&](benchmark::State& st) { bm_sum(st, d.i128v); });
  RegisterBenchmark("add/double", [&](benchmark::State& st) { bm_sum(st, d.dbl); });
  RegisterBenchmark("add/dec50", [&](benchmark::State& st) { bm_sum(st, d.d50); });
  RegisterBenchmark("add/money", [&](benchmark::State& st) { bm_sum(st, d.mon); });
  RegisterBenchmark("add/money_sum", bm_sum_money_sum);
  RegisterBenchmark("add/money_span", [&](benchmark::State& st) {
    // yusuan::sum over a span: blocks of wrapping int64 adds with an exactness bound (vectorises)
    for (auto _ : st) {
      money s = yusuan::sum(std::span<const money>(d.mon));
      benchmark::DoNotOptimize(s);
    }
    set_items(st, d.mon.size());
  });

  // compare: count below 1 万元 (1,000,000 分), and max
  constexpr std::int64_t thr = 1'000'000;
  RegisterBenchmark("lt/int64", [&](benchmark::State& st) { bm_count_lt(st, d.i64, thr); });
  RegisterBenchmark("lt/int128", [&](benchmark::State& st) { bm_count_lt(st, d.i128v, i128{thr}); });
  RegisterBenchmark("lt/double", [&](benchmark::State& st) { bm_count_lt(st, d.dbl, thr / 100.0); });
  RegisterBenchmark("lt/dec50", [&](benchmark::State& st) { bm_count_lt(st, d.d50, dec50(thr / 100)); });
  RegisterBenchmark("lt/money", [&](benchmark::State& st) { bm_count_lt(st, d.mon, money::from_fen(thr)); });
  RegisterBenchmark("max/int64", [&](benchmark::State& st) { bm_max(st, d.i64); });
  RegisterBenchmark("max/int128", [&](benchmark::State& st) { bm_max(st, d.i128v); });
  RegisterBenchmark("max/double", [&](benchmark::State& st) { bm_max(st, d.dbl); });
  RegisterBenchmark("max/dec50", [&](benchmark::State& st) { bm_max(st, d.d50); });
  RegisterBenchmark("max/money", [&](benchmark::State& st) { bm_max(st, d.mon); });

  // multiply by a rate
  RegisterBenchmark("mul/int64", [&](benchmark::State& st) {
    bm_mul<std::int64_t>(st, [&](std::size_t i) { return mul_round_i64(d.i64[i], d.rate_units[i]); });
  });
  RegisterBenchmark("mul/int128", [&](benchmark::State& st) {
    bm_mul<std::int64_t>(st, [&](std::size_t i) { return mul_round_i128(d.i64[i], d.rate_units[i]); });
  });
  RegisterBenchmark("mul/double", [&](benchmark::State& st) {
    bm_mul<double>(st, [&](std::size_t i) { return d.dbl[i] * d.rate_dbl[i]; });
  });
  RegisterBenchmark("mul/dec50", [&](benchmark::State& st) {
    bm_mul<dec50>(st, [&](std::size_t i) { return dec50(d.d50[i] * d.rate_d50[i]); });
  });
  RegisterBenchmark("mul/money", [&](benchmark::State& st) {
    bm_mul<money>(st, [&](std::size_t i) { return d.mon[i].multiply(d.rate_dec[i], rounding::half_up); });
  });

  // parse
  RegisterBenchmark("parse/int64_strtoll", [&](benchmark::State& st) {
    bm_each<std::int64_t>(st, [&](std::size_t i, std::int64_t& acc) { acc += strtoll_fen(d.text[i].c_str()); });
  });
  RegisterBenchmark("parse/double_from_chars", [&](benchmark::State& st) {
    bm_each<double>(st, [&](std::size_t i, double& acc) {
      double v = 0;
      const auto& s = d.text_sv[i];
      std::from_chars(s.data(), s.data() + s.size(), v);
      acc += v;
    });
  });
  RegisterBenchmark("parse/dec50", [&](benchmark::State& st) {
    bm_each<std::int64_t>(st, [&](std::size_t i, std::int64_t& acc) {
      dec50 v(d.text[i].c_str());
      benchmark::DoNotOptimize(v);
      ++acc;
    });
  });
  RegisterBenchmark("parse/money_parse_ec_position", [&](benchmark::State& st) {
    bm_each<std::int64_t>(st, [&](std::size_t i, std::int64_t& acc) {
      std::error_code ec;
      std::size_t pos = 0;
      acc += money::parse(d.text_sv[i], yusuan::unit::yuan, ec, pos).fen() + ec.value() + static_cast<std::int64_t>(pos);
    });
  });
  RegisterBenchmark("parse/money_parse_ec", [&](benchmark::State& st) {
    bm_each<std::int64_t>(st, [&](std::size_t i, std::int64_t& acc) {
      std::error_code ec;
      acc += money::parse(d.text_sv[i], ec).fen() + ec.value();
    });
  });
  RegisterBenchmark("parse/money_parse", [&](benchmark::State& st) {
    bm_each<std::int64_t>(st, [&](std::size_t i, std::int64_t& acc) { acc += money::parse(d.text_sv[i]).fen(); });
  });
  RegisterBenchmark("parse/money_parse_ec_grouped", [&](benchmark::State& st) {
    bm_each<std::int64_t>(st, [&](std::size_t i, std::int64_t& acc) {
      std::error_code ec;
      acc += money::parse(d.grouped_sv[i], ec).fen() + ec.value();
    });
  });

  // format
  RegisterBenchmark("format/int64_to_chars", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) { return std::to_chars(p, p + kSlot, d.text_fen[i]).ptr; });
  });
  RegisterBenchmark("format/int64_to_chars_yuan", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) { return to_chars_fen(p, p + kSlot, d.text_fen[i]); });
  });
  RegisterBenchmark("format/double_to_chars", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) {
      return std::to_chars(p, p + kSlot, d.text_dbl[i], std::chars_format::fixed, 2).ptr;
    });
  });
  RegisterBenchmark("format/dec50", [&](benchmark::State& st) {
    bm_each<std::size_t>(st, [&](std::size_t i, std::size_t& acc) {
      const std::string s = d.text_d50[i].str(2, std::ios_base::fixed);
      benchmark::DoNotOptimize(s.data());
      acc += s.size();
    });
  });
  RegisterBenchmark("format/money_format_to", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) { return p + d.text_mon[i].format_to(p); });
  });
  RegisterBenchmark("format/money_format_to_grouped", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) { return p + d.text_mon[i].format_to(p, yusuan::unit::yuan, 2, true); });
  });
  RegisterBenchmark("format/money_format", [&](benchmark::State& st) {
    bm_each<std::size_t>(st, [&](std::size_t i, std::size_t& acc) {
      const std::string s = d.text_mon[i].format();
      benchmark::DoNotOptimize(s.data());
      acc += s.size();
    });
  });

  // parse + format, per amount
  RegisterBenchmark("parse_format/int64_strtoll_to_chars", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) { return to_chars_fen(p, p + kSlot, strtoll_fen(d.text[i].c_str())); });
  });
  RegisterBenchmark("parse_format/double_from_chars_to_chars", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) {
      double v = 0;
      const auto& s = d.text_sv[i];
      std::from_chars(s.data(), s.data() + s.size(), v);
      return std::to_chars(p, p + kSlot, v, std::chars_format::fixed, 2).ptr;
    });
  });
  RegisterBenchmark("parse_format/dec50", [&](benchmark::State& st) {
    bm_each<std::size_t>(st, [&](std::size_t i, std::size_t& acc) {
      const std::string s = dec50(d.text[i].c_str()).str(2, std::ios_base::fixed);
      benchmark::DoNotOptimize(s.data());
      acc += s.size();
    });
  });
  RegisterBenchmark("parse_format/money", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) {
      std::error_code ec;
      return p + money::parse(d.text_sv[i], ec).format_to(p);
    });
  });
  RegisterBenchmark("parse_format/money_grouped", [&](benchmark::State& st) {
    bm_write(st, [&](std::size_t i, char* p) {
      std::error_code ec;
      return p + money::parse(d.grouped_sv[i], ec).format_to(p, yusuan::unit::yuan, 2, true);
    });
  });
  RegisterBenchmark("parse_format/money_string", [&](benchmark::State& st) {
    bm_each<std::size_t>(st, [&](std::size_t i, std::size_t& acc) {
      const std::string s = money::parse(d.text_sv[i]).format();
      benchmark::DoNotOptimize(s.data());
      acc += s.size();
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (!self_check()) return 1;
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("inputs", std::to_string(kN) + " amounts per iteration, seed " + std::to_string(kSeed));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
