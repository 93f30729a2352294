"""Identity documents, phone numbers and names (models/rules/identity.py)."""

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import exceptions as stdnum_exc
from stdnum.cn import ric

from models.demo import synthetic
from models.errors import DomainError
from models.rules.identity import (
    check_char,
    mask_id,
    mask_phone,
    normalise_doc_number,
    normalise_mobile,
    normalise_name,
    parse_resident_id,
    upgrade_15,
)
from models.store.orm import DocType, Sex

TODAY = date(2026, 11, 23)
VALID = "11010519491231002X"  # a textbook example: Beijing Chaoyang, born 31 Dec 1949, female


def with_check(first17: str) -> str:
    return first17 + check_char(first17)


def refusal(fn, *args):
    with pytest.raises(DomainError) as err:
        fn(*args)
    assert err.value.zh and err.value.en  # every refusal reads in both languages
    return err.value.code


# --- resident ID numbers ---------------------------------------------------------------------


def test_valid_number_gives_birth_date_and_sex():
    rid = parse_resident_id(VALID, TODAY)
    assert (rid.number, rid.birth_date, rid.sex, rid.region_known, rid.upgraded_from, rid.warnings) == (
        VALID,
        date(1949, 12, 31),
        Sex.FEMALE,
        True,
        None,
        [],
    )


def test_odd_sequence_is_male():
    number = with_check("11010519800101001")
    assert parse_resident_id(number, TODAY).sex is Sex.MALE


def test_check_character_follows_iso_7064_mod_11_2():
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    for body in ("11010519491231002", "44010619850315123", "51010720001231567", "00000000000000000"):
        total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
        assert check_char(body) == "10X98765432"[total % 11]


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",  # lower-case x
        " 110105 19491231 002X ",  # spaces
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and X
        "１１０１０５１９４９１２３１００２ｘ",  # full-width lower-case x
        "110105\u300019491231002X",  # ideographic space
    ],
)
def test_lower_case_spaces_and_full_width_are_normalised(raw):
    assert parse_resident_id(raw, TODAY).number == VALID


def test_fifteen_digit_legacy_number_is_upgraded():
    rid = parse_resident_id("110105491231002", TODAY)
    assert rid.number == VALID  # century 19 inserted, check character added
    assert (rid.upgraded_from, rid.birth_date, rid.sex) == ("110105491231002", date(1949, 12, 31), Sex.FEMALE)


def test_fifteen_digit_male_number_is_upgraded_with_its_check_character():
    rid = parse_resident_id("440106850315123", TODAY)
    assert rid.number == with_check("44010619850315123")
    assert (rid.birth_date, rid.sex) == (date(1985, 3, 15), Sex.MALE)


def test_fifteen_digit_number_with_impossible_date_is_refused():
    assert refusal(parse_resident_id, "110105490231002", TODAY) == "id_birth_date"  # 31 Feb 1949


@pytest.mark.parametrize("wrong", [c for c in "0123456789X" if c != "X"])
def test_every_wrong_check_character_is_refused(wrong):
    assert refusal(parse_resident_id, VALID[:17] + wrong, TODAY) == "id_checksum"


def test_wrong_check_character_with_unknown_region_is_still_a_checksum_error():
    body = "99010519800101001"
    wrong = "0" if check_char(body) != "0" else "1"
    assert refusal(parse_resident_id, body + wrong, TODAY) == "id_checksum"


@pytest.mark.parametrize(
    "born",
    [TODAY + timedelta(days=1), date(2030, 1, 1), date(2099, 12, 31)],
)
def test_future_birth_date_with_correct_check_character_is_refused(born):
    number = with_check(f"110105{born:%Y%m%d}002")
    assert refusal(parse_resident_id, number, TODAY) == "id_birth_date"


def test_born_today_is_accepted():
    assert parse_resident_id(with_check(f"110105{TODAY:%Y%m%d}002"), TODAY).birth_date == TODAY


@pytest.mark.parametrize(
    "birth",
    ["19491232", "19490230", "19491301", "19490001", "19490100", "20230229", "18800101"],
)
def test_impossible_birth_date_with_correct_check_character_is_refused(birth):
    assert refusal(parse_resident_id, with_check(f"110105{birth}002"), TODAY) == "id_birth_date"


def test_leap_day_is_a_real_date():
    assert parse_resident_id(with_check("11010520000229002"), TODAY).birth_date == date(2000, 2, 29)


@pytest.mark.parametrize(
    "raw",
    [
        "110105194912310000",  # Excel kept 15 significant digits, the rest became zeros
        "1.10105E+17",  # ... or showed the number in scientific notation
        "1.10105194912310E+17",
        "1.10105e+17",
        "１.１０１０５Ｅ＋１７",
    ],
)
def test_excel_truncated_numbers_are_named_as_such(raw):
    assert refusal(parse_resident_id, raw, TODAY) == "id_truncated"


def test_valid_number_ending_in_000_is_not_mistaken_for_excel_damage():
    # sequence x00 and check character 0: a real number that happens to end in 000
    bodies = (f"11010519800{m}{d:02d}{x}00" for m in (1, 2) for d in range(1, 29) for x in range(10))
    number = next(b + "0" for b in bodies if check_char(b) == "0")
    assert number.endswith("000")
    assert parse_resident_id(number, TODAY).number == number


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("1101051949123100", "id_format"),  # 16 digits
        ("1101051949123100299", "id_format"),  # 19 digits
        ("11010519491231X02X", "id_format"),  # X only as the last character
        ("A1010519491231002X", "id_format"),
        ("", "id_empty"),
        ("   ", "id_empty"),
    ],
)
def test_malformed_numbers_say_why(raw, code):
    assert refusal(parse_resident_id, raw, TODAY) == code


def test_unknown_region_code_is_accepted_with_a_warning():
    number = with_check("99010519800101001")
    rid = parse_resident_id(number, TODAY)
    assert (rid.number, rid.birth_date, rid.sex) == (number, date(1980, 1, 1), Sex.MALE)
    assert (rid.region_known, rid.warnings) == (False, ["region_unknown"])


def test_region_created_after_the_birth_year_is_accepted_with_a_warning():
    # 110112 (通州区) exists since 1997; the code says where the number was issued, not where one was born
    rid = parse_resident_id(with_check("11011219500101002"), TODAY)
    assert (rid.birth_date, rid.warnings) == (date(1950, 1, 1), ["region_unknown"])


def test_retired_region_code_stays_valid_for_life():
    # 110103 (崇文区) was merged away in 2010: a number issued there before is still a real number
    rid = parse_resident_id(with_check("11010319800101002"), TODAY)
    assert (rid.birth_date, rid.warnings) == (date(1980, 1, 1), [])


@given(
    region=st.sampled_from(["110105", "110112", "110103", "440305", "999999", "110100", "652901"]),
    born=st.dates(date(1890, 1, 1), TODAY),
    seq=st.integers(0, 999),
    check=st.sampled_from([None, *"0123456789X"]),
)
def test_the_verdict_is_stdnums_with_the_region_only_a_warning(region, born, seq, check):
    """parse_resident_id checks what stdnum's ric.validate checks, in its order, and asks stdnum's region
    table once per region and year: the verdict and the warning are stdnum's for every number."""
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    number = body + (check or check_char(body))
    try:
        ric.validate(number)
        expected = ("ok", [])
    except stdnum_exc.InvalidChecksum:
        # a wrong check character after "000": the tail Excel's 15 significant digits left (id_truncated),
        # said before the checksum
        expected = ("id_truncated" if number.endswith("000") else "id_checksum", None)
    except (stdnum_exc.InvalidComponent, KeyError, ValueError):  # the region (the birth date is real)
        expected = ("ok", ["region_unknown"])
    try:
        rid = parse_resident_id(number, TODAY)
        got = ("ok", rid.warnings)
    except DomainError as exc:
        got = (exc.code, None)
    assert got == expected


def test_doc_numbers_by_type():
    assert normalise_doc_number(DocType.RESIDENT_ID, "11010519491231002x") == VALID
    assert normalise_doc_number(DocType.PASSPORT, " e1234 5678 ") == "E12345678"
    assert normalise_doc_number(DocType.HK_MACAO_TAIWAN, "ｈ１２３４５６７８") == "H12345678"
    with pytest.raises(DomainError) as err:
        normalise_doc_number(DocType.PASSPORT, "  ")
    assert err.value.code == "id_empty"
    with pytest.raises(DomainError) as err:
        normalise_doc_number(DocType.RESIDENT_ID, "11010519491231003X")
    assert err.value.code == "id_checksum"


@given(
    st.integers(0, 10**6),
    st.dates(date(1900, 1, 1), TODAY),
    st.sampled_from(list(Sex)),
)
def test_synthetic_ids_parse_back_to_their_birth_date_and_sex(seed, born, sex):
    number = synthetic.resident_id(random.Random(seed), born, sex)
    rid = parse_resident_id(number, TODAY)
    assert (rid.number, rid.birth_date, rid.sex) == (number, born, sex)
    assert rid.warnings == []  # synthetic.py promises region codes that existed in the birth year


@given(
    st.integers(0, 10**6),
    st.dates(date(1900, 1, 1), TODAY),
    st.sampled_from(list(Sex)),
    st.sampled_from(synthetic.REGIONS),
)
def test_synthetic_ids_with_a_given_region_parse_back(seed, born, sex, region):
    number = synthetic.resident_id(random.Random(seed), born, sex, region)
    rid = parse_resident_id(number, TODAY)
    assert (rid.number[:6], rid.birth_date, rid.sex) == (region, born, sex)


@given(st.integers(0, 10**6), st.dates(date(1900, 1, 1), TODAY), st.integers(0, 17), st.integers(1, 9))
def test_any_single_character_typo_is_caught(seed, born, position, shift):
    number = synthetic.resident_id(random.Random(seed), born, Sex.FEMALE)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    old = alphabet.index(number[position])
    typo = number[:position] + alphabet[(old + shift) % len(alphabet)] + number[position + 1 :]
    assert typo != number
    with pytest.raises(DomainError) as err:
        parse_resident_id(typo, TODAY)
    assert err.value.code in ("id_checksum", "id_truncated")


@given(st.dates(date(1900, 1, 1), date(1999, 12, 31)), st.integers(0, 999))
def test_fifteen_digit_numbers_upgrade_consistently(born, seq):
    old = f"110105{born:%y%m%d}{seq:03d}"
    rid = parse_resident_id(old, TODAY)
    assert rid.number == upgrade_15(old) == with_check(f"110105{born:%Y%m%d}{seq:03d}")
    assert (rid.birth_date, rid.sex, rid.upgraded_from) == (born, Sex.MALE if seq % 2 else Sex.FEMALE, old)


# --- mobile numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13800138000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("+8613800138000", "13800138000"),
        ("0086 138 0013 8000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        (" 13800138000 ", "13800138000"),
        ("１３８００１３８０００", "13800138000"),  # full-width from Excel
        ("16612345678", "16612345678"),
        ("16212345678", "16212345678"),
        ("16012345678", "16012345678"),  # 16x and 19x are real ranges: never refuse them by prefix
        ("19912345678", "19912345678"),
        ("19212345678", "19212345678"),
        ("19412345678", "19412345678"),
        ("14912345678", "14912345678"),
        ("17412345678", "17412345678"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_mobiles_are_normalised(raw, expected):
    assert normalise_mobile(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "12012345678",  # 12x is no mobile range
        "12345678901",
        "11012345678",
        "10012345678",
        "010-12345678",  # landlines
        "01012345678",
        "021 6123 4567",
        "0755-12345678",
        "+86 10 1234 5678",
        "400-123-4567",
        "95588",
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "+852 61234567",  # Hong Kong
        "+1 415 555 0100",
        "abc",
        "电话",
    ],
)
def test_bad_mobiles_are_refused(raw):
    assert refusal(normalise_mobile, raw) == "phone_invalid"


def test_synthetic_mobiles_are_all_valid():
    rng = random.Random(5)
    for _ in range(500):
        number = synthetic.mobile(rng)
        assert normalise_mobile(number) == number


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dot",
    ["·", "•", "・", "･", "．", ".", "‧", "∙", "⋅", "\u0387"],
)
def test_middle_dot_variants_become_one_middle_dot(dot):
    assert normalise_name(f"阿卜杜{dot}热合曼") == "阿卜杜·热合曼"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 古丽·努尔 ", "古丽·努尔"),
        ("王䶮", "王䶮"),  # CJK extension A
        ("𠮷野家", "𠮷野家"),  # CJK extension B: outside the BMP
        ("𪚥", "𪚥"),
        ("Ａｎｎａ·Ｓｃｈｍｉｄｔ", "Anna·Schmidt"),  # full-width Latin folded
        ("⼀心", "一心"),  # Kangxi radical (from copied PDFs) becomes the ideograph
        ("张\u3000 三", "张 三"),  # runs of spaces, ideographic space included, become one
        ("Anna Schmidt", "Anna Schmidt"),
    ],
)
def test_names_keep_rare_characters_and_are_tidied(raw, expected):
    assert normalise_name(raw) == expected


def test_rare_characters_are_kept_code_point_for_code_point():
    assert [hex(ord(c)) for c in normalise_name("𠮷䶮")] == ["0x20bb7", "0x4dae"]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "name_empty"),
        ("   ", "name_empty"),
        ("张3", "name_invalid"),
        ("李<b>", "name_invalid"),
        ("王@", "name_invalid"),
    ],
)
def test_bad_names_are_refused(raw, code):
    assert refusal(normalise_name, raw) == code


# --- masking ---------------------------------------------------------------------------------


def test_id_masking_hides_the_birth_date():
    masked = mask_id(VALID)
    assert masked == "1101**********002X"
    assert "19491231" not in masked and len(masked) == 18


def test_phone_masking():
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone(None) == mask_phone("") == ""
    assert "0013" not in mask_phone("13800138000")
