// fuzz/fuzz_money.cpp -- libFuzzer target: reading and writing amounts.  The
// first byte chooses the unit and the rounding; the rest is parsed as an
// amount, a decimal and a percentage.  An amount read back from its own
// formatting is the same amount; 大写 and every unit's formatting must not
// fail for an amount that was read.
#include <yusuan/money.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr yusuan::unit units[] = {yusuan::unit::yuan, yusuan::unit::wan_yuan, yusuan::unit::yi_yuan};
  static constexpr yusuan::rounding modes[] = {yusuan::rounding::half_up, yusuan::rounding::half_even,
                                               yusuan::rounding::down, yusuan::rounding::unnecessary};
  const yusuan::unit u = units[data[0] % 3];
  const yusuan::rounding mode = modes[(data[0] / 3) % 4];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  std::error_code ec;
  std::size_t pos = 0;
  const yusuan::money m = yusuan::money::parse(text, u, mode, ec, pos);
  if (!ec) {
    for (auto v : units) {
      const std::string f = m.format(v, yusuan::exact_decimals(v), true);
      std::error_code back_ec;
      std::size_t back_pos = 0;
      const yusuan::money back = yusuan::money::parse(f, v, back_ec, back_pos);  // exact: no rounding
      if (back_ec || back != m) std::abort();  // formatting loses nothing at a unit's own decimals
      (void)m.format(v, 0);
      (void)m.format(v, 18);
    }
    (void)yusuan::to_chinese_uppercase(m);
    yusuan::money_sum s;
    s += m;
    s += m;
    (void)s.fen();
  } else {
    (void)yusuan::describe_amount_error(text, ec, pos, u, mode);
  }
  std::error_code dec_ec;
  std::size_t dec_pos = 0;
  const auto d = yusuan::decimal<6>::parse(text, dec_ec, dec_pos);
  if (!dec_ec) (void)d.format();
  else (void)yusuan::describe_decimal_error(text, dec_ec, dec_pos, 6);
  return 0;
}
