// yusuan/tables.hpp -- the disclosure tables of a unit budget (单位预算公开表,
// 预算01表 … 预算13表), built as queries over a checked budget and written as
// aligned text, CSV, Markdown or JSON.
//
//   const yusuan::budget b = yusuan::load_budget("budgets/x.budget");
//   const auto t = yusuan::tables::build(b, "03");        // 预算03表 单位支出预算表
//   yusuan::tables::write_text(std::cout, t);
//
// Every figure of a table is a sum over the budget's items (or its income
// lines, projects and stated balances); the builders hold the layout of each
// table (columns, row order, which query fills which cell), never an amount.
// A cell is blank when nothing contributes to it, as in the published tables.
// The rows of 预算01表 and 预算04表 (every functional 类 with the table's own
// wording and numbering) come from the catalog (budgets/std/<year>/
// table-rows.catalog, see catalog::table_rows()).
//
// The default layout reproduces the tables of the 2024 unit budget of
// 洛阳市社会保险中心 (tests/golden/NN.csv are its CSV transcriptions).
// Spirit-free.
//
//   tables/model.hpp            table, column, cell, row, options
//   tables/registry.hpp         the 13 ids, names and titles; parse_id
//   tables/template_tables.hpp  01, 04 (rows from the catalog's templates)
//   tables/income.hpp           02
//   tables/expenditure.hpp      03, 05, 09, 10
//   tables/economic.hpp         06, 07, 08, 11
//   tables/projects.hpp         12, 13
//   tables/build.hpp            build(b, id), build_all
//   tables/render_*.hpp         text, CSV, Markdown, JSON
//   tables/write.hpp            write(os, t, format), to_string
//   tables/error.hpp            unknown table and format errors
#pragma once

#include <yusuan/tables/build.hpp>
#include <yusuan/tables/error.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/registry.hpp>
#include <yusuan/tables/write.hpp>
