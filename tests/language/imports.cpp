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
