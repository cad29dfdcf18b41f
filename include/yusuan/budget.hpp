// yusuan/budget.hpp -- the checked budget and what it is made of.
#pragma once

#include <yusuan/model/budget.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/records.hpp>
