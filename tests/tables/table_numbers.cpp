// A table's number: the number its id reads as (3, 03, T3, 表3), else its
// place in the template; every spelling of a number names the one table of
// that number, whatever order the tables are in; two ids of one number are
// an error of the template (E0805).
#include "support/test_support.hpp"

#include <yusuan/tables.hpp>

#include <optional>
#include <string>
#include <vector>

using namespace yusuan_test;

namespace {

namespace tb = yusuan::tables;

/// A template of tables of these ids, in this order, named 甲 乙 丙 ….
std::string template_of(const std::vector<std::string>& ids) {
  static const char* const names[] = {"甲", "乙", "丙", "丁"};
  std::string out = "模板 x\n";
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += "表 " + ids[i] + " " + names[i] + " {\n  列 \"a\"\n  行 \"" + names[i] + "\"\n}\n";
  return out;
}

std::optional<std::size_t> index(const tb::table_template& t, std::string_view text) {
  return tb::find_table(t, text).index;
}

TEST(table_numbers, every_spelling_of_a_number_names_the_table_whose_id_has_it) {
  // T2 first, T1 second: 1 and T1 are one table, the second
  const auto t = tb::read_template(template_of({"T2", "T1", "X"}), "n.template");
  for (const char* text : {"1", "01", "T1", "t1", "表1"}) EXPECT_EQ(index(t, text), 1u) << text;
  for (const char* text : {"2", "02", "T2", "表2"}) EXPECT_EQ(index(t, text), 0u) << text;
  // an id that is no number: its place
  EXPECT_EQ(index(t, "3"), 2u);
  EXPECT_EQ(index(t, "T3"), 2u);
  EXPECT_EQ(index(t, "X"), 2u);
  EXPECT_EQ(tb::table_numbers(t), (std::vector<std::optional<std::size_t>>{2, 1, 3}));
  EXPECT_FALSE(index(t, "4"));
  // the diagnostic does not promise the numbers 1 … 3 in order
  EXPECT_EQ(tb::table_lookup_error(t, "4", tb::find_table(t, "4"))[0].expected, "a table's number, id, alias or name");
}

TEST(table_numbers, a_place_another_tables_id_has_numbers_no_table_by_its_place) {
  const auto t = tb::read_template(template_of({"A", "1"}), "n.template");
  EXPECT_EQ(index(t, "1"), 1u);
  EXPECT_EQ(index(t, "T1"), 1u);
  EXPECT_EQ(index(t, "A"), 0u);
  EXPECT_FALSE(index(t, "2"));  // 1's place, but its id says 1
  EXPECT_EQ(tb::table_numbers(t), (std::vector<std::optional<std::size_t>>{std::nullopt, 1}));
}

TEST(table_numbers, the_shipped_templates_are_numbered_in_order) {
  for (const auto& t : tb::standard_templates()) {
    const auto numbers = tb::table_numbers(t);
    for (std::size_t i = 0; i < t.tables.size(); ++i) {
      EXPECT_EQ(numbers[i], i + 1) << t.name << " " << t.tables[i].id;
      EXPECT_EQ(index(t, std::to_string(i + 1)), i) << t.name;
      EXPECT_EQ(index(t, t.tables[i].id), i) << t.name;
    }
    EXPECT_EQ(tb::table_lookup_error(t, "99", tb::find_table(t, "99"))[0].expected,
              "a table's number 1 … " + std::to_string(t.tables.size()) + ", id, alias or name");
  }
}

TEST(table_numbers, two_ids_of_one_number_are_an_error_of_the_template) {
  yusuan::diagnostics d;
  EXPECT_FALSE(tb::read_template(template_of({"1", "甲表", "T1"}), "n.template", d));
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].code, "E0805");
  EXPECT_EQ(d[0].message, "tables '1' and 'T1' have one number, 1");
  EXPECT_EQ(where_in_file(d[0]), "n.template:10:3");
  EXPECT_EQ(notes(d[0]), std::vector<std::string>{"table '1' is here"});
}

TEST(table_numbers, an_empty_id_is_an_error_of_the_template) {
  // no command line could choose the table by it
  for (const char* id : {"\"\"", "\"  \""}) {
    yusuan::diagnostics d;
    EXPECT_FALSE(tb::read_template(template_of({"T1", id}), "n.template", d)) << id;
    ASSERT_EQ(d.size(), 1u) << dump(d);
    EXPECT_EQ(d[0].code, "E0805");
    EXPECT_EQ(d[0].message, "a table's id is empty");
    EXPECT_EQ(where_in_file(d[0]), "n.template:6:4");  // inside the quotes
  }
}

TEST(table_numbers, a_table_note_names_a_table_by_its_number_as_the_command_line_does) {
  const auto t = tb::read_template(template_of({"T2", "T1"}), "n.template");
  const auto b = yusuan::compile_string("金额单位 元\n表注 1 \"说明\"\n208 01 09 基本支出 30101: 10.00\n", "b.budget");
  EXPECT_EQ(tb::build(b, t, "T1").notes, std::vector<std::string>{"说明"});
  EXPECT_TRUE(tb::build(b, t, "T2").notes.empty());
}

}  // namespace
