"""Personnummer as a caseworker types it: accepted forms, every way it can be wrong, and the
numbers that must never pass as a real person's (reservnummer, test numbers)."""

from datetime import date

import pytest

from ifodesk.domain.personnummer import (
    Personnummer,
    PersonnummerError,
    is_reserve_number,
    is_synthetic,
    is_valid,
    luhn_check_digit,
    make_reserve_number,
    parse_personnummer,
    parse_reserve_number,
    synthetic_personnummer,
)

TODAY = date(2026, 3, 1)


# --- accepted forms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "digits12"),
    [
        ("19121212-1212", "191212121212"),
        ("191212121212", "191212121212"),
        ("121212+1212", "191212121212"),
        ("  19121212-1212\n", "191212121212"),
        ("\t121212+1212 ", "191212121212"),
        ("811218-9876", "198112189876"),
        ("8112189876", "198112189876"),
        ("19811218-9876", "198112189876"),
        ("198112189876", "198112189876"),
        ("900101-0025", "199001010025"),
        ("081231-0043", "200812310043"),
        ("20081231-0043", "200812310043"),
    ],
)
def test_valid_forms_normalise_to_the_same_storage_form(text, digits12):
    pnr = parse_personnummer(text, today=TODAY)
    assert pnr.digits12 == digits12
    assert pnr.formatted == f"{digits12[:8]}-{digits12[8:]}"
    assert pnr.kind == "personnummer"
    assert is_valid(text, today=TODAY)


def test_all_four_spellings_of_one_person_are_equal():
    spellings = ["19811218-9876", "198112189876", "811218-9876", "8112189876"]
    parsed = {parse_personnummer(s, today=TODAY) for s in spellings}
    assert len(parsed) == 1
    assert parsed.pop().birth_date == date(1981, 12, 18)


@pytest.mark.parametrize(
    ("text", "today", "birth_date"),
    [
        # "-": under 100 this year, so the latest year ending in YY that is not after today's.
        ("121212-1212", date(2026, 3, 1), date(2012, 12, 12)),
        ("1212121212", date(2026, 3, 1), date(2012, 12, 12)),
        ("121212-1212", date(2011, 6, 1), date(1912, 12, 12)),
        ("250601-0020", date(2026, 3, 1), date(2025, 6, 1)),
        # "+": 100 or older.
        ("121212+1212", date(2026, 3, 1), date(1912, 12, 12)),
        ("250601+0020", date(2026, 3, 1), date(1925, 6, 1)),
        ("900101-0025", date(2026, 3, 1), date(1990, 1, 1)),
        ("900101+0025", date(2026, 3, 1), date(1890, 1, 1)),
    ],
)
def test_century_of_ten_digit_form(text, today, birth_date):
    assert parse_personnummer(text, today=today).birth_date == birth_date


def test_ten_digit_form_born_later_this_year_is_a_future_date_not_a_centenarian():
    # In 2026 a centenarian born 1926 is written with "+"; with "-" it can only mean 2026.
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer("260301-0022", today=date(2026, 2, 28))
    assert err.value.code == "future"
    assert parse_personnummer("260301-0022", today=date(2026, 3, 1)).birth_date == date(2026, 3, 1)


def test_samordningsnummer():
    pnr = parse_personnummer("701063-2391", today=TODAY)
    assert pnr.kind == "samordningsnummer"
    assert pnr.birth_date == date(1970, 10, 3)
    assert pnr.digits12 == "197010632391"  # day kept as issued (63), not rewritten to 03
    assert pnr.formatted == "19701063-2391"
    assert is_valid("19701063-2391", today=TODAY)


def test_samordningsnummer_day_must_be_a_real_date_after_minus_60():
    # 90 - 60 = 30 February: no such day.
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer("070290-0000", today=TODAY)
    assert err.value.code == "date"
    assert "30 februari 2007" in str(err.value)


@pytest.mark.parametrize("text", ["20000229-0021", "000229-0021", "200002290021"])
def test_leap_day_2000_is_valid(text):
    assert parse_personnummer(text, today=TODAY).birth_date == date(2000, 2, 29)


def test_leap_day_1900_does_not_exist():
    # "+" puts 000229 in 1900, which was not a leap year (divisible by 100, not by 400).
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer("000229+0005", today=TODAY)
    assert err.value.code == "date"
    assert "1900" in str(err.value) and "skottår" in str(err.value)


# --- rejected input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "in_message"),
    [
        ("", "empty", "saknas"),
        ("   ", "empty", "saknas"),
        ("abcdefghij", "format", "otillåtna tecken"),
        ("19121212-12a2", "format", "otillåtna tecken"),
        ("19121212 1212", "format", "mellanslag"),
        ("19121212/1212", "format", "otillåtna tecken"),
        ("１９１２１２１２１２１２", "format", "andra siffror än 0–9"),  # full-width digits
        ("١٩١٢١٢١٢-١٢١٢", "format", "arabisk-indiska"),
        ("20150916-0006", "birth_number", "födelsenummer 000"),  # never issued
        ("150916-0006", "birth_number", "aldrig tilldelas"),
        ("1912121-21212", "format", "fel ställe"),
        ("19121212--1212", "format", "fel ställe"),
        ("12121212", "length", "8 siffror"),
        ("121212-121", "length", "9 siffror"),
        ("1912121212123", "length", "13 siffror"),
        ("19121312-1212", "date", "månad 13"),
        ("19120012-1212", "date", "månad 00"),
        ("19121232-1212", "date", "dag 32"),
        ("19121200-1212", "date", "dag 00"),
        ("19121292-1212", "date", "dag 92"),
        ("20230230-1234", "date", "30 februari 2023"),
        ("20230229-1234", "date", "inget skottår"),
        ("20230431-1234", "date", "31 april 2023"),
        ("00010101-1234", "date", "inte rimligt"),
        ("20260302-0021", "future", "2026-03-02"),
        ("19121212-1213", "checksum", "borde sluta på 2"),
    ],
)
def test_rejected_with_code_and_swedish_message(text, code, in_message):
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer(text, today=TODAY)
    assert err.value.code == code
    assert in_message in str(err.value)
    assert isinstance(err.value, ValueError)
    assert not is_valid(text, today=TODAY)


def test_checksum_message_names_the_number_and_the_right_digit():
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer("19121212-1213", today=TODAY)
    assert str(err.value) == "Kontrollsiffran stämmer inte: 19121212-1213 borde sluta på 2."


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("811218-9870", 6),
        ("8112189871", 6),
        ("900101-0029", 5),
        ("701063-2390", 1),
    ],
)
def test_every_wrong_check_digit_is_caught_and_corrected(text, right):
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer(text, today=TODAY)
    assert err.value.code == "checksum"
    assert str(err.value).endswith(f"borde sluta på {right}.")


def test_swapped_digits_fail_the_checksum():
    # The common typo: two neighbouring digits swapped.
    assert is_valid("811218-9876", today=TODAY)
    assert not is_valid("811218-9786", today=TODAY)


def test_today_is_allowed_tomorrow_is_not():
    assert is_valid("20260301-0022", today=date(2026, 3, 1))
    assert not is_valid("20260301-0022", today=date(2026, 2, 28))


# --- check digit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nine", "digit"),
    [
        ("121212121", 2),  # Skatteverket's example 121212-1212
        ("811218987", 6),
        ("000229000", 5),
        ("900101002", 5),
        ("900101003", 3),
        ("701063239", 1),
    ],
)
def test_luhn_check_digit(nine, digit):
    assert luhn_check_digit(nine) == digit


@pytest.mark.parametrize("bad", ["12121212", "1212121212", "12121212x", ""])
def test_luhn_needs_exactly_nine_digits(bad):
    with pytest.raises(ValueError):
        luhn_check_digit(bad)


# --- gender and age -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("19121212-1212", "M"),  # next-to-last digit 1
        ("811218-9876", "M"),  # 7
        ("900101-0025", "K"),  # 2
        ("900101-0033", "M"),  # 3
        ("081231-0043", "K"),  # 4
        ("991231-0084", "K"),  # 8
        ("701063-2391", "M"),  # samordningsnummer: same rule
    ],
)
def test_legal_gender_from_next_to_last_digit(text, gender):
    assert parse_personnummer(text, today=TODAY).legal_gender == gender


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(1981, 12, 18), 0),
        (date(1982, 12, 17), 0),
        (date(1982, 12, 18), 1),
        (date(2025, 12, 17), 43),
        (date(2025, 12, 18), 44),
        (date(2026, 3, 1), 44),
    ],
)
def test_age_on_turns_on_the_birthday(on, age):
    assert parse_personnummer("811218-9876", today=TODAY).age_on(on) == age


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2001, 2, 27), 0),
        (date(2001, 2, 28), 1),  # no 29 February: the month's last day, as for legal time
        (date(2004, 2, 28), 3),
        (date(2004, 2, 29), 4),
        (date(2018, 2, 28), 18),
    ],
)
def test_age_of_someone_born_on_leap_day(on, age):
    assert parse_personnummer("20000229-0021", today=TODAY).age_on(on) == age


def test_age_before_birth_is_an_error():
    with pytest.raises(ValueError):
        parse_personnummer("811218-9876", today=TODAY).age_on(date(1980, 1, 1))


@pytest.mark.parametrize(
    ("year", "age"),
    [(1981, 0), (1982, 1), (1999, 18), (2025, 44), (2026, 45)],
)
def test_age_reached_in_year_for_statistics(year, age):
    # Born 18 December: counts as 44 for all of 2025, also on 1 January.
    assert parse_personnummer("811218-9876", today=TODAY).age_reached_in_year(year) == age


def test_personnummer_is_immutable():
    pnr = parse_personnummer("19121212-1212", today=TODAY)
    with pytest.raises(AttributeError):
        pnr.digits12 = "000000000000"  # type: ignore[misc]
    assert isinstance(pnr, Personnummer)
    assert str(pnr) == "19121212-1212"


# --- reservnummer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "gender", "serial", "text"),
    [
        (date(1988, 1, 15), None, 42, "R19880115-0042"),
        (date(1988, 1, 15), "K", 42, "R19880115-0042K"),
        (date(2019, 12, 31), "M", 1, "R20191231-0001M"),
        (date(2000, 2, 29), None, 9999, "R20000229-9999"),
    ],
)
def test_reserve_number_round_trip(born, gender, serial, text):
    assert make_reserve_number(born, gender, serial) == text
    parsed = parse_reserve_number(text)
    assert (parsed.birth_date, parsed.gender, parsed.serial) == (born, gender, serial)
    assert is_reserve_number(text)


@pytest.mark.parametrize(
    "text", ["R19880115-0042", "R19880115-0042K", "r19880115-0042", " R19121212-1212 "]
)
def test_reserve_number_never_parses_as_personnummer(text):
    with pytest.raises(PersonnummerError) as err:
        parse_personnummer(text, today=TODAY)
    assert err.value.code == "reserve"
    assert "reservnummer" in str(err.value)
    assert not is_valid(text, today=TODAY)


def test_reserve_numbers_for_every_day_of_a_leap_year_never_pass_as_personnummer():
    d = date(2024, 1, 1)
    while d.year == 2024:
        for gender in (None, "K", "M"):
            for serial in (1, 2, 42, 9999):
                assert not is_valid(make_reserve_number(d, gender, serial), today=TODAY)
        d = date.fromordinal(d.toordinal() + 1)


@pytest.mark.parametrize(
    "text",
    ["19121212-1212", "R1988011-0042", "R19880132-0042", "R19880115-0000", "R19880115-0042X", ""],
)
def test_not_a_reserve_number(text):
    assert not is_reserve_number(text)
    with pytest.raises(ValueError):
        parse_reserve_number(text)


@pytest.mark.parametrize(
    ("gender", "serial"), [("X", 1), ("k", 1), (None, 0), (None, 10000), (None, -1)]
)
def test_make_reserve_number_rejects_bad_input(gender, serial):
    with pytest.raises(ValueError):
        make_reserve_number(date(1988, 1, 15), gender, serial)


# --- synthetic test numbers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "born",
    [date(1925, 6, 1), date(1981, 12, 18), date(2000, 2, 29), date(2012, 7, 31), date(2025, 1, 1)],
)
@pytest.mark.parametrize("gender", ["K", "M"])
def test_synthetic_numbers_are_valid_and_flagged(born, gender):
    made = [synthetic_personnummer(born, gender, serial) for serial in range(10)]
    assert len(set(made)) == 10
    for text in made:
        pnr = parse_personnummer(text, today=TODAY)
        assert pnr.birth_date == born
        assert pnr.legal_gender == gender
        assert pnr.kind == "personnummer"
        assert 980 <= int(text[9:12]) <= 999
        assert is_synthetic(pnr)


def test_both_genders_together_use_the_whole_980_999_range():
    born = date(1990, 5, 17)
    used = {
        synthetic_personnummer(born, g, s)[9:12] for g in ("K", "M") for s in range(10)
    }
    assert used == {str(n) for n in range(980, 1000)}


@pytest.mark.parametrize(
    ("text", "synthetic"),
    [
        ("19121212-1212", False),
        ("900101-0025", False),
        ("900101-9794", False),  # 979: just below the test range
        ("900101-9802", True),  # 980: first in the range
        ("900101-9992", True),  # 999: last
        ("811218-9876", True),  # the well-known example number is itself in the range
        ("701063-2391", False),
    ],
)
def test_is_synthetic_is_exactly_the_980_999_range(text, synthetic):
    assert is_synthetic(parse_personnummer(text, today=TODAY)) is synthetic


@pytest.mark.parametrize(("gender", "serial"), [(None, 0), ("X", 0), ("K", 10), ("M", -1)])
def test_synthetic_rejects_bad_input(gender, serial):
    with pytest.raises(ValueError):
        synthetic_personnummer(date(1990, 5, 17), gender, serial)


# --- the personnummer libraries' shared test data (personnummer/meta testdata/list.json) -----

# (separated_long, separated_format, long_format, valid) for each personnummer entry there.
SHARED_TESTDATA = [
    ("20150916-0006", "150916-0006", "201509160006", False),  # födelsenummer 000: never issued
    ("19090527+1474", "090527+1474", "190905271474", True),  # long form with plus
    ("19870704-9996", "870704-9996", "198707049996", False),
    ("19821105-9954", "821105-9954", "198211059954", True),
    ("19390182-9913", "390182-9913", "193901829913", False),
    ("19570574-9959", "570574-9959", "195705749959", True),
    ("20121120-9941", "121120-9941", "201211209941", False),
    ("19901211-9948", "901211-9948", "199012119948", True),
    ("20121075-9984", "121075-9984", "201210759984", False),
    ("19730674-9982", "730674-9982", "197306749982", True),
    ("18791221+9990", "791221+9990", "187912219990", True),
    ("20001209-9891", "001209-9891", "200012099891", True),
    ("19090527 1474", "090527 1474", "19090527 1474", False),
]


@pytest.mark.parametrize(("long_sep", "short_sep", "long_plain", "valid"), SHARED_TESTDATA)
def test_agrees_with_the_personnummer_libraries_shared_test_data(long_sep, short_sep, long_plain, valid):
    for text in (long_sep, short_sep, long_plain):
        assert is_valid(text, today=TODAY) is valid, text
    if valid:
        assert parse_personnummer(long_sep, today=TODAY).digits12 == long_plain


def test_long_form_with_plus_is_read_with_its_written_century():
    pnr = parse_personnummer("19090527+1474", today=TODAY)
    assert pnr.digits12 == "190905271474" and pnr.birth_date == date(1909, 5, 27)
