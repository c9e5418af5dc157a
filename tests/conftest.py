"""Shared helpers: the fixture pages, one folder each with an input and its expected JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The benchmarks' scorer is shared with the tests that compare two doors' bodies.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed-azerbaijan-armenia-clashes"

# A sentence of article prose per language, for invented pages.
PROSE = {
    "en": "The council met on the evening before and agreed the plan for the harbour after a long debate.",
    "de": "Der Gemeinderat hat am Abend zuvor nach einer langen Debatte den Plan für den Hafen beschlossen.",
    "fr": "Le conseil municipal a adopté la veille au soir le projet du port après un long débat entre les élus.",
    "es": "El pleno aprobó anoche el plan del puerto después de un largo debate entre los grupos municipales.",
    "it": "Il consiglio comunale ha approvato ieri sera il piano per il porto dopo un lungo dibattito in aula.",
    "pt": "A câmara aprovou ontem à noite o plano do porto depois de um longo debate entre os vereadores.",
    "pl": "Rada miasta przyjęła wczoraj wieczorem plan dla portu po długiej debacie wszystkich radnych.",
    "ru": "Городской совет вчера вечером после долгих споров утвердил план реконструкции старого порта.",
}


@dataclass(frozen=True)
class Fixture:
    name: str
    input: Path
    expected: dict[str, Any]


def fixtures(kind: str) -> list[Fixture]:
    """Every fixture folder whose input is ``input.<kind>`` (txt or html)."""
    found = []
    for folder in sorted(FIXTURES.iterdir()):
        source = folder / f"input.{kind}"
        if source.is_file():
            found.append(Fixture(folder.name, source, json.loads((folder / "expected.json").read_text("utf-8"))))
    return found


# News in the scripts of the legacy CJK charsets (a headline and its paragraphs), for the
# decoding tests. The Chinese one has a character outside GB2312 (堃, in GBK); "gb18030" adds a
# paragraph that only GB18030 can write (䶮, and © in four bytes).
CJK_NEWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ko": (
        "서울시, 내년부터 심야버스 노선 두 배로 늘린다",
        (
            "서울시는 내년 1월부터 심야 시간대 대중교통 이용객의 불편을 줄이기 위해 올빼미버스 노선을 현재의 두 배"
            " 수준으로 확대한다고 12일 밝혔다.",
            "시에 따르면 새로 생기는 노선은 주로 강남과 여의도, 홍대 입구 등 늦은 시간까지 유동 인구가 많은 지역을"
            " 중심으로 운영되며, 배차 간격도 평균 이십 분에서 십오 분으로 줄어든다.",
            "시 관계자는 “택시 승차난이 계속되는 상황에서 시민들이 안전하게 귀가할 수 있도록 예산을 추가로"
            " 편성했다”며 “이용 현황을 분석해 노선을 계속 조정하겠다”고 말했다.",
        ),
    ),
    "ja": (
        "大雨で新幹線が一時運転見合わせ　東海道線にも遅れ",
        (
            "気象庁によると、前線の影響で静岡県を中心に非常に激しい雨が降り、東海道新幹線は十四日午前、東京と名古屋の"
            "間で一時運転を見合わせた。",
            "ＪＲ東海は、雨量計の数値が規制値を超えたため安全を確認していると説明しており、運転再開は正午過ぎになる"
            "見通しだという。",
            "駅の窓口には払い戻しを求める乗客の長い列ができ、出張で大阪に向かう予定だった会社員の男性は「会議に"
            "間に合うかわからない」と話していた。",
        ),
    ),
    "zh": (
        "城市博物馆新展开幕　千件文物讲述岭南海上贸易",
        (
            "记者从市文化广电旅游局获悉，城市博物馆新馆首个大型展览昨日正式对公众开放，展出陶瓷、钱币和沉船遗物等"
            "文物一千余件，展期将持续到明年三月底。",
            "据策展人介绍，展览按照时代分为五个部分，其中不少展品是近年来在珠江口附近水下考古中首次发现的，"
            "此前从未公开展出。",
            "前来参观的市民李堃说，自己带孩子专门提前在网上预约，希望孩子能通过这些文物了解城市的历史。",
        ),
    ),
    "gb18030": (
        "城市博物馆新展开幕　千件文物讲述岭南海上贸易",
        ("其中最受关注的是一枚南汉开国皇帝刘䶮时期铸造的银币，保存完好，十分罕见。", "© 2024 城市日报社 版权所有"),
    ),
    "zh-hant": (
        "颱風逼近　北部學校明天停課",
        (
            "中央氣象署表示，颱風中心預計明天清晨在東北部海面通過，北部及東北部地區將有豪雨，民眾應嚴防強風和淹水。",
            "台北市政府今晚宣布，明天全市停止上班上課，公車和捷運將依照假日班次行駛，請市民盡量減少外出。",
            "不少超市傍晚湧入採買人潮，蔬菜和泡麵很快就被搶購一空，店員表示晚上會再補貨。",
        ),
    ),
}


def cjk_page(language: str, *, head: str = "") -> str:
    """An HTML page of ``CJK_NEWS[language]`` ("gb18030": the Chinese page with its extra paragraph)."""
    headline, paragraphs = CJK_NEWS["zh" if language == "gb18030" else language]
    if language == "gb18030":
        paragraphs += CJK_NEWS["gb18030"][1]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{headline}</title></head>\n"
        f"<body><article><h1>{headline}</h1>\n{body}</article></body></html>\n"
    )


# Right-to-left news as a scraper saves it (headline, menu words, paragraphs), to which the
# tests add the invisible direction marks that such dumps carry after each sentence.
RTL_DUMPS: dict[str, tuple[str, ...]] = {
    "ar": (
        "أمطار غزيرة تغلق الطرق في شمال البلاد",
        "الرئيسية",
        "محليات",
        "توقفت حركة السير صباح الثلاثاء على عدة طرق رئيسية في شمال البلاد بعد أمطار غزيرة استمرت طوال الليل.",
        "وقالت مديرية الدفاع المدني إن فرقها أنقذت أكثر من أربعين شخصا علقوا في سياراتهم قرب مجاري الأودية.",
        "وأعلنت وزارة التربية تعليق الدوام في المدارس الحكومية والخاصة في ثلاث محافظات حتى إشعار آخر.",
        "ويتوقع خبراء الأرصاد أن تتراجع كميات الأمطار تدريجيا مساء الأربعاء مع ارتفاع طفيف في درجات الحرارة.",
    ),
    "fa": (
        "نمایشگاه کتاب تهران با حضور ناشران خارجی آغاز شد",
        "خانه",
        "فرهنگ",
        "نمایشگاه بین‌المللی کتاب تهران صبح چهارشنبه با حضور بیش از دو هزار ناشر داخلی و خارجی آغاز به کار کرد.",
        "به گفته دبیر نمایشگاه، امسال بخش ویژه‌ای برای کتاب‌های کودک و نوجوان در نظر گرفته شده است.",
        "بازدیدکنندگان می‌توانند تا پایان هفته آینده هر روز از ساعت نه صبح تا هشت شب از نمایشگاه دیدن کنند.",
        "مسئولان برگزاری پیش‌بینی می‌کنند که شمار بازدیدکنندگان امسال از سال گذشته بیشتر باشد.",
    ),
    "he": (
        "גל חום כבד צפוי בסוף השבוע בכל רחבי הארץ",
        "בית",
        "חדשות",
        "השירות המטאורולוגי הודיע כי הטמפרטורות יעלו ביום שישי לארבעים מעלות ויותר בבקעת הירדן ובערבה.",
        "משרד הבריאות ממליץ להימנע ממאמץ גופני בשעות הצהריים ולשתות מים בכמות גדולה גם ללא תחושת צמא.",
        "ברשויות המקומיות נפתחו מרכזי קירור לקשישים, ובחברת החשמל נערכים לשיא צריכה בשעות הערב.",
        "לפי התחזית, ההקלה תגיע רק בתחילת השבוע הבא עם ירידה של כמה מעלות.",
    ),
}
