// yusuan/catalog.hpp -- the classification catalogs (政府收支分类科目 and both
// economic classifications, with the 部门 → 政府 mapping), compiled in.
#pragma once

#include <yusuan/catalog/catalog.hpp>
