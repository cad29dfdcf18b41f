// yusuan/money.hpp -- exact decimal money: everything in include/yusuan/money/.
//
// `money` counts 分 (0.01 元) in a checked 64-bit integer.  Nothing here converts
// from or to binary floating point.  Whenever a value has to be rounded the
// caller names the rounding mode; products and quotients go through 128 bits
// (yusuan::int128) so that `a * b / c` cannot overflow silently, and every
// overflow throws `yusuan::overflow_error`, or, in the form of a named
// function that takes a `std::error_code&`, sets errc::overflow.
//
//   money/unit.hpp          unit (元 万元 亿元), rounding modes, their names
//   money/int128.hpp        int128, a signed 128-bit integer
//   money/amount_error.hpp  amount_errc and amount_parse_error: text that is not an amount
//   money/describe.hpp      describe_amount_error: that failure in words
//   money/decimal.hpp       decimal<Scale>: rates, percentages, shares
//   money/money.hpp         money: parse, format, round, arithmetic
//   money/sum.hpp           money_sum and sum(): exact totals of any length
//   money/percent.hpp       share() and change() in percent
//   money/allocate.hpp      allocate(): parts that add up exactly
//   money/chinese.hpp       to_chinese_uppercase(): 人民币大写
//
// Errors are those of yusuan/error.hpp: every named function that can fail
// has a throwing form and a form with a `std::error_code&` that sets the same
// errc.  Each header can be included on its own.
#pragma once

#include <yusuan/version.hpp>

#include <yusuan/error.hpp>
#include <yusuan/money/allocate.hpp>
#include <yusuan/money/amount_error.hpp>
#include <yusuan/money/chinese.hpp>
#include <yusuan/money/decimal.hpp>
#include <yusuan/money/describe.hpp>
#include <yusuan/money/int128.hpp>
#include <yusuan/money/money.hpp>
#include <yusuan/money/percent.hpp>
#include <yusuan/money/sum.hpp>
#include <yusuan/money/unit.hpp>
