"""Synthetic people for the demo site and the tests: never real personal data.

Names are drawn from common surnames and given-name characters; ID numbers have valid
check characters and real birth dates, with region codes of real prefectures.
"""

from __future__ import annotations

import functools
import random
from datetime import date, timedelta

from models.rules.identity import check_char, region_known
from models.store.orm import Sex

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉玉萍红娥玲芬燕鹏志宇浩"
    "然子轩梓涵欣怡俊杰思远雨欣博文佳琪晨曦嘉怡天宇一诺"
)
REGIONS = [
    "110105",
    "310104",
    "440106",
    "420106",
    "510107",
    "330106",
    "320102",
    "500103",
    "610113",
    "370102",
    "430104",
    "350203",
    "210102",
    "120101",
    "650102",
    "530102",
    "450103",
    "460106",
    "630104",
    "540102",
]
ORIGINS = [
    "北京市朝阳区",
    "上海市徐汇区",
    "广州市天河区",
    "武汉市武昌区",
    "成都市武侯区",
    "杭州市西湖区",
    "南京市玄武区",
    "重庆市渝中区",
    "西安市雁塔区",
    "济南市历下区",
    "入境航班 CA982",
    "入境航班 MU588",
]
FOREIGN = ["阿卜杜·热合曼", "买买提·艾力", "古丽·努尔", "Anna·Schmidt", "扎西·多吉"]


@functools.lru_cache(maxsize=4096)
def _region_ok(region: str, year: int) -> bool:
    body = f"{region}{year:04d}0101001"
    return region_known(body + check_char(body))


def resident_id(rng: random.Random, birth: date, sex: Sex, region: str | None = None) -> str:
    """A valid number; the region is one whose county code existed in the birth year (no warnings)."""
    seq = rng.randrange(0, 50) * 2 + (1 if sex is Sex.MALE else 0)
    tail = f"{birth:%Y%m%d}{rng.randrange(0, 10)}{seq:02d}"
    candidates = [region] if region else rng.sample(REGIONS, len(REGIONS))
    code = next((c for c in candidates if region or _region_ok(c, birth.year)), candidates[0])
    body = code + tail
    return body + check_char(body)


def name(rng: random.Random) -> str:
    if rng.random() < 0.02:
        return rng.choice(FOREIGN)
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


# three-digit prefixes of assigned mobile ranges (phonenumbers accepts every number under them)
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"


def birth_date(rng: random.Random, today: date, min_age: int = 1, max_age: int = 85) -> date:
    return today - timedelta(days=rng.randrange(min_age * 365, max_age * 365))


def person(rng: random.Random, today: date, *, min_age: int = 1, max_age: int = 85) -> dict[str, object]:
    sex = rng.choice((Sex.MALE, Sex.FEMALE))
    born = birth_date(rng, today, min_age, max_age)
    return {
        "name": name(rng),
        "sex": sex,
        "birth_date": born,
        "doc_number": resident_id(rng, born, sex),
        "phone": mobile(rng),
        "origin": rng.choice(ORIGINS),
    }
