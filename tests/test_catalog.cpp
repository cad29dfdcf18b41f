// Tests of <yusuan/catalog.hpp>: the compiled-in 2024 classification catalogs.
#include <yusuan/catalog.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using yusuan::catalog;
using yusuan::code_family;
using yusuan::confirmation;
using yusuan::make_flags;
using yusuan::unit_type;

constexpr auto R = confirmation::real;
constexpr auto T = confirmation::template_;
constexpr auto P = confirmation::page;
constexpr auto K = confirmation::knowledge;
constexpr auto U = confirmation::uncertain;

constexpr std::array all_units{unit_type::administrative, unit_type::civil_service, unit_type::institution};

const catalog& c2024() { return catalog::edition(2024); }

std::vector<std::string> strings(const std::vector<std::string_view>& v) { return {v.begin(), v.end()}; }
using sv_list = std::vector<std::string>;

// ---------------------------------------------------------------------------
// Editions
// ---------------------------------------------------------------------------

TEST(catalog, EditionFallback) {
  EXPECT_EQ(c2024().year(), 2024);
  EXPECT_TRUE(catalog::has_edition(2024));
  EXPECT_FALSE(catalog::has_edition(2018));
  // Only 2024 is compiled in: earlier years fall back to the first edition,
  // later years to the nearest earlier one.
  EXPECT_EQ(catalog::edition(2018).year(), 2024);
  EXPECT_EQ(catalog::edition(2030).year(), 2024);
  EXPECT_EQ(&catalog::edition(2030), &c2024());
  ASSERT_FALSE(catalog::editions().empty());
  EXPECT_EQ(catalog::editions().back().year(), 2024);
}

// ---------------------------------------------------------------------------
// 类 of 支出功能分类
// ---------------------------------------------------------------------------

TEST(catalog, AllThirtyFunctionClasses) {
  const std::map<std::string, std::string> expected{
      {"201", "一般公共服务支出"}, {"202", "外交支出"}, {"203", "国防支出"},
      {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"},
      {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"}, {"209", "社会保险基金支出"},
      {"210", "卫生健康支出"}, {"211", "节能环保支出"}, {"212", "城乡社区支出"},
      {"213", "农林水支出"}, {"214", "交通运输支出"}, {"215", "资源勘探工业信息等支出"},
      {"216", "商业服务业等支出"}, {"217", "金融支出"}, {"219", "援助其他地区支出"},
      {"220", "自然资源海洋气象等支出"}, {"221", "住房保障支出"}, {"222", "粮油物资储备支出"},
      {"223", "国有资本经营预算支出"}, {"224", "灾害防治及应急管理支出"}, {"227", "预备费"},
      {"229", "其他支出"}, {"230", "转移性支出"}, {"231", "债务还本支出"},
      {"232", "债务付息支出"}, {"233", "债务发行费用支出"}, {"234", "抗疫特别国债安排的支出"},
  };
  ASSERT_EQ(expected.size(), 30u);
  std::map<std::string, std::string> classes;
  for (const auto& e : c2024().entries(code_family::function))
    if (e.code.size() == 3) classes.emplace(std::string(e.code), std::string(e.name));
  EXPECT_EQ(classes, expected);
  EXPECT_EQ(c2024().children(code_family::function, "").size(), 30u);
  EXPECT_TRUE(c2024().classes_complete(code_family::function));
  for (const char* unused : {"218", "225", "226", "228"}) {
    EXPECT_EQ(c2024().find(code_family::function, unused), nullptr) << unused;
    EXPECT_TRUE(c2024().children(code_family::function, unused).empty()) << unused;
  }
}

TEST(catalog, EconomicClasses) {
  const auto& c = c2024();
  std::vector<std::string> econ, gov;
  for (const auto* e : c.children(code_family::econ, "")) econ.emplace_back(e->code);
  for (const auto* e : c.children(code_family::gov_econ, "")) gov.emplace_back(e->code);
  EXPECT_EQ(econ, (sv_list{"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"}));
  EXPECT_EQ(gov, (sv_list{"501", "502", "503", "504", "505", "506", "507", "508", "509", "510", "511", "512",
                          "513", "514", "599"}));
  EXPECT_TRUE(c.classes_complete(code_family::econ));
  EXPECT_TRUE(c.classes_complete(code_family::gov_econ));
  EXPECT_EQ(c.children(code_family::econ, "301").size(), 13u);
  EXPECT_TRUE(c.find(code_family::econ, "301")->complete);
}

// ---------------------------------------------------------------------------
// Every code of the Luoyang 2024 reference budget
// ---------------------------------------------------------------------------

struct coded {
  code_family family;
  const char* code;
  const char* name;
};

// Names as printed by the reference budget (洛阳市社会保险中心 2024年单位预算);
// the budget prints 30213 as "维修(护)费" with half-width brackets, the catalog
// keeps the official full-width "维修（护）费" (as the budget does for 50209).
const std::vector<coded> reference_codes{
    {code_family::function, "2050803", "培训支出"},
    {code_family::function, "2080109", "社会保险经办机构"},
    {code_family::function, "2080501", "行政单位离退休"},
    {code_family::function, "2080505", "机关事业单位基本养老保险缴费支出"},
    {code_family::function, "2080507", "对机关事业单位基本养老保险基金的补助"},
    {code_family::function, "2080508", "对机关事业单位职业年金的补助"},
    {code_family::function, "2101101", "行政单位医疗"},
    {code_family::function, "2210201", "住房公积金"},
    {code_family::econ, "30101", "基本工资"},
    {code_family::econ, "30102", "津贴补贴"},
    {code_family::econ, "30103", "奖金"},
    {code_family::econ, "30107", "绩效工资"},
    {code_family::econ, "30108", "机关事业单位基本养老保险缴费"},
    {code_family::econ, "30110", "职工基本医疗保险缴费"},
    {code_family::econ, "30112", "其他社会保障缴费"},
    {code_family::econ, "30113", "住房公积金"},
    {code_family::econ, "30199", "其他工资福利支出"},
    {code_family::econ, "30201", "办公费"},
    {code_family::econ, "30202", "印刷费"},
    {code_family::econ, "30205", "水费"},
    {code_family::econ, "30206", "电费"},
    {code_family::econ, "30207", "邮电费"},
    {code_family::econ, "30208", "取暖费"},
    {code_family::econ, "30209", "物业管理费"},
    {code_family::econ, "30211", "差旅费"},
    {code_family::econ, "30213", "维修（护）费"},
    {code_family::econ, "30214", "租赁费"},
    {code_family::econ, "30215", "会议费"},
    {code_family::econ, "30216", "培训费"},
    {code_family::econ, "30217", "公务接待费"},
    {code_family::econ, "30227", "委托业务费"},
    {code_family::econ, "30228", "工会经费"},
    {code_family::econ, "30229", "福利费"},
    {code_family::econ, "30231", "公务用车运行维护费"},
    {code_family::econ, "30239", "其他交通费用"},
    {code_family::econ, "30299", "其他商品和服务支出"},
    {code_family::econ, "30301", "离休费"},
    {code_family::econ, "30302", "退休费"},
    {code_family::econ, "30305", "生活补助"},
    {code_family::econ, "31002", "办公设备购置"},
    {code_family::econ, "31302", "对社会保险基金补助"},
    {code_family::econ, "31304", "对机关事业单位职业年金的补助"},
    {code_family::gov_econ, "50101", "工资奖金津补贴"},
    {code_family::gov_econ, "50102", "社会保障缴费"},
    {code_family::gov_econ, "50103", "住房公积金"},
    {code_family::gov_econ, "50199", "其他工资福利支出"},
    {code_family::gov_econ, "50201", "办公经费"},
    {code_family::gov_econ, "50202", "会议费"},
    {code_family::gov_econ, "50203", "培训费"},
    {code_family::gov_econ, "50205", "委托业务费"},
    {code_family::gov_econ, "50206", "公务接待费"},
    {code_family::gov_econ, "50208", "公务用车运行维护费"},
    {code_family::gov_econ, "50209", "维修（护）费"},
    {code_family::gov_econ, "50299", "其他商品和服务支出"},
    {code_family::gov_econ, "50306", "设备购置"},
    {code_family::gov_econ, "50501", "工资福利支出"},
    {code_family::gov_econ, "50901", "社会福利和救助"},
    {code_family::gov_econ, "50905", "离退休费"},
    {code_family::gov_econ, "51002", "对社会保险基金补助"},
    {code_family::gov_econ, "51004", "对机关事业单位职业年金的补助"},
};

TEST(catalog, ReferenceBudgetCodes) {
  const auto& c = c2024();
  for (const auto& [family, code, name] : reference_codes) {
    const auto* e = c.find(family, code);
    ASSERT_NE(e, nullptr) << yusuan::family_name(family) << ' ' << code;
    EXPECT_EQ(e->name, name) << code;
    EXPECT_EQ(c.name(family, code), name) << code;
    EXPECT_NE(e->flags, 0) << code;
    // Every ancestor is in the catalog too.
    for (auto p = c.parent(family, code); p != nullptr; p = c.parent(family, p->code))
      EXPECT_TRUE(c.contains(family, p->code));
  }
  // Class and 款 rows printed by the budget's tables.
  for (const char* code : {"205", "20508", "208", "20801", "20805", "210", "21011", "221", "22102"})
    EXPECT_TRUE(c.contains(code_family::function, code)) << code;
  for (const char* code : {"301", "302", "303", "310", "313"}) EXPECT_TRUE(c.contains(code_family::econ, code));
  for (const char* code : {"501", "502", "503", "505", "509", "510"})
    EXPECT_TRUE(c.contains(code_family::gov_econ, code));
}

TEST(catalog, FindRejectsMalformedAndUnknownCodes) {
  const auto& c = c2024();
  for (const char* code : {"", "2", "20", "2080", "208051", "20805099", "208 05 05", "２０８", "x08"})
    EXPECT_EQ(c.find(code_family::function, code), nullptr) << code;
  EXPECT_EQ(c.find(code_family::function, "2080504"), nullptr);  // deleted in older editions
  EXPECT_EQ(c.find(code_family::econ, "2080505"), nullptr);       // wrong family
  EXPECT_EQ(c.find(code_family::gov_econ, "30101"), nullptr);
  EXPECT_FALSE(c.name(code_family::econ, "30130").has_value());
  EXPECT_TRUE(yusuan::is_code_shape(code_family::function, "2080505"));
  EXPECT_FALSE(yusuan::is_code_shape(code_family::econ, "2080505"));
  EXPECT_FALSE(yusuan::is_code_shape(code_family::gov_econ, "50a01"));
}

TEST(catalog, EntriesSortedAndFindable) {
  const auto& c = c2024();
  for (auto f : {code_family::function, code_family::econ, code_family::gov_econ}) {
    const auto list = c.entries(f);
    ASSERT_FALSE(list.empty());
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0) {
        EXPECT_LT(list[i - 1].code, list[i].code);
      }
      EXPECT_EQ(c.find(f, list[i].code), &list[i]);
      EXPECT_TRUE(yusuan::is_code_shape(f, list[i].code)) << list[i].code;
      if (list[i].code.size() > 3) {
        EXPECT_NE(c.parent(f, list[i].code), nullptr) << list[i].code;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Flags
// ---------------------------------------------------------------------------

TEST(catalog, FlagsPreserved) {
  const auto& c = c2024();
  const auto flags = [&](code_family f, std::string_view code) {
    const auto* e = c.find(f, code);
    return e ? e->flags : std::uint8_t{0xff};
  };
  EXPECT_EQ(flags(code_family::function, "2080505"), make_flags(R, P));
  EXPECT_EQ(flags(code_family::function, "2080507"), make_flags(K));
  EXPECT_EQ(flags(code_family::function, "2080508"), make_flags(K, U));
  EXPECT_EQ(flags(code_family::function, "2080501"), make_flags(R));
  EXPECT_EQ(flags(code_family::function, "2101102"), make_flags(R, P));
  EXPECT_EQ(flags(code_family::function, "2210201"), make_flags(R, P));
  EXPECT_EQ(flags(code_family::function, "2050801"), make_flags(P));
  EXPECT_EQ(flags(code_family::function, "2080109"), make_flags(K));
  EXPECT_EQ(flags(code_family::function, "201"), make_flags(R, T));
  EXPECT_EQ(flags(code_family::function, "202"), make_flags(T));
  EXPECT_EQ(flags(code_family::function, "230"), make_flags(K, P));
  EXPECT_EQ(flags(code_family::function, "21017"), make_flags(U));
  EXPECT_TRUE(yusuan::has_flag(flags(code_family::econ, "30231"), T));
  EXPECT_EQ(flags(code_family::econ, "30101"), make_flags(R, T));
  EXPECT_EQ(flags(code_family::econ, "30219"), make_flags(K, P));
  EXPECT_EQ(flags(code_family::econ, "31002"), make_flags(R, T));
  EXPECT_EQ(flags(code_family::econ, "31304"), make_flags(K, U));
  EXPECT_EQ(flags(code_family::gov_econ, "50101"), make_flags(P));
  EXPECT_EQ(flags(code_family::gov_econ, "50306"), make_flags(K, U));
  EXPECT_EQ(flags(code_family::gov_econ, "51004"), make_flags(K, U));

  EXPECT_TRUE(yusuan::is_verified(make_flags(R, P)));
  EXPECT_FALSE(yusuan::is_verified(make_flags(K, P)));
}

TEST(catalog, FlagsText) {
  EXPECT_EQ(yusuan::flags_text(make_flags(R, T)), "[R][T]");
  EXPECT_EQ(yusuan::flags_text(make_flags(K, U)), "[K][?]");
  EXPECT_EQ(yusuan::flags_text(make_flags(R, T, P, K, U)), "[R][T][P][K][?]");
  EXPECT_EQ(yusuan::flags_text(0), "");
  static_assert(yusuan::flags_text(yusuan::make_flags(confirmation::page)) == "[P]");
  for (unsigned mask = 1; mask < 32; ++mask) {
    const auto f = static_cast<std::uint8_t>(mask);
    EXPECT_EQ(yusuan::parse_flags(yusuan::flags_text(f)), f) << mask;
  }
  EXPECT_EQ(yusuan::parse_flags("[P][R]"), make_flags(R, P));
  EXPECT_FALSE(yusuan::parse_flags("").has_value());
  EXPECT_FALSE(yusuan::parse_flags("[R] [T]").has_value());
  EXPECT_FALSE(yusuan::parse_flags("[R][R]").has_value());
  EXPECT_FALSE(yusuan::parse_flags("[X]").has_value());
}

TEST(catalog, Completeness) {
  const auto& c = c2024();
  EXPECT_TRUE(c.find(code_family::function, "20805")->complete);
  EXPECT_TRUE(c.find(code_family::function, "21011")->complete);
  EXPECT_FALSE(c.find(code_family::function, "22101")->complete);  // "2024 may add … verify"
  EXPECT_FALSE(c.find(code_family::function, "20103")->complete);  // only observed items
  EXPECT_FALSE(c.find(code_family::function, "208")->complete);
  EXPECT_FALSE(c.find(code_family::function, "2080505")->complete);  // a 项 has no children
  EXPECT_TRUE(c.find(code_family::econ, "302")->complete);
  EXPECT_FALSE(c.find(code_family::gov_econ, "504")->complete);  // numbering uncertain
  // A complete entry's children are all there: 20805 has exactly 8 项.
  EXPECT_EQ(c.children(code_family::function, "20805").size(), 8u);
}

// ---------------------------------------------------------------------------
// Names by year
// ---------------------------------------------------------------------------

TEST(catalog, Renames) {
  const auto& c = catalog::edition(2018);
  EXPECT_EQ(c.name_in_year(code_family::function, "210", 2018), "医疗卫生与计划生育支出");
  EXPECT_EQ(c.name_in_year(code_family::function, "210", 2010), "医疗卫生与计划生育支出");
  EXPECT_EQ(c.name_in_year(code_family::function, "210", 2019), "卫生健康支出");
  EXPECT_EQ(c.name_in_year(code_family::function, "210", 2024), "卫生健康支出");
  EXPECT_EQ(c.name(code_family::function, "210"), "卫生健康支出");
  EXPECT_EQ(c.name_in_year(code_family::function, "2080505", 2018), "机关事业单位基本养老保险缴费支出");
  EXPECT_FALSE(c.name_in_year(code_family::function, "218", 2018).has_value());
  ASSERT_FALSE(c.renames(code_family::function).empty());
  EXPECT_TRUE(c.renames(code_family::econ).empty());
}

// ---------------------------------------------------------------------------
// Parents and children
// ---------------------------------------------------------------------------

TEST(catalog, Parents) {
  const auto& c = c2024();
  const auto code_of = [](const yusuan::catalog_entry* e) { return e ? std::string(e->code) : std::string("null"); };
  EXPECT_EQ(code_of(c.parent(code_family::function, "2080109")), "20801");
  EXPECT_EQ(code_of(c.parent(code_family::function, "20801")), "208");
  EXPECT_EQ(code_of(c.parent(code_family::function, "2050803")), "20508");
  EXPECT_EQ(code_of(c.parent(code_family::function, "208")), "null");
  EXPECT_EQ(code_of(c.parent(code_family::econ, "30101")), "301");
  EXPECT_EQ(code_of(c.parent(code_family::gov_econ, "50306")), "503");
  EXPECT_EQ(code_of(c.parent(code_family::econ, "301")), "null");
  EXPECT_EQ(code_of(c.parent(code_family::function, "2189901")), "null");  // 218 does not exist
  EXPECT_EQ(code_of(c.parent(code_family::econ, "3010101")), "null");      // no 项 in econ
  EXPECT_EQ(c.parent(code_family::function, "20805")->name, "社会保障和就业支出");

  std::vector<std::string> kids;
  for (const auto* e : c.children(code_family::function, "22102")) kids.emplace_back(e->code);
  EXPECT_EQ(kids, (sv_list{"2210201", "2210202", "2210203"}));
  kids.clear();
  for (const auto* e : c.children(code_family::gov_econ, "501")) kids.emplace_back(e->code);
  EXPECT_EQ(kids, (sv_list{"50101", "50102", "50103", "50199"}));
}

// ---------------------------------------------------------------------------
// 部门 → 政府 mapping
// ---------------------------------------------------------------------------

TEST(catalog, MappingByUnitType) {
  const auto& c = c2024();
  const auto gov = [&](std::string_view dept, unit_type u) { return strings(c.gov_econ_for(dept, u)); };
  constexpr auto adm = unit_type::administrative;
  constexpr auto civ = unit_type::civil_service;
  constexpr auto ins = unit_type::institution;

  EXPECT_EQ(gov("30101", adm), sv_list{"50101"});
  EXPECT_EQ(gov("30101", civ), sv_list{"50101"});
  EXPECT_EQ(gov("30101", ins), sv_list{"50501"});
  EXPECT_EQ(gov("30102", adm), sv_list{"50101"});
  EXPECT_EQ(gov("30108", adm), sv_list{"50102"});
  EXPECT_EQ(gov("30113", civ), sv_list{"50103"});
  EXPECT_EQ(gov("30199", adm), sv_list{"50199"});
  EXPECT_EQ(gov("30107", ins), sv_list{"50501"});
  EXPECT_EQ(gov("30201", adm), sv_list{"50201"});
  EXPECT_EQ(gov("30201", ins), sv_list{"50502"});
  EXPECT_EQ(gov("30215", adm), sv_list{"50202"});
  EXPECT_EQ(gov("30216", civ), sv_list{"50203"});
  EXPECT_EQ(gov("30227", adm), sv_list{"50205"});
  EXPECT_EQ(gov("30217", adm), sv_list{"50206"});
  EXPECT_EQ(gov("30212", adm), sv_list{"50207"});
  EXPECT_EQ(gov("30231", adm), sv_list{"50208"});
  EXPECT_EQ(gov("30213", adm), sv_list{"50209"});
  EXPECT_EQ(gov("30299", adm), sv_list{"50299"});
  for (auto u : all_units) {
    EXPECT_EQ(gov("30301", u), sv_list{"50905"});
    EXPECT_EQ(gov("30302", u), sv_list{"50905"});
    EXPECT_EQ(gov("30305", u), sv_list{"50901"});
    EXPECT_EQ(gov("31302", u), sv_list{"51002"});
    EXPECT_EQ(gov("31304", u), sv_list{"51004"});
    EXPECT_EQ(gov("30701", u), sv_list{"51101"});
    EXPECT_EQ(gov("39999", u), sv_list{"59999"});
  }
  EXPECT_EQ(gov("31002", adm), sv_list{"50405"});
  EXPECT_EQ(gov("31002", civ), sv_list{"50405"});
  EXPECT_EQ(gov("31002", ins), sv_list{"50602"});
  EXPECT_EQ(gov("30902", adm), sv_list{"50306"});
  EXPECT_EQ(gov("30902", ins), sv_list{"50601"});
  EXPECT_TRUE(gov("39901", adm).empty());  // unknown code
  EXPECT_TRUE(gov("2080505", adm).empty());

  // Class level.
  EXPECT_EQ(gov("301", adm), sv_list{"501"});
  EXPECT_EQ(gov("301", ins), sv_list{"505"});
  EXPECT_EQ(gov("302", civ), sv_list{"502"});
  EXPECT_EQ(gov("302", ins), sv_list{"505"});
  EXPECT_EQ(gov("309", adm), sv_list{"503"});
  EXPECT_EQ(gov("310", adm), sv_list{"504"});
  EXPECT_EQ(gov("310", ins), sv_list{"506"});
  EXPECT_EQ(gov("312", ins), (sv_list{"507", "508"}));
  for (auto u : all_units) {
    EXPECT_EQ(gov("303", u), sv_list{"509"});
    EXPECT_EQ(gov("307", u), sv_list{"511"});
    EXPECT_EQ(gov("313", u), sv_list{"510"});
    EXPECT_EQ(gov("399", u), sv_list{"599"});
  }

  // Reverse direction.
  EXPECT_EQ(strings(c.dept_econ_for("50103", adm)), sv_list{"30113"});
  EXPECT_EQ(strings(c.dept_econ_for("50202", ins)), sv_list{});
  EXPECT_EQ(c.dept_econ_for("50501", ins).size(), c.children(code_family::econ, "301").size());
}

TEST(catalog, ReferenceBudgetDeparturesAreNotStandard) {
  // The reference budget (a unit mapping 301 to 501, i.e. 行政/参公) pairs:
  const auto& c = c2024();
  constexpr auto civ = unit_type::civil_service;
  EXPECT_TRUE(c.is_standard_pair("30101", "50101", civ));
  EXPECT_TRUE(c.is_standard_pair("30302", "50905", civ));
  EXPECT_TRUE(c.is_standard_pair("31304", "51004", civ));
  EXPECT_TRUE(c.is_standard_pair("30227", "50205", civ));
  EXPECT_FALSE(c.is_standard_pair("30107", "50501", civ));  // 绩效工资 → 505 is for 事业单位
  EXPECT_TRUE(c.is_standard_pair("30107", "50501", unit_type::institution));
  EXPECT_FALSE(c.is_standard_pair("30102", "50199", civ));  // 津贴补贴 belongs to 50101
  EXPECT_FALSE(c.is_standard_pair("31002", "50306", civ));  // 503 is for 309; 310 → 504
  EXPECT_FALSE(c.is_standard_pair("31002", "50306", unit_type::administrative));
  const auto* m = c.standard_mapping("31002", civ);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->gov_code, "50405");
}

TEST(catalog, MappingCoversEveryDepartmentCode) {
  const auto& c = c2024();
  for (const auto& e : c.entries(code_family::econ)) {
    if (e.code.size() != 5) continue;
    for (auto u : all_units) {
      const auto gov = c.gov_econ_for(e.code, u);
      ASSERT_EQ(gov.size(), 1u) << e.code << ' ' << yusuan::unit_type_name(u);
      EXPECT_TRUE(c.contains(code_family::gov_econ, gov.front())) << gov.front();
    }
  }
  for (const auto& m : c.mapping()) {
    EXPECT_TRUE(c.contains(code_family::econ, m.dept_code)) << m.dept_code;
    EXPECT_TRUE(c.contains(code_family::gov_econ, m.gov_code)) << m.gov_code;
    EXPECT_NE(m.unit_types, 0);
    EXPECT_NE(m.flags, 0);
  }
  EXPECT_EQ(yusuan::unit_type_name(unit_type::civil_service), "参公");
  EXPECT_EQ(yusuan::unit_type_name(unit_type::unknown), "");
  // Unknown unit type: only the mappings that do not depend on it.
  EXPECT_EQ(strings(c.gov_econ_for("30302", unit_type::unknown)), sv_list{"50905"});
  EXPECT_EQ(strings(c.gov_econ_for("31304", unit_type::unknown)), sv_list{"51004"});
  EXPECT_TRUE(c.gov_econ_for("30101", unit_type::unknown).empty());
  EXPECT_EQ(strings(c.gov_econ_for("303", unit_type::unknown)), sv_list{"509"});
  EXPECT_TRUE(c.gov_econ_for("301", unit_type::unknown).empty());
  EXPECT_EQ(yusuan::unit_bit(unit_type::unknown), 0);
}

// ---------------------------------------------------------------------------
// The generated header agrees with budgets/std/<year>/*.catalog
// ---------------------------------------------------------------------------

std::filesystem::path source_dir() {
  if (const char* env = std::getenv("YUSUAN_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  return std::filesystem::current_path();
}

// Lines without comments, split at white space.
std::vector<std::pair<int, std::vector<std::string>>> read_tokens(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << file;
  std::vector<std::pair<int, std::vector<std::string>>> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::vector<std::string> tokens;
    for (std::string w; words >> w;) tokens.push_back(w);
    if (!tokens.empty()) out.emplace_back(number, std::move(tokens));
  }
  return out;
}

using entry_tuple = std::tuple<std::string, std::string, unsigned, bool>;              // code name flags complete
using rename_tuple = std::tuple<std::string, std::string, int, unsigned>;              // code old until flags
using mapping_tuple = std::tuple<std::string, std::string, unsigned, unsigned>;        // dept gov units flags

std::uint8_t flags_of(const std::string& token, const std::string& where) {
  const auto f = yusuan::parse_flags(token);
  EXPECT_TRUE(f.has_value()) << where << ": bad flags " << token;
  return f.value_or(0);
}

TEST(catalog, GeneratedHeaderMatchesCatalogFiles) {
  const auto std_dir = source_dir() / "budgets" / "std";
  ASSERT_TRUE(std::filesystem::is_directory(std_dir)) << std_dir << " (set YUSUAN_SOURCE_DIR)";

  std::set<int> dirs;
  for (const auto& d : std::filesystem::directory_iterator(std_dir))
    if (d.is_directory() && d.path().filename() != "templates" &&  // the tables' templates (gen-templates.py)
        d.path().filename() != "rules")                               // the standard rule library
      dirs.insert(std::stoi(d.path().filename().string()));
  std::set<int> compiled;
  for (const auto& c : catalog::editions()) compiled.insert(c.year());
  EXPECT_EQ(dirs, compiled) << "budgets/std has editions not in catalog/data.hpp: run scripts/gen-catalog.py";

  const std::array<std::pair<code_family, const char*>, 3> files{{
      {code_family::function, "function.catalog"},
      {code_family::econ, "econ.catalog"},
      {code_family::gov_econ, "gov-econ.catalog"},
  }};
  for (int year : dirs) {
    SCOPED_TRACE(year);
    const auto& c = catalog::edition(year);
    ASSERT_EQ(c.year(), year);
    const auto dir = std_dir / std::to_string(year);

    for (const auto& [family, file_name] : files) {
      SCOPED_TRACE(file_name);
      std::set<entry_tuple> from_file, compiled_entries;
      std::set<rename_tuple> renames_file, renames_compiled;
      bool classes_complete = false;
      for (const auto& [line, t] : read_tokens(dir / file_name)) {
        const std::string where = std::string(file_name) + ":" + std::to_string(line);
        if (t[0] == "classes") {
          EXPECT_EQ(t, (std::vector<std::string>{"classes", "complete"})) << where;
          classes_complete = true;
        } else if (t[0] == "renamed") {
          ASSERT_EQ(t.size(), 5u) << where;
          renames_file.emplace(t[1], t[2], std::stoi(t[3]), flags_of(t[4], where));
        } else {
          ASSERT_TRUE(t.size() == 3 || (t.size() == 4 && t[3] == "complete")) << where;
          EXPECT_TRUE(yusuan::is_code_shape(family, t[0])) << where;
          const bool inserted = from_file.emplace(t[0], t[1], flags_of(t[2], where), t.size() == 4).second;
          EXPECT_TRUE(inserted) << where << ": duplicate";
        }
      }
      for (const auto& e : c.entries(family))
        compiled_entries.emplace(std::string(e.code), std::string(e.name), e.flags, e.complete);
      for (const auto& r : c.renames(family))
        renames_compiled.emplace(std::string(r.code), std::string(r.old_name), r.valid_until, r.flags);

      EXPECT_EQ(from_file.size(), c.entries(family).size());
      const auto show = [](const entry_tuple& e) {
        return std::get<0>(e) + ' ' + std::get<1>(e) + ' ' +
               std::string(yusuan::flags_text(static_cast<std::uint8_t>(std::get<2>(e)))) +
               (std::get<3>(e) ? " complete" : "");
      };
      for (const auto& e : from_file)
        EXPECT_TRUE(compiled_entries.count(e)) << "in file, not compiled in: " << show(e);
      for (const auto& e : compiled_entries)
        EXPECT_TRUE(from_file.count(e)) << "compiled in, not in file: " << show(e);
      EXPECT_EQ(renames_file, renames_compiled);
      EXPECT_EQ(classes_complete, c.classes_complete(family));
    }

    // mapping.catalog, expanded to (dept, gov, unit bit) so that equivalent
    // groupings of unit types compare equal.
    std::set<mapping_tuple> map_file, map_compiled;
    for (const auto& [line, t] : read_tokens(dir / "mapping.catalog")) {
      const std::string where = "mapping.catalog:" + std::to_string(line);
      ASSERT_EQ(t.size(), 4u) << where;
      std::vector<unit_type> units;
      if (t[2] == "all") {
        units.assign(all_units.begin(), all_units.end());
      } else {
        std::string_view rest = t[2];
        while (!rest.empty()) {
          const auto comma = rest.find(',');
          const auto word = rest.substr(0, comma);
          const auto it = std::find_if(all_units.begin(), all_units.end(),
                                       [&](unit_type u) { return yusuan::unit_type_name(u) == word; });
          EXPECT_NE(it, all_units.end()) << where << ": " << t[2];
          if (it != all_units.end()) units.push_back(*it);
          rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
      }
      for (auto u : units) {
        const bool inserted = map_file.emplace(t[0], t[1], yusuan::unit_bit(u), flags_of(t[3], where)).second;
        EXPECT_TRUE(inserted) << where << ": duplicate";
      }
    }
    for (const auto& m : c.mapping())
      for (auto u : all_units)
        if (yusuan::applies_to(m, u))
          map_compiled.emplace(std::string(m.dept_code), std::string(m.gov_code), yusuan::unit_bit(u), m.flags);
    const auto show = [](const mapping_tuple& m) {
      return std::get<0>(m) + " -> " + std::get<1>(m) + " (unit bit " + std::to_string(std::get<2>(m)) +
             ", flags " + std::string(yusuan::flags_text(static_cast<std::uint8_t>(std::get<3>(m)))) + ")";
    };
    for (const auto& m : map_file)
      EXPECT_TRUE(map_compiled.count(m)) << "in mapping.catalog, not compiled in: " << show(m);
    for (const auto& m : map_compiled)
      EXPECT_TRUE(map_file.count(m)) << "compiled in, not in mapping.catalog: " << show(m);
  }
}

}  // namespace
