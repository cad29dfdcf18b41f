// E07xx: the limits of language.md §22, each at the limit and one past it, on
// budgets of hostile shapes (hostile/shapes.hpp).  Deep expressions are also
// compiled in a thread with a small stack.
#include "hostile/shapes.hpp"
#include "support/test_support.hpp"

#include <pthread.h>

#include <yusuan/format.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/tables.hpp>

#include <functional>
#include <sstream>

using namespace yusuan_test;

namespace {

/// Runs `f` in a thread with a stack of `bytes`.
void on_small_stack(std::size_t bytes, const std::function<void()>& f) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, bytes), 0);
  pthread_t t;
  auto run = [](void* p) -> void* {
    (*static_cast<const std::function<void()>*>(p))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&t, &attr, run, const_cast<std::function<void()>*>(&f)), 0);
  pthread_join(t, nullptr);
  pthread_attr_destroy(&attr);
}

constexpr std::size_t small_stack = 512 * 1024;

/// Compiles `text` in a thread with a small stack.
compiled compile_small(const std::string& text, const compile_options& o = no_catalog()) {
  compiled r;
  on_small_stack(small_stack, [&] { r = compile(text, o); });
  return r;
}

}  // namespace

// --- E0715: expressions nested too deeply ----------------------------------------------------------

TEST(diag_limits, E0715_parentheses_at_the_limit_and_past_it) {
  auto at = compile_small(hostile::parens(64));
  EXPECT_TRUE(at.ok()) << dump(at);
  auto past = compile_small(hostile::parens(65));
  const auto& d = one(past, "E0715");
  EXPECT_EQ(d.message, "expression nested too deeply");
  EXPECT_EQ(where(d), "3:68");  // the 65th '('
  EXPECT_EQ(d.expected, "at most 64 levels");
  EXPECT_EQ(d.label, "level 65: parentheses, 占比, 增幅 and 合计 nest at most 64 deep");
  EXPECT_EQ(d.found, "a level more: '('");
}

TEST(diag_limits, E0715_shares_changes_and_filters) {
  auto share = compile_small(hostile::share_levels(64));
  EXPECT_TRUE(share.ok()) << dump(share);
  EXPECT_EQ(where(one(compile_small(hostile::share_levels(65)), "E0715")), "3:70");  // the 64th parenthesis in the share
  auto change = compile_small(hostile::change_levels(64));
  EXPECT_TRUE(change.ok()) << dump(change);
  EXPECT_EQ(with_code(compile_small(hostile::change_levels(65)), "E0715").size(), 1u);
  auto f = compile_small(hostile::filter_groups(64));
  EXPECT_TRUE(f.ok()) << dump(f);
  EXPECT_EQ(with_code(compile_small(hostile::filter_groups(65)), "E0715").size(), 1u);
  EXPECT_EQ(where(one(compile_small(hostile::nested_shares(65)), "E0715")), "3:" + std::to_string(4 + 64 * 3));
  EXPECT_EQ(with_code(compile_small(hostile::nested_changes(65)), "E0715").size(), 1u);
}

TEST(diag_limits, E0715_levels_of_every_kind_add_up) {
  // 21 parentheses, a share, 21 parentheses, 合计 and 20 filter groups: 64
  auto text = [](std::size_t groups) {
    return hostile::head() + "核对 " + hostile::repeat("(", 21) + "占比(" + hostile::repeat("(", 21) + "合计(" +
           hostile::repeat("(", groups) + "经济 = 30101" + hostile::repeat(")", groups) + ")" +
           hostile::repeat(")", 21) + ", 1)" + hostile::repeat(")", 21) + " = 100%\n";
  };
  auto at = compile_small(text(20));
  EXPECT_TRUE(at.ok()) << dump(at);
  EXPECT_EQ(with_code(compile_small(text(21)), "E0715").size(), 1u);
}

TEST(diag_limits, E0715_hostile_depths_in_a_small_stack) {
  for (const auto& text : {hostile::parens(20'000), hostile::nested_shares(20'000), hostile::nested_changes(20'000),
                           hostile::share_levels(20'000), hostile::change_levels(20'000),
                           hostile::filter_groups(20'000)}) {
    auto r = compile_small(text);
    EXPECT_EQ(with_code(r, "E0715").size(), 1u) << dump(r);
  }
}

TEST(diag_limits, E0715_limit_is_an_option) {
  auto o = no_catalog();
  o.max_expression_depth = 3;
  EXPECT_TRUE(compile(hostile::parens(3), o).ok());
  const auto past = compile(hostile::parens(4), o);
  EXPECT_EQ(one(past, "E0715").expected, "at most 3 levels");
}

TEST(diag_limits, E0715_the_largest_limit_is_safe_in_4_MiB_of_stack) {
  auto o = no_catalog();
  o.max_expression_depth = compile_options::max_expression_depth_bound;
  ASSERT_EQ(o.max_expression_depth, 256u);
  for (const auto& text : {hostile::parens(256), hostile::nested_shares(256), hostile::nested_changes(256),
                           hostile::share_levels(256), hostile::change_levels(256), hostile::filter_groups(256)}) {
    compiled r;
    on_small_stack(4 * 1024 * 1024, [&] { r = compile(text, o); });
    EXPECT_TRUE(with_code(r, "E0715").empty()) << dump(r);
  }
  compiled past;
  on_small_stack(4 * 1024 * 1024, [&] { past = compile(hostile::parens(257), o); });
  EXPECT_EQ(one(past, "E0715").expected, "at most 256 levels");
}

TEST(diag_limits, options_past_their_safe_bound_are_invalid_arguments) {
  // a mistake of the calling program, in both forms: a plain yusuan::error,
  // not a budget_error, and nothing is read
  auto deep = no_catalog();
  deep.max_expression_depth = compile_options::max_expression_depth_bound + 1;
  auto big = no_catalog();
  big.max_file_size = compile_options::max_file_size_bound + 1;
  for (const auto* o : {&deep, &big}) {
    for (int form = 0; form < 3; ++form) {
      try {
        yusuan::diagnostics ds;
        if (form == 0) (void)yusuan::compile_string(hostile::head(), "t.budget", ds, *o);
        else if (form == 1) (void)yusuan::compile_string(hostile::head(), "t.budget", *o);
        else (void)yusuan::compile_file("tests/data/small.budget", ds, *o);
        ADD_FAILURE() << "no yusuan::error, form " << form;
      } catch (const yusuan::budget_error& e) {
        ADD_FAILURE() << "a budget_error: " << e.what();
      } catch (const yusuan::error& e) {
        EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
        EXPECT_TRUE(e.diagnostic_code().empty());
        EXPECT_NE(std::string(e.what()).find(o == &deep ? "max_expression_depth 257" : "max_file_size 4294967296"),
                  std::string::npos)
            << e.what();
      }
    }
  }
  // at the bounds, the options are taken
  auto at = no_catalog();
  at.max_file_size = compile_options::max_file_size_bound;
  at.max_expression_depth = compile_options::max_expression_depth_bound;
  EXPECT_TRUE(compile(hostile::head(), at).ok());
  // the formatter reads expressions as the compiler does
  yusuan::format_options f;
  f.max_expression_depth = compile_options::max_expression_depth_bound + 1;
  try {
    (void)yusuan::format_budget(hostile::head(), "t.budget", f);
    ADD_FAILURE() << "no yusuan::error";
  } catch (const yusuan::error& e) {
    EXPECT_EQ(e.code(), yusuan::errc::invalid_argument);
  }
}

TEST(diag_limits, E0715_in_a_query) {
  const auto& b = small_budget();
  auto query = [&](std::size_t n) {
    yusuan::diagnostics ds;
    std::optional<yusuan::query> q;
    on_small_stack(small_stack, [&] {
      q = yusuan::parse_query("sum where " + hostile::repeat("(", n) + "kind = 基本支出" + hostile::repeat(")", n), b, ds);
    });
    return std::make_pair(q.has_value(), ds);
  };
  EXPECT_TRUE(query(64).first);
  const auto [ok, ds] = query(65);
  EXPECT_FALSE(ok);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds.list()[0].code, "E0715");
  EXPECT_EQ(where(ds.list()[0]), "1:75");
  EXPECT_FALSE(query(25'000).first);
}

// --- templates of tables: the same limits (E0715, E0713) -------------------------------------------

namespace {

/// Reads a template in a thread with a small stack: whether it was read, and its diagnostics.
std::pair<bool, yusuan::diagnostics> read_template_small(const std::string& text) {
  yusuan::diagnostics ds;
  bool read = false;
  on_small_stack(small_stack, [&] { read = yusuan::tables::read_template(text, "t.template", ds).has_value(); });
  return {read, ds};
}

}  // namespace

TEST(diag_limits, E0715_in_a_template_row_and_its_filter) {
  EXPECT_TRUE(read_template_small(hostile::template_parens(64)).first);
  EXPECT_TRUE(read_template_small(hostile::template_filter_groups(64)).first);
  for (const auto& [text, at] : {std::pair{hostile::template_parens(65), "6:75"},  // the 65th '(' of the row's value
                                 std::pair{hostile::template_filter_groups(65), "6:76"},  // of its 其中
                                 std::pair{hostile::template_parens(20'000), "6:75"}}) {
    const auto [read, ds] = read_template_small(text);
    EXPECT_FALSE(read);
    ASSERT_EQ(ds.size(), 1u) << dump(ds);
    EXPECT_EQ(ds[0].code, "E0715");
    EXPECT_EQ(where(ds[0]), at);
    EXPECT_EQ(ds[0].label, "level 65: parentheses, 占比, 增幅 and 合计 nest at most 64 deep");
  }
}

TEST(diag_limits, E0713_groups_of_a_template_at_the_limit_and_past_it) {
  // the table and 255 groups in it: 256 blocks
  const auto [read, at_limit] = read_template_small(hostile::template_nested_groups(256));
  EXPECT_TRUE(read) << dump(at_limit);
  for (const std::size_t n : {257, 100'000}) {
    const auto [past_read, ds] = read_template_small(hostile::template_nested_groups(n));
    EXPECT_FALSE(past_read);
    ASSERT_EQ(ds.size(), 1u) << dump(ds);  // once, and the braces still match
    EXPECT_EQ(ds[0].code, "E0713");
    EXPECT_EQ(ds[0].message, "blocks nested more than 256 deep");
    EXPECT_EQ(where(ds[0]), "261:1");  // the 256th 按, the 257th block
  }
}

// --- long flat lists, chains and cycles: no limit of depth, read without recursion ---------------

TEST(diag_limits, long_flat_lists_and_chains_in_a_small_stack) {
  auto sum = compile_small(hostile::flat_sum(10'000));
  EXPECT_TRUE(sum.ok()) << dump(sum);
  auto ors = compile_small(hostile::or_chain(10'000));
  EXPECT_TRUE(ors.ok()) << dump(ors);
  EXPECT_TRUE(compile_small(hostile::minus_signs(100'000)).ok());
  EXPECT_TRUE(compile_small(hostile::minus_signs(100'001)).ok());
  EXPECT_TRUE(compile_small(hostile::nots(100'000)).ok());
  EXPECT_TRUE(compile_small(hostile::nots(100'001)).ok());
  auto chain = compile_small(hostile::measure_chain(100'000));
  EXPECT_TRUE(chain.ok()) << dump(chain);
  auto cycle = compile_small(hostile::measure_cycle(100'000));
  EXPECT_FALSE(cycle.ok());
  EXPECT_FALSE(with_code(cycle, "E0302").empty());
}

// --- repetitions reported once each, within --max-errors ------------------------------------------

TEST(diag_limits, repeated_prior_figures_each_reported_once_against_the_first) {
  auto o = no_catalog();
  o.max_errors = 2000;
  auto r = compile(hostile::prior_repeats(1000), o);
  const auto ds = with_code(r, "E0303");
  ASSERT_EQ(ds.size(), 999u);
  for (std::size_t i = 0; i < ds.size(); ++i) {
    EXPECT_EQ(where(*ds[i]), std::to_string(i + 4) + ":4");
    std::string at;
    EXPECT_TRUE(note_has(*ds[i], "first", &at));
    EXPECT_EQ(at, "3:4");
  }
}

TEST(diag_limits, max_errors_bounds_repeated_prior_figures) {
  auto o = no_catalog();
  o.max_errors = 5;
  auto r = compile(hostile::prior_repeats(1000), o);
  EXPECT_EQ(with_code(r, "E0303").size(), 5u);
  EXPECT_EQ(one(r, "E0102").message, "994 more errors not shown");
}

TEST(diag_limits, did_you_mean_is_looked_for_in_the_first_100_unknown_names) {
  // each looks among every name: thousands of them took time out of proportion to the input
  std::string text = "金额单位 万元\n208 01 09 30201: 1.00\n";
  for (int i = 0; i < 150; ++i) text += "口径 度量" + std::to_string(i) + " = 支出合计\n";
  for (int i = 0; i < 150; ++i) text += "核对 度量" + std::to_string(i) + "x = 1.00\n";
  auto o = no_catalog();
  o.max_errors = 0;
  auto r = compile(text, o);
  const auto unknown = with_code(r, "E0302");
  ASSERT_EQ(unknown.size(), 150u) << dump(r);
  EXPECT_EQ(unknown[0]->label, "did you mean '度量0'?");
  EXPECT_EQ(unknown[99]->label, "did you mean '度量99'?");
  EXPECT_EQ(unknown[100]->label, "");
  EXPECT_EQ(unknown[100]->message, "unknown measure or figure '度量100x'");
}

TEST(diag_limits, syntax_errors_past_max_errors_are_counted_as_errors) {
  auto o = no_catalog();
  o.max_errors = 2;
  std::string text = "年度 2024\n";
  for (int i = 0; i < 50; ++i) text += "xx 核队\n";
  auto r = compile(text, o);
  EXPECT_EQ(with_code(r, "E0101").size(), 2u);
  EXPECT_EQ(one(r, "E0102").message, "48 more errors not shown");
}

// --- only regular files are read -----------------------------------------------------------------

TEST(diag_limits, E0001_a_device_as_an_import) {
  auto o = no_catalog();
  o.root = "/dev";
  const auto r = compile("金额单位 元\n导入 \"zero\"\n208 01 09 30101: 1.00\n", o);
  const auto& d = one(r, "E0001");
  EXPECT_EQ(d.message, "cannot read 'zero': not a regular file (a pipe or a device)");
  EXPECT_EQ(where(d), "2:5");
}

TEST(diag_limits, E0001_a_device_as_the_root_file) {
  const auto r = compile_path("/dev/zero", no_catalog());
  EXPECT_TRUE(r.io_error);
  EXPECT_EQ(one(r, "E0001").message, "cannot read '/dev/zero': not a regular file (a pipe or a device)");
}

// --- E0712: files ----------------------------------------------------------------------------------

TEST(diag_limits, E0712_files_at_the_limit_and_one_past_it) {
  // the root counts, a file or a text alike: max_files = 2 reads the root and one import
  temp_dir dir;
  dir.write("a.budget", "金额单位 元\n208 01 09 30101: 1.00\n");
  dir.write("b.budget", "金额单位 元\n208 01 09 30102: 1.00\n");
  const std::string one_import = "金额单位 元\n导入 \"a.budget\"\n";
  const std::string two_imports = one_import + "导入 \"b.budget\"\n";
  auto o = no_catalog();
  o.root = dir.path();
  o.max_files = 2;
  EXPECT_TRUE(compile(one_import, o).ok());
  const auto past = compile(two_imports, o);
  const auto& d = one(past, "E0712");
  EXPECT_EQ(d.message, "too many imported files");
  EXPECT_EQ(where(d), "3:5");  // at the path of the second import
  const auto root = dir.write("root.budget", two_imports);
  EXPECT_EQ(where(one(compile_path(root, o), "E0712")), "3:5");
  o.max_files = 3;
  EXPECT_TRUE(compile_path(root, o).ok());
  // 0: every input is past it, the root too (it was read)
  o.max_files = 0;
  for (const auto& r : {compile(one_import, o), compile_path(root, o)}) {
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(one(r, "E0712").message.starts_with("too many files: ")) << dump(r);
  }
}

// --- E0716: lines too long -------------------------------------------------------------------------

TEST(diag_limits, E0716_a_line_at_the_limit_and_one_byte_past_it) {
  const std::size_t limit = compile_options{}.max_line_length;
  EXPECT_EQ(limit, 1048576u);
  const std::string head = "金额单位 元\n208 01 09 30101: 1.00\n";
  // a comment line of exactly the limit, then one byte longer
  auto at = compile(head + "#" + std::string(limit - 1, 'x') + "\n");
  EXPECT_TRUE(at.ok()) << dump(at).substr(0, 2000);
  auto past = compile(head + "#" + std::string(limit, 'x') + "\n");
  const auto& d = one(past, "E0716");
  EXPECT_EQ(d.message, "line too long");
  EXPECT_EQ(where(d), "3:1048577");
  EXPECT_EQ(d.label, "1048577 bytes: a line has at most 1048576 bytes");
  EXPECT_EQ(past.diagnostics.error_count(), 1u);
  // the option, and the line shown around the column, not whole
  compile_options o = no_catalog();
  o.max_line_length = 40;
  EXPECT_TRUE(compile("208 01 09 30101 基本工资: 1.00\n", o).ok());
  auto long_item = compile("208 01 09 30101: 1.00\n" + std::string(2000, ' ') + "208 01 09 30102: 2.00\n", o);
  EXPECT_EQ(where(one(long_item, "E0716")), "2:41");
  std::ostringstream text;
  yusuan::render_text(text, long_item.diagnostics, {false});
  EXPECT_LT(text.str().size(), 1000u) << text.str();
  EXPECT_HAS(text.str(), "…");
}

// --- E0717: names and strings too long -------------------------------------------------------------

TEST(diag_limits, E0717_a_name_or_string_at_the_limit_and_one_byte_past_it) {
  const std::string head = "金额单位 元\n208 01 09 30101: 1.00\n";
  const std::string at_limit(yusuan::syntax::max_name_length, 'n'), past_limit(yusuan::syntax::max_name_length + 1, 'n');
  EXPECT_TRUE(compile(head + "数值 " + at_limit + " 1.00\n").ok());
  EXPECT_TRUE(compile(head + "标题 \"" + at_limit + "\"\n").ok());
  EXPECT_TRUE(compile(head + "标题 “" + at_limit + "”\n").ok());
  auto word = compile(head + "数值 " + past_limit + " 1.00\n");
  const auto& d = one(word, "E0717");
  EXPECT_EQ(d.message, "name or string too long");
  EXPECT_EQ(where(d), "3:4");
  EXPECT_EQ(d.label, "4097 bytes: a name or a string has at most 4096 bytes");
  EXPECT_EQ(word.diagnostics.error_count(), 1u);
  EXPECT_EQ(where(one(compile(head + "标题 \"" + past_limit + "\"\n"), "E0717")), "3:4");
  EXPECT_EQ(where(one(compile(head + "标题 “" + past_limit + "”\n"), "E0717")), "3:4");
  // in a query too
  const auto b = compile(head);
  ASSERT_TRUE(b.ok());
  yusuan::diagnostics qd;
  EXPECT_FALSE(yusuan::parse_query("sum where 项目 = " + past_limit, *b.value, qd));
  EXPECT_EQ(qd[0].code, "E0717");
}
