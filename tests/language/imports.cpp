// Imports (导入): the imported items, their files and their unit of amounts.
// Failing imports: diagnostics/names_and_imports.cpp.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(lang_imports, items_come_where_the_import_is_written) {
  auto r = compile_path("tests/data/dsl/import_main.budget");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.sources().size(), 3u);
  EXPECT_EQ(b.sources()[0]->name(), "tests/data/dsl/import_main.budget");
  EXPECT_EQ(b.sources()[1]->name(), "tests/data/dsl/import_part.budget");
  EXPECT_EQ(b.sources()[2]->name(), "tests/data/dsl/import_part_yuan.budget");
  ASSERT_EQ(b.items().size(), 3u);
  // imported items come where the import is written
  EXPECT_EQ(b.items()[0].econ, ec("30201"));
  EXPECT_EQ(b.items()[0].file, 1u);
  EXPECT_EQ(b.items()[0].amount, wan("2.00"));  // the importer's 万元
  EXPECT_EQ(b.items()[1].econ, ec("30202"));
  EXPECT_EQ(b.items()[1].file, 2u);
  EXPECT_EQ(b.items()[1].amount, wan("1.00"));  // 10,000.00 元
  EXPECT_EQ(b.items()[2].file, 0u);
  EXPECT_EQ(b.items()[2].amount, wan("3.00"));  // back in 万元 after the import
  EXPECT_EQ(b.amount_unit(), yusuan::unit::wan_yuan);
  const auto at = yusuan::resolve(b.span_of(b.items()[1]));
  EXPECT_EQ(at.file, "tests/data/dsl/import_part_yuan.budget");
  EXPECT_EQ(at.line, 3u);
  EXPECT_EQ(at.column, 1u);
  EXPECT_EQ(b.name_of(ec("30202")), "印刷费");
}

TEST(lang_imports, twice_reads_once) {
  temp_dir t;
  t.write("part.budget", "208 01 09 30101: 1.00\n");
  const auto p = t.write("main.budget", "导入 \"part.budget\"\n导入 \"./part.budget\"\n");
  auto r = compile_path(p);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items().size(), 1u);
}

// 导入 <…>: the standard library path, never the importing directory.
TEST(lang_imports, library_imports_search_the_library_path_only) {
  temp_dir lib, elsewhere;
  lib.write("std/rules.budget", "口径 人员 = 合计(类型 = 人员经费)\n核对 人员 = 1.00\n");
  // the same name beside the budget must not be the one imported
  elsewhere.write("std/rules.budget", "核对 支出合计 = 999.00\n");
  const auto main = elsewhere.write("main.budget", "导入 <std/rules.budget>\n208 01 09 基本支出 30101: 1.00\n");
  compile_options o = no_catalog();
  o.library_path = {lib.path()};
  auto r = compile_path(main, o);
  ASSERT_TRUE(r.ok()) << dump(r);
  ASSERT_EQ(r.value->sources().size(), 2u);
  EXPECT_EQ(r.value->sources()[1]->name(), "<std/rules.budget>");
  EXPECT_EQ(r.value->find_measure("人员")->value, yusuan::money::parse("1.00"));

  // not on the path: E0311, even though the importing directory has it
  compile_options none = no_catalog();
  none.library_path = {elsewhere.path() / "nothing-here"};
  auto missing = compile_path(main, none);
  EXPECT_FALSE(missing.ok());
  EXPECT_FALSE(with_code(missing, "E0311").empty()) << dump(missing);
}

TEST(lang_imports, the_first_directory_of_the_library_path_that_has_the_file_wins) {
  temp_dir first, second, dir;
  second.write("std/m.budget", "口径 甲 = 2.00\n");
  first.write("std/m.budget", "口径 甲 = 1.00\n");
  const auto main = dir.write("main.budget", "导入 <std/m.budget>\n208 01 09 基本支出 30101: 1.00\n");
  compile_options o = no_catalog();
  o.library_path = {first.path(), second.path()};
  auto r = compile_path(main, o);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->find_measure("甲")->value, yusuan::money::parse("1.00"));
  o.library_path = {dir.path() / "none", second.path()};
  r = compile_path(main, o);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->find_measure("甲")->value, yusuan::money::parse("2.00"));
}

TEST(lang_imports, YUSUAN_PATH_comes_before_the_installed_library) {
  temp_dir lib, dir;
  lib.write("std/measures.budget", "口径 只在环境变量的库里 = 3.00\n");
  const auto main = dir.write("main.budget", "导入 <std/measures.budget>\n208 01 09 基本支出 30101: 1.00\n");
  ::setenv("YUSUAN_PATH", ("/nonexistent:" + lib.path().string()).c_str(), 1);
  const auto path = yusuan::default_library_path();
  auto r = compile_path(main, no_catalog());  // library_path empty: default_library_path()
  ::unsetenv("YUSUAN_PATH");
  ASSERT_GE(path.size(), 2u);
  EXPECT_EQ(path[0], fs::path("/nonexistent"));
  EXPECT_EQ(path[1], lib.path());
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_NE(r.value->find_measure("只在环境变量的库里"), nullptr);
  // without the variable, the installed standard library is found from any directory
  auto std_lib = compile_path(main, no_catalog());
  ASSERT_TRUE(std_lib.ok()) << dump(std_lib);
  EXPECT_NE(std_lib.value->find_measure("机关运行经费"), nullptr);
}
