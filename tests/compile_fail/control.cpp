// Valid use of money: must compile cleanly with -Wall -Wextra -Wpedantic -Werror.
#include <yusuan/money.hpp>

#include <cstdint>
#include <string>
#include <vector>

int main() {
  using namespace yusuan;
  const money a = money::parse("0.10");
  const money b = money::from_yuan(2);
  money c = a + b;
  c = c - a;
  c += money::from_fen(1);
  c -= money::from_fen(1);
  c = c * 3;
  c = 3 * c;
  c = c * std::uint64_t{2};
  c *= 2;
  const money d = -c;
  const money e = c.divide(7, rounding::half_even);
  const money f = c.multiply(decimal<2>::parse("1.5"), rounding::half_up);
  const decimal<2> s = share(a, b);
  const decimal<2> g = change(a, b);
  const decimal<4> r = money::ratio<4>(a, b, rounding::half_up);
  money_sum sum;
  sum += a;
  sum += d;
  const std::vector<money> parts = allocate(b, 3);
  const std::string text = to_chinese_uppercase(e) + f.format(unit::wan_yuan, 2, true) + s.format() + g.format() +
                           r.format() + sum.value().format() + parts.front().format();
  money m;            // default construction is zero
  money n{};          // value initialisation
  money o = money{};  // copy
  return (text.empty() || !m.is_zero() || !n.is_zero() || !o.is_zero() || a == b || a > b) ? 1 : 0;
}
