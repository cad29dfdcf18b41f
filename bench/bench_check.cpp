// bench_check.cpp -- Google Benchmark figures for checking a large budget.
//
// A deterministic generator (seeded RNG) writes a realistic budget of N items
// in memory: 功能科目 at all three levels (类 / 款 / 项), 部门 → 政府 economic
// pairs with and without names (a code always carries the same name), kinds
// given by blocks (基本支出 { 人员经费 { … } 公用经费 { … } }, 项目支出 { … }),
// a 资金 block now and then, tags, a few projects with 绩效 targets, block
// totals, prior-year figures, a measure and a handful of constraints.  The
// income lines equal the total, so the budget checks clean (the benchmark
// fails loudly if it does not).
//
// Benchmarks (N = 100000 for quick runs, 1000000 for the targets):
//   parse/N   syntax::parse_statement over the whole text; bytes/s
//             (target: >= 100 MB/s)
//   check/N   yusuan::compile_string of the whole text, wall time
//             (target: < 2 s for 1M items)
//   memory/N  one compile_string with every allocation counted: bytes the
//             result holds per item and the peak during the compile per item
//             (target: <= 200 bytes per item), with a breakdown; also run at
//             N = 1050000, just past a power of two (vector growth)
//   scan_floor/N  std::count of '\n' over the same text: the speed of memory
//             here, for scale
//
// Counters: items, bytes (of text), text_bytes_per_item; parse: statements;
// check: held_bytes_per_item, peak_bytes_per_item, allocs_per_item; memory:
// bytes_per_item (held by the compiled budget), peak_bytes_per_item,
// sizeof_item, items_vec_per_item (the items vector at its capacity),
// items_slack (capacity / size), source_text_per_item (the model keeps a copy
// of the text for diagnostics), allocs_per_item.
//
// Memory is counted by replacing the global operator new / delete in this
// program: each allocation adds malloc_usable_size() to a live counter (what
// the allocator really handed out, rounding included) and the peak of that
// counter is kept.  Only differences around compile_string are reported, so
// the generated text and Google Benchmark's own allocations do not count.
#include <yusuan/budget.hpp>
#include <yusuan/compile.hpp>
#include <yusuan/syntax/parser.hpp>

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

// ---------------------------------------------------------------------------
// Allocation counting
// ---------------------------------------------------------------------------

namespace {

std::atomic<std::int64_t> g_live{0};
std::atomic<std::int64_t> g_peak{0};
std::atomic<std::int64_t> g_allocs{0};

inline void note_alloc(void* p) noexcept {
  const auto n = static_cast<std::int64_t>(malloc_usable_size(p));
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  const auto now = g_live.fetch_add(n, std::memory_order_relaxed) + n;
  auto peak = g_peak.load(std::memory_order_relaxed);
  while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}
inline void note_free(void* p) noexcept {
  if (p) g_live.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
}

void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  note_alloc(p);
  return p;
}
void* counted_alloc(std::size_t n, std::align_val_t al) {
  void* p = nullptr;
  const auto a = std::max(static_cast<std::size_t>(al), sizeof(void*));
  if (posix_memalign(&p, a, n ? n : 1) != 0) throw std::bad_alloc();
  note_alloc(p);
  return p;
}
void counted_free(void* p) noexcept {
  note_free(p);
  std::free(p);
}

std::int64_t live_bytes() { return g_live.load(std::memory_order_relaxed); }
std::int64_t allocations() { return g_allocs.load(std::memory_order_relaxed); }
/// Starts a new peak measurement from the current live bytes.
void reset_peak() { g_peak.store(g_live.load(std::memory_order_relaxed), std::memory_order_relaxed); }
std::int64_t peak_bytes() { return g_peak.load(std::memory_order_relaxed); }

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t n, std::align_val_t a) { return counted_alloc(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_alloc(n, a); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n, a);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n, a);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

namespace {

constexpr std::uint64_t kSeed = 0x79757375616eULL;  // "yusuan"

/// A 部门 economic code, its name, the 政府 code it maps to and that code's name.
struct econ_pair {
  const char* dept;
  const char* dept_name;
  const char* gov;
  const char* gov_name;
};

// Names are fixed per code: 50101 is always 工资奖金津补贴, and so on.  Codes,
// names and 部门 → 政府 pairs are those of the 2024 catalogs for a 参公 unit, so
// the catalog checks pass without a warning.
constexpr econ_pair kPersonnel[] = {
    {"30101", "基本工资", "50101", "工资奖金津补贴"},
    {"30102", "津贴补贴", "50101", "工资奖金津补贴"},
    {"30103", "奖金", "50101", "工资奖金津补贴"},
    {"30107", "绩效工资", "50101", "工资奖金津补贴"},
    {"30108", "机关事业单位基本养老保险缴费", "50102", "社会保障缴费"},
    {"30109", "职业年金缴费", "50102", "社会保障缴费"},
    {"30110", "职工基本医疗保险缴费", "50102", "社会保障缴费"},
    {"30112", "其他社会保障缴费", "50102", "社会保障缴费"},
    {"30113", "住房公积金", "50103", "住房公积金"},
    {"30199", "其他工资福利支出", "50199", "其他工资福利支出"},
    {"30302", "退休费", "50905", "离退休费"},
};
constexpr econ_pair kPublic[] = {
    {"30201", "办公费", "50201", "办公经费"},
    {"30202", "印刷费", "50201", "办公经费"},
    {"30205", "水费", "50201", "办公经费"},
    {"30206", "电费", "50201", "办公经费"},
    {"30207", "邮电费", "50201", "办公经费"},
    {"30211", "差旅费", "50201", "办公经费"},
    {"30212", "因公出国(境)费用", "50207", "因公出国(境)费用"},
    {"30213", "维修(护)费", "50209", "维修(护)费"},
    {"30215", "会议费", "50202", "会议费"},
    {"30216", "培训费", "50203", "培训费"},
    {"30217", "公务接待费", "50206", "公务接待费"},
    {"30226", "劳务费", "50205", "委托业务费"},
    {"30228", "工会经费", "50201", "办公经费"},
    {"30229", "福利费", "50201", "办公经费"},
    {"30231", "公务用车运行维护费", "50208", "公务用车运行维护费"},
    {"30239", "其他交通费用", "50201", "办公经费"},
    {"30299", "其他商品和服务支出", "50299", "其他商品和服务支出"},
};
constexpr econ_pair kProject[] = {
    {"30201", "办公费", "50201", "办公经费"},
    {"30202", "印刷费", "50201", "办公经费"},
    {"30211", "差旅费", "50201", "办公经费"},
    {"30215", "会议费", "50202", "会议费"},
    {"30216", "培训费", "50203", "培训费"},
    {"30226", "劳务费", "50205", "委托业务费"},
    {"30227", "委托业务费", "50205", "委托业务费"},
    {"30299", "其他商品和服务支出", "50299", "其他商品和服务支出"},
    {"31002", "办公设备购置", "50405", "设备购置"},
    {"31007", "信息网络及软件购置更新", "50405", "设备购置"},
    {"31013", "公务用车购置", "50403", "公务用车购置"},
};

/// A 项 of 支出功能分类 with its 款 and 类.
struct function_entry {
  const char* lei;  // "208"
  const char* lei_name;
  const char* kuan;  // "208 01"
  const char* kuan_name;
  const char* xiang;  // "208 01 09"
  const char* xiang_name;
};
constexpr function_entry kFunctions[] = {
    {"201", "一般公共服务支出", "201 03", "政府办公厅(室)及相关机构事务", "201 03 01", "行政运行"},
    {"201", "一般公共服务支出", "201 03", "政府办公厅(室)及相关机构事务", "201 03 50", "事业运行"},
    {"205", "教育支出", "205 02", "普通教育", "205 02 01", "学前教育"},
    {"205", "教育支出", "205 02", "普通教育", "205 02 03", "初中教育"},
    {"208", "社会保障和就业支出", "208 01", "人力资源和社会保障管理事务", "208 01 01", "行政运行"},
    {"208", "社会保障和就业支出", "208 01", "人力资源和社会保障管理事务", "208 01 09", "社会保险经办机构"},
    {"208", "社会保障和就业支出", "208 05", "行政事业单位养老支出", "208 05 05", "机关事业单位基本养老保险缴费支出"},
    {"208", "社会保障和就业支出", "208 05", "行政事业单位养老支出", "208 05 06", "机关事业单位职业年金缴费支出"},
    {"210", "卫生健康支出", "210 11", "行政事业单位医疗", "210 11 01", "行政单位医疗"},
    {"210", "卫生健康支出", "210 11", "行政事业单位医疗", "210 11 02", "事业单位医疗"},
    {"212", "城乡社区支出", "212 01", "城乡社区管理事务", "212 01 01", "行政运行"},
    {"201", "一般公共服务支出", "201 03", "政府办公厅(室)及相关机构事务", "201 03 02", "一般行政管理事务"},
    {"221", "住房保障支出", "221 02", "住房改革支出", "221 02 01", "住房公积金"},
};

constexpr const char* kTags[] = {"项目类别=公用经费综合定额", "项目类别=离退休人员公用经费", "来源=本级"};

struct generated {
  std::string text;
  std::size_t items = 0;
  std::size_t lines = 0;
  std::size_t projects = 0;
  std::size_t blocks = 0;
  std::size_t tagged = 0;
  std::size_t named = 0;  // items with at least one code name
};

class generator {
public:
  explicit generator(std::size_t n) : target_(n), rng_(kSeed) {}

  generated run() {
    body_.reserve(target_ * 48);
    // About one project per 125,000 items (at least 3), spread through the text.
    const std::size_t n_projects = std::max<std::size_t>(3, target_ / 125000);
    std::size_t next_project = target_ / (n_projects + 1);
    bool after_items = false;  // the last statement was a top-level item
    while (out_.items < target_) {
      // Not right after a top-level item: a grammar that looks for trailing
      // coordinates across the line break (yusuan did until 2026-11) reads the
      // 项目 of the declaration as a coordinate of that item.
      if (out_.projects < n_projects && out_.items >= next_project && !after_items) {
        project_block();
        next_project += target_ / (n_projects + 1);
        continue;
      }
      const auto r = pick(100);
      after_items = false;
      if (r < 55) basic_block();
      else if (r < 75) project_spending_block();
      else if (r < 85) fund_block();
      else {
        top_level_items();
        after_items = true;
      }
    }
    return assemble();
  }

private:
  // --- randomness ----------------------------------------------------------------
  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool chance(unsigned percent) { return pick(100) < percent; }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + pick(hi - lo + 1); }

  /// An amount in 分: 3 to 7 digits (1.00 to 99,999.99 元).
  std::int64_t amount_fen() {
    static constexpr std::int64_t lo[] = {100, 1000, 10000, 100000, 1000000};
    const auto d = pick(5);
    return lo[d] + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(lo[d] * 9));
  }

  // --- text ----------------------------------------------------------------------
  static void put_amount(std::string& s, std::int64_t fen) {
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, fen / 100);
    (void)ec;
    *p++ = '.';
    *p++ = static_cast<char>('0' + (fen % 100) / 10);
    *p++ = static_cast<char>('0' + fen % 10);
    s.append(buf, p);
  }
  void indent(int level) { body_.append(static_cast<std::size_t>(level) * 2, ' '); }
  void line_end() {
    body_ += '\n';
    ++out_.lines;
  }

  /// Tallies an item for the income lines and the constraints.
  void tally(std::int64_t fen, const econ_pair& e, const function_entry& f, char kind, bool gov_fund) {
    total_ += fen;
    if (gov_fund) {
      gov_fund_ += fen;
      ++gov_fund_items_;
    }
    if (kind == 'p') personnel_ += fen;
    if (kind == 'p' || kind == 'u') basic_ += fen;
    if (std::strcmp(f.lei, "208") == 0) f208_ += fen;
    for (const char* c : {"30212", "30217", "30231", "31013"})
      if (std::strcmp(e.dept, c) == 0) sangong_ += fen;
    ++out_.items;
  }

  /// "30101 基本工资 → 50101 工资奖金津补贴: 40.00" (names now and then, 政府 code mostly).
  std::int64_t econ_and_amount(const econ_pair& e, bool always_gov = false) {
    const bool names = chance(10);
    if (names) ++out_.named;
    body_ += e.dept;
    if (names) {
      body_ += ' ';
      body_ += e.dept_name;
    }
    if (always_gov || chance(85)) {
      body_ += " → ";
      body_ += e.gov;
      if (names && chance(50)) {
        body_ += ' ';
        body_ += e.gov_name;
      }
    }
    body_ += ": ";
    const auto fen = amount_fen();
    put_amount(body_, fen);
    return fen;
  }

  void maybe_tag() {
    if (chance(3)) {
      body_ += ' ';
      body_ += kTags[pick(std::size(kTags))];
      ++out_.tagged;
    }
  }

  void function_head(const function_entry& f, int level) {
    const char* code = level == 1 ? f.lei : level == 2 ? f.kuan : f.xiang;
    const char* name = level == 1 ? f.lei_name : level == 2 ? f.kuan_name : f.xiang_name;
    body_ += code;
    if (chance(30)) {
      body_ += ' ';
      body_ += name;
    }
  }

  bool done() const { return out_.items >= target_; }

  // --- blocks ----------------------------------------------------------------------

  /// 208 01 09 基本支出 { 人员经费 { … } 公用经费 { … } }
  void basic_block() {
    const auto& f = kFunctions[pick(std::size(kFunctions))];
    function_head(f, 3);
    body_ += " 基本支出 {";
    line_end();
    ++out_.blocks;
    inner_kind_block("人员经费", kPersonnel, std::size(kPersonnel), f, 'p');
    if (!done()) inner_kind_block("公用经费", kPublic, std::size(kPublic), f, 'u');
    body_ += '}';
    line_end();
  }

  /// "  人员经费 {" (now and then with "合计 Σ") and its items.  The items are
  /// written first into a scratch string, since a stated total precedes them.
  void inner_kind_block(const char* kind_word, const econ_pair* pairs, std::size_t n_pairs, const function_entry& f,
                        char kind) {
    const std::size_t n = between(2, 16);
    scratch_.clear();
    scratch_.swap(body_);  // body_ is now the (empty) scratch; the file waits in scratch_
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n && !done(); ++i) {
      const auto& e = pairs[pick(n_pairs)];
      indent(2);
      const auto fen = econ_and_amount(e);
      if (kind == 'u') maybe_tag();
      line_end();
      sum += fen;
      tally(fen, e, f, kind, false);
    }
    scratch_.swap(body_);  // body_ is the file again, scratch_ holds the items
    body_ += "  ";
    body_ += kind_word;
    if (chance(10)) {
      body_ += " 合计 ";
      put_amount(body_, sum);
    }
    body_ += " {";
    line_end();
    ++out_.blocks;
    body_ += scratch_;
    body_ += "  }";
    line_end();
  }

  /// 208 项目支出 { 208 01 09 30201 → 50201: 12.00 … } (items at 款 and 项 level)
  void project_spending_block() {
    const auto& f0 = kFunctions[pick(std::size(kFunctions))];
    function_head(f0, 1);
    body_ += " 项目支出 {";
    line_end();
    ++out_.blocks;
    const std::size_t n = between(5, 40);
    for (std::size_t i = 0; i < n && !done(); ++i) {
      // a 项 of the same 类
      const function_entry* f = &f0;
      for (int tries = 0; tries < 4; ++tries) {
        const auto& g = kFunctions[pick(std::size(kFunctions))];
        if (std::strcmp(g.lei, f0.lei) == 0) {
          f = &g;
          break;
        }
      }
      indent(1);
      body_ += chance(80) ? f->xiang : f->kuan;
      body_ += ' ';
      const auto& e = kProject[pick(std::size(kProject))];
      const auto fen = econ_and_amount(e);
      if (chance(20)) body_ += chance(50) ? " 其他运转类" : " 特定目标类";
      maybe_tag();
      line_end();
      tally(fen, e, *f, 'x', false);
    }
    body_ += '}';
    line_end();
  }

  /// 213 01 04 项目支出 资金 政府性基金 { 30299 → 50299: 3.00 … }
  void fund_block() {
    const auto& f = kFunctions[pick(std::size(kFunctions))];
    function_head(f, chance(50) ? 3 : 2);
    body_ += " 项目支出 资金 政府性基金 {";
    line_end();
    ++out_.blocks;
    const std::size_t n = between(3, 15);
    for (std::size_t i = 0; i < n && !done(); ++i) {
      indent(1);
      const auto& e = kProject[pick(std::size(kProject))];
      const auto fen = econ_and_amount(e);
      line_end();
      tally(fen, e, f, 'x', true);
    }
    body_ += '}';
    line_end();
  }

  /// Whole items at the top level: 208 01 09 30101 → 50101: 40.00 人员经费
  void top_level_items() {
    const std::size_t n = between(1, 10);
    for (std::size_t i = 0; i < n && !done(); ++i) {
      const auto& f = kFunctions[pick(std::size(kFunctions))];
      const auto r = pick(3);
      const econ_pair& e = r == 0 ? kPersonnel[pick(std::size(kPersonnel))]
                           : r == 1 ? kPublic[pick(std::size(kPublic))]
                                    : kProject[pick(std::size(kProject))];
      body_ += f.xiang;
      body_ += ' ';
      const auto fen = econ_and_amount(e);
      char kind = r == 0 ? 'p' : r == 1 ? 'u' : 'x';
      body_ += r == 0 ? " 人员经费" : r == 1 ? " 公用经费" : " 项目支出";
      // now and then an item names a project (declared before or after)
      if (r == 2 && chance(2)) {
        body_ += " 项目 ";
        body_ += project_name(pick(2));  // 01 and 02 state no 金额: their items are spread
        kind = 'o';
      }
      maybe_tag();
      line_end();
      tally(fen, e, f, kind, false);
    }
  }

  static std::string project_name(std::size_t i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02zu", i + 1);
    return std::string("社保公共服务经费") + buf;
  }

  /// 项目 "…" 编码 … 类型 其他运转类 功能 208 01 09 { 绩效 { … } items  金额 Σ }
  void project_block() {
    const std::size_t id = out_.projects++;
    const auto& f = kFunctions[5];  // 208 01 09
    char code[32];
    std::snprintf(code, sizeof code, "4103002000000000%05zu", 33610 + id);
    body_ += "项目 \"" + project_name(id) + "\" 编码 " + code + " 类型 " + (id % 2 ? "特定目标类" : "其他运转类") +
             " 功能 " + f.xiang + " {";
    line_end();
    body_ += "  绩效 {";
    line_end();
    body_ += "    产出 社保政策宣传工作完成率 ≥95%";
    line_end();
    body_ += "    效益 \"各项社保待遇落实情况\" 按时足额发放";
    line_end();
    body_ += "  }";
    line_end();
    std::int64_t sum = 0;
    const std::size_t n = between(10, 50);
    for (std::size_t i = 0; i < n && !done(); ++i) {
      indent(1);
      const auto& e = kProject[pick(std::size(kProject))];
      const auto fen = econ_and_amount(e);
      line_end();
      sum += fen;
      tally(fen, e, f, 'o', false);
    }
    if (id >= 2) {  // items elsewhere name projects 01 and 02 too (项目 …): no 金额 for those
      body_ += "  金额 ";
      put_amount(body_, sum);
      line_end();
    }
    body_ += '}';
    line_end();
  }

  // --- the whole file ------------------------------------------------------------

  generated assemble() {
    std::string& t = out_.text;
    t.reserve(body_.size() + 4096);
    auto line = [&](const std::string& s) {
      t += s;
      t += '\n';
      ++out_.lines;
    };
    auto amt = [](std::int64_t fen) {
      std::string s;
      put_amount(s, fen);
      return s;
    };
    const std::int64_t general = total_ - gov_fund_;
    line("# generated by bench_check (seed " + std::to_string(kSeed) + "), " + std::to_string(target_) + " items");
    line("标题 \"基准测试单位 2024 年预算 (" + std::to_string(target_) + " 条)\"");
    line("年度 2024");
    line("金额单位 元");
    line("单位 803019 \"洛阳市社会保险中心\" 类型 参公");
    line("部门 803 \"洛阳市人力资源和社会保障局\"");
    line("收入 一般公共预算 " + amt(general) + " 其中 财政拨款 " + amt(general));
    line("收入 政府性基金 " + amt(gov_fund_));
    t += body_;
    const std::int64_t prior = total_ - 123456789;  // 上年 支出总计: 1,234,567.89 元 less
    line("上年 支出总计 " + amt(prior));
    line("口径 三公经费 = 合计(经济 in (30212, 30217, 30231, 31013))");
    line("核对 三公经费 = " + amt(sangong_));
    line("核对 人员经费 = " + amt(personnel_));
    line("核对 基本支出 = " + amt(basic_));
    line("核对 合计(功能 = 208) = " + amt(f208_));
    line("核对 计数(资金 = 政府性基金) = " + std::to_string(gov_fund_items_));
    line("核对 项目数 = " + std::to_string(out_.projects));
    line("核对 支出总计 较上年 增加 " + amt(total_ - prior));
    line("核对 支出总计 = " + amt(total_));
    body_.clear();
    body_.shrink_to_fit();
    return std::move(out_);
  }

  std::size_t target_;
  std::mt19937_64 rng_;
  std::string body_;
  std::string scratch_;
  generated out_;
  std::int64_t total_ = 0, gov_fund_ = 0, personnel_ = 0, basic_ = 0, f208_ = 0, sangong_ = 0;
  std::size_t gov_fund_items_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------
// Inputs, generated once per size
// ---------------------------------------------------------------------------

namespace {

const generated& budget_text(std::size_t n) {
  static std::map<std::size_t, std::unique_ptr<generated>> cache;
  auto& slot = cache[n];
  if (!slot) slot = std::make_unique<generated>(generator(n).run());
  return *slot;
}

/// Compiles once and prints the first diagnostics if the budget does not
/// check clean (a benchmark of a failing check would measure the wrong thing).
bool checks_clean(const generated& g, std::string& why) {
  static std::map<const generated*, std::pair<bool, std::string>> verdicts;
  auto it = verdicts.find(&g);
  if (it == verdicts.end()) {
    yusuan::diagnostics diags;
    const auto b = yusuan::compile_string(g.text, "bench.budget", diags);
    std::string msg;
    if (!b) {
      std::size_t shown = 0;
      for (const auto& d : diags) {
        if (shown++ == 5) break;
        msg += d.code + " " + d.message + "; ";
      }
    } else if (!diags.empty()) {
      // Warnings do not stop the check but would mean the input is not quite
      // the clean budget the figures claim: say so.
      std::size_t shown = 0;
      for (const auto& d : diags) {
        if (shown++ == 5) break;
        msg += d.code + " " + d.message + "; ";
      }
      std::cerr << "bench_check: note: the generated budget of " << g.items << " items checks with "
                << diags.size() << " diagnostics: " << msg << "\n";
    }
    it = verdicts.emplace(&g, std::make_pair(b.has_value(), msg)).first;
    if (!b) std::cerr << "bench_check: the generated budget does not check: " << msg << "\n";
  }
  why = it->second.second;
  return it->second.first;
}

void input_counters(benchmark::State& state, const generated& g) {
  state.counters["items"] = static_cast<double>(g.items);
  state.counters["bytes"] = static_cast<double>(g.text.size());
  state.counters["text_bytes_per_item"] = static_cast<double>(g.text.size()) / static_cast<double>(g.items);
}

// ---------------------------------------------------------------------------
// 1. parse only
// ---------------------------------------------------------------------------

void BM_parse(benchmark::State& state) {
  const auto& g = budget_text(static_cast<std::size_t>(state.range(0)));
  yusuan::syntax::statement_slot st;
  yusuan::syntax::syntax_error err;
  std::size_t statements = 0;
  bool failed = false;
  for (auto _ : state) {
    const char* p = g.text.data();
    const char* const last = p + g.text.size();
    std::size_t n = 0;
    for (;;) {
      const auto s = yusuan::syntax::parse_statement(p, last, st, err);
      if (s == yusuan::syntax::parse_status::end) break;
      if (s == yusuan::syntax::parse_status::error) {
        failed = true;
        break;
      }
      ++n;
    }
    benchmark::DoNotOptimize(n);
    benchmark::DoNotOptimize(st);
    statements = n;
    if (failed) {
      std::cerr << "bench_check: syntax error at byte " << (err.where - g.text.data()) << ": expected " << err.expected
                << "\n";
      state.SkipWithError("syntax error in the generated budget");
      break;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.items));
  input_counters(state, g);
  state.counters["statements"] = static_cast<double>(statements);
}

// A floor for comparison: one pass over the same bytes that looks at each
// (counting the lines).  Not a target, just the speed of memory here.
void BM_scan_floor(benchmark::State& state) {
  const auto& g = budget_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::size_t lines = static_cast<std::size_t>(std::count(g.text.begin(), g.text.end(), '\n'));
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.text.size()));
}

// ---------------------------------------------------------------------------
// 2. the whole check
// ---------------------------------------------------------------------------

void BM_check(benchmark::State& state) {
  const auto& g = budget_text(static_cast<std::size_t>(state.range(0)));
  std::string why;
  if (!checks_clean(g, why)) {
    for (auto _ : state) {
      state.SkipWithError("the generated budget does not check clean");
      break;
    }
    return;
  }
  std::int64_t held = 0, peak = 0, allocs = 0;
  for (auto _ : state) {
    const auto before = live_bytes();
    const auto allocs_before = allocations();
    reset_peak();
    yusuan::diagnostics diags;
    std::optional<yusuan::budget> r = yusuan::compile_string(g.text, "bench.budget", diags);
    state.PauseTiming();
    held = live_bytes() - before;
    peak = peak_bytes() - before;
    allocs = allocations() - allocs_before;
    benchmark::DoNotOptimize(r->items().data());
    r.reset();  // freeing the model is not part of the check
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.items));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(g.text.size()));
  input_counters(state, g);
  const auto n = static_cast<double>(g.items);
  state.counters["held_bytes_per_item"] = static_cast<double>(held) / n;
  state.counters["peak_bytes_per_item"] = static_cast<double>(peak) / n;
  state.counters["allocs_per_item"] = static_cast<double>(allocs) / n;
}

// ---------------------------------------------------------------------------
// 3. memory per item
// ---------------------------------------------------------------------------

void BM_memory(benchmark::State& state) {
  const auto& g = budget_text(static_cast<std::size_t>(state.range(0)));
  std::string why;
  if (!checks_clean(g, why)) {
    for (auto _ : state) {
      state.SkipWithError("the generated budget does not check clean");
      break;
    }
    return;
  }
  std::int64_t held = 0, peak = 0, allocs = 0;
  std::size_t items_cap = 0, items_size = 0, text_bytes = 0, sources = 0;
  for (auto _ : state) {
    text_bytes = 0;
    const auto before = live_bytes();
    const auto allocs_before = allocations();
    reset_peak();
    yusuan::diagnostics diags;
    std::optional<yusuan::budget> r = yusuan::compile_string(g.text, "bench.budget", diags);
    peak = peak_bytes() - before;
    allocs = allocations() - allocs_before;
    held = live_bytes() - before;
    const auto& d = yusuan::detail::budget_access::data(*r);  // the memory it holds
    items_cap = d.items.capacity();
    items_size = d.items.size();
    sources = d.sources.size();
    for (const auto& s : d.sources) text_bytes += s->text().size();
    r.reset();
  }
  const auto n = static_cast<double>(g.items);
  input_counters(state, g);
  state.counters["sizeof_item"] = static_cast<double>(sizeof(yusuan::item));
  state.counters["bytes_per_item"] = static_cast<double>(held) / n;        // what the result keeps
  state.counters["peak_bytes_per_item"] = static_cast<double>(peak) / n;   // the high-water mark while compiling
  state.counters["items_vec_per_item"] =                                   // the items vector (capacity)
      static_cast<double>(items_cap * sizeof(yusuan::item)) / n;
  state.counters["items_slack"] = static_cast<double>(items_cap) / static_cast<double>(items_size);
  state.counters["source_text_per_item"] = static_cast<double>(text_bytes) / n;  // the copy of the text the model keeps
  state.counters["allocs_per_item"] = static_cast<double>(allocs) / n;
  state.counters["sources"] = static_cast<double>(sources);
}

}  // namespace

BENCHMARK(BM_scan_floor)->Name("scan_floor")->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_parse)->Name("parse")->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->MinTime(0.5);
BENCHMARK(BM_check)->Name("check")->Arg(100000)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_check)->Name("check")->Arg(1000000)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();
// memory/1050000: just past 2^20 items, where a doubling std::vector is
// almost half empty -- the unlucky size for bytes per item.
BENCHMARK(BM_memory)
    ->Name("memory")
    ->Arg(100000)
    ->Arg(1000000)
    ->Arg(1050000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
